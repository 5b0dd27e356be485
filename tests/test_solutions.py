"""Exercises and their solutions are no cards (issue 23, point 3), however a note sets them apart: a Quarto exercise
numbered for cross-references (`::: {#exr-…}`) with the collapsed callout after it whose heading is `## Solution`; a
notebook's (or any note's) paragraph that opens on an emphasised task label, `**Exercise 2.1**`, `✏️ *Your turn*`,
`**Problem 3.**`, with the `Answer: …` paragraphs, code and `<details>` folds that answer it. What the notes state
outside them stays carded, and so does a card the author wrote inside one. `check --json` counts what it set apart.
Notes written into tmp_path in the styles of each tool, read through the CLI."""

from __future__ import annotations

import json

from conftest import backs_by_front, new_wiki, run

CONFIG = 'name = "T"\nsections = true\n[review]\ntimezone = "UTC"\n'
WHY = "in a worked example or exercise"


def _notebook(cells: list[tuple[str, str]]) -> str:
    return json.dumps({"cells": [{"cell_type": kind, "metadata": {}, "source": text,
                                  **({"outputs": [], "execution_count": None} if kind == "code" else {})}
                                 for kind, text in cells], "metadata": {}, "nbformat": 4, "nbformat_minor": 5})


def _set_apart(root) -> dict[str, int]:
    return json.loads(run(root, "check", "--json").output)["skipped"].get("exercise", {})


QUARTO = """---
title: "Bloom filters"
---

## False positives

A Bloom filter answers membership queries with no false negatives but some false positives: a query can find all
its bits set by other keys. With $k$ hash functions, $n$ keys and $m$ bits the false-positive rate is about
$(1 - e^{-kn/m})^k$.

::: {#exr-best-k}
Find the number of hash functions that makes the false-positive rate smallest for given $m$ and $n$. What fraction
of the bits is then set?
:::

::: {.callout-tip collapse="true"}
## Solution
Minimising over $k$ gives $k = (m/n)\\ln 2$, and at that $k$ each bit is set with probability one half, so the
filter is half full when it works best.
:::

Deleting a key is impossible in a plain Bloom filter, because a bit may be shared by several keys; counting
filters keep a small counter per slot instead of a bit to allow deletions.

::: {#exm-ten-bits}
Take ten bits per key. The number of hash functions to use is then

$$k = \\frac{m}{n} \\ln 2 \\approx 6.9,$$

so seven, and about one query in a hundred is a false positive.
:::

## Sizing

::: {#exr-size}
Q: How many bits per key does a Bloom filter need for a 1% false-positive rate?
A: About 9.6 bits per key, with seven hash functions.
:::

::: {.callout-note}
## Answer
Solve the rate formula for $m/n$ with the best $k$ to get $m/n = -\\ln p / (\\ln 2)^2$, which is 9.6 at one percent.
:::

::: {.callout-warning}
The hash functions must be independent: two correlated hashes set the same bits and raise the false-positive rate
well above the formula's estimate.
:::
"""


def test_a_quarto_exercise_and_its_solution_callout_are_no_cards(tmp_path):
    """`::: {#exr-…}` and the `.callout-tip` after it titled by its `## Solution` heading are set apart: no card
    "… › Solution" of the worked answer, none of the prompt, none of a numbered example's formula; the paragraphs around them and a warning after an
    exercise's answer are cards as before, and a `Q:`/`A:` the author wrote in an exercise is still a card."""
    root = new_wiki(tmp_path, {"bloom.qmd": QUARTO}, CONFIG)
    cards = backs_by_front(root)
    assert not any("Solution" in front or "Answer" in front for front in cards)
    assert not any("half full" in back or "hash functions that makes" in back or "9.6 at one" in back
                   or "6.9" in back for back in cards.values())
    assert any("no false negatives" in back for back in cards.values())
    assert any("counting\nfilters keep a small counter" in back for back in cards.values())
    assert any("must be independent" in back for back in cards.values())
    assert cards["How many bits per key does a Bloom filter need for a 1% false-positive rate?"] == \
        "About 9.6 bits per key, with seven hash functions."
    assert _set_apart(root) == {WHY: 5}  # (two exercises, each with its answer, and an example)


LAB = [
    ("markdown", "# Lab 4: hashing in practice"),
    ("markdown", "Python's built-in hash of a string is salted per process unless PYTHONHASHSEED is set, so the order "
                 "of a set of strings can change from one run to the next."),
    ("markdown", "**Exercise 4.1** Insert the numbers 0 to 999 into a dict and time the lookups. Why are they all "
                 "about as fast?"),
    ("code", "import timeit\nd = {i: i for i in range(1000)}"),
    ("markdown", "Answer: an integer hashes to itself, so the keys spread evenly over the table and every lookup "
                 "probes about one slot on average."),
    ("markdown", "✏️ *Your turn*: make every key collide by giving a class a constant `__hash__`."),
    ("code", "class Bad:\n    def __hash__(self):\n        return 7"),
    ("markdown", "<details><summary>Answer</summary>\n\nEvery insert then walks the whole probe chain, so building "
                 "the dict takes quadratic time in the number of keys.\n\n</details>"),
    ("markdown", "Open addressing keeps every entry in the table itself and probes other slots on a collision, which "
                 "is why CPython resizes its dicts once they are two thirds full."),
    ("markdown", "## Hash flooding"),
    ("markdown", "**Exercise 4.2.** Explain why a web server that puts request parameters in a dict can be slowed "
                 "down on purpose."),
    ("markdown", "Answer: an attacker who knows the hash function sends many keys that collide, and every insert "
                 "costs time linear in the keys so far."),
    ("markdown", "SipHash is a keyed hash function designed for hash tables: with a secret key per process an "
                 "attacker cannot predict which keys collide."),
]


def test_notebook_exercise_cells_and_their_answers_are_no_cards(tmp_path):
    """A lab's `**Exercise 4.1**` and `✏️ *Your turn*` cells, with the code, `Answer: …` cells and `<details>` fold
    that answer them, make no card (no "… › Exercise 4.1" whose back is the prompt, no card of an answer); the
    cells of prose after an exercise's answer and under the next heading are cards as before."""
    root = new_wiki(tmp_path, {"labs/lab4.ipynb": _notebook(LAB)}, CONFIG)
    cards = backs_by_front(root)
    assert not any("Exercise" in front or "turn" in front for front in cards)
    assert not any(word in back for back in cards.values()
                   for word in ("Insert the numbers", "hashes to itself", "constant `__hash__`", "quadratic time",
                                "slowed", "attacker who knows"))
    assert any("salted per process" in back for back in cards.values())
    assert any("two thirds full" in back for back in cards.values())
    assert any("SipHash" in back for back in cards.values())
    assert _set_apart(root) == {WHY: 3}


MARKDOWN = """# Skip lists

A skip list stacks sorted linked lists: each element is promoted to the next level with probability one half, so a
search skips ahead on the sparse upper levels and takes $O(\\log n)$ expected time.

**Problem 2.** Show that the expected number of levels of a skip list of $n$ elements is $O(\\log n)$.

**Solution.** The chance that a given element reaches level $i$ is $2^{-i}$, so by the union bound some element
reaches level $2\\log_2 n$ with probability at most $1/n$.

Skip lists are easier to make concurrent than balanced trees: an insert changes only the pointers of a few
neighbours, and no rotation ever rebalances a whole subtree.
"""


def test_a_problem_and_its_solution_paragraphs_are_no_cards(tmp_path):
    """`**Problem 2.**` with the `**Solution.**` paragraph after it is an exercise, no card; the paragraphs before
    and after it are cards as before."""
    root = new_wiki(tmp_path, {"skip lists.md": MARKDOWN}, CONFIG)
    backs = list(backs_by_front(root).values())
    assert not any("union bound" in back or "Show that the expected" in back for back in backs)
    assert any("promoted to the next level" in back for back in backs)
    assert any("easier to make concurrent" in back for back in backs)
    assert _set_apart(root) == {WHY: 1}  # (one exercise, its solution in it)


NOT_EXERCISES = """# Vanishing gradients

In a deep sigmoid network the gradient shrinks by a factor of at most one quarter per layer, so the first layers
barely learn.

<details><summary>Show the fix</summary>

Residual connections and ReLU activations keep the gradient's scale from layer to layer, and careful
initialisation starts the network where signals neither vanish nor explode.

</details>
"""


def test_a_fold_after_no_exercise_is_still_a_card(tmp_path):
    """A fold that only says it unfolds, after no exercise, holds the section's text, carded as before."""
    root = new_wiki(tmp_path, {"vanishing.md": NOT_EXERCISES}, CONFIG)
    assert any("Residual connections" in back for back in backs_by_front(root).values())
    assert _set_apart(root) == {}
