"""A card that only repeats a step of a derivation's card is no card of its own.

A step named in a line of its own with its formula inline ("Pythagoras: $\\lVert x\\rVert^2 = …$.") joins the
derivation's card (`step_gaps`); read as a labelled line too, it would be asked "… › Pythagoras" with the same
formula on its back, the step without the derivation it steps in. Pure: drafts in, drafts out.
"""

from __future__ import annotations

import re

from mlwiki.extract.draft import written_by_hand
from mlwiki.models import CardKind

_LONE_STEP = re.compile(r"(?s)[ \t]*(?P<label>[^$:\n]{1,40}):[ \t]*\$(?P<formula>[^$]+)\$[ \t]*[.,;]?[ \t]*")


def without_step_twins(drafts: list) -> list:
    """The (sibling drafts, path) pairs without a card whose back is only "Label: $formula$" when a formula card's
    back holds that label and formula, as a step of its derivation."""
    steps = [" ".join(d.back.split()) for group, _ in drafts for d in group
             if d.kind == CardKind.FORMULA and "$$" in d.back and "\n\n" in d.back]
    if not steps:
        return drafts
    out = []
    for group, path in drafts:
        kept = [d for d in group if not _twin(d, steps)]
        if kept:
            out.append((kept, path))
    return out


def _twin(draft, steps: list[str]) -> bool:
    if draft.kind != CardKind.BASIC or written_by_hand(draft) or "$" not in draft.back:
        return False
    match = _LONE_STEP.fullmatch(draft.back)
    if not match:
        return False
    label, formula = match["label"].strip(), " ".join(match["formula"].split())
    return any(f"{label}: $${formula}$$" in step for step in steps)
