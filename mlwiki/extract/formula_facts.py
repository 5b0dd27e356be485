"""Separate facts in the list after a display formula, a card each. A remark card "… › What it says" (the formula on
its front, `remarks.list_remark`, `trailing`) over a list of bullets that each state a fact of their own about the
formula — a property, what a value of it means, a case, a use — asks for all of them at once from a front that tells
none apart:

    $$\\hat y = \\ell_t, \\qquad \\ell_t = \\alpha y_t + (1-\\alpha)\\ell_{t-1}$$
    - $\\alpha$ close to 1 → reacts fast, mostly to the last value
    - start value: the first observation, or fitted with $\\alpha$
    - $\\alpha$ and $\\ell_0$ are estimated by minimising the squared errors
      →  "… › $\\alpha$ close to 1 →", "… › Start value", "… › How are $\\alpha$ and $\\ell_0$ estimated?"

Each bullet whose form says what it answers becomes a card "path › cue" with the formula still on its front: the
question its sentence asks (`bullet_claims`, `remarks.claim_question`), the label it opens on ("usual order in
ResNet: …", "$H_0$: …", "noise distribution = …"), its own first clause before an arrow or a "so" ("small batches
→ …", "$k = 3$ → …"), what the formula's symbols it names are or what one does ("$\\gamma$ = minimum gain …" →
"What is $\\gamma$?", "$\\lambda$ shrinks the weights …" → "What does $\\lambda$ shrink?", `said_parts`), or else the
subject it names ("the feature space is …"). A bullet with none of these, one that points back at the others ("both
…"), and a legend of symbols the formula does not show stay on the remark card, which keeps its front and id; when
none stays, the first bullet's card keeps that id. Pure: drafts in, drafts out.
"""

from __future__ import annotations

import re
from dataclasses import replace

from mlwiki.extract.bullet_claims import bullet_question
from mlwiki.extract.closings import is_legend
from mlwiki.extract.openers import is_opener
from mlwiki.extract.paragraphs import lead_subject
from mlwiki.extract.passages import NO_SUBJECT
from mlwiki.extract.prose import clean_prose, sentences
from mlwiki.extract.said_parts import does_question, legend_question
from mlwiki.extract.remarks import (FORM as REMARK_FORM, claim_question, defines_by_formula, remark_cue,
                                    speaks_of_formula)
from mlwiki.extract.tradeoffs import tradeoff_front
from mlwiki.render.spans import between_spans, math_spans

SAYS = " › What it says\n\n"
MIN_ITEMS, MAX_ITEMS = 2, 8
MAX_LABEL_WORDS = 4
MIN_CLAUSE_WORDS, MAX_CLAUSE_WORDS = 1, 10
MIN_REST_WORDS = 2  # (what a cue leaves to recall: "→ 0" is no fact apart from its clause)
_ITEM = re.compile(r"[-*+][ \t]+(?=\S)")
_MATH = r"\$[^$\n]{1,30}\$"
# A label the bullet opens on, before a colon or an equals sign: a few words, or a symbol or case in math
_LABEL = re.compile(rf"[*_]*(?P<label>{_MATH}|[^\W\d_](?:[^:=$\n.;,()]|{_MATH}){{1,40}}?)[*_]*"
                    r"(?P<aside>[ \t]*\([^()\n]{1,30}\))?[ \t]*(?::|=(?!=))[ \t]+(?=\S)")
# A verb: a label holding one is a sentence's clause ("forecast is flat: …"), not a name
_VERB = re.compile(r"(?i)\b(?:is|are|was|were|be|has|have|does|do|can|will|must|should|doesn['’]t|isn['’]t)\b")
# A bullet's own first clause, before an arrow or a consequence ("small batches (…) → noisy stats", "it is X, so …")
_CLAUSE = re.compile(r"(?P<clause>[^→;:]{2,80}?)[ \t]*(?P<mark>→|->|⇒|,[ \t]+so\b)[ \t]*(?P<rest>\S.*)")
_REASON = re.compile(r"(?i)\b(?:because|since|so that|as otherwise)\b")
_POINTS_ON = re.compile(r"(?i)(?:see|cf\.|compare|more in|details in)\b")
_INLINE = re.compile(r"\$[^$\n]*\$")
_ASIDE = re.compile(r"[ \t]*\([^()]*\)")
_PROSE_ASIDE = re.compile(r"[ \t]+\([^()$\n]*\)")  # (an aside in words, not a function's brackets in math: "$p(x)$")
# A bullet that opens on the others: it only makes sense beside them ("both converge …", "the latter …")
_REFERS_BACK = re.compile(r"(?i)(?:both|they|the former|the latter|the others?|the above)\b")


def split_said(drafts: list) -> list:
    """The drafts with each remark card that asks "What it says" of a list of separate facts split into a card per
    fact (see the module's doc), each after the card it came from; any other draft as it was."""
    fronts = {d.front for group, _ in drafts for d in group}
    out = []
    for group, heading in drafts:
        draft = group[0]
        if len(group) != 1 or draft.form != REMARK_FORM or SAYS not in draft.front:
            out.append((group, heading))
            continue
        if (compared := tradeoff_front(*draft.front.split(SAYS, 1), draft.back)) and compared not in fronts:
            out.append(([replace(draft, front=compared, id_front=draft.id_front or draft.front)], heading))
            fronts.add(compared)  # (bullets comparing the subject with its rivals: asked as that; the id stays)
            continue
        if (parts := fact_cards(draft.front, draft.back, fronts)) is None:
            named = named_part(draft.front, draft.back)  # ("The $1/H$ scaling is essential …": the part it names)
            out.append((group if named is None or named in fronts else
                        [replace(draft, front=named, id_front=draft.id_front or draft.front)], heading))
            continue
        kept = [b for f, b in parts if f == draft.front]
        own = [(f, b) for f, b in parts if f != draft.front]
        id_front = draft.id_front or draft.front  # (the card's history stays with the part that keeps its front)
        if kept:  # (one bullet left: its text, no list of one)
            back = "\n".join(kept) if len(kept) > 1 else _ITEM.sub("", " ".join(kept[0].split()), count=1)
            out.append(([replace(draft, back=back)], heading))
        path = draft.front.split(SAYS, 1)[0]
        was = next((k for k, (front, _) in enumerate(own) if _was_kept(front, path)), 0)
        for k, (front, back) in enumerate(own):
            keeps = not kept and k == was  # (the bullet that stayed on the card before, else the first)
            shown = front if _reads_formula(back, front) else front.split("\n\n", 1)[0]  # (its id keeps the formula)
            out.append(([replace(draft, front=shown, back=back,
                                 id_front=id_front if keeps else f"{REMARK_FORM}: {_former(front, path)}")],
                        heading))
            fronts.update((front, shown))
    return out


def _former(front: str, path: str) -> str:
    """A bullet's front as an arrow cue made it before the cue kept a formula's brackets ("Cost $O$ →" for "Cost
    $O(|S|^3)$ →"): its id is made of that, so the card keeps its history now that its front reads whole."""
    cue, sep, formula = front[len(path) + 3:].partition("\n\n")
    if not cue.endswith(" →") or "$" not in cue:
        return front
    return f"{path} › {_ASIDE.sub('', cue)}{sep}{formula}"


def _was_kept(front: str, path: str) -> bool:
    """Whether a bullet's front has a cue of more words than a label has when its math counts word by word ("If $0 <
    \\epsilon < 1$"): the bullet stayed on the remark card while math counted so, and its card keeps that id."""
    cue = front.split("\n\n", 1)[0][len(path) + 3:]
    return "$" in cue and len(cue.split()) > MAX_LABEL_WORDS


# A part of a formula named in words beside its math ("The $1/H$ scaling", "The denominator $p(D)$"), not by its math
# alone ("The $\beta_t$"): a word of three letters or more outside the math
_NAMED_PART = re.compile(r"The[ \t]+(?:\$[^$\n]{1,40}\$[ \t]+)?[a-z][\w-]{2,}(?:[ \t]+\$[^$\n]{1,40}\$)?")
# Two parts of a formula named together, each by its math or a word ("The $\frac12$ and the square")
_PARTS_NAMED = re.compile(r"The[ \t]+(?:\$[^$\n]{1,40}\$|[a-z][\w-]{2,})[ \t]+and[ \t]+the[ \t]+"
                          r"(?:\$[^$\n]{1,40}\$|[a-z][\w-]{2,}(?:[ \t]+[a-z][\w-]{2,})?)")


def named_part(front: str, back: str) -> str | None:
    """A "What it says" front asked by the part of the formula its remark names in words first ("The $1/H$ scaling
    is essential …" → "… › The $1/H$ scaling"), the formula still under it; None when the remark opens otherwise."""
    found = sentences(" ".join(back.split("\n\n", 1)[0].split()))
    subject = lead_subject(_PROSE_ASIDE.sub("", found[0], count=1)) if found else None  # ("The denominator $p(x)$
    if subject is None or not _NAMED_PART.fullmatch(subject):  # (the *evidence*) is …": the part, its gloss aside)
        return None
    path, formula = front.split(SAYS, 1)
    return f"{path} › {subject}\n\n{formula}"


def fact_cards(front: str, back: str, taken: set[str] = frozenset()) -> list[tuple[str, str]] | None:
    """(front, back) per bullet of a "What it says" card's back: the card's own front for a bullet that stays on it
    (its lines as written), a front of its own for one whose form says what it answers; None when the back is no
    flat list of separate bullets or none of them has a front of its own. A front in `taken` (a card of the note
    has it) is none: that bullet stays."""
    path, formula = front.split(SAYS, 1)
    items = _items(back)
    if items is None:
        return None
    said = [_ITEM.sub("", " ".join(" ".join(item).split()), count=1) for item in items]
    cues = [_cue(text, path, formula) for text in said]
    cues = [cue if f"{path} › {cue}\n\n{formula}" not in taken else "" for cue in cues]
    if not any(cues) or len({c.casefold() for c in cues if c}) < sum(1 for c in cues if c) \
            or (left := [text for text, cue in zip(said, cues) if not cue]) \
            and all(_POINTS_ON.match(text.lstrip("(")) for text in left):
        return None  # (one front twice; nothing left but "(see the lib)": the list stays one card)
    return [(f"{path} › {cue}\n\n{formula}", text) if cue else (front, "\n".join(item))
            for item, text, cue in zip(items, said, cues)]


def _reads_formula(item: str, front: str) -> bool:
    """Whether a bullet split off a formula's list speaks of the formula on its front: it points back at it or names
    one of its symbols ("the partition function $Z(x)$ depends on $x$", "$\\gamma = 2$ works best", "f = weighting
    fn → …", "a big lambda shrinks …"); one that does not ("decoding: Viterbi, same as for HMMs", "HMM is
    generative: models $p(x, z)$") states a fact of the section's topic, which the formula on its front would only
    hide."""
    if speaks_of_formula(item) or _A_PART.match(item):
        return True  # ("the shortcut costs no parameters": a part of the formula, said in words)
    formula = front.split("\n\n", 1)[-1]
    named = {symbol for span in _INLINE.findall(item) for symbol in _symbols(span[1:-1])}
    if bare := _BARE_SYMBOL.match(item):
        named.add(bare.group(1))
    for word in _WORD.findall(_INLINE.sub(" ", item)):  # ("a big lambda shrinks …", "MAE is minimised by …")
        named.update((word, f"\\{word}"))
    return bool(named & (_symbols(formula) | set(_BARE_LETTER.findall(formula)) | set(_TEXT_NAME.findall(formula))))


# A formula's symbols a bullet may name: a command that is a letter (`\gamma`, `\epsilon`), a letter with its
# subscript (`P_n`, `R_u`), a capital letter alone (`Z`, `K`); a small letter alone (`x`, `p`) names nothing apart
_SYMBOL = re.compile(r"\\(?:alpha|beta|gamma|delta|epsilon|varepsilon|zeta|eta|theta|iota|kappa|lambda|mu|nu|xi|pi|"
                     r"rho|sigma|tau|upsilon|phi|varphi|chi|psi|omega|Gamma|Delta|Theta|Lambda|Sigma|Phi|Psi|Omega)"
                     r"(?![A-Za-z])|(?<![\\A-Za-z])(?:[A-Za-z]_(?:\{[^{}]*\}|\w)|[A-Z]{1,3}(?![A-Za-z]))")
_BARE_SYMBOL = re.compile(r"([A-Za-z])[ \t]*(?:=|\()")  # ("f = weighting fn → …": a bullet on the formula's `f`)
_WORD = re.compile(r"[A-Za-z]{2,}")
_A_PART = re.compile(r"(?i)[*_]*(?:the|its|each|every)[ \t]")
_TEXT_NAME = re.compile(r"\\(?:text|mathrm|operatorname)\{([A-Za-z]{2,})\}")  # (`\text{RMSE}`: a name in words)
_BARE_LETTER = re.compile(r"(?<![\\A-Za-z])([A-Za-z])(?=\()")  # (a function of the formula: `f(X_{ij})`)


def _symbols(math: str) -> set[str]:
    """The symbols of a formula or a span of math (`_SYMBOL`), subscripts without their braces."""
    return {symbol.replace("{", "").replace("}", "") for symbol in _SYMBOL.findall(math)}


def _items(back: str) -> list[list[str]] | None:
    """The bullets of a back that is one flat list, each its lines (a wrapped item's too); None for any other."""
    items: list[list[str]] = []
    for line in back.split("\n"):
        if _ITEM.match(line):
            items.append([line])
        elif items and line[:1] in " \t" and line.strip() and not _ITEM.match(line.strip()):
            items[-1].append(line)
        else:
            return None  # (text before or after the list, a nested item: the list is not all the card says)
    return items if MIN_ITEMS <= len(items) <= MAX_ITEMS else None


def _cue(item: str, path: str, formula: str) -> str:
    """What a bullet after a formula answers, as a front says it after the path: its label, the question its
    sentence asks, the subject it names, or its first clause; '' when its form says none of these."""
    if _REFERS_BACK.match(item) or item.rstrip().endswith(("?", ":")):
        return ""
    if asked := does_question(item, formula):
        return asked  # ("$\bar c$ affects the speed …": "What does $\bar c$ affect?")
    if (asked := bullet_question(item, path)) and " = " not in _INLINE.sub("", asked) \
            and (not asked.startswith("Why ") or _REASON.search(item)):
        return asked.replace("**", "")  # ("Why is true convolution commutative …?"; not "Why f = weighting fn?",
        # nor a why read out of an arrow: "maximum $\log_2 K$ at … → 1 bit for …" gives no reason)
    found = sentences(item) or [item]
    if (asked := claim_question(clean_prose(found[0]))) is not None:
        return asked  # ("$\\alpha$ and $\\ell_0$ are estimated by …": how, though it opens on symbols)
    if is_legend(f"- {item}"):  # (what a symbol is: asked by it, "$\gamma$ = minimum gain …" → "What is $\gamma$?";
        return legend_question(item, formula)  # else the formula's legend, which stays on its card)
    if label := _label(item):
        return label
    cue = remark_cue(found)
    if cue.endswith("?"):
        return cue  # ("When is the expected loss minimised?")
    if clause := clause_cue(item):
        return clause  # ("trees are independent → …": what it starts from, more than its subject "Trees")
    if not cue.startswith("What it") and "*" not in cue and len(_INLINE.sub("x", cue).split()) <= MAX_LABEL_WORDS:
        return cue  # (a span of math is one word: "If $0 < \epsilon < 1$")
    subject = lead_subject(found[0])  # ("The $\frac12$ and the square are cosmetic: …": the parts it names)
    return subject if subject and (_NAMED_PART.fullmatch(subject) or _PARTS_NAMED.fullmatch(subject)) else ""


def _label(item: str) -> str:
    """The label a bullet opens on ("usual order in ResNet: …", "$H_0$: …", "noise distribution = …"), as a front
    says it; '' when it opens on none, or on a clause ("forecast is flat: …") or an opener ("either way: …")."""
    found = _LABEL.match(item)
    if found is None:
        return ""
    label = found["label"].strip()
    words = clean_prose(label).split()
    if not label.startswith("$") and (len(words) > MAX_LABEL_WORDS or len(label) < 2 or _VERB.search(label)
                                      or NO_SUBJECT.fullmatch(label) or is_opener(words)):
        return ""
    if len(clean_prose(item[found.end():]).split()) < (1 if label.startswith("$") else MIN_REST_WORDS):
        return ""  # ("$w = 0$: unconditional": a case of the formula says its answer in a word)
    return _capital(label)


def clause_cue(item: str) -> str:
    """A bullet's own first clause before an arrow or a "so", asked with what follows it left out ("Small batches
    →"); '' when it has none of a cue's size."""
    found = _CLAUSE.match(item)
    if found is None or "$$" in item or "**" in found["clause"] or _POINTS_ON.match(found["rest"]):
        return ""  # (a bold answer is no cue to show; "→ see Graph Pooling" leaves nothing to recall)
    clause = between_spans(found["clause"], math_spans(found["clause"]), lambda text: _ASIDE.sub("", text)).strip(" ,")
    # (an aside in words goes; a formula's own brackets stay: "Cost $O(|S|^3)$ →", not the cut "Cost $O$ →")
    words = len(clean_prose(clause).split())
    if not MIN_CLAUSE_WORDS <= words <= MAX_CLAUSE_WORDS or len(clean_prose(found["rest"]).split()) < MIN_REST_WORDS \
            or clause.count("$") % 2:
        return ""
    return f"{_capital(clause)}, so …" if found["mark"].endswith("so") else f"{_capital(clause)} →"


def _capital(text: str) -> str:
    """A cue as a front says it: its first letter in upper case, unless it opens on a symbol ("f = …", "$k$")."""
    return text if text[:1] == "$" or not text[1:2].isalpha() else text[:1].upper() + text[1:]


def defined_by_formula(ex, line: int) -> bool:
    """Whether the card made at this line defines a term by a display formula alone ("**Autocorrelation**:" over
    "$$\\rho_k = …$$", `remarks.defines_by_formula`): the list after the formula is still the section's to card."""
    return any(d.line == line and defines_by_formula(d) for drafts, _ in ex.drafts for d in drafts)
