"""LaTeX macros of a wiki: which file holds them (`macros` in mlwiki.toml, else a Quarto project's, a Jupyter
Book's _config.yml, a MyST project's myst.yml or a Sphinx project's ./conf.py), and its
definitions as `\\newcommand` text that MathJax (the Anki export) and math-core (the card and stats pages) both read.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING

from mlwiki.render.texsafe import group_end, neutralize_tex

if TYPE_CHECKING:
    from mlwiki.config import Config

__all__ = ["NOTE_MACROS_FILE", "QUARTO_MACRO_FILES", "book_macros", "definition_name", "defines_only", "extract_macros",
           "macro_definitions", "macros_source", "read_macros", "sphinx_macros"]

JUPYTER_BOOK_CONFIG = "_config.yml"
MYST_CONFIG = "myst.yml"  # (Jupyter Book 2 / mystmd)
SPHINX_CONFIG = "conf.py"
_SPHINX_SOURCES = ("", "docs", "source", "docs/source")  # (where sphinx-quickstart puts ./conf.py)
QUARTO_MACRO_FILES = ("_macros.tex", "_macros.qmd", "_macros.md", "macros.tex", "macros.qmd", "_tex/macros.tex")

_MACRO_START = re.compile(r"\\(newcommand|renewcommand|providecommand|DeclareMathOperator|def)(?![A-Za-z])(\*?)")
_DEFINED_NAME = re.compile(r"\\(?:re)?newcommand\{(\\[^{}]+)\}|\\def(\\[A-Za-z@]+|\\.)")  # (as `_definitions` writes them)
NOTE_MACROS_FILE = "note_macros.tex"  # in .mlwiki/: the macros the notes define (`scan.note_macros_store`)
_CONTROL_WORD = re.compile(r"\\(?:[A-Za-z@]+|.)")


def macros_source(config: "Config") -> tuple[Path | None, str | None]:
    """The macros file to use: `macros` from mlwiki.toml, else a Quarto project's, a Jupyter Book's or a MyST
    project's. (path, warning)."""
    if config.macros_file is not None:
        if config.macros_file.is_file():
            return config.macros_file, None
        return None, f"macros file {config.relative(config.macros_file)} not found; exported without macros"
    if (config.root / "_quarto.yml").is_file() or (config.root / "_quarto.yaml").is_file():
        for name in QUARTO_MACRO_FILES:
            candidate = config.root / name
            if candidate.is_file():
                return candidate, None
    if (config.root / "_toc.yml").is_file() and (config.root / JUPYTER_BOOK_CONFIG).is_file():
        return config.root / JUPYTER_BOOK_CONFIG, None  # (its `sphinx.config.mathjax3_config` macros)
    if (config.root / MYST_CONFIG).is_file():
        return config.root / MYST_CONFIG, None  # (a MyST project's `project: math:` macros)
    for base in dict.fromkeys((config.root, config.notes_dir)):  # (the project is the wiki, or its notes)
        for folder in _SPHINX_SOURCES:
            if (candidate := base / folder / SPHINX_CONFIG).is_file():
                return candidate, None  # (a Sphinx project's `mathjax3_config` macros)
    return None, None


def book_macros(text: str) -> str:
    """The MathJax macros a Jupyter Book's _config.yml defines (`sphinx: config: mathjax3_config: tex: macros:`, or
    MathJax 2's `mathjax_config: TeX: Macros:`) as `\\newcommand` text; '' when it defines none or is no YAML."""
    import yaml  # (only here: a wiki without a book never reads YAML for its macros)

    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError:
        return ""
    return _mathjax_macros(_dig(data, "sphinx", "config"))


def sphinx_macros(text: str) -> str:
    """The MathJax macros a Sphinx project's ./conf.py defines (`mathjax3_config = {"tex": {"macros": {…}}}`, or
    MathJax 2's `mathjax_config`) as `\\newcommand` text; '' when it defines none. ./conf.py is read, never run: only
    the dicts written out at its top level."""
    import ast  # (only here: a wiki without a Sphinx project never parses Python for its macros)

    if "mathjax" not in text:
        return ""
    try:
        tree = ast.parse(text)
    except (SyntaxError, ValueError):
        return ""
    config = {}
    for node in tree.body:
        names = [t.id for t in getattr(node, "targets", ()) if isinstance(t, ast.Name)]
        if isinstance(node, ast.Assign) and names and names[0] in ("mathjax3_config", "mathjax_config"):
            try:
                config[names[0]] = ast.literal_eval(node.value)
            except (ValueError, SyntaxError, TypeError):
                continue
    return _mathjax_macros(config)


def _mathjax_macros(config) -> str:
    """The macros of a Sphinx configuration's MathJax settings (`mathjax3_config: tex: macros:`, MathJax 2's
    `mathjax_config: TeX: Macros:`) as `\\newcommand` text."""
    macros = _dig(config, "mathjax3_config", "tex", "macros") or _dig(config, "mathjax_config", "TeX", "Macros")
    out = []
    for name, body in (macros.items() if isinstance(macros, dict) else ()):
        args = ""
        if isinstance(body, list) and body and isinstance(body[0], str):  # (["\\frac{#1}{2}", 1]: with arguments)
            args = f"[{int(body[1])}]" if len(body) > 1 and str(body[1]).isdigit() else ""
            body = body[0]
        if isinstance(name, str) and re.fullmatch(r"[A-Za-z]+", name) and isinstance(body, str):
            out.append(neutralize_tex(f"\\newcommand{{\\{name}}}{args}{{{body}}}"))
    return "\n".join(out)


def myst_macros(text: str) -> str:
    """The macros a MyST project's myst.yml defines (`project: math: {'\\E': '\\mathbb{E}'}`, a value either the
    body or `{macro: body, title: …}`; `#1`, `#2` its arguments) as `\\newcommand` text; '' when it defines none or
    is no YAML."""
    import yaml  # (only here: a wiki without a MyST project never reads YAML for its macros)

    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError:
        return ""
    macros = _dig(data, "project", "math")
    out = []
    for name, body in (macros.items() if isinstance(macros, dict) else ()):
        body = body.get("macro") if isinstance(body, dict) else body
        if isinstance(name, str) and re.fullmatch(r"\\[A-Za-z]+", name) and isinstance(body, str):
            count = max((int(n) for n in re.findall(r"#([1-9])", body)), default=0)
            args = f"[{count}]" if count else ""
            out.append(neutralize_tex(f"\\newcommand{{{name}}}{args}{{{body}}}"))
    return "\n".join(out)


def _dig(data, *keys):
    for key in keys:
        data = data.get(key) if isinstance(data, dict) else None
    return data


def extract_macros(text: str) -> str:
    """The macro definitions in a .tex/.qmd file, as MathJax-ready `\\newcommand` text (one per line).

    Understands \\newcommand, \\renewcommand, \\providecommand (all with optional * and [n][default]), \\def
    and \\DeclareMathOperator(*) — the last one rewritten to \\newcommand with \\operatorname, which MathJax
    knows. TeX comments are ignored.
    """
    return "\n".join(macro_definitions(text))


def macro_definitions(text: str) -> list[str]:
    """`extract_macros`, one definition a string."""
    return [definition for _, definition in _definitions(text)[1]]


def definition_name(definition: str) -> str:
    """The command a `render.macros.macro_definitions` definition defines (`\\E`)."""
    match = _DEFINED_NAME.match(definition)
    return (match.group(1) or match.group(2)).strip() if match else ""


def defines_only(text: str) -> bool:
    """Whether a formula holds macro definitions and nothing else (Quarto's hidden `$$\\newcommand…$$`, a Jupyter
    cell's `$\\newcommand…$`): it shows nothing, so it is no card."""
    if "command" not in text and "\\def" not in text and "Declare" not in text:
        return False  # (most formulas: no definition at all)
    stripped, found = _definitions(text)
    rest, pos = [], 0
    for (start, end), _ in found:
        rest.append(stripped[pos:start])
        pos = end
    return bool(found) and not "".join(rest + [stripped[pos:]]).strip()


def _definitions(text: str) -> tuple[str, list[tuple[tuple[int, int], str]]]:
    """The text without its TeX comments, and each definition in it: ((start, end) in that text, definition)."""
    text = "\n".join(_strip_comment(line) for line in text.splitlines())
    out: list[tuple[tuple[int, int], str]] = []
    pos = 0
    while match := _MACRO_START.search(text, pos):
        command, star = match.group(1), match.group(2)
        definition, pos = _parse_definition(text, match.end(), command, star)
        if definition is None:
            pos = match.end()
            continue
        out.append(((match.start(), pos), neutralize_tex(definition)))  # a macro must not carry a link, class,
        # style or extension
    return text, out


def _strip_comment(line: str) -> str:
    for match in re.finditer(r"%", line):
        backslashes = len(line[:match.start()]) - len(line[:match.start()].rstrip("\\"))
        if backslashes % 2 == 0:
            return line[:match.start()]
    return line


def _skip_space(text: str, i: int) -> int:
    while i < len(text) and text[i] in " \t\r\n":
        i += 1
    return i




def _parse_definition(text: str, i: int, command: str, star: str) -> tuple[str | None, int]:
    start_name = i = _skip_space(text, i)
    if text.startswith("{", i):
        end = group_end(text, i)
        if end < 0:
            return None, i
        name = text[i + 1:end - 1].strip()
        i = end
    elif match := _CONTROL_WORD.match(text, i):
        name, i = match.group(0), match.end()
    else:
        return None, start_name
    if not _CONTROL_WORD.fullmatch(name):
        return None, i
    if command == "def":
        params_end = text.find("{", i)
        if params_end < 0 or not re.fullmatch(r"(?:\s*#\d)*\s*", text[i:params_end]):
            return None, i
        params, i = text[i:params_end].strip(), params_end
        end = group_end(text, i)
        return (None, i) if end < 0 else (f"\\def{name}{params}{text[i:end]}", end)
    options = ""
    i = _skip_space(text, i)
    while command != "DeclareMathOperator" and text.startswith("[", i):
        close = text.find("]", i)
        if close < 0:
            return None, i
        options += text[i:close + 1]
        i = _skip_space(text, close + 1)
    if not text.startswith("{", i):
        return None, i
    end = group_end(text, i)
    if end < 0:
        return None, i
    body = text[i:end]
    if command == "DeclareMathOperator":
        return f"\\newcommand{{{name}}}{{\\operatorname{star}{body}}}", end
    verb = "renewcommand" if command == "renewcommand" else "newcommand"
    return f"\\{verb}{{{name}}}{options}{body}", end


def read_macros(config: "Config", notes: bool = True) -> tuple[str, str | None]:
    """The wiki's macro definitions (may be empty) and a warning when the file is missing or unreadable; with
    `notes`, followed by those the notes define themselves (as the last scan kept them), but for any the wiki's
    file defines."""
    text, warning = _file_macros(config)
    if notes:
        try:
            kept = (config.data_dir / NOTE_MACROS_FILE).read_text(encoding="utf-8", errors="replace")
        except OSError:
            kept = ""
        if kept:
            defined = {definition_name(d) for d in macro_definitions(text)}
            added = [d for d in macro_definitions(kept) if definition_name(d) not in defined]
            text = "\n".join(part for part in [text] + added if part)
    return text, warning


def _file_macros(config: "Config") -> tuple[str, str | None]:
    path, warning = macros_source(config)
    if path is None:
        return "", warning
    try:
        text = path.read_text(encoding="utf-8", errors="replace")
        if path.name == MYST_CONFIG:
            return myst_macros(text), None
        if path.name == SPHINX_CONFIG:
            return sphinx_macros(text), None
        return (book_macros(text) if path.name == JUPYTER_BOOK_CONFIG else extract_macros(text)), None
    except OSError as exc:
        return "", f"cannot read macros file {config.relative(path)}: {exc.strerror}"
