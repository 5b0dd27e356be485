"""Text in which the notes speak of themselves, not of their subject: what a page is ("Structure note — collects what
I know about …", "Formulas only."), where the rest is ("Derivations are in the lecture pages.", "Theory recap in
the … chapter."), its state ("STUB — only the … part is written."), its order ("…, so this comes first."), its
conventions and build ("Terms are referenced throughout as …", "Notebooks are not re-executed on build …", "rerun
the cell"), its parts ("Part II"), the writer's housekeeping ("More questions go to the TA.", "Still unclear: …?",
"→ read …") and why they worked something ("Did this on paper to make sure I get the recursion.", "Playing with …
to get a feel for …"), a lone epigraph ('"…." — Author (1957)'), and a section under a heading about the notes
("How these are organised"). Each is a form of a whole sentence of prose (or a whole back, or a heading); a sentence
that states a fact of the subject stays, and so does everything that is not prose (lists, code, formulas,
tables). Pure: strings in, strings out.
"""

from __future__ import annotations

import functools
import re

from mlwiki.extract.anyof import AnyOf
from mlwiki.extract.course_talk import is_course_talk
from mlwiki.extract.log_talk import is_log_talk
from mlwiki.extract.page_origin import is_page_origin
from mlwiki.extract.status_notes import is_status_note
from mlwiki.extract.prose import clean_prose, one_break, sentences

# A word that each form below needs (of the text in lower case): most backs hold none and are given back at once
_HINT = AnyOf(r"how to|when to|what to|which to|week|lab|§|ch\.|wrote|typed|scribbl|jotted|polish|rushed|dirty|expects|install|start with|start at|new here|where i keep|nbdev_|not a |not meant|not intended|note|page|chapter|post|notebook|cheat|wiki|zettel|glossary|section|inbox|reader|links|stub|wip|"
              r"progress|construction|coming soon|to come|to be |first|order|throughout|notation|execut|rerun|re-run|"
              r"last ran|on build|render|chunks|cells| ta | tas |the ta|tutor|lecturer|instructor|prof|unclear|"
              r"unanswered|confused|unsure|→|->|=>|feel for|sense of|handle on|intuition|make sure i|convince myself|"
              r"check i|for myself|forget|remember|on paper|by hand|only|written|recap|in the |in my |in this |"
              r"in these |see |read |cf.|compare |more in|cards|deck|vault|repo|site|book|file|index|entries|"
              r"write|myself|build|compile|regenerate|based on|adapted|taken from|summari|collected|compiled|"
              r"reference|source|refs|updated|edited|modified|revised|rewr|redone|redid|click|tap |figure|image|plot|diagram|"
              r"screenshot|picture|code |data |draft|incomplete|unfinished|these are|this is|reading|demo|term|semester|"
              r"quarter|lecture|class|office hours|contradict|disagree|differ|conflict|newest|oldest|latest|earliest|"
              r"most recent| = |overview|timeline|summary|recap|tour|raw|rough|messy|half| per ")
# Words each of the slower forms needs, asked of a sentence in lower case before the form itself
_HOUSE_HINT = AnyOf(r"first|order|top to bottom|throughout|everywhere|build|ran|rerun|re-run|notation|zettel|notes|"
                    r"pages|cards|posts|render|compile|regenerate|install|nbdev_|not ")
_WHY_I_HINT = AnyOf(r"feel|sense|handle|intuition|make sure|convince|check|myself|forget|remember|on paper|by hand")
_STATE_HINT = AnyOf(r"written|done|finished|filled|complete|covered|stub|wip|progress|construction|soon|to be|"
                    r"to come|unfinished|half|inbox|processed")
_NOTES = (r"(?:notes?|pages?|chapters?|posts?|notebooks?|cheat ?sheets?|wiki|site|book|sections?|entries|glossary|"
          r"zettels?|file|index|mocs?|write-?ups?|links|cards|decks?|vault|repo(?:sitory)?)")
# The notes as the subject of a sentence: "This page is …", "My notes follow …", "Structure note — collects …",
# "Notebooks are not re-executed …", "The cheatsheet lists …", "This section will discuss …", "Python chunks in the
# deep-models chapter need torch.", "The reader should …" (a noun of the notes, then a verb, a dash or a colon)
_VERBS = (r"(?:is|are|was|were|has|have|had|collects?|gathers?|lists?|covers?|follows?|uses?|contains?|holds?|links?|"
          r"only|just|mostly|will|won['’]?t|do|does|don['’]?t|doesn['’]?t|can|should|assumes?|starts?|skips?|leaves?|"
          r"keeps?|needs?|requires?|discuss(?:es)?|introduces?|explains?|describes?|shows?|goes|go|looks?|walks?|"
          r"summari[sz]es?|reviews?|repeats?|expands?|builds?|may|might|must|gets?)")
_SUBJECT = re.compile(
    rf"(?i)(?:(?:this|these|my|our)\s+(?:[\w-]+\s+){{0,2}}?{_NOTES}|(?:structure|index|hub|moc|literature|permanent|"
    rf"fleeting|map)\s+notes?|mocs?|(?:[\w-]+\s+)?zettels?)\s*(?:[—–:(=]|--?\s|\b{_VERBS}\b)|"
    # (with no "this" or "my", a label "Implementation notes: …" says a fact after it: only a verb makes it the subject)
    rf"(?:the\s+)?(?:[\w-]+\s+)?(?:notes|notebooks|cheat ?sheet|glossary|wiki)\s+{_VERBS}\b|"
    rf"(?:the\s+)?readers?\s+{_VERBS}\b|(?:[\w-]+\s+)?(?:code|python|r|julia|notebook|quarto|jupyter)\s+(?:chunks|cells)"
    rf"(?:\s+in\s+(?:the|this|these|my)\s+(?:[\w-]+\s+){{0,2}}?(?:chapters?|notebooks?|pages?|posts?|sections?))?\s+"
    rf"{_VERBS}\b")
# Other sentences of the notes about themselves: "These are my notes from …", "Notes on the DDPM paper.", "Based on
# lecture 7 and Bishop ch. 4.", "Reading: …", "Last updated …", "(click to expand)", "Figures are from the paper.",
# "Code for this post is on …", "Links below go to …", "Read the VAE post first.", "This page is still a draft.",
# "Question for the TA: …"
_ABOUT = re.compile(
    rf"(?i)(?:(?:these|this)\s+(?:is|are)\s+(?:just\s+|only\s+)?(?:my|our|the|some)\s+(?:[\w-]+\s+){{0,2}}?{_NOTES}\b|"
    r"(?:(?:some|quick|rough|my|our|lecture|reading|study|revision)\s+)*notes\s+(?:on|from|for|about|to)\b"
    r"(?![^.]*(?:\$|\b(?:is|are|was|were|has|have)\b))|"
    # (a notebook naming itself, no verb: "Quick notebook after the bagging lecture.", "Small demo on made-up data.")
    r"(?:a\s+)?(?:quick|small|short|little|tiny|toy|rough)\s+(?:notebook|demo|demonstration)\s+(?:on|from|for|about|"
    r"to|after|with)\b(?![^.]*(?:\$|\b(?:is|are|was|were|has|have)\b))|"
    # (a page or card naming its own kind or use: "(note card, archived — not for review …)", "(study page — …)",
    # "Not a card.", "Just where I keep track.")
    r"\(?(?:note|study|index|reference)\s+(?:card|page)\s*(?:[,—–:;)]|--?\s)|not\s+(?:a\s+)?(?:flash)?card[.!]|"
    r"(?:this\s+is\s+)?just\s+where\s+I\s+(?:keep|put|dump|collect)\b|new\s+here\?$|"
    # (the page naming itself, no verb: "My hub page for the optimisation block of the course.", "Hub page for …")
    r"(?:(?:my|our|this)\s+(?:[\w-]+\s+){0,2}?|(?:an?\s+|the\s+)?(?:hub|index|landing|overview)\s+)(?:pages?|hub|mocs?|wiki|"
    r"vault|docs?|(?<=hub\s)notes?|(?<=index\s)notes?)\s+(?:on|from|for|about|of)\b"
    r"(?![^.]*(?:\$|\b(?:is|are|was|were|has|have)\b))|"
    r"(?:mostly\s+|largely\s+|loosely\s+)?(?:based\s+on|adapted\s+from|taken\s+from|summari[sz]ed\s+from|"
    r"collected\s+from|compiled\s+from)\s+[^,;$]{0,80}?\b(?:lectures?|lec|ch(?:apter)?s?\.?|§|book|course|slides|"
    r"paper|notes|post|video|talk|tutorial|et\s+al|\d{4})\b[^,;$]{0,60}$|"
    r"(?:(?:main|key|primary|other)\s+)?(?:reading|readings|references?|sources?|further\s+reading|refs?)\s*:"
    r"(?=[^$]*(?:\d|et\s+al|\bch\.|chapter|§|http))|"
    r"(?:last\s+)?(?:updated|edited|modified|revised)\b\s*:?\s*(?:on\s+)?[\w ,./-]{0,30}$|\(?(?:click|tap)\s+(?:to|for|here)\b|"
    # (when the writer redid the page: "Rewritten week 11 — the first version had … wrong.")
    r"(?:rewritten|redone|revised|updated|(?:rewrote|redid)\s+(?:this|it))\s+(?:in\s+|after\s+|during\s+)?"
    r"(?:week|lecture|session|class)\b|"
    r"(?:all\s+)?(?:the\s+)?(?:figures?|images?|plots?|diagrams?|screenshots?|pictures?)\s+(?:[\w-]+\s+){0,3}?"
    r"(?:are|is|were|was)\s+(?:[\w-]+\s+)?(?:from|taken|copied|adapted|made|generated|drawn|redrawn|produced|"
    rf"borrowed)\b|(?:the\s+)?(?:code|data|notebooks?|sources?)\s+(?:for|of|behind)\s+(?:this|these|the)\s+{_NOTES}\b|"
    r"(?:the\s+)?links\s+(?:below|above|here)\b|(?:(?:you['’]ll\s+want\s+to|you\s+should|best\s+to|make\s+sure\s+to)"
    r"\s+)?read\s+(?:[\w'-]+\s+){0,5}?(?:first|beforehand)\b|(?:this|it|the\s+(?:page|note|post|chapter|section))\s+"
    r"(?:is|['’]s)\s+(?:still\s+)?(?:a\s+|an\s+)?(?:draft|incomplete|unfinished|work\s+in\s+progress)\b|"
    r"(?:questions?\s+)?for\s+(?:the\s+)?(?:TAs?|tutors?|lecturer|instructor|prof(?:essor)?)\b)")
# A sentence that only says where in the notes the rest is: "Derivations are in the lecture pages.", "Theory recap
# in the kernel trick chapter.", "Proofs live in the appendix." (no formula, a few words), or that we/I take the
# subject up elsewhere: "We cover transfer learning in notebook 06.", "I'll derive it in the next post."
_NOTES_PLACE = (r"(?:notes?|(?:sub-?)?pages?|chapters?|posts?|notebooks?|cheat ?sheets?|wiki|book|sections?|lectures?|slides|"
                r"appendix|appendices|parts?)")
_ELSEWHERE = re.compile(rf"(?i)[^,;:$]{{0,50}}?\b(?:in|at|on)\s+(?:the|my|this|these|that|another|separate)\s+"
                        rf"(?:[\w'-]+\s+){{0,3}}?{_NOTES_PLACE}[.!]?|"
                        rf"(?:we|I)(?:['’]ll|\s+will|\s+shall)?\s+(?:(?:also|then|later)\s+)?(?:cover|discuss|see|look\s+at|"
                        rf"talk\s+about|derive|prove|explain|return\s+to|come\s+back\s+to|revisit|get\s+to|go\s+"
                        rf"(?:into|through|over))\b[^$]{{0,60}}?\b(?:in|later\s+in)\s+(?:the\s+|a\s+)?(?:[\w'-]+\s+){{0,2}}?"
                        rf"{_NOTES_PLACE}(?:\s+\d+[\w.]*)?[^,;:$]{{0,20}}[.!]?")
_ELSEWHERE_WORDS = 14
_LINK = r"(?:\[[^\]\n]+\]\([^)\s]*\)|\[\[[^\]\n]+\]\])"
# A reading order of the site's pages for a newcomer: "Start with [A](…), then [B](…)."
_START_WITH = re.compile(rf"(?i)start\s+(?:with|at|from|here:?)\s+{_LINK}(?:,?\s*(?:then|and|followed\s+by)\s+{_LINK})*\s*[.!]?")
_LINKS_TAIL = re.compile(rf":[ \t]*{_LINK}(?:[ \t]*(?:[,;·]|and|&)[ \t]*{_LINK})*[ \t]*[.!]?$")  # (links alone after a colon)
# A sentence that only points at a reading: "See Bishop ch. 4.", "Read Murphy §3.2 first.", "Cf. Hastie et al. 2009."
_READING = re.compile(r"(?i)(?:(?:for\s+(?:more|details|the\s+\w+)[^,$]{0,30},\s*)?(?:also\s+)?(?:see|read|re-?read|cf\.?|"
                      r"compare|more\s+in)\s+)[^$]{0,80}?(?:\b(?:ch(?:apter)?s?\.?|§|sec(?:tion)?s?\.?|pp?\.|"
                      r"lectures?|notebooks?|posts?|parts?)\s*(?:\d|[IVX]+\b)[\w.–-]*|\b(?:19|20)\d\d\b|et\s+al\.?)"
                      r"[^$]{0,40}|(?:also\s+)?(?:see|read|cf\.?)\s+(?:the\s+)?(?:[\w-]+\s+){0,2}?(?:appendix|sections?|"
                      r"chapters?|posts?|notes?|pages?|notebooks?|lectures?|slides)\b[^$:;]{0,60}")
# A fragment that says what the page holds: "Formulas only.", "Definitions and results only."
_ONLY = re.compile(r"(?i)(?:[\w-]+s(?:\s+(?:and|&|\+)\s+[\w-]+s)?|the\s+essentials|key\s+points)\s+only[.!]?")
# ... or that names the page as a short pass over its subject: "Short timeline — just enough to place things.",
# "Quick overview." (a hub page's blurb over its table and its links)
_SHORT_PASS = re.compile(r"(?i)(?:an?\s+)?(?:short|quick|brief|rough|minimal)\s+(?:timeline|overview|summary|recap|tour)"
                         r"(?:\s*(?:[—–:]|--?\s)\s*(?:just\s+)?enough\s+to\s+[^.!?$]{1,60})?[.!]?")
# The page's state: "STUB — only the quantile part is written.", "Only the first half is written.", "X is a stub.",
# "Work in progress.", "Still in inbox — …"
# What a draft's writer says is left to do: "still rough", "I want to add", "publishing later"
_PLANS = re.compile(r"(?i)\b(?:still\s+(?:rough|messy|missing|incomplete)|I\s+(?:want|need|plan|hope)\s+to|I['’]ll\b|"
                    r"(?:publish|finish|clean)\w*\s+(?:it\s+)?later|to\s+be\s+(?:finished|added))")
_STUB = re.compile(r"(?:STUB|Stub|stub|WIP|DRAFT|Draft)\b\s*(?:[—–:]|--?\s)?\s*")
_STATE = re.compile(r"(?i)(?:only\s+)?(?:the\s+)?[\w' -]{0,40}?(?:parts?|sections?|bits?|half|chapters?)\s+(?:is|are)\s+"
                    r"(?:(?:already|now|so far)\s+)?(?:written|done|finished|filled in|complete|covered)"
                    r"(?:\s+(?:so far|yet|for now))?[.!]?|[^.!?]{1,60}\b(?:is|are)\s+(?:(?:still|just)\s+)?(?:an?\s+)?"
                    r"(?:stub|wip)s?[.!]?|\(?\s*(?:still\s+)?(?:an?\s+)?(?:work\s+in\s+progress|under\s+construction|"
                    r"coming\s+soon|to\s+be\s+(?:continued|written|expanded|filled\s+in)|(?:more\s+)?to\s+come|"
                    r"unfinished|half[- ]written)\s*\)?[.!]*|(?:still\s+)?(?:in\s+(?:the\s+|my\s+)?inbox|"
                    r"unprocessed|not\s+(?:yet\s+)?processed)\b.*|"
                    r"[^.!?]{0,60}\b(?:still|scraps?|notes?|stuff|bits)\s+in\s+(?:the\s+|my\s+)?inbox[.!]?|"
                    # (which pages are unfinished: "Pages marked draft are not done yet.")
                    r"(?:the\s+|some\s+)?(?:pages?|notes?|sections?|parts?|chapters?)\b[^.!?$]{0,40}?\s+(?:is|are)\s+"
                    r"not\s+(?:yet\s+)?(?:done|finished|written|complete)(?:\s+yet)?[.!]?")
# The page's order, conventions and build: "…, so this comes first.", "Reading order roughly top to bottom.",
# "Terms are referenced throughout as …", "… not re-executed on build …", "rerun the cell before trusting it",
# "Notation follows Bishop.", "Render with `quarto render`.", "Need to process into zettels."
_HOUSE = re.compile(
    r"(?i)\b(?:(?:so|hence|which\s+is\s+why|that['’]?s\s+why)\s+(?:this|these|it)\s+(?:comes?|goes|go|is|are)\s+first\b|"
    r"reading\s+order\b|read\s+(?:this|these|them)\s+(?:first|before|after)\b|top\s+to\s+bottom\b|"
    r"(?:referenced|cross-referenced|linked|tagged)\s+(?:throughout|everywhere)\b|"
    r"re-?(?:executed|run)\s+on\s+build\b|on\s+build\b|whatever\s+I\s+(?:last\s+)?ran\b|"
    r"re-?run\s+(?:the|this|that|each|every)\s+(?:cell|notebook)s?\b|notation\s+(?:follows|(?:is\s+)?as\s+in)\b|"
    r"(?:process|turn|split|merge|move|file|convert)\b[^.!?]{0,20}\b(?:into|to)\s+(?:[\w-]+\s+)?(?:zettels?|notes|"
    r"pages|cards|posts)\b|"
    # setting the notes' own repository up: an editable install, its requirements, its hooks ("New machine: `pip
    # install -e '.[dev]'`, then `nbdev_prepare`")
    r"pip3?\s+install\s+(?:-e|--editable|-r)\s|\bnbdev_(?:install|prepare|export|clean)|pre-commit\s+install\b)|"
    # what the notes' repository is not: "Not a library for anyone else.", "Not meant as a tutorial."
    r"^not\s+(?:(?:meant|intended)\s+(?:as\s+|for\s+)?)?(?:an?\s+)?(?:library|package|tool|product|tutorial|course)\b"
    r"(?:\s+for\s+(?:anyone|anybody|other\s+people|others)(?:\s+else)?)?[.!]?$|^(?:to\s+)?(?:render|build|compile|regenerate)\b(?:\s+(?:this|these|the|it|them))?"
    r"(?:\s+\w+)?\s+(?:with|using|via|by\s+running)\b")
# A part of the notes named inside a sentence, "Part" with a capital ("That's the whole reason Part II and Part III
# exist."; not a label that opens one, "Part II motivation: …", which says what follows)
_PARTS = re.compile(r"Part(?<=\sPart)s?\s+[IVX]{1,4}\b")  # (its word first, then what comes before it: a search
# skips to "Part", where a look-behind first is tried at every character)
# The writer's housekeeping: the course's staff, a doubt left open, a reading put to themselves
_CHORES = re.compile(
    r"(?i)(?:.{0,40}\b(?:go(?:es)?\s+to|ask(?:ed)?|email|bring|take|check\s+with)\s+(?:the\s+|my\s+|a\s+)?"
    r"(?:TAs?|tutors?|lecturer|instructor|prof(?:essor)?)\b.*|"
    r"(?:still\s+)?(?:unclear|unanswered|confused|unsure)(?:\s+(?:questions?|points?|about))?\s*:.*|"
    r"(?:→|->|=>)\s*(?:read|re-?read|see|watch|ask|check)\b.*)")
# Why the writer did something, said as their own: "Did this on paper to make sure I get the recursion.",
# "Playing with sklearn's SVC … to get a feel for γ and C.", "Quick context so I don't forget the lineage:"
_WHY_I = re.compile(r"(?i)\bto\s+(?:get\s+a\s+(?:feel|sense|handle)\s+(?:for|of|on)|build\s+(?:up\s+)?(?:some\s+|an\s+|my\s+)?"
                    r"intuition|make\s+sure\s+I\b|convince\s+myself|check\s+(?:that\s+)?I\b|see\s+for\s+myself)|"
                    r"\bso\s+(?:that\s+)?I\s+(?:don['’]?t|do\s+not|won['’]?t|never)\s+forget\b|\bso\s+(?:that\s+)?I\s+"
                    r"remember\b|\bfor\s+(?:my\s+own\s+(?:use|reference|revision|sanity)|myself)\b|^(?:did|redid|wrote|tried|worked|typed|checked)\s+(?:this|it|these|that)(?:\s+out)?\s+"
                    r"(?:on\s+paper|by\s+hand|myself)\b")
# A back that is only an epigraph: a quoted sentence and who said it ('"You shall …keeps." — Firth (1957)')
_EPIGRAPH = re.compile(r"[\"“]([^\"“”\n]{10,300}[.!?])[\"”]\s*(?:[—–]|--?)\s*[A-Z][^\n.!?;:]{0,50}?(?:\(?\d{4}\)?)?[.]?")
_BARE_EPIGRAPH = re.compile(r"([^\n\"“”]{10,300}[.!?])\s*(?:[—–]|--?)\s*[A-Z][^\n.!?;:]{0,50}?(?:\(?\d{4}\)?)?[.]?")
# A heading about the notes: "Conventions I use", "How these are organised", "How the book is organised", "About these notes", "How to use this wiki", "Map of the
# notes", "Contents"
_BOOK = r"(?:notes|book|wiki|site|blog|chapters|pages|posts|notebooks|vault)"  # (not "the index": a subject's too)
# ... and the writer's conventions: "Conventions I use", "Notation used in these notes", "My notation" (a subject's
# "Notation" or "Conventions" alone, which may state its symbols or its customary values, "α = 0.05", stays)
_CONVENTIONS = (rf"(?:notation|conventions)(?:\s+and\s+(?:notation|conventions))?"
                rf"\s+(?:(?:I|we)\s+use|used(?:\s+(?:here|throughout|in\s+(?:these|this|the|my)\s+{_BOOK}))?)|"
                rf"(?:my|our)\s+(?:notation|conventions)|"
                # (one convention, of the notes: "Convention in these notes", "Notation throughout this book")
                rf"(?:notation|conventions?)\s+(?:in|for|of|throughout)\s+(?:all\s+)?(?:these|this|my|our)\s+{_NOTES}")
_NOTES_HEADING = re.compile(rf"(?i)\s*(?:note\s+to\s+self\s*:\s*)?(?:(?:how|why|where|what)\s+(?:these|this|(?:the|my)\s+{_BOOK})\b(?:\s+{_NOTES})?"
                            rf"\s+(?:are|is)\s+(?:organi[sz]ed|structured|laid\s+out|arranged|built)|"
                            rf"(?:about|using|reading|navigating)\s+(?:these|this|the|my)\s+{_NOTES}|"
                            rf"how\s+to\s+(?:use|read|navigate)(?:\s+(?:these|this|the|my)\s+{_NOTES})?|"
                            # (the writer's own use of them: "How I use this site", "How I study with these notes")
                            rf"how\s+I\s+(?:use|read|keep|study\s+with|work\s+with)\s+(?:this(?:\s+{_NOTES})?|(?:these|the|my)\s+{_NOTES})|"
                            # (and how they work: "Note to self: how this repo works", "How this site works")
                            rf"how\s+(?:this|these|the|my)\s+{_NOTES}\s+works?|"
                            rf"(?:map|overview|structure|layout|organi[sz]ation|(?:table\s+of\s+)?contents|guide)\s+(?:of|to)\s+"
                            rf"(?:these|this|the|my)\s+{_NOTES}|(?:table\s+of\s+)?contents|reading\s+order|{_CONVENTIONS})"
                            rf"\s*[?:]?\s*")
# A heading about building ("Building", "Rendering the book", "How to build these notes"), and a tool or a setting
# file of a notes site that the section under it names ("`quarto render` for the HTML",
# "`freeze: auto` in `_quarto.yml`"): how the writer makes the pages, no fact of their subject
_BUILD_HEADING = re.compile(rf"(?i)\s*(?:how\s+to\s+)?(?:build(?:ing)?|render(?:ing)?|compil(?:e|ing)|publish(?:ing)?|"
                            rf"deploy(?:ing)?|previewing)(?:\s+(?:these|this|the|my)\s+{_NOTES})?\s*[?:]?\s*")
_SITE_TOOL = re.compile(r"(?i)\b(?:quarto\s+(?:render|preview|publish)|jupyter-book\s+build|jb\s+build|mkdocs\s+"
                        r"(?:build|serve|gh-deploy)|sphinx-build|make\s+html|hugo\s+server|jekyll\s+(?:build|serve)|"
                        r"myst\s+(?:build|start))\b|\b_?(?:quarto|config|toc|mkdocs)\.ya?ml\b")
_LINE_KIND = re.compile(r"[ \t]*(?:[-*+][ \t]|\d+[.)][ \t]|```|~~~|\$\$|\||>|:::|#)")  # (not prose: as written)
_ITEM = re.compile(r"([ \t]*)(?:[-*+]|\d+[.)])[ \t]+(?:\[[ xX]\][ \t]+)?(\S.*)")
_ITEM_INDENT = re.compile(r"[ \t]*(?=\S)")
_MARKUP = re.compile(r"\*\*|__|[*_](?<!\w[*_])(?=\S)|[*_](?<=\S[*_])(?!\w)|`")  # (each mark before what is
# around it: the search skips to a mark)
MIN_WORDS = 4  # what is left of a back once its talk of the notes is off: fewer, and no formula, say nothing


def about_the_notes(front: str) -> bool:
    """Whether a card's heading path on its front holds a heading about the notes themselves ("How these are
    organised"): what is under it tells how to read the notes, not their subject."""
    path = front.split("\n\n", 1)[0]
    return " › " in path and any(map(_notes_heading, path.split(" › ")[1:]))


@functools.lru_cache(maxsize=4096)  # (pure: a heading is on the front of each card under it)
def _notes_heading(heading: str) -> bool:
    return _NOTES_HEADING.fullmatch(heading) is not None


def builds_the_notes(front: str, back: str) -> bool:
    """Whether a card tells how the notes are built: under a heading that says building ("Building", "Rendering the
    book") over a back that names a notes site's tool or setting file (`_SITE_TOOL`)."""
    heading = front.split("\n\n", 1)[0].rsplit(" › ", 1)[-1]
    if " › " not in front or not _BUILD_HEADING.fullmatch(heading):
        return False
    return bool(_SITE_TOOL.search(back))  # ("Building the index" of a search engine says how it works)


def without_page_talk(back: str) -> str:
    """The back without its sentences of prose that speak of the notes (see the module's doc); '' when nothing else
    was said, or an epigraph was all of it. The rest as written."""
    if _is_epigraph(back):
        return ""
    if "\n\n" in back and _is_epigraph(back.split("\n\n", 1)[0]):
        back = back.split("\n\n", 1)[1]  # (an epigraph over the text: the text)
    if not _HINT.search(back.lower()) and not _PARTS.search(back):
        return back  # (the common back: no word of such talk)
    lines, run, fence = [], [], ""
    given = back.split("\n") + [""]
    for k, line in enumerate(given):
        opens = line.lstrip()[:3] if line.lstrip()[:3] in ("```", "~~~") else ""
        if fence or opens or not line.strip() or _LINE_KIND.match(line) or line[:1] in " \t":
            fence = "" if fence and opens == fence else fence or opens
            lines += _prose(run) + ([] if not fence and not opens and _item_of_notes(line, given[k + 1] if k + 1 < len(given) else "") else [line])
            run = []
        else:
            run.append(line)
    text = "\n".join(lines[:-1])
    return back if text == back else one_break(text).strip()


def _is_epigraph(text: str) -> bool:
    """Whether a text is only an epigraph (`_EPIGRAPH`), in a quote block or not, emphasised or not."""
    if text.lstrip(" \t\n>*_")[:1] not in "\"“":
        return text.lstrip()[:1] == ">" and _is_quoted_epigraph(text)  # (no quote opens it: said cheaply)
    plain = _MARKUP.sub("", " ".join(line.strip().lstrip(">").strip() for line in text.strip().split("\n"))).strip()
    return bool(_EPIGRAPH.fullmatch(plain))


def _is_quoted_epigraph(text: str) -> bool:
    """Whether a quote block is only an epigraph without quote marks ("> All models are wrong. \\n> — Box")."""
    lines = [line.strip() for line in text.strip().split("\n")]
    if len(lines) < 2 or not all(line[:1] == ">" for line in lines) or lines[-1].lstrip("> ")[:1] not in "—–-":
        return False
    plain = _MARKUP.sub("", " ".join(line.lstrip(">").strip() for line in lines)).strip()
    return bool(_BARE_EPIGRAPH.fullmatch(plain))


def asked_without_page_talk(front: str) -> str:
    """A front whose question (after its heading path and a blank line) says more than one sentence, without those
    that speak of the notes ("Did this on paper to make sure I get the recursion. AR(1) with constant:" → "AR(1)
    with constant:"); as written when none does, or all do."""
    path, gap, asked = front.rpartition("\n\n")
    if not gap or not _HINT.search(asked.lower()):
        return front
    found = sentences(" ".join(asked.split()))
    kept = [s for s in found if not _talks_of_notes(s)]
    return front if len(found) < 2 or len(kept) in (0, len(found)) else f"{path}{gap}{' '.join(kept)}"


def says_little(back: str) -> bool:
    """Whether what is left of a trimmed back is too short to recall: fewer than `MIN_WORDS` words, no formula."""
    return "$" not in back and len(back.split()) < MIN_WORDS


def _item_of_notes(line: str, after: str) -> bool:
    """Whether a list item with no items under it speaks of the notes ("- U-Net / Grad-CAM scraps in inbox")."""
    item = _ITEM.match(line)
    if not item or "$" in line or _ITEM_INDENT.match(after) and len(_ITEM_INDENT.match(after).group(0)) > \
            len(item.group(1)):
        return False
    return bool(_HINT.search(item.group(2).lower())) and _talks_of_notes(item.group(2))


def _prose(run: list[str]) -> list[str]:
    """A run of prose lines without its sentences about the notes: as written when none was, else one line."""
    if not run:
        return []
    found = sentences(" ".join(line.strip() for line in run))
    kept = [s for s in found if not _talks_of_notes(s)]
    if len(kept) == len(found):
        return run
    return [" ".join(kept)] if kept else []


def _talks_of_notes(sentence: str) -> bool:
    """Whether a sentence speaks of the notes, not their subject (`_SUBJECT`, `_ELSEWHERE`, `_ONLY`, `_STUB`,
    `_HOUSE`, `_CHORES`, `_WHY_I`)."""
    if "](" in sentence and _START_WITH.fullmatch(sentence.strip()):
        return True
    text = clean_prose(sentence) if "[" in sentence or "{" in sentence else sentence
    text = (_MARKUP.sub("", text) if "*" in text or "_" in text or "`" in text else text).strip()
    if is_status_note(text):
        return True  # ("DRAFT — went fast, cleaning up later.": the state and the plan, before the stub's own test)
    if stub := _STUB.match(text):
        rest = text[stub.end():]
        return not rest or bool(_STATE.fullmatch(rest)) or bool(_PLANS.search(rest))  # ("stub — fit a Gaussian at
        # the MAP:" says what is done; "Draft — the part is still rough and I want to add …": the writer's plans)
    low = text.lower()
    if _SUBJECT.match(text) or _ABOUT.match(text) or _ONLY.fullmatch(text) or _SHORT_PASS.fullmatch(text) \
            or _STATE_HINT.search(low) and _STATE.fullmatch(text) or _CHORES.fullmatch(text) or is_course_talk(text) \
            or is_log_talk(text) or is_status_note(text) or is_page_origin(text):
        return True
    if "](" in sentence or "[[" in sentence:  # ("Details on the subpages: [A](a.md), [B](b.md)." points there as
        text = clean_prose(_LINKS_TAIL.sub(".", sentence.strip())).strip()  # a sentence of the links would)
    if "$" not in text and len(text.split()) <= _ELSEWHERE_WORDS and (_ELSEWHERE.fullmatch(text)
                                                                       or _READING.fullmatch(text)):
        return True
    return bool(_HOUSE_HINT.search(low) and _HOUSE.search(text) or _PARTS.search(text)
                or _WHY_I_HINT.search(low) and _WHY_I.search(text))
