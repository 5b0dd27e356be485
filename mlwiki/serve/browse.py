"""The card browser: find cards by deck, tag, path, state and text; show one card with its history; suspend,
unsuspend, drop ("not a card") or undrop it. Changes go through the review log's own functions (recorded as events,
as review's `s` and `x`, `mlwiki unsuspend` and `undrop` record them), then the review session rebuilds its queue
so the page never shows a suspended or dropped card."""

from __future__ import annotations

from datetime import datetime

from mlwiki.models import STATE_NAMES
from mlwiki.render.mathml import MathML
from mlwiki.review.card_page import card_sides
from mlwiki.review.answering import set_flag, undrop, unsuspend
from mlwiki.models import RATINGS
from mlwiki.review.session import ShownCard
from mlwiki.serve.engine import Engine
from mlwiki.store import cards, reviews
from mlwiki.store.cards import STATE_FILTERS, CardFilter, card_status
from mlwiki.studyday import local_zone

LIST_LIMIT = 300  # rows in one answer; the filter narrows the rest down
FRONT_CHARS = 140


def find_cards(engine: Engine, deck: str = "", tag: str = "", path: str = "", text: str = "",
               state: str = "") -> dict:
    """Live cards matching every filter given (text: case-insensitive, anywhere in front or back; state: a key of
    `cards --state`, else every card not dropped)."""
    selection = CardFilter(deck=deck or None, tag=tag or None, paths=(path.strip().strip("/"),) if path.strip() else ())
    needle = text.strip().lower()
    with engine.lock:
        found = cards.list_cards(engine.session.store, selection, state=state if state in STATE_FILTERS else None)
    if needle:
        found = [c for c in found if needle in c["front"].lower() or needle in c["back"].lower()]
    zone = local_zone(engine.session.settings)
    math = MathML(engine.macros)
    rows = [{"id": c["id"], "deck": c["deck"], "kind": c["kind"], "where": f"{c['source']['path']}:{c['source']['line']}",
             "front": math.text_html(_short(c["front"])), "state": _state_label(c), "due": _when(c["due"], zone),
             "reviews": c["reviews"], "lapses": c["lapses"], "suspended": c["suspended"], "dropped": c["dropped"]}
            for c in found[:LIST_LIMIT]]
    return {"total": len(found), "shown": len(rows), "cards": rows, "decks": sorted({c["deck"] for c in found}),
            "tags": sorted({t for c in found for t in c["tags"]})}


def card_detail(engine: Engine, card_id: str) -> dict | None:
    """One card as the review shows it (rendered), its schedule and its review history."""
    with engine.lock:
        store = engine.session.store
        row = cards.card_row(store, card_id)
        if row is None:
            return None
        card = ShownCard.from_row(row)
        shown, fix = engine.images.prepare(card)
        front, back = card_sides(shown, engine.macros, fix, rows=True)
        history = reviews.reviews_of(store, card_id)
        public = cards.card_row_to_dict(row)
    zone = local_zone(engine.session.settings)
    return {"id": card_id, "front": front, "back": back, "deck": card.deck, "where": f"{card.path}:{card.line}",
            "state": _state_label(public), "due": _when(public["due"], zone), "suspended": public["suspended"],
            "dropped": public["dropped"],
            "history": [{"when": _when(h["reviewed_at"], zone), "rating": RATINGS.get(h["rating"], "reset"),
                         "from": STATE_NAMES.get(h["state_before"], "?"), "to": STATE_NAMES.get(h["state"], "?"),
                         "interval": _days(h["scheduled_days"]), "seconds": round((h["duration_ms"] or 0) / 1000, 1),
                         "source": h["source"] or "mlwiki"} for h in history]}


# What each button of the browser does: (the flag it needs set or cleared, the log's function doing it)
FLAGS = {"suspend": ("suspended", False), "unsuspend": ("suspended", True), "drop": ("dropped", False),
         "undrop": ("dropped", True)}


def set_flag_of(engine: Engine, card_id: str, action: str) -> bool:
    """Suspend, unsuspend, drop or undrop a card (an event in the log; nothing when it already is so); False when
    no such card exists."""
    column, needs = FLAGS[action]
    with engine.lock:
        session = engine.session
        row = cards.card_row(session.store, card_id)
        if row is None:
            return False
        if bool(row[column]) == needs:
            if action in ("suspend", "drop"):
                set_flag(session.store, card_id, action, session.clock())
            else:
                (unsuspend if action == "unsuspend" else undrop)(session.store, [card_id], session.clock())
        current = session.current
        session.reload(keep_current=current is not None and current.id != card_id)
    return True


def _short(front: str) -> str:
    flat = " ".join(front.split())
    return flat if len(flat) <= FRONT_CHARS else flat[:FRONT_CHARS - 1].rstrip() + "…"


def _state_label(card: dict) -> str:
    return "leech (suspended)" if card_status(card) == "leech" and card["suspended"] else card_status(card)


def _when(text: str | None, zone) -> str:
    if not text:
        return ""
    return datetime.fromisoformat(text).astimezone(zone).strftime("%Y-%m-%d %H:%M")


def _days(days: float | None) -> str:
    if days is None:
        return ""
    if days < 1:
        return f"{max(round(days * 1440), 1)}m"
    return f"{round(days)}d"
