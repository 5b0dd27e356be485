"""A corpus of hostile and broken note files, for robustness tests of the scan.

`build_bad_corpus(notes_dir)` writes every bad input into its own file (so one bad file can never hide
another's problems), plus a few good notes whose cards must survive intact. Each case is described by a
`BadCase`: where it is, whether the scan must report a problem naming it (and on which line, when known), the
cards it must still yield, and strings that must never reach any card.

Paths in `BadCase.relpath` are relative to the notes folder, with forward slashes.
"""

from __future__ import annotations

import json
import os
import random
import tempfile
from dataclasses import dataclass
from pathlib import Path

IS_ROOT = hasattr(os, "geteuid") and os.geteuid() == 0

#: The text every outside-the-wiki symlink target holds; it must never show up in a card.
OUTSIDE_SECRET = "OUTSIDE-SECRET-7f3a9 must never become a card"


@dataclass
class BadCase:
    """One input of the corpus."""

    name: str
    relpath: str  # relative to the notes folder, POSIX slashes
    expect_warning: bool  # the scan must report a problem whose path names this file
    note: str  # what the case is about, and what is expected of it
    line: int | None = None  # the file line the problem must name, when it is known
    cards: tuple[tuple[str, str], ...] = ()  # (front, back) cards this file must still yield, exactly
    min_cards: int = 0  # at least this many cards from this file
    forbidden: tuple[str, ...] = ()  # substrings that must never appear in any card of the wiki
    good: bool = False  # a good note: no problem at all may name it
    may_warn: bool = False  # a problem is acceptable but not required (e.g. depends on the platform)
    exists: bool = True  # False when the filesystem refused the name (the case is then vacuous)


def _can_read(path: Path) -> bool:
    try:
        with open(path, "rb"):
            return True
    except PermissionError:
        return False


def good_card(n: int) -> tuple[str, str]:
    return (f"good question {n}", f"good answer {n}")


def _qa(front: str, back: str) -> str:
    return f"Q: {front}\nA: {back}\n"


class _Writer:
    def __init__(self, notes_dir: Path):
        self.notes = notes_dir
        self.cases: list[BadCase] = []

    def path(self, rel: str) -> Path:
        path = self.notes / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        return path

    def bytes(self, rel: str, data: bytes, **case) -> BadCase:
        self.path(rel).write_bytes(data)
        return self.add(rel, **case)

    def text(self, rel: str, text: str, **case) -> BadCase:
        return self.bytes(rel, text.encode("utf-8"), **case)

    def add(self, rel: str, **case) -> BadCase:
        entry = BadCase(relpath=rel, **case)
        self.cases.append(entry)
        return entry


def build_bad_corpus(notes_dir: Path, outside_dir: Path | None = None, seed: int = 7) -> list[BadCase]:
    """Write the corpus into `notes_dir` (created if needed) and describe each case.

    `outside_dir` receives the target of the symlink that points out of the wiki; it must lie outside the wiki
    root (default: a fresh temporary folder).
    """
    notes_dir = Path(notes_dir)
    notes_dir.mkdir(parents=True, exist_ok=True)
    notes_dir = notes_dir.resolve()
    outside = Path(outside_dir) if outside_dir else Path(tempfile.mkdtemp(prefix="mlwiki-outside-"))
    outside.mkdir(parents=True, exist_ok=True)
    outside = outside.resolve()
    rng = random.Random(seed)
    w = _Writer(notes_dir)

    # --- good notes ------------------------------------------------------------------------------------------
    w.text("good/one.md", "---\ntitle: Good one\ntags: [good]\n---\n\n# Good\n\n" + _qa(*good_card(1)),
           name="good_md", expect_warning=False, good=True, cards=(good_card(1),),
           note="plain good note with front matter")
    w.text("good/deeper/two.qmd", "# Two\n\nSome prose first.\n\n" + _qa(*good_card(2)) + "\n" + _qa(*good_card(3)),
           name="good_qmd", expect_warning=False, good=True, cards=(good_card(2), good_card(3)),
           note="good Quarto note, two cards")
    nb = {"cells": [
        {"cell_type": "markdown", "metadata": {}, "source": ["# Notebook\n", "\n", "Q: good question 4\n",
                                                             "A: good answer 4\n"]},
        {"cell_type": "code", "metadata": {}, "source": ["Q: not a card\n", "A: code cell\n"], "outputs": [],
         "execution_count": None},
    ], "metadata": {}, "nbformat": 4, "nbformat_minor": 5}
    w.text("good/three.ipynb", json.dumps(nb, indent=1), name="good_ipynb", expect_warning=False, good=True,
           cards=(good_card(4),), note="good notebook; the code cell is not a card")
    w.text("good/four.md", _qa(*good_card(5)) + "\n" + _qa(*good_card(6)),
           name="good_plain", expect_warning=False, good=True, cards=(good_card(5), good_card(6)),
           note="good note without front matter")

    # --- encodings and line ends ------------------------------------------------------------------------------
    w.bytes("enc/invalid-utf8.md", b"# Bad bytes\n\nline \xff\xfe here\n\n" + _qa("utf8 survivor", "yes").encode(),
            name="invalid_utf8", expect_warning=True, line=3, cards=(("utf8 survivor", "yes"),),
            note="invalid UTF-8 on line 3: warn with the line, replace the bytes, keep the other cards")
    utf16 = "# UTF-16\n\n" + _qa("utf16 le question", "utf16 le answer")
    w.bytes("enc/utf16-le.md", b"\xff\xfe" + utf16.encode("utf-16-le"), name="utf16_le", expect_warning=False,
            cards=(("utf16 le question", "utf16 le answer"),), note="UTF-16 LE with BOM decodes")
    utf16 = "# UTF-16\n\n" + _qa("utf16 be question", "utf16 be answer")
    w.bytes("enc/utf16-be.md", b"\xfe\xff" + utf16.encode("utf-16-be"), name="utf16_be", expect_warning=False,
            cards=(("utf16 be question", "utf16 be answer"),), note="UTF-16 BE with BOM decodes")
    w.bytes("enc/utf16-broken.md", b"\xff\xfe" + "Q: x\n".encode("utf-16-le") + b"\x00\xd8",
            name="utf16_broken", expect_warning=True, note="UTF-16 BOM then a lone surrogate: warn, skip")
    w.bytes("enc/utf8-bom.md", b"\xef\xbb\xbf---\ntitle: BOM\n---\n" + _qa("bom question", "bom answer").encode(),
            name="utf8_bom", expect_warning=False, cards=(("bom question", "bom answer"),),
            note="UTF-8 BOM before front matter: BOM dropped, front matter still read")
    w.bytes("enc/crlf.md", b"---\r\ntitle: CRLF\r\n---\r\n\r\nQ: crlf question\r\nA: crlf answer\r\n\r\n"
                           b"crlf front :: crlf back\r\n",
            name="crlf", expect_warning=False, cards=(("crlf question", "crlf answer"), ("crlf front", "crlf back")),
            note="CRLF line ends: no \\r in cards")
    w.bytes("enc/lone-cr.md", b"# Old Mac\r\rQ: cr question\rA: cr answer\r\rcr front :: cr back\r",
            name="lone_cr", expect_warning=False, cards=(("cr question", "cr answer"), ("cr front", "cr back")),
            note="lone CR line ends are line ends")
    noise = bytes(rng.getrandbits(8) for _ in range(64 * 1024))
    w.bytes("enc/binary.md", b"\x89PNG\r\n\x1a\n\x00\x00" + noise, name="binary", expect_warning=True,
            note="random bytes with NULs named .md: skipped as binary with a warning")
    w.bytes("enc/nul-early.md", b"Q: nul early\x00question\nA: nul answer\n", name="nul_early",
            expect_warning=True, note="a NUL in the first 8 KB: treated as binary, warned and skipped")
    w.bytes("enc/nul-late.md", b"# Late NUL\n\n" + b"padding line of prose.\n" * 500 + b"\n"
            + b"Q: nul late question\nA: nul late\x00 answer\n",
            name="nul_late", expect_warning=False, cards=(("nul late question", "nul late answer"),),
            note="a NUL after 8 KB is dropped; the card is intact and holds no NUL")

    # --- size ---------------------------------------------------------------------------------------------------
    chunk = (_qa("huge question", "huge answer") + "\n").encode() * (1024 * 1024 // 30)
    with w.path("size/huge-50mb.md").open("wb") as fh:
        total = 0
        while total < 50 * 1024 * 1024:
            fh.write(chunk)
            total += len(chunk)
    w.add("size/huge-50mb.md", name="huge_50mb", expect_warning=True,
          note="a 50 MB note: skipped quickly with a 'too large' warning")
    lines = []
    for i in range(100_000):
        if i % 1000 == 10:
            lines += ["", f"Q: line question {i}", f"A: line answer {i}", ""]
        else:
            lines.append(f"line {i} of a very long note, with $x_{{{i}}}$ in it." if i % 7 else "")
    w.text("size/lines-100k.md", "\n".join(lines[:100_000]) + "\n", name="lines_100k", expect_warning=False,
           min_cards=100, cards=(("line question 10", "line answer 10"), ("line question 99010", "line answer 99010")),
           note="100,000 lines: scanned completely in bounded time")
    long_line = ("lorem ipsum dolor sit amet $x$ and `code` ok " * (5 * 1024 * 1024 // 45))
    w.text("size/long-line.md", _qa("before long line", "ok") + "\n" + long_line + "\n\n" + _qa("after long line", "ok"),
           name="long_line_5mb", expect_warning=False,
           cards=(("before long line", "ok"), ("after long line", "ok")),
           note="one 5 MB line between two cards")

    # --- unclosed blocks ----------------------------------------------------------------------------------------
    w.text("unclosed/fence.md", "# Fence\n\n" + _qa("before fence", "ok") + "\n```python\nQ: in code\nA: no\n",
           name="unclosed_fence", expect_warning=True, line=6, cards=(("before fence", "ok"),),
           forbidden=("in code",), note="code fence never closed: error at its opening line")
    w.text("unclosed/div.md", "# Div\n\n::: {.callout-note}\n" + _qa("inside open div", "still a card"),
           name="unclosed_div", expect_warning=True, line=3, note="fenced div never closed: error at its line")
    w.text("unclosed/dollars.md", "# Math\n\n" + _qa("before math", "ok") + "\n$$\nx = \\frac{1}{2}\n\nQ: in math\nA: no\n",
           name="unclosed_math", expect_warning=True, line=6, cards=(("before math", "ok"),),
           note="display math `$$` never closed: error at its line")
    w.text("unclosed/comment.md", "# Comment\n\n" + _qa("before comment", "ok") + "\n<!-- a comment that never ends\n"
           + _qa("hidden in comment", "no"), name="unclosed_comment", expect_warning=True, line=6,
           cards=(("before comment", "ok"),), forbidden=("hidden in comment",),
           note="HTML comment never closed: warning at its line, nothing after it is a card")

    # --- front matter -------------------------------------------------------------------------------------------
    w.text("fm/malformed.md", "---\ntitle: ok\ntags: [unclosed, list\ndeck: x\n---\n\n" + _qa("after bad yaml", "ok"),
           name="yaml_malformed", expect_warning=True, cards=(("after bad yaml", "ok"),),
           note="YAML that does not parse: warned, ignored, the body still yields cards")
    bomb = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for level in "bcdefghi":
        prev = chr(ord(level) - 1)
        bomb.append(f"{level}: &{level} [" + ",".join([f"*{prev}"] * 9) + "]")
    bomb += ["tags: *i", "keywords: *i", "title: *i", "deck: *i"]
    w.text("fm/alias-bomb.md", "---\n" + "\n".join(bomb) + "\n---\n\n" + _qa("after alias bomb", "ok"),
           name="yaml_alias_bomb", expect_warning=False, may_warn=True, cards=(("after alias bomb", "ok"),),
           note="billion laughs, 9 levels (76 aliases, used as tags/title/deck): fast, never expanded, body kept")
    flood = ["a: &a [x]"] + [f"k{i}: *a" for i in range(150)]
    w.text("fm/alias-flood.md", "---\n" + "\n".join(flood) + "\n---\n\n" + _qa("after alias flood", "ok"),
           name="yaml_alias_flood", expect_warning=True, cards=(("after alias flood", "ok"),),
           note="150 aliases: over the loader's alias cap, refused with a warning")
    for name, value in (("bad_date", "date: 2024-02-30"), ("bad_time", "date: 2024-01-01 25:00:00"),
                        ("bad_int_tag", "weight: !!int abc"), ("bad_timestamp_tag", "when: !!timestamp nope")):
        w.text(f"fm/{name.replace('_', '-')}.md", f"---\ntitle: ok\n{value}\n---\n\n" + _qa(f"after {name}", "ok"),
               name=f"yaml_{name}", expect_warning=True, cards=((f"after {name}", "ok"),),
               note=f"front matter `{value}` parses as YAML but its value cannot be built: warn, keep the body")
    w.text("fm/python-tag.md", '---\ntitle: !!python/object/apply:os.system ["echo pwned > PWNED"]\n---\n\n'
           + _qa("after python tag", "ok"), name="yaml_python_tag", expect_warning=True,
           cards=(("after python tag", "ok"),), note="python tag refused by the safe loader; no PWNED file")
    w.text("fm/list.md", "---\n- a\n- b\n---\n\n" + _qa("after list fm", "ok"), name="fm_list",
           expect_warning=True, line=1, cards=(("after list fm", "ok"),), note="front matter that is a list")
    w.text("fm/scalar.md", "---\njust a sentence\n---\n\n" + _qa("after scalar fm", "ok"), name="fm_scalar",
           expect_warning=True, line=1, cards=(("after scalar fm", "ok"),), note="front matter that is a scalar")
    w.text("fm/tags-dict.md", "---\ntags: {a: 1, b: [2]}\n---\n\n" + _qa("tags dict card", "ok"),
           name="tags_dict", expect_warning=False, cards=(("tags dict card", "ok"),),
           note="tags is a mapping: ignored (silently today), card kept")
    w.text("fm/tags-number.md", "---\ntags: 42\ndeck: 7\ntitle: [1, 2]\n---\n\n" + _qa("tags number card", "ok"),
           name="tags_number", expect_warning=False, cards=(("tags number card", "ok"),),
           note="tags/deck/title of the wrong type: ignored, card kept")
    w.text("fm/tags-nested.md", "---\ntags: [[a, [b, [c]]], {d: e}, ok, null, 2024-01-01]\n---\n\n"
           + _qa("tags nested card", "ok"), name="tags_nested", expect_warning=False,
           cards=(("tags nested card", "ok"),), note="nested lists inside tags: bad items dropped, card kept")
    w.text("fm/too-large.md", "---\nblob: '" + "x" * (70 * 1024) + "'\n---\n\n" + _qa("after big fm", "ok"),
           name="fm_too_large", expect_warning=True, line=1, cards=(("after big fm", "ok"),),
           note="front matter over 64 KB: ignored with a warning")
    w.text("fm/deep-flow.md", "---\nx: " + "[" * 5_000 + "]" * 5_000 + "\n---\n\n" + _qa("after deep yaml", "ok"),
           name="yaml_deep_nesting", expect_warning=True, cards=(("after deep yaml", "ok"),),
           note="5,000 nested YAML flow lists (under the 64 KB cap): must be refused, not blow the stack")
    w.text("fm/only.md", "---\ntitle: Only front matter\ntags: [x]\n---\n", name="only_front_matter",
           expect_warning=False, note="a file with only front matter: no cards, no problem")
    w.text("fm/empty.md", "", name="empty", expect_warning=False, note="an empty file: no cards, no problem")

    # --- deep nesting -------------------------------------------------------------------------------------------
    w.text("deep/quotes.md", ">" * 10_000 + " deep quote front :: deep quote back\n\n" + "> " * 10_000 + "\n\n"
           + _qa("after deep quotes", "ok"), name="nested_quotes_10k", expect_warning=False,
           cards=(("deep quote front", "deep quote back"), ("after deep quotes", "ok")),
           note="10,000 levels of '>'")
    w.text("deep/lists.md", "- " * 10_000 + "deep list front :: deep list back\n\n"
           + "".join("  " * (i % 40) + f"- item {i}\n" for i in range(10_000)) + "\n" + _qa("after deep lists", "ok"),
           name="nested_lists_10k", expect_warning=False, min_cards=2, cards=(("after deep lists", "ok"),),
           note="a 10,000-deep list on one line, then 10,000 indented items")
    w.text("deep/divs.md", "::: {.level}\n" * 10_000 + _qa("deep div question", "deep div answer")
           + ":::\n" * 10_000 + "\n" + _qa("after deep divs", "ok"), name="nested_divs_10k", expect_warning=False, may_warn=True,
           cards=(("deep div question", "deep div answer"), ("after deep divs", "ok")),
           note="10,000 nested ':::' divs: must not hit the recursion limit (a depth warning is fine)")
    w.text("deep/card-divs.md", "::: {.card}\nouter front\n\n" + "::: {.note}\n" * 5_000 + "inner back\n"
           + ":::\n" * 5_001 + "\n" + _qa("after deep card divs", "ok"), name="nested_card_divs", expect_warning=False, may_warn=True,
           cards=(("after deep card divs", "ok"),), min_cards=2,
           note="a card div holding 5,000 nested divs: its back is joined without recursion errors")

    # --- notebooks ----------------------------------------------------------------------------------------------
    w.text("nb/not-json.ipynb", '{"cells": [\n  {"cell_type": "markdown",\n  "source": "Q: x\nA: y"\n', name="ipynb_not_json",
           expect_warning=True, note="a notebook that is not JSON: warned (with the JSON error line) and skipped")
    w.text("nb/no-cells.ipynb", json.dumps({"metadata": {}, "nbformat": 4}), name="ipynb_no_cells",
           expect_warning=True, note="a notebook without cells")
    w.text("nb/cells-not-list.ipynb", json.dumps({"cells": {"0": {"cell_type": "markdown", "source": "Q: a\nA: b"}}}),
           name="ipynb_cells_not_list", expect_warning=True, note="'cells' is a mapping")
    w.text("nb/source-number.ipynb", json.dumps({"cells": [
        {"cell_type": "markdown", "source": 42},
        {"cell_type": "markdown", "source": None},
        "not a cell", None,
        {"cell_type": "markdown", "source": ["Q: nb survivor\n", "A: ok\n"]},
    ]}), name="ipynb_source_number", expect_warning=False, may_warn=True, cards=(("nb survivor", "ok"),),
        note="cells whose source is a number / null, cells that are not objects: no crash, good cell kept")
    w.text("nb/deep-json.ipynb", "[" * 100_000 + "]" * 100_000, name="ipynb_deep_json", expect_warning=True,
           note="100,000 nested JSON arrays: RecursionError must become a warning")
    w.text("nb/top-level-list.ipynb", "[1, 2, 3]", name="ipynb_top_list", expect_warning=True,
           note="a notebook whose JSON is a list")
    w.text("nb/bad-front-matter.ipynb", json.dumps({"cells": [
        {"cell_type": "raw", "source": "---\ntitle: [oops\n---"},
        {"cell_type": "markdown", "source": "Q: after raw fm\nA: ok"},
    ]}), name="ipynb_bad_front_matter", expect_warning=True, may_warn=True,
        note="a raw front matter cell with bad YAML: warned")

    # --- links and permissions ----------------------------------------------------------------------------------
    loop = w.path("links/loop/keep.md")
    loop.write_text(_qa("loop neighbour", "ok"), encoding="utf-8")
    w.add("links/loop/keep.md", name="loop_neighbour", expect_warning=False, cards=(("loop neighbour", "ok"),),
          note="a good note beside the looping link: scanned once")
    os.symlink("..", notes_dir / "links/loop/up")
    w.add("links/loop/up", name="symlink_loop", expect_warning=True,
          note="a folder symlink to its parent: warned as a loop, never walked twice")
    secret = outside / "secret.md"
    secret.write_text(_qa(OUTSIDE_SECRET, OUTSIDE_SECRET), encoding="utf-8")
    os.symlink(secret, notes_dir / "links/outside.md")
    w.add("links/outside.md", name="symlink_outside", expect_warning=True, forbidden=(OUTSIDE_SECRET,),
          note="a symlink to a file outside the wiki: warned, never read")
    os.symlink(outside, notes_dir / "links/outside-dir")
    w.add("links/outside-dir", name="symlink_outside_dir", expect_warning=True, forbidden=(OUTSIDE_SECRET,),
          note="a symlink to a folder outside the wiki: warned, never walked")
    os.symlink(notes_dir / "links/does-not-exist.md", notes_dir / "links/broken.md")
    w.add("links/broken.md", name="symlink_broken", expect_warning=True, note="a dangling symlink")
    os.symlink("loop-b.md", notes_dir / "links/loop-a.md")
    os.symlink("loop-a.md", notes_dir / "links/loop-b.md")
    w.add("links/loop-a.md", name="symlink_file_loop", expect_warning=True, note="two file symlinks to each other")
    unreadable = w.path("perm/unreadable.md")
    unreadable.write_text(_qa("unreadable question", "unreadable answer"), encoding="utf-8")
    unreadable.chmod(0)
    readable = _can_read(unreadable)  # root (CAP_DAC_OVERRIDE) still reads it
    w.add("perm/unreadable.md", name="unreadable", expect_warning=not readable, may_warn=readable,
          note="chmod 000: 'cannot read' warning (not checkable as root, where the file stays readable)")

    # --- odd file names -----------------------------------------------------------------------------------------
    odd = [("name_spaces", "names/name with  spaces.md"), ("name_unicode", "names/ünïcödé 名前 🧠.md"),
           ("name_hash", "names/c#-and-#tag.md"), ("name_dash", "names/-rf.md"),
           ("name_long", "names/" + "n" * 197 + ".md"), ("name_newline", "names/new\nline.md"),
           ("name_escape", "names/\x1b[31mred\x1b[0m.md"), ("name_upper_ext", "names/UPPER.MD")]
    for k, (name, rel) in enumerate(odd):
        card = (f"odd name question {k}", f"odd name answer {k}")
        try:
            w.path(rel).write_text(_qa(*card), encoding="utf-8")
        except (OSError, ValueError):
            w.add(rel, name=name, expect_warning=False, exists=False, note="refused by this filesystem")
            continue
        w.add(rel, name=name, expect_warning=False, cards=(card,), note=f"odd file name {rel!r}")
    w.text("names/.md", _qa("dot md question", "hidden"), name="name_dot_md", expect_warning=False,
           forbidden=("dot md question",), note="a file named just '.md' is hidden (and has no suffix): skipped")

    # --- card syntax --------------------------------------------------------------------------------------------
    w.text("syntax/q-without-a.md", "# Q\n\nQ: a question with no answer\n\nJust prose.\n",
           name="q_without_a", expect_warning=True, line=3, note="'Q:' without 'A:' is an error")
    w.text("syntax/cloze-unclosed.md", "# Cloze\n\nThe {{c1::unclosed cloze never ends.\n\n" + _qa("after cloze", "ok"),
           name="cloze_unclosed", expect_warning=True, line=3, cards=(("after cloze", "ok"),),
           forbidden=("The {{c1",), note="'{{c1::' never closed: reported at its line, and not turned into a card")
    w.text("syntax/dollars.md", "$" * 1000 + "\n\n" + "a $ " * 1000 + "\n\n" + "$x" * 1000 + "\n\n"
           + _qa("after dollars", "ok"), name="dollars_1000", expect_warning=False, may_warn=True,
           cards=(("after dollars", "ok"),), note="1000 '$' signs in several arrangements: bounded time")
    ansi_front = ("\x1b[31mred\x1b[0m \x1b]8;;https://evil.example/\x1b\\click\x1b]8;;\x1b\\ "
                  "\x1b]0;pwned title\x07 \x9b2J csi")
    w.text("syntax/ansi.md", "# \x1b[1mBold heading\x1b[0m\n\n" + _qa(ansi_front, "\x1b[2Jclear") + "\n"
           + "\x1b]0;title\x07 inline :: back \x1b[5m\n", name="ansi_osc", expect_warning=False, may_warn=True,
           cards=((ansi_front, "\x1b[2Jclear"),),
           note="ANSI/OSC escapes in cards: kept in data, never printed raw by the CLI")
    storm = "{{< " * 5_000 + "\n\n" + "{{< include x.md >}} " * 5_000 + "\n\n" + "$ {{< " * 3_000 + "::\n\n"
    w.text("syntax/shortcodes.md", storm + _qa("after shortcodes", "ok"), name="shortcode_storm",
           expect_warning=False, may_warn=True, cards=(("after shortcodes", "ok"),),
           note="Quarto shortcode storm, closed and unclosed, mixed with '$' and '::': bounded time")
    w.text("syntax/cloze-storm.md", "Storm " + "{{c1::a " * 2_000 + "\n\n" + "Closed " + "{{c1::b " * 2_000
           + "}}\n\n" + _qa("after cloze storm", "ok"), name="cloze_storm", expect_warning=True, line=1,
           cards=(("after cloze storm", "ok"),), forbidden=("Storm {{c1",),
           note="2,000 unclosed '{{c1::' in one paragraph, then 2,000 openers and one '}}': reported, bounded time")
    w.text("syntax/empty-card-div.md", "# Div\n\n::: {.card}\n:::\n\n::: {.card}\n\n::: back\nonly a back\n:::\n:::\n",
           name="card_div_empty_front", expect_warning=True, line=3, note="`::: {.card}` with an empty front")
    w.text("syntax/opt-out.md", "---\nmlwiki: false\n---\n" + _qa("opted out", "no"), name="opt_out",
           expect_warning=False, forbidden=("opted out",), note="`mlwiki: false` skips the note")
    return w.cases


def write_non_utf8_name(notes_dir: Path) -> BadCase | None:
    """A note whose file name is Latin-1 bytes, not UTF-8 (Python sees '\\udce9'). Kept out of the main corpus so
    that a crash on it does not hide every other finding; None where the filesystem refuses such names."""
    notes_dir = Path(notes_dir)
    notes_dir.mkdir(parents=True, exist_ok=True)
    raw = os.fsencode(str(notes_dir)) + b"/latin1-caf\xe9.md"
    try:
        with open(raw, "wb") as fh:
            fh.write(_qa("latin1 name question", "latin1 name answer").encode())
    except OSError:
        return None
    return BadCase("name_not_utf8", os.fsdecode(raw)[len(str(notes_dir)) + 1:], True,
                   "a file name that is not valid UTF-8: no crash anywhere; warn (and skip) or read it",
                   may_warn=True)


def build_bad_wiki(root: Path, outside_dir: Path | None = None) -> tuple[Path, list[BadCase]]:
    """A wiki at `root` (mlwiki.toml + notes/) holding the bad corpus."""
    root = Path(root)
    root.mkdir(parents=True, exist_ok=True)
    (root / "mlwiki.toml").write_text('name = "Bad"\nnotes = "notes"\n', encoding="utf-8")
    notes = root / "notes"
    return notes, build_bad_corpus(notes, outside_dir)


__all__ = ["BadCase", "IS_ROOT", "OUTSIDE_SECRET", "build_bad_corpus", "build_bad_wiki", "good_card",
           "write_non_utf8_name"]
