"""Where cards are born: a note's text in, cards and problems out. Pure: no IO, no database.

The parser works in three passes over lines:

1. `classify` marks every line as text, blank, heading, code, math, comment or div fence, so that nothing in
   code, comments or math is ever read as card syntax;
2. `build_blocks` groups lines into paragraphs (runs of lines up to a blank line outside code and math),
   headings and divs;
3. one small function per card form turns blocks into cards.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from fnmatch import fnmatch
from pathlib import PurePosixPath

from mlwiki import ids
from mlwiki.models import Card, CardKind, ExtractResult, NoteText, Problem, Severity, Source

# --- line classification -------------------------------------------------------------------------------

TEXT, BLANK, HEADING, CODE, MATH, COMMENT, DIV_OPEN, DIV_CLOSE = range(8)

_QUOTE = re.compile(r"^(?:[ \t]{0,3}>[ \t]?)+")
_FENCE = re.compile(r"^[ \t]{0,3}(`{3,}|~{3,})(.*)$")
_DIV = re.compile(r"^[ \t]{0,3}(:{3,})[ \t]*(.*?)[ \t]*$")
_HEADING = re.compile(r"^[ \t]{0,3}(#{1,6})[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$")
_MATH_ENVS = "equation|align|gather|multline|eqnarray|displaymath|flalign|alignat"
_BEGIN_ENV = re.compile(r"^\s*\\begin\{((?:" + _MATH_ENVS + r")\*?)\}")
_LIST_ITEM = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+")
_LABEL = re.compile(r"\{#(eq-[\w-]+)\}")
_HEADING_ATTRS = re.compile(r"[ \t]+\{(?:[#.-][^{}]*|[\w-]+=[^{}]*)\}$")


class Line:
    """One line of the note body: `text` without blockquote markers, its kind and its 1-based body line.

    A plain class with slots rather than a dataclass: one is made per line of every note, and this is faster.
    """

    __slots__ = ("no", "text", "kind", "attrs")

    def __init__(self, no: int, text: str, kind: int, attrs: str = "") -> None:
        self.no, self.text, self.kind, self.attrs = no, text, kind, attrs  # attrs: div attributes, heading level

    def __repr__(self) -> str:
        return f"Line({self.no}, {self.text!r}, {self.kind}, {self.attrs!r})"


_BLANK_LINE = Line(0, "", BLANK)  # every blank line outside code and math: only its kind matters
_NOT_IN_PARAGRAPH = frozenset((BLANK, HEADING, DIV_OPEN, DIV_CLOSE))


@dataclass(slots=True)
class Block:
    """A paragraph (kind TEXT), heading, or div (DIV_OPEN). Only divs have children and attributes: there are
    many paragraphs, and making empty lists and dicts for each of them is measurably slow."""

    kind: int
    lines: list[Line]
    children: list["Block"] = None  # type: ignore[assignment]
    attrs: dict = None  # type: ignore[assignment]
    end: int = 0

    @property
    def start(self) -> int:
        return self.lines[0].no


def _strip_quote(raw: str) -> str:
    match = _QUOTE.match(raw)
    return raw[match.end():] if match else raw


def classify(body: str, problems: list[Problem], path: str, to_file_line) -> list[Line]:
    """Mark each line; report unclosed fences, math blocks and comments.

    This loop runs once per line of every note, so it is kept lean: each regex is tried only after a cheap test
    of the line's first character says it could match, and blank lines share one object.
    """
    lines: list[Line] = []
    append = lines.append
    fence: tuple[str, int, int] | None = None  # (char, length, opening line)
    pending: tuple[str, int, int] | None = None  # display math or comment going on: (closing token, line, kind)
    prev_blank, prev_indented, in_list = True, False, False
    for no, raw in enumerate(body.split("\n"), start=1):
        if not fence and not pending:
            if raw[:1].isalpha() and "<!--" not in raw:
                # the common line of prose: it starts with a letter, so it opens nothing and is not in a list
                in_list = in_list and not prev_blank
                prev_blank = prev_indented = False
                append(Line(no, raw, TEXT))
                continue
            if not raw:  # the next most common: an empty line (handled as below, without the tests on the way)
                append(_BLANK_LINE)
                prev_blank = True
                continue
        text = _strip_quote(raw) if raw.find(">", 0, 4) >= 0 else raw
        if fence:
            if text.lstrip()[:1] == fence[0] and (match := _FENCE.match(text)) and \
                    len(match.group(1)) >= fence[1] and not match.group(2).strip():
                fence = None
            append(Line(no, text, CODE))
            prev_blank = prev_indented = False
            continue
        if pending:
            append(Line(no, text, pending[2]))
            if pending[0] in text:
                pending = None
            prev_blank = prev_indented = False
            continue
        stripped = text.strip()
        if not stripped:
            append(_BLANK_LINE)
            prev_blank = True
            continue
        kind, first = TEXT, stripped[0]
        if (prev_blank or prev_indented) and not in_list and raw.startswith(("    ", "\t")):
            append(Line(no, text, CODE))  # an indented code block
            prev_blank, prev_indented = False, True
            continue
        if first in "`~" and (match := _FENCE.match(text)) and \
                not (match.group(1)[0] == "`" and "`" in match.group(2)):
            kind, fence = CODE, (match.group(1)[0], len(match.group(1)), no)
        elif first == ":" and (match := _DIV.match(text)):
            append(Line(no, text, DIV_OPEN if match.group(2) else DIV_CLOSE, match.group(2)))
            prev_blank = prev_indented = False
            continue
        elif first == "#" and (match := _HEADING.match(text)):
            heading = match.group(2)
            if heading.endswith("}"):  # Pandoc attributes, `## Adam {#sec-adam .unnumbered}`, are not its text
                heading = _HEADING_ATTRS.sub("", heading)
            append(Line(no, heading, HEADING, str(len(match.group(1)))))
            prev_blank = prev_indented = in_list = False
            continue
        elif first in "$\\%" or "<!--" in text:
            kind, pending = _open_math_or_comment(text, stripped, no)
        if kind == TEXT:
            if first in "-*+0123456789" and _LIST_ITEM.match(text):
                in_list = True
            elif prev_blank and not raw.startswith((" ", "\t")):
                in_list = False
        prev_blank = prev_indented = False
        append(Line(no, text, kind))
    if fence:
        problems.append(_problem(path, to_file_line(fence[2]), "code fence is never closed"))
    if pending and pending[2] == MATH:
        problems.append(_problem(path, to_file_line(pending[1]), f"display math is never closed "
                                                                 f"(expected {pending[0]})"))
    elif pending:
        what = "HTML comment" if pending[0] == "-->" else "Obsidian comment"
        problems.append(_problem(path, to_file_line(pending[1]), f"{what} is never closed (expected "
                                                                 f"{pending[0]})", Severity.WARNING))
    return lines


def _open_math_or_comment(text: str, stripped: str, no: int) -> tuple[int, tuple[str, int, int] | None]:
    """For a line outside any block: its kind, and the display math or comment it opens that continues below."""
    first = stripped[0]
    if first == "$" and stripped.startswith("$$"):
        return MATH, (None if "$$" in stripped[2:] else ("$$", no, MATH))
    if first == "\\":
        if stripped.startswith("\\["):
            return MATH, (None if "\\]" in stripped[2:] else ("\\]", no, MATH))
        if match := _BEGIN_ENV.match(stripped):
            close = f"\\end{{{match.group(1)}}}"
            return MATH, (None if close in stripped else (close, no, MATH))
    if first == "%" and stripped.startswith("%%"):  # an Obsidian comment: hidden in Obsidian, so no cards
        return COMMENT, (None if "%%" in stripped[2:] else ("%%", no, COMMENT))
    if "<!--" in text:
        start = text.rfind("<!--")
        if "-->" not in text[start + 4:]:
            return (COMMENT if start == len(text) - len(text.lstrip()) else TEXT), ("-->", no, COMMENT)
    return TEXT, None


# --- blocks ------------------------------------------------------------------------------------------------

_ATTR_TOKEN = re.compile(r'([#.])([\w:-]+)|([\w-]+)=(?:"([^"]*)"|\'([^\']*)\'|(\S+))')


def parse_attrs(spec: str) -> dict:
    """Pandoc attributes `{#id .a .b key="v"}` (or a bare class word) → {'id', 'classes', key: value}."""
    spec = spec.strip()
    if spec.startswith("{") and spec.endswith("}"):
        spec = spec[1:-1]
    elif re.fullmatch(r"[\w-]+", spec):
        return {"classes": [spec]}
    attrs: dict = {"classes": []}
    for match in _ATTR_TOKEN.finditer(spec):
        sigil, name, key = match.group(1), match.group(2), match.group(3)
        if sigil == "#":
            attrs["id"] = name
        elif sigil == ".":
            attrs["classes"].append(name)
        elif key:
            attrs[key] = next(v for v in match.group(4, 5, 6) if v is not None)
    return attrs


def build_blocks(lines: list[Line], problems: list[Problem], path: str, to_file_line) -> list[Block]:
    """Group lines into a tree of paragraphs, headings and divs."""
    root = Block(DIV_OPEN, [], [], {"classes": []})
    stack = [root]
    children = root.children  # where the next block goes: the innermost open div's
    para: list[Line] = []
    for line in lines:
        kind = line.kind
        if kind not in _NOT_IN_PARAGRAPH:
            para.append(line)
            continue
        if para:
            children.append(Block(TEXT, para))
            para = []
        if kind == HEADING:
            children.append(Block(HEADING, [line]))
        elif kind == DIV_OPEN:
            div = Block(DIV_OPEN, [line], [], parse_attrs(line.attrs))
            children.append(div)
            stack.append(div)
            children = div.children
        elif kind == DIV_CLOSE:
            if len(stack) > 1:
                stack.pop().end = line.no
                children = stack[-1].children
            else:
                problems.append(_problem(path, to_file_line(line.no), "':::' closes a div that was never "
                                                                      "opened", Severity.WARNING))
    if para:
        children.append(Block(TEXT, para))
    for div in stack[1:]:
        problems.append(_problem(path, to_file_line(div.start), "fenced div ':::' is never closed"))
        div.end = len(lines)
    return root.children


# --- inline masking ----------------------------------------------------------------------------------------

MASK = "\x01"
_NOT_NEWLINE = re.compile(r"[^\n]")
_BACKTICKS = re.compile(r"`+")
_INLINE_MATH = re.compile(r"\$\$(.+?)\$\$|\$(?![\s$])((?:[^$\\\n]|\\.)+?)(?<![\s\\])\$(?!\d)|\\\((.+?)\\\)",
                          re.DOTALL)
_HTML_COMMENT = re.compile(r"<!--.*?(?:-->|\Z)", re.DOTALL)
_OBSIDIAN_COMMENT = re.compile(r"%%.*?(?:%%|\Z)", re.DOTALL)


def _masked(found: str) -> str:
    return MASK * len(found) if "\n" not in found else _NOT_NEWLINE.sub(MASK, found)


def _blank(match: re.Match) -> str:
    return _masked(match.group(0))


def _mask_spans(text: str, spans: list[tuple[int, int]]) -> str:
    out, pos = [], 0
    for start, end in spans:
        out += [text[pos:start], _masked(text[start:end])]
        pos = end
    out.append(text[pos:])
    return "".join(out)


def _code_spans(text: str) -> list[tuple[int, int]]:
    """Code spans as CommonMark reads them: a run of backticks up to the next run of the same length; a run
    without one is literal. Pairing the runs is linear, where a regex is quadratic in a line of stray backticks."""
    runs = [match.span() for match in _BACKTICKS.finditer(text)]
    partner = [-1] * len(runs)
    following: dict[int, int] = {}  # run length → index of the next run of that length
    for k in range(len(runs) - 1, -1, -1):
        size = runs[k][1] - runs[k][0]
        partner[k] = following.get(size, -1)
        following[size] = k
    spans, k = [], 0
    while k < len(runs):
        if partner[k] < 0:
            k += 1
        else:
            spans.append((runs[k][0], runs[partner[k]][1]))
            k = partner[k] + 1
    return spans


def _shortcode_spans(text: str) -> list[tuple[int, int]]:
    """Quarto shortcodes `{{< … >}}`; found with `str.find`, linear even when none is closed."""
    spans, pos = [], 0
    while (start := text.find("{{<", pos)) >= 0 and (end := text.find(">}}", start + 3)) >= 0:
        spans.append((start, end + 3))
        pos = end + 3
    return spans


def mask_inline(text: str) -> tuple[str, list[tuple[int, int]]]:
    """Replace code spans, comments, shortcodes, `\\$` and inline math by MASK (same length), keeping newlines.

    Returns the masked text and the spans of inline math in it. Card syntax is searched in the masked text and
    the card's pieces are then cut from the original at the same offsets.
    """
    if "`" in text:
        text = _mask_spans(text, _code_spans(text))
    if "<!--" in text:
        text = _HTML_COMMENT.sub(_blank, text)
    if "%%" in text:
        text = _OBSIDIAN_COMMENT.sub(_blank, text)
    if "{{<" in text:
        text = _mask_spans(text, _shortcode_spans(text))
    if "\\$" in text:
        text = text.replace("\\$", MASK * 2)
    if "$" not in text and "\\(" not in text:
        return text, []
    spans: list[tuple[int, int]] = []

    def math(match: re.Match) -> str:
        spans.append(match.span())
        return _blank(match)

    return _INLINE_MATH.sub(math, text), spans


# --- clozes -----------------------------------------------------------------------------------------------

_ANKI_CLOZE = re.compile(r"\{\{c([0-9]{1,6})::")
_SPAN_CLOZE = re.compile(r"\[((?:[^\[\]\n]|\[[^\[\]\n]*\])+)\]\{([^{}\n]*\.cloze\b[^{}\n]*)\}")
_HIGHLIGHT = re.compile(r"==(?=\S)([^=\n]+?)(?<=\S)==")
_MATH_CLOZE = re.compile(r"\\cloze\{")
_BRACE_OR_ESCAPE = re.compile(r"\\.|[{}]", re.DOTALL)


@dataclass
class Cloze:
    start: int
    end: int
    group: int
    content: str
    hint: str = ""


def brace_pairs(text: str) -> dict[int, int]:
    """For each `{` of the text, the index of the `}` that closes it (escaped braces such as `\\{` are skipped).

    One pass for the whole paragraph: finding each cloze's end by scanning forward from it instead would be
    quadratic in a paragraph full of unclosed `{{c1::`.
    """
    pairs: dict[int, int] = {}
    opened: list[int] = []
    for match in _BRACE_OR_ESCAPE.finditer(text):
        brace = match.group()
        if brace == "{":
            opened.append(match.start())
        elif brace == "}" and opened:
            pairs[opened.pop()] = match.start()
    return pairs


def _split_hint(body: str) -> tuple[str, str]:
    """'text::hint' → ('text', 'hint'), splitting at the last top-level '::' (not inside braces)."""
    if "::" not in body:
        return body, ""
    depth, cut = 0, -1
    for i, ch in enumerate(body):
        depth += ch == "{"
        depth -= ch == "}"
        if depth == 0 and body.startswith("::", i) and not body.startswith(":::", i):
            cut = i
    return (body[:cut], body[cut + 2:]) if cut >= 0 else (body, "")


def find_clozes(text: str, masked: str, math_text: str, highlight: bool) -> tuple[list[Cloze], int]:
    """All clozes in a paragraph, with groups numbered: explicit numbers kept, others after the largest; and the
    offset of a `{{c1::` that is never closed (-1 if none).

    A `{{c1::…}}` ends at the `}}` that balances its braces, so `{{c1::\\frac{a}{b}}}` holds the whole fraction;
    without one, at the first `}}`, as in Anki.
    """
    found: list[Cloze] = []
    unclosed = -1
    pairs = brace_pairs(text)
    done = 0  # clozes nested in the one before are dropped anyway: don't search for their ends
    for match in _ANKI_CLOZE.finditer(masked):
        if match.start() < done:
            continue
        close = pairs.get(match.start() + 1, -1)  # the `}` closing the second `{` of `{{c1::`
        end = close + 2 if close >= 0 and text.startswith("}}", close) else text.find("}}", match.end()) + 2
        if end < 2:
            unclosed = match.start()
            break  # no `}}` anywhere after this one: no later cloze can end either
        content, hint = _split_hint(text[match.end():end - 2])
        found.append(Cloze(match.start(), end, int(match.group(1)), content, hint))
        done = end
    for match in _SPAN_CLOZE.finditer(masked):
        attrs = parse_attrs("{" + match.group(2) + "}")
        group = int(attrs["n"]) if re.fullmatch(r"[0-9]{1,6}", str(attrs.get("n", ""))) else 0
        inner = text[match.start(1):match.end(1)]
        found.append(Cloze(match.start(), match.end(), group, inner, attrs.get("hint", "")))
    if highlight:
        for match in _HIGHLIGHT.finditer(masked):
            found.append(Cloze(match.start(), match.end(), 0, text[match.start(1):match.end(1)]))
    for match in _MATH_CLOZE.finditer(math_text):
        close = pairs.get(match.end() - 1, -1)
        if close >= 0:
            found.append(Cloze(match.start(), close + 1, 0, text[match.end():close]))
    found.sort(key=lambda c: c.start)
    kept: list[Cloze] = []
    for cloze in found:  # drop clozes nested inside another one
        if not kept or cloze.start >= kept[-1].end:
            kept.append(cloze)
    nxt = max((c.group for c in kept), default=0) + 1
    for cloze in kept:
        if cloze.group == 0:
            cloze.group, nxt = nxt, nxt + 1
    return kept, unclosed


def render_clozes(text: str, clozes: list[Cloze], hidden: int | None) -> str:
    """The text with group `hidden` shown as [...] (or [hint]) and every other cloze revealed."""
    out, pos = [], 0
    for cloze in clozes:
        out.append(text[pos:cloze.start])
        out.append(f"[{cloze.hint or '...'}]" if cloze.group == hidden else cloze.content)
        pos = cloze.end
    out.append(text[pos:])
    return "".join(out)


def anki_cloze_text(text: str, clozes: list[Cloze]) -> str:
    """The text in Anki's cloze form, every cloze written {{cN::content::hint}}."""
    out, pos = [], 0
    for cloze in clozes:
        out.append(text[pos:cloze.start])
        hint = f"::{cloze.hint}" if cloze.hint else ""
        out.append(f"{{{{c{cloze.group}::{cloze.content}{hint}}}}}")
        pos = cloze.end
    out.append(text[pos:])
    return "".join(out)


# --- extraction --------------------------------------------------------------------------------------------


@dataclass
class NoteContext:
    """What extraction needs to know about the note besides its text."""

    path: str
    file_type: str = "md"
    deck: str = ""
    tags: tuple[str, ...] = ()
    formulas: str = "display"
    definitions: bool = False
    highlight_cloze: bool = False
    line_offset: int = 0
    line_map: list[int] | None = None
    title: str = ""

    def file_line(self, body_line: int) -> int:
        if self.line_map:
            return self.line_map[min(body_line, len(self.line_map)) - 1] if body_line > 0 else 1
        return body_line + self.line_offset


def _problem(path: str, line: int | None, message: str, severity: Severity = Severity.ERROR,
             code: str = "syntax") -> Problem:
    return Problem(path, line, message, severity, code)


@dataclass(slots=True)
class Draft:
    """A card before ids: produced by the card-form functions, finished by `_Extractor.cards`."""

    kind: CardKind
    front: str
    back: str
    line: int
    explicit_id: str = ""
    group: int = 0
    text: str = ""
    deck: str = ""
    tags: tuple[str, ...] = ()
    id: str = ""  # the content id, when already computed


class _Extractor:
    def __init__(self, body: str, ctx: NoteContext):
        self.ctx = ctx
        self.problems: list[Problem] = []
        self.drafts: list[tuple[list[Draft], str]] = []  # (sibling drafts, heading path)
        self.headings: list[tuple[int, str]] = []
        self.formulas_seen: set[str] = set()
        self.formula_fronts: dict[str, int] = {}
        self.prev_text: Block | None = None
        self.prev_intro: tuple[str, str] | None = None  # of the formula that ended the previous paragraph
        self.highlight = ctx.highlight_cloze and ctx.file_type == "md"
        lines = classify(body, self.problems, ctx.path, ctx.file_line)
        self.blocks = build_blocks(lines, self.problems, ctx.path, ctx.file_line)

    # helpers
    def err(self, line: int, message: str, severity: Severity = Severity.ERROR, code: str = "syntax") -> None:
        self.problems.append(_problem(self.ctx.path, self.ctx.file_line(line), message, severity, code))

    def heading_path(self) -> str:
        return " › ".join(h for _, h in self.headings)

    def emit(self, drafts: list[Draft]) -> None:
        self.drafts.append((drafts, self.heading_path()))

    # walking
    def run(self) -> None:
        self.walk(self.blocks)

    def walk(self, blocks: list[Block]) -> None:
        """Visit the blocks in document order, entering divs that are not cards. Divs may nest thousands deep,
        so the way back out of them is an explicit stack, not recursion."""
        stack = [(blocks, 0, self.headings)]
        while stack:
            blocks, i, self.headings = stack.pop()  # a heading inside a callout titles only the callout
            self.prev_text = self.prev_intro = None  # a div boundary separates paragraphs
            while i < len(blocks):
                block = blocks[i]
                if block.kind == HEADING:
                    level = int(block.lines[0].attrs)
                    self.headings = [(lv, h) for lv, h in self.headings if lv < level]
                    self.headings.append((level, _clean_prose(block.lines[0].text)))  # [[links]] as their text
                    self.prev_text = self.prev_intro = None
                elif block.kind == DIV_OPEN and "card" in block.attrs.get("classes", []):
                    self.div_card(block)
                    self.prev_text = self.prev_intro = None
                elif block.kind == DIV_OPEN:
                    stack.append((blocks, i + 1, self.headings))
                    blocks, i = block.children, 0
                    self.prev_text = self.prev_intro = None
                    continue
                else:
                    i = self.paragraph(blocks, i)
                    continue
                i += 1

    def paragraph(self, blocks: list[Block], i: int) -> int:
        """Handle the paragraph at blocks[i]; return the index of the next block to look at.

        Every note passes through here paragraph by paragraph, so each card form is tried only when a cheap
        substring test says its syntax could be in the paragraph.
        """
        block = blocks[i]
        text = _join(block.lines)
        if "Q:" in text and (k := _find_line(block.lines, _Q_LINE)) is not None:
            if k == 0:
                self.prev_text = self.prev_intro = None
                return self.question_answer(blocks, i)
            block = _split_block(blocks, i, k)  # the text before the `Q:` line is a paragraph of its own
            text = _join(block.lines)
        ending_intro = None
        if "?" in text and _QMARK_LINES.search(text) and (k := _find_line(block.lines, _QMARK_LINE)) is not None:
            self.multiline_card(block, k)
        elif not (self.cloze_card(block, text) or (self.inline_cards(block, text)
                                                      | self.definition_cards(block, text))):
            ending_intro = self.formula_cards(block, text)
        if "$" in text:
            self.check_dollars(block)
        self.prev_text, self.prev_intro = block, ending_intro
        return i + 1

    def check_dollars(self, block: Block) -> None:
        text = "\n".join([ln.text for ln in block.lines if ln.kind == TEXT])
        # Math spans hold two dollars each, so only code, comments, shortcodes and `\$` can change the parity:
        # without them an even count needs no masking.
        if text.count("$") % 2 == 0 and not ("`" in text or "<!--" in text or "%%" in text or "{{<" in text
                                             or "\\$" in text):
            return
        if mask_inline(text)[0].count("$") % 2:
            line = next(ln.no for ln in block.lines if ln.kind == TEXT and "$" in ln.text)
            self.err(line, "unbalanced '$' (write \\$ for a dollar sign)", Severity.WARNING, "math")

    # Q: / A:
    def question_answer(self, blocks: list[Block], i: int) -> int:
        """`Q:` runs to `A:`, across blank lines; the answer runs to the end of its paragraph or the next `Q:`."""
        lines: list[Line] = []
        j = i
        while j < len(blocks) and blocks[j].kind == TEXT:
            q = _find_line(blocks[j].lines, _Q_LINE, 1 if j == i else 0)
            a = _find_line(blocks[j].lines, _A_LINE)
            if q:
                _split_block(blocks, j, q)  # a later `Q:` starts the next card
            if q is not None and (a is None or a > q):
                break
            lines.extend(blocks[j].lines)
            if a is not None:
                k = len(lines) - len(blocks[j].lines) + a
                front = _after_marker(_Q_LINE, _join(lines[:k]))
                self.add_pair(CardKind.BASIC, front, _after_marker(_A_LINE, _join(lines[k:])), blocks[i].start)
                return j + 1
            lines.append(Line(blocks[j].lines[-1].no, "", BLANK))
            j += 1
        self.err(blocks[i].start, "'Q:' has no matching 'A:' line")
        return i + 1

    def add_pair(self, kind: CardKind, front: str, back: str, line: int, both_ways: bool = False,
                 explicit_id: str = "", deck: str = "", tags: tuple[str, ...] = ()) -> None:
        front, back = front.strip(), back.strip()
        if not front or not back:
            self.err(line, f"card has an empty {'front' if not front else 'back'}")
            return
        drafts = [Draft(kind, front, back, line, explicit_id, deck=deck, tags=tags)]
        if both_ways:
            drafts.append(Draft(CardKind.REVERSE, back, front, line, explicit_id, deck=deck, tags=tags))
        self.emit(drafts)

    # front ? back
    def multiline_card(self, block: Block, k: int) -> None:
        both = block.lines[k].text.strip() == "??"
        self.add_pair(CardKind.BASIC, _join(block.lines[:k]), _join(block.lines[k + 1:]), block.start, both)

    # front :: back and front ::: back
    def inline_cards(self, block: Block, text: str) -> bool:
        if "::" not in text:
            return False
        found = False
        for line in block.lines:
            if line.kind != TEXT or "::" not in line.text or line.text.lstrip().startswith("|"):
                continue  # a table row's cells are not cards
            match = _INLINE_SEPARATOR.search(mask_inline(line.text)[0])
            if not match:
                continue
            front = _LIST_ITEM.sub("", line.text[:match.start()], count=1).strip()
            back = line.text[match.end():].strip()
            self.add_pair(CardKind.BASIC, front, back, line.no, both_ways=len(match.group(0)) == 3)
            found = True
        return found

    # clozes
    def cloze_card(self, block: Block, text: str) -> bool:
        if not ("{{c" in text or ".cloze" in text or "\\cloze{" in text or (self.highlight and "==" in text)):
            return False
        masked, math_spans = mask_inline(text)
        math_text = _math_only(text, block.lines, math_spans)
        clozes, unclosed = find_clozes(text, masked, math_text, self.highlight)
        if unclosed >= 0:
            self.err(block.start + text.count("\n", 0, unclosed), "'{{c…::' is never closed with '}}', so it is "
                                                                 "not a cloze", code="cloze")
        if not clozes:
            return False
        for cloze in clozes:
            naive_end = text.find("}}", cloze.start)
            if text.startswith("{{c", cloze.start) and naive_end + 2 != cloze.end:
                self.err(block.start + text.count("\n", 0, cloze.start),
                         "'}}' inside a cloze would end it early in Anki; mlwiki pads it on export, but write "
                         "'} }' to be safe elsewhere", Severity.WARNING, "cloze")
            if not cloze.content.strip():
                self.err(block.start + text.count("\n", 0, cloze.start), "cloze is empty")
        clozes = [c for c in clozes if c.content.strip()]  # an empty cloze would make a card with an empty side
        if not clozes:
            return True
        anki_text = anki_cloze_text(text, clozes)
        drafts = [Draft(CardKind.CLOZE, render_clozes(text, clozes, group).strip(),
                        render_clozes(text, clozes, None).strip(), block.start, group=group, text=anki_text)
                  for group in sorted({c.group for c in clozes})]
        self.emit(drafts)
        return True

    # **Term**: definition
    def definition_cards(self, block: Block, text: str) -> bool:
        if not self.ctx.definitions or "**" not in text:
            return False
        found = False
        for item in _list_items(block.lines):
            match = _DEFINITION.match(item[0].text)
            if not match:
                continue
            term = match.group(1).strip()
            rest = item[0].text[match.end():]
            definition = "\n".join([rest] + [ln.text.strip() for ln in item[1:]]).strip()
            self.add_pair(CardKind.DEFINITION, f"Define: {term}", definition, item[0].no)
            found = True
        return found

    # formulas
    def formula_cards(self, block: Block, text: str) -> tuple[str, str] | None:
        """Formula cards of a paragraph; returns the introduction of its last formula if nothing follows it."""
        if self.ctx.formulas == "none":
            return None
        ending = None
        if "$$" in text or "\\[" in text or "\\begin{" in text:
            formulas, after = _display_formulas(block.lines)
            intros = self.formula_intros(formulas)
            for formula, (title, intro) in zip(formulas, intros):
                key = " ".join(formula.body.split())
                if key in self.formulas_seen or is_trivial_formula(formula.body):
                    continue
                self.formulas_seen.add(key)
                self.add_formula(title, intro, f"$${formula.body}$$", formula.line, formula.label)
            ending = intros[-1] if intros and not "".join(after).strip() else None
        if self.ctx.formulas == "inline" and ("$" in text or "\\(" in text):
            self.inline_formula_cards(block)
        return ending

    def formula_intros(self, formulas: list[_Formula]) -> list[tuple[str, str]]:
        """(callout title, introducing sentence) of each display formula of a paragraph.

        A formula is introduced by the last sentence of the prose since the previous formula, cut at the last
        list item or callout title. Prose that continues a sentence begun before the previous formula ("and, for
        every $x$,") gets that formula's introduction in front, the formula itself shown as "…"; so two formulas
        never share an introduction. Without any prose, the first formula is introduced by the paragraph before
        (continuing its formula's introduction when that paragraph ended with a formula).
        """
        intros: list[tuple[str, str]] = []
        for formula in formulas:
            title, prose, cut = _cut_prose(formula.before)
            sentence = last_sentence(_clean_prose(prose[-_PROSE_TAIL:]))
            previous = intros[-1] if intros else self.prev_intro
            if not cut and previous and previous[1] and (not sentence or sentence[0].islower()):
                sentence = _clip(f"{previous[1]} … {sentence}".strip())
            elif not cut and not sentence and self.prev_text is not None:
                title, prose, _ = _cut_prose([ln.text for ln in self.prev_text.lines if ln.kind == TEXT])
                sentence = last_sentence(_clean_prose(prose))
            intros.append((title or (previous[0] if previous else ""), sentence))
        return intros

    def add_formula(self, title: str, intro: str, back: str, line: int, label: str = "") -> None:
        path = " › ".join(p for p in (self.heading_path(), _clean_prose(title)) if p)
        parts = [p for p in (path, intro) if p]
        if label:
            parts.append(f"({label})")
        if not parts:
            parts.append(f"Formula from {self.ctx.title or PurePosixPath(self.ctx.path).stem}")
        front = "\n\n".join(parts)
        # Formulas with the same words before them would get the same id and one would be lost: number them.
        cid = ids.card_id(CardKind.FORMULA.value, front)
        count = self.formula_fronts[cid] = self.formula_fronts.get(cid, 0) + 1
        if count > 1:
            front += f"\n\n(formula {count})"
            cid = ids.card_id(CardKind.FORMULA.value, front)
        self.emit([Draft(CardKind.FORMULA, front, back, line, id=cid)])

    def inline_formula_cards(self, block: Block) -> None:
        # The sentence around an inline equation is prose: display math and code in the paragraph become "…".
        text = "\n".join([ln.text if ln.kind == TEXT else "…" for ln in block.lines])
        spans = mask_inline(text)[1]
        displays = [(start, end) for start, end in spans if text.startswith("$$", start)]
        for start, end in spans:
            eq = text[start:end]
            if eq.startswith("$$"):
                continue
            body = eq[1:-1] if eq.startswith("$") else eq[2:-2]
            if not _RELATION.search(body) or len(body.strip()) < 8:
                continue
            key = " ".join(body.split())
            if key in self.formulas_seen:
                continue
            self.formulas_seen.add(key)
            sentence = _clean_prose(sentence_around(text, start, end, displays))
            line = block.start + text.count("\n", 0, start)
            self.emit([Draft(CardKind.FORMULA, _prefix_heading(self.heading_path(), sentence), f"${body}$", line)])

    # ::: {.card}
    def div_card(self, div: Block) -> None:
        attrs = div.attrs
        front_blocks, back_blocks = _split_card_div(div)
        front = _join_blocks(front_blocks)
        if not front.strip() and attrs.get("title"):
            front = attrs["title"]
        back = _join_blocks(back_blocks)
        tags = tuple(attrs.get("tags", "").replace(",", " ").split())
        reverse = str(attrs.get("reverse", "")).lower() in ("true", "yes", "1")
        self.add_pair(CardKind.BASIC, front, back, div.start, reverse, attrs.get("id", ""),
                      attrs.get("deck", ""), tags)

    def cards(self) -> list[Card]:
        """The finished cards: ids given, siblings sharing a note id; a card whose id came before is dropped."""
        cards: list[Card] = []
        seen: dict[str, tuple[bool, int]] = {}  # id → (explicit, file line)
        for drafts, heading in self.drafts:
            card_ids = [_draft_id(d) for d in drafts]
            note_id = drafts[0].explicit_id or card_ids[0]
            for d, cid in zip(drafts, card_ids):
                line = self.ctx.file_line(d.line)
                if cid in seen:
                    self.report_repeat(cid, d, line, *seen[cid])
                    continue
                seen[cid] = (bool(d.explicit_id), line)
                tags = self.ctx.tags if not d.tags else tuple(dict.fromkeys(self.ctx.tags + d.tags))
                cards.append(Card(
                    id=cid, note_id=note_id, kind=d.kind, front=d.front, back=d.back,
                    source=Source(self.ctx.path, line), deck=d.deck or self.ctx.deck, tags=tags,
                    heading=heading, group=d.group, text=d.text, explicit_id=bool(d.explicit_id), ord=len(cards),
                    content_hash=ids.content_hash(d.front, d.back)))
        return cards

    def report_repeat(self, cid: str, draft: Draft, line: int, first_explicit: bool, first_line: int) -> None:
        if draft.explicit_id and first_explicit:
            message, severity, code = f"duplicate id '{cid}' (also at line {first_line})", Severity.ERROR, \
                "duplicate-id"
        else:
            message, severity, code = f"the same card is also at line {first_line}; only that one is kept", \
                Severity.WARNING, "duplicate-card"
        self.problems.append(_problem(self.ctx.path, line, message, severity, code))


def _draft_id(d: Draft) -> str:
    if d.id:
        return d.id
    if d.explicit_id:
        return d.explicit_id + ("-r" if d.kind == CardKind.REVERSE else f"-c{d.group}" if d.kind == CardKind.CLOZE
                                else "")
    return ids.card_id(d.kind.value, d.front, d.group)


# `**Term**:` or `**Term:**`, at the start of a paragraph or list item; the colon is required, so a paragraph
# that merely starts in bold ("**Definition**. Let …", "**Note** that …") is not a definition.
_DEFINITION = re.compile(r"[ \t]*(?:[-*+][ \t]+|\d+[.)][ \t]+)?\*\*([^*\n]+?)(?::\*\*|\*\*[ \t]*:)[ \t]*")
_RELATION = re.compile(r"=|\\approx|\\le|\\ge|\\leq|\\geq|\\propto|\\sim|\\equiv|\\neq|<|>|\\to\b|\\in\b")
_MARKER = r"[ \t]*(?:[-*+][ \t]+|\d+[.)][ \t]+)?"  # a line's indent and list bullet
_Q_LINE = re.compile(_MARKER + r"Q:[ \t]*")
_A_LINE = re.compile(_MARKER + r"A:[ \t]*")
_QMARK_LINE = re.compile(r"[ \t]*\?\??[ \t]*$")
_QMARK_LINES = re.compile(r"^[ \t]*\?\??[ \t]*$", re.MULTILINE)
# `::` or `:::` with a space (or the line's edge) on both sides: `std::vector`, `a::b` and Dataview's
# `key:: value` are not cards.
_INLINE_SEPARATOR = re.compile(r"(?<!\S):{2,3}(?![:\S])")


def _join(lines: list[Line]) -> str:
    return "\n".join([ln.text for ln in lines])


def _find_line(lines: list[Line], pattern: re.Pattern, start: int = 0) -> int | None:
    """Index of the first text line from `start` on that `pattern` matches."""
    return next((k for k in range(start, len(lines)) if lines[k].kind == TEXT and pattern.match(lines[k].text)),
                None)


def _split_block(blocks: list[Block], i: int, k: int) -> Block:
    """Cut the paragraph blocks[i] before its line k, in place, so the walk meets the second part next."""
    block = blocks[i]
    blocks[i:i + 1] = [Block(TEXT, block.lines[:k]), Block(TEXT, block.lines[k:])]
    return blocks[i]


def _after_marker(pattern: re.Pattern, text: str) -> str:
    match = pattern.match(text)
    return text[match.end():] if match else text


def _join_blocks(blocks: list[Block]) -> str:
    """The text of blocks, nested divs included (without their fences), one blank line between blocks."""
    parts = []
    stack = [iter(blocks)]  # not recursion: divs may nest thousands deep
    while stack:
        block = next(stack[-1], None)
        if block is None:
            stack.pop()
        elif block.kind == DIV_OPEN:
            stack.append(iter(block.children))
        elif block.kind == HEADING:
            parts.append(block.lines[0].text)
        else:
            parts.append(_join(block.lines))
    return "\n\n".join(p for p in parts if p.strip())


def _split_card_div(div: Block) -> tuple[list[Block], list[Block]]:
    """Front and back of a card div: an inner `::: back` div, else the first heading, else a callout's
    `title="…"` (then everything is the back), else the first paragraph."""
    children = div.children
    for k, child in enumerate(children):
        if child.kind == DIV_OPEN and "back" in child.attrs.get("classes", []):
            return children[:k], child.children + children[k + 1:]
    if not children:
        return [], []
    if div.attrs.get("title") and children[0].kind != HEADING:
        return [], children
    return children[:1], children[1:]


def _math_only(text: str, lines: list[Line], spans: list[tuple[int, int]]) -> str:
    """The paragraph with everything that is not math blanked (to find \\cloze{} only inside math)."""
    if "\\cloze{" not in text:
        return ""
    ranges = list(spans)
    pos = 0
    for line in lines:
        if line.kind == MATH:
            ranges.append((pos, pos + len(line.text)))
        pos += len(line.text) + 1
    out, done = [], 0
    for start, end in sorted(ranges):
        start = max(start, done)
        if end > start:
            out += [" " * (start - done), text[start:end]]
            done = end
    out.append(" " * (len(text) - done))
    return "".join(out)


def _list_items(lines: list[Line]) -> list[list[Line]]:
    """Split a paragraph into list items (or keep it whole when it is not a list)."""
    items: list[list[Line]] = []
    for line in lines:
        if not items or (line.kind == TEXT and _LIST_ITEM.match(line.text)):
            items.append([line])
        else:
            items[-1].append(line)
    return items


@dataclass(slots=True)
class _Formula:
    """A display formula of a paragraph, and the text lines written since the formula before it."""

    line: int
    body: str
    label: str
    before: list[str]


_LABEL_AFTER = re.compile(r"[ \t]*\{#(eq-[\w-]+)\}")


def _display_formulas(lines: list[Line]) -> tuple[list[_Formula], list[str]]:
    """Each display formula in a paragraph (`$$` blocks, `\\[…\\]`, math environments, `$$…$$` inside a line of
    prose), and the text lines after the last one."""
    found: list[_Formula] = []
    before: list[str] = []
    math: list[Line] = []
    for line in lines:
        if line.kind == MATH:
            math.append(line)
            end = _math_end(math)
            if end < 0:
                continue
            tail = math[-1].text[end:]  # prose may follow the closing delimiter on its line
            raw = "\n".join([ln.text for ln in math[:-1]] + [math[-1].text[:end]])
            label = None
            if "{#" in tail or "{#" in raw:  # a Quarto label, `{#eq-…}`, usually right after the formula
                label = _LABEL_AFTER.match(tail)
                if label:
                    tail = tail[label.end():]
                else:
                    label = _LABEL.search(raw)
                    raw = _LABEL.sub("", raw)
            found.append(_Formula(math[0].no, _strip_delimiters(raw), label.group(1) if label else "", before))
            before, math = [tail], []
        elif line.kind == TEXT:
            pos = 0
            if "$$" in line.text:
                for start, end in mask_inline(line.text)[1]:
                    if not line.text.startswith("$$", start):
                        continue
                    label = _LABEL_AFTER.match(line.text, end)
                    before.append(line.text[pos:start])
                    found.append(_Formula(line.no, line.text[start + 2:end - 2].strip(),
                                          label.group(1) if label else "", before))
                    before, pos = [], label.end() if label else end
            before.append(line.text[pos:])
    return found, before


def _math_end(math: list[Line]) -> int:
    """Where, in the last line so far, the display formula opened on math[0] ends (just past its closing
    delimiter), or -1 while it goes on."""
    first, last = math[0].text.lstrip(), math[-1].text
    start = len(math[0].text) - len(first) + 2 if len(math) == 1 else 0  # past the opening `$$` or `\\[`
    if first.startswith("$$"):
        close = "$$"
    elif first.startswith("\\["):
        close = "\\]"
    elif match := _BEGIN_ENV.match(first):
        close, start = f"\\end{{{match.group(1)}}}", 0
    else:
        return -1
    end = last.find(close, start)
    return end + len(close) if end >= 0 else -1


def _strip_delimiters(raw: str) -> str:
    raw = raw.strip()
    if raw.startswith("$$"):
        raw = raw[2:]
        raw = raw[:raw.rfind("$$")] if "$$" in raw else raw
    elif raw.startswith("\\["):
        raw = raw[2:]
        raw = raw[:raw.rfind("\\]")] if "\\]" in raw else raw
    return raw.strip()


_SPACING = re.compile(r"\s+|\\[,;!: ]|\\quad|\\qquad")


def is_trivial_formula(formula: str) -> bool:
    """A lone symbol or a tiny expression is not worth a card."""
    compact = _SPACING.sub("", formula)
    return len(compact) < 5 or (not _RELATION.search(formula) and len(compact) < 20)


# --- introducing sentences ---------------------------------------------------------------------------------

# Only the end of the prose before a formula can hold its (clipped) last sentence: don't clean and split more.
_PROSE_TAIL = 2000
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z\\$*(\[])")
# Abbreviations whose period does not end a sentence ("(i.e. $p \in U$)", "see Eq. (3)").
_ABBREVIATION = re.compile(r"\b(?:e\.g|i\.e|cf|resp|vs|al|Eqs?|Figs?|Defs?|Thm|Ch|Sec|pp?|Prop|Lem|Cor)\.(?=\s)")
_CALLOUT = re.compile(r"\[![\w-]+\][+-]?[ \t]*")
_WIKILINK = re.compile(r"!?\[\[([^\]|]*)(?:\|([^\]]*))?\]\]")
_MD_LINK = re.compile(r"(?<!!)\[([^\]]*)\]\([^)\s]*(?:\s+\"[^\"]*\")?\)")
_PROSE_ANKI_CLOZE = re.compile(r"\{\{c[0-9]+::(.*?)(?:::[^{}]*)?\}\}")
_PROSE_SPAN_CLOZE = re.compile(r"\[([^\[\]\n]*)\]\{[^{}\n]*\.cloze\b[^{}\n]*\}")
_PROSE_NOISE = re.compile(r"\[\^[^\]]*\]|(?<!\S)\^[\w-]+(?!\S)")  # footnote marks, Obsidian block ids


def _cut_prose(lines: list[str]) -> tuple[str, str, bool]:
    """(callout title, prose, whether it was cut) of the text lines before a formula: only the last list item,
    or what follows the title line of an Obsidian callout (`[!info] Title`), leads to the formula."""
    for k in range(len(lines) - 1, -1, -1):
        line = lines[k].lstrip()
        if line[:1] == "[" and (match := _CALLOUT.match(line)):
            return line[match.end():].strip(), " ".join(lines[k + 1:]), True
        if line[:1] and line[0] in "-*+0123456789" and _LIST_ITEM.match(line):
            return _callout_title(lines[:k]), " ".join(lines[k:]), True
    return "", " ".join(lines), False


def _callout_title(lines: list[str]) -> str:
    """The title of the callout that holds a list, if the list follows its title line."""
    for line in reversed(lines):
        line = line.lstrip()
        if line[:1] == "[" and (match := _CALLOUT.match(line)):
            return line[match.end():].strip()
    return ""


def _clean_prose(text: str) -> str:
    """Prose made into a front by mlwiki: links and clozes shown as their text, footnote marks and block ids
    dropped."""
    if "{{c" in text or ".cloze" in text:
        text = _PROSE_SPAN_CLOZE.sub(r"\1", _PROSE_ANKI_CLOZE.sub(r"\1", text))
    if "[" in text:
        text = _MD_LINK.sub(r"\1", _WIKILINK.sub(lambda m: m.group(2) or m.group(1), text))
    if "^" in text:
        text = _PROSE_NOISE.sub("", text)
    return " ".join(text.split())


def _sentences(text: str) -> list[str]:
    if "." in text:
        text = _ABBREVIATION.sub(lambda m: m.group(0)[:-1] + "\x03", text)
        return [s.replace("\x03", ".") for s in _SENTENCE_END.split(text)]
    return _SENTENCE_END.split(text)


def _clip(text: str, limit: int = 300) -> str:
    return "…" + text[-limit:].split(" ", 1)[-1] if len(text) > limit else text


def last_sentence(text: str, limit: int = 300) -> str:
    """The last sentence of a paragraph, the one that introduces what follows it."""
    text = _LIST_ITEM.sub("", text.strip())
    if not text:
        return ""
    sentences = _sentences(text)
    last = sentences[-1].strip()
    if len(last.split()) < _SHORT_INTRO_WORDS and len(sentences) > 1:
        last = sentences[-2].strip() + " " + last  # "Then:" alone says nothing; the sentence before sets it up
    return _clip(last, limit)


_SHORT_INTRO_WORDS = 5  # an introducing sentence this short ("It satisfies") gets the one before it


def sentence_around(text: str, start: int, end: int, hide: list[tuple[int, int]] = ()) -> str:
    """The sentence holding text[start:end], with that span hidden as [...] and the `hide` spans shown as "…";
    a list item or table row ends a sentence."""
    parts, pos = [], 0
    for span_start, span_end in sorted([(start, end), *hide]):
        parts += [text[pos:span_start], "\x02" if span_start == start else "…"]
        pos = span_end
    parts.append(text[pos:])
    item = next(piece for piece in _ITEM_START.split("".join(parts)) if "\x02" in piece)
    for sentence in _sentences(item.replace("\n", " ")):
        if "\x02" in sentence:
            return _LIST_ITEM.sub("", sentence.strip().strip("|").strip()).replace("\x02", "[...]")
    return "[...]"


_ITEM_START = re.compile(r"\n(?=[ \t]*(?:(?:[-*+]|\d+[.)])[ \t]|\|))")  # a new list item or table row


def _prefix_heading(heading: str, text: str) -> str:
    return f"{heading}\n\n{text}" if heading else text


# --- note context: deck and tags -------------------------------------------------------------------------


def _as_tags(value) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        return [t for t in re.split(r"[,\s]+", value) if t]
    if isinstance(value, (list, tuple, set)):
        return [str(t) for t in value if isinstance(t, (str, int, float)) and str(t).strip()]
    return []


@functools.lru_cache(maxsize=4096)  # every note cleans its tags again, and most notes share them
def clean_tag(tag: str) -> str:
    """Anki tags cannot hold spaces; keep them readable with underscores."""
    return re.sub(r"\s+", "_", tag.strip().lstrip("#"))


def note_context(note: NoteText, config) -> NoteContext:
    """Deck, tags and options for one note, from its front matter, its folder and the config."""
    rel_notes = _relative_to_notes(note.path, config)
    folders = list(_parent_parts(rel_notes))
    deck = note.meta.get("deck")
    if not isinstance(deck, str) or not deck.strip():
        deck = next((d for pattern, d in config.deck_names.items() if fnmatch(rel_notes, pattern)), None)
    if not deck:
        deck = f"{config.name}::{folders[0]}" if folders else config.name
    tags = [t for key in ("tags", "categories", "keywords") for t in _as_tags(note.meta.get(key))]
    if folders:
        tags.append("::".join(folders))
    title = note.meta.get("title")
    return NoteContext(
        path=note.path, file_type=note.file_type, deck=deck.strip(),
        tags=tuple(dict.fromkeys(clean_tag(t) for t in tags if clean_tag(t))),
        formulas=config.formulas, definitions=config.definitions, highlight_cloze=config.highlight_cloze,
        line_offset=note.line_offset, line_map=note.line_map,
        title=title if isinstance(title, str) else "")


def _parent_parts(rel: str) -> tuple[str, ...]:
    """`PurePosixPath(rel).parent.parts`, worked out once per folder (all notes of a folder share it)."""
    folder, _, name = rel.rpartition("/")
    if not folder or not name or name == "." or "//" in rel or rel.startswith("/"):
        return PurePosixPath(rel).parent.parts
    return _folder_parts(folder)


@functools.lru_cache(maxsize=4096)
def _folder_parts(folder: str) -> tuple[str, ...]:
    return PurePosixPath(folder).parts


@functools.lru_cache(maxsize=64)
def _notes_rel(notes_dir, root) -> str | None:
    try:
        return notes_dir.relative_to(root).as_posix()
    except ValueError:
        return None


def _relative_to_notes(rel_root: str, config) -> str:
    notes_rel = _notes_rel(config.notes_dir, config.root)
    if notes_rel is None:
        return rel_root
    if notes_rel in ("", "."):
        return rel_root
    prefix = notes_rel + "/"
    return rel_root[len(prefix):] if rel_root.startswith(prefix) else rel_root


def extract(body: str, ctx: NoteContext) -> ExtractResult:
    """All cards of one note body (front matter already removed), and the problems found on the way."""
    extractor = _Extractor(body, ctx)
    extractor.run()
    return ExtractResult(cards=extractor.cards(), problems=extractor.problems)
