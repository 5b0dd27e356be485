"""An export reuses the last export's rendering (mlwiki.export.render_cache): the package it writes is the same,
note for note, as one rendered from scratch; an edited note is rendered again; a damaged or foreign cache is
ignored."""

from __future__ import annotations

import json
import marshal
import sqlite3
import zipfile
from pathlib import Path

from click.testing import CliRunner

from conftest import bump_mtime, write
from mlwiki.cli import cli
from mlwiki.export.render_cache import CACHE_NAME

NOTE = """---
tags: [optimization, first order]
---
# Adam

Q: What does Adam divide the step by?
A: $\\sqrt{\\hat v_t} + \\epsilon$, the root of the **second-moment** estimate.

Q: Which *bias* does $\\hat m_t = m_t / (1 - \\beta_1^t)$ correct?
A: The pull of $m_0 = 0$ towards zero in the first steps.

The update is {{c1::$\\theta_{t+1} = \\theta_t - \\eta \\hat m_t$}} with {{c2::a per-parameter step}}.

$$
\\hat v_t = \\frac{v_t}{1 - \\beta_2^t}
$$
"""


def export(root: Path, out: Path) -> list[tuple]:
    """Export with --json and return the notes of every package: (guid, fields, tags), sorted."""
    result = CliRunner().invoke(cli, ["--root", str(root), "--now", "2026-03-02T12:00:00Z", "export", "-o", str(out),
                                      "--json"])
    assert result.exit_code == 0, result.output
    notes = []
    for package in sorted(out.glob("*.apkg")):
        with zipfile.ZipFile(package) as archive:
            archive.extract("collection.anki2", out / package.stem)
        conn = sqlite3.connect(out / package.stem / "collection.anki2")
        notes += conn.execute("SELECT guid, flds, tags FROM notes").fetchall()
        conn.close()
    return sorted(notes)


def test_a_reused_rendering_writes_the_same_notes(wiki, tmp_path):
    write(wiki, "notes/adam.md", NOTE)
    first = export(wiki, tmp_path / "first")
    cache = wiki / ".mlwiki" / CACHE_NAME
    saved = marshal.loads(cache.read_bytes())
    assert len(saved["notes"]) >= 4  # each note kept whole: its sides and GUID need not be kept besides
    assert not saved["fields"] and not saved["guids"]
    assert export(wiki, tmp_path / "again") == first
    cache.unlink()
    assert export(wiki, tmp_path / "fresh") == first, "the same as rendered from scratch"


def test_an_edited_note_is_rendered_again(wiki, tmp_path):
    write(wiki, "notes/adam.md", NOTE)
    export(wiki, tmp_path / "first")
    bump_mtime(write(wiki, "notes/adam.md", NOTE.replace("**second-moment**", "*second moment*")))
    notes = export(wiki, tmp_path / "edited")
    assert any("<em>second moment</em>" in flds for _, flds, _ in notes)
    assert not any("second-moment" in flds for _, flds, _ in notes)


def test_a_damaged_or_foreign_cache_is_ignored(wiki, tmp_path):
    write(wiki, "notes/adam.md", NOTE)
    first = export(wiki, tmp_path / "first")
    cache = wiki / ".mlwiki" / CACHE_NAME
    data = cache.read_bytes()
    saved = marshal.loads(data)
    poisoned = {key: tuple(part.replace("Adam", "stale") if isinstance(part, str) else part for part in entry)
                for key, entry in saved["notes"].items()}
    assert poisoned != saved["notes"]
    cache.write_bytes(marshal.dumps({**saved, "renderer": ["another mlwiki"], "notes": poisoned}))
    assert export(wiki, tmp_path / "foreign") == first
    for damaged in (b"{not marshal", data[:len(data) // 2], marshal.dumps({**saved, "notes": ["a", "list"]}),
                    marshal.dumps({**saved, "notes": {key: "a string" for key in saved["notes"]}}), b""):
        cache.write_bytes(damaged)
        assert export(wiki, tmp_path / "damaged") == first


def test_a_note_with_images_is_resolved_again_and_a_changed_row_is_prepared_again(wiki, tmp_path):
    write(wiki, "notes/adam.md", NOTE + "\nQ: What does the plot show?\nA: ![](plot.png)\n")
    (wiki / "notes" / "plot.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    first = export(wiki, tmp_path / "first")
    assert any('src="mlwiki-' in flds for _, flds, _ in first)
    (wiki / "notes" / "plot.png").unlink()  # the note's text is unchanged; its image is gone
    with sqlite3.connect(wiki / ".mlwiki" / "mlwiki.db") as store:
        store.execute("UPDATE cards SET suspended = 1 WHERE front LIKE 'Which%'")
    result = CliRunner().invoke(cli, ["--root", str(wiki), "--now", "2026-03-02T12:00:00Z", "export", "-o",
                                      str(tmp_path / "again"), "--json"])
    report = json.loads(result.output)
    assert any("plot.png" in w for w in report["warnings"]) and report["files"][0]["suspended"] == 1
    conn = sqlite3.connect(":memory:")
    conn.deserialize(zipfile.ZipFile(report["files"][0]["path"]).read("collection.anki2"))
    flds = [f for (f,) in conn.execute("SELECT flds FROM notes")]
    assert any("[image not exported]" in f for f in flds) and not any('src="mlwiki-' in f for f in flds)


def test_any_text_is_kept_and_read_back(wiki, tmp_path):
    """A kept note is read back exactly, whatever its text holds (separators, control and private-use
    characters, bytes that are not UTF-8)."""
    odd = "Q: Odd \ue01e\ue01d\ue01f \x1f \x07 \u2028 text?\nA: Yes \U0001F600 <x\n".encode()
    (wiki / "notes" / "odd.md").write_bytes(odd.replace(b"Yes", b"Yes \xff\xed\xa0\x80"))
    first = export(wiki, tmp_path / "first")
    saved = marshal.loads((wiki / ".mlwiki" / CACHE_NAME).read_bytes())
    assert any("\ue01e\ue01d\ue01f" in part for entry in saved["notes"].values() for part in entry
               if isinstance(part, str))
    assert export(wiki, tmp_path / "again") == first


def test_an_old_json_cache_is_removed(wiki, tmp_path):
    (wiki / ".mlwiki").mkdir(exist_ok=True)
    old = wiki / ".mlwiki" / "render-cache.json"
    old.write_text('{"renderer": [2], "fields": {}, "guids": {}, "notes": {}}', encoding="utf-8")
    write(wiki, "notes/adam.md", NOTE)
    export(wiki, tmp_path / "first")
    assert (wiki / ".mlwiki" / CACHE_NAME).is_file() and not old.exists()


def test_a_review_changes_the_schedule_not_the_kept_note(wiki, tmp_path):
    write(wiki, "notes/adam.md", NOTE)
    export(wiki, tmp_path / "first")
    cache = wiki / ".mlwiki" / CACHE_NAME
    kept = cache.read_bytes()
    with sqlite3.connect(wiki / ".mlwiki" / "mlwiki.db") as store:  # as a review leaves a card
        store.execute("UPDATE cards SET state = 2, stability = 12.5, difficulty = 4.2, reps = 3, lapses = 0, "
                      "due = '2026-03-09T12:00:00+00:00', last_review = '2026-02-28T12:00:00+00:00' "
                      "WHERE front LIKE 'What does Adam%'")
    export(wiki, tmp_path / "again")
    assert cache.read_bytes() == kept, "no note was prepared again"
    (package,) = (tmp_path / "again").glob("*.apkg")
    conn = sqlite3.connect(":memory:")
    conn.deserialize(zipfile.ZipFile(package).read("collection.anki2"))
    rows = conn.execute("SELECT c.type, c.ivl, c.data FROM cards c JOIN notes n ON n.id = c.nid "
                        "WHERE n.flds LIKE '%What does Adam%'").fetchall()
    assert rows[0][0] == 2 and rows[0][1] > 0 and '"s":12.5' in rows[0][2]
