"""Fronts made of a lead-in or a label that asks nothing (issue 23). A sentence opener before a colon ("Either way:",
"Notice the growth:") joins the text on to what comes before it, or points the reader at what follows: it names
nothing a card could ask about, so it is no front part. The text goes on the card of what it goes on from (the
remark on the formula above it), or, right after a formula, is a remark on it whose cue is what the opener points
at ("Notice the growth" → "The growth"). Notes in GitHub Markdown and MyST; the CLI reads them as a scan would."""

from __future__ import annotations

import json

from conftest import new_wiki, run

CONFIG = 'name = "T"\nsections = true\n[review]\ntimezone = "UTC"\n'

PIPES = r"""# Pipelines

## Micro-batching

Each batch is cut into smaller pieces that flow through the stages one after another, so that the stages work
at the same time on different pieces.

The stages wait while the pipeline fills and drains: the **idle share**. With $s$ stages and $n$ micro-batches,
each stage works $n$ slots of a schedule $n + s - 1$ slots long, so the idle share is

$$\text{idle} = \frac{s-1}{n+s-1}$$

That denominator counts every slot of the schedule; older papers divide by the busy slots only and get
$\frac{s-1}{n}$, the same trend with another denominator.

Either way: **make $n$ much larger than $s$**. Four micro-batches per stage already hide most of the idle time.
"""

UNION = r"""# Union bounds

## Finite classes

Solving for the sample size, a finite class needs at most this many samples:

$$
m \le \frac{\log(|H|/\delta)}{\epsilon}
$$

```{tip}
Notice the growth: linear in $1/\epsilon$ but only logarithmic in the size of the class and in $1/\delta$, so even a
huge finite class is cheap.
```
"""


def cards(tmp_path, notes: dict[str, str]) -> list[dict]:
    root = new_wiki(tmp_path, notes, CONFIG)
    return json.loads(run(root, "cards", "--json", ok=True).output)


def test_an_opener_is_no_front_and_its_text_goes_on_the_remark_it_follows(tmp_path):
    found = cards(tmp_path, {"pipes.md": PIPES})
    assert not any("Either way" in c["front"] for c in found)
    holding = [c for c in found if "much larger than" in c["back"]]
    assert len(holding) == 1
    card = holding[0]
    assert card["front"].startswith("Pipelines › Micro-batching › The denominator")
    assert "\\frac{s-1}{n+s-1}" in card["front"]  # (the formula it speaks of, on its front)
    assert "That denominator counts every slot" in card["back"]


def test_an_opener_right_after_a_formula_is_a_remark_cued_by_what_it_points_at(tmp_path):
    found = cards(tmp_path, {"union.md": UNION})
    holding = [c for c in found if "only logarithmic" in c["back"]]
    assert len(holding) == 1
    front, back = holding[0]["front"], holding[0]["back"]
    assert front.split("\n\n")[0] == "Union bounds › Finite classes › The growth"
    assert "\\log(|H|/\\delta)" in front
    assert not back.startswith("Notice")
