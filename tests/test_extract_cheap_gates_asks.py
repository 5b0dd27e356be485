"""Cheap tests before the patterns a bullet's subject question and a back's notes to self are asked by must answer
as the patterns alone did: checked on every short bullet or back made of the words and characters that matter."""

import itertools
import random
import re


def _texts(pieces: list[str], longest_all: int = 3, random_count: int = 5_000, seed: int = 7) -> list[str]:
    texts = ["".join(p) for n in range(longest_all + 1) for p in itertools.product(pieces, repeat=n)]
    rng = random.Random(seed)
    return texts + ["".join(rng.choice(pieces) for _ in range(rng.randint(3, 12))) for _ in range(random_count)]


def test_a_bullet_without_a_cue_asks_what_claim_asks_would(monkeypatch):
    from mlwiki.extract import subject_asks

    subjects = ["Adam ", "**Dropout** ", "The optimizer ", "Under what conditions ", "PyG "]
    verbs = ["converges ", "implements ", "provides ", "works ", "has "]
    rest = ["to the optimum", " when ", " under ", " if ", "the layer", " via ", "GCNConv", " using ", "a method",
            ", called ", "a ", "`x`", "torch.nn", "f(x)", "hs=1", "state_dict", " in ", " with ", "layer ", "."]
    bullets = [s + v + r for s in subjects for v in verbs for r in _texts(rest, longest_all=2, random_count=600)]
    gated = [subject_asks.subject_question(text) for text in bullets]
    monkeypatch.setattr(subject_asks, "_MAY_BE_ASKED", re.compile(""))  # (every bullet asked of claim_asks)
    assert gated == [subject_asks.subject_question(text) for text in bullets]


def test_a_back_is_read_for_notes_where_the_whole_hint_finds_one():
    from mlwiki.extract import selfnotes
    from mlwiki.extract.anyof import AnyOf

    whole = AnyOf(f"{selfnotes._NOTE_HINT.pattern}|{selfnotes._LEGEND_HINT.pattern}")
    pieces = ["✅", "=", "= ", " =", " = ", "read", ", ", "📖", "\t", "x", "$", "(", "later", "[[", "\n", " "]
    for text in _texts(pieces, longest_all=3, random_count=20_000):
        low = text.lower()
        gated = selfnotes._NOTE_HINT.search(low) or ("= " in low and bool(selfnotes._LEGEND_HINT.search(low)))
        assert bool(gated) == whole.search(low), repr(text)
