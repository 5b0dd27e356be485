"""Fronts cut from the sentence their back goes on with (issue 23): a front is cut from a sentence only at its real
subject. A participle phrase or a case's bare label before a formula says nothing of what the formula is: the front
shows the formula's left side. A subordinate opening ("For every pair … such that") before a formula the sentence
goes on from is the condition of the next formula, shown on that card's front. A relation under a condition ("A ≠ B
whenever …") is asked whole ("When is A ≠ B?"). A grab-bag item's topic is no predicate or clause cut off, and a
word in bold that an arrow leads to is what the card asks for. Notes of my own, through the extract API."""

from __future__ import annotations

from mlwiki.extract import NoteContext, extract


def _cards(body: str, title: str = "Smoothing") -> dict[str, str]:
    found = extract(body, NoteContext(path=f"{title}.md", sections=True, title=title))
    return {c.front: c.back for c in found.cards}


def test_a_participle_phrase_before_a_formula_gets_its_left_side():
    cards = _cards("\n".join([
        "# Smoothing", "", "## Second order step", "",
        "Using a second-order expansion $$g(w+d) \\approx g(w) + d\\,g'(w) + \\tfrac12 d^2 g''(w)$$", ""]))
    front = "Smoothing › Second order step\n\nUsing a second-order expansion: $g(w+d) \\approx$ …"
    assert front in cards, cards


def test_a_case_label_before_its_formulas_gets_their_left_sides():
    cards = _cards("\n".join([
        "# Smoothing", "", "## Derivatives per loss", "",
        "- Squared $$u_i = p_i - y_i$$ $$v_i = 1$$",
        "- Logistic $$u_i = p_i - y_i$$ $$v_i = p_i(1-p_i)$$", ""]))
    assert "Smoothing › Derivatives per loss\n\nSquared: $u_i =$ …, $v_i =$ …" in cards, cards
    assert "Smoothing › Derivatives per loss\n\nLogistic: $u_i =$ …, $v_i =$ …" in cards, cards


def test_a_label_with_its_colon_keeps_its_front():
    cards = _cards("\n".join(["# Smoothing", "", "## Moments", "", "Mean:", "", "$$E[K] = k q$$", ""]))
    assert "Smoothing › Moments\n\nMean:" in cards, cards


def test_a_condition_a_sentence_goes_on_from_is_shown_on_the_next_formula():
    cards = _cards("\n".join([
        "# Atlas", "", "## Statement", "",
        "For every pair of charts $i,j$ such that",
        "$$S:=V_i\\cap V_j\\neq\\emptyset\\;,$$",
        "the transition maps",
        "$$\\tau_{ij}=\\psi_j^{-1}\\circ\\psi_i$$",
        "are smooth.", ""]), "Atlas")
    front = ("Atlas › Statement\n\nFor every pair of charts $i,j$ such that $S:=V_i\\cap V_j\\neq\\emptyset$, "
             "the transition maps")
    assert front in cards, cards
    assert not any(back.startswith("$$S:=") for back in cards.values()), cards


def test_a_relation_under_a_condition_is_asked_whole():
    cards = _cards("\n".join([
        "# Detectors", "", "## Rates", "",
        "| rate | meaning |", "|---|---|", "| recall | found share |", "| precision | right share |", "",
        "Precision ≠ recall whenever the detector's threshold moves away from the point where false alarms and "
        "misses are equally many, which any tuned detector does.", ""]), "Detectors")
    assert "Detectors › Rates › When is Precision ≠ recall?" in cards, cards


def test_a_grab_bag_item_is_titled_by_its_subject_only():
    cards = _cards("\n".join([
        "# Accumulation", "",
        "Summing gradients over several small batches before one optimiser step.", "",
        "## Gotchas", "",
        "- not quite the same if the network has dropout: each small batch draws its own masks",
        "- data parallelism already is accumulation over the devices of one step",
        "- schedulers: step them per optimiser step and never per small batch", ""]), "Accumulation")
    assert "Accumulation › Gotchas › data parallelism" in cards, cards
    assert not any(front.endswith("if the network") for front in cards), cards


def test_a_bold_word_an_arrow_leads_to_is_asked_for():
    cards = _cards("\n".join([
        "# Slow encoder", "", "## Momentum", "",
        "The key encoder follows the query encoder slowly, as an average of its past weights over many steps.", "",
        "$$\\theta_k \\leftarrow m\\,\\theta_k + (1-m)\\,\\theta_q$$", "",
        "| momentum | 0 | 0.9 | 0.99 |", "|---|---|---|---|", "| accuracy | none | 55 | 58 |", "",
        "$m = 0$ means copying the query weights at every step → the run **diverges** (the loss swings). Keys "
        "made by a fast changing encoder no longer agree with the older keys in the queue, and slow change keeps "
        "them comparable.", ""]), "Slow encoder")
    assert not any(front.endswith("› diverges") for front in cards), cards
    assert any("→ the run …" in front for front in cards), cards


def test_a_reworded_front_keeps_the_id_of_the_front_it_had():
    from mlwiki import ids
    found = extract("\n".join([
        "# Detectors", "", "## Rates", "",
        "| rate | meaning |", "|---|---|", "| recall | found share |", "| precision | right share |", "",
        "Precision ≠ recall whenever false alarms are rarer than misses, which a cautious detector shows all along "
        "its curve.", ""]), NoteContext(path="Detectors.md", sections=True, title="Detectors")).cards
    card = next(c for c in found if c.front == "Detectors › Rates › When is Precision ≠ recall?")
    assert card.id == ids.card_id("basic", "section: Detectors › Rates › Precision ≠ recall whenever false alarms")
