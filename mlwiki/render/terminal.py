"""Card text for the terminal: Markdown shown by rich, with its math as readable Unicode.

Math spans are found by the markdown-it rules of the Anki export (`mlwiki.render.html`), registered before every
Markdown rule, so Markdown never reads inside a formula: `$\\|A\\|_F$` keeps its underscore instead of starting
italics. `\\(…\\)` and `\\[…\\]` count as math too. Display math keeps its own lines (aligned rows, matrices) rather
than being reflowed into the paragraph; a row wider than the terminal is broken as a typesetter would
(`mlwiki.render.formula_rows`), never cut. rich and markdown-it are imported when a card is first shown.
"""

from __future__ import annotations

import re
from functools import lru_cache

from mlwiki.render.latex_text import latex_to_unicode
from mlwiki.render.spans import COMPUTED_SPAN, TEXT_MATH, text_math_latex
from mlwiki.textsafe import inert

_PAREN_CLOSERS = {"(": "\\)", "[": "\\]"}


def _paren_math(state, silent: bool) -> bool:
    """`\\(…\\)` (inline) and `\\[…\\]` (display) inside a paragraph."""
    src, pos = state.src, state.pos
    if src[pos] != "\\" or pos + 1 >= state.posMax or src[pos + 1] not in _PAREN_CLOSERS:
        return False
    close = src.find(_PAREN_CLOSERS[src[pos + 1]], pos + 2, state.posMax)
    if close < 0 or not src[pos + 2:close].strip():
        return False
    if not silent:
        token = state.push("math_inline" if src[pos + 1] == "(" else "math_inline_double", "math", 0)
        token.content = src[pos + 2:close]
    state.pos = close + 2
    return True


@lru_cache(maxsize=1)
def _parser():
    from markdown_it import MarkdownIt

    from mlwiki.render.html import math_block_rule, math_inline_rule  # the export's math rules: one notion of a span
    from mlwiki.render.myst import add_rules as add_myst_rules
    from mlwiki.render.wikilinks import add_rules as add_note_rules

    md = MarkdownIt("commonmark").enable(["strikethrough", "table"])
    md.inline.ruler.before("escape", "math_inline", math_inline_rule)
    md.inline.ruler.before("escape", "math_paren", _paren_math)
    add_note_rules(md)
    add_myst_rules(md)
    md.block.ruler.before("fence", "math_block", math_block_rule,
                          {"alt": ["paragraph", "reference", "blockquote", "list"]})
    return md


def _unicode_math(tokens) -> None:
    """Turn math tokens into text tokens holding the formula as Unicode (display math on lines of its own)."""
    for token in tokens:
        if token.type == "math_block":
            token.content = latex_to_unicode(token.content)
        children = token.children or []
        for i, child in enumerate(children):
            if child.type not in ("math_inline", "math_inline_double"):
                continue
            text = latex_to_unicode(child.content)
            if child.type == "math_inline" and "\n" not in text:
                child.type, child.content = "text", text
            else:  # (`$$…$$` in a sentence, or a `$…$` laid out over rows, a matrix: on lines of its own, where its
                # rows stand under each other rather than the first after the sentence's words and the rest at the edge)
                child.type, child.content = "text", "\n" + text + "\n"
                if i > 0 and children[i - 1].type == "text":
                    children[i - 1].content = children[i - 1].content.rstrip()
                if i + 1 < len(children) and children[i + 1].type == "text":
                    children[i + 1].content = children[i + 1].content.lstrip()


def _highlights_bold(tokens) -> None:
    """A ==highlight== in bold: rich's Markdown knows no `<mark>` (it would drop the text inside)."""
    for token in tokens:
        for child in token.children or []:
            if child.type in ("mark_open", "mark_close"):
                child.type, child.tag = child.type.replace("mark", "strong"), "strong"


# Inline HTML a notebook's Markdown holds ("<b>Note:</b> …", "a<br>b"): read as the Markdown it stands for; any other
# tag is left out, its text kept
_HTML_INLINE = re.compile(r"(?i)<(/?)(b|strong|i|em|br)\s*/?>")
_HTML_TOKEN = {"b": "strong", "strong": "strong", "i": "em", "em": "em"}


def _html_inline(tokens) -> None:
    """`<b>`, `<i>` and `<br>` written in a note's text as the emphasis and line breaks they are."""
    for token in tokens:
        for child in token.children or []:
            if child.type == "html_inline" and (match := _HTML_INLINE.fullmatch(child.content.strip())):
                tag = match.group(2).lower()
                if tag == "br":
                    child.type = "hardbreak"
                else:
                    child.tag = _HTML_TOKEN[tag]
                    child.type = f"{child.tag}_{'close' if match.group(1) else 'open'}"
                    child.nesting = -1 if match.group(1) else 1


@lru_cache(maxsize=1)
def _markdown_class():
    from rich.markdown import Markdown, TableElement, TextElement
    from rich.padding import Padding
    from rich.text import Text

    class MathBlock(TextElement):
        """A display formula: its lines as they are, indented, never reflowed into a paragraph; a line wider than
        the room is broken into aligned rows, and one that had to be folded mid-term says "press o"."""

        def __rich_console__(self, console, options):
            from mlwiki.render.formula_rows import fit_formula

            rows, folded = [], False
            for line in self.text.plain.split("\n"):
                fitted, cut = fit_formula(line, options.max_width - 2)
                rows += fitted
                folded |= cut
            yield Padding(Text("\n".join(rows), no_wrap=True, overflow="fold"), (0, 0, 0, 2))
            if folded:
                yield Text("  (too wide to show whole here: press o to see it typeset)", style="dim italic")

    class FoldingTable(TableElement):
        """A Markdown table whose cells fold a word too long for its column instead of cutting it with `…`."""

        def __rich_console__(self, console, options):
            for table in super().__rich_console__(console, options):
                for column in table.columns:
                    column.overflow = "fold"
                yield table

    class CardMarkdown(Markdown):
        elements = {**Markdown.elements, "math_block": MathBlock, "table_open": FoldingTable}

        def __init__(self, markup: str) -> None:
            super().__init__("")
            self.markup = markup
            self.parsed = _parser().parse(markup)
            _unicode_math(self.parsed)
            _highlights_bold(self.parsed)
            _html_inline(self.parsed)

    return CardMarkdown


def card_markdown(text: str):
    """A rich renderable of a card side: control characters made inert, Markdown styled, math as Unicode."""
    return _markdown_class()(inert(text))


def plain_text(text: str) -> str:
    """A card side as plain text, for the line-oriented review (scripts, pipes, screen readers): no Markdown
    markers (`**`, `#`, backticks, link syntax), links as their text, math as Unicode, list items after "- ",
    table rows as cells between " | ", blocks one blank line apart. Control characters are made inert."""
    tokens = _parser().parse(inert(text))
    _unicode_math(tokens)
    _html_inline(tokens)
    blocks: list[tuple[str, str]] = []  # (text, group): lines of one list or table go without blank lines
    bullets: list[str | int] = []  # "- ", or the next number, for each open list
    row: list[str] | None = None
    pending_item = False
    for token in tokens:
        kind = token.type
        if kind in ("bullet_list_open", "ordered_list_open"):
            bullets.append("- " if kind == "bullet_list_open" else int(token.attrGet("start") or 1))
        elif kind in ("bullet_list_close", "ordered_list_close"):
            bullets.pop()
        elif kind == "list_item_open":
            pending_item = True
        elif kind == "tr_open":
            row = []
        elif kind == "tr_close" and row is not None:
            blocks.append((" | ".join(row), "table"))
            row = None
        elif kind == "inline" and row is not None:
            row.append(_inline_text(token.children or []))
        elif kind == "inline":
            line = _inline_text(token.children or [])
            if pending_item:
                line, pending_item = "  " * (len(bullets) - 1) + _marker(bullets) + line, False
            blocks.append((line, "list" if bullets else ""))
        elif kind in ("fence", "code_block"):
            blocks.append((token.content.rstrip("\n"), ""))
        elif kind == "math_block":  # (every line indented: a matrix's rows stay under each other)
            blocks.append(("\n".join("  " + row for row in token.content.rstrip("\n").split("\n")), ""))
    out: list[str] = []
    for k, (block, group) in enumerate(blocks):
        if k and not (group and group == blocks[k - 1][1]):
            out.append("")
        out.append(block)
    return "\n".join(out)


def _marker(bullets: list[str | int]) -> str:
    """The marker of the next item of the innermost list: "- ", or its number, counting on from the list's start."""
    if isinstance(bullets[-1], str):
        return bullets[-1]
    bullets[-1] += 1
    return f"{bullets[-1] - 1}. "


def _inline_text(children) -> str:
    parts = []
    for child in children:
        if child.type in ("text", "code_inline"):
            parts.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            parts.append("\n")
        elif child.type == "image":
            alt = "".join(c.content for c in child.children or [])
            parts.append(f"[image{': ' + alt if alt else ''}]")
    return "".join(parts)


_EMPHASIS = re.compile(r"(\*\*|__|`|==)(?=\S)(.+?)(?<=\S)\1")


def listing_text(text: str) -> str:
    """A card side on one line of a listing (`mlwiki cards`), cheaply: math as Unicode, no `**`/`__`/backtick
    markers, paragraphs joined by " · ". Far cheaper than `plain_text` (no Markdown parse), for thousands of rows."""
    def math(match: re.Match) -> str:
        latex = text_math_latex(match)
        return "$" if latex is None else latex_to_unicode(latex)

    text = _EMPHASIS.sub(r"\2", COMPUTED_SPAN.sub("…", TEXT_MATH.sub(math, text)))
    return inert(" · ".join(" ".join(part.split()) for part in text.split("\n\n") if part.strip()))
