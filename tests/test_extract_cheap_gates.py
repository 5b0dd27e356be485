"""Cheap tests put before the patterns tidy, facets, repeats and reading_progress ask of every card must answer as
the patterns alone did: each is checked against the pattern on every short text of the characters and words that
matter and on many random longer ones."""

import itertools
import random


def _texts(pieces: list[str], longest_all: int = 3, random_count: int = 20_000) -> list[str]:
    texts = ["".join(p) for n in range(longest_all + 1) for p in itertools.product(pieces, repeat=n)]
    rng = random.Random(41)
    return texts + ["".join(rng.choice(pieces) for _ in range(rng.randint(4, 20))) for _ in range(random_count)]


def test_the_day_or_an_announcement_is_found_where_the_patterns_find_one():
    from mlwiki.extract import tidy

    pieces = ["today", "tonight", "yesterday", "this ", "this", "morning", "week", "here", "here's", "here’s", " is",
              "post ", "does", "note", "shows", " ", "x", "s", "\n", "ő"]
    for text in _texts(pieces, longest_all=3, random_count=30_000):
        low = text.lower()
        assert tidy._tells_day(low) == bool(tidy._DAY.search(low) or tidy._ANNOUNCES.search(low)), repr(text)


def test_reading_progress_is_found_where_the_patterns_find_it():
    from mlwiki.extract import reading_progress as rp

    pieces = ["read", "re-read", "unread", "done", "skimmed", "started", "finished", "half read", " — ", " - ", ".",
              ",", " ", "\n", "x", "ly", "Paper 2016"]
    for text in _texts(pieces, longest_all=3, random_count=30_000):
        assert rp.holds_progress(text) == bool(rp.PROGRESS_HINT.search(text) and rp.PROGRESS.search(text)), repr(text)


def test_a_back_whose_prose_holds_no_cue_loses_no_source():
    from mlwiki.extract import tidy

    pieces = ["See [[Adam]].", "Bishop 10.1.", "\n\n", "\n", "- ", "$$x$$", "1. ", "Quick reference.", "It is fast.",
              " ", "> ", "Haven't tried it.", "Mostly from Titsias 2009.", "skipped it"]
    for text in _texts(pieces, longest_all=3, random_count=5_000):
        if not tidy._may_cut(text):
            assert tidy._without_sources(text) == text, repr(text)
        assert tidy._may_cut(text) <= bool(tidy._MAY_CUT.search(text.lower())), repr(text)


def test_a_definition_word_is_found_where_the_case_blind_pattern_finds_one():
    from mlwiki.extract import facets

    pieces = ["is", "IS", "are", "Types", "kinds", "classes", "flavours", "flavors", "families", "categories", "=",
              "a", "x", " ", "_", "-", "\n", "é", "ı", "ſ", "K"]
    for text in _texts(pieces, longest_all=3, random_count=30_000):
        assert facets._may_define(text) == bool(facets._MAY_DEFINE.search(text)), repr(text)


def test_a_text_loses_its_markup_as_the_pattern_took_it_off():
    import re

    from mlwiki.extract import repeats

    pieces = ["[[", "]]", "[", "]", "(", ")", "|", "*", "_", "$", "a b", " ", "\n", "x", "](u)"]
    for text in _texts(pieces, longest_all=4, random_count=30_000):
        assert repeats._plain(text) == " ".join(repeats._MARKUP.sub("", text).split()), repr(text)
    assert re.fullmatch(r"[^*_$\[]*", repeats._plain("**Bold** _it_ $x$ [[A|B]]"))


def test_a_facet_heading_is_found_as_each_facet_pattern_finds_it():
    from mlwiki.extract import facets

    patterns = [facets._PLURAL_FACET, facets._SINGULAR_FACET] + [pattern for pattern, _ in facets._ASKED]
    pieces = ["Pros", " and ", "cons", "/", "Key ", "main ", "limitation", "s", "Motivation", "why", " use", " it",
              "?", "Cost", "time ", "complexity", "Intuition", "idea", "how to read", "training", "x", " ", "İ"]
    for text in _texts(pieces, longest_all=3, random_count=30_000):
        assert facets._is_facet(text) == any(p.fullmatch(text) for p in patterns), repr(text)
