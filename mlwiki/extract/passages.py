"""What reads as a passage to recall: the text of a section, a list or an answer, cleaned of what a card cannot
show (images, links on their own, tags, block ids, MyST figures) and tested for what makes no card.

A passage is refused when it is not an explanation in words: a table of contents ("Nearest Neighbor Collaborative
Filtering"), labelled values, a worked example ("0.343 + 0.441 = 0.784"), a tutorial's narration ("Let's build …",
"Now that we've …"), a pointer at what the card does not show ("the figure below", "as follows:"), talk about the
page ("This page lists …"), a teaser ("Why are VAEs blurry? …"), a sentence begun before or broken off ("its only
goal is …", "… with the"), or a passage too long to recall (over `MAX_WORDS` words or `MAX_ITEMS` items).
"""

from __future__ import annotations

import functools
import re

from mlwiki.extract.announcements import without_announcement  # (passages.without_announcement, as before)
from mlwiki.extract.blocks import Block, algorithm_list, card_text_lines, text_of, writes_algorithm
from mlwiki.extract.checks import without_checks  # (a rule's check in numbers, in brackets: no worked example)
from mlwiki.extract.forms import STARTS_DEFINITION
from mlwiki.extract.lines import BLANK, CODE, COMMENT, LIST_ITEM, MATH, TEXT
from mlwiki.extract.narrating import labels_narrate_only, without_look_lead, without_narrated_asides, without_narrating_items
from mlwiki.extract.symbol_items import WORDS as SYMBOL_WORDS, defines_in_symbols
from mlwiki.extract.narration import narrates, without_pointing_clause  # (passages.narrates, as before)
from mlwiki.extract.nav_lines import is_navigation
from mlwiki.extract.prose import (CASUAL_START, OWN_SENTENCE, TAG, clean_once, clean_prose, end_dangling_intro,
                                  ends_clause, one_break, sentences, word_count)
from mlwiki.extract.voice import in_label, without_author
from mlwiki.extract.wrapped_math import wrapped_line
from mlwiki.render.spans import FOOTNOTE_TEXT

MAX_WORDS = 150  # a longer passage is a page to reread, not an answer to recall
MAX_ITEMS = 8  # an enumeration longer than this is not learnt as one card (SuperMemo's "avoid sets")
MIN_WORDS = 3
MAX_CODE_LINES = 12  # a short snippet belongs to the answer ("how is inverted dropout implemented")
# Headings that name no subject of study: the section under them is no answer to anything (a day's media log, "## Read / watched", "## Watched", "## To watch", says where the writer learns, not what; "## What I'd do differently next time" lists their to-dos).
NO_SUBJECT = re.compile(r"(?i)[\W\d_]*(?:(?:(?:random|misc\w*|other|my|further|personal|some|side)\s+)*notes?|"
                        r"references?|reading(?: list| log)?|further reading|to (?:read|watch)|(?:read(?:ing)?|watch(?:ed|ing)|listened)(?:\s*(?:/|&|\+|,|and)\s*(?:read(?:ing)?|watch(?:ed|ing)|listened))+|watch(?:ed|ing)|resources?|status|progress|roadmap|someday|backlog|"
                        r"wish ?list|next steps|what I(?:['’]d| would) do differently(?: next time)?|links?|see also|related(?: notes| topics)?|learning (?:objectives|outcomes|goals)|"
                        r"(?:(?:main|key|primary|useful|additional)\s+)?(?:sources?|references?|resources?)|bibliography|citations?|acknowledg\w*|appendix|todo|to do|tags?|"
                        r"tips?|warnings?|important|caution|info|hint|attention|danger|tl;?dr|imports?|installation|"
                        r"install|requirements|contents|table of contents|outline|implementation|output|changelog|"
                        r"(?:notation|conventions)(?:\s+(?:i|we)\s+(?:use|follow))?|"
                        r"(?:python |example )?code(?: examples?| implementation)?|implementation in \w+|misc\w*|"
                        r"others?|questions?|stuck(?: on)?(?: ?/ ?questions)?|quiz|summary table|(?:unanswered|unresolved)\s+questions|open q['’]?s|"
                        r"questions (?:i |we )?(?:still )?(?:have|had)|things i(?:['’]m| am)? (?:still )?(?:(?:don['’]t|do not) (?:get|understand)|"
                        r"(?:unsure|not sure) about)|unsorted(?:[ /&]+to file)?|to file|inbox|"
                        r"(?:final|closing|concluding) (?:thoughts|remarks|words)|"
                        r"wrap[- ]?up|random|did|done|today|(?:(?:study|learning|work|lab)\s+)?log|plan(?:ning)?|standup|what (?:worked|helped) for (?:me|us))[\W\d_]*")  # (a
# day's log; a "Study log" is the writer's days, which DAY_NOTES leaves out: not a day's items to card one by one)
# A note's title that names where things are, not what they say ("Reading list", "GNN reading list", "References"): no card of its prose
SOURCES_TITLE = re.compile(r"(?i)[\W\d_]*(?:(?:my|further|the)\s+|[\w-]+\s+(?=reading list))?(?:reading(?: list)?|to read|"
                           r"references?|bibliography|sources?|resources?|links?|papers(?: to read)?|citations?)[\W\d_]*")
# A site's page about its author or itself, not a subject: "About", "About me", "About this blog", "Contact"
SITE_PAGE_TITLE = re.compile(r"(?i)[\W\d_]*(?:about(?: (?:me|us|this (?:blog|site|wiki)|the (?:author|blog|site)))?|"
                             r"colophon|imprint|contact(?: me)?|now)[\W\d_]*")
# The heading of a day's notes or log ("## log", "## notes", "## Today"): what the day did is no card, what it learnt is
# In a daily note, a section named by what the writer did that day ("## Studied", "## Thoughts"): its log
DAY_ACTIVITY = re.compile(r"(?i)[\W\d_]*(?:stud(?:y|ied|ying)|read(?:ing)?|worked on|work|progress|did|done|"
                          r"(?:half[- ])?thoughts?|ideas?|reflections?|scratch)[\W\d_]*")
DAY_NOTES = re.compile(r"(?i)[\W\d_]*(?:(?:random|misc\w*|quick|daily|my|today['’]?s?)\s+)*(?:notes?|log|today|did|"
                       r"done|learn(?:ed|t|ings))[\W\d_]*")
TABLE_LINE = re.compile(r"[ \t]*\|")
_ITEM_AFTER_NEWLINE = re.compile(r"\n\s*(?:[-*+]|\d+[.)])\s")  # a line that LIST_ITEM matches (or a little more)
# "randomly", "zeroes": prose, not a title or a name (`(?<![\w\\$])[a-z][a-z'’-]+\b`, its first letter before its
# look-behind: the search skips to a lower-case letter; tests/test_extract_rewrites.py checks the equality)
LOWER_WORD = re.compile(r"[a-z](?<![\w\\$][a-z])[a-z'’-]+\b")
# A passage about the page itself ("This page lists …", "In this notebook we …"): no knowledge to recall
ABOUT_PAGE = re.compile(r"(?i)(?:in )?(?:this|these|the following) (?:page|note|notebook|section|chapter|article|"
                        r"post|tutorial|lecture|document)s?\b|explaining\b|"
                        r"(?:these|here|this) (?:are|is) (?:my|our|the) (?:\w+ )?(?:notes?|write-ups?|summar(?:y|ies))\b|"
                        r"(?:my|our) (?:\w+ )?notes\b|(?:[\w-]+ )?(?:notebooks|notes|posts|chapters|questions|lectures|terms|definitions) "
                        r"(?:from|for) (?:the|my|our|a)\b|prerequisites\b|(?:assorted|random|misc\w*|various) (?:things|notes|bits|tips)\b|"
                        r"(?:a )?(?:quick|short) (?:post|note|write-up)\b|i keep (?:re-?deriving|redoing|forgetting)\b|"
                        r"(?:half[- ]finished|unfinished|work in progress|wip|draft)[ \t]*[.!:—–(]|(?:hub (?:card|page|note)|map of content) for\b|"
                        r"(?:(?:running|daily|lab|experiment|training|research)\s+)*(?:log|journal|diary)\s+of\b|(?:running|study)\s+log\b|"
                        r"(?:(?:this|the) page )?needs? (?:restructuring|rewriting|a rewrite|tidying|cleaning up|a clean-?up|"
                        r"more work|polish(?:ing)?)\b|(?:from|based on) (?:lecture|week|session|class) \d+"
                        r"(?:[ \t]*(?:\+|&|and)[ \t]*[\w ]{1,20})?[.!]|"
                        r"(?:reading group|journal club|study group|office hours|seminar|meeting)\b[^.!?\n]{0,60}? "
                        r"on (?:\d{1,2}[-/.]\d{1,2}|\d{4}-\d\d-\d\d)\b|(?:reading group|journal club|study group|seminar)s? meets? (?:on )?(?:mon|tues|wednes|thurs|fri)days?\b|"
                        r"(?:lecture|week|session|class) \d+(?: slides| notes)? (?:was|is|covered|covers?|introduced|introduces|went|looked|"
                        r"started|began)\b|(?:in|during|after) (?:today['’]s|this week['’]s|last week['’]s|the) "
                        r"(?:lecture|class|session|seminar|lab)\b|(?:closed|open)[- ]book\b")
# ("These are my notes for the course.", "My notes for …", "Eight notebooks from the Tuesday workshop.", "Questions
# from the course forum …", "Prerequisites assumed: …", "Assorted things that came up in the labs …", "Quick post because I keep redoing …", "I keep re-deriving this, so …",
# "Running log of the lab assignments." (its dated entries follow); "From lecture 9 + papers. Needs restructuring;
# formulas checked.": where the page comes from, its state; "Reading group: double descent on 04-18, my slot = …": the
# writer's calendar; a course's story and logistics: "Lecture 5 was a history tour …", "In today's lecture …", "Closed
# book, 2 h"; "Running log, newest at the bottom.", "Reading group meets Thursdays; …"; "Hub card for …" (a map of content))
_FOLD_TAGS = re.compile(r"(?:[ \t]*(?:</?details\b[^>]*>|<summary\b[^>]*>.*?</summary>|</?summary>))+[ \t]*", re.I)  # (a fold)
_MADE_UP = re.compile(r"(?i)[^\n:]{0,60}\bmade[- ]up\b[^\n:]{0,20}:")
_IMAGE_LINE = re.compile(r"[ \t]*(?:(?:[-*+]|\d+[.)])[ \t]+)?(?:!\[\[[^\]]*\]\]|!\[[^\]]*\]\([^)]*\)|<img\b[^>]*>)"
                         r"[ \t]*$")
_URL_LINE = re.compile(r"[ \t]*(?:(?:[-*+]|\d+[.)])[ \t]+)?(?:[\w ]{1,20}:[ \t]*)?"
                       r"(?:<?https?://\S+>?|\[[^\]]*\]\(https?://[^)]*\))[ \t.]*$")
_LABEL = re.compile(r"[ \t]*(?:(?:[-*+]|\d+[.)])[ \t]+)?(?:\*\*[^*\n]+\*\*|[A-Z][^:\n]{0,40}):[ \t]")
_SPACES = re.compile(r"[ \t]*")
_FENCED = re.compile(r"^[ \t]*(`{3,}|~{3,}).*?^[ \t]*\1[ \t]*$", re.M | re.S)  # a fenced code block
_NESTED_ITEM = re.compile(r"[ \t]+(?:[-*+]|\d+[.)])[ \t]")
_LONE_MATH = re.compile(r"[ \t]*(?:(?:[-*+]|\d+[.)])[ \t]+)?\$[^$\n]+\$[ \t.,;:]*$")  # a formula standing alone
# A passage that goes on from something before it ("However, graph datasets …"): it answers no heading alone
_GOES_ON = re.compile(r"(?:however|but|and|also|instead(?! of\b)|moreover|furthermore|therefore|thus|hence|so|then|"
                      r"similarly|likewise|again|as in|of course|for example|for instance|e\.g\.|in other words|now|"
                      r"(?:hint|wonderful|nice|great|awesome|excellent|woah|wow|beautiful|perfect|okay|ok|yes|no)\s*[,!.:]|"
                      r"to (?:check|see|test|do) (?:this|that)|(?:this|that|which) means)(?!\w)", re.I)
# Tags (`#statistics`, `#todo`) and Obsidian block ids (`^6ff921`): labels for the author's search and links, not part of what the note says
# (`(?<![\S(])#[A-Za-z][\w/-]*(?![\S)])|(?<!\S)\^[\w-]+[ \t]*$`, each branch's character before its look-behind: the
# search skips to a `#` or `^`; tests/test_extract_rewrites.py checks the equality)
_TAGS = re.compile(TAG + r"|\^(?<!\S\^)[\w-]+[ \t]*$")  # (a tag, or a block id at a line's end)
# A sum worked out on numbers ("0.343 + 0.441 = 0.784"): an example, not something to recall
# (not "F1 = 0", "v_0 = 0" or "$\\varepsilon^2 = 0$": names and powers; nor "0/1 judgement" or "24/7": a slash
# without spaces names a ratio; the look-behinds (a letter of any script, `_`, `^`) after the digit, so that the
# search skips to a digit)
_ARITHMETIC = re.compile(r"\d(?<![^\W\d]\d)(?<![\\^]\d)(?<![A-Za-z)}]/\d)\s*(?:[+*=−]|(?<=\s)×|×(?=\s)|-(?!\d)|"
                         r"(?<=\s)/(?=\s)(?!\s*\d+×))\s*\d(?![\d.,]*(?:[A-Za-z]|\\(?!cdot|times|div)[A-Za-z]))")
# (not "2 - 2\cos(a, b)", "1 - 2p", "N/2 + 1", "μ0 = 0": a number by a symbol is algebra; "9\cdot64" a product)
# ("28×28", "3×3" written close are sizes, not sums; "32×32 / 256×256" names sizes to choose from, no quotient)
# A sentence that promises without saying ("There are many different tensor datatypes available.", "There are four
# techniques for …" that does not name them)
_VACUOUS = re.compile(r"(?i)there (?:are|is) (?:(?:many|several|various|a (?:lot|number|few))\b[^.:\n]*|"
                      r"(?:two|three|four|five|six|\d+)\b(?:(?! and )[^,.:\n])*)[.:]?(?:\s*\([^)]*\))?")
_TODO_TAG = re.compile(r"(?i)[ \t]*(?:[-*+][ \t]+)?(?:\[[ x]\][ \t]+)?#(?:todo|to-do|fixme)\b")
_KEY_ONLY = re.compile(r"[ \t]*[\w ]{1,20}::?[ \t|,]*")  # "tags: |" once its tags are gone: a property line
# Words a paragraph cannot end on: it broke off mid-sentence
CANNOT_END = frozenset("the a an of with to for by in on and or is are that which as then so thus hence".split())
# A line that only points at other notes ("See [[Momentum]], [[Adam]].", "Links: [[BPE]]", a vault's navigation
# "Back to [[Optimizers MOC]]", "Part of [[Training]].", "Up: [[Index]]", "[[A]] · [[B]]", "Parent: [A] · in child doc [B]")
LINKS_LINE = (r"[ \t]*(?:(?:see(?: also)?|links?(?: back)?|related(?: notes)?|cf\.?|back(?: up)? to|part of|up|next|prev(?:ious)?|"
              r"parent|(?:permanent|literature|reading|source|paper) notes?)[ \t]*(?::|→|->)?[ \t]*)?(?:(?:(?:next|prev(?:ious)?|back(?: to)?|up|home|index|contents)[ \t]*:[ \t]*|"  r"(?<=[·•|] )(?:needs|uses|used (?:in|by)|requires|builds on)[ \t]+|"  r"(?:[^\W\d_][\w'’-]*[ \t]+){0,4}(?:child|parent|sub-?)[ \t]?(?:docs?|pages?|notes?)[ \t]*:?[ \t]*)?"
              r"(?:\[\[[^\]\n]*\]\]|\[[^\]\n]*\]\([^)\s]*\))(?:[ \t]*\([^()\n]{1,80}\))?"
              r"(?:[ \t,;.·•|←↑«»]|←[ \t]*→)*(?:and[ \t]+)?)+")
# (navigation: "[← index](../README.md) · next: [Rf](rf.md)", "[[MOC]] · needs [[X]]" (after a link), "[[2026-11-02]] ← →
# [[2026-11-04]]", a Zettelkasten's "Related: [[a]] (why), [[b]]"; "[[A]] → [[B]]" alone is an order of steps; tidy.py's too)
_LINKS_LINE = re.compile("(?i)" + LINKS_LINE)
_ANY_LABEL = re.compile(r"[^:\n\[]{1,40}:[ \t]")  # ("gated cells: [[LSTM]]": what the links are)
_NOTE_LINK = re.compile(r"\[\[[^\]\n]*\]\]")  # (a link names a note: no word that explains, "- gated: [[LSTM]], [[GRU]]")
# A path through three pages or more, under a short label or none ("Fixes: [[a]] → [[b]] → [[c]]", a map's "[[x]] →
# [[y]] → [[z]]"): an order to read the pages in, whose steps are the pages' own cards
_LINK_CHAIN = re.compile(r"[ \t]*(?:[-*+][ \t]+)?(?:[A-Za-z][\w ]{0,30}:[ \t]*)?\[\[[^\]\n]+\]\]"
                         r"(?:[ \t]*(?:→|->)[ \t]*\[\[[^\]\n]+\]\]){2,}[ \t]*\.?[ \t]*")
# A page's plan for its reader: "In this section, we will train …", "In the next chapter I …"
_PLANS = re.compile(r"(?i)in (?:this|the following|the next) (?:section|chapter|notebook|part|lesson|tutorial|post|"
                    r"article),?\s+(?:we|i|you)\b")
_READER_WORD, _FIRST_PLURAL = re.compile(r"\byour?\b", re.I), re.compile(r"\b(?:we|our|us)\b", re.I)
_POINTS_BACK = re.compile(r"(?:this|these|that|those|it|its|they|their|then|here|there|so|such)\b", re.I)
_PRONOUN = re.compile(r"(?:it|its|they|their|this|these|that|those|we|you)\b")  # "it is considered …": of what?
# After a label or a bold term it defines, "we"/"you" speak of anyone ("- idea: we can't resample from the population,
# so …", "**Epistemic** = … we've only seen finite data"), not of something said before, as "it" or "this" do
_GENERIC_PERSON, DEFINED_TERM = re.compile(r"(?:we|you)\b"), re.compile(r"\*\*[^*\n]{1,60}\*\*[ \t]*[=:]")
_PLAIN_WORD = re.compile(r"[a-z]+\b(?![-\d])")  # "its …" goes on from before; "kNN", "k-means", "word2vec" are names
_SHORTCODE = re.compile(r"[ \t]*\{\{<[^\n]*>\}\}[ \t]*")  # Quarto's `{{< pagebreak >}}`: nothing a card can show
RULE = re.compile(r"[ \t]*(?:(?:-[ \t]*){3,}|(?:\*[ \t]*){3,}|(?:_[ \t]*){3,})")  # a horizontal rule, `* * *` too


# A paragraph of a blog's furniture, around what the article says: what the reader will learn, the author's book,
# the photo, the invitation to comment
_BOILERPLATE = re.compile(r"[ \t]*(?:(?:in|throughout) this (?:tutorial|post|article|lesson|guide|blog post|course|"
                          r"video),? (?:you|we)\b|after (?:reading|completing|finishing) this |kick-start your |"
                          r"let['’]s get started|photo by\b|do you have any questions|ask your questions|"
                          r"(?:leave|post) (?:a|your) (?:comment|question)|if you (?:liked|enjoyed)|i hope (?:you|this)|"
                          r"discover how in my new|(?:this|the) (?:tutorial|post|article) is divided into)", re.I)
# A line that only says where the notes come from: "p.g. 113 of *[[Designing Machine Learning Systems]]*", "p. 5"
_PAGE_REFERENCE = re.compile(r"[ \t]*(?:p\.[ \t]?g\.?|pg\.?|pp?\.|page)[ \t]*\d+(?:[-–]\d+)?(?:[ \t]+(?:of|in)[ \t]+[^\n]{0,120})?[ \t]*",
                             re.I)


def passage(body: list[Block], labelled: bool = False, declined: bool = False, names_of: str = "") -> str | None:
    """The back of a section card: its paragraphs and list items, images and blank lines left out; None when
    the text does not read as something to recall (see the module's docstring). `labelled`: the text of a bold
    label or a box title, which may start as a phrase in lower case ("a type of machine learning …");
    `declined`: `**Term**:` lines are ones the definitions form (switched on) declined, so they may be part of
    the text (with definitions off, they are left to that form); `names_of`: the heading path of a section whose
    list of names is a passage too (see `names_list`)."""
    found = _passage(body, labelled, declined)
    return names_list(body, names_of.rsplit(" › ", 1)[-1]) if found is None and names_of else found


def _passage(body: list[Block], labelled: bool, declined: bool) -> str | None:
    kept: list[str] = []
    code = 0  # lines of code: a short snippet belongs to the answer ("how is inverted dropout implemented")
    furniture = left_out = False  # (the list after "After reading this post, you will know:" is the blog's too)
    for block in body:
        if block.skip:
            return None
        first = block.lines[0].text
        if len(body) > 1 and "made" in first and _MADE_UP.match(first):  # ("Quick sanity numbers (made up): …")
            continue
        if _BOILERPLATE.match(first) or furniture and LIST_ITEM.match(first):
            furniture = block.lines[-1].text.rstrip().endswith(":") or furniture and LIST_ITEM.match(first)
            continue  # a blog's furniture ("In this tutorial, you will discover …", "Kick-start your project …")
        furniture = False
        steps = "$" in first and algorithm_list(block)  # (its formulas are steps of the list, not left behind)
        footnote = False  # (a footnote's text goes on on the lines indented under it: "    1089–1105.")
        for line in card_text_lines(block.lines):  # (no comments, no MyST figures or margins)
            kind, raw = line.kind, line.text
            if footnote and raw[:1] in " \t" and raw.strip():
                continue
            footnote = raw[:1] == "[" and FOOTNOTE_TEXT.match(raw) is not None
            if kind == CODE:
                code += 1
                kept.append(raw.rstrip())
                continue
            first = raw.lstrip()[:1]
            if kind == MATH or (kind == TEXT and ("|" in raw and TABLE_LINE.match(raw) or not steps and "$" in raw and (
                    first in "$-*+" or first.isdecimal()) and _LONE_MATH.match(raw) and not _NESTED_ITEM.match(raw)
                    and not wrapped_line(block.lines, line))):
                return None  # a formula left behind, or a table: not a passage to recall (a formula nested as an
                # item under the words it completes, "- divide by $\sqrt{d}$" over "- $softmax(…)$", is part of them)
            if kind in (BLANK, COMMENT) or not first:
                continue
            if not declined and kind == TEXT and "**" in raw and STARTS_DEFINITION.match(raw):
                return None  # `**Term**: …`, "**Term** is a …": the definitions form's, on or off
            # (each test only where its first character or a piece of it can be: this loop sees every section)
            if ("![" in raw or "<img" in raw) and _IMAGE_LINE.match(raw) or "http" in raw and _URL_LINE.match(raw) \
                    or first in "-*_" and RULE.fullmatch(raw) or first in "pP" and _PAGE_REFERENCE.fullmatch(raw) \
                    or first == "{" and _SHORTCODE.fullmatch(raw) or "[[" in raw and (_LINKS_LINE.fullmatch(raw) or _LINK_CHAIN.fullmatch(raw)) or "](" in raw and len(block.lines) == 1 and is_navigation(raw) \
                    or first == "[" and FOOTNOTE_TEXT.match(raw.lstrip()) \
                    or first == "<" and _FOLD_TAGS.fullmatch(raw):  # ("[^ho]: Ho et al. 2020.": the page's foot;
                left_out = True  # "<details>", "</details>": a fold's tags, which a back without its opening would leak)
                continue
            text = raw.rstrip().replace("\ufffc", "")  # (U+FFFC: an object pasted from a web page)
            if "#" in text or "^" in text:
                if "#" in text and _TODO_TAG.match(text):
                    continue  # ("#todo compare on FrozenLake": a chore, which the tag's going would hide)
                untagged = _TAGS.sub(_tag_gone, text).rstrip()
                text = "" if untagged != text and _KEY_ONLY.fullmatch(untagged) else untagged
            if text is raw or text.strip():  # (a line with a first character is not blank unless something went)
                if left_out:  # ("…, here is an example:" over an image left out, text after it: ends before it)
                    end_dangling_intro(kept)
                    left_out = False
                kept.append(text)
        kept.append("")
    return _judged("\n".join(kept).strip(), code, len(kept) - kept.count(""), labelled)


def _tag_gone(match: re.Match) -> str:
    """What is left of a tag: nothing at a line's end or in a list of tags ("… a trick. #cnn #tips"); its word in a
    sentence that goes on after it ("change #channels — esp. …": the writer's word, which Obsidian shows)."""
    rest = match.string[match.end():].lstrip(" \t|,;·/")  # ("tags: #definition | #topology": a list of tags)
    if match.group().startswith("#") and rest.strip() and not rest.startswith(("#", "^")):
        return match.group()[1:]
    return ""


@functools.lru_cache(maxsize=4096)  # (pure: a block is judged again by the next form that reads it, a fifth of all)
def _judged(text: str, code: int, lines: int, labelled: bool) -> str | None:
    """The passage of the text `_passage` kept (`lines` lines not blank, `code` of them code), or None."""
    text = one_break(text)
    if len(text) > 4 * MAX_WORDS and len(text.split()) > 2 * MAX_WORDS:  # (that many words take more characters)
        return None  # far too long, whatever a trimmed last sentence would save (and the common case: say it fast)
    text = without_announcement(_without_narration(text))
    if not text or code > MAX_CODE_LINES:
        return None
    prose = _FENCED.sub("", text) if code else text
    if code and code >= lines - 1:
        return None  # only code (and its fences): a program to read, not an answer to recall
    if not code and "\n\n" not in text and works_numbers(text) and (conclusion := _after_the_sums(text)):
        text = prose = conclusion  # ("With q = 0.05, … ≈ 0.95. So 60 trials give a 95 % chance …": what it shows)
    return text if prose.strip() and not prose.rstrip().rstrip("*_").endswith(":") and reads_as_prose(prose, labelled) else None  # ("- **Update:**" announces too)


# A list item's closing clause that tells what the author goes on to do ("- Pairwise is dearer to train, let's
# start with pointwise"): cut, what the item says before it stays
_LETS_CLAUSE = re.compile(r"(?m)^([ \t]*(?:[-*+]|\d+[.)])[ \t]+[^\n]*?\w)[ \t]*[,;][ \t]*(?:so[ \t]+)?let['’]s\b[^\n]*$")


# A paragraph's last sentence, a short one, that only points at another post of the series
_POINTS_TO_SERIES = re.compile(r"(?<=[.!?])\s+(?:\S+\s+){0,8}?(?:the|my) (?:next|previous|last) (?:post|chapter)[.!?]?\s*$")


# An aside that only points back or on: ", as above;", " (see below).", "…: above, X …", "(… normalisation, below)"
_AS_ABOVE = re.compile(r",[ \t]+(?:as|see)[ \t]+(?:above|below)(?=[;,.)!])|[ \t]+\((?:as|see)[ \t]+(?:the[ \t]+)?(?:[\w-]+[ \t]+)?"
                       r"(?:above|below)\)|(?<=[:;])[ \t]+(?:above|below),(?=[ \t])|,[ \t]+(?:above|below)(?=\))")
_POINTS_ONLY = re.compile(r"[ \t]+\((?:above|below)\)")  # (a bare "(above)" too: of one item, see without_pointers)


# A thing of the note's own text pointed at with "below"/"above" at a clause's end ("… because of the local
# independences below."): the thing is named, and a card says it without the pointer; not what a card cannot show
# ("the figure below", "the code above"), nor a value ("a bit above", "well below")
_NAMED_BELOW = re.compile(r"(?i)(?<=[^\W\d_]{3})(?<!figure)(?<!table)(?<!image)(?<!diagram)(?<!plot)(?<!code)"
                          r"(?<!example)(?<!cell)(?<!list)(?<!steps)(?<!step)(?<!section)(?<!shown)(?<!graph)"
                          r"(?<!output)(?<!picture)(?<!listed)(?<!given)(?<!defined)(?<!described)(?<!mentioned)"
                          r"(?<!discussed)(?<!equation)(?<!formula)(?<!everything)(?<!slightly)(?<!just)(?<!well)"
                          r"[ \t]+(?:below|above)(?=[.;,)]|$)")


def without_named_pointer(text: str) -> str:
    """A text without the "below"/"above" that points at a thing of the note it names ("… because of the local
    independences below." → "… because of the local independences."): what it says holds on a card alone."""
    return _NAMED_BELOW.sub("", text) if "above" in text or "below" in text else text


def without_pointers(text: str) -> str:
    """An item's text without its asides that only point back or on (", as above", "(see below)", "(above)"): the
    point stands alone on a card."""
    return _POINTS_ONLY.sub("", _AS_ABOVE.sub("", text)) if "above" in text or "below" in text else text


def _without_narration(text: str) -> str:
    """The text without a paragraph's first and last sentences that walk the reader on ("In this section, we will
    build …", "Let's explain how with an example.", "Here is the figure."), and without an item's closing "…, let's
    start with X": the explanation between them stands alone, unless it starts by pointing back at what was cut
    ("This function takes …"). A first sentence that only opens by telling the reader to look ("You can now see
    that X …") keeps X; a list loses its nested steps that narrate (see narrating)."""
    text = without_narrated_asides(text, narrates)  # ("… a sigmoid built in (we'll see why soon).": the point)
    if "above" in text or "below" in text:
        text = _AS_ABOVE.sub("", text)  # ("**Slow mixing between modes**, as above; …": the point stands alone)
    paragraphs = text.split("\n\n")
    for k, paragraph in enumerate(paragraphs):
        if paragraph and not (LIST_ITEM.match(paragraph) or "\n" in paragraph and _ITEM_AFTER_NEWLINE.search(paragraph)):
            paragraph = without_author(paragraph, narrates)  # (the author's story: "I finally …")
            paragraphs[k] = paragraph or None  # (None: all of it the story, left out)
            if not paragraph:
                continue
        if ("let" in paragraph or "Let" in paragraph) and _LETS_CLAUSE.search(paragraph):
            paragraphs[k] = paragraph = _LETS_CLAUSE.sub(r"\1", paragraph)  # ("- …, let's choose X for a start")
        if LIST_ITEM.match(paragraph) or "\n" in paragraph and _ITEM_AFTER_NEWLINE.search(paragraph):
            paragraphs[k] = without_narrating_items(paragraph, narrates)  # ("- We'll see why later": that item only)
            continue
        if ("post" in paragraph or "chapter" in paragraph) and _POINTS_TO_SERIES.search(paragraph):
            paragraphs[k] = paragraph = _POINTS_TO_SERIES.sub("", paragraph)  # ("… the start of the next post.": no point)
        joined = " ".join(paragraph.split()) if "\n" in paragraph else paragraph  # ("the fit above\nis …" narrates
        if not (narrates(joined) or _PLANS.match(paragraph)):  # as the card shows it, on one line)
            continue
        found = sentences(joined)
        said = len(found) + ((lead := without_look_lead(found[0], narrates)) is not None)  # (more: something cut)
        found[:1] = [lead] if lead is not None else found[:1]  # ("You can now see that the list …" → "The list …")
        found[-1] = without_pointing_clause(found[-1])  # (", so the equation above holds,": the rest is a fact)
        while len(found) > 1 and narrates(found[-1]) and not in_label(found[-1]):
            found.pop()  # (not "Important caveat I'd missed: …", what follows the label is the point)
        kept = found
        while len(kept) > 1 and (narrates(kept[0]) and not in_label(kept[0]) and not DEFINED_TERM.match(kept[0]) or _PLANS.match(kept[0])):
            kept = kept[1:]  # (not "Three reasons I've seen: …", what follows the label is the answer)
        if kept is not found and (_POINTS_BACK.match(kept[0]) or _GOES_ON.match(kept[0]) or "?" in kept[0]
                                  or _READER_WORD.search(kept[0])):
            kept = found  # (what is left goes on from the sentence cut, or asks or tells the reader something: the
            # paragraph stays as it was)
        if len(found) < said and "\n" in paragraph and _FIRST_PLURAL.search(" ".join(kept)):
            kept = found = [paragraph]  # (what is left tells the author's story too: "Our dataset looks …")
        paragraphs[k] = " ".join(kept) if kept is not found or len(found) < said or "\n" not in paragraph \
            else paragraph  # (a paragraph wrapped over lines loses its last sentence too: "… the fit above\nis …")
    return "\n\n".join(p for p in paragraphs if p is not None) if None not in paragraphs[:1] \
        else "\n\n".join(p for p in paragraphs if p is not None).lstrip()


@functools.lru_cache(maxsize=4096)  # (pure: the same text is asked again, by another form or card)
def _after_the_sums(text: str) -> str:
    """What a paragraph that opens by working numbers out concludes, in the sentences after the last that works
    them, when the writer set it in bold ("So **60 random trials give a ~95% chance** …, regardless of the
    dimension."), its joining word left off; '' when the numbers run to its end, nothing bold follows, or a list."""
    found = [] if _ITEM_AFTER_NEWLINE.search(text) else sentences(" ".join(text.split()))  # (a list: facts each)
    last = max((k for k, sentence in enumerate(found) if works_numbers(sentence)), default=len(found))
    rest = " ".join(found[last + 1:])
    if last == len(found) or len(rest.split()) < MIN_CONCLUSION_WORDS or "**" not in rest or works_numbers(rest):
        return ""  # (the writer's bold says it is the point: "Fine if it's overlapped …" goes on from the sums)
    rest = _SO.sub("", rest, count=1)
    start = len(rest) - len(rest.lstrip("*_"))  # (the capital after the bold or italic it opens with)
    return rest[:start] + rest[start:start + 1].upper() + rest[start + 1:]


MIN_CONCLUSION_WORDS = 8
_SO = re.compile(r"(?i)(?:so|thus|hence|therefore|i\.e\.|that is)[,:]?[ \t]+")


def works_numbers(text: str) -> bool:
    """`_ARITHMETIC.search(text)` outside code ("`n // 2 + 1`"); a text in ASCII without a digit has none (substring
    tests say so several times faster than the pattern, whose `\\d` is tried at every character)."""
    if text.isascii() and not any(map(text.__contains__, "0123456789")):
        return False
    return bool(_ARITHMETIC.search(re.sub(r"`[^`\n]*`", "", text) if "`" in text else text))


def reads_as_prose(text: str, labelled: bool = False) -> bool:
    """Whether a section's text explains something: enough words, not too many, and (in a list) items that
    say something in words rather than name things; a list of links or titles is a table of contents."""
    clean = clean_prose(text)
    words = word_count(clean)
    if words < MIN_WORDS or words > MAX_WORDS:  # (the cheap test first: most sections fail here, if at all)
        return False
    if (clean[:1].islower() and (not labelled or _PRONOUN.match(clean) and not _GENERIC_PERSON.match(clean))
            and not LIST_ITEM.match(text)
            and _PLAIN_WORD.match(clean) and not OWN_SENTENCE.match(clean) and not CASUAL_START.match(clean)) \
            or _GOES_ON.match(clean) or ABOUT_PAGE.match(clean) or works_numbers(without_checks(clean)) \
            or _VACUOUS.fullmatch(clean) or narrates(clean) and not labels_narrate_only(clean, narrates):
        return False  # (lower case: "its only goal is …" goes on from a sentence before it)
    if _broken_off(text):
        return False  # a sentence broken off by a box or a formula left out ("Let $X$ be … with the")
    if "?" in clean and (sentences(clean)[0].rstrip().endswith("?") or clean.rstrip().endswith("?")):
        return False  # a teaser ("Why does a flexible model generalise worse? …", "… So how do we measure it?")
    if LIST_ITEM.match(text) or _ITEM_AFTER_NEWLINE.search(text):
        items = _top_items(text)
    else:
        items = [text]  # (no list item: the text is one item)
    if len(items) > MAX_ITEMS or "[[" in text and all(_only_links(item) for item in items):
        return False  # (a map of the notes on a topic, "- gated cells: [[LSTM]], [[GRU]]": a table of contents)
    if "$" in text and writes_algorithm(text.split("\n")):
        return True  # (an algorithm's steps, formulas among them)
    if len(items) < 2:
        found = LOWER_WORD.finditer(clean)  # (two are enough: the rest need not be found)
        return next(found, None) is not None and next(found, None) is not None
    # Items that explain: three lower-case words an item on average, two in half of them at least. Both counts only
    # grow, so once they are met the items left need not be counted.
    words = explaining = 0
    for item in items:
        found = SYMBOL_WORDS if defines_in_symbols(item) else len(LOWER_WORD.findall(clean_once(_without_label(item))))
        words, explaining = words + found, explaining + (found >= 2)
        if words >= 3 * len(items) and explaining * 2 >= len(items):
            return True
    return False


def _only_links(item: str) -> bool:
    """Whether a list item, its label aside, is only links to notes (and the marks between them)."""
    if "[[" not in item:
        return False
    rest = _ANY_LABEL.sub("", LIST_ITEM.sub("", item, count=1).lstrip(), count=1)
    return not re.search(r"\w", _NOTE_LINK.sub("", rest))


def _broken_off(text: str) -> bool:
    """Whether a paragraph of the text ends on a word that cannot end a sentence ("… with the")."""
    for paragraph in text.split("\n\n"):
        last = paragraph.rstrip().rsplit(None, 1)[-1:] or [""]
        if last[0].lower() in CANNOT_END and not last[0].isupper() and not ends_clause(paragraph, last[0]):
            return True  # ("… to user A": a name, not an article; "… how peaked the distribution is": a clause)
    return False


def _top_items(text: str) -> list[str]:
    """The top-level list items of a text with what is nested under each; a text that is not a list: itself."""
    lines = text.split("\n")
    items: list[list[str]] = []
    indent = None
    for line in lines:
        if LIST_ITEM.match(line) and (indent is None or _SPACES.match(line).end() <= indent):
            indent = _SPACES.match(line).end() if indent is None else indent
            items.append([line])
        elif items:
            items[-1].append(line)
        elif line.strip():
            items.append([line])  # prose before the list: one item
    return ["\n".join(item) for item in items]


def _without_label(item: str) -> str:
    """An item's explanation without its label ("Distortion: average distance …" → "average distance …")."""
    match = _LABEL.match(item)
    return item[match.end():] if match else item


# A list of names ("- Shapiro-Wilk Test", "- Kruskal-Wallis H Test") is a card when the heading over it says what
# kind of thing they are ("## Compare Sample Means (nonparametric)"): a plural, not a page's furniture
_LIST_OF_PAGES = frozenset("""topics chapters sections contents parts notes lectures pages posts articles papers books
courses videos tutorials sources tags keywords authors links resources references readings exercises examples
problems solutions questions answers steps concepts ideas lessons modules units weeks days goals objectives
takeaways highlights""".split())
_PLURAL = re.compile(r"[A-Za-z][a-z-]*[a-rt-z]s\b(?<!ss)(?<!is)(?<!us)")
MAX_NAME_WORDS = 6
# A heading's word, plural or not, that names a kind of thing a list enumerates ("## Application of NER", "## NER
# method"): its items may be phrases in lower case ("multi-class classification", "conditional random field")
_KIND_WORD = re.compile(r"\b(?:applications?|use cases?|methods?|approaches|approach|techniques?|types?|kinds?|"
                        r"variants?|algorithms?|challenges?|limitations?|drawbacks?|advantages?|disadvantages?|"
                        r"benefits?|metrics?|measures?|models?|architectures?|libraries|library|tools?|"
                        r"frameworks?|families|family)\b")
_ASIDE = re.compile(r"[ \t]*\([^()\n]*\)")  # an aside in brackets makes no name longer
# A paragraph that only points on to another part of the page ("For example code, see the next section.")
_POINTS_ON = re.compile(r"(?is)[^\n]{0,120}\bsee (?:the )?(?:next|previous|following|last) (?:section|chapter|part|post)"
                        r"[ \t.]*$")


def names_list(body: list[Block], heading: str) -> str | None:
    """The back of a card that asks for a list of names (2 to `MAX_ITEMS` short items, each a name in capitals and
    no link: "Shapiro-Wilk Test", "Student’s t-test") when it is all a section holds and its heading names their
    kind with a plural ("Variable Relationship Tests (correlation)"); None otherwise. A note's own links (`[[Adam]]`)
    may be names; a link to a page (`[Adam](https://…)`) is reading, not a name. A paragraph after the list that
    only points on ("For code, see the next section.") is left out."""
    if not body[0].lines[0].text.lstrip()[:1] in "-*+123456789" or body[0].skip:
        return None  # (most sections: no list to begin with)
    kind = re.sub(r"\([^)]*\)", "", clean_prose(heading))
    plurals = [word.casefold() for word in _PLURAL.findall(kind)] or [w for w in _KIND_WORD.findall(kind.casefold())]
    if not plurals or plurals[-1] in _LIST_OF_PAGES or NO_SUBJECT.fullmatch(heading):
        return None
    body = [block for block in body if not ("see " in (text := text_of(block)) and _POINTS_ON.match(text))]
    if len(body) != 1:
        return None
    items: list[str] = []
    named = 0  # (items in capitals)
    for line in body[0].lines:
        item = LIST_ITEM.match(line.text) if line.kind == TEXT else None
        if item is None or line.text[:1].isspace():
            return None  # (prose, a nested item or anything but a flat list)
        name = _ASIDE.sub("", clean_prose(line.text[item.end():])).strip()  # ("… matching (e.g., phones)")
        if "](" in line.text or "http" in line.text or not 1 <= len(name.split()) <= MAX_NAME_WORDS \
                or name.endswith((":", ".", "?")):
            return None
        items.append(line.text.strip())
        named += name[:1].isupper() or not name.isascii()
    if named * 3 < len(items) * 2 and (named * 3 < len(items) or not _KIND_WORD.search(kind.casefold())):
        return None  # (names, in capitals; a list of a kind the heading names, "NER method", a third of them at least)
    return "\n".join(items) if 2 <= len(items) <= MAX_ITEMS else None
