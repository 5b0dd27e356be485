"""Lines that head or ask in a section's text: a short label line over a list ("Algorithm:", "Pros / cons"),
as a heading would be, a paragraph that only asks ("Why not save the entire model?"), and a line led by the
aspect of its subject it states ("Limitation: only the first relevant item counts")."""

from __future__ import annotations

import functools
import re

from mlwiki.extract.blocks import Block
from mlwiki.extract.lines import LIST_ITEM, TEXT, Line
from mlwiki.extract.openers import is_opener
from mlwiki.extract.passages import NO_SUBJECT, narrates
from mlwiki.extract.prose import clean_prose
from mlwiki.extract.subject import is_example_title
from mlwiki.extract.voice import without_author_aside

# Labels that name no subject: a card "… › Input" or "… › Pros" would not say what is asked
GENERIC_LABELS = frozenset("""input inputs output outputs pros cons pro con note notes nb example examples eg e.g
limitation limitations challenge challenges solution solutions problem problems advantage advantages disadvantage
disadvantages key idea goal goals result results summary explanation formula intuition reason answer question
definition usage code tip tips warning important drawback drawbacks benefit benefits source reference references
link links update rule update rules proof hint todo intro introduction conclusion overview details detail""".split())
# First words that make a sentence's subject a pointer or a quantity, not a term ("This is a …", "Each node is …")
NOT_A_TERM = frozenset("""this that these those it its they them their there here we you i he she our your my his
her each every some many most much one another such which what why how when where who whom all both other any no
none if so but and or because since while although though however thus hence then also only first second third
last next final main key basic overall another same""".split())
# Words a term may not hold: a term is a noun phrase, these make it a clause ("Training a model is a process")
CLAUSE_WORDS = frozenset("""is are was were be been being can could will would should may might must has have had
do does did not we you it they this that which who but""".split())  # ("skip-gram but word = …": a clause's part)
_NOT_A_LABEL_START = NOT_A_TERM | frozenset("in for to on at by with if as from a an the".split())


def reads_as_clause(words: list[str]) -> bool:
    """Whether a label's words are a clause's start rather than a name: a first word that names nothing ("In", "It",
    "The"), an opener's ("Either way", "Notice the dependence": `openers`) or a verb among them ("Every framework
    implements X")."""
    return words[0].casefold() in _NOT_A_LABEL_START or is_opener(words) or any(w.casefold() in CLAUSE_WORDS
                                                                                  for w in words)


MAX_LABEL_WORDS = 5  # "Algorithm:", "Pros / cons", "Fixes people use:": a line that heads a list as a heading would
MAX_LABEL_CHARS = 50
_NOT_A_LIST_LABEL = re.compile(r"(?i)(?:where|with|here|given|in which|for example|e\.g\.?|example)[\s:]*")
ASKING = r"[ \t]*(?:why|how|what|when|which|where|who|is|are|does|do|can|should)\b"  # a question's first word
QUESTION_LINE = re.compile(ASKING + r"[^\n]*\?[ \t]*", re.I)
# One line led by the aspect of the section's subject it states: what a card of the section alone would not ask for
_ASPECT = re.compile(r"(?i)(?:\*\*)?(?P<aspect>(?:limitation|drawback|disadvantage|advantage|benefit|caveat|pitfall|"
                     r"use case)s?|intuition|interpretation|the (?:catch|problem|trick|upside|downside|bottom line))"
                     r"(?:\*\*)?:(?:\*\*)?[ \t]+\S[^\n]*")  # (… and "The catch: each sweep touches every state …")


# What is done in practice, said as such ("In practice they also clipped rewards …", "In practice, …")
_IN_PRACTICE = re.compile(r"(?i)(?:\*\*)?in practice(?:\*\*)?[,:]?(?:\*\*)?[ \t]+\S[^\n]*")


# A paragraph led by what it answers, a question without its mark: "What you get for free: no k to choose, …"
_ASKED_LABEL = re.compile(r"(?P<label>(?:What|Why|When|How|Where|Which)\b[^:\n?.]{3,60}):[ \t]+(?P<rest>\S.{20,})", re.S)


# "Note: Precision, Recall and F1 are asymmetric metrics, …": a remark on a few things it names first
_REMARK = re.compile(r"(?:\*\*)?(?i:note|nb|n\.b\.|remark|important|caveat)(?:\*\*)?:(?:\*\*)?[ \t]+(?:[Tt]he[ \t]+)?"
                     r"(?!(?:This|These|That|Those|It|They|There|We|You|I)\b)(?P<subject>[A-Z][^\s,.:;]*(?:(?:,[ \t]*|[ \t]+)(?!(?:is|are|was|were|has|have|"
                     r"can|does|do|only|also|always|never|not)\b)[^\s,.:;]+){0,5})[ \t]+(?:is|are|has|have|can|does|do|"
                     r"only|always|never)\b[^\n]*")


# "The distinction between reward and value is the one students most often blur: …"
_CONTRAST = re.compile(r"(?i)(?:the|a|one)[ \t]+(?:key[ \t]+|main[ \t]+|crucial[ \t]+|important[ \t]+)?(?:distinction|difference)"
                       r"[ \t]+between[ \t]+((?:the[ \t]+)?[^\s,.:;]+(?:[ \t]+[^\s,.:;]+)?)[ \t]+and[ \t]+"
                       r"((?:the[ \t]+)?[^\s,.:;]+(?:[ \t]+(?!is\b|are\b|was\b)[^\s,.:;]+)?)[ \t]+(?:is|are|was|matters)\b")


# The last words of a sentence cut off before what it introduces, a list after it: "$(x, \\lambda)$ satisfy the
# conditions if", "The three parts are" (as a sentence ending in ":" introduces its list)
_CUT_OFF = frozenset("if iff that where when whenever whether unless namely include includes including are is".split()
                     # (a preposition goes on into the list: "… **no weight decay** on" over "- biases, …")
                     + "on to for with of from by between among into onto against via".split())


@functools.lru_cache(maxsize=4096)  # (pure: the same text is asked again, by another form or card)
def introduces_list(line: str) -> bool:
    """Whether a line (no list item) ends where a list it introduces begins: on a colon, or cut off on a word that
    asks for what follows ("… satisfy KKT if", "… as follows")."""
    text = line.rstrip()
    if text.endswith(":"):
        return True
    if not text[-1:].isalpha():
        return False
    words = text.rsplit(None, 2)
    return words[-1].casefold() in _CUT_OFF or words[-2:] == ["as", "follows"] if len(words) > 1 else False


def aspect_front(path: str, text: str) -> str:
    """The front of a card of `text` under `path`: "… › MRR › Limitation" for one line led by the aspect it states
    ("Limitation: only the first relevant item counts"), so that it does not pass for the subject itself; `path`
    otherwise."""
    lines = text.strip().splitlines()
    one = " ".join(text.split()) if not any(not ln.strip() or _ASPECT.match(ln.strip()) for ln in lines[1:]) \
        else text.strip()  # (one paragraph, over lines or not; not "Advantage: …" over "Limitation: …")
    found = _ASPECT.fullmatch(one)
    if found:
        return f"{path} › {found.group('aspect').capitalize()}"
    if _IN_PRACTICE.fullmatch(one):
        return f"{path} › In practice"
    if contrast := _CONTRAST.match(text.strip()):  # ("The distinction between reward and value is …")
        first, second = (clean_prose(contrast.group(k)) for k in (1, 2))
        return f"{path} › {first[:1].upper()}{first[1:]} versus {second}"
    remark = _REMARK.match(text.strip())  # ("Note: Precision, Recall and F1 are asymmetric …": of those three)
    return f"{path} › {clean_prose(remark.group('subject'))}" if remark and "\n\n" not in text.strip() else path


def states_aspect(text: str) -> bool:
    """Whether a paragraph (its lines joined) is led by the aspect it states ("Limitations: PCA is linear, …", "In
    practice it is computed with the SVD …")."""
    return bool(_ASPECT.fullmatch(text.strip()) or _IN_PRACTICE.fullmatch(text.strip()))


def asked_paragraph(path: str, block: Block) -> tuple[str, str] | None:
    """(front, back) of a paragraph led by what it answers, a question without its mark: "What it struggles with:
    clusters of very different density …" → "… › What it struggles with", "Why bother instead of one split: …" →
    "… › Why bother instead of one split?", and what follows; None for any other."""
    lines = [ln.text.strip() for ln in block.lines if ln.kind == TEXT]
    text = " ".join(lines)
    if not lines or LIST_ITEM.match(lines[0]) or not (asked := _ASKED_LABEL.fullmatch(text)) or narrates(text):
        return None
    label = without_author_aside(clean_prose(asked.group("label")))  # ("… historically (my understanding)")
    return f"{path} › {label}?" if label.split()[0] in ("Why", "How") else f"{path} › {label}", asked.group("rest")


# A line in lower case that goes on from the sentence before it ("and then:", "so:"): no label of its own ("why use
# it", "where it fails" over their lists are labels, as an Obsidian user writes them)
_GOES_ON_WORDS = frozenset("and or but so then thus hence which that who with because since as "
                           "the a an of to for in on by from e.g. i.e. i".split())


def list_label(lines: list[Line]) -> str | None:
    """The label a paragraph opens with when its first line is a short heading of its own over a list ("Algorithm:",
    "Pros / cons", "Why?"), without its colon; None otherwise."""
    if len(lines) < 2 or len(lines[0].text) > MAX_LABEL_CHARS or not LIST_ITEM.match(lines[1].text) \
            or lines[0].kind != TEXT or LIST_ITEM.match(lines[0].text):
        return None
    label = clean_prose(lines[0].text).strip().removesuffix(":").strip()
    if not (label[:1].isupper() or label[:1].islower() and label.split()[0] not in _GOES_ON_WORDS
            and len(label.split()) >= 2) \
            or not 1 <= len(label.split()) <= MAX_LABEL_WORDS or "." in label \
            or ")" in label and label.count(")") > label.count("(") \
            or NO_SUBJECT.fullmatch(label) or _NOT_A_LIST_LABEL.fullmatch(label) \
            or is_example_title(label, own_runs=False) \
            or narrates(label):
        return None  # (a ")" it does not open: the end of a sentence begun above, "VAE — see VAE post)")
    return label


def lead_in_label(whole: Block, part: Block) -> str | None:
    """The label of the line right before `part` in `whole` (the note's line right before it, not one a card took
    between them) when it heads the list `part` opens with ("Problems:" over "1. needs …"), as `list_label` reads
    one; None otherwise."""
    at = next((k for k, line in enumerate(whole.lines) if line.no == part.start), 0)
    before = whole.lines[at - 1] if at else None
    if before is None or before.no != part.start - 1 or before.text[:1] in " \t":
        return None
    return list_label(whole.lines[at - 1:at + 1])


def asks(block: Block) -> bool:
    """Whether a paragraph only asks a question ("Why not save the entire model?")."""
    return len(block.lines) == 1 and block.lines[0].kind == TEXT and bool(QUESTION_LINE.fullmatch(block.lines[0].text))


def label_lines(lines: list[Line]) -> dict[int, str]:
    """{line number: label} of the lines that head a list as a heading would: the paragraph's first line, or a
    line right after a list ("Pros:" and its items, then "Cons" and its own, written without blank lines)."""
    found = {lines[0].no: label} if (label := list_label(lines)) is not None else {}
    for k in range(2, len(lines) - 1):
        before = lines[k - 1].text
        if lines[k].kind == TEXT and lines[k].text[:1] not in " \t" and (before[:1] in " \t" or LIST_ITEM.match(
                before)) and (label := list_label(lines[k:k + 2])) is not None:  # (an indented line: the item's)
            found[lines[k].no] = label
    return found


def aspect_lines(lines: list[Line]) -> list[tuple[str, str, int]]:
    """(the list item it follows, or "", its text, its number) of each line that is no list item and states an aspect
    ("- Prevalence: the share of harmful posts shown" / a formula / "Limitation: every post counts the same")."""
    found: list[tuple[str, str, int]] = []
    item = ""
    for ln in lines:
        if ln.kind != TEXT:
            continue
        if mark := LIST_ITEM.match(ln.text):
            item = ln.text[mark.end():]
        elif _ASPECT.fullmatch(ln.text.strip()):
            found.append((item, ln.text.strip(), ln.no))
    return found
