"""Script-capable TeX made inert, for every page MathJax may typeset (Anki's fields, the card and stats pages).

MathJax 3 loads its `html` extension on demand for `\\href`, `\\class`, `\\style`, `\\cssId` and `\\data`, and
`\\require` loads any extension: through them a formula can carry a `javascript:` link, CSS, ids and attributes
into the page. `\\unicode` with a font name styles the page's text. So:

* `\\href{url}{text}` stays only for an http(s) URL; any other keeps its text, without the link;
* `\\class{…}{x}`, `\\style{…}{x}`, `\\cssId{…}{x}`, `\\data{…}{x}` keep `x` only;
* `\\require{…}` goes;
* `\\unicode[…][font]{n}` loses its bracketed options;
* any other use of those names (a `\\let` or `\\newcommand` that would rename them, a missing argument) becomes
  `\\unsafe…`, which MathJax shows in red as an unknown command.

Pure text → text; it works on whole fields, because `\\(…\\)` can also come from prose (`\\\\(` in Markdown).
"""

from __future__ import annotations

import re

WRAPPERS = ("class", "style", "cssId", "data")
DANGEROUS = re.compile(r"\\(href|class|style|cssId|data|require|unicode)(?![A-Za-z])")
SAFE_URL = re.compile(r"\s*https?://", re.IGNORECASE)


def neutralize_tex(text: str) -> str:
    """`text` with the script-capable TeX commands above removed or made inert."""
    if "\\" not in text or not DANGEROUS.search(text):
        return text
    out: list[str] = []
    pos = 0
    while match := DANGEROUS.search(text, pos):
        out.append(text[pos:match.start()])
        replacement, pos = _rewrite(text, match.group(1), match.end())
        out.append(replacement)
    out.append(text[pos:])
    return "".join(out)


def _rewrite(text: str, name: str, pos: int) -> tuple[str, int]:
    """(what replaces the command `\\name` whose name ends at `pos`, where the text continues)."""
    if name == "unicode":
        end = pos
        while (options := _bracket(text, end)) is not None:
            end = options
        return "\\unicode", end
    first = _group(text, pos)
    if first is None:
        return f"\\unsafe{name}", pos
    if name == "require":
        return "", first[1]
    second = _group(text, first[1])
    if second is None:
        return f"\\unsafe{name}", pos
    if name == "href" and SAFE_URL.match(first[0]) and not DANGEROUS.search(first[0]):
        return "\\href{" + first[0] + "}{" + neutralize_tex(second[0]) + "}", second[1]
    return "{" + neutralize_tex(second[0]) + "}", second[1]


def _skip_space(text: str, pos: int) -> int:
    while pos < len(text) and text[pos] in " \t\n":
        pos += 1
    return pos


def group_end(text: str, i: int) -> int:
    """Index just past the balanced {…} group starting at text[i] == '{' (a backslash escapes the next
    character), or -1 when it never closes."""
    depth = 0
    while i < len(text):
        char = text[i]
        if char == "\\":
            i += 2
            continue
        if char == "{":
            depth += 1
        elif char == "}":
            depth -= 1
            if depth == 0:
                return i + 1
        i += 1
    return -1


def _group(text: str, pos: int) -> tuple[str, int] | None:
    """(the content of the `{…}` group starting at `pos` after spaces, the position after it), or None."""
    pos = _skip_space(text, pos)
    if pos >= len(text) or text[pos] != "{":
        return None
    end = group_end(text, pos)
    return None if end < 0 else (text[pos + 1:end - 1], end)


def _bracket(text: str, pos: int) -> int | None:
    """The position after a `[…]` option starting at `pos` (after spaces), or None."""
    pos = _skip_space(text, pos)
    if pos >= len(text) or text[pos] != "[":
        return None
    end = text.find("]", pos)
    return None if end < 0 else end + 1
