"""The fast paths of extraction say what the slow ones said: AnyOf answers as its pattern does (on plain text, text
built of the pattern's own pieces, edge cases); a remembered split is each caller's own list."""

from __future__ import annotations

import random
import re

import pytest

from mlwiki.extract import selfnotes, tidy
from mlwiki.extract.anyof import AnyOf, _alternatives, _needs

PATTERNS = [
    tidy._MAY_CUT.pattern,
    tidy._SOURCE_HINT.pattern,
    selfnotes._NOTE_HINT.pattern,
    r"see (?:also|the)|n['’]t |\d\.\d|ch\b(?<!\wch)|(?:19|20)\d\d|x?",
    r"a[]|]b|c\|d|(?:e|f)g",
    r"(?i)Reference|cheat",
    r"colou?rs? (?:are|is)|a.b|x{2}",
    r"\bsee (?:also )?(?:the|my) |(?:didn|couldn)['’]?t (?:get|follow)|x\d+y|(?i:ab)c\d|\?[ \t]+(?:try|check)",
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


def test_needs_are_what_every_match_holds():
    """A pattern tried at every character is searched only in a text holding one of the strings its matches need."""
    from re import _parser

    def needs(pattern):
        return _needs(_parser.parse(pattern))

    assert needs(r"\d\.\d") == (".",)
    assert needs(r"\bsee (?:also )?(?:the|my) ") == ("see ",)
    assert needs(r"(?:19|20)\d\d") == ("19", "20")
    assert needs(r"\?[ \t]+(?:to )?(?:try|check)") == ("try", "check")
    assert needs(r"\d+|\w") is None and needs(r"(?i:ab)\d") is None and needs(r"(?=ab)\w") is None
    slow = AnyOf(r"cheat|\bsee (?:the|my) |\d\.\d")
    assert [n is not None for n in slow._needs] == [False, True, True]
    assert slow.search("see the page") and slow.search("v1.2") and not slow.search("seen them, 12")


def test_a_passage_judged_again_is_the_same():
    """`passages.passage` remembers what it made of a text: a block judged twice, by two forms, is one passage."""
    from mlwiki.extract.blocks import build_blocks
    from mlwiki.extract.lines import classify
    from mlwiki.extract.passages import _judged, passage

    text = "Adam keeps a running mean of the gradient and of its square for each weight.\n"
    blocks = build_blocks(classify(text, [], "n.md", lambda n: n), [], "n.md", lambda n: n)
    first = passage(blocks)
    hits = _judged.cache_info().hits
    assert first is not None and passage(blocks) == first and _judged.cache_info().hits == hits + 1
    assert passage(blocks, labelled=True) == first


def test_alternatives_split_only_at_the_top():
    assert _alternatives(r"a|(?:b|c)|[|]|\||d") == ["a", "(?:b|c)", "[|]", r"\|", "d"]


def test_remembered_sentences_are_each_callers_own():
    """`prose.sentences` remembers its splits: a caller that changes the list it got changes no later caller's."""
    from mlwiki.extract.prose import sentences

    text = "Adam keeps two moments. Its step is scale free."
    first = sentences(text)
    first.pop()
    assert sentences(text) == ["Adam keeps two moments.", "Its step is scale free."]


def test_backs_end_before_repeats_as_the_loop_over_every_told_text_did():
    """`repeats._end_before_repeats` tries only the told texts that end on a back's last word, in their order, each
    against what earlier cuts left: the backs come out as the loop over every told text made them."""
    from types import SimpleNamespace

    from mlwiki.extract import repeats
    from mlwiki.models import CardKind

    def reference(drafts):  # (the loop it replaces)
        holders = [d for siblings, _ in drafts if len(siblings) == 1 and repeats._read(d := siblings[0])
                   and d.kind in (CardKind.BASIC, CardKind.FORMULA)]
        told = [(d, said) for d in holders if d.kind == CardKind.BASIC and "\n\n" not in d.back
                and (said := " ".join(d.back.split())).count(" ") >= repeats.MIN_WORDS - 1
                and not repeats._LIST_LINE.search(d.back)]
        if not told or len(holders) < 2:
            return
        for holder in holders:
            flat = " ".join(holder.back.split())
            for other, said in told:
                if other is not holder and len(flat) > len(said) and flat.endswith(said):
                    holder.back = repeats._cut(holder.back, said)
                    flat = " ".join(holder.back.split())

    sentences = ["Momentum keeps a running mean of past steps.", "Its decay is set near one for most runs.",
                 "The step then follows the mean, not the last gradient.", "Nesterov looks ahead before it steps.",
                 "Adam scales each step by a running mean of squares.", "That mean is kept for most runs."]
    rng = random.Random(3)
    for _ in range(300):
        backs = [" ".join(rng.sample(sentences, rng.randint(1, 4))) for _ in range(rng.randint(2, 6))]
        made = []
        for fn in (reference, repeats._end_before_repeats):
            drafts = [([SimpleNamespace(form="statement", kind=CardKind.BASIC, back=back)], "P") for back in backs]
            fn(drafts)
            made.append([siblings[0].back for siblings, _ in drafts])
        assert made[0] == made[1], backs
