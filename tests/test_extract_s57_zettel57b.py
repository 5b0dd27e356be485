"""A Zettelkasten's hub and atomic notes read as a learner takes them (s57, the held33 Zettelkasten judge): words a
writer types after a mid-line link by id that are the linked note's title are shown once, as the title; 'as [[id]]'
shows the title; a hub's list of links with one-line gists (and its to-do of notes not written yet) is on no card,
nor its 'Sub-hub of [[id]]' way up; a paragraph headed by a short claim in bold is a card of its own, even when a
list label follows it; a list under 'Consequences I keep forgetting:' or 'But:' is a card per item. Notes written to
tmp_path, read back through the CLI."""

from __future__ import annotations

import pytest


from mlwiki.extract.grabbag import is_grab_bag_front
from shared_notes import Scanned, SharedNotes

CONFIG = 'name = "T"\nformulas = "display"\ndefinitions = true\nsections = true\n[review]\ntimezone = "UTC"\n'

SHRINK = "# Ridge shrinkage\n\nAn L2 penalty pulls every weight toward zero in proportion to its size.\n"
LASSO = ("# Lasso paths\n\nThe L1 penalty sets weights exactly to zero one after another as its strength grows, "
         "unlike the smooth pull described in [[20250301101500]] shrinkage.\n\n"
         "## Link to the prior\n\nThe same answer as [[20250301101500]] — the penalty is a prior on the weights, and "
         "its MAP estimate is the penalised fit.\n")


def _text(made: dict[str, str]) -> str:
    return "\n".join(made) + "\n" + "\n".join(made.values())


NOTES = SharedNotes(CONFIG)  # every test's notes, in wikis scanned once for the module


@pytest.fixture(scope="module")
def shared(tmp_path_factory) -> Scanned:
    return NOTES.scan(tmp_path_factory)


N20250301101500_RIDGE_SHRINKAGE = NOTES.add({
    "20250301101500 Ridge shrinkage.md": SHRINK,
    "20250302110000 Lasso paths.md": LASSO
})


def test_a_mid_line_links_title_words_are_shown_once_and_as_shows_the_title(shared):
    """'described in [[id]] shrinkage' (title 'Ridge shrinkage') shows 'Ridge shrinkage' once; 'The same answer as
    [[id]] —' shows the title, not nothing."""
    text = _text(shared.backs_by_front(N20250301101500_RIDGE_SHRINKAGE))
    assert "described in Ridge shrinkage." in text and "shrinkage shrinkage" not in text, text
    assert "The same answer as Ridge shrinkage —" in text, text


HUB = ("# Regularisation - structure note\n\nSub-hub of [[20250301090000]] Linear models - structure note.\n\n"
       "Penalties trade a little bias for a large cut in variance when features outnumber samples.\n\n"
       "## Penalties\n\n- [[20250301101500]] Ridge shrinkage — everything pulled in, nothing removed.\n"
       "- [[20250302110000]] Lasso paths — weights switch off one by one.\n\n"
       "## Priors\n\n- [[20250302110000]] Lasso paths — the Laplace prior view.\n\n"
       "Not written yet: elastic net, group lasso.\n")
TOP = "# Linear models - structure note\n\nLeast squares fits a hyperplane by minimising the summed squared residuals.\n"


N20250301101500_RIDGE_SHRINKAGE_2 = NOTES.add({
    "20250301101500 Ridge shrinkage.md": SHRINK,
    "20250302110000 Lasso paths.md": LASSO,
    "20250301090000 Linear models - structure note.md": TOP,
    "20250303120000 Regularisation - structure note.md": HUB
})


def test_a_hubs_link_list_and_its_way_up_are_on_no_card(shared):
    """The hub's '- [[id]] Title — gist' lists (one with the writer's to-do after it) are a table of contents: no
    card holds a gist; 'Sub-hub of …' is off the back of the hub's opening card, which keeps its claim."""
    made = shared.backs_by_front(N20250301101500_RIDGE_SHRINKAGE_2)
    text = _text(made)
    assert "nothing removed" not in text and "switch off one by one" not in text, made
    assert "Laplace prior view" not in text and "Not written yet" not in text, made
    assert "Sub-hub of" not in text, made
    assert "trade a little bias" in text, made


CENTRED = ("# Whitening inputs\n\n**Centring is required.** The transform is built from the covariance, which "
           "measures spread around the mean. Skip the centring and the first direction mostly aims from the origin "
           "to the data centre, which tells where the data sits rather than how it varies.\n\n"
           "**Rescaling is a choice.** Whitening depends on units: a feature written in grams instead of kilograms "
           "gets a variance a million times larger and takes over the first direction.\n\n"
           "Two routes:\n- keep the units: fine when every feature is measured the same way.\n"
           "- standardise first: the usual pick when the units differ.\n")


N20250304100000_WHITENING_INPUTS = NOTES.add({"20250304100000 Whitening inputs.md": CENTRED})


def test_a_paragraph_headed_by_a_bold_claim_is_a_card_before_a_list_label(shared):
    """'**Centring is required.** …' and '**Rescaling is a choice.** …' are cards headed by their claims (no
    bold term the definitions declined); the 'Two routes:' list after them is a card still."""
    made = shared.backs_by_front(N20250304100000_WHITENING_INPUTS)
    for claim, fact in (("Centring is required", "where the data sits"), ("Rescaling is a choice", "million times")):
        assert any(front.startswith(f"Whitening inputs › {claim}") and fact in front + back
                   for front, back in made.items()), made
    assert any("standardise first" in back for back in made.values()), made


def test_consequences_i_keep_forgetting_and_but_name_no_question():
    """'Consequences I keep forgetting', 'Points to remember' and 'But' over a list ask for none of its unrelated
    facts: the section card under them is a grab bag, split a card per fact (`grab_bag_splits`)."""
    for heading in ("Consequences I keep forgetting", "Consequences", "Points to remember", "But"):
        assert is_grab_bag_front(f"Softmax outputs › {heading}", False), heading
    assert not is_grab_bag_front("Softmax outputs › Why the constant cancels", False)
