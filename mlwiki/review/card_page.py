"""`o` in review: the current card as one self-contained HTML page (no network, no script), math as MathML Core.

The page renders what the Anki export renders: the same Markdown and sanitizer (`render.html`), the same
macros file (`macros` in mlwiki.toml, or a Quarto project's), and for cloze cards the Anki cloze text with this
card's group shown as `[...]` on the front and highlighted on the back, as Anki's cloze template does.
Pages go to a private folder of the user (mode 0700) in the temporary folder, never a shared fixed path.
"""

from __future__ import annotations

import html
import os
import re
import tempfile
import time
import webbrowser
from pathlib import Path
from typing import Callable

from mlwiki.render.html import markdown_to_html
from mlwiki.render.macros import read_macros
from mlwiki.render.mathml import MATH_CSS, MathML, fit_script, math_spans
from mlwiki.textsafe import front_markdown

PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title}</title>
<style>
:root {{ color-scheme: light dark; --fg: #1f2328; --muted: #656d76; --bg: #fff; --line: #d0d7de; --panel: #f6f8fa;
  --mark: #fff3b0; --mark-fg: #6b4400; }}
@media (prefers-color-scheme: dark) {{ :root {{ --fg: #e6edf3; --muted: #8d96a0; --bg: #0d1117; --line: #30363d;
  --panel: #161b22; --mark: #4d3800; --mark-fg: #ffd86b; }} }}
* {{ box-sizing: border-box; }}
body {{ font: 18px/1.55 system-ui, -apple-system, "Segoe UI", sans-serif; color: var(--fg); background: var(--bg);
  max-width: 46rem; margin: 0 auto; padding: 1.5rem 1rem; overflow-wrap: break-word; }}
.meta {{ color: var(--muted); font-size: 14px; margin: 0 0 0.5rem; }}
.side {{ background: var(--panel); border: 1px solid var(--line); border-radius: 8px; padding: 0.75rem 1.25rem;
  margin: 1rem 0; }}
@media (max-width: 480px) {{ body {{ padding: 1rem 0.5rem; }} .side {{ padding: 0.6rem 0.75rem; }} }}
.side h2 {{ font-size: 13px; font-weight: 600; text-transform: uppercase; letter-spacing: 0.06em;
  color: var(--muted); margin: 0 0 0.25rem; }}
.cloze {{ background: var(--mark); color: var(--mark-fg); border-radius: 3px; padding: 0 0.15em;
  font-weight: 600; }}
math .cloze {{ padding: 0; }}
pre {{ background: #8882; padding: 0.75rem; overflow-x: auto; }}
code {{ font-size: 0.9em; }}
img {{ max-width: 100%; height: auto; }}
table {{ border-collapse: collapse; display: block; overflow-x: auto; }}
th, td {{ border: 1px solid var(--line); padding: 0.2rem 0.5rem; }}
{math_css}
</style></head><body>
<p class="meta">{meta}</p>
<section class="side front"><h2>Front</h2>{front}</section>
<section class="side back"><h2>Back</h2>{back}</section>
<script>{fit}
window.mlwikiFit(document);</script>
</body></html>
"""

_CLOZE_TOKEN = re.compile(r"\{\{c(\d+)::|\}\}")


def card_sides(card, macros: str = "", fix: Callable[[str], str] = str, rows: bool = False) -> tuple[str, str]:
    """(front, back) of one card as HTML: sanitized Markdown, clozes as Anki shows them, math as MathML.
    `fix` may rewrite the sanitized HTML before the math is typeset (`mlwiki serve` points images at itself);
    `rows` adds each wide display formula's row versions for a page with a script to choose (`MathML`)."""
    math = MathML(macros, rows=rows)
    if card.kind == "cloze" and getattr(card, "text", "") and getattr(card, "group", 0):
        source = fix(markdown_to_html(card.text))
        return (math.html(_clozes(source, card.group, reveal=False)),
                math.html(_clozes(source, card.group, reveal=True)))
    return math.html(fix(markdown_to_html(front_markdown(card.front)))), math.html(fix(markdown_to_html(card.back)))


def card_html(card, macros: str = "", fix: Callable[[str], str] = str) -> str:
    """The page for one card: sanitized Markdown with its math as MathML (`macros`: `\\newcommand` lines; `fix`
    as for `card_sides`)."""
    front, back = card_sides(card, macros, fix, rows=True)
    meta = html.escape(f"{card.deck} · {card.path}:{card.line} · {card.kind}")
    return PAGE.format(title=html.escape(card.id), meta=meta, front=front, back=back, math_css=MATH_CSS,
                       fit=fit_script())  # (mlwiki's own script: a wide formula shows as the rows that fit)


def _clozes(field: str, group: int, reveal: bool) -> str:
    """A cloze field (sanitized HTML) as Anki shows one card of it: the other groups as plain text, `group` as
    `[...]`/`[hint]` (front) or its text (back), marked with class `cloze` (in math: a colour the converter
    turns into that class). A cloze ends at the first `}}` and its hint starts at the first `::`, as in Anki."""
    math = math_spans(field)
    out: list[str] = []
    stack: list[dict] = []  # open clozes: group, where they opened, their parts so far
    pos = 0
    for match in _CLOZE_TOKEN.finditer(field):
        (stack[-1]["parts"] if stack else out).append(field[pos:match.start()])
        pos = match.end()
        if match.group(1):
            stack.append({"group": int(match.group(1)), "at": match.start(), "parts": []})
        elif stack:
            cloze = stack.pop()
            text = _cloze_text(cloze, group, reveal, any(a <= cloze["at"] < b for a, b in math))
            (stack[-1]["parts"] if stack else out).append(text)
        else:
            out.append(match.group(0))
    (stack[-1]["parts"] if stack else out).append(field[pos:])
    while stack:  # never closed: text, as Anki leaves it
        cloze = stack.pop()
        text = f"{{{{c{cloze['group']}::" + "".join(cloze["parts"])
        (stack[-1]["parts"] if stack else out).append(text)
    return "".join(out)


def _cloze_text(cloze: dict, group: int, reveal: bool, in_math: bool) -> str:
    body = "".join(cloze["parts"])
    content, _, hint = body.partition("::")
    if cloze["group"] != group:
        return content
    if in_math:
        return MathML.mark(content if reveal else "[" + (hint or r"\dots") + "]")
    shown = content if reveal else f"[{hint or '...'}]"
    return f'<span class="cloze">{shown}</span>'


def page_folder() -> Path:
    """The user's private folder for card pages: `mlwiki-<uid>-cards` (mode 0700) in $XDG_RUNTIME_DIR or the
    temporary folder; a fresh `mkdtemp` folder when that name is taken by someone else or is not private."""
    uid = os.getuid() if hasattr(os, "getuid") else None
    base = os.environ.get("XDG_RUNTIME_DIR") or tempfile.gettempdir()
    if not os.path.isdir(base):
        base = tempfile.gettempdir()
    folder = Path(base) / f"mlwiki-{uid if uid is not None else os.getlogin()}-cards"
    try:
        folder.mkdir(mode=0o700, exist_ok=True)
        info = folder.lstat()
        private = folder.is_dir() and not folder.is_symlink() and (info.st_mode & 0o077) == 0
        if private and (uid is None or info.st_uid == uid):
            return folder
    except OSError:
        pass
    return Path(tempfile.mkdtemp(prefix="mlwiki-cards-"))


def write_card_page(card, config, images: Callable | None = None) -> Path:
    """Write the card's page into the private folder (pages older than a day are removed) and return it.
    `images(card)` gives (the card with its image references made Markdown, the fix that points the page's
    images at their files), as `mlwiki serve`'s `CardImages.prepare`; without it images are not shown."""
    folder = page_folder()
    cutoff = time.time() - 86400
    for old in folder.glob("*.html"):
        try:
            if old.stat().st_mtime < cutoff:
                old.unlink()
        except OSError:
            pass
    path = folder / f"{re.sub(r'[^A-Za-z0-9_.-]', '_', card.id)}.html"
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_NOFOLLOW", 0), 0o600)
    with os.fdopen(descriptor, "w", encoding="utf-8") as file:
        shown, fix = images(card) if images else (card, str)
        file.write(card_html(shown, read_macros(config)[0], fix))
    return path


def open_card_page(card, config, images: Callable | None = None) -> tuple[Path, bool]:
    """Write the page (`images` as for `write_card_page`) and open it in the default browser ($BROWSER is
    honoured). Returns the page and whether a browser was found to open it."""
    path = write_card_page(card, config, images)
    return path, webbrowser.open(path.as_uri())
