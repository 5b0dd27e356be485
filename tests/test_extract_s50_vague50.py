"""Fronts that say what they ask (session 50, vague50, the held24–held25 judges): a heading that names a stressed
facet or a kind of remark ("Core assumption", "Important consequence", "Equivalent view I like", "Closed forms")
asks it of the subject above; a formula no sentence introduces names what it defines; a bold label over a judgement
is not asked as a term to define; a list cloze's blank keeps the item's first words. Notes written to tmp_path, read
back through the CLI."""

from __future__ import annotations

import pytest

from conftest import backs_by_front, new_wiki
from shared_notes import Scanned, SharedNotes

CONFIG = 'name = "T"\nformulas = "display"\ndefinitions = true\nsections = true\n[review]\ntimezone = "UTC"\n'


def _cards(tmp_path, notes: dict[str, str]) -> dict[str, str]:
    return backs_by_front(new_wiki(tmp_path, notes, CONFIG))


def _front_of(made: dict[str, str], said: str) -> str:
    """The front of the card whose back holds `said`."""
    return next(front for front, back in made.items() if said in back)


# --- generic label headings ask of the subject above -----------------------------------------------------------

NOTES = SharedNotes(CONFIG)  # every test's notes, in wikis scanned once for the module


@pytest.fixture(scope="module")
def shared(tmp_path_factory) -> Scanned:
    return NOTES.scan(tmp_path_factory)


PAIRS = NOTES.add({
    "pairs.md": (
        "# Pairwise ranking\n\n## Core assumption\n\nA user prefers every item they clicked to every item they "
        "never saw, and nothing is said about two clicked items.\n")
})


def test_a_stressed_facet_heading_asks_it_of_the_subject(shared):
    """'Pairwise ranking › Core assumption' asks what the core assumption of pairwise ranking is."""
    front = _front_of(shared.backs_by_front(PAIRS), "never saw")
    assert "What is the core assumption of Pairwise ranking?" in front, front


DIL = NOTES.add({
    "dil.md": (
        "# Dilated convolutions\n\n## Dilation rate\n\nThe rate spaces the kernel taps apart by a fixed gap.\n\n"
        "### Important consequence\n\nStacking rates that double each layer grows the field of view "
        "exponentially with depth at no extra weights.\n\n"
        "## Atrous filtering\n\nThe same layer read as filtering with holes inserted in the kernel.\n\n"
        "### Equivalent view I like\n\nIt is a plain convolution applied to a subsampled copy of the input, "
        "once per phase of the grid.\n")
})


def test_a_qualified_consequence_and_an_equivalent_view_are_asked(shared):
    """'… › Important consequence' asks what follows; '… › Equivalent view I like' asks another way to see it."""
    made = shared.backs_by_front(DIL)
    assert "what follows from dilation rate?" in _front_of(made, "exponentially with depth").lower(), made
    assert "what is another way to see atrous filtering?" in _front_of(made, "once per phase").lower(), made


def test_a_closed_forms_heading_asks_for_the_closed_forms_of_the_subject(tmp_path):
    """'Hellinger distance › Closed forms' over its formula asks with the formula's own introduction (mdBook's
    `\\\\[ … \\\\]` display is a formula card); a 'Closed form' section whose formula is a card of its own, its card a
    remark, keeps its front."""
    note = ("# Hellinger distance\n\n## Closed forms\n\nBetween two normal laws it depends only on the ratio of the "
            "two variances and the squared gap between the two means:\n"
            "\\\\[\nH^2 = 1 - \\sqrt{\\frac{2\\sigma_1\\sigma_2}{\\sigma_1^2+\\sigma_2^2}}\n\\\\]\n")
    made = _cards(tmp_path, {"hel.md": note})
    front = next(front for front, back in made.items() if "H^2" in back)
    assert front.startswith("Hellinger distance › Closed forms") and "ratio of the two variances" in front, made
    note = ("---\ntitle: Ridge\n---\n\n## Closed form\n\nWith an L2 penalty the weights solve\n\n"
            "$$\\hat w = (X^\\top X + \\lambda I)^{-1} X^\\top y$$\n\n"
            "The inverse exists for any positive penalty, so collinear features do no harm.\n")
    made = _cards(tmp_path / "ridge", {"ridge.md": note})
    assert "closed form of" not in _front_of(made, "collinear features"), made


POOL = NOTES.add({
    "pool.md": (
        "# Pooling\n\n## Pool by (spatial) average\n\nEach output is the mean of its window of inputs.\n\n"
        "### another view\n\nIt is a convolution whose kernel holds equal weights summing to one over the "
        "window.\n")
})


def test_an_aside_inside_a_subjects_name_is_left_out_not_cut_at(shared):
    """'Pool by (spatial) average › another view' asks of 'pool by average', not of 'Pool by'."""
    front = _front_of(shared.backs_by_front(POOL), "equal weights")
    assert "another way to see" in front and "by average" in front.lower(), front


# --- a formula with no sentence before it -----------------------------------------------------------------------

RANK = NOTES.add({
    "rank.md": (
        "# Ranking quality: coverage@k and more\n\n## Top-k hit measures\n\n"
        "$$\\text{Coverage@}k = \\frac{|C_k|}{|I|}\n\\qquad\n\\text{Novelty@}k = \\frac{1}{k}\\sum_{i} "
        "-\\log p_i$$\n")
})


def test_a_formula_with_no_introduction_names_every_quantity_it_defines(shared):
    """Two rank metrics on one display line, under a title that names one of them, are both named on the front,
    `\\text{Name@}k` read as Name@k; not 'Formula', nor the one the title does not say."""
    front = _front_of(shared.backs_by_front(RANK), "Novelty")
    assert front.endswith("Coverage@k and Novelty@k"), front


# --- a label over a judgement ------------------------------------------------------------------------------------

SERIES = NOTES.add({
    "series.md": (
        "# Validation for series\n\n## Splits\n\n"
        "- **Shuffled folds** of rows: quick but leaks time, since later rows help fit earlier ones.\n"
        "- **Blocked folds** (contiguous chunks): common in forecasting; still leaks seasonality across folds.\n"
        "- **Expanding window** (fit on all before the cut, score after): most faithful; still slow to refit.\n")
})


def test_a_bold_label_over_a_judgement_is_not_asked_to_be_defined(shared):
    """'**Blocked folds** (…): common in forecasting; …' and '**Expanding window** (…): most faithful; …' say how
    good or usual each is, not what it is: asked under the path, not as 'Define:'."""
    made = shared.backs_by_front(SERIES)
    for said in ("common in forecasting", "most faithful"):
        front = _front_of(made, said)
        assert "Define:" not in front and "Splits ›" in front, front


# --- list clozes keep their items' lead words ----------------------------------------------------------------------

NB = NOTES.add({
    "nb.md": (
        "# Neighbour recommenders\n\n## Weaknesses\n\n"
        "- cold items with no clicks (fresh uploads) get no neighbours at all in the graph\n"
        "- popularity swamps the similarity scores unless they are damped by a penalty term\n"
        "- a dense user–user matrix for millions of users never fits into memory on one box\n")
})


def test_a_list_cloze_blank_keeps_the_items_first_words(shared):
    """Weaknesses with no label, subject-and-verb or sides: each blank keeps the item's first words (not a word
    that leads on, "with"), so the front says which weakness is asked."""
    made = shared.backs_by_front(NB)
    front = _front_of(made, "get no neighbours")
    assert "\n- cold items [...]" in front, front
    assert "\n- popularity swamps [...]" in _front_of(made, "damped by"), made
    assert "\n- [...]" not in "".join(made), made


# --- a garden's marks on its own notes -----------------------------------------------------------------------------

LS = NOTES.add({
    "ls.md": (
        "---\ntitle: Label smoothing\ntags:\n  - seedling\n---\n\n"
        "#seedling — the calibration half still needs a proper write-up.\n\n"
        "The odd part: ==smoothed targets make a worse teacher for distillation==. Two papers report it.\n\n"
        "## Definition\n\nLabel smoothing mixes the one-hot target with a uniform distribution over the "
        "classes, weight epsilon.\n")
})


def test_a_growth_stage_line_makes_no_card(shared):
    """'#seedling — …' (the tag's word left alone once read) says how finished the page is: on no card; the page's
    facts still are."""
    made = shared.backs_by_front(LS)
    text = "\n".join(made) + "\n".join(made.values())
    assert "needs a proper write-up" not in text, made
    assert any("uniform distribution" in back for back in made.values()), made


WR = NOTES.add({
    "wr.md": (
        "# Warm restarts\n\n## Schedules\n\nCosine annealing lowers the rate along half a cosine wave between "
        "two restarts.\n\n> [!question]- Still open for me\n> Is the restart period the same knob as the "
        "batch size? Seems like both set how noisy late training is. #todo\n")
})


def test_a_hedged_guess_tagged_todo_under_a_question_makes_no_card(shared):
    """A question box whose answer is the writer's feeling tagged #todo is a doubt, not a fact."""
    made = shared.backs_by_front(WR)
    assert not any("Seems like both" in back for back in made.values()), made


INDEX = NOTES.add({
    "index.md": (
        "# My garden\n\n## Map\n\n- [[optim/adam|Adam]] — moments of the gradient, bias-corrected\n"
        "- [[optim/sgd|SGD]] — the plain baseline everyone tunes first\n- [[optim/lion|Lion]] 🌱\n"),
    "optim/adam.md": (
        "# Adam\n\nAdam keeps running means of the "
"gradient and of its square, both corrected for their zero start.\n")
})


def test_a_gardens_map_of_pages_with_a_growth_emoji_makes_no_card(shared):
    """'- [[page|Name]] — what it holds' items, one marked only '🌱', are a map of the garden, no card."""
    made = shared.backs_by_front(INDEX)
    assert not any("[[" in back or "moments of the gradient" in back for back in made.values()), made


FUSION = NOTES.add({
    "fusion.md": (
        "# Fusion\n\nA model that reads several modalities has to combine them somewhere. Two places:\n\n"
        "- **early fusion** — concatenate the raw inputs and train one network on them\n"
        "- **late fusion** — train one branch per modality, then merge their scores\n\n"
        "Late fusion is usually the cheaper one in practice (each branch trains alone, and a missing modality "
        "just drops its branch).\n\nWhat helps either way:\n"
        "- **shared encoders** — one encoder per modality family, so the outputs land in one space\n"
        "- modality dropout during training, so the model copes when one input is absent\n"
        "- **calibrated scores** before merging, or one branch drowns the others\n"
        "- **gating**: a small network that weighs each branch per example\n\n"
        "> [!warning]\n> Evaluate with each modality removed in turn, not only with all of them present.\n")
})


def test_a_sentence_that_ranks_a_term_is_not_asked_as_its_definition(shared):
    """'Late fusion is usually the cheaper one …' ranks late fusion against early fusion: asked under the path,
    not 'Define: Late fusion'."""
    made = shared.backs_by_front(FUSION)
    front = _front_of(made, "cheaper one")
    assert "Define:" not in front and "Late fusion" in front, made
