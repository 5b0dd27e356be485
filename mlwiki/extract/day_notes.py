"""The cards of a daily note once its walk is done. Every day's note repeats the sections of its template ("Learned",
"Confused about", "Tomorrow"), so a card asked by such a heading alone would be the same card in every day's note
(the later days' dropped as repeats of the first): its id is of its day. And what the writer is still confused
about is their own open questions, "Why did they pick that?", "still not sure what … is": off the card, which keeps
what the items state ("sklearn's forest defaults to all features, i.e. bagging"); a card of nothing else is none.
Pure: drafts in, drafts out.
"""

from __future__ import annotations

import re

from mlwiki.extract.day_terms import LEARNED, Term
from mlwiki.extract.lines import LIST_ITEM
from mlwiki.extract.passages import DAY_NOTES, NO_SUBJECT
from mlwiki.extract.prose import clean_prose, sentences

# The headings every day's note repeats that DAY_NOTES and NO_SUBJECT leave out
_TEMPLATE = re.compile(r"(?i)[\W\d_]*(?:(?:still[ \t]+)?confused(?:[ \t]+(?:about|by))?|tomorrow|next|open questions?)[\W\d_]*")
_CONFUSED = re.compile(r"(?i)[\W\d_]*(?:still[ \t]+)?confused(?:[ \t]+(?:about|by))?[\W\d_]*")
# Where the writer's understanding stands, or what they will do about it: "Don't fully get the example yet.", "Read
# it twice, still not sure …", "Check docs.", "maybe that explains …", "Nothing new today."
_DOUBT = re.compile(r"(?i)\b(?:don['’]?t (?:\w+ )?(?:get|understand|see)|not sure|unsure|no idea|not clear to me|"
                    r"still (?:not|unsure|confused)|check (?:the )?(?:docs|this|later)|todo|maybe|i think|i guess|"
                    r"nothing new|open questions|next time|read (?:it|this) (?:again|twice)|ask (?:in|at|about)\b|office hours)")
_ITEM = re.compile(r"(?m)^[-*+][ \t]+")
# A question asked without its mark, as a list of confusions writes it: "why an optimal policy always exists that is
# deterministic — book states it, doesn't prove it."
_ASKS = re.compile(r"(?i)[\W_]*(?:why|how|whether|what|when|which)\b")
MIN_WORDS = 6  # (what an item keeps: fewer words state no fact)


def finished_day_cards(drafts: list, day: str, terms: dict) -> list:
    """The drafts of a daily note (its date `day`; "" for any other note, whose drafts come back as they were)
    with their ids of the day and the writer's open questions off what they were confused about; a card under a
    section's term mlwiki read as "Learned" before (`terms`: the walk's, `day_terms.Term`) keeps the id it had."""
    if not day:
        return drafts
    renamed = {term: term.was for term in terms.values() if isinstance(term, Term)}
    kept = []
    for group, path in drafts:
        for d in group if renamed else ():
            _id_as_before(d, renamed)
        _dated(group, day)
        draft = group[0]
        if len(group) == 1 and _CONFUSED.fullmatch(draft.front.partition("\n\n")[0].rpartition(" › ")[2]):
            if not (back := _stated(draft.back)):
                continue  # (open questions only, or a question's answer put off: "XGBoost, next time.")
            draft.back = back
        kept.append((group, path))
    return kept


def _id_as_before(d, renamed: dict[str, str]) -> None:
    """The id a card had when its section's term was still its heading ("Stacking › Blending": "Learned › Blending")."""
    key = d.id_front or d.front
    if d.explicit_id or d.formulas:
        return
    head, _, rest = key.partition("\n")
    for term, was in renamed.items():
        if (before := re.sub(rf"(^|: | › ){re.escape(term)}(?= › |$)", lambda m: m.group(1) + was, head, count=1)) != head:
            d.id_front = before + ("\n" + rest if rest else "")
            return


def _dated(group: list, day: str) -> None:
    """Each card of the group whose front is only a heading every day's note has gets an id of the day."""
    for d in group:
        key = d.id_front or d.front
        if d.explicit_id or d.formulas or "\n\n" in key:
            continue  # (an id of its own, a formula card's formulas, a front that asks a question of its own)
        last = key.rpartition(" › ")[2]
        if _bare(last) or _bare(last.partition(": ")[2]):  # (an id's front after its form's "section: ")
            d.id_front = f"{key} ({day})"


def _bare(heading: str) -> bool:
    """Whether a heading names nothing but a part of a day's note."""
    return bool(LEARNED.fullmatch(heading) or DAY_NOTES.fullmatch(heading) or NO_SUBJECT.fullmatch(heading)
                or _TEMPLATE.fullmatch(heading))


def _stated(back: str) -> str:
    """What the items of a confusions back state, each without the questions left open and the writer's doubts; ""
    when they state nothing. A question the item answers ("Is it legit …? Seems yes — same procedure …") stays."""
    items = [item.strip() for item in _ITEM.split(back) if item.strip()] if LIST_ITEM.match(back) else [back]
    kept = [said for item in items if (said := _item_fact(" ".join(item.split())))]
    if len(kept) > 1:
        return "\n".join(f"- {said}" for said in kept)
    return kept[0] if kept else ""


def _item_fact(item: str) -> str:
    """An item's sentences that state something: not a question nothing after it answers (nor one it opens with, its
    mark left out), not a doubt."""
    found = sentences(item)
    said = [s for k, s in enumerate(found) if not _DOUBT.search(s) and not (k == 0 and _ASKS.match(s) and not s.rstrip().endswith("?"))
            and not (s.rstrip("*_ )").endswith("?") and not any(not _DOUBT.search(t) and not t.rstrip().endswith("?")
                                                                for t in found[k + 1:]))]
    text = " ".join(said)
    return text if len(clean_prose(text).split()) >= MIN_WORDS else ""
