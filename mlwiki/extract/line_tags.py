"""Tags written at the end of a line of text, read as the app shows them: the note's tags, not words of the line.

Apps that keep tags inline (UpNote, Bear, Obsidian) let the writer tag a paragraph where it stands: "It keeps
activations in a stable range. #exam", "… when that helps. #important, #review". The app shows those as tag chips
and files the note under them; they say nothing of the subject. Left in, the tag ended a card's back, and a
paragraph or list item ending in one was not read as the answer, definition or section it was (a bold question's
answer, `**Term**: definition #exam`). A run of tags (`#word`, `#nested/tag`, commas between them) after the words
of a paragraph or list item is taken off; a line of tags alone, a heading, a table row and code are left as they
are, and so is a `#` that is no tag (`C#`, `issue #12`, a `#` inside a word), and a run that holds `#todo`: that tag
says the line is the writer's chore or open guess, which the readers of self-notes go by. Pure: text in, the same
number of lines out.
"""

from __future__ import annotations

import re

from mlwiki.extract.prose import TAG
from mlwiki.render.spans import map_unfenced

_TRAILING = re.compile(rf"(?<=\S)(?:,?[ \t]+{TAG})+[ \t]*,?[ \t]*$")
_NOT_TEXT = re.compile(r"[ \t]*(?:#|\||>?[ \t]*$)")  # (a heading, a table row, an empty line)
_TODO = re.compile(r"(?i)#to-?do\b")
_ONLY_TAGS = re.compile(rf"[ \t]*(?:[-*+][ \t]+)?{TAG}(?:,?[ \t]+{TAG})*[ \t]*,?[ \t]*")


def without_line_tags(body: str) -> str:
    """`body` with the tags at the end of each line of text taken off (see the module's docstring)."""
    if "#" not in body:
        return body
    return map_unfenced(body, _untagged)


def _untagged(line: str) -> str:
    """One line without the run of tags at its end, when words come before it."""
    if " #" not in line and "\t#" not in line or _NOT_TEXT.match(line) or _ONLY_TAGS.fullmatch(line):
        return line
    run = _TRAILING.search(line)
    return line if run is None or _TODO.search(run.group(0)) else line[:run.start()]
