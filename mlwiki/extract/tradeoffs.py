"""Trade-offs after a formula, asked as trade-offs. A section on a model often writes its formula, then how the model
compares with its rivals, in bullets that open on a comparative:

    $$P(o \\mid c) = \\frac{\\exp(u_o^\\top v_c)}{\\sum_w \\exp(u_w^\\top v_c)}$$
    - better for rare words, small data
    - slower (one prediction per context word)
      →  "… › Skip-gram › Trade-offs"  /  the bullets     (not "… › What it says" over the formula)

Such bullets do not read the formula (no symbol of it, no pointer back at it, nothing of what it gives), so a
front that shows the formula and asks what it says is answered by none of them. Bullets that judge the formula's
value ("lower is better") do read it, and keep their front. Pure: a remark card's front and back in, its new front
out.
"""

from __future__ import annotations

import re

from mlwiki.extract.prose import clean_prose
from mlwiki.extract.remarks import quantity_names, speaks_of_formula

FRONT = "Trade-offs"
MIN_ITEMS, MAX_ITEMS = 2, 8
_ITEM = re.compile(r"[-*+][ \t]+(?=\S)")
# A bullet that opens on a comparative ("better for rare words", "slightly **faster** to train", "much less memory")
_COMPARES = re.compile(r"(?i)(?:(?:slightly|much|far|a bit|a lot|often|usually|generally|typically|way|even|"
                       r"noticeably|somewhat|significantly) )?(?:more|less|fewer|better|worse|faster|slower|cheaper|"
                       r"costlier|simpler|easier|harder|lower|higher|smaller|larger|bigger|stronger|weaker|quicker|"
                       r"longer|shorter|safer|riskier|noisier|smoother|sparser|denser|"
                       # (or on what the subject is good or bad at: "robust to outliers", "cheap to evaluate")
                       r"good|bad|poor|great|fine|ideal|useful|robust|sensitive|prone|stable|unstable|expensive|"
                       r"cheap|costly|fast|slow|simple|easy|hard|scalable)\b(?! (?:is|are|means?)\b)")
_EMPHASIS = re.compile(r"\*\*|__|[*_](?<!\w[*_])|[*_](?!\w)")  # ("**faster** to train": the word, not its bold;
# each mark before what is around it: the search skips to a mark)
_POINTS_BACK = re.compile(r"(?i)\b(?:it|its|this|these|that's|it's)\b|^(?:=|≈|→|<|>|≤|≥)")


def tradeoff_front(path: str, formula: str, back: str) -> str | None:
    """"path › Trade-offs" for the back of a "What it says" card (the formula on its front) that is a list of
    bullets comparing the subject with its rivals, none of which reads the formula; None for any other back."""
    items = [line for line in back.split("\n") if line.strip()]
    if not MIN_ITEMS <= len(items) <= MAX_ITEMS or not all(_ITEM.match(line) for line in items):
        return None  # (a flat list of one-line bullets only)
    raw = [_ITEM.sub("", line, count=1) for line in items]
    said = [clean_prose(_EMPHASIS.sub("", text)).strip() for text in raw]
    names = quantity_names(formula)
    if any("$" in text for text in raw) or any(_reads(text, names) for text in said) \
            or 2 * sum(bool(_COMPARES.match(text)) for text in said) < len(said):
        return None
    return f"{path} › {FRONT}"


def _reads(text: str, names: list[str]) -> bool:
    """Whether a bullet (in plain words) reads the formula before it: points back at it, names one of its parts or
    the quantity it defines, or goes on from it ("= …")."""
    return bool(_POINTS_BACK.search(text)) or speaks_of_formula(text) \
        or any(name in text for name in names)
