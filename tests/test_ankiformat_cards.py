"""Anki's columns written without the libraries that define them: an mlwiki note's Anki GUID is genanki's
`guid_for(note id)`, as every export has written it (any id, ASCII or not, short or long), and a card's `data`
is the JSON of its memory state, byte for byte."""

from __future__ import annotations

import json
import math
import random

import genanki

from mlwiki.ankiformat.cards import memory_data, note_guid


def test_note_guids_are_genankis():
    rng = random.Random(27)
    alphabet = "abcdef0123456789-_:/ ·éß∑λ学😀"
    ids = ["", "a", "0" * 200, "notes/ml/adam.md#q3", "9a0dc33c60b29ecd"]
    ids += ["".join(rng.choice(alphabet) for _ in range(rng.randrange(1, 40))) for _ in range(5000)]
    assert [note_guid(i) for i in ids] == [genanki.guid_for(i) for i in ids]


def test_memory_data_is_the_json_of_the_memory_state():
    rng = random.Random(27)
    values = [0.1, 1.0, 2.5, 12.3456789, 36500.0, 1e-05, 123456789.123, 3, 10.0, 5.00005, -0.0]
    values += [rng.uniform(0.01, 40000) for _ in range(2000)] + [rng.uniform(1, 10) for _ in range(500)]
    for k, stability in enumerate(values):
        difficulty = values[-1 - k]
        for lrt in (None, 0, 1772280000):
            assert memory_data(stability, difficulty, lrt) == json.dumps(
                {"s": round(stability, 4), "d": round(difficulty, 4), "lrt": lrt}, separators=(",", ":"))
    assert memory_data(math.inf, 5.0, None) == '{"s":Infinity,"d":5.0,"lrt":null}'
