"""`mlwiki check`: lint the notes' card syntax and verify the database against its review log."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from mlwiki.config import Config
from mlwiki.models import Problem, Severity
from mlwiki.scan.collect import collect


@dataclass
class CheckReport:
    problems: list[Problem] = field(default_factory=list)
    notes: int = 0
    cards: int = 0

    @property
    def errors(self) -> int:
        return sum(p.severity == Severity.ERROR for p in self.problems)

    @property
    def summary(self) -> str:
        warnings = len(self.problems) - self.errors
        return f"{self.notes} notes, {self.cards} cards: {self.errors} errors, {warnings} warnings"


def run_checks(config: Config, paths: list[Path] | None, now: datetime) -> CheckReport:
    """Every problem in the notes (or `paths`); with a database, also re-link ambiguities and log replay."""
    scan = collect(config, paths)
    problems = scan.all_problems
    if config.db_path.exists():
        problems += database_problems(config, now)
    problems = list(dict.fromkeys(problems))
    problems.sort(key=lambda p: (p.path, p.line or 0))
    return CheckReport(problems, notes=len(scan.files), cards=len(scan.cards))


def database_problems(config: Config, now: datetime) -> list[Problem]:
    """Re-link ambiguities recorded by scans, and cards whose cached state differs from a replay of the log."""
    from mlwiki.review.log import verify_replay
    from mlwiki.scan.sync import open_synced

    store, report = open_synced(config, now)
    with store:
        found = [p for p in report.problems if p.code == "ambiguous-relink"]
        for card_id in verify_replay(store):
            found.append(Problem(config.relative(config.db_path), None,
                                 f"card {card_id}: cached schedule differs from a replay of its review log",
                                 Severity.ERROR, "replay"))
    return found
