"""Facts a learner would card that got no card (issue 23): the items nested under a list item right after its display
formula ("- objective $$…$$" over "- a large C: …", "- a small C: …"), a reader's lead-in to what a formula shows
("We can see from the formula that **…**": the clause is the fact), and the text after the last of several displays
that share one introduction. Notes in the styles of an Obsidian vault, a Quarto blog and a MyST book; the CLI reads
them as a scan would."""

from __future__ import annotations

import pytest

import json

from conftest import new_wiki, run
from shared_notes import Scanned, SharedNotes

CONFIG = 'name = "T"\ndefinitions = true\nsections = true\n[review]\ntimezone = "UTC"\n'

VAULT = r"""#ml

## Ridge penalty
Two goals, traded off:
- Fit the data $$\sum_i (y_i - w^\top x_i)^2$$
- The whole objective $$\sum_i (y_i - w^\top x_i)^2 + \lambda \lVert w\rVert^2$$
	- a big lambda shrinks the weights towards zero and raises the bias
	- a tiny lambda leaves the fit close to least squares with high variance

## Hinge slack
- The slack a point pays $$\xi_i = \max(0, 1 - y_i f(x_i))$$
	- slack cases
		- $\xi_i = 0$ means the point is outside the margin on its side
		- $\xi_i > 1$ means the point is on the wrong side of the boundary
"""

BLOG = r"""---
title: "Normalising activations"
---

## Per-row statistics

Each row is scaled with its own mean and spread:

$$
\hat x_k = \frac{x_k - \mu}{\sigma}
$$

We can see from the formula above that **the scaling of one row never looks at any other row of the batch.**
"""

BOOK = r"""# Moments

## Mean and spread

For a sample of size $n$ the two summaries are

$$m = \frac{1}{n}\sum_i x_i$$

$$s^2 = \frac{1}{n}\sum_i (x_i - m)^2$$

dividing by $n - 1$ instead makes the spread estimate unbiased for small samples of the population.
"""


def cards(tmp_path, notes: dict[str, str]) -> list[dict]:
    root = new_wiki(tmp_path, notes, CONFIG)
    return json.loads(run(root, "cards", "--json", ok=True).output)


NOTES = SharedNotes(CONFIG)  # every test's notes, in wikis scanned once for the module


@pytest.fixture(scope="module")
def shared(tmp_path_factory) -> Scanned:
    return NOTES.scan(tmp_path_factory)


RIDGE = NOTES.add({"Ridge.md": VAULT})


def test_items_nested_under_a_formula_item_are_asked_with_the_formula(shared):
    found = {c["front"]: c["back"] for c in shared.cards(RIDGE)}
    for said in ("big lambda", "tiny lambda"):  # (each a fact of its own: a card each, `formula_facts`)
        asked = [(f, b) for f, b in found.items() if said in b]
        assert len(asked) == 1
        front, back = asked[0]
        assert front.startswith("Ridge penalty › ") and "\n\n$$" in front and "\\lambda \\lVert w" in front


RIDGE_2 = NOTES.add({"Ridge.md": VAULT})


def test_a_label_item_over_nested_cases_names_the_card(shared):
    found = {c["front"]: c["back"] for c in shared.cards(RIDGE_2)}
    asked = [(f, b) for f, b in found.items() if "wrong side" in b]
    assert len(asked) == 1
    front, back = asked[0]
    assert front.startswith("Ridge › Hinge slack › slack cases › What it says\n\n$$\\xi_i")
    assert "outside the margin" in back and "slack cases" not in back


NORM = NOTES.add({"posts/norm.qmd": BLOG})


def test_what_a_reader_is_told_to_see_in_a_formula_is_a_card(shared):
    found = {c["front"]: c["back"] for c in shared.cards(NORM)}
    asked = [(f, b) for f, b in found.items() if "never looks at any other row" in b]
    assert len(asked) == 1
    front, back = asked[0]
    assert "\\hat x_k" in front
    assert back.startswith("**The scaling of one row") and "We can see" not in back


MOMENTS = NOTES.add({"book/moments.md": BOOK})


def test_the_text_after_the_last_of_two_displays_sharing_a_front_is_carded(shared):
    found = {c["front"]: c["back"] for c in shared.cards(MOMENTS)}
    assert any("unbiased for small samples" in b for b in found.values())


NOTEBOOK_PAGE = r"""# Checkpoints

## Writing weights to disk

Once a network is trained you usually keep it somewhere to load later.

| Function | What it does |
| --- | --- |
| `dump_all()` | Writes any object to a file with the archive format. |
| `load_all()` | Reads an archived object back into memory. |

> **Note:** The archive format **is not safe** to open from strangers, since loading it can run code. Only ever load
> checkpoints that come from a source you trust.

## Choosing a loss

| Loss | Problem |
| --- | --- |
| squared error | regression of a number |
| cross entropy | picking one class of many |

> **Note:** There's a long [forum thread](https://example.org/thread) comparing the two losses. It gets **easier** with practice.
"""


CHECKPOINTS = NOTES.add({"torch/checkpoints.md": NOTEBOOK_PAGE})


def test_a_quoted_note_that_stresses_a_caveat_is_a_card_and_a_pointer_is_not(shared):
    found = {c["front"]: c["back"] for c in shared.cards(CHECKPOINTS)}
    noted = [(f, b) for f, b in found.items() if "is not safe" in b]
    assert len(noted) == 1
    front, back = noted[0]
    assert front.startswith("Checkpoints › Writing weights to disk › Note: ") and back.startswith("The archive format")
    assert "Only ever load" in back
    assert not any("forum thread" in b for b in found.values())


CHECKPOINTS_2 = NOTES.add({"torch/checkpoints.md": NOTEBOOK_PAGE})


def test_a_quoted_note_that_stresses_a_caveat_asks_it(shared):
    """The note's label ("Note: the archive format") asks nothing; what it stresses ("**is not safe**"), asked of its
    subject, is the question a learner answers."""
    found = {c["front"]: c["back"] for c in shared.cards(CHECKPOINTS_2)}
    front = next(f for f, b in found.items() if "is not safe" in b)
    assert front.endswith("\n\nIs the archive format safe?"), front


SWEEPS = r"""## Planning by sweeps

**Greedy refinement**
1. score every action with $Q(s, a)$
2. switch: $\pi'(s) = \arg\max_a Q(s,a)$
3. stop when no state switches any more

stops after finitely many rounds on a finite problem, since each round strictly improves the policy until it is optimal.
"""


PLANNING = NOTES.add({"Planning.md": SWEEPS})


def test_a_lowercase_sentence_after_a_list_is_carded_not_read_as_a_formulas_end(shared):
    found = {c["front"]: c["back"] for c in shared.cards(PLANNING)}
    closing = [(f, b) for f, b in found.items() if b.startswith("stops after finitely many rounds")]
    assert len(closing) == 1 and closing[0][0].endswith("Greedy refinement")


NOISY = r"""---
title: "Noisy regression"
---

## Likelihood

Noise model: $t_i = g(x_i) + \eta_i$, $\eta_i \sim \mathcal{N}(0, s^2)$ i.i.d.

Stack the inputs in a matrix $X$ and the targets in a vector $t$:

- $G = g(X)$
- $S = s^2 I$

Batch size: $32$
"""


INDEX = NOTES.add({"posts/noisy/index.qmd": NOISY})


def test_a_labelled_line_stating_a_relation_in_math_is_a_card_and_a_labelled_value_is_not(shared):
    found = {c["front"]: c["back"] for c in shared.cards(INDEX)}
    assert found.get("Noisy regression › Likelihood › Noise model", "").startswith("$t_i = g(x_i) + \\eta_i$")
    assert not any(b.startswith("$32") or b == "32" for b in found.values())


KERNELS = r"""#ml

## Kernels worth knowing
- Radial kernel $$k(x, x') = \exp(-\lVert x - x'\rVert^2 / 2\ell^2)$$ which maps the inputs into a space of infinite dimension
- Ridge objective $$\lVert y - Xw\rVert^2 + \lambda \lVert w\rVert^2$$, where $\lambda$ sets how hard the weights are pulled to zero
"""


KERNELS_2 = NOTES.add({"Kernels.md": KERNELS})


def test_the_text_a_line_goes_on_with_after_its_display_formula_is_on_the_formula_card(shared):
    backs = [c["back"] for c in shared.cards(KERNELS_2) if c["kind"] == "formula"]
    assert any(b.startswith("$$k(x, x')") and b.endswith("which maps the inputs into a space of infinite dimension")
               for b in backs)
    assert any(b.startswith("$$\\lVert y - Xw") and "\n\nwhere $\\lambda$ sets how hard" in b for b in backs)
