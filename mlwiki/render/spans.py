"""The one finder of math spans and code in Markdown text: what is inline math, what is a code span, where a code
fence opens. Extraction, the HTML renderer, the MathML pages, the terminal renderer and the card page ask here.

Pure and cheap to import (only `re`). The rules are Pandoc's, which Quarto, Jupyter Book and Obsidian share:

- a code span is a run of backticks up to the next run of the same length; a run without one is literal;
- `$…$` is inline math when the body neither starts nor ends with whitespace, the closing `$` is not followed by a
  digit ("$5 and $10" is not math) and the span does not cross a blank line; `\\$` is a dollar sign;
- `$$…$$` is display math up to the next unescaped `$$`; `\\(…\\)` and `\\[…\\]` are math too.

It also says what a footnote is, which no renderer of a card shows (a card has no foot): its mark, `[^ho]`, and
the start of its text, `[^ho]: Ho et al. 2020.`, after a line's indentation.
"""

from __future__ import annotations

import re

# A code fence's opening line: up to three spaces, three or more backticks or tildes, then the info string.
FENCE = re.compile(r"[ \t]{0,3}(`{3,}|~{3,})(.*)")
BACKTICKS = re.compile(r"`+")
FOOTNOTE_MARK = re.compile(r"\[\^[^\]\s]+\]")
FOOTNOTE_TEXT = re.compile(r"\[\^[^\]\s]+\]:")
_BLANK_LINE = re.compile(r"\n[ \t]*(?:\n|$)")
# \( … \) and \[ … \] in sanitized HTML (markdown_to_html writes math that way), not inside code or pre: group 1 is
# a code or pre element (skip it), 3 display math, 4 inline math.
HTML_MATH = re.compile(r"(<(pre|code)\b[^>]*>.*?</\2>)|\\\[(.+?)\\\]|\\\((.+?)\\\)", re.DOTALL | re.IGNORECASE)
# Math in plain note text as one regex, for renderers that substitute it: $$…$$, \(…\), \[…\], and $…$ by
# pandoc's rule (no space inside the dollars, no digit after the closing one); group 1 matches `\$`, a dollar.
TEXT_MATH = re.compile(r"(\\\$)|\$\$(.+?)\$\$|\\\((.+?)\\\)|\\\[(.+?)\\\]"
                       r"|\$(?![\s$])((?:[^$\\]|\\.)*?)(?<![\s\\])\$(?!\d)", re.DOTALL)
# One line of plain text: its simplest `$…$` spans (no escapes, no newlines), for renderers' fast paths that hand
# anything less simple to the full Markdown parser; and a lone `$$…$$` block.
SIMPLE_INLINE_MATH = re.compile(r"\$(?![\s$])([^$\n\r]*?)(?<![\s\\])\$(?!\d)")
SIMPLE_DISPLAY_MATH = re.compile(r"\$\$([^$]*[^$\s\\][^$]*)\$\$")


def text_math_latex(match: re.Match) -> str | None:
    """The TeX of a `TEXT_MATH` match, without its delimiters; None for an escaped dollar (`\\$`)."""
    return None if match.group(1) else next(g for g in match.groups()[1:] if g is not None)


def fence_closes(line: str, char: str, length: int) -> bool:
    """Whether `line` closes a fence opened with `length` times `char` (same char, at least as long, no info)."""
    match = FENCE.match(line)
    return bool(match) and match.group(1)[0] == char and len(match.group(1)) >= length and \
        not match.group(2).strip()


def fenced_lines(lines: list[str]) -> list[bool]:
    """Whether each line belongs to a fenced code block, its opening and closing fences included: the lines a
    reading of a tool's syntax must leave as written."""
    fenced, fence = [], None
    for line in lines:
        if fence:
            fence = None if fence_closes(line, *fence) else fence
        elif found := FENCE.match(line):
            fence = (found.group(1)[0], len(found.group(1)))
        else:
            fenced.append(False)
            continue
        fenced.append(True)
    return fenced


def map_unfenced(body: str, reading) -> str:
    """`body` with `reading` (a line → the line as read) applied to each line outside fenced code: a tool's syntax
    is never read inside code."""
    lines = body.split("\n")
    for k, fenced in enumerate(fenced_lines(lines)):
        if not fenced:
            lines[k] = reading(lines[k])
    return "\n".join(lines)


def code_span_end(text: str, start: int) -> tuple[int, int]:
    """For the run of backticks at `start`: (end of the run, end of the code span it opens or -1 if none)."""
    n = len(text)
    k = start
    while k < n and text[k] == "`":
        k += 1
    run, pos = k - start, k
    while (q := text.find("`" * run, pos)) != -1:
        e = q
        while e < n and text[e] == "`":
            e += 1
        if e - q == run:
            return k, e
        pos = e
    return k, -1


def code_spans(text: str) -> list[tuple[int, int]]:
    """Every code span of the text as (start, end). Pairing the runs is linear, where a regex (or calling
    `code_span_end` from each run) is quadratic in a line of stray backticks."""
    runs = [match.span() for match in BACKTICKS.finditer(text)]
    partner = [-1] * len(runs)
    following: dict[int, int] = {}  # run length → index of the next run of that length
    for k in range(len(runs) - 1, -1, -1):
        size = runs[k][1] - runs[k][0]
        partner[k] = following.get(size, -1)
        following[size] = k
    spans, k = [], 0
    while k < len(runs):
        if partner[k] < 0:
            k += 1
        else:
            spans.append((runs[k][0], runs[partner[k]][1]))
            k = partner[k] + 1
    return spans


def between_spans(text: str, spans: list[tuple[int, int]], read) -> str:
    """`text` with `read` applied to each stretch outside `spans` (sorted (start, end) pairs: code, math; one that
    starts inside an earlier one is skipped), the spans as written."""
    out, pos = [], 0
    for start, end in spans:
        if start >= pos:
            out += [read(text[pos:start]), text[start:end]]
            pos = end
    out.append(read(text[pos:]))
    return "".join(out)


def inline_math_close(text: str, start: int) -> int:
    """Index of the `$` closing an inline span whose body starts at `start`, or -1 (Pandoc's rules, above).
    A `$` that cannot close the span ends the search: bodies hold no bare `$`."""
    n = len(text)
    if start >= n or text[start].isspace() or text[start] == "$":
        return -1
    j = start
    while match := _INLINE_STOP.search(text, j):  # jump from one backslash, dollar or newline to the next
        j = match.start()
        ch = text[j]
        if ch == "\\":
            j += 2
        elif ch == "\n":
            if _BLANK_LINE.match(text, j):
                return -1
            j += 1
        else:
            return j if not text[j - 1].isspace() and not (j + 1 < n and text[j + 1].isdigit()) else -1
    return -1


_INLINE_STOP = re.compile(r"[\\$\n]")


def find_unescaped(text: str, needle: str, start: int) -> int:
    """Index of the first `needle` at or after `start` not preceded by an odd number of backslashes, or -1."""
    j, n = start, len(text)
    while j < n:
        k = text.find(needle, j)
        if k == -1:
            return -1
        backslashes, b = 0, k - 1
        while b >= start and text[b] == "\\":
            backslashes += 1
            b -= 1
        if backslashes % 2 == 0:
            return k
        j = k + 1
    return -1


def math_spans(text: str) -> list[tuple[int, int]]:
    """Every math span of text that holds no code, as (start, end) with the delimiters: `$$…$$`, `$…$`, `\\(…\\)`,
    `\\[…\\]`. An escaped `\\$` is not math."""
    spans: list[tuple[int, int]] = []
    i = 0
    while match := _MATH_START.search(text, i):
        i = match.start()
        if text[i] == "\\":
            nxt = text[i + 1:i + 2]
            if nxt in ("(", "["):
                k = text.find("\\)" if nxt == "(" else "\\]", i + 2)
                if k != -1 and text[i + 2:k].strip():
                    spans.append((i, k + 2))
                    i = k + 2
                    continue
            i += 2
            continue
        if text.startswith("$$", i):
            k = find_unescaped(text, "$$", i + 2)
            if k != -1 and text[i + 2:k].strip():
                spans.append((i, k + 2))
                i = k + 2
            else:
                i += 2
            continue
        simple = _SIMPLE_INLINE.match(text, i)  # most spans: no backslash or newline inside, no call needed
        k = simple.end() - 1 if simple else inline_math_close(text, i + 1)
        if k != -1:
            spans.append((i, k + 1))
            i = k + 1
        else:
            i += 1
    return spans


_MATH_START = re.compile(r"[$\\]")
_SIMPLE_INLINE = re.compile(r"\$(?![\s$])[^$\\\n]*(?<!\s)\$(?!\d)")


BLOCK_ID = re.compile(r"\^[A-Za-z0-9][\w-]*[ \t]*(?=\n|$)")  # Obsidian's id of the block it ends: `^deadly-triad`


# A Zettelkasten note's id before its title: a timestamp to the hour, minute or second ("202406121030 Receptive
# field", the Zettelkasten plugins' "YYYYMMDDHHmm"; org-roam's "20240612103000-receptive_field")
_ZETTEL_ID = re.compile(r"(?:19|20)\d{6}(?:\d{2}){1,3}[ \t_-]+(?=\S*[^\W\d_])")


def without_zettel_id(stem: str) -> str:
    """A file name without the Zettelkasten id it opens with; an org-roam slug ("receptive_field") in words."""
    match = _ZETTEL_ID.match(stem)
    if not match:
        return stem
    rest = stem[match.end():].strip()
    return rest.replace("_", " ") if " " not in rest else rest


# Inline code a Quarto / R Markdown page runs and shows the value of: `{python} n`, `{r} x`, `r x` (knitr's form);
# the code's text after its backtick
COMPUTED_CODE = re.compile(r"(?:\{(?:python|r|julia|ojs)\}|r)[ \t]+\S")
# The same, whole, backticks included: `` `{python} n_params` ``
COMPUTED_SPAN = re.compile(rf"`(?={COMPUTED_CODE.pattern})[^`\n]+`")
# A MyST role, `{eq}`eq-krr``: its name and its content
MYST_ROLE = re.compile(r"\{([a-z][\w:-]*)\}`([^`\n]+)`")


# A Dendron note's name, a dotted hierarchy ("ml.pgm.hmm"): Dendron writes its links label first, `[[HMM|ml.pgm.hmm]]`
_HIERARCHY = re.compile(r"[\w-]+(?:\.[\w-]+)+")


def link_alias(inner: str) -> tuple[str, str]:
    """A wikilink's (target, alias) from what its brackets hold: Obsidian's `target|alias`, or Dendron's
    `alias|note.name` when only the second part is a dotted note name; alias '' when there is none."""
    target, _, alias = inner.partition("|")
    if _HIERARCHY.fullmatch(alias.strip()) and not _HIERARCHY.fullmatch(target.strip()):
        return alias, target
    return target, alias


def shown_link_text(target: str) -> str:
    """What a card shows for a wikilink's target: `link_target_text`, without the Zettelkasten id the linked note's
    name opens with ("[[202406121110 Residual block]]" → "Residual block"), a number that says nothing to a learner;
    a link to a heading as "Note › Heading"."""
    note, hash_, heading = target.partition("#")
    if hash_ and heading and not heading.startswith("^") and note.strip():
        return f"{shown_link_text(note)} › {heading.strip()}"  # (Obsidian shows "Note > Heading"; a front's "›")
    folder, slash, name = link_target_text(target).rpartition("/")
    if not slash and _HIERARCHY.fullmatch(name) and name.rsplit(".", 1)[1].lower() not in _FILE_SUFFIXES:
        return name.rsplit(".", 1)[1]  # (Dendron's "ml.pgm.d-separation": the note its hierarchy ends in)
    return f"{folder}{slash}{without_zettel_id(name)}" if name[:2] in ("19", "20") else f"{folder}{slash}{name}"


_FILE_SUFFIXES = frozenset("md qmd rmd ipynb txt pdf png jpg jpeg gif svg webp html htm py csv json yaml yml tex bib".split())


def link_target_text(target: str) -> str:
    """What Obsidian shows for a wikilink's target: `Note#Heading` as "Note Heading", `Note#^block-id` (a link to a
    paragraph by its id, which Obsidian never shows) as "Note"."""
    note, _, part = target.partition("#")
    return note if part.startswith("^") else target.replace("#", " ")
