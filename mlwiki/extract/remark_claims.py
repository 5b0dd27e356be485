"""A remark card under a display formula whose back is a list of separate claims, a card per claim.

    ## Focal loss                                 →  "… › Focal loss › What holds for FL?" + the formula
    $$\\mathrm{FL}(p_t) = …$$                          over "the modulating factor down-weights easy examples …"
    - the modulating factor down-weights …         →  "… › Focal loss › Prior init of the bias" + the formula
    - **Prior init of the bias**: $b = …$ so …         over "Prior init of the bias: $b = …$ so …"
    - 39.1 AP on COCO: first one-stage detector …  →  "… › Focal loss › 39.1 AP on COCO" + the formula

A remark card asks one question of the formula it shows ("What holds for FL?", "What it says"); when its back is
a list of three or more statements that each say what they are about (a label, a bold term, a subject: the
grab-bag test, `grabbag.split_grab_bag`), the learner is asked for all of them at once and recalls one. Each item
that names its topic becomes a card "path › topic" that still shows the formula (what the claim is about: "second
term (codebook loss)" means nothing without it); an item that names none stays on the remark's card, which keeps
its id, and when every item names its topic the first one stays there. A front another card has already is not
made twice: that item stays. Pure: drafts in, drafts out.
"""

from __future__ import annotations

from dataclasses import replace

from mlwiki.extract.claim_items import NOT_SUBJECT
from mlwiki.extract.draft import written_by_hand
from mlwiki.extract.grabbag import split_grab_bag
from mlwiki.extract.lines import LIST_ITEM
from mlwiki.extract.remarks import FORM as REMARK_FORM


def remark_claims_apart(drafts: list) -> list:
    """The drafts with each remark card whose back is a list of separate claims split into a card per claim (see
    the module's doc); any other draft as it was."""
    fronts = {d.front for group, _ in drafts for d in group}
    out = []
    for group, heading in drafts:
        draft = group[0]
        parts = _claims(draft) if len(group) == 1 and draft.form == REMARK_FORM and not written_by_hand(draft) \
            else None
        made = [(front, back) for front, back in parts[1:] if front not in fronts] if parts else []
        if not made:
            out.append((group, heading))
            continue
        own_front, first = parts[0]
        left = [back for front, back in parts[1:] if front in fronts]  # (an item whose front another card has: stays)
        back = "\n".join(f"- {b}" for b in [first, *left]) if left else first
        out.append(([replace(draft, front=own_front if own_front not in fronts else draft.front, back=back,
                             id_front=draft.id_front or f"{REMARK_FORM}: {draft.front}")], heading))  # (its id kept)
        for front, item in made:
            fronts.add(front)
            out.append(([replace(draft, front=front, back=item, id_front="")], front))
    return out


def _claims(draft) -> list[tuple[str, str]] | None:
    """(the front of the claim that stays on the remark's card, its back), then (front, back) of each claim asked
    apart; None when the back is no list of separate claims under a formula."""
    if "\n\n" not in draft.front or not LIST_ITEM.match(draft.back.lstrip()):
        return None
    asked, formula = draft.front.split("\n\n", 1)
    if not formula.lstrip().startswith(("$$", "\\[", "\\begin")) or " › " not in asked:
        return None
    path = asked.rsplit(" › ", 1)[0]  # (the question, "What holds for FL?", is no topic's path)
    split = split_grab_bag(path, draft.back)  # (an item that names no topic stays: its opening clause as a front
    # gives its answer away, "› Must know $T$ in advance")
    if not split or len(split) < 2 or any(_no_topic(front.rsplit(" › ", 1)[-1]) for front, _ in split[1:]):
        return None
    first = draft.front if split[0][0] == path else f"{split[0][0]}\n\n{formula}"  # (every item names its topic:
    # the first is asked by its own, on the remark's card and id)
    return [(first, split[0][1])] + [(f"{front}\n\n{formula}", back) for front, back in split[1:]]


def _no_topic(topic: str) -> bool:
    """Whether a topic the grab-bag test read is only function words ("and", a bold "**and**" inside a sentence):
    no subject a front can ask by."""
    return all(word in NOT_SUBJECT for word in topic.casefold().replace("*", "").split())
