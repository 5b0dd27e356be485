"""The argument-taking constructs of the `latex_text` parser: roots, \\not, paired delimiters,
\\substack, unknown macros, text arguments and environments (rows and columns)."""

from __future__ import annotations

from mlwiki.render.latex_symbols import (
    _DROP_ARG,
    _IGNORED,
    _NEGATED,
    _PASS_ARG,
    _ROMAN_ARG,
    _ROW_BREAKS,
    _SPACES,
    _SUP,
    _SYMBOLS,
    _TEXT_ARG,
    _fallback_spec,
)
from mlwiki.render.latex_layout import _Atom, _format_env, _group_atom, _layout, _needs_parens, _text_atom


class _Constructs:
    """Methods of `_Parser` for the constructs that take arguments (a mixin: the parser state is `_Parser`'s)."""

    def sqrt_atom(self) -> _Atom:
        index = self.parse_optional(True)
        arg = self.parse_arg(True)
        body = _layout(arg, True)
        wrapped = "(" + body + ")" if _needs_parens(arg, "den") and body else body
        idx = _layout(index, True).strip() if index else ""
        if idx in ("", "2"):
            return _Atom("√" + wrapped, bwrap=True)
        if idx == "3":
            return _Atom("∛" + wrapped, bwrap=True)
        if idx == "4":
            return _Atom("∜" + wrapped, bwrap=True)
        if all(ch in _SUP for ch in idx):
            return _Atom("".join(_SUP[ch] for ch in idx) + "√" + wrapped, bwrap=True)
        return _Atom(wrapped + "^(1/" + idx + ")", bwrap=True)

    def not_atom(self, compact: bool) -> _Atom | None:
        self.skip_ws()
        if self.pos >= self.n:
            return _Atom("/")
        kind, val = self.toks[self.pos]
        if (kind in ("macro", "char")) and val in _NEGATED:
            self.pos += 1
            return _Atom(_NEGATED[val], "rel")
        atom = self.parse_atom(compact)
        if atom is None or not atom.text:
            return _Atom("/")
        return _Atom(atom.text + "\u0338", atom.cls)

    def paired_atom(self, name: str, compact: bool) -> _Atom:
        self.take_star()
        first = _layout(self.parse_arg(compact), compact)
        if name == "braket":
            if self.peek_is("char", "{"):
                second = _layout(self.parse_arg(compact), compact)
                return _Atom("⟨" + first + "|" + second + "⟩")
            return _Atom("⟨" + first + "⟩")
        left, right = {"norm": ("‖", "‖"), "abs": ("|", "|"), "set": ("{", "}"),
                       "Set": ("{", "}"), "floor": ("⌊", "⌋"), "ceil": ("⌈", "⌉"),
                       "ket": ("|", "⟩"), "bra": ("⟨", "|"),
                       "lrangle": ("⟨", "⟩")}[name]
        return _Atom(left + first + right)

    def brace_atom(self, compact: bool) -> _Atom:
        """`\\underbrace{x}_{label}` (or over-): the term, then its label set apart as a label, `x «label»`; a
        terminal cannot draw the brace, and a subscript would read as part of the formula."""
        term = _group_atom(self.parse_arg(compact), compact)
        labels = []
        while True:
            self.skip_ws()
            if self.pos < self.n and self.toks[self.pos] in (("char", "_"), ("char", "^")):
                self.pos += 1
                labels.append(_layout(self.parse_arg(True), True).strip())
                continue
            break
        label = " ".join(f"«{text}»" for text in labels if text)
        if not label:
            return term
        return _Atom(f"{term.text} {label}", "ord", wrap=True)

    def substack_atom(self) -> _Atom:
        self.skip_ws()
        if not self.peek_is("char", "{"):
            return _Atom("")
        self.pos += 1
        parts = []
        while self.pos < self.n:
            atoms = self.parse_list(True, in_env=True)
            parts.append(_layout(atoms, True).strip())
            if self.pos >= self.n:
                break
            kind, val = self.toks[self.pos]
            if kind == "char" and val == "}":
                self.pos += 1
                break
            if kind == "macro" and val in _ROW_BREAKS:
                self.pos += 1
                continue
            self.pos += 1
        atoms = []
        for i, part in enumerate(p for p in parts if p):
            if i:
                atoms.append(_Atom(",", "punct"))
            atoms.append(_Atom(part))
        return _group_atom(atoms, True)

    def unknown_atom(self, name: str, compact: bool) -> _Atom | None:
        if not name.isalpha():
            return _Atom(name) if name.isprintable() and not name.isspace() else None
        spec = _fallback_spec(name)
        if spec is not None:
            if spec[0] == "sym":
                return _Atom(spec[1])
            parts = []
            for ch in spec[1]:
                if ch == "*":
                    self.take_star()
                elif ch == "[":
                    self.parse_optional(compact)
                elif ch == "{":
                    parts.append(_layout(self.parse_arg(compact), compact).strip())
            text = " ".join(p for p in parts if p)
            return _text_atom(text) if text else None
        # Nobody knows it: print its name, and its immediate {arguments} as a call.
        groups = []
        while self.pos < self.n and self.toks[self.pos] == ("char", "{"):
            groups.append(_layout(self.parse_arg(compact), compact).strip())
        if groups:
            return _Atom(name + "(" + ", ".join(groups) + ")", "word")
        return _Atom(name, "word" if len(name) > 1 else "ord")

    # -- text mode -----------------------------------------------------------------
    def text_arg(self) -> str:
        self.skip_ws()
        if self.pos >= self.n:
            return ""
        kind, val = self.toks[self.pos]
        if kind == "char" and val == "{":
            self.pos += 1
            return self.text_until_close()
        if kind == "char" and val in "}&":
            return ""
        self.pos += 1
        return self.text_token(kind, val)

    def text_until_close(self) -> str:
        parts = []
        while self.pos < self.n:
            kind, val = self.toks[self.pos]
            self.pos += 1
            if kind == "char":
                if val == "}":
                    break
                if val == "{":
                    parts.append(self.text_until_close())
                    continue
                if val == "$":
                    atoms = self.parse_list(False, stop="$")
                    if self.pos < self.n and self.toks[self.pos] == ("char", "$"):
                        self.pos += 1
                    parts.append(_layout(atoms, False))
                    continue
            parts.append(self.text_token(kind, val))
        return "".join(parts)

    def text_token(self, kind: str, val: str) -> str:
        if kind == "ws":
            return " "
        if kind != "macro":
            return " " if val == "~" else val
        if val in _SPACES or val in _ROW_BREAKS:
            return " "
        if val in _TEXT_ARG or val in _PASS_ARG or val in _ROMAN_ARG:
            return self.text_arg()
        if len(val) == 1 and val in "$%&#_{}":
            return val
        if val in _IGNORED:
            return ""
        if val in _DROP_ARG:
            self.read_raw_group()
            return ""
        sym = _SYMBOLS.get(val)
        if sym is not None:
            return sym[0]
        if not val.isalpha():
            return val
        spec = _fallback_spec(val)
        if spec is not None:
            if spec[0] == "sym":
                return spec[1]
            parts = []
            for ch in spec[1]:
                if ch == "*":
                    self.take_star()
                elif ch == "[":
                    self.read_raw_optional()
                elif ch == "{":
                    parts.append(self.text_arg())
            return " ".join(p for p in parts if p)
        return val

    # -- environments --------------------------------------------------------------
    def env_atom(self, name: str) -> _Atom:
        base = name.rstrip("*")
        self.read_raw_optional()
        if base in ("array", "tabular", "subarray", "alignat", "alignedat", "xalignat",
                    "xxalignat"):
            self.read_raw_group()
        rows = self.parse_rows(top=False)
        return _Atom(_format_env(base, rows), "ord")

    def parse_rows(self, top: bool) -> list[list[str]]:
        rows: list[list[str]] = [[]]
        while True:
            atoms = self.parse_list(False, top=top, in_env=True)
            rows[-1].append(_layout(atoms, False))
            if self.pos >= self.n:
                break
            kind, val = self.toks[self.pos]
            if kind == "char" and val == "&":
                self.pos += 1
                continue
            if kind == "macro" and val in _ROW_BREAKS:
                self.pos += 1
                self.skip_row_options()
                rows.append([])
                continue
            if kind == "macro" and val == "end":
                self.pos += 1
                self.read_raw_group()
            break  # \end, or a '}' closing an enclosing group
        return rows
