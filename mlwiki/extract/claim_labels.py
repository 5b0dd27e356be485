"""A list of claims whose items are asked by their own labels: the label is the claim, so the front already says
the answer. Under a heading that gathers claims about the note's subject ("Properties", "Weaknesses", "Pitfalls",
"Takeaways", "Where it breaks"), a writer's bold lead is not a term to define but the point of the item:

    DBSCAN › Properties › Arbitrary shapes  /  **Arbitrary shapes** — moons, rings, snakes; …
      →  DBSCAN › Properties\\n\\n[...] — moons, rings, snakes; …        /  Arbitrary shapes
    … › Where it breaks › Scale-dependent    /  **Scale-dependent** like everything else → standardise …
      →  … › Where it breaks\\n\\n[...] like everything else → standardise …  /  Scale-dependent

The card blanks the claim and shows what the item says of it, as a list's cloze does. A label the item goes on to
define ("bias: embeddings absorb …", "MSE = …") names a term and keeps its card; so does a card another pass asked
already (`heading_claims` turns "Trees can't extrapolate …" into a question first), a card the writer wrote, and an
item that says nothing after its label. The card keeps the id of its bare path (`id_front`): its fact is the same.
Pure: drafts in, drafts out.
"""

from __future__ import annotations

import re
from dataclasses import replace

from mlwiki.extract.draft import written_by_hand
from mlwiki.extract.lines import LIST_ITEM
from mlwiki.models import CardKind

_PATH = " › "
_HIDDEN = "[...]"  # (a cloze's blank, as `list_clozes` shows it)
# A heading that gathers claims about its subject: each item under it says one, and its label is that claim
_CLAIM_LIST = re.compile(r"(?i)\b(?:propert(?:y|ies)|pros|cons|advantages?|disadvantages?|strengths?|weakness(?:es)?|"
                         r"drawbacks?|limitations?|pitfalls?|caveats?|gotchas?|takeaways?|lessons(?: learn[et]d?)?|"
                         r"(?:it|\w+) (?:breaks|fails))\b")
# How the item's text opens: bold, highlighted or plain (its list marker already off)
_BOLD = re.compile(r"(?P<mark>\*\*|==|__)(?P<label>[^*=_\n]{2,120}?)(?P=mark)")
# What goes on after a label that names a term: its definition ("bias: …", "MSE = …", "X := …", "X is …")
_DEFINES = re.compile(r"[*_]*[ \t]*(?:\([^()\n]*\)[ \t]*)?(?::|=|≔|:=|is\b|are\b|means\b)")  # (an aside first:
# "hard-exploration problems (Montezuma's Revenge): …")
# Where a plain label ends as its writer wrote it: a mark, an arrow or a bracket ("too many epochs (20) → …"); a word
# after it goes on the sentence a heading was cut from ("forgetting that $P$ must sum to 1 …": no claim of its own)
_LABEL_END = re.compile(r"[ \t]*(?:[—–(;,.→⇒]|->|-[ \t])")
_WORD = re.compile(r"[^\W_]{2,}")
_MARKS = re.compile(r"\*\*|==|__|`")
MAX_REST_WORDS = 20  # what an item says after its claim, at most: more, it explains a topic its label only names
# ("**Varying densities.** One global ε can't … → OPTICS or HDBSCAN …"; "**Small differences are noise.** … Use
# paired bootstrap …"), and the card asking by it asks that, a fact the blank would only show


def claim_labels_asked(drafts: list) -> list:
    """The drafts (`(siblings, heading path)` pairs), each lone card that asks a claim by its own label under a
    heading of claims blanking the label instead (see the module's docstring), its id the one of its bare path."""
    out = []
    for group, heading in drafts:
        if len(group) == 1 and (sides := blanked_claim(group[0])):
            draft = group[0]
            group = [replace(draft, front=sides[0], back=sides[1], id_front=draft.id_front or draft.front)]
        out.append((group, heading))
    return out


def blanked_claim(draft) -> tuple[str, str] | None:
    """(front, back) of a card asked by the claim its back opens on, the claim blanked; None for any other card."""
    front = draft.front
    if draft.kind != CardKind.BASIC or written_by_hand(draft) or "\n" in front or front.rstrip().endswith("?"):
        return None
    head, _, last = front.rpartition(_PATH)
    headings = head.split(_PATH)[1:]  # (below the note's title: a note named "Limitations of …" holds no list)
    if not last or not headings or not _CLAIM_LIST.search(headings[-1] if len(headings) < 2 else
                                                          " ".join(headings[-2:])):
        return None
    back = draft.back.strip()
    if "\n\n" in back:
        return None  # (a section of its own, not one item)
    back = LIST_ITEM.sub("", back, count=1)
    claim, rest = _split(back, last)
    words = len(_WORD.findall(_MARKS.sub("", rest)))
    if not claim or _DEFINES.match(rest) or not 2 <= words <= MAX_REST_WORDS:
        return None
    return f"{head}\n\n{_HIDDEN}{rest}", claim


def _split(back: str, last: str) -> tuple[str, str]:
    """(the claim the back opens on, what follows it) when the back opens on the heading's words `last`; ('', '')
    otherwise. A bold or highlighted lead is the claim whole ("**Core points are deterministic**" under "… › Core
    points"); otherwise the claim is the heading's words."""
    want = _key(last)
    if "$" in last or not back.startswith(("**", "==", "__")):
        return "", ""  # (a formula states its property with its subject, "$\\mathrm{Var}(X) \\ge 0$"; an item with
        # no lead of its own, "needs no full graph → works inductively", is a cause and its effect, not a label)
    bold = _BOLD.match(back)
    if bold and _key(bold["label"]).startswith(want):
        return bold["label"].strip().rstrip(".:"), back[bold.end():]
    plain = _MARKS.sub("", back)  # (a heading that goes on past the bold lead, "… › Robust than k-means" over
    # "**Robust** than k-means, …": the claim is the heading's words, what follows shown without its marks)
    if plain[:len(last)].casefold() == last.casefold() and _LABEL_END.match(plain, len(last)):
        return plain[:len(last)].rstrip(".:"), plain[len(last):]
    return "", ""


def _key(text: str) -> str:
    """A label as two copies of it compare: no marks, case or end stops."""
    return " ".join(_MARKS.sub("", text).casefold().split()).strip(" .:")
