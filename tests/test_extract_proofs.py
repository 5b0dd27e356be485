"""The idea of a proof is a card, its steps are not (issue 23, recall): a sphinx-proof `{prf:proof}` or a "Proof
sketch —" paragraph right after a titled statement is one card "… › <title> › Proof idea" holding a short proof
whole, and of a long one the sentences that name its method and its last step. A proof after an untitled lemma
names nothing to ask about: no card. Chapters written into tmp_path, read through the CLI."""

from __future__ import annotations

import json

from conftest import new_wiki, run

CHAPTER = """# Concentration

## Finite classes

````{prf:theorem} Finite classes need few samples
:label: thm-finite

A finite class is learned to error $\\epsilon$ from $m \\ge \\log(|H|/\\delta)/\\epsilon$ examples.
````

````{prf:proof}
- call a hypothesis poor when its error is above $\\epsilon$ and a sample deceptive when some poor hypothesis fits all of it
- one fixed poor hypothesis fits every example with chance at most $(1-\\epsilon)^m \\le e^{-\\epsilon m}$, since the draws are independent and the hypothesis was chosen before them
- a **union bound** over the poor hypotheses multiplies this by at most $|H|$ for the whole class at once
- ask that this be at most $\\delta$ and solve the inequality for $m$, which is the size in the statement. $\\square$
````

```{prf:lemma}
:label: lem-plain

Every sample of size one is deceptive for some class.
```

```{prf:proof}
Pick the class of all labelings and take the one that disagrees with the truth outside the sample point.
```

## Divergence

```{prf:theorem} Nonnegativity of divergence
:label: thm-nonneg

The divergence between two distributions is never negative.
```

Proof sketch — Jensen on the concave logarithm:

$$
-D(p\\|q) = \\sum_x p(x) \\log \\frac{q(x)}{p(x)} \\le \\log \\sum_x q(x) = 0
$$
"""


def _cards(tmp_path) -> dict[str, str]:
    out = run(new_wiki(tmp_path, {"chapters/concentration.md": CHAPTER}), "cards", "--json", ok=True).output
    return {c["front"]: c["back"] for c in json.loads(out)}


def test_a_long_proof_is_carded_by_its_method_and_last_step(tmp_path):
    back = _cards(tmp_path)["Concentration › Finite classes › Finite classes need few samples › Proof idea"]
    assert "union bound" in back and "solve the inequality for $m$" in back
    assert "independent" not in back, "the steps that name no method are left off"
    assert "square" not in back


def test_a_proof_after_an_untitled_lemma_makes_no_card(tmp_path):
    assert not any("disagrees with the truth" in back for back in _cards(tmp_path).values())


def test_a_proof_sketch_paragraph_keeps_its_formula_on_the_one_card(tmp_path):
    cards = _cards(tmp_path)
    back = cards["Concentration › Divergence › Nonnegativity of divergence › Proof idea"]
    assert back.startswith("Jensen on the concave logarithm:") and "\\le \\log \\sum_x q(x)" in back
    assert sum("\\le \\log \\sum_x q(x)" in b for b in cards.values()) == 1, "its formula makes no card of its own"


PROSE = """# Fixed points

## Contraction

**Theorem (Banach fixed point).** A contraction of a complete metric space has exactly one fixed point.

_Proof_. Iterate the map from any point; the iterates form a Cauchy sequence by the geometric bound, so they converge.

### Lemma: three chords

The slopes of the chords of a convex function increase.

**Proof sketch** write the middle point as a convex combination of the outer two and compare.

**Theorem** ([[Book|@Eck23, Theorem 5.1]]). Limits in a Hausdorff space are unique.

_Proof_. Suppose two limits and separate them by disjoint open sets.
"""


def test_a_proof_after_a_statement_named_in_bold_or_by_its_heading_is_one_card(tmp_path):
    out = run(new_wiki(tmp_path, {"fixed.md": PROSE}), "cards", "--json", ok=True).output
    cards = {c["front"]: c["back"] for c in json.loads(out)}
    assert cards["Fixed points › Contraction › Banach fixed point › Proof idea"].startswith("Iterate the map")
    assert cards["Fixed points › Contraction › Lemma: three chords › Proof idea"].startswith("write the middle point")
    assert not any("Proof idea" in front and "disjoint open sets" in back for front, back in cards.items()), \
        "a statement that only cites its source names nothing to ask about"


SKETCH = """# Learning limits

## No free lunch

```{prf:theorem} No free lunch
:label: thm-nfl

Every learner fails with constant probability on some distribution when it sees fewer than half of the domain.
```

Proof sketch (check the constants again):
- pick a set of twice the sample size and every labelling of it, each with the uniform distribution over the set labelled that way
- the learner sees at most half of the set, and on the unseen half the labellings disagree as often as they agree, so its expected error is at least a quarter for one of them
- a variable in the unit interval whose mean is at least a quarter exceeds an eighth with probability at least one seventh
"""


def test_a_proof_sketch_is_the_writers_summary_and_stays_whole(tmp_path):
    out = run(new_wiki(tmp_path, {"limits.md": SKETCH}), "cards", "--json", ok=True).output
    back = {c["front"]: c["back"] for c in json.loads(out)}["Learning limits › No free lunch › Proof idea"]
    assert back.startswith("- pick a set") and "sees at most half" in back and "one seventh" in back
    assert "constants again" not in back
