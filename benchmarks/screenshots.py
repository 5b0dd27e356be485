"""Screenshots of the card page (`o` in review) and the stats page, for a person to look at.

    python benchmarks/screenshots.py                 # into ./screenshots
    python benchmarks/screenshots.py --out /tmp/shots --days 90

Builds the wiki of tests/pages.py (the bundled notes, a note of layouts and a macros file, reviewed for --days
simulated days), then headless Chromium (Debian's `chromium`) shoots each page at 1280 and 400 px wide, in light
and dark: the stats page whole and in bands of 1,000 px (an image viewer shrinks a 4,000 px tall page to mush), and
the card pages of the aligned formulas (Adam, momentum, multi-head attention), the layouts and the clozes.
Prints each file with the page's size and how long the browser took to lay it out and shoot it.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE.parent), str(HERE.parent / "tests")]  # this checkout's mlwiki and the test helpers

from browser import Browser, find_chromium  # noqa: E402
from pages import make_world  # noqa: E402

CARDS = [("optimization/adam.qmd", "formula"), ("optimization/sgd-momentum.md", "formula"),
         ("transformers/attention.qmd", "formula"), ("layouts.md", "basic"), ("layouts.md", "cloze"),
         ("deep-learning/softmax.md", "cloze")]
BAND = 1000


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", type=Path, default=Path("screenshots"))
    parser.add_argument("--days", type=int, default=60)
    args = parser.parse_args()
    if find_chromium() is None:
        print("no chromium on PATH: apt-get install chromium", file=sys.stderr)
        return 1
    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as folder, Browser() as browser:
        world = make_world(Path(folder), days=args.days)
        pages = [("stats", world.stats_page)]
        for note, kind in CARDS:
            found = [cid for cid, c in world.cards.items() if note in c.path and c.kind == kind]
            pages += [(f"card-{Path(note).stem}-{kind}-{k + 1}", world.card_pages[cid])
                      for k, cid in enumerate(found[:4])]
        for name, path in pages:
            for width in (1280, 400):
                for dark in (False, True):
                    shoot(browser, path, args.out / f"{name}-{width}-{'dark' if dark else 'light'}.png", width, dark)
    return 0


def shoot(browser: Browser, page_file: Path, target: Path, width: int, dark: bool) -> None:
    """The whole page, and bands of it when it is taller than one band."""
    start = time.perf_counter()
    page = browser.page(page_file.as_uri(), width=width, dark=dark)
    height = page.evaluate("document.documentElement.scrollHeight")
    page.screenshot(target)
    bands = 0
    if height > BAND * 1.5:
        for bands, top in enumerate(range(0, height, BAND), 1):
            page.screenshot(target.with_name(f"{target.stem}-part{bands}.png"), top, min(BAND, height - top))
    page.close()
    extra = f", {bands} bands" if bands else ""
    print(f"{target}  {width}x{height}{extra}  {time.perf_counter() - start:.2f} s")


if __name__ == "__main__":
    sys.exit(main())
