"""A writer's note on how finished a page is, with what they mean to do about it: "half-written during week 9, finish
after the reading group", "**DRAFT** — lecture went fast, cleaning up later.", "Raw, not cleaned up.", "(rough, tidy
up once the lab is marked)". It opens on the page's state and says the cleaning is still to come: the notes talk of
themselves, no fact of the subject. A sentence that only opens on such a word ("Rough estimate: …", "Raw pixels are
…") says no plan, and stays. Rules on the form of a whole sentence, never on its subject. Pure: a string in, a bool out.
"""

from __future__ import annotations

import re

# The page's state, first in the sentence (a bracket, bold or "still" before it)
_STATE = re.compile(r"(?i)[ \t(*_>]*(?:still[ \t]+)?(?:half[- ]?(?:written|done|finished|baked)|unfinished|incomplete|"
                    r"raw|rough|messy|unpolished|unedited|draft|wip)\b[*_]*"
                    # (then a stop, or when it was written: not "Raw pixels are …")
                    r"[ \t]*(?:[,;:—–)(]|--|(?:during|since|from|in|for[ \t]+now)\b)")
# What the writer still means to do about it: "finish after …", "cleaning up later", "not cleaned up", "tidy up once …"
_PLAN = re.compile(r"(?i)\b(?:(?:finish|clean|tidy|polish|complete|expand|edit|fix)(?:ing|ed)?(?:[ \t]+(?:it|this|them))?"
                   r"(?:[ \t]+up)?[ \t]+(?:later|after|once|when|tomorrow|next|soon|at[ \t]+some[ \t]+point)\b|"
                   r"not[ \t]+(?:yet[ \t]+)?(?:cleaned|tidied|polished|edited|proofread|finished)\b|"
                   r"(?:to[ \t]+be|will[ \t]+be)[ \t]+(?:cleaned|tidied|polished|finished|expanded)\b)")
_MAX_WORDS = 20  # (a longer sentence says more than the page's state)


def is_status_note(sentence: str) -> bool:
    """Whether a sentence is the writer's note on the page's state and what is left to do (see the module's doc)."""
    text = sentence.strip()
    return ("$" not in text and len(text.split()) <= _MAX_WORDS and bool(_STATE.match(text))
            and bool(_PLAN.search(text)))
