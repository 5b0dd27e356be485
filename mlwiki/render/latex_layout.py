"""Atoms and their layout for `latex_text`: spacing between atoms, scripts, accents, fractions,
parentheses where the reader needs them, and environments as aligned lines."""

from __future__ import annotations

import re
import unicodedata

from mlwiki.render.latex_symbols import (
    _BIG_OP_CHARS,
    _ENV_DELIMS,
    _LEFT_ALIGNED_ENVS,
    _PREFIXES,
    _SCRIPT_CHARS,
    _SUB,
    _SUP,
    _TALL,
    _VULGAR,
)


# --------------------------------------------------------------------------------------
# Atoms and layout
# --------------------------------------------------------------------------------------

class _Atom:
    """A rendered piece of a math list.

    cls is its TeX-like spacing class: ord, op (Σ, log), word (upright multi-letter text),
    bin, rel, open, close, punct, inner (a fraction) or space. wrap: needs parentheses when
    used as a denominator or radicand; bwrap: when it carries a script; loose: ends in a
    plain ``_x``/``^x`` script, so a following letter needs a space.
    """

    __slots__ = ("text", "cls", "wrap", "bwrap", "loose")

    def __init__(self, text: str, cls: str = "ord", wrap: bool = False,
                 bwrap: bool | None = None, loose: bool = False) -> None:
        self.text = text
        self.cls = cls
        self.wrap = wrap
        self.bwrap = wrap if bwrap is None else bwrap
        self.loose = loose

    def __repr__(self) -> str:  # pragma: no cover - debugging aid
        return f"_Atom({self.text!r}, {self.cls!r})"


_OPISH = ("op", "word")


def _space_between(p: str | None, c: str, compact: bool) -> bool:
    """Whether a space goes between an atom of class p and one of class c."""
    if p is None or p == "space" or c == "space" or p == "unary":
        return False
    if compact:
        if p in _OPISH and c in ("ord", "op", "word", "inner", "unary"):
            return True
        return c in _OPISH and p in ("ord", "close", "inner", "op", "word")
    if p == "rel":
        return c not in ("close", "punct", "rel")
    if c == "rel":
        return p not in ("open", "rel")
    if p == "bin" or c == "bin":
        return True
    if p == "punct":
        return c not in ("close", "punct")
    if p in _OPISH:
        return c not in ("open", "punct", "close")
    if c in _OPISH:
        return p != "open"
    if c == "inner":
        return p in ("ord", "close")
    return False


def _width(text: str) -> int:
    """Terminal columns of text (combining marks take none, wide characters two)."""
    w = 0
    for ch in text:
        if unicodedata.combining(ch) or ch in "\u200b\u200c\u200d\ufe0f":
            continue
        w += 2 if unicodedata.east_asian_width(ch) in "WF" else 1
    return w


def _layout(atoms: list[_Atom], compact: bool) -> str:
    """Join atoms into text, spacing them like TeX would (compact: script style)."""
    items = [a for a in atoms if a.text or a.cls in ("open", "close")]
    m = len(items)
    if m == 0:
        return ""
    classes = [a.cls for a in items]
    prev = None
    for i in range(m):
        c = classes[i]
        if c == "space":
            continue
        if c == "bin":
            nxt = None
            for j in range(i + 1, m):
                if classes[j] != "space":
                    nxt = classes[j]
                    break
            if prev in (None, "bin", "unary", "rel", "open", "punct", "op") or nxt in (
                None, "rel", "close", "punct"
            ):
                classes[i] = c = "unary"
        prev = c

    buf: list[str] = []
    last = ""
    prev = None
    prev_loose = False
    for i, a in enumerate(items):
        c = classes[i]
        text = a.text
        if c == "space":
            if text == " " and (not buf or last in " \n"):
                continue
            buf.append(text)
            last = text[-1]
            prev = "space"
            prev_loose = False
            continue
        if c == "inner":
            nxt_cls = classes[i + 1] if i + 1 < m else None
            if nxt_cls in ("ord", "open", "inner", "word", "unary") or (
                i > 0 and items[i - 1].text.endswith("/")
            ):
                text = "(" + text + ")"
                c = "ord"  # now a closed group: (a/b)x, a/(b/c)
        if buf and text and last not in " \n" and text[0] not in " \n":
            if _space_between(prev, c, compact) or (
                prev_loose
                and (c in ("ord", "op", "word", "inner", "unary")
                     or (c == "open" and prev in _OPISH))
            ) or (c == "open" and prev == "op" and items[i - 1].text[:1] in _BIG_OP_CHARS):
                buf.append(" ")
        if "\n" in text:
            done = "".join(buf)
            line = done[done.rfind("\n") + 1:]
            text = text.replace("\n", "\n" + " " * _width(line))
        buf.append(text)
        if text:
            last = text[-1]
        prev = c
        prev_loose = a.loose
    return "".join(buf)


_TRAILING_SCRIPTS = "".join(sorted(_SCRIPT_CHARS)) + "′″"


def _base_text(text: str) -> str:
    return text.rstrip(_TRAILING_SCRIPTS)


def _needs_parens(atoms: list[_Atom], role: str) -> bool:
    """Whether a list rendered as one operand needs parentheses.

    role 'num' (a numerator: juxtaposed factors are fine, ``QKᵀ/…``) or 'den' (a
    denominator, radicand or script: it must be a single factor such as ``dₖ``, ``f(x)``,
    ``2``, ``∂w``).
    """
    depth = 0
    units = 0
    prev = None
    prev_alpha = False
    prev_prefix = False
    first = True
    for a in atoms:
        c = a.cls
        if not a.text and c not in ("open", "close"):
            continue
        if c == "open":
            if depth == 0:
                applied = prev in _OPISH or (prev == "ord" and prev_alpha)
                if not applied and not prev_prefix:
                    units += 1
                prev_prefix = False
            depth += 1
            first = False
            continue
        if c == "close":
            if depth > 0:
                depth -= 1
            if depth == 0:
                prev = "close"
                prev_alpha = prev_prefix = False
            first = False
            continue
        if depth > 0:
            continue
        if c in ("space", "rel", "punct", "inner"):
            return True
        if c == "bin":
            if role == "num" and first:
                first = False
                prev = "unary"
                continue
            return True
        if prev in _OPISH or a.wrap:
            return True
        if not prev_prefix:
            units += 1
        prev = c
        prev_alpha = a.text[:1].isalpha()
        prev_prefix = _base_text(a.text) in _PREFIXES
        first = False
    return role != "num" and units > 1


def _is_bracketed(text: str) -> bool:
    """True if text is one (…) group, e.g. '(i)' but not '(a)(b)'."""
    if len(text) < 2 or text[0] != "(" or text[-1] != ")":
        return False
    depth = 0
    for i, ch in enumerate(text):
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
            if depth == 0 and i != len(text) - 1:
                return False
    return depth == 0


def _script(atoms: list[_Atom], sup: bool, plain: bool = False) -> tuple[str, bool]:
    """Render a sub/superscript: (text, loose). Unicode script characters when every character has one, unless
    `plain`: then (and otherwise) `_x`, `^x`, `_(…)`."""
    text = _layout(atoms, True).strip()
    if not text:
        return "", False
    table = _SUP if sup else _SUB
    if not plain and all(ch in table for ch in text):
        return "".join(table[ch] for ch in text), False
    marker = "^" if sup else "_"
    single = (
        len(text) == 1
        or (len(text) > 1 and all(unicodedata.combining(ch) for ch in text[1:]))
        or re.fullmatch(r"[0-9]+(?:\.[0-9]+)?", text) is not None
    )
    if single:
        return marker + text, True
    if _is_bracketed(text):
        return marker + text, False
    return marker + "(" + text + ")", False


def _is_unicode_script(text: str) -> bool:
    """Whether a script rendered by `_script` came out as Unicode script characters (not `_x`/`^(…)`)."""
    return not text.startswith(("_", "^"))


def _accent(text: str, mark: str) -> str:
    out = []
    for ch in text:
        out.append(ch)
        if ch.isalnum() and ch not in _SCRIPT_CHARS:
            out.append(mark)
    return "".join(out)


def _tall(delim: str, n: int) -> list[str]:
    if not delim:
        return [""] * n
    if n == 1 or delim not in _TALL:
        return [delim] * n
    pieces = _TALL[delim]
    col = [pieces[0]] + [pieces[1]] * (n - 2) + [pieces[2]]
    if len(pieces) == 4 and n >= 3:
        col[(n - 1) // 2] = pieces[3]
    return col


def _dedent(lines: list[str]) -> list[str]:
    indents = [len(ln) - len(ln.lstrip(" ")) for ln in lines if ln.strip()]
    cut = min(indents) if indents else 0
    return [ln[cut:] for ln in lines]


def _format_env(name: str, rows: list[list[str]]) -> str:
    rows = [[cell.strip() for cell in row] for row in rows]
    while rows and not any(rows[-1]):
        rows.pop()
    if not rows:
        return ""
    ncols = max(len(r) for r in rows)
    widths = [0] * ncols
    for r in rows:
        for j, cell in enumerate(r):
            widths[j] = max(widths[j], _width(cell))
    delims = _ENV_DELIMS.get(name)
    matrix_like = delims is not None and name not in ("cases", "dcases", "rcases", "numcases")
    left_aligned = name in _LEFT_ALIGNED_ENVS
    sep = "  " if (delims is not None or name in ("array", "tabular", "subarray")) else " "
    lines = []
    for r in rows:
        cells = []
        for j in range(ncols):
            cell = r[j] if j < len(r) else ""
            pad = " " * (widths[j] - _width(cell))
            right = matrix_like or (not left_aligned and delims is None and j % 2 == 0)
            cells.append(pad + cell if right else cell + pad)
        lines.append(sep.join(cells))
    lines = _dedent([ln.rstrip() for ln in lines])
    if delims is None:
        return "\n".join(lines)
    left, right = delims
    full = max(_width(ln) for ln in lines)
    lines = [ln + " " * (full - _width(ln)) for ln in lines]
    lcol = _tall(left, len(lines))
    rcol = _tall(right, len(lines))
    if matrix_like:
        out = [lc + ln + rc for lc, ln, rc in zip(lcol, lines, rcol)]
    else:  # cases: a brace and a space on one side
        out = [(lc + " " if lc else "") + ln + (" " + rc if rc else "")
               for lc, ln, rc in zip(lcol, lines, rcol)]
    return "\n".join(ln.rstrip() for ln in out)


def _word_class(text: str) -> str:
    t = text.strip()
    return "word" if len(t) > 1 and t[0].isalpha() and t[-1].isalpha() else "ord"


def _text_atom(text: str) -> _Atom:
    wrap = bool(re.search(r"\s", text.strip()))
    return _Atom(text, _word_class(text), wrap=wrap)


def _group_atom(atoms: list[_Atom], compact: bool) -> _Atom:
    if not atoms:
        return _Atom("")
    if len(atoms) == 1:
        a = atoms[0]
        cls = "ord" if a.cls in ("bin", "rel", "punct", "op", "open", "close") else a.cls
        return _Atom(a.text, cls, wrap=a.wrap, bwrap=a.bwrap, loose=a.loose)
    w = _needs_parens(atoms, "den")
    return _Atom(_layout(atoms, compact), "ord", wrap=w)


def _frac(num: list[_Atom], den: list[_Atom]) -> _Atom:
    n = _layout(num, True).strip()
    d = _layout(den, True).strip()
    if not n and not d:
        return _Atom("")
    if (n, d) in _VULGAR:
        return _Atom(_VULGAR[(n, d)])
    if n and _needs_parens(num, "num"):
        n = "(" + n + ")"
    if d and _needs_parens(den, "den"):
        d = "(" + d + ")"
    return _Atom(n + "/" + d, "inner", wrap=True)
