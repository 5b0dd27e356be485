"""The config and the wiki root speak up (issue 19, points 4 and 5): unknown keys warn with a "did you mean" on
every command, bad values and a missing notes folder stop every command with exit 1 naming the key, commands
outside a wiki say so, and nested wikis and virtual environments are not part of a wiki."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import write, run as run_cli
from mlwiki.cli import cli
from mlwiki.config import REVIEW_KEYS, TOP_KEYS, config_from_dict, find_root, unknown_key_warnings

# Every command that reads the wiki, with arguments that make it run without a terminal.
COMMANDS = [["cards"], ["check"], ["scan"], ["due"], ["stats", "--json"], ["review", "--plain"], ["orphans"],
            ["export", "--json"], ["unsuspend", "0123456789abcdef"], ["log", "export", "out.jsonl"],
            ["backup", "--list"]]
CARD = "Q: Why scale attention logits?\nA: To keep the softmax from saturating.\n"


def run(root: Path, args: list[str], **kwargs):
    return run_cli(root, *args, catch_exceptions=True, **kwargs)


def config(wiki: Path, text: str) -> None:
    (wiki / "mlwiki.toml").write_text(text, encoding="utf-8")


@pytest.mark.parametrize("args", COMMANDS, ids=lambda a: a[0])
def test_unknown_keys_warn_on_every_command(wiki: Path, args):
    write(wiki, "notes/a.md", CARD)
    config(wiki, 'name = "T"\nnew_per_day = 5\n[review]\ntimezone = "UTC"\nlearnig_steps = ["1m"]\n')
    result = run(wiki, args, input="")
    assert "Warning: mlwiki.toml: unknown key new_per_day; did you mean [review] new_per_day?" in result.stderr
    assert "unknown key [review] learnig_steps; did you mean [review] learning_steps?" in result.stderr
    assert "Traceback" not in result.output


def test_did_you_mean_covers_typos_tables_and_keys_in_the_wrong_table():
    raw = {"nme": "x", "reveiw": {"new_per_day": 1}, "review": {"notes": "n", "fuzzz": True},
           "deck_name": {"a": "b"}, "zzzzzz": 1}
    assert unknown_key_warnings(raw) == [
        "mlwiki.toml: unknown key nme; did you mean name?",
        "mlwiki.toml: unknown key [reveiw]; did you mean [review]?",
        "mlwiki.toml: unknown key [review] notes; did you mean notes at the top of the file, before any [table]?",
        "mlwiki.toml: unknown key [review] fuzzz; did you mean [review] fuzz?",
        "mlwiki.toml: unknown key [deck_name]; did you mean [deck_names]?",
        "mlwiki.toml: unknown key zzzzzz",
    ]


def test_a_config_of_known_keys_has_no_warnings(tmp_path: Path):
    """The commented config `init` writes uses only known keys (so the tables and the template agree)."""
    assert CliRunner().invoke(cli, ["init", str(tmp_path)]).exit_code == 0
    result = run(tmp_path, ["due"])
    assert result.exit_code == 0 and "Warning" not in result.stderr


@pytest.mark.parametrize("text, message", [
    ('[review]\nlearning_steps = ["1m", "1x"]\n', "[review] learning_steps: bad duration '1x'"),
    ('[review]\nrelearning_steps = ["-5m"]\n', "[review] relearning_steps: bad duration '-5m'"),
    ('[review]\ntimezone = "Mars/Olympus"\n', "[review] timezone: unknown time zone 'Mars/Olympus'"),
    ('[review]\ndesired_retention = 1.5\n', "[review] desired_retention: must be a number from 0.7 to 0.99"),
    ('[review]\nnew_per_day = "20"\n', "[review] new_per_day: must be a whole number"),
    ('[review]\nday_starts_at = 24\n', "[review] day_starts_at: must be a whole number from 0 to 23"),
    ('[review]\nfuzz = "no"\n', "[review] fuzz: must be true or false"),
    ('definitions = "yes"\n', "definitions: must be true or false"),
    ('formulas = "all"\n', "formulas: must be one of none, display, inline"),
    ('exclude = [1]\n', "exclude: must be a list of strings"),
    ('review = 3\n', "review: must be a table"),
    ('notes = "nowhere"\n', "notes: folder 'nowhere' does not exist"),
])
@pytest.mark.parametrize("args", [["due"], ["cards"], ["review", "--plain"], ["stats"]], ids=lambda a: a[0])
def test_every_config_error_exits_1_and_names_its_key(wiki: Path, text: str, message: str, args):
    write(wiki, "notes/a.md", CARD)
    config(wiki, text)
    result = run(wiki, args, input="")
    assert result.exit_code == 1, result.output
    assert result.stderr.startswith("Error: mlwiki.toml: " + message), result.stderr
    assert len(result.stderr.splitlines()) == 1 and "Traceback" not in result.output


def test_keys_are_table_driven():
    """A key is one line in a table: every key of the tables is read into the Config under its own name."""
    cfg = config_from_dict(Path("/w"), {"definitions": True, "review": {"leech_threshold": 3, "fuzz": False}})
    assert (cfg.definitions, cfg.review.leech_threshold, cfg.review.fuzz) == (True, 3, False)
    assert {"name", "notes", "exclude", "deck_names"} <= set(TOP_KEYS)
    assert {"desired_retention", "learning_steps", "timezone"} <= set(REVIEW_KEYS)


# --- the wiki root ----------------------------------------------------------------------------------------


@pytest.mark.parametrize("args", COMMANDS, ids=lambda a: a[0])
def test_outside_a_wiki_commands_refuse_to_index_the_folder(tmp_path: Path, monkeypatch, args):
    if find_root(tmp_path):
        pytest.skip(f"the temporary folder lies inside a wiki ({find_root(tmp_path)})")
    write(tmp_path, "plain/a.md", CARD)
    monkeypatch.chdir(tmp_path / "plain")
    monkeypatch.delenv("MLWIKI_ROOT", raising=False)
    result = CliRunner().invoke(cli, args, input="")
    assert result.exit_code == 1
    assert result.stderr == "Error: no wiki here: run `mlwiki init`, or pass --root\n"
    assert not (tmp_path / "plain" / ".mlwiki").exists(), "nothing was created"


def test_root_option_on_a_plain_folder_and_init_anywhere_still_work(tmp_path: Path, monkeypatch):
    write(tmp_path, "plain/a.md", CARD)
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(cli, ["--root", "plain", "cards", "--json"])
    assert result.exit_code == 0 and [c["front"] for c in json.loads(result.stdout)] == ["Why scale attention logits?"]
    monkeypatch.chdir(tmp_path / "plain")
    result = CliRunner().invoke(cli, ["cards"], env={"MLWIKI_ROOT": str(tmp_path / "plain")})
    assert result.exit_code == 0, result.output
    (tmp_path / "fresh").mkdir()
    monkeypatch.chdir(tmp_path / "fresh")
    assert CliRunner().invoke(cli, ["init"]).exit_code == 0
    assert CliRunner().invoke(cli, ["due"]).exit_code == 0, "the folder init wrote into is a wiki"


def test_a_subfolder_of_a_wiki_finds_its_root(wiki: Path, monkeypatch):
    write(wiki, "notes/deep/a.md", CARD)
    monkeypatch.chdir(wiki / "notes" / "deep")
    monkeypatch.delenv("MLWIKI_ROOT", raising=False)
    result = CliRunner().invoke(cli, ["cards", "--json"])
    assert result.exit_code == 0 and [c["source"]["path"] for c in json.loads(result.stdout)] == ["notes/deep/a.md"]


def test_nested_wikis_and_virtual_environments_are_skipped(wiki: Path):
    write(wiki, "notes/mine.md", CARD)
    write(wiki, "notes/other-wiki/mlwiki.toml", 'name = "Other"\nnotes = "."\n')
    write(wiki, "notes/other-wiki/theirs.md", "Q: A card of the nested wiki?\nA: yes\n")
    write(wiki, "notes/used-once/.mlwiki/mlwiki.db", "")
    write(wiki, "notes/used-once/x.md", "Q: A card of a folder used with --root?\nA: yes\n")
    write(wiki, "notes/env/pyvenv.cfg", "home = /usr/bin\n")
    write(wiki, "notes/env/lib/python3.11/site-packages/pkg/README.md", "Q: A package readme?\nA: yes\n")
    write(wiki, "notes/vendor/site-packages/pkg/README.md", "Q: Loose site-packages?\nA: yes\n")
    result = run(wiki, ["cards", "--json"])
    assert result.exit_code == 0, result.output
    assert [c["source"]["path"] for c in json.loads(result.stdout)] == ["notes/mine.md"]
    nested = run(wiki / "notes" / "other-wiki", ["cards", "--json"])
    assert [c["front"] for c in json.loads(nested.stdout)] == ["A card of the nested wiki?"], \
        "the nested wiki is a wiki of its own"


def test_a_wiki_whose_notes_are_its_root_is_still_scanned(tmp_path: Path):
    """The wiki's own mlwiki.toml does not make its root look nested."""
    config(tmp_path, 'name = "T"\nnotes = "."\n')
    write(tmp_path, "a.md", CARD)
    result = run(tmp_path, ["cards", "--json"])
    assert [c["source"]["path"] for c in json.loads(result.stdout)] == ["a.md"]
