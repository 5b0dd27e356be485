"""How `mlwiki stats` looks: a rich terminal report, and one self-contained HTML page.

Both render a `mlwiki.stats.compute.Stats` and compute nothing new. Note-derived text (deck names, fronts, paths) is
untrusted: in the terminal it goes through `textsafe.inert` (no escape sequences) and `rich.markup.escape` (no
markup); in HTML it is escaped with `html.escape`, and the JSON blob is written so that it cannot close its
`<script>` element. The HTML page works offline: inline CSS, inline SVG drawn here, no script to run and no
reference to anything outside the file.
"""

from __future__ import annotations

import html
import json
from datetime import date, timedelta

from mlwiki.stats.compute import Stats
from mlwiki.textsafe import inert

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
    summary.add_row("Reviews", f"{stats.reviews_today:,} today · {stats.reviews_total:,} in all")
    summary.add_row("Time", f"{duration(stats.time_today_ms)} today · {duration(stats.time_total_ms)} in all")
    summary.add_row("Streak", f"[bold]{stats.streak_days}[/] day{'s' if stats.streak_days != 1 else ''} · "
                    f"longest {stats.longest_streak} · {stats.days_studied:,} day{'s' if stats.days_studied != 1 else ''} "
                    "studied")
    summary.add_row("Knowledge", _knowledge_line(stats))
    console.print(Panel(summary, title="Summary", title_align="left"))
    for hint in _hints(stats):
        console.print(f"[yellow]{escape(hint)}[/]")

    values = [d.count for d in stats.forecast]
    chart = Text("\n".join(forecast_chart(values)), style="cyan")
    axis = Text(_forecast_axis(len(values)), style="dim")
    peak = max(values) if values else 0
    console.print(Panel(Group(chart, axis), title=f"Due in the next 30 days (peak {peak:,}/day)",
                        title_align="left"))

    console.print(Panel(_heatmap_text(stats), title="Reviews, last 26 weeks", title_align="left"))

    retention = Table(box=box.SIMPLE_HEAD, title=f"True retention (desired {pct(stats.desired_retention, 0)})",
                      title_justify="left")
    for name in ("window", "young", "mature", "all", "reviews", "vs desired"):
        retention.add_column(name, justify="left" if name == "window" else "right")
    for key, ret in retention_rows(stats):
        rate = ret.all.rate
        if rate is None:
            delta = "—"
        else:
            gap = (rate - stats.desired_retention) * 100
            colour = "green" if gap >= -1 else ("yellow" if gap >= -5 else "red")
            delta = f"[{colour}]{gap:+.1f} pts[/]"
        retention.add_row(key, pct(ret.young.rate), pct(ret.mature.rate), pct(rate), f"{ret.all.total:,}", delta)
    console.print(retention)

    memory = Table.grid(padding=(0, 2))
    memory.add_column(style="bold")
    memory.add_column()
    memory.add_row("Stability", f"average {days_text(stats.average_stability)} · "
                   f"median {days_text(stats.median_stability)}")
    memory.add_row("Difficulty", "—" if stats.average_difficulty is None else f"average {stats.average_difficulty:.2f} / 10")
    memory.add_row("Retrievability", f"average {pct(stats.average_retrievability)} over "
                   f"{stats.reviewed_cards:,} reviewed cards")
    console.print(Panel(memory, title="Memory", title_align="left"))

    decks = Table(box=box.SIMPLE_HEAD, title="Decks", title_justify="left", pad_edge=False, collapse_padding=True,
                  caption="learn: learning + relearning · susp: suspended · due: today · ret: true retention · "
                          "known: cards you remember now", caption_justify="left")
    decks.add_column("deck", min_width=min(max((len(d.name) for d in stats.decks), default=4), 32))
    for name in ("cards", "new", "learn", "review", "susp", "due", "ret 30d", "known"):
        decks.add_column(name, justify="right", no_wrap=True)
    for d in stats.decks:
        decks.add_row(_safe(d.name), f"{d.total:,}", f"{d.new:,}", f"{d.learning + d.relearning:,}",
                      f"{d.review:,}", f"{d.suspended:,}", f"{d.due_today:,}", pct(d.retention_30d),
                      _deck_knowledge(d))
    if stats.decks:
        console.print(decks)

    if stats.weakest_notes:
        weak = Table(box=box.SIMPLE_HEAD, title="Weakest notes (lowest mean retrievability now)",
                     title_justify="left", pad_edge=False, collapse_padding=True)
        path_width = min(max(len(w.path) for w in stats.weakest_notes), 40)
        weak.add_column("mean R", justify="right", no_wrap=True)
        weak.add_column("cards", justify="right", no_wrap=True)
        weak.add_column("note", min_width=path_width)
        weak.add_column("its weakest card")
        room = max(console.width - path_width - 20, 20)  # the other columns and padding take 20
        for w in stats.weakest_notes:
            weak.add_row(pct(w.retrievability, 0), str(w.cards), _safe(w.path),
                         _safe(f"{pct(w.card_retrievability, 0)} line {w.line}: {w.front}", room))
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
            hard.add_row(str(h.lapses), str(h.reviews), _safe(h.deck), _safe(h.front, room) + flag)
        console.print(hard)


def _deck_knowledge(deck) -> str:
    return f"{deck.knowledge:,.0f}" if deck.reviewed else "—"


def _hints(stats: Stats) -> list[str]:
    """What to do next when there is little to show."""
    if not stats.total_cards and not stats.counts["retired"]:
        return ["No cards" + (" match these filters." if any(stats.filters.values()) else
                              " yet: write some in your notes (see docs/syntax.md), then `mlwiki check`.")]
    if not stats.reviews_total:
        return ["No reviews yet: run `mlwiki review` to start."]
    return []


def _knowledge_line(stats: Stats) -> str:
    if not stats.reviewed_cards:
        return "no card reviewed yet"
    return (f"you remember about [bold]{stats.knowledge:,.0f}[/] of {stats.reviewed_cards:,} reviewed cards now "
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
    header = [" "] * (2 * len(grid[0]))
    for week, cell in enumerate(grid[0]):
        if cell and (week == 0 or cell["date"][8:10] <= "07"):
            name = date.fromisoformat(cell["date"]).strftime("%b")
            if all(ch == " " for ch in header[2 * week - 1 if week else 0: 2 * week + len(name)]):
                header[2 * week: 2 * week + len(name)] = list(name)
    text.append("    " + "".join(header[: 2 * len(grid[0])]).rstrip() + "\n", style="dim")
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
    text.append(f"more (busiest day: {top:,} reviews)", style="dim")
    return text


# --- HTML -------------------------------------------------------------------------------------------------

_CSS = """
:root { --fg: #1f2328; --muted: #656d76; --bg: #ffffff; --panel: #f6f8fa; --line: #d0d7de;
  --accent: #0969da; --good: #1a7f37; --bad: #cf222e;
  --h0: #ebedf0; --h1: #9be9a8; --h2: #40c463; --h3: #30a14e; --h4: #216e39; }
@media (prefers-color-scheme: dark) {
  :root { --fg: #e6edf3; --muted: #8d96a0; --bg: #0d1117; --panel: #161b22; --line: #30363d;
    --accent: #4493f8; --good: #3fb950; --bad: #f85149;
    --h0: #161b22; --h1: #0e4429; --h2: #006d32; --h3: #26a641; --h4: #39d353; } }
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 1100px; padding: 24px; font: 14px/1.45 system-ui, -apple-system, "Segoe UI",
  sans-serif; color: var(--fg); background: var(--bg); }
h1 { font-size: 22px; margin: 0 0 4px; } h2 { font-size: 16px; margin: 0 0 10px; }
.sub { color: var(--muted); margin-bottom: 18px; }
.cards { display: grid; grid-template-columns: repeat(auto-fill, minmax(160px, 1fr)); gap: 10px; margin-bottom: 18px; }
.card { background: var(--panel); border: 1px solid var(--line); border-radius: 8px; padding: 10px 12px; }
.card .v { font-size: 22px; font-weight: 600; } .card .k { color: var(--muted); font-size: 12px; }
section { background: var(--panel); border: 1px solid var(--line); border-radius: 8px; padding: 14px 16px;
  margin-bottom: 16px; overflow-x: auto; }
.row { display: grid; grid-template-columns: 1fr 1fr; gap: 16px; }
@media (max-width: 800px) { .row { grid-template-columns: 1fr; } }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: right; padding: 4px 8px; border-bottom: 1px solid var(--line); white-space: nowrap; }
th:first-child, td:first-child, td.text { text-align: left; }
td.text { white-space: normal; }
svg text { fill: var(--muted); font-size: 10px; }
.bar { fill: var(--accent); } .bar2 { fill: var(--good); } .bar3 { fill: var(--muted); }
.axis { stroke: var(--line); } .target { stroke: var(--bad); stroke-dasharray: 4 3; }
.curve { fill: none; stroke: var(--accent); stroke-width: 2; }
.h0 { fill: var(--h0); } .h1 { fill: var(--h1); } .h2 { fill: var(--h2); } .h3 { fill: var(--h3); }
.h4 { fill: var(--h4); }
.legend span { display: inline-block; width: 10px; height: 10px; margin: 0 4px; border-radius: 2px; }
.good { color: var(--good); } .bad { color: var(--bad); }
"""


def _e(text) -> str:
    return html.escape(str(text if text is not None else ""), quote=True)


def _json_for_script(data) -> str:
    """JSON that cannot end its <script> element or open a comment: <, > and & as \\u escapes."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return (text.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e")
            .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))


def _svg(width: int, height: int, body: list[str], label: str) -> str:
    return (f'<svg viewBox="0 0 {width} {height}" width="100%" role="img" aria-label="{_e(label)}" '
            f'preserveAspectRatio="xMinYMin meet">{"".join(body)}</svg>')


def _bars_svg(labels: list[str], values: list[float], tips: list[str], label: str, width: int = 520,
              height: int = 160, every: int = 1, css: str = "bar") -> str:
    """A column chart: one bar per value, a label under every `every`-th bar, a tooltip on each."""
    left, bottom, top_pad = 34, 22, 8
    n = max(len(values), 1)
    top = max(values, default=0) or 1
    slot = (width - left - 4) / n
    plot_h = height - bottom - top_pad
    body = [f'<line class="axis" x1="{left}" y1="{height - bottom}" x2="{width}" y2="{height - bottom}"/>',
            f'<text x="{left - 4}" y="{top_pad + 8}" text-anchor="end">{_e(_short(top))}</text>',
            f'<text x="{left - 4}" y="{height - bottom}" text-anchor="end">0</text>']
    for i, (value, tip) in enumerate(zip(values, tips)):
        h = plot_h * value / top
        x = left + i * slot + slot * 0.12
        body.append(f'<rect class="{css}" x="{x:.1f}" y="{height - bottom - h:.1f}" width="{slot * 0.76:.1f}" '
                    f'height="{h:.1f}"><title>{_e(tip)}</title></rect>')
        if i % every == 0:
            body.append(f'<text x="{x + slot * 0.38:.1f}" y="{height - 8}" text-anchor="middle">'
                        f'{_e(labels[i])}</text>')
    return _svg(width, height, body, label)


def _short(value: float) -> str:
    if value >= 10000:
        return f"{value / 1000:.0f}k"
    if value >= 1000:
        return f"{value / 1000:.1f}k"
    return f"{value:g}" if isinstance(value, float) else str(value)


def _heatmap_svg(stats: Stats) -> str:
    grid = heat_grid(stats)
    top = max((d.count for d in stats.reviews_per_day), default=0)
    cell, gap, left, top_pad = 12, 3, 30, 16
    weeks = len(grid[0])
    width, height = left + weeks * (cell + gap), top_pad + 7 * (cell + gap)
    body = []
    for week, first in enumerate(grid[0]):
        if first and (week == 0 or first["date"][8:10] <= "07"):
            month = date.fromisoformat(first["date"]).strftime("%b")
            body.append(f'<text x="{left + week * (cell + gap)}" y="10">{month}</text>')
    for weekday, row in enumerate(grid):
        if weekday % 2 == 0:
            body.append(f'<text x="0" y="{top_pad + weekday * (cell + gap) + 10}">{WEEKDAYS[weekday]}</text>')
        for week, c in enumerate(row):
            if c is None:
                continue
            level = heat_level(c["count"], top)
            tip = f'{c["date"]}: {c["count"]} review{"s" if c["count"] != 1 else ""}'
            body.append(f'<rect class="h{level}" x="{left + week * (cell + gap)}" '
                        f'y="{top_pad + weekday * (cell + gap)}" width="{cell}" height="{cell}" rx="2">'
                        f'<title>{_e(tip)}</title></rect>')
    return _svg(width, height, body, "reviews per day, last 26 weeks")


def _retention_svg(stats: Stats) -> str:
    """Grouped bars (young, mature, all) per window, on a 0.5-1 scale, with the desired retention dashed."""
    width, height, left, bottom, top_pad = 520, 180, 34, 22, 8
    low = 0.5
    plot_h = height - bottom - top_pad

    def y(rate: float) -> float:
        return height - bottom - plot_h * (max(rate, low) - low) / (1 - low)

    body = [f'<line class="axis" x1="{left}" y1="{height - bottom}" x2="{width}" y2="{height - bottom}"/>']
    for tick in (0.5, 0.6, 0.7, 0.8, 0.9, 1.0):
        body.append(f'<text x="{left - 4}" y="{y(tick) + 3:.1f}" text-anchor="end">{tick * 100:.0f}%</text>')
    groups = retention_rows(stats)
    slot = (width - left) / len(groups)
    for g, (key, ret) in enumerate(groups):
        for b, (name, ratio, css) in enumerate((("young", ret.young, "bar"), ("mature", ret.mature, "bar2"),
                                                ("all", ret.all, "bar3"))):
            x = left + g * slot + 20 + b * (slot - 40) / 3
            if ratio.rate is not None:
                body.append(f'<rect class="{css}" x="{x:.1f}" y="{y(ratio.rate):.1f}" '
                            f'width="{(slot - 40) / 3 - 4:.1f}" height="{height - bottom - y(ratio.rate):.1f}">'
                            f'<title>{_e(f"{key} {name}: {pct(ratio.rate)} ({ratio.passed}/{ratio.total})")}'
                            '</title></rect>')
        body.append(f'<text x="{left + g * slot + slot / 2:.1f}" y="{height - 8}" text-anchor="middle">'
                    f'last {_e(key)}</text>')
    target = y(stats.desired_retention)
    body.append(f'<line class="target" x1="{left}" y1="{target:.1f}" x2="{width}" y2="{target:.1f}">'
                f'<title>desired retention {pct(stats.desired_retention, 0)}</title></line>')
    return _svg(width, height, body, "true retention by window, young and mature")


def _curve_svg(curve: dict) -> str:
    """R(t) for the median stability, with the desired retention and the interval where R meets it."""
    width, height, left, bottom, top_pad = 520, 180, 34, 22, 8
    points = curve["points"]
    horizon = points[-1][0] or 1
    plot_w, plot_h = width - left - 6, height - bottom - top_pad

    def xy(t: float, r: float) -> tuple[float, float]:
        return left + plot_w * t / horizon, height - bottom - plot_h * r

    body = [f'<line class="axis" x1="{left}" y1="{height - bottom}" x2="{width}" y2="{height - bottom}"/>']
    for tick in (0, 0.25, 0.5, 0.75, 1.0):
        body.append(f'<text x="{left - 4}" y="{xy(0, tick)[1] + 3:.1f}" text-anchor="end">{tick * 100:.0f}%</text>')
    for k in range(5):
        t = horizon * k / 4
        anchor = "start" if k == 0 else ("end" if k == 4 else "middle")
        body.append(f'<text x="{xy(t, 0)[0]:.1f}" y="{height - 8}" text-anchor="{anchor}">{t:.0f} d</text>')
    path = " ".join(f"{x:.1f},{y:.1f}" for x, y in (xy(t, r) for t, r in points))
    body.append(f'<polyline class="curve" points="{path}"><title>R(t) for stability '
                f'{days_text(curve["stability"])}</title></polyline>')
    _, ty = xy(0, curve["desired_retention"])
    body.append(f'<line class="target" x1="{left}" y1="{ty:.1f}" x2="{width}" y2="{ty:.1f}"/>')
    ix, _ = xy(curve["interval_at_desired"], 0)
    body.append(f'<line class="target" x1="{ix:.1f}" y1="{top_pad}" x2="{ix:.1f}" y2="{height - bottom}">'
                f'<title>next review after {days_text(curve["interval_at_desired"])}</title></line>')
    return _svg(width, height, body, "forgetting curve of the median card")


def render_html(stats: Stats, title: str = "mlwiki stats") -> str:
    """One self-contained HTML page (works offline) with the figures as charts and tables, and all the data
    as JSON in <script type="application/json" id="mlwiki-data">."""
    c = stats.counts
    tiles = [
        (f"{stats.total_cards:,}", "live cards"), (f"{stats.due_today:,}", "due today"),
        (f"{stats.due_tomorrow:,}", "due tomorrow"), (f"{stats.reviews_today:,}", "reviews today"),
        (f"{stats.reviews_total:,}", "reviews in all"), (pct(stats.true_retention_30d), "true retention, 30 days"),
        (f"{stats.streak_days}", f"day streak (longest {stats.longest_streak})"),
        (f"{stats.knowledge:,.0f}", "cards you remember now"),
        (duration(stats.time_today_ms), "studied today"), (duration(stats.time_total_ms), "studied in all"),
    ]
    filters = [f"{k} {v if isinstance(v, str) else ', '.join(v)}" for k, v in stats.filters.items() if v]
    out = ["<!DOCTYPE html>", '<html lang="en"><head><meta charset="utf-8">',
           '<meta name="viewport" content="width=device-width, initial-scale=1">',
           f"<title>{_e(title)}</title>", f"<style>{_CSS}</style></head><body>",
           f"<h1>{_e(title)}</h1>",
           f'<div class="sub">Study day {_e(stats.today)} (starts {stats.day_starts_at:02d}:00, {_e(stats.timezone)})'
           f' · {_e("; ".join(filters) or "all cards")} · desired retention {pct(stats.desired_retention, 0)}</div>',
           "".join(f'<p class="sub">{_e(hint)}</p>' for hint in _hints(stats)), '<div class="cards">']
    out += [f'<div class="card"><div class="v">{_e(v)}</div><div class="k">{_e(k)}</div></div>' for v, k in tiles]
    out.append("</div>")

    out.append('<section><h2>Cards</h2><table><tr><th>new</th><th>learning</th><th>review (young / mature)</th>'
               "<th>relearning</th><th>suspended</th><th>leeches</th><th>retired</th></tr>"
               f"<tr><td>{c['new']:,}</td><td>{c['learning']:,}</td><td>{c['review']:,} ({c['young']:,} / "
               f"{c['mature']:,})</td><td>{c['relearning']:,}</td><td>{c['suspended']:,}</td>"
               f"<td>{c['leech']:,}</td><td>{c['retired']:,}</td></tr></table></section>")
    states = [("new", c["new"]), ("learning", c["learning"]), ("young", c["young"]), ("mature", c["mature"]),
              ("relearning", c["relearning"]), ("suspended", c["suspended"])]
    recent = stats.reviews_per_day[-30:]
    out.append('<div class="row"><section><h2>Cards by state</h2>' + _bars_svg(
        [name for name, _ in states], [n for _, n in states], [f"{name}: {n:,} cards" for name, n in states],
        "live cards by state") + "</section>")
    out.append("<section><h2>Time per day, last 30 days</h2>" + _bars_svg(
        [d.date[5:] for d in recent], [round(d.time_ms / 60000, 1) for d in recent],
        [f"{d.date}: {duration(d.time_ms)}, {d.count} reviews" for d in recent], "minutes of review per day",
        every=7, css="bar3") + f'<div class="sub">{duration(stats.time_today_ms)} today · '
               f"{duration(stats.time_total_ms)} in all</div></section></div>")

    forecast = stats.forecast
    out.append('<div class="row"><section><h2>Due in the next 30 days</h2>' + _bars_svg(
        ["today" if i == 0 else f"+{i}" for i in range(len(forecast))], [d.count for d in forecast],
        [f"{d.date}: {d.count} due" for d in forecast], "cards due per day, next 30 days", every=7) + "</section>")
    out.append("<section><h2>Reviews, last 26 weeks</h2>" + _heatmap_svg(stats) +
               '<div class="sub legend">less' + "".join(f'<span style="background:var(--h{i})"></span>'
                                                        for i in range(5)) + "more</div></section></div>")

    rows = "".join(
        f"<tr><td>last {_e(key)}</td><td>{pct(r.young.rate)} <small>({r.young.passed}/{r.young.total})</small></td>"
        f"<td>{pct(r.mature.rate)} <small>({r.mature.passed}/{r.mature.total})</small></td>"
        f"<td>{_delta(r.all.rate, stats.desired_retention)}</td></tr>" for key, r in retention_rows(stats))
    out.append('<div class="row"><section><h2>True retention</h2>' + _retention_svg(stats) +
               '<div class="sub legend"><span style="background:var(--accent)"></span>young '
               '<span style="background:var(--good)"></span>mature <span style="background:var(--muted)"></span>'
               "all · dashed: desired retention</div>" +
               "<table><tr><th>window</th><th>young</th><th>mature</th><th>all vs desired</th></tr>" + rows +
               "</table></section>")
    curve = stats.forgetting_curve
    out.append("<section><h2>Forgetting curve of the median card</h2>" +
               (_curve_svg(curve) + f'<div class="sub">Stability {days_text(curve["stability"])}: recall falls to '
                f'{pct(curve["desired_retention"], 0)} after {days_text(curve["interval_at_desired"])}, when FSRS '
                "schedules the next review.</div>" if curve else '<div class="sub">No card reviewed yet.</div>') +
               "</section></div>")

    hist = stats.stability_histogram
    labels = [f"<{b['to']}" if b["to"] is not None else f"{b['from']}+" for b in hist]
    out.append('<div class="row"><section><h2>Stability</h2>' + _bars_svg(
        labels, [b["count"] for b in hist], [f"{lab} days: {b['count']} cards" for lab, b in zip(labels, hist)],
        "cards by stability in days", css="bar2") +
               f'<div class="sub">average {days_text(stats.average_stability)} · median '
               f'{days_text(stats.median_stability)} · average difficulty '
               f'{"—" if stats.average_difficulty is None else f"{stats.average_difficulty:.2f}"}</div></section>')
    rhist = stats.retrievability_histogram
    out.append("<section><h2>Retrievability now</h2>" + _bars_svg(
        [f"{b['from'] * 100:.0f}" for b in rhist], [b["count"] for b in rhist],
        [f"{b['from'] * 100:.0f}–{b['to'] * 100:.0f}%: {b['count']} cards" for b in rhist],
        "cards by current retrievability") +
               f'<div class="sub">{_e(_plain_knowledge(stats))}</div></section></div>')

    out.append("<section><h2>Decks</h2><table><tr><th>deck</th><th>total</th><th>new</th><th>learning</th>"
               "<th>review</th><th>suspended</th><th>due today</th><th>retention 30d</th>"
               "<th>knowledge</th></tr>")
    for d in stats.decks:
        out.append(f'<tr><td class="text">{_e(d.name)}</td><td>{d.total:,}</td><td>{d.new:,}</td>'
                   f"<td>{d.learning + d.relearning:,}</td><td>{d.review:,}</td><td>{d.suspended:,}</td>"
                   f"<td>{d.due_today:,}</td><td>{pct(d.retention_30d)}</td><td>{_deck_knowledge(d)}</td></tr>")
    out.append("</table></section>")

    out.append('<div class="row"><section><h2>Weakest notes</h2><table><tr><th>mean R</th><th>cards</th>'
               "<th>note</th><th>its weakest card</th></tr>")
    for w in stats.weakest_notes:
        out.append(f"<tr><td>{pct(w.retrievability, 0)}</td><td>{w.cards}</td><td class=\"text\">{_e(w.path)}</td>"
                   f'<td class="text">{pct(w.card_retrievability, 0)} · line {_e(w.line)}: {_e(_clip(w.front))}'
                   "</td></tr>")
    out.append("</table></section><section><h2>Hardest cards</h2><table><tr><th>lapses</th><th>deck</th>"
               "<th>front</th></tr>")
    for h in stats.hardest_cards:
        out.append(f'<tr><td>{h.lapses}</td><td class="text">{_e(h.deck)}</td>'
                   f'<td class="text">{_e(_clip(h.front))}{" (leech)" if h.leech else ""}</td></tr>')
    out.append("</table></section></div>")

    out.append(f'<script type="application/json" id="mlwiki-data">{_json_for_script(stats.to_dict())}</script>')
    out.append("</body></html>")
    return "\n".join(out)


def _clip(text: str, limit: int = 120) -> str:
    flat = " ".join(str(text or "").split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def _delta(rate: float | None, desired: float) -> str:
    if rate is None:
        return "—"
    gap = (rate - desired) * 100
    return f'{pct(rate)} <span class="{"good" if gap >= -1 else "bad"}">({gap:+.1f} pts)</span>'


def _plain_knowledge(stats: Stats) -> str:
    if not stats.reviewed_cards:
        return "No card reviewed yet."
    return (f"You remember about {stats.knowledge:,.0f} of {stats.reviewed_cards:,} reviewed cards now "
            f"(average retrievability {pct(stats.average_retrievability)}).")


__all__ = ["render_terminal", "render_html", "forecast_chart", "heat_grid"]
