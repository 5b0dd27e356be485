"""Section cards that hold several facts, split: a grab-bag (a front that asks for none of its list's unrelated
facts, `grabbag`), a bag of paragraphs under a heading that names a bag, and a back too long for one recall whose
parts say what they are about (`fact_parts`). `ex` is the walk over the note (`walk.Extractor`), `section` the
section it is closing (`lists.Section`).
"""

from __future__ import annotations

from dataclasses import replace

from mlwiki.extract.blocks import line_of
from mlwiki.extract.closings import FORM
from mlwiki.extract.fact_parts import add_part, split_facts
from mlwiki.extract.grabbag import is_grab_bag_front, named_by_bold, split_grab_bag, split_leftovers, split_long_back
from mlwiki.extract.headed_parts import heads_a_section, kept_in_place
from mlwiki.extract.label_cuts import former_label
from mlwiki.extract.list_cards import LIST_FORM
from mlwiki.extract.prose import holds_words
from mlwiki.extract.separate_claims import split_claim_paragraphs
from mlwiki.extract.voice import without_motivation, without_promise

MIN_LEAD_WORDS = 6  # the text before a note's first heading, its front only the note's name ("Nothing here any more.": no)


def split_grab_bags(ex, section) -> None:
    """Split each card of the section whose front asks for nothing its list of unrelated facts holds ("Adam" over
    "- defaults: …", "- each parameter gets its own LR …") into a card per fact that says what it is about; the
    note's opening card loses a last sentence that only counts what follows ("Two families.") and the sentences
    that say why the subject is worth a post ("And it comes up in interviews."), and is no card when that was all."""
    for k in range(len(ex.drafts) - 1, section.drafts - 1, -1):  # (from the last: a card may leave the list)
        drafts, front = ex.drafts[k]
        draft = drafts[0]
        if len(drafts) != 1 or draft.form != FORM and not (draft.form == LIST_FORM and draft.front == front):
            continue  # (a list card under its bare heading, "Other bits" over its items, is a bag as a section is)
        if not is_grab_bag_front(front, front == ex.subject):
            if draft.form == LIST_FORM:
                continue
            _split_long(ex, k, section)
            continue
        if front == ex.subject and (kept := without_motivation("\n\n".join(
                map(without_promise, draft.back.split("\n\n"))))) != draft.back:
            if not holds_words(kept, MIN_LEAD_WORDS):
                ex.drop_draft(k)  # ("RNNs are out of fashion, but … And it comes up in interviews.": why, not what)
                continue
            ex.drafts[k] = drafts = [draft := replace(draft, back=kept)], front  # ("… experience. Two families.")
        if not (split := split_grab_bag(front, draft.back, cues=front != ex.subject)
                or front == ex.subject and split_leftovers(front, draft.back)
                or front != ex.subject and _bag_of_paragraphs(ex, front, draft.back)):
            _split_long(ex, k, section)
            continue
        was = former_label(*split[0]) or (front if named_by_bold(front, split[0]) else split[0][0])  # (a label
        # reworded, "… › train vs eval", keeps its id; so does the one item left under "Gotchas", asked by its term)
        bag = replace(draft, front=split[0][0], back=split[0][1], id_front=f"{draft.form}: {was}")
        ex.drafts[k] = [bag], split[0][0]
        for item_front, item_back in split[1:]:
            ex.add_card(FORM, item_front, item_back, line_of(section.body, item_back, draft.line))
        if split[0][0] == front:
            _split_long(ex, k, section)  # (what the bag's opening kept may still hold several facts)


def _bag_of_paragraphs(ex, front: str, back: str) -> list[tuple[str, str]] | None:
    """The cards of paragraphs under a heading that names a bag ("Gotchas" over a paragraph on each of three
    things), each under what it is about; None unless two or more say so and no card of the note has their fronts."""
    split = split_long_back(front, back, bag=True)
    if not split or sum(f != front for f, _ in split) < 2 or any(ex.has_front(f) for f, _ in split if f != front):
        return None
    return split


def _split_long(ex, k: int, section) -> None:
    """Split the k-th card, when its text goes on with parts under label lines of their own ("Assumptions" over a
    list), its back is too long for one recall and its parts say what they are about, or its list explains terms
    at length (`fact_parts`), or it is short paragraphs of separate claims (`separate_claims`): its first part stays on the card, under its front and id; each other part that names
    a topic no card of the note has is a card of its own."""
    (draft,), front = ex.drafts[k]
    split = split_facts(draft.front, draft.back) or split_claim_paragraphs(draft.front, draft.back, ex.page)
    if not split:
        return
    if split[0][0] != draft.front:  # (every part under a label of its own: the first is the card's, under its front)
        split.insert(0, (draft.front, ""))
    own = [(f, b) for f, b in split[1:] if not ex.has_front(f) and not heads_a_section(ex, draft.front, f)]  # (never a second
    # card of one front, nor one a later section of the note needs)
    if not own:
        return
    kept = kept_in_place(split[0][1], [b for f, b in split[1:] if (f, b) not in own and b])
    if not kept:  # (no text of the section's own: its first part is the card, under that part's front; its id
        (first, kept), own = own[0], own[1:]  # stays the one of the bare heading, as a card that gains a topic)
        draft, front = replace(draft, front=first), first
    ex.drafts[k] = [replace(draft, back=kept)], front
    for part_front, part_back in own:
        add_part(ex, FORM, part_front, part_back, line_of(section.body, part_back, draft.line))
