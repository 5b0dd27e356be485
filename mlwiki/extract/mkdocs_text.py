"""What an MkDocs (Material) page's Python-Markdown extensions show of their own syntax: nothing.

- attr_list: a heading's `{ #focal }`, `{ .class }` or `{ data-x }` (written with spaces inside the braces, which
  `lines.heading_level` does not read) and a line that is only such a list (`{ .annotate }` under a list or a code
  block) set an id or a class: the page never shows them (read as text, a front showed "Focal loss { }");
- Material's icon shortcodes (`:material-eye-outline:`, `:fontawesome-solid-bug:`, `:octicons-alert-16:`,
  `:simple-python:`) show a picture, not their name;
- a code annotation's marker (`# (1)!`, `// (2)`) shows as a numbered bubble that opens the annotation list under
  the block: no text of the code;
- pymdownx.snippets' lines (`--8<-- "includes/abbreviations.md"`, a `--8<--` block of file names, `;--8<--` turned
  off) insert another file, whose text is not this page's: the page shows none of their own.

Pure: text in, text out, the same lines each where it was; fenced code is left as written but for its annotation
markers.
"""

from __future__ import annotations

import re

from mlwiki.render.spans import fenced_lines

# `{ #id }`, `{ .a .b }`, `{ key="v" }`, `{ data-x }` ending a heading: spaces inside the braces (as MkDocs writers
# write them); the form without them is read by `lines.heading_level`
_HEADING_LIST = re.compile(r"^([ \t]{0,3}#{1,6}[ \t].*?)[ \t]+\{[ \t]+(?:[#.][\w:.-]+|[\w-]+=\S+|\w+-[\w-]+)"
                           r"(?:[ \t]+(?:[#.][\w:.-]+|[\w-]+=\S+|\w+-[\w-]+))*[ \t]*\}[ \t]*$")
# A line that is only an attribute list, `{ .annotate }` (indented inside a tab or a box); kramdown's `{: .prompt-tip }`
# is a Jekyll box's kind, read by `kramdown`
_LONE_LIST = re.compile(r"[ \t]*\{[ \t]*[#.][\w:.-]+(?:[ \t]+(?:[#.][\w:.-]+|[\w-]+=\S+))*[ \t]*\}[ \t]*")
# A snippet line: `--8<-- "file.md"` (`;--8<--` turned off), or a bare `--8<--` opening or closing a block of files
_SNIPPET = re.compile(r"[ \t]*;?-{1,3}8<-{1,3}(?:[ \t]+[\"']?([^\"'\n]*)[\"']?)?[ \t]*")
_ICON = re.compile(r"[ \t]?:(?:material|fontawesome|octicons|simple)-[a-z0-9-]+:")
# A code annotation's marker: a comment that is only `(1)` or `(1)!`, at the end of a code line
_CODE_MARKER = re.compile(r"[ \t]*(?:#|//|--|%|;|/\*)[ \t]*\(\d{1,2}\)!?(?:[ \t]*\*/)?[ \t]*$")
_MARKED = re.compile(r"\(\d{1,2}\)!?(?:[ \t]*\*/)?[ \t]*$", re.M)


def as_mkdocs_shows(body: str) -> str:
    """`body` without the attribute lists, icon shortcodes and code annotation markers MkDocs does not show as
    text (see the module's docstring); `body` itself when it has none."""
    if not ("{" in body or "8<" in body or ")" in body and _MARKED.search(body) or "-" in body and _ICON.search(body)):
        return body  # (cheap: most pages have none)
    lines = body.split("\n")
    fenced = fenced_lines(lines)
    files = False  # (inside a `--8<--` block: its lines name files)
    for k, line in enumerate(lines):
        if fenced[k]:
            lines[k] = _code_shown(line)
        elif "8<" in line and (snippet := _SNIPPET.fullmatch(line)):
            files = not snippet.group(1) and not files
            lines[k] = ""
        else:
            lines[k] = "" if files and line.strip() else _text_shown(line)
            files = files and bool(line.strip())
    return "\n".join(lines)


def _text_shown(line: str) -> str:
    """A line outside code as the page shows it."""
    if "{" in line:
        if _LONE_LIST.fullmatch(line):
            return ""
        if line.rstrip().endswith("}") and (heading := _HEADING_LIST.match(line)):
            line = heading.group(1)
    if ":" in line and "-" in line:
        line = _ICON.sub("", line)
    return line


def _code_shown(line: str) -> str:
    """A line of fenced code without its annotation marker."""
    return _CODE_MARKER.sub("", line) if ")" in line else line
