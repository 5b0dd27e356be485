"""Margin notes and asides: the short facts a writer puts beside the text, a Quarto `::: {.column-margin}` or
`::: {.aside}`, an Obsidian `> [!aside]` / `> [!margin]` / `> [!sidenote]` callout, a MyST ```` ```{margin} ````,
```` ```{sidebar} ```` or ```` ```{aside} ````. One that states a fact about the section it sits in is a card under the
section's heading path, its front the form its text takes:

    **rsLoRA** (2023) argues the scale should be …      →  … › LoRA › rsLoRA
    Swapping arguments: $D_f(Q\\|P) = D_{f^*}(P\\|Q)$ …  →  … › f-divergences › Swapping arguments
    Why contrastive instead of captions? They tried …   →  … › CLIP › temperature  /  Why contrastive instead …?
    GPT-2 also pre-splits with a regex …                 →  the claim's question ("What does GPT-2 also do?")

A margin that only points elsewhere (a link to another note, "See …", "Same story later …"), shows an image or a
figure's caption, or is the writer's own aside ("I think …", "Haven't worked through it.") makes none. Its text is
no part of any other card: the section's cards are what the main text says. Pure."""

from __future__ import annotations

import re
from bisect import bisect_right

from mlwiki.extract.blocks import Block, card_text_lines, join_blocks
from mlwiki.extract.claim_asks import asked_front
from mlwiki.extract.claims import AUX, BEFORE_NOUN, DOES, NOT_VERBS, claim_card
from mlwiki.extract.defining import stems
from mlwiki.extract.firstwords import former_front
from mlwiki.extract.lines import CODE, DIV_OPEN, TEXT, Line
from mlwiki.extract.parts import margin_span
from mlwiki.extract.prose import clean_prose, prefix_heading, sentences
from mlwiki.extract.selfnotes import without_notes
from mlwiki.extract.voice import without_author
from mlwiki.render.spans import FENCE

FORM = "margin"
# Quarto's margin and aside classes (and the Tufte-style names some themes use); Obsidian callouts of these kinds
_DIV_CLASSES = frozenset(("column-margin", "aside", "margin", "sidebar", "sidenote", "marginnote", "margin-note",
                          "callout-aside", "callout-margin", "callout-sidenote", "callout-marginnote"))
_MYST = re.compile(r"\{(?:margin|sidebar|aside)\}")  # (the MyST directives: code to the lines pass, read here)
MAX_WORDS = 90  # (a margin longer than this is a box of its own, not a note beside the text)
# What only points elsewhere: a link to another note (a Markdown link without a scheme, a wiki link), an image
_POINTER = re.compile(r"\[\[|\]\((?![a-z][\w+.-]*:)[^)\s]+\)|!\[")
_SEE = re.compile(r"(?i)(?:see|cf\.?|compare|more (?:on|in)|same story|also (?:in|see))\b")
_QUESTION = re.compile(r"([^?]{8,200}\?)\s+(\S.*)", re.DOTALL)
_BOLD_LABEL = re.compile(r"\*\*(?P<label>[^*\n]{2,60}?)\*\*(?P<aside>[ \t]+\([^()\n]{1,50}\))?")
_COLON_LABEL = re.compile(r"(?P<label>[A-Za-z][^:.!?$`*\n()]{0,48}?)(?P<aside>[ \t]+\([^()\n]{1,50}\))?:[ \t]+(?=\S)")
# A label that only names the margin's kind ("Side note: …"): no subject of its own, its sentence says it
_KIND_LABELS = frozenset(("note", "side note", "aside", "margin", "margin note", "nb", "n.b", "fyi", "remark", "ps", "p.s",
                          "btw", "by the way"))
# What only cites or captions: "Source: …", "Figure 3. …", "Credit: …" (and a margin left with a few words once its
# links, citation keys and years are off)
_CITES = re.compile(r"(?i)(?:sources?|refs?\.?|references?|citations?|credits?|via|image|photo|fig(?:ure)?\.?[ \t]*\d"
                    r"|table[ \t]*\d)\b")
_CITED = re.compile(r"\[[^\]]*\]\([^)]*\)|\[@[^\]]*\]|@[\w:-]+|\(?\b(?:19|20)\d\d[a-z]?\b\)?|https?://\S+")


_MAX_SUBJECT = 8
# A sentence in which the writer says where they stand ("Haven't worked through it.", "Not sure.", "My guess.")
_WRITERS = re.compile(r"(?i)(?:haven['’]t|have not|not yet|not sure|unsure|still (?:need|have) to|need to (?:read|check)|"
                      r"my guess|to do\b|todo\b|parked\b|leaving it\b)")
# A sentence that opens on a word pointing back at the main text ("This is a dimension reduction …"): its subject is
# the section's, which the margin does not name
_POINTS_BACK = frozenset("this that these those it they both".split())
# An adjective whose "to" opens a verb ("… are easy to blur"): a question cut at it ("What are X easy to?") asks nothing
_BEFORE_VERB = frozenset(("easy", "hard", "difficult", "tricky", "likely", "unlikely", "able", "unable", "quick", "slow",
                          "cheap", "costly", "expensive", "safe", "tempting", "impossible", "possible", "simple"))
_ADVERBS = frozenset("also often usually only never always mostly".split())
# A sentence that opens on its condition ("With one-sided …", "Under …"), whose first verb is no subject's
_CONDITIONS = frozenset("with without under when if once for in at after before".split())
_CLAUSE_MARK = re.compile(r"[ \t]*(?:→|=>|[,;:]|[ \t]—|[ \t]–|[ \t]there (?:is|are)\b)")
_BRACKETED = re.compile(r"\([^()\n]*\)")
_QUESTION_WORDS = frozenset("what which why how when where who does do did is are under conditions".split())


def is_margin_div(block: Block) -> bool:
    """Whether a div is a margin note or an aside (a Quarto class, an Obsidian callout's kind)."""
    classes = block.attrs.get("classes", ()) if block.attrs else ()
    return any(c in _DIV_CLASSES for c in classes)


def only_beside(blocks: list[Block], after: int, before: int) -> bool:
    """Whether the lines strictly between line `after` and line `before` of a note (`blocks`: its blocks, in order)
    hold margin notes and blank lines only: a note beside the text does not part a formula from the list that goes
    on from it ("$$…$$", a margin's derivation, "- As $B \\to \\infty$ the second term …")."""
    global _starts
    if _starts[0] is not blocks:
        _starts = (blocks, [b.start for b in blocks])  # (once per note, not per question: a walk asks many)
    k = bisect_right(_starts[1], after)
    found = False
    while k < len(blocks) and blocks[k].start < before:
        if blocks[k].kind != DIV_OPEN or not is_margin_div(blocks[k]) or not blocks[k].end or blocks[k].end >= before:
            return False
        found, k = True, k + 1
    return found


_starts: tuple = (None, [])  # (the blocks of the note asked of last, their first lines)


def margin_div_card(ex, div: Block) -> None:
    """The card of a margin div, when its text states a fact about its section (its text makes no other card)."""
    body = div.children or []
    if not body or any(b.kind != TEXT for b in body) or "no-card" in div.attrs.get("classes", ()):
        return  # (a heading, a formula box or a nested div in it: no short note)
    _card(ex, _titled(div.attrs.get("title", ""), join_blocks(body)), div.start)


def myst_margin_card(ex, block: Block) -> None:
    """The card of a MyST ```{margin}```, ```{sidebar}``` or ```{aside}``` in a paragraph (its lines are code to
    every other form, which leave it out of their cards: the section's cards stay as they are)."""
    lines = block.lines
    first = lines[0].text.lstrip()
    if first[:1] not in "`~" or not (fence := FENCE.match(lines[0].text)) or not _MYST.match(fence.group(2).strip()):
        return
    body: list[Line] = []
    for line in lines[1:]:
        if line.kind == CODE and (end := FENCE.match(line.text)) and not end.group(2).strip() and \
                end.group(1)[0] == fence.group(1)[0] and len(end.group(1)) >= len(fence.group(1)):
            break
        if not line.text.lstrip().startswith(":"):  # (a directive's option, `:class: …`)
            body.append(line)
    text = "\n".join(ln.text for ln in card_text_lines(body)).strip()
    _card(ex, _titled(fence.group(2).strip()[len(_MYST.match(fence.group(2).strip())[0]):], text), block.start)


def _titled(title: str, text: str) -> str:
    """A margin's text led by its title as a label ("> [!aside] Warmup" over "1% of the steps" → "Warmup: 1% of
    the steps"), so its card is named by it; the text alone when it has none."""
    title = clean_prose(title).strip().rstrip(":")
    return f"{title}: {text}" if title and text and not title.endswith("?") else (f"{title} {text}" if title else text)


def span_card(ex, block: Block) -> bool:
    """The card of a paragraph that is only a Quarto margin span, `[text]{.aside}` or `[text]{.column-margin}`;
    whether it was one (then it is no paragraph of the main text)."""
    span = margin_span(block)
    if span is None:
        return False
    _card(ex, span, block.start)
    return True


def _card(ex, text: str, line: int) -> None:
    """Add the card of a margin's text under the section's path, when it is one (`margin_card`)."""
    path = ex.heading_path()  # (in a worked example too: a note beside it is no step of the example)
    if not path:
        return
    found = margin_card(path, text)
    if found is not None:  # (with the front it had when "X is …" was always asked "What is X?": its id)
        ex.margin_notes.append((*found, line, margin_card(path, text, as_before=True)[0]))


def add_margin_cards(ex) -> None:
    """At the walk's end, the cards of the margin notes met: made then, so that the section a note sits in is
    read as it would be without it (its card is no card made from the section's lines)."""
    for front, back, line, before in ex.margin_notes:
        ex.add_card(FORM, front, back, line, id_front=(former_front(before, back) or before) if before != front else "")


# A sentence's opening that tells the reader to look at what follows: "Note (that) …", "Recall that …"
_LOOK_HERE = re.compile(r"(?:Note|Notice|Observe|Remember|Recall)(?:,? that)?[ \t]+(?=[\w$*])")


def margin_card(path: str, text: str, as_before: bool = False) -> tuple[str, str] | None:
    """(front, back) of a margin note's text under the heading `path`; None when it only points elsewhere, shows an
    image, is the writer's aside, or has no form that says what it is about."""
    text = "\n".join(ln.strip() for ln in text.strip().splitlines())
    if not text or _POINTER.search(text) or _SEE.match(text) or _CITES.match(text) or len(text.split()) > MAX_WORDS:
        return None
    if len(_CITED.sub(" ", text).split()) < 4:
        return None  # ("Chen et al. [2020](https://…)": only who said it)
    text = " ".join(without_notes(without_author(" ".join(text.split()))).split())
    if _WRITERS.search(text):  # ("… even smaller. Haven't worked through it.": the fact stays, the aside goes)
        text = " ".join(s.strip() for s in sentences(text) if not _WRITERS.match(s.strip()))
    if len(text.split()) < 4:
        return None  # (all of it the writer's: "Haven't worked through it.", "I think so.")
    if (lead := _LOOK_HERE.match(text)) is not None:  # ("Note the first term of EI is negative": the imperative is
        text = text[lead.end()].upper() + text[lead.end() + 1:]  # no subject; what it points at is)
    if asked := _QUESTION.fullmatch(text):  # ("Why contrastive instead of predicting the caption? They tried …")
        return prefix_heading(path, asked.group(1).strip()), asked.group(2).strip()
    if (label := _BOLD_LABEL.match(text) or _COLON_LABEL.match(text)) is not None:
        name = clean_prose(label.group("label")).strip()
        if name.casefold() not in _KIND_LABELS and len(name.split()) <= 6:
            rest = text[label.end():].lstrip(" :—–-") if label.re is _COLON_LABEL else text
            return f"{path} › {name}{label.group('aside') or ''}", rest
        if label.re is _COLON_LABEL and name.casefold() in _KIND_LABELS:
            text = text[label.end():]  # ("Side note: the momentum encoder …": its sentence names its subject)
            text = text[:1].upper() + text[1:]
    opening, arrow = _opening(text)  # ("With one-sided X (…) there are …", "Serial correlation → …": asked by it)
    if opening and (arrow or opening.split(None, 1)[0].casefold() in _CONDITIONS):
        return f"{path} › {opening} …", text  # (its first verb is no subject's: "What is With X there?")
    claim = claim_card(text, stems(path), path)
    if claim is not None:
        return prefix_heading(path, asked_front(*claim, path, as_before)), text
    subject = "" if text.split(None, 1)[0].casefold() in _CONDITIONS else _subject(text)
    if subject:
        return prefix_heading(path, _asked(subject, text, path, as_before)), text
    return (f"{path} › {opening} …", text) if opening else None


def _opening(text: str) -> tuple[str, bool]:
    """The phrase a margin's claim opens on before its first clause mark (an arrow, a comma, a dash, "there is"),
    without its brackets: the condition or cause the note states something of ('' when it is no short phrase); and
    whether an arrow follows it (a cause and what it leads to)."""
    cut = _CLAUSE_MARK.search(text)
    if cut is None:
        return "", False
    phrase = " ".join(_BRACKETED.sub(" ", text[:cut.start()]).split())
    if ". " in phrase or "{" in phrase or "`" in phrase:
        return "", False  # (past its first sentence, or a role in it: "Holland's phrase {cite:p}`h86`. Also his: …")
    if not (2 <= len(phrase.split()) <= _MAX_SUBJECT and phrase[-1:].isalnum()):
        return "", False
    return phrase, cut.group().strip() in ("→", "=>")


def _subject(text: str) -> str:
    """The words a margin's first sentence opens on before its verb ("GPT-2 also pre-splits …" → "GPT-2",
    "Random cropping gives …" → "Random cropping"); '' when none is found in its first words."""
    words = text.split(None, _MAX_SUBJECT + 1)[:_MAX_SUBJECT + 1]
    if words and words[0].casefold() in _POINTS_BACK:
        return ""  # ("This is …": what it is is said beside it, in the main text)
    depth = 0
    for k, word in enumerate(words):
        depth += word.count("(") - word.count(")")
        if k and not depth and word[-1:].isalpha() and (word in _ADVERBS or word in AUX):
            return " ".join(words[:k + (word in _ADVERBS) + 1])
    for k, word in enumerate(words):  # (no adverb: the first verb in the present, "… caches a low-rank latent")
        if k and word not in NOT_VERBS and words[k - 1].casefold() not in BEFORE_NOUN and DOES.fullmatch(word):
            return " ".join(words[:k + 1])
    return ""


def _asked(subject: str, text: str, path: str, as_before: bool = False) -> str:
    """The question a claim's form asks of it ("What does PyTorch's `AdamW` do?"), when every word of it is the
    sentence's or a question's own; the subject with "…" otherwise ("GPT-2 …")."""
    shown = f"{subject.rsplit(None, 1)[0]} …"
    question = asked_front(shown, text, path, as_before)
    if question == shown or question.startswith("What does ") and question.endswith(" do?"):
        return f"{subject} …"  # ("What does GPT-2 do?" asks for all it does: its verb says what is asked)
    words = set(re.findall(r"[\w'`-]+", text.casefold()))
    asked = question.rstrip("?").split()
    if len(asked) > 1 and asked[-1] == "to" and asked[-2].casefold() in _BEFORE_VERB:
        return f"{subject} …"  # ("What are X easy to?": the verb it is easy to do is what the note says)
    if all(w in words or w in _QUESTION_WORDS for w in re.findall(r"[\w'`-]+", question.casefold())):
        return question[:1].upper() + question[1:]
    return f"{subject} …"
