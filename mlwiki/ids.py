"""Card identity: stable ids from content, and the similarity used to re-link lightly edited cards.

An id never depends on the file path or line, so moving a card keeps it. For most cards only the kind, the
normalized front and the cloze group go into the hash, so editing the back keeps the id; a formula card's hash is
its kind and its formula (`formula_id`), so rewording the sentence before it keeps the id and two different
formulas never share one.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from difflib import SequenceMatcher

_SPACE = re.compile(r"\s+")
_PUNCT_EDGE = re.compile(r"^[\s*_#>-]+|[\s*_]+$")

# Two fronts are "the same card, lightly edited" when their similarity is at least this (see similarity()).
RELINK_THRESHOLD = 0.8
# ...and no other candidate comes within this margin of the best one (otherwise the match is ambiguous).
RELINK_MARGIN = 0.05


def normalize(text: str) -> str:
    """Unicode NFC, whitespace collapsed, surrounding emphasis and spaces dropped. Case is kept (math cares).

    The same as `_PUNCT_EDGE.sub("", _SPACE.sub(" ", text))` (ids depend on it: never change what it returns),
    written with str methods because it runs for every card of every scan: `\\s` and `str.split()` agree on
    what whitespace is, and once it is collapsed the only whitespace left to strip is " ".
    """
    return " ".join(unicodedata.normalize("NFC", text).split()).lstrip(" *_#>-").rstrip(" *_")


def short_hash(*parts: str) -> str:
    """A 16-hex-digit BLAKE2b digest of the parts."""
    joined = "\x1f".join(parts).encode("utf-8", "surrogatepass")
    return hashlib.blake2b(joined, digest_size=8).hexdigest()


def card_id(kind: str, front: str, group: int = 0) -> str:
    """The content id of a card without an explicit id."""
    return normalized_card_id(kind, normalize(front), group)


def normalized_card_id(kind: str, front: str, group: int = 0) -> str:
    """`card_id` of a front already through `normalize` (extraction normalizes each front once, for both)."""
    return short_hash(kind, front, str(group))


def content_hash(front: str, back: str) -> str:
    """A hash of what the learner sees, stored with each review so history records which version was seen."""
    return normalized_content_hash(normalize(front), normalize(back))


def normalized_content_hash(front: str, back: str) -> str:
    """`content_hash` of a front and back already through `normalize`."""
    return short_hash(front, back)


def back_key(back: str) -> str:
    """A hash of a card's answer as the content hash sees it: cards of different notes with the same key say the
    same thing (mlwiki.scan.duplicates decides whether they also ask the same)."""
    return normalized_back_key(normalize(back))


def normalized_back_key(back: str) -> str:
    """`back_key` of a back already through `normalize`."""
    return short_hash("back", back)


def card_hashes(normalized_front: str, back: str) -> tuple[str, str]:
    """(content hash, back key) of a card whose front is already through `normalize`: what extraction stores."""
    back = normalize(back)
    return normalized_content_hash(normalized_front, back), normalized_back_key(back)


def similarity(a: str, b: str) -> float:
    """Similarity of two fronts in [0, 1]: difflib's ratio over the normalized, case-folded word sequences.

    Word-level comparison means one changed word in a ten-word question scores about 0.9, a typo in a word
    scores a little less than a whole word swap would in a short front; a rewritten question scores low.
    """
    wa, wb = normalize(a).casefold().split(), normalize(b).casefold().split()
    if not wa or not wb:
        return 0.0
    words = SequenceMatcher(None, wa, wb, autojunk=False).ratio()
    chars = SequenceMatcher(None, " ".join(wa), " ".join(wb), autojunk=False).ratio()
    return max(words, chars)


def normalize_formula(formula: str) -> str:
    """A formula as its id sees it: Unicode NFC, whitespace collapsed (LaTeX ignores it), nothing else."""
    return " ".join(unicodedata.normalize("NFC", formula).split())


def formula_id(formulas: list[str] | str, group: int = 0) -> str:
    """The id of a formula card: its kind and its normalized formula (the steps of a derivation, in order), so
    two different formulas never share an id and the same formula is one card wherever it is written."""
    steps = [formulas] if isinstance(formulas, str) else formulas
    return short_hash("formula", "\n".join(normalize_formula(f) for f in steps), str(group))
