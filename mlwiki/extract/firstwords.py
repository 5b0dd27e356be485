"""Fronts cut from the sentence their back goes on with: where a sentence may be cut, and what to ask when it may not.

A card shown the first words of a sentence ("DiD › ATT ≠ ATE whenever effects", "… › Using Taylor expansion" over a
formula) asks nothing: the back repeats those words and goes on. A sentence is cut only at its real subject:

    ATT ≠ ATE whenever effects are heterogeneous …    a relation ends the subject: the sentence is asked whole,
                                                      "When is ATT ≠ ATE?"
    Using Taylor expansion $$L(y, p + O) \\approx …$$   a participle phrase is no subject, nor says what the formula
                                                      is of: the front shows its left side, "Using Taylor
                                                      expansion: $L(y, p + O) \\approx$ …"
    For each pair $\\alpha, \\beta$ such that $$W \\neq \\emptyset$$ the overlap maps $$…$$
                                                      a subordinate opening with no main clause: the formula is
                                                      the condition of the sentence that goes on, shown on the
                                                      front of that sentence's formula instead of a card of its own
    - not exactly equivalent if the model has …     a grab-bag item's topic is a subject: not a clause, nor a
                                                      predicate ("Only depends on …"), nor words that break off
    $m = 0$ → training **fails** (loss …)            a bold word an arrow leads to is the answer, asked for in its
                                                      sentence, not the topic ("… › fails")

Pure: text in, text out.
"""

from __future__ import annotations

import re

from mlwiki.extract.label_cuts import former_label, how_led, value_name
from mlwiki.extract.topics import cut_at_hyphen

# Symbols of a relation written in prose: the words before one are the sentence's subject, the one after it the
# other side ("ATT ≠ ATE"); no noun phrase holds one
RELATIONS = frozenset("= ≠ ≈ ≡ → ⇒ ⟹ ↦ < > ≤ ≥ ∝ ~ := ⊂ ⊆ ∈".split())
# Words that open a clause inside a would-be subject: what stands before them is no name of a thing
CLAUSE_OPENERS = frozenset("whenever unless until once iff".split())
# "ATT ≠ ATE whenever effects are …": a relation between two short sides, said to hold under a condition
_RELATION_WHEN = re.compile(r"(?P<rel>[^\s,;:.]+(?: [^\s,;:.]+)? (?:%s) [^\s,;:.]+(?: [^\s,;:.]+)?) "
                            r"(?:whenever|when|if|only if|iff|as long as|unless) \S" % "|".join(map(re.escape, RELATIONS)))
# A participle phrase ("Using Taylor expansion", "Applying the chain rule:") standing for the whole introduction
_PARTICIPLE = re.compile(r"(?!(?:Everything|Nothing|Something|Anything|String|Thing|King|Spring|Ring|During)\b)"
                         r"[A-Z][a-z]+ing\b[^,;.!?]*")
# A subordinate or prepositional opening that ends where its condition begins: "For each pair …, such that",
# "If", "Whenever"; no main clause follows it before the formula
_SUBORDINATE = re.compile(r"(?:(?:For|To) (?:each|every|all|any)\b[^,;.!?]*|(?:If|When|Whenever|Given)\b[^,;.!?]*)")
_CONDITION_END = re.compile(r"(?:such that|so that|if|iff|whenever|when|with|where|satisfying)$")
# A verb that makes an introduction a clause ("Dropping the weighting gives …"): said by the words, as a plural noun
# ends in s as a verb does ("For each pair of indices …")
_VERB = re.compile(r"\b(?:is|are|was|were|be|has|have|had|can|will|would|must|should|may|gives?|yields?|becomes?|"
                   r"equals?|reads?|holds?|means?|makes?|takes?|goes|shows?|leads?|turns?|estimates?|computes?|"
                   r"modifies|defines?|writes?|gets?|obtains?)\b")
_MATH = re.compile(r"\$[^$]*\$")
_NO_LABEL_START = frozenset("""the a an this that these those its their our then so thus hence now here there and or
but where with also next finally first second""".split())  # (words that go on to a formula, naming no case)
# What a formula is of: its left side and the relation after it ("L(y_i, p_i+O) \\approx", "g_i =")
_LEFT = re.compile(r"(?P<side>[^=<>]{1,60}?)\s*(?P<rel>:=|=:|&?=|\\approx|\\propto|\\leq?\b|\\geq?\b|\\sim\b|\\equiv)")
MAX_SIDE_CHARS = 60
MIN_OTHER_SIDE = 3  # ("-2Q^T(r - Qp) + 2\\lambda p = 0": the side shown is the answer)
_SPACING = re.compile(r"(?:\\[;,:! ]|\\q?quad\b)+\s*$")  # (spacing before the relation: "\\log p(x) \\;\\ge")
_OPERATOR = re.compile(r"\\(?:max|min|arg|sum|prod|int|lim|sup|inf)\b|^[-+]")  # (an objective or a sum: no name)
_TRAILING = re.compile(r"(?:\\[;,:! ]|[ ,.;])+$")
MAX_CONDITION_CHARS = 90  # (a condition shown inline on the next sentence's front: one a learner reads at a glance)


def relation_token(token: str) -> bool:
    """Whether a word of a sentence is a relation ("≠", "=", "→") or a clause's opener ("whenever"): the words
    before it are no noun phrase (`paragraphs.lead_subject` stops there)."""
    return token in RELATIONS or token.casefold().strip(",;:") in CLAUSE_OPENERS


def relation_question(sentence: str) -> str | None:
    """The question a sentence that states a relation under a condition answers ("ATT ≠ ATE whenever effects are
    heterogeneous …" → "When is ATT ≠ ATE?"); None for any other sentence."""
    found = _RELATION_WHEN.match(sentence)
    return f"When is {found.group('rel')}?" if found else None


def no_statement(intro: str) -> bool:
    """Whether a formula's introduction says nothing the formula is: only a participle phrase ("Using Taylor
    expansion"), a case's label of a word or two ("Regression"), or a subordinate opening with no main clause ("For
    each pair of indices $\\alpha, \\beta$ such that")."""
    text = _MATH.sub("x", intro.strip().rstrip(":").strip())
    if not text or _VERB.search(text) or "…" in text:
        return False  # (a clause says what the formula is; "If … then" holds what the card does not show)
    words = text.split()
    return bool(_PARTICIPLE.fullmatch(text)) or bool(_SUBORDINATE.fullmatch(text)) \
        or len(words) <= 2 and not intro.rstrip().endswith(":") and "$" not in intro and words[0][:1].isupper() \
        and all(w.isalpha() for w in words) and words[0].casefold() not in _NO_LABEL_START
    # ("- Regression $$g_i = …$$" names a case; "Variance:" labels its formula, "The formula" and "Then" lead to it)


def hypothesis(intro: str) -> bool:
    """Whether an introduction is a subordinate opening that ends where its condition begins ("For each pair of
    indices $\\alpha,\\beta$ such that"): the formula after it completes no sentence alone."""
    text = _MATH.sub("x", intro.strip())
    return bool(_SUBORDINATE.fullmatch(text)) and bool(_CONDITION_END.search(text)) and not _VERB.search(text)


def left_sides(bodies: list[str]) -> str:
    """The left side and relation of each formula ("$L(y_i, p_i+O) \\approx$ …, $h_i =$ …"): what a front shows
    when its introduction does not say what the formula is of; '' when one has none short enough."""
    shown = []
    for body in bodies:
        found = _LEFT.match(body.strip())
        side = _SPACING.sub("", found.group("side")).strip() if found else ""
        if not side or len(side) > MAX_SIDE_CHARS or "\\begin" in side or "\\\\" in side or _OPERATOR.search(side) \
                or side.count("{") != side.count("}") or side.count("(") != side.count(")") \
                or len(body.strip()[found.end():].strip(" ,.;")) <= MIN_OTHER_SIDE < len(side):
            return ""  # (no name of what it is: "\\max_\\theta …", cut inside a brace, or "… = 0" gives it away)
        shown.append(f"${side} {found.group('rel').lstrip('&')}$ …")
    return ", ".join(shown)


def asked_intro(intro: str, bodies: list[str]) -> str:
    """A formula card's introduction with what it asks for: the formulas' left sides after one that says nothing
    the formula is ("Using Taylor expansion: $L(y_i, p_i+O) \\approx$ …"); the introduction as it is otherwise."""
    if not no_statement(intro) or not (sides := left_sides(bodies)):
        return intro
    intro = intro.strip()
    return f"{intro}{'' if intro.endswith(':') else ':'} {sides}"


_SIDES = re.compile(r"(?<=:) \$[^$]*\$ …(?:, \$[^$]*\$ …)*$")


def as_written(intro: str) -> str:
    """A formula front's introduction without the left sides `asked_intro` shows after it (ending on its colon):
    the sentence as the note writes it, for the rules that read how it ends."""
    return _SIDES.sub("", intro) if intro.endswith("…") else intro


def with_condition(intro: str, condition: str, body: str) -> str | None:
    """The introduction of the formula after a hypothesis (`hypothesis`), its condition shown where the note writes
    it: "For each pair … such that … the overlap maps" → "For each pair … such that $W \\neq \\emptyset$, the overlap
    maps"; None when it does not go on from that hypothesis or the condition is too long to show."""
    body = _TRAILING.sub("", " ".join(body.split()))  # ("W \\neq \\emptyset\\;,": its own end of sentence)
    if not intro.startswith(f"{condition} … ") or len(body) > MAX_CONDITION_CHARS or "\\begin" in body:
        return None
    return f"{condition} ${body}$, {intro[len(condition) + 3:]}"


# Words that open a clause inside a topic ("not exactly equivalent if the model"): cut there, no noun phrase
_SUBORDINATORS = frozenset("if iff whenever when unless because since although though while whereas until once "
                           "whether".split())
# Words a topic cannot end on: it breaks off where what it says goes on ("… depends on the", "… such that")
_DANGLING = frozenset("""a an the of to in on at by for with from into onto over under between via than as and or
nor but that which who whose such so its their this these those is are was were be""".split())
# Adverbs the verb after a subject takes ("pipeline parallelism already is …"): no part of its name; one that opens
# a topic opens a predicate, whose subject the heading holds ("Only depends on the probabilities")
_ADVERBS = frozenset("already also only always never often usually still just even now then rarely sometimes "
                     "generally typically mostly".split())


def as_cut_topic(topic: str) -> str:
    """A topic cut from a sentence's first words, as a front may show it: without the adverbs that belong to its
    verb ("pipeline parallelism already" → "pipeline parallelism"); '' when it is no subject, but the first words
    of a predicate ("Only depends on the probabilities"), of a clause ("not exactly equivalent if the model") or a
    phrase that breaks off ("… such that")."""
    words = topic.split()
    while len(words) > 1 and words[-1].casefold() in _ADVERBS:
        words.pop()
    bare = [w.casefold().strip(",;:*_") for w in words]
    if not bare or bare[0] in _ADVERBS or bare[-1] in _DANGLING or any(w in _SUBORDINATORS for w in bare[1:]):
        return ""
    return " ".join(words)


def leads_to(before: str, term: str) -> bool:
    """Whether a word set in bold is where its sentence's relation leads ("… → training **fails**"): one word in
    lower case after an arrow is what is said, no term the sentence is about."""
    return " " not in term and term.islower() and ("→" in before or "⇒" in before)


_ASKED_WHEN = re.compile(r"When is (?P<rel>.+)\?")
_LED_TO = re.compile(r"→[^→\n]*?\*\*(?P<term>[a-z]+)\*\*\s*\(")  # ("→ training **fails** (loss oscillates)")
# (as `paragraphs.lead_subject` found a subject: up to a verb of being or a modal, or after an article a verb in -s)
_BE = frozenset("is are was were will would can cannot could may might must should does do has have tends tend".split())
_DOES = re.compile(r"[a-z]{2,}[^suy\W]s")


def former_front(front: str, back: str) -> str:
    """The front a card had before these rules reworded it, which its id keeps (and so its review history): "… ›
    ATT ≠ ATE whenever effects" for "… › When is ATT ≠ ATE?", "… › pipeline parallelism already" for "… ›
    pipeline parallelism", "… › fails" (or "… › per channel") for the sentence asked with "…" in its place; ''
    for any other front."""
    head, _, shown = front.partition("\n\n")
    if shown.endswith("?") and " › " in head and shown.endswith(f" {head.rsplit(' › ', 1)[-1]}?"):
        return head  # ("… › Fix" shown the problem it fixes: "… so deep stacks blow up. Fix?")
    path, _, last = front.rpartition(" › ")
    plain = back.lstrip("-*+ ").replace("**", "")
    if last.endswith("?") and (asked := _ASKED_WHEN.fullmatch(last)) and plain.startswith(asked["rel"]):
        words = plain.split()
        article = words[0].casefold() in ("a", "an", "the")
        cut = next((k for k, w in enumerate(words) if k and (w.casefold() in _BE or article and k >= 2
                                                              and _DOES.fullmatch(w))), 0)
        return f"{path} › {' '.join(words[:cut])}" if cut else ""
    if last[:1].islower() and plain.startswith(f"{last} ") and (word := plain[len(last) + 1:].split(" ", 1)[0]) \
            in _ADVERBS:  # (a list item's topic, in lower case as the note writes it)
        return f"{front} {word}"
    if "\n\n" not in front and plain.startswith(last) and " " in (cut := cut_at_hyphen(last)).strip():
        return f"{path} › {cut}"  # ("… › Initialise with k-means", once "… › Initialise with k"; not a heading's
        # name the back opens on, "K-means" over "K-means is …", whose front was never cut)
    if "\n\n" in front and "…" in front and "→" in back and (led := _LED_TO.search(back)):
        return f"{front.split(chr(10) * 2, 1)[0]} › {led['term']}"
    if " › " in front and (was := former_label(front, back)):  # ("… › train vs eval", once "… › train")
        return was
    head, _, shown = front.partition("\n\n")
    if shown and " › " in head and value_name(back) == head.rsplit(" › ", 1)[1]:
        return f"{head.rsplit(' › ', 1)[0]} › What it says\n\n{shown}"  # (a remark on a formula asked by the name
        # its sentence equates, "… › Sum of the factors", once "… › What it says")
    if "…:" in front and "\n\n" in front and (how := how_led(back)):  # ("BN is done …: …", once "… › per channel")
        return f"{front.split(chr(10) * 2, 1)[0]} › {how}"
    return ""
