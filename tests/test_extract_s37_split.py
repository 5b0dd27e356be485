"""Backs too long for one recall (issue 23, session 37): a section card of more than ~90 words whose paragraphs or
items each say what they are about becomes a card per part, under a front that names the part (its label, its
bold term, its first sentence's subject); the first part keeps the card's front and id, but for a first list item
under its own label. A part that goes on from the one before ("This is …"), a list of steps and a list its sentence
introduces stay whole. Notes of my own, in the styles of the collections."""

from __future__ import annotations

from mlwiki.extract.grabbag import split_long_back

_FILLER = ("It is cheap to compute and easy to explain to people who have never trained a model before today, which "
           "matters more than it seems when a team has to agree on it.")


def _long(*parts: str) -> str:
    return "\n\n".join(parts)


def test_a_short_back_is_not_split():
    back = _long("Idempotency keys are sent with each write.", "Circuit breakers are what stops calls to a failing service.")
    assert split_long_back("Services › Retries", back) is None


def test_labelled_items_become_cards_under_their_labels():
    back = "\n".join(["- exact match only: no synonyms or paraphrases count, " + _FILLER,
                      "- smoothing: a zero count for long n-grams makes the geometric mean zero, " + _FILLER,
                      "- tokenization: the score moves with how the reference was split into tokens, " + _FILLER])
    split = split_long_back("Overlap score › gotchas", back)  # (the first item's label too: it opens no section;
    assert split is not None and [f for f, _ in split] == [  # the walk gives its card the bare heading's id)
        "Overlap score › gotchas › exact match only", "Overlap score › gotchas › smoothing",
        "Overlap score › gotchas › tokenization"]
    assert split[1][1].startswith("smoothing: a zero count"), split


def test_a_part_that_goes_on_from_the_one_before_stays_with_it():
    """"This is what people call …" means nothing alone: it stays on the card of the paragraph before."""
    back = _long("Plain factorization is undefined when most entries are missing. " + _FILLER,
                 "Gradient descent on the observed entries is how the factors are fitted instead. " + _FILLER,
                 "This is what people call the Funk method, after the blog post that made it known.")
    split = split_long_back("Factorization › why not the classic one?", back)
    assert split is not None and len(split) == 2, split
    assert split[1][0] == "Factorization › why not the classic one? › Gradient descent on the observed entries"
    assert split[1][1].endswith("after the blog post that made it known."), split


def test_a_paragraph_that_names_nothing_goes_on_from_the_one_before():
    """"While the stack …" has no subject a front could name: it stays with the paragraph before it, not moved up
    onto the first card."""
    back = _long("Traversal means walking along the edges of a graph in some order. " + _FILLER,
                 "Breadth-first search is the order that visits every neighbour before going deeper. " + _FILLER,
                 "While depth-first keeps a stack, breadth-first keeps a queue of the nodes to visit next.")
    split = split_long_back("Graphs › Traversal", back)
    assert split is not None and split[0][1].startswith("Traversal means") and "queue" not in split[0][1]
    assert split[1][1].endswith("queue of the nodes to visit next."), split


def test_steps_and_introduced_lists_stay_one_card():
    steps = "\n".join(f"{k}. step {k} of the merge loop: count the pairs and merge the most frequent, {_FILLER}"
                      for k in (1, 2, 3))
    assert split_long_back("Merges › Training", steps) is None
    introduced = _long("Three reasons it works:", "\n".join(
        f"- Reason {k} is that the noise averages out over many draws. {_FILLER}" for k in (1, 2, 3)))
    assert split_long_back("Bagging › why", introduced) is None


def test_a_paragraph_a_sentence_introduces_stays_with_it():
    """"Take a question like:" then the question: the question is the example, no topic of its own."""
    back = _long("A harder question may need a chain of lookups. " + _FILLER + " Take a question like:",
                 "User intent: which vendors sold the most units last year, and do they ship abroad? " + _FILLER)
    assert split_long_back("Retrieval › Multi-hop", back) is None


def test_vague_or_numbered_topics_name_no_part():
    """"The assumption is …" (whose?), "Intuition 2: …" (which?), "Example: …": no front could ask for them."""
    for second in ("The assumption is that every order of the items is possible, with its own probability. ",
                   "Example: a clinic whose patients are older than the population the model is used on. ",
                   "Intuition 2: each unit cannot rely on one input, so it spreads its weights out. "):
        back = _long("Permutation scores give each order of the items a probability. " + _FILLER, second + _FILLER)
        assert split_long_back("Listwise › Probability", back) is None, second


def test_a_paragraph_that_points_back_stays_with_the_item_before():
    """After a labelled item, "This matters most …" speaks of that item: it goes with it, not onto the first card."""
    back = "\n".join(["- exact match only: no synonyms or paraphrases count, " + _FILLER,
                      "- smoothing: a zero count for long n-grams makes the geometric mean zero, " + _FILLER])
    split = split_long_back("Overlap score › gotchas", back + "\n\nThis matters most for one sentence at a time.")
    assert split is not None and split[1][1].endswith("most for one sentence at a time."), split
