r"""An Observable Framework page (`src/*.md` of a Framework project) read as Framework shows it, line for line.

Framework extends Markdown with reactive JavaScript and a few HTML conventions:
- a ```` ```js ```` (or `ts`, `jsx`, `tsx`) fence is a cell that runs and shows its output (a chart, an input), not its
  source, unless tagged `echo`: the page's words are not in it, so it is left out; one tagged `run=false` does not
  run and shows its source, as any code block (unless also `echo=false`), as Framework's fence renderer does;
- a `${…}` expression may go on over several lines (a chart's options, `${resize((width) => Plot.plot({` … `}))}`):
  every line it spans shows its value only, so is no text; what follows its closing brace is read as written;
- a ```` ```tex ```` fence is display math, `${tex`…`}` inline math and `${tex.block`…`}` display math inside a line;
  a line with any other `${…}` shows a value of one run (a slider's number, a chart), nothing the notes say;
- `<div class="note">`, `tip`, `warning`, `caution` (an optional `label="…"` titles it) are its boxes: callouts of
  those kinds (one on a single line: a caveat a `> ⚠️` quote, a note or tip its sentence); `<div class="grid …">` and
  `<div class="card">` only lay out what is in them, and a card's `<h2>` titles that tile of a dashboard (a chart, a
  number, a link to a page), no section of the page: it is left out, so what follows keeps its own section;
A page is read so only when it shows Framework's marks (a `tex` fence, a `${…}` expression, or a `js` cell that uses
Framework's library: `FileAttachment`, `view(`, `display(`, `Plot.`, `Inputs.`, `npm:` imports); a Markdown page with
a JavaScript example keeps its code. Pure: text in, the same number of lines out.
"""

from __future__ import annotations

import re

from mlwiki.render.spans import FENCE, fence_closes

_CELL_FENCE = re.compile(r"[ \t]{0,3}(`{3,}|~{3,})[ \t]*(js|ts|jsx|tsx|tex)\b([^`\n]*)$")
_FRAMEWORK_CODE = re.compile(r"\bFileAttachment\(|\bview\(|\bdisplay\(|\bPlot\.|\bInputs\.|[\"']npm:|\bresize\(")
_TEX_SPAN = re.compile(r"\$\{tex(\.block)?`((?:[^`\\]|\\.)*)`\}")
_EXPRESSION = re.compile(r"\$\{[^{}\n]*(?:\{[^{}\n]*\}[^{}\n]*)*\}")
_BOX_OPEN = re.compile(r"[ \t]{0,3}<div[ \t]+class=\"(note|tip|warning|caution)\"(?:[ \t]+label=\"([^\"\n]*)\")?[ \t]*>"
                       r"[ \t]*(.*?)[ \t]*$")
_LAYOUT_DIV = re.compile(r"[ \t]*<div[ \t]+class=\"(?:grid\b[^\"\n]*|card\b[^\"\n]*)\"[^>\n]*>[ \t]*")
_DIV_CLOSE = re.compile(r"[ \t]*</div>[ \t]*")
_CARD_OPEN = re.compile(r"[ \t]*<div[ \t]+class=\"card\b")
_TITLE_TAG = re.compile(r"[ \t]*<(h[1-6])\b[^>]*>.*?</\1>[ \t]*")


def is_observable(body: str) -> bool:
    """Whether `body` is an Observable Framework page (see the module's docstring)."""
    if "${" not in body and "```" not in body:
        return False
    if "${tex`" in body or "${tex.block`" in body or re.search(r"(?m)^[ \t]{0,3}```tex[ \t]*$", body):
        return True
    return any(_FRAMEWORK_CODE.search(cell) for cell in re.findall(r"(?ms)^```(?:js|ts|jsx|tsx)\b.*?^```", body))


def as_observable_shows(body: str) -> str:
    """`body` as Observable Framework shows it (see the module's docstring); `body` itself when it is no such page."""
    if not is_observable(body):
        return body
    lines = body.split("\n")
    fence: tuple[str, int] | None = None
    in_box = False
    card = 0  # (how many divs are open inside a `<div class="card">`: none when outside one)
    k = -1
    while (k := k + 1) < len(lines):
        line = lines[k]
        if fence:
            fence = None if fence_closes(line, *fence) else fence
            continue
        if cell := _CELL_FENCE.match(line):
            fence = (cell.group(1)[0], len(cell.group(1)))
            runs, echo = _attribute(cell.group(3), "run") != "false", _attribute(cell.group(3), "echo")
            if not runs:  # (shown as written, a code block read as one; but for `echo=false`: nothing shown)
                if echo == "false":
                    _blank_cell(lines, k, fence)
                    fence = None
                continue
            if cell.group(2) == "tex":
                _display_math(lines, k, fence)
            elif echo is None or echo == "false":
                _blank_cell(lines, k, fence)
            else:
                continue  # (`echo`: its source shown as a code block, its lines skipped as one's)
            fence = None
            continue
        if found := FENCE.match(line):
            fence = (found.group(1)[0], len(found.group(1)))
            continue
        if card or "div" in line and _CARD_OPEN.match(line):
            card = _open_divs(line, card)
            line = _TITLE_TAG.sub("", line)  # (a card's `<h2>`: the tile's title, no section of the page)
        if "${" in line and (end := _expression_end(lines, k)) is not None:
            for spanned in range(k, end[0]):
                lines[spanned] = ""  # (a value shown over several lines: a chart, not the notes' words)
            line = lines[end[0]][end[1]:]
            k = end[0]
            card = _open_divs(line, card) if card else 0
        lines[k], in_box = _shown_line(line, in_box)
    return "\n".join(lines)


def _shown_line(line: str, in_box: bool) -> tuple[str, bool]:
    """One line of words as shown, and whether a box is open after it."""
    if box := _BOX_OPEN.fullmatch(line):
        kind, title, rest = box.group(1), (box.group(2) or "").replace('"', "'"), box.group(3)
        opening = f'::: {{.callout-{kind} title="{title}"}}' if title else f"::: {{.callout-{kind}}}"
        if rest.endswith("</div>"):  # (a one-line box: a caveat stays one, a note or tip is its sentence)
            words = _inline(rest[:-len("</div>")].strip())
            return (f"> ⚠️ {words}" if kind in ("warning", "caution") else words), False
        return (f"{opening} {_inline(rest)}" if rest else opening), True
    if in_box and _DIV_CLOSE.fullmatch(line):
        return ":::", False
    line = _DIV_CLOSE.sub("", _LAYOUT_DIV.sub("", line)) if "div" in line else line
    return _inline(line), in_box


def _open_divs(line: str, depth: int) -> int:
    """How many divs are open after `line`, `depth` of them before it (a card's own div counted)."""
    return max(depth + line.count("<div") - line.count("</div>"), 0)


def _inline(text: str) -> str:
    """A line's `${tex`…`}` as math; a line that shows another `${…}` as nothing: it shows a value of one run
    ("${k} clusters", a chart), which the notes do not state."""
    if "${" not in text:
        return text
    text = _TEX_SPAN.sub(lambda m: f"$${m.group(2)}$$" if m.group(1) else f"${m.group(2)}$", text)
    return "" if _EXPRESSION.search(text) else text


def _display_math(lines: list[str], start: int, fence: tuple[str, int]) -> None:
    """A `tex` fence opening at `start` as `$$` … `$$`."""
    lines[start] = "$$"
    for k in range(start + 1, len(lines)):
        if fence_closes(lines[k], *fence):
            lines[k] = "$$"
            return


def _blank_cell(lines: list[str], start: int, fence: tuple[str, int]) -> None:
    """A JavaScript cell opening at `start`, its fences included, as empty lines."""
    for k in range(start, len(lines)):
        closes = k > start and fence_closes(lines[k], *fence)
        lines[k] = ""
        if closes:
            return


def _attribute(info: str, name: str) -> str | None:
    """The value of a fence's attribute (`run=false`, `echo`): "" for a bare name, None when it is not there; case
    folded, as Framework reads `run` and `echo`."""
    found = re.search(rf"(?:^|[ \t]){name}(?:=([\"']?)([^\s\"']*)\1)?(?=[ \t]|$)", info.strip())
    return None if found is None else found.group(2).lower() if found.group(2) is not None else ""


def _expression_end(lines: list[str], start: int) -> tuple[int, int] | None:
    """(line, column after its closing brace) of a `${…}` opening on `lines[start]` and closing on a later line, read
    as Framework reads a placeholder (braces counted outside quotes and template strings, a backslash escaping the
    next character); None when every expression of the line closes on it, or one runs past its paragraph."""
    k, text = start, lines[start]
    col = text.find("${") + 2
    braces, quote = 0, ""
    while True:
        while col < len(text):
            char = text[col]
            col += 1
            if char == "\\":
                col += 1
            elif quote:
                quote = "" if char == quote else quote
            elif char in "\"'`":
                quote = char
            elif char == "{":
                braces += 1
            elif char == "}" and (braces := braces - 1) < 0:
                if k > start:
                    return k, col
                col = text.find("${", col)  # (closed on its own line: the line's next expression, if any)
                if col < 0:
                    return None
                col, braces = col + 2, 0
        k += 1
        if k >= len(lines) or not lines[k].strip():
            return None  # (a paragraph's end: no expression goes on past it)
        text, col = lines[k], 0
