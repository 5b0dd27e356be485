r"""An Anytype object exported as Markdown, read as Anytype shows it, line for line.

Anytype's exporter (anytype-heart's `converter/md`) writes every text block as one line ending in three spaces (a
hard break), and escapes each character of a block's text on its own: `_`, `*`, `|`, `` ` ``, `[` and `]` get a
backslash, inside an inline `$…$` formula too, while a backslash the writer typed is left as it is — `$\beta_1$` is
written `$\beta\_1$` and `$\|g\|$` is written `$\\|g\\|$`. Markdown reads the escapes away in text, but a
formula is read as written: KaTeX showed `\_1` as a literal underscore and `\|` as ‖. Inside an exported note's
inline formulas the escapes are read back. A toggle is written as a one-line quote and its contents as the
paragraphs after it: a toggle titled with a question (`> Why does Adam need bias correction?`) is that question,
its answer the text under it, as a question heading reads (a heading: the exporter writes no blank line between two
blocks, so a bold line would join the paragraph before it).

Outside formulas the escapes mostly read away, but not all: a subject mlwiki takes from a line's words
(`- W\_enc and W\_dec are tied: …` asks of "W\enc and W\dec") lost the underscore and kept the backslash. An
underscore inside a word is never emphasis in Markdown, so the exporter's `\_` between two characters is read as
the `_` the writer typed (in code spans too, where Markdown would have shown the backslash and Anytype does not).

A block that is no text — a picture, a file, a link to another object, a bookmark — is written as its link alone on
a line ending in four spaces (`![ddpm](files/ddpm.png)    `, `[Autoencoders](autoencoders.md)    `). Anytype shows
it as a block of its own, but with no blank line around it Markdown joined it to the paragraph before and after, so
a card's back ended in a picture's markup and the first words of its caption. A card shows no picture and a link
card is the app's navigation, so such a line is read as an empty line, and so is a picture's caption written in the
blocks under it, a bracket that names itself as one (`(screenshot: …` up to its closing bracket), as `captions`
leaves out the one-line captions of other tools.

A note is read so only when it shows the exporter's mark: most of its lines of text end in three spaces.
Pure: text in, the same number of lines out.
"""

from __future__ import annotations

import re

from mlwiki.render.spans import between_spans, fenced_lines, math_spans

_HARD_BREAK = "   "
_INLINE_MATH = re.compile(r"(?<![\\$])\$(?!\$)((?:\\.|[^$\\\n])+)\$(?!\$)")
_CODE_SPAN = re.compile(r"`[^`\n]+`")
_ESCAPED = re.compile(r"\\\\(?=\|)|\\([_*`\[\]|])")
_QUESTION_TOGGLE = re.compile(r">[ \t]+([^>\n][^\n]*\?)[ \t]*")
_MIN_LINES = 4
# an underscore the exporter escaped between two characters of a word (`p\_data`, `x\_{t-1}`): a letter or digit
# before it (not a typed `\\_`, not punctuation, after which `_` could open emphasis) and one or a brace after it
_WORD_UNDERSCORE = re.compile(r"(?<=[^\W_])\\_(?=[^\W_]|\{)")
# a block that is no text: one link or picture alone, the exporter's four spaces after it (a text block ends in three)
_LINK_BLOCK = re.compile(r"[ \t]*!?\[[^\n]*\]\([^()\s]+\)    [ \t]*")
_PICTURE_BLOCK = re.compile(r"[ \t]*!\[")
# a caption under a picture, as the captions of other tools are read (`captions`): it opens a bracket and names
# itself as a picture in its first words ("(screenshot: the 2-D latent space …")
_CAPTION = re.compile(r"(?i)[ \t]*[(\[][^\n]{0,40}?\b(?:photo(?:graph)?|screen ?shot|snapshot|picture|sketch|scan)s?\b")
_MAX_CAPTION_BLOCKS = 4


def is_anytype_export(lines: list[str]) -> bool:
    """Whether a note's lines are Anytype's export: most lines of text (not headings' or fences') end in three
    spaces, as the exporter ends every block."""
    text = [line for line in lines if line.strip() and not line.lstrip().startswith(("```", "$$", "|"))]
    broken = sum(1 for line in text if line.endswith(_HARD_BREAK) and not line.endswith(_HARD_BREAK + " "))
    return len(text) >= _MIN_LINES and broken * 3 >= len(text) * 2


def as_anytype_shows(body: str) -> str:
    """`body` with an Anytype export's inline formulas and in-word underscores unescaped, its question toggles as
    question headings and its blocks that are no text (pictures, object links) as empty lines; `body` itself when it
    is no Anytype export."""
    if _HARD_BREAK + "\n" not in body:
        return body
    lines = body.split("\n")
    if not is_anytype_export(lines):
        return body
    fenced = fenced_lines(lines)
    shown = _outside_display_math(lines, fenced)
    for k, line in enumerate(lines):
        if not shown[k]:
            continue
        if "$" in line and "\\" in line:
            line = _INLINE_MATH.sub(lambda m: f"${_ESCAPED.sub(_unescape, m.group(1))}$", line)
        if "`" in line and "\\" in line:  # (inside inline code too: `clip_grad_norm\_` is `clip_grad_norm_`)
            line = _CODE_SPAN.sub(lambda m: _ESCAPED.sub(_unescape, m.group(0)), line)
        if "\\_" in line:
            line = _words_unescaped(line)
        if (toggle := _QUESTION_TOGGLE.fullmatch(line.rstrip())) and _stands_alone(lines, k):
            line = f"###### {toggle.group(1).strip()}"
        lines[k] = line
    _without_object_blocks(lines, shown)
    return "\n".join(lines)


def _outside_display_math(lines: list[str], fenced: list[bool]) -> list[bool]:
    """Which lines are the note's text: not in fenced code, not in a `$$` block (a LaTeX block, written raw)."""
    shown, in_math = [], False
    for k, line in enumerate(lines):
        delimiter = not fenced[k] and line.strip() == "$$"
        shown.append(not fenced[k] and not in_math and not delimiter)
        in_math = in_math != delimiter
    return shown


def _words_unescaped(line: str) -> str:
    """`line` with each `\\_` inside a word as `_`, outside its inline formulas (read back already)."""
    return between_spans(line, math_spans(line), lambda text: _WORD_UNDERSCORE.sub("_", text))


def _without_object_blocks(lines: list[str], shown: list[bool]) -> None:
    """Each block that is no text (a picture, file, object link or bookmark alone on its line) as an empty line, in
    place: Anytype shows it apart from the paragraphs around it, and a card shows no picture. So is a picture's
    caption in the blocks under it."""
    for k, line in enumerate(lines):
        if not shown[k] or not line.endswith("    ") or not _LINK_BLOCK.fullmatch(line):
            continue
        lines[k] = ""
        if _PICTURE_BLOCK.match(line) and k + 1 < len(lines) and shown[k + 1] and _CAPTION.match(lines[k + 1]):
            _without_caption(lines, k + 1)


def _without_caption(lines: list[str], k: int) -> None:
    """The bracketed caption that opens on line `k` as empty lines, when it closes within a few blocks (each of its
    sentences a block of its own: `(screenshot: …` then `… between clusters.)`)."""
    depth = 0
    for j in range(k, min(k + _MAX_CAPTION_BLOCKS, len(lines))):
        depth += sum(lines[j].count(c) for c in "([") - sum(lines[j].count(c) for c in ")]")
        if depth <= 0:
            lines[k:j + 1] = [""] * (j + 1 - k)
            return


def _unescape(escape: re.Match) -> str:
    """`\\_` as `_`, and a typed backslash before an escaped `|` (`\\\\|`) as the one backslash it was."""
    return escape.group(1) if escape.group(1) else "\\"


def _stands_alone(lines: list[str], k: int) -> bool:
    """Whether the quote line `k` is a one-line block: no quote line before or after it (a toggle's title)."""
    before = lines[k - 1].lstrip() if k else ""
    after = lines[k + 1].lstrip() if k + 1 < len(lines) else ""
    return not before.startswith(">") and not after.startswith(">")
