"""When a heading's paragraph is one answer, not sentences to ask apart. `sentence_clozes` makes a card per
sentence of a paragraph of claims under a bare heading; this says when the paragraph must stay the heading's one
card because its sentences do not stand apart, or because the heading already asks for the paragraph as a whole:

- the heading asks a question ("How big is it", "Why the scale matters", "Cosine or Euclidean"): the paragraph
  is its answer;
- the heading is the paragraph's own run-in label ("Effect: …") or names its first sentence (a heading of three
  words or more that the first sentence holds word for word): the heading asks that text, whole;
- the first sentence defines the heading's term ("A count vector is …", "… is a count vector"): it is the answer,
  the rest says more of it;
- the first sentence goes on from text before it ("It takes its name …", "This idea …", "Another approach …");
- a later sentence goes on from the one before ("So …", "Then …", "However, …", "This is done by …", "Finding a
  split then means …", "… and so on"): the sentences are one argument;
- the paragraph speaks to its reader ("our", "let's", "I", "we" or "you" in two sentences): tutorial prose,
  told whole;
- it points at a table, figure or code shown elsewhere ("the table gives …"), or its sentences are long (explaining
  prose: `LONG_SENTENCE` words on average), or two of them say the same.

Pure: text in, a yes or no out.
"""

from __future__ import annotations

import re

from mlwiki.extract.prose import clean_once

LONG_SENTENCE = 28  # words on average: an explanation's sentences, not a note's claims (those run ~10–25)
MIN_NAMING_WORDS = 3  # a heading this long that the first sentence holds was made of it ("the mean over users")

# A heading that asks: a question mark, an interrogative opening, or a choice "A or B" of a few words
_ASKS = re.compile(r"(?i)(?:.*\?\s*$|(?:how|why|what|when|which|where|who|whether|should|can|does|do|is|are)\b"
                   r"|[^\s]+(?:\s[^\s]+)?\sor\s[^\s]+(?:\s[^\s]+)?\s*$)")
# A first sentence leaning on text before it: a pronoun or "another" as its first word
_GOES_ON = re.compile(r"(?i)[\W_]*(?:it|its|this|that|these|those|they|their|such|both|another|here|"
                      r"(?:a|the) (?:second|third|fourth|last) )\b")
# A later sentence tied to the one before: a consequence, a contrast, a pointer back
_TIED = re.compile(r"(?i)[\W_]*(?:so|thus|hence|therefore|then|however|but|yet|still|and|instead|otherwise|"
                   r"conversely|they|their|"
                   r"this|that|these|those|such|"
                   r"on the contrary|in other words|as a result|that means|this means|that'?s why|this is why|"
                   r"which means|here|in (?:this|that|such a) \w+)\b")  # ("In this way, …")
_THEN = re.compile(r"(?i)^(?!(?:if|when|once|whenever)\b)(?:\S+\s+){1,4}(?:then|instead)\b")  # ("A split then …")
_SO_ON = re.compile(r"(?i)\band so (?:on|forth)\b|\betc\b")  # (a sequence built step by step)
# The reader spoken to: a tutorial's voice ("we" alone is a proof's voice: "we can rescale …")
_READER = re.compile(r"(?i:\b(?:let's|let us|our|ours|us)\b)|\bI\b(?!\.)")  # (not "i.e.")
_PERSON = re.compile(r"(?i)\b(?:we|you|your)\b")  # (once is a proof's or a rule's voice: "we can rescale", "you get")
_ELSEWHERE = re.compile(r"(?i)\b(?:the|this) (?:table|figure|plot|diagram|image|picture|code|cell|chart)\b"
                        r"|\b(?:below|above)(?=\s*[.,:;)]|\s*$)|\bthe following\b")  # (not "a tray below the loaf")
_DEFINES = re.compile(r"(?i)\b(?:is|are)\s+(?:a|an|the|one)\b|\b(?:refers? to|stands? for|is called|are called|"
                      r"is defined as|means)\b")
_MATH = re.compile(r"\$[^$]*\$")
_BRACKETED = re.compile(r"\([^()]*\)")  # (a heading's aside: "Adam (Adaptive Moment Estimation)")
_OPENS = re.compile(r"^(?:an?|the) ")  # (an article before the term)


def one_answer(heading: str, said: list[str]) -> bool:
    """Whether a paragraph's sentences `said`, under the heading `heading` (its last part), stay one card."""
    first, later = said[0], said[1:]
    words = [len(_MATH.sub("x", s).split()) for s in said]
    return (_ASKS.match(heading.strip()) is not None or _names_first(heading, first)
            or _defines(heading, first) or _GOES_ON.match(first) is not None
            or any(_TIED.match(s) or _THEN.match(s) for s in later) or any(_SO_ON.search(s) for s in said)
            or _told_to_reader(said) or any(_ELSEWHERE.search(s) for s in said)
            or sum(words) / len(words) > LONG_SENTENCE or len(set(said)) < len(said))


def _names_first(heading: str, first: str) -> bool:
    """Whether the heading is the first sentence's run-in label ("Effect: …") or was made of its words."""
    head, text = _plain(heading), _plain(first)
    if not head:
        return False
    if text.startswith(head) and text[len(head):len(head) + 1] in (":", "."):
        return True
    return len(head.split()) >= MIN_NAMING_WORDS and head in text


def _defines(heading: str, first: str) -> bool:
    """Whether the first sentence defines the heading's term: holds it (or its singular), or opens on the heading's
    first word ("Gradient descent is …" under "Gradient Descent Algorithm"), and says what it is."""
    head, text = _plain(_BRACKETED.sub("", heading)), _plain(first)
    term = head[:-1] if head.endswith("s") else head
    lead = head.split()[0] if head else ""
    named = bool(term) and term in text or len(lead) >= 4 and _OPENS.sub("", text).startswith(lead)
    return named and (_DEFINES.search(_MATH.sub("x", first)) is not None or f" is {term}" in text)


def _told_to_reader(said: list[str]) -> bool:
    """Whether the sentences speak to their reader: an "our", "let's", "I", or "we"/"you" in two of them."""
    plain = [_MATH.sub("x", s) for s in said]
    return any(_READER.search(s) for s in plain) or sum(1 for s in plain if _PERSON.search(s)) >= 2


def _plain(text: str) -> str:
    """Text in lower case without emphasis marks or spaces repeated, to compare a heading with a sentence."""
    return " ".join(clean_once(text).replace("*", "").replace("_", " ").lower().split())
