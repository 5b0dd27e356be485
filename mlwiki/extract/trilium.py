"""A note exported from Trilium Notes as Markdown, read as Trilium showed it.

Trilium's export turns its HTML into Markdown but leaves what Markdown has no syntax for as HTML:
- math: `<span class="math-tex">\\(\\pi(x)\\)</span>` inline, `<span class="math-tex">\\[…\\]</span>` displayed, are
  `$\\pi(x)$` and `$$…$$`; on such a page a bare `\\(…\\)` or `\\[ … \\]` is math too (KaTeX's delimiters, which
  Trilium writes);
- a table inside `<figure class="table">` is the table (`extract.html_tables` reads it);
- a code block, `<pre><code class="language-text-x-python">…</code></pre>`, is a fenced code block (its fences take
  the blank lines around it, so the page keeps its line count where they are there).
A page is read so when it holds Trilium's math spans or its code blocks. Pure: a note's text in, its text out.
"""

from __future__ import annotations

import html
import re

_CUES = ('class="math-tex"', "<pre><code")
_SPAN = re.compile(r'<span class="math-tex">\s*\\([(\[])(.*?)\\[)\]]\s*</span>', re.DOTALL)
_BARE_INLINE = re.compile(r"(?<!\\)\\\((.+?)\\\)")
_BARE_DISPLAY = re.compile(r"(?<!\\)\\\[(.+?)\\\]", re.DOTALL)
_FIGURE = re.compile(r"(?i)<figure\b[^<>\n]*>[ \t]*(?=<table)|(?<=</table>)[ \t]*</figure>")
_PRE_OPEN = re.compile(r'(?i)[ \t]*<pre>[ \t]*<code(?:[ \t]+class="language-(?:text-x-)?([\w+#-]*)[^"]*")?[^>]*>')
_PRE_CLOSE = re.compile(r"(?i)</code>[ \t]*</pre>[ \t]*$")


def as_trilium_shows(body: str) -> str:
    """`body` with Trilium's math spans, table figures and code blocks read as said above; `body` itself when it
    holds none of them."""
    if not any(cue in body for cue in _CUES):
        return body
    body = _SPAN.sub(lambda m: f"$${m.group(2).strip()}$$" if m.group(1) == "[" else f"${m.group(2).strip()}$", body)
    if "\\(" in body or "\\[" in body:
        body = _BARE_DISPLAY.sub(lambda m: f"$${m.group(1)}$$", body)
        body = _BARE_INLINE.sub(lambda m: f"${m.group(1).strip()}$", body)
    if "<figure" in body:
        body = _FIGURE.sub("", body)
    return _fenced(body) if "<pre>" in body else body


def _fenced(body: str) -> str:
    """Each `<pre><code>` block as a fenced code block, its code unescaped."""
    lines, out, k = body.split("\n"), [], 0
    while k < len(lines):
        found = _PRE_OPEN.match(lines[k])
        end = next((j for j in range(k, len(lines)) if _PRE_CLOSE.search(lines[j])), -1) if found else -1
        if end < 0:
            out.append(lines[k])
            k += 1
            continue
        code = lines[k:end + 1]
        code[0], code[-1] = code[0][found.end():], _PRE_CLOSE.sub("", code[-1])
        opener = f"```{found.group(1) or ''}"
        if out and not out[-1].strip():
            out[-1] = opener  # (the blank line before the block takes the fence: the lines keep their numbers)
        else:
            out.append(opener)
        out += [html.unescape(line) for line in code]
        k = end + 1
        if k < len(lines) and not lines[k].strip():
            lines[k] = "```"
        else:
            out.append("```")
    return "\n".join(out)
