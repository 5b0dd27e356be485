"""Overlapping clozes of a section card's paragraphs: a card whose front is only its heading path ("HMC ›
Leapfrog") over two or three short paragraphs, each its own claim about the heading's subject (how the step is
made; that it is symplectic), asks for all of them at once, and the front tells none apart. As `sentence_clozes`
does for one paragraph's sentences, the section becomes a card per paragraph: the front shows the heading path and
the paragraphs with that one hidden as `[...]` (its own label, "Rule of thumb: [...]", or its subject and verb,
"$q$ must [...]", kept as the blank's cue), the back is that paragraph alone.

Only paragraphs a learner can study this way: plain prose (no list, display formula, code, table or quote), two to
`MAX_PARAGRAPHS` of them, each of `MIN_WORDS` to `MAX_PARAGRAPH_WORDS` words, `MAX_WORDS` in all, and not one
answer to the heading (`one_answer` over each paragraph's first sentence: a question heading, a definition first,
a paragraph that goes on from the one before, "So …", "This …"; tutorial prose that speaks to its reader). A
derivation ("Take …", "set the derivative to zero", "… ∎"), a paragraph that opens in lower case or on a sign (the
rest of a sentence a formula or list broke) and one that ends on a colon (it introduces what is not there) keep
the section one card. A paragraph that is an aside in brackets, a citation alone, an example, the writer's doubt or
a pointer elsewhere is shown on every card and asked on none.

Runs after `sentence_clozes` (one paragraph) on what it left. The first card keeps the section card's id; each other
card's id is made of the paragraph it asks. Pure: drafts in, drafts out.
"""

from __future__ import annotations

import re

from mlwiki.extract.condition_cues import condition_cue
from mlwiki.extract.draft import Draft
from mlwiki.extract.item_cues import item_cue
from mlwiki.extract.list_clozes import HIDDEN
from mlwiki.extract.one_answer import _GOES_ON as _REFERS, LONG_SENTENCE, _told_to_reader, one_answer
from mlwiki.extract.prose import sentences
from mlwiki.extract.sentence_cues import sentence_cue
from mlwiki.extract.sentence_clozes import (_ASIDE, _CITES, _DOUBT, _NOT_PROSE, _POINTS, _bare_section, _own_cue,
                                            cloze_cards)

MAX_PARAGRAPHS = 3
MIN_WORDS = 5  # a shorter paragraph ("Euler drifts.") leans on the one before it
MAX_PARAGRAPH_WORDS = 60  # a longer one is a passage of its own claims: beside the others the front is a page
MAX_WORDS = 140
QUOTED_CHARS = 30  # a paragraph whose opening the note sets in a quote or callout line ("> [!note]" …)
MIN_PLAIN_WORDS = 3  # a paragraph with fewer words outside its formulas and code is a formula: its definition's own

_FORMULA = re.compile(r"\$[^$]*\$|`+[^`]*`+")
# A paragraph that goes on from the one before within its first words: "CBOW thus …", "The model therefore …"
_GOES_ON = re.compile(r"(?i)(?:\S+\s+){0,3}(?:thus|therefore|hence|also)\b")

_WRAP = re.compile(r"[ \t]*\n[ \t]*")
# A derivation's steps, one argument: its opening, a step that solves, a proof's end mark
_ARGUES = re.compile(r"(?:Take|Let|Consider|Suppose|Assume|Given|Fix|Pick|Proof)\b|.*(?:[∎□✓]|\b(?:[Dd]ifferentiat"
                     r"\w*|set (?:it |the \w+ )?(?:to|equal to) (?:0|zero)|[Pp]lug\w* (?:in|into|it)\b|[Ss]ubstitut\w*"
                     r"|[Rr]earrang\w*|[Ss]olv\w* for)\b)", re.DOTALL)
_RUN_IN = re.compile(r"\*\*[^*\n]{1,60}[.:]\*\*")  # ("**Leaf-wise growth.** …": a part titled by its head)
_BROKEN = re.compile(r"[^\w$*_\[(\"'`]|[a-z]")  # (opens in lower case or on a sign: "= the adjustment formula", "but …")


def paragraph_clozes(drafts: list[tuple[list[Draft], str]], page: str = "") -> list[tuple[list[Draft], str]]:
    """Each section card whose front is only its heading path over two or three short paragraphs of claims (see the
    module's doc), as overlapping clozes: a card per paragraph asked, in order, each at the section's line. `page`,
    the note's text: a paragraph the writer set in a quote or callout there is an aside the section keeps whole."""
    quoted = {_WRAP.sub(" ", line.lstrip("> \t"))[:QUOTED_CHARS] for line in page.split("\n") if line.startswith(">")}
    out: list[tuple[list[Draft], str]] = []
    for group, path in drafts:
        draft = group[0]
        parts = _parts(draft.back, path.rsplit(" › ", 1)[-1]) if len(group) == 1 and _bare_section(draft, path) else None
        if parts and any(p[:QUOTED_CHARS] in quoted for p, _ in parts):
            parts = None
        if parts is None:
            out.append((group, path))
            continue
        out += [([card], path) for card in cloze_cards(draft, parts, _blank, "\n\n")]
    return out


def _parts(back: str, heading: str) -> list[tuple[str, bool]] | None:
    """The back's paragraphs, each with whether it is asked; None when they are no short paragraphs of claims or
    are one answer to the heading."""
    text = back.strip()
    if "\n\n" not in text or _NOT_PROSE.search(text) or len(text.split()) > MAX_WORDS:
        return None
    paras = [_WRAP.sub(" ", p.strip()) for p in text.split("\n\n") if p.strip()]
    if not 2 <= len(paras) <= MAX_PARAGRAPHS or any(_ARGUES.match(p) for p in paras):
        return None
    if any(_BROKEN.match(p) or _RUN_IN.match(p) or _REFERS.match(p) or p.rstrip("*_ ").endswith(":") for p in paras):
        return None  # (a sentence broken by what the card left out, or a line that introduces it)
    parts = [(p, not _ASIDE.fullmatch(p) and not _POINTS.match(p) and not _DOUBT.match(p) and not _CITES.fullmatch(p))
             for p in paras]
    asked = [p for p, ask in parts if ask]
    if len(asked) < 2 or any(not MIN_WORDS <= len(p.split()) <= MAX_PARAGRAPH_WORDS for p in asked):
        return None
    if any(len(_FORMULA.sub(" ", p).split()) < MIN_PLAIN_WORDS for p in paras) \
            or any(_GOES_ON.match(p) for p in paras[1:]):
        return None  # (a definition and its formula are one answer; a paragraph that goes on is the same argument)
    said = [s.strip() for p in paras for s in (sentences(p) or [p]) if s.strip()]
    firsts = [(sentences(p) or [p])[0].strip() for p in paras]
    if one_answer(heading, firsts) or _told_to_reader(said) or _explains(said):
        return None
    return parts


def _explains(said: list[str]) -> bool:
    """Whether the sentences are explaining prose, long on average (`one_answer.LONG_SENTENCE`): told whole."""
    words = [len(_FORMULA.sub("x", s).split()) for s in said]
    return sum(words) / len(words) > LONG_SENTENCE


def _blank(text: str) -> str:
    """A paragraph hidden after its label, its subject and verb or its term set equal (`sentence_clozes`), the
    condition it opens on (`condition_cues`), or else the cue a list item's blank keeps (`item_cues`): what it sets against what, its opening verb; or else its first
    words (`sentence_cues`)."""
    return f"{_own_cue(text) or condition_cue(text) or item_cue(text) or sentence_cue(text)}{HIDDEN}"
