"""Inline masking: code spans, comments, shortcodes, `\\$` and inline math replaced by a mask character of the
same length, so card syntax is searched only in prose and a card's pieces are cut from the original text at the
same offsets. What counts as code and math is decided by `mlwiki.render.spans`, the one finder of both."""

from __future__ import annotations

import re

from mlwiki.render.spans import code_spans, math_spans

MASK = "\x01"
_NOT_NEWLINE = re.compile(r"[^\n]")
_HTML_COMMENT = re.compile(r"<!--.*?(?:-->|\Z)", re.DOTALL)
_OBSIDIAN_COMMENT = re.compile(r"%%.*?(?:%%|\Z)", re.DOTALL)


def _masked(found: str) -> str:
    return MASK * len(found) if "\n" not in found else _NOT_NEWLINE.sub(MASK, found)


def _blank(match: re.Match) -> str:
    return _masked(match.group(0))


def _mask_spans(text: str, spans: list[tuple[int, int]]) -> str:
    out, pos = [], 0
    for start, end in spans:
        out += [text[pos:start], _masked(text[start:end])]
        pos = end
    out.append(text[pos:])
    return "".join(out)


def _shortcode_spans(text: str) -> list[tuple[int, int]]:
    """Quarto shortcodes `{{< … >}}`; found with `str.find`, linear even when none is closed."""
    spans, pos = [], 0
    while (start := text.find("{{<", pos)) >= 0 and (end := text.find(">}}", start + 3)) >= 0:
        spans.append((start, end + 3))
        pos = end + 3
    return spans


def mask_inline(text: str) -> tuple[str, list[tuple[int, int]]]:
    """Replace code spans, comments, shortcodes, `\\$` and inline math by MASK (same length), keeping newlines.

    Returns the masked text and the spans of inline math in it.
    """
    if "`" in text:
        text = _mask_spans(text, code_spans(text))
    if "<" in text and "<!--" in text:  # (one character first: a faster test, most often enough)
        text = _HTML_COMMENT.sub(_blank, text)
    if "%" in text and "%%" in text:
        text = _OBSIDIAN_COMMENT.sub(_blank, text)
    if "<" in text and "{{<" in text:
        text = _mask_spans(text, _shortcode_spans(text))
    if "\\" in text and "\\$" in text:
        text = text.replace("\\$", MASK * 2)
    if "$" not in text and "\\(" not in text:
        return text, []
    spans = [span for span in math_spans(text) if not text.startswith("\\[", span[0])]
    return _mask_spans(text, spans), spans
