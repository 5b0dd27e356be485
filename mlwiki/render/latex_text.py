"""Render LaTeX math as readable Unicode text for a terminal.

`latex_to_unicode` turns one math expression (the body of a ``$…$``) into plain Unicode:
Greek letters, operators and relations become their symbols, sub- and superscripts use the
Unicode script characters when every character has one (``x²``, ``xᵢ``, ``e⁻ˣ``) and a
readable ``x^(n+1)`` / ``x_(ij)`` otherwise, fractions become ``a/b`` with the parentheses
the reader needs, and ``aligned``/``cases``/matrix environments become aligned lines.

`math_to_unicode` applies it to every math span of a Markdown text, leaving code alone.

A formula MathJax would reject (`latex_check`: unbalanced braces or environments, unknown commands) comes out as
its source after `MARK` rather than as a guess. `use_macros` defines the wiki's macros for the process, as a
MathJax page does: they expand (`latex_expand`) and count as known. A base's scripts keep one style through a
formula: `Wᵢᴷ`, but `W_i^Q, W_i^K` once any of them has no Unicode form.

Both are pure (but for the macros `use_macros` defines) and never raise. The parser is a small hand-written one (LaTeX math is a token
stream with a handful of argument-taking macros); pylatexenc is consulted, lazily, only for
macros this module does not know, so that e.g. ``\\aleph`` or ``\\textsc{x}`` still come out
right. Importing this module does not import pylatexenc.

The work is split over `latex_symbols` (tables), `latex_layout` (atoms and their layout), `latex_parser`
and `latex_constructs` (the parser); this module has the public functions and the Markdown scan.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from mlwiki.render.latex_symbols import _SYMBOLS
from mlwiki.render.latex_layout import _dedent, _format_env
from mlwiki.render.latex_parser import _Parser, _tokenize
from mlwiki.render.spans import FENCE, code_span_end, find_unescaped, inline_math_close

__all__ = ["MARK", "latex_to_unicode", "math_to_unicode", "use_macros"]


# --------------------------------------------------------------------------------------
# Public API
# --------------------------------------------------------------------------------------

_SIMPLE_MACRO_RE = re.compile(r"\\([A-Za-z]+|.)")


def _crude(latex: str) -> str:
    """Last-resort rendering when the parser fails: swap known macros, drop braces."""
    def repl(m: re.Match) -> str:
        name = m.group(1)
        sym = _SYMBOLS.get(name)
        return sym[0] if sym else name

    text = _SIMPLE_MACRO_RE.sub(repl, latex).replace("{", "").replace("}", "")
    return " ".join(text.split())


# The wiki's macros, as a MathJax page defines them once for every formula on it (`use_macros`).
_MACROS: dict = {}
_DEFINED: frozenset[str] = frozenset()
MARK = "⚠ "  # before a formula shown as its source because MathJax would reject it (`mlwiki check` says why)


def use_macros(definitions: str) -> None:
    """Define the wiki's macros (`\\newcommand` text, as `render.macros.read_macros` gives) for every formula
    rendered from now on in this process: they expand, and count as known commands."""
    global _MACROS, _DEFINED
    from mlwiki.render.latex_check import defined_names
    from mlwiki.render.latex_expand import read_definitions

    _MACROS, _DEFINED = read_definitions(definitions), defined_names(definitions)
    _render.cache_clear()


def _marked_source(latex: str) -> str:
    """A formula MathJax would reject, as its source (lines kept, blank ones dropped) after the marker."""
    lines = [" ".join(line.split()) for line in latex.strip().splitlines()]
    return MARK + "\n".join(line for line in lines if line)


@lru_cache(maxsize=2048)
def _render(latex: str) -> str:
    from mlwiki.render.latex_check import latex_problems
    from mlwiki.render.latex_expand import expand

    if latex_problems(latex, _DEFINED):
        return _marked_source(latex)
    tokens = expand(_tokenize(latex), _MACROS)
    parser = _Parser(tokens)
    rows = parser.parse_rows(top=True)
    mixed = frozenset(place for place, styles in parser.styles.items() if len(styles) > 1)
    if mixed:  # the same base's scripts came out in two styles: write them all plain (`W_i^Q, W_i^K`)
        parser = _Parser(tokens, mixed)
        rows = parser.parse_rows(top=True)
    if len(rows) == 1 and len(rows[0]) == 1:
        text = rows[0][0]
    else:
        text = _format_env("aligned", rows)
    lines = [ln.rstrip() for ln in text.split("\n")]
    while lines and not lines[0].strip():
        lines.pop(0)
    while lines and not lines[-1].strip():
        lines.pop()
    # NFC: precomposed letters (ŷ, not y + U+0302) where Unicode has them; they render
    # better in terminals.
    return unicodedata.normalize("NFC", "\n".join(_dedent(lines)))


def latex_to_unicode(latex: str) -> str:
    """Render a LaTeX math expression (no surrounding $) as readable Unicode text."""
    if not isinstance(latex, str):
        latex = str(latex)
    try:
        return _render(latex)
    except Exception:  # RecursionError on absurd nesting, or a bug: degrade, never raise
        try:
            return _crude(latex)
        except Exception:  # pragma: no cover
            return latex


_MD_SPECIAL_RE = re.compile(r"[`$\\\n]")
_LINE_LEAD_RE = re.compile(r"([ \t>]*)((?:[-*+]|[0-9]+[.)])[ \t]+)?")


def _convert_markdown(s: str) -> str:
    out: list[str] = []
    n = len(s)
    i = 0

    def display(body: str, start: int, end: int) -> int:
        """Emit display math s[start:end] on its own line(s); return where to resume."""
        rendered = latex_to_unicode(body)
        line_begin = s.rfind("\n", 0, start) + 1
        prefix = s[line_begin:start]
        # Continuation prefix for the lines after the first: the line's indentation and
        # blockquote markers, with a list marker turned into spaces.
        lead = _LINE_LEAD_RE.match(prefix)
        cont = lead.group(1) + " " * len(lead.group(2) or "")
        if prefix.strip(" \t>"):
            while out and not out[-1].rstrip(" \t"):
                out.pop()
            if out:
                out[-1] = out[-1].rstrip(" \t")
            out.append("\n" + cont)
        out.append(rendered.replace("\n", "\n" + cont))
        line_end = s.find("\n", end)
        if line_end == -1:
            line_end = n
        rest = s[end:line_end]
        if rest.strip():
            out.append("\n" + cont)
            return end + (len(rest) - len(rest.lstrip(" \t")))
        return end

    while i < n:
        m = _MD_SPECIAL_RE.search(s, i)
        at_line_start = i == 0 or s[i - 1] == "\n"
        if at_line_start:
            fence = FENCE.match(s, i)
            if fence:
                mark = fence.group(1)
                eol = s.find("\n", i)
                if eol == -1:
                    out.append(s[i:])
                    break
                closer = re.compile(
                    r"^[ \t]{0,3}" + re.escape(mark[0]) + "{%d,}[ \t]*$" % len(mark), re.M
                ).search(s, eol + 1)
                end = closer.end() if closer else n
                out.append(s[i:end])
                i = end
                continue
        if m is None:
            out.append(s[i:])
            break
        j = m.start()
        if j > i:
            out.append(s[i:j])
            i = j
            continue  # re-check (the text before was not at a line start, so no fence)
        ch = s[i]
        if ch == "\n":
            out.append("\n")
            i += 1
            continue
        if ch == "`":
            k, end = code_span_end(s, i)
            out.append(s[i:end if end != -1 else k])
            i = end if end != -1 else k
            continue
        if ch == "\\":
            nxt = s[i + 1] if i + 1 < n else ""
            if nxt in ("(", "["):
                closer = "\\)" if nxt == "(" else "\\]"
                k = s.find(closer, i + 2)
                if k != -1 and s[i + 2:k].strip():
                    if nxt == "(":
                        out.append(latex_to_unicode(s[i + 2:k]))
                        i = k + 2
                    else:
                        i = display(s[i + 2:k], i, k + 2)
                    continue
            out.append(s[i:i + 2])
            i += 2
            continue
        # ch == "$"
        if s.startswith("$$", i):
            k = find_unescaped(s, "$$", i + 2)
            if k != -1 and s[i + 2:k].strip():
                i = display(s[i + 2:k], i, k + 2)
                continue
            out.append("$$")
            i += 2
            continue
        k = inline_math_close(s, i + 1)
        if k != -1:
            out.append(latex_to_unicode(s[i + 1:k]))
            i = k + 1
        else:
            out.append("$")
            i += 1
    return "".join(out)


def math_to_unicode(markdown: str) -> str:
    """Replace every $…$, $$…$$, \\(…\\) and \\[…\\] span in Markdown text with latex_to_unicode of its body,
    leaving code spans/fenced code and escaped \\$ untouched. Display math ($$/\\[) keeps its own line(s)."""
    if not isinstance(markdown, str):
        markdown = str(markdown)
    try:
        return _convert_markdown(markdown)
    except Exception:  # pragma: no cover - a bug; never let rendering break the caller
        return markdown
