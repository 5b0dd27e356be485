"""Find the wiki root and read `mlwiki.toml`.

The root is found the way git finds `.git`: from the working directory upwards, the first folder that holds
`mlwiki.toml` or the `.mlwiki` data folder; without one, only `--root` makes a folder a wiki (then, with no
config file, the root itself is the notes folder). Every key is read through the tables `TOP_KEYS` and
`REVIEW_KEYS`: a bad value is a `ConfigError` naming its key, an unknown key a warning with a "did you mean".
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path
from typing import Callable

from mlwiki.errors import ConfigError

CONFIG_NAME = "mlwiki.toml"
DATA_DIR = ".mlwiki"
DB_NAME = "mlwiki.db"
FORMULA_MODES = ("none", "display", "inline")
NEW_MIXES = ("mix", "after", "before")
# Anki's review sort orders (deck options → Display order → Review sort order)
REVIEW_ORDERS = ("due", "retrievability", "overdueness", "interval-asc", "interval-desc", "deck", "random")
WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


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
    load_balance: bool = True  # pick the day inside the fuzz range that evens the daily load (Anki 24.11)
    easy_days: tuple[float, ...] = (1.0,) * 7  # Monday..Sunday: share of a normal day's reviews
    review_order: str = "due"  # which due reviews come first (and make the daily limit): one of REVIEW_ORDERS


# The `[review]` keys a `[deck_options."Deck"]` preset may set for its decks (Anki's deck option presets).
PRESET_KEYS = ("desired_retention", "new_per_day", "reviews_per_day", "learning_steps", "relearning_steps",
               "maximum_interval", "easy_days")


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
    text_notes: bool = False  # read `Title.txt` plain-text notes too (a plain editor's export: `sources.plain_notes`)
    question_headings: bool = True
    question_callouts: bool = True
    bold_questions: bool = True
    sections: bool = True
    deck_names: dict[str, str] = field(default_factory=dict)
    macros_file: Path | None = None
    review: ReviewSettings = field(default_factory=ReviewSettings)
    deck_options: dict[str, ReviewSettings] = field(default_factory=dict)  # preset name (a deck) → its settings
    has_config_file: bool = False
    warnings: list[str] = field(default_factory=list)  # unknown keys, with what they probably meant

    @property
    def data_dir(self) -> Path:
        return self.root / DATA_DIR

    @property
    def db_path(self) -> Path:
        return self.data_dir / DB_NAME

    def preset_of(self, deck: str) -> str | None:
        """The first `[deck_options."…"]` preset naming `deck` or a parent of it (None: the `[review]` values)."""
        for name in self.deck_options:
            if deck == name or deck.startswith(name + "::"):
                return name
        return None

    def settings_for(self, deck: str) -> ReviewSettings:
        """The scheduling settings of `deck`: its preset's, else `[review]`."""
        name = self.preset_of(deck)
        return self.deck_options[name] if name is not None else self.review

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


NO_WIKI = "no wiki here: run `mlwiki init`, or pass --root"


def load_config(root: str | os.PathLike | None = None, cwd: Path | None = None) -> Config:
    """Load the config of the wiki at `root`, or of the wiki around `cwd` (default: the working directory).

    Without `root`, a folder holding mlwiki.toml or .mlwiki/ must lie at or above `cwd`: mlwiki never indexes
    an arbitrary folder (a home directory, say) unless asked to with --root.
    """
    if root is not None:
        root_path = Path(root).expanduser().resolve()
        if not root_path.is_dir():
            raise ConfigError(f"wiki root is not a folder: {root}")
    else:
        root_path = find_root((cwd or Path.cwd()).resolve())
        if root_path is None:
            raise ConfigError(NO_WIKI)
    config_file = root_path / CONFIG_NAME
    raw: dict = {}
    if config_file.is_file():
        try:
            raw = read_toml(config_file.read_text(encoding="utf-8"), root_path / DATA_DIR / PARSED_CONFIG)
        except (ValueError, UnicodeDecodeError) as exc:  # tomllib.TOMLDecodeError is a ValueError
            raise ConfigError(f"cannot read config: {exc}", path=str(config_file)) from None
    config = config_from_dict(root_path, raw, has_file=config_file.is_file())
    if not config.notes_dir.is_dir():
        raise ConfigError(f"notes: folder {config.relative(config.notes_dir)!r} does not exist; create it or "
                          "set 'notes' to the folder of your notes", path=CONFIG_NAME)
    return config


PARSED_CONFIG = "config.json"  # in the data folder: the last mlwiki.toml read, parsed


def read_toml(text: str, parsed: Path) -> dict:
    """`tomllib.loads(text)`, or the same dict from `parsed` when it holds this very text: every command reads
    mlwiki.toml, and importing tomllib and parsing took a tenth of a `mlwiki due`. The copy is kept only when
    the data folder exists and the values survive JSON unchanged (no TOML dates)."""
    try:
        saved = json.loads(parsed.read_text(encoding="utf-8"))
        if saved["toml"] == text and isinstance(saved["parsed"], dict):
            return saved["parsed"]
    except (OSError, ValueError, KeyError, TypeError):
        pass
    import tomllib

    raw = tomllib.loads(text)
    if parsed.parent.is_dir():
        try:
            dumped = json.dumps({"toml": text, "parsed": raw}, ensure_ascii=False)
            if json.loads(dumped)["parsed"] == raw:
                temporary = parsed.with_name(f".{parsed.name}.{os.getpid()}.tmp")
                temporary.write_text(dumped, encoding="utf-8")
                os.replace(temporary, parsed)
        except (OSError, TypeError, ValueError, UnicodeError):
            pass  # a date, a read-only folder: parse again next time
    return raw


# --- reading values: one reader per kind of value; the key tables below say which key has which kind ---------


def _fail(label: str, message: str) -> ConfigError:
    return ConfigError(f"{label}: {message}", path=CONFIG_NAME)


def _text(value, label: str) -> str:
    if not isinstance(value, str):
        raise _fail(label, f"must be a string in quotes, not {value!r}")
    return value


def _flag(value, label: str) -> bool:
    if not isinstance(value, bool):
        raise _fail(label, f"must be true or false, not {value!r}")
    return value


def _strings(value, label: str) -> list[str]:
    if isinstance(value, str):
        return [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise _fail(label, f"must be a list of strings, not {value!r}")
    return list(value)


def _str_table(value, label: str) -> dict[str, str]:
    if not isinstance(value, dict) or not all(isinstance(v, str) for v in value.values()):
        raise _fail(label, 'must be a table of "glob" = "deck" lines')
    return {str(k): v for k, v in value.items()}


def _choice(*options: str) -> Callable:
    def read(value, label: str) -> str:
        if value not in options:
            raise _fail(label, f"must be one of {', '.join(options)}, not {value!r}")
        return value
    return read


def _number(low: float, high: float, whole: bool = False) -> Callable:
    def read(value, label: str):
        kinds = (int,) if whole else (int, float)
        if isinstance(value, bool) or not isinstance(value, kinds) or not low <= value <= high:
            kind = "a whole number" if whole else "a number"
            raise _fail(label, f"must be {kind} from {low:g} to {high:g}, not {value!r}")
        return value if whole else float(value)
    return read


def parse_duration(text: str, label: str = "duration", zero_ok: bool = False) -> timedelta:
    """'90s', '10m', '1h', '2d' → timedelta; '0m' only where `zero_ok` (a limit, not a step)."""
    units = {"s": "seconds", "m": "minutes", "h": "hours", "d": "days"}
    text = str(text).strip()
    try:
        step = timedelta(**{units[text[-1]]: float(text[:-1])})
    except (KeyError, ValueError, IndexError, OverflowError):
        step = None
    if step is None or step < timedelta(0) or (step == timedelta(0) and not zero_ok):
        raise _fail(label, f"bad duration {text!r} (use e.g. '10m', '1h', '1d')")
    return step


def _limit(value, label: str) -> timedelta:
    """A time limit such as learn_ahead, where '0m' means none (as Anki's learn-ahead limit of 0)."""
    return parse_duration(_text(value, label), label, zero_ok=True)


def _durations(value, label: str) -> tuple[timedelta, ...]:
    return tuple(parse_duration(text, label) for text in _strings(value, label))


def _easy_days(value, label: str) -> tuple[float, ...]:
    """{ sun = 0.0, sat = 0.5 } → seven shares, Monday first (Anki's easy days: 0 minimum, 1 normal)."""
    if not isinstance(value, dict):
        raise _fail(label, "must be a table like { sun = 0.0, sat = 0.5 }")
    shares = dict.fromkeys(WEEKDAYS, 1.0)
    for day, share in value.items():
        if day not in shares:
            raise _fail(label, f"unknown day {day!r} (use {', '.join(WEEKDAYS)})")
        shares[day] = _number(0, 1)(share, f"{label}.{day}")
    return tuple(shares[day] for day in WEEKDAYS)


def _zone(value, label: str) -> str:
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    try:
        ZoneInfo(_text(value, label))
    except (ZoneInfoNotFoundError, ValueError):
        raise _fail(label, f"unknown time zone {value!r} (use a name like 'Europe/Berlin' or 'UTC')") from None
    return value


# --- the keys: adding a key is one line here (and a field on Config or ReviewSettings) -----------------------

TOP_KEYS: dict[str, Callable] = {
    "name": _text,
    "notes": _text,
    "decks": _text,
    "exclude": _strings,
    "formulas": _choice(*FORMULA_MODES),
    "definitions": _flag,
    "highlight_cloze": _flag,
    "text_notes": _flag,
    "question_headings": _flag,
    "question_callouts": _flag,
    "bold_questions": _flag,
    "sections": _flag,
    "macros": _text,
    "deck_names": _str_table,
}
REVIEW_KEYS: dict[str, Callable] = {
    "desired_retention": _number(0.7, 0.99),  # Anki's range
    "new_per_day": _number(0, 1_000_000, whole=True),
    "reviews_per_day": _number(0, 1_000_000, whole=True),
    "day_starts_at": _number(0, 23, whole=True),
    "leech_threshold": _number(1, 1000, whole=True),
    "learning_steps": _durations,
    "relearning_steps": _durations,
    "maximum_interval": _number(1, 36500, whole=True),
    "fuzz": _flag,
    "timezone": _zone,
    "learn_ahead": _limit,
    "new_mix": _choice(*NEW_MIXES),
    "load_balance": _flag,
    "easy_days": _easy_days,
    "review_order": _choice(*REVIEW_ORDERS),
}
TABLES = {"review": REVIEW_KEYS}


# Keys whose value is not stored under their own name on Config.
_PATH_KEYS = {"notes": "notes_dir", "decks": "decks_dir", "macros": "macros_file"}


def config_from_dict(root: Path, raw: dict, has_file: bool = True) -> Config:
    """Validate a parsed mlwiki.toml into a Config; unknown keys become `warnings`, bad values a ConfigError."""
    values = _read_table(raw, TOP_KEYS, "")
    review = _read_table(_table(raw, "review"), REVIEW_KEYS, "[review] ")
    presets = _deck_options(_table(raw, "deck_options"), ReviewSettings(**review))
    _check_steps(review)
    folders = {"notes": "notes" if has_file else ".", "decks": "decks"} | \
        {key: values.pop(key) for key in _PATH_KEYS if key in values}
    warnings = unknown_key_warnings(raw)
    if "macros" in folders and not (root / folders["macros"]).is_file():
        warnings.append(f"{CONFIG_NAME}: macros file {folders['macros']} not found; formulas are exported "
                        "without its macros")
    return Config(
        root=root,
        name=values.pop("name", "") or root.name or "wiki",
        **{_PATH_KEYS[key]: (root / folder).resolve() for key, folder in folders.items()},
        **values,
        review=ReviewSettings(**review),
        deck_options=presets,
        has_config_file=has_file,
        warnings=warnings,
    )


def _deck_options(raw: dict, review: ReviewSettings) -> dict[str, ReviewSettings]:
    """`[deck_options."ML::math"]` tables, in file order: each the `[review]` settings with its own values."""
    from dataclasses import replace

    presets = {}
    for deck, table in raw.items():
        label = f'[deck_options."{deck}"]'
        if not isinstance(table, dict):
            raise _fail(label, "must be a table of settings (desired_retention, new_per_day …)")
        unknown = [key for key in table if key not in PRESET_KEYS]
        if unknown:
            raise _fail(f"{label} {unknown[0]}", f"not a preset setting (use {', '.join(PRESET_KEYS)})")
        presets[deck] = replace(review, **_read_table(table, REVIEW_KEYS, label + " "))
    return presets


def _check_steps(review: dict) -> None:
    """Learning and relearning steps no longer than the maximum interval (a step of years breaks scheduling)."""
    longest = timedelta(days=review.get("maximum_interval", ReviewSettings.maximum_interval))
    for key in ("learning_steps", "relearning_steps"):
        for step in review.get(key, ()):
            if step > longest:
                raise _fail(f"[review] {key}", f"a step of {step.days} days is longer than maximum_interval "
                                               f"({longest.days} days)")


def _table(raw: dict, key: str) -> dict:
    value = raw.get(key, {})
    if not isinstance(value, dict):
        raise _fail(key, f"must be a table ([{key}] with its keys below it)")
    return value


def _read_table(raw: dict, keys: dict[str, Callable], prefix: str) -> dict:
    return {key: read(raw[key], prefix + key) for key, read in keys.items() if key in raw}


def unknown_key_warnings(raw: dict) -> list[str]:
    """A line per key mlwiki does not know, with the key it probably meant (or the table it belongs in)."""
    places = {f"[{key}]" if read is _str_table else key: key for key, read in TOP_KEYS.items()}
    places |= {f"[{t}]": f"[{t}]" for t in TABLES}
    for table, keys in TABLES.items():
        places |= {f"[{table}] {key}": key for key in keys}
    found = []
    for key, value in raw.items():
        if key in TABLES and isinstance(value, dict):
            found += [_unknown(f"[{key}] {k}", k, places) for k in value if k not in TABLES[key]]
        elif key not in TOP_KEYS and key not in TABLES and key != "deck_options":
            found.append(_unknown(f"[{key}]" if isinstance(value, dict) else key, key, places))
    return found


def _unknown(where: str, key: str, places: dict[str, str]) -> str:
    import difflib

    exact = [place for place, name in places.items() if name == key and place != where]
    close = exact or difflib.get_close_matches(where, places, n=1, cutoff=0.6) or \
        [place for place, name in places.items() if name in difflib.get_close_matches(key, places.values(), n=1)]
    if not close:
        return f"{CONFIG_NAME}: unknown key {where}"
    top_level = " at the top of the file, before any [table]" if close[0] in TOP_KEYS and "]" in where else ""
    return f"{CONFIG_NAME}: unknown key {where}; did you mean {close[0]}{top_level}?"
