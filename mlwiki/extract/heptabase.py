r"""What Heptabase's Markdown export writes around a card's text, read as Heptabase shows it.

Heptabase exports each card as `Card Library/Title.md` and writes a mention of another card as a link whose text is
that file's name, `[Bellman equations.md](./Bellman%20equations.md)`: the card shows the mention as the card's title,
"Bellman equations". A parenthesis in the file name is escaped in the target, `./IoU%20\(Jaccard\).md`: it is
written `%28`, as a URL writes it, so that every reader ends the link where it ends. A highlight quoted from a PDF
card ends on its citation, a link whose text is an escaped bracketed number,
`[\[1\]](https://app.heptabase.com/…?pdfPage=3&pdfBoundingBox=…)`, which leads back into the app: a reference mark,
no text of the card. A numbered heading keeps the export's escape, `## 1\. Tabular TD(0)`, which a heading path
would show with its backslash. A whiteboard exports each text box it holds as a paragraph led by `Text element: `,
the export's name for the kind of thing, not the writer's words: the box shows its text alone. Other exports write
the same (a mention by file name, a citation mark by number), so each is read wherever it stands. Fenced code is
left as written. Pure: text in, text out, line for line.
"""

from __future__ import annotations

import re

from mlwiki.render.spans import map_unfenced

_FILE_NAME_LINK = re.compile(r"(?<!!)\[([^\[\]\n]+?)\.md\]\((?!https?:)((?:\\[()]|[^()\s])+?\.md)(#[^()\s]*)?\)")
# A parenthesis in a file name, escaped in the link's target ("./IoU%20\(Intersection%20over%20Union\).md"): as
# the URL writes it, so that the link ends at its own closing parenthesis for every reader
_ESCAPED_PARENS = re.compile(r"\\([()])")
_CITATION_MARK = re.compile(r"[ \t]?\[\\\[\d{1,3}\\\]\]\([^()\s]*\)")
# A link into a notes app (a Heptabase card, a Capacities block): it opens only there
_APP_LINK = re.compile(r"\[([^\[\]\n]*)\]\(https://(?:app\.heptabase\.com|app\.capacities\.io)/[^()\s]*\)")
_NUMBERED_HEADING = re.compile(r"(#{1,6}[ \t]+\d{1,3})\\([.)])")
_TEXT_ELEMENT = re.compile(r"Text element:[ \t]+")


def as_heptabase_shows(body: str) -> str:
    """`body` with mentions by file name as their titles, citation marks left out and numbered headings unescaped
    (see the module's docstring); `body` itself when it has none."""
    if ".md]" not in body and "\\[" not in body and "](https://app." not in body and "\\." not in body \
            and "\\)" not in body and "Text element:" not in body:
        return body
    return map_unfenced(body, _read_line)


def _percent(found: re.Match) -> str:
    return "%28" if found.group(1) == "(" else "%29"


def _read_line(line: str) -> str:
    if ".md]" in line:
        line = _FILE_NAME_LINK.sub(lambda found: f"[{found.group(1)}]({_ESCAPED_PARENS.sub(_percent, found.group(2))}"
                                                 f"{found.group(3) or ''})", line)
    if "\\[" in line:
        line = _CITATION_MARK.sub("", line)
    if "](https://app." in line:
        line = _APP_LINK.sub(lambda found: found.group(1), line)
    if line.startswith("Text element:"):
        line = _TEXT_ELEMENT.sub("", line, count=1)
    if line.startswith("#"):
        line = _NUMBERED_HEADING.sub(r"\1\2", line, count=1)
    return line
