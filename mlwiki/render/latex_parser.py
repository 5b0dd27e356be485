"""Tokenizer and parser of `latex_text`: LaTeX math as a token stream, turned into laid-out atoms.
The argument-taking constructs (roots, text, environments …) are in `latex_constructs`."""

from __future__ import annotations

import re

from mlwiki.render.latex_constructs import _Constructs
from mlwiki.render.latex_symbols import (
    _ACCENTS,
    _BIG_DELIMS,
    _CHAR_CLASS,
    _CLOSE,
    _DROP_ARG,
    _FONTS,
    _FONT_MAPS,
    _IGNORED,
    _OPEN,
    _OPERATOR_ARG,
    _PASS_ARG,
    _ROMAN_ARG,
    _ROW_BREAKS,
    _SPACES,
    _SYMBOLS,
    _TEXT_ARG,
)
from mlwiki.render.latex_layout import (
    _Atom,
    _accent,
    _frac,
    _group_atom,
    _is_unicode_script,
    _layout,
    _needs_parens,
    _script,
    _text_atom,
    _word_class,
)


# --------------------------------------------------------------------------------------
# Tokenizer and parser
# --------------------------------------------------------------------------------------

# A `%` that no backslash escapes starts a comment up to the end of its line (it goes, like in TeX).
_TOKEN_RE = re.compile(r"\\([A-Za-z]+)|\\(.)|([0-9]+(?:\.[0-9]+)?)|(\s+)|(%[^\n]*\n?)|(.)", re.S)
_DIMENSION_RE = re.compile(r"\s*-?[0-9.]+\s*[a-z]*\s*")


def _tokenize(src: str) -> list[tuple[str, str]]:
    toks = []
    for name, sym, num, ws, comment, ch in _TOKEN_RE.findall(src):
        if comment:
            continue
        if name:
            toks.append(("macro", name))
        elif sym:
            toks.append(("macro", sym))
        elif num:
            toks.append(("num", num))
        elif ws:
            toks.append(("ws", ws))
        else:
            toks.append(("char", ch))
    return toks


class _Parser(_Constructs):
    def __init__(self, tokens: list[tuple[str, str]], plain: frozenset[tuple[str, bool]] = frozenset()) -> None:
        self.toks = list(tokens)
        self.n = len(self.toks)
        self.pos = 0
        self.plain = plain  # (base, superscript?) whose scripts are written plain (`_i`, `^Q`) all through
        self.styles: dict[tuple[str, bool], set[bool]] = {}  # (base, superscript?): {came out in Unicode?}

    # -- small helpers -------------------------------------------------------------
    def skip_ws(self) -> None:
        toks, n = self.toks, self.n
        while self.pos < n and toks[self.pos][0] == "ws":
            self.pos += 1

    def peek_is(self, kind: str, val: str, skip_ws: bool = True) -> bool:
        p = self.pos
        if skip_ws:
            while p < self.n and self.toks[p][0] == "ws":
                p += 1
        return p < self.n and self.toks[p] == (kind, val)

    def take_star(self) -> None:
        if self.pos < self.n and self.toks[self.pos] == ("char", "*"):
            self.pos += 1

    def read_raw_group(self) -> str:
        """Consume a {…} argument and return its source text (no rendering)."""
        self.skip_ws()
        if self.pos >= self.n or self.toks[self.pos] != ("char", "{"):
            return ""
        self.pos += 1
        depth = 1
        parts = []
        while self.pos < self.n:
            kind, val = self.toks[self.pos]
            self.pos += 1
            if kind == "char" and val == "{":
                depth += 1
            elif kind == "char" and val == "}":
                depth -= 1
                if depth == 0:
                    break
            parts.append("\\" + val if kind == "macro" else val)
        return "".join(parts)

    def read_raw_optional(self) -> str | None:
        """Consume a […] argument if one follows; return its source text."""
        self.skip_ws()
        if self.pos >= self.n or self.toks[self.pos] != ("char", "["):
            return None
        p = self.pos + 1
        depth = 0
        parts = []
        while p < self.n:
            kind, val = self.toks[p]
            if kind == "char" and val == "{":
                depth += 1
            elif kind == "char" and val == "}":
                depth -= 1
                if depth < 0:
                    return None
            elif kind == "char" and val == "]" and depth == 0:
                self.pos = p + 1
                return "".join(parts)
            parts.append("\\" + val if kind == "macro" else val)
            p += 1
        return None

    def parse_optional(self, compact: bool) -> list[_Atom] | None:
        self.skip_ws()
        if self.pos >= self.n or self.toks[self.pos] != ("char", "["):
            return None
        self.pos += 1
        atoms = self.parse_list(compact, stop="]")
        if self.pos < self.n and self.toks[self.pos] == ("char", "]"):
            self.pos += 1
        return atoms

    def parse_arg(self, compact: bool) -> list[_Atom]:
        """One macro argument: a {group} or a single token."""
        self.skip_ws()
        if self.pos >= self.n:
            return []
        kind, val = self.toks[self.pos]
        if kind == "char":
            if val == "{":
                self.pos += 1
                atoms = self.parse_list(compact)
                if self.pos < self.n and self.toks[self.pos] == ("char", "}"):
                    self.pos += 1
                return atoms
            if val in "}&^_$]":
                return []
        elif kind == "num" and len(val) > 1:
            self.toks[self.pos] = ("num", val[1:])
            return [_Atom(val[0])]
        elif kind == "macro" and (val == "end" or val in _ROW_BREAKS):
            return []
        atom = self.parse_atom(compact)
        return [atom] if atom is not None else []

    def skip_row_options(self) -> None:
        self.take_star()
        if self.pos < self.n and self.toks[self.pos] == ("char", "["):
            save = self.pos
            raw = self.read_raw_optional()
            if raw is None or not _DIMENSION_RE.fullmatch(raw):
                self.pos = save

    # -- lists ---------------------------------------------------------------------
    def parse_list(self, compact: bool, stop: str | None = None, top: bool = False,
                   in_env: bool = False) -> list[_Atom]:
        """Atoms up to (not including) a closing token: '}', stop, \\end, or & / \\\\ in
        an environment. At the top level stray '}' and \\end are skipped."""
        atoms: list[_Atom] = []
        toks = self.toks
        while self.pos < self.n:
            kind, val = toks[self.pos]
            if kind == "ws":
                self.pos += 1
                continue
            if kind == "char":
                if val == stop:
                    break
                if val == "}":
                    if top:
                        self.pos += 1
                        continue
                    break
                if val == "&":
                    if in_env:
                        break
                    self.pos += 1
                    continue
            elif kind == "macro":
                if val == "end":
                    if top:
                        self.pos += 1
                        self.read_raw_group()
                        continue
                    break
                if in_env and val in _ROW_BREAKS:
                    break
            atom = self.parse_atom(compact)
            atom = self.parse_scripts(atom)
            if atom is not None:
                atoms.append(atom)
        return atoms

    def parse_scripts(self, atom: _Atom | None) -> _Atom | None:
        toks = self.toks
        sub: list[_Atom] | None = None
        sup: list[_Atom] | None = None
        primes = ""
        while True:
            p = self.pos
            while p < self.n and toks[p][0] == "ws":
                p += 1
            if p >= self.n:
                break
            kind, val = toks[p]
            if kind == "macro" and val in ("limits", "nolimits", "displaylimits"):
                self.pos = p + 1
                continue
            if kind != "char":
                break
            if val == "'":
                primes += "′"
                self.pos = p + 1
                continue
            if val not in ("^", "_"):
                break
            self.pos = p + 1
            arg = self.parse_arg(True)
            if val == "^":
                sup = arg if sup is None else sup + arg
            else:
                sub = arg if sub is None else sub + arg
        if sub is None and sup is None and not primes:
            return atom
        if atom is None:
            atom = _Atom("")
        base = atom.text
        if atom.bwrap and base:
            base = "(" + base + ")"
        text = base + primes
        loose = False
        for s, loose_script in self.scripts(base, sub, sup):
            text += s
            loose = loose_script if s else loose
        cls = "ord" if atom.cls in ("inner", "space") else atom.cls
        if cls == "op" and text.endswith(")") and not base.endswith(")"):
            loose = True  # lim_(n→∞) (…), not lim_(n→∞)(…)
        return _Atom(text, cls, loose=loose)

    def scripts(self, base: str, sub: list[_Atom] | None, sup: list[_Atom] | None) -> list[tuple[str, bool]]:
        """The rendered subscript and superscript of `base`, in one style: Unicode script characters only when
        both have them (`Wᵢᴷ`, `W_i^Q`, never `Wᵢ^Q`), and plain wherever the same base's script in that place is
        plain elsewhere in the formula (`self.plain`, found by a first pass)."""
        parts = [(arg, sup_side) for arg, sup_side in ((sub, False), (sup, True)) if arg is not None]
        forced = any((base, side) in self.plain for _, side in parts)
        rendered = [_script(arg, side, forced) for arg, side in parts]
        if not forced and len({_is_unicode_script(s) for s, _ in rendered if s}) > 1:
            rendered = [_script(arg, side, True) for arg, side in parts]
        for (_, side), (s, _) in zip(parts, rendered):
            if s:
                self.styles.setdefault((base, side), set()).add(_is_unicode_script(s))
        return rendered

    # -- atoms ---------------------------------------------------------------------
    def parse_atom(self, compact: bool) -> _Atom | None:
        """Parse one token (and the arguments of a macro). Always consumes a token."""
        kind, val = self.toks[self.pos]
        self.pos += 1
        if kind == "num":
            return _Atom(val)
        if kind == "ws":
            return None
        if kind == "char":
            return self.char_atom(val, compact)
        return self.macro_atom(val, compact)

    def char_atom(self, ch: str, compact: bool) -> _Atom | None:
        if ch == "{":
            atoms = self.parse_list(compact)
            if self.pos < self.n and self.toks[self.pos] == ("char", "}"):
                self.pos += 1
            return _group_atom(atoms, compact)
        if ch in ("^", "_"):
            self.pos -= 1
            return self.parse_scripts(_Atom(""))
        if ch == "~":
            return _Atom(" ", "space")
        if ch in ("&", "$", "}", "\\"):
            return None
        if ch == "'":
            return _Atom("′")
        return _Atom(ch, _CHAR_CLASS.get(ch, "ord"))

    def read_delim(self) -> str:
        self.skip_ws()
        if self.pos >= self.n:
            return ""
        kind, val = self.toks[self.pos]
        self.pos += 1
        if kind == "char":
            return "" if val in ".{}&^_$" else val
        if kind == "macro":
            sym = _SYMBOLS.get(val)
            return sym[0] if sym else ""
        return val if kind == "num" else ""

    def macro_atom(self, name: str, compact: bool) -> _Atom | None:
        sym = _SYMBOLS.get(name)
        if sym is not None:
            if name in ("bmod", "mod"):
                return _Atom("mod", "bin")
            return _Atom(sym[0], sym[1])
        if name in _SPACES:
            return _Atom(_SPACES[name], "space")
        if name in ("frac", "dfrac", "tfrac", "cfrac"):
            if name == "cfrac":
                self.read_raw_optional()
            return _frac(self.parse_arg(True), self.parse_arg(True))
        if name == "sqrt":
            return self.sqrt_atom()
        if name in _ACCENTS:
            atoms = self.parse_arg(compact)
            w = _needs_parens(atoms, "den")
            return _Atom(_accent(_layout(atoms, compact), _ACCENTS[name]), "ord", wrap=w)
        if name in _FONTS:
            atoms = self.parse_arg(compact)
            mapper = _FONT_MAPS[name]
            text = "".join(mapper(ch) for ch in _layout(atoms, compact))
            return _Atom(text, "ord", wrap=_needs_parens(atoms, "num"))
        if name in _PASS_ARG or name in _ROMAN_ARG or name in _OPERATOR_ARG:
            if name in _OPERATOR_ARG:
                self.take_star()
            atoms = self.parse_arg(compact)
            text = _layout(atoms, compact)
            wrap = _needs_parens(atoms, "num")
            if name in _OPERATOR_ARG:
                return _Atom(text, "op", wrap=wrap, bwrap=False)
            if name in _ROMAN_ARG:
                return _Atom(text, _word_class(text), wrap=wrap)
            if len(atoms) == 1 and atoms[0].cls not in ("inner",):
                a = atoms[0]
                return _Atom(a.text, a.cls, wrap=a.wrap, bwrap=a.bwrap, loose=a.loose)
            return _Atom(text, "ord", wrap=wrap)
        if name in _TEXT_ARG:
            text = self.text_arg()
            return _text_atom(text)
        if name in ("mathbin", "mathrel", "mathopen", "mathclose", "mathpunct"):
            text = _layout(self.parse_arg(compact), compact)
            return _Atom(text, {"mathbin": "bin", "mathrel": "rel", "mathopen": "open",
                                "mathclose": "close", "mathpunct": "punct"}[name])
        if name in ("left", "right", "middle") or name in _BIG_DELIMS:
            delim = self.read_delim()
            if name == "left" or name.endswith("l"):
                cls = "open"
            elif name == "right" or name.endswith("r"):
                cls = "close"
            elif name == "middle" or name.endswith("m"):
                cls = "rel"
            else:
                cls = _CHAR_CLASS.get(delim, "ord")
                if delim in _OPEN.values():
                    cls = "open"
                elif delim in _CLOSE.values():
                    cls = "close"
            return _Atom(delim, cls)
        if name in _ROW_BREAKS:
            self.skip_row_options()
            return _Atom(" ", "space")
        if name == "begin":
            return self.env_atom(self.read_raw_group().strip())
        if name in _IGNORED:
            return None
        if name in _DROP_ARG:
            self.read_raw_group()
            return None
        if name in ("phantom", "hphantom", "vphantom"):
            self.parse_arg(compact)
            return None
        if name in ("hspace", "hskip", "kern", "mkern", "mskip"):
            self.take_star()
            self.read_raw_group()
            return _Atom(" ", "space")
        if name in ("textcolor", "colorbox"):
            self.read_raw_group()
            return _group_atom(self.parse_arg(compact), compact)
        if name == "tag":
            self.take_star()
            return _Atom("  (" + self.text_arg().strip() + ")", "ord")
        if name in ("binom", "tbinom", "dbinom"):
            n = _layout(self.parse_arg(True), True)
            k = _layout(self.parse_arg(True), True)
            return _Atom(f"({n} choose {k})")
        if name in ("underbrace", "overbrace", "underbracket", "overbracket"):
            return self.brace_atom(compact)
        if name in ("overset", "stackrel", "underset"):
            over = self.parse_arg(True)
            base = self.parse_arg(compact)
            b = _group_atom(base, compact)
            s, loose = _script(over, name != "underset")
            cls = base[0].cls if len(base) == 1 else "ord"
            return _Atom(b.text + s, cls, loose=loose)
        if name in ("xrightarrow", "xleftarrow", "xRightarrow", "xLeftarrow",
                    "xmapsto", "xleftrightarrow"):
            below = self.parse_optional(True)
            above = self.parse_arg(True)
            arrow = {"xrightarrow": "→", "xleftarrow": "←", "xRightarrow": "⇒",
                     "xLeftarrow": "⇐", "xmapsto": "↦", "xleftrightarrow": "↔"}[name]
            text = arrow
            if below:
                text += _script(below, False)[0]
            text += _script(above, True)[0]
            return _Atom(text, "rel")
        if name == "not":
            return self.not_atom(compact)
        if name in ("pmod", "pod"):
            inner = _layout(self.parse_arg(compact), compact)
            return _Atom((" (mod " if name == "pmod" else " (") + inner + ")")
        if name in ("norm", "abs", "set", "floor", "ceil", "ket", "bra", "braket",
                    "Set", "lrangle"):
            return self.paired_atom(name, compact)
        if name in ("over", "choose", "atop"):
            return _Atom({"over": "/", "choose": " choose ", "atop": " "}[name])
        if name == "substack":
            return self.substack_atom()
        return self.unknown_atom(name, compact)
