"""Whether a cut falls inside a quotation: 'Q answers "how good' is no subject and no cue, since the words after it
belong to what is quoted ('"how good is it to …"'), and a verb found there is the quotation's, not the sentence's.
A name in quotes ('"Semi"-gradient') closes its quote and may be cut after. Pure: text in, bool out."""

from __future__ import annotations

_PAIRS = (("“", "”"), ("«", "»"))


def opens_quote(text: str) -> bool:
    """Whether `text` leaves a quotation open: an odd number of straight double quotes, or more opening curly
    quotes than closing ones."""
    return text.count('"') % 2 == 1 or any(text.count(a) > text.count(b) for a, b in _PAIRS)
