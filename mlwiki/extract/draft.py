"""A card before its id: what the card-form functions produce and the walk finishes into a `Card`."""

from __future__ import annotations

from dataclasses import dataclass, field

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
