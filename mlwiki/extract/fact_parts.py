"""The facts a section's card holds apart, each on a card of its own: a definition it opens with
(`definition_first`), parts under labels (`label_parts`), a list of claims each about a subject of its own
(`claim_items`), bullets that say why (`bullet_claims`), a back too long for one recall (`grabbag.split_long_back`),
a list of named options each explained at length (`split_term_items`), such options beside plain items
(`mixed_lists.split_mixed_items`), a labelled item among statements (`label_items`) and a list of labelled formulas, or a
paragraph that opens on one (`formula_items`).

A list whose every item opens on a term of its own in bold or code and goes on to explain it ("1. **uniform** random
from all items — simple, but …", "2. **popularity-based**: sample j ∝ …", "4. **hard negatives** — … but risk of
…" with its sub-bullets) asks, on the heading's card, for every explanation at once: a learner recalls which options
there are, then what each one is. The heading's card keeps the text around the list and the list of terms (its id
stays); each item becomes a card "path › term". A list of short items ("- **coverage** — fraction of the catalog
ever recommended") is one answer as it stands, and a numbered list of steps ("1. **Initialize** the weights") has no
term of its own before its text.

Pure: a card's front and back in, the fronts and backs of the cards it becomes out.
"""

from __future__ import annotations

import re

from mlwiki.extract.bullet_claims import claim_bullet_cards
from mlwiki.extract.claim_items import split_claim_items
from mlwiki.extract.defining import add_definition
from mlwiki.extract.definition_first import definition_first
from mlwiki.extract.formula_items import split_formula_items, split_formula_lead
from mlwiki.extract.grabbag import split_long_back
from mlwiki.extract.label_items import split_label_items
from mlwiki.extract.label_parts import split_label_parts
from mlwiki.extract.lines import LIST_ITEM, NUMBERED_ITEM
from mlwiki.extract.prose import clean_prose
from mlwiki.extract.mixed_lists import split_mixed_items
from mlwiki.extract.topic_lists import split_topic_list

MIN_ITEMS, MAX_ITEMS = 2, 8
MAX_TERM_WORDS = 4
MAX_LABEL_WORDS = 6  # a term its colon closes ("**tuning on the test set**: …") names a kind in a few more words
MIN_LONG_ITEM_WORDS = 15  # an item that explains its term at this length, or with sub-items, is a fact to ask alone
MIN_LIST_WORDS = 40
# "**uniform** random …", "**popularity-based**: sample …", "`in-batch` — free …": the item's own term, then its text
_TERM_ITEM = re.compile(r"(?:[-*+]|\d+[.)])[ \t]+(?:\*\*(?P<bold>[^*\n]{1,40}?)\*\*|`(?P<code>[^`\n]{1,40})`)"
                        r"(?:(?P<sep>[ \t]*(?::|[—–]|-(?=[ \t]))|:?)(?P<rest>[ \t]+\S.*)"
                        r"|(?P<bare>(?:[ \t]+\([^()\n]{1,40}\))?[ \t]*:?[ \t]*))")  # (or the term alone on its line,
# its text the sub-items under it: "- **UCB** (bandits)" over "  - bonus = uncertainty …")
_TOP_ITEM = re.compile(r"(?:[-*+]|\d+[.)])[ \t]")
_MATH = re.compile(r"\$[^$\n]+\$")  # (a formula's symbols are no words of the explanation)


def split_facts(path: str, back: str) -> list[tuple[str, str]] | None:
    """The (front, back) of each card a section's card becomes when its back holds facts told apart by their form
    (see the module's doc), the first under `path` when the section's own text stays on it; None when it holds none.
    A part left under a bare heading that opens by defining the heading's term parts its definition off too
    (`definition_first`), and the rest of it is parted as any back, under the rest's own front."""
    split = _split_facts(path, back)
    if split and split[0][0] != path:
        return split
    own = split[0][1] if split else back
    if not (parted := definition_first(path, own)):
        return split
    (rest_front, rest), definition, *aliases = parted
    further = None if split or "\n\n" in rest_front else _split_facts(path, rest)
    parts = [(rest_front if f == path else f, b) for f, b in further or [(rest_front, rest)]]
    first = [definition] + parts if len(definition[1]) > len(parts[0][1]) else parts + [definition]
    return first + aliases + (split[1:] if split else [])  # (the card's id: on the part that keeps most of its back)


def add_part(ex, form: str, front: str, back: str, line: int) -> None:
    """The card of one part `split_facts` gave (`ex`: the walk over the note): a definition ("path" over "Define:
    term") a definition card as `defining` makes it, none when the note has one of that term already; any other
    part a card of `form`."""
    if _only_names(front, back):
        return  # ("… › optimistic initial values" over "**optimistic initial values**": its text is on another card)
    path, _, asked = front.rpartition("\n\nDefine: ")
    if not path:
        ex.add_card(form, front, back, line)
        return
    made = len(ex.drafts)
    add_definition(ex, path, asked, back, line)
    if len(ex.drafts) == made and not any(d.front.casefold().endswith(f"define: {asked.casefold()}")
                                          for drafts, _ in ex.drafts for d in drafts):
        ex.add_card(form, front, back, line)  # (a sentence `defining` reads as no answer alone: still carded)


def _only_names(front: str, back: str) -> bool:
    """Whether a part's back says nothing but what its front's last heading names."""
    said = clean_prose(back).replace("*", "").replace("`", "").strip(" \t\n.:;—–-").casefold()
    return said == clean_prose(front.split("\n\n", 1)[0].rsplit(" › ", 1)[-1]).strip().casefold()


def _split_facts(path: str, back: str) -> list[tuple[str, str]] | None:
    return split_label_parts(path, back) or split_formula_items(path, back) or _claims_apart(path, back) or claim_bullet_cards(path, back) \
        or split_long_back(path, back) or split_term_items(path, back) or split_mixed_items(path, back) \
        or split_label_items(path, back) or split_formula_lead(path, back) or split_topic_list(path, back)


def _claims_apart(path: str, back: str) -> list[tuple[str, str]] | None:
    """The cards of a list of separate claims (`split_claim_items`); in a back too long for one recall, the claims of
    the part that stays under `path` beside the other parts' cards (`split_long_back`); None when it holds none."""
    claims = split_claim_items(path, back)
    if not claims:
        return None
    long = split_long_back(path, back)
    if not long:
        return claims
    inner = split_claim_items(path, long[0][1]) if long[0][0] == path else None
    return inner + long[1:] if inner else None  # (else the long back's parts, as before)


def split_term_items(path: str, back: str, max_items: int = MAX_ITEMS) -> list[tuple[str, str]] | None:
    """(path, the back with each item cut to its term), then ("path › term", the item) per item, for a back that
    holds one list whose every top-level item opens on its own term in bold or code and explains it, some at
    length (`MIN_LONG_ITEM_WORDS`, or with sub-items); None for any other back, a front that asks a question, or
    a list most of whose terms run on into their text with no colon or dash (steps: "1. **Fit** the model").
    `max_items`: more, and the heading's card would ask for a list too long to recall."""
    if "\n\n" in path or ("**" not in back and "`" not in back):
        return None  # (the cheap test first: most backs hold no term in bold or code)
    lines = back.split("\n")
    starts = [k for k, line in enumerate(lines) if _TOP_ITEM.match(line)]
    if not MIN_ITEMS <= len(starts) <= max_items:
        return None
    end = _list_end(lines, starts[-1])
    if any(not lines[k].strip() or not lines[k][:1].isspace() for k in range(starts[0], end) if k not in starts):
        return None  # (one list, its items next to one another, what is under an item indented under it)
    items = [lines[a:b] for a, b in zip(starts, [*starts[1:], end])]
    found = [_TERM_ITEM.fullmatch(item[0]) for item in items]
    if not all(found) or 2 * sum(m["bare"] is not None or bool(m["sep"].strip()) for m in found) < len(found) \
            or any(m["bare"] is not None and (len(item) < 2 or NUMBERED_ITEM.match(item[0]))
                   for m, item in zip(found, items)):
        return None  # (a bare term explains itself in the items under it; "1. **Fit**" over them: steps in order)
    terms = [(m["bold"] or m["code"]).strip() for m in found]
    words = [len(_MATH.sub(" ", " ".join(item)).split()) - len(term.split()) for item, term in zip(items, terms)]
    if len({t.casefold() for t in terms}) < len(terms) or any(_too_long(t, m) for t, m in zip(terms, found)) \
            or sum(words) < MIN_LIST_WORDS \
            or not any(w >= MIN_LONG_ITEM_WORDS or len(item) > 1 for w, item in zip(words, items)):
        return None
    base = path.split("\n\n", 1)[0]
    cut = [_TOP_ITEM.match(item[0]).group(0) + m.group(0)[m.start("bold" if m["bold"] else "code") - 2:
                                                         m.end("sep" if m["bare"] is None else "bare")].rstrip(" :—–-")
           for item, m in zip(items, found)]
    kept = "\n".join([*lines[:starts[0]], *cut, *lines[end:]]).strip()
    return [(path, kept)] + [(f"{base} › {term}", _item_back(item)) for term, item in zip(terms, items)]


def _too_long(term: str, found: re.Match) -> bool:
    """Whether an item's term is too long to name a thing: more than `MAX_TERM_WORDS` words, or `MAX_LABEL_WORDS`
    when a colon closes it ("**preprocessing on the full data**: …" labels a kind of leak; "**Fit the model on
    the train split** and …" runs on into a sentence)."""
    closed = found["bare"] is None and found["sep"].strip() == ":" or term.endswith(":")
    return len(term.split()) > (MAX_LABEL_WORDS if closed else MAX_TERM_WORDS)


def _list_end(lines: list[str], last: int) -> int:
    """The line after the last item's own lines (its indented sub-items and continuations)."""
    end = last + 1
    while end < len(lines) and lines[end].strip() and lines[end][:1].isspace():
        end += 1
    return end


def _item_back(item: list[str]) -> str:
    """An item as a card's back: its text without its marker, what is under it dedented to a list of its own."""
    head = LIST_ITEM.sub("", item[0], count=1).strip()
    return "\n".join([head, *(line.strip() for line in item[1:])])
