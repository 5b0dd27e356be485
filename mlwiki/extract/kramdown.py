"""A page of a Jekyll site (`ctx.kramdown`, `sources.jekyll`) read as the Markdown mlwiki reads, line for line.

kramdown has one math delimiter, `$$`: a `$$…$$` that is a paragraph of its own is display math, and any other
(`the joint $$p(x,z)$$ factorises`, a table cell, a list item's words) is inline math, as the site shows it. Read
with Pandoc's rules, every one of them was a display formula that cut its sentence into fragments; here each inline
one becomes `$…$`, which every reader of mlwiki's (extraction and the terminal, web and Anki renderers) shows inline.
Pandoc, Quarto and Obsidian pages are not read here: there a `$$` in a sentence is display math.

The site's furniture shows nothing on a card: Liquid tags (`{% include … %}`, `{% raw %}`, `{{ site.title }}`), a
link through `{% post_url … %}` (its text stays), kramdown's attribute lists (`{: .class}`, `{:toc}` and the list
it replaces) and extensions (`{::options … /}`; `{::comment}` is a comment). Some are Markdown mlwiki knows in
another spelling: `{% highlight py %}` … `{% endhighlight %}` is a code fence, and a quote followed by a callout
class, Chirpy's `{: .prompt-tip }` or Minimal Mistakes' `{: .notice--warning}`, is a callout of that kind
(`kramdown_boxes`). Math and code are never touched but for their delimiters.
"""

from __future__ import annotations

import re
from bisect import bisect_right

from mlwiki.extract.kramdown_boxes import boxed
from mlwiki.render.spans import FENCE, between_spans, code_spans, fence_closes, math_spans

_HIGHLIGHT = re.compile(r"[ \t]*\{%-?[ \t]*highlight[ \t]+([\w+#.-]+)(?:[ \t][^%\n]*)?%\}[ \t]*")
_END_HIGHLIGHT = re.compile(r"[ \t]*\{%-?[ \t]*endhighlight[ \t]*-?%\}[ \t]*")
_COMMENT_TAG = re.compile(r"[ \t]*\{%-?[ \t]*(end)?comment[ \t]*-?%\}[ \t]*|[ \t]*\{::comment\}[ \t]*|"
                          r"[ \t]*\{:/(comment)?\}[ \t]*")
# A link whose target Liquid writes: `[the ELBO post]({% post_url 2025-10-08-elbo %})`, `({{ site.baseurl }}/x)`
_LIQUID_LINK = re.compile(r"(!?)\[([^\[\]\n]*)\]\((?:\{%[^%\n]*%\}|\{\{[^{}\n]*\}\})[^()\s]*\)")
_LIQUID = re.compile(r"\{%-?[^%\n]*-?%\}|\{\{[^{}\n]*\}\}")
# An attribute list (`{: .prompt-tip }`, `{:toc}`, `{:.no_toc}`, `{: #id}`), an extension (`{::options … /}`)
_IAL = re.compile(r"\{:[^{}\n]*\}")
_ALL_IAL = re.compile(r"[ \t]*(?:" + _IAL.pattern + r"[ \t]*)+")
_TOC = re.compile(r"\{:[ \t]*\.?toc[ \t]*\}")
_BLANK = re.compile(r"[ \t>]*")
_ITEM = re.compile(r"[ \t]*(?:>[ \t]?)*(?:[-*+]|\d+[.)]|:)[ \t]")


def as_markdown(body: str, kramdown: bool) -> str:
    """`body` of a kramdown page with its math, Liquid and attribute lists read as said above, each line where it
    was; `body` itself for any other note."""
    if not kramdown or ("$$" not in body and "{" not in body):
        return body
    lines = body.split("\n")
    code = _code_lines(lines)
    _inline_math(lines, code)
    lines = boxed(lines, code)
    _drop_toc(lines, code)
    kept = _display_lines(lines, code)
    for k, line in enumerate(lines):
        if not kept[k] and "{" in line:
            lines[k] = _without_furniture(line)
    return "\n".join(lines)


def read_kramdown(body: str, kramdown: bool) -> tuple[str, str]:
    """(the page as read, the page as written when that differs, else ""): what the walk reads, and the text whose
    cards' fronts the ids keep."""
    read = as_markdown(body, kramdown)
    return read, (body if read != body else "")


def _code_lines(lines: list[str]) -> list[bool]:
    """Which lines are code (in a fence, or in `{% highlight %}`, whose tags become a fence's), in place."""
    code, fence = [False] * len(lines), None
    for k, line in enumerate(lines):
        if fence == "liquid":
            if _END_HIGHLIGHT.fullmatch(line):
                lines[k], fence = "```", None
            code[k] = True
        elif fence:
            code[k] = True
            fence = None if fence_closes(line, *fence) else fence
        elif found := _HIGHLIGHT.fullmatch(line):
            lines[k], fence, code[k] = "```" + found.group(1), "liquid", True
        elif found := FENCE.match(line):
            fence, code[k] = (found.group(1)[0], len(found.group(1))), True
        elif line.lstrip().startswith(("{%", "{:")) and _COMMENT_TAG.fullmatch(line):
            lines[k] = "-->" if "end" in line or "{:/" in line else "<!--"
    return code


def _paragraphs(lines: list[str], code: list[bool]) -> list[tuple[int, int]]:
    """The paragraphs outside code as (first line, last line + 1): runs of lines up to a blank line, a list item
    or a heading (where kramdown's block math may start)."""
    found, start = [], None
    for k, line in enumerate(lines):
        if code[k] or _BLANK.fullmatch(line) or line.lstrip().startswith("#"):
            if start is not None:
                found.append((start, k))
            start = None if code[k] or _BLANK.fullmatch(line) else k
            if start is not None:
                found.append((k, k + 1))
                start = None
            continue
        if start is not None and _ITEM.match(line):
            found.append((start, k))
            start = None
        start = k if start is None else start
    if start is not None:
        found.append((start, len(lines)))
    return found


def _inline_math(lines: list[str], code: list[bool]) -> None:
    """Every `$$…$$` that is not a paragraph of its own written `$…$`, in place."""
    for first, end in _paragraphs(lines, code):
        text = "\n".join(lines[first:end])
        if "$$" not in text:
            continue
        new = _paragraph_math(text)
        if new != text:
            lines[first:end] = new.split("\n")


def _display_lines(lines: list[str], code: list[bool]) -> list[bool]:
    """Which lines are code or inside display math running over several lines (`\\frac{{a}}{b}` is TeX, not
    Liquid)."""
    kept = list(code)
    for first, end in _paragraphs(lines, code):
        text = "\n".join(lines[first:end])
        if "$$" not in text:
            continue
        breaks = [k for k, char in enumerate(text) if char == "\n"]
        for start, stop in _dollar_spans(text):
            # (`stop` is past the closing `$$`: the line break there ends the span's last line, a Liquid tag on
            # the next line, `{% endraw %}`, is furniture)
            for k in range(first + bisect_right(breaks, start), first + bisect_right(breaks, stop - 1) + 1):
                kept[k] = True
    return kept


def _paragraph_math(text: str) -> str:
    """A paragraph's `$$…$$` spans as kramdown reads them: the paragraph's only content is display math (kept),
    any other is inline (`$…$`). A span whose math starts or ends a line (`$$` then a line break) is kept: the
    writer set it apart, and `$…$` may not start with a space."""
    spans = _dollar_spans(text)
    if len(spans) == 1 and not text[:spans[0][0]].strip(" \t>-*+:0123456789.)") and not text[spans[0][1]:].strip():
        return text
    out, pos = [], 0
    for start, end in spans:
        inner = text[start + 2:end - 2].strip(" \t")
        if not inner or inner[0] == "\n" or inner[-1] == "\n" or "$" in inner or text[end:end + 1].isdigit():
            continue
        out += [text[pos:start], "$", inner, "$"]
        pos = end
    return "".join(out) + text[pos:]


def _dollar_spans(text: str) -> list[tuple[int, int]]:
    """The `$$…$$` spans of a paragraph, outside code spans, as (start, end) with their delimiters."""
    codes = code_spans(text) if "`" in text else []  # (sorted, apart: the one that may hold `s` starts before it)
    starts = [cs for cs, _ in codes]
    return [(s, e) for s, e in math_spans(text) if text.startswith("$$", s)
            and not ((k := bisect_right(starts, s)) and s < codes[k - 1][1])]


def _without_furniture(line: str) -> str:
    """A line without its Liquid tags and attribute lists (outside code and math); a line that held only those is
    left empty."""
    if _ALL_IAL.fullmatch(line) or _LIQUID.fullmatch(line.strip()):
        return ""
    keep = sorted(math_spans(line) + code_spans(line)) if ("$" in line or "\\" in line or "`" in line) else []
    new = between_spans(line, keep, _plain)
    return new if new.strip() or not line.strip() else ""


def _plain(text: str) -> str:
    if "{" not in text:
        return text
    text = _LIQUID_LINK.sub(lambda m: "" if m.group(1) else m.group(2), text)
    return _IAL.sub("", _LIQUID.sub("", text))


def _drop_toc(lines: list[str], code: list[bool]) -> None:
    """A list followed by `{:toc}` is where kramdown writes the table of contents: nothing to study (the
    attribute line is furniture)."""
    for k, line in enumerate(lines):
        if code[k] or "{:" not in line or not _TOC.search(line):
            continue
        j = k - 1
        while j >= 0 and not code[j] and lines[j].strip() and _ITEM.match(lines[j]):
            lines[j] = ""
            j -= 1
