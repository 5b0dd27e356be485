"""Front matter of the everyday shape, read without building a YAML node tree.

Most notes open with a few `key: value` lines: strings, dates, `[a, b]` lists or `- item` lists. For those, PyYAML
(even with libyaml) spends ~100 µs a note building and walking a node tree: half of a first scan of real notes.
`read_flat` reads just that shape, in a few µs, and returns exactly what `yaml.load(text, CSafeLoader)` returns:
every scalar is typed by PyYAML's own resolver table and built by its own SafeConstructor (so `2021-01-08` is a
date, `false` a bool and `1e3` a float, as there). Anything else at all (nesting, anchors, tags, block or
multi-line scalars, comments after values, escapes, flow maps, odd characters) returns None, and the caller hands
the text to PyYAML as before. tests/test_sources_flat_yaml.py checks the equality on generated and real front matter.
"""

from __future__ import annotations

import functools
import re

# a plain key without YAML indicators (it ends at the first `:`)
_KEY = re.compile(r"[A-Za-z_][^#\[\]{},\"'&*!|>%@`]*")
# the characters that make a plain scalar mean something else when it starts with them
_INDICATORS = frozenset("-?:,[]{}#&*!|>'\"%@`")
_FLOW_FORBIDDEN = re.compile(r"[\[\]{}:#'\"&*!|>%@`?]")
_DECLINE = object()
_TYPED_TAGS = frozenset("tag:yaml.org,2002:" + t for t in ("null", "bool", "int", "float", "timestamp"))


def read_flat(text: str) -> dict | None:
    """The front matter `text` as a dict, if it is flat (see the module docstring); else None."""
    meta: dict = {}
    lines = text.split("\n")
    i = 0
    while i < len(lines):
        line = lines[i]
        i += 1
        if not line.isprintable():
            return None
        if not line or line[0] == "#":  # blank, or a whole-line comment
            continue
        key, colon, rest = line.partition(":")
        key = key.rstrip(" ")
        if not colon or rest[:1] not in ("", " ") or len(key) > 200 or not _KEY.fullmatch(key):
            return None  # (YAML limits implicit keys to 1024 characters; real ones are short)
        key = _plain(key)
        if not isinstance(key, str):
            return None
        value = rest.strip(" ")
        if value:
            value = _scalar(value, flow_list=True)
        else:
            value, i = _block_list(lines, i)
        if value is _DECLINE:
            return None
        meta[key] = value  # a repeated key: the last one wins, as in PyYAML
    return meta or None


def _item(line: str) -> tuple[int, str] | None:
    """(indent, value) of a `- value` line (value "" for a bare `-`), else None."""
    body = line.lstrip(" ")
    if body[:1] != "-" or body[1:2] not in ("", " "):
        return None
    return len(line) - len(body), body[1:].strip(" ")


def _block_list(lines: list[str], i: int):
    """The `- item` lines after `key:` (same indent each), or None when none follow; and where reading goes on."""
    items, indent = [], None
    while i < len(lines) and (item := _item(lines[i])) is not None:
        if indent is None:
            indent = item[0]
        if item[0] != indent or not lines[i].isprintable():
            return _DECLINE, i
        value = _scalar(item[1], flow_list=False) if item[1] else None
        if value is _DECLINE:
            return _DECLINE, i
        items.append(value)
        i += 1
    if i < len(lines) and lines[i][:1] == " ":  # indented, and not an item: a nested map, a continuation line
        return _DECLINE, i
    return (items if indent is not None else None), i


def _scalar(text: str, flow_list: bool):
    """One value: a quoted string without escapes, a plain scalar, or (after a key) a `[a, b]` list."""
    first = text[0]
    if first == '"':
        return text[1:-1] if len(text) > 1 and text[-1] == '"' and '"' not in text[1:-1] and \
            "\\" not in text else _DECLINE
    if first == "'":
        return text[1:-1] if len(text) > 1 and text[-1] == "'" and "'" not in text[1:-1] else _DECLINE
    if first == "[" and flow_list:
        return _flow_list(text)
    if first in _INDICATORS or ": " in text or " #" in text or text[-1] == ":" or "\t" in text:
        return _DECLINE
    return _plain(text)


def _flow_list(text: str):
    if text[-1] != "]":
        return _DECLINE
    inner = text[1:-1]
    if not inner.strip():
        return []
    if _FLOW_FORBIDDEN.search(inner) or "\t" in inner:
        return _DECLINE
    items = [item.strip() for item in inner.split(",")]
    if not all(items) or any(item[0] == "-" for item in items):
        return _DECLINE
    return [_plain(item) for item in items]


@functools.lru_cache(maxsize=8192)  # keys, tags and categories repeat from note to note; values are immutable
def _plain(text: str):
    """A plain scalar typed as PyYAML types it: its implicit resolvers, its SafeConstructor."""
    resolvers, construct = _pyyaml_typing()
    for tag, pattern in resolvers.get(text[0], ()):
        if pattern.match(text):
            if tag not in _TYPED_TAGS:
                return _DECLINE  # `<<` merge keys and the like: PyYAML's business
            return _construct(construct, tag, text)
    return text


def _construct(construct, tag: str, text: str):
    import yaml

    try:
        return construct(tag, yaml.ScalarNode(tag, text))
    except (ValueError, TypeError, OverflowError):  # a date like 2026-02-30: let PyYAML report it
        return _DECLINE


@functools.cache
def _pyyaml_typing():
    """PyYAML's implicit-resolver table (first character → [(tag, regex)]) and a SafeConstructor call."""
    import yaml

    constructor = yaml.constructor.SafeConstructor()

    def construct(tag: str, node):
        return constructor.yaml_constructors[tag](constructor, node)

    return yaml.resolver.Resolver.yaml_implicit_resolvers, construct

