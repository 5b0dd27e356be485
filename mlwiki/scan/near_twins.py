"""One fact said in two notes in other words: the card of the note about it is studied, the restatement is not.

A writer restates in a hub, an index, a glossary page, a "cheat sheet" or a "summary for myself" what a topic note
says at length: "**receptive field** — input region that can influence a unit" in the hub's glossary beside "The
receptive field (RF) of a unit = the region of the *input image* that can influence it." in the note on
convolutions; "- BN: d-separation - MRF: graph separation" in a note's summary beside the same two lines, with
"directed"/"undirected" added, in the index. The backs differ in a word or two, so `duplicates` (equal backs) does not
see them, and the learner meets the fact twice.

A card restates another card of another note when its back says nothing the other does not:
- its units are its prose's content words, letters and numbers (case, markup, filler words, a plural's "s" and a
  link that only points the way, "→ [[Conjugate priors]]", aside) and
  each formula it writes as a whole (its symbols: `formula_twins.symbols`; a formula is matched by a formula of the
  other back sharing `SAME_SYMBOLS` of them, never by its letters, so "Variance: $\\frac{\\alpha\\beta}{…}$" and
  "Density: $\\frac{x^{\\alpha-1}…}{…}$" are two facts);
- it has `MIN_UNITS` words of two letters or more and formulas (a short back, "iid observations", may answer two
  questions; a plain formula's letters and numbers, "p = (k − 1)/2, s = 1", count as units but say too little);
- at least `NEAR` of its units are the other's (a word of it may be said otherwise), and it has no more units than
  the other (it says the fact in the same or fewer words);
- and its shared units are at least `COVER` of the other's (the other card says this fact, not a paragraph that
  mentions it among others).
- and what it asks about (its last heading, and the one above while a heading is one many notes end a front on;
  its question when it asks one) is asked by the other card's front too: "What are the assumptions of Spearman's rank correlation?" and "… of Kendall's …?", both "observations are
  iid and can be ranked", are two facts.
A card asking about its own note's title ("D'Agostino's test › Hypothesis formulation") is the topic note's: it is
never marked.
When each of two cards restates the other (the same fact in about the same words), the one studied is the card whose
headings above its own label name more of the fact (the topic note's "03 Perplexity › … › perplexity …" over
"index › Cheat sheet › …"), then the one of the note with fewer restatements (a hub restates many notes), then path
order. Kept cards keep their ids; a restatement is marked as a duplicate of the card studied (`store.duplicates`): it
keeps its row and history and comes back when that card goes. Only cards the tool wrote from prose are marked
(basic and definition cards with no id or card syntax of the writer's: `examine.WRITTEN`).
"""

from __future__ import annotations

import math
import re
import sqlite3
from collections import defaultdict

from mlwiki.scan.formula_twins import symbols
from mlwiki.store import duplicates as marks

MIN_UNITS = 4  # units a back needs before its restatement is trusted: fewer, two facts may well read alike
NEAR = 0.9  # a restatement's units said by the other back, at least this share of them
GENERIC_NOTES = 3  # a heading ending the fronts of this many notes or more is generic ("Definition", "H1"); a
# one-word heading ending the fronts of two notes is already ("Parameters" of two distributions: a facet of each)
COVER = 0.5  # … and at least this share of the other back's units
SAME_SYMBOLS = 0.8  # shared symbols over all symbols of two formulas: the same formula, typeset otherwise
MIN_SYMBOLS = 3  # a formula with fewer ("$k$") is read as a word, not a formula of its own
KINDS = ("basic", "definition")
HEADING_SEPARATOR = " › "
_BLANK = "[...]"  # (a front showing its passage with the card's part blanked)
_LEAD = re.compile(r"\s*\*\*([^*\n]{1,80})\*\*")  # (a blanked item's bold lead names what it is about)
_MATH = re.compile(r"\$\$(.+?)\$\$|\$([^$\n]+)\$", re.DOTALL)
_MARKUP = re.compile(r"\[\[(?:[^\]|\n]*\|)?|\]\]|\]\([^)\n]*\)|[*_`=]")
_WORD = re.compile(r"[^\W_]+")
_LINK = r"(?:\[\[[^\]\n]*\]\]|\[[^\]\n]*\]\([^)\n]*\))"
# A link that points the way rather than says something: "→ [[Conjugate priors]]", "(see [note 4](…))"
_NAVIGATION = re.compile(rf"(?:→|->|\bsee:?)\s*{_LINK}|\(\s*(?:see:?\s*)?{_LINK}\s*\)", re.IGNORECASE)
# Words that say how a sentence runs, not what it says (as note_twins reads a back)
_FILLER = frozenset("""a an the of in on at to for from by with and or is are was were be been being it its this that
these those there here as so then than into onto over under via per each also just only very which who whose what
when where why how does do did can could will would should may might has have had we you my our your""".split())


def words(text: str) -> frozenset[str]:
    """The content words of prose: markup, case, filler and a plural's "s" aside ("marginals" is "marginal"). (A letter or a number is one too:
    "e_t = y_t − ŷ_(t|t−1)" written without `$` says its symbols so.)"""
    if "[" in text:  # (only a link hides words that are no content: its target, or the whole of a signpost)
        text = _MARKUP.sub(" ", _NAVIGATION.sub(" ", text))
    return frozenset(w[:-1] if len(w) > 3 and w[-1] == "s" and w[-2] != "s" else w
                     for w in _WORD.findall(text.casefold()) if w not in _FILLER)


def units(back: str) -> tuple[frozenset[str], list[frozenset[str]]]:
    """(the content words of a back's prose, the symbols of each formula it writes); a formula of fewer than
    `MIN_SYMBOLS` symbols is read as its words."""
    if "$" not in back:
        return words(back), []
    formulas = []
    prose = []
    last = 0
    for span in _MATH.finditer(back):
        tex = span.group(1) or span.group(2)
        found = symbols(tex)
        prose.append(back[last:span.start()])
        if len(found) >= MIN_SYMBOLS:
            formulas.append(found)
        else:
            prose.append(" " + tex + " ")
        last = span.end()
    prose.append(back[last:])
    return words(" ".join(prose)), formulas


def _same(a: frozenset[str], b: frozenset[str]) -> bool:
    return len(a & b) >= SAME_SYMBOLS * len(a | b)


class Card:
    """A live card as the rule reads it: its id, path, front, the units of its back, what it asks about, the words of
    its front (`said`) and of its note's title."""

    __slots__ = ("id", "path", "front", "words", "formulas", "size", "weight", "subject", "said", "title", "topic",
                 "back_lead")

    def __init__(self, cid: str, front: str, back: str, path: str):
        self.id, self.front, self.path = cid, front, path
        self.words, self.formulas = units(back)
        self.size = len(self.words) + len(self.formulas)
        # (what says enough to be trusted: words of two letters or more and formulas, not letters and numbers)
        self.weight = sum(len(w) > 1 and not w.isdigit() for w in self.words) + len(self.formulas)
        self.back_lead = back[:200]
        self.said = self.title = self.subject = None  # (read from the front when a back makes it a candidate)
        self.topic = False

    def ask(self, generic: frozenset[frozenset[str]]) -> None:
        """Read the words of the front, what it asks about (`_subject`), and whether it asks about its note's title
        (once)."""
        if self.said is not None:
            return
        head, _, asked = self.front.strip().partition("\n\n")
        # (what the front asks by: its headings and its question, not a passage it shows around a blank)
        self.said = words(head if _BLANK in asked or "\n" in asked.strip() else self.front)
        self.title = words(self.front.strip().split("\n", 1)[0].split(HEADING_SEPARATOR)[0])
        lead = _LEAD.match(self.back_lead) if _BLANK in self.front else None
        self.subject = words(lead.group(1)) if lead else _subject(self.front, generic)
        self.topic = bool(self.title) and self.title <= self.subject

    def shared(self, other: Card) -> int:
        """How many of this back's units the other back says."""
        return len(self.words & other.words) + sum(any(_same(f, g) for g in other.formulas) for f in self.formulas)

    def named(self, shared: frozenset[str]) -> int:
        """How many of the fact's words the headings above this card's own label say (its title too)."""
        path = self.front.strip().split("\n", 1)[0].split(HEADING_SEPARATOR)
        return len(words(" ".join(path[:-1] if len(path) > 1 else path)) & shared)


def _label(part: str) -> frozenset[str]:
    """A heading as two notes' headings compare: its words ("Hypothesis formulations" is "Hypothesis formulation")."""
    return words(part)


def _subject(front: str, generic: frozenset[frozenset[str]]) -> frozenset[str]:
    """The words a front asks about: its last heading, with the headings above it while a heading is one many notes
    use ("H1", "Definition", "Hypothesis formulation" name nothing by themselves), and its question when it asks one
    ("What are the assumptions of Spearman's rank correlation?", "Define: border point"); a passage shown around a
    blank is no subject."""
    head, _, asked = front.strip().partition("\n\n")
    path = head.split(HEADING_SEPARATOR)
    label = part = path.pop()
    while path and _label(part) in generic:
        part = path.pop()
        label = part + " " + label
    asked = asked.strip()
    if asked.startswith("Define:"):  # (the term defined, whatever heading it stands under)
        return words(asked.removeprefix("Define:"))
    if asked.endswith("?") and "\n" not in asked:
        label += " " + asked
    return words(label)


def restates(card: Card, other: Card, generic: frozenset[frozenset[str]]) -> bool:
    """Whether `card`'s back says nothing `other`'s does not, in the same or fewer units, about what `other` is
    about (see the module's doc); `generic`: the headings many notes use."""
    if card.weight < MIN_UNITS or card.size > other.size or card.size < COVER * other.size:
        return False
    shared = card.shared(other)
    if shared < NEAR * card.size or shared < COVER * other.size:
        return False
    card.ask(generic)
    other.ask(generic)
    # (a note's card on its own subject is studied there: "Compact topological space › Definition" and "Compact set
    # › Definition" say one sentence of two things)
    return not card.topic and card.subject <= other.said


def twins(rows: list[tuple]) -> dict[str, str]:
    """{restatement's id: id of the card studied instead} among `rows` (id, front, back, path) of live cards. Only
    pairs of cards of two notes sharing a rare word or a formula symbol are weighed (a scan runs this each time)."""
    cards = [Card(*row) for row in rows]
    notes: dict[frozenset[str], set[str]] = defaultdict(set)
    for card in cards:
        notes[_label(card.front.strip().split("\n", 1)[0].split(HEADING_SEPARATOR)[-1])].add(card.path)
    generic = frozenset(label for label, paths in notes.items()
                        if len(paths) >= (2 if len(label) == 1 else GENERIC_NOTES))
    cards = [c for c in cards if c.weight >= MIN_UNITS]
    by_unit: dict[str, list[int]] = defaultdict(list)
    for n, card in enumerate(cards):
        for unit in card.words.union(*card.formulas):
            by_unit[unit].append(n)
    pairs: list[tuple[int, int]] = []
    for n, card in enumerate(cards):
        seen = {m for unit in _keys(card, by_unit) for m in by_unit[unit] if m != n and cards[m].path != card.path}
        pairs += [(n, m) for m in seen if restates(card, cards[m], generic)]
    both = {(n, m) for n, m in pairs} & {(m, n) for n, m in pairs}
    count: dict[str, int] = defaultdict(int)
    for n, _ in pairs:
        count[cards[n].path] += 1
    found: dict[str, str] = {}
    for n, m in sorted(pairs, key=lambda p: (cards[p[0]].path, cards[p[0]].id, cards[p[1]].path, cards[p[1]].id)):
        if (n, m) in both and _first(cards[n], cards[m], count) is cards[n]:
            continue  # (the same fact in about the same words: the topic note's card is studied)
        if cards[n].id not in found and cards[m].id not in found:
            found[cards[n].id] = cards[m].id
    return {dup: kept for dup, kept in found.items() if kept not in found}


def _keys(card: Card, by_unit: dict[str, list[int]]) -> list[str]:
    """Units of a card at least one of which its twin's back says, the rarest such: of its words when it needs its
    twin to say some (a restatement's twin says all but one in ten of its units), else of its first formula (a
    formula's twin shares all but one in five of its symbols)."""
    need = math.ceil(NEAR * card.size) - len(card.formulas)
    rarest = sorted(card.words if need > 0 else card.formulas[0], key=lambda u: len(by_unit[u]))
    keep = len(rarest) - need + 1 if need > 0 else len(rarest) - math.ceil(SAME_SYMBOLS * len(rarest)) + 1
    return rarest[:max(1, keep)]


def _first(one: Card, other: Card, count: dict[str, int]) -> Card:
    """Of two cards restating each other, the one studied: the one asking about its note's title, the topic note's,
    then the one of the note with fewer
    restatements, then path order."""
    shared = one.words & other.words
    return min((one, other), key=lambda c: (not c.topic, -c.named(shared), count[c.path], c.path, c.id))


def refresh(conn: sqlite3.Connection) -> int:
    """Mark each restatement of another note's card anew (see the module's doc), leaving the marks of copied cards
    (`duplicates`) and of formula copies (`formula_twins`) as they are; returns how many are marked."""
    rows = marks.near_twin_rows(conn, KINDS)
    found = twins(rows)
    stale = [cid for cid, kept in marks.marked_near_twins(conn).items() if found.get(cid) != kept]
    marks.write_twin_marks(conn, stale, found)
    return len(found)
