"""A recap restates its note: a "Recap", "Summary" or "Key points" section whose bullets repeat cards made above.

Lecture notes often end on a list that sums up the lecture in a line per idea. Each line says again, in fewer words,
what a card of the note already asks; carded as well, it makes a card of four or five facts under the bare front
"… › Recap", and fragment cards that ask nothing ("Recap › drift"). A bullet of such a section whose words are, nearly
all, the words of the note's other cards is left off; a bullet that says something the note does not card elsewhere
stays on its card, and a card left with no bullet is dropped. A recap in a note with nothing else carded is all the
note says, and stays whole; so does a summary table (its columns compare what the note took one at a time) and a
term's definition (the short form of what the note says at length is a question of its own).

Pure: drafts in, drafts out.
"""

from __future__ import annotations

import re

from mlwiki.models import CardKind

# A heading that sums up what came before it ("Recap", "5. Summary", "Key takeaways", "TL;DR"; not "Things to
# remember", which often lists what only it says)
_RECAP = re.compile(r"(?i)[\d.\s]*(?:(?:a|the|quick|short|lecture|chapter|section)\s+)?(?:recap|summary|"
                    r"key\s+(?:points|takeaways|ideas|facts|results)|takeaways?|tl;?\s?dr|in\s+(?:short|summary)|"
                    r"wrap[- ]?up)\b[^›]{0,30}")
_RECAP_HINT = re.compile(r"(?i)recap|summar|key\s|takeaway|tl;?\s?dr|in\s+short|wrap")
_WORD = re.compile(r"[a-z][a-z'-]{2,}|\d+(?:\.\d+)?")
_SUFFIX = re.compile(r"(?:ing|ed|es|e|s|ly|ness)$")  # (a crude stem: enough to match a word's forms in one note)
_ITEM = re.compile(r"(?m)^[ \t]*(?:[-*+]|\d+[.)])[ \t]+")
# Words that carry no fact of their own (a recap and its lecture share them whatever they say)
_COMMON = frozenset("""the and for with from that this are was were not but you your its into only than then when what
which also very more less just all any each one two has have had can will would should use used using get gets
they them their there here how why our out per via vs etc too much many most some such who whom whose does did
done being been over under both same other""".split())
# The share of a bullet's words that the note's other cards must hold for it to be a restatement
RESTATED = 0.75
MIN_WORDS = 2


def restated_recaps(drafts: list) -> list:
    """The drafts (`(siblings, heading path)` pairs) without the recap bullets the note carded elsewhere (see the
    module's docstring)."""
    if not any(_in_recap(heading) for _, heading in drafts):
        return drafts  # (said cheaply: the common note)
    said = _words(" ".join(f"{d.front} {d.back}" for siblings, heading in drafts if not _in_recap(heading)
                           for d in siblings))
    if not said:
        return drafts
    kept = []
    for siblings, heading in drafts:
        if _in_recap(heading):
            siblings = [d for d in siblings if d.explicit_id or d.kind == CardKind.DEFINITION
                        or d.form.startswith("table") or _left_new(d, said)]
            if not siblings:
                continue
        kept.append((siblings, heading))
    return kept


def _in_recap(heading: str) -> bool:
    """Whether a heading path (below the note's title) holds a recap's heading."""
    if "›" not in heading or not _RECAP_HINT.search(heading):
        return False  # (said cheaply: the common heading)
    return any(_RECAP.fullmatch(part.strip()) for part in heading.split(" › ")[1:])


def _words(text: str) -> set[str]:
    """The words of a text that may carry a fact, each cut to its stem ("scoring" and "score" alike)."""
    return {_SUFFIX.sub("", w) or w for w in _WORD.findall(text.lower()) if w not in _COMMON}


def _left_new(draft, said: set[str]) -> bool:
    """Whether the draft keeps a bullet the note does not say elsewhere; its back then holds only those."""
    back = draft.back
    items = _ITEM.split(back) if _ITEM.match(back) else [back]
    items = [item for item in items if item.strip()]
    new = [item for item in items if not _restates(item, said)]
    if len(new) == len(items):
        return True
    if all(len(_words(item)) < MIN_WORDS for item in new):
        return False  # (only a bare label is left: "- AE" over the bullets that went)
    draft.back = "\n".join(f"- {item.strip()}" for item in new) if len(new) > 1 else new[0].strip()
    return True


def _restates(item: str, said: set[str]) -> bool:
    words = _words(item)
    return len(words) >= MIN_WORDS and len(words & said) >= RESTATED * len(words)
