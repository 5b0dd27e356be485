"""Claims in long prose: a paragraph of an article that opens by saying something about a thing its headings name
becomes a card that asks how the sentence goes on.

    ## Effect of Learning Rate
    … A learning rate that is too small may never converge or may get stuck on a suboptimal solution.
      →  … › Effect of Learning Rate  /  A learning rate that is too small …   →   the whole sentence

An article explains in paragraphs whose first sentence carries the point, and whose subject is the thing the
section is about ("A learning rate that is too large", "The choice of k"): asked for what the sentence says of
it, a learner recalls the point. Only a sentence whose subject is a noun phrase led by an article and speaking of
the heading path, followed by what it "is", "will", "can", "may" … do, and only in sections too long to be one
card, where the paragraph made no other card. Pure: a paragraph's text and the heading path in, (front, back) out.
"""

from __future__ import annotations

import re

from mlwiki.extract.caseblind import READER
from mlwiki.extract.label_cuts import lead_in
from mlwiki.extract.passages import narrates
from mlwiki.extract.prose import clean_prose, sentences

FORM = "claim"
MIN_SUBJECT_WORDS = 3
MAX_SUBJECT_WORDS = 10
MIN_PREDICATE_WORDS = 5
MAX_BACK_WORDS = 60
# The verbs that end a subject: what the thing is, will do, can do ("… will result in", "… may never converge")
AUX = frozenset("""is are was were will would can cannot could may might must should does do has have tends
tend""".split())
# A verb in the present that says what a thing does ("measures", "implements", "involves"): a word in lower case
# ending in a single s ("loss", "bias", "thus" are not)
DOES = re.compile(r"[a-z]{2,}[^suy\W]s")
NOT_VERBS = frozenset("this thus has was its his hers ours yours theirs perhaps always sometimes".split())
# After these a word ending in s is a plural noun ("The number of nodes is …"), not what the subject does
BEFORE_NOUN = frozenset("of in on for with between and or the a an its their our your to by from own".split())
RELATIVE = frozenset("that which who whom whose".split())
ARTICLE = frozenset(("a", "an", "the"))
_WORD = re.compile(r"[^\W\d_][\w-]*")
# Subjects that point or judge rather than name ("The same …", "A common value …", "The following …")
_VAGUE = frozenset("""same other following above below previous next first last main key common typical good
simple popular default standard possible important best better usual general different new only result problem
goal idea way approach reason answer example one""".split())
_SHORT_WORDS = frozenset("a an of to in on at by or as is it be we if so no do up".split())
TOO_GENERIC = frozenset("""model models method methods approach data system function output input process step
way thing reason example case type part value set result results problem""".split())


def claim_card(text: str, about_words: frozenset[str], path: str = "") -> tuple[str, str] | None:
    """(front text, back) when the paragraph's first sentence opens with a subject that names something of the
    heading path (`about_words`: its words, as `defining.stems` gives them; a symbol of one or two letters of the
    `path` too: "The choice of k" under "Configuration of k") and says something of it; or with a name that is
    its own subject (see `named_claim`)."""
    if not text[:2] in ("A ", "An", "Th") or _subject(text[:400]) is None:
        return named_claim(text)  # (most paragraphs: said before the sentences are found)
    joined = " ".join(text.split())
    if _needs_more(joined[:_first_stop(joined)]):
        return None  # (the first sentence holds all up to its first stop: no need to find the sentences)
    found = sentences(joined)
    first = found[0].strip() if found else ""
    if not first.endswith(".") or "$" in first or "`" in first or "[[" in first or "](" in first \
            or READER.search(first):
        return None  # (a formula, code or link it needs, or a tutorial speaking to its reader: "… we created")
    subject = _subject(first)
    if subject is None:
        return None
    words = [w.casefold() for w in _WORD.findall(subject)]
    content = {stem(w) for w in words[1:] if len(w) > 2 and w not in TOO_GENERIC}
    symbols = {w for w in _tokens(subject)[1:] if len(w) <= 2 and w.casefold() not in _SHORT_WORDS}
    if len(words) < 2 or words[1] in _VAGUE or not (content & about_words or symbols & set(_tokens(path))):
        return None  # ("A common value is …", "The model is …": no subject of the section)
    back = first
    if len(found) > 1 and re.match(r"(?:This|It|They)\b", found[1]) \
            and len(f"{back} {found[1]}".split()) <= MAX_BACK_WORDS:
        back = f"{back} {found[1].strip()}"
    if len(back.split()) > MAX_BACK_WORDS:
        return None
    return f"{clean_prose(subject)} …", back


_STOP = re.compile(r"[.!?]")


def _first_stop(text: str) -> int:
    """The index of the first `.`, `!` or `?` of a text (its length when none): a first sentence, as
    `prose.sentences` splits, holds every character before it."""
    stop = _STOP.search(text)
    return stop.start() if stop else len(text)


def _needs_more(head: str) -> bool:
    """Whether a first sentence that starts with `head` needs what a card cannot show: a formula, code or a link."""
    return "$" in head or "`" in head or "[[" in head or "](" in head


def _subject(sentence: str) -> str | None:
    """The words before the sentence's first verb of being or modal, a relative clause's own verb left in ("A
    learning rate that is too large"), or before a verb in the present after a plain noun phrase ("The testing
    loop involves …"); None when that is no noun phrase of a few words led by an article."""
    # (the words a subject may take and the predicate after it, not all: a long paragraph holds hundreds)
    tokens = sentence.split(None, MAX_SUBJECT_WORDS + MIN_PREDICATE_WORDS + 1)
    if not tokens or tokens[0].casefold() not in ARTICLE:
        return None
    relative = had_relative = False
    for k, token in enumerate(tokens[1:MAX_SUBJECT_WORDS + 1], 1):  # (a verb further on ends no subject)
        word = token.casefold().strip(",;:")
        if token.endswith((",", ";", ":")) and word not in AUX:
            return None  # (an aside or a list: no plain subject)
        if word in RELATIVE:
            relative = had_relative = True  # (after a relative clause, "makes" may be its verb or the sentence's: no)
        elif word in AUX or (not had_relative and k >= MIN_SUBJECT_WORDS and DOES.fullmatch(word)
                              and word not in NOT_VERBS and tokens[k - 1].casefold() not in BEFORE_NOUN):
            if relative:
                relative = False
                continue
            if not MIN_SUBJECT_WORDS <= k <= MAX_SUBJECT_WORDS or len(tokens) - k - 1 < MIN_PREDICATE_WORDS:
                return None
            return " ".join(tokens[:k])
    return None


def _tokens(text: str) -> list[str]:
    """The words of a text as written, punctuation around them dropped ("C++" stays "C++", "k," is "k")."""
    return [token.strip(",.;:()\"'") for token in text.split()]


def stem(word: str) -> str:
    """A word (of more than four letters) without a plural's ending: `re.sub(r"(?:ies|es|s)$", "", word)` for a
    word without a newline, said with str methods (it runs for every word of every heading path)."""
    if len(word) <= 4 or word[-1] != "s":
        return word
    return word[:-3] if word.endswith("ies") else word[:-2] if word.endswith("es") else word[:-1]


# A name that is its own subject: code ("torch.inference_mode()", ".state_dict()", "`nn.Linear`"; not a call on
# values, "`exp(1000.0)`", which is an example), or a word with a
# capital or a digit inside it ("Word2Vec", "H-Softmax", "GraphSAGE", "MAE"), or a few capitalised words spelled out
# by an abbreviation in brackets ("Mean absolute error (MAE, …)")
_NAME = re.compile(r"(?:`\.?[A-Za-z_][\w.]*(?:\(\))?`|\.?[A-Za-z_]\w*(?:\.[A-Za-z_]\w*)+(?:\(\))?|[A-Za-z_]\w*\(\)|"
                   r"[A-Za-z][a-z]*-?[A-Z0-9][\w-]*)(?=[\s(])|[A-Z][a-z]+(?: [a-z]+){0,3}(?= \((?-i:[A-Z]{2,})\b)")
_ASIDE = re.compile(r" ?\([^()\n]{1,60}\)")
MAX_NAMED_BACK_WORDS = 80
_NOT_NAMES = frozenset("AI I OK ML DL".split())
_THE_CODE = re.compile(r"The (?=`?\.?[A-Za-z_]\w*(?:\.\w+)+)")  # "The torch.nn.Linear() module …"
_KIND_WORD = re.compile(r" (?:module|layer|class|function|method|library|package|operator|object|API)\b")
_ALSO_KNOWN = re.compile(r",\s*(?:also )?(?:known as|called) [^,.\n]{1,60},")
_TOLD_ASIDE = re.compile(r" ?\([^()\n]*\b(?:we|we['’]ll|you|you['’]ll|I)\b[^()\n]*\)", re.I)
_LIST_START = re.compile(r"\n[ \t]*(?:[-*+]|\d+[.)])[ \t]")
_VAGUE_PREDICATE = re.compile(r"\s*(?:has|have|offers|provides|includes|contains|supports)\s+(?:a bunch of|a lot of|lots of|"
                              r"many|several|various|some|a few|a number of|plenty of)\b")


def named_claim(text: str) -> tuple[str, str] | None:
    """(front text, back) for a paragraph that opens by saying what a named thing is or does ("torch.inference_mode()
    turns off gradient tracking …", "Mean absolute error (MAE) measures …", "Node2Vec was introduced in 2016 …"):
    the name asks, the paragraph's sentences up to `MAX_NAMED_BACK_WORDS` answer (up to one that speaks to the reader
    or announces what the card does not show)."""
    if text[:1] in "YW" and (found := CAN_USE.match(text)):
        return _tool_sentence(text, found.end())
    the = _THE_CODE.match(text)  # ("The torch.nn.Linear() module (…), also known as …, implements …")
    name = _NAME.match(text, the.end() if the else 0)
    if name is None or name.group(0) in _NOT_NAMES or name.group(0).startswith("self."):
        return None  # ("self.layer_1 takes 2 input features": a walk through the code above)
    text = _LIST_START.split(text, 1)[0]  # (a list after the sentence is no part of it: "… two implementations: 1. …")
    text = _TOLD_ASIDE.sub("", text)  # ("(we'll see this in action later on)": no part of what it says)
    rest = text[name.end():]
    if the and (kind := _KIND_WORD.match(rest)):
        rest = rest[kind.end():]
    aside = _ASIDE.match(rest)
    subject = text[:len(text) - len(rest)] + (aside.group(0) if aside else "")
    rest = rest[aside.end():] if aside else rest
    if also := _ALSO_KNOWN.match(rest):
        rest = rest[also.end():]  # (the other names are the back's: the front asks for what it does)
    verb = rest.split(None, 1)[0] if rest.strip() else ""
    if not rest[:1].isspace() or not (verb in AUX or DOES.fullmatch(verb)) or _VAGUE_PREDICATE.match(rest):
        return None  # ("PyTorch has a bunch of ready-made functions …" promises without saying)
    back = ""
    for sentence in sentences(" ".join(text.split())):
        sentence = sentence.strip()
        if READER.search(sentence) or sentence.endswith((":", "?")) or \
                len(f"{back} {sentence}".split()) > MAX_NAMED_BACK_WORDS:
            break
        back = f"{back} {sentence}".strip()
    if len(back.split()) - len(subject.split()) < MIN_PREDICATE_WORDS or "$" in back:
        return None
    return f"{clean_prose(subject)} …", back


_ALNUM = re.compile(r"[^a-z0-9]+")
_NOT_LETTER = re.compile(r"[^a-z]+")
_MARKER = re.compile(r"[ \t]*(?:[-*+]|\d+[.)])[ \t]+")
_IS = re.compile(r"\b(?:is|are)\b")


def restates(name: str, text: str) -> bool:
    """Whether a text that says what `name` is only names it again ("Slope One is a straightforward implementation of
    the SlopeOne algorithm", "Co-clustering is an algorithm based on co-clustering"): after its first "is", the
    name comes back, spelled with or without its spaces and hyphens. Such a sentence teaches nothing."""
    key = _ALNUM.sub("", clean_prose(name).casefold())
    if len(key) < 3:
        return False
    # (the words before the sentence's "is" open the text: unless its first letters spell the name, with or without
    # "the", it does not say what the name is, and nothing more need be done; most texts. Letters only: the list
    # marker taken off below takes no letter, maybe digits)
    letters, head = _NOT_LETTER.sub("", key), _NOT_LETTER.sub("", text[:len(key) + 64].casefold())
    if (len(head) >= len(letters) + 3 or len(text) <= len(key) + 64) \
            and not head.startswith((letters, "the" + letters)):
        return False
    found = sentences(" ".join(_MARKER.sub("", text, count=1).split()))
    first = found[0] if found else ""
    verb = _IS.search(first)
    if len(key) < 3 or verb is None or _ALNUM.sub("", first[:verb.start()].casefold()).removeprefix("the") != key:
        return False  # (only a sentence that says what the name is: "X is …")
    return key in _ALNUM.sub("", first[verb.end():].casefold())


# "You can also rearrange the axes with torch.permute(input, dims) …", "We can get the state … using .state_dict()":
# how a tutorial says what a function does
CAN_USE = re.compile(r"(?:you|we) can (?:also )?(?=[a-z])", re.I)
_CODE = re.compile(r"`?(\.?[A-Za-z_]\w*(?:\.[A-Za-z_]\w*)*\([^()\n]{0,30}\)|[A-Za-z_]\w*(?:\.[A-Za-z_]\w*)+)`?")
MAX_TOOL_WORDS = 50


def _tool_sentence(text: str, start: int) -> tuple[str, str] | None:
    """(front text, back) for a first sentence that says what a function of a library does ("You can also
    rearrange the order of the axes with torch.permute(input, dims), …"): the function asks, the sentence answers."""
    found = sentences(" ".join(text.split()))
    first = found[0].strip() if found else ""
    code = _CODE.search(first, start)
    if code is None or "." not in code.group(1) and "(" not in code.group(1) or first.endswith((":", "?")) \
            or not MIN_PREDICATE_WORDS <= len(first.split()) <= MAX_TOOL_WORDS or "$" in first or narrates(first):
        return None  # (no function named, "You can also see the loss going down.", or "the same as above")
    return f"{code.group(1)} …", first


# A term set in bold inside a sentence and glossed in brackets right after it: "train for 100 **epochs** (forward
# passes through the data)"
_GLOSSED = re.compile(r"(?<=\s)\*\*(?P<term>[A-Za-z][\w -]{1,38}[\w])\*\*[ \t]*\((?P<gloss>[a-z][^()\n]{10,120})\)")
_NOT_GLOSS = re.compile(r"(?:e\.g\.|i\.e\.|see|cf\.|for example|like|such as|optional|default|the|an?|also|or|aka|"
                        r"it|they|this|these|that|which|because|since|"
                        # (what is said of it, not what it is: "(has to work at every noise level)", "(not just …)")
                        r"has|have|is|are|was|were|can|could|must|should|will|would|does|do|did|needs?|works?|not|no|"
                        r"only|just|still|even|"
                        # (where or when it holds: "**ATT** (in the post period)")
                        r"in|on|at|for|with|without|from|during|after|before|per|via|by|over|under|to|when|if)\b|"
                        r".*\d|"
                        r".*(?:\.\.\.|…|\betc\.?)[ \t]*$", re.I)  # (an example, a pointer, another name for it, a
# number; a reason: "(it uses …)"; a list of examples that trails off: "**proxies** (zip code, name, ...)")
# A gloss that lists a thing's parameters, not what it is: "(mean $\mu$, shape $\alpha$)"
_PARAMETER = re.compile(r"[ \t]*(?:[a-z]+[ \t]+){0,2}\$[^$]+\$[ \t]*")
# An acronym's expansion in brackets, and the sentence going on to say what it is: "The **HDI** (highest density
# interval) is the narrowest interval …"
_GOES_ON = re.compile(r"[ \t]+(?:(?:is|are)|means|refers to|denotes)[ \t]+(?P<rest>[^.!?\n]{8,}[.!?]?)")
# A bold phrase led by a preposition or a quantifier is emphasis, not a term ("trained **on noisy images**", "adds
# adapters to **all linear layers**")
_LEADS_NO_TERM = re.compile(r"(?i)(?:on|in|at|for|with|without|from|by|via|under|over|into|through|during|after|"
                            r"before|between|within|across|all|every|each|some|most|many|few|no|not|only|any|both)[ \t]|"
                            r".*?[ \t](?:on|in|at|for|with|over|from)[ \t]+an?[ \t]")  # ("**NLL on a held-out set**": a
# phrase that says where or how, no term)


def glossed_terms(text: str) -> list[tuple[str, str]]:
    """(term, gloss) of each bold term a bracket after it explains: `glossed_with_leads` without the lead-ins."""
    return [(term, gloss) for term, gloss, _ in glossed_with_leads(text)]


def glossed_with_leads(text: str) -> list[tuple[str, str, str]]:
    """(term, gloss, what its sentence's lead-in says it is: `label_cuts.lead_in`) for each bold term in the middle of a sentence that a bracket right after it explains in words
    ("**epochs** (forward passes through the data)"); not an example ("(e.g. …)"), a pointer, a number, a clause
    said of it ("(has to work at every noise level)"), a list of its parameters ("(mean $\\mu$, shape $\\alpha$)")
    or a phrase that is no term ("**on noisy images**"). An acronym's expansion that the sentence goes on past
    ("**HDI** (highest density interval) is the narrowest …") keeps what the sentence says of it."""
    if "**" not in text:
        return []
    text = " ".join(text.split())
    found = []
    for m in _GLOSSED.finditer(text):
        term, gloss = m.group("term"), m.group("gloss")
        if _NOT_GLOSS.match(gloss) or len(gloss.split()) < 3 or _LEADS_NO_TERM.match(term) \
                or ";" in gloss and _WHERE_DONE.search(text, max(0, m.start() - 12), m.start()) \
                or all(_PARAMETER.fullmatch(part) for part in gloss.split(",")) or _SAID_OF.search(text[max(0, m.start() - 40):m.start()]) \
                or _TO_ORDER.fullmatch(term) and text.endswith("to ", 0, m.start()) or _other_names(gloss):
            continue  # ("A finite MA(q) is **always stationary** (…)": what the sentence says of its subject, no term;
            # "in **log space** (small numbers underflow; …)": clauses, the reason for what the sentence says)
        if term.isupper() and (more := _GOES_ON.match(text, m.end())):  # ("… is the narrowest interval …")
            gloss = f"{gloss}: {clean_prose(more.group('rest').strip())}"
        found.append((term, gloss, lead_in(text, m.start())))  # ("Strategies: **direct** (…)": a strategy)
    return found


def _other_names(gloss: str) -> bool:
    """Whether a bracket only gives the term's other names, a word each ("(standardisation / g-formula)"), not what
    it is ("(true positives / all predicted positives)" says it, a ratio)."""
    names = gloss.split("/")
    return len(names) > 1 and all(len(name.split()) == 1 for name in names)


# A preposition right before the bold phrase: where or how the sentence's subject is done ("Always in **log space**
# (small numbers underflow; …)"), whose bracket of clauses gives the sentence's reason, not what the phrase means
_WHERE_DONE = re.compile(r"\b(?:in|into|on|at|with|by|under|via)[ \t]+$")
# A copula right before the bold phrase: the phrase is what the sentence says of its subject, the answer to a question
_SAID_OF = re.compile(r"\b(?:is|are|was|were|becomes?|stays?|remains?)[ \t]+(?:(?:not|always|never|also|still|"
                      r"usually|often|only)[ \t]+)?$")
# A degree of agreement ("matches J to **first order** (same value, same gradient)"): how closely the sentence's
# subject holds, no term; its bracket says what that degree means only with the sentence around it
_TO_ORDER = re.compile(r"(?i)(?:first|second|third|zeroth|leading|lowest|higher|linear)[ -]order")
# "… because …": a claim and its reason, in one sentence of its own
_BECAUSE = re.compile(r"(?P<claim>[A-Z$`*][^.?!:;\n]{10,160}?)[ \t]*,?[ \t]+because[ \t]+(?P<reason>[^\n]{8,}?)[ \t]*$")
_POINTS_BACK = re.compile(r"(?:It|Its|This|That|These|Those|They|Their|He|She|We|You|I)\b")


def reason_claim(item: str) -> tuple[str, str] | None:
    """(front, back) of a fact written as its claim and its reason in one sentence ("Expected SARSA has lower
    variance than SARSA because it averages over the next action instead of sampling it."): the claim asks why,
    the reason answers; None for any other text, and for a claim that points back ("It works because …")."""
    text = " ".join(item.split())
    if " because " not in text or len(sentences(text)) > 1 or not (found := _BECAUSE.fullmatch(text)) \
            or _POINTS_BACK.match(found["claim"]):
        return None
    return f"{found['claim'].strip()} — why?", f"because {found['reason'].rstrip()}"
