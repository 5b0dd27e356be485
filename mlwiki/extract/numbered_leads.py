"""Formulas a section numbers instead of naming: one card of them all, under the section's heading.

    ## Detail
    - Method 1: $\\eta = \\eta_0 / (1 + k t)$
    - Method 2: $\\eta = k^t \\eta_0$

Each was a formula card asked "… › Detail / Method 2:": the writer's number says nothing of which formula is meant, so
the learner could only guess which of the section's formulas the front wants. Together they answer what the heading
asks (the ways it lists), in the writer's order: one card, its front the heading path, its back the numbered lines
with their formulas (unless a card of the heading's own is asked so). A numbered lead-in alone under its heading
("Method 1:" and nothing beside it) stays as it is: only the set of alternatives says what the numbers count.
Pure: the walk's drafts in, the drafts out.
"""

from __future__ import annotations

import re

from mlwiki.extract.draft import Draft
from mlwiki.extract.formulas import strip_delimiters
from mlwiki.models import CardKind

FORM = "lone-formula"  # (the merged card holds what those cards held; `mlwiki check` counts it with them)
_BREAK = "\n\n"  # (between a formula card's heading path and its lead-in)
# A lead-in that is only the writer's numbering of alternatives: "Method 2:", "Option (3).", "Approach #1:"
_NUMBERED = re.compile(r"(?i)(?:method|option|approach|way|variant|version|alternative|choice|schedule|rule|formula|"
                       r"form)[ \t]*(?:#|no\.[ \t]*)?\(?\d{1,2}\)?[ \t]*[:.]?")


def merged_numbered_leads(drafts: list) -> list:
    """The drafts (`(siblings, heading path)` pairs) with the formula cards of a heading whose lead-ins only number
    them (see the module's docstring) made one card, where the first of them stood."""
    groups: dict[str, list[int]] = {}
    for k, (siblings, _) in enumerate(drafts):
        if (heading := _numbered_heading(siblings)) is not None:
            groups.setdefault(heading, []).append(k)
    fronts = {d.front for siblings, _ in drafts for d in siblings}
    merged = {ks[0]: ks for heading, ks in groups.items() if len(ks) > 1 and heading not in fronts}
    if not merged:
        return drafts
    gone = {k for ks in merged.values() for k in ks[1:]}
    out = []
    for k, (siblings, path) in enumerate(drafts):
        if k in merged:
            out.append(([_merged([drafts[j][0][0] for j in merged[k]])], path))
        elif k not in gone:
            out.append((siblings, path))
    return out


def _numbered_heading(siblings: list[Draft]) -> str | None:
    """The heading path of a lone formula card whose lead-in only numbers it; None for any other card."""
    card = siblings[0]
    if len(siblings) != 1 or card.kind != CardKind.FORMULA or _BREAK not in card.front:
        return None
    heading, lead = card.front.rsplit(_BREAK, 1)
    return heading if _NUMBERED.fullmatch(lead.strip()) and card.back.count("$$") == 2 else None


def _merged(cards: list[Draft]) -> Draft:
    """One card of the numbered formulas, each on its line after its number."""
    lines = []
    for card in cards:
        lead = card.front.rsplit(_BREAK, 1)[1].strip()
        lines.append(f"- {lead} ${strip_delimiters(card.back.strip()).strip()}$")
    first = cards[0]
    return Draft(CardKind.BASIC, first.front.rsplit(_BREAK, 1)[0], "\n".join(lines), first.line, deck=first.deck,
                 tags=first.tags, form=FORM)
