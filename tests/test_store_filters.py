"""One card filter: `--deck`, `--tag` and `--path` select the same cards in `cards`, `due`, `review`, `export`,
`stats` and `orphans` (the bug this guards: `stats --deck ml` counted `ML` and `ML::sub`, `review --deck ml` showed
only `ML::sub`, `export --deck ml` wrote only its note)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import run as run_cli
from mlwiki.cli import cli

NOW = "2026-03-02T09:00:00+00:00"
NOTES = {
    "notes/ml/a.md": "---\ndeck: ML\ntags: [math]\n---\nQ: What is a logit?\nA: Log-odds.\n",
    "notes/ml/sub/b.md": "---\ndeck: ML::sub\ntags: [math::linear]\n---\nQ: What is a rank?\nA: Dimension of the span.\n",
    "notes/ml/sub/c.md": "---\ndeck: ML::sub\n---\nQ: What is a kernel?\nA: An inner product in feature space.\n",
    "notes/mlops/d.md": "---\ndeck: MLOps\ntags: [mathematics]\n---\nQ: What is a canary release?\nA: A partial rollout.\n",
    "notes/other/e.md": "---\ndeck: Other\n---\nQ: What is entropy?\nA: Expected surprise.\n",
}
FILTERS = [
    ["--deck", "ml"],                      # ML and ML::sub, any case; never MLOps
    ["--deck", "ML::SUB"],
    ["--tag", "math"],                     # math and math::linear; never mathematics
    ["--path", "notes/ml/sub"],            # a folder, from the wiki root
    ["--path", "notes/ml/a.md", "--path", "notes/other"],
    ["--deck", "ml", "--tag", "math"],
]
EXPECTED = {  # by note file, so the expectation does not come from the code under test
    0: {"a", "b", "c"}, 1: {"b", "c"}, 2: {"a", "b"}, 3: {"b", "c"}, 4: {"a", "e"}, 5: {"a", "b"},
}


def run(root: Path, *args: str, input: str | None = None):
    return run_cli(root, *args, now=NOW, input=input, ok=True)


def card_ids(root: Path, *filters: str, retired: bool = False) -> dict[str, str]:
    """{card id: note file stem} of the cards `cards` lists."""
    rows = json.loads(run(root, "cards", *filters, "--json", *(["--all"] if retired else [])).stdout)
    return {r["id"]: Path(r["source"]["path"]).stem for r in rows}


@pytest.fixture
def wiki(tmp_path: Path) -> Path:
    root = tmp_path / "wiki"
    for rel, text in NOTES.items():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(text, encoding="utf-8")
    (root / "mlwiki.toml").write_text('name = "T"\n[review]\ntimezone = "UTC"\nnew_per_day = 100\n', encoding="utf-8")
    return root


@pytest.mark.parametrize("number", range(len(FILTERS)))
def test_cards_due_stats_and_review_select_the_same_cards(wiki, number):
    filters = FILTERS[number]
    selected = card_ids(wiki, *filters)
    assert set(selected.values()) == EXPECTED[number]
    due = json.loads(run(wiki, "due", *filters, "--json").stdout)
    assert due["new"] == len(selected) and due["matched"] == len(selected)
    stats = json.loads(run(wiki, "stats", *filters, "--json").stdout)
    assert stats["total_cards"] == len(selected)
    assert {d["name"] for d in stats["decks"]} == {d["deck"] for d in due["decks"]}
    answers = "\n3\n" * len(selected) + "q\n"
    out = run(wiki, "review", *filters, "--plain", input=answers).stdout
    reviewed = {line.split()[1].rstrip(":") for line in out.splitlines() if line.startswith("recorded ")}
    assert reviewed == set(selected)


@pytest.mark.slow
@pytest.mark.parametrize("number", range(len(FILTERS)))
def test_export_writes_the_notes_of_the_same_cards(wiki, number, tmp_path):
    from anki.collection import Collection
    from anki.import_export_pb2 import ImportAnkiPackageOptions, ImportAnkiPackageRequest

    filters = FILTERS[number]
    rows = json.loads(run(wiki, "cards", *filters, "--json").stdout)
    out = tmp_path / "decks"
    run(wiki, "export", *filters, "-o", str(out))
    col = Collection(str(tmp_path / "collection.anki2"))
    try:
        for package in sorted(out.glob("*.apkg")):
            col.import_anki_package(ImportAnkiPackageRequest(package_path=str(package), options=ImportAnkiPackageOptions(
                merge_notetypes=True, with_scheduling=False)))
        exported = {col.get_note(nid)["Id"] for nid in col.find_notes("")}
    finally:
        col.close()
    assert exported == {r["note_id"] for r in rows}


@pytest.mark.parametrize("number", range(len(FILTERS)))
def test_orphans_select_the_same_cards_once_deleted(wiki, number):
    filters = FILTERS[number]
    selected = card_ids(wiki, *filters)
    for rel in NOTES:
        (wiki / rel).unlink()
    orphans = json.loads(run(wiki, "orphans", *filters, "--json").stdout)
    assert {o["id"] for o in orphans} == set(selected)
    assert set(card_ids(wiki, *filters, retired=True)) == set(selected)


def test_a_filter_that_matches_nothing_says_so_and_exits_0(wiki):
    for command in (["cards"], ["due"], ["review", "--plain"], ["export", "-o", str(wiki / "out")], ["stats"],
                    ["orphans"]):
        result = run(wiki, *command, "--deck", "Nope")
        assert "No cards match --deck Nope." in result.stderr, command
    assert not (wiki / "out").exists()


def test_path_is_relative_to_the_current_folder_first(wiki, monkeypatch):
    monkeypatch.chdir(wiki / "notes" / "ml")
    assert set(card_ids(wiki, "--path", "sub").values()) == {"b", "c"}  # ./sub from here
    assert set(card_ids(wiki, "--path", "notes/other").values()) == {"e"}  # not here: from the wiki root


def test_a_path_in_neither_place_matches_nothing(wiki):
    assert "No cards match --path nowhere." in run(wiki, "cards", "--path", "nowhere").stderr


def test_a_path_outside_the_wiki_is_an_error(wiki, tmp_path):
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    shutil.copy(wiki / "notes/other/e.md", outside / "e.md")
    result = CliRunner().invoke(cli, ["--root", str(wiki), "cards", "--path", str(outside)])
    assert result.exit_code != 0 and "outside the wiki" in result.output
