"""Cards from notes written in the styles people keep (issue 23): an Obsidian vault titled only by file names,
Quarto daily notes titled by their date, a Jupyter Book with exercises, a notebook with `$ w $` math. The wikis
are tests/fixtures/styles/; every test reads them through the CLI, as a user would."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

import conftest

STYLES = Path(__file__).parent / "fixtures" / "styles"
REPO = Path(__file__).parent.parent


def run(root: Path, *args: str):
    result = conftest.run(root, *args)
    assert result.exit_code in (0, 1), result.output  # (check exits 1 when a note has an error)
    return result


@pytest.fixture(scope="module")
def styles(tmp_path_factory) -> dict[str, Path]:
    """Each style wiki copied and set up by `mlwiki init`, as a user would start."""
    roots = {}
    for name in ("obsidian-vault", "quarto-daily", "jupyter-book"):
        root = tmp_path_factory.mktemp(name)
        shutil.copytree(STYLES / name, root, dirs_exist_ok=True)
        conftest.run(None, "init", root, now=None, ok=True)
        roots[name] = root
    return roots


def listed(root: Path) -> list[dict]:
    return json.loads(run(root, "cards", "--json").stdout)


def fronts(root: Path, path: str) -> list[str]:
    return [c["front"] for c in listed(root) if c["source"]["path"] == path]


def test_a_note_titled_only_by_its_file_name_names_its_subject_in_every_front(styles):
    sigmoid = fronts(styles["obsidian-vault"], "Activations/Sigmoid.md")
    assert "Sigmoid › Formula" in sigmoid  # (was "Formula:\n\nFormula")
    assert "Sigmoid › Derivative of a Function\n\nFormula" in sigmoid
    assert "Sigmoid › Derivative of a Function\n\nWhy is the output not zero-centred a problem?" in sigmoid
    entropy = fronts(styles["obsidian-vault"], "Cross entropy.md")
    assert all(front.startswith("Cross entropy\n\n") for front in entropy) and len(entropy) == 3


def test_no_two_cards_of_a_note_share_a_front(styles):
    for root in styles.values():
        cards = listed(root)
        pairs = [(c["source"]["path"], c["front"]) for c in cards]
        assert len(pairs) == len(set(pairs))
    decomposition = [c for c in listed(styles["obsidian-vault"]) if "Decomposition" in c["front"]]
    assert len(decomposition) == 1 and decomposition[0]["back"].count("$$") == 6  # three formulas, one card


def test_a_date_is_no_subject_and_the_days_opening_line_names_it(styles):
    daily = fronts(styles["quarto-daily"], "daily/2025-11-16.qmd")
    assert not any("2025-11-16" in front for front in daily)
    assert daily[0] == ("Layer normalization\n\nRead about layer normalization today. It normalises over the features of one example, "
                        "not over the batch:")


def test_each_formula_gets_its_own_introduction(styles):
    perceptron = [(c["front"], c["back"]) for c in listed(styles["obsidian-vault"])
                  if c["source"]["path"] == "Perceptron.md" and c["kind"] == "formula"]
    assert perceptron[:2] == [
        ("Perceptron › Update rule\n\nWhen a point $(x_i, y_i)$ is misclassified, the weights and the bias move "
         "towards it. Formally, the weights change by", "$$w \\leftarrow w + \\eta\\, y_i x_i$$"),
        ("Perceptron › Update rule\n\nWhen a point $(x_i, y_i)$ is misclassified, the weights and the bias move "
         "towards it. Formally, the weights change by … and the bias by", "$$b \\leftarrow b + \\eta\\, y_i$$")]
    rope = [c["back"] for c in listed(styles["quarto-daily"]) if "RoPE" in c["front"]]
    assert rope == ["$$\\theta_i = 10000^{-2i/d}$$", "$$q'_m = R(m\\theta)\\, q_m$$"]


def test_a_derivation_keeps_every_step_and_its_result(styles):
    least = [c for c in listed(styles["jupyter-book"]) if "Least squares" in c["front"]]
    assert len(least) == 1
    assert least[0]["back"].endswith("and setting it to zero gives the normal equations\n\n"
                                     "$$w^\\star = (X^\\top X)^{-1} X^\\top y$$")


def test_worked_examples_and_exercises_are_not_cards_and_check_counts_them(styles):
    for root in styles.values():
        for card in listed(root):
            assert not any(word in card["front"] for word in ("Example", "Exercise", "Solution", "ex-ridge"))
            assert "= 1$$" not in card["back"] and "0.64" not in card["back"] and "13}{5}" not in card["back"]
    report = json.loads(run(styles["jupyter-book"], "check", "--json").stdout)
    assert report["skipped"]["formula"] == {"in a worked example or exercise": 2,
                                                     "works out numbers (a worked example)": 2}
    text = run(styles["obsidian-vault"], "check")
    assert "not cards: " in text.stderr and "(works out numbers (a worked example))" in text.stderr


def test_definitions_that_define_and_never_labelled_values(styles):
    cards = {c["front"]: c["back"] for c in listed(styles["jupyter-book"]) if c["kind"] == "definition"}
    assert set(cards) == {"Activations\n\nDefine: Sigmoid function", "Activations\n\nDefine: ReLU",
                          "Activations › Glossary\n\nDefine: Dropout",
                          "Activations › Glossary\n\nDefine: Batch normalization",
                          "Activations › Glossary\n\nDefine: Weight decay"}  # ("**Softmax**, …, turns": no "is")
    assert cards["Activations\n\nDefine: ReLU"] == \
        "**ReLU** is the activation that keeps positive inputs and sets negative ones to zero."
    config = (styles["jupyter-book"] / "mlwiki.toml").read_text(encoding="utf-8")
    assert "\ndefinitions = true  # your notes: 5 bold terms defined, 0 labelled values" in config
    daily = (styles["quarto-daily"] / "mlwiki.toml").read_text(encoding="utf-8")
    assert "\ndefinitions = false  # your notes: 0 bold terms defined, 3 labelled values\n" in daily
    report = json.loads(run(styles["quarto-daily"], "check", "--json").stdout)
    assert report["skipped"]["definition-item"] == {"a labelled value, not a definition": 3}


def test_questions_carry_their_context(styles):
    vault = fronts(styles["obsidian-vault"], "Perceptron.md")
    assert "Perceptron › Adaline\n\nWhy is this better than the perceptron?" in vault
    daily = fronts(styles["quarto-daily"], "daily/2025-11-17.qmd")
    assert daily == ["Why can't we use the running average during training?"]  # `**…**?` is a bold question


def test_an_exercise_in_a_question_section_is_not_part_of_the_answer(styles):
    (answer,) = [c["back"] for c in listed(styles["quarto-daily"]) if c["front"].endswith("Why correct the bias?")]
    assert answer == "Both averages start at zero, so early on they are pulled towards zero; dividing by " \
                     "$1 - \\beta^t$ undoes that."


def test_quarto_labels_never_show_on_a_front(styles):
    adam = [c["front"] for c in listed(styles["quarto-daily"]) if c["source"]["path"] == "posts/adam.qmd"]
    assert adam and not any("eq-" in front for front in adam)


def test_the_descent_lemma_and_the_sufficient_decrease_are_two_cards(tmp_path):
    """docs/syntax.md uses the sufficient-decrease bound as its example of a formula card (issue 28, point 6)."""
    shutil.copytree(REPO / "notes", tmp_path / "notes")
    shutil.copy(REPO / "mlwiki.toml", tmp_path / "mlwiki.toml")
    cards = [c for c in listed(tmp_path) if c["source"]["path"] == "notes/optimization/gradient-descent.md"
             and "Sufficient decrease" in c["front"]]
    assert [(c["front"], c["back"].count("$$")) for c in cards] == [
        ("Gradient descent convergence › Sufficient decrease\n\nSmoothness gives a quadratic upper bound on $f$ "
         "around any point, the *descent lemma*:", 2),
        ("Gradient descent convergence › Sufficient decrease\n\nPlugging in the gradient step "
         "$y = x - \\eta \\nabla f(x)$ with $\\eta \\le 1/L$ gives a guaranteed decrease:", 2)]
    assert not any("(eq-" in c["front"] for c in listed(tmp_path))


# --- what the learner sees ------------------------------------------------------------------------------------

def test_the_anki_deck_shows_links_notebook_math_verb_and_cell_attachments(styles, tmp_path):
    from anki.collection import Collection, ImportAnkiPackageOptions, ImportAnkiPackageRequest

    book = styles["jupyter-book"]
    result = run(book, "export")
    assert result.exit_code == 0, result.output
    assert "attachment" not in result.output  # no "image not exported" warning
    (package,) = (book / "decks").glob("*.apkg")
    (tmp_path / "anki").mkdir()
    col = Collection(str(tmp_path / "anki" / "collection.anki2"))
    try:
        options = ImportAnkiPackageOptions(merge_notetypes=True, with_scheduling=False, with_deck_configs=False)
        col.import_anki_package(ImportAnkiPackageRequest(package_path=str(package), options=options))
        fields = {note["Front"]: note["Back"] for note in (col.get_note(n) for n in col.find_notes(""))
                  if "Front" in note}
        diverge = next(back for front, back in fields.items() if "Why does a large step diverge?" in front)
        (src,) = re.findall(r'<img src="([^"]+)"', diverge)
        assert src.startswith("mlwiki-") and src.endswith("contours.png")
        assert (Path(col.media.dir()) / src).read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
        assert r"When \(\eta &gt; 2 / L\) each step" in diverge  # `$ \eta > 2 / L $`: math, as Jupyter shows it
        gd = next(front for front in fields if "We move the weights" in front)
        assert r"\(w\)" in gd and "$" not in gd
    finally:
        col.close()


def test_wikilinks_show_as_their_text_and_cards_json_keeps_the_source(styles):
    vault = styles["obsidian-vault"]
    callout = next(c for c in listed(vault) if c["front"].endswith("Why does it cause vanishing gradients?"))
    assert callout["back"].endswith("at least four times.")  # ("; see [[…]]": a pointer to another note, off the back)
    from mlwiki.render.html import markdown_to_html
    from mlwiki.render.terminal import plain_text
    written = "Each layer shrinks it, the cause of [[Vanishing gradients|the vanishing-gradient problem]]."
    assert "the cause of the vanishing-gradient problem." in markdown_to_html(written)
    assert plain_text(written).endswith("the cause of the vanishing-gradient problem.")
    assert plain_text("written \\verb|w := w + v|, **bold** and ![x](attachment:x.png)") == \
        "written w := w + v, bold and [image: x]"
    assert markdown_to_html("[[Martens 2015]](https://example.org/m)") == \
        '<p><a href="https://example.org/m" rel="noopener noreferrer">Martens 2015</a></p>\n'
    assert "javascript" not in markdown_to_html("[[x]](javascript:alert(1))")
    assert markdown_to_html("`[[code]]` and $[[a]]$") == "<p><code>[[code]]</code> and \\([[a]]\\)</p>\n"


def test_footnote_marks_and_texts_are_left_off_where_a_card_is_shown():
    """A Quarto or Obsidian note's `[^ho]` and `[^ho]: Ho et al. 2020.` are set at the page's foot; a card has none."""
    from mlwiki.render.html import markdown_to_html
    from mlwiki.render.terminal import plain_text
    back = "DDPM[^ho] trains a denoiser on every noise level.\n\n[^ho]: Ho, Jain, Abbeel (2020).\n    Its appendix.\n"
    assert markdown_to_html(back) == "<p>DDPM trains a denoiser on every noise level.</p>\n"
    assert plain_text(back) == "DDPM trains a denoiser on every noise level."
    assert markdown_to_html("`a[^1]` and $x[^2]$") == "<p><code>a[^1]</code> and \\(x[^2]\\)</p>\n"  # (code, math)


def test_obsidian_highlights_show_highlighted_without_their_markers():
    """`==text==` is Obsidian's highlight: `<mark>` on the card page and in Anki, plain text in the terminal (where
    rich would drop a tag it does not know, with the words in it); `a == b` stays as written."""
    from rich.console import Console

    from mlwiki.render.html import markdown_to_html
    from mlwiki.render.terminal import card_markdown, listing_text, plain_text
    back = "The ==degradation problem== is not overfitting; ==**deeper** nets $f(x)$== train worse."
    assert markdown_to_html(back) == ("<p>The <mark>degradation problem</mark> is not overfitting; <mark><strong>"
                                      "deeper</strong> nets \\(f(x)\\)</mark> train worse.</p>\n")
    assert plain_text(back) == "The degradation problem is not overfitting; deeper nets f(x) train worse."
    assert listing_text("The ==degradation problem== is it.") == "The degradation problem is it."
    console = Console(width=100, record=True)
    console.print(card_markdown(back))
    assert "The degradation problem is not overfitting; deeper nets f(x) train worse." in console.export_text()
    assert markdown_to_html("if a == b and c ==d then") == "<p>if a == b and c ==d then</p>\n"
    assert markdown_to_html("`x ==y==`") == "<p><code>x ==y==</code></p>\n"


def test_plain_review_prints_no_markdown_markers(styles):
    book = styles["jupyter-book"]
    result = conftest.run(book, "review", "--plain", input="\n3\n" * 12)  # reveal, Good: every card once
    assert result.exit_code == 0, result.output
    assert "Reviewed 12 cards" in result.output and "Why does a large step diverge?" in result.output
    for marker in ("**", "[[", "\\verb", "$", "](", "`"):
        assert marker not in result.output, marker


def test_an_identity_with_coefficients_is_no_worked_arithmetic(tmp_path):
    """`= 2 - 2\\cos(a, b)` is algebra (a number before a symbol is its coefficient): the tip that ends on it is a
    card, as one without the formula is; `64 + 9\\cdot64` is still arithmetic on numbers."""
    from mlwiki.extract import NoteContext, extract
    from mlwiki.extract.passages import works_numbers
    tip = ("Use cosine for embeddings: vector length tracks word frequency, and what we compare is direction. For "
           "unit vectors both give the same ranking, since $\\lVert a-b\\rVert^2 = 2 - 2\\cos(a,b)$.")
    for body in (f"# FAQ\n\n## Cosine or Euclidean\n\n{tip}\n", f'# FAQ\n\n???+ tip "Cosine or Euclidean"\n    {tip}\n'):
        cards = extract(body, NoteContext(path="docs/faq.md", sections=True, definitions=True)).cards
        assert [c.front for c in cards] == ["FAQ › Cosine or Euclidean"], cards
        assert cards[0].back.endswith("2 - 2\\cos(a,b)$."), cards[0].back
    assert not works_numbers("1 - 2p") and works_numbers("0 + 1 = 1") and works_numbers("64 + 9\\cdot64")


def test_a_tag_inside_a_sentence_keeps_its_word_and_tags_at_a_lines_end_go():
    from mlwiki.extract import NoteContext, extract
    body = ("# Convolutions\n\n## 1x1 convolutions\n\n- change the #channels cheaply, before an expensive 3x3 conv\n"
            "- mix information across channels at every pixel, without touching space #cnn #tips\n")
    cards = extract(body, NoteContext(path="n.md", sections=True, definitions=True)).cards
    back = next(c.back for c in cards if c.front.endswith("1x1 convolutions"))
    assert "change the channels cheaply" in back and "#" not in back and "tips" not in back, back
    listed = "# Complete spaces\n\ntags: #definition | #topology\n\n## Statement\n\nA space is complete when every " \
        "Cauchy sequence in it converges to a point of the space.\n"
    cards = extract(listed, NoteContext(path="n.md", sections=True, definitions=True)).cards
    assert not any("definition" in c.back or "topology" in c.back for c in cards), cards  # (a list of tags)


def test_inline_code_a_quarto_page_computes_shows_as_an_ellipsis():
    """`{python} n` and knitr's `r x` are values the page computes when rendered: the card cannot know them."""
    from mlwiki.render.html import markdown_to_html
    from mlwiki.render.terminal import listing_text, plain_text
    back = "The small net already has `{python} n_params` weights; `r round(phi, 3)` was estimated. Use `r2_score`."
    assert plain_text(back) == "The small net already has … weights; … was estimated. Use r2_score."
    assert markdown_to_html(back) == ("<p>The small net already has … weights; … was estimated. Use "
                                      "<code>r2_score</code>.</p>\n")
    assert listing_text(back) == "The small net already has … weights; … was estimated. Use r2_score."


def test_an_analogy_and_abbreviation_definitions_are_no_cards():
    """`a : b :: c : d` is an analogy as written, not a `front :: back` card; MkDocs' `*[OOV]: out of vocabulary`
    lines are the page's tooltips, on no card and no back. A `front :: back` line is still a card."""
    from mlwiki.extract import NoteContext, extract
    body = ("# Bias\n\n## Analogies\n\nEmbeddings inherit the biases of their corpus, as analogy tests show:\n\n"
            "- *man : king :: woman : queen* is the famous one\n- a projection on a gender direction measures it\n\n"
            "*[OOV]: out of vocabulary\n*[IAT]: implicit association test\n\nWEAT :: a test of association\n")
    cards = extract(body, NoteContext(path="n.md", sections=True, definitions=True)).cards
    assert ("WEAT", "a test of association") in [(c.front, c.back) for c in cards], cards
    assert not any(c.front.startswith("*man") or "queen" in c.front for c in cards), cards
    assert not any("OOV" in c.front or "OOV" in c.back or "[IAT]" in c.back for c in cards), cards


def test_a_paper_notes_record_table_is_no_card(tmp_path):
    """`| field | value |` rows of authors, venue, link, tags: the paper's record, not facts to recall; a two-column
    table of terms and what they mean is still a card a row."""
    from mlwiki.extract import NoteContext, extract
    record = ("# A paper on word vectors\n\n| field | value |\n|---|---|\n| authors | A. Writer, B. Writer |\n"
              "| venue | a conference, 2014 |\n| link | <https://example.org/paper.pdf> |\n| read on | 2024-10-11 |\n\n"
              "## Problem\n\nCount-based methods use global statistics but do badly on analogies, while window-based "
              "methods do well on analogies but ignore global co-occurrence counts.\n")
    glossary = ("# Terms\n\n| term | meaning |\n|---|---|\n| stemming | cutting words to a crude stem by rules |\n"
                "| lemmatisation | mapping each word to its dictionary form |\n")
    ctx = NoteContext(path="papers/p.md", sections=True, definitions=True)
    fronts = [c.front for c in extract(record, ctx).cards]
    assert [f.split("\n\n")[0] for f in fronts] == ["A paper on word vectors › Problem"], fronts  # (the
    # heading may ask: "What problem does … address?")
    assert len([c for c in extract(glossary, ctx).cards if c.front.startswith("Terms › ")]) == 2


def test_a_front_that_leaves_a_bold_answer_out_says_it_nowhere_else():
    """The sentence with its bold term left out asks for it; its head word said again later in the sentence
    ("— cosine normalises for length") would give the answer away: it is left out there too."""
    from mlwiki.extract import NoteContext, extract
    body = ("# Vectors\n\n## tf-idf\n\nThe weight of a term in a document, with $N$ documents of which $n_t$ hold "
            "it:\n\n$$w_{t,d} = \\mathrm{tf}_{t,d} \\log \\frac{N}{n_t}$$\n\n```python\ndef weight(tf, n, N):\n"
            "    return tf * math.log(N / n)\n```\n\nCompare documents with **cosine similarity** of their tf-idf "
            "vectors — cosine normalises for document length.\n")
    cards = extract(body, NoteContext(path="n.md", sections=True, definitions=True)).cards
    asked = next(c for c in cards if "Compare documents with …" in c.front)
    assert "cosine" not in asked.front.casefold() and "… normalises for document length" in asked.front, asked
    assert "**cosine similarity**" in asked.back


def test_a_topic_in_math_keeps_its_subscripts():
    """A grab-bag part named by its symbol ("$\\hat y_{T+h|T}$ = the forecast …") shows the symbol as written: the
    `_` of a subscript is no emphasis marker to take off."""
    from mlwiki.extract import NoteContext, extract
    body = ("**Symbols** used in every chapter\n\n- $y_1, \\dots, y_T$ is the series seen, $T$ its length.\n"
            "- $\\hat y_{T+h|T}$ = the forecast of $y_{T+h}$ made with data up to time $T$, an "
            "**$h$-step-ahead forecast**.\n- $B$ = the **backshift operator**: $B y_t = y_{t-1}$, so a first "
            "difference is $(1-B)y_t$.\n- $m$ = the seasonal period (12 for monthly data with a yearly cycle, 4 for "
            "quarterly data, 7 for daily data with a weekly one).\n"
            "- $\\varepsilon_t$ = white noise with mean 0 and variance $\\sigma^2$.\n")
    fronts = [c.front for c in extract(body, NoteContext(path="Notation.md", sections=True, definitions=True)).cards]
    assert "Notation › $\\hat y_{T+h|T}$" in fronts and not any("y{T" in f for f in fronts), fronts
