"""Cards whose front is only the note's title: what the text before a note's first heading (or under its title
heading) becomes when no other form took it. Shown only "Conjugate priors", a learner does not know what is asked,
and such a lead is often no fact at all: the course's logistics ("Week 1–2."), a reading pointer ("See Bishop
§2.1–2.3.", "Companion to the chapter on …"), the page describing itself ("Quick definitions; the long versions
are in the chapters.", "Notation follows the paper.", "WIP"). By the form of its back:

- the sentences that are logistics, pointers or the page's talk of itself come off the back (a paper's citation
  stays: where an idea comes from), and the card is dropped when fewer than `MIN_WORDS` words are left;
- a back that opens on a label naming the kind of what it says ("Goal: …", "Motivation: …", "Idea: …",
  "Setting: …", "Composite problems: …") asks for that of the subject: "What is the goal of X?", "What problem
  does X address?" (`facets.facet_question` where it has the template);
- a back whose first sentence says what the subject is without naming it ("A phenomenon in which …", "An
  extension of Word2Vec", "Cases where the posterior …") or names it ("X refers to …", "X is a …") asks "What is
  X?"; one that says what the subject does with its subject left out ("Tests whether the means …", "Used to
  compare …", "X are used to …") asks "What does X test?", "What is X used for?"; a bare "When …" clause, "When
  is X used?";
- any other back keeps its front.

A reworded card keeps its id (its `id_front`), so its review history stays. Pure: drafts in, drafts out.
"""

from __future__ import annotations

import re
from dataclasses import replace

from mlwiki.extract.defining import defining_sentence, stems
from mlwiki.extract.named_leads import labelled_question, named_question
from mlwiki.extract.facets import _as_written, _names_many, _parent, defined_question, facet_question
from mlwiki.extract.prose import clean_prose, holds_words

FORMS = frozenset(("section", "list"))
MIN_WORDS = 6  # left on the back once its furniture is off: fewer say nothing to recall

# A paragraph that is prose (not a list, formula, code, table or quote): only its sentences are weighed
_PROSE = re.compile(r"[ \t]*(?![-*+][ \t]|\d+[.)][ \t]|\$\$|```|~~~|\||>|:::)\S")
# The end of a sentence: ". " before a capital, a role, emphasis or a bracket; not after "et al.", "ch.", "e.g."
_END = re.compile(r"(?<=[.!?])(?<!\bal\.)(?<!\bch\.)(?<!\bcf\.)(?<!\be\.g\.)(?<!\bi\.e\.)(?<!\bvs\.)(?<!\bpp\.)(?<!\bp\.)"
                  r"[ \t\n]+(?=[A-Z{*_(\[<`$\"“])|(?<=\)\.)[ \t\n]+")  # (and after "(CVPR 2020)."; the stop first: at
# most characters one look-behind fails, not nine)
_NUM = r"(?:\d+|[IVX]+)(?:[ \t]*[–—-][ \t]*(?:\d+|[IVX]+))?"
# Where the text sits in a course: "Week 8.", "Weeks 5–6.", "Lec 5–6.", "(notes from lec 4)"
_COURSE = rf"(?:weeks?|lec(?:ture)?s?|part|day|session|module|unit|class)[ \t]+{_NUM}"
_LOGISTICS = re.compile(rf"(?i)[(*_ \t]*(?:(?:notes?[ \t]+)?from[ \t]+)?{_COURSE}[ \t]*[.:)*_]*[ \t]*")
# "Part II motivation: …": the course's place before a label of what the sentence says
_COURSE_LABEL = re.compile(rf"(?i){_COURSE}[ \t]+(?=[a-z][\w -]{{0,30}}:[ \t])")
# A pointer to where the subject is read, at a sentence's start: a chapter or section ("BV chapters 2 and 3."), a
# citation role, "See …", "Companion to …", where the page's text comes from ("Mostly from …")
_POINTER = re.compile(r"(?i)[(*_ \t]*(?:(?:\S+[ \t]+){0,2}(?:ch(?:apters?|\.)[ \t]*\d|§)|\{cite[:\w]*\}|"
                      r"(?:see|cf\.|companion[ \t]+to|follows[ \t]+on[ \t]+from|read[ \t]+(?:up|it|this|these|first)|"
                      r"(?:collected|compiled|mostly|taken|adapted|based)[ \t]+(?:from|on))\b|"
                      rf"[*_]*\((?:notes?[ \t]+)?(?:from|after|see|cf\.?|{_COURSE})\b[^()]*\)[*_.]*$)")  # ("(from …)")
# The page speaking of itself, its state, its sources or how to use it
_PAGE = re.compile(r"(?i)\b(?:everything[ \t]+(?:else[ \t]+)?(?:here|in[ \t]+(?:this|the)[ \t]+(?:course|repo|"
                   r"repository|book|notes|chapter|series|page|wiki|collection))|"
                   r"(?:in|from)[ \t]+the[ \t]+(?:chapters|other[ \t]+pages|other[ \t]+notes)|"
                   r"this[ \t]+(?:file|page|repo|note|post|chapter)[ \t]+is|notation[ \t]+follows|"
                   r"(?:notes?|more|details?)[ \t]+(?:at|further)[ \t]+the[ \t]+bottom|"
                   r"(?:first|second|third|next|last|final|previous)[ \t]+(?:post|part|entry|article|instalment)[ \t]+"
                   r"(?:of|in)[ \t]+(?:the|this|my|a)|gets?[ \t]+(?:its|their)[ \t]+\[?own[ \t]+(?:post|page|note|"
                   r"chapter|article)|"  # (where the post stands in a series, and what another post covers)
                   r"wip|work[ \t]+in[ \t]+progress|half[- ]written|(?:need|have|want)s?[ \t]+to[ \t]+finish|"
                   r"finish[ \t]+(?:it|this|later)|expect[ \t]+mistakes|still[ \t]+open|"
                   r"(?:quick|short|longer?|brief)[ \t]+(?:defs|definitions|versions?)|personal[ \t]+notes|"
                   r"try[ \t]+to[ \t]+answer|entry[ \t]+point[ \t]+(?:for|to|into)|reading[ \t]+order)\b|"
                   r"^[*_ \t]*(?:the|a)[ \t]+(?:paper|book|post|talk|course)[ \t]+(?:that|which|where)\b|"
                   r"\b(?:some|all|most|each|many)[ \t]+of[ \t]+these[.!]?$")  # ("… reports some of these.": what follows)
_LABEL = re.compile(r"(?P<label>[A-Z][\w -]{1,30}?)(?:[ \t]*\([^()\n]{1,30}\))?:[ \t]+(?=\S)")
# Labels that say what kind of thing the sentence after them is, and the question each asks of the subject
_ASKS_OF = [
    (re.compile(r"(?i)(?:the[ \t]+)?(?:main[ \t]+|overall[ \t]+|end[ \t]+)?goal"), "What is the goal of {X}?"),
    (re.compile(r"(?i)(?:main[ \t]+|key[ \t]+|core[ \t]+)?point|big[ \t]+picture|(?:key[ \t]+)?observation|"
                r"gist|core[ \t]+idea|main[ \t]+idea"), "What is the key idea of {X}?"),
    (re.compile(r"(?i)(?:(?:[\w-]+[ \t]+){0,2}problems?|(?:(?:the|problem)[ \t]+)?(?:setting|setup))"
                r"(?:[ \t]*\([^()]*\))?"),  # (not "Standard setting: 2×2 window …": a usual value, no problem)
     "What problem {does} {X} address?"),
    (re.compile(r"(?i)why"), "What is the motivation for {X}?"),
]
# A first sentence that says what the subject is without naming it: "A phenomenon in which …", "An extension of X",
# "Cases where …" (no verb of its own before the clause)
_WHAT_UNNAMED = re.compile(r"(?:An?[ \t]+(?:[\w-]*[^\Ws][ \t]+){0,2}?(?:of|for|in[ \t]+which|where|that|which|to|"
                           r"used)|[A-Z][a-z]+s[ \t]+(?:where|in[ \t]+which|for[ \t]+which|when))\b")
# The same said with "the", or a participle after a short noun: "The workhorse for HMMs.", "A BN unrolled over time."
# (no verb in the whole sentence: "The idea of X is …" says what the idea is)
_WHAT_UNNAMED_TOO = re.compile(r"(?:The[ \t]+(?:[\w-]+[ \t]+){0,2}?(?:of|for)|An?[ \t]+(?:[\w-]+[ \t]+){0,3}?[a-z]{3,}ed)\b")
_VERB = re.compile(r"(?i)\b(?:is|are|was|were|has|have|can|will|would|does|do|may|must|should)\b")
# A first sentence that says what the subject does, its subject left out: "Tests whether …", "Used to compare …"
_DOES = re.compile(r"(?P<verb>[A-Z][a-z]{2,}s)[ \t]+(?=(?:whether|if|how|which|the|a|an|two|one)\b)")
# What a title goes on with after its subject's name: "Agents - Creating a system …", "Gradient descent and its rates"
_CUT_NAME = re.compile(r"[ \t]+-[ \t]+|[ \t]+and[ \t]+its[ \t]+")
# A citation alone as a sentence: "Chernozhukov et al. (2018).", "Smith & Jones, 2019."
_CITES = re.compile(r"[A-Z][\w'-]*,?(?:[ \t](?:[A-Z][\w'-]*,?|&|and|et|al\.,?)){0,5}[ \t]\(?(?:19|20)\d\d[a-z]?\)?\.?")
_HOW_TO = re.compile(r"How[ \t]+to[ \t]+[a-z]+[ \t]+\S")  # (the problem a method answers: "How to use ML models …")
_USED = re.compile(r"Used[ \t]+(?:to|for)[ \t]+\S")
# "… are used to define …" after the subject's own name: what it is for
_NAMED_USED = re.compile(r"(?P<name>[^.,;:]{2,60}?)[ \t]+(?P<verb>is|are)[ \t]+(?:\w+ly[ \t]+)?used[ \t]+(?:to|for)[ \t]+\S")
# "When there is unobserved confounding …": a clause with no sentence around it, when the subject is used
_WHEN = re.compile(r"When[ \t]+[^,;:]+$")


def asked_leads(drafts: list, subject: str) -> list:
    """The note's cards with each card whose front is only the note's `subject` (see the module's doc) without its
    furniture, dropped when that was all it said, or asked as the question its back answers."""
    if not subject:
        return drafts
    kept = []
    for siblings, heading in drafts:
        draft = siblings[0]
        if len(siblings) != 1 or draft.form not in FORMS or draft.front != subject:
            kept.append((siblings, heading))
            continue
        back = without_furniture(draft.back)
        if back != draft.back and not holds_words(clean_prose(back), MIN_WORDS):
            continue  # ("BV chapters 2 and 3.", "Quick definitions.": nothing to recall)
        question = lead_question(subject, back)
        front = f"{subject}\n\n{question}" if question else subject
        if front != draft.front or back != draft.back:
            draft = replace(draft, front=front, back=back, id_front=draft.id_front or draft.front)
        kept.append(([draft], heading))
    return kept


def without_furniture(back: str) -> str:
    """A back without the sentences of its prose paragraphs that are the course's logistics, pointers to reading,
    or the page's talk of itself (the rest of each paragraph as written); a paragraph left empty goes too."""
    paragraphs = []
    for para in back.split("\n\n"):
        if _PROSE.match(para):
            if place := _COURSE_LABEL.match(para.strip()):  # ("Part II motivation: …": its label opens it)
                para = para.strip()
                para = para[place.end()].upper() + para[place.end() + 1:]
            for sentence in _END.split(para):
                if sentence.strip() and _furniture(sentence):
                    para = para.replace(sentence.strip(), "", 1)
            para = "\n".join(line.strip() for line in para.split("\n") if line.strip())
        if para.strip():
            paragraphs.append(para)
    return "\n\n".join(paragraphs)


def _furniture(sentence: str) -> bool:
    """Whether a sentence is logistics ("Week 8."), a pointer ("See … ch. 2.") or the page on itself
    (a paper's citation is kept: "Perozzi et al. 2014." says where an idea comes from)."""
    text = sentence.strip()
    return bool(_LOGISTICS.fullmatch(text) or _POINTER.match(text) or _PAGE.search(text))


def lead_question(subject: str, back: str) -> str | None:
    """The question a note's lead answers about its subject, by its back's form (see the module's doc); None when
    no form says what is asked."""
    name = _name(subject, back)
    if not name:
        return None  # (an activity, "Estimating entropy from samples"; a question; a comparison, "A vs B")
    first = back.lstrip()
    if (label := _LABEL.match(first)) and (asked := _label_question(label["label"].strip(), name)):
        return asked
    if asked := labelled_question(subject, first):
        return asked  # ("What CART does, mechanically: …")
    if first[:1] in "-*+|$`>" or first[:1].isdigit():
        return None  # (a list, a formula, code: no sentence opens the back)
    said = _END.split(first.split("\n\n", 1)[0], 2)
    sentence = said[1] if len(said) > 1 and _CITES.fullmatch(said[0].strip()) else said[0]  # (after "Smith et al.
    # (2018).", a citation alone: what the paper does is the next sentence)
    if _HOW_TO.match(sentence):
        return f"What problem {'do' if _names_many(name) else 'does'} {name} address?"  # ("How to use … and still …")
    if (found := _WHAT_UNNAMED.match(sentence)) and not _VERB.search(sentence[:found.end()]):
        return f"What {'are' if _names_many(name) else 'is'} {name}?"
    if _WHAT_UNNAMED_TOO.match(sentence) and not _VERB.search(sentence):
        return f"What {'are' if _names_many(name) else 'is'} {name}?"
    if found := _DOES.match(sentence):
        return f"What {'do' if _names_many(name) else 'does'} {name} {_base(found['verb'].lower())}?"
    if (used := _NAMED_USED.match(clean_prose(sentence))) and stems(used["name"]) >= stems(name):
        return f"What {used['verb']} {_opening_term(used['name'], back)} used for?"  # (its own "is"/"are")
    if _USED.match(sentence):
        return f"What {'are' if _names_many(name) else 'is'} {name} used for?"
    if _WHEN.match(sentence.strip()):
        return f"When {'are' if _names_many(name) else 'is'} {name} used?"
    if (defined := defining_sentence(clean_prose(sentence), subject)) is not None \
            and _same_head(term := clean_prose(defined[0]), name) and len(term.split()) <= 5:
        return f"What {'are' if _names_many(term) else 'is'} {_opening_term(term, back)}?"
    return defined_question(name, back) or named_question(subject, sentence)


def _label_question(label: str, name: str) -> str | None:
    """The question a back's opening label asks of the subject ("Goal:" → "What is the goal of X?"), or None."""
    if (asked := facet_question(label, name)) and not label.lower().startswith(("what", "how", "when", "which")):
        return asked  # ("Idea:", "Motivation:", "Intuition:"; not "How it works:", a question of its own)
    for pattern, template in _ASKS_OF:
        if pattern.fullmatch(label):
            return template.format(X=name, does="do" if _names_many(name) else "does")
    return None


def _base(verb: str) -> str:
    """A verb's base form from its third person ("tests" → "test", "measures" → "measure", "fixes" → "fix")."""
    if verb.endswith(("sses", "shes", "ches", "xes", "zes")):
        return verb[:-2]
    return verb[:-3] + "y" if verb.endswith("ies") else verb[:-1]


def _name(subject: str, back: str) -> str:
    """The subject's name inside a question ("ZeRO — Zero Redundancy Optimizer" → "ZeRO", "01 · Collaborative
    filtering" → "collaborative filtering", "A → B" → "B"); '' for a title that names an activity, asks a question
    or sets two things side by side."""
    if " vs" in subject or " versus " in subject:
        return ""
    name = _parent([_CUT_NAME.split(subject.rsplit(" → ", 1)[-1], 1)[0]]).lstrip("·:.-–— \t")
    return _as_written(name, back) if name else ""


def _opening_term(term: str, back: str) -> str:
    """A term that opens the back's first sentence, as a question writes it: its first word in lower case when only
    its place made it a capital ("Data leakage refers to …" → "data leakage"), not a name the back writes with
    a capital inside a sentence ("Bayesian", "Word2Vec") nor an acronym."""
    term = term.strip()
    word = term.split(" ", 1)[0]
    if " " not in term or not word[1:].islower() or not word.isalpha() or not term[len(word):].islower() \
            or re.search(rf"[a-z,][ \t]+{re.escape(word)}\b", back):
        return term
    return word.lower() + term[len(word):]


def _same_head(term: str, name: str) -> bool:
    """Whether a defined term is the subject's own: it opens with the subject's first word ("Ensemble learning is …"
    in "Ensemble modeling"), not another subject that shares a later word ("Minibatch gradients are …" in a note on
    gradient noise)."""
    first, own = stems(term.split(" ", 1)[0]), stems(name.split(" ", 1)[0])
    return bool(first) and first == own
