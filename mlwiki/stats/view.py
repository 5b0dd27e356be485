"""How `mlwiki stats` looks: a rich terminal report here, and one self-contained HTML page (`stats.html`).

Both render a `mlwiki.stats.compute.Stats` and compute nothing new. Note-derived text (deck names, fronts, paths) is
untrusted: in the terminal it goes through `textsafe.inert` (no escape sequences) and `rich.markup.escape` (no
markup); in HTML it is escaped with `html.escape`, and the JSON blob is written so that it cannot close its
`<script>` element. The HTML page works offline: inline CSS, inline SVG drawn here, no script to run and no
reference to anything outside the file.
"""

from __future__ import annotations

from datetime import date, timedelta

from mlwiki.stats.compute import Stats
from mlwiki.textsafe import inert, plural, shorten

SPARK = " ▁▂▃▄▅▆▇█"
SHADES = ("·", "░", "▒", "▓", "█")
HEAT_STYLES = ("grey35", "green4", "green3", "green1", "bright_green")
WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")


# --- shared helpers ---------------------------------------------------------------------------------------


def pct(rate: float | None, digits: int = 1) -> str:
    return "—" if rate is None else f"{rate * 100:.{digits}f}%"


def duration(ms: int) -> str:
    """'45 s', '12 min', '3 h 05 min'."""
    seconds = round(ms / 1000)
    if seconds < 60:
        return f"{seconds} s"
    minutes = round(seconds / 60)
    if minutes < 60:
        return f"{minutes} min"
    return f"{minutes // 60:,} h {minutes % 60:02d} min"


def days_text(value: float | None) -> str:
    if value is None:
        return "—"
    if value < 1:
        return f"{value * 24:.1f} h"
    if value < 100:
        return f"{value:.1f} d"
    return f"{value:,.0f} d"


def ratio_text(ratio, digits: int = 1) -> str:
    """`92.9% (91 of 98)`: a rate with the counts it comes from; `—` when there is none."""
    return "—" if ratio.rate is None else f"{pct(ratio.rate, digits)} ({ratio.passed:,} of {ratio.total:,})"


def card_line(front: str, width: int) -> str:
    """A card's front on one terminal line of at most `width` columns: math as Unicode text (a display formula's
    rows joined), control characters inert, cut at a word with `…`."""
    from mlwiki.render.latex_text import math_to_unicode

    return shorten(inert(math_to_unicode(front or "")), width)


def month_labels(grid: list[list[dict | None]]) -> list[tuple[int, str]]:
    """(week column, month name) for every month the calendar shows: at the week where it begins (the first
    column whose last shown day falls in it). The first column is labelled only when the next label leaves room."""
    labels: list[tuple[int, str]] = []
    previous = None
    for week in range(len(grid[0])):
        days = [row[week]["date"] for row in grid if row[week] is not None]
        if not days:
            continue
        month = days[-1][:7]
        if month != previous:
            labels.append((week, date.fromisoformat(days[-1]).strftime("%b")))
        previous = month
    if len(labels) > 1 and labels[0][0] == 0 and labels[1][0] < 2:
        labels.pop(0)  # the first column's month is only a day or two of it: the next one's name needs the room
    return labels


def heat_level(count: int, top: int) -> int:
    """0 for no reviews, else 1-4 by quarter of the busiest day."""
    if count <= 0 or top <= 0:
        return 0
    return min(4, 1 + int(4 * (count - 1) / top)) if top > 1 else 4


def heat_grid(stats: Stats) -> list[list[dict | None]]:
    """7 rows (Monday first) × 26 columns (weeks, oldest first) of {date, count}; None after today."""
    start = date.fromisoformat(stats.heatmap_start)
    by_day = {d.date: d.count for d in stats.reviews_per_day}
    weeks = (date.fromisoformat(stats.today) - start).days // 7 + 1
    grid = []
    for weekday in range(7):
        row = []
        for week in range(weeks):
            day = (start + timedelta(days=7 * week + weekday)).isoformat()
            row.append({"date": day, "count": by_day[day]} if day in by_day else None)
        grid.append(row)
    return grid


def retention_rows(stats: Stats) -> list[tuple[str, object]]:
    return [(key, stats.retention[key]) for key in ("7d", "30d", "365d")]


# --- terminal ---------------------------------------------------------------------------------------------


def _safe(text: str | None, limit: int | None = None) -> str:
    """Note text for rich: one line, control characters made visible, markup escaped."""
    from rich.markup import escape

    flat = " ".join(str(text or "").split())
    if limit and len(flat) > limit:
        flat = flat[: limit - 1] + "…"
    return escape(inert(flat))


def forecast_chart(values: list[int], height: int = 6) -> list[str]:
    """A column chart in eighth-blocks, one column (two characters) per day, tallest column = `height` rows."""
    top = max(values) if values else 0
    rows = []
    for level in range(height, 0, -1):
        line = []
        for value in values:
            fill = value / top * height if top else 0
            if fill >= level:
                line.append("█")
            elif fill > level - 1:
                line.append(SPARK[max(1, round((fill - (level - 1)) * 8))])
            else:
                line.append(" ")
        rows.append(" ".join(line))
    return rows


def parameters_text(stats: Stats) -> str:
    """Which FSRS parameters schedule new answers."""
    fitted = stats.fsrs_parameters.get("fitted_at")
    if fitted:
        return f"your own parameters, fitted {fitted[:10]} (mlwiki optimize; --reset for the defaults)"
    return "default parameters (mlwiki optimize fits your own)"


def _places(stats: Stats) -> str:
    """Where the reviews were made ("in mlwiki" / "in Anki"), once any came from Anki (`mlwiki anki pull`)."""
    places = stats.reviews_by_source or {}
    anki = places.get("anki", {})
    if not anki.get("total"):
        return ""
    mine = places.get("mlwiki", {})
    return (f" · in mlwiki {mine.get('today', 0):,} today, {mine.get('total', 0):,} in all"
            f" · in Anki {anki.get('today', 0):,} today, {anki['total']:,} in all")


def render_terminal(stats: Stats, console) -> None:
    """Print the report with rich: summary, forecast, calendar, retention, memory, decks, weak spots."""
    from rich import box
    from rich.console import Group
    from rich.markup import escape
    from rich.panel import Panel
    from rich.table import Table
    from rich.text import Text

    c = stats.counts
    scope = [f"deck {_safe(stats.filters.get('deck'))}" if stats.filters.get("deck") else "",
             f"tag {_safe(stats.filters.get('tag'))}" if stats.filters.get("tag") else "",
             "paths " + ", ".join(_safe(p) for p in stats.filters["paths"]) if stats.filters.get("paths") else ""]
    scope_text = "; ".join(s for s in scope if s) or "all cards"
    console.print(Panel(
        f"[bold]mlwiki stats[/] · {scope_text} · study day {stats.today} "
        f"(starts {stats.day_starts_at:02d}:00, {escape(stats.timezone)})", box=box.ROUNDED))

    summary = Table.grid(padding=(0, 2))
    summary.add_column(style="bold")
    summary.add_column()
    summary.add_row("Cards", f"{stats.total_cards:,} live: {c['new']:,} new · {c['learning']:,} learning · "
                    f"{c['review']:,} review ({c['young']:,} young, {c['mature']:,} mature) · "
                    f"{c['relearning']:,} relearning · {c['suspended']:,} suspended "
                    f"({c['leech']:,} leech{'es' if c['leech'] != 1 else ''}) · {c['retired']:,} retired")
    summary.add_row("Due", f"[bold]{stats.due_today:,}[/] today ({stats.overdue:,} overdue) · "
                    f"{stats.due_tomorrow:,} tomorrow · {sum(d.count for d in stats.forecast):,} in 30 days")
    summary.add_row("Reviews", f"{stats.reviews_today:,} today · {stats.reviews_total:,} in all" + _places(stats))
    summary.add_row("Time", f"{duration(stats.time_today_ms)} today · {duration(stats.time_total_ms)} in all")
    summary.add_row("Streak", f"[bold]{stats.streak_days}[/] day{'s' if stats.streak_days != 1 else ''} · "
                    f"longest {stats.longest_streak} · {stats.days_studied:,} day{'s' if stats.days_studied != 1 else ''} "
                    "studied")
    summary.add_row("Knowledge", _knowledge_line(stats))
    summary.add_row("FSRS", escape(parameters_text(stats)))
    console.print(Panel(summary, title="Summary", title_align="left"))
    for hint in hints(stats):
        console.print(f"[yellow]{escape(hint)}[/]")

    values = [d.count for d in stats.forecast]
    chart = Text("\n".join(forecast_chart(values)), style="cyan")
    axis = Text(_forecast_axis(len(values)), style="dim")
    peak = max(values) if values else 0
    console.print(Panel(Group(chart, axis), title=f"Due in the next 30 days (peak {peak:,}/day)",
                        title_align="left"))

    console.print(Panel(_heatmap_text(stats), title="Reviews, last 26 weeks", title_align="left"))

    retention = Table(box=box.SIMPLE_HEAD, title=f"True retention: reviews recalled (desired "
                      f"{pct(stats.desired_retention, 0)})", title_justify="left", pad_edge=False,
                      collapse_padding=True)
    for name in ("window", "young", "mature", "all", "vs desired"):
        retention.add_column(name, justify="left" if name == "window" else "right")
    for key, ret in retention_rows(stats):
        rate = ret.all.rate
        if rate is None:
            delta = "—"
        else:
            gap = (rate - stats.desired_retention) * 100
            colour = "green" if gap >= -1 else ("yellow" if gap >= -5 else "red")
            delta = f"[{colour}]{gap:+.1f} pts[/]"
        retention.add_row(key, ratio_text(ret.young), ratio_text(ret.mature), ratio_text(ret.all), delta)
    console.print(retention)

    memory = Table.grid(padding=(0, 2))
    memory.add_column(style="bold")
    memory.add_column()
    memory.add_row("Stability", f"average {days_text(stats.average_stability)} · "
                   f"median {days_text(stats.median_stability)}")
    memory.add_row("Difficulty", "—" if stats.average_difficulty is None else f"average {stats.average_difficulty:.2f} / 10")
    memory.add_row("Retrievability", f"average {pct(stats.average_retrievability)} over "
                   f"{plural(stats.reviewed_cards, 'reviewed card')}")
    console.print(Panel(memory, title="Memory", title_align="left"))

    decks = Table(box=box.SIMPLE_HEAD, title="Decks", title_justify="left", pad_edge=False, collapse_padding=True)
    decks.add_column("deck", min_width=min(max((len(d.name) for d in stats.decks), default=4), 32))
    for name in ("cards", "new", "learn", "review", "susp", "due", "ret 30d", "target", "known"):
        decks.add_column(name, justify="right", no_wrap=True)
    for d in stats.decks:
        decks.add_row(_safe(d.name), f"{d.total:,}", f"{d.new:,}", f"{d.learning + d.relearning:,}",
                      f"{d.review:,}", f"{d.suspended:,}", f"{d.due_today:,}", ratio_text(d.ratio_30d, 0),
                      deck_target(d), _deck_knowledge(d))
    if stats.decks:
        console.print(decks)
        console.print(Text("learn: learning + relearning · susp: suspended · due: today · ret 30d: true retention, "
                           "reviews recalled in the last 30 days · target: desired retention (* a deck preset's) · "
                           "known: cards you remember now", style="dim"))

    if stats.weakest_notes:
        weak = Table(box=box.SIMPLE_HEAD, title="Weakest notes (lowest mean retrievability now)",
                     title_justify="left", pad_edge=False, collapse_padding=True)
        weak.add_column("mean R", justify="right", no_wrap=True)
        weak.add_column("cards", justify="right", no_wrap=True)
        weak.add_column("note, and its weakest card")
        room = max(console.width - 18, 20)  # the other columns and padding take 18
        for w in stats.weakest_notes:
            where = f"  {pct(w.card_retrievability, 0)} line {w.line}{' (suspended)' if w.suspended else ''}: "
            weak.add_row(pct(w.retrievability, 0), str(w.cards),
                         f"{_safe(w.path)}\n[dim]{where}[/]{escape(card_line(w.front, room - len(where)))}")
        console.print(weak)
    if stats.hardest_cards:
        hard = Table(box=box.SIMPLE_HEAD, title="Hardest cards (most lapses)", title_justify="left",
                     pad_edge=False, collapse_padding=True)
        deck_width = min(max(len(h.deck) for h in stats.hardest_cards), 24)
        hard.add_column("lapses", justify="right", no_wrap=True)
        hard.add_column("reviews", justify="right", no_wrap=True)
        hard.add_column("deck", min_width=deck_width)
        hard.add_column("front")
        room = max(console.width - deck_width - 30, 20)  # the other columns, padding and a flag take 30
        for h in stats.hardest_cards:
            flag = " [red](leech)[/]" if h.leech else (" [yellow](suspended)[/]" if h.suspended else "")
            hard.add_row(str(h.lapses), str(h.reviews), _safe(h.deck), escape(card_line(h.front, room)) + flag)
        console.print(hard)


def deck_target(deck) -> str:
    """The deck's desired retention, starred when a `[deck_options]` preset sets it."""
    if deck.desired_retention is None:
        return "—"
    return pct(deck.desired_retention, 0) + ("*" if deck.preset else "")


def _deck_knowledge(deck) -> str:
    return f"{deck.knowledge:,.0f}" if deck.reviewed else "—"


def hints(stats: Stats) -> list[str]:
    """What to do next when there is little to show."""
    if not stats.total_cards and not stats.counts["retired"]:
        return ["No cards" + (" match these filters." if any(stats.filters.values()) else
                              " yet: write some in your notes (`mlwiki help syntax` shows how), then `mlwiki check`.")]
    if not stats.reviews_total:
        return ["No reviews yet: run `mlwiki review` to start."]
    return []


def _knowledge_line(stats: Stats) -> str:
    if not stats.reviewed_cards:
        return "no card reviewed yet"
    return (f"you remember about [bold]{stats.knowledge:,.0f}[/] of {plural(stats.reviewed_cards, 'reviewed card')} now "
            f"(average retrievability {pct(stats.average_retrievability)})")


def _forecast_axis(days: int) -> str:
    cells = [" "] * (2 * days - 1)
    for k in range(0, days, 7):
        label = "today" if k == 0 else f"+{k}"
        for i, ch in enumerate(label):
            if 2 * k + i < len(cells):
                cells[2 * k + i] = ch
    return "".join(cells)


def _heatmap_text(stats: Stats):
    from rich.text import Text

    grid = heat_grid(stats)
    top = max((d.count for d in stats.reviews_per_day), default=0)
    text = Text()
    header = [" "] * (2 * len(grid[0]) + 2)
    for week, name in month_labels(grid):
        header[2 * week: 2 * week + len(name)] = list(name)
    text.append("    " + "".join(header).rstrip() + "\n", style="dim")
    for weekday, row in enumerate(grid):
        text.append(f"{WEEKDAYS[weekday]} ", style="dim")
        for cell in row:
            if cell is None:
                text.append("  ")
                continue
            level = heat_level(cell["count"], top)
            text.append(SHADES[level] + " ", style=HEAT_STYLES[level])
        text.append("\n")
    text.append("    less ", style="dim")
    for level in range(5):
        text.append(SHADES[level] + " ", style=HEAT_STYLES[level])
    text.append(f"more (busiest day: {plural(top, 'review')})", style="dim")
    return text


__all__ = ["render_terminal", "forecast_chart", "heat_grid", "hints", "plural", "parameters_text"]
