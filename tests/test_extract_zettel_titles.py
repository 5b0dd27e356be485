"""A Zettelkasten vault names its notes `<timestamp id> <title>.md`: the id is no part of the subject that roots the
note's fronts, and the cards keep the ids (and review history) they had when mlwiki showed the id."""

from __future__ import annotations

from datetime import timedelta

import mlwiki
from conftest import bump_mtime
from mlwiki.config import load_config
from mlwiki.extract import NoteContext, extract, walk
from mlwiki.extract.subject import note_subject, without_zettel_id
from mlwiki.review.answering import record_answer
from mlwiki.review.schedule import Scheduler
from mlwiki.scan.sync import open_synced, scan

CONFIG = 'name = "T"\ndefinitions = true\nsections = true\n[review]\ntimezone = "UTC"\n'
# One idea per note, no heading at all (the file name is the only title), and one with a heading
ZETTEL = ("A unit's receptive field is the region of the input image that can change its activation; stacking "
          "3x3 convolutions grows it by two pixels per layer.\n")
SECTIONED = ("## Why stride helps\n\nA strided convolution or a pooling layer multiplies the growth of every later "
             "layer's receptive field by its stride.\n")
PATH = "notes/202406121030 Receptive field.md"


def _fronts(body: str, path: str) -> list[str]:
    return [c.front for c in extract(body, NoteContext(path=path, sections=True, definitions=True)).cards]


def test_a_zettel_id_is_no_part_of_the_notes_subject():
    assert without_zettel_id("202406121030 Receptive field") == "Receptive field"
    assert without_zettel_id("20240612103000-receptive_field") == "receptive field"  # (org-roam's slug)
    assert without_zettel_id("Q-learning") == "Q-learning" and without_zettel_id("2024 review") == "2024 review"
    assert note_subject("", "", "Inbox/202406142215.md") == ""  # (an id alone names nothing, like a date)
    assert note_subject("", "", "chapters/_notation.qmd") == "notation"  # (a Quarto partial, included elsewhere)
    for body in (ZETTEL, SECTIONED):
        fronts = _fronts(body, PATH)
        assert fronts and all(f.startswith("Receptive field") for f in fronts), fronts
        assert not any("202406121030" in f for f in fronts), fronts


def _as_before(monkeypatch) -> None:
    """Read notes as mlwiki did before: the file name's id was part of the subject."""
    monkeypatch.setattr(walk, "note_subject", lambda title, h1, path, as_before=False:
                        note_subject(title, h1, path, as_before=True))


def test_an_upgraded_vault_keeps_each_cards_id_and_reviews(make_wiki, now, monkeypatch):
    root = make_wiki({"202406121030 Receptive field.md": ZETTEL, "202406121040 Stride.md": SECTIONED}, config=CONFIG)
    config = load_config(root)
    with monkeypatch.context() as before:
        _as_before(before)
        store, _ = open_synced(config, now)
        old = {r["id"]: r["front"] for r in store.query("SELECT id, front FROM cards WHERE retired = 0")}
        assert len(old) >= 2 and all(front.startswith("20240612") for front in old.values()), old
        for card_id in old:
            record_answer(store, Scheduler.from_settings(config.review), card_id, 3, now, 1000, 8)
    monkeypatch.setattr(mlwiki, "EXTRACTOR_VERSION", mlwiki.EXTRACTOR_VERSION + 1)  # (the release: all read again)
    for name in ("202406121030 Receptive field.md", "202406121040 Stride.md"):
        bump_mtime(root / "notes" / name)
    scan(store, config, now + timedelta(days=1))
    new = {r["id"]: r["front"] for r in store.query("SELECT id, front FROM cards WHERE retired = 0")}
    assert set(new) == set(old), (old, new)
    assert not any(front.startswith("20240612") for front in new.values()), new
    for card_id in new:
        assert store.query("SELECT count(*) FROM reviews WHERE card_id = ?", (card_id,))[0][0] == 1
    store.close()


def test_a_link_to_a_zettel_shows_its_title_without_the_id():
    """A card shows `[[202406121110 Residual block]]` as "Residual block": the id says nothing to a learner. The
    note's text (and so every card's id) keeps the link as written."""
    from mlwiki.render.html import markdown_to_html
    from mlwiki.render.terminal import plain_text
    back = "A skip connection adds the input back ([[202406121110 Residual block]], [[Inbox/202406142215 fleeting]])."
    assert plain_text(back) == "A skip connection adds the input back (Residual block, Inbox/fleeting)."
    assert "Residual block" in markdown_to_html(back) and "202406121110" not in markdown_to_html(back)
    assert plain_text("[[2024 review]] and [[202406121110 Residual block|blocks]]") == "2024 review and blocks"
    cards = extract(f"# Skips\n\n## Why\n\n{back} It lets gradients flow past the block unchanged.\n",
                    NoteContext(path="n.md", sections=True, definitions=True)).cards
    assert any("[[202406121110 Residual block]]" in c.back for c in cards), cards
