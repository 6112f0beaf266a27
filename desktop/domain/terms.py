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
from enum import StrEnum

from desktop.domain.errors import DomainError

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

#: (interpretation, trust) The demo-mode guard calls a release safe only on the strength
#: of licenses the authority signed: a license recorded by hand or imported is judged by
#: its dates for planning, but never confirms a release (the guard says which).
GUARD_TRUSTS_UNVERIFIED = False

#: The product whose Internet exchange needs a live subscription (seed 000).
STORE15_SKU_PREFIX = "MS-STORE15"

#: (interpretation) The days License Desk reasons about. A date typed on the command
#: line (``--today``, LICDESK_TODAY, ``--on``) outside them is refused with
#: ``day_out_of_range``: far enough from today for any what-if question, near enough
#: that every rule's date arithmetic (periods, forecasts, warnings) stays in range.
EARLIEST_DAY = dt.date(2000, 1, 1)
LATEST_DAY = dt.date(2199, 12, 31)


def supported_day(day: dt.date, field: str = "date") -> dt.date:
    """``day`` when it lies within EARLIEST_DAY..LATEST_DAY, else DomainError."""
    if not EARLIEST_DAY <= day <= LATEST_DAY:
        raise DomainError(
            "day_out_of_range",
            field=field,
            value=day.isoformat(),
            earliest=EARLIEST_DAY.isoformat(),
            latest=LATEST_DAY.isoformat(),
        )
    return day


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


# ---------------------------------------------------------------------------
# Readings where the seeds are silent (second round). Each is an interpretation,
# kept here by name so that it can change in one place.
# ---------------------------------------------------------------------------


class ShorterRenewal(StrEnum):
    """What a renewal does when the period it buys would end before the current end."""

    KEEP_LATER_END = "keep-later-end"
    REFUSE = "refuse"


#: (interpretation) A Mobile SMARTS renewal "starts when the renewal license is
#: issued", so a renewal issued more than a term before the current end (or a short
#: code on a long subscription) would end earlier than the subscription it renews.
#: The vendor's software keeps every license the device holds and lets it update up
#: to the latest subscription end: a renewal never takes paid days away. The end
#: stays the later one; the renewal's days are reported as forfeited (the quote and
#: the activation both say so). REFUSE would instead raise ``renewal_shortens``.
SHORTER_RENEWAL = ShorterRenewal.KEEP_LATER_END

#: (interpretation) A quote dated before the license was activated describes a
#: renewal of something that did not exist yet: it is refused
#: (``quote_before_license``), never answered with invented figures.
REFUSE_QUOTE_BEFORE_LICENSE = True

#: (interpretation) enova365 module lots bought after the quote day did not exist on
#: that day: a quote leaves them out (it charges what the license held that day).
LEAVE_OUT_LOTS_BOUGHT_LATER = True

#: (interpretation) The six-month rule ("modules bought after the sixth month are not
#: charged in this update") is stated under the on-time update; we apply it to the
#: open update as well, since either one is "the next update" the seed speaks of.
SIX_MONTH_RULE_IN_OPEN_UPDATE = True

#: (interpretation) Rounding: every printed money line is computed from the figures
#: printed on it (seats × list price × percent) and rounded once, half up, to the
#: currency's minor unit; a license's amount is the sum of its printed module lines
#: and a total is the sum of the printed license lines. Module lots of the same
#: module and charge state are merged *before* the amount is computed.

#: (interpretation) When the stored start of the current period is unknown (a
#: license imported without it), we never reconstruct it backwards from the end
#: (29 February and month ends do not survive that). Instead it is *derived
#: forwards* from the activation day along the chain of on-time periods
#: (start, end + 1, ...): exact for a license that was never renewed, or renewed on
#: time. When that chain does not reach the current end (an open update or an early
#: Mobile SMARTS renewal happened), the start stays unknown and a rule that needs it
#: (the enova365 six-month rule) refuses with ``period_start_unknown``.
DERIVE_UNKNOWN_START_FROM_ACTIVATION = True

#: (interpretation) The forecast's "on time" day: the day after a Mobile SMARTS
#: subscription ends (nothing forfeited, no gap), the last warranty day for enova365
#: (the latest day an on-time update can be bought, at the price list of that day).
#: A license whose on-time day has already passed renews today (first month): for
#: enova365 that is an open update. Every renewal then repeats at its next on-time
#: day until the end of the window.
FORECAST_MS_DAYS_AFTER_END = 1
FORECAST_ENOVA_DAYS_AFTER_END = 0


def chain_start(
    activated_on: dt.date | None, end: dt.date | None, months: int = WARRANTY_TERM_MONTHS
) -> dt.date | None:
    """The current period's start derived forwards from the activation day (see
    DERIVE_UNKNOWN_START_FROM_ACTIVATION), or None when the chain misses ``end``."""
    if not DERIVE_UNKNOWN_START_FROM_ACTIVATION or activated_on is None or end is None:
        return None
    start = activated_on
    while True:
        period = period_end(start, months)
        if period == end:
            return start
        if period > end:
            return None
        start = period + dt.timedelta(days=1)
