"""Cloze padding for Anki fields: `}}` and `::` inside a cloze broken up so Anki's cloze parser (first `}}` ends a
cloze, first `::` starts its hint) reads the whole cloze. Used by `render.html.markdown_to_html` as its last step;
see `pad_cloze_math` for the rules.
"""

from __future__ import annotations

import re


def _is_escaped(src: str, pos: int, start: int = 0) -> bool:
    """True when ``src[pos]`` follows an odd number of backslashes."""
    count = 0
    pos -= 1
    while pos >= start and src[pos] == "\\":
        count += 1
        pos -= 1
    return count % 2 == 1


# --------------------------------------------------------------------------- #
# Cloze padding
# --------------------------------------------------------------------------- #

_CLOZE_OPEN = re.compile(r"\{\{c\d+::")
_TAG = re.compile(r"""<!--.*?-->|<(/?)([A-Za-z][A-Za-z0-9:-]*)((?:[^>"']|"[^"]*"|'[^']*')*)>""", re.S)
_VOID = {
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link",
    "meta", "param", "source", "track", "wbr",
}  # fmt: skip
_LITERAL_ELEMENTS = {"code", "pre"}  # MathJax does not typeset inside these
_MATH_DELIMITERS = {"\\(": "\\)", "\\[": "\\]"}


_MAX_NESTING = 16  # deeper cloze openers are left as text


class _GiveUp(Exception):
    """The scan budget ran out (pathological input such as thousands of unclosed clozes)."""


class _Scanner:
    """Walks the text, rewriting the content of every cloze it meets.

    A cloze whose braces never balance is re-read as plain text of its parent,
    which makes the worst case super-linear; a step budget bounds it, and the
    text is then returned unpadded rather than slowly.
    """

    def __init__(self, text: str, dollars: bool):
        self.text = text
        self.dollars = dollars
        self.budget = 20 * len(text) + 10_000

    def scan(self) -> str:
        try:
            out, _, _ = self._scan(0, math=None, literal=0, in_cloze=False, nesting=0)
        except _GiveUp:
            return self.text
        return "".join(out)

    def _math_open(self, i: int) -> str | None:
        """The math opener at ``i`` (its closer is the same, or ``_MATH_DELIMITERS``)."""
        text = self.text
        for opener in _MATH_DELIMITERS:
            if text.startswith(opener, i):
                return opener
        if self.dollars and text.startswith("$", i):
            return "$$" if text.startswith("$$", i) else "$"
        return None

    def _scan(
        self, i: int, math: str | None, literal: int, in_cloze: bool, nesting: int
    ) -> tuple[list[str], int, bool]:
        """Scan from ``i``.  Outside a cloze: to the end of the text.  Inside a
        cloze body: to its closing ``}}`` (returns ``closed=True``, ``i`` after
        it) or to the end of the text (``closed=False``)."""
        text, n = self.text, len(self.text)
        out: list[str] = []  # output units; a cloze's pieces are post-processed
        # Per-unit info inside a cloze: kind "t" (text char), "c" (colon run),
        # "r" (raw: tag or nested cloze).
        units: list[tuple[str, str, bool, bool]] = []  # (kind, text, in_math, separator candidate)
        depth = 0  # brace depth, relative to the cloze body
        elements = 0  # open HTML elements, relative to the cloze body
        # `literal`: open <code>/<pre> elements (no math there)
        local_math_opened = False  # math region opened inside this body

        def emit(kind: str, s: str, candidate: bool = False) -> None:
            if in_cloze:
                units.append((kind, s, math is not None, candidate))
            else:
                out.append(s)

        while i < n:
            self.budget -= 1
            if self.budget < 0:
                raise _GiveUp
            if in_cloze and depth == 0 and text.startswith("}}", i):
                return self._finish(units), i + 2, True
            match = _CLOZE_OPEN.match(text, i) if nesting < _MAX_NESTING else None
            if match:
                body, end, closed = self._scan(match.end(), math, literal, True, nesting + 1)
                if closed:
                    emit("r", match.group(0) + "".join(body) + "}}")
                    i = end
                else:  # braces never balance: leave it to Anki's first-`}}` reading
                    emit("r", match.group(0))
                    i = match.end()
                continue
            ch = text[i]
            if math is None:
                if ch == "<":
                    tag = _TAG.match(text, i)
                    if tag:
                        name = (tag.group(2) or "").lower()
                        if tag.group(2) and name not in _VOID and not tag.group(3).rstrip().endswith("/"):
                            step = -1 if tag.group(1) else 1
                            elements += step
                            if name in _LITERAL_ELEMENTS:
                                literal = max(0, literal + step)
                        emit("r", tag.group(0))
                        i = tag.end()
                        continue
                opener = None if literal else self._math_open(i)
                if opener is not None:
                    math = _MATH_DELIMITERS.get(opener, opener)
                    local_math_opened = True
                    emit("r", opener)
                    i += len(opener)
                    continue
            elif text.startswith(math, i) and not (math.startswith("$") and _is_escaped(text, i)):
                closer_len = len(math)
                emit("r", text[i : i + closer_len])
                math = None
                local_math_opened = False
                i += closer_len
                continue
            if ch == "\\" and i + 1 < n:
                emit("t", text[i : i + 2])
                i += 2
                continue
            if ch == ":" and text.startswith("::", i):
                j = i
                while j < n and text[j] == ":":
                    j += 1
                candidate = depth == 0 and elements == 0 and (math is None or not local_math_opened)
                emit("c", text[i:j], candidate)
                i = j
                continue
            if ch == "{":
                depth += 1
            elif ch == "}" and depth > 0:
                depth -= 1
            emit("t", ch)
            i += 1
        return (self._finish(units) if in_cloze else out), i, False

    @staticmethod
    def _finish(units: list[tuple[str, str, bool, bool]]) -> list[str]:
        """Render a cloze body: the last candidate ``::`` is the hint separator;
        every other ``::`` and ``}}`` is broken up so Anki's parser (cloze ends
        at the first ``}}``, hint starts at the first ``::``) sees the whole
        text.  In math: ``:{}:`` and ``} }``; elsewhere character references
        (``:&#58;``, ``}&#125;``) that look the same once rendered."""
        separator = max((k for k, u in enumerate(units) if u[0] == "c" and u[3]), default=-1)
        out: list[str] = []
        for k, (kind, s, in_math, _) in enumerate(units):
            if kind == "c":
                if k == separator:
                    rest = len(s) - 2
                    out.append((":{}" * rest if in_math else "&#58;" * rest) + "::")
                else:
                    out.append("{}".join(s) if in_math else s[0] + "&#58;" * (len(s) - 1))
            elif kind == "t" and s == "}" and out and out[-1].endswith("}"):
                out.append(" }" if in_math else "&#125;")
            else:
                out.append(s)
        if out and out[-1].endswith("}") and units[-1][0] != "r":
            # the body's last `}` would merge with the closing `}}`
            if units[-1][2]:
                out.append(" ")
            else:
                out[-1] = out[-1][:-1] + "&#125;"
        return out


def _pad_clozes(text: str, dollars: bool) -> str:
    if "{{c" not in text:
        return text
    return _Scanner(text, dollars).scan()


def pad_cloze_math(text: str) -> str:
    """Inside `{{cN::…}}` content, rewrite `}}` → `} }` and `::` → `:{}:` (outside the first `::` that separates the cloze number and the optional final `::hint`) so Anki's cloze parser is not fooled.

    Those two rewrites are the ones used in math; in prose and code, where a
    space or ``{}`` would show, the same breaks are made with character
    references instead (see below).

    Anki's parser ends a cloze at the first ``}}`` and starts the hint at the
    first ``::``.  Here a cloze's extent is found by brace balance instead
    (``{{c1::$\\frac{1}{\\sqrt{x}}$}}`` ends at the last ``}}``), its hint
    separator is the last ``::`` at the top level of the body (not inside
    braces, math opened in the body, or an HTML element), and then the body is
    rewritten so Anki agrees:

    * in math (``\\(…\\)``, ``\\[…\\]``, ``$…$``, ``$$…$$``, or a cloze inside
      math): ``}}`` → ``} }`` and ``::`` → ``:{}:`` (an empty TeX group);
    * elsewhere (prose, code): ``}}`` → ``}&#125;`` and ``::`` → ``:&#58;``,
      character references that render exactly as the original, where a space
      or ``{}`` would show;
    * a ``}`` ending the body is separated from the closing ``}}`` the same way.

    Nested clozes (``{{c1::a {{c2::b}} c}}``) are handled recursively.  HTML
    tags are copied untouched.  A cloze with no balanced end is left as is.
    The text is meant to be HTML (an Anki field), since the replacements
    outside math are character references.
    """
    return _pad_clozes(text, dollars=True)
