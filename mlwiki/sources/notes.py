"""Reading the wiki from disk: which files are notes, and what text and front matter each holds.

This is the only module that walks the notes folder. It never raises for a bad file: every problem becomes a
`Problem` with the file's path (and line where known) and the scan goes on.
"""

from __future__ import annotations

import functools
import gc
import json
import os
import re
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from mlwiki.config import CONFIG_NAME, DATA_DIR, Config
from mlwiki.sources.book_sites import chapter_page
from mlwiki.sources.build_folders import IGNORED_DIRS, is_nbdev_output
from mlwiki.sources.decoding import decode_note, warn
from mlwiki.sources.deepnote import continues_list, with_marks
from mlwiki.sources.flat_yaml import read_flat
from mlwiki.sources.graphs import GRAPH_FOLDER, is_graph_folder, logseq_style
from mlwiki.sources.jekyll import kramdown_page
from mlwiki.sources.jupyter_math import jupyter_math
from mlwiki.sources.nbdev_marks import directive_lines, hidden, without_heading_dash
from mlwiki.sources.notebook_cells import cell_box, is_assignment, left_out
from mlwiki.sources.plain_notes import as_markdown, is_plain_note
from mlwiki.sources.toml_front import toml_front_matter
from mlwiki.sources.quarto_includes import included_under
from mlwiki.sources.sphinx_projects import project_context
from mlwiki.sources.zettels import zettel_titles
from mlwiki.models import NoteText, Problem

NOTE_SUFFIXES = {".md": "md", ".markdown": "md", ".mdx": "mdx", ".qmd": "qmd", ".rmd": "qmd", ".ipynb": "ipynb",
                 ".txt": "txt"}  # (a plain-text note, `Title.txt`: read as its editor shows it, `sources.plain_notes`)


def note_files_in(folder: Path) -> list[Path]:
    """The files under `folder` whose suffix makes them notes, ignore rules aside: what `init` and `check` look for
    in the folder `export` writes to, which no scan reads."""
    return [path for path in folder.rglob("*") if path.suffix.lower() in NOTE_SUFFIXES and path.is_file()
            and path.suffix.lower() != ".txt"] if folder.is_dir() else []


# A folder holding one of these is not part of the wiki: another wiki (its config or data folder), or a Python
# virtual environment (whose packages ship Markdown files by the thousand).
OTHER_ROOT_MARKERS = (CONFIG_NAME, DATA_DIR, "pyvenv.cfg")
MAX_NOTE_BYTES = 10 * 1024 * 1024
MAX_FRONT_MATTER_CHARS = 64 * 1024
MAX_YAML_ALIASES = 100
MAX_YAML_DEPTH = 50  # real front matter nests 2-3 levels; deeper is a stack-exhaustion attempt


@dataclass(frozen=True)
class NoteFile:
    """A note file found by the walk, with the stat figures used to skip unchanged files.

    It keeps the file's path as a string and makes the `Path` only when asked: a scan walks every note, but reads
    only the changed ones, and making 10,000 Paths was a fifth of a no-change rescan."""

    fspath: str | os.PathLike
    rel: str
    size: int
    mtime_ns: int

    @property
    def path(self) -> Path:
        return Path(self.fspath)


@contextmanager
def paused_gc():
    """Hold back Python's cycle collector while a whole wiki is walked or parsed: that makes hundreds of thousands
    of small objects, nearly none in cycles, and the collector kept re-scanning them (~10% of a cold scan, and
    the jitter of a no-change rescan). Reference counting still frees everything as usual; the collector runs
    again afterwards."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


# --- walking -------------------------------------------------------------------------------------------


class _Ignore:
    """The skip rules: fixed folder names, .gitignore files on the way down, and config `exclude` globs."""

    def __init__(self, config: Config):
        self.config = config
        self.exclude = self._spec(config.exclude) if config.exclude else None
        self.gitignores: list[tuple[str, object]] = []  # (folder as a string ending in a separator, its spec)
        skip_dirs = {config.decks_dir, config.data_dir}
        self.skip_dirs = {p.resolve() for p in skip_dirs}
        self.notes_base = _as_base(config.notes_dir)
        self.watched: dict[str, list[int]] = {}  # what the walk depended on: see `watch`

    @staticmethod
    def _spec(lines: list[str]):
        import pathspec  # only for wikis with ignore rules: a rescan that skips the walk never needs it

        return pathspec.GitIgnoreSpec.from_lines(lines)

    def watch(self, path: Path | str) -> None:
        """Note `path`'s modification and change times ([-1, -1] if it cannot be read), taken before it is read:
        while no folder listed and no .gitignore read has changed, a rescan may skip the walk
        (mlwiki.scan.snapshot)."""
        try:
            stat = os.stat(path)
            self.watched.setdefault(str(path), [stat.st_mtime_ns, stat.st_ctime_ns])
        except OSError:
            self.watched.setdefault(str(path), [-1, -1])

    def load_gitignore(self, folder: Path) -> None:
        gi = folder / ".gitignore"
        if gi.is_file():
            self.watch(gi)
            try:
                lines = gi.read_text(encoding="utf-8", errors="replace").splitlines()
            except OSError:
                return
            self.gitignores.append((_as_base(folder), self._spec(lines)))

    def skipped(self, path: Path, is_dir: bool) -> bool:
        return self.skipped_at(str(path), path.name, is_dir)

    def skipped_at(self, fspath: str, name: str, is_dir: bool) -> bool:
        """`skipped` on the path as a string (its `name` too): the walk asks for every note of the wiki, and
        making a Path of each, and each relative path with pathlib, cost four times the matching itself."""
        if name.startswith(".") or (is_dir and (name in IGNORED_DIRS or Path(fspath) in self.skip_dirs)):
            return True
        suffix = "/" if is_dir else ""
        for base, spec in self.gitignores:
            rel = _relative_posix(fspath, base)
            if rel is not None and spec.match_file(rel + suffix):
                return True
        if self.exclude is not None:
            rel = _relative_posix(fspath, self.notes_base)
            return self.exclude.match_file((name if rel is None else rel) + suffix)
        return False


def _as_base(folder: Path) -> str:
    text = str(folder)
    return text if text.endswith(os.sep) else text + os.sep


def _relative_posix(fspath: str, base: str) -> str | None:
    """`Path(fspath).relative_to(folder).as_posix()` if fspath is inside folder (given as `_as_base(folder)`),
    else None; the same lexical test as `Path.is_relative_to` for the normalized paths the walk makes."""
    if fspath.startswith(base):
        rel = fspath[len(base):]
        return (rel.replace(os.sep, "/") if os.sep != "/" else rel) or "."
    if fspath + os.sep == base:
        return "."
    return None


def walk_notes(config: Config, only: list[Path] | None = None,
               watched: dict[str, list[int]] | None = None) -> tuple[list[NoteFile], list[Problem]]:
    """Every note file under the notes folder (or under the given paths), sorted by path, and walk problems.
    `watched`, when given, receives the times of every folder listed and .gitignore read (`_Ignore.watch`)."""
    ignore = _Ignore(config)
    if watched is not None:
        ignore.watched = watched
    if config.root != config.notes_dir and config.notes_dir.is_relative_to(config.root):
        ignore.watch(config.root)  # a .gitignore appearing there
        ignore.load_gitignore(config.root)
    files: list[NoteFile] = []
    problems: list[Problem] = []
    if not config.notes_dir.is_dir():
        problems.append(warn(config.relative(config.notes_dir), "notes folder does not exist; "
                             "create it or set 'notes' in mlwiki.toml"))
        return files, problems
    roots = [p.resolve() for p in only] if only else [config.notes_dir]
    seen_dirs: set[Path] = set()
    for start in roots:
        if start.is_file():
            _add_file(config, start, files, problems, start.stat() if start.exists() else None)
        else:
            _walk_dir(config, start, ignore, files, problems, seen_dirs)
    files.sort(key=lambda f: f.rel)
    return files, problems


def _inside_wiki(config: Config, path: Path) -> bool:
    try:
        return path.resolve().is_relative_to(config.root)
    except (OSError, RuntimeError):
        return False


def _walk_dir(config, folder, ignore, files, problems, seen_dirs) -> None:
    real = folder.resolve()
    if real in seen_dirs:
        problems.append(warn(config.relative(folder), "symlink loop: folder already scanned; remove the link"))
        return
    seen_dirs.add(real)
    ignore.watch(real)
    try:
        entries = sorted(os.scandir(folder), key=lambda e: e.name)
    except OSError as exc:
        problems.append(warn(config.relative(folder), f"cannot list folder ({exc.strerror}); check permissions"))
        return
    if real != config.notes_dir and real != config.root and \
            any(entry.name in OTHER_ROOT_MARKERS for entry in entries):
        return  # a nested wiki or a virtual environment
    ignore.load_gitignore(folder)
    prefix = config.relative(folder).rstrip("/") + "/"  # `rel` of the files here: prefix + name
    prefix = "" if prefix == "./" else prefix
    # Per entry, only what the rules need: this loop runs for every file of the wiki on every scan, and making a
    # Path of each one took most of a no-change rescan.
    for entry in entries:
        name = entry.name
        try:
            is_dir = entry.is_dir()
        except OSError:
            is_dir = False
        if name[:1] == "." or (is_dir and name in IGNORED_DIRS):
            continue  # what ignore.skipped() says first
        if is_dir and name == GRAPH_FOLDER and is_graph_folder(entry.path):
            continue  # (a Logseq graph's own folder: its config, and backups of its pages that are no notes)
        if is_dir and name == "_docs" and is_nbdev_output(str(folder), name):
            continue  # (an nbdev project's built docs: a copy of its notebooks)
        dot = name.rfind(".")
        is_note = not is_dir and 0 < dot < len(name) - 1 and name[dot:].lower() in NOTE_SUFFIXES  # Path.suffix
        is_note = is_note and (name[dot:].lower() != ".txt" or config.text_notes and is_plain_note(name))  # (opt-in)
        symlink = entry.is_symlink()
        if not (is_dir or is_note or symlink):
            continue  # ignored or not, nothing comes of it
        if (is_dir or ignore.gitignores or ignore.exclude is not None) and ignore.skipped_at(entry.path, name, is_dir):
            continue
        if symlink and not _inside_wiki(config, Path(entry.path)):
            problems.append(warn(config.relative(Path(entry.path)), "symlink points outside the wiki (or is broken); "
                                                                    "skipped"))
            continue
        if is_dir:
            _walk_dir(config, Path(entry.path), ignore, files, problems, seen_dirs)
        elif is_note:
            try:
                stat = entry.stat()
            except OSError:
                stat = None
            _add_file(config, entry.path, files, problems, stat, prefix + name)


def _add_file(config, path, files, problems, stat, rel: str | None = None) -> None:
    rel = config.relative(Path(path)) if rel is None else rel
    if stat is None:
        problems.append(warn(rel, "file vanished or cannot be read during the scan; run the scan again"))
        return
    if not _is_utf8(rel):
        shown = rel.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
        problems.append(warn(shown, "file name is not valid UTF-8 (an old archive or share?); rename the file "
                                    "to study its cards", code="encoding"))
        return
    files.append(NoteFile(path, rel, stat.st_size, stat.st_mtime_ns))


def _is_utf8(name: str) -> bool:
    """False for names the OS gave as undecodable bytes (surrogate-escaped): SQLite and stdout cannot hold them."""
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


# --- reading ---------------------------------------------------------------------------------------------


@functools.cache
def _front_matter_handler():
    """python-frontmatter's YAML handler with a SafeLoader that refuses alias bombs ("billion laughs").

    Built on first use: yaml and frontmatter cost 15-35 ms to import, which a scan of unchanged notes never needs.
    """
    import yaml
    from frontmatter.default_handlers import YAMLHandler

    class BoundedSafeLoader(yaml.SafeLoader):
        def __init__(self, stream):
            super().__init__(stream)
            self._aliases = 0
            self._depth = 0

        def compose_node(self, parent, index):
            if self.check_event(yaml.AliasEvent):
                self._aliases += 1
                if self._aliases > MAX_YAML_ALIASES:
                    raise yaml.YAMLError(f"more than {MAX_YAML_ALIASES} YAML aliases (an alias bomb?)")
            self._depth += 1
            if self._depth > MAX_YAML_DEPTH:
                raise yaml.YAMLError(f"YAML nested deeper than {MAX_YAML_DEPTH} levels")
            try:
                return super().compose_node(parent, index)
            finally:
                self._depth -= 1

    fast_loader = getattr(yaml, "CSafeLoader", None)  # libyaml: ~7x faster than the pure-Python loader

    class Handler(YAMLHandler):
        # One boundary line, its newline only (the stock `\s*$` also eats the blank lines after the block,
        # which would shift every line number); `...` may close the block, as in Pandoc.
        FM_BOUNDARY = re.compile(r"^(?:---|\.\.\.)[ \t]*$\n?", re.MULTILINE)

        def load(self, fm: str, **kwargs):
            # Only anchors and aliases can make a bomb, and only the Python loader can count them.
            loader = BoundedSafeLoader if fast_loader is None or _ANCHOR_OR_ALIAS.search(fm) else fast_loader
            return yaml.load(fm, Loader=loader)  # noqa: S506 - a safe loader either way

    # Beyond YAMLError, PyYAML's constructors raise ValueError & co. for values like 2026-02-30, and deep
    # nesting exhausts the recursion limit: all of them mean "this front matter is unusable".
    return Handler(), (yaml.YAMLError, ValueError, TypeError, AttributeError, OverflowError, RecursionError)


_ANCHOR_OR_ALIAS = re.compile(r"[&*][^\s,\[\]{}]")  # also matches "Q&A": then the slower loader, still right


_BRACKETS = re.compile(r"[\[\]{}]")


def _bracket_depth(text: str) -> int:
    """The deepest nesting of [ ] and { } in `text`, quotes ignored: an upper bound good enough for a guard."""
    depth = deepest = 0
    for bracket in _BRACKETS.findall(text):
        depth = depth + 1 if bracket in "[{" else max(depth - 1, 0)
        deepest = max(deepest, depth)
    return deepest


def front_matter_block(text: str) -> tuple[str, str, int] | None:
    """(YAML text, body, lines the block takes) when `text` opens with a front matter block, split by
    python-frontmatter's YAML handler (closing line `---` or, as in Pandoc and Quarto, `...`); else None."""
    if not text.startswith("---"):
        return None
    handler, _ = _front_matter_handler()
    try:
        lead, fm, body = handler.FM_BOUNDARY.split(text, 2)
    except ValueError:  # no closing line: not front matter
        return None
    if lead:
        return None
    return fm, body, text.count("\n", 0, len(text) - len(body))


def split_front_matter(text: str, rel: str) -> tuple[dict, str, int, list[Problem]]:
    """(meta, body, lines taken by front matter, problems). A bad block is reported and ignored."""
    block = front_matter_block(text)
    if block is None:
        return toml_front_matter(text, rel)  # (Hugo's `+++` block, if any)
    fm, body, offset = block
    if len(fm) > MAX_FRONT_MATTER_CHARS:
        return {}, body, offset, [warn(rel, "front matter is too large; ignored", 1, "front-matter")]
    if _bracket_depth(fm) > MAX_YAML_DEPTH:
        # PyYAML's scanner is quadratic in flow nesting: refuse before parsing, not after seconds of it
        return {}, body, offset, [warn(rel, f"front matter nests brackets deeper than {MAX_YAML_DEPTH} levels; "
                                            "ignored", 1, "front-matter")]
    # The everyday `key: value` shape is typed by PyYAML's own resolver without its node tree: 9-15 µs a front
    # matter against 48-130 µs through the loader (measured on the corpus). None for anything else.
    meta = read_flat(fm)
    if meta is not None:
        return meta, body, offset, []
    handler, yaml_error = _front_matter_handler()
    try:
        meta = handler.load(fm)
    except yaml_error as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 2 if mark is not None else 1
        reason = getattr(exc, "problem", None) or (str(exc).splitlines() or [type(exc).__name__])[0]
        return {}, body, offset, [warn(rel, f"front matter is not valid YAML ({reason}); ignored it, "
                                            "fix the YAML to get this note's deck and tags", line, "front-matter")]
    if meta is None:
        return {}, body, offset, []
    if not isinstance(meta, dict):
        return {}, body, offset, [warn(rel, "front matter is not a mapping of keys to values; ignored", 1,
                                       "front-matter")]
    return meta, body, offset, []


def read_notebook(text: str, rel: str) -> tuple[dict, str, list[int], list[Problem]]:
    """The markdown cells of a Jupyter notebook joined into one body, and for each body line its file line."""
    try:
        nb = json.loads(text)
    except (json.JSONDecodeError, RecursionError) as exc:
        line = getattr(exc, "lineno", None)
        return {}, "", [], [warn(rel, "notebook is not valid JSON; skipped", line, "notebook")]
    cells = nb.get("cells") if isinstance(nb, dict) else None
    if not isinstance(cells, list):
        return {}, "", [], [warn(rel, "notebook has no 'cells' list; skipped", None, "notebook")]
    meta: dict = {}
    parts: list[str] = []
    line_map: list[int] = []
    cursor, mark, assignment, shown = 0, (0, 1), is_assignment(cells), None
    for index, cell in enumerate(cells):
        if not isinstance(cell, dict):
            continue
        source = cell.get("source", "")
        source = "".join(source) if isinstance(source, list) else str(source)
        if index == 0 and cell.get("cell_type") == "raw" and source.startswith("---"):
            meta, _, _, problems = split_front_matter(source.rstrip() + "\n", rel)
            if problems:
                return {}, "", [], problems
            continue
        lines = source.split("\n")
        if cell.get("cell_type") != "markdown" or left_out(cell) or hidden(lines):  # (nbdev's `#| hide`)
            for line in lines:  # step over it, so a later markdown line is not matched to the same text here
                cursor, mark = _find_json_line(text, line, cursor, mark)
            shown = None
            continue
        if directives := directive_lines(lines):  # (nbdev's other `#|` options: never text of the page)
            for line in lines[:directives]:
                cursor, mark = _find_json_line(text, line, cursor, mark)
            lines = lines[directives:]
            source = "\n".join(lines)
        if (shown_lines := without_heading_dash(lines)) is not lines:  # (nbdev's `## Title -`: the heading)
            lines, source = shown_lines, "\n".join(shown_lines)
        if joined := continues_list(shown, cell):  # (Deepnote's list blocks in a row: one list, not paragraphs)
            line_map.pop()
        for line in lines:
            cursor, mark = _find_json_line(text, line, cursor, mark)
            line_map.append(mark[1])
        source = with_marks(cell, source)  # (a Deepnote text block's bold, code and links, as Deepnote shows them)
        if box := cell_box(cell, source, assignment):  # (an nbgrader task as an exercise, a Deepnote warning box)
            source = f"{box[0]}\n{source}\n{box[1]}"
            start = len(line_map) - len(lines)
            line_map[start:start] = [line_map[start]]  # (the fences stand at the cell's first and last lines)
            line_map.append(line_map[-1])
        source = jupyter_math(source) if ("$ " in source or " $" in source) else source
        if joined:
            parts[-1] += "\n" + source
        else:
            parts.append(source)
        line_map.append(line_map[-1] if line_map else 1)  # the blank line that separates cells
        shown = cell
    return meta, "\n\n".join(parts), line_map, []


_json_string = json.encoder.encode_basestring  # (what `json.dumps(text, ensure_ascii=False)` returns for a str)


def _find_json_line(raw: str, line: str, cursor: int, mark: tuple[int, int]) -> tuple[int, tuple[int, int]]:
    """Where a cell's source line sits in the notebook's JSON text, so `path:line` opens at the right place: where
    to look for the next line, and (its offset, its line). Lines are counted on from `mark`, the last line's
    (offset, line): counted from the start each time, a big notebook took quadratic time."""
    needle = _json_string(line)[1:-1]  # (`json.dumps(line, ensure_ascii=False)`, without an encoder made per line)
    pos = raw.find(needle, cursor) if needle else -1
    at = cursor if pos < 0 else pos
    return (cursor if pos < 0 else pos + len(needle)), (at, mark[1] + raw.count("\n", mark[0], at))


def load_note(path: Path | str, rel: str, data: bytes | None = None) -> tuple[NoteText | None, list[Problem]]:
    """Read one note file (or take its bytes, when the caller has read them already). Returns (None, problems)
    when the file cannot be used at all."""
    if data is None:
        try:
            path = Path(path)
            data = path.read_bytes() if path.stat().st_size <= MAX_NOTE_BYTES else None
        except OSError as exc:
            return None, [warn(rel, f"cannot read file ({exc.strerror or exc}); check permissions")]
    if data is None or len(data) > MAX_NOTE_BYTES:
        return None, [warn(rel, f"larger than {MAX_NOTE_BYTES // 2**20} MB; split it or add it to 'exclude'")]
    name = os.path.basename(path)  # its suffix as `Path.suffix` has it, without making a Path for every note
    dot = name.rfind(".")
    note, problems = parse_note_bytes(data, rel, NOTE_SUFFIXES.get(name[dot:].lower() if 0 < dot < len(name) - 1 else "",
                                                                   "md"))
    if note is not None and note.file_type == "md":
        note.logseq = logseq_style(path, rel)  # (a page of a Logseq graph: read as the outline it is)
        note.kramdown = kramdown_page(path, rel)  # (a page of a Jekyll site: read as kramdown reads it)
        note.chapter = chapter_page(path, rel)  # (a folder's README that a site shows as its page: a note)
    if note is not None:
        note.zettels = zettel_titles(path, rel, note.body)  # (`[[20250904111530]]`: the title it stands for)
        note.included_under = included_under(path, rel)  # (`_dags.qmd`: the heading a document includes it under)
        note.substitutions, note.project_targets, note.page_titles = project_context(path, rel, note.body)  # (its
        # Sphinx project's `{{ gpml }}` texts, other pages' labels its `{ref}`s name, titles of pages its `{doc}`s name)
    return note, problems


def parse_note_bytes(data: bytes, rel: str, file_type: str) -> tuple[NoteText | None, list[Problem]]:
    """Pure: a note's bytes → NoteText (body without front matter) and problems."""
    text, problems = decode_note(data, rel)
    if text is None:
        return None, problems
    if file_type == "ipynb":
        meta, body, line_map, nb_problems = read_notebook(text, rel)
        problems += nb_problems
        if nb_problems and not body:
            return None, problems
        return NoteText(rel, body, meta, 0, file_type, line_map), problems
    if file_type == "txt":
        body, line_map = as_markdown(text, os.path.basename(rel)[:-4])  # (a plain-text note: its lines as shown)
        return NoteText(rel, body, {}, 0, "md", line_map), problems
    meta, body, offset, fm_problems = split_front_matter(text, rel)
    return NoteText(rel, body, meta, offset, file_type, toml=offset > 0 and text.startswith("+++")), \
        problems + fm_problems
