"""A section's parts: its own text, each paragraph that opens with only a bold label (`**Adapters**`, and such a
line inside a paragraph) with what follows it, and each titled box (a callout's title, a Jupyter Book grid card):
`mlwiki.extract.lists` makes a card of each part. Also the label a plain line gives the one paragraph after it
("The continuous skip-gram model:" over what that model does), in a section too long for one card, and the back
of a part's one card."""

from __future__ import annotations

import re

from mlwiki.extract.blocks import Block, text_of
from mlwiki.extract.claim_heads import AFTER_CLAIM, CLAIM_HEAD
from mlwiki.extract.firstwords import relation_question
from mlwiki.extract.lines import DIV_OPEN, HEADING, LIST_ITEM, MATH, TEXT, Line
from mlwiki.extract.labels import GENERIC_LABELS
from mlwiki.extract.labels import asked_paragraph
from mlwiki.extract.named_answers import named_answer
from mlwiki.extract.paragraphs import in_path, lead_subject
from mlwiki.extract.passages import ABOUT_PAGE, NO_SUBJECT, passage
from mlwiki.extract.prose import clean_prose, sentences, word_count
from mlwiki.extract.questions import QUESTION_CALLOUTS
from mlwiki.extract.subject import EXAMPLE_CLASSES, is_example_title
from mlwiki.extract.trees import tree_labels

# A paragraph's first line that only says **Label**: a part of the section of its own
_BOLD_LABEL = re.compile(r"[ \t]*\*\*([^*\n]{2,80}?):?\*\*:?[ \t]*")
# Untitled callouts whose text goes on with the section's own (a note or tip beside a formula), in Quarto
# (`.callout-note`), MyST (```{note}```) and Obsidian (`> [!tip]`)
_ASIDE_CALLOUTS = frozenset(("note", "tip", "important", "info", "remark"))
_BOX = {"box": True}  # (the attributes of a titled box made a part of its section)
_IN_BOX = {"box": True, "more": True}  # (and of a paragraph after its first, or its formula's after its argument:
# in the same part)
_OPTION = re.compile(r"[ \t]*:[\w-]+:")  # a directive's option line, ":label: def-mc"
_BOX_RULE = re.compile(r"[ \t]*\^{3,}[ \t]*")  # the line under a grid card's title
# "**Problems:**" over "- the vectors are sparse …": what goes wrong with the section's subject, not an exercise
_ISSUES_LABEL = re.compile(r"(?i)(?:(?:main|key|common)\s+)?(?:problems?|solutions?)")
_BULLET = re.compile(r"[ \t]*[-*+][ \t]")
_LIST_OR_TABLE = re.compile(r"[ \t]*(?:[-*+]|\d+[.)]|\|)[ \t]")
# A line over a list of what is still to do or to read, not of what is known ("TODO", "Open questions", "Links")
# A paragraph that is only a Quarto margin span: "[Cycle length: one to five epochs.]{.aside}"
_SPAN = re.compile(r"\[([^\]]+)\]\{\.(?:aside|column-margin)\}", re.DOTALL)
# The word a paragraph opens on that links it to the box above it ("So concretely: …", "Hence …")
_LINK = re.compile(r"(?:So|Hence|Thus|Therefore)\b,?[ \t]+(?=\S)")
_ERRANDS = re.compile(r"(?i)(?:todo|to do|to ?read|(?:open )?questions?|links?|references?|(?:further )?reading|"
                      r"resources?|see also|related|sources?|next(?: steps)?|tomorrow|ideas?)")


def exercise_part(label: str, blocks: list[Block]) -> bool:
    """Whether a part's bold label opens a worked example or an exercise ("**Example**", "**Problem 3**"); a bare
    "**Problems:**" or "**Solutions:**" over a bulleted list names a subject's problems or their fixes."""
    if not is_example_title(label, own_runs=False):
        return False
    return not (_ISSUES_LABEL.fullmatch(label) and blocks and _BULLET.match(blocks[0].lines[0].text))


def _argument_end(lines: list[Line]) -> int:
    """Where a box's argument ends: after the last whole sentence before the line that introduces its first display
    formula ("[!warning] … static": why, then "The fix: …:" over the formula, whose card holds it and what follows);
    the end of the box when there is no formula, or no whole sentence before its lead-in."""
    first = next((k for k, ln in enumerate(lines) if ln.kind == MATH), None)
    if first is None:
        return len(lines)
    ends = [k for k in range(first) if lines[k].kind == TEXT and lines[k].text.rstrip().endswith((".", "!", "?"))]
    return ends[-1] + 1 if ends and ends[-1] + 1 < first else len(lines)


def titled_boxes(div: Block) -> list[Block]:
    """The boxes of a div that carry a title: a callout's (`> [!info] Parameters`) or one underlined with `^^^`
    (Jupyter Book's grid cards: "Deep Learning", `^^^^`, what it is), each as a `**Title**` paragraph: a part of
    the section of its own; the paragraphs of an untitled note or tip, as the section's own. Question callouts,
    exercises and card divs are cards (or not) of their own."""
    title = div.attrs.get("title", "").strip()
    classes = div.attrs.get("classes", ())
    if div.skip:
        return []  # (an HTML fold that answers the bold question before it: on that question's card)
    if title and _titles_part(div, title):
        own = _titled_box(div, title) + _inner_boxes(div)  # (Docusaurus's `:::::note` holding a `::::warning
        if own:  # Title`: a part of its own)
            return sorted(own, key=lambda box: box.start)
    children = div.children or []
    if not title and any(c.removeprefix("callout-") in _ASIDE_CALLOUTS or c == "details" for c in classes) \
            and not any(child.kind == HEADING for child in children):  # (a callout titled by its "## Why …?")
        text = [child for child in children if child.kind == TEXT]  # ("X is invertible only when …")
        return _headed_box(text) if text and not div.attrs.get("myst") and _opens_on_label(text[0].lines[0].text) \
            else text  # (a MyST note's text goes on with the section's, its label or not: `callouts.aside_cards`)
    boxes: list[Block] = []
    stack = [div]
    while stack:
        for child in reversed(stack.pop().children or []):
            if child.kind == DIV_OPEN:
                stack.append(child)
            elif child.kind == TEXT and len(child.lines) > 2 and _BOX_RULE.fullmatch(child.lines[1].text) \
                    and child.lines[0].kind == TEXT and child.lines[0].text.strip():
                title = child.lines[0]
                boxes.append(Block(TEXT, [Line(title.no, f"**{title.text.strip()}**", TEXT), *child.lines[2:]],
                                   attrs=_BOX))
    return sorted(boxes, key=lambda box: box.start)


def _titles_part(div: Block, title: str) -> bool:
    """Whether a box's title makes its text a part of its section: not a question's (a card of its own), a card
    div's, an example's or an exercise's."""
    classes = div.attrs.get("classes", ())
    return not div.skip and not title.endswith("?") and not {"card", "no-card"}.intersection(classes) \
        and not EXAMPLE_CLASSES.intersection(classes) and not any(c in QUESTION_CALLOUTS for c in classes)


def _titled_box(div: Block, title: str) -> list[Block]:
    """The text of a titled box, as `**Title**` paragraphs (its nested boxes: `_inner_boxes`)."""
    text = [child for child in div.children or [] if child.kind == TEXT]
    if len(text) > 1 and any(line.kind == MATH for block in text for line in block.lines):
        return _box_paragraphs(div.start, title, text)  # (paragraphs: the formula's card takes its own)
    if not text:
        return []
    lines = [line for block in text for line in block.lines]
    cut = _argument_end(lines)  # (the argument before a formula's lead-in: a box of its own, under the title)
    boxed = [Block(TEXT, [Line(div.start, f"**{clean_prose(title)}**", TEXT), *lines[:cut]], attrs=_BOX)]
    return boxed + ([Block(TEXT, lines[cut:], attrs=_IN_BOX)] if cut < len(lines) else [])


def _inner_boxes(div: Block) -> list[Block]:
    """The text of the titled boxes nested in a titled box, each a part of the section as the outer one is:
    Docusaurus nests admonitions by giving the outer one more colons (`:::::note Where the norm goes` around
    `::::warning Post-LN needs warmup`), and the inner box shows as a box of its own, titled, inside the outer one.
    (A stack, not recursion: boxes may nest deep.)"""
    boxes: list[Block] = []
    stack = [div]
    while stack:
        for child in stack.pop().children or []:
            title = child.attrs.get("title", "").strip() if child.kind == DIV_OPEN else ""
            if title and _titles_part(child, title):
                boxes += _titled_box(child, title)
                stack.append(child)
    return boxes


def section_parts(body: list[Block], line: int) -> list[tuple[str | None, int, list[Block]]]:
    """(bold label or None, line, blocks) of a section: a paragraph whose first line is only a bold label
    ("**Adapters**", "**Issues of permutation probability**") starts a part that runs to the next one; a titled box
    is a part by itself (the text after it goes on with the section's own part)."""
    parts: list[tuple[str | None, int, list[Block]]] = [(None, line, [])]
    current = parts[0][2]
    run = None  # the label a run of parts led by bold names started under ("**Probability of improvement**")
    boxed = False  # the block before was a titled box's
    after_claim = False  # the block before was a paragraph headed by a claim in bold
    for block in (piece for whole in body for piece in _at_labels(whole)):
        first = block.lines[0]
        if boxed and block.attrs is None and first.kind == TEXT and _POINTS_BACK.match(first.text):
            parts[-1][2].append(block)  # ("(Otherwise $v^T K v$ could be negative.)" after a definition box: of it)
            continue
        boxed = block.attrs is _BOX or block.attrs is _IN_BOX
        match = _BOLD_LABEL.fullmatch(first.text) if first.kind == TEXT and "**" in first.text else None
        if not match and first.kind == TEXT and first.text[:2] == "**" and (head := _run_in_head(first.text)):
            match, after = head, first.text[head.end():]  # ("**Histogram-based splits.** Bucket each feature …")
            block = Block(TEXT, [first, Line(first.no, after, TEXT), *block.lines[1:]], attrs=block.attrs)
        elif not match and parts[-1][0] is not None and current is parts[-1][2] and first.text[:2] == "**" \
                and (head := _PARALLEL_HEAD.match(first.text)):
            run = run or parts[-1][0]  # ("**Probability of improvement**" / … / "**Expected improvement** — …": a
            match, after = head, first.text[head.end():]  # part of its own, as the label's; not the end of that one)
            block = Block(TEXT, [first, Line(first.no, after, TEXT), *block.lines[1:]])
        elif run and current is parts[-1][2] and _unannounced_table(block, current):
            parts.append((None, first.no, [Block(TEXT, block.lines, attrs={"id_under": run})]))  # (a table after
            current, run = parts[-1][2], None  # the run compares its parts: the section's; its ids kept from under
            continue  # the first label)
        else:
            run = run if not match else None
        if not match:
            if after_claim and current is parts[0][2] and block.attrs is None:
                block = Block(TEXT, block.lines, attrs=AFTER_CLAIM)  # (no opening of the section: its claims were)
            after_claim = False
            (parts[-1][2] if block.attrs is _IN_BOX else current).append(block)
            continue
        rest = [Block(TEXT, block.lines[1:])] if len(block.lines) > 1 else []
        parts.append((clean_prose(match.group(1)), first.no, rest))
        after_claim = claim_head(first.text)  # (a claim heads its own paragraph only: what follows is the
        # section's, its cards' fronts as they were)
        current = parts[0][2] if block.attrs is _BOX or after_claim else parts[-1][2]
    return [part for part in parts if part[2]]


def _opens_on_label(text: str) -> bool:
    """Whether a box's first line opens on a bold label of a part ("**Impurity.** A split …")."""
    return text[:2] == "**" and bool(_BOLD_LABEL.fullmatch(text) or _run_in_head(text))


def _headed_box(text: list[Block]) -> list[Block]:
    """The paragraphs of an untitled box that opens on a bold label, as a titled box's: the part the label starts
    ends with the box (hugo-book's `{{< hint >}}` "**Impurity.** …" titles no text after the hint)."""
    return [Block(TEXT, text[0].lines, attrs=_BOX), *(Block(TEXT, block.lines, attrs=_IN_BOX) for block in text[1:])]


def _unannounced_table(block: Block, before: list[Block]) -> bool:
    """Whether a paragraph is a table that the text before it does not announce ("… compared:")."""
    return bool(_TABLE_ROW.match(block.lines[0].text)) and not (before and text_of(before[-1]).rstrip().endswith(":"))


# A paragraph's run-in head, a short phrase in bold that ends in a full stop: "**Histogram-based splits.** Bucket …"
# (a sentence may open on math); a head may name its subject and then what of it, "**Fisher: sharp null.**", and
# be numbered as one of a list of them, "**1. Balancing property.**" (the number is no part of its name)
_RUN_IN = re.compile(r"\*\*(?:\d{1,2}[.)][ \t]+)?(?P<label>[A-Z][^*\n.!?:]{1,40}?(?::[ \t]+[^*\n.!?:]{2,40}?)?)\.\*\*[ \t]+(?=[A-Z($])")
_TABLE_ROW = re.compile(r"[ \t]*\|")
# A paragraph's first word that points back at what stands before it ("(Otherwise …)", "This …")
_POINTS_BACK = re.compile(r"[(\[]?(?:Otherwise|Else|This|These|It|Its|Such)\b")
# A paragraph led by a bold name and a dash, a bracket or a colon: "**Expected improvement** — the expected …"
_PARALLEL_HEAD = re.compile(r"\*\*([^*\n]{2,60}?)\*\*(?:[ \t]*(?:—|--|:)[ \t]+|[ \t]+(?=\())")
# Heads of a statement or an aside, which their own forms read: no subject of a part
_STATEMENTS = frozenset("theorem lemma proposition corollary proof definition remark claim example exercise note "
                        "solution".split())


def claim_head(text: str) -> bool:
    """Whether a paragraph opens on a short claim in bold that it argues ("**Scaling is a choice.** PCA is …")."""
    match = _RUN_IN.match(text)
    return match is not None and bool(CLAIM_HEAD.fullmatch(match.group("label"))) \
        and not _PRONOUN_FIRST.match(match.group("label"))


def _run_in_head(text: str) -> re.Match | None:
    """The run-in head a paragraph opens with, when it names a subject (not "**Theorem.**", "**Note.**")."""
    if claim_head(text):
        return _RUN_IN.match(text)  # ("**Centering is required.** The derivation …": the claim the paragraph argues)
    match = _RUN_IN.match(text)
    if match is None or len(match.group("label").split()) > MAX_RUN_IN_WORDS \
            or _SENTENCE_WORDS.search(match.group("label")) or _PRONOUN_FIRST.match(match.group("label")):
        return None  # ("**It is used in multi-class classification.**": a sentence in bold, no head)
    label = match.group("label").casefold()
    return None if label.split()[0].rstrip(":") in _STATEMENTS or label in GENERIC_LABELS else match


def _at_labels(block: Block) -> list[Block]:
    """A paragraph cut before each line after its first that is only a bold label (`**Pros**` / list / `**Cons**` /
    list, written without blank lines): each label starts a part of its own."""
    cuts = [k for k, ln in enumerate(block.lines) if k and ln.kind == TEXT and "**" in ln.text
            and _BOLD_LABEL.fullmatch(ln.text) and not _goes_on(block.lines[k - 1].text, ln.text)]
    if not cuts or block.attrs is _BOX:
        return [block]
    edges = [0, *cuts, len(block.lines)]
    return [Block(TEXT, block.lines[a:b]) for a, b in zip(edges, edges[1:])]


def _goes_on(before: str, line: str) -> bool:
    """Whether an indented line in bold ends the sentence of the list item above it ("- … → these are the" /
    "  **support vectors**"): no label of a part."""
    return line[:1] in " \t" and bool(before.strip()) and before.rstrip()[-1:] not in ":.!?*"


# A line that only names what the paragraph under it explains: a few words, a colon, no verb of a sentence
_LABEL_LINE = re.compile(r"[ \t]*(?P<label>[A-Z][\w()/-]*(?:[ \t]+[\w()/-]+){0,6}?)[ \t]*:[ \t]*")
_SENTENCE_WORDS = re.compile(r"(?i)\b(?:is|are|was|were|be|we|you|i|let|here|following|follows|below|above|these|this|"
                             r"there|using|use|note|example|step|steps|where|or|and|then|ask|your|yourself|overall|"
                             r"in (?:essence|short|summary|brief|practice|general|other words)|basically|essentially|"
                             r"recap)\b|\d")  # ("In essence:" sums up what came before: no subject)
MIN_LABELLED_WORDS = 10
MAX_RUN_IN_WORDS = 6
_PRONOUN_FIRST = re.compile(r"(?i)(?:it|they|this|that|these|those|he|she|its|their)\b")


def label_line(block: Block, after: Block | None) -> str | None:
    """The label of a paragraph that is one short line ending in ":" ("The continuous skip-gram model:") when the
    paragraph after it is prose (no list, no formula); None otherwise."""
    if len(block.lines) != 1 or block.lines[0].kind != TEXT or after is None or after.lines[0].kind != TEXT \
            or any(line.kind != TEXT for line in after.lines) or after.lines[0].text.lstrip()[:1] in "-*+$|>!`0123456789":
        return None
    match = _LABEL_LINE.fullmatch(block.lines[0].text)
    if match is None or _SENTENCE_WORDS.search(match.group("label")) or len(match.group("label").split()) < 2:
        return None  # (one word, "Where:", "Or:", "Output:", heads a legend or a case more often than a subject)
    return clean_prose(match.group("label"))


def _subject_label(block: Block, after: Block | None) -> str | None:
    """`label_line`'s label when it names a subject (not "Note:", "Example:", "Step 2:")."""
    label = label_line(block, after)
    if label is None or label.casefold() in GENERIC_LABELS or NO_SUBJECT.fullmatch(label) or \
            is_example_title(label, own_runs=False):
        return None
    return label


def opening_front(path: str, blocks: list[Block], free: list[bool], used: int) -> str:
    """The front of a section's opening card: `path`, or "… › The continuous bag-of-words model" when a label line
    stands right over the opening paragraph, as `labelled_paragraph` titles the later ones; or "… › Regularisation
    $\\lambda$" when a list or a table answers the heading first and the paragraph after them names a subject of its
    own (the heading asks for the list, not for that paragraph)."""
    label = _subject_label(blocks[used - 1], blocks[used]) if used > 0 and free[used - 1] else None
    if label is None and used > 0 and any(_LIST_OR_TABLE.match(b.lines[0].text) for b in blocks[:used]):
        if asked := asked_paragraph(path, blocks[used]):
            return asked[0]  # ("Why the fp32 master weights: …" after the recipe's steps)
        first = sentences(" ".join(ln.text for ln in blocks[used].lines if ln.kind == TEXT))[:1]
        if first and (asked := relation_question(clean_prose(first[0]))):
            return f"{path} › {asked}"  # ("ATT ≠ ATE whenever effects …": "When is ATT ≠ ATE?")
        subject = lead_subject(clean_prose(first[0])) if first else None
        label = subject if subject and not in_path(subject, path) and not _names_path(subject, path) \
            and not _a_row_of(subject, blocks[:used]) else None
    return f"{path} › {label}" if label else path


def _names_path(subject: str, path: str) -> bool:
    """Whether a subject is a heading of the path said longer or shorter: "Monte Carlo simulation" under "Monte
    Carlo", "MCMC" under "Markov Chain Monte Carlo" (what the heading asks for already)."""
    words = set(subject.casefold().split())
    for part in path.split(" › "):
        heading = part.casefold().split()
        if heading and set(heading) <= words or subject.isupper() and subject == "".join(w[0] for w in part.split()).upper():
            return True
    return False


def _a_row_of(subject: str, blocks: list[Block]) -> bool:
    """Whether a cell of a table or an item of a list before the paragraph is labelled with its subject ("| Ward |
    …", "| High variance: … |"): then the paragraph remarks on that row, whose card the subject asks for."""
    bare = " ".join(w for w in subject.casefold().split() if w not in ("a", "an", "the"))
    return any(cell.split(":", 1)[0].strip(" *_-").casefold() == bare
               for block in blocks for ln in block.lines if _LIST_OR_TABLE.match(ln.text)
               for cell in ln.text.lstrip(" \t-*+").split("|"))


def labelled_paragraph(blocks: list[Block], k: int, free: list[bool], used: int,
                       declined: bool) -> tuple[str, str, int] | None:
    """(label, back, line) when blocks[k] is a label line (see `label_line`) over a paragraph no other card took
    that explains in words; its label names a subject (not "Note:", "Example:", "Step 2:")."""
    after = blocks[k + 1] if k + 1 < len(blocks) and free[k + 1] and k + 1 != used else None
    label = _subject_label(blocks[k], after)
    if label is None:
        return None
    back = passage([after], True, declined)
    if back is None or word_count(clean_prose(back)) < MIN_LABELLED_WORDS:
        return None
    return label, back, after.start


def introduces_list(blocks) -> bool:
    """Whether a line of prose ending in ":" stands right before a list item in the blocks (paragraphs)."""
    lines = [ln for block in blocks for ln in block.lines if ln.kind == TEXT and ln.text.strip()]
    return any(ln.text.rstrip().endswith(":") and not LIST_ITEM.match(ln.text) and k + 1 < len(lines)
               and LIST_ITEM.match(lines[k + 1].text) for k, ln in enumerate(lines))


# A text in lower case that opens on what to do: an exercise or the writer's task
_TASK_START = re.compile(r"[ \t]*(?:compute|calculate|find|show(?=[ \t]+(?:that|how|why|the|it|this|an?)\b)|prove|"
                         r"implement|try|write|plot|solve|derive|build|train|read|check)\b")  # ("show that …"; not
# "show each user a merged list …", a method typed in a hurry)


def _notes_lead(blocks: list[Block]) -> bool:
    """Whether a part opens on a line that speaks of the notes themselves and only leads into the list after it
    ("Rushed notes from the last minutes of the lecture:", "My notes from the reading group:"): no fact, but the
    list it leads into is the part's."""
    if len(blocks) < 2 or len(blocks[0].lines) != 1 or not LIST_ITEM.match(blocks[1].lines[0].text):
        return False
    lead = blocks[0].lines[0].text.strip()
    return lead.endswith(":") and not LIST_ITEM.match(lead) and bool(ABOUT_PAGE.match(clean_prose(lead)))


def part_passage(blocks, label: str | None, declined: bool, path: str, headed: bool = False) -> str | None:
    """The back of a section part's one card (`passages.passage`); with definitions off, a bold label's list of
    `**Term**:` items, which nothing else cards, unless a sentence ending in ":" introduces them (a list card).
    `headed`: the part is a heading's text, which may start in lower case as a label's does (notes typed in a hurry:
    "with prob ε take a random action …" goes on from nothing before it)."""
    if tree_labels(blocks, declined) is not None:
        return None  # (an outline of branches: a card per branch, `outline_cards`', and one of their names)
    headed = headed and not (blocks and _TASK_START.match(blocks[0].lines[0].text))  # ("implement a rudimentary SGD
    # …" under "## Implement SGD": the writer's task, not a fact typed in a hurry)
    if _notes_lead(blocks):
        blocks = blocks[1:]  # ("Rushed notes from the end of lecture 6:" over its list: the list is the part's text)
    back = passage(blocks, label is not None or headed, declined, names_of=path)
    if back is None and label and not declined and not introduces_list(blocks):
        back = passage(blocks, True, True, names_of=path)
    if back is None and headed and label is None:
        back = named_answer(blocks)  # ("## Decoding" over "Viterbi."; not a note's opening line)
    return back


def _box_paragraphs(start: int, title: str, text: list[Block]) -> list[Block]:
    """A titled box that holds a display formula as its paragraphs, the first under the box's title: the formula's
    card takes its own paragraph's lines, and the sentence before it ("A **Markov chain** is …") is still free to
    be the part's opening card (one block of them all was taken whole by the formula's)."""
    k = next((k for k, block in enumerate(text) if not all(_OPTION.match(ln.text) for ln in block.lines)), 0)
    lines = [line for block in text[:k + 1] for line in block.lines]  # (the directive's `:label:` lines with it)
    head = Block(TEXT, [Line(start, f"**{clean_prose(title)}**", TEXT), *lines], attrs=_BOX)
    return [head, *(Block(TEXT, block.lines, attrs=_IN_BOX) for block in text[k + 1:])]


def after_box(block: Block, before: Block) -> Block:
    """A paragraph as a part of its section: one right after a box that opens on the word linking it to the box
    ("So concretely: pick any …") without that word. The box is no part of the section's text, so read there the
    paragraph went on from nothing and was no card; what it says stands alone."""
    if before.kind != DIV_OPEN or not (link := _LINK.match(block.lines[0].text)):
        return block
    first = block.lines[0]
    rest = first.text[link.end():]
    return Block(TEXT, [Line(first.no, rest[:1].upper() + rest[1:], first.kind, first.attrs), *block.lines[1:]],
                 attrs=block.attrs)


def labelled_aside(block: Block, before: Block | None = None) -> bool:
    """Whether a paragraph is a list under a line that names no subject of study ("TODO", "Questions", "Links"), as
    a heading of that name would: what it lists is no part of the section's text. The line may stand alone as the
    paragraph `before` it ("References", a blank line, the list), or be that paragraph itself. A paragraph that is
    only a margin span (`[…]{.aside}`) is no part of it either: a card of its own (`margins`)."""
    if "]{." in block.lines[-1].text and margin_span(block) is not None:
        return True
    if before is not None and before.kind == TEXT and len(before.lines) == 1 and LIST_ITEM.match(block.lines[0].text):
        return _errands(before.lines[0].text) or labelled_aside(block)
    return len(block.lines) > 1 and not LIST_ITEM.match(block.lines[0].text) \
        and bool(LIST_ITEM.match(block.lines[1].text)) and _errands(block.lines[0].text) \
        or len(block.lines) == 1 and _errands(block.lines[0].text)  # (the line alone: no text of the section either)


def margin_span(block: Block) -> str | None:
    """The text of a paragraph that is only a Quarto margin span (`[…]{.aside}`, `[…]{.column-margin}`); None for
    any other."""
    span = _SPAN.fullmatch("\n".join(ln.text for ln in block.lines).strip())
    return span.group(1) if span else None


def _errands(line: str) -> bool:
    """Whether a line only names what is to do or to read (`_ERRANDS`): "TODO", "**References:**"."""
    return bool(_ERRANDS.fullmatch(line.strip().strip("*_").rstrip(":").strip()))
