"""Outline cards: in a note written as a tree of bullets, an item that is only a short label and holds nested items
that explain it becomes a card: front = the heading path and the labels above it, back = what is nested under it.

    - Define k                                  →  kNN › Make prediction using kNN › Define k
        - lower k: overfitting, high variance       - lower k: overfitting, high variance
        - higher k: underfitting, high bias         - higher k: underfitting, high bias

Many notes taken from a book or a course are outlines ("- Resampling", nested "- Undersampling majority class",
nested again "- e.g. Tomek links, …"); they hold most of what a learner would card and no sentence to hang a card
on. Pure: the lines of a list in, (label path, back, line) out. A label is a few words that do not end a sentence;
an item with more than `MAX_WORDS` words or `MAX_ITEMS` items under it is a chapter, not an answer: its own
nested labels are tried instead. Whether the back reads as prose (not links, values or a table of contents) is
`passages.passage`'s to say, as for section cards.
"""

from __future__ import annotations

import re

from mlwiki.extract.label_cuts import cut_in_span
from mlwiki.extract.lines import LIST_ITEM, indent_width
from mlwiki.extract.prose import clean_prose
from mlwiki.extract.wrapped_math import RELATION

MAX_LABEL_WORDS = 8
FORMULA_LABEL = "Formula"  # (the last label of a formula item's card: its front reads as any formula card's)
MAX_WORDS = 80  # tighter than a section card's: one branch of an outline is one thing to recall
MAX_ITEMS = 6
MIN_NEW_WORDS = 3
MIN_SUMMARY_ITEMS = 2
MIN_INTRODUCING_WORDS = 6
MIN_LONG_ITEMS = 9  # a list this long is no section card (passages.MAX_ITEMS) …
MAX_LONG_ITEMS = 12  # … but one card of its items when each is short, as a learner cards "methods to deal with X"
MAX_LONG_ITEM_WORDS = 20  # (one item may say a little more: "The basic idea is …")
MAX_LONG_MEAN_WORDS = 8
MAX_ITEM_LABEL_WORDS = 2  # "Pros", "Cons", "Use case": labels that say what a branch under a sentence answers  # "- time of the day" over "- time of the day similarity" teaches nothing
_STATES = re.compile(r"\d|\b(?:is|are|contains?|has|have|gives?|means|equals)\b")  # (a statement of a fact)
# A sentence that sets up a derivation or speaks to the reader, no fact: "Suppose our current prediction is …, the
# above equation can be written as"
_SETS_UP = re.compile(r"(?i)(?:suppose|let|assume|consider|imagine|if|when|to|we|you|i|here|now|then|so)\b|"
                      r".*\b(?:above|below|following)\b")
_SENTENCE_END = re.compile(r"[.!?;]\s*$")
_TRAILING_LINK = re.compile(r"(?<=\w)\s+\[\[[^\]\n]+\]\]\s*$")  # a see-also after the label's words
# ... unless the words before it need it ("- a special case of [[Metropolis-Hastings]]": the link is what it is)
_NEEDS_OBJECT = re.compile(r"(?i)\b(?:of|to|in|on|for|from|with|by|as|than|into|like|via|and|or|the|an?|is|are)$")
# (a label may hold math, "$\epsilon$-greedy", "$k$-means", but not be only a formula)
LABELLED_ITEM = re.compile(r"[ \t]*(?:[-*+]|\d+[.)])[ \t]+(?:\*\*)?[^\s:*][^:*\n]{0,40}(?:\*\*)?:(?:\*\*)?[ \t]+\S")
_TERM = re.compile(r"[A-Za-z][\w'’/ -]{1,30}[\w)]?")  # (a name of a few words, no formula or sentence)
_NOT_A_TERM = re.compile(r"(?i)not|no|never|only|always|all|any|must|very|both|each|also|and|or|but|less|more")
_STEP = re.compile(r"[ \t]*(?:[-*+][ \t]+)?\d{1,2}[.)][ \t]")  # "- 1. resample …", "2) …": a numbered step
_DISPLAY_ITEM = re.compile(r"\$\$[^$]+\$\$[ \t.,;]*")  # an item that is one display formula and nothing else
_BOLD_TERM = re.compile(r"\*\*([^*\n]{1,40}?)\*\*")
# A sentence that says in bold what its subject is: "Finding the optimal ordering is **NP-hard**" (its subject a
# few words, no formula)
_PREDICATED = re.compile(r"([A-Z][\w'’/ -]{2,50}?)[ \t]+(?:is|are|was|were|becomes?)[ \t]+\*\*([^*\n]{1,40}?)\*\*")
_BOLD_HEAD = re.compile(r"\*\*([^*\n]{1,40}?[^*\s.!?;:])\*\*:?")  # "**MAP** = …", "**MAP**: …" (not a bold sentence)
_EXAMPLES_LABEL = re.compile(r"(?i)(?:e\.g\.|examples?|for example)[ \t]*:?[ \t]*")
_LINK_LABEL = re.compile(r"\[\[([^\]|\n]+)(?:\|([^\]\n]+))?\]\]")  # "- [[SoftRank]]" over what it is
_NOT_A_LABEL = re.compile(r"(?i)^(?:e\.g\.|i\.e\.|eg\b|ie\b|see\b|note\b|https?:|\[\[|\[|!\[|`|\$\$|\$[^$]*\$[\W\d_]*$)")


def _label(text: str) -> tuple[str | None, str]:
    """(the item's label, the rest of its line): "- Resampling" → ("Resampling", ""), "- Define k: the number of
    neighbours" → ("Define k", "the number of neighbours"); (None, "") when the item is a sentence."""
    item = LIST_ITEM.sub("", text, count=1).strip()
    if "[[" in item:  # (the pattern's look-behind would be tried at every character of every item)
        if (see := _TRAILING_LINK.search(item)) and not _NEEDS_OBJECT.search(item[:see.start()]):
            item = item[:see.start()]  # "Using the right metrics [[Metrics]]"
    if item.startswith("**") and (bold := _BOLD_HEAD.match(item)) and (after := item[bold.end():].strip(" :")):
        # "**MAP** = maximise the posterior …": the bold term is the label, what follows says it
        term = bold.group(1).strip()
        if bold.group().endswith(":") or after[:1] not in "=≈" and not after[:1].islower():
            return term, after
        others = _BOLD_TERM.findall(after) if "**" in after else []  # ("**sum** can be injective; **mean** and
        if 0 < len(others) <= 2:                                      # **max** can't": all three are asked)
            term = f"{', '.join([term, *others[:-1]])} and {others[-1]}"
        return term, f"{bold.group(1).strip()} {after}"  # (the item's sentence, its subject included)
    head, colon, rest = item.partition(": ")
    named = bool(colon) and len(head.split()) <= MAX_LABEL_WORDS // 2  # "Define k: …": the label is its head
    named = named and not cut_in_span(head)  # ("$P(w) = |\{v : …\}|$": the colon is the formula's)
    label = (head if named else item).rstrip(":").strip().strip("*_").strip()
    if label.startswith("[[") and (link := _LINK_LABEL.fullmatch(label)) and not link.group(1).startswith("#"):
        label = (link.group(2) or link.group(1)).strip()  # (a link to a heading of the note: a table of contents)
    if not label or _SENTENCE_END.search(label) or _NOT_A_LABEL.match(label) or "](" in label \
            or len(label.split()) > MAX_LABEL_WORDS:
        return None, ""
    return label, rest.strip() if named else ""


def item_label(text: str) -> tuple[str | None, str]:
    """(the label of an outline's item, what its line says after it), as its branch card would ask it: see `_label`."""
    return _label(text)


def _words(nested: list[str], words: int) -> int:
    """`words` and the words of the nested items, counted only until there are more than MAX_WORDS (then only that
    the item holds a chapter matters, and a chapter's nested lines are many)."""
    for text in nested:
        words += len(LIST_ITEM.sub("", text).split())
        if words > MAX_WORDS:
            break
    return words


def outline_items(lines: list[tuple[int, str]], vague=None) -> list[tuple[list[str], str, int]]:
    """(labels from the outermost, back as Markdown dedented, line number) for each labelled item with nested
    items small enough to recall; the outermost such item wins, its nested labels are not cards too. A label
    `vague` says names no subject ("Others") is no card and no part of a front: its branches are cards of their
    own."""
    items = [(k, indent_width(text)) for k, (_, text) in enumerate(lines) if LIST_ITEM.match(text)]
    found: list[tuple[list[str], str, int]] = []
    stack: list[tuple[int, str | None]] = []  # (width, label) of the items enclosing the current one
    covered_until = -1
    for position, (k, width) in enumerate(items):
        while stack and stack[-1][0] >= width:
            stack.pop()
        label, said = _label(lines[k][1])
        if label is not None and vague is not None and vague(label):
            label = ""  # (see _path)
        stack.append((width, label))
        end = next((j for j, w in items[position + 1:] if w <= width), len(lines))
        if k <= covered_until or label == "" or any(lab is None for _, lab in stack[:-1]) \
                and not (label and _asks_by_labels([text for _, text in lines[k + 1:end]])):
            continue  # (under a sentence the labels alone would not say what is asked, "… › Pros", unless the
            # branch's own items say it: "- Logistic regression" over "- Pros: …", "- Cons: …")
        if label is None:
            under = [text for _, text in lines[k + 1:end]]
            if (named := formula_item(lines[k][1], under) or _introduced(lines[k][1], under)
                    or bold_named(lines[k][1], under)) is not None:
                found.append(([lab for _, lab in stack[:-1] if lab] + [named[0]], named[1], lines[k][0]))
                covered_until = end - 1
            continue
        nested = [text for _, text in lines[k + 1:end] if text.strip()]
        if not nested or not LIST_ITEM.match(nested[0]):
            continue
        inner = min(indent_width(text) for text in nested if LIST_ITEM.match(text))  # (a line at the margin after
        # the items, "![[figure.png]]", goes on the last item's paragraph as CommonMark reads it: no list's margin)
        top = [text for text in nested if indent_width(text) == inner and LIST_ITEM.match(text)]
        words = _words(nested, len(said.split()))
        path = _path(stack, nested)
        if len(top) > MAX_ITEMS or words > MAX_WORDS:
            summary = _summary(nested, inner, said)
            if summary:  # (its nested labels are still cards of their own)
                found.append((path, summary, lines[k][0]))
            continue
        if words < len(label.split()) + MIN_NEW_WORDS:
            continue
        back = "\n".join(text.expandtabs(4)[min(inner, indent_width(text)):] for text in nested)
        back = f"{said}\n\n{back}" if said else back
        found.append((path, back, lines[k][0]))
        covered_until = end - 1
    return found


def _path(stack: list[tuple[int, str | None]], nested: list[str]) -> list[str]:
    """The labels a branch's front is made of: those above it that name something (not a sentence, not a vague
    "Others"), and its own; under a sentence, its own followed by what its items give ("Logistic regression (Pros,
    Cons)"), since no label above says what is asked."""
    path = [lab for _, lab in stack if lab]
    if any(lab is None for _, lab in stack[:-1]):
        path[-1] += f" ({', '.join(_item_labels(nested))})"
    return path


def _item_labels(nested: list[str]) -> list[str]:
    """The labels of a branch's top items ("- Pros: fast to train" → "Pros")."""
    inner = min(indent_width(text) for text in nested)
    return [_label(text)[0] or "" for text in nested if indent_width(text) == inner and LIST_ITEM.match(text)]


def _asks_by_labels(nested: list[str]) -> bool:
    """Whether a branch's items are all short labelled ones ("- Pros: …", "- Cons: …"): 2 to `MAX_ITEMS` of them,
    each label at most `MAX_ITEM_LABEL_WORDS` words, which say what the branch answers."""
    nested = [text for text in nested if text.strip()]
    if not nested or not LIST_ITEM.match(nested[0]):
        return False
    inner = min(indent_width(text) for text in nested)
    top = [text for text in nested if indent_width(text) == inner and LIST_ITEM.match(text)]
    labels = [_label(text)[0] for text in top]
    return 2 <= len(top) <= MAX_ITEMS and all(
        label and len(label.split()) <= MAX_ITEM_LABEL_WORDS and LABELLED_ITEM.match(text)
        for label, text in zip(labels, top))


def _summary(nested: list[str], inner: int, said: str) -> str | None:
    """The back of a branch too big to recall whole: its own items without what is nested under them, when most
    of them say something themselves (a method's "- Predicting relative ordering", "- The problem is …", with
    its list of examples left out); None when they are mostly labels over branches of their own."""
    kept: list[str] = []
    branches = 0
    for k, text in enumerate(nested):
        if indent_width(text) != inner or not LIST_ITEM.match(text):
            continue
        has_nested = k + 1 < len(nested) and indent_width(nested[k + 1]) > inner
        item = LIST_ITEM.sub("", text, count=1).strip()
        if item.startswith("[") or "](" in item:
            return None  # a list of links: a table of contents
        if _EXAMPLES_LABEL.fullmatch(item) or has_nested and _label(text) == (item.rstrip(":").strip("*_ "), ""):
            continue  # "- Example" over the examples, a label over a branch of its own: left out with them
        branches += has_nested and not _STEP.match(text)  # (a step's details elaborate it: the steps are the answer)
        kept.append(text.expandtabs(4)[inner:])
    words = sum(len(text.split()) for text in kept) + len(said.split())
    if not MIN_SUMMARY_ITEMS <= len(kept) <= MAX_ITEMS or words > MAX_WORDS or 2 * branches >= len(kept):
        return None
    back = "\n".join(kept)
    return f"{said}\n\n{back}" if said else back


def _introduced(text: str, nested: list[str]) -> tuple[str, str] | None:
    """(the sentence with a colon, the back) for a bullet that is a sentence introducing the labelled items nested
    under it ("- The selection is controlled by three gates" over "- Forget gate: …", "- Input gate: …"; a remark
    among them may be unlabelled), as a sentence ending in ":" introduces a list."""
    sentence = LIST_ITEM.sub("", text, count=1).strip()
    nested = [line for line in nested if line.strip()]
    if not nested or sentence.endswith((".", "?", "!", ":")) or len(sentence.split()) < MIN_INTRODUCING_WORDS:
        return None
    inner = min(indent_width(line) for line in nested)
    top = [line for line in nested if indent_width(line) == inner]
    words = sum(len(LIST_ITEM.sub("", line).split()) for line in nested)
    if len(top) < len(nested) or words > MAX_WORDS or not 1 <= len(top) <= MAX_ITEMS:
        return None
    if not (len(top) >= MIN_SUMMARY_ITEMS and 3 * sum(bool(LABELLED_ITEM.match(line)) for line in top) >= 2 * len(top)
            and LABELLED_ITEM.match(top[0])) and not _supported(sentence, top):  # (most labelled, the first too)
        return None
    return sentence + ":", "\n".join(line.expandtabs(4)[inner:] for line in top)


def bold_named(text: str, nested: list[str]) -> tuple[str, str] | None:
    """(the term, the back) for a bullet that is a sentence naming one term in bold, over items that say what it does
    ("- $KL(q\\|p)$ … — **reverse KL**, what VI minimizes" over "- zero-forcing …", "- locks onto one mode"): the
    branch is that term's card, the sentence and its items its back; None for any other bullet."""
    nested = [line for line in nested if line.strip()]
    if not nested or not LIST_ITEM.match(nested[0]) or "**" not in text:
        return None
    sentence = LIST_ITEM.sub("", text, count=1).strip()
    terms = _BOLD_TERM.findall(sentence)
    inner = min(indent_width(line) for line in nested)
    if len(terms) != 1 or not _TERM.fullmatch(terms[0].strip()) or _NOT_A_TERM.fullmatch(terms[0].strip()) \
            or _words(nested, len(sentence.split())) > MAX_WORDS:
        return None
    return terms[0].strip(), sentence + "\n\n" + "\n".join(line.expandtabs(4)[inner:] for line in nested)


def formula_item(text: str, nested: list[str]) -> tuple[str, str] | None:
    """(`FORMULA_LABEL`, the back) for a bullet that is one display formula over items that say what its symbols are or
    what it means ("- $$\\text{Attention}(Q, K, V) = …$$" over "- Q: (n_q × d_k), …", as an outliner writes a
    formula under the topic it belongs to), or over nothing: the formula's card, asked by the labels above it, the
    items right under it on its back; None for any other bullet."""
    item = LIST_ITEM.sub("", text, count=1).strip()
    if not _DISPLAY_ITEM.fullmatch(item) or not RELATION.search(item):  # (a formula, not a lone symbol)
        return None
    nested = [line for line in nested if line.strip()]
    inner = min((indent_width(line) for line in nested), default=0)
    top = [line.expandtabs(4)[inner:] for line in nested if indent_width(line) == inner and LIST_ITEM.match(line)]
    if not top or _words(top, 0) > MAX_WORDS:
        return FORMULA_LABEL, item  # (what is nested deeper works an example or goes on: not the legend)
    return FORMULA_LABEL, item + "\n\n" + "\n".join(top)


def predicated_subject(term: str, back: str) -> str | None:
    """The subject of a bullet `bold_named` named by its bold `term` when the bold is what the sentence says of that
    subject ("Finding the optimal ordering is **NP-hard**"): the term is the answer, the subject what it is about;
    None for a bold term the sentence names."""
    said = _PREDICATED.match(back)
    return said.group(1) if said and clean_prose(said.group(2)).strip() == term else None


def _supported(sentence: str, top: list[str]) -> bool:
    """Whether a bullet states a fact that the items nested under it work out or bear on ("- each bootstrap sample
    contains ~63.2% of the distinct original points" over "- P(a point never picked) = (1 − 1/n)^n → 1/e ≈ 0.368"
    and "- the left-out ~36.8% = out-of-bag points …"): a statement with a number or a verb of being in it, over
    items that are no labels of their own."""
    return bool(_STATES.search(sentence)) and not _SETS_UP.match(sentence) \
        and not any(LABELLED_ITEM.match(line) for line in top)


def long_list(lines: list[str], vague) -> str | None:
    """The back of a card that asks for a list longer than a section card holds (`MAX_LONG_ITEMS` top-level items at
    most) when it is all its section holds, so that its heading says what it lists ("## Methods to deal with
    overfitting"): its top-level items, names or short lines (`MAX_LONG_MEAN_WORDS` words on average), without what is
    nested under them (its branches are outline cards) and without a label `vague` says names nothing ("- Others");
    None when the items are longer, hold formulas or code, or are mostly links."""
    if not lines or not LIST_ITEM.match(lines[0]) or any("$$" in line or "`" in line for line in lines):
        return None
    top = [line for line in lines if LIST_ITEM.match(line) and indent_width(line) == indent_width(lines[0])]
    kept = [line.strip() for line in top if not vague(LIST_ITEM.sub("", line, count=1).strip().rstrip(":"))]
    words = [len(LIST_ITEM.sub("", line, count=1).split()) for line in kept]
    links = sum(LIST_ITEM.sub("", line, count=1).startswith(("[[", "[")) for line in kept)
    if not MIN_LONG_ITEMS <= len(kept) <= MAX_LONG_ITEMS or max(words) > MAX_LONG_ITEM_WORDS or 2 * links >= len(kept) \
            or sum(words) > MAX_LONG_MEAN_WORDS * len(kept) \
            or len(top) != len([line for line in lines if indent_width(line) == indent_width(lines[0])]):
        return None  # (a line at the list's margin that is no item: a paragraph goes on, not a list alone)
    return "\n".join(kept)


def loose_items(lines: list[tuple[int, str]], carded: set[int]) -> list[tuple[list[tuple[str | None, str]], list[int]]]:
    """The runs of sibling items that no branch card holds (`carded`: the lines the outline cards start at), each
    with the (label, what its line says after it) of every item above it: (labels, the positions in `lines` of the
    items and their continuation lines, nothing nested under them). An outline's big branch ("- reading group:
    calibration" over seven facts) or a lone bullet beside the carded branches ("- ML use: CI on a test metric …")
    still holds what a learner cards, one item at a time."""
    items = [(k, indent_width(text)) for k, (_, text) in enumerate(lines) if LIST_ITEM.match(text)]
    runs: dict[tuple, tuple[list[tuple[str | None, str]], list[int]]] = {}
    stack: list[tuple[int, int, tuple[str | None, str]]] = []  # (width, position, label) of the enclosing items
    covered_until = -1
    for position, (k, width) in enumerate(items):
        while stack and stack[-1][0] >= width:
            stack.pop()
        end = next((j for j, w in items[position + 1:] if w <= width), len(lines))
        if lines[k][0] in carded:
            covered_until = max(covered_until, end - 1)
        if k > covered_until:
            nested = next((j for j, _ in items[position + 1:]), len(lines))
            key = tuple(p for _, p, _ in stack)
            run = runs.setdefault(key, ([label for _, _, label in stack], []))
            run[1].extend(range(k, min(nested, end)))  # (the item and its continuation lines)
        stack.append((width, position, _label(lines[k][1])))
    return list(runs.values())


def is_tree(lines: list[str]) -> bool:
    """Whether a section's text is an outline of labelled branches and nothing else: two or more items at its margin,
    each a label ("- tuning", "- setup = fake physics") or a sentence naming a term in bold, with items nested under
    it. Each branch is a fact of its own, a card asked by its label: one card of the whole section would be a page to
    reread, not an answer."""
    if not lines or not LIST_ITEM.match(lines[0]):
        return False
    top = [k for k, text in enumerate(lines) if indent_width(text) == 0]
    if len(top) < MIN_SUMMARY_ITEMS or not all(LIST_ITEM.match(lines[k]) for k in top):
        return False
    branches = [k + 1 < len(lines) and indent_width(lines[k + 1]) > 0 and bool(LIST_ITEM.match(lines[k + 1]))
                and (_label(lines[k])[0] is not None or bold_named(lines[k], lines[k + 1:end]) is not None)
                for k, end in zip(top, [*top[1:], len(lines)])]  # ("- … — **reverse KL**, …" over its items)
    # (a few other items among the branches, "- data augmentation on the validation set" after four labelled bugs,
    # are items of their own: `outline_cards` cards them as an outline's loose items)
    return branches[0] and sum(branches) >= MIN_SUMMARY_ITEMS and 2 * sum(branches) > len(top)
