"""A section card whose list defines several named things (issue 23): "- Hit rate@k: …", "- Mean rank (MR): …"
on one back hide each definition among the others; each labelled item that defines its label becomes a card
"path › label" (with the short items nested under it), and the section's card keeps only what no item card holds
(its lead, the labels: "which ones?"), or goes when its front names them all. A list with a single labelled item, or
items that only name things, adds nothing; an item whose back repeats a sibling's, names a sibling, or is only its
aspect lines, is no card. Notes of my own, through the extract
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
    whole = cards["Song lookup › Judging the ranking"]  # (which scores, and the lead: on no item card)
    assert "Hit rate@k" in whole and "Mean rank" in whole and "exactly one matching song" in whole, cards
    assert "average position" not in whole and "ignores where" not in whole, cards


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
    assert path not in cards, cards  # (the sides say it all: "- Pros", "- Cons" alone asks nothing)


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
    assert "Song lookup › Live signals › Skip rate" not in cards, cards  # (only its cons: of what, on a card?)
    whole = cards["Song lookup › Live signals"]
    assert "Replay rate" in whole and "second time" not in whole and "skip a correct match" in whole, cards


TWINS = ["# Song lookup", "", "## Fields of a song", "",
         "- artist: a category; we map it to a learned vector",
         "- genre: a category; we map it to a learned vector",
         "- tempo: beats per minute, scaled into the unit interval before training",
         "- loudness: unlike tempo, measured per frame and averaged over the whole track",
         "- year: the release year, bucketed into decades so that rare years share data", ""]


def test_an_item_repeating_or_naming_a_sibling_stays_on_the_list_card():
    cards = _cards("\n".join(TWINS))
    path = "Song lookup › Fields of a song"
    assert f"{path} › artist" not in cards and f"{path} › genre" not in cards, cards  # (identical backs)
    assert f"{path} › loudness" not in cards, cards  # (read beside tempo)
    assert cards[f"{path} › tempo"].startswith("beats per minute"), cards
    whole = cards[path]
    assert "learned vector" in whole and "unlike tempo" in whole and "beats per minute" not in whole, cards


def test_a_list_whose_items_are_all_cards_and_named_by_its_front_goes():
    body = ["# Song lookup", "", "## Exact match vs fuzzy match", "",
            "- Exact match: the hummed pitches must equal a stored sequence note for note, which rarely happens when people hum from memory",
            "- Fuzzy match: a distance between pitch contours is allowed, so off-key or slightly rushed humming still finds the right song",
            "", "## Open problems", "",
            "- polyphony: look at source separation papers before trying anything on chords",
            "- tempo drift: the singer speeds up or slows down within one phrase of the tune",
            "- short clips: under three seconds of humming the contour matches far too many songs", ""]
    cards = _cards("\n".join(body))
    path = "Song lookup › Exact match vs fuzzy match"
    assert f"{path} › Exact match" in cards and f"{path} › Fuzzy match" in cards and path not in cards, cards
    assert "Song lookup › Open problems › polyphony" not in cards, cards  # (a pointer elsewhere defines nothing)


def test_a_list_card_left_with_labels_only_asks_which_ones():
    body = ["# Song lookup", "", "## Distances", "",
            "- Contour distance: compares whether each note goes up or down, ignoring by how much it moves, so a hummer who drifts off key still matches",
            "- Pitch distance: compares the absolute pitches note by note, so a tune hummed in another key scores badly however well it is sung", ""]
    cards = _cards("\n".join(body))
    assert cards["Song lookup › Distances"] == "Contour distance, Pitch distance", cards


def test_numbered_steps_with_labels_stay_one_card_in_order():
    steps = ["# Song lookup", "", "## Building the index", "",
             "1. fingerprint: every song in the catalogue is cut into short windows and each window is hashed.",
             "2. bucketing: hashes that collide are grouped so a lookup touches only a few candidate songs.",
             "3. scoring: each candidate is ranked by how many of the hummed tune's hashes it shares in order.", ""]
    cards = _cards("\n".join(steps))
    assert not any(front.endswith(("› fingerprint", "› bucketing", "› scoring")) for front in cards), cards
    whole = next(back for front, back in cards.items() if front.startswith("Song lookup › Building the index"))
    assert "1. fingerprint" in whole and "3. scoring" in whole, cards  # (the steps stay together, in their order)


READING = ["# Pattern recognition", "", "## Ch 4 Linear models (p. 179–220)", "",
           "- p. 181: least squares for classification is very sensitive to outliers far on the right side",
           "- p. 186: Fisher's criterion picks the direction that separates the projected class means most",
           "- p. 192: the perceptron converges in finitely many steps if the data are linearly separable",
           "- p. 205: logistic regression needs fewer parameters than the generative model with Gaussians", ""]


def test_a_list_of_the_pages_its_items_were_on_is_no_card():
    """A reading note's items are labelled by page: which pages there were is nothing to learn, and an item the
    section's card keeps does not drag the bare page numbers of its carded siblings along."""
    cards = _cards("\n".join(READING))
    assert "Pattern recognition › Ch 4 Linear models (p. 179–220)" not in cards, cards
    assert not any(back.replace("p. ", "").replace(",", "").replace(" ", "").isdigit() for back in cards.values()), cards
    kept = READING[:4] + ["- p. 179: the chapter at a glance, see $y(x) = w^T x + w_0$ and then eq. 4.4"] + READING[4:]
    for back in _cards("\n".join(kept)).values():
        assert "- p. 181\n" not in back + "\n" and not back.strip().endswith("- p. 205"), back
