"""A Bear note as Bear shows it (Bear, the macOS/iOS notes app, exported to Markdown):

- a tag of several words is written between two `#`, `#deep learning#`, and a nested one `#ml/deep learning#`: Bear
  shows it as a tag chip, as it shows `#nlp`. Read as words, it left "learning#" on a card when the one-word tags
  around it were taken off. It is read as the one-word tag `#deep_learning` (underscores, as Anki writes a tag's
  spaces), so that the readers of tags (`line_tags`, `prose`) take it off as they take off `#nlp`;
- a line of tags alone at the bottom of a note, where Bear's writers tag a note as often as under its title
  (`#nlp/attention #journal`), is the note's tags, shown as chips, no words of it: left, it ended the last
  section's card;
- a file embedded in the note, a link into the note's attachments folder with Bear's display settings after it,
  `[paper.pdf](Transformers/paper.pdf)<!-- {"width":255,"preview":"true","embed":"true"} -->`, is a file preview, no
  words: alone on a line it made a card of the file's name. A picture (`![](…)`) is left for the readers of pictures.

A line that holds `#todo` is left as it is: that tag says the line is the writer's chore, which the readers of
self-notes go by. Each line keeps its place, so line numbers stay; code (fenced or in backticks) and math are left
as written. Pure: text in, text out.
"""

from __future__ import annotations

import re
from urllib.parse import unquote

from mlwiki.extract.prose import TAG
from mlwiki.render.spans import map_unfenced

# `#deep learning#`: a letter first, then words of a tag split by single spaces (six words at most: a longer run is
# no tag but two `#`s in a sentence), the closing `#` against the last word, the tag standing apart
_MULTI_WORD = re.compile(r"(?<![^\s(\[])#([A-Za-z][\w/'-]*(?:[ \t][\w/'-]+){1,5})#(?=[\s,.;:!?)\]]|$)")
_PROTECTED = re.compile(r"`[^`\n]*`|\$[^$\n]+\$")  # (a code span or inline math: never a tag)
_ONLY_TAGS = re.compile(rf"[ \t]*{TAG}(?:[ \t]*,?[ \t]+{TAG})*[ \t]*,?[ \t]*")
_TODO = re.compile(r"(?i)#to-?do\b")
# A link to a local file (not a note, not a page on the web) and Bear's display settings after it
_FILE_EMBED = re.compile(r"(?<!!)\[[^\]\n]*\]\((?!\w+:)([^)\s]+\.(?!md\b|markdown\b)[A-Za-z0-9]{1,6})\)"
                         r"(?P<shown><!--[ \t]*\{[^}\n]*\}[ \t]*-->)?")
_PICTURE = re.compile(r"!\[[^\]\n]*\]\([^)\n]*\)(?:<!--[ \t]*\{[^}\n]*\}[ \t]*-->)?")


def as_bear_shows(body: str, path: str = "") -> str:
    """`body` as Bear shows it (see the module's docstring); `path`: the note's path, whose name is the name of its
    attachments folder (a cheap test first: most notes have no `#` or attachment)."""
    if "#" not in body and "-->" not in body and "](" not in body:
        return body
    folder = path.rsplit("/", 1)[-1].rsplit(".", 1)[0]
    return _without_closing_tags(map_unfenced(body, lambda line: _as_shown(line, folder)))


def _as_shown(line: str, folder: str) -> str:
    """One line as Bear shows it."""
    if "#" in line:
        line = _multi_word_tags(line)
    if "](" in line:
        line = _without_file_embeds(line, folder)
    return line


def _without_closing_tags(body: str) -> str:
    """The body without the lines of tags alone that end it (a line of tags under the title is no section's text
    already: the readers of a note's opening pass it by)."""
    lines = body.split("\n")
    k = len(lines)
    while k and (not lines[k - 1].strip() or _ONLY_TAGS.fullmatch(lines[k - 1]) and not _TODO.search(lines[k - 1])):
        k -= 1
    return "\n".join(lines[:k] + ["" for _ in lines[k:]]) if k < len(lines) else body


def _multi_word_tags(line: str) -> str:
    """The line with each `#tag of words#` written as the one-word tag `#tag_of_words`."""
    if line.count("#") < 2 or line.lstrip().startswith(("# ", "## ", "### ", "#### ", "##### ", "###### ")):
        return line
    protected = [m.span() for m in _PROTECTED.finditer(line)] if "`" in line or "$" in line else []

    def one_word(m: re.Match) -> str:
        if any(a < m.end() and m.start() < b for a, b in protected):
            return m.group(0)
        return "#" + re.sub(r"[ \t]", "_", m.group(1))
    return _MULTI_WORD.sub(one_word, line)


def _without_file_embeds(line: str, folder: str) -> str:
    """The line without the files embedded in it, when it holds nothing but them (and pictures)."""
    embeds = [m for m in _FILE_EMBED.finditer(line) if m.group("shown") or _in_folder(m.group(1), folder)]
    if not embeds:
        return line
    rest = line
    for m in reversed(embeds):
        rest = rest[:m.start()] + rest[m.end():]
    if _PICTURE.sub("", rest).strip(" \t.,;·|-"):
        return line  # (a file named inside a sentence: a link, read as its text)
    return rest.rstrip() if rest.strip() else ""


def _in_folder(target: str, folder: str) -> bool:
    """Whether a link's target lies in the folder named after the note (where Bear keeps a note's files)."""
    return bool(folder) and unquote(target).split("/", 1)[0] == folder and "/" in target
