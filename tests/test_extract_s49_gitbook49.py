"""GitBook spaces read as GitBook shows them (issue s49, the tune24 GitBook judge).

A GitBook space synced to Git keeps each chapter's text in its folder's README.md, which a documentation site
(GitBook, mdBook, Docusaurus, Jekyll …) shows as the chapter's page: it is a note, not the repository's README.
Its SUMMARY.md, the table of contents, is furniture. Its blocks are tags on lines of their own: a hint is a callout,
tabs are a tab set, code frames and embeds show their code and link; a heading's link anchor shows nothing. And a
question heading whose section runs on past its answer leaves what follows to cards of their own. Notes written to
tmp_path, read back through the CLI."""

from __future__ import annotations

import pytest

import json

from conftest import backs_by_front, new_wiki, run
from shared_notes import Scanned, SharedNotes

CONFIG = 'name = "T"\nformulas = "display"\ndefinitions = true\nsections = true\n[review]\ntimezone = "UTC"\n'
GITBOOK = "root: ./\n\nstructure:\n  readme: README.md\n  summary: SUMMARY.md\n"

CHAPTER = (
    "# Regularisation\n\n"
    "Weight decay adds a penalty on the squared norm of the weights to the training loss, which pulls every weight "
    "towards zero a little at each step.\n\n"
    "## Dropout\n\n"
    "Dropout zeroes each hidden unit with probability p during training, so no unit can rely on one particular "
    "partner being present.\n")

FOLDER_ABOUT = (
    "# README\n\n"
    "## What goes in this folder\n\n"
    "Drafts that I have not yet turned into proper notes live here until I have reread them twice.\n")

CONTENTS = (
    "# Table of contents\n\n"
    "* [Start here](README.md)\n\n"
    "## Models\n\n"
    "* [Regularisation](regularisation/README.md)\n"
    "  * [Early stopping](regularisation/early-stopping.md)\n"
    "* [Ensembles](ensembles.md)\n")


def _wiki(tmp_path, notes: dict[str, str]) -> dict[str, str]:
    return backs_by_front(new_wiki(tmp_path, notes, CONFIG))


def _cards(tmp_path, notes: dict[str, str]) -> list[dict]:
    return json.loads(run(new_wiki(tmp_path, notes, CONFIG), "cards", "--json", ok=True).output)


def _text(made: dict[str, str]) -> str:
    return "\n".join(made) + "\n" + "\n".join(made.values())


NOTES = SharedNotes(CONFIG)  # every test's notes, in wikis scanned once for the module


@pytest.fixture(scope="module")
def shared(tmp_path_factory) -> Scanned:
    return NOTES.scan(tmp_path_factory)


GITBOOK_2 = NOTES.add({
    ".gitbook.yaml": GITBOOK,
    "README.md": "# Home\n\nWelcome to the space.\n",
    "regularisation/README.md": CHAPTER
})


def test_a_chapter_readme_of_a_gitbook_space_makes_cards(shared):
    """`regularisation/README.md` in a GitBook space is the chapter's page: its text makes cards (it was read as a
    repository's README, which makes none)."""
    made = _text(shared.backs_by_front(GITBOOK_2))
    assert "zeroes each hidden unit" in made
    assert "penalty on the squared norm" in made


README = NOTES.add({
    "drafts/README.md": FOLDER_ABOUT,
    "note.md": CHAPTER
})


def test_a_folder_readme_outside_any_site_stays_the_folders(shared):
    """Without a site around it, a folder's README says what the folder holds: still no card."""
    made = _text(shared.backs_by_front(README))
    assert "reread them twice" not in made
    assert "zeroes each hidden unit" in made


BOOK = NOTES.add({
    "book.toml": "[book]\ntitle = \"x\"\n",
    "README.md": FOLDER_ABOUT,
    "regularisation/README.md": CHAPTER
})


def test_a_sites_top_readme_stays_the_repositorys(shared):
    """The README at the site's root is its landing page, about the space: read as a repository's README."""
    made = _text(shared.backs_by_front(BOOK))
    assert "reread them twice" not in made
    assert "zeroes each hidden unit" in made


GITBOOK_3 = NOTES.add({
    ".gitbook.yaml": GITBOOK,
    "SUMMARY.md": CONTENTS,
    "regularisation/README.md": CHAPTER
})


def test_the_table_of_contents_makes_no_card(shared):
    """SUMMARY.md, headings over lists of links to the pages, is where things are: no card of it."""
    cards = shared.cards(GITBOOK_3)
    assert not [c for c in cards if "SUMMARY" in c["source"]["path"]]
    assert any("zeroes each hidden unit" in c["back"] for c in cards)


GITBOOK_4 = NOTES.add({
    ".gitbook.yaml": GITBOOK,
    "batch-norm.md": (
        "# Batch norm\n\n## At test time\n\nBatch norm switches to running averages of the mean and variance "
        "collected during training.\n\n"
        '{% hint style="warning" %}\nForgetting to call eval() keeps batch statistics at inference, so '
        "predictions change with the batch they arrive in.\n{% endhint %}\n")
})


def test_a_hint_is_a_callout_and_its_tags_show_nothing(shared):
    """`{% hint style="warning" %}` … `{% endhint %}` is a warning box: its card says so, and no tag shows."""
    made = shared.backs_by_front(GITBOOK_4)
    assert "{%" not in _text(made)
    assert any("Warning" in front and "keeps batch statistics" in back for front, back in made.items())


GITBOOK_5 = NOTES.add({
    ".gitbook.yaml": GITBOOK,
    "losses.md": (
        '# Losses\n\n## Label smoothing <a href="#ls" id="ls"></a>\n\nLabel smoothing mixes the one-hot target '
        "with a uniform distribution, which keeps the logits from growing without bound.\n")
})


def test_heading_anchors_leave_the_fronts(shared):
    """`## Label smoothing <a href="#ls" id="ls"></a>`: GitBook's anchor for links shows nothing on a front."""
    made = shared.backs_by_front(GITBOOK_5)
    assert "<a" not in "\n".join(made)
    assert any(front.endswith("Label smoothing") for front in made)


def test_an_anchored_heading_keeps_its_cards_id(tmp_path):
    """The front without its anchor keeps the id the card had with it (its reviews stay)."""
    page = ('# Losses\n\n## Label smoothing <a href="#ls" id="ls"></a>\n\nLabel smoothing mixes the one-hot target '
            "with a uniform distribution, which keeps the logits from growing without bound.\n")
    plain = page.replace(' <a href="#ls" id="ls"></a>', "")
    anchored = {c["back"]: c["id"] for c in _cards(tmp_path / "a", {"losses.md": page})}
    bare = {c["back"]: c["id"] for c in _cards(tmp_path / "b", {"losses.md": plain})}
    assert anchored and set(anchored) == set(bare)
    assert all(anchored[back] != bare[back] for back in anchored)  # (the id is the anchored front's, as before)


GITBOOK_6 = NOTES.add({
    ".gitbook.yaml": GITBOOK,
    "softmax.md": (
        "# Softmax\n\nSoftmax turns a vector of scores into probabilities by exponentiating and normalising, "
        "so $$\\sum_i p_i = 1$$ always holds.\n\n"
        '{% tabs %}\n{% tab title="NumPy" %}\n{% code title="softmax.py" %}\n```python\n'
        "e = np.exp(z - z.max())\n```\n{% endcode %}\n{% endtab %}\n{% endtabs %}\n\n"
        '{% embed url="https://example.org/softmax" %}\n\n'
        '<figure><img src="a.png" alt=""><figcaption><p>Scores against probabilities.</p></figcaption></figure>\n')
})


def test_tabs_code_frames_and_embeds_show_what_gitbook_shows(shared):
    """Tabs titled by their labels, a code frame's fence, an embed as its link, a <figure> as its picture: no tag
    is left on any card, and a sentence's `$$…$$` math stays in it."""
    made = _text(shared.backs_by_front(GITBOOK_6))
    assert "{%" not in made and "<figure" not in made and "figcaption" not in made
    assert "\\sum_i p_i = 1" in made


def test_a_question_headings_section_past_its_answer_makes_cards(tmp_path):
    """"## Which optimiser for fine-tuning?" answered by a table, then paragraphs of their own: the table answers
    the question, and what the paragraphs say is on cards too (it was on none)."""
    filler = " ".join(["The table sums up what people found in practice over many runs."] * 10)
    page = ("# Optimisers\n\n## Which optimiser for fine-tuning?\n\n"
            "| | SGD | AdamW |\n| --- | --- | --- |\n| memory | one buffer | two buffers |\n"
            "| tuning | sensitive to the step size | forgiving |\n\n" + filler + "\n\n"
            "Caveat: with a small batch, **SGD often generalises slightly better** at the end of a long run, "
            "even though AdamW reaches a low loss sooner.\n")
    made = _text(_wiki(tmp_path, {"optimisers.md": page}))
    assert "two buffers" in made
    assert "generalises slightly better" in made


TREES = NOTES.add({
    "trees.md": (
        "# Trees\n\n## Why prune a grown tree?\n\n"
        + " ".join(["A fully grown tree fits the noise of its training set, leaf by leaf."] * 9) + "\n\n"
        "My own example to check it: a parent with 30 and 30.\n\n"
        "- left child (25, 5) and right child (5, 25) both look clean\n\n"
        "Both children then split again on a single point each.\n")
})


def test_a_worked_example_past_the_answer_makes_no_card(shared):
    """Past a question heading's answer, a paragraph labelled as an example ("My own example: …") and what follows
    it work that example: no card of them."""
    made = _text(shared.backs_by_front(TREES))
    assert "left child (25, 5)" not in made
