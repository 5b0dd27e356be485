"""A page's banner picture off its opening card: a figure set on its own under a chapter's opening lines ("> …
true-ish, with big caveats." then a lecture cartoon) illustrates the page, and the opening card's front, the bare
title, asks nothing of it; on the card it shows as a picture (or "[image: …]") that no answer needs. A figure the
card's text speaks of ("as the plot below shows") stays, and so does every figure on a card under a heading. Pure.
"""

from __future__ import annotations

import re

from mlwiki.extract.prose import one_break
from mlwiki.models import CardKind

# A paragraph that is only a picture: Markdown's `![alt](path)` (with Pandoc's `{#fig-x width=…}`), Obsidian's
# `![[file.png]]`, or an `<img>` tag
_PICTURE = re.compile(r"(?m)^[ \t]*(?:!\[[^\]\n]*\]\([^)\n]*\)(?:\{[^}\n]*\})?|!\[\[[^\]\n]+\]\]|<img\b[^>\n]*>)[ \t]*$\n?")
# The text speaking of a picture: then it is part of what the card says
_SPOKEN_OF = re.compile(r"(?i)\b(?:fig(?:ure)?s?\b|pictures?|images?|diagrams?|plots?|sketch(?:es)?|cartoons?|drawings?|"
                        r"illustrat\w*|below|above|shown?|see|left|right)\b")
MIN_WORDS = 4  # (what is left must still say something: a picture alone under a title stays as written)


def without_banner(draft) -> None:
    """The picture off the back of a page's opening card (its front the bare title) where it stands in a paragraph of
    its own and the text does not speak of it; the back as written otherwise."""
    if "![" not in draft.back and "<img" not in draft.back or " › " in draft.front or "\n" in draft.front.strip() \
            or draft.kind == CardKind.CLOZE:
        return  # (the common back: no picture; a cloze's back is its text, as written)
    text = _PICTURE.sub("", draft.back)
    if text == draft.back or _SPOKEN_OF.search(_without_links(text)) or len(text.split()) < MIN_WORDS:
        return
    draft.back = one_break(text).strip()


def _without_links(text: str) -> str:
    """The text without the targets of its links, whose paths may hold any word ("(figs/plot.png)")."""
    return re.sub(r"\]\([^)\n]*\)", "]", text) if "](" in text else text
