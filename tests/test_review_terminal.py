"""The terminal (issue 19, points 3 and 6): math is never read as Markdown, LaTeX comments are not shown, the
heading path once, a redraw on resize, Space keeps the answer shown, listings cut at a word, singular counts."""

from __future__ import annotations

import os
import re
import sys

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st
from rich.console import Console

from conftest import write
from mlwiki.cli import cli
from mlwiki.render.terminal import card_markdown
from mlwiki.review.tui import split_heading
from mlwiki.textsafe import plural, shorten

pexpect = pytest.importorskip("pexpect")

NORM = "Q: What is the Frobenius norm?\nA: $\\|A\\|_F = \\sqrt{\\sum_{i,j} a_{ij}^2}$ for *any* matrix.\n"
NOW = "2026-03-02T12:00:00Z"


def shown(markdown: str, width: int = 80) -> str:
    console = Console(width=width, record=True, color_system=None)
    console.print(card_markdown(markdown))
    return console.export_text()


def spawn(root, rows: int = 40, cols: int = 100):
    env = {**os.environ, "TERM": "xterm-256color"}
    for name in ("CI", "COLUMNS", "LINES"):
        env.pop(name, None)  # rich must ask the terminal for its size, as in a real one
    return pexpect.spawn(sys.executable, ["-m", "mlwiki", "--root", str(root), "--now", NOW, "review"], env=env,
                         encoding="utf-8", timeout=20, dimensions=(rows, cols))


# --- math and Markdown -------------------------------------------------------------------------------------


def test_math_is_never_read_as_markdown():
    text = shown("$\\|A\\|_F = \\sqrt{\\sum_{i,j} a_{ij}^2}$ and $x_1 * y_2 * z_3$ but *this* is emphasis")
    assert "‖A‖_F = √(Σ_(i,j) aᵢⱼ²)" in text
    assert "x₁ * y₂ * z₃" in text
    assert "but this is emphasis" in text  # Markdown outside math still works


def test_display_math_keeps_its_rows_and_code_stays_literal():
    text = shown("Adam:\n\n$$\n\\begin{aligned}\nm_t &= \\beta_1 m_{t-1} + (1-\\beta_1) g_t \\\\\n"
                 "v_t &= \\beta_2 v_{t-1}\n\\end{aligned}\n$$\n\nAnd `$a_b$` is code, \\(x_i\\) is math.")
    lines = [line.strip() for line in text.splitlines()]
    assert "mₜ = β₁mₜ₋₁ + (1 - β₁)gₜ" in lines and "vₜ = β₂vₜ₋₁" in lines
    assert "$a_b$" in text and "xᵢ is math" in text


def test_latex_comments_are_not_shown():
    text = shown("$$\na = b % a private remark\n + c\n$$\n\nand $50\\%$ stays")
    assert "private remark" not in text and "a = b + c" in text and "50%" in text


def test_control_characters_in_cards_stay_inert():
    assert "\x1b" not in shown("evil \x1b]0;title\x07 $x_1$")


@settings(deadline=None)  # (what it checks is that nothing raises; the first text pays for building the parser)
@given(st.text(alphabet=st.sampled_from("$\\_*`#>-|%{}()[]^ ab1\n\x1b"), max_size=80))
def test_any_card_text_renders(text):
    """Whatever a note holds, the card shows without an exception and without a raw escape character."""
    assert "\x1b" not in shown(text)


# --- the heading path -----------------------------------------------------------------------------------


def test_heading_path_once():
    assert split_heading("Attention › Scaled", "Attention › Scaled\n\nThe scores are:") == \
        ("Attention › Scaled", "The scores are:")
    # (what a front asks after its heading path, "Softmax", is no heading of the note: the card's, not the path's)
    assert split_heading("Attention", "Attention › Softmax\n\nIt is:") == ("Attention", "Softmax\n\nIt is:")
    assert split_heading("Attention", "Attention › Why scale?") == ("Attention", "Why scale?")
    assert split_heading("Attention", "Attention") == ("", "Attention")  # nothing would be left of the card
    assert split_heading("Attention", "Why scale the logits?") == ("Attention", "Why scale the logits?")
    assert split_heading("Adam", "Adam keeps two averages.\n\nWhich?") == ("Adam", "Adam keeps two averages.\n\nWhich?")
    assert split_heading("", "Q?") == ("", "Q?")


# --- the real screen, in a pseudo-terminal -------------------------------------------------------------------

FORMULA = ("# Attention\n\n## Scaled scores\n\nThe attention scores are:\n\n"
           "$$\\operatorname{softmax}\\left(\\frac{QK^\\top}{\\sqrt{d_k}}\\right) % why: variance\n$$\n\n" + NORM)


@pytest.mark.slow  # a subprocess in a pty
def test_screen_math_heading_resize_and_space_in_a_pty(wiki):
    write(wiki, "notes/a.md", FORMULA)
    child = spawn(wiki)
    child.expect("show answer")
    first = child.before
    assert first.count("Attention › Scaled scores") == 1, "the heading path is printed once"
    assert "The attention scores are:" in first
    child.send(" ")
    child.expect(r"Easy \S+")
    assert "why: variance" not in child.before and "QKᵀ" in child.before
    for key in (" ", "z"):  # Space again, or a key that means nothing: the answer stays, nothing is redrawn
        child.send(key)
        with pytest.raises(pexpect.TIMEOUT):
            child.expect("QKᵀ", timeout=0.5)
    child.setwinsize(30, 60)  # SIGWINCH: drawn again at the new width, answer still shown
    child.expect(r"\[1\] learning")
    child.expect(r"Easy \S+")
    assert re.search(r"╰─{58}╯", child.before) and "QKᵀ" in child.before
    child.send("3")
    child.expect("What is the Frobenius norm")
    child.send("\r")
    child.expect(r"Easy \S+")
    assert "‖A‖_F = √(Σ_(i,j) aᵢⱼ²)" in child.before, "math kept its underscore and was not made italic"
    assert "\x1b[3many" in child.before, "*any* outside the math is still Markdown emphasis"
    child.send("q")
    child.expect("Reviewed 1 card ")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0


# --- listings and counts ------------------------------------------------------------------------------------


@given(st.text(alphabet=st.sampled_from("ab cd\t\nλ"), max_size=200), st.integers(min_value=10, max_value=100))
def test_shorten_cuts_at_a_word(text, width):
    flat = " ".join(text.split())
    cut = shorten(text, width)
    assert len(cut) <= width
    if len(flat) <= width:
        assert cut == flat
    else:
        assert cut.endswith("…") and flat.startswith(cut[:-1])
        rest = flat[len(cut) - 1:]
        assert rest[:1] == " " or " " not in flat[width // 2:width], "cut at a space unless one word is too long"


def test_plural():
    assert [plural(n, "card") for n in (0, 1, 2)] == ["0 cards", "1 card", "2 cards"]
    assert plural(1, "leech", "leeches") == "1 leech" and plural(3, "leech", "leeches") == "3 leeches"
    assert plural(1204, "review") == "1,204 reviews"


def test_cards_listing_cuts_long_fronts_at_a_word(wiki):
    front = ("Why does the transformer divide the dot products of queries and keys by the square root of the "
             "key dimension before the softmax?")
    write(wiki, "notes/a.md", f"Q: {front}\nA: variance\n")
    result = CliRunner().invoke(cli, ["--root", str(wiki), "cards"])
    line = result.stdout.strip()
    shown_front = line.split("notes/a.md:1  ")[1]
    assert shown_front.endswith("…") and len(shown_front) <= 80
    assert front.startswith(shown_front[:-1]) and front[len(shown_front) - 1] == " "
    assert result.stderr == "1 card\n"


def test_counts_are_singular(wiki, tmp_path):
    write(wiki, "notes/a.md", "Q: The only card?\nA: yes\n")
    runner = CliRunner()

    def run(*args, **kwargs):
        result = runner.invoke(cli, ["--root", str(wiki), "--now", NOW, *args], **kwargs)
        assert result.exit_code == 0, result.output
        return result

    assert "1 note (1 changed, 0 removed): 1 card added" in run("scan").stdout
    assert "1 note, 1 card: 0 errors, 0 warnings" in run("check").stderr
    assert "1 note, 1 card, 0 media files" in run("export", "-o", str(tmp_path / "decks")).stdout
    review = run("review", "--plain", input="\n1\n").stdout
    assert "Reviewed 1 card (1 again)" in review
    assert "Wrote 1 review to" in run("log", "export", str(tmp_path / "log.jsonl")).stdout
    assert not re.search(r"\b1 (cards|notes|reviews|errors|warnings)\b", review)


def test_plain_review_numbers_ordered_lists_as_written(wiki):
    """`review --plain` numbered every item "1." (markdown-it's list token, not the item's number)."""
    write(wiki, "notes/gd.md", "Q: The steps of gradient descent?\n"
          "A:\n3. compute the gradient\n4. step against it\n   - by the learning rate\n5. repeat\n")
    review = CliRunner().invoke(cli, ["--root", str(wiki), "--now", NOW, "review", "--plain"], input="\n1\n")
    assert review.exit_code == 0, review.output
    assert re.search(r"3\. compute the gradient\n4\. step against it\n  - by the learning rate\n5\. repeat",
                     review.stdout), review.stdout
