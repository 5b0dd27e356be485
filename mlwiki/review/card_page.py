"""`o` in review: the current card as one self-contained HTML page, math rendered as MathML (no network)."""

from __future__ import annotations

import html
import re
import tempfile
import webbrowser
from pathlib import Path

_MATH = re.compile(r"\\\[(.+?)\\\]|\\\((.+?)\\\)", re.DOTALL)

PAGE = """<!doctype html>
<html><head><meta charset="utf-8"><title>{title}</title>
<style>
body {{ font: 18px/1.5 system-ui, sans-serif; max-width: 46rem; margin: 2rem auto; padding: 0 1rem; }}
@media (prefers-color-scheme: dark) {{ body {{ background: #1e1e1e; color: #ddd; }} }}
.side {{ border: 1px solid #8884; border-radius: 8px; padding: 1rem 1.25rem; margin: 1rem 0; }}
.meta {{ color: #888; font-size: 0.85em; }}
math[display="block"] {{ margin: 0.5em 0; }}
pre {{ background: #8882; padding: 0.75rem; overflow-x: auto; }}
</style></head><body>
<p class="meta">{meta}</p>
<div class="side">{front}</div>
<div class="side">{back}</div>
</body></html>
"""


def _mathml(match: re.Match) -> str:
    import latex2mathml.converter

    display = match.group(1) is not None
    latex = html.unescape(match.group(1) if display else match.group(2))
    try:
        return latex2mathml.converter.convert(latex, display="block" if display else "inline")
    except Exception:  # noqa: BLE001 - any LaTeX the converter cannot read is shown as source
        return f"<code>{html.escape(latex)}</code>"


def card_html(card) -> str:
    """The page for one card: sanitized Markdown, then `\\(…\\)`/`\\[…\\]` turned into MathML."""
    from mlwiki.render.html import markdown_to_html

    def side(text: str) -> str:
        return _MATH.sub(_mathml, markdown_to_html(text))

    meta = html.escape(f"{card.deck} · {card.path}:{card.line} · {card.kind}")
    return PAGE.format(title=html.escape(card.id), meta=meta, front=side(card.front), back=side(card.back))


def open_card_page(card, config) -> tuple[Path, bool]:
    """Write the page into a temp file and open it in the default browser ($BROWSER is honoured).
    Returns the page and whether a browser was found to open it."""
    folder = Path(tempfile.gettempdir()) / "mlwiki-cards"
    folder.mkdir(exist_ok=True)
    path = folder / f"{card.id}.html"
    path.write_text(card_html(card), encoding="utf-8")
    return path, webbrowser.open(path.as_uri())
