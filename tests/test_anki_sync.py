"""One review history with Anki (issue 17), checked against the real `anki` package: export carries schedule
and history, reviews made in Anki are pulled into mlwiki's log, mlwiki's reviews are pushed into Anki's
collection, and afterwards both sides hold the same log and agree on every card's stability and difficulty."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from pathlib import Path

import fsrs
import genanki
import pytest

from anki_world import FAKETIME, anki, close_enough, make_wiki, memory_states, mlwiki_cards, review_due, run, run_json
from mlwiki.config import load_config
from mlwiki.ankiformat.cards import anki_ords
from mlwiki.scan.sync import open_synced

anki_collection = pytest.importorskip("anki.collection")
Collection = anki_collection.Collection
ImportAnkiPackageRequest = anki_collection.ImportAnkiPackageRequest
ImportAnkiPackageOptions = anki_collection.ImportAnkiPackageOptions


def import_with_scheduling(col, package: Path):
    options = ImportAnkiPackageOptions(merge_notetypes=True, with_scheduling=True, with_deck_configs=False)
    return col.import_anki_package(ImportAnkiPackageRequest(package_path=str(package), options=options)).log


def answer(col, cid: int, rating: int) -> None:
    """Answer one card in Anki, as its reviewer does (rating 1-4), at the real time."""
    card = col.get_card(cid)
    card.start_timer()
    col.sched.answer_card(col.sched.build_answer(card=card, states=col._backend.get_scheduling_states(cid),
                                                 rating=rating - 1))


def pairs(root: Path, now: datetime, states: dict) -> list[tuple[dict, dict]]:
    """(mlwiki card row, Anki card state) for every live mlwiki card Anki holds."""
    cards = mlwiki_cards(root, now)
    notes: dict[str, list] = {}
    for card in cards.values():
        notes.setdefault(card["note_id"], []).append(card)
    out = []
    for note_id, group in notes.items():
        for card_id, ord_ in anki_ords(group).items():
            key = (genanki.guid_for(note_id), ord_)
            if key in states:
                out.append((cards[card_id], states[key]))
    return out


def mlwiki_log(root: Path, now: datetime) -> list[dict]:
    store, _ = open_synced(load_config(root), now, progress=False)
    with store:
        return [dict(zip(r.keys(), r)) for r in store.query("SELECT * FROM reviews ORDER BY reviewed_at, id")]


@pytest.fixture(autouse=True)
def no_real_anki(monkeypatch, tmp_path):
    """Never read the real Anki profiles of whoever runs the tests."""
    monkeypatch.setenv("ANKI_BASE", str(tmp_path / "no-anki-here"))


@pytest.fixture
def world(tmp_path: Path):
    """A wiki reviewed on two days in the past, just after those days began (04:00 UTC), so that whole days
    and study days agree whatever the time now; exported, and imported with its learning progress into an
    Anki collection with FSRS on."""
    root = make_wiki(tmp_path / "wiki")
    today_start = datetime.now(timezone.utc).replace(hour=4, minute=0, second=0, microsecond=0)
    if today_start > datetime.now(timezone.utc):
        today_start -= timedelta(days=1)
    start = today_start - timedelta(days=6) + timedelta(minutes=1)
    assert review_due(root, start, lambda card: 3) > 0
    assert review_due(root, start + timedelta(days=1), lambda card: 3) > 0
    exported = run_json(root, "export", "-o", str(tmp_path / "decks"), now=start + timedelta(days=1, hours=1))
    (package,) = [Path(f["path"]) for f in exported["files"]]
    col_path = tmp_path / "anki" / "collection.anki2"
    col_path.parent.mkdir()
    col = Collection(str(col_path))
    col.set_config("fsrs", True)
    assert len(import_with_scheduling(col, package).new) == exported["notes"]
    col.decks.select(col.decks.id_for_name("T"))
    yield root, col, col_path, package
    if col.db is not None:
        col.close()


def test_export_carries_schedule_and_history_into_anki(world):
    root, col, col_path, _ = world
    col.close()
    now = datetime.now(timezone.utc)
    states = memory_states(col_path)
    log = mlwiki_log(root, now)
    matched = pairs(root, now, states)
    assert len(matched) == len(states) == 6
    for card, state in matched:
        assert state["type"] == 2 and state["queue"] == 2  # review cards, as in mlwiki
        assert close_enough(state["stability"], card["stability"], 1e-4)
        assert close_enough(state["difficulty"], card["difficulty"], 1e-3)
        assert close_enough(state["computed"][0], card["stability"], 0.01)  # Anki's own replay of the revlog
        assert state["revlog"] == sorted(r["anki_id"] for r in log if r["card_id"] == card["id"])
        assert state["last_review"] == int(datetime.fromisoformat(card["last_review"]).timestamp())
        due_day = datetime.fromisoformat(card["due"]).astimezone(timezone.utc).date()
        days_left = (due_day - (now - timedelta(hours=4)).date()).days  # the study day starts at 04:00 (UTC)
        assert state["due"] - state["today"] == days_left


def test_revlog_ids_are_review_times_kept_in_the_log(world, tmp_path):
    root, col, _, _ = world
    col.close()
    now = datetime.now(timezone.utc)
    first = mlwiki_log(root, now)
    assert all(abs(r["anki_id"] - datetime.fromisoformat(r["reviewed_at"]).timestamp() * 1000) < 50 for r in first)
    assert len({r["anki_id"] for r in first}) == len(first)
    run_json(root, "export", "-o", str(tmp_path / "again"), now=now)
    assert [r["anki_id"] for r in mlwiki_log(root, now)] == [r["anki_id"] for r in first]


def test_reviews_in_anki_are_pulled_once_and_pushed_back(world, tmp_path):
    """The daily loop: review on the phone, pull, review at the desk, push; then one log on both sides."""
    root, col, col_path, _ = world
    # One note is left for the desk: its cards are due whatever the time of day (the phone's Again steps may cross
    # Anki's 04:00 rollover and wait for tomorrow, and the siblings of the phone's cards are buried for today).
    phone = {cid: (1 if i % 2 else 3) for i, cid in enumerate(col.find_cards("deck:T card:1")[:-1])}
    foreign = col.new_note(col.models.by_name("Basic"))
    foreign["Front"], foreign["Back"] = "Not from the wiki", "left alone"
    col.add_note(foreign, col.decks.id_for_name("T"))
    for cid, rating in phone.items():
        answer(col, cid, rating)
    stranger_id = foreign.cards()[0].id
    answer(col, stranger_id, 3)
    notetypes_before = {m["id"]: m["mod"] for m in col.models.all()}
    col.close()
    now = datetime.now(timezone.utc)

    dry = run_json(root, "anki", "pull", str(col_path), "--dry-run", now=now)
    assert dry["reviews_added"] == len(phone) and dry["dry_run"]
    pulled = run_json(root, "anki", "pull", str(col_path), now=now)
    assert (pulled["reviews_added"], pulled["cards_affected"]) == (len(phone), len(phone))
    assert pulled["skipped"] == {"not_this_wiki": 1}
    again = run_json(root, "anki", "pull", str(col_path), now=now)
    assert again["reviews_added"] == 0 and again["already_present"] == pulled["already_present"] + len(phone)
    places = run_json(root, "stats", now=now)["reviews_by_source"]
    assert places["anki"] == {"total": len(phone), "today": len(phone)}
    assert places["mlwiki"]["total"] == pulled["already_present"] and places["mlwiki"]["today"] == 0
    shown = " ".join(run(root, "stats", now=now).output.replace("│", " ").split())
    assert f"in Anki {len(phone)} today, {len(phone)} in all" in shown
    page = tmp_path / "stats.html"
    assert run(root, "stats", "--html", str(page), now=now).exit_code == 0
    assert f'<div class="v">{len(phone)}</div><div class="k">reviews in Anki</div>' in page.read_text()
    after_pull = memory_states(col_path)
    for card, state in pairs(root, now, after_pull):
        assert close_enough(card["stability"], state["stability"])
        assert close_enough(card["difficulty"], state["difficulty"])

    desk = review_due(root, datetime.now(timezone.utc), lambda card: 3)
    assert desk > 0
    later = datetime.now(timezone.utc)
    preview = run_json(root, "anki", "push", str(col_path), "--dry-run", now=later)
    assert preview["revlog_added"] == desk and memory_states(col_path) == after_pull
    pushed = run_json(root, "anki", "push", str(col_path), now=later)
    assert (pushed["revlog_added"], pushed["cards_updated"]) == (desk, desk), pushed
    assert Path(pushed["backup"]).is_file() and Path(pushed["backup"]).parent == col_path.parent / "backups"
    assert run_json(root, "anki", "push", str(col_path), now=later)["revlog_added"] == 0

    states = memory_states(col_path)
    log = mlwiki_log(root, later)
    matched = pairs(root, later, states)
    assert len(matched) == 6
    for card, state in matched:
        assert state["revlog"] == sorted(r["anki_id"] for r in log if r["card_id"] == card["id"])  # the union
        assert close_enough(card["stability"], state["stability"]), (card, state)
        assert close_enough(card["difficulty"], state["difficulty"]), (card, state)
    assert {r["source"] for r in log} == {"mlwiki", "anki"}
    col = Collection(str(col_path))
    try:
        assert {m["id"]: m["mod"] for m in col.models.all()} == notetypes_before  # no full sync forced
        stranger = col.get_card(stranger_id)
        assert len(col.db.list("SELECT id FROM revlog WHERE cid = ?", stranger.id)) == 1
        assert stranger.memory_state is not None and stranger.reps == 1
    finally:
        col.close()


def test_reset_manual_and_cramming_are_taken_as_anki_takes_them(world):
    root, col, col_path, _ = world
    forget, moved, crammed = list(col.find_cards("deck:T card:1"))[:3]
    col.sched.schedule_cards_as_new([forget], restore_position=True, reset_counts=False)
    col.sched.set_due_date([moved], "0")
    deck = col.sched.get_or_create_filtered_deck(deck_id=0)
    deck.name, deck.config.reschedule = "cram", False
    deck.config.search_terms[0].search, deck.config.search_terms[0].limit = f"cid:{crammed}", 5
    col.decks.select(col.sched.add_or_update_filtered_deck(deck).id)
    queued = col.sched.get_queued_cards(fetch_limit=1).cards[0]
    card = col.get_card(queued.card.id)
    card.start_timer()
    col.sched.answer_card(col.sched.build_answer(card=card, states=queued.states, rating=2))
    forget_note = col.get_card(forget).note()
    col.close()
    now = datetime.now(timezone.utc)

    pulled = run_json(root, "anki", "pull", str(col_path), now=now)
    assert pulled["reviews_added"] == 0 and pulled["resets_added"] == 1 and pulled["cards_affected"] == 1
    assert pulled["skipped"] == {"manual": 1, "cramming": 1}
    text = run(root, "anki", "pull", str(col_path), "--dry-run", now=now).output
    assert "already in mlwiki" in text
    (card,) = [c for c in mlwiki_cards(root, now).values()
               if genanki.guid_for(c["note_id"]) == forget_note.guid and c["kind"] != "reverse"
               and (c["grp"] or 1) == 1]
    assert card["state"] == 0 and card["stability"] is None  # new again, as in Anki
    assert run(root, "check", now=now).exit_code == 0  # every cached state is what a replay gives


# Hours after the start of study day 0 (04:00 UTC) of: mlwiki's two first sessions, the export, Anki's import,
# Anki's three sessions, mlwiki's two later sessions, Anki's last session. "any hour" puts reviews just before and
# after midnight and the 04:00 rollover, where whole 24-hour periods and study days disagree.
TIMELINES = {
    "same clock": (1, 24 + 1, 24 + 2, 24 + 3, 72 + 6, 120 + 7, 192 + 8, 240 + 9, 264 + 10, 288 + 11),
    "any hour": (19.5, 24 + 22.5, 24 + 23, 24 + 23.5, 72 + 23.9, 120 + 0.2, 192 + 17, 240 + 23.5, 264 + 0.1,
                 288 + 12),
}


@pytest.mark.slow
@pytest.mark.skipif(FAKETIME is None, reason="needs libfaketime (Debian: faketime) to answer in Anki on past days")
@pytest.mark.parametrize("timeline", TIMELINES)
def test_weeks_of_reviews_on_both_sides_agree(tmp_path, timeline):
    """Anki answers on several past days (its clock faked), mlwiki reviews between them; after each pull and
    push every card's stability and difficulty agree within 1 % and both logs are the same — at any hour, since
    both count study days."""
    root = make_wiki(tmp_path / "wiki")
    today_start = datetime.now(timezone.utc).replace(hour=4, minute=0, second=0, microsecond=0)
    if today_start > datetime.now(timezone.utc):
        today_start -= timedelta(days=1)
    day0 = today_start - timedelta(days=13)
    at = [day0 + timedelta(hours=h) for h in TIMELINES[timeline]]
    review_due(root, at[0], lambda card: 3)
    review_due(root, at[1], lambda card: 3)
    package = run_json(root, "export", "-o", str(tmp_path / "decks"), now=at[2])
    col_path = tmp_path / "anki" / "collection.anki2"
    col_path.parent.mkdir()
    anki(col_path, [["fsrs"], ["import", package["files"][0]["path"]]], at=at[3])
    answered = 0
    for when, ratings in zip(at[4:7], ({"0": 3, "1": 1}, {"0": 2, "1": 3}, {"0": 1, "1": 1})):
        answered += sum(anki(col_path, [["answer_due", ratings]], at=when)["answered"])
    assert answered >= 6
    pulled = run_json(root, "anki", "pull", str(col_path))
    assert pulled["reviews_added"] == answered
    desk = review_due(root, at[7], lambda card: 2 if card.id < "8" else 3)
    desk += review_due(root, at[8], lambda card: 3)
    assert desk > 0
    assert run_json(root, "anki", "push", str(col_path))["revlog_added"] == desk
    anki(col_path, [["answer_due", {"0": 1, "1": 3}]], at=at[9])
    run_json(root, "anki", "pull", str(col_path))
    now = datetime.now(timezone.utc)
    log = mlwiki_log(root, now)
    states = memory_states(col_path)
    matched = pairs(root, now, states)
    assert len(matched) == 6
    for card, state in matched:
        assert state["revlog"] == sorted(r["anki_id"] for r in log if r["card_id"] == card["id"])
        assert close_enough(card["stability"], state["computed"][0]), (card, state)
        assert close_enough(card["difficulty"], state["computed"][1]), (card, state)


def test_push_brings_history_to_cards_imported_without_it(tmp_path):
    """Decks imported before (no learning progress): Anki holds the cards as new; push gives them mlwiki's
    whole history, and Anki's own replay of it matches mlwiki. A dry run changes nothing on either side."""
    root = make_wiki(tmp_path / "wiki")
    start = datetime.now(timezone.utc).replace(hour=4, minute=1, second=0, microsecond=0) - timedelta(days=5)
    made = review_due(root, start, lambda card: 3)
    made += review_due(root, start + timedelta(days=2, hours=2), lambda card: 4)
    package = run_json(root, "export", "-o", str(tmp_path / "decks"), now=start)["files"][0]["path"]
    col_path = tmp_path / "anki" / "collection.anki2"
    col_path.parent.mkdir()
    col = Collection(str(col_path))
    options = ImportAnkiPackageOptions(merge_notetypes=True, with_scheduling=False, with_deck_configs=False)
    col.import_anki_package(ImportAnkiPackageRequest(package_path=package, options=options))
    col.close()
    before = memory_states(col_path)
    assert all(s["type"] == 0 and not s["revlog"] for s in before.values())
    ids_before = [r["anki_id"] for r in mlwiki_log(root, start)]
    preview = run_json(root, "anki", "push", str(col_path), "--dry-run")
    reviewed = {r["card_id"] for r in mlwiki_log(root, start)}
    assert preview["revlog_added"] == made and preview["cards_updated"] == len(reviewed) > 1
    assert memory_states(col_path) == before and [r["anki_id"] for r in mlwiki_log(root, start)] == ids_before
    assert not (col_path.parent / "backups").exists()
    assert run_json(root, "anki", "push", str(col_path))["revlog_added"] == made
    now = datetime.now(timezone.utc)
    for card, state in pairs(root, now, memory_states(col_path)):
        if card["id"] not in reviewed:
            assert state["type"] == 0 and not state["revlog"]  # still new on both sides
            continue
        assert state["type"] == 2 and len(state["revlog"]) == card["reps"]
        assert close_enough(card["stability"], state["stability"]) and close_enough(card["stability"],
                                                                                    state["computed"][0])
        assert close_enough(card["difficulty"], state["difficulty"])


def test_an_anki_id_taken_in_anki_moves_mlwiki_own_review(world, tmp_path):
    """mlwiki gives its reviews Anki ids from their times; should the collection use one of them for another
    card's review, the pull keeps both reviews: mlwiki's own moves to a free id."""
    root, col, col_path, _ = world
    assert review_due(root, datetime.now(timezone.utc), lambda card: 3, limit=1) == 1
    run_json(root, "export", "-o", str(tmp_path / "again"))  # gives the new review its Anki id
    ours = mlwiki_log(root, datetime.now(timezone.utc))[-1]
    other = next(state["cid"] for card, state in pairs(root, datetime.now(timezone.utc), memory_states_of(col))
                 if card["id"] != ours["card_id"])
    answer(col, other, 3)
    col.db.execute("UPDATE revlog SET id = ? WHERE id = (SELECT max(id) FROM revlog WHERE cid = ?)",
                   ours["anki_id"], other)
    col.close()
    pulled = run_json(root, "anki", "pull", str(col_path))
    assert pulled["reviews_added"] == 1
    log = mlwiki_log(root, datetime.now(timezone.utc))
    (moved,) = [r for r in log if r["id"] == ours["id"]]
    (theirs,) = [r for r in log if r["anki_id"] == ours["anki_id"]]
    assert moved["anki_id"] != ours["anki_id"] and theirs["source"] == "anki" and theirs["card_id"] != ours["card_id"]
    assert run_json(root, "anki", "pull", str(col_path))["reviews_added"] == 0


def memory_states_of(col) -> dict:
    """(note GUID, ord) → {"cid"} for an open collection."""
    return {(col.get_card(cid).note().guid, col.get_card(cid).ord): {"cid": cid} for cid in col.find_cards("")}


def test_learning_and_new_cards_arrive_as_they_are(tmp_path):
    """A card in its learning steps arrives learning, due at the same minute; a new card stays new."""
    root = make_wiki(tmp_path / "wiki")
    when = datetime.now(timezone.utc).replace(microsecond=0) - timedelta(minutes=30)
    assert review_due(root, when, lambda card: 1, limit=1) == 1  # Again: learning, due in a minute
    package = run_json(root, "export", "-o", str(tmp_path / "decks"), now=when + timedelta(minutes=1))
    col_path = tmp_path / "anki" / "collection.anki2"
    col_path.parent.mkdir()
    col = Collection(str(col_path))
    import_with_scheduling(col, Path(package["files"][0]["path"]))
    col.close()
    assert package["files"][0]["scheduled"] == 1 and package["files"][0]["reviews"] == 1
    now = datetime.now(timezone.utc)
    kinds = {}
    for card, state in pairs(root, now, memory_states(col_path)):
        kinds[card["state"]] = kinds.get(card["state"], 0) + 1
        if card["state"] == 1:
            assert (state["type"], state["queue"]) == (1, 1)
            assert state["due"] == int(datetime.fromisoformat(card["due"]).timestamp())
            assert close_enough(state["stability"], card["stability"], 1e-4)
        else:
            assert (state["type"], state["queue"], state["stability"]) == (0, 0, None)
    assert kinds == {1: 1, 0: 5}


def test_push_says_when_anki_uses_other_fsrs_parameters(world):
    root, col, col_path, _ = world
    assert review_due(root, datetime.now(timezone.utc), lambda card: 3, limit=1) == 1
    conf = col.decks.config_dict_for_deck_id(col.decks.id_for_name("T"))
    conf["fsrsParams6"] = [p * 1.1 for p in fsrs.scheduler.DEFAULT_PARAMETERS]
    col.decks.update_config(conf)
    col.close()
    notes = run_json(root, "anki", "push", str(col_path), "--dry-run")["notes"]
    assert len(notes) == 1 and "use other FSRS parameters than mlwiki" in notes[0] and conf["name"] in notes[0]
