"""Session 48, the lead's own rules, each on notes written for the test."""

from __future__ import annotations

import pytest

import json

from conftest import new_wiki, run
from shared_notes import Scanned, SharedNotes

ON = 'name = "T"\ndefinitions = true\nsections = true\n[review]\ntimezone = "UTC"\n'

MEETING = """# Week 4: knowledge distillation
###### tags: `reading-group` `distillation`
Presenter: @omar · 2025-01-16 · paper: Hinton et al. 2015

## Soft targets

The teacher's softmax at a high temperature spreads probability over wrong classes, and those ratios carry what
the student learns beyond the hard label.
"""


def cards_of(tmp_path, notes: dict[str, str]) -> dict[str, str]:
    root = new_wiki(tmp_path, notes, ON)
    return {c["front"]: c["back"] for c in json.loads(run(root, "cards", "--json", ok=True).output)}


NOTES = SharedNotes(ON)  # every test's notes, in wikis scanned once for the module


@pytest.fixture(scope="module")
def shared(tmp_path_factory) -> Scanned:
    return NOTES.scan(tmp_path_factory)


WEEK4 = NOTES.add({"week4.md": MEETING})


def test_a_hackmd_tags_line_and_the_presenter_line_are_no_cards(shared):
    """HackMD shows `###### tags:` as the note's tags, not a section; the presenter and date under the title are the
    session's record. Neither is knowledge: before, "… › tags: `reading-group` …" → "Presenter: @omar · …"."""
    fronts = shared.backs_by_front(WEEK4)
    assert not any("tags" in front or "Presenter" in back for front, back in fronts.items()), fronts
    assert any(back.startswith("The teacher's softmax") for back in fronts.values()), fronts


SMOOTHING = NOTES.add({
    "smoothing.md": (
        "# Label smoothing\n\nNotes: label smoothing replaces the one-hot target with a mixture of it and the "
        "uniform distribution, which keeps the logits from growing without bound.\n")
})


def test_a_role_label_in_a_sentence_of_knowledge_is_kept(shared):
    """Only a line of the session's record goes: "Notes: …" over a real explanation at the top of a note stays."""
    fronts = shared.backs_by_front(SMOOTHING)
    assert any("uniform distribution" in back for back in fronts.values()), fronts


def test_a_section_under_a_callout_kind_heading_is_a_card(tmp_path):
    """"### Warning", "### Important", "### Tip" title a caveat or key fact of the section above, as a callout of
    that kind would; the section was read as page furniture ("## Links", "## TODO") and its text was on no card."""
    note = ("# Adam\n\n## Update rule\n\nAdam keeps running averages of the gradient and of its square.\n\n"
            "### {}\n\nWith weight decay added to the loss, Adam couples the decay with the adaptive scaling, "
            "so AdamW decays the weights directly instead.\n")
    for kind in ("Warning", "Important", "Tip"):
        fronts = cards_of(tmp_path / kind, {"adam.md": note.format(kind)})
        carded = [front for front, back in fronts.items() if "AdamW decays" in back]
        assert carded and carded[0].startswith(f"Adam › Update rule › {kind}"), (kind, fronts)


PRUNING = NOTES.add({
    "pruning.md": (
        "# Pruning\n\n## Iterative magnitude pruning\n\nPrune the ++smallest weights++ by magnitude, retrain, and "
        "repeat until the target sparsity is reached. {%youtube ZVVnvZdUMUk %}\n\n"
        "```c\nfor (i = 0; i < n; i++) keep[i] = ++count;\n```\n")
})


def test_hackmd_embeds_show_nothing_and_inserted_text_shows_its_words(shared):
    """`{%youtube … %}` is a player on the HackMD page and `++x++` underlined words: neither reaches a card raw.
    Code keeps them as written (`i++` in C, a template's `{% … %}`)."""
    fronts = shared.backs_by_front(PRUNING)
    backs = "\n".join(fronts.values())
    assert "Prune the smallest weights by magnitude" in backs, fronts
    assert "{%" not in backs and "++smallest" not in backs, fronts


VAE = NOTES.add({
    "vae.md": (
        "# VAE\n\n## Known issues\n\nA Gaussian decoder with fixed variance makes the reconstruction term a "
        "squared error, whose optimum is the mean of the plausible images, so samples look blurry.\n\n"
        "<!-- Q from the audience: is blur only a decoder issue? No good answer yet. -->\n")
})


def test_a_line_that_is_one_html_comment_is_on_no_card(shared):
    """A slide's speaker note, `<!-- Q from the audience: … -->`, is hidden on the page; after a list it reached the
    section's back raw (and cut: "… --")."""
    fronts = shared.backs_by_front(VAE)
    assert any("samples look blurry" in back for back in fronts.values()), fronts
    assert not any("<!--" in back or "audience" in back for back in fronts.values()), fronts


METRICS = NOTES.add({
    "metrics.md": (
        "---\nmarp: true\n---\n\n# How do we score a generative model?\n\n"
        "Inception score, FID and KID compare samples with real images through a pretrained network.\n\n---\n\n"
        "## FID\n\nThe Fréchet distance between Gaussians fitted to the Inception features of real and generated "
        "images.\n")
})


def test_a_title_that_asks_is_asked_once_and_a_slide_break_is_no_answer(shared):
    """A Marp deck titled by a question: the front said the question twice (the note's subject, then the heading's
    question), and the slide's closing `---` ended the back."""
    fronts = shared.backs_by_front(METRICS)
    assert fronts.get("How do we score a generative model?", "").endswith("through a pretrained network."), fronts


def test_how_the_notes_were_made_is_no_card(tmp_path):
    """Under a lecture's title, "(Was late — filled in from slides.)" or "Prof went fast; half from the recording."
    says how the notes came to be, not what they teach: the opening card goes when nothing else is left."""
    notes = {"lec03.md": "# Lecture 3 — Convex problems\n\n(Was late — filled in from slides.)\n\n## Standard form\n\n"
                         "A convex problem minimises a convex function over a convex set, so every local minimum "
                         "is global.\n",
             "lec08.md": "# Lecture 8 — Acceleration\n\nProf went fast; half from the recording. Nesterov's method "
                         "reaches the optimal rate of one over k squared for smooth convex functions.\n"}
    fronts = cards_of(tmp_path, notes)
    backs = "\n".join(fronts.values())
    assert "Was late" not in backs and "Prof went fast" not in backs, fronts
    assert "every local minimum is global" in backs and "one over k squared" in backs, fronts
