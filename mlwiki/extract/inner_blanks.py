"""What a list item's blank hides of it when nothing it opens on cues it (`list_clozes`): a key part inside the item,
its other words the cue, where "- [...]" beside the list's other items says nothing of which one is asked.

    - plot of r_k against k = correlogram                 →  - plot of r_k against k = [...]
    - trained a 1001-layer ResNet on CIFAR-10 fine         →  - trained a [...]-layer ResNet on CIFAR-10 fine
    - 80% intervals by default (yes, again)                →  - [...] intervals by default (yes, again)
    - `Adam(weight_decay=…)` — the L2 kind, not decoupled  →  - `Adam(weight_decay=…)` — [...]

An item with no label, no subject and verb and no first words short beside it (`item_cues`, `sentence_cues`) is
still a claim about something it names: what it sets against what (" = ", " → ", " — ") is asked by its whole left
side, however long, the term or value on the right being the fact (a left side shorter than the right is cued by
`item_cues` already); else a number it states (a count, a default, a share) is asked, the rest of the item saying
what the number is of. The back stays the whole item. An item with neither (a bare reading or a name) gets no cue
here. Pure: text in, text out.
"""

from __future__ import annotations

import re

MIN_LEFT_WORDS = 2  # (a left side of one word, "- fast → …", names nothing the list's other items do not)
MIN_REST_WORDS = 3  # words beside a number hidden: fewer, "- 32 GB", and the number is the item, asked by nothing
# What sets one side against another, outside math and code: a sign or a dash between spaces
_PIVOT = re.compile(r"[ \t](?:=|≠|→|⇒|->|=>|≈|—|–|--)[ \t]+(?=\S)")
_SHIELD = re.compile(r"\$[^$\n]*\$|`[^`\n]*`|\([^()\n]*\)|\[[^\]\n]*\]\([^)\n]*\)|\[\[[^\]\n]*\]\]")
# A number as written: an optional sign of comparison or approximation, digits (a decimal, a range "0.9–0.95",
# thousands "10,000"), a magnitude or percent glued to it ("60k", "80%", "4×"); not a digit inside a name ("fp16",
# "GPT-2", "β2", "§5") or a word ("1st"), nor a ratio's part ("1/β"); a size "32×32" whole
_NUMBER = re.compile(r"(?<![^\s(=])(?:[~≈≥≤<>]\s?)?\d+(?:[.,]\d+)*(?:[–-]\d+(?:[.,]\d+)*)?(?:×\d+)*(?:%|[kKMB]\b|×)?"
                     r"(?![\w.]*[^\W\d_]{2})(?![./]?\d|/)")
_WORD = re.compile(r"[^\W\d_]{2,}")
_DIGITS = re.compile(r"\D")


def inner_shown(text: str, hidden: str) -> str:
    """What an uncued item (its text after the marker, one line) shows with its blank `hidden`: its left side and
    sign with the right side hidden, or the item with its first number hidden; '' when it has neither (see the
    module's doc)."""
    shielded = _SHIELD.sub(lambda m: "\x00" * len(m.group()), text)
    if (pivot := _PIVOT.search(shielded)) and len(_WORD.findall(text[:pivot.start()])) >= MIN_LEFT_WORDS \
            and _WORD.search(text[pivot.end():]):
        return text[:pivot.end()] + hidden
    found = _NUMBER.search(shielded)
    rest = text[:found.start()] + " " + text[found.end():] if found else ""
    if found and len(_WORD.findall(rest)) >= MIN_REST_WORDS and not _gives_away(found.group(0), rest):
        return text[:found.start()] + hidden + text[found.end():]
    return ""


def _gives_away(number: str, rest: str) -> bool:
    """Whether the rest of an item states the number again ("interval_width=0.95 … to get 95% intervals")."""
    digits = _DIGITS.sub("", number).lstrip("0")
    return bool(digits) and digits in _DIGITS.sub("", rest)


MIN_TOLD_SHARE = 0.7  # of an item's words, on one other card: that card tells the item's fact
MAX_TOLD_FACTOR = 3  # a back with more words than this many times the item's says more: another fact
MIN_TOLD_WORDS = 2  # (an item of fewer words, "- Stan", is told by any card naming it: no measure of its fact)
_CONTENT = re.compile(r"[^\W_]{3,}")


def told_elsewhere(item: str, backs: list[str]) -> bool:
    """Whether one of `backs` (the answers of the note's other cards) holds most of an uncued item's words and
    little else, so a card asking the item by "- [...]" would ask a fact another card asks with a cue (a back of a
    whole passage that mentions the item asks something else)."""
    words = {w.casefold() for w in _CONTENT.findall(item)}
    if len(words) < MIN_TOLD_WORDS:
        return False
    return any(len(words & (said := {w.casefold() for w in _CONTENT.findall(back)})) >= MIN_TOLD_SHARE * len(words)
               and len(said) <= MAX_TOLD_FACTOR * len(words) for back in backs)
