"""Remarks on a formula: the paragraph right after a display formula that says what the formula means, implies or
is made of. Its front shows the formula and names what the paragraph speaks of.

    Plugging the recursive return into the definition gives the Bellman expectation equation:
    $$ V^\\pi(s) = \\sum_a \\pi(a \\mid s) \\sum_{s'} P(s' \\mid s,a)[R + \\gamma V^\\pi(s')] $$ {#eq-bellman-exp}
    For a fixed policy, @eq-bellman-exp is a linear system in the |S| unknowns, so you can solve it directly: …
      →  Value functions › For a fixed policy  ($$V^\\pi(s) = …$$ under it)  /  the paragraph

A blog or a book explains a formula in the paragraph after it ("The bracket is the TD error", "That max makes it
nonlinear", "$\\lambda = 0$ is the one-step TD advantage"). That paragraph opens on no subject of its own, so it is no
paragraph card (`paragraphs`), and joined to the formula's card it hides under a front that asks for the formula only.
A card of its own asks for it: the formula on the front, and the part of it the paragraph speaks of ("The bracket",
"The max") or the case it states ("For a fixed policy"). Only a paragraph that speaks of the formula is taken: one that
points back at it, names one of its parts, refers to it (`@eq-…`) or holds math; one with a subject of its own goes on
with the section. Pure: the paragraph, its formula and the heading path in, (front, back) out.
"""

from __future__ import annotations

import re

from mlwiki.extract.blocks import Block, text_of
from mlwiki.extract.claims import AUX, DOES
from mlwiki.extract.closings import FORMULA_FORMS, is_legend
from mlwiki.extract.formula_cards import quantity_name
from mlwiki.extract.formula_predicates import predicate_of_formula
from mlwiki.extract.label_cuts import value_name
from mlwiki.extract.lines import LIST_ITEM, MATH, TEXT, Line
from mlwiki.extract.openers import opener_cue, opener_label, without_opener
from mlwiki.extract.paragraphs import lead_subject
from mlwiki.extract.subject import sets_example_values
from mlwiki.extract.passages import narrates, passage, works_numbers
from mlwiki.extract.prose import clean_prose, sentences

FORM = "remark"
MIN_WORDS = 10  # ("Not a theorem though." says nothing alone)
MAX_CUE_WORDS = 4
MAX_CLAIM_SENTENCES = 2  # (a longer remark says more than the one claim its first sentence makes)
# A paragraph that speaks of the formula before it: points back at it ("This …", "That max …", "It …"),
# names a part of it ("The bracket …", "The first term …", "The min …") or refers to it ("@eq-td0", "Equation 3")
_POINTS_BACK = re.compile(r"(?:This|That|These|Those|It|Its|Here|Note that|Notice that)\b")
_PART = re.compile(r"(?i)the (?:\w+ )?(?:term|terms|bracket|brackets|sum|min|max|minimum|maximum|ratio|numerator|"
                   r"denominator|expectation|update|error|gradient|constant|factor|penalty|exponent|log|logarithm|supremum|infimum|"
                   r"square root|fraction|integral|product|clip|clipping|target|operator|kernel|normali[sz]er|"
                   r"left[- ]hand side|right[- ]hand side|first|second|third|last)\b")
# A paragraph that goes on from the formula: what follows from it ("So …", "Hence …", "In words: …")
_GOES_ON = re.compile(r"(?:So|Thus|Hence|Therefore|Equivalently|Intuitively|In words|In other words|That is|I\.e\.)"
                      r"(?![\w'’])[,:]?[ \t]+")
# ... or a little later ("With a Lagrange multiplier this gives $Sw = \lambda w$: …")
_POINTS_BACK_SOON = re.compile(r"(?:[^\s.]+[ \t]+){1,5}(?:this|it)[ \t]+"
                               r"(?:gives|becomes|means|reduces|simplifies|yields)\b")
# ... or judges its value ("Lower is better, $0$ means identical …")
_JUDGES = re.compile(r"(?:Lower|Higher|Smaller|Larger|Bigger|Greater)(?: values?)? (?:is|are|means?)\b")
# ... or says what it does with its subject left out, as notes do ("Must be monotonically decreasing in $t$.",
# "Grows linearly with the batch size.")
_SUBJECTLESS = re.compile(r"(?:Must|Should|Has to|Needs to|Cannot|Can't|Can|Is|Are|Grows|Decreases|Increases|Goes|"
                          r"Equals|Depends|Holds|Reduces to|Becomes)\b(?! (?:you|we|I)\b)")
_SYMBOL = re.compile(r"The \$[^$\n]{1,12}\$ ")  # ("The $1$ means the gradient …": a symbol of the formula)
_REFERS = re.compile(r"@eq-|\{eq\}`|\b(?:[Ee]quation|[Ee]q\.|formula)\b")  # (Quarto's and MyST's references too)
# The case a paragraph states first ("For a fixed policy, …", "When $\lambda = 0$, …", "In practice, …"): its cue
_CASE = re.compile(r"(?:For|When|With|Without|Under|If|In|At)\b(?:[^,.;:!?$]|\$[^$\n]*\$){2,60}?,[ \t]")
_NOT_CASE = re.compile(r"(?i)in (?:other words|short|words|summary|particular|general|contrast|addition|turn|this|that|"
                       r"which|our|your)\b")
_TO_READER = re.compile(r"(?:You|We|Let['’]s|Let us)\b")  # ("You can imagine several variants of this equation")
_ONE_WORD_MATH = re.compile(r"\$[^$\n]+\$")  # (a case's math counts as one word: "If $0 < \epsilon < 1$,")
_STATES_VALUE = re.compile(r"\$[^$\n]*(?:=|\\approx|\\to)[^$\n]*\$[.;,]?(?:\s|$)")  # "$r(\theta_0) = 1$."
# A claim a remark makes of a subject of its own, not reading the formula: when it holds ("KL is infinite when …",
# "The matrix $A$ is invertible if …") or how it is done ("It is solved by conjugate gradient …")
_WORD_OR_MATH = r"(?:[A-Za-z][\w-]*|\$[^$\n]{1,40}\$)"
_CLAIM = re.compile(rf"(?P<subj>It|This|That|(?:(?:The|A|An) )?{_WORD_OR_MATH}(?: {_WORD_OR_MATH}){{0,2}})"
                    r" (?P<verb>is|are) (?:always |only |also )?(?:(?P<adj>[a-z][a-z-]{2,}|\$[^$\n]{1,20}\$),? "
                    r"(?:if|iff|when|whenever|only if|as long as|provided)\b|(?P<done>[a-z]{3,}(?:ed|en)) "
                    r"(?:by|with|via|using|through)\b)")
_POINTER_WORD = re.compile(r"(?:That|This|These|Those)(?= )")
# The formula's own sentence going on with what its symbols are: "where $E$ is the irreducible loss …", "with scale $s
# = …$ and zero-point $z$ …" (a card of its own with the formula on its front; alone it would say nothing)
_LEGEND_OF = re.compile(r"(?:where|with)\b[^.$]{0,30}\$[^$\n]+\$[ \t]*(?:is|are|=|denotes|the|being|,|and\b)")
_PARTS = re.compile(r"\\q?quad\b|[,;]|\\\\|\\text\{\s*(?:and|or)\s*\}")  # between the equations of one display
_DISPLAY_END = re.compile(r"(?:\$\$|\\\]|\\end\{[a-z*]+\})[ \t]*(?:\{#[\w:-]+\}|\(\w[\w:-]*\))?[ \t]*$")


def ends_with_display(block: Block) -> bool:
    """Whether a block's last line ends a display formula (`$$`, `\\]`, `\\end{…}`, with a Quarto or MyST label)."""
    last = block.lines[-1]
    return last.kind == MATH or bool(_DISPLAY_END.search(last.text))


# A clause that goes on from the formula's sentence with a fact of its own: "and the update is …", "and its mean
# is …"
_AND_CLAUSE = re.compile(r"and[ \t]+(?=(?:the|its|their|each|every)[ \t]+[^.;:$\\]{1,40}?[ \t](?:is|are)[ \t]+\S)")


def remark_card(path: str, block: Block, formula: str, declined: bool) -> tuple[str, str] | None:
    """(front, back) for the paragraph right after a display formula when it speaks of that formula; None when it
    is a list, narrates, says too little, or has a subject of its own. (The caller leaves out a paragraph that
    introduces the formula after it.)"""
    first = block.lines[0]
    if first.kind != TEXT or not formula.startswith("$$"):
        return None
    names = quantity_names(formula)
    listed = bool(LIST_ITEM.match(first.text))
    legend = listed and is_legend(first.text) and any(ln.text[:1].isspace() and LIST_ITEM.match(ln.text)
                                                      and not is_legend(ln.text) for ln in block.lines[1:])
    if listed and not legend and not _names_one(LIST_ITEM.sub("", first.text, count=1), names):
        return None  # (a list after a formula speaks of it when its first item opens on a name it defines, or says
        # what its symbols are and, nested under them, why: "- $\mu$ = global mean …" / "  - biases soak up …")
    text = " ".join(" ".join(ln.text for ln in block.lines if ln.kind == TEXT).split())
    found = _remark(path, block, formula, declined, names, legend if listed else None, text)
    if not listed and _LEGEND_OF.match(text) and not sets_example_values(text) \
            and (said := passage([block], labelled=True, declined=declined)) is not None \
            and len(clean_prose(said).split()) >= MIN_WORDS:  # ("where $E$ is the irreducible loss …": the whole
        return (found[0] if found else f"{path} › What its symbols mean\n\n{formula}"), said  # paragraph, under
    return found  # the front the rest of it would have had


def _remark(path: str, block: Block, formula: str, declined: bool, names: list[str], legend: bool | None,
            text: str) -> tuple[str, str] | None:
    """`remark_card` without the legend a paragraph may open with ("where $E$ is …"); `legend`: None for a
    paragraph, else whether the list opens on one."""
    first, listed = block.lines[0], legend is not None
    found = sentences(text) if not listed else [LIST_ITEM.sub("", first.text, count=1)]
    said_of = predicate_of_formula(found[0]) if found and found[0][:1].islower() and not listed else ""
    if found and found[0][:1].islower():
        clause = _AND_CLAUSE.match(found[0])  # ("and the update is $\tau \leftarrow …$.": a fact of its own, kept)
        found = [found[0][clause.end()].upper() + found[0][clause.end() + 1:], *found[1:]] if clause else found[1:]
        # ("with $\epsilon \approx 0.2$. The min makes it …": the formula's own sentence ends)
        block = Block(TEXT, [Line(first.no, " ".join(found), TEXT)])
    if not found or not (speaks_of_formula(found[0]) or _names_one(found[0], names)) or _TO_READER.match(found[0]) \
            or sets_example_values(found[0]):
        return None  # (speaks of no formula, to the reader, "You can imagine several variants of this …", or works
        # an example: "With $\alpha = 0.8$ and $\gamma = 4$, about 3.4 tokens …")
    if goes_on := _GOES_ON.match(found[0]):  # ("So cross-entropy = negative log-likelihood …": what follows from
        rest = found[0][goes_on.end():]       # it, read alone without its "So"; not a tutorial's "In other words, we")
        if rest[:3].casefold() == "we ":
            return None
        block = Block(TEXT, [Line(first.no, " ".join([rest[:1].upper() + rest[1:], *found[1:]]), TEXT)])
    back = passage([block], declined=declined)
    if back is None or narrates(back) or len(clean_prose(back).split()) < MIN_WORDS:
        return None
    if goes_on:
        back = " ".join(found)
    back = without_opener(back)  # ("Notice the dependence: …": its cue is on the front)
    if said_of:
        back = f"{said_of} {back}"  # (the reason what follows rests on: "… now blows up where …. So …")
    if listed:
        return f"{path} › {'What its symbols mean' if legend else 'What it says'}\n\n{formula}", back
    return f"{path} › {_cue([clean_prose(sentence) for sentence in found])}\n\n{formula}", back


MIN_LIST_ITEMS, MAX_LIST_ITEMS = 2, 6  # a short list after a formula: what it says, item by item
MIN_ITEM_WORDS = 3
MAX_LIST_WORDS = 120  # (a back a learner can recall)


def list_remark(path: str, block: Block, formula: str, declined: bool) -> tuple[str, str] | None:
    """(front, back) for a short list right after a display formula that no card holds: what its symbols mean when
    every item opens on one ("- $\\mu$: global mean rating", "- $b_u$: user bias"), else what it says of the formula
    ("- wavelengths form a geometric progression …", "- $PE_{pos+k}$ is a linear function of $PE_{pos}$ …"). Its
    front shows the formula, as `remark_card`'s does. None for a list that works an example, asks, holds nested
    branches (an outline's) or is too long or too short to recall."""
    lines = [ln for ln in block.lines if ln.kind == TEXT]
    if not lines or len(lines) != len(block.lines) or not formula.startswith("$$") \
            or any(ln.text[:1].isspace() and LIST_ITEM.match(ln.text) for ln in lines):
        return None
    items = [LIST_ITEM.sub("", ln.text, count=1) for ln in lines if LIST_ITEM.match(ln.text)]
    if not LIST_ITEM.match(lines[0].text) or not MIN_LIST_ITEMS <= len(items) <= MAX_LIST_ITEMS:
        return None
    legend = all(is_legend(ln.text) for ln in lines if LIST_ITEM.match(ln.text))
    said = [clean_prose(item) for item in items]
    if any(text.rstrip().endswith(("?", ":")) for text in said) \
            or any(sets_example_values(item[:1].upper() + item[1:]) or works_numbers(item) for item in items) \
            or not legend and any(len(text.split()) < MIN_ITEM_WORDS for text in said):
        return None  # (a question left open, an item introducing what follows, made-up values, a bare label)
    back = passage([block], labelled=True, declined=declined)
    if back is None or back.count("\n") != len(lines) - 1 or len(clean_prose(back).split()) > MAX_LIST_WORDS:
        return None  # (an item left out as a link or a to-do: the list is not what it says)
    return f"{path} › {'What its symbols mean' if legend else 'What it says'}\n\n{formula}", back


def opens_legend(text: str) -> bool:
    """Whether a paragraph goes on from the formula before it with what its symbols are ("where $T$ is …")."""
    return bool(_LEGEND_OF.match(text))


def before_last_item(block: Block) -> Block | None:
    """A list without its last top-level item (with what is nested under it): the item that introduces the formula
    after the list; None when the block is no list of two items or more."""
    starts = [k for k, ln in enumerate(block.lines) if ln.kind == TEXT and ln.text[:1] not in " \t"
              and LIST_ITEM.match(ln.text)]
    if len(starts) < 2 or starts[0] != 0:
        return None
    return Block(block.kind, block.lines[:starts[-1]])


def quantity_names(formula: str) -> list[str]:
    """The names a display formula defines on the left sides of its equations ("MAE", "RMSE" of "$$\\text{MAE} =
    …, \\qquad \\text{RMSE} = …$$")."""
    names = (quantity_name(part) for part in _PARTS.split(formula.strip("$")))
    return [name for name in dict.fromkeys(names) if name]


def _names_one(sentence: str, names: list[str]) -> bool:
    """Whether a sentence opens on one of the names a formula defines ("MASE < 1 → better than …", "MAE is
    minimised by …"): it speaks of that formula."""
    head = clean_prose(sentence)
    return any(head.startswith(name) and not head[len(name):len(name) + 1].isalnum() for name in names)


def speaks_of_formula(sentence: str) -> bool:
    """Whether a paragraph's first sentence speaks of the formula before it (see `_POINTS_BACK`, `_PART`,
    `_REFERS`, `_GOES_ON`), or states a case of it or its symbols in math."""
    return bool(_POINTS_BACK.match(sentence) or _PART.match(sentence) or _SYMBOL.match(sentence) or _REFERS.search(sentence) or _JUDGES.match(sentence)
                or _GOES_ON.match(sentence) or _POINTS_BACK_SOON.match(sentence) or _SUBJECTLESS.match(sentence)
                or sentence.startswith(("$", "= ", "≈ ", "→ ")) or _CASE.match(sentence) and "$" in sentence
                or opener_label(sentence) is not None)  # ("Notice the dependence: …" reads the formula above)


def _cue(found: list[str]) -> str:
    """What the paragraph of these sentences speaks of: what the formula's symbols are (a legend), the case it states
    ("For a fixed policy"), unless a later sentence states another ("If … . If …"); or its first sentence's subject,
    a pointer made an article ("That max makes it nonlinear" → "The max"); else what any remark answers."""
    sentence = found[0]
    if (opened := opener_label(sentence)) is not None:
        return opener_cue(opened) or "What it says"  # ("Notice the dependence: …" → "The dependence")
    if is_legend(sentence) and not _STATES_VALUE.match(sentence):
        return "What its symbols mean"  # ("$K$ is the **kernel** …, $h > 0$ is the **bandwidth** …"; not "$r_t(\theta_
        # {old}) = 1$.", a value of the formula, which says what it gives)
    if len(found) <= MAX_CLAIM_SENTENCES and ";" not in sentence and not _PART.match(sentence) \
            and (asked := claim_question(sentence)):
        return asked  # ("It is solved by conjugate gradient …": how; "KL is infinite when …": when; not "The
        # first part is used when …", which reads the formula part by part, nor "It is optimal when …; …", a claim
        # with more after it than the question asks)
    if (case := _CASE.match(sentence)) and not _NOT_CASE.match(sentence) \
            and len(_ONE_WORD_MATH.sub("x", case.group()).split()) <= MAX_CUE_WORDS + 1 \
            and not any(later.startswith(sentence.split(None, 1)[0] + " ") for later in found[1:]):
        return case.group().rstrip(", \t")
    if pointer := _POINTER_WORD.match(sentence):  # ("That max makes …", not "This trades …": no noun to name)
        after = sentence[pointer.end():]
        word = after.split(None, 1)[0].casefold() if after.strip() else ""
        sentence = f"The{after}" if word and not (DOES.fullmatch(word) or word in AUX) else ""
    subject = lead_subject(sentence) if sentence else None
    if subject and len(subject.split()) <= MAX_CUE_WORDS and not any(c in subject for c in "$`"):  # (not "The
        # $\beta_t \in (0,1)$": a part named by its math only)
        return subject
    if named := value_name(sentence):
        return named  # ("Sum of the factors $= \\operatorname{tr} …$ = effective degrees of freedom")
    return "What it says"


def claim_question(sentence: str) -> str | None:
    """The question a remark's first sentence answers when it makes a claim of its own about a subject rather than
    reading the formula: "KL is infinite when …" → "When is KL infinite?", "It is solved by …" → "How is it
    solved?"; None for any other sentence."""
    if " is " not in sentence and " are " not in sentence:
        return None  # (a cheap test first: most remarks have neither)
    found = _CLAIM.match(sentence)
    if found is None:
        return None
    subject = found["subj"]
    subject = "it" if subject in ("It", "This", "That") else _said(subject)
    return f"{'How' if found['done'] else 'When'} {found['verb']} {subject} {found['adj'] or found['done']}?"


def _said(subject: str) -> str:
    """A subject as said inside a question: its article in lower case ("When is the matrix invertible?")."""
    head, _, tail = subject.partition(" ")
    return head.lower() + " " + tail if head in ("A", "An", "The") and tail else subject


def formula_above(ex, first: int, block: Block) -> str | None:
    """The display formula of the last formula card (of the cards from index `first` on) made from a block that
    ends with a display formula; None when the block ends otherwise or made no formula card."""
    draft = formula_card_above(ex, first, block)
    return displays_first(draft.back) if draft is not None else joined_formula(ex, first, block)


def joined_formula(ex, first: int, block: Block) -> str | None:
    """The display formula a block ends with when it joined the formula card of an earlier block as a derivation's
    next step ("then plugging in gives" over it: one card of both, the first's line), as that card shows it; what
    the paragraph after it says is of that formula. None for any other block."""
    if not ends_with_display(block):
        return None
    shown = next((text for ln in reversed(block.lines)
                  if ln.kind != TEXT and (text := ln.text.strip().strip("$").strip())), "")
    for drafts, _ in reversed(ex.drafts[first:]):
        if shown and drafts[0].form in FORMULA_FORMS and drafts[0].line < block.start and shown in drafts[0].back:
            if shown in displays_first(drafts[0].back):
                return None  # (displays in a row under one introduction: what follows them is the card's own)
            return next((part for part in drafts[0].back.split("\n\n") if part.startswith("$$") and shown in part), None)
    return None


def formula_card_above(ex, first: int, block: Block):
    """The last formula card (a `Draft`, of the cards from index `first` on) made from a block that ends with a
    display formula; None when the block ends otherwise or made no formula card."""
    if not ends_with_display(block):
        return None
    end = block.lines[-1].no
    for drafts, _ in reversed(ex.drafts[first:]):
        draft = drafts[0]
        if (draft.form in FORMULA_FORMS or defines_by_formula(draft)) and block.start <= draft.line <= end:
            return draft
    return None


def defines_by_formula(draft) -> bool:
    """Whether a card defines a term by a display formula alone ("**Autocorrelation**:" over "$$\\rho_k = …$$"): a
    formula card all the same, which the list after it speaks of."""
    return draft.form == "definition" and draft.back.startswith("$$") and bool(_DISPLAY_END.search(draft.back)) \
        and "\n\n" not in draft.back


def remark_cue(found: list[str]) -> str:
    """What a text of these sentences after a formula speaks of (`_cue`), its first word capitalised: notes write
    it in lower case ("temperature τ: …")."""
    cleaned = [clean_prose(sentence) for sentence in found]
    if cleaned and cleaned[0][:1].islower():
        cleaned[0] = cleaned[0][:1].upper() + cleaned[0][1:]
    return _cue(cleaned)


def chained_lines(body: list[Block], drafts: list) -> set[int]:
    """The lines of the section's blocks a derivation's card took after its first formula: the next formulas and the
    short links between them ("With $\\psi(z) = …$, the lemma gives"), on its back (`formula_cards._add_step`), so no
    other card holds them again."""
    backs = [d.back for d in drafts if d.form in FORMULA_FORMS and d.back.count("$$") > 2]
    if not backs:
        return set()
    found: set[int] = set()
    for block in body:
        said = clean_prose(text_of(block)) if block.lines[0].kind == TEXT else \
            "\n".join(ln.text for ln in block.lines if ln.text.strip() != "$$").strip()
        if said and any(back.find(said) > back.find("$$", 2) for back in backs if said in back):
            found |= {ln.no for ln in block.lines}
        elif said and (lone := _LONE_STEP.fullmatch(said)) and any(  # ("Last step: $…$." on a line of its own: on
                f"{lone[1]}:\n\n$${' '.join(lone[2].split())}$$" in back for back in backs):  # the back a step)
            found |= {ln.no for ln in block.lines}
    return found


_LONE_STEP = re.compile(r"([^$:\n]{1,60}):[ \t]*\$([^$]+)\$[ \t]*[.,;]?")


def displays_first(back: str) -> str:
    """The display formulas a formula card's back opens with (two formulas under one front: both, "$$v_0 = 0$$" and
    the recurrence; not the text a closing put after them)."""
    shown: list[str] = []
    for part in back.split("\n\n"):
        if not part.startswith("$$"):
            break
        shown.append(part)
    return "\n\n".join(shown) or back.split("\n\n", 1)[0]
