"""Pages of more tools read as those tools show them (issue 23, session 58): marimo notebooks saved as Markdown,
SiYuan documents exported with their block attributes. Every note is written to one wiki in tmp_path, scanned once
through the CLI (`cards --json`); each test reads the cards of its own note."""

from __future__ import annotations

import json

import pytest

from conftest import new_wiki, run

CONFIG = 'name = "T"\nformulas = "display"\ndefinitions = true\nsections = true\n[review]\ntimezone = "UTC"\n'
NOTES: dict[str, str] = {}  # (path below notes/ → text: each test's note, filled in below)


@pytest.fixture(scope="module")
def cards(tmp_path_factory) -> list[dict]:
    """`mlwiki cards --json` of a wiki holding every note of this module."""
    root = new_wiki(tmp_path_factory.mktemp("tools58"), NOTES, CONFIG)
    return json.loads(run(root, "cards", "--json", ok=True).output)


def _made(cards: list[dict], rel: str) -> dict[str, str]:
    """{front: back} of the cards of the note `rel`."""
    return {c["front"]: c["back"] for c in cards if c["source"]["path"] == f"notes/{rel}"}


def _text(made: dict[str, str]) -> str:
    return "\n".join(made) + "\n" + "\n".join(made.values())


MARIMO = (
    "---\ntitle: Bagging\nmarimo-version: 0.9.14\nwidth: medium\n---\n\n# Bagging\n\n"
    "```python {.marimo}\nimport marimo as mo\nimport numpy as np\n```\n\n"
    "## Why average?\n\n"
    "/// admonition | Variance of an average\n    type: tip\n\n"
    "Averaging $B$ models of variance $\\sigma^2$ and pairwise correlation $\\rho$ leaves variance\n"
    "$$\\rho\\sigma^2 + \\frac{1-\\rho}{B}\\sigma^2$$\n///\n\n"
    "Adding models only shrinks the second term.\n\n"
    "```python {.marimo hide_code=\"true\"}\nmo.md(f\"\"\"\nWith B = {n.value} the variance is **{var:.3f}**.\n\"\"\")\n```\n\n"
    "```python {.marimo}\nmo.md(r\"\"\"\n    Bootstrap samples are drawn **with replacement** from the training set.\n\"\"\")\n```\n\n"
    "<!---->\n## Out-of-bag error\n\n"
    "/// details | Why are about 36.8 % of the samples out of bag?\nA sample is never drawn in $n$ draws with "
    "probability $(1-1/n)^n$, which tends to $e^{-1}$.\n///\n\n"
    "```sql {.marimo query=\"runs\"}\nSELECT * FROM runs WHERE trees > 10\n```\n")
NOTES["bagging.md"] = MARIMO


def test_marimo_code_cells_are_no_text_but_static_markdown_cells_are(cards):
    """A marimo notebook's code is not its notes (as a Jupyter notebook's code cells are not): `import marimo`, a
    widget, a SQL cell and Markdown built from one run's values (an f-string) are on no card, while a cell that only
    shows fixed Markdown (`mo.md(r\"\"\"…\"\"\")`) is read as the Markdown cell marimo shows."""
    text = _text(_made(cards, "bagging.md"))
    assert "import marimo" not in text and "{.marimo" not in text and "SELECT" not in text
    assert "n.value" not in text and "the variance is" not in text
    assert "Bootstrap samples are drawn **with replacement** from the training set." in text
    assert "mo.md" not in text


def test_marimo_blocks_are_boxes_titled_as_written(cards):
    """pymdownx's `/// admonition | Title` … `///` (as marimo writes its boxes) is a box under its title, its option
    lines no text; `/// details | Why …?` a folded question answered by its text."""
    made = _made(cards, "bagging.md")
    text = _text(made)
    assert "///" not in text and "type: tip" not in text
    formula = [front for front, back in made.items() if back == "$$\\rho\\sigma^2 + \\frac{1-\\rho}{B}\\sigma^2$$"]
    assert formula and "Variance of an average" in formula[0]
    question = [front for front in made if "Why are about 36.8 % of the samples out of bag?" in front]
    assert question and made[question[0]].startswith("A sample is never drawn in $n$ draws")


SIYUAN = (
    "---\ntitle: Support vector machines\ndate: 2026-11-03T10:12:44Z\n---\n\n# Support vector machines\n\n"
    "An SVM picks the separating hyperplane with the largest **margin** between the two classes.\n"
    '{: id="20261103101244-a1b2c3d" updated="20261105090102"}\n\n'
    '## Support vectors\n{: id="20261103101301-k9d8e7f"}\n\n'
    "Only the points on the margin have nonzero dual variables; see ((20261103101422-m4n5b6v \"KKT conditions\")) "
    "and [the dual](siyuan://blocks/20261103101423-m4n5b6w).\n"
    '{: id="20261103101355-t5y6u7i"}\n\n'
    '{{{row\nSoft margin adds slack variables with penalty $C\\sum_i\\xi_i$.\n{: id="20261103101501-aaaaaaa"}\n}}}\n'
    '{: id="20261103101500-ccccccc"}\n\n'
    "{{SELECT * FROM blocks WHERE content LIKE '%kernel%'}}\n{: id=\"20261103101600-ddddddd\"}\n\n"
    '#svm# #kernels#\n{: id="20261103101700-eeeeeee"}\n\n'
    '{: id="20261103101244-0000000" title="Support vector machines" type="doc"}\n')
NOTES["SVM.md"] = SIYUAN


def test_siyuan_block_attributes_layout_and_queries_never_show(cards):
    """SiYuan's attribute lists (`{: id="…"}`), super-block marks (`{{{row`, `}}}`), embed queries and tag lines
    are how SiYuan keeps its blocks, not what it shows: on no card, while the blocks' text is."""
    text = _text(_made(cards, "SVM.md"))
    assert "{:" not in text and "{{{" not in text and "}}}" not in text and "SELECT" not in text
    assert "#svm#" not in text and "#kernels#" not in text
    assert "largest **margin** between the two classes." in text
    assert "Soft margin adds slack variables" in text


def test_siyuan_references_show_their_anchor_text(cards):
    """A block reference `((id "anchor"))` shows its anchor text, and a link to a block (`siyuan://blocks/…`,
    which nothing outside SiYuan opens) its text."""
    text = _text(_made(cards, "SVM.md"))
    assert "see KKT conditions and the dual." in text
    assert "((" not in text and "siyuan://" not in text


JOPLIN = (
    "---\ntitle: Attention\ncreated: 2026-11-01 18:40:02Z\ntags:\n  - nlp\n---\n\n# Attention\n\n"
    "## Scaling\n\nDividing the scores by $\\sqrt{d_k}$ keeps the softmax out of its flat regions, as explained in "
    "[Softmax saturation](:/a1b2c3d4e5f60718293a4b5c6d7e8f90).\n\n"
    "![heatmap](:/0f1e2d3c4b5a69788796a5b4c3d2e1f0)\n")
NOTES["Attention.md"] = JOPLIN


def test_joplin_item_links_show_their_text(cards):
    """Joplin links a note by its item id, `[Softmax saturation](:/…)`, which nothing outside Joplin opens: the card
    shows the link's text, and a picture linked the same way (no file to show) is left out."""
    text = _text(_made(cards, "Attention.md"))
    assert "as explained in Softmax saturation." in text
    assert ":/" not in text and "heatmap" not in text


HEPTABASE = (
    "# Temporal difference\n\n"
    "TD learning moves a value estimate towards a bootstrapped target, as the "
    "[Bellman equations.md](./Bellman%20equations.md) suggest, with a step size like "
    "[SGD (stochastic gradient descent).md](./SGD%20\\(stochastic%20gradient%20descent\\).md).\n\n"
    "> The TD error is the gap between the bootstrapped target and the current estimate. "
    "[\\[1\\]](https://app.heptabase.com/pdf-card/1234?pdfPage=3&pdfBoundingBox=1,2,3,4)\n\n"
    "$$\n\\delta_t = r_{t+1} + \\gamma V(s_{t+1}) - V(s_t)\n$$\n\n"
    "## 1\\. Tabular TD(0)\n\nThe step size $\\alpha$ sets how far each update moves the estimate.\n")
NOTES["Card Library/Temporal difference.md"] = HEPTABASE


def test_heptabase_mentions_show_card_titles_and_citations_never_show(cards):
    """Heptabase exports a mention of a card as a link whose text is its file name (`[Bellman equations.md](…)`):
    the card shows the title. A PDF highlight's citation (`[\\[1\\]](https://app.heptabase.com/…)`) is a reference
    mark, on no card; a numbered heading's export escape (`1\\.`) does not reach the heading path."""
    made = _made(cards, "Card Library/Temporal difference.md")
    text = _text(made)
    assert "Bellman equations.md" not in text and ".md]" not in text and "app.heptabase.com" not in text and "\\[1" not in text
    assert "Temporal difference › 1. Tabular TD(0)" in made
    formula = [front for front, back in made.items() if back.startswith("$$\\delta_t")]
    assert formula and formula[0].endswith("the gap between the bootstrapped target and the current estimate.")


JOPLIN_RULES = (
    "---\ntitle: 'Decoding: beam search'\nupdated: 2026-11-04 09:12:33Z\n---\n\n# Decoding: beam search\n\n"
    "## Beam search\n\nBeam search keeps the $k$ most probable partial hypotheses at every step.\n\n* * *\n\n"
    "## Sampling\n\nTop-$p$ sampling draws from the smallest set of tokens whose probabilities add up to $p$.\n\n"
    "- - -\n")
NOTES["Decoding.md"] = JOPLIN_RULES


def test_a_rule_written_with_spaces_is_no_text(cards):
    """`* * *` and `- - -` are horizontal rules as `***` is (CommonMark; Joplin's web clipper writes them): no
    card's back ends on one."""
    made = _made(cards, "Decoding.md")
    assert made["Decoding: beam search › Beam search"] == (
        "Beam search keeps the $k$ most probable partial hypotheses at every step.")
    assert made["Decoding: beam search › Sampling"].endswith("add up to $p$.")


CAPACITIES = (
    "---\ntype: Page\ntitle: Viterbi Algorithm\nicon: 🧭\ntags: [hmm]\n---\n\n# Viterbi Algorithm\n\n"
    "Viterbi finds the most likely sequence of hidden states by dynamic programming over the trellis.\n\n"
    "> ⚠️ Multiplying many small probabilities underflows, so the recursion is run on log-probabilities.\n")
NOTES["Pages/Viterbi Algorithm.md"] = CAPACITIES


def test_a_quote_opening_on_a_warning_sign_is_a_warning_box(cards):
    """`> ⚠️ …` (a warning box as Capacities, Craft or Bear write one) is a caveat of its own, not more of the
    paragraph above it."""
    made = _made(cards, "Pages/Viterbi Algorithm.md")
    assert made["Viterbi Algorithm"] == (
        "Viterbi finds the most likely sequence of hidden states by dynamic programming over the trellis.")
    warning = [back for front, back in made.items() if "Warning" in front]
    assert warning == ["Multiplying many small probabilities underflows, so the recursion is run on "
                       "log-probabilities."]


NOTES["02-hard-margin.md"] = (
    "The hard-margin SVM maximises the geometric margin $1/\\|w\\|$ over separating hyperplanes.\n"
    '{: id="20261103101244-a1b2c3d" updated="20261105090102"}\n\n## Primal\n{: id="20261103101301-k9d8e7f"}\n\n'
    "Minimising $\\frac12\\|w\\|^2$ subject to $y_i(w^\\top x_i+b)\\ge 1$ is a convex quadratic program.\n"
    '{: id="20261103101355-t5y6u7i"}\n\n'
    '{: id="20261103101244-0000000" title="Hard-margin SVM &amp; the primal" type="doc" updated="20261105090102"}\n')


def test_a_siyuan_document_is_titled_by_its_own_attributes(cards):
    """A SiYuan export has no front matter and no title heading: the document's title is in its own attribute list,
    the last line (`{: … title="…" type="doc"}`), and roots every front, not the file's slug."""
    made = _made(cards, "02-hard-margin.md")
    assert set(made) == {"Hard-margin SVM & the primal", "Hard-margin SVM & the primal › Primal"}


def _cell(kind: str, source: str, **meta) -> dict:
    """A Deepnote markdown cell as its .ipynb export writes it."""
    return {"cell_type": "markdown", "source": source,
            "metadata": {"cell_id": "0" * 32, "deepnote_cell_type": kind, "formattedRanges": [], **meta}}


NOTES["Isolation forest.ipynb"] = json.dumps({"metadata": {"deepnote_notebook_id": "c2f7"}, "nbformat": 4,
                                              "nbformat_minor": 0, "cells": [
    _cell("text-cell-h1", "# Isolation forest"),
    _cell("text-cell-h2", "## Scores in scikit-learn"),
    _cell("text-cell-p", "The paper's anomaly score is close to 1 for points isolated in few splits."),
    _cell("text-cell-callout", "> score_samples returns the negated score, so lower means more abnormal.",
          color="yellow"),
    _cell("separator", "<hr>"),
    _cell("text-cell-h2", "## Subsampling"),
    _cell("text-cell-p", "Each tree is grown on a subsample of 256 points drawn without replacement."),
    _cell("separator", "<hr>"),
    {"cell_type": "markdown", "metadata": {"created_in_deepnote_cell": True, "deepnote_cell_type": "markdown"},
     "source": "<a href='https://deepnote.com?utm_source=created-in-deepnote-cell'>\n"
               "<img alt='Created in deepnote.com' src='data:image/svg+xml;base64,PD94'>Created in Deepnote</a>"}]},
    indent=1)


def test_a_deepnote_warning_callout_is_a_caveat_and_a_separator_no_text(cards):
    """Deepnote exports a callout block as a quote in a cell marked `text-cell-callout`; a yellow one is a warning,
    a card of its own (not more of the paragraph above); a separator block (`<hr>`) is a rule, on no back, and the
    "Created in deepnote.com" badge cell the export ends on is on no card."""
    made = _made(cards, "Isolation forest.ipynb")
    assert made["Isolation forest › Scores in scikit-learn"] == (
        "The paper's anomaly score is close to 1 for points isolated in few splits.")
    warning = [back for front, back in made.items() if "Warning" in front]
    assert warning == ["score_samples returns the negated score, so lower means more abnormal."]
    assert "<hr>" not in _text(made) and "deepnote.com" not in _text(made)


NOTES["Ranking metrics.ipynb"] = json.dumps({"metadata": {"deepnote_notebook_id": "d1"}, "nbformat": 4,
                                             "nbformat_minor": 0, "cells": [
    _cell("text-cell-h1", "# Ranking metrics"),
    _cell("text-cell-h2", "## Recall at k"),
    _cell("text-cell-p", "**Recall@k** counts the share of a user's relevant items that appear in the top k.",
          formattedRanges=[{"type": "marks", "marks": {"bold": True}, "fromCodePoint": 0, "toCodePoint": 8}])]},
    indent=1)


def test_deepnote_marks_already_written_in_the_text_are_not_written_again(cards):
    """Some Deepnote exports write a block's bold into its text as well as into `formattedRanges`, whose code points
    count the text as shown: written again at those places, the marks split words ("****Recall@k**…")."""
    made = _made(cards, "Ranking metrics.ipynb")
    assert "****" not in _text(made)
    assert "**Recall@k** counts the share of a user's relevant items that appear in the top k." in _text(made)
