"""Obsidian-style notes whose opening paragraph is the writer's pitch, not a fact (session 46, obsidian21b). Notes
written into tmp_path, read back through the CLI as a learner meets the cards."""

from __future__ import annotations

import pytest

from shared_notes import Scanned, SharedNotes

CONFIG = 'name = "T"\nformulas = "display"\ndefinitions = true\nsections = true\n[review]\ntimezone = "UTC"\n'


NOTES = SharedNotes(CONFIG)  # every test's notes, in wikis scanned once for the module


@pytest.fixture(scope="module")
def shared(tmp_path_factory) -> Scanned:
    return NOTES.scan(tmp_path_factory)


MCMC = NOTES.add({
    "Concepts/MCMC.md": (
        "The pattern behind most of the samplers I have tried so far. Once this clicks, each new sampler is "
        "\"just a choice of proposal and acceptance rule\".\n\n"
        "## Acceptance\nA Metropolis step accepts a proposed move with probability min(1, ratio of target "
        "densities), so the chain keeps the target as its stationary law.\n"),
    "Concepts/Gibbs.md": (
        "Gibbs sampling updates one coordinate at a time from its full conditional, so every move is "
        "accepted.\n\n## Blocking\nUpdating correlated coordinates together mixes faster than one at a time.\n")
})


def test_an_opening_that_promises_what_the_page_gives_is_no_card(shared):
    """"The pattern behind every sampler I've tried. Once this clicks, each new one is just a proposal and an
    acceptance rule." before the first heading promises what the page gives: no card; the sections' facts stay,
    and an opening that states a fact is still a card."""
    made = shared.backs_by_front(MCMC)
    text = "\n".join(f"{front}\n{back}" for front, back in made.items())
    assert "Once this clicks" not in text, made
    assert "stationary law" in text and "every move is accepted" in text, made


DROPOUT = ("Why wide nets overfit less with noise (at first). Two separate effects that people confuse — keep them "
           "apart.\n\n"
           "## Dropout\nDuring training each unit is ==zeroed at random with probability p==, so no unit can rely on "
           "one particular other unit.\n\n"
           "Intuition: at test time nothing is masked and the layer is $y = W x$ with $W$ scaled by $1-p$. This is "
           "model averaging (Srivastava et al. 2014). Scaling it:\n"
           "$$W_{test} = (1-p)\\, W$$\n"
           "So every weight keeps the expected value it had during training, and the outputs keep their scale too.\n\n"
           "It's cheap averaging done in one pass.\n")


DROPOUT_2 = NOTES.add({"Concepts/Dropout.md": DROPOUT})


def test_an_opening_said_as_a_title_is_no_card_and_the_section_of_that_name_is(shared):
    """"Why wide nets overfit less (at first). …" before the first heading is the page's title said as a sentence:
    no card. It took the note's name as its front, which the section "## Dropout" in the note "Dropout" asks too, so
    the section's definition was on no card."""
    made = shared.backs_by_front(DROPOUT_2)
    text = "\n".join(f"{front}\n{back}" for front, back in made.items())
    assert "Why wide nets" not in text and "keep them apart" not in text, made
    assert any(front.split("\n\n")[0] == "Dropout" and "zeroed at random" in back  # (asked by its highlighted
               for front, back in made.items()), made  # phrase under the heading: "Dropout / … each unit is …, so …")


DROPOUT_3 = NOTES.add({"Concepts/Dropout.md": DROPOUT})


def test_a_short_last_line_after_a_remark_joins_the_remark(shared):
    """The one short line that ends a section ("It's cheap averaging done in one pass.") after the paragraph whose
    text after its formula is a remark card: too short for a card of its own, it goes on that remark's back."""
    made = shared.backs_by_front(DROPOUT_3)
    remark = next((back for front, back in made.items() if "What follows from it?" in front), "")  # ("So …")
    assert "expected value" in remark and "cheap averaging done in one pass" in remark, made


SPARSE = NOTES.add({
    "Papers/Sparse.md": (
        "# Sparse Mixtures\n\n## Method\n- **Router**: a linear layer that picks two experts per token.\n\n"
        "## Experiments\nThree language-modelling corpora, five seeds each.\n"
        "- **Validation loss**: lower than the dense baseline on all three corpora at equal compute.\n"
        "- **Throughput**: about 1.8x the dense baseline on the same hardware.\n")
})


def test_a_bold_quantity_under_a_papers_experiments_heading_asks_its_result(shared):
    """"- **Validation loss**: lower than the baseline on all three corpora." under "## Experiments" names what was
    measured, not a term: "Define: Validation loss" asks for a definition the back does not give; the card is asked
    under the heading path, "… › Experiments › Validation loss". Under another heading a bold term is still defined."""
    made = shared.backs_by_front(SPARSE)
    assert not any("Define: Validation loss" in front or "Define: Throughput" in front for front in made), made
    assert "lower than the dense baseline" in made.get("Sparse Mixtures › Experiments › Validation loss", ""), made
    assert any(front.endswith("Define: Router") for front in made), made


LSA = NOTES.add({
    "Concepts/LSA.md": (
        "## Idea\nLatent semantic analysis factorises a term-document matrix with a truncated SVD.\n\n"
        "## Limitations\n- linear: it cannot model polysemy\n- the whole corpus must be factorised again for new "
        "documents\n- dense factors, even for a sparse matrix\n\n"
        "```python\n# try it quickly\nfrom sklearn.decomposition import TruncatedSVD\n"
        "svd = TruncatedSVD(n_components=100).fit(X)\n```\n")
})


def test_a_snippet_after_a_list_of_limitations_is_no_part_of_the_answer(shared):
    """A list under "## Limitations" asked as "What are the limitations of …?" and the writer's snippet after it
    ("# try it quickly" then a library call): the list is the answer, the snippet beside it no part of it."""
    made = shared.backs_by_front(LSA)
    listed = next((back for front, back in made.items() if "cannot model polysemy" in back), "")
    assert "factorised again" in listed and "TruncatedSVD" not in listed, made


WINDOWED_ATTENTION = NOTES.add({
    "Concepts/Windowed attention.md": (
        "## Scores\nScores for each query-key pair (only inside the window = \"local\" attention):\n\n"
        "$$s_{ij} = \\frac{q_i^\\top k_j}{\\sqrt{d}}, \\quad |i - j| \\le w$$\n")
})


def test_a_term_named_in_brackets_in_a_formulas_introduction_goes_to_its_back(shared):
    """"Scores for each pair (only inside the window = "local" attention):" over a formula: the bracket states what
    "local" attention is, which on the front is never asked; it goes to the back after the formula, the
    introduction on the front without it."""
    made = shared.backs_by_front(WINDOWED_ATTENTION)
    front, back = next((f, b) for f, b in made.items() if "s_{ij}" in b)
    assert "local" not in front and "Scores for each query-key pair" in front, made
    assert "only inside the window" in back.lower() and '"local" attention' in back, made
