"""The label an outline gives a display formula: the formula alone in a bullet nested under a bullet that only names
it, as outliners (Tana, Logseq, Roam, Workflowy) write a topic's variants.

    - Post-LN                                  →  "… › Post-LN / Formula"
      - $$x_{l+1} = \\mathrm{LN}(x_l + F(x_l))$$
      - the norm sits on the residual path
    - Pre-LN                                   →  "… › Pre-LN / Formula"
      - $$x_{l+1} = x_l + F(\\mathrm{LN}(x_l))$$

No sentence introduces either formula, so both were asked by the same "… / Formula" front and went onto one card
(the learner asked to recall both variants, unnamed, at once). The bullet each is nested under says which it is.
Pure: the lines written before a formula in, a label out.
"""

from __future__ import annotations

import re

from mlwiki.extract.lines import indent_width

_ITEM = re.compile(r"(?P<indent>[ \t]*)(?:[-*+]|\d{1,3}[.)])[ \t]+(?P<text>.*)")
# A label, not a sentence: a few words, no math, no sentence's end ("Post-LN (original 2017 Transformer)", "Recap:")
_LABEL = re.compile(r"[^$.!?;#\n][^$.!?;\n]{0,79}?:?")  # (not a heading, "## Setup", a Logseq block writes)
MAX_LABEL_WORDS = 8
# A label that names no formula ("Formula", "Definition", "Details"): the front says "Formula" already
_GENERIC = re.compile(r"(?i)(?:the[ \t]+)?(?:formulas?|equations?|definitions?|math|maths|details?|notes?|"
                      r"overview|summary|recap|in short)[ \t]*")


def parent_label(before: list[str]) -> str:
    """The label of the bullet a formula's own bullet (the last of `before`, with nothing after its marker) is
    nested right under; '' when the formula is not alone in a nested bullet or that bullet is no label."""
    lines = [line for line in before if line.strip()]
    own = _ITEM.fullmatch(lines[-1]) if lines else None
    if own is None or own.group("text").strip() or not own.group("indent"):
        return ""
    depth = len(own.group("indent").expandtabs(4))
    for line in reversed(lines[:-1]):
        item = _ITEM.fullmatch(line)
        indent = indent_width(line)
        if indent >= depth:
            continue
        if item is None:
            return ""
        text = item.group("text").strip()
        label = text.replace("**", "").rstrip(":").strip()  # ("- **Pre-LN**": the bold marks no words of its own)
        named = _LABEL.fullmatch(text) and len(text.split()) <= MAX_LABEL_WORDS and not _GENERIC.fullmatch(label)
        return label if named else ""
    return ""


def named_by_bullet(fronts: dict, parts: list[str], path: str, before: list[str]) -> tuple[str, list[str]]:
    """(the front its id is made of, the parts of its front) of a formula card whose front is the bare "… / Formula"
    (`parts`, under the heading path `path`; `before`: its paragraph's lines before it), given `fronts` (front →
    the formula card that has it): asked by the bullet it is nested under when that names it, a card of its own
    ("- Pre-LN" then "- Post-LN", each over its formula). A formula no bullet names joins the card of the formula
    before it with the bare front, as does one whose bullet names that card already."""
    bare = "\n\n".join(parts)
    label = parent_label(before)
    asked = [f"{path} › {label}" if path else label, parts[-1]]
    if (first := fronts.get(bare)) is not None and (not label or first.front == "\n\n".join(asked)):
        return "", parts  # (its bullet's formulas on one card; one no bullet names goes on with the one above)
    if not label:
        return "", parts
    return bare, asked  # (a formula under a bullet of its own name: asked by it, whatever came before)
