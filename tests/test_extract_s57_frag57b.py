"""Fragments under a display formula (session 57, frag57b, the held33 judges): a second reading led by "Or:" stays
on the card of the first, not a card "… › Or"; the end of the formula's own sentence after the display ("now grows without bound where …") stays before the conclusion it grounds. Notes
written to tmp_path, read back through the CLI."""

from __future__ import annotations

import pytest

from shared_notes import Scanned, SharedNotes

CONFIG = 'name = "T"\nformulas = "display"\ndefinitions = true\nsections = true\n[review]\ntimezone = "UTC"\n'


def _front_of(made: dict[str, str], said: str) -> str:
    """The front of the card whose back holds `said`."""
    return next(front for front, back in made.items() if said in back)


NOTES = SharedNotes(CONFIG)  # every test's notes, in wikis scanned once for the module


@pytest.fixture(scope="module")
def shared(tmp_path_factory) -> Scanned:
    return NOTES.scan(tmp_path_factory)


CE = NOTES.add({
    "ce.md": (
        "# Information\n\n## Cross-entropy\n\n"
        "$$\nH(p, q) = -\\sum_x p(x) \\log q(x)\n$$\n\n"
        "(an integral for densities). Read as: the average code length when samples of p are coded for q. "
        "Or: the expected surprise of q at outcomes actually drawn from p.\n")
})


def test_a_reading_led_by_or_stays_with_the_reading_before_it(shared):
    """Two readings of one formula, the second led by "Or:": one card holds both; no front ends on "› Or"."""
    made = shared.backs_by_front(CE)
    assert not any(front.split("\n\n")[0].endswith("› Or") for front in made), made
    back = made[_front_of(made, "expected surprise of q")]
    assert "average code length" in back, made


DIV = NOTES.add({
    "div.md": (
        "# Divergences\n\n## Why the forward direction spreads out\n\n"
        "$$\nD(a\\|b) = \\sum_x a(x) \\log \\frac{a(x)}{b(x)}\n$$\n"
        "now grows without bound wherever $a > 0$ while $b \\to 0$. So $b$ has to stay positive on all of "
        "the support of $a$, spreading over every mode.\n")
})


def test_the_end_of_the_formula_sentence_keeps_the_reason(shared):
    """"now grows without bound where …" ends the formula's sentence after its display: it stays on the card of
    the conclusion drawn from it ("So …"), which without it gives no reason."""
    made = shared.backs_by_front(DIV)
    back = made[_front_of(made, "has to stay positive")]
    assert "grows without bound wherever" in back, made
