"""Separate claims in the bullets under a heading: a section's card that is only its heading path over a list of
sentences, each a design choice or fact given with its reason, asks none of them ("loss details" over "- predict
√w instead of w → …", "- weight empty cells by 0.5 since most cells are empty"). A bullet whose form says what it
answers (its reason after "because", "since", "so that", "→": `claim_asks`) becomes a card of its own under the
heading path, asking "Why …?"; so does a bullet that makes a claim about a subject it names, asking what its form
says is the answer ("sum is the most expressive one" → "Which one is the most expressive?": `subject_asks`); the
bullets no such question asks stay on the heading's card.

Only a list of sentences is read so: no numbered list (steps), no nested list, not a list most of whose items open
on a label of their own ("Pros: …", "**Scaling**: …": labelled parts, the members the heading asks for), nor one
of named things each defined ("- **Cutout** masks …", "- **Mixup** blends …": a card per name, `item_cards`).

Pure: a card's front and back in, the fronts and backs of the cards it becomes out.
"""

from __future__ import annotations

import re

from mlwiki.extract.claim_asks import asked_front
from mlwiki.extract.defining import labelled_item
from mlwiki.extract.subject_asks import subject_question

MIN_ITEMS = 2
MIN_ITEM_WORDS = 5
MIN_CLAIM_WORDS = 4  # ("Why adjust the loss?": too little of the claim to ask it alone)
MAX_CLAIM_WORDS = 14
MIN_REASON_WORDS = 3
MAX_SUBJECT_WORDS = 4
_REMARKS = re.compile(r"[A-Z][a-z]{3,}(?<![su])s")  # (one plural word, "Interpretations", "Notes": not "Loss", "Focus")
_NAME_CUT = re.compile(r"\s+[—–(]|:\s|,\s")  # ("GCN (Kipf & Welling, 2017)", "PPO — Proximal …": its name)
_BULLET = re.compile(r"[-*+] (?=\S)")
_NUMBERED_OR_NESTED = re.compile(r"\s+\S|\d+[.)]\s")
# An item that opens on its own label: "Pros: …", "**Scaling**: …", "Intuition 1: …"
_LABELLED = re.compile(r"(?:\*\*[^*\n]{1,40}\*\*|[^:\s][^:\n]{0,40}?):\s")
# A bare verb's claim with its purpose or effect: "learn log σ rather than σ so it stays positive"
_PURPOSE = re.compile(r"(?P<claim>[^;:()]+?),? (?P<link>so that|so|because|since|→|->|⇒) (?P<reason>\S.*)")
# What an arrow leads to that is no reason of the claim before it: a name it picks ("offline, lots of data → AED"),
# or the next link of a chain ("still noisy → **lower the rate** → longer schedule": not "Why still noisy?")
_NOT_A_RESULT = re.compile(r"[*_(\[]*(?:[A-Z][\w-]*[A-Z0-9]|[A-Z][a-z]*-?[A-Z])\b|.*(?:→|->|⇒)")
# Words a bare verb is not: an article, a pronoun, a preposition, a conjunction, a question word ("among the B
# predictors …", "how well the best model can do → …")
_NOT_BARE_VERB = frozenset("a an the this that these those it its they their we our you your i he she there here "
                           "among in on at of for with by from to into over under after before when if while and "
                           "or but not no each every all some any many most more less only also e.g. i.e. eg ie "
                           "then thus hence often usually always never very since because as so though although how what "
                           "why which who whom whose where whether"
                           .split())
_DETERMINERS = frozenset("a an the its their each every all some any".split())  # ("… the weights": a noun)
# A last heading that asks for the list's members: each bullet is one of them, the list their answer
ASKS_MEMBERS = re.compile(r"(?i)\b(?:pros|cons|(?:dis)?advantages?|benefits?|drawbacks?|limitations?|strengths?|"
                          r"weakness(?:es)?|types?|kinds?|steps?|methods?|approach(?:es)?|techniques?|variants?|"
                          r"examples?|applications?|use cases?|features?|problems?|challenges?|tips?)\b")
# A claim with no claim of its own before its reason: "The reason it is missing is because of …"
_BE_BECAUSE = re.compile(r"\b(?:is|are|was|were|be) (?:because|since)\b")
# Every word `_why` reads a reason by ("so", "because", "since", "→"): a back without one needs no closer look
_REASON_WORD = re.compile(r"b(?<!\wb)ecause\b|s(?<!\ws)ince\b|s(?<!\ws)o\b|→|->|⇒")  # (`\b(?:because|since|so)\b`,
# each `\b` before a word said after its first letter: the search skips to a "b" or an "s")
_EXAMPLE = re.compile(r"(?i)(?:e\.g\.|eg\b|i\.e\.|for example|for instance)")
_LEFT_OPEN = re.compile(r"(?:\b(?:but|and|or|which|that)|,)\?$")  # ("Why does it learn …, but?": a clause cut short)
_VERB_OF_SUBJECT = re.compile(r"(?:is|are|was|were|can|could|may|might|must|should|will|would|does|do|\w+n[’']t|"
                              r"[a-z]{2,}[^suy\W]s)")


def claim_bullet_cards(path: str, back: str) -> list[tuple[str, str]] | None:
    """The (front, back) of each card a heading-only card (`path` with no question of its own) becomes when its back
    is a plain list of sentences some of which say why (see the module's doc): first the heading's card with the
    text and bullets no question asks (its back '' when none stay), then a card per bullet, "path\\n\\nWhy …?" over
    that bullet. None when the back is no such list or no bullet's form gives its question."""
    if "\n\n" in path or "- " not in back and "* " not in back or ASKS_MEMBERS.search(path.rsplit(" › ", 1)[-1]):
        return None
    chunks = [part for chunk in back.split("\n\n") for part in _lead_and_list(chunk)]
    lists = [k for k, chunk in enumerate(chunks) if _BULLET.match(chunk)]
    if len(lists) != 1:
        return None
    items = chunks[lists[0]].split("\n")
    if len(items) < MIN_ITEMS or not all(_BULLET.match(item) and not _NUMBERED_OR_NESTED.match(item) for item in items):
        return None
    plain = [item for item in items if _plain_sentence(item)]
    if 2 * len(plain) <= len(items):
        return None  # (a list of labelled parts or examples: the members the heading asks for)
    if sum(labelled_item(item[2:].strip()) is not None for item in items) >= MIN_ITEMS:
        return None  # (a list of named things each defined: a card per item under its name, `item_cards`)
    about = _about(path)
    asked = [(item, _asked(item[2:].strip(), about) if item in plain else "") for item in items]
    if not any(question for _, question in asked):
        return None
    taken = {item for item, question in asked if question}
    lines = [line for line in back.split("\n") if line not in taken]
    if all(not _BULLET.match(line) for line in lines):  # ("Three choices:" over the list: it counted what went)
        lines = [line for line in lines if not line.rstrip().endswith(":")]
    kept = re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()
    return [(path, kept)] + [(f"{path}\n\n{question}", item[2:].strip()) for item, question in asked if question]


def bullet_question(text: str, path: str) -> str:
    """The question a bullet's sentence (`text`, its marker gone) under `path` asks by its form (`_asked`); ''."""
    return _asked(text, _about(path)) if len(text.split()) >= MIN_ITEM_WORDS and _plain_sentence(f"- {text}") else ""


def _asked(text: str, about: str) -> str:
    """The question a bullet's form asks: why, when it gives its reason; its claim's question when it names a
    subject (or calls `about` "it") and says something of it (`subject_question`); '' for any other."""
    return _REASON_WORD.search(text) and _why(text) or subject_question(text, about)


def _about(path: str) -> str:
    """What "it" stands for in a list under `path`: the note's subject by its name ("GCN (Kipf …)" → "GCN") when
    the heading under it names, in one plural word, a kind of remark on it ("Interpretations", "Notes"); '' else."""
    headings = path.split(" › ")
    if len(headings) != 2 or not _REMARKS.fullmatch(headings[1]):
        return ""
    name = _NAME_CUT.split(headings[0], 1)[0].strip()
    return name if 0 < len(name.split()) <= MAX_SUBJECT_WORDS and "?" not in name else ""


def _lead_and_list(chunk: str) -> list[str]:
    """A paragraph cut where a list starts right under its text ("policy = a Gaussian …" / "- …"): each a chunk."""
    lines = chunk.split("\n")
    start = next((k for k, line in enumerate(lines) if _BULLET.match(line)), 0)
    if start == 0 or not all(_BULLET.match(line) for line in lines[start:]):
        return [chunk]
    return ["\n".join(lines[:start]), "\n".join(lines[start:])]


def _plain_sentence(item: str) -> bool:
    """Whether a list line is a top-level bullet of a sentence of its own, not a step, a nested item or a label."""
    if not _BULLET.match(item) or _NUMBERED_OR_NESTED.match(item):
        return False
    text = item[2:].strip()
    return len(text.split()) >= MIN_ITEM_WORDS and not _LABELLED.match(text) and not _EXAMPLE.match(text)


def _why(text: str) -> str:
    """'Why …?' for a bullet that gives its claim with its reason: a subject's claim `claim_asks` reads ("ERF grows
    during training because …" → "Why does ERF grow during training?"), or a bare verb's with its purpose or effect
    ("learn log σ rather than σ so it stays positive" → "Why learn log σ rather than σ?"); '' for any other."""
    if _BE_BECAUSE.search(text):
        return ""
    words = text.split()
    verb_first = len(words) > 1 and words[1].casefold() in _DETERMINERS  # ("weight the empty cells …": its object)
    for k, word in enumerate([] if verb_first else words[1:MAX_SUBJECT_WORDS + 1], 1):
        if _VERB_OF_SUBJECT.fullmatch(word) and words[k - 1].casefold() not in _DETERMINERS:
            if words[0][1:].isalpha() and words[0][1:].islower():  # ("Training is cheaper …": a sentence's capital)
                text, words = text[0].lower() + text[1:], [words[0].lower()] + words[1:]
            question = asked_front(" ".join(words[:k]) + " …", text)
            return question if question.startswith("Why ") and not _LEFT_OPEN.search(question) else ""
    purpose = _PURPOSE.fullmatch(text.rstrip("."))
    if purpose is None or not _bare_verb(words[0]):
        return ""
    claim = purpose["claim"].strip()
    if purpose["link"] in ("→", "->", "⇒") and _NOT_A_RESULT.match(purpose["reason"]):
        return ""  # (a case mapped to its choice, or a chain of arrows: no claim given with its reason)
    if not MIN_CLAIM_WORDS <= len(claim.split()) <= MAX_CLAIM_WORDS \
            or len(purpose["reason"].split()) < MIN_REASON_WORDS:
        return ""
    return f"Why {claim[0].lower()}{claim[1:]}?"


def _bare_verb(word: str) -> bool:
    """Whether a bullet's first word may be a verb in its bare form ("predict", "Normalize"): a word of letters, not
    a function word, not a plural or third person ("actions", "uses"), a past, a gerund or an adverb, nor one letter
    (a symbol: "d close to n → Σ badly conditioned" states a case, not a choice with its effect)."""
    low = word.casefold()
    return len(word) > 1 and word.isalpha() and low not in _NOT_BARE_VERB and not low.endswith(("s", "ed", "ing", "ly")) \
        and (word[0].islower() or word[1:].islower())
