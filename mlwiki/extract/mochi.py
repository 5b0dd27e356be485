"""Cards written as Mochi (mochi.cards) writes them in Markdown, read as the cards they are.

- A card file: its front, a line `---`, its back. A note whose text is one short paragraph, one `---` line and the
  rest is such a card, read as mlwiki's card div (`::: {.card}` with the front as its heading): the front is asked,
  the whole back (paragraphs, formulas, code) is the answer. A page with a heading or a list before its `---`, or
  more than one `---`, is a page with a rule across it, read as before.
- `@[Skip-gram](mochi://cards/abc123)`, Mochi's reference to another card, shows its title, as a link would.
- A line that is only a template field's name, `<< Term >>`, is the template's furniture: it shows nothing.

Pure: a note's text in; the same lines out, but for a card file's closing fence added after its last line.
"""

from __future__ import annotations

import re

from mlwiki.render.spans import fenced_lines

_CARD_REF = re.compile(r"@\[([^\]\n]+)\]\(mochi://[^)\s]*\)")
_FIELD_LINE = re.compile(r"[ \t]*<<[ \t]*[\w -]{1,40}?[ \t]*>>[ \t]*")
_TAGS_LINE = re.compile(r"[ \t]*#[\w/-]+(?:[ \t]+#[\w/-]+)*[ \t]*")
_SEPARATOR = "---"
_FRONT_WORDS = 30  # (a front is a question or a term, not a page's opening paragraph)
_NOT_A_FRONT = re.compile(r"[ \t]*(?:#|[-*+][ \t]|\d+[.)][ \t]|>|\||```|\$\$|:::|!\[)")


def as_mochi_shows(body: str) -> str:
    """`body` with Mochi's card references, template field names and a card file's two sides read as said above;
    `body` itself when it has none of them."""
    if "mochi://" in body:
        body = _CARD_REF.sub(r"\1", body)
    if "<<" in body and ">>" in body:
        body = "\n".join("" if _FIELD_LINE.fullmatch(line) else line for line in body.split("\n"))
    return _as_card(body) if _SEPARATOR in body else body


def _as_card(body: str) -> str:
    lines = body.split("\n")
    fenced = fenced_lines(lines)
    separators = [k for k, line in enumerate(lines) if line.strip() == _SEPARATOR and not fenced[k]]
    if len(separators) != 1:
        return body
    sep = separators[0]
    front = [k for k in range(sep) if lines[k].strip()]
    if not front or front != list(range(front[0], front[-1] + 1)) or not any(ln.strip() for ln in lines[sep + 1:]):
        return body  # (the front must be one paragraph, with a back after the rule)
    words = " ".join(lines[k].strip() for k in front)
    if len(words.split()) > _FRONT_WORDS or any(_NOT_A_FRONT.match(lines[k]) for k in front):
        return body
    start = front[0]
    lines[start] = "::: {.card}"
    lines[start + 1] = f"## {words}"
    for k in range(start + 2, sep + 1):
        lines[k] = ""
    last = max(k for k, line in enumerate(lines) if line.strip())
    if _TAGS_LINE.fullmatch(lines[last]):
        lines[last] = ""  # (the card's tags: the deck's, not the answer's)
    return "\n".join(lines).rstrip("\n") + "\n:::\n"
