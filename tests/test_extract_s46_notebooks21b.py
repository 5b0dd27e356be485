"""Session 46 (notebooks21b): a lab log kept in a notebook as dated entries, and a bag of tips whose one untitled
item stayed under the bag's heading. The notes are written for these tests; the CLI reads them as a scan would."""

from __future__ import annotations

from test_extract_s46_notebooks21 import cards, holding, notebook

LOG = notebook("""# Lab diary: MNIST

Running log of my homework runs, newest last.

### 2025-01-10
**Starting point**: two dense layers, Adam lr 3e-4, 5 epochs.

Loss stayed flat for the first epoch and then dropped fast: the weights needed to leave the saturated region. Large initial weights push sigmoid units into their flat tails.

### 2025-01-12
Swapped to label smoothing 0.1: 98.1 vs 97.9, so the confidence histogram lost its spike at one. Smoothed targets stop the logits from growing without bound.
""")


def test_a_dated_entry_cards_its_lesson_asked_by_what_was_seen(tmp_path):
    found = cards(tmp_path, {"diary.ipynb": LOG})
    assert not [c for c in found if "2025-01" in c["front"]]
    assert not holding(found, "Starting point") and not holding(found, "Running log")
    assert [c["front"] for c in holding(found, "Large initial weights push")] == [
        "Lab diary: MNIST › Loss stayed flat for the first epoch and then dropped fast: the weights needed to "
        "leave the saturated region. Why?"]
    assert [c["front"] for c in holding(found, "Smoothed targets stop")] == [
        "Lab diary: MNIST › The confidence histogram lost its spike at one. Why?"]
    assert not holding(found, "98.1")


BAG = notebook("""# Knowledge distillation

## Pitfalls

- keep the **same temperature** for teacher and student logits during training
- with a tiny student, distillation from a huge teacher can be worse than from a medium one
- Cho and Hariharan 2019: early stopping the teacher often gives a better student
""")


def test_the_one_item_left_under_a_bag_heading_is_asked_by_its_bold_term(tmp_path):
    found = cards(tmp_path, {"kd.ipynb": BAG})
    assert [c["front"] for c in holding(found, "same temperature")] == [  # (its bold term asked by the sentence that
        "Knowledge distillation › Pitfalls\n\nkeep the … for teacher and student logits during training"]  # sets it)
    assert not [c for c in found if "What are the pitfalls" in c["front"]]
