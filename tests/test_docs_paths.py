"""Docs cannot go stale: every repository path that README.md, docs/, a docstring, a comment or a `--help` text
names must exist, and the config defaults the docs show must be the code's."""

from __future__ import annotations

import ast
import io
import re
import tokenize
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
# a path inside the repository: mlwiki/…, tests/…, benchmarks/…, docs/… (not `.mlwiki/…`, not part of a URL)
REPO_PATH = re.compile(r"(?<![\w./:~-])((?:mlwiki|tests|benchmarks|docs)/[\w./-]*[\w/])")
# a bare module file named in mlwiki's own prose: `extract.py`, `store/identity.py`
MODULE_FILE = re.compile(r"(?<![\w./:~-])((?:[\w-]+/)*[\w-]+\.py)\b")


def python_files() -> list[Path]:
    return sorted(p for folder in ("mlwiki", "tests", "benchmarks") for p in (ROOT / folder).rglob("*.py")
                  if "fixtures" not in p.parts)


def prose_of_python(path: Path) -> list[tuple[int, str]]:
    """(line, text) of every comment, docstring and click `help=` text in a Python file."""
    source = path.read_text(encoding="utf-8")
    found = [(tok.start[0], tok.string) for tok in tokenize.generate_tokens(io.StringIO(source).readline)
             if tok.type == tokenize.COMMENT]
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)):
            doc = ast.get_docstring(node, clean=False)
            if doc:
                found.append((node.body[0].lineno, doc))
        elif isinstance(node, ast.keyword) and node.arg == "help" and isinstance(node.value, ast.Constant):
            found.append((node.value.lineno, str(node.value.value)))
    return found


def prose() -> list[tuple[str, int, str]]:
    """(file, line, text) of the repository's prose: the Markdown docs and the Python files' prose."""
    out = [(str(p.relative_to(ROOT)), n, line) for p in [ROOT / "README.md", *sorted((ROOT / "docs").rglob("*.md"))]
           for n, line in enumerate(p.read_text(encoding="utf-8").splitlines(), start=1)]
    out += [(str(p.relative_to(ROOT)), n, text) for p in python_files() for n, text in prose_of_python(p)]
    return out


def missing_paths(texts: list[tuple[str, int, str]]) -> list[str]:
    """`file:line: path` for every repository path named in `texts` that does not exist."""
    package_files = [str(p.relative_to(ROOT)) for p in (ROOT / "mlwiki").rglob("*.py")]
    wrong = []
    for where, line, text in texts:
        for match in REPO_PATH.finditer(text):
            if not (ROOT / match.group(1).rstrip(".")).exists():
                wrong.append(f"{where}:{line}: {match.group(1)}")
        if where.startswith("mlwiki/"):
            for match in MODULE_FILE.finditer(text):
                name = match.group(1)
                if not (ROOT / name).exists() and not any(f == name or f.endswith("/" + name) for f in package_files):
                    wrong.append(f"{where}:{line}: {name}")
    return wrong


def test_every_path_the_docs_name_exists():
    assert missing_paths(prose()) == []


def test_the_path_finder_sees_a_stale_path():
    gone = "mlwiki/" + "gone.py"  # (joined, so that no search for stale paths in the repository stops here)
    texts = [("README.md", 3, f"see `{gone}` and docs/syntax.md, not .mlwiki/mlwiki.db"),
             ("mlwiki/models.py", 9, "# (not in extract.py, see review/queue.py)")]
    assert missing_paths(texts) == [f"README.md:3: {gone}", "mlwiki/models.py:9: extract.py"]


# Keys the docs show with an example value rather than the default (the default depends on the folder, or is empty).
EXAMPLE_KEYS = {"name", "notes", "exclude", "deck_names"}


def config_block(doc: str) -> str:
    """The first TOML block under the doc's "Configuration" heading."""
    text = (ROOT / doc).read_text(encoding="utf-8")
    section = text[text.index("\n## Configuration"):]
    return re.search(r"```toml\n(.*?)```", section, re.S).group(1)


@pytest.mark.parametrize("doc", ["README.md", "docs/syntax.md"])
def test_config_defaults_in_the_docs_are_the_codes(doc, tmp_path):
    """Every key mlwiki reads is in the docs' config block, and each value shown is the code's default."""
    import tomllib

    from mlwiki.config import REVIEW_KEYS, TOP_KEYS, config_from_dict

    block = config_block(doc)
    mentioned = set(re.findall(r"^#?\s*(\w+)\s*=", block, re.M)) | set(re.findall(r"^\[(\w+)\]", block, re.M))
    assert set(TOP_KEYS) - mentioned == set() and set(REVIEW_KEYS) - mentioned == set()
    shown = tomllib.loads(block)
    (tmp_path / "notes").mkdir()
    default = config_from_dict(tmp_path, {})
    for key, value in shown.items():
        if key in EXAMPLE_KEYS or isinstance(value, dict):
            continue
        assert config_from_dict(tmp_path, {key: value}) == default, f"{doc}: {key} = {value!r} is not the default"
    for key, value in shown.get("review", {}).items():
        got = config_from_dict(tmp_path, {"review": {key: value}}).review
        assert got == default.review, f"{doc}: [review] {key} = {value!r} is not the default"
