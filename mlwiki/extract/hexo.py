"""A Hexo blog's post read as the Markdown mlwiki reads, line for line, showing what the blog shows.

Hexo writes its blocks as tag plugins, most of them on lines of their own (the NexT theme adds the common ones):
- a note, `{% note warning %}` … `{% endnote %}` (its class, then `no-icon` or a summary, all optional), is a box
  of that kind: the Obsidian callout of the same kind over its quoted lines, as `gitbook` reads GitBook's hints;
  a quote, `{% blockquote Author %}` … `{% endblockquote %}` (or NexT's `{% centerquote %}`), is a quote;
- tabs, `{% tabs name %}` / `<!-- tab Title -->` … `<!-- endtab -->` / `{% endtabs %}`, are a MyST tab set whose
  tabs are titled by their titles;
- a code block, `{% codeblock title lang:python %}` … `{% endcodeblock %}`, is a code fence in that language (its
  text is code, never a card's words);
- a picture of the post, `{% asset_img slug.png Caption %}`, is that picture captioned; a link to another post,
  `{% post_link slug Title %}`, shows its title (the slug, read as words, when it has none); a label,
  `{% label info@text %}`, its text; `{% raw %}` and Hexo's other tags alone on a line show nothing (other tools'
  tags, GitBook's `{% hint %}`, are left to their readers).
A Hexo post's math (as a Jekyll page's, `ctx.kramdown`) often escapes its underscores, `$p\\_k$`, so that the
Markdown renderer leaves them for MathJax, which then sees `p_k`: in such a page an escaped `_` or `*` in math is
the plain one. Code is never touched.

Pure: a note's text in, the same number of lines out.
"""

from __future__ import annotations

import re

from mlwiki.extract.gitbook import TAG_LINE  # (a tag alone on its line: `{% note info %}`, `{% endnote %}`)
from mlwiki.render.spans import fenced_lines, math_spans

# NexT's note classes, as the callout kinds mlwiki knows
_NOTE_KINDS = {"default": "note", "primary": "note", "info": "info", "success": "success", "warning": "warning",
               "danger": "danger"}
_QUOTES = frozenset(("blockquote", "quote", "centerquote", "cq", "pullquote"))
_ENDS = frozenset("end" + name for name in ("note", "noteblock", *_QUOTES, "subnote"))
# A tab of a tab set, as NexT writes it: `<!-- tab Title @icon -->`, `<!-- endtab -->`
_TAB = re.compile(r"[ \t]*<!--[ \t]*(tab|endtab)\b([^>\n]*?)[ \t]*-->[ \t]*")
# Inline tags: `{% post_link slug Title %}`, `{% label info@text %}`, `{% asset_img slug.png Caption %}`
_INLINE = re.compile(r"\{%-?[ \t]*(post_link|label|asset_img|asset_path|asset_link|link)[ \t]+([^%\n]*?)[ \t]*-?%\}")
_CUES = ("{%", "<!-- tab")
# Hexo's and NexT's other tags that stand alone on a line and show no words of the post (other tools' tags, such as
# GitBook's `{% hint %}`, are left to their readers)
_FURNITURE = frozenset(("raw", "endraw", "youtube", "vimeo", "iframe", "button", "btn", "pdf", "gist", "jsfiddle",
                        "include_code", "include_raw", "video", "audio", "caniuse", "grouppicture", "endgrouppicture",
                        "pullquote_end", "fold", "endfold"))
# Tags around code: their text is code in a fence
_CODE_TAGS = {"codeblock": "endcodeblock", "code": "endcode", "mermaid": "endmermaid"}


def as_hexo_shows(body: str, site_page: bool = False) -> str:
    """`body` with Hexo's tag plugins read as said above; `site_page` (a post of a blog whose renderer eats
    Markdown escapes): its math's escaped `_` and `*` as the plain ones. `body` itself when there is nothing."""
    if not any(cue in body for cue in _CUES) and not (site_page and ("\\_" in body or "\\*" in body)):
        return body
    lines = body.split("\n")
    fenced = fenced_lines(lines)
    quoted, code = False, ""
    for k, line in enumerate(lines):
        if fenced[k] and not code:
            lines[k] = "> " + line if quoted else line  # (a fence inside a note: in its quote)
            continue
        if code:
            if _tag(line)[0] == code:
                lines[k], code = "```", ""
            continue
        line, quoted, code = _shown(line, quoted)
        if site_page and "\\" in line:
            line = _unescaped_math(line)
        lines[k] = line
    return "\n".join(lines)


def _tag(line: str) -> tuple[str, list[str]]:
    """The name and the words after it of the tag alone on this line (("", []) when the line is no such tag)."""
    if "{%" not in line or not (tag := TAG_LINE.fullmatch(line)):
        return "", []
    return tag.group(1).casefold(), tag.group(2).split()


def _shown(line: str, quoted: bool) -> tuple[str, bool, str]:
    """A line outside code as Hexo shows it, whether a box is open after it, and the tag that ends the code block
    it opened ("" when it opened none)."""
    name, words = _tag(line)
    if name == "note" or name in _QUOTES:
        return _opening(name, words), True, ""
    if name in _ENDS:
        return "", False, ""
    if name in _CODE_TAGS and (name != "code" or "lang:" in line):  # (GitBook's `{% code %}` frames a fence)
        lang = "mermaid" if name == "mermaid" else next((w[5:] for w in words if w.startswith("lang:")), "")
        return "```" + lang, quoted, _CODE_TAGS[name]
    if name == "tabs":
        return "::::{tab-set}", quoted, ""
    if name == "endtabs":
        return "::::", quoted, ""
    if name in _FURNITURE:
        return "", quoted, ""  # (`{% raw %}`, `{% endraw %}`, a player: nothing on a card)
    if "<!--" in line and (tab := _TAB.fullmatch(line)):
        if tab.group(1) == "endtab":
            return ":::", quoted, ""
        title = " ".join(w for w in tab.group(2).split() if not w.startswith("@"))
        return ":::{tab-item}" + (" " + title if title else ""), quoted, ""
    if "{%" in line:
        line = _INLINE.sub(_inline, line)
    if quoted:
        line = "> " + line if line.strip() else ">"
    return line, quoted, ""


def _opening(name: str, words: list[str]) -> str:
    """The first line of a note's callout (`> [!warning] Summary`) or of a quote (`>`)."""
    if name != "note":
        return ">"
    kind = _NOTE_KINDS.get(words[0].casefold(), "") if words else ""
    title = " ".join(w for w in words[1 if kind else 0:] if w != "no-icon")
    return f"> [!{kind or 'note'}]" + (f" {title}" if title else "")


def _inline(found: re.Match) -> str:
    """An inline tag as what it shows."""
    name, args = found.group(1), found.group(2).split()
    if not args:
        return ""
    if name == "label":
        return " ".join(args).partition("@")[2] or " ".join(args)
    if name == "post_link":
        title = [w for w in args[1:] if w not in ("true", "false")]
        return " ".join(title) if title else args[0].replace("-", " ").replace("_", " ")
    if name == "link":
        return f"[{' '.join(args[:-1])}]({args[-1]})" if len(args) > 1 else args[0]
    if name == "asset_img":
        at = next((i for i, w in enumerate(args) if "." in w or "/" in w), 0)
        return f"![{' '.join(args[at + 1:]).strip(chr(34))}]({args[at]})"
    return args[0]


def _unescaped_math(line: str) -> str:
    """`line` with `\\_` and `\\*` in its math as `_` and `*`."""
    spans = math_spans(line)
    for start, end in reversed(spans):
        line = line[:start] + line[start:end].replace("\\_", "_").replace("\\*", "*") + line[end:]
    return line
