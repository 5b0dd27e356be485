"""Session 49, found while merging: the card of the paper a note's opening cites for its subject ("Transformer ›
Paper") took one id in every note, so a wiki kept only one of them and hid the others (they shared one row and one
review history). Notes written to tmp_path, read back through the CLI."""

from __future__ import annotations

import json

from conftest import new_wiki, run

CONFIG = 'name = "T"\nformulas = "display"\ndefinitions = true\nsections = true\n[review]\ntimezone = "UTC"\n'

NOTES = {
    "Transformer.md": 'Vaswani et al. 2017, "Attention Is All You Need". An encoder–decoder for translation with no '
                      "recurrence and no convolution, only attention and feed-forward layers.\n",
    "Batch norm.md": 'Ioffe & Szegedy 2015, "Batch Normalization". Each layer\'s inputs are normalised over the '
                     "mini-batch, then scaled and shifted by two learned parameters.\n",
}


def test_each_notes_paper_card_is_a_card_of_its_own(tmp_path):
    root = new_wiki(tmp_path, NOTES, CONFIG)
    cards = json.loads(run(root, "cards", "--json", ok=True).output)
    papers = {c["front"]: c for c in cards if c["front"].endswith(" › Paper")}
    assert set(papers) == {"Transformer › Paper", "Batch norm › Paper"}, [c["front"] for c in cards]
    assert papers["Batch norm › Paper"]["back"].startswith("Ioffe & Szegedy 2015")
    assert len({c["id"] for c in papers.values()}) == 2
    check = run(root, "check")
    assert "same card is also at" not in check.output, check.output
