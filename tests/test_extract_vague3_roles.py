"""Heading-only cards over several facts (issue 23): a section whose prose states what goes wrong and then, in a
sentence or paragraph of its own, opens on the label of the role that fact plays ("Fix: …", "Drawback: …") holds two
facts; the label's fact becomes a card "path › label", the rest stays on the heading's card. A label that names no
such role ("Picture: …") goes on from the text before it. A list whose first item opens on its own label ("- cost:
…") is split like its other labelled items, not kept as the section's opening. Notes of my own, read through the
CLI or the extract API."""

from __future__ import annotations

import pytest


from mlwiki.extract.fact_parts import split_term_items
from mlwiki.extract.label_parts import split_label_parts
from shared_notes import Scanned, SharedNotes

CONFIG = 'name = "T"\nformulas = "display"\ndefinitions = true\nsections = true\n[review]\ntimezone = "UTC"\n'


def test_a_sentence_opening_on_a_fix_is_a_card_of_its_own():
    split = split_label_parts("Caching › Stale reads", (
        "Readers that hit a replica before the write reaches it see the old value, so a user may not find the "
        "comment they just posted. Fix: route a user's reads to the primary for a few seconds after they write."))
    assert split is not None
    fronts = dict(split)
    assert fronts["Caching › Stale reads"].endswith("the comment they just posted."), split
    fix = fronts["Caching › Stale reads › Fix\n\nReaders that hit a replica before the write reaches it see the old "
                 "value, so a user may not find the comment they just posted. Fix?"]  # (the fix of what: shown)
    assert fix.startswith("Fix: route a user's reads"), split


def test_a_drawback_paragraph_after_the_section_text_is_a_card_of_its_own():
    split = split_label_parts("Bloom filters", (
        "A bit array and k hash functions answer whether an element may be in a set, in constant memory.\n\n"
        "Drawback: false positives grow with the fill ratio, and elements cannot be removed."))
    assert split is not None
    fronts = dict(split)
    assert fronts["Bloom filters"].startswith("A bit array"), split
    assert fronts["Bloom filters › Drawback"].startswith("Drawback: false positives"), split


def test_a_label_that_names_no_role_goes_on_from_the_text_before_it():
    assert split_label_parts("Bloom filters", (
        "A bit array and k hash functions answer whether an element may be in a set, in constant memory. "
        "Picture: a row of lamps, each element lighting k of them.")) is None
    assert split_label_parts("Bloom filters", (
        "A bit array and k hash functions answer whether an element may be in a set.\n\n"
        "Standard: three hash functions for a filter of a few kilobytes, chosen by the expected count.")) is None


SUFFIX = "\n".join([
    "# Suffix arrays", "", "Sorted suffixes of a string, stored as their start offsets.", "",
    "## Building one", "",
    "- cost: $O(n \\log n)$ time with prefix doubling, linear memory; fine for texts of a few hundred megabytes, "
    "beyond that the memory of the rank arrays dominates.",
    "- never compare whole suffixes: compare ranks of their halves, doubling the compared length each round, "
    "which keeps every comparison constant time.",
    "- keep a sentinel smaller than every character at the end of the text for simpler bounds checks",
    "- going further: induced sorting (SA-IS) reaches linear time and is what most libraries ship today, "
    "with a small constant factor.", "",
    "```python", "sa = sorted(range(len(s)), key=lambda i: s[i:])", "```", ""])


NOTES = SharedNotes(CONFIG)  # every test's notes, in wikis scanned once for the module


@pytest.fixture(scope="module")
def shared(tmp_path_factory) -> Scanned:
    return NOTES.scan(tmp_path_factory)


SUFFIX_ARRAYS = NOTES.add({"Suffix arrays.md": SUFFIX})


def test_a_list_that_opens_on_a_labelled_item_splits_that_item_too(shared):
    cards = shared.backs_by_front(SUFFIX_ARRAYS)
    cost = next(back for front, back in cards.items() if front.startswith("Suffix arrays › Building one › cost"))
    assert "prefix doubling" in cost, cards
    kept = cards["Suffix arrays › Building one"]
    assert "sentinel" in kept and "prefix doubling" not in kept, cards


OPTIONS = "\n".join([
    "# Load shedding", "", "Dropping work on purpose when a service is overloaded.", "",
    "## Which requests to drop", "", "When the queue is full some requests must go. Options:", "",
    "1. **newest first** — cheap to do, but the clients that just arrived see every failure",
    "2. **oldest first**: they have probably timed out on the client side already, so serving them is wasted work "
    "and dropping them costs nothing anyone would notice",
    "3. **by priority** — needs a priority on every request, set by the caller",
    "4. **random** — fair on average, but a retry storm keeps hitting the same overloaded queue",
    "   - add jitter to the clients' backoff", "   - cap the retries per request", ""])


LOAD_SHEDDING = NOTES.add({"Load shedding.md": OPTIONS})


def test_a_list_of_options_each_explained_at_length_is_a_card_per_option(shared):
    cards = shared.backs_by_front(LOAD_SHEDDING)
    whole = cards["Load shedding › Which requests to drop"]
    assert "newest first" in whole and "cheap to do" not in whole and "timed out" not in whole, cards
    assert cards["Load shedding › Which requests to drop › oldest first"].startswith("**oldest first**: they have")
    assert "cap the retries" in cards["Load shedding › Which requests to drop › random"], cards


def test_short_options_and_steps_stay_one_list():
    short = "- **p50** — the median latency\n- **p99** — the latency one request in a hundred exceeds\n" \
            "- **max** — the slowest request seen, often an outlier"
    assert split_term_items("Latency › Percentiles", short) is None
    steps = "\n".join(f"{k}. **{verb}** the {what}, which takes a while on a cold cache and more on a warm one "
                      "when the disks are busy" for k, (verb, what) in enumerate(
                          [("Drain", "node"), ("Upgrade", "kernel"), ("Reboot", "machine")], 1))
    assert split_term_items("Maintenance › Rolling upgrade", steps) is None


def test_terms_alone_on_their_lines_explained_by_the_items_under_them_are_a_card_each():
    """"- **Circuit breaker** (client side)" over the items that explain it: the term is the item's whole line, its
    text the sub-items; each term a card "path › term". Numbered terms over sub-items are steps in order."""
    back = "\n".join(["- **Circuit breaker** (client side)", "  - stops calling a service that keeps failing",
                      "  - lets one probe through after a cool-down to see whether it recovered",
                      "- **Bulkhead**", "  - gives each dependency its own pool of threads and connections",
                      "  - so one slow dependency cannot starve the others",
                      "- **Timeout**", "  - bounds how long a caller waits before it gives up on the answer"])
    parts = dict(split_term_items("Resilience › Patterns", back) or [])
    assert "stops calling a service" in parts.get("Resilience › Patterns › Circuit breaker", ""), parts
    assert "own pool of threads" in parts.get("Resilience › Patterns › Bulkhead", ""), parts
    assert "how long a caller waits" in parts.get("Resilience › Patterns › Timeout", ""), parts
    numbered = "\n".join(line.replace("- **", "1. **", 1) if line.startswith("- ") else "  " + line
                         for line in back.split("\n"))
    assert split_term_items("Resilience › Steps", numbered) is None
