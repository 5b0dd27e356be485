"""The writer's notes to self, which no card read out of prose holds: to-do lines ("TODO: compare to SWA", "- [ ]
rerun with the cosine schedule"), link-only lines ("Back to [[Optimizers MOC]]"), and inside a back's sentences a
chore put off ("Read properly later."), where the writer's understanding stands ("Half-understood, come back to it."),
a bare "try" after an open question, a study log's slip, a legend of marks, a pointer to another note. Each is a
rule on the form of a sentence or clause, never on the note's subject; what states a fact stays.
"""

from __future__ import annotations

import re

from mlwiki.extract.anyof import AnyOf
from mlwiki.extract.banners import without_banner
from mlwiki.extract.contents import lists_pages
from mlwiki.extract.garden_marks import unchecked_guess, without_stage
from mlwiki.extract.lines import LIST_ITEM
from mlwiki.extract.link_backs import points_elsewhere
from mlwiki.extract.open_questions import without_open_question
from mlwiki.extract.page_talk import (about_the_notes, asked_without_page_talk, builds_the_notes, says_little,
                                      without_page_talk)
from mlwiki.extract.passages import ABOUT_PAGE, LINKS_LINE
from mlwiki.models import CardKind
from mlwiki.extract.prose import one_break, sentences

_TODO = re.compile(r"(?im)^[ \t]*(?:[-*+][ \t]+)?(?:\[[ xX]?\][ \t]+)?(?:\*\*)?#?(?:TODO|FIXME|XXX)\b(?:\*\*)?[:.\s][^\n]*$"
                   r"(?:(?<![.!?])\n(?![ \t]*(?:[-*+]|\d+[.)])[ \t])[ \t]*\S[^\n]*)*"  # (its sentence wrapped on)
                   r"\n?")  # (Obsidian's "#todo" tag too; "TODO. Something about …" as well as "TODO: …")
# a task box: "- [ ] rerun with the cosine schedule", "- [x] read the DDIM paper": the writer's chores, done or not
_TASK = re.compile(r"(?m)^[ \t]*(?:[-*+][ \t]+)?\[[ xX]\][ \t]+[^\n]*$\n?")  # (its bullet gone when it was a back's only item)
# A to-do or task that states a fact on its way ("- [ ] check why rejection sampling needs an envelope $M q \ge
# \tilde p$"): its formula with a relation is the fact, kept once the chore around it is off
_STATES = re.compile(r"\$[^$\n]*(?:=|\\[lg]eq?\b|\\propto|\\approx|[<>≤≥])[^$\n]*\$")
_ASIDE = re.compile(r"\([^()\n]*\)")
_BY_MYSELF = re.compile(r"(?i)\b(?:myself|by hand|on paper|from scratch)\b")  # (who does the task: its object is the writer's drill)
_CHORE = re.compile(r"(?i)[ \t]*(?:[-*+][ \t]+)?(?:\[[ xX]?\][ \t]+)?(?:\*\*)?#?(?:(?:TODO|FIXME|XXX)\b(?:\*\*)?[:.]?[ \t]*)?"
                    r"(?:(?:check|verify|prove|derive|show|write up|look up|read up on|figure out|understand|find out)"
                    r"(?:[ \t]+(?:that|why|how|whether))?[ \t]+)?")
# a to-do the writer left after a sentence: "… randomly skip merges during encoding. TODO read it"
_TODO_TAIL = re.compile(r"(?:(?<=[.!?)])[ \t]+|[ \t]+[—–][ \t]*)(?:TODO|FIXME|todo)\b[^\n]*")  # (or after a dash:
# "… work later (ch-duality) — TODO: actually read the proof"; in lower case too once a sentence has ended, "…
# inside the kernel instead. todo read")
# a bare "TODO" label over a list: every item under it is a to-do ("TODO\n- read the sampled-metrics paper properly")
_TODO_LIST = re.compile(r"(?im)^[ \t]*(?:\*\*)?(?:todo|to[- ]do)s?(?:\*\*)?:?(?:\*\*)?[ \t]*\n"
                        r"(?:[ \t]*(?:[-*+]|\d+[.)])[ \t][^\n]*(?:\n|$)|[ \t]+\S[^\n]*(?:\n|$))*")
# (a line that only points at other notes, as a passage leaves out; not one that ends the sentence above it, "… valid
# only away from the" / "[edge of stability](eos.md).")
_LINKS = re.compile("(?im)(?<![^\\W\\d_]\n)^" + LINKS_LINE + r"$\n?")


def off_the_back(draft) -> bool:
    """To-do lines, link-only lines and the writer's other notes to self (`without_notes`) off a card's back; False
    when they were all it held, or all but an open question (`says_nothing`). The notes' talk of themselves goes
    first (`page_talk`): False when it was all the card said."""
    if points_elsewhere(draft.back) and not draft.front.rstrip().endswith("?"):
        return False  # (a hub's list of its pages, "Follow-up: [[AdamW]]": where to read, no fact; a question
        # answered by a page's name stays)
    if unchecked_guess(draft.front, draft.back) or not _off_stage(draft):
        return False  # (a garden's "#budding — …" line, a hedged guess tagged "#todo": the writer's, no fact)
    if not _off_page_talk(draft) or not _off_todo(draft) or not _off_drafts(draft) or len(draft.back.split()) <= _CHORE_BACK_WORDS and _CHORE_BACK.fullmatch(draft.back) \
            and "$" not in draft.back:
        return False  # (a back that is only "ask in OH": no answer to the question on its front)
    if draft.kind != CardKind.CLOZE and "Define: " not in draft.front \
            and (asked_off := without_open_question(draft.back, draft.front)) is not None:  # (a definition may
        # read as a question: "**Patience**: how many epochs may pass … before training stops?")
        if not asked_off:
            return False  # ("Open q: could fewer members do? → [[inbox]]": the writer's question, no answer)
        draft.back = asked_off  # ("… Would three do the work of five? Ask in class.": off the fact it follows)
    without_banner(draft)  # (a page's picture under its opening lines: no answer needs it)
    back = without_notes(draft.back)
    if back == draft.back:
        return True
    if says_nothing(back) or _COURSE_EVENT.fullmatch(draft.front.rsplit("\n\n", 1)[-1].rsplit(" › ", 1)[-1]):
        return False  # (a label that names a quiz or a lecture, over the writer's log of it, names no subject)
    draft.back = back
    return True


def _off_stage(draft) -> bool:
    """The page's growth-stage line off a card's back (`garden_marks`); False when it was all the back held."""
    if (back := without_stage(draft.back)) == draft.back:
        return True
    draft.back = back
    return bool(back)


def _off_page_talk(draft) -> bool:
    """The back without the notes' talk of themselves (`without_page_talk`); False when the card sits under a heading
    about the notes, or nothing worth recalling is left (a few words, or a table of contents of other pages)."""
    if about_the_notes(draft.front) or builds_the_notes(draft.front, draft.back):
        return False
    if draft.kind == CardKind.CLOZE:
        return True  # (a cloze's back is its front's text: as written)
    if "\n\n" in draft.front and (front := asked_without_page_talk(draft.front)) != draft.front:
        draft.id_front, draft.front = draft.id_front or draft.front, front  # (its id kept)
    if (back := without_page_talk(draft.back)) == draft.back:
        return True
    if not back or says_little(back) or lists_pages(back) or says_nothing(back):
        return False
    draft.back = back
    return True


def _off_todo(draft) -> bool:
    """To-do lines and link-only lines off a card's back; False when they were all it held."""
    if "TODO" in draft.back or "todo" in draft.back or "FIXME" in draft.back or "XXX" in draft.back or "[[" in draft.back or \
            "do\n" in draft.back or "](" in draft.back or "[ ]" in draft.back or "[x]" in draft.back or "[X]" in draft.back:
        if (_TODO.fullmatch(draft.back.strip()) or _TASK.fullmatch(draft.back.strip() + "\n")) \
                and not _STATES.search(draft.back):
            return False  # ("TODO: add a chapter on rate–distortion?": the whole card is a to-do)
        chores_off = _TODO_TAIL.sub("", _TASK.sub(_chore, _TODO.sub(_chore, _TODO_LIST.sub("", draft.back))))
        if not chores_off.strip():
            return False  # (a back that is all to-do lines or task boxes is no card)
        if back := one_break(_LINKS.sub("", chores_off)).strip():  # (a back of links alone: as written)
            if ABOUT_PAGE.match(back):
                return False  # (a reading list's queue and "Reading group: … on 04-18, my slot …": the writer's errands)
            draft.back = back
    return True


# A paragraph the writer labels as thinking not yet done ("Draft / half-thought: max or mean? …", "Scratch: …",
# "WIP: …", and the topics still to study, "Backlog: …"): a question turned over, maybe wrong, no fact to recall, as a to-do is none
_DRAFT_PARAGRAPH = re.compile(r"(?im)^[ \t]*(?:\*\*)?(?:(?:draft|half[- ]thoughts?|scratch|wip|musings?|rough (?:idea|notes?)s?|"
                              r"(?:study |reading )?backlog|to[- ]read(?: list)?)"
                              r"(?:[ \t]*[/,&][ \t]*(?:draft|half[- ]thoughts?|scratch|wip|musings?))?|"
                              # (and one on the notes' own conventions: "Convention for all these notebooks: …")
                              r"conventions?[ \t]+(?:for|in|of|throughout)[ \t]+(?:all[ \t]+)?(?:these|this|my|our)[ \t]+"
                              r"(?:notes?|notebooks?|pages?|chapters?))(?:\*\*)?[ \t]*:(?:\*\*)?[ \t][^\n]*(?:\n[^\n]+)*\n?")


def _off_drafts(draft) -> bool:
    """The paragraphs the writer labels as a draft of a thought, or as the notes' conventions, off a card's back;
    False when they were all it held."""
    if ":" not in draft.back or not _DRAFT_PARAGRAPH.search(draft.back):
        return True
    draft.back = one_break(_DRAFT_PARAGRAPH.sub("", draft.back)).strip()
    return bool(draft.back)


def _chore(todo: re.Match) -> str:
    """A to-do line off a back, or the fact it states without the chore around it ("- [ ] check why rejection sampling
    needs an envelope $M q \\ge \\tilde p$" → "Rejection sampling needs an envelope …")."""
    line = todo.group(0)
    if not _STATES.search(_ASIDE.sub("", line)):
        return ""  # (no fact, or one in an aside to what the writer means to look at: "- [ ] SAC's tuning ($a = b$)")
    rest = line[_CHORE.match(line).end():]
    if _ERRAND.match(rest) or _BY_MYSELF.search(_ASIDE.sub("", rest)):
        return ""  # ("- [x] fix the example (had $d=(1,2,1)$, …)": the formula is the slip it mends, no fact;
        # "- [ ] derive the update myself ($a = b$)": the writer's own drill)
    fact = " ".join(s for s in sentences(rest) if _STATES.search(s))  # (not "… proof.")
    fact = re.sub(r"^(?:also|and|plus)[ \t]+", "", fact, flags=re.I)
    return fact[:1].upper() + fact[1:] + ("\n" if line.endswith("\n") else "")


# The writer's notes to self inside a back's text: each a whole clause (after a comma, a dash or a semicolon) or a
# whole sentence, so that a fact said in the same sentence stays ("X is Y — check the proof later" → "X is Y").
_REF = r"(?:\[\[[^\]\n]+\]\]|\[[^\]\n]+\]\([^)\s]*\)|\{(?:[a-z]+:)?(?:ref|doc|numref)\}`[^`\n]+`)"  # (a MyST
# role, sphinx-proof's "{prf:ref}" too: unresolved, it shows its bare label)
_CHORE_VERB = (r"(?:re-?read|read(?: up on)?|re-?visit|come back to|go back to|get back to|return to|look (?:at|into)|"
               r"check|verify|re-?do|re-?derive|derive|work (?:out|through)|go through|figure out|finish|fix|try|"
               r"test|review|study|dig into|think about|write(?: up| out| down)?|clean up|understand|learn|log|record|measure)")
_BY_ME = r"(?:(?:I|we)(?:['’]ll| will| should| must| need to| have to| want to)?\s+|(?:should|must|will|gotta)\s+)"
_REF_FOUND = re.compile(_REF)
_POINTS = (r"(?:notes?|pages?|paper|background|prerequisites?|prereqs?|sources?|related|details|more|overview|"
           r"context|further reading)")  # (the words of a label over a pointer to the writer's other notes)
_ERRAND = re.compile(rf"(?i)(?:{_CHORE_VERB}|correct|update|start|add|write|make|re-?run|run|plot|ask|rename|move)\b")  # a task that opens on another errand than checking a claim
_NOTE_CLAUSE = re.compile(
    r"(?i)(?:"
    # a chore put off: "Read properly later", "derive it at some point", "I should check this next time"
    rf"(?:{_BY_ME}|(?:still\s+)?(?:need|have|want|ought|got) to\s+)?{_CHORE_VERB}\b[^.!?\n]{{0,60}}?"
    r"(?:\blater|\bproperly|\bat some point|\bsome ?day|\bsometime|\bnext time|\bwhen I have (?:the )?time)|"
    # a chore owed: "need to reread", "have to look into why"
    r"(?:I\s+)?(?:still\s+)?(?:need|have|want|ought|got) to\s+(?:re-?read|re-?visit|re-?do|come back to|"
    r"go back to|look (?:at|into)|read up on|dig into)\b[^.!?\n]{0,60}|"
    # coming back to it: "come back to it", "I'll get back to this", "revisit", "reread"
    rf"{_BY_ME}?(?:come|go|get) back to (?:it|this|that|these|them)\b[^.!?\n]{{0,30}}|"
    r"(?:to\s+)?(?:re-?visit|re-?read)(?: (?:it|this|that|these|them))?|"
    # where the writer's understanding stands: "Half-understood", "not sure how this fits", "no idea why"
    r"(?:(?:I['’]?m|I am)\s+)?(?:still\s+)?(?:not (?:(?:really|entirely|totally|quite|fully|100%)\s+)?sure|unsure|"
    r"no idea|(?:only\s+)?(?:half|partly|partially|not fully)[- ]?understood|(?:I\s+)?(?:don['’]?t|do not|didn['’]?t|"
    r"did not|couldn['’]?t|could not) (?:really |fully |quite )?(?:get|understand|follow))\b[^.!?\n]{0,60}|"
    # a pointer to the writer's other notes, with no link and nothing of the subject: "see the deep learning notes"
    r"(?:(?:also|for (?:that|this|more|details),?)\s+)?see (?:also )?(?:the|my|our) (?:[\w-]+ ){0,3}(?:notes?|posts?|"
    r"chapters?|pages?|lectures?|slides|notebooks?)|"
    # what the notes leave out, of themselves: "not convex-opt material", "out of scope here"
    r"(?:not|out of) (?:[\w-]+ ){0,2}(?:material|scope)(?: (?:here|for (?:this|these|now)))?|"
    # the writer of themself, and nothing else: "Saw it myself", "Not settled for me" (six words at most)
    r"(?=(?:\S+\s+){0,5}\S+$)[^.!?\n]{0,40}\b(?:for me|to me|myself)|"
    # how the subject strikes the writer, and nothing of it: "The warm-up trick still feels like magic to me"
    r"[^.!?\n]{0,80}\b(?:is|was|feels|felt|seems|seemed|remains|looks)[ \t]+(?:still[ \t]+)?(?:(?:a (?:bit|little)|"
    r"somewhat|kind of|sort of|quite|very|pretty|rather|totally|a total)[ \t]+)?(?:like[ \t]+)?(?:magic(?:al)?|"
    r"black magic|(?:a )?myster(?:y|ious)|unclear|confusing|opaque|counter-?intuitive|unintuitive|weird|strange|"
    r"hand-?wavy)[ \t]+to me|"
    # the writer's own slip, as a study log tells it: "mixed up over-smoothing and over-squashing"
    r"(?:I\s+)?(?:mixed (?:\S+\s+){0,2}up|got (?:\S+\s+){0,3}wrong|forgot|kept forgetting|messed up|confused (?:\S+\s+){1,6}"
    r"(?:with|and))\b[^.!?\n]{0,80}|"
    # how hard the reading was, or how little of it was done: "had to read this three times", "didn't read it
    # carefully", "so writing it out carefully" (the writer's effort, no fact)
    r"(?:this (?:is|was) (?:the (?:part|bit|one|section) )?(?:that )?)?(?:I\s+)?had to (?:re-?)?read (?:it |this |that )?"
    r"(?:(?:two|three|four|five|several|many|a few|multiple) times|twice|again)|"
    r"(?:I\s+)?(?:didn['’]?t|did not|haven['’]?t|have not) (?:yet )?read (?:it |this |that |the rest )?"
    r"(?:carefully|closely|properly|in detail|yet)(?: yet)?|"
    # how far the writer's own drill has got: "Still haven't done it fully without notes", "haven't derived it myself"
    r"(?:I\s+)?(?:still\s+)?(?:haven['’]?t|have not|didn['’]?t|did not) (?:yet )?(?:done|derived|proved|worked through|"
    r"finished|redone) (?:it|this|that|them)\b[^.!?\n]{0,40}|"
    # the writer's reading log: "Finally understand why …", "M-bias clicked", "Drew about 20 DAGs on paper"
    r"(?:I\s+)?(?:finally|now) (?:understand|get|got|see)\b[^.!?\n]{0,80}|"
    r"(?=(?:\S+\s+){0,3}clicked)[^.!?\n]{0,40}\bclicked(?: for me)?|"
    r"(?:I\s+)?(?:drew|did|wrote|solved) (?:about |around |~)?\d+ [^.!?\n]{0,30}\b(?:on paper|by hand|myself)|"
    # the page's own history and state: "Started this to understand …", "came back to it twice", "still not finished"
    r"(?:I\s+)?started (?:this|these|it)(?: (?:page|note|section|post))?\b[^.!?\n]{0,60}|"
    r"(?:I\s+)?(?:came|went|got) back to (?:it|this|that)\b[^.!?\n]{0,30}|"
    r"(?:(?:it['’]?s|this is)\s+)?(?:still\s+)?(?:not (?:yet )?finished|unfinished)(?: yet)?|"
    # where the chore is kept: "on the todo list on the hub page"
    r"(?:it['’]?s\s+)?(?:on|in) (?:the|my) (?:to-?do|reading) list\b[^.!?\n]{0,40}(?:\.?\))?|"
    r"so (?:I['’]m )?writing it (?:out |down |up )?(?:carefully|slowly|in full|properly)(?: here)?:?|"
    # a bare deferral, "— later", "(more on this later)"
    r"(?:more (?:on (?:this|that|it) )?)?later(?: on)?|"
    # a link to another note, and nothing else: "see [[Journal/2024-03-14]]"
    rf"(?:also\s+)?(?:see(?: also)?|cf\.?|compare)\s*:?\s*!?{_REF}(?:\s*(?:,|and|&)\s*!?{_REF})*"
    r")[.!]*")
# A whole sentence that points at other notes ("Back to [[GNN MOC]].", "Also see [LR schedules](…) — the … point
# comes from here.", "For more details see [[Word2Vec]].") or is a legend of the writer's marks ("✅ = read, 📖 = skimmed, ⏳ = not yet."): no fact
_NOTE_SENTENCE = re.compile(
    rf"(?i)(?:(?:(?:for|to see)\b[^,.:\n]{{0,40}}?|(?:more )?details|more)[,:]?\s+)?(?:also\s+)?"
    rf"(?:see(?: also)?|check(?: out)?(?: this)?|refer to|back to|up|next|prev(?:ious)?|part of|related|cf\.?|compare)\s*:?\s*"
    rf"{_REF}(?:\s*(?:,|and|&|·)\s*{_REF})*(?:\s*(?:[—–]|-\s)[^\n]{{0,150}}|\s*\([^()\n]{{0,150}}\))?[.!]?|"
    # a label naming the writer's other notes, over links alone: "Paper notes: [[…]].", "Background: [[…]] (…)."
    rf"(?=[^\W\d])[^:.!?\n$\[]{{0,40}}?\b{_POINTS}\b[^:.!?\n$\[]{{0,40}}:\s*{_REF}(?:\s*(?:,|and|&|·)\s*{_REF})*"
    rf"(?:\s*\([^()\n]{{0,150}}\))?[.!]?|"
    r"(?:[^\w\s$\\(){}\[\]|]{1,3}\s*=\s*[^,;=.\n$]{1,30}?\s*(?:[,;]\s*|(?=[.!]?$))){2,}[.!]?")
_NOTE_HINT = AnyOf(r"later|had to|finally|now (?:understand|get|got|see)|clicked|on paper|by hand|started|(?:came|went|got) back|finished|n['’]?t (?:yet )?(?:done|derived|proved|worked|finished|redone)|to-?do list|reading list|n['’]?t (?:yet )?read|not (?:yet )?read|writing it|(?:come|go|get) back|re-?read|re-?visit|properly|some ?day|sometime|next time|have time|"
                        r"need to|have to|sure|no idea|understood|n['’]?t (?:really |fully |quite )?(?:get|understand)|"
                        r"for me|to me|myself|mixed (?:\S+ ){0,2}up|wrong|forgot|messed up|confused|\?[ \t]+(?:to )?(?:try|check|test|"
                        r"verify|investigate|confirm)|\[\[|\]\(|[{:](?:ref|doc|numref)\}|(?:didn['’]?t|did not|couldn['’]?t|could not) "
                        r"(?:really |fully |quite )?(?:follow|get|understand)|\bsee (?:also )?(?:the|my|our) |material|scope")  # (of the
# text in lower case: a word each kind of note needs)
_LEGEND_HINT = re.compile(r"[^\w\s$\\(){}\[\]|][ \t]*= ")  # (a legend's mark: asked only of a text with "= ")
# A bare chore after a question the writer left open ("works now? try", "… too?? check"): the question goes with it
_CHORE_ALONE = re.compile(r"(?i)(?:to\s+)?(?:try|check|test|verify|investigate|confirm)(?: (?:it|this|that))?(?: out)?[.!]*")
# A back that is only a chore for whoever reads it ("ask in OH", "check with the TA", "try it"): the question over it
# is left open, its answer is elsewhere
_CHORE_BACK = re.compile(r"(?i)[ \t]*(?:to\s+)?(?:ask|try|check|test|verify|investigate|confirm)(?:[ \t]+(?:it|this|that|out|again|"
                         r"(?:in|at|on|with|during|about|the|someone|somebody)(?:[ \t]+[^\s.!?]+){0,2}))?[ \t]*[.!?]*[ \t]*")
_CHORE_BACK_WORDS = 4
# What leads into a pointer and says nothing once the pointer is off: "for details, see …", "To do that, see …"
_LEAD_IN = re.compile(r"(?i)(?:for|to|e\.g\.|in|more)\b(?:\s+\S+){0,3}")
_LINE_HEAD = re.compile(r"[ \t]*(?:>[ \t]*)*(?:(?:[-*+]|\d+[.)])[ \t]+)?(?:\[[ xX]\][ \t]+)?")
_SENTENCE_END = re.compile(r"(?<=[.!?])(?<!e\.g\.)(?<!i\.e\.)(?<!etc\.)(?<!vs\.)(?<!cf\.)[ \t]+")
_CLAUSE_BREAK = re.compile(r"[ \t]*(?:[,;]|[—–]|[ \t]-)[ \t]*|:[ \t]+")  # ("- SGD: see [[…]]": the label stays)
_ASIDE = re.compile(r"[ \t]*\(([^()\n]*)\)")
_LABEL_ONLY = re.compile(r"[^:.!?\n]{1,60}:")  # ("torch.compile + FSDP2:" once "works now? try" is off)
_QUESTION_ONLY = re.compile(r"(?:[^:\n]{1,60}:\s*)?(?:[^.!?\n]+\?+\s*)+")  # ("torch.compile + FSDP2: works now?")
# Where a task stands, all that is left of a log line once its slip is off ("fixed ([[Metropolis-Hastings]])")
_STATUS_ONLY = re.compile(r"(?i)(?:[^:\n]{1,60}:\s*)?(?:fixed|done|solved|resolved|works(?: now)?|ok(?:ay)?)[.!]?"
                          r"(?:\s*\([^)\n]*\))?[.!]?")
# What is left of a remark once the writer's feeling and the link it pointed to are off: it only says a thing is
# related to another, not how ("Also ties into dimensional collapse.", "Relates to the kernel trick.")
_RELATED_ONLY = re.compile(r"(?i)(?:[-*+][ \t]+)?(?:also[ \t]+)?(?:(?:it|this|that)[ \t]+)?"
                           r"(?:ties|tied|relates|related|connects|connected|links|linked)[ \t]+(?:in)?to[ \t]+"
                           r"[^.!?\n]{1,50}[.!]?")
# A label that names an event of the writer's course ("Quiz", "Lecture 8", "HW3"), not a subject
_COURSE_EVENT = re.compile(r"(?i)[\W_]*(?:quiz(?:zes)?|hw|homework|exams?|midterms?|lectures?|labs?|recitations?|"
                           r"office hours|psets?|problem sets?|assignments?)[ \t]*#?\d*[a-z]?[\W_]*")


def is_note_to_self(clause: str) -> bool:
    """Whether a clause is a note to self and nothing else (`_NOTE_CLAUSE`: a chore, the writer's understanding)."""
    return bool(_NOTE_CLAUSE.fullmatch(clause.strip(" \t.!")))


def without_notes(back: str) -> str:
    """The back without the writer's notes to self (`_NOTE_CLAUSE`, `_NOTE_SENTENCE`): a to-do put off ("Read
    properly later.", "Half-understood, come back to it."), a study log's slip, a legend of marks, a link to
    another note; the rest of a sentence that states a fact stays. Code and display formulas are left as written."""
    lower = back.lower()
    if not _NOTE_HINT.search(lower) and not ("= " in lower and _LEGEND_HINT.search(lower)):
        return back  # (the common back: no word of such a note)
    lines, fence = [], ""
    for line in back.split("\n"):
        opens = line.lstrip()[:3] if line.lstrip()[:3] in ("```", "~~~") or line.count("$$") == 1 else ""
        if fence or opens or line.lstrip()[:1] == "|" or line.lstrip()[:2] == "$$":
            fence = "" if fence and opens[:2] == fence[:2] else fence or opens  # (code, a display formula and a
            lines.append(line)  # table: as written)
            continue
        head = _LINE_HEAD.match(line).end()
        text = _ASIDE.sub(_aside, line[head:]) if "(" in line else line[head:]
        found = _SENTENCE_END.split(text)
        said = [s for s in map(_sentence, _without_open_chores(found)) if s]
        if said == [s for s in found if s] and text == line[head:]:
            lines.append(line)  # (nothing off it: as written)
        elif said or not line[head:].strip():  # (else a line that was nothing but notes to self)
            lines.append(line[:head] + " ".join(said))
        elif not LIST_ITEM.match(line) and lines and lines[-1].rstrip()[-1:] in (",", ";"):
            lines[-1] = lines[-1].rstrip()[:-1] + "."  # ("… most of the gain comes from it," / "see {doc}`x`.": it ends)
    return one_break("\n".join(lines)).strip() if lines != back.split("\n") else back


def _without_open_chores(found: list[str]) -> list[str]:
    """The sentences without a bare chore (`_CHORE_ALONE`) and the question before it."""
    if len(found) < 2 or not any(_CHORE_ALONE.fullmatch(s) for s in found[1:]):
        return found
    return [s for k, s in enumerate(found) if not (k and _CHORE_ALONE.fullmatch(s) and found[k - 1].endswith("?"))
            and not (k + 1 < len(found) and s.endswith("?") and _CHORE_ALONE.fullmatch(found[k + 1]))]


def _sentence(sentence: str) -> str:
    """A sentence without the notes to self among its closing clauses; '' when it was nothing else."""
    if not sentence.strip() or _NOTE_SENTENCE.fullmatch(sentence.strip()):
        return ""
    links = [m.span() for m in _REF_FOUND.finditer(sentence)] if "[" in sentence or "{" in sentence else []
    clauses = [m.span() for m in _CLAUSE_BREAK.finditer(sentence)
               if not any(start < m.start() < end for start, end in links)]  # ("[[Batch, Stochastic GD]]": one link)
    ends = [0] + [end for _, end in clauses]
    starts = [start for start, _ in clauses] + [len(sentence)]
    cut = len(sentence)
    for begin, end in reversed(list(zip(ends, starts))):
        if not _NOTE_CLAUSE.fullmatch(sentence[begin:end].strip(" \t.!")):
            break
        cut = begin
    if cut == len(sentence):
        return _without_leading_note(sentence)
    if cut == 0:
        return ""
    kept_clauses = [k for k, end in enumerate(ends) if end < cut]
    if len(kept_clauses) > 1 and _LEAD_IN.fullmatch(sentence[ends[kept_clauses[-1]]:starts[kept_clauses[-1]]].strip()):
        cut = ends[kept_clauses[-1]]  # ("…, for details, see [[X]]": the lead-in goes with its pointer)
    elif len(kept_clauses) == 1 and _LEAD_IN.fullmatch(sentence[:starts[0]].strip()):
        return ""  # ("To do that, see [[A]] and [[B]].")
    kept = sentence[:next(start for start, end in clauses if end == cut)].rstrip()
    return kept + ("." if sentence.rstrip()[-1:] in ".!" and kept[-1:] not in ".!?" else "")


# A note to self that opens a sentence and hands over to its fact after a semicolon or a dash ("Should write out
# the derivation sometime; it's just …"): the fact stays
_OPENING_BREAK = re.compile(r"[ \t]*(?:;|[—–])[ \t]*")


def _without_leading_note(sentence: str) -> str:
    """A sentence without its opening clause when that clause is a note to self and a fact follows it."""
    found = _OPENING_BREAK.search(sentence)
    if not found or not _NOTE_CLAUSE.fullmatch(sentence[:found.start()].strip(" \t.!")):
        return sentence
    rest = sentence[found.end():]
    return rest[:1].upper() + rest[1:] if rest.strip() else ""


def _aside(aside: re.Match) -> str:
    """A parenthesis without its closing notes to self ("(see [[Journal/2024-03-14]])" goes, "(DIoU … terms — later.)"
    keeps its fact)."""
    text = aside.group(1)
    found = _SENTENCE_END.split(text) if "[" not in text else [text]  # (each of its sentences: "(Bayes' rule ….
    # Still haven't done it …)"; not inside a link, "[[01. Visual search]]")
    said = " ".join(s for s in map(_sentence, found) if s) if len(found) > 1 else _sentence(text)
    if said == aside.group(1):
        return aside.group(0)
    return aside.group(0)[:aside.start(1) - aside.start()] + said + ")" if said else ""


def says_nothing(back: str) -> bool:
    """Whether what is left of a back once notes to self are off says nothing: no text, or only a question the
    writer left open ("torch.compile + FSDP2: works now?"), or only that the thing is related to another ("Also
    ties into dimensional collapse.", once "… is still magical to me" and its "— see [[…]]" are off)."""
    back = back.strip()
    return not back or "$" not in back and bool(_QUESTION_ONLY.fullmatch(back) or _LABEL_ONLY.fullmatch(back)
                                                or _STATUS_ONLY.fullmatch(back) or _RELATED_ONLY.fullmatch(back))
