"""Formula cards: every display formula (and, with `formulas = "inline"`, every substantial inline equation)
becomes a card whose front is the heading path and the sentence that introduces the formula. Display formulas
joined only by short connecting text are one derivation: one card, the whole derivation on the back.

`ex` in every function is the walk over the note (`mlwiki.extract.walk.Extractor`): its settings, what it has
found so far, and where cards go.
"""

from __future__ import annotations

import functools
import re
from pathlib import PurePosixPath

from mlwiki.extract import firstwords, formula_sets, leadins, legend_intros, step_gaps
from mlwiki.extract.blocks import Block, algorithm_list
from mlwiki.extract.draft import Draft
from mlwiki.extract.subject import sets_up_example, works_values
from mlwiki.extract.symbol_setups import names_a_general_formula
from mlwiki.extract.forms import STATEMENT
from mlwiki.extract.formula_tails import conclusion, held_by_section
from mlwiki.extract.formulas import (RELATION, Formula, display_formulas, is_trivial_formula, is_worked_example,
                                    wraps_relation)
from mlwiki.extract.sibling_items import hold_list_items
from mlwiki.extract.relation_paragraphs import FORM as RELATIONS_FORM, relation_card
from mlwiki.extract.lines import LIST_ITEM, TEXT
from mlwiki.extract.masking import mask_inline
from mlwiki.extract.parent_labels import named_by_bullet
from mlwiki.extract.passages import CANNOT_END, narrates
from mlwiki.extract.prose import (PROSE_TAIL, clean_prose, clip, cut_prose, has_words, introduces, is_fragment,
                                  last_sentence, prefix_heading, sentence_around, sentences)
from mlwiki.models import CardKind, Severity
from mlwiki.render.macros import defines_only


_STEP_LABEL_WORDS = 3  # a list item's bare step ("normalise:", "score each key:"): its list's lead says of what
_STEP_WORDS = 25  # a fragment this short ("so", "which gives", "where the resulting expectation is now:")
FALLBACK = "Formula"
# A left side that is a name written out: `\text{AIC}`, `\operatorname{MSE}`, `\mathrm{NDCG}@k`, or "RMSE" in letters
_NAMED_SIDE = re.compile(r"\\(?:text|mathrm|operatorname|textrm|textsf|mathsf)\{([A-Za-z][A-Za-z0-9 -]{1,24})"
                         r"(?:@\}([kKnN]|\d+)|\}(?:@k|(?:_\{?[\w,]+\}?|_\\[A-Za-z]+)?(?:\([^()]*\))?)?)"
                         r"|([A-Z]{2,6})(?:@k|\([^()]*\))?")
# (a rank after the name's brace: `\text{Recall@}k` is Recall@k; a subscript, then arguments: `\text{Huber}_\kappa(x)`)
# A note's property line written in its text ("tags: #activation", "aliases: …", "Related:"): not an introduction
_PROPERTY_LINE = re.compile(r"(?i)[ \t]*(?:tags?|aliases?|links?|related|sources?|status|type|category|topics?|"
                            r"date(?: created| modified)?|created|modified)[ \t]*::?[ \t]*")
_NAME_WORDS = 15  # a list item that names a formula: a few words, a short explanation at most
_MIN_NAMED_CHARS = 8  # `\frac{TN}{N}`: named, it is a card; `x_i` is not
# a line that may be only a `$…$` (checked exactly by `formulas.display_formulas`): most paragraphs have none.
# Searched in "\n" + the paragraph: a pattern that starts with a newline is tried only at newlines, where `^`
# would be tried at every character (twice as slow, on every paragraph with inline math).
_LONE_LINE = re.compile(r"\n[ \t]*(?:(?:[-*+]|\d+[.)])[ \t]+)?(?:[^$:\n]{1,60}:[ \t]*)?"
                        r"\$[^\n]*\$[ \t.,;:]*(?:\{#[^}\n]*\})?[ \t]*(?:where\b.*)?$", re.M)
_CONTINUES = re.compile(r"\s*(?:&\s*)?(?:=|\\approx|\\le|\\ge|\\leq|\\geq|\\propto|\\Rightarrow|\\implies|\\iff|<|>)")
# where a formula goes on to define its next quantity: ", \qquad", "\quad", a line break "\\"
_PARTS = re.compile(r"\\q?quad|\\\\|;|,\s*(?=\\(?:text|mathrm|operatorname)\{)")
_OPERATORS = frozenset("var cov corr std det diag tr trace argmax argmin max min exp log sign softmax".split())
# an introduction that only sets up notation or a case
_SETS_UP = re.compile(r"(?i)\s*(?:with|given|let|for|using|writing|where|denote|denoting|in terms of)\b")
_RELATION_AT = re.compile(r"&?=|\\approx|\\propto|\\le\b|\\ge\b|\\leq|\\geq|\\leftarrow|\\gets\b")
# Words of a gap that goes on with the same derivation ("so", "which gives", "and taking the expectation gives");
# a gap without them ("and the bias by") introduces a new quantity.
_DERIVES = re.compile(r"(?i)\b(?:so|thus|hence|therefore|gives?|giving|yields?|get|gets|obtain|becomes?|simplif\w*|"
                      r"rearrang\w*|substitut\w*|plugging|taking|expanding|i\.e|that is|equivalently|now|then|"
                      r"which is|we have|leads? to|reduces? to)\b")
WORKED_EXAMPLE = "works out numbers (a worked example)"
_LEAD_WORDS = 40  # an introduction and the sentences before it: past this, only the introducing sentence
# "See [here](…) for a worked example.": it points away, it does not introduce
_POINTER = re.compile(r"\s*\(?(?:see|check out|refer to|read more|more (?:on|about) this)\b", re.I)
# "Compute the predictions for users 3867 and 89 …": an exercise's task, not what the formula is
_TASK = re.compile(r"\s*(?:compute|calculate|find|show|prove|implement|try|write|use|run|plot|solve|determine)\b", re.I)
_PROSE_NUMBER = re.compile(r"(?<![\w.])\d+(?:\.\d+)?(?!\w|\.\d)")
_INLINE_MATH = re.compile(r"\$[^$]*\$")
_ANALOGY_NUMBERS = 3
# A heading that says where in a note a formula stands, not what it is ("Introduction", "Details", "Terminology")
# A gap between two formulas that only names the next one ("gaussian:", "Case 2:", "for the bias:"), not a step
_CASE_LABEL = re.compile(r"(?i)(?!(?:where|then|so|thus|hence|and|or|which|i\.e\.|e\.g\.|now|i\.e)\b)"
                         r"[^\W\d][\w-]*(?:[ \t][\w$\\{}^-]+){0,2}[ \t]*:")
# An introduction that is only the word that goes on from the formula above ("with", "where", "and"): of that one
_BARE_LINK = re.compile(r"(?i)[ \t]*(?:with|where|and|here)[ \t]*:?[ \t]*")
_GENERIC_HEADING = re.compile(r"(?i)(?:introduction|intro|overview|details?|terminology|notation|basics|background|"
                              r"summary|high[ -]level summary|in short|definitions?|notes?|the math|maths?|theory)[ \t:]*")
_PROOF = re.compile(r"\*{0,2}_?Proof\b")  # a card introduced by "Proof: …" holds the whole proof, to its section's end


def formula_cards(ex, block: Block, text: str) -> tuple[tuple[str, str] | None, int]:
    """Formula cards of a paragraph; returns the introduction of its last formula if nothing follows it, and how
    many display formulas the paragraph holds."""
    if ex.ctx.formulas == "none":
        return None, 0
    ending, count, made = None, 0, len(ex.drafts)
    lone = "$" in text and "$$" not in text and _LONE_LINE.search("\n" + text)  # (searched once, where a "$" is)
    if lone and algorithm_list(block):
        return None, 0  # (its steps in order, the formulas among them, are one card of the list)
    if ("$" in text and ("$$" in text or lone)) or \
            ("\\" in text and ("\\[" in text or "\\begin{" in text)):  # (one-character tests first: faster)
        formulas, after = display_formulas(block.lines)
        count = len(formulas)
        if lone and not formulas and ex.ctx.sections and wraps_relation(block.lines) and \
                not held_by_section(ex, block.start) and \
                (card := relation_card(ex.heading_path(), block)):  # (relations inline, the last one wrapped)
            ex.add_card(RELATIONS_FORM, *card, block.start)
        intros = formula_intros(ex, formulas, block.lines[0].text[:1] in " \t")
        carry: list[str] = []  # the prose before formulas left out: it still stands between the cards around them
        for k, (formula, (title, intro)) in enumerate(zip(formulas, intros)):
            prose = " ".join((ex.since_formula if k == 0 else []) + carry + formula.before)
            gap = prose if ex.chain is not None else ""
            ex.since_formula = []
            key = " ".join(formula.body.split())
            if (key in ex.formulas_seen and not _another_case(formula, intro, ex.formulas_seen[key])) or \
                    (is_trivial_formula(formula.body) and not _named(formula, intro)) or \
                    defines_only(formula.body):  # (a note's own macros: `scan.note_macros` reads them)
                carry += formula.before
                continue
            if is_worked_example(formula.body):
                ex.skip("lone-formula" if formula.lone else "formula", WORKED_EXAMPLE)
                carry += formula.before
                continue
            general = not ex.in_example() and names_a_general_formula(intro)  # ("Suppose a share $p$ … Chance
            # that …:": symbols, no values, outside an example's section)
            if (_sets_up_example(intro) and not general) or (ex.in_worked_example and _goes_on(prose)):
                ex.skip("lone-formula" if formula.lone else "formula", WORKED_EXAMPLE)
                ex.in_worked_example = True  # ("…then:" after it goes on with the example)
                carry += formula.before
                continue
            carry, ex.in_worked_example = [], False
            again = key in ex.formulas_seen  # (stated again for another case: its card's id says which)
            ex.formulas_seen[key] = intro
            if not (formula.item or formula.label) and ex.chain is not None and \
                    not any(LIST_ITEM.match(line) for line in carry + formula.before) and \
                    _extends(ex, gap, formula.body):  # (a new list item starts a new card)
                if ex.in_example() and works_values(gap):
                    ex.chain = None  # ("Substituting the known values:" in an example: its numbers, no step of it)
                    continue
                _add_step(ex, gap, formula.body)
                continue
            if k + 1 < len(formulas) and firstwords.hypothesis(intro) and (joined := firstwords.with_condition(
                    intros[k + 1][1], intro, formula.body)):  # ("For each pair … such that $$W \neq \emptyset$$ the
                intros[k + 1] = (intros[k + 1][0], joined)  # overlap maps $$…$$": a condition of the next one's)
                carry += formula.before
                continue
            add_formula(ex, title, intro, formula, "lone-formula" if formula.lone else "formula", again,
                        [formula.body] + [f.body for f in _joining(formulas[k + 1:])])
        ending = intros[-1] if intros and not "".join(after).strip() else None
        if formulas and ex.chain is not None and ex.chain_last == formulas[-1].body and \
                (tail := conclusion(after)) and not held_by_section(ex, block.start):
            ex.chain.back += f"\n\n{tail}"  # ("$$…$$ So the first step is …": what it shows, on its card)
        if formulas:
            ex.since_formula = [" ".join(after)]  # what follows the last formula stands before the next one
    if ex.ctx.formulas == "inline" and ("$" in text or "\\(" in text):
        inline_formula_cards(ex, block)
    if count and LIST_ITEM.match(block.lines[0].text) and len(ex.drafts) > made:
        hold_list_items(ex, block)  # (the other items of a list an item's formula card took: "1. **Primal
        # feasibility**: $…$" beside "4. **Stationarity**:" over its display formula)
    return ending, count


def _another_case(formula: Formula, intro: str, first_intro: str) -> bool:
    """Whether a formula seen before is stated again for another case, in a list item of its own ("- Regression
    $$g_i = -(y_i - p_i)$$ $$h_i = 1$$" then "- Classification $$g_i = -(y_i - p_i)$$ $$h_i = p_i(1-p_i)$$"): a
    card of that case holds it again, or the case's card would lack it."""
    return bool(intro and first_intro and intro != first_intro) and \
        any(LIST_ITEM.match(line) for line in formula.before)


def _sets_up_example(intro: str) -> bool:
    """Whether an introduction sets up an example: as a whole, or in its last sentence, which a short one ("Let's
    suppose a function") joins to the sentence before it."""
    if sets_up_example(intro):
        return True
    last = sentences(intro)[-1] if "." in intro else ""
    return bool(last) and last is not intro and sets_up_example(last.strip())


def _named(formula: Formula, intro: str) -> bool:
    """Whether a short expression is named by the list item it ends ("1. Accuracy: $$\\frac{TP+TN}{P+N}$$"):
    then it is what the name means, a card however short it is."""
    last = formula.before[-1] if formula.before else ""
    return bool(intro) and len(intro.split()) <= _NAME_WORDS and bool(LIST_ITEM.match(last)) \
        and len("".join(formula.body.split())) >= _MIN_NAMED_CHARS


def _extends(ex, gap: str, body: str) -> bool:
    """Whether a formula after `gap` (the prose since the previous formula card) is the next step of it: only a
    short fragment stands between them ("so", "which gives", "where the expectation is now:"), or nothing, and
    the formula goes on from the one before (`= …`, or the same left-hand side again)."""
    if ex.chain is None:
        return False
    words = clean_prose(gap).split()
    if not words and ex.chain.front.rsplit("\n\n", 1)[-1] in (FALLBACK, quantity_name(ex.chain_last)) \
            and _names_another(body, ex.chain_last):
        return False  # ("\\text{AIC} = …" then "\\text{AICc} = \\text{AIC} + …" with no sentence over them: each
        # defines a quantity of its own; one sentence over both, "Calculate prediction:", asks them as one)
    if not words or _PROOF.match(ex.chain.front.rsplit("\n\n", 1)[-1]):
        return True  # nothing tells the two apart, or a proof goes on: one card, every step on its back
    sentence = " ".join(words)
    if len(words) <= _STEP_WORDS and step_gaps.is_step(sentence, ex.heading_path().rsplit(" › ", 1)[-1]):
        return True  # ("Multiply through by $2\\sigma^2$:", "Exponentiate:": done to the formula above)
    if len(words) > _STEP_WORDS or not is_fragment(sentence) or introduces(sentence) or _CASE_LABEL.fullmatch(sentence):
        return False  # (a label, "gaussian:" after "linear:", names another case: a card of its own)
    continues = bool(_CONTINUES.match(body)) or _left_side(body) == _left_side(ex.chain_last)
    return continues or bool(_DERIVES.search(sentence))


def _names_another(body: str, last: str) -> bool:
    """Whether a formula defines a quantity it names ("\\text{AICc} = …") other than the one the formula before it
    names ("\\text{AIC} = …"): a definition of its own, not a step of that one."""
    name = quantity_name(body)
    return bool(name) and bool(before := quantity_name(last)) and name != before


def _goes_on(gap: str) -> bool:
    """Whether the prose between two formulas only goes on ("then", "so that", nothing at all)."""
    words = clean_prose(gap).split()
    return not words or (len(words) <= _STEP_WORDS and is_fragment(" ".join(words)))


@functools.lru_cache(maxsize=4096)  # (pure: the same text is asked again, by another form or card)
def quantity_name(formula: str) -> str:
    """The name a formula defines on its left side when it is written out ("\\text{AIC} = …", "\\operatorname{MSE}
    = …", "NDCG@k = …"): a front can ask for it; '' for a symbol ("L(\\theta) = …")."""
    match = _RELATION_AT.search(formula)
    if not match:
        return ""
    found = _NAMED_SIDE.fullmatch(formula[:match.start()].strip())
    if not found:
        return ""
    return f"{found[1].strip()}@{found[2]}" if found[2] else (found[1] or found[3]).strip()


def quantity_names(formula: str) -> list[str]:
    """Every name a formula writes out on a left side, the first and each after a separator
    ("\\text{MAE} = …, \\qquad \\text{RMSE} = …" → MAE, RMSE)."""
    names = []
    for part in _PARTS.split(formula):
        relation = _RELATION_AT.search(part)  # (defined with "=": "\\mathrm{Var}(\\hat\\theta) \\ge …" bounds one)
        if relation and relation.group().endswith("=") and len(name := quantity_name(part)) >= 3 \
                and name.casefold() not in _OPERATORS and name not in names:
            names.append(name)
    return names


def _unsaid_names(formula: str, path: str) -> list[str]:
    """The names a formula writes out on its left sides (`quantity_names`) when each starts in a capital and the
    heading path does not say them all (a title "recall@k, NDCG …" over Precision@k and Recall@k: both are asked,
    not the one it does not say); [] otherwise."""
    names = quantity_names(formula)
    said = re.sub(r"\W", "", path.casefold())
    if not all(name[:1].isupper() for name in names) \
            or all(re.sub(r"\W", "", name.casefold()) in said for name in names):
        return []
    return names


def _unnamed_by(intro: str, path: str, names: list[str]) -> bool:
    """Whether an introduction sets up notation ("With errors $e_t$ over $n$ test points:") and neither it nor
    the heading path says the names the formula defines: the front then shows them, so it asks for something."""
    if not names or _SETS_UP.match(intro) is None:
        return False
    said = re.sub(r"\W", "", (intro + path).casefold())
    return not any(re.sub(r"\W", "", name.casefold()) in said for name in names)


def _left_side(formula: str) -> str:
    """What a formula defines (before its first relation); two formulas without a relation are not the same."""
    match = _RELATION_AT.search(formula)
    return "".join(formula[:match.start()].split()) if match else formula


def _add_step(ex, gap: str, body: str) -> None:
    """Append a step to the derivation card; its id stays that of the first step (so a derivation that grows
    keeps its history)."""
    joint = clean_prose(gap).lstrip(".,; ")  # (a display's full stop stands before the words after it)
    ex.chain.back += (f"\n\n{joint}" if joint else "") + f"\n\n$${body}$$"
    ex.chain_last = body
    if not joint and ex.chain.front.endswith(f"\n\n{FALLBACK}"):  # (no sentence said what either is: the front
        ex.chain.front = formula_sets.named_front(ex.chain.front, ex.chain.back)  # names what each defines)


# A paragraph that only links a formula to the one before it: "then", "and so", "which gives:"
_CONNECTIVE = re.compile(r"(?i)(?:and |so |which |this )?(?:then|so|thus|hence|therefore|gives?|giving|becomes|"
                         r"we get|yields?|and|or|i\.e\.|that is)[ \t]*[:,.]?")


def formula_intros(ex, formulas: list[Formula], indented: bool = False) -> list[tuple[str, str]]:
    """(callout title, introducing sentence) of each display formula of a paragraph.

    A formula is introduced by the last sentence of the prose since the previous formula, cut at the last
    list item or callout title. Prose that continues a sentence begun before the previous formula ("and, for
    every $x$,") gets that formula's introduction in front, the formula itself shown as "…". A formula with no
    prose of its own shares the introduction of the one before (and so joins its card). Without any prose, the
    first formula is introduced by the paragraph before (continuing its formula's introduction when that
    paragraph ended with a formula), unless that paragraph ends with a list and the formula, not `indented`
    under its last item, stands apart from it.
    """
    intros: list[tuple[str, str]] = []
    for k, formula in enumerate(formulas):
        title, prose, cut = cut_prose(formula.before)
        sentence = introduction(clean_prose(prose[-PROSE_TAIL:]))
        if cut and 0 < len(sentence.split()) <= _STEP_LABEL_WORDS and sentence[:1].islower() \
                and (lead := _list_lead(formula.before, ex.prev_text)):
            sentence = clip(f"{lead} … {sentence}")  # ("score each key:" under "Given a query $q$ and …:")
        previous = intros[-1] if intros else ex.prev_intro
        if not cut and previous and previous[1] and not sentence:
            sentence = previous[1]  # nothing tells it from the formula before: it joins that card
        elif not cut and previous and previous[1] and is_fragment(sentence) and not introduces(sentence):
            sentence = clip(f"{previous[1]} … {sentence}")
        elif not cut and not sentence and ex.prev_text is not None:
            lines = [ln.text for ln in ex.prev_text.lines if ln.kind == TEXT]
            title, prose, _ = cut_prose(lines)
            sentence = "" if not indented and _ends_list(lines) else introduction(clean_prose(prose))
            if _CONNECTIVE.fullmatch(sentence) and ex.chain is not None and "\n\n" in ex.chain.front:
                # ("then" alone between two formulas: it goes on from the one before, whose introduction says what)
                sentence = clip(f"{ex.chain.front.split(chr(10) * 2, 1)[1]} … {sentence}")
        if k and not cut and previous and (step := step_gaps.shown_rework(sentence, formulas[k - 1].body)):
            sentence = f"{previous[1]} {step} {sentence}".strip()  # ("Rearranging," shows what it rearranges)
        if _PROPERTY_LINE.fullmatch(sentence):
            sentence = ""  # ("tags: #activation" once its tags are gone introduces nothing)
        intros.append((title or (previous[0] if previous else ""), sentence))
    return intros


_LEADS_ON = CANNOT_END | {"have", "has", "get", "gets"}  # a paragraph's last word that goes on into the list after it


def _list_lead(before: list[str], previous: Block | None) -> str:
    """The sentence that introduces the list a formula's item is in ("Given a query $q$ and a set of key–value
    pairs:" over "1. score each key: $e_j = …$"): the last line before the item that ends with a colon, or the
    paragraph before the list when it does or breaks off on a word that leads into the list ("… with"); '' when
    none does."""
    lines = [line for line in before if line.strip()]
    if len(lines) > 1 and (earlier := [ln for ln in lines[:-1] if not LIST_ITEM.match(ln)]) and \
            earlier[-1].rstrip().endswith(":"):
        return last_sentence(clean_prose(earlier[-1]))
    if len(lines) == 1 and previous is not None:
        text = " ".join(ln.text for ln in previous.lines if ln.kind == TEXT).strip()
        if (text.endswith(":") or text.rsplit(None, 1)[-1:] and text.rsplit(None, 1)[-1] in _LEADS_ON) \
                and not LIST_ITEM.match(text):  # ("… there are constants $C_1, C_2$ with" over "- agnostic:")
            return last_sentence(clean_prose(text))
    return ""


@functools.lru_cache(maxsize=4096)  # (pure: the same text is asked again, by another form or card)
def introduction(prose: str) -> str:
    """The sentences of `prose` that introduce the formula after it: its last sentence (a pointer "See this page
    for an example." left out), with the sentences before it while together they stay short, so that what the
    paragraph says the formula is reaches the front ("AP is the mean of the precisions at the relevant ranks. It
    rewards …"). A tutorial's narration before it stays out."""
    prose = LIST_ITEM.sub("", prose.strip())
    if (label := STATEMENT.match(prose)) and "**" in prose:  # ("**Definition**. (Tu, p. 3) Let …": its label and
        prose = prose[label.end():]  # source are no part of what the formula is)
    found = sentences(prose)
    while len(found) > 1 and _POINTER.match(found[-1]):
        found.pop()
    text = " ".join(s.strip() for s in found)
    last = last_sentence(text)
    if not text.endswith(last) or sets_up_example(last):
        return last  # (clipped: long already; or an example's set-up, which the caller leaves out)
    words = len(last.split())
    lead = sentences(text[:len(text) - len(last)].rstrip())
    while lead and has_words(lead[-1], 2) and words + len(lead[-1].split()) <= _LEAD_WORDS and \
            not is_fragment(lead[-1].strip()) and not _POINTER.match(lead[-1]) and not _TASK.match(lead[-1]) \
            and not narrates(lead[-1]):
        words += len(lead[-1].split())
        last = f"{lead.pop().strip()} {last}"
    return last


def _ends_list(lines: list[str]) -> bool:
    """Whether a paragraph ends with a list of several items whose last says nothing of a formula to come ("- In
    linear regression: activation = output"): a formula set apart after it is not that item's, and its heading
    says what it is."""
    items = [k for k, line in enumerate(lines) if line[:1] in "-*+0123456789" and LIST_ITEM.match(line)]
    return len(items) >= 2 and not " ".join(lines[items[-1]:]).rstrip("*_ \t").endswith(":")


def _illustrates(intro: str, body: str) -> bool:
    """Whether the sentence before a formula works on numbers the formula does not hold ("Take 15: it factors into
    3 and 5, and 3 times 5 gives 15 back"): an analogy leading up to it, which says nothing of what it is."""
    if not any(ch.isdigit() for ch in intro):
        return False  # (no number in the introduction, none in its last sentence: said before finding that)
    intro = last_sentence(intro)  # (the sentence that leads to the formula: not one before it, "Typical: 1–10% …")
    numbers = _PROSE_NUMBER.findall(_INLINE_MATH.sub(" ", intro)) if any(ch.isdigit() for ch in intro) else []
    return len(numbers) >= _ANALOGY_NUMBERS and not set(numbers) & set(_PROSE_NUMBER.findall(body))


# A list item's label and a reference on its line: "1. *Policy evaluation*: compute $V^\pi$ (solve @eq-pe …)"
_ITEM_LABEL = re.compile(r"[ \t]*(?:[-*+]|\d+[.)])[ \t]+[*_]{0,2}([^*_:\n]{3,40}?)[*_]{0,2}:[ \t][^\n]*")


def _named_by_reference(body: str, label: str) -> str:
    """The name a list item gives a formula it refers to by its label ("1. *Policy evaluation*: compute $V^\\pi$
    (solve @eq-pe …)" names `{#eq-pe}` "Policy evaluation"); '' when no item does."""
    for line in body.splitlines() if label in body else ():
        if (f"@{label}" in line or f"`{label}`" in line) and (item := _ITEM_LABEL.fullmatch(line)):
            return item.group(1).strip()
    return ""


def _joining(formulas: list[Formula]) -> list[Formula]:
    """The formulas right after one with no prose between (its card's back holds them too)."""
    joined = []
    for formula in formulas:
        if any(line.strip() for line in formula.before):
            break
        joined.append(formula)
    return joined


def add_formula(ex, title: str, intro: str, formula: Formula, form: str, again: bool = False,
                bodies: list[str] | None = None) -> None:
    """One formula card; its id comes from the formula, so two formulas never share one (`again`: a formula a card
    has already, stated for another case: its id comes from the formula and that case). `bodies`: the formulas its
    back holds, whose left sides a front shows when its introduction does not say what they are of."""
    path = " › ".join(p for p in (ex.heading_path(), clean_prose(title)) if p)
    if not has_words(intro, 1) or _illustrates(intro, formula.body):
        intro = ""
    if ex.chain is not None and _BARE_LINK.fullmatch(intro):  # ("with" over "- $m(x) = …$": the formula above's
        shown = ex.chain.front.split("\n\n", 1)[-1]  # symbols, asked with that formula on the front; the next item
        link = intro.strip()  # under the same "with" goes on the same card)
        intro = shown if shown.endswith(f"$$\n\n{link}") else f"$${ex.chain_last}$$\n\n{link}"
    referred = not intro and bool(formula.label)
    if referred:
        intro = _named_by_reference(ex.body, formula.label)  # ("1. *Policy evaluation*: solve @eq-pe …")
    if intro and _SETS_UP.match(intro) and _unnamed_by(intro, path, names := quantity_names(formula.body)):
        path = " › ".join(p for p in (path, " and ".join(names)) if p)  # ("Metrics › MAE and RMSE")
    shown = leadins.lead_cards(ex, path, intro, formula.line) if intro else intro
    if shown and shown == intro and not referred:  # ("Using Taylor expansion" asks nothing: "…: $L(y_i, p_i+O)
        # \approx$ …"; the name a list item gives it by reference says what it is)
        shown = legend_intros.with_asked_sides(firstwords.asked_intro(intro, bodies or [formula.body]),
                                               bodies or [formula.body])  # ("Position $q$ = …; …": a legend)
        shown = legend_intros.completed_by_sides(shown, bodies or [formula.body])  # ("where … and": the formula
        # goes on from it)
    parts = [p for p in (path, shown) if p]  # (a Quarto label, `{#eq-…}`, is for cross-references: not shown)
    titled = bool(title) or bool(ex.headings and ex.headings[-1][0] == 0)  # in a callout: its title says it
    if not intro and not titled:
        if " › " in path and _GENERIC_HEADING.fullmatch(path.rsplit(" › ", 1)[1]) and \
                f"{path.rsplit(' › ', 1)[0]}\n\n{FALLBACK}" not in ex.formula_fronts:  # (not two sections' formulas
            path = path.rsplit(" › ", 1)[0]  # on one card) ("LambdaRank › Detail / Formula": "LambdaRank / Formula")
            parts = [path]
        if not path:
            parts.append(f"{FALLBACK} from {ex.ctx.title or PurePosixPath(ex.ctx.path).stem}")
        elif len(names := _unsaid_names(formula.body, path)) > 1:
            parts.append(" and ".join(names))  # ("Set-based metrics / Precision@k and Recall@k": which are asked)
        elif (name := quantity_name(formula.body)) and name[:1].isupper() \
                and re.sub(r"\W", "", name.casefold()) not in re.sub(r"\W", "", path.casefold()):
            parts.append(name)  # ("Choosing the order / AIC" for `\text{AIC} = 2k - 2\ln\hat L`)
        elif "formula" not in path.rsplit(" › ", 1)[-1].lower():  # ("Sigmoid › Formula" says it already)
            parts.append(FALLBACK)
        ex.err(formula.line, "formula card has no sentence introducing it, so its front is only the heading "
                             "path (write what the formula is, ending with a colon, before it)",
               Severity.WARNING, "formula-front")
    id_front = ""
    if not intro and not titled and parts[-1] == FALLBACK:
        id_front, parts = named_by_bullet(ex.formula_fronts, parts, path, formula.lines_above())
    back = f"$${formula.body}$$" + (f"\n\n{formula.where}" if formula.where else "")
    draft = Draft(CardKind.FORMULA, "\n\n".join(parts), back, formula.line, form=form,
                  formulas=[formula.body, intro] if again else [formula.body], id_front=id_front)
    if ex.add_formula_draft(draft):
        ex.chain, ex.chain_last = draft, formula.body
        if id_front:  # (a formula after it in the same bullet, which its bullet names no more, joins its card)
            ex.formula_fronts[id_front] = draft


def inline_formula_cards(ex, block: Block) -> None:
    """With `formulas = "inline"`: a card per inline equation that states a relation."""
    # The sentence around an inline equation is prose: display math and code in the paragraph become "…".
    text = "\n".join([ln.text if ln.kind == TEXT else "…" for ln in block.lines])
    spans = mask_inline(text)[1]
    displays = [(start, end) for start, end in spans if text.startswith("$$", start)]
    for start, end in spans:
        eq = text[start:end]
        if eq.startswith("$$"):
            continue
        body = eq[1:-1] if eq.startswith("$") else eq[2:-2]
        if not RELATION.search(body) or len(body.strip()) < 8 or is_worked_example(body):
            continue
        key = " ".join(body.split())
        if key in ex.formulas_seen:
            continue
        ex.formulas_seen[key] = ""
        sentence = clean_prose(sentence_around(text, start, end, displays))
        if not has_words(sentence):
            sentence = FALLBACK
        line = block.start + text.count("\n", 0, start)
        ex.emit([Draft(CardKind.FORMULA, prefix_heading(ex.heading_path(), sentence), f"${body}$", line,
                       form="inline-formula", formulas=[body])])
    ex.chain = None
