"""Fragments (session 57, fragwrong57, the held31/held32 judges): a code block kept under an outline's bullet is no
bare "- ```python" line on a card, and a numbered list of steps that a display formula breaks at the margin is one
steps card in order, not its first step alone. Notes written to tmp_path, read back through the CLI."""

from __future__ import annotations

import pytest

from shared_notes import Scanned, SharedNotes

CONFIG = 'name = "T"\nformulas = "display"\ndefinitions = true\nsections = true\n[review]\ntimezone = "UTC"\n'


def _text(made: dict[str, str]) -> str:
    return "\n".join(made) + "\n" + "\n".join(made.values())


# --- a code block under an outline's bullet ------------------------------------------------------------------------

OUTLINE = """- Hash rings #concept
  - Status:: solid
  - Placement
    - keys and servers sit on one circle; a key goes to the first server clockwise from it
    - adding a server only moves the keys between it and its neighbour
    - $$\\text{moved} \\approx K / n$$
  - Why not modulo hashing
    - with key mod n, changing n moves almost every key to another server
    - caches behind it then miss on nearly every request until they warm up again
  - Replication
    - each key is also stored on the next r servers clockwise, so one failure loses nothing
    - reads can go to any of the r copies when slightly stale data is acceptable
  - Tiny version
    - ```python
      import bisect

      def owner(ring, key):
          return ring[bisect.bisect(ring, hash(key)) % len(ring)]
      ```
  - Virtual nodes
    - each server gets many points on the circle, which evens out the load
    - ```python
      points = [hash(f"{server}-{i}") for i in range(100)]
      ```
    - with few servers and no virtual nodes, one server can own most of the circle
"""


NOTES = SharedNotes(CONFIG)  # every test's notes, in wikis scanned once for the module


@pytest.fixture(scope="module")
def shared(tmp_path_factory) -> Scanned:
    return NOTES.scan(tmp_path_factory)


HASH_RINGS = NOTES.add({"Hash rings.md": OUTLINE})


def test_an_outline_code_block_leaves_no_bare_fence_line(shared):
    """A snippet nested under a bullet (a Tana or Logseq page): no card shows "- ```python" with none or one line
    of its code; the facts beside it stay on their cards."""
    made = shared.backs_by_front(HASH_RINGS)
    for front, back in made.items():  # (a fence that opens shows its code and closes on the same card)
        fences = [line for line in back.split("\n") if line.strip().lstrip("-* ").startswith("```")]
        assert len(fences) % 2 == 0, (front, back)
    text = _text(made)
    assert "evens out the load" in text and "own most of the circle" in text, made


# --- numbered steps a display formula breaks -----------------------------------------------------------------------

STEPS = """# Resampling

## The bootstrap

Resampling judges how much an estimate would move with fresh data, without collecting any.

**Bootstrap, step by step:**

1. Draw $n$ points from the sample with replacement (some repeat, some are left out).
2. For $b = 1,\\dots,B$: redraw a sample; compute the statistic $\\hat\\theta_b$ on it.
3. Take the spread:

$$
\\widehat{\\mathrm{se}} = \\sqrt{\\frac{1}{B-1}\\sum_{b=1}^{B}(\\hat\\theta_b - \\bar\\theta)^2}
$$

4. Report the estimate together with that standard error.
5. **Never resample the test set** when the statistic is itself a test score.

The percentile interval takes quantiles of the $\\hat\\theta_b$ directly.
"""


BOOT = NOTES.add({"boot.md": STEPS})


def test_steps_a_formula_breaks_are_one_card_in_order(shared):
    """"1. …", "2. …", "3. Take the spread:" over a formula at the margin, then "4. …", "5. …": one card holds the
    five steps in order (before, a card held step 1 alone, step 2 was on none, and steps 4–5 answered "What it
    says" over the formula); the formula keeps its own card."""
    made = shared.backs_by_front(BOOT)
    steps = [back for back in made.values() if back.startswith("1. Draw")]
    assert len(steps) == 1, made
    for said in ("2. For $b", "3. Take the spread", "4. Report the estimate", "5. **Never resample"):
        assert said in steps[0], steps[0]
    assert not any(back.startswith("Draw $n$") for back in made.values()), made
    assert not any(back.startswith("4. Report") for back in made.values()), made
    assert any(back.startswith("$$") and "widehat" in back for back in made.values()), made


# --- a claim's heading over its converse ---------------------------------------------------------------------------

CONVERSE = r"""# Series

## Absolute convergence ⇒ convergence

If the sum of the absolute values is finite, the partial sums form a Cauchy sequence, since

$$
\Big|\sum_{k=m}^{n} a_k\Big| \le \sum_{k=m}^{n} |a_k| .
$$

::: {.theorem}
If $\sum_k |a_k| < \infty$ then $\sum_k a_k$ converges.
:::

The converse — convergence ⇒ absolute convergence — fails: the alternating harmonic series converges while the
harmonic series diverges.
"""


SERIES = NOTES.add({"series.md": CONVERSE})


def test_a_back_on_the_converse_is_asked_as_the_converse(shared):
    """A heading that states a claim over a paragraph on its converse: the front asks the converse, not the bare
    claim the back does not answer."""
    made = shared.backs_by_front(SERIES)
    fronts = [front for front, back in made.items() if back.startswith("The converse")]
    assert fronts and all(front.endswith("› The converse") for front in fronts), made


# --- a proof's step introduced by its tools only -------------------------------------------------------------------

PROOF = r"""# Averages

## Variance of the mean

**Independent draws.** For $X_1, \dots, X_n$ independent with variance $\sigma^2$:
$$ \mathrm{Var}(\bar X) = \frac{\sigma^2}{n}. $$
Proof: independence + scaling:
$\mathrm{Var}\big(\sum_i X_i\big) = \sum_i \mathrm{Var}(X_i)$.
So the error bar of an average shrinks like one over the square root of the number of draws.
"""


AVERAGES = NOTES.add({"averages.md": PROOF})


def test_a_proof_step_names_the_statement_it_proves(shared):
    """"Proof: independence + scaling:" over a formula, right after the statement it proves: the front names that
    statement, not only the tools."""
    made = shared.backs_by_front(AVERAGES)
    fronts = [front for front, back in made.items() if "\\sum_i \\mathrm{Var}(X_i)" in back and back.startswith("$$")]
    assert fronts, made
    assert all("Proof of $\\mathrm{Var}(\\bar X) = \\frac{\\sigma^2}{n}$" in front for front in fronts), fronts
