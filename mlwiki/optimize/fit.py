"""Fit FSRS-6 parameters to the review log, keep them only when they predict later reviews better.

The optimizer is fsrs-rs (through fsrs-rs-python), with the training settings Anki uses (8 epochs, card ids,
short-term memory on, the number of relearning steps). Items are in time order; the earlier 80 % are fitted and
the latest 20 % held out. The fitted parameters are kept when their held-out log loss is lower than that of the
defaults and of the parameters in use; the figures printed are exactly those of the parameters kept.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime

import fsrs.scheduler
import fsrs_rs_python as fsrs_rs

from mlwiki.errors import MlwikiError
from mlwiki.optimize.evaluate import Metrics, evaluate, time_split, to_fsrs_items
from mlwiki.optimize.items import Items, entries_from_rows, training_items
from mlwiki.sources.notes import paused_gc
from mlwiki.store.parameters import StoredParameters, active_parameters, log_for_optimizer, save_parameters
from mlwiki.studyday import StudyCalendar

MIN_ITEMS = 400  # Anki's figure for too few items (rslib, scheduler/fsrs/params.rs, compute_params)
DEFAULTS = [float(x) for x in fsrs.scheduler.DEFAULT_PARAMETERS]
EPOCHS = 8  # as Anki's "Optimize"


class NotEnoughHistory(MlwikiError):
    """Too few reviews to fit parameters; nothing was changed."""


@dataclass(frozen=True)
class OptimizeResult:
    """What one run found: the fitted parameters, the figures for defaults, parameters in use and fitted."""

    parameters: list[float]
    reviews: int
    items: int
    train_items: int
    test_items: int
    default: Metrics
    fitted: Metrics
    current: Metrics | None  # the parameters in use, when `optimize` kept some before
    kept: bool
    saved: bool  # kept and written (not --dry-run)

    def to_dict(self) -> dict:
        """The --json form (keys named in the issue, then the extra counts)."""
        return {
            "parameters": self.parameters, "reviews": self.reviews,
            "log_loss_default": self.default.log_loss, "log_loss_fitted": self.fitted.log_loss,
            "rmse_default": self.default.rmse, "rmse_fitted": self.fitted.rmse, "kept": self.kept,
            "saved": self.saved, "items": self.items, "train_items": self.train_items,
            "test_items": self.test_items,
            "log_loss_current": self.current.log_loss if self.current else None,
            "rmse_current": self.current.rmse if self.current else None,
        }


def fit_parameters(fsrs_items: list, card_ids: list[int], relearning_steps: int) -> list[float]:
    """fsrs-rs's fit, as Anki runs it, rounded to 4 places and kept within the bounds the `fsrs` package accepts
    (fsrs-rs works in 32-bit floats: 0.8 comes back as 0.80000001, over the scheduler's limit)."""
    try:
        raw = fsrs_rs.FSRS(DEFAULTS).compute_parameters(
            fsrs_items, card_ids=card_ids, enable_short_term=True, num_relearning_steps=relearning_steps,
            training_config=fsrs_rs.TrainingConfig(num_epochs=EPOCHS))
    except Exception as exc:  # fsrs-rs raises plain ValueError/RuntimeError for data it cannot use
        raise MlwikiError(f"the FSRS optimizer failed on this history: {exc}") from None
    low, high = fsrs.scheduler.LOWER_BOUNDS_PARAMETERS, fsrs.scheduler.UPPER_BOUNDS_PARAMETERS
    return [min(max(round(float(x), 4), lo), hi) for x, lo, hi in zip(raw, low, high)]


def optimize_items(found: Items, current: list[float] | None, relearning_steps: int) -> OptimizeResult:
    """Fit on the earlier items, measure on the later ones, decide whether to keep (pure: nothing is saved)."""
    items = found.items
    if len(items) < MIN_ITEMS:
        raise NotEnoughHistory(
            f"too little history to optimize: {found.reviews} usable reviews give {len(items)} training items "
            f"(reviews on a later day than the card's previous one); optimize needs at least {MIN_ITEMS}, so keep "
            "reviewing and try again — nothing was changed")
    numbers: dict[str, int] = {}
    card_ids = [numbers.setdefault(item.card_id, len(numbers)) for item in items]
    fsrs_items = to_fsrs_items(items)
    cut = time_split(len(items))
    fitted = fit_parameters(fsrs_items[:cut], card_ids[:cut], relearning_steps)
    held_out = fsrs_items[cut:]
    default, mine = evaluate(DEFAULTS, held_out), evaluate(fitted, held_out)
    in_use = evaluate(current, held_out) if current else None
    best_before = min(default.log_loss, in_use.log_loss if in_use else default.log_loss)
    return OptimizeResult(fitted, found.reviews, len(items), cut, len(items) - cut, default, mine, in_use,
                          kept=mine.log_loss < best_before, saved=False)


def optimize_store(store, config, now: datetime, dry_run: bool = False, preset: str | None = None) -> OptimizeResult:
    """Fit to the wiki's whole review log (or, with `preset`, to the reviews of that deck preset's cards, as Anki
    fits each preset); save the parameters (dated `now`) when kept, unless `dry_run`."""
    settings = config.review
    active = (active_parameters(store, preset) or active_parameters(store)) if preset else active_parameters(store)
    rows = log_for_optimizer(store)
    if preset is not None:
        wanted = preset_card_ids(store, config, preset)
        rows = [row for row in rows if row[0] in wanted]
    with paused_gc():  # a million small tuples, no cycles: the collector would only re-scan them
        found = training_items(entries_from_rows(rows), StudyCalendar.from_settings(settings).date)
        result = optimize_items(found, active.values if active else None, len(settings.relearning_steps))
    if result.kept and not dry_run:
        figures = {"reviews": result.reviews, "items": result.items, "log_loss_default": result.default.log_loss,
                   "log_loss_fitted": result.fitted.log_loss, "rmse_default": result.default.rmse,
                   "rmse_fitted": result.fitted.rmse}
        save_parameters(store, now, "optimize", result.parameters, figures, preset=preset)
        return replace(result, saved=True)
    return result


def preset_card_ids(store, config, preset: str) -> set[str]:
    """Ids of the cards (retired ones too: their reviews still teach) whose deck uses `preset`."""
    from mlwiki.store.cards import CardFilter, decks_of, selected_ids

    decks = decks_of(store, sorted(selected_ids(store, CardFilter(), include_retired=True)))
    return {cid for cid, deck in decks.items() if config.preset_of(deck) == preset}


def reset_store(store, now: datetime, preset: str | None = None) -> StoredParameters | None:
    """Go back to FSRS's defaults for new answers (a dated row in the history; of one preset with `preset`).
    Returns what was in use."""
    active = active_parameters(store, preset)
    if active is not None and active.values is not None:
        save_parameters(store, now, "reset", None, preset=preset)
    return active
