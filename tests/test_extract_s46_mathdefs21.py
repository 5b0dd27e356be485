"""A mathematical vault's statements (session 46): a `**Definition**.` paragraph breaks its one sentence around its
display formulas. Its card goes on to the end of that sentence (the condition after the formula, the second case
of a definition by cases), the formulas read out of it are not asked again beside it, and an Obsidian block id is no
part of its back. Notes written into tmp_path, read back through the CLI as a learner meets the cards."""

from __future__ import annotations

import pytest

from conftest import backs_by_front, new_wiki
from shared_notes import Scanned, SharedNotes

CONFIG = 'name = "T"\nformulas = "display"\ndefinitions = true\nsections = true\n[review]\ntimezone = "UTC"\n'


def cards_of(tmp_path, notes: dict[str, str]) -> dict[str, str]:
    return backs_by_front(new_wiki(tmp_path, notes, CONFIG))


BY_CASES = r"""# Spread of a Sample

## Statements

**Definition**. Let $Y$ be a random quantity with values in $\mathcal{Y}$. The _spread_ of $Y$ is defined as
$$
S(Y) := \max_{y\in\mathcal{Y}} y - \min_{y\in\mathcal{Y}} y\;,
$$

when $\mathcal{Y}$ is a finite set of numbers, and as
$$
S(Y) := \sup \mathcal{Y} - \inf \mathcal{Y}\;,
$$

when $\mathcal{Y}$ is an infinite bounded set.

The spread of an unbounded quantity is said to be infinite.
"""


NOTES = SharedNotes(CONFIG)  # every test's notes, in wikis scanned once for the module


@pytest.fixture(scope="module")
def shared(tmp_path_factory) -> Scanned:
    return NOTES.scan(tmp_path_factory)


SPREAD = NOTES.add({"Spread.md": BY_CASES})


def test_a_definition_by_cases_is_one_card_to_the_end_of_its_sentence(shared):
    """The statement's card stopped at its first formula, which ends on a comma: the case it holds for ("when … is
    a finite set") and the second case were on a formula card only, whose front was the statement's sentence."""
    made = shared.backs_by_front(SPREAD)
    statement = made["Spread of a Sample › Statements\n\nDefinition"]
    assert "when $\\mathcal{Y}$ is a finite set of numbers" in statement, made
    assert statement.rstrip().endswith("is an infinite bounded set."), made
    assert not any(back.startswith("$$S(Y) := \\max") for back in made.values()), made  # (not asked again)
    assert any("said to be infinite" in back for back in made.values()), made  # (a sentence of its own stays)


CONDITION_AFTER = r"""# Bounded Map

## Statements

**Definition**. Let $(M, \rho)$ be a metric space. A map $g: M \to M$ is said to be _bounded_ if there is a constant $K>0$ such that
$$
\rho(g(p), g(q)) \leq K
$$

holds for every pair of points $p, q$ of $M$.
"""


BOUNDED_MAP = NOTES.add({"Bounded Map.md": CONDITION_AFTER})


def test_the_formula_of_a_statement_carded_whole_is_not_split_out(shared):
    """The formula card asked the statement's words up to the formula and lost the condition after it ("holds
    for every pair of points"); the statement's card holds both."""
    made = shared.backs_by_front(BOUNDED_MAP)
    assert list(made) == ["Bounded Map › Statements\n\nDefinition"], made
    assert made["Bounded Map › Statements\n\nDefinition"].rstrip().endswith("every pair of points $p, q$ of $M$.")


SECOND_FORMULA = r"""# Mean Deviation

## Statements

**Definition**. Let $Z$ be a random variable with a finite mean $m$. The _mean deviation_ of $Z$ is defined as

$$
D(Z) = E(|Z - m|)
$$

provided that this mean is finite. The _relative mean deviation_ of $Z$ is defined as the ratio of the two,

$$
R(Z) = D(Z) / |m|.
$$

**Remark**. Unlike the variance, the mean deviation weighs every distance from the mean alike.
"""


MEAN_DEVIATION = NOTES.add({"Mean Deviation.md": SECOND_FORMULA})


def test_a_formula_the_statement_goes_on_to_introduce_joins_its_card(shared):
    """After the first formula the sentence goes on ("provided that …") and introduces a second formula with a
    comma: both are the statement's, as the writer set them in one paragraph run."""
    made = shared.backs_by_front(MEAN_DEVIATION)
    statement = made["Mean Deviation › Statements\n\nDefinition"]
    assert "provided that this mean is finite" in statement and "R(Z) = D(Z) / |m|." in statement, made
    assert sum("R(Z) = D(Z)" in back for back in made.values()) == 1, made


BLOCK_ID = r"""# Filter

## Statements

**Definition**. Let $S$ be a set, a family $\mathcal{U}$ of subsets of $S$ is a _filter_ on $S$ if ^a1b2c3
- The whole set belongs to it: $S\in\mathcal{U}$.
- It is closed under finite intersections.
- It holds every superset of its members.
"""


FILTER = NOTES.add({"Filter.md": BLOCK_ID})


def test_an_obsidian_block_id_is_no_part_of_a_statements_back(shared):
    """The id Obsidian gives a line for links (`^a1b2c3`) closed the statement's first line on its card."""
    made = shared.backs_by_front(FILTER)
    statement = made["Filter › Statements\n\nDefinition"]
    assert "^a1b2c3" not in statement and "is a _filter_ on $S$ if\n- The whole set" in statement, made


REMARK_AFTER_DEFINITION = r"""# Median

## Statements

**Definition**. A _median_ of a random variable $Z$ is any number $m$ with $P(Z \le m) \ge 1/2$ and $P(Z \ge m) \ge 1/2$.

**Remark**. Unlike the mean, a median need not be unique: every point of a flat stretch of the distribution function at one half is one.
"""

REMARK_UNDER_REMARKS = r"""# Median

## Remarks

**Remark**. Unlike the mean, a median need not be unique: every point of a flat stretch of the distribution function at one half is one.
"""


def test_a_remark_under_a_bare_heading_is_asked_as_a_remark(tmp_path):
    """A `**Remark**.` after the statement sat under the bare heading "… › Statements", which asks for the
    statement, not for the remark beside it; under "## Remarks" the heading says so already."""
    made = cards_of(tmp_path / "a", {"Median.md": REMARK_AFTER_DEFINITION})
    assert made["Median › Statements › remark"].startswith("**Remark**. Unlike the mean"), made
    made = cards_of(tmp_path / "b", {"Median.md": REMARK_UNDER_REMARKS})
    assert "Median › Remarks" in made and "Median › Remarks › remark" not in made, made


MOTIVATION = """# Optimisers

## Adaptive step sizes

Plain gradient steps crawl along shallow valleys and zigzag across steep ones, so training takes many epochs. To
overcome these problems, newer optimisers were designed, and they now train most large networks.

## Notice

Notice the evaluation pass runs without gradients, because nothing is updated while measuring the loss.
"""


OPT = NOTES.add({"opt.md": MOTIVATION})


def test_a_sections_motivation_is_asked_as_its_motivation(shared):
    """A paragraph that tells what went wrong before and that newer methods overcome it does not say what adaptive
    step sizes are: it is asked for the motivation."""
    made = shared.backs_by_front(OPT)
    assert made["Optimisers › Adaptive step sizes › motivation"].startswith("Plain gradient steps crawl"), made
    assert "Optimisers › Notice" in made  # (a heading that names the remark asks it already)


NUMBERED = r"""# Warm-up

## Schedules

- Option 1: $\eta_t = \eta_0 \, t / T$
- Option 2: $\eta_t = \eta_0 \, (1 - e^{-t/T})$
"""


WARMUP = NOTES.add({"warmup.md": NUMBERED})


def test_formulas_the_writer_only_numbers_are_one_card_under_their_heading(shared):
    """"Option 2:" over a formula did not say which formula the card asked for; the numbered formulas together
    answer the heading, in the writer's order."""
    made = shared.backs_by_front(WARMUP)
    assert made["Warm-up › Schedules"] == ("- Option 1: $\\eta_t = \\eta_0 \\, t / T$\n"
                                          "- Option 2: $\\eta_t = \\eta_0 \\, (1 - e^{-t/T})$"), made
    assert not any(front.endswith("Option 2:") for front in made), made


def test_init_still_counts_the_formulas_a_statements_card_shows(tmp_path):
    """The formula cards a statement's card shows whole are left out, but the notes hold those display formulas all
    the same: `mlwiki init` counted only the cards kept and, with inline math around, switched display formulas
    off for a vault of definitions."""
    import tomllib

    from conftest import run, write

    folder = tmp_path / "vault"
    inline = "".join(f"The bound for case {k} reads $x_{k} \\le {k} y_{k} + z$ here.\n\n" for k in range(1, 8))
    for name in ("Bounded Map", "Mean Deviation"):
        note = CONDITION_AFTER if name == "Bounded Map" else SECOND_FORMULA
        write(folder, f"{name}.md", note + "\n## Bounds\n\n" + inline)
    run(None, "init", folder, ok=True)
    config = tomllib.loads((folder / "mlwiki.toml").read_text(encoding="utf-8"))
    assert config.get("formulas", "display") == "display", config


TWO_FORMULAS = r"""# Counting Function

## Statements

**Definition**. Let $A$ be a finite set, and call any subset of $A$ a selection. The _counting function_ of a selection is defined as
$$
N: 2^A \to \{0, 1, \ldots, |A|\}
$$

$$
N(B) = \sum_{a \in A} [a \in B]
$$
"""


COUNTING = NOTES.add({"Counting.md": TWO_FORMULAS})


def test_the_formula_after_an_open_formula_of_a_statement_is_on_its_card(shared):
    """The map's type, then its value: the statement's first formula ends no sentence and the next paragraph is its
    second formula, which the statement's card left off."""
    made = shared.backs_by_front(COUNTING)
    assert sum("N(B) = " in back for back in made.values()) == 1, made  # (the statement's card or the formula's)
    assert all("N(B) = " in back for front, back in made.items() if front.endswith("Definition")), made



def test_a_remark_beside_a_statement_is_asked_by_its_own_topic():
    """The statement's card answers "… › Statements"; a paragraph after it on another matter ("… is said to exist,
    if it is finite"), left over after the statement took its sentence on, was asked by that same bare heading. It
    is asked by what it speaks of, and keeps its id (`id_front`)."""
    from mlwiki.extract.draft import Draft
    from mlwiki.extract.lone_remarks import lone_remark_cards
    from mlwiki.models import CardKind

    path = "Median of a Sample › Statements"
    statement = Draft(CardKind.DEFINITION, f"{path}\n\nDefinition", "The _median_ of the sample is defined as …", 5,
                      form="statement")
    remark = Draft(CardKind.BASIC, path, "The median of a sample is said to be unique, if the sample size is odd.",
                   12, form="section", id_front=f"section: {path}")
    [_, (drafts, _)] = lone_remark_cards([([statement], path), ([remark], path)], [])
    assert drafts[0].front == f"{path} › The median of a sample", drafts[0]
    assert drafts[0].id_front == f"section: {path}"
    alone = lone_remark_cards([([remark], path)], [])  # (no statement answers the heading: the front stays)
    assert alone[0][0][0].front == path
