"""A bold label that names a worked example, read as a term to define: a paragraph that opens "**Pinball example**:
q = 0.9 forecast = 120 …" or "**Quick numbers** (checked with a script): prior μ0 = 0, …" is shaped as a definition,
and was carded "Define: Pinball example" over the example's figures. The label says what follows is one case worked
through, as a heading "Example" or "Toy numbers" says it of a section (`subject.is_example_title`): the rule it works
is stated, and carded, where the note states it; the figures of one case are no fact a learner recalls. Such a card
is dropped; one the writer wrote as a card stays. Pure: drafts in, drafts out.
"""

from __future__ import annotations

import re

from mlwiki.extract.draft import written_by_hand
from mlwiki.extract.subject import is_example_title
from mlwiki.models import CardKind

_DEFINE = "Define: "
_PATH = " › "
_KINDS_OF = re.compile(r"(?i)examples?\s+of\b")
# The label must say example or numbers: a heading's "Problem …" opens an exercise, a label's "**problem for deep
# learning**: $G_t$ only grows, …" names a method's flaw, a term to learn
_EXAMPLE_WORD = re.compile(r"(?i)\b(?:example|numbers|worked)\b")  # (not "examples": "out-of-bag examples",
# "hard examples" are data points, terms to learn)


def without_example_terms(drafts: list) -> list:
    """The drafts (`(siblings, heading path)` pairs) without the definition cards whose term names a worked example
    (see the module's doc); a group left with no card is dropped."""
    out = []
    for siblings, path in drafts:
        kept = [d for d in siblings if written_by_hand(d) or not names_example(d)]
        if kept:
            out.append((kept if len(kept) < len(siblings) else siblings, path))
    return out


def names_example(draft) -> bool:
    """Whether a definition card asks to define a worked example ("Define: Pinball example", "Define: Quick numbers
    (checked with a script)"), or a card is asked by such a label under its heading ("… › Worked example": a label
    that names no term is asked so, `asked_names`)."""
    if draft.kind != CardKind.DEFINITION:
        return False
    term = draft.front.rsplit("\n", 1)[-1]
    if term.startswith(_DEFINE):
        term = term[len(_DEFINE):]
    elif _PATH in term and not term.endswith("?"):
        term = term.rsplit(_PATH, 1)[-1]  # (a question names what it asks: "Forward pass: what does it do, code
        if _KINDS_OF.match(term):  # example?"; "Examples of bipartite graphs" lists kinds of a thing)
            return False
    else:
        return False
    return _EXAMPLE_WORD.search(term) is not None and is_example_title(term)
