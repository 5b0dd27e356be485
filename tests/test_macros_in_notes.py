"""LaTeX macros a note defines for itself (Pandoc's `header-includes`, Quarto's `include-in-header` and hidden
`$$\\newcommand…$$`, a Jupyter cell's `$\\newcommand…$`) count as the wiki's macros: `check` knows them, the
terminal expands them, the Anki deck defines them; a second, different definition is named by `check`."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import bump_mtime, run, write
from mlwiki.config import load_config
from mlwiki.render.macros import read_macros

HEADER_LIST = r"""---
title: Moments
header-includes:
  - \newcommand{\Ex}{\mathbb{E}}
  - \newcommand{\Reals}{\mathbb{R}}
---

# Mean

The first moment of a density $p$ on the line is:

$$\Ex[Z] = \int_{\Reals} z \, p(z) \, dz$$
"""

HEADER_BLOCK = r"""---
title: Spread
header-includes: |
  ```{=latex}
  \newcommand{\Spread}{\operatorname{Spr}}
  \DeclareMathOperator*{\Best}{best}
  ```
---

# Spread

How far the draws stray from their centre is measured by:

$$\Spread(Z) = \Best_c \, \lvert Z - c \rvert$$
"""

QUARTO_HIDDEN = r"""---
title: Divergences
---

::: {.hidden}
$$
\newcommand{\Div}{D_{\mathrm{div}}}
\newcommand{\Ex}{\mathsf{E}}
$$
:::

# Divergence

The gap between two laws $a$ and $b$ is written as:

$$\Div(a \,\|\, b) = \Ex_a[\log a - \log b]$$
"""

QUARTO_INCLUDE = r"""---
title: Kernels
include-in-header:
  - text: |
      <script>window.x = 1</script>
  - file: kernel-macros.tex
---

# Kernel

A kernel on two inputs is an inner product of their features:

$$\Kern(u, v) = \langle \phi(u), \phi(v) \rangle$$
"""


def notebook(cells: list[str]) -> str:
    return json.dumps({"cells": [{"cell_type": "markdown", "metadata": {}, "source": [text]} for text in cells],
                       "metadata": {}, "nbformat": 4, "nbformat_minor": 5})


NOTEBOOK = notebook([r"$\newcommand{\Ent}{\mathcal{H}}$",
                     "# Entropy\n\nThe uncertainty of a discrete variable is:\n\n$$\\Ent(Z) = -\\sum_z p(z) \\log p(z)$$\n"])


@pytest.fixture
def wiki(tmp_path: Path) -> Path:
    root = tmp_path / "wiki"
    (root / "notes").mkdir(parents=True)
    (root / "mlwiki.toml").write_text('name = "T"\n[review]\ntimezone = "UTC"\n', encoding="utf-8")
    return root


def check_output(root: Path) -> str:
    return run(root, "check").output


def cards(root: Path) -> list[dict]:
    data = json.loads(run(root, "cards", "--json", ok=True).output)
    return data if isinstance(data, list) else data["cards"]


@pytest.mark.parametrize("name, text, commands", [
    ("moments.md", HEADER_LIST, [r"\Ex", r"\Reals"]),
    ("spread.md", HEADER_BLOCK, [r"\Spread", r"\Best"]),
    ("divergences.qmd", QUARTO_HIDDEN, [r"\Div", r"\Ex"]),
    ("entropy.ipynb", NOTEBOOK, [r"\Ent"]),
])
def test_check_knows_a_notes_own_macros(wiki, name, text, commands):
    write(wiki, f"notes/{name}", text)
    out = check_output(wiki)
    assert "unknown command" not in out, out
    cards(wiki)
    for command in commands:
        assert command in read_macros(load_config(wiki))[0]  # (kept by the scan)


def test_without_its_header_the_macro_is_unknown(wiki):
    write(wiki, "notes/moments.md", HEADER_LIST.replace("header-includes", "keywords"))
    assert "unknown commands `\\Ex`, `\\Reals`" in check_output(wiki)


def test_quarto_include_in_header_file(wiki, tmp_path):
    write(wiki, "notes/kernel-macros.tex", "\\newcommand{\\Kern}{k}\n")
    write(wiki, "notes/kernels.qmd", QUARTO_INCLUDE)
    assert "unknown command" not in check_output(wiki)


def test_a_header_file_outside_the_wiki_is_never_read(wiki, tmp_path):
    (tmp_path / "kernel-macros.tex").write_text("\\newcommand{\\Kern}{k}\n", encoding="utf-8")
    write(wiki, "notes/kernels.qmd", QUARTO_INCLUDE.replace("file: kernel-macros.tex", "file: ../../kernel-macros.tex"))
    assert "unknown command `\\Kern`" in check_output(wiki)


def test_defining_formulas_make_no_card(wiki):
    write(wiki, "notes/divergences.qmd", QUARTO_HIDDEN)
    write(wiki, "notes/entropy.ipynb", NOTEBOOK)
    made = cards(wiki)
    assert len(made) == 2
    assert not any("newcommand" in card["front"] + card["back"] for card in made)


def test_a_second_definition_is_named_once_and_the_first_kept(wiki):
    write(wiki, "notes/a-moments.md", HEADER_LIST)
    write(wiki, "notes/b-divergences.qmd", QUARTO_HIDDEN)
    out = check_output(wiki)
    lines = [line for line in out.splitlines() if "defined differently" in line]
    assert lines == ["notes/b-divergences.qmd:8: warning: macro `\\Ex` is defined differently in "
                     "notes/a-moments.md:4; that first definition is the one used"], out
    cards(wiki)
    macros = read_macros(load_config(wiki))[0]
    assert "\\newcommand{\\Ex}{\\mathbb{E}}" in macros and "mathsf" not in macros
    assert "\\newcommand{\\Div}" in macros


def test_the_wikis_macros_file_comes_first(wiki):
    (wiki / "mlwiki.toml").write_text('name = "T"\nmacros = "m.tex"\n[review]\ntimezone = "UTC"\n', encoding="utf-8")
    (wiki / "m.tex").write_text("\\newcommand{\\Ex}{\\mathrm{E}}\n", encoding="utf-8")
    write(wiki, "notes/moments.md", HEADER_LIST)
    out = check_output(wiki)
    assert "notes/moments.md:4: warning: macro `\\Ex` is defined differently in the wiki's macros file" in out
    assert read_macros(load_config(wiki))[0].count("\\Ex}") == 1


def test_macros_follow_edits_and_removals(wiki):
    path = write(wiki, "notes/moments.md", HEADER_LIST)
    run(wiki, "cards", "--json", ok=True)
    assert "\\Reals" in read_macros(load_config(wiki))[0]
    path.write_text(HEADER_LIST.replace("\\Reals", "\\Line"), encoding="utf-8")
    bump_mtime(path)
    run(wiki, "cards", "--json", ok=True)
    macros = read_macros(load_config(wiki))[0]
    assert "\\Line" in macros and "\\Reals" not in macros
    path.unlink()
    run(wiki, "cards", "--json", ok=True)
    assert read_macros(load_config(wiki))[0] == ""


def test_a_store_from_before_learns_the_macros_of_unchanged_notes(wiki):
    from mlwiki.store.note_macros import KEPT
    from mlwiki.store.opening import open_store

    write(wiki, "notes/moments.md", HEADER_LIST)
    run(wiki, "cards", "--json", ok=True)
    config = load_config(wiki)
    with open_store(config, create=False) as store, store.write():
        store.delete_meta(KEPT)
    (config.data_dir / "note_macros.tex").unlink()
    run(wiki, "cards", "--json", ok=True)
    assert "\\Reals" in read_macros(config)[0]


def test_the_terminal_expands_them(wiki):
    from mlwiki.render.latex_text import latex_to_unicode, use_macros

    write(wiki, "notes/moments.md", HEADER_LIST)
    run(wiki, "cards", "--json", ok=True)
    try:
        use_macros(read_macros(load_config(wiki))[0])
        shown = latex_to_unicode(r"\Ex[Z] \in \Reals")
    finally:
        use_macros("")
    assert "𝔼" in shown and "ℝ" in shown and "⚠" not in shown


def test_the_anki_deck_defines_them(wiki, tmp_path, now):
    from mlwiki.export.package import export_decks
    from mlwiki.scan.sync import open_synced

    anki_collection = pytest.importorskip("anki.collection")
    from anki.import_export_pb2 import ImportAnkiPackageOptions, ImportAnkiPackageRequest

    write(wiki, "notes/moments.md", HEADER_LIST)
    write(wiki, "notes/entropy.ipynb", NOTEBOOK)
    config = load_config(wiki)
    store, _ = open_synced(config, now)
    with store:
        report = export_decks(store, config, now)
    (tmp_path / "anki").mkdir()
    col = anki_collection.Collection(str(tmp_path / "anki" / "collection.anki2"))
    try:
        options = ImportAnkiPackageOptions(merge_notetypes=True, with_scheduling=False, with_deck_configs=False)
        for file in report.files:
            col.import_anki_package(ImportAnkiPackageRequest(package_path=str(file.path), options=options))
        notes = [col.get_note(nid) for nid in col.find_notes("")]
        assert len(notes) == 2
        for note in notes:
            for card in note.cards():
                out = card.render_output(reload=True)
                for text in (out.question_text, out.answer_text):
                    assert r"\newcommand{\Ex}{\mathbb{E} }" in text and r"\newcommand{\Ent}{\mathcal{H} }" in text
    finally:
        col.close()
