"""TOML front matter, as Hugo (and Zola) write it: `+++` lines around `key = value` lines.

A Hugo page opens `+++` / `title = "Bagging"` / `tags = ["ensembles"]` / `+++`. Read as text, its keys were the
note's first lines and its title was lost; read here, it is front matter like YAML's: the title names the note,
tags and categories tag its cards. A block TOML cannot read is left out all the same, with a warning, unless it is
a template's (Hugo's archetypes write Go template code, `date = {{ .Date }}`, which only the site fills in).
"""

from __future__ import annotations

import re
import tomllib

from mlwiki.models import Problem
from mlwiki.sources.decoding import warn

_BOUNDARY = re.compile(r"^\+\+\+[ \t]*$\n?", re.MULTILINE)


def toml_front_matter(text: str, rel: str) -> tuple[dict, str, int, list[Problem]]:
    """(meta, body, lines the block takes, problems) of a note that may open with a `+++` block: ({}, text, 0, [])
    when it does not."""
    if not text.startswith("+++"):
        return {}, text, 0, []
    parts = _BOUNDARY.split(text, 2)
    if len(parts) < 3 or parts[0]:
        return {}, text, 0, []  # (no closing line: not front matter)
    _, block, body = parts
    offset = text.count("\n", 0, len(text) - len(body))
    try:
        return tomllib.loads(block), body, offset, []
    except tomllib.TOMLDecodeError as exc:
        if "{{" in block:
            return {}, body, offset, []  # (a template's: the site fills it in)
        return {}, body, offset, [warn(rel, f"front matter is not valid TOML ({exc}); ignored it", 1, "front-matter")]
