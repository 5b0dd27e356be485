"""What a Sphinx (or Jupyter Book) project holds beyond the page, which its pages show:

- the MyST substitutions its `./conf.py` defines (`myst_substitutions = {"gpml": "Rasmussen & Williams (2006)"}`, or
  a Jupyter Book's `_config.yml`, `parse: myst_substitutions:`): `{{ gpml }}` in any page shows that text;
- the titles of its pages, which a `{doc}` role naming one shows (`{doc}`../kernel-methods`` → "Kernel methods");
- the targets its pages label, for a page that refers to them: Sphinx's labels belong to the project, not to the
  page, so `{ref}`sec-ard`` on one page shows the title of the section another page labels `(sec-ard)=`, and
  `{eq}`eq-lml`` the equation another page writes as `$$ … $$ (eq-lml)` or a `{math}` block with `:label:`.

A project's root is the nearest folder at or above the note's that holds `./conf.py`, a Jupyter Book's `_toc.yml`
or a MyST project's `myst.yml`. `./conf.py` is read, never run: only the dict written out at its top level. Each
project is read once per process, and only when a page uses a substitution or refers to a label or a page.
"""

from __future__ import annotations

import ast
import functools
import os
import re

from mlwiki.sources.build_folders import note_files
from mlwiki.sources.site_roots import nearest_site

_CONF = "conf.py"
_BOOK_CONFIG = "_config.yml"
_PROJECT_FILES = (_CONF, "_toc.yml", "myst.yml")
_SUFFIXES = (".md", ".markdown")
_MAX_FILES = 5_000  # (a documentation project this size is read in a second; past it, no project)
_MAX_BYTES = 1 << 20
# A reference by label alone (`{eq}`eq-lml``, `{ref}`sec-ard``, `{numref}`fig-x``): one with its own text,
# `{ref}`the ARD section <sec-ard>``, shows that text and needs no target
_REFERENCE = re.compile(r"\{(?:eq|ref|numref)\}`([\w:.-]+)`")
_TARGET = re.compile(r"^\(([\w:.-]+)\)=[ \t]*$")
_HEADING = re.compile(r"^#{1,6}[ \t]+\S")
_DOLLARS_LABEL = re.compile(r"\$\$[ \t]*\(([\w:.-]+)\)[ \t]*$")
_MATH_FENCE = re.compile(r"^[ \t]*(`{3,}|:{3,})\{math\}")
_MATH_LABEL = re.compile(r"^[ \t]*:label:[ \t]*([\w:.-]+)")
_DOC = re.compile(r"\{doc\}`([^`<>\n]+)`")  # (one with its own text, `{doc}`the intro <gp/intro>``, shows that)
_TITLE = re.compile(r"^#[ \t]+(.+?)[ \t]*#*[ \t]*$", re.M)
_FRONT_TITLE = re.compile(r"^title:[ \t]*[\"']?(.+?)[\"']?[ \t]*$", re.M)


def project_substitutions(path: str | os.PathLike, rel: str, body: str) -> dict[str, str]:
    """{name: text} of the substitutions the note's project defines, when its body uses one (`{{ name }}`); {}
    otherwise (nearly every note: no IO then). `path`: the note's file, `rel`: its path from the wiki's root."""
    if "{{" not in body:
        return {}
    root = nearest_site(_project_root, path, rel)
    return dict(_substitutions(root)) if root else {}


def project_targets(path: str | os.PathLike, rel: str, body: str) -> str:
    """The lines of the project's other pages that define the labels the note refers to and does not define itself
    (`(sec-ard)=` with the heading under it, a labelled `$$ … $$` or `{math}` block), as Markdown for the
    cross-references to read (`extract.crossrefs`); "" when it refers to none."""
    if "}`" not in body:
        return ""
    wanted = set(_REFERENCE.findall(body))
    if not wanted:
        return ""
    root = nearest_site(_project_root, path, rel)
    if not root:
        return ""
    own = _labels(body)
    return "\n\n".join(text for label, text in _targets(root) if label in wanted and label not in own)


def page_titles(path: str | os.PathLike, rel: str, body: str) -> dict[str, str]:
    """{target: title} of the project's pages the note's `{doc}` roles name (`../kernel-methods`, `/gp/intro`: from
    the note's folder, or from the project's root after a `/`), each its front matter's title or first heading;
    {} when it names none."""
    if "{doc}" not in body:
        return {}
    root = nearest_site(_project_root, path, rel)
    if not root:
        return {}
    folder = os.path.dirname(os.path.abspath(path))
    titles: dict[str, str] = {}
    for target in set(_DOC.findall(body)):
        name = target.strip()
        page = os.path.normpath(os.path.join(root, name.lstrip("/")) if name.startswith("/") else
                                os.path.join(folder, name))
        if not page.startswith(root):
            continue
        title = next((t for suffix in ("", ".md", ".ipynb", ".rst") if (t := _page_title(page + suffix))), "")
        if title:
            titles[name] = title
    return titles


@functools.lru_cache(maxsize=256)
def _page_title(page: str) -> str:
    """A page's title as Sphinx shows it in a link: its front matter's `title:`, else its first `#` heading."""
    if not os.path.isfile(page) or page.endswith(".ipynb"):
        return ""  # (a notebook's title sits inside its JSON: no title rather than a wrong one)
    head = _read(page)[:20000]
    if head.startswith("---") and (end := head.find("\n---", 3)) > 0:
        if found := _FRONT_TITLE.search(head[:end]):
            return found.group(1).strip()
        head = head[end + 4:]
    found = _TITLE.search(head)
    return found.group(1).strip() if found else ""


def _project_root(folder: str) -> str:
    """`folder` itself when it roots a Sphinx, Jupyter Book or MyST project; "" otherwise."""
    return folder if any(os.path.isfile(os.path.join(folder, name)) for name in _PROJECT_FILES) else ""


@functools.lru_cache(maxsize=8)
def _substitutions(root: str) -> tuple[tuple[str, str], ...]:
    """The substitutions of the project rooted at `root`: ./conf.py's, else a Jupyter Book config's."""
    found = _conf_substitutions(_read(os.path.join(root, _CONF)))
    if not found:
        found = _book_substitutions(_read(os.path.join(root, _BOOK_CONFIG)))
    return tuple((str(name), str(text)) for name, text in found.items()
                 if isinstance(name, str) and isinstance(text, (str, int, float)))


def _conf_substitutions(text: str) -> dict:
    """`myst_substitutions` as ./conf.py writes it: a literal dict assigned at the top level ({} if it is computed)."""
    if "myst_substitutions" not in text:
        return {}
    try:
        tree = ast.parse(text)
    except (SyntaxError, ValueError):
        return {}
    found: dict = {}
    for node in tree.body:
        if isinstance(node, ast.Assign) and any(isinstance(t, ast.Name) and t.id == "myst_substitutions"
                                                for t in node.targets):
            try:
                value = ast.literal_eval(node.value)
            except (ValueError, SyntaxError, TypeError):
                continue
            found = value if isinstance(value, dict) else found
    return found


def _book_substitutions(text: str) -> dict:
    """A Jupyter Book's `parse: myst_substitutions:`."""
    if "myst_substitutions" not in text:
        return {}
    import yaml  # (only here: a project without a book config never reads YAML for this)

    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError:
        return {}
    parse = data.get("parse") if isinstance(data, dict) else None
    found = parse.get("myst_substitutions") if isinstance(parse, dict) else None
    return found if isinstance(found, dict) else {}


@functools.lru_cache(maxsize=8)
def _targets(root: str) -> tuple[tuple[str, str], ...]:
    """(label, the lines that define it) of every labelled section and equation in the project's pages."""
    found: list[tuple[str, str]] = []
    for folder, name in note_files(root, _SUFFIXES, _MAX_FILES):
        found += _defined(_read(os.path.join(folder, name)))
    return tuple(found)


def _labels(body: str) -> set[str]:
    """The labels a page defines itself."""
    return {label for label, _ in _defined(body)}


def _defined(text: str) -> list[tuple[str, str]]:
    """(label, defining lines) of a page's labelled headings, `$$ … $$ (label)` blocks and labelled `{math}` blocks."""
    lines = text.split("\n")
    found: list[tuple[str, str]] = []
    for k, line in enumerate(lines):
        if (target := _TARGET.match(line)) is not None:
            after = next((ln for ln in lines[k + 1:k + 4] if ln.strip()), "")
            if _HEADING.match(after):  # (a label over a paragraph has no title to show)
                found.append((target.group(1), f"{line}\n{after}"))
        elif (labelled := _DOLLARS_LABEL.search(line)) is not None:
            start = _display_start(lines, k)
            if start is not None:
                found.append((labelled.group(1), "\n".join(lines[start:k + 1])))
        elif (fence := _MATH_FENCE.match(line)) is not None:
            end = next((j for j in range(k + 1, min(len(lines), k + 60))
                        if lines[j].strip().startswith(fence.group(1)) and not lines[j].strip().strip(fence.group(1)[0])),
                       None)
            label = next((m.group(1) for ln in lines[k + 1:end] if (m := _MATH_LABEL.match(ln))), None)
            if end is not None and label:
                found.append((label, "\n".join(lines[k:end + 1])))
    return found


def _display_start(lines: list[str], end: int) -> int | None:
    """The line that opens the `$$` display closing on line `end` (itself when it opens and closes there)."""
    if lines[end].count("$$") >= 2:
        return end
    for k in range(end - 1, max(-1, end - 40), -1):
        if "$$" in lines[k]:
            return k
    return None


def _read(path: str) -> str:
    try:
        with open(path, encoding="utf-8", errors="replace") as file:
            return file.read(_MAX_BYTES)
    except OSError:
        return ""


def project_context(path, rel: str, body: str) -> tuple[dict[str, str], str, dict[str, str]]:
    """What a page of a Sphinx project takes from the project (`load_note` sets them on the note): its
    substitutions, the other pages' labelled targets its references name, the titles of the pages its `{doc}`s name."""
    return project_substitutions(path, rel, body), project_targets(path, rel, body), page_titles(path, rel, body)
