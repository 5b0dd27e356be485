"""How well parameters predict recall: log loss and RMSE (binned), measured as Anki measures them.

Both come from fsrs-rs's `evaluate`, the code behind Anki's "Evaluate" button: log loss is the mean binary
cross-entropy of the predicted recall probability against recalled (rating > 1) or forgotten; RMSE (bins) groups
predictions into bins and compares the mean prediction of each bin with its observed recall rate.
"""

from __future__ import annotations

from dataclasses import dataclass

import fsrs_rs_python as fsrs_rs

from mlwiki.optimize.items import TrainingItem

TEST_SHARE = 0.2  # the latest fifth of the items is held out


@dataclass(frozen=True)
class Metrics:
    log_loss: float
    rmse: float


def to_fsrs_items(items: list[TrainingItem]) -> list:
    """fsrs-rs items; each distinct (rating, days) review object is made once, as long histories repeat them."""
    cache: dict[tuple[int, int], object] = {}

    def review(pair):
        made = cache.get(pair)
        if made is None:
            made = cache[pair] = fsrs_rs.FSRSReview(*pair)
        return made

    return [fsrs_rs.FSRSItem([review(pair) for pair in item.reviews]) for item in items]


def evaluate(parameters: list[float], fsrs_items: list) -> Metrics:
    """Log loss and RMSE (bins) of `parameters` on these items."""
    result = fsrs_rs.FSRS(list(parameters)).evaluate(fsrs_items)
    return Metrics(float(result.log_loss), float(result.rmse_bins))


def time_split(count: int, test_share: float = TEST_SHARE) -> int:
    """Where items (in time order) split into the earlier part fitted and the later part held out."""
    return count - max(int(count * test_share), 1)
