"""What a worked example concludes in general, under a label of its own at its end ("Final thoughts:", "Takeaways:",
"**Key points**"): the example's numbers make no card (issue 23 point 3), but the lesson its writer draws from it is
said of the subject, as a subsection "Example › Conclusion" is (example_parts.states_general). Pure."""

from __future__ import annotations

import re

from mlwiki.extract.blocks import Block, text_of
from mlwiki.extract.closings import FORM
from mlwiki.extract.lines import LIST_ITEM
from mlwiki.extract.passages import passage

# A paragraph that is only a label naming what the writer concludes, bold or ending in ":"
_TAKEAWAY_LABEL = re.compile(r"(?i)[*_]{0,2}(final thoughts|(?:key )?takeaways?|conclusions?|in summary|summary|"
                             r"lessons(?: learned)?|key points)[*_]{0,2}:?[*_]{0,2}")
_DIGIT = re.compile(r"\d")


def takeaway_cards(ex, body: list[Block]) -> None:
    """A card "Example › Final thoughts" of what follows such a label in a worked example's section, when it says
    its point in words (no number of the example's: "w = 0.3 after one step" is the working, not the lesson)."""
    for k, block in enumerate(body[:-1]):
        if len(block.lines) != 1 or not (label := _TAKEAWAY_LABEL.fullmatch(block.lines[0].text.strip())):
            continue
        rest = body[k + 1:k + 3]  # (the label's list, and a sentence that may close it)
        rest = rest[:1] if len(rest) > 1 and not LIST_ITEM.match(rest[0].lines[0].text) else rest
        if any(_DIGIT.search(text_of(b)) for b in rest):
            continue
        if (back := passage(rest, labelled=True)) is not None:
            ex.add_card(FORM, f"{ex.heading_path()} › {label.group(1)[:1].upper()}{label.group(1)[1:]}", back, block.start)
