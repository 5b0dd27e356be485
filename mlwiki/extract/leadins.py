"""Facts in a formula's lead-in: the sentences of the paragraph before the one that introduces a formula.

    Define the **gain** $G = a - b$. Its expectation has a closed form:
    $$\\mathbb{E}[G] = …$$
      →  … / Define: gain   →   Define the gain $G = a - b$.
      →  … / Its expectation has a closed form:   →   the formula

A formula card's front shows the sentences before the introducing one (`formula_cards.introduction`), but a fact
on a front only is asked by no card. A sentence there that defines a bold term (`the **gain** $G$`, `This is called
**X**`, `**X** — …`) becomes a definition card, and one that opens by naming its subject ("AP is the mean of …") a
card asked by that subject; the formula's front then keeps the introducing sentence alone. Pure: the walk's
state and a formula's introduction in, cards out.
"""

from __future__ import annotations

import re

from mlwiki.extract.defining import GENERIC_LABELS, LEAD_IN, on_a_back, reads_as_clause
from mlwiki.extract.emphasised import BOLD_SPAN, STRESS_WORDS, asked_without
from mlwiki.extract.label_cuts import cut_in_span
from mlwiki.extract.paragraphs import in_path, lead_subject, vague_topic
from mlwiki.extract.prose import breaks_off, clean_prose, introduces, prefix_heading, sentences
from mlwiki.models import CardKind

FORM = LEAD_IN
_TERM_WORDS = 5
_FACT_WORDS = 6  # a sentence shorter than this ("So:") states nothing to ask
# A sentence that opens by pointing back ("This is …", "It …"): it needs the sentence before it
_POINTS_BACK = re.compile(r"(?i)(?:this|that|these|those|it|its|they|their|such|which|here)\b")
# A pronoun anywhere in the introducing sentence ("… fixes this:", "EI is its expectation"): it needs the sentences
# before it on the front
_REFERS_BACK = re.compile(r"(?i)\b(?:this|these|those|it|its|they|them|their|such)\b")
# An introduction that only sets up notation or a case ("With a mask $m$:", "Given …", "For …")
_SETS_UP = re.compile(r"(?i)(?:with|given|let|for|using|writing|where|denote|denoting|in terms of)\b")
# How a sentence defines a bold term, its place written as `{t}`: "define the T", "this is (called) T", "T $x$",
# "T — …", "T is …" (not "T: …", most often a label: "**Intuition**: …")
_DEFINES = (r"(?i)\b(?:define|defines|defining|call|called|calls|known as|termed|named)\s+(?:the\s+|an?\s+)?{t}(?!\w)",
            r"(?i)^(?:this|that|these|which|it)\s+(?:is|are)\s+(?:(?:called|known as)\s+)?(?:the\s+|an?\s+)?{t}(?!\w)",
            r"{t}\s*\$", r"^(?:the\s+|an?\s+)?{t}\s*(?:\([^()]*\)\s*)?(?:—|–|\bis\b|\bare\b|\bmeans\b|\brefers to\b)")

# A sentence that opens with a term and a dash or an equals sign, what follows it says of the term: "T — robust to
# imbalance:", "T = a cheap filter per channel followed by a mixing one:"
_OPENING = re.compile(r"(?:the\s+|an?\s+)?([^—–:=]{2,60}?)\s*(?:\([^()]*\)\s*)?(?:[—–]|=(?!=))\s*(\S.*)")

# "A function $s$ is said to be simple if …": the term it defines comes after the verb, not as its subject
_NAMES_AFTER = re.compile(r"(?i)\b(?:is|are)\s+(?:said\s+to\s+be|called|known\s+as|termed)\b")

# Words after a term's dash that end by setting up the formula's symbols ("**M-step** — weighted MLEs, with $N_k =
# \sum_n \gamma_{nk}$:"): they introduce the formula, whose card asks for the term with it
_SETS_SYMBOLS = re.compile(r"(?i)(?:,|\b(?:with|where|for|given))\s+[^.;$]*\$[^$]*=[^$]*\$[^$.;]*$")  # (a symbol
# set equal to something; "… with mean $\hat x_j$:" only names one, and the words are a definition still)
_LABEL = re.compile(r"([A-Z*_][^:.;!?]{2,80}?):\s+(\S.*)")
_LABEL_CHARS = 90
_LABEL_WORDS = 8
_INLINE_MATH = re.compile(r"\$[^$]*\$")


def lead_cards(ex, path: str, intro: str, line: int) -> str:
    """Cards of the facts in the sentences of `intro` (a formula's introduction, its bold terms still marked) before
    the one that introduces the formula, and of a bold term it defines; returns what the formula's front keeps."""
    if ex.in_example() or not ex.ctx.sections:
        return intro
    terms = _bold_terms(intro) if "**" in intro else []
    *lead, last = [s.strip() for s in sentences(intro)] if "." in intro else [intro]
    if terms:
        _last_term_card(ex, path, lead, last, terms, line)
        if not lead:
            _stated_card(ex, path, last, terms, line)
    carded, k = set(), 0
    while k < len(lead):
        if len(lead[k].split()) < _FACT_WORDS:
            k += 1
            continue
        start, end = k, k + 1
        term = _defined_term(lead[k], terms)
        if term and _POINTS_BACK.match(lead[k]) and k:
            start = k - 1  # ("… tie the two matrices. This is **weight tying**": the sentence before says what)
        while end < len(lead) and _elaborates(lead[end], terms):
            end += 1  # ("Pick **anchor points** $Z$. Every query goes through them.": one card)
        if _card(ex, path, term, " ".join(lead[start:end]), lead[k], line):
            carded.update(range(start, end))
            k = end
        else:
            k += 1
    if not carded or not _reads_alone(last):
        return intro

    return " ".join([s for j, s in enumerate(lead) if j not in carded] + [last])


def _reads_alone(last: str) -> bool:
    """Whether the sentence that introduces a formula says what it is without the sentences before it: it ends with a
    colon after words of its own (not "Start with $r_0 = 1$.", "With a mask $m$:"), and says no "this" or "its" of
    them."""
    return introduces(last.lstrip("*_")) and len(_INLINE_MATH.sub("", last).split()) >= _FACT_WORDS + 2 \
        and not _SETS_UP.match(last) and not _REFERS_BACK.search(last)


def _last_term_card(ex, path: str, lead: list[str], last: str, terms: list[str], line: int) -> None:
    """A definition card of a bold term the introducing sentence defines: "**T** — what it does:" (the words after
    the dash), or "… This is **T**." not ending with a colon (with the sentence before it, which "this" is). The
    formula's front keeps the sentence: it still says what the formula is."""
    if (opening := _OPENING.match(last.replace("**", ""))) and opening.group(1) in terms:
        rest = opening.group(2).rstrip(" :")  # ("**Huber loss** — less hurt by outliers:" over its formula)
        if len(rest.split()) >= _FACT_WORDS and not breaks_off(rest) and not _SETS_SYMBOLS.search(rest):  # ("—
            # just apply the operator:" says only what the formula does; "— check …, so:" and "— weighted MLEs,
            # with $N_k = …$:" go on in the formula, the answer: without it a fragment, the formula's card has both)
            _card(ex, path, opening.group(1), f"{rest[:1].upper()}{rest[1:]}.", last, line)
    elif lead and not last.endswith(":") and (term := _defined_term(last, terms)):
        _card(ex, path, term, f"{lead[-1]} {last}" if _POINTS_BACK.match(last) else last, last, line)


# What a sentence says its subject is, right before the bold answer: "… is really **T**", "… are **T**"
_IS_BEFORE = re.compile(r"(?i)\b(?:is|are|was|were|means)\b(?:\s+(?:really|actually|just|exactly|simply|in fact))?\s*$")


def _stated_card(ex, path: str, said: str, terms: list[str], line: int) -> None:
    """A card of a formula's lead-in that states a fact with its answer in bold and does not introduce the formula
    ("What X calls Y is really **Z**: …."): on the formula's front only, no card asked for it; asked with the bold
    left out."""
    if len(terms) != 1 or said.endswith(":") or not said.rstrip("*_)").endswith(".") or f"**{terms[0]}**" not in said \
            or not _IS_BEFORE.search(said.split(f"**{terms[0]}**", 1)[0]):
        return
    if (asked := asked_without(terms[0], said)) and not on_a_back(ex, said):
        ex.add_card(FORM, prefix_heading(path, asked), said, line)


def _bold_terms(text: str) -> list[str]:
    """The short bold terms of a text, as its cleaned prose shows them."""
    terms = []
    for term in BOLD_SPAN.findall(text):
        shown = clean_prose(term).strip()
        if 0 < len(shown.split()) <= _TERM_WORDS and not STRESS_WORDS.match(shown) and "$" not in shown \
                and any(ch.isalpha() for ch in shown):
            terms.append(shown)
    return terms


def _defined_term(sentence: str, terms: list[str]) -> str:
    """The bold term a sentence defines, or ''."""
    sentence = sentence.replace("**", "")
    for term in terms:
        if term in sentence:
            pattern = re.escape(term)
            if any(re.search(form.format(t=pattern), sentence) for form in _DEFINES):
                return term
    return ""


def _elaborates(sentence: str, terms: list[str]) -> bool:
    """Whether a sentence after a carded one goes on about it: it names no subject of its own nor defines a term."""
    return not _defined_term(sentence, terms) and lead_subject(sentence) is None


def _card(ex, path: str, term: str, back: str, sentence: str, line: int) -> bool:
    """A definition card of `term`, or a card asked by the subject `sentence` opens with; whether one was made."""
    if term:
        front = prefix_heading(path, f"Define: {term}")
        if ex.has_front(front) or on_a_back(ex, back):
            return False
        ex.add_pair(CardKind.DEFINITION, front, back, line, form=FORM, quiet=True, id_front=f"{FORM}: {front}")
        return True
    subject = None if _NAMES_AFTER.search(sentence) else lead_subject(sentence)
    if subject is not None and vague_topic(subject):
        return False
    if subject is None and back == sentence and (labelled := _labelled(sentence)):
        subject, back = labelled  # ("Problem with a plain loss: it has no gradient when …": asked by its label)
    if not subject or in_path(subject, path) or on_a_back(ex, back):
        return False
    return ex.add_card(FORM, f"{path} › {subject}" if path else subject, back, line)


def _labelled(sentence: str) -> tuple[str, str] | None:
    """(label, what it says) of a sentence that opens with a label of a few words and a colon ("Problem with a
    plain loss: it has no gradient when …", "Move the norm before each layer: norm → conv …"); None for a label that
    names nothing alone ("Note:", "Fix:", a symbol) or says too little after it."""
    if ":" not in sentence[:_LABEL_CHARS] or not (match := _LABEL.match(sentence)):
        return None
    label, rest = match.group(1).strip(), match.group(2).strip()
    words = _INLINE_MATH.sub("", label).split()
    if not 2 <= len(words) <= _LABEL_WORDS or label.casefold().rstrip("s") in GENERIC_LABELS \
            or len(rest.split()) < _FACT_WORDS or rest.endswith(":") or "," in label or reads_as_clause(words) \
            or cut_in_span(label):
        return None  # ("Every framework implements X: …", "Without Y, Z is W: …": a clause before a colon; "Let
        # $\Omega : …$": the formula's colon)
    return clean_prose(label.replace("**", "")), rest
