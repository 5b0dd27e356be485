"""A picture's caption written on the line under it ("![](board.png)" then "(photo of the whiteboard sketch)", as an
Evernote export or a pasted screenshot leaves them): the card shows no picture, so the caption alone said what a
learner could not see, a card of no fact or a line of noise on another's back. A line right under a picture that
names itself as one (photo, screenshot, sketch, scan, …) is read as its caption and left out, and so is one that
walks through the picture's panels ("Top row: raw AirPassengers (ACF left, PACF right). Bottom row: …"). Joplin
and other editors put a blank line between a picture and its caption: a caption in brackets or over panels may stand
there too. Each line keeps its place, so line numbers stay; fenced code is left as written."""

from __future__ import annotations

import re

from mlwiki.render.spans import fenced_lines

# a line that is only a picture: Markdown's `![alt](src)` or an `<img …>` tag
_PICTURE = re.compile(r"(?i)[ \t]*(?:!\[[^\]\n]*\]\([^)\n]*\)|<img\b[^<>\n]*>)[ \t]*")
# a caption naming itself as a picture, in a few words ("(photo of …)", "power curve screenshot from …")
_CAPTION = re.compile(r"(?i)[ \t]*[(\[*_]*[^\n]{0,60}?\b(?:photo(?:graph)?|screen ?shot|snapshot|picture|pic|sketch|"
                      r"scan(?:ned)?|drawing|whiteboard)s?\b[^\n]*")
_MAX_WORDS = 20
# a caption that walks through the picture's panels, by where each is ("Top row: …", "Bottom-left: …", "Left panel: …")
_PANELS = re.compile(r"(?i)[ \t]*(?:top|bottom|upper|lower|left|right)(?:[- ](?:left|right))?(?:[ \t]+(?:row|column|panel|"
                     r"plot|half|figure))?[ \t]*:[ \t]+\S[^\n]*")
_MAX_PANEL_WORDS = 60


def without_picture_captions(body: str) -> str:
    """The body without the captions written on the line under a picture (see the module's doc)."""
    if "![" not in body and "<img" not in body.lower():
        return body
    lines = body.split("\n")
    fenced = fenced_lines(lines)
    for k in range(1, len(lines)):
        line = lines[k]
        apart = k > 1 and not lines[k - 1].strip() and _PICTURE.fullmatch(lines[k - 2]) is not None  # (a blank between)
        if fenced[k] or fenced[k - 1] or not (_PICTURE.fullmatch(lines[k - 1]) or apart) or not line.strip() \
                or k + 1 < len(lines) and lines[k + 1].strip():
            continue  # (a caption is one line: a paragraph under a picture that goes on is the text's)
        if line.lstrip()[:1] not in "#|->`$" and len(line.split()) <= _MAX_WORDS and _CAPTION.fullmatch(line) \
                and (not apart or line.lstrip()[:1] in "([") \
                or len(line.split()) <= _MAX_PANEL_WORDS and _PANELS.fullmatch(line):
            lines[k] = ""
    return "\n".join(lines)
