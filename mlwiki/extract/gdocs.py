"""A Google Doc exported to Markdown read as the doc showed it, line for line.

The "Docs to Markdown" add-on (gd2md-html) writes its conversion report into the page: red `<p style="color: red;
font-weight: bold">>>>>>  gd2md-html alert: …</p>` lines, a list of links to its alerts, and an alert before each
picture (`<p id="gdcalert1" >…</p>`); none of it is the doc's text, so it shows nothing. Its pictures carry
placeholder words, `![alt_text](images/image1.png "image_tooltip")`: the picture is shown without them.

Google Docs' own "Download → Markdown" escapes punctuation Markdown might read (`\\.`, `\\-`, `\\(`, `\\_`, `\\*`),
and writes a backslash the doc held as `\\\\`. A page written so is read with its escapes as the characters they
stand for: `\\(high variance\\)` is "(high variance)", not math, and a formula pasted as `$x\\_i$` is `$x_i$`. A
page is taken for such an export when its text escapes several characters that only such an escape explains
(`\\.`, `\\-`, `\\=`, `\\+` outside dollar math). Code is never touched.

Pure: a note's text in, the same number of lines out.
"""

from __future__ import annotations

import re

from mlwiki.render.spans import between_spans, code_spans, map_unfenced

_ALERT_CUE = "gd2md-html"
# The add-on's report and alerts: a line holding its name or a link to an alert, or one of its red paragraphs/lists
_ALERT_LINE = re.compile(r'(?i)[ \t]*(?:<p\b[^>\n]*>|<ul\b[^>\n]*>|<a href="#gdcalert)[^\n]*')
_ALERT_WORDS = re.compile(r"(?i)gd2md-html|gdcalert|color: red; font-weight: bold")
_PLACEHOLDER_PICTURE = re.compile(r'!\[alt_text\]\(([^()\s]+)(?:[ \t]+"image_tooltip")?\)')
# Escapes only an export explains, outside dollar math (LaTeX writes `\!` and `\,` in math, none of these outside)
_EXPORT_ESCAPE = re.compile(r"\\[.\-=+]")
_DOLLAR_MATH = re.compile(r"\$\$.*?\$\$|\$[^$\n]*\$", re.S)
MIN_EXPORT_ESCAPES = 3
_ESCAPE = re.compile(r"\\([!\"#$%&'()*+,\-./:;<=>?@\[\\\]^_`{|}~])")


def as_google_docs_shows(body: str) -> str:
    """`body` without the add-on's report and alerts, its placeholder picture words, and its escapes read, when it
    is an export (see the module's doc); `body` itself when it is not."""
    alerts = _ALERT_CUE in body
    escaped = "\\" in body and len(_EXPORT_ESCAPE.findall(body)) >= MIN_EXPORT_ESCAPES \
        and len(_EXPORT_ESCAPE.findall(_DOLLAR_MATH.sub("", body))) >= MIN_EXPORT_ESCAPES
    pictures = "](images/" in body and "alt_text" in body
    if not alerts and not escaped and not pictures:
        return body

    def read(line: str) -> str:
        if alerts and _ALERT_WORDS.search(line) and _ALERT_LINE.match(line):
            line = ""
        if pictures and "alt_text" in line:
            line = _PLACEHOLDER_PICTURE.sub(r"![](\1)", line)
        return _unescaped(line) if escaped and "\\" in line else line

    return map_unfenced(body, read)


def _unescaped(line: str) -> str:
    """`line` with each backslash escape outside code spans as the character it escapes."""
    return between_spans(line, code_spans(line) if "`" in line else [], lambda text: _ESCAPE.sub(r"\1", text))
