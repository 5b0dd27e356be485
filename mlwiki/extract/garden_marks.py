"""A digital garden's marks on its own notes (Quartz, Obsidian gardens), which no card holds:

    #budding — structure is there, the OPE part needs another pass.      (the note's growth stage and what it lacks)
    🌱 seedling                                                            (the same, as an emoji)
    Q: Is α the same knob as …?  /  Feels like both control … #todo       (a guess the writer has yet to check)

A growth stage (seedling, budding, evergreen …) set as a tag or an emoji at the start of a paragraph says how
finished the page is, not what it says of its subject; a hedged answer the writer tags as a to-do is a doubt, not a
fact to recall. Pure: text in, text out.
"""

from __future__ import annotations

import re

# A paragraph that opens on a growth stage as a tag or emoji ("#budding — …", "🌱 seedling", "#evergreen"), to its end
# (or without its mark, as a tag's word is left once the tag is read, when a dash or a colon follows: "budding — …")
_STAGES = r"(?:seedlings?|budding|buds?|sprouts?|sprouting|evergreens?|growing|stubs?|wilting|withered)"
_STAGE_PARAGRAPH = re.compile(rf"(?im)^[ \t]*(?:(?:#|(?:🌱|🌿|🌳|🌲|🪴|🍂)[ \t]*){_STAGES}\b|{_STAGES}[ \t]*(?:[—–:]|--?)[ \t])"
                              r"[^\n]*(?:\n[^\n]+)*\n?")
# A hedged answer: the writer's feeling, not a finding ("Feels like …", "I think …", "Maybe …")
_HEDGE = re.compile(r"(?i)[ \t>*_]*(?:feels?\s+like|seems?\s+(?:like|to)|i\s+(?:think|guess|suspect|believe)|maybe|"
                    r"probably|perhaps|not\s+sure|no\s+idea)\b")
_TODO_TAG = re.compile(r"(?i)#todo\b|\bTODO\b")
_TODO_LAST = re.compile(r"(?i)(?:#todo|\bTODO)[ \t.!]*$")


def without_stage(back: str) -> str:
    """A back without the paragraphs that open on the page's growth stage ("#budding — needs another pass")."""
    return "\n\n".join(part for part in _STAGE_PARAGRAPH.sub("", back).split("\n\n") if part.strip()).strip()


def unchecked_guess(front: str, back: str) -> bool:
    """Whether a card asks a question whose back is the writer's hedged guess tagged as a to-do ("Is α the same knob
    as …?" over "Feels like both control … #todo"): a doubt the writer has yet to settle, no fact."""
    return front.rstrip().endswith("?") and bool(_TODO_LAST.search(back.strip())) and bool(_HEDGE.match(back)) \
        and len(_TODO_TAG.findall(back)) == 1
