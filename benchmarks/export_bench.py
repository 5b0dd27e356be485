"""Benchmark: `mlwiki export` of 10,000 cards against ankdown (a genanki-based peer) on equivalent input.

    python benchmarks/export_bench.py [--cards 10000] [--repeat 3] [--install-ankdown] [--keep DIR]

What it does, in one run:

1. writes a synthetic wiki (notes of Q/A cards with inline math and display formulas, 20 cards a note) and
   scans it into a fresh mlwiki database (timed, but not part of the comparison);
2. times `export_decks` (Markdown → sanitized HTML, images, note types, genanki, the .apkg write);
3. writes the same cards in ankdown's format (`front % back % tags ---`, math as \\(…\\) and \\[…\\], because
   ankdown's `--config "{dollar: True}"` crashes with PyYAML ≥ 6) and times `ankdown -r DIR -p OUT.apkg` as a
   subprocess; its bare start-up (interpreter + imports) is measured too and reported separately;
4. times plain genanki writing the same notes with minimal processing (html.escape of the raw text), the floor
   any genanki-based exporter stands on.

ankdown is looked for in $ANKDOWN (path to its executable), on PATH, then in a private virtualenv under
~/.cache/mlwiki-bench/ankdown-venv; `--install-ankdown` creates that virtualenv with pip. It is never installed
into mlwiki's own environment (it pins old libraries: misaka, houdini.py, docopt). When it cannot be found or
run, the output says exactly why and the comparison falls back to the plain-genanki baseline.
"""

from __future__ import annotations

import argparse
import html
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
import zipfile
from datetime import datetime, timedelta, timezone
from pathlib import Path

CARDS_PER_NOTE = 20
QA_PER_NOTE = 14  # the other 6 are display formulas
TOPICS = ["optimization", "probability", "deep-learning", "classical-ml", "information-theory"]
NOW = datetime(2026, 3, 2, 12, 0, tzinfo=timezone.utc)
ANKDOWN_VENV = Path.home() / ".cache" / "mlwiki-bench" / "ankdown-venv"


# --- the synthetic wiki ------------------------------------------------------------------------------------


def card_specs(n_cards: int) -> list[list[tuple[str, str, str]]]:
    """Notes as lists of (kind, front, back) in Markdown with $…$ math; kind 'qa' or 'formula'."""
    notes = []
    n_notes = (n_cards + CARDS_PER_NOTE - 1) // CARDS_PER_NOTE
    made = 0
    for n in range(n_notes):
        cards = []
        for k in range(CARDS_PER_NOTE):
            if made == n_cards:
                break
            i = n * CARDS_PER_NOTE + k
            if k < QA_PER_NOTE:
                front = (f"Why does method {i} rescale the gradient $g_{{{i}}}$ by "
                         f"$\\frac{{1}}{{\\sqrt{{v_{{{i}}} + \\epsilon}}}}$ in step {k}?")
                back = (f"To keep the effective step size of parameter **{i}** near $\\alpha_{{{i}}}$, "
                        f"so that rare features still learn (see `opt_{i}`).")
                cards.append(("qa", front, back))
            else:
                intro = f"The update rule number {i} of the family is:"
                formula = (f"\\theta^{{({i})}}_{{t+1}} = \\theta^{{({i})}}_t - \\eta_{{{k}}} "
                           f"\\frac{{\\hat m_t}}{{\\sqrt{{\\hat v_t}} + \\epsilon_{{{i}}}}}")
                cards.append(("formula", intro, formula))
            made += 1
        notes.append(cards)
    return notes


def write_wiki(root: Path, notes) -> None:
    (root / "notes").mkdir(parents=True)
    (root / "mlwiki.toml").write_text('name = "Bench"\n[review]\ntimezone = "UTC"\n', encoding="utf-8")
    for n, cards in enumerate(notes):
        topic = TOPICS[n % len(TOPICS)]
        lines = ["---", f"title: Note {n}", f"tags: [bench, topic {n % 7}]", "---", "", f"# Note {n}", ""]
        for k, (kind, front, back) in enumerate(cards):
            if kind == "qa":
                lines += [f"Q: {front}", f"A: {back}", ""]
            else:
                lines += [f"## Formula {k}", "", front, "", f"$${back}$$", ""]
        path = root / "notes" / topic / f"note-{n:04d}.md"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("\n".join(lines), encoding="utf-8")


def dollars_to_brackets(text: str) -> str:
    """$…$ → \\(…\\) for ankdown without its (broken) dollar option."""
    out, inside = [], False
    for piece in text.split("$"):
        out.append(piece)
        out.append("\\)" if inside else "\\(")
        inside = not inside
    return "".join(out[:-1])


def write_ankdown_input(root: Path, notes) -> None:
    for n, cards in enumerate(notes):
        topic = TOPICS[n % len(TOPICS)]
        blocks = []
        for kind, front, back in cards:
            if kind == "qa":
                blocks.append(f"{dollars_to_brackets(front)}\n\n%\n\n{dollars_to_brackets(back)}\n\n%\n\n"
                              f"bench, topic_{n % 7}\n")
            else:
                blocks.append(f"Note {n}\n\n{front}\n\n%\n\n\\[{back}\\]\n\n%\n\nbench, topic_{n % 7}\n")
        path = root / topic / f"note-{n:04d}.md"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("\n---\n\n".join(blocks), encoding="utf-8")


# --- runners -----------------------------------------------------------------------------------------------


def best_of(repeat: int, run) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return min(times)


def apkg_counts(path: Path) -> tuple[int, int]:
    with tempfile.TemporaryDirectory() as tmp:
        with zipfile.ZipFile(path) as archive:
            archive.extract("collection.anki2", tmp)
        conn = sqlite3.connect(Path(tmp) / "collection.anki2")
        counts = conn.execute("SELECT (SELECT count(*) FROM notes), (SELECT count(*) FROM cards)").fetchone()
        conn.close()
    return counts


def find_ankdown(install: bool) -> tuple[list[str] | None, list[str] | None, str]:
    """(command, python of its environment, why not) for the ankdown executable."""
    candidates = []
    if os.environ.get("ANKDOWN"):
        candidates.append(Path(os.environ["ANKDOWN"]))
    on_path = shutil.which("ankdown")
    if on_path:
        candidates.append(Path(on_path))
    candidates.append(ANKDOWN_VENV / "bin" / "ankdown")
    for exe in candidates:
        if exe.is_file():
            python = exe.parent / "python"
            return [str(exe)], [str(python)] if python.exists() else None, ""
    if not install:
        return None, None, ("ankdown is not installed (not in $ANKDOWN, on PATH, or in "
                            f"{ANKDOWN_VENV}); run with --install-ankdown to create that virtualenv")
    try:
        subprocess.run([sys.executable, "-m", "venv", str(ANKDOWN_VENV)], check=True, capture_output=True)
        pip = subprocess.run([str(ANKDOWN_VENV / "bin" / "pip"), "install", "--quiet", "ankdown"],
                             capture_output=True, text=True)
    except (OSError, subprocess.CalledProcessError) as exc:
        return None, None, f"cannot create a virtualenv for ankdown: {exc}"
    if pip.returncode != 0:
        return None, None, "pip install ankdown failed:\n" + (pip.stderr or pip.stdout).strip()[-2000:]
    return [str(ANKDOWN_VENV / "bin" / "ankdown")], [str(ANKDOWN_VENV / "bin" / "python")], ""


def plain_genanki(notes, out: Path) -> None:
    import genanki

    model = genanki.Model(1234567891, "bench plain", fields=[{"name": "Front"}, {"name": "Back"}],
                          templates=[{"name": "Card 1", "qfmt": "{{Front}}", "afmt": "{{FrontSide}}<hr>{{Back}}"}])
    decks = {}
    for n, cards in enumerate(notes):
        topic = TOPICS[n % len(TOPICS)]
        deck = decks.setdefault(topic, genanki.Deck(2000000000 + len(decks), f"Bench::{topic}"))
        for k, (_, front, back) in enumerate(cards):
            deck.add_note(genanki.Note(model=model, fields=[html.escape(front), html.escape(back)],
                                       guid=genanki.guid_for(n, k), tags=["bench"]))
    genanki.Package(list(decks.values())).write_to_file(str(out), timestamp=NOW.timestamp())


# --- main --------------------------------------------------------------------------------------------------


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cards", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=3, help="best of N runs for each exporter")
    parser.add_argument("--install-ankdown", action="store_true",
                        help=f"pip install ankdown into {ANKDOWN_VENV} if it is not found")
    parser.add_argument("--keep", type=Path, help="work in this folder and keep it (default: a temp folder)")
    args = parser.parse_args()

    from mlwiki.config import load_config
    from mlwiki.export.package import export_decks
    from mlwiki.scan.sync import open_synced

    work = args.keep or Path(tempfile.mkdtemp(prefix="mlwiki-export-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    try:
        notes = card_specs(args.cards)
        wiki = work / "wiki"
        write_wiki(wiki, notes)
        config = load_config(wiki)
        start = time.perf_counter()
        store, _ = open_synced(config, NOW, progress=False)
        scan_s = time.perf_counter() - start
        n_cards = store.query("SELECT count(*) FROM cards WHERE retired = 0")[0][0]
        print(f"synthetic wiki: {len(notes)} notes, {n_cards} cards "
              f"({sum(k == 'formula' for c in notes for k, _, _ in c)} formula); scan {scan_s:.2f} s")

        stamp = [NOW]

        def run_mlwiki() -> None:
            stamp[0] += timedelta(seconds=1)
            run_mlwiki.report = export_decks(store, config, stamp[0], out_dir=work / "mlwiki-out")

        mlwiki_s = best_of(args.repeat, run_mlwiki)
        report = run_mlwiki.report
        print(f"mlwiki export:   {mlwiki_s:7.2f} s  ({report.notes} notes, {report.cards} cards in "
              f"{len(report.files)} file(s), {len(report.warnings)} warnings)")
        store.close()

        plain_out = work / "plain.apkg"
        plain_s = best_of(args.repeat, lambda: plain_genanki(notes, plain_out))
        print(f"plain genanki:   {plain_s:7.2f} s  ({apkg_counts(plain_out)[0]} notes; html.escape only)")

        ankdown_dir = work / "ankdown-cards"
        write_ankdown_input(ankdown_dir, notes)
        command, python, why = find_ankdown(args.install_ankdown)
        ankdown_s = None
        if command is None:
            print(f"ankdown:         not run — {why}")
        else:
            out = work / "ankdown.apkg"
            failure = []

            def run_ankdown() -> None:
                done = subprocess.run(command + ["-r", str(ankdown_dir), "-p", str(out)], capture_output=True,
                                      text=True)
                if done.returncode != 0:
                    failure.append(done.stderr.strip()[-2000:] or f"exit status {done.returncode}")

            ankdown_s = best_of(args.repeat, run_ankdown)
            if failure:
                print(f"ankdown:         not run — it failed on Python {sys.version.split()[0]}:\n{failure[0]}")
                ankdown_s = None
            else:
                startup = None
                if python:
                    startup = best_of(args.repeat, lambda: subprocess.run(
                        python + ["-c", "import ankdown.ankdown"], check=True, capture_output=True))
                notes_n, cards_n = apkg_counts(out)
                extra = f", of which start-up {startup:.2f} s" if startup is not None else ""
                print(f"ankdown 0.7.1:   {ankdown_s:7.2f} s  ({notes_n} notes, {cards_n} cards; subprocess wall "
                      f"time{extra})")
                if startup is not None:
                    ankdown_s = max(ankdown_s - startup, 1e-9)
        print()
        if ankdown_s is not None:
            print(f"mlwiki / ankdown (start-up excluded): {mlwiki_s / ankdown_s:.2f}x the time")
        else:
            print("ankdown unavailable: comparing with the plain-genanki baseline only")
        print(f"mlwiki / plain genanki:               {mlwiki_s / plain_s:.2f}x the time")
        print(f"mlwiki per card:                      {mlwiki_s / max(report.cards, 1) * 1e6:.0f} µs")
    finally:
        if args.keep is None:
            shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
