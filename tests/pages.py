"""The pages a person looks at, made from real data: the bundled notes (plus a note of layouts and a macros file)
reviewed for N simulated days through the real queue, scheduler and review log; then every card's page (`o` in
review) and the `stats --html` page. Used by tests/test_pages_browser.py and benchmarks/screenshots.py."""

from __future__ import annotations

import random
import shutil
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from pathlib import Path

from mlwiki.config import load_config
from mlwiki.render.macros import read_macros
from mlwiki.review.card_page import card_html
from mlwiki.review.answering import record_answer
from mlwiki.review.queue import build_queue
from mlwiki.review.schedule import Scheduler
from mlwiki.review.session import ShownCard
from mlwiki.scan.sync import open_synced
from mlwiki.stats.compute import compute_stats
from mlwiki.stats.html import render_html

REPO = Path(__file__).resolve().parent.parent
END = datetime(2026, 3, 1, 9, 0, tzinfo=timezone.utc)

MACROS = r"""% macros as a Quarto project writes them
\newcommand{\norm}[1]{\left\lVert #1 \right\rVert}
\newcommand{\E}{\mathbb{E}}
\renewcommand{\R}{\mathbb{R}}
\DeclareMathOperator*{\argmax}{arg\,max}
"""

LAYOUTS = r"""# Layouts and macros

Q: What is the norm of a vector in $\R^n$?
A: $\norm{x} = \sqrt{\E[x^\top x]}$, and $\hat\theta = \arg\max_\theta p(\theta) = \argmax_\theta p(\theta)$.

Q: Which weights does ridge regression pick?
A: $$\hat w = \operatorname*{arg\,min}_{w} \norm{y - Xw}_2^2 + \lambda \norm{w}_2^2, \qquad \max_{x \in \R} f(x)$$

Q: ReLU, piece by piece?
A: $$\mathrm{relu}(x) = \begin{cases} x & x > 0 \\ 0 & \text{otherwise} \end{cases}$$

Q: A rotation by $\theta$?
A: $$R_\theta = \begin{pmatrix} \cos\theta & -\sin\theta \\ \sin\theta & \cos\theta \end{pmatrix}, \quad \left( \frac{a}{b} \right)$$

Q: Two facts, two lines?
A: $$\begin{gathered} \E[X + Y] = \E[X] + \E[Y] \\ \operatorname{Var}(aX) = a^2 \operatorname{Var}(X) \end{gathered}$$

Q: The variance, expanded?
A: $$\begin{split} \operatorname{Var}(X) &= \E[(X - \E X)^2] \\ &= \E[X^2] - (\E X)^2 \end{split}$$

Q: How does MathJax delimit inline math?
A: With `\(x\)` or `$x$`, written in code here so it stays as it is.

The softmax turns scores into {{c1::probabilities}}: $p_i = \cloze{\frac{e^{z_i}}{\sum_j e^{z_j}}}$.
"""


@dataclass
class World:
    root: Path
    stats_page: Path
    card_pages: dict[str, Path]  # card id -> its page
    cards: dict[str, ShownCard]


def make_world(root: Path, days: int = 60, seed: int = 7) -> World:
    """Copy the bundled notes into `root`, add the layouts note and a macros file, review for `days` days up to
    END (15 % of days skipped, ratings drawn 12/8/70/10 % again/hard/good/easy), write the pages into `root`."""
    shutil.copytree(REPO / "notes", root / "notes")
    (root / "notes" / "layouts.md").write_text(LAYOUTS, encoding="utf-8")
    (root / "_macros.tex").write_text(MACROS, encoding="utf-8")
    config_text = (REPO / "mlwiki.toml").read_text(encoding="utf-8")
    (root / "mlwiki.toml").write_text('macros = "_macros.tex"\n' + config_text, encoding="utf-8")
    config = load_config(root)
    _review(config, days, random.Random(seed))
    store, _ = open_synced(config, END, progress=False)
    with store:
        stats = compute_stats(store, config, END)
        rows = store.query("SELECT * FROM cards WHERE retired = 0 ORDER BY path, line, id")
    stats_page = root / "stats.html"
    stats_page.write_text(render_html(stats), encoding="utf-8")
    macros = read_macros(config)[0]
    folder = root / "cards"
    folder.mkdir()
    cards = {row["id"]: ShownCard.from_row(row) for row in rows}
    pages = {}
    for card_id, card in cards.items():
        pages[card_id] = folder / f"{card_id}.html"
        pages[card_id].write_text(card_html(card, macros), encoding="utf-8")
    return World(root, stats_page, pages, cards)


def page_of_each_card(root: Path) -> dict[str, Path]:
    """Scan the wiki at `root` and write each card's page (as the review's `o` key does) into root/cards."""
    config = load_config(root)
    store, _ = open_synced(config, END, progress=False)
    with store:
        rows = store.query("SELECT * FROM cards WHERE retired = 0 ORDER BY path, line, id")
    folder = root / "cards"
    folder.mkdir(exist_ok=True)
    pages = {}
    for row in rows:
        card = ShownCard.from_row(row)
        pages[card.id] = folder / f"{card.id}.html"
        pages[card.id].write_text(card_html(card, read_macros(config)[0]), encoding="utf-8")
    return pages


def _review(config, days: int, rng: random.Random) -> None:
    start = END - timedelta(days=days)
    store, _ = open_synced(config, start, progress=False)
    scheduler = Scheduler.from_settings(config.review)
    with store:
        for day in range(days):
            if rng.random() < 0.15:
                continue  # a day off
            now = start + timedelta(days=day, minutes=rng.randint(0, 600))
            for _ in range(3):  # learning steps come back the same day
                queue = build_queue(store, config.review, now)
                due = queue.learning_by(now + config.review.learn_ahead) + [cid for _, cid in queue.main]
                if not due:
                    break
                for card_id in due:
                    spent = rng.randint(4_000, 40_000)
                    record_answer(store, scheduler, card_id, rng.choices([1, 2, 3, 4], [12, 8, 70, 10])[0], now,
                                  spent, config.review.leech_threshold)
                    now += timedelta(milliseconds=spent)
                now += timedelta(minutes=15)
