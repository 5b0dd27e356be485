"""One card per fact in a note (session 61, dups61): two cards of one note whose backs say the same fact, read from
two places or in two forms, are one card, the one whose front asks best. Every note is written to one wiki in
tmp_path, scanned once through the CLI (`cards --json`); each test reads the cards of its own note."""

from __future__ import annotations

import json

import pytest

from conftest import made_by_note as _made, new_wiki, run

CONFIG = 'name = "T"\nformulas = "display"\ndefinitions = true\nsections = true\n[review]\ntimezone = "UTC"\n'
NOTES: dict[str, str] = {}  # (path below notes/ → text: each test's note, filled in below)


@pytest.fixture(scope="module")
def cards(tmp_path_factory) -> list[dict]:
    """`mlwiki cards --json` of a wiki holding every note of this module."""
    root = new_wiki(tmp_path_factory.mktemp("dups61"), NOTES, CONFIG)
    return json.loads(run(root, "cards", "--json", ok=True).output)


def _asking(made: dict[str, str], words: str) -> list[str]:
    """The fronts of the cards whose back holds `words`."""
    return [front for front, back in made.items() if words in back]


NOTES["critic.md"] = (
    "# Actor-critic\n\n## Pitfalls (from my own runs)\n\n"
    "- **Sign**: optimisers minimise, so the policy loss needs a minus in front of the return.\n"
    "- **Stop the critic gradient.** When the advantage comes from the critic network, the actor loss must not send "
    "gradients into the critic weights (`adv.detach()`).\n"
    "- **Entropy bonus**: too small a bonus lets the policy collapse early onto one action.\n")


def test_a_bold_lead_is_asked_once_by_its_label(cards):
    """A list item that opens on a bold lead ("**Stop the critic gradient.** When …") is carded by its label and
    again as one more pitfall of the list: the learner would recall one sentence twice. The card asked by the label
    stays, with the sentence on its back."""
    made = _made(cards, "critic.md")
    fronts = _asking(made, "must not send gradients into the critic weights")
    assert fronts == ["Actor-critic › Pitfalls (from my own runs) › Stop the critic gradient"]
    assert len(_asking(made, "policy loss needs a minus")) == 1


NOTES["translation.md"] = (
    "# Machine translation\n\n"
    "- Training data\n"
    "  - Data for MT (where the examples come from)\n"
    "    - **parallel corpora**: sentence-aligned translations such as Europarl, the UN corpus and the WMT news tasks\n"
    "    - WMT'14 En→De (~4.5M sentence pairs) is the classic benchmark of the early attention papers\n"
    "- Summary of the data sources, all in one place\n"
    "  - monolingual text: used through back-translation into synthetic source sentences\n"
    "  - parallel corpora: sentence-aligned translations such as Europarl, the UN corpus and the WMT news tasks\n")


def test_a_summary_that_repeats_a_definition_is_one_card(cards):
    """An outline's summary branch restates an item word for word: "Define: parallel corpora" and "… › parallel
    corpora" (its back opening on the label again) ask one fact. The definition stays; the summary's other item,
    said nowhere else, stays a card."""
    made = _made(cards, "translation.md")
    asking = _asking(made, "sentence-aligned translations")
    assert "Machine translation\n\nDefine: parallel corpora" in asking
    assert "Machine translation › parallel corpora" not in asking
    assert _asking(made, "back-translation into synthetic source sentences")
