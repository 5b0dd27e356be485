"""A section's paragraph led by a short label of its own that no card holds (issue 23): after a formula card, a
callout or a labelled card, a closing passage too long to join the section's opening card is on no card, and with it
the paragraph that says what something costs or gives:

    Either way: **want $m \\gg p$** …            →  … › Either way
    Cost of that: every micro-batch's activations stay alive until its backward → memory $\\propto m$.
      →  … › Cost of that  /  the paragraph

The label names what the paragraph answers, as "Price: …" or "Limitation: …" do. A label that names no subject
("Note:", "Tip:"), an example or an exercise, a paragraph that introduces a list or a formula, narrates or works
numbers stays off. Pure: `ex` is the walk over the note (`mlwiki.extract.walk.Extractor`).
"""

from __future__ import annotations

import re

from mlwiki.extract.blocks import Block
from mlwiki.extract.closings import FORM, works_example
from mlwiki.extract.lines import LIST_ITEM, TEXT
from mlwiki.extract.openers import is_opener
from mlwiki.extract.passages import NO_SUBJECT, narrates, passage
from mlwiki.extract.prose import clean_prose, word_count
from mlwiki.extract.subject import is_example_title

MAX_LABEL_WORDS = 3
MIN_WORDS = 10  # (what follows the label: "Cost: high." says too little alone)
# A label in sentence case that opens the paragraph ("Cost of that: …", "**Price:** …"), not a symbol's legend
_LABEL = re.compile(r"[*_]*([A-Z][^:$\n.;,()?!*_]{2,30}?)[*_]*:[*_]*[ \t]+(?=\S)")
_NOT_A_TOPIC = re.compile(r"(?i)(?:edit|update|answer|solution|question|q|a|aside|fix(?:ed)?|done|status|source|"
                          r"input|output|result|step \d+|e\.g|i\.e|so|then|and|but|next|later|now|finally|also)")


def labelled_leftovers(ex, path: str, blocks: list[Block], taken: set[int], declined: bool) -> None:
    """Card each paragraph of the part after its first that opens on a short label and that no card holds, under
    "… › <label>"."""
    for k, block in enumerate(blocks):
        lines = block.lines
        if not k or lines[0].kind != TEXT or lines[0].text[:1] in " \t>" or LIST_ITEM.match(lines[0].text) \
                or not (label := _LABEL.match(lines[0].text)):
            continue  # (said cheaply: most paragraphs open on no label)
        name = clean_prose(label.group(1)).strip()
        if len(name.split()) > MAX_LABEL_WORDS or is_opener(name.split()) or NO_SUBJECT.fullmatch(name) or _NOT_A_TOPIC.fullmatch(name) \
                or is_example_title(name) or any(ln.kind != TEXT or ln.no in taken for ln in lines) \
                or k + 1 < len(blocks) and blocks[k + 1].start - lines[-1].no <= 2 \
                and (LIST_ITEM.match(blocks[k + 1].lines[0].text) or blocks[k + 1].lines[0].kind != TEXT):
            continue  # (a label over the list or the formula that follows it: their introduction)
        text = " ".join(ln.text.strip() for ln in lines)
        if text.rstrip().endswith(":") or narrates(text) or works_example(text) or _held(ex, text):
            continue
        said = passage([block], labelled=True, declined=declined)
        if said is not None and word_count(clean_prose(text[label.end():])) >= MIN_WORDS:
            ex.add_card(FORM, f"{path} › {name[:1].upper()}{name[1:]}", said, block.start)


def _held(ex, text: str) -> bool:
    """Whether a card of the note holds the text already, on its back or on its front."""
    said = clean_prose(text)
    start = said[:40]
    raw = text[:40]
    after = said.split(":", 1)[-1].strip()[:40].casefold()  # (a card of what follows the label,
    # its first word capitalised there: "Notice the growth: linear in …" → "Linear in …")
    for drafts, _ in ex.drafts:
        for d in drafts:
            if raw in d.back or start in d.front:
                return True
            cleaned = clean_prose(d.back)  # (once per back: both tests read it)
            if start in cleaned or after and after in cleaned.casefold():
                return True
    return False
