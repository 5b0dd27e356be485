"""Facts listed after a section's answer: a heading that names one topic ("Receptive field", "Global readout",
"Over-squashing") over a paragraph that says what it is, then a list of three or more further claims about it
("- inverted scaling: …", "- SortPooling (…): sort the nodes …"), asks for all of them at once under the bare
heading: the learner recalls the paragraph and misses the claims. The paragraph stays on the heading's card (its
id stays); each item that says what it is about (`grabbag`: its own label or its subject) is a card "path › topic".

What stays one answer: a list the paragraph introduces ("… three decoders:", "… E.g."), numbered steps, a list of
names or of bold kinds side by side, two items (a pair: "too small → …", "too large → …"), a list under a heading
that asks ("Why it works") or names a set in the plural ("Limitations", "Tasks"), and a list with no paragraph
before it (the heading's topic, enumerated).

Pure: a card's front and back in, the fronts and backs of the cards it becomes out.
"""

from __future__ import annotations

import re

from mlwiki.extract.grabbag import opening_and_items, split_grab_bag

MIN_ITEMS = 3  # two items may be the two halves of one answer ("too small → …", "too large → …")
MIN_OPENING_WORDS = 6  # the paragraph before the list: a statement about the topic, not a label
_NUMBERED = re.compile(r"\d+[.)]\s")
_EXAMPLES = re.compile(r"(?i)\b(?:e\.\s?g\.?|for example|for instance|such as|like|i\.\s?e\.?)[\s.,]*$")
_ASKS = re.compile(r"(?i)(?:why|how|what|which|when|where|who)\b")
# A word of a heading that names a set ("Limitations", "Tasks", "GNNs"; not "loss"): the list is the answer (a name
# that only looks plural, "Bayes", leaves a card as it was)
_PLURAL = re.compile(r"[A-Za-z][a-z]+[a-rt-z]s|[A-Z]{2,}s")
_ASIDE = re.compile(r"\s*\([^()]*\)\s*$|\s*[—–:-].*$")  # "Over-squashing (different thing!)", "Top-k pooling — gPool"


def split_topic_list(path: str, back: str) -> list[tuple[str, str]] | None:
    """The (front, back) of each card a heading-only card over a paragraph and a list of further claims becomes
    (see the module's doc): the paragraph and the items that name nothing under `path`, each other item under
    "path › topic"; None for any other back or front."""
    if "\n\n" in path or "?" in path or not _names_one_topic(path.rsplit(" › ", 1)[-1]):
        return None
    _, items = opening_and_items(back)
    if items is None or not back[:1].strip() or back.lstrip()[:1] in "-*+|$`>" or _NUMBERED.match(items[0]):
        return None  # (no paragraph before the list: the list itself answers the heading; numbered: steps)
    opening = back.split("\n" + items[0], 1)[0].strip()
    if len(opening.split()) < MIN_OPENING_WORDS or not opening.rstrip("*_ \t").endswith(".") \
            or _EXAMPLES.search(opening):
        return None  # (a label; a paper's title over its findings, "Smith et al. 2014, *How … ?*"; examples, "E.g.")
    return split_grab_bag(path, back, min_items=MIN_ITEMS)  # (each item by its own label or subject: a cue, its
    # first words, would often state the answer under a heading that already names the topic)


def _names_one_topic(heading: str) -> bool:
    """Whether a heading names one thing ("Receptive field", "GIN"), not a question ("Why it's nice") or a set in
    the plural ("Limitations they state", "Tasks": the list is what it asks for)."""
    name = _ASIDE.sub("", heading).strip()
    words = name.split()
    return bool(words) and not _ASKS.match(words[0]) and not any(_PLURAL.fullmatch(word) for word in words)
