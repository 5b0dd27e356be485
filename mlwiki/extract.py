"""Where cards are born: a note's text in, cards and problems out. Pure: no IO, no database.

The parser works in three passes over lines:

1. `classify` marks every line as text, blank, heading, code, math, comment or div fence, so that nothing in
   code, comments or math is ever read as card syntax;
2. `build_blocks` groups lines into paragraphs (runs of lines up to a blank line outside code and math),
   headings and divs;
3. one small function per card form turns blocks into cards.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
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


@dataclass
class Line:
    """One line of the note body: `text` without blockquote markers, its kind and its 1-based body line."""

    no: int
    text: str
    kind: int
    attrs: str = ""  # div fence attributes, or the heading level as text


@dataclass
class Block:
    """A paragraph (kind TEXT), heading, or div with children."""

    kind: int
    lines: list[Line]
    children: list["Block"] = field(default_factory=list)
    attrs: dict = field(default_factory=dict)
    end: int = 0

    @property
    def start(self) -> int:
        return self.lines[0].no


def _strip_quote(raw: str) -> str:
    match = _QUOTE.match(raw)
    return raw[match.end():] if match else raw


def classify(body: str, problems: list[Problem], path: str, to_file_line) -> list[Line]:
    """Mark each line; report unclosed fences, math blocks and comments."""
    lines: list[Line] = []
    fence: tuple[str, int, int] | None = None  # (char, length, opening line)
    math_end: tuple[str, int] | None = None  # (closing token, opening line)
    in_comment = 0
    prev_blank, prev_indented, in_list = True, False, False
    for no, raw in enumerate(body.split("\n"), start=1):
        text = _strip_quote(raw)
        kind, indented = TEXT, False
        if fence:
            kind = CODE
            match = _FENCE.match(text)
            if match and match.group(1)[0] == fence[0] and len(match.group(1)) >= fence[1] \
                    and not match.group(2).strip():
                fence = None
        elif in_comment:
            kind = COMMENT
            if "-->" in text:
                in_comment = 0
        elif math_end:
            kind = MATH
            if math_end[0] in text:
                math_end = None
        elif not text.strip():
            kind = BLANK
        elif (match := _FENCE.match(text)) and not (match.group(1)[0] == "`" and "`" in match.group(2)):
            kind, fence = CODE, (match.group(1)[0], len(match.group(1)), no)
        elif (prev_blank or prev_indented) and not in_list and raw.startswith(("    ", "\t")):
            kind, indented = CODE, True  # an indented code block
        elif match := _DIV.match(text):
            kind, attrs = (DIV_OPEN if match.group(2) else DIV_CLOSE), match.group(2)
            lines.append(Line(no, text, kind, attrs))
            prev_blank = prev_indented = False
            continue
        elif match := _HEADING.match(text):
            lines.append(Line(no, match.group(2), HEADING, str(len(match.group(1)))))
            prev_blank = prev_indented = in_list = False
            continue
        else:
            kind, math_end, in_comment = _open_math_or_comment(text, no)
        if kind == TEXT:
            if _LIST_ITEM.match(text):
                in_list = True
            elif prev_blank and not raw.startswith((" ", "\t")):
                in_list = False
        prev_blank, prev_indented = kind == BLANK, indented or (prev_indented and kind == BLANK)
        lines.append(Line(no, text, kind))
    if fence:
        problems.append(_problem(path, to_file_line(fence[2]), "code fence is never closed"))
    if math_end:
        problems.append(_problem(path, to_file_line(math_end[1]), f"display math is never closed "
                                                                  f"(expected {math_end[0]})"))
    if in_comment:
        problems.append(_problem(path, to_file_line(in_comment), "HTML comment is never closed (expected -->)",
                                 Severity.WARNING))
    return lines


def _open_math_or_comment(text: str, no: int) -> tuple[int, tuple[str, int] | None, int]:
    """For a line outside any block: does it open display math or a comment that continues below?"""
    stripped = text.strip()
    if stripped.startswith("$$"):
        return MATH, (None if "$$" in stripped[2:] else ("$$", no)), 0
    if stripped.startswith("\\["):
        return MATH, (None if "\\]" in stripped[2:] else ("\\]", no)), 0
    if match := _BEGIN_ENV.match(stripped):
        close = f"\\end{{{match.group(1)}}}"
        return MATH, (None if close in stripped else (close, no)), 0
    start = text.rfind("<!--")
    if start >= 0 and "-->" not in text[start + 4:]:
        return (COMMENT if start == len(text) - len(text.lstrip()) else TEXT), None, no
    return TEXT, None, 0


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
    root = Block(DIV_OPEN, [], attrs={"classes": []})
    stack = [root]
    para: list[Line] = []

    def flush() -> None:
        if para:
            stack[-1].children.append(Block(TEXT, para.copy()))
            para.clear()

    for line in lines:
        if line.kind == BLANK:
            flush()
        elif line.kind == HEADING:
            flush()
            stack[-1].children.append(Block(HEADING, [line]))
        elif line.kind == DIV_OPEN:
            flush()
            div = Block(DIV_OPEN, [line], attrs=parse_attrs(line.attrs))
            stack[-1].children.append(div)
            stack.append(div)
        elif line.kind == DIV_CLOSE:
            flush()
            if len(stack) > 1:
                stack.pop().end = line.no
            else:
                problems.append(_problem(path, to_file_line(line.no), "':::' closes a div that was never "
                                                                      "opened", Severity.WARNING))
        else:
            para.append(line)
    flush()
    for div in stack[1:]:
        problems.append(_problem(path, to_file_line(div.start), "fenced div ':::' is never closed"))
        div.end = lines[-1].no if lines else div.start
    return root.children


# --- inline masking ----------------------------------------------------------------------------------------

MASK = "\x01"
_CODE_SPAN = re.compile(r"(`+)(?!`)(.+?)(?<!`)\1(?!`)", re.DOTALL)
_INLINE_MATH = re.compile(r"\$\$(.+?)\$\$|\$(?![\s$])((?:[^$\\\n]|\\.)+?)(?<![\s\\])\$(?!\d)|\\\((.+?)\\\)",
                          re.DOTALL)
_SHORTCODE = re.compile(r"\{\{<.*?>\}\}", re.DOTALL)
_HTML_COMMENT = re.compile(r"<!--.*?(?:-->|\Z)", re.DOTALL)


def _blank(match: re.Match) -> str:
    return "".join(c if c == "\n" else MASK for c in match.group(0))


def mask_inline(text: str) -> tuple[str, list[tuple[int, int]]]:
    """Replace code spans, comments, shortcodes, `\\$` and inline math by MASK (same length), keeping newlines.

    Returns the masked text and the spans of inline math in it. Card syntax is searched in the masked text and
    the card's pieces are then cut from the original at the same offsets.
    """
    text = _CODE_SPAN.sub(_blank, text)
    text = _HTML_COMMENT.sub(_blank, text)
    text = _SHORTCODE.sub(_blank, text)
    text = text.replace("\\$", MASK * 2)
    spans = [(m.start(), m.end()) for m in _INLINE_MATH.finditer(text)]
    for start, end in spans:
        text = text[:start] + _blank_str(text[start:end]) + text[end:]
    return text, spans


def _blank_str(s: str) -> str:
    return "".join(c if c == "\n" else MASK for c in s)


# --- clozes -----------------------------------------------------------------------------------------------

_ANKI_CLOZE = re.compile(r"\{\{c(\d+)::")
_SPAN_CLOZE = re.compile(r"\[((?:[^\[\]\n]|\[[^\[\]\n]*\])+)\]\{([^{}\n]*\.cloze\b[^{}\n]*)\}")
_HIGHLIGHT = re.compile(r"==(?=\S)([^=\n]+?)(?<=\S)==")
_MATH_CLOZE = re.compile(r"\\cloze\{")


@dataclass
class Cloze:
    start: int
    end: int
    group: int
    content: str
    hint: str = ""


def matching_brace_end(text: str, pos: int, closer: str = "}") -> int:
    """Index just past the `}` (or `}}` for clozes) that closes a group opened before `pos`, or -1."""
    depth = 0
    i = pos
    while i < len(text):
        ch = text[i]
        if ch == "\\":
            i += 2
            continue
        if ch == "{":
            depth += 1
        elif ch == "}":
            if depth == 0:
                if closer == "}":
                    return i + 1
                if text.startswith("}}", i):
                    return i + 2
                return -1
            depth -= 1
        i += 1
    return -1


def _split_hint(body: str) -> tuple[str, str]:
    """'text::hint' → ('text', 'hint'), splitting at the last top-level '::' (not inside braces)."""
    depth, cut = 0, -1
    for i, ch in enumerate(body):
        depth += ch == "{"
        depth -= ch == "}"
        if depth == 0 and body.startswith("::", i) and not body.startswith(":::", i):
            cut = i
    return (body[:cut], body[cut + 2:]) if cut >= 0 else (body, "")


def find_clozes(text: str, masked: str, math_text: str, highlight: bool) -> list[Cloze]:
    """All clozes in a paragraph, with groups numbered: explicit numbers kept, others after the largest."""
    found: list[Cloze] = []
    for match in _ANKI_CLOZE.finditer(masked):
        end = matching_brace_end(text, match.end(), "}}")
        if end < 0:
            end_naive = text.find("}}", match.end())
            if end_naive < 0:
                continue
            end = end_naive + 2
        content, hint = _split_hint(text[match.end():end - 2])
        found.append(Cloze(match.start(), end, int(match.group(1)), content, hint))
    for match in _SPAN_CLOZE.finditer(masked):
        attrs = parse_attrs("{" + match.group(2) + "}")
        group = int(attrs["n"]) if str(attrs.get("n", "")).isdigit() else 0
        inner = text[match.start(1):match.end(1)]
        found.append(Cloze(match.start(), match.end(), group, inner, attrs.get("hint", "")))
    if highlight:
        for match in _HIGHLIGHT.finditer(masked):
            found.append(Cloze(match.start(), match.end(), 0, text[match.start(1):match.end(1)]))
    for match in _MATH_CLOZE.finditer(math_text):
        end = matching_brace_end(text, match.end())
        if end > 0:
            found.append(Cloze(match.start(), end, 0, text[match.end():end - 1]))
    found.sort(key=lambda c: c.start)
    kept: list[Cloze] = []
    for cloze in found:  # drop clozes nested inside another one
        if not kept or cloze.start >= kept[-1].end:
            kept.append(cloze)
    nxt = max((c.group for c in kept), default=0) + 1
    for cloze in kept:
        if cloze.group == 0:
            cloze.group, nxt = nxt, nxt + 1
    return kept


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


@dataclass
class Draft:
    """A card before ids: produced by the card-form functions, finished by `_finish`."""

    kind: CardKind
    front: str
    back: str
    line: int
    explicit_id: str = ""
    group: int = 0
    text: str = ""
    deck: str = ""
    tags: tuple[str, ...] = ()


class _Extractor:
    def __init__(self, body: str, ctx: NoteContext):
        self.ctx = ctx
        self.problems: list[Problem] = []
        self.drafts: list[tuple[list[Draft], str]] = []  # (sibling drafts, heading path)
        self.headings: list[tuple[int, str]] = []
        self.formulas_seen: set[str] = set()
        self.prev_text: Block | None = None
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
        i = 0
        while i < len(blocks):
            block = blocks[i]
            if block.kind == HEADING:
                level = int(block.lines[0].attrs)
                self.headings = [(lv, h) for lv, h in self.headings if lv < level]
                self.headings.append((level, block.lines[0].text.strip()))
                self.prev_text = None
            elif block.kind == DIV_OPEN:
                if "card" in block.attrs.get("classes", []):
                    self.div_card(block)
                else:
                    self.walk(block.children)
                self.prev_text = None
            else:
                i = self.paragraph(blocks, i)
                continue
            i += 1

    def paragraph(self, blocks: list[Block], i: int) -> int:
        """Handle the paragraph at blocks[i]; return the index of the next block to look at."""
        block = blocks[i]
        text_lines = [ln for ln in block.lines if ln.kind == TEXT]
        if text_lines and re.match(r"\s*Q:", text_lines[0].text):
            return self.question_answer(blocks, i)
        if any(ln.kind == TEXT and ln.text.strip() in ("?", "??") for ln in block.lines):
            self.multiline_card(block)
        elif not (self.cloze_card(block) | self.inline_cards(block) | self.definition_cards(block)):
            self.formula_cards(block)
        self.check_dollars(block)
        self.prev_text = block
        return i + 1

    def check_dollars(self, block: Block) -> None:
        text = "\n".join(ln.text for ln in block.lines if ln.kind == TEXT)
        if "$" in text and mask_inline(text)[0].count("$") % 2:
            line = next(ln.no for ln in block.lines if ln.kind == TEXT and "$" in ln.text)
            self.err(line, "unbalanced '$' (write \\$ for a dollar sign)", Severity.WARNING, "math")

    # Q: / A:
    def question_answer(self, blocks: list[Block], i: int) -> int:
        lines: list[Line] = []
        j = i
        while j < len(blocks) and blocks[j].kind == TEXT:
            if j > i and re.match(r"\s*Q:", blocks[j].lines[0].text):
                break
            lines.extend(blocks[j].lines)
            if any(re.match(r"\s*A:", ln.text) for ln in blocks[j].lines if ln.kind == TEXT):
                break
            lines.append(Line(blocks[j].lines[-1].no, "", BLANK))
            j += 1
        start = lines[0].no
        a_index = next((k for k, ln in enumerate(lines) if ln.kind == TEXT and re.match(r"\s*A:", ln.text)), None)
        if a_index is None:
            self.err(start, "'Q:' has no matching 'A:' line")
            return i + 1
        front = _join(lines[:a_index]).strip()
        front = re.sub(r"^\s*Q:\s*", "", front)
        back = re.sub(r"^\s*A:\s*", "", _join(lines[a_index:]))
        # anything after the answer inside the same paragraph is not part of a second card
        self.add_pair(CardKind.BASIC, front, back.strip(), start)
        return j + 1

    def add_pair(self, kind: CardKind, front: str, back: str, line: int, both_ways: bool = False,
                 explicit_id: str = "", deck: str = "", tags: tuple[str, ...] = ()) -> None:
        if not front.strip() or not back.strip():
            side = "front" if not front.strip() else "back"
            self.err(line, f"card has an empty {side}")
            return
        drafts = [Draft(kind, front.strip(), back.strip(), line, explicit_id, deck=deck, tags=tags)]
        if both_ways:
            drafts.append(Draft(CardKind.REVERSE, back.strip(), front.strip(), line, explicit_id, deck=deck,
                                tags=tags))
        self.emit(drafts)

    # front ? back
    def multiline_card(self, block: Block) -> None:
        k = next(k for k, ln in enumerate(block.lines) if ln.kind == TEXT and ln.text.strip() in ("?", "??"))
        both = block.lines[k].text.strip() == "??"
        self.add_pair(CardKind.BASIC, _join(block.lines[:k]), _join(block.lines[k + 1:]), block.start, both)

    # front :: back and front ::: back
    def inline_cards(self, block: Block) -> bool:
        found = False
        for line in block.lines:
            if line.kind != TEXT or "::" not in line.text:
                continue
            masked, _ = mask_inline(line.text)
            masked = _ANKI_CLOZE_ANY.sub(_blank, masked)
            match = re.search(r":{2,}", masked)
            if not match or len(match.group(0)) > 3:
                continue
            front = _LIST_ITEM.sub("", line.text[:match.start()], count=1).strip()
            back = line.text[match.end():].strip()
            self.add_pair(CardKind.BASIC, front, back, line.no, both_ways=len(match.group(0)) == 3)
            found = True
        return found

    # clozes
    def cloze_card(self, block: Block) -> bool:
        text = _join(block.lines)
        if not _MAY_HAVE_CLOZE.search(text):
            return False
        masked, math_spans = mask_inline(text)
        math_text = _math_only(text, block.lines, math_spans)
        clozes = find_clozes(text, masked, math_text, self.ctx.highlight_cloze and self.ctx.file_type == "md")
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
        anki_text = anki_cloze_text(text, clozes)
        drafts = [Draft(CardKind.CLOZE, render_clozes(text, clozes, group).strip(),
                        render_clozes(text, clozes, None).strip(), block.start, group=group, text=anki_text)
                  for group in sorted({c.group for c in clozes})]
        self.emit(drafts)
        return True

    # **Term**: definition
    def definition_cards(self, block: Block) -> bool:
        if not self.ctx.definitions:
            return False
        found = False
        items = _list_items(block.lines)
        for item in items:
            match = _DEFINITION.match(item[0].text)
            if not match:
                continue
            term = match.group(1).strip().rstrip(":")
            rest = item[0].text[match.end():]
            definition = "\n".join([rest] + [ln.text.strip() for ln in item[1:]]).strip()
            self.add_pair(CardKind.DEFINITION, f"Define: {term}", definition, item[0].no)
            found = True
        return found

    # formulas
    def formula_cards(self, block: Block) -> None:
        if self.ctx.formulas == "none":
            return
        for start, formula, label in _display_formulas(block.lines):
            key = ids.normalize(formula)
            if key in self.formulas_seen or is_trivial_formula(formula):
                continue
            self.formulas_seen.add(key)
            intro = self.introducing_sentence(block, start)
            self.add_formula(intro, f"$${formula}$$", start, label)
        if self.ctx.formulas == "inline":
            self.inline_formula_cards(block)

    def add_formula(self, intro: str, back: str, line: int, label: str = "") -> None:
        parts = [p for p in (self.heading_path(), intro) if p]
        if label:
            parts.append(f"({label})")
        if not parts:
            parts.append(f"Formula from {PurePosixPath(self.ctx.path).stem}")
        self.emit([Draft(CardKind.FORMULA, "\n\n".join(parts), back, line)])

    def introducing_sentence(self, block: Block, math_start: int) -> str:
        before = [ln for ln in block.lines if ln.no < math_start and ln.kind == TEXT]
        if not before and self.prev_text is not None:
            before = [ln for ln in self.prev_text.lines if ln.kind == TEXT]
        return last_sentence(" ".join(ln.text.strip() for ln in before))

    def inline_formula_cards(self, block: Block) -> None:
        text = _join(block.lines)
        _, spans = mask_inline(text)
        for start, end in spans:
            eq = text[start:end]
            body = eq.strip("$")
            if eq.startswith("$$") or not _RELATION.search(body) or len(body.strip()) < 8:
                continue
            key = ids.normalize(body)
            if key in self.formulas_seen:
                continue
            self.formulas_seen.add(key)
            sentence = sentence_around(text, start, end)
            line = block.start + text.count("\n", 0, start)
            self.emit([Draft(CardKind.FORMULA, _prefix_heading(self.heading_path(), sentence), eq, line)])

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
        return [card for drafts, heading in self.drafts for card in self._finish(drafts, heading)]

    def _finish(self, drafts: list[Draft], heading: str) -> list[Card]:
        cards = []
        for n, d in enumerate(drafts):
            if d.explicit_id:
                suffix = {CardKind.REVERSE: "-r"}.get(d.kind, f"-c{d.group}" if d.kind == CardKind.CLOZE else "")
                cid = d.explicit_id + suffix
            else:
                cid = ids.card_id(d.kind.value, d.front, d.group)
            cards.append(Card(
                id=cid, note_id="", kind=d.kind, front=d.front, back=d.back,
                source=Source(self.ctx.path, self.ctx.file_line(d.line)),
                deck=d.deck or self.ctx.deck, tags=tuple(dict.fromkeys(self.ctx.tags + d.tags)),
                heading=heading, group=d.group, text=d.text, explicit_id=bool(d.explicit_id)))
        note_id = drafts[0].explicit_id or cards[0].id
        return [_with_note(c, note_id) for c in cards]


def _with_note(card: Card, note_id: str) -> Card:
    from dataclasses import replace

    return replace(card, note_id=note_id)


_ANKI_CLOZE_ANY = re.compile(r"\{\{c\d+::.*?\}\}")
_MAY_HAVE_CLOZE = re.compile(r"\{\{c\d+::|\.cloze\b|==|\\cloze\{")
_DEFINITION = re.compile(r"^\s*(?:[-*+]\s+|\d+[.)]\s+)?\*\*([^*\n]+?)\*\*\s*:?\s*(?<=:|\*)\s*")
_RELATION = re.compile(r"=|\\approx|\\le|\\ge|\\leq|\\geq|\\propto|\\sim|\\equiv|\\neq|<|>|\\to\b|\\in\b")


def _join(lines: list[Line]) -> str:
    return "\n".join(ln.text for ln in lines)


def _join_blocks(blocks: list[Block]) -> str:
    parts = []
    for block in blocks:
        if block.kind == HEADING:
            parts.append(block.lines[0].text)
        elif block.kind == DIV_OPEN:
            parts.append(_join_blocks(block.children))
        else:
            parts.append(_join(block.lines))
    return "\n\n".join(p for p in parts if p.strip())


def _split_card_div(div: Block) -> tuple[list[Block], list[Block]]:
    """Front and back of a card div: an inner `::: back` div, else the first heading, else first paragraph."""
    children = div.children
    for k, child in enumerate(children):
        if child.kind == DIV_OPEN and "back" in child.attrs.get("classes", []):
            return children[:k], child.children + children[k + 1:]
    if not children:
        return [], []
    return children[:1], children[1:]


def _math_only(text: str, lines: list[Line], spans: list[tuple[int, int]]) -> str:
    """The paragraph with everything that is not math blanked (to find \\cloze{} only inside math)."""
    keep = bytearray(len(text))
    for start, end in spans:
        keep[start:end] = b"\x01" * (end - start)
    pos = 0
    for line in lines:
        if line.kind == MATH:
            keep[pos:pos + len(line.text)] = b"\x01" * len(line.text)
        pos += len(line.text) + 1
    return "".join(c if keep[i] else " " for i, c in enumerate(text))


def _list_items(lines: list[Line]) -> list[list[Line]]:
    """Split a paragraph into list items (or keep it whole when it is not a list)."""
    items: list[list[Line]] = []
    for line in lines:
        if not items or (line.kind == TEXT and _LIST_ITEM.match(line.text)):
            items.append([line])
        else:
            items[-1].append(line)
    return items


def _display_formulas(lines: list[Line]) -> list[tuple[int, str, str]]:
    """(line, formula body, Quarto label) for each display formula in a paragraph."""
    found: list[tuple[int, str, str]] = []
    current: list[Line] = []
    for line in lines + [Line(0, "", BLANK)]:
        if line.kind == MATH:
            current.append(line)
            if not _closes_math(current):
                continue
        if current:
            raw = "\n".join(ln.text for ln in current)
            label = _LABEL.search(raw)
            found.append((current[0].no, _strip_delimiters(_LABEL.sub("", raw)), label.group(1) if label else ""))
            current = []
        if line.kind == TEXT and "$$" in line.text:
            for match in re.finditer(r"\$\$(.+?)\$\$", line.text):
                label = _LABEL.search(line.text[match.end():])
                found.append((line.no, match.group(1).strip(), label.group(1) if label else ""))
    return found


def _closes_math(current: list[Line]) -> bool:
    raw = "\n".join(ln.text for ln in current).strip()
    if raw.startswith("$$"):
        return raw.count("$$") >= 2
    if raw.startswith("\\["):
        return "\\]" in raw
    match = _BEGIN_ENV.match(raw)
    return bool(match) and f"\\end{{{match.group(1)}}}" in raw


def _strip_delimiters(raw: str) -> str:
    raw = raw.strip()
    if raw.startswith("$$"):
        raw = raw[2:]
        raw = raw[:raw.rfind("$$")] if "$$" in raw else raw
    elif raw.startswith("\\["):
        raw = raw[2:]
        raw = raw[:raw.rfind("\\]")] if "\\]" in raw else raw
    return raw.strip()


def is_trivial_formula(formula: str) -> bool:
    """A lone symbol or a tiny expression is not worth a card."""
    compact = re.sub(r"\s+|\\[,;!: ]|\\quad|\\qquad", "", formula)
    return len(compact) < 5 or (not _RELATION.search(formula) and len(compact) < 20)


_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z\\$*(\[])")


def last_sentence(text: str, limit: int = 300) -> str:
    """The last sentence of a paragraph, the one that introduces what follows it."""
    text = _LIST_ITEM.sub("", text.strip())
    if not text:
        return ""
    sentence = _SENTENCE_END.split(text)[-1].strip()
    if len(sentence) > limit:
        sentence = "…" + sentence[-limit:].split(" ", 1)[-1]
    return sentence


def sentence_around(text: str, start: int, end: int) -> str:
    """The sentence holding text[start:end], with that span hidden as [...]."""
    flat = text[:start] + "\x02" + text[end:]
    for sentence in _SENTENCE_END.split(flat.replace("\n", " ")):
        if "\x02" in sentence:
            return _LIST_ITEM.sub("", sentence.strip()).replace("\x02", "[...]")
    return "[...]"


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


def clean_tag(tag: str) -> str:
    """Anki tags cannot hold spaces; keep them readable with underscores."""
    return re.sub(r"\s+", "_", tag.strip().lstrip("#"))


def note_context(note: NoteText, config) -> NoteContext:
    """Deck, tags and options for one note, from its front matter, its folder and the config."""
    rel_notes = _relative_to_notes(note.path, config)
    folders = list(PurePosixPath(rel_notes).parent.parts)
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


def _relative_to_notes(rel_root: str, config) -> str:
    try:
        notes_rel = config.notes_dir.relative_to(config.root).as_posix()
    except ValueError:
        return rel_root
    if notes_rel in ("", "."):
        return rel_root
    prefix = notes_rel + "/"
    return rel_root[len(prefix):] if rel_root.startswith(prefix) else rel_root


def extract(body: str, ctx: NoteContext) -> ExtractResult:
    """All cards of one note body (front matter already removed), and the problems found on the way."""
    extractor = _Extractor(body, ctx)
    extractor.run()
    cards = extractor.cards()
    seen: dict[str, Card] = {}
    for card in cards:
        if card.explicit_id and card.id in seen and seen[card.id].explicit_id:
            extractor.problems.append(_problem(ctx.path, card.source.line, f"duplicate id '{card.id}' "
                                                                           f"(also at line {seen[card.id].source.line})"))
        seen.setdefault(card.id, card)
    unique = [c for c in cards if seen.get(c.id) is c]
    return ExtractResult(cards=[_with_ord(c, n) for n, c in enumerate(unique)], problems=extractor.problems)


def _with_ord(card: Card, n: int) -> Card:
    from dataclasses import replace

    return replace(card, ord=n)
