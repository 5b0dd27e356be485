"""Section cards: a heading whose own text is a short passage of explanatory prose, or a list of explanatory
items, becomes one card: front = the heading path (rooted in the note's subject), back = that text. The text a
note holds before its first heading is the section of the note's subject itself.

Many notes are written this way, with no question, formula or bold term to hang a card on ("## Why it works",
"## Testing" → "Don't use dropout at test time", a list of reasons under "## Why does dropout work"); Anki users
card them as they stand, the list as one enumeration card. What keeps junk out:

- a section makes a card only when no other form took anything from it (its formulas, definitions, questions
  are cards of their own) and nothing in it was left out as a worked example;
- its text reads as prose: sentences or list items with words in lower case ("randomly zeroes units so …"), not
  a table of contents ("Nearest Neighbor Collaborative Filtering"), labelled values, links, URLs or code;
- it is short enough to recall (at most `MAX_WORDS` words, `MAX_ITEMS` items), and it does not announce what
  it leaves out (a last sentence ending in ":" before code or an image);
- headings that name no subject of study (References, Notes, Setup …) and headings inside a worked example
  or an exercise make none.

`ex` in every function is the walk over the note (`mlwiki.extract.walk.Extractor`). The walk opens a section at
each heading (and at the note's start) and closes it at the next heading or the note's end; only then is it
known whether the section made other cards.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from mlwiki.extract.blocks import Block
from mlwiki.extract.draft import Draft
from mlwiki.extract.forms import DEFINITION
from mlwiki.extract.lines import BLANK, CODE, COMMENT, HEADING, LIST_ITEM, MATH, TEXT
from mlwiki.extract.prose import clean_prose
from mlwiki.models import CardKind

FORM = "section"
MAX_WORDS = 120  # a longer passage is a page to reread, not an answer to recall
MAX_ITEMS = 8  # an enumeration longer than this is not learnt as one card (SuperMemo's "avoid sets")
MIN_WORDS = 3
# Headings that name no subject of study: the section under them is no answer to anything.
_NO_SUBJECT = re.compile(r"(?i)[\W\d_]*(?:(?:(?:random|misc\w*|other|my|further|personal|some|side)\s+)*notes?|references?|"
                         r"reading|further reading|resources?|links?|see also|related(?: notes| topics)?|sources?|"
                         r"bibliography|citations?|acknowledg\w*|appendix|todo|to do|tags?|setup|set up|imports?|"
                         r"installation|install|requirements|contents|table of contents|outline|code|"
                         r"implementation|output|changelog|misc\w*|others?|questions?|quiz|summary table|notations?|symbols)"
                         r"[\W\d_]*")
_IMAGE_LINE = re.compile(r"[ \t]*(?:(?:[-*+]|\d+[.)])[ \t]+)?(?:!\[\[[^\]]*\]\]|!\[[^\]]*\]\([^)]*\)|<img\b[^>]*>)"
                         r"[ \t]*$")
_URL_LINE = re.compile(r"[ \t]*(?:(?:[-*+]|\d+[.)])[ \t]+)?(?:<?https?://\S+>?|\[[^\]]*\]\(https?://[^)]*\))[ \t.]*$")
_TABLE_LINE = re.compile(r"[ \t]*\|")
_LOWER_WORD = re.compile(r"(?<![\w\\$])[a-z][a-z'’-]+\b")  # "randomly", "zeroes": prose, not a title or a name
_LABEL = re.compile(r"[ \t]*(?:(?:[-*+]|\d+[.)])[ \t]+)?(?:\*\*[^*\n]+\*\*|[A-Z][^:\n]{0,40}):[ \t]")
_SPACES = re.compile(r"[ \t]*")
# A passage that goes on from something before it ("However, graph datasets …"): it answers no heading alone
_GOES_ON = re.compile(r"(?:however|but|and|also|instead|moreover|furthermore|therefore|thus|hence|so|then|now|"
                      r"similarly|likewise|again)\b", re.I)
# Tags (`#statistics`, `#todo`): labels for the author's search, not part of what the note says
_TAGS = re.compile(r"(?<![\S(])#[A-Za-z][\w/-]*(?![\S)])|(?<!\S)\^[\w-]+[ \t]*$")  # (and Obsidian block ids, `^6ff921`)
# A sum worked out on numbers ("0.343 + 0.441 = 0.784"): an example, not something to recall
_ARITHMETIC = re.compile(r"\d\s*(?:[+*/×=]|-(?!\d))\s*\d")
# A passage about the page itself ("This page lists …", "In this notebook we …"): no knowledge to recall
_ABOUT_PAGE = re.compile(r"(?i)(?:in )?(?:this|the following) (?:page|note|notebook|section|chapter|article|post|"
                         r"tutorial|lecture|document)s?\b|explaining\b")
# The voice of a tutorial walking through its code ("Let's build …", "Now that we've …", "We'll use …") or
# pointing at a figure the card does not show: a story to follow, not knowledge to recall
_NARRATION = re.compile(r"(?i)\b(?:let['’]s|let us|we['’]ll|we will|we['’]re going|we['’]ve|you['’]ll|now that|"
                        r"alright|as we saw|figure|fig\.|the above|shown below|as follows)\b")


@dataclass(slots=True)
class Section:
    """A section the walk is in: where its card would go, and what the walk had made when it began."""

    path: str  # the heading path, rooted in the subject
    id_path: str  # … without the subject (the card's id: a renamed file keeps its cards)
    line: int
    body: list[Block]
    drafts: int
    skipped: int


def open_section(ex, blocks: list[Block], i: int) -> None:
    """Start the section of the heading at blocks[i] (i = -1: the note's text before its first heading)."""
    ex.section = None
    if not ex.ctx.sections:
        return
    if i >= 0:
        heading = blocks[i]
        title = ex.headings[-1][1] if ex.headings else ""
        if heading.skip or heading.lines[0].attrs.endswith("no-card") or not title or _NO_SUBJECT.fullmatch(title) \
                or title.rstrip().endswith("?"):  # (a question heading is a card of its own)
            return
    elif not ex.subject:
        return
    body = []
    for block in blocks[i + 1:]:
        if block.kind == HEADING:
            break
        if block.kind != TEXT:
            return  # a callout or a div in the section: its own forms speak for it
        body.append(block)
    if not body or ex.in_example():
        return
    line = blocks[i].start if i >= 0 else body[0].start
    ex.section = Section(ex.heading_path(), ex.heading_path(subject=False) or ex.subject, line, body, len(ex.drafts),
                         sum(ex.skipped.values()))


def close_section(ex) -> None:
    """End the open section: it becomes a card when nothing else was made of it and its text passes."""
    section, ex.section = ex.section, None
    if section is None or len(ex.drafts) != section.drafts or sum(ex.skipped.values()) != section.skipped \
            or not section.path:
        return
    back = section_text(section.body)
    if back is None or any(d.front == section.path for drafts, _ in ex.drafts for d in drafts):
        return  # (two sections of one name under one heading: neither front says which is asked)
    asked = section.id_path
    draft = Draft(CardKind.BASIC, section.path, back, section.line, form=FORM, id_front=f"{FORM}: {asked}")
    ex.drafts.append(([draft], section.path))


def section_text(body: list[Block]) -> str | None:
    """The back of a section card: its paragraphs and list items, images and blank lines left out; None when
    the text does not read as something to recall (see the module's docstring)."""
    kept: list[str] = []
    dropped_after = False  # something (an image, a link line) was left out after the last kept line
    for block in body:
        if block.skip:
            return None
        for line in block.lines:
            if line.kind in (MATH, CODE) or (line.kind == TEXT and _TABLE_LINE.match(line.text)):
                return None  # a formula or code left behind, or a table: not a passage to recall
            if line.kind in (BLANK, COMMENT) or not line.text.strip():
                continue
            if line.kind == TEXT and "**" in line.text and DEFINITION.match(line.text):
                return None  # `**Term**: …`: the definitions form's, on or off
            if _IMAGE_LINE.match(line.text) or _URL_LINE.match(line.text):
                dropped_after = True
                continue
            text = _TAGS.sub("", line.text).rstrip() if "#" in line.text or "^" in line.text else line.text.rstrip()
            if text.strip():
                kept.append(text)
            dropped_after = False
        kept.append("")
    text = "\n".join(kept).strip()
    if not text or (dropped_after and text.endswith(":")) or text.endswith(":"):
        return None
    return text if reads_as_prose(text) else None


def reads_as_prose(text: str) -> bool:
    """Whether a section's text explains something: enough words, not too many, and (in a list) items that
    say something in words rather than name things; a list of links or titles is a table of contents."""
    clean = clean_prose(text)
    if _ARITHMETIC.search(clean) or _ABOUT_PAGE.match(clean) or _NARRATION.search(clean) or _GOES_ON.match(clean):
        return False
    words = len(clean.split())
    if words < MIN_WORDS or words > MAX_WORDS:
        return False
    items = _top_items(text)
    if len(items) > MAX_ITEMS:
        return False
    if len(items) < 2:
        return len(_LOWER_WORD.findall(clean)) >= 2
    lower = [len(_LOWER_WORD.findall(clean_prose(_without_label(item)))) for item in items]
    return sum(lower) >= 3 * len(items) and sum(n >= 2 for n in lower) * 2 >= len(items)


def _top_items(text: str) -> list[str]:
    """The top-level list items of a text with what is nested under each; a text that is not a list: itself."""
    lines = text.split("\n")
    items: list[list[str]] = []
    indent = None
    for line in lines:
        width = _SPACES.match(line).end()
        if LIST_ITEM.match(line) and (indent is None or width <= indent):
            indent = width if indent is None else indent
            items.append([line])
        elif items:
            items[-1].append(line)
        elif line.strip():
            items.append([line])  # prose before the list: one item
    return ["\n".join(item) for item in items]


def _without_label(item: str) -> str:
    """An item's explanation without its label ("Distortion: average distance …" → "average distance …")."""
    match = _LABEL.match(item)
    return item[match.end():] if match else item

