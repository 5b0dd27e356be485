"""What a section's forms left on no card (issue 23): after a formula card, a callout or a labelled card, a closing
passage too long to join the section's opening card is on no card, and with it the paragraph that says what
something costs or gives, or the list the part opens with:

    Either way: **want $m \\gg p$** …            →  … › Either way
    Cost of that: every micro-batch's activations stay alive until its backward → memory $\\propto m$.
      →  … › Cost of that  /  the paragraph
    The only rule with hidden units is that the next layer takes …  →  … › The only rule with hidden units
    **Special cases:** / - in a perceptron … / - in linear regression … / $$…$$   →  … › Special cases  /  the list

A label names what the paragraph answers, as "Price: …" or "Limitation: …" do; else the subject its first sentence
opens with does, when it names a thing (not "In our case", "Both algorithms", "A common value"). A label that names
no subject ("Note:", "Tip:"), an example or an exercise, a paragraph that introduces a list or a formula, narrates,
tells of the tutorial's own doings ("… the data object we created") or works numbers stays off. Pure: `ex` is the
walk over the note (`mlwiki.extract.walk.Extractor`).
"""

from __future__ import annotations

import re

from mlwiki.extract.blocks import Block, list_items
from mlwiki.extract.closings import FORM, led_by_list, works_example
from mlwiki.extract.lines import LIST_ITEM, NUMBERED_ITEM, TEXT, Line
from mlwiki.extract.openers import is_opener
from mlwiki.extract.passages import NO_SUBJECT, narrates, passage
from mlwiki.extract.prose import clean_prose, sentences, word_count
from mlwiki.extract.subject import is_example_title
from mlwiki.extract.topics import as_topic, passage_topic

MAX_LABEL_WORDS = 3
MIN_WORDS = 10  # (what follows the label: "Cost: high." says too little alone)
# A label in sentence case that opens the paragraph ("Cost of that: …", "**Price:** …"), not a symbol's legend
_LABEL = re.compile(r"[*_]*([A-Z][^:$\n.;,()?!*_]{2,30}?)[*_]*:[*_]*[ \t]+(?=\S)")
_FIRST_PERSON = re.compile(r"(?i)\b(?:we|our|us|i(?!\.e\.)|my|let['’]s)\b|\byou\b(?! need| want| must| should)")
# What a sentence may say in the first person and still state a fact: "in our case", the reason it gives ("… is
# desirable since we want …", "why VI uses it: … which we chose")
_OWN_CASE = re.compile(r"(?i)\bin (?:our|this) case\b|\b(?:since|because)\b.*|^why\b[^:]*:.*")
# Words a subject does not start or end with: an opener, a pronoun, a determiner of no thing ("In our case", "Both
# algorithms", "Generally more", "The number of hidden units you")
NO_TOPIC_START = frozenset("""in on for after before while when if because since as although though note what to
generally essentially usually another both this that these those it they you here there so then also now once with
without by from at one some many most each every all such other which""".split())
_NO_TOPIC_END = frozenset("""you it it'll we they he she this that these those is are of to the a an and or in on
for with by use section chapter post notebook article page""".split())  # ("The last section": the page's plan)
# A subject that names no thing of its own: "A common value", "The exact same model" (of what?)
_VAGUE_HEAD = re.compile(r"(?i)(?:an?|the)[ \t]+(?:exact[ \t]+|very[ \t]+)?(?:common|typical|usual|good|main|key|"
                         r"other|same|first|last|next)[ \t]+(?:value|choice|one|idea|point|way|thing|step|result|"
                         r"problem|option|model|method|data|dataset)s?\b")
_GOES_ON = re.compile(r"(?i)also|and|but|plus|besides|moreover|further(?:more)?")  # (a label that joins, "Also: …")
_NOT_A_TOPIC = re.compile(r"(?i)(?:edit|update|answer|solution|question|q|a|aside|fix(?:ed)?|done|status|source|"
                          r"input|output|result|step \d+|e\.g|i\.e|so|then|and|but|next|later|now|finally|also)")


def labelled_leftovers(ex, path: str, blocks: list[Block], taken: set[int], declined: bool) -> None:
    """Card each paragraph of the part after its first that opens on a short label and that no card holds, under
    "… › <label>"."""
    for k, block in enumerate(blocks):
        lines = block.lines
        if not k or lines[0].kind != TEXT or lines[0].text[:1] in " \t>" or LIST_ITEM.match(lines[0].text) \
                or not (label := _LABEL.match(lines[0].text)):
            continue  # (said cheaply: most paragraphs open on no label)
        name = clean_prose(label.group(1)).strip()
        if len(name.split()) > MAX_LABEL_WORDS or is_opener(name.split()) or NO_SUBJECT.fullmatch(name) or _NOT_A_TOPIC.fullmatch(name) \
                or is_example_title(name, own_runs=False) or any(ln.kind != TEXT or ln.no in taken for ln in lines) \
                or k + 1 < len(blocks) and blocks[k + 1].start - lines[-1].no <= 2 \
                and (LIST_ITEM.match(blocks[k + 1].lines[0].text) or blocks[k + 1].lines[0].kind != TEXT):
            continue  # (a label over the list or the formula that follows it: their introduction)
        text = " ".join(ln.text.strip() for ln in lines)
        if text.rstrip().endswith(":") or narrates(text) or works_example(text) or _held(ex, text):
            continue
        said = passage([block], labelled=True, declined=declined)
        if said is not None and word_count(clean_prose(text[label.end():])) >= MIN_WORDS:
            ex.add_card(FORM, f"{path} › {name[:1].upper()}{name[1:]}", said, block.start,
                        id_front=path if led_by_list(ex, path) else "")  # (its id, once the section's card)


def loose_leftovers(ex, path: str, blocks: list[Block], taken: set[int], declined: bool) -> None:
    """Card each paragraph of the part after its first that states a fact of its own about a subject its first
    sentence names, and that no card holds, under "… › <that subject>" ("Cost per user solve: …", "The only rule
    with hidden units is …")."""
    asides = [(div.start, div.children[-1].lines[-1].no) for div, _ in ex.asides if div.children]
    for k, block in enumerate(blocks):
        lines = block.lines
        if not k or not _starts_sentence(lines[0].text, blocks[k - 1]) or any(a <= block.start <= b for a, b in asides) \
                or LIST_ITEM.match(lines[0].text) \
                or any(ln.kind != TEXT or ln.no in taken or LIST_ITEM.match(ln.text) for ln in lines):
            continue  # (said cheaply: a list, a formula, a table or a sentence going on from the one before; a
            # MyST note's text, its own card when no other holds it)
        text = " ".join(ln.text.strip() for ln in lines)
        if text.rstrip().endswith(":") or not (topic := leftover_topic(text, path)) or narrates(text) \
                or works_example(text) or narrated(text) or word_count(clean_prose(text)) < MIN_WORDS:
            continue
        front = f"{path} › {topic[:1].upper()}{topic[1:]}"
        said = passage([_unjoined(block)], labelled=True, declined=declined)
        if said is not None and not ex.has_front(front) and not _held(ex, text) and not _held(ex, text[-40:]):
            ex.add_card(FORM, front, said, block.start)  # (its start or its end on a back: a card holds it)


def opening_list_card(ex, path: str, blocks: list[Block], taken: set[int], declined: bool) -> None:
    """Card the list a part opens with when a formula card took from a later paragraph of it, so the part makes no
    card of its own, and no card holds the list: "**Special cases:**" over its items and a formula, "## Details"
    over its facts and the formula after them; under the part's path."""
    lines = blocks[0].lines if blocks else []
    if len(blocks) < 2 or not LIST_ITEM.match(lines[0].text) or lines[0].text[:1] in " \t" \
            or NUMBERED_ITEM.match(lines[0].text) \
            or any(ln.kind != TEXT or ln.no in taken for ln in lines) \
            or not any(ln.no in taken for block in blocks[1:] for ln in block.lines):
        return  # (said cheaply: the part opens with no list, or its own card holds all of it; numbered steps a
        # formula breaks go on after it, "1. Initialise", "2. Predict", $$…$$, "3. Update": a card of two is none)
    kept = [item for item in list_items(lines) if not _held(ex, item[0].text[LIST_ITEM.match(item[0].text).end():])]
    if len(kept) < 2:
        return  # (an item a card holds, "- **cross-attention** …" a named term's, stays off: the rest is the list)
    said = passage([Block(TEXT, [ln for item in kept for ln in item])], labelled=True, declined=declined)
    if said is not None and not ex.has_front(path):
        ex.add_card(FORM, path, said, blocks[0].start)


def narrated(text: str) -> bool:
    """Whether a paragraph's first sentence tells of the tutorial's own doings ("… through the data object we
    created", "The term may make you think …")."""
    return bool(_FIRST_PERSON.search(_OWN_CASE.sub(" ", sentences(clean_prose(text))[0])))


def _bold_topic(text: str) -> str:
    """The one phrase a paragraph whose first sentence names no subject sets in bold ("Also: in small studies the
    significant estimates overstate the effect — the **winner's curse**."): the term it states a fact of; ''."""
    bold = _BOLD.findall(text)
    if len(bold) != 1 or text.lstrip().startswith("**"):
        return ""  # (a paragraph that opens in bold, "**Note:** …", is labelled, not naming a term inside it)
    term = bold[0].strip()
    return term if len(term.split()) <= MAX_LABEL_WORDS and term[-1:].isalnum() and not NO_SUBJECT.fullmatch(term) \
        else ""


def leftover_topic(text: str, path: str) -> str:
    """The subject a loose paragraph's first sentence names: a label of more words than `labelled_leftovers`
    takes, else the words before its verb; '' when it names none (an opener, a pronoun, a clause cut short)."""
    if (label := _LABEL.match(text)) and _GOES_ON.fullmatch(label.group(1)):
        topic = passage_topic(text[label.end():], path) or _bold_topic(text)  # ("Also: higher $d$ ⇒ intervals grow
        # faster": a word that joins it to what came before labels nothing; what it says has its own subject, or
        # the one term it sets in bold: "Also: in small studies … — the **winner's curse**")
    elif label:
        topic = clean_prose(label.group(1)).strip()
        if len(topic.split()) <= MAX_LABEL_WORDS:
            return ""  # (`labelled_leftovers` speaks for a short label)
    else:
        topic = passage_topic(text, path) or _equated(text)
    if topic.endswith("…") or _VAGUE_HEAD.match(topic):
        return ""  # ("Bagging helps …": the section's own subject, its opening card's; "A common value": of what?)
    words = topic.split()
    if not words or words[0].casefold() in NO_TOPIC_START or words[-1].casefold() in _NO_TOPIC_END \
            or is_opener(words) or "that" in words or len(words) == 2 and words[0].casefold() == "the":
        return ""  # (a clause, "The test found that the data"; "The results": what the paragraph before spoke of)
    return topic


_BOLD = re.compile(r"\*\*([^*$\n]{2,60})\*\*")


# A word that only joins a paragraph to the one before it: "And in general, …", "So the bound …", "Thus, …"
_JOINING = re.compile(r"(?:And|So|Thus|Hence|Therefore),?[ \t]+(?=[a-z])")


def without_joining(text: str) -> str:
    """A paragraph without the word it opens on that only joins it to the one before ("And in general, exact
    inference is …" → "In general, exact inference is …"): alone on a card, it joins nothing."""
    if not (joined := _JOINING.match(text)):
        return text
    rest = text[joined.end():]
    return rest[:1].upper() + rest[1:]


# A sentence that opens on what it sets equal to a formula, with no verb: "Running time $\approx O(m k^{w+1})$ where …",
# "Memory ≈ $O(n^2)$ per layer."
_EQUATED = re.compile(r"([A-Z][^\W\d_]*(?:[ \t]+[^\W\d_][\w'-]*){0,3})[ \t]*(?:≈|=|~|∝|\$[ \t]*(?:\\approx|=|\\sim|\\propto|"
                      r"\\simeq|\\in|\\le(?:q)?)(?![A-Za-z]))")


def _equated(text: str) -> str:
    """The words a paragraph opens on when it sets them equal to a formula ("Running time $\\approx O(…)$"): the
    topic it gives the value of; '' when it opens otherwise."""
    return as_topic(found.group(1)) if "$" in text[:60] and (found := _EQUATED.match(text)) else ""


def _unjoined(block: Block) -> Block:
    """A paragraph without the label that only joins it to the one before ("Also: higher $d$ ⇒ …" → "Higher $d$ ⇒
    …"): alone on a card, it joins nothing."""
    first = block.lines[0]
    if not (label := _LABEL.match(first.text)) or not _GOES_ON.fullmatch(label.group(1)):
        return block
    rest = first.text[label.end():]
    return Block(TEXT, [Line(first.no, rest[:1].upper() + rest[1:], first.kind, first.attrs)] + block.lines[1:])


def _starts_sentence(first: str, before: Block) -> bool:
    """Whether a paragraph's first line starts a sentence of its own: a capital, or a symbol in math right after a
    list ("- … / $\\gamma$ and $C$ interact: …"), which no formula's sentence goes on from."""
    first = first.lstrip("*_")
    if first[:1].isupper():
        return True
    return first[:1] == "$" and first[1:2] != "$" and bool(LIST_ITEM.match(before.lines[0].text)) \
        and before.lines[-1].kind == TEXT


def _held(ex, text: str) -> bool:
    """Whether a card of the note holds the text already, on its back or on its front."""
    said = clean_prose(text)
    start = said[:40]
    raw = text[:40]
    after = said.split(":", 1)[-1].strip()[:40].casefold()  # (a card of what follows the label,
    # its first word capitalised there: "Notice the growth: linear in …" → "Linear in …")
    for drafts, _ in ex.drafts:
        for d in drafts:
            if raw in d.back or start in d.front:
                return True
            cleaned = clean_prose(d.back)  # (once per back: both tests read it)
            if start in cleaned or after and after in cleaned.casefold():
                return True
    return False
