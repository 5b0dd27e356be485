"""`mlwiki serve`: answer → next card drawn, measured in headless Chromium on the bundled notes (target p95 ≤ 50 ms).

Usage: python benchmarks/serve_bench.py [--answers 60] [--notes N]

Starts the real `mlwiki serve` on a copy of the bundled notes (with the layouts note and macros file the page tests
use), opens the review page in headless Chromium and answers cards by keyboard: Space, then a rating. The page times
each answer itself, from the key to the next card laid out (the POST commits the review with fsync, the server
rescans the notes and renders the next card's MathML, the page swaps it in). Baseline, measured in the same run and
page: a GET of a tiny resource from the same server (the HTTP round trip through the browser, uvicorn and
Starlette that any answer pays), timed the same way. `--notes N` runs on a synthetic wiki of N notes
(benchmarks/make_wiki.py) instead, to see that the server's own rescan stays off the answer path.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(REPO), str(REPO / "tests"), str(REPO / "benchmarks")]

from browser import Browser  # noqa: E402
from serving import Server, bundled_wiki, review_count  # noqa: E402

FLOOR_JS = """(async () => { const t = performance.now(); const r = await fetch('/favicon.ico');
  await r.arrayBuffer(); void document.body.offsetHeight; return performance.now() - t; })()"""


def p95(values: list[float]) -> float:
    return sorted(values)[max(int(round(0.95 * len(values))) - 1, 0)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--answers", type=int, default=60)
    parser.add_argument("--notes", type=int, default=0, help="a synthetic wiki of this many notes instead")
    args = parser.parse_args()
    from test_serve_browser import after, press, wait  # the same key presses as the browser tests

    with tempfile.TemporaryDirectory() as folder, Browser() as browser:
        root = Path(folder) / "wiki"
        if args.notes:
            from make_wiki import make_wiki

            make_wiki(root, args.notes, 1)
        else:
            bundled_wiki(root)
        with Server(root, "--new", "1000") as server:
            page = browser.page(server.base + "/", width=1280)
            wait(page, "window.mlwiki && window.mlwiki.renders > 0")
            ours, floor = [], []
            for n in range(args.answers):
                if page.evaluate("window.mlwiki.card") is None:
                    break
                press(page, " ")
                after(page, lambda: press(page, "3" if n % 5 else "1"))
                ours.append(page.evaluate("window.mlwiki.latency"))
                floor.append(page.evaluate(FLOOR_JS))
            answered = review_count(root)
            page.close()
    assert answered == len(ours), (answered, len(ours))
    ours_p95, floor_p95 = p95(ours), p95(floor)
    wiki = f"a synthetic wiki of {args.notes} notes" if args.notes else "bundled notes"
    print(f"answers timed in the browser: {len(ours)} ({wiki}, every one committed)")
    print(f"answer → next card drawn: median {statistics.median(ours):.1f} ms, p95 {ours_p95:.1f} ms")
    print(f"baseline (GET of a tiny file, same page and server): median {statistics.median(floor):.1f} ms, "
          f"p95 {floor_p95:.1f} ms")
    print(f"ratio p95 answer / baseline: {ours_p95 / floor_p95:.1f}x")
    print(f"target p95 ≤ 50 ms: {'PASS' if ours_p95 <= 50 else 'FAIL'}")


if __name__ == "__main__":
    main()
