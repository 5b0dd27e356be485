"""What a note is about, and which of its parts are not study material.

- The **subject** roots every heuristic card's heading path, so a front never lacks what it is about: the front
  matter `title`, else the note's title heading (its first H1, or a lone heading at its top: see title_heading),
  else (as Obsidian and Foam name notes) the file name. A title that is only a date (a daily note) names no subject.
- **Worked examples and exercises** are not cards: sections titled Example, Exercise, Solution or Problem, MyST
  `{exercise}`/`{solution}` directives, callouts titled so; and formulas that compute numbers. (An `{exercise}` with
  its `{solution}` right under it is one card of the question and its answer: `exercises`.) So are the writer's
  own runs: a lab, an experiment log, "My runs (…)" (`own_runs`).
- **Definitions** are told from labelled values: "**Optimizer**: [Adam](…)" or "**Batch size**: 32" is a value,
  "**Dropout**: randomly zeroing activations …" a definition.
"""

from __future__ import annotations

import functools
import re
from pathlib import PurePosixPath

from mlwiki.extract.daily import is_date, is_stamped
from mlwiki.extract.own_runs import reports_own_runs
from mlwiki.render.spans import without_zettel_id

_NO_SUBJECT_STEMS = frozenset(("index", "readme", "intro", "introduction", "untitled", "_index"))
_GENERIC_TITLES = frozenset(("introduction", "intro", "overview", "summary", "basics", "notes", "getting started"))
_GENERIC_FOLDERS = frozenset(("", "docs", "doc", "notes", "chapters", "content", "posts", "pages", "src", "book"))
# A heading or callout title that opens a worked example or an exercise ("Example 2:", "Exercises", "Solution");
# "Multiple Training Examples at Once" is about data points, "Problem of Class Imbalance" and "Solutions to
# overfitting" are topics, not worked examples, and so is "Problem setup & baselines" (how a task is framed: its
# formulation, definition or setting). "Toy data" sets up the data a notebook's run works on.
_EXAMPLE_TITLE = re.compile(r"(?i)[\W\d_]*(?:worked\s+)?(?:examples?|exercises?|solutions?(?!\s+(?:to|for)\b)|"
                            r"problem(?:\s*\d[\w.]*|\s+sets?(?![- ]up\b)|\s+sheets?|s?\s+(?:and|&)\s+solutions?|(?![\w])(?!\s+(?:of|with)\b)"
                            r"(?!\s+(?:set[- ]?up|formulation|definition|framing|setting)\b))|"
                            r"practice|homework|quiz|(?:toy|synthetic|dummy)\s+(?:data(?:\s*sets?)?|problems?))\b|"
                            r".*\b(?<!training )(?<!test )(?<!negative )(?<!positive )"
                            r"(?<!adversarial )(?<!labelled )(?<!labeled )(?:examples?|exercises?|excerises?)\b|"
                            r".*\bmade[- ]up\b|.*\b(?:toy|sanity|example) numbers\b|"  # ("Quick sanity numbers (made up)")
                            r".*\btoy (?:runs?|examples?|problems?)\b|"  # ("Toy run (k = 2) from the tutorial sheet")
                            r".*\bworked\s+(?:iterations?|calculations?|computations?|numbers)\b|"  # ("Worked iteration (1-D, by hand)")
                            # a section of numbers worked out or read off the writer's own run: "Numbers (alarm
                            # network, my CPTs)", "UCB numeric check", "Output on my machine", "Results on my
                            # data"; not a check that says how it is done ("Tiny numeric check (how I test CI …)")
                            r"(?:some\s+|quick\s+|rough\s+)?numbers\s*(?:\(|for\b|from\b)|(?!.*\bhow\b).*\bnumeric(?:al)?\s+checks?\b|"
                            r"(?:my\s+)?(?:output|results?|numbers|timings?)\s+(?:on|from)\s+my\b|.*\bon\s+my\s+(?:machine|laptop|data|gpu)\b")
# A sentence that introduces an example rather than a formula to learn ("For example, take $f(x) = x^2$:",
# "Suppose we have a function like this:").
_EXAMPLE_START = re.compile(r"(?i)(?:for (?:example|instance)|e\.g\.|as an example|consider the example|in (?:this|our) case|"
                            r"suppose|let[’']?s (?:say|suppose|assume|take)|say we have|imagine|"
                            r"consider (?:a|an|the following|this)\b(?! (?:function|distribution|random variable)s? of))\b")
_EXAMPLE_INSIDE = re.compile(r"(?i)\b(?:this|our|the following|in the) (?:example|exercise)\b|\bthe given function\b")


def sets_up_example(sentence: str) -> bool:
    """Whether the sentence before a formula sets up an example rather than a formula to learn."""
    if _EXAMPLE_START.match(sentence):
        return True
    lower = sentence.lower()  # (the search runs only on the few sentences that could match)
    return ("example" in lower or "exercise" in lower or "given function" in lower) and \
        bool(_EXAMPLE_INSIDE.search(sentence))
# A section that opens by announcing that it traces one example ("Let's walk step by step through a simple tensor
# operation", "We will trace what happens when …", "Consider the expression:", "Creating a tensor exemplifies …"), or
# runs a method on one data set ("In this section, we will implement GraphSAGE … on the PubMed dataset": its data's
# counts and classes, then its code)
_WALKTHROUGH = re.compile(r"(?i)(?:let[’']?s|we(?:[’']ll| will)?)[ \t]+(?:now[ \t]+)?(?:walk|trace|step)\b[^.:\n]*?\b"
                          r"(?:through|what happens)\b|^consider (?:the|this) (?:expression|code|snippet|call)\b|"
                          r"\bexemplif(?:y|ies)\b|(?:let[’']?s|we(?:[’']ll| will)?)[ \t]+(?:now[ \t]+)?implement\b"
                          r"[^.:\n]*?\b(?:on|of|for|to) (?:the|a|an|our)\b[^.:\n]*?\b(?:dataset|data set)s?\b")


def walks_through(text: str) -> bool:
    """Whether a section's first paragraph announces that the section traces one example step by step, or runs a
    method on one data set: what follows are the steps of that example ("Next, the result is added with 1") or that
    data set's particulars ("19,717 nodes and 88,648 edges"), not things to learn alone."""
    return ("walk" in text or "trace" in text or "step" in text or "onsider" in text or "xemplif" in text
            or "mplement" in text) and \
        bool(_WALKTHROUGH.search(text[:400]))


EXAMPLE_CLASSES = frozenset(("exercise", "solution", "example", "callout-example", "callout-exercise"))

# A piece of a formula between relations that is only arithmetic on numbers: `0 + 1`, `\frac{320}{500}`, `(5, 2)`.
_ARITHMETIC = re.compile(r"(?:[\d.,\s+\-*/^(){}\[\]|]|\\(?:frac|dfrac|tfrac|cdot|times|div|left|right|,|;|!|quad)"
                         r"(?![A-Za-z]))+")
_SPLIT_RELATIONS = re.compile(r"=|\\approx|\\leftarrow|\\gets|\\to(?![A-Za-z])|\\Rightarrow|\\implies")
_OPERATOR_BETWEEN_NUMBERS = re.compile(r"\d\s*(?:[+\-*/]|\\cdot|\\times|\\div)\s*[\d(]")

_WORD = re.compile(r"[^\W\d_]{2,}")
_LINK_ONLY = re.compile(r"\s*(?:\[[^\]]*\]\([^)]*\)|\[\[[^\]]*\]\]|<[^>]+>|https?://\S+)\s*[.;,]?\s*")
_NUMBER_START = re.compile(r"\s*[~≈<>≤≥±+\-]?\s*\d")
_NUMBER_LED_WORDS = 8  # ("~2000 proposals from selective search → warp each crop → a CNN per crop …" describes)


def note_subject(title: str, first_h1: str, path: str, as_before: bool = False) -> str:
    """The subject of a note: its title, its first H1 or its file name, whichever comes first and is not a
    date ("2025-11-16") or a generic file name (`index`, `README`). A file name's Zettelkasten id is no part of
    it ("202406121030 Receptive field" is "Receptive field"), nor the `_` of a Quarto partial (`_notation.qmd`,
    included into other pages), unless `as_before` (the file name as mlwiki read it before)."""
    for candidate in (title, first_h1):
        candidate = candidate.strip()
        if candidate and not is_date(candidate):
            return _in_its_folder(candidate, path)
    stem = PurePosixPath(path).stem.strip()
    stem = stem[:-len(".excalidraw")] if stem.endswith(".excalidraw") and not as_before else stem  # (a drawing's
    # page, `PCA two views.excalidraw.md`: named as Obsidian lists it)
    if not stem or stem.lower() in _NO_SUBJECT_STEMS or is_date(stem) or not as_before and is_stamped(stem):
        return ""  # ("scratch.2024.03.14.153012" names no subject; its cards keep the ids they had under it)
    return stem if as_before else without_zettel_id(stem.lstrip("_") or stem)




def included_subject(subject: str, ctx, as_before: bool = False) -> str:
    """The subject of a Quarto partial that a document includes (`ctx.included_under`: "Title › Heading", where its
    reader sees it) when its own subject is only its file's slug ("dags" of `_dags.qmd`); else `subject`. Not
    `as_before`: its cards keep the ids they had under the slug."""
    if as_before or not ctx.included_under or subject != note_subject("", "", ctx.path):
        return subject
    return ctx.included_under


def names_nothing(stem: str) -> bool:
    """Whether a file name names no subject of its own ("index", "Overview", "2025-11-16")."""
    folded = stem.strip().casefold()
    return not folded or folded in _NO_SUBJECT_STEMS or folded in _GENERIC_TITLES or is_date(folded)


def _in_its_folder(title: str, path: str) -> str:
    """A title that names no subject of its own ("Introduction", "Overview") with its folder's name before it, as a
    book's chapter reads in its part: `calculus/intro.ipynb` titled "Introduction" is "Calculus: Introduction"."""
    if title.casefold() not in _GENERIC_TITLES:
        return title
    folder = PurePosixPath(path).parent.name.replace("_", " ").replace("-", " ").strip()
    return f"{folder[:1].upper()}{folder[1:]}: {title}" if folder and folder.casefold() not in _GENERIC_FOLDERS else title


def names_subject(subject: str, headings: list[str]) -> bool:
    """Whether the heading path already says the subject, as a whole word ("DBSCAN" is not named by "HDBSCAN"),
    so it need not be put in front of it. (No regex: a note's subject is new for every note scanned.)"""
    folded = subject.casefold()
    return any(holds_whole(heading.casefold(), folded) for heading in headings)


def holds_whole(text: str, words: str) -> bool:
    """Whether `text` holds `words` with no word character on either side (as `\\b…\\b` would find them, without
    compiling a pattern for words that are new each time)."""
    start = text.find(words)
    while start >= 0:
        end = start + len(words)
        if (start == 0 or not _word_char(text[start - 1])) and (end == len(text) or not _word_char(text[end])):
            return True
        start = text.find(words, start + 1)
    return False


def _word_char(char: str) -> bool:
    return char.isalnum() or char == "_"


@functools.lru_cache(maxsize=4096)  # a section's headings are asked about again for every heading under them
def is_example_title(title: str, own_runs: bool = True) -> bool:
    """A heading or callout title that opens a worked example, an exercise or its solution: it starts with
    Example, Exercise, Solution, Problem …, or says example or exercise anywhere ("A mathematical example";
    "The vanishing gradient problem" and "Closed-form solution" are not examples). With `own_runs`, so is a heading
    over the writer's own runs (`own_runs.reports_own_runs`); a label in the text ("**Experiment log (in order)**"
    over a list) is asked without: its items are the runs (`run_lists`), and the line under it may state the lesson."""
    return bool(_EXAMPLE_TITLE.match(title)) and not _STANDARD_EXAMPLE.match(title) and not _CLASSIC_EXAMPLE.match(title) \
        or own_runs and reports_own_runs(title)  # (a lab, an experiment log, the writer's own runs: read as a worked example is)


# A heading that names its subject, then calls it the standard instance of a notion: "Random walk — the canonical
# non-stationary example", "Ridge: a classic example of shrinkage", "5. Bayesian linear regression (the canonical
# example)". The section teaches its subject; it works no
# example out.
_STANDARD_EXAMPLE = re.compile(r"(?i)[ \t]*(?:\d+(?:\.\d+)*\.?[ \t]+)?(?!(?:worked[ \t]+)?examples?\b)[^\W\d][^—–:()]*?"
                               r"(?:[ \t]*:[ \t]+|[ \t]+[—–-][ \t]+|[ \t]*\([ \t]*)(?:the|a|an)[ \t]+(?:canonical|classic(?:al)?|"
                               r"standard|textbook|prototypical|simplest)\b[^—–:()]*\bexamples?\b[^—–:()]*\)?[ \t]*$")
# A heading that names a textbook's example of its subject by what it is about, maybe with where it is found: "The
# classic Gaussian example (Bishop 10.1.2)", "A canonical XOR example". The result it shows is what the section
# teaches; "The classic example" alone names nothing and stays an example.
_CLASSIC_EXAMPLE = re.compile(r"(?i)[ \t]*(?:(?:the|a|an)[ \t]+)?(?:canonical|classic(?:al)?|textbook)[ \t]+[^\W\d][^—–:()\n]{0,40}?"
                              r"[ \t]+examples?[ \t]*(?:\([^()\n]{1,60}\))?[ \t]*$")


# A heading that is only "Problem" or "Solution" ("## Solution" over "- Better weight initialization", "## Problem" over
# what a method fixes) names a topic's problem or its fix, unless what it heads sets a task: a verb of one ("Show that
# …", "1. Compute …"), a question, or a book's exercise number ("C&T 2.4").
_BARE_TASK_TITLE = re.compile(r"(?i)[ \t]*(?:the[ \t]+)?(?:problems?|solutions?)[ \t]*[:.]?[ \t]*")
_SETS_TASK = re.compile(r"(?i)[\s>*_+-]*(?:\d+[.)][ \t]*)?(?:show|prove|compute|calculate|find|derive|determine|let|"
                        r"suppose|consider|given|write|implement|explain|verify|evaluate|estimate|sketch|use|assume|"
                        r"what|how|why|which|when)\b|[^\n]*\?|[^\n]*\b\d+\.\d+\b|[ \t]*\$")


def heads_topic_part(title: str, first_text: str, after_example: bool) -> bool:
    """Whether a heading read as an exercise's ("## Problem", "## Solution") heads a part of the topic instead: it is
    nothing but that word, does not follow an exercise or example (a solution to it), and its first line sets no
    task."""
    return bool(_BARE_TASK_TITLE.fullmatch(title)) and not after_example and not _SETS_TASK.match(first_text)


# A title that names what its example applies the theory to: "Worked example: SVM dual", "Example — ridge regression"
_APPLIED_TITLE = re.compile(r"(?i)[\W\d_]*(?:worked\s+)?example\s*[:—–-]\s*[^\W\d][^\d]*")
_MATH_SPAN = re.compile(r"\$\$(.+?)\$\$|\$([^$\n]+)\$", re.S)


def applies_theory(title: str, body: str) -> bool:
    """Whether a note titled as a worked example ("Worked example: SVM dual") works in symbols, not numbers: it
    applies the theory to a named model, a chapter to study; one formula on made-up numbers makes it an example. A
    note titled as the writer's log ("# char-RNN experiment log") is read whole too: a note of its own, its lessons."""
    if reports_own_runs(title):
        return True  # (a section so titled is a run reported beside the theory; a note so titled, a log to learn from)
    if not _APPLIED_TITLE.fullmatch(title):
        return False
    return not any(computes_numbers(m.group(1) or m.group(2)) for m in _MATH_SPAN.finditer(body))


# An introduction that works the example: it puts values in ("Substituting the known values:", "Plug in …")
WORKING = re.compile(r"(?i)^(?:let|compute|calculate|combine|apply|plug|substitute)\b|\b(?:in this case|in our case|substitut\w*|known values|plugging|from the "
                      r"(?:equation|earlier|above|simplified|previous)|we can write|rewrite|we get|we have|we've shown|"
                      r"simplif\w*|intermediate values|the given|you)\b")


def works_values(intro: str) -> bool:
    """Whether the prose before a formula in a worked example puts its values in ("Substituting the known values:",
    "Plugging in:"): what follows is the example's arithmetic, not a step of the general formula."""
    return bool(WORKING.search(intro))


# A case set by made-up values ("With $\alpha = 0.8$ and $\gamma = 4$, …"; not a limit, "When $\lambda = 0$, …", nor
# one setting of the method, "With $T = 1000$ this means 1000 network evaluations …")
_EXAMPLE_CASE = re.compile(r"(?:For|When|With|If)\b(?:[^,;:!?=]{0,40}?=\s*(?![01](?![.\d])|\\infty)\d[^,;:!?=]*?)"
                           r"(?:,?[^,;:!?=]{0,40}?=\s*(?![01](?![.\d])|\\infty)\d[^,;:!?=]*?)")  # ("$\alpha = 0.8$, $\gamma = 4$")


def sets_example_values(text: str) -> bool:
    """Whether a text opens on a case set by made-up values ("With $\\alpha = 0.8$, $\\gamma = 4$ → about 3.4 tokens"):
    a worked example, not what a formula means."""
    return bool(_EXAMPLE_CASE.match(text))


def computes_numbers(formula: str) -> bool:
    """A formula that works something out on made-up numbers (`b = 0 + 1 = 1`, `\\hat p = \\frac{320}{500} =
    0.64`): one of the pieces between its relations is arithmetic only, with an operation between numbers or at
    least three digits. `\\sum_i p_i = 1` and `\\sigma(0) = \\frac{1}{2}` are facts, not examples."""
    pieces = _SPLIT_RELATIONS.split(formula)
    if len(pieces) < 2:
        return False
    for piece in pieces:
        piece = piece.strip().rstrip(".,;")
        if not piece or not _ARITHMETIC.fullmatch(piece):
            continue
        digits = sum(ch.isdigit() for ch in piece)
        if digits >= 3 or (digits >= 2 and _OPERATOR_BETWEEN_NUMBERS.search(piece)):
            return True
    return False


_SHOWS = re.compile(r"(?:shows|displays|plots|visuali[sz]es|illustrates|demonstrates)\b", re.I)
# A tutorial telling what it does next ("**Lookahead**: We compute the gradient at …", "Let's …"): a step, not a term
# "misleading under class imbalance (same reason as above)": what the text before says, not what the term is
_POINTS_AWAY = re.compile(r"(?i)\b(?:as|see|reason as|like) (?:above|below)\b|\bsame (?:reason|as) (?:above|before)\b")
_NARRATES = re.compile(r"(?:we|let[’']?s|i|you)\b", re.I)


def points_away(text: str) -> bool:
    """Whether a text leans on what stands around it ("same reason as above", "see below"): no card's answer."""
    return _POINTS_AWAY.search(text) is not None


def reads_as_definition(text: str) -> bool:
    """Whether the text after `**Term**:` defines the term: words (at least three), not a number, a quantity,
    a lone link or a short value ("2 ReLU units", "[Adam](…)", "32", "0.01", "Adam"), nor what a plot or a demo
    shows ("**Perceptron**: Shows how misclassifications decrease over epochs"), nor a tutorial's narration
    ("**Lookahead**: We compute the gradient at the point momentum leads to")."""
    text = text.strip()
    if not text or _NUMBER_START.match(text) and len(_WORD.findall(text)) < _NUMBER_LED_WORDS \
            or _LINK_ONLY.fullmatch(text) or _SHOWS.match(text) \
            or _NARRATES.match(text) or _POINTS_AWAY.search(text):
        return False
    return len(_WORD.findall(text)) >= 3


# A bold label that names a side of its subject, not a term ("- **Good**: better calibration", "- **Cons**: …"), or
# judges the reading it labels ("**Wrong:** '95% probability that μ is in it'", "**Right:** …")
_JUDGES = re.compile(r"(?i)(?:the )?(?:good|bad|pros?|cons?|(?:dis)?advantages?|upsides?|downsides?|strengths?|"
                     r"weaknesses|benefits?|drawbacks?|limitations?|caveats?|pitfalls?|gotchas?|verdict|"
                     r"scalability|(?:time |space |computational )?complexity|(?:compute |computational |memory )?cost|"
                     r"runtime|speed|"  # (what it costs: "**Scalability**: the kernel matrix is n×n …")
                     r"wrong|right|correct|incorrect|myth|reality|"  # (a reading judged: "**WRONG:** '…'")
                     r"(?:when|why) (?:to|not to) use(?: it)?|use cases?|"
                     r"[\w-]+(?: [\w-]+)? (?:view|perspective|interpretation|intuition|picture)|"
                     r"(?:choosing|picking|tuning|setting|selecting|how to|when to) [^\n]{1,30})")


def judges(term: str) -> bool:
    """Whether a bold label names a side of its subject ("Good", "Cons", "Limitations", "Scalability", "Bayesian view",
    "Choosing $k$"), which a card asks as "… › Label smoothing › Good", not as a term to define ("Define: Good" asks nothing)."""
    return bool(_JUDGES.fullmatch(term.strip()))


# A heading over the places a subject is used ("Where else EM shows up", "Applications", "Used in") or over its
# properties ("Properties", "Assumptions"): its bold items name those places or properties, not terms to define
_USES = re.compile(r"(?i).*\b(?:where (?:else )?(?:[\w-]+ )*?(?:shows? up|is used|appears|helps)|applications?|"
                   r"use[sd] (?:in|for)|uses|in the wild|in practice|properties|characteristics|assumptions|"
                   r"problems|issues|challenges|failure modes)\b.*")  # (and the problems it has: "**sparsity**: …")
# A heading over what a paper measured ("Experiments", "Results (accuracy %)"; not "Key results", a theory's lemmas):
# its bold items name a quantity, "**Test accuracy**: state of the art on most datasets", whose result they give
_MEASURED = re.compile(r"(?i)\s*(?:experiments?|experimental results|empirical results|results|findings|ablations?|"
                       r"benchmarks?)(?:\s*\([^()]*\))?\s*")


def lists_uses(heading: str) -> bool:
    """Whether a heading is over the places its subject is used, whose bold items ("**HMMs**: Baum–Welch is EM")
    are asked as "… › Where else EM shows up › HMMs", not "Define: HMMs"."""
    return bool(_USES.fullmatch(heading))


def measures(heading: str) -> bool:
    """Whether a heading is over what a paper measured ("Experiments", "Results (accuracy %)"), whose bold items
    ("**Test accuracy**: best on 7 of 9 datasets") are asked as "… › Experiments › Test accuracy", not "Define: …"."""
    return bool(_MEASURED.fullmatch(heading))


# A bold label that is no term to define, though it leads a `**Label**:` line as a term does: a word that stands for
# what the text around it says ("**problem**:", "**the trick**:", "**key idea**:"), a citation ("**Bahdanau et al.
# 2015**:", "**Smith & Jones (2019)**:"), a condition ("**If p-value ≤ α**:"), a question ("**why scale by √d**:") or
# a phrase led by a preposition or a quantifier ("**on noisy data**", "**all linear layers**")
_STANDS_FOR = re.compile(r"(?i)(?:the |a |an |one |main |key |big |real |core |whole )*(?:problem|issue|trick|catch|"
                         r"idea|point|thing|gist|takeaway|fix|answer|reason|question|result|upshot|twist|insight|"
                         r"observation|conclusion|lesson|punchline|hack|rule of thumb)s?")
_CITATION = re.compile(r"[A-Z][a-z][\w'’-]*(?:(?:(?:,| &| and) [A-Z][a-z][\w'’-]*)+| et al\.?),? \(?(?:19|20)\d\d[a-z]?\)?")
# (authors and a year: "Adam (2014)" and "R-CNN (2014)" name a method by its year)
_CONDITION_OR_QUESTION = re.compile(r"(?i)(?:if|when|whenever|unless|once|while|why|how|what|which|where|who)\b")
LEADS_NO_TERM = re.compile(r"(?i)(?:on|in|at|for|with|without|from|by|via|under|over|into|onto|through|during|after|"
                           r"before|between|within|across|all|every|each|no|not|only|any|both)[ \t]")  # ("**Most probable explanation**" is one)
_QUESTION = re.compile(r"(?i)(?:why|how|what|which|where|who)\b")
# A label for an aside on a topic ("Note on the MC error", "Remark about variance"): the topic is what is asked
_ASIDE_ON = re.compile(r"(?i)(?:notes?|remarks?|comments?|aside|caveats?|warning|tips?|hints?|thoughts?)[ \t]+"
                       r"(?:on|about|regarding|re:?)[ \t]+(?:(?:the|a|an)[ \t]+)?(?P<topic>\S.*)")


def names_no_term(term: str) -> bool:
    """Whether a bold label names no term a card could ask to define: a word for what the text says ("problem",
    "the trick"), a citation ("Bahdanau et al. 2015"), a condition or a question ("If p-value ≤ α", "why divide by
    √d"), a phrase led by a preposition or a quantifier ("on noisy images", "all linear layers")."""
    term = term.strip()
    return bool(_STANDS_FOR.fullmatch(term) or _CITATION.fullmatch(term) or _CONDITION_OR_QUESTION.match(term)
                or LEADS_NO_TERM.match(term) or _ASIDE_ON.fullmatch(term))


def stands_for(term: str) -> bool:
    """Whether a bold label is a word for what the text around it says ("problem", "the trick", "key idea")."""
    return bool(_STANDS_FOR.fullmatch(term.strip()))


def label_front(term: str) -> str:
    """How a label that names no term reads at the end of a front: a question asked as one ("why divide by $\\sqrt
    d$" → "Why divide by $\\sqrt d$?"), a word for what the text says capitalised ("the trick" → "The trick"), an
    aside by its topic ("Note on the MC error" → "MC error")."""
    term = term.strip()
    if aside := _ASIDE_ON.fullmatch(term):  # ("Note on the MC error" → "MC error": what the aside is about)
        return aside.group("topic")
    if _QUESTION.match(term):
        return f"{term[:1].upper()}{term[1:].rstrip('?:. ')}?"
    return f"{term[:1].upper()}{term[1:]}" if _STANDS_FOR.fullmatch(term) else term


# What follows a label when it says what to do or how good the thing is, not what it is ("**Standard errors**: always
# cluster by unit", "**Temporal split**: more realistic … Use it when you can.")
_ADVISES = re.compile(r"(?i)[ \t]*(?:always|never|don[’']t|do not|avoid|prefer|make sure|be sure|be careful|careful|"
                      r"remember|use (?:it|them|this|these)|you (?:should|must|need)|should|must|"
                      r"(?:much |far |a bit |slightly )?(?:(?:more|less)(?! than\b)|better|worse|faster|slower|cheaper|simpler))\b")


def advises(text: str) -> bool:
    """Whether the text after a label gives advice or a verdict ("always cluster by unit", "more realistic, closer
    to deployment") rather than saying what the labelled thing is."""
    return bool(_ADVISES.match(text))
