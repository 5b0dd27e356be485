"""A log's line of the writer's own scores: "linear probe 71%, full fine-tune 84%, + BN frozen 86%" under a label
("Leaf dataset: …"). Each part names a setting of the writer's run and the number it got on their data: how that day's
run went, no fact a learner recalls (the rule a run shows is the writer's sentence about it, carded as any). A line is
such scores when it is only two or more parts, each a few words and a percentage. Pure: a string in, a bool out.
"""

from __future__ import annotations

import re

_PARTS = re.compile(r"[ \t]*[,;][ \t]*")
# One setting and its score: "full fine-tune 84%", "+ BN frozen 86.5%", "baseline: 71 %"
_SCORE = re.compile(r"[ \t]*(?:[+&][ \t]*)?[^\W\d_][\w'’ ./()-]{0,40}?:?[ \t]+~?\d{1,3}(?:\.\d+)?[ \t]*%[ \t]*")
_MIN_PARTS = 2


def is_scores(back: str) -> bool:
    """Whether a card's back is only the writer's scores (see the module's doc)."""
    text = back.strip().rstrip(".")
    if "%" not in text or "\n" in text:
        return False
    parts = _PARTS.split(text)
    return len(parts) >= _MIN_PARTS and all(_SCORE.fullmatch(part) for part in parts)
