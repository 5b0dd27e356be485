"""A Slidev deck read as the Markdown mlwiki reads, line for line, showing what the slides and their presenter
notes say.

Slidev parts slides with `---` lines, and a slide may open with front matter of its own between two of them
(`---` / `layout: two-cols` / `class: text-xl` / `---`): the slide's settings, never its words. Its click steps
(`<v-click>`, `<v-clicks>`, `<v-after>` and their closing tags), layout slots (`::right::`, `::left::`), templates
of slots and Vue components alone on their lines (`<Arrow x1="400" … />`, `<Tweet id="…" />`), and a formula's click
steps (`$$ {1|3|all}`) and the `<div v-click class="…">` tags that step or style a slide's text show no words
either.
The comment at the end of a slide is the presenter's note, which Slidev shows beside the slide: it is the slide's
explanation, so its text is read as the slide's. A note is read so when it holds Slidev's own marks (a click step,
a slot, a slide's `layout:`). Code is never touched.

Pure: a note's text in, the same number of lines out.
"""

from __future__ import annotations

import re

from mlwiki.render.spans import fenced_lines

_CUES = ("<v-click", "::right::", "::left::", "\nlayout:", "<v-after", "<v-switch")
_SEPARATOR = re.compile(r"---[ \t]*")
_SETTING = re.compile(r"[\w-]+:(?:[ \t].*)?|[ \t]+\S.*")  # (`layout: center`, `clicks: 3`, an indented value)
# What shows no words alone on its line: a click step's or a template's tag, a slot, a Vue component
_FURNITURE = re.compile(r"[ \t]*(?:</?v-(?:clicks?|after|switch|drag|motion|mark)\b[^<>]*>|::[\w-]+::|"
                        r"</?template\b[^<>]*>|<[A-Z][\w-]*\b[^<>]*/>|</?[A-Z][\w-]*\b[^<>]*>)[ \t]*")
_COMMENT_OPEN, _COMMENT_CLOSE = "<!--", "-->"
# A formula's click steps, `$$ {1|3|all}` on the line that opens it: which lines light up on which click
_MATH_STEPS = re.compile(r"([ \t]*\$\$)[ \t]*\{[\d|,\- a-z]*\}[ \t]*(.*)")
# A tag that only styles or steps the text it wraps: `<div v-click class="mt-4">`, `<span class="text-sm">`, `</div>`
_STYLING_TAG = re.compile(r"</?(?:div|span|p|section)\b(?:[ \t][^<>\n]*)?>")


def as_slidev_shows(body: str) -> str:
    """`body` with a Slidev deck's slide settings, click steps, slots and components as nothing and its presenter
    notes as text (see the module's doc); `body` itself when it is no Slidev deck."""
    if not any(cue in body for cue in _CUES) or "---" not in body:
        return body
    lines = body.split("\n")
    fenced = fenced_lines(lines)
    _blank_settings(lines, fenced)
    for k, line in enumerate(lines):
        if not fenced[k] and _FURNITURE.fullmatch(line):
            lines[k] = ""
        elif not fenced[k] and "$$" in line and (steps := _MATH_STEPS.fullmatch(line)):
            lines[k] = steps.group(1) + steps.group(2)
        elif not fenced[k] and "<" in line and _STYLING_TAG.search(line):
            lines[k] = _STYLING_TAG.sub("", line)
    _open_presenter_notes(lines, fenced)
    return "\n".join(lines)


def _blank_settings(lines: list[str], fenced: list[bool]) -> None:
    """Blank each slide's own front matter, `---` / settings / `---`, in place."""
    k = 0
    while k < len(lines):
        if fenced[k] or not _SEPARATOR.fullmatch(lines[k]):
            k += 1
            continue
        end = k + 1
        while end < len(lines) and not fenced[end] and _SETTING.fullmatch(lines[end]):
            end += 1
        if end > k + 1 and end < len(lines) and _SEPARATOR.fullmatch(lines[end]):
            lines[k + 1:end] = [""] * (end - k - 1)
            lines[end] = ""  # (the settings' closing line; the opening one stays the slide's break)
            k = end + 1
        else:
            k += 1


def _open_presenter_notes(lines: list[str], fenced: list[bool]) -> None:
    """A comment that ends its slide (only blank lines between it and the next `---` or the end) as its text."""
    k = 0
    while k < len(lines):
        if fenced[k] or not lines[k].lstrip().startswith(_COMMENT_OPEN):
            k += 1
            continue
        end = next((j for j in range(k, len(lines)) if _COMMENT_CLOSE in lines[j]), None)
        if end is None:
            return
        after = next((j for j in range(end + 1, len(lines)) if lines[j].strip()), len(lines))
        if after == len(lines) or _SEPARATOR.fullmatch(lines[after]):
            lines[k] = lines[k].replace(_COMMENT_OPEN, "", 1)
            lines[end] = lines[end].replace(_COMMENT_CLOSE, "", 1)
            for j in range(k, end + 1):  # (a component commented out, `<!-- <Tweet id="…" /> -->`, shows no words)
                if _FURNITURE.fullmatch(lines[j]):
                    lines[j] = ""
        k = end + 1
