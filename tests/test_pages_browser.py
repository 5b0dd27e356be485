"""The card page (`o` in review) and the stats page in a real browser: headless Chromium lays them out at 1280 and
400 px, light and dark, and tests/check_page.js measures the result (see tests/browser.py).

The pages come from real data (tests/pages.py): the bundled notes plus a note of layouts and a macros file,
reviewed for 60 simulated days. Skipped, with the reason, only when no Chromium is installed (`.ci/run` installs
Debian's `chromium` when it is missing).
"""

from __future__ import annotations

import re
from dataclasses import replace

import pytest

from browser import CHECK_JS, WIDE, Browser, find_chromium, shown_versions_js
from pages import END, make_world, page_of_each_card
from mlwiki.stats.compute import Ratio, Retention

pytestmark = pytest.mark.slow

WIDTHS = (1280, 400)


@pytest.fixture(scope="module")
def browser():
    binary = find_chromium()
    if binary is None:
        pytest.skip("no Chromium on PATH (install Debian's: apt-get install chromium; .ci/run does)")
    with Browser(binary) as chromium:
        yield chromium


@pytest.fixture(scope="module")
def world(tmp_path_factory):
    return make_world(tmp_path_factory.mktemp("pages"))


def _problems(result: dict) -> dict:
    """What the check found wrong; {} for a clean page."""
    found = {key: result[key] for key in ("overflow", "small", "overlap", "amp", "raw") if result[key]}
    if result["scrollWidth"] > result["width"]:
        found["page scrolls sideways"] = result["scrollWidth"]
    return found


def _math_cards(world) -> list[str]:
    return [cid for cid, card in world.cards.items()
            if "$" in card.front + card.back + card.text or "\\(" in card.front + card.back]


def _card(world, path_part: str, kind: str | None = None, text: str = ""):
    return next(cid for cid, c in world.cards.items() if path_part in c.path and (kind is None or c.kind == kind)
                and text in c.front + c.back)


# --- the card page ----------------------------------------------------------------------------------------


def test_every_math_card_page_lays_out_at_400_and_1280_px(browser, world):
    cards = _math_cards(world)
    assert len(cards) > 60  # the bundled notes have plenty of math
    tab = browser.page("about:blank", width=400)
    bad = {}
    for width in WIDTHS:
        tab.send("Emulation.setDeviceMetricsOverride",
                 {"width": width, "height": 800, "deviceScaleFactor": 1, "mobile": False})
        for cid in cards:
            tab.load(world.card_pages[cid].as_uri())
            result = tab.evaluate(CHECK_JS)
            if problems := _problems(result):
                bad[f"{world.cards[cid].path}:{world.cards[cid].line} at {width}"] = problems
            for table in result["tables"]:  # every math table: rows under each other, cells side by side
                assert table["rows"] == sorted(table["rows"]) and len(set(table["rows"])) == len(table["rows"])
                assert all(row == sorted(row) and len(set(row)) == len(row) for row in table["cells"]), table
    tab.close()
    assert not bad


@pytest.mark.parametrize("note, rows", [("optimization/adam.qmd", 4), ("optimization/sgd-momentum.md", 2),
                                        ("transformers/attention.qmd", 2)])
def test_aligned_formulas_are_rows_with_their_equals_signs_lined_up(browser, world, note, rows):
    page = browser.page(world.card_pages[_card(world, note, "formula", "aligned")].as_uri())
    tables = page.evaluate(CHECK_JS)["tables"]
    assert len(tables) == 1 and len(tables[0]["rows"]) == rows
    # column 2 (from the `=` on) starts at the same x in every row
    assert len({round(cells[1]) for cells in tables[0]["cells"]}) == 1
    page.close()


LAYOUT_JS = """(() => {
  const box = (e) => e.getBoundingClientRect();
  const text = (sel) => [...document.querySelectorAll(sel)].map(e => e.textContent.trim());
  const unders = [...document.querySelectorAll('math[display=block] munder')].map(m => {
    const [base, under] = [...m.children].map(box); return {base: base.bottom, under: under.top}; });
  const paren = [...document.querySelectorAll('mo')].find(m => m.textContent === '(' &&
                                                          m.parentElement.querySelector('mfrac'));
  const letter = document.querySelector('.back mi');
  const cloze = document.querySelector('.cloze');
  return {mi: text('mi'), merror: text('merror'), unders, code: text('code'),
          paren: paren ? box(paren).height : 0, letter: letter ? box(letter).height : 0,
          cloze: cloze ? [cloze.tagName.toLowerCase(), cloze.textContent.trim(), getComputedStyle(cloze).backgroundColor,
                          getComputedStyle(cloze.closest('section')).backgroundColor] : null};
})()"""


def test_macros_operators_and_limits(browser, world):
    page = browser.page(world.card_pages[_card(world, "layouts.md", text="norm of a vector")].as_uri())
    found = page.evaluate(LAYOUT_JS)
    assert not found["merror"]  # \norm, \E (macros file), \R (redefined there), \argmax (DeclareMathOperator*)
    assert "ℝ" in "".join(found["mi"]) and "𝔼" in "".join(found["mi"]) and "arg" in found["mi"]
    assert not any("\\" in text for text in found["mi"])
    page.load(world.card_pages[_card(world, "layouts.md", text="ridge regression")].as_uri())
    found = page.evaluate(LAYOUT_JS)
    assert len(found["unders"]) == 2  # \operatorname*{arg\,min}_w and \max_{x \in \R}: limits under, in display
    assert all(u["under"] >= u["base"] - 1 for u in found["unders"])
    page.close()


def test_delimiters_stretch_around_a_fraction(browser, world):
    page = browser.page(world.card_pages[_card(world, "layouts.md", text="rotation")].as_uri())
    found = page.evaluate(LAYOUT_JS)
    assert found["paren"] > 1.6 * found["letter"]  # a math font with a MATH table is in use
    page.close()


def test_accents_sit_on_their_letter(browser, world):
    page = browser.page(world.card_pages[_card(world, "optimization/adam.qmd", "formula", "aligned")].as_uri())
    accents = page.evaluate("""[...document.querySelectorAll('mover[accent=true]')].map(m => {
      const [base, accent] = [...m.children].map(e => e.getBoundingClientRect());
      return [base.left + base.width / 2, accent.left + accent.width / 2, base.width, accent.bottom, base.bottom];
    })""")
    assert len(accents) >= 4  # \hat m_t, \hat v_t twice each
    for base_x, accent_x, width, accent_bottom, base_bottom in accents:
        assert abs(base_x - accent_x) <= width / 3 + 1 and accent_bottom < base_bottom
    page.close()


def test_code_stays_code(browser, world):
    page = browser.page(world.card_pages[_card(world, "layouts.md", text="MathJax delimit")].as_uri())
    assert "\\(x\\)" in page.evaluate(LAYOUT_JS)["code"]
    page.close()


@pytest.mark.parametrize("dark", [False, True])
def test_revealed_cloze_is_highlighted(browser, world, dark):
    prose = _card(world, "layouts.md", "cloze")
    group = {c.group: cid for cid, c in world.cards.items() if c.note_id == world.cards[prose].note_id}
    page = browser.page(world.card_pages[group[1]].as_uri(), dark=dark)
    page.evaluate("document.querySelector('.front').remove()")
    tag, text, background, panel = page.evaluate(LAYOUT_JS)["cloze"]
    assert (tag, text) == ("span", "probabilities") and background != panel
    page.load(world.card_pages[group[2]].as_uri())  # a cloze inside math: highlighted inside the MathML
    assert page.evaluate("document.querySelector('.front .cloze').textContent") in ("[…]", "[...]")
    page.evaluate("document.querySelector('.front').remove()")
    tag, text, background, panel = page.evaluate(LAYOUT_JS)["cloze"]
    assert tag == "mrow" and background != panel and "∑" in text
    page.close()


# --- the stats page ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("dark", [False, True])
def test_stats_page_has_no_layout_defects(browser, world, width, dark):
    page = browser.page(world.stats_page.as_uri(), width=width, dark=dark)
    result = page.evaluate(CHECK_JS)
    assert result["panels"] > 10
    assert _problems(result) == {}
    # empty calendar days stand out from the panel, in both schemes
    contrast = page.evaluate("""(() => {
      const lum = (c) => { const [r, g, b] = c.match(/[0-9.]+/g).slice(0, 3).map(v => v / 255)
        .map(v => v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4); return 0.2126 * r + 0.7152 * g + 0.0722 * b; };
      const cell = document.querySelector('.heat i.h0'), panel = cell.closest('section');
      const [a, b] = [lum(getComputedStyle(cell).backgroundColor), lum(getComputedStyle(panel).backgroundColor)];
      return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05); })()""")
    assert contrast >= 1.15
    page.close()


def test_low_retention_bars_are_visible(browser, world, tmp_path):
    from mlwiki.config import load_config
    from mlwiki.scan.sync import open_synced
    from mlwiki.stats.compute import compute_stats
    from mlwiki.stats.html import render_html

    config = load_config(world.root)
    store, _ = open_synced(config, END, progress=False)
    with store:
        stats = compute_stats(store, config, END)
    stats = replace(stats, retention={**stats.retention, "7d": Retention(7, Ratio(2, 5), Ratio(1, 4))})
    target = tmp_path / "low.html"
    target.write_text(render_html(stats), encoding="utf-8")
    page = browser.page(target.as_uri())
    heights = page.evaluate("""Object.fromEntries([...document.querySelectorAll('rect')]
      .filter(r => /^last 7d/.test(r.textContent)).map(r => [r.textContent, r.getBoundingClientRect().height]))""")
    plot = page.evaluate("document.querySelector('.plot').getBoundingClientRect().height")
    young = next(h for tip, h in heights.items() if "young: 40.0%" in tip)
    mature = next(h for tip, h in heights.items() if "mature: 25.0%" in tip)
    assert young == pytest.approx(0.40 * plot, abs=2) and mature == pytest.approx(0.25 * plot, abs=2)
    page.close()


def test_stats_charts_name_their_units_and_counts_are_singular(world):
    page = world.stats_page.read_text(encoding="utf-8")
    captions = re.findall(r"<figcaption>(.*?)</figcaption>", page)
    assert len(captions) == 6 and all(re.search(r"\((%|days|days from today)\)|per day|%", c) for c in captions)
    assert not re.search(r"(?<![\d,.])1 (cards|reviews|days|notes)\b", page)
    assert "$" not in re.sub(r"<script.*?</script>", "", page, flags=re.S)  # fronts show their math typeset


SHOWN = shown_versions_js(".back")


@pytest.mark.parametrize("width, rows", [(1280, 1), (400, 3)])
def test_the_card_page_shows_a_wide_formula_as_the_widest_rows_that_fit(browser, tmp_path, width, rows):
    (tmp_path / "notes").mkdir()
    (tmp_path / "mlwiki.toml").write_text('name = "T"\n[review]\ntimezone = "UTC"\n')
    (tmp_path / "notes" / "vi.md").write_text(WIDE)
    page_path = next(path for path in page_of_each_card(tmp_path).values()
                     if "How does the log evidence split?" in path.read_text(encoding="utf-8"))
    page = browser.page(page_path.as_uri(), width=width)
    # one version shown, as in `mlwiki serve`: at 1280 px the relation rows, which fit; at 400 px the finest rows
    # (the page's panels leave less room than serve's: their widest row scrolls by a few pixels)
    (shown,) = page.evaluate(SHOWN)
    assert shown["shown"] == [rows] and (shown["fits"] or rows == 3)
    assert _problems(page.evaluate(CHECK_JS)) == {}
    page.close()
