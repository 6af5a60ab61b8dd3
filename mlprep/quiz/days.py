"""Study days, the clock and the daily limits: the pieces the quiz, stats and plan share.

A study day starts at the rollover hour (04:00 by default, like Anki), so an
answer given at 01:00 still belongs to the evening before. Cards in the FSRS
review state (intervals of one day or more) are due at the start of the study
day their due time falls on; learning and relearning steps keep their exact
times. Nothing here touches the FSRS state itself: only which cards a session
shows.

Everything that depends on the outside world (the time, the time zone, the
environment, the store's settings) is passed in, so tests are deterministic.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone, tzinfo
from typing import Protocol

from mlprep.errors import UsageError

Clock = Callable[[], datetime]

STATE_REVIEW = 2  # fsrs.State.Review: intervals of whole days

DEFAULT_ROLLOVER_HOUR = 4
DEFAULT_NEW_PER_DAY = 20
DEFAULT_REVIEW_CAP = 200

ROLLOVER_ENV = "MLPREP_ROLLOVER_HOUR"
NOW_ENV = "MLPREP_NOW"  # tests and demos: a fixed "now" (ISO 8601 with an offset)


def utc_now() -> datetime:
    return datetime.now(timezone.utc)


def clock_from_env(env: Mapping[str, str] | None = None) -> Clock:
    """The real clock, or the fixed time in MLPREP_NOW (for reproducible runs and tests)."""
    env = os.environ if env is None else env
    value = env.get(NOW_ENV, "").strip()
    if not value:
        return utc_now
    try:
        fixed = datetime.fromisoformat(value)
    except ValueError:
        raise UsageError(
            f"{NOW_ENV} must be an ISO date and time like 2026-03-01T20:00:00+00:00, not '{value}'"
        ) from None
    if fixed.tzinfo is None:
        fixed = fixed.astimezone()
    return lambda: fixed


@dataclass(frozen=True)
class StudyDays:
    """Study days that start at `rollover_hour` local time (`tz`; None: the system's zone)."""

    rollover_hour: int = DEFAULT_ROLLOVER_HOUR
    tz: tzinfo | None = None

    def _local(self, moment: datetime) -> datetime:
        return moment.astimezone(self.tz) if self.tz is not None else moment.astimezone()

    def day_of(self, moment: datetime) -> date:
        """The study day `moment` belongs to."""
        return (self._local(moment) - timedelta(hours=self.rollover_hour)).date()

    def day_of_stamp(self, stamp: float) -> date:
        return self.day_of(datetime.fromtimestamp(stamp, tz=timezone.utc))

    def start(self, day: date) -> datetime:
        """When study day `day` begins (the rollover hour, local time)."""
        naive = datetime(day.year, day.month, day.day, self.rollover_hour)
        if self.tz is not None:
            return naive.replace(tzinfo=self.tz)
        return naive.astimezone()

    def start_of_today(self, now: datetime) -> datetime:
        return self.start(self.day_of(now))

    def end_of_today(self, now: datetime) -> datetime:
        return self.start(self.day_of(now) + timedelta(days=1))

    def due_now(self, state: int, due: float, now: datetime) -> bool:
        """Whether a card with FSRS `state` and `due` (unix seconds) is due at `now`.

        Review cards (whole-day intervals) are due from the start of their study
        day; learning and relearning steps at their exact time.
        """
        if state == STATE_REVIEW:
            return self.day_of_stamp(due) <= self.day_of(now)
        return due <= now.timestamp()

    def due_day(self, state: int, due: float, now: datetime) -> int:
        """Study days from today until the card is due (0: today or overdue)."""
        if state != STATE_REVIEW and due <= now.timestamp():
            return 0
        return max(0, (self.day_of_stamp(due) - self.day_of(now)).days)


class SettingsSource(Protocol):
    def setting(self, key: str) -> str | None: ...


# Settings the user can change with `mlprep config KEY VALUE` (stored in the progress store).
NEW_PER_DAY_KEY = "new-per-day"
REVIEW_CAP_KEY = "review-cap"
ROLLOVER_KEY = "rollover-hour"


@dataclass(frozen=True)
class SettingSpec:
    key: str
    default: int
    low: int
    high: int
    help: str


SETTINGS: dict[str, SettingSpec] = {
    spec.key: spec
    for spec in (
        SettingSpec(
            NEW_PER_DAY_KEY, DEFAULT_NEW_PER_DAY, 0, 9999, "new cards a day (quiz and plan)"
        ),
        SettingSpec(
            REVIEW_CAP_KEY,
            DEFAULT_REVIEW_CAP,
            0,
            99999,
            "reviews a day at most (the most overdue come first)",
        ),
        SettingSpec(
            ROLLOVER_KEY,
            DEFAULT_ROLLOVER_HOUR,
            0,
            23,
            f"hour a study day starts (env {ROLLOVER_ENV} wins)",
        ),
    )
}


def parse_setting(key: str, value: str, source: str) -> int:
    """A setting's value as an int in range, or a `UsageError` naming `source`."""
    spec = SETTINGS[key]
    try:
        number = int(value.strip())
    except ValueError:
        number = None
    if number is None or not spec.low <= number <= spec.high:
        raise UsageError(
            f"{source} must be a whole number from {spec.low} to {spec.high}, not '{value}'"
        )
    return number


@dataclass(frozen=True)
class DailyLimits:
    """The user's daily rules, as `quiz`, `stats` and `plan` all read them."""

    new_per_day: int = DEFAULT_NEW_PER_DAY
    review_cap: int = DEFAULT_REVIEW_CAP
    rollover_hour: int = DEFAULT_ROLLOVER_HOUR

    def days(self, tz: tzinfo | None = None) -> StudyDays:
        return StudyDays(self.rollover_hour, tz)


def daily_limits(store: SettingsSource | None, env: Mapping[str, str] | None = None) -> DailyLimits:
    """Settings from the store, the rollover hour from MLPREP_ROLLOVER_HOUR first."""
    env = os.environ if env is None else env
    values: dict[str, int] = {}
    for key, spec in SETTINGS.items():
        stored = store.setting(key) if store is not None else None
        values[key] = parse_setting(key, stored, f"the setting {key}") if stored else spec.default
    from_env = env.get(ROLLOVER_ENV, "").strip()
    if from_env:
        values[ROLLOVER_KEY] = parse_setting(ROLLOVER_KEY, from_env, ROLLOVER_ENV)
    return DailyLimits(values[NEW_PER_DAY_KEY], values[REVIEW_CAP_KEY], values[ROLLOVER_KEY])
