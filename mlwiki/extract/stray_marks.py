"""A bold mark left alone on a front by a question cut out of a sentence inside its bold words ("λ trades bias vs
variance **only because V is approximate**" → "Why does λ trade bias vs variance **only?"), taken off once the walk
is done: the question without it, its id kept (the front as it was). (A footnote's mark, `[^x]`, stays on a back as
written: the source, which no renderer shows.) An Obsidian or Dendron block id closing a line of a back ("… can't
overflow. ^logsumexp"), or on a line of its own under the block it names, a name for links that no reader sees, is
taken off too, outside code; so is a horizontal rule closing a back (a slide's or a section's end, left when a
pointer line after the text went off it)."""

from __future__ import annotations

import re
from dataclasses import replace

from mlwiki.extract.statement_tails import without_block_ids

# A block id on a line of its own under a list, a formula or a table ("…\n^em-steps"): Obsidian's name for the block
# above it, shown by no reader
_LONE_ID = re.compile(r"\n[ \t]*\^[A-Za-z0-9-]+[ \t]*$", re.M)
_CLOSING_RULE = re.compile(r"\n[ \t]*(?:(?:-[ \t]*){3,}|(?:\*[ \t]*){3,}|(?:_[ \t]*){3,})\Z")  # (a back's last line:
# `---`, `***`, `___`, `* * *`)


def without_stray_marks(drafts: list) -> list:
    """The (sibling drafts, heading path) pairs without a lone bold mark in each asked question, nor a block id or
    a closing horizontal rule on a back."""
    return [([_without_rule(_without_ids(_unmarked(d))) for d in siblings], path) for siblings, path in drafts]


def _without_ids(draft):
    """The draft without the block ids closing the lines of its back outside code (the forms that read a line's
    prose drop them; a formula's closing remark kept whole did not)."""
    if "^" not in draft.back or "```" in draft.back or "~~~" in draft.back or draft.explicit_id:
        return draft  # (no block id: the common back; code may end a line on "^x" meaning it)
    back = _LONE_ID.sub("", without_block_ids(draft.back))
    return draft if back == draft.back else replace(draft, back=back)


def _unmarked(draft):
    path, gap, asked = draft.front.rpartition("\n\n")
    if gap and asked.count("**") % 2 and asked.endswith("?") and "`" not in asked and not draft.explicit_id:
        head, _, tail = asked.rpartition("**")
        return replace(draft, front=f"{path}{gap}{head}{tail}", id_front=draft.id_front or draft.front)
    return draft


def _without_rule(draft):
    """The draft without a horizontal rule as its back's last line (no text of the card: where the page parted)."""
    if not draft.back.endswith(("---", "***", "___", "- -", "* *", "_ _")) or draft.explicit_id or not _CLOSING_RULE.search(draft.back):
        return draft
    return replace(draft, back=_CLOSING_RULE.sub("", draft.back).rstrip())
