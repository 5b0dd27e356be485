"""Whether the text after a bold label says something other than what the labelled thing is.

A `**Label**: …` line reads as a term and its definition, but some notes use the label as a little heading over
facts about it: "**Training**: loss = cross-entropy …; feed the true word …" (the back defines the loss, not the
training), "**Inputs**: normalise. Heavy tails → log-warp …" (what to do with them). Asked as "Define: Training" the
card asks for a definition its back does not give; asked as "… › Training" it asks what the note says of it. So for
a label over a judgement ("**Temporal split** (…): most realistic; what I use now") and for a sentence that ranks
its term against others ("Item cold start is usually the more painful one"), which `ranked_asked` asks under the
path, its id kept.
"""

import re

from mlwiki.extract.draft import asked_anew

# The back opens by naming another quantity and its value ("loss = …", "objective = …"): a fact about the labelled
# step, which is not that quantity (a lower-case word, so a symbol or an abbreviation, "PPL = …", may still be the term)
_OTHER_EQUALS = re.compile(r"[ \t]*(?:the[ \t]+)?(?P<name>[a-z][a-z-]{2,})[ \t]*=[ \t]")
# The back opens with a one-word order ("standardise.", "normalize;"): what to do with the labelled thing
_ORDER = re.compile(r"[ \t]*[a-z][a-z-]*(?:is|iz|if)(?:e|y)[ \t]*[.;!](?:[ \t]|$)")

# The back opens on what some of a kind do and the others do not ("some heads attend far, others near; …"): a
# finding about the labelled thing, which no definition sets out that way
_SOME_OTHERS = re.compile(r"(?i)[ \t]*(?:some|many|most)[ \t]+[^.;:\n]{3,120}?[,;][ \t]*(?:while[ \t]+|and[ \t]+)?"
                          r"(?:the[ \t]+)?others\b")

# The back opens on a judgement of the labelled thing, not what it is: "most realistic; …", "easy but leaks …",
# "common in sequential work; …", "what I use now", "more robust than …"
_JUDGEMENT = re.compile(r"(?i)[ \t]*(?:(?:the[ \t]+)?(?:most|least)[ \t]+[a-z-]+(?=[ \t]*[;,.—–]|[ \t]*$|[ \t]+(?:but|and|of|in|for|"
                        r"way|option|choice)\b)|(?:more|less)[ \t]+[a-z-]+[ \t]+than\b|"
                        r"(?:easy|easier|simple|simplest|cheap|cheapest|fast|crude|quick)[ \t]+but\b|"
                        r"(?:very[ \t]+|quite[ \t]+)?(?:common|popular|standard|usual|typical|rare)[ \t]+(?:in|for|among)\b|"
                        r"what[ \t]+(?:i|we)[ \t]+(?:use|prefer|recommend|default[ \t]+to)\b|"
                        r"(?:my|our)[ \t]+(?:favou?rite|default|go-to|choice)\b)")


def says_other_than_what(term: str, text: str) -> bool:
    """Whether the text after `**term**:` says something about the term other than what it is: it opens by giving
    another quantity's value ("**Training**: loss = …"), with a one-word order ("**Outputs**: standardise. …") or on
    a judgement of it ("**Temporal split** (…): most realistic; what I use now"), or on a finding that sets some
    of a kind against the others ("**Pooling width**: some layers prefer narrow windows, others wide ones")."""
    if _ORDER.match(text) or _JUDGEMENT.match(text) or _SOME_OTHERS.match(text):
        return True
    other = _OTHER_EQUALS.match(text)
    return bool(other) and other.group("name").casefold() not in term.casefold()


# A sentence that ranks its subject rather than saying what it is: "X is usually the more painful one", "X is the
# weird one": its verb, an adverb maybe, then a rank among the ones it is set beside
_RANKS = re.compile(r"(?i)[^.;:\n]{0,80}?\b(?:is|are)[ \t]+(?:[a-z]+ly[ \t]+)?(?:the|a|an)[ \t]+"
                    r"(?:(?:more|most|less|least)[ \t]+)?[a-z-]+[ \t]+one\b")  # (not "is the best rank-k
# approximation": a theorem's statement, what the term says)


def ranked_asked(drafts: list) -> list:
    """The drafts, each "Define: X" card whose back ranks X instead of saying what it is (`ranks_term`) asked under
    its path ("Cold start › Item cold start"), its id kept."""
    return asked_anew(drafts, _ranked_front)


def _ranked_front(draft) -> str:
    """"path › X" for a "path / Define: X" card whose back ranks X; '' for any other card."""
    path, _, asked = draft.front.rpartition("\n\n")
    if not path or not asked.startswith("Define: ") or "\n" in path or not ranks_term(draft.back):
        return ""
    return f"{path} › {asked[len('Define: '):]}"


def ranks_term(sentence: str) -> bool:
    """Whether a sentence that opens on a term ranks it against others ("Item cold start is usually the more
    painful one in practice") instead of saying what it is: no definition of the term."""
    return bool(_RANKS.match(sentence))
