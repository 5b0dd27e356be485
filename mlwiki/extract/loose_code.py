"""Code a card of prose shows without anything introducing it: a snippet the writer kept beside a fact (a fenced block
after a sentence that ends, under a front that asks for no code) is not that fact. Pure: strings in, strings out.
"""

from __future__ import annotations

import re

from mlwiki.extract.prose import one_break
from mlwiki.extract.pseudocode import writes_pseudocode

_FENCE_OPEN = re.compile(r"(`{3,}|~{3,})[^`]*$")
_CODE_FRONT = re.compile(r"(?i)\b(?:code|implement\w*|python|pytorch|numpy|snippet|program|function|script|api|usage|"
                         r"example|how to)\b")  # (a front that asks for the code itself)
# A question for a list of a subject's sides ("What are the limitations of X?"): its answer is the list, never code
_ASKS_SIDES = re.compile(r"(?i)\b(?:limitations|drawbacks|disadvantages|advantages|pros|cons|weaknesses|strengths|"
                         r"caveats|pitfalls)\b")
_ITEM = re.compile(r"(?:[-*+]|\d+[.)])[ \t]")  # (a list item: it ends where the code begins, unless on a colon)
PARENTHESIS = re.compile(r"[ \t]*\(([^()\n]*)\)")  # (a remark in brackets: under a snippet, or on the course)
MAX_STRAY_LINES = 1  # (of code left under such an item: a line says nothing of the snippet)
# A list item that only opens a code fence ("- ```python"), as an outline keeps a snippet under a bullet
_FENCE_ITEM = re.compile(r"(?P<indent>[ \t]*)(?:[-*+]|\d+[.)])[ \t]+(?P<fence>`{3,}|~{3,})[\w+#.-]*[ \t]*")


# What marks a snippet as an example run: a comment that says so ("# Example of the Chi-Squared Test"), or a sample of
# made-up data to run it on (a literal list of eight numbers or more, "data = [0.873, 2.817, …]")
_EXAMPLE_COMMENT = re.compile(r"(?i)[ \t]*(?:#|//|--|%)[ \t]*(?:an?[ \t]+)?(?:example|e\.g\.|demo|toy example)\b")
_MADE_UP_DATA = re.compile(r"=[ \t]*[\[(][ \t]*-?\d+(?:\.\d+)?(?:[ \t]*,[ \t]*-?\d+(?:\.\d+)?){7,}")
_EXAMPLE_CUE = re.compile(r"(?i)(?:#|//|--|%)[ \t]*(?:an?[ \t]+)?(?:example|e\.g\.|demo|toy)|=[ \t]*[\[(][ \t]*-?\d")


def _asked(front: str) -> str:
    """What a front asks past the note's subject it is rooted in: its headings below the first, and its question."""
    head, _, question = front.partition("\n\n")
    return f"{head.partition(' › ')[2]}\n\n{question}"


def example_run(code: list[str]) -> bool:
    """Whether a snippet's lines are an example run: its first line a comment that says so, or a line that sets up
    made-up data (see `_EXAMPLE_COMMENT`, `_MADE_UP_DATA`)."""
    first = next((ln for ln in code if ln.strip()), "")
    return bool(_EXAMPLE_COMMENT.match(first)) or any(_MADE_UP_DATA.search(ln) for ln in code)


def without_bare_fences(back: str) -> str:
    """The back without a list item that only opens a code block which never closes on it ("- ```python" and a
    line or none of its code, the rest read off as the outline was read): a fence line and a stray line of code
    say nothing; a block that closes shows whole and stays."""
    lines, kept, k = back.split("\n"), [], 0
    while k < len(lines):
        opened = _FENCE_ITEM.fullmatch(lines[k])
        if opened and not any(ln.strip() == opened["fence"] for ln in lines[k + 1:]):
            depth, end = len(opened["indent"]), k + 1
            while end < len(lines) and lines[end].strip() and len(lines[end]) - len(lines[end].lstrip()) > depth:
                end += 1  # (what is left of its code, nested under the item)
            if end - k <= MAX_STRAY_LINES + 1:  # (more of it is a snippet whose closing fence was read off)
                k = end
                continue
        kept.append(lines[k])
        k += 1
    return one_break("\n".join(kept)).strip() if len(kept) < len(lines) else back


def without_loose_code(back: str, front: str) -> str:
    """The back of a card of prose without a fenced code block that nothing introduces: the line before it ends a
    sentence ("… biased upward.") or a list item ("- ignores node features") rather than leading into it ("… with
    networkx:", "For every iteration"), and the front asks for no code ("Implementing dropout"; a question may,
    unless it asks for a subject's limitations or pros and cons). A snippet kept beside a fact is not that fact.
    Nor is an example run (`example_run`: "# Example of the Pearson's test", made-up data) under a front whose
    heading or question asks for no code, though the note's title may name the language ("… Tests in Python ›
    Pearson's Correlation" over "Tests whether …" and its demo)."""
    asks_code = bool(_CODE_FRONT.search(front) or front.rstrip().endswith("?") and not _ASKS_SIDES.search(front))
    # (a question's answer may be the code: "Why?" over "Because." and its snippet)
    if asks_code and (not _EXAMPLE_CUE.search(back) or _CODE_FRONT.search(_asked(front))):
        return back  # (but an example run, when only the note's title names code)
    lines, kept, k = back.split("\n"), [], 0
    while k < len(lines):
        line = lines[k]
        if line.lstrip()[:3] in ("```", "~~~") and (fence := _FENCE_OPEN.match(line.lstrip())):
            end = next((j for j in range(k + 1, len(lines)) if lines[j].strip() == fence.group(1)), None)
            before = next((ln.strip() for ln in reversed(kept) if ln.strip()), "")
            ended = before and (before[-1] in ".!?)" or _ITEM.match(before) and before[-1] != ":")
            if end is not None and ended and not any("`" in ln for ln in kept) \
                    and (not asks_code or example_run(lines[k + 1:end])) \
                    and not writes_pseudocode(line, lines[k + 1:end]):  # (an algorithm's steps: what it teaches)
                # (prose that speaks in code, "`torch.tensor` copies its input.", may want its snippet)
                k = end + 1  # (a loose snippet: left off, and a remark in brackets right under it, on it)
                if k < len(lines) and PARENTHESIS.fullmatch(lines[k]):
                    k += 1
                continue
        kept.append(line)
        k += 1
    return one_break("\n".join(kept)).strip() if len(kept) < len(lines) else back
