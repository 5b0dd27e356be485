"""A `$…$` that a line break left alone on its line in the middle of prose that states relations of its own:

    To keep the forward signal: $a = 1/n$. The backward pass wants $a = 1/m$. Both hold only when
    $n = m$.

The last line looks like a displayed formula (`formulas.display_formulas` reads a line that is only a `$…$` as
one), but it ends a sentence begun on the line before, and the paragraph states other relations in sentences of
its own. A formula card for it would ask the paragraph with its last relation as the answer, the others left on the
front or lost; read as inline math, the paragraph is carded as prose, every relation on the back. Pure.
"""

from __future__ import annotations

import re

from mlwiki.extract.lines import LIST_ITEM, TEXT, Line

_RELATION = re.compile(r"=|\\approx|\\propto|\\le|\\ge|<|>")
_INLINE = re.compile(r"(?<![$\\])\$([^$\n]+)\$(?!\$)")
_SENTENCE_END = re.compile(r"(?<!e\.g)(?<!i\.e)(?<!\bcf)(?<!\bvs)[.!?](?=\s|$)")  # (not "e.g.", "i.e.")
# a line that goes on with the formula's own sentence: what its symbols are, not a claim of its own
# Words a noun must follow: a line ending on one leaves its phrase for the formula on the next line to finish
_DETERMINERS = frozenset("a an the some any every each all no its their this that these those".split())
_GOES_ON = re.compile(r"(?i)[ \t]*(?:where|with|for|and|or|i\.e\.|e\.g\.)\b")


def _states_relation(text: str) -> bool:
    """Whether prose holds an inline `$…$` that states a relation (`$a = 1/n$`, `$x \\le y$`)."""
    return "$" in text and any(_RELATION.search(m.group(1)) for m in _INLINE.finditer(text))


def _before_sentence(text: str) -> str:
    """The prose before the last sentence that `text` leaves unfinished (outside `$…$`, whose dots are math)."""
    masked = _INLINE.sub(lambda m: "$" + "x" * (len(m.group(0)) - 2) + "$", text)
    ends = list(_SENTENCE_END.finditer(masked))
    return text[:ends[-1].end()] if ends else ""


def wrapped_in_prose(lines: list[Line], k: int) -> bool:
    """Whether the lone `$…$` on line `k` of a paragraph (no list item) only ends a sentence the line before began,
    among sentences of the paragraph that state relations of their own: inline math, no displayed formula."""
    if k == 0 or lines[k - 1].kind != TEXT or LIST_ITEM.match(lines[k].text) or LIST_ITEM.match(lines[k - 1].text):
        return False
    before = lines[k - 1].text.rstrip()
    if not before or before.endswith((":", ".", "!", "?", ";")):
        return False  # (a colon, or a sentence ended: the author sets the formula apart)
    if lines[k].text.lstrip().startswith("$") and before.rsplit(None, 1)[-1].casefold() in _DETERMINERS:
        return True  # ("… is achieved by some" / "$h \in H$.": the formula is the noun of a phrase, no display)
    start = k - 1
    while start > 0 and lines[start - 1].kind == TEXT and not LIST_ITEM.match(lines[start].text):
        start -= 1
    prior = _before_sentence(" ".join(ln.text for ln in lines[start:k]))
    later = [ln.text for ln in lines[k + 1:] if ln.kind == TEXT and not LIST_ITEM.match(ln.text)]
    if later and _GOES_ON.match(later[0]):
        later = later[1:]  # (", where $x_i$ = …" on the next line: the formula's own sentence)
    return _states_relation(prior) or any(_states_relation(text) for text in later)


def wrapped_line(lines: list[Line], line: Line) -> bool:
    """`wrapped_in_prose` for a line of `lines` given itself (a section's text read line by line)."""
    k = next((i for i, ln in enumerate(lines) if ln is line or ln.no == line.no), -1)
    return k > 0 and wrapped_in_prose(lines, k)
