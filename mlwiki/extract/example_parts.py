"""The parts of a worked example that state general results: a section under an example's heading that names a
topic of its own and works nothing out on numbers.

    ## Example 1                          ## Examples
    ### Step-by-Step Calculation         ### Support vector machines
    $x = 2$, $y = 5$ …      (no card)     Dual: $$\\max_\\alpha \\sum_i \\alpha_i - \\tfrac12 …$$
    ### Conclusion                        - the dual only touches the data through inner products → kernel trick
    The gradient of the loss tells us how to adjust the weights …   (cards, as any section's)

A worked example's own arithmetic is no card ("Example 1" over made-up inputs), but an example section often goes
on with subsections that say what the example shows ("Conclusion", "Iterative process") or applies the theory to a
named model in symbols ("Examples" over "### SVM": the dual, its support vectors): what a learner cards of the
chapter. Only a subsection of a heading that says "example" (not an exercise, a problem or its solution: the author
set those apart), titled with no number, whose text has no number but 0, 1 and 2 in prose or formulas. A
subsection titled as the lessons its writer draws ("Lessons (for the exam)", "Takeaways", "What I learned"), of an
example or an exercise alike, states them for any case: its cards are made, whatever numbers it cites as evidence.
Pure: the heading path and the section's lines in, a yes or no out.
"""

from __future__ import annotations

import re

from mlwiki.extract.examples import names_examples
from mlwiki.extract.lines import MATH, TEXT, Line
from mlwiki.extract.subject import is_example_title
from mlwiki.render.spans import math_spans

# A heading that opens an example, not an exercise, a problem, its solution or made-up numbers to drill on
_EXAMPLE_WORD = re.compile(r"(?i)\bexamples?\b")
_SET_APART = re.compile(r"(?i)exercis|excerc|solution|problem|homework|quiz|practice|made[- ]up|numbers|sanity")
_CALCULATION = re.compile(r"(?i)\bcalculat|\bstep[- ]by[- ]step\b|\bwalk-?through\b|\bnumeric|"
                          r"^\W*(?:step|part|stage|phase|round|iteration|case|setup|set-up|data)\b")  # ("Step one")
# A text that speaks of its example's own data ("the three ratings of the toy matrix")
_OWN_DATA = re.compile(r"(?i)\b(?:toy|tiny|made[- ]up|dummy|(?:this|the|our) example)\b")
_HALF = re.compile(r"\\[td]?frac\s*(?:12|\{1\}\s*\{2\})")  # (`\frac12`, `\tfrac{1}{2}`: ½, no number of the example)
_DIGIT = re.compile(r"\d")
_NAMED = re.compile(r"\b[A-Za-z][A-Za-z]*-?\d+[A-Za-z]*\b")  # (a name with a number in it: "L1", "GPT-4", "fp16")
_LESSONS = re.compile(r"(?i)\W*(?:(?:key|main|general|my)\s+)?(?:lessons?(?:\s+learn(?:ed|t))?|take-?aways?|"
                      r"what\s+(?:I|we)\s+learn(?:ed|t)|morals?)\b[^.!?\n]{0,30}")
_SCRIPT = re.compile(r"[_^](?:\{(?:[^{}]|\{[^{}]*\})*\}|\\[A-Za-z]+|.)")  # `_{i=1}`, `^{-1}`, `^2`: indices, powers
_NUMBER = re.compile(r"\d+(?:[.,]\d+)?")
_SMALL = frozenset(("0", "1", "2"))


def kept_in_example(headings: list[tuple[int, str]], lines: list[Line]) -> bool:
    """Whether a section inside a worked example still makes its cards: it lists kinds of things in general terms
    (`examples.names_examples`), or it states general results (`states_general`)."""
    return names_examples(headings, lines) or states_general(headings, lines)


def states_general(headings: list[tuple[int, str]], lines: list[Line]) -> bool:
    """Whether the section under the last of `headings` is a subsection of a worked example that states general
    results: see the module's docstring."""
    if len(headings) >= 2 and _LESSONS.fullmatch(headings[-1][1]) \
            and any(is_example_title(title) for _, title in headings[:-1]):
        return True  # ("## Lessons (for the exam)" of "# Exercise - …": what the exercise teaches, said generally)
    if len(headings) < 2 or any(level < 0 for level, _ in headings):
        return False  # (an exercise or solution the author marked as such)
    title = headings[-1][1]
    if is_example_title(title) or _DIGIT.search(title) or _CALCULATION.search(title):
        return False  # (the example itself, "Example 2", "Step-by-step calculation")
    above = [t for _, t in headings[:-1] if is_example_title(t)]
    if not above or not all(_EXAMPLE_WORD.search(t) and not _SET_APART.search(t) for t in above):
        return False
    said = False
    for line in lines:
        if line.kind == MATH:
            if not _in_symbols(line.text):
                return False
        elif line.kind == TEXT:
            if not _symbolic(line.text) or _OWN_DATA.search(line.text):
                return False
            said = said or bool(line.text.strip())
    return said


def _symbolic(text: str) -> bool:
    """Whether a line's prose has no digit and its inline formulas no number but small constants. A digit inside a
    name ("L1 loss", "F1", "fp16", "ResNet50", "GPT-4") is no number of an example's own."""
    if not _DIGIT.search(text):
        return True
    text = _NAMED.sub("", text)
    if not _DIGIT.search(text):
        return True
    spans = math_spans(text)
    prose = text
    for start, end in reversed(spans):
        if not _in_symbols(text[start:end]):
            return False
        prose = prose[:start] + " " + prose[end:]
    return not _DIGIT.search(prose)


def _in_symbols(formula: str) -> bool:
    """Whether a formula's numbers, outside its indices and powers, are only the small constants of general
    formulas (0, 1, 2, ½): `x^\\star = A^\\top(AA^\\top)^{-1}b`, not `1 + 0.1 \\cdot 12 = 2.2`."""
    bare = _SCRIPT.sub(" ", _SCRIPT.sub(" ", _HALF.sub(" ", formula)))  # (a script inside a script)
    return all(number in _SMALL for number in _NUMBER.findall(bare))
