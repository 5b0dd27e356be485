"""Starlight's `<Aside>` and Docusaurus's `<Admonition>` in an MDX page are callouts of their type under their
title (session 51); before, their text ran on into the section's card. Notes written to tmp_path, read through
the CLI."""

from __future__ import annotations

import pytest


from shared_notes import Scanned, SharedNotes

CONFIG = 'name = "T"\nsections = true\n[review]\ntimezone = "UTC"\n'

PAGE = """---
title: Dropout
---
import { Aside } from '@astrojs/starlight/components';

Dropout zeroes each activation with probability p during training and rescales the survivors by 1/(1-p).

<Aside type="caution" title="Before batch norm">
Dropout right before batch norm shifts the statistics the norm layer learned during training.
</Aside>

<Aside type="tip">At test time nothing is dropped, and thanks to the rescaling no weight needs changing.</Aside>

<Admonition type="note" title="Origin">
Srivastava and colleagues described dropout as training an ensemble of thinned networks.
</Admonition>
"""


NOTES = SharedNotes(CONFIG)  # every test's notes, in wikis scanned once for the module


@pytest.fixture(scope="module")
def shared(tmp_path_factory) -> Scanned:
    return NOTES.scan(tmp_path_factory)


DROPOUT = NOTES.add({"dropout.mdx": PAGE})


def test_asides_and_admonitions_are_callouts(shared):
    made = shared.cards(DROPOUT)
    caution = next(c for c in made if "shifts the statistics" in c["back"])
    assert caution["front"].endswith("Before batch norm") and "rescales the survivors" not in caution["back"], made
    assert any("no weight needs changing" in c["back"] and "Tip" in c["front"] for c in made), made
    assert any(c["front"].endswith("Origin") and "thinned networks" in c["back"] for c in made), made
    assert not any("rescales the survivors" in c["back"] and "thinned" in c["back"] for c in made), made
