"""Grab-bags: a section card whose front names only the note ("Adam") or a heading that names no question
("Practical", "Things I noticed") over a list of unrelated facts ("- defaults: η = 10⁻³ …", "- each parameter
effectively gets its own LR …", "- step size is roughly bounded by η …") asks for none of them: a learner cannot
recall five facts from a front that tells none apart. Such a card is split, one card per item, its front saying what
the item is about (`topics`): "Adam › defaults", "Adam › step size". What opens the section before the list stays
on the card of the section's front ("Early stopping" → what early stopping is); an item that names nothing stays
with it. A list the heading asks for ("Why does it work?", "Tests I use", "Steps") is one answer, not a grab-bag.

Pure: a card's front and back in, the fronts and backs of the cards it becomes out.
"""

from __future__ import annotations

import re

from mlwiki.extract.daily import LEARNT
from mlwiki.extract.firstwords import as_cut_topic
from mlwiki.extract.label_cuts import reworded_label
from mlwiki.extract.lines import LIST_ITEM
from mlwiki.extract.paragraphs import in_path, lead_subject
from mlwiki.extract.passages import NO_SUBJECT
from mlwiki.extract.prose import clean_prose, sentences
from mlwiki.extract.topics import as_topic, passage_topic
from mlwiki.extract.voice import speaks_as_author

MIN_ITEMS = 3  # two facts under one front may be a pair; three unrelated ones are a bag
MIN_ITEM_WORDS = 4  # an item shorter than this names something: a list of names is an enumeration
MAX_LABEL_WORDS = 5
MAX_CAUSE_WORDS = 8  # what an arrow leads from may be a clause: "momentum keeps going after the loss flattens → …"
# A heading that names no question of its own: where the facts are kept, not what they answer
_VAGUE = re.compile(r"(?i)[\W\d_]*(?:practical(?:ities| notes| tips| matters)?|in practice|misc\w*|"
                    r"(?:other|more|random|assorted|extra|side) (?:notes?|things|bits|points|remarks)|"
                    r"notes?|details?|remarks?|observations?|odds and ends|bits and pieces|other|extras?|"
                    r"tips(?: and tricks)?|gotchas|things(?: to (?:know|remember|note))?|"
                    r"(?:(?:practical|implementation) )?(?:stuff|details?|notes?|tips|tricks)|caveats?|pitfalls?|"
                    r"(?:common |known )?(?:mistakes|pitfalls|gotchas|issues)|properties|lessons(?: learned)?|"
                    r"(?:key |main )?(?:takeaways|points|facts|insights)|rules? of thumb|good to know|subtleties|"
                    r"nuances|quirks|trivia|edge cases|(?:some )?(?:consequences|implications|corollaries)|"
                    r"points to (?:remember|note)|but|however)[\W\d_]*")
# A day's heading over what it learnt ("TIL", "Things I learned today", "What we learnt"): of what? it does not say
_LEARNT = re.compile(rf"(?i)[\W\d_]*(?:(?:things?|stuff|what)[ \t]+(?:(?:i|we)[ \t]+)?)?(?:{LEARNT})[\W\d_]*")
# What qualifies a heading's name without changing what it names: "(memorize!!)", "that matter", "worth knowing"
_QUALIFIER = re.compile(r"(?i)\s*(?:\([^()]*\)|(?:that|which) (?:matters?|count)|(?:that are )?worth (?:knowing|noting)|"
                        r"to (?:know|remember)|(?:that )?I (?:keep|always|tend to) (?:forget(?:ting)?|mix(?:ing)? up))[\W_]*$")
_QUALIFIER_WORDS = ("matter", "count", "worth", "know", "remember", "forget", "mix")  # (with "(": one in every phrase of it)
_ALTERNATIVES = re.compile(r"\s+(?:/|&|\+)\s+|,\s+|\s+and\s+")  # "Why does it work / caveats": two headings in one
# "- defaults: η = …", "- **Patience**: …", "- noisy val curves → patience 5–20": the item's own label
_ITEM_LABEL = re.compile(r"\**([^:→=*()\n]{2,80}?)(?::\*\*|\**\s*(?::|→|->))\s+\S")  # (also "**Label:** …")
# What no topic opens or ends on: a clause's start ("Since we …", "What the test …", "and exactly") or a pronoun it
# breaks off at
_BROKEN_TOPIC = re.compile(r"(?i)(?:since|because|although|though|whereas|what|why|how|and|so|but)\b|"
                           r".*\b(?:we|you|i|it|they|he|she|there)$")
_EQUALS = re.compile(r"([^=\n]{2,30}?)\s+=\s+\S")  # "Adam = momentum + per-parameter scaling"
_CLAUSE = re.compile(r"((?:\$[^$\n]{1,60}\$|[^(),;:—–!?.→=`$]|[.–](?=\w)|(?<=\bal)\.){1,60}?)\s*"
                     r"(?:[(),;:—!?→=]|(?<!\bal)[.–](?!\w)|$)")  # ("0.1–0.5", "et al." and "$H(X) \ge 0$" hold on)
MIN_CUE_WORDS, MAX_CUE_WORDS = 2, 6
MIN_REST_WORDS = 3  # what an item says after its cue: the answer the cue asks for
_NUMBERED = re.compile(r"\d+[.)]\s")
_BOLD = re.compile(r"\*\*[^*\n]+\*\*")
MAX_TERM_WORDS = 5
# Bold that stresses how, not what: "**by default**", "**not**", "**always**", "**all**"
_NO_TERM = re.compile(r"(?i)(?:by|in|on|at|for|with|without|not|no|never|always|only|all|any|every|each|very|much|"
                      r"more|less|most|least|before|after|once|twice|exactly|also)\b")
_ASIDE = re.compile(r"\([^()]*\)")  # a paragraph all in brackets: where the facts came from, none of them
_GENERIC_LABEL = re.compile(r"(?i)(?:e\.?g\.?|i\.?e\.?|note|nb|see|also|tip|warning|caveat|so|but|and|why|how)")


def is_grab_bag_front(path: str, subject_only: bool) -> bool:
    """Whether a section card's front asks for nothing its back could list: the note's subject alone (the text
    before its first heading) or a last heading that names no question ("Practical", "Things I noticed", "Things I
    learned today": what the day learnt, of what?)."""
    last = path.rsplit(" › ", 1)[-1]
    return subject_only or _names_no_question(last) or bool(_LEARNT.fullmatch(last)) or " › " in path \
        and speaks_as_author(last) \
        and last.split()[0].lower() in ("things", "stuff", "bits", "notes")


def _may_qualify(heading: str) -> bool:
    """Whether `_QUALIFIER` may match in a heading: it holds a word each of its phrases needs (said by substring
    tests of an ASCII heading in lower case: the case-blind pattern is tried at every character)."""
    low = heading.lower()
    return not heading.isascii() or "(" in low or any(map(low.__contains__, _QUALIFIER_WORDS))


def _names_no_question(heading: str) -> bool:
    """Whether a heading names where facts are kept, not what they answer: "Gotchas", "Practical stuff",
    "Implementation details that matter", "Properties (memorize!!)", or one of its halves ("Why it works / caveats")."""
    if _VAGUE.fullmatch(heading):
        return True
    bare = _QUALIFIER.sub("", heading) if (heading.endswith(")") or " " in heading) and _may_qualify(heading) \
        else heading
    halves = [part for part in _ALTERNATIVES.split(bare) if part]
    return any(_VAGUE.fullmatch(part) for part in halves) and not any(
        NO_SUBJECT.fullmatch(part) and not _VAGUE.fullmatch(part) for part in halves)  # ("Notes and references")


def split_grab_bag(path: str, back: str, cues: bool = False,
                   min_items: int = MIN_ITEMS) -> list[tuple[str, str]] | None:
    """The (front, back) of each card a grab-bag card becomes: its opening text and the items that name nothing
    under `path`, each other item under "path › topic"; None when the back is no grab-bag (no list of at least
    `MIN_ITEMS` statements, a list the text before it introduces, or fewer than two items that say their topic).
    `cues`: under a heading that names nothing, an item that says no topic is asked by its opening clause;
    `min_items`: fewer items are one answer (a pair under a heading that names its topic, `topic_lists`)."""
    around, items = opening_and_items(back)
    if items is None or len(items) < min_items or back.split("\n" + items[0], 1)[0].rstrip().endswith(":") \
            or _NUMBERED.match(items[0]) and not cues:
        return None  # (a list the text before it introduces, or numbered: one answer, steps or kinds in order; under
        # "Properties" or "Gotchas" the numbers only count the facts)
    short = sum(len(LIST_ITEM.sub("", item, count=1).split()) < MIN_ITEM_WORDS for item in items)
    if short * 2 > len(items) if cues else short:
        return None  # (names: an enumeration the front asks for; under "Gotchas" a short one stays on its card)
    if not cues and sum(bool(_BOLD.search(item.split("\n", 1)[0])) for item in items) * 2 >= len(items):
        return None  # (a bold term in each: kinds side by side, "A **core point** …", "A **border point** …"; under
        # "Gotchas" or "Practical stuff" the bold marks what each fact is about)
    topics = [_item_topic(item, path) or (cues and _cue(item)) or "" for item in items]
    seen = [t.casefold() for t in topics if t]
    named = [bool(t) and seen.count(t.casefold()) == 1 for t in topics]
    if sum(named) < 2:
        return None
    kept = [item for item, own in zip(items, named) if not own]
    closing = [(part, topic) for part in back[back.rfind(items[-1]) + len(items[-1]):].split("\n\n")
               if part.strip() and (topic := part_topic(part, path)) and topic.casefold() not in seen]
    for part, _ in closing:  # (a paragraph after the list that names its topic, "Compare: cross-validation …")
        around = around.replace(part.strip(), "").strip()
    around = "\n\n".join(part for part in around.split("\n\n") if not _ASIDE.fullmatch(part.strip()))
    if len(kept) == 1 and not around and (term := _bold_term(kept[0], seen)):
        k = items.index(kept[0])  # (one item alone under "Gotchas" would be asked for all: its bold term asks it)
        topics[k], named[k], kept = term, True, []
    cards = []
    left = _without_marker(kept[0]) if len(kept) == 1 else "\n".join(kept) if kept else ""  # (one item is no list)
    head = back.split(items[0], 1)[0]  # (the items left stay before a code block after the list: its illustration)
    code = [m.group(0) for m in _FENCED.finditer(around) if m.group(0) not in head] if left and "`" in around else []
    before = around
    for block in code:
        before = before.replace(block, "")
    before, after = re.sub(r"\n{3,}", "\n\n", before).strip(), "\n\n".join(code)
    rest = "\n\n".join(part for part in (before, left, after) if part).strip()
    if rest:
        cards.append((path, rest))
    cards += [(f"{path} › {topic}", _without_marker(item)) for item, topic, own in zip(items, topics, named) if own]
    return cards + [(f"{path} › {topic}", part.strip()) for part, topic in closing]


def _bold_term(item: str, seen: list[str]) -> str:
    """The term an item marks in bold inside the sentence of its first line ("use the **same preprocessing** as …"),
    when no other item's topic is it; '' otherwise."""
    found = _BOLD.search(LIST_ITEM.sub("", item.split("\n", 1)[0], count=1))
    term = found[0].strip("*").strip() if found and found.start() > 0 else ""  # ("**Term** …" leads its own item)
    return term if term and len(term.split()) <= MAX_TERM_WORDS and term.casefold() not in seen \
        and not _NO_TERM.match(term) else ""


def named_by_bold(path: str, card: tuple[str, str]) -> bool:
    """Whether a card `split_grab_bag` made is the one item that stayed under `path` named by the term it marks in
    bold inside its sentence (`_bold_term`): it is the card the bag's front had, and keeps its id."""
    found = _BOLD.search(card[1].split("\n", 1)[0])
    return bool(found) and found.start() > 0 and card[0] == f"{path} › {found[0].strip('*').strip()}"


def split_leftovers(path: str, back: str) -> list[tuple[str, str]] | None:
    """The cards of a note-subject card whose back opens on a list item: what the note's other cards left over ("-
    discount $1/\\log_2(i+1)$: position 1 → 1, …" and "Always report the mean over users …" under "NDCG"), one per
    item and closing paragraph, each under what it is about; None unless every part names a topic of its own."""
    if not LIST_ITEM.match(back):
        return None
    around, items = opening_and_items(back)
    parts = (items or []) + [part for part in around.split("\n\n") if part.strip()]
    if items is None or len(parts) < 2:
        return None
    topics = [_item_topic(part, path) for part in parts]
    if not all(topics) or len({topic.casefold() for topic in topics}) < len(topics):
        return None
    return [(f"{path} › {topic}", _without_marker(part)) for part, topic in zip(parts, topics)]


def opening_and_items(back: str) -> tuple[str, list[str] | None]:
    """The text around a back's list (before it, and the paragraphs after it: a tip that closes the section), and
    the list's top-level items (each with the lines nested under it); None for the items when there is no list, or
    more than one."""
    lines = back.split("\n")
    start = next((k for k, line in enumerate(lines) if LIST_ITEM.match(line) and not line[:1].isspace()), None)
    if start is None:
        return back, None
    items: list[list[str]] = []
    end = len(lines)
    for k in range(start, len(lines)):
        line = lines[k]
        if LIST_ITEM.match(line) and not line[:1].isspace():
            items.append([line])
        elif line[:1].isspace() or not line.strip() and k + 1 < len(lines) and lines[k + 1][:1].isspace():
            items[-1].append(line)
        elif line.strip():
            end = k  # (a paragraph after the list)
            break
    closing = lines[end:]
    if any(LIST_ITEM.match(line) for line in closing):
        return back, None  # (two lists: parts of one explanation)
    around = "\n".join(lines[:start]).rstrip() + ("\n\n" + "\n".join(closing).strip() if closing else "")
    return around.strip(), ["\n".join(item).rstrip() for item in items]


def _item_topic(item: str, path: str) -> str:
    """What a list item is about: its own label ("defaults: …", "noisy val curves → …"), else its first sentence's
    subject; '' when it says none, or only the start of a clause ("Since we", "What the test")."""
    topic = _named_topic(item, path)
    return "" if _BROKEN_TOPIC.match(topic) else topic


def _named_topic(item: str, path: str) -> str:
    text = clean_prose(LIST_ITEM.sub("", item.split("\n", 1)[0], count=1)).strip()  # ([[Batch norm]] → its name)
    if (label := _ITEM_LABEL.match(text)) and not _GENERIC_LABEL.fullmatch(label.group(1).strip()) and \
            len(label.group(1).split()) <= (MAX_CAUSE_WORDS if "→" in text[label.end(1):label.end()] else MAX_LABEL_WORDS):
        if term := remarked_term(label.group(1), text[label.end() - 1:]):
            return term  # ("Different beast: the **NTK** describes …": the label remarks, the bold term is the topic)
        return reworded_label(as_topic(label.group(1)), text[label.end(1):])  # ("momentum keeps going after the
        # loss flattens → …": a cause and its effect; "warmup: … decay: …", two labels weighed: "warmup vs decay")
    if (named := _EQUALS.match(text)) and len(named.group(1).split()) <= 3:
        return as_topic(named.group(1))
    return _as_subject(passage_topic(text, path), text)


# The name in bold a text opens on, after an article at most: "the **NTK** describes …" (not a word it stresses,
# "**concatenates** earlier features", "**exact** attention")
_BOLD_OPENING = re.compile(r"[ \t]*(?:(?:the|a|an)[ \t]+)?\*\*([A-Z][^*\n]{1,39})\*\*")


def remarked_term(label: str, rest: str) -> str:
    """The bold term the text after a label opens on, when the label's last word (what it names) is none of the
    text's: the label remarks on the term ("Different beast: the **NTK** describes …"), it does not name it; ''
    otherwise."""
    term = _BOLD_OPENING.match(rest)
    words = re.findall(r"[^\W\d_]{3,}", label.casefold())
    return term.group(1).strip() if term and words and words[-1] not in re.findall(r"[^\W\d_]{3,}", rest.casefold()) \
        else ""


def _as_subject(topic: str, text: str) -> str:
    """A topic cut from an item's first words as a front shows it (`firstwords.as_cut_topic`: not "not exactly
    equivalent if the model"); the item's own label ("still on-policy: …") as the note writes it."""
    plain = re.sub(r"[*_`]", "", text).casefold()  # (its label as written: "still **on-policy**: …")
    return topic if plain.startswith(f"{topic.casefold()}:") else as_cut_topic(topic)


def _cue(item: str) -> str:
    """An item's opening clause, up to its first mark, as what asks for the rest ("less used in conv layers (…); …"
    → "less used in conv layers"): under a heading that names nothing, a cue is better than a bag."""
    text = clean_prose(LIST_ITEM.sub("", item.split("\n", 1)[0], count=1)).strip()
    clause = _CLAUSE.match(text)
    words = clause.group(1).split() if clause else []
    if len(text.split()) - len(words) < MIN_REST_WORDS or _BROKEN_TOPIC.match(clause.group(1) if clause else ""):
        return ""  # ("global gradient norm clipping 0.5": the cue would be the whole fact, a front with no question)
    return _as_subject(as_topic(clause.group(1)), text) if MIN_CUE_WORDS <= len(words) <= MAX_CUE_WORDS else ""


_FENCED = re.compile(r"(?ms)^[ \t]*(```|~~~)[^\n]*\n.*?^[ \t]*\1[ \t]*$")  # (a fenced code block, blank lines and all)


def _without_marker(item: str) -> str:
    """An item as a card's back: its first line without the bullet, what is nested under it as it was."""
    first, _, nested = item.partition("\n")
    return "\n".join(part for part in (LIST_ITEM.sub("", first, count=1).strip(), nested) if part)


# A paragraph that opens on a bold label of its own and goes on ("**FISTA** (2009) = ISTA + momentum", "**Baselines
# differ!** A random scorer …"): a fact under its own name, however short the back it is part of ("**Main point:
# inductive.**" is a sentence in bold, no name)
_BOLD_LEAD = re.compile(r"\*\*[^*:\n]{2,40}\*\*[ \t]*\S")
MIN_LONG_WORDS = 90  # a back longer than this that holds several facts asks the learner for all of them at once
# A part that goes on from the one before it: a pointer back, or a word that joins it on ("This is what people call
# …", "It also …", "So …"): it makes no sense alone
GOES_ON = re.compile(r"(?i)[*_\"“]*(?:this|that|these|those|it|its|they|their|them|there|here|so|but|and|or|also|"
                      r"then|thus|hence|therefore|however|which|such|both|same|again|otherwise|instead|i\.e\.|e\.g\.)\b")
_FENCE = re.compile(r"\s*(?:```|~~~|\$\$)")
# A list its opening introduces ("Three reasons:", "Steps:") or a label for what follows: one answer, not parts
_INTRODUCES = re.compile(r":\s*$")
# A label that names no topic a learner could be asked for: an example, one of a numbered run ("Intuition 2"), the
# bag's own name
_NO_PART_TOPIC = re.compile(r"(?i)(?:(?:for )?examples?|e\.g|\w+(?: \w+)? \d+|user question|question|answer|q|a|"
                            r"(?:remark|note|caveat|warning|tip)s?)\W*")  # ("**Remark**. …": an aside, about what?)


def split_long_back(path: str, back: str, bag: bool = False, short_claims: bool = False) -> list[tuple[str, str]] | None:
    """The (front, back) of each card a back too long for one recall becomes (more than `MIN_LONG_WORDS` words, in
    paragraphs or list items): the parts that say what they are about ("- intuition: …", "**Funk SVD** is …",
    "Sentence-level BLEU needs smoothing …") each under "path › topic", the first part and those that name nothing
    under `path` as before; a part that goes on from the one before ("This is …", "It …") stays with it, and so do a
    code block or a display formula. None when the back is short, is one list (steps, or one its opening
    introduces: "Three reasons:"), or no part names a topic of its own apart from the first. A shorter back splits
    off only the paragraphs after its first that open on a bold label of their own (`_BOLD_LEAD`).
    `bag`: the front names a bag ("Gotchas") over paragraphs, no list: split however short, the first part too.
    `short_claims`: the back is paragraphs of separate claims (`separate_claims`): split however short."""
    short = not bag and not short_claims and len(back.split()) <= MIN_LONG_WORDS
    if bag and any(LIST_ITEM.match(line) for line in back.split("\n")) or short and "\n\n**" not in back:
        return None
    parts = _parts(back)
    if parts is None or len(parts) < 2:
        return None
    base = path.split("\n\n", 1)[0]
    taken = {t.casefold() for t in base.split(" › ")}
    topics = [part_topic(parts[0], base) if bag or _labelled_item(parts[0]) else ""] \
        + [part_topic(part, base) for part in parts[1:]]  # (a first item under its own label opens no section)
    seen = [t.casefold() for t in topics if t]
    named = [bool(t) and seen.count(t.casefold()) == 1 and t.casefold() not in taken for t in topics]
    if short:
        named = [own and k > 0 and bool(_BOLD_LEAD.match(parts[k])) for k, own in enumerate(named)]
    if not any(named):
        return None
    for k in range(len(parts) - 1, 0, -1):  # (a paragraph that names nothing goes on from the paragraph before it;
        if not named[k] and named[k - 1] and not LIST_ITEM.match(parts[k - 1]):  # after a list, it closes the list)
            parts[k - 1] += "\n\n" + parts.pop(k)
            del named[k], topics[k]
    kept = [part for part, own in zip(parts, named) if not own]
    rest = "".join(("\n" if k and LIST_ITEM.match(part) and LIST_ITEM.match(kept[k - 1]) else "\n\n" if k else "")
                   + part for k, part in enumerate(kept))  # (items kept together stay one list)
    cards = [(path, rest)] if rest else []
    return cards + [(f"{base} › {topic}", _without_marker(part)) for part, topic, own in zip(parts, topics, named)
                    if own]


def _labelled_item(part: str) -> bool:
    """Whether a part is a list item that opens on its own label ("- cost: O(n³) time …"): one fact among the
    list's others, not the text that opens the section."""
    label = _ITEM_LABEL.match(LIST_ITEM.sub("", part, count=1).lstrip()) if LIST_ITEM.match(part) else None
    return bool(label) and label.group(1)[1:].islower() and not any(c.isdigit() for c in label.group(1))  # (not
    # a name or a citation that labels the first of a list of works: "Smith & Lee 2017: …")


def _parts(back: str) -> list[str] | None:
    """A long back's parts: its paragraphs and the items of its lists, a code block or display formula, and a part
    that goes on from the one before, kept with that one; None when the back is a list of steps or one its text
    introduces, which is one answer."""
    chunks: list[str] = []
    in_fence = False
    for para in back.split("\n\n"):  # (a blank line inside a code block or a formula does not end it)
        if in_fence:
            chunks[-1] += "\n\n" + para
        else:
            chunks.append(para)
        in_fence ^= sum(1 for line in para.split("\n") if _FENCE.match(line)) % 2 == 1
    parts: list[str] = []
    for chunk in chunks:
        lines = chunk.split("\n")
        if LIST_ITEM.match(lines[0]) and not lines[0][:1].isspace():
            if _NUMBERED.match(lines[0]) or parts and _INTRODUCES.search(parts[-1]):
                return None  # (steps, or a list the paragraph before introduces)
            _, items = opening_and_items(chunk)
            if items is None:
                return None
            if parts:  # (a list after a paragraph goes on from it: "Assumptions" over its items)
                parts[-1] += "\n\n" + chunk
                continue
            parts += items
            continue
        text = chunk.lstrip()
        if parts and (GOES_ON.match(text) or _FENCE.match(text) or text[:1] in "=≈→$" or text[:1].islower()
                      or _INTRODUCES.search(parts[-1])):
            parts[-1] += "\n\n" + chunk  # (it makes no sense alone)
        else:
            parts.append(chunk)
    return parts


def part_topic(part: str, path: str) -> str:
    """What one part of a long back is about: an item's own label, the bold term its first sentence opens on, else
    its first sentence's subject (`paragraphs.lead_subject`); '' when it says none."""
    first = LIST_ITEM.sub("", part.split("\n", 1)[0], count=1).strip()
    text = clean_prose(first).strip()
    if (label := _ITEM_LABEL.match(text)) and len(label.group(1).split()) <= MAX_LABEL_WORDS:
        topic = remarked_term(label.group(1), text[label.end() - 1:]) or label.group(1).strip()  # ("Different beast:
        # the **NTK** …": the bold term)
    elif bold := re.match(r"\*\*([^*\n]{2,60})\*\*", first):
        topic = bold.group(1).strip()
    else:
        topic = (lead_subject(sentences(text)[0]) if text else None) or ""  # (not "In probability, …": no name)
        if re.fullmatch(r"(?i)(?:the|an?) [a-z-]+", topic):
            return ""  # ("The assumption is that …", "The goal …": whose? the front would not say)
    if _GENERIC_LABEL.fullmatch(topic) or _NO_PART_TOPIC.fullmatch(topic) or in_path(topic, path):
        return ""
    return as_topic(topic) if label or bold else as_cut_topic(as_topic(topic))


def item_front_topic(item: str, path: str) -> str:
    """What a list item left alone on no card is asked by: its label or subject, else its opening clause."""
    return _item_topic(item, path) or _cue(item)
