"""A heading that says what its subject is equal to ("### RF = bagging + random feature subset at every split",
"## AdaBoost = FSAM with exponential loss"): the fact stood only on the fronts of the cards under it, as their path,
and no card asked it. It is a card of its own, asked by the name on its left under the headings above it:

    ### RF = bagging + random feature subset at every split   →  Random forests › RF
                                                                   RF = bagging + random feature subset at every split

Not a heading whose right side only judges or points ("Gain formula = the thing to remember"), nor one
that only counts the parts its section names ("The fix = two ingredients": its card says nothing of them).
Pure: drafts and the note's blocks in, drafts out.
"""

from __future__ import annotations

import re

from mlwiki.extract.blocks import Block
from mlwiki.extract.draft import Draft
from mlwiki.extract.lines import HEADING
from mlwiki.extract.prose import heading_text
from mlwiki.models import CardKind

FORM = "equated-heading"
# "RF = bagging + …", "Forward KL = maximum likelihood": a name of a few words, an equals sign, what it is
_EQUATED = re.compile(r"([A-Z][\w.+-]*(?:[ \t][\w.+-]+){0,2})[ \t]+=[ \t]+([^=$\n]{3,80})")
# What only judges, points or speaks of the writer: "the thing to remember", "my favourite", "a must"
# (or only counts the parts the section goes on to name: "The fix = two ingredients", "Training = 3 steps")
_NOT_SAID = re.compile(r"(?i)(?:the|a|an|this|that|my|our|your|what|how|why|"
                       r"(?:two|three|four|five|six|seven|eight|nine|ten|several|many|few|\d+)[ \t]+[\w-]+[ \t]*$)\b")


def equated_heading_cards(drafts: list, blocks: list[Block]) -> list:
    """The drafts with a card for each heading of the note (its top-level `blocks`) that equates its name with
    what it is, under the headings above it (the path the cards under it show); the drafts as they were when
    there is none."""
    if not any(" = " in block.lines[0].text for block in blocks if block.kind == HEADING):
        return drafts  # (the common case, said cheaply)
    fronts = {d.front for group, _ in drafts for d in group}
    for block in blocks:
        if block.kind != HEADING or " = " not in block.lines[0].text:
            continue
        heading = heading_text(block.lines[0].text.lstrip("#").strip())
        if not (equated := _EQUATED.fullmatch(heading)) or _NOT_SAID.match(equated.group(2)):
            continue
        parent = next((path.partition("\n\n")[0].split(" › ") for _, path in drafts
                       if heading in path.partition("\n\n")[0].split(" › ")), None)
        if parent is None:
            continue  # (no card under it: its path is not known, and its section said nothing)
        front = " › ".join([*parent[:parent.index(heading)], equated.group(1)])
        if front not in fronts:
            fronts.add(front)
            drafts.append(([Draft(CardKind.BASIC, front, heading, block.start, form=FORM,
                                  id_front=f"{FORM}: {front}")], front))
    return drafts
