"""No script in any output (issue 24.6): TeX that MathJax 3 turns into links, classes, styles, ids, data
attributes or extension loads is removed or made inert in the deck's fields, the card page and the stats page;
an http(s) `\\href` stays.

The browser test typesets the exported fields with the MathJax configuration Anki uses (its ts/mathjax config:
TeX input with \\(…\\) and \\[…\\], autoloaded extensions, no menu; its `noerrors` and `mhchem` extras do not
matter here) in headless Chromium. It needs MathJax 3's `es5` folder (the npm package
`mathjax@3`): set MATHJAX3_ES5 to it, else it is skipped."""

from __future__ import annotations

import html
import json
import os
import sqlite3
import zipfile
from pathlib import Path

import pytest

from conftest import run, write
from mlwiki.render.html import markdown_to_html
from mlwiki.render.texsafe import neutralize_tex

HOSTILE = {
    "href": r"$\href{javascript:alert(1)}{click}$",
    "href-spaced": r"$\href {  JavaScript:alert(1)}{click}$",
    "href-data": r"$\href{data:text/html,<script>alert(1)</script>}{x}$",
    "style": r"$\style{background:url(javascript:alert(1))}{x}$",
    "class": r"$\class{mlwiki-evil}{x}$",
    "cssId": r"$\cssId{evil-id}{x}$",
    "data": r"$\data{onclick=alert(1)}{x}$",
    "require": r"$\require{html} \require{action} x$",
    "unicode": r"$\unicode[Comic Sans MS]{x41}$",
    "let": r"$\let\h\href \h{javascript:alert(1)}{x}$",
    "newcommand": r"$\newcommand{\go}[1]{\href{javascript:#1}{go}} \go{alert(1)}$",
    "nested": r"$\href{https://ok.org}{\href{javascript:alert(1)}{x}}$",
    "prose": r"\\(\href{javascript:alert(1)}{x}\\)",
    "cloze": r"{{c1::$\href{javascript:alert(1)}{x}$}}",
    "display": "$$\n\\class{evil}{x}\n$$",
}
SCRIPTY = ("javascript", "\\class", "\\style", "\\cssId", "\\data", "\\require", "\\unicode[", "data:text")


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_script_capable_tex_is_neutralized(name):
    html = markdown_to_html(HOSTILE[name])
    assert not any(word in html for word in SCRIPTY[1:]), html
    assert all(link.startswith("https://") for link in live_links(html)), html
    assert "javascript" not in html.lower() or "unsafehref" in html  # only as text after a disarmed command


def test_http_links_and_ordinary_tex_stay():
    assert neutralize_tex(r"\href{https://arxiv.org/abs/1412.6980}{Adam}") == \
        r"\href{https://arxiv.org/abs/1412.6980}{Adam}"
    for tex in (r"\frac{a}{b}", r"\mathbb{R}^{n}", r"\text{data}", r"\operatorname{class}(x)", r"\unicode{x41}",
                r"\styleA", r"\hrefx"):
        assert neutralize_tex(tex) == tex


def test_the_exported_deck_carries_no_script_capable_tex(wiki, tmp_path):
    write(wiki, "notes/evil.md", "".join(f"Q: {name} {tex}?\nA: {tex}\n\n" for name, tex in HOSTILE.items()
                                         if "{{" not in tex and "\n" not in tex))
    (wiki / "mlwiki.toml").write_text('name = "T"\nmacros = "m.tex"\n[review]\ntimezone = "UTC"\n')
    (wiki / "m.tex").write_text("\\newcommand{\\evil}{\\href{javascript:alert(1)}{x}}\n")
    result = run(wiki, "export", "-o", str(tmp_path / "decks"), "--json", ok=True)
    package = json.loads(result.stdout)["files"][0]["path"]
    with zipfile.ZipFile(package) as archive:
        (tmp_path / "col.anki2").write_bytes(archive.read("collection.anki2"))
    conn = sqlite3.connect(tmp_path / "col.anki2")
    fields = " ".join(r[0] for r in conn.execute("SELECT flds FROM notes"))
    templates = " ".join(r[0] for r in conn.execute("SELECT models FROM col"))
    conn.close()
    assert "click" in fields and live_links(fields) == ["https://ok.org"] * 2
    assert not any(word in fields for word in SCRIPTY[1:])
    assert "javascript" not in templates.lower()  # the macros file's \\href is gone too


def live_links(text: str) -> list[str]:
    """The targets of every \\href left in `text`."""
    import re

    return re.findall(r"\\href\s*\{([^}]*)\}", text)


# MathJax 3 as Anki ships it: $MATHJAX3_ES5, else where .ci/run unpacks the npm package `mathjax@3.2.2`
MATHJAX = os.environ.get("MATHJAX3_ES5") or next(
    (str(p) for p in [Path.home() / ".cache" / "mlwiki-ci" / "mathjax-3.2.2" / "package" / "es5"]
     if (p / "tex-chtml.js").is_file()), None)
ANKI_CONFIG = """
window.MathJax = {
  tex: {displayMath: [["\\\\[", "\\\\]"]], processRefs: false, processEnvironments: false, processEscapes: false},
  startup: {typeset: true},
  options: {renderActions: {addMenu: []}},
};
"""
PROBE = """(async () => {
  const wait = ms => new Promise(r => setTimeout(r, ms));
  await Promise.race([MathJax.startup.promise, wait(15000)]);
  await wait(1500);  // extensions MathJax loads on demand (html, action) typeset again once loaded
  const links = [...document.querySelectorAll('[href]')].map(e => e.getAttribute('href'));
  const styled = [...document.querySelectorAll('mjx-container [style*="url"], mjx-container [style*="background"]')];
  return {links, styled: styled.length, classes: document.querySelectorAll('.mlwiki-evil, .evil').length,
          ids: document.querySelectorAll('#evil-id').length, data: document.querySelectorAll('[data-onclick]').length,
          typeset: document.querySelectorAll('mjx-container').length};
})()"""


@pytest.mark.slow
@pytest.mark.skipif(not MATHJAX, reason="set MATHJAX3_ES5 to MathJax 3's es5 folder (npm package mathjax@3)")
def test_mathjax_in_chromium_makes_no_link_class_style_or_id_of_the_fields(tmp_path):
    from browser import Browser, find_chromium

    if not find_chromium():
        pytest.skip("no Chromium")
    fields = "\n".join(f"<div>{markdown_to_html(tex)}</div>" for tex in HOSTILE.values())
    raw = "\n".join(f"<div>\\({html.escape(tex.strip('$'))}\\)</div>" for tex in HOSTILE.values()
                    if tex.startswith("$"))

    def page(body: str, name: str) -> str:
        path = tmp_path / name
        path.write_text(f"<!doctype html><html><head><meta charset=utf-8><script>{ANKI_CONFIG}</script>"
                        f"<script src='{Path(MATHJAX, 'tex-chtml.js').as_uri()}'></script></head>"
                        f"<body>{body}</body></html>", encoding="utf-8")
        return path.as_uri()

    with Browser(timeout=30) as chromium:
        tab = chromium.page("about:blank")
        tab.load(page(raw, "raw.html"))  # the control: the same TeX unneutralized does carry script
        before = tab.evaluate(PROBE)
        tab.load(page(fields, "fields.html"))
        after = tab.evaluate(PROBE)
    assert any(link.lower().startswith("javascript") for link in before["links"]) and before["classes"] >= 1
    assert after["typeset"] >= len(HOSTILE) - 1
    assert [link for link in after["links"] if not link.startswith("https://")] == []
    assert (after["styled"], after["classes"], after["ids"], after["data"]) == (0, 0, 0, 0)
