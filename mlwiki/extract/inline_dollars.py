"""A `$$…$$` that opens and closes on one line inside a sentence is inline math, whatever the note's format: Roam, GitBook and many Pandoc-in-text writers set every formula in `$$`, also inside a sentence:

    - **core point**: $$|N_\\varepsilon(p)| \\ge$$ `minPts`        →   - **core point**: $|N_\\varepsilon(p)| \\ge$ `minPts`
    - the limit of EM with shared $$\\sigma^2 I$$ as $$\\sigma \\to 0$$    →   … shared $\\sigma^2 I$ as $\\sigma \\to 0$

Read as display math, each such span cut its sentence into a "formula" card (the words before it the front, the
math the back, the words after it lost) and a cloze of the sentence showed "…" for it. Written `$…$`, which every
reader of mlwiki's shows inline, the sentence is one piece of prose with its math in it.

Inline are: every span in a heading; every span of a line with words between two of them; a span
with words right after it (after a space, no comma or stop; but for the formula's own ", where …", "which
…" or "for $i …$"); a bare symbol ending a sentence. In a Roam block every `$$` among words. A formula alone on its line, or
ending its line after a lead or prose ("Accuracy: $$\\frac{TP+TN}{N}$$", how Obsidian writers set a formula
apart), or formulas written one after another, are display math as before; so is a span over several lines. Code
(fences, code spans) is never touched. Kramdown pages read their own `$$` (`kramdown`). Pure: text in, text out.
"""

from __future__ import annotations

import re

from mlwiki.render.spans import code_spans, fenced_lines, math_spans

_LABEL = re.compile(r"\{#[\w:-]+\}")
_WORD = re.compile(r"[^\W_]")  # (a letter or digit: the words a sentence holds, not a bullet or a full stop)
_MARKERS = re.compile(r"[ \t]*(?:>[ \t]?)*(?:(?:[-*+]|\d+[.)])[ \t]+)?")  # (a quote's and a list item's marks)
# What a displayed formula's line may go on with: what its symbols are, or the range of its index
_QUALIFIER = re.compile(r"[ \t]*[,;]?[ \t]*(?:where\b|which\b|for[ \t]+(?:all[ \t]+|each[ \t]+|every[ \t]+)?\$)")
_PAUSE = re.compile(r"[ \t]*[,.;:]")  # (", $C = 1$ means …", ", and the goal …": what follows a displayed formula)
_IN_PROSE = _WORD  # (between two formulas: words of the sentence they are in)
# A bare symbol: `K`, `\\sigma_i`, `x^{(i)}`, `-1`
_SYMBOL = re.compile(r"\\?[A-Za-z]+(?:_\{?[\w\\]+\}?)?(?:\^\{?[\w\\()]+\}?)?|-?\d+")
# Words that leave a sentence open for what follows them ("M-step, with $$N_k = …$$:"): the formula is inside it
_SENTENCES = re.compile(r"[^\W_][.!?][ \t]+[A-Z\"'(]")  # (a word ends a sentence and another sentence starts)
_OPEN_END = re.compile(r"(?i)\b(?:with|where|for|of|to|at|and|or|that|by|on|in|from|as|when|if|then)[ \t]*$")


def inline_dollars(body: str) -> str:
    """`body` with every `$$…$$` written inside a line of words as `$…$` (see the module's docstring); the same
    lines, each where it was."""
    if "$$" not in body:
        return body
    lines = body.split("\n")
    for k, fenced in enumerate(fenced_lines(lines)):
        if not fenced and "$$" in lines[k]:
            lines[k] = inline_line(lines[k])
    return "\n".join(lines)


def inline_line(line: str, every: bool = False) -> str:
    """One line with each of its `$$…$$` spans that sits inside its words (`_inside_words`) as `$…$`; with `every`
    (a tool whose `$$` is always inline in a block's words: Roam), each span of a line with words outside them."""
    spans = _display_spans(line)
    if not spans:
        return line
    if every:
        rest = "".join(line[(spans[k - 1][1] if k else _MARKERS.match(line).end()):spans[k][0]]
                       for k in range(len(spans))) + line[spans[-1][1]:]
        every = bool(_WORD.search(_LABEL.sub("", rest)))
    # (a heading holds no displayed formula; nor does a sentence with formulas inside it: words between them)
    prose = line.lstrip().startswith("#") or any(_between_words(line[spans[k][1]:spans[k + 1][0]])
                                                 for k in range(len(spans) - 1))
    out, pos = [], 0
    for k, (start, end) in enumerate(spans):
        inner = line[start + 2:end - 2].strip()
        if not inner or "$" in inner or line[end:end + 1].isdigit():
            continue  # (`$…$` may not hold a `$`, nor be followed by a digit)
        before = line[spans[k - 1][1] if k else _MARKERS.match(line).end():start]
        after = line[end:spans[k + 1][0] if k + 1 < len(spans) else len(line)]
        if every or prose or _inside_words(before, after, inner, k + 1 < len(spans)):
            out += [line[pos:start], "$", inner, "$"]
            pos = end
    return "".join(out) + line[pos:]


def _between_words(text: str) -> bool:
    """Whether the text between two formulas is words of the sentence they are in, not a lead to the second ("…:",
    "… and the bias by")."""
    if _SENTENCES.search(text):
        return True  # (a sentence ends and the next goes on between them: running prose, "…, not 0.5. So … (if $$…$$")
    return bool(_IN_PROSE.search(text)) and not text.rstrip().endswith(":") and not _OPEN_END.search(text)


def _inside_words(before: str, after: str, inner: str, more: bool) -> bool:
    """Whether a `$$…$$` span, with the text `before` and `after` it up to the line's ends or the spans beside it, is
    inside a sentence: words go on right after it, no comma or stop between (not only the formula's own ", where …", "for $i$", ", which …", nor a
    lead to the next formula), or it is a bare symbol ending a sentence ("… does not need $$K$$"). Text glued to
    the closing `$$` ("$$…$$For every $a$") starts a new line as the writer sees it. A formula that ends its line after a lead or prose ("Accuracy: $$\\frac{TP+TN}{N}$$", how Obsidian
    writers set a formula apart) is the line's displayed formula, as before; so are formulas written one after
    another ("Regression $$g = …$$ $$h = 1$$")."""
    if after[:1] == ")" and "(" in before:
        return True  # (a formula in brackets inside a sentence: "excellent (if $$\\pi = 0.01$$) or awful")
    words = _WORD.search(_LABEL.sub("", after))
    if words and after[:1] in " \t" and not _QUALIFIER.match(after) and not _PAUSE.match(after) \
            and not (more and not _between_words(after)) and not after.rstrip().endswith(":"):
        return True
    return bool(_SYMBOL.fullmatch(inner) and _WORD.search(before))


def _display_spans(line: str) -> list[tuple[int, int]]:
    """The `$$…$$` spans of a line, outside its code spans."""
    codes = code_spans(line) if "`" in line else []
    return [(s, e) for s, e in math_spans(line) if line.startswith("$$", s)
            and not any(cs <= s < ce for cs, ce in codes)]
