"""The author's own voice: sentences in which the writer of a note speaks of themself ("I finally implemented it to
see what's going on.", "… outputs are what I got locally.", "My notes for the autumn course.") tell the author's
story, not what the subject is; a passage keeps what is left around them (`without_author`).

Only the first person singular, written as a word of its own: "Type I error" and "type I and II" are names, "I is
the identity" a symbol, and a question or mnemonic in quotes ("when I say yes, am I right?") is what the reader
asks, not the author's story.
"""

from __future__ import annotations

import re

from mlwiki.extract.prose import sentences

# "I" and a word after it in lower case (an adverb between: "I finally implemented"), or the author's notes
_I = r"I(?:['’](?:m|ve|d|ll)\b| (?!(?:and|or|error|errors|is|are|has|=)\b)(?:[a-z]+ly )?[a-z]{2,})"
# "My MNIST GAN from last week produced …": what happened to something of the author's, a story
_MINE_HAPPENED = r"My (?:[\w-]+ ){1,6}?(?:[a-z]{2,}ed|was|were|had|got|did|went|made|ran|broke|took|gave|kept|drew)\b"
_AUTHOR = re.compile(r"(?<![\w$\\'’\"“.\-])" + _I + r"|(?<![\w$\\])[Mm]y (?:own )?(?:notes?|write-ups?|summary|"
                     r"understanding)\b|(?<![\w$\\])" + _MINE_HAPPENED)
_AUTHOR_NEEDS = ("I ", "I'", "I’", "My ", "my ")  # (each alternative of `_AUTHOR` holds one: said before a search,
# which tries its lookbehinds at every character)
# A sentence whose subject is the author: "I found …", "So I …", "Comment: I don't know why …", "My notes for …"
_AUTHOR_FIRST = re.compile(r"[\W_]*(?:[A-Z][a-z]*,? |[\w ]{1,20}: )?(?:" + _I + r"|My (?:own )?notes?\b|" + _MINE_HAPPENED + ")")
# "Rule of thumb I saw: log the gradient norm …": the author in a label, before what it labels
_AUTHOR_LABEL = re.compile(r"[^:.!?]*\b" + _I + r"\b[^:.!?]*:\s+\S")
# A first sentence that says what the page is or does, with no verb of its own: "Notes from re-reading Mikolov et al.
# (2013).", "Writing out backprop for a tiny network with every matrix shape annotated."
_PAGE_TALK = re.compile(r"(?:(?:[\w-]+ )?notes (?:from|on|for|after)\b|(?:writing|working|going|walking) "
                        r"(?:out|through|down)\b)[^.!?:]*[.!?](?:\s|$)", re.I)
# "I" as anyone who does what the text says: a condition ("If I initialise …", "When I double the batch …", "any model
# where I can evaluate …"), a way
# to see the subject ("I think of X as …", "I remember it as …"), a habit to copy ("I now run …", "I always check …")
_ANYONE = re.compile(r"(?:(?<![\w'’])(?:[Ii]f|[Ww]hen(?:ever)?|[Oo]nce|[Uu]nless|[Bb]efore|[Aa]fter|where(?:ver)?) I\b|"
                     r"\bI (?:like to |tend to )?(?:think of|picture|read|remember|see) (?:it|this|them|[^\s.,;]+(?: "
                     r"[^\s.,;]+){0,6}) as\b|"
                     r"\bI (?:now|always|usually|often) (?:run|use|check|set|prefer|pick|start|keep|clip|add)\b|"
                     # what anyone can or cannot do to a thing, said of it in a relative clause: "an expectation that
                     # I can't compute", "a log, which I *can* estimate by sampling"
                     r"(?<![\w'’])(?:that|which) I (?=[*_]{0,2}(?:can(?:not|['’]t)?|could(?:n['’]t)?)\b))")
_QUOTED = re.compile(r"\"[^\"\n]*\"|“[^”\n]*”|‘[^’\n]*’")
# "(I remember this as squeezing the tensor)": an aside in brackets, which leaves the sentence around it standing
_AUTHOR_ASIDE = re.compile(r"[ \t]*\((?:I|[Mm]y) [^()\n]*\)")
# "Two families.", "Three approaches:": a count of what follows and nothing else, a promise with the story
# "Switching from GANs to the other family.": where the series goes next, said around the author's story
_SEGUE = re.compile(r"(?:Switching|Moving|Turning|Returning|Heading|Coming|Going|Getting) (?:back |on |over )?"
                    r"(?:from|to|on|back)\b[^.!?]{0,60}[.!?]")
# What happened, told in the past: the end of the author's story once the author's sentences are off
_HAPPENED = re.compile(r"\b(?:went|was|were|got|became|dropped|rose|fell|jumped|improved|worked|helped|converged|"
                       r"diverged|stopped|collapsed|recovered|disappeared|vanished|exploded|flattened)\b")
_COUNT_ONLY = re.compile(r"(?i)(?:two|three|four|five|six|several|many)(?: \w+)? \w+s[.:]")


def speaks_as_author(text: str) -> bool:
    """Whether the text holds a sentence in which its author speaks of themself (not one in which "I" is anyone:
    "If I initialise both modes …", "I think of $\\sqrt{\\bar\\alpha_t}$ as the signal left", "I now run …")."""
    if "I" not in text and "y " not in text:  # (most texts: neither "I …" nor "my …")
        return False
    if '"' in text or "“" in text or "‘" in text:
        text = _QUOTED.sub("", text)
    if not any(map(text.__contains__, _AUTHOR_NEEDS)) or not _AUTHOR.search(text):
        return False
    return "I" not in text or not _ANYONE.search(text) or bool(_AUTHOR.search(_ANYONE.sub("", text)))


# When and why the writer made the page, said without "I": "Made this in week 10 to pull everything together."
_MADE_THIS = re.compile(r"[\W_]*(?:made|wrote|started|compiled|created|put together) this (?:page |doc |note |summary "
                        r"|table |sheet )?(?:in|after|before|for|to|during|while|when|as)\b", re.I)


# "Caveat I tripped on: the bound is …", "Gotcha I hit: …": a noun the author names, a label before what it labels (not
# a connective before the author's story: "So I tried: …", "Eventually I saw: …"; nor "I'm …", what the writer is
# doing: "Order I'm going through things: …", a plan)
_NOUN_LABEL = re.compile(r"[\W_]*(?!(?:So|Then|But|And|Now|Also|Here|Today|Yesterday|Later|First|Next|Again|Still|Once|"
                         r"Yet|Thus|Hence|Anyway|Plus|Sometimes|Tonight|Last|This|That|Which|Where|When|What)\b)"
                         r"[A-Z][a-z]+(?<!ly) I(?: [a-z]+){1,3}:\s+\S")


def author_speaks_first(text: str) -> bool:
    """Whether the text opens with a sentence whose subject is its author ("I'm a backend engineer …", "My notes
    for …", "Made this in week 10 to …"): a story about the page or its writer; not a rule of thumb or a way to see
    the subject ("I think of … as …", "I now run …"), which anyone may follow, nor a label the author is in
    ("Caveat I tripped on: …")."""
    return (bool(_AUTHOR_FIRST.match(text)) and not _ANYONE.match(text.lstrip("*_ ")) and not _NOUN_LABEL.match(text)
            or bool(_MADE_THIS.match(text)))


def without_author(paragraph: str, narrates=lambda sentence: False) -> str:
    """A paragraph of prose without the author's story: '' when it opens with it (an anecdote: "I found the
    random-walk example convincing: … Not a theorem though."), else without the sentences and bracketed asides in
    which the author speaks ("… they see tokens. I finally implemented it." → "… they see tokens."), a first
    sentence that only says what the page is or does ("Notes from re-reading …", "Writing out backprop …") and a count
    left after them ("Two families."). A label the author is in ("Rule of thumb I saw: log …") and an aside in
    brackets ("use torch.squeeze() (I remember it as …)") leave their sentence standing. `narrates`: whether a
    sentence walks the reader on (then a paragraph left with nothing else is the story too)."""
    if _PAGE_TALK.match(paragraph) and len(found := sentences(" ".join(paragraph.split()))) > 1:
        paragraph = " ".join(found[1:])  # ("Notes from re-reading Mikolov et al. Goal: dense vectors …")
    if not speaks_as_author(paragraph):
        return paragraph
    if author_speaks_first(paragraph):
        return ""
    found = sentences(" ".join(paragraph.split()))
    told = [_tells_story(s) for s in found]
    kept = [s for k, s in enumerate(found) if not told[k] and not (k and told[k - 1] and _REPLY.fullmatch(s.strip()))]
    if len(kept) < len(found):
        kept = [s for s in kept if not _SEGUE.fullmatch(s.strip())]
        while kept and _COUNT_ONLY.fullmatch(kept[-1].strip()):
            kept.pop()
        if all(map(narrates, kept)) or len(kept) <= 2 and all(map(_HAPPENED.search, kept)):
            return ""  # ("Spent the afternoon on t-SNE. Notes so I stop re-learning this.": all of it the story;
            # "The class histogram went from two spikes to roughly flat …" after "Honestly: switched to …": how it ended)
    return " ".join(kept)


# A sentence that only answers the author's sentence before it ("… to think the estimator is where the magic
# happens. It isn't."): it goes with it, a fragment alone
_REPLY = re.compile(r"(?i)(?:(?:it|that|this|they|he|she)[ \t]+(?:is|was|are|were|does|did|do|has|have|had|can|could|"
                    r"will|would)(?:n['’]t|[ \t]+not)|no|nope|not (?:so|really|quite|at all)|wrong)[.!]?")


def _tells_story(sentence: str) -> bool:
    """Whether the author speaks in a sentence, elsewhere than in a bracketed aside or a label before a colon."""
    if "(" in sentence:
        sentence = without_author_aside(sentence)
    return speaks_as_author(sentence) and not in_label(sentence)


def without_author_aside(text: str) -> str:
    """The text without the author's bracketed asides ("(I remember this as …)", "(my understanding)")."""
    return _AUTHOR_ASIDE.sub("", text)


def in_label(sentence: str) -> bool:
    """Whether the author speaks only in a label before what it labels ("Three reasons I've seen: it keeps …")."""
    return bool(_AUTHOR_LABEL.match(sentence)) and not author_speaks_first(sentence)


# The last sentence of a note's opening that only promises what the note goes on to list: "Two families.", "Three
# families, distinguished by architecture and objective.", "…, and there are two very different kinds."
_PROMISE = re.compile(r"(?i)(?:(?<=[.!?] )|,? and )(?:there (?:are|is) )?(?:two|three|four|five|six|several) "
                      r"(?:(?:very |quite )?(?:different|distinct|main|broad) )?[\w-]+s(?:, [^.!?]{0,60})?\.$")


def without_promise(text: str) -> str:
    """A note's opening text without a last sentence (or closing clause) that only counts what follows it."""
    if not text.endswith(".") or not (promise := _PROMISE.search(text)):
        return text
    kept = text[:promise.start()].rstrip()
    return kept + ("." if kept and kept[-1] not in ".!?" else "") if len(kept.split()) >= 6 else text


# Why the author wrote about the subject, not what it is: "RNNs are out of fashion, but …", "And it comes up in
# interviews.", "Every course shows the gradient and says …", "Old but still the clearest example of …"
_MOTIVATION = re.compile(r"(?i)\b(?:comes? up in (?:job )?(?:interviews?|exams?)|out of fashion|every (?:course|textbook|"
                         r"tutorial|lecture|blog) (?:shows|covers|does|says|derives)|old but still|still the (?:best|clearest|"
                         r"simplest) (?:worked )?example)\b")


def without_motivation(text: str) -> str:
    """A note's opening text without the sentences that say why the subject is worth a post ("… And it comes up
    in interviews."); what is left of each paragraph."""
    if not _MOTIVATION.search(text):
        return text
    paragraphs = []
    for paragraph in text.split("\n\n"):
        if _MOTIVATION.search(paragraph) and not paragraph.lstrip().startswith(("-", "*", "+")):
            paragraph = " ".join(s for s in sentences(" ".join(paragraph.split()))
                                 if not _MOTIVATION.search(s) and not _PAGE_TALK.match(s))  # (nor "Notes from …")
        if paragraph:
            paragraphs.append(paragraph)
    return "\n\n".join(paragraphs)
