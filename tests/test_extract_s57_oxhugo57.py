"""Org notes exported to Hugo by ox-hugo (session 57, oxhugo57): a page with no contents or to-do span still read
as ox-hugo's, its to-do headings and items as the writer's tasks, a footnote on a citation as the source's, and two
general rules its notes showed (a "Suppose" that only names symbols before a general formula, a heading "Why it is
hard"). Every note is written to one wiki in tmp_path, scanned once through the CLI (`cards --json`); each test
reads the cards of its own note."""

from __future__ import annotations

import json

import pytest

from conftest import new_wiki, run

CONFIG = 'name = "T"\nformulas = "display"\ndefinitions = true\nsections = true\n[review]\ntimezone = "UTC"\n'
NOTES: dict[str, str] = {}  # (path below notes/ → text: each test's note, filled in below)
FRONT = '+++\ntitle = "{}"\nauthor = ["Me"]\ndraft = false\n+++\n\n'


@pytest.fixture(scope="module")
def cards(tmp_path_factory) -> list[dict]:
    """`mlwiki cards --json` of a wiki holding every note of this module."""
    root = new_wiki(tmp_path_factory.mktemp("oxhugo57"), NOTES, CONFIG)
    return json.loads(run(root, "cards", "--json", ok=True).output)


def _made(cards: list[dict], rel: str) -> dict[str, str]:
    """{front: back} of the cards of the note `rel`."""
    return {c["front"]: c["back"] for c in cards if c["source"]["path"] == f"notes/{rel}"}


def _text(made: dict[str, str]) -> str:
    return "\n".join(made) + "\n" + "\n".join(made.values())


NO_CONTENTS = FRONT.format("Bootstrap") + (
    "## Resampling {#resampling}\n\n"
    "Each bootstrap replicate draws \\\\(n\\\\) rows with replacement from the \\\\(n\\\\) observed rows.\n\n"
    "The bias estimate compares the replicates' mean statistic with the original one:\n\n"
    "\\\\[ \\hat{b}\\_{boot} = \\bar{\\theta}^\\* - \\hat{\\theta} \\\\]\n\n"
    '<div class="note">\n\nA replicate leaves out about 37% of the rows, which gives out-of-bag estimates.\n\n</div>\n')
NOTES["content/posts/bootstrap.md"] = NO_CONTENTS


def test_a_page_with_only_special_blocks_is_read_as_ox_hugo(cards):
    """ox-hugo writes a contents box or a to-do span only when the Org file has them; a page with neither is still
    its export when it holds an Org special block's `<div class="note">` alone on its line: its math reads as written
    in Org (no `\\_`) and the block is a box, not a `<div>` on a card."""
    text = _text(_made(cards, "content/posts/bootstrap.md"))
    assert "\\hat{b}_{boot}" in text and "\\_" not in text
    assert "<div" not in text


TASKS = FRONT.format("Calibration") + (
    "## Temperature scaling {#temperature-scaling}\n\n"
    "Temperature scaling divides every logit by one learned scalar before the softmax.\n\n"
    '## <span class="org-todo todo TODO">TODO</span> Try the reliability diagram notebook {#try}\n\n'
    "The notebook bins predictions into fifteen buckets of equal width.\n\n"
    "## Log {#log}\n\n"
    '-   <span class="org-todo todo TODO">TODO</span> rerun the sweep with three fresh seeds before trusting it.\n'
    '-   <span class="org-todo done DONE">DONE</span> swap the validation fold for the held-out split.\n')
NOTES["content/posts/calibration.md"] = TASKS


def test_an_open_to_do_heading_that_bids_and_to_do_items_are_tasks(cards):
    """An Org heading in an open to-do state whose words bid ("TODO Try the … notebook") is work the writer means
    to do: its section is no card. An item that opens on a to-do span is a task box, kept off the cards like
    `- [ ] …`; the section of facts beside them keeps its card."""
    made = _made(cards, "content/posts/calibration.md")
    text = _text(made)
    assert "fifteen buckets" not in text
    assert "rerun the sweep" not in text and "held-out split" not in text
    assert any("divides every logit" in back for back in made.values())


CITED = FRONT.format("Dropout") + (
    "Main source: Srivastava et al., _Dropout: A Simple Way to Prevent Overfitting_, 2014[^fn:1].\n\n"
    "## Training {#training}\n\n"
    "Dropout zeroes each hidden unit independently with probability \\\\(p\\\\) at every training step.\n\n"
    "[^fn:1]: I only skimmed the part about restricted Boltzmann machines and left the appendix for later.\n")
NOTES["content/posts/dropout.md"] = CITED


def test_a_footnote_on_a_citation_is_no_card(cards):
    """A footnote whose mark ends a citation (right after its year) speaks of that source: it is no card of its own
    ("Footnote: [...]"), though it is written in sentences with no year or link of its own."""
    text = _text(_made(cards, "content/posts/dropout.md"))
    assert "Footnote" not in text and "skimmed" not in text


SYMBOLS = FRONT.format("Collisions") + (
    "## Birthday bound {#birthday-bound}\n\n"
    "Suppose a hash maps keys uniformly into \\\\(m\\\\) buckets. Chance that \\\\(k\\\\) keys land in distinct "
    "buckets:\n\n"
    "\\\\[ P(\\text{distinct}) = \\prod\\_{i=0}^{k-1} \\left(1 - \\frac{i}{m}\\right) \\\\]\n")
NOTES["content/posts/collisions.md"] = SYMBOLS


def test_a_suppose_that_names_only_symbols_sets_up_a_general_formula(cards):
    """"Suppose …" before a formula sets up a worked example when it gives values; one that only names symbols and
    is followed by a sentence naming what the formula gives states a general result: its formula is a card."""
    made = _made(cards, "content/posts/collisions.md")
    assert any("\\prod" in back and "distinct" in back for back in made.values()), made


HARD = FRONT.format("Causal discovery") + (
    "## Why it is hard {#why-it-is-hard}\n\n"
    "-   many graphs imply the same conditional independences (a Markov equivalence class).\n"
    "-   the number of candidate graphs grows super-exponentially with the number of variables.\n")
NOTES["content/posts/discovery.md"] = HARD


def test_a_heading_why_it_is_hard_asks_why_the_subject_is_hard(cards):
    """A heading "Why it is hard" under a subject asks "Why is <subject> hard?" (it was read as the verb "i" with an
    "s": "Why does … i hard?")."""
    fronts = "\n".join(_made(cards, "content/posts/discovery.md"))
    assert "Why is Causal discovery hard?" in fronts
    assert " i hard" not in fronts


BOXED = FRONT.format("Kernel density estimation") + (
    "## Definition {#definition}\n\n"
    '<div class="definition">\n\n'
    "A kernel density estimate is an average of one smooth bump centred on each observed sample.\n\n"
    "</div>\n\n"
    "Its bandwidth sets how wide every bump is.\n")
NOTES["content/posts/kde.md"] = BOXED


def test_an_untitled_definition_box_under_a_heading_definition_asks_its_subject(cards):
    """An untitled definition box (Org's `#+begin_definition`) under a heading that only says "Definition" was asked
    "… › Definition › Definition"; the subject it opens on ("A kernel density estimate is …") is the page's, so it
    asks "What is a kernel density estimate?" (its id kept)."""
    made = _made(cards, "content/posts/kde.md")
    asked = [front for front, back in made.items() if back.startswith("A kernel density estimate is")]
    assert asked and asked[0].endswith("What is a kernel density estimate?"), made
    assert not any(front.endswith("Definition › Definition") for front in made)


def test_a_to_do_state_on_a_topic_heading_is_no_task_box(cards):
    """A topic heading in a to-do state keeps its section, its words only: the state is no task box on it."""
    made = _made(cards, "content/posts/states.md")
    assert any(front.endswith("States › Shrinkage") for front in made), made
    assert "[ ]" not in _text(made)


NOTES["content/posts/states.md"] = FRONT.format("States") + (
    '## <span class="org-todo todo TODO">TODO</span> Shrinkage {#shrinkage}\n\n'
    "Ridge regression shrinks every coefficient towards zero by the same factor in an orthonormal design.\n")
