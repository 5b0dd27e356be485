"""Facts in a formula's lead-in (issue 23): a formula card's front shows the sentences of its paragraph before the
one that introduces the formula, but a fact there was asked by no card. A sentence that defines a bold term
becomes a definition card, one that opens by naming its subject a card asked by that subject, and the formula's
front keeps the introducing sentence alone when it reads alone. Notes of my own, through the extract API with
sections on."""

from __future__ import annotations

from mlwiki.extract import NoteContext, extract
from mlwiki.models import CardKind


def _cards(body: str, path: str = "Queues.md") -> dict[str, tuple[CardKind, str]]:
    found = extract(body, NoteContext(path=path, sections=True, title="Queues"))
    return {c.front: (c.kind, c.back) for c in found.cards}


def _formula_front(cards: dict[str, tuple[CardKind, str]], formula: str) -> str:
    return next(front for front, (kind, back) in cards.items() if kind == CardKind.FORMULA and formula in back)


WAIT = "W = \\frac{1}{\\mu - \\lambda}"


def test_a_bold_term_defined_before_the_introducing_sentence_is_a_definition_card():
    cards = _cards(f"""# Queues

## Waiting time

Define the **load** $\\rho = \\lambda / \\mu$ of a single server. The mean time a job spends in the system then
has a simple closed form:

$$
{WAIT}
$$
""")
    kind, back = cards["Queues › Waiting time\n\nDefine: load"]
    assert kind == CardKind.DEFINITION and back.startswith("Define the **load** $\\rho"), cards
    front = _formula_front(cards, WAIT)  # (the definition has its card: the front keeps what introduces)
    assert front == "Queues › Waiting time\n\nThe mean time a job spends in the system then has a simple closed " \
                    "form:", cards


def test_a_sentence_naming_its_subject_before_the_introduction_is_asked_by_it():
    cards = _cards(f"""# Queues

## Waiting time

Little's law is a relation between the jobs waiting, their arrival rate and their wait. The mean time a job
spends in a system of one server with exponential service times is:

$$
{WAIT}
$$
""")
    assert cards["Queues › Waiting time › Little's law"][1].startswith("Little's law is a relation"), cards
    assert _formula_front(cards, WAIT) == "Queues › Waiting time\n\nThe mean time a job spends in a system of one " \
                                          "server with exponential service times is:", cards


def test_a_name_given_after_the_sentence_it_names_is_asked_with_that_sentence():
    cards = _cards(f"""# Queues

## Waiting time

Model arrivals as a Poisson stream and service times as exponential, with one server. This is the
**M/M/1 queue**.

$$
{WAIT}
$$
""")
    kind, back = cards["Queues › Waiting time\n\nDefine: M/M/1 queue"]
    assert back.startswith("Model arrivals as a Poisson stream") and back.endswith("This is the **M/M/1 queue**."), \
        cards
    assert "This is the **M/M/1 queue**" in _formula_front(cards, WAIT), cards  # (its front still says what it is)


def test_a_bold_term_with_a_dash_over_a_formula_is_defined_by_the_words_after_it():
    cards = _cards(f"""# Queues

## Waiting time

- **Mean wait** — grows without bound as the arrival rate nears the service rate:

$$
{WAIT}
$$
""")
    assert cards["Queues › Waiting time\n\nDefine: Mean wait"][1] == \
        "Grows without bound as the arrival rate nears the service rate.", cards


def test_sentences_that_only_introduce_and_fronts_that_need_them_stay():
    cards = _cards(f"""# Queues

## Waiting time

Keep track of the **backlog** $b_t$ of jobs at every step. Start with $b_0 = 0$.

$$
{WAIT}
$$

The update is:

$$
b_{{t+1}} = \\max(0, b_t + a_t - s_t)
$$
""")
    assert "Queues › Waiting time\n\nDefine: backlog" in cards, cards
    front = _formula_front(cards, WAIT)  # ("Start with …" introduces nothing alone: the front keeps the sentence)
    assert "Keep track of the **backlog**" in front, cards
    assert sum(kind != CardKind.FORMULA for kind, _ in cards.values()) == 1, cards  # ("The update is:": no card)


def test_a_labelled_fact_is_asked_by_its_label_and_its_paragraph_is_not_carded_again():
    cards = _cards(f"""# Queues

## Waiting time

Trouble with a fixed service rate: the queue grows without bound once **arrivals** outpace the **server**.
The mean time a job spends in a stable single-server system is:

$$
{WAIT}
$$
""")
    assert cards["Queues › Waiting time › Trouble with a fixed service rate"][1].startswith("the queue grows"), cards
    assert _formula_front(cards, WAIT) == "Queues › Waiting time\n\nThe mean time a job spends in a stable " \
                                          "single-server system is:", cards
    assert len(cards) == 2, cards  # (no card of the paragraph by its bold words besides)


def test_a_label_that_is_a_clause_makes_no_card_and_a_set_up_keeps_the_front():
    cards = _cards(f"""# Queues

## Waiting time

Every textbook derives the wait from the birth–death chain: the steady state balances the flow in and out of
each state. With arrival rate $\\lambda$ and service rate $\\mu$:

$$
{WAIT}
$$
""")
    assert len(cards) == 1 and "Every textbook" in _formula_front(cards, WAIT), cards


def test_an_introduction_that_points_back_keeps_the_sentences_before_it():
    cards = _cards(f"""# Queues

## Waiting time

Define the **load** $\\rho = \\lambda / \\mu$ of a single server. The mean time in the system grows with it as
follows:

$$
{WAIT}
$$
""")
    assert "Queues › Waiting time\n\nDefine: load" in cards, cards
    assert "Define the **load**" in _formula_front(cards, WAIT), cards  # ("grows with it": with what?)
