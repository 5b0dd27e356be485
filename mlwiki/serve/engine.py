"""The review session behind the web page: one `ReviewSession`, a lock, and the JSON the page shows.

The page only asks for the state and sends actions; every rule (queue, counts, undo, bury, suspend, leeches,
answering) is the session's, exactly as in `mlwiki review`. Before each request the database is checked for commits
by any other connection — the server's own rescan of the notes (`run.watch`), `review` in a terminal, `anki pull`,
`scan` — and on one the queue is rebuilt from the database, as `review` does after `e`: an edited note shows its
new text, a card answered elsewhere is not asked again.
"""

from __future__ import annotations

import threading
from dataclasses import replace

from mlwiki.export.media import Media
from mlwiki.models import RATINGS, State
from mlwiki.render.macros import read_macros
from mlwiki.review.card_page import card_sides
from mlwiki.review.session import ReviewSession
from mlwiki.review.tui import flag_message, leech_message, split_heading, summary_text
from mlwiki.serve.images import CardImages

QUEUES = {State.NEW: "new", State.REVIEW: "review"}  # the header count the card is part of
FLAG_KEYS = {"suspend": "s", "bury": "b", "drop": "x"}  # the terminal's keys, whose messages the page shows


class Stale(Exception):
    """The page acted on a card that is no longer the current one (another tab, or a change elsewhere)."""


class Engine:
    """Serialises every request onto one review session (the store's connection is not for concurrent use)."""

    def __init__(self, session: ReviewSession):
        self.session = session
        self.lock = threading.Lock()
        self.images = CardImages(Media(session.config))
        self.macros = read_macros(session.config)[0]
        self.version = session.store.data_version()

    # reading ------------------------------------------------------------------------------------------------
    def state(self, message: str = "") -> dict:
        """What the review page shows now (refreshed first: a changed note shows its new text)."""
        with self.lock:
            self.refresh()
            return self._view(message)

    def refresh(self) -> None:
        """Rebuild the queue when another connection wrote to the database (a rescan, another mlwiki process)."""
        session = self.session
        version = session.store.data_version()
        if session.current is None:  # done for now: a learning card may have come due since, or a new day begun
            self.version = version
            session.reload()
            return
        if version == self.version:
            return
        self.version = version
        before = session.current
        session.reload(keep_current=True)
        if before is not None and session.current is not None and session.current.state != before.state:
            session.reload()  # the card on screen was answered elsewhere: go on to the next one

    def _view(self, message: str) -> dict:
        session = self.session
        card = session.current
        counts = session.remaining
        view = {"counts": counts, "reviewed": session.summary.reviewed, "message": message,
                "can_undo": bool(session.undo_stack)}
        if card is None:
            view.update(card=None, done=summary_text(session.finish(), session.clock()))
            return view
        heading, front = split_heading(card.heading, card.front)
        shown, fix = self.images.prepare(replace(card, front=front) if card.kind != "cloze" else card)
        front_html, back_html = card_sides(shown, self.macros, fix, rows=True)
        previews = session.previews()
        view["card"] = {"id": card.id, "kind": card.kind, "deck": card.deck, "where": f"{card.path}:{card.line}",
                        "heading": heading, "front": front_html, "back": back_html,
                        "queue": QUEUES.get(card.state.state, "learning")}
        view["ratings"] = [{"rating": r, "label": RATINGS[r], "interval": previews[r]} for r in RATINGS]
        return view

    def media_file(self, name: str):
        """The file behind a /media/ name handed out for a card's image, or None."""
        with self.lock:
            return self.images.files.get(name)

    # acting -------------------------------------------------------------------------------------------------
    def act(self, action: str, card_id: str | None, rating: int = 0) -> dict:
        """Do `action` ("answer", "suspend", "bury", "drop", "undo") on the card the page shows; the new state."""
        with self.lock:
            session = self.session
            self.refresh()
            if action != "undo" and (session.current is None or session.current.id != card_id):
                raise Stale()
            message = ""
            if action == "answer":
                if rating not in RATINGS:
                    raise ValueError(f"rating must be 1-4, not {rating}")
                result = session.answer(rating)
                if result.leech:
                    message = leech_message(card_id, session.settings.leech_threshold)
            elif action == "undo":
                step = session.undo()
                message = f"Undid {step.kind}." if step else "Nothing to undo."
            elif action in FLAG_KEYS:
                message = flag_message(session, FLAG_KEYS[action])
            else:
                raise ValueError(f"unknown action {action!r}")
            return self._view(message)
