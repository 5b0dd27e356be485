"""A formula written in plain text with Unicode symbols, alone as its paragraph ("n ≈ 2 · (z_{1−α/2} + z_{1−β})² ·
σ² / δ²", "σ(x) = 1/(1 + e^{−x})"), as notes written in an editor without math (Evernote, a web clip) write one:
read as the display formula it stands for, so the formula rules card it with the sentence that introduces it. Left as
text, it was a line of no sentence, on no card. Only a line that is a whole equation (a symbol, a relation, an
expression of symbols, no prose) and whose every symbol has a LaTeX spelling is read so. Each line keeps its place;
fenced code and lines with `$` are left as written."""

from __future__ import annotations

import re

from mlwiki.render.spans import fenced_lines

_GREEK = dict(zip("αβγδεζηθικλμνξπρστυφχψωΓΔΘΛΞΠΣΦΨΩ",
                  r"\alpha \beta \gamma \delta \varepsilon \zeta \eta \theta \iota \kappa \lambda \mu \nu \xi \pi \rho "
                  r"\sigma \tau \upsilon \phi \chi \psi \omega \Gamma \Delta \Theta \Lambda \Xi \Pi \Sigma \Phi \Psi "
                  r"\Omega".split()))
_SYMBOLS = {"·": r"\cdot ", "×": r"\times ", "≈": r"\approx ", "≤": r"\le ", "≥": r"\ge ", "≠": r"\ne ",
            "∝": r"\propto ", "−": "-", "∞": r"\infty ", "→": r"\to ", "±": r"\pm ", "∈": r"\in ", "…": r"\dots ",
            "′": "'", "%": r"\%", "∑": r"\sum "}
_SUPER = dict(zip("⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻ⁿᵀᵗⁱʲᵏ", "0123456789+-nTtijk"))
_SUB = dict(zip("₀₁₂₃₄₅₆₇₈₉ᵢⱼₖₙₘₜ", "0123456789ijknmt"))
_HAT, _BAR = "\u0302", "\u0304"
# a whole equation: a symbol (a letter, its marks and sub- or superscripts, an argument list), a relation, the rest
_EQUATION = re.compile(r"[ \t]*[A-Za-z\u0391-\u03c9][\u0302\u0304\u2080-\u209c\u1d62-\u1d6a\u0391-\u03c9_{}0-9A-Za-z']{0,12}"
                       r"(?:\([^()\n]{1,20}\))?[ \t]*(?:=|≈|∝|≤|≥)[ \t]*\S[^\n]*")
# two words in a row, or a word that joins clauses: a sentence, not a formula ("θ = … with θ = …")
_PROSE = re.compile(r"(?i)[A-Za-z]{3,}[ \t,]+[A-Za-z]{3,}|\b(?:with|where|for|and|or|if|so|when|then|is|are|the|of|"
                    r"per|by|as|in|on|to)\b")
_MATHY = re.compile(r"[\u0370-\u03ff²³¹⁰⁴-⁹ⁿ₀-₉·×≈≤≥≠∝√∑^_]")  # (what only a formula writes)
_MAX_CHARS = 120


def with_plain_formulas(body: str) -> str:
    """The body with each plain-text formula alone as its paragraph written as display math (see the module's doc)."""
    if not _MATHY.search(body):
        return body
    lines = body.split("\n")
    fenced = fenced_lines(lines)
    for k, line in enumerate(lines):
        alone = (k == 0 or not lines[k - 1].strip()) and (k + 1 == len(lines) or not lines[k + 1].strip())
        if fenced[k] or not alone or not _is_formula(line) or (latex := _latex(line.strip().rstrip("."))) is None:
            continue
        lines[k] = f"$${latex}$$"
    return "\n".join(lines)


def _is_formula(line: str) -> bool:
    """Whether a line is a whole equation in plain text (see `_EQUATION`), no prose in it."""
    return (len(line) <= _MAX_CHARS and "$" not in line and "`" not in line and _MATHY.search(line) is not None
            and _EQUATION.fullmatch(line) is not None and not _PROSE.search(line))


def _latex(text: str) -> str | None:
    """The plain-text formula in LaTeX, or None when a character has no spelling here."""
    out: list[str] = []
    k = 0
    while k < len(text):
        char = text[k]
        if char in _SUPER or char in _SUB:
            table, mark = (_SUPER, "^") if char in _SUPER else (_SUB, "_")
            run = ""
            while k < len(text) and text[k] in table:
                run, k = run + table[text[k]], k + 1
            out.append(f"{mark}{{{run}}}")
            continue
        if char in (_HAT, _BAR) and out:
            out[-1] = ("\\hat{" if char == _HAT else "\\bar{") + out[-1].strip() + "}"
        elif char == "√":
            end = _closing(text, k + 1)
            inner = _latex(text[k + 2:end] if end > 0 else text[k + 1:k + 2])
            if inner is None:
                return None
            out.append(f"\\sqrt{{{inner}}}")
            k = end if end > 0 else k + 1
        elif char in _GREEK:
            out.append("{" + _GREEK[char] + "}")
        elif char in _SYMBOLS:
            out.append(_SYMBOLS[char])
        elif char.isascii() and char.isprintable() and char not in "#&~\\$":
            out.append(char)
        else:
            return None
        k += 1
    return re.sub(r"  +", " ", "".join(out))


def _closing(text: str, at: int) -> int:
    """Where the bracket opened at `at` closes (-1 if `at` opens none or it never closes)."""
    if text[at:at + 1] != "(":
        return -1
    depth = 0
    for k in range(at, len(text)):
        depth += {"(": 1, ")": -1}.get(text[k], 0)
        if depth == 0:
            return k
    return -1
