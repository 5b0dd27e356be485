"""A bold label of an item that answers its heading's question, or that is a clause ("**Lower is better**"), is no
term to define.

Under a heading that asks ("## Why does it help?"), each item of the list is one answer, often led by a bold label
that says whose answer it is or how it goes ("- **Original claim:** reduces …", "- **Smith 2019:** …"). The list's
clozes ask each item in its place among the others (`list_clozes`); a "Define: Original claim" card of the same item
asked the same fact again, as if the label were a term. It goes when a cloze of the list holds its label and its
text. Pure: drafts in, drafts out.
"""

from __future__ import annotations

import re

from mlwiki.models import CardKind

_DEFINE = "Define: "
_CLAUSE = re.compile(r"(?i)\s(?:is|are|was|were|isn't|aren't)\s")  # (a verb: "Lower is better", a claim)
_HIDDEN = "[...]"  # (what a list's cloze shows of the item it asks)


def without_answer_labels(drafts: list) -> list:
    """The drafts (`(siblings, heading path)` pairs) without the definition cards of a bold-labelled item under a
    question heading whose list's cloze asks the same item (see the module's docstring)."""
    if not any(d.kind == CardKind.DEFINITION for ds, _ in drafts for d in ds):
        return drafts  # (the common case, said cheaply)
    backs = [_plain(d.back) for ds, _ in drafts for d in ds if _HIDDEN in d.front]  # (the list's clozes: a
    # question's card over a "**Horizon effect**: …" paragraph leaves the term its own card)
    shown = [_plain(d.back) for ds, _ in drafts for d in ds if d.kind != CardKind.DEFINITION]  # (any card's back:
    # where a clause's item is held whole, its "Define:" card asks nothing the other does not show)
    kept = []
    for siblings, path in drafts:
        left = [d for d in siblings if not _asked_in_a_list(d, backs) and not _clause_shown(d, shown)]
        if left:
            kept.append((left if len(left) < len(siblings) else siblings, path))
    return kept


def _asked_in_a_list(draft, backs: list[str]) -> bool:
    """Whether a definition card asks a labelled item of a list under a question heading that another card's
    back gives whole, label and all ("**Original claim:** reduces …", "**Smith 2019** (*title*): …")."""
    if draft.kind != CardKind.DEFINITION or f"\n\n{_DEFINE}" not in draft.front:
        return False
    path, term = draft.front.rsplit(f"\n\n{_DEFINE}", 1)
    if not path.rstrip().endswith("?") and not _CLAUSE.search(term):
        return False  # (a glossary's heading asks nothing: its labels are terms; a label that is a clause, "**Lower
        # is better**", is a verdict, no term, wherever it stands: "Define: Lower is better" asks nothing)
    term, text = _plain(term), _plain(draft.back)
    return any(back.startswith(term) and back[len(term):].lstrip(" :—–-(").startswith(text) for back in backs)


def _clause_shown(draft, shown: list[str]) -> bool:
    """Whether a definition card's term is a clause ("Define: Lower is better") whose item another card's back
    holds whole, label and text: a verdict, no term, and its fact is on that card."""
    if draft.kind != CardKind.DEFINITION or f"\n\n{_DEFINE}" not in draft.front:
        return False
    term = draft.front.rsplit(f"\n\n{_DEFINE}", 1)[1]
    if not _CLAUSE.search(f" {term} "):
        return False
    term, text = _plain(term), _plain(draft.back)
    return any(term in back and text in back[back.index(term):] for back in shown)


def _plain(text: str) -> str:
    """Text with its spaces made one and without its bold and italic marks: "**Label** (*aside*): …" as read."""
    return " ".join(text.replace("*", "").split())
