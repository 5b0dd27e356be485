"""The question a bullet asks when it is a claim about a subject it names: under a heading a list of separate facts
("Global pooling" over "- sum is the most expressive one (…)", "- mean is more stable when graph sizes vary a
lot") is a card per fact only when each fact's sentence form says which part of it is the answer:

    sum is the most expressive one (…)           →  Which one is the most expressive?
    mean is more stable when sizes vary           →  When is mean more stable?
    max is faster than attention pooling          →  Which is faster: max or attention pooling?
    GIN is a provably injective version of 1-WL   →  What is GIN a provably injective version of?
    **Dropout** zeroes units at random            →  What does Dropout do?   (a bold term: what it does)
    LayerNorm works well when batches are small   →  When does LayerNorm work well?  (`claim_asks`)

A bullet with no such form asks nothing ("cheap, but flat: …"): it stays on the heading's card. A question never
asks what its bullet does not say: each form's answer is a part of the bullet's sentence. Pure: text in, text out.
"""

from __future__ import annotations

import re

from mlwiki.extract.claim_asks import asked_front

MAX_SUBJECT_WORDS = 3
MAX_PREDICATE_WORDS = 6
MAX_OTHER_WORDS = 4
# A bullet's subject and its verb: a bold term, or a name of one to three words, then "is"/"are" or a present verb
_SUBJECT = re.compile(r"(?P<bold>\*\*(?P<term>[^*\n]{1,40})\*\*|(?P<name>[A-Za-z][\w-]*(?: [A-Za-z0-9][\w-]*){0,2}))"
                      r" (?P<rest>(?P<verb>is|are|[a-z]{2,}[^suy\W]s)\b.*)")
# Words no named subject opens on or holds: a pronoun, an article's noun phrase cut short, a function word
_NOT_SUBJECT = frozenset("it this that these those there here they we you i he she one each every all some any "
                         "which what who when where why how if so then also only not no but and or as because since "
                         "still often usually always never e.g i.e a an the its their our your for in on at of with to by from"
                         .split())
_ARTICLES = frozenset(("a", "an", "the"))
_HEDGE = r"(?:(?:by far|probably|usually|often|generally|typically|arguably|also) )?"
# "… is the most expressive one", "… are the best choice": which of the things set side by side it is
_MOST = re.compile(rf"(?:is|are) {_HEDGE}the (?P<adj>(?:most|least) [a-z][a-z-]+|best|worst|[a-z]{{3,}}est)"
                   r"(?: (?P<noun>[a-z][a-z-]{2,}))?(?=$|[\s,;:.()—–])")
_NOT_SUPERLATIVE = frozenset("interest forest honest modest request suggest harvest digest protest contest manifest"
                             .split())
_NOT_NOUN = frozenset("for and but when with since because here there among overall of in on at by to than if "
                      "so as way possible".split())
# "… is more stable when graph sizes vary", "… is reached only when …": the condition it holds under (not "… even if
# …": what it holds in spite of)
_WHEN = re.compile(r"(?:is|are) (?P<pred>[^,;:.!?()—–=$`]{3,60}?)(?<!\beven)(?: only| just)?,? (?:when|whenever|if) (?=\S)")
# "… is faster than attention pooling": which of the two it is
_THAN = re.compile(r"(?:is|are) (?:(?:much|far|a lot|slightly|often|usually|generally) )?"
                   r"(?P<comp>(?:more|less) [a-z][a-z-]+|better|worse|[a-z]{2,}er) than "
                   r"(?P<other>[A-Za-z][\w -]{0,40}?)(?=$|[,;:.()—–]| (?:when|if|because|since|but|and|on|in|for|at)\b)")
_NOT_COMPARATIVE = frozenset("rather other under over never either neither".split())
# "… is a differentiable version of 1-WL": what it is a kind of
_KIND_OF = re.compile(r"(?:is|are) (?:(?:basically|essentially|just|simply|really|roughly|effectively) )?"
                      r"(?P<art>an?|the) (?P<mods>(?:[\w-]+,? ){0,3}?)(?P<kind>version|variant|generali[sz]ation|"
                      r"special case|extension|relaxation|approximation|instance|analog(?:ue)?) of (?=\S)")
_IT_IS = re.compile(r"(?i)it(?:'s|’s| is) ")
# What `claim_asks` asks of a claim that a bullet's form answers (not "What is X?" nor "What does X do?": a
# sentence under a heading, the subject not a term the author set off, asks no such thing)
_ASKED = re.compile(r"(?:When does|Under what conditions|How (?:can|could|may|must|should)|In .+, what|Which) ")
# What a sentence holds when `claim_asks` can ask one of `_ASKED`'s questions of it: a word its forms read the answer
# after (" via ", " when ", " called ", "has a"), or code ("`…`", "f(x)", "a=1", "state_dict", "torch.nn"); a
# bullet without any (most) is asked nothing, said without the search
_MAY_BE_ASKED = re.compile(r" (?:via|using|through|called|named|known as|under|if|when|provided|as long as) "
                           r"|has an? |provides an? |offers an? |`|\(|=|_|\.[A-Za-z_]")  # (or "Under " first: every
# alternative opens on a character of its own, so the search skips to one of them)


def subject_question(text: str, about: str = "") -> str:
    """The question a bullet's sentence (`text`, its marker gone) asks when it makes a claim about a subject it
    names (see the module's examples), or about `about` (what the list is about, when its heading says so) that it
    calls "it"; '' when its form gives none."""
    if about and (it := _IT_IS.match(text)):
        kind = _KIND_OF.match(f"is {text[it.end():]}")
        return f"What is {about} {kind['art']} {kind['mods']}{kind['kind']} of?" if kind else ""
    found = _SUBJECT.match(text)
    if found is None:
        return ""
    subject = found["term"] or found["name"]
    words = subject.casefold().split()
    if len(words) > 1 and words[0] in _ARTICLES:
        words = words[1:]  # ("The learning rate is …": its noun names it)
    if not words or words[0] in _NOT_SUBJECT or words[-1] in _NOT_SUBJECT:  # ("**for conv layers**", "it")
        return ""
    rest, verb = found["rest"], found["verb"]
    said = _as_written(subject, found["rest"]) if found["name"] else subject
    if verb in ("is", "are"):
        return _is_question(said, verb, rest) or (_bold_question(subject, text) if found["term"] else "")
    if not found["term"] and not (text.startswith("Under ") or _MAY_BE_ASKED.search(text)):
        return ""
    question = asked_front(f"{subject} …", f"{subject} {rest}")
    if _ASKED.match(question) or found["term"] and question.startswith("What does "):
        return question
    return ""


def _is_question(said: str, verb: str, rest: str) -> str:
    """The question a subject's "is"/"are" claim asks: which it is ("… is the most expressive"), when it holds
    ("… is more stable when …"), which of two ("… is faster than …"), what it is a kind of ("… a version of …")."""
    if (most := _MOST.match(rest)) and most["adj"] not in _NOT_SUPERLATIVE:
        noun = most["noun"] if most["noun"] and most["noun"] not in _NOT_NOUN and not most["noun"].endswith("ly") \
            else ""
        which = "Which one" if noun == "one" else f"Which {noun}" if noun else "Which"
        return f"{which} {verb} the {most['adj']}?"
    if (when := _WHEN.match(rest)) and len(when["pred"].split()) <= MAX_PREDICATE_WORDS:
        return f"When {verb} {said} {when['pred']}?"
    if (than := _THAN.match(rest)) and than["comp"] not in _NOT_COMPARATIVE \
            and len(than["other"].split()) <= MAX_OTHER_WORDS:
        return f"Which {verb} {than['comp']}: {said} or {than['other'].strip()}?"
    if kind := _KIND_OF.match(rest):
        return f"What {verb} {said} {kind['art']} {kind['mods']}{kind['kind']} of?"
    return ""


def _bold_question(term: str, text: str) -> str:
    """'What is X?' for a bold term the bullet says what it is ("**Dropout** is a regularizer …")."""
    plain = text.replace(f"**{term}**", term, 1)
    question = asked_front(f"{term} …", plain)
    return question if question.startswith("What ") else ""


def _as_written(subject: str, rest: str) -> str:
    """A subject with a sentence's capital in lower case: a noun phrase ("Higher percentiles"), or a word the
    bullet writes so later ("Mean is … than sum; mean …"); a name ("Adam", "Delta Rule") as it is."""
    lower = subject[0].lower() + subject[1:]
    if lower == subject or not subject[1:].replace(" ", "").replace("-", "").islower():
        return subject  # ("GIN", "Delta Rule": a name)
    if " " in subject or re.search(rf"(?<![\w-]){re.escape(lower)}(?![\w-])", rest):
        return lower  # ("Higher percentiles": a noun phrase under a sentence's capital)
    return subject
