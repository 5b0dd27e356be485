"""Clozes of a list under a lead-in, and a cue before each blank (session 48, leadclozes48). A card whose front was a
heading path and the line introducing its list ("… › Bound\\n\\nThree facts follow:") asked for every item at once,
the lead-in saying no more of each item than a bare heading does: it is a card per item now, the lead-in shown above
the list as a question is. A blank whose item has no label keeps the item's subject and verb ("- SVR uses [...]"),
so that items which could each fill a bare "- [...]" are told apart. Notes and drafts of my own."""

from __future__ import annotations

import pytest


from mlwiki.extract.draft import Draft
from mlwiki.extract.list_clozes import list_clozes
from mlwiki.extract.list_cards import LIST_FORM
from mlwiki.models import CardKind
from shared_notes import Scanned, SharedNotes

CONFIG = 'name = "T"\nformulas = "display"\ndefinitions = false\nsections = true\n[review]\ntimezone = "UTC"\n'
PATH = "Tides › Spring and neap tides"
ITEMS = ("- $$F$$ is largest at new and full moon, when the spring tides come\n"
         "- a neap tide comes about a week after each spring tide, at the quarter moons\n"
         "- the range of a spring tide is often twice the range of the neap tide before it")


def _clozes(front: str, back: str, form: str = LIST_FORM) -> list[Draft]:
    draft = Draft(CardKind.BASIC, front, back, 12, form=form, id_front=f"{form}: {PATH}")
    return [card for group, _ in list_clozes([([draft], PATH)]) for card in group]


def test_a_list_under_its_lead_in_is_a_card_per_item_the_lead_in_shown():
    """The list's card "path / Three facts follow:" over three claims: each claim a card of its own, the lead-in
    and the other claims on its front; the first keeps the list card's id_front (its review history)."""
    cards = _clozes(f"{PATH}\n\nThree facts follow:", ITEMS)
    assert len(cards) == 3, cards
    assert cards[1].front == (f"{PATH}\n\nThree facts follow:\n\n- $$F$$ is largest at new and full moon, when the "
                              "spring tides come\n- a neap tide [...]\n- the range of a spring tide is often twice the range "
                              "of the neap tide before it"), cards[1].front
    assert cards[1].back == "a neap tide comes about a week after each spring tide, at the quarter moons"
    assert cards[0].id_front == f"{LIST_FORM}: {PATH}"


def test_a_lead_in_calling_its_items_facts_makes_short_formula_claims_clozes_too():
    """Items a formula and a few words each are short beside a bare heading's claims, but "Properties:" says each
    is a claim of its own."""
    short = "- $$a_1$$ is the first moment;\n- bounded in $$n$$: $$a_n \\le a_{n+1}$$;\n- $$a_n \\to 1$$ as n grows."
    assert len(_clozes(f"{PATH}\n\nProperties (my lecture notes):", short)) == 3
    assert len(_clozes(f"{PATH}\n\nIn more detail:", ITEMS)) == 1  # (a lead-in naming no claims: one answer)


def test_a_line_that_is_no_lead_in_keeps_the_list_on_one_card():
    """A list card whose front line says a fact of its own, not ending in ':', stays as it is."""
    assert len(_clozes(f"{PATH}\n\nThe Moon does most of the work.", ITEMS)) == 1


RIVERS = """# Deltas

## Nile vs Mississippi

- The Mississippi delta grows seaward as a bird's foot, its channels kept in place by levees of silt
- The Nile has an arc-shaped delta, since waves spread the sand sideways along the coast
- Dams upstream starve both of sediment, and both now lose land every year
"""


NOTES = SharedNotes(CONFIG)  # every test's notes, in wikis scanned once for the module


@pytest.fixture(scope="module")
def shared(tmp_path_factory) -> Scanned:
    return NOTES.scan(tmp_path_factory)


DELTAS = NOTES.add({"Deltas.md": RIVERS})


def test_an_unlabelled_blank_keeps_its_subject_and_verb(shared):
    """Three claims that each could fill "- [...]": the blank keeps what its item opens with ("- The Nile has
    [...]"); an item with a label keeps its label as before."""
    cards = shared.cards(DELTAS)
    fronts = {c["back"]: c["front"] for c in cards}
    nile = fronts["The Nile has an arc-shaped delta, since waves spread the sand sideways along the coast"]
    assert "\n- The Nile has [...]\n" in nile, nile
    dams = fronts["Dams upstream starve both of sediment, and both now lose land every year"]
    assert dams.endswith("\n- Dams upstream starve [...]"), dams  # (no subject and verb it opens with: its first
    # words, session 50)


def test_a_label_holding_a_formula_is_counted_by_its_words():
    """"$$k(x) = 0$$ at every root: …" is labelled by its statement, four words with the formula one."""
    items = ("- $$g(x) = 0$$ at every root: the curve crosses the axis there and the sign flips across it\n"
             "- its slope at a root is never zero when the roots are simple, so Newton's method converges fast")
    cards = _clozes(PATH, items, form="section")
    assert cards[0].front.endswith("- $$g(x) = 0$$ at every root: [...]\n- its slope at a root is never zero when "
                                   "the roots are simple, so Newton's method converges fast"), cards[0].front
