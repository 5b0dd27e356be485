"""A whole note written as one deep outline in an outliner (Workflowy, Dynalist) and exported as plain text or
Markdown, read as the document it stands for: its label branches are the note's headings.

    - Tokenisation #nlp                        # Tokenisation
      "from the NLP course, week 2"            from the NLP course, week 2
      - Subword methods                        ## Subword methods
        - BPE                                  ### BPE
          - start from characters, …           - start from characters, …
            - merges are learned …               - merges are learned …
          - [COMPLETE] read the paper          - [x] read the paper
          - vocabulary size: 30–50k           - vocabulary size: 30–50k

An outliner has no headings: a topic's outline is a tree five to seven bullets deep, where an item that is only a
label ("Subword methods", "BPE") over items that are facts with facts of their own under them is the section those
facts belong to, as Workflowy-to-Markdown converters write it. Read as one list, such a branch was one card of a
dozen facts (too big to recall) or none; read as a heading, each of its items is carded as under any heading. A
label over a few plain items stays an item (its branch is one card, as in any outline).

The tools' furniture is read as they show it: an item's note (Workflowy's plain text writes it `"quoted"` on the
line under the item, Dynalist's export indented there) is the heading's paragraph, or a nested item under an item;
a completed item (`[COMPLETE]`) is a checked one, as Dynalist writes it; Dynalist's date chips `!(2024-05-09)` are
the date; a trailing #tag or @mention after a label names no part of it. A note is read so only when it is an
outline (every line of text a bullet or an item's note) at least `MIN_DEPTH` levels deep.

Pure: a note's text in, the same number of lines out (line numbers stay those of the file). Code is never touched.
"""

from __future__ import annotations

import re

from mlwiki.extract.outline import MAX_ITEMS, MAX_WORDS, item_label
from mlwiki.extract.page_description import is_furniture
from mlwiki.extract.prose import sentences

_BULLET = re.compile(r"(?P<indent>[ \t]*)[-*+][ \t]+(?P<text>\S.*?)[ \t]*$")
_COMPLETE = re.compile(r"\[COMPLETE\][ \t]+")  # (Workflowy's plain text: a completed item)
_DATE_CHIP = re.compile(r"!\((\d{4}-\d{2}-\d{2}(?:[ T]\d{1,2}:\d{2})?)[^)\n]*\)")  # (Dynalist: `!(2024-05-09)`)
_TRAILING_TAGS = re.compile(r"(?:[ \t]+[#@][\w/-]+)+[ \t]*$")  # ("Checking your init @Sara", "Adam #exam")
_QUOTED = re.compile(r'[ \t]*"(.*)"[ \t]*$')
_CHECKBOX = re.compile(r"\[[ xX]\][ \t]+")
_FENCE = re.compile(r"[ \t]*(`{3,}|~{3,})")
_CALL = re.compile(r"\w[._]\w*\(")  # ("torch.nn.utils.clip_grad_norm_(…)": code, no heading)
# A day ("Apr 2, 2026", "12 March 2026", "2026-03-10") or a person addressed ("@Tom"): a stamp on the outline
_STAMPED = re.compile(r"\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.? \d{1,2}, \d{4}\b|"
                      r"\b\d{1,2} (?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]* \d{4}\b|"
                      r"\b\d{4}-\d{2}-\d{2}\b|(?<![\w@])@[A-Za-z][\w-]*")
_TODO = re.compile(r"(?:TODO|FIXME)\b")
MIN_DEPTH = 4  # (a shallow outline is a list, carded as one)
MIN_ITEMS = 12
MAX_HEADING = 6
MAX_FORCED = 3  # (deeper, a label over items is as often a statement: "sigmoid makes it worse")


def as_outliner_shows(body: str) -> str:
    """`body` with its outline's label branches as headings and its furniture read (see the module's doc); `body`
    itself when it is no whole-note outline."""
    if "- " not in body[:200] and "\t-" not in body[:200]:
        return body  # (the common case, said cheaply: an outline's first line is a bullet)
    lines = body.split("\n")
    items = _items(lines)
    if items is None:
        return body
    widths = sorted({width for width, _ in items.values()})
    if len(items) < MIN_ITEMS or len(widths) < MIN_DEPTH:
        return body
    order = sorted(items)
    children: dict[int, list[int]] = {k: [] for k in order}
    parent: dict[int, int | None] = {}
    stack: list[int] = []
    for k in order:
        while stack and items[stack[-1]][0] >= items[k][0]:
            stack.pop()
        parent[k] = stack[-1] if stack else None
        if stack:
            children[stack[-1]].append(k)
        stack.append(k)
    roots = [k for k in order if parent[k] is None]
    following = dict(zip(order, [*order[1:], len(lines)]))
    noted = lambda k: any(lines[j].strip() for j in range(k + 1, following[k]))  # (a note, code: no item)
    titled = len(roots) == 1 and bool(children[roots[0]]) and _label(items[roots[0]][1]) is not None
    level: dict[int, int] = {}
    if titled:
        level[roots[0]] = 1
    else:
        _as_headings(roots, 2, items, children, level, noted)
    for k in order:  # (top-down: a heading's items may be headings in turn)
        if k in level and level[k] < MAX_HEADING:
            _as_headings(children[k], level[k] + 1, items, children, level, noted, level[k] > 1)
    if not level:
        return _furniture_read(lines, items, {})
    return _furniture_read(lines, items, level, children)


def _items(lines: list[str]) -> dict[int, tuple[int, str]] | None:
    """{line: (indent width, text)} of the outline's bullets, None when a line of text is neither a bullet nor an
    item's note (indented under a bullet) or the first line of text is not a bullet at the margin."""
    fenced = _fenced(lines)
    items: dict[int, tuple[int, str]] = {}
    last = -1  # (the indent of the bullet above: a note is indented past it)
    for k, line in enumerate(lines):
        if not line.strip():
            continue
        if fenced[k]:
            if last < 0:
                return None
            continue
        bullet = _BULLET.fullmatch(line)
        if bullet is not None:
            width = len(bullet["indent"].expandtabs(4))
            if last < 0 and width:
                return None
            items[k] = (width, bullet["text"])
            last = width
        elif last < 0 or len(line) - len(line.lstrip(" \t")) <= last and not line.lstrip().startswith("```"):
            return None
    return items


def _label(text: str) -> str | None:
    """The item's label when it is only one ("Subword methods", "BPE #nlp"), without its trailing tags; None for a
    sentence, a labelled statement ("goal: keep …"), a checkbox or a completed item."""
    text = _TRAILING_TAGS.sub("", text)
    if _COMPLETE.match(text) or _CHECKBOX.match(text) or _CALL.search(text):
        return None
    label, said = item_label(f"- {text}")
    return label if label and not said else None


def _as_headings(siblings: list[int], depth: int, items, children, level: dict[int, int], noted,
                 forced: bool = False) -> None:
    """Sets the heading `level` of those `siblings` that stand for headings: from the first that is a section
    (`_is_section`) on, every label or labelled line with items under it, when no item after that first one is
    anything else (a fact after a heading would be read as that heading's; a done or open to-do may be). Under a
    heading (`forced`, not the title) whose items hold no section, its branches are headings from the first label
    over items on: under a heading, a list of branches would be one card of all of them. `noted`: whether an item has a
    note or code under it (a branch too, under a heading its paragraph)."""
    first = next((at for at, k in enumerate(siblings) if _is_section(k, items, children)), None)
    titles = _titles
    if first is None:
        if not forced or depth > MAX_FORCED:
            return
        # (from a label on: "- Pros: …" over its items alone stays one branch)
        first = next((at for at, k in enumerate(siblings) if children[k] and _label(items[k][1]) is not None), None)
        if first is None:
            return
    heads = lambda k: (children[k] or noted(k)) and titles(items[k][1]) or _is_chore(items[k][1]) and not children[k]
    if not all(map(heads, siblings[first:])):
        return
    while first and heads(siblings[first - 1]):
        first -= 1  # (the branches before the first section are headings too: under the heading above, a list of
        # branches would be one card of all of them)
    for k in siblings[first:]:
        if children[k] or noted(k):
            level[k] = depth


def _titles(text: str) -> bool:
    """Whether an item over items can title their section: a label, or a labelled line ("Worked example: a
    3-layer MLP"), not a sentence."""
    text = _TRAILING_TAGS.sub("", text)
    return not _is_chore(text) and not _CALL.search(text) and item_label(f"- {text}")[0] is not None


def _is_chore(text: str) -> bool:
    """Whether an item is a to-do, done or open ("[COMPLETE] read the paper", "[ ] try WSD", "TODO …")."""
    return bool(_COMPLETE.match(text) or _CHECKBOX.match(text) or _TODO.match(text))


def _is_section(k: int, items, children) -> bool:
    """Whether a label item stands for a heading: its branch holds a fact with its details under it (a statement
    over items: one outline card would hold them all), or a section in turn, or is too big to be one card. A label
    over labels over facts is no section: each of its branches is a card as it stands."""
    if not children[k] or _label(items[k][1]) is None:
        return False
    if len(children[k]) > MAX_ITEMS or any(children[child] and (_label(items[child][1]) is None
                                                                 or _is_section(child, items, children))
                                           for child in children[k]):
        return True
    words = sum(len(items[child][1].split()) for child in children[k])
    return words > MAX_WORDS


def _furniture_read(lines: list[str], items, level: dict[int, int], children=None) -> str:
    """The lines with the heading items written as headings, every other item dedented to the list under its
    nearest heading, notes as paragraphs or nested items, completed items checked, date chips as dates."""
    out = list(lines)
    base = 0  # (the indent of the list under the nearest heading)
    owner: int | None = None  # (the item the next note lines belong to)
    note_open = False
    ordered = sorted(items)
    bases: dict[int, int] = {}  # (heading line → the indent of its children)
    for k in ordered:
        if children and k in level and children[k]:
            bases[k] = items[children[k][0]][0]
    heads: list[tuple[int, int]] = []  # (width, children's indent) of the headings above
    fenced = _fenced(lines)
    for k, line in enumerate(lines):
        if not line.strip():
            continue
        if k in items:
            width, text = items[k]
            while heads and heads[-1][0] >= width:
                heads.pop()
            base = heads[-1][1] if heads else 0
            text = _DATE_CHIP.sub(r"\1", _COMPLETE.sub("[x] ", text, count=1))
            if k in level:
                out[k] = "#" * level[k] + " " + _TRAILING_TAGS.sub("", text).strip()
                heads.append((width, bases.get(k, width + 2)))
            else:
                indent = line[:len(line) - len(line.lstrip(" \t"))].expandtabs(4)
                out[k] = indent[base:] + "- " + text
            owner, note_open = k, False
            continue
        if fenced[k]:  # (code under a heading at the margin, under an item where the item's text starts)
            width = fenced[k] - 1 if owner in level else base
            out[k] = _dedent(line, width)
            continue
        text = _DATE_CHIP.sub(r"\1", line.strip())
        if owner in level:  # (a heading's note: its paragraph, unless it only says what the outline is)
            quoted = _QUOTED.fullmatch(text)
            out[k] = _described(quoted.group(1) if quoted else text.strip('"'))
        else:  # (an item's note: an item nested under it, as converters write notes)
            width = items[owner][0] - base  # (a note of several lines: its first a nested item, the rest its lines)
            out[k] = " " * (width + 2) + ("  " if note_open else "- ") + text.strip('"')
            note_open = True
    return "\n".join(out)


def _described(note: str) -> str:
    """A heading's note without what only describes the outline (its sentences that `page_description` calls the
    page's furniture, or that stamp it with a day or address a person: "Updated Apr 2, 2026", "@Tom presenting on
    2026-03-10"), as a title's description is no fact to study; '' when nothing else is left."""
    if is_furniture(note):
        return ""
    kept = [said for said in sentences(note) if not is_furniture(said) and not _STAMPED.search(said)]
    return " ".join(kept) if len(kept) < len(sentences(note)) else note


def _fenced(lines: list[str]) -> list[int]:
    """For each line, 0 outside a fenced code block, else 1 + the indent of the block's opening fence (a fence
    inside an item is indented past it, where CommonMark's four-space limit would read it as no fence)."""
    marks, opened, indent = [0] * len(lines), "", 0
    for k, line in enumerate(lines):
        fence = _FENCE.match(line)
        if opened:
            marks[k] = indent + 1
            if fence and fence.group(1)[0] == opened[0] and len(fence.group(1)) >= len(opened) \
                    and not line[fence.end():].strip():
                opened = ""
        elif fence:
            opened, indent = fence.group(1), len(line[:fence.start(1)].expandtabs(4))
            marks[k] = indent + 1
    return marks


def _dedent(line: str, width: int) -> str:
    """`line` with up to `width` columns of leading space taken off."""
    expanded = line.expandtabs(4)
    cut = min(width, len(expanded) - len(expanded.lstrip(" ")))
    return expanded[cut:]
