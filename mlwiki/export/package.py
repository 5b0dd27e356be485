"""`mlwiki export`: Anki `.apkg` decks from the store, one file per top-level deck.

What goes into a package, and why:

* **Note types** have fixed ids (the constants below, chosen once at random) and fixed field lists. Anki matches
  an imported note type by id; a changed id would move every note to a new note type, and a changed field list
  is a migration (see /work/shared/design/toolchain-facts.md). Never change them; add a new note type instead.

  ============================  =============================  ==========================================
  note type                     fields                         cards
  ============================  =============================  ==========================================
  mlwiki Basic                  Front, Back, Source, Id        1 (kinds ``basic`` and ``definition``)
  mlwiki Basic (and reversed)   Front, Back, Source, Id        2 (a ``basic`` card and its ``reverse``)
  mlwiki Cloze                  Text, Extra, Source, Id        one per cloze group (kind ``cloze``)
  mlwiki Formula                Front, Back, Source, Id        1 (kind ``formula``)
  ============================  =============================  ==========================================

  One Anki note per mlwiki ``note_id``: the two directions of ``a ::: b`` and all groups of a cloze block are
  siblings in Anki as they are in mlwiki. ``Id`` holds the note id, ``Source`` ``path:line · heading path``.

* **GUID** = ``genanki.guid_for(note_id)``: it never depends on the content, so an edited note is *updated* in
  Anki (keeping its review history) instead of being added as a new note.

* **Timestamps.** Anki's importer ("update notes: if newer", its default) replaces an existing note only when
  the incoming note's modification time is *strictly newer*; an equal or older time makes the edit count as a
  duplicate and it is silently dropped. genanki stamps every note with the package's timestamp (whole seconds),
  so each export is stamped with ``now`` (the real clock, or ``--now``). Never use a fixed timestamp for
  reproducible builds; it breaks updates. Two exports within the same second share a stamp: import the later.

* **Fields** are Markdown rendered by :func:`mlwiki.render.html.markdown_to_html`: sanitized HTML (no scripts, no
  event handlers), math as ``\\(…\\)``/``\\[…\\]`` for Anki's built-in MathJax, clozes padded so ``}}`` and
  ``::`` inside math do not end them early. LaTeX macros (``macros`` in mlwiki.toml, or a Quarto project's
  ``_macros.tex``/``_macros.qmd``) go into every template in a hidden ``\\(\\newcommand…\\)`` block.

* **Images** referenced by a note are copied into the package only when they resolve (symlinks followed) to an
  image file inside the wiki root and outside hidden folders; their ``src`` is rewritten to a unique media name
  (``mlwiki-<hash of the root-relative path>-<name>``). Anything else is left out with a warning naming the
  note's ``path:line``, and the ``<img>`` becomes a visible "[image not exported]" marker.

* **Suspended** cards are written with ``queue = -1``. Anki keeps that only when the package is imported *with*
  scheduling ("Import any learning progress"); a plain import resets every new card's queue to 0. Re-imports
  never change the state of cards that already exist in Anki. Leeches get the tag ``leech``. Retired cards
  (deleted from the notes) are not exported.

The file is written next to its final name and renamed into place, so a crash never leaves half a package.
genanki's own ``Package.write_to_file`` is not used because it leaves its temporary SQLite file behind in the
temp folder on every call (genanki 0.13.1); :func:`_write_apkg` writes the same layout through the same
``Package.write_to_db`` with the same timestamp, and removes it.
"""

from __future__ import annotations

import hashlib
import html as htmllib
import itertools
import json
import os
import re
import sqlite3
import tempfile
import warnings
import zipfile
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from urllib.parse import unquote

import genanki

from mlwiki.config import Config
from mlwiki.store.cards import CardFilter, notes_with_selected_cards
from mlwiki.render.html import image_refs, markdown_to_html
from mlwiki.render.macros import extract_macros, macros_source

# Note type ids: chosen once with random.randrange(1 << 30, 1 << 31). NEVER change them (see the module docs).
BASIC_MODEL_ID = 1670685533
TWO_WAY_MODEL_ID = 2073484987
CLOZE_MODEL_ID = 1825027148
FORMULA_MODEL_ID = 2086185615

BASIC_FIELDS = ("Front", "Back", "Source", "Id")
CLOZE_FIELDS = ("Text", "Extra", "Source", "Id")

IMAGE_SUFFIXES = {".png", ".jpg", ".jpeg", ".gif", ".svg", ".webp", ".avif", ".bmp", ".tif", ".tiff", ".ico"}


# --- report ------------------------------------------------------------------------------------------------


@dataclass
class ExportedFile:
    """One package written: its path, its top-level deck, and what it holds."""

    path: Path
    deck: str
    notes: int = 0
    cards: int = 0
    media: int = 0
    suspended: int = 0

    def to_dict(self) -> dict:
        return {"path": str(self.path), "deck": self.deck, "notes": self.notes, "cards": self.cards,
                "media": self.media, "suspended": self.suspended}


@dataclass
class ExportReport:
    """What an export wrote, and what it had to leave out (images, empty notes …)."""

    files: list[ExportedFile] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    @property
    def notes(self) -> int:
        return sum(f.notes for f in self.files)

    @property
    def cards(self) -> int:
        return sum(f.cards for f in self.files)

    def to_dict(self) -> dict:
        return {"files": [f.to_dict() for f in self.files], "warnings": list(self.warnings),
                "notes": self.notes, "cards": self.cards}

    def summary(self) -> str:
        return (f"{len(self.files)} deck file(s): {self.notes} notes, {self.cards} cards"
                + (f", {len(self.warnings)} warning(s)" if self.warnings else ""))


# --- templates and note types -----------------------------------------------------------------------------

CSS = """\
.card {
  --mw-fg: #1f2328; --mw-bg: #ffffff; --mw-muted: #656d76; --mw-rule: #d0d7de;
  --mw-code-bg: #f2f4f7; --mw-accent: #0969da; --mw-cloze: #0550ae; --mw-cloze-bg: #ddf4ff;
  font-family: -apple-system, BlinkMacSystemFont, "Segoe UI", Roboto, "Noto Sans", Helvetica, Arial, sans-serif;
  font-size: 20px;
  line-height: 1.5;
  color: var(--mw-fg);
  background-color: var(--mw-bg);
  text-align: left;
  overflow-wrap: break-word;
  -webkit-text-size-adjust: 100%;
}
.card.nightMode, .nightMode .card, .card.night_mode, .night_mode .card {
  --mw-fg: #e6edf3; --mw-bg: #1e1f22; --mw-muted: #9198a1; --mw-rule: #3d444d;
  --mw-code-bg: #2b2d31; --mw-accent: #4493f8; --mw-cloze: #79c0ff; --mw-cloze-bg: #12263f;
}
.mw { max-width: 40em; margin: 0 auto; padding: 0 0.4em; }
.mw p { margin: 0.5em 0; }
.mw-kind { max-width: 40em; margin: 0 auto 0.3em; padding: 0 0.4em; font-size: 0.65em; letter-spacing: 0.06em;
  text-transform: uppercase; color: var(--mw-muted); }
.mw-formula { text-align: center; font-size: 1.1em; }
.mw a { color: var(--mw-accent); }
.mw img { max-width: 100%; height: auto; }
.mw code, .mw pre, .mw kbd { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 0.85em;
  background: var(--mw-code-bg); border-radius: 4px; }
.mw code { padding: 0.1em 0.3em; }
.mw pre { padding: 0.6em 0.8em; overflow-x: auto; }
.mw pre code { padding: 0; background: none; }
.mw blockquote { margin: 0.5em 0; padding-left: 0.8em; border-left: 3px solid var(--mw-rule); color: var(--mw-muted); }
.mw table { border-collapse: collapse; display: block; max-width: 100%; overflow-x: auto; }
.mw th, .mw td { border: 1px solid var(--mw-rule); padding: 0.2em 0.5em; }
.mw ul, .mw ol { padding-left: 1.4em; }
.cloze { font-weight: 600; color: var(--mw-cloze); background: var(--mw-cloze-bg); border-radius: 3px;
  padding: 0 0.15em; }
hr#answer { border: none; border-top: 1px solid var(--mw-rule); margin: 1em auto; max-width: 40em; }
.mw-extra { max-width: 40em; margin: 0.8em auto 0; padding: 0 0.4em; color: var(--mw-muted); font-size: 0.9em; }
.mw-source { max-width: 40em; margin: 1.4em auto 0; padding: 0 0.4em; font-size: 0.65em; color: var(--mw-muted); }
.mw-missing { color: var(--mw-muted); font-style: italic; font-size: 0.8em; }
mjx-container[display="true"] { overflow-x: auto; overflow-y: hidden; max-width: 100%; padding: 0.2em 0; }
@media (max-width: 600px) {
  .card { font-size: 18px; }
  .mw, .mw-kind, .mw-extra, .mw-source { padding: 0 0.15em; }
}
"""

_SOURCE = '<div class="mw-source">{{Source}}</div>'


def _templates(kind: str, macros: str) -> list[dict]:
    """Card templates of one note type. `macros` (already template-safe) starts every question side."""
    def side(field_name: str, css_class: str = "mw") -> str:
        return f'<div class="{css_class}">{{{{{field_name}}}}}</div>'

    answer = '{{FrontSide}}\n<hr id="answer">\n'
    if kind == "cloze":
        text = '<div class="mw">{{cloze:Text}}</div>'
        return [{"name": "Cloze", "qfmt": macros + text,
                 "afmt": macros + text + '\n{{#Extra}}<div class="mw-extra">{{Extra}}</div>{{/Extra}}\n' + _SOURCE}]
    if kind == "formula":
        return [{"name": "Formula", "qfmt": macros + '<div class="mw-kind">Formula</div>\n' + side("Front"),
                 "afmt": answer + side("Back", "mw mw-formula") + "\n" + _SOURCE}]
    forward = {"name": "Card 1", "qfmt": macros + side("Front"), "afmt": answer + side("Back") + "\n" + _SOURCE}
    if kind == "two-way":
        backward = {"name": "Card 2", "qfmt": macros + side("Back"),
                    "afmt": answer + side("Front") + "\n" + _SOURCE}
        return [forward, backward]
    return [forward]


def build_models(macros: str = "") -> dict[str, genanki.Model]:
    """The four note types, keyed 'basic', 'two-way', 'cloze', 'formula'."""
    block = _macro_block(macros)

    def fields(names) -> list[dict]:
        return [{"name": name} for name in names]

    return {
        "basic": genanki.Model(BASIC_MODEL_ID, "mlwiki Basic", fields=fields(BASIC_FIELDS),
                               templates=_templates("basic", block), css=CSS),
        "two-way": genanki.Model(TWO_WAY_MODEL_ID, "mlwiki Basic (and reversed)", fields=fields(BASIC_FIELDS),
                                 templates=_templates("two-way", block), css=CSS),
        "cloze": genanki.Model(CLOZE_MODEL_ID, "mlwiki Cloze", fields=fields(CLOZE_FIELDS),
                               templates=_templates("cloze", block), css=CSS, model_type=genanki.Model.CLOZE),
        "formula": genanki.Model(FORMULA_MODEL_ID, "mlwiki Formula", fields=fields(BASIC_FIELDS),
                                 templates=_templates("formula", block), css=CSS),
    }


# --- LaTeX macros ------------------------------------------------------------------------------------------


def _macro_block(macros: str) -> str:
    """A hidden MathJax block defining the macros, safe inside an Anki template (no `{{`, `}}`, no HTML)."""
    if not macros.strip():
        return ""
    safe = macros.replace("\\)", "")
    while "{{" in safe or "}}" in safe:  # Anki reads {{…}} in templates as fields; TeX ignores the space
        safe = safe.replace("{{", "{ {").replace("}}", "} }")
    return f'<div class="mw-macros" style="display:none">\\({htmllib.escape(safe, quote=False)}\\)</div>\n'


# --- images ------------------------------------------------------------------------------------------------

_IMG_TAG = re.compile(r"<img\b(?:[^>\"']|\"[^\"]*\"|'[^']*')*>", re.I)
_SRC_ATTR = re.compile(r"""(\ssrc=)("([^"]*)"|'([^']*)')""", re.I)


class _Media:
    """Images found while building notes: which are allowed, and their names inside the package."""

    def __init__(self, config: Config):
        self.config = config
        self.root = config.root.resolve()
        self.cache: dict[tuple[str, str], tuple[str | None, str]] = {}
        self.files: dict[str, Path] = {}  # media name → resolved file

    def resolve(self, note_path: str, ref: str) -> tuple[str | None, str]:
        """(media name, '') for an allowed image; (None, why) otherwise."""
        key = (str(Path(note_path).parent), ref)
        if key not in self.cache:
            self.cache[key] = self._resolve(note_path, ref)
        return self.cache[key]

    def _resolve(self, note_path: str, ref: str) -> tuple[str | None, str]:
        if not ref or "\x00" in ref:
            return None, "is not a valid path"
        if ref.startswith(("/", "\\")) or re.match(r"[A-Za-z]:", ref) or re.match(r"[A-Za-z][\w+.-]*:", ref):
            return None, "is an absolute path or a URL; only images inside the wiki are exported"
        candidate = (self.config.root / note_path).parent / ref
        lexical = Path(os.path.normpath(candidate))
        if not (lexical.is_relative_to(self.config.root) or lexical.is_relative_to(self.root)):
            return None, "is outside the wiki folder; not exported"
        try:
            resolved = candidate.resolve(strict=True)
        except (OSError, RuntimeError):
            return None, "was not found"
        if not resolved.is_relative_to(self.root):
            return None, "is outside the wiki folder; not exported"
        rel = resolved.relative_to(self.root)
        if any(part.startswith(".") for part in rel.parts):
            return None, "is in a hidden folder; not exported"
        if not resolved.is_file():
            return None, "is not a file"
        if resolved.suffix.lower() not in IMAGE_SUFFIXES:
            return None, "is not an image file; not exported"
        digest = hashlib.blake2b(rel.as_posix().encode("utf-8", "surrogatepass"), digest_size=4).hexdigest()
        stem = re.sub(r"[^\w.-]+", "_", resolved.name).strip("._") or "image"
        name = f"mlwiki-{digest}-{stem}"
        self.files[name] = resolved
        return name, ""


def _rewrite_images(html: str, mapping: dict[str, str | None]) -> str:
    """Point every <img> whose src is a local reference to its media name; drop those that were refused."""
    if "<img" not in html.lower():
        return html

    def fix(tag: re.Match) -> str:
        src = _SRC_ATTR.search(tag.group(0))
        if not src:
            return tag.group(0)
        raw = src.group(3) if src.group(3) is not None else src.group(4)
        ref = unquote(re.sub(r"[\t\n\r]", "", htmllib.unescape(raw)).strip("".join(chr(c) for c in range(0x21))))
        if ref not in mapping:
            return tag.group(0)  # a https image (the sanitizer allows those) or something we did not see
        name = mapping[ref]
        if name is None:
            return '<span class="mw-missing">[image not exported]</span>'
        start, end = src.span(2)
        text = tag.group(0)
        return text[:start] + '"' + htmllib.escape(name) + '"' + text[end:]

    return _IMG_TAG.sub(fix, html)


# --- notes -------------------------------------------------------------------------------------------------


@dataclass
class _Built:
    deck: str
    note: genanki.Note
    suspended: int
    media: set[str]


def _clean_tag(tag: str) -> str:
    return re.sub(r"\s+", "_", tag.strip())


def _source_text(row) -> str:
    where = f"{row['path']}:{row['line']}"
    heading = (row["heading"] or "").strip()
    return htmllib.escape(f"{where} · {heading}" if heading else where)


def _note_kind(cards: list) -> str:
    kinds = {c["kind"] for c in cards}
    if "cloze" in kinds:
        return "cloze"
    if "reverse" in kinds:
        return "two-way"
    if "formula" in kinds:
        return "formula"
    return "basic"


class _Builder:
    def __init__(self, config: Config, models: dict[str, genanki.Model], report: ExportReport):
        self.config = config
        self.models = models
        self.report = report
        self.media = _Media(config)

    def field(self, markdown: str, images: dict[str, str | None]) -> str:
        return _rewrite_images(markdown_to_html(markdown or ""), images).strip()

    def images(self, first, sources: list[str]) -> dict[str, str | None]:
        """Every local image of the note's Markdown → media name (None: refused, with a warning)."""
        mapping: dict[str, str | None] = {}
        for text in sources:
            if not text or ("![" not in text and "<img" not in text.lower()):
                continue  # image_refs parses the Markdown again: skip the (usual) text without images
            for ref in image_refs(text):
                if ref in mapping:
                    continue
                name, why = self.media.resolve(first["path"], ref)
                mapping[ref] = name
                if name is None:
                    self.report.warnings.append(f"{first['path']}:{first['line']}: image {ref!r} {why}")
        return mapping

    def build(self, note_id: str, cards: list, position: int) -> _Built | None:
        kind = _note_kind(cards)
        first = cards[0]
        kinds = {c["kind"] for c in cards}
        expected = {"cloze": {"cloze"}, "two-way": {"basic", "reverse"}}.get(kind, {first["kind"]})
        if not kinds <= expected or (kind not in ("cloze", "two-way") and len(cards) > 1):
            self.report.warnings.append(f"{first['path']}:{first['line']}: note {note_id} mixes cards that do not "
                                        f"fit one Anki note ({', '.join(sorted(kinds))}); only the first is exported")
            cards = [first]
            kind = "two-way" if first["kind"] == "reverse" else ("cloze" if first["kind"] == "cloze" else
                                                                 "formula" if first["kind"] == "formula" else "basic")
        model = self.models[kind]
        suspend_ords: set[int] = set()
        if kind == "cloze":
            images = self.images(first, [first["text"]])
            fields = [self.field(first["text"], images), "", _source_text(first), htmllib.escape(note_id)]
            for card in cards:
                if card["suspended"]:
                    suspend_ords.add(int(card["grp"] or 1) - 1)
        else:
            main = next((c for c in cards if c["kind"] != "reverse"), None)
            if main is not None:
                front, back = main["front"], main["back"]
            else:  # only the reverse side is live: the note's fields are its sides swapped
                reverse = cards[0]
                front, back = reverse["back"], reverse["front"]
                suspend_ords.add(0)
            source_row = main or first
            images = self.images(first, [front, back])
            fields = [self.field(front, images), self.field(back, images), _source_text(source_row),
                      htmllib.escape(note_id)]
            for card in cards:
                if card["suspended"]:
                    suspend_ords.add(1 if card["kind"] == "reverse" else 0)
        tags: list[str] = []
        for card in cards:
            tags.extend(_clean_tag(t) for t in json.loads(card["tags"] or "[]"))
        if any(card["leech"] for card in cards):
            tags.append("leech")
        tags = list(dict.fromkeys(t for t in tags if t))
        note = genanki.Note(model=model, fields=fields, tags=tags, guid=genanki.guid_for(note_id), due=position)
        if not note.cards or not all(fields[:1]) or (kind != "cloze" and not fields[1]):
            self.report.warnings.append(f"{first['path']}:{first['line']}: note {note_id} is empty once unsafe HTML "
                                        "is removed (or has no cloze left); not exported")
            return None
        suspended = 0
        for card in note.cards:
            if card.ord in suspend_ords:
                card.suspend = True
                suspended += 1
        used = {name for name in images.values() if name}
        deck = (first["deck"] or "").strip() or self.config.name
        return _Built(deck, note, suspended, used)


# --- export ------------------------------------------------------------------------------------------------


def deck_id(name: str) -> int:
    """A stable Anki deck id from the deck's full name (in genanki's suggested range)."""
    digest = hashlib.blake2b(("mlwiki-deck:" + name).encode("utf-8"), digest_size=8).digest()
    return (1 << 30) + int.from_bytes(digest, "big") % (1 << 30)


def safe_file_name(deck: str) -> str:
    """A file name (without suffix) for a top-level deck: letters, digits, '-', '_' and '.', never hidden."""
    name = re.sub(r"[^\w.-]+", "_", deck.strip(), flags=re.UNICODE).strip("._")
    return name[:100] or "deck"


def export_decks(store, config: Config, now: datetime, out_dir: str | os.PathLike | None = None,
                 selection: CardFilter = CardFilter()) -> ExportReport:
    """Write one `.apkg` per top-level deck into `out_dir` (default: config.decks_dir).

    `deck` keeps that deck and its sub-decks, `tag` cards with that tag or a child tag; a note is exported
    whole when any of its live cards matches. Every note is stamped with `now` (see the module docs: Anki
    updates a note only from a strictly newer one).
    """
    report = ExportReport()
    target_dir = Path(out_dir) if out_dir is not None else config.decks_dir
    macros_path, warning = macros_source(config)
    if warning:
        report.warnings.append(warning)
    macros = ""
    if macros_path is not None:
        try:
            macros = extract_macros(macros_path.read_text(encoding="utf-8", errors="replace"))
        except OSError as exc:
            report.warnings.append(f"cannot read macros file {config.relative(macros_path)}: {exc.strerror}")
    models = build_models(macros)
    builder = _Builder(config, models, report)

    groups: dict[str, list] = {}
    for row in notes_with_selected_cards(store, selection):
        groups.setdefault(row["note_id"], []).append(row)
    by_top: dict[str, list[_Built]] = {}
    for position, (note_id, cards) in enumerate(groups.items()):
        built = builder.build(note_id, cards, position)
        if built is not None:
            top = built.deck.split("::")[0].strip() or config.name
            by_top.setdefault(top, []).append(built)
    if not by_top:
        report.warnings.append("no cards to export" + (" for these filters" if not selection.is_empty else ""))
        return report

    try:
        target_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        from mlwiki.errors import MlwikiError

        raise MlwikiError(f"cannot create the output folder ({exc.strerror})", path=str(target_dir)) from None
    used_names: dict[str, str] = {}
    for top in sorted(by_top):
        name = safe_file_name(top)
        if name.lower() in used_names:
            name = f"{name}-{hashlib.blake2b(top.encode(), digest_size=3).hexdigest()}"
        used_names[name.lower()] = top
        path = target_dir / f"{name}.apkg"
        report.files.append(_write_deck(path, top, by_top[top], builder.media.files, config, now, report))
    return report


def _write_deck(path: Path, top: str, built: list[_Built], media_files: dict[str, Path], config: Config,
                now: datetime, report: ExportReport) -> ExportedFile:
    decks: dict[str, genanki.Deck] = {}
    media: dict[str, Path] = {}
    info = ExportedFile(path=path, deck=top)
    for item in built:
        deck = decks.get(item.deck)
        if deck is None:
            deck = decks[item.deck] = genanki.Deck(deck_id(item.deck), item.deck,
                                                   description=f"Exported by mlwiki from {config.name}.")
        deck.add_note(item.note)
        info.notes += 1
        info.cards += len(item.note.cards)
        info.suspended += item.suspended
        for name in sorted(item.media):
            media[name] = media_files[name]
    info.media = len(media)
    package = genanki.Package(list(decks.values()))
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        _write_apkg(package, path, now.timestamp(), media)
    report.warnings.extend(f"{path.name}: {w.message}" for w in caught)
    return info


def _write_apkg(package: genanki.Package, target: Path, timestamp: float, media: dict[str, Path]) -> None:
    """genanki's `Package.write_to_file(target, timestamp=timestamp)`, written atomically, without leftovers.

    Same layout as genanki 0.13.1: `collection.anki2` (filled by `Package.write_to_db` with `timestamp` as every
    note's and card's modification time), a `media` JSON index and the media files named 0, 1, 2 …
    """
    fd, db_path = tempfile.mkstemp(prefix="mlwiki-export-", suffix=".anki2")
    os.close(fd)
    tmp_path: str | None = None
    try:
        conn = sqlite3.connect(db_path)
        try:
            package.write_to_db(conn.cursor(), timestamp, itertools.count(int(timestamp * 1000)))
            conn.commit()
        finally:
            conn.close()
        fd, tmp_path = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
        with os.fdopen(fd, "wb") as raw:
            with zipfile.ZipFile(raw, "w", compression=zipfile.ZIP_DEFLATED) as archive:
                archive.write(db_path, "collection.anki2")
                names = list(media)
                archive.writestr("media", json.dumps({str(i): name for i, name in enumerate(names)}))
                for i, name in enumerate(names):
                    archive.write(media[name], str(i))
            raw.flush()
            os.fsync(raw.fileno())
        os.chmod(tmp_path, 0o666 & ~_umask())  # mkstemp makes it private; a deck is an ordinary file
        os.replace(tmp_path, target)
        tmp_path = None
    finally:
        os.unlink(db_path)
        if tmp_path is not None and os.path.exists(tmp_path):
            os.unlink(tmp_path)


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
