"""An mdBook page read as the Markdown mlwiki reads, line for line, showing what mdBook shows.

mdBook's MathJax support reads `\\(…\\)` and `\\[…\\]` after Markdown has turned each doubled backslash into one, so
a book writes its math with doubled backslashes: `\\\\( \\theta \\\\)` in a sentence, a displayed formula between
lines `\\\\[` and `\\\\]`. Read as written, a display's lines were prose to mlwiki (a cut could fall inside it, or a
lone `\\\\[` paragraph was dropped with its formula); read here they are the `$…$` and `$$…$$` mlwiki reads as
math (and renders as math: on a card, `\\(` would be Markdown's escaped parenthesis). Only a pair on one line
(inline), or a display whose delimiters stand on lines of their own or open and close one line, is read: a `\\\\`
line break inside `$…$` math, or code, is never touched.

mdBook's preprocessor directives are furniture, never shown as written: `{{#title …}}` (the browser tab's
title), and `{{#include …}}`, `{{#rustdoc_include …}}`, `{{#playground …}}` alone on their lines (a file's text
pasted into the page when it is built, which a note's reader does not hold) show nothing; a fence that held only
such a line goes with it. Pure: text in, the same lines out.
"""

from __future__ import annotations

import re

from mlwiki.render.spans import code_spans, fenced_lines

# A directive alone on its line (in a fence or not): `{{#include ../code/fit.py:train}}`, `{{#title Intro}}`
_DIRECTIVE = re.compile(r"[ \t]*(?:>[ \t]?)*\{\{#(?:title|include|rustdoc_include|playground)\b[^{}\n]*\}\}[ \t]*")
# A display's delimiter alone on its line, after a quote's or list item's indent: `\\[`, `  \\]`
_OPENER = re.compile(r"([ \t]*(?:>[ \t]?)*)\\\\\[[ \t]*")
_CLOSER = re.compile(r"([ \t]*(?:>[ \t]?)*)\\\\\][ \t]*")
# A display on one line: `\\[ a = b \\]`
_ONE_LINE = re.compile(r"([ \t]*(?:>[ \t]?)*)\\\\\[(.+?)\\\\\]([ \t]*)")
# An inline pair on one line: `\\( x \\)` (its body holds no doubled backslash before the closer)
_INLINE = re.compile(r"\\\\\((.+?)\\\\\)")


def as_mdbook_shows(body: str) -> str:
    """`body` with mdBook's doubled math delimiters as `$…$` / `$$…$$` and its directives blanked (see the
    module's docstring); the same number of lines, each where it was."""
    if "\\\\" not in body and "{{#" not in body:
        return body  # (most notes, said cheaply)
    lines = body.split("\n")
    fenced = fenced_lines(lines)
    open_at = -1  # (the line of a display's `\\[` not yet closed)
    for k, line in enumerate(lines):
        if _DIRECTIVE.fullmatch(line):
            lines[k] = ""
            _blank_bare_fence(lines, fenced, k)
        elif fenced[k] or "$" in line:
            continue
        elif open_at < 0 and (found := _OPENER.fullmatch(line)):
            open_at = k
        elif open_at >= 0 and (found := _CLOSER.fullmatch(line)):
            lines[open_at] = lines[open_at].replace("\\\\[", "$$", 1)
            lines[open_at + 1:k] = [_halved(body) for body in lines[open_at + 1:k]]
            lines[k] = found.group(1) + "$$"
            open_at = -1
        elif open_at < 0 and "\\\\" in line:
            lines[k] = _inline(line)
    return "\n".join(lines)


def _inline(line: str) -> str:
    """One line with its one-line displays and inline pairs single-backslashed, outside its code spans."""
    if (found := _ONE_LINE.fullmatch(line)) and "\\\\]" not in found.group(2):
        return f"{found.group(1)}$${_halved(found.group(2))}$${found.group(3)}"
    spans = code_spans(line)
    return _INLINE.sub(lambda m: m.group(0) if _in_code(m.start(), spans)
                       else "$" + _halved(m.group(1)).strip() + "$", line)


def _in_code(pos: int, spans: list[tuple[int, int]]) -> bool:
    return any(start <= pos < end for start, end in spans)


def _halved(math: str) -> str:
    """A formula's body as MathJax gets it from mdBook: Markdown halves each doubled backslash, so a matrix's row
    break written `\\\\\\\\` is LaTeX's `\\\\`."""
    return math.replace("\\\\\\\\", "\\\\")


def _blank_bare_fence(lines: list[str], fenced: list[bool], k: int) -> None:
    """Blank the code fence around line `k` when the directive blanked there was all it held (`{{#include}}` of a
    file between fences): an empty code block shows nothing either."""
    if not fenced[k]:
        return
    start, end = k, k
    while start > 0 and fenced[start - 1] and lines[start].strip() == "":
        start -= 1
    while end + 1 < len(lines) and fenced[end + 1] and lines[end].strip() == "":
        end += 1
    if start < k < end and all(lines[at].lstrip().startswith(("```", "~~~")) for at in (start, end)):
        lines[start:end + 1] = [""] * (end + 1 - start)
