"""What the writer once believed and how it was put right, as "Things I got wrong" lists write it: `- thought a
flat curve = no effect → could be two effects cancelling`. The line is a correction, not a definition of "thought
a flat curve": its card asks what is wrong with the belief, and the back is the correction after the arrow (or a
semicolon, a dash, a "but").
Pure: text in, (question, answer) out; `mlwiki.extract.toggles` makes the cards."""

from __future__ import annotations

import re

from mlwiki.extract.lines import LIST_ITEM
from mlwiki.extract.masking import mask_inline
from mlwiki.extract.prose import clean_prose

FORM = "correction"
# What opens a belief the writer held ("thought …", "I thought that …", "used to think …", "I wrongly assumed …"); not
# "thought experiment", nor an assumption a derivation makes ("assumed i.i.d. data → …")
BELIEF = re.compile(r"(?i)[ \t]*(?:(?:i[ \t]+)?(?:wrongly[ \t]+|first[ \t]+|originally[ \t]+)?(?:thought|believed|used[ \t]+to"
                    r"[ \t]+(?:think|believe))|i[ \t]+(?:wrongly[ \t]+)?assumed|wrongly[ \t]+assumed)(?:[ \t]+that)?[ \t]+"
                    r"(?!(?:experiments?|process(?:es)?|vectors?|leaders?|about|-?provoking)\b)(?=\S)")
_ARROW = re.compile(r"[ \t]+(?:→|->|=>|⇒|⟶|—|–|--)[ \t]+|[ \t]*(?:;|,?[ \t]+but(?:[ \t]+actually)?,?)[ \t]+")
_MIN_WORDS = 2  # (of the belief: "thought so → …" holds no belief to recall)


def correction(item_text: str) -> tuple[str, str] | None:
    """(the question, the correction) of a list item that says what the writer believed and, after an arrow (a
    semicolon, a dash, "but"), what is right instead; None for any other item."""
    text = LIST_ITEM.sub("", item_text, count=1)
    if not (belief := BELIEF.match(text)):
        return None
    masked = mask_inline(text)[0]  # (an arrow in code or math is none: `a -> b`)
    arrow = _ARROW.search(masked, belief.end())
    if arrow is None:
        return None
    held = clean_prose(text[belief.end():arrow.start()]).strip(" ,;:")
    fix = text[arrow.end():].strip()
    if len(held.split()) < _MIN_WORDS or not fix:
        return None
    return f"Misconception: {held} — what is right?", fix
