"""What a list item's blank shows of the item when no label, subject, sign, lead or name cues it (`list_clozes`):
an item that is a formula or a call in code gives its own cue, the part of it that names what the rest says.

    - $\\kappa_N = \\kappa_0 + N$                                  →  - $\\kappa_N$ = [...]
    - $L(\\theta) = p(D \\mid \\theta)$ viewed as a function of θ  →  - $L(\\theta)$ = [...]
    - `Adagrad(lr=0.01, lr_decay=0, eps=1e-10)`                  →  - `Adagrad(`[...]`)`
    - residuals $\\mathbf e = (\\mathbf I - \\mathbf H)\\mathbf y$          →  - residuals $\\mathbf e$ = [...]

A list of update equations, of a parameter's definitions or of an API's defaults is written so: each item opens on
the symbol or call it is about (after a few words naming it, "residuals", "by the chain rule,"), the others beside
it being more of the same, so "- [...]" among them says nothing of which one is asked, where the left side of the
equation (or the words before a formula that opens on its sign, "AIC $= D + 2(p+1)$") or the function's name does
and never the answer (its right side, the call's arguments). An equation that sets a value and goes on with what
follows from it ("Setting $\\gamma=0$ doesn't turn off pruning") is a case: the whole of it is the cue. A formula
that is nothing but a name and no relation, or a call with no arguments, has no such part: it gets no cue here.
Pure: text in, text out.
"""

from __future__ import annotations

import re

MIN_CASE_WORDS = 2  # said after an equation that sets a value: what follows from that case
_VALUE = re.compile(r"[-+]?(?:\d+(?:\.\d+)?|\\infty)")  # (a right side that only sets a value: "0", "0.9", "\\infty")
MAX_SIDE_CHARS = 40  # (a longer left side is an expression of its own, most of what the item says)
MAX_LEAD_WORDS = 8  # words before the formula: what it is ("residuals", "by the chain rule,"), not a sentence
# An item's first inline formula ("$…$", not a display "$$…$$"), after the words that lead to it if any
_FORMULA_FIRST = re.compile(r"(?P<lead>(?:[^$\n]*?[ \t])?)\$(?!\$)(?P<tex>[^$\n]+)\$(?P<rest>.*)", re.DOTALL)
_SENTENCE_END = re.compile(r"[.!?:;][ \t]")  # (the words before the formula end a sentence or a label of their own)
# A relation's sign in TeX at brace depth 0: '=', or a command for one ('\approx', '\propto', '\sim', …)
_RELATION = re.compile(r"(?<![<>!\\])=(?!=)|\\(?:approx|propto|sim|equiv|le|ge|leq|geq)(?![A-Za-z])")
# An item that is one call in code and nothing else ("`torch.optim.SGD(params, lr=0.1)`")
_CALL = re.compile(r"`(?P<name>[A-Za-z_][\w.]*)\((?P<args>[^`\n]*\S[^`\n]*)\)`[ \t.;]*")


def spare_shown(text: str, hidden: str) -> str:
    """What an item (its text after the marker) shows with its blank `hidden` when it opens on an equation (its
    left side and sign, the right side and the rest hidden) or is one call in code (its name, the arguments
    hidden); '' otherwise (see the module's doc)."""
    if call := _CALL.fullmatch(text.strip()):
        return f"`{call['name']}(`{hidden}`)`"
    found = _FORMULA_FIRST.match(text.strip())
    lead = found["lead"] if found else ""
    if not found or len(lead.split()) > MAX_LEAD_WORDS or _SENTENCE_END.search(lead) or "`" in lead:
        return ""
    side = _left_side(found["tex"], bool(lead.strip()))
    if not side:
        return ""
    left, sign, right = side
    if _VALUE.fullmatch(right) and len(found["rest"].split()) >= MIN_CASE_WORDS:
        return f"{lead}${found['tex']}$ {hidden}"  # ("Setting $\\gamma=0$ doesn't turn off pruning": a case, a
        # value set, is the cue whole; what follows from it is asked)
    if not left:
        return f"{lead}{sign if sign == '=' else f'${sign}$'} {hidden}"  # ("AIC = [...]": the words, its left side)
    return f"{lead}${left}$ = {hidden}" if sign == "=" else f"{lead}${left} {sign}$ {hidden}"


def _left_side(tex: str, led: bool = False) -> tuple[str, str, str] | None:
    """The left side of a TeX relation, its sign ('=' or the command) and its right side, when the first relation
    at brace depth 0 has a short left side and something on its right; None otherwise. The left side may be empty
    only when words lead to the formula (`led`): they are its left side."""
    depth = 0
    for k, char in enumerate(tex):
        if char in "{[(":
            depth += 1
        elif char in "}])":
            depth -= 1
        elif depth == 0 and (found := _RELATION.match(tex, k)):
            left, right = tex[:k].strip(), tex[found.end():].strip()
            if not (left or led) or not right or len(left) > MAX_SIDE_CHARS or left.endswith(("\\", "&")):
                return None
            return left, found.group(0), right
    return None
