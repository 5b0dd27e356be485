"""The cards of a section whose heading names no subject of its own but a heap of facts ("## Misc", "## Other"):
each fact under the heading above it. Pure."""
from __future__ import annotations

from mlwiki.extract.blocks import Block, list_items, text_of
from mlwiki.extract.defining import definition_sentence_cards
from mlwiki.extract.grabbag import part_topic
from mlwiki.extract.lines import LIST_ITEM, TEXT
from mlwiki.extract.signatures import SECTION_FORM


def odds_cards(ex, section_path: str, body: list[Block], first_draft: int) -> None:
    """The cards of a "## Misc" section: each list item or paragraph that labels or defines what it says ("- typical
    sizes: 300 dimensions, a window of 5", "The posterior mean is …") a card under the heading above (which names
    the subject: "word2vec › typical sizes"); the items and paragraphs another card took are not."""
    taken = {d.line for drafts, _ in ex.drafts[first_draft:] for d in drafts}
    path = section_path.rsplit(" › ", 1)[0]  # ("Misc" names nothing)
    for block in body:
        if not all(ln.kind == TEXT for ln in block.lines):
            continue
        if LIST_ITEM.match(block.lines[0].text):
            kept = [ln for item in list_items(block.lines) if item[0].no not in taken for ln in item]
            if kept:
                definition_sentence_cards(ex, path, Block(TEXT, kept), equals=True)
        elif not any(ln.no in taken for ln in block.lines):
            made = len(ex.drafts)
            definition_sentence_cards(ex, path, block)
            if len(ex.drafts) == made and (topic := part_topic(text_of(block), path)):
                ex.add_card(SECTION_FORM, f"{path} › {topic}", text_of(block).strip(), block.lines[0].no)
