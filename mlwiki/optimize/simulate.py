"""What each desired retention costs: FSRS's simulator (fsrs-rs, as Anki's workload simulator) run for a year.

For each desired retention from 0.70 to 0.97 the simulator learns the wiki's live cards from scratch, at most
`new_per_day` new cards and `reviews_per_day` reviews a day, answering with the parameters in use; it reports the
mean number of reviews a day and the cards remembered at the end of the year (the sum of their recall
probabilities). How often a new card is answered Again/Hard/Good/Easy, and a recalled review Hard/Good/Easy, comes
from the learner's own log once it holds enough answers (else fsrs-rs's population figures). The simulator's seed
is fixed, so the same inputs give the same table.
"""

from __future__ import annotations

import html
from dataclasses import dataclass

import fsrs_rs_python as fsrs_rs

from mlwiki.optimize.fit import DEFAULTS
from mlwiki.store.parameters import active_parameters, live_card_count, rating_counts

RETENTIONS = tuple(round(0.70 + step / 100, 2) for step in range(28))  # 0.70 … 0.97
PAGE_RETENTIONS = (0.70, 0.75, 0.80, 0.85, 0.90, 0.93, 0.95, 0.97)  # the stats page: a year each costs time
DAYS = 365
SEED = 42
MIN_ANSWERS = 100  # fewer answers than this: the population rating frequencies
NO_TIME_LIMIT = 1e9  # mlwiki limits reviews by count, not by minutes


@dataclass(frozen=True)
class RetentionCost:
    desired_retention: float
    reviews_per_day: float
    remembered: float
    current: bool


@dataclass(frozen=True)
class Simulation:
    cards: int
    days: int
    parameters: str  # "default" | "optimized"
    rows: list[RetentionCost]

    def to_dict(self) -> dict:
        return {"cards": self.cards, "days": self.days, "parameters": self.parameters,
                "retentions": [r.__dict__ for r in self.rows]}


def _frequencies(counts: dict[int, int], ratings: tuple[int, ...], fallback: list[float]) -> list[float]:
    total = sum(counts.get(r, 0) for r in ratings)
    if total < MIN_ANSWERS:
        return list(fallback)
    return [counts.get(r, 0) / total for r in ratings]


def simulator_config(settings, cards: int, counts: dict | None = None, days: int = DAYS):
    """fsrs-rs's simulator settings for this wiki's limits and steps, and the learner's rating habits."""
    config = fsrs_rs.default_simulator_config()
    config.deck_size = cards
    config.learn_span = days
    config.learn_limit = settings.new_per_day
    config.review_limit = settings.reviews_per_day
    config.max_ivl = float(settings.maximum_interval)
    config.max_cost_perday = NO_TIME_LIMIT
    config.learning_step_count = len(settings.learning_steps)
    config.relearning_step_count = len(settings.relearning_steps)
    if counts:
        config.first_rating_prob = _frequencies(counts["first"], (1, 2, 3, 4), config.first_rating_prob)
        config.review_rating_prob = _frequencies(counts["review"], (2, 3, 4), config.review_rating_prob)
    return config


def simulate_costs(parameters: list[float], settings, cards: int, counts: dict | None = None,
                   days: int = DAYS, source: str = "default", retentions=RETENTIONS) -> Simulation:
    """One simulated year per desired retention (the grid plus the current one, when it is off the grid)."""
    config = simulator_config(settings, cards, counts, days)
    current = round(settings.desired_retention, 4)
    rows = []
    for retention in sorted(set(retentions) | {current}):
        result = fsrs_rs.simulate(list(parameters), retention, config, SEED)
        reviews = sum(result.review_cnt_per_day) / days
        rows.append(RetentionCost(retention, round(reviews, 1), round(result.memorized_cnt_per_day[-1], 1),
                                  retention == current))
    return Simulation(cards, days, source, rows)


def simulate_store(store, config, retentions=RETENTIONS) -> Simulation:
    """The table for this wiki: its live cards, its limits and steps, the parameters in use."""
    active = active_parameters(store)
    values = active.values if active and active.values else None
    return simulate_costs(values or DEFAULTS, config.review, live_card_count(store), rating_counts(store),
                          source="optimized" if values else "default", retentions=retentions)


def _retention(value: float) -> str:
    return f"{value:.2f}" if round(value, 2) == value else f"{value:.3f}"


def render_text(sim: Simulation, bar_width: int = 40) -> list[str]:
    """The table with a bar chart of reviews a day; the current desired retention is marked."""
    most = max((r.reviews_per_day for r in sim.rows), default=0) or 1
    lines = [f"What each desired retention costs: {sim.cards} cards over {sim.days} days "
             f"({sim.parameters} parameters)",
             f"  {'retention':>9}  {'reviews/day':>11}  {'remembered':>10}  reviews a day"]
    for row in sim.rows:
        bar = "█" * max(round(row.reviews_per_day / most * bar_width), 1 if row.reviews_per_day else 0)
        mark = "▶" if row.current else " "
        note = "  ← desired_retention now" if row.current else ""
        lines.append(f"{mark} {_retention(row.desired_retention):>9}  {row.reviews_per_day:>11.1f}  "
                     f"{row.remembered:>10.0f}  {bar}{note}")
    return lines


def render_html(sim: Simulation) -> str:
    """A self-contained section for `stats --html`: the same table, with a bar per row (no script)."""
    most = max((r.reviews_per_day for r in sim.rows), default=0) or 1
    body = []
    for row in sim.rows:
        width = round(row.reviews_per_day / most * 100, 1)
        style = ' style="font-weight:bold"' if row.current else ""
        note = " (now)" if row.current else ""
        body.append(f"<tr{style}><td>{_retention(row.desired_retention)}{note}</td><td>{row.reviews_per_day:.1f}</td>"
                    f"<td>{row.remembered:.0f}</td><td style=\"width:50%\"><div style=\"background:var(--accent, #4a7bd0);"
                    f"height:0.8em;width:{width}%\"></div></td></tr>")
    caption = html.escape(f"Simulated for {sim.cards} cards over {sim.days} days with the {sim.parameters} "
                          "FSRS parameters (mlwiki optimize --simulate).")
    return ("<section id=\"retention-costs\"><h2>What retention costs</h2>"
            f"<p>{caption}</p><table><thead><tr><th>desired retention</th><th>reviews/day</th>"
            "<th>remembered after a year</th><th></th></tr></thead><tbody>" + "".join(body) +
            "</tbody></table></section>")
