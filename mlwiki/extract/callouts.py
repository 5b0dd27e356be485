"""Untitled callouts: a Quarto `::: {.callout-warning}`, an Obsidian `> [!tip]` or a MyST ```` ```{warning} ```` with
no title of its own, holding a short passage of prose. Quarto and Obsidian title it with its kind ("Warning",
"Tip"); so does its card, with what the passage is about when its first sentence says (`topics.callout_topic`):
front "… › Nested CV › Warning: all preprocessing that learns from data", back the passage; "… › James–Stein ›
Warning" when it does not. Its id keeps the kind alone, so a card whose front gains its topic keeps its history.
A warning's text is no part of its section's card (a note's or a
tip's is, when that card holds the section's text: then the callout makes no card of its own).
"""

from __future__ import annotations

from mlwiki.extract.blocks import Block, join_blocks
from mlwiki.extract.html_inline import as_markdown
from mlwiki.extract.label_parts import split_label_parts
from mlwiki.extract.lines import COMMENT, TEXT
from mlwiki.extract.passages import ABOUT_PAGE
from mlwiki.extract.prose import clean_prose
from mlwiki.extract.topics import callout_topic
from mlwiki.extract.voice import without_author
from mlwiki.models import CardKind
from mlwiki.render.spans import MYST_ROLE  # (a reference, "{eq}`eq-krr`": no name in code)

FORM = "callout"
# The kinds a reader studies (not `[!todo]`, `[!quote]`, `[!example]`, nor a question, which `questions` asks)
_KINDS = {"note": "Note", "warning": "Warning", "caution": "Caution", "important": "Important", "tip": "Tip",
          "hint": "Hint", "danger": "Danger", "attention": "Attention", "info": "Info", "summary": "Summary",
          "tldr": "TL;DR", "abstract": "Abstract", "success": "Success", "failure": "Failure", "error": "Error"}
MIN_WORDS, MAX_WORDS = 6, 90
_PANDOC_BOXES = frozenset(("warning", "caution", "important", "tip", "danger", "attention"))  # (not "note": a
# `{.note}` div is read as its section's text, as before)
_ASIDES = frozenset(("note", "tip", "important", "info", "hint"))  # (MyST kinds whose text goes on with the section's)

# Labels that only name a box's role, as a notebook's alert box opens "<b>Note:</b> …": no topic of its text
_ROLE_LABELS = frozenset(("note", "nb", "n.b.", "warning", "tip", "hint", "important", "remark", "caveat", "aside",
                          "caution", "info", "attention"))
_OPENING_CHARS = 200  # (of a callout's text: its first sentence says whether it speaks of the page)


def callout_card(ex, div: Block) -> bool:
    """Make the card of an untitled callout of prose; whether it did (then its text makes no other card)."""
    said = _said_in_title(div)
    if not ex.ctx.sections or div.attrs.get("title", "").strip() and not said or \
            (ex.headings and ex.headings[-1][1].rstrip().endswith("?")):
        return False  # (under a question heading it is part of the answer, on that card)
    myst = div.attrs.get("myst")  # (a MyST ```{warning}: Jupyter Book titles it with its kind too)
    classes = div.attrs.get("classes", ())
    kinds = [c.removeprefix("callout-") for c in classes if c.startswith("callout-") or c == myst
             or len(classes) == 1 and c in _PANDOC_BOXES]  # (Pandoc's `::: {.warning}`, as Zettlr and pandoc's
    # admonition filters write a box: the kind as its one class)
    kind = _KINDS.get(kinds[0]) if kinds else None
    body = [b for b in div.children or [] if not all(ln.kind == COMMENT for ln in b.lines)]  # (its options,
    # `:class: dropdown`, and comments: how the box shows, not its text; `join_blocks` leaves them out)
    if kind is None or not (body or said) or \
            any(b.kind != TEXT or b.skip or any(ln.kind != TEXT and ln.kind != COMMENT for ln in b.lines) for b in body):
        return False  # (formulas, code, boxes or headings in it: their own forms card them)
    back = said or join_blocks(body).strip()
    words = len(back.split())
    path = ex.heading_path()
    if not path or not MIN_WORDS <= words <= MAX_WORDS or ex.in_example():
        return False
    if not without_author(back) or ABOUT_PAGE.match(clean_prose(back[:_OPENING_CHARS])):
        return False  # ("Notebooks are not executed on build — outputs are what I got locally.": the author's story;
        # "Unfinished. The week 3 slides cover this …": the page's own state)
    topic = callout_topic(MYST_ROLE.sub("", as_markdown(back)), path)  # ("… › Nested CV › Warning" warns of what? "…
    # › Warning: all preprocessing …"; "Warning: over-squashing", "Warning: `hz_to_mel`"; a notebook's "<b>…:</b>"
    # label read as the bold it is, "Tip: Recipe for …")
    if topic.casefold() in _ROLE_LABELS:
        topic = ""  # ("<b>Note:</b> several outliers …" in a notebook's alert box: its label only says it is a box)
    front = f"{path} › {kind}: {topic}" if topic else f"{path} › {kind}"
    card = (front, back, div.start, f"{FORM}: {ex.id_path()} › {kind}")
    if myst and kind.casefold() in _ASIDES:
        ex.asides.append((div, card))  # (its text is walked as the section's own: a card only if none holds it)
        return False
    _add(ex, card)
    return True


def _said_in_title(div: Block) -> str:
    """The text of a callout that is all title, a sentence and nothing under it (`> [!warning] Never fit the scaler
    on the test set.`, Docsify's `!> …`): shown as one line in its box, it is the box's text, not its title."""
    title = div.attrs.get("title", "").strip()
    if not title or div.children or len(title.split()) < MIN_WORDS or not title.endswith((".", "!")):
        return ""
    return title


def aside_cards(ex) -> None:
    """At the walk's end, the cards of the untitled MyST notes and tips whose text no other card took: their
    paragraphs were walked as their section's own ("**Generalized policy iteration** is …" is a definition card),
    and a section too long for one card leaves a later one out ("Even a well-pruned single tree is unstable …")."""
    for div, card in ex.asides:
        last = div.children[-1].lines[-1].no if div.children else div.start
        if not any(div.start <= d.line <= last for drafts, _ in ex.drafts for d in drafts):
            _add(ex, card)


def _add(ex, card: tuple[str, str, int, str]) -> None:
    """The callout's card; a box whose text goes on with the role a part plays ("… the MLE doesn't exist. Fixes: a
    ridge, a prior, …", `label_parts`) a card per part, the first keeping the box's id."""
    front, back, line, id_front = card
    parts = split_label_parts(front, back) or [(front, back)]
    ex.add_pair(CardKind.BASIC, front, parts[0][1], line, form=FORM, quiet=True, id_front=id_front)  # (the box's
    # front: its title names what its opening part says, "Danger: Extreme weights" over "Extreme weights: …")
    for part_front, part_back in parts[1:]:
        ex.add_pair(CardKind.BASIC, part_front, part_back, line, form=FORM, quiet=True)
