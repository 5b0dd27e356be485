"""Real Obsidian notes read as a learner studies them (session 58, the obsidian-basic-ml and obsidian-ml-notes
corpora): a remark asked by what it speaks of, a table column that only says what its rows mean, a remark that only
names its heading, a book's note and its highlights, an example run beside a test's description, a case written in
math after a formula, an outline branch's list before a picture line, a list's cloze over a nested labelled item.
Every note is written to one wiki in tmp_path, scanned once through the CLI (`cards --json`); each test reads the
cards of its own note."""

from __future__ import annotations

import json

import pytest

from conftest import new_wiki, run

CONFIG = 'name = "T"\nformulas = "display"\ndefinitions = true\nsections = true\n[review]\ntimezone = "UTC"\n'
NOTES: dict[str, str] = {}  # (path below notes/ → text: each test's note, filled in below)


@pytest.fixture(scope="module")
def cards(tmp_path_factory) -> list[dict]:
    """`mlwiki cards --json` of a wiki holding every note of this module."""
    root = new_wiki(tmp_path_factory.mktemp("corpa58"), NOTES, CONFIG)
    return json.loads(run(root, "cards", "--json", ok=True).output)


def _made(cards: list[dict], rel: str) -> dict[str, str]:
    """{front: back} of the cards of the note `rel`."""
    return {c["front"]: c["back"] for c in cards if c["source"]["path"] == f"notes/{rel}"}


def _text(made: dict[str, str]) -> str:
    return "\n".join(made) + "\n" + "\n".join(made.values())


CLOSED_SET = (
    '---\n'
    'tags: [definition, topology]\n'
    '---\n'
    '\n'
    '# Closed Set\n'
    '\n'
    '## Statements\n'
    '\n'
    '**Definition**. A subset $F$ of a metric space $(X,d)$ is _closed_ if its complement $X\\setminus F$ is open.\n'
    '\n'
    '**Remark**. ([[Rudin - Principles of Mathematical Analysis|Rud76, 2.23]]) A finite union of closed sets is again closed, while an infinite union may fail to be.\n'
    '\n'
    '## Remark\n'
    '\n'
    'An arbitrary intersection of closed sets is always closed, whatever the index set.\n')
NOTES["Closed Set.md"] = CLOSED_SET


def test_a_labelled_remark_is_asked_by_what_it_speaks_of(cards):
    """"**Remark**. (source) A finite union of closed sets is …" beside the definition: asked by its subject, its
    label and the source cited after it off the back (before: "Closed Set › Statements › remark", which says
    nothing of which claim is asked, over "**Remark**. ([[Rudin …|Rud76, 2.23]]) …")."""
    made = _made(cards, "Closed Set.md")
    assert made["Closed Set › Statements › A finite union of closed sets"] == \
        "A finite union of closed sets is again closed, while an infinite union may fail to be."
    assert "Closed Set › Statements › remark" not in made


def test_a_remark_alone_under_a_remark_heading_is_asked_by_its_subject(cards):
    """"## Remark" over one claim: the heading says only that it is a remark (before: "Closed Set › Remark")."""
    made = _made(cards, "Closed Set.md")
    assert made["Closed Set › Remark › An arbitrary intersection of closed sets"].startswith(
        "An arbitrary intersection of closed sets is always closed")
    assert "Closed Set › Remark" not in made


GROUP = (
    '# Group\n'
    '\n'
    '## Statements\n'
    '\n'
    'A _group_ is a set $G$ with an operation that satisfies the axioms below.\n'
    '\n'
    '| Axiom | Meaning |\n'
    '| --- | --- |\n'
    '| Closure | For all $a,b\\in G$, the product $ab$ is again in $G$ |\n'
    '| Identity | There is an element $e\\in G$ with $ea=ae=a$ for every $a\\in G$ |\n'
    '| Inverses | Every $a\\in G$ has an element $a^{-1}$ with $aa^{-1}=e$ |\n')
NOTES["Group.md"] = GROUP


def test_a_meaning_column_is_asked_by_the_rows_name(cards):
    """| Axiom | Meaning |: the row's name asks what it means (before: "Group › Statements › Identity › Meaning")."""
    made = _made(cards, "Group.md")
    assert made["Group › Statements › Identity"] == "There is an element $e\\in G$ with $ea=ae=a$ for every $a\\in G$"
    assert not any(front.endswith("› Meaning") for front in made), made


VECTOR_INDEXES = (
    'Vector indexes let a retrieval system find the stored embeddings closest to a query without scanning them all.\n'
    '\n'
    '## Graph-based indexes\n'
    'Graph indexes link each vector to a few near neighbours and search by walking the graph. There are many variants of graph indexes.\n'
    '\n'
    '## Inverted file index (IVF)\n'
    'One widely used partitioning index is called IVF.\n'
    '### Coarse quantizer\n'
    'A k-means quantizer splits the space into cells, and each stored vector is filed under its nearest centroid.\n'
    '### Probing\n'
    'At query time only the few cells whose centroids lie closest to the query are scanned, which trades recall for speed.\n')
NOTES["Vector Indexes.md"] = VECTOR_INDEXES


def test_a_remark_that_only_names_its_heading_is_no_card(cards):
    """"One widely used partitioning index is called IVF." under "## Inverted file index (IVF)", whose
    subsections say what IVF is: no card of its heading alone (before, "… › Inverted file index (IVF)" asked it)."""
    made = _made(cards, "Vector Indexes.md")
    assert "Vector Indexes › Inverted file index (IVF)" not in made, made
    assert "Vector Indexes › Inverted file index (IVF) › Probing" in made


def test_that_many_kinds_exist_is_never_asked_alone(cards):
    """"There are many variants of graph indexes." says nothing to recall: shown with its paragraph, never the back
    of a cloze of its own (before, "… Graph indexes link … [...]" asked it)."""
    made = _made(cards, "Vector Indexes.md")
    assert "There are many variants of graph indexes." not in made.values(), made
    assert made["Vector Indexes › Graph-based indexes"].startswith("Graph indexes link each vector")


ELEMENTS = (
    '---\n'
    'authors: T. Hastie, R. Tibshirani, J. Friedman\n'
    'year: 2009\n'
    'publisher: Springer\n'
    'title: The Elements of Statistical Learning\n'
    '---\n'
    '\n'
    '# The Elements of Statistical Learning\n'
    '\n'
    'The Elements of Statistical Learning describes the important ideas of statistical learning in a common conceptual framework, with an emphasis on concepts rather than mathematics.\n')
NOTES["References/Hastie - Elements.md"] = ELEMENTS


def test_a_books_description_in_its_note_is_no_card(cards):
    """A book's record (authors, publisher) over the publisher's blurb: the blurb describes the book, it teaches
    nothing of its subject (before: "What is The Elements of Statistical Learning?" over it)."""
    made = _made(cards, "References/Hastie - Elements.md")
    assert not any("describes the important ideas" in back for back in made.values()), made


MURPHY = (
    '---\n'
    'tags: reference\n'
    'authors: K. P. Murphy\n'
    'year: 2022\n'
    'publisher: MIT Press\n'
    'title: Probabilistic Machine Learning\n'
    'annotation-target: Murphy.pdf\n'
    '---\n'
    '\n'
    '# Probabilistic Machine Learning\n'
    '\n'
    '>%%\n'
    '>```annotation-json\n'
    '>{"created":"2023-05-02T10:00:00.000Z","target":[{"selector":[{"type":"TextQuoteSelector","exact":"The bias-variance tradeoff governs"}]}]}\n'
    '>```\n'
    '>%%\n'
    '>*%%PREFIX%%as we show below.4.7 Model selection%%HIGHLIGHT%% ==The bias-variance tradeoff governs how flexible a model should== %%POSTFIX%%be, and in*\n'
    '>%%LINK%%[[#^k3p9x2abc|show annotation]]\n'
    '>%%COMMENT%%\n'
    '>\n'
    '>%%TAGS%%\n'
    '>\n'
    '^k3p9x2abc\n'
    '\n'
    '>%%\n'
    '>```annotation-json\n'
    '>{"created":"2023-05-02T10:05:00.000Z","target":[{"selector":[{"type":"TextQuoteSelector","exact":"A conjugate prior"}]}]}\n'
    '>```\n'
    '>%%\n'
    '>*%%PREFIX%%family.%%HIGHLIGHT%% ==A conjugate prior gives a posterior in the same family as the prior== %%POSTFIX%%, which makes*\n'
    '>%%LINK%%[[#^m8q2w7xyz|show annotation]]\n'
    '>%%COMMENT%%\n'
    '>Conjugacy is what makes the Beta-Binomial update a matter of adding counts.\n'
    '>%%TAGS%%\n'
    '>\n'
    '^m8q2w7xyz\n')
NOTES["References/Murphy - Probabilistic ML.md"] = MURPHY


def test_an_annotator_highlight_is_read_as_its_comment(cards):
    """The Annotator plugin's record of a PDF highlight: the words around the selection and the highlight as the
    PDF's text gave it are a bookmark; the reader's comment is what they took from it (before, the back held
    "*%%PREFIX%%family.%%HIGHLIGHT%% ==A conjugate prior …== %%POSTFIX%%, which makes*")."""
    made = _text(_made(cards, "References/Murphy - Probabilistic ML.md"))
    assert "%%" not in made and "conjugate prior gives" not in made and "bias-variance" not in made, made
    assert "Conjugacy is what makes the Beta-Binomial update a matter of adding counts." in made


TESTS_IN_PYTHON = (
    '# Variance Tests in Python\n'
    '\n'
    '## Equal Variance Tests\n'
    '\n'
    '### Levene Test\n'
    '\n'
    'Tests whether several samples come from populations with equal variances.\n'
    '\n'
    'Assumptions\n'
    '\n'
    '- Observations in each sample are independent of one another.\n'
    '- The samples are drawn from continuous distributions.\n'
    '\n'
    'Interpretation\n'
    '\n'
    '- H0: all the populations have the same variance.\n'
    '- H1: at least two of the populations differ in variance.\n'
    '\n'
    '```python\n'
    '# Example of the Levene Test\n'
    'from scipy.stats import levene\n'
    'data1 = [0.873, 2.817, 0.121, -0.945, -0.055, -1.436, 0.360, -1.478, -1.637, -1.869]\n'
    'data2 = [1.142, -0.432, -0.938, -0.729, -0.846, -0.157, 0.500, 1.183, -1.075, -0.169]\n'
    'stat, p = levene(data1, data2)\n'
    "print('stat=%.3f, p=%.3f' % (stat, p))\n"
    '```\n')
NOTES["Variance Tests in Python.md"] = TESTS_IN_PYTHON


def test_an_example_run_is_off_a_tests_description(cards):
    """"# Example of the Levene Test" and its made-up data, after what the test tests: a demo, not the fact, though
    the note's title names Python (before, the whole snippet was on the back)."""
    made = _made(cards, "Variance Tests in Python.md")
    assert made["Variance Tests in Python › Equal Variance Tests › Levene Test"] == \
        "Tests whether several samples come from populations with equal variances."


HINGE = (
    '# Hinge Loss\n'
    '\n'
    '## Margin violations\n'
    '\n'
    'The soft-margin objective adds a penalty for every point on the wrong side of its margin:\n'
    '- Sum the slack of all training points $$\\sum_{i=1}^n \\xi_i$$\n'
    '\t- Slack values\n'
    '\t\t- if $\\xi_i = 0$, the point lies on or outside its margin\n'
    '\t\t- if $0 < \\xi_i < 1$, the point lies inside the margin but is still classified correctly\n'
    '\t\t- if $\\xi_i \\geq 1$, the point is misclassified\n')
NOTES["Hinge Loss.md"] = HINGE


def test_a_case_in_math_is_asked_like_its_siblings(cards):
    """"if $0 < \\xi_i < 1$, …" among the cases of a slack variable: its math counts as one word of the cue, so it
    is asked "If $0 < \\xi_i < 1$" as the other cases are (before, "… › Slack values › What it says")."""
    made = _made(cards, "Hinge Loss.md")
    asked = [front for front in made if front.startswith("Hinge Loss › Margin violations › Slack values › ")]
    assert any("› If $0 < \\xi_i < 1$\n\n" in front for front in asked), asked
    assert not any("What it says" in front for front in asked), asked


FRAUD = (
    '## Model development\n'
    '- Model\n'
    '\t- How to handle rare positives: we reweight the loss so that each fraud case counts as much as fifty normal ones, and we check calibration afterwards.\n'
    '\t- How to handle the mix of inputs: we embed the merchant and device identifiers, scale the amounts, and concatenate everything into one vector per transaction.\n'
    '\t- How to handle the different fraud types\n'
    '\t\t- Option 0: One classifier for all fraud types\n'
    '\t\t\t- Cons:\n'
    '\t\t\t\t- Cannot tell the analyst which kind of fraud was flagged\n'
    '\t\t\t\t- Hard to see which fraud type the model misses\n'
    '\t\t- Option 1: One classifier per fraud type\n'
    '\t\t\t- Pros\n'
    '\t\t\t\t- Each classifier can be retrained on its own schedule\n'
    '\t\t\t\t- An analyst sees which kind of fraud was flagged\n'
    '\t\t\t- Cons\n'
    '\t\t\t\t- Training and serving many models is expensive\n'
    '\t\t- Option 2: Multi-task network. A shared trunk learns features from all transactions, and a small head per fraud type makes the final call for its type.\n'
    '\t\t\t- Pros\n'
    '\t\t\t\t- Cheaper to train than one model per type\n'
    '\t\t\t\t- Shared layers help every head\n'
    '\t\t\t\t- Rare fraud types borrow strength from the common ones, which matters when a type has only a few hundred labelled cases\n'
    '![[multi task network.png]]\n'
    '- Training\n'
    '\t- Time-based split: train on the first eleven months, validate on the twelfth, so that no future transaction leaks into training.\n'
    '\t- Loss: weighted binary cross-entropy per head, summed over the heads.\n')
NOTES["Fraud Detection.md"] = FRAUD


def test_a_branch_keeps_its_list_before_a_picture_line(cards):
    """"- Option 2: Multi-task network. …" over "- Pros" and its items, then "![[…png]]" at the margin: the Pros
    stay a list under the text (before, they kept the outline's deep indent and showed as dashes in a paragraph)."""
    made = _made(cards, "Fraud Detection.md")
    back = made["Fraud Detection › Model development › Model › How to handle the different fraud types › "
                "Option 2: Multi-task network"]
    assert "\n- Pros\n    - Cheaper to train than one model per type" in back, back


SEARCH = (
    '## Evaluation\n'
    'We log every query with the results shown and what the user did next.\n'
    '### Online metrics\n'
    '- CTR: share of result pages with a click\n'
    '\t- Pros: easy to log and to explain\n'
    '\t- Cons: users click on results that turn out to be irrelevant\n'
    '- Dwell time\n'
    '\t- Cons: a long visit may mean the user was lost rather than satisfied with the answer\n'
    '- Reformulation rate of the searches, or things like a reworded query within one minute\n')
NOTES["Search Metrics.md"] = SEARCH


def test_a_cloze_over_a_nested_item_keeps_its_label(cards):
    """"- Dwell time" over "- Cons: …": the blank keeps "Cons:", which says what is asked of dwell time (before,
    a bare "  - [...]")."""
    made = _made(cards, "Search Metrics.md")
    assert any("- Dwell time\n  - Cons: [...]" in front for front in made), made
