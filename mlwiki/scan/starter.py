"""The mlwiki.toml that `mlwiki init` writes: where the notes are (a `notes/` folder, a site project's pages, an
MkDocs docs folder, or the whole folder) and the commented defaults, adapted to the folder. Only `init` imports it."""

from __future__ import annotations

import re
from pathlib import Path

from mlwiki.config import config_from_dict

CONFIG_TEMPLATE = """\
# mlwiki configuration. Every key is optional; the values shown are the defaults.
name = "{name}"

# Where the notes live and where `mlwiki export` writes .apkg decks (relative to this file).
notes = "{notes}"
decks = "{decks}"

# Extra glob patterns to skip (hidden folders, _site, _freeze, .quarto, .gitignore'd files are always skipped).
exclude = [{exclude}]

# Formula cards: "none", "display" (each $$…$$ block) or "inline" (also substantial $…$ equations).
formulas = "display"

# Turn "**Term**: definition" paragraphs and list items, "**Term** is a …" openings and **Definition**./
# **Theorem**. statements into cards (labelled values such as "**Batch size**: 32" never are).
definitions = false

# Treat ==highlight== in .md notes as a cloze.
highlight_cloze = false

# Read Title.txt files as plain-text notes too (each line as written), as a plain editor exports them.
text_notes = false

# Questions already in the notes become cards: headings ending in "?" (the section is the answer), callouts
# and admonitions titled with a question (and Obsidian [!question]/[!faq]/[!help]), and **bold questions?**.
question_headings = true
question_callouts = true
bold_questions = true

# A heading whose own text is a short passage of prose or a list of explanations (and makes no other card)
# becomes a card: front = the heading path, back = that text; so does a note's text before its first heading.
sections = true

# LaTeX macros for Anki's MathJax (a .tex file of \\newcommand lines, or Quarto's macros file).
# macros = "_macros.tex"

# Deck names by folder glob (otherwise "<name>::<first folder>", or `deck:` in a note's front matter).
[deck_names]
# "deep-learning/**" = "ML::Deep learning"

[review]
desired_retention = 0.9
new_per_day = 20
reviews_per_day = 200
day_starts_at = 4          # the study day starts at 04:00 local time
leech_threshold = 8        # lapses before a card is suspended as a leech
learning_steps = ["1m", "10m"]
relearning_steps = ["10m"]
maximum_interval = 36500   # days
learn_ahead = "20m"        # when nothing else is left, show a learning card due this soon
new_mix = "mix"            # new cards "mix" with the reviews (as Anki), or come "after" or "before" them
load_balance = true        # spread reviews evenly over the days of each fuzz range (as Anki since 24.11)
easy_days = {{}}           # e.g. {{ sun = 0.0, sat = 0.5 }}: days that get fewer reviews (Anki's easy days)
review_order = "due"       # or "retrievability", "overdueness", "interval-asc", "interval-desc", "deck", "random"

# Deck presets (Anki's deck option presets): a deck uses the first preset naming it or a parent deck.
# [deck_options."ML::math"]
# desired_retention = 0.85
# reviews_per_day = 100
"""


def decks_folder_of(folder: Path) -> str:
    """Where `mlwiki export` writes its .apkg files: `decks`, unless a `decks` folder is already the writer's own
    (Marp slide decks, a course's decks of notes): the scan never reads the export folder, so those notes would be
    left out without a word; then `anki-decks`."""
    from mlwiki.sources.notes import note_files_in

    return "anki-decks" if note_files_in(folder / "decks") else "decks"


def notes_folder_of(folder: Path, decks: str = "decks") -> str:
    """Where `mlwiki init` expects the notes: a `notes` folder if there is one, unless the folder is a Quarto,
    Jupyter Book or MyST project (its site is every page of the project: `posts/` beside `notes/`); in an MkDocs
    project the folder its mkdocs.yml names as `docs_dir` (`docs` unless it says otherwise), as MkDocs reads it;
    else the folder itself."""
    if (folder / "notes").is_dir() and not any((folder / marker).is_file() for marker in _SITE_PROJECTS):
        return "." if _notes_beside(folder, "notes", decks) else "notes"
    mkdocs = folder / "mkdocs.yml"
    if mkdocs.is_file():
        try:  # (a line of the file, not a YAML load: MkDocs configs hold `!!python/name:` tags safe loaders refuse)
            found = re.search(_DOCS_DIR, mkdocs.read_text(encoding="utf-8", errors="replace"))
        except OSError:
            found = None
        docs = found.group(1) if found else "docs"
        if (folder / docs).is_dir() and (folder / docs).resolve().is_relative_to(folder.resolve()):
            return docs
    return "."


def _notes_beside(folder: Path, notes: str, decks: str = "decks") -> bool:
    """Whether notes lie in another folder of `folder` too (`papers/` beside `notes/`), as the scan would find
    them (ignore rules, virtual environments and other wikis left out): then the wiki is the whole folder, or
    `init` would leave those notes out without a word. Notes at the top (a README, a log) do not count."""
    from mlwiki.sources.notes import walk_notes

    return any("/" in file.rel and not file.rel.startswith(notes + "/")
               for file in walk_notes(config_from_dict(folder, {"notes": ".", "decks": decks}))[0])


_SITE_PROJECTS = ("_quarto.yml", "_quarto.yaml", "_toc.yml", "myst.yml")  # (files that make a folder one site)
_DOCS_DIR = r"""(?m)^docs_dir:[ \t]*["']?([^"'#\s]+)["']?[ \t]*(?:#.*)?$"""  # (compiled by `init` only: not at startup)


def site_excludes(folder: Path) -> list[str]:
    """The folders of a site project that hold no notes, for `exclude`: a Quarto site's rendered output; in a
    Docusaurus site (docusaurus.config.* at the top) everything beside its `docs/` and `blog/`: the React source,
    static files, the build, translations and frozen doc versions (copies of the docs, so every card twice)."""
    if (folder / "_quarto.yml").is_file() or (folder / "_quarto.yaml").is_file():
        return ["_site/**", "_freeze/**"]
    if any((folder / f"docusaurus.config.{ext}").is_file() for ext in ("js", "ts", "mjs", "cjs")):
        return [f"{name}/**" for name in _DOCUSAURUS_NOT_NOTES]
    return []


_DOCUSAURUS_NOT_NOTES = ("src", "static", "build", ".docusaurus", "i18n", "versioned_docs")


def render_config_template(folder: Path, settings: dict[str, tuple[str, str]] | None = None,
                           notes: str | None = None, decks: str = "decks") -> str:
    """The commented mlwiki.toml that `mlwiki init` writes, adapted to what the folder looks like; `settings`,
    {key: (TOML value, why)}, replace the defaults of those keys; `notes`: the notes folder, when the caller found
    it already (`notes_folder_of` walks the folder)."""
    exclude = ", ".join(f'"{glob}"' for glob in site_excludes(folder))
    text = CONFIG_TEMPLATE.format(name=folder.name or "wiki", notes=notes or notes_folder_of(folder, decks),
                                  decks=decks, exclude=exclude)
    for key, (value, why) in (settings or {}).items():
        text = re.sub(rf"^{key} = .*$", lambda _: f"{key} = {value}  # your notes: {why}", text, count=1,
                      flags=re.M)
    return text
