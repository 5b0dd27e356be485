"""Render LaTeX math as readable Unicode text for a terminal.

`latex_to_unicode` turns one math expression (the body of a ``$…$``) into plain Unicode:
Greek letters, operators and relations become their symbols, sub- and superscripts use the
Unicode script characters when every character has one (``x²``, ``xᵢ``, ``e⁻ˣ``) and a
readable ``x^(n+1)`` / ``x_(ij)`` otherwise, fractions become ``a/b`` with the parentheses
the reader needs, and ``aligned``/``cases``/matrix environments become aligned lines.

`math_to_unicode` applies it to every math span of a Markdown text, leaving code alone.

Both are pure and never raise. The parser is a small hand-written one (LaTeX math is a token
stream with a handful of argument-taking macros); pylatexenc is consulted, lazily, only for
macros this module does not know, so that e.g. ``\\aleph`` or ``\\textsc{x}`` still come out
right. Importing this module does not import pylatexenc.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

__all__ = ["latex_to_unicode", "math_to_unicode"]


# --------------------------------------------------------------------------------------
# Symbol tables
# --------------------------------------------------------------------------------------

_GREEK = {
    "alpha": "α", "beta": "β", "gamma": "γ", "delta": "δ", "epsilon": "ε", "varepsilon": "ε",
    "zeta": "ζ", "eta": "η", "theta": "θ", "vartheta": "ϑ", "iota": "ι", "kappa": "κ",
    "varkappa": "ϰ", "lambda": "λ", "mu": "μ", "nu": "ν", "xi": "ξ", "omicron": "ο", "pi": "π",
    "varpi": "ϖ", "rho": "ρ", "varrho": "ϱ", "sigma": "σ", "varsigma": "ς", "tau": "τ",
    "upsilon": "υ", "phi": "ϕ", "varphi": "φ", "chi": "χ", "psi": "ψ", "omega": "ω",
    "digamma": "ϝ",
    "Alpha": "Α", "Beta": "Β", "Gamma": "Γ", "Delta": "Δ", "Epsilon": "Ε", "Zeta": "Ζ",
    "Eta": "Η", "Theta": "Θ", "Iota": "Ι", "Kappa": "Κ", "Lambda": "Λ", "Mu": "Μ", "Nu": "Ν",
    "Xi": "Ξ", "Omicron": "Ο", "Pi": "Π", "Rho": "Ρ", "Sigma": "Σ", "Tau": "Τ",
    "Upsilon": "Υ", "Phi": "Φ", "Chi": "Χ", "Psi": "Ψ", "Omega": "Ω",
    "varGamma": "Γ", "varDelta": "Δ", "varTheta": "Θ", "varLambda": "Λ", "varXi": "Ξ",
    "varPi": "Π", "varSigma": "Σ", "varUpsilon": "Υ", "varPhi": "Φ", "varPsi": "Ψ",
    "varOmega": "Ω",
}

_ORD = {
    "infty": "∞", "partial": "∂", "nabla": "∇", "forall": "∀", "exists": "∃", "nexists": "∄",
    "emptyset": "∅", "varnothing": "∅", "ell": "ℓ", "hbar": "ħ", "hslash": "ℏ", "Re": "ℜ",
    "Im": "ℑ", "aleph": "ℵ", "beth": "ℶ", "wp": "℘", "prime": "′", "neg": "¬", "lnot": "¬",
    "top": "⊤", "bot": "⊥", "angle": "∠", "triangle": "△", "checkmark": "✓", "dagger": "†",
    "ddagger": "‡", "S": "§", "imath": "ı", "jmath": "ȷ", "square": "□", "Box": "□",
    "blacksquare": "■", "clubsuit": "♣", "diamondsuit": "♢", "heartsuit": "♡",
    "spadesuit": "♠", "sharp": "♯", "flat": "♭", "natural": "♮", "degree": "°",
    "cdots": "⋯", "ldots": "…", "dots": "…", "dotsc": "…", "dotsb": "⋯", "dotsm": "⋯",
    "dotsi": "⋯", "dotso": "…", "vdots": "⋮", "ddots": "⋱", "iddots": "⋰",
    "|": "‖", "Vert": "‖", "vert": "|", "backslash": "\\", "intercal": "⊺",
    "$": "$", "%": "%", "#": "#", "&": "&", "_": "_", "^": "^", "~": "~", "@": "@",
    "'": "′", '"': '"', "`": "`", "mho": "℧", "eth": "ð", "complement": "∁",
    "surd": "√", "diagup": "╱", "diagdown": "╲", "lozenge": "◊", "bigstar": "★",
    "R": "ℝ", "N": "ℕ", "Z": "ℤ", "Q": "ℚ", "C": "ℂ", "E": "𝔼", "reals": "ℝ",
    "naturals": "ℕ", "integers": "ℤ", "rationals": "ℚ", "complexes": "ℂ",
}

_BIN = {
    "pm": "±", "mp": "∓", "times": "×", "div": "÷", "cdot": "·", "ast": "*", "star": "⋆",
    "circ": "∘", "bullet": "∙", "oplus": "⊕", "ominus": "⊖", "otimes": "⊗", "oslash": "⊘",
    "odot": "⊙", "cup": "∪", "cap": "∩", "sqcup": "⊔", "sqcap": "⊓", "vee": "∨",
    "wedge": "∧", "lor": "∨", "land": "∧", "setminus": "∖", "smallsetminus": "∖", "wr": "≀",
    "uplus": "⊎", "amalg": "⨿", "bigcirc": "◯", "diamond": "⋄", "triangleleft": "◁",
    "triangleright": "▷", "circledast": "⊛", "boxplus": "⊞", "boxminus": "⊟",
    "boxtimes": "⊠", "ltimes": "⋉", "rtimes": "⋊", "dotplus": "∔", "divideontimes": "⋇",
    "bmod": "mod", "mod": "mod",
}

_REL = {
    "le": "≤", "leq": "≤", "ge": "≥", "geq": "≥", "leqslant": "⩽", "geqslant": "⩾",
    "leqq": "≦", "geqq": "≧", "ne": "≠", "neq": "≠", "approx": "≈", "approxeq": "≊",
    "sim": "∼", "simeq": "≃", "cong": "≅", "equiv": "≡", "propto": "∝", "varpropto": "∝",
    "in": "∈", "notin": "∉", "ni": "∋", "owns": "∋", "subset": "⊂", "supset": "⊃",
    "subseteq": "⊆", "supseteq": "⊇", "subsetneq": "⊊", "supsetneq": "⊋", "nsubseteq": "⊈",
    "to": "→", "rightarrow": "→", "leftarrow": "←", "gets": "←", "Rightarrow": "⇒",
    "Leftarrow": "⇐", "leftrightarrow": "↔", "Leftrightarrow": "⇔", "implies": "⟹",
    "impliedby": "⟸", "iff": "⟺", "mapsto": "↦", "longmapsto": "⟼",
    "longrightarrow": "⟶", "longleftarrow": "⟵", "longleftrightarrow": "⟷",
    "Longrightarrow": "⟹", "Longleftarrow": "⟸", "Longleftrightarrow": "⟺",
    "hookrightarrow": "↪", "hookleftarrow": "↩", "uparrow": "↑", "downarrow": "↓",
    "Uparrow": "⇑", "Downarrow": "⇓", "updownarrow": "↕", "nearrow": "↗", "searrow": "↘",
    "nwarrow": "↖", "swarrow": "↙", "rightharpoonup": "⇀", "rightleftharpoons": "⇌",
    "leftrightharpoons": "⇋", "rightsquigarrow": "⇝", "leadsto": "⇝",
    "twoheadrightarrow": "↠", "ll": "≪", "gg": "≫", "lll": "⋘", "ggg": "⋙",
    "lesssim": "≲", "gtrsim": "≳", "prec": "≺", "succ": "≻", "preceq": "⪯", "succeq": "⪰",
    "perp": "⊥", "parallel": "∥", "nparallel": "∦", "mid": "|", "nmid": "∤", "models": "⊨",
    "vdash": "⊢", "dashv": "⊣", "vDash": "⊨", "doteq": "≐", "triangleq": "≜",
    "coloneqq": "≔", "coloneq": "≔", "eqqcolon": "≕", "eqcolon": "≕", "asymp": "≍",
    "bowtie": "⋈", "sqsubseteq": "⊑", "sqsupseteq": "⊒", "sqsubset": "⊏", "sqsupset": "⊐",
    "nsim": "≁", "ncong": "≇", "nleq": "≰", "ngeq": "≱", "nless": "≮", "ngtr": "≯",
    "lneq": "⪇", "gneq": "⪈", "lessgtr": "≶", "gtrless": "≷", "smile": "⌣", "frown": "⌢",
    "Join": "⨝", "approxident": "≋", "eqsim": "≂", "backsim": "∽",
    "therefore": "∴", "because": "∵", "vartriangleleft": "⊲", "vartriangleright": "⊳",
    "unlhd": "⊴", "unrhd": "⊵", "lhd": "⊲", "rhd": "⊳",
}

_PUNCT = {"colon": ":", "ldotp": ".", "cdotp": "·"}

_OPEN = {
    "{": "{", "lbrace": "{", "langle": "⟨", "lfloor": "⌊", "lceil": "⌈", "lvert": "|",
    "lVert": "‖", "lbrack": "[", "lparen": "(", "ulcorner": "⌜", "llcorner": "⌞",
    "lgroup": "⟮", "lmoustache": "⎰",
}
_CLOSE = {
    "}": "}", "rbrace": "}", "rangle": "⟩", "rfloor": "⌋", "rceil": "⌉", "rvert": "|",
    "rVert": "‖", "rbrack": "]", "rparen": ")", "urcorner": "⌝", "lrcorner": "⌟",
    "rgroup": "⟯", "rmoustache": "⎱",
}

_BIG_OPS = {
    "sum": "Σ", "prod": "∏", "coprod": "∐", "int": "∫", "iint": "∬", "iiint": "∭",
    "iiiint": "⨌", "oint": "∮", "oiint": "∯", "bigcup": "⋃", "bigcap": "⋂",
    "bigoplus": "⨁", "bigotimes": "⨂", "bigodot": "⨀", "bigvee": "⋁", "bigwedge": "⋀",
    "bigsqcup": "⨆", "biguplus": "⨄", "intop": "∫", "smallint": "∫",
}

_BIG_OP_CHARS = frozenset(_BIG_OPS.values())

_FUNCTIONS = {
    name: name
    for name in (
        "log ln lg exp sin cos tan cot sec csc sinh cosh tanh coth arcsin arccos arctan "
        "arccot max min sup inf lim arg det dim ker hom deg gcd lcm Pr "
        "argmax argmin softmax sigmoid logit tr Tr diag sign sgn rank erf Var Cov KL "
        "Cor Corr Bern Unif Cat relu ReLU".split()
    )
}
_FUNCTIONS.update({"liminf": "lim inf", "limsup": "lim sup", "injlim": "inj lim",
                   "projlim": "proj lim", "varliminf": "lim inf", "varlimsup": "lim sup"})

# One table: macro name -> (text, spacing class).
_SYMBOLS: dict[str, tuple[str, str]] = {}
for _table, _cls in ((_GREEK, "ord"), (_ORD, "ord"), (_BIN, "bin"), (_REL, "rel"),
                     (_PUNCT, "punct"), (_OPEN, "open"), (_CLOSE, "close"),
                     (_BIG_OPS, "op"), (_FUNCTIONS, "op")):
    for _name, _text in _table.items():
        _SYMBOLS[_name] = (_text, _cls)
del _table, _cls, _name, _text

# Classes of characters typed directly (ASCII or Unicode) in math.
_CHAR_CLASS = {
    "+": "bin", "-": "bin", "*": "bin", "=": "rel", "<": "rel", ">": "rel", ":": "rel",
    ",": "punct", ";": "punct", "(": "open", "[": "open", ")": "close", "]": "close",
    "!": "close", "?": "close",
}
for _text, _cls in list(_SYMBOLS.values()):
    if len(_text) == 1 and _cls in ("bin", "rel") and _text not in _CHAR_CLASS:
        _CHAR_CLASS[_text] = _cls
_CHAR_CLASS["−"] = "bin"
_CHAR_CLASS.pop("|", None)  # | is an ordinary symbol unless \mid
del _text, _cls

_NEGATED = {
    "=": "≠", "<": "≮", ">": "≯", "in": "∉", "ni": "∌", "subset": "⊄", "supset": "⊅",
    "subseteq": "⊈", "supseteq": "⊉", "equiv": "≢", "sim": "≁", "simeq": "≄", "approx": "≉",
    "cong": "≇", "le": "≰", "leq": "≰", "ge": "≱", "geq": "≱", "mid": "∤", "parallel": "∦",
    "exists": "∄", "prec": "⊀", "succ": "⊁", "vdash": "⊬", "models": "⊭",
}

_ACCENTS = {
    "hat": "\u0302", "widehat": "\u0302", "check": "\u030c", "widecheck": "\u030c",
    "tilde": "\u0303", "widetilde": "\u0303", "bar": "\u0304", "overline": "\u0305",
    "vec": "\u20d7", "overrightarrow": "\u20d7", "overleftarrow": "\u20d6",
    "dot": "\u0307", "ddot": "\u0308", "dddot": "\u20db", "acute": "\u0301",
    "grave": "\u0300", "breve": "\u0306", "mathring": "\u030a", "underline": "\u0332",
    "utilde": "\u0330", "underbar": "\u0332",
}

_SUP = dict(zip("0123456789+-−=()", "⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻⁻⁼⁽⁾"))
_SUP.update(zip("abcdefghijklmnoprstuvwxyz", "ᵃᵇᶜᵈᵉᶠᵍʰⁱʲᵏˡᵐⁿᵒᵖʳˢᵗᵘᵛʷˣʸᶻ"))
_SUP.update(zip("ABDEGHIJKLMNOPRTUVW", "ᴬᴮᴰᴱᴳᴴᴵᴶᴷᴸᴹᴺᴼᴾᴿᵀᵁⱽᵂ"))
_SUP.update(zip("αβγδεθιφϕχ", "ᵅᵝᵞᵟᵋᶿᶥᵠᵠᵡ"))
# Symbols that already read as superscripts, or have a raised form.
_SUP.update({"⊤": "ᵀ", "⊺": "ᵀ", "′": "′", "″": "″", "‴": "‴", "*": "*", "∗": "*",
             "⋆": "⋆", "†": "†", "‡": "‡", "∘": "°", "°": "°"})

_SUB = dict(zip("0123456789+-−=()", "₀₁₂₃₄₅₆₇₈₉₊₋₋₌₍₎"))
_SUB.update(zip("aehijklmnoprstuvx", "ₐₑₕᵢⱼₖₗₘₙₒₚᵣₛₜᵤᵥₓ"))
_SUB.update(zip("βγρφϕχ", "ᵦᵧᵨᵩᵩᵪ"))

_SCRIPT_CHARS = frozenset(
    ch for ch in (*_SUP.values(), *_SUB.values()) if ch not in "′″‴*⋆†‡°"
)

_VULGAR = {
    ("1", "2"): "½", ("1", "3"): "⅓", ("2", "3"): "⅔", ("1", "4"): "¼", ("3", "4"): "¾",
    ("1", "5"): "⅕", ("2", "5"): "⅖", ("3", "5"): "⅗", ("4", "5"): "⅘", ("1", "6"): "⅙",
    ("5", "6"): "⅚", ("1", "8"): "⅛", ("3", "8"): "⅜", ("5", "8"): "⅝", ("7", "8"): "⅞",
}

# Atoms that read as a prefix of the next one (∂x, ∇f, dx) and so do not start a new
# factor when deciding whether a denominator needs parentheses.
_PREFIXES = frozenset("∂∇dδΔ")

_SPACES = {
    ",": " ", ":": " ", ">": " ", ";": " ", " ": " ", "\n": " ", "\t": " ",
    "thinspace": " ", "medspace": " ", "thickspace": " ", "enspace": " ", "space": " ",
    "nobreakspace": " ", "quad": "  ", "qquad": "    ", "hfill": " ", "hfil": " ",
}

# Macros that print nothing and take no argument.
_IGNORED = frozenset(
    """displaystyle textstyle scriptstyle scriptscriptstyle limits nolimits displaylimits
    nonumber notag hline toprule midrule bottomrule mathstrut strut relax allowbreak nobreak
    protect normalsize small large Large LARGE huge Huge tiny scriptsize footnotesize bf it
    rm sf tt cal boldmath unboldmath noindent centering medskip bigskip smallskip
    ! / - negthinspace negmedspace negthickspace""".split()
)
# Macros that print nothing and swallow one brace argument.
_DROP_ARG = frozenset(
    "label vspace color cline pagecolor hypertarget index".split()
)
# Macros whose argument is printed in the current math mode (the macro itself is dropped).
_PASS_ARG = frozenset(
    """mathbf boldsymbol bm pmb mathit mathsf mathtt mathnormal mathbfit mathsfit
    ensuremath boxed fbox smash mathclap mathllap mathrlap llap rlap clap cancel bcancel
    xcancel underbrace overbrace mathord mathinner bold symbf symit symsf symtt symup""".split()
)
# Macros whose argument is word-like upright text in math (\mathrm{softmax}).
_ROMAN_ARG = frozenset("mathrm mathup symrm".split())
_OPERATOR_ARG = frozenset("operatorname operatornamewithlimits mathop".split())
# Macros whose argument is text (spaces kept).
_TEXT_ARG = frozenset(
    """text textrm textnormal textbf textit texttt textsf textup textmd textsl emph mbox
    hbox textsc intertext shortintertext""".split()
)
_FONTS = frozenset("mathbb mathbbm mathds Bbb mathcal mathscr mathfrak frak".split())

_BIG_DELIMS = frozenset(
    """big Big bigg Bigg bigl bigr bigm Bigl Bigr Bigm biggl biggr biggm Biggl Biggr
    Biggm""".split()
)
_ROW_BREAKS = frozenset({"\\", "cr", "tabularnewline", "newline"})

_TALL = {
    "(": "⎛⎜⎝", ")": "⎞⎟⎠", "[": "⎡⎢⎣", "]": "⎤⎥⎦", "{": "⎧⎪⎩⎨", "}": "⎫⎪⎭⎬",
    "|": "│││", "‖": "‖‖‖",
}
_ENV_DELIMS = {
    "pmatrix": ("(", ")"), "bmatrix": ("[", "]"), "Bmatrix": ("{", "}"),
    "vmatrix": ("|", "|"), "Vmatrix": ("‖", "‖"), "matrix": ("", ""),
    "smallmatrix": ("", ""), "psmallmatrix": ("(", ")"), "bsmallmatrix": ("[", "]"),
    "cases": ("{", ""), "dcases": ("{", ""), "rcases": ("", "}"), "numcases": ("{", ""),
}
_LEFT_ALIGNED_ENVS = frozenset(
    "array tabular subarray cases dcases rcases numcases gather gathered multline "
    "equation".split()
)


def _alphabet(special: dict[str, str], upper: int, lower: int, digits: int | None = None):
    """A map from ASCII letters (and digits) to a Unicode math alphabet: the letters Unicode placed in the
    Letterlike Symbols block come from `special`, the rest from the block starting at `upper`/`lower`/`digits`."""
    def convert(ch: str) -> str:
        if ch in special:
            return special[ch]
        if "A" <= ch <= "Z":
            return chr(upper + ord(ch) - 65)
        if "a" <= ch <= "z":
            return chr(lower + ord(ch) - 97)
        if digits is not None and "0" <= ch <= "9":
            return chr(digits + ord(ch) - 48)
        return ch
    return convert


_double_struck = _alphabet({"C": "ℂ", "H": "ℍ", "N": "ℕ", "P": "ℙ", "Q": "ℚ", "R": "ℝ", "Z": "ℤ"},
                           0x1D538, 0x1D552, 0x1D7D8)
_script_font = _alphabet({"B": "ℬ", "E": "ℰ", "F": "ℱ", "H": "ℋ", "I": "ℐ", "L": "ℒ", "M": "ℳ", "R": "ℛ",
                          "e": "ℯ", "g": "ℊ", "o": "ℴ"}, 0x1D49C, 0x1D4B6)
_fraktur = _alphabet({"C": "ℭ", "H": "ℌ", "I": "ℑ", "R": "ℜ", "Z": "ℨ"}, 0x1D504, 0x1D51E)

_FONT_MAPS = {
    "mathbb": _double_struck, "mathbbm": _double_struck, "mathds": _double_struck,
    "Bbb": _double_struck, "mathcal": _script_font, "mathscr": _script_font,
    "mathfrak": _fraktur, "frak": _fraktur,
}


# --------------------------------------------------------------------------------------
# pylatexenc fallback for unknown macros (imported lazily)
# --------------------------------------------------------------------------------------

_PLE_DBS: tuple | None = None


def _pylatexenc_dbs() -> tuple:
    global _PLE_DBS
    if _PLE_DBS is None:
        try:
            from pylatexenc import latex2text, latexwalker

            _PLE_DBS = (latexwalker.get_default_latex_context_db(),
                        latex2text.get_default_latex_context_db())
        except Exception:  # pragma: no cover - pylatexenc missing or broken
            _PLE_DBS = ()
    return _PLE_DBS


@lru_cache(maxsize=1024)
def _fallback_spec(name: str) -> tuple[str, str] | None:
    """What pylatexenc knows of a macro: ('sym', text), ('args', argspec) or None."""
    dbs = _pylatexenc_dbs()
    if not dbs:
        return None
    walker_db, text_db = dbs
    try:
        wspec = walker_db.get_macro_spec(name)
        argspec = getattr(getattr(wspec, "args_parser", None), "argspec", "") or ""
        if isinstance(argspec, str) and "{" in argspec:
            return ("args", argspec)
        tspec = text_db.get_macro_spec(name)
        repl = getattr(tspec, "simplify_repl", None)
        if isinstance(repl, str) and 0 < len(repl) <= 3 and "%" not in repl and "<" not in repl:
            return ("sym", repl)
    except Exception:
        return None
    return None


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


def _script(atoms: list[_Atom], sup: bool) -> tuple[str, bool]:
    """Render a sub/superscript: (text, loose)."""
    text = _layout(atoms, True).strip()
    if not text:
        return "", False
    table = _SUP if sup else _SUB
    if all(ch in table for ch in text):
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


# --------------------------------------------------------------------------------------
# Tokenizer and parser
# --------------------------------------------------------------------------------------

_TOKEN_RE = re.compile(r"\\([A-Za-z]+)|\\(.)|([0-9]+(?:\.[0-9]+)?)|(\s+)|(.)", re.S)
_DIMENSION_RE = re.compile(r"\s*-?[0-9.]+\s*[a-z]*\s*")


def _tokenize(src: str) -> list[tuple[str, str]]:
    toks = []
    for name, sym, num, ws, ch in _TOKEN_RE.findall(src):
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


class _Parser:
    def __init__(self, src: str) -> None:
        self.toks = _tokenize(src)
        self.n = len(self.toks)
        self.pos = 0

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
        if sub is not None:
            s, loose_sub = _script(sub, False)
            text += s
            loose = loose_sub if s else loose
        if sup is not None:
            s, loose_sup = _script(sup, True)
            text += s
            loose = loose_sup if s else loose
        cls = "ord" if atom.cls in ("inner", "space") else atom.cls
        if cls == "op" and text.endswith(")") and not base.endswith(")"):
            loose = True  # lim_(n→∞) (…), not lim_(n→∞)(…)
        return _Atom(text, cls, loose=loose)

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


# --------------------------------------------------------------------------------------
# Public API
# --------------------------------------------------------------------------------------

_SIMPLE_MACRO_RE = re.compile(r"\\([A-Za-z]+|.)")


def _crude(latex: str) -> str:
    """Last-resort rendering when the parser fails: swap known macros, drop braces."""
    def repl(m: re.Match) -> str:
        name = m.group(1)
        sym = _SYMBOLS.get(name)
        return sym[0] if sym else name

    text = _SIMPLE_MACRO_RE.sub(repl, latex).replace("{", "").replace("}", "")
    return " ".join(text.split())


@lru_cache(maxsize=2048)
def _render(latex: str) -> str:
    parser = _Parser(latex)
    rows = parser.parse_rows(top=True)
    if len(rows) == 1 and len(rows[0]) == 1:
        text = rows[0][0]
    else:
        text = _format_env("aligned", rows)
    lines = [ln.rstrip() for ln in text.split("\n")]
    while lines and not lines[0].strip():
        lines.pop(0)
    while lines and not lines[-1].strip():
        lines.pop()
    # NFC: precomposed letters (ŷ, not y + U+0302) where Unicode has them; they render
    # better in terminals.
    return unicodedata.normalize("NFC", "\n".join(_dedent(lines)))


def latex_to_unicode(latex: str) -> str:
    """Render a LaTeX math expression (no surrounding $) as readable Unicode text."""
    if not isinstance(latex, str):
        latex = str(latex)
    try:
        return _render(latex)
    except Exception:  # RecursionError on absurd nesting, or a bug: degrade, never raise
        try:
            return _crude(latex)
        except Exception:  # pragma: no cover
            return latex


_FENCE_RE = re.compile(r"[ \t]{0,3}(`{3,}|~{3,})")
_MD_SPECIAL_RE = re.compile(r"[`$\\\n]")
_BLANK_LINE_RE = re.compile(r"\n[ \t]*(?:\n|$)")
_LINE_LEAD_RE = re.compile(r"([ \t>]*)((?:[-*+]|[0-9]+[.)])[ \t]+)?")


def _find_inline_close(s: str, start: int) -> int:
    """Index of the $ closing an inline span whose body starts at start, or -1.

    Pandoc's rules: the body neither starts nor ends with whitespace, the closing $ is not
    followed by a digit ("$5 and $10" is not math), and a span never crosses a blank line.
    A $ that cannot close the span ends the search: bodies hold no bare $.
    """
    n = len(s)
    if start >= n or s[start].isspace() or s[start] == "$":
        return -1
    j = start
    while j < n:
        ch = s[j]
        if ch == "\\":
            j += 2
            continue
        if ch == "\n" and _BLANK_LINE_RE.match(s, j):
            return -1
        if ch == "$":
            if not s[j - 1].isspace() and not (j + 1 < n and s[j + 1].isdigit()):
                return j
            return -1
        j += 1
    return -1


def _find_unescaped(s: str, needle: str, start: int) -> int:
    j = start
    n = len(s)
    while j < n:
        k = s.find(needle, j)
        if k == -1:
            return -1
        backslashes = 0
        b = k - 1
        while b >= start and s[b] == "\\":
            backslashes += 1
            b -= 1
        if backslashes % 2 == 0:
            return k
        j = k + 1
    return -1


def _convert_markdown(s: str) -> str:
    out: list[str] = []
    n = len(s)
    i = 0

    def display(body: str, start: int, end: int) -> int:
        """Emit display math s[start:end] on its own line(s); return where to resume."""
        rendered = latex_to_unicode(body)
        line_begin = s.rfind("\n", 0, start) + 1
        prefix = s[line_begin:start]
        # Continuation prefix for the lines after the first: the line's indentation and
        # blockquote markers, with a list marker turned into spaces.
        lead = _LINE_LEAD_RE.match(prefix)
        cont = lead.group(1) + " " * len(lead.group(2) or "")
        if prefix.strip(" \t>"):
            while out and not out[-1].rstrip(" \t"):
                out.pop()
            if out:
                out[-1] = out[-1].rstrip(" \t")
            out.append("\n" + cont)
        out.append(rendered.replace("\n", "\n" + cont))
        line_end = s.find("\n", end)
        if line_end == -1:
            line_end = n
        rest = s[end:line_end]
        if rest.strip():
            out.append("\n" + cont)
            return end + (len(rest) - len(rest.lstrip(" \t")))
        return end

    while i < n:
        m = _MD_SPECIAL_RE.search(s, i)
        at_line_start = i == 0 or s[i - 1] == "\n"
        if at_line_start:
            fence = _FENCE_RE.match(s, i)
            if fence:
                mark = fence.group(1)
                eol = s.find("\n", i)
                if eol == -1:
                    out.append(s[i:])
                    break
                closer = re.compile(
                    r"^[ \t]{0,3}" + re.escape(mark[0]) + "{%d,}[ \t]*$" % len(mark), re.M
                ).search(s, eol + 1)
                end = closer.end() if closer else n
                out.append(s[i:end])
                i = end
                continue
        if m is None:
            out.append(s[i:])
            break
        j = m.start()
        if j > i:
            out.append(s[i:j])
            i = j
            continue  # re-check (the text before was not at a line start, so no fence)
        ch = s[i]
        if ch == "\n":
            out.append("\n")
            i += 1
            continue
        if ch == "`":
            k = i
            while k < n and s[k] == "`":
                k += 1
            run = k - i
            close = -1
            p = k
            while True:
                q = s.find("`" * run, p)
                if q == -1:
                    break
                e = q
                while e < n and s[e] == "`":
                    e += 1
                if e - q == run:
                    close = q
                    break
                p = e
            if close == -1:
                out.append(s[i:k])
                i = k
            else:
                out.append(s[i:close + run])
                i = close + run
            continue
        if ch == "\\":
            nxt = s[i + 1] if i + 1 < n else ""
            if nxt in ("(", "["):
                closer = "\\)" if nxt == "(" else "\\]"
                k = s.find(closer, i + 2)
                if k != -1 and s[i + 2:k].strip():
                    if nxt == "(":
                        out.append(latex_to_unicode(s[i + 2:k]))
                        i = k + 2
                    else:
                        i = display(s[i + 2:k], i, k + 2)
                    continue
            out.append(s[i:i + 2])
            i += 2
            continue
        # ch == "$"
        if s.startswith("$$", i):
            k = _find_unescaped(s, "$$", i + 2)
            if k != -1 and s[i + 2:k].strip():
                i = display(s[i + 2:k], i, k + 2)
                continue
            out.append("$$")
            i += 2
            continue
        k = _find_inline_close(s, i + 1)
        if k != -1:
            out.append(latex_to_unicode(s[i + 1:k]))
            i = k + 1
        else:
            out.append("$")
            i += 1
    return "".join(out)


def math_to_unicode(markdown: str) -> str:
    """Replace every $…$, $$…$$, \\(…\\) and \\[…\\] span in Markdown text with latex_to_unicode of its body,
    leaving code spans/fenced code and escaped \\$ untouched. Display math ($$/\\[) keeps its own line(s)."""
    if not isinstance(markdown, str):
        markdown = str(markdown)
    try:
        return _convert_markdown(markdown)
    except Exception:  # pragma: no cover - a bug; never let rendering break the caller
        return markdown
