"""The review's full screen: the terminal's alternate screen, redrawn only where a frame differs from the last.

Like `less`, `vim` or Anki's own window, the review never writes into the scrollback: it switches to the alternate
screen on entry and back on exit — normal exit, Ctrl-C and crash alike (the switch back sits in a `finally`), so
the shell's screen returns as it was and only the session summary is printed into it. Each frame is rendered to
lines off screen and compared with the lines on screen; only changed lines are written (no clear, no flicker).
"""

from __future__ import annotations

import io
import sys
from contextlib import contextmanager

ENTER = "\x1b[?1049h\x1b[?25l"  # alternate screen on, cursor hidden
LEAVE = "\x1b[?25h\x1b[?1049l"  # cursor shown, alternate screen off (the shell's screen comes back)
CLEAR = "\x1b[2J"
OVERFLOW = "(more below: o shows the whole card)"


def pack(items: list[str], width: int, gap: str = "   ") -> list[list[str]]:
    """`items` grouped into as few lines of at most `width` cells (joined by `gap`) as fit, never splitting an
    item (an item wider than the line gets a line of its own)."""
    from rich.cells import cell_len

    lines: list[list[str]] = []
    used = 0
    for item in items:
        if lines and used + cell_len(gap) + cell_len(item) <= width:
            lines[-1].append(item)
            used += cell_len(gap) + cell_len(item)
        else:
            lines.append([item])
            used = cell_len(item)
    return lines


class Screen:
    """A full-screen area on `out` (a terminal) whose `draw` writes only the lines that changed."""

    def __init__(self, console, out=None):
        self.console = console
        self.out = out or sys.stdout
        self.shown: list[str] = []

    def __enter__(self) -> "Screen":
        self.out.write(ENTER + CLEAR)
        self.out.flush()
        return self

    def __exit__(self, *exc) -> None:
        self.out.write(LEAVE)
        self.out.flush()

    def invalidate(self) -> None:
        """Forget what is on screen (after a resize, or an editor that used the terminal): the next frame is
        drawn whole."""
        self.shown = []
        self.out.write(CLEAR)

    def render(self, renderables: list) -> list[str]:
        """The lines of `renderables`, styled, at the console's current width."""
        from rich.console import Console

        buffer = io.StringIO()
        painter = Console(file=buffer, width=self.console.size.width, force_terminal=True,
                          color_system=self.console.color_system, highlight=False, legacy_windows=False)
        for renderable in renderables:
            painter.print(renderable)
        return buffer.getvalue().split("\n")[:-1]

    def draw(self, body: list, footer: list = ()) -> None:
        """Show `body` then `footer` top to bottom, writing only the lines that differ from the frame on screen.
        On a terminal too short for both, the footer (the keys) stays and the body's end gives way, saying so."""
        from rich.text import Text

        lines, bottom = self.render(body), self.render(list(footer))
        height = self.console.size.height
        if len(lines) + len(bottom) > height:
            note = self.render([Text(OVERFLOW, style="dim italic")])
            lines = lines[:max(height - len(bottom) - len(note), 0)] + note
        lines = (lines + bottom)[:height]
        writes = [f"\x1b[{row + 1};1H{line}\x1b[0m\x1b[K" for row, line in enumerate(lines)
                  if row >= len(self.shown) or self.shown[row] != line]
        if len(lines) < len(self.shown):
            writes.append(f"\x1b[{len(lines) + 1};1H\x1b[0m\x1b[J")  # the old frame was longer
        self.shown = lines
        if writes:
            self.out.write("".join(writes))
            self.out.flush()

    @contextmanager
    def away(self):
        """The shell's screen for the duration (an editor draws on it), then this screen again, drawn whole."""
        self.out.write(LEAVE)
        self.out.flush()
        try:
            yield
        finally:
            self.out.write(ENTER)
            self.invalidate()
            self.out.flush()
