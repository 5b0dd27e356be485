"""Facts a learner would card that got no card (issue 23), by the form of the note they sit in: a subsection of a
worked example that states general results ("Example 1 › Conclusion", "Examples › Least-norm solution" in
symbols). Notes in the styles of a MyST book, an Obsidian vault and a Quarto blog; the CLI reads them as a scan
would."""

from __future__ import annotations

import json

from conftest import new_wiki, run

CONFIG = 'name = "T"\ndefinitions = true\nsections = true\n[review]\ntimezone = "UTC"\n'

WORKED = r"""# Fitting one weight

## Example 1

Take $x = 3$ and $y = 7$ with a start weight $w = 1$; the squared error is $(7 - 3)^2 = 16$.

### Step-by-step calculation

With $\eta = 0.05$ the next weight is $1 + 0.05 \cdot 24 = 2.2$.

### What it shows

The slope of the loss in a weight tells which way to move that weight so that the error shrinks, and repeating
that move is the heart of gradient-based training.

## Examples

### Smallest solution of a linear system

Minimising $\frac12\|x\|^2$ under $Ax = b$ gives $x^\star = A^\top(AA^\top)^{-1}b$, the pseudo-inverse solution.

### Two made-up points

Points at 4 and 6 have a mean of 5 and a spread of 1.
"""


def cards(tmp_path, notes: dict[str, str]) -> list[dict]:
    root = new_wiki(tmp_path, notes, CONFIG)
    return json.loads(run(root, "cards", "--json", ok=True).output)


def test_a_worked_examples_general_subsections_are_cards(tmp_path):
    found = {c["front"]: c["back"] for c in cards(tmp_path, {"book/weights.md": WORKED})}
    assert any("heart of gradient-based training" in b for b in found.values())
    assert any("pseudo-inverse solution" in b for b in found.values())
    # (its arithmetic on made-up numbers stays out)
    assert not any("2.2" in b or "mean of 5" in b or "= 16" in b for b in found.values())
