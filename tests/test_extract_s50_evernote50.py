"""Notes exported from a rich-text editor (Evernote through Yarle) and clipped web pages (session 50, evernote50, the
held25-evernote and held24-joplin judges): the editor's HTML shows as its text, a clip inside one styled div makes
cards, an empty form, an exam's date and room and a picture's caption are no card, a verdict label is no term, an
aside's label gives way to the subject its text names, a plain-text formula alone is a formula, and a clipped page's
reference marks and fine print are on no card. Notes written to tmp_path, read back through the CLI."""

from __future__ import annotations

import pytest

from shared_notes import Scanned, SharedNotes

CONFIG = 'name = "T"\nformulas = "display"\ndefinitions = true\nsections = true\n[review]\ntimezone = "UTC"\n'
HEAD = "Created: 2025-01-04 10:00\nUpdated: 2025-01-05 11:30\nTags: ml, revision\nNotebook: ML course\n\n---\n\n"


def _text(made: dict[str, str]) -> str:
    return "\n".join(made) + "\n" + "\n".join(made.values())


# --- the editor's HTML ---------------------------------------------------------------------------------------------

NOTES = SharedNotes(CONFIG)  # every test's notes, in wikis scanned once for the module


@pytest.fixture(scope="module")
def shared(tmp_path_factory) -> Scanned:
    return NOTES.scan(tmp_path_factory)


DROPOUT = NOTES.add({
    "dropout.md": (
        "# Dropout\n\n" + HEAD + "## At test time\n\n"
        '<div>At test time every unit is kept. <span style="background-color: rgb(255, 250, 165);">The kept '
        "activations are scaled by the keep probability during training, so nothing changes at test time."
        "</span></div>\n<div><br/></div>\n"
        '<div><font color="#888888">Inverted dropout does the scaling during training instead.</font></div>\n')
})


def test_an_editor_note_shows_its_text_with_no_tag(shared):
    """Yarle's `<div>` lines, `<div><br/></div>` empty lines, a highlight `<span style=…>` and a `<font>`: the cards
    show the words, no tag."""
    made = shared.backs_by_front(DROPOUT)
    assert any("scaled by the keep probability" in back for back in made.values()), made
    assert "<div" not in _text(made) and "<span" not in _text(made) and "<font" not in _text(made), made


WARMUP = NOTES.add({
    "warmup.md": (
        "# Learning rate warmup (web clip)\n\n" + HEAD
        + '<div style="font-family: serif;"><div><br/></div>\n<h3>Why warm up</h3>\n'
        "<div>Adaptive optimisers have noisy second-moment estimates in the first steps. A small learning rate "
        "at the start keeps those early updates from throwing the weights far off.</div>\n<div><br/></div>\n"
        "<h3>How long</h3>\n<div>A linear ramp over the first few thousand steps is the common default for "
        "transformer training.</div>\n</div>\n")
})


def test_a_web_clip_inside_one_styled_div_makes_cards_under_its_headings(shared):
    """A clip whose text sits inside one `<div style=…>` with `<h3>` sections: each section's text is carded under
    its heading (before, the clip made no card at all)."""
    made = shared.backs_by_front(WARMUP)
    assert any("Why warm up" in front for front in made), made
    assert any("noisy second-moment estimates" in back for back in made.values()), made
    assert "<h3" not in _text(made) and "<div" not in _text(made), made


BN = NOTES.add({
    "bn.md": (
        "# Batch norm\n\n" + HEAD + "## Misreadings\n\n"
        '<div style="border-left: 4px solid red;">\n<div><b>Batch norm is NOT:</b></div>\n<ol>\n'
        "<li><div>A fix for internal covariate shift, as the original paper claimed.</div></li>\n"
        "<li><div>Harmless at batch size one, where the batch statistics are meaningless.</div></li>\n"
        "</ol>\n</div>\n")
})


def test_an_editor_list_under_a_bold_label_is_carded_as_a_list(shared):
    """`<div><b>Batch norm is NOT:</b></div>` over an `<ol>` of `<li><div>…</div></li>`: one card of the numbered
    items, asked by the label (the bold label alone had read as a title and lost its list)."""
    made = shared.backs_by_front(BN)
    listed = [back for back in made.values() if "internal covariate shift" in back]
    assert listed and "2. Harmless at batch size one" in listed[0], made
    assert "<li" not in _text(made) and "<ol" not in _text(made), made


# --- no card -------------------------------------------------------------------------------------------------------

MODEL_SUMMARY_FORM = NOTES.add({
    "model summary form.md": (
        "# Template - model summary\n\n" + HEAD
        + "<div><b>Model name:</b> </div>\n<div><b>Inputs / outputs:</b> </div>\n<div><b>Loss:</b> </div>\n"
        "<div><b>Optimiser + schedule:</b> </div>\n<div><b>Failure modes:</b> </div>\n<div><br/></div>\n"
        "- [ ] results table done\n- [ ] added to the summary sheet\n")
})


def test_an_empty_form_is_no_card(shared):
    """A template's labels with nothing after them ("Model name:", "Loss:", …) are a form to fill in, no fact."""
    made = shared.backs_by_front(MODEL_SUMMARY_FORM)
    assert not any("Failure modes" in back for back in made.values()), made


PLAN = NOTES.add({
    "plan.md": (
        "# Revision plan\n\n" + HEAD
        + "<div><b>Final: Wed 12 June, 14:00, Room 2.04.</b> Open book. Bring a pen.</div>\n<div><br/></div>\n\n"
        "## Gradient clipping\n\nClipping by norm rescales the whole gradient and keeps its direction, while "
        "clipping by value changes the direction.\n\nReading group Mon/Wed 5pm in the seminar room.\n")
})


def test_a_course_schedule_is_no_card(shared):
    """An exam's day, time and room, a study group's evenings: logistics, no card; the note's facts stay."""
    made = shared.backs_by_front(PLAN)
    assert any("keeps its direction" in back for back in made.values()), made
    assert "14:00" not in _text(made) and "5pm" not in _text(made), made


KERNELS = NOTES.add({
    "kernels.md": (
        "# Kernels\n\n## The RBF kernel\n\nThe RBF kernel's bandwidth sets how fast similarity decays with "
        "distance; a tiny bandwidth makes every point its own island.\n\n![](res/board.png)\n"
        "(photo of the board sketch of two bandwidths)\n\n## Picture\n\n![](res/plot.png)\n"
        "screenshot of the decision boundary from the lab\n")
})


def test_a_caption_under_a_picture_is_on_no_card(shared):
    """"(photo of the board …)" on the line under a picture the card does not show: no card of it, and no line of
    it on the card of the text around it."""
    made = shared.backs_by_front(KERNELS)
    assert any("own island" in back for back in made.values()), made
    assert "photo of the board" not in _text(made) and "screenshot of" not in _text(made), made


# --- fronts ----------------------------------------------------------------------------------------------------------

CAL = NOTES.add({
    "cal.md": (
        "# Calibration\n\n## Reading a reliability plot\n\n**Wrong:** \"a model with 90% accuracy is "
        "calibrated\". Accuracy says nothing of the confidences.\n**Right:** \"among predictions made with 0.9 "
        "confidence, 90% are correct\".\n")
})


def test_a_verdict_label_is_not_defined(shared):
    """"**Wrong:** '…'" / "**Right:** '…'" judge two readings: no "Define: Wrong" card."""
    made = shared.backs_by_front(CAL)
    assert not any("Define: Wrong" in front or "Define: Right" in front for front in made), made
    assert any(front.endswith("› Wrong") for front in made), made


LEC4 = NOTES.add({
    "lec4.md": (
        "# Lecture 4 notes\n\n## Classification losses\n\n- **Cross-entropy**: the negative log-likelihood of a "
        "categorical model.\n- **Focal loss**: cross-entropy scaled down on the examples the model already gets "
        "right.\n\nlecturer's aside: Label smoothing: replace the one-hot target by 1 − ε on the true class and "
        "ε/(K−1) elsewhere, which keeps the logits from growing without bound.\n")
})


def test_an_aside_label_gives_way_to_the_subject_its_text_names(shared):
    """"lecturer's aside: Label smoothing: …" under a heading: the card asks label smoothing, not "lecturer's
    aside"."""
    made = shared.backs_by_front(LEC4)
    assert not any(front.endswith("lecturer's aside") for front in made), made
    asked = [front for front, back in made.items() if "keeps the logits" in back]
    assert asked and asked[0].endswith("› Label smoothing"), made


# --- a plain-text formula ------------------------------------------------------------------------------------------

SCHED = NOTES.add({
    "sched.md": (
        "# Schedules\n\n## Exponential decay\n\nPer step:\n\nη_t = η₀ · γᵗ\n\n- γ slightly below 1, e.g. 0.999\n"
        "- the rate halves every ln 2 / (1 − γ) steps, roughly\n\nAnother paragraph on warm restarts that "
        "reset the rate to its start value at the end of each cycle.\n")
})


def test_a_plain_text_formula_alone_is_a_formula_card(shared):
    """"Per step:" over "η_t = η₀ · γᵗ" alone as its paragraph: a formula card with its introduction (before, the
    line was on no card)."""
    made = shared.backs_by_front(SCHED)
    formula = [back for back in made.values() if "\\eta" in back and "\\gamma" in back]
    assert formula and formula[0].startswith("$$"), made


# --- a clipped page's marks ----------------------------------------------------------------------------------------

ADAM = NOTES.add({
    "adam.md": (
        "# Adam\n\nAdam (Kingma and Ba, 2015<sup>[2](https://example.org/adam.html#ref2)</sup>) keeps running "
        "averages of the gradient and of its square and divides the one by the root of the other.\n\n"
        "## Known issues\n\n- its effective step can blow up when the second moment estimate is tiny\n"
        "- weight decay added to the loss is not the same as decoupled weight decay\n\n"
        "<small>Last edited 2022-05-01 · [Edit this page](https://example.org/edit/adam.md)</small>\n")
})


def test_a_clipped_pages_reference_mark_and_fine_print_are_on_no_card(shared):
    """"… (Kingma and Ba, 2015<sup>[2](…#ref2)</sup>)" shows no mark; "<small>Last edited … · Edit this
    page</small>" is on no card."""
    made = shared.backs_by_front(ADAM)
    assert any("running averages" in back for back in made.values()), made
    assert "<sup" not in _text(made) and "<small" not in _text(made) and "Edit this page" not in _text(made), made


REG = NOTES.add({
    "reg.md": (
        "# Regularisation\n\n## Ridge\n\nRidge adds a squared penalty on the weights to the loss and shrinks them "
        "towards zero.\n\n## Elastic net\n\nMix the two penalties with weights λ1 and λ2, and the lasso is the case "
        "λ2 = 0. Correlated features then share their weight instead of one being picked at random.\n")
})


def test_a_greek_symbols_index_is_no_sum_worked_out(shared):
    """"… test whether λ1 = 0 …" names a symbol with an index, no arithmetic: the section is carded, not left off as
    a worked example."""
    made = shared.backs_by_front(REG)
    assert any("share their weight" in back for back in made.values()), made
