"""What no card read out of prose should hold, taken off once the walk is done, whichever form made the card: a
writer's to-do lines ("TODO: compare to SWA"), a vault's link trailers ("Links: [[Gradient clipping]], [[MOC]]"),
and cards that only tell the writer's day ("Our fix today: T≈1.8, ECE 0.11→0.02. Five lines of code.",
"These are the course notes for the first half of the module.").

The forms written for mlwiki (`Q:`/`A:`, `::`, card divs, clozes) are the author's cards: left as written.
"""

from __future__ import annotations

import functools
import re
from dataclasses import replace

from mlwiki.extract.anyof import AnyOf
from mlwiki.extract.asked_cells import cells_kept
from mlwiki.extract.asides import COURSE as _COURSE, COURSE_HINT as _COURSE_HINT, without_asides
from mlwiki.extract.contents import lists_pages
from mlwiki.extract.draft import Draft
from mlwiki.extract.open_questions import without_open_questions
from mlwiki.extract.passages import LINKS_LINE, LOWER_WORD
from mlwiki.extract.inline_fields import FIELD_IN_TEXT, without_fields
from mlwiki.extract.prose import one_break, sentences
from mlwiki.extract.loose_code import PARENTHESIS as _PARENTHESIS, without_bare_fences
from mlwiki.extract.loose_code import without_loose_code as _without_loose_code
from mlwiki.extract.reading_progress import holds_progress, without_progress as _without_progress
from mlwiki.extract.selfnotes import off_the_back
from mlwiki.extract.voice import without_author
from mlwiki.models import CardKind

CALLOUT = "callout"  # (the form of `callouts`)
AUTHORED = frozenset(("qa", "one-line", "multiline", "card-div", "cloze", ""))
_LINKS = re.compile("(?im)^" + LINKS_LINE + r"$\n?")
# A page's navigation bar: a line opening on a link to the page before it ("[← leakage](02.md) · [calibration →](c.md)
# · formulas also in the [cheatsheet](../c.md)"): where to go, not what to learn
_NAVIGATION = re.compile(r"\[[ \t]*(?:←|<-|&larr;|«)[^\]\n]*\]\([^)\s]*\)[^\n]*")  # (a line that only points at other notes, as a passage leaves out)
# A sentence that only cites where to read ("Cover & Thomas 2.2–2.5.", "Bishop 10.1, Kingma & Welling 2014, Blei et
# al. 2017 review.") or what to read first ("Needs {ref}`ch-entropy` and {doc}`03_kl`.", "See [[Jensen]]."): no fact
_NAME = r"[A-Z][\w'’-]+(?:\s+(?:&|and)\s+[A-Z][\w'’-]+)*(?:\s+et al\.?)?(?:\s+[A-Z]{2,6}\d?)?"  # (and its book: "Murphy PML1")
_PLACE = r"(?:ch(?:apter)?\.?\s*|§\s*|sec(?:tion)?\.?\s*)?\d+(?:\.\d+)*(?:\s*[–-]\s*\d+(?:\.\d+)*)?(?:/\d+)*"
_CITES = re.compile(rf"(?!(?:Step|Steps|Table|Figure|Fig|Eq|Equation|Section|Chapter|Part|Lemma|Theorem|Example|"
                    rf"Exercise|Problem|Case|Phase|Stage|Round|Epoch|Layer|Level|Version|Python)\b)"
                    rf"(?=[^\n]*(?:\d\.\d|\bch\b|§))(?:{_NAME}(?:,?\s+(?:and\s+)?{_PLACE}(?:\s*\([^()\n]{{1,30}}\))?)+"
                    rf"(?:\s+review)?\s*[,;]?\s*)+\.?")  # (a part named: "4.6 (the predictive bits)", "2.1.1 (end) and 3.3.2")
# (a book's sections: "MacKay 2.4."; a paper that says where an idea comes from, "Platt 1998.", is history: stays)
_CITES_ASIDE = re.compile(r"\((?=[^()]*\b(?:19|20)\d\d\b)(?=[^()]*(?:et al|paper|&|\band\b))[^()]{1,150}\)\.?")  # ("(Xu et
# al. 2019, GIN paper — "How powerful are GNNs")": a line that says where the section's ideas come from)
_REFERENCE = r"(?:\{(?:[a-z]+:)?(?:ref|doc|numref|cite(?::[a-z]+)?)\}`[^`\n]+`|\[\[[^\]\n]+\]\]|\[[^\]\n]+\]\([^)\n]+\))"
_READ_FIRST = re.compile(rf"(?:Needs|Requires|Prerequisites?:?|Builds on|Assumes|See(?: also)?|Cf\.|(?:Same )?[Nn]otation"
                         rf"(?: as(?: in)?| from)|"
                         rf"(?:[A-Z]\w+ )?(?:[Rr]eading|[Rr]eferences?|[Ss]ources?):)\s+"
                         rf"(?:{_REFERENCE}(?:,?\s+and\s+|,\s*|\s+)?)+\.?")
_MAY_CITE = re.compile(r"[`\[\d(→]|->|reference|cheat|lookup|no (?:proof|deriv|detail)|just the|only the|written|"
                       r"progress|unfinished|finish|write up|fill in|flesh out|clean up|tidy up|rewrite|version of|cleanest|clearest|best|nicest|continu|follow|"
                       r"picking|carrying|now |this |see |check|look at|refer to|skipp|haven|didn")  # (said cheaply, of the text
# in lower case: four times faster than the same pattern made case-blind)
# A sentence about the page or its sources, not the subject ("Quick reference.", "Notebook version of lecture 7a.",
# "Derivations of why these are valid → {doc}`mercer`.", "CS229 notes are the cleanest for this.", "(short — lecture
# spent 10 min on it)")
_ABOUT_THE_PAGE = re.compile(r"(?i)(?:quick (?:reference|lookup)|cheat ?sheet|(?:notebook|pdf|web|short) version of [^.]{1,60}|"
                             rf"(?:derivations?|proofs?|details|more|background)\b[^.]{{0,60}}(?:→|->)\s*{_REFERENCE}|"
                             r"(?:[\w&'’-]+\s+){0,3}(?:notes|lectures?|book|tutorial|videos?|slides|docs)\s+(?:is|are|was|"
                             r"were)\s+(?:the\s+)?(?:cleanest|clearest|best|nicest)\b[^.]{0,40}|"
                             r"\((?:short|stub|wip|draft)\b[^()]*\)|"
                             # (what the page leaves out or keeps, "No proofs here.", "Just the picture + the numbers
                             # to know.", "Longer explanations are in the chapters.")
                             r"no (?:proofs?|derivations?|details)(?: here| in this \w+)?|"
                             r"(?:just|only) (?:the )?(?:big )?(?:picture|intuition|gist)s?(?:[ \t]*(?:\+|and|&)[ \t]*[\w ]{1,30})?|"
                             r"(?:longer|fuller|full|more detailed|detailed) (?:explanations?|derivations?|proofs?|details|"
                             r"versions?) (?:are|is|live|lives) (?:in|on) [^.]{1,40}|"
                             # (how far the page is: "Half-written.", "Work in progress."; and what is left to do
                             # on it: "Finish the SVGP section.")
                             r"(?:half|partly|mostly)[- ](?:written|done|finished)|work in progress|unfinished|"
                             r"(?:finish|write up|fill in|flesh out|clean up|tidy up|rewrite)\b[^.]{0,40}\b"
                             r"(?:section|part|post|note|page|chapter|bit)s?|"
                             # (where the page comes from: "Mostly from Titsias 2009, Bauer et al. 2016 and …")
                             r"(?:mostly |largely |partly |all )?(?:taken |adapted )?from (?:[A-Z][\w'’-]+(?:,? (?:&|and) "
                             r"[A-Z][\w'’-]+)*(?: et al\.?)?,? \(?(?:19|20)\d\d[a-z]?\)?(?:, |,? and |,? & |(?=[.!]?$)))+)[.!]?")
# (only authors and years after "from": "From 2012 on, deep nets won every year." says something)
# A sentence that only links a post to the one before it or points at another part of the site: "Continuing from
# [part 1](…).", "Now the learned part.", "In this post we look at the reverse process.", "See the sampling notebook
# for the code."
_LINKING = re.compile(r"(?i)(?:(?:continuing|continued|following on|picking up|carrying on) (?:from|on from|where)\b[^\n]*|"
                      r"now (?:the|for the|on to the) [\w -]{1,30} part[.!]?|"
                      r"(?:in )?this (?:post|note|part|notebook|chapter|article|page),? (?:we|I|is (?:only )?about|"
                      r"(?:only )?covers|looks at|goes through)\b[^\n]*|"
                      r"(?:see|check(?: out)?|have a look at|refer to) (?:the|our|my|this|that) [^.\n]{0,60}?\b"
                      r"(?:notebook|post|chapter|section|page|lecture|video|repo(?:sitory)?|tutorial|slides|appendix)s?\b"
                      r"[^.\n]{0,60}[.!]?)")
_CITE_FIRST = re.compile(r"\{cite(?::[a-z]+)?\}`[^`\n]+`(?![ \t]*:[ \t]*[\w$]).*")  # ("{cite}`neal2011` is the
# reference.": a source; not "{cite}`neal2011`: a wide network …" or "…: $\kappa_t$ growing …", the paper's claim)
# A paper's citation that labels its claim at a paragraph's start: the renderers show the role as nothing (": a …")
_CITE_LABEL = re.compile(r"(?m)^([ \t]*(?:[-*+][ \t]+)?)\{cite(?::[a-z]+)?\}`[^`\n]+`[ \t]*:[ \t]*([\w$])")
# A short label over citations only ("Review: {cite}`x`.", "Classic EI paper: {cite}`y`."): the renderers show each
# role as nothing, the learner reads "Review: ."
_CITED_ONLY = re.compile(r"(?:[\w'’-]+[ \t]){0,3}[\w'’-]+:[ \t]*(?:\{cite(?::[a-z]+)?\}`[^`\n]+`[ \t]*(?:,|;|and)?[ \t]*)+\.?")
_SOURCES = (_CITES, _READ_FIRST, _CITES_ASIDE, _ABOUT_THE_PAGE, _LINKING, _CITE_FIRST, _CITED_ONLY)  # (a sentence any of them matches whole says no fact)
# What a paragraph (in lower case) holds when one of its sentences may be a source, a paper cited or a remark that
# something was skipped: a token each of those patterns needs. A paragraph without any is kept whole, unsplit.
_SOURCE_HINT = AnyOf(r"\d\.\d|ch\b(?<!\wch)|§|[{:](?:ref|doc|numref|cite)[}:]|\[\[|\]\(|(?:19|20)\d\d|reference|cheat|"
                          r"lookup|no (?:proof|deriv|detail)|just the|only the|written|work in progress|unfinished|"
                          r"finish|write up|fill in|flesh out|clean up|tidy up|rewrite|(?:explanations?|derivations?|proofs?|"
                          r"details|versions?) (?:are|is|live)|version of|→|->|"
                          r"cleanest|clearest|best|nicest|\((?:short|stub|wip|draft)|continu|following on|picking up|"
                          r"carrying on|now (?:the|for the|on to)|this (?:post|note|part|notebook|chapter|article|page)|"
                          r"see (?:also|the|our|my|this|that|\[|\{)|check|have a look|refer to|needs|requires|prerequisite|"
                          r"builds on|assumes|cf\.")
# A paper cited and nothing said of it: "Hu et al. 2021, Low-Rank Adaptation of Large Language Models.", "Paper: Ho,
# Jain, Abbeel, Denoising Diffusion Probabilistic Models (NeurIPS 2020)." (its words in capitals, a title; a sentence
# that says what the paper found, "Rendle et al. 2020 showed that a dot product beats an MLP", stays)
_PAPER_YEAR = re.compile(r"\b(?:19|20)\d\d[a-z]?\b")
_PAPER_LABEL = re.compile(r"(?i)(?:papers?|ref(?:erence)?s?|source|based on)[ \t]*:[ \t]*|@[\w:.-]+[ \t]+[—–-][ \t]+")
_PAPER_LEAD = re.compile(r"\[?[A-Z][\w'’-]+|[\"“][A-Z]")  # (an author's name first, or the title in quotes)
_TITLE_WORD = re.compile(r"[^\W\d_][\w'’-]{3,}")  # (a word of four letters or more: "of", "for", "and" may be lower case)
_TITLE_SMALL = frozenset("with from into over under via without through about upon than onto using towards".split())  # (and these)
_TITLE_SHARE = 0.8
_QUOTED_TITLE = re.compile(r"(?:/(?:19|20)?\d\d)?[ \t]*[,.:;]?[ \t]*[\"“][^\"”\n]{8,200}[\"”][ \t.,]*$")
# The writer's remark that they left something out: "…, skipped it.", "Haven't tried it.", "didn't read it yet"
_SKIPPED = re.compile(r"(?i)(?:[ \t]*[,;—–][ \t]*|^)(?:(?:I|we)[ \t]+)?(?:skipped|skipping)[ \t]+(?:it|this|that|them|the proof)"
                      r"(?:[ \t]+for now)?|(?:[ \t]*[,;—–][ \t]*|^)(?:(?:I|we)[ \t]+)?(?:haven['’]t|have not|didn['’]t|did not)"
                      r"[ \t]+(?:tried|read|checked|done|looked at|got to|gotten to)[ \t]+(?:it|this|that|them)(?:[ \t]+yet)?"
                      r"(?=[ \t]*[.!]?[ \t]*$)")
# A bare "…, skip" closing an item or a paragraph ("heteroscedastic noise — needs a second GP, skip"): the writer's
# decision to leave it, not the fact before it
_SKIP_TAIL = re.compile(r"(?i)[ \t]*(?:[,;—–]|\.{2,}|…)[ \t]*(?:skip|skipping|skipped)(?:[ \t]+(?:it|this|that|for now))?"
                        r"[ \t]*[.!]?[ \t]*(?=\n[ \t]*(?:[-*+]|\d+[.)])[ \t]|\n[ \t]*\n|\s*\Z|\))")  # (or closing a parenthesis)
_LISTY = re.compile(r"(?m)^(?:[ \t]|[ \t]*[-*+|>]|\d)")  # (a line of a list, a table, a quote, or indented)
_LISTY_FIRST, _LISTY_NEXT = re.compile(_LISTY.pattern[4:]), re.compile(r"\n" + _LISTY.pattern[5:])  # (its first
# line, and the others after their "\n": a search that skips to a line break, where `^` is tried at every character)
_SKIPPED_WORDS = re.compile(r"skipp|n['’]t |not ")  # (of the text in lower case; a word first, without
# `\b` or `(?i)`, lets the regex engine skip to where a word could start: five times faster)
_MAY_CUT = AnyOf(f"{_SOURCE_HINT.pattern}|{_SKIPPED_WORDS.pattern}")  # (one pass: no paragraph of a back is tried)
_LEFT_WORDS = 6  # (what a card that cited its sources says besides: "Starting point for everything else." is nothing)
_DAY = re.compile(r"(?:today|tonight|yesterday|this (?:morning|afternoon|evening|week))\b")  # (of the text in lower
# case, found fast as `_SKIPPED_WORDS` is; no English word ends in these)
# What the writer means to do later ("Other stuff to write up later: progressive distillation, …"): a chore
_LATER = re.compile(r"(?i)\b(?:to (?:write up|read|look (?:at|into)|check|cover|add|do)|for) later\b")
# The writer's own run of it ("My numbers: at $t=500$, linear … vs cosine …"): their experiment, not the fact
_OWN_RUN = re.compile(r"(?im)^[ \t]*(?:my|our) (?:numbers|results?|runs?|experiments?|attempts?|timings?)\b")
_WRITER = re.compile(r"(?i)\b(?:i|i'm|i've|me|my|we|our|us)\b")
_INLINE_MATH = re.compile(r"\$[^$\n]+\$")  # (a formula's symbols, read as words, name no writer)
# a card that is the writer's day or the book's plan, not what it teaches
_DIARY = re.compile(r"(?i)[ \t]*(?:(?:spent|reading|read up|sat down|started|finally)\b[^.\n]{0,60}\b(?:on|about|with|into)\b|"
                    r"read (?:it |this )?for (?:the|my|our|a) [^.\n]{0,40}?(?:unit|course|class|module|seminar|exam|"
                    r"project|thesis|reading group)s?\b|"  # ("Read for the calibration unit.": why the writer read it)
                    r"(?:these|this) (?:are|is) (?:the|my|our) (?:course |lecture |study )?notes\b|"
                    r"(?:\*\*)?(?:did|done|tried)(?:\*\*)?[ \t]*:|"
                    r"(?:i[ \t]+)?(?:was|were)[ \t]+(?!(?:no|some|every|any)?thing\b)[a-z]{2,}ing[ \t]+)")  # ("Did: DDIM sampler
# on the toy model …", "was passing t as a raw float, switched to …": a day's log, what the writer was doing)
# A note of the symbols a text uses ("Notation: $x^\star$ a minimizer, $f^\star = f(x^\star)$."): how to read the
# rest, not a fact to recall
_NOTATION = re.compile(r"[ \t]*(?:\*\*)?notations?(?:\*\*)?[ \t]*(?:\*\*)?:", re.I)
# A back that only says a subject matters, not what it is or does: "Nearest neighbour search is a core component of
# retrieval and recommendation systems."
_PRAISE = re.compile(r"(?i)[^.!?\n]{1,80}?\b(?:is|are) (?:an? |the )?(?:(?:very|really|most|an?) )?(?:essential|core|"
                     r"important|key|fundamental|powerful|crucial|central|vital|popular|widely used) (?:tool|component|"
                     r"technique|concept|part|building block|method|topic|idea|ingredient)s?\b(?! (?:that|which|whose)\b)"
                     r"(?![^.!?\n]*\b(?:because|since|as it|so that|by)\b)"  # (a reason or a how is the fact: kept)
                     r"[^.!?\n;:]{0,100}\.?")
_POINTER = re.compile(r"(?i)[ \t]*(?:see(?: also)?|cf\.|related|compare)[ \t]*:?[ \t]+\[\[")
_POINTER_WORDS = 25
_TAKES_UP = re.compile(r"(?i)[ \t*_]*(?:how to\b.*[^?]|why(?:[ \t]+\S+){1,3}\.)")  # (a note's opening: "Why *this* loss.")
_POINTS = re.compile(r"\]\(|\[\[|\{(?:doc|ref)\}")  # ("How to set ℓ from the [last post](…).": the question, where from)
_OVERLAP_WORDS = 8  # (a card's text this long inside a callout's is that callout's text)
_DIARY_WORDS = 45
# a post announcing itself: "Here's the middle ground that made it click for me.", "This post does the two cases …"
_ANNOUNCES = re.compile(r"(?:here(?:'|’)s|here is|this (?:post|note|page|article|write-up) (?:does|shows|covers|"
                        r"walks|is|tries|goes))\b")  # (of the text in lower case) a card this short that tells the day ("Our fix today …") holds nothing else


# A heading over what the writer has yet to do or find out ("## Questions / todo", "## ???"): its items are open,
# not facts, and no card read out of prose comes from under it ("## Open questions" alone may hold answered ones,
# which are cards: lists.py leaves out those that only ask)
_OPEN_WORDS = re.compile(r"(?i)todos?|to-?dos?|to|do|open|unanswered|unresolved|remaining|questions?|ideas?|and|wip|"
                         r"follow-?ups?|later|misc")
_OPEN_SAYS = re.compile(r"(?i)todo|to-?do|\bto do\b")


@functools.lru_cache(maxsize=4096)  # (pure: the same text is asked again, by another form or card)
def open_items(heading: str) -> bool:
    """Whether a heading holds only what is open: a to-do (with questions or ideas, "Questions / todo"), or question
    marks alone ("???")."""
    heading = heading.strip()
    if not heading or "?" not in heading and not _OPEN_SAYS.search(heading):
        return False  # (the common heading: said cheaply)
    if not heading.strip("?!. "):
        return True
    words = re.findall(r"[\w-]+", heading)
    return bool(words) and all(_OPEN_WORDS.fullmatch(w) for w in words) and bool(_OPEN_SAYS.search(heading))


def _under_open_items(path: str, front: str) -> bool:
    """Whether a card comes from under an open-items heading (`open_items`): one of its path, or the question
    heading its front asks."""
    if "?" not in front and "do" not in front.lower() and "open" not in front.lower():
        return False
    asked = front.split("\n\n", 1)[1] if "\n\n" in front else ""
    return any(open_items(part) for part in path.split(" › ")) or open_items(asked) \
        or any(open_items(part) for part in front.split("\n\n", 1)[0].split(" › "))


_COURSE_WORDS = 12  # (a longer sentence that names a lecture says something of its own)
# A sentence that opens on the lecture and the work the page follows ("Lecture 3, plus Smith & Lee, *A Primer*
# (2019), which has good figures."): its sources, however long
_LECTURE_PLUS = re.compile(r"(?i)[*_]*lec(?:tures?|s)?\.?[ \t]*#?\d+[a-z]?[*_]*[ \t]*,?[ \t]*(?:plus|and|\+|&|with)[ \t]"
                           r"[^.$\n]{0,120}\([ \t]*(?:19|20)\d\d[a-z]?[ \t]*\)")
_FIELD_LINE = re.compile(r"(?m)^[ \t]*(?:[-*+][ \t]+)?[A-Za-z][\w-]*(?:[ \t][\w-]+){0,3}::(?:[ \t][^\n]*)?$\n?")
_LABELS = re.compile(r"(?m)^[ \t]*\([\w:.-]+\)=[ \t]*$")
_CLAUSE_END = re.compile(r"(?<=[!.;,])[ \t]+")


def _without_course(back: str) -> str:
    """The back without the writer's remarks on their course (`_COURSE`): a short sentence of a prose paragraph, or
    a clause of a parenthesis ("(don't bootstrap past terminal! got bitten by that in hw2)" → "(don't bootstrap
    past terminal!)"); '' when that was all of it."""
    kept = []
    for paragraph in back.split("\n\n"):
        if "```" in paragraph and "(" in paragraph and _COURSE.search(paragraph.lower()):
            paragraph = _outside_code(paragraph)  # (a remark on the code, under its fence)
        elif _COURSE.search(paragraph.lower()) and "$$" not in paragraph and not _listy(paragraph.strip()):
            if "(" in paragraph:
                paragraph = _PARENTHESIS.sub(_course_clauses, paragraph)
            found = sentences(" ".join(paragraph.split()))
            if len(said := [s for s in found if not _course_remark(s)]) < len(found):
                paragraph = " ".join(said)  # (else as written, its lines as they were)
            if not paragraph.strip():
                continue
        kept.append(paragraph)
    return "\n\n".join(kept)


def _outside_code(paragraph: str) -> str:
    """A paragraph's parentheses outside its code fences without their clauses on the writer's course."""
    lines, fenced = paragraph.split("\n"), False
    for k, line in enumerate(lines):
        if line.lstrip().startswith(("```", "~~~")):
            fenced = not fenced
        elif not fenced and "(" in line:
            lines[k] = _PARENTHESIS.sub(_course_clauses, line).strip() if _PARENTHESIS.fullmatch(line) \
                else _PARENTHESIS.sub(_course_clauses, line)
    return "\n".join(line for line in lines if line or not paragraph)


def _course_remark(sentence: str) -> bool:
    """Whether a short sentence names the writer's homework, exam or lecture (and holds no formula)."""
    return "$" not in sentence and (len(sentence.split()) <= _COURSE_WORDS and bool(_COURSE.search(sentence.lower()))
                                    or _LECTURE_PLUS.match(sentence) is not None)


def _course_clauses(parenthesis: re.Match) -> str:
    """A parenthesis without its clauses that speak of the writer's course; nothing when that was all of it."""
    clauses = _CLAUSE_END.split(parenthesis.group(1))
    said = [c for c in clauses if not _COURSE.search(c.lower())]
    if len(said) == len(clauses):
        return parenthesis.group(0)
    said_text = " ".join(said).rstrip(" ,;")
    return f" ({said_text})" if said_text else ""


def tidy(drafts) -> list:
    """The drafts (the `(siblings, heading path)` pairs of a walk) with to-do and link-only lines off their backs,
    without the cards that only tell the writer's day, nor a callout's card whose text another card holds."""
    kept = []
    others = [d.back for siblings, _ in drafts for d in siblings if d.form != CALLOUT]
    fronts = {d.front for siblings, _ in drafts for d in siblings}
    for siblings, path in drafts:
        first = siblings[0]
        if first.form in AUTHORED:
            kept.append((siblings, path))
            continue
        if _under_open_items(path, first.front):
            continue  # ("## Questions / todo": what the writer has yet to find out)
        paper, written = _paper_card(first, fronts), [d.back for d in siblings]  # (before any cut: a citation off)
        if not (first.form == CALLOUT and any(_overlaps(first.back, back) for back in others)) and _keeps(first):
            if all([_off_open(draft) for draft in siblings]) and all([off_the_back(draft) for draft in siblings]):
                _without_front_asides(siblings)
                cells_kept(siblings, written)  # (a table row's cells its front asks: its answer, whatever they say)
                kept.append((siblings, path))  # (a callout's card whose text its section's card shows: dropped;
                # so is a card that was nothing but to-do lines)
        if paper is not None:
            kept.append(([paper], path))
    return kept


def _off_open(draft) -> bool:
    """The writer's open questions off a card's back (`open_questions`); False when they were all it held."""
    back = without_open_questions(draft.back)
    if back != draft.back:
        draft.back = back
    return bool(back)


def _without_front_asides(siblings) -> None:
    """The writer's asides off the headings on the cards' fronts (`without_asides`), each card keeping its id."""
    for draft in siblings:
        if (front := without_asides(draft.front)) != draft.front:
            draft.id_front, draft.front = draft.id_front or draft.front, front


def _paper_card(draft, fronts: set[str]) -> Draft | None:
    """The card "Transformer › Paper" of the papers a note's opening cites for its subject ("Vaswani et al. 2017,
    "Attention Is All You Need"."): which paper introduced it is worth knowing, asked as that; the opening card
    keeps what it says of the subject (`_without_sources`). None for any other card."""
    if " › " in draft.front or "\n" in draft.front or not _MAY_CITE.search(draft.back.lower()):
        return None
    first = " ".join(draft.back.split("\n\n", 1)[0].split())
    cited = [s for s in sentences(first) if _cites_paper(s) and not _says_source(s)]  # ("Mostly from Titsias 2009,
    # Bauer et al. 2016 and …": where the page comes from, not the paper that brought the subject)
    front = f"{draft.front} › Paper"
    if not cited or front in fronts:
        return None
    # (its id from its own front, rooted in the subject: a fixed "Paper" gave every note's paper card one id)
    return replace(draft, kind=CardKind.BASIC, front=front, back=" ".join(_PAPER_LABEL.sub("", s, count=1)
                                                                         for s in cited), id_front="")


def _overlaps(callout: str, other: str) -> bool:
    """Whether another card holds a callout's text, or the callout holds that card's (a label line inside it,
    "Bias/variance in one line: MC = unbiased, …", is a card "… › Bias/variance in one line" of its own)."""
    if callout in other or (told := without_author(callout)) and told != callout and told in other:
        return True  # (or its text without the author's aside: "That's the one-liner I always forget …")
    words = other.split()
    return len(words) >= _OVERLAP_WORDS and " ".join(words) in " ".join(callout.split())  # (lines wrapped alike or not)


def _keeps(draft) -> bool:
    """Whether a card says anything once the writer's day is off its back (which this takes off), and is more
    than a pointer to another note."""
    back = draft.back
    if _NOTATION.match(back) or _NOTATION.match(draft.front.rsplit("\n\n", 1)[-1]):
        return False  # (a notation note, or a formula card it introduces)
    if "skip" in back and _SKIP_TAIL.search(back):
        back = draft.back = _without_skips(back)
        if not back:
            return False
    if holds_progress(back):
        back = draft.back = _without_progress(back)
        if not back:
            return False  # ("started, got lost at the natural gradients bit": how far the writer got)
    if "{cite" in back:
        back = draft.back = _CITE_LABEL.sub(lambda m: m[1] + m[2].upper(), back)
    if "::" in back and (FIELD_IN_TEXT.search(back) or _FIELD_LINE.search(back)):
        back = draft.back = one_break(_FIELD_LINE.sub("", without_fields(back))).strip()  # ("… [source::
        # Bishop 10.1]", "  reviewed:: yes" under an item: Dataview fields, the note's metadata)
        if not back:
            return False
    if "```" in back or "~~~" in back:
        back = draft.back = _without_loose_code(without_bare_fences(back), draft.front)
        if not back:
            return False  # (an item that only opened a code block, none of it shown)
    if _COURSE_HINT.search(low := back.lower()) and _COURSE.search(low) and (taught := _without_course(back)) != back:
        if not _LABELS.sub("", taught).strip():
            return False  # ("Lectures 1–2 + C&T ch. 2.": the writer's course, nothing of the subject; a MyST
            # target, "(surprisal)=", which no reader sees, is nothing either)
        draft.back = back = taught
    if " › " not in draft.front and "\n" not in draft.front and _blurb(back.split("\n\n", 1)[0]):
        back = draft.back = back.partition("\n\n")[2].lstrip()  # (what the note is about, where it follows from)
        if not back:
            return False
    if "\n" not in (said := back.strip()) and _PRAISE.fullmatch(said):  # (no part of it takes a line break: a back
        return False  # of lines is none) (that the subject matters, and nothing of it)
    if _may_cut(back) and _MAY_CITE.search(back.lower()) and (cited := _without_sources(back)) != back:
        if len(cited.split()) < _LEFT_WORDS:
            return False  # ("Starting point for everything else. Cover & Thomas 2.1, MacKay 2.4.")
        draft.back = back = cited
    if "](" in back and (_LINKS.fullmatch(back.strip()) or _NAVIGATION.fullmatch(back.strip())) or lists_pages(back):
        return False  # ("Link back: [kernels](2026-10-06.qmd), [posterior](2026-10-08.qmd).": where, not what)
    if _POINTER.match(back) and "\n\n" not in back and len(back.split()) <= _POINTER_WORDS:
        return False  # ("See also [[Label smoothing]] (KL to uniform shows up there).": where to read, not what)
    if _tells_day(back.lower()) or _DIARY.match(back) or _writers_plan_or_run(back):
        told = [part for part in back.split("\n\n") if not _diary(part)]
        if not told:
            return False  # (nothing but the day)
        back = "\n\n".join(told)
    if "\n\n" in back and _restates(draft.front, back):  # ("Permutation tests + multiple comparisons." over
        back = back.split("\n\n", 1)[1].lstrip()  # its own front)
    elif ". " in back[:80] and (first := sentences(back.split("\n", 1)[0])) and len(first) > 1 \
            and back.startswith(first[0]) and _restates(draft.front, first[0]):
        back = back[len(first[0]):].lstrip()  # ("Hyperparameters. This is where …" under "Hyperparameters")
    draft.back = back
    return True


def _without_skips(back: str) -> str:
    """The back without the bare "…, skip" closing its lines (`_SKIP_TAIL`); a line that is then only names ("Lion,
    Sophia, Muon... skip for now": what the writer left unread, nothing said of it) goes whole."""
    lines = []
    marked = _SKIP_TAIL.sub(lambda m: "\x00." if "." in m.group(0).lstrip(" \t.…") else "\x00", back)  # (each tail
    # marked where it was; the full stop of a sentence it closed stays)
    for line in marked.split("\n"):
        if "\x00" in line and not LOWER_WORD.search(line := line.replace("\x00", "")):
            continue
        lines.append(line)
    return one_break("\n".join(lines)).strip()


def _blurb(back: str) -> bool:
    """Whether a note's opening paragraph only names the question the note takes up (`_TAKES_UP`)."""
    found = sentences(back.strip()) or [""]  # (then at most a sentence that points at another note)
    return bool(_TAKES_UP.fullmatch(found[0])) and (len(found) == 1 or len(found) == 2 and bool(_POINTS.search(found[1])))


def _may_cut(back: str) -> bool:
    """Whether `_without_sources` may take a sentence off the back: a paragraph of it it reads (prose, no display
    formula) holds a word of `_MAY_CUT` (the common back, whose lists and formulas are no sentences, said faster)."""
    return any("$$" not in paragraph and not _listy(paragraph.strip()) and _MAY_CUT.search(paragraph.lower())
               for paragraph in back.split("\n\n"))


def _listy(text: str) -> bool:
    """`_LISTY.search(text)`: a line of a list, a table, a quote, or indented."""
    return _LISTY_FIRST.match(text) is not None or _LISTY_NEXT.search(text) is not None


def _tells_day(low: str) -> bool:
    """Whether a text in lower case names the writer's day (`_DAY`) or announces itself (`_ANNOUNCES`), each pattern
    searched only in a text holding a word every phrase of it holds (a substring test is several times faster)."""
    if ("this " in low or "today" in low or "tonight" in low or "yesterday" in low) and _DAY.search(low):
        return True
    return ("here" in low or "this " in low) and bool(_ANNOUNCES.search(low))


def _without_sources(back: str) -> str:
    """The back without the sentences of its prose paragraphs that only cite where to read, what to read first, or
    speak of the page itself (`_SOURCES`)."""
    kept, cut = [], False
    for paragraph in back.split("\n\n"):
        if not _MAY_CUT.search(paragraph.lower()):
            kept.append(paragraph)  # (the common paragraph: nothing in it to cut)
            continue
        if "$$" not in paragraph and not _listy(paragraph.strip()):
            found = sentences(" ".join(paragraph.split()))
            said = [s for s in map(_without_skipped, found) if s and not (_says_source(s) or _cites_paper(s))]
            if said != found:
                cut, paragraph = True, " ".join(said)
                if not said:
                    continue
        kept.append(paragraph)
    return "\n\n".join(kept) if cut else back


def _says_source(sentence: str) -> bool:
    """Whether a sentence only says where to read or speaks of the page (`_SOURCES`); a sentence of the common kind,
    with no word any of them needs, is not tried against them."""
    return bool(_SOURCE_HINT.search(sentence.lower())) and any(pattern.fullmatch(sentence.strip()) for pattern in _SOURCES)


def _cites_paper(sentence: str) -> bool:
    """Whether a sentence only cites a paper: authors first (after a "Paper:" label), a year, and otherwise only the
    words of a title, most of them in capitals."""
    if "19" not in sentence and "20" not in sentence:
        return False  # (no year: the common case, said cheaply)
    sentence = re.sub(r"\]\([^)]*\)", "]", _PAPER_LABEL.sub("", sentence.strip(), count=1))  # (a link's address
    # is no word of it, nor its year)
    if not _PAPER_LEAD.match(sentence) or not (year := _PAPER_YEAR.search(sentence)):
        return False
    before = _TITLE_WORD.findall(sentence[:year.start()])
    if any(w[0].islower() and w not in _TITLE_SMALL for w in before):
        return False  # ("Adapted to subword segmentation by Sennrich et al. (2016), …": what happened, then who)
    if _QUOTED_TITLE.match(sentence, year.end()):
        return True  # ('He, Chen et al. 2021/2022, "Masked autoencoders are scalable vision learners".': its title
        # quoted, in whatever case)
    words = [w for w in _TITLE_WORD.findall(sentence) if w not in _TITLE_SMALL]
    return len(words) >= 2 and sum(w[0].isupper() for w in words) >= _TITLE_SHARE * len(words)


def _without_skipped(sentence: str) -> str:
    """A sentence without the writer's remark that they left its subject out ("…, skipped it."); '' when that was
    all of it ("Haven't tried it.")."""
    if not _SKIPPED_WORDS.search(sentence.lower()) or not (remark := _SKIPPED.search(sentence.rstrip(" .!"))):
        return sentence  # (no word of such a remark: the common case, said cheaply)
    kept = sentence[:remark.start()].rstrip(" ,;—–")
    return kept + "." if kept else ""


def _restates(front: str, back: str) -> bool:
    """Whether the back's first paragraph only says the front's last part again (a day's topic line, its subject)."""
    said = front.rsplit("\n\n", 1)[-1].rsplit(" › ", 1)[-1]
    return back.split("\n\n", 1)[0].strip().rstrip(".:").casefold() == said.strip().casefold()


def _writers_plan_or_run(text: str, whole: bool = False) -> bool:
    """Whether a text holds what the writer means to do later or their own run (`whole`: opens on it)."""
    if "later" in text and _LATER.search(text):
        return True
    if not ("y " in text or "ur " in text):  # ("My numbers", "Our results": said cheaply)
        return False
    return bool(_OWN_RUN.match(text) if whole else _OWN_RUN.search(text))


def _diary(back: str) -> bool:
    """Whether a short card tells the writer's day or the book's plan, and nothing else."""
    if len(back.split()) > _DIARY_WORDS:
        return False
    if _DIARY.match(back) or (_DAY.search(back.lower()) and _WRITER.search(_INLINE_MATH.sub(" ", back))) \
            or _writers_plan_or_run(back, whole=True):  # (the $i$ of "ranks $i < b$" is no writer)
        return True
    last = re.split(r"(?<=[.!])\s+", back.strip())[-1]  # ("… Here's the middle ground that made it click for me.")
    return bool(_ANNOUNCES.match(last.lower())) and bool(_WRITER.search(last)) and ":" not in last  # ("Here's how I
    # remember it: …" says something)
