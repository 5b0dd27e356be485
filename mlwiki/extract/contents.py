"""A table of contents on a card: a list whose every item opens on a link to another page and says at most, after a
dash or a colon, what that page holds ("- [](chapters/newton.ipynb) — Newton's method, damped Newton", "- [[Conjugate
priors]] — the closed-form cases"). It tells where things are, not what they say (a link with no text of its own
shows nothing at all on a card), so `tidy` makes no card of it. Pure."""

from __future__ import annotations

import re

# An item that opens on a link to a page ("[[Note]]", "[text](path)", MyST's "{doc}`page`") and, after a dash or a
# colon, says in a line what that page holds; or a link with no text of its own ("[](path)"), which says nothing
# (a link's path, or one in angle brackets, which may hold spaces and brackets: "(<./Conv basics/Pooling.md>)")
_DEST = r"\((?:[^)\s]+|<[^<>\n]+>)\)"
_PAGE_ITEM = re.compile(rf"[ \t]*(?:[-*+]|\d+[.)])[ \t]+(?:(?:\[\[[^\]\n]+\]\]|\[[^\]\n]+\]{_DEST}|\{{doc\}}`[^`\n]+`)"
                        rf"[ \t]*(?:[—–:]|--?)[ \t]*[^\n]{{1,100}}|\[\]{_DEST}(?:[ \t]*(?:[—–:]|--?)[ \t]*[^\n]{{0,100}})?|"
                        rf"(?:\[\[[^\]\n]+\]\]|\[[^\]\n]+\]{_DEST})[ \t]*(?:🌱|🌿|🌳|🌲|🪴|🍂|🚧))[ \t]*")
# (a garden's link with only its growth-stage mark after it, "- [[negative-sampling]] 🌱", is one of its map's pages)
# (items of bare links, "- [[Shapiro-Wilk]]" under "Normality tests", name the members of the heading's kind: a list)
MIN_ITEMS = 2  # (one linked item is a pointer, which `selfnotes` reads)


def lists_pages(back: str) -> bool:
    """Whether a back is only a table of contents: every line an item opening on a link to a page, what the page holds
    after it (`_PAGE_ITEM`)."""
    if not ("](" in back or "[[" in back or "{doc}" in back):
        return False  # (no link: the common back, said cheaply)
    lines = [line for line in back.split("\n") if line.strip()]
    return len(lines) >= MIN_ITEMS and all(_PAGE_ITEM.fullmatch(line) for line in lines)


# A documentation site's table of contents, `SUMMARY.md` (GitBook, Honkit, mdBook): headings over lists of links to
# the pages ("* [Data leakage](data-splits/leakage.md)", mdBook's draft "- [Later]()"), or a rule between parts
_CONTENTS_FILE = "summary"
_CONTENTS_LINE = re.compile(r"[ \t]*(?:#{1,6}[ \t][^\n]*|(?:[-*+]|\d+[.)])[ \t]+\[[^\]\n]+\]\([^)\s]*\)[ \t]*|"
                            r"\[[^\]\n]+\]\([^)\s]*\)[ \t]*|(?:-{3,}|\*{3,})[ \t]*|<!--.*-->[ \t]*)?")


def is_contents_page(rel: str, body: str) -> bool:
    """Whether the note is a site's table of contents: named `SUMMARY.md`, each of its lines a heading, a rule or a
    link to a page (`_CONTENTS_LINE`). It is the site's furniture, which makes no card (a note named "Summary" that
    says anything of its own is a note)."""
    if rel.rpartition("/")[2].partition(".")[0].casefold() != _CONTENTS_FILE or "](" not in body:
        return False
    return all(_CONTENTS_LINE.fullmatch(line) for line in body.split("\n"))
