r"""A display formula too wide for its page, written again as an author would break it: TeX in, TeX out.

The browser cannot break MathML lines, so the page is given the one-line formula and, after it, the same formula
as `aligned` rows (`render.mathml` converts each); the page's script shows the first that fits its width. The
rows break as the terminal's (`render.formula_rows`) and as `align`/`multline` would be written by hand: first
before each top-level relation after the first (`=`, `\le`, `\approx`, `\iff` …, never inside braces, brackets,
`\left…\right` or an environment), aligned on the relation; then, for rows still long, before top-level binary
`+`/`-`/`\pm`, indented under the right-hand side. Every token of the formula stays, in order.
"""

from __future__ import annotations

import re

__all__ = ["row_variants"]

_TOKEN = re.compile(r"\\[A-Za-z]+\*?|\\.|\s+|.", re.DOTALL)
_RELATIONS = frozenset(r"""= < > \le \leq \ge \geq \leqslant \geqslant \ne \neq \approx \equiv \sim \simeq \cong
    \propto \ll \gg \coloneqq \eqqcolon \triangleq \doteq \iff \implies \impliedby \Rightarrow \Leftarrow
    \Leftrightarrow \Longrightarrow \Longleftarrow \Longleftrightarrow \lesssim \gtrsim \asymp""".split())
_STACKED = frozenset((r"\stackrel", r"\overset", r"\underset"))  # \stackrel{(a)}{=}: a relation with a note
_OPERATORS = frozenset(("+", "-", r"\pm", r"\mp"))
_OPEN = frozenset(("{", "(", "[", r"\{", r"\left", r"\begin", r"\langle", r"\lbrace", r"\lbrack"))
_CLOSE = frozenset(("}", ")", "]", r"\}", r"\right", r"\end", r"\rangle", r"\rbrace", r"\rbrack"))
_NOT_BINARY_AFTER = _RELATIONS | _OPERATORS | {"", "(", "[", "{", ",", "^", "_", "&", r"\times", r"\cdot"}
_UNSPLITTABLE = re.compile(r"\\tag\b|\\label\b|\\\\|&|\\(?:begin|end)\{(?:aligned|align|gathered|split|multline)")
ROW_TARGETS = (48, 32, 20)  # rough widths, in visible symbols, of the rows each further variant aims for


def _tokens(latex: str) -> list[str]:
    return _TOKEN.findall(latex)


def _group_after(tokens: list[str], start: int) -> int:
    """Index just past a `{…}` group (or one token) starting at `start` (spaces skipped), or -1."""
    at = start
    while at < len(tokens) and tokens[at].isspace():
        at += 1
    if at >= len(tokens):
        return -1
    if tokens[at] != "{":
        return at + 1
    depth = 0
    for index in range(at, len(tokens)):
        depth += tokens[index] == "{"
        depth -= tokens[index] == "}"
        if depth == 0:
            return index + 1
    return -1


def _stacked_relation(tokens: list[str], at: int) -> int:
    r"""For `\stackrel{x}{=}` at `at`: the index just past it when its base is a relation, else -1."""
    first = _group_after(tokens, at + 1)
    second = _group_after(tokens, first) if first > 0 else -1
    if second < 0:
        return -1
    base = "".join(t for t in tokens[first:second] if t not in "{}" and not t.isspace())
    return second if base in _RELATIONS else -1


def _cut_here(tokens: list[str], index: int, previous: str) -> tuple[str, int]:
    """At a top-level token: what starts there ("relation", "operator" or "" for nothing) and the index past it."""
    token = tokens[index]
    if token in _STACKED:
        past = _stacked_relation(tokens, index)
        return ("relation" if past > 0 else ""), max(past, index + 1)
    if token == ":" and next((t for t in tokens[index + 1:] if not t.isspace()), "") == "=":
        return "relation", index + 1  # `:=` is one relation, cut before its colon
    if token in _RELATIONS and not (token == "=" and previous == ":"):
        return "relation", index + 1
    if token in _OPERATORS and previous not in _NOT_BINARY_AFTER:
        return "operator", index + 1
    return "", index + 1


def _pieces(tokens: list[str]) -> list[tuple[str, list[str]]] | None:
    """The formula cut before each top-level relation and binary operator and after each top-level `,`/`;`
    (a list of equations): (what starts the piece: "", "relation", "operator" or "equation", its tokens).
    None when the brackets never close (nothing safe to cut)."""
    pieces: list[tuple[str, list[str]]] = [("", [])]
    depth, previous, index, after_separator = 0, "", 0, False
    while index < len(tokens):
        token, end = tokens[index], index + 1
        if token in (r"\left", r"\right"):  # the delimiter after it belongs to it, never a relation
            end = next((i + 1 for i in range(index + 1, len(tokens)) if not tokens[i].isspace()), end)
        if depth == 0 and not token.isspace() and not token.startswith((r"\quad", r"\qquad", r"\,", r"\;")):
            kind, end = _cut_here(tokens, index, previous) if end == index + 1 else ("", end)
            kind = "equation" if after_separator else kind
            if kind and pieces[-1][1]:
                pieces.append((kind, []))
            after_separator = token in (",", ";")
        if token in _OPEN:
            depth += 1
        elif token in _CLOSE:
            depth = max(depth - 1, 0)
        pieces[-1][1].extend(tokens[index:end])
        if not token.isspace():
            previous = tokens[end - 1]
        index = end
    return _equations_with_relations(pieces) if depth == 0 else None


def _equations_with_relations(pieces: list[tuple[str, list[str]]]) -> list[tuple[str, list[str]]]:
    r"""A list item with no relation of its own (`\forall i,`, `i = 1, …, n`'s tail) is not an equation: glued on."""
    equations: list[list[tuple[str, list[str]]]] = [[]]
    for kind, tokens in pieces:
        if kind == "equation":
            equations.append([])
        equations[-1].append((kind, tokens))
    kept: list[list[tuple[str, list[str]]]] = []
    for equation in equations:
        if kept and not (_has_relation(equation) and _has_relation(kept[-1])):
            kept[-1] += [("" if kind == "equation" else kind, tokens) for kind, tokens in equation]
        else:
            kept.append(equation)
    return [piece for equation in kept for piece in equation]


def _has_relation(pieces: list[tuple[str, list[str]]]) -> bool:
    return any(kind == "relation" for kind, _ in pieces)


def _weight(tokens: list[str]) -> int:
    """Visible symbols, roughly: a command or a character counts one, braces, scripts and spaces none."""
    return sum(1 for t in tokens if not t.isspace() and t not in ("{", "}", "^", "_", r"\left", r"\right"))


def _rows(pieces: list[tuple[str, list[str]]], target: int | None) -> list[str]:
    """`aligned` rows: each equation of a list starts a row with its left side before `&`; a relation after an
    equation's first starts a row; with a `target`, so does an operator once the row has that many symbols."""
    rows: list[list[str]] = []  # each: [left side, right side from the `&` on]
    weight = 0  # of the last row
    seen_relation = False
    for kind, tokens in pieces:
        text = "".join(tokens)
        long_row = target is not None and weight >= target
        if not rows or kind == "equation":
            rows.append([text, ""])
            seen_relation, weight = False, 0
        elif kind == "relation" and not seen_relation:
            rows[-1][1] += text
            seen_relation = True
        elif kind == "relation" or (kind == "operator" and long_row):
            rows.append(["", text if kind == "relation" else r"\qquad {}" + text.lstrip()])  # {}: stays binary
            weight = 0 if kind == "relation" else 1  # (the `\qquad`, a symbol of the row like any other)
        elif rows[-1][1]:
            rows[-1][1] += text
        else:
            rows[-1][0] += text
        weight += _weight(tokens)
    return [f"{left.strip()} &{right.strip()}".lstrip() for left, right in rows]


def row_variants(latex: str) -> list[str]:
    """The formula as `aligned` rows, widest rows first; empty when it has nothing to break at (or already has
    rows, columns, a tag or a label: the author laid it out)."""
    if _UNSPLITTABLE.search(latex):
        return []
    pieces = _pieces(_tokens(latex))
    if pieces is None:
        return []
    variants: list[str] = []
    for target in (None, *ROW_TARGETS):
        rows = _rows(pieces, target)
        text = r"\begin{aligned}" + r" \\ ".join(rows) + r"\end{aligned}"
        if len(rows) > 1 and text not in variants:
            variants.append(text)
    return variants
