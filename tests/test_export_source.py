"""The Source field of an exported note (path:line · heading path) shows the heading path's words as the card's sides
show them: a MyST citation in a table row's label, a wikilink's alias, emphasis and math are not written raw (a
Jupyter Book's "FITC {cite}`snelson2006`: training covariance" row showed the role in Anki, session 46)."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import write
from test_export import all_notes, col, export_and_import  # noqa: F401 - col is a fixture

pytestmark = pytest.mark.slow  # real Anki collections


def test_the_source_field_shows_a_heading_path_as_read(tmp_path: Path, now, col):
    root = tmp_path / "wiki"
    root.mkdir()
    (root / "mlwiki.toml").write_text('name = "T"\n[review]\ntimezone = "UTC"\n', encoding="utf-8")
    write(root, "notes/sparse.md",  # (the path shows the note's headings: the citation in one, not a row's label)
          "# Sparse GPs\n\n## The family of FITC {cite}`snelson2006`\n\n"
          "| method | training covariance | noise |\n|---|---|---|\n"
          "| FITC {cite}`snelson2006` | $Q + \\operatorname{diag}(K - Q)$ | input-dependent |\n"
          "| VFE {cite}`titsias2009` | $Q$ plus a trace penalty | homoscedastic |\n")
    export_and_import(root, now, col)
    sources = [note["Source"] for note in all_notes(col)]
    assert any("FITC" in source for source in sources), sources
    assert all(source.startswith("notes/sparse.md:") for source in sources), sources
    assert not any("{cite}" in source or "`" in source for source in sources), sources


def test_the_source_field_shows_citation_keys_and_zettel_links_as_the_sides_do(tmp_path: Path, now, col):
    """A Zettlr literature note titled by its citation key and a heading ending on a link by id: the Source field
    showed "@mackay1992 — …" and the bare id (session 47, tune23 Zettlr in the real anki package)."""
    root = tmp_path / "wiki"
    root.mkdir()
    (root / "mlwiki.toml").write_text('name = "T"\n[review]\ntimezone = "UTC"\n', encoding="utf-8")
    write(root, "notes/20240101120000 Evidence.md", "# Evidence approximation\n\nThe marginal likelihood "
          "trades fit against complexity, so it picks hyperparameters without a validation set.\n")
    write(root, "notes/mackay1992.md",
          "# @mackay1992 — A practical Bayesian framework\n\n## Claims like the evidence [[20240101120000]]\n\n"
          "The evidence of a network ranks architectures as well as held-out error does on small datasets.\n")
    export_and_import(root, now, col)
    sources = [note["Source"] for note in all_notes(col) if note["Source"].startswith("notes/mackay1992.md")]
    assert sources and all("@" not in s and "20240101120000" not in s for s in sources), sources
    assert any("Mackay 1992" in s or "MacKay 1992" in s for s in sources), sources
