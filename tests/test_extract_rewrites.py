"""Patterns that extraction runs on every paragraph or section, rewritten to be found faster, must find exactly
what the patterns they replace found: each is checked against the original on every short text of the characters
that matter and on many random longer ones."""

import itertools
import random
import re

from mlwiki.extract import prose


def _texts(pieces: list[str], longest_all: int = 5, random_count: int = 20_000) -> list[str]:
    texts = ["".join(p) for n in range(longest_all + 1) for p in itertools.product(pieces, repeat=n)]
    rng = random.Random(27)
    return texts + ["".join(rng.choice(pieces) for _ in range(rng.randint(6, 24))) for _ in range(random_count)]


def test_prose_noise_drops_what_the_lookbehind_first_pattern_dropped():
    original = re.compile(r"\[\^[^\]]*\]|(?<!\S)\^[\w-]+(?!\S)|(?<![\S(])#(?![A-Z](?:-|(?![\w/])))[A-Za-z][\w/-]*(?![\S)])|"
                          r"(?<!\S)\^{4,}(?!\S)")
    for text in _texts(["^", "#", "[", "]", "(", ")", " ", "\n", "a", "P", "1", "-", "/", "\xa0"]):
        assert prose._PROSE_NOISE.sub("", text) == original.sub("", text), repr(text)


def test_tags_are_dropped_as_the_lookbehind_first_pattern_dropped_them():
    from mlwiki.extract import passages

    original = re.compile(r"(?<![\S(])#(?![A-Z](?:-|(?![\w/])))[A-Za-z][\w/-]*(?![\S)])|(?<!\S)\^[\w-]+[ \t]*$")
    for text in _texts(["^", "#", "(", ")", " ", "\t", "a", "P", "1", "-", "/", "\xa0"]):
        assert passages._TAGS.sub("", text) == original.sub("", text), repr(text)


def test_arithmetic_is_found_as_the_pattern_finds_it():
    from mlwiki.extract import passages

    original = re.compile(r"(?<![A-Za-z_\\])\d\s*(?:[+*/=]|(?<=\s)×|×(?=\s)|-(?!\d))\s*\d"  # ("28×28" is a size)
                          r"(?![\d.,]*(?:[A-Za-z]|\\(?!cdot|times|div)[A-Za-z]))")  # ("2 - 2p": a coefficient)
    for text in _texts(["1", "٣", " ", "+", "-", "=", "×", "a", "F", "\\", "\n", "_"]):
        assert passages.works_numbers(text) == bool(original.search(text)), repr(text)


def test_lower_case_words_are_found_as_the_lookbehind_first_pattern_found_them():
    from mlwiki.extract import passages

    original = re.compile(r"(?<![\w\\$])[a-z][a-z'’-]+\b")
    for text in _texts(["a", "b", "A", "1", "_", "\\", "$", "'", "’", "-", " ", "é"]):
        assert passages.LOWER_WORD.findall(text) == original.findall(text), repr(text)


def test_narration_is_found_in_the_lower_cased_text_as_the_case_blind_pattern_finds_it():
    from mlwiki.extract import narration

    pattern = narration.NARRATION.pattern
    assert pattern.startswith("(?i)") and pattern == pattern.lower()  # (else the lower-cased search misses)
    pieces = ["Let's", "LET US", "we’ll", "We Will see", "you can see", "Figure", "fig.", "above.", "BELOW are",
              "İ'm", "ı'm", "I'M", "ſee above", "the following table", "as before", " ", ".", "x", "\n", "é"]

    def before(text: str) -> bool:  # (narrates as it was: every key tested, then the case-blind search)
        lower = text.lower()
        return any(map(lower.__contains__, narration._NARRATION_KEYS)) and bool(narration.NARRATION.search(text))

    for text in _texts(pieces, longest_all=3):
        assert narration.narrates(text) == before(text), repr(text)


def test_markdown_links_are_shown_as_their_text_as_the_lookbehind_first_pattern_showed_them():
    original = re.compile(r"(?<!!)\[([^\]]*)\]\([^)\s]*(?:\s+\"[^\"]*\")?\)")
    for text in _texts(["!", "[", "]", "(", ")", "a", " ", '"', "\n"]):
        assert prose._MD_LINK.sub(r"\1", text) == original.sub(r"\1", text), repr(text)


def test_sentences_are_split_as_the_lookbehind_patterns_split_them():
    sentence_end = re.compile(r"(?<=[.!?])\s+(?=[A-Z\\$*(\[])")
    abbreviation = re.compile(r"\b(?:e\.g|i\.e|cf|resp|vs|al|Eqs?|Figs?|Defs?|Thm|Ch|Sec|pp?|Prop|Lem|Cor)\.(?=\s)")

    def before(text: str) -> list[str]:
        if "." in text:
            text = abbreviation.sub(lambda m: m.group(0)[:-1] + "\x03", text)
            return [s.replace("\x03", ".") for s in sentence_end.split(text)]
        return sentence_end.split(text)

    pieces = ["e.g.", "i.e.", "Eq.", "Eqs.", "pp.", "p.", "xp.", "al.", "a", "A", ".", "!", "?", " ", "\n", "$",
              "(", "\x03", "é"]
    for text in _texts(pieces, longest_all=4, random_count=40_000):
        assert prose.sentences(text) == before(text), repr(text)


def test_closing_passage_tests_find_what_their_patterns_found():
    from mlwiki.extract import closings

    left_out = re.compile(r":[ \t]*(?:\n\n(?![ \t]*(?:[-*+]|\d+[.)])[ \t])|\Z)|(?:\A|\n\n)[ \t]*where\b", re.I)
    later, first = re.compile(r"^(?:[2-9]|\d\d)[.)][ \t]", re.M), re.compile(r"^1[.)][ \t]", re.M)
    pieces = [":", "\n", "\n\n", " ", "\t", "Where", "where", "wherever", "- ", "1. ", "2) ", "12. ", "x", "You",
              "you", "yours", "These", "this", "(", "ı", "İ"]
    for text in _texts(pieces, longest_all=4):
        assert closings.leaves_out(text) == bool(left_out.search(text)), repr(text)
        assert closings.later_steps_only(text) == bool(later.search(text) and not first.search(text)), repr(text)
        assert closings._to_the_reader(text) == bool(closings._TO_THE_READER.search(text)), repr(text)


def test_the_narration_gate_finds_a_key_where_a_substring_test_finds_one():
    from mlwiki.extract import narration

    keys = narration._NARRATION_KEYS
    pieces = [key[:cut] for key in keys[::3] for cut in (1, 3, len(key))] + [" ", "x", "'", "’"]
    for text in _texts(pieces, longest_all=2, random_count=30_000):
        assert bool(narration._NARRATION_GATE.search(text)) == any(key in text for key in keys), repr(text)


def test_every_key_of_the_narration_gate_holds_a_piece_the_sieve_before_it_finds():
    from mlwiki.extract import narration

    for key in narration._NARRATION_KEYS:
        assert narration._NARRATION_SIEVE.search(key), key



def _phrases(items) -> list[str]:
    """Every text a parsed pattern of alternatives matches, one character standing for each class, `\\w+` as "x"
    and look-arounds as nothing (NARRATION's phrases: a finite list but for its `\\w+ly`)."""
    from re import _constants as c

    found = [""]
    for op, arg in items:
        if op is c.LITERAL:
            options = [chr(arg)]
        elif op is c.IN:
            options = [chr(a) if o is c.LITERAL else "x" for o, a in arg if o in (c.LITERAL, c.CATEGORY)][:1] or ["x"]
        elif op is c.SUBPATTERN:
            options = _phrases(arg[3])
        elif op is c.BRANCH:
            options = [text for branch in arg[1] for text in _phrases(branch)]
        elif op in (c.MAX_REPEAT, c.MIN_REPEAT):
            options = ([""] if arg[0] == 0 else []) + _phrases(arg[2])
        elif op is c.CATEGORY:
            options = ["x"]
        else:  # (anchors, word boundaries and look-arounds match no character)
            options = [""]
        found = [a + b for a in found for b in options]
    return found


def test_every_phrase_of_narration_holds_a_key_of_the_gate():
    from re import _parser

    from mlwiki.extract import narration

    phrases = _phrases(_parser.parse(narration.NARRATION.pattern.removeprefix("(?i)")))
    assert len(phrases) > 200 and "you noticed" in phrases
    for phrase in phrases:
        if narration._NARRATION_LOWER.search(phrase):
            assert narration._NARRATION_GATE.search(phrase), phrase
            assert narration.narrates(phrase), phrase

def test_an_announcing_phrase_is_cut_where_the_case_blind_pattern_finds_it():
    from mlwiki.extract import announcements, passages
    from mlwiki.extract.lines import LIST_ITEM

    original = announcements._FOLLOWING
    assert original.pattern == original.pattern.lower()  # (else the lower-cased search misses)
    # without_announcement searches only a text holding "follow" or "below": a phrase without them needs a new key
    assert original.pattern == r"\s(?:the following(?: \w+)?|as follows|below)[ \t]*[.:]?$", \
        "_FOLLOWING changed: check that each phrase still holds 'follow' or 'below' (without_announcement's gate)"

    def before(text: str) -> str:  # (without_announcement as it was; "below" after a word that points nowhere is a
        # place, s46 logseq22b)
        if original.search(text) and not announcements.a_place(text[:original.search(text).start()],
                                                               original.search(text).group()):
            text = text[:original.search(text).start()].rstrip() + ":"
        if not text.endswith(":"):
            return text
        head, _, last = text.rpartition("\n")
        if head and last[:1].islower() and not head.rstrip().endswith((".", "!", "?", ":", ")")) \
                and not any(LIST_ITEM.match(line) for line in text.split("\n")):
            return announcements._before_last_sentence(text)  # (a sentence wrapped over lines: cut as a sentence)
        found = prose.sentences(last)
        if len(found) > 1:
            return (head + "\n" + " ".join(found[:-1])).strip()
        return "" if LIST_ITEM.match(last) or not head else before(head.strip())

    pieces = [" ", "\t", "\n", ".", ":", "below", "As Follows", "the following", "THE FOLLOWING", "steps", "X",
              "ſ", "İ", "ı", "é"]
    for text in _texts(pieces, longest_all=4):
        assert passages.without_announcement(text) == before(text), repr(text)


def test_words_are_counted_as_splitting_counts_them():
    """word_count (of a cleaned text) and holds_words say what len(text.split()) says, without the split."""
    for text in _texts(["a", "bc", " ", "  ", "\n", "\t", "\xa0", "\u2003", "[[x]]", "<!-- c -->", "$", "é"],
                       longest_all=4, random_count=5_000):
        clean = prose.clean_prose(text)
        assert prose.word_count(clean) == len(clean.split()), repr(text)
        for n in range(1, 8):
            assert prose.holds_words(text, n) == (len(text.split()) >= n), (repr(text), n)


def test_a_paragraph_that_only_sets_up_is_found_as_splitting_it_first_found_it():
    from mlwiki.extract import openings
    from mlwiki.extract.forms import STATEMENT

    def before(text: str) -> bool:  # (_only_sets_up as it was: every sentence split off, then tested)
        found = prose.sentences(prose.clean_prose(STATEMENT.sub("", text, count=1)))
        return bool(found) and all(openings._SETS_UP.match(sentence) for sentence in found)

    pieces = ["Let", "let", "Given", " ", "\n", ".", "?", "X", "x", "letter", "e.g.", "**Definition**. ", "$x$", "A"]
    for text in _texts(pieces, longest_all=4, random_count=10_000):
        assert openings._only_sets_up(text) == before(text), repr(text)


def test_a_claim_subject_is_found_as_reading_every_word_found_it():
    from mlwiki.extract import claims

    def before(sentence: str) -> str | None:  # (_subject as it was: every word read, however far the verb)
        tokens = sentence.split()
        if not tokens or tokens[0].casefold() not in claims.ARTICLE:
            return None
        relative = False
        for k, token in enumerate(tokens[1:], 1):
            word = token.casefold().strip(",;:")
            if token.endswith((",", ";", ":")) and word not in claims.AUX:
                return None
            if word in claims.RELATIVE:
                relative = True
            elif word in claims.AUX:
                if relative:
                    relative = False
                    continue
                if not claims.MIN_SUBJECT_WORDS <= k <= claims.MAX_SUBJECT_WORDS or \
                        len(tokens) - k - 1 < claims.MIN_PREDICATE_WORDS:
                    return None
                return " ".join(tokens[:k])
        return None

    words = ["A", "The", "an", "rate", "learning", "that", "which", "is", "will", "may,", "too,", "large", "\t"]
    rng = random.Random(27)
    for _ in range(40_000):
        text = " ".join(rng.choice(words) for _ in range(rng.randint(0, 24)))
        assert claims._subject(text) == before(text), repr(text)
        assert claims._subject(text) == claims._subject(" ".join(text.split())), repr(text)


def test_a_naming_cue_is_found_where_the_pattern_finds_one():
    from mlwiki.extract import naming

    pieces = ["called", "known", "refer", "refers", "which says", "is", "are", "was", ")", " ", "a", "an", "the", "x",
              "é", "_", "\n", "s", "**", ",", "if", "when", "iff"]
    for text in _texts(pieces, longest_all=4, random_count=40_000):
        assert naming._has_cue(text) == bool(naming._CUE.search(text)), repr(text)


def test_a_label_is_looked_for_only_where_the_pattern_can_find_one():
    from mlwiki.extract import defining

    pieces = ["Ab", "x", " ", "\t", ":", "-", "–", "—", ".", "\n", "é", "a" * 20, "a" * 47]
    for text in _texts(pieces, longest_all=4, random_count=40_000):
        if defining._LABELLED.match(text):
            assert defining._may_be_labelled(text), repr(text)


def test_marks_first_patterns_find_what_their_lookbehind_first_patterns_found():
    from mlwiki.extract import page_talk, title_leads, topics, tradeoffs

    originals = [(page_talk._MARKUP, r"\*\*|__|(?<!\w)[*_](?=\S)|(?<=\S)[*_](?!\w)|`"),
                 (topics._EMPHASIS, r"\*\*|__|(?<!\w)[*_](?=\w)|(?<=\w)[*_](?!\w)"),
                 (tradeoffs._EMPHASIS, r"\*\*|__|(?<!\w)[*_]|[*_](?!\w)"),
                 (page_talk._PARTS, r"(?<=\s)Parts?\s+[IVX]{1,4}\b")]
    for text in _texts(["*", "_", "`", "a", "1", " ", "\n", "é", "Part", "s", "I", "V"], longest_all=4):
        for pattern, original in originals:
            assert pattern.sub("", text) == re.sub(original, "", text), (pattern.pattern, repr(text))
    original_end = re.compile(r"(?<!\bal\.)(?<!\bch\.)(?<!\bcf\.)(?<!\be\.g\.)(?<!\bi\.e\.)(?<!\bvs\.)(?<!\bpp\.)"
                              r"(?<!\bp\.)(?<=[.!?])[ \t\n]+(?=[A-Z{*_(\[<`$\"“])|(?<=\)\.)[ \t\n]+")
    for text in _texts(["al.", "e.g.", "p.", ".", "!", ")", " ", "\n", "A", "a", "(", "“"]):
        assert title_leads._END.split(text) == original_end.split(text), repr(text)
