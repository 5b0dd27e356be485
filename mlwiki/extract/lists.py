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
  or an exercise make none;
- a front that asks for nothing its list of unrelated facts holds ("Adam" over "- defaults: …", "- step size is
  bounded …") becomes a card per fact that says what it is about (`grabbag`).

`ex` in every function is the walk over the note (`mlwiki.extract.walk.Extractor`). The walk opens a section at
each heading (and at the note's start) and closes it at the next heading or the note's end; only then is it
known whether the section made other cards.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, replace

from mlwiki.extract import summaries, tables
from mlwiki.extract.asking import FORM as QUESTION_FORM, asked_and_answered, question_card
from mlwiki.extract.blocks import Block, is_plugin_card, list_items, text_of, untaken
from mlwiki.extract.claims import restates
from mlwiki.extract.closings import (FORM, FORMULA_FORMS, aspect_cards, closing_text, last_card_line, opens_with_math,
                                     place_closing, works_example)
from mlwiki.extract.daily import is_day_stamp, is_learned_path, logs_period
from mlwiki.extract.daybook import day_cards
from mlwiki.extract.day_terms import spells_out
from mlwiki.extract.daylog import day_log_cards, learned_item_cards
from mlwiki.extract.defining import (LABELLED_FORM, definition_sentence_cards, labelled_item, named_term_cards,
                                     on_a_back, shown_on_a_front)
from mlwiki.extract.emphasised import asked_sentence, emphasised_card, paragraph_topic
from mlwiki.extract.example_parts import kept_in_example
from mlwiki.extract.examples import tables_of_kinds
from mlwiki.extract.example_takeaways import takeaway_cards
from mlwiki.extract.formula_cases import with_case
from mlwiki.extract.formula_facts import defined_by_formula
from mlwiki.extract.heading_asks import ask_headings
from mlwiki.extract.forms import EXPLAINS_LABEL, STARTS_DEFINITION
from mlwiki.extract.grab_bag_splits import MIN_LEAD_WORDS, split_grab_bags
from mlwiki.extract.item_bodies import label_body, lead_before_formula, lead_before_items
from mlwiki.extract.lab_entries import defined_terms, is_entry, lesson_cards
from mlwiki.extract.logseq_journal import day_opening
from mlwiki.extract.item_cards import listed_item_cards, long_term_list_cards
from mlwiki.extract.labels import aspect_front, aspect_lines, asked_paragraph
from mlwiki.extract.list_cards import (LIST_FORM, following_items, formula_list_cards, list_cards, loose_list_card,
                                       rest_card)
from mlwiki.extract.lines import DIV_OPEN, HEADING, LIST_ITEM, TEXT, Line
from mlwiki.extract.list_alone import list_alone_card
from mlwiki.extract.outline_cards import branches_with_terms, opens_outline, outline_cards, untaken_items
from mlwiki.extract.parts import (after_box, exercise_part, labelled_aside, opening_front, part_passage,
                                  section_parts, titled_boxes)
from mlwiki.extract.paragraphs import FORM as PARAGRAPH_FORM, paragraph_card, topic_card
from mlwiki.extract.tabsets import CODE_TAB, tab_front
from mlwiki.extract.open_questions import describes_run, narrates_errand
from mlwiki.extract.passages import (ABOUT_PAGE, DAY_ACTIVITY, DAY_NOTES, NO_SUBJECT, SITE_PAGE_TITLE, SOURCES_TITLE,
                                     passage)
from mlwiki.extract.openers import said_on
from mlwiki.extract.odds import odds_cards
from mlwiki.extract.lone_facts import lone_fact_cards
from mlwiki.extract.math_lists import list_item_cards
from mlwiki.extract.measured_runs import measured_run
from mlwiki.extract.openings import MIN_OPENING_WORDS, cut_off_over_list, is_pitch, opening_paragraph
from mlwiki.extract.orphan_items import bare_term_over
from mlwiki.extract.remarks import (FORM as REMARK_FORM, before_last_item, chained_lines, formula_above, joined_formula,
                                    opens_legend, remark_card)
from mlwiki.extract.prose import clean_prose, holds_words, word_count
from mlwiki.extract.signatures import paragraph_cards
from mlwiki.extract.steps import FRONT as STEPS, step_shown, steps_front
from mlwiki.extract.continued_steps import whole_steps
from mlwiki.extract.table_cards import table_cards
from mlwiki.extract.subject import walks_through
from mlwiki.extract.topics import passage_topic
from mlwiki.extract.trailing import trailing_cards
from mlwiki.extract.voice import author_speaks_first

MAX_CLOSING = 2  # paragraphs after a section's last list or table, each a card of its topic
# … or shorter, a phrase that says what the subject is ("An extension of Word2Vec")
_NAMES_WHAT = re.compile(r"(?:an?|the|one of the)\s+\S+\s+\S+\s+\S", re.I)
# A heading that says only why the author wrote the text down ("Reminder to self", "Notes to self", "Remember this")
_ERRAND = re.compile(r"(?i)[\W\d_]*(?:(?:reminders?|notes?|memos?|questions?|things?|todo) (?:to|for) (?:self|myself|me)|"
                     r"reminders?|remember(?: this)?|don['’]t forget|note to future me)[\W\d_]*")
_ODDS = re.compile(r"(?i)[\W\d_]*(?:misc\w*|others?|odds and ends|bits and pieces|related(?: ideas| methods)?)[\W\d_]*")
# (its items: facts; "## Related" over "- **Confidence penalty** penalises …": what each related method does)
_REQUIREMENTS = re.compile(r"(?i)[\W\d_]*requirements[\W\d_]*")
# A heading as a callout's kind ("### Warning", "#### Important", "### Tip"): what follows is a caveat or a key fact
# of the section above, knowledge like a callout's text, not a page's furniture as "## Notes" or "## Links" are
_ASIDE_HEADING = re.compile(r"(?i)[\W\d_]*(?:warning|caution|danger|important|attention|tip|hint)[\W\d_]*")
_SUMMARY = re.compile(r"(?i)[\W\d_]*summary table[\W\d_]*")  # (a heading naming no subject over a table of the note's)
_NOTED = re.compile(r"(?i)[ \t]*\*\*(?:note|caveat|aside)[ \t]*:?\*\*")  # an aside that closes a section ("> **Note:** …")
_SYMBOL_ITEM = re.compile(r"[-*+][ \t]+\$")  # "- $T \to 0$: approaches argmax": a case of the symbol a legend named
_OPENING_CHARS = 300  # of a note's first paragraph: what says whether it speaks of the page or its author


@dataclass(slots=True)
class Section:
    """A section the walk is in: where its card would go, and what the walk had made when it began."""

    path: str  # the heading path, rooted in the subject
    line: int
    body: list[Block]
    drafts: int
    lead: bool  # the note's text before its first heading
    log: bool = False  # a day's "## log" or "## notes": its items are cards, not the section
    rows_only: bool = False  # under a heading that names no subject ("Summary table"): only its table's rows
    items_only: bool = False  # under "Misc", "Other": only its labelled items, each a card of the heading above
    code_tab: bool = False  # a tab of a set that holds code ("PyTorch"): its label names no subject


def open_section(ex, blocks: list[Block], i: int) -> None:
    """Start the section of the heading at blocks[i] (i = -1: the note's text before its first heading)."""
    ex.section = None
    if not ex.ctx.sections or ex.subject and (SOURCES_TITLE.fullmatch(ex.subject)
                                              or SITE_PAGE_TITLE.fullmatch(ex.subject)):
        return  # (a note titled "Reading list" or "References": where things are, not what they say; "About": who)
    rows_only = items_only = False
    if i >= 0:
        title = ex.headings[-1][1] if ex.headings else ""
        log = bool(title) and (NO_SUBJECT.fullmatch(title) is not None and DAY_NOTES.fullmatch(title) is not None
                               or bool(ex.day) and DAY_ACTIVITY.fullmatch(title) is not None
                               or is_day_stamp(title) or logs_period(ex.subject, title)) \
            and ex.headings[-1] not in ex.terms  # ("## Learned" over "**WordPiece** …": a section on WordPiece)
        if blocks[i].skip or blocks[i].lines[0].attrs.endswith("no-card") or not title \
                or title.rstrip().endswith("?") and not ex.unanswered:
            return  # (a question heading is a card of its own; what its section says past the answer, a section's)
        if NO_SUBJECT.fullmatch(title) and not log and not summaries.sums_up_note(ex.headings) \
                and not _in_symbols(title, blocks, i) and not _ASIDE_HEADING.fullmatch(title):  # ("## TL;DR"; a method's "## Requirements" in math are its own)
            items_only = bool(_ODDS.fullmatch(title)) and " › " in ex.heading_path()
            if not _SUMMARY.fullmatch(title) and not items_only:
                return
            rows_only = not items_only  # ("## Summary table": its rows compare the note's subjects, each row a card)
    elif not ex.subject:
        if ex.day:  # (a day's note: its linked branches, about the notes they link to; a journal's entries: its own)
            day = blocks if ex.page_lines is None else day_opening(blocks)
            ex.section = Section("", 0, [b for b in day if b.kind == TEXT], len(ex.drafts), True)
        return
    body = []
    for k in range(i + 1, len(blocks)):  # (not a slice: a note's every heading would copy all that follows it)
        block = blocks[k]
        if block.kind == HEADING:
            break
        if block.kind == TEXT and not labelled_aside(block, blocks[k - 1]) and not is_plugin_card(block):  # (a callout,
            body.append(after_box(block, blocks[k - 1]))  # div or card line in the section is no part of its text)
        elif block.kind == DIV_OPEN:
            body += titled_boxes(block)
    body = [block for block in body if block.start in ex.unanswered] if ex.unanswered and i >= 0 else body
    rows_only |= (kinds := ex.in_example() and not kept_in_example(ex.headings, [ln for b in body for ln in b.lines]))
    takeaway_cards(ex, body if kinds else [])  # ("Final thoughts:" after an example's working: what it concludes)
    if not body or kinds and not tables_of_kinds(ex.headings, body) or walks_through(text_of(body[0])):
        return  # ("Let's walk step by step through …": one example traced; "## Examples" of kinds: its tables' rows)
    if (i < 0 or len(ex.headings) == 1 and ex.headings[0][0] == 1) and _about_the_page(text_of(body[0])):
        body = [b for b in body if (b.attrs or {}).get("box")]  # (a titled box beside it is the subject's: "The gist")
        if not body:
            return  # (a note that opens on what its pages are, "These are my notes for …", or on its author's story)
    line = blocks[i].start if i >= 0 else body[0].start
    ex.section = Section(ex.heading_path(), line, body, len(ex.drafts), i < 0, i >= 0 and log, rows_only, items_only,
                         i >= 0 and blocks[i].lines[0].attrs.endswith(CODE_TAB))


def _in_symbols(title: str, blocks: list[Block], i: int) -> bool:
    """Whether a section named as a project's requirements states a method's instead, in math ("1. $z$ continuous",
    "2. a differentiable $g$ exists"): software needs no formula."""
    return bool(_REQUIREMENTS.fullmatch(title)) and i + 1 < len(blocks) and blocks[i + 1].kind == TEXT \
        and "$" in text_of(blocks[i + 1])


def _without_aside(ex, path: str, blocks: list[Block], label: str | None, declined: bool, headed: bool) -> str | None:
    """The back of a section's part (`part_passage`), without the "> **Note:** …" aside it ends with when that aside
    is a card of its own ("… › Note": scaling laws predict pretraining loss, not what the section asks)."""
    if len(blocks) > 1 and _NOTED.match(text_of(blocks[-1])) \
            and (back := part_passage(blocks[:-1], label, declined, path, headed)) is not None:
        made = len(ex.drafts)
        definition_sentence_cards(ex, path, blocks[-1])
        if len(ex.drafts) > made:
            return back
    return part_passage(blocks, label, declined, path, headed)


def _with_topic(path: str, back: str) -> str:
    """A path whose last heading names nothing but the author's errand ("Reminder to self", "Note to self") with
    what the prose under it is about: "… › Reminder to self: the logits-divided-by-temperature trick"."""
    if not _ERRAND.fullmatch(path.rsplit(" › ", 1)[-1]) or LIST_ITEM.match(back):
        return path
    return f"{path}: {topic}" if (topic := passage_topic(back)) else path


def _about_the_page(text: str) -> bool:
    """Whether a note's first paragraph speaks of the page or its author ("My notes for the autumn course.", "I'm a
    backend engineer …"): the text around it is the collection's furniture (what it covers, how to run it)."""
    opening = clean_prose(text[:_OPENING_CHARS])  # (its first sentence is enough: cleaning a long paragraph is not free)
    return (bool(ABOUT_PAGE.match(opening)) or author_speaks_first(opening) or narrates_errand(opening)
            or describes_run(opening)) and not opens_outline(text)


def close_section(ex) -> None:
    """End the open section: each of its parts (its text up to the first bold label, and each `**Label**` paragraph
    with what follows it) becomes a card when no other form made a card of it and its text passes; of a part too
    long or mixed for one card, its opening paragraph and the lists its sentences introduce ("… in two parts:")."""
    section, ex.section = ex.section, None
    if section is not None and not section.path and section.lead:
        day_cards(ex, section.body)
        if ex.day:  # (a day's note with no subject: its text before any heading is the day's log, fact by fact)
            first_heading = next((b.start for b in ex.blocks if b.kind == HEADING), None)
            day_log_cards(ex, "", [b for b in section.body if first_heading is None or b.start < first_heading],
                          section.drafts)
    if section is None or not section.path:
        return
    if section.log:
        if is_entry(section.path):  # (a log's dated entry: its lessons, not the walk's cards of the writer's runs)
            ex.keep_drafts(ex.drafts[:section.drafts] + defined_terms(ex.drafts[section.drafts:], section.path))
            for front, back, line in lesson_cards(section.path, section.body):
                ex.add_card(PARAGRAPH_FORM, front, back, line)
        day_log_cards(ex, section.path, section.body, section.drafts)
        return
    if section.items_only:
        odds_cards(ex, section.path, section.body, section.drafts)
        return
    if section.rows_only:
        for block in section.body:
            if tables.may_hold_table(block):
                table_cards(ex, section.path, block)
        return
    taken = {d.line for drafts, _ in ex.drafts[section.drafts:] for d in drafts}
    taken |= chained_lines(section.body, [d for drafts, _ in ex.drafts[section.drafts:] for d in drafts])
    listed: list[tuple[str, list[Block], str]] = []  # (path, blocks, back) of each part made one card
    # (a formula card takes its lines only; a definition or question, the whole paragraph it starts or list item)
    whole = {d.line for drafts, _ in ex.drafts[section.drafts:] for d in drafts if d.form not in FORMULA_FORMS}
    for back in [d.back for drafts, _ in ex.drafts[section.drafts:] for d in drafts if d.form == "statement"]:
        taken |= {ln.no for b in section.body if text_of(b).strip() in back for ln in b.lines}  # ("such that:")
    closes: list[list[Block]] = []
    for label, line, blocks in section_parts(section.body, section.line):
        if label is not None and (not label or NO_SUBJECT.fullmatch(label) or exercise_part(label, blocks)
                                  or label.endswith("?") or line in taken and not defined_by_formula(ex, line)):
            continue  # (a bold question is a card already; not a term a formula alone defines: what follows is ours)
        free = untaken(blocks, taken)  # (of each block: no card of another form was made from one of its lines)
        path = f"{section.path} › {label}" if label and not spells_out(ex, section.path, label, line) else section.path
        # (with definitions on, a `**Term**:` item left here is one that form declined: a step; under a label such
        # as "Mathematical Explanation:" the items name the parts explained, no terms: the part's own text)
        declined = ex.ctx.definitions or bool(label and EXPLAINS_LABEL.fullmatch(f"**{label}:**"))
        if all(free) and (back := _without_aside(ex, path, blocks, label, declined, " › " in section.path)) is not None:
            if is_learned_path(path) and learned_item_cards(ex, path, blocks):
                continue  # ("TIL" of what? its items' labels and bold terms say)
            if section.lead and is_pitch(back):
                continue  # ("Once this clicks, every model is …": what the page promises, before its first heading)
            if not section.lead or holds_words(back, MIN_LEAD_WORDS) or _NAMES_WHAT.match(back):  # ("Nothing here any more." says nothing)
                if not restates(path.rsplit(" › ", 1)[-1], back):  # (no "X is … X")
                    tab = section.code_tab and label is None  # ("… › PyTorch" names no subject)
                    ex.add_card(FORM, tab_front(path, back) if tab else _with_topic(path, back), back, line,
                                id_front=path if tab else "")
                named_term_cards(ex, path, blocks)  # (a term named inside it: a card of its own)
                listed.append((path, blocks, back))  # ("- MRR: …": each definition a card too, below)
            continue
        if len(blocks) == 1 and all(free) and label is None:
            list_alone_card(ex, path, blocks[0], line)  # (a long list, all its section says: a card of it)
        # The opening paragraph, unless it introduces a formula card (its front already) or is one
        used, opening = opening_paragraph(blocks, free, declined, taken, section.lead and label is None) \
            if len(blocks) > 1 or not all(free) else (-1, None)
        opened = len(ex.drafts)
        if opening is not None:
            front = opening_front(path, blocks, free, used)
            tab = section.code_tab and label is None and front == path  # ("… › PyTorch" names no subject)
            ex.add_card(FORM, tab_front(path, opening) if tab else front, opening, line, id_front=path if tab else "")
            named_term_cards(ex, path, [blocks[used]])
        elif blocks and (lead := not free[0] and lead_before_items(blocks[0], taken) or lead_before_formula(
                blocks, [d for drafts, _ in ex.drafts[section.drafts:] for d in drafts])) and not ex.has_front(path):
            ex.add_card(FORM, path, lead, line)  # (what the sentences before "… two goals:" over formula items say)
        made = len(ex.drafts)
        # (a card stands for the section: its opening paragraph's, or that of the list its first paragraph introduces,
        # "… satisfy KKT if" over the conditions; the paragraphs after its lists are cards of their own topics)
        stood_for = opening is not None or bool(blocks) and free[0] and cut_off_over_list(blocks, 0)
        explained: list[tuple[int, tuple[str, str], bool]] = []  # (line, card, not in the closing) of paragraphs
        # titled by their subjects
        remarked: list[tuple[int, tuple[str, str]]] = []  # (line, card) of remarks on the formula before them
        for k, block in enumerate(blocks):
            if k != used and not (k and text_of(blocks[k - 1]).rstrip().endswith(":")) \
                    and not (opening is not None and k == used + 1) \
                    and (steps := whole_steps(block, blocks[k + 1:], taken, path)) is not None \
                    and ex.add_card(LIST_FORM, steps_front(path), steps[0], block.start,
                                    id_front=f"{path} › {STEPS}"):
                for j in range(k, k + 1 + steps[1]):  # (a recipe's numbered steps, the formulas it goes on across:
                    free[j] = False  # one card of them in order; not those an introducing sentence's card holds)
                    taken |= {ln.no for ln in blocks[j].lines}
                continue
            if free[k] and k + 1 < len(blocks) and free[k + 1] and (part := label_body(path, blocks, k)) \
                    and not on_a_back(ex, part[1]) and ex.add_card(LABELLED_FORM, *part, block.start):
                free[k] = free[k + 1] = False  # ("- **Step decay:**" over its indented text: a part it names)
                continue
            if not free[k] and (tail := _tail_remark(ex, section.drafts, path, block, taken, declined)):
                remarked.append((tail[0][0].no, tail[1]))  # ("$$…$$" / "So cross-entropy = NLL …" in one paragraph)
                taken |= {ln.no for ln in tail[0]}  # (no closing text: the remark is a card of its own)
            if free[k] and k != used:
                before = len(ex.drafts)
                remark = _remark(ex, section.drafts, path, blocks, k, free, declined)
                list_cards(ex, path, block, following_items(blocks[k + 1:], free[k + 1:], whole), declined)
                if k and not free[k - 1] and text_of(blocks[k - 1]).rstrip().endswith(":") \
                        and STARTS_DEFINITION.match(blocks[k - 1].lines[0].text):
                    list_cards(ex, path, blocks[k - 1], following_items(blocks[k:], free[k:]), declined)  # (the
                    # list a definition's last sentence introduces: "**Beam search:** … Two known issues:")
                    free[k] = len(ex.drafts) == before
                paragraph_cards(ex, path, blocks, k, free, used, declined)  # ("f(a, b) where:", "The … model:")
                asked = question_card(path, block, blocks[k + 1]) if k + 1 < len(blocks) and free[k + 1] else None
                broken = k + 1 < len(blocks) and opens_with_math(blocks[k + 1])  # (its answer goes on in a formula)
                for found in (asked, asked_and_answered(path, block, broken)):
                    if found is not None:
                        ex.add_card(QUESTION_FORM, *found)
                if tables.may_hold_table(block) and not measured_run(blocks[k - 1] if k else None, block):
                    table_cards(ex, path, block, blocks[k + 1] if k + 1 < len(blocks) else None)  # (not the numbers
                    # of the writer's own run: "timing, 512 tokens, 6 layers:" over them)
                outline_cards(ex, path, block, declined, alone=len(ex.drafts) == before)
                # (items a list card holds are not cards again one by one; a glossary too long for one card, which
                # no card holds, is a card per term)
                if len(ex.drafts) == before and not long_term_list_cards(ex, path, [block]):
                    definition_sentence_cards(ex, path, block)
                if remark is not None:
                    remarked.append((block.start, remark))
                    free[k] = False  # (no closing text: the remark is a card of its own)
                elif len(ex.drafts) == before and free[k] and (found := paragraph_card(path, block, declined)
                                                               or asked_paragraph(path, block)):
                    own = stood_for or not found[0].endswith(" …")
                    explained.append((block.start, found, own))  # ("… › Tensor data storage")
                    free[k] = not own  # (a name titles it, not the closing grab-bag; "The matrix is …" is a
                    # weaker front than the heading's own, when the closing text is a card of its own)
                elif len(ex.drafts) == before and free[k] and (found := emphasised_card(path, block, declined)):
                    explained.append((block.start, found, stood_for))  # ("… › bidirectional"; with no
                    free[k] = not stood_for  # opening card, the closing text that stands for the section holds it)
                elif len(ex.drafts) == before and free[k] and stood_for and k > used \
                        and _closes_after_items(blocks, k) and (found := topic_card(path, block, declined)) \
                        and not on_a_back(ex, found[1]):  # (not a question's answer)
                    explained.append((block.start, found, True))  # (after the opening card and the lists or tables
                    free[k] = False  # its section goes on with: "… › Dimensionality $k$")
            elif not free[k] and last_card_line(block, taken) is not None \
                    and not any(ln.no in whole and not LIST_ITEM.match(ln.text) for ln in block.lines):
                if (branches := branches_with_terms(ex, block, taken, whole)) is not None:
                    outline_cards(ex, path, branches, declined)  # (a branch beside the terms defined in it)
                if (rest := untaken_items(block, taken)) is None:
                    continue
                rest = outline_cards(ex, path, rest, declined, whole=block) or rest  # (items no formula card took)
                last = block.lines[last_card_line(block, taken)].no
                after = [ln for ln in rest.lines if ln.no > last]
                while after and (after[0].text[:1] in " \t" or not LIST_ITEM.match(after[0].text)):
                    after.pop(0)  # (the end of the item that held the last formula is that formula's)
                _rest_cards(ex, path, rest, after)
        if opening is not None:
            _join_steps(ex, blocks, free, used, (opened, made), declined)
        closed_at = len(ex.drafts)  # (the cards the closing text makes come from here on)
        closing, at = closing_text(ex, blocks, free, used, made, label is not None, (taken, whole))
        closed = closing is not None and place_closing(ex, path, section.drafts, (opened, made), opening, closing, at)
        aspect_cards(ex, path, blocks, free, used, section.drafts)  # ("Limitations: …" among other paragraphs)
        for start, (front, back), own in explained:
            if (own or not closed or start < at) and not shown_on_a_front(ex, back) \
                    and not on_a_back(ex, back, closed_at) and not works_example(back):
                ex.add_card(PARAGRAPH_FORM, shown := step_shown(front, blocks), back, start, front if shown != front else "")
                # a formula's introduction too, and a paragraph an aspect card took: "… › Intuition"; "… › Step 3" shows it)
        for start, (front, back) in remarked:
            shown, kept = with_case(ex, front)  # (the formula with the case it holds in: "For $t' < t$:")
            ex.add_card(REMARK_FORM, shown, back, start, kept)
        formula_list_cards(ex, section.drafts, path, blocks, taken, declined)
        loose_list_card(ex, section.drafts, path, blocks, taken)
        trailing_cards(ex, section.drafts, path, blocks, taken, declined)  # (what follows a formula, on no card yet)
        list_item_cards(ex, section.drafts, path, blocks, (taken, whole))  # (items no card holds: `math_lists`)
        closes.append(blocks)  # (its last paragraph, if no card holds it once the section is done: `_short_close`)
    lone_fact_cards(ex, section.path, section.body, section.drafts)  # (what no card holds between cards)
    for blocks in closes:
        _short_close(ex, section.drafts, blocks)  # ("It's a … applied too often." after a remark's paragraph)
    split_grab_bags(ex, section)
    listed_item_cards(ex, section.drafts, listed)
    _name_shared_fronts(ex, section)
    ask_headings(ex, section.drafts)  # ("PPO › Motivation": what is the motivation for PPO?)


_LONE_ITEM = re.compile(r"\A[-*+][ \t]+(?:[→⇒][ \t]*)?(?=\*\*)(?![^\n]*\n[ \t]*(?:[-*+]|\d+[.)])[ \t])")


def _name_shared_fronts(ex, section: Section) -> None:
    """Give each card of the section whose front is only its heading, which another card of the note shows too
    ("Step sizes" over "With a **constant** step, …" beside the formula card "Step sizes / Classical fix, …"), what
    its paragraph is about ("… › Step sizes › constant step"); its id stays the one of the bare heading."""
    headings = Counter(front for _, front in ex.drafts)
    for k in range(section.drafts, len(ex.drafts)):
        drafts, front = ex.drafts[k]
        draft = drafts[0]
        if len(drafts) != 1 or draft.form != FORM or draft.front != front or headings[front] < 2 \
                or draft.id_front != f"{FORM}: {front}":
            continue
        if topic := paragraph_topic(_LONE_ITEM.sub("", draft.back), front, bold_only=True):  # ("- → **X**: …" alone)
            ex.drafts[k] = [replace(draft, front=f"{front} › {topic}")], front
        elif asked := asked_sentence(draft.back, front):  # ("… is really **cross-correlation** — …": the sentence
            ex.drafts[k] = [replace(draft, front=f"{front}\n\n{asked}")], front  # asks for what it sets in bold)


def _closes_after_items(blocks: list[Block], k: int) -> bool:
    """Whether paragraph `k` of a section comes after its last list or table, one of the `MAX_CLOSING` paragraphs
    of prose right after it: the text that closes a section of items."""
    def items(block: Block) -> bool:
        return bool(LIST_ITEM.match(block.lines[0].text) or tables.may_hold_table(block))
    last = max((j for j, block in enumerate(blocks) if items(block)), default=len(blocks))
    return last < k <= last + MAX_CLOSING


def _remark(ex, first: int, path: str, blocks: list[Block], k: int, free: list[bool],
            declined: bool) -> tuple[str, str] | None:
    """The remark card of a section's paragraph `k` when it comes right after a display formula that made a formula
    card (of the cards from index `first` on) and speaks of it (`remarks.remark_card`)."""
    block = blocks[k]
    if k + 1 < len(blocks) and opens_with_math(blocks[k + 1]):
        block = before_last_item(block)  # ("- $\mu$ = global mean …" then "- Objective …:" over the next formula)
    if not k or block is None or (formula := (joined_formula if free[k - 1] else formula_above)(ex, first, blocks[k - 1])) is None:
        return None  # (after no formula card, or the introduction of the next formula; a formula a derivation's card
        # holds with the one before it is that card's)
    listed = k + 1 < len(blocks) and free[k + 1] and _SYMBOL_ITEM.match(blocks[k + 1].lines[0].text)
    if listed and opens_legend(text_of(block)) and not (k + 2 < len(blocks) and opens_with_math(blocks[k + 2])) \
            and (found := remark_card(path, Block(TEXT, block.lines + blocks[k + 1].lines), formula, declined)):
        free[k + 1] = False  # ("where $T$ is the **temperature**." over "- $T \to 0$: approaches argmax", …: one
        return found         # card of what the symbol does)
    return said_on(remark_card(path, block, formula, declined), blocks, k, free, declined)  # ("Either way: …")


def _short_close(ex, first: int, blocks: list[Block]) -> None:
    """Put a part's last paragraph on the remark card made of the paragraph before it, when it is one short line of
    prose that no card holds once the section is done (fewer words than a closing card needs): it sums up what the
    remark explains, and alone it would be on no card."""
    last = blocks[-1]
    if len(blocks) < 2 or any(ln.kind != TEXT or LIST_ITEM.match(ln.text) for ln in last.lines):
        return
    text = text_of(last).strip()
    if word_count(clean_prose(text)) >= MIN_OPENING_WORDS or "$" in text or on_a_back(ex, text, first):
        return
    before = range(blocks[-2].start, blocks[-2].lines[-1].no + 1)
    k = next((k for k in range(len(ex.drafts) - 1, first - 1, -1) if ex.drafts[k][0][0].line in before), None)
    if k is None or ex.drafts[k][0][0].form != REMARK_FORM:
        return
    drafts, heading = ex.drafts[k]
    ex.drafts[k] = ([replace(drafts[0], back=f"{drafts[0].back}\n\n{text}"), *drafts[1:]], heading)


def _tail_remark(ex, first: int, path: str, block: Block, taken: set[int],
                 declined: bool) -> tuple[list[Line], tuple[str, str]] | None:
    """(its lines, the card) of the text a paragraph goes on with right after its last formula card's display
    formula, up to a list, when it is a remark on that formula (`_remark`, for a paragraph of its own)."""
    last = last_card_line(block, taken)
    if last is None or last + 1 >= len(block.lines) or block.lines[last + 1].kind != TEXT:
        return None
    tail: list[Line] = []
    for line in block.lines[last + 1:]:
        if LIST_ITEM.match(line.text):
            break
        tail.append(line)
    formula = formula_above(ex, first, Block(block.kind, block.lines[:last + 1]))
    found = remark_card(path, Block(TEXT, tail), formula, declined) if tail and formula else None
    return (tail, found) if found else None


def _join_steps(ex, blocks: list[Block], free: list[bool], used: int, cards: tuple[int, int], declined: bool) -> None:
    """Put the list right after the opening paragraph on the opening card (`cards`: its index, and of the first card
    after it) when no card took any of its items and the two read as one passage: the steps or points the paragraph
    leads to ("The bootstrap says: resample from the data." over "1. Draw n points with replacement …")."""
    k = used + 1
    if k >= len(blocks) or not free[k] or not LIST_ITEM.match(blocks[k].lines[0].text):
        return
    first, last = blocks[k].lines[0].no, blocks[k].lines[-1].no
    if any(first <= d.line <= last for drafts, _ in ex.drafts[cards[1]:] for d in drafts):
        return  # (its items are cards of their own)
    if (back := passage([blocks[used], blocks[k]], declined=declined)) is not None:
        drafts, front = ex.drafts[cards[0]]
        ex.drafts[cards[0]] = ([replace(drafts[0], back=back)], front)


def _rest_cards(ex, path: str, rest: Block, after: list[Line]) -> None:
    """The cards of a list's items no formula card took (`rest`): the rest card of those `after` its formulas (not
    steps between them), and a card of each item that defines or labels its term, unless the rest card holds it.
    Under a day's "TIL", which says not what is asked (and would be the front of every day's rest card), only the
    items' own cards."""
    if not is_learned_path(path) and after and rest_card(ex, path, Block(TEXT, after), rest):
        if before := [ln for ln in rest.lines if ln.no < after[0].no]:
            definition_sentence_cards(ex, path, Block(TEXT, before), equals=True)
    else:  # (what other cards left of a list: its items are facts one by one, "- small k → …" among them)
        definition_sentence_cards(ex, path, rest, equals=True)
    backs = "\n".join(d.back for drafts, _ in ex.drafts for d in drafts)
    for item in list_items(rest.lines):  # ("2. Each σ is chosen so that … a fixed **perplexity** (≈ …)": its term)
        term = bare_term_over(rest.lines, item[0].no)  # (an item under "- **scheduled sampling** (…)": of it)
        where = f"{path} › {term}" if term else path
        if LIST_ITEM.sub("", item[0].text, count=1).strip()[:60] not in backs \
                and (found := emphasised_card(where, Block(TEXT, item), True, item=True)) is not None \
                and not shown_on_a_front(ex, found[1].split("\n", 1)[0]):  # (not a formula's introduction)
            ex.add_card(PARAGRAPH_FORM, *found, item[0].no, path + found[0][len(where):] if term else "")
    for item, text, line in aspect_lines(rest.lines):  # ("Limitation: …" under an item's formula: on no card yet)
        if not on_a_back(ex, text):
            named = labelled_item(item) if item else None
            ex.add_card(FORM, aspect_front(f"{path} › {named[0]}" if named else path, text), text, line)
