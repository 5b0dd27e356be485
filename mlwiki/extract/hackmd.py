"""HackMD's own syntax (also CodiMD's and HedgeDoc's), as a HackMD page shows it:

- the tags line, `###### tags: `ml` `compression`` under a note's title, is the note's tags, no section (read as a
  heading it titled the line after it, the session's presenter and date, as a card);
- an embed, `{%youtube ZVVnvZdUMUk %}`, `{%hackmd @team/glossary %}`, `{%pdf https://… %}`, is a player or another
  page shown in place: no text of the note (left, it reached the Anki deck raw);
- inserted text, `++one line++`, is underlined text: its words.

Each line keeps its place, so line numbers stay; code (fenced or in backticks) is left as written."""

from __future__ import annotations

import re

from mlwiki.render.spans import fenced_lines

# A heading of any level whose text is "tags:" and the tags: code spans, #hashtags or plain words between commas
_TAGS_HEADING = re.compile(r"(?im)^[ \t]{0,3}#{1,6}[ \t]+tags[ \t]*:[ \t]*(?:`[^`\n]*`|#?[\w/.-]+|[ \t,]+)*[ \t]*$")
_EMBED = re.compile(r"\{%[ \t]*(?:youtube|vimeo|gist|slideshare|speakerdeck|pdf|hackmd|figma|codepen|asciinema)"
                    r"\b[^%\n]*%\}")
_INSERTED = re.compile(r"\+\+(?=\S)([^+\n]*?\S)\+\+")


def as_hackmd_shows(body: str) -> str:
    """The body without HackMD's tags line and embeds, its inserted text as words (a cheap test first: most notes
    have none of them)."""
    if "tags" in body:
        body = _TAGS_HEADING.sub("", body)
    if "{%" not in body and "++" not in body:
        return body
    lines = body.split("\n")
    for k, fenced in enumerate(fenced_lines(lines)):
        line = lines[k]
        if not fenced and "`" not in line and ("{%" in line or "++" in line):
            lines[k] = _INSERTED.sub(r"\1", _EMBED.sub("", line))
    return "\n".join(lines)
