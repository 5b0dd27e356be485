"""The vault's housekeeping, which a card read out of prose never holds: what a note-taking tool's starter page
tells its reader about the vault ("This is the root of your vault. … You are free to customize this page."),
a hub note whose lines each name a note of the vault by link or by its dotted hierarchy name ("- [[ml.pgm]] —
the graphical models course", "- ml.optim", "scratch notes go under `scratch.*`"), a deadline the writer keeps
("PS3 due Tue: Q2, Q4"), and the opening line that only titles a note named by a timestamp ("EM — scratch, from
lecture 11", whose topic is the note's subject: its cards ask about EM). Each is a rule on the form of a line, not
on its words' subject. Pure: drafts in, drafts out.
"""

from __future__ import annotations

import re
from pathlib import PurePosixPath

from mlwiki.extract.prose import sentences
from mlwiki.extract.readme_sections import readme_cards
from mlwiki.extract.recaps import restated_recaps
from mlwiki.extract.session_notes import without_session_notes

# The reader addressed about the page or vault itself: "your vault", "this page", "your landing page"
_YOU = re.compile(r"(?i)\byou(?:r)?\b")
_PAGE = re.compile(r"(?i)\b(?:this (?:page|note|vault|site|wiki|workspace)|your (?:\w+ )?(?:vault|workspace|site|"
                   r"wiki|landing page|notes)|landing page|front ?matter)\b")
# A deadline: "PS3 due Tue", "report due Friday", "HW 2 due 3/14", "essay due tomorrow"
_DUE = re.compile(r"(?i)[^\n›]{1,40}?\bdue(?:[ \t]+(?:on|by|this|next))?[ \t]+(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?|"
                  r"today|tonight|tomorrow|(?:next )?week|\d{1,2}(?:[./-]\d{1,2}){0,2}(?:st|nd|rd|th)?)\b[^\n›]{0,20}")
_LINK = re.compile(r"\[\[[^\]\n]+\]\]|\[[^\]\n]*\]\([^)\s]+\)")  # (a line that opens on one: an item of a hub)
# A glob of a note hierarchy, in code: "`scratch.*`", "`ml.pgm.inference.*`"
_GLOB = re.compile(r"`[a-z][\w-]*(?:\.[a-z][\w-]*)*\.\*`")
_MATH = re.compile(r"\$")
# A link that names a work by its authors and year ("[[Smith et al 2021]]", "[[Vaswani 2017]]")
_CITED = re.compile(r"\[\[[^\]\n]*\b(?:19|20)\d\d[a-z]?\]\]")
_WORDS = re.compile(r"[^\W\d_][\w'’-]*")
_CLAIM_WORDS = 8  # (after the link: a claim, not a title or a course's week)
_MAX_LABEL_CHARS = 60
# A list item that is one link to a page of the site (not a web address), its text a title then an emphasised subtitle
_TITLED_LINK = re.compile(r"[ \t]*(?:[-*+]|\d+[.)])[ \t]+\[[^\]\n*_]+[ \t]+([*_])[^\]\n*_]+\1\]\((?![a-z]+:)[^)\s]+\)[ \t]*")
# What is left of a line of links once they are gone: a bullet, a label of a few words, arrows and commas
# (a doc tree's "Sub-docs: [A](…) · [B](…)\\", "Evaluation lives in its own doc: [C](…)", a hard break at its end)
_LABEL_ONLY = re.compile(r"[ \t]*(?:[-*+]|\d+[.)])?[ \t]*[^\W\d_][\w'’-]*(?:[ \t]+[^\W\d_][\w'’-]*){0,5}[ \t]*"
                         r"(?:[:→⇒—–]|->)(?:[ \t,;&+·•|\\]|\band\b)*")


def housekeeping_dropped(drafts, ctx, titled_by_opening: str = "") -> list:
    """The drafts (`(siblings, heading path)` pairs) without the cards of the vault's housekeeping: a tool's
    starter text addressed to its reader, a hub of note names (`ctx.path`: the note's, whose dotted children its
    lines may name), a deadline, and, when a note named by a timestamp took its subject from its opening line
    (`titled_by_opening`: that subject), the card of that line; then a recap's bullets the note carded above, the
    record of a class session under the note's title, and a README's sections about its repository."""
    stem = PurePosixPath(ctx.path).stem
    kept = []
    for siblings, heading in drafts:
        first = siblings[0]
        if len(siblings) == 1 and (_addresses_reader(first.back) or _names_notes(first.back, stem)
                                   or _deadline(first.front) or _titles_note(first, titled_by_opening)):
            continue
        kept.append((siblings, heading))
    return readme_cards(without_session_notes(restated_recaps(kept)), ctx.study_lines)


def _addresses_reader(back: str) -> bool:
    """Whether every sentence of a back speaks to its reader of the page or vault itself ("If you publish your
    vault, this will be your landing page."): a tool's starter page, nothing of a subject."""
    if "you" not in back.lower() or "$" in back:
        return False  # (said cheaply: the common back)
    said = sentences(back.strip())
    return bool(said) and all(_YOU.search(s) for s in said) and any(_PAGE.search(s) for s in said)


def _names_notes(back: str, stem: str) -> bool:
    """Whether every line of a back names a note of the vault: a link, one of this note's children by its dotted
    name ("ml.optim" in `ml.md`), or a glob of a hierarchy ("`scratch.*`"): a hub, where notes are, not what."""
    if not stem or not ("[[" in back or "](" in back or "`" in back or f"{stem}." in back) or _MATH.search(back):
        return False  # (said cheaply: the common back)
    opens = re.compile(rf"[ \t]*(?:[-*+]|\d+[.)])?[ \t]*(?:(?:{_LINK.pattern})[ \t]*(?:[—–:,]|--?[ \t])[ \t]*\S|"
                       rf"{re.escape(stem)}\.[a-z][\w-]*)")  # (a link with what its page holds, not bare links to the members
    # of a kind, "- [[Shapiro-Wilk]]"; a child note)
    lines = [line for line in back.split("\n") if line.strip()]
    return all(opens.match(line) and not _cites_claim(line) or _GLOB.search(line) or _points_to_notes(line)
               or _lists_page(line) for line in lines)


def _lists_page(line: str) -> bool:
    """Whether a list item is only a link to a page of the site whose text is the page's title and its subtitle in
    emphasis ("- [PSI *our default drift score*](/en/drift/psi)", a Wiki.js links list): a hub's entry, no fact."""
    return "](" in line and _TITLED_LINK.fullmatch(line) is not None


def _cites_claim(line: str) -> bool:
    """Whether a line that opens on a link gives, after it, a claim of the work it names ("[[Smith et al 2021]]: deep
    ensembles beat MC dropout on every shift they tried"): what a paper found, not what a note holds (a hub's line says
    that in a few words: "[[la.svd]] — singular value decomposition, the course's week 5")."""
    said = _LINK.sub(" ", line, count=1)
    return _CITED.search(line) is not None and len(_WORDS.findall(said)) >= _CLAIM_WORDS


def _points_to_notes(line: str) -> bool:
    """Whether a line is a short label and links only ("cleaned up → [[Dropout]], [[Weight decay]]", "details:
    [[SVD]]"): where the writer put things, nothing to recall (not "used in [[SVM]]", a fact, nor bare links, the
    members of a kind: "- [[Shapiro-Wilk]]")."""
    if "[[" not in line and "](" not in line:
        return False
    rest = _LINK.sub(" ", line)
    return len(rest) <= _MAX_LABEL_CHARS and _LABEL_ONLY.fullmatch(rest) is not None


def _deadline(front: str) -> bool:
    """Whether a front's last part is a deadline the writer keeps ("PS3 due Tue"): a chore, not a subject."""
    if "due" not in front:
        return False
    last = front.split("\n\n", 1)[0].rsplit(" › ", 1)[-1].strip()
    return bool(_DUE.fullmatch(last))


def _titles_note(draft, subject: str) -> bool:
    """Whether a card is the opening line that titled a timestamped note: its front the subject read off it, its
    back that line ("EM — scratch, from lecture 11 …"), which says where the note comes from, not a fact."""
    return bool(subject) and draft.front == subject and re.match(rf"{re.escape(subject)}[ \t]+(?:—|–|--?)[ \t]",
                                                                 draft.back) is not None
