"""`mlwiki cards --json` and `mlwiki check` through click's runner, on small wikis written to tmp_path."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import db_rows, run as run_cli

NOW = "2026-03-02T12:00:00+00:00"
CARD_KEYS = ["id", "note_id", "kind", "front", "back", "deck", "tags", "source"]
STORE_KEYS = ["state", "due", "last_review", "reviews", "lapses", "stability", "difficulty", "suspended", "leech",
              "buried_until", "retired", "dropped", "duplicate_of", "retrievability"]


@pytest.fixture
def wiki(tmp_path: Path) -> Path:
    (tmp_path / "notes").mkdir()
    (tmp_path / "mlwiki.toml").write_text('name = "ML"\nnotes = "notes"\n[review]\ntimezone = "UTC"\n',
                                         encoding="utf-8")
    return tmp_path


def write(wiki: Path, rel: str, *lines: str) -> Path:
    path = wiki / "notes" / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def invoke(wiki: Path, *args: str):
    return run_cli(wiki, *args, now=NOW)


def cards_json(wiki: Path, *args: str) -> list[dict]:
    result = invoke(wiki, "cards", "--json", *args)
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def check(wiki: Path, *args: str) -> tuple[int, list[str]]:
    result = invoke(wiki, "check", *args)
    return result.exit_code, result.stdout.splitlines()


# --------------------------------------------------------------------------------------------------------------
# cards --json
# --------------------------------------------------------------------------------------------------------------


def test_cards_json_has_exactly_the_public_keys(wiki: Path):
    write(wiki, "opt/adam.md", "Q: What does β₂ control?", "A: The second-moment decay.")
    [card] = cards_json(wiki)
    assert list(card) == CARD_KEYS + STORE_KEYS
    assert list(card["source"]) == ["path", "line"]
    assert {k: card[k] for k in STORE_KEYS} == {
        "state": "new", "due": None, "last_review": None, "reviews": 0, "lapses": 0, "stability": None,
        "difficulty": None, "suspended": False, "leech": False, "buried_until": None, "retired": False,
        "dropped": False, "duplicate_of": None, "retrievability": None}


def test_cards_json_lists_every_form_in_note_order(wiki: Path):
    write(wiki, "deep-learning/attention.md",
          "---",
          "tags: [attention]",
          "---",
          "# Attention",
          "",
          "Q: Why divide by $\\sqrt{d_k}$?",
          "A: To keep the softmax out of saturation.",
          "",
          "Causal mask :: hides future positions",
          "",
          "Self-attention ::: permutation-equivariant",
          "",
          "Multi-head attention",
          "?",
          "Several attention maps in parallel",
          "",
          "::: {.card #kv-cache deck=\"ML::Inference\" tags=\"speed\"}",
          "## What does a KV cache store?",
          "",
          "The keys and values of past tokens.",
          ":::",
          "",
          "Scores are {{c1::scaled}} before the {{c2::softmax}}.",
          "",
          "The attention output is",
          "$$",
          "\\mathrm{softmax}(Q K^\\top / \\sqrt{d_k}) V",
          "$$")
    tags = ["attention", "deep-learning"]
    got = [(c["kind"], c["front"], c["back"], c["deck"], c["tags"], c["source"]) for c in cards_json(wiki)]
    src = "notes/deep-learning/attention.md"
    assert got == [
        ("basic", "Why divide by $\\sqrt{d_k}$?", "To keep the softmax out of saturation.", "ML::deep-learning", tags,
         {"path": src, "line": 6}),
        ("basic", "Causal mask", "hides future positions", "ML::deep-learning", tags, {"path": src, "line": 9}),
        ("basic", "Self-attention", "permutation-equivariant", "ML::deep-learning", tags, {"path": src, "line": 11}),
        ("reverse", "permutation-equivariant", "Self-attention", "ML::deep-learning", tags,
         {"path": src, "line": 11}),
        ("basic", "Multi-head attention", "Several attention maps in parallel", "ML::deep-learning", tags,
         {"path": src, "line": 13}),
        ("basic", "What does a KV cache store?", "The keys and values of past tokens.", "ML::Inference",
         tags + ["speed"], {"path": src, "line": 17}),
        ("cloze", "Scores are [...] before the softmax.", "Scores are scaled before the softmax.",
         "ML::deep-learning", tags, {"path": src, "line": 23}),
        ("cloze", "Scores are scaled before the [...].", "Scores are scaled before the softmax.",
         "ML::deep-learning", tags, {"path": src, "line": 23}),
        ("formula", "Attention\n\nThe attention output is", "$$\\mathrm{softmax}(Q K^\\top / \\sqrt{d_k}) V$$",
         "ML::deep-learning", tags, {"path": src, "line": 26}),
    ]


def test_cards_json_ids_and_note_ids(wiki: Path):
    write(wiki, "a.md", "Precision ::: TP / (TP + FP)", "", "::: {.card #fixed}", "F", "", "B", ":::", "",
          "The {{c1::a}} and {{c2::b}}.")
    cards = cards_json(wiki)
    assert [(c["kind"], c["id"] == c["note_id"]) for c in cards] == [
        ("basic", True), ("reverse", False), ("basic", True), ("cloze", True), ("cloze", False)]
    assert cards[0]["note_id"] == cards[1]["note_id"]
    assert cards[2]["id"] == "fixed"
    assert cards[3]["note_id"] == cards[4]["note_id"]


def test_cards_json_for_a_path(wiki: Path):
    write(wiki, "opt/a.md", "a :: 1")
    write(wiki, "prob/b.md", "b :: 2")
    assert [c["front"] for c in cards_json(wiki, str(wiki / "notes" / "prob"))] == ["b"]
    assert [c["front"] for c in cards_json(wiki)] == ["a", "b"]


def test_cards_json_for_a_notebook_reports_notebook_lines(wiki: Path):
    nb = {"cells": [{"cell_type": "markdown", "metadata": {}, "source": ["# NB\n", "\n", "f :: b"]}],
          "metadata": {}, "nbformat": 4, "nbformat_minor": 5}
    text = json.dumps(nb, indent=1)
    (wiki / "notes" / "n.ipynb").write_text(text, encoding="utf-8")
    [card] = cards_json(wiki)
    assert card["source"] == {"path": "notes/n.ipynb", "line": text.count("\n", 0, text.index("f :: b")) + 1}


def test_moving_a_card_keeps_its_id_and_updates_its_source(wiki: Path):
    first = write(wiki, "a.md", "Q: What is SGD?", "A: Stochastic gradient descent.")
    [before] = cards_json(wiki)
    first.unlink()
    write(wiki, "elsewhere/b.md", "# Moved", "", "Intro.", "", "Q: What is SGD?", "A: Stochastic gradient descent.")
    [after] = cards_json(wiki)
    assert after["id"] == before["id"]
    assert after["source"] == {"path": "notes/elsewhere/b.md", "line": 5}


def test_editing_the_back_keeps_the_id(wiki: Path):
    path = write(wiki, "a.md", "Q: What is SGD?", "A: Stochastic gradient descent.")
    [before] = cards_json(wiki)
    path.write_text("Q: What is SGD?\nA: Gradient descent on mini-batches.\n", encoding="utf-8")
    path.touch()
    [after] = cards_json(wiki)
    assert (after["id"], after["back"]) == (before["id"], "Gradient descent on mini-batches.")


def test_cards_text_output_is_one_line_per_card(wiki: Path):
    write(wiki, "a.md", "a :: 1", "", "Q: b", "spans lines?", "A: 2")
    result = invoke(wiki, "cards")
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert len(lines) == 2
    assert lines[0].split()[1:] == ["basic", "new", "notes/a.md:1", "a"]
    assert lines[1].split()[1:] == ["basic", "new", "notes/a.md:3", "b", "spans", "lines?"]
    assert "2 cards" in result.stderr


def test_cards_text_shows_math_as_unicode_without_markdown_markers(wiki: Path):
    write(wiki, "sig.md", "# Sigmoid", "", "Q: What is **the derivative** of $\\sigma(z)$ in `numpy`?",
          "A: $\\sigma(z)(1 - \\sigma(z))$", "", "Q: A price of \\$5?", "A: yes")
    fronts = [line.split("  ")[-1] for line in invoke(wiki, "cards").stdout.splitlines()]
    assert fronts == ["What is the derivative of σ(z) in numpy?", "A price of $5?"]
    json_fronts = [card["front"] for card in json.loads(invoke(wiki, "cards", "--json").stdout)]
    assert "**the derivative** of $\\sigma(z)$" in json_fronts[0]  # --json keeps the source


# --------------------------------------------------------------------------------------------------------------
# check
# --------------------------------------------------------------------------------------------------------------


def test_check_on_a_clean_wiki_exits_0(wiki: Path):
    write(wiki, "a.md", "Q: fine?", "A: yes", "", "std::vector is not a card, and neither is `a :: b`.")
    result = invoke(wiki, "check")
    assert (result.exit_code, result.stdout) == (0, "")
    assert "1 note, 1 card: 0 errors, 0 warnings" in result.stderr


def test_check_reports_each_error_with_its_file_line_and_exits_1(wiki: Path):
    write(wiki, "errors.md",
          "---",                                        # 1
          "title: Errors",                              # 2
          "---",                                        # 3
          "Q: a question with no answer",               # 4
          "",                                           # 5
          "front ::",                                   # 6
          "",                                           # 7
          "The {{c1::unclosed cloze.",                  # 8
          "",                                           # 9
          "::: {.card}",                                # 10
          "only a front",                               # 11
          ":::",                                        # 12
          "",                                           # 13
          "$$",                                         # 14
          "x = y")                                      # 15
    write(wiki, "fence.md", "text", "", "```python", "code")
    write(wiki, "div.md", "::: {.card}", "F", "", "B")
    code, lines = check(wiki)
    assert code == 1
    assert lines == [
        "notes/div.md:1: error: fenced div ':::' is never closed",
        "notes/errors.md:4: error: 'Q:' has no matching 'A:' line",
        "notes/errors.md:6: error: card has an empty back",
        "notes/errors.md:8: error: '{{c…::' is never closed with '}}', so it is not a cloze",
        "notes/errors.md:10: error: card has an empty back",
        "notes/errors.md:14: error: display math is never closed (expected $$)",
        "notes/fence.md:3: error: code fence is never closed",
    ]


def test_check_warnings_alone_exit_0(wiki: Path):
    write(wiki, "w.md",
          "It costs $5 today.",                 # 1
          "",                                   # 2
          "Set {{c1::$x^{a^{b}}$}} here.",      # 3
          "",                                   # 4
          "front :: back",                      # 5
          "",                                   # 6
          "front :: other back",                # 7
          "",                                   # 8
          "<!-- never closed")                  # 9
    code, lines = check(wiki)
    assert code == 0
    assert lines == [
        "notes/w.md:1: warning: unbalanced '$' (write \\$ for a dollar sign)",
        "notes/w.md:3: warning: '}}' inside a cloze would end it early in Anki; mlwiki pads it on export, but "
        "write '} }' to be safe elsewhere",
        "notes/w.md:7: warning: the same card is also at line 5; only that one is kept",
        "notes/w.md:9: warning: HTML comment is never closed (expected -->)",
    ]


def test_check_duplicate_ids_and_cards_across_notes(wiki: Path):
    write(wiki, "a.md", "::: {.card #same}", "Front A", "", "Back A", ":::", "", "shared :: card")
    write(wiki, "b.md", "", "::: {.card #same}", "Front B", "", "Back B", ":::", "", "shared :: card")
    code, lines = check(wiki)
    assert code == 1
    assert lines == [
        "notes/b.md:2: error: duplicate id 'same' (also at notes/a.md:1); ids must be unique",
        "notes/b.md:8: warning: the same card is also at notes/a.md:7; both places share one review history",
    ]


def test_check_duplicate_explicit_ids_in_one_note(wiki: Path):
    write(wiki, "a.md", "::: {.card #x}", "F1", "", "B1", ":::", "", "::: {.card #x}", "F2", "", "B2", ":::")
    assert check(wiki) == (1, ["notes/a.md:7: error: duplicate id 'x' (also at line 1)"])


def test_check_json(wiki: Path):
    write(wiki, "a.md", "---", "tags: [t]", "---", "", "Q: lonely")
    result = invoke(wiki, "check", "--json")
    assert result.exit_code == 1
    report = json.loads(result.stdout)
    assert report["problems"] == [{"path": "notes/a.md", "line": 5, "severity": "error", "code": "syntax",
                                   "message": "'Q:' has no matching 'A:' line"}]
    assert (report["notes"], report["cards"], report["skipped"]) == (1, 0, {})


def test_check_for_one_path(wiki: Path):
    write(wiki, "good/a.md", "a :: b")
    write(wiki, "bad/b.md", "Q: lonely")
    assert check(wiki, str(wiki / "notes" / "good")) == (0, [])
    assert check(wiki, str(wiki / "notes" / "bad")) == (1, ["notes/bad/b.md:1: error: 'Q:' has no matching 'A:' "
                                                            "line"])


# --- unsuspend ----------------------------------------------------------------------------------------------


def events(wiki):
    return db_rows(wiki, "SELECT card_id, action FROM events ORDER BY id")


def test_unsuspend_unknown_id_is_an_error_and_changes_nothing(wiki):
    write(wiki, "a.md", "Q: One?", "A: 1", "", "Q: Two?", "A: 2")
    run_cli(wiki, "review", "--plain", now=NOW, input="s\ns\n")
    ids = [c["id"] for c in cards_json(wiki)]
    result = invoke(wiki, "unsuspend", ids[0], "feedfacefeedface")
    assert result.exit_code == 1
    assert result.stderr == ("Error: no card has the id feedfacefeedface (see `mlwiki cards`); "
                             "nothing unsuspended\n")
    assert [c["suspended"] for c in cards_json(wiki)] == [True, True]

    result = invoke(wiki, "unsuspend", ids[0])
    assert (result.exit_code, result.stdout) == (0, "Unsuspended 1 card.\n")
    assert events(wiki) == [(ids[0], "suspend"), (ids[1], "suspend"), (ids[0], "unsuspend")]
    again = invoke(wiki, "unsuspend", ids[0])
    assert (again.exit_code, again.stdout) == (0, "Unsuspended 0 cards (1 was not suspended).\n")
    assert len(events(wiki)) == 3, "nothing changed, nothing recorded"
