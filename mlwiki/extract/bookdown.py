"""An R Markdown page of a bookdown book read as the Quarto page it corresponds to, line for line, so that what mlwiki
reads in Quarto books (statement boxes, callouts, equation labels, cross-references) reads the same in bookdown's
own syntax:

- theorem environments `::: {.theorem #bias name="Bias"}` (also lemma, corollary, proposition, conjecture,
  definition, example, exercise) are Quarto's `::: {#thm-bias name="Bias"}`; `::: {.proof}` is the same in both;
- bookdown's callout blocks `::: {.rmdnote}` (rmdtip, rmdcaution, rmdimportant, rmdwarning) are Quarto callouts;
- an equation's label `(\\#eq:nw)` inside its `$$ … $$` is Quarto's `{#eq-nw}` after it (the label never shows);
- references `\\@ref(eq:nw)`, `\\@ref(fig:x)`, `\\@ref(tab:x)`, `\\@ref(thm:x)` … are `@eq-nw`, `@fig-x`, `@tbl-x`,
  `@thm-x`, and a section's `\\@ref(kernels)` of `# Kernel smoothing {#kernels}` is `@sec-kernels`;
- inline R, `` `r nrow(cars)` ``, is its code (the number it prints is not in the note);
- an unnumbered heading's `{-}` shows nothing.

Code chunks are code already. Pure: text in, the same number of lines out.
"""

from __future__ import annotations

import re

from mlwiki.render.spans import fenced_lines

# bookdown's theorem environments → Quarto's cross-reference prefixes
_KINDS = {"theorem": "thm", "lemma": "lem", "corollary": "cor", "proposition": "prp", "conjecture": "cnj",
          "definition": "def", "example": "exm", "exercise": "exr"}
_CALLOUTS = {"rmdnote": "note", "rmdtip": "tip", "rmdcaution": "caution", "rmdimportant": "important",
             "rmdwarning": "warning"}
# `::: {.theorem #bias name="Bias"}` (the attributes in any order)
_DIV = re.compile(r"(?P<fence>[ \t]*:{3,}[ \t]*)\{(?P<attrs>[^{}\n]*)\}[ \t]*$")
_CLASS = re.compile(r"(?<![\w-])\.([\w-]+)")
_ID = re.compile(r"(?<![\w-])#([\w:-]+)")
_EQ_LABEL = re.compile(r"[ \t]*\(\\#eq:([\w-]+)\)")
_MATH_CLOSE = re.compile(r"\$\$[ \t]*$")
_REF = re.compile(r"\\@ref\(([\w:-]+)\)")
_REF_KINDS = {"eq": "eq", "fig": "fig", "tab": "tbl", **{v: v for v in _KINDS.values()}}
_ENV_END = re.compile(r"\\end\{(?:equation|align|gather|multline)\*?\}")
_INLINE_R = re.compile(r"`r[ \t]+([^`\n]+)`")
_UNNUMBERED = re.compile(r"([ \t]{0,3}#{1,6}[ \t].*?)[ \t]*\{-\}[ \t]*$")
_SECTION_ID = re.compile(r"([ \t]{0,3}#{1,6}[ \t].*?)[ \t]*\{#([\w-]+)\}[ \t]*$")
_QUARTO_IDS = tuple(f"{prefix}-" for prefix in ("sec", "eq", "fig", "tbl", *_KINDS.values()))
_CUES = ("\\@ref(", "(\\#eq:", "`r ", "{-}", "::: {.", ":::{.")


def as_bookdown_shows(body: str) -> str:
    """`body` with bookdown's syntax as Quarto writes it (see the module's docstring); `body` itself when it holds
    none of it."""
    if not any(cue in body for cue in _CUES):
        return body
    lines = body.split("\n")
    fenced = fenced_lines(lines)
    sections = {m.group(2) for line in lines if (m := _SECTION_ID.match(line))
                and not m.group(2).startswith(_QUARTO_IDS)} if "\\@ref(" in body else set()
    label = ""  # (an equation's label met inside its display, moved after the closing `$$`)
    for k, line in enumerate(lines):
        if fenced[k]:
            continue
        line = _div(line, k)
        if found := _EQ_LABEL.search(line):
            label = found.group(1)
            line = line[:found.start()] + line[found.end():]
            if not line.strip() and k + 1 < len(lines) and lines[k + 1].strip() == "$$":
                line, lines[k + 1] = "$$", ""  # (a label on a line of its own: the display closes there)
            elif not line.strip() and k + 1 < len(lines) and _ENV_END.fullmatch(lines[k + 1].strip()):
                line, lines[k + 1] = lines[k + 1], ""  # (and so does a bare environment's: a blank line left
                # inside it would cut the equation in two, its first half shown raw on a front)
        if label and _MATH_CLOSE.search(line):
            line = f"{line.rstrip()} {{#eq-{label}}}"
            label = ""
        elif label and _ENV_END.search(line):
            label = ""  # (a bare `\\begin{equation}`: Quarto has no label for it; it is left out)
        line = _UNNUMBERED.sub(r"\1", line)
        line = _SECTION_ID.sub(lambda m: f"{m.group(1)} {{#sec-{m.group(2)}}}" if m.group(2) in sections
                               else m.group(0), line)
        line = _REF.sub(lambda m: _reference(m.group(1), sections), line)
        lines[k] = _INLINE_R.sub(r"`\1`", line)
    return "\n".join(lines)


def _div(line: str, k: int) -> str:
    """A div's opening line as Quarto writes it: a theorem environment by its id, a bookdown callout as Quarto's."""
    found = _DIV.match(line)
    if not found:
        return line
    attrs = found.group("attrs")
    classes = _CLASS.findall(attrs)
    kind = next((_KINDS[c] for c in classes if c in _KINDS), "")
    callout = next((_CALLOUTS[c] for c in classes if c in _CALLOUTS), "")
    if callout:
        return f"{found.group('fence')}{{.callout-{callout}}}"
    if not kind:
        return line
    ident = _ID.search(attrs)
    name = f"{kind}-{ident.group(1).replace(':', '-')}" if ident else f"{kind}-line{k + 1}"
    rest = _ID.sub("", _CLASS.sub("", attrs)).strip()
    return f"{found.group('fence')}{{#{name}{' ' + rest if rest else ''}}}"


def _reference(label: str, sections: set[str]) -> str:
    """`\\@ref(eq:nw)` → `@eq-nw`; a section's id → `@sec-id`; any other label as its words."""
    prefix, _, rest = label.partition(":")
    if rest and prefix in _REF_KINDS:
        return f"@{_REF_KINDS[prefix]}-{rest}"
    if label in sections:
        return f"@sec-{label}"
    return label.replace("-", " ")
