"""Heading-only fronts over a claim about the heading: a card whose front is only its heading path, whose back's
first sentence opens on the last heading's words as the subject of a claim, asks the question that sentence answers
(`claim_asks.pointed_question`), under the path:

    … › Calendar terms › Trees  /  Trees can't extrapolate a trend → …
      →  … › Calendar terms › Trees\\n\\nWhat can't trees extrapolate?
    … › Caveats › Results  /  Results depend strongly on the seed; …
      →  … › Caveats › Results\\n\\nWhat do results depend on?

A heading that is itself the claim's verb and object, said of what the note is about ("GCN › Limitations › Assumes
homophily" over "Assumes homophily (…). …"), gives its answer away: the front asks what the note's subject does
under the path above it ("GCN › Limitations\\n\\nWhat does GCN assume?").

The heading names the subject, not what is asked; the sentence's form says which part of it is the answer. A
sentence no form reads keeps its front (a wrong question is worse than a vague one). The back stays whole and the
card keeps the id of its bare path (`id_front`). Pure: drafts in, drafts out.
"""

from __future__ import annotations

import re

from mlwiki.extract.claim_asks import base_verb, pointed_question
from mlwiki.extract.draft import asked_anew
from mlwiki.extract.lines import LIST_ITEM
from mlwiki.extract.own_subjects import subject_question
from mlwiki.extract.prose import sentences
from mlwiki.models import CardKind

# The forms whose cards other passes ask or word already: a lead-in's sentence, a formula's remark, a question
_OTHER_FORMS = frozenset(("lead-in", "remark", "qa", "exercise", "proof idea", "emphasised"))
_MARKS = re.compile(r"\*\*|==")
MAX_TITLE_WORDS = 3  # of the note's subject a question names: longer, it is a title, not a name
# A heading that is a verb in the present and its object ("Assumes homophily", "Needs labelled pairs")
_PREDICATE = re.compile(r"(?P<verb>[A-Z][a-z]{2,}[^suy\W]s) (?P<object>[a-z][\w-]*(?: [a-z][\w-]*){0,2})")


def claims_asked(drafts: list) -> list:
    """The drafts, each heading-only card whose back opens on a claim about its last heading asking the question
    the claim answers (`asked_front`), its id the one of the bare path."""
    return asked_anew(drafts, asked_front)


def subjects_asked(drafts: list) -> list:
    """The drafts, each heading-only card whose back opens on a subject of its own asking what its first sentence
    says of it (`own_subject_front`), its id the one of the bare path. Runs after the sentence and paragraph
    clozes: a paragraph of claims they split is a card per claim, not one asked by its first."""
    return asked_anew(drafts, own_subject_front)


def own_subject_front(draft) -> str:
    """The front of a heading-only card whose back's first sentence opens on a subject of its own, not its last
    heading's words ("… › MAP" over "The evidence doesn't depend on …"): the path and the question
    `own_subjects.subject_question` asks; '' for any other card."""
    first = "" if len(_ITEM_LINE.findall(draft.back)) > 1 else _first_sentence(draft)  # (a list: its first item is
    # one of its claims, and the question would ask it alone)
    last = draft.front.rpartition(" › ")[2].casefold().split()
    opening = first.removeprefix("The ").removeprefix("A ").removeprefix("An ").split(" ", 1)[0].casefold()
    if not first or opening in last:
        return ""  # (a sentence on the heading's words is `asked_front`'s to ask or leave)
    question = subject_question(first, draft.front, draft.back)
    return f"{draft.front}\n\n{question}" if question else ""


def asked_front(draft) -> str:
    """The front of a heading-only card whose back's first sentence makes a claim about its last heading: the path
    and the question (see the module's examples); '' for any other card."""
    head, _, last = draft.front.rpartition(" › ")
    if not last or last.split(" ", 1)[0].casefold() not in draft.back[:len(last) + 20].casefold():
        return ""  # (the back does not open on the heading's words: said cheaply, before its sentences are read)
    first = _first_sentence(draft)
    if not first or not last or not first.casefold().startswith(f"{last.casefold()} "):
        return ""
    subject = _as_asked(first[:len(last)])
    if not subject[:1].isalnum() and subject[:1] not in "$`" or subject.casefold() in _NOT_SUBJECTS:
        return ""  # ("− covariance", a con's mark; "All are fitted …": what "all" is, the heading does not say)
    question = pointed_question(subject, subject + first[len(last):], head)
    if question:
        return f"{draft.front}\n\n{question}"
    predicate = _predicate_question(head, last, first)
    return f"{head}\n\n{predicate}" if predicate else ""


def _first_sentence(draft) -> str:
    """The first sentence of a heading-only basic card's back, on one line, its list marker and emphasis marks off;
    '' for a card other passes ask (a question, a sentence shown, a formula's remark)."""
    path, back = draft.front, draft.back.strip()
    if draft.kind != CardKind.BASIC or draft.explicit_id or draft.form in _OTHER_FORMS or "\n" in path \
            or path.endswith("?") or "…" in path or not back or back.startswith(("$$", "```", "|", ">")):
        return ""
    line = LIST_ITEM.sub("", back.split("\n\n", 1)[0], count=1)
    found = sentences(" ".join(_MARKS.sub("", line).split()))
    return found[0].strip() if found else ""


_ITEM_LINE = re.compile(LIST_ITEM.pattern, re.MULTILINE)
_NOT_SUBJECTS = frozenset("all both each either neither it this that these those they some most many few none "
                          "others one two".split())


def _as_asked(subject: str) -> str:
    """A heading as a question says it: a common noun under a sentence's capital in lower case ("Results",
    "Contrastive losses"); a name ("Thompson Sampling", "GCN", "Adam") as it is."""
    words = subject.split()
    first = words[0]
    if first in ("The", "A", "An") and len(words) > 1 and not words[1][:1].isupper():
        return first.lower() + subject[len(first):]  # ("The $p$-value": its article in a question's lower case)
    common = first[:1].isupper() and first[1:].isalpha() and first[1:].islower() and (
        len(words) > 1 and all(w[:1].islower() for w in words[1:]) or len(words) == 1 and first.endswith("s")
        and not first.endswith("ss"))
    return first.lower() + subject[len(first):] if common else subject


def _predicate_question(head: str, last: str, first: str) -> str:
    """'What does GCN assume?' for a heading that is the claim's verb and object ("Assumes homophily"), said of the
    note's short title, when the sentence opens on it and goes on with an aside or stops; '' otherwise."""
    found = _PREDICATE.fullmatch(last)
    title = head.split(" › ", 1)[0]
    after = first[len(last):].lstrip()
    if found is None or not head or len(title.split()) > MAX_TITLE_WORDS or after[:1] not in ("(", ".", ";", ""):
        return ""
    return f"What does {title} {base_verb(found['verb'].lower())}?"
