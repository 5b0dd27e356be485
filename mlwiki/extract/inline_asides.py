"""A Quarto margin span inside a sentence, `…beats solving the QP.[sklearn's SGDClassifier is this.]{.aside}` (also
`{.column-margin}`), read as the writer's side remark it is: on a card it reads in brackets after its sentence,
"(sklearn's SGDClassifier is this.)", where it showed raw. A paragraph that is only such a span is a margin card of
its own (`extract.margins`). Pandoc's inline footnote, `…is singular.^[Why ridge was first proposed.]` (Quarto,
R Markdown, Obsidian), is read the same way, or left out when it only cites ("^[Hoerl and Kennard, 1970.]"): the
renderers set its text at the page's foot, behind a mark. Code is never touched. Pure: a note's text in, the same number of lines out.
"""

from __future__ import annotations

import re

from mlwiki.extract.footnotes import cites
from mlwiki.render.spans import fenced_lines, map_unfenced

_ASIDE = re.compile(r"(?<=\S)[ \t]*\[([^\[\]\n]+)\]\{\.(?:aside|column-margin)\}")
_INLINE_NOTE = re.compile(r"(?<=\S)[ \t]*\^\[((?:[^\[\]\n]|\[[^\[\]\n]*\])+)\]")  # (a link or `[@key]` inside)


def as_inline_asides_read(body: str) -> str:
    """`body` with each margin span and inline footnote inside a sentence read in brackets (a citing footnote:
    nothing)."""
    if "]{." not in body and "^[" not in body:
        return body
    body = map_unfenced(body, _read_asides)
    return _notes_across_lines(body) if "^[" in body else body


# An inline footnote's opening mark after a word, its note going on past its line (a writer wraps long paragraphs)
_NOTE_OPEN = re.compile(r"(?<=\S)[ \t]*\^\[")
# The writer speaking of themself in a note ("That surprised me.", "I don't fully get it yet", "Quoted from memory,
# check before citing"): a remark about their reading, which the page sets apart behind a mark, not the sentence's fact
_WRITERS_OWN = re.compile(r"\b(?:I|I['’](?:m|ve|d|ll)|my|me)\b|(?i:\b(?:check|verify)[ \t]+(?:before|first|later)\b|"
                          r"\bfrom memory\b|\bparaphras)")
_NOTE_LINES = 8  # (a note longer than this is no footnote of a sentence; the lines are left as written)


def _notes_across_lines(body: str) -> str:
    """`body` with each inline footnote wrapped over the paragraph's next lines read in brackets too, "…the 2SLS
    one.^[Stata's ivreg2\nreports it.]" → "…the 2SLS one. (Stata's ivreg2\nreports it.)" — or left out when it
    cites or is the writer's remark about themself ("^[That surprised me …]"): its marks were shown raw on a card.
    As many lines out as in."""
    lines = body.split("\n")
    fenced = fenced_lines(lines)
    for k, line in enumerate(lines):
        found = None if fenced[k] else _NOTE_OPEN.search(line)
        if found is None:
            continue
        end = _closing(lines, fenced, k, found.end())
        if end is None:
            continue
        j, col = end
        note = " ".join([line[found.end():], *lines[k + 1:j], lines[j][:col]])
        if _WRITERS_OWN.search(note) or cites(note):  # (left out: the paragraph's later lines move up, the lines
            lines[k] = f"{line[:found.start()]}{lines[j][col + 1:]}"  # its note took are blank after it)
            stop = next((m for m in range(j + 1, len(lines)) if fenced[m] or not lines[m].strip()), len(lines))
            lines[k + 1:stop] = [*lines[j + 1:stop], *[""] * (j - k)]
        else:
            lines[j] = f"{lines[j][:col]}){lines[j][col + 1:]}"
            lines[k] = f"{line[:found.start()]} ({line[found.end():]}"
    return "\n".join(lines)


def _closing(lines: list[str], fenced: list[bool], k: int, start: int) -> tuple[int, int] | None:
    """(line, column) of the `]` that closes the inline footnote opened before column `start` of line `k`, on a later
    line of its paragraph; None when it closes on its own line or not within the paragraph."""
    depth = 0
    for j in range(k, min(k + _NOTE_LINES, len(lines))):
        if j > k and (fenced[j] or not lines[j].strip()):
            return None
        for col in range(start if j == k else 0, len(lines[j])):
            char = lines[j][col]
            if char == "[":
                depth += 1
            elif char == "]":
                if not depth:
                    return (j, col) if j > k else None
                depth -= 1
    return None


def _read_asides(line: str) -> str:
    if "]{." in line:
        line = _ASIDE.sub(lambda m: f" ({m.group(1).strip()})", line)
    if "^[" in line:
        line = _INLINE_NOTE.sub(lambda m: "" if cites(m.group(1)) else f" ({m.group(1).strip()})", line)
    return line
