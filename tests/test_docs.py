"""The docs tell the truth: every example in docs/syntax.md yields the cards its table shows, the bundled example
wiki is what the README promises, and every command is documented and has help."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from mlwiki.cli import cli

REPO = Path(__file__).resolve().parents[1]
SYNTAX = (REPO / "docs" / "syntax.md").read_text(encoding="utf-8")
README = (REPO / "README.md").read_text(encoding="utf-8")

_EXAMPLE = re.compile(r"^(?:<!-- note: (.+?) -->\n)?(`{3,})markdown\n(.*?)^\2[ \t]*\n", re.S | re.M)
_TABLE_ROW = re.compile(r"^\|(.*)\|[ \t]*$")


def _section(pos: int) -> str:
    """The ### (or ##) heading above position `pos` of syntax.md."""
    prose = re.sub(r"^(`{3,}).*?^\1", "", SYNTAX[:pos], flags=re.S | re.M)  # not the headings inside examples
    return re.findall(r"^#{2,3} (.+)$", prose, re.M)[-1]


def documented_examples() -> list[tuple[str, str, list[tuple[str, str]], str]]:
    """(section, example note, [(front, back) rows of the table right after it], the note's file name) for each
    example with a table. The file is `index` (a name that is no subject) unless a `<!-- note: Name.md -->` line
    right above the example names it."""
    found = []
    for match in _EXAMPLE.finditer(SYNTAX):
        rest = SYNTAX[match.end():].lstrip("\n").splitlines()
        if not rest or not rest[0].startswith("| front | back |"):
            continue
        rows = []
        for line in rest[2:]:
            row = _TABLE_ROW.match(line)
            if not row:
                break
            front, back = (cell.strip() for cell in re.split(r"(?<!\\)\|", row.group(1))[:2])
            rows.append((front, back))
        found.append((_section(match.start()), match.group(3), rows, match.group(1) or ""))
    return found


EXAMPLES = documented_examples()


def _squash(text: str) -> str:
    return " ".join(text.replace("\\|", "|").replace("**", "").replace("<br>", " ").split())


def _matches(cell: str, text: str) -> bool:
    """A table cell shows a card side, `…` standing for omitted text: its pieces appear in order."""
    text, pos = _squash(text), 0
    for piece in (p.strip() for p in _squash(cell).split("…")):
        found = text.find(piece, pos)
        if found < 0:
            return False
        pos = found + len(piece)
    return True


def cards_of(tmp_path: Path, note: str, config: str = "", suffix: str = ".md", name: str = "") -> list[dict]:
    (tmp_path / "mlwiki.toml").write_text(config + 'name = "D"\n[review]\ntimezone = "UTC"\n', encoding="utf-8")
    (tmp_path / "notes").mkdir(exist_ok=True)
    (tmp_path / "notes" / (name or f"index{suffix}")).write_text(note, encoding="utf-8")
    result = CliRunner().invoke(cli, ["--root", str(tmp_path), "cards", "--json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_syntax_reference_has_an_example_with_a_table_for_every_card_form():
    sections = {section for section, _, _, _ in EXAMPLES}
    for form in ("Question and answer", "One-line cards", "Multi-line cards", "Card divs", "Cloze deletions",
                 "Formula cards", "Definitions", "Question headings", "Question callouts", "Bold questions"):
        assert any(s.startswith(form) for s in sections), f"no example with a table under {form!r}"


@pytest.mark.parametrize("section, note, rows, name", EXAMPLES,
                         ids=[f"{s}-{i}" for i, (s, _, _, _) in enumerate(EXAMPLES)])
def test_each_documented_example_gives_the_cards_in_its_table(tmp_path, section, note, rows, name):
    config = ""
    if section.startswith("Definitions"):
        config = "definitions = true\n"
    if section.startswith("Formula") and "$$" not in note:
        config = 'formulas = "inline"\n'
    if section.startswith("Cloze") and "==" in note:
        config = "highlight_cloze = true\n"
    suffix = ".qmd" if "{#eq-" in note or ".cloze" in note else ".md"
    cards = cards_of(tmp_path, note, config, suffix, name)
    shown = [(c["front"], c["back"]) for c in cards]
    assert len(cards) == len(rows), f"{section}: the table shows {len(rows)} cards, mlwiki makes {shown}"
    for (front, back), card in zip(rows, cards):
        assert _matches(front, card["front"]), (front, card["front"])
        assert _matches(back, card["back"]), (back, card["back"])


def test_bundled_example_wiki_is_a_real_wiki(tmp_path):
    """What the README's first command studies: ≥ 10 notes in sub-folders, in .md, .qmd and .ipynb, every kind."""
    shutil.copytree(REPO / "notes", tmp_path / "notes")
    shutil.copy(REPO / "mlwiki.toml", tmp_path / "mlwiki.toml")
    notes = [p for p in (tmp_path / "notes").rglob("*") if p.suffix in (".md", ".qmd", ".ipynb")]
    assert len(notes) >= 10 and {p.suffix for p in notes} == {".md", ".qmd", ".ipynb"}
    assert all(p.parent != tmp_path / "notes" for p in notes), "notes live in topic sub-folders"
    result = CliRunner().invoke(cli, ["--root", str(tmp_path), "cards", "--json"])
    assert result.exit_code == 0, result.output
    cards = json.loads(result.stdout)
    kinds = {c["kind"] for c in cards}
    assert kinds == {"basic", "reverse", "cloze", "formula", "definition"}
    assert len(cards) >= 100
    assert {c["source"]["path"].rsplit(".", 1)[1] for c in cards} == {"md", "qmd", "ipynb"}
    check = CliRunner().invoke(cli, ["--root", str(tmp_path), "check", "--json"])
    assert check.exit_code == 0, check.output
    assert [p for p in json.loads(check.stdout)["problems"] if p["severity"] == "error"] == []


def _commands(group: click.Group, prefix: tuple[str, ...] = ()) -> list[tuple[str, ...]]:
    out = []
    for name, command in group.commands.items():
        out.append(prefix + (name,))
        if isinstance(command, click.Group):
            out += _commands(command, prefix + (name,))
    return out


@pytest.mark.parametrize("path", _commands(cli), ids=" ".join)
def test_every_command_has_help_and_is_in_the_readme(path):
    result = CliRunner().invoke(cli, [*path, "--help"])
    assert result.exit_code == 0 and "Usage:" in result.output
    assert f"mlwiki {' '.join(path)}" in README, f"`mlwiki {' '.join(path)}` is not in the README"


def test_readme_card_example_gives_each_form(tmp_path):
    example = re.search(r"```markdown\n(.*?)```", README, re.S).group(1)
    cards = cards_of(tmp_path, example)
    kinds = [c["kind"] for c in cards]
    assert kinds.count("basic") == 4 and kinds.count("reverse") == 1  # `:::` makes a basic and its reverse
    assert kinds.count("cloze") == 1 and kinds.count("formula") == 1
    formula = next(c for c in cards if c["kind"] == "formula")
    assert "The Adam update is:" in formula["front"] and formula["back"].startswith("$$\\theta_t")


def test_readme_math_example_is_what_the_terminal_shows():
    from mlwiki.render.latex_text import math_to_unicode

    tex, shown = re.search(r"`(\\frac\{QK\^\\top\}\{\\sqrt\{d_k\}\})` prints as `([^`]+)`", README).groups()
    assert math_to_unicode(f"${tex}$") == shown
