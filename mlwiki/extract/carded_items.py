"""A list's section card whose every item is a labelled card of its own: the list asked again, whole or item by item.

    - Smoothing cheat sheet                         "… › Laplace / add-k" → "add pseudo-counts; …"
      - Laplace / add-k: add pseudo-counts; …       "… › Good–Turing" → "re-estimate counts from …"
      - Good–Turing: re-estimate counts from …      …

In a long outline (a Workflowy or Dynalist export, a course outline pasted whole) a branch of labelled items is
read twice: each "Label: text" item is a card asked by its label, and the branch is a section card of its list,
which `list_clozes` asks item by item. The learner would recall each item twice, once by its label and once as a
blank among its siblings. The items' own cards stay; the branch's card is not made. (Under a heading the items'
cards carry the heading in their path and the list makes no section card: the two never meet.) Pure.
"""

from __future__ import annotations

from mlwiki.extract.defining import LABELLED_FORM
from mlwiki.extract.lines import LIST_ITEM

MIN_ITEMS = 2


def carded_apart(draft, drafts: list) -> bool:
    """Whether every top-level item of `draft`'s list back is "Label: text" whose text is the back of a labelled card
    of the note made of the lines right under it (see the module's docstring)."""
    lines = draft.back.split("\n")
    items = [LIST_ITEM.sub("", line, count=1).strip() for line in lines if LIST_ITEM.match(line)
             and not line[:1].isspace()]
    if len(items) < MIN_ITEMS or len(items) != sum(1 for line in lines if line.strip()):
        return False  # (a list with nested items or text around it says more than its items' cards)
    span = range(draft.line + 1, draft.line + 1 + len(lines))
    told = [" ".join(d.back.split()) for group, _ in drafts for d in group
            if d.form == LABELLED_FORM and d.line in span and d.back.strip()]
    return bool(told) and all(any(" ".join(item.split()).endswith(f": {back}") for back in told) for item in items)
