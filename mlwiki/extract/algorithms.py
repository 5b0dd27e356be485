"""A titled algorithm box as a card of its steps: sphinx-proof's ```` ```{prf:algorithm} k-means ```` over a numbered
list is a procedure the author named, asked "… › k-means › steps" → the steps in order.

Read as its section's text, the box joined the prose around it on one card under the bare heading, or, too long for
that, made no card at all. Steps that each lead with their name in bold ("1. **Initialise**: …", "2. **Assign**: …")
are recalled by their names, each up to where its detail starts (a colon, a dash, an arrow, a semicolon), and each
detail is a card of its step ("… › k-means › Assign" → "attach every point to its nearest centroid"); other steps
are recalled whole, as a steps card of any section. Its `**Inputs**` / `**Output**` lines are the box's signature,
not a step. A list with sub-steps (a loop's body) stays as it was read: its formulas are cards of their own. Pure:
a div in, a card out.
"""

from __future__ import annotations

import re

from mlwiki.extract.closings import FORM as SECTION
from mlwiki.extract.lines import COMMENT, LIST_ITEM, TEXT, Line
from mlwiki.extract.prose import clean_prose
from mlwiki.extract.steps import FRONT as STEPS, MIN_STEPS, steps_back

FORM = "algorithm-steps"
MAX_NAMED_STEPS = 12  # (a pipeline of named stages is recalled by name, however many there are)
MAX_NAME_WORDS = 8
MIN_DETAIL_WORDS = 3  # (of a named step's detail: "attach every point to its nearest centroid", not "repeat")
_BOLD = re.compile(r"\*\*|__")
_STEP = re.compile(r"(\d+)[.)][ \t]+")
_NAMED = re.compile(r"(\d+)[.)][ \t]+(?:\([^()\n]{1,20}\)[ \t]+)?\*\*[^*\n]{2,50}\*\*")  # ("4. (optional) **Restart**")
_DETAIL = re.compile(r"\*\*[ \t]*:|[ \t]+[—–→][ \t]|;|:[ \t]")  # where a step's detail starts (a colon, a dash, an arrow)
_SIGNATURE = re.compile(r"(?i)[ \t]*\*\*(?:inputs?|outputs?|require|ensure|returns?|given)\b")


def algorithm_card(ex, div) -> bool:
    """The steps card of a titled `{prf:algorithm}` box of one flat numbered list; whether it made one (then the
    box is no part of its section's text)."""
    title = clean_prose(div.attrs.get("title") or "").strip()
    children = div.children or []
    if not title or not ex.ctx.sections or ex.in_example() or any(c.kind != TEXT for c in children):
        return False
    lines = [ln for c in children for ln in c.lines if ln.kind != COMMENT and ln.text.strip()]
    while lines and _SIGNATURE.match(lines[0].text) and not _STEP.match(lines[0].text):
        lines = lines[1:]  # ("**Inputs** points and k", "**Output** k centroids")
    named = _named_steps(lines)
    back = "\n".join(f"{k}. {name}" for k, (name, _, _) in enumerate(named, 1)) if named else steps_back(lines, set())
    if back is None:
        return False
    path = f"{ex.heading_path()} › {title}"
    if ex.add_card(FORM, f"{path} › {STEPS}", back, div.start):  # (the id of the card its section made of the box,
        ex.drafts[-1][0][0].id_front = f"{SECTION}: {path}"  # "… › Title" over its list: that card's history stays)
    if named:
        _add_details(ex, path, named)
    if ex.section is not None:  # (the box's text, read as its section's: on this card now)
        ex.section.body[:] = [b for b in ex.section.body if not (b.attrs and b.attrs.get("box") and b.start == div.start)]
    return True


def _named_steps(lines: list[Line]) -> list[tuple[str, str, int]] | None:
    """(name, detail, line) of each step, when each step of a flat list leads with its name in bold; else None."""
    steps: list[tuple[str, str, int]] = []
    for ln in lines:
        if ln.kind != TEXT:
            return None  # (a display formula among the steps: their text, not their names)
        if ln.text[:1].isspace():
            if LIST_ITEM.match(ln.text) or not steps:
                return None  # (sub-steps: a loop's body)
            name, detail, no = steps[-1]
            steps[-1] = (name, f"{detail} {ln.text.strip()}".strip(), no)  # (a step's continuation line: its detail)
            continue
        match = _NAMED.match(ln.text)
        if match is None or int(match.group(1)) != len(steps) + 1:
            return None
        rest = ln.text[_STEP.match(ln.text).end():]
        cut = _DETAIL.search(rest)
        end = cut.start() + (2 if cut and cut.group(0).startswith("**") else 0) if cut else len(rest)
        name = clean_prose(rest[:end]).strip().rstrip(".")
        if not name or len(name.split()) > MAX_NAME_WORDS:
            return None
        steps.append((name, rest[cut.end():].strip() if cut else "", ln.no))
    return steps if MIN_STEPS <= len(steps) <= MAX_NAMED_STEPS else None


def _add_details(ex, path: str, steps: list[tuple[str, str, int]]) -> None:
    """A card of each named step whose detail says something to recall ("**Assign**: attach every point to its nearest
    centroid"): front "… › k-means › Assign", back its detail."""
    for name, detail, line in steps:
        if len(clean_prose(detail).split()) >= MIN_DETAIL_WORDS:
            ex.add_card(FORM, f"{path} › {_BOLD.sub('', name)}", detail, line)
