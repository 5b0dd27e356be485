r"""LaTeX math -> MathML Core for the pages a browser shows (the card page, the stats page).

The converter is math-core (a maintained LaTeX -> MathML Core compiler, Rust with Python bindings). On the 1,170
math spans of the bundled notes and the sample corpora (benchmarks/math_bench.py) it converts every one correctly,
where latex2mathml failed on one and wrote 21 wrongly: `aligned`/`gathered`/top-level `\` rows as `<mi>&</mi>`
and `<mspace linebreak>` that browsers ignore (one line with literal `&`), `\arg` as `<mi>\arg</mi>`; with the
checks below it is also ~5x faster (115 µs a span against 540).

A few things MathJax (Anki's renderer) accepts and math-core does not are rewritten first (`split`, `smallmatrix`,
`alignat`, `eqnarray`, `\mbox`, `\substack`, `\label`, a `\tag` outside an equation, rows `\\` at the top
level of display math). Macros (`\newcommand` text, as `render.macros.extract_macros` gives) are defined once per
`MathML` and stay defined for every span it converts, as on a MathJax page; a `\newcommand` of a name math-core
already knows redefines it, as MathJax does. Unknown commands show in red, the rest of the formula still renders.

The output is checked against an allow-list of MathML elements and attributes before it goes into a page; a span
that fails (or does not parse) is shown as its TeX source in `<code>`.
"""

from __future__ import annotations

import functools
import html
import re

from mlwiki.render.spans import FOOTNOTE_MARK, HTML_MATH, TEXT_MATH, shown_link_text, text_math_latex
from mlwiki.render.texsafe import neutralize_tex

__all__ = ["MATH_CSS", "MathML", "math_spans", "prepare"]

# Fonts with an OpenType MATH table: without one, Chromium cannot stretch delimiters or place accents.
# DejaVu Math TeX Gyre ships with DejaVu on Debian; the others are common on macOS/Windows/TeX installs.
MATH_CSS = """
math { font-family: "STIX Two Math", "Latin Modern Math", "Cambria Math", "DejaVu Math TeX Gyre",
  "Libertinus Math", "TeX Gyre Pagella Math", math; }
math[display="block"] { margin: 0.6em 0; }
math:not([display="block"]) { max-width: 100%; overflow-x: auto; overflow-y: hidden; }
.math-block { display: block; overflow-x: auto; overflow-y: hidden;  /* wide formulas scroll, shadows hint */
  background: linear-gradient(to right, var(--panel, Canvas) 30%, transparent) left / 2em 100% no-repeat local,
    linear-gradient(to left, var(--panel, Canvas) 30%, transparent) right / 2em 100% no-repeat local,
    radial-gradient(farthest-side at 0 50%, #8887, transparent) left / 0.7em 100% no-repeat scroll,
    radial-gradient(farthest-side at 100% 50%, #8887, transparent) right / 0.7em 100% no-repeat scroll; }
merror, .math-core-unknown-cmd { color: #d1242f; }
code.tex { white-space: pre-wrap; }
"""

_MATH = HTML_MATH  # \( … \) and \[ … \] in sanitized HTML, not inside code or pre (mlwiki.render.spans)

_ENV_RENAMES = {"split": "aligned", "smallmatrix": "matrix", "eqnarray": "align", "eqnarray*": "align*",
                "alignat": "align", "alignat*": "align*", "xalignat": "align", "xalignat*": "align*"}
_ENV = re.compile(r"\\(begin|end)\{(split|smallmatrix|eqnarray\*?|x?alignat\*?)\}(\{\d+\})?")
_LABEL = re.compile(r"\\label\{[^{}]*\}")
_SMASH = re.compile(r"\\smash(?:\[[tb]\])?")
_BOX = re.compile(r"\\[mh]box(?![A-Za-z])")
_TOKEN = re.compile(r"\\[A-Za-z]+|\\.|[{}&]", re.DOTALL)

_TAGS = frozenset("""math semantics annotation mrow mi mn mo ms mtext mspace mfrac msqrt mroot mstyle merror
    mpadded mphantom msub msup msubsup munder mover munderover mmultiscripts mprescripts none mtable mtr mtd
    menclose maction span code""".split())  # span, code: the text of \textrm, \texttt
_ATTRIBUTES = frozenset("""display displaystyle scriptlevel style class accent accentunder stretchy lspace rspace
    form fence separator largeop movablelimits symmetric minsize maxsize mathvariant width height depth voffset
    linethickness notation columnalign rowalign columnspan rowspan columnlines rowlines columnspacing rowspacing
    frame framespacing encoding dir mathcolor mathbackground mathsize id""".split())
_TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9-]*)((?:\s+[A-Za-z][A-Za-z0-9:-]*(?:=\"[^\"<>]*\")?)*)\s*(/?)>")
_ATTRIBUTE = re.compile(r"([A-Za-z][A-Za-z0-9:-]*)(?:=\"([^\"<>]*)\")?")
_UNSAFE_VALUE = re.compile(r"url\(|expression|javascript:|@import|\\", re.IGNORECASE)


@functools.lru_cache(maxsize=1)  # (read once per process: every card page and every serve request inlines it)
def fit_script() -> str:
    """The script (`fit.js`) that shows each wide display formula as the first of its versions that fits (`rows`)."""
    from importlib.resources import files

    return (files("mlwiki.render") / "fit.js").read_text(encoding="utf-8")


def _safe(mathml: str) -> bool:
    """True when every tag of the converter's output is an allowed MathML element with allowed attributes."""
    pos = 0
    for match in _TAG.finditer(mathml):
        if "<" in mathml[pos:match.start()] or ">" in mathml[pos:match.start()]:
            return False
        pos = match.end()
        if match.group(2) not in _TAGS:
            return False
        for name, value in _ATTRIBUTE.findall(match.group(3)):
            if name not in _ATTRIBUTES or _UNSAFE_VALUE.search(value or ""):
                return False
    rest = mathml[pos:]
    return "<" not in rest and ">" not in rest


def _group_end(latex: str, start: int) -> int:
    """Index just past the brace group opening at `latex[start]` ('{'), or -1."""
    depth = 0
    for match in _TOKEN.finditer(latex, start):
        token = match.group(0)
        if token == "{":
            depth += 1
        elif token == "}":
            depth -= 1
            if depth == 0:
                return match.end()
    return -1


def _substacks(latex: str) -> str:
    r"""`\substack{a \\ b}` -> `\begin{subarray}{c}a \\ b\end{subarray}` (math-core knows only the latter)."""
    out, pos = [], 0
    while (found := latex.find("\\substack", pos)) >= 0:
        brace = found + len("\\substack")
        while brace < len(latex) and latex[brace] in " \t\n":
            brace += 1
        end = _group_end(latex, brace) if latex.startswith("{", brace) else -1
        if end < 0:
            break
        out += [latex[pos:found], "\\begin{subarray}{c}", _substacks(latex[brace + 1:end - 1]), "\\end{subarray}"]
        pos = end
    out.append(latex[pos:])
    return "".join(out)


def _top_level(latex: str) -> tuple[bool, bool]:
    r"""Whether `\\` and `&` occur outside every brace group and environment."""
    depth, rows, columns = 0, False, False
    for match in _TOKEN.finditer(latex):
        token = match.group(0)
        if token in ("{", "\\begin"):
            depth += 1
        elif token in ("}", "\\end"):
            depth -= 1
        elif depth == 0 and token == "\\\\":
            rows = True
        elif depth == 0 and token == "&":
            columns = True
    return rows, columns


def prepare(latex: str, display: bool) -> str:
    """Rewrite what MathJax accepts and math-core does not into what math-core knows (see the module doc)."""
    if "\\begin" in latex or "\\end" in latex:
        latex = _ENV.sub(lambda m: f"\\{m.group(1)}{{{_ENV_RENAMES[m.group(2)]}}}", latex)
    if "\\label" in latex:
        latex = _LABEL.sub("", latex)
    if "\\smash" in latex:
        latex = _SMASH.sub("", latex)
    if "box" in latex:
        latex = _BOX.sub(r"\\text", latex)
    if "\\substack" in latex:
        latex = _substacks(latex)
    if display and "\\\\" in latex:
        rows, columns = _top_level(latex)
        if rows:  # MathJax 3 ignores such rows; the author meant lines
            env = "aligned" if columns else "gathered"
            latex = f"\\begin{{{env}}}{latex}\\end{{{env}}}"
    if display and "\\tag" in latex and "\\begin" not in latex:
        latex = f"\\begin{{equation}}{latex}\\end{{equation}}"
    return latex


_TEXT_MATH = TEXT_MATH  # math in plain note text (mlwiki.render.spans)


def math_spans(page_html: str) -> list[tuple[int, int]]:
    """Where the math of sanitized HTML is (delimiters included), code and pre left out."""
    return [match.span() for match in _MATH.finditer(page_html) if not match.group(1)]


# A colour no note uses by accident: `mark` wraps TeX in it, `convert` turns it into class="cloze".
_MARK_COLOUR = "WildStrawberry"
_MARK_STYLE = 'style="color:#FF3769;"'


class MathML:
    """Converts the math of pages; macros given once stay defined for every span."""

    @staticmethod
    def mark(latex: str) -> str:
        """TeX whose MathML carries class="cloze" (the card page's highlight of a revealed cloze)."""
        return f"\\textcolor{{{_MARK_COLOUR}}}{{{latex}}}"

    def __init__(self, macros: str = "", rows: bool = False) -> None:
        """`rows`: give each wide-able display formula its `aligned` rows too (`render.display_rows`), hidden, for
        a page whose script shows the first version that fits (`mlwiki serve`)."""
        import math_core  # lazily: only the pages need it

        self._error = math_core.LatexError
        self._converter = math_core.LatexToMathML(global_group=True, ignore_unknown_commands=True,
                                                  fancy_error=False)
        self.problems: list[str] = []
        self._rows = rows
        for definition in macros.splitlines():
            if definition.strip():
                self._define(definition.strip())

    def _define(self, definition: str) -> None:
        definition = neutralize_tex(definition)
        try:
            self._converter.convert_with_global_state(definition, displaystyle=False)
        except self._error as exc:
            if "already defined" in str(exc) and definition.startswith("\\newcommand"):
                self._define("\\renewcommand" + definition[len("\\newcommand"):])
            else:
                self.problems.append(f"{definition}: {exc}")

    def convert(self, latex: str, display: bool) -> str | None:
        """MathML for one formula (TeX without delimiters), or None when it cannot be converted safely."""
        try:
            mathml = self._converter.convert_with_global_state(prepare(neutralize_tex(latex), display),
                                                               displaystyle=display)
        except (self._error, ValueError, RuntimeError):
            return None
        if not _safe(mathml):
            return None
        return mathml.replace(_MARK_STYLE, 'class="cloze"') if _MARK_STYLE in mathml else mathml

    def html(self, page_html: str, display: bool | None = None) -> str:
        r"""Sanitized HTML with its `\(…\)`/`\[…\]` math replaced by MathML (`display` forces one style)."""
        def replace(match: re.Match) -> str:
            if match.group(1):
                return match.group(1)  # code stays literal
            block = match.group(3) is not None if display is None else display
            latex = html.unescape(match.group(3) if match.group(3) is not None else match.group(4))
            mathml = self.convert(latex, block)
            if mathml is None:
                return f'<code class="tex">{html.escape(latex)}</code>'
            return self._block(latex, mathml) if block else mathml

        return _MATH.sub(replace, page_html)

    def _block(self, latex: str, mathml: str) -> str:
        """A display formula's span (a span: it may sit in a <p>), with its row versions when asked for."""
        if not self._rows:
            return f'<span class="math-block">{mathml}</span>'
        from mlwiki.render.display_rows import row_variants

        versions = [mathml] + [v for v in (self.convert(rows, True) for rows in row_variants(latex)) if v]
        if len(versions) == 1:
            return f'<span class="math-block">{mathml}</span>'
        shown = [f'<span class="math-version"{" hidden" if n else ""}>{v}</span>' for n, v in enumerate(versions)]
        return f'<span class="math-block">{"".join(shown)}</span>'

    def text_html(self, text: str) -> str:
        """Plain note text (a front in a table) as escaped HTML, its math as inline MathML; no Markdown, and none of
        its markers (`**bold**` as bold's words, `[[target|alias]]` as alias, `[text](url)` as text)."""
        out, pos = [], 0
        for match in _TEXT_MATH.finditer(text):
            out.append(html.escape(_unmarked(text[pos:match.start()])))
            pos = match.end()
            latex = text_math_latex(match)
            if latex is None:
                out.append("$")
                continue
            out.append(self.convert(latex, False) or f'<code class="tex">{html.escape(match.group(0))}</code>')
        out.append(html.escape(_unmarked(text[pos:])))
        return "".join(out)


# Markdown's markers in a line of note text, and what each shows: emphasis and code as their words, a wikilink as
# its alias or target, a link as its text, a footnote mark as nothing
_MARKERS = ((re.compile(r"\*\*(?=\S)(.+?)(?<=\S)\*\*|__(?=\S)(.+?)(?<=\S)__"), lambda m: m.group(1) or m.group(2)),
            (re.compile(r"(?<![\w*])\*(?=\S)([^*]+?)(?<=\S)\*(?![\w*])|(?<!\w)_(?=\S)([^_]+?)(?<=\S)_(?!\w)"),
             lambda m: m.group(1) or m.group(2)),
            (re.compile(r"`([^`]+)`"), lambda m: m.group(1)),
            (re.compile(r"\[\[([^\]|]+)(?:\|([^\]]+))?\]\]"), lambda m: m.group(2) or shown_link_text(m.group(1))),
            (re.compile(r"\[([^\]]+)\]\([^)\s]+\)"), lambda m: m.group(1)),
            (FOOTNOTE_MARK, lambda m: ""))


def _unmarked(text: str) -> str:
    """Note text without its Markdown markers (see `_MARKERS`); text without any of their characters as it is."""
    if not any(c in text for c in "*_`["):
        return text
    for pattern, shown in _MARKERS:
        text = pattern.sub(shown, text)
    return text
