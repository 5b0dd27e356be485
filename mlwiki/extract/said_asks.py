"""A remark card under a display formula that still asks "… › What it says" once the passes that split its back
are done asks it of what the formula is, when the note names it. "What it says" is a label no heading of the note
has: the front named neither the formula nor what is asked.

    ## SNIS estimator                      →  "… › SNIS estimator › What follows from the formula for SNIS?"
    $$\\hat\\mu_{\\text{SNIS}} = …$$          (the formula on the front, the remark on the back)
    So the normaliser cancels.

What the formula is comes from the note: the quantity its left side names when that name is an acronym or a word
of the headings ("$$\\mathrm{ESS} = …$$" → ESS); else the last heading when it is a name (a capital or a digit past
its first letter: "Layer Normalization", "V-trace", "SARSA (on-policy)", "F1-score"), past a container heading
("Definition", "Details") and with the part of a method a formula is ("DQN › Loss" → "the DQN loss"). A heading in
plain words is often a part or a step of what is above, not the formula's name ("Mechanism", "Equations", "Model",
"Equivalent under SGD", "Step 1: bagging", "P-value as probability"): no question is made of it, nor of a heading
that is a clause, a comparison, a list of two subjects or a step's number.

A remark that draws a conclusion from the formula ("So …", "Hence …", "→ …", "i.e. …") asks what follows from it; a
list of its properties asks what holds for it; any other asks what the formula says. The card keeps its id: only
its front's wording changed. Pure.
"""

from __future__ import annotations

import re
from dataclasses import replace

from mlwiki.extract.lines import LIST_ITEM
from mlwiki.extract.prose import clean_prose
from mlwiki.extract.remarks import FORM as REMARK_FORM, quantity_names

SAYS = " › What it says\n\n"
MAX_NAME_WORDS = 4
_ACRONYM = re.compile(r"[A-Z][A-Z0-9-]*[A-Z0-9][a-z]?")  # ("ESS", "MCSE", "AUC", "MACs": a quantity's own name)
# A name: a capital past its first letter ("Layer Normalization", "V-trace", "Pre-LN") or a digit in a word ("F1")
_NAMED = re.compile(r"(?<=.)[A-Z]|[A-Za-z]\d|^[A-Z]-")
# Words a heading opens with when it names a case, a view or a step, not a formula ("From the lemma", "Stage 2 —")
_NO_NAME = re.compile(r"(?i)(?:from|without|with|under|equivalent|before|after|when|why|how|if|in|on|at|using|"
                      r"step|stage|phase|part|lecture|chapter|week|day|what|which|where|the|a|an|my|our|"
                      r"designing|deriving|choosing|steps)\b|\d")
# ... or that holds a clause, a comparison, two subjects or a case ("P-value as probability", "A vs B", "X = Y")
_NOT_A_NAME = re.compile(r"(?i)\s(?:and|or|as|vs\.?|versus|of|is|are|for|to|in|with|not|the)\s|[→:;=?!/—+&]|"
                         r"\s[–-]\s|\.\s|^\W")
_PAREN = re.compile(r"\s+\([^()]*\)")  # ("SARSA (on-policy)", "Pre-LN (GPT-2 onwards)": a gloss of the name)
_CONTAINER = re.compile(r"(?i)(?:the\s+)?(?:definition|details?|formula|formulas|equations?|overview|the\s+math|"
                        r"maths?|setup|summary)")
# The part of a method that is a formula of its own ("DQN › Loss": the DQN loss)
_FORMULA_PART = re.compile(r"(?i)(?:the\s+)?(?P<part>(?:[a-z]+\s+)?(?:loss|objective|estimator|update(?:\s+rule)?|"
                           r"bound|score|layer|target)|loss\s+function)")
# A remark that draws a conclusion from the formula above it
CONCLUDES = re.compile(r"[*_]*(?:So|Hence|Thus|Therefore|Consequently|i\.e\.|I\.e\.|→|⇒|=>)(?!\w)")


def said_asked(drafts: list) -> list:
    """The drafts with each remark card that asks "What it says" of a formula asked of what that formula is (see
    the module's doc); any other draft as it was."""
    return says_remarks_asked(drafts, asked_front)


def says_remarks_asked(drafts: list, front_for) -> list:
    """The drafts with each "… › What it says" remark card asked by `front_for(front, back)` where that gives a
    front no other card has (the card keeps the id the "What it says" front gave it); any other draft as it was."""
    fronts = {d.front for group, _ in drafts for d in group}
    out = []
    for group, heading in drafts:
        draft = group[0]
        if len(group) == 1 and draft.form == REMARK_FORM and SAYS in draft.front \
                and (asked := front_for(draft.front, draft.back)) and asked not in fronts:
            group = [replace(draft, front=asked, id_front=draft.id_front or f"{REMARK_FORM}: {draft.front}")]
            fronts.add(asked)
        out.append((group, heading))
    return out


def prose_remark_front(front: str, back: str, question_for) -> str:
    """The front that asks a "… › What it says" remark (`front`) the question `question_for(text, name)` reads in
    its prose back (`name`: what the note calls the formula, '' for "it"); '' when it reads none, or the back is a
    list."""
    path, formula = front.split(SAYS, 1)
    text = back.strip()
    if not text or LIST_ITEM.match(text.split("\n", 1)[0]):
        return ""
    question = question_for(text, formula_name(path.split(" › "), formula))
    return f"{path} › {question}\n\n{formula}" if question else ""


def asked_front(front: str, back: str) -> str:
    """The front that asks a "… › What it says" remark (`front`) of the formula it shows, by what the note names
    that formula; '' when the note does not name it."""
    path, formula = front.split(SAYS, 1)
    subject = formula_name(path.split(" › "), formula)
    if not subject:
        return ""
    lines = [line for line in back.strip().split("\n") if line.strip()]
    if CONCLUDES.match(back.lstrip("-*+ ")):
        question = f"What follows from the formula for {subject}?"
    elif len(lines) > 1 and all(LIST_ITEM.match(line) or line[:1] in " \t" for line in lines):
        question = f"What holds for {subject}?"
    else:
        question = f"What does the formula for {subject} say?"
    return f"{path} › {question}\n\n{formula}"


def formula_name(headings: list[str], formula: str) -> str:
    """What the note calls a display formula (see the module's doc): the acronym or heading word its left side
    names, else the last of `headings` when that is a name; '' when the note gives it none."""
    said = " ".join(headings)
    names = [name for name in quantity_names(formula) if _ACRONYM.fullmatch(name)
             or re.search(rf"(?i)(?<!\w){re.escape(name)}(?!\w)", said)]
    kept = [_PAREN.sub("", clean_prose(heading)).strip() for heading in headings]
    if len(names) > 1:  # ("RR = …, MRR = …" under "Reciprocal rank": the one the heading's initials spell)
        names = [name for name in names if name.casefold() == _initials(kept[-1])] or names
    if len(names) == 1:
        return names[0]
    while len(kept) > 1 and _CONTAINER.fullmatch(kept[-1]):
        kept.pop()  # ("Layer Normalization › Definition": the formula of what is above)
    last = kept[-1]
    if len(kept) > 1 and (part := _FORMULA_PART.fullmatch(last)):
        whole, part = kept[-2], part.group("part").casefold()
        return f"the {whole} {part}" if _is_name(whole) and len(whole.split()) <= 2 else ""
    return last if _is_name(last) else ""


def _initials(heading: str) -> str:
    """The first letters of a heading's words, in lower case ("Reciprocal rank" → "rr")."""
    return "".join(word[0] for word in heading.casefold().replace("-", " ").split())


def _is_name(heading: str) -> bool:
    """Whether a heading is a name (see `_NAMED`), short, and no clause, case, step or comparison."""
    return bool(heading) and len(heading.split()) <= MAX_NAME_WORDS and bool(_NAMED.search(heading)) \
        and not _NO_NAME.match(heading) and not _NOT_A_NAME.search(heading) and "$" not in heading
