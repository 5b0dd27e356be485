"""The two front ends of a review session: `plain` (line-oriented, for scripts and pipes) and the rich
terminal UI (single keys). Both only read input, call `ReviewSession` and print.
"""

from __future__ import annotations

import os
import select
import shlex
import signal
import subprocess
import sys
from contextlib import contextmanager
from datetime import datetime
from typing import Callable, Iterator, TextIO

from mlwiki.review.queue import next_due_text
from mlwiki.models import RATINGS
from mlwiki.review.session import ReviewSession, ShownCard, Summary
from mlwiki.textsafe import front_markdown, inert, plural

# The keys, one item each: `?` shows them packed to the terminal's width, never split inside an item.
KEY_ITEMS = ("space/enter reveal", "1 Again", "2 Hard", "3 Good", "4 Easy", "u undo", "s suspend",
             "b bury until tomorrow", "x not a card (drop)", "e edit the note", "o open in browser", "? hide keys",
             "q quit")
PLAIN_KEYS = "1-4 rate, u undo, s suspend, b bury, x not a card, q quit"


def terminal_text(markdown: str) -> str:
    """Note text made safe and readable for a terminal: control characters inert, no Markdown markers, LaTeX as
    Unicode."""
    from mlwiki.render.terminal import plain_text

    return plain_text(markdown)


def header(session: ReviewSession, card: ShownCard, width: int | None = None) -> str:
    """Counts, deck and `path:line`; with a `width`, what fits in it: the deck goes first, then the folders, then
    the long names of the counts."""
    counts = session.remaining
    where = inert(f"{card.path}:{card.line}")
    number = f"[{session.summary.reviewed + 1}]"
    tally = f"{number} learning {counts['learning']} · review {counts['review']} · new {counts['new']}"
    short = f"{number} learn {counts['learning']} · rev {counts['review']} · new {counts['new']}"
    name = where.rsplit("/", 1)[-1]
    candidates = [f"{tally}   {inert(card.deck)}   {where}", f"{tally}   {where}", f"{tally}  {name}",
                  f"{short}  {name}", short]
    if width is None:
        return candidates[0]
    from rich.cells import cell_len  # (the TUI has rich loaded already; plain mode passes no width)

    return next((text for text in candidates if cell_len(text) <= width), short)


def rating_bar(session: ReviewSession) -> str:
    previews = session.previews()
    return "  ".join(f"{r} {RATINGS[r]} {previews[r]}" for r in RATINGS)


def summary_text(summary: Summary, now: datetime) -> str:
    lines = [f"Reviewed {plural(summary.reviewed, 'card')} ({summary.again} again) in {summary.seconds / 60:.1f} min."]
    if summary.leeches:
        lines.append(f"{plural(len(summary.leeches), 'leech', 'leeches')} suspended: {', '.join(summary.leeches)}")
    lines.append(next_due_text(summary.due, now))
    return "\n".join(lines)


def leech_message(card_id: str, threshold: int) -> str:
    return (f"Card {card_id} has lapsed {threshold} times: marked leech and suspended. "
            f"Rewrite it in your notes, then `mlwiki unsuspend {card_id}`.")


def flag_message(session: ReviewSession, key: str) -> str:
    """Suspend (`s`), bury (`b`) or drop (`x`) the current card; what to tell the learner: the card's id and
    how to take it back."""
    action, done, later = {"s": (session.suspend, "Suspended", "mlwiki unsuspend"),
                           "b": (session.bury, "Buried until tomorrow:", ""),
                           "x": (session.drop, "Not a card, dropped:", "mlwiki undrop")}[key]
    card = action()
    if card is None:
        return "No card to act on."
    return f"{done} {card.id} · u undoes it" + (f" · later: `{later} {card.id}`" if later else "")


# --- plain mode --------------------------------------------------------------------------------------------


def run_plain(session: ReviewSession, stdin: TextIO, out: Callable[[str], None]) -> Summary:
    """Line-oriented review: front, a line (empty reveals), back, a line (1-4, u, s, b, x, q)."""
    if session.current is None:
        out("Nothing due now. " + next_due_text(session.finish().due, session.clock()))
        return session.summary
    revealed = False
    while session.current is not None:
        card = session.current
        if not revealed:
            out(header(session, card))
            out(terminal_text(front_markdown(card.front)))
            out("[enter] show answer, q quit")
        else:
            out("--- answer ---")
            out(terminal_text(card.back))
            out(rating_bar(session) + f"   [{PLAIN_KEYS}]")
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
    if command in ("s", "b", "x"):
        out(flag_message(session, command))
        return False
    out("unknown command; " + (PLAIN_KEYS if revealed else
                               "enter shows the answer, u undo, s suspend, b bury, x not a card, q quit"))
    return revealed


# --- terminal UI -------------------------------------------------------------------------------------------

RESIZE = "<resize>"  # what read_key returns when the terminal window changed size


@contextmanager
def resize_wakeups() -> Iterator[int | None]:
    """A pipe that turns readable when the terminal is resized (SIGWINCH), for `read_key` to wait on beside the
    keyboard. None where there is no SIGWINCH (Windows) or signals cannot be set (not the main thread)."""
    if not hasattr(signal, "SIGWINCH"):
        yield None
        return
    read_end, write_end = os.pipe()
    os.set_blocking(read_end, False)
    os.set_blocking(write_end, False)
    try:
        previous = signal.signal(signal.SIGWINCH, lambda *_: None)  # a Python handler, so the wakeup fd is written
        old_fd = signal.set_wakeup_fd(write_end, warn_on_full_buffer=False)
    except ValueError:  # not the main thread
        os.close(read_end)
        os.close(write_end)
        yield None
        return
    try:
        yield read_end
    finally:
        signal.set_wakeup_fd(old_fd)
        signal.signal(signal.SIGWINCH, previous)
        os.close(read_end)
        os.close(write_end)


def _resized(wakeup: int) -> bool:
    """Empty the wakeup pipe; whether a SIGWINCH was among the signals it holds (Ctrl-C raises by itself)."""
    try:
        return signal.SIGWINCH in os.read(wakeup, 512)
    except BlockingIOError:
        return False


def read_key(stream=None, wakeup: int | None = None) -> str:
    """One key press from the terminal, without echo or Enter; `RESIZE` when `wakeup` says the window changed."""
    import termios
    import tty

    stream = stream or sys.stdin
    fd = stream.fileno()
    old = termios.tcgetattr(fd)
    try:
        tty.setcbreak(fd)
        while True:
            ready = select.select([fd] if wakeup is None else [fd, wakeup], [], [])[0]
            if wakeup in ready and _resized(wakeup):
                return RESIZE
            if fd in ready:
                return os.read(fd, 1).decode("utf-8", "replace")
    finally:
        termios.tcsetattr(fd, termios.TCSADRAIN, old)


def split_heading(heading: str, front: str) -> tuple[str, str]:
    """(line above the card, card text): the heading path once. A front that starts with its heading path (a
    formula card's does) gives that path to the line above, unless nothing would be left of the card; what its
    first paragraph says after the path ("… › What does $\\beta$ trade?") is no heading of the note: the card's."""
    if not heading:
        return "", front
    first, _, rest = front.partition("\n\n")
    if first == heading:
        return (first, rest.lstrip("\n")) if rest.strip() else ("", front)
    if first.startswith(heading + " › "):
        asked = first[len(heading) + 3:]
        return heading, f"{asked}\n\n{rest.lstrip(chr(10))}" if rest.strip() else asked
    return heading, front


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
    """The rich review screen, on the terminal's alternate screen (see `mlwiki.review.screen`)."""

    def __init__(self, session: ReviewSession, console=None, key_reader: Callable[[], str] | None = None,
                 rescan: Callable[[], int] | None = None, page_images: Callable | None = None):
        """`page_images`: how the `o` page shows a card's images (see `card_page.write_card_page`)."""
        from rich.console import Console

        self.session = session
        self.console = console or Console(highlight=False)
        self.read_key = key_reader  # None: the keyboard, with terminal resizes
        self.rescan = rescan
        self.page_images = page_images
        self.message = ""
        self.help = False  # `?` shows the keys until pressed again
        self.screen = None

    def frame(self, revealed: bool) -> tuple[list, list]:
        """What the screen shows: the body (header, heading path, the card) and the footer below it (the rating
        keys or the prompt, the key help, the last message), which a short terminal must never lose."""
        from rich.panel import Panel
        from rich.text import Text

        from mlwiki.render.terminal import card_markdown
        from mlwiki.review.screen import pack

        card, width = self.session.current, self.console.size.width
        heading, front = split_heading(card.heading, card.front)
        body = [Text(header(self.session, card, width), style="dim", no_wrap=True, overflow="fold")]
        if heading:
            body.append(Text(inert(heading), style="cyan"))
        body.append(Panel(card_markdown(front_markdown(front)), title=card.kind, title_align="left"))
        footer = []
        if revealed:
            body.append(Panel(card_markdown(card.back), border_style="green"))
            previews = self.session.previews()
            items = [f" {r}  {RATINGS[r]} {previews[r]}" for r in RATINGS]  # as _keyed_line draws them
            footer += [_keyed_line(line) for line in pack(items, width - 1)]
        else:
            footer.append(Text("space/enter: show answer   ?: keys   q: quit", style="dim"))
        if self.help:
            footer += [Text("  ·  ".join(line), style="dim") for line in pack(list(KEY_ITEMS), width - 1, "  ·  ")]
        if self.message:  # its " · " items kept whole, like the keys
            footer += [Text(" · ".join(line), style="yellow") for line in pack(self.message.split(" · "), width - 1,
                                                                               " · ")]
        return body, footer

    def run(self) -> Summary:
        from rich.text import Text

        from mlwiki.review.screen import Screen

        session = self.session
        if session.current is None:
            self.console.print("Nothing due now. " + next_due_text(session.finish().due, session.clock()))
            return session.summary
        with resize_wakeups() as wakeup, Screen(self.console, self.console.file) as self.screen:
            reader = self.read_key or (lambda: read_key(wakeup=wakeup))
            revealed = False
            while session.current is not None:
                self.screen.draw(*self.frame(revealed))
                key = reader()
                if key == RESIZE:
                    self.screen.invalidate()  # drawn whole at the new size, answer and message as they were
                    continue
                if key in ("q", "\x04", ""):
                    break
                if key != "?":
                    self.message = ""
                revealed = self.handle(key, revealed)
        if session.current is None and self.message:  # the last card's suspend, bury or drop: say it here
            self.console.print(Text(self.message), soft_wrap=True)
        self.console.print(summary_text(session.finish(), session.clock()))
        return session.summary

    def handle(self, key: str, revealed: bool) -> bool:
        """Do what `key` asks; return whether the (possibly new) current card shows its answer."""
        session = self.session
        card = session.current
        if key in (" ", "\n", "\r"):
            return True  # reveal; once shown, the answer stays until the card is rated
        if key in ("1", "2", "3", "4") and revealed:
            result = session.answer(int(key))
            if result.leech:
                self.message = leech_message(card.id, session.settings.leech_threshold)
        elif key == "u":
            step = session.undo()
            self.message = f"Undid {step.kind} of {step.card_id}." if step else "Nothing to undo."
        elif key in ("s", "b", "x"):
            self.message = flag_message(session, key)
        elif key == "e":
            self.edit(card)
        elif key == "o":
            from mlwiki.review.card_page import open_card_page

            path, opened = open_card_page(card, session.config, self.page_images)
            self.message = f"Opened {path}" if opened else f"Wrote {path} (no browser found to open it)"
            return revealed
        else:
            self.help ^= key == "?"
            return revealed  # help, or a key that means nothing: the screen stays as it is
        return False

    def edit(self, card: ShownCard) -> None:
        """The editor at the card's line (on the shell's screen, which editors expect), then a rescan."""
        with self.screen.away():
            open_in_editor(str(self.session.config.root / card.path), card.line)
        errors = self.rescan() if self.rescan else 0
        self.message = ("Rescanned after edit." if not errors else
                        f"Rescanned after edit: {plural(errors, 'syntax error')} in the notes "
                        "(see `mlwiki check`).")


def _keyed_line(items: list[str]):
    """Rating items (" 1   Again 10m") on one line, each key shown as a key cap."""
    from rich.text import Text

    text = Text()
    for item in items:
        if len(text):
            text.append("   ")
        text.append(item[:3], style="reverse bold")
        text.append(item[3:])
    return text
