"""`mlwiki check`: lint the notes' card syntax (the database half is mlwiki.review.log.database_problems)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from mlwiki.config import Config
from mlwiki.models import Problem, Severity
from mlwiki.scan.collect import collect


@dataclass
class CheckReport:
    problems: list[Problem] = field(default_factory=list)
    notes: int = 0
    cards: int = 0

    def add(self, problems: list[Problem]) -> None:
        """Add problems, once each, in note order."""
        merged = list(dict.fromkeys(self.problems + problems))
        merged.sort(key=lambda p: (p.path, p.line or 0))
        self.problems = merged

    @property
    def errors(self) -> int:
        return sum(p.severity == Severity.ERROR for p in self.problems)

    @property
    def summary(self) -> str:
        warnings = len(self.problems) - self.errors
        return f"{self.notes} notes, {self.cards} cards: {self.errors} errors, {warnings} warnings"


def run_checks(config: Config, paths: list[Path] | None) -> CheckReport:
    """Every problem in the notes (or `paths`), and the checks across notes."""
    scan = collect(config, paths)
    report = CheckReport(notes=len(scan.files), cards=len(scan.cards))
    report.add(scan.all_problems)
    return report
