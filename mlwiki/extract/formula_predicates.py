"""The end of a formula's own sentence, after the display, when it says something of the formula:

    ## Why forward KL covers every mode
    $$ \\operatorname{KL}(p\\|q) = \\int p \\log (p/q) $$
    now blows up where $p > 0$ and $q \\to 0$. So $q$ must be positive wherever $p$ is.

The display is the sentence's subject and "now blows up where …" its predicate: the reason the next sentence's
conclusion rests on. A remark card under the formula (`remarks`) keeps it, after an ellipsis that marks the formula
on the front as its subject, instead of dropping it as the formula sentence's end ("with $\\epsilon \\approx 0.2$."
is a setting, "where $x$ is …" a legend: neither opens on a verb, and both are still left out). Pure.
"""

from __future__ import annotations

import re

# A predicate of the formula above: an optional adverb, then a verb the formula is the subject of
_PREDICATE = re.compile(r"(?:(?:now|then|also|still|only|always|never|just|thus|hence)[ \t]+)?"
                        r"(?:is|are|becomes|blows|goes|grows|tends|vanishes|diverges|equals|reduces|stays|remains|"
                        r"decreases|increases|explodes|falls|drops|shrinks|gives|yields|measures|penalises|penalizes|"
                        r"rewards|counts|sums|averages)\b")
MIN_WORDS = 4  # (fewer: "is positive." says too little to be kept apart from what follows)


def predicate_of_formula(clause: str) -> str:
    """The clause (a sentence that goes on after a display formula in lower case) when it says something of the
    formula, as the card shows it ("… now blows up where …"); '' for a setting, a legend or a clause too short."""
    clause = clause.strip()
    if not _PREDICATE.match(clause) or len(clause.split()) < MIN_WORDS or "$$" in clause:
        return ""
    return f"… {clause}"
