"""A note imported from Apple Notes by the Obsidian Importer, read as Apple Notes showed it, line for line.

What the importer writes that is no word of the note:
- a highlight's colour as an emoji inside its marks (`==🟠ARIMA needs a stationary series==`, purple 🟣, pink 🔴,
  orange 🟠, mint 🟢, blue 🔵): the colour is the highlight's look; on a card it read as an emoji before the sentence;
- a list started indented, as an item holding only `&nbsp;` before the text: the text is the item's;
- text whose font was set (most often text pasted from a web page), each run of words in its own
  `<span style="font-family:Helvetica;font-size:16pt;">…</span>` (importers before August 2026), and a link there as
  `<a href=… rel="noopener" class="external-link" target="_blank" style=…>`: the text, the link as a link, a run in a
  fixed-width font (Menlo, Courier, Monaco…) as code — a paragraph of such lines between empty lines as a code block;
- a superscript or subscript as `<sup>…</sup>` / `<sub>…</sub>` (`e<sup>−α</sup>`, `p<sup>k</sup>`): the power or
  index written as text (`e^(−α)`, `p^k`), as a learner writes one; left as tags it reached the cards raw;
- an aligned paragraph in `<p style="text-align:…;margin:0">…</p>`, an underline in `<u>`: their text;
- an attachment it could not read, as `**(unknown attachment: …)**`, `**(error reading attachment)**`,
  `**Cannot decode scan**`, `(unknown file link)`: nothing the writer wrote;
- a numbered list that goes on after a nested item starts again at `1.` (the importer counts anew when the indent
  changes): the list goes on with its numbers;
- a square bracket and tag-shaped text escaped (`\\[1\\]`, `\\#transformers`, so that Obsidian reads no link and no
  tag): in a note that shows it is an import (one of the marks above, or the importer's `| -- |` table rule; Apple
  Notes has no math, so `\\[…\\]` there is no formula), the bracket and the `#` as written.
Pure: text in, the same number of lines out.
"""

from __future__ import annotations

import re

from mlwiki.extract.html_inline import as_markdown
from mlwiki.render.spans import between_spans, fenced_lines, map_unfenced

_COLOURED_HIGHLIGHT = re.compile(r"==[🟣🔴🟠🟢🔵🟡][ \t]?(?=[^\n]*?==)")  # (its text may hold "=")
_NBSP_ITEM = re.compile(r"^([ \t]*[-*+][ \t]+)(?:&nbsp;[ \t]*)+")
# the importer's styled run: its font and size (as it writes them, font first), and its text
_FONT_SPAN = re.compile(r'<span style="(?=font-)(?:font-family:([^;"<>]*);)?(?:font-size:[\d.]+pt;)?">(.*?)</span>')
_IMPORTED_LINK = re.compile(r'<a href="([^"<>]*)" rel="noopener" class="external-link" target="_blank"'
                            r'(?: style="(?:font-family:([^;"<>]*);)?(?:font-size:[\d.]+pt;)?")?>(.*?)</a>')
# a fixed-width font: the text is code (Menlo is the Mac's, Courier and Monaco older ones, SF Mono Xcode's)
_MONOSPACE = re.compile(r"(?i)menlo|courier|monaco|mono\b|monospace|consolas|sfmono|sf mono")
# (a subscript in italics, as a variable's index is set: the italics say nothing once it is text)
_STYLED_SCRIPT = re.compile(r"<([bi])>(<(sup|sub)>[^<>\n]{1,40}</\3>)</\1>")
_SCRIPT = re.compile(r"<(sup|sub)>([^<>\n]{1,40})</\1>")
_ALIGNED = re.compile(r'<p style="text-align:(?:left|center|right|justify);margin:0">')
_UNDERLINE = re.compile(r"</?u>")
_FAILED = re.compile(r"[ \t]*(?:\*\*\((?:unknown attachment: [^)\n]*|error reading attachment)\)\*\*"
                     r"|\*\*Cannot decode scan\*\*|\(unknown file link\))[ \t]*")
_ITEM = re.compile(r"^([ \t]*)(?:[-*+]|(\d{1,3})\.)[ \t]")
# the importer's own marks: a note holding one is an import (its `\\[` are escaped brackets, not display math)
_IMPORT_MARK = re.compile(r'(?m)<span style="font-family:|==[🟣🔴🟠🟢🔵]|^[ \t]*- &nbsp;$|^\|(?: -- \|)+$|'
                          r'\*\*\(unknown attachment: |<a href="[^"]*" rel="noopener" class="external-link"')
_ESCAPED = re.compile(r"\\([\[\]])|(?<![\w\\])\\#(?=[\w/-]*[A-Za-z_/-])")
_MATH = re.compile(r"\$|\\\(|\\begin\{")
_CODE_SPAN = re.compile(r"`[^`\n]*`")
_CHEAP = ("==", "&nbsp;", "<span", "<a href", "<sup>", "<sub>", "<p style", "<u>", "**(", "**Cannot", "(unknown file")


def as_apple_notes_shows(body: str) -> str:
    """`body` as Apple Notes showed it (see the module's doc); `body` itself when it holds none of the importer's
    marks."""
    if not any(mark in body for mark in _CHEAP) and "\t" not in body and "\\" not in body:
        return body
    if ("\\[" in body or "\\#" in body) and _IMPORT_MARK.search(body) and not _MATH.search(body):
        body = map_unfenced(body, _unescaped)
    if any(mark in body for mark in _CHEAP):
        aligned = "<p style" in body and _ALIGNED.search(body) is not None
        body = _code_paragraphs(map_unfenced(body, _read_line))
        if aligned:  # (the importer's aligned paragraphs close on a line of their own; another tool's `</p>` is its own)
            body = map_unfenced(body, lambda line: "" if line == "</p>" else line)
    return _numbers_go_on(body) if "\t" in body else body


def _read_line(line: str) -> str:
    if "==" in line:
        line = _COLOURED_HIGHLIGHT.sub("==", line)
    if "&nbsp;" in line:
        line = _NBSP_ITEM.sub(r"\1", line)
    if "<a href" in line:
        line = _IMPORTED_LINK.sub(_link, line)
    if "<span" in line:
        line, runs = _FONT_SPAN.subn(_run, line)
        if runs:
            line = re.sub(r"`[ \t]+`", " ", line)  # (two code runs split at a space: one run)
            line = as_markdown(line)  # (its runs' bold and italics, `<b>`/`<i>` as the importer wrote them there)
    if "<su" in line:
        line = _SCRIPT.sub(_scripted, _STYLED_SCRIPT.sub(r"\2", line))
    if "<p style" in line:
        line = _ALIGNED.sub("", line)
    if "<u>" in line:
        line = _UNDERLINE.sub("", line)
    if "**(" in line or "**Cannot" in line or "(unknown file" in line:
        line = _FAILED.sub(" ", line).rstrip()
    return line


def _unescaped(line: str) -> str:
    """The importer's `\\[`, `\\]` and `\\#tag` as the characters Apple Notes showed (outside code spans)."""
    if "\\" not in line:
        return line
    spans = [code.span() for code in _CODE_SPAN.finditer(line)]
    return between_spans(line, spans, lambda text: _ESCAPED.sub(lambda m: m.group(1) or "#", text))


def _run(match: re.Match) -> str:
    """A styled run as its text; in a fixed-width font, a code span."""
    font, text = match.group(1) or "", match.group(2)
    if font and _MONOSPACE.search(font) and text.strip():
        return f"`{_bare(text)}`"
    return text


def _link(match: re.Match) -> str:
    """The importer's HTML link as a Markdown link (its text as code when in a fixed-width font)."""
    href, font, text = match.group(1), match.group(2) or "", _bare(match.group(3))
    if font and _MONOSPACE.search(font):
        text = f"`{text}`"
    return f"[{text}]({href})" if text else href


def _bare(text: str) -> str:
    return re.sub(r"</?(?:b|i|u|s)>", "", text)


def _scripted(match: re.Match) -> str:
    """`x<sup>2</sup>` as `x^2`, `e<sup>−α_m</sup>` as `e^(−α_m)`, `s<sub>k,j</sub>` as `s_(k,j)`: one word or
    number plain, more in brackets."""
    mark = "^" if match.group(1) == "sup" else "_"
    text = match.group(2).strip()
    if re.fullmatch(r"[\w.′]+|[+−-]?\d+", text):
        return f"{mark}{text}"
    return f"{mark}({text})"


_CODE_LINE = re.compile(r"^`[^`\n]*`$")


def _code_paragraphs(body: str) -> str:
    """A paragraph whose every line is one code run (a snippet pasted in a fixed-width font) between empty lines:
    the empty lines around it fence it, so it reads as the code block it showed as."""
    if "`" not in body:
        return body
    lines = body.split("\n")
    fenced = fenced_lines(lines)
    k = 0
    while k < len(lines):
        if fenced[k] or not _CODE_LINE.match(lines[k].strip()):
            k += 1
            continue
        end = k
        while end + 1 < len(lines) and not fenced[end + 1] and _CODE_LINE.match(lines[end + 1].strip()):
            end += 1
        if k > 0 and end + 1 < len(lines) and not lines[k - 1].strip() and not lines[end + 1].strip():
            lines[k - 1], lines[end + 1] = "```", "```"
            for j in range(k, end + 1):
                lines[j] = lines[j].strip()[1:-1]
        k = end + 1
    return "\n".join(lines)


def _numbers_go_on(body: str) -> str:
    """A numbered list the importer counted anew after a nested item (`1. a`, `2. b`, `\\t- c`, `1. d`): `d` is 3, at
    every depth."""
    lines = body.split("\n")
    fenced = fenced_lines(lines)
    last: dict[int, int] = {}  # (the number of the last item at each depth of the list)
    nested: set[int] = set()  # (depths whose last item has had a deeper line since)
    changed = False
    for k, line in enumerate(lines):
        item = _ITEM.match(line)
        if fenced[k] or (not item and line.strip() and not line.startswith(("\t", "    "))):
            last, nested = {}, set()
            continue
        if not item:
            continue
        depth = len(item.group(1).expandtabs(4)) // 4
        for deeper in [d for d in last if d > depth]:
            del last[deeper]
        nested = {d for d in nested if d <= depth} | set(range(depth))
        if item.group(2):
            number = int(item.group(2))
            if number == 1 and depth in nested and last.get(depth):
                lines[k] = f"{item.group(1)}{last[depth] + 1}.{line[item.end(2) + 1:]}"
                number, changed = last[depth] + 1, True
            last[depth] = number
        else:
            last.pop(depth, None)
        nested.discard(depth)
    return "\n".join(lines) if changed else body
