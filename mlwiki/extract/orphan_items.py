"""The items of a list that no card holds when cards were made of their siblings (issue 23): a bold term's card
took "- **ROUGE-N**: …" and "- **ROUGE-L**: …", and nothing took the plain item after them ("- both BLEU and ROUGE
are surface overlap → no credit for paraphrase …"); a definition card took "- **median heuristic**: …", and not
the item before it ("- sklearn `gamma='scale'` means $\\gamma = …$"). Such an item is a fact the writer set beside the
others, and is silently lost. Each becomes a card under the sentence that introduces the list ("Defaults worth
remembering:"), its own label ("- X-learner (…):" over its steps), its subject, or the heading path, whichever no
card has as its front yet. An item that narrates, points elsewhere, or does not read as a passage stays off, as it
would in any other card. Pure: `ex` is the walk over the note (`mlwiki.extract.walk.Extractor`).
"""

from __future__ import annotations

import re

from mlwiki.extract.blocks import Block, text_of, top_items
from mlwiki.extract.closings import FORM
from mlwiki.extract.defining import on_a_back
from mlwiki.extract.formula_facts import clause_cue
from mlwiki.extract.formula_items import leftover_formula_items, names_formula
from mlwiki.extract.leftovers import NO_TOPIC_START, narrated as _narrated
from mlwiki.extract.lines import HEADING, LIST_ITEM, TEXT, Line, indent_width
from mlwiki.extract.outline import item_label
from mlwiki.extract.outline_cards import FORM as OUTLINE, vague
from mlwiki.extract.passages import narrates, passage
from mlwiki.extract.prose import clean_prose, heading_text, last_sentence
from mlwiki.extract.topics import passage_topic
from mlwiki.models import CardKind

_CITED = re.compile(r"\([^()\n]{0,60}\b(?:19|20)\d\d[a-z]?\)")  # ("(Bengio et al. 2015)": who, no fact)
# A bold sentence that opens an item, its full stop inside the bold: a claim the item argues, not a term it defines
_BOLD_SENTENCE = re.compile(r"(\*\*|__)[^*_\n]{8,}?[.!](\1)(?:[ \t]|$)")
MIN_WORDS = 6  # (an item of fewer says too little alone: "- cheap", "- see the paper")
_JOINS = re.compile(r"(?i)also|and|but|so|then|plus|note")  # (a word that joins an item to the one before)
_LINK = re.compile(r"\[\[[^\]]*\]\]")
_MATH_SPAN = re.compile(r"\$\$?[^$]+\$\$?")
# A one-line item that opens with the question it answers, a label of its own ("why VI uses the reverse one: …")
_ASKING_LABEL = re.compile(r"(?i)((?:why|how|when)\b[^:?.]{3,60}?):[ \t]+\S")
_CLAUSE = re.compile(r"(?i)\b(?:because|since|although|whereas|if|when|while)\b")  # (in a topic: a clause cut short)
_TASK = re.compile(r"[ \t]*[-*+][ \t]+\[[ xX]\]")  # ("  - [x] GPipe": a reading log's chore, no fact)
MAX_TOPIC_WORDS = 5  # (a longer subject is a clause cut short, no front)
MAX_LAST_TOPIC_WORDS = 8  # (… unless every other front is taken: "a flat prior on logistic coefficients")
MAX_LABEL_WORDS = 6  # (an item's first line ending in ":" that names what is nested under it)
MAX_INTRO_WORDS = 12  # (an introducing sentence longer than this is a paragraph's end, no list's title)
MAX_LINE_WORDS = 16  # (a branch's line longer than this, over items, is a paragraph cut into bullets)


def orphan_item_cards(ex, first: int, path: str, blocks: list[Block], lines: tuple[set[int], set[int]]) -> None:
    """Card each top-level item of a list among a part's `blocks` that no card holds, when cards (of those from
    index `first` on) hold some of its siblings, and it reads as a fact alone; `lines`: the lines cards took, and of
    them those whose card took the whole item. Only beside whole items' cards (a term's, a label's): a list a
    formula card took from is a procedure or a derivation, whose steps say little alone ("- Make an initial
    prediction"). Run last on a part: the closing, trailing and list cards before it take what they hold."""
    taken, whole = lines
    for k, block in enumerate(blocks):
        if not LIST_ITEM.match(block.lines[0].text) or block.lines[0].text[:1] in " \t" \
                or any(ln.kind != TEXT or ln.no in taken and ln.no not in whole for ln in block.lines) \
                and not leftover_formula_items(ex, path, block, taken):
            continue  # (said cheaply: most blocks are no list; a formula's list is steps, unless each item is a
            # labelled formula: "- NEG: $…$" beside the formula cards of "- noise: $… \propto …$")
        items = top_items(block.lines)
        starts = whole | _branch_lines(ex, first)
        carded = [item[0].no in starts or _held(ex, item, first) or _leads_formula(ex, item, first) for item in items]
        _nested_orphans(ex, first, path, [item for item in items if item[0].no in whole or _bare_term(item)])
        if not any(carded) or all(carded):
            continue
        intro = _intro(blocks[k - 1]) if k else ""
        for item in (item for item, held in zip(items, carded) if not held and _orphan(ex, item)):
            _card(ex, path, item, intro)


def _card(ex, path: str, item: list, intro: str, bare: bool = True) -> None:
    """The card of an item no card holds, under the first of these fronts no card has: the list's introduction, the
    item's own label, its subject, the heading path (unless not `bare`: the caller's item may be one step of several,
    which the path would ask for as if it were all of them)."""
    if _branch_card(ex, path, item):
        return
    back = passage([Block(TEXT, item)], declined=True)
    if back is None:
        return
    lines = back.split("\n")
    if LIST_ITEM.match(back) and not any(LIST_ITEM.match(line) for line in lines[1:]):
        back = "\n".join([lines[0][LIST_ITEM.match(back).end():]] + [line.strip() for line in lines[1:]])  # (one item)
    said = _said(item)
    label = clean_prose(LIST_ITEM.sub("", item[0].text, count=1)).strip()  # ("- X-learner (Künzel 2019):" over steps)
    named = len(item) > 1 and label.endswith(":") and len(label.split()) <= MAX_LABEL_WORDS
    if named and (any(_TASK.match(ln.text) for ln in item) or passage([Block(TEXT, item[1:])], declined=True) is None):
        return  # (a label over links or chores, "- reading log:": nothing of its own to recall)
    asks = _ASKING_LABEL.match(label)  # ("- why VI uses the reverse one: it's an expectation under $q$ …")
    label = label[:-1].strip() if named else asks.group(1) if asks and len(item) == 1 else ""
    topic = passage_topic(said, path)  # (before the bare path: a later section card, a tab's, may want that front)
    words = topic.split()
    if words and _JOINS.fullmatch(words[0]) or "?" in topic or _CLAUSE.search(topic) \
            or words and (words[0].casefold() in NO_TOPIC_START or words[0][:1] in "@[") \
            or said[len(topic):len(topic) + 1] == "-" and said.startswith(topic):
        topic = ""  # ("Because each head", "and exactly", "LM because the decoder": a clause, or a word that joins
        # the item to the one before; "… cov → k" of "k-means": a word cut in two)
    longer = topic if MAX_TOPIC_WORDS < len(words) <= MAX_LAST_TOPIC_WORDS and len(item) == 1 else ""
    topic = topic if len(words) <= MAX_TOPIC_WORDS else ""  # ("special case of Metropolis-Hastings where …")
    for front in (f"{path}\n\n{intro}" if intro else "", f"{path} › {label}" if label else "",
                  f"{path} › {topic}" if topic else "", "" if not bare or _headed_again(ex, path) else path,
                  f"{path} › {longer}" if longer else ""):  # (the subject in more words, the shorter fronts taken)
        if front and ex.add_card(FORM, front, back, item[0].no):
            return
    if len(item) == 1 and (cue := clause_cue(said)):  # (every front taken, the path by a card of another part: its
        ex.add_card(FORM, f"{path} › {cue}", back, item[0].no)  # opening clause asks for the rest, "… X, so …")


def _nested_orphans(ex, first: int, path: str, terms: list[list]) -> None:
    """Card each item nested under a term's item that no card holds ("- **score-based**: …" over "- a score that
    rewards fit alone prefers …"), under the term: a card took the term's own line, and the facts written under it
    are no part of its definition, and no less the writer's."""
    for item in terms:
        label, _ = item_label(item[0].text)
        nested = [ln for ln in item[1:] if ln.text.strip()]
        if not label or not nested or not LIST_ITEM.match(nested[0].text) or vague(label):
            continue
        depth = min(indent_width(ln.text) for ln in nested)
        dedented = [Line(ln.no, ln.text.expandtabs(4)[depth:], ln.kind) for ln in nested]
        for child in top_items(dedented):
            if _orphan(ex, child) and not _held(ex, child, first):
                _card(ex, f"{path} › {clean_prose(label)}", child, "")


def bare_term_over(lines: list[Line], no: int) -> str:
    """The term of the bare bold-term bullet ("- **scheduled sampling** (Bengio et al. 2015)") that the nested item
    starting at line `no` of a list (`lines`) is under, or "": what that item speaks of, which its front names."""
    for item in top_items(lines):
        if item[0].no != no and any(ln.no == no for ln in item[1:]) and _bare_term(item):
            label, _ = item_label(item[0].text)
            return clean_prose(label) if label and not vague(label) else ""
    return ""


def _bare_term(item: list) -> bool:
    """Whether a bullet's own line is a bold term and nothing more (but who named it: "- **scheduled sampling** (Bengio
    et al. 2015)") over items nested under it: what is said of the term is all in them, and no term's card takes it
    (a numbered item's bold title is a step's: "1. **Training**:" over what the code does)."""
    text = LIST_ITEM.sub("", item[0].text, count=1)
    if len(item) < 2 or item[0].text[:1] not in "-*+" or text[:2] not in ("**", "__") or not LIST_ITEM.match(item[1].text.lstrip()):
        return False
    _, said = item_label(item[0].text)
    return not said or bool(_CITED.fullmatch(said))


def _branch_lines(ex, first: int) -> set[int]:
    """The lines of the outline branches carded (from index `first` on) and asked by their labels alone: such an
    item's label is on its card's front, not its back, and the item is carded all the same."""
    return {d.line for drafts, _ in ex.drafts[first:] for d in drafts if d.form == OUTLINE and "\n" not in d.front}


def _branch_card(ex, path: str, item: list) -> bool:
    """The card of an outline's branch no card holds ("- overfitting" over the items nested under it): asked by its
    label, the nested items its back, as `outline_items` would card it; a line too long for a label and no sentence
    ("- Filling in missing values with statistics of the test rows" over how to avoid it) is shown under the path.
    False for an item that is a sentence, or has nothing nested under it."""
    if len(item) < 2 or item[1].text[:1] not in " \t" or not LIST_ITEM.match(item[1].text):
        return False  # (a line that goes on is the item's own sentence, nothing nested)
    label, said = item_label(item[0].text)
    line = clean_prose(LIST_ITEM.sub("", item[0].text, count=1)).strip()
    if said or label and vague(label) or not label and (line[-1:] in ".!?;:" or len(line.split()) > MAX_LINE_WORDS):
        return False
    depth = min(indent_width(ln.text) for ln in item[1:] if ln.text.strip())
    nested = [Line(ln.no, ln.text.expandtabs(4)[depth:], ln.kind) for ln in item[1:]]
    back = passage([Block(TEXT, nested)], declined=True)
    front = f"{path} › {clean_prose(label)}" if label else f"{path}\n\n{line}"
    return back is not None and ex.add_card(FORM, front, back, item[0].no)


def _headed_again(ex, path: str) -> bool:
    """Whether the note has another heading of the path's last name (a tab "## Greedy" below the section "## Greedy"):
    its card may want the bare path as its front."""
    name, found, todo = path.rsplit(" › ", 1)[-1].strip(), 0, list(ex.blocks)
    while todo:  # (a tab's heading is inside its tab set's div)
        block = todo.pop()
        found += block.kind == HEADING and heading_text(block.lines[0].text) == name
        todo += block.children or []
    return found > 1


def _said(item: list) -> str:
    """An item's own text, its marker off, its lines joined, in plain words."""
    return clean_prose(LIST_ITEM.sub("", " ".join(ln.text.strip() for ln in item), count=1)).strip()


def _orphan(ex, item: list) -> bool:
    """Whether a list item is a fact on no card: text only, enough words, nothing of it on a back yet."""
    if any(ln.kind != TEXT for ln in item) or not LIST_ITEM.match(item[0].text) or item[0].text[:1] in " \t" \
            or item[0].text[LIST_ITEM.match(item[0].text).end():][:2] in ("**", "__") \
            and not _BOLD_SENTENCE.match(item[0].text, LIST_ITEM.match(item[0].text).end()):
        return False  # (a bold-led item is the term forms' to card, under its term: its card may come later; but a
        # bold sentence, "- **AP of a random ranker is π, not 0.5.** Report …", names no term those forms take)
    text = _said(item)
    prose = _MATH_SPAN.sub("x", text) if "$" in text else text  # ("$I(\theta)$" is a symbol, not the writer: "I")
    short = len(text.split()) < MIN_WORDS and not names_formula(LIST_ITEM.sub("", item[0].text, count=1).strip())
    if short or narrates(prose) or _narrated(prose) or "?" in text \
            or "[[" in item[0].text and len(_LINK.sub("", item[0].text).split()) <= MIN_WORDS:
        return False  # (the writer's own doings, "- reread it, so I wrote …"; a question still open; a pointer to
        # another note, "- the right metrics [[Classification metrics]]"; "- cost: $n^2$" is short, and a fact)
    return not _held(ex, item)


def _held(ex, item: list, first: int = 0) -> bool:
    """Whether a card (of those from index `first` on) holds the item on its back, as written or in plain words."""
    raw = LIST_ITEM.sub("", item[0].text, count=1).strip()
    return on_a_back(ex, _said(item)[:60], first) or on_a_back(ex, raw[:60], first)


def _leads_formula(ex, item: list, first: int) -> bool:
    """Whether a one-line item is the sentence a formula card (from index `first` on) shows on its front, the item
    that introduces the display after the list ("- **X** = … that mixes channels:"): a card holds it."""
    raw = LIST_ITEM.sub("", item[0].text, count=1).strip()
    return len(item) == 1 and raw.endswith(":") \
        and any(d.kind == CardKind.FORMULA and d.front.endswith(raw) for drafts, _ in ex.drafts[first:] for d in drafts)


def _intro(before: Block | None) -> str:
    """The sentence ending in ":" right before a list ("Defaults worth remembering:"), short enough for a front."""
    if before is None or before.lines[0].kind != TEXT or LIST_ITEM.match(before.lines[0].text):
        return ""
    said = last_sentence(clean_prose(text_of(before)).strip())
    return said if said.endswith(":") and len(said.split()) <= MAX_INTRO_WORDS else ""
