"""The general rule a worked example states: inside an example (a heading says so: "## The student network (running
example)"), the example's own numbers are no card, but a paragraph that opens on "In general" or "More generally"
says what holds beyond it, and so does a line that opens on the lesson the writer draws ("General lesson: …",
"General insight: …", "Takeaway: …"), as a paragraph or as the list item that ends a problem's working
("- **lesson**: …"), which a learner cards:

    ## the toy chain (running example)
    Counting parameters: $1 + 2 + 2 = 5$ …                          (no card: the example's arithmetic)
    In general: a node with $k$ binary parents needs $2^k$ rows …   →  Markov chains › a node with $k$ binary parents

The card goes under the headings above the example's (its heading names the example, not the rule), asked by the
subject the rule's sentence opens with. Pure: `ex` is the walk over the note (`mlwiki.extract.walk.Extractor`).
"""

from __future__ import annotations

import re

from mlwiki.extract.blocks import Block, text_of
from mlwiki.extract.lines import LIST_ITEM, TEXT, Line
from mlwiki.extract.passages import narrates, passage
from mlwiki.extract.prose import word_count
from mlwiki.extract.subject import is_example_title, names_subject
from mlwiki.extract.topics import passage_topic

FORM = "general-rule"
MIN_WORDS = 8  # ("In general, yes." says nothing alone)
MAX_CASE_WORDS = 120  # (a box that shows a case in a few sentences, then its lesson: one card of both)
GENERALLY = re.compile(r"(?i)[*_]*(?:in general|more generally|generally|in the general case|(?:the )?(?:general )?"
                        r"(?:lesson|moral|insight)|takeaway)[*_]*[ \t]*[,:—–][*_]*"
                        r"[ \t]*(?=\S)")


def general_rule_card(ex, block: Block) -> bool:
    """A card of a paragraph inside a worked example that opens on "In general" (see the module's docstring);
    whether it made one."""
    if block.lines[0].kind == TEXT and LIST_ITEM.match(block.lines[0].text):
        made = False
        for item in _labelled_items(block):
            made = _rule_card(ex, item, item, 0, label_off=True) or made
        return made
    start = next((k for k, ln in enumerate(block.lines) if ln.kind == TEXT and GENERALLY.match(ln.text)), None)
    if start is None or block.lines[0].kind != TEXT:
        return False  # ("General lesson: …" on a line of its own after the example's working: from there on)
    return _rule_card(ex, block, Block(block.kind, block.lines[start:]), start)


def _labelled_items(block: Block) -> list[Block]:
    """The items of a list that open on the lesson drawn ("- **lesson**: a deterministic function can only lose
    information …": notes of worked problems say each one's point so, as the last item under its working), each
    with what is nested under it and without its bullet."""
    items: list[Block] = []
    for k, line in enumerate(block.lines):
        if line.kind != TEXT or line.text[:1] in " \t" or not (bullet := LIST_ITEM.match(line.text)) \
                or not GENERALLY.match(line.text[bullet.end():]):
            continue
        lines = [Line(line.no, line.text[bullet.end():], TEXT)]
        for after in block.lines[k + 1:]:
            if after.kind == TEXT and after.text[:1] not in " \t":
                break  # (the next item)
            lines.append(after)
        items.append(Block(block.kind, lines))
    return items


def _rule_card(ex, whole: Block, block: Block, start: int, label_off: bool = False) -> bool:
    """The card of the rule `block` opens on (its line `start` of `whole`, the paragraph it ends); `label_off`: its
    back without the label (an item's bold "**lesson**:" reads as a labelled value, no passage)."""
    text = text_of(block)
    opening = GENERALLY.match(text)
    rule = text[opening.end():]
    if word_count(rule) < MIN_WORDS or narrates(rule):
        return False
    above = []
    for level, heading in ex.headings:
        if level < 0 or is_example_title(heading):
            break  # (an exercise or the example itself: the rule is the topic's, above it)
        above.append(heading)
    if ex.subject and not names_subject(ex.subject, above):
        above.insert(0, ex.subject)
    path = " › ".join(above)
    topic = passage_topic(rule[:1].upper() + rule[1:], path) or label_off and _problem_name(ex.headings) or "In general"
    said = passage([block], labelled=True)
    if label_off:
        first = block.lines[0]
        said = passage([Block(block.kind, [Line(first.no, first.text[GENERALLY.match(first.text).end():], TEXT),
                                           *block.lines[1:]])], labelled=True)
    named = next((h for level, h in ex.headings if level < 0 and h), "")  # (a titled example box: "Classic failure")
    if start and named and word_count(text_of(whole)) <= MAX_CASE_WORDS and (case := passage([whole], labelled=True)):
        topic, said = named, case  # (the case and its lesson, one short box: the case is what the lesson is drawn from)
    if said is None or not path:
        return False
    return ex.add_card(FORM, f"{path} › {topic[:1].upper()}{topic[1:]}", said, block.start)


def _problem_name(headings: list[tuple[int, str]]) -> str:
    """The name of the worked problem a lesson item ends ("## 4. Mutual information through a binary symmetric
    channel": what its lesson is about, when the lesson's opening names nothing), without its number and asides."""
    title = next((h for level, h in reversed(headings) if level > 1), "")  # (the problem's own heading)
    return _ASIDE.sub("", _NUMBER.sub("", title)).strip()


_NUMBER = re.compile(r"^(?:\d+[.)]|[A-Z]?\d+(?:\.\d+)*[.:)]?)[ \t]+")  # ("4. ", "Q3: ", "2.1 ")
_ASIDE = re.compile(r"[ \t]*\([^()]*\)[ \t]*$")  # ("(from my bug, 2025-02-20)": where it came from)
