"""Zettlr's links by a note's id (`[[20250904111530]]`) as a reader of the card takes them: a learner never sees the
bare number. Zettlr users write the linked note's title after the link (`[[id]] MC dropout`, as Zettlr inserts it)
or the link after a name (`MC dropout ([[id]])`, `like Laplace [[id]]`): there the link is a reference and shows as
nothing, brackets and all. Where the link stands for the note (`see [[id]]`, `→ [[id]]`, `the BMA from [[id]]`) it
shows that note's title, which the scan found by the id (`NoteContext.zettels`, from `sources.zettels`); a link
whose note is unknown shows as nothing, with the "see" or arrow that led to it.

Fronts made from prose hold the id without brackets (`clean_prose` keeps a link's target): there the number is
read the same way when it is the id of a note the note links to. A front that changes keeps its id (`id_front`).
Pure: strings and drafts in, strings and drafts out.
"""

from __future__ import annotations

import re

from mlwiki.extract.draft import Draft

_ID = r"(?:19|20)\d{8}(?:\d{2}){1,2}"
# A link by id, or (group 2) an id alone, as a front made from prose has it
_LINK = re.compile(rf"\[\[({_ID})\]\]|(?<![\w/\[|#-])({_ID})(?![\w/\]|-])")
# Where a line's text starts: a list marker, a quote's, a table cell's
_LINE_START = re.compile(r"[ \t]*(?:[-*+>|][ \t]*|\d{1,3}[.)][ \t]*)*\Z")
# The word before a link that makes the link the thing named ("see [[id]]", "in [[id]]"): not a name it refers to
_LEADS = frozenset("see also cf compare in into from to with of on at by for and or vs versus via than under per "
                   "about like unlike the a an this that these its their my our is are was note notes permanent "
                   "literature reading related links link next previous as same both between over using".split())
# A word the writer wrote after a mid-line link (dashes of any kind joining its parts), to match the title's words
_AFTER_WORD = re.compile(r"[ \t]+\**([^\W\d_][\w'’\-–—]*)\**")
_TITLE_WORD = re.compile(r"[^\W_]+")
_FIRST_WORD = re.compile(r"[ \t]*\**([^\W\d_][\w-]{2,})")
_LAST_WORD = re.compile(r"([\w$*)\]’'-]+)[ \t]+\Z")
_POINTER = re.compile(r"(?:\b[Ss]ee(?: also)?|→|->|⇒)[ \t]*\Z")


def with_zettel_titles(drafts: list[tuple[list[Draft], str]], titles: dict[str, str]
                       ) -> list[tuple[list[Draft], str]]:
    """The drafts with every link by id shown as the reader takes it (`shown`); a front that changed keeps the
    id it had (`id_front`)."""
    if not titles:
        return drafts
    for group, _ in drafts:
        for draft in group:
            front = shown(draft.front, titles)
            if front != draft.front:
                draft.id_front = draft.id_front or draft.front
                draft.front = front
            draft.back = shown(draft.back, titles)
            draft.text = shown(draft.text, titles) if draft.text else draft.text
    return drafts


def shown(text: str, titles: dict[str, str]) -> str:
    """The text with each link by id (and each known id alone) as a reader takes it: nothing where it refers back
    to a name or leads into the title written after it, else the title of the note it stands for."""
    if not any(key in text for key in titles):
        return text
    out, pos = [], 0
    for match in _LINK.finditer(text):
        key = match.group(1) or match.group(2)
        if match.group(2) and key not in titles:
            continue  # (a number that is no linked note's id)
        start, end, title = match.start(), match.end(), titles.get(key, "")
        before = "".join(out) + text[pos:start]
        start, end, said = _reading(before, text, start, end, title)
        out = [before[:start], said]
        pos = end
    out.append(text[pos:])
    return "".join(out)


def _reading(before: str, text: str, start: int, end: int, title: str) -> tuple[int, int, str]:
    """(where the replaced text starts in `before`'s terms, where it ends in `text`, what replaces it)."""
    stripped = before.rstrip(" \t")
    after = text[end:]
    if stripped.endswith("(") and after.lstrip(" \t").startswith(")"):  # "MC dropout ([[id]])": a reference
        cut = len(stripped) - 1
        return len(before[:cut].rstrip(" \t")), end + after.index(")") + 1, ""
    line = before[before.rfind("\n") + 1:]
    if _LINE_START.match(line) and _title_follows(after, title) or \
            title and after.lstrip(" \t*").casefold().startswith(title.casefold()):  # "- [[id]] MC dropout — …",
        # "Related: [[id]] MC dropout" (the title written after the link: shown once)
        return len(before), end + len(after) - len(after.lstrip(" \t")), ""
    told = _title_told(after, title)
    if told:  # "→ [[id]] pre-image problem": the words after it are the title's, shown once with the title's own
        return len(before), end + told, title
    named = _LAST_WORD.search(before)
    if named and named.group(1).strip("*").lower() not in _LEADS and not _POINTER.search(before):
        return len(before.rstrip(" \t")), end, ""  # "like Laplace [[id]] —": the link names what came before
    if title:
        return len(before), end, title
    pointer = _POINTER.search(before)
    return (pointer.start() if pointer else len(before.rstrip(" \t"))), end, ""


def _title_follows(after: str, title: str) -> bool:
    """Whether the words after a link at a line's start are the linked note's title, as Zettlr writes it there:
    its whole title, or a word of it (an unknown note's link there is a reference too)."""
    word = _FIRST_WORD.match(after)
    if word is None:
        return False
    if not title:
        return True
    return after.lstrip(" \t*").casefold().startswith(title.casefold()) or \
        word.group(1).casefold() in title.casefold().split()


def _title_told(after: str, title: str) -> int:
    """How much of `after` (the text after a mid-line link) repeats words of the linked note's title, as a writer
    types a short name after the link (`[[id]] pre-image problem` for "Kernel PCA pre-image problem"): 0 if none."""
    words = {w.casefold() for w in _TITLE_WORD.findall(title)}
    told = 0
    for match in _AFTER_WORD.finditer(after):
        if match.start() != told:
            break
        parts = [w.casefold() for w in _TITLE_WORD.findall(match.group(1))]
        if not parts or not words.issuperset(parts) or not told and parts[0] in _LEADS:
            break
        told = match.end()
    return told
