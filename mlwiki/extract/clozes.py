r"""Cloze deletions: finding `{{c1::…}}`, `[…]{.cloze}`, `\cloze{…}` and `==…==` in a paragraph, numbering their
groups, and rendering the text with one group hidden or in Anki's cloze form."""

from __future__ import annotations

import re
from dataclasses import dataclass

from mlwiki.extract.blocks import parse_attrs

_ANKI_CLOZE = re.compile(r"\{\{c([0-9]{1,6})::")
_SPAN_CLOZE = re.compile(r"\[((?:[^\[\]\n]|\[[^\[\]\n]*\])+)\]\{([^{}\n]*\.cloze\b[^{}\n]*)\}")
_HIGHLIGHT = re.compile(r"==(?=\S)([^=\n]+?)(?<=\S)==")
_MATH_CLOZE = re.compile(r"\\cloze\{")
_BRACE_OR_ESCAPE = re.compile(r"\\.|[{}]", re.DOTALL)


@dataclass
class Cloze:
    """One deletion: where it stands in the paragraph, its group, what it hides and its hint."""

    start: int
    end: int
    group: int
    content: str
    hint: str = ""


def brace_pairs(text: str) -> dict[int, int]:
    """For each `{` of the text, the index of the `}` that closes it (escaped braces such as `\\{` are skipped).

    One pass for the whole paragraph: finding each cloze's end by scanning forward from it instead would be
    quadratic in a paragraph full of unclosed `{{c1::`.
    """
    pairs: dict[int, int] = {}
    opened: list[int] = []
    for match in _BRACE_OR_ESCAPE.finditer(text):
        brace = match.group()
        if brace == "{":
            opened.append(match.start())
        elif brace == "}" and opened:
            pairs[opened.pop()] = match.start()
    return pairs


def _split_hint(body: str) -> tuple[str, str]:
    """'text::hint' → ('text', 'hint'), splitting at the last top-level '::' (not inside braces)."""
    if "::" not in body:
        return body, ""
    depth, cut = 0, -1
    for i, ch in enumerate(body):
        depth += ch == "{"
        depth -= ch == "}"
        if depth == 0 and body.startswith("::", i) and not body.startswith(":::", i):
            cut = i
    return (body[:cut], body[cut + 2:]) if cut >= 0 else (body, "")


def find_clozes(text: str, masked: str, math_text: str, highlight: bool) -> tuple[list[Cloze], int]:
    """All clozes in a paragraph, with groups numbered: explicit numbers kept, others after the largest; and the
    offset of a `{{c1::` that is never closed (-1 if none).

    A `{{c1::…}}` ends at the `}}` that balances its braces, so `{{c1::\\frac{a}{b}}}` holds the whole fraction;
    without one, at the first `}}`, as in Anki.
    """
    found: list[Cloze] = []
    unclosed = -1
    pairs = brace_pairs(text)
    done = 0  # clozes nested in the one before are dropped anyway: don't search for their ends
    for match in _ANKI_CLOZE.finditer(masked):
        if match.start() < done:
            continue
        close = pairs.get(match.start() + 1, -1)  # the `}` closing the second `{` of `{{c1::`
        end = close + 2 if close >= 0 and text.startswith("}}", close) else text.find("}}", match.end()) + 2
        if end < 2:
            unclosed = match.start()
            break  # no `}}` anywhere after this one: no later cloze can end either
        content, hint = _split_hint(text[match.end():end - 2])
        found.append(Cloze(match.start(), end, int(match.group(1)), content, hint))
        done = end
    for match in _SPAN_CLOZE.finditer(masked):
        attrs = parse_attrs("{" + match.group(2) + "}")
        group = int(attrs["n"]) if re.fullmatch(r"[0-9]{1,6}", str(attrs.get("n", ""))) else 0
        inner = text[match.start(1):match.end(1)]
        found.append(Cloze(match.start(), match.end(), group, inner, attrs.get("hint", "")))
    if highlight:
        for match in _HIGHLIGHT.finditer(masked):
            found.append(Cloze(match.start(), match.end(), 0, text[match.start(1):match.end(1)]))
    for match in _MATH_CLOZE.finditer(math_text):
        close = pairs.get(match.end() - 1, -1)
        if close >= 0:
            found.append(Cloze(match.start(), close + 1, 0, text[match.end():close]))
    found.sort(key=lambda c: c.start)
    kept: list[Cloze] = []
    for cloze in found:  # drop clozes nested inside another one
        if not kept or cloze.start >= kept[-1].end:
            kept.append(cloze)
    nxt = max((c.group for c in kept), default=0) + 1
    for cloze in kept:
        if cloze.group == 0:
            cloze.group, nxt = nxt, nxt + 1
    return kept, unclosed


def render_clozes(text: str, clozes: list[Cloze], hidden: int | None) -> str:
    """The text with group `hidden` shown as [...] (or [hint]) and every other cloze revealed."""
    out, pos = [], 0
    for cloze in clozes:
        out.append(text[pos:cloze.start])
        out.append(f"[{cloze.hint or '...'}]" if cloze.group == hidden else cloze.content)
        pos = cloze.end
    out.append(text[pos:])
    return "".join(out)


def anki_cloze_text(text: str, clozes: list[Cloze]) -> str:
    """The text in Anki's cloze form, every cloze written {{cN::content::hint}}."""
    out, pos = [], 0
    for cloze in clozes:
        out.append(text[pos:cloze.start])
        hint = f"::{cloze.hint}" if cloze.hint else ""
        out.append(f"{{{{c{cloze.group}::{cloze.content}{hint}}}}}")
        pos = cloze.end
    out.append(text[pos:])
    return "".join(out)

