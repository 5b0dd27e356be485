"""Edits and deletions are never silent (issue 24.4): a note edited in Anki is reported by pull (card id, path:line,
Anki's text) and export warns before it would overwrite it; a card whose text left the notes is suspended in Anki
by push, unsuspended when the text comes back, and deleted there after `orphans --purge`."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from anki_world import NOTES, run, run_json
from test_anki_once import desk  # noqa: F401

anki_collection = pytest.importorskip("anki.collection")
Collection = anki_collection.Collection
ADAM = "Q: Which optimizer keeps two moment estimates?\nA: Adam.\n"


def anki_card(col_path: Path, text: str):
    """(card id, queue) of the Anki card whose note's first field holds `text`, or None."""
    col = Collection(str(col_path))
    try:
        for cid in col.find_cards(""):
            card = col.get_card(cid)
            if text in card.note().fields[0]:
                return cid, card.queue
        return None
    finally:
        col.close()


def test_a_note_edited_in_anki_is_reported_and_export_warns(desk, tmp_path):  # noqa: F811
    root, col_path = desk
    time.sleep(1.1)  # Anki stamps the edit in whole seconds, after the export's stamp
    col = Collection(str(col_path))
    (cid,) = [c for c in col.find_cards("") if "optimizer" in col.get_card(c).note().fields[0]]
    note = col.get_card(cid).note()
    note.fields[1] = "Adam (Kingma &amp; Ba, 2015)."
    col.update_note(note)
    col.close()

    pulled = run_json(root, "anki", "pull", str(col_path))
    (edit,) = pulled["edited_in_anki"]
    assert edit["source"] == f"notes/memory.md:{NOTES.splitlines().index(ADAM.splitlines()[0]) + 1}"
    assert "Kingma & Ba, 2015" in edit["anki_text"] and edit["card_id"]
    shown = run(root, "anki", "pull", str(col_path))
    assert "edited in Anki" in shown.output and edit["source"] in shown.output
    exported = run(root, "export", "-o", str(tmp_path / "again"))
    assert exported.exit_code == 0
    assert f"Warning: {edit['source']}: card {edit['card_id']} was edited in Anki" in exported.stderr
    assert (root / "notes" / "memory.md").read_text() == NOTES  # the notes stay the source


def test_a_card_whose_text_left_the_notes_is_suspended_then_back_then_deleted(desk):  # noqa: F811
    root, col_path = desk
    notes = root / "notes" / "memory.md"
    notes.write_text(NOTES.replace(ADAM, ""))
    dry = run_json(root, "anki", "push", str(col_path), "--dry-run")
    assert dry["suspended"] == 1 and anki_card(col_path, "optimizer")[1] != -1
    assert run_json(root, "anki", "push", str(col_path))["suspended"] == 1
    assert anki_card(col_path, "optimizer")[1] == -1
    assert run_json(root, "anki", "push", str(col_path))["suspended"] == 0  # once

    notes.write_text(NOTES)  # the text comes back
    assert run_json(root, "anki", "push", str(col_path))["unsuspended"] == 1
    assert anki_card(col_path, "optimizer")[1] == 2  # a review card again

    notes.write_text(NOTES.replace(ADAM, ""))
    assert run_json(root, "anki", "push", str(col_path))["suspended"] == 1
    assert run(root, "orphans", "--purge", "--yes").exit_code == 0
    pushed = run_json(root, "anki", "push", str(col_path))
    assert pushed["deleted"] == 1 and anki_card(col_path, "optimizer") is None
    assert anki_card(col_path, "FSRS keep") is not None  # the others stay
