"""Jupyter Book's MyST syntax reads as the book shows it wherever a card is shown (issue 23, point 6): roles
(`{ref}`…``, `{eq}`…``, `{math}`…``) as their text, target lines `(label)=` not at all, a definition list's `: `
marker joined to its term. `cards --json` keeps the note as written."""

from __future__ import annotations

import json

from conftest import new_wiki, run

CHAPTER = """(ch-flows)=
# Normalising flows

A normalising flow maps a simple base density through invertible maps. Unlike the VAE ({ref}`ch-vae`), its
likelihood is exact, by the change of variables in {eq}`eq-cov` and {ref}`the coupling trick <sec-coupling>`.
(sec-flows-terms)=

## Terms

Coupling layer
: transforms half of the input conditioned on the other half, so that its Jacobian is triangular.

Base density
: the simple distribution the flow starts from, usually {math}`\\mathcal N(0, I)`.
"""


def test_myst_roles_targets_and_definition_markers_read_as_the_book_shows_them(tmp_path):
    root = new_wiki(tmp_path, {"chapters/flows.md": CHAPTER})
    cards = json.loads(run(root, "cards", "--json", ok=True).output)
    assert any("{ref}`the coupling trick <sec-coupling>`" in c["back"] for c in cards), \
        "cards --json keeps the note as written"
    # (a bare label in parentheses, "({ref}`ch-vae`)", would show only "(ch-vae)": it leaves the back, selfnotes.py)
    assert not any("ch-vae" in c["back"] for c in cards), cards
    result = run(root, "review", "--plain", input="\n3\n" * len(cards))
    assert result.exit_code == 0, result.output
    # (an equation of another chapter reads by its label's words: "(eq-cov)" points at nothing on a card)
    assert "Unlike the VAE, its likelihood is exact, by the change of variables in the cov equation and the " \
           "coupling trick." in " ".join(result.output.split())
    for marker in ("{ref}", "{eq}", "{math}", "(sec-flows-terms)=", "\n: "):
        assert marker not in result.output, marker

    from mlwiki.render.html import markdown_to_html
    assert markdown_to_html("Coupling layer\n: transforms half of it.") == "<p>Coupling layer\n— transforms half of it.</p>\n"
    assert markdown_to_html(": the simple distribution, {math}`x^2`.") == "<p>the simple distribution, \\(x^2\\).</p>\n"
    assert markdown_to_html("(sec-flows-terms)=") == ""
    # Quarto's label after a display formula is a cross-reference target, not text
    assert markdown_to_html("a shortcut:\n$$\nx = 1\n$$ {#eq-loocv}\nwith H.") == "<p>a shortcut:\n\\[x = 1\\]\nwith H.</p>\n"
    assert markdown_to_html("`{ref}` in code and $\\{a\\}$") == "<p><code>{ref}</code> in code and \\(\\{a\\}\\)</p>\n"


def test_a_doc_role_reads_as_its_pages_name_without_folder_or_order_number():
    """{doc}`../chapters/07_elbo` points at a page; a card can't show that page's title, so it shows its file name
    as words ("elbo"), not the path; a role with its own text shows that text."""
    from mlwiki.render.html import markdown_to_html
    assert markdown_to_html("See {doc}`../chapters/07_elbo` and {doc}`kernel_trick`.") == \
        "<p>See elbo and kernel trick.</p>\n"
    assert markdown_to_html("See {doc}`the ELBO <07_elbo>`.") == "<p>See the ELBO.</p>\n"


BOOK_CONFIG = """title: Kernels
sphinx:
  config:
    mathjax3_config:
      tex:
        macros:
          "R": "\\\\mathbb{R}"
          "half": ["\\\\frac{#1}{2}", 1]
"""


def test_a_jupyter_books_mathjax_macros_are_the_wikis(tmp_path):
    """A Jupyter Book defines its macros in _config.yml (`mathjax3_config: tex: macros:`): `check` knows them and a
    review shows $\\R$ as ℝ, as the book does; without them `check` names the unknown command."""
    root = new_wiki(tmp_path, {"chapters/svm.md": "# SVM\n\nQ: Where do the inputs live?\nA: In $\\R^d$, "
                                                  "scaled by $\\half{x}$.\n"})
    (root / "_toc.yml").write_text("format: jb-book\nroot: intro\n", encoding="utf-8")
    (root / "_config.yml").write_text("title: Kernels\n", encoding="utf-8")
    assert "unknown command `\\R`" in run(root, "check").output
    (root / "_config.yml").write_text(BOOK_CONFIG, encoding="utf-8")
    assert "unknown command" not in run(root, "check").output
    shown = run(root, "review", "--plain", input="\n3\n").output
    assert "ℝ" in shown and "\\R" not in shown, shown
    from mlwiki.config import load_config
    from mlwiki.render.macros import read_macros  # (what the export's MathJax and the card pages define too)
    assert read_macros(load_config(root)) == ("\\newcommand{\\R}{\\mathbb{R}}\n\\newcommand{\\half}[1]{\\frac{#1}{2}}", None)


def test_a_target_line_over_the_paragraph_it_labels_is_on_no_card():
    """`(kkt-list)=` right over its paragraph (no blank line between) labels it for `{ref}`: the book never shows it,
    and neither does a card's front made of that paragraph."""
    from mlwiki.extract import NoteContext, extract
    body = ("# Duality\n\n## KKT conditions\n\n(kkt-list)=\nAt the optimum of a convex problem with strong duality "
            "these four conditions hold together:\n\n1. primal feasibility\n2. dual feasibility\n"
            "3. complementary slackness\n4. stationarity of the Lagrangian\n")
    cards = extract(body, NoteContext(path="n.md", sections=True, definitions=True)).cards
    assert cards and not any("kkt-list" in c.front or "kkt-list" in c.back for c in cards), cards


def test_pandoc_citations_show_as_nothing_where_a_card_is_shown():
    """Quarto's `[@key]` is set from the book's bibliography, which a card has not: the claim reads without it (as a
    MyST `{cite}` does); a link whose text holds an `@` and an e-mail link stay."""
    from mlwiki.render.html import markdown_to_html
    from mlwiki.render.terminal import plain_text
    back = "STL splits a series with Loess [@cleveland1990]. Seasonal windows matter [see @hyndman2021, ch. 3; @x]."
    assert plain_text(back) == "STL splits a series with Loess. Seasonal windows matter."
    assert markdown_to_html(back) == "<p>STL splits a series with Loess. Seasonal windows matter.</p>\n"
    assert plain_text("write to [me@example.org](mailto:me@example.org)") == "write to me@example.org"
    assert "@x" in plain_text("a [ping @x](https://example.org) link")


def test_a_reference_to_a_long_equation_never_cuts_it_inside_braces_and_a_named_one_reads_as_named():
    """`{eq}` to a long formula shows its left side and "= …" only where the "=" stands outside braces (the "=" of
    `\\sum_{i=1}` would leave a brace open); after the words that name it ("the dual {eq}`eq-dual`") a reference
    that could only show "Equation 2" is left out."""
    from mlwiki.extract import NoteContext, extract
    body = ("# Ridge\n\n## Objective\n\nThe penalised least-squares problem over functions of the space:\n\n"
            "```{math}\n:label: eq-krr\n\\min_{f} \\; \\sum_{i=1}^n \\bigl(y_i - f(x_i)\\bigr)^2 + \\lambda "
            "\\lVert f \\rVert^2 + \\text{a long tail of words that makes it long}\n```\n\n"
            "## Dual\n\n```{math}\n:label: eq-dual\n\\max_\\alpha \\sum_i \\alpha_i - \\frac12 \\sum_{i,j} "
            "\\alpha_i\\alpha_j y_i y_j k(x_i, x_j) \\quad \\text{subject to } 0 \\le \\alpha_i \\le C\n```\n\n"
            "The dual {eq}`eq-dual` needs the data only through kernel values, and {eq}`eq-krr` has no bias term, "
            "so the targets are centred first.\n")
    cards = extract(body, NoteContext(path="n.md", sections=True, definitions=True)).cards
    text = " ".join(c.front + " " + c.back for c in cards)
    assert "The dual needs the data only through kernel values" in text, text
    assert "\\sum_{i= \\dots" not in text and "i= \\dots" not in text, text


def test_a_reference_is_no_name_for_an_untitled_callouts_front():
    """An untitled `{caution}` is asked by the name it warns of; a MyST role in it (`{eq}`eq-krr``) is a reference,
    not a name in code: no "Caution: eq-krr" front."""
    from mlwiki.extract import NoteContext, extract
    body = ("# KRR\n\n## Objective\n\n```{math}\n:label: eq-krr\n\\min_f \\sum_i (y_i - f(x_i))^2 + \\lambda "
            "\\|f\\|^2\n```\n\n## Effect of lambda\n\nA small lambda interpolates the data and overfits; a large one "
            "shrinks every coefficient toward zero.\n\n```{caution}\nThere is no bias term $b$ in {eq}`eq-krr`. "
            "Either centre the targets, or add a positive constant to the kernel.\n```\n")
    fronts = [c.front for c in extract(body, NoteContext(path="n.md", sections=True, definitions=True)).cards]
    assert any(f.startswith("KRR › Effect of lambda › Caution") for f in fronts), fronts
    assert not any("eq-krr" in f for f in fronts), fronts


def test_an_author_in_text_citation_reads_as_the_works_name_and_year_where_a_card_is_shown():
    """"{cite:t}`park2019specaugment`: augment the log-mel …" and "As @hyndman2021 show, …": the citation is the
    sentence's subject, so dropping it left ": augment …" and "As  show"; a card has no bibliography, so the key
    reads as its name and year. A parenthetical `{cite:p}` still shows nothing; an e-mail address stays."""
    from mlwiki.render.html import markdown_to_html
    from mlwiki.render.terminal import plain_text
    assert plain_text("{cite:t}`park2019specaugment`: mask the spectrogram") == "Park 2019: mask the spectrogram"
    assert plain_text("{cite:t}`platt1998smo,keerthi2001` refine it") == "Platt 1998, Keerthi 2001 refine it"
    assert plain_text("As @hyndman2021 show, MAPE is unstable {cite:p}`x2020`.") == \
        "As Hyndman 2021 show, MAPE is unstable."
    assert markdown_to_html("@bergstra2012 found it") == "<p>Bergstra 2012 found it</p>\n"
    assert plain_text("mail me@example.org or ask @bob") == "mail me@example.org or ask @bob"


def test_a_pandoc_span_reads_as_its_text_where_a_card_is_shown():
    """Quarto's `[AutoML]{.smallcaps}` and `[text]{#id .class}`: a style on the page, its text on a card (markup
    inside still read); a bracketed word that is no span, and a link, stay as they were."""
    from mlwiki.render.html import markdown_to_html
    from mlwiki.render.terminal import plain_text
    assert plain_text("the [AutoML]{.smallcaps} group, [**bold** words]{#a .b}") == "the AutoML group, bold words"
    assert markdown_to_html("What is [η = 3]{.smallcaps}?") == "<p>What is η = 3?</p>\n"
    assert plain_text("a [word] and [a link](https://example.org) and [x]{y}") == \
        "a [word] and a link and [x]{y}"
