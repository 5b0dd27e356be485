"""Nothing on a card is ever cut: formulas break into aligned rows, the review screen fits its width (issue 28)."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from rich.cells import cell_len
from rich.console import Console

from mlwiki.config import load_config
from mlwiki.render.formula_rows import fit_formula, split_relations
from mlwiki.render.latex_text import latex_to_unicode
from mlwiki.review.queue import Filters
from mlwiki.review.session import ReviewSession, ShownCard
from mlwiki.review.tui import TerminalUI, terminal_text
from mlwiki.scan.sync import open_synced
from mlwiki.store import cards

REPO = Path(__file__).resolve().parents[1]
LOGIT = "log p(y=1|x)/(1-p(y=1|x)) = wᵀx + b  ⟺  p(y = 1 | x) = σ(wᵀx + b) = 1/(1+e^(-(wᵀx+b)))"


def visible(text: str) -> str:
    return "".join(text.split())


def test_relations_split_only_at_top_level():
    assert split_relations(LOGIT) == ["log p(y=1|x)/(1-p(y=1|x))", "= wᵀx + b", "⟺  p(y = 1 | x)", "= σ(wᵀx + b)",
                                      "= 1/(1+e^(-(wᵀx+b)))"]
    assert split_relations("f(x) = g(a = b)") == ["f(x)", "= g(a = b)"]


def test_a_long_formula_becomes_rows_aligned_on_its_first_relation():
    rows, folded = fit_formula(LOGIT, 60)
    assert rows == ["log p(y=1|x)/(1-p(y=1|x)) = wᵀx + b",
                    "                          ⟺  p(y = 1 | x) = σ(wᵀx + b)",
                    "                          = 1/(1+e^(-(wᵀx+b)))"]
    assert not folded
    assert fit_formula(LOGIT, 120) == ([LOGIT], False), "a formula that fits stays one line"


def test_a_long_right_side_wraps_before_plus_and_equations_get_rows_of_their_own():
    rows, folded = fit_formula("L = (a + b)² + (c - d)² + (e + f + g + h)² + (x - y)²", 30)
    assert rows == ["L = (a + b)² + (c - d)²", "    + (e + f + g + h)²", "    + (x - y)²"] and not folded
    rows, _ = fit_formula("PE(p, 2i) = sin(p/10000^(2i/d)),    PE(p, 2i+1) = cos(p/10000^(2i/d))", 40)
    assert rows == ["PE(p, 2i) = sin(p/10000^(2i/d)),", "PE(p, 2i+1) = cos(p/10000^(2i/d))"]


def test_a_run_without_break_points_is_folded_whole_and_flagged():
    rows, folded = fit_formula("x" * 50 + " = " + "y" * 50, 30)
    assert folded and all(cell_len(r) <= 30 for r in rows)
    assert visible("".join(rows)) == "x" * 50 + "=" + "y" * 50


def screens(width: int, ui: TerminalUI, card: ShownCard) -> list[str]:
    """The review screen's lines (front, then answer shown) for `card` at `width` columns."""
    ui.console = Console(width=width, height=200, record=True, file=open("/dev/null", "w"), color_system=None)
    ui.session.current = card
    for revealed in (False, True):
        body, footer = ui.frame(revealed)
        for part in body + footer:
            ui.console.print(part)
    return ui.console.export_text().splitlines()


@pytest.fixture(scope="module")
def bundled(tmp_path_factory):
    root = tmp_path_factory.mktemp("bundled")
    shutil.copytree(REPO / "notes", root / "notes")
    shutil.copy(REPO / "mlwiki.toml", root)
    config = load_config(root)
    from conftest import NOW

    store, _ = open_synced(config, NOW)
    yield store, ReviewSession(store, config, lambda: NOW, Filters())
    store.close()


@pytest.mark.parametrize("width", [60, 80, 120])
def test_every_bundled_card_fits_whole_on_the_review_screen(bundled, width):
    """Every side of every bundled card, as the review screen draws it: no line wider than the terminal, no `…`
    that the card does not hold itself, every character of it on screen, in order; and the header and keys fit."""
    store, session = bundled
    ui = TerminalUI(session)
    ui.help = True
    rows = store.query("SELECT * FROM cards WHERE retired = 0 ORDER BY path, ord")
    assert len(rows) > 100
    for row in rows:
        card = ShownCard.from_row(row)
        lines = screens(width, ui, card)
        where = f"{card.path}:{card.line} at {width} columns"
        assert max(cell_len(line.rstrip()) for line in lines) <= width, where
        shown = "".join(lines)
        back = terminal_text(card.back)
        assert shown.count("…") <= 2 * terminal_text(card.front).count("…") + back.count("…"), where  # front twice
        assert "press o" not in shown, f"{where}: a bundled formula had to be folded"
        on_screen = visible(shown.replace("│", ""))
        for formula in re.findall(r"\$\$(.+?)\$\$", card.back, re.S):
            assert visible(latex_to_unicode(formula)) in on_screen, f"{where}: part of a formula is missing"
        assert lines[0].startswith("[1] learn") and f":{card.line}" in lines[0], where


def test_cards_store_lists_every_bundled_form(bundled):
    store, _ = bundled
    assert {r["kind"] for r in cards.list_cards(store)} >= {"basic", "cloze", "formula", "definition"}


def test_a_table_cell_folds_a_long_word_instead_of_cutting_it():
    from mlwiki.render.terminal import card_markdown

    console = Console(width=30, record=True, file=open("/dev/null", "w"), color_system=None)
    console.print(card_markdown("| optimizer | rule |\n|---|---|\n| Adam | m/sqrt(v)+eps_supercalifragilistic |\n"))
    text = console.export_text()
    assert "…" not in text and "supercalifragilistic" in visible(text.replace("\n", ""))
