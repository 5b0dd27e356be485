"""Overlapping clozes of a section card's paragraph: a card whose front is only its heading path ("… › Subgradient
method", "PPO › TRPO") over one paragraph whose sentences each say one thing of the heading's subject (its update,
that it is no descent method, its rate) asks for all of them at once, and the front tells none apart. As
`list_clozes` does for a list's items, the paragraph becomes a card per sentence: the front shows the heading path
and the paragraph with that sentence hidden as `[...]` (its own label, "With $G$-Lipschitz $f$: [...]", its
subject and verb, "The dual [...]", or else its first words, `sentence_cues`, kept as the blank's cue), the back is
that sentence alone.

Only a paragraph a learner can study this way: plain prose (no list, display formula, code, table or quote), two to
`MAX_SENTENCES` sentences, no derivation ("Take any …", "… ∎") and no aside in brackets as a whole, each a claim of
`MIN_WORDS` to `MAX_SENTENCE_WORDS` words, `MAX_WORDS` in all, the first of `MIN_FIRST_WORDS` or more (a shorter
one, "The best lower bound.", answers the heading), and not one answer to its heading (`one_answer`: a question
heading, a definition first, sentences tied as one argument, tutorial prose …). A sentence opening in brackets (an
aside), a citation alone ("Alon & Yahav, ICLR 2021."), an example ("For example, …", "Imagine …"), the writer's own
doubt ("Open question for me …") or reaction ("Took me a minute to trust that.", `writer_reactions`), a verdict on the sentence before ("Good enough for budgeting."), one that only
says that many kinds of a thing exist ("There are many variations of ANN.") or one that only points elsewhere is
shown on every card and asked on none. A
sentence that sets a term equal ("HeadA = …") keeps the term as its blank's cue.

Runs after the passes that ask a bare heading by what its back says (its bold phrase, its first sentence's
claim): what they asked keeps its card. The first card keeps the section card's id; each other card's id is made of
the sentence it asks. Pure: drafts in, drafts out.
"""

from __future__ import annotations

import re
from dataclasses import replace

from mlwiki.extract.closings import FORM
from mlwiki.extract.condition_cues import condition_cue
from mlwiki.extract.cueless_sentences import joined_parts, kept_ids
from mlwiki.extract.draft import Draft
from mlwiki.extract.generic_labels import widened
from mlwiki.extract.list_clozes import HIDDEN, _label, _subject
from mlwiki.extract.one_answer import one_answer
from mlwiki.extract.prose import sentences
from mlwiki.extract.sentence_cues import _unbalanced, sentence_cue
from mlwiki.extract.subject_cues import said_of
from mlwiki.extract.writer_reactions import reacts
from mlwiki.models import CardKind

MAX_SENTENCES = 5
MIN_FIRST_WORDS = 5  # a shorter first sentence answers the heading plainly; the rest says more of it
MIN_WORDS = 4  # a shorter sentence ("Works well.") leans on the one before it: the paragraph is one answer
MAX_SENTENCE_WORDS = 45
MAX_WORDS = 130

# What makes a back no plain paragraph: a list item, a display formula, code, a table, a quote, a callout, a rule
_NOT_PROSE = re.compile(r"(?m)^[ \t]*(?:[-*+][ \t]|\d+[.)][ \t]|```|~~~|\$\$|\||>|:::|<|---|#)")
_ASIDE = re.compile(r"[*_]*\(.*", re.DOTALL)  # (a sentence opening in brackets: a side remark, "(LogitBoost …) See …")
# The writer's own doubt or aside, shown and not asked: "Open question for me whether …", "Not sure …", "I think …"
_DOUBT = re.compile(r"(?i)[\W_]*(?:for (?:example|instance)|e\.\s?g\.|imagine|it's like|open question|not sure|unsure|i (?:think|guess|wonder)|no idea|todo)\b")
# A derivation, whose steps are one argument, not claims: "Take any …", "Let …", a proof's end mark
_ARGUES = re.compile(r"(?:Take|Let|Consider|Suppose|Assume|Given|Fix|Pick)\b|.*[∎□]", re.DOTALL)
# A sentence that sets a term equal to what it names: a formula or up to three words, then "=", "≈" or ":="
_EQUATES = re.compile(r"(?:\$[^$\n]{1,40}\$|\*\*[^*\n]{1,40}\*\*|[^\W\d_][\w-]*(?:[ \t][\w-]+){0,2})[ \t]*(?:=|≈|:=)[ \t]+")
# A sentence that only cites its source, "Alon & Yahav, ICLR 2021.": shown, asked on no card
_CITES = re.compile(r"[A-Z][\w'-]*,?(?:[ \t](?:[A-Z][\w'-]*,?|&|and|et|al\.,?)){0,5}[ \t]\(?(?:19|20)\d\d[a-z]?\)?\.?")
_WRAP = re.compile(r"[ \t]*\n[ \t]*")
_DERIVES = re.compile(r"(?i)› (?:derivations?|deriving|proofs?)\b")  # (a heading over a derivation's steps)
# A verdict with no subject on the sentence before it, "Good enough for budgeting.", "Works fine in practice.": it
# leans on that sentence (asked alone, its back says nothing): shown, asked on no card
_VERDICT = re.compile(r"(?i)[\W_]*(?:(?:good|close|accurate|precise|safe|fast|cheap)[ \t]+enough|"
                      r"works?[ \t]+(?:well|fine)|not[ \t]+bad)\b(?:[ \t]+[^\s.!?]+){0,5}[ \t]*[.!]?")
# A sentence that only says that many kinds of something exist, "There are many variations of ANN.": what they are is
# the text's to say (the headings and sentences around it), and alone it says nothing to recall: shown, not asked
_KINDS_EXIST = re.compile(r"(?i)[\W_]*there[ \t]+(?:are|exist)[ \t]+(?:many|several|various|numerous|multiple|"
                          r"a[ \t]+(?:lot|number|variety)[ \t]+of|lots[ \t]+of)[ \t]+(?:\w+[ \t]+)?"
                          r"(?:variations|variants|types|kinds|sorts|flavou?rs|versions|families)\b"
                          r"(?:[ \t]+of[ \t]+[^.!?]{1,40})?[ \t]*[.!]?")
_POINTS = re.compile(r"(?i)[\W_]*(?:(?:also )?see|cf\.|more (?:on this )?in)\b|.*\[\[[^\]\n]*\]\][.]?$"
                     r"|.*(?:→|->|⇒)[ \t]*\[[^\]\n]*\]\([^)\n]*\)[.]?$")  # ("Computation → [numerics](04-numerics).")


def sentence_clozes(drafts: list[tuple[list[Draft], str]]) -> list[tuple[list[Draft], str]]:
    """Each section card whose front is only its heading path over one paragraph of claims (see the module's doc),
    as overlapping clozes: a card per sentence asked, in the paragraph's order, each at the section's line."""
    out: list[tuple[list[Draft], str]] = []
    for group, path in drafts:
        draft = group[0]
        parts = _parts(draft.back, path.rsplit(" › ", 1)[-1]) if len(group) == 1 and _bare_section(draft, path) else None
        if parts is None:
            out.append((group, path))
            continue
        joined, firsts = joined_parts(parts, _hidden)  # (a sentence with no cue goes with the one before it)
        if sum(ask for _, ask in joined) >= 2:  # (else one card would ask the whole paragraph: the heading's
            parts = joined  # card, which a later pass may ask otherwise; the sentences stay apart)
        out += [([card], path) for card in kept_ids(draft, cloze_cards(draft, parts), firsts)]
    return out


def _bare_section(draft: Draft, path: str) -> bool:
    """Whether a card is a section's card whose front is its heading path alone, with a heading under the title, and
    not under a derivation's or a proof's heading (its sentences are the steps of one argument: "Gradient: …",
    "Multiply on the left by …", "Induction gives the rest.")."""
    return draft.kind == CardKind.BASIC and draft.form == FORM and draft.front == path and " › " in path \
        and not _DERIVES.search(path)


def _parts(back: str, heading: str) -> list[tuple[str, bool]] | None:
    """The paragraph's sentences, each with whether it is asked; None when the back is no paragraph of claims or
    is one answer to its heading (`one_answer`)."""
    text = back.strip()
    if not text or "\n\n" in text or _NOT_PROSE.search(text) or len(text.split()) > MAX_WORDS:
        return None
    if text.startswith("(") or _ARGUES.match(text):
        return None  # (a paragraph in brackets is one aside; a derivation's steps are one argument)
    text = _WRAP.sub(" ", text)  # (a wrapped line's break is a space: a sentence shown beside others reads whole)
    said = [s.strip() for s in sentences(text) if s.strip()]
    parts = [(s, not _ASIDE.fullmatch(s) and not _POINTS.match(s) and not _DOUBT.match(s) and not _CITES.fullmatch(s)
              and not _VERDICT.fullmatch(s) and not _KINDS_EXIST.fullmatch(s) and not reacts(s))
             for s in said]
    asked = [s for s, ask in parts if ask]
    if not 2 <= len(asked) <= MAX_SENTENCES or len(said) > MAX_SENTENCES:
        return None
    if any(not MIN_WORDS <= len(s.split()) <= MAX_SENTENCE_WORDS for s in asked):
        return None
    if len(said[0].split()) < MIN_FIRST_WORDS or one_answer(heading, said):
        return None  # (a first sentence of a few words, "The best lower bound.", is the heading's answer)
    return parts


def cloze_cards(draft: Draft, parts: list[tuple[str, bool]], hide=None, joiner: str = " ") -> list[Draft]:
    """A card per part asked (a sentence; `paragraph_clozes`: a paragraph, joined by `joiner`): the front the
    heading path over the parts with that one hidden (`hide`, by default `_hidden`), the back that part. The first
    card keeps the section card's id."""
    hide = hide or _hidden
    cards: list[Draft] = []
    for k, (text, ask) in enumerate(parts):
        if not ask:
            continue
        id_front = (draft.id_front or draft.front) if not cards else f"{FORM}: {draft.front}\n\n{HIDDEN} {text}"
        shown = joiner.join(hide(s) if j == k else s for j, (s, _) in enumerate(parts))
        cards.append(replace(draft, front=f"{draft.front}\n\n{shown}", back=text, id_front=id_front))
    return cards


def _hidden(text: str) -> str:
    """A sentence hidden after its own label, its subject and verb, its term set equal, the condition it opens on
    (`condition_cues`), or else its first words (`sentence_cues`): the cue its blank keeps."""
    return f"{_own_cue(text) or condition_cue(text) or sentence_cue(text)}{HIDDEN}"


def _own_cue(text: str) -> str:
    """A sentence's own label, subject and verb or term set equal; '' when it has none."""
    label = _label(text)
    cue = widened(label, text[len(label):], _rest_cue)
    if cue and cue == label and not label.lstrip().startswith(_MARKED):  # (a term the writer marked, "**H0**:",
        # "`min_dist`:", is defined by the rest: its subject and verb would give the definition away)
        cue += _closed(said_of(text[len(label):]))  # ("Key finding: [...]" asks nothing; "Key finding: deep nets need
        # [...]" asks what is said of its subject)
    return cue or _subject(text) or _named(text)


_MARKED = ("**", "==", "`", "*", "_")  # (a label set in bold, highlight, code or emphasis: a term defined)


def _closed(cue: str) -> str:
    """A cue that closes every quote, bracket and mark it opens, without a highlight or bold mark it opens on and
    the blank cuts ("==good networks have " → "good networks have "); '' for one that would cut a quote or bracket
    open ('"PCA is [...]')."""
    for mark in ("==", "**"):
        if cue.count(mark) % 2 and cue.startswith(mark):
            cue = cue[len(mark):]
    return "" if _unbalanced(cue) or cue.count("==") % 2 or cue.count("**") % 2 else cue


def _rest_cue(text: str) -> str:
    """The cue the words after a generic label give (`generic_labels`): their subject and verb, the condition they
    open on, or their first words."""
    return _subject(text) or condition_cue(text) or sentence_cue(text)


def _named(text: str) -> str:
    """A sentence's term set equal to what it names ("HeadA = one model …"), with the sign: the cue of its blank."""
    found = _EQUATES.match(text)
    return found.group(0) if found else ""
