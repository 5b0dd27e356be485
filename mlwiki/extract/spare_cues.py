"""What a list item's blank shows of the item when no label, subject, sign, lead or name cues it (`list_clozes`):
an item that is a formula or a call in code gives its own cue, the part of it that names what the rest says.

    - $\\kappa_N = \\kappa_0 + N$                                  →  - $\\kappa_N$ = [...]
    - $L(\\theta) = p(D \\mid \\theta)$ viewed as a function of θ  →  - $L(\\theta)$ = [...]
    - `Adagrad(lr=0.01, lr_decay=0, eps=1e-10)`                  →  - `Adagrad(`[...]`)`

A list of update equations, of a parameter's definitions or of an API's defaults is written so: each item opens on
the symbol or call it is about, the others beside it being more of the same, so "- [...]" among them says nothing of
which one is asked, where the left side of the equation or the function's name does and never the answer (its right
side, the call's arguments). A formula that is nothing but a name and no relation, or a call with no arguments, has
no such part: it gets no cue here. Pure: text in, text out.
"""

from __future__ import annotations

import re

MAX_SIDE_CHARS = 40  # (a longer left side is an expression of its own, most of what the item says)
# An item opening on one inline formula ("$…$", not a display "$$…$$"), then the rest of the item
_FORMULA_FIRST = re.compile(r"\$(?!\$)(?P<tex>[^$\n]+)\$(?P<rest>.*)", re.DOTALL)
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
    if not found:
        return ""
    side = _left_side(found["tex"])
    if not side:
        return ""
    left, sign = side
    return f"${left}$ = {hidden}" if sign == "=" else f"${left} {sign}$ {hidden}"


def _left_side(tex: str) -> tuple[str, str] | None:
    """The left side of a TeX relation and its sign ('=' or the command), when the first relation at brace depth
    0 has a short, non-empty left side and something on its right; None otherwise."""
    depth = 0
    for k, char in enumerate(tex):
        if char in "{[(":
            depth += 1
        elif char in "}])":
            depth -= 1
        elif depth == 0 and (found := _RELATION.match(tex, k)):
            left, right = tex[:k].strip(), tex[found.end():].strip()
            if not left or not right or len(left) > MAX_SIDE_CHARS or left.endswith(("\\", "&")):
                return None
            return left, found.group(0)
    return None
