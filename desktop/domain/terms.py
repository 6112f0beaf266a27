"""Every date convention and default that DOMAIN.md leaves to us, in one named place.

Change a decision here and every rule, view and report follows.

Period convention (interpretation, both product lines): a subscription or warranty
period covers whole days. ``end`` is the *last covered day*. A period of N months
starting on S covers S .. S + N months - 1 day; for the enova seed that gives
01.03.2013 .. 28.02.2014, with the open update available "from the first day of
the 13th month" (01.03.2014), which is exactly the day after the end.
"""

from __future__ import annotations

import calendar
import datetime as dt

#: Mobile SMARTS: the subscription "starts when the license is activated and lasts one year".
SUBSCRIPTION_TERM_MONTHS = 12

#: enova365: "Termin: 12 miesięcy".
WARRANTY_TERM_MONTHS = 12

#: "Expiring" = the end falls within one month; 30 days by default (DOMAIN.md §3).
DEFAULT_EXPIRING_DAYS = 30

#: Staged start-up warnings, days before the end (the license-manager habit).
DEFAULT_WARNING_STAGES: tuple[int, ...] = (30, 14, 1)

#: Mobile devices on this platform version or newer show their own notice.
DEVICE_NOTICE_MIN_PLATFORM = (3, 2)
DEFAULT_DEVICE_NOTICE_DAYS = 14

#: The product whose Internet exchange needs a live subscription (seed 000).
STORE15_SKU_PREFIX = "MS-STORE15"


def add_months(day: dt.date, months: int) -> dt.date:
    """Calendar month arithmetic, clamping to the month end (31 Jan + 1 = 28/29 Feb)."""
    index = day.year * 12 + (day.month - 1) + months
    year, month0 = divmod(index, 12)
    last = calendar.monthrange(year, month0 + 1)[1]
    return dt.date(year, month0 + 1, min(day.day, last))


def period_end(start: dt.date, months: int = SUBSCRIPTION_TERM_MONTHS) -> dt.date:
    """Last covered day of a period of ``months`` starting on ``start``."""
    return add_months(start, months) - dt.timedelta(days=1)


def subscription_end(activated_on: dt.date) -> dt.date:
    """Mobile SMARTS: one year from activation (last covered day)."""
    return period_end(activated_on, SUBSCRIPTION_TERM_MONTHS)
