"""Give-away fronts (session 62): a list of claims under a heading that gathers them ("Properties", "Weaknesses",
"Pitfalls") whose items were asked by their own bold labels, the label being the claim the back answers with. Every
note is written to one wiki in tmp_path, scanned once through the CLI (`cards --json`); each test reads the cards of
its own note."""

from __future__ import annotations

import json

import pytest

from conftest import made_by_note as _made, new_wiki, run

CONFIG = 'name = "T"\nformulas = "display"\ndefinitions = true\nsections = true\n[review]\ntimezone = "UTC"\n'
NOTES: dict[str, str] = {}  # (path below notes/ → text: each test's note, filled in below)


@pytest.fixture(scope="module")
def cards(tmp_path_factory) -> list[dict]:
    """`mlwiki cards --json` of a wiki holding every note of this module."""
    root = new_wiki(tmp_path_factory.mktemp("giveaway62"), NOTES, CONFIG)
    return json.loads(run(root, "cards", "--json", ok=True).output)


NOTES["k-medoids.md"] = (
    "# k-medoids\n\n"
    "Clusters around actual data points (medoids) instead of means.\n\n"
    "## Properties\n\n"
    "- **Works with any dissimilarity** — only pairwise distances are needed, never a mean of points.\n"
    "- **Less sensitive to outliers** than k-means, since a medoid cannot be dragged off into empty space.\n"
    "- **Medoids are interpretable**; each cluster is summarised by a real example you can show.\n"
    "- **Deterministic given the initial medoids** — the swap phase is greedy but has no random steps.\n"
    "- No closed-form update: every candidate medoid is scored against its cluster.\n\n"
    "## Weaknesses\n\n"
    "- **Slow on large data**: PAM's swap step costs $O(k(n-k)^2)$ per iteration.\n"
    "- **Needs k in advance**: the silhouette is the usual way to pick it.\n"
    "- **Convex clusters only**: like k-means, every point joins its nearest medoid.\n")


def test_a_claim_asked_by_its_own_label_is_blanked(cards):
    """"k-medoids › Properties › Works with any dissimilarity" over "**Works with any dissimilarity** — only …"
    holds its answer on the front; the card shows what the item says and asks for the claim."""
    made = _made(cards, "k-medoids.md")
    assert "k-medoids › Properties › Works with any dissimilarity" not in made
    front = "k-medoids › Properties\n\n[...] — only pairwise distances are needed, never a mean of points."
    assert made.get(front) == "Works with any dissimilarity"
    assert made.get("k-medoids › Properties\n\n[...], since a medoid cannot be dragged off into empty space.") \
        == "Less sensitive to outliers than k-means"  # (the heading's words, past the bold lead)
    # (a label its item defines after a colon, "**Slow on large data**: …", "No closed-form update: …", names a
    # term: never the answer, and asked by its label as before)
    assert "Slow on large data" not in made.values()
    assert made.get("k-medoids › Properties › No closed-form update") \
        == "No closed-form update: every candidate medoid is scored against its cluster."
