"""The wiki's own LaTeX macros for the terminal: `\\newcommand` definitions (as `render.macros.extract_macros` writes
them) read into a table, and a token list with every use of them expanded, as MathJax does on a page.

Pure: text and tokens in, tokens out. Expansion stops after `MAX_EXPANSIONS` uses, so a macro that calls itself
ends instead of looping.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from mlwiki.render.latex_parser import _tokenize

__all__ = ["Macro", "expand", "read_definitions"]

MAX_EXPANSIONS = 1000
_HEAD = re.compile(r"\\(?:re)?newcommand\{\\([A-Za-z]+)\}(?:\[(\d)\])?(?:\[([^\]]*)\])?")
_DEF = re.compile(r"\\def\\([A-Za-z]+)((?:#\d)*)")

Token = tuple[str, str]


@dataclass(frozen=True)
class Macro:
    """One definition: how many arguments it takes, the default of an optional first one, and its body."""

    arguments: int
    default: tuple[Token, ...] | None
    body: tuple[Token, ...]


def read_definitions(definitions: str) -> dict[str, Macro]:
    """{name: Macro} of `\\newcommand`/`\\renewcommand`/`\\def` lines (one definition a line)."""
    table: dict[str, Macro] = {}
    for line in definitions.splitlines():
        line = line.strip()
        if match := _HEAD.match(line):
            name, count, default = match.group(1), int(match.group(2) or 0), match.group(3)
            body = line[match.end():]
            table[name] = Macro(count, tuple(_tokenize(default)) if default is not None else None,
                                tuple(_tokenize(_unbrace(body))))
        elif match := _DEF.match(line):
            table[match.group(1)] = Macro(len(match.group(2)) // 2, None,
                                          tuple(_tokenize(_unbrace(line[match.end():]))))
    return table


def _unbrace(body: str) -> str:
    body = body.strip()
    return body[1:-1] if body.startswith("{") and body.endswith("}") else body


def expand(tokens: list[Token], table: dict[str, Macro]) -> list[Token]:
    """The tokens with every use of a macro of `table` replaced by its body, arguments put in for #1…#9."""
    if not table:
        return tokens
    out: list[Token] = []
    pending = list(reversed(tokens))  # a stack: expansions are pushed back and read again
    used = 0
    while pending:
        token = pending.pop()
        macro = table.get(token[1]) if token[0] == "macro" else None
        if macro is None or used >= MAX_EXPANSIONS:
            out.append(token)
            continue
        used += 1
        arguments = []
        if macro.default is not None:
            arguments.append(_optional(pending) or list(macro.default))
        while len(arguments) < macro.arguments:
            arguments.append(_argument(pending))
        pending.extend(reversed(_substitute(macro.body, arguments)))
    return out


def _substitute(body: tuple[Token, ...], arguments: list[list[Token]]) -> list[Token]:
    out: list[Token] = []
    i = 0
    while i < len(body):
        token = body[i]
        if token == ("char", "#") and i + 1 < len(body) and body[i + 1][0] == "num":
            digits = body[i + 1][1]
            index = int(digits[0]) - 1
            out += arguments[index] if 0 <= index < len(arguments) else []
            if len(digits) > 1:
                out.append(("num", digits[1:]))
            i += 2
            continue
        out.append(token)
        i += 1
    return out


def _argument(pending: list[Token]) -> list[Token]:
    """The next argument from the stack (top = next token): a {group}'s tokens or one token."""
    while pending and pending[-1][0] == "ws":
        pending.pop()
    if not pending:
        return []
    token = pending.pop()
    if token != ("char", "{"):
        return [token]
    group: list[Token] = []
    depth = 1
    while pending:
        token = pending.pop()
        if token == ("char", "{"):
            depth += 1
        elif token == ("char", "}"):
            depth -= 1
            if depth == 0:
                break
        group.append(token)
    return group


def _optional(pending: list[Token]) -> list[Token] | None:
    """A […] argument if one comes next (taken off the stack), else None."""
    k = len(pending) - 1
    while k >= 0 and pending[k][0] == "ws":
        k -= 1
    if k < 0 or pending[k] != ("char", "["):
        return None
    for j in range(k - 1, -1, -1):
        if pending[j] == ("char", "]"):
            inside = list(reversed(pending[j + 1:k]))
            del pending[j:]
            return inside
    return None
