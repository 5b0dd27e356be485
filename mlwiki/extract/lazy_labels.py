"""A labelled line right under a list of `**Term**: definition` items, with no blank line and no indent between:

    - **Remainder**: whatever is left over
    Seasonal vs cyclic test: is the timing fixed by the calendar? yes → seasonal, no → cyclic.

Markdown reads it as the last item's lazy continuation, but editors that export without blank lines (Apple Notes,
Bear, plain-text apps) write each paragraph on a line of its own: the label opens the writer's next paragraph, a
fact of its own, not more of the last term's definition. Such a line starts a part of its own, which the
definition's card leaves to the section's other cards. A line indented under the item, or one that goes on in lower
case ("doesn't have to be linear"), is still the item's. Pure: a pattern.
"""

from __future__ import annotations

import functools
import re

from mlwiki.extract.lines import LIST_ITEM

# A line at the margin led by a capitalised label of a few words and a colon: "Seasonal vs cyclic test: …"
LAZY_LABEL = re.compile(r"(?=[A-Z][^\s:*`$|>#-][^:\n*`$|]{1,40}:[ \t]+\S)")


def lazy_label_item(lines: list) -> list[tuple[str, str, int]]:
    """[(label, text, line)] of a part that such a labelled line starts (its lines, `Line`s), the text joined, for
    the definition list's other items to hold (`sibling_items.hold_siblings`: a card "… › Seasonal vs cyclic test");
    [] for any other part."""
    first = lines[0]
    if first.text[:1] in " \t" or not LAZY_LABEL.match(first.text):
        return []
    label, _, text = first.text.partition(":")
    return [(label.strip(), " ".join([text.strip()] + [ln.text.strip() for ln in lines[1:]]).strip(), first.no)]


def item_starts(lines: list, starts: re.Pattern) -> re.Pattern:
    """What a line that starts a part of a paragraph's `lines` matches: `starts`, or, in a list (its first line an
    item), a lazy labelled line too (a paragraph's own lines, "**General condition**: …" over "Check for AR(1): …",
    are one part)."""
    return _with_lazy(starts) if lines and LIST_ITEM.match(lines[0].text) else starts


@functools.lru_cache(maxsize=8)
def _with_lazy(starts: re.Pattern) -> re.Pattern:
    return re.compile(f"{starts.pattern}|{LAZY_LABEL.pattern}", starts.flags)
