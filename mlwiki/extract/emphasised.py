"""Emphasised paragraphs: in a section too long to be one card, a later paragraph that sets a term in bold is a card
titled by that term. The author marked what the paragraph teaches:

    ## Encoder-only: masked language modelling
    BERT is a transformer encoder trained to fill in blanks. …                     (the section's opening card)
    A **bidirectional** encoder sees the whole sentence at once — good for classification …
      →  … › Encoder-only: masked language modelling › bidirectional  /  the paragraph

Books and documentation sites explain a topic in paragraphs and bold the term each one is about, wherever it falls
in the sentence ("A **causal mask** sets the scores of later positions to −∞", "**Global average pooling** (GAP)
averages each channel"). The forms that read a bold term at the start of a paragraph (`**Term**: …`, `**Term** is
a …`, a term glossed in brackets) come first; this one takes what they leave. Only one or two short terms are taken
(a paragraph that bolds many words is emphasis, not a subject), not a label ("**Note:**"), a sentence in bold or a
term the headings name already; and only a paragraph that reads as a passage alone (`passages.passage`) or whose
first sentences do. A bold phrase that is what its sentence says of something else ("representations are
**bidirectional**") is the answer: the front shows the sentence without it; a claim in bold ("**feedback does not
increase capacity** …") is asked by its subject. Pure: a paragraph and its heading path in, (front, back) out.
"""

from __future__ import annotations

import re

from mlwiki.extract.blocks import Block, list_items
from mlwiki.extract.claims import AUX, BEFORE_NOUN, DOES, NOT_VERBS
from mlwiki.extract.firstwords import leads_to
from mlwiki.extract.label_cuts import how_done
from mlwiki.extract.labels import GENERIC_LABELS
from mlwiki.extract.lines import LIST_ITEM, TEXT, Line
from mlwiki.extract.paragraphs import MIN_BACK_WORDS, first_sentences, in_path, lead_subject, vague_topic
from mlwiki.extract.passages import NO_SUBJECT, passage
from mlwiki.extract.prose import CLAIM_WORD, clean_prose, is_claim, sentences
from mlwiki.extract.topics import named_in, passage_topic

FORM = "emphasised"
MAX_TERMS = 2
MAX_TERM_WORDS = 5
_ASIDE = re.compile(r"[ \t]*\*\*(?i:note|tip|nb|important|remember|hint)(?::\*\*|\*\*:)[ \t]*")  # "**Note:** …"
BOLD_SPAN = re.compile(r"\*\*(?=\S)([^*\n]{2,60}?)(?<=\S)\*\*")
# Emphasis, not a term: "**not**", "**no learnable parameters**", "**centered**", "**exactly**"
STRESS_WORDS = re.compile(r"(?i)(?:not|no|never|only|always|all|any|must|do|does|don't|very|much|more|less|before|after|"
                         r"is|are|was|were|can|cannot|should|will|would|may|might|with|without|for|in|on|by|of|to|"
                         r"from|at|as|than|within|and|or|but|nor|both|either|neither|also|too|each|every)\b|"
                         r"(?:one|two|three|once|twice|same|half)(?![\w-])|"  # ("train **one** network for both")  # (and a phrase: "… only comparable **with the same tokenizer**")
                         r"[a-z]+(?:ed|ly)$")
# A bold aside label over a sentence in capitals ("**Note:** The format **is not secure** …"), which `_BOLD_LED` (a
# term explained in lower case) does not read
_NOTE_LED = re.compile(r"\*\*(?P<label>(?:note|nb|warning|important|tip)[ \t]*:)\*\*(?P<aside>)[ \t]+(?P<rest>[A-Z].*)",
                       re.S | re.I)
# A run-in head that names no subject ("**Remark**. Using a partition of unity …")
_RUN_IN = frozenset("remark remarks proof lemma theorem corollary claim observation exercise solution aside".split())


def emphasised_card(path: str, block: Block, declined: bool, item: bool = False) -> tuple[str, str] | None:
    """(front, back) for a paragraph of a long section that sets one or two terms in bold (with `item`: for a list
    item, "2. Each σ is chosen so that the distribution has a fixed **perplexity** (≈ …)"); None when it is a list,
    bolds no term (or many), or says nothing a learner could recall alone."""
    first = block.lines[0]
    if first.kind != TEXT or LIST_ITEM.match(first.text) and not item:
        return None
    if item:  # (the item's words, its marker and what is nested under it left out)
        lines = [ln for ln in block.lines if ln.kind == TEXT and not (ln is not first and LIST_ITEM.match(ln.text))]
        block = Block(TEXT, [Line(first.no, LIST_ITEM.sub("", first.text, count=1), TEXT), *lines[1:]])
    text = " ".join(ln.text for ln in block.lines if ln.kind == TEXT)
    if "**" not in text:
        return None  # (the common case, said cheaply)
    if aside := _ASIDE.match(text):  # ("> **Note:** Recall a **loss function** is …": the note's own text)
        text = text[aside.end():]
        if text[:1].isalpha():  # (a note may start in lower case: it goes on from nothing before)
            text = text[:1].upper() + text[1:]
        block = Block(TEXT, [Line(first.no, text, TEXT)])
    terms = _terms(text)
    if terms is None or item and (label := _LABEL_FIRST.match(text)) \
            and any(b.group(1) not in label.group() and not STRESS_WORDS.match(b.group(1)) for b in BOLD_SPAN.finditer(text)):
        return None  # ("**threshold**: old rule …; recommend **$\hat R < 1.01$**": the label asks, the bold is the answer)
    if terms and all(in_path(term, path) for term in terms):
        return None
    if (named := _NAMED_LABEL.match(text)) and named.group(1).casefold() not in GENERIC_LABELS \
            and not in_path(named.group(1), path):
        terms = [named.group(1)]  # ("LightFM (Kula 2015): represent users as the **sum of their feature
        # embeddings** …": the paragraph is about LightFM, the bold phrase is part of what it says of it)
    front = _front(path, text, terms)
    if front is None:
        return None
    back = passage([block], labelled=item, declined=declined)  # (an item may start in lower case)
    if back is None:
        back = first_sentences(sentences(" ".join(text.split())))
    if back is None or len(back.split()) < MIN_BACK_WORDS or not BOLD_SPAN.search(back) and not any(t in back for t in terms) \
            or not item and back.lstrip("*_`([ ")[:1].islower():  # ("*because you can adjust all of these …": goes on
        # from before; an item starts in lower case as a note's list items do)
        return None
    return front, back


_POINTERS = frozenset("this these that those it they".split())
MIN_ASKED_WORDS = 6
MAX_ASKED_WORDS = 40  # (a sentence with its answer left out, shown on the front: one a learner reads at a glance)
_ANSWER_LED = re.compile(r"(?i)(?:answer|a)[ \t]*[:—–-][ \t]")  # a sentence that answers the one before it


def _front(path: str, text: str, terms: list[str]) -> str | None:
    """The front of a paragraph setting `terms` in bold: the terms, when one is what it is about ("… › bidirectional
    encoder"); when each is what its sentence says of something else ("$T$ approaches a **minimal sufficient
    statistic**"), the sentence with it left out under the path, which asks for it; when the bold words are a claim
    ("**feedback does not increase capacity** of …"), the claim's subject. None when none of these is found."""
    if any(not _answers(t, text) for t in terms):
        return f"{path} › {', '.join(terms)}"  # (a subject among them: "**random codes** achieve …, and **polar codes**")
    if len(terms) == 1:
        return f"{path}\n\n{asked}" if (asked := _asked(terms[0], text)) else None
    if terms:
        return None
    claim = next((m.group(1) for m in BOLD_SPAN.finditer(text)
                  if is_claim(m.group(1)) and not STRESS_WORDS.match(m.group(1))), "")  # (not stress: "is **not** …")
    if claim and not text.lstrip().startswith(f"**{claim}**"):
        return f"{path}\n\n{asked}" if (asked := _asked(claim, text)) else None  # ("… is $k$ times differentiable **iff …**")
    verb = CLAIM_WORD.search(claim)
    subject = clean_prose(claim[:verb.start()]).strip() if verb else ""
    if not subject or len(subject.split()) > MAX_TERM_WORDS or STRESS_WORDS.match(subject) or in_path(subject, path) \
            or vague_topic(subject) or not any(c.isalpha() for c in subject):
        return None
    return f"{path} › {subject}"  # ("… › feedback": what the claim is about; the claim is on the back)


def asked_without(term: str, text: str) -> str:
    """The sentence of `text` that sets `term` in bold, the term left out (`_asked`); '' when it asks nothing."""
    return _asked(term, text)


def _asked(term: str, text: str) -> str:
    """The sentence that sets the term in bold, with the term left out ("… $T$ approaches a … of $X$ for $Y$."):
    '' when it is long, says too little besides the term to ask for it, or points back before it ("this is why")."""
    said = sentences(" ".join(text.split()))
    for k, sentence in enumerate(said):
        if f"**{term}**" in sentence:
            asked = sentence.replace(f"**{term}**", "…", 1).replace("….", "…")
            led = bool(k and _ANSWER_LED.match(asked))  # ("Answer: weighted … — …": the answer to what? the
            asked = f"{said[k - 1]} {asked}" if led else asked  # sentence that asks is before it)
            if "**" in asked.split("…", 1)[0]:
                return ""  # ("… must reach the store **before** the copy is dropped, and before …": the sentence
                # stresses its point before the term, which it would leave shown)
            asked = _without_answer(term, asked)  # ("… of their vectors — … normalises for length")
            words = asked.split()
            if any(w.casefold() in _POINTERS for w in asked.split("…", 1)[0].split()):
                return ""  # ("this is why mean-field VI tends to …": why what? said before it)
            return asked if MIN_ASKED_WORDS <= len(words) <= MAX_ASKED_WORDS * (1 + led) else ""
    return ""


def _without_answer(term: str, asked: str) -> str:
    """The sentence with the term left out, and its head word ("cosine" of "cosine similarity", a word of 4 letters
    or more) wherever else it stands in it: a front that said it again would give the answer away."""
    head = next((w for w in re.findall(r"[^\W\d_][\w-]{3,}", term)), "")
    return re.sub(rf"(?i)(?<![\w-]){re.escape(head)}(?![\w-])", "…", asked) if head else asked


# An item led by its label ("**threshold**: …", "rule of thumb (Vehtari): …"): the label's forms card it
_LABEL_FIRST = re.compile(r"[ \t]*(?:\*\*[^*\n]{1,40}\*\*[ \t]*:|[^\W\d][\w ()'’.-]{0,40}:[ \t])")
# A paragraph led by the name it is about: "LightFM (Kula 2015): …", "DropoutNet: …"
_NAMED_LABEL = re.compile(r"([A-Z][\w.+-]*(?:[ \t]+[A-Z\d][\w.+-]*){0,2})[ \t]*(?:\([^()\n]{1,40}\))?[ \t]*:[ \t]+\S")


_ANSWER_SPLIT = re.compile(r"[:→=]")  # (a label or an arrow before the bold term: what follows is said of it)
# The term, then what it is or does: "the **exponential kernel** = …", "has a **matching pair** that proves …",
# "a fixed **perplexity** (the effective number of neighbours)"; not a source in brackets ("(Arıkan 2009)")
_EXPLAINED = re.compile(r"\s*(?:[:=]|\((?:[a-z=≈]|i\.e\.)|(?:that|which|who|whose)\b)")


def _answers(term: str, text: str) -> bool:
    """Whether the bold term is what its sentence says of a subject before it, not the subject: it stands after
    the sentence's verb or label ("representations are **bidirectional**", "error $\to 0$ at a **positive** rate"
    after "The surprising part:", "$T$ approaches a **minimal sufficient statistic**"); a front naming it would
    give the answer away."""
    if f"**{term}**" not in text:
        return False
    before, after = text.split(f"**{term}**", 1)
    before = re.split(r"(?<=[.!?])\s+(?=[A-Z$*])", before)[-1]  # (its own sentence's words before it)
    if _EXPLAINED.match(after):
        return leads_to(before, term) or how_done(term)  # ("→ training **fails** (loss oscillates)": what follows
        # says how; "BN is done **per channel**: statistics over …", a phrase of how, not a name, says what it means)
    if _ANSWER_SPLIT.search(re.sub(r"\$[^$]*\$", "", before)):
        return True
    words = clean_prose(before).split()
    return any(w.casefold() in AUX and w.islower() or k and DOES.fullmatch(w) and w not in NOT_VERBS
               and words[k - 1].casefold() not in BEFORE_NOUN for k, w in enumerate(words))


def _terms(text: str) -> list[str] | None:
    """The terms a paragraph sets in bold, in order and once each (not the words it only stresses, "**not**",
    "**centered**"); None when there are more than `MAX_TERMS`, or one is a label, a sentence or longer than
    `MAX_TERM_WORDS` words."""
    terms: list[str] = []
    for match in BOLD_SPAN.finditer(text):
        term = clean_prose(match.group(1)).strip()
        key = term.casefold().rstrip(":")
        if STRESS_WORDS.match(term) or is_claim(term):
            continue  # (emphasis inside a sentence: "… is **not** …")
        if term.endswith((".", "!", "?", ":")) or len(term.split()) > MAX_TERM_WORDS or key in GENERIC_LABELS \
                or key in _RUN_IN or NO_SUBJECT.fullmatch(term) or not any(c.isalpha() for c in term):
            return None
        if key not in (t.casefold() for t in terms):
            terms.append(term)
    return terms if len(terms) <= MAX_TERMS else None


def emphasised_items(ex, path: str, block: Block, declined: bool, no_path: str = "") -> int:
    """A card for each item of a list that sets its term in bold inside what it says ("- people keep an **EMA of
    the weights** for sampling; DDPM used decay 0.9999"), unless a card holds it already; how many were made.
    `no_path`: a stand-in for a path that is empty (a day's note), left off the fronts."""
    made = 0
    for item in list_items(block.lines):
        found = emphasised_card(path or no_path, Block(TEXT, item), declined, item=True)
        if found is not None and not any(found[1] in d.back for drafts, _ in ex.drafts for d in drafts):
            front, was = without_stand_in(found[0], no_path), stand_in_id_front(found[0], no_path)
            made += ex.add_card(FORM, front, found[1], item[0].no, _unasked(was or front) or was)
    return made


def _unasked(front: str) -> str:
    """The front an answer led by "Answer:" had before it was shown the question before it, which its id keeps."""
    head, _, shown = front.rpartition("\n\n")
    cut = re.search(r"(?<=[.?!]) (?=(?i:answer|a)[ \t]*[:—–-][ \t])", shown)
    return f"{head}\n\n{shown[cut.end():]}".lstrip("\n") if cut else ""


def without_stand_in(front: str, no_path: str) -> str:
    """`front` without the stand-in for an empty path it was built on, whatever follows it (" › term", or the
    sentence asked under it); the front as it is when there is none."""
    return front.removeprefix(no_path).lstrip(" ›\n") if no_path and front.startswith(no_path) else front


def stand_in_id_front(front: str, no_path: str) -> str:
    """The front a card's id was made of before the stand-in left every front (EXTRACTOR_VERSION 20 kept it
    when a sentence, not " › term", followed it): its history stays with it."""
    return front if no_path and front.startswith(no_path) and not front.startswith(f"{no_path} › ") else ""


# A topic that names nothing the learner could be asked about: "Note it …", "Also the …"
_NO_FRONT_TOPIC = re.compile(r"(?i)(?:note|notice|also|so|but|and|then|always|never|todo|fixme)\b")
# A term the sentence gives a name to ("For lasso this is called **ISTA**"): the answer, not what is asked
_NAMING = re.compile(r"(?i)\b(?:called|known as|named|termed)\s*$|"
                     # (a word set apart from another: "Only the **action** is reweighted", not a term)
                     r"\b(?:only|just|not|even|exactly|precisely)(?:\s+(?:the|an?|its|their|one))?\s*$")
_LATER_LABEL = re.compile(r"\n[ \t]*[*_]*[A-Z][\w ]{2,30}:[*_]*\s")  # ("Advantage: …" over "Limitation: …")
_CLAUSE_TOPIC = re.compile(r"(?i)^(?:because|whether|as|while|since|although|though|if|when|unless)\b|"
                           r"\b(?:it|this|that|these|those|they|we|you)$")
MAX_TOPIC_WORDS = 4  # (a name, "permutation-equivariant", "for $C^2$ functions"; not an instruction)
MAX_PHRASE_WORDS = 3  # (a case, "for lasso"; not "in PyTorch use `nn.BCEWithLogitsLoss`", an instruction)
_PREPOSITION = re.compile(r"(?i)(?:for|in|with|on|under|at|during)\b")
_SYMBOL_ONLY = re.compile(r"\$[^$\n]+\$")


def paragraph_topic(text: str, path: str, bold_only: bool = False) -> str:
    """What a paragraph is about, for a front that would otherwise be a bare heading other cards answer already
    ("Step sizes" over "With a **constant** step, SGD converges to a noise ball …"): the one term its first sentence
    sets in bold, with the heading's noun after it ("constant step"), else its first sentence's topic
    (`topics.passage_topic`: a label, a subject, "for $C^2$ functions"), a symbol with its verb ("$g$ is …"); ''
    when it names none the path does not name already (`bold_only`: a bold term, or none)."""
    if bold_only and "**" not in text:
        return ""  # (no bold term: said before the text is split)
    found = sentences(" ".join(text.split()))
    if not found or "\n\n" in text.strip() or LIST_ITEM.match(text.lstrip()) or _LATER_LABEL.search(text.strip()):
        return ""  # (paragraphs or items, several facts: the first one's topic would say the card holds it only)
    first = found[0]
    terms = [t for t in (_terms(first) or []) if not in_path(t, path) and not _NAMING.search(first.split(f"**{t}**")[0])
             and not re.search(rf"\*\*{re.escape(t)}\*\*\w|\w\*\*{re.escape(t)}\*\*", first)]  # (not "**Glo**bal")
    if len(terms) > 1 or any(_answers(t, first) for t in terms):  # ("… is really **cross-correlation**": the answer)
        return ""  # ("Fully specified by the **mean function** and the **covariance function**": what it answers)
    if terms or bold_only:
        return _with_heading_noun(terms[0], first, path) if terms else ""
    topic = passage_topic(first, path) or (named_in(first) if first.startswith("$") else "")
    if not topic or _names_nothing(topic, path) \
            or any(passage_topic(later) or lead_subject(clean_prose(later)) for later in found[1:]):
        return ""  # (later sentences with subjects of their own: several facts)
    if _SYMBOL_ONLY.fullmatch(topic):  # ("$g$ is always concave …": "$g$ is …", what is asked of it)
        rest = clean_prose(first)[len(topic):].split()
        return f"{topic} {rest[0]} …" if rest and rest[0].isalpha() else topic
    return topic


def asked_sentence(text: str, path: str) -> str:
    """For a paragraph of one point whose first sentence sets in bold what it says of something else ("In DL
    "convolution" is really **cross-correlation** — …"), that sentence with the bold part left out, to show under
    a front the other cards of the section share; '' otherwise."""
    found = sentences(" ".join(text.split())) if "**" in text else []
    if not found or "\n\n" in text.strip() or LIST_ITEM.match(text.lstrip()):
        return ""
    terms = _terms(found[0]) or []
    if len(terms) != 1 or in_path(terms[0], path) or not _answers(terms[0], found[0]):
        return ""
    return _asked(terms[0], found[0])


def _names_nothing(topic: str, path: str) -> bool:
    """Whether a sentence's topic tells its card apart from nothing: "Key thing", "The only thing the analysis",
    "TODO"; a common noun of anything ("The matrix"); a clause ("Because it", "As $n$"); an instruction ("in
    PyTorch use `nn.BCEWithLogitsLoss`"); the path's own subject ("PCA" under "Principal component analysis")."""
    return bool(_NO_FRONT_TOPIC.match(topic) or in_path(topic, path) or vague_topic(topic, anywhere=True)
                or re.fullmatch(r"(?:the|a|an|this|that) [a-z]+", topic) or len(topic.split()) > MAX_TOPIC_WORDS
                or _CLAUSE_TOPIC.search(topic) or _initials_of(topic, path)
                or _PREPOSITION.match(topic) and len(topic.split()) > MAX_PHRASE_WORDS)


def _initials_of(topic: str, path: str) -> bool:
    """Whether a topic is a heading's initials ("PCA" under "Principal component analysis"): the heading's subject."""
    return topic.isupper() and any(topic == "".join(w[0] for w in part.split()).upper() for part in path.split(" › "))


def _with_heading_noun(term: str, sentence: str, path: str) -> str:
    """A bold term with the word after it when that word is a heading's ("a **constant** step" under "Step sizes":
    "constant step"), which the bold word qualifies."""
    after = sentence.split(f"**{term}**", 1)
    following = after[1].split()[:1] if len(after) == 2 else []
    heading_words = {w.casefold() for w in re.findall(r"[\w-]+", path.rsplit(" › ", 1)[-1])}
    word = following[0].strip(".,;:") if following else ""
    return f"{term} {word}" if word and word.casefold() in heading_words else term


def stressed_note(text: str) -> re.Match | None:
    """The match of a bold aside label over a sentence in capitals that stresses what it says in bold ("**Note:** The
    format **is not secure** …"): a caveat to recall, not a pointer ("**Note:** There's a discussion on …")."""
    match = _NOTE_LED.match(text)
    stressed = match is not None and any(STRESS_WORDS.match(span) for span in BOLD_SPAN.findall(match.group("rest")))
    return match if stressed else None


def stresses_only(text: str) -> bool:
    """Whether every bold span of a text stresses what it says ("… **is not secure**"), none names a term."""
    return all(STRESS_WORDS.match(span) for span in BOLD_SPAN.findall(text))


# A stressed predicate with its verb ("**is not secure**", "**cannot be resumed**") after its subject's last words
_STRESSED_SAYING = re.compile(r"(?:^|,\s+)(?P<subj>[^,*]{3,60}?)\s+\*\*(?P<verb>is|are|can|should|must)"
                              r"(?P<no>\s+not|n't)?\s+(?P<said>[^*]{2,40})\*\*")

_NOT_A_SUBJECT = re.compile(r"(?i)\b(?:that|this|it|you|we|i|they|means|which|so|then|there|if|when)\b")


def stressed_question(text: str) -> str:
    """The question a stressed note asks ("**Note:** As its docs say, the `pickle` module **is not secure**." →
    "Is the `pickle` module secure?"): its stressed predicate asked of its subject, so that the label ("Note:
    `pickle`") is not all its front shows; '' for a note that stresses no predicate so."""
    match = stressed_note(text)
    first = sentences(match.group("rest"))[0] if match else ""
    found = _STRESSED_SAYING.search(first) if "**" in first else None
    if found is None or len(found["subj"].split()) > 4 or _NOT_A_SUBJECT.search(found["subj"]):
        return ""  # ("That means you **must not** …": a clause, no thing the note is about)
    subject = found["subj"].strip()
    subject = subject[:1].lower() + subject[1:] if subject.split(" ", 1)[0] in ("The", "A", "An", "This") else subject
    return f"{found['verb'].capitalize()} {subject} {found['said'].strip()}?"
