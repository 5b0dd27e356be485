"""A formula card read out of a note's text that asks the formula its writer already carded in their own words
(`DDPM loss::$L = …$`, a `Q:`/`A:` card, a card div): the writer's card wins, the automatic one is not made. Two
writings of one formula differ in spacing, sizing commands (`\\left`, `\\big`), braces and fractions
(`formula_writings`); what they equate and most of what they say is the same, or the writer carded its right side
alone, or a cloze hides it (`{{c1::$I + \\partial F/\\partial x$}}`); a display of two equations goes when the
writer carded both. Only a card whose back is the formula alone goes: a remark after
it ("Exact only as $\\eta \\to 0$") is a fact the writer's card may not hold. A short card of prose whose words
are nearly all in one of the writer's cards (a plugin's note block restating the sentence above it, as
Obsidian_to_Anki users write one) goes too: the same fact, asked twice. Pure."""

from __future__ import annotations

import re
from difflib import SequenceMatcher

from mlwiki.extract.closings import FORMULA_FORMS
from mlwiki.extract.formula_writings import equations, plain

EXPLICIT_FORMS = frozenset(("qa", "multiline", "one-line", "card-div"))  # (the writer's own cards; not a cloze,
# which hides a part of a sentence rather than asks a formula)
FORMULA_AUTHORS = EXPLICIT_FORMS | {"cloze"}  # (a cloze's back shows the formula it hides: the writer carded it)
MIN_SIDE = 6  # (an expression shorter than this, `x+y`, says too little to be the one the writer carded)
MIN_SAME = 0.8  # (how alike two writings of one formula read, once spacing and sizing are off)
_DISPLAY_ONLY = re.compile(r"\$\$([^$]+)\$\$")
_MATH = re.compile(r"\$\$([^$]+)\$\$|\$([^$\n]+)\$")
_WORD = re.compile(r"[^\W\d_]{4,}")
MAX_PROSE_WORDS = 40  # (a longer back holds more than the writer's card asked)
MIN_PROSE_WORDS = 6
MIN_SHARED = 0.8  # (of the automatic back's words, how many the writer's card holds)


def without_author_repeats(drafts: list) -> list:
    """The (sibling drafts, heading path) pairs without a lone formula card whose formula the writer's own card of
    the same note holds (see the module's docstring)."""
    written = [d for siblings, _ in drafts for d in siblings if d.form in EXPLICIT_FORMS]
    carded = [plain(m.group(1) or m.group(2)) for siblings, _ in drafts for d in siblings
              if d.form in FORMULA_AUTHORS for m in _MATH.finditer(_shown(d))]
    if not carded and not written:
        return drafts
    worded = [_words(f"{d.front}\n{d.back}") for d in written]
    return [(siblings, path) for siblings, path in drafts
            if not (len(siblings) == 1 and (_repeats(siblings[0], carded) or _says_again(siblings[0], worded)))]


def _shown(draft) -> str:
    """What a writer's card shows whole: its front and back; a cloze's back (its front hides a part)."""
    return draft.back if draft.form == "cloze" else f"{draft.front}\n{draft.back}"


def _words(text: str) -> set[str]:
    """The words of a text's prose (a formula's commands, `\\mathrm`, `\\beta`, are no words of what it says)."""
    return {w.casefold() for w in _WORD.findall(_MATH.sub(" ", text.replace("`", " ")))}


def _says_again(draft, worded: list[set[str]]) -> bool:
    """Whether a short automatic card's back is, word for word nearly, in one of the writer's cards."""
    if draft.form in EXPLICIT_FORMS:
        return False
    words = _words(draft.back)
    if not MIN_PROSE_WORDS <= len(words) <= MAX_PROSE_WORDS:
        return False
    return any(len(words & other) >= MIN_SHARED * len(words) for other in worded)


def _repeats(draft, carded: list[str]) -> bool:
    """Whether a formula card's back is one display formula whose every equation one of the writer's formulas
    (`carded`) writes."""
    if draft.form not in FORMULA_FORMS or not (shown := _DISPLAY_ONLY.fullmatch(draft.back.strip())):
        return False
    said = equations(shown.group(1))
    return bool(said) and all(any(_same(formula, other) for other in carded) for formula in said)


def _same(formula: str, other: str) -> bool:
    """Whether two formulas (`plain`) are one: the same left side and nearly the same writing; or, when the writer
    carded the right side alone (`I + \\partial F/\\partial x`), the same right side."""
    if "=" not in formula:
        return False
    side, value = formula.split("=", 1)
    if "=" in other:
        return other.split("=", 1)[0] == side and SequenceMatcher(None, formula, other).ratio() >= MIN_SAME
    return len(value) >= MIN_SIDE and value == other  # (no side to anchor it: only the same writing is the same
    # formula; `½(μ²+σ²−log σ²−1)` and its sum over `d` dimensions read alike and are two facts)
