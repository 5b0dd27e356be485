"""The two front ends of a review session: `plain` (line-oriented, for scripts and pipes) and the rich
terminal UI (single keys). Both only read input, call `ReviewSession` and print.
"""

from __future__ import annotations

import os
import shlex
import subprocess
import sys
from datetime import datetime
from typing import Callable, TextIO

from mlwiki.review.queue import next_due_text
from mlwiki.review.schedule import RATINGS
from mlwiki.review.session import ReviewSession, ShownCard, Summary
from mlwiki.textsafe import inert

KEYS_HELP = ("space/enter reveal · 1 Again · 2 Hard · 3 Good · 4 Easy · u undo · s suspend · b bury · "
             "e edit · o open in browser · ? help · q quit")


def terminal_text(markdown: str) -> str:
    """Note text made safe and readable for a terminal: control characters inert, LaTeX as Unicode."""
    from mlwiki.render.latex_text import math_to_unicode

    return math_to_unicode(inert(markdown))


def header(session: ReviewSession, card: ShownCard) -> str:
    counts = session.remaining
    where = f"{card.path}:{card.line}"
    return (f"[{session.summary.reviewed + 1}] learning {counts['learning']} · review {counts['review']} · "
            f"new {counts['new']}   {inert(card.deck)}   {inert(where)}")


def rating_bar(session: ReviewSession) -> str:
    previews = session.previews()
    return "  ".join(f"{r} {RATINGS[r]} {previews[r]}" for r in RATINGS)


def summary_text(summary: Summary, now: datetime) -> str:
    lines = [f"Reviewed {summary.reviewed} cards ({summary.again} again) in {summary.seconds / 60:.1f} min."]
    if summary.leeches:
        lines.append(f"{len(summary.leeches)} leech(es) suspended: {', '.join(summary.leeches)}")
    lines.append(next_due_text(summary.due, now))
    return "\n".join(lines)


def leech_message(card_id: str, threshold: int) -> str:
    return (f"Card {card_id} has lapsed {threshold} times: marked leech and suspended. "
            "Rewrite it in your notes, then `mlwiki unsuspend` it.")


# --- plain mode --------------------------------------------------------------------------------------------


def run_plain(session: ReviewSession, stdin: TextIO, out: Callable[[str], None]) -> Summary:
    """Line-oriented review: front, a line (empty reveals), back, a line (1-4, u, s, b, q)."""
    if session.current is None:
        out("Nothing due now. " + next_due_text(session.finish().due, session.clock()))
        return session.summary
    revealed = False
    while session.current is not None:
        card = session.current
        if not revealed:
            out(header(session, card))
            out(terminal_text(card.front))
            out("[enter] show answer, q quit")
        else:
            out("--- answer ---")
            out(terminal_text(card.back))
            out(rating_bar(session) + "   [1-4, u undo, s suspend, b bury, q quit]")
        line = stdin.readline()
        if not line:
            break  # end of input: every answer is already saved
        command = line.strip().lower()
        if command == "q":
            break
        if command == "" and not revealed:
            revealed = True
            continue
        revealed = _plain_command(session, command, out, revealed)
    out(summary_text(session.finish(), session.clock()))
    return session.summary


def _plain_command(session: ReviewSession, command: str, out, revealed: bool) -> bool:
    """Apply one command; return whether the (possibly new) current card is revealed."""
    if command in ("1", "2", "3", "4") and revealed:
        card = session.current
        result = session.answer(int(command))
        out(f"recorded {card.id}: {RATINGS[int(command)]}")
        if result.leech:
            out(leech_message(card.id, session.settings.leech_threshold))
        return False
    if command == "u":
        step = session.undo()
        out(f"undone {step.kind} of {step.card_id}" if step else "nothing to undo")
        return False
    if command in ("s", "b"):
        card = session.current
        (session.suspend if command == "s" else session.bury)()
        out(f"{'suspended' if command == 's' else 'buried'} {card.id}")
        return False
    out("unknown command; " + ("1-4 rate, u undo, s suspend, b bury, q quit" if revealed else
                               "enter shows the answer, u undo, s suspend, b bury, q quit"))
    return revealed


# --- terminal UI -------------------------------------------------------------------------------------------


def read_key(stream=None) -> str:
    """One key press from the terminal, without echo or Enter."""
    import termios
    import tty

    stream = stream or sys.stdin
    fd = stream.fileno()
    old = termios.tcgetattr(fd)
    try:
        tty.setcbreak(fd)
        return os.read(fd, 1).decode("utf-8", "replace")
    finally:
        termios.tcsetattr(fd, termios.TCSADRAIN, old)


def open_in_editor(path: str, line: int) -> None:
    """$VISUAL or $EDITOR at the card's line (vi, vim, nano, emacs, code and most others understand +LINE)."""
    editor = os.environ.get("VISUAL") or os.environ.get("EDITOR") or "vi"
    args = shlex.split(editor)
    name = os.path.basename(args[0])
    if name in ("code", "codium", "subl"):
        args += ["--goto" if name != "subl" else "", f"{path}:{line}"]
    else:
        args += [f"+{line}", path]
    subprocess.call([a for a in args if a])


class TerminalUI:
    """The rich review screen."""

    def __init__(self, session: ReviewSession, console=None, key_reader: Callable[[], str] = read_key,
                 rescan: Callable[[], int] | None = None):
        from rich.console import Console

        self.session = session
        self.console = console or Console(highlight=False)
        self.read_key = key_reader
        self.rescan = rescan
        self.message = ""

    def markdown(self, text: str):
        from rich.markdown import Markdown

        return Markdown(terminal_text(text))

    def show(self, revealed: bool) -> None:
        from rich.panel import Panel
        from rich.text import Text

        card = self.session.current
        self.console.clear()
        self.console.print(Text(header(self.session, card), style="dim"))
        if card.heading:
            self.console.print(Text(inert(card.heading), style="cyan"))
        self.console.print(Panel(self.markdown(card.front), title=card.kind, title_align="left"))
        if revealed:
            self.console.print(Panel(self.markdown(card.back), border_style="green"))
            bar = Text()
            for r, label in self.session.previews().items():
                bar.append(f" {r} ", style="reverse bold")
                bar.append(f" {RATINGS[r]} {label}   ")
            self.console.print(bar)
        else:
            self.console.print(Text("space/enter: show answer   ?: keys   q: quit", style="dim"))
        if self.message:
            self.console.print(Text(self.message, style="yellow"))
            self.message = ""

    def run(self) -> Summary:
        session = self.session
        if session.current is None:
            self.console.print("Nothing due now. " + next_due_text(session.finish().due, session.clock()))
            return session.summary
        revealed = False
        while session.current is not None:
            self.show(revealed)
            key = self.read_key()
            if key in ("q", "\x04", ""):
                break
            revealed = self.handle(key, revealed)
        self.console.print(summary_text(session.finish(), session.clock()))
        return session.summary

    def handle(self, key: str, revealed: bool) -> bool:
        session = self.session
        card = session.current
        if key in (" ", "\n", "\r") and not revealed:
            return True
        if key in "1234" and key and revealed:
            result = session.answer(int(key))
            if result.leech:
                self.message = leech_message(card.id, session.settings.leech_threshold)
            return False
        if key == "u":
            step = session.undo()
            self.message = f"Undid {step.kind}." if step else "Nothing to undo."
            return False
        if key == "s":
            session.suspend()
            self.message = "Suspended."
        elif key == "b":
            session.bury()
            self.message = "Buried until tomorrow."
        elif key == "e":
            open_in_editor(str(session.config.root / card.path), card.line)
            errors = self.rescan() if self.rescan else 0
            self.message = ("Rescanned after edit." if not errors else
                            f"Rescanned after edit: {errors} syntax errors in the notes (see `mlwiki check`).")
        elif key == "o":
            from mlwiki.review.card_page import open_card_page

            path, opened = open_card_page(card, session.config)
            self.message = f"Opened {path}" if opened else f"Wrote {path} (no browser found to open it)"
        elif key == "?":
            self.message = KEYS_HELP
        return revealed if key in ("?", "o") else False

