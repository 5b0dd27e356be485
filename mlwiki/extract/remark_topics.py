"""A remark asked by what it speaks of. Mathematical notes set a remark beside a section's statement and mark it as
one: "**Remark**. A topological open set need not be a metric open set.", "Note that $L(\\theta|x)$ is no
probability of $\\theta$.", or a paragraph alone under a heading "## Remark" or "## Remarks". A front that only
says so ("Open Set › Remark", "… › Statements › remark") does not say which claim is asked, and a note holds
several.
Its front names what the remark's first sentence speaks of, as `topics.passage_topic` reads it:

    Open Set › Remark                    →  Open Set › Remark › A topological open set
    … › Statements › remark (Note that …) →  … › Statements › The induced topology of a metric

A remark that opens on no subject of a few words ("Let $(X,\\tau)$ be …", "This definition is …", a subject the
path already names) keeps its front. The label the writer files it under and the source cited right after it,
"**Remark**. ([[Ostwald 2021|Ost20, Section 6.3]])", are no part of the claim: they are off its back, as a
definition's label and source are (`forms.statement_card`). Pure: strings in, strings out.
"""

from __future__ import annotations

import re

from mlwiki.extract.prose import clean_prose
from mlwiki.extract.subject import holds_whole
from mlwiki.extract.topics import passage_topic

# The label a remark opens on ("**Remark**.", "*Remark:*", "Remark."), with the source cited in brackets after it
_LABEL = re.compile(r"[ \t]*(?:\*\*|__|\*|_)?(?:remark|nb|n\.b\.)(?:[ \t]+\d+(?:\.\d+)*)?\.?(?:\*\*|__|\*|_)?[.:]?"
                    r"[ \t]+(?:\([^()\n]{1,120}\)[ \t]*[.:]?[ \t]*)?(?=\S)", re.IGNORECASE)
# "Note that", "Notice" and their like before the claim: how the remark is said, not what it speaks of
_NOTE_THAT = re.compile(r"(?i)[ \t]*(?:note|notice|observe|recall)(?:[ \t]+also)?(?:[ \t]+that)?,?[ \t]+(?=\S)")
# A heading that only says its text is a remark
_REMARK_HEADING = re.compile(r"(?i)[\W\d_]*(?:remarks?|a[ \t]+remark)[\W\d_]*")
# A topic that only points back at what came before ("this definition", "the definition", "it"): no subject
_POINTS_BACK = re.compile(r"(?i)(?:this|that|these|those|the|it|its|such)\b(?:[ \t]+(?:definition|result|theorem|"
                          r"proposition|statement|lemma|fact|remark|case|one|above|former|latter))?$")
MAX_TOPIC_WORDS = 8


def without_remark_label(back: str) -> str:
    """The remark without the label it opens on and the source cited after it ("**Remark**. ([[…|Ost20]]) The
    theoretical …" → "The theoretical …"); the back itself when it opens on no label."""
    found = _LABEL.match(back)
    return back[found.end():] if found else back


def remark_heading(path: str) -> bool:
    """Whether the path's last heading only says that its text is a remark ("Remark", "Remarks")."""
    return " › " in path and bool(_REMARK_HEADING.fullmatch(clean_prose(path.rsplit(" › ", 1)[1])))


def remark_topic(back: str, path: str) -> str:
    """What a remark's first sentence speaks of, as a front names it after the path ("A topological open set");
    '' when it opens on no subject of a few words, on one that points back ("This definition …"), or on one the
    path already names."""
    text = without_remark_label(back.strip())
    said = _NOTE_THAT.match(text)
    text = text[said.end():] if said else text
    topic = passage_topic(text)
    if not topic or topic.endswith("…") or len(topic.split()) > MAX_TOPIC_WORDS or _POINTS_BACK.fullmatch(topic):
        return ""
    named = clean_prose(topic).casefold().removeprefix("the ").removeprefix("a ").removeprefix("an ")
    if holds_whole(clean_prose(path).casefold(), named):
        return ""  # ("Rank Theorem › Remarks" over "The rank theorem tells us …": the path names it)
    return topic[:1].upper() + topic[1:]
