"""The folders no walk over a wiki enters: what tools build or cache beside the notes (a site's output, a
notebook's checkpoints, installed packages), never notes of their own."""

import os

IGNORED_DIRS = frozenset({"_site", "_freeze", ".quarto", "_book", ".ipynb_checkpoints", "node_modules", "__pycache__",
                          "site-packages", "_proc"})  # (`_proc`: nbdev's processed copies of the notebooks it builds)

# nbdev's project files: its docs' output folder `_docs` (the site, and a Markdown copy of every notebook) is a
# build beside them; elsewhere a `_docs` folder is a Jekyll collection's pages, notes of their own
_NBDEV_SETTINGS = ("settings.ini", "pyproject.toml")


def is_nbdev_output(parent: str, name: str) -> bool:
    """Whether the folder `name` in the folder `parent` is the docs nbdev builds: `_docs` beside nbdev's settings
    (`settings.ini` naming its notebooks' folder, or a pyproject's `[tool.nbdev]`)."""
    if name != "_docs":
        return False
    for settings in _NBDEV_SETTINGS:
        try:
            with open(os.path.join(parent, settings), encoding="utf-8", errors="replace") as f:
                text = f.read(65536)
        except OSError:
            continue
        if "nbs_path" in text or "[tool.nbdev]" in text:
            return True
    return False


def wiki_root(path, rel: str) -> str:
    """The folder of the wiki a note file at `path` belongs to, `rel` being its path from there."""
    root = os.path.dirname(os.path.abspath(path))
    for _ in range(rel.count("/")):
        root = os.path.dirname(root)
    return root


def note_files(root: str, suffixes: tuple[str, ...], limit: int) -> list[tuple[str, str]]:
    """(folder, file name) of the files under `root` whose names end in one of `suffixes`, in name order, hidden and
    build folders left out; no more than `limit` and one (past it, a folder mistaken for a wiki)."""
    found: list[tuple[str, str]] = []
    for folder, dirs, names in os.walk(root):
        dirs[:] = sorted(d for d in dirs if d[:1] != "." and d not in IGNORED_DIRS)
        found += [(folder, name) for name in sorted(names) if name.lower().endswith(suffixes)]
        if len(found) > limit:
            break
    return found
