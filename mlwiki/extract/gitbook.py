"""A GitBook page read as the Markdown mlwiki reads, line for line, showing what GitBook shows.

GitBook writes its blocks as tags on lines of their own: a hint, `{% hint style="warning" %}` … `{% endhint %}`, is a
box of that kind, read as the Obsidian callout of the same kind (`> [!warning]` over its quoted lines, as
`kramdown_boxes` reads a Jekyll theme's boxes); tabs, `{% tabs %}` / `{% tab title="PyTorch" %}` … `{% endtab %}` /
`{% endtabs %}`, are a MyST tab set whose tabs are titled by their titles (as `mdx` reads Docusaurus' `<Tabs>`); a
code block's frame, `{% code title="fit.py" %}` … `{% endcode %}`, shows only the fence inside it; an embed,
`{% embed url="…" %}`, is a link to its address (its caption, up to `{% endembed %}`, stays text); GitBook's other
frames alone on their lines (`{% content-ref %}`, `{% stepper %}`, `{% file %}`) are furniture. A picture written as HTML,
`<figure><img src="…" alt="…"><figcaption>…</figcaption></figure>`, is the Markdown picture it shows, captioned.
A heading's link anchor, `## Nested CV <a href="#nested" id="nested"></a>` (GitBook writes one on every heading a
link points to), shows nothing: the heading is its words. Code, and math in a sentence, are never touched.

Pure: a note's text in, the same number of lines out.
"""

from __future__ import annotations

import re

from mlwiki.render.spans import fenced_lines

# A tag alone on its line: `{% hint style="info" %}`, `{% endtabs %}`, `{% embed url="…" %}` (Hexo's too: `hexo`)
TAG_LINE = re.compile(r"[ \t]*\{%-?[ \t]*([\w-]+)((?:[ \t]+[^%\n]*)?)-?%\}[ \t]*")
_ATTR = re.compile(r"""([\w-]+)[ \t]*=[ \t]*(?:"([^"\n]*)"|'([^'\n]*)'|([^\s"']+))""")
# GitBook's hint styles, as the callout kinds mlwiki knows
_HINT_KINDS = {"info": "info", "success": "success", "warning": "warning", "danger": "danger", "tip": "tip"}
_TAB_FENCES = {"tabs": "::::{tab-set}", "endtabs": "::::", "endtab": ":::"}
# GitBook's other blocks, whose tags show nothing (a Jekyll page's Liquid tags, `{% highlight %}`, are kramdown's)
_FRAMES = frozenset(("code", "endcode", "endembed", "content-ref", "endcontent-ref", "stepper", "endstepper", "step",
                     "endstep", "columns", "endcolumns", "column", "endcolumn", "file", "swagger", "endswagger"))
# A heading's empty link anchors, before or after its words: `<a href="#x" id="x"></a>`, `<a name="x"></a>`
_ANCHOR = re.compile(r"""(?i)[ \t]*<a(?:[ \t]+[\w-]+[ \t]*=[ \t]*(?:"[^"<>\n]*"|'[^'<>\n]*'))+[ \t]*>[ \t]*</a[ \t]*>""")
_HEADING = re.compile(r"[ \t]{0,3}#{1,6}[ \t]")
# A picture as GitBook writes it, on one line
_FIGURE = re.compile(r"(?i)[ \t]*<figure>[ \t]*<img[ \t]([^<>\n]*)/?>[ \t]*(?:<figcaption>(.*?)</figcaption>)?"
                     r"[ \t]*</figure>[ \t]*")
_TAGS = re.compile(r"<[^<>\n]*>")
_CODE_TAG = re.compile(r"(?i)</?code>")


def as_gitbook_shows(body: str) -> str:
    """`body` with GitBook's blocks, pictures and heading anchors read as said above, each line where it was; `body`
    itself when it holds none."""
    if "{%" not in body and "</a>" not in body and "<figure" not in body:
        return body  # (nearly every note, said cheaply)
    lines = body.split("\n")
    hint = False
    for k, fenced in enumerate(fenced_lines(lines)):
        line, opened = lines[k], False
        if not fenced:
            line, now = _shown(line, hint)
            opened, hint = now and not hint, now
        lines[k] = _quoted(line) if hint and not opened else line
    return "\n".join(lines)


def _quoted(line: str) -> str:
    """A line of a hint, in the callout's quote."""
    return "> " + line if line.strip() else ">"


def _shown(line: str, hint: bool) -> tuple[str, bool]:
    """A line outside code as GitBook shows it, and whether a hint is open after it."""
    if "{%" in line and (tag := TAG_LINE.fullmatch(line)):
        name, attrs = tag.group(1).casefold(), _attributes(tag.group(2))
        if name == "hint":
            return f"> [!{_HINT_KINDS.get(attrs.get('style', 'info').casefold(), 'info')}]", True
        if name == "endhint":
            return "", False
        if name == "tab":
            return (":::{tab-item} " + attrs["title"]) if attrs.get("title") else ":::{tab-item}", hint
        if name == "embed" and attrs.get("url"):
            return f"<{attrs['url']}>", hint
        if name in _TAB_FENCES or name in _FRAMES:
            return _TAB_FENCES.get(name, ""), hint
    if "</a>" in line and _HEADING.match(line):
        return _ANCHOR.sub("", line).rstrip(), hint
    if "<figure" in line and (figure := _FIGURE.fullmatch(line)):
        return _picture(figure), hint
    return line, hint


def _attributes(text: str) -> dict[str, str]:
    """A tag's attributes: `style="info"`, `title='x'`, `lineNumbers=true`."""
    return {m.group(1).casefold(): next(g for g in m.groups()[1:] if g is not None) for m in _ATTR.finditer(text)}


def _picture(figure: re.Match) -> str:
    """`<figure><img src=… alt=…><figcaption>…</figcaption></figure>` as `![caption](src)` (its alt text when it
    has no caption)."""
    attrs = _attributes(figure.group(1))
    caption = _TAGS.sub("", _CODE_TAG.sub("`", figure.group(2) or "")).strip()
    return f"![{caption or attrs.get('alt', '').strip()}]({attrs.get('src', '')})"
