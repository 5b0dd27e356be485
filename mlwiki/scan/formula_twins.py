"""A cheat sheet's formula that a note of its own cards: one card per fact.

An index or hub note keeps a table or list of the formulas its writer looks up ("| perplexity | $\\exp(-\\frac1N
\\sum_i \\ln P(w_i \\mid w_{<i}))$ |"), each of which the note on that subject cards where it explains it ("Perplexity
› Definition / Taking logs, it's the exponential of the average negative log-likelihood per token:" → the formula).
The learner would meet the same formula twice, once under a front that only names it, so the cheat sheet's card is
marked as a duplicate of the explaining note's card, as `duplicates` marks a copied card (its row and history kept;
it comes back when the twin goes).

A card is such a copy when it is a basic card whose back is one inline formula and nothing else, and a formula card of
another note
- is named by it: the label its front ends on ("… › perplexity", "… › perplexity › formula", a table's column name
  after it) is a word or words of that card's front (its note's title or a heading), and
- writes the same formula: the same symbols, give or take the way it is typeset (`\\frac1N` or `1/N`, `\\big(`,
  `\\left(`, spacing, a name on the left of "=", a sum's limits): `SAME_SYMBOLS` of them shared or more;
and no other formula card of that subject comes as close. Pure: card rows in, marks out (`refresh` reads and
writes the store).
"""

from __future__ import annotations

import re
import sqlite3

from mlwiki.store import duplicates as marks

SAME_SYMBOLS = 0.8  # shared symbols over all symbols of the two formulas (Jaccard)
MIN_SYMBOLS = 4  # a shorter formula ("$p_n$") says too little to tell it is the same one
HEADING_SEPARATOR = " › "
_LONE = re.compile(r"\$([^$\n]+)\$[ \t.]*")
_DISPLAY = re.compile(r"\$\$(.+?)\$\$", re.DOTALL)
# Typesetting that says nothing of the formula: sizes, spacing, fonts, operator names' wrappers
_LAYOUT = frozenset("""big Big bigg Bigg bigl bigr Bigl Bigr left right middle quad qquad , ! ; : operatorname mathrm
mathbf mathit mathcal mathbb boldsymbol text textrm displaystyle tfrac dfrac frac limits nolimits""".split())
_NAMED = re.compile(r"\\(?:operatorname|mathrm|text|textrm|mathit)\*?\{([^{}]+)\}")  # (a name: one symbol)
_TOKEN = re.compile(r"\\([A-Za-z]+|[,!;:])|([A-Za-z]+|\d)")
_LIMITS = re.compile(r"(\\(?:sum|prod|int|max|min|sup|inf|lim))\s*(?:_\{[^{}]*\}|_\w)?(?:\^\{[^{}]*\}|\^\w)?")
_LABEL_GENERIC = frozenset(("formula", "formulas", "equation", "definition", "expression", "what", "value"))
_WORD = re.compile(r"\w+")


def symbols(tex: str) -> frozenset[str]:
    """The symbols a formula writes: its commands but layout, its names (`\\operatorname{BP}`) and single letters
    and digits; a sum's limits and the name on the left of its first "=" (when it has one) left out."""
    tex = _LIMITS.sub(r"\1", tex)
    head, eq, rest = tex.partition("=")
    if eq and len(_TOKEN.findall(head)) <= 6:
        tex = rest
    found = {name for name in _NAMED.findall(tex)}
    for command, plain in _TOKEN.findall(_NAMED.sub(" ", tex)):
        if command and command not in _LAYOUT:
            found.add("\\" + command)
        elif plain:
            found.update(plain)  # ("QK": two symbols, as "Q K" writes them)
    return frozenset(found)


def _label(front: str) -> frozenset[str]:
    """The words of the label a copy's front ends on (a table's column name after it left off)."""
    path = front.strip().split("\n")[0].split(HEADING_SEPARATOR)
    while len(path) > 1 and path[-1].strip().casefold() in _LABEL_GENERIC:
        path = path[:-1]
    return frozenset(w.casefold() for w in _WORD.findall(path[-1])) if len(path) > 1 else frozenset()


def _similar(a: frozenset[str], b: frozenset[str]) -> float:
    return len(a & b) / len(a | b) if a and b else 0.0


def twins(rows: list[tuple]) -> dict[str, str]:
    """{copy's id: id of the formula card it repeats} among `rows` (id, kind, front, back, path) of live cards.
    Only formula cards whose front holds a copy's label are read for their symbols (a scan runs this each time)."""
    copies = []
    for cid, kind, front, back, path in rows:
        lone = _LONE.fullmatch(back.strip()) if kind == "basic" else None
        label = _label(front) if lone else frozenset()
        if label:
            copies.append((cid, path, label, lone.group(1)))
    if not copies:
        return {}
    labelled = frozenset().union(*(label for _, _, label, _ in copies))
    originals = []
    for cid, kind, front, back, path in rows:
        if kind == "formula":
            words = frozenset(w.casefold() for w in _WORD.findall(front.split("\n")[0]))
            if not words & labelled:
                continue
            found = _DISPLAY.findall(back) or ([m.group(1)] if (m := _LONE.fullmatch(back.strip())) else [])
            if len(found) == 1:
                originals.append((cid, path, words, symbols(found[0])))
    marks = {}
    for cid, path, label, tex in copies:
        mine = symbols(tex)
        if len(mine) < MIN_SYMBOLS:
            continue
        scored = sorted(((_similar(mine, theirs), oid) for oid, opath, words, theirs in originals
                         if opath != path and label <= words), reverse=True)
        if scored and scored[0][0] >= SAME_SYMBOLS and (len(scored) == 1 or scored[1][0] < scored[0][0]):
            marks[cid] = scored[0][1]
    return marks


def refresh(conn: sqlite3.Connection) -> int:
    """Mark each cheat sheet's copy of another note's formula card anew (see the module's doc), leaving the marks of
    copied cards (`duplicates`) as they are; returns how many copies are marked."""
    rows = marks.formula_twin_rows(conn)
    found = twins(rows)
    formula_ids = {r[0] for r in rows if r[1] == "formula"}
    stale = [cid for cid, kept in marks.marked_basic_copies(conn).items()
             if kept in formula_ids and found.get(cid) != kept]
    marks.write_twin_marks(conn, stale, found)
    return len(found)
