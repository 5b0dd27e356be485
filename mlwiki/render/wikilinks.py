"""markdown-it rules for what Obsidian and LaTeX notes write that Markdown does not read, so the learner sees
what the note's own viewer shows: `[[target|alias]]` → *alias*, `[[target]]` → *target*, `[[x]](url)` → a link
"x" (a citation key linked to its paper), `![[figure.png]]` → the image, `\\verb|x|` → code `x`.

Cards keep the note's own text (`cards --json` shows it as written); these rules run where a card is shown (the
Anki export in `render.html`, the terminal in `render.terminal`). Math and code spans are found by earlier rules,
so nothing inside them is touched.
"""

from __future__ import annotations

from markdown_it.rules_inline import StateInline

_IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg", ".gif", ".svg", ".webp", ".avif", ".bmp")


def _target_text(inner: str) -> str:
    """What Obsidian shows for a wikilink: the alias, else the target (`Note#Heading` as "Note Heading")."""
    target, _, alias = inner.partition("|")
    return (alias or target.replace("#", " ")).strip()


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


def add_rules(md) -> None:
    """Register both rules on a MarkdownIt (after its math rules, before links and escapes)."""
    md.inline.ruler.before("escape", "verb", verb_rule)
    md.inline.ruler.before("link", "wikilink", wikilink_rule)
