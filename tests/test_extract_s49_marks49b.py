"""Cut titles and log rows (session 49, marks49b, the held24 judges): a callout's title taken from its first words
ends at a sentence's end, never inside the next sentence; a log's table rows (a date column, a status) make no
cards. Notes written to tmp_path, read back through the CLI."""

from __future__ import annotations

import pytest

from shared_notes import Scanned, SharedNotes

CONFIG = 'name = "T"\nformulas = "display"\ndefinitions = true\nsections = true\n[review]\ntimezone = "UTC"\n'


NOTES = SharedNotes(CONFIG)  # every test's notes, in wikis scanned once for the module


@pytest.fixture(scope="module")
def shared(tmp_path_factory) -> Scanned:
    return NOTES.scan(tmp_path_factory)


TL = NOTES.add({
    "tl.md": (
        "# Transfer learning\n\n## Schedules\n\nThe head is trained before the backbone is unfrozen.\n\n"
        "::: {.callout-warning}\n**Freeze the stem first.** Fine-tuning must not start with a random head: its "
        "large gradients wreck the pretrained features of the early layers within a few steps.\n:::\n")
})


def test_a_callout_title_ends_at_its_bold_first_sentence(shared):
    """'**Freeze the stem first.** Fine-tuning must …' is titled 'Freeze the stem first.', not '… first. Fine-tuning'."""
    made = shared.backs_by_front(TL)
    fronts = [f for f in made if "Warning" in f]
    assert fronts, made
    assert not any("first. Fine" in f for f in fronts), fronts


LOG = NOTES.add({
    "log.md": (
        "---\ntitle: Paper log - vision course\nupdated: 2023-11-02 09:14:00Z\ncreated: 2023-09-20 18:40:12Z\n"
        "tags:\n  - vision\n  - reading\n---\n\nPapers so far. ✔ = done, ~ = half.\n\n"
        "| date | paper | status | note |\n|---|---|---|---|\n"
        "| 03 Jan | Krizhevsky et al. 2012 | ✔ | the ReLU paper |\n| 09 Jan | He et al. 2016 | ~ | skipped the "
        "appendix |\n| 20 Jan | Dosovitskiy et al. 2021 | ✔ | |\n| 02 Feb | Liu et al. 2022 (ConvNeXt) | ✔ | |\n"
        "| 14 Feb | Tan & Le 2019 | ~ | |\n\n"
        "## Residual blocks\n\nA residual block adds its input to its output, so the identity is easy to learn "
        "and gradients reach early layers.\n")
})


def test_a_log_table_row_makes_no_card(shared):
    """A reading log's table of dated rows with a status ('12 Mar | Some paper | done') is the writer's record."""
    made = shared.backs_by_front(LOG)
    assert not any("date:" in back or "09 Jan" in back for back in made.values()), made
    assert any("identity is easy" in back for back in made.values()), made
