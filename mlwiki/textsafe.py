"""Make note text inert before it reaches a terminal: no escape sequences, no control characters."""

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
