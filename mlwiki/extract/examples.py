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
from mlwiki.extract.firstwords import as_written
from mlwiki.extract.formula_cards import FALLBACK
from mlwiki.extract.lines import LIST_ITEM, MATH, TEXT, Line
from mlwiki.extract.blocks import text_of
from mlwiki.extract.tables import may_hold_table
from mlwiki.extract.subject import WORKING as _WORKING, is_example_title

_FORMULA_FORMS = frozenset(("formula", "lone-formula"))
_SCRIPT = re.compile(r"[_^](?:\{(?:[^{}]|\{[^{}]*\})*\}|\\[A-Za-z]+|.)")  # `_{i=1}`, `^2`, `_\theta`
_COMMAND = re.compile(r"\\(?:begin|end|text|mathrm|operatorname|textrm|mathbf|mathit)\s*\{[^{}]*\}|\\[A-Za-z]+")
_NUMBER = re.compile(r"\d+(?:[.,]\d+)?")
_RELATIONS = re.compile(r"=|\\approx|\\leftarrow|\\gets|\\to(?![A-Za-z])|\\Rightarrow|\\implies|\\le(?:q)?\b|"
                        r"\\ge(?:q)?\b|<|>")
# An introduction that works on the example rather than states a rule ("Since $y = 1$ in this case, …", "From
# the equation for $z_a$, we have:", "Let $v = g(x)$. So, we can write:", "Compute $dL/dy$:", a step it takes)
# An introduction that announces the formula after it ("Sigmoid derivative:", "The update rule is"), not a line
# of the example that happens to stand before it
_STATES = re.compile(r"(?::|\b(?:is|are|as|by|be|formula|rule|defined))[ \t]*$", re.I)
_NUMBERED = re.compile(r"_\{?\d")  # a symbol numbered for one example's units: "$W_{11}$", "$x_1$"
_CALCULATION = re.compile(r"(?i)\bcalculat|\bstep[- ]by[- ]step\b|\bwalk-?through\b")
_SMALL = frozenset(("0", "1", "2"))  # ½, squares, "1 -": constants of general formulas too
# A heading that names the kind of thing its section gives examples of ("Bandit Algorithms Example", "Examples of
# activation functions"), where "Example 2", "Example: movie ratings" or "Exercises" open a worked one
_KINDS_OF = re.compile(r"(?i)examples?[ \t]+of\b.*|(?!(?:worked[ \t]+)?(?:examples?|exercises?|solutions?|problems?|"
                       r"practice|homework|quiz)\b)[^\W\d_].*\bexamples?[\s:.]*")
# Words that say which example, not of what ("One Example", "A simple example", "Worked example 2")
_WHICH = frozenset("""a an one another the this our my first second third final last simple toy concrete numerical
quick small short real real-world full complete worked mathematical practical illustrative running detailed
code python""".split())
# "Example using the Surprise library", "Examples with scikit-learn", "Example in PyTorch": a tool's tutorial
_USING_TOOL = re.compile(r"(?i)(?:an?\s+)?examples?\s+(?:using|with|in)\s+(?:the\s+)?(?-i:[A-Z]|[a-z]+[-.]?[A-Z]|"
                         r"scikit|sklearn|numpy|pandas|scipy|keras|gensim)[\w.-]*(?:\s+(?:library|package|"
                         r"framework|module|api))?[\s:.]*")
_BARE_EXAMPLES = re.compile(r"(?i)[\W\d_]*(?:some |more |other )?examples[\W\d_]*")  # ("## Examples": of the heading above)
MAX_INSTANCES, MAX_INSTANCE_WORDS = 8, 30
# A table's row under "Examples I should know cold" or "## Examples" states a fact of one kind of thing (a class's VC
# dimension, why a function is convex); under "Example 2" or "Example: movie ratings" it is one example's data
_PLURAL_EXAMPLES = re.compile(r"(?i)[\W\d_]*(?:some |more |other |standard |classic )?examples\b(?![ \t]*[:—–-])")
_ARITHMETIC = re.compile(r"\d[ \t]*[+*/×=][ \t]*\d|=[ \t]*-?\d*\.\d")  # `0.3 + 0.4`, `= 0.7`: numbers worked out
_WORKS_OUT = re.compile(r"\d[ \t]*(?:[+*/×=]|-(?!\d))[ \t]*\d|\$[^$\n]*=[^$\n]*\$")  # `0.3 + 0.4`, `$x = 2$`


def general_in_example(headings: list[tuple[int, str]], draft: Draft) -> bool:
    """Whether a formula card in a worked example states a general formula: every side of it has symbols, and
    no number but 0, 1 and 2 outside sub- and superscripts (`\\sigma'(z) = \\sigma(z)(1 - \\sigma(z))`, not
    `W = \\frac{1}{2}` or `(5 - 2)^2 = 9`). Never inside an exercise or solution the author marked as such."""
    if draft.form not in _FORMULA_FORMS or not draft.formulas or any(level < 0 for level, _ in headings):
        return False  # (an exercise or solution the author marked as such)
    if any(_CALCULATION.search(title) for _, title in headings) and any(_NUMBERED.search(f) for f in draft.formulas):
        return False  # ("Example 2 › Step-by-Step Calculation": "$z_1 = W_{11} x_1 + W_{12} x_2$" is that
        # example's network, numbered unit by unit; "$\sigma(z) = …$" or the update rule in symbols is general)
    intro = as_written(draft.front.rsplit("\n\n", 1)[-1]) if "\n\n" in draft.front else ""
    if intro == FALLBACK or _WORKING.search(intro) or not _STATES.search(intro):  # (no sentence states it)
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


def names_examples(headings: list[tuple[int, str]], lines: list[Line]) -> bool:
    """Whether a section under example headings lists kinds of things in general terms (a heading "Bandit
    Algorithms Example" over ε-greedy, Thompson sampling and UCB, each explained): every example heading above it
    names what it gives examples of, none is an exercise the author marked, and its text works nothing out (no
    formula, no arithmetic). Its section and outline cards are made; its formulas stay out as an example's."""
    if any(level < 0 for level, _ in headings):
        return False
    if _lists_instances(headings, lines):
        return True
    if not all(_names_kind(title) for _, title in headings if is_example_title(title)):
        return False
    return not any(line.kind == MATH or _WORKS_OUT.search(line.text) for line in lines)


def _lists_instances(headings: list[tuple[int, str]], lines: list[Line]) -> bool:
    """Whether a bare "## Examples" under a heading that names a kind ("Convex functions") lists instances of it: one
    flat list of 2 to `MAX_INSTANCES` short items ("- all norms", "- log-sum-exp $f(x) = \\log\\sum_i e^{x_i}$ …"), no
    display formula (a worked example's numbers are no passage: its section card is refused as any other's)."""
    if len(headings) < 2 or not _BARE_EXAMPLES.fullmatch(headings[-1][1]) \
            or any(is_example_title(title) for _, title in headings[:-1]):
        return False
    text = [line for line in lines if line.text.strip()]
    items = [line for line in text if LIST_ITEM.match(line.text) and not line.text[:1].isspace()]
    return bool(text) and all(line.kind == TEXT and (LIST_ITEM.match(line.text) or line.text[:1].isspace())
                              for line in text) \
        and 2 <= len(items) <= MAX_INSTANCES and all(len(line.text.split()) <= MAX_INSTANCE_WORDS for line in text)


def _names_kind(title: str) -> bool:
    """Whether an example heading says what it gives examples of ("Bandit Algorithms Example"), or names the tool
    it is a tutorial of ("Example using the Surprise library", "Examples with scikit-learn")."""
    if _USING_TOOL.fullmatch(title):
        return True
    if not _KINDS_OF.fullmatch(title):
        return False
    before = re.split(r"(?i)\bexamples?\b", title, maxsplit=1)[0]
    return not before.strip() or not all(word in _WHICH or word.isdigit() for word in re.findall(r"[\w-]+", before.casefold()))


def _states_kinds(headings: list[tuple[int, str]]) -> bool:
    """Whether every example heading above a table lists instances of kinds ("## Examples", "Examples of activation
    functions", "Bandit Algorithms Example"), none one worked example ("Example 2", "Example: movie ratings")."""
    return all(_PLURAL_EXAMPLES.match(title) or _names_kind(title) for _, title in headings if is_example_title(title))


def tables_of_kinds(headings: list[tuple[int, str]], body: list) -> bool:
    """Whether a section under example headings that list instances of kinds (`_states_kinds`) holds a table: its
    rows state facts of those kinds (a class's VC dimension), each a card, where its prose may work one out. A table
    that works numbers out (`0.3 + 0.4`) is one example's."""
    return _states_kinds(headings) and not any(level < 0 for level, _ in headings) \
        and any(may_hold_table(block) for block in body) \
        and not any(_ARITHMETIC.search(text_of(block)) for block in body if may_hold_table(block))


def lists_examples(label: str, after: str) -> bool:
    """Whether a lead "Examples to remember:" or "Examples I keep mixing up:" over a list gives instances to know,
    each its own fact (a plural "Examples" with words after it, the list right below), where "Example 2:" or
    "Example:" opens one worked example. `after`: the text after the lead's colon."""
    return bool(_PLURAL_EXAMPLES.match(label)) and not label.strip(" *_").casefold().endswith("examples") \
        and bool(_LIST_BELOW.match(after))


_LIST_BELOW = re.compile(r"[ \t]*\n[ \t]*(?:[-*+]|\d+[.)])[ \t]")  # (the lead ends its line; a list item follows)
