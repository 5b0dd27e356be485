"""`review --new N`: N new cards in this session, as Anki's custom study gives more new cards than the day's
limit; the session's closing line counts what `due` counts."""

from __future__ import annotations

import json
import re

from conftest import run

NOTE = "".join(f"Q: Which estimator number {n} is unbiased?\nA: Estimator {n}\n\n" for n in range(12))
CONFIG = 'name = "T"\n[review]\ntimezone = "UTC"\nnew_per_day = 4\n'


def answered_cards(output: str) -> set[str]:
    return set(re.findall(r"^recorded (\w+):", output, re.M))


def test_new_override_gives_n_new_cards_beyond_the_days_limit(make_wiki):
    root = make_wiki({"a.md": NOTE}, config=CONFIG)
    first = run(root, "review", "--plain", input="\n3\n" * 40, ok=True).output
    assert len(answered_cards(first)) == 4  # the day's limit
    more = run(root, "review", "--plain", "--new", "5", input="\n3\n" * 40, ok=True).output
    assert len(answered_cards(more)) == 5 and not answered_cards(more) & answered_cards(first)
    assert run(root, "review", "--plain", "--new", "0", input="\n3\n" * 40, ok=True).output.count("recorded") == 0


def test_closing_line_counts_new_cards_as_due_does(make_wiki):
    root = make_wiki({"a.md": NOTE}, config=CONFIG)
    out = run(root, "review", "--plain", "--new", "3", "--limit", "3", input="\n3\n" * 3, ok=True).output
    due = json.loads(run(root, "due", "--json", ok=True).output)
    assert due["new"] == 1  # the day's 4, less the 3 this session introduced
    assert f"new {due['new']}." in out.splitlines()[-1]
