"""Pass 3 of extraction: walk the blocks of a note in document order, hand each to the card forms that could
match it, and finish the cards (ids, note ids, duplicates)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from dataclasses import replace
from pathlib import PurePosixPath

from mlwiki import ids
from mlwiki.extract import (algorithms, answered_boxes, callouts, cell_front_matter, crossrefs, derivations,
                            example_parts, examples, exercises, forms, formula_cards, lists, margins, proofs,
                            questions, self_tests, spaced_repetition, state_boxes, statements)
from mlwiki.extract.bold_titles import BOLD_TITLE_LEVEL
from mlwiki.extract.checklists import as_checklist_reads
from mlwiki.extract.blocks import Block, build_blocks, is_card_div, is_prose, list_items, text_of
from mlwiki.extract.firstwords import former_front
from mlwiki.extract.context import NoteContext
from mlwiki.extract.generalities import general_rule_card
from mlwiki.extract.symbol_definitions import symbol_definition_card
from mlwiki.extract.daily import is_date, is_stamped
from mlwiki.extract.day_notes import finished_day_cards
from mlwiki.extract.day_terms import day_subject, section_term
from mlwiki.extract.draft import Draft, written_by_hand
from mlwiki.extract.lines import (CODE, DIV_OPEN, HEADING, MATH, TEXT, classify, heading_level, problem,
                                 titled_as_written)
from mlwiki.extract.logseq import read_page
from mlwiki.extract.logseq_journal import day_opening
from mlwiki.extract.masking import mask_inline
from mlwiki.extract.page_lines import as_shown
from mlwiki.extract.prose import clean_prose, heading_text
from mlwiki.extract.polish import polished
from mlwiki.extract.shown_paths import with_real_paths
from mlwiki.extract.tool_text import as_its_tool_shows
from mlwiki.extract.subject import (EXAMPLE_CLASSES, applies_theory, heads_topic_part, is_example_title, names_subject,
                                   note_subject, included_subject)
from mlwiki.extract.tabsets import TABSET_CLASSES, tabs_as_headings
from mlwiki.extract.page_state import page_state_dropped
from mlwiki.extract.title_heading import keep_ids, title_heading, titled_apart
from mlwiki.extract.toggle_titles import joined_and_titled
from mlwiki.extract.toggles import item_questions
from mlwiki.models import Card, CardKind, Problem, Severity, Source

# The forms mlwiki reads out of ordinary prose: inside a worked example or an exercise they make no card (the
# forms written for mlwiki, `Q:`/`A:`, `::`, card divs and clozes, always do).
HEURISTIC_FORMS = frozenset(("formula", "lone-formula", "inline-formula", "definition", "definition-item",
                             "definition-opening", "statement", "question-heading", "question-callout", "bold-question",
                             "question-arrow", "definition-list", "question-item", "correction"))
IN_EXAMPLE = "in a worked example or exercise"


class Extractor:
    """The walk over one note's blocks, and what it has found so far."""

    def __init__(self, body: str, ctx: NoteContext, as_before: bool = False):
        self.page, self.page_ctx = (body, ctx) if not as_before else ("", ctx)  # (a Logseq page: read as before)
        body, ctx, self.page_lines = read_page(body, ctx, as_before)  # (a Logseq page: the document it shows)
        body, ctx, self.cell_titled = cell_front_matter.without_cell_front_matter(body, ctx, as_before)  # (its metadata)
        if as_before and ctx.toml:
            ctx = replace(ctx, title="")  # (a Hugo page's `+++` front matter, once unread: its file named it)
        self.ctx = ctx
        self.problems: list[Problem] = []
        self.drafts: list[tuple[list[Draft], str]] = []  # (sibling drafts, heading path)
        self.headings: list[tuple[int, str]] = []
        self.topic_parts: set[tuple[int, str]] = set()  # headings read as an exercise's that head a topic's part
        self.formulas_seen: dict[str, str] = {}  # formula → the introduction it was first carded with
        self.prev_text: Block | None = None
        self.prev_intro: tuple[str, str] | None = None  # of the formula that ended the previous paragraph
        self.chain: Draft | None = None  # the formula card a following derivation step would extend
        self.chain_last = ""  # ... and its last step
        self.since_formula: list[str] = []  # prose written since that formula
        self.in_worked_example = False  # the last formula was left out as a worked example
        body = answered_boxes.answered_as_asked(as_checklist_reads(spaced_repetition.without_schedules(body)))  # (the plugin's `<!--SR:…-->`: no card shows it; a checklist's task items are its checks; a ticked question over its answer, asked)
        self.flashcards = ctx.file_type == "md" and spaced_repetition.is_flashcard_note(body, ctx.tags)
        self.highlight = ctx.file_type == "md" and (ctx.highlight_cloze or self.flashcards)  # (the plugin's clozes)
        self.skipped: Counter = Counter()  # (form, why) → cards not made
        self.shown_whole: Counter = Counter()  # form → cards made that a statement's card shows whole (then dropped)
        self.proof_ideas: list[tuple[str, str, int]] = []  # (front, back, line): added after the sections closed
        self.statement_boxes: list[tuple[str, str, int, int, bool]] = []  # (front, back, first, last, prose): likewise
        self.formula_fronts: dict[str, Draft] = {}  # front → the formula card that has it
        self._fronts: set[str] = set()  # the fronts of self.drafts[:self._fronts_of]: see has_front
        self._fronts_of = 0
        self.section: lists.Section | None = None  # the section a section card would be made of
        self.unanswered: frozenset[int] = frozenset()  # (first lines of) a question heading's blocks past its answer
        self.asides: list = []  # untitled MyST notes and tips: cards at the end, if no card holds their text
        self.margin_notes, self.siblings = [], []  # cards at the end: `margins`, `sibling_items` (if none holds it)
        self._path_cache = {True: (None, 0, ""), False: (None, 0, "")}
        self.known_paths: set[str] = set()  # every heading path asked for: what a card's shown path may be
        self.terms: dict[tuple[int, str], str] = {}  # a day's "## Learned" heading → the term its section is about
        self._example_cache: tuple = (None, 0, False)  # (headings list, its length, inside an example?)
        body, as_written = as_its_tool_shows(body, ctx, as_before)  # (the tool's syntax read; see `tool_text`)
        lines = classify(body, self.problems, ctx.path, ctx.file_line)
        if self.flashcards:
            spaced_repetition.as_cards_read(lines)  # (`key:: value`: the plugin's card, not a Dataview field)
        lines, bold_titled = as_shown(lines, body, ctx.title, as_before)  # (HTML tables, Notion's properties, …)
        folds = "<details" in body or "<DETAILS" in body
        # (a fold's title without its "(click)": its cards keep the ids they had with it)
        reworded = folds and any(ln.kind == DIV_OPEN and ' written="' in ln.attrs for ln in lines)
        if as_before and reworded:
            titled_as_written(lines)
        self.blocks, toggled = joined_and_titled(build_blocks(lines, self.problems, ctx.path, ctx.file_line, not as_before), not as_before)
        if self.flashcards:
            spaced_repetition.set_apart(self.blocks)  # (each `Question::Answer` line a card of its own)
        exercises.set_apart(self.blocks, body)  # (exercises and their answers read as `{exercise}`, `{solution}`)
        if folds:
            questions.mark_answer_folds(self.blocks)  # ("**Why …?**" over `<details><summary>Answer`: its answer)
        self.title_level, self.first_h1 = title_heading(self.blocks, not as_before and not ctx.title, ctx.path)
        self.title_apart = not as_before and titled_apart(ctx, self.title_level, self.first_h1)  # ("# Setting")
        self.applies = applies_theory(self.first_h1, body)  # ("# Worked example: SVM dual": a chapter to study)
        self.subject = included_subject(note_subject(ctx.title, self.first_h1, ctx.path, as_before), ctx, as_before)
        # (a lone heading as title, a fold's "(click)" or a file name's Zettelkasten id left off: the cards keep ids)
        renamed = not as_before and self.subject != note_subject(ctx.title, self.first_h1, ctx.path, True) \
            or self.title_apart
        self.reworded = body if not as_before and (reworded or toggled or bold_titled or self.title_level > 1 or renamed
                                                   or ctx.toml and bool(ctx.title)
                                                   or state_boxes.skipped_page_state(self.blocks)) else ""
        paged = (self.page_lines or self.cell_titled) and not as_before
        self.reworded = self.page if paged else as_written or self.reworded  # (ids kept)
        self.day = self.dated = self.lectured = self.opening_topic = ""  # (a daily note's: see below)
        if not self.subject and ((day := ctx.title or self.first_h1 or PurePosixPath(ctx.path).stem)
                                 and is_date(day) or is_stamped(day)):
            opening = self.blocks if self.page_lines is None else day_opening(self.blocks)  # (a journal's entries)
            self.subject, self.lectured = day_subject(opening, as_before)  # (what the day's note is about)
            self.opening_topic = self.subject  # (its opening line titles the note: no card of its own)
            self.day = "" if self.subject else day.strip()
            self.dated, self.reworded = day.strip(), self.reworded or (body if self.lectured else "")  # (ids kept)
        self.body = body if crossrefs.may_refer(body) else ""  # (for the cross-references on its cards)

    def err(self, line: int, message: str, severity: Severity = Severity.ERROR, code: str = "syntax") -> None:
        self.problems.append(problem(self.ctx.path, self.ctx.file_line(line), message, severity, code))

    def heading_path(self, subject: bool = True) -> str:
        """The headings (and callout titles) a card sits under, rooted in the note's subject when they do not
        already name it; without `subject`, as a card's id sees it (renaming a file keeps its cards).
        Remembered while the headings stay the same: a section's cards all ask for it."""
        cached = self._path_cache[subject]
        if cached[0] is self.headings and cached[1] == len(self.headings):
            return cached[2]
        path = self._path(subject)
        self._path_cache[subject] = (self.headings, len(self.headings), path)
        if subject:
            self.known_paths.add(path)
        return path

    def id_path(self) -> str:
        """The heading path a card's id sees (`heading_path(False)`); in a note without headings, where that is
        empty for every note, the subject's (two notes' untitled warnings are two cards, not one)."""
        return self.heading_path(False) or self.heading_path()

    def _path(self, subject: bool) -> str:
        path: list[str] = []
        for level, heading in self.headings:
            heading = self.terms.get((level, heading), heading) if subject and self.terms else heading
            if heading and (not path or heading != path[-1]):  # (a title repeated as the first heading: once)
                path.append(heading)
        if subject and self.subject and not (self.lectured and any(h in self.terms for h in self.headings)) \
                and not self._under_title() and not names_subject(self.subject, path):  # (a day's own term: its root)
            path.insert(0, self.subject)
        elif subject and path and self.subject.endswith(f": {self.first_h1}") and path[0] == self.first_h1 \
                and self._under_title():
            path[0] = self.subject  # (a title that names nothing, "Introduction", said with its folder's name)
        return " › ".join(path)

    def _under_title(self) -> bool:
        """Whether the headings start at the note's title heading (its first heading, an H1 or a lone heading at
        its top), which names the note as well as its title does; a later H1 ("# Pruning") is a section."""
        return bool(self.headings) and self.headings[0] == (self.title_level, self.first_h1) and not self.title_apart

    def in_example(self) -> bool:
        """Whether the walk is inside a worked example or an exercise (a heading, callout or directive says so)."""
        cached = self._example_cache
        if cached[0] is not self.headings or cached[1] != len(self.headings):
            title = (self.title_level, self.first_h1)
            found = any(level < 0 or is_example_title(h, level != int(BOLD_TITLE_LEVEL))  # (a bold run log: `run_lists`)
                        and not (self.applies and (level, h) == title)
                        and (level, h) not in self.topic_parts for level, h in self.headings)
            self._example_cache = cached = (self.headings, len(self.headings), found)
        return cached[2]

    def emit(self, drafts: list[Draft]) -> bool:
        """Add a card (its siblings); whether it was added: a card mlwiki reads out of prose is left out of
        worked examples and exercises, and counted as skipped."""
        if drafts[0].form in HEURISTIC_FORMS and self.in_example() and \
                not examples.general_in_example(self.headings, drafts[0]) and not self._general_part():
            self.skip(drafts[0].form, IN_EXAMPLE)
            return False
        self.drafts.append((drafts, self.heading_path()))
        if drafts[0].kind != CardKind.FORMULA:
            self.chain = None  # another card stands between: what follows is no longer the same derivation
        return True

    def _general_part(self) -> bool:
        """Whether the walk is in a subsection of a worked example that states general results ("Example 1 ›
        Conclusion", "Examples › SVM" in symbols): its cards are any section's (the rule an example applies is a
        card, and so is what it concludes)."""
        return self.section is not None and self.section.path == self.heading_path() and \
            example_parts.states_general(self.headings, [ln for b in self.section.body for ln in b.lines])

    def add_card(self, form: str, front: str, back: str, line: int, id_front: str = "") -> bool:
        """A card read out of the note's prose, unless a card of the note has its front already (two sections of
        one name under one heading: neither front says which is asked); whether it was made. Its id is made of its
        form and front, subject included ("Why it works" heads sections of many notes; a renamed note's cards
        follow it by the similarity of fronts); `id_front`: the front it had before it gained a topic, which its
        id keeps."""
        if self.has_front(front):
            return False
        heading = front.split("\n\n", 1)[0]  # (the path, without the formula or the words a front shows under it)
        id_front = id_front or former_front(front, back)  # (a front reworded from a sentence's first words)
        self.drafts.append(([Draft(CardKind.BASIC, front, back, line, form=form,
                                   id_front=f"{form}: {id_front or front}")], heading))
        return True

    def drop_draft(self, k: int) -> None:
        """Take back the k-th card made (a section's card that proved to say nothing to recall)."""
        del self.drafts[k]
        self._fronts_of = min(self._fronts_of, k)  # (the fronts after it moved: gathered again; its own stays taken)

    def keep_drafts(self, kept: list[tuple[list[Draft], str]], free: frozenset = frozenset()) -> None:
        """Keep only `kept` of the cards made (the others a later card holds instead: a proof's idea); the fronts
        past its length are gathered again, and a dropped card's own stays taken, as with `drop_draft`, unless it
        is in `free` (the card that stands for them takes it: a theorem's statement, its box's section card's)."""
        self.drafts = kept
        self._fronts_of = min(self._fronts_of, len(kept))
        if free and not self.has_front(""):  # (the kept cards' fronts gathered)
            self._fronts -= free - {d.front for drafts, _ in kept for d in drafts}

    def has_front(self, front: str) -> bool:
        """Whether a card made so far has this front. The fronts are gathered as the cards come (a card's front
        never changes, nor does the list lose a card), not looked through for every card a section adds."""
        for drafts, _ in self.drafts[self._fronts_of:]:
            self._fronts.update([d.front for d in drafts])
        self._fronts_of = len(self.drafts)
        return front in self._fronts

    def skip(self, form: str, why: str) -> None:
        self.skipped[(form, why)] += 1
        if form.endswith("formula"):
            self.chain = None

    def add_pair(self, kind: CardKind, front: str, back: str, line: int, both_ways: bool = False,
                 explicit_id: str = "", deck: str = "", tags: tuple[str, ...] = (), form: str = "",
                 quiet: bool = False, id_front: str = "") -> None:
        """One card (two with `both_ways`); an empty side is an error, or no card at all when `quiet`."""
        front, back = front.strip(), back.strip()
        if not front or not back:
            if not quiet:
                self.err(line, f"card has an empty {'front' if not front else 'back'}")
            return
        drafts = [Draft(kind, front, back, line, explicit_id, deck=deck, tags=tags, form=form, id_front=id_front)]
        if both_ways:
            drafts.append(Draft(CardKind.REVERSE, back, front, line, explicit_id, deck=deck, tags=tags, form=form))
        self.emit(drafts)

    def separate(self) -> None:
        """A heading or div boundary: paragraphs and derivations do not continue across it."""
        self.prev_text = self.prev_intro = self.chain = None
        self.since_formula, self.in_worked_example = [], False

    def walk(self) -> None:
        """Visit the blocks in document order, entering divs that are not cards. Divs may nest thousands deep,
        so the way back out of them is an explicit stack, not recursion."""
        stack = [(self.blocks, 0, self.headings, False)]
        lists.open_section(self, self.blocks, -1)  # the text before the first heading: the subject's own
        while stack:
            blocks, i, self.headings, titled = stack.pop()  # a heading inside a callout titles only the callout
            self.separate()
            while i < len(blocks):
                block = blocks[i]
                if block.kind == HEADING:
                    self.heading(blocks, i, titles_div=titled and i == 0)
                elif block.kind == TEXT:
                    i = self.paragraph(blocks, i)
                    continue
                elif is_card_div(block):
                    if not block.skip:
                        forms.div_card(self, block)
                    self.separate()
                else:  # any other div
                    self.separate()
                    statements.note_box(self, block)  # (a theorem's statement with formulas: its card at the end)
                    if block.attrs.get("myst") == "prf:algorithm":
                        algorithms.algorithm_card(self, block)  # (its steps in order; its text is walked all the same)
                    if margins.is_margin_div(block):  # (a note beside the text: a card of its own, or none)
                        if not block.skip:
                            margins.margin_div_card(self, block)
                        i += 1
                        continue
                    if block.skip or "no-card" in block.attrs.get("classes", ()) or forms.glossary_cards(self, block) \
                            or "proof" in block.lines[0].text and proofs.proof_card(self, blocks, i) \
                            or questions.callout_question(self, block) or callouts.callout_card(self, block):
                        i += 1
                        continue
                    stack.append((blocks, i + 1, self.headings, titled))
                    title = block.attrs.get("title")
                    titled = not TABSET_CLASSES.intersection(block.attrs.get("classes", ()))
                    if EXAMPLE_CLASSES.intersection(block.attrs.get("classes", ())):  # MyST {exercise}, {solution}
                        self.headings = [*self.headings, (-1, clean_prose(title or ""))]
                        self.skip(exercises.FORM, IN_EXAMPLE)
                    elif title:  # a callout's title leads the fronts of the formulas in it
                        self.headings = [*self.headings, (0, clean_prose(title))]
                    blocks, i = block.children, 0
                    if block.attrs.get("myst") == "tab-set":
                        blocks = tabs_as_headings(block, max((lv for lv, _ in self.headings), default=0) + 1)
                    continue
                i += 1
        lists.close_section(self)
        proofs.add_proof_ideas(self)  # (the sections read as before: a proof was code to them)
        statements.add_statement_cards(self)  # (and a statement's formulas: its card stands for them)
        callouts.aside_cards(self)
        margins.add_margin_cards(self)
        if self.body:
            crossrefs.resolve(self.body, [d for drafts, _ in self.drafts for d in drafts], self.ctx.project_targets)
            self.drafts = [(drafts, path) for drafts, path in self.drafts  # ("{#eq-x} ::: …": a label, no front)
                           if all(d.front.strip() and d.back.strip() for d in drafts)]
        self.drafts = polished(self)  # (the passes over every card the walk made: extract.polish)
        if self.reworded:  # (a lone heading titles the note, a fold's "(click)" left off: fronts without the ids)
            before = Extractor(self.reworded, self.page_ctx if self.page_lines or self.cell_titled else self.ctx,
                               as_before=True)
            before.walk()
            keep_ids(self.drafts, before.drafts, self.page_lines)
        self.drafts = finished_day_cards(self.drafts, self.dated, self.terms)  # (a day's "Learned": not another's)
        self.drafts = with_real_paths(self.drafts, self.known_paths)  # (the path shown: headings, no label)

    def heading(self, blocks: list[Block], i: int, titles_div: bool = False) -> None:
        """A heading: the path of what follows. `titles_div`: it opens a callout (Quarto's `## Why this matters`
        first in a `.callout-note`), which it titles under the section it is in, whatever its level."""
        line = blocks[i].lines[0]
        level = heading_level(line)
        if titles_div:
            level = max((lv for lv, _ in self.headings), default=0) + 1
        lists.close_section(self)
        after_example = bool(self.headings) and is_example_title(self.headings[-1][1])
        self.headings = [(lv, h) for lv, h in self.headings if lv < level]
        questions.heading_question(self, blocks, i)
        self.headings.append((level, heading_text(line.text)))  # [[links]] as their text
        if heads_topic_part(self.headings[-1][1], text_of(blocks[i + 1]) if i + 1 < len(blocks) else "?",
                            after_example):
            self.topic_parts.add(self.headings[-1])  # ("## Solution" over the fixes of vanishing gradients)
        self.terms.pop(self.headings[-1], None)
        if (term := section_term(self.headings[-1][1], blocks, i, self.lectured)) is not None:
            self.terms[self.headings[-1]] = term  # ("## Learned" over "**WordPiece** (…). Like BPE …": its subject)
        self.heading_path()  # (known: a card a later pass makes of the section shows it)
        worked, _ = self.in_worked_example, self.separate()  # (a bold title goes on with a worked example)
        self.in_worked_example = worked and line.attrs == BOLD_TITLE_LEVEL
        lists.open_section(self, blocks, i)

    def paragraph(self, blocks: list[Block], i: int) -> int:
        """Handle the paragraph at blocks[i]; return the index of the next block to look at. Every note passes
        through here, so each card form is tried only when a cheap substring test says its syntax could be here."""
        item_questions(self, blocks, i)  # ("- Why …?" over its answer: a card, and the rest of its list read on)
        block = blocks[i]
        if block.skip:
            self.separate()
            return i + 1
        if self.flashcards and spaced_repetition.line_card(self, block):
            return i + 1
        text = text_of(block)
        if block.lines[0].kind == CODE:  # (a MyST margin note: its card; the paragraph goes on as code)
            margins.myst_margin_card(self, block)
        elif "]{." in text and margins.span_card(self, block):  # (a Quarto margin span, alone)
            return i + 1
        if i and "roof" in text[:40] and blocks[i - 1].kind in (DIV_OPEN, TEXT) and \
                (after := proofs.proof_card(self, blocks, i)) is not None:
            return after  # (a proof after a titled theorem: one card of its idea, not of its steps)
        if "tep" in text[:12] and (after := derivations.derivation_card(self, blocks, i)) is not None:
            return after  # ("**Step 1.** …", "**Step 2.** …": one card, every step on it)
        if "Q" in text and "Q." in text and self_tests.self_test_cards(self, block):  # ("Q. …" / "A. …": a self-test's pairs)
            return i + 1
        if "Q" in text and "Q:" in text and (k := forms.q_line(block)) is not None:  # (see check_dollars)
            if k == 0:
                self.separate()
                return forms.question_answer(self, blocks, i)
            block = forms.split_before(blocks, i, k)  # the text before the `Q:` line is a paragraph of its own
            text = text_of(block)
        ending_intro, formulas, made = None, 0, len(self.drafts)
        if "?" in text and any(arrow in text for arrow in questions.ARROWS) and questions.arrow_answers(self, block):
            pass  # (`- why …? → because …`: its lines are cards, no other form's)
        elif "?" in text and (k := forms.qmark_line(block, text)) is not None:
            forms.multiline_card(self, block, k)
        elif "*" in text and "**" in text and ((self.ctx.bold_questions and questions.bold_question(self, blocks, i))
                               or forms.statement_card(self, block, blocks[i + 1:i + 6])):  # (formulas: cards too)
            ending_intro, formulas = formula_cards.formula_cards(self, block, text)
        elif forms.cloze_card(self, block, text):
            pass
        elif forms.inline_cards(self, block, text) | forms.definition_cards(self, block, text) \
                | forms.definition_list_cards(self, block, text):
            formulas = self.formulas_beside(block, made)  # ("- the optimal length satisfies" over a ```{math})
        else:
            ending_intro, formulas = formula_cards.formula_cards(self, block, text)
        if ("efine" in text[:12] or "Let" in text[:4]) and "**" in text and len(self.drafts) == made:
            symbol_definition_card(self, block, text)  # ("Define the **forward variable** $\alpha_t = …$")
        if ("eneral" in text or "esson" in text or "akeaway" in text or "oral" in text) and len(self.drafts) == made \
                and self.in_example():
            general_rule_card(self, block)  # ("In general: …" in a worked example: the rule it shows)
        if "$" in text:
            self.check_dollars(block)
        if is_prose(block):  # code, images and tables do not separate a formula from its introduction
            self.prev_text, self.prev_intro = block, ending_intro
            if not formulas and self.chain is not None:  # (only a derivation going on needs the prose after it)
                self.since_formula.append(paragraph_text(block))
        return i + 1

    def formulas_beside(self, block: Block, made: int) -> int:
        """The formula cards of the display formulas in a list's items that made no card of another form (the cards
        from index `made` on): "- the optimal expected length satisfies" over a nested ```{math} among items that
        define terms. How many display formulas those items hold."""
        if not any(ln.kind == MATH for ln in block.lines):
            return 0
        carded = {d.line for drafts, _ in self.drafts[made:] for d in drafts}
        kept = [ln for item in list_items(block.lines) if item[0].no not in carded for ln in item]
        if not any(ln.kind == MATH for ln in kept):
            return 0
        kept_block = Block(block.kind, kept)
        return formula_cards.formula_cards(self, kept_block, text_of(kept_block))[1]

    def check_dollars(self, block: Block) -> None:
        text = "\n".join([ln.text for ln in block.lines if ln.kind == TEXT])
        # Math spans hold two dollars each, so only code, comments, shortcodes and `\$` can change the parity:
        # without them an even count needs no masking. (A test of one character is several times faster than of
        # more: each longer one waits for its rarest character.)
        if text.count("$") % 2 == 0 and not ("`" in text or ("<" in text and ("<!--" in text or "{{<" in text))
                                             or ("%" in text and "%%" in text) or ("\\" in text and "\\$" in text)):
            return
        if mask_inline(text)[0].count("$") % 2:
            line = next(ln.no for ln in block.lines if ln.kind == TEXT and "$" in ln.text)
            self.err(line, "unbalanced '$' (write \\$ for a dollar sign)", Severity.WARNING, "math")

    def cards(self) -> list[Card]:
        """The finished cards: ids given, siblings sharing a note id; a card whose id came before is dropped."""
        path = self.ctx.path
        return [Card(cid, note_id, d.kind, d.front, d.back, Source(path, line), deck, tags, heading, d.group, d.text,
                     bool(d.explicit_id), k, content_hash, written_by_hand(d))
                for k, (d, cid, note_id, line, deck, tags, heading, content_hash, _) in enumerate(self.finished())]

    def finished(self) -> Iterator[tuple[Draft, str, str, int, str, tuple[str, ...], str, str, str]]:
        """(draft, id, note id, file line, deck, tags, heading path, content hash, `ids.back_key`) of each card
        `cards` makes, in its order: what a scan stores, without making a Card of each first."""
        seen: dict[str, tuple[bool, int]] = {}  # id → (explicit, file line)
        ctx = self.ctx
        normalize, file_line, hashes = ids.normalize, ctx.file_line, ids.card_hashes
        for drafts, heading in page_state_dropped(self.drafts):  # (after `forms` counted them: init's tally holds)
            fronts = [normalize(d.front) for d in drafts]  # for the content hash, and most ids
            card_ids = [draft_id(d, front) for d, front in zip(drafts, fronts)]
            note_id = drafts[0].explicit_id or card_ids[0]
            for d, cid, front in zip(drafts, card_ids, fronts):
                line = file_line(d.line)
                if cid in seen:
                    self.report_repeat(cid, d, line, *seen[cid])
                    continue
                seen[cid] = (bool(d.explicit_id), line)
                tags = ctx.tags if not d.tags else tuple(dict.fromkeys(ctx.tags + d.tags))
                yield d, cid, note_id, line, d.deck or ctx.deck, tags, heading, *hashes(front, d.back)

    def forms(self) -> Counter:
        """How many cards each form made (before duplicates are dropped)."""
        return Counter(d.form for drafts, _ in self.drafts for d in drafts if d.form) + self.shown_whole

    def add_formula_draft(self, draft: Draft) -> bool:
        """A formula card, unless another formula of the note already has its front (several formulas under
        one heading with no sentence telling them apart): then it joins that card's back, and `check` says
        which formula to introduce. Whether it made a card of its own."""
        first = self.formula_fronts.get(draft.front)
        if first is not None:
            first.back += "\n\n" + draft.back
            self.err(draft.line, f"this formula shares its front with the one at line "
                                 f"{self.ctx.file_line(first.line)}, so both are on that card's back (write a "
                                 "sentence before it saying what it is to make it a card of its own)",
                     Severity.WARNING, "formula-front")
            return False
        if not self.emit([draft]):
            return False
        self.formula_fronts[draft.front] = draft
        return True

    def report_repeat(self, cid: str, draft: Draft, line: int, first_explicit: bool, first_line: int) -> None:
        if draft.explicit_id and first_explicit:
            message, severity, code = f"duplicate id '{cid}' (also at line {first_line})", Severity.ERROR, \
                "duplicate-id"
        else:
            message, severity, code = f"the same card is also at line {first_line}; only that one is kept", \
                Severity.WARNING, "duplicate-card"
        self.problems.append(problem(self.ctx.path, line, message, severity, code))


def draft_id(d: Draft, normalized_front: str | None = None) -> str:
    """A card's id: its explicit id (with a suffix per sibling), a formula card's formulas, else its front
    (`normalized_front`: its front through `ids.normalize`, when the caller has it already)."""
    if d.explicit_id:
        return d.explicit_id + ("-r" if d.kind == CardKind.REVERSE else f"-c{d.group}" if d.kind == CardKind.CLOZE
                                else "")
    if d.kind == CardKind.FORMULA and d.formulas:
        return ids.formula_id(d.formulas, d.group)
    if d.id_front or normalized_front is None:
        return ids.card_id(d.kind.value, d.id_front or d.front, d.group)
    return ids.normalized_card_id(d.kind.value, normalized_front, d.group)


def paragraph_text(block: Block) -> str:
    return "\n".join(ln.text for ln in block.lines if ln.kind == TEXT)
