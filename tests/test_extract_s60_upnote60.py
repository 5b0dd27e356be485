"""UpNote notes exported as Markdown ("Export as Markdown"), read as UpNote shows them (session 60): turndown's escapes
(`x\\_t`, `\\[0, 1\\]`, `1\\.`) read outside code and math, a `$$` block kept whole, links to other notes with the
app's `upnote://` address as their title, a table written under turndown's empty header row, and turndown's `* * *`
rule. Every note is written to one wiki in tmp_path, scanned once through the CLI (`cards --json`); each test reads
the cards of its own note."""

from __future__ import annotations

import json

import pytest

from conftest import made_by_note as _made, note_text as _text, new_wiki, run

CONFIG = 'name = "T"\nformulas = "display"\ndefinitions = true\nsections = true\n[review]\ntimezone = "UTC"\n'
NOTES: dict[str, str] = {}  # (path below notes/ → text: each test's note, filled in below)


@pytest.fixture(scope="module")
def cards(tmp_path_factory) -> list[dict]:
    """`mlwiki cards --json` of a wiki holding every note of this module."""
    root = new_wiki(tmp_path_factory.mktemp("upnote60"), NOTES, CONFIG)
    return json.loads(run(root, "cards", "--json", ok=True).output)


DATA = ("---\ndate: 2025-02-11 20:31:07\ncreated: 2025-02-03 18:02:44\ncategories:\n- Deep Learning/Optimisation\n"
        "---\n\n")

ADAM = DATA + (
    "# Adam\n\n#dl #optimizers\n\n"
    "* * *\n\n"
    "## Update rule\n\n"
    "Adam keeps running averages m\\_t and v\\_t of the gradient and of its square, then divides the step by the "
    "root of the second one:\n\n"
    "$$\n\\theta_{t+1} = \\theta_t - \\eta \\, \\frac{\\hat m_t}{\\sqrt{\\hat v_t} + \\epsilon}\n$$\n\n"
    "The decay rates β1 and β2 both lie in \\[0, 1); the defaults are 0.9 and 0.999.\n\n"
    "<br>\n\n"
    "## Bias correction\n\n"
    "1\\. Both averages start at zero, so early estimates are biased towards zero.\n\n"
    "2\\. Dividing by 1 − β^t removes that bias: m̂\\_t = m\\_t / (1 − β1^t).\n")
NOTES["Deep Learning/Optimisation/Adam.md"] = ADAM


def test_an_upnote_display_formula_stays_one_formula(cards):
    """UpNote's escapes (`m\\_t`) made the note look like a Notesnook export, whose TeX reader cut the `$$` block at
    its `\\,` into `$…$` pieces: the formula card shows the formula as written."""
    made = _made(cards, "Deep Learning/Optimisation/Adam.md")
    formulas = [back for back in made.values() if "\\theta_{t+1}" in back]
    assert formulas and all("$$$" not in back and "$ \\," not in back for back in formulas)
    assert any("\\eta \\, \\frac{\\hat m_t}" in back for back in formulas)


def test_turndown_escapes_in_prose_are_read(cards):
    """turndown escapes every `_`, `[` and `]` and a numbered paragraph's dot: on a card they are the characters,
    `\\[0, 1)` is no display math and `1\\.` no stray backslash."""
    text = _text(_made(cards, "Deep Learning/Optimisation/Adam.md"))
    assert "\\_" not in text and "\\[" not in text and "1\\." not in text and "2\\." not in text
    assert "[0, 1)" in text
    assert "m_t / (1 − β1^t)" in text


MOMENTUM = DATA + (
    "# Momentum\n\n#dl\n\n"
    "Related: [Adam](Adam.md \"upnote://x-callback-url/openNote?noteId=3f2a9c1e-77b0-4d2e-9a51-0c6e8b4d21f7\") · "
    "[Learning rate schedules](Learning%20rate%20schedules.md \"upnote://x-callback-url/openNote?noteId=9b1e0d44-"
    "2c6a-4f83-b7d5-e1a3c9f06b28\")\n\n"
    "upnote://x-callback-url/openNote?noteId=c7d1f2a0-5e94-4b6b-8a3d-2f0e9c71b5a6\n\n"
    "## Heavy ball\n\n"
    "Momentum keeps a velocity that accumulates past gradients, so steps grow along directions where the gradient "
    "keeps its sign and cancel where it flips. See [Adam](Adam.md \"upnote://x-callback-url/openNote?noteId="
    "3f2a9c1e-77b0-4d2e-9a51-0c6e8b4d21f7\") for the adaptive version.\n\n"
    "**Why does momentum damp oscillations?**\n\n"
    "Gradients that alternate in sign across a ravine average out in the velocity, while the steady component "
    "along the ravine adds up.\n\n"
    "* * *\n\n"
    "## Nesterov\n\n"
    "Nesterov momentum evaluates the gradient at the look-ahead point θ + μv instead of at θ.\n")
NOTES["Deep Learning/Optimisation/Momentum.md"] = MOMENTUM


def test_upnote_links_show_no_app_address(cards):
    """A link to another note carries the app's address as its title, and a note's link pasted alone on a line is
    that address: no card shows `upnote://`, and the line of links makes no card."""
    made = _made(cards, "Deep Learning/Optimisation/Momentum.md")
    assert made and "upnote://" not in _text(made)
    assert not any(back.startswith("Related:") for back in made.values())


def test_turndowns_rule_does_not_end_a_back(cards):
    """turndown writes a horizontal rule as `* * *`: the answer before it ends at its last sentence."""
    made = _made(cards, "Deep Learning/Optimisation/Momentum.md")
    answers = [back for back in made.values() if back.startswith("Gradients that alternate")]
    assert answers and all(not back.rstrip().endswith("* * *") for back in answers)


SCHEDULES = DATA + (
    "# Learning rate schedules\n\n#dl\n\n"
    "## Common schedules\n\n"
    "|     |     |     |\n"
    "| --- | --- | --- |\n"
    "| **Schedule** | **How the rate changes** | **Typical use** |\n"
    "| Step decay | divided by 10 at fixed epochs | ResNet training on ImageNet |\n"
    "| Cosine annealing | follows half a cosine from the peak down to near zero | long runs without tuning "
    "milestones |\n"
    "| Linear warm-up | grows linearly over the first steps | large-batch and transformer training |\n")
NOTES["Deep Learning/Optimisation/Learning rate schedules.md"] = SCHEDULES


def test_a_table_under_an_empty_header_row_names_its_columns(cards):
    """turndown's GFM plugin writes a table without header cells under an empty header row, the writer's header
    being the bold first row: each row's card names its columns, and no card holds only the column names."""
    made = _made(cards, "Deep Learning/Optimisation/Learning rate schedules.md")
    cosine = [f"{front}\n{back}" for front, back in made.items() if "Cosine annealing" in front]
    assert cosine and any("How the rate changes" in card for card in cosine)
    assert not any("**How the rate changes**" in back for back in made.values())
    assert not any(front.rstrip().endswith("›") for front in made)


WEIGHT_DECAY = (
    "Weight decay\n\n#dl #regularisation\n\n"
    "## 1\\. The penalty\n\n"
    "L2 regularisation adds λ/2 times the squared norm of the weights to the loss, which shrinks every weight "
    "towards zero at each step. #exam\n\n"
    "##   \n\n"
    "With plain SGD this is the same as multiplying the weights by 1 − ηλ before each gradient step. "
    "#exam, #review\n\n"
    "####   \n\n"
    "**Why is L2 regularisation not weight decay under Adam?**\n\n"
    "Adam divides the penalty's gradient by the running root mean square of the gradients, so weights with large "
    "gradients are decayed less; AdamW decays the weights directly instead. #exam\n\n"
    "* * *\n\n"
    "See also [Adam](Adam.md \"upnote://x-callback-url/openNote?noteId=3f2a9c1e-77b0-4d2e-9a51-0c6e8b4d21f7\").\n")
NOTES["Deep Learning/Regularisation/Weight decay.md"] = WEIGHT_DECAY


def test_an_empty_heading_does_not_swallow_the_paragraphs_under_it(cards):
    """A rich-text editor leaves an empty line in a heading's style, exported as `##   `: it shows nothing, and the
    paragraph under it is still carded under the heading before it."""
    text = _text(_made(cards, "Deep Learning/Regularisation/Weight decay.md"))
    assert "multiplying the weights by 1 − ηλ" in text
    assert "1\\." not in text


def test_tags_at_a_paragraphs_end_are_not_words_of_a_card(cards):
    """UpNote tags a paragraph inline (`… at each step. #exam`): no card shows the tag, and a bold question whose
    answer ends in one is still asked with that answer."""
    made = _made(cards, "Deep Learning/Regularisation/Weight decay.md")
    assert "#exam" not in _text(made) and "#review" not in _text(made)
    asked = [back for front, back in made.items()
             if front.endswith("Why is L2 regularisation not weight decay under Adam?")]
    assert asked and asked[0].startswith("Adam divides the penalty's gradient")


PCA = DATA + (
    "# PCA\n\n#dl\n\n"
    "## Explained variance\n\n"
    "The first component w\\_1 keeps the largest share of the variance; each ratio lies in \\[0, 1\\] and the ratios "
    "of all components sum to 1.\n")
NOTES["Deep Learning/Optimisation/PCA.md"] = PCA


def test_upnotes_front_matter_alone_tells_its_export(cards):
    """A note with no link into the app and no rule is still UpNote's when its front matter is the export's
    "additional data" (`created:` to the second, `categories:`): its escaped brackets read as brackets."""
    text = _text(_made(cards, "Deep Learning/Optimisation/PCA.md"))
    assert "[0, 1]" in text and "\\[" not in text and "\\_" not in text
