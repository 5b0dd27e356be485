"""HTML boxes in a note's Markdown, read as the boxes they show: a Notion callout (`<aside>💡 …</aside>`), a
notebook's note box (`<div class="alert alert-block alert-info">` … `</div>`), a plain `<div>` (its text the
section's), and a page's `<script>`/`<style>` (code). Part of pass 1 (`lines.classify`).
"""

from __future__ import annotations

import re

from mlwiki.extract.line_kinds import COMMENT, DIV_CLOSE, DIV_OPEN, TEXT, Line

# A page's script or style block (VitePress's `<script setup>` alone on its line, a `<style>` for the page): code, up
# to its closing tag (a one-line `<script>…</script>` in a card's text is left to the export's sanitiser, which
# reports it)
CODE_TAG = re.compile(r"(?i)<(script|style)\b[^<>]*>[ \t]*$")
# An HTML box: a Notion callout as Notion exports it, `<aside>` (its text on the line or the next ones) up to
# `</aside>`, its first character an emoji, its icon, which says its kind (❓ or 🤔: the writer's open question,
# a to-do, no card); a notebook's `<div class="alert
# alert-info">` on a line of its own up to `</div>` (a classic Jupyter note box), or any `<div>` alone on its line
_BOX_OPEN = re.compile(r"(?i)<(?P<tag>aside|div)\b(?P<attrs>[^>]*)>[ \t]*(?P<text>.*?)[ \t]*(?P<close></(?P=tag)>)?$")
BOX_CLOSE = re.compile(r"(?i)[ \t]*</(?:aside|div)>[ \t]*$")
_ALERT = re.compile(r"alert-(info|success|warning|danger)")
ICON = re.compile(r"^[\u2600-\u27bf\u2b00-\u2bff\U0001f000-\U0001faff][\ufe0f\u200d]*[ \t]*")
_BOX_KIND = {"💡": "tip", "⚠": "warning", "❗": "important", "‼": "important", "🚨": "warning", "❓": "todo",
             "❔": "todo", "🤔": "todo", "info": "note",
             "success": "tip", "warning": "warning", "danger": "warning"}


def box_kind(icon: str) -> str:
    """The kind of callout a box's icon says it is (💡 a tip, ⚠️ a warning, ❓ an open question: a to-do; any other
    icon a note)."""
    return _BOX_KIND.get(icon.strip()[:1], "note")


def box_line(no: int, stripped: str, boxes: list[bool], append) -> bool:
    """An HTML box's line, read as a callout's div with its text inside (a plain `<div>`'s tags as nothing, its
    text as the section's): whether it was one (`boxes` keeps the boxes open). A `<div>` with text after it on its
    line (`<div align=…><img …>`) is none."""
    if BOX_CLOSE.fullmatch(stripped):
        append(Line(no, "", DIV_CLOSE if boxes.pop() else COMMENT))
        return True
    match = _BOX_OPEN.match(stripped)
    if match is None or match.group("tag").lower() == "div" and match.group("text"):
        return False
    icon = ICON.match(match.group("text"))
    alert = _ALERT.search(match.group("attrs"))
    kind = box_kind(icon.group(0)) if icon else _BOX_KIND.get(alert.group(1), "note") if alert else "note"
    boxed = bool(icon or alert or match.group("tag")[0] in "aA")
    append(Line(no, stripped, DIV_OPEN, f'.callout-{kind} title=""') if boxed else Line(no, stripped, COMMENT))
    if text := match.group("text")[icon.end() if icon else 0:]:
        append(Line(no, text, TEXT))
    if not match.group("close"):
        boxes.append(boxed)
    elif boxed:
        append(Line(no, "", DIV_CLOSE))
    return True
