"""`mlwiki init` names the wiki after the top deck its notes already declare, so one wiki exports one top-level deck
unless the notes say otherwise (issue 28.9)."""

from __future__ import annotations

import tomllib
from pathlib import Path

from conftest import run, write

CARD = "Q: What is {topic}?\nA: A thing about {topic}.\n"


def init_and_export(folder: Path) -> tuple[dict, list[str], str]:
    result = run(None, "init", folder, ok=True)
    config = tomllib.loads((folder / "mlwiki.toml").read_text(encoding="utf-8"))
    run(folder, "export", ok=True)
    return config, sorted(p.name for p in (folder / "decks").glob("*.apkg")), result.output


def test_a_declared_top_deck_names_the_wiki_and_export_writes_one_file(tmp_path):
    folder = tmp_path / "wiki"
    write(folder, "notes/probability/bayes.md", "---\ndeck: ML::Foundations\n---\n" + CARD.format(topic="a prior"))
    write(folder, "notes/optimization/adam.md", CARD.format(topic="Adam"))
    write(folder, "notes/loose.md", CARD.format(topic="a loose note"))
    config, files, said = init_and_export(folder)
    assert config["name"] == "ML"
    assert "name = \"ML\"  (the top deck of `deck:` in 1 note)" in said
    assert files == ["ML.apkg"]


def test_without_declared_decks_the_folder_names_the_one_top_deck(tmp_path):
    folder = tmp_path / "my-notes"
    write(folder, "notes/a.md", CARD.format(topic="one"))
    write(folder, "notes/sub/b.md", CARD.format(topic="two"))
    config, files, said = init_and_export(folder)
    assert config["name"] == "my-notes" and "name =" not in said
    assert files == ["my-notes.apkg"]


def test_the_most_declared_top_deck_wins_and_other_tops_stay_as_the_notes_say(tmp_path):
    folder = tmp_path / "wiki"
    for k in range(2):
        write(folder, f"notes/ml{k}.md", "---\ndeck: ML::Part\n---\n" + CARD.format(topic=f"ml {k}"))
    write(folder, "notes/lang.md", '---\ndeck: "Français::Verbes"\n---\n' + CARD.format(topic="être"))
    write(folder, "notes/plain.md", CARD.format(topic="plain"))
    config, files, _ = init_and_export(folder)
    assert config["name"] == "ML"
    assert files == ["Français.apkg", "ML.apkg"]  # the notes asked for a second top deck


def test_root_names_the_folder_init_writes_into_as_for_every_other_command(tmp_path, monkeypatch):
    """`mlwiki --root ~/wiki init` initializes ~/wiki, not the folder the shell is in."""
    folder, elsewhere = tmp_path / "wiki", tmp_path / "elsewhere"
    write(folder, "notes/a.md", CARD.format(topic="one"))
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    run(folder, "init", ok=True)
    assert (folder / "mlwiki.toml").is_file() and not (elsewhere / "mlwiki.toml").exists()
    run(folder, "scan", ok=True)  # (the wiki it wrote is the one --root reads)
    other = tmp_path / "other"
    result = run(folder, "init", other)
    assert result.exit_code != 0 and "two folders" in result.output and not other.exists()


def test_notes_in_a_folder_beside_notes_make_the_whole_folder_the_wiki(tmp_path):
    """A study repo with `notes/` and `papers/` (summaries of papers) is one wiki: `init` must not pick `notes/`
    and leave the papers out without a word. A README at the top, a virtual environment or an ignored folder
    beside `notes/` does not count."""
    folder = tmp_path / "recsys"
    write(folder, "notes/01-cf.md", CARD.format(topic="collaborative filtering"))
    write(folder, "papers/bpr.md", CARD.format(topic="BPR"))
    write(folder, "README.md", "# My recsys notes\n")
    config, _, _ = init_and_export(folder)
    assert config["notes"] == "."
    found = run(folder, "cards", "--json", ok=True).output
    assert "BPR" in found and "collaborative filtering" in found


def test_a_notes_folder_beside_a_readme_and_a_virtual_environment_is_the_wiki(tmp_path):
    folder = tmp_path / "study"
    write(folder, "notes/a.md", CARD.format(topic="one"))
    write(folder, "README.md", "# Study\n")
    write(folder, ".venv/lib/site-packages/pkg/README.md", "# a package\n")
    write(folder, "venv/pyvenv.cfg", "home = /usr/bin\n")
    write(folder, "venv/lib/python3.11/site-packages/pkg/README.md", "# a package\n")
    write(folder, "build/notes.md", "generated\n")
    write(folder, ".gitignore", "build/\n")
    config, _, _ = init_and_export(folder)
    assert config["notes"] == "notes"


def test_a_decks_folder_of_the_writers_notes_is_read_and_export_writes_beside_it(tmp_path):
    """Marp users keep their slides in `decks/`: the export folder must not swallow them. `init` sends the .apkg
    files to `anki-decks/`, reads `decks/` with the notes, and export leaves the writer's folder as it was."""
    folder = tmp_path / "reading-group"
    write(folder, "notes/cheatsheet.md", CARD.format(topic="the ELBO"))
    write(folder, "decks/01-vae.md", "---\nmarp: true\n---\n\n" + CARD.format(topic="the reparameterization trick"))
    config, _, output = init_and_export(folder)
    assert config["decks"] == "anki-decks" and config["notes"] == "."
    assert 'decks = "anki-decks"' in output
    found = run(folder, "cards", "--json", ok=True).output
    assert "reparameterization trick" in found and "the ELBO" in found
    assert sorted(p.name for p in (folder / "decks").iterdir()) == ["01-vae.md"]
    assert list((folder / "anki-decks").glob("*.apkg"))


def test_check_warns_when_the_export_folder_holds_notes_it_never_reads(tmp_path):
    """A wiki set up before `init` knew of Marp decks (decks = "decks" over a decks/ of slides): check says so."""
    folder = tmp_path / "talks"
    write(folder, "mlwiki.toml", 'name = "talks"\nnotes = "."\ndecks = "decks"\n')
    write(folder, "notes/a.md", CARD.format(topic="the ELBO"))
    write(folder, "decks/01-vae.md", CARD.format(topic="the reparameterization trick"))
    result = run(folder, "check")
    assert "decks: warning: 1 note in the export folder decks/ is never read" in result.output, result.output
    assert 'decks = "anki-decks"' in result.output
