"""A heading card's short back of separate claims, split: two paragraphs of prose or more, each a sentence or more,
where a later paragraph opens on a subject of its own ("Purging drops …" after a paragraph on the gap) rather than
going on from the one before ("This means …", "So …", "It …"). A back shorter than `grabbag.MIN_LONG_WORDS` is
otherwise one card, and its heading asks for every claim at once; here its first paragraph stays on the card (and
its id), and each later paragraph that names its subject is a card "path › subject", as a long back's parts are
(`grabbag.split_long_back`). Pure: text in, text out."""

from __future__ import annotations

import re

from mlwiki.extract.grabbag import split_long_back
from mlwiki.extract.paragraph_clozes import QUOTED_CHARS, _parts as cloze_parts
from mlwiki.extract.prose import clean_prose, word_count
from mlwiki.extract.sentence_clozes import _DOUBT

MIN_CLAIM_WORDS = 12  # a shorter paragraph is a remark on the one before, not a claim of its own
MAX_PARAGRAPHS = 4  # (more is a page of prose, which the long-back rules read)
MAX_TOPIC_WORDS = 5  # a longer subject is a clause ("Overfitting generally means the model variance"), no front
# A paragraph that is more than prose: a list, a table, a formula, code, a quote, a heading or markup of its own
_NOT_PROSE = re.compile(r"^[ \t]*(?:[-*+][ \t]|[>|#]|\d+[.)][ \t]|\$\$|\\\[|`{3}|~{3}|:::|<|!\[)", re.M)

# A subject that tells nothing apart: an ordinal or a word that lines a paragraph up with another ("First: …")
_NO_TOPIC = re.compile(r"(?i)(?:first|second|third|then|next|finally|also|equivalent(?:ly)?)")
# A paragraph that points at a page or a paper ("… can be found [here](https://…)", "see [the notes](x.md)"): where
# to read, no claim a card asks for
_POINTS_AWAY = re.compile(r"\]\((?:https?:|[\w./-]+\.(?:md|ipynb|html?)\b)|\b(?i:can be found|see|read more|more in)\b")


def split_claim_paragraphs(path: str, back: str, page: str = "") -> list[tuple[str, str]] | None:
    """The (front, back) of each card a short back of separate claims becomes, the first under `path`; None unless
    it is two to `MAX_PARAGRAPHS` paragraphs of prose, each long enough to state a claim and ending as a sentence
    does, and a later one names a subject of its own in a few words. Not the card of a note's own subject (a front
    with no heading under the title): its opening names the paper or the term, which other rules part off. Nor
    short paragraphs `paragraph_clozes` asks one by one, nor a paragraph `page` (the note's text) sets in a quote or
    callout: an aside the section keeps whole."""
    paragraphs = back.split("\n\n")
    heading = path.split("\n\n", 1)[0]
    if " › " not in heading or not 2 <= len(paragraphs) <= MAX_PARAGRAPHS or not all(map(_claim, paragraphs)) \
            or cloze_parts(back, heading.rsplit(" › ", 1)[-1]) is not None or _quoted(paragraphs, page):
        return None
    split = split_long_back(path, back, short_claims=True)
    if not split or split[0][0] != path \
            or any(len(topic.split()) > MAX_TOPIC_WORDS or _NO_TOPIC.fullmatch(topic)
                   for topic in (front.split("\n\n", 1)[0].rsplit(" › ", 1)[-1] for front, _ in split[1:])):
        return None
    return split


def _quoted(paragraphs: list[str], page: str) -> bool:
    """Whether the note sets one of the paragraphs in a quote or callout line ("> [!note] …")."""
    quoted = {" ".join(line.lstrip("> \t").split())[:QUOTED_CHARS] for line in page.split("\n") if line.startswith(">")}
    return any(" ".join(p.split())[:QUOTED_CHARS] in quoted for p in paragraphs)


def _claim(paragraph: str) -> bool:
    """A paragraph of plain sentences long enough for a claim, ending as a sentence does (not on ":")."""
    if _NOT_PROSE.search(paragraph) or _POINTS_AWAY.search(paragraph) or _DOUBT.match(paragraph):
        return False  # (the writer's doubt, "Still unclear to me: …", "Not sure …", is shown, never asked alone)
    if paragraph.lstrip("*_ ").casefold().startswith(("still unclear", "unclear to me", "open question")):
        return False
    text = clean_prose(paragraph).strip()
    return word_count(text) >= MIN_CLAIM_WORDS and text[-1:] in ".!?)"
