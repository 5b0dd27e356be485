"""What a Logseq block's text shows, as Logseq shows it: its task keyword as a task box, a block reference as the
text of the block it names (nothing when that block is on another page: never its id), macros (`{{query …}}`,
`{{embed …}}`, `{{renderer …}}`) as nothing, and the lines Logseq keeps for itself (`SCHEDULED: <…>`, a
`:LOGBOOK:` drawer) not at all. Pure: text in, text out.
"""

from __future__ import annotations

import re

# A block's id: Logseq's UUID, or Roam's nine characters (`((Kx7mQ2pLa))`, `roam`)
_UUID = r"(?:[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}|[\w-]{9})"
BLOCK_REF = re.compile(rf"\(\(({_UUID})\)\)")
# A macro: `{{query (todo now)}}`, `{{embed ((…))}}`, `{{renderer :todomaster}}`, `{{video https://…}}`; a cloze,
# `{{cloze the answer}}`, shows its answer
_MACRO = re.compile(r"\{\{[ \t]*([\w-]+)([^{}\n]*(?:\{\{[^{}\n]*\}\}[^{}\n]*)*)\}\}")
# A reference that only points elsewhere, once the reference is gone: "— see ((…))", "(see ((…)))"
_POINTER = re.compile(rf"[ \t]*(?:[—–-][ \t]*)?(?:\b(?:[Ss]ee|[Cc]f\.)[ \t]*)?\(\({_UUID}\)\)")
# The clause an unresolved reference stands inside of, to its sentence's end ("which is where ((…)) comes from", "…
# candidate — compare the cell update ((…)) with $f_t = 1 - z_t$"): said by halves, it says nothing (a reference at a
# sentence's end, "each of the form ((…))", leaves what came before it)
_MID_SENTENCE = re.compile(rf"(?:[ \t]*[—–;(]|^|(?<=[.!?]))[^.!?\n—–;(]*\(\({_UUID}\)\)[ \t]*[\w$`*\[][^.!?\n]*"
                           r"[.!?]?[ \t]*")
# A lead whose object was an unresolved reference ending the text: the sentence that only points at it ("…
# `pack_padded_sequence`. Details from [[a day]]: ((…))"), a short clause after a comma ("a product of Jacobians,
# each of the form ((…))"), the preposition before it ("$h_t$ from ((…)):"). Left standing they dangle.
_LEAD_TO_END = re.compile(rf"(?:(?<=[.!?])[ \t]+[^.!?\n:]{{1,80}}:|,[ \t]*(?:[A-Za-z]+[ \t]+){{1,5}}|"
                          rf"[ \t]+(?:from|of|in|by|as|at|like|to))[ \t]*(?=\(\({_UUID}\)\)[ \t]*:?[ \t]*$)")
_OPEN_TASK = re.compile(r"(?:TODO|DOING|LATER|NOW|WAITING|WAIT|IN-PROGRESS)[ \t]+(?:\[#[A-C]\][ \t]*)?")
_DONE_TASK = re.compile(r"(?:DONE|CANCELED|CANCELLED)[ \t]+(?:\[#[A-C]\][ \t]*)?")
# The lines Logseq writes for itself under a block: a task's dates, its clock drawer
_PLANNING = re.compile(r"[ \t]*(?:SCHEDULED|DEADLINE):[ \t]*<[^>\n]*>(?:[ \t]+(?:SCHEDULED|DEADLINE):[ \t]*<[^>\n]*>)?"
                       r"[ \t]*")
_GAP = re.compile(r"[ \t]+([:;,.)]|$)")
DRAWER_OPEN = re.compile(r"[ \t]*:(?:LOGBOOK|PROPERTIES):[ \t]*")
DRAWER_END = re.compile(r"[ \t]*:END:[ \t]*")


def as_task(text: str) -> str:
    """`TODO read X` as the task `[ ] read X`, `DONE …` as `[x] …` (the task boxes of Markdown), else `text`."""
    if text[:1] not in "TDLNWIC":
        return text
    if match := _OPEN_TASK.match(text):
        return "[ ] " + text[match.end():]
    if match := _DONE_TASK.match(text):
        return "[x] " + text[match.end():]
    return text


def is_planning(text: str) -> bool:
    """Whether a line is a task's `SCHEDULED: <…>` or `DEADLINE: <…>`: Logseq's metadata, not text."""
    return "D" in text and bool(_PLANNING.fullmatch(text))


def shown(text: str, refs: dict[str, str]) -> str:
    """The text as Logseq shows it: block references by the text of the block (`refs`: id → that text), or left
    out with the "see" that led to them; macros left out, a cloze by its answer."""
    was = text
    if "((" in text:
        text = BLOCK_REF.sub(lambda m: refs.get(m.group(1).lower(), m.group(0)), text)
        text = _LEAD_TO_END.sub("", text) if "((" in text else text
        text = _POINTER.sub("", _MID_SENTENCE.sub(" ", text).strip()) if "((" in text else text
    if "{{" in text:
        text = _MACRO.sub(lambda m: m.group(2).strip() if m.group(1).lower() == "cloze" else "", text)
    if text == was:
        return text
    return _GAP.sub(r"\1", text).rstrip()  # (what stood before what was left out: "from :" → "from:")


def inline_ref(text: str) -> str:
    """A referenced block's text as a reference shows it inside a sentence: a display formula as inline math."""
    text = text.strip()
    if text.startswith("$$") and text.endswith("$$") and len(text) > 4 and "\n" not in text:
        return f"${text[2:-2].strip()}$"
    return text
