"""A page written for Pandoc with the pandoc-crossref filter read as Quarto writes the same things, line for line, so
that mlwiki's reading of Quarto's labels and references (`extract.crossrefs`) reads it too:

- labels `{#eq:erm}` after a display formula, `{#sec:pac}` on a heading, `{#fig:x}`, `{#tbl:x}` are Quarto's
  `{#eq-erm}`, `{#sec-pac}`, … (a label never shows on a card);
- references `@eq:erm`, `[@eq:erm]`, `[-@eq:erm]`, `[@eq:a; @eq:b]`, `@sec:pac` are Quarto's `@eq-erm` …: a card
  shows the equation or the section's title, where pandoc-crossref prints "eq. 3"; a citation `[@vapnik1998]` is
  left as written (a card leaves it out). Pandoc's fenced theorem divs, `::: {.theorem}`, are read with bookdown's
  (`extract.bookdown`).

Code is never touched. Pure: a note's text in, the same number of lines out.
"""

from __future__ import annotations

import re

from mlwiki.render.spans import map_unfenced

_PREFIXES = {"eq": "eq", "sec": "sec", "fig": "fig", "tbl": "tbl", "lst": "lst", "thm": "thm", "lem": "lem",
             "def": "def", "cor": "cor", "prp": "prp"}
_KINDS = "|".join(_PREFIXES)
_LABEL = re.compile(rf"\{{#({_KINDS}):([\w.-]+)")
# `[@eq:a]`, `[-@eq:a]`, `[@eq:a; @eq:b]`, `[@eq:a, @sec:b]`: a bracket holding only cross-references
_BRACKETED = re.compile(rf"\[((?:[ \t]*-?@(?:{_KINDS}):[\w.-]*\w[ \t]*[;,]?)+)\]")
_BARE = re.compile(rf"(?<![\w@.])-?@({_KINDS}):([\w.-]*\w)")


def as_crossref_shows(body: str) -> str:
    """`body` with pandoc-crossref's labels and references as Quarto's; `body` itself when it holds none."""
    if ":" not in body or not ("{#" in body or "@" in body) or not _LABEL.search(body) and not _BARE.search(body):
        return body
    return map_unfenced(body, _read)


def _read(line: str) -> str:
    if "{#" not in line and "@" not in line:
        return line
    line = _LABEL.sub(lambda m: f"{{#{_PREFIXES[m.group(1)]}-{m.group(2)}", line)
    line = _BRACKETED.sub(lambda m: "; ".join(_BARE.sub(_quarto, ref.strip()) for ref in re.split(r"[;,]", m.group(1))
                                              if ref.strip()), line)
    return _BARE.sub(_quarto, line)


def _quarto(found: re.Match) -> str:
    return f"@{_PREFIXES[found.group(1)]}-{found.group(2)}"
