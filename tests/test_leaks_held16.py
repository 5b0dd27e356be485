"""What the learner sees reads as the note's own viewer shows it (issue 23, point 6), for forms met on a Jupyter
Book, an Obsidian vault and a GitHub repo: a citation role `{cite}`key`` (the book sets it from its bibliography; a
card has none) shows nothing and a sentence that only says what to read goes; a link to an Obsidian block,
`[[Note#^id]]`, shows the note's name and a block id at a line's end shows nothing; a reference alone in
brackets on a line of its own leaves no line break before the comma after it; a footnote's text indented over two
lines stays off the card. Notes of my own, through the CLI (`review --plain`) and the extract API."""

from __future__ import annotations

import json

from conftest import new_wiki, run

from mlwiki.extract import NoteContext, extract

VI = """# Variational inference

VI turns posterior inference into optimisation: pick the member of a family $q$ closest in KL to the posterior.
Main reading: {cite}`blei2017vi`. It scales to big data sets where sampling is slow.

## Reparameterisation

**Reparameterisation trick** {cite:p}`kingma2014vae`: write $z$ as a deterministic, differentiable transform of
parameter-free noise, so gradients flow through the samples.

Coordinate ascent updates one factor at a time. Compare Gibbs
({ref}`gibbs`), which samples from the full conditional instead of taking the expected log of it.
"""

Q_LEARNING = """The target uses the **greedy** action whatever the agent does next, so it learns $q_*$ directly. It
is the sample-based version of [[Bellman equation#^bellman-opt-q]].

## Deadly triad

Function approximation, bootstrapping and off-policy learning together: any two are fine; all three can diverge. ^deadly-triad
"""


def _reviewed(tmp_path, notes: dict[str, str]) -> str:
    root = new_wiki(tmp_path, notes)
    cards = json.loads(run(root, "cards", "--json", ok=True).output)
    shown = run(root, "review", "--plain", input="\n3\n" * len(cards))
    assert shown.exit_code == 0, shown.output
    return " ".join(shown.output.split())


def test_citation_roles_show_nothing_and_a_reading_pointer_is_no_part_of_a_card(tmp_path):
    shown = _reviewed(tmp_path, {"vi.md": VI})
    assert "blei2017vi" not in shown and "kingma2014vae" not in shown and "{cite" not in shown, shown
    assert "Main reading" not in shown, shown
    assert "Reparameterisation trick: write" in shown and "It scales to big data sets" in shown, shown
    assert "Compare Gibbs, which samples" in shown, shown


def test_obsidian_block_links_and_block_ids_read_as_obsidian_shows_them(tmp_path):
    shown = _reviewed(tmp_path, {"Q-learning.md": Q_LEARNING})
    assert "version of Bellman equation" in shown and "^bellman" not in shown, shown
    assert "all three can diverge" in shown and "deadly-triad" not in shown, shown
    from mlwiki.render.html import markdown_to_html
    assert markdown_to_html("See [[Bellman equation#^v-pi]]. Two of three are fine. ^triad") == \
        "<p>See Bellman equation. Two of three are fine.</p>\n"
    assert markdown_to_html("x^2 and 2^10, a ^ b") == "<p>x^2 and 2^10, a ^ b</p>\n"  # (no block id)


def test_a_footnotes_text_over_two_lines_stays_off_the_card():
    body = ("# Nested CV\n\n## Why nested\n\nThe outer score estimates the performance of the whole procedure, search "
            "and fit together, not of one setting.[^bg]\n\n[^bg]: Bengio, Y. & Grandvalet, Y. (2004). *No Unbiased "
            "Estimator of the Variance.* JMLR 5,\n    1089-1105.\n")
    cards = extract(body, NoteContext(path="nested.md", sections=True)).cards
    assert cards and not any("1089" in c.back or "Grandvalet" in c.back for c in cards), cards
