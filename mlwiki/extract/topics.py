"""What a short passage is about, named in a few words for a front that would otherwise name nothing: an untitled
callout's kind ("… › Nested CV › Warning" warns about what?) or a heading that names no subject ("Reminder to
self"). The topic is the label its first sentence opens with ("Advantages of policy methods: handle …"), else that
sentence's subject, the words before its verb ("All preprocessing that learns from data must be fit …" → "all
preprocessing that learns from data"), else the phrase an instruction is for ("For a plain CNN, start with …" →
"for a plain CNN"). An instruction names what it is about ("Don't use batch norm in the critic …" → "batch norm in
the critic …"; "Always centre the data first." → "always centre the data first"), a reading what is read ("I think of $x$ as …" → "$x$"), a
denial what is denied ("This is NOT classic SVD." → "not classic SVD"), an equation its left side ("Hybrid = CF +
content"). A pronoun ("It", "This") is no topic: the passage then names none ("").
"""

from __future__ import annotations

import re

from mlwiki.extract.prose import clean_prose, sentences

MAX_TOPIC_WORDS = 8
# A label the sentence opens with: "Advantages of policy methods: …", "The general pattern: …" (no verb in it)
_LABEL = re.compile(r"([^:;,.!?\n]{3,60}?):\s+\S")
# The verbs and auxiliaries a subject stands before (a closed class: English's auxiliaries and the commonest verbs
# of a note's statements), with an adverb that may come between ("… is still …", "… also shows up …")
# (not after a hyphen: "k-means", "log-likelihood-gives" name things, "means" there is no verb)
_VERB = re.compile(r"(?:(?<![\w-])(?:(?:only|also|still|often|always|never|usually|rarely|just|mostly|typically|generally) )?"
                   r"(?:is|are|was|were|isn['’]t|aren['’]t|must|should|can|cannot|can['’]t|could|may|might|will|"
                   r"would|does|do|doesn['’]t|don['’]t|has|have|had|shows?|means?|gives?|needs?|makes?|keeps?|works?|"
                   r"fails?|helps?|depends?|uses?|takes?|returns?|breaks?|changes?|matters?|applies|apply|holds?|"
                   r"says?|tells?|leads?|becomes?|comes?|goes|gets?|lets?|scales?|grows?|shrinks?|reduces?|"
                   r"increases?|decreases?|requires?|assumes?|behaves?|converges?|diverges?|finds?|learns?|"
                   r"solves?|predicts?|wants?|speeds|slows|improves?|hurts?|causes?|prevents?|avoids?|beats?|"
                   r"outperforms?|produces?|ignores?|tends?|seems?|stays?|remains?|happens?|drops?|go|lose|loses|computes|"
                   r"varies|vary|differs?|"
                   r"multiplies|forces)(?![\w-])|(?<=\s)[=≈](?=\s))")
_AUXILIARY = re.compile(r"(?:is|are|was|were|isn['’]t|aren['’]t|must|should|can|cannot|can['’]t|could|may|might|"
                        r"will|would|does|do|doesn['’]t|don['’]t|has|have|had|[=≈])$")
_PREPOSITION = r"(?:for|in|with|when|if|on|under|at|before|after|during)"
# "For a plain CNN, start with …" (a noun's phrase: not "If we drop …, the …", a clause of its own)
_OPENER = re.compile(r"(?i)((?:for|in|with|on|under|at|during|(?:when|after|before|while) \w+ing\b) "
                     r"(?![^,;:]*\b(?:we|you|i|it|they)\b)[^,;:]{2,50}),\s")  # ("When restarting training, …")
# "In ML this shows up when …": the phrase before the pronoun says where
# "Since PyTorch multiplies …, changing the LR …": a reason or condition before the main clause, whose subject the
# sentence is about (not "Since PyTorch", the words before the clause's own verb)
_CLAUSE_OPENER = re.compile(r"(?i)(?:since|because(?! of\b)|although|though|whereas|unless|once|if|when|while)\s"
                            r"[^,;:]{2,80},\s")
_PLACE = re.compile(rf"(?i)({_PREPOSITION} .+?),? (?:this|it|that|these|they|you|we)$")
_RELATIVE = re.compile(r"(?:that|which|who|whose(?:[ \t]+[\w$\\{}^'’-]+){0,2})$")  # a verb after it is the relative
# clause's, not the sentence's ("a softmax whose row is split … is handled by …": the softmax is handled)
_SUBORDINATE = re.compile(r"\b(?:unless|because|although|though|whereas|until|since|if|when|while)\b")  # (… of a clause)
_NOT_TOPIC = re.compile(r"(?i)(?:it|its|this|that|these|those|they|there|here|we|you|i|one|so|then|such|"
                        r"the (?:same|other|former|latter|above|following|rest)|don['’]t|do not|never|always|only|just|"
                        r"also|and|but|or|everything|anything|something|nothing)\b")
_ASIDE = re.compile(r"\s+\([^()]*\)")  # (not "$\\log_2(i+1)$", math)
_MATH_SPAN = re.compile(r"(\$[^$\n]+\$|`[^`\n]+`)")  # (and code: "`requires_grad_(False)`" keeps its "_")
_EMPHASIS = re.compile(r"\*\*|__|[*_](?<!\w[*_])(?=\w)|[*_](?<=\w[*_])(?!\w)")  # (each mark before what is around
# it: the search skips to a mark)
# Words a name does not end on, and marks a name does not hold: what holds them is a clause
# (a phrase that ends on a joining word, or on a person's pronoun, "Ignores how much you'd", cut before its verb)
_NOT_A_NAME = re.compile(r"[;,—]|–(?!\w)|(?<!\w)–|\b(?:and|or|but|the|a|an|of|with|to|for|by|in|on|that|which|"
                         r"(?:you|we|they|he|she|I)(?:['’](?:d|ll|ve|re))?)$", re.I)
# A sentence that ends inside the words ("Unscale first. Clipping": a bold first sentence the splitter keeps with
# the next one): a title ends at a sentence's end, not in the next sentence's first words
_SENTENCE_INSIDE = re.compile(r"\b(?!(?:al|vs|etc|cf|eg|ie)\b)[a-z]{2,}[.!?] +[A-Z]")
_OPENING_SYMBOL, _BOLD, _CODE = re.compile(r"^(\$[^$\n]{1,20}\$)\s"), re.compile(r"\*\*([^*\n]{2,40}?)\*\*"), \
    re.compile(r"(`[^`\n]{1,40}`)")
_LEAD_ARTICLE = re.compile(r"(?:The|A|An|All|Each|Every|Any|Some|Most|Many)\b")
# An instruction: "Don't use batch norm in the critic …", "Always include a naïve baseline …", "Never …"
_INSTRUCTION = re.compile(r"(?i)(?:always|never|don['’]t|do not|avoid)\s+(?:(?:just|ever|really)\s+)?([\w-]+)\s*(.*)")
# What an instruction is about ends where its reason or its next clause starts
_OBJECT_END = re.compile(r"\s*(?:[:;,.—–(]|\s(?:because|since|so|as|when|if|unless|or|otherwise)\b)")
# Verbs an instruction says little with: what it is about is their object ("Always include a naïve baseline …")
_LIGHT_VERBS = frozenset("use apply include add put set call run try trust mix report skip keep pass".split())
_READING = re.compile(r"(?i)(?:i\s+(?:\w+\s+)?)?think of (.+?) as\b")  # "I think of $\sqrt{\bar\alpha_t}$ as …"
_DENIAL = re.compile(r"(?i)(?:(?:this|it|that)\s+(?:is|['’]s)\s+)?(not\b.+)")  # "This is NOT classic SVD."
_DETERMINER = re.compile(r"\s(?:the|a|an)\s")  # "In code the non-saturating loss": where the subject starts
_PLACED = re.compile(_PREPOSITION + r"\b", re.I)  # (a subject that opens on one: a place, no subject)
_LETTERS = re.compile(r"[^\W\d_]{2,}")  # (two letters side by side: a word, not a formula's symbols)
_ADVERB_END = re.compile(r"\s+\w+ly$")  # ("each parameter effectively": the adverb before the verb)


_HIGHLIGHT = re.compile(r"==(?=\S)(.+?)(?<=\S)==")
_CONCLUDING = frozenset("→⇒⟹∴")


def passage_topic(text: str, known: str = "") -> str:
    """What the passage's first sentence is about, in at most `MAX_TOPIC_WORDS` words; '' when it says none.
    `known`: the front the topic goes under; a subject it says already ("Early stopping › early stopping") is no
    topic, the phrase the sentence opens with may be ("for linear models trained from zero")."""
    first = sentences(clean_prose(text).strip())[0].strip() if text.strip() else ""
    first = _ASIDE.sub("", first)
    if "==" in first or first[:1] in _CONCLUDING:
        first = _HIGHLIGHT.sub(r"\1", first).lstrip("→⇒⟹∴ ")  # ("→ ==there is no …==": a conclusion, highlighted)
    if said := _said_topic(first):
        return said
    if (label := _LABEL.match(first)) and not _VERB.search(label.group(1)):
        return as_topic(label.group(1))
    opener = _OPENER.match(first)
    clause = first[opener.end():] if opener else first
    if not opener and (subordinate := _CLAUSE_OPENER.match(first)):
        clause = first[subordinate.end():]  # (the main clause says what the sentence is about)
    verb = next((v for v in _VERB.finditer(clause) if not _RELATIVE.search(clause[:v.start()].rstrip())), None)
    if verb and _SUBORDINATE.search(clause, 0, verb.start()):
        verb = None  # ("BBB underfits unless the KL is down-weighted": "is" is the clause's, the subject not "the KL")
    if verb and verb.start() > 0 and not _NOT_TOPIC.match(clause):
        subject = _ADVERB_END.sub("", clause[:verb.start()].strip())  # ("each parameter effectively gets …")
        if place := _PLACE.match(subject):
            return as_topic(place.group(1))
        if (placed := _PLACED.match(subject)) and (det := _DETERMINER.search(subject, placed.end() + 1)):
            subject = subject[det.start() + 1:]  # ("In code the non-saturating loss is …": the loss; "In the paper
            # the decay is …": the decay, not the determiner of the place)
            placed = _PLACED.match(subject)
        if not (known and as_topic(subject).casefold() in known.casefold()):
            return "" if placed else as_topic(subject)
        if not opener and (named := as_topic(subject)) and not _AUXILIARY.search(verb.group(0)):
            return f"{named} {verb.group(0)} …"  # (the front's own subject: what it does, "LoRA usually wants …")
    return as_topic(opener.group(1)) if opener else ""


_HYPHEN_TAIL = re.compile(r"(?<=\w)-([a-z]+)\b")


def cut_at_hyphen(words: str) -> str:
    """The words as a topic was cut before a hyphenated name stopped reading as a verb ("Initialise with k-means …" →
    "Initialise with k", whose id a card keeps); '' when no word has such a tail."""
    cut = next((found.start() for found in _HYPHEN_TAIL.finditer(words) if _VERB.fullmatch(found.group(1))), 0)
    return words[:cut]


def callout_topic(text: str, known: str = "") -> str:
    """What a callout or a `**Note:**` aside is about: its first sentence's topic (under the front `known`, else
    alone), else what it names first (`named_in`); '' when it says none."""
    return passage_topic(text, known) or (known and passage_topic(text)) or named_in(text)


def named_in(text: str) -> str:
    """What the first sentence of a passage names when it has no subject `passage_topic` finds: the symbol it opens
    on ("$C$ multiplies a sum …"), its first bold term ("don't confuse with **over-squashing** …") or its first code
    ("librosa's `hz_to_mel` defaults to …"); '' when it names nothing so."""
    first = sentences(text.strip())[0] if text.strip() else ""
    if symbol := _OPENING_SYMBOL.match(first):
        return symbol.group(1)
    named = sorted((found.start(), found.group(1)) for pattern in (_BOLD, _CODE) if (found := pattern.search(first)))
    return as_topic(named[0][1]) if named else ""  # (the first of them)


def _without_emphasis(words: str) -> str:
    """The words without their `**`/`_` markers, math and code left as they are (the `_` of `$y_{T+h}$` is a
    subscript)."""
    if "$" not in words and "`" not in words:
        return _EMPHASIS.sub("", words)
    parts = _MATH_SPAN.split(words)  # (math at odd places: kept)
    return "".join(part if k % 2 else _EMPHASIS.sub("", part) for k, part in enumerate(parts))


def as_topic(words: str) -> str:
    """The words (a label, a sentence's subject) as a topic: trimmed, a leading article in lower case ("The decomposition" → "the decomposition");
    '' when they are too many to be a name or hold a formula's text only."""
    words = _without_emphasis(words).strip(" \t*_,;:—–-")  # (not a backtick: "Choosing `eps`" keeps its code)
    if not words or len(words.split()) > MAX_TOPIC_WORDS or not _LETTERS.search(words.replace("$", " ")) \
            or _NOT_A_NAME.search(words) or _SENTENCE_INSIDE.search(words) or words.count("(") != words.count(")") or words.count('"') % 2 \
            or words.count("“") != words.count("”") or words.count("$") % 2:
        return ""  # (a clause, "… negatives and", or a phrase broken at a bracket or a quote: no name of anything)
    if _LEAD_ARTICLE.match(words) or _PLACED.match(words):
        return words[:1].lower() + words[1:]
    return words  # ("Beam search", "Adam": as written)


def _said_topic(first: str) -> str:
    """The topic of a first sentence that is an instruction, a reading of a symbol or a denial: '' for any other."""
    if instruction := _INSTRUCTION.match(first):
        verb, rest = instruction.groups()
        what = rest[:end.start()] if (end := _OBJECT_END.search(rest)) else rest.rstrip(".!")
        if what.strip() and verb.casefold() in _LIGHT_VERBS:
            return as_topic(what)  # ("Don't use batch norm in the critic with GP: …" → "batch norm in the critic …")
        said = first[:instruction.start(2) + len(what)].rstrip(" .!")
        return _lower_first(as_topic(said))  # ("Always centre the data first, …", "Don't over-difference.")
    if reading := _READING.match(first):
        return as_topic(reading.group(1))
    if (denial := _DENIAL.fullmatch(first.rstrip(".!"))) and not _VERB.search(denial.group(1)):
        return _lower_first(as_topic(denial.group(1)[:3].lower() + denial.group(1)[3:]))  # ("This is NOT classic SVD.")
    return ""


def _lower_first(words: str) -> str:
    return words[:1].lower() + words[1:]
