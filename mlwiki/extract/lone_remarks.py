"""Lone remarks under a bare heading: a card whose front is only its heading path and whose back is one remark the
heading does not ask for. What the remark does can be told by its form:

- it warns ("Careful: $H(Y|X)$ is a number, not a random variable", "⚠️ Don't run it as two separate regressions —
  the standard errors are wrong", a warning callout's text): the front says so under the path, "… › caveat";
- it advises ("Always plot the histograms of both groups", a tip callout's text): "… › advice" (or the callout's
  kind, "… › tip");
- the writer marks it as a remark ("**Remark**. The theoretical moments should not be confused with …", "Notice
  the loop has no backward pass …"), or it stands alone under a heading "Remark(s)": asked by what it speaks of,
  its label off (`remark_topics`), else "… › remark";
- it tells why what the heading names exists, the limits of what came before and that it addresses them ("Plain
  SGD is slow to converge … To address these issues, …"): "… › motivation";
- it only announces what follows ("This section covers two algorithms", "Three ways to ask which inputs matter.")
  or sets out notation ("With activations $a^{(l)}$ and weights $W^{(l)}$, where $l$ is the layer"), or only gives
  the name the heading names ("One famous ANN method is called HNSW." under "… (HNSW)"): no card, when cards under
  the heading follow and say it;
- it is the one item of a list left under a heading whose other items became cards of their own ("- Larger batches
  help contrastive training more than supervised"): the front names what it speaks of ("… › Larger batches").

A remark beside a labelled statement's card under the same heading ("**Definition**. …" answers "… › Statements")
is asked by its topic ("… › The expectation of a random variable"). Any other remark keeps its front. A reworded
card keeps its id (`id_front`: the bare path), so its history stays.
Pure: the walk's drafts in, the drafts out.
"""

from __future__ import annotations

import re
from dataclasses import replace

from mlwiki.extract.defining import LABELLED_FORM, stems
from mlwiki.extract.emphasised import paragraph_topic
from mlwiki.extract.lines import DIV_OPEN, HEADING, LIST_ITEM
from mlwiki.extract.prose import clean_prose, sentences
from mlwiki.extract.remark_topics import remark_heading, remark_topic, without_remark_label
from mlwiki.extract.subject import holds_whole
from mlwiki.extract.topics import passage_topic
from mlwiki.models import CardKind

MIN_WARNING_WORDS = 6  # ("Don't use dropout" under "At test time" answers its heading: no caveat of it)
MAX_TOPIC_WORDS = 6  # (a remark's topic on a front: "The expectation of a random variable")
MAX_TAIL_WORDS = 8  # what an announcement may add ("They can disagree a lot."): no fact a card is needed for
# What the text opens on, before the words: a list mark, a quote mark, emphasis, a warning sign
_LEAD = re.compile(r"[\s>*_]*(?:[-*+][ \t]+)?[\s*_]*(?:(?:⚠️?|❗|‼️?|🚨|⛔)[\s*_]*)?")
_WARNING_SIGN = re.compile(r"[\s>*_-]*(?:⚠|❗|‼|🚨|⛔)")
# A caution word ("Careful:", "Watch out —", "Beware"), or an imperative that says what not to do ("Don't …")
_CAUTION = re.compile(r"(?i)(?:careful|be careful|caution|warning|beware|watch out|gotcha|pitfall|danger)\b[\s:,!—–-]"
                      r"|(?:don['’]t|do not|never|avoid)\s+[a-z]")
# An imperative that says what to do always or first ("Always plot …", "Make sure the …")
_ADVICE = re.compile(r"(?i)(?:always|make sure|be sure to|remember to)\b")
# A remark the writer labels or points out as one, beside what the heading asks: "**Remark**. The sample …",
# "Remark: …", "Notice the loop has no backward pass …", "Note that …"
_REMARKS = re.compile(r"(?i)(?:\*\*|_)?(?:remark|nb|n\.b\.)\.?(?:\*\*|_)?[.:][ \t]|notice\b|note that\b")
# Why what the heading names exists: the limits of what came before it and how it answers them ("… have
# limitations such as slow convergence. To address these issues, …")
_MOTIVATES = re.compile(r"(?i)\bto\s+(?:address|overcome|tackle|remedy|fix|solve|mitigate)\s+"
                        r"(?:these|this|those|such)\b")
# A sentence that only says what the text (the section, chapter, post) will do, or how many things follow
_ANNOUNCES = re.compile(r"(?i)(?:in\s+)?this\s+(?:section|chapter|post|note|notebook|page|lecture|part)\s+(?:we\s+)?"
                        r"(?:will|['’]ll|covers?|discuss(?:es)?|describes?|introduces?|looks?|presents?|explains?)\b|"
                        r"(?:below|next|now|here),?\s+we\s+(?:will|['’]ll)\s|we\s+(?:will|['’]ll)\s+(?:now\s+)?"
                        r"(?:look|discuss|see|cover|introduce|describe|study|talk|explore|go)\b|let['’]?s\s+(?:now\s+)?"
                        r"(?:look|see|discuss|review|explore)\b|the following\s+(?:sections?|subsections?|chapters?)\b")
# … or how many of them follow: "Three ways to ask …", "Two families of methods." (not "Two types of X: A and B")
_COUNTS = re.compile(r"(?i)(?:two|three|four|five|six|several)\s+(?:\w+\s+)?(?:ways|kinds|types|methods|approaches|"
                     r"algorithms|families|flavou?rs|strategies|techniques)\b(?:\s+(?:to|of|for)\b)?[^:]*$")
# A phrase that only names the symbols of what follows: "With activations $a$ and weights $W$, where $l$ is …"
_NOTATION = re.compile(r"(?:With|Given|Using)\s+[^.;:]*?\$[^.;:]*?,\s+where\s+[^.;]*\.?")
# A sentence that only names something: "One famous ANN method is called HNSW.", "A popular variant is known as X."
_NAMES = re.compile(r"(?i)(?:one|a|an|the|another)[ \t]+(?:[\w-]+[ \t]+){0,4}?(?:is|are)[ \t]+(?:(?:often|usually|"
                    r"commonly|also)[ \t]+)?(?:called|named|known[ \t]+as|dubbed)[ \t]+(?P<name>[^.!?;,]{1,60}?)[.!]?")
_VERB = re.compile(r"\b(?:is|are|was|were|has|have|gives?|means?|makes?|can|will|must)\b")
# What follows a list item's label or subject: a colon, an equals sign, a dash, a bracket ("- PQ = SQ × RQ")
_LABEL_END = re.compile(r"[*_]*\s*(?::|=|—|–|\(|-\s)")
# The kinds of a callout whose text warns or advises, as a front says them
_CALLOUT_ROLES = {"warning": "caveat", "caution": "caveat", "danger": "caveat", "tip": "tip", "hint": "tip"}
# (an "important" callout holds a key fact, not a warning: its front stays)


def lone_remark_cards(drafts: list, blocks: list) -> list:
    """The drafts with each heading-only card over one remark asked by its role (`remark_role`) or left out when
    it only announces the cards under its heading; `blocks`, the note's, tell the callout a remark sits in."""
    paths = [path for _, path in drafts]
    kept = []
    for k, (siblings, path) in enumerate(drafts):
        draft = siblings[0]
        if len(siblings) != 1 or draft.kind != CardKind.BASIC or not _bare(draft, path) or "\n\n" in draft.back.strip():
            kept.append((siblings, path))
            continue
        role = remark_role(draft.back, path, "" if draft.form == LABELLED_FORM else _callout_kind(blocks, draft.line))
        # (a labelled line's card, "Sanity check from the lecture: GPT-3 …" in a tip: its label is on its front
        # already, "… › Sanity check from the lecture", and no "› tip" after it; the box's kind says nothing more)
        if (role == "remark" or role is None and remark_heading(path)) and (topic := remark_topic(draft.back, path)):
            kept.append(([replace(draft, front=f"{path} › {topic}", back=without_remark_label(draft.back),
                                  id_front=draft.id_front or draft.front)], path))  # (asked by what it speaks of)
        elif role is None and (topic := _beside_statement(draft.back, path, drafts)):
            kept.append(([replace(draft, front=f"{path} › {topic}", id_front=draft.id_front or draft.front)], path))
        elif role is None:
            kept.append((siblings, path))
        elif role:
            kept.append(([replace(draft, front=f"{path} › {role}", id_front=draft.id_front or draft.front)], path))
        elif not any(p == section or p.startswith(f"{section} › ") for section in [_section(path, draft.back)]
                     for p in paths[:k] + paths[k + 1:]):
            kept.append((siblings, path))  # (no other card under its heading says what it announces)
    return kept


def _beside_statement(back: str, path: str, drafts: list) -> str:
    """What a remark is about (its first sentence's topic, "The expectation of a random variable"), when a labelled
    statement's card under the same heading answers what the heading asks ("… › Statements" over the definition),
    so that the remark beside it needs a front of its own; '' otherwise."""
    if not any(d.form == "statement" and d.front.startswith(f"{path}\n\n") for siblings, _ in drafts for d in siblings):
        return ""
    topic = passage_topic(back)
    return f"{topic[:1].upper()}{topic[1:]}" if topic and len(topic.split()) <= MAX_TOPIC_WORDS else ""


def _bare(draft, path: str) -> bool:
    """Whether a card's front is only its heading path: not a front an earlier pass gave a topic or label of the text
    ("MRR › the mean over users"), whose id keeps the front it had ("section: MRR")."""
    if not path or draft.front != path:
        return False
    return not draft.id_front or path.endswith(draft.id_front.split(": ", 1)[-1])


def remark_role(back: str, path: str, callout: str = "") -> str | None:
    """What a lone remark under a bare heading is, as its front says it ("caveat", "advice", "tip", or the topic
    of a list's one item); '' when it only announces what follows or sets out notation; None when its form does
    not say (the front stays)."""
    text = back.strip()
    if LIST_ITEM.match(text) and "\n" in text:
        return None  # (a list: the heading's members or steps)
    if LIST_ITEM.match(text) and (topic := _item_topic(text, path)):
        return topic  # (else its one item may warn or advise: "- always split the data before scaling")
    body = text[_LEAD.match(text).end():]
    if _says_heading(body, path):
        return None  # ("never invert directly: …" under "never invert directly": the front asks it)
    if callout in _CALLOUT_ROLES:
        return _CALLOUT_ROLES[callout]
    words = len(body.split())
    if words >= MIN_WARNING_WORDS and (_CAUTION.match(body) or _WARNING_SIGN.match(text)):
        return "caveat"
    if _ADVICE.match(body) and words >= MIN_WARNING_WORDS:
        return "advice"
    role = "remark" if _REMARKS.match(body) else "motivation" if _MOTIVATES.search(body) else ""
    if role and words >= MIN_WARNING_WORDS and not stems(role) & stems(path.rsplit(" › ", 1)[-1]):
        return role  # (not under "## Remarks", which says it already)
    return "" if _announces(body) or _notation(body) or _names_heading(body, path) else None


def _section(path: str, back: str) -> str:
    """Where the cards a remark leads into sit: under its heading for an announcement, beside it (under the heading
    above) for notation, which the items and paragraphs after it use."""
    return path.rsplit(" › ", 1)[0] if _notation(back.strip()) and " › " in path else path


def _item_topic(item: str, path: str) -> str | None:
    """The front part of a list's one item: what it opens on and speaks of (`paragraph_topic`: "Ranking measures"
    of "- Ranking measures: precision@k, …"), when the heading does not name it already; or None."""
    said = LIST_ITEM.sub("", item, count=1).strip()
    topic = paragraph_topic(said, path)
    if not topic or len(topic.split()) > 6 or stems(topic) & stems(path.rsplit(" › ", 1)[-1]):
        return None  # ("NormalPredictor" over "NormalPredictor algorithm predicts …": its heading asks it)
    opening, named = clean_prose(said).lstrip("*_ ").casefold(), clean_prose(topic).casefold().removeprefix("the ")
    if not opening.startswith(named) or not _LABEL_END.match(opening, len(named)):
        return None  # ("- not a descent method! …": a claim, which a front of its words would give away)
    return topic


def _says_heading(body: str, path: str) -> bool:
    """Whether the remark holds its last heading's own words: a heading it opens on ("never invert directly: …"), or
    a front an earlier pass made of its words ("MRR › the mean over users" of "Always report the mean over users.");
    either says what the card asks."""
    last = clean_prose(path.rsplit(" › ", 1)[-1]).strip().casefold()
    if not last:
        return False
    return holds_whole(clean_prose(body).casefold(), last)


def _announces(body: str) -> bool:
    """Whether a remark only says what follows: its first sentence announces (`_ANNOUNCES`) or counts what follows
    (`_COUNTS`), and anything after it is a short aside ("They can disagree a lot.")."""
    said = sentences(" ".join(body.split()))
    if not said or not (_ANNOUNCES.match(said[0]) or _COUNTS.match(said[0]) and not _VERB.search(said[0])):
        return False
    return sum(len(s.split()) for s in said[1:]) <= MAX_TAIL_WORDS


def _names_heading(body: str, path: str) -> bool:
    """Whether a remark only gives the name its heading names ("One famous ANN method is called HNSW." under
    "Hierarchical navigable small world (HNSW)"): it says that the heading's subject exists, which the cards under
    the heading teach."""
    found = _NAMES.fullmatch(" ".join(body.split()))
    last = clean_prose(path.rsplit(" › ", 1)[-1]).casefold()
    return found is not None and holds_whole(last, clean_prose(found["name"]).strip(" *_").casefold())


def _notation(body: str) -> bool:
    """Whether a remark is one phrase naming symbols ("With activations $a^{(l)}$ and weights $W^{(l)}$, where $l$
    denotes the layer."): no verb of its own before its "where"."""
    found = _NOTATION.fullmatch(body.strip())
    return found is not None and not _VERB.search(body.split(", where", 1)[0])


def _callout_kind(blocks: list, line: int) -> str:
    """The kind of the callout a line sits in ("warning", "tip"), '' when none does."""
    for block in blocks:
        if block.kind == DIV_OPEN and block.children and block.start <= line <= block.end:
            attrs = block.attrs or {}
            if (inner := _callout_kind(block.children, line)) or attrs.get("title", "").strip() \
                    or block.children[0].kind == HEADING:
                return inner  # (a titled callout's title is on the path: it says what its text is)
            return next((c.removeprefix("callout-") for c in attrs.get("classes", ())
                         if c.removeprefix("callout-") in _CALLOUT_ROLES), "")
    return ""
