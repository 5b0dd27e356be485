"""Study days: the learner's time zone and the day boundaries every schedule, queue and statistic counts in.

A study day starts at `day_starts_at` (04:00 by default) local time, as in Anki: a review at 01:00 still counts
for the day before.
"""

from __future__ import annotations

import functools
import os
from datetime import date, datetime, time, timedelta, timezone, tzinfo
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from mlwiki.config import ReviewSettings
from mlwiki.errors import UsageError


def local_zone(settings: ReviewSettings) -> tzinfo:
    """The learner's time zone: `[review] timezone` if set, else the system's."""
    if settings.timezone:
        try:
            return ZoneInfo(settings.timezone)
        except (ZoneInfoNotFoundError, ValueError):
            raise UsageError(f"unknown time zone {settings.timezone!r} in [review] timezone") from None
    return system_zone()


@functools.cache
def system_zone() -> tzinfo:
    """The system's zone with its daylight-saving rules ($TZ, else /etc/localtime), so that a study day still
    starts at 04:00 after the clocks change; where neither names a zone, today's fixed offset."""
    candidates = []
    if os.environ.get("TZ"):
        candidates.append(os.environ["TZ"].lstrip(":"))
    try:
        candidates.append(os.path.realpath("/etc/localtime").split("/zoneinfo/", 1)[1])
    except (IndexError, OSError):
        pass
    for name in candidates:
        try:
            return ZoneInfo(name)
        except (ZoneInfoNotFoundError, ValueError, OSError):
            continue
    try:
        with open("/etc/localtime", "rb") as tzfile:  # a copied (not linked) zone file
            return ZoneInfo.from_file(tzfile, key="localtime")
    except (OSError, ValueError):
        return datetime.now().astimezone().tzinfo or timezone.utc


def study_date(when: datetime, zone: tzinfo, starts_at: int) -> date:
    """The study day (a calendar date) holding `when`: a day starts at `starts_at` o'clock in `zone`."""
    local = when.astimezone(zone)
    return local.date() - timedelta(days=1) if local.hour < starts_at else local.date()


def day_start(day: date, zone: tzinfo, starts_at: int) -> datetime:
    """When the study day `day` starts, in UTC."""
    return datetime.combine(day, time(starts_at), tzinfo=zone).astimezone(timezone.utc)


def study_day(now: datetime, settings: ReviewSettings) -> tuple[datetime, datetime]:
    """(start, end) in UTC of the study day holding `now`."""
    zone = local_zone(settings)
    day = study_date(now, zone, settings.day_starts_at)
    return day_start(day, zone, settings.day_starts_at), day_start(day + timedelta(days=1), zone,
                                                                   settings.day_starts_at)
