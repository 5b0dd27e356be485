"""One error family. Every expected failure is an `MlwikiError`; the CLI turns it into a one-line message."""

from __future__ import annotations


class MlwikiError(Exception):
    """A user-facing failure: its message is printed as is, without a traceback."""

    exit_code = 1

    def __init__(self, message: str, path: str | None = None, line: int | None = None):
        self.path = path
        self.line = line
        where = f"{path}:{line}: " if path and line else (f"{path}: " if path else "")
        super().__init__(where + message)


class ConfigError(MlwikiError):
    """mlwiki.toml is unreadable or holds a bad value."""


class StoreError(MlwikiError):
    """The database cannot be opened, is corrupt, locked or from a newer mlwiki."""


class UsageError(MlwikiError):
    """The user asked for something that cannot be done (bad date, unknown deck …)."""

    exit_code = 2
