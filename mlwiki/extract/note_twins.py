"""Two cards of one note that ask the learner the same fact: one card stays.

A note says a fact twice more often than a writer means to: a labelled item is carded by its label and again as the
blank of its list's cloze ("Posterior collapse › early in training" beside "… - early in training: [...]"); a
glossary item is "Define: bias" and, under its branch of an outline, "Limitations › bias"; a recap section or a
summary table at the end repeats a sentence of the body word for word; a bold lead, "**Detach the advantage.** If
…", makes a card of its own label beside the card of its paragraph. Each pass that makes cards sees its own form only,
so the twins meet here, once every card of the note is made.

Two cards are twins when they ask about one thing (`_same_subject`) and their backs say the same: the same content words in the same order (case, markup and
filler words aside), once a label that another card of the note asks by ("early in training: …", "**Key fact**: …") is
taken off the front of a back; or nearly the same, one back's content words all among the other's, in order, with at
most one word in five more (a sentence copied with "the" changed to "its", an aside dropped). A back of fewer than
`MIN_WORDS` content words is no evidence ("1 pass, fast" is said of two models in a table, two facts), nor is a table's
cell, nor a card the writer wrote as a card, nor a formula card (its id is its formula: one card wherever it is).

Of twins the card kept is the one whose front asks best: one whose front does not show its answer already, a
labelled card over a blank of a list, a question over a
heading path, a heading path over "Define: …" of a writer's label, then the front that says most, then the note's
order. A twin is dropped only when the kept card's back holds all of its content words, so no fact is lost; the
kept card keeps its id. Pure: drafts in, drafts out.
"""

from __future__ import annotations

import re

from mlwiki.extract.draft import written_by_hand
from mlwiki.models import CardKind

MIN_WORDS = 4  # content words a back needs before its twin is trusted: fewer, two facts may well read alike
NEAR = 0.8  # a twin's content words, all among the kept back's, are at least this share of them
_BREAK = "\n\n"  # (between a front's heading path and what it asks)
_PATH = " › "
_DEFINE = "Define: "
_HIDDEN = "[...]"  # (a list cloze's blank: `list_clozes.HIDDEN`)
_TABLE_CELL = "table-row"  # (`table_cards.FORM`: cells of a row may hold one value for two columns, two facts)
_MARKUP = re.compile(r"\[\[(?:[^\]|\n]*\|)?|\]\]|\]\([^)\n]*\)|[*_`]")
_WORD = re.compile(r"[^\W_]+")
# Words that say how a sentence runs, not what it says: two copies of a fact may differ in these
_FILLER = frozenset("""a an the of in on at to for from by with and or is are was were be been being it its this that
these those there here as so then than into onto over under via per each also just only very which who whose what
when where why how does do did can could will would should may might has have had i we you my our your""".split())
# A label at the start of a back: "early in training: …", "**Key fact**: …", "**Detach the advantage.** If …"
_LEAD = re.compile(r"\s*(?:[-*+]\s+)?(?:\*\*(?P<bold>[^*\n]{1,80}?)[.:]?\*\*[.:]?|(?P<plain>[^:\n]{1,80}?):)\s+")


def without_note_twins(drafts: list) -> list:
    """The drafts (the `(siblings, heading path)` pairs of a note) without the cards whose back another card of
    the note says the same (see the module's docstring); the card kept of each twin keeps its id."""
    cards = [d for siblings, _ in drafts if len(siblings) == 1 and _weighed(d := siblings[0])]
    if len(cards) < 2:
        return drafts
    asked = {_key_text(_asked(d)) for d in cards}
    said = {id(d): _said(d, asked) for d in cards}
    cards = [d for d in cards if len(said[id(d)][0]) >= MIN_WORDS]
    labels = frozenset(said[id(d)][1] for d in cards if said[id(d)][1])  # (the labels backs were read without)
    claims = frozenset(said[id(d)][1] for d in cards if said[id(d)][3])  # (… that are claims asked by subject)
    kept: list = []
    dropped: set[int] = set()
    for card in sorted(cards, key=lambda d: _rank(d, said[id(d)], labels, claims)):
        words = said[id(card)][0]
        if any(_holds(said[id(other)][0], words) and _same_subject(card, other, said) for other in kept):
            dropped.add(id(card))
        else:
            kept.append(card)
    if not dropped:
        return drafts
    return [(siblings, path) for siblings, path in drafts if len(siblings) != 1 or id(siblings[0]) not in dropped]


def _weighed(draft) -> bool:
    """Whether a card may be the twin of another: read out of the note's prose, not a formula's or a cell's."""
    return not written_by_hand(draft) and draft.kind != CardKind.FORMULA and draft.form != _TABLE_CELL \
        and bool(draft.back.strip())


def _holds(kept: tuple, words: tuple) -> bool:
    """Whether a back of content words `kept` says all that one of `words` says, in its order, and not much more
    (in order: "- chain: no - collider: yes" and "- chain: yes - collider: no" answer two questions)."""
    if len(words) < NEAR * len(kept) or len(words) > len(kept):
        return False
    rest = iter(kept)
    return all(word in rest for word in words)


def _same_subject(one, other, said: dict) -> bool:
    """Whether two cards ask about one thing: one's back opens on the label the other asks by ("**Key fact**: …"
    beside "Define: Key fact"); one is a blank of a list under the other's heading whose front names the other's
    item ("- early in training: [...]" beside "… › early in training"); or both ask one term under one heading
    ("Define: bias" and "… › Limitations › bias"). (The same answer to one question about two subjects is two
    facts: "What are the assumptions of Shapiro-Wilk Test?" and "… of Spearman's Rank Correlation?", both "iid".)"""
    if said[id(one)][1] and said[id(one)][1] == _key_text(_asked(other)) \
            or said[id(other)][1] and said[id(other)][1] == _key_text(_asked(one)):
        return True
    for blank, named in ((one, other), (other, one)):
        if _HIDDEN in blank.front and _key_text(_asked(named)) in _key_text(blank.front) \
                and _head(named).startswith(_head(blank)):
            return True
    return (subject := _subject(one)) is not None and subject == _subject(other)


def _head(draft) -> str:
    return draft.front.split(_BREAK, 1)[0]


def _subject(draft) -> tuple[str, str] | None:
    """(the heading a card's term is asked under, the term) of a "Define: term" card or of a card whose front is
    only its heading path; None for a front that asks otherwise."""
    head, _, asked = draft.front.rpartition(_BREAK)
    if asked.startswith(_DEFINE) and _BREAK not in head:
        return _key_text(head), _key_text(asked[len(_DEFINE):])
    if head:
        return None
    parent, _, term = asked.rpartition(_PATH)
    return _key_text(parent), _key_text(term)


def _asked(draft) -> str:
    """What a front asks about: its last heading, or the term after "Define: "."""
    head, _, asked = draft.front.rpartition(_BREAK)
    if asked.startswith(_DEFINE):
        return asked[len(_DEFINE):]
    return (head if head and _PATH in head and not asked.rstrip().endswith("?") and _HIDDEN not in asked
            else draft.front).split(_BREAK, 1)[0].rsplit(_PATH, 1)[-1]


def _said(draft, asked: set[str]) -> tuple[tuple, str, bool, bool]:
    """(a back's content words, the label another card asks by taken off its front or '', whether the label taken
    off is the one the card's own front asks by: "… › parallel corpora" over "parallel corpora: sentence-aligned …",
    the label twice; whether the label is a claim its front asks by its subject: "… › Sign" over "**Sign is
    arbitrary.** If $w$ …")."""
    back = draft.back.strip()
    lead = _LEAD.match(back)
    label = _key_text(lead["bold"] or lead["plain"]) if lead else ""
    if not label or label not in asked:
        return _words(back), "", False, False
    own = _key_text(_asked(draft))
    subject = own.split()
    claim = bool(lead["bold"]) and ".**" in lead[0] and 0 < 2 * len(subject) <= len(label.split()) \
        and label.split()[:len(subject)] == subject \
        and not _asked(draft).rstrip().endswith((",", ";"))  # ("… › Shrinkage," of "**Shrinkage, not selection.**"
    # is the bold sentence cut at its comma, no subject: the card asking by the whole sentence stays)
    return _words(back[lead.end():]), "" if own == label else label, own == label, claim


def _rank(draft, said: tuple, labels: frozenset, claims: frozenset) -> tuple:
    """The order twins are kept in, best first (see the module's docstring)."""
    front = draft.front
    asked = front.rpartition(_BREAK)[2]
    back = set(said[0])
    defines = asked.startswith(_DEFINE)
    return (2 * len(back & set(_words(front))) >= len(back),  # (a front that shows its own answer: "text → …
            # (choose units; …)" over "text → **tokens** (choose units; …)" asks nothing "Define: tokens" does not)
            _HIDDEN in front,  # (a blank among its siblings, under the card that names the item)
            _key_text(_asked(draft)) in claims,  # ("… › Sign is arbitrary" shows the claim "… › Sign" asks)
            defines and _key_text(_asked(draft)) in labels,  # ("Define: Key fact", a lead's label, under the
            # card of its sentence)
            bool(said[1]) and not said[3],  # (a card asked otherwise than by the label its back opens on, under the
            # label's card)
            not front.rstrip().endswith("?"),
            said[2],  # (a back that repeats the label its front asks by)
            defines,
            -len(front.split(_BREAK, 1)[0]),
            draft.line)


def _key_text(text: str) -> str:
    """A label or heading as two copies of it compare: no markup, case or end marks."""
    return " ".join(_MARKUP.sub("", text).casefold().split()).strip(" .:?")


def _words(text: str) -> tuple:
    """The content words of a back in order: markup, case and filler words aside; a formula's letters count."""
    return tuple(w for w in _WORD.findall(_MARKUP.sub(" ", text).casefold()) if w not in _FILLER)
