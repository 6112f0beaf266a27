"""One clock for every rule: "today" is injected, never read ad hoc."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Protocol

from desktop.domain.errors import DomainError


class Clock(Protocol):
    def today(self) -> dt.date: ...


class SystemClock:
    def today(self) -> dt.date:
        return dt.date.today()


@dataclass(frozen=True)
class FixedClock:
    """The clock behind ``--today``: every rule sees this date as today."""

    day: dt.date

    def today(self) -> dt.date:
        return self.day


def parse_iso_date(text: str, field: str = "date") -> dt.date:
    """Parse YYYY-MM-DD strictly; raise DomainError('bad_date') otherwise."""
    value = text.strip()
    try:
        if len(value) != 10:
            raise ValueError(value)
        return dt.date.fromisoformat(value)
    except ValueError:
        raise DomainError("bad_date", field=field, value=text) from None
