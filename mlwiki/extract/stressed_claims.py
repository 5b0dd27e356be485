"""Fronts that ask the claim a writer stressed: a card whose front is still only its heading path once the passes
that ask a bare heading by its back have run (its emphasised phrase, its sentences one by one, its subject), over a
paragraph in which the writer set one whole claim in bold or ==highlight==:

    Markov Decision Processes › Policies  /  For a finite MDP with discounted return, **there always exists an
    optimal policy that is deterministic and stationary** (doesn't depend on time). So stochastic policies …
      →  Markov Decision Processes › Policies
         For a finite MDP with discounted return, [...] (doesn't depend on time). So stochastic policies …
         /  there always exists an optimal policy that is deterministic and stationary

A heading such as "Policies", "Computing it" or "Sampling" says where the text is, not what is asked, and a
learner shown it cannot tell which of the paragraph's points to recall. The writer's emphasis says which one: the
card asks it as a cloze, the rest of the paragraph shown as its context (what the claim is about, the example or
reason around it), as Anki users card a key sentence. `emphasis_fronts` asks a stressed *phrase* (a word or a term,
what its sentence says of its subject); this asks a stressed *claim*, a clause of `MIN_CLAIM_WORDS` words or more,
which that pass leaves alone.

Only a paragraph a learner can study this way: prose (no list, display formula, code, table or quote) of at most
`MAX_WORDS` words, holding exactly one such claim (short stresses, "**sum** the NLLs", stay shown as written), the
claim not its sentence's label ("**bootstrapping from terminal states**: forgot …", which the text then explains)
and not the whole paragraph (at least `MIN_SHOWN_WORDS` words shown besides it, to find the answer by). The card
keeps the id of its bare path (`id_front`, which a card a form made of the writer's prose has: a later pass may
reword the path it shows, never the id): its fact is the one it held. Pure: drafts in, drafts out.
"""

from __future__ import annotations

import re
from dataclasses import replace

from mlwiki.extract.prose import clean_prose
from mlwiki.models import CardKind

HIDDEN = "[...]"
MIN_CLAIM_WORDS = 4  # a shorter stress is a phrase: a term or a word (`emphasis_fronts` asks those)
MIN_SHOWN_WORDS = 6  # besides the blank: fewer say too little of what the claim is about
MAX_WORDS = 120  # of the paragraph: longer, it is a passage whose other points a cloze of one leaves unasked
# The forms whose card may be a heading over the writer's prose (a section's, a paragraph's, a callout's, a fact
# between cards); not a formula's remark, a question, an exercise or a lead-in, which others word
_FORMS = frozenset(("section", "paragraph", "callout", "lone-fact"))
_STRESS = re.compile(r"\*\*(?=\S)(?P<bold>[^*\n]{1,300}?)(?<=\S)\*\*|==(?=\S)(?P<mark>[^=\n]{1,300}?)(?<=\S)==")
# What makes a back no one paragraph of prose: a list item, a display formula, code, a table, a quote, a box, HTML
_NOT_PROSE = re.compile(r"(?m)^[ \t]*(?:[-*+][ \t]|\d+[.)][ \t]|\$\$|```|~~~|\||>|:::|<|#)")
_LABELS = re.compile(r"[ \t]*(?:[:：]|[—–][ \t])")  # after a stressed label: what it is follows
_WRAP = re.compile(r"[ \t]*\n[ \t]*")
_ASIDE = re.compile(r"\A[ \t]*\([^()]*\)")  # (an aside in brackets right after a claim: what follows it tells)
_CLAUSE_ENDS = re.compile(r"[,;.!?)]|[ \t]+[—–→][ \t]|$")  # (after a claim that opens its sentence: it is a clause)
_ENDS = re.compile(r"[.!?]|.[.!?]|.$", re.DOTALL)  # (a claim that ends its sentence, or the paragraph)
# A claim's own label, a few words and a colon ("The basic trade-off: smaller vocabulary ⇒ …"): shown, not asked
_OWN_LABEL = re.compile(r"[^:$`]{1,50}?:[ \t]+(?=\S)")
MAX_LABEL_WORDS = 6


def _sentence_end(text: str, start: int) -> int:
    """Where the sentence going on at `start` ends (its full stop's index, or the text's end)."""
    end = text.find(". ", start)
    return len(text) if end < 0 else end


def stressed_claims_asked(drafts: list[tuple[list, str]]) -> list[tuple[list, str]]:
    """The drafts, each card whose front is only its heading path over a paragraph that stresses one claim asking
    that claim as a cloze (the paragraph shown, the claim `[...]`), under the path; its id stays the bare path's."""
    out = []
    for group, path in drafts:
        draft = group[0]
        if len(group) == 1 and (asked := _asked(draft)) is not None:
            front, back = asked
            group = [replace(draft, front=f"{draft.front}\n\n{front}", back=back)]
        out.append((group, path))
    return out


def _asked(draft) -> tuple[str, str] | None:
    """(the paragraph with its one stressed claim hidden, the claim) of a heading-only card; None for any other."""
    front, back = draft.front, draft.back.strip()
    if draft.kind != CardKind.BASIC or draft.explicit_id or not draft.id_front or draft.form not in _FORMS \
            or "\n" in front or front.endswith("?") or HIDDEN in front or "\n\n" in back or _NOT_PROSE.search(back):
        return None
    text = _WRAP.sub(" ", back)
    if len(clean_prose(text).split()) > MAX_WORDS:
        return None
    claims = [m for m in _STRESS.finditer(text)
              if len(clean_prose(m.group("bold") or m.group("mark")).split()) >= MIN_CLAIM_WORDS]
    if len(claims) != 1:
        return None  # (none to ask by, or several: the paragraph asks more than one thing)
    found = claims[0]
    claim = (found.group("bold") or found.group("mark")).strip()
    if " ".join(clean_prose(claim).casefold().split()) in " ".join(clean_prose(front).casefold().split()):
        return None  # (a heading titled by the claim, "… › vanishing gradient for G": it gives the blank away)
    before, after = text[:found.start()], text[found.end():]
    opening = text[before.rfind(". ") + 1:found.start()]  # (of the claim's sentence, what comes before it)
    label = _LABELS.match(after)
    if not opening.strip() and label and (":" in label.group(0) or len(claim.split()) <= MAX_LABEL_WORDS) \
            or claim.endswith(":"):
        return None  # (a label the text goes on to explain: "**Term**: …" asks what it is, not the label)
    sentence = opening + text[found.end():_sentence_end(text, found.end())]
    if _STRESS.search(sentence):
        return None  # (one of the items a sentence stresses alike, "**A** and **B**": it asks them together)
    if not clean_prose(before).strip() and _ENDS.match(claim[-1:] + after[:1]):
        return None  # (a whole sentence opening the paragraph: nothing before it says what it is about)
    if not opening.strip() and not _CLAUSE_ENDS.match(_ASIDE.sub("", after, count=1)):
        return None  # (the subject its sentence goes on about, "**Choosing K** (…) is always the hard part")
    own = _OWN_LABEL.match(claim)
    if own and len(own.group(0).split()) <= MAX_LABEL_WORDS:  # ("SentencePiece sidesteps it: …": shown)
        before, claim = before + own.group(0), claim[own.end():]
    shown = f"{before}{HIDDEN}{after}"
    if len(clean_prose(shown.replace(HIDDEN, " ")).split()) < MIN_SHOWN_WORDS:
        return None
    return shown, claim
