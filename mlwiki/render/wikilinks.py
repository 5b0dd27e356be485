"""markdown-it rules for what Obsidian and LaTeX notes write that Markdown does not read, so the learner sees
what the note's own viewer shows: `[[target|alias]]` (Dendron's `[[alias|note.name]]`) → *alias*, `[[target]]` → *target*, `[[x]](url)` → a link
"x" (a citation key linked to its paper), `![[figure.png]]` → the image, `\\verb|x|` → code `x`, and footnotes
(`[^1]`, a mark, and `[^1]: Ho et al. 2020`, its text, which Pandoc, Obsidian and GitHub set at a page's foot): left
off, as a card has no foot to set them at; Obsidian's `==highlight==` → highlighted text (`<mark>`, without the
markers in the terminal); Quarto's and R Markdown's inline code that the page computes (`` `{python} n_params` ``,
`` `r round(phi, 3)` ``) → "…", a value the card cannot know; GitHub's and VitePress's `:warning:` → ⚠️.

Cards keep the note's own text (`cards --json` shows it as written); these rules run where a card is shown (the
Anki export in `render.html`, the terminal in `render.terminal`). Math and code spans are found by earlier rules,
so nothing inside them is touched.
"""

from __future__ import annotations

import re

from markdown_it.rules_block import StateBlock
from markdown_it.rules_inline import StateInline

from mlwiki.render.spans import BLOCK_ID, COMPUTED_CODE, FOOTNOTE_MARK, FOOTNOTE_TEXT, link_alias, shown_link_text

_IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg", ".gif", ".svg", ".webp", ".avif", ".bmp")


def _target_text(inner: str) -> str:
    """What Obsidian shows for a wikilink: the alias, else the target (`Note#Heading` as "Note Heading", `Note#^id`
    as "Note")."""
    target, alias = link_alias(inner)
    return (alias or shown_link_text(target)).strip()


def _link_after(src: str, pos: int, maximum: int) -> tuple[str, int] | None:
    """`(url)` right at pos: (url, position after it), or None."""
    if pos >= maximum or src[pos] != "(":
        return None
    close = src.find(")", pos + 1, maximum)
    if close < 0 or "\n" in src[pos:close]:
        return None
    url = src[pos + 1:close].strip()
    return (url, close + 1) if url and " " not in url else None


def wikilink_rule(state: StateInline, silent: bool) -> bool:
    """`[[target|alias]]`, `[[x]](url)` and `![[embed]]`."""
    src, pos, maximum = state.src, state.pos, state.posMax
    embed = src.startswith("![[", pos)
    start = pos + 1 if embed else pos
    if not src.startswith("[[", start):
        return False
    close = src.find("]]", start + 2, maximum)
    inner = src[start + 2:close] if close >= 0 else ""
    if not inner.strip() or "[" in inner or "]" in inner or "\n" in inner:
        return False
    end, text = close + 2, _target_text(inner)
    link = None if embed else _link_after(src, end, maximum)
    if not silent:
        if embed and inner.split("|")[0].strip().lower().endswith(_IMAGE_SUFFIXES):
            token = state.push("image", "img", 0)
            token.attrs = {"src": state.md.normalizeLink(inner.split("|")[0].strip()), "alt": ""}
            token.children, token.content = [], ""
        elif link is not None and state.md.validateLink(state.md.normalizeLink(link[0])):
            state.push("link_open", "a", 1).attrs = {"href": state.md.normalizeLink(link[0])}
            state.push("text", "", 0).content = text
            state.push("link_close", "a", -1)
        else:
            state.push("text", "", 0).content = text
    state.pos = link[1] if link is not None else end
    return True


def highlight_rule(state: StateInline, silent: bool) -> bool:
    """Obsidian's `==highlighted text==` (on one line, no space just inside the markers) as `<mark>`, its inside
    read as Markdown (bold, math, links). A note whose highlights are clozes never reaches here with them."""
    src, pos = state.src, state.pos
    if not src.startswith("==", pos) or pos + 2 >= state.posMax or src[pos + 2] in " \t\n=":
        return False
    close = src.find("==", pos + 3, state.posMax)
    if close < 0 or "\n" in src[pos + 2:close] or src[close - 1].isspace():
        return False
    if not silent:
        end = state.posMax
        state.push("mark_open", "mark", 1)
        state.pos, state.posMax = pos + 2, close
        state.md.inline.tokenize(state)
        state.push("mark_close", "mark", -1)
        state.posMax = end
    state.pos = close + 2
    return True


def computed_code_rule(state: StateInline, silent: bool) -> bool:
    """`` `{python} n_params` ``, `` `r round(coef(fit)[1], 3)` ``: a value the page computes when it is rendered,
    which the card cannot know: "…" in its place, not the code."""
    src, pos = state.src, state.pos
    if src[pos] != "`" or not COMPUTED_CODE.match(src, pos + 1) or src.startswith("``", pos):
        return False
    close = src.find("`", pos + 1, state.posMax)
    if close < 0 or "\n" in src[pos:close]:
        return False
    if not silent:
        state.push("text", "", 0).content = "…"
    state.pos = close + 1
    return True


def verb_rule(state: StateInline, silent: bool) -> bool:
    """LaTeX's `\\verb|x|` (any delimiter) as inline code."""
    src, pos = state.src, state.pos
    if not src.startswith("\\verb", pos) or pos + 6 >= state.posMax:
        return False
    delimiter = src[pos + 5]
    if delimiter.isalpha() or delimiter.isspace() or delimiter == "*":
        return False
    close = src.find(delimiter, pos + 6, state.posMax)
    if close < 0 or "\n" in src[pos + 6:close]:
        return False
    if not silent:
        token = state.push("code_inline", "code", 0)
        token.content, token.markup = src[pos + 6:close], "`"
    state.pos = close + 1
    return True


def footnote_mark_rule(state: StateInline, silent: bool) -> bool:
    """A footnote's mark in the text (`[^ho]`): nothing."""
    found = FOOTNOTE_MARK.match(state.src, state.pos, state.posMax)
    if found is None:
        return False
    state.pos = found.end()
    return True


def block_id_rule(state: StateInline, silent: bool) -> bool:
    """An Obsidian block id at the end of a line (`… can diverge. ^deadly-triad`), which Obsidian hides: nothing,
    with the space before it."""
    src, pos = state.src, state.pos
    if src[pos] != "^" or not pos or src[pos - 1] not in " \t":
        return False
    found = BLOCK_ID.match(src, pos, state.posMax)
    if found is None:
        return False
    state.pending = state.pending.rstrip(" \t")
    state.pos = found.end()
    return True


def obsidian_comment_rule(state: StateInline, silent: bool) -> bool:
    """An Obsidian comment inside a line (`%%PREFIX%%`, `%%to check%%`): hidden in Obsidian, so nothing here."""
    src, pos = state.src, state.pos
    if not src.startswith("%%", pos) or pos and src[pos - 1].isalnum() and src[pos + 2:pos + 3].isspace():
        return False  # ("50%% of cases": a typed percent sign, not a comment; "set%%HIGHLIGHT%%" is one)
    close = src.find("%%", pos + 2, state.posMax)
    if close < 0 or "\n" in src[pos:close]:
        return False
    state.pos = close + 2
    return True


def footnote_text_rule(state: StateBlock, start_line: int, end_line: int, silent: bool) -> bool:
    """A footnote's text (`[^ho]: Ho, Jain, Abbeel 2020.`, with its indented lines): nothing."""
    begin = state.bMarks[start_line] + state.tShift[start_line]
    if not FOOTNOTE_TEXT.match(state.src, begin, state.eMarks[start_line]) \
            or state.sCount[start_line] - state.blkIndent >= 4 or begin >= state.eMarks[start_line]:
        return False
    if silent:
        return True
    line = start_line + 1
    while line < end_line and (state.isEmpty(line) and line + 1 < end_line and state.sCount[line + 1] >= 4
                               or not state.isEmpty(line) and state.sCount[line] >= 4):
        line += 1  # (its continuation: lines indented under it)
    state.line = line
    return True


# GitHub's and VitePress's emoji shortcodes that notes use as signs: shown as the emoji (an unknown one as written)
_SHORTCODES = {"warning": "⚠️", "bulb": "💡", "memo": "📝", "pushpin": "📌", "exclamation": "❗", "question": "❓",
               "heavy_check_mark": "✔️", "white_check_mark": "✅", "x": "❌", "star": "⭐", "fire": "🔥",
               "rocket": "🚀", "tada": "🎉", "thinking": "🤔", "point_right": "👉", "books": "📚", "book": "📖",
               "bangbang": "‼️", "key": "🔑", "no_entry": "⛔", "construction": "🚧", "information_source": "ℹ️",
               "link": "🔗", "eyes": "👀", "brain": "🧠", "dart": "🎯", "zap": "⚡", "+1": "👍", "-1": "👎"}
SHORTCODE = re.compile(r":([a-z0-9_+-]{1,30}):")  # (render.html's fast path defers text holding one)


def shortcode_rule(state: StateInline, silent: bool) -> bool:
    """`:warning:` (an emoji's shortcode, as GitHub and VitePress show it) as the emoji."""
    pos = state.pos
    if state.src[pos] != ":" or pos and state.src[pos - 1].isalnum():
        return False
    match = SHORTCODE.match(state.src, pos, state.posMax)
    if match is None or match.group(1) not in _SHORTCODES:
        return False
    if not silent:
        state.push("text", "", 0).content = _SHORTCODES[match.group(1)]
    state.pos = match.end()
    return True


def add_rules(md) -> None:
    """Register the rules on a MarkdownIt (after its math rules, before links and escapes)."""
    md.inline.ruler.before("escape", "verb", verb_rule)
    md.inline.ruler.before("backticks", "computed_code", computed_code_rule)
    md.inline.ruler.before("link", "highlight", highlight_rule)
    md.inline.ruler.before("link", "wikilink", wikilink_rule)
    md.inline.ruler.before("link", "footnote_mark", footnote_mark_rule)
    md.inline.ruler.before("escape", "obsidian_comment", obsidian_comment_rule)
    md.inline.ruler.before("escape", "block_id", block_id_rule)
    md.inline.ruler.before("text", "shortcode", shortcode_rule)
    md.block.ruler.before("reference", "footnote_text", footnote_text_rule,
                          {"alt": ["paragraph", "reference", "blockquote", "list"]})
