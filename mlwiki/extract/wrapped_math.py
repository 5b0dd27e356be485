"""A `$…$` that a line break left alone on its line in the middle of prose that states relations of its own:

    To keep the forward signal: $a = 1/n$. The backward pass wants $a = 1/m$. Both hold only when
    $n = m$.

The last line looks like a displayed formula (`formulas.display_formulas` reads a line that is only a `$…$` as
one), but it ends a sentence begun on the line before, and the paragraph states other relations in sentences of
its own. A formula card for it would ask the paragraph with its last relation as the answer, the others left on the
front or lost; read as inline math, the paragraph is carded as prose, every relation on the back. The same holds on
the lines a list item goes on to (`3. **Positivity**: $0 < e(x) < 1$ for every $x$ with` / `   $p(x) > 0$.`), and
for a lone symbol with no relation that ends an item's sentence (`1. … keep the fitted values` / `   $\\hat T$.`): no
formula card takes it, and read as a formula left behind it cost the whole section its card. Pure.
"""

from __future__ import annotations

import re

from mlwiki.extract.lines import LIST_ITEM, TEXT, Line

# (independence, `X \perp Y`, or a book's `\indep` macro for it, is a relation; `W^\perp`, a complement, is none)
RELATION = re.compile(r"=|\\approx|\\le|\\ge|\\leq|\\geq|\\propto|\\sim|\\equiv|\\neq|<|>|\\to\b|\\in\b|"
                      r"(?<![\^_{])\\perp(?![A-Za-z}])|\\indep(?:endent)?(?![A-Za-z])")
_RELATION = re.compile(r"=|\\approx|\\propto|\\le|\\ge|<|>")
_INLINE = re.compile(r"(?<![$\\])\$([^$\n]+)\$(?!\$)")
_SENTENCE_END = re.compile(r"(?<!e\.g)(?<!i\.e)(?<!\bcf)(?<!\bvs)[.!?](?=\s|$)")  # (not "e.g.", "i.e.")
# a line that goes on with the formula's own sentence: what its symbols are, not a claim of its own
# Words a noun must follow: a line ending on one leaves its phrase for the formula on the next line to finish
_DETERMINERS = frozenset("a an the some any every each all no its their this that these those".split())
_GOES_ON = re.compile(r"(?i)[ \t]*(?:where|with|for|and|or|i\.e\.|e\.g\.)\b")
# A line that is one `$…$` and the punctuation of the sentence it ends or goes on with (`   $\hat T$.`)
_SYMBOL_ENDS = re.compile(r"[ \t]*\$([^$\n]+)\$[ \t]*[.,;][ \t]*")
_ENDS_PUNCTUATED = re.compile(r"\$[ \t]*[.,;][ \t]*$")


def _states_relation(text: str) -> bool:
    """Whether prose holds an inline `$…$` that states a relation (`$a = 1/n$`, `$x \\le y$`)."""
    return "$" in text and any(_RELATION.search(m.group(1)) for m in _INLINE.finditer(text))


def _before_sentence(text: str) -> str:
    """The prose before the last sentence that `text` leaves unfinished (outside `$…$`, whose dots are math)."""
    masked = _INLINE.sub(lambda m: "$" + "x" * (len(m.group(0)) - 2) + "$", text)
    ends = list(_SENTENCE_END.finditer(masked))
    return text[:ends[-1].end()] if ends else ""


def wrapped_in_prose(lines: list[Line], k: int) -> bool:
    """Whether the lone `$…$` on line `k` of a paragraph, or on a line a list item goes on to, only ends a sentence
    the line before began, among sentences of the paragraph (or item) that state relations of their own, or names a
    symbol, no relation, the sentence ends on: inline math, no displayed formula."""
    if k == 0 or lines[k - 1].kind != TEXT or LIST_ITEM.match(lines[k].text):
        return False
    item = _item_of(lines, k)
    if item < 0 and LIST_ITEM.match(lines[k - 1].text):
        return False  # (a formula flush left under an item: a line of its own)
    before = lines[k - 1].text.rstrip()
    if not before or before.endswith((":", ".", "!", "?", ";")):
        return False  # (a colon, or a sentence ended: the author sets the formula apart)
    if lines[k].text.lstrip().startswith("$") and before.rsplit(None, 1)[-1].casefold() in _DETERMINERS:
        return True  # ("… is achieved by some" / "$h \in H$.": the formula is the noun of a phrase, no display)
    if item >= 0 and (symbol := _SYMBOL_ENDS.fullmatch(lines[k].text)) and not RELATION.search(symbol.group(1)):
        return True  # ("1. … keep the fitted values" / "   $\hat T$.": a symbol the item's sentence names, which a
        # hard wrap left alone; no relation, so no formula of its own. In a paragraph such a line may still end the
        # text a section card would hold whole: its parts stay cards of their own, as they were)
    if item >= 0:
        start, stop = item, k + 1  # (an item's sentences are its own: "3. **Positivity**: $0 < e(x) < 1$ for every
        while stop < len(lines) and lines[stop].kind == TEXT and lines[stop].text[:1] in " \t" \
                and not LIST_ITEM.match(lines[stop].text):  # $x$ with" / "   $p(x) > 0$.")
            stop += 1
        if not _ENDS_PUNCTUATED.search(lines[k].text):
            return False  # (no sentence's punctuation after it: a formula the item shows, "- The loss is" / "  $…$")
        said = LIST_ITEM.sub("", " ".join(ln.text for ln in lines[start:k]), count=1)
        return _states_relation(said) or any(_states_relation(ln.text) for ln in lines[k + 1:stop])  # (the item
        # states its relation in its own words, the wrapped formula only finishes that sentence)
    start = k - 1
    while start > 0 and lines[start - 1].kind == TEXT and not LIST_ITEM.match(lines[start].text):
        start -= 1
    prior = _before_sentence(" ".join(ln.text for ln in lines[start:k]))
    later = [ln.text for ln in lines[k + 1:] if ln.kind == TEXT and not LIST_ITEM.match(ln.text)]
    if later and _GOES_ON.match(later[0]):
        later = later[1:]  # (", where $x_i$ = …" on the next line: the formula's own sentence)
    return _states_relation(prior) or any(_states_relation(text) for text in later)


def _item_of(lines: list[Line], k: int) -> int:
    """The index of the list item whose text line `k` goes on (indented under it, every line between too), or -1."""
    if lines[k].text[:1] not in " \t":
        return -1
    for j in range(k - 1, -1, -1):
        if lines[j].kind != TEXT:
            return -1
        if LIST_ITEM.match(lines[j].text):
            return j
        if lines[j].text[:1] not in " \t":
            return -1
    return -1


def wrapped_line(lines: list[Line], line: Line) -> bool:
    """`wrapped_in_prose` for a line of `lines` given itself (a section's text read line by line)."""
    k = next((i for i, ln in enumerate(lines) if ln is line or ln.no == line.no), -1)
    return k > 0 and wrapped_in_prose(lines, k)
