"""The cards an Obsidian page writes for the Obsidian_to_Anki plugin, read as the cards they are, line for line.

The plugin's note blocks open with `START` and the note type on the next line, and close with `END`:

    START                                     START
    Basic                                     Cloze
    What does a residual block learn?         A ReLU's gradient is {{c1::0}} for x < 0.
    Back: The difference from the identity.   END
    Tags: resnet
    <!--ID: 1712345678901-->
    END

A `Basic` note is a question and its answer (mlwiki's `Q:`/`A:`); a `Basic (and reversed card)` note of one line
each side is a card both ways (`:::`); a `Cloze` note is the cloze it holds. An inline note, `STARTI [Basic] front
Back: back ENDI`, is a one-line card. The block's own lines (`START`, the type, `Tags:`, the plugin's `<!--ID:-->`,
`END`), and the file's `TARGET DECK` and `FILE TAGS` lines with the line under each, show nothing. Code is never
touched.

Pure: a note's text in, the same number of lines out.
"""

from __future__ import annotations

import re

from mlwiki.render.spans import fenced_lines

_START, _END = "START", "END"
_BACK = re.compile(r"[ \t]*Back:[ \t]*(.*)")
_TAGS = re.compile(r"[ \t]*Tags:[ \t]*.*")
_ID = re.compile(r"[ \t]*<!--[ \t]*ID:[ \t]*\d+[ \t]*-->[ \t]*")
_FILE_SETTINGS = ("TARGET DECK", "FILE TAGS")
_INLINE = re.compile(r"STARTI[ \t]*\[([^\]\n]*)\][ \t]*(.*?)[ \t]+Back:[ \t]*(.*?)[ \t]*ENDI")
_REVERSED = "reversed"


def as_obsidian_to_anki_shows(body: str) -> str:
    """`body` with the plugin's note blocks as mlwiki's cards (see the module's doc); `body` itself when it holds
    none."""
    if _START not in body and _FILE_SETTINGS[0] not in body and _FILE_SETTINGS[1] not in body:
        return body
    lines = body.split("\n")
    fenced = fenced_lines(lines)
    k = 0
    while k < len(lines):
        line = lines[k].strip()
        if fenced[k]:
            k += 1
        elif line in _FILE_SETTINGS and k + 1 < len(lines):
            lines[k] = lines[k + 1] = ""
            k += 2
        elif line == _START and (end := _block_end(lines, fenced, k)) is not None:
            _read_block(lines, k, end)
            k = end + 1
        else:
            if "STARTI" in lines[k]:
                lines[k] = _INLINE.sub(_inline_card, lines[k])
            k += 1
    return "\n".join(lines)


def _block_end(lines: list[str], fenced: list[bool], start: int) -> int | None:
    """The line of the `END` that closes the block opened at `start` (None when no `END` does, or another `START`
    comes first: then the line is the writer's word, no block)."""
    for k in range(start + 1, len(lines)):
        if fenced[k]:
            continue
        if lines[k].strip() == _END:
            return k
        if lines[k].strip() == _START:
            return None
    return None


def _read_block(lines: list[str], start: int, end: int) -> None:
    """The block `lines[start:end + 1]` as mlwiki's card, in place."""
    kind = lines[start + 1].strip().casefold() if start + 1 < end else ""
    lines[start] = lines[end] = ""
    if start + 1 < end:
        lines[start + 1] = ""  # (the note type)
    body = [k for k in range(start + 2, end) if not (_TAGS.fullmatch(lines[k]) or _ID.fullmatch(lines[k]))]
    for k in range(start + 2, end):
        if k not in body:
            lines[k] = ""
    back_at = next((k for k in body if _BACK.fullmatch(lines[k])), None)
    if kind.startswith("cloze") or back_at is None:
        return  # (a cloze note is its text; a note without a back is left as written)
    front = [k for k in body if k < back_at and lines[k].strip()]
    back = [k for k in body if k > back_at and lines[k].strip()]
    said = _BACK.fullmatch(lines[back_at]).group(1)
    if _REVERSED in kind and len(front) == 1 and not back and said:
        lines[front[0]] = f"{lines[front[0]].strip()} ::: {said}"
        lines[back_at] = ""
    elif front:
        lines[front[0]] = "Q: " + lines[front[0]].strip()
        lines[back_at] = "A: " + said if said else "A:"
        if not said and back:
            lines[back_at], lines[back[0]] = "", "A: " + lines[back[0]].strip()


def _inline_card(found: re.Match) -> str:
    """An inline note as a one-line card (both ways for a reversed type)."""
    kind, front, back = found.groups()
    return f"{front} {':::' if _REVERSED in kind.casefold() else '::'} {back}"
