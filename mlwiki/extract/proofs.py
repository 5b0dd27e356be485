"""The idea of a proof as one card: a sphinx-proof ```` ```{prf:proof} ```` (or `:::{prf:proof}`, or Quarto's
`::: {.proof}`) block, or a "Proof." / "*Proof:*" / "Proof sketch —" paragraph, right after a titled statement
(`{prf:theorem} Gibbs' inequality`, a Quarto `::: {#thm-gibbs}` titled inside, see `statements`) is recalled as
"… › Gibbs' inequality › Proof idea": its method and where it ends, never its steps. A proof with no titled
statement before it names nothing to ask about, and makes no card; its formulas make none."""

from __future__ import annotations

import re
from dataclasses import replace

from mlwiki.extract import statements
from mlwiki.extract.blocks import Block, card_text_lines, join, text_of
from mlwiki.extract.lines import CODE, DIV_OPEN, HEADING, MATH, TEXT
from mlwiki.extract.prose import clean_prose
from mlwiki.extract.tidy import AUTHORED
from mlwiki.models import CardKind

# the statements a proof proves (sphinx-proof's directive names)
_STATEMENTS = frozenset("prf:theorem prf:lemma prf:proposition prf:corollary prf:property prf:criterion".split())
_PROOF_FENCE = re.compile(r"[ \t]*(`{3,}|:{3,})\{prf:proof\}")
# a paragraph that opens a proof: "Proof.", "*Proof:*", "_Proof_.", "**Proof sketch**", "Proof idea —", "Proof sketch
# (redo!):" (the writer's aside left off)
_PROOF_LEAD = re.compile(r"[ \t]*(?:\*\*|__|\*|_)?Proof(?:[ \t]+(?:sketch|idea))?(?:[ \t]*\([^()\n]{1,40}\))?"
                         r"(?:[.:]?(?:\*\*|__|\*|_)[ \t]*[.:—–]?|[ \t]*(?:[.:—–]|-(?=[ \t])))[ \t]*",
                         re.IGNORECASE)
# a statement in prose that names itself: "**Theorem (Gibbs' inequality).** …", "### Lemma: descent lemma" (not a
# citation, "**Theorem** ([[Book|@Eck23, Theorem 5.1]])": a source, no name)
_NAMED = r"(?:Theorem|Lemma|Proposition|Corollary)[ \t]*(?:\(([^()\[\]@]{2,60})\)|[:—–][ \t]*([^*\n]{2,60}?))"
_BOLD_STATEMENT = re.compile(r"[ \t]*\*\*" + _NAMED + r"[.:]?\*\*")
_HEADING_STATEMENT = re.compile(r"[ \t]*#*[ \t]*" + _NAMED + r"[ \t]*$")
_OPTION = re.compile(r"[ \t]*:[\w-]+:")
_END_MARK = re.compile(r"[ \t]*(?:\$\\(?:square|blacksquare|Box|qed)\$|∎|□|\\qed)[ \t]*\.?[ \t]*$")
_ASIDE_FIRST = re.compile(r"^\([^()]{0,80}\)[ \t]*")  # "(of the strongly convex one, it's 2 lines) Descent lemma …"
_MATH_SPAN = re.compile(r"\$\$.*?\$\$|\$[^$]+\$", re.S)
# the sentences of a long proof that name its method
_METHOD = re.compile(r"\b(?:by|using|uses|via|apply|applying|combine|union bound|induction|contradiction|Jensen|"
                     r"Markov|Chebyshev|Hoeffding|Cauchy|triangle inequality|convexity|telescop|unroll)", re.IGNORECASE)
# (a sentence ends at its full stop, or at the display formula it ends on: "… so $$…$$ Union bound over …" is two)
_SENTENCE = re.compile(r"(?<=[.;])[ \t]+(?=[A-Z$(])|(?<=\$\$)[ \t]+(?=[A-Z])")
MAX_WORDS = 60
FORM = "proof idea"


def statement_title(block: Block | None) -> str:
    """The title of a statement div, a sphinx-proof `{prf:theorem} Weak duality` or a Quarto `::: {#thm-weak}`
    titled inside, or ""."""
    return statements.statement_title(block, _STATEMENTS)


def _named(match: re.Match | None) -> str:
    return clean_prose((match.group(1) or match.group(2) or "").strip(" .")) if match else ""


def title_before(blocks: list[Block], i: int) -> str:
    """The name of the statement right before blocks[i]: a titled sphinx-proof div, a paragraph opening
    "**Theorem (Name).**", or a paragraph under a heading "### Theorem (Name)"; or ""."""
    before = blocks[i - 1] if i else None
    if before is None or before.kind != TEXT:
        return statement_title(before)
    opening = before.lines[0].text
    if opening.lstrip().startswith("**") and (name := _named(_BOLD_STATEMENT.match(opening))):
        return name
    heading = blocks[i - 2] if i > 1 else None
    return _named(_HEADING_STATEMENT.match(heading.lines[0].text)) if heading and heading.kind == HEADING else ""


def proof_card(walker, blocks: list[Block], i: int) -> int | None:
    """A proof right after a titled statement: one card of its idea; the index of the block after it, or None
    when blocks[i] is no such proof, or a paragraph (its card is added once the sections are closed)."""
    block = blocks[i]
    title = title_before(blocks, i)
    if not title or walker.in_example():
        return None
    first, sketch = block.lines[0], False
    if block.kind == TEXT and first.kind == CODE and _PROOF_FENCE.match(first.text):
        body = [ln.text for ln in block.lines[1:] if not _OPTION.match(ln.text)]
        if body and body[-1].strip().strip("`:") == "":
            body.pop()  # (the closing fence)
        after = i + 1
    elif block.kind == DIV_OPEN and (_PROOF_FENCE.match(first.text) or "proof" in block.attrs.get("classes", ())):
        body = [text for b in block.children if b.kind == TEXT and (text := join(card_text_lines(b.lines)))]
        # (its text without its options: `:class: dropdown` is how the book shows it)
        after = i + 1
    elif block.kind == TEXT and first.kind != CODE and (lead := _PROOF_LEAD.match(first.text)):
        body, after = [first.text[lead.end():], *(ln.text for ln in block.lines[1:])], i + 1
        sketch = any(word in lead.group().lower() for word in ("sketch", "idea"))  # (the writer's summary already)
        if body[-1].rstrip().endswith(":") and after < len(blocks) and blocks[after].kind == TEXT and \
                blocks[after].lines[0].kind == MATH:
            body.append(text_of(blocks[after]))  # ("Proof sketch — Jensen on the concave log:" over its formula)
            after += 1
    else:
        return None
    back = proof_idea("\n".join(body), whole=sketch)
    if back:
        path = walker.heading_path()
        if not path.endswith(title):  # ("## Data processing inequality" over the theorem of that name)
            path = f"{path} › {title}" if path else title
        last = blocks[after - 1].end or blocks[after - 1].lines[-1].no
        walker.proof_ideas.append((f"{path} › Proof idea", back, block.start, last, body[0].strip()[:60]))
    if block.kind == TEXT and first.kind != CODE:
        return None  # (the sections read a proof's paragraph as before; its cards give way to the idea's)
    return after  # (a fenced proof was code, no card, to the rules that read a section)


def add_proof_ideas(walker) -> None:
    """The cards of the proofs met on the walk, once the sections are closed: the cards made of a proof's own
    lines or text (its formula, a "Proof:" paragraph's card) give way to its idea's."""
    for front, back, first, last, opening in walker.proof_ideas:
        kept, gone = [], []
        for drafts, path in walker.drafts:
            said = len(opening) >= 20 and drafts[0].line <= last and opening in drafts[0].back and \
                len(drafts[0].back) < len(back) + 80  # (a card of the proof's text, not one that quotes it)
            own = drafts[0].form not in AUTHORED and (first <= drafts[0].line <= last or said)
            (gone if own else kept).append((drafts, path))
        walker.keep_drafts(kept)
        if walker.add_card(FORM, front, back, first):
            said = [drafts[0] for drafts, _ in gone if drafts[0].kind == CardKind.BASIC and opening in drafts[0].back]
            if said:  # (a "Proof:" paragraph's card reworded: its id, and its reviews, stay)
                drafts, path = walker.drafts[-1]
                walker.drafts[-1] = ([replace(drafts[0], id_front=said[0].id_front)], path)


def proof_idea(text: str, whole: bool = False) -> str:
    """A proof's idea: the whole of a short one or of a sketch (`whole`); of a long one, its first sentence,
    those that name its method and its last, up to about MAX_WORDS words."""
    text = _ASIDE_FIRST.sub("", _END_MARK.sub("", text.strip()).strip())
    if whole or _words(text) <= MAX_WORDS:
        return text
    units = _units(text)
    chosen = [0, *(k for k in range(1, len(units) - 1) if _METHOD.search(_MATH_SPAN.sub("", units[k]))),
              len(units) - 1]
    kept, words = [], 0
    for k in dict.fromkeys(chosen):
        if words + _words(units[k]) > MAX_WORDS and kept and k != len(units) - 1:
            continue
        kept.append(units[k])
        words += _words(units[k])
    return "\n".join(kept) if any(u.lstrip().startswith(("- ", "* ", "1")) for u in kept) else " … ".join(kept)


def _units(text: str) -> list[str]:
    """A proof's steps: its list items, or else its sentences."""
    lines = [ln for ln in text.splitlines() if ln.strip()]
    if sum(ln.lstrip().startswith(("- ", "* ")) for ln in lines) >= 2:
        return lines
    return [u for u in _SENTENCE.split(" ".join(ln.strip() for ln in lines)) if u.strip()]


def _words(text: str) -> int:
    """Words a reader reads: a formula as one for each 12 characters of it (a long one reads as a clause)."""
    formulas = sum(1 + len(m.group()) // 12 for m in _MATH_SPAN.finditer(text)) if "$" in text else 0
    return len(_MATH_SPAN.sub(" ", text).split()) + formulas
