"""A Docusaurus site's notes, second pass (session 46, docusaurus22b): `init` reads its docs and blog, not its
React source; an untitled admonition is titled by its main clause's subject; the writer's story, the page's state
and calendar are on no card; the sentence after a formula its own paragraph introduced is that formula's; a
"Related" list of bold-led bullets makes its cards. Notes written into tmp_path, read back through the CLI."""

from __future__ import annotations

import pytest

import json
from pathlib import Path

from click.testing import CliRunner

from mlwiki.cli import cli
from mlwiki.config import load_config
from shared_notes import Scanned, SharedNotes

CONFIG = 'name = "T"\nformulas = "display"\ndefinitions = true\nsections = true\n[review]\ntimezone = "UTC"\n'


def sides_of(made: dict[str, str]) -> str:
    return "\n".join(f"{front}\n{back}" for front, back in made.items())


def test_init_reads_a_docusaurus_sites_docs_and_blog_not_its_source(tmp_path: Path):
    """A Docusaurus site keeps its pages in docs/ and blog/ beside src/ (React components, whose READMEs are
    Markdown), static/ and the build: init took the whole folder, so those made cards too."""
    (tmp_path / "docusaurus.config.js").write_text("module.exports = {title: 'Notes'};\n", encoding="utf-8")
    pages = {"docs/pooling.md": "# Pooling\n\nQ: What does max pooling keep?\nA: The largest value of each window.\n",
             "blog/2025-01-02-first.md": "# First post\n\nQ: Why pool at all?\nA: To cut the map's size.\n",
             "src/components/Card/README.md": "# Card\n\nQ: Which props does it take?\nA: A title and a body.\n",
             "static/img/notes.md": "# Img\n\nQ: Which folder?\nA: The static one.\n"}
    for rel, text in pages.items():
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text(text, encoding="utf-8")
    assert CliRunner().invoke(cli, ["init", str(tmp_path)]).exit_code == 0
    assert "src/**" in load_config(tmp_path).exclude
    made = json.loads(CliRunner().invoke(cli, ["--root", str(tmp_path), "cards", "--json"]).output)
    assert {c["source"]["path"] for c in made} == {"docs/pooling.md", "blog/2025-01-02-first.md"}, made


NOTES = SharedNotes(CONFIG)  # every test's notes, in wikis scanned once for the module


@pytest.fixture(scope="module")
def shared(tmp_path_factory) -> Scanned:
    return NOTES.scan(tmp_path_factory)


WARMUP = NOTES.add({
    "warmup.md": (
        "# Learning-rate warmup\n\n## Schedules\n\nWarmup ramps the rate linearly over the first few thousand "
        "steps.\n\n:::warning\nSince Keras scales the rate by its own step counter, resuming a run from a "
        "checkpoint also changes where the warmup ends unless that counter is restored too.\n:::\n")
})


def test_an_untitled_warning_opening_on_a_reason_is_titled_by_its_main_clause(shared):
    """"Since X does …, Y …": the words before the first verb are the reason's ("Since Keras"), a title cut after two
    words; what the warning is about is the main clause's subject."""
    made = shared.backs_by_front(WARMUP)
    front = next((f for f, b in made.items() if "where the warmup ends" in b), "")
    assert front.endswith("Warning: resuming a run from a checkpoint"), made


CONV = NOTES.add({
    "conv.md": (
        "# Convolutions\n\nBegun during the vision course: I could never remember which padding keeps the size "
        "and which shrinks it.\n\n## Padding\n\n'Same' padding keeps the spatial size for stride one, 'valid' "
        "padding shrinks it by the kernel size minus one.\n")
})


def test_a_labelled_line_that_tells_the_writers_story_is_no_card(shared):
    """"Begun during the vision course: I could never remember …": the label's text is the writer's own story."""
    made = shared.backs_by_front(CONV)
    sides = sides_of(made)
    assert "could never remember" not in sides, made
    assert "shrinks it by the kernel size" in sides, made


FLOWS = NOTES.add({
    "flows.md": (
        "# Normalising flows\n\n:::caution[Rough page]\nFrom week 4 and the survey. Needs rewriting; derivations "
        "verified.\n:::\n\nA flow maps a simple base density through invertible layers and tracks the change of "
        "volume with the Jacobian determinant.\n")
})


def test_a_box_on_the_pages_state_is_no_card(shared):
    """A titled box saying where the page comes from and what it still needs is the writer's bookkeeping."""
    made = shared.backs_by_front(FLOWS)
    sides = sides_of(made)
    assert "Needs rewriting" not in sides and "Rough page" not in sides, made
    assert "invertible layers" in sides, made


PAPERS = NOTES.add({
    "papers.md": (
        "# Papers\n\n## Up next\n\n- [ ] Lottery tickets\n- [ ] Grokking\n\n:::note\nJournal club: pruning on "
        "11-07, my turn = the magnitude baseline.\n:::\n")
})


def test_a_reading_lists_queue_and_its_meeting_date_are_no_card(shared):
    """Under a reading list's queue, a note of the writer's turn at a meeting on a date is their calendar."""
    made = shared.backs_by_front(PAPERS)
    assert "Journal club" not in sides_of(made), made


MOMENTUM = NOTES.add({
    "momentum.md": (
        "# Momentum\n\n## Variants\n\nPlain momentum keeps a running sum of past gradients and steps along it, "
        "which speeds travel along shallow valleys and damps zig-zag across steep ones.\n\n**Nesterov** looks "
        "ahead before it steps:\n\n$$\nv_{t+1} = \\mu v_t - \\eta \\nabla L(w_t + \\mu v_t)\n$$\n\n"
        "Each correction now uses the gradient at the look-ahead point, not at the current weights.\n")
})


def test_a_sentence_after_a_formula_its_own_paragraph_introduced_is_that_formulas(shared):
    """"Nesterov looks ahead before it steps: / $$…$$ / Each step now …": the closing sentence speaks of the formula
    its paragraph introduced; it joined the card of the section's opening paragraph, about plain momentum, as if it
    went on from there."""
    made = shared.backs_by_front(MOMENTUM)
    opening = next((b for b in made.values() if "running sum of past gradients" in b), "")
    formula = next((b for b in made.values() if "\\mu v_t - \\eta" in b), "")
    assert "look-ahead point" not in opening, made
    assert "look-ahead point" in formula, made


DROPOUT = NOTES.add({
    "dropout.md": (
        "# Dropout\n\n## Idea\n\nDropout zeroes random units during training so that no unit can rely on "
        "another.\n\n## Related\n\n- **DropBlock** (Ghiasi et al. 2018) zeroes contiguous squares of a feature "
        "map, since neighbouring activations carry the same signal.\n- **Zoneout** keeps some recurrent units at "
        "their previous value instead of zeroing them.\n")
})


def test_a_related_list_of_bold_led_bullets_makes_a_card_per_bullet(shared):
    """"## Related" over "- **Term** (Author 2019) does …": each bullet says what a related method does; the
    heading names no subject, so the list made no card at all."""
    made = shared.backs_by_front(DROPOUT)
    assert any("contiguous squares" in b for f, b in made.items() if "DropBlock" in f), made
    assert any("previous value" in b for f, b in made.items() if "Zoneout" in f), made


TABS_PAGE = """---
title: Gradient checkpointing
---

import Tabs from '@theme/Tabs';
import TabItem from '@theme/TabItem';

## Memory

Checkpointing stores only some activations in the forward pass and recomputes the rest during the backward pass.

<Tabs groupId="lib">
  <TabItem value="torch" label="Torch" default>

```python
out = checkpoint(block, x, use_reentrant=False)
```

The non-reentrant variant also works with keyword arguments and nested checkpoints, and it is the one
the library recommends for new code.

  </TabItem>
  <TabItem value="paper" label="Paper">

In the paper the memory cost grows with the square root of the depth when every segment is recomputed once.

  </TabItem>
</Tabs>
"""


CKPT = NOTES.add({"ckpt.mdx": TABS_PAGE})


def test_a_tab_of_a_set_that_holds_code_is_titled_by_what_its_text_is_about(shared):
    """The tabs of a set that shows code ("Torch", "Paper") are one thing in several libraries or sources: the label
    alone ("… › Memory › Torch") asked nothing; the front names what the tab's text is about, as an untitled
    warning's does, and keeps the card's id."""
    made = shared.backs_by_front(CKPT)
    torch = next((f for f, b in made.items() if "works with keyword arguments" in b), "")
    paper = next((f for f, b in made.items() if "square root of the depth" in b), "")
    assert torch.endswith("Torch: the non-reentrant variant"), made
    assert paper.endswith("Paper: the memory cost"), made


BN = NOTES.add({
    "bn.md": (
        "# Batch norm\n\n## Pitfalls\n\n- Tiny batches → noisy statistics; use group norm instead.\n"
        "- **Stale statistics**: running averages from an earlier data distribution after fine-tuning.\n"
        "- Forgetting to switch to evaluation mode makes predictions depend on the rest of the batch.\n"
        "- Placing it after dropout shifts the variance it sees between training and testing.\n")
})


def test_a_facet_question_names_the_items_carded_beside_it(shared):
    """"## Pitfalls" whose first items became cards of their own ("… › Pitfalls › Leaky validation", "Define: Stale
    statistics") left a card asking "What are the pitfalls of X?" over the rest: answerable many ways. The
    question now names what the other cards hold, and keeps its id."""
    made = shared.backs_by_front(BN)
    front = next((f for f, b in made.items() if "evaluation mode" in b), "")
    assert front.split("\n\n")[1] == "Besides tiny batches and stale statistics, what are the pitfalls of batch " \
                                        "norm?", made  # (over the rest of the list: a card per pitfall, session 47)
