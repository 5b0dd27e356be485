"""A list of labelled formulas, a card each. A cheat sheet or a summary writes the formulas of a topic as a list under
its heading, each item named by what it computes:

    ## n-gram LMs
    - MLE bigram: $C(w_{i-1}w_i)/C(w_{i-1})$
    - add-k: $\\frac{C(w_{i-1}w_i)+k}{C(w_{i-1})+kV}$
    - perplexity: $\\mathrm{PP}(W) = P(w_{1:N})^{-1/N}$
      →  "… › n-gram LMs › add-k"  /  $\\frac{…}{…}$   (one card per item)

On one card under the bare heading the learner would have to recall every formula at once, from a front that names
none of them. Each item is asked by its label instead ("label: formula", "label — formula", "label = formula",
"label $= …$"): its back the formula (the whole item when its label is the formula's left side, "MAE = …"). An item
that is a formula alone ("$P_{\\text{cont}}(w) \\propto …$") goes on with the card of the labelled item before it
(the term that item uses). A legend of symbols ("- $k$: …", "- W = input size") has no label of words and math
after it: left alone, as is a list with a statement among its items (`label_items` reads those), a numbered list
(steps), and a front that asks a question.

A paragraph that opens the same way ("Sample autocovariance at lag $k$: $\\hat\\gamma_k = …$ (divide by $T$ …)") is
asked by its label too, under the heading (`split_formula_lead`). A list some of whose items formula cards took
(the ones with a relation, "noise: $P_n(w) \\propto …$") has its other items carded the same way
(`leftover_formula_items`, with `ex` the walk over the note). The rest is pure: a card's front and back in, the
fronts and backs of the cards it becomes out.
"""

from __future__ import annotations

import re

from mlwiki.extract.blocks import Block
from mlwiki.extract.closings import FORM, is_legend
from mlwiki.extract.defining import on_a_back
from mlwiki.extract.grabbag import GOES_ON, opening_and_items
from mlwiki.extract.labels import reads_as_clause
from mlwiki.extract.lines import LIST_ITEM, TEXT
from mlwiki.extract.prose import clean_prose

MIN_ITEMS, MAX_ITEMS = 2, 12
MAX_LABEL_WORDS = 4
# "add-k: $…$", "KN — $…$", "MAE = $…$", "BLEU $= …$": the item's label (no math in it), its separator, its rest
_LABELLED = re.compile(r"[*_]*(?P<label>[^\W\d_][^:=$\n—–]{0,40}?)[*_]*[ \t]*"
                       r"(?P<sep>:(?=[ \t])|[ \t][—–](?=[ \t])|=(?!=)|(?=\$[ \t]*(?:=|\\approx|\\propto)))"
                       r"[ \t]*(?P<rest>\S.*)", re.S)
# A paragraph that opens on a formula's name (words, a symbol among them) and then the formula, a relation in it
_LEAD = re.compile(r"(?P<label>[A-Z][a-z'-]*(?:[ \t]+(?:[\w'-]+|\$[^$=<>\n]{1,12}\$|\([\w ,'-]{1,30}\))){1,7})"
                   r"(?P<sep>:)[ \t]+(?=\$[^$\n]*(?:=|\\approx|\\propto)[^$\n]*\$)")
_MATH = re.compile(r"\$[^$\n]+\$")
_ASKS = re.compile(r"(?i)(?:why|how|what|which|when|where|who|is|are|does|do|can|should)\b|.*\?\s*$")
MIN_LEAD_WORDS, MAX_LEAD_WORDS = 2, 6
_MATH_ONLY = re.compile(r"\$[^$]+\$[ \t.,;]*")  # (an item that is a formula and nothing else)
_NUMBERED = re.compile(r"\s*\d+[.)]\s")
# Labels that name no formula: an example, an aside, a pointer, a word of the writer's errand
_NO_NAME = re.compile(r"(?i)(?:e\.?g\.?|i\.?e\.?|examples?|note|nb|see(?: also)?|also|tip|warning|caveat|so|but|and|or|"
                      r"why|how|todo|to do|question|answer|q|a|update|edit|ps|pros?|cons?|result|idea|where|with|here)")


def split_formula_items(path: str, back: str) -> list[tuple[str, str]] | None:
    """(path, the text around the list), then ("path › label", formula) per item, for a back that holds one list of
    labelled formulas (see the module's doc); None for any other back or a front that asks a question."""
    if "$" not in back or "\n\n" in path or path.rstrip().endswith("?"):
        return None  # (the cheap test first: no math, no formula list)
    around, items = opening_and_items(back)
    if items is None or not MIN_ITEMS <= len(items) <= MAX_ITEMS or _NUMBERED.match(items[0]) \
            or around.rstrip().endswith(":") or any("\n" in item for item in items):
        return None  # (a list its text introduces is asked by that text; nested or wrapped items: an outline)
    cards = _formula_list([LIST_ITEM.sub("", item, count=1).strip() for item in items], path)
    if cards is None:
        return None
    return [(path, around)] + [(f"{path} › {label}", said) for label, said, _ in cards]


def split_formula_lead(path: str, back: str) -> list[tuple[str, str]] | None:
    """[("path › label", the rest)] for a back of one paragraph that opens on a labelled formula ("Sample
    autocovariance at lag $k$: $\\hat\\gamma_k = …$ (divide by $T$ …)"): asked by what the formula computes, not by
    the bare heading; None for any other back."""
    heading = path.rpartition(" › ")[2]
    if "\n\n" in path or "\n\n" in back or LIST_ITEM.match(back) or not path.partition(" › ")[2] \
            or _ASKS.match(heading) or not (found := _LEAD.match(back)) \
            or clean_prose(heading).casefold() == clean_prose(found["label"]).casefold():
        return None  # (a note's opening; a heading that asks, or "… › Base model" over "Base model: …": asked so)
    label = clean_prose(found["label"]).strip()
    words = [word for word in _MATH.sub(" ", found["label"]).split() if word.strip("()")]
    if not MIN_LEAD_WORDS <= len(words) <= MAX_LEAD_WORDS or reads_as_clause(label.split()) \
            or _NO_NAME.fullmatch(label) or GOES_ON.match(label):
        return None
    return [(f"{path} › {found['label'].strip()}", back[found.end("sep"):].strip())]


def leftover_formula_items(ex, path: str, block: Block, taken: set[int]) -> bool:
    """Card the items of a list of labelled formulas that no formula card took ("- NEG: $-\\log\\sigma(…) …$", no
    relation in it, beside "- noise: $P_n(w) \\propto …$", a formula card), each "path › label" as
    `split_formula_items` asks them; whether the block is such a list (`ex`: the walk over the note)."""
    lines = [ln for ln in block.lines if ln.text.strip()]
    if any(ln.kind != TEXT or not LIST_ITEM.match(ln.text) or ln.text[:1].isspace() for ln in lines) \
            or not any(ln.no in taken for ln in lines):
        return False  # (one flat list, some of whose items formula cards took)
    cards = _formula_list([LIST_ITEM.sub("", ln.text, count=1).strip() for ln in lines], path)
    if cards is None:
        return False
    for label, said, k in cards:
        if lines[k].no not in taken and not on_a_back(ex, said[:60]):
            ex.add_card(FORM, f"{path} › {label}", said, lines[k].no)
    return True


def _formula_list(items: list[str], path: str) -> list[tuple[str, str, int]] | None:
    """(label, back, index of its item) per labelled formula of a list's items (their markers off), an item that is
    a formula alone on the back of the one before it; None unless the list is one of labelled formulas only."""
    cards: list[tuple[str, str, int]] = []
    for k, text in enumerate(items):
        found = _labelled(text)
        if found is not None:
            cards.append((*found, k))
        elif cards and _MATH_ONLY.fullmatch(text):
            cards[-1] = (cards[-1][0], f"{cards[-1][1]}\n\n{text}", cards[-1][2])  # (what the formula before uses)
        else:
            return None
    labels = [label.casefold() for label, _, _ in cards]
    if len(cards) < MIN_ITEMS or len(set(labels)) < len(labels) \
            or clean_prose(path.rsplit(" › ", 1)[-1]).casefold() in labels:
        return None
    return cards


def names_formula(text: str) -> bool:
    """Whether a list item's text (its marker off) names the formula it gives ("add-k: $…$")."""
    return _labelled(text) is not None


def _labelled(text: str) -> tuple[str, str] | None:
    """(label, what its card's back says) of an item that names a formula, "add-k: $…$" → ("add-k", "$…$"), "MAE =
    $…$" → ("MAE", "MAE = $…$"); None for an item that is no labelled formula."""
    found = _LABELLED.fullmatch(text)
    if found is None or is_legend(f"- {text}"):
        return None
    label = clean_prose(found["label"].replace("**", "").replace("__", "")).strip(" *_")
    rest = found["rest"].strip()
    words = label.split()
    if not words or len(words) > MAX_LABEL_WORDS or len(label) < 2 or not rest.startswith("$") \
            or reads_as_clause(words) or _NO_NAME.fullmatch(label) or GOES_ON.match(label):
        return None  # (the formula right after its label: "loss: the squared error of $…$" explains in words)
    equals = found["sep"] in ("=", "")
    return label, (text if equals else rest)
