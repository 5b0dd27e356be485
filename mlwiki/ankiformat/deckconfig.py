"""Anki's deck option presets ("deck configs", schema 11 JSON in `col.dconf`): mlwiki's `[review]` values and
each `[deck_options."…"]` preset written as one, with its FSRS parameters and desired retention, so Anki
schedules imported decks the way mlwiki does (import with "Import deck presets" ticked)."""

from __future__ import annotations

import copy
import hashlib

# Anki's enums (proto/anki/deck_config.proto): review sort orders and how new cards mix with reviews.
REVIEW_ORDERS = {"due": 0, "deck": 2, "interval-asc": 3, "interval-desc": 4, "retrievability": 7, "random": 8,
                 "overdueness": 12}
NEW_MIXES = {"mix": 0, "after": 1, "before": 2}


def preset_id(name: str) -> int:
    """A stable deck-config id for a preset name (far from Anki's own small ids)."""
    return 10**12 + int.from_bytes(hashlib.blake2b(("mlwiki-preset:" + name).encode(), digest_size=4).digest(), "big")


def preset_conf(base: dict, name: str, settings, parameters: list[float], mtime: int) -> dict:
    """A schema-11 deck config named `name` from `base` (the package's default one) with `settings` (a
    ReviewSettings) and FSRS-6 `parameters`."""
    conf = copy.deepcopy(base)
    conf.update({
        "id": preset_id(name), "name": name, "mod": mtime, "usn": -1,
        "fsrsParams6": [float(p) for p in parameters], "desiredRetention": settings.desired_retention,
        "easyDaysPercentages": list(settings.easy_days), "reviewOrder": REVIEW_ORDERS[settings.review_order],
        "newMix": NEW_MIXES[settings.new_mix],
    })
    conf["new"] = dict(conf.get("new", {}), perDay=settings.new_per_day,
                       delays=[step.total_seconds() / 60 for step in settings.learning_steps])
    conf["rev"] = dict(conf.get("rev", {}), perDay=settings.reviews_per_day, maxIvl=settings.maximum_interval,
                       bury=True)
    conf["lapse"] = dict(conf.get("lapse", {}), delays=[step.total_seconds() / 60 for step in settings.relearning_steps],
                         leechFails=settings.leech_threshold)
    return conf
