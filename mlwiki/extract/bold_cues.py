"""What a list item led by a term in bold shows of itself when its blank is asked (`list_clozes`): "- [...]" beside
the list's other items says nothing of which is asked, and the bold term alone would be most of the answer.

    - **forget gate** $f_t$: how much of the cell to keep        →  - **forget gate** $f_t$: [...]
    - **Running average of squared steps:** …                    →  - **Running average of squared steps:** [...]
    - **Complete** linkage is sensitive to outliers …           →  - **Complete** linkage is [...]
    - **PPL of a uniform model** = $|V|$                         →  - **PPL of a uniform model** = [...]
    - **entropy bonus** added to the objective to stop …        →  - [...] added to the objective to stop …

A term in bold that ends on a colon, or a term with a short name or formula after it and then a colon or a sign
(" = ", " → "), labels the item: what it is set against is asked. A term with a word or two and a verb after it is
the item's subject: what it says of it is asked. Any other bold-led item (a feature, a trick, a property in a list
of them) asks for its term: the rest of its first sentence, what the term does or is for, is its cue, as long as it
has words enough (`MIN_REST_WORDS`) and does not repeat the term's words. The back is the whole item either way.
Pure: text in, text out.
"""

from __future__ import annotations

import re

MIN_REST_WORDS = 4  # (a shorter rest, "- [...] at 0.5", says too little of the term hidden)
MAX_NAME_TOKENS = 3  # words or formulas between the term and its colon ("**decoder** $p(x|z)$: …")
# A term in bold after an optional sign ("− **catastrophic forgetting**: …", a list of pros and cons)
_BOLD = re.compile(r"(?:[+−–][ \t]+)?(?:\*\*[^*\n]{1,60}\*\*|__[^_\n]{1,60}__)")
_TOKEN = r"(?:\$[^$\n]{1,40}\$|[\w/'’-]+|\([^()\n]{1,30}\))"
# After the term: a short name or formula and a colon, or a sign setting it against what follows
_LABELLED = re.compile(r"(?:[ \t]+%s){0,%d}(?::|[ \t]+(?:=|≠|≈|→|->|⇒)[ \t])[ \t]*(?=\S)"
                       % (_TOKEN, MAX_NAME_TOKENS))
# After the term: a word or two and a verb, the term the item's subject
_VERB = re.compile(r"(?:[ \t]+[\w-]+){0,2}[ \t]+(?:is|are|has|have|uses|needs|gives|means|makes|can(?:not|'t)?|"
                   r"does(?:n't)?|must|will)[ \t]+(?=\S)")
_MATH = re.compile(r"\$[^$\n]*\$|`[^`\n]*`")
_END = re.compile(r"(?<=[.!?])[ \t]+(?=[A-Z])")  # (a sentence's end: "et al. 2017" goes on)
_WORDS = re.compile(r"[^\W\d_]{3,}")


def bold_shown(text: str, hidden: str) -> str:
    """What an item led by a bold term (its text after the marker) shows with its blank `hidden` (see the module's
    doc); '' when it opens otherwise or its rest is too short to cue its term."""
    term = _BOLD.match(text)
    if not term:
        return ""
    bold = term.group(0).rstrip("*_")
    if bold.endswith(":"):
        return text[:term.end()].rstrip() + " " + hidden  # ("**Squared-gradient average:** …": a label in bold)
    claim = bold.endswith((".", "!", "?"))  # (a sentence in bold: what follows is another)
    after = not claim and (_LABELLED.match(text, term.end()) or _VERB.match(text, term.end()))
    if after:
        return text[:after.end()] + hidden
    rest = _first_sentence(text[term.end():])
    if len(_MATH.sub("x", rest).split()) < MIN_REST_WORDS or _repeats(term.group(0), rest):
        return _claim_subject(term.group(0), hidden)
    return hidden + (rest if rest[:1].isspace() else " " + rest)


# A claim in bold with its subject and verb inside the bold ("**Cluster sizes mean nothing.**", "**Random noise can
# look clustered**"): the subject, up to five words, before a verb
_BOLD_CLAIM = re.compile(r"(?:[+−–][ \t]+)?(?:\*\*|__)(?P<subject>(?!(?:it|this|that|these|they|there|we|you)\b)"
                         r"[^\W\d_][^*_\n]{0,40}?)[ \t]+(?:is|are|was|were|can(?:not|'t)?|does(?:n't)?|do(?:n't)?|"
                         r"has|have|means?|matters?|looks?|gets?|needs?|works?|stays?|hurts?|helps?|breaks?|beats?|"
                         r"says?|tells?)[ \t]+[^*_\n]+(?:\*\*|__)", re.IGNORECASE)


def _claim_subject(term: str, hidden: str) -> str:
    """The cue of an item led by a claim in bold whose rest cannot cue it (it repeats the claim's words, or says
    too little): the claim's subject in bold, what it says of it hidden ("**Cluster sizes** [...]"); the claim shown
    whole would be the answer, and a bare blank beside the list's other claims says nothing of which is asked."""
    found = _BOLD_CLAIM.fullmatch(term)
    if not found or len(found["subject"].split()) > MAX_SUBJECT_WORDS:
        return ""
    return f"**{found['subject']}** {hidden}"


MAX_SUBJECT_WORDS = 5


def _first_sentence(text: str) -> str:
    """A text up to the end of its first sentence: the cue shows what the term is or does, not all said after."""
    found = _END.search(_MATH.sub(lambda m: "x" * len(m.group()), text))
    return text[:found.start()] if found else text


def _repeats(term: str, rest: str) -> bool:
    """Whether the rest of an item says one of its term's own words, which would give the term away."""
    said = {word.casefold() for word in _WORDS.findall(_MATH.sub("", rest))}
    return any(word.casefold() in said for word in _WORDS.findall(_MATH.sub("", term)))
