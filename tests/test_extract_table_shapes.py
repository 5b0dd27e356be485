"""Tables of facts by their shape (issue 23, recall): a bar inside a cell's math is no column's edge; a table of
instances under "Examples" (of kinds, not one worked example) states facts, a card per row; rows keyed by formulas
in their first column are cards as rows keyed by names are; a row that answers one column asks that column; the
sentence that concludes from a table asks what follows from it, named by its columns; a column of short values
across three or more columns is a card, and so is the order of numbered rows. Notes of my own, through the extract API."""

from __future__ import annotations

from mlwiki import ids
from mlwiki.extract import NoteContext, extract


def _cards(body: str) -> dict[str, str]:
    found = extract(body, NoteContext(path="Margins.md", sections=True, title="Margins"))
    return {c.front: c.back for c in found.cards}


KINDS = "\n".join([
    "# Margins", "",
    "Margin bounds relate the norm of a separator to how well it generalises.", "",
    "## Examples", "",
    "| classifier family | capacity | reason |",
    "|---|---|---|",
    "| linear separators on the unit ball | $\\le B^2$ | margin bound in terms of the norm $|w|$ |",
    "| stumps on the line | 2 | two thresholds cannot label three points alternately |",
    "| a finite set $\\cF$ | $\\le\\log_2|\\cF|$ | labelling $m$ points needs $2^{|m|}$ members |", ""])


def test_rows_of_an_examples_table_of_kinds_are_cards():
    cards = _cards(KINDS)
    assert cards["Margins › Examples › stumps on the line: capacity, reason?"] \
        == "- capacity: 2\n- reason: two thresholds cannot label three points alternately"
    assert cards["Margins › Examples › a finite set $\\cF$: capacity, reason?"].startswith(
        "- capacity: $\\le\\log_2|\\cF|$\n- reason: labelling")  # (the bars inside the math split no cell)


def test_a_worked_example_table_stays_out():
    worked = KINDS.replace("## Examples", "## Example: three made-up points")
    assert not any("stumps" in front for front in _cards(worked))
    arithmetic = KINDS.replace("| 2 | two thresholds", "| 2 | 1 + 1 = 2, two thresholds")
    assert not any("stumps" in front for front in _cards(arithmetic))


FORMULAS = "\n".join([
    "# Smoothness", "",
    "## Functions with a Lipschitz gradient", "",
    "| function | constant | why |",
    "|---|---|---|",
    "| $\\frac12 x^\\top A x$ | $\\lambda_{\\max}(A)$ | the Hessian is $A$ everywhere |",
    "| logistic loss (one sample) | $\\tfrac14 |x|^2$ | the sigmoid's slope is at most a quarter |",
    "| $\\log(1 + e^{t})$ | $\\tfrac14$ | its second derivative peaks at zero |", ""])


def test_rows_keyed_by_formulas_are_cards():
    cards = _cards(FORMULAS)
    front = "Smoothness › Functions with a Lipschitz gradient › $\\frac12 x^\\top A x$: constant, why?"
    assert cards[front] == "- constant: $\\lambda_{\\max}(A)$\n- why: the Hessian is $A$ everywhere"
    assert sum("Lipschitz gradient ›" in front for front in cards) == 3


ONE_COLUMN = "\n".join([
    "# Divergences", "",
    "## Generators", "",
    "| divergence | $g(u)$ |",
    "|---|---|",
    "| Kullback–Leibler | $u \\log u$ |",
    "| squared Hellinger | $(\\sqrt{u} - 1)^2$ |", ""])


def test_a_row_that_answers_one_column_asks_it_on_its_front_and_keeps_its_id():
    found = extract(ONE_COLUMN, NoteContext(path="Divergences.md", sections=True, title="Divergences"))
    card = next(c for c in found.cards if "Hellinger" in c.front)
    assert (card.front, card.back) == ("Divergences › Generators › squared Hellinger › $g(u)$", "$(\\sqrt{u} - 1)^2$")
    assert card.id == ids.card_id("basic", "table-row: Divergences › Generators › squared Hellinger")  # (its history)


CONCLUDED = "\n".join([
    "# Pipelines", "",
    "## Bubble size", "",
    "| schedule | micro-batches in flight | idle fraction |",
    "|---|---|---|",
    "| fill then drain | all of them | $(p-1)/(m+p-1)$ |",
    "| one forward, one backward | at most $p$ | $(p-1)/(m+p-1)$ as well |", "",
    "⇒ the interleaved order saves memory, not idle time.", "",
    "## Stages", "",
    "| stage | holds |",
    "|---|---|",
    "| first | the embedding and early blocks |",
    "| last | the late blocks and the output head |", "",
    "Placing the output head on its own stage balances memory across the devices when the vocabulary is large.", ""])


def test_the_sentence_that_concludes_from_a_table_asks_what_follows_from_the_table_named_by_its_columns():
    found = extract(CONCLUDED, NoteContext(path="Pipelines.md", sections=True, title="Pipelines"))
    card = next(c for c in found.cards if c.back == "⇒ the interleaved order saves memory, not idle time.")
    assert card.front == ("Pipelines › Bubble size\n\nWhat follows from the table of schedule by micro-batches in "
                          "flight, idle fraction?")  # (not the table itself: its rows' cards ask its cells)
    table = "\n".join(line for line in CONCLUDED.split("\n")[4:8])
    assert card.id == ids.card_id("basic", f"table-conclusion: Pipelines › Bubble size\n\n{table}\n\n"
                                           "What follows from this table?")  # (the id of the front it had)
    assert not any(c.front.startswith("Pipelines › Stages\n\n") for c in found.cards), "a paragraph of its own"


def test_a_section_card_of_the_conclusion_alone_is_reworded_and_keeps_its_id():
    long = "⇒ the interleaved order saves memory on every device, since fewer activations wait, but no idle time at all."
    found = extract(CONCLUDED.replace("⇒ the interleaved order saves memory, not idle time.", long),
                    NoteContext(path="Pipelines.md", sections=True, title="Pipelines"))
    card = next(c for c in found.cards if c.back == long)
    assert card.front.endswith("What follows from the table of schedule by micro-batches in flight, idle fraction?")
    assert card.id == ids.card_id("basic", "section: Pipelines › Bubble size")


COLUMNS = "\n".join([
    "# Sharding", "",
    "## Levels", "",
    "| level | shards | traffic | memory |",
    "|---|---|---|---|",
    "| none | nothing, every replica holds all | one all-reduce | $16P$ |",
    "| states | the optimiser moments only | one all-reduce | $4P + 12P/N$ |",
    "| everything | the weights as well | half as much again | $16P/N$ |", "",
    "## Loop", "",
    "| Number | Step | What happens |",
    "|---|---|---|",
    "| 1 | predict | the model maps the batch to outputs |",
    "| 2 | score | the loss compares the outputs with the targets |",
    "| 3 | update | the optimiser moves the weights against the gradient |", ""])


def test_a_column_of_short_values_and_the_order_of_numbered_rows_are_cards():
    cards = _cards(COLUMNS)
    assert cards["Sharding › Levels › traffic, by level"] == ("- none: one all-reduce\n- states: one all-reduce\n"
                                                               "- everything: half as much again")
    assert not any(front.startswith("Sharding › Levels › shards, by") for front in cards), "long cells: rows' cards"
    assert cards["Sharding › Loop › Step, in order"] == "1. predict\n2. score\n3. update"


GRID = "\n".join([
    "# Momentum", "",
    "## Settings people reuse", "",
    "| | usual value | library default |",
    "|---|---|---|",
    "| $\\mu$ | 0.9 | 0 |",
    "| step size | 0.01 | 0.001 |",
    "| damping | 0 | 0 |", "",
    "Why $\\mu = 0.9$: it averages over about ten past steps, long enough to smooth noise and short enough to turn.", ""])


def test_a_grid_of_short_values_under_an_empty_first_header_cell_is_its_headings_card():
    cards = _cards(GRID)
    back = cards["Momentum › Settings people reuse"]
    assert back.startswith("| | usual value | library default |") and "| step size | 0.01 | 0.001 |" in back
    assert back.endswith("Why $\\mu = 0.9$: it averages over about ten past steps, long enough to smooth noise and "
                         "short enough to turn.")
