"""Core value types shared by every layer: cards, their sources and the problems found on the way.

Nothing here does IO. Cards are frozen dataclasses; the store turns them into rows and back.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from enum import Enum

from mlwiki import EXTRACTOR_VERSION  # noqa: F401  (re-exported)
from mlwiki.problems import Problem, Severity  # noqa: F401  (re-exported: most modules take them from here)
from mlwiki.states import RATINGS, RESET_RATING, STATE_NAMES, State, utc_time  # noqa: F401  (re-exported)



class CardKind(str, Enum):
    """What a card asks. The value is what `cards --json` prints."""

    BASIC = "basic"
    REVERSE = "reverse"
    CLOZE = "cloze"
    FORMULA = "formula"
    DEFINITION = "definition"


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
    def from_row(cls, row) -> CardState:
        """The state held by a `cards` row (or any mapping with its scheduling columns)."""
        return cls(state=State(row["state"] or State.NEW), step=row["step"], stability=row["stability"],
                   difficulty=row["difficulty"], due=utc_time(row["due"]), last_review=utc_time(row["last_review"]),
                   reps=row["reps"] or 0, lapses=row["lapses"] or 0)


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
    written: bool = False  # the writer wrote it as a card (Q:/A:, `::`, a cloze…: extract.draft.written_by_hand)


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
    logseq: str = ""  # a page of a Logseq graph: how the graph names its files ("triple-lowbar" or "legacy")
    kramdown: bool = False  # a page of a Jekyll site, which kramdown converts (`sources.jekyll`)
    chapter: bool = False  # a folder's README that a documentation site shows as a page (`sources.book_sites`)
    toml: bool = False  # its front matter is TOML between `+++` lines (Hugo's), which mlwiki read as text before
    zettels: dict[str, str] = field(default_factory=dict)  # the titles of the notes it links to by id (Zettlr's)
    included_under: str = ""  # a Quarto partial's: the title and headings where a document includes it
    substitutions: dict[str, str] = field(default_factory=dict)  # its Sphinx project's MyST substitutions
    project_targets: str = ""  # the lines of its project's other pages that define the labels it refers to
    page_titles: dict[str, str] = field(default_factory=dict)  # the titles of the pages its `{doc}` roles name

    @property
    def makes_no_cards(self) -> bool:
        """Whether the note opts out (`mlwiki: false` in its front matter) or is an Excalidraw drawing without text
        elements (a drawing's labels are read by `extract.drawings`, which makes no card of labels only), or is a
        Foam note template (`foam_template:` in its front matter; its `${FOAM_TITLE}` placeholders are no note's)."""
        return self.meta.get("mlwiki") is False or "excalidraw-plugin" in self.meta and "Text Elements" not in self.body \
            or "foam_template" in self.meta


@dataclass
class ExtractResult:
    """Cards and problems from one note."""

    cards: list[Card] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
