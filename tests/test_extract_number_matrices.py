"""A formula whose matrices hold only numbers (a step of attention worked by hand, `\\begin{pmatrix} 0.707 & 0 \\\\ …`)
is a worked example, not a formula to learn: the name of the matrix's environment is no symbol of it (issue 23,
point 3). A matrix of symbols (a rotation, a covariance) is still a formula card. Notes of my own, extract API."""

from __future__ import annotations

from mlwiki.extract import NoteContext, extract

BY_HAND = r"""# Softmax by hand

## Step 2 — scale by $1/\sqrt 2$

$$
\frac{S}{\sqrt 2} \approx \begin{pmatrix} 0.707 & 1.414 & 0 \\ 0 & 0.707 & 2.121 \end{pmatrix}
$$

## Step 3 — normalise each row

$$
P \approx \begin{pmatrix} 0.33 & 0.67 & 0 \\ 0 & 0.20 & 0.80 \end{pmatrix}
$$

## Rotation

A rotation of the plane by an angle $\theta$ is the matrix:

$$
R(\theta) = \begin{pmatrix} \cos\theta & -\sin\theta \\ \sin\theta & \cos\theta \end{pmatrix}
$$
"""


def test_matrices_of_numbers_are_worked_examples_and_matrices_of_symbols_are_formulas():
    cards = extract(BY_HAND, NoteContext(path="softmax.md", sections=True)).cards
    backs = "\n".join(c.back for c in cards)
    assert "0.707" not in backs and "0.67" not in backs, cards
    assert any("\\cos\\theta" in c.back for c in cards), cards
