"""The review's screen: the terminal's alternate screen, only changed rows written, the keys kept (issue 28)."""

from __future__ import annotations

import io

import pytest
from rich.console import Console
from rich.text import Text

from mlwiki.review.screen import ENTER, LEAVE, OVERFLOW, Screen


def test_the_screen_writes_only_changed_rows_and_keeps_the_keys_on_a_short_terminal():
    out = io.StringIO()
    console = Console(width=40, height=6, file=io.StringIO())
    with Screen(console, out) as screen:
        screen.draw([Text("front"), Text("back")], [Text("keys")])
        first = out.getvalue()
        assert first.startswith(ENTER) and "\x1b[1;1Hfront" in first and "\x1b[3;1Hkeys" in first
        screen.draw([Text("front"), Text("back")], [Text("keys")])
        assert out.getvalue() == first, "an unchanged frame writes nothing"
        screen.draw([Text("front"), Text("BACK")], [Text("keys")])
        assert out.getvalue()[len(first):] == "\x1b[2;1HBACK\x1b[0m\x1b[K"
        mark = len(out.getvalue())
        screen.draw([Text(f"line {n}") for n in range(10)], [Text("keys")])
        rows = out.getvalue()[mark:]
        assert "\x1b[6;1Hkeys" in rows and "line 3" in rows and "line 4" not in rows
        assert f"\x1b[5;1H{OVERFLOW}" in rows
    assert out.getvalue().endswith(LEAVE)


def test_the_shells_screen_comes_back_after_a_crash():
    out = io.StringIO()
    with pytest.raises(RuntimeError):
        with Screen(Console(width=40, height=6, file=io.StringIO()), out):
            raise RuntimeError("a bug")
    assert out.getvalue().endswith(LEAVE)
