"""Formulas typed as LaTeX inside code, as writers do in editors that render no math (Amplenote, Standard Notes'
plain editor, a chat export): a fenced block of nothing but equations in TeX (`AICc = AIC + \\frac{2k(k+1)}{T-k-1}`)
is read as the display formula it stands for: the learner is meant to read it as one, and the formula rules card it
like any other (left as code, a block of formulas was on no card). A code span of TeX (`` `\\sigma^2` ``) stays code:
read as math, it changed which rules card the items around it (a labelled item with a formula is asked otherwise).
Only TeX is read so: a line must hold a known TeX command and read as an equation, and nothing that code writes (a
call, an assignment of code, a comment) may be in the block."""

from __future__ import annotations

import re

from mlwiki.render.spans import FENCE, fence_closes

# TeX commands a formula writes and code rarely does (a Windows path's `\Users` or a regex's `\d` is none of them)
_TEX_COMMAND = re.compile(r"\\(?:frac|dfrac|tfrac|sqrt|sum|prod|int|log|ln|exp|hat|bar|tilde|mathbf|mathcal|mathrm|"
                          r"operatorname|cdot|times|approx|propto|sim|leq?|geq?|neq|infty|partial|nabla|top|"
                          r"alpha|beta|gamma|delta|epsilon|varepsilon|eta|theta|kappa|lambda|mu|nu|xi|pi|rho|"
                          r"sigma|tau|phi|varphi|chi|psi|omega|Gamma|Delta|Theta|Lambda|Sigma|Phi|Omega|"
                          r"arccos|arcsin|arctan|cos|sin|tan|max|min|arg|det|mathbb|left|right|quad|text)(?![A-Za-z])")
_RELATION = re.compile(r"=|\\approx|\\propto|\\sim|\\leq?|\\geq?|\\neq|<|>|\\to\b")
# What code writes and a formula does not: a call on a dotted name, `==`, `;` at a line's end, a comment, a keyword
_CODE = re.compile(r"[A-Za-z_]\w*\.[A-Za-z_]\w*\(|==|;[ \t]*$|(?:^|[ \t])(?:#|//)[ \t]|^[ \t]*(?:def|import|from|"
                   r"return|for|if|print|class|let|const|var)\b|\"")
_WORDS = re.compile(r"(?<![\\A-Za-z])[A-Za-z]{4,}(?:[ \t]+[A-Za-z]{4,}){2,}")  # (three words in a row: prose)
_TEX_INFO = frozenset(("", "latex", "tex"))


def with_tex_code_as_math(body: str) -> str:
    """The body with each fenced block of TeX equations as a display formula (its lines as rows of one `gathered`
    block, line for line; see the module's doc)."""
    if "\\" not in body or "`" not in body:
        return body
    lines, out, k = body.split("\n"), [], 0
    while k < len(lines):
        opened = FENCE.match(lines[k])
        if not opened:
            out.append(lines[k])
            k += 1
            continue
        end = k + 1
        while end < len(lines) and not fence_closes(lines[end], opened.group(1)[0], len(opened.group(1))):
            end += 1
        block = lines[k:end + 1]
        inner = lines[k + 1:end]
        if opened.group(2).strip().lower() in _TEX_INFO and end < len(lines) and _all_equations(inner):
            block = ["$$", *_rows(inner), "$$"]  # (line for line: every later line keeps its number)
        out.extend(block)
        k = end + 1
    return "\n".join(out)


def _rows(inner: list[str]) -> list[str]:
    """A block's equations as the rows of one display formula, one per line as written."""
    if len(inner) == 1:
        return [inner[0].strip()]
    rows = [line.strip() + " \\\\" for line in inner[:-1]] + [inner[-1].strip()]
    return ["\\begin{gathered} " + rows[0], *rows[1:-1], rows[-1] + " \\end{gathered}"]


def _all_equations(inner: list[str]) -> bool:
    """Whether every line of a code block is an equation in TeX, one at least writing a TeX command (a blank line
    would end the formula in Markdown: such a block stays code)."""
    return bool(inner) and len(inner) <= 12 and any(_TEX_COMMAND.search(line) for line in inner) \
        and all(line.strip() and _RELATION.search(line) and not _CODE.search(line) and not _WORDS.search(_TEX_COMMAND.sub(" ", line))
                and "$" not in line for line in inner)
