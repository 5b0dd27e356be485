"""Card extraction (`mlwiki.extract`): every card form, the guards, identity and the lines reported.

Each test feeds a small note body to `extract()` and checks the exact kind, front, back and line of each card,
and the exact problems. Notes are written as lists of lines so that line numbers are easy to read off.
"""

from __future__ import annotations

import pytest

from mlwiki import ids
from mlwiki.extract import NoteContext, extract
from mlwiki.extract.blocks import parse_attrs
from mlwiki.extract.masking import mask_inline
from mlwiki.extract.prose import last_sentence
from mlwiki.models import CardKind, Severity


def note(*lines: str) -> str:
    return "\n".join(lines) + "\n"


def run(body: str, **options):
    options.setdefault("path", "index.md")  # (a generic name: no subject)
    return extract(body, NoteContext(**options))


def cards(body: str, **options) -> list[tuple[str, str, str, int]]:
    """(kind, front, back, line) of each card."""
    result = run(body, **options)
    return [(c.kind.value, c.front, c.back, c.source.line) for c in result.cards]


def problems(body: str, **options) -> list[tuple[int | None, str, str]]:
    """(line, severity, message) of each problem."""
    return [(p.line, p.severity.value, p.message) for p in run(body, **options).problems]


def only_problem(body: str, **options) -> tuple[int | None, str, str]:
    found = problems(body, **options)
    assert len(found) == 1, found
    return found[0]


# --------------------------------------------------------------------------------------------------------------
# Q: / A:
# --------------------------------------------------------------------------------------------------------------


def test_question_and_answer():
    assert cards(note("Q: What does Adam's β₂ control?", "A: The decay of the squared-gradient average.")) == [
        ("basic", "What does Adam's β₂ control?", "The decay of the squared-gradient average.", 1)]


def test_question_runs_until_the_answer_line():
    body = note("Intro.", "", "Q: Why divide by", "$\\sqrt{d_k}$ in attention?", "A: To keep the variance at 1.")
    assert cards(body) == [("basic", "Why divide by\n$\\sqrt{d_k}$ in attention?", "To keep the variance at 1.", 3)]


def test_question_may_span_a_blank_line():
    assert cards(note("Q: First part.", "", "Second part?", "A: Yes.")) == [
        ("basic", "First part.\n\nSecond part?", "Yes.", 1)]


def test_answer_ends_at_the_first_blank_line():
    body = note("Q: q?", "A: line one", "line two", "", "Not part of the answer.")
    assert cards(body) == [("basic", "q?", "line one\nline two", 1)]


def test_answer_keeps_code_fences_and_display_math_with_blank_lines():
    body = note(
        "Q: Newton step?",
        "A: Rescale by the inverse Hessian:",
        "$$",
        "x_{k+1} = x_k - H^{-1} g",
        "",
        "$$",
        "```python",
        "x = x - solve(H, g)",
        "",
        "print(x)",
        "```",
        "Quadratic near the minimum.",
        "",
        "After.",
    )
    [(kind, front, back, line)] = cards(body)
    assert (kind, front, line) == ("basic", "Newton step?", 1)
    assert back == ("Rescale by the inverse Hessian:\n$$\nx_{k+1} = x_k - H^{-1} g\n\n$$\n```python\n"
                    "x = x - solve(H, g)\n\nprint(x)\n```\nQuadratic near the minimum.")


def test_formula_inside_an_answer_is_not_a_formula_card():
    body = note("Q: Softmax?", "A: It is", "$$", "\\sigma(z)_i = e^{z_i} / \\sum_j e^{z_j}", "$$")
    assert [k for k, *_ in cards(body)] == ["basic"]


def test_a_new_question_line_ends_the_answer():
    body = note("Q: one?", "A: 1", "Q: two?", "A: 2")
    assert cards(body) == [("basic", "one?", "1", 1), ("basic", "two?", "2", 3)]


def test_question_in_list_items():
    body = note("- Q: What is a leaf?", "  A: A node without children.", "- Q: And the root?", "  A: The top node.")
    assert cards(body) == [("basic", "What is a leaf?", "A node without children.", 1),
                           ("basic", "And the root?", "The top node.", 3)]


def test_question_and_answer_as_sibling_list_items():
    assert cards(note("1. Q: Capital of France?", "2. A: Paris")) == [("basic", "Capital of France?", "Paris", 1)]


def test_question_after_prose_in_the_same_paragraph():
    body = note("Some prose about trees.", "Q: What is a leaf?", "A: A node without children.")
    assert cards(body) == [("basic", "What is a leaf?", "A node without children.", 2)]


def test_question_without_answer_is_an_error():
    assert only_problem(note("# H", "", "Q: a question", "", "Just prose.")) == (
        3, "error", "'Q:' has no matching 'A:' line")
    assert cards(note("Q: a question", "", "Just prose.")) == []


def test_question_followed_by_a_question_reports_the_first_only():
    body = note("Q: first?", "Q: second?", "A: answer")
    assert cards(body) == [("basic", "second?", "answer", 2)]
    assert problems(body) == [(1, "error", "'Q:' has no matching 'A:' line")]


def test_empty_answer_is_an_error():
    assert only_problem(note("Q: anything?", "A:")) == (1, "error", "card has an empty back")


def test_q_and_a_markers_need_the_line_start():
    assert cards(note("The letters Q: and A: appear here.")) == []


# --------------------------------------------------------------------------------------------------------------
# front :: back, front ::: back
# --------------------------------------------------------------------------------------------------------------


def test_one_line_card():
    assert cards(note("Adam's default β₂ :: 0.999")) == [("basic", "Adam's default β₂", "0.999", 1)]


def test_one_line_card_both_ways_shares_a_note_id():
    result = run(note("", "Precision ::: TP / (TP + FP)"))
    assert [(c.kind, c.front, c.back, c.source.line) for c in result.cards] == [
        (CardKind.BASIC, "Precision", "TP / (TP + FP)", 2), (CardKind.REVERSE, "TP / (TP + FP)", "Precision", 2)]
    basic, reverse = result.cards
    assert basic.note_id == reverse.note_id == basic.id != reverse.id


def test_list_of_term_definition_cards():
    body = note("- ReLU :: max(0, x)", "- GELU :: x Φ(x)", "* tanh ::: hyperbolic tangent", "3. SiLU :: x σ(x)")
    assert cards(body) == [("basic", "ReLU", "max(0, x)", 1), ("basic", "GELU", "x Φ(x)", 2),
                           ("basic", "tanh", "hyperbolic tangent", 3), ("reverse", "hyperbolic tangent", "tanh", 3),
                           ("basic", "SiLU", "x σ(x)", 4)]


def test_double_colon_without_spaces_is_not_a_card():
    """`std::vector`, `a::b` and Obsidian Dataview fields (`key:: value`) are prose, not cards."""
    body = note("Use std::vector<float> for the weights.", "", "created:: 2024-01-01", "", "torch::Tensor::view")
    assert cards(body) == []
    assert problems(body) == []


def test_double_colon_in_code_math_and_comments_is_not_a_card():
    body = note("Slice with `x[:: 2]` or `a :: b`.", "", "In Haskell $f :: a \\to b$ is a type.", "",
                "<!-- hidden :: card -->")
    assert cards(body) == []


def test_table_cells_with_double_colons_are_not_cards():
    body = note("| C++ | Haskell |", "|---|---|", "| std :: vector | f :: Int -> Int |")
    assert cards(body) == []


def test_four_colons_are_not_a_card():
    assert cards(note("a :::: b")) == []


def test_line_of_colons_is_a_fence_not_a_card():
    body = note("::: {.callout-note}", "Inside a callout.", ":::", "", "::: not a card")
    assert cards(body) == []
    assert problems(body) == [(5, "error", "fenced div ':::' is never closed")]


def test_stray_closing_fence_is_a_warning():
    assert only_problem(note("text", "", ":::")) == (3, "warning", "':::' closes a div that was never opened")


@pytest.mark.parametrize("line, side", [(" :: back", "front"), ("front ::", "back"), ("front ::: ", "back")])
def test_one_line_card_with_an_empty_side_is_an_error(line, side):
    assert only_problem(note(line)) == (1, "error", f"card has an empty {side}")


# --------------------------------------------------------------------------------------------------------------
# multi-line cards: ? and ??
# --------------------------------------------------------------------------------------------------------------


def test_multi_line_card():
    body = note("Text before.", "", "Why does momentum help", "on ill-conditioned problems?", "?",
                "Oscillating components cancel,", "consistent ones accumulate.", "", "After.")
    assert cards(body) == [("basic", "Why does momentum help\non ill-conditioned problems?",
                            "Oscillating components cancel,\nconsistent ones accumulate.", 3)]


def test_multi_line_card_both_ways():
    result = run(note("Vector–Jacobian product", "??", "What reverse-mode autodiff evaluates"))
    assert [(c.kind.value, c.front, c.back) for c in result.cards] == [
        ("basic", "Vector–Jacobian product", "What reverse-mode autodiff evaluates"),
        ("reverse", "What reverse-mode autodiff evaluates", "Vector–Jacobian product")]
    assert result.cards[0].note_id == result.cards[1].note_id


def test_question_mark_inside_a_code_block_does_not_split():
    body = note("```", "?", "```")
    assert cards(body) == []


def test_question_mark_at_the_end_of_a_line_is_not_a_separator():
    assert cards(note("Is this a question?", "Yes, but not a card.")) == []


# --------------------------------------------------------------------------------------------------------------
# card divs and callouts
# --------------------------------------------------------------------------------------------------------------


def test_card_div_with_a_heading_front_keeps_everything_else_as_back():
    body = note(
        "# Note",
        "",
        "::: {.card}",
        "## When to standardise before PCA?",
        "",
        "When scales differ:",
        "",
        "- units differ",
        "- variances differ",
        "",
        "| a | b |",
        "|---|---|",
        "| 1 | 2 |",
        "",
        "```python",
        "StandardScaler()",
        "",
        "```",
        "",
        "$$",
        "z = (x - \\mu) / \\sigma",
        "$$",
        ":::",
    )
    [(kind, front, back, line)] = cards(body)
    assert (kind, front, line) == ("basic", "When to standardise before PCA?", 3)
    assert back == ("When scales differ:\n\n- units differ\n- variances differ\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n"
                    "```python\nStandardScaler()\n\n```\n\n$$\nz = (x - \\mu) / \\sigma\n$$")


def test_card_div_with_a_paragraph_front():
    body = note("::: {.card}", "Decoupled weight decay", "(AdamW)", "", "Shrink the weights directly.", ":::")
    assert cards(body) == [("basic", "Decoupled weight decay\n(AdamW)", "Shrink the weights directly.", 1)]


def test_callout_card():
    body = note('::: {.callout-tip .card collapse="true"}', "## Why scale by $\\sqrt{d_k}$?", "",
                "Unscaled, the softmax saturates.", ":::")
    assert cards(body) == [("basic", "Why scale by $\\sqrt{d_k}$?", "Unscaled, the softmax saturates.", 1)]


def test_callout_title_attribute_is_the_front():
    body = note('::: {.callout-note .card title="What is a logit?"}', "A pre-softmax score.", "", "Unbounded.", ":::")
    assert cards(body) == [("basic", "What is a logit?", "A pre-softmax score.\n\nUnbounded.", 1)]


def test_inner_back_div_splits_explicitly():
    body = note(":::: {.card #adam-bias}", "Why does Adam divide $m_t$", "", "by $1 - \\beta_1^t$?", "",
                "::: back", "Because $m_0 = 0$.", ":::", "::::")
    result = run(body)
    assert [(c.id, c.front, c.back, c.source.line) for c in result.cards] == [
        ("adam-bias", "Why does Adam divide $m_t$\n\nby $1 - \\beta_1^t$?", "Because $m_0 = 0$.", 1)]


def test_card_div_attributes():
    body = note("::: {.card #wd deck=\"ML::Opt\" tags=\"gotcha intuition\" reverse=true}",
                "Decoupled weight decay", "", "AdamW's fix", ":::")
    result = run(body, deck="ML::Default", tags=("note-tag",))
    assert [(c.id, c.note_id, c.kind.value, c.front, c.back, c.deck, c.tags) for c in result.cards] == [
        ("wd", "wd", "basic", "Decoupled weight decay", "AdamW's fix", "ML::Opt", ("note-tag", "gotcha", "intuition")),
        ("wd-r", "wd", "reverse", "AdamW's fix", "Decoupled weight decay", "ML::Opt",
         ("note-tag", "gotcha", "intuition"))]


def test_card_div_inside_another_div():
    body = note(":::: {.columns}", "::: {.card}", "Front", "", "Back", ":::", "::::")
    assert cards(body) == [("basic", "Front", "Back", 2)]


def test_divs_inside_a_card_belong_to_it():
    body = note(":::: {.card}", "Front", "", "::: {.note}", "inside", ":::", "", "end", "::::")
    assert cards(body) == [("basic", "Front", "inside\n\nend", 1)]


def test_card_syntax_inside_a_card_div_is_part_of_it():
    body = note("::: {.card}", "Front", "", "Q: not a card", "A: of its own", "", "x :: y", ":::")
    assert cards(body) == [("basic", "Front", "Q: not a card\nA: of its own\n\nx :: y", 1)]


def test_callout_without_card_class_is_ordinary_text():
    body = note("::: {.callout-note}", "## Heading", "", "Q: Inside a callout?", "A: Still a card.", ":::")
    assert cards(body) == [("basic", "Inside a callout?", "Still a card.", 4)]


def test_unclosed_card_div_is_an_error():
    body = note("::: {.card}", "Front", "", "Back")
    assert cards(body) == [("basic", "Front", "Back", 1)]
    assert problems(body) == [(1, "error", "fenced div ':::' is never closed")]


def test_card_div_without_a_back_is_an_error():
    assert only_problem(note("::: {.card}", "Only a front", ":::")) == (1, "error", "card has an empty back")


def test_deeply_nested_divs_do_not_hit_the_recursion_limit():
    body = "::: {.level}\n" * 3000 + "Q: deep?\nA: yes\n" + ":::\n" * 3000
    assert cards(body) == [("basic", "deep?", "yes", 3001)]
    card_body = "::: {.card}\nfront\n\n" + "::: {.x}\n" * 3000 + "back\n" + ":::\n" * 3001
    assert cards(card_body) == [("basic", "front", "back", 1)]


def test_parse_attrs():
    assert parse_attrs('{#id .card .callout-tip deck="A B" tags=\'x y\' reverse=true}') == {
        "id": "id", "classes": ["card", "callout-tip"], "deck": "A B", "tags": "x y", "reverse": "true"}
    assert parse_attrs("card") == {"classes": ["card"]}


# --------------------------------------------------------------------------------------------------------------
# clozes
# --------------------------------------------------------------------------------------------------------------


def test_anki_clozes_one_card_per_group():
    result = run(note("Dropout trains {{c1::$2^n$::how many?}} sub-networks, {{c2::sharing weights}};",
                      "see {{c1::Srivastava}}."))
    text = "Dropout trains $2^n$ sub-networks, sharing weights;\nsee Srivastava."
    assert [(c.kind.value, c.group, c.front, c.back, c.source.line) for c in result.cards] == [
        ("cloze", 1, "Dropout trains [how many?] sub-networks, sharing weights;\nsee [...].", text, 1),
        ("cloze", 2, "Dropout trains $2^n$ sub-networks, [...];\nsee Srivastava.", text, 1)]
    assert result.cards[0].text == ("Dropout trains {{c1::$2^n$::how many?}} sub-networks, {{c2::sharing weights}};\n"
                                    "see {{c1::Srivastava}}.")
    assert len({c.note_id for c in result.cards}) == 1
    assert len({c.id for c in result.cards}) == 2


def test_pandoc_span_clozes():
    body = note("Batch norm normalises over [the mini-batch]{.cloze n=1};",
                "layer norm over [its features]{.cloze n=2}.", "",
                "Self-attention is [permutation-equivariant]{.cloze hint=\"a symmetry\"}.")
    assert cards(body) == [
        ("cloze", "Batch norm normalises over [...];\nlayer norm over its features.",
         "Batch norm normalises over the mini-batch;\nlayer norm over its features.", 1),
        ("cloze", "Batch norm normalises over the mini-batch;\nlayer norm over [...].",
         "Batch norm normalises over the mini-batch;\nlayer norm over its features.", 1),
        ("cloze", "Self-attention is [a symmetry].", "Self-attention is permutation-equivariant.", 4)]


def test_spans_without_a_group_are_numbered_after_the_explicit_ones():
    result = run(note("[a]{.cloze} and [b]{.cloze n=2} and [c]{.cloze}."))
    assert [(c.group, c.front) for c in result.cards] == [
        (2, "a and [...] and c."), (3, "[...] and b and c."), (4, "a and b and [...].")]


def test_cloze_inside_display_math():
    body = note("Softmax:", "$$", "\\sigma(z)_i = \\cloze{\\frac{e^{z_i}}{\\sum_j e^{z_j}}}", "$$")
    assert cards(body) == [("cloze", "Softmax:\n$$\n\\sigma(z)_i = [...]\n$$",
                            "Softmax:\n$$\n\\sigma(z)_i = \\frac{e^{z_i}}{\\sum_j e^{z_j}}\n$$", 1)]


def test_math_cloze_outside_math_is_text():
    assert cards(note("Write \\cloze{x} in math only.")) == []


def test_highlight_cloze_only_in_md_and_only_when_enabled():
    body = note("Softmax is invariant to ==adding a constant==.")
    assert cards(body, highlight_cloze=True) == [
        ("cloze", "Softmax is invariant to [...].", "Softmax is invariant to adding a constant.", 1)]
    assert cards(body) == []
    assert cards(body, highlight_cloze=True, file_type="qmd", path="n.qmd") == []
    assert cards(note("if `a == b` and $x == y$"), highlight_cloze=True) == []


def test_quarto_shortcodes_are_never_clozes():
    body = note("{{< pagebreak >}}", "", "See {{< include _part.qmd >}} and {{< video https://x.y/v >}}.")
    assert cards(body) == []
    assert problems(body) == []


def test_clozes_in_code_are_ignored():
    assert cards(note("Write `{{c1::x}}` in Anki.", "", "```", "{{c1::y}}", "```")) == []


def test_closing_braces_inside_a_cloze_are_kept_and_warned_about():
    body = note("Text", "and {{c1::$x^{a^{b}}$}} here")
    assert cards(body) == [("cloze", "Text\nand [...] here", "Text\nand $x^{a^{b}}$ here", 1)]
    assert problems(body) == [(2, "warning", "'}}' inside a cloze would end it early in Anki; mlwiki pads it on "
                                             "export, but write '} }' to be safe elsewhere")]


def test_balanced_braces_in_a_cloze_are_not_a_problem():
    body = note("A fraction {{c1::$\\frac{a}{b}$}}.")
    assert cards(body) == [("cloze", "A fraction [...].", "A fraction $\\frac{a}{b}$.", 1)]
    assert problems(body) == []


def test_unclosed_cloze_is_reported_and_not_a_card():
    body = note("# Cloze", "", "The {{c1::unclosed cloze never ends.")
    assert cards(body) == []
    assert problems(body) == [(3, "error", "'{{c…::' is never closed with '}}', so it is not a cloze")]


def test_empty_cloze_is_an_error():
    assert (1, "error", "cloze is empty") in problems(note("An {{c1::}} empty cloze."))


def test_a_cloze_paragraph_is_not_also_a_one_line_card():
    assert cards(note("{{c1::Paris}} is the capital :: of France")) == [
        ("cloze", "[...] is the capital :: of France", "Paris is the capital :: of France", 1)]


def test_a_cloze_in_a_formula_makes_a_cloze_not_a_formula_card():
    body = note("The loss is", "$$", "L = \\cloze{-\\sum_i y_i \\log p_i}", "$$")
    assert [k for k, *_ in cards(body)] == ["cloze"]


def test_cloze_storm_is_reported_once_and_fast():
    body = "Storm " + "{{c1::a " * 2000 + "\n\nClosed " + "{{c1::b " * 2000 + "}}\n"
    found = problems(body)
    assert found[0] == (1, "error", "'{{c…::' is never closed with '}}', so it is not a cloze")
    assert [c for c in cards(body) if c[1].startswith("Storm")] == []


# --------------------------------------------------------------------------------------------------------------
# formula cards
# --------------------------------------------------------------------------------------------------------------


def test_display_formula_card():
    body = note("# Gradient descent", "## Sufficient decrease", "",
                "With $\\eta \\le 1/L$ we get a guaranteed decrease:", "", "$$",
                "f(x_{k+1}) \\le f(x_k) - \\frac{\\eta}{2} \\|\\nabla f(x_k)\\|^2", "$$")
    assert cards(body) == [("formula", "Gradient descent › Sufficient decrease\n\n"
                                       "With $\\eta \\le 1/L$ we get a guaranteed decrease:",
                            "$$f(x_{k+1}) \\le f(x_k) - \\frac{\\eta}{2} \\|\\nabla f(x_k)\\|^2$$", 6)]


def test_formula_introduced_by_its_paragraph_and_labelled():
    """The introducing sentence, with the short sentences before it in its paragraph."""
    body = note("## Attention", "", "Queries meet keys. The scaled dot-product attention is",
                "$$", "\\mathrm{softmax}(QK^\\top / \\sqrt{d_k}) V", "$$ {#eq-attention}")
    assert cards(body) == [("formula", "Attention\n\nQueries meet keys. The scaled dot-product attention is",
                            "$$\\mathrm{softmax}(QK^\\top / \\sqrt{d_k}) V$$", 4)]


def test_one_line_display_formula_with_label():
    body = note("Bayes' rule reads", "", "$$P(A|B) = \\frac{P(B|A)P(A)}{P(B)}$$ {#eq-bayes}")
    assert cards(body) == [("formula", "Bayes' rule reads", "$$P(A|B) = \\frac{P(B|A)P(A)}{P(B)}$$", 3)]


def test_bracket_and_environment_formulas():
    body = note("We minimise the loss:", "\\[", "L(\\theta) = \\sum_i \\ell_i(\\theta)", "\\]", "",
                "The energy is", "\\begin{equation}", "E = m c^2 + k", "\\end{equation}", "",
                "Two steps:", "\\begin{align*}", "a &= b + c \\\\", "d &= e + f", "\\end{align*}")
    assert cards(body) == [
        ("formula", "We minimise the loss:", "$$L(\\theta) = \\sum_i \\ell_i(\\theta)$$", 2),
        ("formula", "The energy is", "$$\\begin{equation}\nE = m c^2 + k\n\\end{equation}$$", 7),
        ("formula", "Two steps:", "$$\\begin{align*}\na &= b + c \\\\\nd &= e + f\n\\end{align*}$$", 12)]


def test_trivial_and_repeated_formulas_are_skipped():
    body = note("The update:", "$$\\theta \\leftarrow \\theta - \\eta g$$", "", "A symbol:", "$$x$$", "",
                "Short:", "$$a+b$$", "", "Again the update:", "$$\\theta \\leftarrow  \\theta - \\eta g$$")
    assert cards(body) == [("formula", "The update:", "$$\\theta \\leftarrow \\theta - \\eta g$$", 2)]


def test_formula_on_the_same_line_as_text():
    """A `$$…$$` inside a sentence (words after it) is inline math (s49, `inline_dollars`): the sentence is read as
    the same sentence written with `$…$` is, no formula card cut at the math; one ending its line after a lead is
    a displayed formula, as before."""
    body = note("## Metric", "", "The triangle inequality $$d(x,z) \\le d(x,y) + d(y,z)$$ holds for all points.")
    written = note("## Metric", "", "The triangle inequality $d(x,z) \\le d(x,y) + d(y,z)$ holds for all points.")
    assert cards(body) == cards(written)
    assert not any(kind == "formula" and front.endswith("The triangle inequality") for kind, front, _, _ in cards(body))
    lead = note("## Metric", "", "The triangle inequality: $$d(x,z) \\le d(x,y) + d(y,z)$$")
    assert cards(lead) == [("formula", "Metric\n\nThe triangle inequality:", "$$d(x,z) \\le d(x,y) + d(y,z)$$", 3)]


def test_text_after_a_closing_delimiter_introduces_the_next_formula():
    body = note("Consider the function", "$$f(x) = x^2 + 1$$For every $a$, the derivative is",
                "$$f'(a) = 2a + 0$$")
    assert cards(body) == [("formula", "Consider the function", "$$f(x) = x^2 + 1$$", 2),
                           ("formula", "For every $a$, the derivative is", "$$f'(a) = 2a + 0$$", 3)]


def test_formulas_nothing_tells_apart_are_one_card_and_a_fragment_naming_a_new_one_starts_a_card():
    body = note("## Space", "", "The operations are defined by", "$$(u + v)(x) = u(x) + v(x)$$",
                "$$(\\alpha u)(x) = \\alpha u(x) + 0$$", "and, for every scalar,", "$$0 \\cdot u = 0_V + 0$$")
    assert cards(body) == [
        ("formula", "Space\n\nThe operations are defined by",
         "$$(u + v)(x) = u(x) + v(x)$$\n\n$$(\\alpha u)(x) = \\alpha u(x) + 0$$", 4),
        ("formula", "Space\n\nThe operations are defined by … and, for every scalar,", "$$0 \\cdot u = 0_V + 0$$", 7)]


def test_a_derivation_is_one_card_whose_id_is_its_first_step():
    steps = ["$$L = (y - w x)^2$$", "", "so, taking the derivative,", "", "$$\\frac{dL}{dw} = -2x (y - w x)$$", "",
             "$$= 2x (w x - y)$$"]
    found = extract(note("## Loss", "", "The squared loss of one example is:", "", *steps), NoteContext(path="index.md"))
    assert [(c.front, c.back) for c in found.cards] == [
        ("Loss\n\nThe squared loss of one example is:", "$$L = (y - w x)^2$$\n\nso, taking the derivative,\n\n"
         "$$\\frac{dL}{dw} = -2x (y - w x)$$\n\n$$= 2x (w x - y)$$")]
    alone = extract(note("The squared loss of one example is:", "", "$$L = (y - w x)^2$$"), NoteContext(path="readme.md"))
    assert found.cards[0].id == alone.cards[0].id


def test_a_formula_right_after_a_formula_paragraph_joins_its_card():
    body = note("The PMF is defined as", "$$", "p_X(x) = P(X = x) + 0", "$$", "", "$$", "\\sum_x p_X(x) = 1", "$$")
    assert cards(body) == [("formula", "The PMF is defined as",
                            "$$p_X(x) = P(X = x) + 0$$\n\n$$\\sum_x p_X(x) = 1$$", 2)]


def test_formula_without_prose_takes_the_paragraph_before():
    body = note("## Bayes", "", "The posterior is proportional to likelihood times prior.", "",
                "$$p(\\theta | x) \\propto p(x | \\theta) p(\\theta)$$")
    assert cards(body) == [("formula", "Bayes\n\nThe posterior is proportional to likelihood times prior.",
                            "$$p(\\theta | x) \\propto p(x | \\theta) p(\\theta)$$", 5)]


def test_a_cloze_paragraph_introduces_a_formula_with_its_clozes_filled_in():
    body = note("Attention is [permutation-equivariant]{.cloze}, so we {{c1::add positions::what?}} with", "",
                "$$PE_{pos} = \\sin(pos / 10000^{2i/d})$$")
    assert cards(body)[-1] == ("formula", "Attention is permutation-equivariant, so we add positions with",
                               "$$PE_{pos} = \\sin(pos / 10000^{2i/d})$$", 3)


def test_a_question_does_not_introduce_the_formula_after_it():
    body = note("Earlier prose.", "", "Q: a?", "A: b", "", "$$x = y + z + w$$")
    assert cards(body)[-1] == ("formula", "Formula from index", "$$x = y + z + w$$", 6)
    assert cards(body, path="notes/sums.md")[-1] == ("formula", "sums\n\nFormula", "$$x = y + z + w$$", 6)


def test_formula_in_a_list_item_is_introduced_by_that_item():
    body = note("A topology satisfies:", "- The empty set is open.", "- Unions of open sets are open:", "$$",
                "\\bigcup_i U_i \\in \\tau", "$$")
    assert cards(body) == [("formula", "Unions of open sets are open:", "$$\\bigcup_i U_i \\in \\tau$$", 4)]


def test_obsidian_callout_with_display_math():
    body = note("## Poisson", "", "> [!info] [[Probability Mass Function|PMF]]", "> The Poisson PMF is", "> $$",
                "> p(k) = \\frac{\\lambda^k e^{-\\lambda}}{k!}", "> $$")
    assert cards(body) == [("formula", "Poisson › PMF\n\nThe Poisson PMF is",
                            "$$p(k) = \\frac{\\lambda^k e^{-\\lambda}}{k!}$$", 5)]


def test_obsidian_callout_title_alone_introduces_the_formula():
    body = note("# Poisson", "", "> [!info] [[Probability Mass Function]]", "> $$",
                "> p(k) = \\frac{\\lambda^k e^{-\\lambda}}{k!}", "> $$")
    assert cards(body)[0][1] == "Poisson › Probability Mass Function"


def test_formula_intro_shows_links_as_text_and_drops_footnotes_and_block_ids():
    body = note("[^1] Let $f$ be a [[Differentiable|differentiable]] [map](https://x.y \"Map\") on [[U]], "
                "i.e. $f \\in C^1$ ^block-id", "$$Df(a) = \\lim_{h \\to 0} (f(a + h) - f(a)) / h$$")
    assert cards(body)[0][1] == "Let $f$ be a differentiable map on U, i.e. $f \\in C^1$"


def test_formula_intro_is_clipped_to_its_end():
    long = "word " * 100
    body = note(long + "defined as", "$$g(x) = x^3 + 2x + 1$$")
    front = cards(body)[0][1]
    assert front.startswith("…") and front.endswith("word defined as") and len(front) <= 301


def test_formula_without_any_text_is_named_after_the_note():
    body = note("$$", "a^2 + b^2 = c^2", "$$", "", "$$", "e^{i\\pi} + 1 = 0", "$$")
    assert cards(body, path="notes/geometry.md") == [
        ("formula", "geometry\n\nFormula", "$$a^2 + b^2 = c^2$$\n\n$$e^{i\\pi} + 1 = 0$$", 1)]
    assert cards(note("$$a^2 + b^2 = c^2$$"), path="n.md", title="Pythagoras")[0][1] == "Pythagoras\n\nFormula"
    assert cards(note("$$a^2 + b^2 = c^2$$"), path="2025-11-16.md", title="2025-11-16")[0][1] == \
        "Formula from 2025-11-16"  # (a date is no subject; `check` warns that nothing introduces the formula)


def test_two_formulas_with_the_same_front_are_one_card_and_check_says_which_to_introduce():
    body = note("## H", "", "$$a^2 + b^2 = c^2$$", "", "## H", "", "$$e^{i\\pi} + 1 = 0$$")
    assert cards(body) == [("formula", "H\n\nFormula", "$$a^2 + b^2 = c^2$$\n\n$$e^{i\\pi} + 1 = 0$$", 3)]
    problems = [str(p) for p in run(body).problems]
    assert "index.md:7: warning: this formula shares its front with the one at line 3, so both are on that card's " \
           "back (write a sentence before it saying what it is to make it a card of its own)" in problems


def test_formula_modes():
    body = note("## KL", "", "The divergence is $D = \\sum_x p(x) \\log p(x) / q(x)$ in nats; $x$ is small.",
                "It satisfies", "$$D(p \\| q) \\ge 0$$")
    assert cards(body, formulas="none") == []
    assert cards(body) == [("formula", "KL\n\nThe divergence is $D = \\sum_x p(x) \\log p(x) / q(x)$ in nats; $x$ is "
                                       "small. It satisfies", "$$D(p \\| q) \\ge 0$$", 5)]
    assert cards(body, formulas="inline") == [
        ("formula", "KL\n\nThe divergence is $D = \\sum_x p(x) \\log p(x) / q(x)$ in nats; $x$ is small. It "
                    "satisfies", "$$D(p \\| q) \\ge 0$$", 5),
        ("formula", "KL\n\nThe divergence is [...] in nats; $x$ is small.",
         "$D = \\sum_x p(x) \\log p(x) / q(x)$", 3)]


def test_inline_formula_sentence_leaves_out_display_math_and_other_list_items():
    body = note("- a curve is a map $$c: I \\to M$$ with $c(t_0) = p + 0$ here.", "- next item $y = 2 + x$ too")
    assert cards(body, formulas="inline")[1:] == [
        ("formula", "a curve is a map $c: I \\to M$ with [...] here.", "$c(t_0) = p + 0$", 1),
        ("formula", "next item [...] too", "$y = 2 + x$", 2)]


def test_inline_mode_needs_a_relation():
    assert cards(note("The value $\\sum_i x_i^2 + y$ alone."), formulas="inline") == []


# --------------------------------------------------------------------------------------------------------------
# definitions
# --------------------------------------------------------------------------------------------------------------


def test_definitions_are_opt_in():
    body = note("**Gradient**: the vector of partial derivatives.", "It points uphill.", "",
                "- **Bias**: error of the average model", "- **Variance:** spread across training sets",
                "- plain item")
    assert cards(body) == []
    assert cards(body, definitions=True) == [
        ("definition", "Define: Gradient", "the vector of partial derivatives.\nIt points uphill.", 1),
        ("definition", "Define: Bias", "error of the average model", 4),
        ("definition", "Define: Variance", "spread across training sets", 5)]


def test_bold_text_without_a_colon_is_not_a_definition():
    body = note("**Definition**. Let $X$ be a set.", "", "**Note** that this matters.")
    assert cards(body, definitions=True) == []  # (a statement of nothing named: no subject, no heading)


def test_a_labelled_statement_is_a_card_of_its_heading_path():
    body = note("# Complete metric space", "", "## Statements", "",
                "**Definition**. A metric space is _complete_ if every Cauchy sequence converges in it.", "",
                "**Proposition** (Tu, 2.3). A closed subset of a complete space is complete.", "",
                "**Remark**. Not a card.")
    assert cards(body, definitions=True) == [
        ("definition", "Complete metric space › Statements\n\nDefinition",
         "A metric space is _complete_ if every Cauchy sequence converges in it.", 5),
        ("basic", "Complete metric space › Statements\n\nProposition",
         "A closed subset of a complete space is complete.", 7)]
    assert cards(body) == []  # (with definitions = false)


# --------------------------------------------------------------------------------------------------------------
# guards: code, comments, math
# --------------------------------------------------------------------------------------------------------------


def test_nothing_in_code_is_card_syntax():
    body = note("```python", "# Q: not a question", "# A: no", "x :: y", "```", "", "~~~", "a ::: b", "~~~", "",
                "Indented code:", "", "    Q: nope", "    A: nope", "    a :: b", "", "Inline `Q: a` code.")
    assert cards(body) == []
    assert problems(body) == []


def test_list_continuation_is_not_indented_code():
    body = note("- item", "", "    Q: continued?", "    A: yes")
    assert cards(body) == [("basic", "continued?", "yes", 3)]


def test_nothing_in_html_comments_is_card_syntax():
    body = note("<!--", "Q: hidden?", "A: yes", "-->", "", "Text <!-- a :: b --> more.", "",
                "Start <!-- spanning", "Q: hidden too", "A: yes -->")
    assert cards(body) == []


def test_nothing_in_obsidian_comments_is_card_syntax():
    body = note("%%", "Q: hidden?", "A: yes", "%%", "", "Text %% a :: b %% more.")
    assert cards(body) == []


def test_unclosed_comment_is_a_warning():
    assert only_problem(note("<!--", "Q: x", "A: y")) == (1, "warning", "HTML comment is never closed (expected -->)")


def test_nothing_in_display_math_is_card_syntax():
    body = note("$$", "Q: x :: y = z + w", "A: ?", "", "?", "$$")
    assert [k for k, *_ in cards(body)] == ["formula"]


def test_unclosed_fence_and_math_are_errors():
    assert only_problem(note("Text", "", "```", "code")) == (3, "error", "code fence is never closed")
    assert only_problem(note("Text", "", "$$", "x = y")) == (3, "error", "display math is never closed (expected $$)")


def test_dollars_in_code_and_escaped_dollars_are_not_math():
    body = note("Run `echo $HOME` and pay \\$5.", "", "10,000 tests at \\$5 cost \\$50,000.", "", "```sh",
                "echo $PATH", "```")
    assert problems(body) == []


def test_unbalanced_dollar_is_a_warning():
    assert only_problem(note("Fine $x$ here.", "", "It costs $5 and", "more $x$ text.")) == (
        3, "warning", "unbalanced '$' (write \\$ for a dollar sign)")


def test_mask_inline_keeps_offsets_and_newlines():
    text = "a `b :: c` $x$ <!-- d\ne --> {{< sc >}} \\$ f"
    masked, spans = mask_inline(text)
    assert len(masked) == len(text) and masked.count("\n") == 1
    assert "::" not in masked and "sc" not in masked and "$" not in masked
    assert [text[s:e] for s, e in spans] == ["$x$"]


def test_unmatched_backticks_are_literal():
    assert cards(note("A `` stray run, then a :: b")) == [("basic", "A `` stray run, then a", "b", 1)]


# --------------------------------------------------------------------------------------------------------------
# identity
# --------------------------------------------------------------------------------------------------------------


def test_id_is_independent_of_path_and_line():
    a = run(note("Front :: Back"), path="notes/a.md").cards[0]
    b = run(note("", "", "intro", "", "Front :: Back"), path="notes/deep/b.md").cards[0]
    assert a.id == b.id == ids.card_id("basic", "Front")
    assert (a.source.line, b.source.line) == (1, 5)


def test_editing_the_back_keeps_the_id_and_editing_the_front_changes_it():
    first = run(note("Q: What is SGD?", "A: Stochastic gradient descent.")).cards[0]
    back_edited = run(note("Q: What is SGD?", "A: Gradient descent on mini-batches.")).cards[0]
    front_edited = run(note("Q: What is Adam?", "A: Stochastic gradient descent.")).cards[0]
    rewrapped = run(note("Q: What is", "SGD?", "A: Stochastic gradient descent.")).cards[0]
    assert first.id == back_edited.id == rewrapped.id != front_edited.id


def test_ids_differ_by_kind_and_cloze_group():
    result = run(note("The {{c1::a}} and {{c2::b}}."))
    assert result.cards[0].id == ids.card_id("cloze", "The [...] and b.", 1)
    assert result.cards[1].id == ids.card_id("cloze", "The a and [...].", 2)


def test_explicit_id_wins_and_names_the_note():
    result = run(note("::: {.card #my-id reverse=true}", "F", "", "B", ":::"))
    assert [(c.id, c.note_id, c.explicit_id) for c in result.cards] == [("my-id", "my-id", True),
                                                                       ("my-id-r", "my-id", True)]


def test_duplicate_explicit_ids_are_an_error():
    body = note("::: {.card #a}", "F1", "", "B1", ":::", "", "::: {.card #a}", "F2", "", "B2", ":::")
    assert cards(body) == [("basic", "F1", "B1", 1)]
    assert problems(body) == [(7, "error", "duplicate id 'a' (also at line 1)")]


def test_the_same_card_twice_is_a_warning():
    body = note("front :: back", "", "front :: another back")
    assert cards(body) == [("basic", "front", "back", 1)]
    assert problems(body) == [(3, "warning", "the same card is also at line 1; only that one is kept")]
    assert run(body).problems[0].code == "duplicate-card"


def test_cards_are_numbered_in_note_order():
    result = run(note("a :: 1", "", "Q: b?", "A: 2", "", "c ::: 3"))
    assert [(c.ord, c.front) for c in result.cards] == [(0, "a"), (1, "b?"), (2, "c"), (3, "3")]


# --------------------------------------------------------------------------------------------------------------
# lines, decks, tags
# --------------------------------------------------------------------------------------------------------------


def test_lines_count_the_front_matter():
    result = run(note("Q: q?", "A: a", "", "Q: lonely"), line_offset=4)
    assert [c.source.line for c in result.cards] == [5]
    assert [p.line for p in result.problems] == [8]


def test_lines_of_a_notebook_come_from_its_line_map():
    result = run(note("# T", "", "x :: y"), file_type="ipynb", path="n.ipynb", line_map=[10, 10, 12, 12])
    assert [c.source.line for c in result.cards] == [12]


def test_headings_in_the_heading_path_reset_by_level():
    body = note("# A", "## B", "### C", "The formula", "$$x = y + z$$", "## D", "Then", "$$u = v + w$$")
    assert [c[1] for c in cards(body)] == ["A › B › C\n\nThe formula", "A › D\n\nThen"]


def test_heading_attributes_are_not_part_of_the_heading():
    body = note("# Adam {#sec-adam .unnumbered}", "## Sets {a, b}", "The update", "$$m_t = \\beta m_{t-1} + g_t$$")
    assert cards(body)[0][1] == "Adam › Sets {a, b}\n\nThe update"
    assert cards(note("::: {.card}", "## Front {#q-front}", "", "Back", ":::"))[0][1] == "Front"


def test_a_heading_inside_a_callout_titles_only_the_callout():
    """The callout's heading titles it under its section; the section goes on after it."""
    body = note("# Top", "", "## Section", "", "::: {.callout-note}", "## Callout title", "Inside:",
                "$$a = b + c + d$$", ":::", "", "After:", "$$x = y + z + w$$")
    assert [c[1] for c in cards(body)] == ["Top › Section › Callout title\n\nInside:", "Top › Section\n\nAfter:"]


def test_card_gets_note_deck_and_tags():
    result = run(note("a :: b"), deck="ML::Opt", tags=("x", "y"))
    assert [(c.deck, c.tags) for c in result.cards] == [("ML::Opt", ("x", "y"))]


def test_windows_line_endings_in_the_body_do_not_crash():
    result = run("Q: q?\r\nA: a\r\n\r\nf :: b\r\n")
    assert [c.kind for c in result.cards] == [CardKind.BASIC, CardKind.BASIC]


# --------------------------------------------------------------------------------------------------------------
# helpers
# --------------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("text, expected", [
    ("One. Two is here:", "One. Two is here:"),  # too short to stand alone: the sentence before comes too
    ("One. The second sentence is long enough:", "The second sentence is long enough:"),
    ("See e.g. $x$ or i.e. $y$ here:", "See e.g. $x$ or i.e. $y$ here:"),
    ("Recall Eq. (3). Then we have", "Recall Eq. (3). Then we have"),
    ("- a list item", "a list item"),
    ("", ""),
])
def test_last_sentence(text, expected):
    assert last_sentence(text) == expected


def test_problem_severity_values():
    assert {p.severity for p in run(note("Q: x")).problems} == {Severity.ERROR}


# --- issue 23: fronts a learner can study from ------------------------------------------------------------------

def test_a_proof_is_one_card_to_the_end_of_its_section():
    body = note("## Power rule", "", "Proof: start from the limit definition", "",
                "$$\\frac{d}{dx} x^n = \\lim_{h \\to 0} \\frac{(x+h)^n - x^n}{h}$$", "",
                "Use the binomial theorem to expand the power.", "",
                "$$(x+h)^n = x^n + n x^{n-1} h + O(h^2)$$", "", "## Next", "", "The next rule is:", "",
                "$$\\frac{d}{dx} e^x = e^x$$")
    found = cards(body)
    assert [front for _, front, _, _ in found] == ["Power rule\n\nProof: start from the limit definition",
                                                   "Next\n\nThe next rule is:"]
    assert found[0][2].count("$$") == 4 and "Use the binomial theorem" in found[0][2]


def test_a_new_list_item_starts_a_new_formula_card():
    body = note("## Kernels", "", "- Polynomial kernel $$K(x, y) = (1 + x^\\top y)^p$$ which maps to a space",
                "- Gaussian kernel $$K(x, y) = \\exp(-\\|x - y\\|^2 / 2\\sigma^2)$$")
    assert [(front, back.count("$$")) for _, front, back, _ in cards(body)] == [
        ("Kernels\n\nPolynomial kernel: $K(x, y) =$ …", 2), ("Kernels\n\nGaussian kernel: $K(x, y) =$ …", 2)]


def test_examples_set_up_in_prose_and_tags_are_not_fronts():
    body = note("## Slope", "", "Let’s say we have a function like this:", "", "$$y = f(x) = x^2$$", "",
                "then", "", "$$m = \\frac{f(x + h) - f(x)}{h}$$", "", "## Derivative", "", "#calculus", "",
                "$$f'(x) = \\lim_{h \\to 0} \\frac{f(x + h) - f(x)}{h}$$")
    result = run(body)
    assert [(c.front, c.back) for c in result.cards] == [
        ("Derivative\n\nFormula", "$$f'(x) = \\lim_{h \\to 0} \\frac{f(x + h) - f(x)}{h}$$")]


def test_a_formula_computing_numbers_is_skipped_and_counted_but_a_constant_result_is_kept():
    body = note("The update on the first point:", "", "$$b \\leftarrow b + y_i = 0 + 1 = 1$$", "",
                "Probabilities sum to one:", "", "$$\\sum_i p_i = 1$$", "",
                "The estimate:", "", "$$\\hat p = \\frac{320}{500} = 0.64$$")
    extractor_cards = run(body).cards
    assert [c.back for c in extractor_cards] == ["$$\\sum_i p_i = 1$$"]
    from mlwiki.extract import count_forms
    from mlwiki.extract.context import NoteContext as Ctx
    _, skipped = count_forms(body, Ctx(path="index.md"))
    assert skipped == {("formula", "works out numbers (a worked example)"): 2}


def test_a_list_item_that_names_its_formula_is_a_card_of_its_own():
    body = note("# Exponential distribution", "", "> [!info] Moments",
                "> - [[Expected Value|Expected value]]: $E[X] = 1/\\lambda$,",
                "> - Variance: $\\mathrm{Var}(X) = 1/\\lambda^2$.", "> - Median: see the quantile function")
    assert [(front, back) for _, front, back, _ in cards(body)] == [
        ("Exponential distribution › Moments\n\nExpected value:", "$$E[X] = 1/\\lambda$$"),
        ("Exponential distribution › Moments\n\nVariance:", "$$\\mathrm{Var}(X) = 1/\\lambda^2$$")]


def test_a_formula_item_says_what_its_symbols_mean_and_its_sibling_items_do_not_introduce_it():
    body = note("- Measure for comparing models", "- Lowest value is best",
                "- $\\text{AIC} = -2 \\ln L + 2d$, where $L$ is the likelihood and $d$ the number of features")
    assert cards(body, path="notes/Akaike information criterion.md") == [
        ("formula", "Akaike information criterion\n\nAIC",
         "$$\\text{AIC} = -2 \\ln L + 2d$$\n\nwhere $L$ is the likelihood and $d$ the number of features", 3)]


def test_headings_are_cut_exactly_as_the_atx_pattern_cuts_them():
    """`lines._heading` cuts a heading's text with string methods; it must agree with the ATX pattern it
    replaces (the lazy group before optional closing hashes) on every line: checked on all short lines of the
    characters that matter, and on many random longer ones."""
    import itertools
    import random
    import re

    from mlwiki.extract.lines import _heading

    atx = re.compile(r"^[ \t]{0,3}(#{1,6})[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$")

    def expected(line: str) -> str | None:
        match = atx.match(line)
        return match.group(2) if match else None

    def cut(line: str) -> str | None:
        # (without Pandoc attributes, which `_heading` takes off after the cut; none of these lines has any)
        found = _heading(line)
        return found[0] if found else None

    pieces = ["#", " ", "\t", "a", "b c", ".", "\x0c", "\u2028"]
    lines = ["".join(p) for n in range(6) for p in itertools.product(pieces, repeat=n)]
    rng = random.Random(27)
    lines += ["".join(rng.choice(pieces) for _ in range(rng.randint(6, 16))) for _ in range(20_000)]
    for line in lines:
        assert cut(line) == expected(line), repr(line)


def test_hard_breaks_are_dropped_exactly_as_the_pattern_drops_them():
    """`prose.without_hard_breaks` replaces a pattern tried at every character; it must agree with it on every
    short text of the characters that matter (white space of several kinds, backslashes) and many random ones."""
    import itertools
    import random
    import re

    from mlwiki.extract.prose import without_hard_breaks

    pattern = re.compile(r"^\\\s|(?<!\\)\\\s*$")
    pieces = ["\\", " ", "\n", "\t", "a", "\x1c", "\x85", "\xa0", "\u2028", "$"]
    texts = ["".join(p) for n in range(6) for p in itertools.product(pieces, repeat=n)]
    rng = random.Random(27)
    texts += ["".join(rng.choice(pieces) for _ in range(rng.randint(6, 24))) for _ in range(20_000)]
    for text in texts:
        assert without_hard_breaks(text) == pattern.sub(" ", text), repr(text)
