"""How well and how fast the pages' LaTeX -> MathML works, on the math of real notes.

    python benchmarks/math_bench.py                       # the bundled notes
    python benchmarks/math_bench.py ~/wiki /other/notes   # plus other folders of notes (read only)

Collects every math span of every card side (as the export writes them: Markdown -> sanitized HTML, then each
`\\(…\\)`/`\\[…\\]`), converts each with render.mathml (math-core, after its rewrites) and, when it is installed,
with latex2mathml (the converter the card page used before) as the baseline. Counts, per converter: spans that fail,
spans whose MathML shows alignment marks or row breaks as text (`<mi>&</mi>`, `<mspace linebreak>`, which browsers
ignore) or TeX macros as identifiers (`<mi>\\arg</mi>`), and the time for all spans.
"""

from __future__ import annotations

import html
import re
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE.parent)]  # the mlwiki of this checkout

from mlwiki.config import config_from_dict, load_config  # noqa: E402
from mlwiki.render.html import markdown_to_html  # noqa: E402
from mlwiki.render.mathml import MathML  # noqa: E402
from mlwiki.scan.collect import collect  # noqa: E402

_MATH = re.compile(r"\\\[(.+?)\\\]|\\\((.+?)\\\)", re.DOTALL)
_BROKEN = re.compile(r"<mi>&amp;</mi>|<mi>&</mi>|linebreak=|<mi>\\|<merror")


def spans(root: Path) -> list[tuple[str, bool]]:
    """(TeX, display) of every math span of the cards under `root`."""
    config = load_config(root) if (root / "mlwiki.toml").is_file() else config_from_dict(root, {"notes": "."},
                                                                                             has_file=False)
    found = []
    for card in collect(config).cards:
        for side in (card.front, card.back):
            for match in _MATH.finditer(markdown_to_html(side)):
                found.append((html.unescape(match.group(1) or match.group(2)), match.group(1) is not None))
    return found


def measure(name: str, convert, items: list[tuple[str, bool]]) -> None:
    failed = broken = 0
    start = time.perf_counter()
    for latex, display in items:
        try:
            out = convert(latex, display)
        except Exception:  # noqa: BLE001 - a converter's failure is what is counted here
            out = None
        if out is None:
            failed += 1
        elif _BROKEN.search(out):
            broken += 1
    seconds = time.perf_counter() - start
    print(f"{name:<14} {len(items):>6} spans  {failed:>4} fail  {broken:>4} wrong  {seconds * 1000:8.1f} ms "
          f"({seconds / max(len(items), 1) * 1e6:.0f} µs a span)")


def main() -> int:
    roots = [HERE.parent] + [Path(p) for p in sys.argv[1:]]
    items = [span for root in roots for span in spans(root)]
    print(f"math spans of {', '.join(str(r) for r in roots)}")
    math = MathML()
    measure("math-core", math.convert, items)
    try:
        import latex2mathml.converter as baseline
    except ImportError:
        print("latex2mathml    not installed (pip install latex2mathml for the baseline)")
        return 0
    measure("latex2mathml", lambda tex, display: baseline.convert(tex, display="block" if display else "inline"),
            items)
    return 0


if __name__ == "__main__":
    sys.exit(main())
