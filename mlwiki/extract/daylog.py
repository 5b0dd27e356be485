"""A day's "## log" or "## notes" section: what the day did is no card ("tried it on the gridworld"), but each item
or line that defines, labels or states a fact of a subject it names is one:

    ## notes
    **Off-policy** = learning about one policy from data another generated.
    Coverage assumption: b(a|s) > 0 wherever π(a|s) > 0.
      →  Off-policy  /  learning about one policy …;  Coverage assumption  /  b(a|s) > 0 …

The section's heading names nothing to ask ("notes" of what?), so the fronts leave it out; each item's own label or
subject is what its card asks for. Lines written one fact a line without bullets (Obsidian shows each line on its
own) are read as the items they look like. Pure: blocks in, drafts added to the walk.
"""

from __future__ import annotations

import re

from mlwiki.extract.blocks import Block, items_without, list_items, top_items
from mlwiki.extract.claim_asks import asked_front
from mlwiki.extract.claims import FORM as CLAIM_FORM, named_claim, reason_claim
from mlwiki.extract.daily import READ_PROGRESS
from mlwiki.extract.defining import definition_sentence_cards, on_a_back
from mlwiki.extract.emphasised import emphasised_items, stand_in_id_front, without_stand_in
from mlwiki.extract.grabbag import item_front_topic
from mlwiki.extract.lines import LIST_ITEM, TEXT, Line
from mlwiki.extract.open_questions import without_open_question
from mlwiki.extract.paragraphs import FORM as PARAGRAPH_FORM, paragraph_card

# "Bug of the day: I was feeding raw integer t …": what the writer did that day, under a label, is no fact
_DIARY = re.compile(r"(?i)[ \t]*(?:i|i'm|i've|we|my|our)\b")
_NO_PATH = "\x00"  # (a day's note with no subject: its paragraph cards are asked by their own subjects alone)
# A line led by its label: "**Off-policy** = …", "**Term**: …", "Coverage assumption: …", "bootstrap SE = …"
_LABEL_LED = re.compile(r"[ \t]*(?:\*\*[^*\n]{2,60}\*\*|[A-Za-z][\w'’()/ -]{1,40}?[ \t]*(?::|=|→))[ \t]*\S")


def day_log_cards(ex, path: str, body: list[Block], first_draft: int) -> None:
    """Cards of the items of a day's log section at `path` (its last part the "notes" heading, left out of the
    fronts), for every block of `body` none of whose lines a card made since `first_draft` holds already."""
    path = path.rsplit(" › ", 1)[0] if " › " in path else ""
    taken = {d.line for drafts, _ in ex.drafts[first_draft:] for d in drafts}
    for block in body:
        if any(ln.no in taken for ln in block.lines) and (block := items_without(_list_of(block), taken)) is None:
            continue  # (the items a card holds already: the others are still the day's facts)
        made = len(ex.drafts)
        definition_sentence_cards(ex, path, as_items(block), equals=True, claims=True)
        ex.drafts[made:] = [(drafts, at) for drafts, at in ex.drafts[made:] if not _DIARY.match(drafts[0].back)
                            and not _logged(drafts[0])]
        if len(ex.drafts) > made and not path and LIST_ITEM.match(block.lines[0].text):
            _other_items(ex, block, made)  # (an inbox's other bullets: a card made of one leaves the rest theirs)
        if len(ex.drafts) == made and LIST_ITEM.match(block.lines[0].text):
            emphasised_items(ex, path, block, True, _NO_PATH)  # ("- people keep an **EMA of the weights** …")
        if len(ex.drafts) == made and (found := paragraph_card(path or _NO_PATH, block, declined=True)):
            # ("iForest doesn't need scaling (…) but LOF / OCSVM / DBSCAN all do": a paragraph that names its subject)
            ex.add_card(PARAGRAPH_FORM, without_stand_in(found[0], _NO_PATH), found[1], block.start,
                        stand_in_id_front(found[0], _NO_PATH))


def _logged(draft) -> bool:
    """Whether a card of a day's log tells what the day held, not a fact: an item labelled by a course event or the
    writer's own work ("Lecture: boosting part 2 — …", "Lab: OOB error vs max_features", "Small notebook: bagged
    trees on a noisy sine …", "Problem set 3 started: Q1, Q2 done"), or one that says how far a reading got
    ("Skimmed @freund1997 (the second half is …)")."""
    label = draft.front.rpartition("\n\n")[0 if "\n\n" in draft.front else 2].rpartition(" › ")[2]
    return bool(_DAY_EVENT.fullmatch(label) or _READ.match(draft.back))


# A course event or the writer's own work, as a day's log labels its items ("Lab", "Small notebook", "Problem set 3
# started", "Reading group")
_DAY_EVENT = re.compile(r"(?i)[\W_]*(?:(?:small|quick|my)[ \t]+)?(?:lectures?|labs?|class|seminar|tutorial|recitations?|"
                        r"reading(?: group)?|notebook|experiments?|quiz(?:zes)?|hw|homework|psets?|problem sets?|"
                        r"assignments?|exams?|midterms?)(?:[ \t]*#?\d+[a-z]?)?(?:[ \t]+(?:started|done|finished|due))?[\W_]*")
_READ = re.compile(rf"(?i)[ \t]*(?:{READ_PROGRESS})\b[^.\n]{{0,40}}?(?:@[\w:-]+|\[\[|\]\()")  # (a paper cited or linked)


# What keeps an inbox's item off a card: a task, the writer's own doings ("saw a paper", "Someone said …",
# "Implemented X from scratch", "Wrote the IoU card.", "Read sections 1–2.": a past tense, regular or not)
_NO_FACT = re.compile(r"(?i)#todo|\btodo\b|\[[ x]\]|\b(?:i|i'm|i've|my|me|someone|somebody|saw|didn['’]t)\b|^[a-z]+ed\b|"
                      r"^(?:wrote|re-?wrote|read|re-?read|made|spent|ran|did|took|went|began|built|drew|caught)\b")
_LEADING_TAGS = re.compile(r"^(?:#[^\W\d][\w/-]*[ \t]+)+(?=\S)")  # (Foam's, Obsidian's #tags before an item's words)
MIN_ITEM_WORDS = 12  # (an inbox's item shorter than this is a reminder, no fact)


def _other_items(ex, block: Block, first_draft: int, where: str = "") -> None:
    """A card of each item of a subjectless day's list that no card made since `first_draft` holds and that states a
    fact (once the question the writer left open after it is off), asked by its opening clause ("Brier score
    decomposes (Murphy) into …" → "Brier score decomposes") under `where` (the headings above a "Learned" section);
    not a task, a question, nor the writer's doings."""
    taken = {d.line for drafts, _ in ex.drafts[first_draft:] for d in drafts}
    for item in top_items(block.lines):
        text = " ".join(LIST_ITEM.sub("", " ".join(ln.text for ln in item), count=1).split())
        if any(ln.no in taken for ln in item) or _NO_FACT.search(text):
            continue
        said = without_open_question(text, "")
        said = _LEADING_TAGS.sub("", text if said is None else said)  # ("#til …": the tag files the item, says nothing)
        if len(said.split()) >= MIN_ITEM_WORDS and said.rstrip(")*_").endswith(".") \
                and (topic := item_front_topic(said, "")) and not on_a_back(ex, said):
            ex.add_card(PARAGRAPH_FORM, _day_front(ex, where, topic) if where else topic, said, item[0].no)




def _list_of(block: Block) -> Block:
    """The list of a paragraph without the line over it ("Things I picked up while debugging:"), or the block."""
    start = next((k for k, ln in enumerate(block.lines) if ln.kind == TEXT and LIST_ITEM.match(ln.text)), 0)
    return Block(block.kind, block.lines[start:]) if start else block


def as_items(block: Block) -> Block:
    """A paragraph of two or more lines each led by its label, as the list it is written as; else the block."""
    lines = [ln for ln in block.lines if ln.kind == TEXT and ln.text.strip()]
    if len(lines) < 2 or any(LIST_ITEM.match(ln.text) or not _LABEL_LED.match(ln.text) for ln in lines):
        return block
    return Block(block.kind, [Line(ln.no, f"- {ln.text.strip()}", ln.kind) for ln in block.lines
                              if ln.kind == TEXT and ln.text.strip()])


def learned_item_cards(ex, path: str, blocks: list[Block]) -> bool:
    """The cards of a section's labelled and bold-led items, instead of one card of them all, and of its items
    that give a claim and its reason ("Expected SARSA has lower variance than SARSA because …") or say what a named
    thing does ("SARSA converges to the optimal policy under GLIE …"); whether any."""
    made = len(ex.drafts)
    for block in blocks:
        definition_sentence_cards(ex, path, block)
    taken = {d.line for drafts, _ in ex.drafts[made:] for d in drafts}
    where = path.rsplit(" › ", 1)[0] if " › " in path else ""  # ("TIL" says nothing to ask by)
    for block in blocks:
        for item in list_items(block.lines):
            text = LIST_ITEM.sub("", item[0].text, count=1)
            if item[0].no not in taken and LIST_ITEM.match(item[0].text) and len(item) == 1 \
                    and (found := reason_claim(text) or named_claim(text)) is not None:  # ("SARSA converges …")
                asked = asked_front(*found, where)  # ("Under what conditions does SARSA converge …?", not "SARSA …")
                ex.add_card(CLAIM_FORM, _day_front(ex, where, asked), found[1], item[0].no,
                            id_front=_day_front(ex, where, found[0]))  # (its id: the front it had before it asked)
    if len(ex.drafts) > made or ex.day:  # (the other items learned that day, each a fact of its own, wrapped over
        for block in blocks:  # lines as an editor's list is: "- Perplexity is exp of the cross-entropy …")
            if LIST_ITEM.match(block.lines[0].text):
                _other_items(ex, block, made, where)
    return len(ex.drafts) > made


def _day_front(ex, where: str, front: str) -> str:
    """A learned item's front with what places it: the headings above its section, or the day of its note."""
    return f"{where} › {front}" if where else f"{front} (day note {ex.day})" if ex.day else front
