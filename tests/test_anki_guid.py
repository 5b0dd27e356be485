"""An mlwiki note's Anki GUID is genanki's `guid_for(note id)`, as every export has written it, computed without
genanki (mlwiki.ankiformat.cards.note_guid): any id, ASCII or not, short or long."""

from __future__ import annotations

import random

import genanki

from mlwiki.ankiformat.cards import note_guid


def test_note_guids_are_genankis():
    rng = random.Random(27)
    alphabet = "abcdef0123456789-_:/ ·éß∑λ学😀"
    ids = ["", "a", "0" * 200, "notes/ml/adam.md#q3", "9a0dc33c60b29ecd"]
    ids += ["".join(rng.choice(alphabet) for _ in range(rng.randrange(1, 40))) for _ in range(5000)]
    assert [note_guid(i) for i in ids] == [genanki.guid_for(i) for i in ids]
