"""Property tests: no text, however odd, crashes extraction, and what comes out is always well formed."""

from __future__ import annotations

import pytest

import json

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from mlwiki.extract import NoteContext, extract
from mlwiki.models import CardKind, Severity
from mlwiki.sources.notes import parse_note_bytes

pytestmark = pytest.mark.slow  # hypothesis searches over whole notes: `pytest -m "not slow"` skips them

# The pieces card syntax is made of, and the pieces that guard against it, so that random notes hit the parser's
# corners far more often than random characters would.
SYNTAX = [
    "Q:", "A:", "Q: ", "A: ", "- Q: ", "  A: ", "::", ":::", " :: ", " ::: ", "::::", "$$", "$", "\\$", "```", "~~~",
    "`", "{{c1::", "{{c2::", "{{c10::", "}}", "::hint}}", "?", "??", "<!--", "-->", "%%", "\n", "\n\n", "\r\n", ">",
    "> ", "> [!info] ", "#", "## ", "{.card}", "::: {.card}", "::: {.card #id reverse=true}", "::: back",
    "::: {.callout-tip .card collapse=\"true\"}", "{{<", ">}}", "{{< include x.qmd >}}", "[text]{.cloze}",
    "[a]{.cloze n=2 hint=\"h\"}", "\\cloze{", "\\[", "\\]", "\\begin{equation}", "\\end{equation}",
    "\\begin{align*}", "\\end{align*}", "{#eq-x}", "==", "**Term**: ", "**", "    ", "\t", "- ", "1. ", "|", "| a :: b |",
    "{", "}", "[", "]", "(", ")", "[[link|alias]]", "[^1]", "^block", "e.g. ", ". ", "x", "a = b", "\\le", "std::vector",
    " ", "\\", "\x00", "\u00e9", "\U0001f600",
    # question forms, MyST directives, Obsidian callouts, lone formulas, setext headings and the no-card guards
    "## Why?", "# What is x?\n", "> [!question] Why? ", "> [!faq]- What? ", "> [!tip] ", "```{admonition} Why? ",
    "```{note}", "````{note} Why?", ":::{note} Why?", "```{margin}", "```{figure} x.png", ":class: tip", ":name: x",
    "**Why?**", "**Why?** ", "__How?__", "{.no-card}", "::: {.callout-note .no-card}", "<!-- no-card -->", "===",
    "---", "$ x = y $", "- $a = b$", "$a \\le b$.", "\\begin{gather}", "\\end{gather}", "title=\"Why?\"",
    "::: {.callout-note title=\"Why?\"}", "where ", "so ", "For the first ", "![[x.png]]", "![a](b.png)",
]

token = st.sampled_from(SYNTAX) | st.text(max_size=4)
syntax_text = st.lists(token, max_size=80).map("".join)
any_text = st.text(max_size=400) | syntax_text
options = st.fixed_dictionaries({
    "formulas": st.sampled_from(["none", "display", "inline"]),
    "definitions": st.booleans(),
    "highlight_cloze": st.booleans(),
    "file_type": st.sampled_from(["md", "qmd"]),
    "question_headings": st.booleans(),
    "question_callouts": st.booleans(),
    "bold_questions": st.booleans(),
})

SETTINGS = settings(max_examples=400, deadline=2000, suppress_health_check=[HealthCheck.too_slow])


def check_well_formed(body: str, result, line_offset: int = 0) -> None:
    last_line = body.count("\n") + 1 + line_offset
    assert len({c.id for c in result.cards}) == len(result.cards), "ids are unique within a note"
    for n, card in enumerate(result.cards):
        assert card.kind in CardKind
        assert card.id and card.note_id
        assert card.front.strip() and card.back.strip(), card
        assert 1 <= card.source.line <= last_line, (card.source.line, last_line)
        assert card.ord == n
        assert (card.group > 0) == (card.kind == CardKind.CLOZE)
    for problem in result.problems:
        assert problem.severity in (Severity.ERROR, Severity.WARNING)
        assert problem.line is None or 1 <= problem.line <= last_line, (problem, last_line)
        assert problem.message


@SETTINGS
@given(body=any_text, opts=options)
@example(body="{{c1::" * 50 + "}}", opts={"formulas": "display", "definitions": False, "highlight_cloze": False,
                                         "file_type": "md", "question_headings": True})
@example(body="> [!faq]- Why?\n> ```{note} Q?\n> :class: x\n## A?\nb\n===\n$a = b$\n", opts={"formulas": "display", "file_type": "md"})
@example(body="::: {.x}\n" * 200 + ":::\n" * 200, opts={"formulas": "inline", "definitions": True,
                                                         "highlight_cloze": True, "file_type": "md"})
@example(body="``" + " `a" * 200, opts={"formulas": "inline", "definitions": True, "highlight_cloze": True,
                                        "file_type": "md"})
def test_extraction_never_crashes_and_is_well_formed(body: str, opts: dict):
    path = "notes/n." + opts["file_type"]
    result = extract(body, NoteContext(path=path, **opts))
    check_well_formed(body, result)
    again = extract(body, NoteContext(path=path, **opts))
    assert again.cards == result.cards, "extraction is deterministic"


@SETTINGS
@given(body=syntax_text, offset=st.integers(0, 5))
def test_front_matter_offset_shifts_lines_only(body: str, offset: int):
    plain = extract(body, NoteContext(path="n.md"))
    shifted = extract(body, NoteContext(path="n.md", line_offset=offset))
    check_well_formed(body, shifted, offset)
    assert [c.id for c in shifted.cards] == [c.id for c in plain.cards]
    assert [c.source.line for c in shifted.cards] == [c.source.line + offset for c in plain.cards]
    assert [p.line for p in shifted.problems] == [p.line + offset if p.line else p.line for p in plain.problems]


@SETTINGS
@given(body=syntax_text)
@example(body="\\begin{equation}\\end{equation}")
def test_moving_text_down_keeps_ids(body: str):
    """Blank lines before a note's text move its cards, never change them, and neither does moving the note to
    another folder: ids depend on neither. (A formula with no heading and no text before it is named after its
    note, "Formula from a", so the file name stays the same here.)"""
    plain = extract(body, NoteContext(path="a.md"))
    moved = extract("\n\n\n" + body, NoteContext(path="elsewhere/a.md"))
    assert [c.id for c in moved.cards] == [c.id for c in plain.cards]
    assert [c.source.line for c in moved.cards] == [c.source.line + 3 for c in plain.cards]


@SETTINGS
@given(body=syntax_text, file_type=st.sampled_from(["md", "ipynb"]), crlf=st.booleans())
@example(body="\r0 :: Q:", file_type="md", crlf=False)
def test_notes_from_bytes_never_crash(body: str, file_type: str, crlf: bool):
    """The whole read path: bytes (front matter, line endings, notebooks) → note → cards."""
    text = body.replace("\n", "\r\n") if crlf else body
    if file_type == "ipynb":
        cells = [{"cell_type": "markdown", "metadata": {}, "source": part.splitlines(keepends=True)}
                 for part in text.split("\n\n")]
        data = json.dumps({"cells": cells, "metadata": {}, "nbformat": 4, "nbformat_minor": 5}, indent=1).encode()
    else:
        data = ("---\ntags: [x]\n---\n" + text).encode("utf-8", "surrogatepass")
    note, _ = parse_note_bytes(data, "notes/n." + file_type, file_type)
    if note is None:
        return
    ctx = NoteContext(path=note.path, file_type=note.file_type, line_offset=note.line_offset,
                      line_map=note.line_map)
    result = extract(note.body, ctx)
    raw = data.decode("utf-8", "replace")
    file_lines = raw.replace("\r\n", "\n").replace("\r", "\n").count("\n") + 1  # a lone \r ends a line too
    for card in result.cards:
        assert 1 <= card.source.line <= file_lines
