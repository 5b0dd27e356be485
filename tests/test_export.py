"""Anki export: build a real wiki, export .apkg decks, import them with the official `anki` package and check
what Anki sees (notes, cards, fields, GUIDs, decks, tags, media, rendering, updates, suspension, safety)."""

from __future__ import annotations

import html as htmllib
import json
import os
import re
import sqlite3
import struct
import zipfile
import zlib
from datetime import timedelta
from pathlib import Path

import genanki
import pytest

from conftest import bump_mtime, run, write
from mlwiki.store.cards import CardFilter
from mlwiki.config import load_config
from mlwiki.render.macros import extract_macros
from mlwiki.export.package import (BASIC_MODEL_ID, CLOZE_MODEL_ID, FORMULA_MODEL_ID, TWO_WAY_MODEL_ID, deck_id,
                           export_decks, safe_file_name)
from mlwiki.scan.sync import open_synced

pytestmark = pytest.mark.slow  # subprocesses, ptys or real Anki collections: `pytest -m "not slow"` skips them

anki_collection = pytest.importorskip("anki.collection")
Collection = anki_collection.Collection
ImportAnkiPackageRequest = anki_collection.ImportAnkiPackageRequest
ImportAnkiPackageOptions = anki_collection.ImportAnkiPackageOptions


def tiny_png() -> bytes:
    """A valid 1×1 PNG."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    header = struct.pack(">IIBBBBB", 1, 1, 8, 6, 0, 0, 0)
    pixels = zlib.compress(b"\x00\xff\x00\x00\xff")
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", pixels) + chunk(b"IEND", b"")


BASICS = r"""---
title: Basics
tags: [machine learning, optim]
---
# Attention

Q: Why does attention divide the scores by $\sqrt{d_k}$?
A: To keep the variance of the logits near 1.

Precision ::: TP / (TP + FP)

The gradient is {{c1::$\frac{1}{\sqrt{x}}$}} and it uses {{c2::the chain rule}}.

## Adam

The Adam update is:

$$\theta_t = \theta_{t-1} - \alpha \frac{\hat m_t}{\sqrt{\hat v_t} + \epsilon}$$

::: {.card}
## What does this plot show?

![](img/a.png)

A training loss curve, and the same plot again: ![again](img/a.png) ![](<img/my plot.png>)
:::

::: {.card}
## Where is the secret?

![](../../secret.png) and ![](img/link.png) and ![](img/missing.png)
:::
"""

EVIL = """---
deck: Top::Sub
tags: [deep nets]
---
Q: Is this safe? <script>alert(1)</script>
A: Yes <img src=x onerror=alert(1)> **bold**
"""

MACROS = r"""% macros for the wiki
\newcommand{\R}{\mathbb{R}}
\newcommand{\vx}{{\bf x}}   % a comment with \newcommand{\nope}{no}
\DeclareMathOperator*{\argmax}{arg\,max}
\renewcommand{\norm}[1]{\left\lVert #1 \right\rVert}
"""


@pytest.fixture
def wiki(tmp_path: Path) -> Path:
    """The wiki lives in tmp_path/wiki so that tmp_path/secret.png is outside it."""
    root = tmp_path / "wiki"
    (root / "notes" / "img").mkdir(parents=True)
    (root / "mlwiki.toml").write_text('name = "T"\nmacros = "_macros.tex"\n[review]\ntimezone = "UTC"\n',
                                      encoding="utf-8")
    (root / "_macros.tex").write_text(MACROS, encoding="utf-8")
    (root / "notes" / "img" / "a.png").write_bytes(tiny_png())
    (root / "notes" / "img" / "my plot.png").write_bytes(tiny_png() + b"\n")
    (tmp_path / "secret.png").write_bytes(b"top secret")
    try:
        (root / "notes" / "img" / "link.png").symlink_to(tmp_path / "secret.png")
    except OSError:
        pass
    write(root, "notes/basics.md", BASICS)
    write(root, "notes/sub/evil.md", EVIL)
    return root


def synced(root: Path, now):
    config = load_config(root)
    store, _ = open_synced(config, now)
    return config, store


def export_and_import(root: Path, now, col):
    """Scan the wiki, export every deck and import each package into `col`; the export report."""
    config, store = synced(root, now)
    with store:
        report = export_decks(store, config, now)
    for f in report.files:
        import_into(col, f.path)
    return report


def cards_by_kind(store) -> dict[str, list]:
    out: dict[str, list] = {}
    for row in store.query("SELECT * FROM cards WHERE retired = 0 ORDER BY path, ord"):
        out.setdefault(row["kind"], []).append(row)
    return out


def import_into(col, path: Path, scheduling: bool = False):
    options = ImportAnkiPackageOptions(merge_notetypes=True, with_scheduling=scheduling, with_deck_configs=False)
    return col.import_anki_package(ImportAnkiPackageRequest(package_path=str(path), options=options)).log


@pytest.fixture
def col(tmp_path: Path):
    (tmp_path / "anki").mkdir()
    collection = Collection(str(tmp_path / "anki" / "collection.anki2"))
    yield collection
    collection.close()


def all_notes(col) -> list:
    return [col.get_note(nid) for nid in col.find_notes("")]


def note_by_id_field(col, mlwiki_note_id: str):
    (note,) = [n for n in all_notes(col) if n["Id"] == mlwiki_note_id]
    return note


def package_rows(path: Path, sql: str) -> list[tuple]:
    """Rows of a query on the collection inside an .apkg."""
    with zipfile.ZipFile(path) as archive, \
            open(path.with_suffix(".anki2.tmp"), "wb") as out:
        out.write(archive.read("collection.anki2"))
    try:
        conn = sqlite3.connect(path.with_suffix(".anki2.tmp"))
        rows = conn.execute(sql).fetchall()
        conn.close()
    finally:
        os.unlink(path.with_suffix(".anki2.tmp"))
    return rows


def package_notes(path: Path) -> dict[str, tuple]:
    """{guid: (model id, fields)} read straight from an .apkg."""
    return {guid: (mid, flds) for guid, mid, flds in package_rows(path, "SELECT guid, mid, flds FROM notes")}


def visible(html: str) -> str:
    """What the reader sees, for comparing math: tags gone, entities decoded, TeX padding removed."""
    text = htmllib.unescape(re.sub(r"<[^>]+>", "", html))
    return re.sub(r"\s+", "", text).replace("{}", "")


# --------------------------------------------------------------------------------------------------------------


def test_export_then_import_into_anki(wiki, now, col):
    config, store = synced(wiki, now)
    with store:
        kinds = cards_by_kind(store)
        report = export_decks(store, config, now)

    files = {f.deck: f for f in report.files}
    assert set(files) == {"T", "Top"}
    assert files["T"].path == config.decks_dir / "T.apkg"
    assert files["Top"].path == config.decks_dir / "Top.apkg"
    umask = os.umask(0)
    os.umask(umask)
    assert files["T"].path.stat().st_mode & 0o777 == 0o666 & ~umask, "a deck gets normal file permissions"
    # T: Q/A, two-way, cloze (2 groups), formula, 2 card divs → 6 notes, 8 cards; Top: the evil Q/A
    assert (files["T"].notes, files["T"].cards, files["T"].media) == (6, 8, 2)
    assert (files["Top"].notes, files["Top"].cards, files["Top"].media) == (1, 1, 0)
    assert sorted(p.name for p in config.decks_dir.iterdir()) == ["T.apkg", "Top.apkg"]  # no temp files left

    for f in report.files:
        log = import_into(col, f.path)
        assert len(log.new) == f.notes
        assert not log.updated and not log.duplicate and not log.conflicting
    assert col.note_count() == 7
    assert col.card_count() == 9

    # GUIDs come from the mlwiki note id, never from the content
    notes = all_notes(col)
    assert {n.guid for n in notes} == {genanki.guid_for(r["note_id"]) for rows in kinds.values() for r in rows}
    for n in notes:
        assert n.guid == genanki.guid_for(n["Id"])

    # note types, by kind
    qa = next(r for r in kinds["basic"] if r["front"].startswith("Why does attention"))
    note = note_by_id_field(col, qa["note_id"])
    assert note.note_type()["name"] == "mlwiki Basic" and note.mid == BASIC_MODEL_ID
    assert note["Front"] == r"<p>Why does attention divide the scores by \(\sqrt{d_k}\)?</p>"
    assert note["Back"] == "<p>To keep the variance of the logits near 1.</p>"
    assert note["Source"].startswith("notes/basics.md:7") and "Attention" in note["Source"]

    (reverse,) = kinds["reverse"]
    two_way = note_by_id_field(col, reverse["note_id"])
    assert two_way.note_type()["name"] == "mlwiki Basic (and reversed)" and two_way.mid == TWO_WAY_MODEL_ID
    assert (two_way["Front"], two_way["Back"]) == ("<p>Precision</p>", "<p>TP / (TP + FP)</p>")
    assert sorted(c.ord for c in two_way.cards()) == [0, 1]

    cloze_rows = kinds["cloze"]
    assert len({r["note_id"] for r in cloze_rows}) == 1
    cloze = note_by_id_field(col, cloze_rows[0]["note_id"])
    assert cloze.note_type()["name"] == "mlwiki Cloze" and cloze.mid == CLOZE_MODEL_ID
    assert sorted(c.ord for c in cloze.cards()) == [0, 1]
    assert "{{c1::" in cloze["Text"] and "{{c2::the chain rule}}" in cloze["Text"]

    (formula_row,) = kinds["formula"]
    formula = note_by_id_field(col, formula_row["note_id"])
    assert formula.note_type()["name"] == "mlwiki Formula" and formula.mid == FORMULA_MODEL_ID
    assert formula["Back"].startswith(r"\[\theta_t = \theta_{t-1}")
    assert "Adam" in formula["Front"]

    # decks and tags
    decks = {col.decks.name(card.did) for n in notes for card in n.cards()}
    assert decks == {"T", "Top::Sub"}
    assert {name for name in (d.name for d in col.decks.all_names_and_ids())} >= {"T", "Top", "Top::Sub"}
    assert set(note.tags) == {"machine_learning", "optim"}
    evil_row = next(r for r in kinds["basic"] if r["path"] == "notes/sub/evil.md")
    evil = note_by_id_field(col, evil_row["note_id"])
    assert set(evil.tags) == {"deep_nets", "sub"}

    # media: the real image is in Anki's media folder, the outside ones are not, and the field points to it
    plot_row = next(r for r in kinds["basic"] if "plot" in r["front"])
    plot = note_by_id_field(col, plot_row["note_id"])
    src, again, spaced = re.findall(r'<img src="([^"]+)"', plot["Back"])
    assert src == again and src.startswith("mlwiki-") and src.endswith("-a.png")
    assert spaced.startswith("mlwiki-") and spaced.endswith("-my_plot.png")
    media_dir = Path(col.media.dir())
    assert (media_dir / src).read_bytes() == tiny_png()
    assert (media_dir / spaced).read_bytes() == tiny_png() + b"\n"
    assert not any(b"top secret" == p.read_bytes() for p in media_dir.iterdir())
    secret_row = next(r for r in kinds["basic"] if "secret" in r["front"])
    secret = note_by_id_field(col, secret_row["note_id"])
    assert "<img" not in secret["Back"] and secret["Back"].count("[image not exported]") == 3
    where = f"notes/basics.md:{secret_row['line']}"
    assert any(where in w and "../../secret.png" in w and "outside" in w for w in report.warnings)
    assert any(where in w and "img/missing.png" in w and "not found" in w for w in report.warnings)
    if (wiki / "notes" / "img" / "link.png").is_symlink():
        assert any(where in w and "img/link.png" in w and "outside" in w for w in report.warnings)


def test_no_script_or_event_handler_reaches_anki(wiki, now, col):
    export_and_import(wiki, now, col)
    for note in all_notes(col):
        for value in note.fields:
            assert "<script" not in value.lower()
            assert "onerror" not in value.lower()
            assert "alert(" not in value
        for card in note.cards():
            out = card.render_output(reload=True)
            for text in (out.question_text, out.answer_text):
                assert "<script" not in text.lower() and "onerror" not in text.lower()
    evil = next(n for n in all_notes(col) if "Is this safe?" in n["Front"])
    assert "<strong>bold</strong>" in evil["Back"]


def test_cloze_math_survives_rendering(wiki, now, col):
    export_and_import(wiki, now, col)
    cloze = next(n for n in all_notes(col) if n.note_type()["name"] == "mlwiki Cloze")
    math = r"\(\frac{1}{\sqrt{x}}\)"
    cards = {card.ord: card.render_output(reload=True) for card in cloze.cards()}
    # card 1 hides the math on the question and shows it whole on the answer
    assert "[...]" in cards[0].question_text
    assert math in visible(cards[0].answer_text)
    # card 2 asks about the chain rule, so the (revealed) math is whole on both sides
    assert math in visible(cards[1].question_text)
    assert math in visible(cards[1].answer_text)
    assert "thechainrule" in visible(cards[1].answer_text)
    for out in cards.values():
        for text in (out.question_text, out.answer_text):
            assert "{{c" not in text and "::" not in visible(text).replace(r"\newcommand", "")


def test_macros_reach_every_template(wiki, now, col):
    export_and_import(wiki, now, col)
    for note in all_notes(col):
        for card in note.cards():
            out = card.render_output(reload=True)
            for text in (out.question_text, out.answer_text):
                # `}}` / `{{` would be read by Anki as a field reference: padded with a space (TeX ignores it)
                assert r"\newcommand{\R}{\mathbb{R} }" in text
                assert r"\newcommand{\argmax}{\operatorname*{arg\,max} }" in text
                assert r"\newcommand{\vx}{ {\bf x} }" in text
                assert r"\nope" not in text
                assert "error" not in text.lower()  # an Anki template error would say so


def test_extract_macros():
    text = extract_macros(MACROS + "\\def\\E{\\mathbb{E}}\n\\newcommand\\half{\\frac12}\n\\newcommand{\\broken}{")
    assert text.splitlines() == [
        r"\newcommand{\R}{\mathbb{R}}",
        r"\newcommand{\vx}{{\bf x}}",
        r"\newcommand{\argmax}{\operatorname*{arg\,max}}",
        r"\renewcommand{\norm}[1]{\left\lVert #1 \right\rVert}",
        r"\def\E{\mathbb{E}}",
        r"\newcommand{\half}{\frac12}",
    ]


def test_edit_then_reimport_updates_the_note(wiki, now, col, tmp_path):
    config, store = synced(wiki, now)
    with store:
        first = export_decks(store, config, now, out_dir=tmp_path / "out1")
    for f in first.files:
        import_into(col, f.path)
    path = wiki / "notes" / "basics.md"
    path.write_text(BASICS.replace("near 1.", "near one, so the softmax does not saturate."), encoding="utf-8")
    bump_mtime(path)
    later = now + timedelta(hours=1)
    config, store = synced(wiki, later)
    with store:
        qa = next(r for r in cards_by_kind(store)["basic"] if r["front"].startswith("Why does attention"))
        second = export_decks(store, config, later, out_dir=tmp_path / "out2")
    assert second.cards == first.cards
    (t_file,) = [f for f in second.files if f.deck == "T"]
    log = import_into(col, t_file.path)
    assert len(log.new) == 0
    assert len(log.updated) == t_file.notes
    note = note_by_id_field(col, qa["note_id"])
    assert note["Back"] == "<p>To keep the variance of the logits near one, so the softmax does not saturate.</p>"
    assert col.note_count() == 7


def test_edit_exported_twice_within_one_second_reaches_anki(wiki, now, col, tmp_path):
    """Anki ignores an edit that is not strictly newer; each export stamps its notes later than the last one
    (kept in the store), so a second export at the same clock second still updates the notes."""
    config, store = synced(wiki, now)
    with store:
        for f in export_decks(store, config, now, out_dir=tmp_path / "out1").files:
            import_into(col, f.path)
    path = wiki / "notes" / "basics.md"
    path.write_text(BASICS.replace("near 1.", "near one."), encoding="utf-8")
    bump_mtime(path)
    config, store = synced(wiki, now)
    with store:
        (t_file,) = [f for f in export_decks(store, config, now, out_dir=tmp_path / "out2").files if f.deck == "T"]
    stamps = {mod for (mod,) in package_rows(t_file.path, "SELECT mod FROM notes")}
    assert stamps == {int(now.timestamp()) + 1}
    log = import_into(col, t_file.path)
    assert len(log.new) == 0 and len(log.duplicate) == 0 and len(log.updated) == t_file.notes
    assert any("near one." in n["Back"] for n in all_notes(col))


def test_unchanged_content_gives_identical_notes(wiki, now, tmp_path):
    config, store = synced(wiki, now)
    with store:
        one = export_decks(store, config, now, out_dir=tmp_path / "a")
        two = export_decks(store, config, now + timedelta(days=3), out_dir=tmp_path / "b")
    assert [f.path.name for f in one.files] == [f.path.name for f in two.files]
    for a, b in zip(one.files, two.files):
        notes_a, notes_b = package_notes(a.path), package_notes(b.path)
        assert notes_a == notes_b  # same GUIDs, same model ids, same fields
        assert {mid for mid, _ in notes_a.values()} <= {BASIC_MODEL_ID, TWO_WAY_MODEL_ID, CLOZE_MODEL_ID,
                                                         FORMULA_MODEL_ID}


def test_suspended_card_is_suspended_in_anki(wiki, now, col, tmp_path):
    config, store = synced(wiki, now)
    with store:
        (reverse,) = cards_by_kind(store)["reverse"]
        qa = next(r for r in cards_by_kind(store)["basic"] if r["front"].startswith("Why does attention"))
        with store.write() as conn:
            conn.execute("UPDATE cards SET suspended = 1 WHERE id = ?", (reverse["id"],))
            conn.execute("UPDATE cards SET suspended = 1, leech = 1 WHERE id = ?", (qa["id"],))
        report = export_decks(store, config, now)
    assert sum(f.suspended for f in report.files) == 2
    (t_file,) = [f for f in report.files if f.deck == "T"]
    import_into(col, t_file.path, scheduling=True)
    two_way = note_by_id_field(col, reverse["note_id"])
    queues = {card.ord: card.queue for card in two_way.cards()}
    assert queues == {0: 0, 1: -1}  # only the reverse direction is suspended
    leech = note_by_id_field(col, qa["note_id"])
    assert [c.queue for c in leech.cards()] == [-1]
    assert "leech" in leech.tags

    # Without scheduling ("Import any learning progress" off, Anki's default) Anki resets the queue of every
    # imported card, so suspension is lost: documented here so a change in Anki shows up.
    other = Collection(str(tmp_path / "other.anki2"))
    try:
        import_into(other, t_file.path, scheduling=False)
        assert all(other.get_card(cid).queue == 0 for cid in other.find_cards(""))
    finally:
        other.close()


def test_retired_cards_are_not_exported(wiki, now, tmp_path):
    path = wiki / "notes" / "sub" / "evil.md"
    config, store = synced(wiki, now)
    store.close()
    path.write_text("---\ndeck: Top::Sub\n---\nNothing here any more.\n", encoding="utf-8")
    bump_mtime(path)
    config, store = synced(wiki, now + timedelta(minutes=5))
    with store:
        assert store.query("SELECT count(*) FROM cards WHERE retired = 1")[0][0] == 1
        report = export_decks(store, config, now + timedelta(minutes=5), out_dir=tmp_path / "out")
    assert [f.deck for f in report.files] == ["T"]


def test_deck_and_tag_filters(wiki, now, tmp_path):
    config, store = synced(wiki, now)
    with store:
        by_deck = export_decks(store, config, now, out_dir=tmp_path / "d", selection=CardFilter(deck="Top"))
        by_tag = export_decks(store, config, now, out_dir=tmp_path / "t", selection=CardFilter(tag="machine_learning"))
        nothing = export_decks(store, config, now, out_dir=tmp_path / "n", selection=CardFilter(tag="no-such-tag"))
    assert [(f.deck, f.notes) for f in by_deck.files] == [("Top", 1)]
    assert [(f.deck, f.notes, f.cards) for f in by_tag.files] == [("T", 6, 8)]
    assert nothing.files == [] and nothing.warnings and not (tmp_path / "n").exists()


def test_names_and_ids_are_stable():
    assert safe_file_name("ML::x") == "ML_x"
    assert safe_file_name("../etc/passwd") == "etc_passwd"
    assert safe_file_name("  ") == "deck"
    assert safe_file_name("Réseaux") == "Réseaux"
    assert deck_id("T::Sub") == deck_id("T::Sub") != deck_id("T")
    assert (1 << 30) <= deck_id("anything") < (1 << 31)
    assert len({BASIC_MODEL_ID, TWO_WAY_MODEL_ID, CLOZE_MODEL_ID, FORMULA_MODEL_ID}) == 4


def test_report_is_json_ready(wiki, now):
    config, store = synced(wiki, now)
    with store:
        report = export_decks(store, config, now)
    data = json.loads(json.dumps(report.to_dict()))
    assert data["notes"] == 7 and data["cards"] == 9
    assert "2 deck files: 7 notes, 9 cards" in report.summary()


def test_one_way_card_made_two_way_changes_note_type_in_anki(wiki, now, col, tmp_path):
    """`a :: b` → `a ::: b` keeps the note id (so the GUID) but needs the two-way note type. Anki converts the
    note only with "merge note types" on; without it the note is reported as conflicting and left as it was."""
    path = wiki / "notes" / "sub" / "evil.md"
    path.write_text("---\ndeck: Top::Sub\n---\nRecall :: TP / (TP + FN)\n", encoding="utf-8")
    bump_mtime(path)
    config, store = synced(wiki, now)
    with store:
        (top,) = [f for f in export_decks(store, config, now, out_dir=tmp_path / "one").files if f.deck == "Top"]
    import_into(col, top.path)
    path.write_text("---\ndeck: Top::Sub\n---\nRecall ::: TP / (TP + FN)\n", encoding="utf-8")
    bump_mtime(path)
    later = now + timedelta(hours=1)
    config, store = synced(wiki, later)
    with store:
        (top,) = [f for f in export_decks(store, config, later, out_dir=tmp_path / "two").files if f.deck == "Top"]
    plain = Collection(str(tmp_path / "plain.anki2"))
    try:
        import_into(plain, tmp_path / "one" / "Top.apkg")
        options = ImportAnkiPackageOptions(merge_notetypes=False, with_scheduling=False)
        log = plain.import_anki_package(ImportAnkiPackageRequest(package_path=str(top.path), options=options)).log
        assert len(log.conflicting) == 1 and plain.card_count() == 1
    finally:
        plain.close()
    log = import_into(col, top.path)  # merge_notetypes=True
    assert len(log.new) == 0 and len(log.updated) == 1
    (note,) = all_notes(col)
    assert note.note_type()["name"] == "mlwiki Basic (and reversed)" and len(note.cards()) == 2


def test_a_numbered_note_title_is_not_a_list_in_anki_or_the_terminal(make_wiki, now, col, tmp_path):
    """A vault's "04. Harmful content detection.md" titles its cards "04. Harmful content detection › …": Markdown
    read that as a list and showed "4." (plain review) or an <ol> in Anki."""
    root = make_wiki({"04. Harmful content detection.md": "The classifier flags posts that break the policy, from "
                      "text and image features fused early.\n"})
    review = run(root, "review", "--plain", input="\n1\n", ok=True).output
    assert "04. Harmful content detection" in review, review
    run(root, "export", "-o", str(tmp_path / "decks"), ok=True)
    (deck,) = (tmp_path / "decks").glob("*.apkg")
    import_into(col, deck)
    (note,) = all_notes(col)
    assert "<ol" not in note.fields[0] and "04. Harmful content detection" in note.fields[0], note.fields[0]


def test_obsidian_comments_inside_a_line_are_hidden_in_review_and_anki(make_wiki, now, col, tmp_path):
    """An annotation plugin writes `%%PREFIX%%…%%HIGHLIGHT%% ==…== %%POSTFIX%%` around a highlight: Obsidian hides
    the `%%…%%` parts, so does review and the deck; "50%% of cases" is no comment."""
    root = make_wiki({"Open set.md": "Q: What is an open set?\nA: %%PREFIX%%A set%%HIGHLIGHT%% ==that contains a ball "
                      "around each of its points== %%POSTFIX%%, in 50%% of cases the easy part.\n"})
    review = run(root, "review", "--plain", input="\n1\n", ok=True).output
    answer = review.split("--- answer ---")[1]
    assert "A set" in answer and "PREFIX" not in answer and "HIGHLIGHT" not in answer, review
    assert "50%% of cases" in answer, review
    run(root, "export", "-o", str(tmp_path / "decks"), ok=True)
    (deck,) = (tmp_path / "decks").glob("*.apkg")
    import_into(col, deck)
    (note,) = all_notes(col)
    assert "PREFIX" not in note.fields[1] and "HIGHLIGHT" not in note.fields[1], note.fields[1]
