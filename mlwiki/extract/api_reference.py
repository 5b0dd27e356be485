"""A clipped API reference page: Sphinx's numpydoc pages (scikit-learn's, NumPy's, pandas'), saved by a web clipper
as Joplin's, Obsidian's or Evernote's is, show each parameter as its bold name and type on a line of their own,
"**test\\_size** : int, default=None", over the paragraph that says what it is, and the page's version notes under it
("Added in version 0.24.", "Changed in version 0.22: default changed from 3 to 5."). A name over its type alone
defines nothing, and the paragraph alone names nothing: that paragraph joins its name's line ("**test\\_size** : int,
default=None — Size of each test block …", so "test_size" is defined by what it is), its own lines left empty, and
the version notes are left out. Fenced code is left as written. Pure: text in, text out, line for line.
"""

from __future__ import annotations

import re

from mlwiki.render.spans import fenced_lines

# "**n\_splits** : int, default=5", "**X** : array-like of shape (n\_samples, n\_features)": a name, " : ", its type
_PARAMETER = re.compile(r"[ \t]*\*\*[A-Za-z_\\][\w\\]*\*\*[ \t]+:[ \t]+(?P<type>[^\n]{1,80}?)[ \t]*")
_TYPE_WORD = re.compile(r"\b(?:int|float|str|bool|array-like|ndarray|list|dict|tuple|callable|object|None|default|"
                        r"estimator|iterable|sequence|DataFrame|Series|matrix|shape|instance|generator)\b")
_VERSION_NOTE = re.compile(r"[ \t]*(?:(?:Added|Changed|Deprecated)[ \t]+in[ \t]+version|\.\.[ \t]+version(?:added|changed)::|"
                           r"New[ \t]+in[ \t]+version)[ \t]+\d[^\n]*")
_BLOCK_START = re.compile(r"[ \t]*(?:\*\*|#|[-*+][ \t]|\d+[.)][ \t]|>|\||\$\$|<|!\[)")  # (no paragraph of prose)


def as_api_reference_shows(body: str) -> str:
    """`body` with each clipped parameter's description joined to its name's line and the version notes left out
    (see the module's doc); `body` itself when it has no parameter line."""
    if "** : " not in body and "**\t: " not in body:
        return body
    lines = body.split("\n")
    fenced = fenced_lines(lines)
    parameters = [k for k, line in enumerate(lines) if not fenced[k] and (found := _PARAMETER.fullmatch(line))
                  and _TYPE_WORD.search(found.group("type")) and not found.group("type").endswith(".")]
    if not parameters:
        return body
    for k, line in enumerate(lines):
        if not fenced[k] and _VERSION_NOTE.fullmatch(line):
            lines[k] = ""  # (when the library added or changed it: the docs' history, no fact of the parameter)
    for k in parameters:
        start = k + 1
        while start < len(lines) and not lines[start].strip() and start - k <= 2:
            start += 1  # (the description under it, a blank line apart)
        end = start
        while end < len(lines) and lines[end].strip() and not fenced[end] and not _BLOCK_START.match(lines[end]):
            end += 1
        if end == start or start - k > 2:
            continue  # (no paragraph of prose under the name: it stays as written)
        description = " ".join(line.strip() for line in lines[start:end])
        lines[k] = f"{lines[k].rstrip()} — {description}"
        for j in range(start, end):
            lines[j] = ""
    return "\n".join(lines)
