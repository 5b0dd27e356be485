"""A heading's card whose back opens by defining the heading's own term, then goes on with other facts:

    ## Bootstrap › Overview
    Bootstrap resampling is a technique for estimating the spread of a statistic … It takes its name from a saying.
    Each resample has the size of the data. A few thousand resamples are usually enough …
      →  Bootstrap › Overview / Define: Bootstrap resampling  →  Bootstrap resampling is a technique for …
      →  Bootstrap › Overview  →  It takes its name from … (the rest, on the heading's card)

A learner asked for the heading recalls what the term is and then everything else said under it, at once. The
definition is what is carded first, so its sentence is a card of its own ("Define: <term>", as `defining` asks);
a sentence that gives the term's other names ("It is also called …") is asked as "What else is <term> called?";
a rest that is a list its sentence introduces ("Two variants are common:") is asked under that sentence, as a
section's lead-in is; any other rest stays on the heading's card (under its bold label when it opens on one), which the other splitters (`fact_parts`) may part further. Only a back of three sentences,
paragraphs or items or more is parted (a definition and one more sentence is one answer), and not one whose later
sentence says the definition again ("In other words, …", "More formally, …"), nor one a heading's question asks
already ("What is X?", `facets`). Pure: a card's front and back in, the parts out.
"""

from __future__ import annotations

import re

from mlwiki.extract.claim_asks import with_article
from mlwiki.extract.defining import defining_sentence, stems
from mlwiki.extract.elliptic_definitions import elliptic_term
from mlwiki.extract.facets import asked_front
from mlwiki.extract.labels import GENERIC_LABELS
from mlwiki.extract.prose import breaks_off, clean_prose, is_claim, prefix_heading, sentences

MIN_UNITS = 3  # sentences, items or paragraphs: fewer are one answer
_ITEM = re.compile(r"[ \t]*(?:[-*+]|\d+[.)])[ \t]+")
_TOP_ITEM = re.compile(r"(?:[-*+]|\d+[.)])[ \t]")
# The rest says the definition again, or goes on from its last word: it is part of the definition
_RESTATES = re.compile(r"(?i)(?:in other words|that is|i\.e\.|more formally|formally|equivalently|put differently|"
                       r"put simply|in short|more precisely|precisely|specifically|namely|or|and|but|where|which)\b")
# A later sentence that gives the definition again, in other terms: the back is one definition
_AGAIN = re.compile(r"(?i)(?:in other words|more formally|formally|equivalently|put differently|more precisely)\b")
_ENDS_OPEN = (":", ",", ";", "?")
# A sentence that rates a subject, not says what it is ("… is a subtle but crucial concept to grasp")
_RATES = re.compile(r"(?i)\b(?:subtle|crucial|important|essential|fundamental|key|powerful|useful|great|interesting|"
                    r"tricky|simple|popular|central|core)\b(?:[ \t]+\w+){0,3}?[ \t]+(?:concept|idea|topic|thing|part|"
                    r"tool|notion)s?\b")
# Words that make a term a clause ("Tests whether the …") or an adverb its last word ("Self attention basically")
_CLAUSE = frozenset("whether how what when why that which if".split())
# An article inside a term, not after "of": an action said as a clause ("Saving only the learned parameters")
_INNER_ARTICLE = re.compile(r"(?i)(?<!\bof)[ \t](?:the|a|an)[ \t]")
# "… is the usual way: …": how it is done, not what it is
_WAY = re.compile(r"(?i)\b(?:is|are)[ \t]+(?:the|a)[ \t]+(?:\w+[ \t]+)?(?:way|choice|default|option)\b")
_ADVERB = re.compile(r"(?:[ \t]+(?:\w+ly|just|in general))+$")
# "**hard negatives** — items the model scores high …", "**Fundamental problem**: for any unit we only …"
_BOLD_TERM = re.compile(r"\*\*(?P<term>[^*\n]{2,60}?)\*\*[ \t]*(?::|[—–]|-(?=[ \t]))[ \t]+(?P<what>[^*\s].*)")
MIN_WHAT_WORDS = 5
_LOWER_NEXT = re.compile(r"\.[ \t]+(?=[a-z])")
_PLURAL = re.compile(r"[a-z]{2}(?<![siu])s$")  # "hard negatives", not "loss", "analysis"
_VERB_NEAR = re.compile(r"[ \t](?:is|was|has|means|refers)[ \t]")
# "It is also called …", "They are sometimes known as …": the term's other names
_ALIAS = re.compile(r"[^.;:]{1,60}?[ \t](?:is|are)[ \t]+(?:also|sometimes|often|commonly)[ \t]+(?:called|known[ \t]+as|"
                    r"referred[ \t]+to[ \t]+as|named)[ \t]+\S")
_LABEL = re.compile(r"\*\*(?P<label>[^*\n]{2,50}?)[:.]?\*\*[:.]?[ \t]")


def definition_first(path: str, back: str) -> list[tuple[str, str]] | None:
    """[(the rest's front, the rest), (path + "Define: <term>", the defining sentence)] for a card under a bare
    heading `path` whose back opens with a sentence defining the heading's term and goes on with other facts
    (`MIN_UNITS` or more in all); None for any other card (see the module's doc)."""
    if "\n\n" in path or "?" in path or len(back) < 120:
        return None  # (a front that asks, or shows a formula; a short back: one answer)
    head, _, after = back.partition("\n\n")
    lines = head.split("\n")
    item = _ITEM.match(lines[0])
    list_at = next((k for k, line in enumerate(lines) if k and _TOP_ITEM.match(line)), len(lines))
    if item and list_at != 1 and len(lines) > 1:
        return None  # (a first item with lines under it: the item is one answer)
    lead = lines[0][item.end():] if item else " ".join(line.strip() for line in lines[:list_at])
    sentence, more = _first_sentence(lead.strip())
    term = _defined(sentence, path, prose=not item)
    if term is None or asked_front(path, back):
        return None  # (no definition, or one the heading's card will ask for: "What is X?")
    if item:  # (the first item's other sentences: an item of their own, before the items after it)
        rest_head = "\n".join(([f"{item.group(0)}{more}"] if more else []) + lines[1:])
    else:
        rest_head = "\n".join(([more] if more else []) + lines[list_at:])
    rest = "\n\n".join(part for part in (rest_head.strip("\n"), after.strip("\n")) if part)
    if not rest or _units(rest) < MIN_UNITS - 1 or _RESTATES.match(clean_prose(rest)) \
            or any(_AGAIN.match(s.strip()) for s in sentences(clean_prose(rest))):
        return None
    rest, aliases = _without_aliases(rest, term)
    return [_rest_card(path, term, sentence, rest), (prefix_heading(path, f"Define: {term}"), sentence)] + \
        [(prefix_heading(path, f"What else {_verb(term, sentence)} {with_article(term, sentence)} called?"), alias)
         for alias in aliases[:1]]


def _without_aliases(rest: str, term: str) -> tuple[str, list[str]]:
    """The rest without the sentences of its paragraphs that give the term's other names ("It is also called
    position bias."), and those sentences; the rest as it is when it would be left with nothing."""
    if "also" not in rest and "sometimes" not in rest:
        return rest, []  # (most rests name nothing else: said cheaply)
    kept, aliases = [], []
    for para in rest.split("\n\n"):
        said = [] if _TOP_ITEM.match(para) or "\n" in para.strip() else [s.strip() for s in sentences(para.strip())]
        named = [s for s in said if _ALIAS.match(s) and _names_it(s, term)]
        aliases += named
        kept.append(" ".join(s for s in said if s not in named) if named else para)
    kept_text = "\n\n".join(part for part in kept if part.strip())
    return (kept_text, aliases) if aliases and kept_text else (rest, [])


def _names_it(sentence: str, term: str) -> bool:
    """Whether an alias sentence's subject is the term: a pronoun, or the term's own words."""
    subject = sentence.split(" ", 1)[0].casefold()
    return subject in ("it", "they", "this", "these") or bool(stems(sentence[:len(term) + 4]) & stems(term))


def _rest_card(path: str, term: str, sentence: str, rest: str) -> tuple[str, str]:
    """The rest's card: a list the sentence before it introduces ("Two variants are common:") under that sentence,
    as a section's lead-in is asked; else the rest under `_rest_front`."""
    intro, sep, listed = rest.partition("\n")
    if sep and intro.rstrip().endswith(":") and "\n\n" not in rest and _TOP_ITEM.match(listed) \
            and len(sentences(intro.strip())) == 1:
        return prefix_heading(path, intro.strip()), listed
    return _rest_front(path, term, sentence, rest), rest


def _first_sentence(text: str) -> tuple[str, str]:
    """The text's first sentence (ended also where a sentence in lower case follows: "… with. more informative
    …"), and the text after it."""
    found = sentences(text)
    first = found[0] if found else text
    if cut := _LOWER_NEXT.search(first):
        first = first[:cut.start() + 1]
    first = first.strip()
    return first, text[len(first):].strip() if text.startswith(first) else ""


def _defined(sentence: str, path: str, prose: bool = True) -> str | None:
    """The term the sentence defines, when it is the heading's own: "<Term> is a …", "<Term> refers to …"
    (`defining_sentence`), "**<Term>** — <what it is>" / "**<Term>**: …", or a verbless phrase right under the
    heading that says what it is (`elliptic_term`, of `prose` only, not a list's item); None for any other
    sentence."""
    if sentence.endswith(_ENDS_OPEN) or "$$" in sentence:
        return None
    if (defined := defining_sentence(sentence, path)) is not None:
        term = _ADVERB.sub("", clean_prose(defined[0]))
    elif (bold := _BOLD_TERM.match(sentence)) and not is_claim(bold["term"]) \
            and len(bold["what"].split()) >= MIN_WHAT_WORDS:
        term = clean_prose(bold["term"]).strip()
    elif not prose or (term := elliptic_term(sentence, path)) is None:  # ("Pooling" over "Downsampling layers
        # with …"; not a list's first item, "1. State the null hypothesis": a step, no phrase under the heading)
        return None
    if breaks_off(sentence) or _RATES.search(sentence):  # (searched through the whole sentence: asked only of one
        return None  # that defines, the rare one)
    if _CLAUSE & set(term.casefold().split()) or _INNER_ARTICLE.search(term) or _WAY.search(sentence):
        return None
    return term if _names_heading(term, path) else None


def _names_heading(term: str, path: str) -> bool:
    """Whether the term is the heading's own ("Monte Carlo simulation" under "Monte Carlo › Introduction"): it shares
    a word with the last heading, or with the one above when the last names no subject ("Introduction")."""
    headings = path.split(" › ")
    words = stems(clean_prose(term))
    if words & stems(headings[-1]):
        return True
    return len(headings) > 1 and headings[-1].casefold().strip(" :") in GENERIC_LABELS | {"one line summary",
                                                                                           "high level summary"} \
        and bool(words & stems(headings[-2]))


def _units(text: str) -> int:
    """How many sentences, top-level items and blocks the text holds (a code block or a formula counts once)."""
    count = 0
    for para in text.split("\n\n"):
        lines = [ln for ln in para.split("\n") if ln.strip()]
        if not lines:
            continue
        if lines[0].lstrip().startswith(("```", "$$", "|", "~~~")):
            count += 1
            continue
        items = sum(bool(_TOP_ITEM.match(ln)) for ln in lines)
        count += items if items else len(sentences(" ".join(lines)))
        count += bool(items and not _TOP_ITEM.match(lines[0]))  # (the sentence over the list)
    return count


def _verb(term: str, sentence: str) -> str:
    """"are" for a term the definition says is many ("Contrastive losses are …", "**Hard negatives** — …"), else
    "is"."""
    plural = re.search(r"[ \t]are[ \t]", sentence[:len(term) + 60]) and " is " not in sentence[:len(term) + 4] \
        or _PLURAL.search(term) and not _VERB_NEAR.search(sentence[:len(term) + 60])
    return "are" if plural else "is"


def _rest_front(path: str, term: str, sentence: str, rest: str) -> str:
    """The rest's front: "path › <its label>" when it opens on a bold label, else the heading's own `path` (the card
    it was, with its id, now without the definition: no made-up words, "… — beyond what X is", ask for the rest)."""
    label = _LABEL.match(_ITEM.sub("", rest, count=1))
    if label and not stems(label.group("label")) <= stems(path):
        return f"{path} › {clean_prose(label.group('label'))}"
    return path
