"""The card page without a browser: MathML from math-core, the wiki's macros, cloze highlighting, what is never
converted (code, unsafe output), and the private folder the pages go to. Layout is in test_pages_browser.py."""

from __future__ import annotations

import os
import re
import stat
from datetime import datetime, timezone

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import write
from mlwiki.config import load_config
from mlwiki.render.macros import read_macros
from mlwiki.render.mathml import MathML, _safe, prepare
from mlwiki.review.card_page import card_html, open_card_page, page_folder, write_card_page
from mlwiki.review.session import ShownCard
from mlwiki.scan.sync import open_synced

NOW = datetime(2026, 3, 2, 12, 0, tzinfo=timezone.utc)
MACROS = r"""\newcommand{\norm}[1]{\left\lVert #1 \right\rVert}
\newcommand{\E}{\mathbb{E}}
\renewcommand{\R}{\mathbb{R}}
\DeclareMathOperator*{\argmax}{arg\,max}
"""


def _cards(wiki, text: str, macros: bool = False) -> tuple[dict[str, ShownCard], object]:
    write(wiki, "notes/a.md", text)
    if macros:
        write(wiki, "_macros.tex", MACROS)
        (wiki / "mlwiki.toml").write_text('name = "T"\nmacros = "_macros.tex"\n[review]\ntimezone = "UTC"\n',
                                          encoding="utf-8")
    config = load_config(wiki)
    store, _ = open_synced(config, NOW, progress=False)
    with store:
        rows = store.query("SELECT * FROM cards ORDER BY line, grp")
    return {f"{row['line']}:{row['grp']}": ShownCard.from_row(row) for row in rows}, config


def _body(page: str) -> str:
    return page.split("<body>", 1)[1]


@pytest.mark.parametrize("env", ["aligned", "split", "cases", "pmatrix", "bmatrix", "matrix",
                                 "smallmatrix", "align*", "array}{cc"])
def test_environments_become_tables(env):
    end = env.split("}")[0]
    mathml = MathML().convert(f"\\begin{{{env}}} a & b \\\\ c & d \\end{{{end}}}", display=True)
    assert mathml.count("<mtr>") == 2 and "<mi>&amp;</mi>" not in mathml and "linebreak" not in mathml


def test_rows_at_the_top_level_of_display_math_are_rows():
    assert MathML().convert(r"\begin{gathered} a \\ b \end{gathered}", display=True).count("<mtr>") == 2
    assert MathML().convert(r"y = f(x) \\ y = x^2", display=True).count("<mtr>") == 2
    assert MathML().convert(r"a &= b \\ &= c", display=True).count("<mtd") == 4


def test_operators_and_limits():
    math = MathML()
    assert "<mi>arg</mi>" in math.convert(r"\arg\max_x f(x)", display=True)
    display, inline = math.convert(r"\max_x f", display=True), math.convert(r"\max_x f", display=False)
    assert "<munder>" in display and "<msub>" in inline  # under the operator in display, beside it inline
    assert "<munder>" in math.convert(r"\operatorname*{argmin}_\theta L", display=True)


def test_the_wikis_macros_apply(wiki):
    cards, config = _cards(wiki, "Q: What is $\\norm{x}$ for $x \\in \\R^n$?\nA: $\\sqrt{\\E[x^2]}$, "
                                 "$\\argmax_x f$\n", macros=True)
    page = _body(card_html(next(iter(cards.values())), read_macros(config)[0]))
    assert "merror" not in page and "\\" not in re.sub(r"<code.*?</code>", "", page)
    assert "ℝ" in page and "𝔼" in page and "‖" in page and re.search(r"<mi>arg\W?max</mi>", page)
    without = _body(card_html(next(iter(cards.values()))))
    assert "math-core-unknown-cmd" in without  # the same card without the macros file: \norm shows in red


def test_code_and_unconvertible_math_stay_text(wiki):
    cards, _ = _cards(wiki, "Q: How is math written?\nA: `\\(x\\)` in code, and $a & b$ here\n")
    page = _body(card_html(next(iter(cards.values()))))
    assert "<code>\\(x\\)</code>" in page
    assert '<code class="tex">a &amp; b</code>' in page  # `&` outside a table: the TeX is shown, escaped


def test_cloze_front_hides_back_highlights(wiki):
    cards, _ = _cards(wiki, "Softmax gives {{c1::probabilities}} as $p = \\cloze{\\frac{e^z}{Z}}$.\n")
    first, second = cards["1:1"], cards["1:2"]
    front, back = _body(card_html(first)).split('class="side back"')
    assert '<span class="cloze">[...]</span>' in front and "probabilities" not in front
    assert '<span class="cloze">probabilities</span>' in back and back.count('class="cloze"') == 1
    front, back = _body(card_html(second)).split('class="side back"')
    assert "probabilities" in front and '<mrow class="cloze">' in front  # [...] inside the formula
    assert re.search(r'<mrow class="cloze"><mfrac>', back)


def test_output_is_checked_before_it_goes_into_a_page():
    assert _safe('<math><mi>x</mi><mtext><span class="math-core-serif-font">y</span></mtext></math>')
    for bad in ('<math><script>alert(1)</script></math>', '<math><mi onclick="x()">x</mi></math>',
                '<math><mrow style="background:url(http://x)"></mrow></math>', '<math><a href="x">y</a></math>',
                '<math><mi>x</mi></math><img src=x>'):
        assert not _safe(bad), bad


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(list("\\{}^_&$<>\"'abx12 ") + ["\\frac", "\\text{", "\\begin{aligned}",
                                                                  "\\end{aligned}", "</math>", "\\\\"]),
                max_size=40).map("".join))
def test_any_tex_gives_safe_mathml_or_nothing(latex):
    mathml = MathML().convert(latex, display=True)
    assert mathml is None or (_safe(mathml) and mathml.startswith("<math") and "<script" not in mathml)
    assert "<script" not in MathML().html("<p>\\(" + latex.replace("<", "&lt;") + "\\)</p>")


def test_prepare_rewrites_only_what_math_core_lacks():
    assert prepare(r"\begin{split} a &= b \end{split}", True) == r"\begin{aligned} a &= b \end{aligned}"
    assert prepare(r"\substack{i \\ j}", False) == r"\begin{subarray}{c}i \\ j\end{subarray}"
    assert prepare(r"x \label{eq:1}", True) == "x "
    assert prepare(r"\frac{a}{b}", True) == r"\frac{a}{b}"


def test_pages_go_to_a_private_folder(wiki, monkeypatch, tmp_path):
    monkeypatch.setenv("TMPDIR", str(tmp_path))
    monkeypatch.delenv("XDG_RUNTIME_DIR", raising=False)
    monkeypatch.setenv("BROWSER", "true")  # a "browser" that opens nothing and succeeds
    import tempfile

    monkeypatch.setattr(tempfile, "tempdir", None)
    cards, config = _cards(wiki, "Q: $x$?\nA: $y$\n")
    path, opened = open_card_page(next(iter(cards.values())), config)
    folder = page_folder()
    assert path.parent == folder and folder.parent == tmp_path and opened
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700 and stat.S_IMODE(path.stat().st_mode) == 0o600
    assert "<math" in path.read_text(encoding="utf-8")


def test_a_folder_that_is_not_private_is_not_used(wiki, monkeypatch, tmp_path):
    import tempfile

    monkeypatch.setenv("XDG_RUNTIME_DIR", str(tmp_path))
    (tmp_path / "tmp").mkdir()
    monkeypatch.setenv("TMPDIR", str(tmp_path / "tmp"))  # the fallback folder stays in this test's tmp_path
    monkeypatch.setattr(tempfile, "tempdir", None)
    shared = tmp_path / f"mlwiki-{os.getuid()}-cards"
    shared.mkdir(mode=0o777)
    shared.chmod(0o777)  # someone made it world-writable
    cards, config = _cards(wiki, "Q: $x$?\nA: $y$\n")
    path = write_card_page(next(iter(cards.values())), config)
    assert path.parent != shared and stat.S_IMODE(path.parent.stat().st_mode) == 0o700
    assert path.parent.parent == tmp_path / "tmp" and not list(shared.iterdir())


def test_clozes_read_like_ankis():
    from mlwiki.review.card_page import _clozes

    nested = "<p>a {{c1::b {{c2::x::h}} y}} c</p>"
    assert _clozes(nested, 2, reveal=False) == '<p>a b <span class="cloze">[h]</span> y c</p>'
    assert _clozes(nested, 1, reveal=True) == '<p>a <span class="cloze">b x y</span> c</p>'
    assert _clozes("<p>a {{c1::b}} c {{c2::d e</p>", 1, reveal=True) == \
        '<p>a <span class="cloze">b</span> c {{c2::d e</p>'  # never closed: left as text


def test_the_page_shows_the_cards_images_from_inside_the_wiki_only(wiki, monkeypatch, tmp_path):
    import base64
    import json

    from mlwiki.commands.study import page_images

    monkeypatch.setenv("XDG_RUNTIME_DIR", str(tmp_path))
    png = b"\x89PNG\r\n\x1a\n" + bytes(16)
    (wiki / "assets").mkdir()
    (wiki / "assets" / "diagram.png").write_bytes(png)
    (tmp_path / "secret.png").write_bytes(png)
    cell = {"cell_type": "markdown", "metadata": {}, "source": ["Q: What does the loss curve look like?\n",
                                                                "A: ![curve](attachment:curve.png)\n"],
            "attachments": {"curve.png": {"image/png": base64.b64encode(png).decode()}}}
    write(wiki, "notes/nb.ipynb", json.dumps({"cells": [cell], "metadata": {}, "nbformat": 4, "nbformat_minor": 5}))
    cards, config = _cards(wiki, "Q: Which diagram?\nA: ![d](../assets/diagram.png) ![[diagram.png]] "
                                 f"![s]({tmp_path / 'secret.png'}) ![t](../../secret.png)\n")
    images = page_images(config)
    store, _ = open_synced(config, NOW, progress=False)
    with store:
        note, notebook = (ShownCard.from_row(store.query("SELECT * FROM cards WHERE path = ?", [path])[0])
                          for path in ("notes/a.md", "notes/nb.ipynb"))
    page = write_card_page(note, config, images).read_text(encoding="utf-8")
    diagram = (wiki / "assets" / "diagram.png").resolve().as_uri()
    assert page.count(f'src="{diagram}"') == 2  # the Markdown image and the Obsidian embed
    assert "secret" not in page and page.count("not shown") == 2
    page = write_card_page(notebook, config, images).read_text(encoding="utf-8")
    assert f'src="data:image/png;base64,{base64.b64encode(png).decode()}"' in page
