"""A card under a heading that states a claim ("## Bounded variation ⇒ integrable") whose back is about the claim's
converse ("The converse — integrable ⇒ bounded variation — fails: …"): the front asks the claim, which the back does
not answer, and the learner shown the bare heading recalls the claim, not what its converse needs. The front asks
the converse: "… › Bounded variation ⇒ integrable › The converse". The card keeps its id. Pure: drafts in, drafts
out."""

from __future__ import annotations

import re

from mlwiki.extract.draft import asked_anew

# A back that opens on the converse (or the reverse direction) of something: "The converse — … — needs …",
# "The converse is an extra assumption", "The reverse direction fails"
_CONVERSE = re.compile(r"\**The (?P<what>converse|reverse direction|reverse implication)\b")


def converses_asked(drafts: list) -> list:
    """The drafts (`(siblings, heading path)` pairs), each card whose front is its bare heading path and whose
    back opens on the converse asked for the converse of what the heading says (see the module's doc)."""
    return asked_anew(drafts, _asked)


def _asked(draft) -> str:
    """The front that asks for the converse the back opens on; '' for any other card."""
    front = draft.front
    if "\n" in front or front.endswith("?") or (found := _CONVERSE.match(draft.back)) is None:
        return ""  # (a front that asks a sentence or a question asks something of its own)
    if front.rsplit(" › ", 1)[-1].lower().startswith(("the converse", "converse")):
        return ""  # ("… › Converse": asked already)
    return f"{front} › The {found['what']}"
