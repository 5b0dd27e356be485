"""Explaining paragraphs: in a section too long to be one card, a later paragraph that explains a subject of its own
is a card titled by that subject.

    ## PyTorch Tensor Architecture
    Once created, a torch.Tensor Python object is a view of a C++ at::Tensor …      (the section's opening card)
    Tensor data storage is another important internal concept. Every tensor has
    an associated Storage object that holds the raw memory, while the Tensor …
      →  … › PyTorch Tensor Architecture › Tensor data storage  /  the paragraph

An article explains a topic in paragraphs, one point each, and a paragraph's first sentence usually names what it
is about: its grammatical subject ("Tensor data storage", "Optimizer classes like optim.SGD", "The dependency
count"). That subject tells the paragraph apart from its section's other cards, so the front asks "what about this
subject, here?" and the paragraph answers. Only a subject that names something is taken: not a pointer back ("This
design", "These layers", "It"), not a quantity ("Many other parts"), not a clause ("Given the interaction …, it is
…"); and only a paragraph that reads as a passage alone (`passages.passage`: no narration, not going on from the
sentence before, short enough) or whose first sentences do. Pure: a paragraph and its heading path in, (front, back)
out.
"""

from __future__ import annotations

import re

from mlwiki.extract.blocks import Block
from mlwiki.extract.caseblind import READER_OR_CONTRACTION
from mlwiki.extract.firstwords import relation_token
from mlwiki.extract.claims import (ARTICLE, AUX, BEFORE_NOUN, DOES, MAX_NAMED_BACK_WORDS, NOT_VERBS, RELATIVE,
                                   TOO_GENERIC)
from mlwiki.extract.lines import LIST_ITEM, TEXT
from mlwiki.extract.narration import without_pointing_clause
from mlwiki.extract.passages import narrates, passage, reads_as_prose, without_announcement
from mlwiki.extract.prose import clean_prose, sentences
from mlwiki.extract.quote_cuts import opens_quote
from mlwiki.extract.topics import passage_topic

FORM = "paragraph"
MAX_SUBJECT_WORDS = 7
MAX_OPENING_CHARS = 600  # a first sentence longer than this opens no point (and is not cleaned: clozes, storms)
MIN_BACK_WORDS = 12  # ("The interpretation of a test is probabilistic." alone: true, and nothing to recall)
MIN_PREDICATE_WORDS = 3  # ("Tensor data storage is another important concept." opens what the paragraph explains)
# Verbs that end a subject (claims' verbs of being and modals, and these in the past): what a thing is, was, will or
# can do; a verb in the present ("measures", "implements") is claims' DOES, with the same exceptions
_AUX = AUX | {"did", "had"}
# First words of a sentence whose subject is no name: a pointer back or to the reader, a quantity, a clause or a
# phrase set before the subject ("In PyTorch, …", "Given …", "When you …")
_NO_SUBJECT_START = frozenset("""this these that those it its they their them there here we you i our your my one
such so then however but and also or nor yet if when whenever while since because although though as in on at for
with by from to after before during given using once unlike like many some most several all each every both other
another any no none more less much few what which who how why where note recall remember notice now finally first
second third next last similarly likewise instead overall basically essentially generally typically usually often
again still just even only let lets let's suppose assume consider imagine everything nothing something anything
everyone someone whether""".split())
# Words that make the words before a verb a clause, not a noun phrase ("Tests whether a sample …")
_CLAUSE = frozenset("whether if how what why when where because since although".split())
# Subjects too vague to tell a paragraph apart ("The same …", "The main idea …", "The result")
_VAGUE = frozenset("""same other following above below previous next first last main key common typical good simple
popular default standard possible important best better usual general different new only result results problem
goal idea way approach reason answer example examples one thing things point case rest end code output exact whole
entire overall final actual""".split())
_READER = READER_OR_CONTRACTION  # (claims' reader, and "we're", "you'll" …)
# A sentence that points at a page ("Tensorflow function can be found [here](…)")
_POINTER = re.compile(r"(?i)\[(?:here|this|link|docs?|documentation)\]\(|\bcan be found\b")
_RESULT = re.compile(r"\d\s*%|\d\.\d")  # "… obtains an accuracy of 91.54%": what a run gave, not a fact
# A short phrase set before the subject that does not go on from the sentence before ("Internally, nn.Linear will
# call …", "In PyTorch, a tensor is …", "Under the hood, …"): left out when the subject is looked for
_SET_BEFORE = re.compile(r"(?:[A-Z][a-z]+ly|(?:In|At|Under|On|During|Inside|Within)(?! (?:other|summary|short|essence|"
                         r"conclusion|contrast|addition|particular|general|turn|this|that|these|those|which|our|your)\b)"
                         r"(?: [\w.’'-]+){1,3}),[ \t]+(?=\S)")
_SETS_BEFORE = frozenset("in at under on during inside within".split())  # (_SET_BEFORE's first words)
_ADVERBS = frozenset("also only always never just then still usually often thus therefore too even".split())
_COMPARATIVES = frozenset("""lower higher smaller larger bigger greater better worse fewer more less faster slower
longer shorter earlier later""".split())
# A word in -ly that says how, before a verb ("quietly", "automatically"), not a noun ending so ("family", "anomaly")
_ADVERB = re.compile(r"(?!(?:family|anomaly|assembly|supply|monopoly|ally|reply|italy|poly|butterfly)$)[a-z]{3,}ly")
_LONE_SYMBOL = re.compile(r"\$[^$]{1,12}\$")  # ("The $1$": a symbol of the formula before, not a name
_YEAR = re.compile(r"\((?:19|20)\d\d\)")  # a citation's year
_QUANTITIES = frozenset("couple few lot number handful bunch dozen".split())  # (after "A")
_POINTERS = frozenset("this these that those it its".split())  # ("Summing this over all paths": of what?)
_CODE_NAME = re.compile(r"[a-z_]\w*(?:\.\w+)+")  # "nn.Linear", "torch.optim": a name in lower case


def paragraph_card(path: str, block: Block, declined: bool) -> tuple[str, str] | None:
    """(front, back) for a paragraph of a long section whose first sentence names its own subject; None when it is
    a list, opens with no subject that names something, or says nothing a learner could recall alone."""
    first = block.lines[0]
    word = first.text.split(None, 1)[0].lstrip("\"“'‘") if first.kind == TEXT and first.text.strip() else ""
    if not _may_open(word) or LIST_ITEM.match(first.text):
        return None  # (a list, a bold term or label, a quote, a table, a formula, a sentence that goes on: said
        # from its first word, before the paragraph's sentences are found: most paragraphs are no such card)
    found = sentences(" ".join(" ".join(ln.text for ln in block.lines if ln.kind == TEXT).split()))
    if not found or len(found[0]) > MAX_OPENING_CHARS or "{{" in found[0]:
        return None  # (no sentence, or a first one too long to open on a point: a storm of clozes, a pasted page)
    opening = clean_prose(found[0])
    if (subject := lead_subject(opening)) is None \
            or _READER.search(opening) or _RESULT.search(opening) or _points(found[0]):
        return None  # (no subject, or one the headings name, which the section's opening card asks for; a tutorial
        # speaking to its reader or reporting a run, or a pointer at a page)
    back = passage([block], declined=declined)
    if back is None or _READER.search(back):
        back = _leading_sentences(found)  # (up to a sentence that speaks to the reader)
    if back is None or len(back.split()) < MIN_BACK_WORDS or not back.rstrip("*_)").endswith((".", "!")):
        return None  # (too short to be worth a card, or broken off by a formula: "… not on the earlier history,")
    named = _in_path(subject, path)  # (the headings' own subject, of which this paragraph says one more thing:
    # "Self-attention is order-blind — …" under "Self-attention and the transformer" asks "Self-attention is …"; a
    # subject only the note's title names, "PyTorch has …", says what the section is not about; the heading's whole
    # subject, "Tensor architecture is …", is what the section's opening card asks for)
    heading = path.rsplit(" › ", 1)[-1]
    if named and (not _in_path(subject, heading) or _bare(subject) == _bare(heading)):
        return None
    return f"{path} › {_cue(subject, opening, named)}", back


MAX_TOPIC_WORDS = 4  # (a name, "New item cold start"; not a clause, "The test found that the data")
# A paragraph that says where to read ("YouTube DNN paper (2016) is the classic version; …"), no fact of its own
_PUBLICATION = re.compile(r"(?i)\b(?:paper|papers|et al\.?|arxiv)\b")
_PERSON = re.compile(r"(?i)\b(?:we|our|us|you|your|i|my)\b")
# A topic that is no name: "Suppose we", "Both algorithms", "Note that there", "As the diagram", "One nuance"
_NO_TOPIC_START = re.compile(r"(?i)(?:suppose|both|note|notice|what|how|why|as|while|considering|one|another|in|"
                             r"this|that|these|those|such|some|many|most|all|each|either|neither|other|here|there|"
                             r"an? (?:important|simple|common|good|key)|the (?:last|first|next|main|reason|goal|idea))\b")


def _points(sentence: str) -> bool:
    """`_POINTER.search(sentence)`, asked only of a sentence with a "[" or "found" in it (or not in ASCII)."""
    return ("[" in sentence or not sentence.isascii() or "found" in sentence.lower()) \
        and _POINTER.search(sentence) is not None


def topic_card(path: str, block: Block, declined: bool) -> tuple[str, str] | None:
    """(front, back) for a paragraph of prose that closes a section after its opening card and the lists or tables
    between ("Dimensionality $k$: bigger $k$ = more capacity but …", "new item cold start is usually worse than new
    user — …"): titled by its topic (`topics.passage_topic`), as nothing else of the section's holds it; None when it
    names no topic, is a list, or does not read as a passage."""
    if block.lines[0].kind != TEXT or LIST_ITEM.match(block.lines[0].text):
        return None
    back = passage([block], declined=declined)
    if back is None or narrates(back) or "\n\n" in back or _PERSON.search(back):
        return None  # (a tutorial's "we" and "you": its story goes on, no fact closes the section)
    topic = passage_topic(back)
    if not topic or _in_path(topic, path) or _NO_TOPIC_START.match(topic) or len(topic.split()) > MAX_TOPIC_WORDS \
            or all(w in _VAGUE for w in _bare(topic).split()) \
            or _PUBLICATION.search(back) \
            or len(topic.split()) < 2 and topic[:1].islower():
        return None  # ("Cold start › new item cold start": the subject's own name is no topic of its own; "Results
        # are …": a vague word names none)
    return f"{path} › {topic[:1].upper()}{topic[1:]}", back


def _cue(subject: str, opening: str, named: bool = False) -> str:
    """The front's last part: the subject, or for one that is a common noun after an article ("The error", "The
    agent"), which could be anything's, the subject and its verb ("The error shrinks …"): what is asked of it."""
    words = subject.split()
    if not named and (len(words) != 2 or words[0].casefold() not in ARTICLE
                      or not (words[1].isalpha() and words[1].islower())):
        return subject
    rest = [w for w in opening[opening.find(subject) + len(subject):].split()[:3]
            if w.casefold() not in _ADVERBS and not _ADVERB.fullmatch(w)]
    return f"{subject} {rest[0]} …" if rest else subject  # ("The return satisfies …", not "The return also …")


def _may_open(word: str) -> bool:
    """Whether a paragraph's first word may open a subject or a phrase set before one (`lead_subject`)."""
    if not (word[:1].isupper() or word[:1] in "`_" or _CODE_NAME.match(word)) or word[:2] == "**":
        return False
    key = word.casefold().strip(",:;")
    return key not in _NO_SUBJECT_START or key in _SETS_BEFORE


_POSSESSIVE = re.compile(r"['’]s$")  # ("Adam's"): a first word's ending, off before it is looked up


def lead_subject(sentence: str) -> str | None:
    """The grammatical subject of a sentence that opens with a noun phrase naming something ("Tensor data storage is
    …" → "Tensor data storage"; "The torch._C module is …" → "The torch._C module"): the words before its first verb
    of being, modal or verb in the present, a relative clause's own verb left in; None for a pointer, a quantity, a
    clause, an aside before the verb, or a subject of vague words only."""
    if (set_before := _SET_BEFORE.match(sentence)) and not sentence.startswith(("Finally", "Similarly", "Additionally")):
        sentence = sentence[set_before.end():]
    tokens = _unquoted(sentence.split())
    if len(tokens) < 2 or _POSSESSIVE.sub("", tokens[0].casefold().strip(",:;")) in _NO_SUBJECT_START \
            or not (tokens[0][:1].isupper() or tokens[0][:1] in "`_" or _CODE_NAME.match(tokens[0])):
        return None
    if tokens[0].casefold() == "a" and tokens[1].casefold() in _QUANTITIES:
        return None  # ("A couple more practical notes: …", "A few tricks …": a quantity, no name)
    if DOES.fullmatch(tokens[0].casefold()) and tokens[1].casefold() not in _AUX:
        return None  # a verb first, a step or an item of a list of what something does ("Creates 2 layers …")
    relative = had_relative = False
    # (after "The backward engine", "performs" is its verb; "Neural networks are …", "PyTorch's internals handle …":
    # a plural noun, told from a verb only by a verb of being after it)
    article = tokens[0].casefold() in ARTICLE
    for k, token in enumerate(tokens[:MAX_SUBJECT_WORDS + 1]):
        word = token.casefold().strip(",;:")
        if word in _CLAUSE or k and relation_token(token):
            return None  # (a clause, or a relation: "ATT ≠ ATE whenever …" names no thing before its verb)
        if k and word in RELATIVE:
            relative = had_relative = True
        elif k and (word in _AUX and not token.strip(",;:").isupper() or (article and k >= 2 and not had_relative and DOES.fullmatch(word)
                                     and word not in NOT_VERBS and tokens[k - 1].casefold() not in BEFORE_NOUN)):
            if relative:
                relative = False
                continue
            if opens_quote(" ".join(tokens[:k])):
                return None  # (the verb is inside a quotation the subject opened: 'Q answers "how good is …"')
            return _named(tokens[:k], len(tokens) - k - 1)
        if token.endswith((",", ";", ":")) or token.startswith("(") and k == 0:
            return None  # (an aside, a list or a label before any verb: no plain subject)
    return None


def _in_path(subject: str, path: str) -> bool:
    """Whether the subject only repeats a heading of the path, or is one word the path holds ("PyTorch")."""
    words = [w for w in subject.casefold().split() if w not in ARTICLE]
    parts = [" ".join(w for w in part.casefold().split() if w not in ARTICLE) for part in path.split(" › ")]
    return " ".join(words) in parts or len(words) == 1 and words[0] in " ".join(parts).split()


def _bare(words: str) -> str:
    """Words in lower case without articles ("The p-value" → "p-value")."""
    return " ".join(w for w in words.casefold().split() if w not in ARTICLE)


def _unquoted(tokens: list[str]) -> list[str]:
    """The words of a sentence that opens on a name in quotes ('"Generalised policy iteration" is …') without them."""
    if tokens and tokens[0][:1] in "\"“":
        for k, token in enumerate(tokens[:MAX_SUBJECT_WORDS]):
            if token.endswith(("\"", "”")):
                return [t.strip("\"“”") for t in tokens[:k + 1]] + tokens[k + 1:]
    return tokens


def _named(words: list[str], predicate_words: int) -> str | None:
    """The subject words, when they name something and the sentence says enough of it."""
    while len(words) > 1 and (words[-1].casefold() in _ADVERBS or _ADVERB.fullmatch(words[-1])):
        words = words[:-1]  # ("The return also satisfies …", "The definition quietly implies …": "The return")
    content = [w.casefold().strip("`*_()\"'’") for w in words if w.casefold() not in ARTICLE]
    if any(w in ("paper", "papers", "et") for w in content) and _YEAR.search(" ".join(words)):
        return None  # ("YouTube DNN paper (2016) is the classic version; …": where to read, not what)
    if len(words) == 2 and words[0].casefold() in ARTICLE and _LONE_SYMBOL.fullmatch(words[1]):
        return None  # ("The $1$ means the gradient …": a symbol of the formula before, which the card would not show)
    if len(words) == 1 and content and content[0] in _COMPARATIVES:
        return None  # ("Lower is better, …": a judgement of what came before, not a name)
    if content and content[-1] in ("and", "or", "but", "nor"):
        return None  # ("ItemKNN wins on accuracy and is …": a clause cut at its second verb, no name)
    if not content or predicate_words < MIN_PREDICATE_WORDS or all(w in _VAGUE for w in content) \
            or any(w in _POINTERS for w in content) \
            or content[0] in _VAGUE or content[-1] in TOO_GENERIC and len(content) == 1:  # ("The model is …")
        return None
    return " ".join(words)


def _leading_sentences(found: list[str]) -> str | None:
    """The paragraph's first sentences up to `MAX_NAMED_BACK_WORDS` words, for a paragraph too long to be a back:
    None when the first alone is longer, or they narrate, ask, announce what follows or break off before a formula
    ("… not on the earlier history," over `$$…$$`)."""
    back = ""
    for k, sentence in enumerate(found):
        sentence = sentence.strip()
        if back and k + 1 < len(found) and _aside_to_reader(sentence, found[k + 1]):
            continue  # ("Just use X in the formula above.": a tip between two facts, the fact after it kept)
        if back and ("above" in sentence or "below" in sentence):
            sentence = without_pointing_clause(sentence)  # (", so the equation above holds exactly,": the rest stays)
        if len(f"{back} {sentence}".split()) > MAX_NAMED_BACK_WORDS or narrates(sentence) \
                or not sentence.endswith((".", "!", ".)", ".*", ".**")) or _READER.search(sentence):
            break
        back = f"{back} {sentence}".strip()
    if not back or without_announcement(back) != back or not reads_as_prose(back):
        return None  # ("… is described by the following": what it announces is not on the card)
    return back


# A sentence that tells the reader what to do with what the note showed before ("Just use X in the formula above.")
_POINTS_BACK = re.compile(r"(?i)\b(?:above|earlier|before)[.!)]*$")
# A sentence that goes on from the one before it ("This …", "So …", "It …"): it needs that one
_GOES_ON_FROM = re.compile(r"(?i)[*_\"“]*(?:this|that|these|those|it|its|they|so|but|and|then|thus|hence|here)\b")


def _aside_to_reader(sentence: str, after: str) -> bool:
    """Whether a sentence between a paragraph's facts only tells the reader how to use what came before, and the
    sentence after it stands on its own: a fact that the cut at a narrating sentence would lose."""
    return narrates(sentence) and _POINTS_BACK.search(sentence.strip()) is not None \
        and not _GOES_ON_FROM.match(after.strip()) and not narrates(after)


def vague_topic(topic: str, anywhere: bool = False) -> bool:
    """Whether a topic opens or ends on a vague word ("Key thing", "the only thing the analysis", "Results", "Same
    thing written …"), or with `anywhere` holds one ("the eight following axioms"): it tells a card apart from
    nothing."""
    content = [w.casefold().strip("`*_()\"'’,.") for w in topic.split() if w.casefold() not in ARTICLE]
    ends = content[:1] + content[-1:] if not anywhere else content
    return not content or any(w in _VAGUE or w == "thing" for w in ends)


in_path = _in_path  # (for `emphasised`, whose cards are titled alike)
first_sentences = _leading_sentences
