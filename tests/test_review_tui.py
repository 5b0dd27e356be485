"""The real terminal UI in a pseudo-terminal: reveal, rate, undo, suspend, quit (issue 5)."""

from __future__ import annotations

import os
import re
import sys
import threading
import time

import pytest
from rich.cells import cell_len

from conftest import db_rows, run, write

pytestmark = pytest.mark.slow  # subprocesses, ptys or real Anki collections: `pytest -m "not slow"` skips them

pexpect = pytest.importorskip("pexpect")

NOTE = ("# Attention\n\nQ: Alpha question on softmax?\nA: Alpha answer $\\sqrt{d_k}$\n\n"
        "Q: Beta question on dropout?\nA: Beta answer\n\nQ: Gamma question on Adam?\nA: Gamma answer\n")


def _ctrl_c_on() -> None:
    """In the review's process: Ctrl-C as a terminal delivers it, even when the tests run where SIGINT is ignored
    (a shell's background job passes SIG_IGN on to what it starts, and exec keeps it)."""
    import signal

    signal.signal(signal.SIGINT, signal.SIG_DFL)


def press(child, key: str, timeout: float = 30) -> None:
    """Type `key` once the review waits for one. It reads each key in cbreak mode, and entering it (tty.setcbreak)
    discards what was typed before: so wait until the terminal has echo off (the review is reading), not a fixed
    pause (pexpect's default 50 ms before each send: most of these tests' time, and still a race on a busy
    machine)."""
    deadline = time.monotonic() + timeout
    while child.getecho():
        if time.monotonic() > deadline:
            raise AssertionError(f"the review never waited for a key: {child.before!r:.2000}")
        time.sleep(0.002)
    child.send(key)


def pty(*args, **kwargs):
    """`pexpect.spawn`, typing through `press` without pexpect's fixed pause before each key."""
    child = pexpect.spawn(*args, **kwargs)
    child.delaybeforesend = None
    return child


def spawn(root):
    env = {**os.environ, "TERM": "xterm-256color", "COLUMNS": "100", "LINES": "40"}
    env.pop("CI", None)
    run(root, "scan", ok=True)  # (here, as before every review but the first: see serving.scanned)
    return pty(sys.executable, ["-m", "mlwiki", "--root", str(root), "--now", "2026-03-02T12:00:00Z",
                                          "review"], env=env, encoding="utf-8", timeout=20, dimensions=(40, 100),
                         preexec_fn=_ctrl_c_on)


def reviews(root):
    return db_rows(root, "SELECT rating FROM reviews ORDER BY id")


def test_reveal_rate_undo_quit_in_a_pty(wiki):
    write(wiki, "notes/a.md", NOTE)
    child = spawn(wiki)
    try:
        child.expect("Alpha question on softmax")
    except pexpect.TIMEOUT:
        raise AssertionError(child.before)
    child.expect("show answer")
    press(child, " ")
    child.expect("Alpha answer √dₖ")
    child.expect("Good 10m")
    press(child, "3")
    child.expect("Beta question on dropout")
    press(child, "u")
    child.expect("Alpha question on softmax")
    child.expect("Undid answer")
    press(child, "\r")
    child.expect("Alpha answer")
    press(child, "4")
    child.expect("Beta question")
    press(child, "x")  # Beta is not a card, then it is after all
    child.expect("Gamma question")
    child.expect(r"Not a card, dropped: (\w+) · u undoes it · later: `mlwiki undrop \1`")
    press(child, "u")
    child.expect("Beta question")
    child.expect("Undid drop")
    press(child, "s")
    child.expect("Gamma question")
    child.expect(r"Suspended (\w+) · u undoes it · later: `mlwiki unsuspend \1`")
    press(child, "?")
    child.expect("u undo")
    press(child, "x")  # the last card: the session ends, and the message stays on the shell's screen
    child.expect(r"\x1b\[\?1049lNot a card, dropped: \w+ · u undoes it")
    child.expect("Reviewed 1 card ")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    assert reviews(wiki) == [(4,)]
    assert db_rows(wiki, "SELECT front FROM cards WHERE suspended = 1 AND dropped = 0") == [
        ("Beta question on dropout?",)]
    assert db_rows(wiki, "SELECT front FROM cards WHERE dropped = 1") == [("Gamma question on Adam?",)]


def test_escape_sequences_in_notes_are_shown_inert(wiki):
    write(wiki, "notes/a.md", "Q: Evil \x1b]0;pwned\x07 title \x1b[2J clear?\nA: answer\n")
    child = spawn(wiki)
    child.expect("Evil")
    child.expect("title")
    press(child, "q")
    child.expect(pexpect.EOF)
    screen = child.before or ""
    child.close()
    assert "\x1b]0;pwned" not in screen


FAKE_EDITOR = """import sys, pathlib
pathlib.Path(sys.argv[0]).with_name("editor-args.txt").write_text(" ".join(sys.argv[1:]))
note = pathlib.Path(sys.argv[-1])
note.write_text(note.read_text().replace("Alpha question on softmax?", "Alpha question on the softmax?"))
"""

FAKE_BROWSER = """import sys, pathlib
pathlib.Path(sys.argv[0]).with_name("browser-args.txt").write_text(sys.argv[1])
"""


def test_edit_rescans_and_open_writes_a_page(wiki, tmp_path):
    """`e` runs $EDITOR at the card's file and line, then shows the edited card with its history kept; `o`
    hands $BROWSER a self-contained page with the math as MathML."""
    write(wiki, "notes/a.md", NOTE)
    tools = tmp_path / "tools"
    tools.mkdir()
    (tools / "editor.py").write_text(FAKE_EDITOR)
    (tools / "browser.py").write_text(FAKE_BROWSER)
    os.environ["EDITOR"] = f"{sys.executable} {tools / 'editor.py'}"
    os.environ["BROWSER"] = f"{sys.executable} {tools / 'browser.py'} %s"
    try:
        child = spawn(wiki)
    finally:
        del os.environ["EDITOR"], os.environ["BROWSER"]
    child.expect("Alpha question on softmax")
    press(child, "e")
    child.expect("Alpha question on the softmax")
    child.expect("Rescanned after edit")
    assert (tools / "editor-args.txt").read_text() == f"+3 {wiki / 'notes' / 'a.md'}"
    press(child, "o")
    child.expect("Opened ")
    press(child, "q")
    child.expect(pexpect.EOF)
    child.close()
    page_uri = (tools / "browser-args.txt").read_text()
    page = open(page_uri.removeprefix("file://")).read()
    assert "Alpha question on the softmax?" in page and "<math" in page and "http" not in page.replace(
        "http://www.w3.org/1998/Math/MathML", "")
    live = db_rows(wiki, "SELECT front FROM cards WHERE retired = 0 AND front LIKE 'Alpha%'")
    assert live == [("Alpha question on the softmax?",)], "the edited card replaced the old one, no duplicate"


# --- the screen at 60, 80 and 120 columns (issue 28) ---------------------------------------------------------

ROW_WRITE = re.compile(r"\x1b\[(\d+);1H(.*?)\x1b\[0m\x1b\[K", re.S)
STYLE = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")


def screen_rows(raw: str) -> dict[int, str]:
    """The rows a frame wrote (row → text without styles), from the review's own row writes."""
    return {int(row): STYLE.sub("", text) for row, text in ROW_WRITE.findall(raw)}


def copy_of_bundled_note(wiki, rel):
    from pathlib import Path

    write(wiki, rel, (Path(__file__).resolve().parents[1] / rel).read_text())


@pytest.mark.parametrize("cols", [60, 80, 120])
def test_long_answers_fit_on_the_alternate_screen(wiki, cols):
    """The answer from the issue (logistic regression, 80 columns) in rows, nothing cut; header and keys fit;
    `?` toggles; an unchanged screen is not redrawn; the shell's screen comes back after Ctrl-C."""
    copy_of_bundled_note(wiki, "notes/classical-ml/logistic-regression.md")
    (wiki / "mlwiki.toml").write_text('name = "T"\nformulas = "display"\n[review]\ntimezone = "UTC"\n')
    env = {**os.environ, "TERM": "xterm-256color"}
    for name in ("CI", "COLUMNS", "LINES"):
        env.pop(name, None)
    run(wiki, "scan", ok=True)  # (here, as before every review but the first: see serving.scanned)
    child = pty(sys.executable, ["-m", "mlwiki", "--root", str(wiki), "--now", "2026-03-02T12:00:00Z",
                                           "review"], env=env, encoding="utf-8", timeout=20, dimensions=(40, cols),
                          preexec_fn=_ctrl_c_on)
    child.expect("show answer")
    assert "\x1b[?1049h" in child.before, "the review draws on the alternate screen"
    while "log-odds" not in child.before + child.after:
        press(child, "b")  # bury until the formula card shows
        child.expect("show answer")
    press(child, " ")
    child.expect(r"Easy \S+")
    rows = screen_rows(child.before + child.after)
    text = "\n".join(rows.values())
    assert "…" not in text and "1/(1+e^(-(wᵀx+b)))" in text and "⟺  p(y = 1 | x)" in text
    assert max(cell_len(line.rstrip()) for line in rows.values()) <= cols
    press(child, "?")
    child.expect("hide keys")
    help_rows = screen_rows(child.before + child.after)
    assert "…" not in "".join(help_rows.values()) and "1" not in help_rows, "only the new lines are written"
    assert all(cell_len(line.rstrip()) <= cols for line in help_rows.values())
    press(child, "?")
    with pytest.raises(pexpect.TIMEOUT):
        child.expect("hide keys", timeout=0.5)
    child.sendintr()
    child.expect(pexpect.EOF)
    assert "\x1b[?1049l" in child.before, "Ctrl-C gives the shell's screen back"
    child.close()


def test_every_bundled_card_fits_in_a_pty(tmp_path):
    """Day after day until every bundled card has been shown, in a terminal 60 and one 120 columns wide (the
    narrowest and the widest; 80 lies between), side by side: each frame the review writes fits the terminal, and
    no answer ends in a `…` (the mark of a cut line)."""
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(max_workers=2) as pool:
        for done in [pool.submit(_review_every_bundled_card, tmp_path / f"cols{cols}", cols) for cols in (60, 120)]:
            done.result()  # (an assertion that failed in a session fails the test here)


_CLI_LOCK = threading.Lock()  # (CliRunner swaps sys.stdout: one invocation at a time)


def _review_every_bundled_card(root, cols: int) -> None:
    import json
    import shutil
    from datetime import datetime, timedelta
    from pathlib import Path

    from click.testing import CliRunner

    from mlwiki.cli import cli

    def mlwiki_json(*args: str):
        with _CLI_LOCK:
            return json.loads(CliRunner().invoke(cli, ["--root", str(root), *args]).stdout)

    repo = Path(__file__).resolve().parents[1]
    shutil.copytree(repo / "notes", root / "notes")
    (root / "mlwiki.toml").write_text((repo / "mlwiki.toml").read_text().replace("new_per_day = 20",
                                                                                 "new_per_day = 500"))
    env = {**os.environ, "TERM": "xterm-256color"}
    for name in ("CI", "COLUMNS", "LINES"):
        env.pop(name, None)
    shown, day = set(), datetime(2026, 3, 2, 8, 0)
    while True:
        child = pty(sys.executable, ["-m", "mlwiki", "--root", str(root), "--now", day.isoformat(),
                                               "review"], env=env, encoding="utf-8", timeout=90,
                              dimensions=(60, cols), preexec_fn=_ctrl_c_on)
        while child.expect([r"show answer\S*", "Reviewed|Nothing due"]) == 0:
            front = screen_rows(child.before + child.after)
            shown.add(re.search(r"[\w.-]+:\d+", front.get(1, "")).group() if 1 in front else None)
            press(child, " ")
            child.expect(r"Easy \S+")
            back = screen_rows(child.before + child.after)
            for row in list(front.values()) + list(back.values()):
                assert cell_len(row.rstrip()) <= cols, row
            assert not any(row.strip(" │").endswith("…") for row in back.values()), back
            press(child, "4")
        child.expect(pexpect.EOF)
        child.close()
        if not mlwiki_json("--now", day.isoformat(), "due", "--json")["new_waiting"]:
            break
        day += timedelta(days=1)
    cards = mlwiki_json("cards", "--json")
    assert {f"{c['source']['path'].rsplit('/', 1)[-1]}:{c['source']['line']}" for c in cards} <= {
        s.rsplit("/", 1)[-1] for s in shown if s}, cols
