"""Heading-only fronts made to ask, card by card: each card of a section whose front is only its heading path gets
the question that path asks, under the path, keeping the id of the bare path (its review history). What is asked
is read by `facets` (a facet of the subject: "PPO › Motivation"; a question without its mark; what the heading's
subject is), `remark_kinds` (a kind of remark: "Box–Cox › Catch"), `term_asks` (a term the back says what it
is: "What is DirRec?"), `step_asks` (the steps of a procedure: "How does beam search work?") and `reason_asks`
(a claim given with its reason: "Why is sampling trivial?"). A question for a list whose items are cards of their
own asks for the others ("Besides …, what are …?").
"""

from __future__ import annotations

from dataclasses import replace

from mlwiki.extract.facets import FORMS, asked_front
from mlwiki.extract.given_asks import given_question
from mlwiki.extract.list_clozes import list_clozes
from mlwiki.extract.prose import clean_prose
from mlwiki.extract.reason_asks import reason_question
from mlwiki.extract.remark_kinds import remark_question
from mlwiki.extract.step_asks import steps_question
from mlwiki.extract.term_asks import term_question

# The forms whose heading may name a kind of remark besides `FORMS`: a paragraph under its label ("Catch: …" →
# "… › Catch"), a callout under its title ("> [!warning]" → "… › Warning"), a labelled item, a fact between cards
_ASKED_FORMS = FORMS | {"paragraph", "callout", "labelled", "lone-fact"}


def ask_headings(ex, first: int) -> None:
    """Give each card from index `first` on whose front is only its heading path the question that path asks
    (`asked_front`, or a kind of remark's, a defined term's: `_remark_or_term`), under the path; its id stays the
    one of the bare path."""
    for k in range(first, len(ex.drafts)):
        drafts, heading = ex.drafts[k]
        draft = drafts[0]
        if len(drafts) != 1 or draft.form not in _ASKED_FORMS or "\n" in draft.front or draft.front.endswith("?"):
            continue
        if question := draft.form in FORMS and asked_front(draft.front, draft.back) \
                or _remark_or_term(ex, first, draft, heading):
            if question.startswith("What are the ") and (others := _carded_beside(ex, first, draft)):
                question = f"Besides {others}, w{question[1:]}"  # (the section's other caveats are cards of their own)
            last = draft.front.rsplit(" › ", 1)[-1]
            asked = f"{draft.front}?" if question[1:] == f"{last[1:]}?" else f"{draft.front}\n\n{question}"
            ex.drafts[k] = [replace(draft, front=asked,
                                    id_front=draft.id_front or draft.front)], heading


def _remark_or_term(ex, first: int, card, path: str) -> str | None:
    """The question a heading that names a kind of remark asks (`remark_kinds`: "… › Catch"), or the term the
    back says what it is (`term_asks`: "What is DirRec?"); None for a card the later passes split into clozes of
    its list (their ids are made of the front: they would change) or drop (another card's front shows its back:
    "… › Fix\n\nProblem: … Fix?" over the "… › Problem" card's "Problem: …")."""
    question = remark_question(card.front, card.back) or card.form in FORMS and (
        term_question(card.front, card.back) or steps_question(card.front, card.back)  # ("How does X work?")
        or given_question(card.front, card.back)  # ("… › squared error" over "$l = …$ → $g_i = …$": what it gives)
        or reason_question(card.front, card.back))  # ("Because …, sampling is trivial": why it is)
    if not question or len(list_clozes([([card], path)])) > 1:
        return None
    said = " ".join(clean_prose(card.back).split())
    if said.lower().startswith(f"{card.front.rsplit(' › ', 1)[-1].lower()}:") and any(
            other is not card and said in " ".join(clean_prose(other.front).split())
            for drafts, _ in ex.drafts[first:] for other in drafts):
        return None  # (`repeats` drops it: its "Problem: …" is on the front of the "Fix" card)
    return question


def _carded_beside(ex, first: int, card) -> str:
    """The names of the items of the section card's list made cards of their own under its heading path ("… ›
    Caveats › Noisy val curve", "… › Caveats" + "Define: Epoch-wise double descent"), joined for "Besides …, what are
    …?": the card's list is only what they left; '' when there are none or too many to name. An item card is one of
    the list's lines (near the card's own) whose name the card's back does not hold."""
    path, near = card.front, range(card.line - 2 * MAX_BESIDE, card.line + card.back.count("\n") + 2 * MAX_BESIDE + 1)
    names = []
    for drafts, _ in sorted(ex.drafts[first:], key=lambda made: made[0][0].line):  # (in the notes' order)
        head, _, shown = drafts[0].front.partition("\n\n")
        name = head[len(path) + 3:] if head.startswith(f"{path} › ") else \
            shown.removeprefix("Define: ") if head == path and shown.startswith("Define: ") else ""
        if name and drafts[0].form in _ITEM_FORMS and drafts[0].line in near and name not in card.back:
            names.append(name if name[1:2].isupper() else name[:1].lower() + name[1:])
    if not names or len(names) > MAX_BESIDE or any(" › " in n or len(n.split()) > 6 for n in names):
        return ""
    return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} and {names[-1]}"


MAX_BESIDE = 3  # names a front can hold
_ITEM_FORMS = frozenset(("labelled", "definition-item"))  # (the cards a list's items make of themselves)
