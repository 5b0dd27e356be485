"""A note's lead that opens on the name its title starts with, as the subject of a claim in the present:

    # Kernel PCA for image data — notes
    Kernel PCA (Schölkopf 1998) computes the principal components in a feature space. …
      →  Kernel PCA for image data — notes\\n\\nWhat does Kernel PCA compute?

Shown only the title, a learner cannot tell what to recall; the sentence's subject and verb say it. The subject is
the title's name: its whole text, or its words before a preposition or a dash ("SHAP for trees — …" → "SHAP"), not
a lone article or a pronoun. A bracketed aside after the name (a citation, an abbreviation) is skipped; what the
verb asks is `claim_asks.asked_front`'s (a sentence no form reads asks nothing: its front stays). Pure: text in, a
question out.
"""

from __future__ import annotations

import re

from mlwiki.extract.claim_asks import asked_front
from mlwiki.extract.heading_claims import _as_asked
from mlwiki.extract.prose import clean_prose

# Where a title's name ends and the rest of the title goes on: a preposition, a dash, a colon
_CUT_WORDS = frozenset("for in on with from under via — – - : · / and".split())
_NOT_NAMES = frozenset("a an the this that these those it its my our your their how why what when which".split())
_ASIDE = re.compile(r"[ \t]*\([^()\n]{1,80}\)")  # ("SHAP (Lundberg & Lee 2017) attributes …": a citation)
_MARKS = re.compile(r"\*\*|==|(?<![\w*])\*(?=\w)|(?<=\w)\*(?![\w*])")  # (bold, highlight, italics: "**partitions**")
MAX_NAME_WORDS = 4
# A label that asks what the subject is or does: "What CART does, mechanically: …", "What a GP is:"
_WHAT_LABEL = re.compile(r"What[ \t]+(?P<name>[^,:\n]{1,40}?)[ \t]+(?P<verb>does|do|is|are)(?:,[^:\n]{1,30})?:[ \t]")  # a longer opening is a title's phrase, not a name a question can hold


def named_question(title: str, sentence: str) -> str | None:
    """The question `sentence` answers about the name `title` opens with, when the sentence opens on that name as
    the subject of a claim (see the module's doc); None otherwise."""
    text = " ".join(_MARKS.sub("", clean_prose(sentence)).split())
    for name in _names(title):
        if not text.casefold().startswith(name.casefold()) or text[len(name):len(name) + 1] not in (" ", ","):
            continue
        name, rest = text[:len(name)], text[len(name):]  # (the name as the sentence writes it: "Topic models")
        if aside := _ASIDE.match(rest):
            rest = rest[aside.end():]
        name = _as_asked(name)  # ("Matrix factorization" at a sentence's start: "matrix factorization")
        claim = f"{name} {rest.strip()}"
        question = asked_front(f"{name} …", claim)
        return question if question.endswith("?") and question != f"{name} …" else None
    return None


def labelled_question(title: str, text: str) -> str | None:
    """'What does CART do?' for a text opening on the label "What CART does, mechanically:" (or "What X is:"),
    where X is the name `title` opens with; None otherwise."""
    if not (found := _WHAT_LABEL.match(text)) or found["name"].casefold() not in {n.casefold() for n in _names(title)}:
        return None
    verb = found["verb"]
    return f"What {verb} {found['name']}?" if verb in ("is", "are") else f"What {verb} {found['name']} do?"


def _names(title: str) -> list[str]:
    """The names a title may open with, longest first: the whole title, and its words before each cut word."""
    words = title.split()
    names = [title] if len(words) <= MAX_NAME_WORDS else []
    for k in range(min(len(words) - 1, MAX_NAME_WORDS), 0, -1):
        if words[k].casefold() in _CUT_WORDS or words[k - 1].endswith(":"):
            names.append(" ".join(words[:k]).rstrip(":"))
    names = [name for name in names if name and _named(name.split())]
    return names + [form for name in names for form in _other_forms(name) if form not in names]


def _other_forms(name: str) -> list[str]:
    """How a sentence may name what a title names: its initials ("Hamiltonian Monte Carlo" → "HMC"), the singular
    of a plural title under an article ("Propensity scores" → "The propensity score")."""
    words = name.split()
    forms = []
    if len(words) >= 2 and all(w[:1].isupper() and w.isalpha() for w in words):
        forms.append("".join(w[0] for w in words))
    if words[0].casefold() not in ("a", "an", "the"):
        one = name[:-1] if name.endswith("s") and not name.endswith("ss") and words[-1].isalpha() else name
        forms += [f"The {one}", f"A {one}", f"An {one}"]
    return forms


def _named(words: list[str]) -> bool:
    """Whether a title's opening words are a name: not a pronoun or a question word, nor an article alone."""
    first = words[0].casefold()
    return first not in _NOT_NAMES or first in ("a", "an", "the") and len(words) > 1
