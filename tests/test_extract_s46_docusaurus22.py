"""A Docusaurus site's notes (session 46): its `.mdx` pages are notes, read as the Markdown they show, and its page
furniture (imports, JSX comments, the blog's truncate marker) is on no card. Notes written into tmp_path, read back
through the CLI as a learner meets the cards."""

from __future__ import annotations

import pytest

import json

from conftest import new_wiki, run
from shared_notes import Scanned, SharedNotes

CONFIG = 'name = "T"\nformulas = "display"\ndefinitions = true\nsections = true\n[review]\ntimezone = "UTC"\n'

MDX_PAGE = """---
title: Gradient clipping
---

import Tabs from '@theme/Tabs';
import TabItem from '@theme/TabItem';
import ClipDemo from '!!raw-loader!@site/src/clip_demo.py';

export const Mark = ({children}) => (
  <b style={{color: 'tomato'}}>{children}</b>
);

Clipping by norm rescales the whole gradient <Mark>and keeps its direction</Mark>, while clipping by value
changes the direction.

{/* ask: does Adam make clipping pointless? */}

## In code {#in-code}

<Tabs groupId="lib">
  <TabItem value="torch" label="Torch" default>

Torch clips in place with `clip_grad_norm_`, which returns the norm before clipping.

  </TabItem>
  <TabItem value="jax">

Optax chains a clipping transform in front of the optimiser.

  </TabItem>
</Tabs>

<CodeBlock language="python" title="clip_demo.py">{ClipDemo}</CodeBlock>

<Figure src="/img/clip.png" caption="norms over training" />
"""


NOTES = SharedNotes(CONFIG)  # every test's notes, in wikis scanned once for the module


@pytest.fixture(scope="module")
def shared(tmp_path_factory) -> Scanned:
    return NOTES.scan(tmp_path_factory)


CLIPPING = NOTES.add({"clipping.mdx": MDX_PAGE})


def test_an_mdx_page_is_a_note_read_as_the_markdown_it_shows(shared):
    """Docusaurus writes its richest pages as `.mdx`: they made no card at all. Read as Markdown, its imports,
    exported components and comments show nothing, a component's wrapped text shows as text, and a self-closing
    component or one holding only a script value shows nothing."""
    made = shared.backs_by_front(CLIPPING)
    sides = "\n".join(f"{front}\n{back}" for front, back in made.items())
    assert "rescales the whole gradient and keeps its direction" in sides, made
    for furniture in ("import", "export", "Mark", "{/*", "Adam make clipping", "ClipDemo", "Figure", "{#in-code}",
                      "TabItem", "groupId"):
        assert furniture not in sides, (furniture, made)


CLIPPING_2 = NOTES.add({"clipping.mdx": MDX_PAGE})


def test_an_mdx_tab_is_titled_by_its_label(shared):
    """A `<TabItem label="…">` of `<Tabs>` is a tab, as a MyST tab-item is: its label titles its text (its value when
    it has no label), each tab a card of its own."""
    made = shared.backs_by_front(CLIPPING_2)
    torch = next((front for front, back in made.items() if "returns the norm before clipping" in back), "")
    optax = next((front for front, back in made.items() if "chains a clipping transform" in back), "")
    assert torch.endswith("Torch") and optax.endswith("jax"), made


def test_check_counts_an_mdx_page_as_a_note(tmp_path):
    """`check` reads what the scan reads: the `.mdx` page is one of its notes."""
    root = new_wiki(tmp_path, {"clipping.mdx": MDX_PAGE, "plain.md": "# Plain\n\nNothing here is a card.\n"},
                    CONFIG)
    report = json.loads(run(root, "check", "--json").output)
    assert report["notes"] == 2, report


WARM = NOTES.add({
    "blog/warm.md": (
        "---\ntitle: Warm restarts\n---\n\nRestarting the cosine schedule lets the run leave a sharp basin "
        "it settled into.\n\n<!-- truncate -->\n\n## Period\n\nEach restart doubles the period in the SGDR "
        "paper.\n{/* is doubling what\n   everyone uses? */}\n")
})


def test_docusaurus_furniture_in_a_markdown_page_is_no_text(shared):
    """Docusaurus reads `.md` pages as MDX too: the blog's `<!-- truncate -->` marker and `{/* … */}` comments (the
    writer's open questions) showed on the backs of the cards above them."""
    made = shared.backs_by_front(WARM)
    sides = "\n".join(f"{front}\n{back}" for front, back in made.items())
    assert "leave a sharp basin" in sides and "doubles the period" in sides, made
    assert "truncate" not in sides and "{/*" not in sides and "everyone uses" not in sides, made


DATA = NOTES.add({"data.md": "# Data\n\nImport the raw logs once, then export only the cleaned columns to the feature store.\n"})


def test_an_import_sentence_in_prose_stays(shared):
    """Only a statement is furniture: a sentence that opens on "Import" or "export" in a Markdown note is text."""
    made = shared.backs_by_front(DATA)
    assert any("export only the cleaned columns" in back for back in made.values()), made


INDEX = NOTES.add({
    "index.md": (
        "# Optimisers\n\n## Pages\n\n| Page | About | Done |\n|---|---|---|\n"
        "| [Momentum](./momentum.md) | velocity that averages past steps | ✅ |\n"
        "| [Adam](./adam.md) | per-weight step sizes from moments | 🟡 |\n"
        "| [Lion](./lion.md) | the sign of an interpolated momentum | 🔴 |\n\n"
        "## Compared\n\n| Optimiser | What it keeps per weight |\n|---|---|\n"
        "| Momentum | one velocity that averages the past gradients |\n"
        "| Adam | two running moments of the gradient and its square |\n")
})


def test_a_site_map_of_pages_with_their_progress_is_no_card(shared):
    """A site's front page maps its pages in a table, a link to each page, a line of what it holds and how far the
    writer got (✅, 🟡, 🔴): every row was a "Gist, Status?" card. Where things are is no fact; a table of the
    subjects themselves still makes its cards."""
    made = shared.backs_by_front(INDEX)
    sides = "\n".join(f"{front}\n{back}" for front, back in made.items())
    assert "averages past steps" not in sides and "🟡" not in sides, made
    assert "two running moments" in sides, made


SWEEP = NOTES.add({
    "sweep.md": (
        "# Label noise sweep\n\n## Runs\n\n| run | noise | val loss | val acc |\n|---|---|---|---|\n"
        "| A | 0 | 0.41 | 88.2 |\n| B | 0 | 0.63 | 84.0 |\n| C | 0, rate x3 after ep. 30 | 0.58 | 85.1 |\n\n"
        "## Lesson\n\nSymmetric label noise costs accuracy roughly in proportion to the noise rate.\n")
})


def test_a_log_of_the_writers_runs_is_no_card(shared):
    """A post's table of the writer's own runs (run A, B, C with their losses and accuracies) made a card per
    column of numbers and per odd cell ("Runs › C › lr"): one experiment's record, nothing to recall."""
    made = shared.backs_by_front(SWEEP)
    sides = "\n".join(f"{front}\n{back}" for front, back in made.items())
    assert "88.2" not in sides and "val loss" not in sides and "after ep. 30" not in sides, made
    assert any("in proportion to the noise rate" in back for back in made.values()), made


NOTES_TEMPLATE = NOTES.add({
    "notes-template.md": (
        "---\ntitle: 'Template: method note'\n---\n\n# METHOD NAME (YEAR)\n\n"
        "**Code:** github.com/OWNER/REPO · **Read on:** YYYY-MM-DD\n\n## Main idea\n\n## Weak points\n")
})


def test_a_page_titled_as_a_template_is_no_card(shared):
    """A copy-paste skeleton kept among the notes, titled "Template: …" in its front matter: its placeholders
    ("**Link:** arXiv:XXXX · **Read on:** YYYY-MM-DD") made a "Define: Link" card."""
    made = shared.backs_by_front(NOTES_TEMPLATE)
    assert not any("YYYY" in back or "OWNER" in back for back in made.values()), made


BATCHES = NOTES.add({
    "batches.md": (
        "# Batches\n\n## Scaling\n\nWhen the batch grows by a factor $k$, grow the step size by the same factor "
        "so their ratio stays put. Warm up for a few epochs first because the rule fails while the weights "
        "move fast. Beyond a threshold batch more examples buy nothing; one estimates that threshold by\n"
        "$B_c = \\mathrm{tr}(S)/\\lVert G\\rVert^2$.\n")
})


def test_the_sentences_before_a_formulas_introduction_are_a_card(shared):
    """A section that is one paragraph ending on a formula ("… one estimates it by $B = …$"): the formula card's
    front took the last sentences as the introduction, and the rule and advice the paragraph opened with were on
    no card."""
    made = shared.backs_by_front(BATCHES)
    sides = "\n".join(f"{front}\n{back}" for front, back in made.items())
    assert "grow the step size by the same factor" in sides and "Warm up" in sides, made
    assert any("tr}(S)" in back for back in made.values()), made


NORM = NOTES.add({
    "norm.md": (
        "# Norm\n\n## Statement\n\n**Definition**. Let $V$ be a vector space over the reals. A map on it is a "
        "norm when it satisfies\n\n$$\\lVert a v\\rVert = |a|\\,\\lVert v\\rVert$$\n")
})


def test_a_statements_set_up_before_its_formula_is_no_card(shared):
    """The lead before a formula is a fact the writer states, not a statement's set-up ("**Definition**. Let $X$ be
    a set …"), which says nothing alone."""
    made = shared.backs_by_front(NORM)
    assert not any(back.startswith("**Definition**. Let") for back in made.values()), made


MODIFIED = NOTES.add({
    "modified.md": (
        "# Modified loss\n\n## Caveat\n\nThe expansion in the step size holds only for a small rate, not at the\n"
        "[edge of stability](./eos.md).\n")
})


def test_a_link_that_ends_a_sentence_stays_on_the_back(shared):
    """A link on a line of its own was taken for a pointer to another note ("See [[Adam]]") and left off the back,
    even when it ended the sentence above: "… holds only for a small rate, not at the" was all the card said."""
    made = shared.backs_by_front(MODIFIED)
    assert any("not at the\n[edge of stability](./eos.md)." in back for back in made.values()), made


BN = NOTES.add({
    "bn.md": (
        "# Batch norm\n\n## Why it speeds training\n\n1. **Smoother loss** surface, so larger steps stay stable.\n"
        "2. **Less sensitivity** to the scale of the initial weights in each layer.\n"
        "3. **Scale invariance.** Rescaling the incoming weights changes nothing downstream:\n\n"
        "   $$\n   \\mathrm{BN}(c\\,Wx) = \\mathrm{BN}(Wx)\n   $$\n\n"
        "   so the gradient shrinks as the weights grow, which tames large updates.\n")
})


def test_a_numbered_list_of_reasons_is_not_asked_as_steps(shared):
    """A numbered list under "Why …" or "Drawbacks" lists reasons, in no order to learn: its card asked for
    "… › steps". It is asked by its heading (its id stays the one it had: `id_front`)."""
    cards = shared.cards(BN)
    reasons = next(card for card in cards if "Smoother loss" in card["back"])
    assert "steps" not in reasons["front"] and "Why it speeds training" in reasons["front"], cards
