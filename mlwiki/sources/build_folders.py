"""The folders no walk over a wiki enters: what tools build or cache beside the notes (a site's output, a
notebook's checkpoints, installed packages), never notes of their own."""

IGNORED_DIRS = frozenset({"_site", "_freeze", ".quarto", "_book", ".ipynb_checkpoints", "node_modules", "__pycache__",
                          "site-packages"})
