"""Prose that mlwiki turns into fronts: the sentence that introduces a formula, the sentence around an inline
equation, and the cleaning that shows links as their text and drops comments, embeds and footnote marks."""

from __future__ import annotations

import functools
import re

from mlwiki.extract import myst_links
from mlwiki.extract.lines import CALLOUT_METADATA, LIST_ITEM
from mlwiki.render.spans import link_alias, link_target_text

# Only the end of the prose before a formula can hold its (clipped) last sentence: don't clean and split more.
PROSE_TAIL = 2000
# The white space between two sentences, `(?<=[.!?])\s+(?=[A-Z\\$*(\[])`, found with the mark that ends the first
# (the search skips to a `.`, `!` or `?` instead of trying the look-behind at every character)
_SENTENCE_END = re.compile(r"[.!?](\s+)(?=[A-Z\\$*(\[])")
# Abbreviations whose period does not end a sentence ("(i.e. $p \in U$)", "see Eq. (3)"): the period, found first
# and then the abbreviation behind it (`\b(?:e\.g|…)\.(?=\s)` tried every alternative at every character)
_ABBREVIATIONS = ("e.g", "i.e", "E.g", "I.e", "cf", "resp", "vs", "al", "Eq", "Eqs", "Fig", "Figs", "Def", "Defs", "Thm", "Ch", "Sec",
                  "p", "pp", "Prop", "Lem", "Cor", "w.r.t", "wrt", "s.t", "a.k.a", "approx")
_ABBREVIATION_DOT = re.compile(r"\.(?=\s)(?:" + "|".join(rf"(?<=\b{re.escape(a)}\.)" for a in _ABBREVIATIONS) + ")")
_CALLOUT = re.compile(r"\[![\w-]+" + CALLOUT_METADATA + r"\][+-]?[ \t]*")
_EMBED = re.compile(r"!\[\[[^\]]*\]\]|!\[[^\]]*\]\([^)]*\)|<img\b[^>]*>")
_WIKILINK = re.compile(r"\[\[([^\]]*)\]\]")


def _link_shown(match: re.Match) -> str:
    """What a wikilink shows in a card's words: its alias, else its target's name."""
    target, alias = link_alias(match.group(1))
    return alias or link_target_text(target)


# (`(?<!!)\[…`, with the look-behind after the `[`: the search skips to a `[`; tests/test_extract_rewrites.py)
_MD_LINK = re.compile(r"\[(?<!!\[)([^\]]*)\]\([^)\s]*(?:\s+\"[^\"]*\")?\)")
_PROSE_ANKI_CLOZE = re.compile(r"\{\{c[0-9]+::(.*?)(?:::[^{}]*)?\}\}")
_PROSE_SPAN_CLOZE = re.compile(r"\[([^\[\]\n]*)\]\{[^{}\n]*\.cloze\b[^{}\n]*\}")
# An Obsidian tag in a line, `#statistics` (not "#P", "#P-hard": a complexity class, no tag anyone names by one
# capital letter), its `#` before the look-behind so that a search skips to a `#`
TAG = r"#(?<![\S(]#)(?![A-Z](?:-|(?![\w/])))[A-Za-z][\w/-]*(?![\S)])"
# footnote marks, Obsidian block ids and tags (`#statistics`), and a reStructuredText underline, `^^^^`, left in
# Markdown: `\[\^[^\]]*\]|(?<!\S)\^[\w-]+(?!\S)|(?<![\S(])#[A-Za-z][\w/-]*(?![\S)])|(?<!\S)\^{4,}(?!\S)`, written
# with each branch's character before its look-behind, so that the search skips to a `[`, `^` or `#` instead of
# trying the look-behinds at every character (tests/test_extract_rewrites.py checks the equality)
_PROSE_NOISE = re.compile(r"\[\^[^\]]*\]|\^(?<!\S\^)[\w-]+(?!\S)|" + TAG + r"|"
                          r"\^(?<!\S\^)\^{3,}(?!\S)")
# HTML comments, also the half of one that opens or closes on the line, and the `%%…%%` of Obsidian
_COMMENT = re.compile(r"<!--.*?(?:-->|$)|^(?:(?!<!--).)*?-->|%%.*?(?:%%|$)", re.DOTALL)
_DISPLAY_IN_PROSE = re.compile(r"\$\$.+?\$\$|\\\[.+?\\\]", re.DOTALL)
_TAG = re.compile(r"</?(?:br|span|div|p|b|i|em|strong|sup|sub|font|center|u|small)\b[^>]*>", re.I)
# A sentence that cannot stand alone: it continues the one before ("where …", "and so …", "For the first …").
_FRAGMENT = re.compile(r"(?:where|and|or|so|thus|hence|then|therefore|which|with|but|since|because|giving|"
                       r"yielding|gives|i\.e\.|that is|this gives|we get|to get|now|here|plugging|substituting|"
                       r"for the (?:first|second|third|last|other|remaining))\b", re.I)
_GAPS = re.compile(r"\n{3,}")
_BREAKS_OFF = re.compile(r"(?:,|\b(?:so|then|thus|hence|is|are|by|of|to|the|an?|and|or|as|with|where|that|gives|"
                         r"becomes|yields|(?:re)?written|expressed)[ \t]*:?)[ \t]*$", re.I)
# (a whole clause before a colon is an answer)
_SHORT_INTRO_WORDS = 5
# A sentence whose subject is a pronoun ("It normalises over …") names its subject in the sentence before it.
_PRONOUN_START = re.compile(r"(?:It|Its|This|These|Those|They|Their|That)\b")  # an introducing sentence this short ("It satisfies") gets the one before it
# A sentence written in lower case that stands alone ("new item cold start is usually worse than …", as notes typed
# in a hurry write): a noun phrase of its own, a verb after it, no word that goes on from before (not "with $K$
# classes …", "which gives …", "its only goal is …", "the the update …")
OWN_SENTENCE = re.compile(r"(?!(?:it|its|they|them|their|this|these|that|those|which|who|whose|where|when|while|"
                           r"whereas|and|but|or|nor|so|then|because|since|although|though|as|if|unless|than|plus|"
                           r"with|without|for|of|in|on|at|by|to|from|over|under|into|after|before|between|via|per|"
                           r"the|a|an|we|you|i|also|only|just|here|there|now|hence|thus|i\.e\.|e\.g\.)\b)"
                           r"(?:[a-z][\w-]*[ \t]+){1,5}(?:is|are|was|were|has|have|does|do|can|cannot|can't|"
                           r"isn't|aren't|doesn't|don't|beats?|wins?|helps?|hurts?|matters?|works?|needs?|makes?)\b")
# A sentence of its own written all in lower case ("the sum is over all pairs, …"), which points back at nothing
# ("the fit above is …", "the same holds …" go on from what came before)
CASUAL_START = re.compile(r"(?:the|a|an)[ \t]+(?![^.]{0,40}\b(?:above|below|former|latter|previous|same|following|"
                           r"other|rest)\b)(?:[a-z][\w-]*[ \t]+){1,4}(?:is|are|has|have|can|cannot|needs?|makes?)\b")
_ENDING_VERBS = frozenset(("is", "are", "was", "were", "does", "do", "did", "be", "has", "have"))
_WH_CLAUSE = re.compile(r"\b(?:how|what|whatever|where|as|than)\b[^.;:,!?\n]*$")
# A relative clause that ends on its preposition ("… which is what the detector builds on", "… which it relies on"):
# the preposition's object is the clause's "what"/"which", so the sentence is whole
_RELATIVE_CLAUSE = re.compile(r"\b(?:what|which|whatever|whom)\b[^.;:,!?\n]*$")
_STRANDING = frozenset(("on", "in", "to", "for", "with", "by", "of"))
_VERB_FORM = re.compile(r"[a-z]{2,}(?:s|ed)")  # (the verb before it: "builds on", "is based on", "relies on")


def cut_prose(lines: list[str]) -> tuple[str, str, bool]:
    """(callout title, prose, whether it was cut) of the text lines before a formula: only the last list item,
    or what follows the title line of an Obsidian callout (`[!info] Title`), leads to the formula."""
    for k in range(len(lines) - 1, -1, -1):
        line = lines[k].lstrip()
        if line[:1] == "[" and (match := _CALLOUT.match(line)):
            return line[match.end():].strip(), " ".join(lines[k + 1:]), True
        if line[:1] and line[0] in "-*+0123456789" and LIST_ITEM.match(line):
            return _callout_title(lines[:k]), " ".join(lines[k:]), True
    return "", " ".join(lines), False


def _callout_title(lines: list[str]) -> str:
    """The title of the callout that holds a list, if the list follows its title line."""
    for line in reversed(lines):
        line = line.lstrip()
        if line[:1] == "[" and (match := _CALLOUT.match(line)):
            return line[match.end():].strip()
    return ""


_CLEANED_KEPT = 4096  # (half the texts cleaned in a scan were cleaned before, most of them in the same note: a
# paragraph judged by several forms, each draft's back again when a later card looks for its text)
# The last text clean_prose cleaned, and what it made of it: a section card's passage is cleaned when it is judged
# (passages.reads_as_prose) and again, the same string, when the card counts its words. One entry, compared by
# identity: it holds nothing else and costs one comparison.
_last_cleaned: tuple[str, str] = ("", "")


def clean_prose(text: str) -> str:
    """Prose made into a front by mlwiki: links and clozes shown as their text; comments, embeds, images, simple
    HTML tags, footnote marks and block ids dropped."""
    global _last_cleaned
    last = _last_cleaned
    if last[0] is text:
        return last[1]
    cleaned = _clean(text)
    _last_cleaned = (text, cleaned)
    return cleaned


def clean_once(text: str) -> str:
    """`clean_prose` of a text no one cleans again (an item of a passage being judged), not remembered: the
    passage's own cleaning stays remembered for the card that counts its words (`closings.closing_text`)."""
    return _clean(text)


def word_count(clean: str) -> int:
    """`len(clean.split())` of a text `clean_prose` made (one space between words, none at its ends), counted without
    making a string of each word."""
    return clean.count(" ") + 1 if clean else 0


def holds_words(text: str, n: int) -> bool:
    """Whether a text holds at least `n` (≥ 1) words: `len(text.split()) >= n`, splitting off no more than `n`."""
    return len(text.split(None, n - 1)) >= n


@functools.lru_cache(maxsize=_CLEANED_KEPT)
def _clean(text: str) -> str:
    # (each longer substring behind one of its characters: a test of one character is several times faster)
    if ("-" in text and ("<!--" in text or "-->" in text)) or ("%" in text and "%%" in text):
        text = _COMMENT.sub(" ", text)
    if "{" in text and ("{{c" in text or ".cloze" in text):  # (both clozes hold a "{")
        text = _PROSE_SPAN_CLOZE.sub(r"\1", _PROSE_ANKI_CLOZE.sub(r"\1", text))
    if "!" in text or ("<" in text and "<img" in text):
        text = _EMBED.sub(" ", text)
    if "[" in text:
        if "[](#" in text:  # (MyST's cross-reference without text: shown as nothing, so off with its pointer)
            text = myst_links.as_roles(text, {})
        text = _MD_LINK.sub(r"\1", _WIKILINK.sub(_link_shown, text))
    if "<" in text:
        text = _TAG.sub(" ", text)
    if ("$" in text and "$$" in text) or ("\\" in text and "\\[" in text):  # display math says nothing in a front
        text = _DISPLAY_IN_PROSE.sub(" … ", text)
    if "\\" in text:  # `\` ending a line: a break
        text = without_hard_breaks(text)
    if "^" in text or "#" in text:
        text = _PROSE_NOISE.sub("", text)
    return " ".join(text.split())


def without_hard_breaks(text: str) -> str:
    r"""The text with a LaTeX line break (a backslash before white space) at its start or end made a space:
    `re.sub(r"^\\\s|(?<!\\)\\\s*$", " ", text)`, done at the two ends only (that pattern, tried at every
    character of a long section, was a third of `clean_prose`). tests/test_extract.py checks the equality."""
    head, start = "", 0
    if text[:1] == "\\" and text[1:2].isspace():
        head, start = " ", 2
    body = text[start:]
    kept = body.rstrip()  # (str.isspace and the pattern's \s agree on what white space is)
    if kept.endswith("\\"):
        end = start + len(kept) - 1
        if end == 0 or text[end - 1] != "\\":  # (an escaped backslash, `\\`, is no break)
            return head + text[start:end] + " "
    return head + body


@functools.lru_cache(maxsize=4096)  # (pure: the same text is asked again, by another form or card)
def heading_text(text: str) -> str:
    """A heading as a step of a front's heading path: its prose cleaned, emphasis markers and a trailing colon
    dropped (`#### **Formula:**` → "Formula")."""
    text = clean_prose(text)
    if "*" in text or ("_" in text and "__" in text):
        text = _EMPHASIS.sub(r"\2", text)
        if text.count("**") == 1:  # ("Nonparametric Statistical Hypothesis Tests**": a marker whose pair was lost)
            text = text.replace("**", "")
    if text.endswith(")") and "(" in text:
        text = _FOLD_HINT.sub("", text)
    if "/>" in text:
        text = _COMPONENT.sub("", text)  # ("Definition <Badge type="tip" text="exam" />": a site's widget)
    return text.rstrip(":").strip()


_EMPHASIS = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")
_COMPONENT = re.compile(r"[ \t]*<[A-Z][\w.-]*(?:[ \t][^<>]*)?/>")  # (a Vue or MDX component: `<Badge … />`)
# What a folded box's title tells the reader to do ("Deriving EI (click to expand)"): no part of what it names
_FOLD_HINT = re.compile(r"(?i)[ \t]*\((?:(?:click|tap)(?: here)?(?: to (?:expand|open|show|reveal|see)(?: it)?)?|"
                        r"expand(?: me)?|collapsed?|hidden|spoiler|toggle)\)$")


def introduces(sentence: str) -> bool:
    """Whether a sentence introduces a formula of its own rather than continuing a derivation: it starts a
    sentence, says something (eight words or more) and ends with a colon ("Plugging in the gradient step gives
    a guaranteed decrease:"), where a continuing one is short or lower case ("where the expectation is now:")."""
    sentence = sentence.strip()
    return sentence[:1].isupper() and sentence.endswith(":") and len(sentence.split()) >= 8


def ends_clause(paragraph: str, last: str) -> bool:
    """Whether a paragraph that ends on a verb ends a clause that puts it there ("… only how peaked the distribution
    is", "… than it was"), or a list it leaves open ("… their own neighbours (2 hops), and so on"), not a sentence
    broken off."""
    if last.lower() in ("on", "forth") and paragraph.rstrip().lower().endswith(("and so on", "and so forth")):
        return True
    if last in _STRANDING:
        before = paragraph.rstrip().rsplit(None, 2)[-2:-1]
        return bool(before) and _VERB_FORM.fullmatch(before[0]) is not None \
            and _RELATIVE_CLAUSE.search(paragraph) is not None
    return last.lower() in _ENDING_VERBS and bool(_WH_CLAUSE.search(paragraph))


# The clause a line ends on that introduces what comes next: ", here is an example:", "; for instance:"
_INTRO_CLAUSE = re.compile(r"[ \t]*[,;][ \t]+[^,;.!?:\n]*:[ \t]*$")
_INTRO_KEEPS = 6  # words of the line before that clause: a sentence of its own, not "In the figure below"


def end_dangling_intro(lines: list[str]) -> None:
    """Change the last non-blank of these lines, when it ends on ":" and what it introduced was left out, to end
    before that introduction (`without_dangling_intro`)."""
    last = next((k for k in range(len(lines) - 1, -1, -1) if lines[k].strip()), None)
    if last is not None and lines[last].rstrip().endswith(":"):
        lines[last] = without_dangling_intro(lines[last].rstrip())


def without_dangling_intro(line: str) -> str:
    """A line that ends on an introduction of what the card left out (an image, a URL): without the clause that
    introduces it ("…, we mark the words as 1, here is an example:" → "… as 1."), else without that last sentence;
    the line as it was when nothing would stand before it."""
    clause = _INTRO_CLAUSE.search(line)
    if clause is not None and len(line[:clause.start()].split()) >= _INTRO_KEEPS:
        return line[:clause.start()].rstrip(" ,;") + "."
    found = sentences(line.strip())
    if len(found) > 1:
        return line[:len(line) - len(line.lstrip())] + " ".join(found[:-1])
    return line


def one_break(text: str) -> str:
    """The text with each run of blank lines (lines left out between blank ones) one paragraph break."""
    return _GAPS.sub("\n\n", text) if "\n\n\n" in text else text


def breaks_off(text: str) -> bool:
    """Whether a text stops where a formula would go on with it ("… puts all its mass on $y$, so", "… is given by:",
    "… by", "… if it can be written"): a sentence broken by a display formula, no answer alone."""
    return bool(_BREAKS_OFF.search(text))


def sentences(text: str) -> list[str]:
    """The sentences of a text: split at the white space after a `.`, `!` or `?` that is not an abbreviation's
    period, before a capital, a formula, emphasis or a bracket (tests/test_extract_rewrites.py checks the split
    against the patterns it replaces)."""
    return list(_sentences(text))  # (a list of its own: a caller may change it)


@functools.lru_cache(maxsize=_CLEANED_KEPT)  # (half the texts split in a scan were split before)
def _sentences(text: str) -> tuple[str, ...]:
    if "." in text:
        text = _ABBREVIATION_DOT.sub("\x03", text)
        return tuple(s.replace("\x03", ".") for s in _split_sentences(text))
    return tuple(_split_sentences(text))


def _split_sentences(text: str) -> list[str]:
    pieces, start = [], 0
    for match in _SENTENCE_END.finditer(text):
        pieces.append(text[start:match.start(1)])
        start = match.end()
    pieces.append(text[start:])
    return pieces


def clip(text: str, limit: int = 300) -> str:
    if len(text) <= limit:
        return text
    tail = text[-limit:]
    if text[:-limit].count("$") % 2:  # (not from inside an inline formula: "…= w^\top S w$, where …")
        tail = tail[tail.find("$") + 1:]
    return "…" + tail.split(" ", 1)[-1]


def is_fragment(sentence: str) -> bool:
    """Whether a sentence continues the one before it rather than standing alone."""
    return bool(sentence) and (sentence[0].islower() or bool(_FRAGMENT.match(sentence)))


def last_sentence(text: str, limit: int = 300) -> str:
    """The last sentence of a paragraph, the one that introduces what follows it; a short one ("Then:") or a
    fragment ("where …", "For the first term, …") or one about "it" gets the sentence before it."""
    text = LIST_ITEM.sub("", text.strip())
    if not text:
        return ""
    found = sentences(text)
    last = found[-1].strip()
    k = len(found) - 1
    while k > 0 and (len(last.split()) < _SHORT_INTRO_WORDS or is_fragment(last) or _PRONOUN_START.match(last)) \
            and len(last) < limit:
        k -= 1
        last = found[k].strip() + " " + last
    if last.startswith("\\ "):  # a LaTeX line break (`\\` ending the line before) is no part of the sentence
        last = last[2:]
    return clip(last, limit)


def sentence_around(text: str, start: int, end: int, hide: list[tuple[int, int]] = ()) -> str:
    """The sentence holding text[start:end], with that span hidden as [...] and the `hide` spans shown as "…";
    a list item or table row ends a sentence."""
    parts, pos = [], 0
    for span_start, span_end in sorted([(start, end), *hide]):
        parts += [text[pos:span_start], "\x02" if span_start == start else "…"]
        pos = span_end
    parts.append(text[pos:])
    item = next(piece for piece in _ITEM_START.split("".join(parts)) if "\x02" in piece)
    for sentence in sentences(item.replace("\n", " ")):
        if "\x02" in sentence:
            return LIST_ITEM.sub("", sentence.strip().strip("|").strip()).replace("\x02", "[...]")
    return "[...]"


_ITEM_START = re.compile(r"\n(?=[ \t]*(?:(?:[-*+]|\d+[.)])[ \t]|\|))")  # a new list item or table row


def has_words(front: str, minimum: int = 2) -> bool:
    """Whether a front says something besides `[...]`, `…` and punctuation."""
    if minimum <= 0:
        return True
    for count, _ in enumerate(_WORD.finditer(front.replace("[...]", "")), start=1):
        if count >= minimum:  # (no need to find the rest)
            return True
    return False


_WORD = re.compile(r"[^\W\d_]{2,}")


def prefix_heading(heading: str, text: str) -> str:
    return f"{heading}\n\n{text}" if heading else text


# A bold phrase that is a claim, not a term: "**feedback does not increase capacity**", "**iff $\nu > k$**"
CLAIM_WORD = re.compile(r"(?i)(?:^|(?<=\s))(?:iff|if|unless|is|are|was|were|does|do|doesn['’]t|don['’]t|not|cannot|"
                         r"can['’]t|never)(?=\s|$)")
_RELATION = re.compile(r"[<>=≤≥≈]|\\(?:le|ge|leq|geq|neq|approx|to)\b")


def is_claim(term: str) -> bool:
    """Whether a bold phrase says something (a verb, a negation, a condition, a relation) rather than names it."""
    return bool(CLAIM_WORD.search(term) or _RELATION.search(term))


_VERB_OF_BEING = re.compile(r"(?i)(?<=\s)(?:is|are|was|were|does|do|doesn['’]t|don['’]t|cannot|can['’]t|isn['’]t|"
                            r"aren['’]t)(?=\s)")
_CONDITION = re.compile(r"(?i)(?:if|when|unless|whenever|for|with|while|once|after|before)\b")
MAX_SUBJECT_WORDS = 4


def claim_subject(phrase: str) -> str:
    """The subject of a phrase that states a fact ("Matérn 5/2 is the standard default" → "Matérn 5/2"): the words
    before its verb of being; '' for a phrase with none, a condition ("If the loss is flat") or a long subject."""
    verb = _VERB_OF_BEING.search(phrase) if " " in phrase else None
    subject = phrase[:verb.start()].strip() if verb else ""
    if not subject or _CONDITION.match(subject) or len(subject.split()) > MAX_SUBJECT_WORDS \
            or not any(c.isalpha() for c in subject):
        return ""
    return subject
