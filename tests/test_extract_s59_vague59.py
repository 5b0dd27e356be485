"""Vague fronts made to ask (session 59): a heading over a paragraph that stresses one claim asks that claim; a list
item blanked whole that opens on a name in code or math keeps the name as its cue; a plural heading over numbered
points is not asked "How does … work?". Every note is written to one wiki in tmp_path, scanned once through the CLI
(`cards --json`); each test reads the cards of its own note."""

from __future__ import annotations

import json

import pytest

from conftest import new_wiki, run
from mlwiki.ids import card_id

CONFIG = 'name = "T"\nformulas = "display"\ndefinitions = true\nsections = true\n[review]\ntimezone = "UTC"\n'
NOTES: dict[str, str] = {}  # (path below notes/ → text: each test's note, filled in below)


@pytest.fixture(scope="module")
def cards(tmp_path_factory) -> list[dict]:
    """`mlwiki cards --json` of a wiki holding every note of this module."""
    root = new_wiki(tmp_path_factory.mktemp("vague59"), NOTES, CONFIG)
    return json.loads(run(root, "cards", "--json", ok=True).output)


def _made(cards: list[dict], rel: str) -> dict[str, str]:
    """{front: back} of the cards of the note `rel`."""
    return {c["front"]: c["back"] for c in cards if c["source"]["path"] == f"notes/{rel}"}


NOTES["kalman.md"] = (
    "# Kalman filter\n\n"
    "## Optimality\n\n"
    "For a linear system with Gaussian process and measurement noise, **the Kalman filter is the minimum-variance "
    "estimator among all estimators, linear or not** (not just among linear ones). So with non-Gaussian noise it is "
    "only the best linear estimator, and a particle filter can beat it.\n\n"
    "## Tuning in practice\n\n"
    "Everyone fiddles with $Q$ and $R$ until the track looks smooth. ==Too small a process noise $Q$ makes the filter "
    "trust its model and ignore new measurements== — it lags behind a manoeuvring target.\n\n"
    "## Divergence\n\n"
    "Over many steps round-off adds up: **symmetrise** $P$ after each update. ==A covariance that stops being "
    "positive definite sends the gain off to nonsense== (the Joseph form of the update avoids it).\n\n"
    "## Gain\n\n"
    "**Weighting the prediction against the measurement by their covariances** gives the gain, so a noisy sensor "
    "moves the estimate only a little.\n\n"
    "## Lags behind manoeuvring targets\n\n"
    "When $Q$ is tuned too small for the target, the filter **lags behind manoeuvring targets** and recovers only "
    "slowly after each turn.\n\n"
    "## Two knobs\n\n"
    "Two settings matter more than the rest: **the process noise covariance** and **the measurement noise "
    "covariance**.\n")


def test_a_heading_over_a_paragraph_that_stresses_one_claim_asks_that_claim(cards):
    """"Optimality" or "Tuning in practice" says where the paragraph is, not what is asked: the claim the writer set
    in bold or ==highlight== is asked as a cloze, the rest of the paragraph shown around the blank; the card keeps
    its id. A stressed subject, one of two stressed items or a claim the heading says is not asked alone."""
    made = _made(cards, "kalman.md")
    asked = [front for front, back in made.items()
             if back == "the Kalman filter is the minimum-variance estimator among all estimators, linear or not"]
    assert asked and asked[0].startswith("Kalman filter › Optimality\n\nFor a linear system with Gaussian process")
    assert "[...] (not just among linear ones)" in asked[0]
    tuned = [front for front, back in made.items() if back.startswith("Too small a process noise $Q$ makes")]
    assert tuned and "[...] — it lags behind a manoeuvring target." in tuned[0]
    assert "Kalman filter › Optimality" not in made and "Kalman filter › Tuning in practice" not in made
    assert any(back == "A covariance that stops being positive definite sends the gain off to nonsense"
               and front.endswith("[...] (the Joseph form of the update avoids it).")
               for front, back in made.items())  # (a claim that opens its sentence, an aside in brackets after it)
    # (the card is the section's card it was, asked now: its id is the one its bare heading gave it, so its reviews
    # are kept)
    ids = {c["front"]: c["id"] for c in cards if c["source"]["path"] == "notes/kalman.md"}
    assert ids[asked[0]] == card_id("basic", "section: Kalman filter › Optimality")
    # (a bold phrase that is its sentence's subject, "**Weighting …** gives …", is what the sentence goes on about;
    # one of two items stressed alike, "**A** and **B**", asks half an answer: neither is made a cloze)
    assert not any("[...]" in front for front in made if "› Gain" in front or "› Two knobs" in front)
    # (nor a claim its heading already says: the blank would be given away)
    assert not any("[...]" in front for front in made if "› Lags behind" in front)


NOTES["optimizer.md"] = (
    "# Adam in PyTorch\n\n"
    "## Arguments\n\n"
    "- `betas` (first and second moment decays) default to 0.9 and 0.999, fine for almost everything\n"
    "- `eps` — added to the denominator for numerical stability, sometimes raised to 1e-6 for mixed precision\n"
    "- `weight_decay` is L2 added to the gradient, which is not decoupled weight decay (use AdamW for that)\n"
    "- `amsgrad` keeps the running maximum of the second moment instead of its average\n")


def test_a_list_item_blanked_whole_keeps_the_name_it_opens_on_as_its_cue(cards):
    """In a list of arguments (or of symbols), each item opens on the name it is about: the item asked keeps that
    name before its blank ("- `eps` — [...]"), where a bare "- [...]" among four knobs asks any of them."""
    made = _made(cards, "optimizer.md")
    fronts = [front for front in made if "[...]" in front]
    assert fronts and not any("\n- [...]" in front for front in fronts)
    eps = [front for front, back in made.items() if back.startswith("`eps` — added to the denominator")]
    assert eps and "\n- `eps` — [...]" in eps[0]


NOTES["ppo.md"] = (
    "# PPO\n\n"
    "## Implementation details that matter\n\n"
    "1. normalise advantages per minibatch before the loss\n"
    "2. clip the global gradient norm at 0.5\n"
    "3. anneal the learning rate linearly to zero\n"
    "4. initialise the policy head with a small orthogonal gain\n")


def test_a_plural_heading_over_numbered_points_is_not_asked_how_it_works(cards):
    """"Implementation details that matter" names several things, no procedure: "How does implementation details
    that matter work?" is no question a learner can read."""
    made = _made(cards, "ppo.md")
    assert not any("work?" in front for front in made)


NOTES["bpe.md"] = (
    "# Tokenizers\n\n"
    "## Recall@k\n\n"
    "Trap: a user with 200 relevant items can reach a recall@10 of at most 0.05 even with a perfect ranking.\n")


def test_a_back_that_opens_on_a_trap_asks_it_as_a_catch(cards):
    """"Trap: …" is a catch (as "Catch: …" and "Gotcha: …" are), asked of the subject above it."""
    made = _made(cards, "bpe.md")
    assert any(front.endswith("What is the catch with Recall@k?") for front in made)


NOTES["beam.md"] = (
    "# Beam search\n\n"
    "## Length penalty\n\n"
    "Because each token multiplies in a probability, longer hypotheses always score lower than short ones without "
    "a length correction. Dividing the log-probability by the length to the power 0.6 to 1 removes most of that bias. Too "
    "strong a penalty makes the outputs ramble on past the natural end.\n")


def test_a_sentence_blanked_whole_keeps_its_opening_reason_as_its_cue(cards):
    """A sentence that opens on the reason for what it says ("Because each token multiplies in a probability, …")
    keeps that clause before its blank: "Because each token [...]" would name nothing asked."""
    made = _made(cards, "beam.md")
    asked = [front for front, back in made.items() if back.startswith("Because each token")]
    assert asked and "Because each token multiplies in a probability, [...]" in asked[0]
