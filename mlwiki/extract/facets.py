"""Heading-only fronts that ask: a section card whose front is only its heading path ("PPO › Motivation", "GP › Cost",
a note's bare title) asks nothing a learner could answer. By the form of its last heading it becomes a question
about what that heading is a facet of, shown under the path, as a claim's or a bold question's front is:

- a heading that names a generic facet of its parent ("Motivation", "Limitations", "Cost", "Assumptions",
  "How it works", "When to use" …) asks it of the parent: "PPO › Motivation" + "What is the motivation for PPO?";
- a heading that is a question without its "?" ("Why learn Q instead of V", "Why it works") is asked as one;
- a heading over a back whose first sentence says what the heading's subject is ("Receptive fields" over "The
  receptive field of a unit is …") asks "What is the receptive field of a unit?"; over a back that says it lists
  the kinds of it ("There are three types of recommendation systems: …"), "What are the types of …?";
- a heading that names a kind of remark ("Catch", "Warning", "My takeaway", "One line summary") asks that remark
  of the subject above it (`remark_kinds`: "What is the catch with Box–Cox?");
- a heading over a back that says what a term the front does not name is ("Multi-step strategies" over "DirRec =
  direct models that …") asks what it is (`term_asks`: "What is DirRec?").

Any other heading keeps its front: no question is guessed. `heading_asks` gives each such card its question; the
card's id stays that of the front it had (its `id_front`), so its review history is kept.
"""

from __future__ import annotations

import functools
import re

from mlwiki.extract.asked_names import names_a_thing, sets_a_value
from mlwiki.extract.claim_asks import with_article
from mlwiki.extract.corrections import BELIEF
from mlwiki.extract.defining import stems
from mlwiki.extract.prose import clean_prose, sentences
from mlwiki.extract.setting_asks import led_to_question

# The forms whose front may be only a heading path (a labelled item's label is one more heading: "… › downside")
FORMS = frozenset(("section", "outline", "list"))

_OPT = r"(?:(?:main|key|major|known|common|practical|computational|some|other|core|central|crucial|important|"\
       r"fundamental|underlying)\s+)?"  # ("Core assumption": a facet however the writer stresses it)
# A facet named in the plural ("Limitations", "Pros and cons", "Key assumptions"): "What are the … of X?"
_PLURAL_FACET = re.compile(
    rf"(?i){_OPT}(pros\s*(?:and|&|/)\s*cons|limitations|drawbacks|disadvantages|downsides|cons|pros|advantages|"
    r"benefits|strengths|weaknesses|assumptions|properties|caveats|pitfalls|gotchas|applications|use cases|"
    r"challenges|failure modes|implementation details|practical considerations)")
# … in the singular ("Limitation", "Key property"): "What is a … of X?"
_SINGULAR_FACET = re.compile(rf"(?i){_OPT}(limitation|drawback|disadvantage|downside|advantage|benefit|"
                             r"assumption|property|caveat|pitfall|gotcha|application|use case|failure mode)")
# The words that stress a facet as the one a method rests on ("Core assumption"): asked with "the", kept
_STRESSED = frozenset("core central crucial fundamental underlying".split())
# A facet asked by a template of its own (the parent stands for X)
_ASKED = [
    (re.compile(r"(?i)motivation|why\s+(?:use\s+)?it\??"), "What is the motivation for {X}?"),
    (re.compile(r"(?i)why\s+(?:care|bother)"), "Why care about {X}?"),
    (re.compile(r"(?i)(?:the\s+)?intuitions?"), "What is the intuition behind {X}?"),
    (re.compile(r"(?i)(?:the\s+)?(?:key|main|core|big|basic)?\s*idea"), "What is the key idea of {X}?"),
    (re.compile(r"(?i)(?:computational\s+|time\s+|space\s+|memory\s+)?(?:cost|complexity)"),
     "What is the {facet} of {X}?"),
    (re.compile(r"(?i)interpretation|how\s+to\s+interpret(?:\s+it)?"), "How do you interpret {X}?"),
    (re.compile(r"(?i)how\s+to\s+read(?:\s+it)?|reading(?:\s+it)?"), "How do you read {X}?"),
    (re.compile(r"(?i)when\s+(?:to|should\s+you)\s+use(?:\s+it)?"), "When should you use {X}?"),
    (re.compile(r"(?i)training"), "How do you train {X}?"),
    (re.compile(r"(?i)inference"), "How does inference work in {X}?"),
    (re.compile(r"(?i)definition"), "What is the definition of {X}?"),
    (re.compile(r"(?i)(?:the\s+)?closed[- ]form(?:\s+(?:solution|expression))?"), "What is the closed form of {X}?"),
    (re.compile(r"(?i)(?:the\s+)?closed[- ]forms|closed[- ]form\s+(?:solutions|expressions)"),
     "What are the closed forms of {X}?"),
]
# Any facet of the three above, one pattern (each in its own flags): a heading asked once, not fourteen times
_ANY_FACET = re.compile("|".join(f"(?i:{p.pattern[4:]})" if p.pattern.startswith("(?i)") else f"(?:{p.pattern})"
                                 for p in (_PLURAL_FACET, _SINGULAR_FACET, *(pattern for pattern, _ in _ASKED))))
# A heading that asks without its "?", in a question's word order: "What makes a valid kernel", "Why does it work",
# "Why attention" (not "Why the scale matters", "When restarting training": a clause, no question)
_QUESTION_WORD = re.compile(r"(?i)(?:why|how|when|what|which)\s+\S")
_ASKS = re.compile(r"(?i)(?:why|how|when|what|which)\s+(?:is|are|was|were|does|do|did|can|could|should|would|will|"
                   r"makes?|happens)\s+\S.*|why\s+[^\s$]+")
_IT_DOES = re.compile(r"(?i)(why|how)\s+it\s+([a-z]+?)s\b(.*)")  # "How it works" → "How does X work"
# "What it is" → "What is X"; "Why it is hard" → "Why is X hard"
_IT_IS = re.compile(r"(?i)(what|why|how)\s+it\s+is\b(.*)")
_WE_DO = re.compile(r"(?i)(why)\s+(?:we|you|i)\s+(.+)")  # "Why we care about X" → "Why care about X"
_HOW_TO = re.compile(r"(?i)how\s+to\s+(.+)")  # "How to pick k" → "How do you pick k"
_IT = re.compile(r"\b[Ii]t\b")
_VERB_OF_IT = re.compile(r"(?i)\b(does|is|was|has)(\s+)(?=it\b)")  # the verb "it" takes: "Why does it help"
_PLURAL_VERB = {"does": "do", "is": "are", "was": "were", "has": "have"}
# Headings that hold a subject's facets without naming one ("Detail", "Overview"): the facet's parent is above them
_CONTAINER = re.compile(r"(?i)details?|overview|background|basics|summary|introduction|in practice|theory|"
                        r"explanation|discussion|modell?ing|"
                        # (a writer's label over remarks names no subject: "… › Things to notice › Caveat" is a
                        # caveat of the heading above the label)
                        r"things to (?:notice|note|remember|keep in mind)|(?:side )?notes?(?: to self)?|remarks?|"
                        r"observations?|(?:key )?(?:insights?|takeaways?|points?)")
# A parent that names an activity, not a subject: "Implementing dropout", "Designing the layer"
_ACTIVITY = re.compile(r"[A-Z][a-z]+ing\s+[a-z]")
# A title's words that speak to the reader or of the writer: a hook before its subject, no name of it
_SPOKEN = re.compile(r"(?i)\b(?:you|your|we|our|i|i'm|my|don['’]t|can['’]t|won['’]t|let['’]s)\b")
_NUMBERED = re.compile(r"(?:\d+[.)]?|[IVX]+\.)\s+")  # "05. Video recommendation": its name after the number
_MID_ASIDE = re.compile(r"[ \t]+\([^()\n]{1,30}\)(?=[ \t]+[a-z])")  # an aside inside a name: words after it go on
_CLOSED_FORM = re.compile(r"(?i)(?:the\s+)?closed[- ]forms?(?:\s+(?:solutions?|expressions?))?")
_DISPLAY_MATH = re.compile(r"\$\$|\\\[|\\begin\{")  # (a back that holds display math: "$$", "\\[", an environment)
_CUT = re.compile(r"\s+[—–]\s+|:\s|,\s(?=[a-z])|\s+\(")  # "PPO — Proximal …", "Pruning: to avoid …", "BN (+ LN)": its name
_DEFINES = re.compile(r"(?:(?P<art>A|An|The)\s+)?(?P<subj>[^.,;:()*_`\n]{2,80}?)\s+(?:(?P<verb>is|are)\s+"
                      r"(?:(?:\w+ly|actually|simply|basically|just|essentially|precisely)\s+)?"  # (an adverb, then
                      r"(?!the\s+[\w-]+\s+one\b)"  # (not a judgement: "Collider row is the weird one")
                      r"(?:(?:a|an|the|one|any|each|every|two|three|to)\s|[A-Z$\d])"  # what it is: "a …", "$k$", "to …")
                      r"|=\s+[^\s=])")  # ("mAP = mean of AP over classes")
_ASIDE = re.compile(r"\s*\([^()]*\)\s*$|\*\*?|(?<!\w)_+|_+(?!\w)")  # a closing aside in brackets, emphasis
_PLURAL = re.compile(r"[a-z]{2}(?<![siu])s$")  # "anchors", not "loss", "bus", "analysis"
# A word the first paragraph needs to say what a subject is or list its kinds (`_DEFINES`, `_KINDS`): sought first
_MAY_DEFINE = re.compile(r"(?i)\b(?:is|are|types|kinds|categories|families|classes|flavou?rs)\b|=")
# (the same of a text in ASCII, searched in lower case: each word's first letter before its look-behind, so that the
# search skips to a letter one can start with; `(?i)` and `\b` first try every character, twice as slow)
_MAY_DEFINE_ASCII = re.compile(r"=|i(?<!\wi)s\b|a(?<!\wa)re\b|t(?<!\wt)ypes\b|k(?<!\wk)inds\b|"
                               r"c(?<!\wc)(?:ategories|lasses)\b|f(?<!\wf)(?:amilies|lavou?rs)\b")
# A sentence that says what its subject is: "MCMC is a powerful technique …", "X are a family of …"
_WHAT_IT_IS = re.compile(r"(?:(?:A|An|The)\s+)?[^.,;:()\n]{1,60}?\s+(?:is|are)\s+(?:a|an|one)\s")
_KINDS = re.compile(r"(?i)\b(types|kinds|categories|families|classes|flavou?rs)\s+of\s+([^.:;\n]{3,80})")
_KIND_WORDS = ("types", "kinds", "categories", "families", "classes", "flavo")  # (one in every match of `_KINDS`)


def asked_front(path: str, back: str) -> str | None:
    """The question a front that is only a heading path asks, by the form of its last heading ("PPO › Motivation":
    "What is the motivation for PPO?"), or by the back's first sentence when that says what the heading's subject
    is or lists its kinds; None when neither says what is asked."""
    headings = path.split(" › ")
    last = _asked_heading(headings[-1])
    if not last or last.endswith("?"):
        return None
    if _closed_form_unshown(last, back):
        return None
    if _is_facet(last) or _QUESTION_WORD.match(last):  # (what `facet_question` asks of; a parent costs a search)
        parent = _as_written(_parent(headings[:-1]), back)
        if parent and (question := facet_question(last, parent)) and not _says_what(question, back) \
                and not _defines_another(question, parent, back):
            return question
    return defined_question(last, back)


def _closed_form_unshown(heading: str, back: str) -> bool:
    """Whether a "Closed form" heading's card holds no formula: the formula is a card of its own, this one a
    remark on it ("The matrix is always invertible …"), which asks for no closed form."""
    return bool(_CLOSED_FORM.fullmatch(heading)) and not _DISPLAY_MATH.search(back)


@functools.lru_cache(maxsize=4096)  # (pure: a heading is the last of the path of each card under it)
def _asked_heading(heading: str) -> str:
    """A heading as `asked_front` reads it: its prose, without the writer's aside and a closing mark
    ("Properties (memorize!!)" → "Properties")."""
    return _ASIDE.sub("", clean_prose(heading)).strip().rstrip("!:. ")


def _says_what(question: str, back: str) -> bool:
    """Whether a 'How …?' question's back says only what its subject is ("MCMC is a powerful technique for …"
    under "How it works"): its first sentence defines, and no list or second paragraph goes on to say how."""
    if not question.startswith("How") or "\n" in back.strip():
        return False
    return bool(_WHAT_IT_IS.match(back.lstrip()))


def _defines_another(question: str, parent: str, back: str) -> bool:
    """Whether a "What is the definition of X?" back never names X: the section's defining sentence went to a card
    of its own (its formula's), and what is left says what something else is ("The set of … is the natural
    parameter space"), no definition of X."""
    if not question.startswith("What is the definition of"):
        return False
    first = clean_prose(back.split("\n\n", 1)[0])
    found = sentences(first)
    return bool(found) and bool(_NAMES_ANOTHER.search(found[0])) and not stems(parent) <= stems(first)


def facet_question(facet: str, parent: str) -> str | None:
    """The question a heading that names a facet of `parent`, or asks about it without its "?", stands for; None
    when the parent names two subjects ("The STFT and the window / hop trade-off": the definition of which?)."""
    if (" / " in parent or " and " in parent) and _TWO_SUBJECTS.search(parent):
        return None
    if found := _PLURAL_FACET.fullmatch(facet):
        return f"What are the {_lower(found[1])} of {parent}?"
    if (found := _SINGULAR_FACET.fullmatch(facet)) and facet.split()[0].lower() in _STRESSED:
        return f"What is the {_lower(facet)} of {parent}?"  # ("Core assumption": the one the method rests on)
    if found:
        return f"What is {'an' if found[1][0] in 'aeiouAEIOU' else 'a'} {_lower(found[1])} of {parent}?"
    for pattern, template in _ASKED:
        if pattern.fullmatch(facet):
            return template.format(X=parent, facet=_lower(facet))
    if not _QUESTION_WORD.match(facet):
        return None
    facet = facet.rstrip(" .:")
    plural = _names_many(parent)
    if found := _IT_IS.fullmatch(facet):
        return f"{found[1].capitalize()} {'are' if plural else 'is'} {parent}{found[2].rstrip()}?"
    if found := _IT_DOES.fullmatch(facet):
        return f"{found[1].capitalize()} {'do' if plural else 'does'} {parent} {found[2].lower()}{found[3]}?"
    if found := _HOW_TO.fullmatch(facet):
        return f"How do you {_IT.sub(parent, found[1])}?"
    if found := _WE_DO.fullmatch(facet):
        return f"{found[1].capitalize()} {found[2]}?"
    if not _ASKS.fullmatch(facet):
        return None
    if plural and "it" in facet:  # ("Why does it help" of "Warmup schedules": "Why do warmup schedules help?")
        facet = _VERB_OF_IT.sub(lambda verb: _PLURAL_VERB[verb[1].lower()] + verb[2], facet)
    return f"{facet[0].upper()}{_IT.sub(parent, facet[1:])}?"


# A sentence that ends on the name it gives what it speaks of: "The set of … is the natural parameter space (convex)."
_NAMES_ANOTHER = re.compile(r"\s(?:is|are)\s+(?:called\s+)?the\s+[^\s.,;:()$]+(?:\s+[^\s.,;:()$]+){0,4}"
                            r"(?:\s*\([^()]*\))?[ \t]*[.!]?[ \t]*$")
# Two subjects in one title: "X and the Y", "the window / hop trade-off"
_TWO_SUBJECTS = re.compile(r"(?i)\s/\s|\band (?:the|an?)\s")


def _names_many(name: str) -> bool:
    """Whether a subject is plural, cheaply: its head noun (before any "of") ends in a plural "s" and is not a name
    ("Warmup schedules", "Transformers", not "Loss", "Analysis", "Naive Bayes" nor "Metropolis-Hastings"), or it
    joins two with "and"."""
    if " and " in name or " & " in name:
        return True
    words = name.split(" of ", 1)[0].split()
    head = words[-1] if words else ""
    return bool(_PLURAL.search(head)) and (head.islower() or len(words) == 1 and head[1:].islower())


# A subject set equal to a formula already: the words before a formula that opens on a relation ("Running time
# $\approx O(…)$"), not a symbol's value inside it ("GN with $G=1$")
_SETS_EQUAL = re.compile(r"\$[ \t]*(?:\\approx|\\sim|\\simeq|\\propto|\\le|\\ge|=|<|>)|[≈≤≥]")
# A subject that is a clause of its own, cut at the "is" of the next one: "Dot-product is cheaper — this is the
# form …" names no term ("What is Dot-product is cheaper — this?")
_CLAUSE_SUBJECT = re.compile(r"(?i)\s(?:is|are|was|were|isn't|aren't)\s|\s[—–]\s|\s-\s")


def defined_question(heading: str, back: str) -> str | None:
    """"What is X?" when the back's first sentence says what the heading's subject X is ("X is …", "The X of a
    unit is …"); "What are the types of X?" when it says the back lists them; None otherwise."""
    first = back.lstrip()
    if not first.lstrip("*_")[:1].isalpha() or not _may_define(first.split("\n\n", 1)[0]):
        return None  # (a list, a formula or code: no sentence says what it is; nor one with no "is", "are", "=")
    first = clean_prose(sentences(first.split("\n\n", 1)[0])[0])
    if "(" in first or "*" in first or "_" in first:
        first = _ASIDE.sub("", re.sub(r"\s*\([^()]*\)", "", first))  # ("**Receptive field (RF)** of a unit = …")
    named = stems(heading)
    if not named:
        return None
    if (found := _DEFINES.match(first)) and named <= stems(found["subj"]) and len(found["subj"].split()) <= 8 \
            and stems(found["subj"].split(" ", 1)[0]) <= named and not found["subj"].count("$") % 2 \
            and not _SETS_EQUAL.search(found["subj"]) and not BELIEF.match(found["subj"]) \
            and not _CLAUSE_SUBJECT.search(found["subj"]) and _asks_by_name(found):  # (its first word names
        # it: not "The domain of …", nor "thought a flat PDP = no effect", a belief put right; no formula
        # cut in two, "Youden's J — $J = …" asks no "$J?"; nor one that sets it equal already, "Running time
        # $\approx O(…)$ where $w$ = …": what it is, asked about its symbol, is no question)
        article = f"{found['art'].lower()} " if found["art"] else ""
        verb = found["verb"] or ("are" if _PLURAL.search(found["subj"].split(" of ")[0]) else "is")  # ("Anchors
        # = fixed boxes …": what are anchors?)
        said = _as_written(found["subj"], back[len(found[0]):])
        if not found["verb"] and (led := led_to_question(f"{article}{said}", verb == "are")):
            return led  # ("Fewer parameters = less overfitting": what the setting leads to, not what it is)
        if not article and verb == "is":  # ("Confusion matrix is …" over "… in a confusion matrix, …")
            said = with_article(said, back[len(found[0]):])
        return f"What {verb} {article}{said}?"
    for sentence in sentences(back.split("\n\n", 1)[0])[:2]:
        if _may_list_kinds(sentence) and (found := _KINDS.search(sentence)) and named <= stems(found[2]):
            return f"What are the {found[1].lower()} of {heading}?"
    return None


def _asks_by_name(found: re.Match) -> bool:
    """Whether the subject `_DEFINES` found is a name to ask "What is …?" by (`asked_names`): not a clause ("The
    kernel must be PSD so that $K$ …"), nor a symbol given a value inside one ("tests γ = 0 against γ < 0")."""
    return names_a_thing(found["subj"]) and not (found["verb"] is None and sets_a_value(found["subj"]))


def _may_list_kinds(sentence: str) -> bool:
    """Whether `_KINDS` may match: a sentence in ASCII holds one of its words (substring tests of it in lower case,
    the case-blind pattern opening on `\\b` is tried at every character); any other sentence may."""
    return not sentence.isascii() or any(map(sentence.lower().__contains__, _KIND_WORDS))


def _may_define(paragraph: str) -> bool:
    """Whether a paragraph holds a word `_MAY_DEFINE` needs (one in ASCII, the common one, searched faster)."""
    return bool(_MAY_DEFINE_ASCII.search(paragraph.lower()) if paragraph.isascii() else _MAY_DEFINE.search(paragraph))


def _parent(headings: list[str]) -> str:
    """What the facet heading is a facet of: the nearest heading above it that names a subject, by its name alone
    ("PPO — Proximal Policy Optimization" → "PPO"); '' when it names an activity or asks a question."""
    for heading in reversed(headings):
        heading = clean_prose(heading).strip()
        if _CONTAINER.fullmatch(heading) or _is_facet(heading):
            continue  # ("Bootstrap › Pros / cons › Pros": the pros of the bootstrap)
        if ": " in heading and _SPOKEN.search(heading.split(": ", 1)[0]):  # ("You tuned on it, so you can't report
            heading = heading.rsplit(": ", 1)[1]  # it: nested cross-validation": a post's hook, then its subject)
        heading = _MID_ASIDE.sub("", heading)  # ("Clip by (global) norm": its name is "Clip by norm", not "Clip by")
        name = _CUT.split(_NUMBERED.sub("", heading, 1) if _NUMBERED.match(heading) else heading, 1)[0].strip()
        if not name or name.endswith("?") or _ACTIVITY.match(name) or _QUESTION_WORD.match(name):
            return ""
        return name
    return ""


def is_facet(heading: str) -> bool:
    """Whether a heading names a facet of what is above it ("Pros / cons", "Motivation")."""
    return _is_facet(heading)


def _is_facet(heading: str) -> bool:
    """Whether a heading names a facet of what is above it (`is_facet`)."""
    return bool(_ANY_FACET.fullmatch(heading))  # (as `_PLURAL_FACET`, `_SINGULAR_FACET` or an `_ASKED` pattern)


def _as_written(name: str, text: str) -> str:
    """A name with its first word in lower case when the text writes that word so (a heading's or a sentence's
    capital on a common word: "Confusion matrix" → "What is confusion matrix?"; "Gaussian processes" keeps it)."""
    word, *rest = name.split(" ")
    if len(word) < 2 or not word[0].isupper() or not word[1:].islower() or not word.isalpha() \
            or any(w[:1].isupper() and w[1:].islower() for w in rest):  # (Title Case: "Gradient Descent")
        return name
    lower = word.lower()
    return lower + name[len(word):] if re.search(rf"(?<![\w-]){lower}(?![\w-])", text) else name


def _lower(word: str) -> str:
    """A facet's name inside a question: lower case ("Pros and Cons" → "pros and cons")."""
    return " ".join(word.split()).lower()
