"""Robustness: a wiki full of broken, hostile and odd files (see `badinput.py`) must never crash a scan.

Every entry point is driven over the same corpus: `collect` (the library), `open_synced` (the incremental scan
into SQLite), the `check` and `cards` commands through click's runner, and `cards` in a real subprocess. Each
bad file that should be reported must be named by a problem (on the right line, when known); good notes must
keep every card, byte for byte; escape sequences must never reach the terminal raw; nothing may run code.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import time
from datetime import datetime, timezone
from pathlib import Path
from types import SimpleNamespace

import pytest

sys.path.insert(0, str(Path(__file__).parent))

from badinput import OUTSIDE_SECRET, BadCase, build_bad_wiki, good_card, write_non_utf8_name  # noqa: E402

from conftest import run as run_cli
from mlwiki.config import load_config  # noqa: E402
from mlwiki.sources.notes import load_note, split_front_matter, walk_notes  # noqa: E402
from mlwiki.scan.sync import open_synced  # noqa: E402
from mlwiki.scan.collect import collect  # noqa: E402
from mlwiki.scan.examine import extract_file  # noqa: E402

pytestmark = pytest.mark.slow  # subprocesses, ptys or real Anki collections: `pytest -m "not slow"` skips them

NOW = datetime(2026, 1, 15, 9, 0, tzinfo=timezone.utc)
# Budgets in CPU time of this process, in units of a reference pass timed in the same run (`_reference_pass`):
# they catch quadratic blow-ups, and must not fail because the machine is slower or busier today. The reference
# (markdown-it over 1,000 short sections) took 0.16 s of CPU on a loaded 2-core machine where the 100,000-line file
# took 3.0 s (19 units); a quadratic pass over that file takes minutes, which is what these bounds are for.
def _reference_pass() -> float:
    """CPU seconds of a fixed, linear parsing job: the fastest of three runs."""
    from markdown_it import MarkdownIt
    text = "".join(f"## Heading {i}\n\nA paragraph with *emphasis*, `code` and $x_{i}^2$ math.\n\n- item {i}\n- item"
                   " two\n\n" for i in range(1000))
    md, times = MarkdownIt("commonmark"), []
    for _ in range(3):
        start = time.process_time()
        md.parse(text)
        times.append(time.process_time() - start)
    return min(times)


UNIT_S = _reference_pass()
CORPUS_BUDGET_S = 60 * UNIT_S  # the whole corpus, every file included (it takes about 33 units: 40 left a margin a
# busy CI machine's noise crossed once, 1.04 of the budget, where a quadratic pass would take thousands)
FILE_BUDGET_S = 30 * UNIT_S  # any single file (the 5 MB line, the 100,000 lines)
SMALL_FILE_BUDGET_S = 5 * UNIT_S  # any file under 256 KB: these take milliseconds unless something is quadratic
RAW_CONTROLS = ("\x1b", "\x07", "\x9b")  # ESC, BEL, 8-bit CSI: none may reach a terminal raw


# --------------------------------------------------------------------------------------------------------------
# fixtures: the corpus is built once (it holds a 50 MB and a 5 MB file) and scanned once per entry point
# --------------------------------------------------------------------------------------------------------------


class Wiki:
    def __init__(self, base: Path):
        self.base = base
        self.root = base / "wiki"
        self.notes, self.cases = build_bad_wiki(self.root, base / "outside")
        self.config = load_config(self.root)
        self.by_name = {c.name: c for c in self.cases}

    def rel(self, case: BadCase) -> str:
        """The path problems and cards use for this case: relative to the wiki root."""
        return self.config.relative(self.notes / case.relpath)

    def case(self, name: str) -> BadCase:
        return self.by_name[name]


@pytest.fixture(scope="module")
def wiki(tmp_path_factory):
    corpus = Wiki(tmp_path_factory.mktemp("badinput"))
    yield corpus
    shutil.rmtree(corpus.base, ignore_errors=True)  # 55 MB; pytest would keep it with the last three runs


@pytest.fixture(scope="module")
def per_file(wiki):
    """Each note file walked and extracted on its own: {rel: (seconds, FileResult or the exception, bytes)}."""
    files, _ = walk_notes(wiki.config)
    out = {}
    for f in files:
        try:
            size = f.path.stat().st_size
        except OSError:
            size = 0
        start = time.process_time()
        try:
            result = extract_file(wiki.config, f)
        except Exception as exc:  # noqa: BLE001 - what we are looking for
            result = exc
        out[f.rel] = (time.process_time() - start, result, size)
    return out


@pytest.fixture(scope="module")
def collected(wiki):
    """`collect` over the whole corpus: (WikiScan, seconds). A crash fails every test that needs it, briefly
    (a RecursionError's thousand frames would take pytest minutes to print)."""
    start = time.process_time()
    try:
        scan = collect(wiki.config)
    except Exception as exc:  # noqa: BLE001
        pytest.fail(f"collect() raised {type(exc).__name__}: {str(exc)[:300]} "
                    "(see test_extract_file_never_raises for the file)", pytrace=False)
    return scan, time.process_time() - start


@pytest.fixture(scope="module")
def scan(collected):
    return collected[0]


def invoke(*args: str):
    return run_cli(None, *args, now=None, catch_exceptions=True)


def assert_clean_exit(result, codes=(0,)):
    """No exception escaped the command (SystemExit is how click exits) and no traceback was printed."""
    exc = result.exception
    if exc is not None and not isinstance(exc, SystemExit):
        import traceback

        tb = "".join(traceback.format_exception(type(exc), exc, exc.__traceback__))
        pytest.fail(f"command raised {type(exc).__name__}: {exc}\n{tb[-3000:]}", pytrace=False)
    assert "Traceback" not in result.output
    assert result.exit_code in codes, result.output[-2000:]


@pytest.fixture(scope="module")
def cli_check(wiki):
    return invoke("--root", str(wiki.root), "check")


@pytest.fixture(scope="module")
def cli_check_json(wiki):
    return invoke("--root", str(wiki.root), "check", "--json")


@pytest.fixture(scope="module")
def cli_cards(wiki):
    return invoke("--root", str(wiki.root), "cards")


@pytest.fixture(scope="module")
def cli_cards_json(wiki):
    return invoke("--root", str(wiki.root), "cards", "--json")


def problems_for(problems, path: str):
    """Problems naming `path`. A name that is not UTF-8 may be shown escaped (\\xe9, \\udce9) or replaced (\ufffd)."""
    raw = path.encode("utf-8", "surrogateescape")
    shown = {path, raw.decode("utf-8", "replace"), raw.decode("utf-8", "backslashreplace"),
             path.encode("utf-8", "backslashreplace").decode("utf-8")}
    return [p for p in problems if p.path in shown]


def cards_for(cards, path: str):
    return [c for c in cards if c.source.path == path]


def short(items, n=8) -> str:
    items = list(items)
    return "\n".join(map(str, items[:n])) + (f"\n… and {len(items) - n} more" if len(items) > n else "")


# --------------------------------------------------------------------------------------------------------------
# the corpus itself
# --------------------------------------------------------------------------------------------------------------


def test_corpus_is_big_enough(wiki):
    bad = [c for c in wiki.cases if not c.good]
    assert len(bad) >= 40
    assert len({c.name for c in wiki.cases}) == len(wiki.cases), "case names must be unique"
    assert sum(c.good for c in wiki.cases) >= 3
    for case in wiki.cases:
        if case.exists:
            assert os.path.lexists(wiki.notes / case.relpath), case.name
    assert (wiki.notes / "size/huge-50mb.md").stat().st_size >= 50 * 1024 * 1024
    assert len((wiki.notes / "size/lines-100k.md").read_bytes().split(b"\n")) >= 100_000
    assert max(map(len, (wiki.notes / "size/long-line.md").read_bytes().split(b"\n"))) >= 5 * 1024 * 1024 - 100


# --------------------------------------------------------------------------------------------------------------
# the library: extract_file per file, then collect over everything
# --------------------------------------------------------------------------------------------------------------


def test_extract_file_never_raises(per_file):
    crashed = {rel: f"{type(r).__name__}: {str(r)[:150]}" for rel, (_, r, _) in per_file.items()
               if isinstance(r, BaseException)}
    assert not crashed, "extract_file raised instead of reporting a problem:\n" + short(crashed.items(), 20)


def test_every_file_is_extracted_in_bounded_time(per_file):
    slow = sorted(((t, size, rel) for rel, (t, _, size) in per_file.items()
                   if t > (SMALL_FILE_BUDGET_S if size < 256 * 1024 else FILE_BUDGET_S)), reverse=True)
    assert not slow, (f"files over budget ({SMALL_FILE_BUDGET_S:.2f} s under 256 KB, else {FILE_BUDGET_S:.2f} s):\n"
                      + short(f"{t:6.2f} s  {size / 1024:8.0f} KB  {r!r}" for t, size, r in slow))


def test_collect_whole_corpus_without_exception_and_fast(collected, per_file):
    result, elapsed = collected  # (the module's one collect() over the corpus, timed as it ran: a crash fails it)
    slowest = sorted(((t, rel) for rel, (t, _, _) in per_file.items()), reverse=True)[:6]
    assert elapsed < CORPUS_BUDGET_S, (f"collect() over the corpus took {elapsed:.2f} s (budget {CORPUS_BUDGET_S:.2f} s); "
                                       "slowest files:\n" + short(f"{t:6.2f} s  {r!r}" for t, r in slowest))
    assert result.cards


def test_each_bad_file_is_reported(wiki, scan):
    problems = scan.all_problems
    missing, wrong_line = [], []
    for case in wiki.cases:
        if not (case.expect_warning and case.exists):
            continue
        found = problems_for(problems, wiki.rel(case))
        if not found:
            missing.append(f"{case.name}: no problem names {wiki.rel(case)!r} ({case.note})")
        elif case.line is not None and case.line not in [p.line for p in found]:
            wrong_line.append(f"{case.name}: expected line {case.line}, got {[str(p) for p in found]}")
    assert not missing, "bad files the scan did not report:\n" + "\n".join(missing)
    assert not wrong_line, "\n".join(wrong_line)


def test_quiet_cases_raise_no_problem(wiki, scan):
    """Cases that are odd but valid (UTF-16, CRLF, odd names …) and the good notes: no problem at all."""
    problems = scan.all_problems
    noisy = []
    for case in wiki.cases:
        if case.expect_warning or case.may_warn or not case.exists:
            continue
        found = problems_for(problems, wiki.rel(case))
        if found:
            noisy.append(f"{case.name}: {[str(p) for p in found]}")
    assert not noisy, "unexpected problems:\n" + "\n".join(noisy)


def test_good_notes_keep_every_card_intact(wiki, scan):
    for case in [c for c in wiki.cases if c.good]:
        got = [(c.front, c.back) for c in cards_for(scan.cards, wiki.rel(case))]
        assert got == list(case.cards), f"{case.name}: {got}"
    fronts = {c.front: c for c in scan.cards}
    for n in range(1, 7):
        front, back = good_card(n)
        assert front in fronts and fronts[front].back == back
    one = fronts[good_card(1)[0]]
    assert "good" in one.tags and one.source.line == 8


def test_cards_of_bad_files_survive(wiki, scan):
    """The cards a bad file still holds (after a bad line, bad front matter …) come out exactly."""
    failures = []
    for case in wiki.cases:
        if not case.exists or not (case.cards or case.min_cards):
            continue
        got = cards_for(scan.cards, wiki.rel(case))
        pairs = [(c.front, c.back) for c in got]
        lost = [pair for pair in case.cards if pair not in pairs]
        if lost:
            failures.append(f"{case.name}: lost {lost!r:.200} (got {pairs!r:.300})")
        if len(got) < case.min_cards:
            failures.append(f"{case.name}: {len(got)} cards, expected at least {case.min_cards}")
    assert not failures, "\n".join(failures)


def test_forbidden_text_never_becomes_a_card(wiki, scan):
    forbidden = {s: c.name for c in wiki.cases for s in c.forbidden}
    leaks = [f"{forbidden[s]}: {s!r} in card at {c.source}"
             for c in scan.cards for s in forbidden if s in c.front or s in c.back or s in c.text]
    assert not leaks, "\n".join(leaks)


def test_cards_are_well_formed(wiki, scan):
    files = {f.rel for f in walk_notes(wiki.config)[0]}
    bad = []
    for card in scan.cards:
        if card.source.path not in files or card.source.line < 1:
            bad.append(f"bad source {card.source}")
        for side in (card.front, card.back):
            if not side.strip() or any(ch in side for ch in ("\r", "\x00", "\ufeff")):
                bad.append(f"{card.source}: side {side[:60]!r}")
        if any(not isinstance(t, str) or not t or " " in t for t in card.tags):
            bad.append(f"{card.source}: tags {card.tags!r}")
        if not isinstance(card.deck, str) or not card.deck:
            bad.append(f"{card.source}: deck {card.deck!r}")
    assert not bad, short(bad, 20)


def test_large_inputs_are_scanned(wiki, scan):
    rel = wiki.rel(wiki.case("lines_100k"))
    got = cards_for(scan.cards, rel)
    assert len(got) == 100
    last = [c for c in got if c.front == "line question 99010"]
    assert last and last[0].source.line == 99010 + 3 * 99 + 2  # each earlier card took 3 extra lines
    huge = problems_for(scan.all_problems, wiki.rel(wiki.case("huge_50mb")))
    assert huge and not cards_for(scan.cards, wiki.rel(wiki.case("huge_50mb")))


def test_huge_note_and_alias_bomb_are_fast(wiki):
    start = time.process_time()
    note, problems = load_note(wiki.notes / "size/huge-50mb.md", "huge.md")
    assert note is None and problems
    assert time.process_time() - start < 0.5, "a note over the size limit must be refused without reading it"
    text = (wiki.notes / "fm/alias-bomb.md").read_text(encoding="utf-8")
    start = time.process_time()
    meta, body, _, _ = split_front_matter(text, "bomb.md")
    assert time.process_time() - start < 0.5
    assert "after alias bomb" in body
    # PyYAML shares aliased nodes, so the bomb stays small unless something walks it (json.dumps(meta) would
    # hang for minutes): extraction may only look at the top level of tags/title/deck. The corpus scan, timed
    # above, extracts this note with `tags: *i`.


def test_python_tag_runs_nothing(wiki, scan, tmp_path):
    note, problems = load_note(wiki.notes / "fm/python-tag.md", "tag.md")
    assert note is not None and note.meta == {} and problems
    subprocess.run([sys.executable, "-c", "import sys; from pathlib import Path; from mlwiki.sources.notes import load_note; "
                    "load_note(Path(sys.argv[1]), 'x.md')", str(wiki.notes / "fm/python-tag.md")],
                   cwd=tmp_path, check=True, timeout=60)
    for where in (Path.cwd(), tmp_path, wiki.root, wiki.notes):
        assert not (where / "PWNED").exists(), where
    assert not list(wiki.base.rglob("PWNED"))


def test_symlinks_are_contained(wiki, scan):
    keep = wiki.rel(wiki.case("loop_neighbour"))
    assert len(cards_for(scan.cards, keep)) == 1
    assert not [c for c in scan.cards if "/loop/up/" in c.source.path], "the looping link was walked"
    assert not [c for c in scan.cards if "outside" in c.source.path]
    assert OUTSIDE_SECRET not in "".join(c.front + c.back for c in scan.cards)


def test_unreadable_file_is_reported(wiki, scan):
    case = wiki.case("unreadable")
    if not case.expect_warning:
        pytest.skip("chmod 000 does not stop this process from reading (root with CAP_DAC_OVERRIDE)")
    rel = wiki.rel(case)
    assert problems_for(scan.all_problems, rel)
    assert not cards_for(scan.cards, rel)


def test_file_vanishing_during_scan_is_a_warning(tmp_path):
    (tmp_path / "mlwiki.toml").write_text('name = "V"\nnotes = "notes"\n', encoding="utf-8")
    (tmp_path / "notes").mkdir()
    (tmp_path / "notes/gone.md").write_text("Q: soon gone\nA: yes\n", encoding="utf-8")
    (tmp_path / "notes/stays.md").write_text("Q: stays\nA: yes\n", encoding="utf-8")
    config = load_config(tmp_path)
    files, problems = walk_notes(config)
    assert [f.rel for f in files] == ["notes/gone.md", "notes/stays.md"] and not problems
    (tmp_path / "notes/gone.md").unlink()
    result = extract_file(config, files[0])
    assert result.skipped and not result.cards
    assert [p.path for p in result.problems] == ["notes/gone.md"]
    assert extract_file(config, files[1]).cards[0].front == "stays"


# --------------------------------------------------------------------------------------------------------------
# the incremental scan into SQLite
# --------------------------------------------------------------------------------------------------------------


def test_scan_into_store_completes_and_is_consistent(wiki, scan):
    shutil.rmtree(wiki.config.data_dir, ignore_errors=True)
    start = time.process_time()
    store, report = open_synced(wiki.config, NOW)
    cold = time.process_time() - start
    with store:
        assert store.query("PRAGMA integrity_check")[0][0] == "ok"
        assert not store.query("PRAGMA foreign_key_check")
        stored = {r["id"] for r in store.query("SELECT id FROM cards WHERE retired = 0")}
        assert stored == {c.id for c in scan.cards}
        stored_paths = {r["path"] for r in store.query("SELECT path FROM problems")} | {p.path for p in report.problems}
    kept = [SimpleNamespace(path=p) for p in stored_paths]
    for case in wiki.cases:
        if case.expect_warning and case.exists:
            assert problems_for(kept, wiki.rel(case)), f"{case.name}: problem not kept by the scan"
    assert cold < 2 * CORPUS_BUDGET_S, f"cold scan of the corpus took {cold:.2f} s"
    start = time.process_time()
    store, again = open_synced(wiki.config, NOW)
    store.close()
    assert again.files_changed == 0 and again.files_removed == 0 and again.cards_added == 0
    assert time.process_time() - start < 1.0


# --------------------------------------------------------------------------------------------------------------
# the command line
# --------------------------------------------------------------------------------------------------------------


def test_cli_check_reports_and_exits_1(wiki, cli_check):
    assert_clean_exit(cli_check, codes=(1,))  # the corpus holds errors, e.g. Q: without A:
    out = cli_check.stdout
    for ch in RAW_CONTROLS:
        assert ch not in cli_check.output, f"raw {ch!r} printed by check"
    assert f"{wiki.rel(wiki.case('q_without_a'))}:3: error:" in out
    assert "errors" in cli_check.stderr


def test_cli_check_json_names_each_bad_file(wiki, cli_check_json):
    assert_clean_exit(cli_check_json, codes=(1,))
    problems = json.loads(cli_check_json.stdout)["problems"]
    missing = [c.name for c in wiki.cases if c.expect_warning and c.exists
               and not problems_for([SimpleNamespace(**p) for p in problems], wiki.rel(c))]
    assert not missing


def test_cli_cards_text_output_is_inert(wiki, cli_cards, scan):
    assert_clean_exit(cli_cards)
    for ch in RAW_CONTROLS:
        assert ch not in cli_cards.output, f"raw {ch!r} printed by `cards`"
    assert OUTSIDE_SECRET not in cli_cards.output
    assert f"{len({c.id for c in scan.cards})} cards" in cli_cards.stderr
    assert "good question 1" in cli_cards.stdout


def test_cli_cards_text_is_one_line_per_card(cli_cards):
    """Scripts count and parse `cards` lines; a note's file name must not break a line (here: a newline in it)."""
    assert_clean_exit(cli_cards)
    count = int(cli_cards.stderr.strip().split()[0])
    lines = cli_cards.stdout.splitlines()
    odd = [ln for ln in lines if not re.match(r"[\w-]+  (basic|reverse|cloze|formula|definition) ", ln)]
    assert len(lines) == count and not odd, f"{len(lines)} lines for {count} cards; not card lines: {odd[:5]}"


def test_cli_cards_json_keeps_data_and_escapes_controls(wiki, cli_cards_json):
    assert_clean_exit(cli_cards_json)
    assert "\x1b" not in cli_cards_json.stdout and "\x07" not in cli_cards_json.stdout
    rows = json.loads(cli_cards_json.stdout)
    fronts = {r["front"]: r for r in rows}
    for n in range(1, 7):
        front, back = good_card(n)
        assert fronts[front]["back"] == back
    ansi = wiki.case("ansi_osc").cards[0]
    assert fronts[ansi[0]]["back"] == ansi[1], "escape sequences are data: JSON keeps them (escaped)"
    assert all(OUTSIDE_SECRET not in r["front"] + r["back"] for r in rows)


def test_cards_in_a_real_process_prints_no_traceback(wiki):
    proc = subprocess.run([sys.executable, "-m", "mlwiki", "--root", str(wiki.root), "cards"],
                          capture_output=True, timeout=300, cwd=wiki.base)
    stderr = proc.stderr.decode("utf-8", "replace")
    assert "Traceback" not in stderr, stderr[-3000:]
    assert proc.returncode == 0, stderr[-2000:]
    assert b"\x1b" not in proc.stdout and b"\x1b" not in proc.stderr
    assert b"good question 1" in proc.stdout
    assert not (wiki.base / "PWNED").exists()


def test_file_name_not_utf8_does_not_crash(tmp_path):
    """Old archives and Samba shares hold Latin-1 names; Python surrogate-escapes them ('\\udce9'), and such a
    str cannot be stored in SQLite or printed to a UTF-8 stdout. The scan must skip or rename, never crash."""
    root = _tiny_wiki(tmp_path, "Q: neighbour question\nA: neighbour answer\n")
    case = write_non_utf8_name(root / "notes")
    if case is None:
        pytest.skip("this filesystem refuses non-UTF-8 file names")
    config = load_config(root)
    scan = collect(config)  # extraction alone copes today
    assert "neighbour question" in [c.front for c in scan.cards]
    store, report = open_synced(config, NOW)  # the store must accept (or skip) the name
    with store:
        assert store.query("PRAGMA integrity_check")[0][0] == "ok"
        fronts = [r["front"] for r in store.query("SELECT front FROM cards")]
    assert "neighbour question" in fronts
    for args in (["cards"], ["cards", "--json"], ["check"], ["check", "--json"]):
        assert_clean_exit(invoke("--root", str(root), *args), codes=(0, 1))
    proc = subprocess.run([sys.executable, "-m", "mlwiki", "--root", str(root), "cards"], capture_output=True,
                          timeout=120)
    assert b"Traceback" not in proc.stderr, proc.stderr.decode("utf-8", "replace")[-2000:]
    assert proc.returncode == 0


# --------------------------------------------------------------------------------------------------------------
# `check` exit status on small wikis
# --------------------------------------------------------------------------------------------------------------


def _tiny_wiki(root: Path, text: str) -> Path:
    (root / "notes").mkdir(parents=True)
    (root / "mlwiki.toml").write_text('name = "T"\nnotes = "notes"\n', encoding="utf-8")
    (root / "notes/n.md").write_text(text, encoding="utf-8")
    return root


def test_check_exits_1_on_error(tmp_path):
    root = _tiny_wiki(tmp_path, "# T\n\nQ: a question without an answer\n")
    result = invoke("--root", str(root), "check")
    assert_clean_exit(result, codes=(1,))
    assert "notes/n.md:3: error:" in result.stdout


def test_check_exits_0_on_clean_wiki(tmp_path):
    root = _tiny_wiki(tmp_path, "# T\n\nQ: a question\nA: an answer\n")
    result = invoke("--root", str(root), "check")
    assert_clean_exit(result, codes=(0,))
    assert result.stdout == ""


def test_check_exits_0_on_warnings_only(tmp_path):
    root = _tiny_wiki(tmp_path, "# T\n\nQ: q\nA: a\n")
    (root / "notes/n.md").write_bytes(b"# T\n\nbad \xff byte\n\nQ: q\nA: a\n")
    result = invoke("--root", str(root), "check")
    assert_clean_exit(result, codes=(0,))
    assert "notes/n.md:3: warning:" in result.stdout


def test_a_note_that_trips_a_bug_of_ours_is_reported_and_the_others_are_scanned(tmp_path, monkeypatch):
    """An exception inside card extraction (a bug one odd note sets off) is that note's problem, in one line: the
    scan goes on with the other notes, and no traceback reaches the user."""
    import mlwiki.extract as extract
    from conftest import new_wiki, run

    real = extract.walked

    def walked(body, ctx):
        if "TRIPWIRE" in body:
            raise RuntimeError("an unexpected shape")
        return real(body, ctx)

    monkeypatch.setattr(extract, "walked", walked)
    monkeypatch.setenv("MLWIKI_WORKERS", "1")
    root = new_wiki(tmp_path, {"a.md": "Q: What is one?\nA: The first number.\n",
                               "b.md": "TRIPWIRE\n\nQ: What is two?\nA: The second number.\n"})
    checked = run(root, "check")
    assert checked.exception is None or isinstance(checked.exception, SystemExit), checked.exception
    line = next(ln for ln in checked.output.splitlines() if "b.md" in ln)
    assert "could not make this note's cards (RuntimeError: an unexpected shape)" in line
    assert "Traceback" not in checked.output
    fronts = {c["front"] for c in json.loads(run(root, "cards", "--json", ok=True).output)}
    assert fronts == {"What is one?"}
