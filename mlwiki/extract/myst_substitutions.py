"""MyST substitutions, read as the Sphinx site shows them: `{{ gpml }}` in a page is the text its project defines
(`myst_substitutions` in ./conf.py, `sources.sphinx_projects`) or its own front matter does (`myst: substitutions:`,
or `substitutions:` as myst-parser before 0.19 and Jupyter Book write it; the page's own win), so that no card
shows the braces ("What is The {{ rbf }}?"). A name nothing defines stays as written, as does a substitution
inside code or math or one whose text is a block of several lines (a figure, a note) used inside a sentence. Pure: a note's
text in, the same number of lines out.
"""

from __future__ import annotations

import re

from mlwiki.render.spans import between_spans, code_spans, map_unfenced, math_spans

_USE = re.compile(r"\{\{[ \t]*([A-Za-z_][\w.-]*)[ \t]*\}\}")


def page_substitutions(meta: dict, project: dict[str, str]) -> dict[str, str]:
    """{name: text} a page's substitutions hold: its project's, then its front matter's over them."""
    myst = meta.get("myst")
    own = myst.get("substitutions") if isinstance(myst, dict) else None
    if not isinstance(own, dict):
        own = meta.get("substitutions")
    found = dict(project)
    for name, text in (own.items() if isinstance(own, dict) else ()):
        if isinstance(name, str) and isinstance(text, (str, int, float)) and not isinstance(text, bool):
            found[name] = str(text)
    return found


def with_substitutions(body: str, values: dict[str, str]) -> str:
    """`body` with every `{{ name }}` that `values` defines as its text (outside code); `body` itself when it uses
    none."""
    if not values or "{{" not in body:
        return body
    return map_unfenced(body, lambda line: _read(line, values))


def _read(line: str, values: dict[str, str]) -> str:
    if "{{" not in line:
        return line
    return between_spans(line, sorted(code_spans(line) + math_spans(line)), lambda text: _USE.sub(lambda m: _text(m, values), text))


def _text(use: re.Match, values: dict[str, str]) -> str:
    text = values.get(use.group(1))
    if text is None:
        return use.group(0)
    text = text.strip()
    return use.group(0) if "\n" in text else text  # (a block's several lines: no line of a sentence holds them)
