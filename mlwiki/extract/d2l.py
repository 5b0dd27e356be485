"""A page written for d2l-book (the source format of *Dive into Deep Learning*) read as the Quarto page it stands for,
line for line, so that what mlwiki reads in Quarto (labels, cross-references, citations) reads the same here:

- a label on the line after what it labels, `:label:`sec_x`` under a heading, `:eqlabel:`eq_x`` under a display
  formula, `:label:`fig_x`` under a picture, is Quarto's `{#sec-x}`, `{#eq-x}`, `{#fig-x}` on that line (labels
  never show on a card); `:width:`300px`` under a picture shows nothing;
- `:numref:`sec_x``, `:eqref:`eq_x`` and `:ref:`sec_x`` are Quarto's `@sec-x`, `@eq-x`; `:cite:`He.Zhang.2016``
  is a citation, `[@He.Zhang.2016]`, which a card leaves out;
- a framework's prose, `:begin_tab:`pytorch`` … `:end_tab:``, shows as the book shows it for one framework: the
  page's PyTorch tabs (else its first framework's) are read, the others show nothing;
- a "[Discussions](…)" line is the book's forum link, and shows nothing.

Code is never touched (a code cell's `%%tab pytorch` is code). Pure: a note's text in, the same number of lines out.
"""

from __future__ import annotations

import re

from mlwiki.render.spans import fenced_lines

_CUES = (":label:`", ":eqlabel:`", ":numref:`", ":eqref:`", ":begin_tab:`", ":cite:`")
_LABEL_LINE = re.compile(r"[ \t]*:(label|eqlabel):`([\w.:-]+)`[ \t]*")
_WIDTH_LINE = re.compile(r"[ \t]*:(?:width|height):`[^`\n]*`[ \t]*")
_BEGIN_TAB = re.compile(r"[ \t]*:begin_tab:`([\w, -]+)`[ \t]*")
_END_TAB = re.compile(r"[ \t]*:end_tab:`?[ \t]*`?[ \t]*")
_ROLE = re.compile(r":(numref|eqref|ref|cite|citet|citep):`([^`\n]+)`")
_DISCUSSIONS = re.compile(r"[ \t]*\[Discussions?\]\([^)\n]*\)[ \t]*")
_PREFIXES = {"sec": "sec", "chap": "sec", "subsec": "sec", "eq": "eq", "fig": "fig", "tab": "tbl"}


def as_d2l_shows(body: str) -> str:
    """`body` with d2l-book's roles, labels and framework tabs read as said above; `body` itself when it holds none."""
    if not any(cue in body for cue in _CUES):
        return body
    lines = body.split("\n")
    fenced = fenced_lines(lines)
    framework = _shown_framework(lines)
    hidden = False  # (inside another framework's tab)
    for k, line in enumerate(lines):
        if fenced[k]:
            lines[k] = "" if hidden else line
            continue
        if found := _BEGIN_TAB.fullmatch(line):
            hidden = framework not in _frameworks(found.group(1))
            lines[k] = ""
        elif _END_TAB.fullmatch(line) and ":end_tab:" in line:
            hidden, lines[k] = False, ""
        elif hidden or _WIDTH_LINE.fullmatch(line) or _DISCUSSIONS.fullmatch(line):
            lines[k] = ""
        elif found := _LABEL_LINE.fullmatch(line):
            lines[k] = ""
            _attach_label(lines, k, found.group(2))
        elif ":`" in line:
            lines[k] = _ROLE.sub(_reference, line)
    return "\n".join(lines)


def _shown_framework(lines: list[str]) -> str:
    """The framework whose tabs the page is read in: PyTorch when it has a PyTorch tab, else its first."""
    named = [name for line in lines if (found := _BEGIN_TAB.fullmatch(line)) for name in _frameworks(found.group(1))]
    return "pytorch" if "pytorch" in named or not named else named[0]


def _frameworks(text: str) -> list[str]:
    """`pytorch, mxnet` → ["pytorch", "mxnet"]; `all` names every framework."""
    names = [name.strip().lower() for name in text.split(",") if name.strip()]
    return ["pytorch", "mxnet", "tensorflow", "jax"] if "all" in names else names


def _attach_label(lines: list[str], k: int, label: str) -> None:
    """Put Quarto's `{#kind-name}` on the line the label (at line `k`) belongs to: the nearest line above it that
    is not blank — a heading, a display formula's closing `$$`, a picture."""
    j = k - 1
    while j >= 0 and not lines[j].strip():
        j -= 1
    if j < 0:
        return
    prefix, name = _quarto(label)
    above = lines[j].rstrip()
    if above.startswith("#") or above.endswith("$$") or above.startswith("!["):
        lines[j] = f"{above} {{#{prefix}-{name}}}"


def _quarto(label: str) -> tuple[str, str]:
    """`sec_padding` → ("sec", "padding"); `eq_conv_out` → ("eq", "conv_out"); a label without a known prefix is a
    section's."""
    head, _, rest = label.partition("_")
    if rest and head in _PREFIXES:
        return _PREFIXES[head], rest.replace(".", "-")
    return "sec", label.replace(".", "-")


def _reference(found: re.Match) -> str:
    """A role as Quarto writes it: a reference `@eq-x`, a citation `[@key]`."""
    role, target = found.group(1), found.group(2).strip()
    if role.startswith("cite"):
        return "[" + "; ".join(f"@{key.strip()}" for key in target.split(",")) + "]"
    prefix, name = _quarto(target)
    return f"@{prefix}-{name}"
