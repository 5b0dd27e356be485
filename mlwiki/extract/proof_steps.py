"""A formula a proof's one line introduces by its tools only, right after the statement it proves:

    $$ \\mathrm{Var}(\\bar X) \\le \\frac{\\sigma^2}{n}. $$
    Proof: independence + linearity:
    $\\mathrm{Var}(\\sum_i X_i) = \\sum_i \\mathrm{Var}(X_i)$.

Its card asked "Proof: independence + linearity:" → the step: the front names the tools but not what they prove,
so the learner cannot tell which result the step belongs to. The front names the statement proved (the formula
card before it, under the same heading): "Proof of $\\mathrm{Var}(\\bar X) \\le \\frac{\\sigma^2}{n}$ (independence +
linearity):". The card keeps its id. Pure: drafts in, drafts out.
"""

from __future__ import annotations

import re
from dataclasses import replace

from mlwiki.models import CardKind

# "Proof: Cauchy–Schwarz + Jensen:", "Proof sketch: a union bound:": the tools, a few words, no math, nothing proved
_TOOLS_ONLY = re.compile(r"(?i)\**proof(?: sketch| idea)?\**[ \t]*[:.][ \t]*\**(?P<tools>[^$\n:.]{2,60}?)\**[ \t]*:")
_DISPLAY = re.compile(r"\$\$(?P<tex>[^$\n]{1,100}?)[ \t]*[.,;]?[ \t]*\$\$")  # (a short one-line statement)


def proof_steps_named(drafts: list) -> list:
    """The drafts (`(siblings, heading path)` pairs), each formula card whose introduction is only "Proof: <tools>:"
    asked as the proof of the formula card just before it under the same heading (see the module's doc)."""
    last: tuple[object, str] | None = None  # (the heading and the statement of the formula card before)
    for siblings, heading in drafts:
        for k, draft in enumerate(siblings):
            if draft.kind != CardKind.FORMULA:
                continue
            path, _, intro = draft.front.rpartition("\n\n")
            if last is not None and last[0] == heading and (tools := _TOOLS_ONLY.fullmatch(intro.strip())):
                front = f"{path}\n\nProof of ${last[1]}$ ({tools['tools'].strip()}):"
                siblings[k] = replace(draft, front=front, id_front=draft.id_front or draft.front)
            shown = _DISPLAY.fullmatch(draft.back.strip())
            last = (heading, shown["tex"].strip()) if shown else None
    return drafts
