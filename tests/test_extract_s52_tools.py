"""Pages of four more tools read as those tools show them (issue 23, session 52): a course repository on GitHub, a
Hexo blog, and an Obsidian vault of literature notes imported from Zotero. Notes written to tmp_path, read back
through the CLI."""

from __future__ import annotations

import pytest

import json

from conftest import backs_by_front, new_wiki
from shared_notes import Scanned, SharedNotes

CONFIG = 'name = "T"\nformulas = "display"\ndefinitions = true\nsections = true\n[review]\ntimezone = "UTC"\n'

LECTURE = (
    "# Lecture 3: Gaussian processes\n\n"
    "A Gaussian process is a distribution over functions in which any finite set of function values "
    "$`f(x_1), \\dots, f(x_n)`$ is jointly Gaussian.\n\n"
    "## The kernel\n\n"
    "The kernel $`k(x, x')`$ sets how strongly two function values covary, so it encodes smoothness.\n")


def _made(tmp_path, notes: dict[str, str]) -> dict[str, str]:
    return backs_by_front(new_wiki(tmp_path, notes, CONFIG))


def _text(made: dict[str, str]) -> str:
    return "\n".join(made) + "\n" + "\n".join(made.values())


NOTES = SharedNotes(CONFIG)  # every test's notes, in wikis scanned once for the module


@pytest.fixture(scope="module")
def shared(tmp_path_factory) -> Scanned:
    return NOTES.scan(tmp_path_factory)


README = NOTES.add({
    "README.md": "# Course notes\n\n- [Lecture 3](lec3/)\n",
    "lec3/README.md": LECTURE
}, alone=True)


def test_a_lecture_folders_readme_linked_from_the_index_is_a_note(shared):
    """GitHub shows `lec3/README.md` as the folder's page; the repository's index links it: its text makes cards."""
    made = _text(shared.backs_by_front(README))
    assert "encodes smoothness" in made


README_2 = NOTES.add({
    "README.md": "# Course notes\n\n- [Lecture 3](lec3/)\n- [code](./tools/README.md)\n",
    "tools/pyproject.toml": "[project]\nname = 'x'\n",
    "tools/README.md": LECTURE.replace("smoothness", "roughness"),
    "lec3/README.md": LECTURE
}, alone=True)


def test_a_linked_folder_that_is_a_package_keeps_its_readme_about_itself(shared):
    """A linked folder with a `pyproject.toml` is software: its README stays the package's (no card)."""
    made = _text(shared.backs_by_front(README_2))
    assert "encodes smoothness" in made
    assert "roughness" not in made


README_3 = NOTES.add({
    "README.md": "# Course notes\n\nSee the folders.\n",
    "lec3/README.md": LECTURE,
    "other.md": "# Other\n\nBagging averages models fit on bootstrap samples.\n"
}, alone=True)


def test_an_unlinked_folders_readme_makes_no_card(shared):
    made = _text(shared.backs_by_front(README_3))
    assert "encodes smoothness" not in made


GP = NOTES.add({"gp.md": LECTURE})


def test_githubs_dollar_code_math_is_inline_math(shared):
    """`` $`k(x, x')`$ `` is GitHub's inline math: the card shows `$k(x, x')$`, never the backticks."""
    made = _text(shared.backs_by_front(GP))
    assert "$k(x, x')$" in made
    assert "$`" not in made


PRIORS = NOTES.add({"priors.md": "# Priors\n\n## Flat priors\n\n:warning: A flat prior is not invariant under reparameterisation.\n"})


def test_emoji_shortcodes_show_as_github_shows_them(shared):
    made = _text(shared.backs_by_front(PRIORS))
    assert "⚠️ A flat prior" in made
    assert ":warning:" not in made


HEXO_POST = (
    "---\ntitle: Boosting\ndate: 2024-03-02 10:14:00\ntags: [trees]\nmathjax: true\n---\n\n"
    "Boosting fits weak learners one after another, each to the mistakes of the ensemble so far.\n\n"
    "<!-- more -->\n\n"
    "## Shrinkage\n\n"
    "Each tree's contribution is scaled by a learning rate $\\eta$ with $0 < \\eta \\le 1$ before it is added.\n\n"
    "The update for round $m$ is\n\n"
    "$$F\\_m(x) = F\\_{m-1}(x) + \\eta h\\_m(x)$$\n\n"
    "{% note warning %}\n"
    "A smaller learning rate needs more rounds, so tune the two together with early stopping.\n"
    "{% endnote %}\n\n"
    "{% codeblock fit.py lang:python %}\n"
    "model = GradientBoostingRegressor(learning_rate=0.1, n_estimators=500)\n"
    "{% endcodeblock %}\n\n"
    "See {% post_link random-forests %} for the bagging side.\n\n"
    "{% tabs loss %}\n<!-- tab Squared loss -->\nThe negative gradient is the residual.\n<!-- endtab -->\n"
    "<!-- tab Absolute loss -->\nThe negative gradient is the sign of the residual.\n<!-- endtab -->\n{% endtabs %}\n")


def _hexo(tmp_path) -> dict[str, str]:
    return _made(tmp_path, {"_config.yml": "title: Notes\ntheme: next\npermalink: :year/:title/\n"
                                           "new_post_name: :title.md\n",
                            "source/_posts/boosting.md": HEXO_POST})


def test_a_hexo_note_is_a_callout_of_its_kind_and_no_tag_shows(tmp_path):
    made = _hexo(tmp_path)
    warned = [front for front, back in made.items() if "more rounds" in back]
    assert warned and all("Warning" in front for front in warned)
    assert "{%" not in _text(made)


def test_a_hexo_code_block_is_code_not_a_cards_words(tmp_path):
    assert "GradientBoostingRegressor" not in _text(_hexo(tmp_path))


def test_a_hexo_post_link_shows_the_posts_name_and_tabs_are_titled(tmp_path):
    """(A "See … for …" line is navigation, on no card: the link is read where the text is shown.)"""
    from mlwiki.extract.hexo import as_hexo_shows

    assert as_hexo_shows("Bagging is {% post_link random-forests %}'s core.") == "Bagging is random forests's core."
    assert as_hexo_shows("{% post_link rf-post Random forests %} average trees.") == "Random forests average trees."
    made = _hexo(tmp_path)
    assert any("Absolute loss" in front and "sign of the residual" in back for front, back in made.items())


def test_escaped_underscores_in_a_hexo_posts_math_are_subscripts(tmp_path):
    text = _text(_hexo(tmp_path))
    assert "F_m(x) = F_{m-1}(x) + \\eta h_m(x)" in text
    assert "\\_" not in text


ZOTERO_NOTE = (
    "---\ncitekey: he2020moco\n---\n\n"
    "# Momentum Contrast for Unsupervised Visual Representation Learning\n\n"
    "> [!info]\n> - **Item type**: Conference paper\n> - **Year**: 2020\n"
    "> - [Zotero](zotero://select/items/@he2020moco) | [PDF](zotero://open-pdf/library/items/QW12ER34)\n\n"
    "## Annotations\n\n%% begin annotations %%\n\n### Imported: 2024-05-01 9:30 am\n\n"
    "> [!quote] Highlight\n"
    "> a queue of encoded keys decouples the dictionary size from the mini-batch size\n"
    "> [(p. 3)](zotero://open-pdf/library/items/QW12ER34?page=3&annotation=AS56DF78)\n\n"
    "> [!important] Highlight\n"
    "> the key encoder is a momentum-based moving average of the query encoder\n"
    "> [(p. 4)](zotero://open-pdf/library/items/QW12ER34?page=4&annotation=GH90JK12)\n>\n"
    "> **Comment**: a fast-changing key encoder makes the queued keys inconsistent.\n\n"
    "%% end annotations %%\n")


HE2020MOCO = NOTES.add({"literature/@he2020moco.md": ZOTERO_NOTE})


def test_a_zotero_literature_note_keeps_each_highlight_and_shows_no_zotero_furniture(shared):
    """Two highlights of one paper are two cards, told apart by their page; the record callout, the PDF links, the
    import stamp and the comment's label show on no card."""
    made = shared.backs_by_front(HE2020MOCO)
    text = _text(made)
    assert "decouples the dictionary size" in text
    momentum = [front for front, back in made.items() if "momentum-based moving average" in back]
    assert momentum and "Highlight (p. 4)" in momentum[0]
    assert "inconsistent" in made[momentum[0]]
    for furniture in ("zotero://", "Item type", "Imported", "Comment", "(p. 3)]"):
        assert furniture not in text


BOOSTING = NOTES.add({"source/_posts/boosting.md": HEXO_POST})


def test_cards_json_of_a_hexo_post_is_clean(shared):
    cards = shared.cards(BOOSTING)
    assert cards and not [c for c in cards if "{%" in c["front"] + c["back"]]


def test_a_notebooks_open_in_colab_badge_is_no_card(tmp_path):
    """A Colab notebook's first cell is its badge: a button, on no card; the notebook's text still is."""
    cells = [{"cell_type": "markdown", "metadata": {}, "source": [
                 '<a href="https://colab.research.google.com/github/u/r/blob/main/nb.ipynb" target="_parent">'
                 '<img src="https://colab.research.google.com/assets/colab-badge.svg" alt="Open In Colab"/></a>']},
             {"cell_type": "markdown", "metadata": {}, "source": [
                 "# Normalisation\n\n## Layer norm\n\nLayer norm normalises over the features of one example, so it "
                 "does not depend on the batch size."]}]
    notebook = json.dumps({"nbformat": 4, "nbformat_minor": 0, "metadata": {}, "cells": cells})
    text = _text(_made(tmp_path, {"norm.ipynb": notebook,
                                  "README.md": "[![Binder](https://mybinder.org/badge_logo.svg)](https://mybinder.org)\n"}))
    assert "batch size" in text
    assert "colab" not in text.lower() and "<a" not in text


GRILL2020BYOL = NOTES.add({
    "@grill2020byol.md": (
        "# Bootstrap your own latent\n\n## Annotations\n\n"
        "> [!quote|#5fb236] Highlight\n> the target network is a slow moving average of the online network\n"
        "> [(p. 3)](zotero://open-pdf/library/items/A1?page=3&annotation=C3)\n\n"
        "## Key ideas\n\n"
        '- <mark class="hltr-yellow">the predictor is essential</mark> (Grill et al., 2020, p. 6) '
        "([pdf](zotero://open-pdf/library/items/A1?page=6))\n")
})


def test_a_callout_with_metadata_after_its_kind_is_a_callout(shared):
    """`> [!quote|#5fb236] Highlight` (a template's colour, a theme's layout after `|`) is a callout of its kind: its
    line never shows, and a Zotero highlight's colour tags, `<mark …>`, and empty PDF links show nothing."""
    text = _text(shared.backs_by_front(GRILL2020BYOL))
    assert "slow moving average" in text and "predictor is essential" in text
    for leak in ("[!quote", "#5fb236", "<mark", "()", "zotero"):
        assert leak not in text


SLIDEV_DECK = (
    "---\ntheme: seriph\ntitle: Attention\ntransition: slide-left\n---\n\n"
    "# Attention\n\nReading group, week 4\n\n"
    "---\nlayout: two-cols\nclass: text-sm\n---\n\n"
    "# Scaled dot-product attention\n\n<v-clicks>\n\n"
    "- Scores are dot products of queries with keys\n- A softmax turns the scores into weights\n\n</v-clicks>\n\n"
    "::right::\n\n<Arrow x1=\"10\" y1=\"20\" x2=\"30\" y2=\"40\" />\n\n"
    "<!--\nThe scores are divided by the square root of the key dimension so that the softmax does not saturate.\n-->\n\n"
    "---\n\n# Softmax\n\n$$ {1|2|all}\n\\mathrm{softmax}(z)_i = \\frac{e^{z_i}}{\\sum_j e^{z_j}}\n$$\n\n"
    "$${1|all} \\log \\mathrm{softmax}(z)_i = z_i - \\log \\sum_j e^{z_j}$$\n\n"
    '<div v-click class="mt-4 text-sm">Subtracting the max logit first keeps the exponentials from overflowing.</div>\n\n'
    "---\n\n# Multi-head attention\n\nSeveral heads attend to different subspaces of the same sequence in parallel.\n")


SLIDES = NOTES.add({"week4/slides.md": SLIDEV_DECK})


def test_a_slidev_deck_shows_its_slides_words_and_presenter_notes_only(shared):
    """A slide's own settings (`layout: two-cols`), click steps, slots and components show nothing; the presenter's
    note at a slide's end is its explanation, on the slide's card."""
    made = shared.backs_by_front(SLIDES)
    text = _text(made)
    for leak in ("layout:", "text-sm", "v-click", "::right::", "<Arrow", "{1|2|all}", "{1|all}", "<div"):
        assert leak not in text
    attention = [back for front, back in made.items() if "Scaled dot-product attention" in front]
    assert any("does not saturate" in back for back in attention)
    assert any("softmax turns" in back for back in attention)


NEXTRA_PAGE = (
    "import { Callout, Tabs } from 'nextra/components'\n\n# Vision transformers\n\n"
    "A ViT cuts the image into patches and embeds each patch as a token.\n\n"
    '<Callout type="warning">\n  Without large-scale pre-training a ViT underfits compared with a CNN of its size.\n'
    "</Callout>\n\n## Positional information [#positions]\n\n<Tabs items={['Learned', 'Sinusoidal']}>\n  <Tabs.Tab>\n"
    "    A learned table of position embeddings is added to the patch tokens.\n  </Tabs.Tab>\n  <Tabs.Tab>\n"
    "    Fixed sines and cosines of several frequencies encode each position.\n  </Tabs.Tab>\n</Tabs>\n\n"
    "<Tip>Interpolate learned position embeddings when fine-tuning at a higher resolution.</Tip>\n")


VIT = NOTES.add({"pages/vit.mdx": NEXTRA_PAGE})


def test_nextra_callouts_and_tabs_and_mintlify_boxes_read_as_their_site_shows_them(shared):
    """`<Callout type="warning">` is a warning callout, Mintlify's `<Tip>` a tip, and `<Tabs items={[…]}>` a tab
    set whose `<Tabs.Tab>`s are titled by the items in order."""
    made = shared.backs_by_front(VIT)
    warned = [front for front, back in made.items() if "underfits" in back]
    assert warned and all("Warning" in front for front in warned)
    assert any("Sinusoidal" in front and "sines and cosines" in back for front, back in made.items())
    assert any("Learned" in front and "learned table" in back for front, back in made.items())
    tipped = [front for front, back in made.items() if "Interpolate learned" in back]
    assert tipped and all("Tip" in front for front in tipped)
    assert "<" not in _text(made) and "[#positions]" not in _text(made)


GD2MD_PAGE = (
    "<!-----\n\nConversion time: 0.9 seconds.\n\n* Docs to Markdown version 1.0β35\n----->\n\n\n"
    '<p style="color: red; font-weight: bold">>>>>>  gd2md-html alert:  ERRORs: 0; WARNINGs: 0; ALERTS: 1.</p>\n'
    '<ul style="color: red; font-weight: bold"><li>See top comment block for details.</li></ul>\n\n'
    '<p style="color: red; font-weight: bold">Links to alert messages:</p><a href="#gdcalert1">alert1</a>\n\n'
    "# Naive Bayes\n\n## The assumption\n\n"
    "Naive Bayes assumes the features are conditionally independent given the class, so the likelihood factorises "
    "over features.\n\n"
    '<p id="gdcalert1" ><span style="color: red; font-weight: bold">>>>>>  gd2md-html alert: inline image link here '
    '(to images/image1.png).</span><br>(<a href="#">Back to top</a>)</p>\n\n'
    '![alt_text](images/image1.png "image_tooltip")\n')

DOWNLOADED_PAGE = (
    "# Ridge regression\n\n## Shrinkage\n\n"
    "Ridge adds a penalty on the squared norm of the weights\\. A larger penalty shrinks the weights more "
    "\\(never exactly to zero\\)\\.\n\n## Scaling\n\n"
    "Standardise the features first \\- otherwise the penalty hits features with small ranges hardest\\.\n")


NAIVE_BAYES = NOTES.add({"naive-bayes.md": GD2MD_PAGE})


def test_a_docs_to_markdown_export_shows_none_of_the_converters_alerts(shared):
    made = shared.backs_by_front(NAIVE_BAYES)
    text = _text(made)
    assert "conditionally independent" in text
    for leak in ("gd2md", "gdcalert", "color: red", "alt_text", "image_tooltip", "Back to top"):
        assert leak not in text


RIDGE = NOTES.add({"ridge.md": DOWNLOADED_PAGE})


def test_a_google_docs_markdown_download_reads_its_escapes(shared):
    """`\\(never exactly to zero\\)` in a Google Docs download is parentheses, not math; `\\.` is a full stop."""
    text = _text(shared.backs_by_front(RIDGE))
    assert "(never exactly to zero)." in text
    assert "\\" not in text


REMNOTE_DOC = (
    "- Regularisation\n"
    "    - Weight decay :: shrinking every weight by a fixed fraction at each step\n"
    "    - Why does L1 give sparse weights? >> Its penalty has a corner at zero, where the optimum often lands\n"
    "    - Elastic net <> a mix of the L1 and L2 penalties\n"
    "    - the ridge solution << What does L2 regularisation give in closed form?\n"
    "    - Dropout at test time >>>\n"
    "        - no units are dropped\n"
    "        - activations are scaled by the keep probability\n"
    "    - Early stopping acts like an {{L2 penalty}} on the weights ##exam\n"
    "- Notes to self\n"
    "    - ask about data augmentation\n")


REGULARISATION = NOTES.add({"Regularisation.md": REMNOTE_DOC})


def test_a_remnote_outline_makes_the_cards_its_author_wrote(shared):
    """RemNote's `::`, `>>`, `<<`, `<>`, `>>>` and `{{cloze}}` rems are cards as RemNote makes them; `##tags` show
    nothing."""
    made = shared.backs_by_front(REGULARISATION)
    assert made["Weight decay"].startswith("shrinking every weight")
    assert made["Why does L1 give sparse weights?"].startswith("Its penalty has a corner")
    assert made["Elastic net"] == "a mix of the L1 and L2 penalties"
    assert made["a mix of the L1 and L2 penalties"] == "Elastic net"
    assert made["What does L2 regularisation give in closed form?"] == "the ridge solution"
    assert "no units are dropped" in made["Dropout at test time"]
    assert "scaled by the keep probability" in made["Dropout at test time"]
    assert made["Early stopping acts like an [...] on the weights"] == "L2 penalty"
    text = _text(made)
    for leak in (">>", "<<", "<>", "##exam", "{{"):
        assert leak not in text


CONTRASTIVE = NOTES.add({
    "synthesis/contrastive.md": (
        "# Contrastive methods\n\n## Where the loss comes from\n\n"
        "The InfoNCE loss reappears in [[@chen2020simclr]] with a temperature, and in [[@he2020moco|MoCo]] with "
        "a queue of negatives.\n\n## Negatives\n\n| Method | Negatives |\n|---|---|\n"
        "| [[@he2020moco]] | a queue of past keys |\n| [[@chen2020simclr]] | the other images of the batch |\n")
})


def test_a_link_to_a_papers_note_named_by_its_citekey_is_a_link_not_a_citation(shared):
    """`[[@chen2020simclr]]` links to the note the Zotero plugin named after the paper: it shows that name (it was read
    as a Pandoc citation `[@…]`, leaving "[]" on the card)."""
    text = _text(shared.backs_by_front(CONTRASTIVE))
    assert "[[@chen2020simclr]] with a temperature" in text
    assert "[]" not in text


NORMS = NOTES.add({
    "norms.md": (
        "# LayerNorm, RMSNorm *(draft)*\n\n## LayerNorm\n\nLayerNorm normalises each "
        "example over its features, so it does not depend on the batch.\n")
})


def test_a_titles_aside_in_emphasis_leaves_no_markers_behind(shared):
    """"# LayerNorm, RMSNorm *(draft)*": the aside goes from the path, and so do the `*` around it."""
    made = shared.backs_by_front(NORMS)
    assert made and all("*" not in front for front in made)


OBSIDIAN_TO_ANKI = (
    "TARGET DECK\nML::Deep learning\n\n# Residual networks\n\n"
    "A residual block adds its input to its output, so the identity is easy to learn.\n\n"
    "START\nBasic\nWhat does a residual block learn?\nBack: The difference from the identity mapping.\n"
    "Tags: resnet\n<!--ID: 1712345678901-->\nEND\n\n"
    "START\nBasic (and reversed card)\nSkip connection\nBack: A path that adds a block's input to its output\nEND\n\n"
    "START\nCloze\nIn a pre-activation block the {{c1::batch norm and ReLU}} come before the convolution.\nEND\n\n"
    "STARTI [Basic] Who introduced ResNets? Back: He et al., 2015 ENDI\n")


RESIDUAL_NETWORKS = NOTES.add({"Residual networks.md": OBSIDIAN_TO_ANKI})


def test_obsidian_to_anki_note_blocks_are_the_cards_they_write(shared):
    """The plugin's START … END notes are its cards (Basic, reversed, Cloze, inline); none of its lines shows."""
    made = shared.backs_by_front(RESIDUAL_NETWORKS)
    assert made["What does a residual block learn?"] == "The difference from the identity mapping."
    assert made["Skip connection"] == "A path that adds a block's input to its output"
    assert made["A path that adds a block's input to its output"] == "Skip connection"
    assert made["Who introduced ResNets?"] == "He et al., 2015"
    assert any("[...] come before the convolution" in front for front in made)
    text = _text(made)
    for leak in ("START", "END", "Tags:", "ID:", "TARGET DECK", "ML::Deep", "Back:"):
        assert leak not in text


ZOLA_POST = (
    "+++\ntitle = \"Propensity scores\"\ndate = 2024-03-01\n[extra]\nmath = true\n+++\n\n"
    "## Overlap\n\n"
    "Positivity needs {{ katex(body=\"0 < e(x) < 1\") }} for every covariate value, or some units have no "
    "comparable counterpart.\n\n"
    "{% katex(block=true) %}\ne(x) = P(T = 1 \\mid X = x)\n{% end %}\n\n"
    "{% note(kind=\"warning\") %}\nPropensities near 0 or 1 make inverse weights explode, so clip or trim them.\n"
    "{% end %}\n\n"
    "{% admonition(type=\"tip\", title=\"Stabilised weights\") %}\nMultiply by the marginal treatment rate to "
    "shrink the variance of the weights.\n{% end %}\n\n"
    "{{ youtube(id=\"abc123\") }}\n")


PROPENSITY = NOTES.add({"content/posts/propensity.md": ZOLA_POST})


def test_zola_shortcodes_show_what_the_site_shows(shared):
    """Zola's katex shortcodes are math, its note and admonition boxes callouts of their kind; a player shows
    nothing, and no shortcode's braces reach a card."""
    made = shared.backs_by_front(PROPENSITY)
    text = _text(made)
    assert "$0 < e(x) < 1$" in text and "$$e(x) = P(T = 1 \\mid X = x)$$" in text
    assert any("Warning" in front and "clip or trim" in back for front, back in made.items())
    assert any("Stabilised weights" in front and "marginal treatment rate" in back for front, back in made.items())
    for leak in ("{{", "{%", "youtube", "katex"):
        assert leak not in text


EMBEDDINGS = NOTES.add({
    "embeddings.md": (
        "# Embeddings\n\n[TOC]\n\n@import \"intro.md\"\n\n## Norms\n\n"
        "The squared norm x^2^ of an embedding grows with item popularity, while $x^2$ in math is untouched; "
        "like H~2~O, the name is only a mnemonic.\n")
})


def test_markdown_preview_enhanced_imports_and_scripts_read_as_the_preview_shows_them(shared):
    """`@import "intro.md"` and `[TOC]` show nothing; `x^2^` and `H~2~O` are x² and H₂O; math keeps its `^`."""
    text = _text(shared.backs_by_front(EMBEDDINGS))
    assert "x² of an embedding" in text and "$x^2$" in text and "H₂O" in text
    for leak in ("@import", "[TOC]", "^2^", "~2~"):
        assert leak not in text


NORMALISATION = NOTES.add({
    "Normalisation.md": (
        "# Normalisation\n\n## Axes\n\n"
        "STARTI [Basic] BatchNorm vs LayerNorm: over which axis are the statistics computed? Back: BatchNorm "
        "computes statistics per feature across the examples of the batch; LayerNorm computes them per example "
        "across its features. ENDI\n\n"
        "- BatchNorm computes statistics per feature across the examples of the batch.\n"
        "- LayerNorm computes statistics per example across its features.\n")
})


def test_a_prose_card_the_writers_own_card_restates_is_not_made_twice(shared):
    """A table's row carded from the text, beside the writer's own inline note asking the same thing in nearly the
    same words: the writer's card wins."""
    made = shared.backs_by_front(NORMALISATION)
    assert any("over which axis" in front for front in made)
    assert sum("per feature across the examples" in back for back in made.values()) == 1
