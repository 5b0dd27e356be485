"""Fronts that still ask nothing once every other pass is done, because their last words are a writer's label and
not a subject: a path that ends on the opening words of its own back, cut from a sentence ("… › in code" over "In
code, forgetting …", "… › ML models too" over "ML models too: a tree model …", "… › Bug I had" over "Bug I had:
used …"), or a "Define:" of a label ("Define: Key fact" over "for finite MDPs there is always …").

Such words say where the remark sits or what kind it is, not what is asked. A label that names a kind of remark
(`remark_kinds`: "Key fact", "sklearn gotcha", "Bug I had") asks that kind of the subject above it, as `label_asks`
does for a bare path; any other is kept as the cue of its sentence, which goes on to the sentence's own subject
and verb or first words (`sentence_clozes`' cue), the rest hidden:

    Value Functions › Pitfalls › in code         →  Value Functions › Pitfalls
                                                    In code, forgetting to fix $V(\\text{terminal}) = 0$ gives [...]
    … › Optimal value functions / Define: Key fact →  What is the key fact about optimal value functions?

A path whose last heading is a name ("… › A coupling layer" over "A coupling layer is …", "… › RMSE") asks for
what its back says of that name and stays. The back is kept whole; the card keeps the id of its former front.
Pure: the drafts in, the drafts out.
"""

from __future__ import annotations

import re
from dataclasses import replace

from mlwiki.extract.label_asks import _bare, _own_front, label_question
from mlwiki.extract.list_clozes import HIDDEN
from mlwiki.extract.prose import clean_prose, sentences
from mlwiki.extract.remark_kinds import names_a_remark
from mlwiki.extract.sentence_clozes import _rest_cue
from mlwiki.models import CardKind

# Words a name does not open on: a preposition ("in code", "on top"), a word that links to what came before ("so",
# "also"), a pointer at something shown elsewhere ("this")
_OPENERS = frozenset("""in on at for with without by from to into under over after before during via
so also then hence thus but and or yet still plus this that these those its their""".split())
# Of them, the words that link on whatever follows; the others ("for", "with") open a name too when more words follow
# ("… › for linear models trained from zero" names the case it is about), and a pointer only when short ("in code")
_LINKS = frozenset("so also then hence thus but and or yet still plus this that these those".split())
# An ordinal opens a pointer at something shown elsewhere only before a word that names no thing ("First one",
# "fourth term", "last step"); "Next sentence prediction", "Second moment" are names
_ORDINALS = frozenset("first second third fourth fifth sixth last".split())
_POINTED = frozenset("one ones term terms step steps line lines point part case thing version attempt try bit".split())
# Words a name does not end on: what links a sentence on ("ML models too", "… so"), an adverb of place or order
_CLOSERS = frozenset("too so also then again though anyway here there top instead".split())  # (not "first":
# "oldest first", "Standardize features first" name an option or say what to do; nor "etc.": "Repetition penalty
# etc." names its first kind)
# The writer speaking of themself: an anecdote's label ("Bug I had", "what I got wrong"), no subject
_SELF = frozenset("I I've I'd I'm I’ve I’d I’m my My me we We our Our".split())  # ("I" as a word of its own:
# "PMI(i, j)", "I/O" are none)
# A back that is no sentence to cue: a list, a display formula, code, a table, a quote
_NOT_PROSE = re.compile(r"[ \t]*(?:[-*+][ \t]|\d+[.)][ \t]|```|~~~|\$\$|\||>)")
_LIST_LINE = re.compile(r"\n[ \t]*(?:[-*+][ \t]|\d+[.)][ \t])")
_DEFINE = re.compile(r"(?P<path>[^\n]+)\n\nDefine: (?P<term>[^\n]+)")
_WORDS = re.compile(r"[\w'’-]+")
# The writer speaking: "my", "we", or "I" before what they did ("Bug I had", "Mnemonic I use"; "Type I Error" is a name)
_SPEAKS = re.compile(r"(?i:\b(?:my|me|we|our)\b)|\bI(?:['’](?:ve|d|m)\b|\s+[a-z]+\b(?<!error)(?<!errors))")
# The writer's own words after a kind of remark: "Pitfall I actually hit", "Takeaway for me", "Tip I use"
_OWN_WORDS = re.compile(r"\s+(?:for\s+(?:me|us)|(?:that\s+)?I\s+(?:actually\s+|always\s+|once\s+)?[a-z]+)\s*$")
_REMARK_LEAD = re.compile(r"(?:\*\*|__)?([A-Za-z][\w ]{0,30}?)(?:\*\*|__)?:(?:\*\*|__)?[ \t]")  # (a back's own label)
_ASIDE = re.compile(r"\([^()]*\)?|\[[^\]]*\]?")
_KINDS = (CardKind.BASIC, CardKind.DEFINITION)  # ("Define: Key fact" is a definition card's front)
MAX_LABEL_WORDS = 6
MAX_PUT_WORDS = 3  # (a longer heading over a back that does not open on it is a claim or a name: no cue's label)
_ASKING = frozenset("why how what when which where who whether does do is are can should".split())
_CHOOSING = frozenset("which how".split())
_NAMES_AFTER = re.compile(r"\S[ \t]*[:—–][ \t]*\S")  # (a label's own colon or dash, with a name after it)  # (a longer opening is a sentence's subject, which asks for its predicate)


def idle_labels_asked(drafts: list) -> list:
    """The drafts with each basic card whose front ends on such a label (see the module's doc) asked by the
    label's kind or by its sentence's cue; its id stays the one of its former front."""
    asked = []
    for siblings, path in drafts:
        draft = siblings[0]
        front = len(siblings) == 1 and draft.kind in _KINDS and _asked_front(draft)
        if front:
            siblings = [replace(draft, front=front, id_front=draft.id_front or draft.front)]
        asked.append((siblings, path))
    return asked


def _asked_front(draft) -> str:
    """The front a card asks instead of its label, or '' when its front names what it asks."""
    if (defined := _DEFINE.fullmatch(draft.front)) and idle(defined["term"]) \
            and clean_prose(defined["term"]).strip(" .:*").casefold() not in _ORDINALS:  # (a bold "**last**:" in a
        # list of kinds of checkpoint is the name the writer defines, no pointer at a step)
        path, label = defined["path"], defined["term"]
        if " › " in path and (question := label_question(f"{path} › {label}", draft.back)):
            return f"{path}\n\n{question}"
        return _cued(path, label, draft.back)
    if not _bare(draft.front) or not _own_front(draft):
        return ""
    path, _, label = draft.front.rpartition(" › ")
    if names_a_remark(label):
        return ""  # (a bare kind of remark, "… › Remarks", is `label_asks`' to ask or keep)
    kind = _OWN_WORDS.sub("", label)  # ("Pitfall I actually hit", "Takeaway for me": a kind of remark, told)
    if kind != label and names_a_remark(kind) and (question := label_question(f"{path} › {kind}", draft.back)):
        return f"{path}\n\n{question}"
    named = clean_prose(label).strip(" .:").casefold() in clean_prose(path.rpartition(" › ")[2]).casefold()
    # (a side the heading above names, "With vs without replacement › Without replacement", is a name)
    return _cued(path, label, draft.back) if idle(label) and not _asks(path) and not named else ""


def _asks(path: str) -> bool:
    """Whether the path's last heading asks for a choice or a way ("Which requests to drop", "How to pick k"): the
    labels under it are its options ("› by priority", "› oldest first"), each the name of an answer, not a pointer
    ("Why differencing matters › Boosted trees too" is one more reason, still a pointer)."""
    words = [w.casefold() for w in _WORDS.findall(path.rpartition(" › ")[2])]
    return bool(words) and words[0] in _CHOOSING


def idle(label: str) -> bool:
    """Whether a heading or a defined term is a writer's label, not a name: a kind of remark, the writer's own
    story, or words no name opens or ends on (see `_OPENERS`, `_CLOSERS`)."""
    said = _ASIDE.sub("", clean_prose(label))  # ("Confusion-matrix vocab (I always forget)": a name, an aside)
    words = [w.casefold() for w in _WORDS.findall(said)]
    if not words or len(words) > MAX_LABEL_WORDS or words[0] in _ASKING or _NAMES_AFTER.search(said):
        return False  # ("Why REML works here" asks; "Fourth cousin: kernel logistic regression" names one)
    pointer = words[0] in _ORDINALS and (len(words) == 1 or words[1] in _POINTED)
    return names_a_remark(label) or _SPEAKS.search(said) \
        or words[0] in _OPENERS and (len(words) <= 2 or words[0] in _LINKS) or pointer \
        or words[-1] in _CLOSERS


def _cued(path: str, label: str, back: str) -> str:
    """`path` over the back's first sentence hidden after its label (its opening words, or the heading put before
    them: "Boosted trees too: a tree ensemble [...]") and its own cue ("In code, forgetting to fix [...]"); '' when
    the back is no sentence or gives no cue past the label."""
    text = back.strip()
    if not text or _NOT_PROSE.match(text) or _LIST_LINE.search(text):
        return ""  # (a sentence over a list, "Each of these takes one line:", is no cue for the list it opens)
    opening = re.match(rf"(?i)(?:\*\*|__)?{re.escape(label.rstrip(':').strip())}(?:\*\*|__)?[ \t]*"
                       r"(?:[:,—–→]|->|-(?=\s))?(?:\*\*|__)?[ \t]+", text)
    if not opening and len(_WORDS.findall(label)) > MAX_PUT_WORDS:
        return ""
    lead = opening.group(0) if opening else f"{label.rstrip(':').strip()}: "
    rest = text[opening.end():] if opening else text
    if (said := _REMARK_LEAD.match(rest)) and names_a_remark(said[1]):
        question = label_question(f"{path} › {said[1]}", rest[said.end():])  # ("In general" over "Lesson: …")
        return f"{path}\n\n{question}" if question else ""
    first = (sentences(rest) or [rest])[0].strip()
    cue = _rest_cue(first)
    if not cue.strip():
        return ""
    return f"{path}\n\n{lead}{cue}{HIDDEN}"
