"""What a worked example still teaches: the general formulas it states on its way.

A section titled "Example 1" or "Exercise: movie recommendations" works something out, and its arithmetic on made-up
numbers is no card. But such sections also state the rules they apply: the chain rule, the sigmoid's derivative,
the gradient-descent update, the Pearson correlation. Written in symbols, with no number of the example in them,
those are the formulas a learner cards. Exercises and solutions marked as such (MyST `{exercise}`/`{solution}`,
an exercise callout) stay out whole: the author set them apart.
"""

from __future__ import annotations

import re

from mlwiki.extract.draft import Draft

_FORMULA_FORMS = frozenset(("formula", "lone-formula"))
_SCRIPT = re.compile(r"[_^](?:\{(?:[^{}]|\{[^{}]*\})*\}|\\[A-Za-z]+|.)")  # `_{i=1}`, `^2`, `_\theta`
_COMMAND = re.compile(r"\\(?:begin|end|text|mathrm|operatorname|textrm|mathbf|mathit)\s*\{[^{}]*\}|\\[A-Za-z]+")
_NUMBER = re.compile(r"\d+(?:[.,]\d+)?")
_RELATIONS = re.compile(r"=|\\approx|\\leftarrow|\\gets|\\to(?![A-Za-z])|\\Rightarrow|\\implies|\\le(?:q)?\b|"
                        r"\\ge(?:q)?\b|<|>")
# An introduction that works on the example rather than states a rule ("Since $y = 1$ in this case, …", "From
# the equation for $z_a$, we have:", "Let $v = g(x)$. So, we can write:")
_WORKING = re.compile(r"(?i)^let\b|\b(?:in this case|in our case|substitut\w*|known values|plugging|from the "
                      r"(?:equation|earlier|above|simplified|previous)|we can write|rewrite|we get|we have|we've shown|"
                      r"simplif\w*|intermediate values|the given|you)\b")
# An introduction that announces the formula after it ("Sigmoid derivative:", "The update rule is"), not a line
# of the example that happens to stand before it
_STATES = re.compile(r"(?::|\b(?:is|are|as|by|be|formula|rule|defined))[ \t]*$", re.I)
_SMALL = frozenset(("0", "1", "2"))  # ½, squares, "1 -": constants of general formulas too


def general_in_example(headings: list[tuple[int, str]], draft: Draft) -> bool:
    """Whether a formula card in a worked example states a general formula: every side of it has symbols, and
    no number but 0, 1 and 2 outside sub- and superscripts (`\\sigma'(z) = \\sigma(z)(1 - \\sigma(z))`, not
    `W = \\frac{1}{2}` or `(5 - 2)^2 = 9`). Never inside an exercise or solution the author marked as such."""
    if draft.form not in _FORMULA_FORMS or not draft.formulas or any(level < 0 for level, _ in headings):
        return False
    intro = draft.front.rsplit("\n\n", 1)[-1] if "\n\n" in draft.front else ""
    if _WORKING.search(intro) or not _STATES.search(intro):
        return False
    return all(is_general(formula) for formula in draft.formulas)


def is_general(formula: str) -> bool:
    """A formula in symbols: each side between its relations has a letter, and its numbers are small constants."""
    bare = _SCRIPT.sub(" ", formula)
    for _ in range(2):  # (a script inside a script)
        bare = _SCRIPT.sub(" ", bare)
    if any(number not in _SMALL for number in _NUMBER.findall(bare)):
        return False
    sides = _RELATIONS.split(_COMMAND.sub(lambda m: " " if m.group(0).startswith("\\text") else m.group(0), bare))
    return all(re.search(r"(?<!\\)\b[A-Za-z]", _COMMAND.sub(" ", side)) or re.search(r"\\(?:alpha|beta|gamma|delta|"
               r"epsilon|eta|theta|lambda|mu|sigma|phi|psi|omega|pi|tau|rho|nabla|partial|hat|bar|tilde)\b", side)
               for side in sides if side.strip())
