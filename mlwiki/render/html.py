"""Markdown → sanitized HTML for Anki fields, with MathJax math and cloze padding.

Pipeline of :func:`markdown_to_html`:

1. **Markdown** with markdown-it-py, preset ``commonmark`` plus tables, and
   ``html=True``.  Raw HTML is *allowed* by the parser and then run through the
   allow-list sanitizer (step 2).  That is the safer choice of the two that
   still keeps harmless inline HTML such as ``<sub>``, ``<br>`` or ``<b>``:
   with ``html=False`` those would be shown as literal ``&lt;sub&gt;`` text,
   and safety does not rest on the parser anyway because *everything* the
   parser emits (links, images, raw HTML) goes through the same sanitizer.
   Math is recognised by two rules of our own, registered before the Markdown
   ones, so Markdown never sees inside it (``$a_1 * b_2$`` keeps its ``_`` and
   ``*``; ``\\\\`` line breaks survive):

   * ``$…$`` → ``\\(…\\)`` (pandoc's rule: no space just inside the dollars, no
     digit right after the closing one, so ``$5 and $6`` stays text);
   * ``$$…$$`` inside a paragraph, or as a block on its own lines → ``\\[…\\]``;
   * ``\\$`` is a literal dollar; code spans and code blocks stay literal.

   The math source is HTML-escaped (``<`` → ``&lt;`` …); MathJax reads the
   decoded text, so it sees the original TeX.

2. **Sanitize** with nh3 (:func:`sanitize_html`).

3. **Pad clozes** (:func:`pad_cloze_math`, in ``render.cloze_pad``), last, so the sanitizer cannot undo
   the padding (nh3 decodes character references such as ``&#58;``).  Padding
   only inserts spaces, ``{}`` and character references into text, never
   into tags, so it cannot make the sanitized HTML unsafe.

Anki clozes ``{{c1::text}}`` / ``{{c1::text::hint}}`` need no protection from
Markdown: CommonMark gives no meaning to ``{``, ``}`` or ``:``.

Everything here is a pure function of its input: the same text always gives
the same HTML.
"""

from __future__ import annotations

import html as htmllib
import re
from collections.abc import Iterator, Sequence
from html.parser import HTMLParser
from urllib.parse import unquote

import nh3
from markdown_it import MarkdownIt
from markdown_it.common.utils import escapeHtml, isStrSpace
from markdown_it.renderer import RendererProtocol
from markdown_it.rules_block import StateBlock
from markdown_it.rules_core import StateCore
from markdown_it.rules_inline import StateInline
from markdown_it.token import Token
from markdown_it.utils import EnvType, OptionsDict

from mlwiki.ankiformat.cloze import _is_escaped, _pad_clozes, pad_cloze_math
from mlwiki.render.spans import COMPUTED_CODE, SIMPLE_DISPLAY_MATH, SIMPLE_INLINE_MATH
from mlwiki.render.texsafe import neutralize_tex
from mlwiki.render.myst import add_rules as add_myst_rules
from mlwiki.render.wikilinks import SHORTCODE, add_rules as add_note_rules

__all__ = ["image_refs", "markdown_to_html", "pad_cloze_math", "sanitize_html"]


# --------------------------------------------------------------------------- #
# Markdown + math
# --------------------------------------------------------------------------- #


def _find_dollar(src: str, pos: int, end: int, double: bool) -> int:
    """Index of the next unescaped ``$`` (or ``$$``) in ``src[pos:end]``, or -1."""
    needle = "$$" if double else "$"
    while True:
        found = src.find(needle, pos, end)
        if found < 0 or not _is_escaped(src, found):
            return found
        pos = found + 1


def math_inline_rule(state: StateInline, silent: bool) -> bool:
    """``$…$`` and ``$$…$$`` inside a paragraph (pandoc's rules for single dollars)."""
    src, pos, maximum = state.src, state.pos, state.posMax
    if src[pos] != "$" or _is_escaped(src, pos):
        return False
    if pos + 1 < maximum and src[pos + 1] == "$":
        close = _find_dollar(src, pos + 2, maximum, double=True)
        if close < 0 or not src[pos + 2 : close].strip():
            # An unmatched `$$` is text; consume both so the second `$`
            # does not open single-dollar math.
            if not silent:
                state.pending += "$$"
            state.pos = pos + 2
            return True
        if not silent:
            token = state.push("math_inline_double", "math", 0)
            token.content = src[pos + 2 : close]
            token.markup = "$$"
        state.pos = close + 2
        return True
    # Single dollar: the opening one must be followed by a non-space, the
    # closing one (the next unescaped `$`) preceded by a non-space and not
    # followed by a digit.  Otherwise the `$` is a literal (currency …).
    if pos + 1 >= maximum or isStrSpace(src[pos + 1]) or src[pos + 1] in "\n\r":
        return False
    close = _find_dollar(src, pos + 1, maximum, double=False)
    if close < 0:
        return False
    if src[close - 1] in " \t\n\r" or (close + 1 < maximum and src[close + 1].isdigit()):
        return False
    if not silent:
        token = state.push("math_inline", "math", 0)
        token.content = src[pos + 1 : close]
        token.markup = "$"
    state.pos = close + 1
    return True


def math_block_rule(state: StateBlock, start_line: int, end_line: int, silent: bool) -> bool:
    """``$$`` display math on its own lines (may also be one line: ``$$x$$``)."""
    if state.sCount[start_line] - state.blkIndent >= 4:  # indented code
        return False
    pos = state.bMarks[start_line] + state.tShift[start_line]
    maximum = state.eMarks[start_line]
    if not state.src.startswith("$$", pos) or pos + 2 > maximum:
        return False
    first = state.src[pos + 2 : maximum]
    parts: list[str]
    if first.strip().endswith("$$"):
        # one line: `$$ … $$`
        body = first.strip()[:-2]
        if not body.strip():
            return False
        parts = [body]
        last_line = start_line
    elif "$$" in first:
        return False  # `$$a$$ and more`: inline math in a paragraph
    else:
        parts = [first]
        last_line = -1
        line = start_line + 1
        while line < end_line:
            if state.isEmpty(line) or state.sCount[line] < state.blkIndent:
                return False  # blank line or end of the container: no math block
            text = state.src[state.bMarks[line] + state.tShift[line] : state.eMarks[line]]
            stripped = text.rstrip()
            if stripped.endswith("$$"):
                parts.append(stripped[:-2])
                last_line = line
                break
            parts.append(text)
            line += 1
        if last_line < 0:
            return False
    if silent:
        return True
    state.line = last_line + 1
    token = state.push("math_block", "math", 0)
    token.block = True
    token.content = "\n".join(parts)
    token.markup = "$$"
    token.map = [start_line, state.line]
    return True


def _table_align(state: StateCore) -> None:
    """Turn markdown-it's ``style="text-align:x"`` on cells into ``align="x"``.

    The sanitizer drops every ``style`` attribute, but allows ``align`` on cells.
    """
    for token in state.tokens:
        if token.type in ("th_open", "td_open") and token.attrs:
            style = token.attrs.pop("style", None)
            match = re.fullmatch(r"text-align:(left|right|center)", str(style or ""))
            if match:
                token.attrs["align"] = match.group(1)


def _render_math_inline(
    self: RendererProtocol, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType
) -> str:
    return "\\(" + escapeHtml(tokens[idx].content) + "\\)"


def _render_math_display(
    self: RendererProtocol, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType
) -> str:
    html = "\\[" + escapeHtml(tokens[idx].content.strip()) + "\\]"
    return html + "\n" if tokens[idx].block else html


def _make_markdown() -> MarkdownIt:
    md = MarkdownIt("commonmark", {"html": True}).enable("table")
    md.inline.ruler.before("escape", "math_inline", math_inline_rule)
    add_note_rules(md)  # [[wikilinks]], ![[embeds]], \verb|x|: as Obsidian and LaTeX show them
    add_myst_rules(md)  # {ref}`…` roles, (label)= targets, definition lists: as Jupyter Book shows them
    md.block.ruler.before(
        "fence",
        "math_block",
        math_block_rule,
        {"alt": ["paragraph", "reference", "blockquote", "list"]},
    )
    md.core.ruler.push("table_align", _table_align)
    md.add_render_rule("math_inline", _render_math_inline)
    md.add_render_rule("math_inline_double", _render_math_display)
    md.add_render_rule("math_block", _render_math_display)
    return md


_MD = _make_markdown()


def markdown_to_html(text: str) -> str:
    """Markdown (with $…$ / $$…$$ math and Anki clozes) → sanitized HTML for an Anki field.

    Raw HTML in the Markdown is parsed (``html=True``) and then sanitized by
    :func:`sanitize_html`, which keeps harmless tags (``<sub>``, ``<br>``,
    ``<b>`` …) and drops everything else; clozes are padded last by
    :func:`pad_cloze_math`.  See the module docstring for the details.
    """
    fast = _plain_html(text)
    if fast is not None:
        return neutralize_tex(fast)
    html = _MD.render(text)
    html = sanitize_html(html)
    return neutralize_tex(_pad_clozes(html, dollars=False))  # MathJax reads \(…\) in prose too


# Most card sides are one line of prose with some $…$ math and no other syntax. markdown-it-py takes
# ~70 µs for such a line; building the same HTML directly takes ~3 µs, which makes export of 10,000 cards
# several times faster. tests/test_render_html.py checks with hypothesis that both paths give identical HTML.
_FAST_TEXT = re.compile(r"(?:[^\n*_`\[\]<>!|~#\\&${}%=@^\r\x00-\x08\x0b-\x1f]|=(?!=))*")  # ("%": an Obsidian comment may
# start; "=": a ==highlight==; "@": a citation in the text; "^": an Obsidian block id, " ^a", that shows nothing)
_FAST_MATH = SIMPLE_INLINE_MATH
_FAST_FIRST = re.compile(r"[-+*#>=:\d]|[ \t]|$")  # (":": a MyST definition's marker)


def _math_escape(latex: str) -> str:
    return latex.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _plain_html(text: str) -> str | None:
    """HTML for paragraphs of plain text with inline math, or a lone $$…$$ block; None when Markdown must
    decide. Paragraphs are single lines separated by one blank line (formula fronts look like that)."""
    if "{{" in text:
        return None  # clozes need padding: the long way
    display = _FAST_DISPLAY.fullmatch(text)
    if display and "\n\n" not in text and "\n " not in text and "\n\t" not in text:  # (an indented line:
        return "\\[" + _math_escape(display.group(1).strip()) + "\\]\n"  # Markdown takes its indent off)
    parts = [_plain_paragraph_html(p) for p in text.split("\n\n")]
    return None if None in parts else "".join(parts)


_FAST_DISPLAY = SIMPLE_DISPLAY_MATH


def _plain_paragraph_html(text: str) -> str | None:
    """HTML for a single line of plain text with inline math, or None when Markdown must decide."""
    if _FAST_FIRST.match(text) or text.endswith((" ", "\t", ")=")) or (":" in text and SHORTCODE.search(text)):
        return None  # block syntax, hard breaks, MyST targets (`(label)=`) and emoji (`:x:`) go the long way
    out, pos = ["<p>"], 0
    for match in _FAST_MATH.finditer(text):
        before = _plain_text_html(text[pos:match.start()])
        if not match.group(1) or before is None:
            return None
        out += [before, "\\(", _math_escape(match.group(1)), "\\)"]
        pos = match.end()
    rest = _plain_text_html(text[pos:])
    if rest is None:
        return None
    out += [rest, "</p>\n"]
    return "".join(out)


_FAST_SPAN = re.compile(r"(?<!\*)\*\*([A-Za-z0-9](?:[A-Za-z0-9 ]*[A-Za-z0-9])?)\*\*(?!\*)|`([^`\s](?:[^`\n\r]*[^`\s])?)`")


def _plain_text_html(segment: str) -> str | None:
    """Text between math spans: plain characters, simple **strong** words and `code`; else None."""
    if "``" in segment:
        return None  # backtick runs have their own rules
    out, pos = [], 0
    for match in _FAST_SPAN.finditer(segment):
        if not _FAST_TEXT.fullmatch(segment, pos, match.start()):
            return None
        strong, code = match.groups()
        if code is not None and COMPUTED_CODE.match(code):
            return None  # (Quarto's `{python} n` / `r x`: a value the page computes, shown as one)
        out += [segment[pos:match.start()],
                f"<strong>{strong}</strong>" if strong is not None else f"<code>{_math_escape(code)}</code>"]
        pos = match.end()
    if not _FAST_TEXT.fullmatch(segment, pos):
        return None
    out.append(segment[pos:])
    return "".join(out)


# --------------------------------------------------------------------------- #
# Sanitizer
# --------------------------------------------------------------------------- #

_TAGS = {
    "p", "br", "hr", "h1", "h2", "h3", "h4", "h5", "h6",
    "strong", "b", "em", "i", "u", "s", "del", "sub", "sup",
    "code", "pre", "blockquote", "ul", "ol", "li",
    "table", "thead", "tbody", "tr", "th", "td",
    "a", "img", "span", "div", "kbd", "mark", "details", "summary",
}  # fmt: skip

_ATTRIBUTES = {
    "a": {"href", "title"},
    "img": {"src", "alt", "title", "width", "height"},
    "td": {"align"},
    "th": {"align"},
    "span": {"class"},
    "div": {"class"},
    "code": {"class"},
    "pre": {"class"},
}

# Elements dropped together with their content (the rest of the disallowed
# elements lose only their tags; their text stays, escaped).
_CLEAN_CONTENT = {
    "script", "style", "iframe", "frame", "frameset", "object", "embed", "applet",
    "svg", "math", "noscript", "noembed", "noframes", "template", "textarea",
    "select", "title", "xmp", "plaintext",
}  # fmt: skip

_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.\-]*):")
_URL_STRIP = "".join(chr(c) for c in range(0x21))  # C0 controls and space


def _normalize_url(value: str) -> str:
    """The URL as a browser reads it: no tab/newline anywhere, no C0/space at the ends."""
    return re.sub(r"[\t\n\r]", "", value).strip(_URL_STRIP)


def _url_scheme(url: str) -> str | None:
    match = _SCHEME.match(url)
    return match.group(1).lower() if match else None


def _is_network_path(url: str) -> bool:
    """``//host/…`` (also spelled with backslashes, which browsers accept)."""
    return len(url) >= 2 and url[0] in "/\\" and url[1] in "/\\"


def _attribute_filter(element: str, attribute: str, value: str) -> str | None:
    """Second line of defence after nh3's own scheme check (which it runs first)."""
    if attribute not in ("href", "src"):
        return value
    url = _normalize_url(value)
    decoded = _normalize_url(htmllib.unescape(htmllib.unescape(url)))  # (as a careless reader decodes it, twice)
    if _is_network_path(url) or _is_network_path(decoded):
        return None
    scheme = _url_scheme(url)
    if _url_scheme(decoded) != scheme:
        return None  # (an entity-encoded scheme, "&#0000106&#0000097vascript:", is no link to follow)
    if element == "img":
        # images: relative paths (media files), a notebook cell's attachments (made media files by the export)
        # or https only
        return value if scheme in (None, "https", "attachment") else None
    return value if scheme in (None, "http", "https", "mailto") else None


_CLEANER = nh3.Cleaner(
    tags=_TAGS,
    clean_content_tags=_CLEAN_CONTENT,
    attributes=_ATTRIBUTES,
    attribute_filter=_attribute_filter,
    url_schemes={"http", "https", "mailto", "attachment"},  # (attachment: only on <img>, see _attribute_filter)
    link_rel="noopener noreferrer",
    strip_comments=True,
)


def sanitize_html(html: str) -> str:
    """Allow-list sanitizer (nh3): no scripts, no on* attributes, no javascript:/data: URLs (except data: images are also removed), no style/iframe/object/embed/form/svg/math elements.

    Allowed tags: p, br, hr, h1–h6, strong, b, em, i, u, s, del, sub, sup, code,
    pre, blockquote, ul, ol, li, table, thead, tbody, tr, th, td, a, img, span,
    div, kbd, mark, details, summary.  Allowed attributes: ``a``: href, title;
    ``img``: src, alt, title, width, height; ``td``/``th``: align;
    ``span``/``div``/``code``/``pre``: class.  Links may be http, https, mailto
    or relative; image sources only relative paths or https (no ``data:``).
    Network-path references (``//host``) are removed from both.  Every kept
    link gets ``rel="noopener noreferrer"``.  Comments are removed; script,
    style, iframe, object, embed, svg, math, … are removed with their content,
    other disallowed tags (form, meta, base, …) lose the tag but keep their text.
    """
    return _CLEANER.clean(html)


# --------------------------------------------------------------------------- #
# Images
# --------------------------------------------------------------------------- #


class _ImgSrcParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.sources: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "img":
            for name, value in attrs:
                if name == "src" and value is not None:
                    self.sources.append(value)
                    break

    handle_startendtag = handle_starttag


def _html_img_sources(html: str) -> list[str]:
    parser = _ImgSrcParser()
    parser.feed(html)
    parser.close()
    return parser.sources


def _walk(tokens: Sequence[Token]) -> Iterator[Token]:
    for token in tokens:
        yield token
        if token.children:
            yield from _walk(token.children)


def image_refs(markdown: str) -> list[str]:
    """The local image paths referenced by Markdown `![alt](path)` and HTML `<img src=…>` (not http(s)/data URLs).

    Parsed with the same Markdown parser as :func:`markdown_to_html`, so images
    in code spans, code blocks and math are not counted; reference-style
    images are.  Paths are percent-decoded (markdown-it encodes ``a b.png`` as
    ``a%20b.png``), returned in document order without duplicates.  Anything
    with a URL scheme (http:, https:, data:, file:, ``C:`` …) except a notebook
    cell's ``attachment:`` (which the export writes out as a file), or a network
    path ``//host/…`` is left out.
    """
    found: list[str] = []
    for token in _walk(_MD.parse(markdown)):
        if token.type == "image":
            found.append(str(token.attrs.get("src", "")))
        elif token.type in ("html_inline", "html_block"):
            found.extend(_html_img_sources(token.content))
    refs: list[str] = []
    for src in found:
        url = _normalize_url(src)
        if not url or url.startswith("#") or _is_network_path(url) or _url_scheme(url) not in (None, "attachment"):
            continue
        path = unquote(url)
        if path not in refs:
            refs.append(path)
    return refs
