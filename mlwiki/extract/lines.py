"""Pass 1 of extraction: mark every line of a note body as text, blank, heading, code, math, comment or div fence,
so that nothing in code, comments or math is ever read as card syntax.

Besides Pandoc's fenced divs, two other ways of writing a box become divs here: Obsidian callouts (`> [!type]
Title` and the quoted lines after it) and MyST directives that hold prose (```` ```{admonition} Title ````,
```` ```{note} ````). Other MyST directives (`{margin}`, `{figure}`, `{code-cell}`…) are code: never card text.
"""

from __future__ import annotations

import re

from mlwiki.models import Problem, Severity
from mlwiki.render.spans import FENCE, fence_closes, without_zettel_id

from mlwiki.extract.html_boxes import BOX_CLOSE, CODE_TAG, ICON, box_kind, box_line
from mlwiki.extract.line_kinds import (BLANK, BLANK_LINE, CODE, COMMENT, DIV_CLOSE, DIV_OPEN, HEADING, MATH,  # noqa: F401
                                      NO_CARD, TEXT, Line)

_QUOTE = re.compile(r"^(?:[ \t]{0,3}>[ \t]?)+")
_DIV = re.compile(r"^[ \t]{0,3}(:{3,})[ \t]*(.*?)[ \t]*$")
# An ATX heading is `^[ \t]{0,3}(#{1,6})[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$`: its marker matched by this, its text
# (without closing hashes) cut by `_heading` with string methods, as that pattern's lazy group would (without
# its backtracking, which made it a twentieth of all extraction). tests/test_extract.py checks the equality.
_HEADING_MARK = re.compile(r"[ \t]{0,3}(#{1,6})[ \t]+")
_SETEXT = re.compile(r"^[ \t]{0,3}(?:={2,}|-{3,})[ \t]*$")
MATH_ENVS = "equation|align|gather|multline|eqnarray|displaymath|flalign|alignat"
BEGIN_ENV = re.compile(r"^\s*\\begin\{((?:" + MATH_ENVS + r")\*?)\}")
LIST_ITEM = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+")
NUMBERED_ITEM = re.compile(r"[ \t]*\d+[.)][ \t]")  # an ordered list's item ("1. …", "2) …"): a step, in its order
_BULLETS = ("- ", "* ", "+ ")  # how most list items start: LIST_ITEM matches them, and no other test does
_HEADING_ATTRS = re.compile(r"[ \t]+\{(?:[#.-][^{}]*|[\w-]+=[^{}]*)\}$")
_ABBREVIATION = re.compile(r"\*\[[^\]\n]+\]:[ \t]")  # Markdown Extra's (and MkDocs') `*[HTML]: Hyper Text …`
_MYST_TARGET = re.compile(r"\([\w:.-]+\)=")
# A Markdown link reference definition, `[gae]: gae.md "GAE"` (Foam writes a block of them at a page's end for its
# wikilinks): CommonMark shows nothing of it; it stands on its own, never inside a paragraph. (`[^x]:` is a footnote.)
_LINK_DEFINITION = re.compile(r"[ \t]{0,3}\[(?!\^)[^\[\]\n]{1,200}\]:[ \t]*(?:<[^<>\n]*>|\S+)"
                              r"(?:[ \t]+(?:\"[^\"\n]*\"|'[^'\n]*'|\([^()\n]*\)))?[ \t]*")
_NO_CARD_COMMENT = re.compile(r"^[ \t]*<!--[ \t]*no-card[ \t]*-->[ \t]*$")
# What a callout may carry after its kind: `[!quote|#ffd400]` (a template's colour, a theme's layout)
CALLOUT_METADATA = r"(?:\|[^\]\n]*)?"
_CALLOUT_LINE = re.compile(r"\[!([\w-]+)" + CALLOUT_METADATA + r"\]([+-]?)[ \t]*(.*)$")
# GitHub's first alert syntax, still common in READMEs: a quote whose first line is only `**Note**` or `**Warning**`
_HR_TAG = re.compile(r"(?i)<hr\s*/?>")
_WARNING_ICONS = frozenset("⚠❗‼🚨⛔")  # (the icons of a quote that is a warning box: its own card, a caveat)
# The title of a box inside a callout that names only its role ("> > [!success]- Answer" under a question)
_BOX_ROLE = re.compile(r"(?i)(?:(?:the|an?|my|show|see|reveal)\s+)?(?:answers?|solutions?|hints?|explanation|proof|details|spoiler|more|click(?: to (?:expand|reveal|open))?)?[\W_]*")
_DIAGRAM = re.compile(r"(?i)\{?(?:mermaid|plantuml|graphviz|dot|d2)\}?(?:[ \t].*)?")  # (a fence's info string)
_BOLD_ALERT = re.compile(r"\*\*(Note|Warning|Important|Tip|Caution)\*\*:?()()", re.IGNORECASE)
# An MkDocs (Python-Markdown / pymdownx.details) admonition: `!!! note "Title"`, `??? tip`, `???+ warning ""`
# (a title may hold a quote escaped, `"Deep learning \\"convolution\\""`: MkDocs shows the quote)
_ADMONITION = re.compile(r'(?:!!!|\?\?\?\+?)[ \t]+([\w-]+)(?:[ \t]+[\w-]+)*?(?:[ \t]+"((?:[^"\\\n]|\\.)*)")?[ \t]*$')
# A pymdownx content tab, `=== "Skip-gram"` over its text indented under it (`===!` starts a new set, `===+` is the
# tab shown first): the tabs in a row are a MyST `{tab-set}` of `{tab-item}`s, read as sections side by side
_TAB = re.compile(r'===([!+]{0,2})[ \t]+"([^"\n]+)"[ \t]*$')
_MYST_DIRECTIVE = re.compile(r"\{([\w:-]+)\}[ \t]*(.*)$")
# MyST directives whose body is prose (Jupyter Book's admonitions and dropdowns, and sphinx-proof's statements, a
# book's definitions and theorems, and a `{glossary}` of terms): read as divs. (`{prf:proof}` and `{prf:example}`
# stay code: no cards.) A `{tab-set}` of `{tab-item}`s: tabs side by side, read as sections (walk.tabs_as_headings).
MYST_PROSE = frozenset("admonition note tip hint important warning caution attention danger error seealso "
                       "dropdown important question exercise solution glossary prf:definition prf:theorem prf:lemma "
                       "prf:proposition prf:corollary prf:axiom prf:property prf:remark prf:criterion "
                       "prf:assumption prf:observation prf:conjecture prf:algorithm tab-set tab-item".split())
# A list item that is only an Obsidian comment, `- %% fix the tokenizer first %%`: hidden in Obsidian, no empty item
_COMMENT_ITEM = re.compile(r"[-*+][ \t]+%%.*%%[ \t]*$")
_MYST_OPTION = re.compile(r"^[ \t]*:[\w-]+:")
# A Dataview (or Logseq) inline field on a line of its own, `source:: Sutton & Barto ch. 13`, `status:: done`: the
# note's metadata, which a query reads, not what the note teaches (the key's last character touches the `::`; a
# one-line card, `front :: back`, has a space before it)
_INLINE_FIELD = re.compile(r"(?:[-*+][ \t]+)?[A-Za-z][\w-]*(?:[ \t][\w-]+){0,3}::(?:[ \t]|$)")




def _after_directive(lines: list[Line]) -> bool:
    """Whether the next line stands among a directive's options: right after its opening or after options only
    (`:label:`, then `:alt:` and `:width:` under a `:::{figure}`: each an option, none its text)."""
    i = len(lines) - 1
    while i >= 0 and lines[i].kind == COMMENT and _MYST_OPTION.match(lines[i].text):
        i -= 1
    return i >= 0 and lines[i].kind == DIV_OPEN


def heading_level(line: Line) -> int:
    return int(line.attrs.split(" ", 1)[0])


def problem(path: str, line: int | None, message: str, severity: Severity = Severity.ERROR,
            code: str = "syntax") -> Problem:
    return Problem(path, line, message, severity, code)


def _strip_quote(raw: str) -> str:
    match = _QUOTE.match(raw)
    return raw[match.end():] if match else raw


def _heading(text: str) -> tuple[str, str] | None:
    """(heading text, attrs) of an ATX heading, or None when the line is not one: Pandoc attributes,
    `## Adam {#sec-adam .unnumbered}`, are not its text; `{.no-card}` among them is remembered."""
    match = _HEADING_MARK.match(text)
    if not match:
        return None
    heading, level = text[match.end():].rstrip(" \t"), str(len(match.group(1)))
    if heading.endswith("#"):  # closing hashes, after a space
        opened = len(heading.rstrip("#"))
        if opened and heading[opened - 1] in " \t":
            heading = heading[:opened].rstrip(" \t")
    if heading.endswith("}") and (attrs := _HEADING_ATTRS.search(heading)):
        heading = heading[:attrs.start()]
        if ".no-card" in attrs.group(0):
            level += " no-card"
    if level == "1" and heading[:2] in ("19", "20"):
        heading = without_zettel_id(heading)  # (Zettlr's "# 20241105143020 Back-door adjustment": the id names the
        # note for links, the title is the rest)
    return heading, level


def classify(body: str, problems: list[Problem], path: str, to_file_line) -> list[Line]:
    """Mark each line; report unclosed fences, math blocks and comments.

    This loop runs once per line of every note, so it is kept lean: each regex is tried only after a cheap test
    of the line's first character says it could match, and blank lines share one object.
    """
    lines: list[Line] = []
    append = lines.append
    fence: tuple[str, int, int, int] | None = None  # (char, length, opening line, CODE or MATH)
    pending: tuple[str, int, int] | None = None  # display math or comment: (closing token, line, kind)
    directives: list[tuple[str, int]] = []  # open MyST prose directives: (fence char, length)
    callout = False  # inside an Obsidian callout (quoted lines after `> [!type]`)
    details = 0  # HTML folds (`<details>`) open
    boxes: list[bool] = []  # HTML boxes open (a callout's div, or a plain `<div>`'s tags, which are no div)
    admonition = False  # inside an MkDocs admonition (the lines indented under `!!! type "Title"`)
    tabs = False  # inside a pymdownx content tab (the lines indented under `=== "Title"`)
    prev_blank, prev_indented, in_list = True, False, False
    for no, raw in enumerate(body.split("\n"), start=1):
        if callout and not raw.lstrip().startswith(">"):  # (checked first: rarely true, and cheap)
            append(Line(no, "", DIV_CLOSE))  # the callout ends with its quoted lines
            callout = False
        if tabs and not (raw[:4] == "    " or raw[:1] == "\t" or not raw.strip() or fence):
            tabs = _next_tab(no, raw, admonition, append)  # (a line at the margin: the next tab, or the end of them)
            admonition = False  # (closed with its tab)
            if tabs:
                prev_blank, prev_indented, in_list = True, False, False
                continue
        elif tabs and raw.strip():
            raw = raw[1:] if raw[:1] == "\t" else raw[4:]  # (a tab's text, read as if it stood at the margin)
        if admonition:
            if raw[:4] == "    " or raw[:1] == "\t":
                raw = raw[1:] if raw[:1] == "\t" else raw[4:]  # (its body, read as if it stood at the margin)
            elif raw.strip() and not fence:
                append(Line(no, "", DIV_CLOSE))  # the admonition ends at the first line not indented under it
                admonition = False
        if not fence and not pending:
            if raw[:1].isalpha() and ("<" not in raw or "<!--" not in raw) and not (boxes and raw[-1:] == ">"):
                # the common line of prose: it starts with a letter, so it opens nothing and is not in a list
                in_list = in_list and not prev_blank
                prev_blank = prev_indented = False
                append(Line(no, raw, COMMENT if "::" in raw and _INLINE_FIELD.match(raw) else TEXT))
                continue
            if not raw:  # the next most common: an empty line (handled as below, without the tests on the way)
                append(BLANK_LINE)
                prev_blank = True
                continue
            if raw[:2] in _BULLETS and ("<" not in raw or "<!--" not in raw):  # then a list item, and a heading: as below, sooner
                in_list, prev_blank, prev_indented = True, False, False
                append(Line(no, raw, COMMENT if "::" in raw and _INLINE_FIELD.match(raw)
                            or "%%" in raw and _COMMENT_ITEM.match(raw) else TEXT))
                continue
            if raw[:1] == "#" and (found := _heading(raw)):
                append(Line(no, found[0], HEADING, found[1]))
                prev_blank = prev_indented = in_list = False
                continue
        quoted = raw.find(">", 0, 4) >= 0
        text = _strip_quote(raw) if quoted else raw
        if fence:
            closes = text.lstrip()[:1] == fence[0] and fence_closes(text, fence[0], fence[1])
            if fence[3] == MATH:  # a MyST ```{math}: display math, its fences read as `$$`, its options as nothing
                if closes or not _MYST_OPTION.match(text):  # (an option as an empty line would end the formula
                    append(Line(no, "$$" if closes else text, MATH))  # in Markdown: its `_` then read as emphasis)
            else:
                append(Line(no, text, fence[3]))
            if closes:
                fence = None
            prev_blank = prev_indented = False
            continue
        if pending:
            append(Line(no, text, pending[2]))
            if pending[0] in text:
                pending = None
            prev_blank = prev_indented = False
            continue
        stripped = text.strip()
        if not stripped:
            append(BLANK_LINE)
            prev_blank = True
            continue
        kind, first = TEXT, stripped[0]
        if (prev_blank or prev_indented) and not in_list and raw.startswith(("    ", "\t")):
            append(Line(no, text, CODE))  # an indented code block
            prev_blank, prev_indented = False, True
            continue
        if first in "`~" and (match := FENCE.match(text)) and \
                not (match.group(1)[0] == "`" and "`" in match.group(2)):
            opened = (match.group(1)[0], len(match.group(1)), no)
            if directives and opened[0] == directives[-1][0] and opened[1] >= directives[-1][1] and \
                    not match.group(2).strip():
                directives.pop()
                append(Line(no, "", DIV_CLOSE))
                prev_blank = prev_indented = False
                continue
            directive = _MYST_DIRECTIVE.match(match.group(2).strip())
            if directive and directive.group(1) in MYST_PROSE:
                directives.append(opened[:2])
                append(Line(no, text, DIV_OPEN, match.group(2).strip()))
                prev_blank = prev_indented = False
                continue
            if directive and directive.group(1) == "math" or match.group(2).strip() == "math":  # (```math: GitHub's)
                fence = (*opened, MATH)
                append(Line(no, "$$", MATH))
                prev_blank = prev_indented = False
                continue
            if _DIAGRAM.fullmatch(match.group(2).strip()):  # (a diagram's source: no text a learner reads, and no
                fence = (*opened, COMMENT)  # card's back can draw it)
                append(Line(no, text, COMMENT))
                prev_blank = prev_indented = False
                continue
            kind, fence = CODE, (*opened, CODE)
        elif first == ":" and (match := _DIV.match(text)):
            append(Line(no, text, DIV_OPEN if match.group(2) else DIV_CLOSE, match.group(2)))
            prev_blank = prev_indented = False
            continue
        elif first == ":" and _MYST_OPTION.match(text) and _after_directive(lines):
            append(Line(no, text, COMMENT))  # a MyST directive's option (`:class: dropdown`): not its text
            continue
        elif first == "#" and (found := _heading(text)):
            append(Line(no, found[0], HEADING, found[1]))
            prev_blank = prev_indented = in_list = False
            continue
        elif first in "!?" and not admonition and not quoted and (match := _ADMONITION.match(text)):
            admonition = True
            append(Line(no, text, DIV_OPEN, _admonition_attrs(match)))
            prev_blank = prev_indented = False
            continue
        elif first == "=" and not tabs and not admonition and not quoted and (match := _TAB.match(text)):
            tabs = True
            _open_tab(no, text, match.group(2), append)
            prev_blank, prev_indented, in_list = True, False, False
            continue
        elif first in "[*" and quoted and not callout and (match := _CALLOUT_LINE.match(stripped)
                                                           or _BOLD_ALERT.fullmatch(stripped)):
            callout = True
            append(Line(no, text, DIV_OPEN, _callout_attrs(match)))
            prev_blank = prev_indented = False
            continue
        elif quoted and not callout and first in _WARNING_ICONS and (not lines or lines[-1].kind not in (TEXT, CODE)) \
                and (icon := ICON.match(stripped)):  # (`> ⚠️ …`: a warning box as Craft, Capacities, Bear write
            callout = True  # one; a quote that goes on a TEXT line opens none. `> 💡 …` stays a quote: often the
            # sentence that leads into the formula under it)
            append(Line(no, text, DIV_OPEN, f'.callout-{box_kind(icon.group(0))} title=""'))
            append(Line(no, stripped[icon.end():], TEXT))
            prev_blank = prev_indented = False
            continue
        elif first == "[" and quoted and callout and (match := _CALLOUT_LINE.match(stripped)):
            title = match.group(3).strip()  # (a callout inside a callout: its box is no card of its own; its title,
            append(Line(no, title, COMMENT if _BOX_ROLE.fullmatch(title) else TEXT))  # unless only "Answer", is text)
            prev_blank = prev_indented = False
            continue
        elif first in "=-" and not prev_blank and lines and lines[-1].kind == TEXT and _SETEXT.match(text) \
                and _setext_title(lines):
            title = lines.pop()
            append(Line(title.no, title.text.strip(), HEADING, "1" if first == "=" else "2"))
            append(BLANK_LINE)
            prev_blank, prev_indented, in_list = True, False, False
            continue
        elif first == "<" and (details or "<details" in text[:9].lower()) and (folded := _fold_line(text, lines)):
            if folded is _SUMMARY_LINE:
                append(Line(no, text, COMMENT))  # (its text is the title of the fold it opens)
            elif folded is DIV_CLOSE:
                details -= 1
                append(Line(no, "", DIV_CLOSE))
            else:
                details += 1
                append(Line(no, text, DIV_OPEN, folded))
            prev_blank = prev_indented = False
            continue
        elif first == "<" and (code := CODE_TAG.match(stripped)):  # (a page's `<script setup>`, `<style>`: code)
            append(Line(no, text, COMMENT))
            close = f"</{code.group(1).lower()}>"
            pending = None if close in stripped.lower() else (close, no, COMMENT)
            prev_blank = prev_indented = False
            continue
        elif first == "<" and (stripped[1:4].lower() in ("asi", "div") or boxes and stripped[1:2] == "/") and \
                box_line(no, stripped, boxes, append):  # (an HTML box: a div, as an Obsidian callout is)
            prev_blank = prev_indented = False
            continue
        elif first in "$\\%" or ("<" in text and "<!--" in text):
            if first == "<" and _NO_CARD_COMMENT.match(text):
                append(Line(no, "", NO_CARD))
                prev_blank = prev_indented = False
                continue
            kind, pending = _open_math_or_comment(text, stripped, no)
            if kind == TEXT and first == "%" and _myst_comment(text, lines):
                kind = COMMENT
        if kind == TEXT:
            if first in "-*+0123456789" and LIST_ITEM.match(text):
                in_list = True
            elif prev_blank and not raw.startswith((" ", "\t")):
                in_list = False
            if "::" in text and _INLINE_FIELD.match(stripped):
                kind = COMMENT  # (a Dataview field in a callout or indented under an item: metadata there too)
            elif first == "*" and text.startswith("*[") and _ABBREVIATION.match(text):
                kind = COMMENT  # (`*[OOV]: out of vocabulary`: the page's abbreviations, shown as tooltips)
            elif first == "<" and _HR_TAG.fullmatch(stripped):
                text = "***"  # (`<hr>` alone on its line, as Deepnote's separator block: a rule like `***`)
            elif first == "." and stripped == ". . .":
                kind = COMMENT  # (a reveal.js pause between a slide's parts: no text)
            elif first == "[" and stripped.lower() in _TOC_MARKERS:
                kind = COMMENT  # (`[[toc]]`, `[TOC]`: where a site shows the page's table of contents)
            elif first == "[" and (not lines or lines[-1].kind != TEXT) and _LINK_DEFINITION.fullmatch(text):
                kind = COMMENT  # (a link's target: furniture, no card and nothing on one)
            elif first == "(" and text.endswith("=") and _MYST_TARGET.fullmatch(stripped):
                kind = COMMENT  # (`(kkt-list)=`: a MyST target, which the book never shows, over the text it labels)
        if boxes and kind == TEXT and lines[-1].kind == DIV_OPEN:
            text = ICON.sub("", text, 1)  # (the emoji a Notion callout opens with is its icon)
        prev_blank = prev_indented = False
        append(Line(no, text, kind))
        if boxes and text.endswith(">") and BOX_CLOSE.search(text):  # ("… the threshold.</div>")
            lines[-1].text = BOX_CLOSE.sub("", text)
            append(Line(no, "", DIV_CLOSE if boxes.pop() else COMMENT))
    if callout or admonition:
        append(Line(len(lines) + 1, "", DIV_CLOSE))
    if tabs:
        append(Line(len(lines) + 1, "", DIV_CLOSE))
    for _ in filter(None, boxes):
        append(Line(len(lines) + 1, "", DIV_CLOSE))
        append(Line(len(lines) + 1, "", DIV_CLOSE))
    _report_open(fence, pending, problems, path, to_file_line)
    return lines


def _open_tab(no: int, text: str, title: str, append, item_only: bool = False) -> None:
    """The divs a content tab opens: its set's (unless `item_only`: a tab after another) and its own."""
    if not item_only:
        append(Line(no, text, DIV_OPEN, "{tab-set}"))
    append(Line(no, text, DIV_OPEN, "{tab-item} " + title.replace('"', "'")))


def _next_tab(no: int, raw: str, admonition: bool, append) -> bool:
    """At a line back at the margin after a content tab's text: close the tab (and an admonition in it), and open
    the next tab when the line is one (`===!` opens a new set); whether a tab is open after it."""
    if admonition:
        append(Line(no, "", DIV_CLOSE))
    append(Line(no, "", DIV_CLOSE))
    match = _TAB.match(raw)
    if match is None or "!" in match.group(1):
        append(Line(no, "", DIV_CLOSE))  # (the set ends with its last tab)
    if match is not None:
        _open_tab(no, raw, match.group(2), append, item_only="!" not in match.group(1))
    return match is not None


def _myst_comment(text: str, lines: list[Line]) -> bool:
    """Whether a line opening on `%` is a MyST comment (`% TODO: the proof`), which Jupyter Book never shows: `%`
    at the margin, then a space or nothing; not the tail of a number wrapped onto its own line ("… rose by 5" over
    "% of the runs", which goes on in lower case or digits)."""
    if text[:1] != "%" or text[1:2] not in ("", " ", "\t"):
        return False
    rest = text[1:].lstrip()[:1]
    return not (lines and lines[-1].kind == TEXT and (rest.islower() or rest.isdigit()))


def indent_width(text: str) -> int:
    """A line's indentation in columns, a tab to the next multiple of four (as Obsidian and CommonMark count it)."""
    expanded = text.expandtabs(4)
    return len(expanded) - len(expanded.lstrip())


def _callout_attrs(match: re.Match) -> str:
    """An Obsidian callout's type, title and fold sign as div attributes. A title of no word, only an icon (`> [!note]
    💡`, as Obsidian's importer writes a Notion callout's emoji), is none: the box shows its text, not a title."""
    title = match.group(3).replace('"', "'") if _WORDED.search(match.group(3)) else ""
    return f'.callout-{match.group(1).lower()} title="{title}" obsidian={match.group(2) or "-"}'


def _admonition_attrs(match: re.Match) -> str:
    """An MkDocs admonition's type and title as a callout's div attributes (no title: MkDocs shows the type's name,
    as Obsidian does for a callout without one)."""
    title = (match.group(2) or "").replace('\\"', '"').replace('"', "'")
    return f'.callout-{match.group(1).lower()} title="{title}"'


_WORDED = re.compile(r"[^\W_]")


_TOC_MARKERS = frozenset(("[[toc]]", "[toc]", "[[_toc_]]"))
# An HTML fold, as GitHub shows it: `<details>` (with its `<summary>…</summary>` on the line or the next), `</details>`
_DETAILS_OPEN = re.compile(r"<details\b[^>]*>[ \t]*(?:<summary\b[^>]*>(.*?)</summary>)?[ \t]*$", re.I)
_SUMMARY = re.compile(r"<summary\b[^>]*>(.*?)</summary>[ \t]*$", re.I)
_DETAILS_CLOSE = re.compile(r"</details>[ \t]*$", re.I)
_TAG = re.compile(r"<[^>]*>")
_SUMMARY_LINE = object()  # (what `_fold_line` says of a summary line under its `<details>`)


def _fold_line(text: str, lines: list[Line]):
    """An HTML fold's line, read as a div titled by its summary: the attributes of the div a `<details>` line opens,
    DIV_CLOSE for `</details>`, `_SUMMARY_LINE` for the `<summary>` line right under an untitled `<details>` (whose
    div it titles); None for any other line (its tags are left off the card's text later)."""
    stripped = text.strip()
    if match := _DETAILS_OPEN.match(stripped):
        return _fold_attrs(match.group(1) or "")
    if _DETAILS_CLOSE.match(stripped):
        return DIV_CLOSE
    last = next((ln for ln in reversed(lines) if ln.kind != BLANK), None)
    if last is not None and last.kind == DIV_OPEN and last.attrs == _fold_attrs("") and \
            (match := _SUMMARY.match(stripped)):
        last.attrs = _fold_attrs(match.group(1))
        return _SUMMARY_LINE
    return None


def _fold_attrs(summary: str) -> str:
    """A fold's div attributes: class `details`, its summary (tags left out) as the title, unless the summary only
    says what unfolding shows ("Answer", "Show code", "Click to expand"): then its text reads as the section's. A
    hint at the widget ("my derivation (click)") is no part of the title; `written` keeps the title with it, which
    the fold had before, for the ids of its cards (`titled_as_written`)."""
    written = " ".join(_TAG.sub("", summary).split()).replace('"', "'")
    title = _UI_HINT.sub("", written) if "(" in written or "[" in written or " to " in written else written
    title, was = ("" if _REVEAL.match(title) else title), ("" if _REVEAL.match(written) else written)
    return f'.details title="{title}"' + (f' written="{was}"' if was != title else "")


def titled_as_written(lines: list[Line]) -> None:
    """Title each fold by its summary as written, "(click)" and all: the note as mlwiki read it before, whose
    fronts give the ids the cards keep."""
    for ln in lines:
        if ln.kind == DIV_OPEN and ' written="' in ln.attrs:
            ln.attrs = '.details title="' + ln.attrs.split(' written="', 1)[1]


# A fold's summary that names no subject, only what unfolding shows
_REVEAL = re.compile(r"(?i)(?:answers?|solutions?|show|click|expand|details|more|spoiler|hints?|reveal|toggle|hidden|"
                     r"open|see|code|output|proof)\b")

# What a summary says of the page's widget, not of its subject: "my derivation (click)", "Proof (click to expand)",
# "Details — click to show"
_UI_HINT = re.compile(r"(?i)\s*(?:[(\[]\s*(?:(?:click|tap)(?:\s+here)?(?:\s+to\s+(?:expand|show|open|reveal|see|view)"
                      r"(?:\s+\w+)?)?|expand|show|collapsed)\s*[)\]]|[-–—:]\s*(?:click|tap)(?:\s+here)?\s+to\s+"
                      r"(?:expand|show|open|reveal|see|view)\b[^()]*)\s*$")


def _setext_title(lines: list[Line]) -> bool:
    """Whether the last line is a one-line paragraph, so that `===`/`---` under it makes it a heading (a
    `---` under a longer paragraph or a list item is more likely a rule than a heading)."""
    last = lines[-1]
    if LIST_ITEM.match(last.text) or last.text.lstrip().startswith(("|", "!", "<")):
        return False
    return len(lines) == 1 or lines[-2].kind in (BLANK, HEADING, DIV_OPEN, DIV_CLOSE, NO_CARD)


def _report_open(fence, pending, problems: list[Problem], path: str, to_file_line) -> None:
    if fence:
        problems.append(problem(path, to_file_line(fence[2]), "code fence is never closed"))
    if pending and pending[2] == MATH:
        problems.append(problem(path, to_file_line(pending[1]), f"display math is never closed "
                                                                   f"(expected {pending[0]})"))
    elif pending:
        what = {"-->": "HTML comment", "%%": "Obsidian comment"}.get(pending[0], f"<{pending[0][2:-1]}> block")
        problems.append(problem(path, to_file_line(pending[1]), f"{what} is never closed (expected "
                                                                   f"{pending[0]})", Severity.WARNING))


def _open_math_or_comment(text: str, stripped: str, no: int) -> tuple[int, tuple[str, int, int] | None]:
    """For a line outside any block: its kind, and the display math or comment it opens that continues below."""
    first = stripped[0]
    if first == "$" and stripped.startswith("$$"):
        return MATH, (None if "$$" in stripped[2:] else ("$$", no, MATH))
    if first == "\\":
        if stripped.startswith("\\["):
            return MATH, (None if "\\]" in stripped[2:] else ("\\]", no, MATH))
        if match := BEGIN_ENV.match(stripped):
            close = f"\\end{{{match.group(1)}}}"
            return MATH, (None if close in stripped else (close, no, MATH))
    if first == "%" and stripped.startswith("%%"):  # an Obsidian comment: hidden in Obsidian, so no cards
        return COMMENT, (None if "%%" in stripped[2:] else ("%%", no, COMMENT))
    if "<!--" in text:
        start = text.rfind("<!--")
        if "-->" not in text[start + 4:]:
            return (COMMENT if start == len(text) - len(text.lstrip()) else TEXT), ("-->", no, COMMENT)
        if stripped.startswith("<!--") and stripped.find("-->") == len(stripped) - 3:
            return COMMENT, None  # (a line that is one whole comment, a slide's speaker note: hidden, as a page shows it)
    return TEXT, None
