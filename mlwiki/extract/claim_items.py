"""Separate claims in a list under a heading, a card per claim: a heading-only card over a list whose every item is a
sentence (or two) about a subject of its own, named at its start, asks none of them ("Ch 7 Regularization" over "-
weight decay shrinks the weights …", "- early stopping acts like L2 …", "- dropout trains an ensemble …"): a
learner cannot recall three facts from a front that tells none apart. Each item becomes a card "path › subject"
(or, when its sentence form says which part is the answer, the question `bullet_claims` asks of it); the heading's
card keeps the text around the list, and goes when nothing is left (its id then stays on the first item's card).

A list is split only when every item names a subject no other item names: a noun phrase of one to four words before
its verb ("weight decay shrinks", "The learning rate is"), not a pronoun ("it is"), not the heading's own subject
again, not a bare verb (a step: "Compute the loss"), not a fragment ("- cheap"). A numbered or nested list, a list
the text before introduces ("Three reasons:"), and a list the heading asks for as a whole ("Steps", "Pros",
"Limitations") are one answer and stay as they are.

Pure: a card's front and back in, the fronts and backs of the cards it becomes out.
"""

from __future__ import annotations

import functools
import re

from mlwiki.extract.bullet_claims import ASKS_MEMBERS, bullet_question
from mlwiki.extract.defining import labelled_item

MIN_ITEMS, MAX_ITEMS = 2, 8
MIN_ITEM_WORDS, MAX_ITEM_WORDS = 5, 60
MAX_SUBJECT_WORDS = 4
MAX_SENTENCES = 2
_ITEM = re.compile(r"[-*+] (?=\S)")
_NOT_ITEM = re.compile(r"\s|\d+[.)]\s")  # (a nested line or a numbered step)
# A verb no noun is: "is", "can", "has", "doesn't" — what comes before it is the subject, however it reads
_SURE_VERB = re.compile(r"(?:is|are|was|were|has|have|had|can|could|may|might|must|should|will|would|does|do|did|"
                        r"\w+n[’']t|cannot)")
# A present verb in the third person ("shrinks", "acts", "applies") — or a plural noun ("objects"), so only when the
# word after it is one a verb is followed by (an article, an object, an adverb), not another noun's verb ("Python
# objects hold …"), nor a preposition, which follows a plural noun as often ("checks for code"), unless the subject
# is a name ("SARSA accounts for …")
_S_VERB = re.compile(r"[a-z]{2,}[^suy\W']s")
_ADVERB = re.compile(r"[a-z]{3,}ly")
_NAME = re.compile(r"[A-Za-z][\w-]*[A-Z][\w-]*")  # ("ERF", "GPT-3", "McCulloch": a capital past its first letter)
_AFTER_VERB = frozenset("a an the its their his her each every all some any both no more less most fewer like "
                        "them it itself themselves this that these those one two three well badly poorly much far "
                        "very roughly exactly directly quickly slowly".split())
# Words no named subject holds: a pronoun, a function word, a question word, a clause's opening
_NOT_SUBJECT = NOT_SUBJECT = frozenset("it this that these those there here they we you i he she one each every all some any which "
                         "what who when where why how if so then also only not no but and or as because since still "
                         "often usually always never e.g i.e its their our your my for in on at of with to by from "
                         "after before while once until unless although though whereas both either neither "
                         "example note see many several few multiple more most less other such same".split())
_ARTICLES = frozenset(("the", "a", "an"))
_ARTICLE_START = re.compile(r"(?i)(?:the|an?) ")
# What an item says of the others: left alone on the heading's card it would not make sense
_REFERS_BACK = re.compile(r"(?i)\b(?:both|they|them|the former|the latter|either|neither|the others?)\b")
_WORDS = re.compile(r"\w[\w'’-]*")
_SENTENCE_END = re.compile(r"[.!?](?:\s+(?=[A-Z])|$)")
# The plain words a sentence opens on, up to its first mark: a bold or code term counts as one ("**Weight decay**")
_TOKEN = re.compile(r"\*\*[A-Za-z][^*\n]{0,38}\*\*|`[A-Za-z][^`\n]{0,38}`|[A-Za-z][\w'’-]*")
_HEAD_WORDS = re.compile(rf"(?:(?:{_TOKEN.pattern}) ){{2,7}}")


def split_claim_items(path: str, back: str) -> list[tuple[str, str]] | None:
    """(path, the text around the list), then a card per item, "path › subject" or "path\n\nquestion" over the
    item, for a heading-only card whose back holds one list of separate claims (see the module's doc); None for any
    other back. The first card's back is '' when the list was all there was."""
    if "\n\n" in path or "- " not in back and "* " not in back or path.endswith("?") \
            or ASKS_MEMBERS.search(path.rsplit(" › ", 1)[-1]):
        return None  # (the cheap test first: most backs hold no list)
    found = _one_list(back)
    if found is None:
        return None
    lines, starts, around = found
    texts = [lines[k][2:].strip() for k in starts]
    own = _own_items(texts, path)
    if own is None:
        return None
    left = "\n".join(lines[k] for k, (subject, question) in zip(starts, own) if not (subject or question))
    cards = [(path, "\n\n".join(part for part in (around[0], left, around[1]) if part))]
    for text, (subject, question) in zip(texts, own):
        if subject or question:
            question = question or bullet_question(text, path)  # (its form's question before its name)
            cards.append((f"{path}\n\n{question}" if question else f"{path} › {subject}", text))
    return cards


def _one_list(back: str) -> tuple[list[str], list[int], tuple[str, str]] | None:
    """A back's lines, where its one list's items start, and the text before and after the list; None when the
    back holds no such list: a nested or numbered one, two lists, or one the text before introduces."""
    lines = back.split("\n")
    starts = [k for k, line in enumerate(lines) if _ITEM.match(line)]
    if not MIN_ITEMS <= len(starts) <= MAX_ITEMS or starts[-1] - starts[0] != len(starts) - 1:
        return None  # (one run of items, nothing between them)
    end = starts[-1] + 1
    if end < len(lines) and lines[end].strip() or any(_ITEM.match(line) or _NOT_ITEM.match(line) and line.strip()
                                                      for line in lines[end:]):
        return None  # (a nested line, a second list, a paragraph running on from the last item)
    lead = "\n".join(lines[:starts[0]]).strip()
    if lead.endswith(":"):
        return None  # ("Three reasons:" over the list: one answer)
    return lines, starts, (lead, "\n".join(lines[end:]).strip())


def _own_items(texts: list[str], path: str) -> list[tuple[str, str]] | None:
    """Per item, the subject it names and the question its form asks when it names none ('' for either); None
    unless most items are claims of their own (see the module's doc) and those left say nothing of the others."""
    if _parallel(texts) or sum(labelled_item(t) is not None for t in texts) >= MIN_ITEMS:
        return None  # (the tests that need no subject first: steps "Compute …", "Compute …"; named things each
        # defined, `item_cards`)
    heading = path.rsplit(" › ", 1)[-1]
    subjects = [subject if not _in_heading(subject, heading) else "" for subject in map(_subject, texts)]
    names = [s.casefold() for s in subjects if s]
    if len(set(names)) < len(names):
        return None  # (one subject twice)
    own = [(s, "" if s else bullet_question(text, path)) for s, text in zip(subjects, texts)]
    mine = [bool(s or q) for s, q in own]
    if sum(mine) < MIN_ITEMS or 2 * sum(mine) <= len(texts) \
            or any(_REFERS_BACK.search(t) for t, m in zip(texts, mine) if not m):
        return None  # (most items name no subject; an item left on the heading's card that speaks of the others:
        # "both converge …")
    return own


def _parallel(texts: list[str]) -> bool:
    """Whether two items open on one word (article aside): a run of steps or forms side by side ("Compute the
    similarities", "Compute the weights"), one answer, not claims about subjects of their own."""
    firsts = [_ARTICLE_START.sub("", t).split(" ", 1)[0].strip("*`").casefold() for t in texts]
    return len(set(firsts)) < len(firsts)


def _subject(text: str) -> str:
    """The subject an item's sentence names at its start, as a front says it ("The learning rate is …" → "learning
    rate", "**Dropout** zeroes …" → "Dropout"); '' when it names none, or the item is no claim of its own size."""
    count = len(text.split())
    if not MIN_ITEM_WORDS <= count <= MAX_ITEM_WORDS or len(_SENTENCE_END.findall(text)) > MAX_SENTENCES:
        return ""
    head = _HEAD_WORDS.match(text)
    if head is None:
        return ""  # (no two words before the first mark: "H0: …", "Filter: …")
    words = _TOKEN.findall(head.group(0))
    words.append(text[head.end():].split(" ", 1)[0].strip(",.;:()"))
    start = 1 if words[0].casefold() in _ARTICLES else 0
    term = words[start][:1] in "*`"  # (a term set off in bold or code is the whole subject: its verb comes next)
    for k in range(start + 1, min(start + (1 if term else MAX_SUBJECT_WORDS), len(words) - 2) + 1):
        verb, after = words[k], words[k + 1].casefold()
        if _SURE_VERB.fullmatch(verb) or _S_VERB.fullmatch(verb) and (
                after in _AFTER_VERB or _ADVERB.fullmatch(after) or k == start + 1 and _NAME.fullmatch(words[start])):
            return _named(words[start:k], text)  # (a name is no plural noun's first word: "SARSA accounts for …")
        if _ADVERB.fullmatch(verb) and (_SURE_VERB.fullmatch(after) or _S_VERB.fullmatch(after)):
            return _named(words[start:k], text)  # ("The weight basically represents …")
        if not _word_of_name(verb) or _S_VERB.fullmatch(verb):
            return ""  # (a plural inside a noun phrase is rare, a plural's bare verb is not: "… paths give …")
    return ""


def _word_of_name(word: str) -> bool:
    """Whether a word may be part of a subject's noun phrase: no article, pronoun or other function word."""
    return word.casefold() not in _NOT_SUBJECT and word.casefold() not in _ARTICLES


def _named(words: list[str], text: str) -> str:
    """A subject's words as a front says them: bold and code marks gone, a sentence's capital in lower case for a
    noun phrase ("Early stopping" → "early stopping"), a name ("Adam", "GIN") as written; '' for a pronoun's."""
    if not words or any(not _word_of_name(w) for w in words):
        return ""
    subject = " ".join(w.strip("*`") for w in words)
    if not text.startswith(("**", "`")) and subject[1:2].islower() and subject[1:].replace(" ", "").replace(
            "-", "").islower():
        subject = subject[0].lower() + subject[1:]
    return subject


def _in_heading(name: str, heading: str) -> bool:
    """Whether a subject only repeats the heading's own ("Dropout" under "## Dropout"): the list says things of one
    subject, asked under its heading as a whole."""
    return f" {_stems(name)} " in f" {_stems(heading)} "  # (no pattern per heading: a search, not a compile)


@functools.lru_cache(maxsize=4096)  # (pure: a heading's stems are read for each item under it)
def _stems(text: str) -> str:
    """A text's words without a plural's "s" ("The score …" under "Scores"), one space between them."""
    return " ".join(w[:-1] if w.endswith("s") and len(w) > 3 else w for w in _WORDS.findall(text.casefold()))
