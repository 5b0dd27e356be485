"""A label that says nothing of what it labels widens to the words after it. A cloze keeps a sentence's or an
item's own label as its blank's cue (`list_clozes`, `sentence_clozes`): "Caching: [...]" says what is asked, but
"Important: [...]", "Note: [...]" or a source, "R&W: [...]", "Smith et al.: [...]", could head any remark of the
note. Such a label keeps its place and the cue goes on with what the rest opens on, its subject and verb or its
first words:

    Important: diagnostics can only detect failure.   →  Important: diagnostics can [...]
    Note: the warm-up length matters more than its shape. →  Note: the warm-up length [...]

A label is generic when its words are a marker of emphasis (`_MARKERS`), name a source (an "&", "et al.", a
year) outside brackets ("Fixup (Zhang 2019):" names a method, its source in brackets), or only count ("First
condition:", "Second:", "Another problem:"): a sentence that goes on from what the note shows elsewhere, the
conditions a formula states, is asked by its own subject ("First condition: steps are [...]"). Pure: text in,
text out.
"""

from __future__ import annotations

import re

# Labels that only mark a remark as worth noting, whatever it says
_MARKERS = frozenset("""important note nb n.b. remember tip warning careful heads-up aside also update edit key
key-point takeaway""".split())
_ORDINALS = frozenset("first second third fourth fifth last next another other final 1st 2nd 3rd 4th".split())
_COUNTED = frozenset("""condition conditions point reason thing one case issue problem caveat option part rule
requirement assumption property""".split())  # (what an ordinal counts, saying nothing of which it is)
_SOURCE = re.compile(r"&|\bet al\b|\b(?:19|20)\d\d\b")
_WORD = re.compile(r"[\w.&-]+")
_BRACKETED = re.compile(r"\([^()]*\)")  # ("Fixup (Zhang 2019):": a name with its source, not a source alone)


def generic(label: str) -> bool:
    """Whether a label (with its colon or arrow) says nothing of what it labels: a marker, a source or an ordinal."""
    words = [w.casefold() for w in _WORD.findall(label)]
    joined = "-".join(words)
    counted = len(words) <= 2 and words[0] in _ORDINALS and all(w in _COUNTED for w in words[1:])
    return bool(words) and (joined in _MARKERS or all(w in _MARKERS for w in words) or counted
                            or bool(_SOURCE.search(_BRACKETED.sub("", label))))


def widened(label: str, rest: str, cue_of) -> str:
    """`label` with the cue `cue_of(rest)` gives the text after it when the label is generic (see the module's
    doc); `label` as it is otherwise, or when the rest gives no cue."""
    if not label or not generic(label):
        return label
    return label + cue_of(rest) if cue_of(rest) else label
