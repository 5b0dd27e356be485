"""A table that logs the writer's runs, one row a run named by its id:

    | run | cell | clip | lr   | val loss @ 10k steps | notes              |
    |-----|------|------|------|----------------------|--------------------|
    | r1  | RNN  | none | 2e-3 | NaN                  | blew up at step 1.8k |
    | r2  | RNN  | 1.0  | 2e-3 | 1.72                 |                    |

Each cell of it was carded as "Runs › r2 › clip: 1.0" — what one of the writer's runs was set to or scored, which no
learner recalls and which names no subject (r2 is the writer's label). What the runs show is said in the writer's
sentences around the table, carded as any. A table is such a log when the first cell of every row under its header is
a run's id — `r1`, `run 3`, `exp-2`, `trial_4`, `v2` — and it has two rows or more. Its lines are blanked. Pure:
lines in, the same lines with those blanked.
"""

from __future__ import annotations

import re

from mlwiki.extract.line_kinds import BLANK_LINE, TEXT, Line

_ROW = re.compile(r"[ \t]*\|(.*)\|[ \t]*")
_RULE = re.compile(r"[ \t|:-]+")
RUN_ID_PATTERN = r"(?:r|run|exp|experiment|trial|v|version|attempt)[ \t_#-]?\d{1,3}[a-z]?"  # (a run's id: `r1`, `run 3`, `v2`)
RUN_ID = re.compile(RUN_ID_PATTERN, re.I)
MIN_RUNS = 2


def mark_run_logs(lines: list[Line]) -> None:
    """Blank each table whose rows are the writer's runs by id (see the module's docstring)."""
    k = 0
    while k < len(lines):
        if not _is_row(lines[k]) or (k and _is_row(lines[k - 1])):
            k += 1
            continue
        end = k
        while end < len(lines) and _is_row(lines[end]):
            end += 1
        rows = [lines[i].text for i in range(k, end)]
        if len(rows) >= 2 + MIN_RUNS and _RULE.fullmatch(rows[1]) and all(_first_cell(r) for r in rows[2:]):
            for i in range(k, end):
                lines[i] = BLANK_LINE
        k = end


def _is_row(line: Line) -> bool:
    """Whether `line` is a row of a pipe table."""
    return line.kind == TEXT and bool(_ROW.fullmatch(line.text))


def _first_cell(row: str) -> bool:
    """Whether the first cell of `row` is a run's id."""
    match = _ROW.fullmatch(row)
    return bool(match) and bool(RUN_ID.fullmatch(match.group(1).split("|")[0].strip().strip("*`")))
