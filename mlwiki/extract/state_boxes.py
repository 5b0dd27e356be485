"""A box that only says the page's state: an untitled note, tip or warning (MyST's `:::{note}`, a Quarto or Obsidian
callout) holding "**Draft.** Filling in from the book's ch. 18 + the review paper." or "WIP: more after the lab", or
one titled by that state (Docusaurus' `:::note[Draft]` over "Numbers need checking against the paper.") or by the
course meeting the page comes from (`:::info Lecture 4 — Oct 8` over "Guest lecture, the slides were dense."),
and a box (a fold) whose title says it is not for the exam.
It is the writer's housekeeping, no card; read as text, its bold label titled the section's next cards ("Matching ›
Draft › What it says"). Short and without a formula: a box that goes on to state what the page teaches after its
label is read as it was. Pure."""

from __future__ import annotations

import re

from mlwiki.extract.lines import TEXT

_STATE = re.compile(r"(?i)[*_]*(?:draft|wip|work in progress|unfinished|half[- ]finished|stub)[*_]*[ \t]*[.!:—–]")
_STATE_TITLE = re.compile(r"(?i)[*_]*(?:draft|wip|work in progress|unfinished|half[- ](?:finished|written)|stub|"
                          r"to ?do|status)[*_.!:]*")  # (a Docusaurus `:::note[Draft]`, a callout titled "WIP")
_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
_DATE = (rf"(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?[ \t]+)?(?:{_MONTH}[ \t]+\d{{1,2}}(?:st|nd|rd|th)?|"
         rf"\d{{1,2}}(?:st|nd|rd|th)?[ \t]+{_MONTH}|\d{{4}}-\d\d-\d\d|\d{{1,2}}/\d{{1,2}})(?:,?[ \t]+\d{{4}})?")
# A box titled by the meeting of the course its page comes from, and its date: `:::info Lecture 4 — Oct 8`,
# "Week 5 (12 Feb)": the writer's account of that lecture ("Guest lecture, the slides were dense."), not the subject
_MEETING_TITLE = re.compile(rf"(?i)(?:guest[ \t]+)?(?:lecture|lec\.?|week|class|session|seminar|tutorial|lab|"
                            rf"recitation)[ \t]*\d+[a-z]?(?:[ \t]*(?:[—–:,-]|--)[ \t]*{_DATE}|[ \t]*\({_DATE}\))?")
# A box the writer says is not to be studied: `<details><summary>My pset numbers (not for the exam)</summary>`
_OFF_EXAM = re.compile(r"(?i)\b(?:not|n't)[ \t]+(?:for|on|in)[ \t]+the[ \t]+(?:exam|test|midterm|final)\b|"
                       r"\bnon-?examinable\b|\bnot[ \t]+examinable\b")
_MAX_WORDS = 25
_KINDS = frozenset(("note", "tip", "important", "info", "warning", "caution", "attention", "hint", "admonition",
                    "callout-note", "callout-tip", "callout-important", "callout-warning", "callout-caution"))


def says_page_state(div) -> bool:
    """Whether a div (a `blocks.Block`, its children built) is an untitled box of prose that only says the page's
    state."""
    attrs = div.attrs or {}
    title = attrs.get("title", "").strip()
    if title and _OFF_EXAM.search(title) and div.children:
        return True  # (the writer's own numbers, a digression: however long, it is not what the page teaches)
    if title and not (_STATE_TITLE.fullmatch(title) or _MEETING_TITLE.fullmatch(title)) or not _KINDS.intersection(attrs.get("classes", ())) \
            or not div.children or any(child.kind != TEXT for child in div.children):
        return False  # (a box titled by what it says is the subject's; "Draft" titles the page's state)
    text = " ".join(line.text for child in div.children for line in child.lines if line.kind == TEXT).strip()
    return "$" not in text and len(text.split()) <= _MAX_WORDS and (bool(title) or _STATE.match(text) is not None)


def skipped_page_state(blocks) -> bool:
    """Whether a box of the blocks (or of the divs among them) was left out as the page's state: the fronts of the
    cards after it change (its label titled them), and they keep the ids they had."""
    stack = [iter(blocks)]
    while stack:
        block = next(stack[-1], None)
        if block is None:
            stack.pop()
        elif block.attrs and block.children is not None:
            if block.attrs.get("page_state"):
                return True
            stack.append(iter(block.children))
    return False
