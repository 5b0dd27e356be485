"""A table of the writer's own measurements: numbers read off one run, under the line that sets the run up.

    - timing, 512 new tokens, 6 layers, $d = 384$, CPU:
      | | tokens/s |
      |---|---|
      | no cache | 41 |
      | cache | 230 |

The numbers say how fast that run was on the writer's machine, not a fact of the subject (the rule they show, "the
gap grows with the number of tokens", is the writer's sentence after them, carded as any). A table is such a run when
every cell it compares is a bare number and the line right before it ends in ":" and gives the run's settings in
numbers of its own (two or more); a table of a subject's values ("| base | 512 | 8 |") has no such line over it.
Pure: blocks in, a yes or no out.
"""

from __future__ import annotations

import re

from mlwiki.extract.blocks import Block
from mlwiki.extract.passages import TABLE_LINE

_NUMBER = re.compile(r"(?<![\w.])\d[\d.,]*(?![\w.])")
_BARE_NUMBER = re.compile(r"[ \t]*[~≈]?[ \t]*\d[\d.,]*[ \t]*(?:%|×|x|ms|s)?[ \t]*")
_RULE_CELLS = re.compile(r"[ \t|:-]*")
MIN_SETTINGS = 2


def measured_run(before: Block | None, table: Block) -> bool:
    """Whether `table` (a paragraph holding a pipe table) holds the measurements of the writer's run that the last
    line of `before` (the paragraph right before it) sets up (see the module's docstring)."""
    if before is None:
        return False
    lead = before.lines[-1].text.strip()
    if not lead.endswith(":") or len(_NUMBER.findall(lead)) < MIN_SETTINGS:
        return False
    rows = [ln.text.strip().strip("|").split("|") for ln in table.lines if TABLE_LINE.match(ln.text)]
    values = [cell for row in rows[2:] for cell in row[1:]]
    return len(rows) > 2 and bool(values) and all(_BARE_NUMBER.fullmatch(cell) for cell in values)
