"""A post or article of a distill site (R Markdown's `distill::distill_article`) read as distill shows it:

- `<aside>` … `</aside>` is distill's margin content, set beside the text: read as Quarto's `::: {.aside}` margin
  (`extract.margins`: a fact beside the section is a card under it; a pointer or the writer's own remark none),
  not as a Notion callout with no icon, which the same tag is in a Notion export;
- a layout div, `::: {.l-body-outset}` (also `l-body`, `l-middle`, `l-page`, `l-screen`, `l-screen-inset`, and
  their `-outset`/`-inset` forms), only widens what it holds: its fences show nothing, its text is the section's.
  (`::: {.l-gutter}` and `{.l-page-side}` put their text in the margin: they are read as margins too.)

Headings marked `{.appendix}` (Acknowledgments, Changelog) and chunk options (`layout="l-body-outset"`,
`fig.cap=`) need nothing here: the appendix headings name no study section and chunks are code.
Only a note whose front matter names a distill format is read so (`is_distill`). Pure: text in, the same number of
lines out.
"""

from __future__ import annotations

import re

from mlwiki.render.spans import fenced_lines

# `<aside>` and `</aside>` each alone on its line (the text between them Markdown), or one line's aside; an aside
# with text beside a tag on its line is left to `html_boxes`
_OPEN = re.compile(r"(?i)[ \t]*<aside>[ \t]*")
_CLOSE = re.compile(r"(?i)[ \t]*</aside>[ \t]*")
_ONE_LINE = re.compile(r"(?i)[ \t]*<aside>[ \t]*(?P<text>[^<>\n]*?\S)[ \t]*</aside>[ \t]*")
_DIV_OPEN = re.compile(r"[ \t]*(?P<fence>:{3,})[ \t]*(?:\{(?P<attrs>[^{}\n]*)\}|(?P<name>[\w-]+))[ \t]*$")
_DIV_CLOSE = re.compile(r"[ \t]*:{3,}[ \t]*$")
_CLASS = re.compile(r"(?<![\w-])\.([\w-]+)")
# distill's layout classes: the width a figure or a block takes, nothing a reader reads
_LAYOUT = re.compile(r"l-(?:body|middle|page|screen)(?:-outset|-inset)?")
_MARGIN = frozenset(("l-gutter", "l-page-side"))  # (distill's classes that set the block in the margin)


def is_distill(meta: dict) -> bool:
    """Whether a note's front matter names a distill output format (`output: distill::distill_article`) or site."""
    return any("distill::" in str(meta.get(key, "")) for key in ("output", "site"))


def as_distill_shows(body: str, distill: bool) -> str:
    """`body` with distill's margin content as margins and its layout divs as their text (see the module's doc);
    `body` itself when the note is no distill article or holds neither."""
    if not distill or "<aside" not in body.lower() and ".l-" not in body:
        return body
    lines = body.split("\n")
    fenced = fenced_lines(lines)
    divs: list[bool] = []  # (each open div: whether its fences are distill's layout, to show nothing)
    opened = -1  # (the line of a bare `<aside>` whose `</aside>` is not met yet)
    for k, line in enumerate(lines):
        if fenced[k]:
            continue
        if opened < 0 and (found := _ONE_LINE.fullmatch(line)):
            lines[k] = f"[{found.group('text')}]{{.aside}}"  # (Quarto's margin span, alone: a margin of one line)
        elif opened < 0 and _OPEN.fullmatch(line):
            opened = k
        elif opened >= 0 and _CLOSE.fullmatch(line):
            lines[opened], lines[k], opened = "::: {.aside}", ":::", -1
        elif (found := _DIV_OPEN.fullmatch(line)) is not None:
            classes = _CLASS.findall(found.group("attrs")) if found.group("attrs") is not None else [found.group("name")]
            if any(c in _MARGIN for c in classes):
                lines[k] = "::: {.aside}"
                divs.append(False)
            else:
                divs.append(bool(classes) and all(_LAYOUT.fullmatch(c) for c in classes))
                lines[k] = "" if divs[-1] else line
        elif _DIV_CLOSE.fullmatch(line) and divs and divs.pop():
            lines[k] = ""
    return "\n".join(lines)
