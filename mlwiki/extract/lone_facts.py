"""A paragraph or a list item left on no card between the cards of its section (issue 23): the forms that read a
section each take what they know ("Algorithm:" over its formula, the one `**Term**:` item of a list) and leave
the text around it to the section's card, which a card of another form then stands in for. Such a text still says
something a learner would card: "**Permutation importance**: how much does the score drop when …?" between the
note's opening line and its algorithm, the labelled items beside a defined one. It becomes a card of its own, asked
by the term it sets in bold, its label or the subject it opens on, when it reads as a fact and not as a step, a
legend, a worked example, a tutorial's narration or the writer's to-do."""

from __future__ import annotations

import re

from mlwiki.extract.corrections import correction
from mlwiki.extract.blocks import Block, text_of, top_items
from mlwiki.extract.closings import is_legend, works_example
from mlwiki.extract.emphasised import emphasised_card
from mlwiki.extract.grabbag import item_front_topic
from mlwiki.extract.labels import GENERIC_LABELS
from mlwiki.extract.leftovers import leftover_topic, narrated, without_joining
from mlwiki.extract.lines import LIST_ITEM, NUMBERED_ITEM, TEXT, Line
from mlwiki.models import CardKind
from mlwiki.extract.narration import narrates
from mlwiki.extract.paragraphs import in_path
from mlwiki.extract.passages import MAX_ITEMS as MAX_PASSAGE_ITEMS, MAX_WORDS as MAX_PASSAGE_WORDS, NO_SUBJECT, passage
from mlwiki.extract.prose import clean_prose
from mlwiki.extract.subject import is_example_title

FORM = "lone-fact"
EXPLICIT_FORMS = frozenset(("qa", "multiline", "one-line", "cloze", "card-div"))
MAX_LINES = 60  # (a paragraph or list that long is a page pasted or a list of its own, no fact left between cards)
MIN_WORDS = 8  # (fewer: a label, a pointer, a step's name; no fact a learner could recall alone)
MIN_MORE_WORDS = 4  # (what a back says beyond its front's topic: less, and the front gives the answer away)
MIN_TERM_WORDS = 3  # (a term among terms each defined: "- **proximity**: close to $x$")
# What a card would not hold: a task, a footnote, a question waiting for its answer below, a pointer, a quote
_NOT_A_FACT = re.compile(r"\s*(?:[-*+]|\d+[.)])?\s*(?:\[[ xX]\]|\[\^|#todo|TODO|>|\||!\[|(?:see|cf\.?|next|"
                         r"related|also see)\b)", re.IGNORECASE)
# A paragraph whose first sentence defines a term it sets in bold: "**X** of a feature: …", "Smith 2017: a **X** is
# …", "Also **X** (its long name): …"
_DEFINED_TERM = re.compile(r"(?:[^\n:*]{0,60}:[ \t]+)?(?:(?:an?|the|also)[ \t]+)?\*\*([^*\n]{2,60})\*\*[ \t]*"
                           r"(?:\([^()\n]{0,80}\)[ \t]*)?(?::|of |is |are |=|means )", re.IGNORECASE)
_BOLD_FIRST = re.compile(r"\s*(?:[-*+]|\d+[.)])\s+\*\*([^*\n]{2,60})\*\*[ \t]*:")
# Words a topic does not open on: an opener, a pronoun, a question word, a quantifier ("Any two", "Why bother")
_NO_FIRST = frozenset("""why how what when where which who any none usually often always never just only really this
that these those it they you we i here there so then also now once both each every all some many most note generally
essentially another such other""".split())
_SHORT_LABEL = re.compile(r"([A-Z][\w-]*(?:[ \t][\w-]+){0,2}):[ \t]")  # ("Decision function: $f(x) = …$")
_BOLD_ONLY = re.compile(r"\s*(?:[-*+]\s+)?\*\*[^*\n]+\*\*:?\s*")
_MATH = re.compile(r"\$[^$\n]*\$")  # (its symbols are no person: "how many times $u$ watched $i$")
_CLAUSE_WORDS = frozenset("that which whose because if but".split())  # ("a test that assumes that data": a clause)
_NO_LAST = frozenset("a an the of to and or in on for with by from is are was were be its their".split())
_FORMULA_VALUE = re.compile(r"\s=\s|\$[^$]*=")  # ("precision $= TP/(TP+FP)$": a value, which a front would show)
_ITALIC_LABEL = re.compile(r"^([*_])([^*_\n]{1,40})\1(?=[ \t]*:)")  # ("*homoscedastic*: …": a label in italics)
_LABEL_ASIDE = re.compile(r"^([^:()\n]{3,80}?)[ \t]*\([^()\n]*\)[ \t]*:")  # (a label's aside in brackets)
_WORD = re.compile(r"\w+")
# How generally a sentence holds, before the subject it opens on: "In general, exact inference is …"
_GENERALLY = re.compile(r"In (?:general|practice|short|fact),[ \t]+")
_BRACKETS = re.compile(r"\([^()\n]*\)")
_MARKUP = re.compile(r"\[\[(?:[^\]|]*\|)?([^\]]*)\]\]|\[([^\]]*)\]\([^)]*\)|[*_=`]")


def _plain(text: str) -> str:
    """A text without its markup and line breaks, as a card's front and back are searched for it."""
    return " ".join(_MARKUP.sub(lambda m: m.group(1) or m.group(2) or "", text).split())


def _pieces(block: Block) -> list[tuple[Block, bool]]:
    """(piece, is an item) of a paragraph of text: the paragraph itself, or each top-level item of its list with
    the lines under it."""
    lines = block.lines
    if not LIST_ITEM.match(lines[0].text):
        return [(block, False)]
    return [(Block(TEXT, item), True) for item in top_items(lines) if LIST_ITEM.match(item[0].text)]


def _may_be_fact(piece: Block, item: bool, least: int = MIN_WORDS) -> bool:
    """Whether a piece of text reads as a fact of its own: prose of `least` words or more, no formula, task or
    legend."""
    if any(ln.kind != TEXT for ln in piece.lines) or _NOT_A_FACT.match(piece.lines[0].text) \
            or item and NUMBERED_ITEM.match(piece.lines[0].text):
        return False  # (a step is one of its recipe's, which a card of the steps in order asks)
    first = piece.lines[0].text
    if _BOLD_ONLY.fullmatch(first):
        return False  # ("**Graphs in computer science**" over its text: a title, whose part is read as such)
    own = [first] + ([ln.text for ln in piece.lines[1:] if not LIST_ITEM.match(ln.text)] if item else
                     [ln.text for ln in piece.lines[1:]])
    text = " ".join(own).strip()
    if item:
        text = LIST_ITEM.sub("", text, count=1)
    words = text.split()
    if item and correction(text) is not None:
        return False  # ("thought X → Y": a misconception, which `corrections` asks as one)
    return len(words) >= least and "??" not in text and "![" not in text \
        and not text.rstrip("*_ ").endswith((":", ";", ",")) and not is_legend(text) \
        and not narrates(text) and not works_example(text)


def _asks_topic(topic: str, path: str, labelled: bool = False) -> bool:
    """Whether a topic names what a front may ask about: not where to look ("to read"), a question's first words
    ("Why bother"), an opener ("Usually", "Any two"), the heading again, or a formula with its value ("precision $=
    …$": the answer on the front)."""
    words = topic.split()
    return bool(words) and (labelled or not _CLAUSE_WORDS.intersection(w.casefold() for w in words)) \
        and words[-1].casefold() not in _NO_LAST and not NO_SUBJECT.fullmatch(topic) and words[0].casefold().strip("\"'“") not in _NO_FIRST \
        and not _FORMULA_VALUE.search(topic) and not in_path(topic, path) and not (len(words) <= 2 and words[-1].casefold() in _NO_FIRST)


def _adds_to(topic: str, back: str) -> bool:
    """Whether a back goes on from its front's topic and says more than it ("Always use the newest values of the
    other coordinates." under "… › The newest values of the other coordinates" asks nothing)."""
    said = clean_prose(_BRACKETS.sub(" ", back))  # ("can afford complex models (lots of data)": an aside adds nothing)
    words = set(_WORD.findall(clean_prose(back).casefold()))
    return all(word in words for word in _WORD.findall(topic.casefold())) \
        and len(said.split()) - len(topic.split()) >= MIN_MORE_WORDS  # (and a front that the back does not go on from
    # asks for something else: "Continue training" over "Nothing is ever restarted from scratch.")


def _names_term(term: str) -> bool:
    """Whether a bold phrase names a term, not a label ("Note", "Example 2", "Step 1")."""
    return term[:1].isalpha() and not any(ch.isdigit() for ch in term) and not NO_SUBJECT.fullmatch(term) \
        and term.casefold() not in GENERIC_LABELS and not is_example_title(term, own_runs=False)


def _opens_on_heading(text: str, path: str) -> bool:
    """Whether a paragraph opens on its section's subject, the last heading ("The sigmoid $…$ squashes …" under
    "Sigmoid", "Ridge regression adds …" under "Ridge (L2)")."""
    if " › " not in path:
        return False  # (a note's title over its opening line, "code snippets sklearn + xgboost / copy-paste stuff
        # …": what the page is, no section's subject)
    head = _plain(_BRACKETS.sub(" ", path.rsplit(" › ", 1)[-1])).casefold()
    words = _plain(text).casefold().split()
    words = words[1:] if words[:1] in (["the"], ["a"], ["an"]) else words
    said = " ".join(words)
    return len(head) >= 3 and said.startswith(head) and said != head and not head[:1].isdigit()


def _card(path: str, piece: Block, item: bool, beside_formulas: bool = False) -> tuple[str, str] | None:
    """(front, back) of a lone piece: asked by its bold term, its subject or its topic; `beside_formulas`, the
    section's other cards are all formula cards: a paragraph that opens on the section's subject is asked by the
    section's heading, as the section's card would have asked it."""
    found = emphasised_card(path, piece, True, item=item)
    if found is not None:
        topic = found[0].rsplit(" › ", 1)[-1]
        return found if "\n" in found[0] or _asks_topic(topic, found[0].rsplit(" › ", 1)[0]) \
            and _adds_to(topic, found[1]) else None
    first = piece.lines[0]
    text = LIST_ITEM.sub("", first.text, count=1) if item else without_joining(first.text)  # ("And …": alone)
    lines = [Line(first.no, text, TEXT), *_continued(piece.lines[1:])]
    text = " ".join(ln.text.strip() for ln in lines)
    back = passage([Block(TEXT, lines)], labelled=True, declined=True)
    if not item and (term := _DEFINED_TERM.match(text)) and _names_term(clean_prose(term.group(1))):
        return f"{path}\n\nDefine: {clean_prose(term.group(1))}", back or "\n".join(ln.text for ln in lines)  # ("**Permutation importance** of a
        # feature: how much …?", which the definition form, "**Term**: …", does not read)
    if narrated(_MATH.sub("x", text)):
        return None  # ("… the data object we created": the tutorial's doings, no fact of its own)
    said = _LABEL_ASIDE.sub(r"\1:", clean_prose(text), count=1)  # ("Problem with X (incl. [[Y]]): …": "Problem with X")
    topic = "" if back is None else item_front_topic(said, path) if item else leftover_topic(said, path) \
        or ((label := _SHORT_LABEL.match(said)) and label.group(1).casefold() not in GENERIC_LABELS and label.group(1)) or ""
    bare = " ".join(_BRACKETS.sub(" ", said).split())  # ("vs MDI (impurity) in trees: …": its label without the aside)
    if topic and any(f"{topic}{mark}".casefold() in text.casefold() for mark in (":", " —", " →", " =")
                     for text in (said, bare, _ITALIC_LABEL.sub(r"\2", said, count=1))):  # ("At test time: …",
        # a label in capitals, its topic in lower case; "*homoscedastic*: …", a label in italics)
        at = said.casefold().find(topic.casefold())
        shown = said[at:at + len(topic)] if at >= 0 else topic  # (as the note writes it: "At test time")
        return (f"{path} › {shown}", back) if _asks_topic(topic, path, labelled=True) and _adds_to(topic, back) \
            else None  # ("impressions that weren't clicked: …": the label the note gives it)
    if not item and not topic and beside_formulas and back and _opens_on_heading(said, path):
        return path, back  # ("The sigmoid $…$ squashes …" under "Sigmoid", beside its derivative's formula card:
        # what the section says of its own subject, the section's card had it made none)
    if item or not topic or not _GENERALLY.sub("", said, count=1).casefold().startswith(topic.casefold()) \
            or not _asks_topic(topic, path):
        return None  # (an item unlabelled, "as gradients are computed …", or a paragraph whose subject is not what it
        # opens on, "In the next iteration, different neurons …": a topic cut from words that go on)
    return (f"{path} › {topic[:1].upper()}{topic[1:]}", back) if _adds_to(topic, back) else None


def lone_fact_cards(ex, path: str, body: list[Block], first: int) -> None:
    """A card of each paragraph or list item of a section (`body`, whose cards start at index `first`) that no card
    of the note holds, between cards of the section (with none, the section's text was judged as a whole)."""
    if len(ex.drafts) == first and not _too_long(body) \
            or any(d.form in EXPLICIT_FORMS for drafts, _ in ex.drafts[first:] for d in drafts):
        return  # (no card to be between, unless the section was too long to judge as one text: "## Failure modes"
        # over a list of nine claims and a remark; a section whose writer marks its cards, "Q: …", chose them)
    shown = ""
    beside_formulas = all(d.kind == CardKind.FORMULA or d.front.startswith(f"{path} › ")
                          for drafts, _ in ex.drafts[first:] for d in drafts)  # (formulas, boxes and parts under it)
    asides = [(div.start, div.children[-1].lines[-1].no) for div, _ in ex.asides if div.children]
    for block in body:
        if block.kind != TEXT or block.children or block.attrs or not block.lines or block.lines[0].kind != TEXT \
                or len(block.lines) > MAX_LINES or any(a <= block.start <= b for a, b in asides) \
                or any(ln.kind != TEXT or ln.text[:2] == ": " for ln in block.lines):
            continue  # (a formula, a table, a definition list "Term / : what it is", a box or an aside: cards of
            # their own forms)
        pieces = [(piece, item, _own(piece, item)) for piece, item in _pieces(block)]
        if not shown:  # (the text of the section's cards, gathered once it has text that may need it: a card made
            # before the section began holds none of its text)
            shown = _plain(" ".join(f"{d.front} {d.back}" for drafts, _ in ex.drafts[first:] for d in drafts)) or " "
        held = [own[:40] in shown or own[-40:] in shown for _, _, own in pieces]
        # (a list of terms each defined on a card of its own: the one left out is a term too, however short)
        terms = sum(h and own.startswith(_bold_start(piece)) for (piece, _, own), h in zip(pieces, held))
        for (piece, item, own), was_held in zip(pieces, held):
            least = MIN_TERM_WORDS if item and terms >= 2 and _bold_start(piece) else MIN_WORDS
            if was_held or not _may_be_fact(piece, item, least):
                continue
            found = _term_card(path, piece) if least == MIN_TERM_WORDS else _card(path, piece, item, beside_formulas)
            if found is not None and ex.add_card(FORM, *found, piece.lines[0].no):
                shown += " " + _plain(found[1])


def _too_long(body: list[Block]) -> bool:
    """Whether a section's text is longer than one card holds (`passages.MAX_WORDS`), or lists more items than one
    card asks (`passages.MAX_ITEMS`), in paragraphs and items of prose alone: each is judged on its own."""
    texts = [text_of(block) for block in body if block.kind == TEXT and all(ln.kind == TEXT for ln in block.lines)]
    items = sum(bool(LIST_ITEM.match(text)) for text in texts)
    return len(texts) == len(body) and (sum(len(text.split()) for text in texts) > MAX_PASSAGE_WORDS
                                        or items > MAX_PASSAGE_ITEMS)


def _term_card(path: str, piece: Block) -> tuple[str, str] | None:
    """(front, back) of a term left out of a list of terms defined one by one, asked as they are."""
    first = piece.lines[0].text
    label = _BOLD_FIRST.match(first)
    back = passage([Block(TEXT, [Line(piece.lines[0].no, first[label.end():].strip(), TEXT),
                                 *_continued(piece.lines[1:])])],
                   labelled=True, declined=True)
    term = clean_prose(label.group(1))
    return (f"{path}\n\nDefine: {term}", back) if back and _names_term(term) else None


def _continued(lines: list[Line]) -> list[Line]:
    """An item's lines after its first, those that go on with its text no longer indented under its marker."""
    return [ln if LIST_ITEM.match(ln.text) else Line(ln.no, ln.text.strip(), ln.kind) for ln in lines]


def _own(piece: Block, item: bool) -> str:
    """A piece's text as a card's would be searched for it."""
    return _plain(LIST_ITEM.sub("", text_of(piece), count=1) if item else text_of(piece))


def _bold_start(piece: Block) -> str:
    """The term in bold a list item opens on ("- **proximity**: …"), without its markup; '' when none."""
    found = _BOLD_FIRST.match(piece.lines[0].text)
    return found.group(1) if found else ""
