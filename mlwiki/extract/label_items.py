"""Labelled items among statements: a heading that names its subject ("Neighbor sampling") over a list of
statements about it, some of which open on a label of their own ("- sizes in the paper: K = 2, S₁ = 25",
"- **approximately** correct ↔ accuracy ε", "- cost → O(n³)"), asks on its card for every fact at once; the
labelled ones are facts a learner recalls by their label. Each labelled item becomes a card "path › label" (its
back the item); the statements without a label stay on the heading's card, with its id.

A list whose every item carries a label is the members or kinds the heading asks for ("Parameters" over "- eps: …",
"- minPoints: …"): one answer, left alone; so is a list its text introduces ("Three reasons:"), a numbered list
(steps in order) and a front that asks a question.

Pure: a card's front and back in, the fronts and backs of the cards it becomes out.
"""

from __future__ import annotations

import re

from mlwiki.extract.grabbag import GOES_ON
from mlwiki.extract.grabbag import opening_and_items
from mlwiki.extract.labels import reads_as_clause
from mlwiki.extract.lines import LIST_ITEM
from mlwiki.extract.prose import clean_prose
from mlwiki.extract.topics import as_topic

MIN_ITEMS = 3  # two items may be a pair; with three, a labelled one among statements is a fact of its own
MIN_STATEMENT_WORDS = 4  # an unlabelled item shorter than this names a member: a list of names is an enumeration
MAX_LABEL_WORDS = 4
MIN_REST_WORDS = 2  # what the label asks for: a front over one word is barely a card, over nothing none
# "sizes in the paper: …", "**cost**: …", "X ↔ Y", "X → Y", "X = Y": an item's label, then its separator
_LABELLED = re.compile(r"(?P<label>[^:↔→=\n]{2,50}?)\s*(?::(?=\s)|\s↔\s|\s=\s)\s*(?P<rest>\S.*)")
# Any item that opens on what reads as a left side ("in between: …", "Net input $=$ …", "x → y"), a label or not:
# a list of them only is the members the heading asks for, not statements around a labelled fact
_LEFT_SIDE = re.compile(r"\W*(?:\S+\s+){0,5}?\S*?(?::\s|=|↔|→|->|\s[—–]\s)")
# A heading that asks for the list as one answer: the members of a plural or of a role ("Limitations", "Cost",
# "other routes"), or a question ("why bother …")
_ASKS_ALL = re.compile(r"(?i)(?:why|how|what|which|when)\b.*|.*\w\ws(?<![sui]s)|(?:[\w'’-]+ ){0,2}(?:costs?|"
                       r"complexity|terminology|notation|definitions?|steps?|algorithm|procedure|pros|cons)")
_DATED = re.compile(r"\d{4}-\d\d-\d\d")  # (a day's log: what the writer did, not a subject's facts)
# Labels that name no fact of the subject: an example, an aside, a pointer, a word of the writer's errand
_NO_FACT = re.compile(r"(?i)(?:e\.?g\.?|i\.?e\.?|examples?|note|nb|see(?: also)?|also|tip|warning|caveat|so|but|and|"
                      r"or|why|how|todo|to do|question|answer|q|a|update|edit|ps|pros?|cons?|result|idea|"
                      r"in practice|in short|summary|tl;?dr)")
_NUMBERED = re.compile(r"\s*\d+[.)]\s")


def split_label_items(path: str, back: str) -> list[tuple[str, str]] | None:
    """(path, the back without its labelled items), then ("path › label", item) per labelled item, for a back that
    holds one bulleted list of at least `MIN_ITEMS` items, at most half of which open on a label of their own
    and at least one of which is a statement with none; None for any other back or a front that asks a question."""
    heading = re.sub(r"\s*\([^()]*\)", "", path.rsplit(" › ", 1)[-1]).strip(" *_:")
    if "\n\n" in path or path.rstrip().endswith("?") or not _may_hold_labels(back) or _ASKS_ALL.fullmatch(heading) \
            or _DATED.search(path):
        return None
    around, items = opening_and_items(back)
    if items is None or len(items) < MIN_ITEMS or _NUMBERED.match(items[0]) \
            or back.split("\n" + items[0], 1)[0].rstrip().endswith(":") \
            or 2 * sum(_first_line(item)[:1].isdigit() for item in items) >= len(items):
        return None  # (a list its text introduces, steps in order, or a timeline "- 1997 Freund & Schapire: …")
    labels = [_label(item) for item in items]
    plain = [item for item, label in zip(items, labels) if not label]
    folded = [label.casefold() for label in labels if label]
    if not folded or 2 * len(folded) > len(items) \
            or all(_LEFT_SIDE.match(_first_line(item)) for item in plain) \
            or len(set(folded)) < len(folded) or heading.casefold() in folded \
            or any(len(_words(_first_line(item))) < MIN_STATEMENT_WORDS for item in plain):
        return None  # (labelled items the most: the members the heading asks for; a short plain item: a name)
    kept_items = _back_of(plain[0]) if len(plain) == 1 else "\n".join(plain)  # (one item left is no list)
    kept = back.replace(back[back.find(items[0]):back.rfind(items[-1]) + len(items[-1])], kept_items, 1).strip()
    return [(path, kept)] + [(f"{path} › {label}", _back_of(item)) for item, label in zip(items, labels) if label]


def _may_hold_labels(back: str) -> bool:
    """The cheap test first: a list item and a separator somewhere in the back."""
    return ("\n- " in back or back.startswith("- ") or "\n* " in back) and any(
        sep in back for sep in (": ", " ↔ ", " → ", " -> ", " = "))


def _label(item: str) -> str:
    """An item's own label ("sizes in the paper", "approximately correct"), '' when it opens on none: a sentence
    whose clause runs on to a colon, a formula's symbols, a word that names no fact, or nothing much after it."""
    first = _first_line(item)
    match = _LABELLED.fullmatch(first)
    if not match or "$" in match.group("label") or "`" in match.group("label"):
        return ""
    label = clean_prose(match.group("label").replace("**", "").replace("__", "")).strip(" *_")
    words = label.split()
    if not words or len(words) > MAX_LABEL_WORDS or not label[0].isalnum() or reads_as_clause(words) \
            or _NO_FACT.fullmatch(label) or GOES_ON.match(label) or len(_words(match.group("rest"))) < MIN_REST_WORDS:
        return ""
    return as_topic(label)


def _first_line(item: str) -> str:
    return LIST_ITEM.sub("", item.split("\n", 1)[0], count=1).strip()


def _words(text: str) -> list[str]:
    return re.sub(r"\$[^$\n]+\$", " x ", LIST_ITEM.sub("", text, count=1)).split()


def _back_of(item: str) -> str:
    """An item as a card's back: its text without its marker, what is nested under it dedented one level."""
    first, *nested = item.split("\n")
    indent = min((len(line) - len(line.lstrip()) for line in nested if line.strip()), default=0)
    return "\n".join([LIST_ITEM.sub("", first, count=1).strip(), *(line[indent:] for line in nested)]).rstrip()
