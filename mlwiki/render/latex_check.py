"""Mistakes in a formula that MathJax (Anki's renderer) would show as an error: braces or environments that do not
close, `\\left` without `\\right`, and commands that are neither MathJax's nor defined by the wiki's macros file.

`latex_problems` is pure: LaTeX in, messages out (empty: nothing wrong). `check` reports them as warnings, and the
terminal shows a formula that has any as its source with a marker (`latex_text`) rather than a guess.
"""

from __future__ import annotations

import re
from functools import lru_cache

from mlwiki.render.latex_known import MATHJAX_ENVIRONMENTS, MATHJAX_MACROS
from mlwiki.render.latex_parser import _tokenize
from mlwiki.render.spans import math_spans

__all__ = ["defined_names", "formulas", "latex_problems"]

# `\newcommand{\name}`, `\renewcommand\name`, `\def\name`, `\DeclareMathOperator{\name}`: the names a definition adds.
_DEFINITION = re.compile(r"\\(?:(?:re|provide)?newcommand\*?|DeclareMathOperator\*?|def)\s*\{?\s*\\([A-Za-z]+)")
MLWIKI_MACROS = frozenset({"cloze"})  # `\\cloze{…}` hides part of a formula (docs/syntax.md); cards never show it


def defined_names(definitions: str) -> frozenset[str]:
    """The command names that macro definitions (`\\newcommand` text, as `render.macros.extract_macros` gives) add."""
    return frozenset(_DEFINITION.findall(definitions))


def formulas(text: str) -> list[str]:
    """The LaTeX inside each math span of Markdown text (`$…$`, `$$…$$`, `\\(…\\)`, `\\[…\\]`)."""
    out = []
    for start, end in math_spans(text):
        span = text[start:end]
        out.append(span[1:-1] if span.startswith("$") and not span.startswith("$$") else span[2:-2])
    return out


def latex_problems(latex: str, defined: frozenset[str] = frozenset()) -> list[str]:
    """What MathJax would reject in one formula (the body of a `$…$`): one message per mistake, in source order.
    `defined`: command names the wiki's macros file adds (they count as known)."""
    return list(_problems(latex, frozenset(defined)))


@lru_cache(maxsize=4096)  # notes repeat their formulas (a cloze's siblings, a formula card and its context)
def _problems(latex: str, defined: frozenset[str]) -> tuple[str, ...]:
    tokens = _tokenize(latex)
    known = MATHJAX_MACROS | MLWIKI_MACROS | defined | defined_names(latex)  # a formula may define its own macros
    problems: list[str] = []
    depth = 0
    envs: list[str] = []
    lefts = 0
    unknown: list[str] = []
    i = 0
    while i < len(tokens):
        kind, value = tokens[i]
        i += 1
        if kind == "char" and value == "{":
            depth += 1
        elif kind == "char" and value == "}":
            if depth == 0:
                problems.append("a `}` closes no `{`")
            else:
                depth -= 1
        elif kind == "macro" and value in ("begin", "end"):
            name, i = _group_text(tokens, i)
            problems += _environment(value, name, envs)
        elif kind == "macro" and value == "left":
            lefts += 1
        elif kind == "macro" and value == "right":
            if lefts == 0:
                problems.append("`\\right` without a `\\left`")
            else:
                lefts -= 1
        elif kind == "macro" and value.isalpha() and value not in known and value not in unknown:
            unknown.append(value)
    if depth:
        problems.append(f"{_count(depth, 'a `{` is', '`{` are')} never closed")
    problems += [f"`\\begin{{{name}}}` is never closed by `\\end{{{name}}}`" for name in envs]
    if lefts:
        problems.append(_count(lefts, "a `\\left` has", "`\\left`s have") + " no `\\right`")
    if unknown:
        names = ", ".join(f"`\\{name}`" for name in unknown)
        problems.append(f"unknown command {names}: neither MathJax's nor in the wiki's macros file" if len(unknown) == 1
                        else f"unknown commands {names}: neither MathJax's nor in the wiki's macros file")
    return tuple(problems)


def _count(n: int, one: str, many: str) -> str:
    return one if n == 1 else f"{n} {many}"


def _group_text(tokens: list[tuple[str, str]], i: int) -> tuple[str | None, int]:
    """The text of the `{…}` group at tokens[i] (whitespace skipped) and the index after it; None when there is none."""
    while i < len(tokens) and tokens[i][0] == "ws":
        i += 1
    if i >= len(tokens) or tokens[i] != ("char", "{"):
        return None, i
    parts = []
    for j in range(i + 1, len(tokens)):
        kind, value = tokens[j]
        if (kind, value) == ("char", "}"):
            return "".join(parts).strip(), j + 1
        if (kind, value) == ("char", "{"):
            break
        parts.append("\\" + value if kind == "macro" else value)
    return None, i


def _environment(command: str, name: str | None, envs: list[str]) -> list[str]:
    """Check one `\\begin{name}`/`\\end{name}` against the open environments (updated in place)."""
    if name is None:
        return [f"`\\{command}` without an environment name in braces"]
    problems = []
    if command == "begin":
        if name not in MATHJAX_ENVIRONMENTS:
            problems.append(f"unknown environment `{name}`: MathJax has no `\\begin{{{name}}}`")
        envs.append(name)
    elif not envs:
        problems.append(f"`\\end{{{name}}}` closes no `\\begin{{{name}}}`")
    elif envs[-1] != name:
        problems.append(f"`\\begin{{{envs[-1]}}}` is closed by `\\end{{{name}}}`")
        envs.pop()
    else:
        envs.pop()
    return problems
