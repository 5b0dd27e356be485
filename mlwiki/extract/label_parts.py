"""Parts a section names with a label line of their own: a heading's text that goes on with a short line that only
names what follows ("Assumptions" over a list, "Interpretation" over another, each a paragraph of its own) holds
several facts, each already titled by the writer; so do paragraphs that each open on a label of their own
("Problem: …", "Baseline: …"), or whose text goes on with one paragraph or sentence opening on the role its fact
plays ("… images can't be very dark. Fix: rescale so …", "Drawback: …"). A card of the whole section asks for none
of them alone; a card per part asks each by its label ("Chi-squared test › Assumptions", "… › Fix"). What comes
before the first label (what the subject is) stays on the section's card, and so does a code block or display
formula: a worked example of the whole, not of the part it follows. A list whose items carry labels is no such
text: its items are the kinds or members the heading asks for.

Pure: a card's front and back in, the fronts and backs of the cards it becomes out.
"""

from __future__ import annotations

import re

from mlwiki.extract.grabbag import GOES_ON, remarked_term
from mlwiki.extract.labels import reads_as_clause
from mlwiki.extract.lines import LIST_ITEM
from mlwiki.extract.prose import sentences
from mlwiki.extract.topics import as_topic

MIN_LABELS = 2  # one short line may be a stray phrase ("Create the tensor on the GPU"); two name parts side by side
# (one is enough over a list, after text of the section's own: "Problems" over the ways the method falls short)
MAX_LABEL_WORDS = 4
MAX_LABEL_CHARS = 40
MIN_PART_WORDS = 3  # what a part says under its label: a front over nothing is no card
# A line that only names what follows: a capitalised phrase, in bold or not, maybe with a colon; no sentence
_LABEL_LINE = re.compile(r"(?:\*\*)?(?P<label>[A-Z][\w'’ /()-]*?)(?:\*\*)?(?::\*\*|:)?")
_FENCE = re.compile(r"\s*(?:```|~~~|\$\$)")
# "Scaling: …", "**Why square roots**: …", "**Training.** …": a paragraph opening on the label of what it says
_RUN_IN = re.compile(r"(?:\*\*(?P<bold>[^*\n:]{1,40}?)(?::\*\*|\*\*:|\.\*\*)|(?P<plain>[^*\n:.]{1,40}?):)[ \t]+\S")
# A warning sign before a paragraph's bold label ("⚠️ **Convention:** …"): the writer sets the paragraph apart
_SIGN = re.compile(r"(?:⚠️?|❗|‼️?|🚨)[ \t]*(?=\*\*)")
_SIGNED_LABEL = re.compile(r"(?:⚠️?|❗|‼️?|🚨)[ \t]*\*\*")
# Where a sentence opens on a short label inside a paragraph: "… very bright. Fix: rescale …"
_HARD_BREAK = re.compile(r"\\$")  # (a backslash that ends a line: a hard line break, Outline's and CommonMark's)
_SENTENCE_LABEL = re.compile(r"(?<=[.!?])\\?\s+(?=(?:\*\*)?[A-Z][\w'’-]*(?: [\w'’-]+){0,2}(?::\*\*|:)\s)")
# A label that names the role its fact plays for the subject (its problem, the fix, a drawback): one label of this
# kind after the section's own text, or opening a sentence inside it, is a fact of its own; another ("Standard:",
# "Picture:", "Faster R-CNN:") may only go on from the sentence before it
_ROLE = re.compile(r"(?i)(?:[\w'’-]+ ){0,2}(?:problems?|issues?|fix(?:es)?|solutions?|remed(?:y|ies)|workarounds?|"
                   r"downsides?|drawbacks?|caveats?|limitations?|catch|pitfalls?|upsides?|advantages?|benefits?|"
                   r"disadvantages?|costs?|causes?|symptoms?|consequences?|intuition|trade-?offs?)")
# A role that answers the sentences before it ("… blows up. Fix: …", "… is invariant. Consequence: …"), not one more
# aspect of the subject ("Problem:", "Intuition:"): a front of the label alone asks the fix of nothing
_ANSWERS_BEFORE = re.compile(r"(?i)(?:the )?(?:fix(?:es)?|solutions?|remed(?:y|ies)|workarounds?|mitigations?|cures?|"
                             r"consequences?|implications?|upshot|corollary|why|caveats?|examples?)")
# A sentence that opens on a short label ("Recall: of what was there …")
_LABELLED_SENTENCE = re.compile(r"([A-Z][\w-]*(?: [\w-]+){0,3}): ")


def opens_next_label(sentence: str) -> bool:
    """Whether a sentence after a labelled item's first ones opens on the next label's explanation ("… Recall: of
    what was there …"), not on the fix or consequence of what the sentences before it say ("… cannot represent the
    true posterior. Fix: a richer family."), which goes on with them."""
    found = _LABELLED_SENTENCE.match(sentence)
    return found is not None and not _ANSWERS_BEFORE.fullmatch(found.group(1))


# What a writer's errand or a notation note opens on (`tidy` drops a notation note): no fact of the subject
_ERRAND = re.compile(r"(?i)(?:want|wanted|need|todo|idea|question|answer|q|a|aside|update|edit|tl;?dr|ps|nb|i\.e|"
                     r"so|but|also|compare|recall|reminder|summary|takeaway|result|notations?)")
# Labels that name no fact of the subject: an example, its code, an aside, a to-do, a pointer, an alternative
_NAMES_NO_FACT = re.compile(r"(?i)(?:(?:python |example |sample )?code|(?:for )?examples?|e\.g|notes?|remarks?|"
                            r"todo|to do|sources?|references?|links?|see also|or|and|also|tables?|figures?|images?)")


def split_label_parts(path: str, back: str) -> list[tuple[str, str]] | None:
    """The (front, back) of each card a section card becomes when its text goes on with at least `MIN_LABELS`
    parts each under a label line of its own (`_label`) or opening on its own label (`_run_in_label`), or with one
    label line over a list after text of its own: what precedes the first label, a code block or display formula,
    and a paragraph of its own after a labelled one under `path` (first, when there is any), each part under
    "path › label". None when there are fewer such parts, two share a label, a label repeats a heading of the path
    or the last heading names them all ("Pros and Cons")."""
    chunks = _chunks(back)
    taken = {heading.casefold() for heading in path.split("\n\n", 1)[0].split(" › ")}
    kept: list[str] = []
    parts: list[tuple[str, list[str]]] = []
    current: list[str] | None = None
    run_in = False
    asked: dict[int, str] = {}  # (part → the sentences before it that its role label answers)
    for k, chunk in enumerate(chunks):
        label = _label(chunk)
        if label and k + 1 < len(chunks) and not _FENCE.match(chunks[k + 1]) and _label(chunks[k + 1]) is None:
            parts.append((label, current := []))
            run_in = False
        elif label is None and (head := _run_in_label(chunk)):
            parts.append((head, current := [chunk]))  # ("Scaling: it grows like …": the label opens its fact)
            run_in = True
            if k and _ANSWERS_BEFORE.fullmatch(head) and not _goes_on(chunks[k - 1], "") and _label(chunks[k - 1]) is None:
                asked[len(parts) - 1] = _said_before(chunks[k - 1])  # ("Fix: replace it by …": the fix of what?)
        elif current is not None and run_in and not _goes_on(chunk, current[-1]):
            kept.append(chunk)  # (a paragraph of its own after a labelled one: the section's again)
            current = None
        elif _FENCE.match(chunk) or label is not None or current is None:
            kept.append(chunk)
            current = None  # (what follows a code block, or "Python code", goes on with the whole, not the part before)
        else:
            current.append(chunk)
    labels = [label.casefold() for label, _ in parts]
    if not _enough(parts, kept, back, run_in) or len(set(labels)) < len(labels) or taken & set(labels) \
            or _asked_by(path, labels) \
            or any(len(" ".join(body).split()) < MIN_PART_WORDS for _, body in parts):
        return None
    base = path.split("\n\n", 1)[0]
    cards = [(path, "\n\n".join(kept))] if kept else []
    return cards + [(f"{base} › {label}" + (f"\n\n{asked[k]} {label}?" if asked.get(k) else ""), "\n\n".join(body))
                    for k, (label, body) in enumerate(parts)]


MAX_ASKED_WORDS = 70  # (the sentences a role label answers, on its front: what a learner needs to see the problem)


def asked_after(front: str, label: str, before: str) -> str:
    """The front of a labelled list item whose label answers the item before it ("- It must be invariant …" then
    "- Consequence: …"): that item shown under it, asked by the label; `front` as it was for any other label."""
    if "\n\n" in front or not before or not _ANSWERS_BEFORE.fullmatch(label.strip()) or not (said := _said_before(before)):
        return front
    return f"{front}\n\n{said} {label.strip()}?"


def _said_before(chunk: str) -> str:
    """The last sentences of the paragraph a role label answers ("… so deep stacks blow up." before "Fix: …"), up to
    `MAX_ASKED_WORDS`: without them "… › Fix" asks the fix of nothing; '' when even the last one is longer."""
    said = sentences(" ".join(chunk.split()))
    kept: list[str] = []
    while said and len(" ".join([said[-1], *kept]).split()) <= MAX_ASKED_WORDS:
        kept.insert(0, said.pop())
    return " ".join(kept)


def _enough(parts: list[tuple[str, list[str]]], kept: list[str], back: str, run_in: bool) -> bool:
    """Whether the labelled parts are enough to split on: `MIN_LABELS` of them, or one after text of the section's
    own: a label line over a list ("… falls short.", "Problems", "- sparse vectors", …) or a paragraph, or a
    sentence, that opens on its label ("… never sees pure noise. Fix: rescale …") or a paragraph a warning sign sets
    apart ("⚠️ **Linearly separable data:** …")."""
    if len(parts) >= MIN_LABELS:
        return True
    body = parts[0][1] if len(parts) == 1 else []
    return bool(body and kept and back.startswith(kept[0])
                and (LIST_ITEM.match(body[0]) or run_in and (_ROLE.fullmatch(parts[0][0])
                                                             or _SIGNED_LABEL.match(body[0]))))


def _asked_by(path: str, labels: list[str]) -> bool:
    """Whether the last heading names every part ("Pros and Cons" over "Pros" and "Cons"): the parts it asks for,
    one answer."""
    heading = set(re.findall(r"\w+", path.split("\n\n", 1)[0].rsplit(" › ", 1)[-1].casefold()))
    return all(set(re.findall(r"\w+", label)) <= heading for label in labels)


def _chunks(back: str) -> list[str]:
    """A back's paragraphs, a code block or display formula whole (a blank line inside it does not end it)."""
    chunks: list[str] = []
    in_fence = False
    for para in back.split("\n\n"):
        if in_fence:
            chunks[-1] += "\n\n" + para
        elif para.strip():
            chunks += [part for chunk in _at_label_lines(para.strip("\n")) for part in _at_run_in_labels(chunk)]
        if "```" in para or "~~~" in para or "$$" in para:  # (a fence's line holds one: the common paragraph none)
            in_fence ^= sum(1 for line in para.split("\n") if _FENCE.match(line)) % 2 == 1
    return chunks


def _at_label_lines(para: str) -> list[str]:
    """A paragraph cut before each line that only names the list right under it ("Pros" / "- fast to train" /
    "Cons" / "- cold start", written without blank lines), and after it: a label line and its list, each a chunk."""
    lines = para.split("\n")
    if len(lines) < 2:
        return [para]  # (one line: no label over a list)
    items = [LIST_ITEM.match(line) is not None for line in lines]  # (each line asked once, not as the next and itself)
    cuts = [k for k in range(len(lines) - 1) if items[k + 1] and not items[k] and not lines[k][:1].isspace()
            and _label(lines[k]) is not None]
    if not cuts:
        return [para]
    edges = sorted({0, len(lines), *cuts, *(k + 1 for k in cuts)})
    return ["\n".join(lines[a:b]) for a, b in zip(edges, edges[1:])]


def _at_run_in_labels(chunk: str) -> list[str]:
    """A paragraph of prose cut before each sentence that opens on a label of the role it plays (`_ROLE`: "… can't
    be very dark. Fix: rescale so …"): the sentences before it state one fact, the labelled ones another. A "Fix:"
    that ends the paragraph over a list of steps stays: the steps may be what the heading names ("Loss scaling")."""
    if ": " not in chunk or LIST_ITEM.match(chunk) or _FENCE.match(chunk):  # (the common paragraph has no such label)
        return [chunk]
    cuts = [m.end() for m in _SENTENCE_LABEL.finditer(chunk) if _ROLE.fullmatch(_run_in_label(chunk[m.end():]))]
    edges = [0, *cuts, len(chunk)]
    return [_HARD_BREAK.sub("", chunk[a:b].strip()) for a, b in zip(edges, edges[1:])]  # (a sentence the writer
    # ended with a hard break, "…GMMs.\\" over "Fixes: …", ends there)


def _run_in_label(chunk: str) -> str:
    """The label a paragraph opens with, when it names the fact the paragraph states ("Scaling: the ERF grows …",
    "**Why square roots**: …", "H0: …"); '' for a list item, a clause's start ("In practice: …", "my takeaway: …"),
    a word of the writer's errand ("Also:", "Want:", "Note:") or a formula's symbols."""
    chunk = chunk[sign.end():] if (sign := _SIGN.match(chunk)) else chunk  # ("⚠️ **Convention:** …")
    if LIST_ITEM.match(chunk) or _FENCE.match(chunk) or not (match := _RUN_IN.match(chunk)):
        return ""
    label = (match.group("bold") or match.group("plain")).strip()
    words = label.split()
    if not words or not label[0].isalnum() or len(words) > MAX_LABEL_WORDS or reads_as_clause(words) \
            or _NAMES_NO_FACT.fullmatch(label) or _ERRAND.fullmatch(label) or "$" in label or "=" in label:
        return ""
    return remarked_term(label, chunk[match.end() - 1:]) or as_topic(label)  # ("Different beast: the **NTK** …")


def _goes_on(chunk: str, before: str) -> bool:
    """Whether a paragraph goes on from the one before it: a list, a formula, a pointer back or a word that joins it
    on ("This is …", "so …"), lower case, or after a paragraph that ends on a colon."""
    text = chunk.lstrip()
    return bool(LIST_ITEM.match(text) or _FENCE.match(text) or GOES_ON.match(text) or text[:1].islower()
                or text[:1] in "=≈→$" or before.rstrip().endswith(":"))


def _label(chunk: str) -> str | None:
    """The label a paragraph is, when it is one short line that only names what follows ("Assumptions",
    "**Interpretation**", "Failure modes:"); '' for a label that names no fact (an example, its code, a note); None
    for a sentence, a clause's start ("For language models:", "How to read it:") or a list item."""
    if "\n" in chunk or len(chunk) > MAX_LABEL_CHARS + 6 or LIST_ITEM.match(chunk):
        return None
    match = _LABEL_LINE.fullmatch(chunk.strip())
    label = match.group("label").strip() if match else ""
    words = label.split()
    if not words or len(words) > MAX_LABEL_WORDS or len(label) > MAX_LABEL_CHARS or reads_as_clause(words):
        return None
    return "" if _NAMES_NO_FACT.fullmatch(label) else as_topic(label) or None
