"""Tables that explain things, read row by row: a Markdown table ("Step name | What does it do?") or a MyST
`{list-table}`. Each row whose cells say something in words (or in math) becomes a card: its name (the first
column of words that tells the rows apart) and its other cells under their column headers. Tables of numbers,
and rows of only numbers or links, make none."""

from __future__ import annotations

import re

from mlwiki.extract.blocks import Block, text_of
from mlwiki.extract.daily import READ_PROGRESS
from mlwiki.extract.lines import CODE, TEXT
from mlwiki.extract.passages import LOWER_WORD, TABLE_LINE
from mlwiki.extract.plan_tables import is_work_plan
from mlwiki.extract.prose import clean_prose, heading_text

MAX_ROWS = 12
_RULE = re.compile(r"[ \t:|-]*-{3,}[ \t:|-]*")  # `|---|:---:|`: the line under a table's header
_NUMBER_CELL = re.compile(r"[ \t]*[-+~≈<>]?[\d.,%]+[ \t]*\w{0,3}[ \t]*")  # "0.91", "12 ms", "3"
_WORD = re.compile(r"[^\W\d_]{2,}")
_MATH = re.compile(r"\$[^$]+\$")
_CASE = re.compile(r"[=<>]|\\(?:le|ge|leq|geq|neq|in)(?![A-Za-z])")  # math that states a case ("$\alpha_i = C$")
_MATH_SIGNS = re.compile(r"[$ \t]|[–—-](?=\$?\d)")  # "$0.9$–$0.99$" is a range of numbers: "0.90.99" tells so
_ONE_MATH = re.compile(r"[ \t]*\$[^$\n]+\$[ \t]*")
_COMPARED_SYMBOLS = 4  # (a symbol, its name and two columns more: the rows compared, no notation table)
_CONNECTIVE = re.compile(r"(?i)\b(?:or|and)\b")  # "$V(X)$ or $\sigma^2$": two names of one symbol
_LINK_TARGET = re.compile(r"\]\([^)]*\)")  # a link's address: "(expected-value)" names nothing
_LINK_ONLY = re.compile(r"[ \t]*\[[^\]]*\]\([^)]*\)[ \t]*")
_ONLY_MATH = re.compile(r"[ \t]*(?:\$[^$\n]+\$[ \t]*)+")
# Columns that list two sides of one subject, side by side ("pros | cons"): a row pairs cells that say nothing of
# each other, so the table is one card, not a card per row
_SIDES = re.compile(r"(?i)[ \t*_]*(?:pros?|cons?|advantages?|disadvantages?|strengths?|weakness(?:es)?|benefits?|"
                    r"drawbacks?|limitations?|upsides?|downsides?|do(?:'?s)?|don'?ts?|good|bad)[ \t*_:]*")
# A column of the writer's progress ("status": done, skimmed, to read, "done, see [[PPO]]"): a reading log's, which
# says nothing of the row it stands in
_STATUS_HEAD = re.compile(r"(?i)[ \t*_]*(?:reading status|progress|read\?|done\?)[ \t*_:]*")  # (not "status"
# alone: "stable", "experimental" under it say something of the row)
_STATUS_CELL = re.compile(rf"(?i)[ \t*_]*(?:{READ_PROGRESS}|todo|to-?do|to read|reading|in progress|partly read|wip|"
                          r"not started|queued|abandoned|🌱|🌿|🌳|✅|⏳|🟢|🟡|🟠|🔴|⚪)"
                          r"(?![\w-])[^|]{0,30}")
# A paper's or page's record, one field a row: who wrote it, where, when, links, the writer's reading of it
_METADATA_KEY = re.compile(r"(?i)[ \t*_]*(?:authors?|by|venue|journal|conference|year|published|date|doi|arxiv|url|"
                           r"links?|pdf|code|repo(?:sitory)?|github|tags?|status|read(?: on)?|added|source|citation|"
                           r"cite|bibtex|version|licen[cs]e|title|publisher|pages|keywords|rating)[ \t*_:]*")
# The rows of a site's map: a link to one of its pages ("[Dropout](./regularisation/dropout.md)"), not to the web
_PAGE_LINK = re.compile(r"[ \t]*\[[^\]\n]+\]\((?![a-z]+:|#)[^)\s]+\)[ \t]*")
# A column of how far the writer got with each page of a map ("status: done", "state: draft"): under a page's link,
# no fact of its subject
_PAGES_STATE = re.compile(r"(?i)[ \t*_]*(?:status|state|progress|done\??|stage)[ \t*_:]*")
# A log of the writer's own runs: rows named by a run's label ("A", "run-3", "r12") under a header that says so
_RUN_HEAD = re.compile(r"(?i)[ \t*_]*(?:runs?|exp(?:eriment)?s?|trials?|seeds?)[ \t*_:.]*")
_RUN_NAME = re.compile(r"[ \t*_`]*(?:[A-Za-z]?\d{0,3}|[A-Za-z]{1,5}[-_ ]?\d{1,4}[a-z]?)[ \t*_`]*")
_LIST_TABLE = re.compile(r"[ \t]*(`{3,}|~{3,}|:{3,})[ \t]*\{list-table\}")
_HEADER_ROWS = re.compile(r"[ \t]*:header-rows:[ \t]*(\d+)")
_ROW = re.compile(r"([ \t]*)\*[ \t]+-[ \t]+(.*)")  # `* - first cell` starts a row of a list-table
_CELL = re.compile(r"[ \t]+-[ \t]+(.*)")  # `  - next cell`
_CLOSES_MATH = re.compile(r"[^\s$]\$(?!\d)")  # the `$` that closes inline math: after a non-space, before no digit


def may_hold_table(block: Block) -> bool:
    """A cheap test: could this paragraph hold a table?"""
    text = text_of(block)
    if "|" not in text and "{list-table}" not in text:
        return False  # (most paragraphs: said without a test per line)
    return any("|" in ln.text and TABLE_LINE.match(ln.text) or (ln.kind == CODE and "{list-table}" in ln.text)
               for ln in block.lines)


def sides_table(block: Block) -> tuple[str, int] | None:
    """(the table as written, its first line) of a pipe table whose columns are the sides of one subject ("pros |
    cons", "do | don't"), or of a grid of short values whose first header cell is empty ("| | typical | default |"
    over "| $\\beta_2$ | 0.95 | 0.999 |": what its heading asks for, read across): one card; None for any other."""
    table = _markdown_table(block)
    if table is None or len(table[0]) < 2:
        return None
    header, rows = table
    if not all(_SIDES.fullmatch(cell) for cell in header) and not (
            not header[0] and all(header[1:]) and 2 <= len(rows) <= MAX_ROWS
            and all(len(cells) == len(header) and all(_short(cell) for cell in cells[1:]) for _, cells in rows)):
        return None
    lines = [ln for ln in block.lines if ln.kind == TEXT and TABLE_LINE.match(ln.text)]
    return "\n".join(ln.text for ln in lines), lines[0].no


def row_cards(block: Block) -> list[tuple[str, str, int, str]]:
    """(row name, back, line, the column asked) of each row of the paragraph's table that explains something (the
    column: of a row that answers one, `_one_value`)."""
    found = named_rows(block)
    if found is None:
        return []
    header, key, rows, counted = found
    cards, numeric = [], []
    for line, cells in rows:
        values = [(header[c], cells[c]) for c in range(len(header)) if c != key and says_something(cells[c])]
        text = clean_prose(" ".join(value for _, value in values))
        if len(values) > 1 and len({clean_prose(value) for _, value in values}) == 1 \
                and not _a_choice(values[0][1], line, rows):
            continue  # every cell says the same ("Covariance of X and Y" twice): nothing to recall
        # (a row's numbers go with its words, each under its column: "6 enc + 6 dec" alone hid "d_model: 512")
        back = "\n".join(f"- {column_label(header[c])}{cells[c]}" for c in range(len(header))
                         if c != key and c not in counted
                         and (says_something(cells[c]) or _NUMBER_CELL.fullmatch(cells[c])))
        if values and (len(LOWER_WORD.findall(text)) >= 2 or any(_MATH.search(v) for _, v in values)):
            cards.append((heading_text(cells[key]), back, line))
        elif _numbers_under_names(header, key, cells):
            numeric.append((heading_text(cells[key]), back, line))
    if cards and numeric:
        # rows of numbers beside rows that explain ("big | 6 + 6 | 1024 | 4096 | 16 | ~213M" under "base | 6 enc +
        # 6 dec | 512 | …"): the same comparison, each row a card; a table of numbers alone stays a table to read
        cards = sorted(cards + numeric, key=lambda card: card[2])
    backs = [back for _, back, _ in cards]
    # (two rows of one answer tell neither apart, unless the columns are the things compared and the row names the
    # respect: "path length between two tokens | $O(n)$ | $O(1)$" and "sequential steps | $O(n)$ | $O(1)$")
    return [_one_value(card, header) for card in cards if backs.count(card[1]) == 1 or _compares(card[1])]


def named_rows(block: Block) -> tuple[list[str], int, list[tuple[int, list[str]]], set[int]] | None:
    """(header, the column that names the rows, [(line, cells)], the columns that only number the rows) of the
    paragraph's table when its rows are named things that may explain something; None for any other table."""
    table = _markdown_table(block) or _list_table(block)
    if table is None:
        return None
    if _is_site_map(*table) or _is_run_log(*table) or is_work_plan(*table):
        return None  # (where things are, how far the writer got: no fact of a row)
    header, rows = _without_status(*table)
    rows = _as_cases(header, rows)
    if all(_SIDES.fullmatch(cell) for cell in header):
        return None  # the sides of one subject: `sides_table`'s one card
    if len(header) < 2 or not rows or len(rows) > MAX_ROWS or any(len(cells) != len(header) for _, cells in rows):
        return None
    if all(_ONLY_MATH.fullmatch(cell) for _, cells in rows for cell in cells):
        return None  # paths or symbols set side by side ("$S \\rightarrow A$"): a comparison to read, not explanations
    if all(_symbols_only(cells[0]) for _, cells in rows) and not all(_CASE.search(cells[0]) for _, cells in rows):
        return None  # a notation table: what a symbol stands for in one text is no card (but a table of cases,
        # "$\\alpha_i = 0$ | $y_i f(x_i) \\ge 1$", says what follows from each: its rows are facts)
    if len(header) == 2 and sum(bool(_METADATA_KEY.fullmatch(cells[0])) for _, cells in rows) * 2 > len(rows):
        return None  # a paper note's record ("authors | …", "venue | EMNLP 2014", "link | …"): metadata, no fact
    key = next((c for c in range(len(header)) if all(_names_in_words(cells[c]) or c == 0 and _names_briefly(cells[c])
                                                     for _, cells in rows)), None)
    if key != 0 and all(_names_in_words(cells[0]) or _names_in_math(cells[0]) for _, cells in rows):
        key = 0  # (functions or formulas named by themselves, "$e^{ax}$ | $\R$ | …", beside named ones: the rows' keys,
        # not the words of a later column that says why)
    if key is None or len({cells[key] for _, cells in rows}) != len(rows):
        return None
    names = sorted(cells[key] for _, cells in rows)
    if any(sorted(cells[c] for _, cells in rows) == names for c in range(len(header)) if c != key):
        return None  # (two lists side by side, "Depth-first | Breadth-first" orders of the same paths: no rows)
    return header, key, rows, {c for c in range(len(header)) if _counts_rows([cells[c] for _, cells in rows])}


def _as_cases(header: list[str], rows: list[tuple[int, list[str]]]) -> list[tuple[int, list[str]]]:
    """The rows of a table whose first column gives values of the symbol at its head, each row named as a case of it
    ("$\\lambda$" over "$0$", "$1$": "$\\lambda = 0$"): the values of a knob, or the choices of a symbol compared
    under two or more columns besides their name ("$\\Psi_t$ | name | bias | variance"). A notation table (a
    symbol, what it stands for) is neither, and stays as it is."""
    if not rows or not header or "$" not in header[0] or not _symbols_only(header[0]) \
            or any(len(cells) != len(header) or not _symbols_only(cells[0]) for _, cells in rows):
        return rows
    values = all(_NUMBER_CELL.fullmatch(_MATH_SIGNS.sub("", cells[0])) for _, cells in rows)
    if not values and len(header) < _COMPARED_SYMBOLS:
        return rows
    return [(line, [_case_of(header[0], cells[0]), *cells[1:]]) for line, cells in rows]


def _case_of(symbol: str, value: str) -> str:
    """"$\\lambda$" and "$0$" → "$\\lambda = 0$" (one span of math when each is one); else joined by " = "."""
    if _ONE_MATH.fullmatch(symbol) and _ONE_MATH.fullmatch(value):
        return f"${symbol.strip()[1:-1].strip()} = {value.strip()[1:-1].strip()}$"
    return f"{symbol.strip()} = {value.strip()}"


def _a_choice(value: str, line: int, rows: list[tuple[int, list[str]]]) -> bool:
    """Whether a cell's value is one of the table's choices: other rows hold it too (ARMA's "tails off | tails off"
    beside AR's "… | tails off" and MA's "tails off | …"), so a row that gives it twice still tells its row apart."""
    return any(cell == value for other, cells in rows if other != line for cell in cells)


def _one_value(card: tuple[str, str, int], header: list[str]) -> tuple[str, str, int, str]:
    """(row name, back, line, the column asked) of a row card: a row that answers one column ("Pearson χ² | (t-1)²"
    under "divergence | f(t)") asks that column on its front, its back the bare cell; "" for one of more columns."""
    name, back, line = card
    if "\n" in back:
        return name, back, line, ""
    column = next((h.strip() for h in header if h.strip() and back.startswith(f"- {column_label(h)}")), "")
    return (name, back[len(f"- {column_label(column)}"):], line, column.rstrip(":").strip()) if column else (*card, "")


def _is_site_map(header: list[str], rows: list[tuple[int, list[str]]]) -> bool:
    """Whether a table is a site's map of its pages: every row opens (after a column that numbers the rows) on a
    link to a page of the site, and has a column of the writer's progress on it (`_STATUS_CELL`, or a header that
    says so: "state", "status"). It says where
    things are and how far the writer got; what each page teaches is on that page's cards."""
    if not rows or any(len(cells) != len(header) for _, cells in rows):
        return False
    first = 1 if len(header) > 2 and _counts_rows([cells[0] for _, cells in rows]) else 0
    if not all(_PAGE_LINK.fullmatch(cells[first]) for _, cells in rows):
        return False
    if any(all(_STATUS_CELL.fullmatch(cells[c]) for _, cells in rows) for c in range(first + 1, len(header))):
        return True
    return any(_PAGES_STATE.fullmatch(header[c]) for c in range(first + 1, len(header)))


def _is_run_log(header: list[str], rows: list[tuple[int, list[str]]]) -> bool:
    """Whether a table logs the writer's own runs: rows named by a run's label under a "run" header, the other
    cells mostly numbers (a loss, an accuracy). Those numbers are one experiment's record, no fact to recall."""
    if not header or not _RUN_HEAD.fullmatch(header[0]) or not rows:
        return False
    if any(len(cells) != len(header) or not _RUN_NAME.fullmatch(cells[0]) for _, cells in rows):
        return False
    values = [cell for _, cells in rows for cell in cells[1:]]
    return sum(bool(_NUMBER_CELL.fullmatch(cell)) for cell in values) * 2 > len(values)


# A cell that only links to a note ("| [[20250903143020]] | Bayes by Backprop | …"): where to read about the row
_LINK_CELL = re.compile(r"[ \t]*\[\[[^\]\n]+\]\][ \t]*")


def _without_status(header: list[str], rows: list[tuple[int, list[str]]]) -> tuple[list, list]:
    """A table without its columns of the writer's progress (`_STATUS_HEAD`, or every cell `_STATUS_CELL`) and of
    links to notes (`_LINK_CELL`): what is left is what its rows say (a reading log's paper titles alone say nothing, and make no card)."""
    if not rows or any(len(cells) != len(header) for _, cells in rows):
        return header, rows  # (a ragged table: `row_cards` declines it)
    status = {c for c in range(len(header)) if _STATUS_HEAD.fullmatch(header[c])
              or all(_STATUS_CELL.fullmatch(cells[c]) or _LINK_CELL.fullmatch(cells[c]) for _, cells in rows)}
    if not status:
        return header, rows
    keep = [c for c in range(len(header)) if c not in status]
    return [header[c] for c in keep], [(line, [cells[c] for c in keep]) for line, cells in rows]


def _counts_rows(column: list[str]) -> bool:
    """Whether a column only numbers the rows ("Number | Step name": 1, 2, 3): no fact of any row."""
    numbers = [cell.strip().rstrip(".") for cell in column]
    if not all(number.isdigit() for number in numbers):
        return False
    first = int(numbers[0])
    return [int(number) for number in numbers] == list(range(first, first + len(numbers)))


def _numbers_under_names(header: list[str], key: int, cells: list[str]) -> bool:
    """Whether a row's cells but its name hold something (a number, a ✓) under column headers, one at least."""
    filled = [c for c in range(len(header)) if c != key and cells[c].strip()]
    return bool(filled) and all(header[c].strip() for c in filled)


def _compares(back: str) -> bool:
    """Whether a row's back sets two or more columns side by side, each its own value ("- RNN: $O(n)$",
    "- self-attention: $O(1)$")."""
    values = [line.split(": ", 1)[-1] for line in back.split("\n")]
    return len(values) >= 2 and len(set(values)) == len(values)


def _names_in_words(cell: str) -> bool:
    """Whether a cell can name its row: it has words outside its math (LaTeX's command names are no words) and its
    links' addresses, and is no number."""
    if _NUMBER_CELL.fullmatch(cell):
        return False
    return bool(_WORD.search(_LINK_TARGET.sub("", _MATH.sub(" ", cell)) if "$" in cell or "](" in cell else cell))


def _names_briefly(cell: str) -> bool:
    """Whether a first cell names its row in a short name with a letter ("P@k", "R²"), not a number or math alone."""
    return bool(re.search(r"[^\W\d_]", cell)) and not _NUMBER_CELL.fullmatch(cell) and "$" not in cell \
        and len(cell) <= 20


def _names_in_math(cell: str) -> bool:
    """Whether a cell names its row in math with a letter in it ("$-\\log x$", "$\\frac12 x^\\top Q x$"), not a number."""
    return "$" in cell and not _NUMBER_CELL.fullmatch(cell.replace("$", "")) and bool(re.search(r"[A-Za-z]", cell))


def _symbols_only(cell: str) -> bool:
    """Whether a cell holds only math: a symbol or two (`$\\mu$`, `$V(X)$ or $\\sigma^2$`)."""
    return "$" in cell and not _WORD.search(_CONNECTIVE.sub(" ", _MATH.sub(" ", cell)))


def _short(cell: str) -> bool:
    """A grid's value: a number, a symbol, a word or two ("0.95", "1e-8", "—", "$d+1$")."""
    return len(cell.split()) <= 2


def says_something(cell: str) -> bool:
    """A cell that is more than a number or a bare link."""
    return bool(cell) and not _NUMBER_CELL.fullmatch(cell) and not _LINK_ONLY.fullmatch(cell) \
        and not _POINTER_CELL.fullmatch(cell)


# A cell that only sends the reader elsewhere on the page: "see below", "(see above)", "→ below": nothing to recall
_POINTER_CELL = re.compile(r"(?i)[ \t(]*(?:see|cf\.?|→|->)?[ \t]*(?:below|above|later|the[ \t]+next[ \t]+section)[ \t.)]*")


def _markdown_table(block: Block) -> tuple[list[str], list[tuple[int, list[str]]]] | None:
    """(header, [(line, cells)]) of a pipe table, or None."""
    rows = [(ln.no, _cells(ln.text)) for ln in block.lines if ln.kind == TEXT and TABLE_LINE.match(ln.text)]
    if len(rows) < 3 or not _RULE.fullmatch("|".join(rows[1][1])):
        return None
    return rows[0][1], rows[2:]


def _list_table(block: Block) -> tuple[list[str], list[tuple[int, list[str]]]] | None:
    """(header, [(line, cells)]) of a MyST `{list-table}` with a header row (`:header-rows: 1`), or None."""
    lines = [ln for ln in block.lines if ln.kind == CODE]
    start = next((k for k, ln in enumerate(lines) if _LIST_TABLE.match(ln.text)), None)
    if start is None:
        return None
    header_rows, rows = 0, []
    for ln in lines[start + 1:]:
        if (match := _HEADER_ROWS.match(ln.text)):
            header_rows = int(match.group(1))
        elif (match := _ROW.match(ln.text)):
            rows.append((ln.no, [match.group(2).strip()]))
        elif rows and (match := _CELL.match(ln.text)):
            rows[-1][1].append(match.group(1).strip())
        elif rows and ln.text.strip() and ln.text.lstrip()[:3] in ("```", "~~~", ":::"):
            break
    if header_rows != 1 or len(rows) < 2:
        return None
    return rows[0][1], rows[1:]


def asked_columns(back: str) -> list[str]:
    """The column headers a row card's back answers under ("- explores via: …", "- knob: …"), each once."""
    found = [line[2:].split(":", 1)[0].strip() for line in back.split("\n") if line.startswith("- ") and ": " in line]
    return list(dict.fromkeys(name.rstrip("?").strip() for name in found if name))


def column_label(header: str) -> str:
    """A column's header before a cell's text: "Delta Rule: ", "What does it do? " ("# parameters" with its `#`
    escaped: opening a list item, it would make the item a heading and be lost from the text)."""
    header = "\\" + header.strip() if header.lstrip()[:1] == "#" else header.strip()
    return "" if not header else f"{header} " if header.endswith(("?", ":")) else f"{header}: "


def _cells(row: str) -> list[str]:
    """The cells of a Markdown table row (`\\|` is a bar inside a cell)."""
    row = row.strip()
    row = row[1:] if row.startswith("|") else row
    row = row[:-1] if row.endswith("|") and not row.endswith("\\|") else row
    parts, cells = re.split(r"(?<!\\)\|", row), []
    for k, part in enumerate(parts):
        if cells and "$" in cells[-1] and cells[-1].count("$") % 2 and _CLOSES_MATH.search("|" + "|".join(parts[k:])):
            cells[-1] += "|" + part  # (a bar inside math, "$\\log_2|H|$": the cell goes on; not "| $5 | $10 |")
        else:
            cells.append(part)
    return [cell.strip().replace("\\|", "|") for cell in cells]


def compares_sections(names: list[str], headings: set[str], current: str) -> bool:
    """Whether a table's rows are named after other sections of its note ("Sinusoidal", "Learned absolute", "RoPE"
    under "## Relative position biases", beside "## Sinusoidal (the original Transformer)", "## Learned absolute
    embeddings", "## Rotary position embeddings (RoPE)"): a summary of the note's methods, whose rows are not
    about the section the table happens to close. `headings`: the note's, in lower case."""
    others = [h for h in headings if h != current.casefold()]
    named = sum(any(_names_heading(name.casefold(), heading) for heading in others) for name in names)
    return named >= 2 and named * 2 >= len(names)


def _names_heading(name: str, heading: str) -> bool:
    """Whether a row's name is a heading's name: the heading starts with it or holds it in brackets ("RoPE")."""
    name = name.strip(" *_`")
    return bool(name) and (heading.startswith(name) or f"({name})" in heading)
