"""A Hugo page's shortcodes read as the Markdown mlwiki knows, line for line.

Hugo writes its furniture as shortcodes, `{{< name args >}}` and `{{% name args %}}`, some of them pairs around
text (`{{% notice tip %}}` … `{{% /notice %}}`). The site shows what they stand for, never the braces, and so does
a card: a box (`notice`, `hint`, `alert`, `admonition`, `callout`, or one named by its kind, `{{< warning >}}`) is
the Quarto callout of its kind (`::: {.callout-tip}`), titled when the shortcode gives a title; a fold (`details`,
`expand`, `spoiler`, `collapse`) is an HTML `<details>` titled by its summary; `katex`, `math` and `tex` hold math
(display math when they stand on lines of their own, unless the math inside brings its own `$$`,
`\\[` or a display environment such as `align`; `aligned` and `cases` only live inside math); `highlight` is a
code fence (`mermaid` a diagram's); a `figure` is the image it shows with its caption; a link through `ref` or
`relref` is its text; tabs (`{{< tabs >}}` of `{{< tab "sklearn" >}}`, Docsy's `tabpane`) are a MyST tab set, each
tab a section of its name; hugo-book's `<--->` between `{{< columns >}}` only breaks the columns, and a `button` is
navigation. Any other shortcode shows nothing of itself (the text between a pair's tags stays). Code is never touched. Quarto's
`.qmd` pages, whose `{{< … >}}` are Quarto's, are not read here.
"""

from __future__ import annotations

import re

from mlwiki.extract.lines import MATH_ENVS
from mlwiki.render.spans import FENCE, between_spans, code_spans, fence_closes

# One shortcode tag: `{{< name a "b" k="v" >}}`, `{{% /name %}}`, `{{< name />}}`; the name is matched whole (no
# backtracking into it) and each argument character once (quoted values whole), the end tried after each: a tag
# that never closes fails at the end of its line, in time linear in it
_TAG = re.compile(r"\{\{([<%])-?[ \t]*(/?)[ \t]*([\w.-]+)(?![\w.-])"
                  r"((?:[^\"'`<>%{}\n]|\"[^\"\n]*\"|'[^'\n]*'|`[^`\n]*`)*?)/?-?[>%]\}\}")
_OPENER = re.compile(r"\{\{[<%]")
_ARG = re.compile(r"""(?:([\w-]+)(?![\w-])=)?(?:"([^"\n]*)"|'([^'\n]*)'|`([^`\n]*)`|([^\s"'`=]+))""")
# A link whose target a shortcode writes: `[the bagging note]({{< ref "notes/bagging.md" >}})`, `({{< relref x >}}#a)`
_SHORTCODE_LINK = re.compile(r"(!?)\[([^\[\]\n]*)\]\([ \t]*\{\{[<%][^}\n]*\}\}[^()\s]*\)")
_BOXES = frozenset(("notice", "hint", "alert", "admonition", "callout", "box", "aside"))
_KINDS = {"note": "note", "info": "info", "tip": "tip", "hint": "tip", "warning": "warning", "warn": "warning",
          "danger": "danger", "error": "danger", "caution": "caution", "important": "important",
          "attention": "warning", "success": "tip", "primary": "note", "secondary": "note"}
_KIND_NAMES = frozenset(("note", "info", "tip", "hint", "warning", "danger", "caution", "important", "attention"))
_FOLDS = frozenset(("details", "expand", "spoiler", "collapse", "toggle"))
_MATH = frozenset(("katex", "math", "tex", "latex", "mathjax"))
_CODE = frozenset(("highlight", "code", "mermaid"))  # (a diagram's source is code, no text: a diagram fence)
_IMAGES = frozenset(("figure", "img", "image"))
_LINKS = frozenset(("ref", "relref"))
_TAB_SETS = frozenset(("tabs", "tabpane"))
_COLUMN_BREAK = "<--->"  # (hugo-book: the line between two columns of `{{< columns >}}`)
# A button, its tag pair and its text on one line: `{{< button relref="/" >}}Next: forests{{< /button >}}`
_BUTTON = re.compile(r"\{\{[<%][ \t]*button\b[^{}\n]*[>%]\}\}[^{}\n]*\{\{[<%][ \t]*/button[ \t]*[>%]\}\}")
# Math that brings its own display delimiters: `$$`, `\[`, or an environment that is display math by itself
# (`\begin{align}`); `aligned` or `cases` only live inside math, so a tag around them must supply the `$$`
_OWN_MATH = re.compile(r"[ \t]*(?:\$\$|\\\[|\\begin\{(?:" + MATH_ENVS + r")\*?\})")
_OWN_END = re.compile(r"\\end\{(?:" + MATH_ENVS + r")\*?\}[ \t]*$")
_MAX_TAG_LINES = 12  # (a tag whose arguments run on over more lines than this is not one)


def is_hugo_text(body: str, file_type: str) -> bool:
    """Whether the note may hold Hugo shortcodes to read: a Markdown page with `{{<` or `{{%` in it."""
    return file_type == "md" and ("{{<" in body or "{{%" in body)


def as_markdown(body: str) -> str:
    """`body` with its shortcodes read as said above, each line where it was; `body` itself when it has none."""
    if "{{<" not in body and "{{%" not in body:
        return body
    lines = body.split("\n")
    fence: tuple[str, int] | None = None
    shortcode_fence = False  # (inside `{{< highlight >}}`: code up to its closing tag)
    k = 0
    while k < len(lines):
        line = lines[k]
        if shortcode_fence:
            tag = _whole_tag(line)
            if tag and tag[1] and tag[2] in _CODE:
                lines[k], shortcode_fence = "```", False
        elif fence:
            fence = None if fence_closes(line, *fence) else fence
        elif found := FENCE.match(line):
            fence = (found.group(1)[0], len(found.group(1)))
        elif line.strip() == _COLUMN_BREAK:
            lines[k] = ""
        elif "{{" in line:
            line = _joined(lines, k)
            tag = _whole_tag(line)
            if tag and not tag[1] and tag[2] in _CODE:
                lines[k], shortcode_fence = "```" + ("mermaid" if tag[2] == "mermaid" else _language(tag[3])), True
            elif tag:
                lines[k] = _block_tag(tag, lines, k)
            else:
                lines[k] = _inline(line)
        k += 1
    return "\n".join(lines)


def _joined(lines: list[str], k: int) -> str:
    """Line k with the lines a tag opened on it runs on over joined to it (they are left empty)."""
    line = lines[k]
    last = line.rfind("{{")
    if last < 0 or _OPENER.match(line, last) is None or "}}" in line[last:]:
        return line
    for j in range(k + 1, min(k + 1 + _MAX_TAG_LINES, len(lines))):
        if "}}" in lines[j]:
            line = " ".join([line, *(ln.strip() for ln in lines[k + 1:j + 1])])
            lines[k + 1:j + 1] = [""] * (j - k)
            return line
        if not lines[j].strip():
            break
    return line


def _whole_tag(line: str) -> tuple[str, bool, str, str] | None:
    """(delimiter, closing?, name, arguments) of a line that is one shortcode tag and nothing else."""
    stripped = line.strip()
    if not stripped.startswith("{{"):
        return None
    found = _TAG.fullmatch(stripped)
    return (found.group(1), bool(found.group(2)), found.group(3).lower(), found.group(4)) if found else None


def _arguments(text: str) -> tuple[list[str], dict[str, str]]:
    """A tag's positional and named arguments."""
    positional, named = [], {}
    for found in _ARG.finditer(text):
        value = next((g for g in found.groups()[1:] if g is not None), "")
        if found.group(1):
            named[found.group(1).lower()] = value
        else:
            positional.append(value)
    return positional, named


def _block_tag(tag: tuple[str, bool, str, str], lines: list[str], k: int) -> str:
    """What a line that is one tag shows."""
    _, closing, name, args = tag
    positional, named = _arguments(args)
    if name in _BOXES or name in _KIND_NAMES:
        return ":::" if closing else _callout(name, positional, named)
    if name in _FOLDS:
        if closing:
            return "</details>"
        title = named.get("summary") or named.get("title") or (positional[0] if positional else "")
        return f"<details><summary>{title}</summary>" if title else "<details>"
    if name in _MATH:
        return "" if _own_math(lines, k, closing) else "$$"
    if name in _TAB_SETS:
        return "::::" if closing else "::::{tab-set}"
    if name == "tab":
        title = named.get("name") or named.get("header") or named.get("title") or (positional[0] if positional else "")
        return ":::" if closing else f":::{{tab-item}} {title}".rstrip()
    if name in _IMAGES:
        return _image(positional, named)
    if name in _LINKS and positional:
        return _link_text(positional[0])
    return ""  # (any other shortcode: furniture; the text between a pair's tags stays)


def _callout(name: str, positional: list[str], named: dict[str, str]) -> str:
    """The opening line of the callout a box's opening tag stands for."""
    said = named.get("type") or named.get("style") or named.get("kind") or named.get("context") or \
        (positional[0] if positional and name in _BOXES else name)
    kind = _KINDS.get(said.lower(), "note")
    title = named.get("title") or (positional[1] if len(positional) > 1 and name in _BOXES else "")
    title = title.replace('"', "'").strip()
    return f'::: {{.callout-{kind} title="{title}"}}' if title else f"::: {{.callout-{kind}}}"


def _own_math(lines: list[str], k: int, closing: bool) -> bool:
    """Whether the math a math shortcode's tag wraps brings its own delimiters (`$$` on the line inside)."""
    step = -1 if closing else 1
    j = k + step
    while 0 <= j < len(lines) and not lines[j].strip():
        j += step
    if not 0 <= j < len(lines):
        return False
    return bool(_OWN_MATH.match(lines[j]) or lines[j].rstrip().endswith(("$$", "\\]")) or _OWN_END.search(lines[j]))


def _image(positional: list[str], named: dict[str, str]) -> str:
    """A figure's image with its caption (alt text, title) as Markdown; nothing when it has no source."""
    src = named.get("src") or (positional[0] if positional else "")
    said = named.get("caption") or named.get("alt") or named.get("title") or ""
    return f"![{said.replace(']', ')').replace('[', '(')}]({src.replace(' ', '%20')})" if src else ""


def _link_text(target: str) -> str:
    """A bare `{{< ref "notes/bagging.md" >}}`: the page it names ("bagging")."""
    name = target.rstrip("/").rpartition("/")[2].partition("#")[0]
    return name.rsplit(".", 1)[0] if "." in name else name


def _inline(line: str) -> str:
    """A line with shortcodes among its words: links through `ref` are their text, inline math its math, a figure
    its image, any other tag nothing. Code spans are left as written."""
    new = between_spans(line, code_spans(line) if "`" in line else [], _inline_text)
    return new if new.strip() or not line.strip() else ""


def _inline_text(text: str) -> str:
    """`_inline` on text outside code spans."""
    if "{{" not in text:
        return text
    text = _BUTTON.sub("", _SHORTCODE_LINK.sub(lambda m: "" if m.group(1) else m.group(2), text))
    return _TAG.sub(_inline_tag, text)


def _inline_tag(found: re.Match) -> str:
    """What one tag among words shows."""
    name = found.group(3).lower()
    if name in _MATH:
        return "$"
    positional, named = _arguments(found.group(4))
    if name in _IMAGES and not found.group(2):
        return _image(positional, named)
    if name in _LINKS and positional:
        return _link_text(positional[0])
    return ""


def _language(args: str) -> str:
    """A `highlight` tag's language (its first argument)."""
    positional, _ = _arguments(args)
    return positional[0] if positional else ""
