"""The question a claim card asks: its sentence's form says which part of it is the answer.

    PyG implements this layer via GCNConv.                  →  In PyG, what implements this layer?
    SARSA converges to the optimal policy under GLIE …      →  Under what conditions does SARSA converge to the optimal policy?
    BFS is particularly useful in finding … This is because →  Why is BFS particularly useful in finding …?
    H-Softmax can be activated in gensim using hs=1.        →  How can H-Softmax be activated in gensim?
    torch.inference_mode() turns off …                      →  What does torch.inference_mode() do?
    Results depend strongly on the seed …                   →  What do results depend on?
    Trees can't extrapolate a trend …                       →  What can't trees extrapolate?

A claim card (`claims`) holds a sentence that opens on its subject; shown only that subject ("PyG …") a learner
does not know what is asked, and a question made of the subject alone ("What does PyG do?") asks for what the
sentence does not say. The answer is the part a learner writes a cloze over: a name in code after the verb
(asks what), a condition (asks under what), a reason (asks why), the thing a function does (asks what it does).
A sentence no rule reads keeps the question the subject's verb gives, or its subject and "…". Pure: text in, text out.
"""

from __future__ import annotations

import re

from mlwiki.extract.asked_names import names_a_thing
from mlwiki.extract.claims import CAN_USE, DOES, NOT_VERBS
from mlwiki.extract.prose import sentences

# A name written as code: `…`, a dotted name or a call ("torch.matmul()", "numpy.identity(n)"), a setting
# ("hs=1"), a word with a capital after its first letter ("GCNConv"), a name with an underscore ("state_dict")
_CODE = (r"`[^`\n]+`|[A-Za-z_][\w]*(?:\.[A-Za-z_]\w*)+(?:\([^()\n]{0,30}\))?|[A-Za-z_]\w*\([^()\n]{0,30}\)"
         r"|\w+=\w+|[a-z]+_[\w]+")
_CODE_NAME = rf"(?:{_CODE}|[A-Za-z][a-z]*[A-Z][\w]*)"
_KIND = r"(?: (?:method|function|class|module|layer|operator|API|package|library))?"
# "… implements this layer via GCNConv": what the subject does, and the name that does it
# (a name in capitals after "in" or "with" is where it is done, "… in PyTorch", unless it is code)
_BY_NAME = re.compile(rf"(?P<what>[^,;:()]{{3,80}}?) (?:(?:via|using|through) (?:the )?{_CODE_NAME}|"
                      rf"(?:in|with|by) (?:the )?(?:{_CODE})){_KIND}\.?")
# "… implements one of these techniques, called H-Softmax": which of them the name is
_CALLED = re.compile(r"(?:one (?P<of>of (?:these|the|its|their) [a-z -]{3,40}?)|an? (?P<one>[a-z -]{3,40}?)),? "
                     r"(?:called|named|known as) ")
# "… to the optimal policy under GLIE exploration": the condition it holds under
_UNDER = re.compile(r"(?P<what>[^,;:()–—]{3,80}?),? (?P<cond>under|if|when|provided|as long as) (?=\S)")
# "… can be activated in gensim using hs=1": how it is done
_BE_DONE = re.compile(rf"(?P<aux>can|could|may|must|should) be (?P<what>[a-z]+ed\b[^,;:()]{{0,60}}?),? "
                      rf"(?:using|via|through|by (?:setting|calling|passing)) {_CODE_NAME}")
# "… has a specific function, numpy.identity(n), to quickly create …": which of its functions does that
_HAS_NAMED = re.compile(rf"(?:has|provides|offers) an? (?:[a-z-]+ )?(?P<kind>[a-z]+),? {_CODE_NAME},? "
                        r"(?P<to>to|for) (?P<purpose>[^;:()]{5,100}?)\.?")
# "TD is usually more data-efficient …; MC is more robust …": two things set against each other
_AGAINST = re.compile(r"[^;]+(?:;|, (?:while|whereas)) (?P<other>[A-Z][\w-]*(?: [A-Z][\w-]*)?) (?:is|are) ")
MAX_WHY_WORDS = 25
_REASON = re.compile(r"(?P<claim>.{5,200}?),? (?:because|since) (?=\S)")  # ("is needed because")
_REASON_NEXT = re.compile(r"(?:This|That|It) (?:is|happens) (?:because|since)\b")
_MODAL = frozenset("is are was were can could may might must should will would does do".split())
_BARE_NAME = re.compile(r"[A-Z][\w-]*")  # (a library or a method by its name: "PyTorch", "Word2Vec")
_CAN = frozenset("can could may might".split())  # ("will make the loss oscillate": what it makes happen, no object)
_CAUSES = frozenset("make let have help get cause keep".split())  # ("can make the loss …": a clause follows)
# "… is (roughly) proportional to …", "… is based on …": what a thing is said to be of, in a word or two before
# its preposition (not "is a …", "is the …": what it is)
_SAID_OF = re.compile(r"(?P<how>(?:[a-z]+ly )?(?!(?:a|an|the|one|not|also|that|what|its|their)\b)[a-z-]{3,}"
                      r" (?:to|for|on|of|with|from|than|in|by))\b")
_PHRASAL = frozenset("with to on from into".split())
# What follows "is" when the sentence says what its subject is: an article or a determiner ("is a constrained …"),
# maybe after an adverb ("is just a …"), a clause that says it ("The disadvantage … is that …"), a name, a symbol or a
# number; not an adjective or "not"
_SAYS_WHAT = re.compile(r"(?:(?:just|simply|basically|essentially|really|actually|[a-z]+ly)\s+)?"
                        r"(?:(?:a|an|the|one|any|each|every|two|three|that|to)\b|[A-Z$`\d])")  # ("is that …": the answer)
# A verb that takes its object after a preposition of its own, in either number ("depends on", "rely on"), maybe
# said with an adverb or a negation ("does not depend on", "depend strongly on"): the object answers
_PREP_VERB = re.compile(r"(?P<neg>(?:does|do|did) not |(?:doesn't|don't) )?(?P<verb>depends?|rel(?:y|ies)|"
                        r"consists?|belongs?|corresponds?|amounts?|differs?|suffers?|benefits?|reduces?|scales?|"
                        r"converges?|results?|leads?) (?:[a-z]+ly )?(?P<prep>on|of|to|from|in|with)\b")
# A modal with its negation and a bare verb that takes an object: "can't extrapolate a trend", "cannot see …"
_CANT = re.compile(r"(?P<aux>can't|cannot|can not|won't|couldn't|doesn't|don't|can’t|won’t) (?:[a-z]+ly )?"
                   r"(?P<verb>[a-z]{3,}) (?=\S)")
_NEGATED = {"can't": "can't", "can’t": "can't", "cannot": "can't", "can not": "can't", "won't": "won't",
            "won’t": "won't", "couldn't": "couldn't", "doesn't": "doesn't", "don't": "don't"}
# Words that open an object: a verb right before one takes it ("measures the absolute difference"), unlike a verb
# with a particle ("turns off a bunch of things") or a clause ("involves going through")
_DETERMINERS = frozenset("a an the any some its their his her this these those each every many several all".split())
# An aside after the subject: ", also known as a feed-forward layer," is no part of what it does
_ASIDE = re.compile(r",[^,;:]{3,80},\s+")


# A pointer a question may hold: "this layer", "these techniques" (its noun), "it"; resolved only by what the card's
# front shows besides the question (its headings, its subject)
_POINTER = re.compile(r"(?i)\b(?:this|these|those|that) (?P<noun>[a-z][\w-]*)|\bit\b")

_NOT_NOUNS = frozenset("a an the is are was were can may might will would does do we you they it its their "
                       "there this these those".split())
# What follows a name a sentence writes with its article ("a confusion matrix is", "a confusion matrix,"): a verb,
# a preposition, its end (not "a gradient descent step": the name of something else)
_ENDS_NAME = (r"(?=\s*(?:[,.;:)]|$)|\s(?:is|was|has|can|will|would|should|may|might|must|does|of|with|in|for|"
              r"that|which|to|at|on|from|by|as|into)\b)")
_A_NAME = re.compile(r"(?i)\ban? ")


def asked_front(front: str, back: str, where: str = "", as_before: bool = False) -> str:
    """A claim card's front ("PyG …", with the `back` that finishes its sentence) as the question its back
    answers (see the module's examples); the front as it is when no form of the sentence says what to ask, or when
    the question points at something ("Which of these techniques …?") that neither its subject nor the headings
    `where` it stands under name. `as_before`: "What is X?" over any "X is …" (a card's former front, its id)."""
    question = _asked(front, back, as_before)
    if question.startswith("What is ") and question.endswith("?") and question.count(" ") < 8:
        question = f"What is {with_article(question[8:-1], back)}?"  # ("What is a confusion matrix?")
    return front if question != front and unresolved(question, f"{where} {front}") else question


def unresolved(question: str, shown: str) -> bool:
    """Whether `question` holds a pointer ("these techniques", "it") whose noun `shown` (the rest of its front)
    does not name: a learner shown the card alone could not tell what it points at."""
    if " th" not in question and "it" not in question.casefold():
        return False  # (most questions hold none: said without the search)
    named = {word.casefold().rstrip("s") for word in re.findall(r"[\w-]+", shown)}
    return any(not found["noun"] or found["noun"].casefold().rstrip("s") not in named
               for found in _POINTER.finditer(question)
               if (found["noun"] or "").casefold() not in _NOT_NOUNS)  # ("… show that the …": a clause)


def with_article(name: str, text: str) -> str:
    """A common noun as a learner asks for it: "confusion matrix" → "a confusion matrix" when `text` (the back)
    writes it so; the name as it is otherwise (a mass noun, "dropout"; a name, "PyTorch")."""
    if not name[:1].isalpha() or name.split(" ", 1)[0].casefold() in _DETERMINERS:
        return name
    found = _A_NAME.search(text) if name.casefold() in text.casefold() else None  # (cheap test first)
    found = re.search(rf"(?i)(?<![\w-])(an?) ({re.escape(name)}){_ENDS_NAME}", text) if found else None
    return f"{found[1].lower()} {found[2]}" if found and found[2][:1].islower() else name


def _asked(front: str, back: str, as_before: bool = False) -> str:
    """`asked_front` before its pointers are checked."""
    subject = front[:-2].rstrip() if front.endswith(" …") else ""
    if not subject:
        return front
    if not back.startswith(subject):  # ("You can also rearrange the axes with torch.permute(input, dims)")
        return f"What does {subject} do?" if CAN_USE.match(back) else front
    found = sentences(back)
    first = found[0].strip().rstrip(".") if found else ""
    rest = first[len(subject):].strip()
    if rest.startswith(",") and (aside := _ASIDE.match(rest)):
        rest = rest[aside.end():]
    verb = rest.split(None, 1)[0].casefold() if rest else ""
    said = _said(subject)
    return (_why(said, rest, found) or _set_against(subject, rest) or _which_name(said, subject, verb, rest)
            or _negated_or_phrasal(said, rest) or _verb_question(said, subject, verb, rest, as_before) or front)


def pointed_question(subject: str, sentence: str, where: str = "") -> str:
    """The question a sentence that opens on `subject` answers when its form says which part of it is the answer: a
    reason ('Why …?'), a verb's own preposition or its negated modal (`_negated_or_phrasal`), what it is said to be
    of ('What is X similar to?'), which of two is better ('Which is better: B or A?'); '' when only "What is X?" or
    "What does X do?" would ask, or the question points at what `where` (the headings above) does not name."""
    rest = sentence[len(subject):].strip() if sentence.startswith(f"{subject} ") else ""
    said = _said(subject)
    question = rest and (_why(said, rest, sentences(sentence)) or _negated_or_phrasal(said, rest)
                         or _compared(said, rest) or _said_to_be(said, rest))
    return question if question and not unresolved(question, f"{where} {subject}") else ""


# "… is (a bit) better than A": which of the two; a comparative the "than" makes one ("rather than": none)
_THAN = re.compile(r"(?P<verb>is|are) (?:(?:a bit|a little|a lot|much|far|slightly|somewhat|usually|often) )?"
                   r"(?P<comp>(?:more|less) [a-z][a-z-]+|better|worse|[a-z]{2,}er) than "
                   r"(?P<other>[A-Za-z][\w-]*(?: [\w-]+){0,3}?)"
                   r"(?=$|[,;:.()—–]| (?:when|if|because|since|but|and|on|in|for|at)\b)")
_NOT_COMPARED = frozenset("rather other under over never either neither".split())
_NOT_SAID_OF = frozenset(("used", "done", "given", "made"))  # ("is used to …": what for, the rest of the sentence)


def _said_to_be(said: str, rest: str) -> str | None:
    """'What is X similar to?' for "X is similar to …", "X is limited by …": what it is said to be of."""
    verb = rest.split(" ", 1)[0]
    found = _SAID_OF.match(rest, len(verb) + 1) if verb in ("is", "are") else None
    if found is None or found["how"].rsplit(" ", 1)[-1] == "in" or found["how"].split()[-2] in _NOT_SAID_OF:
        return None  # ("is optimized in many ways": no object answers)
    return f"What {verb} {said} {found['how']}?"


def _compared(said: str, rest: str) -> str | None:
    """'Which is better: B or A?' for "B is a bit better than A"."""
    found = _THAN.match(rest)
    if found is None or found["comp"] in _NOT_COMPARED:
        return None
    return f"Which {found['verb']} {found['comp']}: {said} or {found['other']}?"


def _said(subject: str) -> str:
    """The subject as said inside a question: its article in lower case ("What is the index of …?"), unless the
    subject is a title ("An Introduction to Statistical Learning")."""
    head, _, tail = subject.partition(" ")
    if head in ("A", "An", "The") and tail[:1].islower():
        return head.lower() + " " + tail
    return subject


def _why(said: str, rest: str, found: list[str]) -> str | None:
    """'Why …?' for a claim given with its reason, in its sentence ("… because …") or the next ("This is because …")."""
    reason = _REASON.match(rest)
    if reason is None and not (len(found) > 1 and _REASON_NEXT.match(found[1].strip())):
        return None
    claim = reason["claim"] if reason else rest
    if claim.count("(") != claim.count(")"):
        return None  # ("… an estimate of KL (unbiased because …": the reason is the aside's, not the claim's)
    verb, _, tail = claim.partition(" ")
    if len(tail.split()) > MAX_WHY_WORDS:
        return None  # (a question too long to read at a glance: the claim is a paragraph's, not a fact's)
    if verb in _MODAL:
        return f"Why {verb} {said} {tail}?"
    if DOES.fullmatch(verb) and verb not in NOT_VERBS:
        return f"Why does {said} {base_verb(verb)} {tail}?"
    return None


def _set_against(subject: str, rest: str) -> str | None:
    """'How do TD and MC compare?' for a sentence that says how one thing is and then how another is."""
    other = _AGAINST.match(rest) if rest.startswith(("is ", "are ")) and _BARE_NAME.fullmatch(subject) else None
    if other is None or other["other"] == subject:
        return None
    return f"How do {subject} and {other['other']} compare?"


def _which_name(said: str, subject: str, verb: str, rest: str) -> str | None:
    """A question whose answer is the name the sentence gives after its verb: what does it ("In PyG, what
    implements this layer?"), which of a kind it is ("Which of these techniques does Word2Vec implement?"), which
    function of a library does what ("Which NumPy function is used to …?"), how a thing is done ("How can
    H-Softmax be activated in gensim?")."""
    after = rest[len(verb):].strip()
    if DOES.fullmatch(verb) and verb not in NOT_VERBS:
        if by := _BY_NAME.fullmatch(after):
            return f"In {said}, what {verb} {by['what']}?"
        if called := _CALLED.match(after):
            which = f"Which {called['of']}" if called["of"] else f"Which {called['one']}"
            return f"{which} does {said} {base_verb(verb)}?"
    if (named := _HAS_NAMED.fullmatch(rest)) and _BARE_NAME.fullmatch(subject):
        return f"Which {subject} {named['kind']} is used {named['to']} {named['purpose']}?"
    if done := _BE_DONE.match(rest):
        return f"How {done['aux']} {said} be {done['what']}?"
    return None


def _negated_or_phrasal(said: str, rest: str) -> str | None:
    """The question of a verb that takes its object after its own preposition ("Results depend strongly on …" →
    'What do results depend on?', "… does not depend on …" → 'What does … not depend on?') or of a verb negated
    by its modal ("Trees can't extrapolate a trend" → 'What can't trees extrapolate?'); None for any other."""
    if (phrasal := _PREP_VERB.match(rest)) and not _UNDER.match(rest, phrasal.end()):  # (a condition answers)
        verb, negation = phrasal["verb"], phrasal["neg"] or ""
        single = negation.startswith(("does", "did")) or not negation and verb.endswith("s")
        base = base_verb(verb) if verb.endswith("s") else verb
        aux = "does" if single else "do"
        negation = " not" if phrasal["neg"] else ""
        return f"What {aux} {said}{negation} {base} {phrasal['prep']}?"
    if (negated := _CANT.match(rest)) and negated["verb"] not in _CAUSES and negated["verb"] not in _LIGHT:
        after = rest[negated.end():].split(None, 1)[0].casefold()
        if after in _DETERMINERS or after.isalpha() and after not in _NOT_OBJECTS:
            return f"What {_NEGATED[negated['aux']]} {said} {negated['verb']}?"
    return None


# Verbs that say little without what follows them ("doesn't go …", "can't be …"), and words that open no object
_LIGHT = frozenset("be go come do get take give put set seem matter work help hurt happen".split())
_NOT_OBJECTS = frozenset("well much more less any always ever yet even really quite very too if when because".split())


def _verb_question(said: str, subject: str, verb: str, rest: str, as_before: bool = False) -> str | None:
    """The question the sentence's verb gives: 'Under what conditions does SARSA converge to …?' for a condition
    after it, 'What does PyTorch integrate with?' for a name's verb with its preposition, 'What is X equivalent to?'
    for "X is roughly equivalent to …", 'What is X?' for "X is a …", 'What does X do?' for any other verb in the present; None for other verbs ("X was …", "X has …", "X
    may …"), whose question a template would get wrong."""
    if verb in ("is", "are"):
        said_of = _SAID_OF.match(rest, len(verb) + 1)  # ("BatchNorm is equivalent to …": what it is equivalent to)
        if said_of:
            return f"What {verb} {said} {said_of['how']}?"
        return f"What {verb} {said}?" if as_before or _SAYS_WHAT.match(rest, len(verb) + 1) and names_a_thing(said) \
            and ":" not in said else None  # (no label with what it labels: '"Divide by 4 rule": $\beta_j/4$')
        # ("MDI is biased toward …", "X is not …": a property or a denial, which "What is MDI?" does not ask for)
    after = rest[len(verb):].strip()
    words = after.split(None, 2)
    if verb in _CAN and len(words) == 3 and words[0].isalpha() and words[0] not in _CAUSES \
            and words[1].casefold() in _DETERMINERS:
        return f"What {verb} {said} {words[0]}?"  # ("What can the nodes of a graph represent?")
    if verb in NOT_VERBS or verb == "has" or not DOES.fullmatch(verb):
        return None
    if when := _UNDER.match(after):
        asks = "When does" if when["cond"] == "when" else "Under what conditions does"
        return f"{asks} {said} {base_verb(verb)} {when['what']}?"
    preposition = after.split(" ", 1)[0]
    if preposition in _PHRASAL and _BARE_NAME.fullmatch(subject):  # ("PyTorch integrates with …": a library does much)
        return f"What does {said} {base_verb(verb)} {preposition}?"
    if preposition.casefold() in _DETERMINERS:
        return f"What does {said} {base_verb(verb)}?"  # ("What does MAE measure?": the object answers)
    return f"What does {said} do?"  # (its own verb would need its particle or clause: "turns off", "involves going")


def base_verb(verb: str) -> str:
    """A verb in the present's third person as it goes after "does": "converges" → "converge", "applies" →
    "apply", "pushes" → "push"."""
    if verb.endswith("ies") and len(verb) > 4:
        return verb[:-3] + "y"
    if verb.endswith(("sses", "shes", "ches", "xes", "zzes", "oes")):
        return verb[:-2]
    return verb[:-1]
