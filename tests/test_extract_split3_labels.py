"""Multi-fact backs under a topic heading (issue 23): a section whose text goes on with short lines that only name
what follows ("Preconditions" over a list, "Outcome" over another) holds several facts the heading's card never
asks alone; each becomes a card under "path › label", what opens the section (and its code) stays on the heading's
card. A single short line, a label over code, or a line that reads as a sentence splits nothing. Notes of my own,
read through the extract API with sections on."""

from __future__ import annotations

from mlwiki.extract import NoteContext, extract
from mlwiki.extract.label_parts import split_label_parts


def _cards(body: str) -> dict[str, str]:
    found = extract(body, NoteContext(path="Sign test.md", sections=True, title="Sign test"))
    return {c.front: c.back for c in found.cards}


PARTS = ["# Paired comparisons", "", "## Sign test", "",
         "Checks whether the median difference between paired readings is zero.", "",
         "Preconditions", "",
         "- each pair is measured on the same unit",
         "- pairs do not influence one another", "",
         "Outcome", "",
         "- null: positive and negative differences are equally likely",
         "- alternative: one sign dominates", "",
         "```python", "from scipy.stats import binomtest", "print(binomtest(7, 10).pvalue)", "```", ""]


def test_labelled_parts_of_a_section_become_a_card_each():
    cards = _cards("\n".join(PARTS))
    assert cards["Paired comparisons › Sign test › Preconditions"].startswith("- each pair is measured"), cards
    assert cards["Paired comparisons › Sign test › Outcome"].startswith("- null: positive"), cards
    opening = cards["Paired comparisons › Sign test"]
    assert opening.startswith("Checks whether the median"), cards
    assert "Preconditions" not in opening and "one sign dominates" not in opening, cards


def test_a_label_over_code_goes_with_the_code_on_the_heading_card():
    split = split_label_parts("Sign test", "\n\n".join([
        "Checks whether the median difference is zero.", "Preconditions", "- pairs are independent of each other",
        "Outcome", "- null: both signs are equally likely", "Python code", "```python\nbinomtest(7, 10)\n```"]))
    assert split is not None
    fronts = dict(split)
    assert fronts["Sign test › Outcome"] == "- null: both signs are equally likely", split
    assert fronts["Sign test"].endswith("Python code\n\n```python\nbinomtest(7, 10)\n```"), split


def test_one_short_line_over_prose_or_a_sentence_splits_nothing():
    assert split_label_parts("Sign test", "Checks the median.\n\nPreconditions\n\nPairs must not interact.") is None
    assert split_label_parts("Sign test", "Checks the median.\n\nFor small samples:\n\n- use the exact binomial"
                             "\n\nIt is robust:\n\n- outliers only count by their sign") is None


def test_paragraphs_opening_on_their_own_labels_become_a_card_each():
    split = split_label_parts("Sign test", "\n\n".join([
        "Power: lower than the t-test's on normal data, since only the signs count.",
        "Ties: pairs with a zero difference are dropped before counting.",
        "Want: a test that needs no distribution at all."]))
    assert split is not None
    fronts = dict(split)
    assert fronts["Sign test › Power"].startswith("Power: lower than"), split
    assert fronts["Sign test › Ties"].startswith("Ties: pairs with a zero"), split
    assert fronts["Sign test"] == "Want: a test that needs no distribution at all.", split


def test_a_paragraph_of_its_own_after_a_labelled_one_stays_on_the_heading_card():
    split = split_label_parts("Sign test", "\n\n".join([
        "Power: lower than the t-test's on normal data.", "Ties: zero differences are dropped first.",
        "Counting the signs gives a binomial statistic under the null.", "Notation: $n_+$ counts positive signs."]))
    fronts = dict(split or [])
    assert fronts.get("Sign test") == "Counting the signs gives a binomial statistic under the null.\n\n" \
        "Notation: $n_+$ counts positive signs.", split  # (a notation note stays where it was: no card of its own)


def test_a_single_labelled_paragraph_splits_nothing():
    assert split_label_parts("Sign test", "Counts the signs.\n\nPower: lower than the t-test's on normal data.") is None


def test_one_label_line_over_a_list_after_the_sections_own_text_is_a_card():
    split = split_label_parts("Sign test", "Counts how many differences are positive.\nDrawbacks\n"
                              "- ignores how large each difference is\n- weak on small samples")
    assert split == [("Sign test", "Counts how many differences are positive."),
                     ("Sign test › Drawbacks", "- ignores how large each difference is\n- weak on small samples")]


def test_parts_the_heading_names_stay_one_card():
    back = "Strengths\n- needs no distribution\n- robust to outliers\nWeaknesses\n- ignores magnitudes"
    assert split_label_parts("Sign test › Strengths and weaknesses", back) is None
    assert dict(split_label_parts("Sign test", back))["Sign test › Weaknesses"] == "- ignores magnitudes"
