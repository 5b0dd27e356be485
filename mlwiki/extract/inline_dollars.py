"""A `$$…$$` that opens and closes on one line with words before or after it is inline math, whatever the note's
format: Roam, GitBook and many Pandoc-in-text writers set every formula in `$$`, also inside a sentence:

    - **core point**: $$|N_\\varepsilon(p)| \\ge$$ `minPts`        →   - **core point**: $|N_\\varepsilon(p)| \\ge$ `minPts`
    - the limit of EM with shared $$\\sigma^2 I$$ as $$\\sigma \\to 0$$    →   … shared $\\sigma^2 I$ as $\\sigma \\to 0$

Read as display math, each such span cut its sentence into a "formula" card (the words before it the front, the
math the back, the words after it lost) and a cloze of the sentence showed "…" for it. Written `$…$`, which every
reader of mlwiki's shows inline, the sentence is one piece of prose with its math in it.

A line that is only the formula (after a list bullet or a quote's `>`), or the formula and a closing punctuation
mark or a Pandoc label (`{#eq-x}`), is display math as before; so is a span that runs over several lines. Code
(fences, code spans) is never touched. Kramdown pages read their own `$$` (`kramdown`). Pure: text in, text out.
"""

from __future__ import annotations

import re

from mlwiki.render.spans import FENCE, code_spans, fence_closes, math_spans

_LABEL = re.compile(r"\{#[\w:-]+\}")
_WORD = re.compile(r"[^\W_]")  # (a letter or digit: the words a sentence holds, not a bullet or a full stop)
_MARKERS = re.compile(r"[ \t]*(?:>[ \t]?)*(?:(?:[-*+]|\d+[.)])[ \t]+)?")  # (a quote's and a list item's marks)


def inline_dollars(body: str) -> str:
    """`body` with every `$$…$$` written inside a line of words as `$…$` (see the module's docstring); the same
    lines, each where it was."""
    if "$$" not in body:
        return body
    lines = body.split("\n")
    fence = None
    for k, line in enumerate(lines):
        if fence:
            fence = None if fence_closes(line, *fence) else fence
        elif found := FENCE.match(line):
            fence = (found.group(1)[0], len(found.group(1)))
        elif "$$" in line:
            lines[k] = inline_line(line)
    return "\n".join(lines)


def inline_line(line: str) -> str:
    """One line with its `$$…$$` spans as `$…$` when the line has words outside them, else the line itself."""
    spans = _display_spans(line)
    if not spans:
        return line
    rest = line[_MARKERS.match(line).end():] if spans[0][0] else line
    outside = "".join(rest[s:e] for s, e in _gaps(spans, len(line), len(line) - len(rest)))
    if not _WORD.search(_LABEL.sub("", outside)):
        return line  # (the formula alone on its line, perhaps with a full stop: display math)
    out, pos = [], 0
    for start, end in spans:
        inner = line[start + 2:end - 2].strip()
        if not inner or "$" in inner or line[end:end + 1].isdigit():
            continue  # (`$…$` may not hold a `$`, nor be followed by a digit)
        out += [line[pos:start], "$", inner, "$"]
        pos = end
    return "".join(out) + line[pos:]


def _display_spans(line: str) -> list[tuple[int, int]]:
    """The `$$…$$` spans of a line, outside its code spans."""
    codes = code_spans(line) if "`" in line else []
    return [(s, e) for s, e in math_spans(line) if line.startswith("$$", s)
            and not any(cs <= s < ce for cs, ce in codes)]


def _gaps(spans: list[tuple[int, int]], length: int, offset: int) -> list[tuple[int, int]]:
    """The stretches of a line between `spans` (every math span, not only `$$`), past `offset`, as positions in
    the line from `offset` on."""
    gaps, pos = [], offset
    for start, end in spans:
        if start > pos:
            gaps.append((pos - offset, start - offset))
        pos = max(pos, end)
    gaps.append((pos - offset, length - offset))
    return gaps
