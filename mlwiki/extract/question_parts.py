"""Parts of a question heading's section that answer no part of its question: "### Why does it help?" answered by a
paragraph, then "Side effects:" over a list and "**Small batches break it.** …" over the ways around it. The
section's card asked the question and held all three; a learner recalls each labelled part by its label. The
question keeps the text before the first label (its answer, and its id); each labelled part is a card "path ›
label", as a section's labelled parts are (`label_parts`).

Pure: the question's path and back in, the answer and the parts' fronts and backs out.
"""

from __future__ import annotations

from mlwiki.extract.label_parts import _ANSWERS_BEFORE, split_label_parts

MIN_ANSWER_WORDS = 12  # the answer the question keeps: a sentence that says something, not "Three of them:"


def answer_and_parts(path: str, back: str) -> tuple[str, list[tuple[str, str]]] | None:
    """(the answer, [(front, back)] of each labelled part) of a question heading's back (`path`: the heading path
    above the question) whose text answers first and goes on with parts under labels of their own; None when it
    opens on a label, its answer is too short to stand alone or introduces the parts ("Two reasons:"), or has no
    such parts: then the labels are what the question asks for, one answer."""
    if not path or "\n\n" not in back:
        return None  # (the cheap test first: one paragraph has no part after its answer)
    split = split_label_parts(path, back)
    if not split or len(split) < 2 or split[0][0] != path:
        return None
    answer = split[0][1]
    if len(answer.split()) < MIN_ANSWER_WORDS or answer.rstrip().endswith(":") or not back.startswith(answer[:40]):
        return None  # (the kept text must be the section's opening: a paragraph after a part is the section's again)
    parts = [(front, part) for front, part in split[1:] if "\n\n" in front
             or not _ANSWERS_BEFORE.fullmatch(front.rpartition(" › ")[2])]
    if not parts:
        return None
    stays = [part for front, part in split[1:] if (front, part) not in parts]  # ("Fixes: …" of what the question
    return "\n\n".join([answer, *stays]), parts  # asks, "Why are the samples blurry?": part of its answer)
