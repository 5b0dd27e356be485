"""A `$$…$$` that opens and closes on one line inside a sentence is inline math, whatever the note's format: Roam, GitBook and many Pandoc-in-text writers set every formula in `$$`, also inside a sentence:

    - **core point**: $$|N_\\varepsilon(p)| \\ge$$ `minPts`        →   - **core point**: $|N_\\varepsilon(p)| \\ge$ `minPts`
    - the limit of EM with shared $$\\sigma^2 I$$ as $$\\sigma \\to 0$$    →   … shared $\\sigma^2 I$ as $\\sigma \\to 0$

Read as display math, each such span cut its sentence into a "formula" card (the words before it the front, the
math the back, the words after it lost) and a cloze of the sentence showed "…" for it. Written `$…$`, which every
reader of mlwiki's shows inline, the sentence is one piece of prose with its math in it.

Inline are: every span in a heading; several spans with words between or around them; a span with words after
it (but for the formula's own ", where …" or "for $i …$"); a short symbol ending a sentence ("… in $$d$$"). A
formula alone on its line, or ending its line after a lead or prose ("Accuracy: $$\\frac{TP+TN}{N}$$", how
Obsidian writers set a formula apart), is display math as before; so is a span that runs over several lines. Code
(fences, code spans) is never touched. Kramdown pages read their own `$$` (`kramdown`). Pure: text in, text out.
"""

from __future__ import annotations

import re

from mlwiki.render.spans import FENCE, code_spans, fence_closes, math_spans

_LABEL = re.compile(r"\{#[\w:-]+\}")
_WORD = re.compile(r"[^\W_]")  # (a letter or digit: the words a sentence holds, not a bullet or a full stop)
_MARKERS = re.compile(r"[ \t]*(?:>[ \t]?)*(?:(?:[-*+]|\d+[.)])[ \t]+)?")  # (a quote's and a list item's marks)
# What a displayed formula's line may go on with: what its symbols are, or the range of its index
_QUALIFIER = re.compile(r"[ \t]*[,;]?[ \t]*(?:where\b|for[ \t]+(?:all[ \t]+|each[ \t]+|every[ \t]+)?\$)")
# Words that leave a sentence open for what follows them ("M-step, with $$N_k = …$$:"): the formula is inside it
_OPEN_END = re.compile(r"(?i)\b(?:with|where|for|of|to|at|and|or|that|by|on|in|from|as|when|if|then)[ \t]*$")
_SYMBOL = 16  # (the longest a symbol or short expression is: `\\varepsilon`, `K d`, `-1`, `\\rho_i`)
_COMPUTES = re.compile(r"\\(?:frac|sum|prod|int|sqrt|cdot|times)|[+*/]")  # (a formula computing something: no symbol)


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
    """One line with its `$$…$$` spans as `$…$` when they sit inside its words (see `_inside_words`), else the line
    itself."""
    spans = _display_spans(line)
    if not spans or not _inside_words(line, spans):
        return line
    out, pos = [], 0
    for start, end in spans:
        inner = line[start + 2:end - 2].strip()
        if not inner or "$" in inner or line[end:end + 1].isdigit():
            continue  # (`$…$` may not hold a `$`, nor be followed by a digit)
        out += [line[pos:start], "$", inner, "$"]
        pos = end
    return "".join(out) + line[pos:]


def _inside_words(line: str, spans: list[tuple[int, int]]) -> bool:
    """Whether a line's `$$…$$` spans are inline math: in a heading; several, with words between or around them;
    one with words after it (not only the formula's own "where …" or "for $i$" clause); or a short symbol with no
    relation that ends a sentence ("… estimated in $$d$$"). A formula that ends its line after a lead or prose
    ("Accuracy: $$\\frac{TP+TN}{N}$$") is the line's displayed formula, as before."""
    marks = _MARKERS.match(line).end()
    before, after = line[marks:spans[0][0]], line[spans[-1][1]:]
    if line.lstrip().startswith("#"):
        return True  # (a heading holds no displayed formula)
    if len(spans) > 1:
        between = "".join(line[spans[k][1]:spans[k + 1][0]] for k in range(len(spans) - 1))
        return bool(_WORD.search(_LABEL.sub("", before + between + after)))
    if _WORD.search(_LABEL.sub("", after)) and not _QUALIFIER.match(after):
        return True
    inner = line[spans[0][0] + 2:spans[0][1] - 2].strip()
    if _OPEN_END.search(before):
        return True  # ("M-step, with $$N_k = …$$:": the sentence goes through the formula)
    return bool(_WORD.search(before)) and not before.rstrip().endswith(":") and len(inner) <= _SYMBOL \
        and not _COMPUTES.search(inner)


def _display_spans(line: str) -> list[tuple[int, int]]:
    """The `$$…$$` spans of a line, outside its code spans."""
    codes = code_spans(line) if "`" in line else []
    return [(s, e) for s, e in math_spans(line) if line.startswith("$$", s)
            and not any(cs <= s < ce for cs, ce in codes)]
