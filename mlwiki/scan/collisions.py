"""Two notes that define the same term differently keep a card each.

A definition card's id is made of its term alone ("Define: Entropy"), as it was before fronts named their heading
path, so that adding a heading above it keeps its history. Two notes that define the same term then give their cards
one id: a note on information theory ("the expected surprise of a distribution") and one on thermodynamics ("a
measure of the disorder of a system") would share one card and one review history, and one of the two definitions
would be on no card. When the backs differ, the card that holds the id keeps it (the note whose card the store
holds, else the first in path order) and each other one takes an id of its own front, which names its note; the same
definition written in two notes (a copy) stays one card, as before. Every card stored before keeps its id.
"""

from __future__ import annotations

from collections.abc import Callable

KINDS = frozenset(("definition",))  # (a formula card is its formula and a cloze its text wherever written: one card)
_ID, _KIND, _FRONT, _PATH, _BACK_KEY = 0, 2, 3, 10, 15  # (a card row's columns: see sync.BACK_KEY)


def apart(changed: list[tuple], stored: Callable[[list[str]], dict[str, tuple[str, str, set[str]]]]) -> list[tuple]:
    """`changed` (NoteFile, digest, rows) per file read by a scan, with the definition cards whose id another note's
    different definition holds given ids of their own (see the module's doc). `stored(ids)`: {id: (back key, path
    shown, the paths of its other sources)} of those ids already in the store, sources in the files read left out."""
    rows = [card for _, _, found in changed for card in found[0] if card[_KIND] in KINDS]
    if not rows:
        return changed
    from mlwiki import ids  # (here: a start that scans nothing does not import it)
    by_id: dict[str, list[tuple]] = {}
    for card in rows:
        by_id.setdefault(card[_ID], []).append(card)
    known = stored(list(by_id))
    renamed: dict[int, str] = {}  # id(row) → its own id
    for cid, cards in by_id.items():
        back_key, shown_at, elsewhere = known.get(cid, ("", "", set()))
        keeper = next((c for c in cards if c[_PATH] == shown_at), None) if shown_at else None
        if keeper is None and elsewhere:
            keeper_key = back_key  # (the card a note not read now holds keeps its id)
        else:
            keeper = keeper or cards[0]
            keeper_key = keeper[_BACK_KEY]
        for card in cards:
            if card is not keeper and card[_BACK_KEY] != keeper_key and (keeper is None or card[_PATH] != keeper[_PATH]):
                renamed[id(card)] = ids.card_id(card[_KIND], card[_FRONT])
    if not renamed:
        return changed
    return [(file, digest, ([(renamed[id(c)], *c[1:]) if id(c) in renamed else c for c in found[0]], *found[1:]))
            for file, digest, found in changed]
