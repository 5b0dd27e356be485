"""The rest of a labelled statement (`**Definition**. …`) that the paragraphs after its display formula carry on.

Mathematical notes break a definition's one sentence around its formulas, a blank line before the words that go on:

    **Definition**. The _spread_ of $Y$ is defined as
    $$ S(Y) := \\max Y - \\min Y\\;, $$

    when $Y$ takes finitely many values, and as
    $$ S(Y) := \\sup Y - \\inf Y $$

    otherwise.

The statement's card stopped at its first formula: the condition after it ("when $Y$ takes finitely many values")
and the second case were on no card of the statement. A paragraph that opens in lower case right after a formula
that ends no sentence (no full stop in it) goes on with the statement's sentence: it joins the statement's back, and
so does the next such paragraph, the display formula such a paragraph introduces ("… the square root of the
variance," over `$$…$$`) and the next formula of an open one (the map's type, then its value), up to the one that
ends the sentence in words or a closed formula.

Obsidian's block ids (`… is a *topology* on $X$ if ^869546`), which name the line for links, leave the statement's
text: the back is the note's text as written, not cleaned as prose is.

Pure: blocks in, text out.
"""

from __future__ import annotations

import re

from mlwiki.extract.blocks import Block
from mlwiki.extract.lines import LIST_ITEM, MATH, TEXT

MAX_TAILS = 4  # paragraphs a statement's sentence goes on over (each case of a definition by cases is one)
# An Obsidian block id closing a line ("… on $X$ if ^869546"): a name for links, not the note's words
_BLOCK_ID = re.compile(r"[ \t]+\^[A-Za-z0-9-]+[ \t]*$", re.M)
# What closes a display formula's text after its last symbol: the delimiters, a spacing, an environment's end
_CLOSERS = ("$$", "\\]", "\\;", "\\,", "\\!", "\\:", "\\ ", "\\quad", "\\qquad")
_END_ENV = re.compile(r"\\end\{[A-Za-z*]{1,20}\}\Z")
# The end of a statement whose formula is the paragraph after it: "… is defined as", "… such that:", "… of $X$,"
INTRODUCES = re.compile(r"(?:\b(?:as|by|is|are|be|that|then|if|where)|[:,])[ \t]*\Z")
_GOES_ON = re.compile(r"[ \t]*[a-z]")  # (a paragraph opening in lower case: the sentence before goes on)


def without_block_ids(text: str) -> str:
    """The text without the Obsidian block ids that close its lines."""
    return _BLOCK_ID.sub("", text) if "^" in text else text


def with_tails(statement: str, last: Block, later: list[Block]) -> str:
    """The statement with the paragraphs of `later` (the blocks after `last`, the statement's last paragraph) that
    carry its sentence on past its closing formula (see the module's docstring)."""
    for block in later[:MAX_TAILS]:
        if block.kind != TEXT or not ((_open_formula_end(last) or _introduces(statement)) and _goes_on(block)):
            break
        statement += "\n\n" + "\n".join(ln.text for ln in block.lines).strip()
        last = block
    return statement


def _open_formula_end(block: Block) -> bool:
    """Whether a paragraph ends on a display formula that ends no sentence ("… x_i\\;,", "… = 0" with no full stop)."""
    if block.kind != TEXT or not block.lines or block.lines[-1].kind != MATH:
        return False
    kept = _without_closers("\n".join(ln.text for ln in block.lines[-3:]))
    return bool(kept) and kept[-1] != "."


def _without_closers(tail: str) -> str:
    """A formula's last lines up to its last symbol: without the delimiters, spacings and environment ends after it."""
    text = tail.rstrip()
    while text:
        closer = next((c for c in _CLOSERS if text.endswith(c)), None)
        if closer is not None:
            text = text[:-len(closer)].rstrip()
        elif (env := _END_ENV.search(text)) is not None:
            text = text[:env.start()].rstrip()
        else:
            break
    return text


def _introduces(statement: str) -> bool:
    """Whether the statement's last words introduce a display formula ("… is defined as the square root of the
    variance,")."""
    return bool(INTRODUCES.search(statement))


def _goes_on(block: Block) -> bool:
    """Whether a paragraph carries a sentence on: it opens in lower case, in words (not a list's item), or it is a
    display formula (after an open formula, the next one of the same statement; after words, the one they
    introduce)."""
    first = block.lines[0]
    if first.kind == MATH:
        return True
    return first.kind == TEXT and bool(_GOES_ON.match(first.text)) and not LIST_ITEM.match(first.text)
