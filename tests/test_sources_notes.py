"""Reading notes and the config: front matter, notebooks, ignore rules, deck and tag derivation, root finding,
and `mlwiki init`."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from mlwiki.cli import cli
from mlwiki.config import CONFIG_NAME, config_from_dict, find_root, load_config
from mlwiki.errors import ConfigError
from mlwiki.extract import extract, note_context
from mlwiki.sources.notes import parse_note_bytes, split_front_matter, walk_notes
from mlwiki.scan.collect import collect


def write(root: Path, rel: str, text: str | bytes) -> Path:
    path = root / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture
def wiki(tmp_path: Path) -> Path:
    (tmp_path / "notes").mkdir()
    (tmp_path / CONFIG_NAME).write_text('name = "ML"\nnotes = "notes"\n', encoding="utf-8")
    return tmp_path


def note_cards(data: str | bytes, rel: str = "notes/x.md", file_type: str = "md", raw: dict | None = None):
    """Parse a note the way a scan does and return (cards, problems of reading and extracting)."""
    config = config_from_dict(Path("/wiki"), {"name": "ML", **(raw or {})})
    note, read_problems = parse_note_bytes(data.encode() if isinstance(data, str) else data, rel, file_type)
    assert note is not None, read_problems
    result = extract(note.body, note_context(note, config))
    return result.cards, read_problems + result.problems


# --------------------------------------------------------------------------------------------------------------
# front matter
# --------------------------------------------------------------------------------------------------------------


def test_front_matter_is_split_and_its_lines_counted():
    meta, body, offset, problems = split_front_matter("---\ntitle: T\ntags: [a]\n---\n\nBody\n", "n.md")
    assert (meta, body, offset, problems) == ({"title": "T", "tags": ["a"]}, "\nBody\n", 4, [])


def test_front_matter_may_end_with_dots():
    assert split_front_matter("---\ndeck: D\n...\nBody", "n.md")[:3] == ({"deck": "D"}, "Body", 3)


def test_text_without_front_matter_is_unchanged():
    assert split_front_matter("# Title\n---\n", "n.md") == ({}, "# Title\n---\n", 0, [])
    assert split_front_matter("---\nno closing fence\n", "n.md") == ({}, "---\nno closing fence\n", 0, [])


def test_empty_front_matter():
    assert split_front_matter("---\n---\nBody", "n.md") == ({}, "Body", 2, [])


def test_bad_yaml_is_a_warning_with_its_line_and_the_body_is_still_read():
    cards, problems = note_cards("---\ntitle: ok\ntags: [a, b\n---\nQ: q?\nA: a\n")
    assert [(c.front, c.source.line) for c in cards] == [("q?", 5)]
    [problem] = problems
    assert (problem.severity.value, problem.code, problem.path) == ("warning", "front-matter", "notes/x.md")
    assert problem.line in (3, 4)  # the unclosed list, or the closing fence where YAML notices it
    assert problem.message.startswith("front matter is not valid YAML")


def test_front_matter_that_is_not_a_mapping_is_a_warning():
    meta, body, offset, problems = split_front_matter("---\n- a\n- b\n---\nBody", "n.md")
    assert (meta, body, offset) == ({}, "Body", 4)
    assert [p.message for p in problems] == ["front matter is not a mapping of keys to values; ignored"]


def test_card_lines_count_the_front_matter():
    cards, problems = note_cards("---\ntitle: T\ntags: [a]\n---\n\nQ: q?\nA: a\n\nf :: b\n\nQ: lonely\n")
    assert [(c.front, c.source.line) for c in cards] == [("q?", 6), ("f", 9)]
    assert [(p.line, p.message) for p in problems] == [(11, "'Q:' has no matching 'A:' line")]


def test_windows_line_endings_are_normalized():
    cards, problems = note_cards(b"---\r\ndeck: D\r\n---\r\nQ: q?\r\nA: a\r\n\r\nf :: b\r\n")
    assert [(c.front, c.back, c.deck, c.source.line) for c in cards] == [("q?", "a", "D", 4), ("f", "b", "D", 7)]
    assert problems == []


def test_byte_order_mark_is_dropped():
    cards, _ = note_cards(b"\xef\xbb\xbf---\ndeck: D\n---\nf :: b\n")
    assert [(c.front, c.deck, c.source.line) for c in cards] == [("f", "D", 4)]


def test_utf16_note_is_read():
    cards, _ = note_cards("f :: b\n".encode("utf-16"))
    assert [(c.front, c.back) for c in cards] == [("f", "b")]


def test_invalid_utf8_is_replaced_with_a_warning_on_its_line():
    cards, problems = note_cards(b"ok :: yes\n\ncaf\xe9 :: bad\n")
    assert [(c.front, c.back) for c in cards] == [("ok", "yes"), ("caf\ufffd", "bad")]
    assert [(p.line, p.code) for p in problems] == [(3, "encoding")]


def test_a_control_character_in_a_note_is_warned_about_on_its_line(tmp_path):
    """"\\frac" written by a script that read "\\f" as an escape leaves a form feed in the note: review would show
    "^Lrac". `check` names the line (exit 0: a warning), and the note's cards are still made."""
    root = tmp_path / "wiki"
    (root / "notes").mkdir(parents=True)
    (root / CONFIG_NAME).write_text('name = "t"\n', encoding="utf-8")
    (root / "notes" / "ratio.md").write_text("# Ratio\n\nratio :: half\n\n$$r = \x0crac{a}{b}$$\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["--root", str(root), "check"])
    assert result.exit_code == 0, result.output
    assert "notes/ratio.md:5" in result.output and "form feed" in result.output, result.output
    assert "ratio" in CliRunner().invoke(cli, ["--root", str(root), "cards"]).output


def test_binary_file_is_skipped_with_a_warning():
    note, problems = parse_note_bytes(b"\x89PNG\r\n\x1a\n\x00\x00", "notes/x.md", "md")
    assert note is None
    assert [p.code for p in problems] == ["encoding"]


# --------------------------------------------------------------------------------------------------------------
# notebooks
# --------------------------------------------------------------------------------------------------------------


def notebook(*cells: dict) -> bytes:
    return json.dumps({"cells": list(cells), "metadata": {}, "nbformat": 4, "nbformat_minor": 5}, indent=1).encode()


def cell(kind: str, *lines: str) -> dict:
    return {"cell_type": kind, "metadata": {}, "source": list(lines)}


def json_line(data: bytes, text: str) -> int:
    """The 1-based line of the notebook JSON that holds `text`."""
    raw = data.decode()
    return raw.count("\n", 0, raw.index(text)) + 1


def test_notebook_markdown_cells_make_cards_with_notebook_lines():
    data = notebook(
        cell("raw", "---\n", "deck: NB::Deck\n", "tags: [nb]\n", "---"),
        cell("markdown", "# Normalisation\n", "\n", "Q: What does batch norm normalise over?\n", "A: The batch.\n"),
        cell("code", "x :: y\n", "# Q: not a card\n"),
        cell("markdown", "Layer norm ::: per-example normalisation"),
    )
    cards, problems = note_cards(data, rel="notes/dl/bn.ipynb", file_type="ipynb")
    assert problems == []
    assert [(c.kind.value, c.front, c.back, c.deck, c.source.line) for c in cards] == [
        ("basic", "What does batch norm normalise over?", "The batch.", "NB::Deck",
         json_line(data, "Q: What does batch norm")),
        ("basic", "Layer norm", "per-example normalisation", "NB::Deck", json_line(data, "Layer norm :::")),
        ("reverse", "per-example normalisation", "Layer norm", "NB::Deck", json_line(data, "Layer norm :::"))]
    assert cards[0].tags == ("nb", "dl")


def test_notebook_cell_source_as_one_string():
    data = notebook({"cell_type": "markdown", "metadata": {}, "source": "Intro\n\nQ: q?\nA: a"})
    cards, _ = note_cards(data, rel="notes/n.ipynb", file_type="ipynb")
    assert [(c.front, c.source.line) for c in cards] == [("q?", json_line(data, "Q: q?"))]


def test_notebook_lines_skip_identical_text_in_code_cells():
    data = notebook(cell("code", "front :: back\n"), cell("markdown", "front :: back"))
    cards, _ = note_cards(data, rel="notes/n.ipynb", file_type="ipynb")
    markdown_line = data.decode().count("\n", 0, data.decode().rindex("front :: back")) + 1
    assert [c.source.line for c in cards] == [markdown_line]


def test_notebook_problems_point_into_the_notebook():
    data = notebook(cell("markdown", "Text\n", "\n", "Q: no answer"))
    _, problems = note_cards(data, rel="notes/n.ipynb", file_type="ipynb")
    assert [(p.line, p.message) for p in problems] == [(json_line(data, "Q: no answer"),
                                                        "'Q:' has no matching 'A:' line")]


def test_broken_notebooks_are_warnings():
    note, problems = parse_note_bytes(b'{"cells": [', "notes/n.ipynb", "ipynb")
    assert note is None and [p.code for p in problems] == ["notebook"]
    note, problems = parse_note_bytes(b'{"nbformat": 4}', "notes/n.ipynb", "ipynb")
    assert note is None and [p.message for p in problems] == ["notebook has no 'cells' list; skipped"]


# --------------------------------------------------------------------------------------------------------------
# which files are notes
# --------------------------------------------------------------------------------------------------------------


def test_walk_finds_notes_and_skips_what_it_should(wiki: Path):
    notes = wiki / "notes"
    for rel in ["a.md", "b.qmd", "c.ipynb", "d.markdown", "sub/e.md", "image.png", "script.py",
                ".hidden/f.md", ".g.md", "_site/h.md", "_freeze/i.md", ".quarto/j.md", "_book/k.md",
                ".ipynb_checkpoints/l.ipynb", "node_modules/m.md", "drafts/n.md", "sub/o.draft.md",
                "ignored/p.md", "sub/q.tmp.md"]:
        write(notes, rel, "x")
    write(notes, ".gitignore", "ignored/\n*.tmp.md\n")
    write(wiki, "decks/r.md", "x")
    write(wiki, ".mlwiki/s.md", "x")
    config = load_config(wiki)
    config.exclude = ["drafts/**", "*.draft.md"]
    files, problems = walk_notes(config)
    assert [f.rel for f in files] == ["notes/a.md", "notes/b.qmd", "notes/c.ipynb", "notes/d.markdown",
                                      "notes/sub/e.md"]
    assert problems == []


def test_root_gitignore_applies_to_the_notes_folder(wiki: Path):
    write(wiki, ".gitignore", "notes/private/\n")
    write(wiki, "notes/private/a.md", "x")
    write(wiki, "notes/public/b.md", "x")
    assert [f.rel for f in walk_notes(load_config(wiki))[0]] == ["notes/public/b.md"]


def test_exclude_globs_from_the_config_file(wiki: Path):
    (wiki / CONFIG_NAME).write_text('notes = "notes"\nexclude = ["archive/**"]\n', encoding="utf-8")
    write(wiki, "notes/archive/old.md", "x")
    write(wiki, "notes/new.md", "x")
    assert [f.rel for f in walk_notes(load_config(wiki))[0]] == ["notes/new.md"]


def test_missing_notes_folder_is_a_config_error_and_a_walk_warning(tmp_path: Path):
    (tmp_path / CONFIG_NAME).write_text('notes = "nowhere"\n', encoding="utf-8")
    with pytest.raises(ConfigError, match="notes: folder 'nowhere' does not exist"):
        load_config(tmp_path)
    # a folder that vanishes after the config was read is still only a warning for the walk
    files, problems = walk_notes(config_from_dict(tmp_path, {"notes": "nowhere"}))
    assert files == [] and [p.severity.value for p in problems] == ["warning"]


def test_opted_out_note_has_no_cards(wiki: Path):
    write(wiki, "notes/draft.md", "---\nmlwiki: false\n---\nQ: hidden?\nA: yes\n\n$$a^2 + b^2 = c^2$$\n")
    write(wiki, "notes/real.md", "Q: shown?\nA: yes\n")
    assert [(c.front, c.source.path) for c in collect(load_config(wiki)).cards] == [("shown?", "notes/real.md")]


# --------------------------------------------------------------------------------------------------------------
# decks and tags
# --------------------------------------------------------------------------------------------------------------


def context(rel: str, meta_yaml: str = "", raw: dict | None = None, root: Path = Path("/wiki")):
    config = config_from_dict(root, {"name": "ML", **(raw or {})})
    data = (f"---\n{meta_yaml}---\n" if meta_yaml else "") + "x :: y\n"
    note, problems = parse_note_bytes(data.encode(), rel, "md")
    assert problems == []
    return note_context(note, config)


def test_deck_from_front_matter_wins():
    assert context("notes/probability/bayes.md", "deck: My::Deck\n",
                   {"deck_names": {"probability/**": "ML::Prob"}}).deck == "My::Deck"


def test_deck_from_the_config_mapping():
    raw = {"deck_names": {"probability/**": "ML::Prob", "deep-learning/*": "ML::DL"}}
    assert context("notes/probability/bayes.md", raw=raw).deck == "ML::Prob"
    assert context("notes/deep-learning/transformers/attention.md", raw=raw).deck == "ML::DL"


def test_default_deck_is_the_wiki_name_and_first_folder():
    assert context("notes/deep-learning/transformers/attention.md").deck == "ML::deep-learning"
    assert context("notes/top.md").deck == "ML"


def test_a_deck_that_is_not_a_string_is_ignored():
    assert context("notes/a/x.md", "deck: [1, 2]\n").deck == "ML::a"


def test_deck_mapping_is_relative_to_the_notes_folder_even_at_the_root():
    raw = {"notes": ".", "deck_names": {"stats/*": "ML::Stats"}}
    assert context("stats/x.md", raw=raw).deck == "ML::Stats"
    assert context("stats/x.md", raw={"notes": "."}).tags == ("stats",)


def test_tags_from_front_matter_and_folders():
    ctx = context("notes/deep-learning/transformers/attention.md",
                  "tags: [attention, 'multi head']\ncategories: nlp, dl\nkeywords: ['#softmax', 2017]\n")
    assert ctx.tags == ("attention", "multi_head", "nlp", "dl", "softmax", "2017", "deep-learning::transformers")


def test_tags_are_deduplicated_and_a_root_note_has_no_folder_tag():
    assert context("notes/x.md", "tags: [a, a]\nkeywords: a b\n").tags == ("a", "b")


def test_card_tags_and_deck_reach_the_cards(wiki: Path):
    write(wiki, "notes/opt/adam.md", "---\ntags: [adam]\n---\n::: {.card tags=\"gotcha\" deck=\"X\"}\nF\n\nB\n"
                                     ":::\n\nf :: b\n")
    got = [(c.deck, c.tags) for c in collect(load_config(wiki)).cards]
    assert got == [("X", ("adam", "opt", "gotcha")), ("ML::opt", ("adam", "opt"))]


# --------------------------------------------------------------------------------------------------------------
# config and root finding
# --------------------------------------------------------------------------------------------------------------


def test_find_root_from_a_subfolder(wiki: Path):
    sub = wiki / "notes" / "deep" / "er"
    sub.mkdir(parents=True)
    assert find_root(sub) == wiki.resolve()
    assert load_config(cwd=sub).root == wiki.resolve()


def test_data_folder_also_marks_the_root(tmp_path: Path):
    (tmp_path / ".mlwiki").mkdir()
    (tmp_path / "a").mkdir()
    assert find_root(tmp_path / "a") == tmp_path.resolve()


def test_without_config_the_folder_itself_is_the_notes_folder(tmp_path: Path):
    assert find_root(tmp_path) is None
    with pytest.raises(ConfigError, match="no wiki here"):
        load_config(cwd=tmp_path)
    config = load_config(tmp_path)  # --root makes a plain folder a wiki
    assert (config.root, config.notes_dir, config.name, config.has_config_file) == (
        tmp_path.resolve(), tmp_path.resolve(), tmp_path.name, False)


def test_config_values(tmp_path: Path):
    (tmp_path / "n").mkdir()
    (tmp_path / CONFIG_NAME).write_text(
        'name = "W"\nnotes = "n"\ndecks = "out"\nexclude = "drafts/**"\nformulas = "inline"\ndefinitions = true\n'
        'highlight_cloze = true\n[deck_names]\n"a/**" = "W::A"\n', encoding="utf-8")
    config = load_config(tmp_path)
    assert (config.name, config.notes_dir, config.decks_dir, config.exclude, config.formulas, config.definitions,
            config.highlight_cloze, config.deck_names) == (
        "W", tmp_path.resolve() / "n", tmp_path.resolve() / "out", ["drafts/**"], "inline", True, True,
        {"a/**": "W::A"})


def test_config_defaults(wiki: Path):
    (wiki / CONFIG_NAME).write_text("", encoding="utf-8")
    config = load_config(wiki)
    assert (config.name, config.notes_dir, config.formulas, config.definitions, config.highlight_cloze) == (
        wiki.name, wiki.resolve() / "notes", "display", False, False)


@pytest.mark.parametrize("text", ['formulas = "all"\n', "name = \n", "exclude = [1]\n", "[deck_names]\nx = [\n"])
def test_bad_config_is_a_config_error(tmp_path: Path, text: str):
    (tmp_path / CONFIG_NAME).write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError):
        load_config(tmp_path)


def test_root_that_is_not_a_folder_is_a_config_error(tmp_path: Path):
    with pytest.raises(ConfigError):
        load_config(tmp_path / "missing")


# --------------------------------------------------------------------------------------------------------------
# mlwiki init
# --------------------------------------------------------------------------------------------------------------


def test_init_writes_a_config_that_loads(tmp_path: Path):
    (tmp_path / "notes").mkdir()
    result = CliRunner().invoke(cli, ["init", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert f"Wrote {tmp_path / CONFIG_NAME}" in result.output
    config = load_config(tmp_path)
    assert (config.name, config.notes_dir, config.exclude, config.formulas, config.has_config_file) == (
        tmp_path.name, tmp_path.resolve() / "notes", [], "display", True)


def test_init_without_a_notes_folder_uses_the_folder_itself(tmp_path: Path):
    assert CliRunner().invoke(cli, ["init", str(tmp_path)]).exit_code == 0
    assert load_config(tmp_path).notes_dir == tmp_path.resolve()


def test_init_notices_a_quarto_project(tmp_path: Path):
    (tmp_path / "_quarto.yml").write_text("project:\n  type: website\n", encoding="utf-8")
    assert CliRunner().invoke(cli, ["init", str(tmp_path)]).exit_code == 0
    assert load_config(tmp_path).exclude == ["_site/**", "_freeze/**"]


def test_init_scans_a_whole_quarto_site_that_has_a_notes_folder(tmp_path: Path):
    """A Quarto site renders `posts/` beside `notes/`: init takes the whole project, so the posts make cards."""
    (tmp_path / "_quarto.yml").write_text("project:\n  type: website\n", encoding="utf-8")
    for folder in ("notes", "posts/sparse-gps"):
        (tmp_path / folder).mkdir(parents=True)
    (tmp_path / "notes" / "2026-10-05.qmd").write_text("---\ntitle: 2026-10-05\n---\n\nQ: What is a GP?\nA: A "
                                                     "distribution over functions.\n", encoding="utf-8")
    (tmp_path / "posts" / "sparse-gps" / "index.qmd").write_text("---\ntitle: Sparse GPs\n---\n\nQ: What do "
                                                                 "inducing points buy?\nA: O(nm^2) cost.\n",
                                                                 encoding="utf-8")
    assert CliRunner().invoke(cli, ["init", str(tmp_path)]).exit_code == 0
    assert load_config(tmp_path).notes_dir == tmp_path.resolve()
    made = json.loads(CliRunner().invoke(cli, ["--root", str(tmp_path), "cards", "--json"]).output)
    assert {c["source"]["path"] for c in made} == {"notes/2026-10-05.qmd", "posts/sparse-gps/index.qmd"}


def test_init_notices_an_mkdocs_project_and_reads_its_docs_folder(tmp_path: Path):
    default, moved = tmp_path / "default", tmp_path / "moved"
    (default / "docs").mkdir(parents=True)
    (default / "mkdocs.yml").write_text("site_name: CNN notes\nmarkdown_extensions:\n  - pymdownx.superfences:\n"
                                        "      custom_fences:\n        - format: !!python/name:x.y\n", encoding="utf-8")
    (default / "docs" / "index.md").write_text("# CNNs\n\nQ: What does pooling do?\nA: It downsamples.\n",
                                               encoding="utf-8")
    (moved / "pages").mkdir(parents=True)
    (moved / "mkdocs.yml").write_text("site_name: x\ndocs_dir: 'pages'  # moved\n", encoding="utf-8")
    for wiki, folder in ((default, "docs"), (moved, "pages")):
        assert CliRunner().invoke(cli, ["init", str(wiki)]).exit_code == 0
        assert load_config(wiki).notes_dir == (wiki / folder).resolve()
    assert CliRunner().invoke(cli, ["--root", str(default), "due"]).exit_code == 0


def test_init_creates_the_folder_and_never_overwrites(tmp_path: Path):
    target = tmp_path / "new-wiki"
    assert CliRunner().invoke(cli, ["init", str(target)]).exit_code == 0
    (target / CONFIG_NAME).write_text('name = "mine"\n', encoding="utf-8")
    result = CliRunner().invoke(cli, ["init", str(target)])
    assert result.exit_code == 1
    assert "already exists" in result.output
    assert (target / CONFIG_NAME).read_text(encoding="utf-8") == 'name = "mine"\n'
