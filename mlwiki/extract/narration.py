"""Whether a text narrates: walks its reader on like a tutorial ("Let's build …", "Now that we've …"), tells the
writer's day ("Spent the morning on …") or points at what a card cannot show ("the figure below"). Every passage, its
paragraphs and sentences are asked, many of them more than once by the forms that read them: `narrates` remembers
its last answers. Pure."""

from __future__ import annotations

import functools
import re

# The voice of a tutorial walking through its code ("Let's build …", "Now that we've …", "For now, …"), of a
# day's diary ("Spent the morning on …", "Messy notes.", "Tomorrow: …") or pointing at a figure the card does not
# show: a story to follow, not knowledge to recall
NARRATION = re.compile(r"(?i)\b(?:let['’]s|let us|before we (?:can|start|begin|dive)|we['’]ll|we['’]re going|(?<!where )(?<!where\* )(?<!what )(?<!wherever )we['’]ve|(?<!if )(?<!where )(?<!when )you['’]ll|now that|for now(?=,)|"
                       r"you (?:probably |may have )?noticed|do you remember|(?:we|you) could do (?:this|that)|you (?:may|might|can|will) (?:be able to )?(?:now )?(?:see|notice)|(?:this|the following) (?:diagram|picture|plot|image)|"
                       r"alright|it looks like|our (?:trained )?model (?:is|seems|does)|you (?:have )?learned|you['’]ve learned|as we saw|(?:same )?as before|figure|fig\.|(?<=@)fig-|graph shows|look at the (?:following|figure|plot|image|code|graph|diagram|table|"
                       r"output|result|picture)|we can see|"
                       r"the above|shown below|the following (?:theorem|example|figure|code|table|diagram|"
                       r"image|proof|plot|graph)|such as the following|i want|i think|i['’]m|i['’]ll|i['’]d|i['’]ve|"
                       r"we (?:have )?(?:covered|discussed|looked at|explored|went through)|if you (?:enjoyed|liked)|"
                       r"follow me|"
                       r"spent (?:the|this|all|my) (?:\w+ )?(?:morning|afternoon|evening|day|week|weekend)|messy notes|"
                       r"writing (?:this )?down what|note to self|tomorrow(?=:)|"
                       r"worth (?:spending (?:some |a little )?time|understanding in detail)|sat down (?:with|to)|"
                       r"we will (?:\w+ly )?(?:learn|see|focus|discuss|cover|use|look|explore|implement|build|create|"
                       r"start|talk|introduce|review)|we (?:train|record|plot|visuali[sz]e|print|import|load|run|call)|"
                       r"(?:on|for|in) this (?:fold|run|split)|we (?:get|got|obtain|obtained) (?:about |around |roughly |an? )?[~≈]?\d+"
                       r")\b|"
                       r"\b(?:(?:see|shown|listed|described|mentioned|discussed|given|defined|as|everything|"
                       r"example|figure|table|equation|formula|code|image|diagram|section|list|steps?|cell|plot) "
                       r"(?:above|below)|(?<!bit )(?<!slightly )(?<!just )(?<!well )(?<!far )(?<!way )(?<![’']s )(?<!\bis )"
                       r"(?<!\bare )(?<!\bwas )(?<!were )(?<!\bbe )(?<!lies )(?<!falls )(?<!stays )(?<!goes )(?<!\blie )"
                       r"(?<!\bfall )(?<!\bstay )(?<!\bgo )(?:above|below)(?:[.,:;)]| (?:are|is|was|were)\b))")  # (not "the layer
# above it", nor "a bit above," a value, nor "… a bigger penalty than when it's above.", a place named before)
# Pieces of text every phrase of NARRATION holds one of: a text without any of them needs no regex search (this runs
# on every section of every note, and the alternation is slow)
_NARRATION_KEYS = ("let's", "let’s", "let us", "before we", "we'", "we’", "we will", "we can see", "we train", "we record",
                   "we plot", "we visuali", "we print", "we import", "we load", "we run", "we call", "we could",
                   "you'", "you’", "you noticed", "you probably", "you may", "you might", "you can", "you will", "you could",
                   "do you", "it looks like", "our model", "our trained model", "you learned", "you have learned", "now that", "for now", "alright", "as we saw", "as before", "diagram", "picture", "plot",
                   "image", "fig", "graph shows", "look at the", "above", "below", "follows", "following", "i want",
                   "i think", "i'", "i’", "we covered", "we have", "we discussed", "we looked", "we explored",
                   "we went", "if you", "follow me", "spent ", "messy notes", "writing down", "writing this down",
                   "note to self", "tomorrow:", "worth spending", "worth understanding", "sat down", "we get", "we got", "we obtain", "this fold",
                   "this run", "this split")


def _any_of(keys: tuple[str, ...]) -> re.Pattern:
    """A pattern that finds any of the keys, written as a tree of their shared beginnings ("fo(?:llow(?:ing|s)|r
    now)"): one search of the text, which skips the characters no key starts with and leaves a branch at its first
    wrong character, where a test per key scans the whole text fifty times over."""
    tree: dict = {}
    for key in keys:
        node = tree
        for char in key:
            node = node.setdefault(char, {})
        node[""] = {}  # a key ends here: what follows it need not be matched

    def branch(node: dict) -> str:
        if "" in node:
            return ""
        alternatives = [re.escape(char) + branch(child) for char, child in sorted(node.items())]
        return alternatives[0] if len(alternatives) == 1 else "(?:" + "|".join(alternatives) + ")"

    return re.compile(branch(tree))


_NARRATION_GATE = _any_of(_NARRATION_KEYS)
# A piece of each key, most of them led by a letter prose seldom has, so that a search for them tries a third of the
# characters the gate tries (half its time): the sieve before the gate. A text may hold one and no key (an
# apostrophe, "we "), so the gate follows; every key holds one (tests/test_extract_rewrites.py).
_NARRATION_SIEVE = _any_of(("'", "’", "let u", "before", "we ", "you", "ks like", "ur model", "ur trained", "for now",
                            "w that", "lright", "gram", "pict", "plot", "mage", "fig", "graph sh", "k at th", "bove",
                            "below", "follow", "want", "think", "pent ", "messy", "writing", "lf", "w:", "worth ",
                            "t down", "is fold", "is run", "is split"))
# NARRATION without its (?i), searched in the lower-cased text: a case-blind alternation tries phrase after phrase at
# every character, a case-sensitive one passes over the phrases whose first letter differs (four times faster). The
# two agree on every text but one holding İ, ı or ſ, which case-blind matching takes for i or s and str.lower()
# does not (tests/test_extract_rewrites.py checks both).
_NARRATION_LOWER = re.compile(NARRATION.pattern.removeprefix("(?i)"))
CASE_TRAPS = re.compile("[\u0130\u0131\u017f]")


@functools.lru_cache(maxsize=512)  # (a text is asked again by the next form that reads it: half the asks of a scan)
def narrates(text: str) -> bool:
    """Whether a text walks its reader on like a tutorial or points at what a card cannot show (NARRATION)."""
    lower = text.lower()
    if not _NARRATION_SIEVE.search(lower) or not _NARRATION_GATE.search(lower):  # (no key of _NARRATION_KEYS in it)
        return False
    if lower.isascii() or not CASE_TRAPS.search(text):
        return bool(_NARRATION_LOWER.search(lower))
    return bool(NARRATION.search(text))


# A clause that points at what the note shows beside the text (", so the equation above holds exactly"): a card
# cannot show it
_POINTING_CLAUSE = re.compile(r"(?i),[ \t]+(?:so[ \t]+|and[ \t]+|which[ \t]+)?(?:the|this|that)[ \t]+(?:equation|formula|"
                              r"figure|plot|diagram|table|derivation)[ \t]+(?:above|below)\b[^,.;:]*(?=[,.;])")


def without_pointing_clause(sentence: str) -> str:
    """A sentence without the clause that points at a formula or figure beside the text, when the rest says no more
    of it; the sentence as it was otherwise."""
    cut = _POINTING_CLAUSE.sub("", sentence, count=1)
    return cut if cut != sentence and not narrates(cut) else sentence
