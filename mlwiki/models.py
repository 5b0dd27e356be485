"""Core value types shared by every layer: cards, their sources and the problems found on the way.

Nothing here does IO. Cards are frozen dataclasses; the store turns them into rows and back.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timezone
from enum import Enum, IntEnum

from mlwiki.textsafe import one_line

# The version of what `extract` makes of a note. Raise it with any change to the cards a note yields: stores
# extract every note again on their next scan. (Here, not in mlwiki/extract/, so that checking it stays cheap.)
EXTRACTOR_VERSION = 8


class CardKind(str, Enum):
    """What a card asks. The value is what `cards --json` prints."""

    BASIC = "basic"
    REVERSE = "reverse"
    CLOZE = "cloze"
    FORMULA = "formula"
    DEFINITION = "definition"


class State(IntEnum):
    """A card's scheduling state as stored in cards.state and reviews.state_before (as in Anki's card types:
    0 = never reviewed; 1-3 are fsrs.State values)."""

    NEW = 0
    LEARNING = 1
    REVIEW = 2
    RELEARNING = 3

    @property
    def label(self) -> str:
        """The lower-case name that `cards --json` prints."""
        return self.name.lower()


STATE_NAMES = {state.value: state.label for state in State}


def utc_time(text: str | None) -> datetime | None:
    """A time as the store and the log files write it (ISO 8601, any offset) as an aware UTC datetime."""
    return datetime.fromisoformat(text).astimezone(timezone.utc) if text else None


# The rating of a reset in the review log ("Forget" in Anki): a replay starts the card afresh there.
RESET_RATING = 0
RATINGS = {1: "Again", 2: "Hard", 3: "Good", 4: "Easy"}


@dataclass(frozen=True)
class CardState:
    """A card's scheduling state, as cached in the `cards` table (state NEW means never reviewed)."""

    state: State = State.NEW
    step: int | None = None
    stability: float | None = None
    difficulty: float | None = None
    due: datetime | None = None
    last_review: datetime | None = None
    reps: int = 0
    lapses: int = 0

    @classmethod
    def from_row(cls, row) -> "CardState":
        """The state held by a `cards` row (or any mapping with its scheduling columns)."""
        return cls(state=State(row["state"] or State.NEW), step=row["step"], stability=row["stability"],
                   difficulty=row["difficulty"], due=utc_time(row["due"]), last_review=utc_time(row["last_review"]),
                   reps=row["reps"] or 0, lapses=row["lapses"] or 0)


class Severity(str, Enum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True)
class Source:
    """Where a card was written: a path relative to the wiki root (POSIX slashes) and a 1-based line."""

    path: str
    line: int

    def __str__(self) -> str:
        return f"{self.path}:{self.line}"

    def to_dict(self) -> dict:
        return {"path": self.path, "line": self.line}


@dataclass(frozen=True)
class Problem:
    """Something wrong (or worth knowing) about a note, reported as `path:line: severity: message`."""

    path: str
    line: int | None
    message: str
    severity: Severity = Severity.ERROR
    code: str = "syntax"

    def __str__(self) -> str:
        path = one_line(self.path)  # a file name may hold a newline; one problem stays one line
        where = f"{path}:{self.line}" if self.line else path
        return f"{where}: {self.severity.value}: {self.message}"

    def to_dict(self) -> dict:
        return {
            "path": self.path,
            "line": self.line,
            "severity": self.severity.value,
            "code": self.code,
            "message": self.message,
        }


@dataclass(frozen=True)
class Card:
    """One reviewable card, as extracted from a note.

    `front` and `back` are Markdown with `$…$`/`$$…$$` math. For cloze cards `text` holds the whole block in
    Anki cloze form (`{{c1::…}}`), `front`/`back` the block with this card's group hidden/revealed, and
    `group` the cloze number. `note_id` is shared by siblings from one block (both directions, all groups).
    `content_hash` tells versions of a card apart: each review stores the one it saw.
    """

    id: str
    note_id: str
    kind: CardKind
    front: str
    back: str
    source: Source
    deck: str = ""
    tags: tuple[str, ...] = ()
    heading: str = ""
    group: int = 0
    text: str = ""
    explicit_id: bool = False
    ord: int = 0
    content_hash: str = ""  # of the normalized front and back (ids.content_hash); extraction always sets it


@dataclass
class NoteText:
    """A note as read from disk, before extraction: body text with front matter removed.

    `line_offset` is how many lines the front matter took, so extraction can report lines of the real file.
    For notebooks, `body` is the markdown cells joined, and `line_map[i]` is the notebook file line of body line i+1.
    """

    path: str
    body: str
    meta: dict = field(default_factory=dict)
    line_offset: int = 0
    file_type: str = "md"
    line_map: list[int] | None = None


@dataclass
class ExtractResult:
    """Cards and problems from one note."""

    cards: list[Card] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
