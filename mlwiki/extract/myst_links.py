"""MyST's cross-reference written as a Markdown link without text, `[](#label)` (Jupyter Book 2 / mystmd): the book
shows the target's title or number there; a card, read alone, shows an empty link, nothing: "Ignorability () and
overlap () hold", "Randomisation kills it: .", "(… graph surgery). → ." A reference to a target of the note reads as
MyST's `{ref}` role does (`crossrefs` shows the heading's title, the equation); one to another page is left out
with the words that only point at it: a bracket holding only references, the comma, colon or arrow before it, a
sentence that is only "→ [](#x).". Pure: strings in, strings out."""

from __future__ import annotations

import re

_LABEL = r"\[\]\(#([\w:.-]+)\)"
_LINK = re.compile(_LABEL)
# ("Same assumptions as IPW ([](#a), [](#b))": a bracket of references only)
_BRACKET = re.compile(r"[ \t]*\n?[ \t]*\((?:[ \t]*(?:see[ \t]+)?\[\]\(#[\w:.-]+\)[ \t]*[,;]?)+\)")
# ("… (graph surgery). → [](#x).": a sentence that only points)
_SENTENCE = re.compile(r"(?<=[.!?])[ \t]*(?:→|->|⇒|[Ss]ee|[Cc]f\.)[ \t]*" + _LABEL + r"[ \t]*\.")
# ("…, [](#x))", "kills it:\n[](#x).", "→ [](#x)": the mark that points, with the reference)
_POINTER = re.compile(r"[ \t]*(?:[,;:]|→|->|⇒|\bsee|\bcf\.)[ \t]*\n?[ \t]*" + _LABEL)


def as_roles(text: str, targets: dict[str, str]) -> str:
    """The text with each `[](#label)` to a target of the note written as the `{ref}` role it means, and each to
    another page left out with the words that point at it."""
    if "[](#" not in text:
        return text
    text = _LINK.sub(lambda m: f"{{ref}}`{m.group(1)}`" if m.group(1) in targets else m.group(0), text)
    if "[](#" not in text:
        return text
    text = _BRACKET.sub("", text)
    text = _SENTENCE.sub("", text)
    text = _POINTER.sub("", text)
    return _LINK.sub("", text)
