"""A note written as one outline under a single root bullet (Logseq-style pages, a lecture outline pasted whole):

    - Gibbs sampling                      # Gibbs sampling
        - idea: update one … at a time  →  - idea: update one … at a time
            - one sweep = …                    - one sweep = …
        - problems                          - problems
            - …                                 - …

The root bullet names what the whole note is about, as a title does; read as an item, it would be one branch far
too big to recall, and its branches would be asked under a sentence-less path of one label. Read as the note's
title heading over its children (each one level less deep), every branch is a card of its own, as in any outline.
Pure: the body's text in, the same number of lines out (line numbers stay those of the file).
"""

from __future__ import annotations

import re

_ROOT = re.compile(r"[-*+][ \t]+(?P<label>\S.*?)[ \t]*$")
_NOT_A_NAME = re.compile(r"[.!?;:]$|\$|\[|`|^\d|^(?:\*\*)?\w+(?:\*\*)?:")  # a sentence, math, a link, "1."
_INDENT = re.compile(r"[ \t]+")
MAX_LABEL_WORDS = 8
MIN_CHILDREN = 3  # (a root with a line or two under it is a short list, not a note's outline)


def unwrapped(body: str) -> str:
    """`body` with its single root bullet read as the title heading over its children, each dedented one level;
    `body` itself when the note is anything else (text or a heading at the margin, more than one root bullet, a
    root that is a sentence rather than a name)."""
    if not body.lstrip().startswith(("- ", "* ", "+ ", "-\t")):
        return body  # (the common case, said cheaply)
    lines = body.split("\n")
    first = next(k for k, line in enumerate(lines) if line.strip())
    root = _ROOT.fullmatch(lines[first])
    rest = [k for k in range(first + 1, len(lines)) if lines[k].strip()]
    if root is None or len(rest) < MIN_CHILDREN or not _names(root["label"]):
        return body
    indent = _INDENT.match(lines[rest[0]])
    if indent is None or not _ROOT.fullmatch(lines[rest[0]][indent.end():]) \
            or not all(lines[k].startswith(indent.group()) for k in rest):
        return body  # (a line at the margin after the root: more than one outline, or text)
    depth = len(indent.group())
    label = root["label"].strip("*_ ").strip()
    return "\n".join([*lines[:first], f"# {label}",
                      *(line[depth:] if line.strip() else line for line in lines[first + 1:])])


def _names(label: str) -> bool:
    """Whether a root bullet's text is a name (a few words, no sentence, no formula or link)."""
    return len(label.split()) <= MAX_LABEL_WORDS and not _NOT_A_NAME.search(label.strip("*_ "))
