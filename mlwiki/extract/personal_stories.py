"""The writer's own story in a paragraph of its own: a remark they label as personal ("Personal note: in the A/B
project at work we used Beta(1,1) …", "Anecdote: …") or as what their own run gave ("In my fit: `s(year)` edf ≈ 1.1
…", "My run: 20-d latent …"), a conversation they had ("Had a long chat with R. at the reading group about …",
"Talked to Sam about …") or an appointment a day's note keeps beside what was learned ("Meeting with Sam 14:00 about
the schedule — moved to Thursdays."). Notes kept in an editor (Foam, Obsidian, a journal folder) hold them between
the facts; they tell what happened to the writer, not the subject, so no card asks them and no back shows them.

A rule on a paragraph's form — its label, or a story opened with the "I" left out as diaries write — never on its
subject's words; a paragraph that states a fact under such an opening is still the writer's day. Pure: drafts in,
drafts out.
"""

from __future__ import annotations

import re

from mlwiki.extract.draft import backs_cut
from mlwiki.models import CardKind

# "Personal note:", "**Personal remark:**", "Anecdote:", "War story:": the writer says the paragraph is their own
_LABEL = r"(?:personal[ \t]+(?:note|remark|story|anecdote|aside|experience)|anecdote|war[ \t]+story|story[ \t]+time)s?"
# "Had a long chat with R. …", "Talked to Sam about …", "Chatted with the TA …": a conversation, the "I" left out
_TALK = (r"(?:had|have)[ \t]+(?:a|an)[ \t]+(?:[\w-]+[ \t]+){0,2}(?:chat|talk|conversation|discussion|argument|debate|call)"
         r"[ \t]+with\b|(?:talked|chatted|argued|spoke)[ \t]+(?:to|with)\b")
# "Meeting with Sam 14:00 …", "Call with the team at 10:30": an appointment, named by whom it is with
_APPOINTMENT = r"(?i:meeting|call|sync|coffee|lunch)[ \t]+with[ \t]+(?:[A-Z][\w.'’-]*|the[ \t]+\w+)"
# "In my fit: `s(year)` edf ≈ 1.1 …", "On my data: …", "My results: …": what the writer's own run gave, labelled so
_OWN_RUN = (r"(?:(?:in|on|from|with)[ \t]+)?my[ \t]+(?:own[ \t]+)?(?:fit|runs?|experiments?|data(?:[ \t]*set)?|results?|"
            r"numbers|notebook|machine|laptop|setup|coursework|project)")
_STORY = re.compile(rf"[ \t]*[*_]*(?:(?i:{_LABEL}|{_OWN_RUN})[*_]*[ \t]*:|(?i:{_TALK})|{_APPOINTMENT})")


def is_story(paragraph: str) -> bool:
    """Whether a paragraph is the writer's own story (see the module's doc): labelled personal, a conversation
    they had, or an appointment."""
    return bool(_STORY.match(paragraph)) and "$$" not in paragraph


def without_stories(drafts: list) -> list:
    """The drafts (sibling groups with their heading paths) with the paragraphs of a basic card's back that are the
    writer's own story cut off, and the cards whose whole back is one dropped. A card's id is its front's: kept."""
    return backs_cut(drafts, _without_story_paragraphs, lambda draft: draft.kind == CardKind.BASIC)


def _without_story_paragraphs(back: str) -> str:
    """A back without its paragraphs that are stories (the others as written); "" when all are."""
    paragraphs = back.split("\n\n")
    if not any(map(_STORY.match, paragraphs)):
        return back  # (the cheap test first, at each paragraph's start: most backs hold none)
    kept = [p for p in paragraphs if not is_story(p)]
    return back if len(kept) == len(paragraphs) else "\n\n".join(kept).strip()
