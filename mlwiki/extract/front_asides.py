"""A term named in brackets inside a formula's introducing sentence ("Scores for each pair (only over the window =
"local" attention):"): shown on the front, the fact it states is never asked, so it goes to the back, after the
formula, its sentence on the front without it. A formula card's id is its formulas': it stays. Pure: drafts in,
drafts out."""

from __future__ import annotations

import re
from dataclasses import replace

from mlwiki.models import CardKind

# A bracket in the introduction that names a term in quotes: "(only over neighbours = "masked" attention)",
# "(the so-called “hard” negatives)"
_NAMING_ASIDE = re.compile(r"[ \t]*\(([^()\n\"“”]{2,80}[\"“][^\"“”()\n]{2,40}[\"”][^()\n\"“”]{0,40})\)")


def named_asides_on_back(drafts: list) -> list:
    """The (sibling drafts, heading path) pairs with each formula card's naming bracket moved from its
    introduction to its back."""
    return [([_moved(d) for d in siblings], path) for siblings, path in drafts]


def _moved(draft):
    path, gap, intro = draft.front.rpartition("\n\n")
    if draft.kind != CardKind.FORMULA or not gap or "(" not in intro or draft.explicit_id:
        return draft
    found = list(_NAMING_ASIDE.finditer(intro))
    if len(found) != 1:
        return draft  # (several: the sentence is made of them)
    aside = found[0]
    said = aside.group(1).strip()
    return replace(draft, front=f"{path}{gap}{intro[:aside.start()]}{intro[aside.end():]}",
                   back=f"{draft.back}\n\n{said[0].upper()}{said[1:]}.")
