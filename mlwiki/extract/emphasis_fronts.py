"""Fronts that ask by the writer's emphasis: a card whose front is only its heading path, over a short back (one
paragraph of one to `MAX_SENTENCES` sentences, or one list item) in which the writer set one phrase in bold or
==highlight== (or in *italics*, when that is its one emphasis):

    Box–Cox › Catch  /  Catch: the back-transformed forecast is the **median** of the forecast distribution, …
      →  Box–Cox › Catch
         the back-transformed forecast is the … of the forecast distribution, …   /  (the same back)

The heading says where the card is, not what it asks ("Catch", "Weights", "Practical notes"); the emphasis marks
what the writer wanted remembered. As `emphasised` asks by a bold phrase in a later paragraph of a long section,
the front shows the sentence that sets it, the phrase left out: a phrase that is what its sentence says of its
subject ("… is the **median**", "Weights are the **marginal** $P(X=x)$") is its answer; a claim set in bold
("Regression forests **can't extrapolate**: …") is asked the same way, with its subject shown. The sentence
before joins it when it points back to it ("To calculate these gradients, we use the …"), the one after when it
says too little alone. The back stays whole, so no sentence of it is lost; the card keeps its id (`id_front`).

A front titled by the very phrase its back sets in bold ("… › Luong attention › current" over "uses the
**current** decoder state …") gives its answer away and asks nothing: it is asked the same way, under the path
above; not when the sentence goes on to say what the phrase is ("the **NTK** describes …", "**kernel trick**: …").

Left alone: a phrase that only stresses ("**not**", "*after*", "**the**"), a term that leads its sentence (the
subject or a label: "**Shrinkage** $\\nu$: …", "**Agreed:** …"), a title ("*Deep Double Descent*"), a term the
path names, a whole sentence in bold; a heading the text sets equal to what it is ("Drift = line through …": the
heading asks what it is); and the cards other forms asked already (a question, a sentence shown). Pure: drafts
in, drafts out.
"""

from __future__ import annotations

import re

from mlwiki.extract.claim_subjects import subject_shown
from mlwiki.extract.draft import asked_anew
from mlwiki.extract.lines import LIST_ITEM
from mlwiki.extract.paragraphs import in_path
from mlwiki.extract.prose import clean_prose, sentences
from mlwiki.models import CardKind

MAX_SENTENCES = 3
MAX_WORDS = 70  # of the back: longer, it is a passage, and one blank in it asks for little of it
MIN_SHOWN_WORDS = 6  # of the front's sentence besides the blank: fewer say too little to find the answer by
MAX_SHOWN_WORDS = 50
MAX_PHRASE_WORDS = 8  # a longer phrase in bold is a sentence: nothing is left to ask it by
HIDDEN = "…"
_MARK = "*\x00*"  # (in the phrase's place while the text is split into sentences: emphasis, which may start one)
# The forms whose cards ask by a bold phrase already (`emphasised`, a lead-in's sentence), whose fronts others word
# (a formula's remark: "… › What it says"), or that the writer asked (a question, an exercise)
_OTHER_FORMS = frozenset(("lead-in", "remark", "qa", "exercise", "proof idea"))
_ASKED_FORMS = frozenset(("emphasised",))  # (asked by its term: only when the term gives the answer, `_above_named`)

_BOLD = re.compile(r"\*\*(?=\S)([^*]{1,160}?)(?<=\S)\*\*|==(?=\S)([^=]{1,200}?)(?<=\S)==")
_ITALIC = re.compile(r"(?<![*\w\\])\*(?=[^\s*])([^*]{1,80}?)(?<=[^\s*])\*(?![*\w])|"
                     r"(?<![\w\\])_(?=[^\s_])([^_]{1,80}?)(?<=[^\s_])_(?!\w)")
_CODE_OR_MATH = re.compile(r"\$[^$]+\$|`[^`]+`")
# A formula, code, a table, a quote, a box, HTML, a plugin's mark: no one sentence to show
_NOT_PROSE = re.compile(r"(?m)^[ \t]*(?:\$\$|```|~~~|\||>|:::|<)|%%")
# Words a writer stresses rather than names: "is **not** …", "*after*", "**the** explanation", "**exactly**"
_STRESS = frozenset("""not no never only always all any must do does don't very much more less most least before
after is are was were be can cannot can't should will would may might with without for in on by of to from at as than
within and or but nor both either neither also too each every one two three once twice same half the a an some few
many other others unless until so even just yet still else own everything nothing anything why how what when where
which who here there this that these those it they towards toward away into onto over under up down out off through
between against inside outside beyond across behind below above around along upon""".split())
_POINTS_BACK = frozenset("this these those it its they their such".split())  # (before the blank: said before it)
# A sentence's first word that goes on from the one before: "That similarity …", "Instead …", "So …"
_GOES_ON = frozenset("that instead so but then hence thus still yet also otherwise".split())
# A title: several words in capitals ("*Deep Double Descent*", "*Rethinking ImageNet Pre-training*"), or a question
_TITLE = re.compile(r"(?:[A-Z][\w'’-]*[ \t]+(?:(?:of|for|the|a|an|in|on|and|to|with)[ \t]+)*){1,}[A-Z][\w'’-]*|.*\?")
# A few words after a term, then what it equals: " of a unit = …", " = …", " := …"
_EQUALS = re.compile(r"(?:[ \t]+[^\s$*=]+){0,4}?[ \t]*(?:=|:=|≡)(?!=)")
# What follows a term the sentence goes on to explain: "**kernel trick**: use …", "the **NTK** describes …", "a
# **matching pair** that proves …", "a fixed **perplexity** (the effective number of neighbours)"
_DEFINED = re.compile(r"[ \t]*(?:\((?:the|an?|i\.e\.)[ \t]|(?:\([^()]*\)[ \t]*)?(?:[:=—–]|-[ \t]|"
                      r"(?:is|are|was|were|means|refers|that|which|who|whose)\b|[a-z]{2,}[^suy\W]s\b))")
_LABEL = re.compile(r"(?P<label>[^\W\d][^:]{0,40}?):[ \t]+(?=\S)")  # ("Catch: …" under "… › Catch")


def emphasis_asked(drafts: list) -> list:
    """The drafts, each heading-only card over a short back with one emphasised phrase asking by it (`asked_front`),
    under its path; its id stays the one of the bare path."""
    return asked_anew(drafts, asked_front)


def asked_front(draft) -> str:
    """The front that asks by the one phrase a heading-only card's short back emphasises: its path, then the
    sentence that sets the phrase with the phrase left out; '' when it is no such card."""
    text = _short_text(draft)
    span = _one_emphasis(text) if text else None
    if span is None or _defines_heading(text, draft.front):
        return ""  # ("… › Receptive field" over "Receptive field (RF) of a unit = …": the heading asks what it is)
    text, *span = subject_shown(text, *span)  # ("the ==horizon is about $H$== steps": "the horizon is about …")
    path = _above_named(draft.front, span[2], text[span[1]:])
    if draft.form in _ASKED_FORMS and path == draft.front or not _asks_by(text, *span, path):
        return ""
    asked = _shown(text, span[0], span[1], path)
    return f"{path}\n\n{_hidden_elsewhere(span[2], asked)}" if asked else ""


def _short_text(draft) -> str:
    """The back of a basic card whose front is only its path, on one line, when it is one paragraph of at most
    `MAX_SENTENCES` sentences or one list item (its marker off); '' for any other card."""
    path, back = draft.front, draft.back.strip()
    if draft.kind != CardKind.BASIC or draft.explicit_id or draft.form in _OTHER_FORMS or "\n" in path \
            or path.endswith("?") or HIDDEN in path or "**" in path or "\n\n" in back or _NOT_PROSE.search(back):
        return ""  # (a question, a sentence shown: asked already; paragraphs, a formula: more than one blank asks)
    if "*" not in back and "==" not in back and "_" not in back:
        return ""  # (no emphasis to ask by: said cheaply, as most backs are)
    text = _one_item(back)
    text = " ".join(text.split()) if text else ""
    return text if len(text.split()) <= MAX_WORDS and len(sentences(text)) <= MAX_SENTENCES else ""


def _defines_heading(text: str, path: str) -> bool:
    """Whether the text opens on the path's last heading set equal to what it is ("Drift = line through …",
    "$\\hat y_{T+h|T}$ = the forecast of …"): a definition, which that heading asks for whole."""
    last = path.rpartition(" › ")[2]
    return text.startswith(last) and bool(_EQUALS.match(text, len(last)))


def _above_named(path: str, phrase: str, after: str) -> str:
    """The path above its last heading when that heading is the emphasised phrase itself and the sentence does not
    go on to say what the phrase is ("… › Luong attention › current" over "uses the **current** decoder state"):
    the front named the answer and asked nothing. The path as it is otherwise."""
    head, _, last = path.rpartition(" › ")
    named = head and clean_prose(last).casefold() == clean_prose(phrase).casefold()
    return head if named and not _DEFINED.match(after) else path


def _one_item(back: str) -> str | None:
    """The back's text without its marker when it is one list item (its wrapped lines with it); the back as it is
    when it is a paragraph; None when it holds several items."""
    lines = back.split("\n")
    if any(LIST_ITEM.match(ln.strip()) for ln in lines[1:]):
        return None
    return LIST_ITEM.sub("", back, count=1)


def _one_emphasis(text: str) -> tuple[int, int, str] | None:
    """(start, end, words) of the one phrase a text sets in bold or highlight, or of its one italic phrase when it
    sets none so; None when it sets none or several (nor in a formula or code)."""
    hidden = [m.span() for m in _CODE_OR_MATH.finditer(text)]
    for pattern in (_BOLD, _ITALIC):
        found = [m for m in pattern.finditer(text) if not any(a <= m.start() < b for a, b in hidden)]
        if len(found) > 1:
            return None
        if found:
            return found[0].start(), found[0].end(), next(g for g in found[0].groups() if g)
        if "**" in text or "==" in text:
            return None  # (bold it could not read as one phrase: "**A = a *dense* model.**")
    return None


def _asks_by(text: str, start: int, end: int, phrase: str, path: str) -> bool:
    """Whether the phrase is one to ask by: a term or a claim inside its sentence (not its subject or label at its
    start), not a word of stress, a title, a sentence, or what the path names."""
    words = clean_prose(phrase).split()
    said, k = _blanked(text, start, end)
    before = said[k].split(_MARK, 1)[0]
    return bool(words) and len(words) <= MAX_PHRASE_WORDS and any(c.isalpha() for c in before) \
        and not all(w.casefold().strip(",.;:") in _STRESS or w.endswith("ly") for w in words) \
        and not phrase.rstrip("*_").endswith((".", ":", "!")) and not _TITLE.fullmatch(phrase.strip()) \
        and not in_path(" ".join(words), path) and phrase not in path and not _named_by(words, path)


def _named_by(words: list[str], path: str) -> bool:
    """Whether the path holds half the phrase's words or more: the heading gives the answer away ("Teacher >
    student" over "the **teacher performs better than the student**")."""
    own = [w.casefold() for w in words if len(w) > 2 and w.casefold() not in _STRESS]
    held = set(re.findall(r"[\w-]+", path.casefold()))
    return bool(own) and 2 * sum(w in held for w in own) >= len(own)


_MD_LINK = re.compile(r"!?\[([^\]\n]*)\]\(([^()\s]*)\)|\[\[([^\]\n]*)\]\]")


def _hidden_elsewhere(phrase: str, shown: str) -> str:
    """The front's text with the phrase left out wherever else it stands (a link that names it, whole), so the
    front does not give its answer away."""
    said = clean_prose(phrase).strip()
    key = said.casefold()
    shown = _MD_LINK.sub(lambda m: HIDDEN if key in m.group().casefold() else m.group(), shown)
    return re.sub(rf"(?i)(?<![\w-]){re.escape(said)}(?![\w-])", HIDDEN, shown) if said else shown


def _shown(text: str, start: int, end: int, path: str) -> str:
    """The sentence that sets the phrase, the phrase left out (a label the path ends on off it); with the sentence
    before when it points back to it, after when it says too little alone; '' when it is still too short or long."""
    said, k = _blanked(text, start, end)
    shown = _without_label(said[k], path)
    if k and (any(w.casefold().strip(",;:()") in _POINTS_BACK for w in shown.split(_MARK)[0].split())
              or shown.split(" ", 1)[0].casefold().strip(",") in _GOES_ON):
        shown = f"{said[k - 1]} {shown}"  # ("To calculate these gradients, we use the …": which gradients?)
    if len(shown.split()) <= MIN_SHOWN_WORDS:
        shown = f"{shown} {said[k + 1]}" if k + 1 < len(said) else f"{said[k - 1]} {shown}" if k else shown
    shown = shown.replace(_MARK, HIDDEN).replace(f"{HIDDEN}.", HIDDEN)
    return shown if MIN_SHOWN_WORDS < len(shown.split()) <= MAX_SHOWN_WORDS else ""


def _blanked(text: str, start: int, end: int) -> tuple[list[str], int]:
    """The sentences of the text with the phrase from `start` to `end` left out (a mark in its place), and the index
    of the one that held it."""
    said = sentences(f"{text[:start]}{_MARK}{text[end:]}")
    return said, next(k for k, sentence in enumerate(said) if _MARK in sentence)


def _without_label(sentence: str, path: str) -> str:
    """The sentence without the label it opens on when that label is the path's last heading ("Catch: …")."""
    label = _LABEL.match(sentence)
    last = clean_prose(path.rsplit(" › ", 1)[-1]).casefold()
    same = label and _MARK not in label[0] and last.endswith(clean_prose(label["label"]).casefold())
    return sentence[label.end():] if same else sentence
