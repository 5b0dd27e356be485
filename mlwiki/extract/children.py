"""A parent card that repeats its children: a card whose front is a heading path ("RLHF › Other methods") and
whose back shows text that cards under that path show too ("… › Other methods › IPO": the text after "- IPO —").

    ## Other methods
    - IPO — a squared loss on the margin
    - KTO — needs only thumbs up or down
      →  "… › Other methods › IPO", "… › Other methods › KTO"; the heading's card would hold both again

Each part of the parent's back (a paragraph, a list item) that a child card shows whole is taken off it, when the
child's front names what the part says: a heading or term of two words or more ("Notice the dependence"), or the
term the part opens with ("**spectral** methods …" under "› spectral"); a one-word child ("› approximately") that
shows "**approximately correct** ↔ …" is a weak card, the parent keeps the item whole. An item that shows a child's
text after its label ("- IPO — …") is cut to that label, and so is one whose nested items a child shows ("- Log of
odds" over them): beside a fact such a label heads nothing and goes. What stays decides the card:
- nothing but labels, pointers elsewhere ("Also see [LR schedules](…)") and the children's headings: no card, unless
  the labels are the fact — they name the kinds the heading speaks of ("## Other methods": IPO, KTO), a sentence
  left introduces them ("… comes in two forms:") or they are numbered steps, and the front does not already name
  them all and there are two or more; then the card asks which ones there are, its back the labels on one line
  ("- ML objective", "- I/O", "- ML category" under "Frame it as an ML task", each a card of its own: no card);
  a line left that is a heading in form, not a sentence ("- Evaluating Language Models: [[Perplexity]]", words in
  Title Case) says nothing of its own either;
- a fact besides (a sentence of its own): the card keeps it, and the list items that are labels as written (one
  list's items, in order); not the labels the front names ("Spectral vs spatial" over "- spectral"), nor a label
  cut from its text or its nested items (it would head nothing).

Only cards read out of prose are touched (the author's cards stay as written). Pure.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from mlwiki.extract.label_cuts import former_label
from mlwiki.extract.labels import GENERIC_LABELS
from mlwiki.extract.lines import NUMBERED_ITEM
from mlwiki.extract.list_cards import LIST_FORM
from mlwiki.extract.tidy import AUTHORED
from mlwiki.models import CardKind

_BREAK = "\n\n"  # (between a front's heading path and the sentence or question it shows)
_PATH = " › "
_MIN_SHOWN_WORDS = 3  # a part this short ("yes", "see above") may be in a child's back by chance
_FACT_WORDS = 4  # what stays besides labels: fewer words ("- ML category") say nothing of their own
_MARKER = re.compile(r"^[ \t]*(?:[-*+]|\d+[.)])[ \t]+")
_MARKUP = re.compile(r"\[\[(?:[^\]|\n]*\|)?|\]\]|\]\([^)\n]*\)|[*_\[`]")
_WORD = re.compile(r"[^\W_]+")
_SEPARATOR = re.compile(r"^[\s:;,—–-]+")  # (between a label and its text: "IPO — …", "KTO: …")
# A part that points elsewhere instead of saying something: "Also see [LR schedules](…) — …", "See [[Kernels]]."
_POINTER = re.compile(r"(?i)(?:also see|see also|see|cf\.?|more (?:on this )?(?:in|at|on)|details (?:in|at))\b")
_PLURAL = re.compile(r"(?i)[a-z]{2,}[^isu\W]s|[a-z]+ies")  # ("Other methods", "Variants", "Families")
_ASIDE = re.compile(r"\s*\([^)]*\)")  # ("Others (stub)": a remark on the heading, not what it names)
_SKIP = (CardKind.REVERSE, CardKind.CLOZE)
# The label a part opens with: the words before a separator ("IPO — …", "**approximately** correct ↔ …"), or
# else its opening term in bold, a link or code ("[[GCN]] is exactly this …").
_LABEL = re.compile(r"([^—–:↔=→\n]+?)\s*(?:[—–:↔=→]|\s-\s)")
_LABEL_WORDS = 4  # (more words before a separator are a sentence, not a label)
_TERM = re.compile(r"\*\*(.+?)\*\*|__(.+?)__|\[\[(?:[^\]|\n]*\|)?([^\]\n]+)\]\]|\[([^\]\n]+)\]\(|`([^`\n]+)`")
_SENTENCE_MARKS = frozenset(".;,!?$")  # (a heading in form has none of these: "Evaluating Language Models: …")
_HEADING_WORDS = 8


@dataclass(slots=True)
class _Part:
    lines: list[str]
    kind: str = "other"  # "blank", "shown", "label", "pointer", or "other"
    labels: tuple[str, ...] = ()
    cut: bool = False  # (a label whose child's text after it was taken off)


def without_shown_children(drafts: list) -> list:
    """The drafts (the `(siblings, heading path)` pairs of a walk) without the text a parent card's children show
    (see the module's docstring): a parent left with nothing to study is no card."""
    under: dict[str, list] = {}
    for siblings, _ in drafts:
        for d in siblings:
            if d.kind not in _SKIP and _PATH in d.front:
                parts = d.front.split(_BREAK, 1)[0].split(_PATH)
                for k in range(1, len(parts)):
                    under.setdefault(_PATH.join(parts[:k]), []).append((d, parts[k:]))
    if not under:
        return drafts
    drafts = _without_listed_items(drafts)
    kept = []
    for siblings, path in drafts:
        d = siblings[0]
        if len(siblings) == 1 and d.kind == CardKind.BASIC and d.form not in AUTHORED \
                and (children := under.get(_as_path(d.front))):
            back = _without_children(d.front, d.back, children)
            if back is None:
                continue
            d.back = back
        kept.append((siblings, path))
    return kept


def _without_listed_items(drafts: list) -> list:
    """The drafts without a card that only repeats, label first, an item of a card of its heading's whole list ("…
    › depth ↑" / "depth ↑ → ECE ↑" beside the card of "What correlates with miscalibration (…):" over four such
    items): the list's card asks for it already, and its front gives half of it away."""
    items: dict[str, set[str]] = {}
    for siblings, _ in drafts:
        d = siblings[0]
        if len(siblings) == 1 and d.form == LIST_FORM and _BREAK in d.front:
            lines = {_MARKER.sub("", line).strip() for line in d.back.split("\n") if _MARKER.match(line)}
            items.setdefault(d.front.split(_BREAK, 1)[0], set()).update(lines)
    if not items:
        return drafts
    return [(siblings, path) for siblings, path in drafts if not _repeats_item(siblings, items)]


def _repeats_item(siblings: list, items: dict[str, set[str]]) -> bool:
    d = siblings[0]
    head, _, label = d.front.rpartition(_PATH)
    return len(siblings) == 1 and d.form not in AUTHORED and _BREAK not in d.front and d.back.strip() in \
        items.get(head, ()) and d.back.startswith(label)


def _former(d) -> list[str]:
    """The label a child's front reworded ("train" of "… › train vs test" over "train: …"): a parent that lists it
    shows nothing the child does not."""
    return [was.rsplit(_PATH, 1)[-1]] if (was := former_label(d.front, d.back)) else []


def _as_path(front: str) -> str:
    """A front as the heading path its children's fronts begin with: "A › B\\n\\nWhy …?" is "A › B › Why …?"."""
    head, _, shown = front.partition(_BREAK)
    return f"{head}{_PATH}{shown}" if shown and "\n" not in shown else head


def _without_children(front: str, back: str, children: list) -> str | None:
    """The back without the parts its children show; None when nothing is left to study; `back` as it was
    when no part of it is a child's."""
    texts = [_plain(d.back) for d, _ in children]
    labels = {_key(label): label for d, segments in children for label in [*segments, *_former(d)]}
    if not _may_repeat(back, texts, labels):
        return back  # (said cheaply: most parents share no words with their children's cards)
    backs = [(text, _plain(segments[-1])) for text, (_, segments) in zip(texts, children)]
    parts = _marked(_under_labels([_classified(part, backs, labels) for part in _parts(back)], backs))
    if not any(part.kind in ("shown", "label") for part in parts):
        return back
    changed = any(part.kind == "shown" or part.cut for part in parts)
    named = _named(parts)
    said = sum(len(_plain("\n".join(part.lines)).split()) for part in parts
               if part.kind == "other" and not (changed and _heading_like(part)))
    if said < _FACT_WORDS:  # (only the labels of what the children say, or nothing)
        if len(set(named)) >= 2 and _labels_are_fact(front, named, parts):
            return ", ".join(dict.fromkeys(named)) if changed else back
        return None
    kept_labels = not _named_by(front, named) and (not changed or _labels_are_fact(front, named, parts))
    if not changed and kept_labels:
        return back  # (beside a fact, labels as written stay, as the list's other items do)
    out: list[str] = []
    said = [part for part in parts if part.kind != "blank"]
    goes_on = {id(said[k]) for k in range(len(said) - 1) if said[k + 1].kind == "other" and _goes_on(said[k + 1])}
    for part in parts:
        if part.kind == "other" or part.kind == "label" and (id(part) in goes_on or not part.cut and not _named_by(
                front, list(part.labels))) or part.kind == "blank" and out and out[-1]:
            out.extend(part.lines if part.kind != "blank" else [""])
    return "\n".join(out).strip()


# An item that goes on from the one before ("…but while exploring it steps off"): it names nothing of its own
_GOES_ON = re.compile(r"(?:…|\.\.\.)|(?:it|they|this|these)\b", re.IGNORECASE)


def _goes_on(part: _Part) -> bool:
    """Whether a part opens by going on from the part before (an ellipsis, or a pronoun for what that part named):
    the label of that part stays above it, the only name of what it says."""
    return bool(_GOES_ON.match(_MARKUP.sub("", _MARKER.sub("", part.lines[0], count=1)).lstrip()))


def _may_repeat(back: str, texts: list[str], labels: dict[str, str]) -> bool:
    """Whether a part of the back could be a child's text or label (what `_classified` looks for): a child's label
    is in it, or a line of it opens on three words a child's back holds. False means the back stays as it is."""
    plain = _plain(back).casefold()
    if any(key and key in plain for key in labels):
        return True
    shown = "\n".join(texts)
    for line in back.split("\n"):
        words = _plain(_MARKER.sub("", line, count=1)).split()
        if len(words) >= _MIN_SHOWN_WORDS and " ".join(words[:_MIN_SHOWN_WORDS]) in shown:
            return True
    return False


def _named(parts: list[_Part]) -> list[str]:
    return [label for part in parts if part.kind == "label" for label in part.labels]


def _parts(back: str) -> list[_Part]:
    """The back's parts: each list item (with the lines that go on it), each paragraph, each blank line."""
    parts: list[_Part] = []
    for line in back.split("\n"):
        if not line.strip():
            parts.append(_Part([line], "blank"))
        elif _MARKER.match(line) or not parts or parts[-1].kind == "blank":
            parts.append(_Part([line]))
        else:
            parts[-1].lines.append(line)
    return parts


def _classified(part: _Part, backs: list[tuple[str, str]], labels: dict[str, str]) -> _Part:
    """The part, told what it is: a child's text ("shown"), a child's label (with the child's text after it cut
    off: "- IPO — …" is "- IPO"), a pointer elsewhere, or other text."""
    if part.kind == "blank":
        return part
    raw = _MARKER.sub("", "\n".join(part.lines), count=1)
    said = _plain(raw)
    key = _key(said)
    if key in labels or all(_key(name) in labels for name in said.split(", ")):
        part.kind, part.labels = "label", tuple(labels.get(_key(name), name) for name in said.split(", "))
    elif len(said.split()) >= _MIN_SHOWN_WORDS and _shown_by_a_card_for_it(said, raw, backs):
        part.kind = "shown"
    elif _POINTER.match(said) and ("](" in part.lines[0] or "[[" in part.lines[0]):
        part.kind = "pointer"
    else:
        for label_key, label in labels.items():
            if key.startswith(label_key + " ") and (rest := _after_label(said, label)) and _within(rest, backs) \
                    and _names_it(_plain(label), raw):
                marker = _MARKER.match(part.lines[0])
                part.kind, part.labels, part.cut = "label", (label,), True
                part.lines = [(marker.group() if marker else "") + label]
                break
    return part


def _under_labels(parts: list[_Part], backs: list[tuple[str, str]]) -> list[_Part]:
    """The parts, the items nested under a child's label ("- Hinge" over them) that the child named so shows
    marked as shown: that child is a card for them, whatever their words."""
    said = [part for part in parts if part.kind != "blank"]
    for k, part in enumerate(said):
        if part.kind == "label" and len(part.labels) == 1:
            named = [(back, name) for back, name in backs if _key(name) == _key(part.labels[0])]
            for later in _nested(said, k):
                text = _plain(_MARKER.sub("", "\n".join(later.lines), count=1))
                if later.kind == "other" and len(text.split()) >= _MIN_SHOWN_WORDS and _within(text, named):
                    later.kind = "shown"
    return parts


def _nested(said: list[_Part], k: int) -> list[_Part]:
    """The parts nested under part `k` (indented deeper, up to the next part that is not)."""
    nested = []
    for later in said[k + 1:]:
        if _indent(later) <= _indent(said[k]):
            break
        nested.append(later)
    return nested


def _marked(parts: list[_Part]) -> list[_Part]:
    """The parts, a label whose nested items are all a child's text marked as cut ("- Log of odds" over them), and
    the sentence that introduced such items ("Some close variations:") taken off the part that ends on it."""
    said = [part for part in parts if part.kind != "blank"]
    for k, part in enumerate(said):
        nested = _nested(said, k)
        if not nested or not all(later.kind == "shown" for later in nested):
            continue
        if part.kind == "label":
            part.cut = True
        elif part.kind == "other" and part.lines[-1].rstrip().endswith(":"):
            head, _, _ = part.lines[-1].rstrip().rpartition(". ")
            part.lines[-1] = head + "." if head else ""
            part.kind = "other" if "".join(part.lines).strip(" \t-*+") else "shown"
    return parts


def _indent(part: _Part) -> int:
    line = part.lines[0]
    return len(line) - len(line.lstrip())


def _after_label(said: str, label: str) -> str:
    """The text of a part after the label it opens with ("IPO — a squared loss" → "a squared loss")."""
    words = len(_plain(label).split())
    return _SEPARATOR.sub("", said.split(" ", words)[-1] if len(said.split()) > words else "")


def _within(said: str, backs: list[tuple[str, str]]) -> bool:
    return any(said in back for back, _ in backs)


def _shown_by_a_card_for_it(said: str, raw: str, backs: list[tuple[str, str]]) -> bool:
    """Whether a child shows the part whole and its front names what the part says: a name of two words or more,
    or the term the part opens with (a one-word child "› approximately" showing "**approximately correct** ↔ …"
    is a weak card: the parent keeps the part)."""
    return any(_names_it(name, raw) for back, name in backs if said in back)


def _names_it(name: str, raw: str) -> bool:
    """Whether a child's name names what a part (as written) says: two words or more, or the part's own label."""
    if len(name.split()) >= 2:
        return True
    raw = raw.strip()
    if (label := _LABEL.match(raw)) and len(_plain(label.group(1)).split()) <= _LABEL_WORDS:
        return _key(label.group(1)) == _key(name)
    term = _TERM.match(raw)
    return bool(term) and _key(next(g for g in term.groups() if g)) == _key(name)


def _heading_like(part: _Part) -> bool:
    """Whether a part is a heading in form, not a sentence: one short line, no sentence marks, its longer words
    capitalised ("- Evaluating Language Models: [[Perplexity]]")."""
    if len(part.lines) > 1:
        return False
    words = _plain(_MARKER.sub("", part.lines[0], count=1)).split()
    long_words = [word for word in words if len(word) > 3]
    return 0 < len(words) <= _HEADING_WORDS and len(long_words) >= 2 \
        and not any(mark in word for word in words for mark in _SENTENCE_MARKS) \
        and all(word[0].isupper() for word in long_words)


def _named_by(front: str, named: list[str]) -> bool:
    """Whether labels say nothing the front does not: it names them all, or one is a generic aspect ("Pros")."""
    said = f" {_words(front)} "
    return bool(named) and (all(f" {_words(label)} " in said for label in named)
                            or any(label.strip().casefold() in GENERIC_LABELS for label in named))


def _labels_are_fact(front: str, named: list[str], parts: list[_Part]) -> bool:
    """Whether the labels a parent is left with are what it teaches: the front does not name them all, none is a
    generic aspect, and they are numbered (steps in order), a sentence left introduces them ("… in two
    forms:"), or the heading speaks of several kinds ("Other methods")."""
    if _named_by(front, named):
        return False
    said = [part for part in parts if part.kind != "blank"]
    if any(part.kind == "label" and (NUMBERED_ITEM.match(part.lines[0]) or k and said[k - 1].kind == "other"
                                     and said[k - 1].lines[-1].rstrip().endswith(":")) for k, part in enumerate(said)):
        return True
    heading = _ASIDE.sub("", _as_path(front).rsplit(_PATH, 1)[-1]).strip()
    return bool(_PLURAL.fullmatch(heading.rsplit(" ", 1)[-1]))


@functools.lru_cache(maxsize=4096)  # (a child's back and its labels are read once for each of its parents)
def _plain(text: str) -> str:
    """The text without the markup two copies of it may differ in, white space as single spaces."""
    if "[" in text or "]" in text:
        text = _MARKUP.sub("", text)
    else:  # (no link: only the marks of emphasis and code go, said faster by str.replace than by the pattern)
        text = text.replace("*", "").replace("_", "").replace("`", "")
    return " ".join(text.split())


def _words(text: str) -> str:
    """A text's words, cased alike ("Spectral vs spatial, the way …" names "spatial")."""
    return " ".join(_WORD.findall(_plain(text).casefold()))


@functools.lru_cache(maxsize=4096)  # (a heading is a label of every card under it, for each parent over them)
def _key(text: str) -> str:
    """A label as compared: its words, cased alike, without markup or closing punctuation."""
    return _plain(text).casefold().strip(" :.;,—–-")
