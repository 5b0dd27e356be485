"""Questions asked in a list item with their answer written under it (and beliefs put right, `corrections`), as self-test questions are written in many
notes: a Notion toggle exports as `- Why …?`, a blank line and the answer indented under the bullet; an Obsidian or
Logseq outline writes `- Why …?` with `  - answer` items nested under it. Each is a card: front = the heading path
and the question, back = exactly what the item holds under its question (its paragraphs and nested items), nothing
of the next item. A question with nothing under it is the writer's open question: no card.

`ex` is the walk over the note (`mlwiki.extract.walk.Extractor`)."""

from __future__ import annotations

import re

from mlwiki.extract.blocks import Block, block_lists
from mlwiki.extract.corrections import FORM as CORRECTION, correction
from mlwiki.extract.lines import LIST_ITEM, TEXT, Line
from mlwiki.extract.passages import LINKS_LINE
from mlwiki.extract.prose import clean_prose, prefix_heading
from mlwiki.extract.subject import is_example_title
from mlwiki.models import CardKind

FORM = "question-item"
_MIN_WORDS = 2  # ("- Why?" over a sub-bullet asks nothing a card could say)
_MAX_WORDS = 30
_LABEL_WORDS = 6  # (an outline's item over a question, short enough to be a heading)  # (a longer item is a paragraph that happens to end on a question)
_TASK = re.compile(r"[ \t]*(?:[-*+]|\d+[.)])[ \t]+\[[ xX]\][ \t]")  # a task item, done or not: the writer's errand
# A question without its mark: a question word and the verb that asks ("What does $\alpha$ control", "Why not …")
_ASKS = re.compile(r"(?i)(?:why|how|what|when|where|which|who)[ \t]+(?:is|are|was|were|does|do|did|can|could|should|"
                   r"would|will|has|have|not)\b")
_SENTENCE_END = re.compile(r"[.!:;][ \t]|\?[ \t]+\S")  # (a statement before the question, or text after it)
_ONLY_POINTS = re.compile("(?i)" + LINKS_LINE)
# An answer yet to be written: "(todo — recall@k, NDCG …)", "TBD", "???"
_NOT_YET = re.compile(r"(?i)[\W_]*(?:todo|to-?do|tbd|tba|fill in|\?{2,})(?![\w-])")
# A heading over questions still open to the writer: what stands under them is a guess, no answer ("Questions I still
# have", "open q's", "Unanswered questions"; a plain "Open questions" may hold answered ones)
_STILL_OPEN = re.compile(r"(?i)[\W\d_]*(?:(?:unanswered|unresolved)\s+questions|open\s+q['’]?s|questions\s+(?:i|we)\s+"
                         r"still\s+have|things\s+i\s+(?:still\s+)?(?:don['’]t|do\s+not)\s+(?:get|understand))[\W\d_]*")
_EMPHASIS = re.compile(r"^(\*\*|__|\*|_)(.+)\1$")
ITEM_FIRST = "-*+0123456789"  # (what a list item's line starts with: a cheap test before LIST_ITEM's)


def _indent(text: str) -> int:
    return len(text) - len(text.lstrip(" \t"))


def asked(item_text: str) -> str | None:
    """The question a list item's text asks (its bullet and emphasis off, a question mark added when a question word
    opens it without one), or None when it does not ask: a statement, a task, a label, "Exercise 2.1: …"."""
    text = LIST_ITEM.sub("", item_text, count=1).strip()
    if (em := _EMPHASIS.match(text)) is not None:
        text = em.group(2).strip()
    if not text or "?" not in text and not _ASKS.match(text):
        return None
    question = clean_prose(text)
    if not question.endswith("?"):
        if not _ASKS.match(question) or question[-1:] in ".:;,!":
            return None
        question += "?"
    words = len(question.split())
    if not _MIN_WORDS <= words <= _MAX_WORDS or _SENTENCE_END.search(question) or is_example_title(question):
        return None
    return question


def with_toggles_joined(blocks: list[Block]) -> list[Block]:
    """The blocks with each list whose last item asks a question joined to the paragraphs indented under that item (a
    Notion toggle's answer, after a blank line): one paragraph, as a Markdown reader sees one item, which the walk
    reads as one."""
    for children in block_lists(blocks):
        k = 0
        while k < len(children):
            block = children[k]
            if block.kind == TEXT and block.lines[-1].text.lstrip()[:1] in ITEM_FIRST:
                _take_answer(children, k)  # (a paragraph whose last line is a list item: the cheap test first)
            k += 1
    return blocks


def _take_answer(children: list[Block], k: int) -> None:
    """Join to children[k] the paragraphs after it indented deeper than its last line, a list item that asks."""
    block = children[k]
    last = block.lines[-1]
    if last.kind != TEXT or not LIST_ITEM.match(last.text) or _TASK.match(last.text) or asked(last.text) is None:
        return
    depth, end = _indent(last.text), k + 1
    while end < len(children) and children[end].kind == TEXT and not children[end].skip \
            and all(_indent(ln.text) > depth for ln in children[end].lines if ln.text.strip()):
        end += 1
    if end > k + 1:
        lines = block.lines + [ln for b in children[k + 1:end] for ln in b.lines]
        children[k:end] = [Block(TEXT, lines, skip=block.skip)]


def item_questions(ex, blocks: list[Block], i: int) -> None:
    """Make the card of each list item of the paragraph blocks[i] that asks a question with its answer under it, and
    leave in its place the paragraph without those items and their answers, for the other forms to read (one that
    makes no card when nothing is left)."""
    block = blocks[i]
    lines = block.lines
    if lines[0].text[:1] not in ITEM_FIRST or block.skip or not ex.ctx.question_headings or lines[0].kind != TEXT \
            or not LIST_ITEM.match(lines[0].text):
        return  # (the common paragraph, said cheaply; one after `<!-- no-card -->` makes no card)
    used: set[int] = set()
    k = 0
    while k < len(lines):
        end = _item_end(lines, k)
        if end > k + 1 and _card(ex, lines, k, end) or _corrected(ex, lines, k, end):
            used.update(range(k, end))
            k = end
        else:
            k += 1
    if used:
        rest = [ln for j, ln in enumerate(lines) if j not in used]
        blocks[i] = Block(TEXT, rest) if rest else Block(TEXT, lines, skip=True)


def _corrected(ex, lines: list[Line], k: int, end: int) -> bool:
    """The card of the item at line k when it says what the writer believed and what is right instead (`corrections`),
    with what is nested under it; whether it made one."""
    line = lines[k]
    if line.kind != TEXT or "hought" not in line.text[:24] and "elie" not in line.text[:24] \
            and "ssum" not in line.text[:24] or not (found := correction(line.text)):
        return False  # (the common item: said cheaply)
    question, back = found
    more = _answer(lines[k + 1:end]) if end > k + 1 else None
    path = _path(ex.heading_path(), _labels_above(lines, k))
    ex.add_pair(CardKind.BASIC, prefix_heading(path, question), f"{back}\n{more}" if more else back, line.no,
                form=CORRECTION, quiet=True)
    return True


def _item_end(lines: list[Line], k: int) -> int:
    """The index past the lines nested under line k (those indented deeper than it)."""
    depth, end = _indent(lines[k].text), k + 1
    while end < len(lines) and (not lines[end].text.strip() or _indent(lines[end].text) > depth):
        end += 1
    return end


def _card(ex, lines: list[Line], k: int, end: int) -> bool:
    """The card of the item at line k, when it asks and its answer stands under it (after a blank line, or as
    nested items): whether the item is taken, a card made or a question left out in a worked example."""
    line = lines[k]
    if line.kind != TEXT or not LIST_ITEM.match(line.text) or _TASK.match(line.text) or end == k + 1:
        return False
    start = k + 1
    while start < end and lines[start].no == lines[start - 1].no + 1 and lines[start].kind == TEXT \
            and not LIST_ITEM.match(lines[start].text):
        start += 1  # (the item's own text, wrapped over lines: the question goes on)
    question = asked(" ".join(ln.text.strip() for ln in lines[k:start]))
    if question is None or start == end or any(_STILL_OPEN.fullmatch(h) for _, h in ex.headings):
        return False
    back = _answer(lines[start:end])
    if back is None:
        return False
    labels = _labels_above(lines, k)
    ex.add_pair(CardKind.BASIC, prefix_heading(_path(ex.heading_path(), labels), question), back, line.no, form=FORM,
                quiet=True, id_front=prefix_heading(_path(ex.heading_path(subject=False), labels), question))
    return True


def _labels_above(lines: list[Line], k: int) -> list[str]:
    """The items an outline nests the item at line k under, outermost first, when each is a label ("- Questions",
    "- A/B tests"): they say what the question is about, as headings would."""
    labels: list[str] = []
    depth = _indent(lines[k].text)
    for j in range(k - 1, -1, -1):
        text = lines[j].text
        if depth == 0:
            break
        if lines[j].kind != TEXT or not text.strip() or _indent(text) >= depth:
            continue
        depth = _indent(text)
        label = clean_prose(LIST_ITEM.sub("", text, count=1)).strip("*_ :")
        if not LIST_ITEM.match(text) or not label or len(label.split()) > _LABEL_WORDS or label[-1:] in ".?!;,":
            return []  # (an item nested in a sentence's: it goes on that sentence, no heading of it)
        labels.insert(0, label)
    return labels


def _path(path: str, labels: list[str]) -> str:
    return " › ".join([path, *labels] if path else labels)


def _answer(lines: list[Line]) -> str | None:
    """The text of an answer's lines, unindented, a blank line where the note had one; a lone nested item without
    its bullet. None when it answers nothing: it opens with a question (the writer's next questions) or a to-do, it
    holds only tasks or a link."""
    depth = min(_indent(ln.text) for ln in lines if ln.text.strip())
    said = [ln for ln in lines if ln.kind != TEXT or ln.text.strip() and not _TASK.match(ln.text)]
    if not said or said[0].kind == TEXT and (said[0].text.rstrip().endswith("?") or _NOT_YET.match(said[0].text)):
        return None  # (what opens it asks again: the points the writer means to think through, not an answer)
    parts: list[str] = []
    for j, ln in enumerate(lines):
        if j and ln.no > lines[j - 1].no + 1:
            parts.append("")
        parts.append(ln.text[depth:] if _indent(ln.text) >= depth else ln.text.strip())
    items = [p for p in parts if LIST_ITEM.match(p) and _indent(p) == 0]
    if len(items) == 1 and LIST_ITEM.match(parts[0]):
        parts = [LIST_ITEM.sub("", parts[0], count=1)] + [p[2:] if p[:2] == "  " else p for p in parts[1:]]
    text = "\n".join(parts).strip()
    if not text or _ONLY_POINTS.fullmatch(text):
        return None
    return text
