"""A section that lists what the writer reads or uses, under a heading that says so: "## Reading list", "## Resources
I actually used", "## Reading list (the ones I actually opened)", "## Further reading (if I ever have time)", "##
Papers read (✔︎ = properly, ~ = skimmed)", "## Links". A hub or a course's notes end on one. Its items are works and
links ("Kingma & Welling, *Auto-Encoding Variational Bayes* (2013)", "[d2l.ai](…) — ch. 7, 8", "Lilian Weng's blog
posts — good for the derivations"); asked one by one, the learner recalls a bibliography, not the subject. The
reading list rule (`reading_lists`) knows a list by its items' citation form; these items are cited every which way,
so the heading is the sign. No card is made of such a section; the writer's own cards stay.

Only a heading that is a list's name alone: "Reading the equations", "Reading order (…)", "Reading notes: Alain &
Bengio 2014", "Link to k-means" and a day's "## Reading" (what the writer read today, and learnt) name no such list.
Pure: drafts in, drafts out.
"""

from __future__ import annotations

import re

from mlwiki.extract.draft import written_by_hand

# "Reading list", "Further reading", "Resources I actually used", "Papers read", "Links", "Reading list / sources",
# "Papers for this note", with an aside in brackets after it
_LIST = r"(?:reading[ \t]+list|further[ \t]+reading|resources?|links|references|bibliography|papers(?:[ \t]+read)?)"
_WHOSE = r"(?:(?:my|more|other|useful|key|main|extra|external)[ \t]+)?"
_RESOURCE_HEADING = re.compile(
    rf"(?i)[\W\d_]*{_WHOSE}{_LIST}(?:[ \t]*(?:/|\+|&|and)[ \t]*{_LIST}|[ \t]*/[ \t]*sources)?"
    r"(?:[ \t]+(?:i[ \t]+(?:actually[ \t]+)?(?:used|read|use)|to[ \t]+read|for[ \t]+this[ \t]+(?:note|page)))?"
    r"[ \t]*(?:\([^()\n]*\))?[\W_]*")


def is_resource_heading(title: str) -> bool:
    """Whether a heading names a list of what the writer reads or uses (see the module's doc)."""
    return bool(_RESOURCE_HEADING.fullmatch(title.strip()))


def without_resource_sections(drafts: list) -> list:
    """The drafts (`(siblings, heading path)` pairs) without the cards read out of a section headed as a reading list
    or resources (the last heading of the path); the writer's own cards stay."""
    out = []
    for siblings, path in drafts:
        if is_resource_heading(path.rsplit(" › ", 1)[-1]) and " › " in path:
            siblings = [d for d in siblings if written_by_hand(d) or d.front.rstrip().endswith("?")]  # (a question
            # under it, "Which reduces the correlation between trees …?", is no work listed: a quiz the writer kept)
        if siblings:
            out.append((siblings, path))
    return out
