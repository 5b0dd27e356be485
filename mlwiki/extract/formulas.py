"""Display formulas of a paragraph: `$$` blocks, `\\[…\\]`, math environments, `$$…$$` inside a line of prose,
and a `$…$` standing alone on its line or list item (how Quarto and Markdown notes write a displayed formula);
with the prose written before each, from which its front is made."""

from __future__ import annotations

import bisect
import functools
import re
from dataclasses import dataclass

from mlwiki.extract.lines import BEGIN_ENV, LIST_ITEM, MATH, TEXT, Line
from mlwiki.extract.masking import mask_inline
from mlwiki.extract.subject import computes_numbers
from mlwiki.extract.wrapped_math import RELATION, wrapped_in_prose

_LABEL = re.compile(r"\{#(eq-[\w-]+)\}")
_LABEL_AFTER = re.compile(r"[ \t]*\{#(eq-[\w-]+)\}")
_COMMAND = re.compile(r"\\[A-Za-z]+")
_NUMBER = re.compile(r"\d+(?:\.\d+)?")
_LETTER = re.compile(r"[^\W\d_]")
# A Greek letter is a symbol as a Latin one is (`\hat\sigma` in `h = 0.9 \min(\hat\sigma, IQR/1.34) n^{-1/5}`)
_GREEK = re.compile(r"\\(?:alpha|beta|gamma|delta|epsilon|varepsilon|zeta|eta|theta|vartheta|iota|kappa|lambda|mu|"
                    r"nu|xi|pi|rho|sigma|tau|upsilon|phi|varphi|chi|psi|omega|Gamma|Delta|Theta|Lambda|Xi|Pi|Sigma|"
                    r"Phi|Psi|Omega)(?![A-Za-z])")
_TEXT_ARG = re.compile(r"\\(?:text|mathrm|textrm|operatorname)\s*\{[^{}]*\}")
_SPACING = re.compile(r"\s+|\\[,;!: ]|\\quad|\\qquad")
_LEAD = re.compile(r"[^$:\n`]{1,60}:[ \t]*")  # "Expected value: " before a lone formula in a list item
_LONE = re.compile(r"\$((?:[^$\\]|\\.)+)\$[ \t]*[.,;:]?[ \t]*(?:\{#(eq-[\w-]+)\})?[ \t]*"
                   r"((?<=[ ,])where\b.*|(?<=, )(?:[a-z][\w-]*[ \t]+){1,3}\$[^$\n]+\$[ \t]*\.?[ \t]*)?$")  # (", where $L$ is
# the likelihood": what its symbols mean; ", posterior $\mathcal N(\bar\theta, \Sigma)$": what it makes, in a few words)
# A noun naming what a formula makes, after it ("posterior $…$"), not a clause going on ("so $…$", "free of $Y$")
_NAMES_MORE = re.compile(r"(?!(?:so|and|or|if|then|with|for|when|since|because|free|hence|thus|i\.e|e\.g|giving|"
                         r"which|where|while|as)\b)[a-z]")
# `w = [0, 0], \quad b = 0`: symbols set to numbers (an example's starting values)
_SET_TO_NUMBER = re.compile(r"\s*(?:\\[a-z]+\{\\?[A-Za-z]+\}|\\?[A-Za-z]+)(?:_\{?\w+\}?)?\s*=\s*(?:[-+]?\s*\d+(?:\.\d+)?|"
                            r"(?:\\left)?\[\s*[-+]?\d+(?:\.\d+)?(?:\s*,\s*[-+]?\d+(?:\.\d+)?)*\s*(?:\\right)?\])\s*")
_INDEX = re.compile(r"_(?:\{[^{}]*\}|\w)")
# A norm's index and power (`\|\beta\|_2^2`, `\lVert x \rVert_1`): they name the norm, they compute nothing
_NORM_INDEX = re.compile(r"(?:\\\||\\rVert|\\rvert|\|)_\{?\d+\}?(?:\^\{?\d+\}?)?")
_BETWEEN_SETTINGS = re.compile(r",(?![^\[]*\])|;|\\quad|\\qquad|\\\\")
# `x = 0.20`, `a \approx 0.47`: a value worked out in an example, not something to remember
_VALUE = re.compile(r"(?:=|\\approx)\s*[-+]?\s*\d*[.,]\d+\s*$")
_BEFORE_QUAD = re.compile(r"[,;]?[ \t]*\\q?quad\b")
# Where one value ends and the next symbol's begins, after a quad: `s_{min} = 0.2,\ s_{max} = 0.9` (not inside `i = 0,
# \dots, n - 1`)
_NEXT_SETTING = re.compile(r",[ \t]*(?:\\[ ,;:!][ \t]*)*(?=(?:\\[a-z]+\{\\?[A-Za-z]+\}|\\?[A-Za-z]+)(?:_\{?\w+\}?)?[ \t]*"
                           r"(?:=|\\approx|\\in)(?![=<>]))")
# One symbol's value or range: `b = 10000`, `i = 0, \dots, n - 1`, `\epsilon \approx 0.2`, `k \in \{1, 2\}`
_SETTING = re.compile(r"(?:\\[a-z]+\{\\?[A-Za-z]+\}|\\?[A-Za-z]+)(?:_\{?\w+\}?)?[ \t]*(?:=|\\approx|\\in)[^=<>]+")


@dataclass(slots=True)
class Formula:
    """A display formula of a paragraph, and the text lines written since the formula before it. `item`: it
    stands alone in a list item (a list of formulas is not a derivation)."""

    line: int
    body: str
    label: str
    before: list[str]
    item: bool = False
    lone: bool = False
    where: str = ""  # what a lone formula's symbols mean (", where $L$ is …"), shown under it
    paragraph: tuple[list[str], int] = ([], 0)  # (its paragraph's lines, how many stand before it): `lines_above`

    def lines_above(self) -> list[str]:
        """Every line of its paragraph before it, its own bullet's marker last (`before` holds only those since the
        formula above): which bullet it is nested under (`parent_labels`)."""
        texts, count = self.paragraph
        return texts[:count] + self.before[-1:] if count else self.before


def display_formulas(lines: list[Line]) -> tuple[list[Formula], list[str]]:
    """Each display formula in a paragraph, and the text lines after the last one."""
    found: list[Formula] = []
    before: list[str] = []
    math: list[Line] = []
    for k, line in enumerate(lines):
        if line.kind == MATH:
            math.append(line)
            end = math_end(math)
            if end < 0:
                continue
            tail = math[-1].text[end:]  # prose may follow the closing delimiter on its line
            raw = "\n".join([ln.text for ln in math[:-1]] + [math[-1].text[:end]])
            label = None
            if "{#" in tail or "{#" in raw:  # a Quarto label, `{#eq-…}`, usually right after the formula
                label = _LABEL_AFTER.match(tail)
                if label:
                    tail = tail[label.end():]
                else:
                    label = _LABEL.search(raw)
                    raw = _LABEL.sub("", raw)
            found.append(Formula(math[0].no, strip_delimiters(raw), label.group(1) if label else "", before))
            before, math = _displays_in_line(tail, math[-1].no, [], found), []
        elif line.kind == TEXT:
            if found and found[-1].item and found[-1].lone and not before and _item_goes_on(lines, k):
                found[-1].where = f"{found[-1].where} {line.text.strip()}".strip()  # ("- **Matérn**: $k_\\nu = …$"
                continue  # over "  with $K_\\nu$ a Bessel function. Samples are …": the item's own words on it)
            if found and found[-1].where and not before and _where_goes_on(found[-1].where, line.text):
                rest = _end_where(found[-1], line.text)  # (", where $\\Phi$ = the **topic" / "matrix**, …")
                if not rest:
                    continue
                line = Line(line.no, rest, TEXT)
            if "$" in line.text and (lone := _lone_formula(line.text)) and not wrapped_in_prose(lines, k):
                body, label, item, lead, where = lone
                if item and not lead and any(LIST_ITEM.match(ln) for ln in before):
                    lead = " "  # (the item before introduces itself, not this formula)
                lead = f"- {lead}" if item and lead else lead
                found.append(Formula(line.no, body, label, before + ([lead] if lead else []), item,
                                     lone=True, where=where))
                before = []
                continue
            before = _displays_in_line(line.text, line.no, before, found)
    if found:  # (shared, sliced only for the formula a bullet names: `Formula.lines_above`)
        texts, numbers = [line.text for line in lines], [line.no for line in lines]
        for formula in found:
            formula.paragraph = (texts, bisect.bisect_left(numbers, formula.line))
    return found, before


_SENTENCE_END = re.compile(r"[.!?](?=\s|$)")


def wraps_relation(lines: list[Line]) -> bool:
    """Whether a paragraph holds a lone `$…$` relation that only ends a sentence of its prose (`wrapped_in_prose`)."""
    return any(line.kind == TEXT and "$" in line.text and _lone_formula(line.text) and wrapped_in_prose(lines, k)
               for k, line in enumerate(lines))


# A block's property line under an item, `logseq.order-list-type:: number`: the outliner's, no words of the note
_FIELD = re.compile(r"[ \t]*[\w.-]+::(?:[ \t]|$)")


def _item_goes_on(lines: list[Line], k: int) -> bool:
    """Whether line k goes on with the list item above it in prose (indented, no item of its own, no formula, and
    none later in the item: a line before a display formula introduces that one)."""
    for line in lines[k:]:
        text = line.text
        if line.kind == TEXT and (text[:1] not in " \t" or LIST_ITEM.match(text)):
            break  # (the item ends)
        if line.kind == MATH or "$$" in text or "$" in text and _lone_formula(text) is not None:
            return False
    text = lines[k].text
    return text[:1] in " \t" and bool(text.strip()) and not LIST_ITEM.match(text) \
        and not ("::" in text and _FIELD.match(text))


def _where_goes_on(where: str, text: str) -> bool:
    """Whether a lone formula's "where …" clause, cut at its line's end mid-sentence, goes on in `text`, the next line
    of its paragraph (not a list item)."""
    return not _SENTENCE_END.search(where[-1:]) and not LIST_ITEM.match(text) and bool(text.strip())


def _end_where(formula: Formula, text: str) -> str:
    """Finish a formula's "where …" clause with `text` up to its sentence's end; what `text` says after it."""
    end = _SENTENCE_END.search(text)
    cut = end.end() if end else len(text)
    formula.where = f"{formula.where} {text[:cut].strip()}"
    return text[cut:].strip()


def _displays_in_line(text: str, no: int, before: list[str], found: list[Formula]) -> list[str]:
    """Add the `$$…$$` formulas written inside a line of prose to `found`; return the prose lines since the last."""
    pos = 0
    if "$$" in text:
        for start, end in mask_inline(text)[1]:
            if not text.startswith("$$", start):
                continue
            label = _LABEL_AFTER.match(text, end)
            before.append(text[pos:start])
            found.append(Formula(no, text[start + 2:end - 2].strip(), label.group(1) if label else "", before))
            before, pos = [], label.end() if label else end
    before.append(text[pos:])
    return before


def _lone_formula(text: str) -> tuple[str, str, bool, str, str] | None:
    """(body, label, in a list item, lead, where) when the line is only one `$…$` (after a list bullet and perhaps a
    short lead ending in a colon, `- Expected value: $E[X] = 1/\\lambda$`, `**Gini impurity**: $G = …$`,
    `For independent X, Y: $…$`; before a comma or period and a Quarto label), else None. Spaces inside the dollars are allowed here, as Jupyter allows them: a line that is
    nothing but a `$…$` is math whatever Pandoc would say."""
    bullet = LIST_ITEM.match(text)
    rest = text[bullet.end():] if bullet else text.lstrip()
    lead = ""
    if not rest.startswith("$") and (colon := _LEAD.match(rest)):
        lead, rest = colon.group(0).strip(), rest[colon.end():]
    if not rest.startswith("$") or rest.startswith("$$") or not (match := _LONE.match(rest)) or \
            not RELATION.search(match.group(1)):
        return None  # (a lone symbol or expression without a relation is a label, not a formula)
    if match.group(3) and not match.group(3).startswith("where") and not (bullet and lead.startswith("**")
                                                                          and _NAMES_MORE.match(match.group(3))):
        return None  # (", posterior $…$" only after a bold-labelled item's formula: ", so $…$" goes on a sentence)
    return match.group(1).strip(), match.group(2) or "", bool(bullet), lead, (match.group(3) or "").strip()


def math_end(math: list[Line]) -> int:
    """Where, in the last line so far, the display formula opened on math[0] ends (just past its closing
    delimiter), or -1 while it goes on."""
    first, last = math[0].text.lstrip(), math[-1].text
    start = len(math[0].text) - len(first) + 2 if len(math) == 1 else 0  # past the opening `$$` or `\\[`
    if first.startswith("$$"):
        close = "$$"
    elif first.startswith("\\["):
        close = "\\]"
    elif match := BEGIN_ENV.match(first):
        close, start = f"\\end{{{match.group(1)}}}", 0
    else:
        return -1
    end = last.find(close, start)
    return end + len(close) if end >= 0 else -1


def strip_delimiters(raw: str) -> str:
    raw = raw.strip()
    if raw.startswith("$$"):
        raw = raw[2:]
        raw = raw[:raw.rfind("$$")] if "$$" in raw else raw
    elif raw.startswith("\\["):
        raw = raw[2:]
        raw = raw[:raw.rfind("\\]")] if "\\]" in raw else raw
    return raw.strip()


def _sets_values(formula: str) -> bool:
    """Whether a formula only sets symbols to numbers, two numbers at least (`w = [0, 0], \\quad b = 0`): the
    starting values of an example, not a formula."""
    if "=" not in formula or len(_NUMBER.findall(_INDEX.sub("", formula))) < 2:
        return False  # (`v_0 = 0` starts a recurrence: one value)
    parts = [part for part in _BETWEEN_SETTINGS.split(formula) if part.strip()]
    return all(_SET_TO_NUMBER.fullmatch(part) for part in parts)


_ENVIRONMENT = re.compile(r"\\(?:begin|end)\{[^{}]*\}")  # a matrix's environment, whose name is no symbol


def _worked_example(formula: str, numbers: int) -> bool:
    """Arithmetic on numbers (`(5 - 2)^2 = 9`, `x_2 = [4, 1]`): an example worked out, not a formula to learn.
    Told by the symbols: at least three numbers and twice as many numbers as letters (Greek letters count, other
    LaTeX commands and the words of `\\text{…}` do not; `10000^{-2i/d}` is two numbers, not five digits)."""
    if numbers < 3:
        return False
    symbols = _COMMAND.sub("", _TEXT_ARG.sub("", _ENVIRONMENT.sub("", formula)))  # (`\begin{pmatrix}`: no symbol)
    return numbers >= 2 * (len(_LETTER.findall(symbols)) + len(_GREEK.findall(formula)))


@functools.lru_cache(maxsize=4096)  # (pure: the same text is asked again, by another form or card)
def is_trivial_formula(formula: str) -> bool:
    """A lone symbol or a tiny expression is not worth a card, nor a formula that only names (`y = f(x)`, with
    perhaps a tiny illustration under it, `y = x^2`), nor one whose subscripts hold a sentence (`x_{\\text{is the
    input vector of node}}`: prose a converter pushed into the math, nothing to recall)."""
    compact = _SPACING.sub("", formula)
    return len(compact) < 5 or (not RELATION.search(formula) and len(compact) < 20) or \
        ("=" in compact and "(" in compact and _only_names(formula)) or \
        ("\\text" in formula and bool(_PROSE_IN_SCRIPT.search(formula)))


# A subscript or superscript whose text goes on with a sentence ("is the input vector of node"), four words or more
_PROSE_IN_SCRIPT = re.compile(r"[_^]\{?\s*\\text\s*\{\s*(?:is|are|and|where|which|denotes|means)\s+[^{}\s]+"
                              r"(?:\s+[^{}\s]+){2,}\s*\}")
# A symbol as notes write one: `y`, `\hat{y}_{i}`, `\mathbf{x}`, `\theta^{(l)}`, `x_i'`
_SYMBOL = (r"(?:\\(?:hat|bar|tilde|vec|mathbf|boldsymbol|mathcal)\{\\?[A-Za-z]+\}|\\?[A-Za-z]+)"
           r"(?:[_^](?:\{[^{}]*\}|\\?\w))*'*")
# A function named by one letter applied to symbols: `f(x)`, `f(x_i; \theta)`, `g(x, y)`
_APPLIED = rf"[A-Za-z]\((?:{_SYMBOL})(?:[,;|](?:{_SYMBOL}))*\)"
_NAMING = re.compile(rf"(?:{_SYMBOL})=(?:{_APPLIED})|(?:{_APPLIED})=(?:{_SYMBOL})")
_TINY = 6  # characters: `y=x^2`, an illustration under a naming, not a formula of its own
_LINES = re.compile(r"\\\\|\\begin\{[a-z*]+\}|\\end\{[a-z*]+\}|&")


def _only_names(formula: str) -> bool:
    r"""Whether a formula only says that a symbol is a function of others (`y = f(x)`, `\hat{y}_i = f(x_i;
    \theta)`), on each of its lines, or on one with the others tiny (`y = x^2`)."""
    lines = [compact for line in _LINES.split(formula)
             if (compact := _SPACING.sub("", line).replace("\\left", "").replace("\\right", ""))]
    names = [bool(_NAMING.fullmatch(line)) for line in lines]
    return any(names) and all(named or len(line) <= _TINY for named, line in zip(names, lines))


@functools.lru_cache(maxsize=4096)  # (pure: the same text is asked again, by another form or card)
def is_worked_example(formula: str) -> bool:
    """A value or a computation on made-up numbers (`a = 0.47`, `(5 - 2)^2 = 9`, `b = 0 + 1 = 1`): worked out in
    an example, nothing to remember. A law given with a typical value of one of its constants after a quad
    (`L = \\min(r A, \\operatorname{clip}(r, 1-\\epsilon, 1+\\epsilon) A), \\qquad \\epsilon \\approx 0.2`) is the law."""
    if "quad" in formula and _law_with_settings(formula):
        return False  # (its index's range and a constant's value after the quads: `\qquad b = 10000`)
    if "quad" in formula and "\\approx" in formula and (head := _BEFORE_QUAD.split(formula, 1)[0]) != formula \
            and "\\approx" not in head and _LETTER.search(head.rpartition("=")[2]) and not is_worked_example(head):
        return False  # (its typical value, "≈", after the quad: not what the formula works out)
    if _constant_valued(formula):
        return False  # (the value of the constant a law tends to: `(1 - 1/N)^N \\to e^{-1} \\approx 0.368`)
    if _VALUE.search(formula) or _sets_values(formula):
        return True
    numbers = len(_NUMBER.findall(formula))  # (most formulas have fewer than two numbers: nothing to work out)
    return numbers >= 2 and (_worked_example(formula, len(_NUMBER.findall(_NORM_INDEX.sub("", formula))))
                             and not _law_of_a_variable(formula) or computes_numbers(formula))


# The relations a formula's last value follows: `=`, `\to`, `\rightarrow`, `\xrightarrow{…}`, `\approx`
_LAST_STEP = re.compile(r"(?:=|\\to\b|\\rightarrow\b|\\longrightarrow\b|\\xrightarrow\{[^{}]*\})")


def _constant_valued(formula: str) -> bool:
    """Whether a formula ends with the value of a constant (in e or π) it tends to or equals, after a law in a
    variable (`(1 - 1/N)^N \\to e^{-1} \\approx 0.368`, `\\sigma = \\sqrt{2/\\pi} \\approx 0.80`): a limit to remember, not
    a value worked out of an example's numbers (`a \\approx 0.47`, `p = 3/7 \\approx 0.43`)."""
    head = formula.rpartition("\\approx")[0]
    steps = _LAST_STEP.split(head)
    if len(steps) < 2:
        return False
    named = steps[-1].replace("\\pi", " e ")  # (π and e are the constants; "3/7" is an example's arithmetic)
    constant = _COMMAND.sub("", named)
    return set(_LETTER.findall(constant)) == {"e"} and any(
        _LETTER.findall(_COMMAND.sub("", _TEXT_ARG.sub("", step))) or _GREEK.search(step) for step in steps[:-1])


def _law_of_a_variable(formula: str) -> bool:
    """Whether a formula gives one symbol as a function of another, its numbers measured constants (`E = 21.4
    \\log_{10}(1 + 0.00437 f)`, the ERB-rate scale): a law to learn, however many numbers it holds. An example's arithmetic
    leaves no variable on its right side (`(5 - 2)^2 = 9`, `x_2 = [4, 1]`)."""
    sides = formula.split("=")
    if len(sides) != 2:
        return False
    left, right = (set(_LETTER.findall(_COMMAND.sub("", _TEXT_ARG.sub("", _ENVIRONMENT.sub("", side)))))
                   for side in sides)  # (`\begin{pmatrix}` names no symbol)
    return bool(left) and bool(right - left - {"e"})  # (Euler's e is a number)


def _law_with_settings(formula: str) -> bool:
    """Whether a formula is a law (a symbol on the right of its relation), then after each quad the range or the value
    of one of its symbols (`\\theta_i = b^{-2i/d}, \\qquad i = 0, \\dots, d/2 - 1, \\qquad b = 10000`): the law
    with its settings, not a computation on made-up numbers."""
    head, *tail = _BEFORE_QUAD.split(formula)
    if not tail or "\\approx" in head or not _LETTER.search(head.rpartition("=")[2]) or is_worked_example(head):
        return False
    return all(_SETTING.fullmatch(setting.strip().rstrip(",;.")) for piece in tail
               for setting in _NEXT_SETTING.split(piece.strip().rstrip(",;.")))
