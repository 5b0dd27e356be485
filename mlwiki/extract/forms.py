"""The card forms written for mlwiki: `Q:`/`A:`, `front :: back`, multi-line `?` cards, card divs, clozes and
`**Term**:` definitions. Each turns a block into drafts through the extractor's `add_pair`/`emit`.

`ex` in every function is the walk over the note (`mlwiki.extract.walk.Extractor`): its settings, what it has
found so far, and where cards go.
"""

from __future__ import annotations

import re

from mlwiki.extract.asked_names import heads_checks, names_a_thing
from mlwiki.extract.blocks import (Block, after_marker, find_line, join, join_blocks, list_items, split_block)
from mlwiki.extract.clozes import anki_cloze_text, find_clozes, render_clozes
from mlwiki.extract.draft import Draft
from mlwiki.extract.lines import (BLANK, COMMENT, DIV_OPEN, HEADING, LIST_ITEM, MATH, NUMBERED_ITEM, TEXT, Line,
                                  indent_width)
from mlwiki.extract.lazy_labels import item_starts, lazy_label_item
from mlwiki.extract.masking import mask_inline
from mlwiki.extract.not_defining import says_other_than_what
from mlwiki.extract.options import options_over
from mlwiki.extract.prose import breaks_off, claim_subject, clean_prose, prefix_heading, sentences
from mlwiki.extract.statement_tails import INTRODUCES, with_tails, without_block_ids
from mlwiki.extract.setting_claims import claims_of_setting
from mlwiki.extract.sibling_items import hold_siblings, noted
from mlwiki.extract.subject import (advises, judges, label_front, lists_uses, measures, names_no_term,
                                    reads_as_definition, stands_for)
from mlwiki.models import CardKind, Severity


# `**Term**:` or `**Term:**`, at the start of a paragraph or list item; the colon is required, so a paragraph
# that merely starts in bold ("**Definition**. Let …", "**Note** that …") is not a definition.
# (`**BCa** (bias-corrected and accelerated): …`: a parenthesis between the term and its colon is part of the term)
DEFINITION = re.compile(r"[ \t]*(?:[-*+][ \t]+|\d+[.)][ \t]+)?\*\*([^*\n]+?)(?::\*\*|\*\*(?:[ \t]+(v\d[\w.]*))?"
                        r"(?:[ \t]*(\([^()\n]{1,60}\)))?[ \t]*:(?!:))[ \t]*")  # ("**YOLO** v1 (2016): …"; not "**X** :: y", a card)
# Bold labels that head a paragraph rather than name a term
_LABEL_TERM = re.compile(r"(?i)(?:note|notes|example|examples|explanation|solution|answer|tip|warning|important|"
                         r"remark|summary|output|result|input|code|usage|syntax|source|see also|step \d+|"
                         r"iteration \d+|case \d+|tl;?dr|in short|bottom line|careful|be careful|caution|caveat|"
                         r"beware|watch out|gotcha|heads[- ]up|n\.?b\.?|(?:my|side|personal|quick) notes?"
                         r"(?: \([^()]{1,40}\))?)\.?")  # ("**TL;DR:** …": the note's gist; "**Careful:** …", "**My note
# (added after clipping):** …": a remark's kind, no term)
# "**Sigmoid function**, in deep learning, is an activation that …": the opening of an encyclopedia article
_OPENING = re.compile(r"[ \t]*\*\*([^*\n]{2,60}?)\*\*(?:,[^.\n]{0,80}?,)?[ \t]+(?:is|are|refers to|means|denotes)"
                      r"[ \t]+(?:an?|the|one|any|also)\b")
# `**Definition**.`, `**Theorem.**`, `**Proposition** (Tu, 2.3).`: a statement as mathematical notes label one
_STATEMENT = re.compile(r"[ \t]*\*\*(definition|theorem|proposition|lemma|corollary)\.?\*\*\.?[ \t]*"
                        r"(?:(?:\[\^[^\]]*\]|\([^)\n]*\))[ \t]*\.?[ \t]*)*(?=\S)", re.I)
_STARTS_DEFINITION = re.compile(f"{DEFINITION.pattern}|{_OPENING.pattern}")  # a line that starts a definition
STARTS_DEFINITION = _STARTS_DEFINITION  # (section cards leave such lines to this form, on or off)
STATEMENT = _STATEMENT  # (with `definitions` off, a section's text)
LABELLED_VALUE = "a labelled value, not a definition"
_INLINE_MATH = re.compile(r"\$[^$\n]+\$")
_DEFINED_WORD = re.compile(r"[^\W\d_]{2,}")  # a term in words, not only a symbol
A_STEP = "a step of a procedure, not a term"
SAID_OF = "says something of the term, not what it is"
EXPLAINS = "explains the parts of something above it (or how to do each in code), not a term"
# A heading over points for and against, or what something is like: "- **Performance**: compiled C++ …" under
# "Benefits" names a point, not a term
_QUALITIES = re.compile(r"(?i)\b(?:benefits?|advantages?|disadvantages?|pros|cons|drawbacks?|limitations?|"
                        r"strengths?|weakness(?:es)?|philosophy|(?:key )?features)\b")
# A bold line over a list that goes through code or formulas part by part: "**Explanation:**", "**Code explanation**",
# "**Output:**", "**Results**"
_EXPLAINS_LABEL = re.compile(r"(?i)[ \t]*\*\*(?:[^*\n]{0,30}[ \t])?(?:explanation|output|results?)\.?(?::\*\*|\*\*[ \t]*:?)"
                             r"[ \t]*")
EXPLAINS_LABEL = _EXPLAINS_LABEL  # (a section's part under such a label holds its `**Term**:` lines, definitions on or off)
# "Choosing the top 5", "Knowing when to stop", "Avoiding diminishing learning rates": a gerund and its object;
# "Learning rate", "Pooling layer" and "Embedding size" are terms
_STEP_TERM = re.compile(r"(?i)[a-z]+ing\s+(?:(?:the|a|an|all|each|every|its|their|our|your|this|these|those|when|how|"
                        r"what|which|to|for|from|into|over|up|out|off|down|back)\b|\S+\s+\S+\s+\S)")
_MARKER = r"[ \t]*(?:[-*+][ \t]+|\d+[.)][ \t]+)?"  # a line's indent and list bullet
_Q_LINE = re.compile(_MARKER + r"Q:[ \t]*")
_A_LINE = re.compile(_MARKER + r"A:[ \t]*")
_QMARK_LINE = re.compile(r"[ \t]*\?\??[ \t]*$")
_QMARK_LINES = re.compile(r"^[ \t]*\?\??[ \t]*$", re.MULTILINE)
# `::` or `:::` with a space (or the line's edge) on both sides: `std::vector`, `a::b` and Dataview's
# `key:: value` are not cards.
INLINE_SEPARATOR = re.compile(r"(?<!\S):{2,3}(?![:\S])")


def q_line(block: Block) -> int | None:
    return find_line(block.lines, _Q_LINE)


def qmark_line(block: Block, text: str) -> int | None:
    return find_line(block.lines, _QMARK_LINE) if _QMARK_LINES.search(text) else None


def split_before(blocks: list[Block], i: int, k: int) -> Block:
    return split_block(blocks, i, k)


def question_answer(ex, blocks: list[Block], i: int) -> int:
    """`Q:` runs to `A:`, across blank lines; the answer runs to the end of its paragraph or the next `Q:`."""
    lines: list[Line] = []
    j = i
    while j < len(blocks) and blocks[j].kind == TEXT:
        q = find_line(blocks[j].lines, _Q_LINE, 1 if j == i else 0)
        a = find_line(blocks[j].lines, _A_LINE)
        if q:
            split_block(blocks, j, q)  # a later `Q:` starts the next card
        if q is not None and (a is None or a > q):
            break
        lines.extend(blocks[j].lines)
        if a is not None:
            k = len(lines) - len(blocks[j].lines) + a
            front = after_marker(_Q_LINE, join(lines[:k]))
            ex.add_pair(CardKind.BASIC, front, after_marker(_A_LINE, join(lines[k:])), blocks[i].start, form="qa")
            return j + 1
        lines.append(Line(blocks[j].lines[-1].no, "", BLANK))
        j += 1
    ex.err(blocks[i].start, "'Q:' has no matching 'A:' line")
    return i + 1


def multiline_card(ex, block: Block, k: int) -> None:
    """front lines, `?` (or `??` for both ways), back lines."""
    both = block.lines[k].text.strip() == "??"
    ex.add_pair(CardKind.BASIC, join(block.lines[:k]), join(block.lines[k + 1:]), block.start, both, form="multiline")


def inline_cards(ex, block: Block, text: str) -> bool:
    """`front :: back` and `front ::: back` lines."""
    if ":" not in text or "::" not in text:  # (one character first: a faster test, most often enough)
        return False
    found = False
    for line in block.lines:
        if line.kind != TEXT or "::" not in line.text or line.text.lstrip().startswith("|"):
            continue  # a table row's cells are not cards
        match = INLINE_SEPARATOR.search(mask_inline(line.text)[0])
        if not match:
            continue
        front = LIST_ITEM.sub("", line.text[:match.start()], count=1).strip()
        back = line.text[match.end():].strip()
        if " : " in front and " : " in back:
            continue  # an analogy, "man : king :: woman : queen", written as it is read: no card's two sides
        ex.add_pair(CardKind.BASIC, front, back, line.no, both_ways=len(match.group(0)) == 3, form="one-line")
        found = True
    return found


def _math_only(text: str, lines: list[Line], spans: list[tuple[int, int]]) -> str:
    """The paragraph with everything that is not math blanked (to find \\cloze{} only inside math)."""
    if "\\cloze{" not in text:
        return ""
    ranges = list(spans)
    pos = 0
    for line in lines:
        if line.kind == MATH:
            ranges.append((pos, pos + len(line.text)))
        pos += len(line.text) + 1
    out, done = [], 0
    for start, end in sorted(ranges):
        start = max(start, done)
        if end > start:
            out += [" " * (start - done), text[start:end]]
            done = end
    out.append(" " * (len(text) - done))
    return "".join(out)


def cloze_card(ex, block: Block, text: str) -> bool:
    """One card per cloze group of the paragraph; whether the paragraph had any cloze syntax."""
    # (every form but `==` holds a "{": one character is a faster test, and most paragraphs have none)
    if not (("{" in text and ("{{c" in text or ".cloze" in text or "\\cloze{" in text))
            or (ex.highlight and "=" in text and "==" in text)):
        return False
    masked, math_spans = mask_inline(text)
    math_text = _math_only(text, block.lines, math_spans)
    clozes, unclosed = find_clozes(text, masked, math_text, ex.highlight)
    if unclosed >= 0:
        ex.err(block.start + text.count("\n", 0, unclosed), "'{{c…::' is never closed with '}}', so it is "
                                                            "not a cloze", code="cloze")
    if not clozes:
        return False
    for cloze in clozes:
        naive_end = text.find("}}", cloze.start)
        if text.startswith("{{c", cloze.start) and naive_end + 2 != cloze.end:
            ex.err(block.start + text.count("\n", 0, cloze.start),
                   "'}}' inside a cloze would end it early in Anki; mlwiki pads it on export, but write "
                   "'} }' to be safe elsewhere", Severity.WARNING, "cloze")
        if not cloze.content.strip():
            ex.err(block.start + text.count("\n", 0, cloze.start), "cloze is empty")
    clozes = [c for c in clozes if c.content.strip()]  # an empty cloze would make a card with an empty side
    if not clozes:
        return True
    anki_text = anki_cloze_text(text, clozes)
    ex.emit([Draft(CardKind.CLOZE, render_clozes(text, clozes, group).strip(),
                   render_clozes(text, clozes, None).strip(), block.start, group=group, text=anki_text, form="cloze")
             for group in sorted({c.group for c in clozes})])
    return True


def definition_list_cards(ex, block: Block, text: str) -> bool:
    """A MyST definition list (`Term` on a line, `: definition` on the next): a definition card a term, the
    markup a glossary is written in, whatever the `definitions` setting. A term that is only math (`$\\log$`:
    natural logarithm) is a notation, no card."""
    if "\n:" not in text:
        return False
    found = False
    lines = block.lines
    for k in range(1, len(lines)):
        line, term = lines[k], lines[k - 1]
        if line.kind != TEXT or not line.text.startswith(": ") or term.kind != TEXT or term.text.startswith(": ") \
                or LIST_ITEM.match(term.text) or not _DEFINED_WORD.search(_INLINE_MATH.sub(" ", term.text)):
            continue
        definition = [line.text[2:].strip()]
        for more in lines[k + 1:]:
            if more.kind != TEXT or more.text.startswith(": ") or not more.text[:1].isspace():
                break  # (the next term, or the end of this definition's indented lines)
            definition.append(more.text.strip())
        _add_definition(ex, clean_prose(term.text), "\n".join(definition), term.no, "definition-list")
        found = True
    return found


def glossary_cards(ex, div: Block) -> bool:
    """A MyST (Sphinx) `{glossary}`: a term on a line of its own (or several, names of one thing), its definition
    indented under it, over one or more paragraphs; a definition card an entry, with all of its definition (the
    glossary's lines are read whatever kind the classifier gave them: an indented paragraph after a blank line is
    no code block here). Whether the div is one."""
    if div.attrs.get("myst") != "glossary":
        return False
    entries: list[tuple[list[Line], list[Line]]] = []  # (term lines, definition lines)
    for line in _div_lines(div):
        if not line.text[:1].isspace():
            if not entries or entries[-1][1]:
                entries.append(([], []))
            entries[-1][0].append(line)
        elif entries:
            entries[-1][1].append(line)
    for terms, definition in entries:
        if not definition or not _DEFINED_WORD.search(_INLINE_MATH.sub(" ", terms[0].text)):
            continue  # (a symbol's meaning is notation, as in a definition list)
        term = clean_prose(terms[0].text.strip())
        if len(terms) > 1:  # ("Effective sample size" and "ESS" over one definition)
            term += " (" + ", ".join(clean_prose(t.text.strip()) for t in terms[1:]) + ")"
        _add_definition(ex, term, _paragraphs(definition), terms[0].no, "glossary")
    return True


def _div_lines(div: Block) -> list[Line]:
    """The lines of a div's text in order (its options left out), whatever blocks they were grouped into."""
    found: list[Line] = []
    for block in div.children or ():
        if block.kind == DIV_OPEN:
            found += _div_lines(block)
        else:
            found += [ln for ln in block.lines if ln.kind != COMMENT and ln.text.strip()]
    return found


def _paragraphs(lines: list[Line]) -> str:
    """Indented lines dedented by their common indent (a list in them keeps its nesting), a blank line between two
    that had one (their line numbers not adjacent)."""
    indent = min(len(ln.text) - len(ln.text.lstrip()) for ln in lines)
    text = lines[0].text[indent:].rstrip()
    for before, line in zip(lines, lines[1:]):
        text += ("\n\n" if line.no > before.no + 1 else "\n") + line.text[indent:].rstrip()
    return text


def definition_cards(ex, block: Block, text: str) -> bool:
    """`**Term**: definition` paragraphs and list items, and "**Term**, …, is a …" openings, when `definitions =
    true` and the text reads as a definition (labelled values, "**Batch size**: 32", never become cards)."""
    if not ex.ctx.definitions or "*" not in text or "**" not in text:
        return False
    found, left = False, []  # (the items no definition card takes: cards of their own when a sibling is one)
    items = list_items(block.lines, item_starts(block.lines, _STARTS_DEFINITION))  # (a lazy label: `lazy_labels`)
    explains = _explains_above(ex.prev_text) or _in_code(items) or \
        bool(ex.headings and _QUALITIES.search(ex.headings[-1][1]))
    for k, item in enumerate(items):
        match = DEFINITION.match(item[0].text)
        if not match:
            found, left = _opening(ex, item) or found, left + lazy_label_item(item)  # (its own part: `lazy_labels`)
            continue
        term = " ".join(part.strip() for part in match.groups() if part)
        rest = item[0].text[match.end():]
        definition = "\n".join([rest] + [ln.text.strip() for ln in item[1:]]).strip()
        if definition and (nested := nested_under(block.lines, item[-1])):
            definition += "\n\n" + nested  # ("- but popular items … → over-penalised" under "- **in-batch negatives**: …")
        elif definition and (listed := _bullets_after(item, items[k + 1:])):
            definition += "\n" + listed  # ("**the trick**: …" over "- $Y^\top Y$ … → precompute once per sweep")
        if definition.endswith(":") and len(said := sentences(" ".join(definition.split()))) > 1:
            definition = " ".join(said[:-1])  # ("**Beam search:** keep the k best … Two known issues:": the list
            # after it is the introducing sentence's card)
        if _LABEL_TERM.fullmatch(term) or definition.endswith(":"):
            left += noted(term, definition, item[0].no)  # (a note's text: the heading's, once a sibling is carded)
            continue  # "**Note**: …", "**Step 2**: …" label a paragraph; "… is:" introduces what follows
        # a bold label with nothing after it ("**Explanation**:" over a paragraph) is a heading, not a definition
        form = "definition-item" if LIST_ITEM.match(item[0].text) else "definition"
        why = LABELLED_VALUE if definition and not reads_as_definition(definition) else \
            A_STEP if NUMBERED_ITEM.match(item[0].text) or _STEP_TERM.match(term) else \
            SAID_OF if _speaks_of(term, definition) else ""  # ("1. **Gathering candidates:** …": a step, not a term;
        if why:  # "**Momentum**: Adam and Nesterov incorporate momentum …": says something of it)
            ex.skip(form, why)
            left.append((term, definition, item[0].no))
            continue
        if explains or _under_label(block.lines, item[0]):
            ex.skip(form, EXPLAINS)  # "**Explanation:**" over "- **Velocity update**: …", "- **Plots**:" over …
            continue
        _add_definition(ex, term, definition, item[0].no, form, options_over(block, item[0], term))
        found = True
    hold_siblings(ex, left if found else [])
    return found


def _bullets_after(item: list[Line], after: list[list[Line]]) -> str:
    """The bullets right under a `**Term**: …` paragraph (not a list item), written without a blank line: what it
    goes on to say of its term; '' when there are none, or when one of them is a `**Term**:` of its own."""
    if LIST_ITEM.match(item[0].text):
        return ""
    lines: list[str] = []
    for bullet in after:
        if not LIST_ITEM.match(bullet[0].text) or _STARTS_DEFINITION.match(bullet[0].text):
            return ""
        lines += [ln.text.rstrip() for ln in bullet if ln.kind == TEXT]
    return "\n".join(lines)


def nested_under(lines: list[Line], last: Line) -> str:
    """The items nested under a list item whose last line is `last` (deeper than it, up to the next line that is
    not), dedented, as what the item goes on to say of its term: '' when there are none, or when one of them is a
    `**Term**:` of its own (a card of its own) or holds no words (a link, a formula)."""
    if not LIST_ITEM.match(last.text) and last.text[:1] not in " \t":
        return ""
    k = next((k for k, ln in enumerate(lines) if ln is last), len(lines))
    width = indent_width(next((ln.text for ln in reversed(lines[:k + 1]) if LIST_ITEM.match(ln.text)), last.text))
    nested: list[Line] = []
    for ln in lines[k + 1:]:
        if ln.kind != TEXT or indent_width(ln.text) <= width or not (nested or LIST_ITEM.match(ln.text)):
            break
        nested.append(ln)
    if not nested or any(_STARTS_DEFINITION.match(ln.text) or not _DEFINED_WORD.search(clean_prose(ln.text))
                         for ln in nested):
        return ""
    inner = min(indent_width(ln.text) for ln in nested)
    return "\n".join(ln.text.expandtabs(4)[inner:] for ln in nested)


def _explains_above(before: Block | None) -> bool:
    """Whether the paragraph before a list only says `**Explanation:**` or `**Output:**`: the list goes through the
    code or the formulas above it part by part ("- **Velocity update**: combines momentum and the gradient"), and
    its bold words name those parts, not terms to define."""
    if before is None or len(before.lines) != 1 or "**" not in before.lines[0].text:
        return False
    return bool(_EXPLAINS_LABEL.fullmatch(before.lines[0].text))


def _speaks_of(term: str, text: str) -> bool:
    """Whether the text uses the term itself further on ("**Momentum**: Nesterov momentum and Adam incorporate
    momentum to …"): it says something of the term, where a definition says what it is ("**Momentum**: a running
    average of past gradients"); "The F1-score is …", which starts with it, defines it."""
    folded, term = text.casefold(), term.casefold().strip()
    if folded.lstrip().startswith("$"):
        return False  # ("**Linear**: $x^\\top x'$ — recovers Bayesian linear regression": its formula says what it is)
    at = folded.find(term, 1)
    if at < 0 or len(term) < 3:
        return False
    before, after = folded[at - 1], folded[at + len(term):at + len(term) + 1]
    opening = folded[:at].strip()
    return not before.isalnum() and not after.isalnum() and opening not in ("a", "an", "the") and \
        not folded.startswith(term)


def _in_code(items: list[list[Line]]) -> bool:
    """Whether most `**Term**:` items of a list say in code how to do each ("- **L2 penalty**: pass `weight_decay`
    to the optimiser", "- **Dropout**: add `nn.Dropout` layers"): a how-to of terms defined elsewhere."""
    texts = [item[0].text[match.end():] for item in items if (match := DEFINITION.match(item[0].text))]
    return len(texts) >= 2 and 2 * sum("`" in text for text in texts) >= len(texts)


def _under_label(lines: list[Line], first: Line) -> bool:
    """Whether a list item is nested under an item that is only a bold label ("2. **Decision boundary plots**:"
    over "- **Perceptron**: a straight line between the classes"): its bold word says which case of the label it
    gives, not a term it defines."""
    indent = len(first.text) - len(first.text.lstrip())
    if not indent:
        return False
    at = next(k for k, ln in enumerate(lines) if ln is first)
    for line in reversed(lines[:at]):
        if line.kind != TEXT or not LIST_ITEM.match(line.text) or len(line.text) - len(line.text.lstrip()) >= indent:
            continue
        match = DEFINITION.match(line.text)
        return bool(match) and not line.text[match.end():].strip()
    return False


def _add_definition(ex, term: str, definition: str, line: int, form: str, options: str = "") -> None:
    """A definition card; its front names where the term is defined (the heading path, rooted in the note's
    subject), its id only the term, as before fronts had a path; an option's asked with the sentence over its list."""
    asked = f"Define: {term}"
    if options:
        ex.add_pair(CardKind.DEFINITION, prefix_heading(ex.heading_path(), f"{options} {term}?"), definition, line,
                    form=form, quiet=True, id_front=asked)
        return
    if breaks_off(definition):
        return  # ("**One-hot labels**: if … then $p$ puts all its mass on $y$, so" + a formula: its card shows it)
    if definition.endswith(":") and "\n" not in definition:  # ("**Conditional entropy** is the average over $x$ of
        definition = definition[:-1].rstrip() + "."  # the entropy of $Y$ given $X = x$:" + its formula, which the
        # formula card asks: in words the sentence is whole, and ends as one)
    path = ex.heading_path()
    heading = ex.headings[-1][1] if ex.headings else ""
    labelled = measures(heading) or claims_of_setting(heading, term, definition)  # ("**Test accuracy**: …", a
    # result; "**Tree size $J$**: controls the interaction order …", what a setting does; their ids kept)
    if (judges(term) or labelled or lists_uses(heading)) and path:  # ("**Good**: better calibration": what is good about it)
        ex.add_pair(CardKind.DEFINITION if labelled else CardKind.BASIC, f"{path} › {term}", definition, line,
                    form=form, quiet=True, id_front=asked)
        return
    if path and (subject := claim_subject(term)):  # ("**Matérn 5/2 is the standard default** (…): smooth enough":
        ex.add_pair(CardKind.BASIC, f"{path} › {subject}", f"{term}: {definition}", line, form=form, quiet=True,
                    id_front=asked)  # a claim in bold, asked by its subject, not a term to define)
        return
    other = not names_no_term(term) and not advises(definition) and (says_other_than_what(term, definition) or not names_a_thing(term) or heads_checks(heading))  # ("A vs B", "Pitfalls")
    if names_no_term(term) or advises(definition) or other:  # ("**the trick**: …", "**Bahdanau et al. 2015**: …", "**If p ≤
        # α**: reject H0", "**Temporal split**: more realistic …": asked under the path, not as a term to define)
        under = " › ".join(part for part in (path, stands_for(term) and _term_before(ex, path)) if part)
        ex.add_pair(CardKind.DEFINITION if other else CardKind.BASIC, f"{under} › {label_front(term)}" if under
                    else label_front(term), definition, line, form=form, quiet=True, id_front=asked)  # (its id kept)
        return
    ex.add_pair(CardKind.DEFINITION, prefix_heading(path, asked), definition, line, form=form, quiet=True, id_front=asked)


def _term_before(ex, path: str) -> str:
    """The term the card made last defines, when it is a definition under the same path: what a "**problem**:" right
    after "**in-batch negatives**: …" is the problem of; '' otherwise."""
    if not ex.drafts or (last := ex.drafts[-1][0][0]).kind != CardKind.DEFINITION:
        return ""
    asked = prefix_heading(path, "Define: ")
    return last.front[len(asked):].strip() if last.front.startswith(asked) else ""


def statement_card(ex, block: Block, later: list[Block]) -> bool:
    """A paragraph that states a definition, theorem, proposition, lemma or corollary, the way mathematical
    notes label them (`**Definition**. A Euclidean space is …`), when `definitions = true`: the front is the
    heading path and the label, the back the statement, with the display formula after it (`later`: the blocks
    after it) when the statement ends by introducing one ("The _variance_ is defined as" and `$$…$$`), or the list
    after it when it ends with a colon (the conditions of "… such that:"), and the paragraphs that carry its
    sentence on past its last formula (`with_tails`)."""
    first = block.lines[0]
    if not ex.ctx.definitions or first.kind != TEXT or not (match := _STATEMENT.match(first.text)):
        return False
    statement = "\n".join([first.text[match.end():]] + [ln.text for ln in block.lines[1:]]).strip()
    after, last = (later[0] if later else None), block
    if after is not None and after.lines[0].kind == MATH and INTRODUCES.search(statement):
        statement, last = statement + "\n\n" + "\n".join(ln.text for ln in after.lines).strip(), after
    elif after is not None and (statement.endswith(":") or _LIST_NEXT.search(statement)) and after.lines[0].kind == TEXT \
            and LIST_ITEM.match(after.lines[0].text):  # ("… is a collection of functions such that:" its conditions,
        # "… is a triple $(Ω, F, P)$ where" its parts, "… a function with the properties" its properties)
        statement, last = statement + "\n\n" + "\n".join(ln.text for ln in after.lines).rstrip(), after
    statement = without_block_ids(with_tails(statement, last, later[1:] if last is after else later))
    label = match.group(1).capitalize()
    path = ex.heading_path()
    if not path:
        return False  # "Definition" alone does not say of what
    front = path if path.rsplit(" › ", 1)[-1].casefold() == label.casefold() else prefix_heading(path, label)
    kind = CardKind.DEFINITION if label == "Definition" else CardKind.BASIC
    ex.add_pair(kind, front, statement, first.no, form="statement", quiet=True)
    return True


# The end of a statement whose parts or conditions are the list after it: "… where", "… with the properties"
_LIST_NEXT = re.compile(r"\b(?:where|that|if|properties|conditions|axioms|following)[ \t]*\Z")


def _opening(ex, item: list[Line]) -> bool:
    """A paragraph that opens by defining its bold term: "**ReLU** is the activation that …"."""
    first = item[0]
    if first.kind != TEXT or LIST_ITEM.match(first.text) or not (match := _OPENING.match(first.text)):
        return False
    _add_definition(ex, match.group(1).strip(), join(item).strip(), first.no, "definition-opening")
    return True


def split_card_div(div: Block) -> tuple[list[Block], list[Block]]:
    """Front and back of a card div: an inner `::: back` div, else the first heading, else a callout's
    `title="…"` (then everything is the back), else the first paragraph."""
    children = div.children
    for k, child in enumerate(children):
        if child.kind == DIV_OPEN and "back" in child.attrs.get("classes", []):
            return children[:k], child.children + children[k + 1:]
    if not children:
        return [], []
    if div.attrs.get("title") and children[0].kind != HEADING:
        return [], children
    return children[:1], children[1:]


def div_card(ex, div: Block) -> None:
    """`::: {.card}` … `:::`, with its attributes (id, deck, tags, reverse)."""
    attrs = div.attrs
    front_blocks, back_blocks = split_card_div(div)
    front = join_blocks(front_blocks)
    if not front.strip() and attrs.get("title"):
        front = attrs["title"]
    back = join_blocks(back_blocks)
    tags = tuple(attrs.get("tags", "").replace(",", " ").split())
    reverse = str(attrs.get("reverse", "")).lower() in ("true", "yes", "1")
    ex.add_pair(CardKind.BASIC, front, back, div.start, reverse, attrs.get("id", ""), attrs.get("deck", ""), tags,
                form="card-div")
