"""Text two cards of one note would both show: a card's back that ends on the whole back of another card of the note
loses that text, which the other card asks on its own.

    Useful split:
    $$F = E - TS$$
    so $F \\le E$ when $S \\ge 0$. With $T$ fixed, … so minimising F trades E against S.
      →  "… › What it says" (the formula on its front): "With $T$ fixed, …"
      →  the formula card: "$$F = E - TS$$" / "so $F \\le E$ when $S \\ge 0$." (not the explanation again)

Two forms read one text ("adaptive β: … Did worse than clipping …" is a remark card of its label, its last
sentences the section's card): the learner would recall the same sentences twice, and a back that holds two cards'
answers is a multi-fact back. Only text read out of prose is touched, and only a prose back (no list, which would
leave its label dangling) that another card's back ends on after a sentence; a definition's sentence, quoted whole
on purpose, and a formula are never taken off (the section card stating the definition keeps it).

A card whose whole back another card of the note shows is not made: the statement "… › Definition" whose back is
the formula card's introducing sentence (its front) and formula (its back), asked there; "… › Prevalence" whose
back is the rest of the sentence "Prevalence: the share of …" that introduces a formula card; of two cards of one
line, "… › random codes" whose sentence is all on "… › random codes, polar codes", whose topic it begins. Of two
cards that answer alike what one line or one formula asks ("Why normalize: …" read as the formula's remark and as a
labelled paragraph), one stays. Pure.
"""

from __future__ import annotations

import functools
import re
from collections import Counter

from mlwiki.extract.tidy import AUTHORED
from mlwiki.models import CardKind

MIN_WORDS = 5  # of the text taken off: a phrase this short ("in the paper.") may well end two cards
_KEEP_WORDS = 3  # what the card keeps besides a formula: less is no answer
_LIST_LINE = re.compile(r"(?m)^[ \t]*(?:[-*+]|\d+[.)])[ \t]")
_STEP = re.compile(r"[ \t]*\d+[.)][ \t]")  # (a numbered item: a step in order)
_ENDS = (".", "!", "?", "$$")  # (what the kept text ends on: a sentence or a display formula, not "… if:")
_BREAK = "\n\n"  # (between a front's heading path and the sentence or term it shows)
_UNNAMED = f"{_BREAK}Formula"  # (the front of a formula no words introduce: `formula_cards.FALLBACK`)
_PATH = " › "
_DEFINE = "\n\nDefine: "  # (a definition card's front: `defining.py`)
_TABLE_CELL = "table-row"  # (`table_cards.FORM`: a row's card, or one cell of it, asked by its column)
_WIDER = re.compile(r"(?:,|;| and| &| or) ")  # (a topic that goes on to name more: "random codes, polar codes")
# Markup that two copies of one text may differ in: links ("[[Random Variable|random variables]]"), emphasis
_STATEMENT_FORMS = ("statement", "statement-box")  # (a `**Definition**.` paragraph's card, a titled box's)
_MARKUP = re.compile(r"\[\[(?:[^\]|\n]*\|)?|\]\]|\]\([^)\n]*\)|[*_\[$]")


def without_repeats(drafts: list, shown_whole: Counter | None = None) -> list:
    """The drafts (the `(siblings, heading path)` pairs of a walk), each card's back without the trailing text that
    is the whole back of another card read out of prose, and without the cards whose whole back another card shows
    (see the module's docstring). `shown_whole` counts by form the formula cards left out because a statement's card
    shows them whole (the notes hold those formulas all the same: `mlwiki init` counts them)."""
    _end_before_repeats(drafts)
    intros = [(d, _plain(d.front.rsplit(_BREAK, 1)[1])) for pair in drafts for d in pair[0] if _BREAK in d.front]
    shown = {f"{intro} {_plain(d.back)}": d for d, intro in intros}  # (what a card with a sentence over its answer
    labelled = [(intro, d) for d, intro in intros if ": " in intro]  # shows; "Prevalence: the share of …" over one)
    by_line: dict[int, list] = {}
    for siblings, _ in drafts:
        by_line.setdefault(siblings[0].line, []).append(siblings[0])
    kept = [(siblings, path) for siblings, path in drafts
            if len(siblings) != 1 or not _repeats(siblings[0], shown, labelled, by_line[siblings[0].line])]
    _without_told_items(kept)
    stated = _stated_formulas(kept)
    if shown_whole is not None:
        shown_whole.update(siblings[0].form for siblings, _ in kept if id(siblings[0]) in stated)
    twins = _twins(kept) | _quoted_remarks(kept) | _listed_formulas(kept) | stated
    return [(siblings, path) for siblings, path in kept if len(siblings) != 1 or id(siblings[0]) not in twins]


def _listed_formulas(drafts: list) -> set[int]:
    """The ids of lone formula cards whose lead-in and formula are one step of a numbered list another card of the
    note shows whole ("1. score each node by …: $y = Xp/\\lVert p\\rVert$" on the steps card), and of formula cards no
    words introduce that are a whole step there ("4. $\\theta_\\text{old} \\leftarrow \\theta$."): the step is recalled
    in its place there. (A named property's formula, "- Conjugate symmetry: …" under a definition, stays a card.)"""
    lone = [d for siblings, _ in drafts for d in siblings if len(siblings) == 1 and _BREAK in d.front
            and (d.form == "lone-formula" or d.form == "formula" and d.front.endswith(_UNNAMED))]
    if not lone:
        return set()
    backs = [(d, _plain(step)) for siblings, _ in drafts for d in siblings if _LIST_LINE.search(d.back)
             for step in d.back.split("\n") if _STEP.match(step)]
    found = set()
    for card in lone:  # (a formula no words introduce is a step when it is the whole step: "4. $x \leftarrow y$.")
        unnamed = card.front.endswith(_UNNAMED)
        line = _plain(card.back if unnamed else f"{card.front.rsplit(_BREAK, 1)[1]} {card.back}")
        if any(other is not card and (back.endswith(line) if not unnamed else _STEP.sub("", back, 1).rstrip(
                ".; ") == line) for other, back in backs):
            found.add(id(card))
    return found


def _stated_formulas(drafts: list) -> set[int]:
    """The ids of formula cards read out of a labelled statement that a card of the note shows whole
    (`**Definition**. … is a mapping $$c: I \\to X$$ for which …`): the formula and all of its lead-in, whose parts
    before the formula the card elides ("…as $T_a$, … satisfying the operations"), stand on the statement's card,
    with the condition after the formula that the formula card loses. The learner recalls the statement once."""
    stated = [_plain(d.back) for siblings, _ in drafts for d in siblings if d.form in _STATEMENT_FORMS]
    if not stated:
        return set()
    found = set()
    for siblings, _ in drafts:
        card = siblings[0]
        if len(siblings) != 1 or card.kind != CardKind.FORMULA or not _read(card) or _BREAK not in card.front:
            continue
        parts = [_plain(part) for part in card.front.rsplit(_BREAK, 1)[1].split("…")] + [_plain(card.back)]
        if any(all(part in told for part in parts) for told in stated):
            found.add(id(card))
    return found


def _without_told_items(drafts: list) -> None:
    """Each list back of a card that shows a formula on its front ("… › What it says") without the items that are
    the whole back of another card of its line ("- **concat** of …" beside "… › concat"), when an item is left: the
    learner recalls each fact once, under the front that names it."""
    for siblings, _ in drafts:
        remark = siblings[0]
        if len(siblings) != 1 or not _read(remark) or not remark.front.partition(_BREAK)[2].startswith("$$") \
                or "\n" not in remark.back or not _LIST_LINE.match(remark.back):
            continue
        told = {_plain(d.back) for others, _ in drafts for d in others if d.line == remark.line and d is not remark}
        items = remark.back.split("\n")
        kept = [item for item in items if _plain(_LIST_LINE.sub("", item, count=1)) not in told]
        if kept and len(kept) < len(items) and all(_LIST_LINE.match(item) for item in items):
            remark.back = "\n".join(kept)


def _quoted_remarks(drafts: list) -> set[int]:
    """The ids of cards read out of prose that show a formula on the front ("… › What it says" over "$$…$$") and
    whose back another card of the note shows together with that formula: a statement card quoting the whole
    definition ("… if $$\\lim d(a, a_n) = 0$$ In this case the sequence is said to converge …") already holds the
    remark, which the learner would recall twice."""
    remarks = [d for siblings, _ in drafts if len(siblings) == 1 and _read(d := siblings[0])
               and d.front.partition(_BREAK)[2].startswith("$$")]
    if not remarks:
        return set()
    backs = [(d, _plain(d.back)) for siblings, _ in drafts for d in siblings]
    found = set()
    for remark in remarks:
        formula, said = _plain(remark.front.partition(_BREAK)[2]).strip(" $"), _plain(remark.back)
        if said and formula and any(d is not remark and said in told and formula in told for d, told in backs):
            found.add(id(remark))
    return found


def _twins(drafts: list) -> set[int]:
    """The ids of cards read out of prose that ask what another card of the note asks and answer it the same: the
    same back (but a label a card's front names: "Why normalize: users …" under "… › Why normalize" or under "… ›
    What it says" beside "… › Why normalize?"), read out of the same line or shown under the same formula. Of each such group one card stays, the one whose front asks a
    question, else the one whose front says most ("… › simplified loss › What it says")."""
    groups: dict[tuple, list] = {}
    read = [d for siblings, _ in drafts if len(siblings) == 1 and _read(d := siblings[0]) and d.form != _TABLE_CELL
            and (d.kind == CardKind.BASIC or d.kind == CardKind.DEFINITION and _DEFINE in d.front)]  # (two cells of a
    # row may hold one value, "no", for two columns: two facts; "Define: OOV" beside "… › Limitations › OOV", one
    # item of an outline read as a definition and as a labelled branch, is one fact)
    labels = {_plain(d.front.split(_BREAK, 1)[0].rpartition(_PATH)[2]).rstrip("?") + ": " for d in read}
    for d in read:
        said = _plain(d.back)
        if ": " in said:  # ("Why normalize: users …" under any front: the label a card of the note is asked by)
            said = next((said[len(label):] for label in labels if said.startswith(label)), said)
        formula = d.front.split(_BREAK, 1)[1].strip() if _BREAK in d.front else ""
        groups.setdefault((said, "line", d.line), []).append(d)
        if formula.startswith("$$"):
            groups.setdefault((said, "formula", formula), []).append(d)
    dropped: set[int] = set()
    for group in groups.values():
        if len(group) > 1 and len(group[0].back) > 0:
            best = max(group, key=lambda d: (d.front.rstrip().endswith("?"), len(d.front.split(_BREAK, 1)[0])))
            dropped.update(id(d) for d in group if d is not best)
    return dropped


def _repeats(draft, shown: dict, labelled: list, same_line: list) -> bool:
    """Whether a card read out of prose says only what another card shows: its back is another card's sentence and
    answer together, or the text after its own topic in another card's "Topic: …" sentence, or lies within the back
    of a card of its line whose topic begins with its own."""
    if not _read(draft) or draft.kind not in (CardKind.BASIC, CardKind.DEFINITION):
        return False
    labelled_path = draft.kind == CardKind.BASIC and _BREAK not in draft.front and _PATH in draft.front
    if not shown and not (labelled_path and (labelled or len(same_line) > 1)):
        return False  # (nothing it could repeat: its back needs no reading)
    said = _plain(draft.back)
    if shown.get(said, draft) is not draft or shown.get(said.rstrip(". "), draft) is not draft:
        return True  # (the sentence's full stop after its formula, "… update: $q_j^* \propto …$.", says nothing more)
    if not labelled_path:
        return False
    label = _plain(draft.front.rpartition(_PATH)[2]) + ":"  # ("… › Prevalence" over "Prevalence: the share of …")
    if any(told.startswith(label) and said in told and d is not draft for told, d in labelled):
        return True
    return any(d is not draft and d.front.startswith(draft.front) and _WIDER.match(d.front[len(draft.front):])
               and _BREAK not in d.front and said in _plain(d.back) for d in same_line)


def _end_before_repeats(drafts: list) -> None:
    """Each back read out of prose without the text it ends on that is the whole back of another such card."""
    holders = [d for siblings, _ in drafts if len(siblings) == 1
               and _read(d := siblings[0]) and d.kind in (CardKind.BASIC, CardKind.FORMULA)]
    told = [(d, said) for d in holders if d.kind == CardKind.BASIC and "\n\n" not in d.back  # (one paragraph)
            and (said := " ".join(d.back.split())).count(" ") >= MIN_WORDS - 1 and not _LIST_LINE.search(d.back)]
    if not told or len(holders) < 2:
        return
    by_last: dict[str, list[tuple[int, object, str]]] = {}  # (a told text of several words ends a flattened back
    for k, (other, said) in enumerate(told):  # only when both end on one word: only those are tried, in order)
        by_last.setdefault(said.rsplit(" ", 1)[-1], []).append((k, other, said))
    for holder in holders:
        if (holder.back.rsplit(None, 1) or [""])[-1] not in by_last:
            continue  # (a back that ends on no told text's last word ends on no told text; a back is flattened
        flat = " ".join(holder.back.split())  # only when it may: its last word is its flattened text's)
        after = -1
        while found := next(((k, said) for k, other, said in by_last.get(flat.rsplit(" ", 1)[-1], ())
                             if k > after and other is not holder and len(flat) > len(said) and flat.endswith(said)),
                            None):
            after, said = found
            holder.back = _cut(holder.back, said)  # (then the told texts after it, against what is left)
            flat = " ".join(holder.back.split())


def _read(draft) -> bool:
    """Whether a card was read out of prose (not written for mlwiki)."""
    return draft.form not in AUTHORED


def _cut(back: str, said: str) -> str:
    """The back without the text `said` it ends on, when what is left ends a sentence or a formula and says
    something; else the back as it was."""
    found = re.search(r"\s+".join(map(re.escape, said.split())) + r"\s*\Z", back)
    if found is None:
        return back
    kept = back[:found.start()].rstrip()
    if not kept.endswith(_ENDS) or len(_words(kept)) < _KEEP_WORDS and "$$" not in kept:
        return back
    return kept


@functools.lru_cache(maxsize=4096)  # (a back is read so for the cards it shows, for its own repeats and for its twins)
def _plain(text: str) -> str:
    """The text without the markup two copies of it may differ in, white space as single spaces."""
    if "[" in text or "]" in text:
        text = _MARKUP.sub("", text)
    else:  # (no link: only the marks of emphasis and math go, said faster by str.replace than by the pattern)
        text = text.replace("*", "").replace("_", "").replace("$", "")
    return " ".join(text.split())


def _words(text: str) -> list[str]:
    return re.sub(r"\$\$.*?\$\$", " ", text, flags=re.S).split()
