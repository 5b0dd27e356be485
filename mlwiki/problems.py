"""Problems found in notes: `path:line: severity: message`, as `check` and `scan` report them."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from mlwiki.textsafe import one_line


class Severity(str, Enum):
    ERROR = "error"
    WARNING = "warning"
    NOTICE = "notice"  # worth knowing, nothing wrong (a card that repeats another note's card)


@dataclass(frozen=True)
class Problem:
    """Something wrong (or worth knowing) about a note, reported as `path:line: severity: message`."""

    path: str
    line: int | None
    message: str
    severity: Severity = Severity.ERROR
    code: str = "syntax"

    def __str__(self) -> str:
        path = one_line(self.path)  # a file name may hold a newline; one problem stays one line
        where = f"{path}:{self.line}" if self.line else path
        return f"{where}: {self.severity.value}: {self.message}"

    def to_dict(self) -> dict:
        return {
            "path": self.path,
            "line": self.line,
            "severity": self.severity.value,
            "code": self.code,
            "message": self.message,
        }
