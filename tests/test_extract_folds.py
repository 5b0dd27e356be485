"""HTML folds as GitHub shows them (`<details><summary>…</summary> … </details>`): a fold titled by a subject is a part
of its section titled so; one titled by a question is a question card; one that only says what unfolding shows
("Answer", "Show code") is the section's own text, or the answer of the bold question right before it."""

from __future__ import annotations

from conftest import backs_by_front, new_wiki

CONFIG = 'name = "T"\nsections = true\n[review]\ntimezone = "UTC"\n'

NOTE = """# Matrix factorization

Matrix factorization approximates the rating matrix by two low-rank factors, one row per user and one per item.

<details>
<summary>Why regularise the factors?</summary>

Without the penalty the factors fit the few observed ratings exactly and predict the missing ones badly.

</details>

## ALS

ALS fixes the item factors and solves a ridge regression for each user, then swaps the roles.

<details><summary>Cost of one sweep</summary>

Each user's solve costs a small linear system in the rank, so a sweep is linear in the number of ratings.
</details>

**Why does ALS parallelise well?**

<details><summary>Answer</summary>

The users' solves are independent once the item factors are fixed.

</details>
"""


def cards(tmp_path):
    return backs_by_front(new_wiki(tmp_path, {"mf.md": NOTE}, CONFIG))


def test_a_fold_titled_by_a_question_is_a_question_card(tmp_path):
    made = cards(tmp_path)
    assert made["Matrix factorization\n\nWhy regularise the factors?"].startswith("Without the penalty"), made
    assert "Without the penalty" not in made["Matrix factorization\n\nWhat does matrix factorization approximate?"]


def test_a_fold_titled_by_a_subject_is_a_part_titled_so(tmp_path):
    made = cards(tmp_path)
    assert made["Matrix factorization › ALS › Cost of one sweep"].startswith("Each user's solve costs"), made
    assert "Each user's solve" not in made["Matrix factorization › ALS"]


def test_a_fold_right_after_a_bold_question_is_its_answer(tmp_path):
    made = cards(tmp_path)
    assert made["Matrix factorization › ALS\n\nWhy does ALS parallelise well?"] == \
        "The users' solves are independent once the item factors are fixed.", made
    assert not any("Answer" in front for front in made)
    assert not any("<details" in back or "summary>" in back for back in made.values())
