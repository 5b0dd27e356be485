"""The passes over every card a note's walk made, once it is done: what no single card form can see (a card that
repeats another's back, the cards under a heading its card shows, a day's log, the writer's to-dos), and the
rewordings that need the whole note (a step's text, a footnote, a linked note's title)."""

from __future__ import annotations

from mlwiki.extract import heading_equations, lone_remarks, numbered_leads
from mlwiki.extract.aligned_rows import aligned_row_cards
from mlwiki.extract.author_repeats import without_author_repeats
from mlwiki.extract.aside_labels import asides_asked
from mlwiki.extract.balanced_marks import balanced_marks, sentences_ended
from mlwiki.extract.children import without_shown_children
from mlwiki.extract.bare_titles import without_bare_titles
from mlwiki.extract.book_blurbs import without_book_blurbs
from mlwiki.extract.claim_labels import claim_labels_asked
from mlwiki.extract.citation_keys import without_citation_keys, without_source_cards
from mlwiki.extract.converses import converses_asked
from mlwiki.extract.doubled_tex import ids_as_written
from mlwiki.extract.upnote import is_upnote_export
from mlwiki.extract.dated_entries import without_dated_entries
from mlwiki.extract.day_accounts import without_day_accounts
from mlwiki.extract.emphasis_fronts import emphasis_asked
from mlwiki.extract.errands import errands_dropped
from mlwiki.extract.example_terms import without_example_terms
from mlwiki.extract.footnotes import with_footnotes
from mlwiki.extract.formula_facts import split_said
from mlwiki.extract.formula_glosses import glosses_placed
from mlwiki.extract.formula_in_fact import without_formulas_in_facts
from mlwiki.extract.heading_claims import claims_asked, subjects_asked
from mlwiki.extract.highlight_asks import highlights_asked
from mlwiki.extract.highlight_repeats import without_highlight_repeats
from mlwiki.extract.front_asides import named_asides_on_back
from mlwiki.extract.housekeeping import housekeeping_dropped
from mlwiki.extract.idle_labels import idle_labels_asked
from mlwiki.extract.hub_sections import hub_cards_kept
from mlwiki.extract.label_asks import labels_asked
from mlwiki.extract.list_clozes import list_clozes
from mlwiki.extract.reading_lists import without_reading_lists
from mlwiki.extract.answer_labels import without_answer_labels
from mlwiki.extract.unanswered import without_unanswered
from mlwiki.extract.worked_numbers import without_worked_numbers
from mlwiki.extract.writer_reactions import without_reactions
from mlwiki.extract.nav_lines import without_navigation
from mlwiki.extract.log_entries import log_entries_read
from mlwiki.extract.lesson_labels import lessons_named
from mlwiki.extract.log_lines import without_log_lines
from mlwiki.extract.not_defining import ranked_asked
from mlwiki.extract.note_twins import without_note_twins
from mlwiki.extract.paired_definitions import paired_definitions
from mlwiki.extract.formula_intros import without_formula_intros
from mlwiki.extract.html_inline import inline_html_as_markdown
from mlwiki.extract.repeats import without_repeats
from mlwiki.extract.resource_sections import without_resource_sections
from mlwiki.extract.run_lists import without_run_lists
from mlwiki.extract.remark_claims import remark_claims_apart
from mlwiki.extract.said_asks import said_asked
from mlwiki.extract.said_effects import said_effects_asked
from mlwiki.extract.said_kinds import said_kinds_asked
from mlwiki.extract.said_subjects import said_subjects_asked
from mlwiki.extract.said_parts import said_parts
from mlwiki.extract.sibling_items import with_sibling_cards
from mlwiki.extract.paragraph_clozes import paragraph_clozes
from mlwiki.extract.proof_steps import proof_steps_named
from mlwiki.extract.sentence_clozes import sentence_clozes
from mlwiki.extract.stressed_claims import stressed_claims_asked
from mlwiki.extract.shown_inline_cards import inline_cards_read
from mlwiki.extract.signposts import without_signposts
from mlwiki.extract.source_asides import without_source_asides
from mlwiki.extract.step_refs import with_steps_shown
from mlwiki.extract.pointed_shown import with_pointed_shown
from mlwiki.extract.step_twins import without_step_twins
from mlwiki.extract.step_gaps import derivations_asked
from mlwiki.extract.stray_marks import without_stray_marks
from mlwiki.extract.personal_stories import without_stories
from mlwiki.extract.task_cards import without_question_boxes, without_task_cards
from mlwiki.extract.tidy import tidy
from mlwiki.extract.title_leads import asked_leads
from mlwiki.extract.title_slides import without_title_slide
from mlwiki.extract.zettel_hubs import without_hub_lists
from mlwiki.extract.zettel_links import with_zettel_titles


def polished(ex) -> list:
    """The drafts of a walked note (`ex`: its walk.Extractor) after the passes over all of them, in order."""
    drafts = with_sibling_cards(ex)  # (a definition list's other items, when no card holds them)
    drafts = without_citation_keys(inline_html_as_markdown(drafts))  # ("[@key]" off; a card naming a source)
    drafts = without_unanswered(without_signposts(without_stories(tidy(drafts))))  # (to-dos, diary, "Next: …" off; a
    # doubt asked back; the writer's own story, "Had a long chat with R. about …", off)
    if ex.ctx.records_book:
        drafts = without_book_blurbs(drafts, ex.subject)  # (a book's note: the publisher's description of it)
    drafts = without_dated_entries(drafts, ex.blocks)  # ("12–14 Feb. Paper: …": the writer's day, opened on its date)
    drafts = paired_definitions(drafts)  # ("**Masking**: … . **Swamping**: …": two terms, two definition cards)
    drafts = without_log_lines(without_title_slide(drafts, ex.page))  # (a journal's "afternoon: …", "## Tomorrow";
    # a deck's title slide: its paper, authors, agenda)
    drafts = log_entries_read(drafts, ex.subject, ex.blocks)  # (a log's dated entries: the lessons they state, not the day)
    drafts = lessons_named(drafts)  # ("Study log › TIL" over a lesson: named by its subject)
    drafts = without_repeats(drafts, ex.shown_whole)  # (no back ends on another card's whole back)
    drafts = without_author_repeats(drafts)  # (nor asks a formula the writer carded: the writer's card wins)
    drafts = without_formula_intros(drafts)  # (nor is a formula's lead-in words alone, "… and set")
    drafts = glosses_placed(drafts, ex.blocks)  # ("$$a(i) = …$$ (mean distance …)": the gloss a's, not b's intro)
    drafts = without_highlight_repeats(drafts)  # (nor a paper's highlight the reader's summary says: it wins)
    drafts = without_formulas_in_facts(drafts)  # (nor a formula card its paragraph's card holds whole)
    drafts = without_step_twins(drafts)  # (nor a derivation's step, "Pythagoras: $…$.", its card holds)
    drafts = without_shown_children(drafts)  # (nor holds what the cards under its heading show)
    drafts = heading_equations.equated_heading_cards(drafts, ex.blocks)  # ("## RF = bagging + …")
    drafts = lone_remarks.lone_remark_cards(drafts, ex.blocks)  # ("… › caveat")
    drafts = numbered_leads.merged_numbered_leads(drafts)  # ("Method 1:", "Method 2:" over formulas)
    drafts = aligned_row_cards(drafts)  # (one aligned block of named rows, "&& \\text{forget gate}": a card per row)
    drafts = split_said(drafts)  # (the bullets after a formula, each a fact of its own: a card each)
    drafts = said_parts(drafts)  # (a formula's side remarks, "$k$ = …", "Downside: …": each asked by what it is)
    drafts = asked_leads(drafts, ex.subject)  # (a title-only front: "Goal: …" asks the goal)
    drafts = converses_asked(drafts)  # (a claim's heading over its converse: the converse asked)
    drafts = proof_steps_named(drafts)  # ("Proof: A + B:" over a step: the statement it proves named)
    drafts = ranked_asked(drafts)  # ("Define: X" over "X is usually the more painful one": asked under the path)
    drafts = with_steps_shown(drafts, ex.blocks)  # ("Why step 5 works?": step 5 on its front)
    drafts = with_pointed_shown(drafts, ex.blocks)  # ("… › First one" under a formula: the formula on its front)
    drafts = errands_dropped(housekeeping_dropped(drafts, ex.ctx, ex.opening_topic))  # (a hub, a deadline, an
    # empty form, an exam's date and room)
    drafts = without_day_accounts(drafts, ex.dated, ex.subject)  # (a day's opening: "Started … today. Plan: …")
    drafts = asides_asked(drafts)  # ("… › prof's aside" over "Chi-square test: …": asked by the test)
    drafts = named_asides_on_back(without_stray_marks(drafts))  # (a lone "**" a cut question left; a term named in
    # brackets in a formula's introduction, "(… = "masked" attention)", to its back)
    drafts = list_clozes(without_reading_lists(drafts))  # (a reading list off; a bare heading over a list of
    # claims: a card per item, the others shown; after housekeeping: what it drops, a deadline or the writer's open questions, is no card at all)
    drafts = without_resource_sections(drafts)  # ("## Resources I actually used": a card per link or work, none)
    drafts = without_answer_labels(drafts)  # (a "Define: Original claim" of an item a cloze of the list asks)
    drafts = emphasis_asked(drafts)  # (a bare heading over a short text that sets one phrase in bold: asked by it;
    # after the clozes of a list, which leave the paragraph before it on the heading's card)
    drafts = highlights_asked(drafts)  # (a paper's highlight titled by its page: asked from its own words)
    drafts = claims_asked(drafts)  # (a bare heading over a claim about it: "Trees can't extrapolate …" asks it)
    drafts = claim_labels_asked(drafts)  # ("… › Properties › Arbitrary shapes" over "**Arbitrary shapes** — …": the
    # claim blanked, what the item says of it shown)
    drafts = sentence_clozes(without_reactions(drafts))  # ("Took me a minute to trust that." off a back first)  # (a bare heading over a paragraph of claims: a card per sentence, the others shown)
    drafts = paragraph_clozes(drafts, ex.page)  # (over two or three short paragraphs of claims: a card per paragraph)
    drafts = without_worked_numbers(drafts)  # (a back of worked-example arithmetic, "B = 128: std ≈ 0.177 → SNR ≈ 2.8")
    drafts = without_example_terms(drafts)  # ("Define: Pinball example" over one case's figures)
    drafts = without_source_asides(drafts)  # ("The Distill article has an interactive plot …", "Their β = my μ.")
    drafts = without_run_lists(drafts)  # (a log's "- v3: + calendar features → 342": one of the writer's runs)
    drafts = labels_asked(drafts, ex.subject)  # (a front still a path that ends on a writer's label, "… › Key insight":
    # asked that kind of remark of the subject above it; after the clozes, which ask a label's claims one by one)
    drafts = subjects_asked(drafts)  # (a bare heading over a paragraph those left, on a subject of its own: asked)
    drafts = stressed_claims_asked(drafts)  # (… or over a paragraph that stresses one claim: that claim asked)
    drafts = said_kinds_asked(drafts)  # (a remark after a formula that says its kind: a derivation, a condition)
    drafts = said_effects_asked(drafts)  # (a remark that opens on what the formula does, a caveat, what it equals)
    drafts = said_subjects_asked(drafts)  # (a one-sentence remark: asked of the quantity or operation it opens on)
    drafts = said_asked(drafts)  # (a remark still asked "What it says" of a formula: asked of what the note calls it)
    drafts = remark_claims_apart(drafts)  # (a remark that lists separate claims of a formula: a card per claim)
    drafts = without_hub_lists(drafts) if ex.ctx.zettels else drafts  # (a hub's "- [[2025…]] Title — gist" list)
    drafts = hub_cards_kept(drafts, ex.subject) if ex.ctx.hub else drafts  # (a map of content: its own words only)
    drafts = with_zettel_titles(with_footnotes(drafts, ex.page), ex.ctx.zettels)  # ("[[2025…]]": a title)
    drafts = without_navigation(without_source_cards(drafts))  # ("Textbook: …" once the note's talk and footnote
    # marks are off; then "Hub: [Index](…) · …" alone on a back, whose line's "› Paper" card stays)
    drafts = without_question_boxes(without_task_cards(drafts))  # (a back that is the writer's task boxes only,
    # left by a later cut; "[x] why …?" on a front: asked without its box)
    drafts = without_bare_titles(drafts)  # ("**Rough notes** (fill in later)" under "Rough notes")
    drafts = inline_cards_read(drafts)  # (a "Term :: what it is" line shown on another card: "Term: what it is")
    drafts = without_note_twins(drafts)  # (two cards of the note that say one fact, a label's and its list's blank:
    # the one that asks best stays; once every card is made and worded)
    drafts = idle_labels_asked(drafts)  # (a front still ending on a label, "… › in code", "Define: Key fact": asked by
    # its kind or its sentence's cue; after the twins, which know a "Define: Key fact" by its label)
    drafts = sentences_ended(balanced_marks(drafts))  # (last: a "**" or "==" any cut above left with no partner, off;
    # a back a cut left on a comma, ended)
    drafts = derivations_asked(drafts)  # (a formula card grown by steps done to it, "Exponentiate:": asked as a
    # derivation; after every pass that reads a formula card's lead-in as its front's last paragraph)
    if ex.ctx.upnote or is_upnote_export(ex.reworded):  # (an UpNote formula written with doubled backslashes, read
        drafts = ids_as_written(drafts, ex.reworded)  # halved: the cards keep the ids the note as written gave them)
    return [(kept, path) for siblings, path in drafts if (kept := [d for d in siblings if d.back.strip() and
                                                                     d.front.strip()])]  # (a side the cuts left
    # empty, "# What is x?" over only a footnote mark "[^1]", "[^1] :: …": nothing asked or answered, no card)
