"""Code blocks as Docusaurus shows them: without its magic comments. A Docusaurus page highlights lines of a code
block with a comment on a line of its own (`// highlight-next-line`, `# highlight-start` … `# highlight-end`,
`{/* highlight-next-line */}` in JSX, `<!-- highlight-start -->`, and the `this-line-error` / `error-next-line`
kinds of the docs' own configuration); the site shows the highlighted code, never the comment. On a card the comment
is a line of noise in the snippet, so it is left out. Every line after the block keeps its number: the lines taken
out come back as blank lines after the block's closing fence. Pure: a note's text in, its text out.
"""

from __future__ import annotations

import re

from mlwiki.render.spans import fenced_lines

# A whole line that is only a magic comment, in any language's comment syntax
_MAGIC = re.compile(r"[ \t]*(?://|#|--|;|%|/\*|\{/\*|<!--)[ \t]*(?:highlight-(?:next-line|start|end)|this-line-error|"
                    r"error-(?:next-line|start|end))[ \t]*(?:\*/\}?|-->)?[ \t]*")
_HINT = ("highlight-", "-line-error", "error-next-line", "error-start")  # (one of them is in a note that has any)


def without_magic_comments(body: str) -> str:
    """`body` without the magic comment lines of its fenced code blocks (see the module's doc); `body` itself when
    it has none."""
    if not any(hint in body for hint in _HINT):
        return body  # (nearly every note, said cheaply)
    lines = body.split("\n")
    kept: list[str] = []
    taken = 0  # (magic lines left out of the block being read: blank lines after its closing fence)
    fenced = fenced_lines(lines)
    for k, line in enumerate(lines):
        if fenced[k] and k and fenced[k - 1] and _MAGIC.fullmatch(line) and k + 1 < len(lines) and fenced[k + 1]:
            taken += 1  # (inside the block, neither fence: the opening fence's line before it is fenced too)
            continue
        kept.append(line)
        if taken and (k + 1 == len(lines) or not fenced[k + 1] or _opens_block(fenced, k + 1, lines)):
            kept += [""] * taken
            taken = 0
    return "\n".join(kept)


def _opens_block(fenced: list[bool], k: int, lines: list[str]) -> bool:
    """Whether line k opens a new code block right after the one before it closed (two blocks with no line
    between them)."""
    return fenced[k] and lines[k].lstrip()[:3] in ("```", "~~~") and lines[k - 1].lstrip()[:3] in ("```", "~~~")
