"""Study days: the learner's time zone and the day boundaries every schedule, queue and statistic counts in.

A study day starts at `day_starts_at` (04:00 by default) local time, as in Anki: a review at 01:00 still counts
for the day before.
"""

from __future__ import annotations

import functools
import os
from dataclasses import dataclass
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


# --- study days for FSRS ---------------------------------------------------------------------------------------

EPOCH_DAY = date(2000, 1, 1)  # study-day number 0
FSRS_EPOCH = datetime(2000, 1, 1, tzinfo=timezone.utc)
_UNDER_A_DAY = timedelta(days=1) - timedelta(microseconds=1)


def day_number(when: datetime, zone: tzinfo, starts_at: int) -> int:
    """The study-day number of `when` (days since 2000-01-01, counted in study days, so a daylight-saving
    change never makes a day of 23 or 25 hours count differently)."""
    return (study_date(when, zone, starts_at) - EPOCH_DAY).days


def fsrs_time(when: datetime, zone: tzinfo, starts_at: int,
              previous: tuple[datetime, datetime] | None = None) -> datetime:
    """The time to hand fsrs for a review at `when`, so that it counts elapsed days as Anki does.

    fsrs counts whole 24-hour periods between the times it is given (`(now - last_review).days`); Anki counts
    study days (this review's study-day number minus the last one's). `previous` is the card's previous review
    as (real time, the fsrs time it was given), None for its first. The result, in UTC:

    * first review: midnight UTC of FSRS_EPOCH + its study-day number days;
    * on a later study day: the previous fsrs time + the study-day difference in whole days, so fsrs sees exactly
      that many elapsed days however late the last review and however early this one was;
    * on the same study day: the previous fsrs time + the real time between them (kept under a day even on a
      25-hour study day), so minutes within a day still count, as learning steps need.

    Only differences between consecutive reviews of one card matter to fsrs, so any anchor for `previous` works:
    `fsrs_time(last, zone, h)` stands for a card's last review when only its cached state is known.

    This reproduces Anki's `Collection.compute_memory_state` to ~1e-6 (tests/test_studyday.py). One difference:
    Anki counts days back from today's rollover in steps of 24 hours, so across a daylight-saving change a review
    within an hour of the rollover hour can fall on the neighbouring day there; here each study day starts at
    `starts_at` local time on both sides of the change, and a replay does not depend on when it runs.
    """
    day = day_number(when, zone, starts_at)
    if previous is None:
        return FSRS_EPOCH + timedelta(days=day)
    real_before, fsrs_before = previous
    days = day - day_number(real_before, zone, starts_at)
    if days > 0:
        return fsrs_before + timedelta(days=days)
    # same study day (or a clock that went back): the real gap, never negative, never a whole day
    return fsrs_before + min(max(when - real_before, timedelta(0)), _UNDER_A_DAY)


def fsrs_times(times: list[datetime], zone: tzinfo, starts_at: int) -> list[datetime]:
    """One card's review times, oldest first, mapped for fsrs (see `fsrs_time`): between consecutive results,
    whole days = the study-day difference, and reviews within one study day keep their real gaps.
    For replaying or optimizing with fsrs on a whole history (e.g. `fsrs.ReviewLog.review_datetime`)."""
    mapped: list[datetime] = []
    for when in times:
        mapped.append(fsrs_time(when, zone, starts_at, (times[len(mapped) - 1], mapped[-1]) if mapped else None))
    return mapped


@dataclass(frozen=True)
class StudyCalendar:
    """Study days in one zone with one day start: numbers, starts, and times mapped for fsrs."""

    zone: tzinfo
    starts_at: int

    @classmethod
    def from_settings(cls, settings: ReviewSettings) -> "StudyCalendar":
        return cls(local_zone(settings), settings.day_starts_at)

    def number(self, when: datetime) -> int:
        """The study-day number holding `when`."""
        return day_number(when, self.zone, self.starts_at)

    def date(self, when: datetime) -> date:
        """The study day (a calendar date) holding `when`."""
        return study_date(when, self.zone, self.starts_at)

    def day_start(self, day: date) -> datetime:
        """When the study day `day` (a calendar date) starts, in UTC."""
        return day_start(day, self.zone, self.starts_at)

    def bounds(self, when: datetime) -> tuple[datetime, datetime]:
        """(start, end) in UTC of the study day holding `when`."""
        day = self.date(when)
        return day_start(day, self.zone, self.starts_at), day_start(day + timedelta(days=1), self.zone,
                                                                    self.starts_at)

    def days_until(self, due: datetime, now: datetime) -> int:
        """Study days from the day holding `now` to the day holding `due` (0: due today or earlier today)."""
        return self.number(due) - self.number(now)

    def start(self, number: int) -> datetime:
        """When study day `number` starts, in UTC."""
        return day_start(EPOCH_DAY + timedelta(days=number), self.zone, self.starts_at)

    def fsrs_time(self, when: datetime, previous: tuple[datetime, datetime] | None = None) -> datetime:
        """`fsrs_time` in this calendar."""
        return fsrs_time(when, self.zone, self.starts_at, previous)

    def fsrs_times(self, times: list[datetime]) -> list[datetime]:
        """`fsrs_times` in this calendar."""
        return fsrs_times(times, self.zone, self.starts_at)
