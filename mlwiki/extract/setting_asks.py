"""A sentence that sets a setting equal to what it brings: "Fewer parameters = less overfitting", "Small $K$ =
smooth shapes, large $K$ = wiggly ones". Its "=" reads as "leads to", not "is": the words before it are a degree or an
amount of something, no name of a term, so "What are fewer parameters?" asks what no one would. The card asks what
the setting leads to: "What do fewer parameters lead to?". Pure: text in, text out.
"""

from __future__ import annotations

import re

# A term that opens on a degree or an amount is a setting, not a name ("Fewer parameters", "Small $K$", "Higher lr")
_DEGREE = re.compile(r"(?i)(?:(?:a|the)\s+)?(?:fewer|more|less|small(?:er)?|larger?|big(?:ger)?|high(?:er)?|"
                     r"low(?:er)?|long(?:er)?|short(?:er)?|deep(?:er)?|wider?|many|few)\s+\S")


def led_to_question(shown: str, plural: bool) -> str:
    """"What do fewer parameters lead to?" for a term `shown` (as the question writes it) that opens on a degree or
    an amount, set equal to what it brings; '' for a term that names something."""
    if not _DEGREE.match(shown):
        return ""
    return f"What {'do' if plural else 'does'} {shown} lead to?"
