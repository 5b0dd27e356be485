"""A remark card under a display formula that still asks "… › What it says" once the passes that split its back
are done asks it of what the formula is: the subject of the headings it sits under, or the name its formula
defines. The front said a label no heading of the note has, and named neither the formula nor what is asked.

    ## SNIS estimator   →  "… › SNIS estimator › What it says"   (the formula under it)
    $$\\hat\\mu = \\sum_i w_i f(x_i) / \\sum_i w_i$$  becomes
    So the normaliser cancels.        "… › What follows from the formula for SNIS estimator?"

Only a subject that is a name (a capital past its first letter: "Layer Normalization", "V-trace") or the acronym
the formula defines ("ESS") is asked by; a heading in common words may name a part of a method, not the formula.
A remark that draws a conclusion from the formula ("So …", "Hence …", "→ …", "i.e. …") asks what follows from
it; a list of its properties asks what holds for it; any other asks what the formula says of it. A subject the
headings do not name (a question, a clause, a heading that names a part of anything, "Setup", with no subject
above it) leaves the front as it was. The card keeps its id: only its front's wording changed. Pure.
"""

from __future__ import annotations

import re
from dataclasses import replace

from mlwiki.extract.lines import LIST_ITEM
from mlwiki.extract.remark_kinds import subject_of
from mlwiki.extract.remarks import FORM as REMARK_FORM, quantity_names

SAYS = " › What it says\n\n"
# A name the headings give a formula: one that holds a capital past its first letter ("Layer Normalization",
# "V-trace", "F1-score"), not words that open a clause or a case ("Equivalent under SGD", "From the lemma")
_NAMED = re.compile(r"[A-Z]|\d")
_NO_NAME = re.compile(r"(?i)(?:from|without|with|under|equivalent|before|after|when|why|how|if|in|on|at|using)\b")
_ACRONYM = re.compile(r"[A-Z][A-Z0-9-]+")  # (a quantity the formula defines by an acronym: "ESS", "MCSE")
# A remark that draws a conclusion from the formula above it
_CONCLUDES = re.compile(r"(?:[*_]*)(?:So|Hence|Thus|Therefore|Consequently|i\.e\.|I\.e\.|→|⇒|=>)(?![\w])")


def said_asked(drafts: list) -> list:
    """The drafts with each remark card that asks "What it says" of a formula asked of what that formula is (see
    the module's doc); any other draft as it was."""
    fronts = {d.front for group, _ in drafts for d in group}
    out = []
    for group, heading in drafts:
        draft = group[0]
        if len(group) == 1 and draft.form == REMARK_FORM and SAYS in draft.front \
                and (asked := _asked(draft.front, draft.back)) and asked not in fronts:
            group = [replace(draft, front=asked, id_front=draft.id_front or f"{REMARK_FORM}: {draft.front}")]
            fronts.add(asked)
        out.append((group, heading))
    return out


def _asked(front: str, back: str) -> str:
    """The front that asks a "What it says" remark of its formula's subject; '' when none is named."""
    path, formula = front.split(SAYS, 1)
    names = [name for name in quantity_names(formula) if _ACRONYM.fullmatch(name) or name.casefold() in
             path.casefold()]
    subject = names[0] if len(names) == 1 else subject_of(path.split(" › "), back)
    if not subject or len(names) != 1 and (not _NAMED.search(subject[1:]) or _NO_NAME.match(subject)):
        return ""  # (a heading in common words, "Mechanism", "Non-zero prior mean", may name a part, not the formula)
    lines = [line for line in back.strip().split("\n") if line.strip()]
    if _CONCLUDES.match(back.lstrip("-*+ ")):
        question = f"What follows from the formula for {subject}?"
    elif len(lines) > 1 and all(LIST_ITEM.match(line) or line[:1] in " \t" for line in lines):
        question = f"What holds for {subject}?"
    else:
        question = f"What does the formula for {subject} say?"
    return f"{path} › {question}\n\n{formula}"
