"""Reading a review log file for `mlwiki log import`: streamed line by line, every record checked before anything
is written, the first bad one named by its line; kept compact (tuples, each settings record once), so a large log
imports in bounded memory or is refused with its reason.

What a record must hold: a card id (reviews of cards this wiki does not know — by id, an old id or the content
hash of its text — are kept in the log, as history is never dropped, and counted), a time from 1970 to a day after now, an integer rating 0–4 (0: a reset pulled from Anki), a duration ≥ 0 ms, scheduler
settings whose desired retention is 0.7–0.99; an event of a known kind. The same review twice (same card, time
and rating, or the same Anki id) is kept once.
"""

from __future__ import annotations

import csv
import json
import sys
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import NamedTuple

from mlwiki.errors import MlwikiError
from mlwiki.models import RESET_RATING
from mlwiki.review.reschedule_events import parse_detail
from mlwiki.review.schedule import Scheduler, settings_id

LOG_FIELDS = ("card_id", "reviewed_at", "rating", "duration_ms", "content_hash", "settings")
# Written after LOG_FIELDS and optional on import (older exports lack them): where each review was made, its
# Anki revlog id and the interval Anki gave it, so a pull after an import neither adds Anki's reviews a second
# time nor moves their due dates.
SYNC_FIELDS = ("source", "anki_id", "anki_ivl")
EVENT_FIELDS = ("event", "detail")
# Also optional: the due each answer was given (the load balancer's day depends on other cards, so a replay
# keeps the recorded one; without it the seeded fuzz decides).
DUE_FIELD = "due"
EVENT_KINDS = {"suspend", "unsuspend", "bury", "leech", "relink", "reid", "drop", "undrop", "reschedule"}
SOURCES = {"mlwiki", "anki"}
RETENTION = (0.7, 0.99)  # Anki's range for desired retention
# An import holds every review of the log in memory (about 0.9 KB each, measured): these bounds keep it under
# 200 MB. A larger log is refused before anything is read or written, with the reason.
MAX_LOG_BYTES = 100 * 1024 * 1024  # about 200,000 reviews in JSON Lines with their settings inline
MAX_REVIEWS = 180_000  # 50 reviews a day for ten years
MAX_FIELD = 4096  # characters in any one text field
EARLIEST = datetime(1970, 1, 1, tzinfo=timezone.utc)


class LogReview(NamedTuple):
    line: int
    card_id: str
    reviewed_at: str  # UTC ISO, as the database keeps times
    rating: int
    duration_ms: int
    content_hash: str
    settings_id: str
    source: str
    anki_id: int | None
    anki_ivl: int | None
    due: str | None  # the due the answer was given, when the log records it (a replay keeps it)

    def get(self, key, default=None):  # read like a log row by the replay
        return getattr(self, key, default)

    def __getitem__(self, key):
        if isinstance(key, str):
            return getattr(self, key)
        return tuple.__getitem__(self, key)

    def keys(self):
        return self._fields


@dataclass
class ReadLog:
    """A checked log: reviews in file order (duplicates merged), events, and each settings record once."""

    reviews: list[LogReview] = field(default_factory=list)
    events: list[dict] = field(default_factory=list)
    settings: dict[str, dict] = field(default_factory=dict)  # settings id → the record
    merged: int = 0  # duplicate reviews kept once
    unknown_cards: int = 0  # cards of the log this wiki does not know (their reviews are kept in the log)


class BadRecord(ValueError):
    """A record that is not what a log export holds; the message names what is wrong."""


def read_log(source: Path, known_cards: set[str], known_hashes: set[str], now: datetime) -> ReadLog:
    """Check and read a CSV or JSON Lines log; raises MlwikiError naming the file and the first bad line.

    A card edited in the old wiki kept its first id there, and a fresh scan names it after its new text: a
    `relink` event (old id → new id) makes the old id known."""
    try:
        size = source.stat().st_size
    except OSError as exc:
        raise MlwikiError(f"cannot read the log ({exc.strerror})", path=str(source)) from None
    if size > MAX_LOG_BYTES:
        raise MlwikiError(f"the log is {size // 2**20} MB, more than the {MAX_LOG_BYTES // 2**20} MB one import "
                          "reads within 200 MB of memory; nothing was imported", path=str(source))
    checker = _Checker(known_cards, known_hashes, now + timedelta(days=1))
    line = 0
    try:
        with open(source, encoding="utf-8", newline="") as handle:
            head = handle.readline()
            handle.seek(0)
            if source.suffix.lower() == ".csv" or head.startswith(",".join(LOG_FIELDS)):
                checker.text_values = True  # CSV has only text: "3" is the rating 3
                for line, record in _csv_records(handle):
                    checker.add(line, record)
            else:
                for line, text in enumerate(handle, start=1):
                    if text.strip():
                        checker.add(line, _json_record(text))
    except BadRecord as exc:
        raise MlwikiError(f"not a review log export: {exc}; nothing was imported", path=str(source),
                          line=line or None) from None
    except UnicodeDecodeError:
        raise MlwikiError("not a review log export (not UTF-8 text); nothing was imported", path=str(source),
                          line=line + 1) from None
    except csv.Error as exc:
        raise MlwikiError(f"not a review log export ({exc}); nothing was imported", path=str(source),
                          line=line + 1) from None
    checker.log.unknown_cards = checker.unknown_cards()
    return checker.log


def _csv_records(handle):
    reader = csv.reader(handle)
    header = next(reader, None)
    if not header or not set(LOG_FIELDS) <= set(header):
        raise BadRecord(f"the CSV header must name {', '.join(LOG_FIELDS)}")
    for row in reader:
        if not any(row):
            continue
        if len(row) > len(header):
            raise BadRecord(f"{len(row)} values where the header names {len(header)}")
        yield reader.line_num, dict(zip(header, row))


def _json_record(text: str) -> dict:
    try:
        record = json.loads(text)
    except RecursionError:
        raise BadRecord("nested too deeply") from None
    except ValueError as exc:
        raise BadRecord(f"not JSON ({exc.msg})") from None
    if not isinstance(record, dict):
        raise BadRecord("a line must hold one JSON object")
    return record


class _Checker:
    def __init__(self, known_cards: set[str], known_hashes: set[str], latest: datetime):
        self.known_cards, self.known_hashes, self.latest = known_cards, known_hashes, latest
        self.log = ReadLog()
        self.seen: set[tuple] = set()
        self.anki_ids: set[int] = set()
        self.settings_text: dict[str, str] = {}  # raw settings text (CSV) → settings id
        self.text_values = False
        self.last_settings: tuple = (None, "")
        self.unmatched: dict[str, int] = {}  # card id of a review not known by id or hash → its first line
        self.renamed: set[str] = set()  # old ids that relink events tie to a known card

    def unknown_cards(self) -> int:
        """How many cards of the log this wiki does not know, after every relink is read."""
        return sum(card_id not in self.renamed for card_id in self.unmatched)

    def add(self, line: int, record: dict) -> None:
        if record.get("event") not in (None, ""):
            self.log.events.append(self._event(line, record))
            return
        review = self._review(line, record)
        key = (review.card_id, review.reviewed_at, review.rating)
        if key in self.seen or (review.anki_id is not None and review.anki_id in self.anki_ids):
            self.log.merged += 1
            return
        if len(self.log.reviews) >= MAX_REVIEWS:
            raise BadRecord(f"more than {MAX_REVIEWS:,} reviews, more than one import holds within 200 MB of memory")
        self.seen.add(key)
        if review.anki_id is not None:
            self.anki_ids.add(review.anki_id)
        self.log.reviews.append(review)

    def _event(self, line: int, record: dict) -> dict:
        kind = _text(record, "event")
        if kind not in EVENT_KINDS:
            raise BadRecord(f"unknown event {kind!r}")
        at = record.get("at", record.get("reviewed_at"))
        card_id, detail = _text(record, "card_id"), _text(record, "detail", required=False)
        if kind in ("relink", "reid") and detail in self.known_cards:
            self.renamed.add(card_id)
        if kind == "bury":
            self._optional_time({"detail": detail}, "detail")  # the end of a bury
        elif kind == "reschedule":  # the new due, and the recomputed memory state
            due = (detail or "").split()[:1]
            self._optional_time({"detail": "" if due == ["-"] else (due or [""])[0]}, "detail")
            try:
                parse_detail(detail)
            except ValueError as exc:
                raise BadRecord(f"reschedule detail {detail!r}: {exc}") from None
        return {"card_id": card_id, "at": self._time({"at": at}, "at").isoformat(), "event": kind, "detail": detail,
                "line": line}

    def _review(self, line: int, record: dict) -> LogReview:
        for name in LOG_FIELDS:
            if name not in record:
                raise BadRecord(f"the record lacks {name}")
        integer = _integer if self.text_values else _json_integer
        rating = integer(record, "rating", 0, 4)
        source = _text(record, "source", required=False) or "mlwiki"
        if source not in SOURCES:
            raise BadRecord(f"unknown source {source!r}")
        return LogReview(line, sys.intern(self._card(record, line)), self._time(record, "reviewed_at").isoformat(),
                         rating, integer(record, "duration_ms", 0, 10**9, empty=0),
                         sys.intern(_text(record, "content_hash", required=False)), self._settings(record["settings"]),
                         sys.intern(source),
                         integer(record, "anki_id", 0, 2**53, empty=None),
                         None if rating == RESET_RATING else integer(record, "anki_ivl", -(10**8), 10**6,
                                                                     empty=None),
                         self._optional_time(record, DUE_FIELD))

    def _optional_time(self, record: dict, name: str) -> str | None:
        """An optional ISO time (a due, a bury's end): parsed, 1970–2200."""
        text = record.get(name)
        if text in (None, ""):
            return None
        if not isinstance(text, str):
            raise BadRecord(f"{name} must be text, not {json.dumps(text)[:40]}")
        try:
            when = datetime.fromisoformat(text)
        except ValueError:
            raise BadRecord(f"{name} {text!r} is not an ISO date and time") from None
        if not 1970 <= when.year < 2200:
            raise BadRecord(f"{name} {text} is not between 1970 and 2200")
        return text

    def _card(self, record: dict, line: int) -> str:
        card_id = _text(record, "card_id")
        if card_id not in self.known_cards and _text(record, "content_hash", required=False) not in self.known_hashes:
            self.unmatched.setdefault(card_id, line)
        return card_id

    def _time(self, record: dict, name: str) -> datetime:
        text = _text(record, name)
        try:
            when = datetime.fromisoformat(text)
            when = (when.replace(tzinfo=timezone.utc) if when.tzinfo is None else when).astimezone(timezone.utc)
        except (ValueError, OverflowError):
            raise BadRecord(f"{name} {text!r} is not an ISO date and time") from None
        if not EARLIEST <= when <= self.latest:
            raise BadRecord(f"{name} {text} is not between 1970 and tomorrow")
        return when

    def _settings(self, value) -> str:
        if isinstance(value, str):
            if value in self.settings_text:
                return self.settings_text[value]
            try:
                parsed = json.loads(value)
            except (ValueError, RecursionError):
                raise BadRecord("settings is not JSON") from None
            key = self._settings_record(parsed)
            self.settings_text[value] = key
            return key
        if isinstance(value, dict) and value == self.last_settings[0]:
            return self.last_settings[1]  # a JSON Lines log repeats one settings object on every line
        return self._settings_record(value)

    def _settings_record(self, parsed) -> str:
        if not isinstance(parsed, dict):
            raise BadRecord("settings must be a JSON object")
        sid = sys.intern(settings_id(parsed))
        if sid not in self.log.settings:
            _check_settings(parsed)
            self.log.settings[sid] = parsed
        self.last_settings = (parsed, sid)
        return sid


def _check_settings(parsed: dict) -> None:
    retention = parsed.get("desired_retention")
    if isinstance(retention, bool) or not isinstance(retention, (int, float)) or \
            not RETENTION[0] <= retention <= RETENTION[1]:
        raise BadRecord(f"desired_retention {retention!r} is not between {RETENTION[0]} and {RETENTION[1]}")
    try:
        Scheduler(parsed, None)
    except (KeyError, TypeError, ValueError, OverflowError) as exc:
        raise BadRecord(f"settings are not mlwiki's scheduler settings ({type(exc).__name__}: {exc})") from None


def _text(record: dict, name: str, required: bool = True) -> str:
    value = record.get(name)
    if value is None or value == "":
        if required:
            raise BadRecord(f"{name} is empty")
        return ""
    if not isinstance(value, str):
        raise BadRecord(f"{name} must be text, not {json.dumps(value)[:40]}")
    if len(value) > MAX_FIELD:
        raise BadRecord(f"{name} is {len(value)} characters long")
    return value


def _integer(record: dict, name: str, low: int, high: int, empty: int | None | str = "required") -> int | None:
    """An integer field: a JSON integer (not true/false, not 2.7) or CSV digits, within low..high."""
    value = record.get(name)
    if value is None or value == "":
        if empty == "required":
            raise BadRecord(f"{name} is empty")
        return empty
    if isinstance(value, str):
        text = value.strip()
        if not text.lstrip("-").isdigit() or len(text) > 20:
            raise BadRecord(f"{name} {value!r} is not a whole number")
        value = int(text)
    elif isinstance(value, bool) or not isinstance(value, int):
        raise BadRecord(f"{name} {json.dumps(value)[:40]} is not a whole number")
    if not low <= value <= high:
        raise BadRecord(f"{name} {value} is not between {low} and {high}")
    return value


def _json_integer(record: dict, name: str, low: int, high: int, empty: int | None | str = "required") -> int | None:
    """An integer field of a JSON record: a JSON integer, not text, true/false or 2.7."""
    value = record.get(name)
    if isinstance(value, str) and value != "":
        raise BadRecord(f"{name} {json.dumps(value)[:40]} is text, not a whole number")
    return _integer(record, name, low, high, empty)
