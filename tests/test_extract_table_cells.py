"""Comparison tables carded once per fact (issue 23): a column of short values is its own card, so a row's card
no longer asks it too; what a row has left is asked under its row and column ("… › heapsort › caveat"), and a row
of more than three cells is a card per cell, not one back of unrelated facts; a table that sets its section's
subject beside its peers is carded under the section above; a column headed by a question ("What does it do?")
is named on its row's front too. Notes of my own, through the extract API."""

from __future__ import annotations

from mlwiki import ids
from mlwiki.extract import NoteContext, extract


def _cards(body: str, path: str = "Sorting.md") -> dict[str, str]:
    found = extract(body, NoteContext(path=path, sections=True, title=path[:-3]))
    return {c.front: c.back for c in found.cards}


SHORT = "\n".join([
    "# Sorting", "",
    "## Side by side", "",
    "| algorithm | stable | in place | worst case | adaptive | parallel |",
    "|---|---|---|---|---|---|",
    "| merge sort | yes | no | $n \\log n$ | no | easily |",
    "| heapsort | no | yes | $n \\log n$ | no | hardly |",
    "| insertion sort | yes | yes | $n^2$ | yes | no |",
    "| quicksort | no | yes | $n^2$ | no | easily |", ""])


def test_a_row_of_short_values_carded_by_its_columns_is_no_card_again():
    cards = _cards(SHORT)
    assert cards["Sorting › Side by side › stable, by algorithm"] == ("- merge sort: yes\n- heapsort: no\n"
                                                                      "- insertion sort: yes\n- quicksort: no")
    assert sum(", by algorithm" in front for front in cards) == 5
    assert not any("heapsort" in front for front in cards), "each fact once: on its column's card"


MIXED = "\n".join([
    "# Sorting", "",
    "## Comparison sorts", "",
    "### Heapsort", "",
    "It builds a binary heap in the array and pops the largest element to the end, one at a time.", "",
    "| algorithm | stable | in place | caveat |",
    "|---|---|---|---|",
    "| merge sort | yes | no | needs a buffer as long as the input |",
    "| heapsort | no | yes | poor cache behaviour on large arrays |",
    "| quicksort | no | yes | a bad pivot rule makes it quadratic |", ""])


def test_what_a_row_has_left_is_asked_under_its_row_and_column_and_keeps_its_id():
    found = extract(MIXED, NoteContext(path="Sorting.md", sections=True, title="Sorting"))
    cards = {c.front: c for c in found.cards}
    card = cards["Sorting › Comparison sorts › merge sort › caveat"]  # (the section's subject beside its peers:
    # the table is the section above's, not "Heapsort › merge sort")
    assert card.back == "needs a buffer as long as the input"
    assert card.id == ids.card_id("basic", "table-row: Sorting › Comparison sorts › Heapsort › merge sort")
    stable = cards["Sorting › Comparison sorts › stable, by algorithm"]
    assert stable.back == "- merge sort: yes\n- heapsort: no\n- quicksort: no"
    assert not any(front.startswith("Sorting › Comparison sorts › Heapsort › ") for front in cards)


WIDE = "\n".join([
    "# Queues", "",
    "## Brokers", "",
    "| broker | delivery | ordering | storage | typical use |",
    "|---|---|---|---|---|",
    "| RabbitMQ | at most or at least once, per queue setting | per queue only, lost on requeue | in memory, "
    "paged to disk when full | task queues between services |",
    "| Kafka | at least once, exactly once with transactions | per partition, kept on replay | an append-only log "
    "kept for days | event streams read by many consumers |", ""])


def test_a_wide_row_is_a_card_per_cell_named_by_its_row_and_column():
    cards = _cards(WIDE, "Queues.md")
    assert cards["Queues › Brokers › Kafka › ordering"] == "per partition, kept on replay"
    assert cards["Queues › Brokers › RabbitMQ › typical use"] == "task queues between services"
    assert sum(front.startswith("Queues › Brokers › Kafka") for front in cards) == 4
    assert not any("\n" in back for front, back in cards.items() if front.startswith("Queues › Brokers ›"))


ASKING = "\n".join([
    "# Git", "",
    "## Undoing things", "",
    "| command | What does it do? | Safe on a shared branch? |",
    "|---|---|---|",
    "| `git revert` | adds a commit that undoes an earlier one | yes, history is kept |",
    "| `git reset --hard` | moves the branch back and drops the changes | no, it rewrites history |", ""])


def test_columns_headed_by_questions_are_named_on_the_rows_front_and_its_id_kept():
    found = extract(ASKING, NoteContext(path="Git.md", sections=True, title="Git"))
    card = next(c for c in found.cards if c.back.startswith("- What does it do? adds a commit"))
    assert card.front == "Git › Undoing things › `git revert`: what does it do, safe on a shared branch?"
    assert card.id == ids.card_id("basic", "table-row: Git › Undoing things › `git revert`")
