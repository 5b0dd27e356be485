"""Many tests' notes in few wikis: a test module registers each test's notes (`NOTES.add`), its module fixture writes
them into wikis in tmp_path and scans each wiki once through the CLI (`mlwiki cards --json`), and each test reads
only the cards of its own notes, picked by wiki and source path (`cards`, `backs_by_front`).

A wiki per config; a test whose path another test already wrote, or that writes a file other than a note (a tool's
config such as `_config.yml` changes how every note of its wiki is read), gets a wiki of its own. So a test sees
exactly the notes and config it saw in a wiki of its own, beside notes it does not read."""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from pathlib import PurePosixPath

import pytest

from conftest import DEFAULT_CONFIG, new_wiki, run

# What mlwiki reads as a note (mlwiki.sources.notes); any other file may set something for the whole wiki
NOTE_SUFFIXES = {".md", ".mdx", ".markdown", ".qmd", ".rmd", ".ipynb"}


@dataclass(frozen=True)
class Notes:
    """One test's notes: which wiki holds them and their paths below notes/."""

    wiki: int
    paths: tuple[str, ...]


@dataclass
class _Wiki:
    config: str
    notes: dict[str, str] = field(default_factory=dict)
    alone: bool = False


class SharedNotes:
    """The notes of one test module's tests (see the module docstring); `config` is the module's usual one."""

    def __init__(self, config: str = DEFAULT_CONFIG):
        self.config = config
        self.wikis: list[_Wiki] = []

    def add(self, notes: dict[str, str], config: str | None = None, alone: bool = False) -> Notes:
        """Register one test's notes (path below notes/ → text), in a wiki with `config` (the module's by default);
        `alone`: in a wiki of their own, as their cards depend on other notes beside them (the same card in two
        notes is one card, for one)."""
        config = self.config if config is None else config
        alone = alone or any(PurePosixPath(rel).suffix.lower() not in NOTE_SUFFIXES for rel in notes)
        for number, wiki in enumerate(self.wikis):
            if not alone and not wiki.alone and wiki.config == config and not set(notes) & set(wiki.notes):
                wiki.notes.update(notes)
                return Notes(number, tuple(notes))
        self.wikis.append(_Wiki(config, dict(notes), alone))
        return Notes(len(self.wikis) - 1, tuple(notes))

    def scan(self, tmp_path_factory) -> "Scanned":
        """Write every wiki and list its cards, in an environment isolated as conftest's is for each test (a
        module fixture is made before that fixture runs)."""
        scanned = []
        with pytest.MonkeyPatch.context() as patch:
            home = tmp_path_factory.mktemp("home")
            patch.setenv("HOME", str(home))
            patch.setenv("ANKI_BASE", str(home / "Anki2"))
            for name in [n for n in os.environ if n.startswith("MLWIKI_")]:
                patch.delenv(name)
            for wiki in self.wikis:
                root = new_wiki(tmp_path_factory.mktemp("shared"), wiki.notes, wiki.config)
                scanned.append(json.loads(run(root, "cards", "--json", ok=True).output))
        return Scanned(scanned)


@dataclass
class Scanned:
    """`mlwiki cards --json` of each wiki of a `SharedNotes`."""

    wikis: list[list[dict]]

    def cards(self, notes: Notes) -> list[dict]:
        """The cards of these notes, as `cards --json` lists them (in its order)."""
        paths = {f"notes/{rel}" for rel in notes.paths}
        return [c for c in self.wikis[notes.wiki] if c["source"]["path"] in paths]

    def backs_by_front(self, notes: Notes) -> dict[str, str]:
        """{front: back} of these notes' cards, as conftest's `backs_by_front` gives it for a wiki of its own."""
        return {c["front"]: c["back"] for c in self.cards(notes)}
