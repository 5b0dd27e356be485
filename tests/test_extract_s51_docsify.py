"""Docsify pages read as Docsify shows them, and a callout that is all title (session 51): `?>` and `!>` boxes
are callouts, heading helpers and link options never show, an `:include` embed shows nothing; a one-line
`> [!warning] …` sentence is the box's text. Notes written to tmp_path, read through the CLI."""

from __future__ import annotations

import pytest


from shared_notes import Scanned, SharedNotes

CONFIG = 'name = "T"\nsections = true\n[review]\ntimezone = "UTC"\n'

PAGE = """# Dropout :id=dropout

Dropout zeroes each activation with probability p during training and rescales the survivors by 1/(1-p).

?> At test time nothing is dropped, and because of the rescaling no weight needs changing either.

!> Dropout right before batch norm shifts the statistics the norm layer learned during training.

## In code :docsify-ignore

[The layer](snippets/drop.py ':include :type=code')

See [the regularisation page](regularisation.md ':ignore') and ![masks](masks.png ':size=300').
"""


NOTES = SharedNotes(CONFIG)  # every test's notes, in wikis scanned once for the module


@pytest.fixture(scope="module")
def shared(tmp_path_factory) -> Scanned:
    return NOTES.scan(tmp_path_factory)


DROPOUT = NOTES.add({"docs/dropout.md": PAGE})


def test_a_docsify_page_reads_as_docsify_shows_it(shared):
    made = shared.cards(DROPOUT)
    text = "\n".join(c["front"] + "\n" + c["back"] for c in made)
    for leak in (":id=", "?>", "!>", ":docsify", ":include", ":ignore", ":size", "drop.py"):
        assert leak not in text, (leak, text)
    tip = next(c for c in made if "no weight needs changing" in c["back"])
    warning = next(c for c in made if "shifts the statistics" in c["back"])
    assert "Tip" in tip["front"] and "Warning" in warning["front"], made
    assert "Dropout" in tip["front"].split("›")[0], tip


SCALING = NOTES.add({
    "scaling.md": (
        "# Scaling\n\nStandardising puts every feature on zero mean and unit variance before training.\n\n"
        "> [!warning] Never fit the scaler on the test set, or its statistics leak into training.\n\n"
        "> [!tip] Pipelines\n> A pipeline refits the scaler inside each fold of cross-validation.\n")
})


def test_a_callout_that_is_all_title_is_its_text(shared):
    made = shared.cards(SCALING)
    assert any(c["back"].startswith("Never fit the scaler on the test set") for c in made), made
    assert any("refits the scaler inside each fold" in c["back"] for c in made), made


UP = NOTES.add({
    "docs/up.md": (
        "# Upsampling\n\nTransposed convolutions with a stride that does not divide the kernel overlap unevenly.\n\n"
        "!> Uneven overlap paints a checkerboard pattern into generated images.\n"
        "Resizing first and then convolving avoids it.\n")
})


def test_a_box_of_several_lines_keeps_every_line(shared):
    """`?> ` over a paragraph of several lines: read as a callout, its first line was taken for a title and lost."""
    text = "\n".join(c["front"] + "\n" + c["back"] for c in shared.cards(UP))
    assert "checkerboard pattern" in text and "Resizing first" in text and "!>" not in text, text
