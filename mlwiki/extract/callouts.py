"""Untitled callouts: a Quarto `::: {.callout-warning}` or an Obsidian `> [!tip]` with no title of its own, holding a
short passage of prose. Quarto and Obsidian title it with its kind ("Warning", "Tip"); so does its card: front
"… › James–Stein › Warning", back the passage. A warning's text is no part of its section's card (a note's or a
tip's is, when that card holds the section's text: then the callout makes no card of its own).
"""

from __future__ import annotations

from mlwiki.extract.blocks import Block, join_blocks
from mlwiki.extract.lines import TEXT
from mlwiki.models import CardKind

FORM = "callout"
# The kinds a reader studies (not `[!todo]`, `[!quote]`, `[!example]`, nor a question, which `questions` asks)
_KINDS = {"note": "Note", "warning": "Warning", "caution": "Caution", "important": "Important", "tip": "Tip",
          "hint": "Hint", "danger": "Danger", "attention": "Attention", "info": "Info", "summary": "Summary",
          "tldr": "TL;DR", "abstract": "Abstract", "success": "Success", "failure": "Failure", "error": "Error"}
MIN_WORDS, MAX_WORDS = 6, 90


def callout_card(ex, div: Block) -> bool:
    """Make the card of an untitled callout of prose; whether it did (then its text makes no other card)."""
    if not ex.ctx.sections or div.attrs.get("title", "").strip() or \
            (ex.headings and ex.headings[-1][1].rstrip().endswith("?")):
        return False  # (under a question heading it is part of the answer, on that card)
    kinds = [c.removeprefix("callout-") for c in div.attrs.get("classes", ()) if c.startswith("callout-")]
    kind = _KINDS.get(kinds[0]) if kinds else None
    body = div.children or []
    if kind is None or not body or any(b.kind != TEXT or b.skip or any(ln.kind != TEXT for ln in b.lines) for b in body):
        return False  # (formulas, code, boxes or headings in it: their own forms card them)
    back = join_blocks(body).strip()
    words = len(back.split())
    path = ex.heading_path()
    if not path or not MIN_WORDS <= words <= MAX_WORDS or ex.in_example():
        return False
    ex.add_pair(CardKind.BASIC, f"{path} › {kind}", back, div.start, form=FORM, quiet=True,
                id_front=f"{FORM}: {ex.heading_path(False)} › {kind}")
    return True
