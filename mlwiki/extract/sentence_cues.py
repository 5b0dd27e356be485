"""The cue a hidden sentence keeps when it has no label, no subject with a verb and no term set equal of its own
(`sentence_clozes`, `paragraph_clozes`): "[...] It isn't true gradient descent" beside another sentence says nothing
of what is asked; its own first words do.

    "Semi"-gradient because we don't differentiate through the target.  →  "Semi"-gradient [...]
    As $t \\to T$, $\\bar\\alpha_T \\approx 0$ so the last step is pure noise. →  As $t \\to T$, [...]
    Because it is probabilistic you can sample segmentations.           →  Because it is probabilistic [...]
    Modern variants swap ReLU for GELU or SwiGLU.                        →  Modern variants swap [...]

In order: an opening clause up to its comma ("As $t \\to T$, ") or a condition that is one formula ("When $p > n$
"), the condition under which the rest holds; the item's lead words (`item_cues.lead_cue`); or the sentence's first
words up to `LEAD_WORDS` (two, `SHORT_LEAD_WORDS`, in a short sentence), those that lead on to what is hidden
("because", "we") dropped, and when all of them lead on ("Because it is …"), up to the first word that does not; a
sign ("=", "+", "—"), a bracket left open or a long formula ends it. The cue stays a small part of the sentence
(`MAX_SHARE`) and never shows a number or a stated formula, which would give the answer away. Pure: text in, text out.
"""

from __future__ import annotations

import re

from mlwiki.extract.item_cues import _DIGIT, _MATH, _OPEN_END, _STATES, lead_cue
from mlwiki.extract.quote_cuts import opens_quote
from mlwiki.extract.subject_cues import fuller, verb_cue

LEAD_WORDS = 3
SHORT_LEAD_WORDS = 2  # (a short sentence's lead: its first three words would be most of it)
MAX_LEAD_WORDS = 5  # (an opening of words that all lead on, "Because it is probabilistic", is taken this far)
MIN_SENTENCE_WORDS = 5  # (a shorter sentence is recalled whole: its first words would give it away)
MAX_SHARE = 0.4  # the cue's words, at most this share of the sentence's
MAX_FORMULA_CHARS = 40  # (a longer formula opening the sentence is its fact: shown, it gives the answer away)
MIN_TERM_CHARS = 4  # a one-word cue is a term ("Semi"-gradient), not a short word
# An opening clause up to its comma: two to four words or formulas, the condition the rest holds under
_CLAUSE = re.compile(r"(?:\$[^$\n]{1,40}\$|[^\s$,;:]+)(?:[ \t]+(?:\$[^$\n]{1,40}\$|[^\s$,;:]+)){1,3},[ \t]+")
# An opening clause that gives the reason or the condition for the rest, up to its comma, of up to seven words or
# formulas ("Because it's a probabilistic model, "): its subject is in it, where its first words alone, "Because it's",
# say nothing of what is asked
_REASON = re.compile(r"(?:Because|Since|If|When|Whenever|Once|Unless|Although|While)(?:[ \t]+(?:\$[^$\n]{1,40}\$|"
                     r"[^\s$,;:]+)){2,6},[ \t]+")
# The words that open a condition: its clause may state a formula ("As $t \\to T$, "), which the rest goes on from
_CONDITIONS = frozenset("as if when whenever given with once since under for after while".split())
# A condition that is one formula with no comma after it ("When $p > n$ the lasso …"): the word after it starts the
# rest, what holds under it
_BARE_CONDITION = re.compile(r"(?:If|When|Whenever|Once|Unless|Under|For)[ \t]+\$[^$\n]{1,40}\$[ \t]+(?=[^\W\d_])")
# Words that only link a sentence to the one before ("Overall", "However"): alone, no cue
_LINKING = frozenset("""overall however additionally moreover furthermore finally also instead otherwise similarly
likewise therefore hence thus then now here still again""".split())
# What follows a clause that is the first of a run of short phrases: one to three words, then a comma or a semicolon
_ENUMERATES = re.compile(r"[^\s,;]+(?:[ \t]+[^\s,;]+){0,2}[ \t]*[,;]")
_TOKEN = re.compile(r"\$[^$\n]+\$|`[^`\n]{1,40}`|\*\*[^*\n]{1,40}\*\*|\*[^*\n]{1,40}\*|\S+")
_QUOTED_NAME = re.compile(r'(?:"[^"\n]{2,60}"|“[^”\n]{2,60}”)(?=\s)')  # (a name in quotes the sentence opens
# on, a word of its own: not '"Semi"-gradient', whose cue is the whole word)
_WORDLIKE = re.compile(r"\$|[^\W\d_]")  # (a formula or a word with a letter; "=", "+", "—" end the cue before them)


def sentence_cue(text: str) -> str:
    """The cue a hidden sentence keeps, with the space after it; '' when it has none that leaves its fact hidden
    (see the module's doc)."""
    total = _words(text)
    if total < MIN_SENTENCE_WORDS:
        return ""
    if cue := clause_cue(text):
        return cue  # (a whole opening clause, not its first three words: "Under heavy load, [...]")
    cue = fuller(_opening(text, total), text)  # (first words that cut its subject short, "The absolute [...]": the
    # subject whole and its verb, `subject_cues`)
    return _with_verb(cue, text)


def _with_verb(cue: str, text: str) -> str:
    """A cue of first words that stop before the sentence's verb ("Each row [...]") run on to it ("Each row sums
    [...]", `subject_cues.verb_cue`): what is asked of the subject, not what the notes said next. No cue stays none
    (the sentence goes with the one before it), and a cue that is no opening of the subject and verb stays."""
    verb = verb_cue(text) if cue.strip() else ""
    return verb if len(verb.split()) > len(cue.split()) and verb.startswith(cue.rstrip()) else cue


def _opening(text: str, total: int) -> str:
    """A sentence's lead words, a name in quotes it opens on, or its first words, with the space after them; ''
    when none fits."""
    if (cue := _signless(lead_cue(text))) and not _unbalanced(cue):
        return cue
    if (quoted := _QUOTED_NAME.match(text)) and _fits(quoted.group(0), total):
        return quoted.group(0) + " "  # ('"Last interaction per user" is …': the name whole, not cut inside its quote)
    cue = _lead(text)
    if cue and not _fits(cue, total):
        cue = _two_words(cue)  # ("Lloyd iterations only lower $J$ further.": three of six words is too many)
    return cue + " " if cue and _fits(cue, total) else ""


def item_lead(text: str) -> str:
    """The cue an item's blank keeps when nothing else cues it (`list_clozes`): its first words as a sentence's
    (`sentence_cue`); '' for an item that is a run of short phrases ("slower warm-up, noisier curves, more tuning"),
    whose first phrase is one of its answers, no cue to the rest."""
    first = _ENUMERATES.match(text)
    return "" if first and _ENUMERATES.match(text[first.end():].lstrip()) else sentence_cue(text)


def _two_words(cue: str) -> str:
    """A lead cue cut to its first two words, the name a short sentence opens on ("Length normalisation"), without
    a last word that leads on ("`logits` is" → "`logits`"); '' when it has no more, when its first word only leads
    on ("For hard") or links ("However the"), or when one plain word is left ("Only the" → "Only")."""
    words = _TOKEN.findall(cue)
    if len(words) <= SHORT_LEAD_WORDS or _leads_on(words[0]) or words[0].casefold() in _LINKING:
        return ""
    words = words[:SHORT_LEAD_WORDS]
    while words and _leads_on(words[-1]):
        words.pop()
    if len(words) == 1 and not words[0].startswith(("`", "$")):
        return ""  # (one plain word left, "Exactly", "Only", "Grouping", cues nothing; a code name, "`logits`", does)
    return " ".join(words)


def clause_cue(text: str) -> str:
    """A sentence's or an item's opening clause up to its comma, with the space after it ("Given $q_*$, "): the
    condition under which the rest holds; '' when it has none short beside the text (see the module's doc)."""
    found = _CLAUSE.match(text) or _REASON.match(text) or _stated_condition(text)
    total = _words(text)
    if not found or total < MIN_SENTENCE_WORDS or _unbalanced(found.group(0)):
        return ""  # (a clause that cuts a bracket open, "SortPooling (DGCNN, ", is no clause)
    cue = found.group(0)
    condition = cue.split()[0].casefold() in _CONDITIONS
    if not condition and _ENUMERATES.match(text, found.end()):
        return ""  # ("orthogonal init, LR annealing, …": the first of a run of short phrases, not a clause)
    return cue if _fits(cue, total, condition) else ""


def _stated_condition(text: str) -> re.Match | None:
    """A sentence's opening condition that is one formula stating a relation ("When $p > n$ "), with no comma after
    it; None when it has none ("If $f$ squeezes …" opens on its subject, no condition)."""
    found = _BARE_CONDITION.match(text)
    return found if found and _STATES.search(found.group(0)) else None


def _signless(cue: str) -> str:
    """A cue without the signs it ends on ("Parallel trends +" → "Parallel trends "), with the space after it."""
    words = cue.split()
    while words and not _WORDLIKE.search(words[-1]):
        words.pop()
    return " ".join(words) + " " if words else ""


def _lead(text: str) -> str:
    """The sentence's first words: up to `LEAD_WORDS`, without those that end on what is hidden; when every one of
    them leads on, up to the first word that does not (at most `MAX_LEAD_WORDS`)."""
    tokens = _TOKEN.findall(text)[:MAX_LEAD_WORDS]
    for k, token in enumerate(tokens):
        if not _WORDLIKE.search(token) or _unbalanced(token) or len(token) > MAX_FORMULA_CHARS:
            tokens = tokens[:k]  # (a sign, or a bracket, link or aside the cue would cut open)
            break
    words = tokens[:LEAD_WORDS]
    while words and _leads_on(words[-1]):
        words.pop()
    if words:
        return " ".join(words).rstrip(",;:")
    for k, token in enumerate(tokens):
        if not _leads_on(token):
            return " ".join(tokens[:k + 1]).rstrip(",;:") if k else ""
    return ""


def _unbalanced(token: str) -> bool:
    """Whether a text opens or closes a bracket, code span or quotation it does not close or open ("(Haario",
    "[[Bayesian", "`king", '"how')."""
    return token.count("`") % 2 == 1 or opens_quote(token) or any(token.count(a) != token.count(b) for a, b in ("()", "[]", "{}"))


def _leads_on(token: str) -> bool:
    """Whether a word leads on to what follows ("because", "we", "the"): a cue ending on it cues nothing."""
    return token.rstrip(",;:").casefold() in _OPEN_END


def _fits(cue: str, total: int, clause: bool = False) -> bool:
    """Whether a cue is short beside its sentence, and shows no number or (but in a condition's clause, `clause`)
    no stated formula."""
    words = _words(cue)
    if words > MAX_SHARE * total or _DIGIT.search(_MATH.sub("", cue)) or (not clause and _STATES.search(cue)):
        return False
    if words == 1:
        bare = re.sub(r"\W", "", cue)
        return len(bare) >= MIN_TERM_CHARS and not _leads_on(cue) and bare.casefold() not in _LINKING
    return True


def _words(text: str) -> int:
    """How many words a text has, a formula one."""
    return len(_MATH.sub("x", text).split())
