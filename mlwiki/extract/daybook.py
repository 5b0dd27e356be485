"""Linked branches of a day's note: in a daily note, which names no subject of its own ("2026-11-27.md"), a bullet
that links to a note and holds what the day learnt of it is a card about that note.

    - [[NDCG]] finally clicked                            →  NDCG (day note 2026-11-27)
      - the normalisation by IDCG is what makes …              - the normalisation by IDCG is what makes …
      - the log discount — position 1 vs 2 matters a lot …     - the log discount — position 1 vs 2 …

A day's note holds many subjects, one per link; the link says what each branch is about, as a heading would. The
day stays on the front (the note it links to asks its own questions). Pure: the lines of a list in, (name, back,
line) out (`linked_branches`); `day_cards` makes the cards of those that read as prose.
"""

from __future__ import annotations

import re

from mlwiki.extract.blocks import Block, text_of
from mlwiki.extract.daily import LEARNT, READ_PROGRESS
from mlwiki.extract.lines import LIST_ITEM, TEXT, Line, indent_width
from mlwiki.extract.outline_cards import FORM
from mlwiki.extract.passages import passage

# "- [[NDCG]] finally clicked", "- [[Matrix factorization]]", "- [[Cold start]]: new items worse than …"
_LINKED = re.compile(r"[ \t]*(?:[-*+]|\d+[.)])[ \t]+\[\[([^\]|#\n]+)(?:[#|][^\]\n]*)?\]\]([^\n]*)")
_SAID = re.compile(r"[ \t]*[:—–-][ \t]*(\S.*)")  # ": new items worse than new users …" after the link
MAX_NESTED = 6
# "- Learned", "- TIL", "- Today I learned:": the bullet over what the day learnt
_LEARNT = re.compile(rf"(?i)[ \t]*[-*+][ \t]+(?:{LEARNT})[ \t:]*$")
# "  - temporal dynamics: item biases drift …": a label of a few words (no link) and the fact after its colon
_LABELLED = re.compile(r"[ \t]*[-*+][ \t]+([^\W\d][^:\[\]\n$`*]{1,40}?):[ \t]+(\S[^\n]*)")


def named_list(block: Block) -> tuple[str, str, int] | None:
    """(name, the items, the name's line) of a name and a colon over a short list, in a paragraph of a day's note ("fastText
    (Bojanowski et al. 2017):" and its bullets, among the day's timed lines); None for any other, and for a line of
    the writer's day ("Things I picked up:")."""
    numbered = [(ln.no, ln.text) for ln in block.lines if ln.kind == TEXT]
    lines = [text for _, text in numbered]
    for k, line in enumerate(lines[:-1]):
        if (match := _NAMED_LIST.fullmatch(line)) and LIST_ITEM.match(lines[k + 1]) \
                and not _FIRST_PERSON.search(match.group(1)):
            inner = indent_width(lines[k + 1])
            items = []
            for text in lines[k + 1:]:
                if not LIST_ITEM.match(text) and indent_width(text) <= inner:
                    break  # ("16:00 ran the baseline again": the day goes on)
                items.append(text)
            top = [text for text in items if LIST_ITEM.match(text) and indent_width(text) == inner]
            if 2 <= len(top) <= MAX_ITEMS:
                return match.group(1).strip(), "\n".join(text.expandtabs(4)[inner:] for text in items), numbered[k][0]
    return None


# "- 09:40 started …", "- 14h30: …": the time a day's log line was written, no part of what it says
_TIME = re.compile(r"[ \t]*(?:[-*+]|\d+[.)])[ \t]+(?:\d{1,2}[:.h]\d{2}\b[ \t]*[:—–-]?[ \t]*)?")
# what the writer means to do, not what the day found: "tomorrow: BO on Branin", "- [ ] finish the post", "TODO"
_CHORE_ITEM = re.compile(r"(?i)[ \t]*(?:[-*+]|\d+[.)])[ \t]+(?:\[[ xX]\]|(?:\d{1,2}[:.h]\d{2}[ \t]*)?"
                         r"(?:tomorrow|to ?do|next|later|plan)\b)")

# " — done, notes → [post](…)", " - skimmed": how far the writer got with a paper, no part of what it is
_STATUS = re.compile(rf"(?i)[ \t]+[—–-][ \t]+(?:{READ_PROGRESS})\b.*$")


def _nested_under(lines: list[tuple[int, str]], k: int) -> list[str]:
    """The lines nested under line `k` (deeper than it, up to the first line that is not)."""
    width, nested = indent_width(lines[k][1]), []
    for _, after in lines[k + 1:]:
        if not after.strip() or indent_width(after) <= width:
            break
        nested.append(after)
    return nested


def _dedented(nested: list[str]) -> str:
    inner = min(indent_width(t) for t in nested)
    return "\n".join(t.expandtabs(4)[inner:] for t in nested)


def topic_branches(lines: list[tuple[int, str]]) -> list[tuple[str, str, int]]:
    """(what the bullet says, back, line) of each top-level bullet of a day's log, linked to no note, that holds
    items nested under it: what the day found about it ("- `LinAlgError` on 50 noise-free points" over "- fix: add
    jitter to the diagonal …"). The bullet is the question's context, its items the answer; chores are none."""
    top = min((indent_width(text) for _, text in lines if LIST_ITEM.match(text)), default=0)
    found = []
    for k, (no, text) in enumerate(lines):
        if indent_width(text) != top or not LIST_ITEM.match(text) or _LINKED.match(text) or _CHORE_ITEM.match(text):
            continue
        nested = _nested_under(lines, k)
        if nested and 1 <= len([t for t in nested if LIST_ITEM.match(t)]) <= MAX_NESTED:
            said = _STATUS.sub("", text[_TIME.match(text).end():]).strip().rstrip(":").strip()
            if said:
                found.append((said, _dedented(nested), no))
    return found


def linked_branches(lines: list[tuple[int, str]]) -> list[tuple[str, str, int]]:
    """(the linked note's name, back, line) of each bullet that opens on a link and holds items nested under it
    (at most `MAX_NESTED`, none of them linked branches of their own), or says its fact after a colon."""
    found = []
    for k, (no, text) in enumerate(lines):
        if not (match := _LINKED.match(text)):
            continue
        nested = _nested_under(lines, k)
        said = _SAID.match(match.group(2))
        if nested and 1 <= len([t for t in nested if LIST_ITEM.match(t)]) <= MAX_NESTED \
                and not any(_LINKED.match(t) for t in nested):
            back = _dedented(nested)
            found.append((match.group(1).strip(), f"{said.group(1)}\n\n{back}" if said else back, no))
        elif not nested and said:
            found.append((match.group(1).strip(), said.group(1).strip(), no))
    return found + _learnt_items(lines)


def _learnt_items(lines: list[tuple[int, str]]) -> list[tuple[str, str, int]]:
    """(label, what it says, line) of each `label: fact` bullet nested right under a bullet that says the day learnt
    them ("- Learned" over "  - temporal dynamics: item biases drift over time …"), with nothing nested under it."""
    found = []
    for k, (no, text) in enumerate(lines):
        if not _LEARNT.match(text):
            continue
        width = indent_width(text)
        items = []
        for _, after in lines[k + 1:]:
            if after.strip() and indent_width(after) <= width:
                break
            items.append(after)
        inner = min((indent_width(item) for item in items if item.strip()), default=0)
        for j, item in enumerate(items):
            deeper = j + 1 < len(items) and indent_width(items[j + 1]) > inner
            if indent_width(item) == inner and not deeper and (labelled := _LABELLED.match(item)):
                label = labelled.group(1).strip()
                found.append((label[:1].upper() + label[1:], labelled.group(2).strip(), lines[k + 1 + j][0]))
    return found


# "fastText (Bojanowski et al. 2017, "Enriching …"):" over a list: what the items under it are about
_NAMED_LIST = re.compile(r"[ \t]*([^\W\d][\w.+/'’ -]{1,40}?)[ \t]*(?:\([^()\n]*\))?[ \t]*:[ \t]*")
_FIRST_PERSON = re.compile(r"(?i)\b(?:i|i'm|i've|my|me|we|our|today|tomorrow|yesterday|next|todo)\b")
MAX_ITEMS = 8


def day_cards(ex, body: list[Block]) -> None:
    """The cards of a day's note's linked branches ("- [[NDCG]] finally clicked" over what the day learnt of it),
    and of its lists under a name ("fastText (Bojanowski et al. 2017):" over its items); front: the name and the
    day."""
    for block in body:
        if (named := named_list(block)) is not None:
            ex.add_card(FORM, f"{named[0]} (day note {ex.day})", named[1], named[2])
            continue
        if not LIST_ITEM.match(block.lines[0].text):
            continue
        lines = [(ln.no, ln.text) for ln in block.lines if ln.kind == TEXT]
        for name, said, line in linked_branches(lines) if "[[" in text_of(block) else topic_branches(lines):
            back = passage([Block(TEXT, [Line(line, text, TEXT) for text in said.split("\n")])], True, True)
            if back is not None:
                ex.add_card(FORM, f"{name} (day note {ex.day})", back, line)
