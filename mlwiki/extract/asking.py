"""Questions in a section's text, asked and answered in prose: a paragraph that only asks ("Why not save the entire
model?") and the paragraph after it that answers, or a paragraph that asks and answers at once. Pure: blocks in,
(front, back, line) out; `mlwiki.extract.lists` makes the cards."""

from __future__ import annotations

import re

from mlwiki.extract.blocks import Block, text_of
from mlwiki.extract.labels import ASKING, QUESTION_LINE, asks
from mlwiki.extract.lines import LIST_ITEM, TEXT, Line
from mlwiki.extract.openings import MIN_OPENING_WORDS
from mlwiki.extract.passages import passage
from mlwiki.extract.prose import clean_prose

FORM = "question-line"  # a paragraph that only asks, and the paragraph that answers, in such a section
MIN_INTRO_WORDS = 4
_EMPHASISED = re.compile(r"([*_]{1,2})([^*_\n]{3,150}\?)\1[ \t]+(?=\S)")  # (a question set in italics or bold)
_BROKEN_OFF = re.compile(r"[^\W\d_][ \t]*$")  # (an answer whose last sentence has no end: "… with probability")
# A paragraph that only asks: "Why not save the entire model?" ("How?" or "But what if …?" ask nothing to recall)
_DIALOGUE = re.compile(r"(?i)\b(?:we|you|our|us|i)\b")
# "What do these objects represent?" points back at what the card does not show ("Why does it work?" asks about
# the subject in the heading path)
# "How do you get both predictions from one network?": anyone's "you", as a textbook asks
_GENERIC_YOU = re.compile(r"(?i)^(?:how|why|when) (?:do|can|would|should|could) you\b")
_POINTS_BACK = re.compile(r"(?i)\b(?:these|those)\b")
_QUESTION_START = re.compile(ASKING, re.I)
# An answer's lead-in in the author's voice, before the answer itself ("Three reasons I've seen: it keeps …")
_VOICED_LEAD = re.compile(r"[^.:?!]{0,40}\b(?:I|I['’]ve|I['’]d|we|we['’]ve)\b[^.:?!]{0,30}:[ \t]+(?=\S)")
# Two words that ask for a reason or a way, which the heading path says of what ("Why discount?" under "Returns and
# discounting", "Why bother?" in a note on policy gradients); not "Why not?", "How so?"
_WHY = re.compile(r"(?i)(?:why|how) (?!(?:so|not|this|that|it|now)\?)[\w-]+\?")


def question_card(path: str, block: Block, answer: Block) -> tuple[str, str, int] | None:
    """A paragraph that only asks a question ("Why not save the entire model?") and the paragraph after it that
    answers: (front, back, line) of a card, as a bold question would be; None when they are not."""
    if not asks(block):
        return None
    question = clean_prose(block.lines[0].text)
    if _DIALOGUE.search(question):
        return None  # "How could we investigate this further?": a tutorial talking to its reader
    back = passage([answer])
    if back is not None and not back.rstrip().endswith("?") and len(question.split()) >= MIN_INTRO_WORDS \
            and len(back.split()) >= MIN_OPENING_WORDS:
        return f"{path}\n\n{question}", back, block.start
    return None


def asked_and_answered(path: str, block: Block, before_formula: bool = False) -> tuple[str, str, int] | None:
    """A paragraph that asks and then answers ("Why divide by $\\sqrt{d_k}$? For random unit vectors the dot product
    has variance $d_k$ …"): (front, back, line) of a card whose front is its question, whose back the sentences
    after it; None when it is not such a paragraph, or its answer breaks off into the formula after it
    (`before_formula`: "… is missed by all $N$ draws with probability" / "$$…$$", the formula card's to ask)."""
    first = block.lines[0]
    if first.kind != TEXT or "?" not in first.text or not _QUESTION_START.match(first.text.lstrip("*_")) \
            or any(ln.kind != TEXT or LIST_ITEM.match(ln.text) for ln in block.lines):
        return None  # (the common case, said cheaply: the paragraph does not open with a question)
    text = clean_prose(text_of(block))
    if emphasised := _EMPHASISED.match(text):  # ("*Why the feature sampling?* With plain bagging, …")
        question, answer = emphasised.group(2), text[emphasised.end():]
    else:
        question, _, answer = text.partition("? ")
        question += "?"
    if not answer or not QUESTION_LINE.fullmatch(question) or _DIALOGUE.search(_GENERIC_YOU.sub("", question)) \
            or _POINTS_BACK.search(question) or len(question.split()) < MIN_INTRO_WORDS - 1 and not _WHY.fullmatch(question) \
            or len(answer.split()) < MIN_OPENING_WORDS:
        return None
    if lead := _VOICED_LEAD.match(answer):  # ("Three reasons I've seen: it keeps …": the reasons, not who saw them)
        answer = answer[lead.end():][:1].upper() + answer[lead.end() + 1:]
    back = passage([Block(TEXT, [Line(block.start, answer, TEXT)])], declined=True)  # (its bold term starts no
    # line of the note: "… from one network? **Condition dropout**: during training, …" is the answer's)
    if back is not None and not back.rstrip().endswith("?") and not (before_formula and _BROKEN_OFF.search(back)):
        return f"{path}\n\n{question}", back, block.start
    return None
