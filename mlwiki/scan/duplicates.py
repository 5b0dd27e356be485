"""The same card in two notes: which cards repeat another note's card, and which copy is studied.

People paste the same material into several notes (an article clipped into two folders, a cheat sheet beside one
note per topic), and each copy makes the same card under another heading path. Two live cards are duplicates when

1. they come from different note files (cards of one note are that note's business),
2. their backs are the same once normalized as content hashes normalize them (`ids.back_key`), and
3. their fronts ask about the same subject (`same_subject`).

The rule is kept conservative, because a false merge hides a real card: "What are the assumptions of
Shapiro-Wilk?" and "… of Anderson-Darling?" may share the back "iid observations" and stay two cards.

In each group one card is studied: the one with the most reviews, then the one mlwiki saw first, then path
order; the others are marked as its duplicates (mlwiki.store.duplicates) and come back, with their history, when
the group dissolves. Only back keys that a scan touched are decided again, so a rescan with nothing changed
costs nothing here and never switches the card studied.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable

from mlwiki.problems import Problem, Severity
from mlwiki.store import duplicates as marks
from mlwiki.textsafe import one_line, shorten

HEADING_SEPARATOR = " › "  # between the note title and the headings of a front (mlwiki.extract's heading path)
# Kinds whose fronts are not a heading path and a question: a cloze's front is its text with a gap (the same text
# in two notes is one card already), a formula card's id is its formula (one card wherever it is written).
SKIPPED_KINDS = {"cloze", "formula"}
# A heading path below the title this specific names its subject by itself: two notes holding it with the same
# back hold a copy of one passage. ("Statements › Parameters" of two distributions names nothing.)
SPECIFIC_HEADING_WORDS = 3
_WORD = re.compile(r"\w+")
# Words that say how a front asks, not what about.
_FILLER = frozenset("""a an the of in on at to for from by with and or is are was be does do did what which who whom
whose why how when where s it its this that these those you your can""".split())
_MATH = re.compile(r"\$[^$]*\$")


def words(text: str) -> frozenset[str]:
    """The content words of a piece of a front: case-folded, filler and one-letter possessives dropped, math kept
    as its letters and digits."""
    return frozenset(w for w in _WORD.findall(text.casefold()) if w not in _FILLER)


class Front:
    """A front as the rule reads it: the note title, the headings below it, the question, and all its words."""

    __slots__ = ("title", "headings", "question", "segments", "all")

    def __init__(self, front: str):
        lines = [line.strip() for line in front.strip().splitlines() if line.strip()]
        path = lines[0].split(HEADING_SEPARATOR) if lines else []
        self.title = words(path[0]) if path else frozenset()
        self.headings = [words(part) for part in path[1:]]
        self.question = words(" ".join(lines[1:]))
        self.segments = [self.title, *self.headings] + ([self.question] if self.question else [])
        self.all = frozenset().union(*self.segments) if self.segments else frozenset()


def same_subject(a: Front, b: Front) -> bool:
    """Whether two fronts ask about the same thing: one is about what the other names (`_names`), or both hold
    the same specific heading path below different titles (`_same_passage`)."""
    return _names(a, b) or _names(b, a) or _same_passage(a, b)


def _names(x: Front, y: Front) -> bool:
    """Every word of `x` is in `y`, and `x`'s note title is one part of `y` (its title, a heading or its
    question) give or take words `x` also has: "Shapiro-Wilk / What does Shapiro-Wilk test?" and
    "Tests cheat sheet › Normality › Shapiro-Wilk Test". A title that is only part of a longer name is not
    enough ("Binomial Distribution" in "Negative Binomial Distribution")."""
    if not x.title or not x.all <= y.all:
        return False
    return any(x.title <= part <= x.all for part in y.segments)


def _same_passage(a: Front, b: Front) -> bool:
    """The same headings (and question) below the title, specific enough to name their subject: a passage
    copied into two notes (an article clipped twice)."""
    if not a.headings or a.headings != b.headings or a.question != b.question:
        return False
    if len(a.headings[-1]) >= SPECIFIC_HEADING_WORDS:
        return True
    # (or the same question under the same headings, naming its subject with them: "Functions / Define: argument
    # or input variable" in two notebooks of one course; a path without a question, "Statements › Hypothesis
    # Formulation" of two tests, names no subject of its own)
    return bool(a.question) and len(a.question.union(*a.headings)) >= SPECIFIC_HEADING_WORDS


class Candidate:
    """A live card that shares its back with a card of another note (store.duplicates.CANDIDATE_COLUMNS)."""

    __slots__ = ("id", "key", "kind", "front", "path", "line", "reps", "created_at", "parsed")

    def __init__(self, row: tuple):
        self.id, self.key, self.kind, self.front, self.path, self.line, self.reps, self.created_at = row
        self.parsed = Front(self.front)

    def priority(self) -> tuple:
        """The card studied first: most reviews, then the one mlwiki saw first, then path order."""
        return -(self.reps or 0), self.created_at or "", self.path, self.line or 0, self.id


def choose(cards: Iterable[Candidate]) -> dict[str, str]:
    """{duplicate id: id of the card studied in its place}. Cards are taken in priority order; each one that
    asks about the subject of a card already kept from another note repeats the first such card, every other
    card is kept. (A duplicate repeats the card studied, never another duplicate.)"""
    by_key: dict[str, list[Candidate]] = defaultdict(list)
    for card in cards:
        if card.kind not in SKIPPED_KINDS:
            by_key[card.key].append(card)
    found: dict[str, str] = {}
    for group in by_key.values():
        kept: list[Candidate] = []
        for card in sorted(group, key=Candidate.priority):
            twin = next((k for k in kept if k.path != card.path and same_subject(card.parsed, k.parsed)), None)
            if twin is None:
                kept.append(card)
            else:
                found[card.id] = twin.id
    return found


def refresh(conn, keys: set[str] | None) -> int:
    """Decide the cards of these back keys (None: of every key) again, inside the scan's transaction; returns how
    many are duplicates."""
    if keys is not None and not keys:
        return 0
    found = choose(Candidate(row) for row in marks.candidates(conn, keys))
    marks.write_marks(conn, keys, found)
    return len(found)


def notices(store, paths: tuple[str, ...] = ()) -> list[Problem]:
    """`check`'s notice for each card that repeats another note's card, at the duplicate's `path:line`, naming
    where the copy studied is; only those in `paths` (wiki-relative files or folders) when given."""
    paths = tuple(p for p in paths if p not in ("", "."))  # (the whole wiki: no filter)
    found = []
    for row in marks.duplicate_sources(store):
        if paths and not any(row["path"] == p or row["path"].startswith(p.rstrip("/") + "/") for p in paths):
            continue
        front = one_line(shorten(" ".join(row["front"].split()), 60))
        found.append(Problem(row["path"], row["line"], f"card {row['id']} ({front}) repeats the card studied at "
                             f"{row['kept_path']}:{row['kept_line']}; it is left out of reviews and exports "
                             "(`mlwiki cards --state duplicate`)", Severity.NOTICE, "duplicate"))
    return found
