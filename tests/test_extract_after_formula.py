"""What follows a display formula (issue 23): bullets that each state a fact of their own about the formula (what a
value of it means, a property, a use) are a card each, asked by what the bullet names (its label, the question its
sentence asks, its subject, its first clause), the formula still on the front; a bullet with no such cue stays on the
"… › What it says" card, which keeps its id. Nothing after the formula is dropped: a Quarto `{#eq-…}` formula that
defines a bold term, a list whose item points on ("see below!"), a sentence that goes on with "Then …". Notes in
the styles of an Obsidian vault, a Quarto book, a MyST book and GitHub Markdown."""

from __future__ import annotations

import pytest

import json

from conftest import new_wiki, run
from shared_notes import Scanned, SharedNotes

CONFIG = 'name = "T"\ndefinitions = true\nsections = true\n[review]\ntimezone = "UTC"\n'


def cards(tmp_path, notes: dict[str, str]) -> list[dict]:
    root = new_wiki(tmp_path, notes, CONFIG)
    return json.loads(run(root, "cards", "--json", ok=True).output)


def fronts(found: list[dict]) -> dict[str, dict]:
    return {c["front"].split("\n\n", 1)[0]: c for c in found}


VAULT = r"""# Huber loss

$$L_\delta(r) = \begin{cases} \tfrac12 r^2 & |r| \le \delta \\ \delta(|r| - \tfrac12\delta) & \text{else} \end{cases}$$

- $\delta$ near 0 → behaves like the absolute loss, robust but with a kink at zero
- the gradient is bounded by $\delta$ because the linear branch has a constant slope
- it is quadratic near zero, which keeps the fit efficient when the noise is Gaussian
"""


NOTES = SharedNotes(CONFIG)  # every test's notes, in wikis scanned once for the module


@pytest.fixture(scope="module")
def shared(tmp_path_factory) -> Scanned:
    return NOTES.scan(tmp_path_factory)


HUBER_LOSS = NOTES.add({"Huber loss.md": VAULT})


def test_bullets_after_a_formula_are_a_card_each(shared):
    found = fronts(shared.cards(HUBER_LOSS))
    near = found["Huber loss › $\\delta$ near 0 →"]
    assert "L_\\delta(r)" in near["front"] and near["back"].startswith("$\\delta$ near 0 → behaves like the absolute")
    why = found["Huber loss › Why is the gradient bounded by $\\delta$?"]
    assert why["back"].startswith("the gradient is bounded") and "kink" not in why["back"]
    assert found["Huber loss › What it says"]["back"].startswith("it is quadratic near zero")  # (no cue: "it")


BOOK = r"""# Smoothing

## Level update

```{math}
\ell_t = \beta y_t + (1 - \beta)\,\ell_{t-1}
```

- $\beta$ near 1 → follows the data closely, barely smoothing anything
- $\beta$ and $\ell_0$ are fitted by minimising the one-step squared errors
- the same recursion as an ARIMA(0,1,1) model with $\theta = \beta - 1$
"""


SMOOTH = NOTES.add({"smooth.md": BOOK})


def test_a_bullet_without_a_cue_stays_on_the_what_it_says_card_and_keeps_its_id(shared):
    found = shared.cards(SMOOTH)
    by_front = fronts(found)
    assert by_front["Smoothing › Level update › How are $\\beta$ and $\\ell_0$ fitted?"]["back"].startswith("$\\beta$ and")
    assert by_front["Smoothing › Level update › $\\beta$ near 1 →"]["back"].startswith("$\\beta$ near 1")
    says = by_front["Smoothing › Level update › What it says"]
    assert says["back"] == "the same recursion as an ARIMA(0,1,1) model with $\\theta = \\beta - 1$"


def test_the_card_that_keeps_its_front_keeps_its_id(tmp_path):
    from mlwiki.extract.formula_facts import split_said
    from mlwiki.extract.draft import Draft
    from mlwiki.models import CardKind
    front = "Smoothing › Level update › What it says\n\n$$\\ell_t = \\beta y_t$$"
    back = "- $\\beta$ near 1 → follows the data closely, barely smoothing anything\n- the same recursion as before here"
    draft = Draft(CardKind.BASIC, front, back, 3, form="remark", id_front=f"remark: {front}")
    out = split_said([([draft], "Smoothing › Level update")])
    kept = [d for group, _ in out for d in group if d.front == front]
    assert len(out) == 2 and kept and kept[0].id_front == f"remark: {front}"
    assert kept[0].back == "the same recursion as before here"


QUARTO = r"""---
title: "Tests for trends"
---

## A unit root test

Regress the change on the lagged level:

$$
\Delta x_t = a + c\, x_{t-1} + u_t
$$ {#eq-unitroot}

- $H_0$: $c = 0$ → a unit root, the series wanders.
- $H_1$: $c < 0$ → it reverts to its mean.
- A **small p-value rejects the unit root** ⇒ treat the series as mean-reverting. (The other test is reversed, see below!)

## Lag correlation

**Lag correlation**:
$$
r_k = \frac{c_k}{c_0}
$$ {#eq-lagcor}

- For pure noise, $\hat r_k$ is roughly normal with variance $1/T$, so the plotted bands sit at $\pm 2/\sqrt{T}$.
- **Drift** ⇒ the correlations shrink *slowly*. **Cycles** ⇒ peaks at multiples of the period.
"""


TRENDS = NOTES.add({"trends.qmd": QUARTO})


def test_nothing_after_a_labelled_quarto_formula_is_dropped(shared):
    found = shared.cards(TRENDS)
    backs = "\n".join(c["back"] for c in found)
    assert "small p-value rejects the unit root" in backs  # (its "see below!" points on; the fact stays)
    assert "$H_1$: $c < 0$" in backs
    assert "plotted bands sit at" in backs and "peaks at multiples of the period" in backs


README = r"""# Sketching

## Random projection

Draw $r_1, \dots, r_m$ from a standard Gaussian and set

$$s(x) = \tfrac{1}{\sqrt m}\,[r_1^\top x, \dots, r_m^\top x]$$

Then $\mathbb E[s(x)^\top s(y)] = x^\top y$ (unbiased), and the distortion shrinks like $O(1/\sqrt m)$.
"""


SKETCHING = NOTES.add({"sketching.md": README})


def test_a_sentence_going_on_with_then_after_a_formula_is_carded(shared):
    found = shared.cards(SKETCHING)
    assert any("(unbiased), and the distortion shrinks" in c["back"] for c in found)
