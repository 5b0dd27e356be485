"""A heading written in HTML, as notebooks on Kaggle and Colab open with a banner (`<div style="…"><h1 style="color:
white">📈 Walk-forward validation</h1></div>`, `<center><h2>Lag features</h2></center>`), read as the Markdown
heading it shows: `# 📈 Walk-forward validation`. Left as HTML, the banner was a card of raw tags and the notebook
had no title, so its cards were rooted in its file name. Only a line that is a heading and nothing else, inside
wrappers that only place it (`div`, `center`, `p`, `span`); the tags inside the heading's text (`<b>`, `<span
style>`) show their text. Code is never touched. Pure: a note's text in, the same number of lines out.
"""

from __future__ import annotations

import re

from mlwiki.render.spans import map_unfenced

_WRAP = r"(?:<(?:div|center|p|span)\b[^<>\n]*>[ \t]*)*"
_UNWRAP = r"(?:[ \t]*</(?:div|center|p|span)\s*>)*"
_HEADING = re.compile(rf"(?i)[ \t]*{_WRAP}<h([1-6])\b[^<>\n]*>(.*?)</h\1\s*>{_UNWRAP}[ \t]*")
_TAG = re.compile(r"<[^<>\n]*>")
_SUBTITLE = re.compile(r"(?i)[ \t]*<p\b[^<>\n]*>[^<\n]*</p>[ \t]*")


def as_html_headings_show(body: str) -> str:
    """`body` with each line that is only an HTML heading written as the Markdown heading it shows, and a banner's
    subtitle under it (`<p style="…">Why shuffled KFold lies</p>`, the page's tagline) left out."""
    if "<h" not in body and "<H" not in body:
        return body
    written, lines = body.split("\n"), map_unfenced(body, _read).split("\n")
    for k in range(1, len(lines)):
        if lines[k - 1] != written[k - 1] and lines[k - 1].startswith("#") and _SUBTITLE.fullmatch(lines[k]):
            lines[k] = ""  # (under a heading read from HTML)
    return "\n".join(lines)


def _read(line: str) -> str:
    if "<h" not in line.lower() or not (found := _HEADING.fullmatch(line)):
        return line
    text = " ".join(_TAG.sub("", found.group(2)).split())
    return f"{'#' * int(found.group(1))} {text}" if text else ""
