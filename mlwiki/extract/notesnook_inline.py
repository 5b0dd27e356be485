r"""A Notesnook note's inline math, read back from how its Markdown export writes it.

Notesnook exports a note with showdown's `makeMarkdown`, which writes an inline formula (the editor's
`<span class="math-inline">`) as its bare TeX among the words, with the escapes showdown gives every text node: `_`,
`*`, `~`, `|` and `` ` `` get a backslash, and so does a dot after a number at the start of a text node (a table
cell's `0\.2`). So `$x_t$` reaches the file as `x\_t`, `$\|g\|$` as `\\|g\\|`, and a card showed the TeX raw.

A stretch of words that holds TeX — a known command (`\tau`, `\mathrm{…}`) or a one-letter symbol with a sub- or
superscript (`h\_{t-1}`, `e^{1.5}`) — together with the symbols, numbers and operators next to it (`t = 1, \dots,
T`) is the formula it was: written back as `$…$` with showdown's escapes read. Words, code spans, links, HTML and
formulas already delimited are left as they are. Pure: text in, the same number of lines out.
"""

from __future__ import annotations

import re

from mlwiki.extract.anytype import is_anytype_export
from mlwiki.render.latex_known import MATHJAX_MACROS

_MACRO = re.compile(r"\\([A-Za-z]+)")
# (a one-letter symbol, a command or a group with a sub- or superscript: `x\_t`, `W_{hh}`, `\sigma_{\max}`, `h^2`)
_SCRIPT = re.compile(r"(?:(?<![A-Za-z0-9])[A-Za-z]|\\[A-Za-z]+|[)}\]])(?:\\?_|\^)(?:\{|\\?[A-Za-z0-9]|\\)|\d\^\{?\d")
_NORM = re.compile(r"\\\\\|")
_OPERATOR = re.compile(r"[(\[]*[=+\-−±<>/*·≈≤≥×][)\],;:]*|[,;]")
_SKIP = re.compile(r"`[^`\n]*`|\$\$?[^$\n]+\$\$?|\]\(<[^>\n]*>[^)\n]*\)|\]\([^)\s]*\)|</?[A-Za-z][^<>\n]*>|https?://\S+")
# (not `\|`, `\*`, `` \` `` or an escape at the start of a line: Markdown reads those itself, and unread they would
# split a table's cell, open emphasis or code, or a list)
_PROSE_ESCAPE = re.compile(r"\\([_~])|(?<=\d)\\(\.)(?=\S)|(?<=\S)\\([-+])")
_SIGN_ESCAPE = re.compile(r"^\\([-+])")  # (a word's first character: escaped as a text node's, not a line's, first)
_SHOWDOWN_ESCAPE = re.compile(r"\\\\(?=\|)|\\([_*~`.|])")
_TRAILING = ".,;:?!"
_ABBREVIATION = re.compile(r"[A-Za-z]\.[A-Za-z]\.")
# (showdown's marks: a `~` escaped (`\~2k`), a dot between digits (a cell's `0\.2`), a symbol's escaped one-letter or
# braced subscript (`x\_t`, `\eta\_{t-1}`) as no writer types it; a web clipper's turndown escapes none of the first two
# and writes a name's underscores, `n\_splits`, not a subscript)
_SHOWDOWN_MARK = re.compile(r"\\~|\d\\\.\d|(?:\\[A-Za-z]+|(?<![A-Za-z0-9\\])[A-Za-z])\\_(?:\{[^{}\s]{1,8}\}|[A-Za-z0-9](?![A-Za-z0-9]))")


# (escapes Google Docs' export writes and showdown never does: such a page is Google's, read by `gdocs`)
_DELIMITED = re.compile(r"\$\$.*?\$\$|\$[^$\n]+\$|```.*?```|`[^`\n]*`", re.S)
_GOOGLE_ESCAPE = re.compile(r"\\[()=]")


def shows_showdown_escapes(body: str) -> bool:
    """Whether `body` shows the escapes of showdown's Markdown (Notesnook's export) outside formulas and code, none
    only Google Docs' export writes, and is no Anytype export."""
    if "\\~" not in body and "\\." not in body and "\\_" not in body:
        return False  # (every mark below holds one of these: most notes are told apart without a regex)
    text = _DELIMITED.sub("", body) if "$" in body or "`" in body else body  # (escapes inside formulas and code
    # are other exporters' too: Anytype's `$\\beta\\_1$`)
    return bool(_SHOWDOWN_MARK.search(text)) and not _GOOGLE_ESCAPE.search(text) \
        and not is_anytype_export(body.split("\n"))  # (Anytype escapes `_` in prose too: its own reader's)


def as_formulas_read(body: str, fenced: list[bool]) -> str:
    """`body` with the bare TeX of Notesnook's inline formulas written as `$…$` (see the module's docstring); the
    lines `fenced` marks (code) as they are."""
    lines = body.split("\n")
    display = False  # (inside a `$$` block written over several lines, as other exporters and writers do: TeX)
    for k, line in enumerate(lines):
        if "$$" in line and not fenced[k] and line.count("$$") % 2:
            display = not display
            continue
        if fenced[k] or display or "\\" not in line and "_" not in line and "^" not in line:
            continue
        if line.lstrip().startswith(("$$", "<")):
            continue
        lines[k] = _line_read(line)
    return "\n".join(lines)


def _line_read(line: str) -> str:
    """One line with its stretches of bare TeX as formulas, what `_SKIP` matches left alone."""
    out, at = [], 0
    for skip in _SKIP.finditer(line):
        out.append(_prose_read(line[at:skip.start()], not at))
        out.append(skip.group(0))
        at = skip.end()
    out.append(_prose_read(line[at:], not at))
    return "".join(out)


def _prose_read(text: str, line_start: bool = False) -> str:
    """A stretch of words without code, links or HTML (`line_start`: the line's first), its runs of TeX tokens as
    `$…$` and its other words' escapes read."""
    words = _words(text)
    for i in range(int(line_start and not text[:1].isspace()), len(words)):
        words[i] = _SIGN_ESCAPE.sub(r"\1", words[i], count=1) if words[i][:1] == "\\" else words[i]
    if not _has_tex(text):
        return " ".join(_escapes_read(word) for word in words)
    kinds = [_kind(word) for word in words]
    out: list[str] = []
    k = 0
    while k < len(words):
        if kinds[k] == "":
            out.append(_escapes_read(words[k]))
            k += 1
            continue
        end = k
        depth = _depth(words[k])
        while end + 1 < len(words) and kinds[end + 1] and depth >= 0 and (words[end][-1:] not in ".:;?!"
                                                                           or words[end] == ";"):
            end += 1  # (a word that ends a sentence or a clause, or closes a bracket opened before it, ends it)
            depth += _depth(words[end])
        run = list(range(k, end + 1))
        while run and kinds[run[0]] == "operator":  # (an operator at the edge belongs to the words around)
            run.pop(0)
        while run and kinds[run[-1]] == "operator":
            run.pop()
        if not any(kinds[i] == "tex" for i in run):
            out.extend(_escapes_read(word) for word in words[k:end + 1])
        else:
            out.extend(_escapes_read(word) for word in words[k:run[0]])
            out.append(_as_formula([words[i] for i in run]))
            out.extend(_escapes_read(word) for word in words[run[-1] + 1:end + 1])
        k = end + 1
    return " ".join(out)  # (the exporter writes one space between words)


def _escapes_read(text: str) -> str:
    """Words with showdown's escapes read: `\\_` and `\\~` as the characters, a number's `1\\.5` and
    `at \\-0.98` as written."""
    return _PROSE_ESCAPE.sub(lambda m: m.group(m.lastindex), text) if "\\" in text else text


def _depth(word: str) -> int:
    """How many more round or square brackets `word` opens than it closes."""
    return word.count("(") + word.count("[") - word.count(")") - word.count("]")


def _has_tex(text: str) -> bool:
    """Whether `text` holds a known TeX command, a one-letter symbol with a sub- or superscript, or `\\|`."""
    if _SCRIPT.search(text) or _NORM.search(text):
        return True
    return any(m.group(1) in MATHJAX_MACROS for m in _MACRO.finditer(text))


def _kind(word: str) -> str:
    """"tex" (a word that holds TeX), "operator", "symbol" (one-letter names, numbers, a matrix's `&` and `\\\\`)
    or "" (a word of prose)."""
    if not word:
        return ""
    if _OPERATOR.fullmatch(word):
        return "operator"
    if _has_tex(word):
        return "" if re.search(r"[A-Za-z]{4,}", _MACRO.sub("", _braced_free(word))) else "tex"
    if _ABBREVIATION.search(word):
        return ""  # ("e.g.", "i.e.": words, not symbols)
    if len(word) <= 12 and not re.search(r"[A-Za-z]{2,}|(?<!\\)\|", word) and re.search(r"[A-Za-z0-9&]|\\\\", word):
        return "symbol"
    return ""


def _words(text: str) -> list[str]:
    """`text` split at its spaces, but not inside a TeX group (`{…}`) or environment (`\\begin{…}` … `\\end{…}`)."""
    words, start, depth, env = [], 0, 0, 0
    for k, char in enumerate(text):
        if char == "{" and text[k - 1:k] != "\\":
            depth += 1
        elif char == "}" and text[k - 1:k] != "\\" and depth:
            depth -= 1
        elif char == "\\" and text.startswith(("\\begin{", "\\end{"), k):
            env += 1 if text.startswith("\\begin{", k) else -1 if env else 0
        elif char == " " and not depth and not env:
            words.append(text[start:k])
            start = k + 1
    words.append(text[start:])
    return words


def _braced_free(word: str) -> str:
    """`word` without what its braces hold (`\\mathrm{softmax}` names a function, not a word of prose)."""
    return re.sub(r"\{[^{}]*\}", "", re.sub(r"\{[^{}]*\}", "", word))


def _as_formula(words: list[str]) -> str:
    """The words of one formula as `$…$`, with showdown's escapes read; bold marks, brackets it does not close, a
    `~` ("about") before it and punctuation that ends the sentence stay outside."""
    text = " ".join(words)
    lead = tail = ""
    while True:
        if text.startswith(("**", "\\~")):
            lead, text = lead + text[:2], text[2:]
        elif text[:1] in ("(", "[", "~") and (text[0] == "~" or _opened(text, text[0]) > 0):
            lead, text = lead + text[0], text[1:]
        else:
            break
    while True:
        if text.endswith("**") and not text.endswith("\\**"):
            text, tail = text[:-2], "**" + tail
        elif text[-1:] in _TRAILING and text[-2:-1] != "\\" or text[-1:] in (")", "]") and _opened(text, text[-1]) < 0:
            text, tail = text[:-1], text[-1] + tail
        else:
            break
    formula = _SHOWDOWN_ESCAPE.sub(lambda m: m.group(1) or "\\", text)
    return f"{_escapes_read(lead)}${formula}${tail}" if formula else _escapes_read(lead) + tail


def _opened(text: str, bracket: str) -> int:
    """How many more of `bracket`'s kind `text` opens than it closes."""
    pair = {"(": "()", ")": "()", "[": "[]", "]": "[]"}[bracket]
    return text.count(pair[0]) - text.count(pair[1])
