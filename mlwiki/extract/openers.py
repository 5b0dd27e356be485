"""Sentence openers: the words a sentence starts with to join it to the one before ("Either way: …", "Anyway: …") or
to point the reader at what follows ("Notice the dependence: …", "Remember: …"). A line led by such words and a
colon has no label: what comes before the colon names nothing a card could ask about, so it is no front part."""

from __future__ import annotations

import re

from mlwiki.extract.blocks import Block
from mlwiki.extract.lines import LIST_ITEM, TEXT
from mlwiki.extract.passages import narrates, passage

# First words of an opener: discourse adverbs that join a sentence on, and the verbs that turn the reader's eye
OPENER_WORDS = frozenset("""either anyway anyhow still yet again besides instead otherwise meanwhile altogether
basically essentially clearly obviously importantly interestingly surprisingly notably honestly actually moreover
furthermore additionally likewise similarly conversely finally lastly ultimately regardless then now thus hence
therefore notice observe remember consider compare""".split())


def is_opener(words: list[str]) -> bool:
    """Whether a label's words open a sentence rather than name something ("Either way", "Notice the dependence",
    "Interestingly"): its first word is an opener's."""
    return bool(words) and words[0].strip("*_").casefold() in OPENER_WORDS


# "Either way: …", "Notice the dependence: …": an opener's words (at most four) and a colon, the text after it
OPENER_LABEL = re.compile(r"(?P<label>(?P<first>[A-Za-z]+)(?: [\w-]+){0,3}):[ \t]+(?=\S)")


def opener_label(sentence: str) -> re.Match | None:
    """The opener a sentence starts with before a colon ("Either way: want $m \\gg p$", "Notice the dependence:
    …"); None for a sentence that starts otherwise, a label that names something included ("Batch size: 32")."""
    found = OPENER_LABEL.match(sentence) if ":" in sentence[:40] else None
    return found if found and found["first"].casefold() in OPENER_WORDS else None


def opener_cue(found: re.Match) -> str:
    """What an opener points the reader at, as a card's cue: "Notice the dependence" → "The dependence"; '' for an
    opener that names nothing ("Either way", "Interestingly")."""
    rest = found["label"].split(None, 1)[1:]
    return f"The {rest[0][4:]}" if rest and rest[0][:4].casefold() == "the " and len(rest[0]) > 4 else ""


def without_opener(text: str) -> str:
    """The text without the opener it starts with ("Either way: **want $m \\gg p$**." → "**Want $m \\gg p$**."): the
    words that joined it to what the card does not show."""
    found = opener_label(text)
    if found is None:
        return text
    rest = text[found.end():]
    head = 2 if rest[:2] in ("**", "__") else 0
    return rest[:head] + rest[head:head + 1].upper() + rest[head + 1:]


def opens_with_opener(block: Block) -> bool:
    """Whether a paragraph (no list) opens with an opener and a colon ("Either way: …", "Notice the dependence: …")."""
    first = block.lines[0]
    return first.kind == TEXT and not LIST_ITEM.match(first.text) and opener_label(first.text.lstrip()) is not None


def said_on(found: tuple[str, str] | None, blocks: list[Block], k: int, free: list[bool],
            declined: bool) -> tuple[str, str] | None:
    """The remark card `found` of paragraph `k` (`remarks.remark_card`) with the paragraph after it when that goes on
    from it with an opener ("Either way: want $m \\gg p$."), which it then holds (`free`: no other card takes it):
    it says more of the same formula, and alone it asks nothing."""
    if found is None or k + 1 >= len(blocks) or not free[k + 1] or not opens_with_opener(blocks[k + 1]):
        return found
    said = passage([blocks[k + 1]], declined=declined)
    if said is None or narrates(said):
        return found
    free[k + 1] = False
    return found[0], f"{found[1]}\n\n{said}"
