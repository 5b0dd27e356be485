"""Definition sentences: a paragraph or list item that opens by saying what its subject is.

    - Multi-armed bandits are algorithms that balance exploitation and exploration. …
      →  Bandits  /  Define: Multi-armed bandits   →   Multi-armed bandits are algorithms that balance …

Notes copied from a book are often long prose bullets or paragraphs: too long for a section card, with no bold
term or question to hang a card on. Their definitions are still what a learner cards first. A sentence is taken
as one when it reads "<Term> is a/an/the …", "<Term> are <things> that …", "<Term> refers to / means / denotes
…", where the term is a short noun phrase that names the note's subject or a word of its headings ("Contextual
bandits" under "Contextual Bandits as an Exploration Strategy"), or is spelled out by an acronym ("Mean
Reciprocal Rank (MRR) is …"). "The model is a 3-layer CNN", "It is a …", "This is …" and "Bandits are
well-studied …" are not definitions. Pure: a text and the words that name the subject in, (term, back) out.
"""

from __future__ import annotations

import functools
import re

from mlwiki.extract.bold_item_labels import bold_item_label
from mlwiki.extract.blocks import Block, card_text_lines, text_of
from mlwiki.extract.claim_asks import asked_front
from mlwiki.extract.claims import FORM as CLAIM_FORM, claim_card, glossed_with_leads, restates, stem as _stem
from mlwiki.extract.draft import Draft
from mlwiki.extract.emphasised import asked_sentence, stressed_note, stressed_question, stresses_only
from mlwiki.extract.label_cuts import fragment, may_be_labelled as _may_be_labelled, weighed
from mlwiki.extract.label_parts import asked_after, opens_next_label
from mlwiki.extract.labels import CLAUSE_WORDS, GENERIC_LABELS, NOT_A_TERM, reads_as_clause
from mlwiki.extract.lines import HEADING, LIST_ITEM, TEXT
from mlwiki.extract.naming import naming_definitions
from mlwiki.extract.paragraphs import in_path, lead_subject
from mlwiki.extract.passages import CANNOT_END, DEFINED_TERM, narrates, without_pointers
from mlwiki.extract.prose import breaks_off, clean_prose, heading_text, prefix_heading, sentences
from mlwiki.extract.topics import callout_topic
from mlwiki.extract.voice import author_speaks_first
from mlwiki.models import CardKind

FORM = "definition-sentence"
LEAD_IN = "lead-in"  # (the form of `leadins`, which imports this module)
LABELLED_FORM = "labelled"  # a paragraph or list item that opens with "Label:" or "Label -" and explains it

MAX_TERM_WORDS = 5
MAX_BACK_WORDS = 70  # a definition is one or two sentences; more is a passage (the section card's business)
MIN_BACK_WORDS = 8
_WORD = r"[^\W_][\w'’-]*"
# "<Term>[ (aside)| , aside ,| in general] is|are|refers to … <what it is>"
_DEFINES = re.compile(
    rf"(?:(?:the|a|an)[ \t]+)?(?P<term>{_WORD}(?:[ \t]+{_WORD}){{0,{MAX_TERM_WORDS - 1}}}?)"
    r"(?P<aside>[ \t]*\((?P<acronym>(?-i:[A-Z][A-Za-z0-9-]*[A-Z0-9]s?))\)|[ \t]*\([^()\n]{1,60}\)|,[^,.\n]{1,80},|"
    r"[ \t]+(?:in general|in short|in essence|simply put))?"
    r"[ \t]+(?:(?:is|are)[ \t]+(?:(?:also|essentially|basically|simply|usually|typically|generally|often|commonly|"
    r"just)[ \t]+)?(?:(?:a|an|the|one)[ \t]+(?!(?:way|lot|bit|few|number|part|good|great|bad|big|little)\b)|"
    r"(?:(?:\w[\w-]*[ \t]+){0,2}\w[\w-]*s[ \t]+(?=(?:that|which|who|where|whose|used|designed|trained|built|"
    r"for|of|with)\b)))|"
    r"(?:refers?[ \t]+to|means|denotes|stands[ \t]+for|is[ \t]+defined[ \t]+as|are[ \t]+defined[ \t]+as)[ \t]+)",
    re.I)
# Nor does a term open with a phrase set before the subject ("In code the non-saturating loss is just …")
_SET_BEFORE = frozenset("in on at for with during after before under within without from by via".split())
# Words after a verb in -ing that make it an action, not a term ("Going the other way", "Taking the log"; not
# "Learning rate")
_AFTER_GERUND = frozenset("""the a an this that these those its their it them up out back over through into down off
away on in to from with""".split())
_BOLD_NAMED = re.compile(r"\*\*([^*\n]{2,40})\*\*")
# Words too general to say that a term is the note's subject ("The model is …" under "Model calibration")
_GENERIC = frozenset("""model models method methods approach approaches idea ideas goal goals problem problems result
results algorithm algorithms data system systems function functions output outputs input inputs process step steps
way ways thing things reason reasons difference differences advantage advantages disadvantage disadvantages benefit
benefits drawback drawbacks solution solutions answer question example examples case cases type types part parts
value values set term terms concept technique techniques learning machine network networks time number""".split())
# "This is (also) called / known as <term>.": the sentences before it say what the term is
_NAMES = re.compile(r"(?:this|which|it)[ \t]+is[ \t]+(?:also[ \t]+|often[ \t]+|sometimes[ \t]+)?(?:called|known[ \t]+as|"
                    r"referred[ \t]+to[ \t]+as|named)[ \t]+(?:the[ \t]+|an?[ \t]+)?(?P<term>[^.;:!?\n]{2,80}?)[ \t]*[.!]?$", re.I)
_ALSO = re.compile(r",?[ \t]+(?:also|or)[ \t]+(?:called|known[ \t]+as)[ \t]+(?:the[ \t]+)?")  # "X, also known as Y"
MAX_NAMED_WORDS = 100  # what a named thing is may take a few sentences ("Imagine … This is known as …")
# "Label: text", "Label - text", "k-fold CV: …": a label of a few words, then what it means
_LABELLED = re.compile(r"(?P<label>[A-Za-z][^:\n]{0,48}?[^\s:.,;]|\"[A-Za-z][^\"\n]{0,40}\")(?P<aside>[ \t]+\([^()\n]{1,50}\))?"
                       r"(?:[ \t]+[-–—][ \t]+|:[ \t]+)(?P<rest>\S.*)", re.S)
# (a label in quotes, '"critical batch size" — beyond it, …'; an aside after it, "Extensions worth knowing (Rainbow
# combined six of them): Double DQN …", is no part of the label)
# "- **Layer norm** normalises over …", "- **Paired t-test** = a one-sample t-test on …": a list item led by its bold
# term and saying something of it, as a day's notes list what was learnt ("**Term**: …" and "**Term** is a …" are
# the definitions form's; "**Initial distribution** $\pi_i = …$" names a symbol)
_BOLD_LED = re.compile(r"(?s)\*\*(?P<label>[^*\n]{2,60}?)\*\*[ \t]+(?P<aside>\((?:[^()\n]{1,40}\)[ \t]+(?=[=≈])|"
                       r"[^()\n]{0,35}\b(?:1[89]|20)\d\d[a-z]?\)[ \t]+(?=[a-z])))?(?P<rest>(?:[a-z][a-z'’-]+\b|[=≈][ \t]|"
                       r"\$[ \t]*[=≈])(?:(?<!is\b)(?<!are\b)|(?<=is|re)[ \t]+(?=[\d$])).*)")
# (also "**Perplexity** $= e^{H}$: the effective …", "**Recall** (= sensitivity) = TP / (TP + FN)" and a value it
# is, "**Minimum** is 0, for a deterministic …", "**Zoneout** (Krueger 2016) keeps …"; not "**Term** is a …")
# A bullet led by a short sentence in bold that the text after it explains ("- **Standardize features first.** The
# penalty treats all coefficients equally, …")
_BOLD_SENTENCE = re.compile(r"\*\*(?P<label>[A-Z][^*\n]{3,80}?)[.!]\*\*[ \t]+(?P<rest>(?:[A-Z(]|\$[^$\n]+\$[ \t]+[a-z]).*)", re.S)
MAX_SAID_WORDS = 8
_AT_RANK = re.compile(r"\w@(?:k|n|K|N|\d+)(?![\w.@])")  # "Precision@k", "Recall@10": a metric, no handle
BULLET, NUMBERED = 1, 2  # (what kind of list item a text is, for labelled_item; 0: a paragraph)
_LEADS_IN = re.compile(r"(?:[:,]|\b(?:is|are|as|by|be|of|to|the|an?|then|gives?|becomes?|where|so|and|or|that|"
                       r"with|for|in|on|from))[ \t]*$", re.I)
_LABEL_STEP = re.compile(r"(?i)(?:step|case|part|phase|stage|iteration|method|option|way|approach)\s*\d+\b|\d")
LOWER = re.compile(r"(?<![\w\\$])[a-z][a-z'’-]+\b")
_NUMBER_FIRST = re.compile(r"[\s~≈<>≤≥±+\-]*\d")
MIN_LABELLED_WORDS = 6
# A relation in the math a paragraph's label opens on ("Observation model: $y = f(x) + \varepsilon$, …"): a statement
_STATES_MATH = re.compile(r"\$[^$\n]*?(?:[=<>]|\\(?:sim|le|ge|leq|geq|propto|approx|in)\b)[^$\n]*\$")


# "- bootstrap std error = std dev of the B replicates", "- specificity = TN / (TN + FP)": a bullet that says what a
# named thing equals, as notes taken in a hurry write a definition (not a value: "- batch size = 32", "- lr = 3e-4")
_EQUALS_LED = re.compile(r"(?P<label>[A-Za-z][^=:→\n]{0,48}?[^\s=:.,;-])[ \t]+(?P<sign>=|→|->|⇒)[ \t]+(?P<rest>[^\s=].*)",
                         re.S)  # (or what it leads to: "- small k → each model sees less data → …")
MIN_EQUALS_ITEMS = 3
MIN_EQUALS_WORDS = 3  # (what it equals: "TN / (TN + FP)" or "std dev of the B replicates", not "MSE")
_POINTER = re.compile(r"(?i)(?:see|cf\.?|refer to)\b")
_RESULT = re.compile(r"\d\s*%|\d\.\d")  # (a number a run gave: "set lower (0.01)", "90.2% accuracy")
# The verb of a definition, near enough to the text's start for a term (and an aside) to stand before it
_NEAR_VERB = re.compile(r" (?:is|are|refers?|means|denotes|stands) ")
_NEAR = 130
# Pieces of text every definition or naming sentence holds one of (" is ", " are ", or one of these)
_RARE_KEYS = re.compile(r" (?:refer|mean|denote|stand|called|known as|termed)")
_FOLLOW_ON = re.compile(r"(?:it|its|they|their|this|these)\b", re.I)  # a second sentence still about the term
_WORD_OF_TERM = re.compile(r"[^\W\d_][\w-]*")
# "The partition of unity is a powerful tool because …": what the term is good for, said of a term defined before
_PRAISES = re.compile(r"(?i)(?:very |extremely |really |particularly |especially )?(?:powerful|useful|important|"
                      r"essential|valuable|handy|convenient|versatile|crucial|indispensable|invaluable|great|nice|neat|"
                      r"elegant)\b")
_BECAUSE = re.compile(r"\b(?:because|since|as it|as they)\b")


@functools.lru_cache(maxsize=4096)  # (every section of a note asks for its heading path's)
def stems(text: str) -> frozenset[str]:
    """The words of a text as compared with a term: lower case, a plural's ending dropped, short words left out."""
    return frozenset(_stem(word) for word in _WORD_OF_TERM.findall(text.casefold()) if len(word) > 2)


_GENERIC_STEMS = frozenset(_stem(word) for word in _GENERIC)


def named_sentence(text: str, about: str) -> tuple[str, str] | None:
    """(term, back) when a sentence of the text names what the sentences before it describe ("Replace some
    words with [MASK] and train the encoder to predict them. This is also called Masked LM."): the back is the
    text up to that sentence, the term one that `about` (the heading path) speaks of."""
    if "called" not in text and "known" not in text and "referred" not in text and "named" not in text:
        return None  # (the common case, said cheaply)
    found = sentences(text)
    for k, sentence in enumerate(found[1:], 1):
        match = _NAMES.match(sentence.strip())
        if not match:
            continue
        term = _ALSO.sub(" (", match.group("term").strip().strip("\"“”'"), count=1)
        term = term + ")" if term.count("(") > term.count(")") else term
        back = " ".join(part.strip() for part in found[:k + 1])
        if stems(term) & stems(about) and len(term.split()) <= 2 * MAX_TERM_WORDS \
                and MIN_BACK_WORDS <= len(back.split()) <= MAX_NAMED_WORDS:
            return term, back
        return None
    return None


def _defined_term(text: str, about: str) -> tuple[re.Match, str] | None:
    """(the match of `_DEFINES`, the term) when the text opens as a definition of a term `about` speaks of: "<Term>
    is a/an/the …", "<Term> refers to …"; None for a pointer ("This is …"), a clause or a term of no heading's."""
    first = text[:text.find(" ")].casefold() if " " in text else ""
    verb = None if first in NOT_A_TERM or first in _SET_BEFORE else _NEAR_VERB.search(text, 0, _NEAR)
    if verb is None or (text.count(" ", 0, verb.start()) > MAX_TERM_WORDS and "(" not in text[:verb.start()]
                        and "," not in text[:verb.start()] and " in " not in text[:verb.start()]):
        return None  # (most paragraphs: said before the long pattern is tried)
    match = _DEFINES.match(text)
    if not match:
        return None
    term = match.group("term").strip()
    words = term.split()
    if len(words) > 1 and words[0].casefold().endswith("ing") and words[1].casefold() in _AFTER_GERUND:
        named = _BOLD_NAMED.match(text, match.end())  # ("Going the other way is the **kernel trick**: …": an
        return (match, clean_prose(named.group(1))) if named else None  # action, and the term it is called)
    if words[0].casefold() in NOT_A_TERM or any(w.casefold() in CLAUSE_WORDS for w in words) or "$" in term:
        return None
    content = {_stem(w.casefold()) for w in words if len(w) > 2} - _GENERIC_STEMS
    if not content or not (match.group("acronym") or content & stems(about)):
        return None
    return match, term


def _first_sentences(text: str) -> str | None:
    """The text's first sentence, and the next one when it goes on about the term ("It …") and the two stay short;
    None when that is too short or too long, or a question or a sentence a formula breaks off."""
    found = sentences(text)
    if not found:
        return None
    back = found[0].strip()
    if len(found) > 1 and _FOLLOW_ON.match(found[1]) and len((back + found[1]).split()) <= MAX_BACK_WORDS:
        back = f"{back} {found[1].strip()}"
    if not MIN_BACK_WORDS <= len(back.split()) <= MAX_BACK_WORDS or back.rstrip().endswith((":", "?", ",", ";")):
        return None  # (a question, or a sentence a formula breaks off: "… through the sigmoid,")
    return back


def defining_sentence(text: str, about: str) -> tuple[str, str] | None:
    """(term, back) when the text (a paragraph or a list item's text, its marker gone) opens by defining a term
    that `about` (the heading path, rooted in the subject) speaks of; the back is that sentence, and the next
    one when it goes on about the term ("It …") and the two stay short. "<Term> is a powerful tool because …" says
    why the term is good, not what it is (see `praised_sentence`)."""
    if (defined := _defined_term(text, about)) is None or _PRAISES.match(text, defined[0].end()):
        return None
    match, term = defined
    if (back := _first_sentences(text)) is None:
        return None
    if match.group("acronym"):
        term = f"{term} ({match.group('acronym')})"
    return term, back


def praised_sentence(text: str, about: str) -> tuple[str, str] | None:
    """(question, back) when the text opens by saying why a term `about` speaks of is good ("The partition of unity
    is a powerful tool in mathematics because it allows …" → "Why is the partition of unity powerful?")."""
    if (defined := _defined_term(text, about)) is None or not (praise := _PRAISES.match(text, defined[0].end())):
        return None
    back = _first_sentences(text)
    if back is None or not _BECAUSE.search(back):
        return None
    article = "the " if text[:4].casefold() == "the " else ""
    return f"Why is {article}{defined[1]} {praise.group(0).split()[-1].casefold()}?", back


def definition_sentence_cards(ex, path: str, block: Block, equals: bool | None = None, claims: bool = False) -> None:
    """A definition card for each paragraph or top-level list item of the block that opens by defining a term
    the heading path speaks of (`ex`: the walk over the note, `mlwiki.extract.walk.Extractor`). `equals`: whether
    the block's items are those of a list of facts, where "- X = …" says what X is (see `labelled_item`); by
    default, when it has `MIN_EQUALS_ITEMS` bullets or more. `claims`: the block's bullets are an outline's facts,
    each a card when it says something of a subject it names (see `item_claim`)."""
    text = text_of(block)
    if " is " not in text and " are " not in text and ": " not in text and " - " not in text \
            and " = " not in text and "→" not in text and "->" not in text and "**" not in text and not claims \
            and not _RARE_KEYS.search(text):
        _claim(ex, path, block, text)
        return  # (the common case, said cheaply: no sentence here says what something is)
    made = len(ex.drafts)
    openings = _openings(block)
    if equals is None:
        equals = sum(item == BULLET for _, _, item in openings) >= MIN_EQUALS_ITEMS
    for k, (line, text, item) in enumerate(openings):
        found = defining_sentence(text, path) or named_sentence(text, path)
        if item and (not ex.ctx.definitions or item == NUMBERED) and (bold := bold_item_label(text)) \
                and bold[0].casefold() not in note_headings(ex):  # (a heading's own section card says more)
            text = bold[1]  # (nothing else cards `- **Label:** …` with definitions
            # off, nor `1. **Label:** …` with them on: that form leaves a numbered item to be a step or a property)
        if found is None and (labelled := labelled_item(text, item, equals)) is not None:
            front, back = weighed(path, clean_prose(labelled[0]), labelled[1]) or \
                (_labelled_front(path, clean_prose(labelled[0]), text), labelled[1])  # ("… › train vs eval")
            front = asked_after(front, labelled[0], openings[k - 1][1] if k and item else "")  # ("Fix?" of the item before)
            named = under(path, clean_prose(labelled[0]))  # (its id, whatever the front shows)
            if not ex.add_card(LABELLED_FORM, front, back, line, id_front=named):
                _say_more(ex, front, back)
            continue
        if found is None and claims and item == BULLET and (claimed := item_claim(text, path)) is not None:
            ex.add_card(CLAIM_FORM, *claimed, line)
            continue
        if found is None and not item and (praised := praised_sentence(text, path)) is not None:
            ex.add_card(CLAIM_FORM, under(path, praised[0]), praised[1], line)  # ("Why is … powerful?")
            continue
        if found is not None:
            if not restates(found[0], found[1]):  # ("Co-clustering is … based on co-clustering": nothing)
                add_definition(ex, path, clean_prose(found[0]), found[1], line)
        for term, back in naming_definitions(text):  # (the terms named further into the paragraph)
            if found is None or back not in found[1] and found[1] not in back:
                add_definition(ex, path, term, back, line)
    if len(ex.drafts) == made:
        _claim(ex, path, block, text_of(block))


def _labelled_front(path: str, label: str, text: str) -> str:
    """The front of a labelled item: the label under the path; for a label that only repeats the headings' subject
    ("- PPO = TRPO's stability with **first-order** steps only" in the note on PPO), which asks nothing the path
    does not, the item with what it sets in bold left out, when it sets its answer so."""
    if path and in_path(label, path) and "**" in text:
        if asked := asked_sentence(text, path):
            return f"{path}\n\n{asked}"
    asked = stressed_question(text) if text[:2] == "**" else ""  # ("Note: `pickle`" asks nothing: "Is … secure?")
    return f"{under(path, label)}\n\n{asked}" if asked else under(path, label)


def item_claim(text: str, path: str) -> tuple[str, str] | None:
    """(front, back) for a bullet of a list of facts that says something of a subject it names ("- KL between two
    Gaussians has a closed form (used in the VAE loss)", "- modern deep nets are typically over-confident"): the
    front shows the subject (as `paragraphs.lead_subject` finds it), the back is the item; None for an item that
    opens on no subject that names something, on one the headings name, or says too little."""
    found = sentences(text)
    clean = clean_prose(found[0]) if found else ""
    if not clean[:1].isalpha() or (subject := lead_subject(clean[:1].upper() + clean[1:])) is None \
            or in_path(subject, path) or "?" in clean or _RESULT.search(clean) \
            or subject.split()[-1].casefold() in GENERIC_LABELS or " " not in subject and subject == clean[:len(subject)].title():
        return None  # ("The basic idea is …", "Always have …": no subject; "… set lower (0.01)": a run's value)
    back = ""
    for sentence in found:
        if back and len(f"{back} {sentence}".split()) > MAX_BACK_WORDS:
            break
        back = f"{back} {sentence.strip()}".strip()
    if len(back.split()) < MIN_LABELLED_WORDS or back.endswith((":", "?")) or narrates(back) or _POINTER.match(back):
        return None
    return under(path, clean[:len(subject)]), back


def _say_more(ex, front: str, back: str) -> None:
    """Put a second item of one list on the card its label made already ("- bigger batch → less noisy gradient",
    "- bigger batch = fewer updates per epoch"): one card of what the list says of it."""
    for drafts, _ in ex.drafts:
        if drafts[0].front == front and drafts[0].form == LABELLED_FORM and back not in drafts[0].back:
            drafts[0].back += f"\n\n{back}"
            return


def note_headings(ex) -> set[str]:
    """The note's headings, in lower case."""
    return {heading_text(b.lines[0].text).casefold() for b in ex.blocks if b.kind == HEADING}


def _claim(ex, path: str, block: Block, text: str) -> None:
    """A claim card for a paragraph (not a list) that opens by saying something of what its headings name; a
    definition card for each bold term glossed in brackets inside it."""
    for term, gloss, lead in glossed_with_leads(text):
        add_definition(ex, path, term, gloss, block.start, lead)
    if block.lines[0].kind != TEXT or LIST_ITEM.match(block.lines[0].text):
        return
    found = claim_card(text, stems(path), path)
    if found is not None and not shown_on_a_front(ex, found[1]):  # (not the introduction a formula card shows)
        ex.add_card(CLAIM_FORM, prefix_heading(path, asked_front(*found, path)), found[1], block.start,
                    id_front=prefix_heading(path, found[0]))  # (its id: the front it had before it asked)


def shown_on_a_front(ex, sentence: str) -> bool:
    """Whether a card of the note shows the sentence on its front already (a formula's introduction), or holds it as
    a fact of that introduction, taken off the formula's front (`leadins`: its front a label the sentence opens with)."""
    start = sentence[:60]
    return any(start in d.front or d.form == LEAD_IN and (start[:30] in d.front or start[:30] in d.back)
               for drafts, _ in ex.drafts for d in drafts)


def on_a_back(ex, text: str, first: int = 0) -> bool:
    """Whether a card of the note (of the cards from index `first` on) holds the text on its back already."""
    return any(text in d.back for drafts, _ in ex.drafts[first:] for d in drafts)


def named_term_cards(ex, path: str, blocks: list[Block]) -> None:
    """A definition card for each term a section card's paragraphs name ("… is called dropout"): its front asks
    for the term, which the section card's front (the heading) does not."""
    for block in blocks:
        text = text_of(block)
        if " called " in text or " known as " in text or " referred to " in text or " termed " in text \
                or ") is " in text or ") are " in text:
            for line, opening, _ in _openings(block):
                for term, back in naming_definitions(opening, named_only=True):
                    add_definition(ex, path, term, back, line)


# A short definition that ends on a pronoun for what the sentence before it said ("… implements it incrementally.")
_ENDS_ON_IT = re.compile(r"\b(?:it|them)(?: \w+ly)?[.;]?$")
_SHORT_BACK_WORDS = 16


def under(path: str, label: str) -> str:
    """A front of a label under the heading path ("Adam › Bias correction"); the label alone without one (a day's
    notes, whose heading names nothing)."""
    return f"{path} › {label}" if path else label


def add_definition(ex, path: str, term: str, back: str, line: int, lead: str = "") -> None:
    """A definition card for the term under `path`, unless the note has one already or the back is no answer;
    `lead`: what the list the term stands in says its terms are, shown after it (not in its id)."""
    asked = f"Define: {term}"
    if " and " in term:
        return  # ("MC and TD(0) are the two ends of a spectrum": two things compared, no term defined)
    if breaks_off(back):
        return  # ("… then $p$ puts all its mass on $y$, so": a sentence a formula goes on, whose card shows it)
    if len(back.split()) <= _SHORT_BACK_WORDS and _ENDS_ON_IT.search(back.strip()):
        return  # ("Eligibility traces are the trick that implements it incrementally.": of what? said before it)
    if any(d.front.casefold().endswith(asked.casefold()) for drafts, _ in ex.drafts for d in drafts):
        return  # (a bold definition, or the same term defined before: one card is enough)
    front, shown = prefix_heading(path, asked), prefix_heading(path, f"{asked} ({lead})" if lead else asked)
    ex.drafts.append(([Draft(CardKind.DEFINITION, shown, back, line, form=FORM, id_front=f"{FORM}: {front}")], shown))


def labelled_item(text: str, item: int = BULLET, equals: bool = False) -> tuple[str, str] | None:
    """(label, back) for a paragraph or list item that opens with a short label and explains it ("Vertex - A vertex
    is …", "Memory sharing with other libraries: PyTorch can share memory with NumPy …"); None for a label that
    names no subject ("Input:", "Pros:", "Note:"), a labelled value ("Batch size: 32") or a bold term (the
    definitions form's: `**Term**:`), but for a bullet led by its bold term that says something of it ("- **Layer
    norm** normalises over …", not a numbered step "1. **Initialize** the weights") or by a bold sentence ("-
    **Shrinkage, not selection.** Ridge pulls …"). A paragraph (`item` 0) needs a label of two words or more and a
    sentence after it: "Precision: of what we flagged …" and "Scale the features first: the penalty …" are sentences
    with a colon. With `equals` (a bullet of a list of at least `MIN_EQUALS_ITEMS`, where one item is one fact), a
    bullet that says what a named thing equals too ("bootstrap std error = std dev of the B replicates"); a pair of
    bullets closing a section is left to the card that holds both."""
    stated = ""  # (a bold-led statement's back says its term: "Paired t-test = a one-sample t-test on …")
    if equals and item == BULLET and (" = " in text[:52] or "→" in text[:52] or "->" in text[:52]) \
            and (equated := _equals_item(text)) is not None:
        return equated
    # ("- **Shrinkage, not selection.** Ridge pulls …": the bold sentence states, the rest says why)
    said = bool(item) and text[:2] == "**" and (match := _BOLD_SENTENCE.match(text)) is not None
    if not said and item != NUMBERED and text[:2] == "**" \
            and (match := _BOLD_LED.match(text) or stressed_note(text)):  # (not a step)
        stated = f"{match.group('label').strip()} {match.group('aside') or ''}"
    elif not said and (text[:1] in "*_[$`!<|#" or not _may_be_labelled(text) or not (match := _LABELLED.match(text))):
        return None
    label, rest = match.group("label").strip().strip("\"").strip(), match.group("rest").strip()
    noted = bool(stated) and label.endswith(":") and label[:-1].strip().casefold() in GENERIC_LABELS
    if noted:  # ("**Note:** …", a paragraph's or a blockquote's aside)
        if "**" in rest and not stresses_only(rest):
            return None  # ("**Note:** the key **dimension** …": its terms are `emphasised` cards; "… **is not
            # secure**" stresses what the aside says, no term)
        topic = callout_topic(rest)  # ("**Note:** scaling laws predict …": "Note: scaling laws",
        label, stated = f"{label[:-1].strip()}{f': {topic}' if topic else ''}", ""  # as an untitled callout's)
    words = label.split()
    if not noted and (len(words) > (MAX_SAID_WORDS if said else MAX_TERM_WORDS)
                      or (not item and not stated and (len(words) < 2 or rest[:1].islower()))
                      or label.casefold() in GENERIC_LABELS or _LABEL_STEP.match(label) or "}`" in label
                      or not said and ("," in label or reads_as_clause(words)) or label.count("(") > label.count(")")
                      or "$" in label or "](" in label or "@" in label and not _AT_RANK.search(label)):
        return None  # ("In summary, …:", "One nuance:": a sentence's start; "Set @eq-grad to zero:" a step; "In X (A: …)")
    rest = without_pointers(stated + rest.split("![", 1)[0].strip())  # (an image, "(above)": no part of an answer)
    if _POINTER.match(rest) or narrates(rest) and not DEFINED_TERM.match(text) or author_speaks_first(rest):
        return None  # "see [[Batch gradient descent]]", "Why: I kept mixing up …" (not "**X** = … we've seen …")
    found = sentences(rest)
    back = ""
    for sentence in found:
        if back and (len((back + " " + sentence).split()) > MAX_BACK_WORDS or opens_next_label(sentence)):
            break  # (too long, or the next label's explanation: "… Recall: of what was there …"; not "Fix: …" of it)
        back = f"{back} {sentence.strip()}".strip()
    if (len(back.split()) < MIN_LABELLED_WORDS or len(LOWER.findall(back)) < MIN_LABELLED_WORDS // 2) \
            and (item or not _STATES_MATH.match(back)) \
            or back.endswith((":", "?")) or _NUMBER_FIRST.match(back) or back.rsplit(None, 1)[-1] in CANNOT_END \
            or "?" in back and _ONLY_ASKS.fullmatch(back):  # ("E-BFMI: what is it measuring? (something …)")
        return None  # (nor one broken off before a formula: "… because the Hessian is")
    if match.re is _LABELLED and match.group("aside"):  # (shown on the front, not counted as the label's words)
        label += match.group("aside")
    return label, back


# A back that only asks (a question, and at most an aside in brackets after it): an open question, no answer
_ONLY_ASKS = re.compile(r"[^.!?]*\?[ \t]*(?:\([^()]*\)[ \t.]*)?")


def _equals_item(text: str) -> tuple[str, str] | None:
    """(label, back) for a bullet that says what a named thing equals ("bootstrap std error = std dev of the B
    replicates"): the back is the whole item, which says both; None for a value ("batch size = 32"), a formula with
    no name before it ("$x = 2$"), a label that is a clause ("we get x = …") or too little after the sign."""
    match = _EQUALS_LED.match(text)
    if match is None or text[:1] in "*_[$`!<|#" or "`" in match.group("label"):
        return None
    label, rest = match.group("label").strip(), match.group("rest").strip()
    words = label.split()
    if len(words) > MAX_TERM_WORDS or label.casefold() in GENERIC_LABELS or _LABEL_STEP.match(label) \
            or reads_as_clause(words) and not fragment(label) or "](" in label \
            or "$" in label and (len(re.findall(r"\$\$?", label)) % 2 or not LOWER.search(label)) \
            or not LOWER.search(label) and len(label) < 3 or label.count("(") > label.count(")"):
        return None  # ("x = …", "In practice = …", "it is = …", "signs (score_samples = …)": no term before it
    first = sentences(rest)[0].strip() if rest else ""
    if len(first.split()) < MIN_EQUALS_WORDS or _NUMBER_FIRST.match(first) or _POINTER.match(first) or narrates(rest) \
            or rest.endswith(":"):
        return None  # (nor an item that leads into a formula or list: "loss = weighted least squares:")
    back = f"{label} {match.group('sign')} {first}"
    for sentence in sentences(rest)[1:]:
        if len(f"{back} {sentence}".split()) > MAX_BACK_WORDS:
            break
        back = f"{back} {sentence.strip()}"
    return label, back


def _openings(block: Block) -> list[tuple[int, str, int]]:
    """(line, text, 0 or whether it is a BULLET or NUMBERED list item) of the block's paragraph, or of each of its
    top-level list items (its marker gone, its continuation lines joined, what is nested under it left out)."""
    found: list[tuple[int, list[str], int]] = []
    indent = -1
    cut: set[int] = set()  # (the items a display formula broke, or a gap where one was: their text ends before it)
    last = -1
    for line in card_text_lines(block.lines):
        raw = line.text
        stripped = raw.lstrip()
        if found and (line.kind != TEXT or line.no > last + 1 >= 1):
            cut.add(len(found) - 1)
        last = line.no
        if line.kind != TEXT or not stripped or len(found) - 1 in cut and not LIST_ITEM.match(raw):
            continue
        width = len(raw) - len(stripped)
        if (stripped[0] in "-*+" or stripped[0].isdigit()) and (item := LIST_ITEM.match(raw)):
            if indent < 0 or width <= indent:
                indent = width if indent < 0 else indent
                found.append((line.no, [raw[item.end():].strip()], NUMBERED if stripped[0].isdigit() else BULLET))
            else:
                found.append((-1, [], BULLET))  # (a nested item: the outline's, not a sentence of this item)
        elif found and found[-1][0] >= 0:
            found[-1][1].append(stripped.rstrip())
        elif not found:
            found.append((line.no, [stripped.rstrip()], 0))
    return [(no, _whole_sentences(" ".join(words)) if k in cut else " ".join(words), item)
            for k, (no, words, item) in enumerate(found) if no >= 0 and words]


def _whole_sentences(text: str) -> str:
    """A text cut by a formula, without the sentence that led into it ("… so the step is", "… given by:");
    "Prevalence: the share of harmful posts not caught", which the formula only restates, stays."""
    found = sentences(text)
    if found and _LEADS_IN.search(found[-1]):
        found.pop()
    return " ".join(found)
