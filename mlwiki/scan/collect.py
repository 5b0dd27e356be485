"""The whole wiki at once (for `check`): walk, read and extract every note, then the checks that span notes."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from mlwiki.config import Config
from mlwiki.models import Card, Problem, Severity
from mlwiki.scan.collisions import KINDS
from mlwiki.scan.examine import FileResult
from mlwiki.scan.pool import examine_all
from mlwiki.sources.notes import paused_gc, walk_notes


@dataclass
class WikiScan:
    """Every card and problem of a wiki (or of some of its paths)."""

    files: list[FileResult]
    problems: list[Problem]

    @property
    def cards(self) -> list[Card]:
        return [card for result in self.files for card in result.cards]

    @property
    def all_problems(self) -> list[Problem]:
        return self.problems + [p for result in self.files for p in result.problems]


def collect(config: Config, paths: list[Path] | None = None) -> WikiScan:
    """Walk the notes (or `paths`) and extract every file, then add the checks across notes."""
    files, problems = walk_notes(config, paths)
    with paused_gc():
        results = [result for _, result in examine_all(config, [(f, None) for f in files])]
    scan = WikiScan(results, problems)
    scan.problems.extend(cross_note_problems(scan.cards))
    return scan


def cross_note_problems(cards: list[Card]) -> list[Problem]:
    """Duplicate explicit ids in different notes, and the same card written twice."""
    from mlwiki.ids import normalize  # (here: a start that scans nothing does not import it)
    by_id: dict[str, list[Card]] = defaultdict(list)
    for card in cards:
        by_id[card.id].append(card)
    problems = []
    for card_id, same in by_id.items():
        paths = {c.source.path for c in same}
        if len(same) < 2 or len(paths) < 2:
            continue
        first, other = same[0], same[1]
        if first.kind.value in KINDS and not first.explicit_id and normalize(first.back) != normalize(other.back):
            continue  # (two notes' different definitions of one term: a card each, `collisions`)
        if first.explicit_id and other.explicit_id and first.note_id == other.note_id and \
                (first.front != other.front or first.back != other.back):
            problems.append(Problem(other.source.path, other.source.line,
                                    f"duplicate id '{card_id}' (also at {first.source}); ids must be unique",
                                    Severity.ERROR, "duplicate-id"))
        else:
            problems.append(Problem(other.source.path, other.source.line,
                                    f"the same card is also at {first.source}; both places share one "
                                    "review history", Severity.WARNING, "duplicate-card"))
    return problems
