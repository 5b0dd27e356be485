"""Fronts that end on a writer's label, not a subject (session 61): "Define: Key fact", "… › Bug I had", "… ›
Boosted trees too". Such a label says what kind of remark follows or where it sits, not what is asked; the card asks
the label's kind of the subject above it, or shows the label with its sentence's cue and hides the rest. Every note
is written to one wiki in tmp_path, scanned once through the CLI (`cards --json`); each test reads its own note's
cards."""

from __future__ import annotations

import json

import pytest

from conftest import new_wiki, run

CONFIG = 'name = "T"\nformulas = "display"\ndefinitions = true\nsections = true\n[review]\ntimezone = "UTC"\n'
NOTES: dict[str, str] = {}  # (path below notes/ → text: each test's note, filled in below)


@pytest.fixture(scope="module")
def cards(tmp_path_factory) -> list[dict]:
    """`mlwiki cards --json` of a wiki holding every note of this module."""
    root = new_wiki(tmp_path_factory.mktemp("heading61"), NOTES, CONFIG)
    return json.loads(run(root, "cards", "--json", ok=True).output)


def _made(cards: list[dict], rel: str) -> dict[str, str]:
    """{front: back} of the cards of the note `rel`."""
    return {c["front"]: c["back"] for c in cards if c["source"]["path"] == f"notes/{rel}"}


NOTES["kmeans.md"] = (
    "# k-means clustering\n\n## Choosing k\n\nThe elbow plot shows inertia against k.\n\n"
    "**Key fact**: inertia always falls as k grows, so the lowest inertia never picks k by itself.\n\n"
    "## Fitting in sklearn\n\n`KMeans.fit` takes the points, one row each.\n\n### Bug I had\n\n"
    "Bug I had: passed the distances instead of the points to `KMeans.fit`, and sklearn clustered the rows of the "
    "distance matrix without any error.\n")

NOTES["stationarity.md"] = (
    "# Stationarity\n\n## Why differencing matters\n\n"
    "- ARMA models assume a series whose mean and autocovariance do not move over time.\n"
    "- Spurious regression: two independent random walks regressed on each other give a huge R² that means "
    "nothing.\n"
    "- Sample statistics only estimate something fixed when the series does not drift.\n"
    "- Boosted trees too: a tree ensemble cannot predict above the largest training target, so a trending series "
    "needs differencing first.\n")


def test_a_key_fact_label_is_asked_as_the_key_fact_of_its_subject(cards):
    """"**Key fact**: …" under "Choosing k" is no term to define: the card asks for the key fact about choosing k."""
    made = _made(cards, "kmeans.md")
    fronts = [front for front, back in made.items() if back.startswith("inertia always falls")]
    assert fronts == ["k-means clustering › Choosing k\n\nWhat is the key fact about choosing k?"]


def test_a_bug_the_writer_had_is_asked_as_the_catch_of_its_subject(cards):
    """A "Bug I had" heading names the writer's story, not a subject: the card asks the catch with what the heading
    above names (fitting in sklearn), and keeps the bug as its answer."""
    made = _made(cards, "kmeans.md")
    fronts = [front for front, back in made.items() if back.startswith("Bug I had: passed the distances")]
    assert len(fronts) == 1 and fronts[0].endswith("\n\nWhat is the catch with fitting in sklearn?")


def test_a_label_that_only_links_on_leads_its_sentence_cue(cards):
    """An item's label "Boosted trees too" is no subject ("too" links it to the items before): the front shows it
    with its sentence's first words and hides the rest, under the section's heading."""
    made = _made(cards, "stationarity.md")
    fronts = [front for front, back in made.items() if "tree ensemble cannot predict" in back]
    assert len(fronts) == 1
    assert not fronts[0].endswith("› Boosted trees too")
    assert fronts[0].startswith("Stationarity › Why differencing matters\n\nBoosted trees too: a tree ensemble")
    assert fronts[0].endswith("[...]") and "largest training target" not in fronts[0]
