"""Lists a careful learner cards that no card held (issue 23, session 37): a short list right after a display
formula (what its symbols mean, or what it says of the formula), and a list introduced by a sentence cut off on the
word that calls for it ("… satisfy the conditions if"). Notes written in the styles of the collections into
tmp_path, read back through the CLI as a learner meets the cards."""

from __future__ import annotations

import pytest

from conftest import backs_by_front, new_wiki

from mlwiki.extract.blocks import Block
from mlwiki.extract.lines import TEXT, Line
from shared_notes import Scanned, SharedNotes

CONFIG = 'name = "T"\nformulas = "display"\ndefinitions = true\nsections = true\n[review]\ntimezone = "UTC"\n'


def cards_of(tmp_path, name: str, note: str) -> dict[str, str]:
    return backs_by_front(new_wiki(tmp_path, {name: note}, CONFIG))


NOTES = SharedNotes(CONFIG)  # every test's notes, in wikis scanned once for the module


@pytest.fixture(scope="module")
def shared(tmp_path_factory) -> Scanned:
    return NOTES.scan(tmp_path_factory)


SEASONAL_MODEL = NOTES.add({
    "Seasonal model.md": (
        "# Seasonal model\n\n## Components\n\nThe forecast adds two seasonal effects to a level:\n\n"
        "$$\\hat y_t = a + s_d + s_w$$\n\n- $a$: the level of the series\n- $s_d$: the effect of the hour of "
        "the day\n- $s_w$: the effect of the day of the week\n")
})


def test_a_list_of_what_a_formulas_symbols_are_is_a_card_under_the_formula(shared):
    """"$$\\hat y = a + s_d + s_w$$" then "- $a$: the level", "- $s_d$: …": no sentence introduces the list and no
    item names a term, so it was on no card; the learner asks what each symbol is, the formula in view."""
    made = shared.backs_by_front(SEASONAL_MODEL)
    back = made.get("Seasonal model › Components › What its symbols mean\n\n$$\\hat y_t = a + s_d + s_w$$", "")
    assert back.startswith("- $a$: the level") and "- $s_w$: the effect of the day of the week" in back, made


def _block(text: str) -> Block:
    return Block(TEXT, [Line(k + 1, line, TEXT) for k, line in enumerate(text.splitlines())])


def test_a_short_list_after_a_formula_says_what_it_does():
    """Plain bullets after a formula state its properties ("- far from zero it grows linearly …"): one card, the
    formula on the front; a list that works made-up numbers, leaves a question open or is a bare label is none."""
    from mlwiki.extract.remarks import list_remark  # (here: the other tests run on code without it)
    formula = "$$h(r) = \\delta^2 (\\sqrt{1 + (r/\\delta)^2} - 1)$$"
    said = list_remark("Smooth penalty › Definition", _block(
        "- near zero it behaves like half the squared residual\n"
        "- far from zero it grows linearly, so outliers pull less than under squared error\n"
        "- it is **differentiable** everywhere, unlike the absolute error"), formula, True)
    assert said is not None and said[0] == f"Smooth penalty › Definition › What it says\n\n{formula}"
    assert said[1].startswith("- near zero") and "- it is **differentiable** everywhere" in said[1]
    for refused in ("- with $s = 2$ and $r = 6$ the scaled residual is 3\n- and the penalty is then small",
                    "- why not the median absolute deviation?\n- it is robust to outliers as well",
                    "- Pros\n- Cons"):
        assert list_remark("Smooth penalty › Definition", _block(refused), formula, True) is None, refused


MARGINS = NOTES.add({
    "Margins.md": (
        "# Margins\n\n## Optimality\n\nFor separable data. $(w, b)$ is optimal if\n\n"
        "1. **feasible**: $y_i (w^\\top x_i + b) \\ge 1$ for every $i$\n"
        "2. **tight**: $y_j (w^\\top x_j + b) = 1$ for some $j$ on each side\n"
        "3. **stationary**: $\\nabla_w L(w, b, \\alpha) = w - \\sum_i \\alpha_i y_i x_i = 0$\n")
})


def test_a_sentence_cut_off_before_its_list_is_the_front_of_the_list(shared):
    """"$(w, b)$ is optimal if" over labelled conditions with math: the sentence alone was a card that ends on "if",
    and the conditions were on none (one of them a formula card of its own); the list is the sentence's answer."""
    made = shared.backs_by_front(MARGINS)
    back = made.get("Margins › Optimality\n\n$(w, b)$ is optimal if", "")
    assert back.startswith("1. **feasible**:") and "3. **stationary**:" in back, made
    assert not any(back.rstrip().endswith(" if") for back in made.values()), made


def test_numbered_steps_led_by_bold_names_are_a_card_of_the_names_in_order(tmp_path):
    """"Here is how the method works:" (narration, no front) over "1. **Split the data**: …" and more, each step
    explained at length: too long for one card, and the paragraph after the list stood for the section; the learner
    recalls the steps' names in order."""
    explain = ("keep going with a sentence or two that says at length what happens in this step, why it matters "
               "and what tends to go wrong when it is skipped or rushed")
    steps = ["Split the data", "Fit on each part", "Score the held-out part", "Average the scores", "Refit on all"]
    note = ("# Cross-validation\n\n## How it works\n\nHere is how the method works:\n\n"
            + "".join(f"{k}. **{name}**: {explain}, with more words about {name.lower()}.\n"
                      for k, name in enumerate(steps, 1))
            + "\nCross-validation is a simple and general way to estimate how a model does on new data.\n")
    made = cards_of(tmp_path, "Cross-validation.md", note)
    assert made.get("Cross-validation › How it works › steps") == "\n".join(
        f"{k}. {name}" for k, name in enumerate(steps, 1)), made


GLOVE = NOTES.add({
    "GloVe.md": (
        "# GloVe\n\nWord vectors fitted to the log of co-occurrence counts.\n\n## Misc\n"
        "- usual sizes: vectors of 300 dimensions, a window of 10 words\n"
        "- weighting: rare pairs count less, very frequent pairs are capped\n"
        "- [the project page](https://example.org/glove)\n- TODO compare with fastText\n")
})


def test_the_labelled_items_of_a_misc_section_are_cards_of_the_subject(shared):
    """"## Misc" names nothing, so its section made no card, yet its labelled bullets are facts of the note's subject
    ("- usual sizes: …"): each a card under the heading above. Its links and to-dos stay off."""
    made = shared.backs_by_front(GLOVE)
    assert made.get("GloVe › usual sizes") == "vectors of 300 dimensions, a window of 10 words", made
    assert made.get("GloVe › weighting", "").startswith("rare pairs count less"), made
    assert not any("example.org" in back or "fastText" in back for back in made.values()), made


NEIGHBOURS = NOTES.add({
    "Neighbours.md": (
        "# Neighbours\n\n## User-based\n\n1. for the target user, compute the similarity to every other user\n"
        "2. keep the $k$ most similar users who rated item $i$\n3. predict a weighted average of their ratings\n\n"
        "$$\\hat r_{ui} = \\frac{\\sum_v s_{uv} r_{vi}}{\\sum_v |s_{uv}|}$$\n")
})


def test_steps_that_name_an_index_in_math_are_no_diary(shared):
    """"take the $k$ users who rated item $i$": the index $i$ is no author speaking of themself, so the numbered
    steps before the formula are a steps card."""
    made = shared.backs_by_front(NEIGHBOURS)
    back = made.get("Neighbours › User-based › steps", "")
    assert back.startswith("1. for the target user") and "2. keep the $k$ most similar users who rated item $i$" in back, made


def test_a_list_no_card_holds_is_a_card_of_its_heading(tmp_path):
    """A list of statements that no sentence introduces, in a section whose opening made no card (a lower-case "aka
    …" line, a diagram): it was on no card. It is the card of the heading; exercises ("- Find an example …") and a
    requirements interview ("- How many items? ten million") in the same place are not."""
    opening = ("aka two-tower model. Common for **candidate retrieval** in large systems.\n\n"
               "```\nquery --> [tower] --> q\nitem  --> [tower] --> v\n```\n\n")
    lists = {"Dual encoders": "- two networks that meet only at the end, in a dot product of their outputs\n"
                              "- so item vectors can be computed ahead of time and searched with an approximate index\n",
             "Single towers": "- Find an example of a system that ranks with a single tower.\n"
                              "- Find an example of a paper that compares the two designs of towers.\n",
             "Retrieval service": "- How many items are there to rank? about ten million of them\n"
                                  "- How fast must it answer each query? within fifty milliseconds\n"}
    notes = {f"{name}.md": f"# {name}\n\n{opening}{items}" for name, items in lists.items()}
    made = backs_by_front(new_wiki(tmp_path, notes, CONFIG))
    under = {front: back for front, back in made.items() if front.split("\n\n", 1)[0] == "Dual encoders"}
    assert sorted(under.values()) == ["so item vectors can be computed ahead of time and searched with an "
                                      "approximate index", "two networks that meet only at the end, in a dot product "
                                      "of their outputs"], made  # (a card per claim, the other on its front)
    assert not any("Find an example" in back or "ten million" in back for back in made.values()), made


METRIC_SPACES = NOTES.add({
    "Metric spaces.md": (
        "# Metric spaces\n\nA set with a distance that is symmetric, positive and obeys the triangle inequality."
        "\n\n## Examples\n\n- the real line with $d(x, y) = |x - y|$\n- any set with the **discrete** metric\n"
        "- $\\mathbb{R}^n$ with the Euclidean distance\n"),
    "Norms.md": (
        "# Norms\n\nA length of vectors, positive, homogeneous and subadditive.\n\n## Examples\n\n"
        "- for $x = (3, 4)$ the length is 3 * 3 + 4 * 4 = 25 before the root\n- so the norm is 5 here\n")
})


def test_a_bare_examples_heading_over_a_list_of_instances_is_a_card(shared):
    """"## Examples" under "Metric spaces": a list of instances of the subject, not a worked example (the section
    was left out as one); a list that works numbers out is still an example's."""
    made = shared.backs_by_front(METRIC_SPACES)
    back = made.get("Metric spaces › Examples", "")
    assert back.startswith("- the real line with") and "- any set with the **discrete** metric" in back, made
    assert "Norms › Examples" not in made, made


INFORMATION_CRITERIA = NOTES.add({
    "Information criteria.md": (
        "# Information criteria\n\n## AIC\n\nThe criterion is defined as\n$$\n\\mathrm{AIC} = 2k - 2\\ln\\hat L\n$$\n"
        "where\n- $k$ is the number of parameters the model estimates\n"
        "- $\\hat L$ is the largest value the likelihood reaches\n")
})


def test_a_where_list_in_the_formulas_paragraph_says_what_its_symbols_mean(shared):
    """"$$AIC = 2k - 2\\ln\\hat L$$" then "where" and "- $k$ is the number of parameters" in the same paragraph: the
    legend was on no card, and the formula card's back showed symbols nobody explained."""
    made = shared.backs_by_front(INFORMATION_CRITERIA)
    back = made.get("Information criteria › AIC › What its symbols mean\n\n$$\\mathrm{AIC} = 2k - 2\\ln\\hat L$$", "")
    assert back.startswith("- $k$ is the number of parameters") and "- $\\hat L$ is the largest value" in back, made
