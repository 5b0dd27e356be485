"""The paragraph that opens a section: the card that stands for the section when its text is too long or mixed
for one card, chosen among its first paragraphs."""

from __future__ import annotations

import re

from mlwiki.extract.blocks import Block, text_of
from mlwiki.extract.claim_heads import AFTER_CLAIM
from mlwiki.extract.forms import STATEMENT
from mlwiki.extract.labels import asks, introduces_list, list_label
from mlwiki.extract.lead_connectives import without_lead_connective
from mlwiki.extract.lines import LIST_ITEM, TEXT
from mlwiki.extract.passages import narrates, passage
from mlwiki.extract.prose import clean_once, clean_prose, holds_words, sentences, word_count

MIN_OPENING_WORDS = 10
MAX_OPENING_SEARCH = 4  # paragraphs: further into a section, a passage no longer stands for it
_SETS_UP = re.compile(r"\s*(?:let|suppose|assume|consider|given)\b", re.I)
# What goes on with a tutorial's story: its people, a pointer back, a number it got
_GOES_ON_STORY = re.compile(r"(?i)\b(?:you|your|you['’]\w+|we|our|us|i|my)\b|^(?:this|these|that|those|it|since|or|and|but|"
                            r"so)\b|\d")
# A note's pitch, before its first heading: a title said as a sentence ("Why deep nets fail to train (at first).",
# "How attention replaced recurrence.", no question mark: what the page is about, not a fact), or the writer's
# promise of what the page gives ("Once this clicks, every model here is just …": "this" is the page)
_PITCH_TITLE = re.compile(r"(?:Why|How)\b[^?:;$]{3,90}\.")
MAX_PITCH_WORDS = 12  # (a title said as a sentence is short)
_PROMISE = re.compile(r"(?i)once\s+(?:this|it|that)\s+(?:clicks|makes\s+sense|sinks\s+in|is\s+clear)\b")
MAX_PITCH_SENTENCES = 3
BOLD_START = re.compile(r"[ \t]*(?:(?:[-*+]|\d+[.)])[ \t]+)?\*\*")  # "**Term**: …", "- **Term**: …"

_CLAIM_ITEM = re.compile(r"[-*+][ \t]+(?!\*\*|__|\[[ xX]\])\S")  # ("- All linear ETS models are …", not "- **Step:** …")
MIN_CLAIM_WORDS = 5
_ASKED_FIRST = re.compile(r"[*_]{1,2}[^*_\n]{3,150}\?[*_]{1,2}[ \t]+\S")  # ("*Why the feature sampling?* With …")

def opening_paragraph(blocks: list[Block], free: list[bool], declined: bool,
                      taken: set[int], lead: bool = False) -> tuple[int, str | None]:
    """The paragraph that opens a section, as its card's back: the first of its first few paragraphs that
    explains and says enough to stand for the section ("To check this we …" or "The p-value is probabilistic."
    do not), and does not introduce a formula card (the paragraph before it is that card's front). `lead`: the
    section is the note's text before its first heading, whose first line goes on from nothing even when it starts
    in lower case, as quick notes do ("info from outside the training data sneaking into training → …")."""
    after_narration = False
    for k, block in enumerate(blocks[:MAX_OPENING_SEARCH]):
        if block.attrs is AFTER_CLAIM:
            break  # (the paragraphs headed by claims in bold opened the section: what follows them does not)
        if not free[k] or (k + 1 < len(blocks) and not free[k + 1] and not _speaks_first(blocks[k + 1], taken)):
            break  # (a paragraph before a card introduces it, unless that card has an introduction of its own)
        if block.lines[0].text.lstrip().startswith("**") and (declined or not STATEMENT.match(block.lines[0].text)):
            break  # a bold term's paragraph is the definitions' (and what follows it no opening); with them off, a
            # `**Definition**.` labels a statement that opens the section
        if cut_off_over_list(blocks, k):
            break  # (the section opens on its list: the card of that list stands for it)
        if not k and _claims_list(block) and not any(LIST_ITEM.match(b.lines[0].text) for b in blocks[1:]) \
                and (back := passage([block], False, declined)) is not None:
            return k, back  # (a list of claims right under the heading, no sentence before it, the section's only
            # list: they open it; a second list after a paragraph goes with that paragraph's subject)
        if LIST_ITEM.match(block.lines[0].text) or (k and asks(blocks[k - 1])) or list_label(block.lines) \
                or _ASKED_FIRST.match(block.lines[0].text):
            continue  # a list goes with the sentence that introduces it (or the label over it, as a heading would
            # be), an answer with its question (also one the paragraph opens on: "*Why X?* Because …")
        long_enough = holds_words(text_of(block), MIN_OPENING_WORDS)  # (spares a passage)
        back = passage([block], lead and not k and len(block.lines) == 1, declined) if long_enough else None
        if back is None and long_enough and (not k or after_narration) \
                and (unjoined := without_lead_connective(block)) is not None:
            back = passage([unjoined], False, declined)  # ("Now considering …, a partial derivative is …" under its
            # heading, "Instead, a model starts …" after narration: the joining word leads on from no text on the card)
        if back is not None and (_only_sets_up(back) or lead and not k and is_pitch(back)):
            continue  # ("**Definition**. Let $\\Omega$ be a set …": what it sets up follows)
        if back is not None and word_count(clean_prose(back)) >= MIN_OPENING_WORDS:
            if after_narration and _GOES_ON_STORY.search(clean_prose(back)):
                break  # (after narration: "Since our model hasn't been trained, …" is the story's next step)
            return k, back
        if back is None and narrates(cleaned := clean_prose(text_of(block))):
            if len(sentences(cleaned)) == 1 and not cleaned.rstrip().endswith(":"):
                after_narration = True  # (a notebook's one line of narration, "Sometimes you'll want to select
                continue  # data.", stands before a fact: a paragraph that speaks of no one may open the section)
            break  # what follows a tutorial's narration goes on with its story
    return -1, None


def _claims_list(block: Block) -> bool:
    """Whether a paragraph is a bulleted list of claims: each item a sentence of its own, at the list's top level,
    with no bold label (a numbered list or one of labelled parts is steps or a breakdown, which the section's other
    cards read)."""
    texts = [line.text for line in block.lines]
    return all(_CLAIM_ITEM.match(text) and word_count(text) >= MIN_CLAIM_WORDS for text in texts) and len(texts) > 1


def cut_off_over_list(blocks: list[Block], k: int) -> bool:
    """Whether paragraph `k` ends cut off on the word that introduces the list after it ("… satisfy KKT if"): alone,
    it says nothing; its list's card holds it."""
    last = blocks[k].lines[-1].text
    return k + 1 < len(blocks) and not last.rstrip().endswith(":") and introduces_list(last) \
        and bool(LIST_ITEM.match(blocks[k + 1].lines[0].text))


def _speaks_first(block: Block, taken: set[int]) -> bool:
    """Whether a paragraph that holds cards opens with words of its own, so that the paragraph before it
    introduces none of them: a `- **Term**: …` item, or prose that leads to its formula ("It is zero when …:
    $$…$$"; a formula card takes the formula's lines, a definition or question its first line)."""
    first = block.lines[0]
    if len(block.lines) > 1 and block.lines[1].text.startswith(": "):
        return True  # a definition list's first term: its cards are definitions of their own
    return bool(BOLD_START.match(first.text)) or (
        first.no not in taken and first.kind == TEXT and not first.text.lstrip().startswith(("$", "\\[", "\\begin")))


def is_pitch(text: str) -> bool:
    """Whether a note's opening paragraph is its pitch: a few sentences, no formula, the first a title said as a
    sentence ("Why deep nets fail to train (at first).") or one a promise of what the page gives ("Once this clicks,
    …"): what the page is about, no fact to recall."""
    found = sentences(clean_prose(text))
    if "$" in text or not found or len(found) > MAX_PITCH_SENTENCES:
        return False
    title = _PITCH_TITLE.fullmatch(found[0].strip()) and word_count(found[0]) <= MAX_PITCH_WORDS
    return bool(title) or any(_PROMISE.match(sentence.strip()) for sentence in found)


def _only_sets_up(text: str) -> bool:
    """Whether a paragraph only names what the text after it will use ("Let $X$ be a set and …")."""
    cleaned = clean_once(STATEMENT.sub("", text, count=1))  # (not remembered: the card counts its own text's words)
    if not _SETS_UP.match(cleaned):
        return False  # (nor does its first sentence, which starts it and ends on a mark: said without splitting it)
    found = sentences(cleaned)
    return bool(found) and all(_SETS_UP.match(sentence) for sentence in found)
