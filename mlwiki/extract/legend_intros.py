"""A formula introduced by a sentence that only says what the symbols it uses are:

    Position $q$ = parameters; auxiliary **momentum** $p \\sim \\mathcal N(0, M)$ independent of $q$.
    $$H(q, p) = U(q) + K(p)$$
      →  front "… › Add momentum / Position $q$ = parameters; …: $H(q, p) =$ …"

Such a sentence (a clause per symbol, "$q$ = …", "momentum $p \\sim …$") is a legend set before the formula, not
what the formula is: as the card's front it asks for nothing the formula says. The formula's left sides after it
(`firstwords.left_sides`, as a front shows them after an introduction that states nothing) say what is asked. The
card's id comes from its formula, so it stays. Pure: text in, text out.
"""

from __future__ import annotations

import re

from mlwiki.extract.firstwords import left_sides

# A clause that says what a symbol is: a word or two naming it, then the symbol with its relation in the math
# ("auxiliary **momentum** $p \sim \mathcal N(0, M)$ …") or after it ("Position $q$ = parameters")
_NAMES_SYMBOL = re.compile(r"(?:[*_]{0,2}[A-Za-z][\w-]*[*_]{0,2}[ \t]+){0,2}\$[^$\n]{1,20}?(?:=|\\sim\b|\\in\b|~)"
                           r"[^$\n]*\$|(?:[*_]{0,2}[A-Za-z][\w-]*[*_]{0,2}[ \t]+){0,2}\$[^$\n]{1,20}\$[ \t]*="
                           r"[ \t]*[*_]{0,2}[A-Za-z]")
_CLAUSES = re.compile(r"[ \t]*;[ \t]*")
# An introduction broken off on a conjunction the formula completes ("where $\tau = (s_0, a_0, …)$ and" over
# "$$p_\theta(\tau) = …$$"): read alone it ends mid-sentence and says nothing of what is asked
_BROKEN_OFF = re.compile(r"(?:^|[ \t,])(?:and|or)[ \t]*$")


def with_asked_sides(intro: str, bodies: list[str]) -> str:
    """The introduction with the formulas' left sides after it when it only says what symbols are (see the
    module's doc) and names none of those sides; as it is otherwise."""
    said = intro.strip()
    if not said.endswith(".") or "\n" in said:
        return intro
    clauses = _CLAUSES.split(said.rstrip(" ."))
    if not all(_NAMES_SYMBOL.match(clause) for clause in clauses) or not (sides := left_sides(bodies)):
        return intro
    if any(side.strip() and _bare(side) in _bare(said) for side in re.findall(r"\$([^$=]*?)[ \t]*[^$\s]*\$", sides)):
        return intro  # (it says what the formula defines: it introduces it)
    return f"{said.rstrip(' .')}: {sides}"


def _bare(math: str) -> str:
    """Math without spaces and braces, to look for one symbol in a text."""
    return re.sub(r"[\s{}]", "", math)


def completed_by_sides(intro: str, bodies: list[str]) -> str:
    """An introduction that breaks off on "and"/"or" (see `_BROKEN_OFF`), finished by the formulas' left sides, so
    that the front reads to its end and names what is asked ("… and $p_\\theta(\\tau) =$ …"); as it is otherwise."""
    said = intro.rstrip()
    if "\n" in said or not _BROKEN_OFF.search(said) or not (sides := left_sides(bodies)):
        return intro
    return f"{said} {sides}"
