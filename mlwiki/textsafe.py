"""Text for a terminal: note text made inert (no escape sequences, no control characters), counts and cut lines."""

from __future__ import annotations

import re

# C0 controls except tab and newline, DEL, and C1 controls (0x80-0x9f, which include the 8-bit CSI and OSC).
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def _visible(match: re.Match) -> str:
    code = ord(match.group(0))
    if code == 0x1B:
        return "␛"
    if code < 0x20:
        return "^" + chr(code + 64)
    return f"\\x{code:02x}"


def inert(text: str) -> str:
    """Replace control characters (ESC, BEL, CR, C1 …) by visible stand-ins, so ANSI/OSC sequences in a
    note print as text instead of moving the cursor, changing the title or writing hyperlinks."""
    return _CONTROL.sub(_visible, text)


def one_line(text: str) -> str:
    """`inert`, and newlines and tabs shown as ␤ and ␉: for a file name or message that must stay on one line."""
    return inert(text).replace("\n", "␤").replace("\t", "␉")


def plural(count: int, noun: str, many: str | None = None) -> str:
    """'1 card', '2 cards', '1,204 reviews' ('1 leech', '2 leeches' with `many`): counts read as English."""
    return f"{count:,} {noun if count == 1 else many or noun + 's'}"


def shorten(text: str, width: int) -> str:
    """`text` on one line in at most `width` characters, cut at a word with '…' when it is longer."""
    text = " ".join(text.split())
    if len(text) <= width:
        return text
    cut = text[:width - 1]
    space = cut.rfind(" ")
    if space >= width // 2:  # a word boundary not too far back; else cut inside a very long word
        cut = cut[:space]
    return cut.rstrip(" ,;:") + "…"


_LIST_START = re.compile(r"(\d{1,9})([.)])(?=[ \t]|$)")


def front_markdown(front: str) -> str:
    """A card's front as Markdown to render: a first line that starts like a numbered list ("04. Harmful content
    detection › …", the title of a note named so) is that text, not a list Markdown would renumber ("4.")."""
    first, newline, rest = front.partition("\n")
    if not (match := _LIST_START.match(first)):
        return front
    return f"{match.group(1)}\\{match.group(2)}{first[match.end():]}{newline}{rest}"


_CONTROL_NAMES = {"\x07": "bell, \\a", "\x08": "backspace, \\b", "\x0b": "vertical tab, \\v", "\x0c": "form feed, \\f"}


def stray_control(text: str) -> tuple[int, str] | None:
    """(line, message) of a note's first control character (`_CONTROL`: no editor writes one on purpose; "\\f" or
    "\\a" of `\\frac` or `\\alpha` in a note a script wrote from a string with escapes), which review shows as
    `inert` makes it and Anki as nothing; None when there is none."""
    if not (found := _CONTROL.search(text)):
        return None
    name = _CONTROL_NAMES.get(found.group(), f"U+{ord(found.group()):04X}")
    return (text.count("\n", 0, found.start()) + 1,
            f"control character ({name}) in the text, shown as {_visible(found)}: a LaTeX command such as "
            "\\frac or \\alpha written by a script that read \\f or \\a as an escape? Retype it")
