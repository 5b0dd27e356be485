"""Heading-only fronts over a back that opens on a claim and its reason: the card asks "Why …?" of the claim.

    ## Ancestral sampling
    Because the joint is a product of CPDs, sampling is trivial.      →  "Why is sampling trivial?"
    ## Kernels
    The kernel must be PSD (Mercer) so that $K$ is a Gram matrix.      →  "Why must the kernel be PSD?"

The heading names the topic; the sentence says why something holds, which is what a learner recalls from it (read
as "What is …?" its words make no question: "What is because the joint?"). Asked only when the sentence is the
paragraph (one that goes on is split sentence by sentence), the claim short, its subject a name (`asked_names`) and
its verb a form of "be" or a modal, so the question is the sentence's own words turned round. Pure: text in, text out.
"""

from __future__ import annotations

import re

from mlwiki.extract.asked_names import names_a_thing
from mlwiki.extract.prose import clean_prose, sentences

MAX_CLAIM_WORDS = 12
_ASIDE = re.compile(r"\s*\([^()]*\)")
# "Because …, sampling is trivial": the reason first, then the claim (its subject, a "be" or a modal, the rest)
_BECAUSE = re.compile(r"(?:Because|Since)\s+[^,;:]{3,160}?,\s+(?P<subj>[^,;:]{2,50}?)\s+"
                      r"(?P<verb>is|are|can|must|should|cannot|can't)\s+(?P<rest>[^,;:]{2,100}?)\s*(?:[.;:]|$)")
# "The kernel must be PSD so that $K$ is …": the claim, then what it is for
_SO_THAT = re.compile(r"(?P<subj>[^,;:]{2,50}?)\s+(?P<verb>must|should)\s+(?P<rest>[^,;:]{2,100}?),?\s+"
                      r"(?:so that|in order to|so as to|because)\s")
_ARTICLE = re.compile(r"(?:The|A|An)\s")


def reason_question(path: str, back: str) -> str | None:
    """"Why …?" for a heading-only front (`path`) whose back's first sentence gives a claim and its reason ("Because
    …, X is Y", "X must be Y so that …"); None for any other back."""
    lead = back.lstrip()
    if not lead[:1].isalpha() or " › " not in path:
        return None
    said = sentences(clean_prose(lead.split("\n\n", 1)[0]))
    if len(said) != 1:
        return None  # (a paragraph that goes on to other facts: each sentence is a card of its own, `paragraph_clozes`)
    first = _ASIDE.sub("", " ".join(said[0].split()))
    found = _BECAUSE.match(first) or _SO_THAT.match(first)
    if not found:
        return None
    subject, rest = found["subj"].strip(), found["rest"].strip()
    if not names_a_thing(subject) or len(f"{subject} {rest}".split()) > MAX_CLAIM_WORDS or "$" in subject:
        return None
    word = subject.split()[0]
    if _ARTICLE.match(subject) or word[1:].islower() and re.search(rf"(?<![\w-]){word.lower()}(?![\w-])", back):
        subject = subject[0].lower() + subject[1:]  # (a sentence's capital: "The kernel" inside the question)
    verb = {"cannot": "can't"}.get(found["verb"], found["verb"])
    if verb == "can't":
        return f"Why can't {subject} {rest}?"
    return f"Why {verb} {subject} {rest}?"
