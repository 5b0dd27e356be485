"""`mlwiki stats --html`: one self-contained HTML page of a `Stats` (works offline: inline CSS, inline SVG, no
script to run, nothing outside the file).

Charts are laid out by CSS so their text stays at 12 px or more at any page width: the bars are an SVG stretched
to the plot (`preserveAspectRatio="none"`, strokes that do not scale), the axis labels and units are HTML around
it. Note-derived text (deck names, paths, fronts) is untrusted: it is escaped, and only the math of fronts is
typeset (MathML, `render.mathml`); Markdown and HTML in a front show as the text they are. The JSON blob is written so that it cannot close its `<script>` element.
"""

from __future__ import annotations

import html
import json
import math

from mlwiki.stats.compute import Stats
from mlwiki.stats.view import (WEEKDAYS, days_text, deck_target, duration, heat_grid, heat_level, hints, month_labels,
                               parameters_text, pct, plural, retention_rows)

__all__ = ["render_html"]

_CSS = """
:root { color-scheme: light dark; --fg: #1f2328; --muted: #59636e; --bg: #ffffff; --panel: #f6f8fa; --line: #d0d7de;
  --accent: #0969da; --good: #1a7f37; --bad: #cf222e; --grey: #818b98; --grid: #d8dee4;
  --h0: #e4e8ec; --h1: #9be9a8; --h2: #40c463; --h3: #30a14e; --h4: #216e39; }
@media (prefers-color-scheme: dark) {
  :root { --fg: #e6edf3; --muted: #9198a1; --bg: #0d1117; --panel: #161b22; --line: #30363d;
    --accent: #4493f8; --good: #3fb950; --bad: #f85149; --grey: #8b949e; --grid: #262c36;
    --h0: #2a313c; --h1: #0e4429; --h2: #006d32; --h3: #26a641; --h4: #39d353; } }
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 1100px; padding: 24px; font: 14px/1.45 system-ui, -apple-system, "Segoe UI",
  sans-serif; color: var(--fg); background: var(--bg); overflow-wrap: break-word; }
@media (max-width: 600px) { body { padding: 12px; } section { padding: 12px; } }
h1 { font-size: 22px; margin: 0 0 4px; } h2 { font-size: 16px; margin: 0 0 10px; }
.sub { color: var(--muted); margin: 6px 0 0; font-size: 13px; } header .sub { margin-bottom: 18px; }
.tiles { display: grid; grid-template-columns: repeat(auto-fill, minmax(150px, 1fr)); gap: 10px; margin-bottom: 16px; }
.tile { background: var(--panel); border: 1px solid var(--line); border-radius: 8px; padding: 10px 12px; }
.tile .v { font-size: 22px; font-weight: 600; } .tile .k { color: var(--muted); font-size: 13px; }
section { background: var(--panel); border: 1px solid var(--line); border-radius: 8px; padding: 14px 16px;
  margin-bottom: 16px; min-width: 0; }
.row { display: grid; grid-template-columns: minmax(0, 1fr) minmax(0, 1fr); gap: 16px; }
.row > section { margin-bottom: 0; } .row { margin-bottom: 16px; }
@media (max-width: 800px) { .row { grid-template-columns: minmax(0, 1fr); } }
.kv { display: flex; flex-wrap: wrap; gap: 6px 22px; margin: 0; }
.kv div { display: flex; gap: 6px; align-items: baseline; } .kv dt { color: var(--muted); } .kv dd { margin: 0;
  font-weight: 600; }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: right; padding: 4px 6px; border-bottom: 1px solid var(--line); vertical-align: top; }
th { font-size: 13px; } td { white-space: nowrap; }
th:first-child, td:first-child, th.text, td.text { text-align: left; }
td.text { white-space: normal; overflow-wrap: break-word; }
td.front { white-space: normal; text-align: left; min-width: 10em; }
th { white-space: nowrap; }
.path { font-weight: 600; overflow-wrap: break-word; }
.clamp { display: -webkit-box; -webkit-box-orient: vertical; -webkit-line-clamp: 3; overflow: hidden;
  max-width: calc(100vw - 15em); }  /* (a front that shows a wide display formula is cut, not the page widened) */
.clamp p { display: inline; margin: 0; } .clamp p + p::before { content: " "; }
td small { color: var(--muted); }
.ratios td small { display: block; }  /* the counts under their percentage: the table fits half the page */
@media (max-width: 600px) { .opt { display: none; } td small { display: block; } th, td { padding: 4px 3px; }
  th { white-space: normal; } }
.good { color: var(--good); } .bad { color: var(--bad); }
.chart { margin: 4px 0 0; }
.plot { position: relative; margin: 8px 4px 0 44px; border-left: 1px solid var(--line);
  border-bottom: 1px solid var(--line); }
.plot svg { position: absolute; inset: 0; width: 100%; height: 100%; display: block; overflow: visible; }
.y { position: absolute; right: calc(100% + 6px); transform: translateY(50%); }
.x { position: relative; height: 20px; margin: 0 4px 0 44px; }
.x span { position: absolute; top: 3px; transform: translateX(-50%); }
.x span.first { transform: none; } .x span.last { transform: translateX(-100%); }
.y, .x span, figcaption, .legend { font-size: 12px; color: var(--muted); white-space: nowrap; }
figcaption { margin: 2px 0 0 44px; }
@media (max-width: 600px) { .x span.minor { display: none; } }
.grid { stroke: var(--grid); } .target { stroke: var(--bad); stroke-dasharray: 5 4; stroke-width: 1.5; }
.bar { fill: var(--accent); } .bar2 { fill: var(--good); } .bar3 { fill: var(--grey); }
.curve { fill: none; stroke: var(--accent); stroke-width: 2.5; }
.hbars { display: grid; grid-template-columns: max-content minmax(0, 1fr) max-content; gap: 6px 10px;
  align-items: center; }
.hbars .track { height: 14px; } .hbars .fill { display: block; height: 100%; min-width: 2px; border-radius: 2px; }
.hbars .n { text-align: right; font-variant-numeric: tabular-nums; }
.fill.bar { background: var(--accent); } .fill.bar2 { background: var(--good); } .fill.bar3 { background: var(--grey); }
.heat { display: grid; gap: 2px; align-items: center; margin-top: 4px; }
.heat span { font-size: 12px; color: var(--muted); white-space: nowrap; line-height: 1; }
.heat .end { justify-self: end; }
.heat i, .legend i { display: block; aspect-ratio: 1; border-radius: 2px;
  box-shadow: inset 0 0 0 1px rgba(128, 128, 128, 0.18); }
.legend { display: flex; align-items: center; gap: 4px; margin-top: 8px; flex-wrap: wrap; }
.legend i { width: 12px; display: inline-block; }
.legend .sw { display: inline-flex; align-items: center; gap: 4px; margin-right: 8px; }
.h0 { background: var(--h0); } .h1 { background: var(--h1); } .h2 { background: var(--h2); }
.h3 { background: var(--h3); } .h4 { background: var(--h4); }
.legend i.bar { background: var(--accent); } .legend i.bar2 { background: var(--good); }
.legend i.bar3 { background: var(--grey); }
"""


def _e(text) -> str:
    return html.escape(str(text if text is not None else ""), quote=True)


def _breakable(text: str) -> str:
    """Escaped, with line-break chances after the separators of paths and deck names."""
    return _e(text).replace("/", "/<wbr>").replace("::", "::<wbr>")


def _json_for_script(data) -> str:
    """JSON that cannot end its <script> element or open a comment: <, > and & as \\u escapes."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return (text.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e")
            .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))


# --- charts -----------------------------------------------------------------------------------------------


def _nice_top(value: float) -> float:
    """The smallest of 1, 2, 3, 4, 5, 6, 8 × 10^k at or above `value` (an axis end)."""
    if value <= 0:
        return 1
    power = 10 ** math.floor(math.log10(value))
    return next(step * power for step in (1, 2, 3, 4, 5, 6, 8, 10) if step * power >= value)


def _num(value: float) -> str:
    if value >= 10000:
        return f"{value / 1000:.0f}k"
    return f"{value:,.1f}".rstrip("0").rstrip(".") if value % 1 else f"{value:,.0f}"


def _figure(svg: str, units: float, y_ticks: list[tuple[float, str]], x_labels: list[tuple[float, str, str]],
            caption: str, label: str, height: int = 150) -> str:
    """A chart: `svg` drawn in x 0..`units`, y 0 (top) .. 100 (bottom), stretched to the plot; y ticks
    (0..1 up the axis, text) with grid lines; x labels (x, text, css class); the caption names the units."""
    grid = "".join(f'<line class="grid" x1="0" x2="{units}" y1="{100 - 100 * f:.2f}" y2="{100 - 100 * f:.2f}" '
                   'vector-effect="non-scaling-stroke"/>' for f, _ in y_ticks if f > 0)
    ys = "".join(f'<span class="y" style="bottom:{100 * f:.2f}%">{_e(text)}</span>' for f, text in y_ticks)
    xs = "".join(f'<span class="{css}" style="left:{100 * x / units:.2f}%">{_e(text)}</span>'
                 for x, text, css in x_labels)
    return (f'<figure class="chart"><div class="plot" style="height:{height}px">{ys}'
            f'<svg viewBox="0 0 {units} 100" preserveAspectRatio="none" role="img" aria-label="{_e(label)}">'
            f'{grid}{svg}</svg></div><div class="x">{xs}</div><figcaption>{_e(caption)}</figcaption></figure>')


def _x_labels(labels: list[str], every: int = 1, minor_every: int = 2) -> list[tuple[float, str, str]]:
    """Labels under bar centres; every other one is `minor` (hidden on narrow screens) when there are many."""
    shown = [(i, text) for i, text in enumerate(labels) if i % every == 0]
    out = []
    for k, (i, text) in enumerate(shown):
        css = "minor" if len(shown) > 7 and k % minor_every else ""
        out.append((i + 0.5, text, css))
    return out


def _bars(values: list[float], labels: list[str], tips: list[str], caption: str, label: str, every: int = 1,
          css: str = "bar") -> str:
    """A column chart with a tooltip on each bar, y from 0 to a round number."""
    top = _nice_top(max(values, default=0))
    rects = "".join(f'<rect class="{css}" x="{i + 0.12:.2f}" y="{100 - 100 * v / top:.2f}" width="0.76" '
                    f'height="{100 * v / top:.2f}"><title>{_e(tip)}</title></rect>'
                    for i, (v, tip) in enumerate(zip(values, tips)))
    ticks = [(0, "0"), (0.5, _num(top / 2)), (1, _num(top))] if top >= 10 or top % 2 == 0 else [(0, "0"), (1, _num(top))]
    return _figure(rects, max(len(values), 1), ticks, _x_labels(labels, every), caption, label)


def _hbars(rows: list[tuple[str, int]], unit: str, css: str = "bar") -> str:
    """Horizontal bars for categories: name, bar, count."""
    top = max((n for _, n in rows), default=0) or 1
    cells = "".join(f'<span>{_e(name)}</span><span class="track" title="{_e(plural(n, unit))}"><span class="fill '
                    f'{css}" style="width:{100 * n / top:.1f}%"></span></span><span class="n">{n:,}</span>'
                    for name, n in rows)
    return f'<div class="hbars" role="img" aria-label="{_e(unit)}s by state">{cells}</div>'


def _heatmap(stats: Stats) -> str:
    """Reviews per day as a grid (weeks across, Monday first), month names above the first week of each."""
    grid = heat_grid(stats)
    top = max((d.count for d in stats.reviews_per_day), default=0)
    weeks = len(grid[0])
    out = [f'<div class="heat" role="img" aria-label="reviews per day, last 26 weeks" '
           f'style="grid-template-columns:2.4em repeat({weeks}, minmax(0, 18px))">']
    for week, month in month_labels(grid):
        span = min(3, weeks - week)
        end = ' class="end"' if span < 3 else ""  # the last month: right-aligned so it is not cut off
        start = week + 2 if span == 3 else weeks + 2 - 3
        out.append(f'<span{end} style="grid-area:1/{start}/2/span 3">{month}</span>')
    for weekday, row in enumerate(grid):
        if weekday % 2 == 0:
            out.append(f'<span style="grid-area:{weekday + 2}/1">{WEEKDAYS[weekday]}</span>')
        for week, cell in enumerate(row):
            if cell is not None:
                level = heat_level(cell["count"], top)
                out.append(f'<i class="h{level}" style="grid-area:{weekday + 2}/{week + 2}" '
                           f'title="{_e(cell["date"])}: {_e(plural(cell["count"], "review"))}"></i>')
    out.append("</div>")
    legend = "".join(f'<i class="h{i}"></i>' for i in range(5))
    out.append(f'<div class="legend">less {legend} more · busiest day {plural(top, "review")}</div>')
    return "".join(out)


def _retention_chart(stats: Stats) -> str:
    """Grouped bars (young, mature, all) per window on a 0-100 % axis, the desired retention dashed."""
    groups = retention_rows(stats)
    body = []
    for g, (key, ret) in enumerate(groups):
        for b, (name, ratio, css) in enumerate((("young", ret.young, "bar"), ("mature", ret.mature, "bar2"),
                                                ("all", ret.all, "bar3"))):
            if ratio.rate is not None:
                h = 100 * ratio.rate
                tip = f"last {key}, {name}: {pct(ratio.rate)} ({ratio.passed}/{plural(ratio.total, 'review')})"
                body.append(f'<rect class="{css}" x="{4 * g + 0.5 + b:.2f}" y="{100 - h:.2f}" width="0.9" '
                            f'height="{h:.2f}"><title>{_e(tip)}</title></rect>')
    target = 100 - 100 * stats.desired_retention
    body.append(f'<line class="target" x1="0" x2="{4 * len(groups)}" y1="{target:.2f}" y2="{target:.2f}" '
                f'vector-effect="non-scaling-stroke"><title>desired retention {pct(stats.desired_retention, 0)}'
                "</title></line>")
    ticks = [(f, f"{f * 100:.0f}%") for f in (0, 0.25, 0.5, 0.75, 1)]
    labels = [(4 * g + 2, f"last {key}", "") for g, (key, _) in enumerate(groups)]
    return _figure("".join(body), 4 * len(groups), ticks, labels, "share of reviews recalled (%), by window",
                   "true retention by window, young and mature")


def _curve_chart(curve: dict) -> str:
    """R(t) for the median stability, the desired retention and the interval where R meets it (dashed)."""
    step = _nice_top((curve["points"][-1][0] or 1) / 4)  # round day ticks: 0, 2, 4, 6, 8 rather than 0, 2, 3, 5, 7
    horizon = 4 * step
    points = " ".join(f"{100 * t / horizon:.2f},{100 - 100 * r:.2f}" for t, r in curve["points"])
    target = 100 - 100 * curve["desired_retention"]
    ix = 100 * curve["interval_at_desired"] / horizon
    body = (f'<polyline class="curve" points="{points}" vector-effect="non-scaling-stroke"><title>R(t) for '
            f'stability {_e(days_text(curve["stability"]))}</title></polyline>'
            f'<line class="target" x1="0" x2="100" y1="{target:.2f}" y2="{target:.2f}" '
            'vector-effect="non-scaling-stroke"/>'
            f'<line class="target" x1="{ix:.2f}" x2="{ix:.2f}" y1="0" y2="100" vector-effect="non-scaling-stroke">'
            f'<title>next review after {_e(days_text(curve["interval_at_desired"]))}</title></line>')
    ticks = [(f, f"{f * 100:.0f}%") for f in (0, 0.25, 0.5, 0.75, 1)]
    labels = [(100 * k / 4, _num(step * k), "first" if k == 0 else ("last" if k == 4 else "")) for k in range(5)]
    return _figure(body, 100, ticks, labels, "recall probability (%) by days since the last review",
                   "forgetting curve of the median card")


def _legend(items: list[tuple[str, str]], extra: str = "") -> str:
    swatches = "".join(f'<span class="sw"><i class="{css}"></i>{_e(name)}</span>' for css, name in items)
    return f'<div class="legend">{swatches}{_e(extra)}</div>'


# --- the page ---------------------------------------------------------------------------------------------


def render_html(stats: Stats, title: str = "mlwiki stats", extra: str = "") -> str:
    """One self-contained HTML page (works offline) with the figures as charts and tables, and all the data
    as JSON in <script type="application/json" id="mlwiki-data">. `extra`: trusted HTML sections to append."""
    from mlwiki.render.mathml import MATH_CSS, MathML

    math = MathML()

    def front(text: str) -> str:  # note text stays text; only its math is typeset
        return f'<div class="clamp">{math.text_html(text)}</div>'

    filters = [f"{k} {v if isinstance(v, str) else ', '.join(v)}" for k, v in stats.filters.items() if v]
    out = ["<!DOCTYPE html>", '<html lang="en"><head><meta charset="utf-8">',
           '<meta name="viewport" content="width=device-width, initial-scale=1">',
           f"<title>{_e(title)}</title>", f"<style>{_CSS}{MATH_CSS}</style></head><body>",
           f"<header><h1>{_e(title)}</h1>",
           f'<p class="sub">Study day {_e(stats.today)} (starts {stats.day_starts_at:02d}:00, {_e(stats.timezone)})'
           f' · {_e("; ".join(filters) or "all cards")} · desired retention {pct(stats.desired_retention, 0)}'
           f' · FSRS: {_e(parameters_text(stats))}</p>',
           "".join(f'<p class="sub">{_e(hint)}</p>' for hint in hints(stats)), "</header>"]
    out += [_tiles(stats), _cards_section(stats), _activity_rows(stats), _memory_rows(stats),
            _decks_section(stats), _weak_sections(stats, front), extra]
    out.append(f'<script type="application/json" id="mlwiki-data">{_json_for_script(stats.to_dict())}</script>')
    out.append("</body></html>")
    return "\n".join(out)


def _tiles(stats: Stats) -> str:
    tiles = [
        (f"{stats.total_cards:,}", "live cards"), (f"{stats.due_today:,}", "due today"),
        (f"{stats.due_tomorrow:,}", "due tomorrow"), (f"{stats.reviews_today:,}", "reviews today"),
        (f"{stats.reviews_total:,}", "reviews in all"), (pct(stats.true_retention_30d), _retention_tile(stats)),
        (plural(stats.streak_days, "day"), f"streak (longest {stats.longest_streak})"),
        (f"{stats.knowledge:,.0f}", "cards you remember now"),
        (duration(stats.time_today_ms), "studied today"), (duration(stats.time_total_ms), "studied in all"),
    ]
    anki = (stats.reviews_by_source or {}).get("anki", {})
    if anki.get("total"):  # reviews pulled from Anki: where the reviews were made
        mine = stats.reviews_by_source.get("mlwiki", {})
        tiles += [(f"{mine.get('total', 0):,}", "reviews in mlwiki"), (f"{anki['total']:,}", "reviews in Anki")]
    return '<div class="tiles">' + "".join(f'<div class="tile"><div class="v">{_e(v)}</div><div class="k">{_e(k)}'
                                           "</div></div>" for v, k in tiles) + "</div>"


def _retention_tile(stats: Stats) -> str:
    ratio = stats.retention["30d"].all
    return f"true retention, 30 days ({ratio.passed:,} of {ratio.total:,} reviews)" if ratio.total else \
        "true retention, 30 days"


def _cards_section(stats: Stats) -> str:
    c = stats.counts
    items = [("new", c["new"]), ("learning", c["learning"]), ("review", c["review"]), ("young", c["young"]),
             ("mature", c["mature"]), ("relearning", c["relearning"]), ("suspended", c["suspended"]),
             ("leeches", c["leech"]), ("retired", c["retired"])]
    pairs = "".join(f"<div><dt>{name}</dt><dd>{n:,}</dd></div>" for name, n in items)
    states = [("new", c["new"]), ("learning", c["learning"]), ("young", c["young"]), ("mature", c["mature"]),
              ("relearning", c["relearning"]), ("suspended", c["suspended"])]
    return (f'<div class="row"><section><h2>Cards</h2><dl class="kv">{pairs}</dl>'
            '<p class="sub">young: review interval under 21 days; mature: 21 days or more</p></section>'
            f"<section><h2>Cards by state</h2>{_hbars(states, 'card')}</section></div>")


def _activity_rows(stats: Stats) -> str:
    recent = stats.reviews_per_day[-30:]
    time_chart = _bars([round(d.time_ms / 60000, 1) for d in recent], [d.date[5:] for d in recent],
                       [f"{d.date}: {duration(d.time_ms)}, {plural(d.count, 'review')}" for d in recent],
                       "minutes of review per day", "minutes of review per day, last 30 days", every=7, css="bar3")
    forecast = stats.forecast
    due_chart = _bars([d.count for d in forecast], ["today" if i == 0 else f"+{i}" for i in range(len(forecast))],
                      [f"{d.date}: {plural(d.count, 'card')} due" for d in forecast],
                      "cards due per day (days from today)", "forecast: cards due per day, next 30 days", every=7)
    return (f'<div class="row"><section><h2>Time per day, last 30 days</h2>{time_chart}<p class="sub">'
            f"{duration(stats.time_today_ms)} today · {duration(stats.time_total_ms)} in all</p></section>"
            f"<section><h2>Due in the next 30 days</h2>{due_chart}</section></div>"
            f'<section><h2>Reviews, last 26 weeks</h2>{_heatmap(stats)}</section>')


def _memory_rows(stats: Stats) -> str:
    rows = "".join(
        f"<tr><td>last {_e(key)}</td><td>{_ratio(r.young)}</td><td>{_ratio(r.mature)}</td>"
        f"<td>{_ratio(r.all)} {_delta(r.all.rate, stats.desired_retention)}</td></tr>"
        for key, r in retention_rows(stats))
    legend = _legend([("bar", "young"), ("bar2", "mature"), ("bar3", "all")], "· dashed: desired retention")
    curve = stats.forgetting_curve
    curve_html = (_curve_chart(curve) + f'<p class="sub">Stability {days_text(curve["stability"])}: recall falls '
                  f'to {pct(curve["desired_retention"], 0)} after {days_text(curve["interval_at_desired"])}, when '
                  "FSRS schedules the next review.</p>" if curve else '<p class="sub">No card reviewed yet.</p>')
    hist = stats.stability_histogram
    labels = [f"<{b['to']}" if b["to"] is not None else f"{b['from']}+" for b in hist]
    stability = _bars([b["count"] for b in hist], labels,
                      [f"stability {lab} d: {plural(b['count'], 'card')}" for lab, b in zip(labels, hist)],
                      "cards by stability (days)", "cards by stability in days", css="bar2")
    rhist = stats.retrievability_histogram
    retrievability = _bars([b["count"] for b in rhist], [f"{b['from'] * 100:.0f}" for b in rhist],
                           [f"{b['from'] * 100:.0f}–{b['to'] * 100:.0f}%: {plural(b['count'], 'card')}"
                            for b in rhist], "cards by recall probability now (%)", "cards by current retrievability")
    difficulty = "—" if stats.average_difficulty is None else f"{stats.average_difficulty:.2f}"
    return (f'<div class="row"><section><h2>True retention: reviews recalled, by window</h2>{_retention_chart(stats)}{legend}'
            "<table class=\"ratios\"><tr><th>window</th><th>young</th><th>mature</th><th>all, vs desired</th></tr>"
            f"{rows}</table></section><section><h2>Forgetting curve of the median card</h2>{curve_html}</section>"
            f'</div><div class="row"><section><h2>Cards by stability</h2>{stability}<p class="sub">average '
            f"{days_text(stats.average_stability)} · median {days_text(stats.median_stability)} · average "
            f"difficulty {difficulty}</p></section><section><h2>Cards by recall probability now</h2>{retrievability}"
            f'<p class="sub">{_e(_plain_knowledge(stats))}</p></section></div>')


def _decks_section(stats: Stats) -> str:
    head = ("<tr><th>deck</th><th>cards</th><th class=\"opt\">new</th><th class=\"opt\">learning</th>"
            "<th class=\"opt\">review</th><th class=\"opt\">suspended</th><th>due today</th><th>retention 30d</th>"
            "<th class=\"opt\">target</th><th>known</th></tr>")
    rows = "".join(
        f'<tr><td class="text">{_breakable(d.name)}</td><td>{d.total:,}</td><td class="opt">{d.new:,}</td>'
        f'<td class="opt">{d.learning + d.relearning:,}</td><td class="opt">{d.review:,}</td>'
        f'<td class="opt">{d.suspended:,}</td><td>{d.due_today:,}</td><td>{_ratio(d.ratio_30d, 0)}</td>'
        f"<td class=\"opt\">{_e(deck_target(d))}</td><td>{_deck_known(d)}</td></tr>" for d in stats.decks)
    return (f"<section><h2>Decks</h2><table>{head}{rows}</table><p class=\"sub\">known: cards of the deck you "
            "remember now (sum of retrievability) · target: desired retention (* set by a deck preset)</p></section>")


def _weak_sections(stats: Stats, front) -> str:
    weak = "".join(
        f'<tr><td>{pct(w.retrievability, 0)}</td><td>{w.cards}</td><td class="front"><div class="path">'
        f"{_breakable(w.path)}</div><small>weakest card, line {_e(w.line)}: R {pct(w.card_retrievability, 0)}"
        f"{' (suspended)' if w.suspended else ''}"
        f"</small>{front(w.front)}</td></tr>" for w in stats.weakest_notes)
    hard = "".join(
        f'<tr><td>{h.lapses}</td><td class="text">{_breakable(h.deck)}</td><td class="front">{front(h.front)}'
        f'{"<small>leech</small>" if h.leech else "<small>suspended</small>" if h.suspended else ""}</td></tr>'
        for h in stats.hardest_cards)
    weak_table = ('<table><tr><th>mean R</th><th>cards</th><th class="text">note and its weakest card</th></tr>'
                  f"{weak}</table>" if weak else '<p class="sub">No card reviewed yet.</p>')
    hard_table = ('<table><tr><th>lapses</th><th class="text">deck</th><th class="text">front</th></tr>'
                  f"{hard}</table>" if hard else '<p class="sub">No card forgotten yet.</p>')
    return (f"<section><h2>Weakest notes</h2>{weak_table}</section>"
            f"<section><h2>Hardest cards</h2>{hard_table}</section>")


def _deck_known(deck) -> str:
    return f"{deck.knowledge:,.0f}" if deck.reviewed else "—"


def _ratio(ratio, digits: int = 1) -> str:
    """`92.9% (91 of 98)`, the counts small."""
    if ratio.rate is None:
        return "—"
    return f"{pct(ratio.rate, digits)} <small>({ratio.passed:,} of {ratio.total:,})</small>"


def _delta(rate: float | None, desired: float) -> str:
    if rate is None:
        return ""
    gap = (rate - desired) * 100
    return f'<small class="{"good" if gap >= -1 else "bad"}">({gap:+.1f} pts)</small>'


def _plain_knowledge(stats: Stats) -> str:
    if not stats.reviewed_cards:
        return "No card reviewed yet."
    return (f"You remember about {stats.knowledge:,.0f} of {plural(stats.reviewed_cards, 'reviewed card')} now "
            f"(average retrievability {pct(stats.average_retrievability)}).")
