"""`mlwiki serve` in headless Chromium, used as a person uses it: keys and taps, at 1280 and 400 px, light and dark,
the database checked after every step. The page is checked with tests/check_page.js (nothing sticks out of its
panel, no raw TeX, no sideways scrolling) and loads nothing from another host.

Skipped, with the reason, only when no Chromium is installed (`.ci/run` installs Debian's)."""

from __future__ import annotations

import time
from contextlib import contextmanager

import pytest

from browser import CHECK_JS, WIDE, shown_versions_js
from serving import Server, bundled_wiki, card_flags, last_review, review_count, scanned
from test_pages_browser import browser  # noqa: F401 - the module's one headless Chromium (skips without one)

pytestmark = pytest.mark.slow

KEYS = {" ": ("Space", 32), "Enter": ("Enter", 13), "u": ("KeyU", 85), "s": ("KeyS", 83), "b": ("KeyB", 66),
        "x": ("KeyX", 88),
        "?": ("Slash", 191), **{str(n): (f"Digit{n}", 48 + n) for n in range(1, 5)}}
RATINGS = [3, 3, 1, 4, 2, 3, 3, 3, 1, 3, 4, 3, 2, 3, 3, 1, 3, 3, 4, 3]


@contextmanager
def opened(browser, tmp_path, path: str = "/", width: int = 1280, dark: bool = False, args: tuple = (),
           ready: str = "renders"):
    """A copy of the bundled notes, `mlwiki serve` on it, and a tab showing `path` once it has drawn its data."""
    root = scanned(bundled_wiki(tmp_path / "wiki"))
    with Server(root, *args) as server:
        page = browser.page(server.base + path, width=width, dark=dark)
        wait(page, f"window.mlwiki && window.mlwiki.{ready} > 0")
        try:
            yield root, server, page
        finally:
            page.close()


def press(page, key: str) -> None:
    code, vk = KEYS[key]
    text = "\r" if key == "Enter" else key
    page.send("Input.dispatchKeyEvent", {"type": "keyDown", "key": key, "code": code, "windowsVirtualKeyCode": vk,
                                         "text": text, "modifiers": 8 if key == "?" else 0})
    page.send("Input.dispatchKeyEvent", {"type": "keyUp", "key": key, "code": code, "windowsVirtualKeyCode": vk})


def tap(page, selector: str) -> None:
    """A real mouse press and release in the middle of the element (a tap on a phone)."""
    box = page.evaluate(f"(() => {{ const r = document.querySelector({selector!r}).getBoundingClientRect(); "
                        "return [r.x + r.width / 2, r.y + r.height / 2]; })()")
    for kind in ("mousePressed", "mouseReleased"):
        page.send("Input.dispatchMouseEvent", {"type": kind, "x": box[0], "y": box[1], "button": "left",
                                               "clickCount": 1})


def wait(page, expression: str, timeout: float = 10.0):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = page.evaluate(expression)
        if value:
            return value
        time.sleep(0.01)
    raise TimeoutError(expression)


def renders(page) -> int:
    return page.evaluate("window.mlwiki ? window.mlwiki.renders : 0")


def after(page, action) -> None:
    """Do `action`, then wait until the page has drawn the server's answer."""
    before = renders(page)
    action()
    wait(page, f"window.mlwiki.renders > {before}")


def layout_problems(page) -> dict:
    result = page.evaluate(CHECK_JS)
    found = {key: result[key] for key in ("overflow", "amp", "raw") if result[key]}
    if result["scrollWidth"] > result["width"]:
        found["page scrolls sideways"] = result["scrollWidth"]
    return found


def foreign_loads(page, base: str) -> list[str]:
    return page.evaluate(f"performance.getEntriesByType('resource').map(e => e.name)"
                         f".filter(u => !u.startsWith({base!r}))")


@pytest.mark.parametrize("width, dark", [(1280, False), (400, True), (1280, True), (400, False)],
                         ids=["1280-light", "400-dark", "1280-dark", "400-light"])
def test_twenty_cards_by_keyboard_then_undo_suspend_bury(browser, tmp_path, width, dark):
    with opened(browser, tmp_path, width=width, dark=dark) as (root, server, page):
        background = page.evaluate("getComputedStyle(document.body).backgroundColor")
        assert background == ("rgb(13, 17, 23)" if dark else "rgb(255, 255, 255)")  # follows the system
        bad = {}
        for n, rating in enumerate(RATINGS, start=1):
            card = page.evaluate("window.mlwiki.card")
            assert page.evaluate("document.body.dataset.side") == "front"
            assert page.evaluate("document.getElementById('back').checkVisibility()") is False
            press(page, " " if n % 2 else "Enter")
            assert page.evaluate("document.body.dataset.side") == "back"
            assert page.evaluate("document.getElementById('back').checkVisibility()") is True
            if problems := layout_problems(page):
                bad[page.evaluate("document.getElementById('meta').textContent")] = problems
            if n == 1:
                page.screenshot(tmp_path / f"review-{width}-{'dark' if dark else 'light'}.png")
            after(page, lambda: press(page, str(rating)))
            assert review_count(root) == n and last_review(root) == {"card_id": card, "rating": rating}
            assert page.evaluate("window.mlwiki.card") != card
        assert not bad
        # u: the last answer is taken back, its card is on screen again, front first
        answered = last_review(root)["card_id"]
        after(page, lambda: press(page, "u"))
        assert review_count(root) == 19 and page.evaluate("window.mlwiki.card") == answered
        assert page.evaluate("document.body.dataset.side") == "front"
        # s: suspended in the database, the next card shown; b: buried until tomorrow
        after(page, lambda: press(page, "s"))
        assert card_flags(root, answered)["suspended"] == 1 and page.evaluate("window.mlwiki.card") != answered
        buried = page.evaluate("window.mlwiki.card")
        after(page, lambda: press(page, "b"))
        assert card_flags(root, buried)["buried_until"] and page.evaluate("window.mlwiki.card") != buried
        after(page, lambda: press(page, "u"))
        assert not card_flags(root, buried)["buried_until"] and page.evaluate("window.mlwiki.card") == buried
        # x: not a card — dropped in the database, the next card shown; u takes it back
        after(page, lambda: press(page, "x"))
        assert card_flags(root, buried)["dropped"] == 1 and page.evaluate("window.mlwiki.card") != buried
        assert "Not a card, dropped" in page.evaluate("document.getElementById('message').textContent")
        after(page, lambda: press(page, "u"))
        assert card_flags(root, buried)["dropped"] == 0 and page.evaluate("window.mlwiki.card") == buried
        # ?: the keys, and ? again closes them
        press(page, "?")
        assert page.evaluate("document.getElementById('help').open") is True
        press(page, "?")
        assert page.evaluate("document.getElementById('help').open") is False
        assert foreign_loads(page, server.base) == []


def test_touch_buttons_on_a_phone(browser, tmp_path):
    with opened(browser, tmp_path, width=400) as (root, server, page):
        card = page.evaluate("window.mlwiki.card")
        tap(page, "#reveal")
        assert page.evaluate("document.body.dataset.side") == "back"
        labels = page.evaluate("[...document.querySelectorAll('#ratings button')].map(b => b.innerText)")
        assert [label.split()[0] for label in labels] == ["Again", "Hard", "Good", "Easy"]
        after(page, lambda: tap(page, "#ratings button[data-rating='4']"))
        assert last_review(root) == {"card_id": card, "rating": 4}
        after(page, lambda: tap(page, "[data-act='undo']"))
        assert review_count(root) == 0
        assert page.evaluate("document.getElementById('counts').innerText") == "0 learning · 0 review · 20 new"


def test_math_is_typeset_with_the_wikis_macros(browser, tmp_path):
    with opened(browser, tmp_path, args=("--path", "notes/layouts.md")) as (_, _, page):
        press(page, " ")
        assert page.evaluate("document.querySelectorAll('#back math').length") > 0
        assert layout_problems(page) == {}


def test_the_card_browser_filters_opens_and_suspends(browser, tmp_path):
    with opened(browser, tmp_path, "/cards", width=400, dark=True, ready="lists") as (root, server, page):
        everything = page.evaluate("document.querySelectorAll('tr.row').length")
        decks = page.evaluate("[...document.querySelectorAll('#decks option')].map(o => o.value)")
        assert "ML::optimization" in decks and decks == sorted(decks)
        page.evaluate("document.querySelector('input[name=q]').focus()")
        before = page.evaluate("window.mlwiki.lists")
        page.send("Input.insertText", {"text": "adam"})
        wait(page, f"window.mlwiki.lists > {before}")
        rows = page.evaluate("[...document.querySelectorAll('tr.row')].map(r => r.dataset.card)")
        assert 0 < len(rows) < everything
        assert page.evaluate("document.querySelector('tr.row .c-front').innerText.toLowerCase()").count("adam")
        tap(page, "tr.row:has(.c-front math) .c-front")  # (a formula card: the note's section card comes first)
        wait(page, "!!document.querySelector('tr.open')")
        assert page.evaluate("document.querySelectorAll('tr.open math').length") > 0
        assert page.evaluate("document.querySelector('tr.open').innerText").count("Never reviewed")
        tap(page, "tr.row .c-flag button")
        wait(page, "document.querySelector('tr.row .c-state').innerText === 'suspended'")
        assert card_flags(root, rows[0])["suspended"] == 1
        tap(page, "tr.row .c-flag button")
        wait(page, "document.querySelector('tr.row .c-state').innerText === 'new'")
        assert card_flags(root, rows[0])["suspended"] == 0
        tap(page, "tr.row .c-flag button[data-action=drop]")
        wait(page, "document.querySelector('tr.row .c-state').innerText === 'dropped'")
        assert card_flags(root, rows[0])["dropped"] == 1
        tap(page, "tr.row .c-flag button[data-action=undrop]")
        wait(page, "document.querySelector('tr.row .c-state').innerText === 'new'")
        assert card_flags(root, rows[0]) == {"suspended": 0, "buried_until": None, "reps": 0, "dropped": 0}
        assert layout_problems(page) == {} and foreign_loads(page, server.base) == []


def test_the_stats_page_is_served_with_the_apps_navigation(browser, tmp_path):
    root = scanned(bundled_wiki(tmp_path / "wiki"))
    with Server(root) as server:
        server.act("answer", 3)
        page = browser.page(server.base + "/stats", width=400, dark=True)
        assert page.evaluate("document.querySelector('nav.top a[aria-current]').textContent") == "Stats"
        assert layout_problems(page) == {} and foreign_loads(page, server.base) == []
        page.close()


SHOWN = shown_versions_js("#back")


@pytest.mark.parametrize("width, rows", [(1280, 1), (400, 3)])
def test_a_wide_formula_shows_as_the_widest_rows_that_fit(browser, tmp_path, width, rows):
    root = tmp_path / "wiki"
    (root / "notes").mkdir(parents=True)
    (root / "mlwiki.toml").write_text('name = "T"\n[review]\ntimezone = "UTC"\n')
    (root / "notes" / "vi.md").write_text(WIDE)
    with Server(scanned(root)) as server:
        page = browser.page(server.base + "/", width=width)
        wait(page, "window.mlwiki && window.mlwiki.renders > 0")
        press(page, " ")
        wait(page, "document.body.dataset.side === 'back'")
        # one version shown and it fits: at 1280 px the relation rows, at 400 px rows also broken before + and -
        assert page.evaluate(SHOWN) == [{"fits": True, "shown": [rows]}]
        assert page.evaluate("document.querySelectorAll('#back .math-block mtr').length") > 1
        assert layout_problems(page) == {}
        page.close()
