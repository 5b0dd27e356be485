"""`caseblind.CaseBlind` says what its case-blind pattern says, on every text: the fast pattern for text in lower
case where the text is ASCII, the case-blind one as written elsewhere (tests written for the speed work, issue 27)."""

from __future__ import annotations

import random

from mlwiki.extract.caseblind import READER, READER_OR_CONTRACTION

_PIECES = ["we", "We", "WE", "you", "You", "YOUR", "your", "our", "Our", "us", "US", "I", "i", "a", "'re", "’ll",
           "'d", "’ve", "x", "owe", "wey", "sweat", "bus", "ai", "don't", "it's", "_we", "9you", "yours", "ours",
           "ſ", "İ", "ı", "é", "wé", "K", " ", "\n", ",", ".", "-", "'", "’"]


def test_caseblind_agrees_with_its_case_blind_pattern():
    rng = random.Random(27)
    for _ in range(20000):
        text = "".join(rng.choice(_PIECES) + rng.choice(["", " ", ",", "_", "\n"]) for _ in range(rng.randint(1, 7)))
        for pattern in (READER, READER_OR_CONTRACTION):
            assert pattern.search(text) == bool(pattern.blind.search(text)), (pattern.blind.pattern, text)


def test_caseblind_reads_the_reader_in_prose():
    assert READER.search("In this post We derive the loss.")
    assert not READER.search("Owls hunt at dusk; buses run late.")
    assert READER_OR_CONTRACTION.search("Then it'd diverge.")
    assert not READER_OR_CONTRACTION.search("The model's loss diverges.")


def _texts(pieces: list[str], seed: int, n: int = 20000):
    rng = random.Random(seed)
    for _ in range(n):
        yield "".join(rng.choice(pieces) + rng.choice(["", " ", ",", "_", "\n", "."]) for _ in range(rng.randint(1, 7)))


def test_rewritten_patterns_agree_with_the_patterns_they_replace():
    import re

    from mlwiki.extract import bullet_claims, grabbag, subject_asks
    reason = re.compile(r"\b(?:because|since|so)\b|→|->|⇒")
    asked = re.compile(r" (?:via|using|through|called|named|known as|under|if|when|provided|as long as) "
                       r"|(?:has|provides|offers) an? |[`(=_]|\.[A-Za-z_]|^Under ")
    words = ["because", "since", "so", "also", "esso", "→", "->", "⇒", "-", ">", "a", "Under", "under", "via", "has",
             "an", "a", "offers", "provides", "`x`", "f(x)", "=", "_", ".nn", ".", "known", "as", "long", "if", "when",
             "matter", "matters", "count", "worth", "knowing", "(memorize!!)", "to", "remember", "K", "ſ", "é", "That",
             "WHICH", "Noting", "KNOW", "(", ")"]
    for text in _texts(words, 28):
        assert bool(bullet_claims._REASON_WORD.search(text)) == bool(reason.search(text)), text
        assert bool(text.startswith("Under ") or subject_asks._MAY_BE_ASKED.search(text)) == bool(asked.search(text)), text
        if not grabbag._may_qualify(text):
            assert grabbag._QUALIFIER.sub("", text) == text, text


def test_prefilters_say_no_only_where_the_pattern_finds_nothing():
    from mlwiki.extract import facets, paragraphs, tidy
    words = ["Types", "types", "of", "KINDS", "kind", "categories", "families", "classes", "flavours", "flavors", "K",
             "ſ", "[here](", "[docs](", "[", "](", "can", "be", "found", "FOUND", "x", "1", "-", "|", ">", "\t", " ",
             "\n", "\n- a", "٣"]
    for text in _texts(words, 29):
        if not facets._may_list_kinds(text):
            assert not facets._KINDS.search(text), text
        assert paragraphs._points(text) == bool(paragraphs._POINTER.search(text)), text
        assert tidy._listy(text) == bool(tidy._LISTY.search(text)), text
