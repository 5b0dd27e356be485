"""mlwiki on real notes written by someone else (../shared/corpora), as a user would run it (issues 3, 9).

Skipped when the corpora folder is not beside the project (it is not part of the repository).
"""

from __future__ import annotations

import json
import shutil
from collections import Counter
from pathlib import Path

import pytest

from conftest import run as run_cli

CORPORA = Path(__file__).resolve().parents[1].parent / "shared" / "corpora"
OBSIDIAN = CORPORA / "obsidian-ml-notes"

pytestmark = pytest.mark.skipif(not OBSIDIAN.is_dir(), reason="shared/corpora is not available here")


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    """A private copy: mlwiki must never write into the notes, and the test must not touch the original."""
    root = tmp_path_factory.mktemp("corpus") / "notes"
    shutil.copytree(OBSIDIAN, root)
    return root


def run(root: Path, *args: str, **kwargs):
    return run_cli(root, *args, **{"catch_exceptions": True, **kwargs})


def test_cards_on_real_notes(corpus):
    result = run(corpus, "cards", "--json")
    assert result.exit_code == 0, result.output
    cards = json.loads(result.stdout)
    kinds = Counter(card["kind"] for card in cards)
    assert kinds["formula"] >= 50, kinds  # the notes hold many display formulas and no card syntax
    assert all(card["back"].startswith("$$") for card in cards if card["kind"] == "formula")
    assert all(card["front"].strip() for card in cards)
    assert {card["source"]["path"].split("/")[0] for card in cards} <= {"Literature", "Permanent", "References",
                                                                         "index.md"}


def test_check_reports_real_problems_with_path_and_line(corpus):
    result = run(corpus, "check")
    assert "Traceback" not in result.output
    lines = [line for line in result.stdout.splitlines() if line.strip()]
    assert all(": error: " in line or ": warning: " in line for line in lines)
    assert all(line.split(":")[1].isdigit() for line in lines)  # path:line: …
    assert len(lines) < 20, "a handful of genuine problems, not noise"


def test_scan_export_review_on_real_notes(corpus, tmp_path):
    originals = {p: p.read_bytes() for p in corpus.rglob("*.md")}
    assert run(corpus, "scan").exit_code == 0
    result = run(corpus, "export", "-o", str(tmp_path / "decks"))
    assert result.exit_code == 0, result.output
    assert list((tmp_path / "decks").glob("*.apkg"))
    result = run(corpus, "review", "--plain", input="\n3\n\n1\n\n4\nq\n")
    assert result.exit_code == 0 and result.output.count("recorded ") == 3
    assert {p: p.read_bytes() for p in corpus.rglob("*.md")} == originals, "notes must never be modified"
