"""The clock is not the user's: a high-water mark of the time the store has seen.

A license's dates come from the license authority's clock. What is left to the PC is
"today", the day every status is judged on; setting the system clock back would make
an ended subscription look current. So the store remembers the latest time it has seen
(its newest history entry, and a mark every write leaves); a system clock more than a
day behind it is flagged - in the window, on the command line and in the history - and
rules are judged as of the mark's day instead (what Sentinel and Cryptlex do).

``--today`` is different: an explicit what-if view, labelled everywhere, that writes
nothing (desktop/app.py opens the store read-only for it).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from desktop.domain.errors import DomainError
from desktop.services.ports import Database

#: The setting every write leaves with the time it saw (UTC, ISO).
HIGH_WATER_KEY = "clock.high_water"
#: How far behind the mark the system clock may be before it counts as set back
#: (time zones, a laptop's drift).
TOLERANCE = dt.timedelta(days=1)


@dataclass(frozen=True)
class ClockCheck:
    now: dt.datetime  # the system's UTC time
    high_water: dt.datetime | None  # the latest time the store has seen (UTC)

    @property
    def set_back(self) -> bool:
        return self.high_water is not None and self.now < self.high_water - TOLERANCE

    def today(self, system_today: dt.date) -> dt.date:
        """The day to judge on: never before the mark's day when the clock was set back."""
        if self.set_back and self.high_water is not None:
            return max(system_today, self.high_water.date())
        return system_today


def _parse(raw: str | None) -> dt.datetime | None:
    if not raw:
        return None
    try:
        return dt.datetime.fromisoformat(raw).replace(tzinfo=None)
    except ValueError:
        return None


def check(db: Database, now: dt.datetime) -> ClockCheck:
    """Compare the system clock with what the store has seen."""
    with db.read() as view:  # the fast read path: this runs before the first paint
        marks = [_parse(view.settings.get(HIGH_WATER_KEY)), view.licenses.latest_event_time()]
    seen = [m for m in marks if m is not None]
    return ClockCheck(now, max(seen) if seen else None)


def record_set_back(db: Database, found: ClockCheck) -> bool:
    """Note a clock set back in the history, once per mark; False when it cannot be
    written (a read-only store) or was noted already."""
    if not found.set_back or found.high_water is None:
        return False
    mark = found.high_water.isoformat(timespec="seconds")
    try:
        with db.uow(write=True) as uow:
            last = uow.events.last_of_kind("clock_set_back")
            if last is not None and last.details.get("high_water") == mark:
                return False
            uow.events.append(
                "clock_set_back",
                details={
                    "high_water": mark,
                    "system_time": found.now.isoformat(timespec="seconds"),
                },
            )
            uow.commit()
    except DomainError:
        return False
    return True
