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
