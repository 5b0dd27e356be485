"""A section card whose list defines several named things (issue 23): "- Hit rate@k: …", "- Mean rank (MR): …"
on one back hide each definition among the others; each labelled item that defines its label becomes a card
"path › label" too (with the short items nested under it), and the section's card stays for "which ones?". A list
with a single labelled item, or items that only name things, adds nothing. Notes of my own, through the extract
API with sections on."""

from __future__ import annotations

from mlwiki.extract import NoteContext, extract


def _cards(body: str) -> dict[str, str]:
    found = extract(body, NoteContext(path="Song lookup.md", sections=True, title="Song lookup"))
    return {c.front: c.back for c in found.cards}


SCORES = ["# Song lookup", "", "## Judging the ranking", "",
          "Every hummed tune has exactly one matching song, so we look at:", "",
          "- Hit rate@k: whether the matching song appears anywhere among the top k answers.",
          "  - Cons: it ignores where in the top k the song sits",
          "- Mean rank (MR): the average position at which the matching song shows up over all tunes.", ""]


def test_each_labelled_definition_of_a_list_is_a_card_too():
    cards = _cards("\n".join(SCORES))
    hit = cards["Song lookup › Judging the ranking › Hit rate@k"]
    assert hit.startswith("whether the matching song appears") and "Cons: it ignores where" in hit, cards
    assert cards["Song lookup › Judging the ranking › Mean rank (MR)"].startswith("the average position"), cards
    whole = cards["Song lookup › Judging the ranking"]  # (the list the heading asks for stays one card)
    assert "Hit rate@k" in whole and "Mean rank" in whole, cards


def test_a_single_labelled_item_or_bare_names_add_nothing():
    one = SCORES[:7] + ["- Coverage of the catalogue across all the queries we logged", ""]
    assert not any(f.endswith("Hit rate@k") for f in _cards("\n".join(one))), _cards("\n".join(one))
    names = SCORES[:6] + ["- Hit rate", "- Mean rank", "- Coverage", ""]
    assert len(_cards("\n".join(names))) <= 2


SIDES = ["# Song lookup", "", "## Pros and cons of pooling several rankers", "",
         "- Pros",
         "  - usually beats the best single ranker on held-out tunes",
         "  - one ranker's blind spot is covered by another one",
         "- Cons",
         "  - every ranker must be trained, stored and served at once",
         "  - harder to say why a song came out on top of the list", ""]


def test_each_side_of_a_pros_and_cons_list_is_a_card_too():
    cards = _cards("\n".join(SIDES))
    path = "Song lookup › Pros and cons of pooling several rankers"
    assert cards[f"{path} › Pros"].startswith("- usually beats") and "trained" not in cards[f"{path} › Pros"], cards
    assert cards[f"{path} › Cons"].startswith("- every ranker must"), cards
    assert "- Pros" in cards[path] and "- Cons" in cards[path], cards


WEIGHED = ["# Song lookup", "", "## Live signals", "",
           "- Replay rate: the share of found songs that the listener plays a second time",
           "  - Pros: cheap to log for every single session",
           "  - Cons: a song may be replayed because the first play was interrupted",
           "- Skip rate",
           "  - Cons: a listener may skip a correct match simply because they already know it", ""]


def test_each_thing_a_list_weighs_is_a_card_of_its_pros_and_cons():
    cards = _cards("\n".join(WEIGHED))
    replay = cards["Song lookup › Live signals › Replay rate"]
    assert replay.startswith("the share of found songs") and "- Cons: a song may be replayed" in replay, cards
    assert "skip a correct match" in cards["Song lookup › Live signals › Skip rate"], cards
    assert "Skip rate" in cards["Song lookup › Live signals"], cards
