"""What extraction needs to know about a note besides its text: its deck, tags and card settings."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field, replace
from fnmatch import fnmatch
from pathlib import PurePosixPath

from mlwiki.extract.hub_sections import explains
from mlwiki.extract.contents import is_contents_page
from mlwiki.extract.hugo_site import is_site_furniture
from mlwiki.extract.myst_substitutions import page_substitutions
from mlwiki.extract.readme_sections import study_lines
from mlwiki.extract.distill import is_distill
from mlwiki.extract.siyuan import document_title
from mlwiki.extract.standard_notes import is_standard_notes_export
from mlwiki.extract.upnote import upnote_data
from mlwiki.models import NoteText


@dataclass
class NoteContext:
    """What extraction needs to know about the note besides its text."""

    path: str
    file_type: str = "md"
    deck: str = ""
    tags: tuple[str, ...] = ()
    formulas: str = "display"
    definitions: bool = False
    highlight_cloze: bool = False
    line_offset: int = 0
    line_map: list[int] | None = None
    title: str = ""
    question_headings: bool = True
    question_callouts: bool = True
    bold_questions: bool = True
    sections: bool = False  # (the config turns it on; a bare context makes only the forms a test asks for)
    study_lines: tuple[tuple[int, int], ...] | None = None  # a README's study sections: only they make cards
    logseq: str = ""  # a page of a Logseq graph: how the graph names its files ("triple-lowbar" or "legacy")
    kramdown: bool = False  # a page of a Jekyll site: `$$…$$` in a sentence is inline math (`extract.kramdown`)
    toml: bool = False  # its front matter is Hugo's `+++` TOML: its title's cards keep the ids of its file's name
    zettels: dict[str, str] = field(default_factory=dict)  # {id: title} of the notes it links to by id (Zettlr)
    included_under: str = ""  # a Quarto partial: "Title › Heading" where a document includes it (its subject)
    title_apart: bool = False  # Pandoc/Quarto, Standard Notes show its front matter's title above its sections, H1s too
    records_book: bool = False  # its front matter is a book's record (authors and a publisher or ISBN): `book_blurbs`
    hub: bool = False  # a map of content that explains too: only its cards of its own words (`hub_sections`)
    distill: bool = False  # an article of a distill site: its `<aside>` is margin content (`extract.distill`)
    upnote: bool = False  # its front matter is UpNote's "additional data": an UpNote export (`extract.upnote`)
    substitutions: dict[str, str] = field(default_factory=dict)  # MyST's `{{ name }}` → its text (`myst_substitutions`)
    project_targets: str = ""  # its Sphinx project's other pages' labelled headings and equations it refers to
    page_titles: dict[str, str] = field(default_factory=dict)  # the titles of the pages its `{doc}` roles name
    standard_notes: bool = False  # its front matter is the one Standard Notes' export writes (`extract.standard_notes`)

    def file_line(self, body_line: int) -> int:
        if self.line_map:
            return self.line_map[min(body_line, len(self.line_map)) - 1] if body_line > 0 else 1
        return body_line + self.line_offset


def _as_tags(value) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        return [t for t in re.split(r"[,\s]+", value) if t]
    if isinstance(value, (list, tuple, set)):
        return [str(t) for t in value if isinstance(t, (str, int, float)) and str(t).strip()]
    return []


@functools.lru_cache(maxsize=4096)  # every note cleans its tags again, and most notes share them
def clean_tag(tag: str) -> str:
    """Anki tags cannot hold spaces; keep them readable with underscores."""
    return re.sub(r"\s+", "_", tag.strip().lstrip("#"))


# Front matter only Pandoc (and Quarto) read: a page written for them, whose title is shown above its sections
_PANDOC_KEYS = ("header-includes", "bibliography", "csl", "documentclass", "geometry", "numbersections",
                "number-sections", "link-citations", "linkReferences", "abstract", "classoption", "mainfont")


def note_context(note: NoteText, config) -> NoteContext:
    """Deck, tags and options for one note, from its front matter, its folder and the config."""
    rel_notes = _relative_to_notes(note.path, config)
    folders = list(_parent_parts(rel_notes))
    deck = note.meta.get("deck")
    if not isinstance(deck, str) or not deck.strip():
        deck = next((d for pattern, d in config.deck_names.items() if fnmatch(rel_notes, pattern)), None)
    if not deck:
        deck = f"{config.name}::{folders[0]}" if folders else config.name
    tags = [t for key in ("tags", "categories", "keywords") for t in _as_tags(note.meta.get(key))]
    if folders:
        tags.append("::".join(folders))
    title = note.meta.get("title") or document_title(note.body)  # (SiYuan keeps a document's title at its end)
    ctx = NoteContext(
        path=note.path, file_type=note.file_type, deck=deck.strip(),
        tags=tuple(dict.fromkeys(clean_tag(t) for t in tags if clean_tag(t))),
        formulas=config.formulas, definitions=config.definitions, highlight_cloze=config.highlight_cloze,
        question_headings=config.question_headings, question_callouts=config.question_callouts,
        bold_questions=config.bold_questions, sections=config.sections,
        line_offset=note.line_offset, line_map=note.line_map,
        title=title if isinstance(title, str) else "", logseq=note.logseq,
        kramdown=note.kramdown, zettels=note.zettels, toml=note.toml, included_under=note.included_under,
        title_apart=note.file_type == "qmd" or any(key in note.meta for key in _PANDOC_KEYS)
        or is_standard_notes_export(note.meta),  # (Standard Notes shows a Super note's title above its text)
        standard_notes=is_standard_notes_export(note.meta),
        records_book=records_book(note.meta), distill=is_distill(note.meta), upnote=upnote_data(note.meta),
        substitutions=page_substitutions(note.meta, note.substitutions), project_targets=note.project_targets,
        page_titles=note.page_titles)
    if is_contents_page(rel_notes, note.body):
        return replace(ctx, study_lines=())  # (a site's table of contents: only the forms written for mlwiki)
    # (a folder's README that a documentation site shows as the chapter's page is a note like any other)
    repository_file = is_repository_file(rel_notes) and not note.chapter
    if repository_file and (kept := _readme_study(rel_notes, note.body)):
        return replace(ctx, study_lines=kept)  # (its overview of the subject is read as notes are, the rest not)
    hub = is_map_of_content(rel_notes, ctx.title)
    if is_template(folders, rel_notes) or titled_template(ctx.title) or "listing" in note.meta or repository_file \
            or note.meta.get("type") in _MEDIA_OBJECTS \
            or hub and not explains(note.body) and not states_own_text(note.body) \
            or is_site_furniture(folders, rel_notes, note.body):
        # (only the forms written for mlwiki, then)
        ctx = replace(ctx, formulas="none", definitions=False, highlight_cloze=False, question_headings=False,
                      question_callouts=False, bold_questions=False, sections=False)
    elif hub:
        ctx = replace(ctx, hub=True)  # (a hub that explains what ties its notes together: those words are cards)
    return ctx


def records_book(meta: dict) -> bool:
    """Whether a note's front matter records a book, as reference managers and citation plugins write one: its
    authors, and its publisher or ISBN (a paper has a journal or venue instead)."""
    return any(meta.get(key) for key in ("authors", "author", "editors")) \
        and any(meta.get(key) for key in ("publisher", "isbn", "ISBN"))


# A note that stands for a picture: Capacities exports each image it holds as an object of its own, `type: Image`,
# the picture and the caption that says what it shows ("Exported from the lab notebook. Elbow at K = 4."): what one
# picture shows is no card, and the notes that show it say what it teaches
_MEDIA_OBJECTS = ("Image",)


# A note kept to be copied, not studied: Obsidian's and Templater's templates folder, a note named "Template"
_TEMPLATE = re.compile(r"(?i)[\W\d_]*templates?[\W\d_]*")


# A page titled as a template ("Template: paper note", "Template - weekly review"), wherever it is kept
_TEMPLATE_TITLE = re.compile(r"(?i)[ \t]*templates?[ \t]*[:—–-]")


def titled_template(title: str) -> bool:
    """Whether the note's front matter titles it a template ("Template: paper note"): a skeleton to copy, whose
    headings and placeholders ("AUTHOR (YEAR)", "YYYY-MM-DD") are blanks to fill in, as in a `Templates` folder."""
    return bool(title) and bool(_TEMPLATE_TITLE.match(title))


# (A Quarto listing page, `listing:` in its front matter, lists other notes: no study material of its own either.)
def is_template(folders: list[str], rel: str) -> bool:
    """Whether the note is a template (in a `Templates` folder, or named `Template`, `00. Template`): its
    headings are blanks to fill in, so only the forms written for mlwiki make cards of it."""
    if "emplate" not in rel.lower():
        return False  # (nearly every note, said cheaply)
    stem = PurePosixPath(rel).stem
    return bool(_TEMPLATE.fullmatch(stem) or _NAMED_TEMPLATE.search(stem)) or any(_TEMPLATE.fullmatch(f) for f in folders)


# A note named as the template of a kind of note ("Lecture notes TEMPLATE", "paper-note template", "Weekly review
# template"): "template" after a kind of note, or in capitals ("Chat templates" names a subject)
_NAMED_TEMPLATE = re.compile(r"(?<![A-Za-z])TEMPLATE(?![A-Za-z])|(?i:(?:notes?|lecture|page|paper|meeting|weekly|daily|"
                             r"review|reading|week|slides?|decks?|posts?)[\W_]+template[\W\d_]*$)")  # ("_slide-template.qmd")


# The files a code repository keeps about itself, named as GitHub and GitLab expect them: what the repository holds
# and how to work on it, not study material ("README.md", "CONTRIBUTING.md" in a folder, "Literature/README.md")
# ("Security.md" or "History.md" may well be notes about a subject: only names no note would take)
_REPOSITORY_FILES = frozenset(("readme", "changelog", "contributing", "code_of_conduct", "license", "licence"))


def is_repository_file(rel: str) -> bool:
    """Whether the note is one of the files a repository keeps about itself (its README, a folder's README, the
    changelog …): only the forms written for mlwiki make cards of it."""
    name = rel.rpartition("/")[2]
    return name.partition(".")[0].casefold() in _REPOSITORY_FILES


def _readme_study(rel: str, body: str) -> tuple[tuple[int, int], ...]:
    """The body lines of a README's study sections (`readme_sections`); none for the other repository files."""
    if rel.rpartition("/")[2].partition(".")[0].casefold() != "readme":
        return ()
    return study_lines(body)


def _parent_parts(rel: str) -> tuple[str, ...]:
    """`PurePosixPath(rel).parent.parts`, worked out once per folder (all notes of a folder share it)."""
    folder, _, name = rel.rpartition("/")
    if not folder or not name or name == "." or "//" in rel or rel.startswith("/"):
        return PurePosixPath(rel).parent.parts
    return _folder_parts(folder)


@functools.lru_cache(maxsize=4096)
def _folder_parts(folder: str) -> tuple[str, ...]:
    return PurePosixPath(folder).parts


@functools.lru_cache(maxsize=64)
def _notes_rel(notes_dir, root) -> str | None:
    try:
        return notes_dir.relative_to(root).as_posix()
    except ValueError:
        return None


def _relative_to_notes(rel_root: str, config) -> str:
    notes_rel = _notes_rel(config.notes_dir, config.root)
    if notes_rel is None:
        return rel_root
    if notes_rel in ("", "."):
        return rel_root
    prefix = notes_rel + "/"
    return rel_root[len(prefix):] if rel_root.startswith(prefix) else rel_root


# A map of content (Obsidian's "MOC - Machine Learning", "ML MOC", "Map of Content"): a note of links to others,
# kept to find them, not study material
_MAP_OF_CONTENT = re.compile(r"(?i)\bMOC\b|\bmaps? of contents?\b")


# A line of a note that says something itself: eight words or more, and no link to another note
_LINK = re.compile(r"\]\(|\[\[")
_OWN_LINES = 4  # (a hub whose every item only names a note and what it holds has none, or a line or two)


def states_own_text(body: str) -> bool:
    """Whether a note states things of its own besides its links (a hub card that also says what the task is, or
    what every method of the subject shares): lines of words that point at no other note. Such a map of content is
    read as a note; its lists of links still make no card (`passages`)."""
    own = 0
    for line in body.splitlines():
        if len(line.split()) >= 8 and not _LINK.search(line) and line.lstrip()[:1] not in "#|`<":
            own += 1
            if own >= _OWN_LINES:
                return True
    return False


def is_map_of_content(rel: str, title: str) -> bool:
    """Whether the note is a map of content, by its file name or title: only the forms written for mlwiki make
    cards of it."""
    stem = PurePosixPath(rel).stem
    return ("moc" in stem.lower() or "map of" in stem.lower() or "map of" in title.lower() or "MOC" in title) and \
        bool(_MAP_OF_CONTENT.search(stem) or _MAP_OF_CONTENT.search(title))

