"""The kinds of a note's lines and the `Line` that carries one (what `lines.classify` makes of each line)."""

from __future__ import annotations

TEXT, BLANK, HEADING, CODE, MATH, COMMENT, DIV_OPEN, DIV_CLOSE, NO_CARD = range(9)


class Line:
    """One line of the note body: `text` without blockquote markers, its kind and its 1-based body line.

    `attrs`: a div's attribute text, or a heading's level (with " no-card" when the heading says `{.no-card}`).
    A plain class with slots rather than a dataclass: one is made per line of every note, and this is faster.
    """

    __slots__ = ("no", "text", "kind", "attrs")

    def __init__(self, no: int, text: str, kind: int, attrs: str = "") -> None:
        self.no, self.text, self.kind, self.attrs = no, text, kind, attrs

    def __repr__(self) -> str:
        return f"Line({self.no}, {self.text!r}, {self.kind}, {self.attrs!r})"


BLANK_LINE = Line(0, "", BLANK)  # every blank line outside code and math: only its kind matters
