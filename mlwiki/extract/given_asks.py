"""A case's heading over what follows from it, made to ask for what follows: a tab or section named for one case
("… › Split gain › squared error", "… › Hinge") whose text opens on a formula that leads by an arrow to the
quantities it gives, each written "symbol = …", asks for those quantities in that case:

    … › Split gain › squared error  over "$l = … $ → $g_i = …$, $h_i = 1$. So …"
        →  For squared error, what are $g_i$ and $h_i$?

The heading alone named the case but not what is asked of it (the loss? its gradient? the leaf weight?); the
symbols the arrow leads to say it. Pure: text in, text out.
"""

from __future__ import annotations

import re

# The opening line: one formula (and the words that qualify it, "with $p = …$ (raw margin)") before an arrow
_OPENING = re.compile(r"\$[^$\n]+\$[^→\n]{0,80}?[ \t]*(?:→|⇒|\\Rightarrow|-->?>)[ \t]*(?P<given>[^\n]+)")
# A quantity the arrow gives: "$g_i = …$"; its symbol short ("g_i", "\\hat w", "H_{jj}")
_GIVEN = re.compile(r"\$[ \t]*(?P<symbol>\\?[A-Za-z]{1,6}(?:_\{?[A-Za-z0-9,]{1,6}\}?)?(?:\^\{?[*A-Za-z0-9]{1,3}\}?)?)"
                    r"[ \t]*=[^$]+\$")
_BETWEEN = re.compile(r"[ \t]*(?:,|and|,[ \t]*and)?[ \t]*")


def given_question(path: str, back: str) -> str | None:
    """"For <case>, what are $a$ and $b$?" for a heading-only front whose back opens on a formula that leads by an
    arrow to the quantities it gives ("$l = …$ → $g_i = …$, $h_i = 1$"); None for any other back."""
    case = path.rsplit(" › ", 1)[-1].strip()
    opening = _OPENING.match(back.lstrip())
    if " › " not in path or not case or "$" in case or not opening:
        return None
    symbols = _symbols(opening["given"])
    if not symbols:
        return None
    named = f"${symbols[0]}$" if len(symbols) == 1 else \
        ", ".join(f"${s}$" for s in symbols[:-1]) + f" and ${symbols[-1]}$"
    return f"For {case}, what {'is' if len(symbols) == 1 else 'are'} {named}?"


def _symbols(given: str) -> list[str]:
    """The symbols of the quantities written one after another at the start of `given` ("$g_i = …$, $h_i = 1$"),
    each once; none when the text after the arrow is not such a list."""
    symbols: list[str] = []
    at = 0
    while found := _GIVEN.match(given, at):
        if found["symbol"] not in symbols:
            symbols.append(found["symbol"])
        at = _BETWEEN.match(given, found.end()).end()
    return symbols if symbols and len(symbols) <= 4 else []
