"""Bytes of a note → its text with \\n line ends, and the warnings of reading it: UTF-16 read, binary files refused,
bad UTF-8 replaced, NUL and U+FFFC dropped, a stray control character named (`textsafe.stray_control`). Pure."""

from __future__ import annotations

from mlwiki.models import Problem, Severity
from mlwiki.textsafe import stray_control


def warn(rel: str, message: str, line: int | None = None, code: str = "file") -> Problem:
    """A warning about one file (at a line, when known)."""
    return Problem(rel, line, message, Severity.WARNING, code)


def decode_note(data: bytes, rel: str) -> tuple[str | None, list[Problem]]:
    """Bytes → text with \\n line ends. Binary files are refused; bad UTF-8 is replaced, with a warning; a stray
    control character is warned about (`textsafe.stray_control`)."""
    text, problems = _decoded(data, rel)
    if text is not None and (found := stray_control(text)) is not None:  # ("\\frac" a script wrote as "\f" + "rac")
        problems = problems + [warn(rel, found[1], found[0], code="control-character")]
    return text, problems


def _decoded(data: bytes, rel: str) -> tuple[str | None, list[Problem]]:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return _normalize_newlines(data.decode("utf-16")), []
        except UnicodeDecodeError:
            return None, [warn(rel, "broken UTF-16 text; re-save the file as UTF-8", code="encoding")]
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    if b"\x00" in data[:8192]:
        return None, [warn(rel, "looks like a binary file (NUL bytes), not a note; skipped", code="encoding")]
    try:
        return _normalize_newlines(data.decode("utf-8")), []
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        text = _normalize_newlines(data.decode("utf-8", errors="replace"))
        return text, [warn(rel, "not valid UTF-8 (bad bytes shown as \ufffd); re-save the file as UTF-8",
                           line, code="encoding")]


def _normalize_newlines(text: str) -> str:
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if "\x00" in text:
        text = text.replace("\x00", "")
    if "\ufffc" in text:  # (the object replacement character text copied from a chat or a PDF holds where its
        text = text.replace("\ufffc", "")  # links or images were: it shows as a box and stands for nothing)
    return text
