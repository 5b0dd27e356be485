"""A Zettlr Zettelkasten read as a learner takes it (issue s47, the tune23 Zettlr judge): links by a note's id show
its title where they stand for the note and nothing where they only refer back ("Name ([[id]])", "[[id]] Title"),
never the bare number; a footnote the writer wrote as a sentence stays with its claim; the third of three bold-led
formulas is a card as the first two are; an inbox's bullets are cards one by one; the questions the writer left open,
a 'Links:' footer, a property line, a literature note's citation and the reason it was read are on no card; a
'**Term** = …' opening is cut into its terms; a formula's remark is asked by the part it names; a card repeating an
item of its heading's list card is none. Notes written to tmp_path, read back through the CLI or the walk."""

from __future__ import annotations

import pytest

import json
import re

from conftest import new_wiki, run

from mlwiki import ids
from mlwiki.extract import NoteContext, walked
from shared_notes import Scanned, SharedNotes

CONFIG = 'name = "T"\nformulas = "display"\ndefinitions = true\nsections = true\n[review]\ntimezone = "UTC"\n'
_ID = re.compile(r"(?:19|20)\d{10,12}")


def _text(made: dict[str, str]) -> str:
    return "\n".join(made) + "\n" + "\n".join(made.values())


# --- links by id -----------------------------------------------------------------------------------------------

BOOSTING = "# Gradient boosting\n\nEach new tree fits the residuals that the ensemble so far leaves, scaled by a small learning rate.\n"
KERNEL = ("# Kernel trick\n\n## Why it matters\n\nThe dual form needs only inner products, so a kernel computes them in a "
          "feature space that is never built; see [[20240117093012]] for a method that never needs them.\n\n"
          "## Other uses\n\n- Boosting ([[20240117093012]]) has no dual form, so no kernel helps it.\n"
          "- [[20240117093012]] Gradient boosting — trees added one at a time, each on the last residuals.\n")


NOTES = SharedNotes(CONFIG)  # every test's notes, in wikis scanned once for the module


@pytest.fixture(scope="module")
def shared(tmp_path_factory) -> Scanned:
    return NOTES.scan(tmp_path_factory)


N20240117093012_GRADIENT_BOOSTING = NOTES.add({
    "20240117093012 Gradient boosting.md": BOOSTING,
    "20240118101500 Kernel trick.md": KERNEL
})


def test_a_link_by_id_shows_its_notes_title_or_nothing_never_the_number(shared):
    """'see [[id]]' shows the linked note's title (its file is '<id> <title>.md'); 'Boosting ([[id]])' and
    '- [[id]] Gradient boosting — …' show nothing of the link: the name beside it says what it is."""
    made = shared.backs_by_front(N20240117093012_GRADIENT_BOOSTING)
    text = _text(made)
    assert not _ID.search(text), made
    assert "see Gradient boosting for a method" in text, made
    assert "Boosting has no dual form" in text, made
    assert "Gradient boosting — trees added" in text and "Gradient boosting Gradient boosting" not in text, made


FORESTS = NOTES.add({
    "forests.md": "---\ntitle: Random forests\nid: 20231102140000\n---\n\nMany deep trees on bootstrap samples, averaged.\n",
    "bagging.md": (
        "# Bagging\n\n## Idea\n\nAveraging models trained on resampled data lowers the variance of the "
        "average; the best known case is in [[20231102140000]], which also samples features.\n")
})


def test_a_front_matter_id_names_a_note_whose_file_name_has_none(shared):
    """A note whose front matter holds `id: …` (its file named by its title) is found by that id; its title is
    its front matter's."""
    made = shared.backs_by_front(FORESTS)
    assert "the best known case is in Random forests" in _text(made), made


def test_a_front_that_loses_a_link_keeps_its_id(tmp_path):
    """A label made of the words before a link ('− single basin like Laplace [[id]]') loses the link, and its card
    keeps the id it had when the link showed (the walk without the titles known)."""
    body = ("# SWAG-like methods\n\n## Assessment\n\n- + cheap to add after training, a few extra epochs at most\n"
            "- − single basin like Laplace [[20240301120000]] — it cannot describe several modes\n")
    plain = walked(body, NoteContext("n.md", sections=True)).cards()
    titled = walked(body, NoteContext("n.md", sections=True, zettels={"20240301120000": "Laplace approximation"})).cards()
    assert {c.id for c in plain} == {c.id for c in titled}, (plain, titled)
    assert not any(_ID.search(c.front + c.back) for c in titled), titled


# --- footnotes, lists, inbox -------------------------------------------------------------------------------------

DECAY = NOTES.add({
    "decay.md": (
        "# Weight decay\n\n## As a prior\n\nAdding an L2 penalty to the summed loss is the same as a zero-mean "
        "Gaussian prior on the weights, with the penalty weight set by the prior's variance.[^m] It was shown "
        "long ago.[^s]\n\n[^m]: With an adaptive optimiser the decay acts apart from the gradient, and the "
        "equivalence no longer holds exactly.\n[^s]: Smith et al. 2019, *A paper on priors*.\n")
})


def test_a_footnote_written_as_a_sentence_goes_on_the_card_of_its_mark(shared):
    """'[^m]: With momentum the equivalence …' is the writer's caveat: on the back of the card holding '[^m]', its
    mark off; a footnote that cites a paper ('Smith et al. 2019.') stays off the cards."""
    made = shared.backs_by_front(DECAY)
    holder = next(back for back in made.values() if "Gaussian prior on the weights" in back)
    assert "[^m]" not in holder, made  # (session 49: the note is asked on a card of its own, the sentence shown)
    assert any("prior's variance." in front and "adaptive optimiser the decay acts apart" in back
               for front, back in made.items()), made
    assert "Smith et al." not in _text(made), made


MIX = NOTES.add({
    "mix.md": (
        "# Mixing variances\n\n## Parts\n\nTwo estimates are kept as training goes on:\n\n"
        "1. **First part**: $a = \\operatorname{mean}(x^2) - \\operatorname{mean}(x)^2$\n"
        "2. **Second part**: $b = \\frac{1}{K-1} D D^{\\top}$\n"
        "3. **Combined**: $c = \\tfrac12 (a + b)$, prior $\\mathcal N(0, c)$.\n")
})


def test_the_third_bold_led_formula_of_a_list_is_a_card_as_the_first_two(shared):
    """'3. **Sum**: $c = a + b$, result $\\mathcal N(0, c)$.' ends on a few words naming what it makes: a formula
    card as '1. **First**: $a = …$' is, the words on its back."""
    made = shared.backs_by_front(MIX)
    combined = [back for front, back in made.items() if "**Combined**" in front]
    assert combined and "\\tfrac12 (a + b)" in combined[0] and "prior $\\mathcal N(0, c)$" in combined[0], made


N20250301101010 = NOTES.add({
    "inbox/20250301101010.md": (
        "scraps from the seminar\n\n"
        "- Label smoothing: mix the one-hot target with a uniform one so the net stops pushing logits apart.\n"
        "- Focal loss scales cross-entropy down on easy examples (gamma sets how fast), so training dwells on "
        "the hard ones. Worth a proper note?\n"
        "- Someone mentioned a paper on this, check later. #todo\n"
        "- Why do both help calibration at all?\n")
})


def test_an_inbox_bullet_after_a_carded_one_is_a_card_too(shared):
    """In a fleeting note named by its timestamp alone, a bullet that states a fact is a card although an earlier
    bullet made one; a task, a question and the writer's doings are not."""
    made = shared.backs_by_front(N20250301101010)
    text = _text(made)
    assert "training dwells on the hard ones." in text and "Worth a proper note" not in text, made
    assert "Someone mentioned" not in text and "Why do both help" not in text, made


# --- what the writer leaves for themself ---------------------------------------------------------------------

MHA = NOTES.add({
    "mha.md": (
        "# Multi-head attention\n\n## Heads\n\nEach head attends with its own projections, so different heads "
        "can track different relations in the sequence. Could two heads do as well as eight? Ask the group.\n\n"
        "## Pruning\n\nOpen q: which heads can be removed after training without a drop in accuracy?\n")
})


def test_an_open_question_is_off_the_back_and_alone_makes_no_card(shared):
    """'… Could two heads do as well? Ask the group.' ends a back on the writer's question: it goes; a paragraph
    'Open q: …?' is no card."""
    made = shared.backs_by_front(MHA)
    text = _text(made)
    assert "different relations in the sequence." in text and "Could two heads" not in text, made
    assert "Open q" not in text, made


DROPOUT = NOTES.add({
    "dropout.md": (
        "# Dropout\n\n## Effect\n\nRandomly zeroing units stops them from co-adapting, which acts as a cheap "
        "ensemble of thinned networks.\n\nRelated: [[Ensembles]] (the averaging view), [[Noise]] (inputs too).\n\n"
        "## Unsorted / to file\n\n- the lecture slides on this are in the shared folder somewhere\n\n"
        "## Things I'm unsure about\n\n- whether the rate should change with the layer width, people disagree\n")
})


def test_a_links_footer_with_glosses_and_filing_headings_make_no_card(shared):
    """'Related: [[a]] (why), [[b]] (why).' points elsewhere; '## Unsorted / to file' and '## Things I'm unsure
    about' hold the writer's filing and doubts."""
    made = shared.backs_by_front(DROPOUT)
    text = _text(made)
    assert "cheap ensemble of thinned networks" in text, made
    assert "Related:" not in text and "averaging view" not in text, made
    assert "lecture slides" not in text and "layer width" not in text, made


LEE2021 = NOTES.add({
    "lit/lee2021.md": (
        "# @lee2021\n\n**Read:** 2026-01-04 · **Status:** skimmed the proofs · #literature\n\n"
        "\"Sharpness Aware Training Finds Flat Minima\", ICML 2021. Read for the optimisation course.\n\n"
        "Permanent note → [[Flat minima]]\n\n## Main claim\n\nMinimising the worst loss in a small ball around "
        "the weights leads training to flatter regions, which generalise better on image benchmarks.\n")
})


def test_a_literature_notes_citation_properties_and_reading_purpose_make_no_card(shared):
    """Under the title, '**Read:** … · **Status:** …' is the note's metadata; an opening that only cites the paper
    ('"A Long Title About Things", ICML 2021.') is its source; 'Read for the optimisation course.' is why the writer
    read it; 'Permanent note → [[x]]' points elsewhere. What the paper says stays (and which paper it is, asked as
    such)."""
    made = shared.backs_by_front(LEE2021)
    text = _text(made)
    assert "flatter regions" in text, made
    assert "Status" not in text and "optimisation course" not in text and "Permanent note" not in text, made
    assert all(front.endswith("› Paper") for front, back in made.items() if "ICML 2021" in back), made


# --- vague fronts and blobs --------------------------------------------------------------------------------------

BIAS_AND_VARIANCE = NOTES.add({
    "Bias and variance.md": (
        "Two ways a model's error splits; the split is classical but still the clearest picture of why a "
        "model that fits its training data perfectly can still predict new points badly.\n\n"
        "**Bias** = error from wrong assumptions in the model family. A straight line fit to a curve keeps it "
        "however much data arrives, and so does a shallow tree on a target with many interactions between its "
        "inputs. Shrinks only with a richer family, never with more rows of the same kind.\n\n"
        "- *label noise*: the noise in the labels themselves, which no model can remove at all\n"
        "- *approximation*: the gap between the best model of the family and the true function of the inputs\n\n"
        "**Variance** = error from sensitivity to the sample because we only ever see one finite training "
        "set. Large for flexible models such as deep trees or nearest neighbours with a small k, it falls as the "
        "data grows, and averaging many fits on resampled data (bagging) reduces it without touching the "
        "bias, which is why forests of deep trees work so well in practice.\n")
})


def test_a_term_defined_with_equals_keeps_its_generic_we_and_an_italic_labelled_item_is_asked_by_it(shared):
    """An opening of '**Bias** = …' and '**Variance** = … because we only ever see one sample' paragraphs is cut into
    a card per term (no sentence lost to the 'we'); '- *label noise*: …' under them is asked by its label."""
    made = shared.backs_by_front(BIAS_AND_VARIANCE)
    text = _text(made)
    assert "because we only ever see one finite training set" in text, made
    assert any(front.endswith("› Variance") for front in made) and any(front.endswith("› Bias") for front in made), made
    assert any(front.endswith("› label noise") for front in made), made


def test_a_remark_naming_a_part_of_its_formula_is_asked_by_that_part_its_id_kept(tmp_path):
    """'The $1/n$ factor is what …' after a formula asks '… › The $1/n$ factor' (the formula still on the front),
    not 'What it says'; its id is the one the 'What it says' front had."""
    formula = "\\hat\\mu = \\frac{1}{n}\\sum_i x_i"
    note = ("# Sample mean\n\n## Estimate\n\nThe estimate of the mean from a sample is\n\n"
            f"$$\n{formula}\n$$\n\nThe $1/n$ factor is what keeps the estimate unbiased for any sample size.\n")
    root = new_wiki(tmp_path, {"mean.md": note}, CONFIG)
    cards = json.loads(run(root, "cards", "--json", ok=True).output)
    remark = [c for c in cards if "unbiased for any sample size" in c["back"]]
    assert remark and "› The $1/n$ factor" in remark[0]["front"], cards
    assert remark[0]["id"] == ids.card_id("basic", f"remark: Sample mean › Estimate › What it says\n\n$${formula}$$"), \
        remark


STUDY = NOTES.add({
    "study.md": (
        "# Calibration study\n\n**What changes the error** (each varied alone):\n\n"
        "- depth ↑ → error ↓ but calibration worse\n- dataset size ↑ → both better\n"
        "- label noise ↑ → calibration worse, error worse\n- augmentation on → error ↓, calibration unchanged\n\n"
        "**Explanation offered:** the nets learn to be sure rather than to be right, once the training loss is "
        "near zero.\n")
})


def test_a_card_repeating_an_item_of_its_headings_list_card_is_none(shared):
    """Under 'What changes the error (each varied alone):' over 'x ↑ → y' items, the list is one card; no card
    '… › x ↑' repeats one of its items, label first."""
    made = shared.backs_by_front(STUDY)
    repeats = [front for front, back in made.items() if back.startswith(front.rsplit(" › ", 1)[-1]) and "→" in back
               and "\n" not in back]
    assert not repeats, made
    assert any("dataset size ↑ → both better" in back and "depth ↑" in back for back in made.values()), made


KME = NOTES.add({
    "kme.md": (
        "# Kernels on distributions\n\n## Mean embeddings\n\nEach distribution maps to the mean of its feature map "
        "in the kernel's space, and two distributions are compared by the distance of their means.\n\n"
        "$$\n\\mu_P = \\mathbb E_{x \\sim P}[\\phi(x)]\n$$\n\n"
        "Odd cousin: the **Fisher kernel** compares generative models through their score functions, with no mean "
        "in sight.\n\nUses:\n\n- two-sample tests that need no density estimate at all\n- domain adaptation, where "
        "source and target samples are pulled together\n")
})


def test_a_label_that_remarks_on_a_bold_name_gives_way_to_the_name(shared):
    """'Not to be confused: the **Fisher kernel** compares …' under a heading whose other text is cut into parts asks
    '… › Fisher kernel', not '… › Not to be confused'; a stressed word ('**concatenates**') is no name."""
    made = shared.backs_by_front(KME)
    assert any(front.endswith("› Fisher kernel") for front in made), made
    assert not any("Odd cousin" in front for front in made), made


REG = NOTES.add({
    "reg.md": (
        "# Regularisation\n\n## Caveats\n\n- Noisy curves: the validation loss jumps between epochs → stopping at "
        "its first rise wastes training. **Patience** [@prechelt1998]: wait a few epochs before stopping, and keep "
        "the best weights seen so far.\n- $\\lambda$ too large is *over-smoothing* → the model ignores the data.\n"
        "- In practice wide nets overfit unless the penalty is tuned on held-out data for each width.\n"
        "- Dropout ([[Dropout]]) ≈ the same idea with multiplicative noise.\n")
})


def test_a_topic_is_no_subject_of_a_clause_after_unless(shared):
    """'In practice deep nets overfit unless the penalty is strong' is about deep nets, not 'the penalty': no card
    asks '… › the penalty'."""
    made = shared.backs_by_front(REG)
    assert not any(front.endswith("› the penalty") for front in made), made
    assert "wide nets overfit unless the penalty" in _text(made), made


OPT = NOTES.add({
    "opt.md": (
        "# Optimisers\n\n## Compared\n\n| note | optimiser | state kept | extra cost |\n|---|---|---|---|\n"
        "| [[202401011200]] | Adam | two moment estimates per weight | two extra buffers the size of the model |\n"
        "| [[202401021200]] | SGD with momentum | one velocity per weight | one extra buffer |\n"
        "| [[202401031200]] | Adagrad | a running sum of squared gradients | one extra buffer, never decays |\n")
})


def test_a_column_of_links_to_notes_is_no_part_of_a_rows_question(shared):
    """A structure note's table whose first column only links each row's note by id ('| [[202401011200]] | Adam |
    …') asks '… › Adam: state kept, extra cost?', not '…: note, state kept, …'."""
    made = shared.backs_by_front(OPT)
    rows = [front for front in made if "state kept" in front]
    assert rows and not any("note," in front for front in rows), made


PROBE = NOTES.add({
    "probe.md": (
        "# Linear probes\n\n## Protocol\n\nThe probe's logits are the features times a weight matrix,\n\n"
        "$$\nz = \\operatorname{softmax}(W h + b)\n$$\n\nwith $W$ fit by maximising **accuracy on a held-out fold** (encoder weights frozen). "
        "A probe that does well says the information is linearly readable, not that the model uses it.\n")
})


def test_a_bold_phrase_saying_where_is_no_term_its_bracket_defines(shared):
    """'… fit by maximising **accuracy on a held-out fold** (encoder weights frozen)': no 'Define: accuracy on a
    held-out fold' whose back is the bracket; the sentence stays on its formula's card."""
    made = shared.backs_by_front(PROBE)
    assert not any("Define: accuracy on a held-out fold" in front for front in made), made
    assert "(encoder weights frozen)" in _text(made), made
