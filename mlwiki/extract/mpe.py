"""A page written for VS Code's Markdown Preview Enhanced read as its preview shows it, line for line.

`@import "intro.md"` pulls another file's text into the preview (not into this note: it shows nothing here), and
`@import "fig.png"` a picture (the picture, here too). `[TOC]` is the preview's table of contents. Its extended
syntax writes a superscript `x^2^` and a subscript `H~2~O`: on a card they are the characters the preview shows
(`x²`, `H₂O`) where Unicode has them, else left as written. A page is read so when it holds one of the preview's
own marks (`@import`, `[TOC]`, a `{cmd=…}` code chunk). Code and math are never touched.

Pure: a note's text in, the same number of lines out.
"""

from __future__ import annotations

import re

from mlwiki.render.spans import between_spans, code_spans, map_unfenced, math_spans

_CUES = ('@import "', "[TOC]", "{cmd")
_IMPORT = re.compile(r"""[ \t]*@import[ \t]+["']([^"'\n]+)["'][^\n]*""")
_PICTURE = re.compile(r"(?i)\.(?:png|jpe?g|gif|svg|webp)$")
_TOC = re.compile(r"[ \t]*\[TOC\][ \t]*")
_SUPER = re.compile(r"(?<=[\w)])\^([\w+\-=()]{1,8})\^")
_SUB = re.compile(r"(?<=[\w)])~([\w+\-=()]{1,8})~(?!~)")
_SUPERSCRIPTS = str.maketrans("0123456789+-=()niT", "⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻⁼⁽⁾ⁿⁱᵀ")
_SUBSCRIPTS = str.maketrans("0123456789+-=()aeijkmnoprstuvx", "₀₁₂₃₄₅₆₇₈₉₊₋₌₍₎ₐₑᵢⱼₖₘₙₒₚᵣₛₜᵤᵥₓ")


def as_preview_shows(body: str) -> str:
    """`body` with Markdown Preview Enhanced's imports, table of contents, superscripts and subscripts read as said
    above; `body` itself when it is no such page."""
    if not any(cue in body for cue in _CUES):
        return body
    return map_unfenced(body, _read)


def _read(line: str) -> str:
    if "@import" in line and (found := _IMPORT.fullmatch(line)):
        return f"![]({found.group(1)})" if _PICTURE.search(found.group(1)) else ""
    if "[TOC]" in line and _TOC.fullmatch(line):
        return ""
    if "^" not in line and "~" not in line:
        return line
    return between_spans(line, sorted(code_spans(line) + math_spans(line)), _scripts)


def _scripts(text: str) -> str:
    """`text` with `^x^` and `~x~` as Unicode super- and subscripts where every character has one."""
    text = _SUPER.sub(lambda m: _mapped(m, _SUPERSCRIPTS), text)
    return _SUB.sub(lambda m: _mapped(m, _SUBSCRIPTS), text)


def _mapped(found: re.Match, table: dict) -> str:
    shown = found.group(1).translate(table)
    return found.group(0) if any(a == b for a, b in zip(shown, found.group(1))) else shown
