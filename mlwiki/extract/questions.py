"""Questions people already write in their notes, made into cards without any mlwiki syntax:

- a heading that ends in `?`: front = heading path + the question, back = the section's own text;
- a callout, div or MyST admonition titled with a question (and any Obsidian `[!question]`, `[!faq]`,
  `[!help]` callout): front = title, back = body; one titled by its kind ("Question I had", "Open question")
  whose text opens with the question ("*Why not …?* Because …"): front = that question, back = the rest;
- a paragraph that starts with a bold question `**…?**`: back = the rest of it, or the blocks that follow;
- a line or list item that asks and answers after an arrow (`- why KL(P‖Q)? → asymmetric penalty …`), as people
  write questions to themselves: front = heading path + the question, back = the answer.


`ex` in every function is the walk over the note (`mlwiki.extract.walk.Extractor`): its settings, what it has
found so far, and where cards go.
"""

from __future__ import annotations

import re

from mlwiki.extract.blocks import Block, join_blocks, line_of, text_of
from mlwiki.extract.closings import FORM as SECTION_FORM
from mlwiki.extract.defining import definition_sentence_cards
from mlwiki.extract.lines import DIV_OPEN, HEADING, LIST_ITEM, MATH, TEXT
from mlwiki.extract.masking import mask_inline
from mlwiki.extract.passages import LINKS_LINE, RULE
from mlwiki.extract.question_boxes import box_cards, set_apart, split_boxes
from mlwiki.extract.question_parts import answer_and_parts
from mlwiki.extract.prose import clean_prose, heading_text, prefix_heading, sentences
from mlwiki.extract.subject import EXAMPLE_CLASSES, is_example_title, sets_up_example
from mlwiki.models import CardKind


# `- why is it the diagonal? → TPR = FPR = p`: a question, an arrow, its answer (not `a -> b` inside code or math,
# which the caller masks, nor a question with nothing after the arrow)
# (also a question someone asked and its answer, as a day's notes write them: "- someone asked: is ridge Bayesian?
# answer: ridge = MAP with a Gaussian prior, …")
_ARROW_ANSWER = re.compile(r"[ \t]*(?:(?:[-*+]|\d+[.)])[ \t]+)?(?:[^\n?:]{0,30}\basked:[ \t]*)?(?P<question>[^\n]*?\?)"
                           r"(?P<quoted>[\"”])?[ \t]*(?:→|->|=>|⇒|⟶|(?i:answer|a):)[ \t]*(?P<answer>\S[^\n]*)")
# (the question in quotes too, as an exam's question is quoted: '"What is the parameter count of …?" → $4d^2$')
_MORE_ASKED = re.compile(r"\?[\"”]?[ \t]*(?:→|->|=>|⇒|⟶)")  # (another question answered after an arrow, further on)
ARROWS = ("→", "->", "=>", "⇒", "⟶", "answer:", "Answer:")
_ASKED = re.compile(r"[ \t]*(?:(?:[-*+]|\d+[.)])[ \t]+)?([^\n]*\?)[ \t]*")  # a line that only asks
_WIKILINK = re.compile(r"\[\[[^\]\n]*\]\]")
_ARROW_BELOW = re.compile(r"[ \t]*(?:→|->|=>|⇒|⟶)[ \t]*(?P<answer>\S[^\n]*)")  # its answer on the line under it
_MIN_QUESTION_WORDS = 2  # ("AUC < 0.5 means?" asks; "why?" alone does not)
LONG_ANSWER = 150  # words: a question heading's section longer than this is an article's, not an answer
ANSWER_WORDS = 100  # ... and its first paragraphs up to about this many words answer it
_COMMENT = re.compile(r"[ \t]*<!--.*?-->", re.DOTALL)
STORY = "its section opens with an example, not an answer"
QUESTION_CALLOUTS = frozenset(("callout-question", "callout-faq", "callout-help"))
# `**Why …?**` and `**Why …**?` (the question mark outside the bold)
_BOLD_QUESTION = re.compile(r"[ \t]*(?:\*\*|__)((?:(?!\*\*|__).)+?)(\?)?[ \t]*(?:\*\*|__)(?(2)|\?)[ \t]*:?[ \t]*")


def is_question(text: str) -> bool:
    return text.rstrip().rstrip("*_ ").endswith("?")


def heading_question(ex, blocks: list[Block], i: int) -> None:
    """The card of a heading that asks a question: its section's own text up to the next heading is the back.
    No card for an empty section, a `{.no-card}` heading or one after `<!-- no-card -->`."""
    heading = blocks[i]
    line = heading.lines[0]
    ex.unanswered = frozenset()
    if not ex.ctx.question_headings or not is_question(line.text) or heading.skip or line.attrs.endswith("no-card"):
        return
    section = []
    for block in blocks[i + 1:]:
        if block.kind == HEADING:
            break
        if not _is_example_div(block) and not (ex.ctx.question_callouts and _asks(block)):
            section.append(block)  # (an exercise set in the section is no part of the answer, nor a box that asks
            # a question of its own: it is a card of its own)
    section, boxes = split_boxes(section)  # (titled theorems under it: cards of their own)
    section, asides = set_apart(section)  # (a titled warning or tip after the answer: the section's card of it)
    answer, rest = _answer_and_rest(section)
    ex.unanswered = frozenset(block.start for block in [*_before_example(section)[len(answer):], *asides])  # (its
    # section's cards: `lists`)
    back = _without_comments(join_blocks(answer, skip_cards=True))
    if _tells_a_story(back):
        ex.skip("question-heading", STORY)
        return
    question, path = clean_prose(line.text), ex.heading_path()
    path = "" if path == question else path  # (the note's title, which the question is: asked once)
    parted = answer_and_parts(path, back) if ex.ctx.sections else None
    if parted and any(ex.has_front(front) for front, _ in parted[1]):
        parted = None  # (a part's front another card has: the part stays on the answer, never lost)
    ex.add_pair(CardKind.BASIC, prefix_heading(path, question), parted[0] if parted else back, line.no,
                form="question-heading", quiet=True, id_front=prefix_heading(ex.heading_path(subject=False), question))
    box_cards(ex, line.text, boxes)
    for part_front, part_back in parted[1] if parted else ():  # (what the section says beside its answer)
        ex.add_card(SECTION_FORM, part_front, part_back, line_of(answer, part_back, line.no))
    if rest and ex.ctx.sections:  # (what an article says further down is cards of its own: terms, claims)
        for block in rest:
            definition_sentence_cards(ex, f"{ex.heading_path()} › {heading_text(line.text)}", block)


def _answer_and_rest(section: list[Block]) -> tuple[list[Block], list[Block]]:
    """The blocks that answer a question heading, and those left for other cards: an article's "What Is X?" may
    run for pages of prose, of which the first paragraphs (up to `ANSWER_WORDS` words, a paragraph that
    introduces a list with its list) answer it. A section with formulas, code or boxes is the answer whole."""
    if any(block.kind != TEXT or any(ln.kind != TEXT for ln in block.lines) for block in section) \
            or sum(len(text_of(block).split()) for block in section) <= LONG_ANSWER:
        return section, []
    words = 0
    for k, block in enumerate(section):
        words += len(text_of(block).split())
        if k and words > ANSWER_WORDS and not text_of(section[k - 1]).rstrip().endswith(":"):
            return section[:k], section[k:]
    return section, []


def _before_example(section: list[Block]) -> list[Block]:
    """A question heading's section up to a block labelled as a worked example ("Own example to convince myself:
    …"): what follows works that example, no statement to recall."""
    for k, block in enumerate(section):
        label, colon, _ = text_of(block)[:_LABEL_CHARS].partition(":")
        if colon and is_example_title(label, own_runs=False):
            return section[:k]
    return section


_LABEL_CHARS = 60


def _tells_a_story(back: str) -> bool:
    """Whether the answer to a question opens by setting up an example ("Suppose we are on a car trip
    …", "Imagine …"): a tutorial leading up to its topic, whose answer, if any, comes paragraphs later."""
    first = back.lstrip()[:300]
    return bool(first) and first[0].isupper() and sets_up_example(clean_prose(first))


def _asks(div: Block) -> bool:
    """Whether a div, callout or admonition asks a question (its title, or its first heading when it has no
    title; or a title that names a question by its kind, "Question I had", over a text that opens with the question
    itself), as `callout_question` reads it; False for any other block."""
    if div.kind != DIV_OPEN:
        return False
    title, body = div.attrs.get("title", "").strip(), div.children
    if not title and body and body[0].kind == HEADING:
        title, body = body[0].lines[0].text.strip(), body[1:]
    kinded = any(c in QUESTION_CALLOUTS for c in div.attrs.get("classes", ()))
    return is_question(title) or bool(title and kinded) or bool((_NAMES_QUESTION.match(title) or kinded and not title)
                                                               and body and body[0].kind == TEXT
                                                               and _opens_with_question(body[0]))


def _opens_with_question(block: Block) -> bool:
    """Whether a box's text opens with a question ("*Why not …?* Because …"), not a list of them (open questions)."""
    first = next((ln.text for ln in block.lines if ln.kind == TEXT), "")
    asked = None if LIST_ITEM.match(first) else _QUESTION_FIRST.match(first)
    return asked is not None and ". " not in asked.group(2)  # (its first sentence: not "Papers found …. So is …?")


def callout_question(ex, div: Block) -> bool:
    """Make the card of a div whose title asks a question (or an Obsidian question callout); whether it did."""
    if not ex.ctx.question_callouts:
        return False
    if not _asks(div) or "example" in div.attrs.get("classes", ()):
        return False  # (a worked example that asks what it works out, "How much does FL down-weight …?": no card)
    title, body = div.attrs.get("title", "").strip(), div.children
    if not title and body and body[0].kind == HEADING:
        title, body = body[0].lines[0].text.strip(), body[1:]
    back = _without_comments(join_blocks(body, skip_cards=True))
    if "?" in title and (answered := _TITLE_ANSWER.match(title)):  # ("Does more data shrink it? — On average yes")
        title, back = answered.group(1), "\n\n".join(part for part in (answered.group(2), back.strip()) if part)
    if not back.strip():
        return False
    if _tells_a_story(back):
        ex.skip("question-callout", STORY)
        return True
    question = clean_prose(title)
    if not is_question(title) and (asked := _QUESTION_FIRST.match(back)):  # ("Open question" over the question:
        question, back = clean_prose(asked.group(2)), _ANSWER_MARK.sub("", back[asked.end():], count=1)  # it asks,
        # and what follows answers, after a dash or an arrow too: "Is X …? — On average yes")
        if not back.strip() or _left_open(back):
            ex.skip("question-callout", UNANSWERED)
            return True
    ex.add_pair(CardKind.BASIC, prefix_heading(ex.heading_path(), question), back, div.start,
                form="question-callout", quiet=True, id_front=question)
    return True


# A question callout that answers on its title line, after a dash or an arrow ("Is X always Y? — Not always: …")
_DASH_OR_ARROW = r"(?:—|–|-{1,2}|→|->|=>)"  # (what sets an answer off from its question)
_TITLE_ANSWER = re.compile(rf"([^\n?]{{3,300}}\?)[ \t]+{_DASH_OR_ARROW}[ \t]+(\S.*)")
_ANSWER_MARK = re.compile(rf"^[ \t]*{_DASH_OR_ARROW}[ \t]+")  # (what opens an answer after its question)
# A question callout titled by its kind ("Open question") whose text opens with the question itself (in italics or
# bold too: "*Why not …?* Because …")
_QUESTION_FIRST = re.compile(r"[ \t]*(?P<em>\*\*|__|\*|_)?([^\n?]{3,300}\?)(?:(?P=em))?[ \t]*\n?")
# A title that names a question by its kind ("Question I had", "Open question", "My question", "Q"): its box asks the
# question its text opens with
_NAMES_QUESTION = re.compile(r"(?i)(?:(?:an?|my|one|open|quick)\s+)?(?:questions?|q|faq)(?![\w-])")
UNANSWERED = "asks a question the note does not answer"
# The writer's plan to find out, last after an open question: "Try both on a small graph.", "Check by plotting …"
_PLAN = re.compile(r"(?:Try|Check|Test|Plot|Measure|Run|Compare|Look (?:at|into)|Find out)\b(?![ \t]*:)")


def _left_open(back: str) -> bool:
    """Whether what follows a question it asks ends on the writer's plan to find out ("Some say it is noise. Try both
    on Cora."): a question still open, with hearsay at most, and no answer to recall."""
    said = sentences(" ".join(back.split()))
    return bool(said) and bool(_PLAN.match(said[-1]))


def bold_question(ex, blocks: list[Block], i: int) -> bool:
    """Make the card of a paragraph that starts with a bold question; whether it did. The answer is the rest of
    the paragraph or, when the question stands alone, the paragraph after it (with the list items and formulas
    that continue it)."""
    block = blocks[i]
    first = block.lines[0]
    if first.kind != TEXT or LIST_ITEM.match(first.text) or not (match := _BOLD_QUESTION.match(first.text)):
        return False
    rest = "\n".join([first.text[match.end():]] + [ln.text for ln in block.lines[1:]]).strip()
    if not rest and i + 1 < len(blocks) and blocks[i + 1].kind == DIV_OPEN and blocks[i + 1].attrs.get("answers"):
        rest = join_blocks(blocks[i + 1].children or [], skip_cards=True).strip()  # (the fold it is answered in)
    if not rest:
        answer = []
        for nxt in blocks[i + 1:]:
            if nxt.kind != TEXT or nxt.skip or _BOLD_QUESTION.match(nxt.lines[0].text) or \
                    (answer and not _continues(nxt)):
                break
            answer.append(nxt)
        rest = join_blocks(answer)
    if _tells_a_story(rest):
        ex.skip("bold-question", STORY)
        return True  # (the question is taken: no other form makes a card of it)
    question = clean_prose(match.group(1) + "?")
    ex.add_pair(CardKind.BASIC, prefix_heading(ex.heading_path(), question), rest, first.no, form="bold-question",
                quiet=True, id_front=prefix_heading(ex.heading_path(subject=False), question))
    return True


def mark_answer_folds(blocks: list[Block]) -> None:
    """Mark the HTML folds (`<details><summary>Answer</summary>`) right after a question that stands alone in bold:
    each is that question's answer, as a GitHub reader unfolds it, and makes no card of its own."""
    stack = [blocks]
    while stack:
        children = stack.pop()
        for k, block in enumerate(children):
            if block.kind != DIV_OPEN:
                continue
            stack.append(block.children or [])
            if k and "details" in block.attrs.get("classes", ()) and not is_question(block.attrs.get("title", "")) \
                    and _asks_alone(children[k - 1]):
                block.attrs["answers"] = block.skip = True


def _asks_alone(block: Block) -> bool:
    """Whether a paragraph is only a bold question (its answer comes after it)."""
    first = block.lines[0] if block.kind == TEXT else None
    return first is not None and len(block.lines) == 1 and bool(match := _BOLD_QUESTION.match(first.text)) \
        and not first.text[match.end():].strip()


def _is_example_div(block: Block) -> bool:
    """A div, callout or directive that holds a worked example or an exercise (by its class, title or first
    heading)."""
    if block.kind != DIV_OPEN:
        return False
    title = block.attrs.get("title") or (block.children[0].lines[0].text if block.children and
                                         block.children[0].kind == HEADING else "")
    return bool(EXAMPLE_CLASSES.intersection(block.attrs.get("classes", ()))) or is_example_title(title)


def _without_comments(text: str) -> str:
    """A back made of a section's text: its HTML comments are notes to the author, not part of the answer; a
    horizontal rule (a slide's end in Marp or reveal.js) is no text of it either."""
    text = _COMMENT.sub("", text).strip() if "<!--" in text else text
    if "---" not in text and "***" not in text and "___" not in text:
        return text
    return "\n".join("" if RULE.fullmatch(line) else line for line in text.split("\n")).strip()


def _continues(block: Block) -> bool:
    """Whether a paragraph continues an answer: a list, a display formula, or a sentence begun in lower case."""
    first = block.lines[0]
    return first.kind == MATH or (first.kind == TEXT and (bool(LIST_ITEM.match(first.text))
                                                          or first.text.lstrip()[:1].islower()))


# An answer that only points at another note or page: "[[Gibbs sampling]]", "see [the paper](https://…).", or at where
# the writer put it: "noted in [[Policy gradients]]."
_ONLY_POINTS = re.compile(r"(?i)(?:[ \t]*(?:noted|answered|covered|explained|discussed|written up|filed|logged|moved)[ \t]+"
                          r"(?:(?:it|this|that)[ \t]+)?(?:in|on|at|under|to)[ \t]+)?" + LINKS_LINE)
_OPEN_TASK = re.compile(r"[ \t]*(?:[-*+]|\d+[.)])[ \t]+\[ \][ \t]")  # an unticked task item


def arrow_answers(ex, block: Block) -> bool:
    """Cards of the lines and list items of a paragraph that ask and answer after an arrow (the lines that go on
    an item are part of its answer); whether it made any."""
    found = False
    lines = block.lines
    for k, line in enumerate(lines):
        if line.kind != TEXT or "?" not in line.text or _OPEN_TASK.match(line.text):
            continue  # ("- [ ] why does double Q fix it? → [[Q-learning]]": a question still open, where to look)
        # (found in the line with its code and math masked, same length: `x -> y` or $a => b$ is no arrow)
        masked = _WIKILINK.sub(lambda m: "_" * len(m.group()), mask_inline(line.text)[0])  # (nor in a link's name:
        match = _ARROW_ANSWER.fullmatch(masked)  # "wrote [[AdaBoost#Why does it work? → exp loss]]" asks nothing)
        below = _ARROW_BELOW.fullmatch(lines[k + 1].text) if k + 1 < len(lines) and lines[k + 1].kind == TEXT \
            else None  # ("- Is RMSE the right metric?" and "  → not really; …" on the line under it)
        if match is None and (below is None or not (ask := _ASKED.fullmatch(masked))):
            continue
        span = (match.start("question"), match.end("question")) if match else (ask.start(1), ask.end(1))
        question = clean_prose(line.text[span[0]:span[1]])
        if match and match.group("quoted") and _MORE_ASKED.search(masked, match.start("answer")):
            continue  # ('Quick mental model: "one good item?" → MRR. "Several items?" → NDCG.': a line of choices,
            # each asked in turn, not one question and its answer)
        if match and match.group("quoted") and (opens := max(question.rfind('"'), question.rfind("“"))) >= 0:
            question = question[opens + 1:].lstrip()  # (the quotes only set the question off: not on the front)
        if len(question.split()) < _MIN_QUESTION_WORDS:
            continue
        answer = [line.text[match.start("answer"):]] if match else [below["answer"]]
        if _ONLY_POINTS.fullmatch(answer[0]):
            continue  # ("is there a … for Gibbs? → [[Gibbs sampling]]": where to look, no answer)
        for more in lines[k + (1 if match else 2):]:  # (an item's answer may go on over the lines under it)
            if more.kind != TEXT or LIST_ITEM.match(more.text) or not more.text.strip():
                break
            answer.append(more.text.strip())
        ex.add_pair(CardKind.BASIC, prefix_heading(ex.heading_path(), question), "\n".join(answer), line.no,
                    form="question-arrow", quiet=True, id_front=prefix_heading(ex.heading_path(subject=False), question))
        found = True
    return found

