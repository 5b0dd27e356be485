"""The cue a hidden sentence or paragraph keeps when it opens on the case it speaks of, a condition up to its colon
or comma (`sentence_clozes`, `paragraph_clozes`): its first three words, "For a noisy [...]", "With a non-zero
[...]", cut that case in half, so the learner cannot tell which case is asked; the whole condition says it.

    For a noisy *observation* $y_*$ at $x_*$: same mean, larger variance.  →  For a noisy *observation* $y_*$ at $x_*$: [...]
    For a **fixed** $h$ (chosen before $S$), the estimate is unbiased.      →  For a **fixed** $h$ (chosen before $S$), [...]

Only a condition the sentence opens on ("For", "With", "When", "If", "Given", "Under", "Once", "Whenever"), of at
most `MAX_WORDS` words (a formula one) and at most `MAX_SHARE` of the text, with its brackets, formulas and
emphasis closed, no number outside a formula, and at least `MIN_REST_WORDS` words after it: what is asked. Pure:
text in, text out.
"""

from __future__ import annotations

import re

from mlwiki.extract.item_cues import _DIGIT, _MATH
from mlwiki.extract.sentence_cues import _unbalanced

MAX_WORDS = 9
MAX_SHARE = 0.7  # (a condition may be most of a short sentence: "same mean, larger variance" is still what is asked)
MIN_REST_WORDS = 3
# A condition the text opens on, up to the first colon or comma that ends it (no sentence end inside it)
_CONDITION = re.compile(r"(?:For|With|When|Whenever|If|Given|Under|Once)[ \t](?:\$[^$\n]{1,60}\$|[^$:,.;!?\n])"
                        r"{2,120}?[:,][ \t]+(?=\S)")


def condition_cue(text: str) -> str:
    """The condition a text opens on, with its colon or comma and the space after it; '' when it opens on none
    that fits (see the module's doc)."""
    found = _CONDITION.match(text)
    if not found:
        return ""
    cue = found.group(0)
    words, rest = _words(cue), _words(text[found.end():])
    if words > MAX_WORDS or words > MAX_SHARE * (words + rest) or rest < MIN_REST_WORDS:
        return ""
    plain = _MATH.sub("", cue)  # (a formula's "*" or "_", "$y_*$", is no emphasis)
    if _unbalanced(cue) or plain.count("*") % 2 or plain.count("_") % 2 or _DIGIT.search(plain):
        return ""  # (a cue that cuts emphasis or a bracket open, or shows a number, which may be the answer)
    return cue


def _words(text: str) -> int:
    """How many words a text has, a formula one."""
    return len(_MATH.sub("x", text).split())
