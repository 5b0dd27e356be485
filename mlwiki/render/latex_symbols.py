"""Symbol tables of `latex_text`: macro names to Unicode and their spacing classes, font alphabets,
and the lazy pylatexenc fallback for macros the tables do not know."""

from __future__ import annotations

from functools import lru_cache


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
    xcancel mathord mathinner bold symbf symit symsf symtt symup""".split()
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
