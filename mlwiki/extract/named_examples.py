"""Example callouts that name a result: an Obsidian `> [!example] KL divergence is nonnegative`, `> [!example] Ridge
regression`, `> [!example] Absolute value` in a math note. The box is the note's standard instance of its subject,
titled by what it shows, and states a result in symbols (the subdifferential of |x|, the ELBO bound, the μ and L of
ridge); a learner cards it as any titled remark. It was read as a worked example and made no card at all. A box
titled as one worked out ("Example 2", "A toy run") or whose text works on numbers ("Take $x = 3$", "0.3 + 0.4")
or runs code stays an example; so does one that draws its lesson ("General lesson: …"), which `generalities`
cards."""

from __future__ import annotations

import re

from mlwiki.extract.blocks import Block, divs_in
from mlwiki.extract.generalities import GENERALLY
from mlwiki.extract.lines import CODE, TEXT
from mlwiki.extract.subject import is_example_title

_EXAMPLE = "callout-example"
_AS_REMARK = "callout-remark"  # (read as a titled remark box: a part of its section under its title)
# Numbers worked on: a decimal, arithmetic between numbers, a symbol set to a number other than 0, 1 or 2 (`x = 3`);
# `= 0`, `\tfrac12`, `1/4` are constants of a general result
_WORKED = re.compile(r"\d\.\d|\d[ \t]*[+*×][ \t]*\d|=[ \t]*-?(?:[3-9]|[1-9]\d)")
_CHEAP = "[!example]"


def read_as_statements(blocks: list[Block], body: str) -> None:
    """Give, in place, each titled example callout that names a result the class of a titled remark, so its text
    and formulas make the cards a remark's make. `body`: the note's text, which says cheaply whether any can be."""
    if _CHEAP not in body.casefold():
        return
    for block in divs_in(blocks):
        classes = block.attrs.get("classes")
        if isinstance(classes, list) and _EXAMPLE in classes and names_result(block):
            classes[classes.index(_EXAMPLE)] = _AS_REMARK


def names_result(block: Block) -> bool:
    """Whether an example callout is titled by what it shows and states it in general terms: a worded title that
    does not open a worked example, text only (no code, no box in it), no number worked on."""
    title = block.attrs.get("title", "").strip()
    children = block.children or []
    if not title or "obsidian" not in block.attrs or is_example_title(title) or not children:
        return False
    lines = [line for child in children for line in child.lines]
    if any(child.kind != TEXT for child in children) or any(line.kind == CODE for line in lines):
        return False  # (code, a nested box: a worked case)
    if any(GENERALLY.match(line.text) for line in lines):
        return False  # ("General lesson: …" in it: `generalities` cards the case with its lesson, as it did)
    return not any(_WORKED.search(line.text) for line in lines)
