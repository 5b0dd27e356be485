"""The text that closes a part of a section after the cards other forms made of it: the paragraphs after a formula
card ("It is not symmetric …", "Limitation: it only counts the first hit"), and where that text goes — on the card
of the formula it speaks of ("First term = data fit, …", "This trades a little bias for …"), on a card of its own
("… › MRR › Limitation"), or joined to the section's opening card. What a formula's symbols mean (a legend), the
steps a formula broke, an aside to the reader and an introduction left without its formula are no such text.

`ex` in every function is the walk over the note (`mlwiki.extract.walk.Extractor`); `mlwiki.extract.lists` closes
each section with these.
"""

from __future__ import annotations

import re
from dataclasses import replace

from mlwiki.extract.blocks import Block, items_without, text_of, top_items
from mlwiki.extract.defining import on_a_back
from mlwiki.extract.emphasised import paragraph_topic
from mlwiki.extract.examples import lists_examples
from mlwiki.extract.labels import aspect_front, asks, states_aspect
from mlwiki.extract.lines import LIST_ITEM, MATH, TEXT, Line
from mlwiki.extract.openings import MIN_OPENING_WORDS
from mlwiki.extract.subject import sets_example_values
from mlwiki.extract.passages import MAX_WORDS, narrates, passage, works_numbers
from mlwiki.extract.prose import clean_prose, is_fragment, sentences, word_count
from mlwiki.extract.subject import is_example_title
from mlwiki.extract.toggles import FORM as ASKED_ITEM

FORM = "section"
FORMULA_FORMS = frozenset(("formula", "lone-formula", "inline-formula"))
MAX_ASPECT_LINES = 8  # a paragraph led by the aspect it states, wrapped over lines ("Limitations: PCA is linear, …")
MAX_CLOSING_MERGE = 50  # words: closing sentences this short join the section's opening card
# What a formula's symbols mean ("- $\eta$ is the learning rate", "$P(Y|X)$ - conditional …", "Where: …"), no card
# without its formula, nor is a proof ("Proof.", "*Proof sketch:*", "Proof of (2):", not a label that speaks of a
# proof, "Proof it mattered: X beat Y …"); "- $T \to 0$: approaches argmax" states something
_LEGEND_START = re.compile(r"[ \t]*(?:where\b|here \$|[*_]{0,2}proof[*_]*(?:[ \t]*(?:[.:(—–-]|$)|[ \t]+(?:of|that|by|"
                           r"sketch|idea|outline)\b)|(?:[-*+][ \t]+)?[A-Za-z](?:_\w+)?[ \t]+"
                           r"(?:is|are|denotes)[ \t]+(?:the|an?)\b)", re.I)  # (… or "M is the number of labels")
_SYMBOL_FIRST = re.compile(r"[ \t]*((?:[-*+]|\d+[.)])[ \t]+)?\$([^$\n]+)\$[ \t]*([^\n]{0,12})")
_RELATION = re.compile(r"[=<>≪≫≤≥≈∝≠→]|\\(?:to|le|ge|leq|geq|ll|gg|ne|neq|lesssim|gtrsim|approx|sim|in|propto|"
                       r"rightarrow)(?![a-z])")  # ("- $B \ll B_{noise}$: …" states a case, as "- $T \to 0$: …")
# A line that only says the list after it reads the formula above it ("Reading it:", "In words:", "Interpretation:"):
# the list says what the formula says, as a list right under it does (`list_cards.formula_list_cards`)
READS_FORMULA = re.compile(r"(?i)[*_]*(?:reading (?:it|this|the formula)|read (?:it|this) as|in (?:plain )?words|"
                           r"interpretation|interpreting it|what (?:it|this) (?:says|means)|in other words)[*_]*[ \t]*"
                           r":[*_]*")
_CASE_OF_SYMBOL = re.compile(r"(?i)(?:close to|near|too|very|large|small|big|high|low|→|->|[<>]|\\to\b)")
_EXPLAINS_SYMBOL = re.compile(r"(?:[-—–:,]|(?:is|are|denotes) the\b)", re.I)
# A paragraph that introduced a formula left out ("For a mini-batch $B$:" then other text), or explains one
# ("where …")
# (`:[ \t]*(?:\n\n(?!…)|\Z)|(?:\A|\n\n)[ \t]*where\b` as a search that skips to a `:` or a newline, and a match at the
# start; the steps below searched in "\n" + the text, where `^` with re.M was tried at every character: see
# _leaves_out, _later_steps_only and tests/test_extract_rewrites.py)
_LEFT_OUT = re.compile(r":[ \t]*(?:\n\n(?![ \t]*(?:[-*+]|\d+[.)])[ \t])|\Z)|\n\n[ \t]*where\b", re.I)
_OF_THE_EXAMPLE = re.compile(r"(?:Same|The same|This|That|These|It)\b")  # (what speaks of the example before)
_EXAMPLE_LABEL = re.compile(r"[*_]*([^:\n]{3,60}?)[*_]*:")  # ("Example (made-up 7B config): …")
_WHERE_FIRST = re.compile(r"[ \t]*where\b", re.I)
_LATER_STEP = re.compile(r"\n(?:[2-9]|\d\d)[.)][ \t]")  # "5. **Repeat** …": the rest of steps a formula broke
_FIRST_STEP = re.compile(r"\n1[.)][ \t]")
# A tutorial's aside, "These methods are …" (what they are is not on the card), "(The paper itself writes …)"
# A text that speaks of the formula just before it: its terms, or what it comes to ("First term = data fit, second =
# complexity penalty", "For absolute residuals this is just $\hat f(x) \pm \hat q$")
_REFERS_BACK = re.compile(r"(?i)(?:the )?(?:first|second|third|last|left|right)[- ](?:term|hand side|part)\b|"
                          r"[^.\n]{0,60}\bthis (?:is|means|gives|reduces to|becomes) (?:just|exactly|simply)\b")
# A paragraph right after a formula that goes on from it: what the formula does or means ("Now the largest exponent
# is $e^0 = 1$, so nothing overflows", "So the MLE is the sample mean.", "Intuitively, …", "In words: …")
_GOES_ON_FORMULA = re.compile(r"(?:Now|So|Thus|Hence|Here|That is|In words|Intuitively|Equivalently|In other words|"
                              r"It(?= [a-z]+s\b| is\b| can\b| has\b))\b")  # ("It converges to $V^*$ because …")
_WE = re.compile(r"\b(?:we|our|us|I)\b", re.I)  # ("In other words, we want to …": a tutorial's story; "you stop when
# …" is anyone)
_POINTS_AT = re.compile(r"(?:This|These|Such|Same (?:for|as|here|goes))\b")  # ("Same for the height.": of the formula above)
_IN_THIS_CASE = re.compile(r"\s*in (?:this|that|which|such a) case\b", re.I)
# (a "you" the text tells what to do or what happens to, "you can update your model …"; not "… when you change T")
_TO_THE_READER = re.compile(r"(?i)(?<!when )(?<!if )(?<!what )\byou(?:r|['’]ll|['’]re)?\b(?! change\b)(?:[ \t]+(?:can|could|should|"
                            r"will|would|need|have|may|might|get|want|must|see|learn(?:ed)?|know|try)\b)|^you\b|"
                            r"^(?:these|this|such)\b|^\(")


# A label that is a claim of its own ("The trade-off isn't a law of nature: …"), not a name for what follows
_CLAIM_WORD = re.compile(r"(?i)\b(?:is|isn['’]t|are|aren['’]t|was|were|does|doesn['’]t|do|don['’]t|can['’]t|won['’]t|not|never)\b")
_LABEL_LED = re.compile(r"[*_]*([^\W\d_][^:$\n.;,()]{0,40}?)[*_]*:[ \t]+\S")  # ("Price of one update: …", not "$x$: …")


def _plain_paragraphs(blocks: list[Block]) -> bool:
    """Whether blocks are paragraphs one right after another (a blank line between): no box's fence between them
    (a box's paragraphs are read as the section's, its fence left out), none after the first led by a label
    ("Price of one update: …" is its label's card, `leftovers`)."""
    return all(block.kind == TEXT for block in blocks) \
        and all(later.start - block.lines[-1].no <= 2 for block, later in zip(blocks, blocks[1:])) \
        and not any(_LABEL_LED.match(text_of(block)) for block in blocks[1:])


def _plain_list(block: Block) -> bool:
    """Whether a block ends with a list, of text with no display formula in it (whose last item no sentence goes on
    with: its intro may lead it, "… backward view does it online:")."""
    return all(ln.kind == TEXT and "$$" not in ln.text for ln in block.lines) \
        and any(LIST_ITEM.match(ln.text) for ln in block.lines)


def place_closing(ex, path: str, first: int, cards: tuple[int, int], opening: str | None, closing: str,
                   at: int) -> bool:
    """Put the text that closes a part on a card: the formula's it speaks of, a card of its own, or the opening
    card's (`cards`: the index of that card, and of the first card after it); whether it is on one."""
    opened, made = cards
    homeless = made == opened and ex.has_front(path)  # (its own card would have another card's front)
    if _points_back(closing):  # ("This trades a little bias for …" after a formula: of that formula, or no card)
        return _explain_formula(ex, first, at, closing, MAX_WORDS)
    if homeless and "$" not in closing and not _REFERS_BACK.match(closing) and (label := _LABEL_LED.match(closing)) \
            and not _CLAIM_WORD.search(label.group(1)) \
            and ex.add_card(FORM, f"{path} › {clean_prose(label.group(1))}", closing[label.end(1):].lstrip(" \t:*_"), at):
        return True  # ("If I remember one thing for the exam: …" after a formula and the list that reads it: what the
        # label names, asked by it, not a second fact on the formula's card; one that speaks in the formula's symbols,
        # "Correct but ugly: the $\lVert w\rVert$ in the constraint …", is the formula's)
    if (_REFERS_BACK.match(closing) or homeless) \
            and _explain_formula(ex, first, at, closing, MAX_WORDS if homeless else MAX_CLOSING_MERGE):
        return True  # ("First term = data fit, second = complexity penalty", or under "Formula: distillation
        # loss", whose formula card has the section's front, or under "## Temperature scaling" in the note of
        # that name, whose opening card has it: on that formula's card)
    if made == opened:
        front = aspect_front(path, closing)  # ("… › MRR › Limitation")
        if front == path and first < opened and (topic := paragraph_topic(closing, path)):
            return ex.add_card(FORM, f"{path} › {topic}", closing, at, id_front=path)  # (other cards of the
            # section answer its heading: "Step sizes › constant step", what this text is about)
        return ex.add_card(FORM, front, closing, at)
    if _COMPARES.match(closing) and _on_term_before(ex, first, at, closing):
        return True  # ("Much more expressive …, but slow" after "**SEAL**: …" and its steps: said of SEAL)
    if len(closing.split()) <= MAX_CLOSING_MERGE:  # (one card: what opens and closes)
        drafts, front = ex.drafts[opened]
        ex.drafts[opened] = ([replace(drafts[0], back=f"{drafts[0].back}\n\n{closing}")], front)
        return True
    return False


_LIST_FORM = "list"  # (`list_cards.LIST_FORM`: that module reads this one, which cannot import it)


def led_by_list(ex, path: str) -> bool:
    """Whether no card has the bare heading path for its front and one asks the list the section's opening sentence
    leads into ("What NOT to decay / Standard practice: no weight decay on" over its items): the text after that
    list, which was the section's own card under the bare heading when the list was on none, keeps that card's id
    under its label ("… › Reason", `leftovers.labelled_leftovers`)."""
    return not ex.has_front(path) and any(d.front.startswith(f"{path}\n\n") and d.form == _LIST_FORM
                                          for drafts, _ in ex.drafts for d in drafts)


# A remark with no subject that weighs what was just named: "Much more expressive for links, but …", "Cheaper, and …"
_COMPARES = re.compile(r"(?i)(?:(?:much|far|even|a lot|way|slightly) )?(?:more|less|fewer|faster|slower|cheaper|"
                       r"better|worse|simpler|harder|easier|stronger|weaker)\b")


def _on_term_before(ex, start: int, line: int, text: str) -> bool:
    """Append a remark to the card of the term defined right before it, when the last card before its line is a
    definition's; whether it was."""
    before = [k for k in range(start, len(ex.drafts)) if ex.drafts[k][0][0].line < line]
    last = max(before, key=lambda k: ex.drafts[k][0][0].line, default=None)
    if last is None or ex.drafts[last][0][0].form not in ("definition", "definition-item") \
            or len(text.split()) > MAX_WORDS:
        return False
    drafts, front = ex.drafts[last]
    ex.drafts[last] = ([replace(drafts[0], back=f"{drafts[0].back}\n\n{text}"), *drafts[1:]], front)
    return True


def _explain_formula(ex, start: int, line: int, text: str, limit: int = MAX_CLOSING_MERGE,
                     nearest: bool = False) -> bool:
    """Append a text of at most `limit` words that speaks of the formula before it to that formula's card; whether
    there was one (`nearest`: the card of the note's line right before the text must be that formula's)."""
    if len(text.split()) > limit:
        return False
    if nearest:
        before = [k for k, (drafts, _) in enumerate(ex.drafts) if drafts[0].line < line]
        last = max(before, key=lambda k: ex.drafts[k][0][0].line, default=None)
        if last is None or ex.drafts[last][0][0].form not in FORMULA_FORMS:
            return False
        start = last
    for k in range(len(ex.drafts) - 1, start - 1, -1):
        drafts, front = ex.drafts[k]
        if drafts[0].form in FORMULA_FORMS and drafts[0].line < line:
            ex.drafts[k] = ([replace(drafts[0], back=f"{drafts[0].back}\n\n{text}"), *drafts[1:]], front)
            return True
    return False


def closing_text(ex, blocks: list[Block], free: list[bool], used: int, made: int, labelled: bool,
             lines: tuple[set[int], set[int]]) -> tuple[str | None, int]:
    """(passage, line) of the text that explains a part's cards: its paragraphs after the first block another form
    made a card of ("It is not symmetric …", "Precision: of what we flagged …"), and the text a paragraph of formula
    cards goes on with after its last formula ("$$…$$ / Limitation: it only counts …"), leaving out display formulas,
    the paragraph that introduces the formula card after it and what this module carded (a list with its intro, a
    question with its answer); (None, 0) when that is nothing or does not read as a passage alone. `lines`: the
    lines other forms took, and of them those whose card took their whole paragraph."""
    taken = [k for k, unused in enumerate(free) if not unused]
    if not taken:
        return None, 0
    carded = {d.line for drafts, _ in ex.drafts[made:] for d in drafts}
    crossed = 0  # (the paragraphs before a list item's question and its answer, once the walk passed one)
    rest: list[Block] = []
    aspects: list[Block] = []
    after_card = False  # (the list or the answer that follows a carded intro or question is that card's)
    example = False  # (the paragraph before was a worked example, left out)
    for k in range(taken[0], len(blocks)):
        if not free[k] and rest and not crossed and "?" in text_of(blocks[k]) and _asks_item(ex, blocks[k]):
            crossed = len(rest)
        block = blocks[k] if free[k] else _after_formulas(blocks[k], *lines)
        if block is None:
            continue
        if any(block.start <= n <= block.lines[-1].no for n in carded):
            if after_card and LIST_ITEM.match(block.lines[0].text):
                continue  # (the list a carded sentence introduces is that card's, its items carded again or not)
            after_card = True
            if (block := items_without(block, carded)) is None:
                continue  # (a list some of whose items are cards of their own: the others stay, "- **Minimum** is 0")
        elif after_card and (LIST_ITEM.match(block.lines[0].text) or asks(blocks[k - 1])):
            continue
        after_card = False
        if k == used or any(ln.kind == MATH for ln in block.lines) \
                or k + 1 < len(blocks) and (not free[k + 1] or not free[k]) and opens_with_math(blocks[k + 1]):
            continue  # (a formula, its introduction, the opening card's paragraph)
        text = text_of(block).strip()
        introduces_list = k + 1 < len(blocks) and LIST_ITEM.match(blocks[k + 1].lines[0].text)
        if introduces_list and READS_FORMULA.fullmatch(text) and _under_formula(blocks, k):
            after_card = True  # ("Reading it:" and its list: what the formula above says, its remark card's)
            continue
        if text.rstrip("*_ ").endswith(":") and not introduces_list:
            if LIST_ITEM.match(text):
                return None, 0  # ("- **Step decay:**" and its text below: a labelled list this card cannot keep)
            continue  # (a formula's introduction left without it)
        if not rest and text[:1] == "(" and k and any(ln.kind == MATH for ln in blocks[k - 1].lines) \
                and _plain_paragraphs(blocks[k:]):
            continue  # (an aside that opens the text under a formula speaks of it: the formula card's, `trailing`;
            # the paragraphs after it close the part. A box after it is a card of its own, as it was)
        if is_legend(text) or (rest or text[:1] == "(" and text.endswith(")")) and _to_the_reader(text) \
                or not rest and text[:1].islower() and k and not free[k - 1] and not LIST_ITEM.match(text) \
                and not _plain_list(blocks[k - 1]):
            continue  # (what a formula's symbols mean; an aside to the reader after what explains, or in brackets;
            # the end of the formula's own sentence, "with $K$ classes and $\varepsilon$ usually 0.1.", not a
            # quick note's sentence after a list: "trace = credit assignment that mixes recency and frequency.")
        if narrates(text) and (block := _without_aside(block)) is None:
            after_card = True  # (a tutorial's narration, "we will see … in four steps:", and the list it announces)
            continue
        text = text_of(block).strip()
        if works_example(text):
            example = True  # ("Example (a 7B config): 2 · 32 · 32 · 128 · 2 = 524,288 bytes …": left out alone, a
            continue        # remark after it stays, "**Note:** this is why long-context serving is …")
        if example and _OF_THE_EXAMPLE.match(text):
            continue  # ("Same for the height.", "This gives 2 GB …": of the example left out)
        example = False
        if not rest and (said := _GOES_ON_FORMULA.match(text)) and (not free[k] or not free[k - 1]) \
                and not _WE.search(text) and (used >= 0 or said.group() != "It") \
                and _explain_formula(ex, made, block.start, text, MAX_WORDS, nearest=True):
            continue  # ("Now the largest exponent is $e^0 = 1$, so nothing overflows": what the formula above does;
            # "It is not symmetric, …" with no opening card before it is the section's card, "… › KL divergence")
        if _after_formula_card(blocks, free, k, used) and not _WE.search(text) \
                and _explain_formula(ex, made, block.start, text, nearest=True):
            continue  # ("**AdamW** decouples …: / $$…$$ / Every weight now shrinks …": of the formula its own
            # paragraph introduced, not of the section's opening card, which it would join as if it went on from there)
        if len(block.lines) <= MAX_ASPECT_LINES and states_aspect(" ".join(ln.text.strip() for ln in block.lines)):
            aspects.append(block)  # ("Limitations: …" among other paragraphs: a card of its own, see aspect_cards)
            continue
        rest.append(block)
    if not rest and len(aspects) == 1:
        rest = aspects  # (the one closing line: "… › MRR › Limitation")
    if not rest or crossed and len(rest) > crossed:
        return None, 0  # (paragraphs on both sides of a self-test question and its answer are no one passage)
    if len(rest) == 1 and _LONE_BOLD_ITEM.match(text_of(rest[0])) and len(top_items(rest[0].lines)) == 1:
        return None, 0  # (one item led by bold left among items that are cards: asked by its term, `lone_facts`,
        # not by the heading, whose question it answers only in part)
    back = passage(rest, labelled, declined=True)  # (`**Term**:` items too: no other card took them)
    if back is None or word_count(clean_prose(back)) < MIN_OPENING_WORDS or is_legend(back) \
            or later_steps_only(back) or _to_the_reader(back) and not _points_back(back) or leaves_out(back):
        return None, 0  # (a formula's legend, step 5 of steps a formula broke, a tutorial's "you", a gap)
    return back, rest[0].start


_LONE_BOLD_ITEM = re.compile(r"[ \t]*(?:[-*+]|\d+[.)])[ \t]+\*\*")  # ("- **Step size is bounded by $\eta$** per …")


def _under_formula(blocks: list[Block], k: int) -> bool:
    """Whether block `k` comes right after a display formula, or after an aside in brackets right under one."""
    above = [b for b in blocks[max(k - 2, 0):k]]
    if above and text_of(above[-1]).strip()[:1] == "(" and "\n" not in text_of(above[-1]).strip():
        above = above[:-1]
    return bool(above) and any(ln.kind == MATH for ln in above[-1].lines)


def _after_formula_card(blocks: list[Block], free: list[bool], k: int, used: int) -> bool:
    """Whether the block right before block `k` is a display formula another form carded, introduced by a paragraph
    of its own that names a subject of its own ("**AdamW** decouples …:") after the section's opening card's
    (`used`), which a closing text would join (not "For a layer …:", the opening's subject worked out)."""
    return 0 <= used < k - 2 and not free[k - 1] and any(ln.kind == MATH for ln in blocks[k - 1].lines) \
        and free[k - 2] and text_of(blocks[k - 2]).startswith("**") and text_of(blocks[k - 2]).rstrip().endswith(":")


def _asks_item(ex, block: Block) -> bool:
    """Whether a card of a list item's question and its answer was made of the paragraph (`toggles`)."""
    lines = range(block.start, block.lines[-1].no + 1)
    return any(d.form == ASKED_ITEM and d.line in lines for drafts, _ in reversed(ex.drafts) for d in drafts)


def _without_aside(block: Block) -> Block | None:
    """A paragraph without the aside in brackets it ends with, on lines of its own, when only that aside narrates
    ("… so leave the constant out when $d = 2$." / "(statsmodels' SARIMAX has no trend term … I think. check)");
    None when the rest narrates too, or there is no such aside."""
    lines = [ln for ln in block.lines if ln.kind == TEXT]
    start = next((k for k in range(len(lines) - 1, 0, -1) if lines[k].text.lstrip().startswith("(")), None)
    if start is None or not lines[-1].text.rstrip().endswith(")"):
        return None
    kept = Block(TEXT, lines[:start])
    return None if narrates(text_of(kept)) else kept


def _after_formulas(block: Block, taken: set[int], whole: set[int]) -> Block | None:
    """The text lines a paragraph of formula cards ends with, after its last formula, unless they start a list
    (a rest card's, see _rest_card) or the paragraph's card took it whole."""
    last = last_card_line(block, taken)
    if last is None or any(ln.no in whole for ln in block.lines):
        return None
    tail = block.lines[last + 1:]
    if tail and is_fragment(clean_prose(tail[0].text)):  # ("and reject $H_1 … H_k$. Controls FDR …": the
        tail = _after_first_sentence(tail)  # formula's sentence goes on; what follows it explains)
    if not tail or LIST_ITEM.match(tail[0].text):
        return None  # (a list is a rest card's)
    return Block(TEXT, tail)


def last_card_line(block: Block, taken: set[int]) -> int | None:
    """The index of a paragraph's last line that is a formula's or that another form made a card of."""
    lines = block.lines
    for k in range(len(lines) - 1, -1, -1):  # (from the end: the first one found is the last; no generator)
        if lines[k].kind != TEXT or lines[k].no in taken:
            return k
    return None


def _after_first_sentence(lines: list[Line]) -> list[Line]:
    """The lines after the sentence they start with (that sentence's last line cut after its end)."""
    for k, line in enumerate(lines):
        found = sentences(line.text)
        if len(found) == 1 and not line.text.rstrip().endswith((".", "!", "?")):
            continue  # (the sentence goes on over the next line)
        rest = " ".join(found[1:])
        if _IN_THIS_CASE.match(rest):
            return []  # ("In this case, the entropy is also called …": of the formula's case only)
        return ([Line(line.no, rest, line.kind)] if rest.strip() else []) + lines[k + 1:]
    return []


def works_example(text: str) -> bool:
    """Whether a paragraph works out an example on numbers ("Example (7B config): $2 \\cdot 32 \\cdot 128 = …$ …"),
    led by a label that says so or with arithmetic in its words."""
    label = _EXAMPLE_LABEL.match(text)
    worked = bool(label and is_example_title(label.group(1), own_runs=False) and not lists_examples(label.group(1), text[label.end():]))
    return worked or works_numbers(clean_prose(text)) \
        or sets_example_values(text)


def later_steps_only(text: str) -> bool:
    """Whether a text holds steps numbered from 2 on ("5. **Repeat** …") and no step 1."""
    lined = "\n" + text
    return bool(_LATER_STEP.search(lined)) and not _FIRST_STEP.search(lined)


def _points_back(text: str) -> bool:
    """Whether a text opens by pointing back at what is before it ("This trades …", "These are …") and speaks to
    no reader: said of the formula before it, it is that formula's."""
    return bool(_POINTS_AT.match(text)) and "you" not in text.lower()


def _to_the_reader(text: str) -> bool:
    """`_TO_THE_READER.search(text)`: its "you" looked for only in a text that holds one (a case-blind `\\b` was
    tried at every character of every closing passage)."""
    return bool(_TO_THE_READER.match(text)) or ("you" in text.lower() and bool(_TO_THE_READER.search(text)))


def leaves_out(text: str) -> bool:
    """Whether a passage announces what it leaves out: a sentence ending in ":" before a gap or at its end, or
    "where …" opening it or a paragraph of it (the legend of a formula left out)."""
    return bool(_WHERE_FIRST.match(text) or _LEFT_OUT.search(text))


def opens_with_math(block: Block) -> bool:
    """Whether a paragraph starts with a display formula (its introduction is the paragraph before it)."""
    first = block.lines[0]
    return first.kind == MATH or first.text.lstrip().startswith(("$$", "\\[", "\\begin"))


def is_legend(text: str) -> bool:
    """Whether a text starts as a formula's legend or a proof (see _LEGEND_START, _SYMBOL_FIRST)."""
    if _LEGEND_START.match(text):
        return True
    match = _SYMBOL_FIRST.match(text)
    if not match:
        return False
    if _RELATION.search(match.group(2)):  # a text that opens on a formula speaks of the one before ("$\eta_k =
        return not match.group(1)         # 1/k$ satisfies both"); a list item "- $T \to 0$: …" states a case
    if match.group(1) and _CASE_OF_SYMBOL.match(match.group(3)):
        return False  # ("- $\alpha$ close to 1 → mostly the last observation": a case of it, and what follows)
    return bool(match.group(1) or _EXPLAINS_SYMBOL.match(match.group(3)))


def aspect_cards(ex, path: str, blocks: list[Block], free: list[bool], used: int, first: int) -> None:
    """A card of each paragraph led by the aspect it states ("Limitations: PCA is linear, …", "The catch: each sweep
    touches every state …") among a part's closing paragraphs, "… › Limitations", unless a card (of the cards from
    index `first` on) holds it already (the closing card of one such paragraph alone)."""
    for k, block in enumerate(blocks):
        if not free[k] or k == used or block.lines[0].kind != TEXT or LIST_ITEM.match(block.lines[0].text):
            continue
        text = " ".join(ln.text.strip() for ln in block.lines if ln.kind == TEXT)
        if not states_aspect(text) or (back := passage([block])) is None \
                or on_a_back(ex, back, first):
            continue
        ex.add_card(FORM, aspect_front(path, text), back, block.start)
