"""A setting's bold label over what it does, not what it is: "- **Number of trees $M$**: unlike random forests,
boosting does overfit as $M$ grows", "- **Tree size $J$**: controls the interaction order …" under "## Regularisation
knobs". The text is a claim about the setting (what it controls, how it behaves), which "Define: Tree size $J$" does
not ask for; the card asks "… › Regularisation knobs › Tree size $J$". A setting is a bold label under a heading
over settings ("knobs", "hyperparameters", "tuning") or a label naming its symbol ("Number of trees $M$"); its text
is a claim when it opens on what the setting does ("controls …", "unlike …", "larger …", "trades …"), not on what
it is ("the number of …", "a cap on …"). Pure: text in, a yes or no out.
"""

from __future__ import annotations

import re

# A heading over settings: "Regularisation knobs", "Hyperparameters", "Tuning", "Key settings"
_SETTINGS = re.compile(r"(?i)\b(?:knobs?|hyper-?parameters?|settings|tuning|tunables)\b")
_SYMBOL_LAST = re.compile(r"[^$\n]*[^$\s][ \t]+\$[^$\n]{1,30}\$")  # ("Number of trees $M$": a setting and its symbol)
# What a setting's text opens on when it says what the setting does: a verb of control or of comparison
_DOES = re.compile(r"(?i)[ \t]*(?:unlike|like|controls?|governs?|trades?|sets?|caps?|limits?|bounds?|determines?|"
                   r"decides?|affects?|matters?|reduces?|increases?|decreases?|lowers?|raises?|"
                   r"slows?|speeds?|makes?|helps?|hurts?|prevents?|avoids?|regulari[sz]es?|"
                   r"(?:larger|smaller|higher|lower|bigger|more|fewer|less|too)[ \t]+\S)\b")


def claims_of_setting(heading: str, term: str, text: str) -> bool:
    """Whether a `**term**: text` item is a setting's label over a claim about it (see the module docstring)."""
    return bool((_SETTINGS.search(heading) or _SYMBOL_LAST.fullmatch(term)) and _DOES.match(text))
