"""Side remarks under a formula's "What it says" card, each asked by what it is. A remark card "… › What it says"
(the formula on its front, `remarks`, `trailing`) whose prose back does not say what the formula says but holds
remarks of other kinds asks for all of them from a front that names none:

    $$\\text{BIC} = k \\ln n - 2 \\ln \\hat L$$
    $k$ = number of free parameters. Heavier penalty than AIC for $n > 7$. Drawback: assumes the true model is
    among the candidates.
      →  "… › What is $k$?"  /  "$k$ = number of free parameters."
         "… › What it says"  /  "Heavier penalty than AIC for $n > 7$."
         "… › Drawback"  /  "Drawback: assumes the true model is among the candidates."

The symbols its opening sentences define ("$k$ = …", "$s_i$ = …, $s_f$ = …", "$c_i$ is a …") are asked by those
symbols, when the formula holds them; each sentence led by a short label of its own ("Price: …", "Bonus: …",
"Downside: …", "Their other finding: …"), with the sentences after it up to the next label, is asked by that label; a
lone opening sentence that says how a symbol is set ("$K$ chosen by cross-validation") is asked how, one that says what
a symbol does ("$\\eta$ scales every step") is asked what (`formula_facts` asks a list's bullets so too). What is left
keeps the card's front and id; when nothing is, the first part takes that id. A label that names nothing ("Note:",
"So:", "Example:") starts no part. Pure: drafts in, drafts out.
"""

from __future__ import annotations

import re
from dataclasses import replace

from mlwiki.extract.lines import LIST_ITEM
from mlwiki.extract.openers import is_opener
from mlwiki.extract.passages import NO_SUBJECT
from mlwiki.extract.prose import sentences
from mlwiki.extract.remarks import FORM as REMARK_FORM

SAYS = " › What it says\n\n"
MAX_SYMBOLS_ASKED = 2  # ("What are $a$ and $b$?"; more: "What its symbols mean")
MAX_SYMBOL_CHARS = 30
# A label a sentence opens on: one to three words before a colon ("Price:", "Their other finding:")
_LABEL = re.compile(r"[*_]{0,2}(?P<label>[A-Z][\w'’-]*(?:[ \t]+[\w'’-]+){0,2})[*_]{0,2}[ \t]*:[*_]{0,2}[ \t]+(?=\S)")
# Words a label made of is a clause or a case, not a name ("Seen by everyone:", "For logistic:", "Here it is:"), or a
# conjunction that goes on from the sentence before ("Read as: … . Or: …": a second reading of the same formula)
_NOT_A_NAME = re.compile(r"(?i)\b(?:or|and|also|alternatively|by|of|for|in|on|at|to|from|with|as|if|when|is|are|was|were|be|it|this|that|"
                         r"these|we|you|so|thus|hence|then|equivalently|intuitively|i\.e|e\.g|eg|example|examples|"
                         r"proof|words|short|sum|summary|recall|reading|note|notes|nb|ps|aside)\b")
_SYMBOL = r"\$(?P<sym>[^$=<>\n]{1,%d})\$" % MAX_SYMBOL_CHARS
# One symbol, not a term of the formula ("$\bar c$", "$\lambda_1$", "$K$"; not "$(1 - p)^k$", which reads the formula)
_ONE_SYMBOL = (r"\$(?P<sym>(?:\\(?:bar|hat|tilde|mathbf|boldsymbol)[ \t]*\{?[ \t]*\\?[A-Za-z]+\}?|\\[A-Za-z]+|[A-Za-z])"
               r"(?:_\{[^{}$\n]{1,12}\}|_\w)?(?:\^\{[^{}$\n]{1,12}\}|\^\w)?)\$")
# A clause that says what a symbol is: "$k$ = number of …", "$c_i$ is a one-hot …", "$\Lambda$ the covariance …",
# "$H_0$: no effect" (words after it, not a value: "$\lambda$ = 0.1" sets one)
_DEFINES = re.compile(_SYMBOL + r"[ \t]*(?:=|:|(?:is|are)[ \t]+(?:the|an?)\b|denotes\b|(?=the\b))[ \t]*[*_]{0,2}"
                      r"(?=[A-Za-z])")
_QUOTED_NEXT = re.compile(r"(?<=[.!?])[ \t]+(?=[\"“][A-Z])")  # (a sentence that opens on a quote: '"Second order" …')
_SENTENCE_IN = re.compile(r"[.!?][ \t]+[\"“A-Z]")  # (a sentence the split left in: '… $x$. "Second order" because …')
_NEXT_CLAUSE = re.compile(r"[,;][ \t]+(?:and[ \t]+)?(?=\$)|[ \t]+and[ \t]+(?=\$)")
# "$\bar c$ affects the speed …", "$\lambda$ shrinks the weights …": what a symbol does, a verb in the present after it
_DOES = re.compile(_ONE_SYMBOL + r"[ \t]+(?P<verb>[a-z]{3,}s)[ \t]+(?=[*_]{0,2}[a-z(])")
_NOT_DOING = frozenset("is was has does goes".split())  # (a verb a question asks with other words)
# "$K$ chosen by AICc", "$\lambda$ set with cross-validation": how a symbol is set, its "is" left out
_SET_BY = re.compile(_ONE_SYMBOL + r"[ \t]+(?P<done>[a-z]{3,}(?:ed|en))[ \t]+(?:by|with|via|using|through|from)\b")


def said_parts(drafts: list) -> list:
    """The drafts with each "What it says" remark card whose back holds side remarks (see the module's doc) split
    into a card per remark, each after the card it came from; any other draft as it was."""
    fronts = {d.front for group, _ in drafts for d in group}
    out = []
    for group, heading in drafts:
        draft = group[0]
        if len(group) == 1 and draft.form == REMARK_FORM and (asked := _unrepeated(draft.front, draft.back)) \
                and asked not in fronts:  # ("MCSE › MCSE" over "MCSE is simulation noise …": "What is MCSE?")
            group = [draft := replace(draft, front=asked, id_front=draft.id_front or draft.front)]
            fronts.add(asked)
        parts = remark_parts(draft.front, draft.back) \
            if len(group) == 1 and draft.form == REMARK_FORM and SAYS in draft.front else None
        if parts is None or any(front in fronts for front, _ in parts if front != draft.front):
            out.append((group, heading))  # (a front another card has: that card would be lost, so none)
            continue
        id_front = draft.id_front or draft.front  # (the card's history stays with the part that keeps its front,
        keeps = not any(front == draft.front for front, _ in parts)  # else with the first part)
        for k, (front, back) in enumerate(parts):
            own = front == draft.front or keeps and not k
            out.append(([replace(draft, front=front, back=back,
                                 id_front=id_front if own else f"{REMARK_FORM}: {front}")], heading))
            fronts.add(front)
    return out


def remark_parts(front: str, back: str) -> list[tuple[str, str]] | None:
    """(front, back) per part of a "What it says" card's prose back (see the module's doc), the card's own front for
    what it says; None when the back is a list or one part that keeps that front."""
    if any(LIST_ITEM.match(line) for line in back.split("\n")) or "$$" in back or "```" in back:
        return None
    path, formula = front.split(SAYS, 1)
    said = [(k, piece) for k, paragraph in enumerate(back.split("\n\n"))
            for sentence in sentences(" ".join(paragraph.split())) for piece in _QUOTED_NEXT.split(sentence)]
    cut = [k for k, (_, sentence) in enumerate(said) if k and _label(sentence)]
    lead, labelled = said[:cut[0]] if cut else said, [said[a:b] for a, b in zip(cut, cut[1:] + [len(said)])]
    if not cut and said and _label(said[0][1]):
        lead, labelled = [], [said]  # ("Problem: states come from …": the whole back under its label)
    parts = [(f"{path} › {_label(part[0][1])}\n\n{formula}", _text(part)) for part in labelled]
    legend, symbols = _legend(lead, formula)
    rest = lead[legend:]
    if rest:
        asked = _asked(rest, formula)
        parts.insert(0, (f"{path} › {asked}\n\n{formula}" if asked else front, _text(rest)))
    if legend:
        parts.insert(0, (f"{path} › {_symbols_question(symbols)}\n\n{formula}", _text(lead[:legend])))
    return None if len(parts) == 1 and parts[0][0] == front else parts


def _unrepeated(front: str, back: str) -> str:
    """A remark's front whose cue only repeats the heading it is under ("… › MCSE › MCSE", the formula under it)
    asked as what its first sentence answers: "What is MCSE?" for "MCSE is simulation noise …", else what the formula
    says; '' for any other front."""
    head, _, formula = front.partition("\n\n")
    path, _, cue = head.rpartition(" › ")
    if not formula.startswith("$$") or not path or path.rsplit(" › ", 1)[-1].casefold() != cue.casefold():
        return ""
    said = sentences(" ".join(back.split()))
    verb = re.match(rf"[*_]*{re.escape(cue)}[*_]*[ \t]+(is|are)\b", said[0], re.I) if said else None
    return f"{path} › What {verb[1]} {cue}?\n\n{formula}" if verb else f"{path}{SAYS}{formula}"


def _label(sentence: str) -> str:
    """The label a sentence opens on, as a front says it ("Price: …" → "Price"); '' when it opens on none, or on
    words that name nothing (a clause, a case, an opener, "Note:")."""
    found = _LABEL.match(sentence)
    if found is None:
        return ""
    label = found["label"].strip()
    if _NOT_A_NAME.search(label) or NO_SUBJECT.fullmatch(label) or is_opener(label.split()):
        return ""
    return label


def _legend(lead: list[tuple[int, str]], formula: str) -> tuple[int, list[str]]:
    """How many of the opening sentences only say what symbols of the formula are, and those symbols."""
    found: list[str] = []
    for k, (_, sentence) in enumerate(lead):
        symbols = _defined(sentence, formula)
        if not symbols:
            return k, found
        found += [s for s in symbols if s not in found]
    return len(lead), found


def _defined(sentence: str, formula: str) -> list[str]:
    """The symbols a sentence says what they are, clause by clause ("$i$ = input size, $k$ = kernel size"), when
    each clause does and the formula holds each symbol; [] else."""
    shown = _bare(formula)
    if _SENTENCE_IN.search(sentence.rstrip()):
        return []
    symbols = []
    for clause in _NEXT_CLAUSE.split(sentence):
        found = _DEFINES.match(clause)
        if found is None or _bare(found["sym"]) not in shown:
            return []
        symbols.append(found["sym"].strip())
    return symbols


def _bare(math: str) -> str:
    """Math without its spaces and braces: how a symbol is looked for in a formula (`d_{tx}` in `d_{tx} = 0`)."""
    return re.sub(r"[\s{}]", "", math)


def _symbols_question(symbols: list[str]) -> str:
    """What a legend of these symbols answers: "What is $k$?", "What are $s_i$ and $s_f$?", "What its symbols
    mean"."""
    if len(symbols) == 1:
        return f"What is ${symbols[0]}$?"
    if len(symbols) <= MAX_SYMBOLS_ASKED:
        return f"What are ${symbols[0]}$ and ${symbols[1]}$?"
    return "What its symbols mean"


def _asked(rest: list[tuple[int, str]], formula: str) -> str:
    """The question a lone sentence left after the legend and the labelled parts answers when it says how a symbol
    of the formula is set ("$K$ chosen by AICc" → "How is $K$ chosen?") or what one does ("$\\eta$ scales …");
    '' else (it keeps "What it says")."""
    if len(rest) != 1:
        return ""
    sentence = rest[0][1]
    found = _SET_BY.match(sentence)
    if found is not None and _bare(found["sym"]) in _bare(formula):
        return f"How is ${found['sym'].strip()}$ {found['done']}?"
    return does_question(sentence, formula)  # (a claim of its own, "It is optimal when …", `remarks` asks already)


def legend_question(sentence: str, formula: str) -> str:
    """What a sentence that only says what symbols of the formula are answers ("$k$ = number of …" → "What is
    $k$?"); '' for any other sentence."""
    symbols = _defined(sentence, formula)
    return _symbols_question(symbols) if symbols else ""


def does_question(sentence: str, formula: str) -> str:
    """What a sentence that opens on a symbol of the formula and what it does answers ("$\\bar c$ affects the speed
    of convergence" → "What does $\\bar c$ affect?"); '' for any other sentence."""
    found = _DOES.match(sentence)
    if found is None or found["verb"] in _NOT_DOING or _bare(found["sym"]) not in _bare(formula):
        return ""
    return f"What does ${found['sym'].strip()}$ {_base_form(found['verb'])}?"


def _base_form(verb: str) -> str:
    """A verb's form after "does": "affects" → "affect", "pushes" → "push", "applies" → "apply"."""
    if verb.endswith("ies"):
        return verb[:-3] + "y"
    if verb.endswith(("shes", "ches", "sses", "xes", "zes")):
        return verb[:-2]
    return verb[:-1]


def _text(part: list[tuple[int, str]]) -> str:
    """The sentences of a part as a back: those of one paragraph on one line, the paragraphs apart."""
    paragraphs: dict[int, list[str]] = {}
    for k, sentence in part:
        paragraphs.setdefault(k, []).append(sentence)
    return "\n\n".join(" ".join(said) for said in paragraphs.values())
