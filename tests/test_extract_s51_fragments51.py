"""Cards cut mid-sentence (session 51, fragments51, the held26 judges): a paragraph that breaks off on a conjunction
the list after it goes on from ("…, and" over its items) is asked as a sentence ended before the conjunction, its
items' cards showing it whole; a formula's introduction that breaks off on "and" ("where … and" over the formula)
ends on the formula's left side, so the front reads to its end and says what is asked. Notes written to tmp_path,
read back through the CLI as a learner meets the cards."""

from __future__ import annotations

import pytest

from shared_notes import Scanned, SharedNotes

CONFIG = 'name = "T"\nformulas = "display"\ndefinitions = true\nsections = true\n[review]\ntimezone = "UTC"\n'

LIST_NOTE = """# Boosting

## Overfitting with many rounds
Each round fits the residuals of the ensemble so far, the training loss keeps falling toward zero → the ensemble \
memorises the noise, and
- the validation loss turns upward after a few hundred rounds → early stopping on a held-out fold is the usual cure;
- shrinking each tree's contribution slows this down but needs more rounds.
"""

FORMULA_NOTE = """# Value functions

## Returns

$$
G_t = \\sum_{k=0}^{\\infty} \\gamma^k r_{t+k+1}
$$

where $h = (s_0, a_0, s_1, \\dots)$ and

$$
V^\\pi(s) = \\mathbb{E}_\\pi[G_t \\mid s_t = s]
$$
"""


NOTES = SharedNotes(CONFIG)  # every test's notes, in wikis scanned once for the module


@pytest.fixture(scope="module")
def shared(tmp_path_factory) -> Scanned:
    return NOTES.scan(tmp_path_factory)


BOOSTING = NOTES.add({"boosting.md": LIST_NOTE})


def test_a_paragraph_broken_off_on_and_before_a_list_is_asked_as_a_sentence(shared):
    """The heading's card ends its back at the conjunction, as a sentence; no back ends on "and"; each item's card
    shows the whole paragraph its item goes on from."""
    made = shared.backs_by_front(BOOSTING)
    assert not [b for b in made.values() if b.rstrip().endswith((" and", ", and"))], made
    assert "Each round fits the residuals of the ensemble so far, the training loss keeps falling toward zero → " \
           "the ensemble memorises the noise." in made.values(), made
    item_cards = [f for f, b in made.items() if b.startswith("the validation loss")]
    assert item_cards and "the ensemble memorises the noise, and" in item_cards[0], made


VALUES = NOTES.add({"values.md": FORMULA_NOTE})


def test_a_formula_introduction_broken_off_on_and_ends_on_what_is_asked(shared):
    """"where $h = …$ and" over $V^\\pi(s) = …$: the front goes on with the formula's left side."""
    made = shared.backs_by_front(VALUES)
    fronts = [f for f, b in made.items() if "\\mathbb{E}_\\pi" in b]
    assert fronts and fronts[0].endswith("and $V^\\pi(s) =$ …"), made
    assert not [f for f in made if f.rstrip().endswith(" and")], made


TOGGLE_NOTE = """# Embeddings

## Limitations

- One vector per word type → senses of a word are averaged into one vector. Contextual models fix this.
- Unknown words get no vector at all, which hurts on rare names.

- FastText (toggle from class)
    
    Bojanowski et al. 2017. Subword-based: split each word into character n-grams, then score a word by summing \
its n-gram vectors:
    
    $$
    s(w, c) = \\sum_{g \\in G_w} z_g^\\top v_c
    $$
    
    $G_w$ holds the n-grams of $w$ plus the word itself (so frequent words still get a vector of their own).
"""


EMBEDDINGS = NOTES.add({"embeddings.md": TOGGLE_NOTE})


def test_a_titled_toggle_names_the_cards_of_its_text(shared):
    """A list item that is only a name, its text indented under it after a blank line (a Notion toggle): the cards
    of that text are filed under the name, its fold hint left off; the list above is carded as before."""
    made = shared.backs_by_front(EMBEDDINGS)
    formula = [f for f, b in made.items() if "z_g^\\top v_c$$" in b and b.startswith("$$")]
    assert formula and formula[0].startswith("Embeddings › Limitations › FastText\n\n"), made
    assert not [f for f in made if "toggle" in f], made
    assert any(b.startswith("Unknown words get no vector") for b in made.values()), made


TREES = NOTES.add({
    "trees.md": (
        "# Trees\n\n## Splits\n\nA split picks the feature and threshold that most reduce the impurity of the "
        "children.\n\n- Criteria\n\n    - Gini impurity is cheap to compute and is the default in most "
        "libraries.\n    - Entropy grows a little slower near pure nodes and gives similar trees.\n")
})


def test_an_outline_branch_after_a_blank_line_is_no_toggle(shared):
    """A short item with only items nested under it after a blank line is an outline's branch, not a titled box:
    its items are not filed under it as a heading."""
    made = shared.backs_by_front(TREES)
    assert not [f for f in made if "› Criteria" in f], made


HEADS = NOTES.add({
    "heads.md": (
        "# Boosting\n\n## Heads\n$$\nH = \\text{Concat}(h_1, \\dots, h_k) W\n$$\n\n"
        "- every head works in $d_h = d / k$ dimensions (for example 768 / 12 = 64)\n"
        "- so the whole layer costs about the same as a single wide head\n"
        "- why: one head averages the values once per position, so several heads can follow different relations "
        "at once.\n")
})


def test_an_item_with_numbers_worked_out_in_brackets_keeps_its_rule(shared):
    """"- every head works in $d_h = d / k$ dimensions (for example 768 / 12 = 64)" over "- so the whole layer
    costs …": the rule is carded without its bracket, so the item that goes on from it keeps its premise."""
    made = shared.backs_by_front(HEADS)
    assert "every head works in $d_h = d / k$ dimensions" in made.values(), made
    goes_on = [f for f, b in made.items() if b.startswith("so the whole layer")]
    assert goes_on and "- every head works in $d_h = d / k$ dimensions\n" in goes_on[0], made


HEADS_2 = NOTES.add({
    "heads.md": (
        "# Boosting\n\n## Heads\n$$\nH = \\text{Concat}(h_1, \\dots, h_k) W\n$$\n\n"
        "- every head works in $d_h = d / k$ dimensions, a fraction of the model width\n"
        "- a head's score scale grows with its width. (2.5 + 1.5)² = 16, so scores are divided by the root\n"
        "- why: one head averages the values once per position, so several heads can follow different relations "
        "at once.\n")
})


def test_a_sums_bracket_is_no_aside_to_leave_out(shared):
    """"(2.5 + 1.5)² = 16" is a sum worked out, not an aside: the item is not carded with its bracket cut away
    ("… width.² = 16")."""
    made = shared.backs_by_front(HEADS_2)
    assert not [t for t in list(made) + list(made.values()) if ".² = 16" in t or "width.²" in t], made
