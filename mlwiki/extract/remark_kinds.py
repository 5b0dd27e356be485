"""Heading-only fronts under a heading that names a kind of remark, not a subject: "Box–Cox › Catch", "MobileNets ›
Warning", "Dropout + BatchNorm › My takeaway", "SWAG › Assessment", "Bagging › One line summary", "KV cache › Other
tricks". Such a heading says what kind of thing its section says (a catch, a warning, a takeaway …); what it is
about is the subject of the nearest heading above that names one. The card asks that kind of remark of that
subject, as `facets` asks a facet of it:

    Box–Cox › Catch                      →  What is the catch with Box–Cox?
    MobileNets › Warning                 →  What should you watch out for with MobileNets?
    SWAG › Assessment  over "+ cheap …"  →  What is an advantage of SWAG?
    Boosting vs. bagging › Don't mix …   →  What is easily mixed up between boosting and bagging?

A back that opens on such a label ("Catch: …", "Motivation: CNNs pool gradually …") under a heading that names a
subject asks the label's kind of that heading ("Hierarchical pooling" → "What is the motivation for hierarchical
pooling?"). A remark or summary whose first sentence says what the subject is asks that ("Cauchy sequence ›
Remark" over "A Cauchy sequence is …" → "What is a Cauchy sequence?"); any other remark keeps its front ("What is
worth noting about …?" would only pad it).

No question is made where the heading alone does not say what is asked: a heading of another kind ("Relation to
other stuff", "Results", "Stability"), a subject above that is a clause ("Regularisation removes the peak"), a
diary's or a page's generic heading ("Learned", "About", "Lecture 5"), or a back that is not prose (a formula: the
"problem" of an optimisation note). Pure: text in, text out.
"""

from __future__ import annotations

import re

from mlwiki.extract import facets
from mlwiki.extract.labels import GENERIC_LABELS
from mlwiki.extract.prose import clean_prose

MIN_BACK_WORDS = 4
_QUALIFIED = r"(?:(?:my|our|key|main|the|one|a)\s+)?"
# Each kind of remark a heading may name (matched whole, in any case), and the question it asks of the subject X
_KINDS = (
    ("catch", r"(?:the\s+|one\s+)?(?:catch|trap)|(?:[\w-]+\s+)?gotcha|"
              r"(?:the\s+|a\s+|one\s+)?bug\s+i\s+(?:had|hit|made)(?:\s+for\s+[\w\s]{1,20})?",
     "What is the catch with {X}?"),  # ("sklearn gotcha", "Bug I had for two days": a trap the writer fell in)
    ("warning", r"warning|caution|beware|careful|watch\s+out", "What should you watch out for with {X}?"),
    ("takeaway", rf"{_QUALIFIED}(?:takeaway|lesson|moral|bottom\s+line)", "What is the takeaway from {X}?"),
    ("takeaways", rf"{_QUALIFIED}(?:takeaways|lessons(?:\s+learn[et]d?)?)", "What are the takeaways from {X}?"),
    ("tip", r"(?:practical\s+|one\s+)?(?:tip|advice)", "What is a practical tip for {X}?"),
    ("insight", rf"{_QUALIFIED}insight", "What is the key insight about {X}?"),
    ("fact", r"(?:key|main|important|crucial|central)\s+fact", "What is the key fact about {X}?"),
    ("rule", r"(?:the\s+)?rules?\s+of\s+thumb", "What is the rule of thumb for {X}?"),
    ("problem", r"(?:the\s+|main\s+)?problem", "What is the problem with {X}?"),
    ("known problem", r"known\s+(?:problem|issue)", "What is a known problem with {X}?"),
    ("fix", r"(?:the\s+)?(?:fix|solution|remedy|workaround)", "What is the fix for {X}?"),
    ("consequence", r"(?:(?:an?|one|the|important|key|main|major|crucial|big|practical|nice|neat|useful|"
                    r"interesting|cool|handy)\s+)?"
                    r"(?:consequence|corollary|implication|upshot)", "What follows from {X}?"),
    ("view", r"(?:(?:an?|one|the|my)\s+)?(?:equivalent|alternative|alternate|another|other|different|dual)\s+"
             r"(?:view|perspective|viewpoint|formulation|way\s+to\s+see\s+it)(?:\s+(?:i\s+like|worth\s+knowing))?",
     "What is another way to see {X}?"),
    ("finding", r"(?:key\s+|main\s+)?(?:observation|finding)|(?:key|main)\s+result|what\s+(?:i|we)\s+noticed",
     "What is the key finding of {X}?"),
    ("assessment", r"assessment|verdict", "What is the verdict on {X}?"),
    ("surprise", r"(?:(?:the|one|an?)\s+)?(?:odd|surprising|weird|strange|curious)\s+(?:thing|bit|part|fact)"
                 r"(?:\s+(?:from|in|about)\s+(?:the\s+)?(?:lecture|class|paper|lab|talk|book))?|(?:the\s+)?surprise",
     "What is surprising about {X}?"),
    ("numbers", r"(?:key\s+|typical\s+|the\s+)?numbers|typical\s+values", "What are the key numbers for {X}?"),
    ("practice", r"in\s+practice|practical(?:\s+(?:notes|stuff|details|points|matters|aspects))?|practicalities",
     "What matters in practice for {X}?"),
    ("remarks", r"remarks?|(?:side\s+)?notes?(?:\s+to\s+self)?|comments?|"
                r"(?:details|things|facts|points)\s+(?:worth\s+remembering|to\s+remember|to\s+keep\s+straight)",
     ""),  # (asked only when it says what the subject is)
    ("mixed", r"don['’]?t\s+(?:mix\s+(?:these|them|this|those)\s+up|confuse(?:\s+(?:these|them))?)|"
              r"(?:common\s+)?confusions?", "What is easily mixed up about {X}?"),
    ("summary", r"(?:high[- ]level\s+|short\s+)?summary|tl;?\s?dr|in\s+(?:a\s+nutshell|short)|spoiler(?:\s+alert)?",
     "What is {X}, in short?"),
    ("one line", r"one[- ]line(?:\s+summary|r)?|(?:summary\s+)?in\s+one\s+(?:line|sentence)|"
                 r"(?:the\s+)?one[- ]sentence(?:\s+(?:version|summary))?",
     "What is {X}, in one line?"),
    ("big picture", r"(?:the\s+)?big\s+picture", "What is the big picture of {X}?"),
    ("others", r"other\s+(?P<noun>tricks|techniques|methods|variants|tips|ideas|approaches|options|fixes|tools)",
     "What are the other {noun} for {X}?"),
    ("result", r"(?:the\s+)?result", "What result is reported for {X}?"),  # (only as a label the back opens with;
    # "What is the result of AdamW update?" reads as the update's output, not the finding it labels)
)
_KIND = re.compile("|".join(f"(?P<k{n}>{pattern})" for n, (_, pattern, _) in enumerate(_KINDS)), re.I)
_LABEL_ONLY = frozenset(("result",))  # (kinds asked only when the back opens on their label: "result: exact …")
_HEADING_ONLY = frozenset(("view",))  # (kinds asked only as a heading: "Other view: …" opens a formula's remark,
# which `remarks` words with the formula shown)
_DEFINES_FIRST = frozenset(("remarks", "summary", "one line"))  # (those that ask what the subject is, if they say it)
_SAID_APART = frozenset(("summary", "one line", "mixed", "big picture"))  # (of "A vs. B": how the two compare)
# A back's opening label: "Catch: …", "**Motivation:** …"; the words before its colon
_LABEL = re.compile(r"(?:\*\*|__)?(?P<label>[A-Za-z][A-Za-z '’-]{1,30}?)(?:\*\*|__)?:(?:\*\*|__)?\s+(?=\S)")

# Headings above a remark that name no subject: a diary's day or section, a page's frame, a list of runs
_GENERIC = re.compile(r"(?i)(?:learn(?:ed|t)|today|things\s+i\s+learn(?:ed|t)(?:\s+today)?|log|journal|notes|"
                      r"statements|about|readme|index|home|intro|misc(?:ellaneous)?|scratch(?:pad)?|inbox|runs|"
                      r"experiments|results|examples?|tags(?::.*)?|(?:lecture|week|day|part|chapter|session|lab|"
                      r"section|step|module|unit)\s*\d+[a-z]?|[\d\s./_-]+)")
# A subject that is a clause, not a name: "Regularisation removes the peak", "X is a learning-rate knob"
_CLAUSE = re.compile(r"(?i)\b(?:is|are|was|were|isn['’]t|aren['’]t|can|can['’]t|cannot|won['’]t|doesn['’]t|"
                     r"don['’]t|does|do|did|has|have|had|will|should|must|may|might)\b|"
                     r"\b[a-z]{3,}s\s+(?:the|a|an|its|their|it|you|us|them)\b|"
                     r"(?-i:^\S+\s+[a-z]{2,}(?<![su])s\s+"
                     r"(?!(?:of|for|in|on|with|and|or|vs|from|to|as|by|at|via)\b)[a-z])")
# ("Smoothing hurts distillation": a second word in "-s" before another word, a verb, not a plural name)
# Nouns that name a part of a method (with `GENERIC_LABELS`): "Loss", "Objective", "Update rule"
_PART_NOUNS = frozenset("loss objective algorithm setup training inference architecture implementation derivation "
                        "estimator".split())
_NUMBERING = re.compile(r"#?\d+[.)]?\s*[·•:–—-]?\s+")  # ("#6 Post-training …", "08 · Transfer learning")
_GENRE = re.compile(r"(?i)paper|notes?|reading|review|summary|lecture|talk|book|post|chapter|article")
_PAPER = re.compile(r"@?[A-Za-z]+\s*\d{4}[a-z]?")  # (a paper by its key: "guo2017", "@gal2016")
_LISTS = re.compile(r"[-*+][ \t][^\n]*\n(?:[ \t][^\n]*\n)*[-*+][ \t]")  # (a back that opens on two items or more)
_SECOND_LABEL = re.compile(r"\n[ \t]*(?:[-*+][ \t]+)?(?:\*\*)?[A-Z][a-z]+(?:\s[a-z]+)?(?:\*\*)?:\s")
_ONE_THING = frozenset(("catch", "warning", "takeaway", "insight", "fact", "tip", "rule", "problem", "known problem", "fix",
                        "consequence", "finding", "result", "surprise"))  # (kinds that ask for one thing)
_VERSUS = re.compile(r"\s+(?:vs\.?|versus)\s+", re.I)
_PROSE_START = re.compile(r"(?:\*\*|__|[-*+−]\s+|<b>|[\"“'(])*[A-Za-z`@]")  # (a back in words, not a formula)


def remark_question(path: str, back: str) -> str | None:
    """The question a front that is only a heading path asks when its last heading names a kind of remark
    ("… › Catch"), or its back opens on a label of such a kind ("Catch: …"); None when neither says what is
    asked (see the module's doc)."""
    headings = path.split(" › ")
    back = back.lstrip()
    if not _PROSE_START.match(back) or len(back.split()) < MIN_BACK_WORDS:
        return None  # (a back of a word or two names something: "key versioning" is no remark)
    if len(headings) < 2:
        return _summed_up(headings, back)  # (a note's title over its "Spoiler: …": the gist of its subject)
    label = _LABEL.match(clean_prose(back[:120]))
    if kind := _kind_of(headings[-1]):
        labelled = bool(label) and _kind_of(label["label"]) == kind
        if kind[0] in _LABEL_ONLY and not labelled or kind[0] in _ONE_THING and _LISTS.match(back):
            return None  # ("The catch" over three items: a list cut from its lead, no one catch)
        return _asked(kind, *_subject(headings[:-1]), headings, back)
    if not label or _SECOND_LABEL.search(back):
        return None  # ("Advantage: … / Limitation: …": the front would ask for one of two)
    subject, at = _subject(headings[-1:])
    if subject and names_a_remark(subject):  # ("… debate › Warning: My takeaway" over "My takeaway: …": the label
        subject, at = _subject(headings[:-1])  # the box was titled with is no subject; the heading above is)
    if (kind := _kind_of(label["label"])) and kind[0] not in _DEFINES_FIRST and kind[0] not in _HEADING_ONLY:
        return _asked(kind, subject, at, headings[-1:], back)  # ("Hierarchical pooling" over "Motivation: …")
    if subject and facets.is_facet(label["label"]):
        return facets.facet_question(label["label"].strip(), subject)
    return None


def _summed_up(headings: list[str], back: str) -> str | None:
    """The question of a note's title over a back that opens on a summary's label ("Spoiler: …", "TL;DR: …"): what
    the title's subject is, in short; None for any other back (the title alone says nothing of what is asked)."""
    label = _LABEL.match(clean_prose(back[:120]))
    kind = label and not _SECOND_LABEL.search(back) and _kind_of(label["label"])
    if not kind or kind[0] not in ("summary", "one line"):
        return None
    return _asked(kind, *_subject(headings), headings, back)


def names_a_remark(heading: str) -> bool:
    """Whether a heading names a kind of remark rather than a subject ("Catch", "My takeaway", "Remarks")."""
    return _kind_of(heading) is not None


def _kind_of(heading: str) -> tuple[str, str, str] | None:
    """(kind, its question, the noun it names if any) of a heading that names a kind of remark, else None."""
    found = _KIND.fullmatch(_plain(heading))
    if not found:
        return None
    n = next(int(name[1:]) for name, said in found.groupdict().items() if said and name[0] == "k")
    return _KINDS[n][0], _KINDS[n][2], (found["noun"] or "").lower()


def _plain(heading: str) -> str:
    """A heading as it is compared with the kinds: its prose, without the writer's aside or a closing mark
    ("Key finding (SimCLR ablation)" → "Key finding", "Catch!" → "Catch")."""
    return facets._asked_heading(heading)


def _asked(kind: tuple[str, str, str], subject: str, at: int, headings: list[str], back: str) -> str | None:
    """The question of a kind of remark about a subject (the heading at index `at` of the path), its name as the
    back writes it; None without one."""
    name, template, noun = kind
    if not subject:
        return None
    if name in _DEFINES_FIRST and (question := facets.defined_question(subject, back)):
        return question  # ("Cauchy sequence › Remark" over "A Cauchy sequence is …")
    if name == "remarks":
        return None  # (any other remark: "What is worth noting about …?" would only pad the path)
    if name == "fix" and subject.lower() in back.lower():
        return None  # ("LP-FT › Fix" over "Fix: LP-FT — …": the fix is the subject, not what it fixes)
    said = facets._as_written(subject, back)
    if name in _SAID_APART and len(apart := _VERSUS.split(said)) == 2:
        first, second = apart
        if name == "mixed":
            return f"What is easily mixed up between {first} and {second}?"
        return f"How do {first} and {second} compare, {'in one line' if name == 'one line' else 'in short'}?"
    template, said = _worded(name, template, said, at, headings, back)
    return template.format(X=said, noun=noun)


def _worded(name: str, template: str, said: str, at: int, headings: list[str], back: str) -> tuple[str, str]:
    """(question, subject) of a kind of remark as its case words it: one side of a verdict ("+ cheap …"), a note's
    own problem (the subject is the heading at index `at`: 0, the title), what a definition implies, a topic's
    finding (not a paper's), a summary of a plural name."""
    if name == "assessment" and back[:1] in "+−":  # ("+ cheap …", "− unimodal …": one side of the verdict)
        return ("What is an advantage of {X}?" if back[:1] == "+" else "What is a drawback of {X}?"), said
    if name == "problem" and at == 0:  # (a note's own "Problem": the one its method or paper takes on)
        return "What problem does {X} address?", said
    if name == "consequence" and at == len(headings) - 3 and facets._asked_heading(headings[-2]) == "Definition":
        return template, f"the definition of {said}"  # ("… › Definition › Consequence")
    if name == "finding" and not _PAPER.fullmatch(said):
        return "What is the key finding about {X}?", said
    if name in ("summary", "one line") and (" and " in said or len(said.split()) <= 3 and facets._names_many(said)):
        return template.replace("What is", "What are"), said  # ("Recurrent Neural Networks", "Attention and …")
    return template, said


def _subject(headings: list[str]) -> tuple[str, int]:
    """The subject the remark is about and the index of its heading: the nearest heading above that names one
    (`facets._parent`), past the headings that name a remark or nothing ("Learned", "Runs"); ('', -1) when it
    is a clause, two subjects ("Design / analysis") or none."""
    kept = list(headings)
    while kept and (names_a_remark(kept[-1]) or _GENERIC.fullmatch(clean_prose(kept[-1]).strip())):
        kept.pop()
    if not kept:
        return "", -1
    kept[-1] = _named_part(kept[-1])
    subject = facets._parent(kept) if kept[-1] else ""
    if not subject and facets._ACTIVITY.match(kept[-1]):  # ("Boosting vs. bagging", "Getting $b$": its name)
        subject = facets._CUT.split(kept[-1], 1)[0].strip()
    first, *rest = subject.split(" ") if subject else [""]
    if first.endswith("ing") and first[:1].isupper() and first[1:].islower() \
            and not any(word[:1].isupper() for word in rest):  # ("What matters in practice for getting $b$?")
        subject = subject[0].lower() + subject[1:]
    if not subject or _CLAUSE.search(subject) or _GENERIC.fullmatch(subject) or subject.startswith("$") \
            or " / " in subject:
        return "", -1
    at = next((k for k in range(len(kept) - 1, -1, -1) if not _skipped(kept[k])), len(kept) - 1)
    if names_a_part(subject) and at > 0 and (whole := _subject(kept[:at])[0]):
        return _part_of(subject, whole), at  # ("Q-learning › Update rule › Warning": the Q-learning update rule)
    return subject, at


def names_a_part(heading: str) -> bool:
    """Whether a heading names a part any subject has ("Update rule", "Loss", "Formula"), not a subject of its
    own: a remark under it is about that part of the subject above."""
    words = heading.casefold().split()
    return bool(words) and len(words) <= 3 and all(word in GENERIC_LABELS or word in _PART_NOUNS for word in words)


def _part_of(part: str, whole: str) -> str:
    """A part named with the subject it is a part of: "the Q-learning update rule", "the loss of deep Q-networks"
    (a longer name goes after it)."""
    part = part.casefold()
    return f"the {whole} {part}" if len(whole.split()) <= 2 else f"the {part} of {whole}"


def _skipped(heading: str) -> bool:
    """Whether `facets._parent` passes over a heading to the one above it ("Definition", "Overview")."""
    heading = clean_prose(heading).strip()
    return bool(facets._CONTAINER.fullmatch(heading)) or facets.is_facet(heading)


def _named_part(heading: str) -> str:
    """The part of a heading that names its subject: past its number ("#6 Post-training …", "08 · Transfer
    learning") and a genre's label ("Paper: Deep Compression"); the name after a one-word label when it is a name
    ("Variance: Box–Cox"), none when it is not ("Weakness: correlation": a weakness of what is above)."""
    heading = clean_prose(heading).strip()
    heading = _NUMBERING.sub("", heading, count=1) if _NUMBERING.match(heading) else heading
    label, colon, rest = heading.partition(": ")
    if not colon or " " in label.strip():
        return heading
    if re.search(r"[A-Z]", label[1:]):  # ("NUTS: the No-U-Turn Sampler": the label is the name)
        return label
    if _GENRE.fullmatch(label) or rest[:1].isupper():
        return rest.strip()
    return ""
