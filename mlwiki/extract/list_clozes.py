"""Overlapping clozes of a section card's list: a card whose front is only its heading path ("GAT › Why it's nice"),
or the path and one question ("REINFORCE › Weaknesses / What are the weaknesses of REINFORCE?"), over a list of
claims ("- works inductively …", "- cost per head: $O(|V|FF' + |E|F')$ …", "- still not more expressive than 1-WL
…") asks for all of them at once, and a learner cannot recall four facts from a front that tells none apart. The
way SuperMemo and Anki users learn such an enumeration is one card per item: the front shows the list's heading (and
question) and its other items, the item asked hidden as `[...]` (its own label kept, "- cost per head: [...]": the
label says what is asked); the back is that item alone.

Around the list: a paragraph that opens the section is a fact of its own and stays the heading's card; so do the
sentences before the one that introduces the list ("Cheap, reproducible, no risk to users." before "But:"), and an
introducing sentence that says a fact ("A study found that … came from code-level choices:"). The paragraph that
introduces the list ("Why:"), a line naming where its claims come from, an item that only gives an example ("- e.g.
…") and a part that only points elsewhere ("- details → [[note]]") are shown on every card and asked on none. A
paragraph after the list is asked on a card of its own, the list shown above it.

Only a list a learner can study this way: two to `MAX_PARTS` parts asked, each short enough to read beside the
others (`MAX_PART_WORDS`, `MAX_WORDS` in all), of claims. A list stays one card when it is one answer as it stands:
short items, recalled whole ("To get an interval: resample …, recompute …, read off …"), names ("- Pointwise", "-
Pairwise"), steps in their order (numbered), a pair written alike, either of which gives the other away ("H0: …" /
"H1: …"), an outline (items over lists of their own), an index of what cards of their own explain; or when its
items cannot cue one another: a day's log, a log of dated entries, a timeline, a map of notes, the writer's open
doubts.

The first card keeps the section card's id (its review history); each other card's id is made of the part it asks,
so editing a sibling keeps it. The cards are basic ones, not Anki clozes: a card's kind is part of its id, and its
back is the one item asked. Pure: drafts in, drafts out.
"""

from __future__ import annotations

import re
from dataclasses import replace

from mlwiki.extract.bold_cues import bold_shown
from mlwiki.extract.carded_items import carded_apart
from mlwiki.extract.brief_items import brief, fits_briefly
from mlwiki.extract.closings import FORM
from mlwiki.extract.counted import counts
from mlwiki.extract.daily import DAY_LOG, is_date, is_day_stamp
from mlwiki.extract.draft import Draft
from mlwiki.extract.generic_labels import widened
from mlwiki.extract.inner_blanks import inner_shown, told_elsewhere
from mlwiki.extract.day_bullets import dated
from mlwiki.extract.item_cues import SLIPS, item_cue, lead_cue, name_cue, slip_cue
from mlwiki.extract.item_sides import signed_list, steps_with_sides, wrapped
from mlwiki.extract.sentence_cues import clause_cue, item_lead
from mlwiki.extract.spare_cues import spare_shown
from mlwiki.extract.subject_cues import fuller
from mlwiki.extract.steps import FRONT as STEPS
from mlwiki.extract.lines import LIST_ITEM, NUMBERED_ITEM
from mlwiki.extract.list_cards import LIST_FORM
from mlwiki.extract.prose import clean_prose, sentences
from mlwiki.models import CardKind

HIDDEN = "[...]"
ASKING_FORMS = frozenset((FORM, "question-heading", "bold-question"))  # (a section's card; a question's over a list)
LEAD_FORMS = ASKING_FORMS | {LIST_FORM}  # (a list's card, its front the path and the line introducing it)
MIN_PARTS, MAX_PARTS = 2, 7
MIN_BRIEF_ITEMS = 3  # items too long to show whole: a list of this many asked apart under a bare heading
MAX_PART_WORDS = 45  # a part longer than this is a passage: beside the others, the front would be a page
MAX_WORDS = 160
MIN_LONG_WORDS = 12  # a list none of whose items is this long is recalled whole, as one answer; a claim this long
# beside others is one a learner recalls alone
MIN_CLAIM_WORDS = 4  # an item shorter than this names something: a list of names is one enumeration
MIN_SAID_WORDS = 2  # a part with fewer words besides its links points elsewhere ("Toy version → [[bo-toy]]")
MIN_INTRO_FACT_WORDS = 10  # a sentence introducing the list this long may say a fact of its own
MAX_SOURCE_WORDS = 15  # a line naming where the list's claims come from is no longer
MAX_NESTED_LINES = 2  # under one item: a wrapped line or two, or one aside
MAX_LABEL_WORDS, MAX_CAUSE_WORDS = 5, 8
MAX_DAY_LABEL_WORDS = 12  # (a day's bullet's label may be its whole question: "On why the kernel needs a ridge:")
MIRROR_SHARE = 0.4  # of two items' words, shared: the one shown says what the other is
TWIN_SHARE = 0.7  # of any two items' words after their labels, shared: one says what the other does

# A part that is no plain prose or list: code, a display formula, a table, a quote, a callout
_NOT_PROSE = re.compile(r"(?m)^[ \t]*(?:```|~~~|\$\$|\||>|:::|<)")
# Headings whose items cannot cue one another: the writer's open doubts, a log of days
_DOUBTS = re.compile(r"(?i)[\W\d_]*(?:still[ \t]+)?(?:confused|unsure|unclear|open[ \t]+questions?)(?:[ \t]+about)?"
                     r"[\W\d_]*")
_LOG = re.compile(r"(?i)(?:^|\W)(?:(?:study|reading|work|lab|change)[ \t]*log|log[ \t]*book|journal|diary)(?:\W|$)")
# An item's lead: its bold opening or what comes before its first mark ("**6 Oct** -- …", "2024-03-04: …")
_LEAD = re.compile(r"[*_]*([^*_:\n]{1,25}?)[*_]*[ \t]*(?::|--|[—–]|$)")
_YEAR = re.compile(r"[*_]*(?:1[5-9]|20)\d\d\b")  # ("- 1997 Freund and Schapire publish AdaBoost": a timeline)
_LINK_FIRST = re.compile(r"[*_]*(?:\[\[|\[[^\]\n]*\]\(|<?https?://)")  # ("- [[2025…]] Epistemic vs …": a map)
# A line that introduces the list after it ("Why:", "Denominator near zero →"): it says what the items are
_INTRODUCES = re.compile(r"(?::|→|⇒|->)[*_]*[ \t]*$")
# A paragraph whose sentence breaks off on a conjunction the list goes on from ("… a perfect fit exists, and" over
# "- …;" "- …"): it leads into the list as a colon does; what it says before the conjunction is a claim of its own
_LEADS_INTO = re.compile(r",?[ \t]+(?:and|or|but|whereas|where|so)[*_]*[ \t]*$")
# What only announces the list: "… the following …:", "…, for example:", "…, including:", "we can look at:"
_ANNOUNCES = re.compile(r"(?i)\b(?:the following|as follows|below|for (?:example|instance)|e\.g\.|including|such as|"
                        r"look at|these|here)\b[^.;!?]*$")
# A lead-in that calls its items claims each: "Two things follow:", "Facts (…):", "Properties worth remembering:"
_CLAIMS = re.compile(r"(?i)\b(?:facts?|propert(?:y|ies)|consequences?|observations?|takeaways?|lessons?|"
                     r"implications?|(?<!as )follow)\b")  # ("… as follows:" announces steps)
_SETS_UP = re.compile(r"(?:Take|Let|Consider|Suppose|Assume|Given|Fix|Pick)\b")  # (a derivation's first words)
_ASIDE = re.compile(r"[*_]*\([^()\n]*\)[*_.]*")  # (a line all in brackets: an aside on the text's source)
_CITES = re.compile(r"\bet al\b|\b(?:19|20)\d\d\b")  # (a source named: a paper's authors or year)
_EXAMPLE = re.compile(r"(?i)[*_]*(?:e\.\s?g\.|for example|for instance|examples?\b|ex\.)")
# Where a part points instead of saying: a link, a page, a role ("{doc}`bo_toy`"); "see …", "related: …"
_POINTS = re.compile(r"\{[\w:-]+\}`[^`\n]*`|\[\[[^\]\n]*\]\]|\[[^\]\n]*\]\([^)\n]*\)")
_SEE = re.compile(r"(?i)[\W_]*(?:(?:also )?see|cf\.|more (?:on this )?(?:in|at|on)|details (?:in|at)|related)\b")
# An item's own label, kept on the front: "cost per head: …", "**Caveat:** …", "too few layers → …"
_LABEL = re.compile(r"(?P<label>\**[^:→*\n]{2,60}?(?::\*\*|\**[ \t]*(?P<sep>:|→|->)))[ \t]+(?=\S)")
# The label a blank keeps as its cue: an aside in brackets in it is one piece, not counted among its words (it says
# where or when: "Pre-LN (GPT-2 and most models since): [...]"), and no colon inside it ends the label
_CUE_LABEL = re.compile(r"(?P<label>\**(?:[^:→*\n(]|\([^()\n]{0,80}\)){2,60}?(?::\*\*|\**[ \t]*(?P<sep>:|→|->)))"
                        r"[ \t]+(?=\S)")
_ASIDE_IN = re.compile(r"[ \t]*\([^()\n]*\)")
# An item's subject and verb, shown before its blank when it has no label ("- SVR uses [...]", "- $L_1$ is [...]"):
# a formula, a bold term or up to three words (no pronoun: "It is [...]" cues nothing), then a verb
_SUBJECT = re.compile(r"(?P<subject>\$\$?[^$\n]{1,60}\$\$?|\*\*[^*\n]{1,40}\*\*|(?!(?:it|this|that|these|those|they|"
                      r"there|we|you|each|all|both|one|which|if|when|whenever|while|since|because|as|although|though|"
                      r"unless|once|assuming|given|so|but|and|or|then|thus|hence|for|in|on|at|with|by|to)\b)[^\W\d_][\w-]*(?:[ \t][\w-]+){0,2}?)[ \t]+"
                      r"(?:is|are|has|have|uses|needs|gives|means|makes|can(?:not|'t)?|does(?:n't)?|must|will)[ \t]+"
                      r"(?=\S)", re.IGNORECASE)
_WORD = re.compile(r"\w+")
_PLAIN_WORD = re.compile(r"[^\W\d_]{2,}")

Part = tuple[str, str, bool]  # (kind, text, asked): "item" (a top-level item, what is nested under it) or "para"


def list_clozes(drafts: list[tuple[list[Draft], str]]) -> list[tuple[list[Draft], str]]:
    """Each section card whose front is only its heading path over a list of claims (see the module's doc), as
    overlapping clozes: a card per part asked, in the list's order; a paragraph that opens the section before its
    list stays on the heading's card. Every card keeps the section's line: a reworded note's cards find the ids
    they had by line and order (`title_heading.keep_ids`)."""
    out: list[tuple[list[Draft], str]] = []
    heads = [d.front.split("\n\n", 1)[0] for group, _ in drafts for d in group]
    for group, path in drafts:
        draft = group[0]
        below = [head[len(path) + 3:] for head in heads if head.startswith(f"{path} › ")]  # (its items' own cards)
        back = signed_list(draft.back) or draft.back  # ("\\+ …\\", "− …": pros and cons, a list)
        found = _parts(back, below, _says_claims(draft.front[len(path):]), bool(draft.front[len(path):].strip())) \
            if len(group) == 1 and draft.kind == CardKind.BASIC \
            and _enumerates(draft, path) and not _indexes(draft.back, below) else None
        if found is None:
            out.append((group, path))
            continue
        if carded_apart(draft, drafts):
            continue  # (each item is asked by its own label already)
        slips = bool(SLIPS.search(path.rsplit(" › ", 1)[-1]))  # ("Things I still get wrong": no item cues another)
        elsewhere = [d.back for other, _ in drafts if other is not group for d in other]
        out += [([card], path) for card in _cloze_cards(draft, *found, slips=slips, alone=dated(path),
                                                         elsewhere=elsewhere)]
    return out


def asked_apart(back: str) -> bool:
    """Whether a section card of this back under a bare heading would be asked item by item with its other items
    shown by their opening words (`brief_items`): a list too long for one card that a learner still studies."""
    found = _parts(back, [])
    return found is not None and found[2]


def _enumerates(draft: Draft, path: str) -> bool:
    """Whether a card's front asks for its list as a whole: only its heading path (a section's card), or the path
    and one question the list answers ("Learned\n\nWhen does it help?", "REINFORCE › Weaknesses\n\nWhat are the
    weaknesses of REINFORCE?") or one line that introduces it ("Bound\n\nThree facts follow:"), which says no more
    of each item than a bare heading does; a bare path or lead-in only under a heading whose items may cue one
    another."""
    if draft.form not in LEAD_FORMS or not draft.front.startswith(path) or "\n\n" in path:
        return False
    if draft.form == LIST_FORM and draft.front == path and path.endswith(f" › {STEPS}"):
        return _may_enumerate(path)  # (a recipe's steps card: asked step by step only when its steps carry side
        # facts, `_parts`; bare steps stay the one answer "… › steps")
    asked = draft.front[len(path):]
    if asked and (not asked.startswith("\n\n") or "\n" in asked[2:]):
        return False
    if asked.rstrip().endswith("?"):  # (a question says what its list answers, under a day's "Learned" too)
        return draft.form in ASKING_FORMS
    if draft.form == LIST_FORM and (asked or NUMBERED_ITEM.match(draft.back)) and not _says_claims(asked):
        return False  # (a list's own lead-in may set up steps or parts, "In more detail:", one answer as it stands;
        # the bullets under a label line, "My takeaways:", are asked under it as under a heading; its steps in order
        # stay one answer)
    return (not asked or bool(_INTRODUCES.search(asked))) and _may_enumerate(path)


def _indexes(back: str, below: list[str]) -> bool:
    """Whether most of a list's items name what cards of their own explain ("- pick the **eviction policy**" beside
    the card "… › pick the **eviction policy**"): the index a split of the list left, one enumeration. (One item
    naming a sub-heading's card, "- **label smoothing**", is one item among claims.)"""
    if not below:
        return False
    items = [line for line in back.split("\n") if LIST_ITEM.match(line) and not line[:1].isspace()]
    labels = [bare for label in below if (bare := _bare(label))]
    return 2 * sum(any(_bare(item).startswith(label) for label in labels) for item in items) > len(items)  # (an item
    # that opens on a card's label names it; one that only mentions it, "Matérn ν: … ∞ = SE" beside "… › SE", is a
    # claim of its own)


def _may_enumerate(path: str) -> bool:
    """Whether the items under this heading may cue one another: not a day's log ("TIL", "2024-03-06"), a log of
    days ("Study log") or the writer's open doubts ("Confused about")."""
    last = path.rsplit(" › ", 1)[-1]
    return not (DAY_LOG.fullmatch(last) or is_date(last) or is_day_stamp(last) or _DOUBTS.fullmatch(last)
                or _LOG.search(path))


def _says_claims(asked: str) -> bool:
    """Whether the line introducing a list calls its items claims each ("Two facts follow:", "Properties worth
    knowing:", "Consequences:"): then even short items, a formula and a few words each, are facts asked apart."""
    return bool(_INTRODUCES.search(asked) and _CLAIMS.search(asked))


def _parts(back: str, below: list[str], claims: bool = False, asked: bool = False) -> tuple[str, list[Part], bool] | None:
    """(the paragraph that opens the section before its list, '' if none; the parts the clozes show, in order;
    whether the items are too long to show whole beside a blank, `brief_items`); None unless the back is one flat
    list, with at most a paragraph and a line that frames the list before it and a paragraph after it, that a
    learner can study item by item. `asked`: the front asks what the list answers (a question, a lead-in)."""
    if _NOT_PROSE.search(back):
        return None
    parts = _split(back)
    kinds = "".join(kind[0] for kind, _ in parts)
    numbered = [text for _, text in parts if NUMBERED_ITEM.match(text)]
    if not re.fullmatch(r"p{0,2}i{2,}p?", kinds) or numbered and not steps_with_sides(numbered):
        return None  # (one list; not bare steps in their order, one procedure: steps each with a side fact are asked
        # apart)
    lead = parts.pop(0)[1] if kinds[0] == "p" and not _frames(parts[0][1]) else ""
    if parts[0][0] == "para" and not _frames(parts[0][1]) or parts[1][0] == "para":
        return None  # (before the list, one paragraph and a line that frames it at most)
    if not lead and parts[0][0] == "para":
        lead = _before_introduction(parts[0][1])  # (and the whole paragraph frames the list on each item's card)
    named = {_bare(label) for label in below}
    found = [(kind, text, _asked(kind, text) and _bare(text) not in named) for kind, text in parts]  # (an item that
    # only names what a card of its own explains, "- **label smoothing**" over "… › label smoothing": shown)
    if found[-1][0] == "para" and found[-1][2] and _hidden("para", found[-1][1]) == HIDDEN:
        return None  # (a remark after the list, asked as a bare "[...]", cues nothing: the section stays one card;
        # one with its own label or subject, "Rule of thumb: [...]", "$F$ must [...]", is asked on its own card)
    studied = [part for part in found if part[0] != "item" or _bare(part[1]) not in named]  # (an item that only
    # names its own card's label, "- lengthscale" beside "… › lengthscale", is a stub its card left: no name of a
    # list of names, which would keep the claims beside it on one card)
    if not any(kind == "item" for kind, _, _ in studied):
        return None
    shown = _studiable(studied, claims, asked or bool(lead) or any(kind == "para" and not ask for kind, _, ask in found))
    return (lead, found, shown == _BRIEF) if shown else None


def _split(back: str) -> list[list[str]]:
    """A back's parts in order, each [kind, text]: its top-level list items (with what is indented under them) and
    its paragraphs (a line after a list that is not indented under its last item starts one)."""
    parts: list[list[str]] = []
    for chunk in (c for c in back.split("\n\n") if c.strip()):
        if parts and parts[-1][0] == "item" and chunk[:1].isspace():
            parts[-1][1] += "\n\n" + chunk  # (an item's indented paragraph)
            continue
        fresh = True  # (a paragraph starts at each blank line)
        for line in chunk.split("\n"):
            if LIST_ITEM.match(line) and not line[:1].isspace():
                parts.append(["item", line])
            elif parts and not fresh and (parts[-1][0] == "para" or line[:1].isspace()):
                parts[-1][1] += "\n" + line
            else:
                parts.append(["para", line])
            fresh = False
    return parts


def _frames(text: str) -> bool:
    """Whether a paragraph before the list only frames it: it introduces the list ("Why:") or says where its
    claims come from ("Yosinski et al. 2014, *How transferable …*", "(lecture + my own take)"), no fact to ask
    alone."""
    return bool(_INTRODUCES.search(text) or _LEADS_INTO.search(text)) or len(text.split()) <= MAX_SOURCE_WORDS \
        and bool(_CITES.search(text) or _ASIDE.fullmatch(text.strip()))


def _before_introduction(text: str) -> str:
    """What a paragraph that introduces the list says of its own, a fact to ask on the heading's card: the sentences
    before the one that introduces the list ("Replay logs, … Cheap, reproducible, no risk to users." before
    "But:"), or that one sentence when it says more than what follows ("Engstrom et al. showed much of PPO's edge
    comes from code-level tricks:", its colon a full stop); '' when it only announces the list ("Three kinds:",
    "… as follows:", "…, for example:") or sets up a derivation ("Take $L = e^{-yf}$ …")."""
    if _SETS_UP.match(text):
        return ""
    if (broken := _LEADS_INTO.search(text)) and not _INTRODUCES.search(text):
        said = text[:broken.start()].rstrip()  # (its whole sentence up to the conjunction: the list only goes on)
        return f"{said}." if len(_PLAIN_WORD.findall(clean_prose(said))) >= MIN_INTRO_FACT_WORDS else ""
    if not _INTRODUCES.search(text):
        return ""
    found = sentences(text)
    start = text.rfind(found[-1]) if len(found) > 1 else -1
    if start > 0:
        return text[:start].strip()
    said = clean_prose(text)  # (its words, not a formula's symbols: "For m = 1 to M (i.e. build M trees):")
    return "" if len(_PLAIN_WORD.findall(said)) < MIN_INTRO_FACT_WORDS or counts(said) or _ANNOUNCES.search(said) \
        else _INTRODUCES.sub(".", text.rstrip())


def _bare(text: str) -> str:
    """A part's words alone, to compare with a card's label: no marker, emphasis or closing mark, in lower case."""
    return clean_prose(text[_marker_end(text):]).replace("*", "").strip(" \t.,;:").casefold()


def _asked(kind: str, text: str) -> bool:
    """Whether a part is asked on a card of its own: not a line that frames the list, an item that only gives an
    example, or a part that only points elsewhere."""
    if kind == "para" and _frames(text) or kind == "item" and _EXAMPLE.match(LIST_ITEM.sub("", text, count=1)):
        return False
    return not _points(text)


def _points(text: str) -> bool:
    """Whether a part only points elsewhere: what a card would hide of it, after its label, is a link or two
    ("local Gaussian around a mode → [[laplace]]", "Toy implementation → {doc}`bo_toy`"), or it says "see …"."""
    start = _marker_end(text)
    said = _POINTS.sub(" ", text[start + len(_label(text)):])
    return len(clean_prose(said).split()) < MIN_SAID_WORDS or bool(_SEE.match(text, start) or _SEE.match(said))


_WHOLE, _BRIEF = "whole", "brief"  # (how a cloze's front shows the other items: as written, or by their first words)


def _studiable(parts: list[Part], claims: bool = False, introduced: bool = False) -> str:
    """How parts make a list a learner can study as overlapping clozes (see the module's doc): `_WHOLE`, its other
    items shown as written beside a blank; `_BRIEF`, items too long for that, each shown by its opening words
    (`brief_items`), when there are `MIN_BRIEF_ITEMS` of them or a question or lead-in asks for the list (`introduced`:
    a bare heading over two items, one a passage, is one explanation); '' when they do not. `claims`: the line
    introducing it says its items are claims each, however short."""
    items = [text for kind, text, _ in parts if kind == "item"]
    asked = sum(ask for _, _, ask in parts)
    words = [len(clean_prose(text[_marker_end(text):]).split()) for _, text, _ in parts]
    shown = _WHOLE if max(words) <= MAX_PART_WORDS and sum(words) <= MAX_WORDS else _BRIEF if fits_briefly(
        [n for (kind, _, _), n in zip(parts, words) if kind == "item"]) and (introduced or len(items) >= MIN_BRIEF_ITEMS) \
        else ""
    return shown if MIN_PARTS <= asked <= MAX_PARTS and shown \
        and (claims or max(n for (kind, _, _), n in zip(parts, words) if kind == "item") >= MIN_LONG_WORDS) \
        and not _one_answer(items) and not _apart(items) else ""


def _one_answer(items: list[str]) -> bool:
    """Whether a list is one answer as it stands: names, an outline, or a pair written alike."""
    short = sum(len(clean_prose(LIST_ITEM.sub("", item, count=1)).split()) < MIN_CLAIM_WORDS for item in items)
    return short * 2 >= len(items) or any(_branches(item) for item in items) or len(items) == 2 and _mirrored(*items) \
        or _twins(items)


def _branches(item: str) -> bool:
    """Whether an item is a branch of an outline: over a list of its own ("- fixes" over "  - early stopping …", "  -
    a smaller step …"), or over more lines than a wrapped sentence or two."""
    nested = item.split("\n")[1:]
    return len(nested) > MAX_NESTED_LINES and not wrapped(nested) or sum(bool(LIST_ITEM.match(line)) for line in nested) > 1


def _apart(items: list[str]) -> bool:
    """Whether most items cannot cue one another: a map of notes ("- [[note]] — what it covers", "- … →
    [[note]]"), a log of days ("- **6 Oct** -- …"), a timeline ("- 1997 Freund and Schapire publish AdaBoost")."""
    bare = [LIST_ITEM.sub("", item, count=1) for item in items]
    return 2 * sum(bool(_LINK_FIRST.match(item) or _YEAR.match(item) or _points(item)
                        or (lead := _LEAD.match(item)) and is_date(lead[1])) for item in bare) >= len(items)


def _mirrored(one: str, other: str) -> bool:
    """Whether two items are a pair side by side, either of which gives the other away: both under a label of their
    own ("H0: …" / "H1: …") or written alike ("The higher the β, the smoother …" / "The lower the β, the noisier
    …": most of their words shared)."""
    if _label(one) and _label(other):
        return True
    words = [_words(item) for item in (one, other)]
    return len(words[0] & words[1]) >= MIRROR_SHARE * len(words[0] | words[1])


def _twins(items: list[str]) -> bool:
    """Whether two items say the same after their labels ("- artist: a category, mapped to a vector", "- genre: a
    category, mapped to a vector"): either one shown gives the other away."""
    said = [_words(item[_marker_end(item) + len(_label(item)):]) for item in items]
    return any(len(one & other) >= TWIN_SHARE * len(one | other) for k, one in enumerate(said) for other in said[:k])


def _words(text: str) -> set[str]:
    return set(_WORD.findall(clean_prose(text).casefold()))


def _marker_end(text: str) -> int:
    """Where a list item's text starts after its marker (0 for a paragraph)."""
    marker = LIST_ITEM.match(text)
    return marker.end() if marker else 0


def _label(text: str, longest: int = 0, cue: bool = False) -> str:
    """A part's own label, with what ends it ("cost per head: ", "too few layers → "), of at most `longest` words
    when given (and a third of the part's); '' when it has none. `cue`: the label its blank keeps, asides in
    brackets within it (`_CUE_LABEL`); which items a list asks stays decided by the plain label."""
    found = (_CUE_LABEL if cue else _LABEL).match(text, _marker_end(text))
    limit = MAX_CAUSE_WORDS if found and found["sep"] in ("→", "->") else MAX_LABEL_WORDS
    if found and longest:
        limit = min(longest, len(clean_prose(text).split()) // 3)
    words = _ASIDE_IN.sub("", found["label"]) if found and cue else found and found["label"]
    fits = found and len(clean_prose(words).split()) <= limit and found["label"].count("$") % 2 == 0
    # (its words, a formula one: "$k(x,x) = 1$ for all $x$: …" is labelled by its statement)
    if cue and not fits and (plain := _label(text, longest)) and plain.count("(") > plain.count(")") \
            and not lead_cue(text[_marker_end(text):]):
        cut = plain[:plain.rindex("(")].rstrip()  # ("depth 3–8 typical (ESL: 4–8 leaves …)": the label's colon
        # falls inside its aside, which a cue would cut open; what comes before the aside labels the item, when its
        # first words, the aside whole, do not)
        return cut + " " if clean_prose(cut[_marker_end(cut):]).strip() else plain  # (nothing before the aside,
        # "(bonus: …": the label as it reads)
    return found.group(0) if fits else ""


def _cloze_cards(draft: Draft, lead: str, parts: list[Part], briefly: bool = False, slips: bool = False,
                 alone: bool = False, elsewhere: list[str] = ()) -> list[Draft]:
    """The heading's card of the opening paragraph, if any, and a card per part asked: the front the heading path
    over the parts with that one hidden (`briefly`: the others by their opening words; `slips`, a list of the
    writer's slips: that one alone, by its own cue; `alone`, a day's or a log's unrelated bullets: that one alone
    when it has a cue of its own), the back that part; an item with no cue whose fact another card of the note
    holds (`elsewhere`, `inner_blanks.told_elsewhere`) is shown, not asked. The first keeps the section's id."""
    cards = [replace(draft, back=lead)] if lead else []
    first = not cards
    for k, (kind, text, ask) in enumerate(parts):
        if not ask:
            continue
        back = _as_back(kind, text)
        id_front = draft.id_front if first else f"{FORM}: {draft.front}\n\n{HIDDEN} {back}"
        first = False  # (the first part asked keeps the section's id even when it is not carded)
        if kind == "item" and not NUMBERED_ITEM.match(text) and LIST_ITEM.sub("", _hidden(kind, text)) == HIDDEN \
                and told_elsewhere(back, elsewhere):  # (a bare "- [...]", its fact asked elsewhere; not a step)
            continue
        shown = _hidden(kind, text, slips, alone) if slips or alone and kind == "item" else ""
        shown = shown if LIST_ITEM.sub("", shown).strip() not in ("", HIDDEN) else _shown(parts, k, briefly)  # (no cue:
        # the other slips shown, as any list's)
        cards.append(replace(draft, front=f"{draft.front}\n\n{shown}", back=back, id_front=id_front))
    return cards


def _shown(parts: list[Part], hidden: int, briefly: bool = False) -> str:
    """The parts as the front shows them, part `hidden` as `[...]` after its list marker and its own label (the other
    items by their opening words, `briefly`); a paragraph asked after the list only on its own card, whose question
    the list leads to (on an item's card it would say nothing of the item asked)."""
    out: list[str] = []
    for k, (kind, text, ask) in enumerate(parts):
        if k == hidden:
            text = _hidden(kind, text)
        elif briefly and kind == "item":
            text = brief(text)
        elif kind == "para" and ask and k and parts[k - 1][0] == "item":
            continue
        if out and kind == "item" and parts[k - 1][0] == "item":
            out[-1] += "\n" + text
        else:
            out.append(text)
    return "\n\n".join(out)


def _hidden(kind: str, text: str, slips: bool = False, alone: bool = False) -> str:
    """A part with its text hidden after its list marker and its own label ("- cost per head: [...]"), or else the
    cue it gives (`item_cues`); an item over a short list of its own keeps its line, which names what is asked ("-
    Drawbacks" over "  - [...]"), and the label of the one item under it ("- Video completion rate" over "  - Cons:
    [...]"); an item of the writer's slips (`slips`) keeps its own cue (`item_cues.slip_cue`);
    a day's bullet (`alone`) keeps a longer label, its own question ("On why the kernel needs a ridge: [...]")."""
    first, _, nested = text.partition("\n")
    marker = LIST_ITEM.match(first).group(0) if kind == "item" else ""
    if marker and LIST_ITEM.match(nested.lstrip("\n")) and len(first[len(marker):].split()) <= MAX_LABEL_WORDS:
        under = [line.strip() for line in nested.split("\n") if line.strip()]
        own = _label(under[0]) if len(under) == 1 else ""  # (one item under it with a label of its own, "- Cons:
        # …": the label says which side of the item is asked)
        return f"{first}\n{' ' * len(marker)}- {own[_marker_end(own):] if own else ''}{HIDDEN}"
    said, label = first[len(marker):], _label(first, cue=True)
    if slips:
        return f"{marker}{slip_cue(said[len(label):], label)}{HIDDEN}"
    label = widened(label, said[len(label):], lambda rest: _subject(rest) or lead_cue(rest)) \
        or alone and _label(first, MAX_DAY_LABEL_WORDS, True)  # ("Important: diagnostics can [...]", `generic_labels`)
    cue = label or _subject(said) or item_cue(said) or marker and (fuller(lead_cue(said), said) or name_cue(said)
                                                                    or clause_cue(said))  # (`subject_cues.fuller`:
    # first words cut inside the subject, "- The absolute [...]", give way to it whole and its verb)
    # (a paragraph after the list keeps none of its first words: with no cue of its own it stays on the section's
    # card; an item opening on a clause, "Given $q$, …", keeps that clause)
    if marker and not cue and (bold := bold_shown(_joined(said, nested), HIDDEN)):
        return f"{marker}{bold}"  # (a term in bold: its label or subject, or else the rest of the item, cues it)
    if marker and not cue and (spare := spare_shown(_joined(said, nested), HIDDEN)):
        return f"{marker}{spare}"  # (an equation's left side, a call's name: `spare_cues`)
    if marker and not cue:
        cue = item_lead(_joined(said, nested))  # (else its first words, "- smooths away [...]": a bare "- [...]"
        # beside unrelated items says nothing of which one is asked)
    if marker and not cue and (inner := inner_shown(_joined(said, nested), HIDDEN)):
        return f"{marker}{inner}"  # (else a part inside it hidden, its other words the cue: `inner_blanks`)
    return f"{marker}{cue}{HIDDEN}"


def _joined(said: str, nested: str) -> str:
    """An item's first line with the lines it runs on over (not a list nested under it), as one line."""
    lines = [line for line in nested.split("\n") if line.strip()]
    if not lines or any(LIST_ITEM.match(line) for line in lines):
        return said
    return " ".join([said, *(line.strip() for line in lines)])


def _subject(text: str) -> str:
    """An unlabelled item's subject and verb with the space after them ("SVR uses "), the cue its blank keeps
    among items any of which could fill a bare "- [...]"; '' when it opens otherwise."""
    found = _SUBJECT.match(text)
    return found.group(0) if found else ""


def _as_back(kind: str, text: str) -> str:
    """A part as a card's back: an item without its marker, what is nested under it dedented by its indent."""
    if kind == "para":
        return text.strip()
    first, _, nested = text.partition("\n")
    lines = nested.split("\n") if nested else []
    indent = min((len(line) - len(line.lstrip()) for line in lines if line.strip()), default=0)
    return "\n".join([LIST_ITEM.sub("", first, count=1).strip(), *(line[indent:] for line in lines)]).strip()
