"""Cards from notes as people write them (issue 16): question headings, question callouts, bold questions, lone
formulas, derivations, better formula fronts, the no-card guards, and what `check` and `init` say about a wiki."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import run as run_cli
from mlwiki import ids
from mlwiki.cli import cli
from mlwiki.extract import NoteContext, extract


def note(*lines: str) -> str:
    return "\n".join(lines) + "\n"


def cards(body: str, **options) -> list[tuple[str, str, str]]:
    # (a generic file name: the note has no subject unless a test gives one)
    found = extract(body, NoteContext(path=options.pop("path", "notes/index.md"), **options))
    return [(c.kind.value, c.front, c.back) for c in found.cards]


def run(root: Path, *args: str):
    return run_cli(root, *args, catch_exceptions=True)


def wiki(tmp_path: Path, files: dict[str, str], config: str = "") -> Path:
    tmp_path.mkdir(parents=True, exist_ok=True)
    (tmp_path / "mlwiki.toml").write_text(config + '[review]\ntimezone = "UTC"\n', encoding="utf-8")
    for name, text in files.items():
        path = tmp_path / "notes" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return tmp_path


# --- question headings -----------------------------------------------------------------------------------------

def test_question_heading_is_a_card_with_its_own_section_as_the_back():
    body = note("# VAE", "", "## Why are VAEs blurry?", "", "The decoder averages.", "", "- a list item", "",
                "### Detail", "", "Not part of it.", "", "## Next", "", "Neither.")
    assert cards(body) == [("basic", "VAE\n\nWhy are VAEs blurry?", "The decoder averages.\n\n- a list item")]


def test_comments_in_a_question_section_are_not_part_of_the_answer():
    body = note("## Why?", "", "Because. <!-- check this -->", "", "<!--", "a private note", "-->", "", "More.")
    assert cards(body) == [("basic", "Why?", "Because.\n\nMore.")]
    assert cards(note("## Why?", "", "<!-- only a comment -->")) == []


def test_myst_directives_in_a_question_section_are_not_part_of_the_answer():
    body = note("## Why?", "", "```{margin}", "A side note.", "```", "", "Because.", "", "```python", "x = 1", "```")
    assert cards(body) == [("basic", "Why?", "Because.\n\n```python\nx = 1\n```")]


def test_question_heading_with_nothing_under_it_or_switched_off_makes_no_card():
    assert cards(note("## Why?", "", "## Other", "", "text")) == []
    assert cards(note("## Why?", "", "text"), question_headings=False) == []


@pytest.mark.parametrize("body", [
    note("```", "## Why is this code?", "", "text", "```"),
    note("$$", "## Why? = x", "$$"),
    note("## Why off? {.no-card}", "", "text"),
    note("<!-- no-card -->", "## Why off?", "", "text"),
    note("<!--", "## Why commented?", "", "text", "-->"),
])
def test_question_heading_guards(body):
    assert [c for c in cards(body) if c[0] == "basic"] == []


def test_question_heading_in_front_matter_is_never_a_card(tmp_path):
    root = wiki(tmp_path, {"n.md": "---\ntitle: x\n# Why is this YAML?\n---\n\nPlain text.\n"})
    result = run(root, "cards", "--json")
    assert result.exit_code == 0 and json.loads(result.stdout) == []


def test_setext_headings_are_questions_and_part_of_the_heading_path():
    body = note("Attention", "=========", "", "Why scale the scores?", "----------------------", "",
                "The softmax saturates.", "", "Scores", "------", "", "The score is:", "", "$$s = q^\\top k / 8$$")
    assert cards(body) == [("basic", "Attention\n\nWhy scale the scores?", "The softmax saturates."),
                           ("formula", "Attention › Scores\n\nThe score is:", "$$s = q^\\top k / 8$$")]


# --- question callouts -----------------------------------------------------------------------------------------

@pytest.mark.parametrize("body, front, back", [
    (note("::: {.callout-note}", "## Why regularise?", "", "To generalise.", ":::"), "Why regularise?",
     "To generalise."),
    (note('::: {.callout-tip title="What is collapse?"}', "The decoder ignores $z$.", ":::"), "What is collapse?",
     "The decoder ignores $z$."),
    (note("> [!question] Why divide by $\\sqrt{d}$?", "> The softmax saturates."), "Why divide by $\\sqrt{d}$?",
     "The softmax saturates."),
    (note("> [!faq]- Multi-head attention", "> Several heads in parallel."), "Multi-head attention",
     "Several heads in parallel."),
    (note("> [!help]+ Which optimiser first", "> Adam."), "Which optimiser first", "Adam."),
    (note("> [!tip] Is the mask applied first?", "> Yes."), "Is the mask applied first?", "Yes."),
    (note("```{admonition} Why is it called descent?", ":class: tip", "It goes down the slope.", "```"),
     "Why is it called descent?", "It goes down the slope."),
    (note(":::{note} What if the step is too large?", ":name: big-step", "It diverges.", ":::"),
     "What if the step is too large?", "It diverges."),
    # answered on the title line, after a dash or an arrow, the body (if any) going on
    (note("> [!question] Does more data always shrink the posterior? — On average yes, not always."),
     "Does more data always shrink the posterior?", "On average yes, not always."),
    (note("> [!question]", "> Is the evidence ever worth computing? — Yes: it compares models."),
     "Is the evidence ever worth computing?", "Yes: it compares models."),
    (note("> [!question] Is MAP invariant to reparametrisation? → No:", "> the density picks up a Jacobian."),
     "Is MAP invariant to reparametrisation?", "No:\n\nthe density picks up a Jacobian."),
])
def test_question_callouts(body, front, back):
    assert cards(body) == [("basic", front, back)]


def test_callouts_that_ask_nothing_stay_text_and_their_title_leads_formula_fronts():
    body = note("> [!info] Complexity", "> Self-attention costs", "> $$T(n) = O(n^2 d) + c$$", "",
                "```{admonition} Schedules", "A schedule lowers the step.", "```", "",
                "::: {.callout-note}", "## A note", "Just text.", ":::")
    assert cards(body) == [("formula", "Complexity\n\nSelf-attention costs", "$$T(n) = O(n^2 d) + c$$")]


def test_myst_directives_that_are_not_prose_never_leak_and_no_card_divs_are_skipped():
    body = note("The update rule is:", "", "```{margin}", "Also called the learning rate.", "```", "",
                "```{figure} gd.png", ":name: fig", "Caption text?", "```", "", "$$w' = w - \\eta g$$", "",
                "::: {.callout-note .no-card title=\"Why not?\"}", "Off.", "", "$$a = b + c + d$$", ":::")
    found = cards(body)
    assert found == [("formula", "The update rule is:", "$$w' = w - \\eta g$$")]
    assert cards(note("> [!faq] Why?", "> Because."), question_callouts=False) == []
    assert cards(note("<!-- no-card -->", "> [!faq] Why?", "> Because.")) == []


# --- bold questions --------------------------------------------------------------------------------------------

def test_bold_questions_take_the_rest_of_the_paragraph_or_the_next_one():
    body = note("## Momentum", "", "**Why does it help?** It averages out oscillations.", "",
                "**What is Nesterov momentum?**", "", "It looks ahead:", "", "- one step", "", "Unrelated text.")
    assert cards(body) == [("basic", "Momentum\n\nWhy does it help?", "It averages out oscillations."),
                           ("basic", "Momentum\n\nWhat is Nesterov momentum?", "It looks ahead:\n\n- one step")]


def test_bold_text_that_is_no_question_or_a_list_item_or_switched_off_is_not_a_card():
    assert cards(note("**Note** this is bold.")) == []
    assert cards(note("- **Why?** item")) == []
    assert cards(note("**Why?** Because."), bold_questions=False) == []


# --- lone formulas, intros, derivations ------------------------------------------------------------------------

def test_lone_dollar_formulas_on_a_line_or_list_item_are_display_formulas():
    body = note("## ELBO", "", "The bound is", "", "$\\log p(x) \\ge \\mathcal{L}(q)$", "",
                "The trick writes the sample as:", "", "- $ z = \\mu + \\sigma \\epsilon $", "- $\\sigma$", "",
                "Inline $a = b + c$ in prose is not.")
    assert cards(body) == [("formula", "ELBO\n\nThe bound is", "$$\\log p(x) \\ge \\mathcal{L}(q)$$"),
                           ("formula", "ELBO\n\nThe trick writes the sample as:", "$$z = \\mu + \\sigma \\epsilon$$")]


def test_the_intro_looks_past_code_margins_images_and_comments_and_never_shows_them():
    body = note("# Attention", "", "![[diagram.png]]", "", "Attention, see [[Softmax|the softmax note]], is:", "",
                "```python", "attention(q, k, v)", "```", "", "<!-- TODO: the scaled version is: -->", "",
                "![plot](p.png)", "", "| a | b |", "|---|---|", "", "$$A = \\mathrm{softmax}(QK^\\top) V$$")
    assert cards(body) == [("formula", "Attention\n\nAttention, see the softmax note, is:",
                            "$$A = \\mathrm{softmax}(QK^\\top) V$$")]


def test_a_fragment_intro_is_joined_to_the_sentence_before_it():
    body = note("We bound the KL term. For the first expectation, there are no z terms:", "",
                "$$\\mathbb{E}_q[\\log p(x)] = \\log p(x)$$")
    assert cards(body)[0][1] == ("We bound the KL term. For the first expectation, there are no z terms:")


def test_a_formula_without_intro_is_the_heading_path_and_formula_and_check_warns():
    found = extract(note("## Kernels", "", "$$K(x, y) = (1 + x^\\top y)^p$$"), NoteContext(path="index.md"))
    assert [c.front for c in found.cards] == ["Kernels\n\nFormula"]
    assert [p.code for p in found.problems] == ["formula-front"]


def test_an_inline_formula_front_is_never_only_the_hidden_formula():
    found = cards(note("$a = b + c + d$ and $x = y + z + w$."), formulas="inline")
    assert found and all(front.strip() not in ("", "[...]") for _, front, _ in found)


def test_two_different_formulas_with_the_same_front_never_share_an_id():
    body = note("## Defs", "", "The formula is:", "", "$$a = b + c$$", "", "## Defs", "", "The formula is:", "",
                "$$x = y + z$$")
    found = extract(body, NoteContext(path="index.md")).cards  # no two cards of a note share a front:
    assert [(c.front, c.back) for c in found] == [("Defs\n\nThe formula is:", "$$a = b + c$$\n\n$$x = y + z$$")]
    assert found[0].id == ids.formula_id("a = b + c")


def test_the_same_formula_in_two_notes_is_one_card_and_check_says_where(tmp_path):
    root = wiki(tmp_path, {"a.md": "The loss is:\n\n$$L = (y - f(x))^2$$\n",
                           "b.md": "# Other\n\nWe minimise\n\n$$L = (y - f(x))^2$$\n"})
    listed = json.loads(run(root, "cards", "--json").stdout)
    assert len(listed) == 1
    check = run(root, "check")
    assert "notes/b.md:5: warning: the same card is also at notes/a.md:3" in check.stdout


# --- check and init say what the notes hold ---------------------------------------------------------------------

def test_check_counts_forms_and_names_the_setting_for_the_rest(tmp_path):
    glossary = "".join(f"**Term {k}**: the meaning of the term number {k}.\n\n" for k in range(4))
    root = wiki(tmp_path, {"g.md": glossary + "## Why?\n\nBecause.\n"})
    result = run(root, "check")
    assert result.exit_code == 0
    assert "cards by form: 1 heading that asks a question\n" in result.stderr  # (the glossary is no section card)
    assert "hint: 4 `**Term**: definition` paragraphs: `definitions = true` makes 4 cards" in result.stderr
    empty = wiki(tmp_path / "only-terms", {"g.md": glossary})
    listing = run(empty, "cards")
    assert "0 cards" in listing.stderr and "`definitions = true` makes 4 cards" in listing.stderr
    for command in ("review", "due"):  # any command that finds no card says why
        result = run(empty, command)
        assert result.exit_code == 0 and "`definitions = true` makes 4 cards" in result.stderr, command


def test_init_reads_the_notes_and_switches_on_what_they_are_written_in(tmp_path):
    (tmp_path / "notes").mkdir()
    (tmp_path / "notes" / "g.md").write_text("".join(f"**T{k}**: what the letter T{k} stands for.\n\n" for k in range(3))
                                             + "- **Batch size**: 32\n- **Optimizer**: [Adam](https://x.org)\n",
                                             encoding="utf-8")
    (tmp_path / "notes" / "m.md").write_text("The loss $L = (y - x)^2$ and $g = 2(x - y)$, $w' = w - g$.\n",
                                             encoding="utf-8")
    result = CliRunner().invoke(cli, ["init", str(tmp_path)])
    assert result.exit_code == 0, result.output
    config = (tmp_path / "mlwiki.toml").read_text(encoding="utf-8")
    assert "\ndefinitions = true  # your notes: 3 bold terms defined, 2 labelled values" in config
    assert '\nformulas = "inline"' in config
    assert len(json.loads(run(tmp_path, "cards", "--json").stdout)) == 6


def test_a_myst_notebook_gives_its_admonition_and_formula_cards(tmp_path):
    cells = [("markdown", "# GD\n\n```{margin}\nA margin note.\n```\n\nThe update rule is:"),
             ("code", "w = w - lr * g"), ("markdown", "$$w_{t+1} = w_t - \\eta g_t$$"),
             ("markdown", "```{admonition} Why is it called descent?\n:class: tip\nIt goes downhill.\n```")]
    notebook = {"cells": [{"cell_type": kind, "metadata": {}, "source": text,
                           **({"outputs": [], "execution_count": None} if kind == "code" else {})}
                          for kind, text in cells], "metadata": {}, "nbformat": 4, "nbformat_minor": 5}
    root = wiki(tmp_path, {"gd.ipynb": json.dumps(notebook)})
    listed = [(c["front"], c["back"]) for c in json.loads(run(root, "cards", "--json").stdout)]
    assert listed == [("GD\n\nThe update rule is:", "$$w_{t+1} = w_t - \\eta g_t$$"),
                      ("GD\n\nWhy is it called descent?", "It goes downhill.")]


def test_worked_examples_and_bold_labels_make_no_cards():
    body = note("Compute the loss:", "", "$$\\text{MSE} = (5 - 2)^2 = 9$$", "", "The gradient is:", "",
                "$$g = 0.25$$", "", "- $\\mathbf{x_1} = [2, 3], y_1 = +1$")
    assert cards(body) == []
    labels = note("**Note**: check the shapes first.", "", "**Step 2**: multiply.", "",
                  "**Sigmoid**: the function is:", "", "**Bias**: the error of the average model.")
    assert cards(labels, definitions=True) == [("definition", "Define: Bias", "the error of the average model.")]


def test_init_switches_definitions_on_for_a_small_vault_whose_bold_labels_all_define(tmp_path):
    (tmp_path / "notes").mkdir()
    (tmp_path / "notes" / "Dropout.md").write_text(
        "- **Dropout**: zeroing each activation at random while training, with probability p\n"
        "- **Inverted dropout**: scaling the kept activations at train time so inference needs no change\n",
        encoding="utf-8")
    result = CliRunner().invoke(cli, ["init", str(tmp_path)])
    assert result.exit_code == 0, result.output
    config = (tmp_path / "mlwiki.toml").read_text(encoding="utf-8")
    assert "\ndefinitions = true  # your notes: 2 bold terms defined, 0 labelled values" in config
    assert len(json.loads(run(tmp_path, "cards", "--json").stdout)) == 2
