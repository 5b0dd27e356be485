"""Find the wiki root and read `mlwiki.toml`.

The root is found the way git finds `.git`: from the working directory upwards, the first folder that holds
`mlwiki.toml` or the `.mlwiki` data folder. With no config at all, the root itself is the notes folder.
"""

from __future__ import annotations

import os
import re
import tomllib
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path

from mlwiki.errors import ConfigError

CONFIG_NAME = "mlwiki.toml"
DATA_DIR = ".mlwiki"
DB_NAME = "mlwiki.db"
FORMULA_MODES = ("none", "display", "inline")
NEW_MIXES = ("mix", "after", "before")


@dataclass
class ReviewSettings:
    """Scheduling and queue settings (the `[review]` table)."""

    desired_retention: float = 0.9
    new_per_day: int = 20
    reviews_per_day: int = 200
    day_starts_at: int = 4
    leech_threshold: int = 8
    learning_steps: tuple[timedelta, ...] = (timedelta(minutes=1), timedelta(minutes=10))
    relearning_steps: tuple[timedelta, ...] = (timedelta(minutes=10),)
    maximum_interval: int = 36500
    fuzz: bool = True
    timezone: str | None = None
    learn_ahead: timedelta = timedelta(minutes=20)  # show a learning card this early when nothing else is left
    new_mix: str = "mix"  # new cards "mix" with the reviews (Anki's default), or come "after" or "before" them


@dataclass
class Config:
    """Everything mlwiki knows about one wiki. Paths are absolute."""

    root: Path
    notes_dir: Path
    decks_dir: Path
    name: str
    exclude: list[str] = field(default_factory=list)
    formulas: str = "display"
    definitions: bool = False
    highlight_cloze: bool = False
    question_headings: bool = True
    question_callouts: bool = True
    bold_questions: bool = True
    deck_names: dict[str, str] = field(default_factory=dict)
    macros_file: Path | None = None
    review: ReviewSettings = field(default_factory=ReviewSettings)
    has_config_file: bool = False

    @property
    def data_dir(self) -> Path:
        return self.root / DATA_DIR

    @property
    def db_path(self) -> Path:
        return self.data_dir / DB_NAME

    def relative(self, path: Path) -> str:
        """A path relative to the wiki root, with forward slashes, as shown to users."""
        try:
            return path.relative_to(self.root).as_posix()
        except ValueError:
            return path.as_posix()


def find_root(start: Path) -> Path | None:
    """The nearest folder at or above `start` holding mlwiki.toml or .mlwiki/, else None."""
    start = start.resolve()
    for folder in (start, *start.parents):
        if (folder / CONFIG_NAME).is_file() or (folder / DATA_DIR).is_dir():
            return folder
    return None


def load_config(root: str | os.PathLike | None = None, cwd: Path | None = None) -> Config:
    """Load the config of the wiki at `root`, or of the wiki around `cwd` (default: the working directory)."""
    if root is not None:
        root_path = Path(root).expanduser().resolve()
        if not root_path.is_dir():
            raise ConfigError(f"wiki root is not a folder: {root}")
    else:
        here = (cwd or Path.cwd()).resolve()
        root_path = find_root(here) or here
    config_file = root_path / CONFIG_NAME
    raw: dict = {}
    if config_file.is_file():
        try:
            raw = tomllib.loads(config_file.read_text(encoding="utf-8"))
        except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
            raise ConfigError(f"cannot read config: {exc}", path=str(config_file)) from None
    return config_from_dict(root_path, raw, has_file=config_file.is_file())


def _folder(root: Path, raw: dict, key: str, default: str) -> Path:
    value = raw.get(key, default)
    if not isinstance(value, str):
        raise ConfigError(f"'{key}' must be a folder name", path=CONFIG_NAME)
    return (root / value).resolve()


def config_from_dict(root: Path, raw: dict, has_file: bool = True) -> Config:
    """Validate a parsed mlwiki.toml into a Config."""
    notes_default = "notes" if has_file else "."
    cfg = Config(
        root=root,
        notes_dir=_folder(root, raw, "notes", notes_default),
        decks_dir=_folder(root, raw, "decks", "decks"),
        name=str(raw.get("name") or root.name or "wiki"),
        exclude=_str_list(raw.get("exclude", []), "exclude"),
        formulas=str(raw.get("formulas", "display")),
        definitions=bool(raw.get("definitions", False)),
        highlight_cloze=bool(raw.get("highlight_cloze", False)),
        question_headings=bool(raw.get("question_headings", True)),
        question_callouts=bool(raw.get("question_callouts", True)),
        bold_questions=bool(raw.get("bold_questions", True)),
        deck_names={str(k): str(v) for k, v in _table(raw, "deck_names").items()},
        macros_file=(root / raw["macros"]).resolve() if isinstance(raw.get("macros"), str) else None,
        review=_review_settings(_table(raw, "review")),
        has_config_file=has_file,
    )
    if cfg.formulas not in FORMULA_MODES:
        raise ConfigError(f"'formulas' must be one of {', '.join(FORMULA_MODES)}", path=CONFIG_NAME)
    return cfg


def _table(raw: dict, key: str) -> dict:
    value = raw.get(key, {})
    if not isinstance(value, dict):
        raise ConfigError(f"[{key}] must be a table", path=CONFIG_NAME)
    return value


def _str_list(value, key: str) -> list[str]:
    if isinstance(value, str):
        return [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ConfigError(f"'{key}' must be a list of strings", path=CONFIG_NAME)
    return list(value)


def parse_duration(text: str) -> timedelta:
    """'90s', '10m', '1h', '2d' → timedelta."""
    units = {"s": "seconds", "m": "minutes", "h": "hours", "d": "days"}
    text = str(text).strip()
    try:
        return timedelta(**{units[text[-1]]: float(text[:-1])})
    except (KeyError, ValueError, IndexError):
        raise ConfigError(f"bad duration {text!r} (use e.g. '10m', '1h', '1d')", path=CONFIG_NAME) from None


def _review_settings(raw: dict) -> ReviewSettings:
    settings = ReviewSettings()
    numeric = {"desired_retention": float, "new_per_day": int, "reviews_per_day": int,
               "day_starts_at": int, "leech_threshold": int, "maximum_interval": int}
    for key, kind in numeric.items():
        if key in raw:
            try:
                setattr(settings, key, kind(raw[key]))
            except (TypeError, ValueError):
                raise ConfigError(f"[review] {key} must be a number", path=CONFIG_NAME) from None
    for key in ("learning_steps", "relearning_steps"):
        if key in raw:
            setattr(settings, key, tuple(parse_duration(s) for s in _str_list(raw[key], key)))
    if "learn_ahead" in raw:
        settings.learn_ahead = parse_duration(raw["learn_ahead"])
    if "new_mix" in raw:
        settings.new_mix = str(raw["new_mix"])
        if settings.new_mix not in NEW_MIXES:
            raise ConfigError(f"[review] new_mix must be one of {', '.join(NEW_MIXES)}", path=CONFIG_NAME)
    if "fuzz" in raw:
        settings.fuzz = bool(raw["fuzz"])
    if "timezone" in raw:
        settings.timezone = str(raw["timezone"])
    if not 0.5 <= settings.desired_retention < 1:
        raise ConfigError("[review] desired_retention must be between 0.5 and 0.99", path=CONFIG_NAME)
    if not 0 <= settings.day_starts_at <= 23:
        raise ConfigError("[review] day_starts_at must be an hour from 0 to 23", path=CONFIG_NAME)
    return settings


CONFIG_TEMPLATE = """\
# mlwiki configuration. Every key is optional; the values shown are the defaults.
name = "{name}"

# Where the notes live and where `mlwiki export` writes .apkg decks (relative to this file).
notes = "{notes}"
decks = "decks"

# Extra glob patterns to skip (hidden folders, _site, _freeze, .quarto, .gitignore'd files are always skipped).
exclude = [{exclude}]

# Formula cards: "none", "display" (each $$…$$ block) or "inline" (also substantial $…$ equations).
formulas = "display"

# Turn "**Term**: definition" paragraphs into cards.
definitions = false

# Treat ==highlight== in .md notes as a cloze.
highlight_cloze = false

# Questions already in the notes become cards: headings ending in "?" (the section is the answer), callouts
# and admonitions titled with a question (and Obsidian [!question]/[!faq]/[!help]), and **bold questions?**.
question_headings = true
question_callouts = true
bold_questions = true

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
"""


def notes_folder_of(folder: Path) -> str:
    """Where `mlwiki init` expects the notes: a `notes` folder if there is one, else the folder itself."""
    return "notes" if (folder / "notes").is_dir() else "."


def render_config_template(folder: Path, settings: dict[str, tuple[str, str]] | None = None) -> str:
    """The commented mlwiki.toml that `mlwiki init` writes, adapted to what the folder looks like; `settings`,
    {key: (TOML value, why)}, replace the defaults of those keys."""
    quarto = (folder / "_quarto.yml").is_file() or (folder / "_quarto.yaml").is_file()
    exclude = '"_site/**", "_freeze/**"' if quarto else ""
    text = CONFIG_TEMPLATE.format(name=folder.name or "wiki", notes=notes_folder_of(folder), exclude=exclude)
    for key, (value, why) in (settings or {}).items():
        text = re.sub(rf"^{key} = .*$", lambda _: f"{key} = {value}  # your notes: {why}", text, count=1,
                      flags=re.M)
    return text
