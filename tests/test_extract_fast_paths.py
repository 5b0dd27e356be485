"""The fast paths of extraction say what the slow ones said: AnyOf answers as its pattern does (on plain text, text
built of the pattern's own pieces, edge cases); a remembered split is each caller's own list."""

from __future__ import annotations

import random
import re

import pytest

from mlwiki.extract import selfnotes, tidy
from mlwiki.extract.anyof import AnyOf, _alternatives

PATTERNS = [
    tidy._MAY_CUT.pattern,
    tidy._SOURCE_HINT.pattern,
    selfnotes._NOTE_HINT.pattern,
    r"see (?:also|the)|n['’]t |\d\.\d|ch\b(?<!\wch)|(?:19|20)\d\d|x?",
    r"a[]|]b|c\|d|(?:e|f)g",
    r"(?i)Reference|cheat",
    r"colou?rs? (?:are|is)|a.b|x{2}",
]
PIECES = ["see also", "see", " the ", "don't ", "don’t ", "1.5", "ch", "such", "ch.", "2019", "1899", "reference",
          "cheat", "REFERENCE", "colors are", "colour is", "a]b", "c|d", "eg", "fg", "axb", "xx", "skipped", "not ",
          "proofs live", "(wip", "→", "->", "[[", "](", "{ref}", "cf.", "now the", "this page", "needs", " ", "\n", "later", "? try", "✅ = ", "come back", "for me"]


@pytest.mark.parametrize("pattern", PATTERNS)
def test_any_of_says_what_the_pattern_says(pattern):
    fast, slow = AnyOf(pattern), re.compile(pattern)
    rng = random.Random(7)
    texts = ["", "plain words with nothing in them", "Every Word Here."]
    texts += ["".join(rng.choice(PIECES) for _ in range(rng.randint(1, 6))) for _ in range(3000)]
    texts += [text.lower() for text in texts]
    for text in texts:
        assert fast.search(text) == bool(slow.search(text)), (pattern, text)


def test_alternatives_split_only_at_the_top():
    assert _alternatives(r"a|(?:b|c)|[|]|\||d") == ["a", "(?:b|c)", "[|]", r"\|", "d"]


def test_remembered_sentences_are_each_callers_own():
    """`prose.sentences` remembers its splits: a caller that changes the list it got changes no later caller's."""
    from mlwiki.extract.prose import sentences

    text = "Adam keeps two moments. Its step is scale free."
    first = sentences(text)
    first.pop()
    assert sentences(text) == ["Adam keeps two moments.", "Its step is scale free."]
