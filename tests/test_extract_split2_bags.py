"""Heading-path fronts over a bag of facts (issue 23): a section card whose last heading says only where facts are
kept ("Practical stuff", "Implementation details that matter", "Why it helps / caveats", "Gotchas") over a list
of unrelated statements asks for none of them; it becomes a card per fact under "path › the item's topic". A list
the heading asks for ("Advantages") stays one card, and so does an item whose cue would be all it says. Notes of my
own, read through the extract API with sections on."""

from __future__ import annotations

from mlwiki.extract import NoteContext, extract
from mlwiki.extract.grabbag import split_grab_bag


def _cards(body: str, path: str = "Caching.md") -> dict[str, str]:
    found = extract(body, NoteContext(path=path, sections=True, title="Caching"))
    return {c.front: c.back for c in found.cards}


def _note(heading: str, *lines: str) -> str:
    return "\n".join(["# Caching", "", "A cache keeps recent results close to whoever asks for them again.", "",
                      f"## {heading}", "", *lines]) + "\n"


BAG = ["- pick the **eviction policy** (LRU, LFU): it decides what stays when memory runs out",
       "- the **hit rate** → the only number that says whether the cache pays for itself",
       "- warm-up: a cold cache sends every request to the database for the first minutes",
       "- key versioning"]


def test_a_qualified_bag_heading_over_bold_statements_becomes_a_card_per_fact():
    cards = _cards(_note("Practical stuff", *BAG))
    assert cards["Caching › Practical stuff › pick the eviction policy"].startswith("pick the **eviction"), cards
    assert "Caching › Practical stuff › the hit rate" in cards, cards
    assert cards["Caching › Practical stuff › warm-up"].startswith("warm-up: a cold cache"), cards
    assert cards["Caching › Practical stuff"] == "key versioning", cards  # (a name: it stays on the heading's card)


def test_one_half_of_a_heading_naming_a_bag_is_enough():
    cards = _cards(_note("Why it helps / caveats", *BAG[:3]))
    assert {"Caching › Why it helps / caveats › pick the eviction policy", "Caching › Why it helps / caveats › the hit rate",
            "Caching › Why it helps / caveats › warm-up"} <= set(cards), cards
    assert "Caching › Why it helps / caveats" not in cards, cards


def test_a_heading_that_asks_for_the_list_keeps_it_one_card():
    cards = _cards(_note("Advantages", *BAG[:3]))
    assert cards["Caching › Advantages\n\nWhat are the advantages of Caching?"].count("\n- ") == 2, cards


def test_an_item_whose_cue_is_all_it_says_stays_on_the_heading_card():
    split = split_grab_bag("Caching › Implementation details that matter", "\n".join([
        "- write-through for the session store, since a lost session logs the user out",
        "- jittered expiry times, spread over a minute, so that keys do not all expire together",
        "- short TTL on profile lookups"]), cues=True)
    assert split is not None, split
    fronts = dict(split)
    assert fronts["Caching › Implementation details that matter"] == "short TTL on profile lookups", split
    assert "Caching › Implementation details that matter › jittered expiry times" in fronts, split


def test_a_paragraph_after_the_bag_that_names_its_topic_is_its_own_card():
    cards = _cards(_note("Gotchas", *BAG[:3], "", "Alternatives: a read replica, when staleness of seconds is fine."))
    assert cards["Caching › Gotchas › Alternatives"].startswith("Alternatives: a read replica"), cards
    assert "Caching › Gotchas" not in cards, cards


def test_a_cited_work_names_its_fact_with_its_title_whole():
    split = split_grab_bag("Caching › Caveats", "\n".join([
        "- Berg et al. 2021 \"Cold starts\": most tail latency came from the first request after a deploy",
        "- stampedes: many misses for one key at once overload the database behind it",
        "- memory is bounded, so a large value evicts many small ones at a time"]), cues=True)
    assert split is not None and 'Caching › Caveats › Berg et al. 2021 "Cold starts"' in dict(split), split


def test_numbered_properties_are_counted_facts_each_asked_by_its_formula():
    """Under "Properties (learn these!)" the numbers only count the facts; a fact that opens on a formula is asked by
    that formula, the facts that name nothing stay on the heading's card."""
    body = "\n".join(["# Variance", "", "How far a random variable strays from its mean, squared, on average.", "",
                      "## Properties (learn these!)", "",
                      "1. $\\mathrm{Var}(X) \\ge 0$, and it is zero only for a constant.",
                      "2. $\\mathrm{Var}(aX + b) = a^2 \\mathrm{Var}(X)$, so a shift leaves it as it was.",
                      "3. It is **quadratic** in the scale.",
                      "4. For independent variables the variances of a sum add up, whatever their laws."]) + "\n"
    found = {c.front: c.back for c in extract(body, NoteContext(path="Variance.md", sections=True)).cards}
    assert found["Variance › Properties (learn these!) › $\\mathrm{Var}(X) \\ge 0$"].endswith("only for a constant."), found
    assert "Variance › Properties (learn these!) › $\\mathrm{Var}(aX + b) = a^2 \\mathrm{Var}(X)$" in found, found
    assert found["Variance › Properties (learn these!)\n\nWhat are the properties of Variance?"].startswith("3. It is **quadratic** in the scale.\n4. "), found


def test_numbered_steps_under_a_heading_that_asks_for_them_stay_one_card():
    body = "\n".join(["# Variance", "", "How far a random variable strays from its mean, squared, on average.", "",
                      "## Computing it in one pass", "",
                      "1. keep a running count, a running mean and a running sum of squared deviations",
                      "2. for each new value update the mean first, then the sum with the old and new means",
                      "3. at the end divide the sum by the count minus one for the sample variance"]) + "\n"
    found = {c.front: c.back for c in extract(body, NoteContext(path="Variance.md", sections=True)).cards}
    assert [f for f in found if f.startswith("Variance › Computing")] == ["Variance › Computing it in one pass"], found


def test_one_fact_left_on_the_heading_card_is_no_list():
    split = split_grab_bag("Caching › Gotchas", "\n".join(BAG[:3] + ["- sessions"]), cues=True)
    assert split is not None and split[0] == ("Caching › Gotchas", "sessions"), split


def test_takeaways_and_rules_of_thumb_name_bags_too():
    for heading in ("Key takeaways", "Rules of thumb", "Common mistakes", "Subtleties"):
        cards = _cards(_note(heading, *BAG[:3]))
        assert f"Caching › {heading} › warm-up" in cards, (heading, cards)


def test_a_bracketed_source_line_over_the_bag_is_on_no_card():
    split = split_grab_bag("Caching › Gotchas", "(collected from two outages and a vendor talk)\n\n" + "\n".join(
        BAG[:3] + ["- sessions"]), cues=True)
    assert split is not None and split[0] == ("Caching › Gotchas", "sessions"), split
    assert not any("outages" in back for _, back in split), split


PITFALLS = ["# Batch norm", "", "Normalises each channel, then rescales it with learned parameters.", "",
            "## Pitfalls", "",
            "Batch statistics at test time are a classic bug: calling the model without eval mode uses the batch's mean.",
            "", "Weight decay on the scale parameters is usually switched off, since it fights the normalisation.", "",
            "Gradient accumulation does not help, because each micro-batch still has its own statistics."]


def _bn(*lines: str) -> dict[str, str]:
    found = extract("\n".join(lines) + "\n", NoteContext(path="Batch norm.md", sections=True, title="Batch norm"))
    return {c.front: c.back for c in found.cards}


def test_paragraphs_under_a_bag_heading_become_a_card_each_however_short():
    cards = _bn(*PITFALLS)
    assert next(v for f, v in cards.items() if f.split("\n\n")[0] == "Batch norm › Pitfalls › Gradient accumulation").startswith("Gradient accumulation does not"), cards
    assert any(f.startswith("Batch norm › Pitfalls › Weight decay on the scale parameters") for f in cards), cards
    assert "Batch norm › Pitfalls › Batch statistics at test time\n\nWhat are batch statistics at test time?" in cards, cards
    assert "Batch norm › Pitfalls\n\nWhat are the pitfalls of batch norm?" not in cards, cards


def test_a_paragraph_that_goes_on_stays_with_the_one_before():
    cards = _bn(*PITFALLS[:7], "", "This is why evaluation numbers change from one batch size to another.", "",
                PITFALLS[-1])
    assert cards["Batch norm › Pitfalls › Batch statistics at test time\n\nWhat are batch statistics at test time?"].endswith("to another."), cards
    assert any(f.startswith("Batch norm › Pitfalls › Gradient accumulation") for f in cards), cards


def test_an_aside_names_no_part():
    cards = _bn(*PITFALLS[:7], "", "**Remark.** Layer norm has no such issue, having no batch statistics at all.")
    assert cards["Batch norm › Pitfalls\n\nWhat are the pitfalls of batch norm?"].startswith("Batch statistics at test time"), cards  # (one part named)
    assert not any(front.endswith("› Remark") for front in cards), cards


def test_a_remark_in_a_long_back_is_no_topic():
    from mlwiki.extract.grabbag import split_long_back
    filler = " It matters most for small batches, where the statistics of one batch are far from those of the data."
    back = "\n\n".join(["Running averages of the mean and variance are kept during training." + filler * 2,
                        "**Remark.** Frozen statistics are what fine-tuning usually keeps." + filler * 2,
                        "Group normalisation is the usual way out, since it normalises within each sample." + filler])
    split = split_long_back("Batch norm › Inference", back)
    assert split is not None and not any("Remark" in front for front, _ in split), split


def test_a_heading_half_of_which_is_where_to_read_more_is_no_bag():
    from mlwiki.extract.grabbag import is_grab_bag_front
    assert is_grab_bag_front("Caching › Tips & tricks", False)
    assert not is_grab_bag_front("Caching › Notes and references", False)
    assert not is_grab_bag_front("Caching › Links / notes", False)


def test_an_item_names_its_bold_colon_label_and_never_a_clause_start():
    split = split_grab_bag("Caching › Gotchas", "\n".join([
        "- **Eviction order:** the least recently used key goes first when memory runs out",
        "- since we shard by user, one busy account can fill a whole node by itself",
        "- what the cache returns after a deploy may still come from the old schema",
        "- warm-up: a cold cache sends every request to the database for the first minutes"]), cues=True)
    assert split is not None, split
    fronts = [front for front, _ in split]
    assert "Caching › Gotchas › Eviction order" in fronts and "Caching › Gotchas › warm-up" in fronts, fronts
    assert not any(front.endswith(("since we", "what the cache")) for front in fronts), fronts
