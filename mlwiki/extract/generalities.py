"""The general rule a worked example states: inside an example (a heading says so: "## The student network (running
example)"), the example's own numbers are no card, but a paragraph that opens on "In general" or "More generally"
says what holds beyond it, and so does a line that opens on the lesson the writer draws ("General lesson: …",
"General insight: …", "Takeaway: …"), which a learner cards:

    ## the toy chain (running example)
    Counting parameters: $1 + 2 + 2 = 5$ …                          (no card: the example's arithmetic)
    In general: a node with $k$ binary parents needs $2^k$ rows …   →  Markov chains › a node with $k$ binary parents

The card goes under the headings above the example's (its heading names the example, not the rule), asked by the
subject the rule's sentence opens with. Pure: `ex` is the walk over the note (`mlwiki.extract.walk.Extractor`).
"""

from __future__ import annotations

import re

from mlwiki.extract.blocks import Block, text_of
from mlwiki.extract.lines import LIST_ITEM, TEXT
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
    start = next((k for k, ln in enumerate(block.lines) if ln.kind == TEXT and GENERALLY.match(ln.text)), None)
    if start is None or block.lines[0].kind != TEXT or LIST_ITEM.match(block.lines[0].text):
        return False  # ("General lesson: …" on a line of its own after the example's working: from there on)
    whole, block = block, Block(block.kind, block.lines[start:])
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
    topic = passage_topic(rule[:1].upper() + rule[1:], path) or "In general"
    said = passage([block], labelled=True)
    named = next((h for level, h in ex.headings if level < 0 and h), "")  # (a titled example box: "Classic failure")
    if start and named and word_count(text_of(whole)) <= MAX_CASE_WORDS and (case := passage([whole], labelled=True)):
        topic, said = named, case  # (the case and its lesson, one short box: the case is what the lesson is drawn from)
    if said is None or not path:
        return False
    return ex.add_card(FORM, f"{path} › {topic[:1].upper()}{topic[1:]}", said, block.start)
