"""A Roam Research page (from "Export All → Markdown") read as the Logseq page it nearly is: an outline of blocks,
every line a bullet, that `logseq` turns into the Markdown document extraction reads. What Roam writes its own way
is written as Logseq writes it first:

    - Type:: [[Concept]]                     →   type:: [[Concept]]        (the page's attributes: its properties)
    - {{[[TODO]]}} read the paper             →   - TODO read the paper     (a task: the writer's, no card)
    - … I think — {{[[TODO]]}} confirm        →   - … I think               (a note to self ending a block)
    - ^^one global threshold^^ → …            →   - ==one global threshold== → …   (a highlight)
    - with the __lowest__ BIC                 →   - with the *lowest* BIC   (Roam's italics)
    - {{[[table]]}}                           →   - | type | shape |        (a table: each child a row, its cells
        - type                                      |---|---|                the chain of blocks nested under it)
            - shape                                 | full | ellipsoid |
        - full …
    - ```python                              →   - ```python
      x = 1```                                     x = 1                   (a fence closed at the end of a code line)
                                                   ```

A block reference, `((Kx7mQ2pLa))`, names a block by Roam's nine-character id: the export never holds the block,
so `logseq_inline` leaves it out with the "see" that led to it, as it does an unresolved Logseq reference; an
`{{embed: ((…))}}` shows nothing. A `$$…$$` inside a block's words is inline math (`inline_dollars`). A page is
titled by its file's name; a daily page's ("December 3rd, 2026") is a day, no subject (`logseq_journal`).

Pure: text in, (text, for each of its lines the page's line it comes from) out.
"""

from __future__ import annotations

import re
from pathlib import PurePosixPath

from mlwiki.extract.inline_dollars import inline_line
from mlwiki.extract.logseq_journal import without_tags
from mlwiki.extract.remnote import written_in_remnote
from mlwiki.render.spans import code_spans, math_spans

_BULLET = re.compile(r"([ \t]*)- ")
_ATTRIBUTE = re.compile(r"- ([A-Za-z][\w .-]{0,40}?)::(?:[ \t]+(.*?))?[ \t]*$")
_TABLE = re.compile(r"\{\{(?:\[\[)?table(?:\]\])?\}\}[ \t]*")
_TASK = re.compile(r"\{\{(?:\[\[)?(TODO|DONE)(?:\]\])?\}\}[ \t]*")
_LATE_TASK = re.compile(r"[ \t]*(?:[—–-][ \t]*|[;,][ \t]*)?\{\{(?:\[\[)?(?:TODO|DONE)(?:\]\])?\}\}.*$")
_MACRO_LINK = re.compile(r"\{\{\[\[([\w/-]+)\]\]")  # (`{{[[embed]]: …}}`: the macro `{{embed: …}}`)
_HIGHLIGHT = re.compile(r"\^\^(?=\S)([^^\n]{1,300}?)(?<=\S)\^\^")
_ITALIC = re.compile(r"(?<![\w_])__(?=[^\s_])([^_\n]{1,200}?)(?<=[^\s_])__(?![\w_])")
_FENCE_END = re.compile(r"(`{3,})[ \t]*$")
_TAG = re.compile(r"#?\[\[([^\]\n]+)\]\]|#([^\s#\[\],]+)")
_HEADING = re.compile(r"#{1,6}[ \t]")
_NUMBER = re.compile(r"\d{1,2}\.[ \t]+(?=\S)")  # ("- 1. compute …": a numbered step, its number Roam's list style)
_LEADING_TAGS = re.compile(r"((?:#(?:\[\[[^\]\n]*\]\]|[^\s#\[\]]+)[ \t]*)+)(?:[—–-][ \t]*)?(?=[^\s#])")
# A block that only says where its matter is: "seeding section lives on [[K-means]]", "… → moved to [[X]]",
# "[[Silhouette Score]] — next lecture"
_POINTER = re.compile(r"(?i)[^.!?\n]{0,80}?\b(?:lives|moved|is embedded|are embedded|now lives)[ \t]+(?:on|to|in)"
                      r"[ \t]+\[\[[^\]\n]+\]\][^.!?\n]{0,60}|"
                      r"\[\[[^\]\n]+\]\][ \t]*[—–:-][ \t]*(?:next|later|last|previous)[ \t]+(?:lecture|week|class|session)")
# The writer's logistics: "coffee with Lena re: the project …", "call with the TA about …"
_LOGISTICS = re.compile(r"(?i)(?:coffee|lunch|dinner|call|meeting|chat|sync|1:1)[ \t]+with[ \t]+\S[^:\n]{0,40}?"
                        r"(?:[ \t]+re:|[ \t]+about\b|:)")
# A widget's opening, as `_MACRO_LINK` leaves it: `{{query:`, `{{video:`, `{{word-count}}` (not a cloze, `{{c1::`)
_WIDGET = re.compile(r"\{\{(?!c\d+::)(?:query|embed|embed-children|embed-path|video|youtube|pdf|iframe|audio|mentions"
                     r"|word-count|character-count|kanban|diagram|pomo|calc|roam/render|attr-table|orphans|slider)\b")
_DISPLAY = re.compile(r"\$\$(?=\S)([^$\n]+?)(?<=\S)\$\$")
# What only a Roam export holds: a task, table, embed, query or player macro, a block reference by a nine-character id, a highlight
_ROAM_MARK = re.compile(r"\{\{\[\[(?:TODO|DONE|table|embed|query|video|pdf|youtube)\]\]|\{\{(?:table|embed:)|\(\([\w-]{9}\)\)|\^\^\S")


# How Roam names a daily page: "December 3rd, 2026" (an ISO "2026-12-03" is any tool's daily note, not Roam's)
_ROAM_DAY = re.compile(r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
                       r" \d{1,2}(?:st|nd|rd|th), \d{4}")


def looks_like_roam(body: str, path: str) -> bool:
    """Whether a note is a Roam page: an outline, every line a bullet or under one, that holds a mark only Roam
    writes, or is named by a day, as Roam names a daily page ("December 3rd, 2026"); or one bullet that only points to another page."""
    if "- " not in body:
        return False
    if not (_ROAM_MARK.search(body) or _ROAM_DAY.fullmatch(PurePosixPath(path).stem)):
        return bool(_POINTER.fullmatch(body.strip()[2:]))  # (a stub page: one block saying where its matter lives)
    if not _ROAM_MARK.search(body) and written_in_remnote(body):
        return False  # (RemNote names a daily document by its day too: its `>>` cards say whose it is)
    lines = [line for line in body.split("\n") if line.strip()]
    loose = sum(1 for line in _outside_code(lines) if line[:1] not in "- \t")  # (a block's soft line break: Roam
    return bool(lines) and lines[0].startswith("- ") and loose <= max(1, len(lines) // 20)  # writes what follows it
    # from the line's start; a few such lines go on their blocks, more are a page of prose)


def _outside_code(lines: list[str]) -> list[str]:
    """The lines of a page outside its blocks' code: Roam writes a code block's later lines as they were typed,
    from the line's start (`- ```python` then `x = 1` at column 0), so they say nothing of the outline."""
    out, fenced = [], False
    for line in lines:
        text = line.lstrip(" \t")
        text = text[2:] if text.startswith("- ") else text
        if fenced:
            fenced = not _FENCE_END.search(line)
            continue
        out.append(line)
        if text.startswith("```"):
            fenced = not _FENCE_END.search(text[3:])
    return out


def as_logseq(body: str) -> tuple[str, list[int]]:
    """The page written as Logseq writes it (see the module's docstring), and for each of its lines the page's line
    (1-based) it comes from."""
    raw = body.split("\n")
    out: list[str] = []
    origins: list[int] = []
    k, fence, leading, under = 0, "", True, ""
    while k < len(raw):
        line, no = raw[k], k + 1
        if fence:
            k += 1
            fence = _in_fence(line, no, fence, out, origins)
            continue
        bullet = _BULLET.match(line)
        text = line[bullet.end():] if bullet else line
        if bullet and not bullet.group(1) and leading and (attr := _ATTRIBUTE.fullmatch(line)) \
                and not _has_children(raw, k):
            out.append(_property(attr.group(1), attr.group(2) or ""))
            origins.append(no)
            k += 1
            continue
        leading = leading and not (bullet and not bullet.group(1))
        if bullet and _TABLE.fullmatch(text):
            k = _table(raw, k, bullet.group(1), out, origins)
            continue
        if text.lstrip().startswith("```"):
            head = line[:len(line) - len(text)]
            fence = head.replace("-", " ") if bullet else line[:len(line) - len(line.lstrip())]  # (its code's indent)
            closes = _FENCE_END.search(text.lstrip()[3:])
            out.append(line)
            origins.append(no)
            fence = "" if closes else fence or " "
            k += 1
            continue
        if bullet:
            under = bullet.group(1) + "  "  # (where a block's text goes on: a soft line break's next line)
        elif line[:1] not in " \t" and line.strip() and not leading:
            line = text = under + line  # (Roam writes it from the line's start: it stays in its block)
        shown_text = _block_text(raw, k, bullet, text)
        if shown_text is not None:
            out.append(line[:len(line) - len(text)] + shown_text)
            origins.append(no)
        k += 1
    return "\n".join(out), origins


def _block_text(raw: list[str], k: int, bullet: re.Match | None, text: str) -> str | None:
    """The text of line k as Logseq writes it; None for a block that shows nothing to learn (a pointer to another
    page, the writer's logistics)."""
    if bullet and (_POINTER.fullmatch(text) or _LOGISTICS.match(text)) \
            and not _has_children(raw, k, len(bullet.group(1))):
        return None
    if bullet and not bullet.group(1) and text.startswith("#") and (tags := _LEADING_TAGS.match(text)):
        text = f"{text[tags.end():]} {tags.group(1).strip()}"  # ("#[[reading group]] — t-SNE": tags end a title)
    if bullet and text[:1].isdigit():
        text = _NUMBER.sub("", text, count=1)  # ("1. compute …": numbered as Logseq numbers blocks, by its list)
    return _heading(text) if _HEADING.match(text) else _shown(text)


def _property(key: str, value: str) -> str:
    """A page attribute as Logseq's property line; its tags (`#x #[[y z]]`) as Logseq's list of them."""
    key = key.strip().lower().replace(" ", "-")
    if key == "tags":
        value = ", ".join("".join(t).strip() for t in _TAG.findall(value) if "".join(t).strip()) or value
    return f"{key}:: {value}"


def _in_fence(line: str, no: int, indent: str, out: list[str], origins: list[int]) -> str:
    """Write a line inside a code block; the block's indentation while it stays open, "" once it closes (a fence
    written at the end of the last code line is set on a line of its own)."""
    end = _FENCE_END.search(line)
    if end is None:
        out.append(line)
        origins.append(no)
        return indent
    code = line[:end.start()]
    if code.strip():
        out.append(code.rstrip())
        origins.append(no)
    out.append(indent + end.group(1))
    origins.append(no)
    return ""


def _has_children(raw: list[str], k: int, indent: int = 0) -> bool:
    """Whether the block on line k (its bullet indented by `indent`) has blocks nested under it."""
    nxt = next((line for line in raw[k + 1:] if line.strip()), "")
    return len(nxt) - len(nxt.lstrip()) > indent


def _heading(text: str) -> str:
    """A heading block's text: its tags (Roam's pills) and highlight marks are no words of its title."""
    return without_tags(_shown(text)).replace("^^", "").replace("==", "")


def _shown(text: str) -> str:
    """A block's line as Logseq writes it: Roam's tasks, macros, highlights and italics in Logseq's spelling, its
    inline `$$…$$` as `$…$`."""
    if "{{" in text:
        text = _TASK.sub(lambda m: m.group(1) + " ", text, count=1) if _TASK.match(text) else text
        text = _LATE_TASK.sub("", text)  # ("— {{[[TODO]]}} confirm": the writer's note to self, no words of the fact)
        text = _MACRO_LINK.sub(r"{{\1", text)
        text = _without_widgets(text)
    if "^^" in text:
        text = _marked(text, _HIGHLIGHT, "==")
    if "__" in text:
        text = _marked(text, _ITALIC, "*")
    return inline_line(text, every=True) if "$$" in text else text  # (Roam shows a `$$` among words inline)


def _without_widgets(text: str) -> str:
    """`text` without Roam's widgets: `{{query: {and: [[x]] {not: [[DONE]]}}}}`, `{{video: …}}`, `{{word-count}}`
    show their results or a player in Roam, never the text written; a query's clauses nest braces, which the
    Logseq reader's macro pattern does not follow, so each widget is cut out here to its balanced `}}`."""
    out, pos = [], 0
    for found in _WIDGET.finditer(text):
        if found.start() < pos:
            continue
        depth, k = 0, found.start()
        while k < len(text):
            depth += {"{": 1, "}": -1}.get(text[k], 0)
            k += 1
            if depth == 0:
                break
        if depth:
            continue  # (never closed on its line: the writer's braces, left as written)
        out.append(text[pos:found.start()])
        pos = k
    return ("".join(out) + text[pos:]).strip() if out else text


def _marked(text: str, pattern: re.Pattern, mark: str) -> str:
    """`text` with the spans `pattern` finds outside code and math (which a span may hold: `^^no step can increase
    $$J$$^^`) marked by `mark` on both sides instead of Roam's."""
    masked = list(text)
    for start, end in code_spans(text) + math_spans(text):
        masked[start:end] = "x" * (end - start)
    parts, pos = [], 0
    for found in pattern.finditer("".join(masked)):
        parts += [text[pos:found.start()], mark, text[found.start(1):found.end(1)], mark]
        pos = found.end()
    return "".join(parts) + text[pos:]


def _table(raw: list[str], k: int, indent: str, out: list[str], origins: list[int]) -> int:
    """Write the `{{[[table]]}}` block on line k as a Markdown table in one block; the line after it."""
    end = k + 1
    while end < len(raw) and (not raw[end].strip() or len(raw[end]) - len(raw[end].lstrip()) > len(indent)):
        end += 1
    rows = _rows(raw, k + 1, end)
    if not rows:
        return end
    width = max(len(cells) for _, cells in rows)
    cont = indent + "  "
    for r, (no, cells) in enumerate(rows):
        cells = cells + [""] * (width - len(cells))
        row = "| " + " | ".join(_cell(cell) for cell in cells) + " |"
        out.append((indent + "- " if r == 0 else cont) + row)
        origins.append(no if r else k + 1)
        if r == 0:
            out.append(cont + "|" + "---|" * width)
            origins.append(no)
    return end


def _cell(text: str) -> str:
    """A table cell's text: its math inline (a cell holds no displayed formula), its bars escaped."""
    return _shown(_DISPLAY.sub(r"$\1$", text)).replace("|", "\\|")


def _rows(raw: list[str], start: int, end: int) -> list[tuple[int, list[str]]]:
    """The rows of a Roam table (its lines start…end): each block right under it a row, whose cells are its text
    and the text of the chain of blocks nested under it."""
    rows: list[tuple[int, list[str]]] = []
    row_depth = None
    for k in range(start, end):
        bullet = _BULLET.match(raw[k])
        if bullet is None:
            continue
        depth = len(bullet.group(1).expandtabs(4))
        text = raw[k][bullet.end():].strip()
        if row_depth is None or depth <= row_depth:
            row_depth = depth
            rows.append((k + 1, [text]))
        else:
            rows[-1][1].append(text)
    return rows
