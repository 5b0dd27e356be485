"""Pages of more tools read as those tools show them (issue 23, session 57): the hugo-book theme's shortcodes, Org
notes exported by ox-hugo, a Notion page brought into Obsidian by its importer. Every note is written to one wiki in
tmp_path, scanned once through the CLI (`cards --json`); each test reads the cards of its own note."""

from __future__ import annotations

import json

import pytest

from conftest import new_wiki, run

CONFIG = 'name = "T"\nformulas = "display"\ndefinitions = true\nsections = true\n[review]\ntimezone = "UTC"\n'
NOTES: dict[str, str] = {}  # (path below notes/ → text: each test's note, filled in below)


@pytest.fixture(scope="module")
def cards(tmp_path_factory) -> list[dict]:
    """`mlwiki cards --json` of a wiki holding every note of this module."""
    root = new_wiki(tmp_path_factory.mktemp("tools57"), NOTES, CONFIG)
    return json.loads(run(root, "cards", "--json", ok=True).output)


def _made(cards: list[dict], rel: str) -> dict[str, str]:
    """{front: back} of the cards of the note `rel`."""
    return {c["front"]: c["back"] for c in cards if c["source"]["path"] == f"notes/{rel}"}


def _text(made: dict[str, str]) -> str:
    return "\n".join(made) + "\n" + "\n".join(made.values())


HUGO_BOOK = (
    '---\ntitle: "Boosting"\nweight: 20\nbookToc: false\n---\n\n# Boosting\n\n'
    "## Shrinkage\n\n"
    '{{< tabs "libs" >}}\n{{< tab "LightGBM" >}}\nIn LightGBM the learning_rate argument scales each new tree.\n'
    '{{< /tab >}}\n{{< tab "CatBoost" >}}\nCatBoost picks its learning rate from the data size when none is given.\n'
    "{{< /tab >}}\n{{< /tabs >}}\n\n"
    "## Trade-offs\n\n"
    "{{< columns >}}\n**Strengths**: strong on tabular data with little tuning.\n<--->\n"
    "**Weaknesses**: sequential training that is hard to parallelise.\n{{< /columns >}}\n\n"
    '{{< button relref="/docs/stacking" >}}Next chapter: stacking{{< /button >}}\n\n'
    "## Pipeline\n\n{{< mermaid >}}\ngraph LR\n  A[Residuals] --> B[Next tree]\n{{< /mermaid >}}\n\n"
    "Each new tree is fitted to the negative gradient of the loss at the current predictions.\n")
NOTES["content/docs/boosting.md"] = HUGO_BOOK


def test_hugo_book_tabs_are_sections_of_their_names(cards):
    """hugo-book's `{{< tabs >}}` of `{{< tab "LightGBM" >}}`: each tab's text is a card under the tab's name, as a
    MyST tab set's (before, the tabs' names were lost and one tab's text was asked as another's)."""
    made = _made(cards, "content/docs/boosting.md")
    assert made["Boosting › Shrinkage › LightGBM"] == "In LightGBM the learning_rate argument scales each new tree."
    assert made["Boosting › Shrinkage › CatBoost"].startswith("CatBoost picks its learning rate")


def test_hugo_book_column_breaks_and_buttons_never_show(cards):
    """`<--->` only breaks `{{< columns >}}`; a `{{< button >}}` is the site's navigation."""
    made = _text(_made(cards, "content/docs/boosting.md"))
    assert "<--->" not in made and "Next chapter" not in made
    assert "strong on tabular data with little tuning." in made
    assert "sequential training that is hard to parallelise." in made


def test_a_hugo_mermaid_diagram_is_no_text(cards):
    """`{{< mermaid >}}` holds a diagram's source: no card shows it (before, it led the section's card)."""
    made = _made(cards, "content/docs/boosting.md")
    assert made["Boosting › Pipeline"] == \
        "Each new tree is fitted to the negative gradient of the loss at the current predictions."


HUGO_HINT = (
    '---\ntitle: "Splits"\n---\n\n# Splits\n\n'
    "{{< hint info >}}\n**Purity.** A split is chosen so that the two children are as pure as possible.\n"
    "{{< /hint >}}\n\n"
    "Misclassification error is a poor split criterion because it is not differentiable enough to rank splits.\n")
NOTES["content/docs/splits.md"] = HUGO_HINT


def test_a_bold_label_in_a_box_titles_only_the_box(cards):
    """A hint that opens on "**Purity.** …" is a part titled "Purity"; the paragraph after the hint is the
    section's own, not under "Purity" (before: "Splits › Purity › Misclassification error")."""
    made = _made(cards, "content/docs/splits.md")
    assert made["Splits › Purity"].startswith("A split is chosen so that the two children")
    assert not any("Purity ›" in front for front in made)
    assert any("Misclassification error is a poor split criterion" in back for back in made.values())


OX_HUGO = (
    '+++\ntitle = "Instrumental variables"\nauthor = ["Me"]\ndate = 2026-11-04\ntags = ["causal"]\ndraft = false\n'
    "+++\n\n"
    '<div class="ox-hugo-toc toc">\n\n<div class="heading">Table of Contents</div>\n\n'
    "- [Relevance](#relevance)\n\n</div>\n<!--endtoc-->\n\n"
    '## <span class="org-todo todo TODO">TODO</span> Relevance <code>[1/3]</code> {#relevance}\n\n'
    "An instrument must move the treatment: its first-stage effect on the treatment is not zero.\n\n"
    "A binary instrument takes values \\\\(Z \\in \\\\{0,1\\\\}\\\\) and shifts the treatment's probability.\n\n"
    "The Wald estimator divides two reduced-form effects:\n\n"
    "\\\\[\n\\beta\\_{IV} = \\frac{\\operatorname{Cov}(Y, Z)}{\\operatorname{Cov}(X, Z)}\n\\\\]\n\n"
    '<div class="warning">\n\n'
    "A weak instrument biases two-stage least squares towards ordinary least squares.\n\n</div>\n\n"
    "## DONE Exclusion {#exclusion}\n\n"
    'Checked <span class="timestamp-wrapper"><span class="timestamp">[2026-11-05 Thu 21:14]</span></span>.\n\n'
    "The exclusion restriction says the instrument affects the outcome only through the treatment.\n")
NOTES["content/posts/iv.md"] = OX_HUGO


def test_ox_hugo_headings_show_their_words_only(cards):
    """An Org heading's to-do state (`<span class="org-todo …">TODO</span>` or the bare keyword) and its progress
    cookie (`<code>[1/3]</code>`) are not its words; nor is the table of contents a card."""
    made = _made(cards, "content/posts/iv.md")
    text = _text(made)
    for raw in ("TODO", "DONE", "[1/3]", "org-todo", "Table of Contents", "timestamp", "2026-11-05", "<div"):
        assert raw not in text, raw
    assert any(front.startswith("Instrumental variables › Relevance") for front in made)
    assert any(front.startswith("Instrumental variables › Exclusion") for front in made)


def test_ox_hugo_math_reads_as_written_and_org_blocks_are_boxes(cards):
    """ox-hugo escapes underscores in math (`\\beta\\_{IV}`): the card's formula has the subscript as written in
    Org; Org's `#+begin_warning` block (`<div class="warning">`) is a warning box."""
    made = _made(cards, "content/posts/iv.md")
    text = _text(made)
    assert "\\beta_{IV}" in text and "\\_" not in text
    assert "$Z \\in \\{0,1\\}$" in text  # (ox-hugo's `\\\\{`: the set braces, as written in Org)
    warning = [front for front in made if "Warning" in front]
    assert warning and made[warning[0]] == \
        "A weak instrument biases two-stage least squares towards ordinary least squares."


NOTION_CALLOUT = (
    "---\ntags:\n  - gnn\nstatus: Done\n---\n\n# Readout\n\n"
    "## Pooling\n\n"
    "> [!note] 💡\n> Sum pooling can count neighbours, which mean pooling and max pooling cannot do.\n")
NOTES["Readout.md"] = NOTION_CALLOUT


def test_an_icon_alone_is_no_callout_title(cards):
    """Obsidian's importer writes a Notion callout's emoji as the callout's title (`> [!note] 💡`): an icon is no
    title, so the callout's text is carded under its section, and no card shows the icon in bold."""
    made = _made(cards, "Readout.md")
    text = _text(made)
    assert "💡" not in text
    assert any(back.startswith("Sum pooling can count neighbours") for back in made.values())


NOTES["202611051432 Whitening.md"] = (
    "# Whitening\n\nWhitening rescales the principal components so that every direction has unit variance.\n\n"
    "#pca\n")
NOTES["202611051510 PCA by SVD.md"] = (
    "# PCA by SVD\n\nThe principal directions of centred data are the right singular vectors of the data matrix.\n\n"
    "Related: [[202611051432]] Whitening\n")


def test_a_zettel_link_before_its_written_title_shows_the_title_once(cards):
    """The Archive's "Related: [[id]] Whitening": the link is a reference to the title written after it, so the
    card shows "Whitening" once (before: the link's title, then the written one)."""
    text = _text(_made(cards, "202611051510 PCA by SVD.md"))
    assert "Related: Whitening" in text and "Whitening Whitening" not in text
