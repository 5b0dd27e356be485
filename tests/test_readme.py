"""Cards from a course repository (issue 23): the README's overview of the subject among its schedule and set-up,
a lecture's closing recap that says again what the lecture carded, and the record of a class session under a
notebook's title. The notes are written here in the style of a course's notebooks and GitHub README; the CLI reads
them as a user's scan would."""

from __future__ import annotations

import json

from conftest import backs_by_front, new_wiki, run

CONFIG = 'name = "C"\ndefinitions = true\nsections = true\n[review]\ntimezone = "UTC"\n'


def cards(tmp_path, notes: dict[str, str]) -> dict[str, str]:
    return backs_by_front(new_wiki(tmp_path, notes, CONFIG))


COURSE_README = """# Signal processing course

The notebooks I keep for the course, with my own remarks in them. Open them with `jupyter lab`.

## Timetable

| Week | Topic |
|---|---|
| 1 | [Sampling](notebooks/sampling.ipynb) |
| 2 | [Filters](notebooks/filters.ipynb) |

Install: `pip install numpy scipy`.

## Core ideas

- Two kinds of filters:
  - **FIR filter** — its output depends on a finite window of past inputs only
  - **IIR filter** — its output also feeds back, so one impulse can ring for ever
- Aliasing:
  - sampling below twice the highest frequency folds high tones onto low ones

## Papers

- [x] Shannon 1949, *Communication in the presence of noise* — https://example.org/shannon
- [ ] Nyquist 1928
"""


def test_a_readme_cards_its_overview_of_the_subject_but_not_its_schedule_setup_or_papers(tmp_path):
    found = cards(tmp_path, {"README.md": COURSE_README})
    backs = "\n".join(found.values())
    assert "finite window of past inputs" in backs and "folds high tones" in backs, found
    assert all("Core ideas" in front for front in found), "only the overview section makes cards"
    for off in ("Sampling", "pip install", "jupyter", "Shannon", "Nyquist", "remarks"):
        assert off not in backs and not any(off in front for front in found), off
    linked = COURSE_README.replace("for ever", "for ever ([demo](demo.md))")
    assert cards(tmp_path / "two", {"README.md": linked}) == {}, "a link marks a section about the repository"
    lead_only = "# Notes\n\n- **Layout**: one folder per week, a notebook in each\n- **Build**: render the book first\n"
    assert cards(tmp_path / "three", {"README.md": lead_only}) == {}, "the opening introduces the repository"




LECTURE = """# Lecture 3: Hashing

## Open addressing

Open addressing stores every key in the table itself and probes further slots on a collision.

## Load factor

The load factor is the number of keys divided by the number of slots; lookups slow down sharply as it nears one.

## Recap

- open addressing stores every key in the table itself, probing further slots on a collision
- lookups slow down sharply as the load factor nears one
- deletions in open addressing need tombstones, or later probes stop too early
"""


def test_a_recap_does_not_card_again_what_its_lecture_carded(tmp_path):
    found = cards(tmp_path, {"hashing.md": LECTURE})
    recap = {front: back for front, back in found.items() if "Recap" in front}
    assert any("tombstones" in back for back in recap.values()), "a bullet said only in the recap stays"
    assert not any("probing further" in back or "nears one" in back for back in recap.values()), recap
    assert any("probes further slots" in back for back in found.values()), "the lecture's own cards stay"
    only = "# Hashing\n\n## Recap\n\n- open addressing keeps keys in the table\n- chaining keeps a list per slot\n"
    alone = cards(tmp_path / "two", {"hashing.md": only})
    assert any("open addressing" in b and "chaining" in b for b in alone.values()), "all the note says: it stays"




SESSION = """# Lecture 2: Sorting

CS210 week 2 · slides 14–52

(missed the first quarter of an hour — the start is from a classmate's notes)

## Merge sort

Merge sort splits the array in halves, sorts each half and merges them in linear time.
"""

LAB = """# Lab 2: Sorting in practice

Week 2 lab, in pairs (me + Jo). Answers go in the cells under each task.

## Timing

Insertion sort beats merge sort on arrays of a few dozen items because it has almost no overhead.
"""


def test_the_record_of_a_class_session_under_the_title_is_no_card(tmp_path):
    found = cards(tmp_path, {"sorting.md": SESSION, "lab2.md": LAB})
    backs = "\n".join(found.values())
    for off in ("slides", "classmate", "pairs", "Answers go"):
        assert off not in backs, (off, found)
    assert "merges them in linear time" in backs and "almost no overhead" in backs
    opening = SESSION.replace("CS210 week 2 · slides 14–52", "Sorting puts the items of a list in order of a key.")
    kept = cards(tmp_path / "two", {"sorting.md": opening})
    assert any("in order of a key" in back for back in kept.values()), "an opening that states a fact stays"




def test_a_sentence_that_only_names_a_result_s_source_leaves_the_back(tmp_path):
    note = ("# Gradient descent\n\n## Rate\n\nA classic result, from Nesterov 2004 (Thm 2.1.15), restated in my "
            "notation. On a smooth strongly convex function gradient descent converges linearly to the minimum.\n")
    found = cards(tmp_path, {"gd.md": note})
    backs = "\n".join(found.values())
    assert "converges linearly" in backs and "Nesterov" not in backs, found


def test_session_lines_in_a_notebook_are_no_card_either(tmp_path):
    cells = [{"cell_type": "markdown", "metadata": {}, "source": [text]} for text in (
        "# Lecture 5: Trees", "MATH101 week 5 · slides 1–20", "## Splits",
        "A split picks the feature whose threshold lowers the impurity the most.")]
    notebook = json.dumps({"cells": cells, "metadata": {}, "nbformat": 4, "nbformat_minor": 5})
    root = new_wiki(tmp_path, {"trees.ipynb": notebook}, CONFIG)
    found = backs_by_front(root)
    assert not any("slides" in back for back in found.values()), found
    assert any("impurity" in back for back in found.values()), run(root, "cards").output
