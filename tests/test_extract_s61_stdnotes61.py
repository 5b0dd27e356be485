"""Standard Notes exports read as the app shows them (session 61): a Super note exported as Markdown under the front
matter the app writes (its title shown above the text, its H1s sections), its `[Item: …]` links and `[File: …]`
embeds, and plain-text notes (`Title.txt`) read line by line. Every note is written to one wiki in tmp_path, scanned
once through the CLI (`cards --json`); each test reads the cards of its own note."""

from __future__ import annotations

import json

import pytest

from conftest import made_by_note as _made, note_text as _text, new_wiki, run

CONFIG = ('name = "T"\nformulas = "display"\ndefinitions = true\nsections = true\ntext_notes = true\n'
          '[review]\ntimezone = "UTC"\n')
NOTES: dict[str, str] = {}  # (path below notes/ → text: each test's note, filled in below)


@pytest.fixture(scope="module")
def cards(tmp_path_factory) -> list[dict]:
    """`mlwiki cards --json` of a wiki holding every note of this module."""
    root = new_wiki(tmp_path_factory.mktemp("stdnotes61"), NOTES, CONFIG)
    return json.loads(run(root, "cards", "--json", ok=True).output)


SUPER = (
    "---\ntitle: Support vector machines\ncreated_at: 2026-02-11T18:20:31.402Z\n"
    "updated_at: 2026-02-14T09:02:17.915Z\nuuid: 5c0e2f4a-8b71-4d3e-9a62-0f1b7c93d8e5\n---\n\n"
    "# Margins\n\n"
    "The margin is the distance from the separating hyperplane to the closest training point.\n\n"
    "***\n\n"
    "# Soft margin\n\n"
    "The hinge loss is zero for points beyond the margin and grows linearly inside it.\n")
NOTES["ML/Kernels/Support vector machines.md"] = SUPER


def test_a_super_notes_first_h1_is_a_section_under_its_title(cards):
    """Standard Notes shows a Super note's title (its front matter's, as the export writes it) above the note: its
    first H1 is a section like the others, so its card names the note's subject, not only "Margins"."""
    made = _made(cards, "ML/Kernels/Support vector machines.md")
    margin = [front for front, back in made.items() if "distance from the separating hyperplane" in back]
    assert margin and "Support vector machines" in margin[0]


LINKED = (
    "---\ntitle: Kernel trick\ncreated_at: 2026-02-15T10:11:12.000Z\nupdated_at: 2026-02-15T11:00:00.000Z\n"
    "uuid: 0a9b8c7d-6e5f-4a3b-8c2d-1e0f9a8b7c6d\n---\n\n"
    "Builds on [Item: 5c0e2f4a-8b71-4d3e-9a62-0f1b7c93d8e5].\n\n"
    "# Kernels\n\n"
    "A kernel computes an inner product in a feature space without building the features. "
    "See [Item: 9f8e7d6c-5b4a-4392-8170-6f5e4d3c2b1a] for the proof.\n\n"
    "[File: 3d2c1b0a-9f8e-4d7c-b6a5-4f3e2d1c0b9a]\n\n"
    "The RBF kernel corresponds to an infinite-dimensional feature space.\n\n"
    "Related: [Item: 1b2c3d4e-5f6a-4b7c-8d9e-0f1a2b3c4d5e] (Mercer's theorem)\n")
NOTES["ML/Kernels/Kernel trick.md"] = LINKED


def test_links_to_items_and_embedded_files_are_on_no_card(cards):
    """Super's export writes a link to another note as `[Item: <uuid>]` (no title: the learner could not tell what
    it names) and an embedded file as `[File: <uuid>]`: a sentence that only points to another note is left out,
    the statement beside it kept, the embed nowhere."""
    made = _made(cards, "ML/Kernels/Kernel trick.md")
    text = _text(made)
    assert "[Item:" not in text and "[File:" not in text and "Builds on" not in text and "Related" not in text
    assert "See " not in text and "for the proof" not in text
    assert "A kernel computes an inner product in a feature space without building the features." in text


PLAIN = (
    "Naive Bayes - typed on the bus\n\n"
    "ASSUMPTION\n"
    "Naive Bayes assumes the features are conditionally independent given the class.\n"
    "The assumption is rarely true but the classifier still ranks classes well.\n\n"
    "SMOOTHING\n"
    "Laplace smoothing adds one to every count so no word gets probability zero.\n")
NOTES["ML/Naive Bayes.txt"] = PLAIN
NOTES["ML/requirements.txt"] = "scikit-learn>=1.4\nnumpy\n"


def test_a_plain_text_note_is_read_line_by_line_under_its_parts(cards):
    """A plain-text note (`Title.txt`, as Standard Notes' plain editor exports it) is a note: each line of words is
    shown on its own line, so it is a statement of its own, and a line in capitals heads the part below it. The
    first line, which repeats the title, is no card; a `requirements.txt` beside the notes is no note."""
    made = _made(cards, "ML/Naive Bayes.txt")
    independent = [front for front, back in made.items() if back.startswith("Naive Bayes assumes the features")]
    assert independent and "Assumption" in independent[0]
    assert "given the class. The assumption" not in made[independent[0]]  # (two lines, not one paragraph)
    smoothing = [front for front, back in made.items() if "Laplace smoothing adds one" in back]
    assert smoothing and "Smoothing" in smoothing[0]
    assert "typed on the bus" not in _text(made)
    assert not _made(cards, "ML/requirements.txt")  # (a project's file beside the notes is no note)


TABLE = (
    "---\ntitle: Loss functions\ncreated_at: 2026-02-16T08:00:00.000Z\nupdated_at: 2026-02-16T08:30:00.000Z\n"
    "uuid: 7e6d5c4b-3a29-4187-9f6e-5d4c3b2a1908\n---\n\n"
    "# Classification losses\n\n"
    "| Loss | Used by |\n| --- | --- |\n| hinge | support vector machines |\n"
    "| log loss | logistic regression\\nand gradient boosting |\n")
NOTES["ML/Loss functions.md"] = TABLE


def test_a_line_break_in_a_super_tables_cell_is_a_line_break(cards):
    """Super writes a line break inside a table's cell as the two characters `\\n` (a row stays on one line): the
    learner sees the break, not a backslash and an n."""
    made = _made(cards, "ML/Loss functions.md")
    used = [back for front, back in made.items() if "log loss" in front]
    assert used and used[0] == "logistic regression\nand gradient boosting"


def test_plain_text_files_are_read_only_where_the_config_says_they_are_notes(tmp_path):
    """A folder of Markdown notes may hold logs and data as .txt: they are notes only with `text_notes = true`, which
    `init` writes when it finds plain-text notes, saying why."""
    note = "LOSSES\nThe hinge loss is zero once a point is beyond the margin.\n"
    plain = new_wiki(tmp_path / "plain", {"Losses.txt": note}, CONFIG.replace("text_notes = true\n", ""))
    assert json.loads(run(plain, "cards", "--json", ok=True).output) == []
    warned = run(plain, "check").output  # (a wiki set up before `text_notes` existed is told what it misses)
    assert "Losses.txt: warning: 1 plain-text note (.txt) is not read; set text_notes = true" in warned, warned
    fresh = tmp_path / "fresh"
    (fresh / "notes").mkdir(parents=True)
    (fresh / "notes" / "Losses.txt").write_text(note, encoding="utf-8")
    (fresh / "notes" / "requirements.txt").write_text("numpy==2.1\n", encoding="utf-8")
    said = run(fresh, "init", ok=True).output
    assert "text_notes = true  (1 plain-text note (.txt))" in said, said
    backs = [card["back"] for card in json.loads(run(fresh, "cards", "--json", ok=True).output)]
    assert any("beyond the margin" in back for back in backs), backs
