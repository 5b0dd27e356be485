"""MyST's inline roles that point elsewhere, read as the rendered book shows them, so that no card shows the role:

- `{doc}`../gp/05-sparse-gps`` links another page: the book shows that page's title; here it is a Markdown link
  showing that title when the project's page is known (`sources.sphinx_projects`), else the page's name (its file
  name without the number that orders it: "sparse gps"), or the text given with it, `{doc}`the sparse GP page
  <05-sparse-gps>`` → "the sparse GP page";
- `{term}`ELBO``, `{abbr}`GP (Gaussian process)``, `{download}`the data <data.csv>``, `{kbd}`Ctrl`` show their
  text.
`{ref}`, `{eq}` and `{numref}` point at the page's own targets and are read with them (`extract.crossrefs`). A
citation, `{cite:p}`key``, is left off a heading ("The zoo (unifying view, {cite}`q05`)" → "The zoo (unifying
view)"): every card under it showed it in its path; in the text, the card-makers read it where it stands (a
sentence of sources is no card). Code is never touched. Pure: a note's text in, the same number of lines out.
"""

from __future__ import annotations

import re

from mlwiki.render.spans import map_unfenced

_DOC = re.compile(r"\{doc\}`([^`\n]+)`")
_HEADING_CITE = re.compile(r"(?:,[ \t]*|[ \t]*)\{cite(?::[a-z]+)?\}`[^`\n]+`|[ \t]*\([ \t]*\{cite(?::[a-z]+)?\}`[^`\n]+`\)")
# What only points at the page it names ("see {doc}`x`", a role opening its line): the card-makers
# leave such a pointer out with its words (`extract.selfnotes`, `extract.tidy`), which they know as the role
_POINTED = re.compile(r"(?i)(?:\bsee(?:[ \t]+also)?|\bcf\.?)[ \t]*$|^[ \t]*(?:[-*+][ \t]+)?$")
_TEXT_ROLE = re.compile(r"\{(?:term|abbr|download|kbd|guilabel|menuselection)\}`([^`\n]+)`")
_TITLED = re.compile(r"(.+?)[ \t]*<[^<>\n]+>")
_ORDER = re.compile(r"^\d+[-_.]+")


def as_myst_roles_show(body: str, titles: dict[str, str] | None = None) -> str:
    """`body` with MyST's `{doc}` and text roles, and citations in headings, read as said above; `body` itself
    when it has none. `titles`: {target: title} of the pages its `{doc}` roles name, where known."""
    if "}`" not in body or not ("{doc}" in body or "{cite" in body or _TEXT_ROLE.search(body)):
        return body
    return map_unfenced(body, lambda line: _read(line, titles or {}))


def _read(line: str, titles: dict[str, str]) -> str:
    if "}`" not in line:
        return line
    if line.startswith("#") and "{cite" in line:
        line = _HEADING_CITE.sub("", line)
    line = _DOC.sub(lambda m: m.group(0) if _POINTED.search(line, 0, m.start()) else _page_link(m.group(1), titles),
                    line)
    return _TEXT_ROLE.sub(lambda m: _shown_text(m.group(1)), line)


def _page_link(target: str, titles: dict[str, str]) -> str:
    """A `{doc}` role as the Markdown link it is: its own text, else the page's title, else its file name as words,
    linking the page (a card shows the words; a sentence that only points at the page reads as one that links it)."""
    target = target.strip()
    if titled := _TITLED.fullmatch(target):
        return f"[{titled.group(1)}]({target[titled.end(1):].strip(' <>')})"
    if title := titles.get(target):
        return f"[{title}]({target})"
    name = target.rstrip("/").rsplit("/", 1)[-1]
    name = name.rsplit(".", 1)[0] if name.endswith((".md", ".ipynb", ".qmd")) else name
    return f"[{_ORDER.sub('', name).replace('-', ' ').replace('_', ' ').strip() or name}]({target})"


def _shown_text(text: str) -> str:
    """A text role's shown text: `X (long form)` of an abbreviation as X, `text <path>` as text."""
    if titled := _TITLED.fullmatch(text.strip()):
        return titled.group(1)
    return re.sub(r"[ \t]*\([^()\n]*\)$", "", text) if "(" in text else text
