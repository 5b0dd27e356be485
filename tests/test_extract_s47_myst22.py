"""Session 47 (myst22): a MyST project's notes (Jupyter Book 2 / mystmd) as a learner meets their cards: directives
written with colon fences (`:::{figure}`, `:::{margin}`, `:::{prf:proof}`) and their options, and a notebook whose
first Markdown cell holds the page's front matter. The notes are written for these tests; the CLI reads them as a
user's scan would."""

from __future__ import annotations

import json

from conftest import new_wiki, run
from test_extract_s46_notebooks21 import notebook  # (the same helper: a notebook of Markdown cells)

CONFIG = 'name = "T"\nformulas = "display"\ndefinitions = true\nsections = true\n[review]\ntimezone = "UTC"\n'


def cards(root, notes: dict[str, str]) -> list[dict]:
    new_wiki(root, notes, CONFIG)
    return json.loads(run(root, "cards", "--json", ok=True).output)


def holding(found: list[dict], words: str) -> list[dict]:
    """The cards whose front or back holds these words."""
    return [c for c in found if words in c["back"] or words in c["front"]]


def sides(found: list[dict]) -> str:
    return "\n".join(f"{c['front']}\n{c['back']}" for c in found)


SORTING = """---
title: Sorting
---

## Merge sort

Merge sort splits the array in halves, sorts each half recursively and merges the two sorted halves.

:::{figure} ../img/merge-runs.png
:label: fig-merge
:alt: two runs of four merged into one of eight
:width: 60%

Merging two sorted runs takes one pass over both.
:::

:::{prf:theorem} Merge sort cost
:label: thm-cost
Merge sort takes $O(n \\log n)$ comparisons in the worst case.
:::

:::{prf:proof}
:class: dropdown
The recursion tree has $\\log n$ levels and each level does linear work in total.
:::
"""


def test_every_option_of_a_colon_fenced_directive_is_off_the_cards(tmp_path):
    """A directive's options are how the book shows it: `:label:` was taken off, but the `:alt:` and `:width:` after
    it stood on the figure's card, and a proof's `:class: dropdown` on its idea's card."""
    found = cards(tmp_path, {"sorting.md": SORTING})
    shown = sides(found)
    for option in (":alt:", ":width:", ":class:", ":label:", "dropdown"):
        assert option not in shown, shown
    assert holding(found, "each level does linear work"), shown


def test_a_colon_fenced_figure_is_its_caption_under_the_section_not_a_card_named_by_its_path(tmp_path):
    """`:::{figure} path` took its image's path for a box title ("… › ../img/merge-runs.png"); its caption reads
    as the text under an image does: the section's."""
    found = cards(tmp_path, {"sorting.md": SORTING})
    assert not any("merge-runs.png" in c["front"] for c in found), sides(found)
    caption = holding(found, "takes one pass over both")
    assert caption and all(c["front"].startswith("Sorting › Merge sort") for c in caption), sides(found)


GRAPHS = """# Graphs

## Equivalent graphs

Two different graphs can encode exactly the same set of conditional independencies.

:::{margin}
Skeleton rule: two graphs with the same adjacencies and the same colliders encode the same independencies.
:::

## Sampling

Ancestral sampling draws each node after its parents, in a topological order of the graph.

:::{margin}
With a single root (every other node its descendant) there is one order to start from, so the sampler is trivial.
:::

:::{margin}
Cyclic graphs → no topological order; ancestral sampling is undefined for them.
:::
"""


def test_a_colon_fenced_margin_note_is_a_card_as_a_backtick_one_is(tmp_path):
    """`:::{margin}` (the colon fence most MyST projects write) was read as an untitled box and its fact was on no
    card; it is a margin note, a card under its section as ```{margin}``` is."""
    found = cards(tmp_path, {"graphs.md": GRAPHS})
    card = holding(found, "same adjacencies and the same colliders")
    assert card and card[0]["front"] == "Graphs › Equivalent graphs › Skeleton rule", sides(found)


def test_a_margin_note_opening_on_its_condition_or_cause_is_asked_by_that_opening(tmp_path):
    """A margin that opens on a condition ("With a single root (…) there is …") or a cause ("Cyclic graphs → …")
    names no subject before a verb: it made no card, or a garbled question ("What is With a single root there?").
    It is asked by its opening phrase, without its brackets."""
    found = cards(tmp_path, {"graphs.md": GRAPHS})
    root = holding(found, "one order to start from")
    assert root and root[0]["front"] == "Graphs › Sampling › With a single root …", sides(found)
    cyclic = holding(found, "no topological order")
    assert cyclic and cyclic[0]["front"] == "Graphs › Sampling › Cyclic graphs …", sides(found)


FRONT_MATTER = "---\ntitle: Bootstrap intervals\ndate: 2025-02-01\ntags: [resampling, inference]\n---\n\n"
BOOTSTRAP = """The percentile interval takes the empirical quantiles of the resampled statistic directly.

## Bias correction

The BCa interval shifts and widens the percentile interval by a bias term and an acceleration term.
"""


def test_a_notebooks_front_matter_in_its_first_cell_is_no_card_and_titles_its_cards(tmp_path):
    """MyST reads a `---` block opening a notebook's first Markdown cell as the page's front matter: it made a card
    ("bootstrap › title" over "title: …, date: …") and the cards were named by the file name. It is no card; its
    title names the notebook's cards."""
    found = cards(tmp_path, {"bootstrap.ipynb": notebook(FRONT_MATTER + BOOTSTRAP, "More text follows here.")})
    assert not holding(found, "date: 2025"), sides(found)
    bca = holding(found, "acceleration term")
    assert bca and bca[0]["front"] == "Bootstrap intervals › Bias correction", sides(found)


def test_a_notebook_titled_by_its_first_cells_front_matter_keeps_its_cards_ids(tmp_path):
    """The cards named by the title keep the ids they had under the file name: their review history stays."""
    titled = cards(tmp_path / "a", {"bootstrap.ipynb": notebook(FRONT_MATTER + BOOTSTRAP, "More text follows here.")})
    plain = cards(tmp_path / "b", {"bootstrap.ipynb": notebook(BOOTSTRAP, "More text follows here.")})
    before = {c["back"]: c["id"] for c in plain}
    bca = holding(titled, "acceleration term")[0]
    assert bca["front"] != holding(plain, "acceleration term")[0]["front"]
    assert bca["id"] == before[bca["back"]], (sides(titled), sides(plain))


def test_a_card_another_form_makes_of_the_same_text_keeps_the_id_it_had():
    """Read as before, the front matter was text and a labelled paragraph under it its own card ('paragraph'); read
    now, its section's card takes it at the same line. The card keeps the id it had (its back opens on the same
    words); a card of other text at that line (the front matter's) gives its id to no one."""
    from mlwiki.extract.draft import Draft
    from mlwiki.extract.title_heading import keep_ids
    from mlwiki.models import CardKind

    basic = CardKind.BASIC
    before = [([Draft(basic, "stem › Why it holds?", "the sample is large, so the quantiles settle.", 11,
                      form="paragraph")], ""),
              ([Draft(basic, "stem › title", "title: Bootstrap\ndate: 2025-01-01", 1, form="lone-fact")], "")]
    now = [([Draft(basic, "Bootstrap › Why it holds?", "Why it holds: the sample is large, so the quantiles settle.",
                   11, form="section")], ""),
           ([Draft(basic, "Bootstrap", "The bootstrap resamples with replacement.", 1, form="section")], "")]
    keep_ids(now, before)
    assert now[0][0][0].id_front == "stem › Why it holds?"
    assert now[1][0][0].id_front == ""


def test_a_rule_opening_a_notebook_cell_is_no_front_matter(tmp_path):
    """A cell that opens on a horizontal rule over prose keeps its text."""
    found = cards(tmp_path, {"rule.ipynb": notebook("---\n\n## Jackknife\n\nThe jackknife leaves out one observation "
                                                     "at a time and recomputes the statistic.\n")})
    assert holding(found, "leaves out one observation"), sides(found)


def test_a_notebook_naming_itself_a_quick_demo_is_no_fact(tmp_path):
    """"Short demo after the resampling lecture." names the notebook, not its subject (no verb says a fact): off
    the opening card, whose facts stay."""
    found = cards(tmp_path, {"median.ipynb": notebook(
        "# Bootstrapping a median\n\nShort demo after the resampling lecture.\n\nThe median's bootstrap distribution "
        "is lumpy when the sample has few distinct values.\n")})
    assert not holding(found, "Short demo"), sides(found)
    assert holding(found, "lumpy when the sample"), sides(found)


LINKED = """# Kernels

(sec-mercer)=
## Mercer's condition

A kernel is valid when every Gram matrix it makes is positive semi-definite ([](#def-psd), [](#def-gram)).

## Kernel trick

Any algorithm written only in inner products can run in a feature space through a kernel (see the condition in
[](#sec-mercer)), so the map itself is never computed: the cost stays that of the input dimension
([](#thm-cost)). It works for ridge regression too:
[](#ridge-page).

Support vector machines use it the same way, on the dual problem. → [](#svm-page).
"""


def test_a_myst_link_reference_without_text_is_no_empty_bracket_on_a_card(tmp_path):
    """`[](#label)` shows the target's title in the book and nothing on a card: "(, )", "too: ." and a closing
    "→ ." were left. A reference to another page goes with the words that only point at it; one to a heading of
    the note shows its title."""
    found = cards(tmp_path, {"kernels.md": LINKED})
    shown = sides(found)
    for empty in ("[](#", "(, )", "()", "too:", "→ .", ". →"):
        assert empty not in shown, shown
    assert holding(found, "positive semi-definite.") and holding(found, "ridge regression too."), shown
    assert holding(found, "Mercer's condition"), shown


MYST_YML = r"""version: 1
project:
  title: Probability notes
  math:
    '\Ex': '\mathbb{E}'
    '\given':
      macro: '\,\middle|\,'
      title: conditioning bar
    '\pr': '\mathbb{P}\left(#1\right)'
"""


def test_a_myst_projects_math_macros_are_the_wikis_macros(tmp_path):
    """A MyST project defines its LaTeX macros in myst.yml (`project: math:`): the cards' `\\Ex[X]` showed as an
    unknown command (check warned, MathJax and the terminal showed it raw). They are the wiki's macros, as a Jupyter
    Book's _config.yml ones are: `\\newcommand`s for the export and the terminal, known to `check`."""
    from mlwiki.config import load_config
    from mlwiki.render.macros import read_macros

    root = new_wiki(tmp_path, {"moments.md": "# Moments\n\n## Mean\n\nThe mean of a die roll is $\\Ex[X] = 3.5$, "
                                             "and $\\pr{X > 4} = 1/3$.\n"}, CONFIG)
    (root / "myst.yml").write_text(MYST_YML, encoding="utf-8")
    macros = read_macros(load_config(root))[0]
    assert "\\newcommand{\\Ex}{\\mathbb{E}}" in macros and "\\newcommand{\\pr}[1]" in macros, macros
    assert "\\newcommand{\\given}" in macros, macros
    checked = run(root, "check").output
    assert "\\Ex" not in checked and "\\pr" not in checked, checked


SAMPLING = """---
title: Sampling
---

:::{note}
**Draft.** Filling in from the Owen book ch. 9 + the lecture slides.
:::

Importance sampling draws from a proposal $q$ and reweights each draw by $p/q$. The estimate is:

$$
\\hat\\mu = \\frac{1}{n}\\sum_i \\frac{p(x_i)}{q(x_i)} f(x_i),
$$

$x_i \\sim q$ are the draws. Its variance depends on how well $q$ matches $|f| p$.

:::{note}
**Draft.** Importance sampling fails when $q$ has lighter tails than $p$: a few huge weights dominate the estimate.
:::
"""


def test_a_box_that_only_says_the_page_is_a_draft_is_no_card_nor_a_topic(tmp_path):
    """"**Draft.** Filling in from …" in a note box is the writer's housekeeping: it made a card ("Sampling ›
    Draft"), and its bold label titled the section's next card ("Sampling › Draft › What its symbols mean"). No
    card; the next card's front loses the label and keeps its id. A box that goes on to state a fact stays."""
    found = cards(tmp_path / "now", {"sampling.md": SAMPLING})
    assert not holding(found, "Owen book"), sides(found)
    symbols = holding(found, "how well $q$ matches")
    assert symbols and "Draft" not in symbols[0]["front"], sides(found)
    assert holding(found, "lighter tails than $p$"), sides(found)
    assert symbols[0]["id"] == _id_as_before(), sides(found)


def _id_as_before() -> str:
    """The id the card of the symbols had when the box was read as text (its front under "Draft")."""
    from mlwiki.ids import card_id

    return card_id("basic", "remark: Sampling › Draft › What its symbols mean\n\n$$\\hat\\mu = \\frac{1}{n}\\sum_i "
                            "\\frac{p(x_i)}{q(x_i)} f(x_i),$$")


TRIALS = """# Trials

## Why a coin flip helps

Random assignment gives

```{math}
:label: eq-ind
(A(0), A(1)) \\perp B
```

— the **potential** responses are independent of $B$ (not the observed response, which depends on $B$).
Then the bias term vanishes and the groups compare like with like.

## Orthogonal complement

The complement $W^\\perp$ holds every vector orthogonal to all of $W$.
"""


def test_an_independence_statement_is_a_formula_worth_a_card(tmp_path):
    """`(A(0), A(1)) \\perp B` (or a book's `\\indep` macro) states an independence, a relation as `=` is: it was
    read as a lone symbol's formula, no card, and the section's card opened on the dash that explains it ("— the
    potential responses …"). It is the card of its lead-in, its explanation under it; `W^\\perp` names a set."""
    found = cards(tmp_path, {"trials.md": TRIALS})
    formula = [c for c in found if c["kind"] == "formula" and "\\perp B" in c["back"]]
    assert formula and formula[0]["front"].endswith("Random assignment gives"), sides(found)
    assert "potential** responses are independent" in formula[0]["back"], sides(found)
    assert not any(c["back"].startswith("—") for c in found), sides(found)
    assert not any(c["kind"] == "formula" and "W^\\perp" in c["back"] for c in found), sides(found)


def test_a_bold_term_glossed_only_by_its_other_names_is_no_definition(tmp_path):
    """"the **plug-in estimator** (substitution / analogue):" over its formula gives other names, not what it is:
    "Define: plug-in estimator → substitution / analogue" was a card that answers nothing. A bracket that says what
    the term is, a slash in it or not, still makes its definition card."""
    note = ("# Estimation\n\n## Ratios\n\nRetrieval quality is judged by **recall** (found positives / all real "
            "positives):\n\n$$\nR = \\frac{TP}{TP + FN}\n$$\n\n## Plug-in\n\nReplacing each expectation by a sample "
            "mean gives the **plug-in estimator** (substitution / analogue):\n\n$$\n\\hat\\theta = \\frac{1}{n}"
            "\\sum_i g(x_i)\n$$\n")
    found = cards(tmp_path, {"estimation.md": note})
    assert not any(c["back"] == "substitution / analogue" for c in found), sides(found)
    assert holding(found, "substitution / analogue"), sides(found)
    assert any(c["back"] == "found positives / all real positives" for c in found), sides(found)


MEASURES = """# Effect measures

## Contrasts

:::{prf:definition} Contrast measures
:label: def-contrasts

- **RD** $= p_1 - p_0$ — additive scale.
- **RR** $= p_1 / p_0$ — ratio scale.
- **OR** $= \\frac{p_1/(1-p_1)}{p_0/(1-p_0)}$ — odds scale.
- **NNT** $= 1 / (p_1 - p_0)$ — per event.
:::

RD and RR agree in sign; only RD is collapsible.
"""


def test_a_list_of_terms_each_defined_by_its_formula_is_a_card(tmp_path):
    """"- **RD** $= p_1 - p_0$ — additive scale." says what the term is in symbols, few words: the list of four read
    as names, not something to recall, and its definitions were on no card. Each item defines its term: the list
    is its box's card."""
    found = cards(tmp_path, {"measures.md": MEASURES})
    card = holding(found, "**RR** $= p_1 / p_0$")
    assert card and "**NNT**" in card[0]["back"] and "**RD**" in card[0]["back"], sides(found)
    assert card[0]["front"].endswith("Contrast measures"), sides(found)


def test_an_update_rule_with_its_constants_value_after_a_quad_is_a_formula_card(tmp_path):
    """"$$w_s \\leftarrow \\beta\\,w_s + (1-\\beta)\\,w, \\qquad \\beta = 0.99$$": the rule, with the value its constant
    takes set after a quad, was read as arithmetic on made-up numbers (a worked example): no card, and the section's
    card kept only what followed it. It is the rule's card; a value worked out alone still is none."""
    note = ("# Averaging\n\n## Slow weights\n\nThe slow copy of the weights follows the fast ones:\n\n$$\nw_s \\leftarrow "
            "\\beta\\,w_s + (1-\\beta)\\,w, \\qquad \\beta = 0.99\n$$\n\n## Example\n\nWith these numbers:\n\n$$\nb = "
            "0.47\n$$\n")
    found = cards(tmp_path, {"averaging.md": note})
    rule = [c for c in found if c["kind"] == "formula" and "\\beta = 0.99" in c["back"]]
    assert rule and rule[0]["front"].endswith("follows the fast ones:"), sides(found)
    assert not any(c["kind"] == "formula" and "0.47" in c["back"] for c in found), sides(found)


def test_a_box_titled_draft_over_a_short_note_is_no_card(tmp_path):
    """Docusaurus' `:::note[Draft]` over "Half-written. Numbers need checking." titles the page's state: it made a
    card "… › Draft". A box titled by what it says stays."""
    note = ("# Masked modelling\n\nThe encoder sees only the visible patches; a light decoder fills in the rest.\n\n"
            ":::note[Draft]\nHalf-written. Ratios need checking against the paper.\n:::\n\n"
            ":::tip[Mask ratio]\nA high mask ratio makes the task hard enough that the encoder must learn structure.\n"
            ":::\n")
    found = cards(tmp_path, {"docs/mim.md": note})
    assert not holding(found, "need checking"), sides(found)
    assert holding(found, "must learn structure"), sides(found)


def test_a_todo_wrapped_over_two_lines_leaves_no_fragment(tmp_path):
    """"TODO: check whether the warm-up is still needed with\\nlayer-wise scaling on." wraps its sentence onto the
    next line: the to-do line came off a card, its second line stayed as a fragment at the end of the list's back."""
    note = ("# Large batches\n\n## Tricks\n\n- scale the learning rate linearly with the batch size\n- warm up over the "
            "first five epochs\n- use layer-wise adaptive rates for very large batches\n\nTODO: check whether the "
            "warm-up is still needed with\nlayer-wise scaling switched on.\n")
    found = cards(tmp_path, {"batches.md": note})
    assert holding(found, "warm up over the first five epochs"), sides(found)
    assert not holding(found, "scaling switched on"), sides(found)


FAMILIES = """# Clustering — map

## Families

| Family | Criterion | Examples | Page |
|---|---|---|---|
| Centroid | distance to a centre | k-means, k-medoids | [k-means](methods/kmeans.md) |
| Density | connected dense regions | DBSCAN, OPTICS | [DBSCAN](methods/dbscan.md), [OPTICS](methods/optics.md) |
| Hierarchical | merge or split by linkage | Ward, single linkage | see [linkage](methods/linkage.md) |
| Model-based | likelihood of a mixture | GMM | (no page yet) |
"""


def test_a_column_that_only_links_the_sites_pages_is_no_card(tmp_path):
    """A map table's "Page" column ("[DBSCAN](methods/dbscan.md), [OPTICS](…)", "see [linkage](…)", "(no page
    yet)") points where to read: it was a card "… › Page, by Family". No card, nor a part of the rows'; the other
    columns' cards stay."""
    found = cards(tmp_path, {"docs/intro.md": FAMILIES})
    assert not any("Page" in c["front"] or "dbscan.md" in c["back"] for c in found), sides(found)
    assert holding(found, "connected dense regions") and holding(found, "k-means, k-medoids"), sides(found)


def test_a_citation_with_its_title_quoted_in_sentence_case_is_the_papers_card(tmp_path):
    """'Ng, Jordan and Weiss 2001/2002, "On spectral clustering: analysis and an algorithm".' cites the paper, as a
    title in capitals does: it stood on the note's opening card beside what the note says of its subject (or was
    that card alone). It is the note's "› Paper" card, as a capitalised title's citation is."""
    note = ('# Spectral clustering\n\nNg, Jordan and Weiss 2001/2002, "On spectral clustering: analysis and an '
            'algorithm". Cluster the rows of the top eigenvectors of the normalised affinity matrix with k-means.\n\n'
            '## Affinity\n\nA Gaussian kernel on distances gives the affinity matrix; its width sets the scale.\n')
    found = cards(tmp_path, {"spectral.md": note})
    cited = holding(found, "On spectral clustering")
    assert cited and all(c["front"] == "Spectral clustering › Paper" for c in cited), sides(found)
    opening = holding(found, "top eigenvectors")
    assert opening and opening[0]["front"] == "Spectral clustering", sides(found)


def test_a_citation_opening_a_wrapped_line_leaves_no_stray_period_on_the_card():
    """A role that shows as nothing, `{cite:p}`key``, opening a line before the sentence's period: the card read
    "… of the logit score⏎. Changes the estimand" in the terminal (and "score . Changes" in Anki). The period
    closes the sentence where the line broke."""
    from mlwiki.render.html import markdown_to_html
    from mlwiki.review.tui import terminal_text

    side = "a common width is a fifth of the score's spread\n{cite:p}`someone2011`. It changes the estimand."
    assert terminal_text(side) == "a common width is a fifth of the score's spread. It changes the estimand."
    assert "spread. It changes" in markdown_to_html(side)
