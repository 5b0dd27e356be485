"""A card before its id: what the card-form functions produce and the walk finishes into a `Card`."""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from mlwiki.models import CardKind


@dataclass(slots=True)
class Draft:
    """A card before ids: produced by the card-form functions, finished by `Extractor.cards`. `form` names the
    syntax that made it (counted by `mlwiki check`); `formulas`, the formulas a formula card's id is made of;
    `id_front`, the front without the note's subject (so a card that gains its subject, or whose file is renamed,
    keeps its id and history)."""

    kind: CardKind
    front: str
    back: str
    line: int
    explicit_id: str = ""
    group: int = 0
    text: str = ""
    deck: str = ""
    tags: tuple[str, ...] = ()
    form: str = ""
    formulas: list[str] = field(default_factory=list)
    id_front: str = ""  # the front the id is made of, when it is not `front` (the front before the subject)


WRITTEN_FORMS = frozenset(("qa", "multiline", "one-line", "cloze", "card-div"))  # (the writer's own cards)


def written_by_hand(draft: Draft) -> bool:
    """Whether the writer wrote this card as a card (Q:/A:, `::`, a cloze, a `.card` div, a card id): what it says
    is theirs to choose, so no rule that drops junk (a navigation line, a reaction, a reading list) touches it."""
    return bool(draft.explicit_id) or draft.form in WRITTEN_FORMS


def backs_cut(drafts: list, cut, applies=None) -> list:
    """The drafts (sibling groups with their heading paths) with `cut(back)` applied to the back of each card
    `applies(draft)` holds for (all, by default; never one the writer wrote), a card left with no back dropped, and a
    group left with no card; a card's id is its front's: kept."""
    out = []
    for group, path in drafts:
        kept = []
        for draft in group:
            back = draft.back if written_by_hand(draft) or applies and not applies(draft) else cut(draft.back)
            if back.strip():
                kept.append(draft if back == draft.back else replace(draft, back=back))
        if kept:
            out.append((kept, path))
    return out


def asked_anew(drafts: list, asked_front) -> list:
    """The drafts (`(siblings, heading path)` pairs), each lone card given the front `asked_front(draft)` makes of
    it ('' leaves it as it is); its id stays the one of the front it had, so its review history is kept."""
    out = []
    for group, heading in drafts:
        draft = group[0]
        if len(group) == 1 and (front := asked_front(draft)):
            group = [replace(draft, front=front, id_front=draft.id_front or draft.front)]
        out.append((group, heading))
    return out


def with_sides(draft: Draft, front: str, back: str) -> Draft:
    """`draft` showing `front` and `back` instead, with the id its front gave it (a card whose front the writer
    named with an id of their own keeps that front as written)."""
    if front == draft.front and back == draft.back:
        return draft
    if front != draft.front and draft.explicit_id:
        front = draft.front  # (a written id names the card: its front stays as written)
    id_front = draft.id_front or (draft.front if front != draft.front else "")
    return replace(draft, front=front, back=back, id_front=id_front)
