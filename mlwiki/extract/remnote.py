"""A RemNote document exported to Markdown read as RemNote shows it, line for line.

RemNote exports a document as one outline of bullets ("rems"), its flashcards written inside them:
`Concept :: definition`, `Question >> answer`, `answer << Question` (backwards), `Term <> other term` (both ways),
`property ;; value` (a descriptor), `Question >>>` over child bullets that are its answer, and `{{cloze}}`
deletions; `##Tag` tags a rem. Here such a document reads as the note it stands for: a rem that is no card and has
children is a heading over them (as RemNote shows a rem's children under it, and its cards under that breadcrumb);
the cards are mlwiki's forms (`::`, `:::`; a cloze rem is a card whose front shows its blanks as `[...]` and whose
back is what they hide), each on its own list item; a `>>>` card is a one-line card
whose answer is its child bullets, joined; a descriptor is asked under the rem it describes, a journal's diary
entries are no cards (`remnote_rems`); a heading rem ("# Setup") shows no `#`; tags show nothing. A note is read so when it is an outline (most of its lines bullets) with
at least two of RemNote's cards in it. Code is never touched.

Pure: a note's text in, the same number of lines out.
"""

from __future__ import annotations

import re

from mlwiki.extract.remnote_export import exported_by_remnote
from mlwiki.extract.remnote_rems import journal, unasked, with_subjects
from mlwiki.render.spans import fenced_lines

_BULLET = re.compile(r"([ \t]*)[-*+][ \t]+(\S.*)")
_TWO_SIDED = re.compile(r"[ \t](>>|<<|<>|::|;;)[ \t]")
_MULTI = re.compile(r"(.*?)[ \t]*(?:>>>|::|;;|>>)[ \t]*")  # (a question over its child bullets)
_OWN_CARD = re.compile(r"[ \t](?:>>|<<|<>|;;)(?:[ \t]|$)")  # (RemNote's cards that no other outliner writes)
_CLOZE = re.compile(r"\{\{(?!c\d+::)([^{}\n]+)\}\}")
_TAG = re.compile(r"(?<!\S)##[\w/-]+")
_CUES = (">>", "<<", "<>", " :: ", ";;", "{{")
_MD_HEADING = re.compile(r"#{1,6}[ \t]")
_HEADING_MARK = re.compile(r"#{1,6}[ \t]+")  # (a rem RemNote shows as a heading: "# Setup" shows "Setup")
MIN_CARDS = 2
MIN_BULLET_SHARE = 0.6
MAX_HEADING = 6


def as_remnote_shows(body: str, exported: bool = False) -> str:
    """`body` as the note its RemNote outline stands for (see the module's doc); `body` itself when it is none.
    `exported`: RemNote's exporter wrote it (`remnote_export`), so it is read as an outline whatever cards it holds
    (a document of notes with one `::` row is still RemNote's: its "# Heading" rems are headings)."""
    if not exported and not any(cue in body for cue in _CUES):
        return body
    lines = body.split("\n")
    fenced = fenced_lines(lines)
    bullets = {k: (_depth(m.group(1)), _HEADING_MARK.sub("", m.group(2), count=1)) for k, line in enumerate(lines)
               if not fenced[k] and (m := _BULLET.fullmatch(line))}
    filled = sum(1 for k, line in enumerate(lines) if line.strip() and not fenced[k])
    cards = sum(1 for _, text in bullets.values() if _is_card(text))
    if (cards < MIN_CARDS and not exported) or len(bullets) < MIN_BULLET_SHARE * filled:
        return body
    order = sorted(bullets)
    if journal(body):
        headings = [k for k, line in enumerate(lines) if not fenced[k] and _MD_HEADING.match(line)]
        for k in unasked(order, bullets, _is_card, headings):
            lines[k] = ""
            del bullets[k]
        order = sorted(bullets)
    bullets = with_subjects(order, bullets)
    headed: list[int] = []  # (the depths of the headings the rems above stand for)
    answered_to = -1  # (the last line of a `>>>` card's answer, read into its card)
    for at, k in enumerate(order):
        if k <= answered_to:
            lines[k] = ""
            continue
        depth, text = bullets[k]
        while headed and headed[-1] >= depth:
            headed.pop()
        children = _descendants(order, bullets, at)
        indent = "  " * max(0, depth - (headed[-1] + 1 if headed else 0))
        if children and (multi := _MULTI.fullmatch(text)):
            answer = "; ".join(_TAG.sub("", bullets[c][1]).strip() for c in children)
            lines[k], answered_to = f"{indent}- {_TAG.sub('', multi.group(1)).strip()} :: {answer}", children[-1]
        elif children and not _is_card(text) and len(headed) + 2 <= MAX_HEADING:
            lines[k] = "#" * (len(headed) + 2) + " " + _TAG.sub("", text).strip()
            headed.append(depth)
        else:
            lines[k] = indent + "- " + _as_card(text) if _TAG.sub("", text).strip() else ""
    return "\n".join(lines)


def written_in_remnote(body: str) -> bool:
    """Whether a note is a RemNote outline by the marks only RemNote writes: two of its rems are cards written in
    RemNote's own `>>`, `<<`, `<>` or `;;` (`::` and `{{…}}` are Logseq's and Roam's too), or one is and a rem
    holds only `##tags`; or its exporter laid it out (`remnote_export`)."""
    if exported_by_remnote(body):
        return True  # (its exporter's own layout of code, math and pictures)
    if ">>" not in body and "<<" not in body and "<>" not in body and ";;" not in body:
        return False  # (nearly every note, said cheaply)
    rems = [m.group(2) for line in body.split("\n") if (m := _BULLET.fullmatch(line))]
    tagged = any(_TAG.search(rem) and not _TAG.sub("", rem).strip() for rem in rems)
    return sum(1 for rem in rems if _OWN_CARD.search(rem)) + tagged >= MIN_CARDS


def _descendants(order: list[int], bullets: dict[int, tuple[int, str]], at: int) -> list[int]:
    """The lines of the bullets under the one at `order[at]` (deeper, up to the next that is not)."""
    depth, found = bullets[order[at]][0], []
    for k in order[at + 1:]:
        if bullets[k][0] <= depth:
            break
        found.append(k)
    return found


def _depth(indent: str) -> int:
    """A bullet's depth from its indent: a tab, or two to four spaces, a level (RemNote writes tabs or four)."""
    tabs, spaces = indent.count("\t"), len(indent.replace("\t", ""))
    return tabs + (spaces + 1) // 4 if spaces >= 4 or not spaces else tabs + 1


def _is_card(text: str) -> bool:
    return bool(_TWO_SIDED.search(text) or _CLOZE.search(text) or text.rstrip().endswith(">>>"))


def _as_card(text: str) -> str:
    """A rem's text with its card in mlwiki's form and its tags off."""
    text = _TAG.sub("", text).strip()
    if found := _TWO_SIDED.search(text):
        front, back = text[:found.start()].strip(), text[found.end():].strip()
        kind = found.group(1)
        if kind == "<<":
            front, back = back, front
        if front and back:
            return f"{front} {':::' if kind == '<>' else '::'} {back}"
    if "{{" in text and (hidden := _CLOZE.findall(text)):
        # (asked as a card of its own, its blanks on the front: a cloze in a list would make the list one card)
        return _CLOZE.sub("[...]", text) + " :: " + "; ".join(h.strip() for h in hidden)
    return text
