"""Two terms defined on one line: a glossary written tersely pairs the terms it contrasts on one item,

    - **Masking**: anomalies hide each other. **Swamping**: normal points near anomalies get flagged.

and the definition card of the first term would ask for it and show the second on its back, asked by nothing. The
second `**Term**: …` after the first definition's sentence is a definition card of its own, under the same path;
the first card keeps its id. A rule on the form of the line (a sentence's end, then a bold term and its colon), not
on its words. Pure: drafts in, drafts out.
"""

from __future__ import annotations

import re
from dataclasses import replace

_DEFINITION_FORMS = frozenset(("definition", "definition-item"))
# The first definition's sentence, then the second term in bold and its colon: "… each other. **Swamping**: …"
_SECOND = re.compile(r"(?P<first>[^\n]*?[.!?])[ \t]+\*\*(?P<term>[^*\n]{1,60}?)\*\*[ \t]*:[ \t]*(?P<said>\S[^\n]*)")
_ASKED = "Define: "


def paired_definitions(drafts: list) -> list:
    """The (sibling drafts, heading path) pairs with each definition card whose back goes on to define a second
    term in bold (see the module's docstring) split in two: that term's definition a card after it."""
    out = []
    for siblings, path in drafts:
        draft = siblings[0]
        found = _SECOND.fullmatch(draft.back.strip()) if len(siblings) == 1 and draft.form in _DEFINITION_FORMS \
            and "**" in draft.back else None
        head, _, asked = draft.front.rpartition("\n\n")
        if found is None or not asked.startswith(_ASKED):
            out.append((siblings, path))
            continue
        out.append(([replace(draft, back=found["first"])], path))  # (its id: its front's, as before)
        second = f"{head}\n\n{_ASKED}{found['term'].strip()}" if head else f"{_ASKED}{found['term'].strip()}"
        out.append(([replace(draft, front=second, back=found["said"].strip(), id_front="")], path))
    return out
