"""What a formula's trailing text is asked as (issue 23): "… › What it says" (the formula on its front) only over text
that reads the formula: holds its symbols, points back at it, goes on from it ("= …"). A list about the section's
topic that never speaks of the formula ("- solved by …" / "- awkward to …") stays a card under the heading path; an
item that gives the formula's value in a case of its own ("- $= 0$ when …") is asked by that value, apart from the
items that say what the formula is. Notes in the styles of an Obsidian vault, a MyST book and GitHub Markdown."""

from __future__ import annotations

import json

from conftest import new_wiki, run

CONFIG = 'name = "T"\ndefinitions = true\nsections = true\n[review]\ntimezone = "UTC"\n'

VAULT = r"""tags:: #opt

## Older constrained step
maximise a surrogate inside a region of trust:
$$\max_w\ g(w) \quad \text{s.t.}\quad D(w_0, w) \le \delta$$

- handled by conjugate gradient and a backtracking line search (second order)
- awkward to implement, does not mix well with shared layers or noise layers
"""

BOOK = r"""# Divergences

## Relative entropy

```{math}
D(p \,\|\, q) = \sum_x p(x) \log \frac{p(x)}{q(x)}
```

- = the expected extra cost of describing samples of $p$ with a scheme that was tuned for $q$
- $= +\infty$ whenever $q(x) = 0$ at a point where $p(x) > 0$. The support of $p$ must lie inside that of $q$.
"""

README = r"""# Kernels

## Smooth kernel

$$k(r) = s^2 \exp(-r^2 / 2l^2)$$

- the usual first choice, though some argue it is far too smooth for measured data
- tuning people often skip it for exactly that reason
"""


def cards(tmp_path, notes: dict[str, str]) -> list[dict]:
    root = new_wiki(tmp_path, notes, CONFIG)
    return json.loads(run(root, "cards", "--json", ok=True).output)


def test_a_list_that_never_speaks_of_the_formula_is_not_what_it_says(tmp_path):
    found = cards(tmp_path, {"Trust.md": VAULT})
    assert not any("What it says" in c["front"] for c in found)
    topic = next(c for c in found if c["back"].startswith("- handled by conjugate gradient"))
    assert topic["front"] == "Trust › Older constrained step"
    assert "awkward to implement" in topic["back"]


def test_an_item_giving_the_formulas_value_in_a_case_is_a_card_of_its_own(tmp_path):
    found = cards(tmp_path, {"div.md": BOOK})
    case = next(c for c in found if c["front"].startswith("Divergences › Relative entropy › When is it $+\\infty$?\n\n"))
    assert "\\log \\frac{p(x)}{q(x)}" in case["front"]
    assert case["back"].startswith("$= +\\infty$ whenever") and "extra cost" not in case["back"]
    says = next(c for c in found if c["front"].startswith("Divergences › Relative entropy › What it says\n\n"))
    assert says["back"].startswith("= the expected extra cost") and "+\\infty" not in says["back"]


def test_a_list_pointing_back_at_the_formula_stays_what_it_says(tmp_path):
    found = cards(tmp_path, {"kernels.md": README})
    says = next(c for c in found if c["front"].startswith("Kernels › Smooth kernel › What it says\n\n"))
    assert "far too smooth" in says["back"] and "skip it" in says["back"]
