"""Where a line may be cut into a label and what it says, and what a label cut so may ask.

    - train: batch stats. eval: running averages …   →   … › train vs eval   (two labels weighed in one item)
    - ELMo = biLSTM LM …; BERT = transformer …        →   … › ELMo vs BERT
    - learnable: $\\gamma, \\beta$ → 2C params         →   … › What is learnable?   (a lone adjective, no name)
    - skip-gram but word = bag of char n-grams        →   fastText / skip-gram but word = …   (a clause's part)
    Let $\\Omega : [0,\\infty) \\to \\mathbb R$ be …     →   no label: the colon is the formula's
    BN is done **per channel**: statistics over …     →   BN is done …: statistics over …   (the answer, no name)
    Multi-step strategies: **recursive** (…) vs **direct** (…)   →   Define: direct (multi-step strategy)

Notes write "label: text" and "label = text" for a fact and its name, but a colon or an equals sign also stands
inside a formula or code, and the words before one are not always a name: an adjective the text goes on from
("learnable: γ, β") asks what has that quality; an item that weighs two labels against each other ("train: … eval:
…") asks for both at once; words joined by "but" are a clause said of the list's subject, asked with their left
side; a bold phrase of how ("**per channel**:") is what its sentence says; a term in a list led in by what its
members are ("Strategies: **a** (…) vs **b** (…)") is only a term with that lead-in. A reworded front keeps the
id of the label it had (`former_label`, or the label the caller passes as `id_front`). Pure: strings in, strings
out.
"""

from __future__ import annotations

import re

from mlwiki.extract.labels import reads_as_clause
from mlwiki.extract.quote_cuts import opens_quote

# The next label in an item that weighs two ("train: batch stats. eval: running averages"): after a sentence's end
# or a semicolon, a short lower-case label of its own and a colon
_SECOND_LABEL = re.compile(r"(?:[.;])[ \t]+(?P<label>[a-z][\w-]*(?: [\w-]+){0,2}):[ \t]+\S")
# … or the next name an equals item says what it is ("ELMo = biLSTM LM …; BERT = transformer, masked LM")
_SECOND_EQUALS = re.compile(r";[ \t]+(?P<label>[^\W_][\w-]*(?: [\w-]+){0,2})[ \t]+=[ \t]+\S")
# A lone adjective of what may be done to a thing ("learnable", "differentiable", "invertible"): no name
_ASKED_ABLE = re.compile(r"What is [a-z][a-z-]{3,}(?:able|ible)\?")
_ABLE = re.compile(r"[a-z][a-z-]{3,}(?:able|ible)")
# The label a sentence opens with, before a colon, that leads in a list of terms ("Multi-step strategies: …")
_LEAD_IN = re.compile(r"(?P<lead>[A-Z][\w-]*(?: [\w-]+){0,3}):[ \t]+")
_LEAD_WORDS = 4
_HOW_LED = re.compile(r"\*\*([^*\n]{2,60}?)\*\*:")
_HOW = re.compile(r"(?:per|over|across|along|within|via|through)[ \t]+\S")


_LABEL_DASHES = (" -", "\t-", " –", "\t–", " —", "\t—")


def may_be_labelled(text: str) -> bool:
    """Whether `defining._LABELLED` can match the text: its label of at most 50 characters (and an aside) is followed
    by a colon, or by spaces and a dash (most paragraphs have neither: said without the pattern's tries of every
    label length)."""
    return ":" in text[:103] or any(map(text.__contains__, _LABEL_DASHES))  # (a label and an aside after it)


def cut_in_span(label: str) -> bool:
    """Whether the words before a separator end inside a formula or code ("Let $\\Omega" of "Let $\\Omega : …$"):
    an odd number of `$`, `$$` or backticks in them; the separator is the formula's, not a label's. So for words
    that leave a bracket or a quotation open ('Q answers "how good: …', "Loss (see the proof: …"): the separator is theirs."""
    return label.count("$") % 2 == 1 or label.count("$$") % 2 == 1 or label.count("`") % 2 == 1 \
        or opens_quote(label) \
        or label.count("(") > label.count(")") or label.count("[") > label.count("]")


def contrasted(label: str, rest: str) -> str:
    """"A vs B" for an item whose text after its label goes on to a second label of its own ("train: batch stats.
    eval: running averages …"): the item weighs the two, and its first label alone asks for half of it; '' else."""
    if rest.startswith(f"{label} = "):  # (an equals item's back says its label: "ELMo = …; BERT = …")
        other = _SECOND_EQUALS.search(rest)
    elif ":" in rest:
        other = _SECOND_LABEL.search(rest)
    else:
        return ""
    if other is None or reads_as_clause(other.group("label").split()) or other.group("label") == label:
        return ""
    return f"{label} vs {other.group('label')}"


def weighed(path: str, label: str, back: str) -> tuple[str, str] | None:
    """(front, back) of a labelled item whose label is no name of its own: one that weighs two labels ("… › train vs
    eval", its back said with the first label), or a lone adjective ("… › What is learnable?"); None else."""
    if fragment(label) and back.startswith(f"{label} "):  # ("skip-gram but word = …" under "fastText": asked
        sign, _, answer = back[len(label):].strip().partition(" ")  # with its left side, "skip-gram but word = …")
        return f"{path}\n\n{label} {sign} …" if path else f"{label} {sign} …", answer.strip()
    if pair := contrasted(label, back):
        return f"{path} › {pair}" if path else pair, back if back.startswith(f"{label} = ") else f"{label}: {back}"
    if asked := asked_label(label):
        return f"{path} › {asked}" if path else asked, back
    return None


def reworded_label(label: str, rest: str) -> str:
    """A list item's label as a front asks it (see `weighed`): "train vs eval", "What is learnable?", or the label."""
    return contrasted(label, rest) or asked_label(label) or label


def former_label(front: str, back: str) -> str:
    """The front a card of a labelled item had before its label was reworded (`reworded_label`), which its id keeps:
    "… › train" for "… › train vs eval" over "train: …", "… › learnable" for "… › What is learnable?" over
    "learnable: …"; '' for any other front."""
    path, _, last = front.rpartition(" › ")
    plain = back.lstrip("-*+ ").replace("**", "")
    was = last.split(" vs ", 1)[0] if " vs " in last else last[8:-1] if _ASKED_ABLE.fullmatch(last) else ""
    if not was or not path or not plain.startswith(f"{was}:") \
            or reworded_label(was, plain[len(was) + 1:].strip()) != last:
        return ""  # (a heading's "Supervised vs Unsupervised" over "- Supervised: …" was never reworded)
    return f"{path} › {was}"


def fragment(label: str) -> bool:
    """Whether the words before a separator are a clause's part joined on by "but" ("skip-gram but word = bag of
    char n-grams", said of the heading's subject): no name, the item says what its list's subject is."""
    return " but " in label


def how_done(phrase: str) -> bool:
    """Whether a phrase set in bold opens on a preposition of how or where a thing is done ("per channel", "over the
    batch", "across devices"): it is what its sentence says, no name a front may show."""
    return _HOW.match(phrase) is not None


def how_led(text: str) -> str:
    """The phrase of how a thing is done that a text sets in bold before a colon ("BN is done **per channel**: …"),
    '' when it sets none."""
    found = _HOW_LED.search(text)
    return found.group(1) if found and how_done(found.group(1)) else ""


def asked_label(label: str) -> str:
    """The question a label that names nothing asks: a lone adjective ("learnable") asks what has that quality
    ("What is learnable?"); '' for a label that is a name."""
    return f"What is {label}?" if _ABLE.fullmatch(label) else ""


def lead_in(text: str, start: int) -> str:
    """What the sentence a term stands in (at `start`) says its terms are, in the singular ("Multi-step strategies:
    **recursive** (…) vs **direct** (…)" → "multi-step strategy"): the short label before a colon that opens the
    sentence, when the term comes after it; '' else."""
    opening = max(text.rfind(". ", 0, start), text.rfind("? ", 0, start), text.rfind("! ", 0, start))
    opening = 0 if opening < 0 else opening + 2
    match = _LEAD_IN.match(text, opening)
    if match is None or match.end() > start or reads_as_clause(words := match.group("lead").split()) \
            or len(words) > _LEAD_WORDS or not words[-1].endswith("s") or words[-1].endswith("ss"):
        return ""  # (a list's lead-in names its members' kind in the plural: "Related: **TMLE** (…)" names none)
    last = words[-1]
    last = last[:-3] + "y" if last.endswith("ies") else last[:-1] if last.endswith("s") and not last.endswith("ss") \
        else last
    lead = " ".join(words[:-1] + [last])
    return lead if lead[1:2].isupper() else lead[:1].lower() + lead[1:]


# A sentence that opens on the name of what it equates ("Sum of the factors $= …$", "Posterior mean = …"): a few
# words, not a judgement of the value ("Lower = better")
_NAMES_VALUE = re.compile(r"(?P<name>(?!(?:Lower|Higher|Smaller|Larger|Bigger|Greater|More|Less)\b)[A-Z][a-z'-]*"
                          r"(?: [a-z][\w'-]*){1,3})[ \t]*(?:\$[ \t]*=|=|\\approx)")


def value_name(sentence: str) -> str:
    """The name a sentence opens on and equates with a value ("Sum of the factors $= …$ = effective degrees of
    freedom" → "Sum of the factors"); '' when it opens otherwise, or on a clause's start."""
    found = _NAMES_VALUE.match(sentence)
    return found["name"] if found and not reads_as_clause(found["name"].split()) else ""
