"""SilverBullet's own syntax, as a SilverBullet page shows it:

- an attribute, `[status: draft]`, `[confidence: high] [source: a textbook]` under a page's title, is the page's (or
  the paragraph's) metadata, indexed for queries: no text of the note (left, it was the back of the title's card);
- an admonition, `> **warning** Warning` over quoted lines, is a box of that kind: read as an Obsidian callout is
  (`> [!warning]`), its kind a label, the rest of its first line its title unless it only repeats the kind
  (left, "**warning** Warning" opened the card's back, and "Warning Warning …" its front);
- a link to a place in a page, `[[Page@875]]` (a character offset), shows the page's name: `[[Page]]`;
- a template put in place, `{{[[Library/Template/Links]]}}`, is the page's furniture: no text of the note.

Each line keeps its place, so line numbers stay; code (fenced or in backticks) and math are left as written."""

from __future__ import annotations

import re

from mlwiki.render.spans import fenced_lines

# An attribute: a lowercase name, a colon and a space, a value without brackets but
# for a wikilink's (`[source: [[Paper]], ch. 2]`); not a link's text (`[a: b](url)`,
# `[a: b][ref]`), a reference definition (`[a: b]: url`) nor the inside of a wikilink (`[[a: b]]`)
_ATTRIBUTE = re.compile(r"(?<![\[!\w])\[[a-z][\w-]*:[ \t](?:[^\[\]\n]|\[\[[^\[\]\n]+\]\])+\](?![\[(:\]])")
_HASHTAG = re.compile(r"#[^\W\d][\w/-]*")  # (a page tag next to the attributes: metadata as they are)
# An admonition's first line: a quote marker, the kind in bold (lowercase, as SilverBullet writes it), its title
_ADMONITION = re.compile(r"([ \t]{0,3}>[ \t]?)\*\*([a-z]+)\*\*(?:[ \t]+([^\n]*?))?[ \t]*$")
_KINDS = frozenset("note warning tip info hint important caution danger attention success failure error question "
                   "example quote abstract summary todo bug".split())
# A template's text put in place: `{{[[Library/Template/Links]]}}`, `{{[[template/day]] "arg"}}` (furniture)
_TEMPLATE_CALL = re.compile(r"\{\{\[\[[^\[\]\n]+\]\][^{}\n]*\}\}")
_PLACE = re.compile(r"(\[\[[^\[\]|@\n]+)@\d+(?=[|\]])")  # `[[Page@875]]`, `[[Page@875|alias]]`


def as_silverbullet_shows(body: str) -> str:
    """The body without SilverBullet's attributes, its admonitions as callouts, its links to a place as links to the
    page (a cheap test first: most notes have none of them)."""
    if ": " not in body and "**" not in body and "@" not in body and "{{[[" not in body:
        return body
    lines = body.split("\n")
    math = False
    for k, fenced in enumerate(fenced_lines(lines)):
        line = lines[k]
        if fenced:
            continue
        if line.strip() == "$$" or line.count("$$") % 2:
            math = not math  # (a display's lines: math, never attributes)
            continue
        if not math:
            lines[k] = _shown_line(line)
    return "\n".join(lines)


def _shown_line(line: str) -> str:
    """One line of prose as SilverBullet shows it."""
    if "**" in line and line.lstrip().startswith(">") and (match := _ADMONITION.match(line)) \
            and match.group(2) in _KINDS:
        title = match.group(3) or ""
        title = "" if title.lower().strip(":. ") == match.group(2) else title
        return f"{match.group(1)}[!{match.group(2)}] {title}".rstrip()
    if "{{[[" in line:
        line = _TEMPLATE_CALL.sub("", line)
        if not line.strip():
            return ""
    if "@" in line and "[[" in line:
        line = _PLACE.sub(r"\1", line)
    if ": " in line and "[" in line:
        line = _without_attributes(line)
    return line


def _without_attributes(line: str) -> str:
    """The line without its attributes outside code spans and inline math; a line of only attributes (and tags)
    becomes blank."""
    kept, last = [], 0
    for match in _ATTRIBUTE.finditer(line):
        before = line[:match.start()]
        if before.count("`") % 2 or (before.count("$") - 2 * before.count("$$")) % 2:
            continue  # (inside code or math: as written)
        kept.append(line[last:match.start()])
        last = match.end()
    if not kept:
        return line
    rest = "".join(kept) + line[last:]
    if not _HASHTAG.sub("", rest).strip():
        return ""
    return re.sub(r"[ \t]{2,}", " ", rest).rstrip() if rest.strip() else ""
