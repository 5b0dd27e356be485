"""Pages of more tools read as those tools show them (issue 23, session 59): Observable Framework pages. Every note is
written to one wiki in tmp_path, scanned once through the CLI (`cards --json`); each test reads the cards of its own
note."""

from __future__ import annotations

import json

import pytest

from conftest import new_wiki, run

CONFIG = 'name = "T"\nformulas = "display"\ndefinitions = true\nsections = true\n[review]\ntimezone = "UTC"\n'
NOTES: dict[str, str] = {}  # (path below notes/ → text: each test's note, filled in below)


@pytest.fixture(scope="module")
def cards(tmp_path_factory) -> list[dict]:
    """`mlwiki cards --json` of a wiki holding every note of this module."""
    root = new_wiki(tmp_path_factory.mktemp("tools59"), NOTES, CONFIG)
    return json.loads(run(root, "cards", "--json", ok=True).output)


def _made(cards: list[dict], rel: str) -> dict[str, str]:
    """{front: back} of the cards of the note `rel`."""
    return {c["front"]: c["back"] for c in cards if c["source"]["path"] == f"notes/{rel}"}


def _text(made: dict[str, str]) -> str:
    return "\n".join(made) + "\n" + "\n".join(made.values())


OBSERVABLE = (
    "---\ntitle: Principal component analysis\ntoc: false\n---\n\n# Principal component analysis\n\n"
    "```js\nconst X = FileAttachment(\"data/iris.csv\").csv({typed: true});\n```\n\n"
    "```js\nconst d = view(Inputs.range([1, 4], {step: 1, value: 2, label: \"components\"}));\n```\n\n"
    "PCA projects centred data onto the eigenvectors of its covariance matrix ${tex`\\Sigma`}:\n\n"
    "```tex\n\\Sigma = \\frac{1}{n} X^\\top X = V \\Lambda V^\\top\n```\n\n"
    "<div class=\"tip\" label=\"Why centre the data first?\">\n\n"
    "Without centring, the first component points at the mean instead of along the largest spread.\n\n</div>\n\n"
    "<div class=\"warning\">PCA is sensitive to the scale of each feature: standardise features in different units.</div>\n\n"
    "```js\ndisplay(Plot.plot({marks: [Plot.dot(X, {x: \"pc1\", y: \"pc2\"})]}))\n```\n\n"
    "<div class=\"grid grid-cols-2\">\n  <div class=\"card\">${resize((width) => scree(X, {width}))}</div>\n"
    "  <div class=\"card\">${d} components kept</div>\n</div>\n\n"
    "## Explained variance\n\nThe share of variance the first ${tex`k`} components explain is\n\n"
    "```tex\n\\frac{\\sum_{i=1}^{k} \\lambda_i}{\\sum_{i=1}^{d} \\lambda_i}\n```\n")
NOTES["src/pca.md"] = OBSERVABLE
JS_EXAMPLE = (
    "# Environment variables\n\nA shell expands ${HOME} to the user's home folder before the command runs.\n\n"
    "```js\nconst home = `${process.env.HOME}`;\nconsole.log(home);\n```\n")
NOTES["debounce.md"] = JS_EXAMPLE


def test_observable_tex_is_math_and_js_cells_are_no_text(cards):
    """An Observable Framework page: a `tex` fence is a display formula with the sentence before it as its front,
    `${tex`…`}` inline math; its `js` cells (data, inputs, charts) and `${…}` values of one run are on no card."""
    made = _made(cards, "src/pca.md")
    text = _text(made)
    assert "FileAttachment" not in text and "Plot." not in text and "${" not in text and "```" not in text
    assert "components kept" not in text and "grid" not in text
    fronts = [f for f, b in made.items() if "V \\Lambda V^\\top" in b]
    assert fronts and "eigenvectors of its covariance matrix $\\Sigma$" in fronts[0]
    assert any("\\sum_{i=1}^{k} \\lambda_i" in b and "first $k$ components" in f for f, b in made.items())


def test_observable_boxes_are_callouts(cards):
    """`<div class="tip" label="…">` is a box titled by its label (a question here: its text answers it);
    a one-line `<div class="warning">` is a caveat card; no `<div` reaches a card."""
    made = _made(cards, "src/pca.md")
    assert any("Why centre the data first?" in f and "points at the mean" in b for f, b in made.items())
    assert any("sensitive to the scale" in b and "sensitive to the scale" not in f or "Warning" in f
               for f, b in made.items())
    assert "<div" not in _text(made)


def test_a_page_without_framework_marks_keeps_its_dollar_braces(cards):
    """A guard: a page with `${…}` in its words and a `js` example that is no Framework cell is no Observable page,
    so its sentence keeps `${HOME}` (the rule reads only pages that show Framework's marks)."""
    assert "expands ${HOME} to the user's home folder" in _text(_made(cards, "debounce.md"))


DISTILL = (
    "---\ntitle: \"Ridge regression\"\nauthor:\n  - name: Sam Lee\ndate: 2026-10-03\nbibliography: refs.bib\n"
    "output:\n  distill::distill_article:\n    toc: true\n---\n\n"
    "```{r setup, include=FALSE}\nlibrary(glmnet)\n```\n\n## The closed form\n\n"
    "Ridge has the closed form $\\hat\\beta = (X^\\top X + \\lambda I)^{-1} X^\\top y$, which exists even when "
    "$X^\\top X$ is singular.^[That is why it was first proposed for ill-conditioned designs.]\n\n"
    "## Shrinkage\n\nRidge shrinks every coefficient toward zero but never sets one exactly to zero."
    "^[Hoerl and Kennard, 1970.]\n")
NOTES["_posts/2026-10-03-ridge/ridge.Rmd"] = DISTILL


def test_inline_footnotes_read_in_brackets_and_citing_ones_left_out(cards):
    """Pandoc's inline footnote (`^[…]`, in R Markdown, Quarto and Obsidian) shows as a mark with its text at the
    page's foot: on a card it reads in brackets after its sentence, and one that only cites is left out."""
    text = _text(_made(cards, "_posts/2026-10-03-ridge/ridge.Rmd"))
    assert "^[" not in text
    assert "is singular. (That is why it was first proposed for ill-conditioned designs.)" in text
    assert "Hoerl" not in text and "never sets one exactly to zero." in text


NOTESNOOK = (
    "---\ntitle: \"Batch norm\"\ncreated_at: 03-11-2026 09:12 PM\nupdated_at: 04-11-2026 10:01 AM\ntags: cnn\n---\n\n"
    "# Batch norm\n\nBatch norm normalises each channel with the mini-batch mean and variance.\n\n"
    "<div data-block-id=\"k3J8xQ2a\" class=\"math-block math-node\">\\hat x = \\frac{x - \\mu_B}{\\sqrt{\\sigma_B^2 "
    "+ \\epsilon}}</div>\n\n"
    "<div data-block-id=\"rhV2uFhw\" data-callout-type=\"warning\" class=\"callout\"><h4 data-block-id=\"b1\">Small "
    "batches</h4><p data-block-id=\"p1\" data-spacing=\"double\">With two images per batch the statistics are too "
    "noisy; use group norm.</p></div>\n\n"
    "<div data-block-id=\"aa2uFhw\" data-callout-type=\"info\" class=\"callout\"><h4 data-block-id=\"b2\">Why does "
    "it allow larger learning rates?</h4><p data-block-id=\"p2\" data-spacing=\"double\">It smooths the loss "
    "landscape.</p><p data-block-id=\"p3\" data-spacing=\"double\">It also keeps activations in a range where "
    "gradients flow.</p></div>\n")
NOTES["Computer Vision/Batch-norm.md"] = NOTESNOOK


def test_notesnook_math_blocks_and_callouts_read_as_shown(cards):
    """Notesnook exports a math block and a callout as the editor's HTML on one line: the math block is a display
    formula with its sentence as the front, a warning callout a caveat card, a callout titled with a question asks
    it with its paragraphs as the answer; no tag or block id reaches a card."""
    made = _made(cards, "Computer Vision/Batch-norm.md")
    text = _text(made)
    assert "<div" not in text and "data-block-id" not in text and "<p" not in text
    assert any("\\sqrt{\\sigma_B^2 + \\epsilon}" in b and "mini-batch mean and variance" in f for f, b in made.items())
    assert any("statistics are too noisy" in b for b in made.values())
    assert any(f.endswith("Why does it allow larger learning rates?") and "smooths the loss landscape" in b
               and "gradients flow" in b for f, b in made.items())


ANYTYPE = (
    "---\n# yaml-language-server: $schema=schemas/study_note.schema.json\nObject type: Study Note\nTag:\n"
    "  - optimization\nid: bafyreihx3k2example\n---\n# Momentum   \n"
    "Momentum keeps a velocity $v\\_t = \\beta v\\_{t-1} + g\\_t$ and steps along it.   \n"
    "On a steady slope the velocity's norm $\\\\|v\\\\|$ grows to about $\\|g\\| / (1-\\beta)$.   \n"
    "> Why does momentum help in ravines?   \n\n"
    "It averages out the gradient components that flip sign across the ravine and adds up the ones along it.   \n"
    "Heavy ball is the physical picture.   \n"
    "In PyTorch call `torch.nn.utils.clip_grad_norm\\_(params, 1.0)` after `backward()`.   \n")
NOTES["momentum.md"] = ANYTYPE


def test_anytype_formulas_unescaped_and_question_toggles_asked(cards):
    """Anytype's exporter escapes `_`, `*`, `|` inside inline formulas (a typed backslash stays): read back, the
    formula is what the writer typed (`v_t`, `\\|v\\|`, `|g|`); a toggle titled with a question is asked with the
    text under it as its answer."""
    made = _made(cards, "momentum.md")
    text = _text(made)
    assert "\\_" not in text and "$v_t = \\beta v_{t-1} + g_t$" in text
    assert "$\\|v\\|$" in text and "$|g| / (1-\\beta)$" in text
    assert "`torch.nn.utils.clip_grad_norm_(params, 1.0)`" in text  # (escaped inside code as well)
    assert any(f.endswith("Why does momentum help in ravines?") and "flip sign across the ravine" in b
               for f, b in made.items())


REFLECT = (
    "---\nid: 01jkx4m2example\n---\n# Evidence lower bound // ELBO\n\n"
    "The ELBO is a lower bound on the log evidence: $\\log p(x) \\ge \\mathbb{E}_q[\\log p(x,z) - \\log q(z)]$.\n\n"
    "- Maximising it over $q$ minimises the KL divergence to the posterior; see [[Variational inference // VI]]\n"
    "- Its gap is exactly $KL(q(z) \\| p(z \\mid x))$\n")
NOTES["notes/elbo.md"] = REFLECT


def test_reflect_aliased_titles_read_as_the_title(cards):
    """Reflect writes a note's other names into its title after ` // `: the subject is the title with its other
    names in brackets, and a link to such a note shows the title alone."""
    made = _made(cards, "notes/elbo.md")
    assert made and all(f.startswith("Evidence lower bound (ELBO)") for f in made)
    assert " // " not in _text(made)


APPLE_NOTES = (
    "---\napple-notes-id: x-coredata://4F2A/ICNote/p512\n---\n# Stationarity\n\n"
    "A series is weakly stationary when its mean and autocovariances do not change over time.\n"
    "==🟠ARIMA differences a series until it is stationary before fitting an ARMA model.==\n"
    "==🔴Prophet's default interval width = 0.80, not 0.95.==\n\n"
    "- &nbsp;The KPSS test takes stationarity as its null hypothesis, unlike the ADF test.\n")
NOTES["Apple Notes/Time Series/Stationarity.md"] = APPLE_NOTES


def test_apple_notes_highlight_colours_and_nbsp_items_not_shown(cards):
    """The Obsidian Importer writes an Apple Notes highlight's colour as an emoji inside its marks and a list started
    indented as an `&nbsp;` item: neither reaches a card, the sentences do."""
    text = _text(_made(cards, "Apple Notes/Time Series/Stationarity.md"))
    assert "🟠" not in text and "&nbsp;" not in text
    assert "ARIMA differences a series until it is stationary" in text
    assert "The KPSS test takes stationarity as its null hypothesis" in text
    assert "🔴" not in text and "default interval width = 0.80" in text  # (a highlight holding "=")


WRITTEN = (
    "# Reading\n\nQ: Where is the original ResNet paper?\nA: [He et al.](https://arxiv.org/abs/1512.03385)\n\n"
    "::: {.card}\n## What did I think of the Adam paper?\n\nReally surprised the first time.\n:::\n")
NOTES["written.md"] = WRITTEN


def test_cards_the_writer_wrote_are_never_dropped_as_junk(cards):
    """A card the writer wrote as one (Q:/A:, a `.card` div) says what they chose: a back that is a lone link or a
    reaction, which the junk rules drop from cards mlwiki finds, stays."""
    made = _made(cards, "written.md")
    assert any("Where is the original ResNet paper?" in f and "arxiv.org" in b for f, b in made.items())
    assert any("Really surprised the first time." in b for b in made.values())


NOTESNOOK_INLINE = (
    "---\ntitle: \"Dilated convolution\"\ncreated_at: 03-11-2026 09:12 PM\n---\n\n# Dilated convolution\n\n"
    "With dilation d a kernel of size k spans k\\_eff = d(k − 1) + 1 pixels, with no more weights.\n\n"
    "Stacking them grows the receptive field r\\_l exponentially with depth.\n")
NOTES["Computer Vision/Dilated-convolution.md"] = NOTESNOOK_INLINE


def test_notesnook_bare_formula_with_a_unicode_minus_is_one_formula(cards):
    """Notesnook writes an inline formula as bare TeX among the words; one holding a Unicode minus ("−") is read as
    one formula, not cut at the minus (`$k_eff = d(k$ − 1) + 1` showed half a formula and half text)."""
    text = _text(_made(cards, "Computer Vision/Dilated-convolution.md"))
    assert "$k_eff = d(k − 1) + 1$" in text and "d(k$" not in text
