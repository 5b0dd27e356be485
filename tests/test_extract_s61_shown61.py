"""What the learner sees of a card (session 61): its text through the real views — the terminal's plain review
(`render.terminal.plain_text`) and the Anki deck (`mlwiki export`, the .apkg opened with Anki's own `anki` package) —
shows no markup, broken math or tool syntax. Every note is written to one wiki in tmp_path, scanned once through the
CLI (`cards --json`); each test reads the cards of its own note."""

from __future__ import annotations

import json

import pytest

from conftest import new_wiki, run
from mlwiki import ids
from mlwiki.render.terminal import plain_text

CONFIG = 'name = "T"\nformulas = "display"\ndefinitions = true\nsections = true\n[review]\ntimezone = "UTC"\n'
NOTES: dict[str, str] = {}  # (path below notes/ → text: each test's note, filled in below)


@pytest.fixture(scope="module")
def wiki(tmp_path_factory):
    """The wiki holding every note of this module, scanned once."""
    root = new_wiki(tmp_path_factory.mktemp("shown61"), NOTES, CONFIG)
    run(root, "scan", ok=True)
    return root


@pytest.fixture(scope="module")
def cards(wiki) -> list[dict]:
    """`mlwiki cards --json` of the wiki."""
    return json.loads(run(wiki, "cards", "--json", ok=True).output)


@pytest.fixture(scope="module")
def deck_fields(wiki, tmp_path_factory) -> list[str]:
    """Every field of every note of the wiki's exported deck, as Anki holds it once it imported the .apkg."""
    collection = pytest.importorskip("anki.collection")
    run(wiki, "export", ok=True)
    col = collection.Collection(str(tmp_path_factory.mktemp("anki") / "c.anki2"))
    try:
        for apkg in sorted((wiki / "decks").glob("*.apkg")):
            col.import_anki_package(collection.ImportAnkiPackageRequest(package_path=str(apkg)))
        return [field for nid in col.find_notes("") for field in col.get_note(nid).fields]
    finally:
        col.close()


def _of(cards: list[dict], rel: str) -> list[dict]:
    return [c for c in cards if c["source"]["path"] == f"notes/{rel}"]


# UpNote's export (turndown) escapes every backslash the writer typed, a formula's too
UPNOTE = (
    "---\ncreated: 2024-03-02 10:11:12\nmodified: 2024-03-05 08:00:01\ncategories:\n  - Stats\n---\n\n"
    "# Ridge regression\n\n"
    "**Closed form**: $\\\\hat w = (X^\\\\top X + \\\\lambda I)^{-1} X^\\\\top y$, with a penalty $\\\\lambda \\\\|w\\\\|^2$.\n\n"
    "The fitted values:\n\n"
    "$$\\\\hat y = X (X^\\\\top X + \\\\lambda I)^{-1} X^\\\\top y$$\n\n"
    "* * *\n\nA 2×2 example: $\\\\begin{pmatrix} a & b \\\\\\\\ c & d \\\\end{pmatrix}$ has determinant $ad - bc$.\n")
NOTES["Stats/Ridge regression.md"] = UPNOTE


def test_upnote_formulas_with_doubled_backslashes_read_as_typed(cards):
    """`$\\\\hat w = (X^\\\\top X …$`: the writer typed `\\hat w`; the card holds that, not a TeX line break
    before "hat" (which the plain review showed as "w" over a line "hat", and Anki's MathJax as two lines)."""
    text = "\n".join(c["front"] + "\n" + c["back"] for c in _of(cards, "Stats/Ridge regression.md"))
    assert "\\hat w = (X^\\top X + \\lambda I)^{-1} X^\\top y" in text
    assert "\\\\" not in text.replace("\\\\ c", "")  # (only the matrix's row break is a double backslash)
    assert "\\begin{pmatrix} a & b \\\\ c & d \\end{pmatrix}" in text or "pmatrix" not in text


def test_upnote_doubled_backslashes_show_no_line_break_in_the_plain_review(cards):
    """The plain review shows each formula on its line: ŵ and λ, no "hat" or "lambda" on a line of its own."""
    shown = "\n".join(plain_text(c["front"]) + "\n" + plain_text(c["back"]) for c in _of(cards, "Stats/Ridge regression.md"))
    assert "λ‖w‖²" in shown.replace(" ", "") and "Xᵀ" in shown
    assert not any(line.strip() in ("hat", "top", "lambda") or line.strip().startswith(("hat", "top", "lambda"))
                   for line in shown.split("\n"))


def test_upnote_formula_cards_keep_the_ids_the_written_formulas_gave(cards):
    """A formula card's id is made of its formula as the note wrote it: reading the doubled backslashes changes
    what the learner sees, not the card's id (its review history stays)."""
    formula = [c for c in _of(cards, "Stats/Ridge regression.md") if c["kind"] == "formula"]
    assert formula and "\\hat y = X (X^\\top X" in formula[0]["back"]
    assert formula[0]["id"] == ids.formula_id("\\\\hat y = X (X^\\\\top X + \\\\lambda I)^{-1} X^\\\\top y")


def test_upnote_formulas_reach_anki_as_one_formula(deck_fields):
    """In the exported deck the formula is MathJax's `\\(\\hat w = …\\)`: no `\\\\hat`, which MathJax breaks."""
    ridge = [f for f in deck_fields if "lambda I" in f]
    assert ridge and all("\\\\hat" not in f and "\\\\lambda" not in f for f in ridge)
    assert any("\\hat w = (X^\\top X + \\lambda I)^{-1} X^\\top y" in f for f in ridge)


# a display formula whose rows the review lays out on several lines (a matrix)
MATRIX = (
    "# Block Gaussians\n\n"
    "## Joint\n\n"
    "The joint of two Gaussian blocks:\n\n"
    "$$\\begin{bmatrix} u \\\\ v \\end{bmatrix} \\sim \\mathcal{N}\\left(0, \\begin{bmatrix} A & C \\\\ C^\\top & B "
    "\\end{bmatrix}\\right)$$\n")
NOTES["block-gaussians.md"] = MATRIX


def test_plain_review_keeps_a_matrix_rows_under_each_other(cards):
    """The plain review indents a display formula: every one of its rows, so a matrix's brackets line up (only the
    first row was indented, its second row stood two columns to the left)."""
    backs = [plain_text(c["back"]) for c in _of(cards, "block-gaussians.md") if "bmatrix" in c["back"]]
    assert backs
    rows = [line for line in backs[0].split("\n") if line.strip()]
    assert len(rows) >= 2 and all(line.startswith("  ") for line in rows)
    assert rows[0].index("⎡") == rows[1].index("⎣")


# a matrix written inside a sentence
INLINE_MATRIX = (
    "# Markov chains\n\n"
    "## Transition matrix\n\n"
    "A chain on two states that stays put with probability 0.9 has transition matrix "
    "$P = \\begin{pmatrix} 0.9 & 0.1 \\\\ 0.2 & 0.8 \\end{pmatrix}$, whose rows each sum to one.\n")
NOTES["markov-chains.md"] = INLINE_MATRIX


def test_plain_review_sets_a_matrix_written_in_a_sentence_on_lines_of_its_own(cards):
    """`$P = \\begin{pmatrix}…$` inside a sentence: the plain review lays the matrix out over rows; those rows go on
    lines of their own, under each other, instead of the first after the sentence's words and the next at the edge."""
    shown = [plain_text(c["front"] + "\n\n" + c["back"]) for c in _of(cards, "markov-chains.md")]
    shown = [s for s in shown if "0.9" in s and "0.8" in s]
    assert shown
    lines = shown[0].split("\n")
    first = next(k for k, line in enumerate(lines) if "⎛" in line)
    assert lines[first].startswith("P = ⎛") and lines[first + 1].index("⎝") == lines[first].index("⎛")
