"""Two writings of one formula brought to one: a writer's card of a formula (`$I + \\partial F/\\partial x$`) and
the display of it in their notes (`$$\\frac{\\partial y}{\\partial x} = I + \\frac{\\partial F}{\\partial x}$$`)
differ in spacing, sizing commands (`\\left`, `\\big`, `\\!`), braces and fractions written as `\\frac{a}{b}` or
`a/b`; a display may also set two equations side by side (`…, \\qquad …`). Pure."""

from __future__ import annotations

import re

# What a writing of a formula may add or leave out without changing it: spacing commands and spaces, sizing
# commands, braces
_NOISE = re.compile(r"\\(?:left|right|[bB]igg?[lr]?)(?![A-Za-z])|\\[,;:! ]|\\q?quad(?![A-Za-z])|[\s{}]")
_FRAC = re.compile(r"\\[td]?frac(?![A-Za-z])")
_COMMAND = re.compile(r"\\[A-Za-z]+")
_OPERATOR = re.compile(r"[+\-=]|\\(?:pm|mp|cdot|times)(?![A-Za-z])")
# Where a display sets one equation beside the next: a wide space (after a comma or not), a line break
_BESIDE = re.compile(r",?[ \t]*\\q?quad(?![A-Za-z])|\\\\")


def plain(formula: str) -> str:
    """A formula as written without what does not change it, its fractions written `a/b` (`(a+b)/c`)."""
    return _NOISE.sub("", _slashed(formula))


def equations(display: str) -> list[str]:
    """The equations (or expressions) a display sets side by side, each `plain`; the empty ones left out."""
    return [p for part in _BESIDE.split(display) if (p := plain(part).strip(",;."))]


def _slashed(formula: str) -> str:
    """`formula` with each `\\frac{a}{b}` (and `\\tfrac`, `\\dfrac`) as `a/b`, a part with an operator in brackets."""
    out, at = [], 0
    for match in _FRAC.finditer(formula):
        if match.start() < at:
            continue  # (inside a fraction already read)
        top, after_top = _group(formula, match.end())
        bottom, after = _group(formula, after_top)
        if top is None or bottom is None:
            continue
        out.append(formula[at:match.start()])
        out.append(f"{_bracketed(_slashed(top))}/{_bracketed(_slashed(bottom))}")
        at = after
    out.append(formula[at:])
    return "".join(out)


def _bracketed(part: str) -> str:
    """A fraction's part as it reads after a slash: in brackets when an operator is in it."""
    return f"({part})" if _OPERATOR.search(part) else part


def _group(text: str, start: int) -> tuple[str | None, int]:
    """The argument of a command that starts at `start` (after spaces): a `{…}` group's inside, or one character;
    (None, start) when there is none or its braces do not close."""
    while start < len(text) and text[start] == " ":
        start += 1
    if start >= len(text):
        return None, start
    if command := _COMMAND.match(text, start):
        return command.group(), command.end()
    if text[start] != "{":
        return text[start], start + 1
    depth = 0
    for end in range(start, len(text)):
        depth += {"{": 1, "}": -1}.get(text[end], 0)
        if depth == 0:
            return text[start + 1:end], end + 1
    return None, start
