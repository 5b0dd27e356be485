"""A remark card under a display formula that still asks "… › What it says" is asked what its prose back answers
when that back opens on what the formula does, on a caveat of it, on what it equals or on when a property of it
holds. "What it says" is a label the card-maker wrote: over an effect or a caveat it does not say what is asked.

    ## Label smoothing                         →  "… › Label smoothing › What does it do?"
    $$y^{LS}_k = (1-\\varepsilon) y_k + \\varepsilon/K$$   (the formula on the front, the remark on the back)
    Stops the logits from growing without bound …

    Keeps the direction, only caps the length …       →  "What does it do?"
    The penalty term pushes the weights towards 0 …  →  "What does the penalty term do?"
    Neither cares about order within the list …      →  "What is its caveat?"
    = the harmonic mean of precision and recall …    →  "What is it in words?"
    Unbiased if either model is right …              →  "When is it unbiased?"

"it" is what the note calls the formula when it names one (`said_asks.formula_name`: "What does RMSNorm do?").
Only a prose back is asked so (a list is split or asked by `formula_facts` and `said_asks`); a back that opens on
a value, a symbol or a clause of its own keeps its front. The card keeps its id: only its front's wording changed.
Pure.
"""

from __future__ import annotations

import re

from mlwiki.extract.said_asks import prose_remark_front, says_remarks_asked

# Verbs of what a formula does to what it is applied to, in the third person ("Stops the logits …", "keeps the
# direction …"); not verbs of a state or a result ("converges to", "gives"), whose question would need their object
_EFFECT_VERBS = ("stops|keeps|prevents|pushes|pulls|forces|caps|limits|shrinks|reduces|removes|avoids|encourages|"
                 "discourages|penali[sz]es|punishes|smooths|softens|sharpens|spreads|trades|ensures|controls|"
                 "balances|favou?rs|rewards|down-?weights|up-?weights|suppresses|amplifies|normali[sz]es|rescales|"
                 "clips|squashes|stabili[sz]es|speeds\\s+up|slows\\s+down|prunes|interpolates|centres|centers")
# A back that opens on the effect, its subject left out: the formula's ("Stops the model from …")
_EFFECT = re.compile(rf"[*_]*(?:{_EFFECT_VERBS})\b[*_]*\s+(?=[*_]*[a-z$(])", re.IGNORECASE)
# ... or on the effect of a part of the formula it names ("The KL term keeps …", "the penalty pulls …")
_PART_EFFECT = re.compile(rf"[*_]*(?:the\s+)?(?P<part>(?:[A-Za-z][\w-]{{0,20}}\s+){{0,2}}(?:term|factor|penalty|"
                          rf"regulari[sz]er|coefficient|denominator|numerator|exponent))[*_]*\s+"
                          rf"(?P<verb>{_EFFECT_VERBS})\b\s+(?=[*_]*[a-z$(])", re.IGNORECASE)
# A back that opens on a caveat of it ("Neither cares about order …", "Not symmetric", "Biased for finite $N$ …",
# "Easy to forget: …")
_CAVEAT = re.compile(r"[*_]*(?:neither|not|never|biased|caveat|beware|careful|watch\s+out|easy\s+to\s+forget|"
                     r"doesn['’]t|does\s+not|ignores)\b[*_]*[\s:—–-]", re.IGNORECASE)
# A back that opens on what it equals, in words ("= the F1 score for binary masks")
_EQUALS = re.compile(r"[*_]*=\s*(?=[*_]*(?:the\s+|an?\s+)?[*_]*[A-Za-z]{2})")
# A back that opens on a property of it and when it holds ("unbiased if either model is right", "Exact when …")
_WHEN = re.compile(r"[*_]*(?P<adj>[A-Za-z][a-z-]{2,20}(?:ed|en|able|ible|al|ent|ant|ive|ic|ous|ct|ex|id))[*_]*\s+"
                   r"(?:only\s+)?(?:if|iff|when|whenever|as\s+long\s+as|provided)\b")
_NOT_A_PART = frozenset(("this", "that", "it", "each", "every", "its"))


def said_effects_asked(drafts: list) -> list:
    """The drafts with each "What it says" remark card whose prose back opens on what the formula does, a caveat
    of it, what it equals or when a property of it holds asked so (see the module's doc); any other draft as it
    was."""
    return says_remarks_asked(drafts, lambda front, back: prose_remark_front(front, back, effect_question))


def effect_question(text: str, name: str) -> str:
    """The question a remark's text answers about the formula before it (`name`: what the note calls it, '' for
    "it") when it opens on an effect, what the formula equals, when a property of it holds or a caveat; '' else."""
    it = name or "it"
    if _EQUALS.match(text):
        return f"What is {it} in words?"
    if (part := _PART_EFFECT.match(text)) and part["part"].split()[0].casefold() not in _NOT_A_PART:
        words = part["part"].split()
        shown = " ".join(words if words[0].isupper() or "$" in words[0] else [words[0].casefold(), *words[1:]])
        return f"What does the {shown} do?"
    if _EFFECT.match(text):
        return f"What does {it} do?"
    if found := _WHEN.match(text):
        return f"When is {it} {found['adj'].casefold()}?"
    if _CAVEAT.match(text):
        return f"What is the caveat of {name}?" if name else "What is its caveat?"
    return ""
