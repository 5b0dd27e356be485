"""A footnote that holds the writer's note, not a source: a card of its own, shown beside the sentence it marks.

    … L2 regularisation with coefficient $\\lambda = 1/(2\\sigma_p^2)$.[^wd]
    [^wd]: With AdamW the decay is decoupled from the gradient, and the correspondence no longer holds exactly.
      →  the card holding "… $\\lambda = 1/(2\\sigma_p^2)$." keeps its back (the mark off it); a card of its own
         asks the note: "<path>\n\n… $\\lambda = 1/(2\\sigma_p^2)$.\n\nFootnote: [...]" / "With AdamW the decay …"

Pandoc, Zettlr, Typora and GitHub set a footnote's text at the page's foot, where no card is; the renderers show
its mark as nothing, so no card keeps a mark (`without_marks`). A footnote that cites ("Ho, Jain, Abbeel.
*Denoising Diffusion …* NeurIPS 2020.", a URL) is the source, which stays off the cards; one written in sentences
without a year or a link is a fact the writer set aside: pasted onto the back of the claim it qualifies it would
make that card ask two facts (a definition and a caveat about another case), so it is asked on its own, the
sentence it marks shown as its cue. Pure: drafts and the note's text in, drafts out.
"""

from __future__ import annotations

import re
from dataclasses import replace

from mlwiki.extract.draft import Draft
from mlwiki.extract.prose import sentences
from mlwiki.models import CardKind

# A footnote's text: `[^key]: …`, and the lines indented under it
_TEXT = re.compile(r"^\[\^([^\]\s]{1,40})\]:[ \t]*(\S[^\n]*(?:\n[ \t]+\S[^\n]*)*)", re.M)
_SOURCE = re.compile(r"\b(?:19|20)\d\d\b|https?://|www\.|\bdoi\b|\barXiv\b|\bet al\b|\bpp?\.[ \t]*\d|"
                     r"\b\d{1,4}(?:\(\d{1,3}\))?:\d{1,5}[–-]\d{1,5}\b", re.I)  # ("JMLR 13:281–305": volume:pages)
_CITATION = re.compile(r"\[?-?@[\w:.-]+")  # (Pandoc's `[@hoerl1970]`, `@key`)
MIN_WORDS = 6  # ("See ch. 3." is a pointer, no note)
HIDDEN = "[...]"
# A footnote mark right after a year: it ends a citation ("Bergstra & Bengio, JMLR 2012[^fn:1]")
_CITED = re.compile(r"\b(?:19|20)\d\d[a-z]?[).,\]]?\[\^([^\]\s]{1,40}\])")
_GOES_ON = frozenset("so thus hence then this that these it they and but".split())
FORM = "footnote"
# A footnote's mark in a card's text, and the math and code it may stand in as written (`$x[^2]$`)
_MARK = re.compile(r"\$[^$\n]*\$|`[^`\n]*`|[ \t]?\[\^[^\]\s]{1,40}\]")


def cites(text: str) -> bool:
    """Whether a footnote's text names a source (a year, a link, a DOI, "et al", pages, a Pandoc citation) rather
    than stating a fact of the writer's."""
    return bool(_SOURCE.search(text) or _CITATION.search(text))


def with_footnotes(drafts: list[tuple[list[Draft], str]], body: str) -> list[tuple[list[Draft], str]]:
    """The drafts with each footnote that is the writer's note (`notes`) asked on a card of its own after the first
    card whose back holds its mark: its front the heading path and the sentence the mark ends, the note hidden; then
    no mark left on any card (`without_marks`)."""
    if "[^" not in body:
        return drafts
    out = list(drafts)
    for key, note in notes(body).items():
        mark = f"[^{key}]"
        at = next((k for k, (group, _) in enumerate(out) if any(mark in d.back for d in group)), None)
        if at is not None:
            group, path = out[at]
            holder = next(d for d in group if mark in d.back)
            out.insert(at + 1, ([_note_card(holder, path, mark, note)], path))
    return without_marks(out)


def _note_card(holder: Draft, path: str, mark: str, note: str) -> Draft:
    """The card asking a footnote's note: the sentence of the holder's back its mark ends (its mark off), then
    "Footnote: [...]"; the back the note."""
    said = sentences(" ".join(holder.back.split()).lstrip("-*+ "))
    end = next((k for k, sentence in enumerate(said) if mark in sentence), len(said) - 1)
    goes_on = end and said[end].split(" ", 1)[0].casefold().strip(",") in _GOES_ON
    shown = _unmarked(" ".join(said[end - 1:end + 1] if goes_on else said[end:end + 1]))  # ("So for LPs, …":
    # the sentence before says of what)
    return Draft(kind=CardKind.BASIC, front=f"{path}\n\n{shown}\n\nFootnote: {HIDDEN}", back=note,
                 line=holder.line, group=holder.group, deck=holder.deck, tags=holder.tags, form=FORM)


def without_marks(drafts: list[tuple[list[Draft], str]]) -> list[tuple[list[Draft], str]]:
    """The drafts with no footnote mark (`[^key]`) on either side: the renderers show it as nothing, a card's text
    the same; a front that loses one keeps its id (the front it had)."""
    out = []
    for group, path in drafts:
        fresh = []
        for d in group:
            front, back = _unmarked(d.front), _unmarked(d.back)
            if front != d.front:
                d = replace(d, front=front, back=back, id_front=d.id_front or d.front)
            elif back != d.back:
                d = replace(d, back=back)
            fresh.append(d)
        out.append((fresh, path))
    return out


def _unmarked(text: str) -> str:
    """The text with its footnote marks left out (not in math or code, where `[^2]` is what it says)."""
    if "[^" not in text:
        return text
    return _MARK.sub(lambda m: m.group() if m.group()[0] in "$`" else "", text)


def notes(body: str) -> dict[str, str]:
    """{key: text} of the note's footnotes written as sentences of the writer's own (no year, link or page numbers
    that make a citation, no mark that ends a citation)."""
    found, cited = {}, _cited_marks(body)
    for match in _TEXT.finditer(body):
        text = " ".join(match.group(2).split())
        if f"{match.group(1)}]" in cited:
            continue  # (the mark ends a citation, "… JMLR 2012[^1]": its footnote speaks of that source)
        if len(text.split()) >= MIN_WORDS and not _SOURCE.search(text) and text.rstrip("*_)").endswith((".", "!")):
            found.setdefault(match.group(1), text)
    return found


def _cited_marks(body: str) -> set[str]:
    """The keys (with their closing "]") of the footnote marks that end a citation in the body."""
    return {found.group(1) for found in _CITED.finditer(body)}
