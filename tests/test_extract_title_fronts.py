"""Parse faults a learner sees in fronts (issue 23): a note titled by a lone heading at its top (not an H1) is
rooted in that title, not its file name, and its cards keep their ids (and so their reviews) through the change;
a fold's "(click)" hint, a list item's wrapped line read as a label, a slash between sizes read as a sum, and a
facet question whose verb does not agree with a plural subject. Notes of my own."""

from __future__ import annotations

from datetime import timedelta

import mlwiki
from conftest import bump_mtime
from mlwiki.config import load_config
from mlwiki.extract import NoteContext, extract, walk
from mlwiki.extract.title_heading import title_heading
from mlwiki.review.answering import record_answer
from mlwiki.review.schedule import Scheduler
from mlwiki.scan.sync import open_synced, scan

CONFIG = 'name = "T"\ndefinitions = true\nsections = true\n[review]\ntimezone = "UTC"\n'


def _fronts(body: str, path: str = "notes/kalman-1960.md", title: str = "") -> dict[str, str]:
    found = extract(body, NoteContext(path=path, sections=True, definitions=True, title=title))
    return {c.front: c.back for c in found.cards}


# A paper note: its title a setext level-2 heading on the first line, its sections level 3
PAPER = ("Kalman: A New Approach to Linear Filtering\n"
         "------------------------------------------\n\n"
         "### Main idea\n\n"
         "The filter keeps a Gaussian belief about the state and corrects it with each measurement, weighting "
         "the two by how uncertain each one is.\n\n"
         "### My view\n\n"
         "Still the workhorse of tracking and navigation, because each update costs only a few small matrix "
         "products.\n")


def test_a_lone_heading_at_the_top_titles_the_note():
    fronts = _fronts(PAPER)
    assert any(front.startswith("Kalman: A New Approach to Linear Filtering › Main idea") for front in fronts), fronts
    assert not any(front.startswith("kalman-1960") for front in fronts), fronts


def test_a_heading_that_another_of_its_level_follows_titles_no_note():
    body = PAPER.replace("### My view", "My view\n-------")  # (two level-2 headings: sections, not a title)
    assert any(front.startswith("kalman-1960 › ") for front in _fronts(body)), _fronts(body)
    body = "The paper came out in 1960 and is still read.\n\n" + PAPER  # (text above it: not the note's title)
    assert any(front.startswith("kalman-1960 › ") for front in _fronts(body)), _fronts(body)
    fronts = _fronts(PAPER, "notes/estimation.md")  # (a file name written as a title: the heading is a section of it)
    assert any(front.startswith("estimation › Kalman") for front in fronts), fronts


def _as_before(monkeypatch) -> None:
    """Read notes as mlwiki did before lone title headings: only an H1 titles a note."""
    monkeypatch.setattr(walk, "title_heading", lambda blocks, lone=True, path="": title_heading(blocks, False))


def test_each_card_keeps_the_id_it_had_before_the_title_was_read(monkeypatch):
    ctx = NoteContext(path="papers/kalman-1960.md", sections=True, definitions=True)
    with monkeypatch.context() as before:
        _as_before(before)
        old = {c.id: c.front for c in extract(PAPER, ctx).cards}
    new = {c.id: c.front for c in extract(PAPER, ctx).cards}
    assert set(new) == set(old) and new != old, (old, new)  # (other fronts, the same ids: the history stays)


def test_an_upgraded_wiki_keeps_each_cards_id_and_reviews(make_wiki, now, monkeypatch):
    root = make_wiki({"papers/kalman-1960.md": PAPER}, config=CONFIG)
    config = load_config(root)
    with monkeypatch.context() as before:
        _as_before(before)
        store, _ = open_synced(config, now)
        old = {r["id"]: r["front"] for r in store.query("SELECT id, front FROM cards WHERE retired = 0")}
        assert old and all(front.startswith("kalman-1960 › ") for front in old.values()), old
        for card_id in old:
            record_answer(store, Scheduler.from_settings(config.review), card_id, 3, now, 1000, 8)
    monkeypatch.setattr(mlwiki, "EXTRACTOR_VERSION", mlwiki.EXTRACTOR_VERSION + 1)  # (the release: all read again)
    bump_mtime(root / "notes/papers/kalman-1960.md")
    scan(store, config, now + timedelta(days=1))
    new = {r["id"]: r["front"] for r in store.query("SELECT id, front FROM cards WHERE retired = 0")}
    assert set(new) == set(old), (old, new)
    assert all(front.startswith("Kalman: A New Approach") for front in new.values()), new
    for card_id in new:
        assert store.query("SELECT count(*) FROM reviews WHERE card_id = ?", (card_id,))[0][0] == 1
    store.close()


def test_a_folds_click_hint_leaves_the_front():
    body = ("# Ridge\n\n## Closed form\n\n<details>\n<summary>how I got the solution (click to expand)</summary>\n\n"
            "Setting the gradient of the penalised loss to zero gives a linear system whose matrix is always "
            "invertible once the penalty is positive.\n\n</details>\n")
    fronts = _fronts(body, "ridge.md")
    assert any(front.endswith("how I got the solution") for front in fronts), fronts
    assert not any("click" in front for front in fronts), fronts
    ctx = NoteContext(path="ridge.md", sections=True, definitions=True)
    before = walk.Extractor(body, ctx, as_before=True)  # (the note read with the hint on its fronts)
    before.walk()
    old = {c.id: c.front for c in before.cards()}
    assert any("(click to expand)" in front for front in old.values()), old
    assert {c.id for c in extract(body, ctx).cards} == set(old)  # (the same ids: their reviews stay)


def test_a_wrapped_line_of_an_item_heads_no_list():
    body = ("# Latent models\n\n## Details worth keeping\n\n"
            "- **compression factor** $f$: each side of the image shrinks by $f$. Eight is common; a factor of one "
            "is\n  plain pixel space (slow), and very large factors lose quality.\n"
            "- the encoder is trained with a perceptual loss plus an adversarial one (sharper outputs than a plain\n"
            "  autoencoder — see [my notes](ae.md))\n"
            "- the latent is kept near a standard normal by a tiny **KL penalty** so its variance stays small\n"
            "- latents are scaled by a constant so that they have about unit variance before diffusion\n"
            "- **cross-attention** conditioning: image features are the queries, text tokens the keys and values.\n\n"
            "$$\n\\mathrm{Attn}(Q,K,V) = \\mathrm{softmax}(QK^\\top / \\sqrt{d})\\,V\n$$\n")
    fronts = _fronts(body, "latent.md")
    assert not any("see my notes" in front or front.endswith(")") for front in fronts), fronts


def test_a_slash_between_sizes_is_no_sum():
    body = ("# Schedules\n\n## Linear\n\nThe noise rate grows in equal steps from a small value to a large one.\n\n"
            "- tuned for 32×32 / 256×256 images\n- the signal is nearly gone well before the last step, so the "
            "final steps teach the model little\n")
    made = _fronts(body, "sched.md")
    assert any("32×32 / 256×256" in back for front, back in made.items()
               if front.split("\n\n", 1)[0] == "Schedules › Linear"), made


def test_a_facet_asked_of_a_plural_subject_agrees_with_it():
    body = ("# Training tricks\n\n## Warmup schedules\n\nThe learning rate starts near zero and climbs over the "
            "first thousand steps.\n\n### Why it helps\n\nEarly gradients are large and noisy, and the optimizer's "
            "running averages are not yet settled, so big steps would throw the weights far off.\n")
    fronts = _fronts(body, "tricks.md")
    assert any(front.endswith("Why do warmup schedules help?") or front.endswith("Why do Warmup schedules help?")
               for front in fronts), fronts
