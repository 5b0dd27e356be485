"""Jupyter Book's MyST directives that hold what a chapter teaches are read (issue 23, recall): a ```{math}```
directive is a display formula, and sphinx-proof's `{prf:definition}`, `{prf:theorem}` … are titled boxes whose
text and formulas are cards; a `{prf:proof}` after a titled theorem is one card of its idea. A chapter written into tmp_path, read through the CLI."""

from __future__ import annotations

import pytest


from conftest import DEFAULT_CONFIG
from shared_notes import Scanned, SharedNotes

CHAPTER = """(ch-mcmc)=
# Markov chain Monte Carlo

## Detailed balance

```{prf:definition} Detailed balance
:label: def-detailed-balance

A kernel $T$ satisfies **detailed balance** with respect to $\\pi$ if for all states
$$\\pi(\\theta)\\,T(\\theta' \\mid \\theta) = \\pi(\\theta')\\,T(\\theta \\mid \\theta').$$
```

```{prf:theorem} Detailed balance implies stationarity
:label: thm-db

If a kernel satisfies detailed balance with respect to a distribution, that distribution is stationary for it.
```

```{prf:proof}
Integrate both sides of the detailed-balance equation over the first state and use that the kernel sums to one.
```

## Metropolis–Hastings

The acceptance probability of a proposal from $q$ is

```{math}
:label: eq-mh
\\alpha(\\theta, \\theta') = \\min\\left(1, \\frac{\\tilde\\pi(\\theta') q(\\theta \\mid \\theta')}{\\tilde\\pi(\\theta) q(\\theta' \\mid \\theta)}\\right)
```
"""


NOTES = SharedNotes(DEFAULT_CONFIG)  # every test's notes, in wikis scanned once for the module


@pytest.fixture(scope="module")
def shared(tmp_path_factory) -> Scanned:
    return NOTES.scan(tmp_path_factory)


MCMC = NOTES.add({"chapters/mcmc.md": CHAPTER})


def test_math_directives_and_proof_statements_are_read(shared):
    cards = shared.cards(MCMC)
    by_back = {c["back"].split("\n")[0]: c["front"] for c in cards}
    assert by_back["$$\\pi(\\theta)\\,T(\\theta' \\mid \\theta) = \\pi(\\theta')\\,T(\\theta \\mid \\theta').$$"] == (
        "Markov chain Monte Carlo › Detailed balance\n\nA kernel $T$ satisfies **detailed "
        "balance** with respect to $\\pi$ if for all states")
    assert by_back["If a kernel satisfies detailed balance with respect to a distribution, that distribution is "
                   "stationary for it."] == "Markov chain Monte Carlo › Detailed balance › Detailed balance implies stationarity"
    assert any(front.endswith("The acceptance probability of a proposal from $q$ is") and back.startswith("$$\\alpha")
               for back, front in by_back.items())
    proof = [c for c in cards if "Integrate both sides" in c["back"]]
    assert [c["front"] for c in proof] == [
        "Markov chain Monte Carlo › Detailed balance › Detailed balance implies stationarity › Proof idea"]
    assert not any(":label:" in c["back"] or ":label:" in c["front"] for c in cards)


GLOSSARY = """# Duality

## Weak and strong duality

For any feasible point and any nonnegative multipliers the dual function lower-bounds the primal objective, so the dual problem lower-bounds the primal optimum.

Weak duality
: $d^* \\le p^*$, always; the difference is the **duality gap**.

Strong duality
: $d^* = p^*$. Holds for convex problems under a constraint qualification.

$\\log$
: the natural logarithm.
"""


DUALITY = NOTES.add({"duality.md": GLOSSARY})


def test_a_myst_definition_list_gives_a_definition_a_term(shared):
    found = {c["front"]: c["back"] for c in
             shared.cards(DUALITY)}
    assert found["Duality › Weak and strong duality\n\nDefine: Weak duality"] == \
        "$d^* \\le p^*$, always; the difference is the **duality gap**."
    assert found["Duality › Weak and strong duality\n\nDefine: Strong duality"].startswith("$d^* = p^*$.")
    # the paragraph before the list opens the section; a symbol's meaning is notation, no card
    assert found["Duality › Weak and strong duality"].startswith("For any feasible point")
    assert not any("natural logarithm" in back for back in found.values())


GLOSSARY_DIRECTIVE = """# Sequence models

The terms the chapters use.

```{glossary}
:sorted:

Teacher forcing
  Training a decoder on the true previous token rather than its own
  prediction, which makes training parallel over positions.

Exposure bias
  The mismatch teacher forcing leaves: at test time the decoder conditions on
  its own mistakes, which it never saw in training.

  Scheduled sampling narrows it by feeding the model's own tokens now and then.

Beam search
Beam decoding
  Keeping the $k$ best partial sequences at each step:
  - $k = 1$ is greedy decoding
  - a larger $k$ finds likelier sequences at $k$ times the cost

$\\mathcal{V}$
  the vocabulary.
```

## Attention

:::{glossary}
Cross-attention
  Attention whose queries come from one sequence and whose keys and values come from another.
:::
"""


SEQ = NOTES.add({"seq.md": GLOSSARY_DIRECTIVE})


def test_a_myst_glossary_gives_a_definition_an_entry_with_all_of_it(shared):
    """Jupyter Book's `{glossary}`: a term on its line, its definition indented under it (paragraphs, a list); one
    definition card an entry with the whole definition, names of one thing on one card, a symbol no card."""
    found = {c["front"]: c["back"] for c in
             shared.cards(SEQ)}
    assert found["Sequence models\n\nDefine: Teacher forcing"] == (
        "Training a decoder on the true previous token rather than its own\nprediction, which makes training "
        "parallel over positions.")
    assert found["Sequence models\n\nDefine: Exposure bias"].endswith(
        "never saw in training.\n\nScheduled sampling narrows it by feeding the model's own tokens now and then.")
    assert found["Sequence models\n\nDefine: Beam search (Beam decoding)"].endswith(
        "- $k = 1$ is greedy decoding\n- a larger $k$ finds likelier sequences at $k$ times the cost")
    assert found["Sequence models › Attention\n\nDefine: Cross-attention"].startswith("Attention whose queries")
    assert not any("vocabulary" in back or ":sorted:" in back for back in found.values()), found
