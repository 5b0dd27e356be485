"""Steps cards: a numbered list that a section sets down on its own, with no sentence introducing it, is a recipe or a
procedure ("## The recipe" over "1. Take a pretrained Inception network …", "2. Embed a set of real images …", …):
one card asks for its steps in order, front "… › The recipe › steps", back the numbered items.

A learner cards a procedure as a whole: each step alone ("Embed a set of real images") answers nothing, and the
order is part of what is learnt. A step that introduces a formula keeps its words ("Compute the Fréchet distance
between the two Gaussians", or "Gradient estimate" over the formula indented under it); the formula is a card of its
own. A loop's step that is only its update ("4. $\\theta \\leftarrow \\theta + \\alpha \\hat g$.") is a step in its order. A
paragraph on one step ("Step 3 is the point: …") shows that step on its front (`step_shown`). Pure: a paragraph's
lines in, the back out.
"""

from __future__ import annotations

import re

from mlwiki.extract.lines import LIST_ITEM, TEXT, Line
from mlwiki.extract.passages import LOWER_WORD
from mlwiki.extract.prose import clean_prose

FRONT = "steps"
MIN_STEPS, MAX_STEPS = 3, 9
MAX_WORDS = 160
MIN_STEP_WORDS = 3
_STEP = re.compile(r"(\d+)[.)][ \t]+")  # "1. Take …" at the left margin
# "1. **Define the problem**: …", "2. **Model the system.** …": a step led by its name in bold
_NAMED_STEP = re.compile(r"(\d+)[.)][ \t]+\*\*([^*\n]{2,50}?)[:.]?\*\*[ \t]*[:.—–-]?[ \t]*\S")
MAX_NAME_WORDS = 6
_FIRST_PERSON = re.compile(r"(?i)\b(?:i|i'm|i've|my|me)\b")  # (what the author did that day is no procedure)
_MATH = re.compile(r"\$[^$\n]*\$")  # ("item $i$" is no author)
# An acronym a step names ("Compute the ELBO.", "Run SGD"): a word of its prose as much as a lower-case one
_ACRONYM = re.compile(r"\b[A-Z][A-Z0-9]+s?\b")
# A step that is only its update ("4. $\theta \leftarrow \theta + \alpha \hat g$."): the loop's last move, in its order
_UPDATE = re.compile(r"\$[^$\n]*(?:\\leftarrow|\\gets|:=|←)[^$\n]*\$[ \t]*[.;]?")


# A heading that asks for reasons or sides, not a procedure: its numbered list is a list of them, in no order to learn
_NOT_STEPS = re.compile(r"(?i)[ \t]*(?:why|reasons?|advantages?|benefits?|pros|cons|drawbacks?|limitations?|"
                        r"disadvantages?|problems?|pitfalls?|properties|intuitions?)\b")


def steps_front(path: str) -> str:
    """The front of a steps card under `path`: "… › steps", but the heading itself when it asks for reasons or
    sides ("Why it regularises", "Drawbacks"), whose numbered list is those reasons, not steps in an order."""
    return path if _NOT_STEPS.match(path.rsplit(" › ", 1)[-1]) else f"{path} › {FRONT}"


def steps_back(lines: list[Line], taken: set[int]) -> str | None:
    """The back of a steps card for a paragraph that is a numbered list of `MIN_STEPS` to `MAX_STEPS` items,
    numbered from 1 in order, each a few words of prose; its display formulas and code left out. None for any other
    paragraph, or when another card was made from one of its items' lines (`taken`: an inline formula, a term). (A list a sentence
    introduces, "… in three steps:", is that sentence's card: the caller leaves it out.)"""
    steps: list[list[str]] = []
    after_math, led = False, set()  # (led: the steps a formula is indented under, "3. Gradient estimate" over it)
    for ln in lines:
        if ln.kind != TEXT:  # (a formula after the last step is that step's; between steps, a worked algorithm's;
            after_math = after_math or not (steps and ln.text[:1].isspace())  # indented under a step, that step's)
            led |= {len(steps) - 1} if steps else set()
            continue
        if after_math or ln.no in taken and not _leads_formula(lines, ln) and not _UPDATE.fullmatch(_STEP.sub("", ln.text, 1)) \
                or LIST_ITEM.match(ln.text) and ln.text[:1].isspace():
            return None  # (sub-steps nested under a step: an outline's branches, cards of their own)
        if (match := _STEP.match(ln.text)) is not None:
            if int(match.group(1)) != len(steps) + 1:
                return None
            steps.append([ln.text.strip()])
        elif not steps or not ln.text[:1].isspace() and ln.text.strip():
            return None  # (a paragraph before or after the list: a passage, not a list of steps)
        elif ln.text.strip():
            steps[-1].append(ln.text.strip())
    if not MIN_STEPS <= len(steps) <= MAX_STEPS:
        return None
    items = [" ".join(step).rstrip(":").rstrip() for step in steps]
    words = [clean_prose(_STEP.sub("", item, count=1)) for item in items]
    updates = [k for k, text in enumerate(words) if k and _UPDATE.fullmatch(text)]  # ("4. $\theta \leftarrow …$.")
    short = set(updates) | {k for k in led if words[k].strip()}  # (a step's words over its formula: "Gradient
    # estimate", and a lone update, need not say more)
    if len(updates) > 1 or any(_FIRST_PERSON.search(_MATH.sub("", text)) or k not in short and (
            _prose_words(text) < MIN_STEP_WORDS - 1 or len(text.split()) < MIN_STEP_WORDS)
                               for k, text in enumerate(words)) \
            or sum(len(text.split()) for text in words) > MAX_WORDS:
        return None
    return "\n".join(items)


def _prose_words(text: str) -> int:
    """How many words of prose a step's text holds: lower-case words and acronyms, not math."""
    return len(LOWER_WORD.findall(text)) + len(_ACRONYM.findall(_MATH.sub("", text)))


def _leads_formula(lines: list[Line], line: Line) -> bool:
    """Whether a step's line (a formula card's introduction) has a display formula indented under it: the step's
    words are the steps card's too ("3. Gradient estimate" over its `$$…$$`)."""
    after = next((ln for ln in lines if ln.no > line.no), None)
    return after is not None and after.kind != TEXT and after.text[:1].isspace()


def goes_on_later(back: str, later: list[list[Line]]) -> bool:
    """Whether a later paragraph of the section goes on with the steps ("4. Check residuals" after a formula that
    broke the list): the card would hold only the first ones."""
    after = f"{back.count(chr(10)) + 2}"
    return any(ln.kind == TEXT and (match := _STEP.match(ln.text)) is not None and match.group(1) == after
               for lines in later for ln in lines[:1])


def step_names(lines: list[Line]) -> str | None:
    """The back of a steps card for a numbered list each of whose steps is led by its name in bold ("1. **Define
    the problem**: begin by …", "2. **Model the system**: …"): the names in order ("1. Define the problem" / "2.
    Model the system"), when the steps say too much to recall whole. None for any other list."""
    names: list[str] = []
    for ln in lines:
        if ln.kind != TEXT or not ln.text.strip() or ln.text[:1].isspace():
            continue  # (a step's continuation lines and nested items: its explanation)
        match = _NAMED_STEP.match(ln.text)
        if match is None or int(match.group(1)) != len(names) + 1:
            return None
        name = clean_prose(match.group(2)).strip()
        if not name or len(name.split()) > MAX_NAME_WORDS or _FIRST_PERSON.search(_MATH.sub("", name)):
            return None
        names.append(f"{len(names) + 1}. {name}")
    return "\n".join(names) if MIN_STEPS <= len(names) <= MAX_STEPS else None


_STEP_TOPIC = re.compile(r"(?i)step[ \t]+(\d+)")


def step_shown(front: str, blocks: list) -> str:
    """A front that asks about a step by its number ("… › The loop › Step 3" over "Step 3 is the point: …") with
    the step shown, from the section's numbered list (`blocks`): "… › Step 3" over "Step 3: For $K$ epochs …"; the
    front as it is when the section numbers no such step."""
    path, _, topic = front.rpartition(" › ")
    number = _STEP_TOPIC.fullmatch(topic) if path and "\n" not in front else None
    if number is None:
        return front
    for block in blocks:
        for ln in block.lines:
            if ln.kind == TEXT and (match := _STEP.match(ln.text)) is not None and match.group(1) == number.group(1):
                return f"{front}\n\n{topic}: {ln.text[match.end():].strip()}"
    return front
