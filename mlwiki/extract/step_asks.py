"""A heading-only front over the steps of a procedure: the back holds a numbered list of three steps or more, each
an order ("1. Sort the candidates by score.", "2. Take the best one …", "3. Drop every candidate that …"),
perhaps after a sentence or two that set it up. Shown only "Beam search" or "Backprop › Truncated BPTT", a learner
does not know that the steps are asked; the card asks "How does <heading> work?" under its path (the heading's
subject by its name alone: "Newton–Raphson = IRLS" → "IRLS"; under "Steps" or "Recipe", the heading above). A
list of names or of claims ("1. **Supervised fine-tuning**", "1. scores $e_j$ …") is no procedure, nor are two
lists, and an activity ("Learning"), a plural ("Fixes in order") or a lone common word ("Permutation") names no
one thing that works so. Pure: a front and a back in, a question out.
"""

from __future__ import annotations

import re

from mlwiki.extract.facets import _names_many, is_facet
from mlwiki.extract.labels import GENERIC_LABELS
from mlwiki.extract.prose import clean_prose

MIN_STEPS = 3
MAX_LEAD_WORDS = 60  # (a setup longer than this is a section of its own, not the procedure's lead)
_STEP = re.compile(r"(?P<n>\d+)[.)][ \t]+(?P<text>\S[^\n]*)")
# An order's first word: a verb in its plain form ("Sort", "take", "Detach"), not a name in bold, code or a
# formula, not a third person's verb or a plural noun ("scores", "weights"), not a gerund
_ORDER = re.compile(r"(?P<verb>[A-Za-z][a-z]{1,14})\b(?![-'’])")
_NOT_ORDERS = frozenset("the a an this these each every all some one two if when for in on at by with from to "
                        "it they we you i no not only first then next finally".split())
MIN_ORDER_WORDS = 3  # (a verb and what it acts on: "Sort the boxes", "repeat until done")
_NOUN_ENDINGS = ("ion", "ment", "ity", "ness", "ance", "ence", "cy", "ure", "ist", "ism", "ics", "ogy", "ship")
_NAME_CUT = re.compile(r"\s+[—–-]\s+|:\s|\s+\(")
_ASKS_ALREADY = re.compile(r"(?i)steps|how it works|procedure")
# Nouns of things counted one by one, which a question writes with an article ("How does a reliability diagram work?")
_COUNTED_THINGS = frozenset(("diagram", "plot", "curve", "matrix", "table", "network", "tree", "forest", "model",
                             "layer", "block", "cell", "machine", "classifier", "estimator", "filter", "unit", "gate",
                             "encoder", "decoder", "autoencoder", "transformer", "sampler", "chain", "test", "graph",
                             "heap", "queue", "buffer", "cache", "index", "embedding", "tokenizer", "tokeniser"))
_QUESTION_WORD = re.compile(r"(?i)(?:how|why|when|what|which)\s")
_DASH = re.compile(r"\s+[—–-]\s+")
_BRACKETED = re.compile(r"\s*\[[^\[\]\n]*\]")
_LEAD_LABEL = re.compile(r"(?i)(?:the[ \t]+)?(?:steps?|algorithm|procedure|process|recipe|pipeline|workflow|loop|"
                         r"how it works)(?:[ \t]*\([^()\n]*\))?[ \t]*:?")


def steps_question(path: str, back: str) -> str | None:
    """"How does <subject> work?" for a heading-only front `path` over the steps of a procedure (see the module's
    doc); None for any other card."""
    headings = path.split(" › ")
    if "\n\n" in path or path.endswith("?") or _ASKS_ALREADY.fullmatch(headings[-1].strip()) \
            or any(_QUESTION_WORD.match(heading.strip()) for heading in headings):
        return None  # ("… › steps", "… › How it works": the path asks for the steps already)
    subject = _asked_subject(headings)
    if not subject or _steps(back) is None or re.search(r"\s(?:&|and|vs\.?|/)\s", subject):
        return None  # (two subjects: "Transfer learning & fine-tuning": which one works so?)
    many = _names_many(subject) or _ACRONYMS.search(subject)  # ("Partially observable MDPs": how do they work?)
    return f"How {'do' if many else 'does'} {_in_sentence(subject)} work?"


def _steps(back: str) -> list[str] | None:
    """The texts of the back's numbered steps when it holds one list of `MIN_STEPS` or more orders numbered from 1,
    after a short lead; None otherwise."""
    lines = back.strip().split("\n")
    starts = [k for k, line in enumerate(lines) if _STEP.match(line)]
    if len(starts) < MIN_STEPS or not _STEP.match(lines[starts[0]])["n"] == "1":
        return None
    lead = " ".join(lines[:starts[0]])
    if len(clean_prose(lead).split()) > MAX_LEAD_WORDS or "|" in lead or "```" in lead:
        return None
    steps = [_STEP.match(lines[k])["text"] for k in starts]
    if [int(_STEP.match(lines[k])["n"]) for k in starts] != list(range(1, len(starts) + 1)):
        return None  # (two lists, or one with a gap: not one procedure)
    if any(_LEAD_LABEL.fullmatch(line.strip().strip("*_")) is None and line.lstrip().startswith(("-", "*", "+"))
           for line in lines[:starts[0]]):
        return None  # (bullets before the steps: a list of its own)
    return steps if _is_order(steps[0]) and sum(map(_is_order, steps)) * 3 >= len(steps) * 2 else None


def _is_order(step: str) -> bool:
    """Whether a step opens on a verb in its plain form ("Sort …", "take …"), not a name or a claim."""
    found = _ORDER.match(step)
    if not found:
        return False
    verb = found["verb"].casefold()
    words = step.split()
    if len(words) < MIN_ORDER_WORDS or words[1][:1].isupper() or verb.endswith(_NOUN_ENDINGS):
        return False  # ("1. Adjacency Matrix": a name, no order)
    past = verb.endswith("ed") and not verb.endswith("eed") and len(verb) > 5  # ("Computed …", not "Feed", "Embed")
    return verb not in _NOT_ORDERS and not verb.endswith("ing") and not past and \
        not (verb.endswith("s") and not verb.endswith("ss"))


def _asked_subject(headings: list[str]) -> str:
    """The subject whose working the steps show: the last heading's name, or, under a heading that names only the
    steps ("Algorithm", "Steps", "Overview"), the name of the one above; '' for an activity ("Learning", "Applying
    it to new words": how does it work?) or no name."""
    for heading in reversed(headings):
        name = _subject(heading)
        if name is None:
            continue  # (a generic label: the heading above names the subject)
        first = name.split(" ", 1)[0]
        if first.casefold().endswith("ing") or first[1:].islower() and first[-1:] == "s" and first[-2:] != "ss" \
                or _plural_head(name):
            return ""  # (an activity, "Learning"; a plural, "Fixes in order", "Implementation details that matter",
            # "From RPN outputs to proposals": a list of things, no one working)
        return "" if " " not in name and name.isalpha() and name[1:].islower() else name  # (a common word alone,
        # "Permutation" under "Variable importance": a kind of the heading above, named too loosely to ask of)
    return ""


def _plural_head(name: str) -> bool:
    """Whether a name is no one thing's but a phrase about several: a plural qualified by a clause ("Implementation
    details that matter", "Tricks I use"), or a phrase that opens on a preposition ("From RPN outputs to
    proposals")."""
    if _PREPOSITION_FIRST.match(name):
        return True
    clause = _CLAUSE.search(name)
    head = name[:clause.start()].split() if clause else []
    last = head[-1] if head else ""
    return last.isalpha() and last.islower() and last.endswith("s") and not last.endswith(("ss", "us", "is"))


_ACRONYMS = re.compile(r"[A-Z]{2,}s$")  # (a name ending on an acronym's plural, "MDPs", "GANs": several things)
# A relative clause or the writer's own words after a name's head noun ("… that matter", "… I use")
_CLAUSE = re.compile(r"\s+(that|which|who|I|we|you)\s")
_PREPOSITION_FIRST = re.compile(r"(?i)(?:from|to|into|with|without|for|on|in|at|by|about|beyond|before|after)\s")


def _in_sentence(name: str) -> str:
    """A heading's name as a question writes it inside a sentence: a common noun's capital dropped ("Beam search"
    → "beam search"), a name's kept ("Truncated BPTT", "Adam", "Newton's method"); a name's common noun with its
    article ("the SVI loop")."""
    first, *rest = name.split(" ")
    if first.casefold() in ("one", "a", "an", "the"):
        return first.casefold() + name[len(first):]  # ("One HMC transition" → "one HMC transition")
    if rest and any(c.isupper() for c in first[1:]) and rest[-1].isalpha() and rest[-1].islower():
        return f"the {name}"  # ("CAVI algorithm", "SVI loop": a name's common noun takes its article)
    if not rest or not first[1:].islower() or not first.replace("-", "").isalpha() or \
            any(not w.islower() for w in rest):
        return name
    common = first.lower() + name[len(first):]
    # (a thing one has, "a reliability diagram", takes its article; a method, "beam search", none)
    return f"a {common}" if rest[-1] in _COUNTED_THINGS else common


def _subject(heading: str) -> str | None:
    """The heading's name: cut at a subtitle or aside, and at "=" its last side ("Newton–Raphson = IRLS" → "IRLS");
    '' for a name of more than five words or a question; None for a generic label ("Steps", "Overview")."""
    name = _BRACKETED.sub("", clean_prose(heading)).strip()  # ("Recipe [@smith2017]": a citation key, no name)
    name = name.rsplit("=", 1)[-1].strip() if "=" in name and "$" not in name else name
    if (cut := _NAME_CUT.search(name)) and _DASH.fullmatch(cut[0]) and name[cut.end():][:1].isupper() \
            and not _LEAD_LABEL.fullmatch(name[cut.end():].strip()):
        return ""  # ("Generative model - Latent Dirichlet Allocation": which of the two names works so?)
    name = name[:cut.start()] if cut else name
    name = name.strip().rstrip(".:")
    if not name or name.endswith("?") or len(name.split()) > 5 or "$" in name or "`" in name:
        return ""
    if name.casefold() in GENERIC_LABELS or is_facet(name) or _LEAD_LABEL.fullmatch(name):
        return None  # ("… › Recipe › Steps": the subject is the heading above)
    return name
