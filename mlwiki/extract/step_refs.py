"""A card that asks about a numbered step of the list above it shows that step.

Notes give an algorithm as numbered steps, then explain some of them in paragraphs of their own:

    1. $L \\leftarrow \\operatorname{cholesky}(K)$
    2. $\\mathbf{v} \\leftarrow L \\backslash \\mathbf{k}$
    Why step 2 works: $\\mathbf{k}^\\top K^{-1} \\mathbf{k} = \\mathbf{v}^\\top \\mathbf{v}$.
      →  "… › Why step 2 works?" / "Step 2: $\\mathbf{v} \\leftarrow L \\backslash \\mathbf{k}$"

The paragraph's card asked "Why step 2 works?" of a learner who has no list before them. Its front now shows the
step, as the section wrote it; its id stays the one of the front it had. Pure: cards and the note's blocks in,
cards out.
"""

from __future__ import annotations

import re
from dataclasses import replace

from mlwiki.extract.blocks import Block, all_lines
from mlwiki.extract.draft import Draft
from mlwiki.extract.lines import HEADING, TEXT

# "Why step 5 works", "step 3 is the costly one": a step named by its number (one step only, not "steps 3–5"; not
# a line that is a step itself, "Step 1: Loss function definition …", nor a heading of the path that titles its
# section as a titled step, "… › Step 2: precision–recall curve": the section's own step, no item of a list above;
# a path's "… › Step 4" read off a paragraph's first words, "Step 4 is a natural-gradient step", is a reference)
_STEP_REF = re.compile(r"(?im)(?<!^)(?<!\n)(?!(?<=› )step[ \t]+\d{1,2}[ \t]*[:.)–—])"
                       r"\bstep[ \t]+(\d{1,2})\b(?![ \t]*(?:[–-]|to|and)[ \t]*\d)|"
                       r"^step[ \t]+(\d{1,2})\b(?![ \t]*[:.)]|[ \t]*(?:[–-]|to|and)[ \t]*\d)")
_NUMBERED = re.compile(r"[ \t]*(\d{1,2})[.)][ \t]+(\S.*)")


def with_steps_shown(drafts: list[tuple[list[Draft], str]], blocks: list[Block]) -> list[tuple[list[Draft], str]]:
    """The cards, each whose front names one numbered step of a list above it in its section (and shows no more
    of it) with that step under its front."""
    if not any("tep" in d.front and _STEP_REF.search(d.front) for ds, _ in drafts for d in ds):
        return drafts  # (the common case, said cheaply)
    lines = sorted(all_lines(blocks), key=lambda line: line.no)
    shown = []
    for ds, path in drafts:
        draft = ds[0]
        ref = _STEP_REF.search(draft.front) if len(ds) == 1 and "tep" in draft.front else None
        number = ref and (ref.group(1) or ref.group(2))
        step = _step(lines, draft.line, number) if number else None
        if step and step not in draft.front and step not in draft.back:
            front = f"{draft.front}\n\nStep {number}: {step}"
            ds = [replace(draft, front=front, id_front=draft.id_front or draft.front)]
        shown.append((ds, path))
    return shown


def _step(lines: list, before: int, number: str) -> str:
    """The text of the last step of that number in a numbered list above line `before`, after the last heading;
    '' when there is none."""
    found = ""
    for line in lines:
        if line.no >= before:
            break
        if line.kind == HEADING:
            found = ""
        elif line.kind == TEXT and (item := _NUMBERED.match(line.text)) and item.group(1) == number:
            found = item.group(2).strip()
    return found
