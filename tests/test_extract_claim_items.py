"""A list of separate claims under a heading-only front (issue 23): each item a sentence about a subject it names at
its start ("weight decay shrinks …", "early stopping acts like …") is a card of its own, "path › subject" (or the
question its form asks), and the heading's card keeps only the text around the list. Lists that are one answer
stay whole: one the text before introduces ("Three reasons:"), steps, fragments, items about the heading's own
subject. Notes of my own, in each style, through the extract API."""

from __future__ import annotations

import pytest

from mlwiki.extract import NoteContext, extract
from mlwiki.extract.claim_items import split_claim_items

CLAIMS = ["- weight decay shrinks the weights toward zero where the curvature is small",
          "- early stopping acts like an L2 penalty for a quadratic loss",
          "- dropout trains an ensemble of thinned networks that share weights"]

STYLES = {
    "obsidian": ("Regularisation.md", "# Regularisation\n\n## Chapter seven\n\n{list}\n"),
    "quarto": ("Regularisation.qmd", "---\ntitle: Regularisation\n---\n\n## Chapter seven\n\n{list}\n"),
    "jbook": ("Regularisation.md", "---\njupytext:\n  text_representation:\n    format_name: myst\n---\n\n"
                                   "# Regularisation\n\n## Chapter seven\n\n{list}\n"),
    "markdown": ("Regularisation.md", "Regularisation\n==============\n\n## Chapter seven\n\n{list}\n"),
}


def _cards(body: str, path: str) -> dict[str, str]:
    found = extract(body, NoteContext(path=path, sections=True, title="Regularisation"))
    return {c.front: c.back for c in found.cards}


@pytest.mark.parametrize("style", sorted(STYLES))
def test_each_claim_about_its_own_subject_is_a_card_in_every_style(style):
    path, template = STYLES[style]
    bullet = "* " if style == "quarto" else "- "
    cards = _cards(template.format(list="\n".join(bullet + c[2:] for c in CLAIMS)), path)
    base = "Regularisation › Chapter seven"
    assert cards[f"{base} › weight decay"].startswith("weight decay shrinks the weights"), cards
    assert cards[f"{base} › early stopping"] == CLAIMS[1][2:], cards
    assert cards[f"{base} › dropout"].endswith("that share weights"), cards
    assert base not in cards, cards  # (nothing left on the heading's card: it goes)


def test_the_heading_card_keeps_the_text_around_the_list():
    back = "\n".join(["Seen on long runs.", "", *CLAIMS, "", "Worth a second look."])
    split = split_claim_items("Regularisation › Chapter seven", back)
    assert split[0] == ("Regularisation › Chapter seven", "Seen on long runs.\n\nWorth a second look."), split
    assert [front for front, _ in split[1:]] == ["Regularisation › Chapter seven › weight decay",
                                                 "Regularisation › Chapter seven › early stopping",
                                                 "Regularisation › Chapter seven › dropout"], split


def test_an_item_naming_no_subject_stays_on_the_heading_card():
    back = "\n".join([*CLAIMS, "- cheap to add to any model you already train"])
    split = split_claim_items("Regularisation › Chapter seven", back)
    assert split[0][1] == "- cheap to add to any model you already train", split
    assert len(split) == 4, split


@pytest.mark.parametrize("back", [
    "Three reasons:\n\n" + "\n".join(CLAIMS),  # (introduced: one answer)
    "- Compute the loss on a batch of examples\n- Compute the gradient by backprop\n- Compute the new weights now",
    "- weight decay is cheap\n- dropout is cheap too",  # (fragments)
    "- the model overfits badly\n- it needs more data than we have",  # (a pronoun, no subject of its own)
    "- dropout trains an ensemble of thinned networks\n- dropout is off at test time entirely",  # (one subject)
    "- weight decay shrinks the weights a lot\n- plain SGD has no such term\n- if both are used they interact",
    # (a plural noun's bare verb: "paths give", "nets need" name no subject one can tell)
    "- shortcut paths give gradients a short road back\n- weight decay shrinks the weights a lot\n"
    "- wide nets need more memory than deep ones",
])
def test_lists_that_are_one_answer_stay_whole(back):
    assert split_claim_items("Regularisation › Chapter seven", back) is None


def test_a_list_of_the_headings_own_subject_or_its_members_stays_whole():
    back = "- dropout trains an ensemble of thinned networks\n- dropout rate is usually set near one half"
    assert split_claim_items("Regularisation › Dropout", back) is None
    assert split_claim_items("Regularisation › Limitations", "\n".join(CLAIMS)) is None
    scores = "- F1 is the harmonic mean of precision and recall\n- The score punishes a model good at only one"
    assert split_claim_items("Metrics › Scores", scores) is None  # ("The score" is the heading's, in the plural)
