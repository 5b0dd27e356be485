"""What only says where the notes come from, on a card: a Pandoc citation key (`[@smith2019]`, `[see @a, ch. 7;
@b]`, as Zettlr and Quarto write one), which a card shows raw, since it has no bibliography to resolve it in; and a
card whose back is nothing but a source: a line of references once its keys are off ("Original references: margin
classifiers [@a]; soft margin later [@b]."), a bare citation ("Smith et al., ICML 2019."), a note's line naming its
textbook ("Textbook: Smith & Jones + the lecture slides."). The keys go from every side (a card whose front changes
keeps its id, `id_front`); such a card goes whole. Pure: drafts in, drafts out.
"""

from __future__ import annotations

import re
from dataclasses import replace

# A citation in brackets: an optional prefix ("see "), "@key" (or "-@key"), a locator or more keys; not a link's text
# (`[[@chen2020]]` is a link to the note named so, as Obsidian's Zotero plugins name a paper's note: no citation)
_KEY = re.compile(r"[ \t]?(?<!\[)\[(?:[^\[\]\n@]{0,30}[ \t;])?-?@[^\W_][\w:.#/-]*[^\[\]\n]{0,60}\](?![(\]])")
_LITERAL = re.compile(r"`[^`\n]*`|\$[^$\n]*\$")  # (code and math hold no citation: `x[@i]`)
# The line break before a key that opens its line and ends its clause ("…by Rubin\n[@rubin1974]; Holland …"): with the
# key off, the mark it leaves goes back on the line before, not after a space ("Rubin ; Holland")
_KEY_OPENS_LINE = re.compile(rf"[ \t]*\n[ \t]*(?={_KEY.pattern}[.;,:)])")
# What a key leaves behind: a label with nothing after it ("Paper: . Idea: …"), a mark or the dash after a key that
# opened the text ("[@he2016] -- won …": the heading names what won), a space before punctuation
_EMPTY_LABEL = re.compile(r"(?m)(?:^|(?<=[.!?][ \t]))[^\W\d_][\w ]{0,20}:[ \t]*[.;,][ \t]*")
_OPENING_MARK = re.compile(r"\A[ \t]*(?:[.;,]|--|—|–)[ \t]*")  # (": the key -- won …": its dash too)
_SPACED = re.compile(r"[ \t]+(?=[.;,:)])")
# The label of a line that only names the notes' sources
_SOURCES = r"(?:original |main |key |further )?(?:references?|papers?|sources?|citations?|bibliography|readings?|" \
           r"(?:course |main )?(?:text ?book|book)s?)"
_SOURCE_LINE = re.compile(rf"(?i)[*_]*{_SOURCES}[*_]*:[*_]*[ \t]+(?P<rest>[^\n.!?]*(?:\.[ \t]*)?)")
# A bare citation: authors ("Smith et al.", "Smith & Jones"), a venue perhaps, a year, and nothing else
_CITATION = re.compile(r"[A-Z][\w'’.-]*(?:,?[ \t]+(?:[A-Z][\w'’.-]*|&|and|et|al\.?|de|van|von|der)){0,6},?"
                       r"(?:[ \t]+[A-Z][A-Za-z]{1,10},?)?[ \t]+\(?(?:19|20)\d\d[a-z]?\)?"
                       # (and the paper's title, quoted or in italics, and its venue: '— "Inductive …"', ', *X*, KDD')
                       r"(?:[ \t]*[—–,:][ \t]*(?:\"[^\"\n]{1,150}\"|“[^”\n]{1,150}”|\*[^*\n]{1,150}\*)"
                       r"(?:,[ \t]*[A-Z][A-Za-z]{1,10})?)?\.?")
_WORD = re.compile(r"[^\W\d_][\w'’-]*")


def without_keys(text: str) -> str:
    """The text with no Pandoc citation key outside code and math, and tidy where they stood."""
    if "@" not in text or not _KEY.search(text):
        return text
    text = _KEY_OPENS_LINE.sub("", text)
    out, at = [], 0
    for literal in _LITERAL.finditer(text):
        out += [_KEY.sub("", text[at:literal.start()]), literal.group()]
        at = literal.end()
    out.append(_KEY.sub("", text[at:]))
    said = _SPACED.sub("", "".join(out))
    return _OPENING_MARK.sub("", _EMPTY_LABEL.sub("", said))


def only_sources(back: str, keys: int) -> bool:
    """Whether a back names the notes' sources and nothing else: a bare citation, a line of references labelled as
    such whose short parts each stood by a key (`keys`: how many the back had), a line naming the textbook."""
    back = back.strip()
    if "\n" in back or "$" in back or not back:
        return not back
    if _CITATION.fullmatch(back):
        return True
    line = _SOURCE_LINE.fullmatch(back)
    if not line:
        return False
    parts = [p for p in re.split(r"[;,+·]|\band\b", line.group("rest")) if p.strip(" .")]
    if keys:
        return len(parts) <= keys and all(len(_WORD.findall(p)) <= 6 for p in parts)
    return len(_WORD.findall(line.group("rest"))) <= 10 and not re.search(r"\b(?:is|are|was|were|has|have)\b",
                                                                         line.group("rest"))


def without_citation_keys(drafts: list) -> list:
    """The drafts (`(siblings, heading path)` pairs) without citation keys on any side, and without a card whose
    back only names sources (see `only_sources`)."""
    out = []
    for siblings, path in drafts:
        kept = [_unkeyed(d) for d in siblings]
        kept = [d for d, old in zip(kept, siblings) if not _source_card(d, _keys(old.back))]
        if kept:
            out.append((kept, path))
    return out


def without_source_cards(drafts: list) -> list:
    """The drafts without a card whose back only names a source, as the last passes leave it (a note's opening
    line loses its talk of the notes late: "Typed up after class. Textbook: …")."""
    out = []
    # ("Transformer › Paper", the paper that brought the subject, is asked as that (`tidy`) while the opening it
    # came from says something of the subject; a note that is only its citation has nothing to ask of it)
    opened = {d.line for siblings, _ in drafts for d in siblings if not d.front.endswith(" › Paper")}
    for siblings, path in drafts:
        if kept := [d for d in siblings if (d.line in opened if d.front.endswith(" › Paper")
                                            else not _source_card(d, 0))]:
            out.append((kept, path))
    return out


def _keys(text: str) -> int:
    """How many citation keys the text holds."""
    return len(_KEY.findall(text)) if "@" in text else 0


def _source_card(draft, keys: int) -> bool:
    """Whether the card only names a source and asks nothing ("Who introduced Adam?" → "Kingma & Ba, 2015" is
    the answer asked, and stays)."""
    return (not draft.explicit_id and "?" not in draft.front and "[...]" not in draft.front
            and only_sources(draft.back, keys))


def _unkeyed(draft):
    """The draft with no citation key on its front, back or text; a changed front keeps the id it had."""
    front, back = without_keys(draft.front), without_keys(draft.back)
    text = without_keys(draft.text) if draft.text else draft.text
    if (front, back, text) == (draft.front, draft.back, draft.text):
        return draft
    id_front = draft.id_front or (draft.front if front != draft.front else "")
    return replace(draft, front=front, back=back, text=text, id_front=id_front)
