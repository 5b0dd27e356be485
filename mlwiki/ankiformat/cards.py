"""Anki's cards: which Anki note and card (ord) each mlwiki card becomes, card types and queues, and the scheduling
columns of a card whose mlwiki state is known. Pure.

An mlwiki note becomes one Anki note: a cloze note when it has clozes (card ord g − 1 for cloze group g), a
two-way note when it has a reverse card (ord 0 forward, 1 reverse), else a basic or formula note (ord 0). Its
GUID is `note_guid(note id)`, which never depends on the content: an edited note updates the one Anki has.
"""

from __future__ import annotations

import functools
import json
import math
from datetime import datetime, timedelta
from hashlib import sha256
from typing import NamedTuple

from mlwiki.models import CardState, State

# card.type and card.queue
TYPE_NEW, TYPE_LEARN, TYPE_REVIEW, TYPE_RELEARN = range(4)
QUEUE_SUSPENDED, QUEUE_NEW, QUEUE_LEARN, QUEUE_REVIEW, QUEUE_DAY_LEARN = -1, 0, 1, 2, 3


def note_kind(cards: list) -> str:
    """The Anki note type of one mlwiki note's cards: cloze, two-way, formula or basic."""
    kinds = {c["kind"] for c in cards}
    if "cloze" in kinds:
        return "cloze"
    if "reverse" in kinds:
        return "two-way"
    if "formula" in kinds:
        return "formula"
    return "basic"


def exported_cards(cards: list) -> tuple[str, list]:
    """(note type kind, the cards that go into it): a note whose cards cannot share one Anki note (a mix of
    kinds) keeps only its first card."""
    first = cards[0]
    if len(cards) == 1:  # most notes: one card always fits
        return _KIND_OF_ONE.get(first["kind"], "basic"), cards
    kind = note_kind(cards)
    kinds = {c["kind"] for c in cards}
    expected = {"cloze": {"cloze"}, "two-way": {"basic", "reverse"}}.get(kind, {first["kind"]})
    if not kinds <= expected or kind not in ("cloze", "two-way"):
        return _KIND_OF_ONE.get(first["kind"], "basic"), [first]
    return kind, cards


_KIND_OF_ONE = {"reverse": "two-way", "cloze": "cloze", "formula": "formula"}  # the note type of a lone card


_BASE91 = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!#$%&()*+,-./:;<=>?@[]^_`{|}~"


@functools.cache
def _base91_pairs() -> tuple[str, ...]:
    """Every two-digit base-91 number, by value: a GUID's digits are found two at a time."""
    return tuple(high + low for high in _BASE91 for low in _BASE91)


def note_guid(note_id: str) -> str:
    """The Anki GUID of an mlwiki note: `genanki.guid_for(note_id)` (the first 8 bytes of the SHA-256 of the id
    as a number, written in Anki's base 91 without leading zeros), which every export since the first has given,
    without genanki."""
    number = int.from_bytes(sha256(note_id.encode("utf-8")).digest()[:8], "big")
    pairs = _base91_pairs()
    digits = []
    while number:
        number, pair = divmod(number, 91 * 91)
        digits.append(pairs[pair])
    return "".join(reversed(digits)).lstrip(_BASE91[0])


def anki_ords(cards: list) -> dict[str, int]:
    """mlwiki card id → the ord of its card in Anki, for the live cards of one note (in export order): 0 for
    basic, definition and formula cards, 1 for a reverse card, g − 1 for cloze group g."""
    kind, kept = exported_cards(cards)
    return {c["id"]: card_ord(kind, c) for c in kept}


def card_ord(kind: str, card) -> int:
    """The ord in Anki of one mlwiki card going into a note of type `kind` (see `anki_ords`)."""
    if kind == "cloze":
        return int(card["grp"] or 1) - 1
    return 1 if card["kind"] == "reverse" else 0


class AnkiSchedule(NamedTuple):
    """The scheduling columns of one Anki card (a named tuple: an export makes one per reviewed card)."""

    type: int
    queue: int
    due: int
    ivl: int
    reps: int
    lapses: int
    left: int
    data: str
    last_review_secs: int | None
    stability: float | None
    difficulty: float | None


def memory_data(stability: float, difficulty: float, last_review_secs: int | None) -> str:
    """A card's `data` column with its FSRS memory state, as Anki writes it: exactly
    `json.dumps({"s": round(stability, 4), "d": round(difficulty, 4), "lrt": last_review_secs}, separators=(",", ":"))`,
    formatted directly (JSON writes a finite float as its repr; an export writes one per reviewed card)."""
    s, d = round(stability, 4), round(difficulty, 4)
    if not (math.isfinite(s) and math.isfinite(d)):
        return json.dumps({"s": s, "d": d, "lrt": last_review_secs}, separators=(",", ":"))
    return f'{{"s":{s!r},"d":{d!r},"lrt":{"null" if last_review_secs is None else last_review_secs}}}'


def card_schedule(state: CardState, today: int, days_until_due: int, steps_left: int, suspended: bool,
                  position: int, interval_days: int | None = None) -> AnkiSchedule:
    """Anki's columns for a card whose mlwiki state is `state`.

    `today` is the target collection's day number; `days_until_due` counts study days from today to the due
    date. Learning cards due today carry their due time in seconds (Anki's learning queue), later ones a day.
    `interval_days`, when known, is the interval in study days (Anki's ivl: the due day minus the review's day);
    else it is the due time minus the last review, rounded to days.
    """
    if state.state == State.NEW or state.stability is None:
        return AnkiSchedule(TYPE_NEW, QUEUE_SUSPENDED if suspended else QUEUE_NEW, position, 0, 0, 0, 0, "",
                            None, None, None)
    lrt = int(state.last_review.timestamp()) if state.last_review else None
    data = memory_data(state.stability, state.difficulty, lrt)
    interval = max(1, round((state.due - state.last_review) / timedelta(days=1))) if state.last_review else 1
    if interval_days is not None:
        interval = max(1, interval_days)
    if state.state == State.REVIEW:
        kind, queue, due, ivl, left = TYPE_REVIEW, QUEUE_REVIEW, today + days_until_due, interval, 0
    else:
        kind = TYPE_LEARN if state.state == State.LEARNING else TYPE_RELEARN
        ivl = 0 if kind == TYPE_LEARN else interval
        if days_until_due <= 0:
            queue, due = QUEUE_LEARN, int(state.due.timestamp())
        else:
            queue, due = QUEUE_DAY_LEARN, today + days_until_due
        left = max(1, steps_left)
    return AnkiSchedule(kind, QUEUE_SUSPENDED if suspended else queue, due, ivl, state.reps, state.lapses, left,
                        data, lrt, state.stability, state.difficulty)


def package_today(crt: int, rollover: int, now: datetime) -> int:
    """The day number Anki gives `now` in a package collection created at `crt` (schedVer 2 without a creation
    offset: whole days since `crt`'s date at the rollover hour, in the importing machine's zone)."""
    local = now.astimezone()
    created = datetime.fromtimestamp(crt, local.tzinfo).replace(hour=rollover, minute=0, second=0, microsecond=0)
    return int((now.timestamp() - created.timestamp()) // 86400)
