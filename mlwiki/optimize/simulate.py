"""What each desired retention costs: FSRS's simulator (fsrs-rs, as Anki's workload simulator) run for a year.

For each desired retention from 0.70 to 0.97 the simulator learns the wiki's live cards from scratch, at most
`new_per_day` new cards and `reviews_per_day` reviews a day, answering with the parameters in use; it reports the
mean number of reviews and minutes a day and the cards remembered at the end of the year (the sum of their recall
probabilities). How often a new card is answered Again/Hard/Good/Easy, and a recalled review Hard/Good/Easy, comes
from the learner's own log; below `MIN_REVIEWS` reviews there is no such habit to go on and no table is made.

One simulated year of a small deck is noisy (0.75 could show more remembered than 0.76), so each retention is the
mean of several runs with the same seeds at every retention (common random numbers: the retentions differ by their
schedule, not by luck), and the means are then made monotone by pool-adjacent-violators: asking for more recall
can only cost more reviews and leave more remembered, so a dip is noise. That holds while `reviews_per_day` never
stops a day's reviews; from the first retention at which it does, the figures are the plain means, marked: there
the limit drops reviews and more recall asked can leave fewer cards remembered, which is worth seeing. The seeds
are fixed: the same inputs give the same table.

The recommended retention is Anki's "minimum recommended retention" (fsrs-rs `optimal_retention`, CMRR): the one
with the least study time per card remembered. Below it you forget and relearn so much that studying less saves
nothing; above it each extra card remembered costs more time, which may well be worth it.
"""

from __future__ import annotations

import html
import math
from dataclasses import dataclass

import fsrs_rs_python as fsrs_rs

from mlwiki.errors import MlwikiError
from mlwiki.optimize.fit import DEFAULTS
from mlwiki.store.parameters import active_parameters, live_card_count, rating_counts
from mlwiki.store.reviews import review_count

RETENTIONS = tuple(round(0.70 + step / 100, 2) for step in range(28))  # 0.70 … 0.97
PAGE_RETENTIONS = (0.70, 0.75, 0.80, 0.85, 0.90, 0.93, 0.95, 0.97)  # the stats page: a year each costs time
RECOMMENDABLE = (0.70, 0.95)  # CMRR's range in Anki: outside it the simulator's model is least trustworthy
DAYS = 365
MIN_REVIEWS = 100  # fewer than this: no rating habits of the learner's own to simulate with
MIN_ANSWERS = 100  # fewer answers of a kind than this: the population rating frequencies for that kind
MIN_RUNS, MAX_RUNS = 1, 24  # runs averaged per retention: a big deck is smooth in one
CARD_RUNS = 2400  # cards learned × runs per retention: 1-2 s for the whole table on one core
NO_TIME_LIMIT = 1e9  # mlwiki limits reviews by count, not by minutes


class TooFewReviews(MlwikiError):
    """The log holds too few reviews for a simulation of the learner's own habits."""


@dataclass(frozen=True)
class RetentionCost:
    desired_retention: float
    reviews_per_day: float
    minutes_per_day: float
    remembered: float
    current: bool
    capped_days: int = 0  # days of the year on which `reviews_per_day` stopped the reviews (mean of the runs, up)


@dataclass(frozen=True)
class Simulation:
    cards: int
    days: int
    parameters: str  # "default" | "optimized"
    rows: list[RetentionCost]
    runs: int = 1
    recommended: float | None = None

    @property
    def reason(self) -> str:
        """Why `recommended` is recommended, in a sentence."""
        return ("the least study time per card remembered (Anki's minimum recommended retention): below it you "
                "relearn so much that studying less saves nothing; above it each extra card remembered costs more "
                "time")

    def to_dict(self) -> dict:
        return {"cards": self.cards, "days": self.days, "parameters": self.parameters, "runs": self.runs,
                "recommended": self.recommended, "recommended_because": self.reason if self.recommended else None,
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
    """Simulated years per desired retention (the grid plus the current one, when it is off the grid): the mean
    of several runs, made monotone while `reviews_per_day` never caps a day, and the retention with the least
    study time per card remembered."""
    config = simulator_config(settings, cards, counts, days)
    current = round(settings.desired_retention, 4)
    grid = sorted(set(retentions) | {current})
    runs = _runs(config)
    sums = [[0.0, 0.0, 0.0, 0.0] for _ in grid]  # reviews, seconds, remembered, days at the review limit
    for seed in range(runs):  # the same seeds at every retention
        for total, retention in zip(sums, grid):
            result = fsrs_rs.simulate(list(parameters), retention, config, seed)
            total[0] += sum(result.review_cnt_per_day)
            total[1] += sum(result.cost_per_day)
            total[2] += result.memorized_cnt_per_day[-1]
            total[3] += sum(count >= settings.reviews_per_day for count in result.review_cnt_per_day)
    means = [[value / runs for value in total] for total in sums]
    free = next((i for i, mean in enumerate(means) if mean[3] > 0), len(means))
    reviews, seconds, remembered = ([*monotone([mean[k] for mean in means[:free]]),
                                     *[mean[k] for mean in means[free:]]] for k in range(3))
    rows = [RetentionCost(r, round(n / days, 1), round(s / days / 60, 1), round(m, 1), r == current, math.ceil(c))
            for r, n, s, m, c in zip(grid, reviews, seconds, remembered, (mean[3] for mean in means))]
    return Simulation(cards, days, source, rows, runs,
                      _least_time_per_card(grid[:free], seconds[:free], remembered[:free]))


def _runs(config) -> int:
    """How many runs per retention: a run costs about one unit per card it learns, and each retention gets about
    `CARD_RUNS` units (a deterministic budget, so the same inputs give the same table)."""
    learned = max(1, min(config.deck_size, config.learn_limit * config.learn_span))
    return max(MIN_RUNS, min(MAX_RUNS, CARD_RUNS // learned))


def monotone(values: list[float]) -> list[float]:
    """The closest non-decreasing sequence in least squares (pool adjacent violators)."""
    blocks: list[list[float]] = []  # [mean, size]
    for value in values:
        blocks.append([value, 1])
        while len(blocks) > 1 and blocks[-2][0] > blocks[-1][0]:
            mean, size = blocks.pop()
            blocks[-1] = [(blocks[-1][0] * blocks[-1][1] + mean * size) / (blocks[-1][1] + size),
                          blocks[-1][1] + size]
    return [mean for mean, size in blocks for _ in range(size)]


def _least_time_per_card(grid: list[float], seconds: list[float], remembered: list[float]) -> float | None:
    low, high = RECOMMENDABLE
    costs = [(s / m, r) for r, s, m in zip(grid, seconds, remembered) if low <= r <= high and m > 0]
    return min(costs)[1] if costs else None


def simulate_store(store, config, retentions=RETENTIONS, preset: str | None = None) -> Simulation:
    """The table for this wiki (or for the cards of one deck preset, with its limits, steps and parameters): its
    live cards, its limits and steps, the parameters in use. Raises TooFewReviews below `MIN_REVIEWS` reviews."""
    counts = rating_counts(store)
    reviews = review_count(store)
    if reviews < MIN_REVIEWS:
        raise TooFewReviews(f"too few reviews to simulate: {reviews} of the {MIN_REVIEWS} it needs to learn how you "
                            "answer; review for a few days, then try again")
    active = (active_parameters(store, preset) or active_parameters(store)) if preset else active_parameters(store)
    values = active.values if active and active.values else None
    settings = config.deck_options[preset] if preset else config.review
    cards = live_card_count(store) if preset is None else _preset_live_cards(store, config, preset)
    return simulate_costs(values or DEFAULTS, settings, cards, counts,
                          source="optimized" if values else "default", retentions=retentions)


def _preset_live_cards(store, config, preset: str) -> int:
    from mlwiki.store.cards import CardFilter, list_cards

    return sum(1 for c in list_cards(store, CardFilter())
               if not c["suspended"] and config.preset_of(c["deck"] or "") == preset)


def _retention(value: float) -> str:
    return f"{value:.2f}" if round(value, 2) == value else f"{value:.3f}"


def _marks(sim: Simulation, row: RetentionCost) -> str:
    """`now`, `recommended`, `limit on 40 d` (reviews_per_day reached), or none: what a row of the table is."""
    marks = [name for name, on in (("now", row.current), ("recommended", row.desired_retention == sim.recommended))
             if on]
    return ", ".join(marks + ([f"limit on {row.capped_days} d"] if row.capped_days else []))


def _limit_note(sim: Simulation) -> str:
    """What `limit on N d` means, when a row has it."""
    capped = [row for row in sim.rows if row.capped_days]
    if not capped:
        return ""
    return (f"limit on N d: on N days of the year reviews_per_day stopped the reviews; from "
            f"{_retention(capped[0].desired_retention)} on, asking for more recall drops reviews and can leave fewer "
            "cards remembered.")


def render_text(sim: Simulation, width: int = 80) -> list[str]:
    """The table with a bar chart of reviews a day, the current and the recommended retention marked, in `width`
    columns (the bars take what the numbers and marks leave)."""
    import textwrap

    most = max((r.reviews_per_day for r in sim.rows), default=0) or 1
    notes = [_marks(sim, row) for row in sim.rows]
    bar_width = max(width - 48 - max((len(note) + 3 for note in notes if note), default=0), 8)
    lines = [f"What each desired retention costs: {sim.cards} cards over {sim.days} days",
             f"({sim.parameters} parameters, mean of {sim.runs} simulated year{'s' if sim.runs != 1 else ''} "
             "per retention)",
             f"  {'retention':>9}  {'reviews/day':>11}  {'min/day':>7}  {'remembered':>10}  reviews a day"]
    for row, note in zip(sim.rows, notes):
        bar = "█" * max(round(row.reviews_per_day / most * bar_width), 1 if row.reviews_per_day else 0)
        mark = "▶" if row.current else " "
        lines.append(f"{mark} {_retention(row.desired_retention):>9}  {row.reviews_per_day:>11.1f}  "
                     f"{row.minutes_per_day:>7.1f}  {row.remembered:>10.0f}  {bar}{f' ← {note}' if note else ''}")
    if _limit_note(sim):
        lines += textwrap.wrap(_limit_note(sim), width - 1)
    if sim.recommended is not None:
        lines += textwrap.wrap(f"Recommended: at least {_retention(sim.recommended)}, {sim.reason}. Set it as "
                               "desired_retention in mlwiki.toml's [review].", width - 1)
    return lines


def render_html(sim: Simulation) -> str:
    """A self-contained section for `stats --html`: the same table, each row's reviews a day drawn as a bar beside
    the number, under that column's heading (no script)."""
    most = max((r.reviews_per_day for r in sim.rows), default=0) or 1
    body = []
    for row in sim.rows:
        width = round(row.reviews_per_day / most * 100, 1)
        style = ' style="font-weight:bold"' if row.current or row.desired_retention == sim.recommended else ""
        notes = _marks(sim, row)
        note = f" <small>({notes})</small>" if notes else ""
        body.append(f"<tr{style}><td>{_retention(row.desired_retention)}{note}</td>"
                    f'<td class="text"><div class="costbar"><span class="n">{row.reviews_per_day:.1f}</span>'
                    f'<span class="track"><span class="fill bar" style="width:{width}%"></span></span></div></td>'
                    f"<td>{row.minutes_per_day:.1f}</td><td>{row.remembered:.0f}</td></tr>")
    caption = html.escape(f"Each row: a year of study simulated for the wiki's {sim.cards} live cards with the "
                          f"{sim.parameters} FSRS parameters and your limits, the mean of {sim.runs} runs "
                          "(mlwiki optimize --simulate).")
    advice = (f'<p class="sub"><b>Recommended: at least {_retention(sim.recommended)}</b>, '
              f"{html.escape(sim.reason)}.</p>" if sim.recommended is not None else "")
    if _limit_note(sim):
        advice += f'<p class="sub">{html.escape(_limit_note(sim))}</p>'
    return ('<section id="retention-costs"><h2>What each desired retention costs in a year</h2>'
            f'<p class="sub">{caption}</p><style>.costbar {{ display: flex; align-items: center; gap: 8px; }}'
            ".costbar .n { min-width: 3em; text-align: right; }"
            ".costbar .track { flex: 1; height: 12px; min-width: 3em; }"
            ".costbar .fill { display: block; height: 100%; border-radius: 2px; min-width: 2px; }</style>"
            '<table><thead><tr><th>desired retention</th><th class="text" style="width:45%">reviews a day</th>'
            "<th>minutes a day</th>"
            "<th>cards remembered after a year</th></tr></thead><tbody>" + "".join(body) +
            f"</tbody></table>{advice}</section>")


def too_few_html(message: str) -> str:
    """The stats page's section when there are too few reviews to simulate: the one line that says so."""
    return ('<section id="retention-costs"><h2>What each desired retention costs in a year</h2>'
            f'<p class="sub">{html.escape(message[:1].upper() + message[1:])}.</p></section>')
