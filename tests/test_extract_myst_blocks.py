"""Jupyter Book blocks and sections a chapter teaches with (issue 23): an `{exercise}` and its `{solution}`, also
written `{solution-start}` … `{solution-end}`, are on no card (the author's practice, set apart); a titled
`{prf:algorithm}` of named steps is a card of its steps in order and a card of each step's detail; a display formula
of one variable in another with measured constants is a formula to learn, not a worked example; a heading answered
by one sentence of names is a card. And what made bad cards of such chapters: "Why …?" asked of an arrow that maps a
case to a name or chains arrows, a formula's "where" clause cut at its line's end, a sentence cut where a pointer to
another page went, "Next: …" signposts, learning objectives, a page's remarks on itself, and a blank of a bold word
that leaves the stressed point of its sentence shown. Chapters written into tmp_path, read through the CLI."""

from __future__ import annotations

import pytest


from conftest import DEFAULT_CONFIG
from shared_notes import Scanned, SharedNotes


EXERCISES = """# Hash tables

## Load factor

The load factor is the number of stored keys divided by the number of buckets.

## Practice

```{exercise}
:label: ex-resize

Why does a hash table double its bucket array instead of growing it by a constant?
```

```{solution} ex-resize
:class: dropdown

Doubling makes the total rehashing work over $n$ inserts proportional to $n$, so each insert costs amortised
constant time; growing by a constant makes it quadratic.
```

```{exercise}
:label: ex-count

A table has 12 keys in 16 buckets. What is its load factor?
```

```{solution} ex-count
:class: dropdown

$12 / 16 = 0.75$.
```

```{exercise}
:label: ex-chain

Show that with chaining a failed lookup inspects on average as many keys as the load factor.
```

```{solution-start} ex-chain
```
Each key lands in the probed bucket with probability one over the number of buckets, so the expected chain length is
the number of keys over the number of buckets.
```{solution-end}
```
"""


NOTES = SharedNotes(DEFAULT_CONFIG)  # every test's notes, in wikis scanned once for the module


@pytest.fixture(scope="module")
def shared(tmp_path_factory) -> Scanned:
    return NOTES.scan(tmp_path_factory)


CHAPTER = NOTES.add({"book/chapter.md": EXERCISES})


def test_an_exercise_and_its_solution_are_no_card_written_either_way(shared):
    """Exercises are the author's practice, set apart (issue 23, point 3): neither an `{exercise}` nor its
    `{solution}` — also the gated `{solution-start}` … `{solution-end}` form — is on any card; the section's own
    text still is."""
    cards = shared.cards(CHAPTER)
    assert any(c["back"].startswith("The load factor is the number of stored keys") for c in cards), cards
    for card in cards:
        text = card["front"] + "\n" + card["back"]
        assert "double its bucket array" not in text and "Doubling makes" not in text, card
        assert "Each key lands" not in text and "12 keys" not in text and "0.75" not in text, card
        assert ":label:" not in text and "solution-" not in text, card


ALGORITHM = """# Clustering

## Lloyd's algorithm

```{prf:algorithm} k-means
:label: alg-kmeans

**Inputs** points $x_1, \\dots, x_n$ and a number of clusters $k$

**Output** $k$ centroids and an assignment of every point

1. **Initialise**: pick $k$ of the points at random as the first centroids.
2. **Assign**: attach every point to its nearest centroid.
3. **Update**: move each centroid to the mean of the points attached to it.
4. **Repeat** until no point changes its centroid.
```

### Why it stops

Each step can only lower the within-cluster sum of squares, and there are finitely many assignments.
"""


CHAPTER_2 = NOTES.add({"book/chapter.md": ALGORITHM})


def test_a_titled_algorithm_is_a_card_of_its_steps_and_one_per_step(shared):
    by_front = {c["front"]: c["back"] for c in shared.cards(CHAPTER_2)}
    assert by_front["Clustering › Lloyd's algorithm › k-means › steps"] == \
        "1. **Initialise**\n2. **Assign**\n3. **Update**\n4. **Repeat** until no point changes its centroid"
    assert by_front["Clustering › Lloyd's algorithm › k-means › Assign"] == "attach every point to its nearest centroid."
    assert by_front["Clustering › Lloyd's algorithm › k-means › Update"].startswith("move each centroid to the mean")
    assert not any("**Inputs**" in back for back in by_front.values())


SCALE = """# Loudness and pitch scales

## The ERB-rate scale

The number of equivalent rectangular bandwidths below a frequency $f$ in Hz is

```{math}
:label: eq-erb
E = 21.4 \\log_{10}(1 + 0.00437 f)
```

so a tone twice as many ERBs up excites a place on the cochlea about twice as far along.
"""


CHAPTER_3 = NOTES.add({"book/chapter.md": SCALE})


def test_a_law_of_one_variable_with_measured_constants_is_a_formula_card(shared):
    formulas = [c for c in shared.cards(CHAPTER_3) if c["kind"] == "formula"]
    assert [c["back"].split("\n")[0] for c in formulas] == ["$$E = 21.4 \\log_{10}(1 + 0.00437 f)$$"]
    assert formulas[0]["front"].endswith("The number of equivalent rectangular bandwidths below a frequency $f$ in Hz is")


CHAPTER_4 = NOTES.add({
    "book/chapter.md": (
        """# Hidden Markov models

## Decoding

Viterbi.

## Parameter estimation

Baum–Welch (EM).

### Initialisation

## Scoring

The forward algorithm sums over all state paths in time linear in the length of the sequence.
""")
})


def test_a_heading_answered_by_a_name_is_a_card(shared):
    backs = {c["back"] for c in shared.cards(CHAPTER_4)}
    assert "Baum–Welch (EM)." in backs and "Viterbi." in backs


CHAPTER_5 = NOTES.add({
    "book/chapter.md": (
        """# Sequence models

## Transducers

Decoding moves through a grid of frames and output tokens: emitting a token moves along the output axis, emitting
a blank moves to the next frame. Training sums over every path through the grid with dynamic programming.

- drops the output independence of CTC by feeding back the tokens emitted so far
- still left-to-right and frame-synchronous → **streaming** → the default for recognition on phones
- heavy on memory in training: the joint network's output is a three-way tensor

## Picking one

Which family to start from depends mostly on the constraints of the product, not on the benchmark numbers.

- offline, plenty of labelled data, best accuracy → AED with a CTC branch
- quick baseline, fine-tuning a pretrained encoder → CTC (what most fine-tuning recipes use)
""")
})


def test_an_arrow_to_a_name_or_a_chain_of_arrows_asks_no_why(shared):
    cards = shared.cards(CHAPTER_5)
    assert not any("Why still" in c["front"] or "Why quick" in c["front"] for c in cards)
    assert any("→ **streaming** →" in c["back"] for c in cards) and any("→ CTC (what" in c["back"] for c in cards)


CHAPTER_6 = NOTES.add({
    "book/chapter.md": (
        """# Topic models

## Latent factors

Each document is a mixture of topics: $d = \\Phi \\theta$, where $\\Phi$ = the **topic
matrix**, $\\theta$ = the document's **topic weights** (they sum to one). Fitting is done by variational EM.
""")
})


def test_the_where_clause_of_a_formula_goes_to_its_sentence_end(shared):
    formula = next(c for c in shared.cards(CHAPTER_6) if c["kind"] == "formula")
    assert formula["back"].endswith("$\\theta$ = the document's **topic weights** (they sum to one).")


CHAPTER_7 = NOTES.add({
    "book/chapter.md": (
        """# Regularisation

## Dropout

Dropout matters even more for small data sets — most of the gain in the original experiments comes from it,
see {doc}`experiments`.
""")
})


def test_a_sentence_cut_at_a_dropped_pointer_ends_there(shared):
    back = next(c["back"] for c in shared.cards(CHAPTER_7) if "Dropout matters" in c["back"])
    assert back.endswith("comes from it.")


FILTERS = NOTES.add({
    "book/filters.md": (
        """(ch-filters)=
# Digital filters

## Learning objectives

By the end of this chapter I should be able to:

1. tell a finite impulse response filter from an infinite one
2. design a moving-average low-pass filter

## Moving average

A moving average of width $w$ replaces each sample by the mean of the $w$ samples around it, which removes
fluctuations faster than about $w$ samples.

Next: turning filters into a filterbank → {ref}`ch-banks`.
"""),
    "book/glossary.md": (
        """# Glossary

Terms from the course, roughly alphabetical.

```{glossary}
Impulse response
  The output of a filter when its input is a single unit spike.
```
"""),
    "book/adaptive.md": (
        """# Adaptive filters

```{note}
Unfinished. The week 3 slides cover this; only the outline matters for the exam.
```

## LMS

The least-mean-squares filter updates its weights along the negative gradient of the squared error of one sample.
""")
})


def test_signposts_objectives_and_page_remarks_are_no_cards(shared):
    cards = shared.cards(FILTERS)
    said = [c["front"] + "\n" + c["back"] for c in cards]
    assert not any("Next:" in s or "objectives" in s or "Terms from the course" in s or "slides" in s for s in said)
    assert any("removes\nfluctuations" in s or "removes fluctuations" in s for s in said)
    assert any("least-mean-squares" in s for s in said)


CHAPTER_8 = NOTES.add({
    "book/chapter.md": (
        """# Databases

## Durability

### Write-ahead logging

Every change is appended to a log **first**, and the table pages are written later; a crash is recovered by
replaying the log from the last checkpoint:

$$
t_{\\text{recover}} \\approx n_{\\text{records}}\\, t_{\\text{replay}}
$$

e.g. a million records at a microsecond each take about a second. Once a record is lost you **cannot** redo
its change — the pages still hold the old values.

```{important}
The write-ahead log (one record per change) must be flushed to the disk **before** the commit returns, and
likewise before **checkpointing** a table (e.g. every 5 min → one file). `db.sync()` does this for you; a
plain `write()` does not.
```
""")
})


def test_no_blank_of_a_bold_word_that_leaves_the_stressed_one_shown(shared):
    cards = shared.cards(CHAPTER_8)
    assert not any("likewise before …" in c["front"] for c in cards)
    assert any(c["back"].startswith("The write-ahead log (one record per change)") for c in cards)
