"""markdown-it rules for the MyST syntax of Jupyter Book notes (and Quarto's labels) that plain Markdown would show as
written, so a card reads as the book does: a role `{ref}`text <label>`` as its text, `{eq}`label`` as "(label)",
`{math}`x`` as math, `{cite}`key`` and Pandoc's (Quarto's) `[@key; @other, p. 3]` as nothing, `{cite:t}`key`` and
`@key` in a sentence as the key's name and year; Pandoc's span `[text]{.class}` as its text; a target line
`(label)=` and a Quarto label `{#eq-loocv}` after a formula not at all; a definition list's `: ` marker joined to
its term ("Term — definition").

Cards keep the note's own text (`cards --json` shows it as written); these rules run where a card is shown.
"""

from __future__ import annotations

import re

from markdown_it.rules_block import StateBlock
from markdown_it.rules_inline import StateInline

from mlwiki.render.spans import MYST_ROLE  # (`{name}`content``: `{ref}`, `{eq}`, `{doc}`, `{math}` …)

# Pandoc's bracketed citation: `[@hyndman2021]`, `[see @a, ch. 2; -@b]` (each key after a `@` the text does not
# run into: not an e-mail address)
_CITATION = re.compile(r"\[(?:[^\[\]\n@]*(?<![\w.])-?@[\w][\w:.#$%&+?<>~/-]*[^\[\]\n@;]*)(?:;[^\[\]\n@]*-?@[\w]"
                       r"[\w:.#$%&+?<>~/-]*[^\[\]\n@;]*)*\](?![(\[])")
_TARGET_LINE = re.compile(r"[ \t]*\([\w.:-]+\)=[ \t]*$")  # `(sec-mcmc-background)=` above a heading
_LABEL = re.compile(r"[ \t]*\{#[\w:.-]+\}")  # Quarto's `$$ … $$ {#eq-loocv}`: a cross-reference target
_DOC_NUMBER = re.compile(r"^\d+[_.-]+")  # ("07_elbo": a book's order number)
_EXPLICIT = re.compile(r"(.*?)\s*<([^<>]+)>")  # `{ref}`the ELBO <sec-elbo>``: the text before the label


def role_text(name: str, content: str) -> str:
    """What a role shows: the text of `text <label>`, an equation's label in parentheses, else the content."""
    explicit = _EXPLICIT.fullmatch(content)
    if explicit and explicit.group(1):
        return explicit.group(1)
    label = explicit.group(2) if explicit else content
    if name == "doc":  # (Jupyter Book shows the page's title; its file name without folder, order number and
        return _DOC_NUMBER.sub("", label.rsplit("/", 1)[-1].removesuffix(".md").removesuffix(".ipynb")).replace(
            "_", " ") or label  # underscores is the nearest a card can say: "../chapters/07_elbo" → "elbo")
    return f"({label})" if name == "eq" else label


def role_rule(state: StateInline, silent: bool) -> bool:
    """`{name}`content``, as its text (`{math}`: as inline math); a label `{#eq-x}`, as nothing."""
    if state.src[state.pos] != "{":
        return False
    label = _LABEL.match(state.src, state.pos, state.posMax)
    if label is not None:
        state.pos = label.end()
        return True
    match = MYST_ROLE.match(state.src, state.pos, state.posMax)
    if match is None:
        return False
    if not silent:
        name, content = match.groups()
        if name == "math":
            token = state.push("math_inline", "math", 0)
            token.content, token.markup = content, "$"
        elif name == "cite:t":  # (the authors in the text: the sentence's subject, "{cite:t}`park2019` propose …")
            state.push("text", "", 0).content = ", ".join(key_name(key) for key in content.split(","))
        elif name.startswith("cite"):  # (a citation key, `{cite}`blei2017vi``: the book sets it from its
            _close_gap(state, match.end())  # bibliography, a card has none; the claim reads without it)
        else:
            state.push("text", "", 0).content = role_text(name, content)
    state.pos = match.end()
    return True


def citation_rule(state: StateInline, silent: bool) -> bool:
    """`[@key]`: the page sets it from its bibliography, a card has none; the claim reads without it."""
    if not state.src.startswith("[", state.pos) or "@" not in state.src[state.pos:state.pos + 40]:
        return False
    match = _CITATION.match(state.src, state.pos, state.posMax)
    if match is None:
        return False
    if not silent:
        _close_gap(state, match.end())
    state.pos = match.end()
    return True


def _close_gap(state: StateInline, end: int) -> None:
    """Where a citation shown as nothing stood: no space before it, nor the line break it opened a line with when
    punctuation follows ("… of the logit PS⏎{cite}`a`. Changes …" reads "… PS. Changes", not "PS⏎. Changes")."""
    state.pending = state.pending.rstrip(" \t")
    if not state.pending and state.tokens and state.tokens[-1].type == "softbreak" \
            and state.src[end:end + 1] in (".", ",", ";", ":", ")"):
        state.tokens.pop()


# Pandoc's bracketed span, `[AutoML]{.smallcaps}`, `[text]{#id .class key="v"}`: its text, styled by the page
_SPAN = re.compile(r"\[([^\[\]\n]+)\]\{(?:[.#][\w-]+|[\w-]+=)[^{}\n]*\}")
# An author-in-text citation, Pandoc's `@hyndman2021 shows …` or MyST's `{cite:t}`park2019``: the sentence's
# subject, which a card cannot drop; shown as the key's name and year ("Hyndman 2021") since a card has no
# bibliography
_IN_TEXT = re.compile(r"(?<![\w.@\[])@([A-Za-z][A-Za-z_-]*?)[_-]?((?:19|20)\d\d)[\w:.-]*(?<![.:])")
_KEY_YEAR = re.compile(r"([A-Za-z][A-Za-z_-]*?)[_-]?((?:19|20)\d\d)[\w:.-]*")


def key_name(key: str) -> str:
    """A citation key as a reader names the work: "park2019specaugment" → "Park 2019"; a key with no year as it is."""
    match = _KEY_YEAR.fullmatch(key.strip())
    return f"{match.group(1).replace('_', ' ').title()} {match.group(2)}" if match else key.strip()


def span_rule(state: StateInline, silent: bool) -> bool:
    """`[text]{.class}`: its text, itself read as Markdown."""
    if not state.src.startswith("[", state.pos) or "]{" not in state.src[state.pos:state.pos + 300]:
        return False
    match = _SPAN.match(state.src, state.pos, state.posMax)
    if match is None:
        return False
    if not silent:
        end = state.posMax
        state.pos, state.posMax = match.start(1), match.end(1)
        state.md.inline.tokenize(state)
        state.posMax = end
    state.pos = match.end()
    return True


def in_text_citation_rule(state: StateInline, silent: bool) -> bool:
    """`@key` in a sentence, as the work's name and year."""
    if state.src[state.pos] != "@":
        return False
    match = _IN_TEXT.match(state.src, state.pos, state.posMax)
    if match is None or state.pos and (state.src[state.pos - 1].isalnum() or state.src[state.pos - 1] in "._@["):
        return False
    if not silent:
        state.push("text", "", 0).content = key_name(state.src[state.pos + 1:match.end()])
    state.pos = match.end()
    return True


def definition_marker_rule(state: StateInline, silent: bool) -> bool:
    """A definition list's `: ` at the start of a line: at the start of a card left out, after its term "— "."""
    pos = state.pos
    if state.src[pos] != ":" or not state.src.startswith(": ", pos) or (pos and state.src[pos - 1] != "\n"):
        return False
    if not silent and pos:
        state.push("text", "", 0).content = "— "
    state.pos = pos + 2
    return True


def target_rule(state: StateBlock, start: int, end: int, silent: bool) -> bool:
    """A target line `(label)=`: shown as nothing."""
    begin = state.bMarks[start] + state.tShift[start]
    if not _TARGET_LINE.fullmatch(state.src, begin, state.eMarks[start]):
        return False
    if not silent:
        state.line = start + 1
    return True


def add_rules(md) -> None:
    """Register the MyST rules on a MarkdownIt (roles before code spans, which their backticks would start)."""
    md.inline.ruler.before("backticks", "myst_role", role_rule)
    md.inline.ruler.before("link", "pandoc_citation", citation_rule)
    md.inline.ruler.before("link", "pandoc_span", span_rule)
    md.inline.ruler.before("text", "pandoc_in_text_citation", in_text_citation_rule)
    md.inline.ruler.before("text", "myst_definition", definition_marker_rule)
    md.block.ruler.before("paragraph", "myst_target", target_rule,
                          {"alt": ["paragraph", "reference", "blockquote", "list"]})
