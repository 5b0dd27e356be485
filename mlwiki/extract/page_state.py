"""What a page says of its own state, not of its subject: a field naming how far along it is ("**Status:** mostly
done, the LOO bit is rushed", "status: half-written. Fill in the proof sketch …"), and the sections in which the
writer keeps what the page still lacks ("## To add", "## TODO", "## Open questions"). A card of either holds no fact
to learn; a wiki's or a course's notes carry them on any page. Rules on the form of a label and of a heading, never
on their words' subject. Pure: a draft in, a verdict out.
"""

from __future__ import annotations

import re

# A back that opens on the page's status field: "**Status:** ok", "status: half-written.", "_Status_ — draft"
_STATUS_FIELD = re.compile(r"(?i)[ \t]*[*_]{0,2}[ \t]*(?:page[ \t]+)?status[ \t]*(?::[*_]{0,2}|[*_]{0,2}[ \t]*(?::|[—–]))")
# The front of a card that asks for that field as a term ("Define: Status")
_STATUS_TERM = re.compile(r"(?i)define:[ \t]*(?:page[ \t]+)?status")
# A heading over what the page still lacks: "To add", "To do", "TODO", "Still to write", "Open questions"
_PLAN_HEADING = re.compile(r"(?i)[ \t]*(?:(?:still[ \t]+)?to[ \t]+(?:add|do|write|cover|read|fill[ \t]+in)|to-?do(?:s|[ \t]+list)?|"
                           r"(?:things[ \t]+)?(?:i[ \t]+)?(?:still[ \t]+)?(?:need|want)[ \t]+to[ \t]+add)[ \t]*:?[ \t]*")
# ... and the open questions, where a card whose back still asks is the question left open (one asked on its front and
# answered on its back, "why …? → because …", is a card)
_OPEN_HEADING = re.compile(r"(?i)[ \t]*open[ \t]+questions?[ \t]*:?[ \t]*")


def states_page(draft) -> bool:
    """Whether a card is the page's status field or an item of a section listing what the page still lacks."""
    front = draft.front.split("\n\n")
    if _STATUS_TERM.fullmatch(front[-1].strip()) or _STATUS_FIELD.match(draft.back):
        return True
    parts = front[0].split(" › ")[1:]
    return any(_PLAN_HEADING.fullmatch(part) or "?" in draft.back and _OPEN_HEADING.fullmatch(part) for part in parts)


def page_state_dropped(drafts: list) -> list:
    """The drafts (`(siblings, heading path)` pairs) without the cards of a page's own state (`states_page`)."""
    return [(kept, heading) for siblings, heading in drafts if (kept := [d for d in siblings if not states_page(d)])]
