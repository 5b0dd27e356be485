"""The cue a list item's blank keeps when the item has no label and no subject with a verb of its own
(`list_clozes`): a learner shown "- [...]" beside unrelated items cannot tell what is asked.

    - Margin errors ($\\xi_i > 0$) ≠ training errors ($\\xi_i > 1$).   →  - Margin errors ($\\xi_i > 0$) ≠ [...]
    - Has an **unbiased** estimator → fine with small samples        →  - Has an **unbiased** estimator → [...]
    - = the distance between the two fitted Gaussians               →  - = [...]
    - Compares against real data, sensitive to mode dropping         →  - Compares against [...]

What an item sets against what (" = ", " ≠ ", " → ", " ⇒ ", " ≈ ", " ↔ ") is asked by its left side; an item that opens
on its verb, the heading its subject ("KID" over "- Has …", "- Compares …"), by that verb. The cue is short
(`MAX_CUE_WORDS`) and no longer than what it hides, so what the back holds stays hidden.

A list of what the writer gets wrong ("Things I still get wrong", "Things I keep forgetting", "… mixing up") is no
enumeration: its items are unrelated slips, none cues another, so each is asked alone with a cue of its own: its
label and the subject after it ("In the SVM dual: the $\\alpha_i \\le C$ comes from [...]"), its subject and verb
(broader verbs than a list of claims), its left side, or else its first sentence when more follow (the slip, its
consequence hidden). Pure: text in, text out.
"""

from __future__ import annotations

import re

MAX_CUE_WORDS = 8
MAX_SLIP_WORDS = 14  # a slip's first sentence shown as its cue: longer, it is the item itself
_MATH = re.compile(r"\$[^$\n]*\$|\\\([^\n]*?\\\)|`[^`\n]*`")  # (`\\(…\\)` too: a cue never cuts a formula)
# What an item sets against what, outside math and code
_PIVOT = re.compile(r"[ \t](?:=|≠|→|⇒|->|=>|≈|<=>|⇔|↔|<->)[ \t]")
# An item that opens on the heading's own equation ("- = the Fréchet distance …"; not "- → …", "- ⇒ …", which go
# on from the item before)
_OPENS_ON = re.compile(r"(?:=|≠|≈)[ \t]+")
# An item that opens on its verb, its subject the heading ("Compares against …", "Acts like …", "Separates the …";
# not a modal, "Can …", which says nothing of what is asked; "Benefits from **…**", "Relies on the …": a verb and its
# own preposition before an article, a formula or a bold term, where a plural noun's, "Perplexities from models", is
# not): a word in -s before an article, a determiner or a
# particle a verb takes, which a plural noun opening its own sentence ("Dams upstream starve …") is not followed by
_VERB_FIRST = re.compile(r"(?!(?:This|Thus|Is|As|Was|Has[ \t]+been)\b)(?:[A-Z][a-z]{2,}(?<!ss)s|Has)"
                         r"(?:[ \t]+(?:against|like)[ \t]+|"
                         r"[ \t]+(?:from|on|with)[ \t]+(?=(?:the|an?|any|all|its|their)[ \t]|\$|\*\*)|[ \t]+"
                         r"(?=(?:the|an?|all|every|each|its|their|both|no|not|only|more|less)[ \t]|\$|\*\*))")
# A slip list's heading: what the writer (I, things, stuff) gets wrong, forgets, mixes up; not a topic's "Evaluation —
# easy to get wrong", a list of that topic's pitfalls whose items cue one another
SLIPS = re.compile(r"(?i)\b(?:I|things|stuff)\b[^\n]{0,30}?\b(?:(?:get|got|getting)[ \t]+wrong|(?:keep|kept)[ \t]+"
                   r"(?:forgetting|mixing|confusing|getting)|mix(?:ing)?[ \t]+up|forget|confuse)\b|\bmistakes[ \t]+I\b")
# A slip's subject and verb: up to six words (or formulas) before a verb, after its label if any
_SLIP_SUBJECT = re.compile(r"(?:\$[^$\n]{1,60}\$|\*\*[^*\n]{1,40}\*\*|\"[^\"\n]{1,30}\"|[\w'’()-]+)"
                           r"(?:[ \t]+(?:\$[^$\n]{1,60}\$|[\w'’()-]+)){0,5}?[ \t]+"
                           r"(?:is|are|was|were|has|have|comes[ \t]+from|come[ \t]+from|stays?|needs?|uses?|gives?|"
                           r"means?|makes?|can(?:not|'t)?|does(?:n't)?|must|will|should|holds?|breaks?|depends[ \t]+"
                           r"on|goes|go|equals?)[ \t]+(?=\S)")
_PRONOUN = frozenset("it this that these those they there we you i".split())


def item_cue(text: str) -> str:
    """The cue an unlabelled item's blank keeps (its text after the marker): what comes before the item's first
    ' = ', ' → ', … with that sign, or its opening verb; '' when it has none short enough (see the module's doc)."""
    if found := _OPENS_ON.match(text):
        return found.group(0)
    pivot = _pivot(text)
    if pivot and text[:pivot].count("(") > text[:pivot].count(")"):
        pivot = 0  # ("$k_1 + k_2$ (sum ↔ …)": a sign inside an aside sets nothing of the item's against it)
    if pivot and _words(text[:pivot]) - 1 <= min(MAX_CUE_WORDS, _words(text[pivot:])):
        return text[:pivot]  # (its left side no longer than what it is set against)
    found = _VERB_FIRST.match(text)
    return found.group(0) if found and _words(found.group(0)) <= _words(text[found.end():]) else ""


MIN_LEAD_ITEM_WORDS = 8  # (a shorter item is recalled whole: its first words would give it away)
LEAD_WORDS = 3
# An item's first words as its blank's cue: up to `LEAD_WORDS` words (a formula, a bold or italic phrase, a
# hyphenated or slashed name one word, "fp16 / bf16" too), with a short aside in brackets right after them
# ("conjugate-gradient variant (Takács et al.)")
_LEAD = re.compile(r"(?:(?:\$[^$\n]{1,60}\$|\*\*[^*\n]{1,40}\*\*|\*[^*\n]{1,40}\*|"
                   r"[^\s$*()\[\]]+(?:[ \t]/[ \t][^\s$*()\[\]]+)?)"
                   r"(?:[ \t]+|$)){1,%d}(?:\([^()\n]{1,40}\)[ \t]+)?" % LEAD_WORDS)
# Lead words that end a cue in the middle of a phrase: the cue stops before them
_OPEN_END = frozenset("""a an the of to for in on at by with and or but as is are was were be its their this that
if when whenever since because while we you i it they there can could may might must should will would do does
has have about from into onto over under than via per et""".split())
_STATES = re.compile(r"\$[^$\n]*(?:=|<|>|\\(?:le|ge|leq|geq|approx|to|sim|propto|neq|in)\b)[^$\n]*\$")
_DIGIT = re.compile(r"\d")
# A number standing alone ("1.0", "~30%", "2-D"), where a digit inside a name ("fp16", "GPT-2", "β2") is not one
_NUMBER = re.compile(r"(?<!\w)(?<![^\W\d_]-)\d")
# An item's label before a dash ("**Coverage** — fraction …"): the whole cue, up to the dash
_DASHED = re.compile(r"[^\s—–:]+(?:[ \t]+[^\s—–:]+){0,3}[ \t]+[—–][ \t]+")
MIN_CUE_WORDS = 2  # ("- when [...]": one word left of a cue cues nothing)


def lead_cue(text: str) -> str:
    """An item's first words (`LEAD_WORDS`, and a short aside in brackets after them) with the space after them,
    the cue of an item with no label, subject-and-verb or sides of its own: "- conjugate-gradient variant (…)
    [...]" says which of the list's items is asked, where "- [...]" among unrelated tips does not. '' for a short
    item (`MIN_LEAD_ITEM_WORDS`), where its first words are most of it."""
    total = _words(text)
    found = _LEAD.match(text)
    if total < MIN_LEAD_ITEM_WORDS or not found or text.startswith(("**", "__")):
        return ""  # (an item led by a term in bold, "**new item** — nobody …", asks for that term too: all hidden)
    cue = found.group(0)
    if label := _DASHED.match(text):
        return label.group(0) if (_words(label.group(0)) - 1) * 3 <= total else ""  # ("**Coverage** — [...]";
        # the dash no word of its own)
    if "(" not in _MATH.sub("", cue):
        words = cue.split()
        if len(words) > 2 and words[-2] == "/" and _words(cue.replace(" / ", "/")) >= LEAD_WORDS:
            del words[-2:]  # ("centred rolling windows / centred …": a pair cut in half by the word limit is no name)
        while words and words[-1].rstrip(",;:").casefold() in _OPEN_END:
            words.pop()  # ("For the [...]", "Since we [...]": the cue ends on a word that leads on to what is hidden)
        cue = " ".join(words).rstrip(",;:")
    if _words(cue) < MIN_CUE_WORDS or _words(cue.replace(" / ", "/")) * 3 > total or _STATES.search(cue) \
            or _NUMBER.search(_MATH.sub("", cue)):
        return ""  # (a formula that states a relation, or a number, "1.0 and 5.0", "Invented in 1957", is the
        # item's fact: shown, it gives the answer away)
    return cue.rstrip() + " "


def name_cue(text: str) -> str:
    """The cue of an item that opens on the name of what it says (a parameter in code, a symbol in math), then a
    dash, an aside in brackets or what it does: "- `oob_score` — [...]", "- `lambda` (L2 on leaf weights) [...]",
    "- $N$ [...]". A list of knobs or of notation names each item so; the name says which one is asked and never
    the answer, which is what the item says of it. '' for an item opening otherwise, on a formula that states a
    relation ("$k(x,x) = 1$ …": the fact itself), or with too little said after the name."""
    found = _NAME_LED.match(text)
    if not found or _STATES.search(found["name"]) or _words(text[found.end():]) < MIN_NAMED_WORDS:
        return ""
    return found["name"] + (found["dash"] or f"{found['aside'] or ''} ")


MIN_NAMED_WORDS = 3  # (said of the name: fewer, "`verbose` — logs", and the name's cue leaves little to recall)
# An item's leading name in code or math, then a dash, or an aside in brackets and a word in lower case
_NAME_LED = re.compile(r"(?P<name>`[^`\n]{1,40}`|\$[^$\n]{1,40}\$)(?:(?P<dash>[ \t]+[—–][ \t]+)|"
                       r"(?P<aside>[ \t]+\([^()\n]{1,40}\))?[ \t]+(?=[a-z]))")


def slip_cue(text: str, label: str) -> str:
    """The cue of one item of a list of the writer's slips (its text after the marker and after `label`, its own
    label if any): its subject and verb, its left side, or its first sentence when more follow; '' when none."""
    found = _SLIP_SUBJECT.match(text)
    if found and found.group(0).split()[0].casefold() not in _PRONOUN:
        return label + found.group(0)
    if cue := item_cue(text):
        return label + cue
    first = re.match(r"[^.!?]*?[.!?](?=[ \t]+\S)", _MATH.sub(lambda m: "\x00" * len(m.group()), text))
    if first and _words(text[:first.end()]) <= MAX_SLIP_WORDS:
        return label + text[:first.end()] + " "
    return label


def _words(text: str) -> int:
    """How many words a text has, a formula one."""
    return len(_MATH.sub("x", text).split())


def _pivot(text: str) -> int:
    """Where the item's first sign setting one side against another ends (after it and its space), outside math and
    code; 0 when it has none."""
    found = _PIVOT.search(_MATH.sub(lambda m: "\x00" * len(m.group()), text))
    return found.end() if found else 0
