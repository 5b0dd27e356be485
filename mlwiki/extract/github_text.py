"""A page written for github.com read as the Markdown mlwiki reads, line for line, showing what GitHub shows.

GitHub has a math form of its own for a formula in a sentence, `` $`\\alpha + k`$ `` (its dollars around a code span, so
that Markdown leaves the formula alone): it is the inline math `$\\alpha + k$`. (Its fenced `` ```math `` block is
display math everywhere in mlwiki already.) A line of badges, `[![Open In Colab](…/colab-badge.svg)](…)` or the
same as HTML (a notebook's first cell, a repository's README), is a button to click, never a card's words. GitHub
also shows emoji shortcodes, `:warning:`, as their emoji; the
common ones are read so (not on a line with code or math), the others stay as written. Code is never touched.

Pure: a note's text in, the same number of lines out.
"""

from __future__ import annotations

import re

from mlwiki.render.spans import map_unfenced

# `$`…`$`: a code span between dollars, on one line
_DOLLAR_CODE = re.compile(r"\$`([^`\n]+)`\$")
# One badge: a picture link, in Markdown or HTML, whose picture's address says it is a badge
_BADGE = (r"""[ \t]*(?:\[!\[[^\[\]\n]*\]\([^()\s]*badge[^()\s]*\)\]\([^()\s]*\)|<a[ \t][^<>\n]*>[ \t]*"""
          r"""<img[ \t][^<>\n]*badge[^<>\n]*>[ \t]*</a>)""")
_BADGES = re.compile(r"(?:" + _BADGE + r"[ \t]*)+", re.IGNORECASE)
_SHORTCODE = re.compile(r":([a-z0-9_+-]+):")
# The shortcodes notes use most, as GitHub shows them
_EMOJI = {
    "warning": "⚠️", "bulb": "💡", "memo": "📝", "pencil": "📝", "pencil2": "✏️", "exclamation": "❗",
    "heavy_exclamation_mark": "❗", "question": "❓", "grey_question": "❔", "white_check_mark": "✅",
    "heavy_check_mark": "✔️", "x": "❌", "star": "⭐", "fire": "🔥", "rocket": "🚀", "point_right": "👉",
    "book": "📖", "books": "📚", "pushpin": "📌", "information_source": "ℹ️", "construction": "🚧", "key": "🔑",
    "mag": "🔍", "link": "🔗", "bangbang": "‼️", "no_entry": "⛔", "stop_sign": "🛑", "thinking": "🤔",
    "arrow_right": "➡️", "tada": "🎉", "brain": "🧠", "dart": "🎯", "triangular_flag_on_post": "🚩",
}


def as_github_shows(body: str) -> str:
    """`body` with GitHub's `` $`…`$ `` math as `$…$`, lines of badges as nothing and the common emoji shortcodes
    as their emoji; `body` itself when it holds none of them."""
    math, emoji, badges = "$`" in body, ":" in body and _has_shortcode(body), "badge" in body.lower()
    if not math and not emoji and not badges:
        return body

    def read(line: str) -> str:
        if badges and _BADGES.fullmatch(line):
            return ""
        if math and "$`" in line:
            line = _DOLLAR_CODE.sub(r"$\1$", line)
        if emoji and ":" in line and "`" not in line and "$" not in line:  # (never in code or math)
            line = _SHORTCODE.sub(_emoji, line)
        return line

    return map_unfenced(body, read)


def _has_shortcode(body: str) -> bool:
    return any(found.group(1) in _EMOJI for found in _SHORTCODE.finditer(body))


def _emoji(found: re.Match) -> str:
    return _EMOJI.get(found.group(1), found.group(0))
