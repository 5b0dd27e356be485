"""The writer's reading progress on a card read out of their notes ("Bauer et al. 2016 — skimmed.", "started, got
lost at the natural gradients bit"): how far they got with a paper, not what it says; `tidy` takes it off. Pure."""

from __future__ import annotations

import re

from mlwiki.extract.daily import READ_PROGRESS

# The writer's reading progress after a paper's name or opening a back (in lower case, as a log writes it):
# "— skimmed.", "— done, notes in …", "started, got lost at …"
PROGRESS = re.compile(rf"(?:^[ \t]*|[ \t]+[—–-][ \t]+)(?:{READ_PROGRESS})"
                      r"(?:[ \t]+(?:only|twice|again|properly|it))?[ \t]*([.,;])")
PROGRESS_HINT = re.compile(r"skimmed|read\b|done\b|started|finished")
_WORDS = ("read", "done", "skimmed", "started", "finished")  # (one of them in every phrase of both patterns)


def holds_progress(back: str) -> bool:
    """Whether a back holds the writer's reading progress (`PROGRESS`); a back without a word of it (the common
    back, said by substring tests, several times faster than a pattern) holds none."""
    return any(map(back.__contains__, _WORDS)) and bool(PROGRESS_HINT.search(back)) and bool(PROGRESS.search(back))


def without_progress(back: str) -> str:
    """The back without the writer's reading progress (`PROGRESS`): "skimmed." goes and what follows stays
    ("Bauer et al. 2016 — skimmed. FITC underestimates the noise"); a line whose status runs on into a clause
    ("started, got lost at the natural gradients bit", "done, notes in the sparse post") or says nothing after it
    is only progress, and goes."""
    lines = []
    for k, line in enumerate(back.split("\n")):
        if (found := PROGRESS.search(line)) is not None and (k == 0 or found.group(0)[:1] in " \t"):  # (a line
            # of the back's own, not its first, says it after a dash: "done." opening a wrapped line is no status)
            head, tail = line[:found.start()], line[found.end():].strip()
            if found.group(1) != "." or not tail:
                continue
            line = f"{head} — {tail}" if head.strip(" \t-*+") else head + tail
        lines.append(line)
    return "\n".join(lines).strip()
