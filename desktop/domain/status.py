"""Status of a license as of a date (DOMAIN.md §3)."""

from __future__ import annotations

import datetime as dt
from enum import StrEnum

from desktop.domain.errors import DomainError
from desktop.domain.terms import DEFAULT_EXPIRING_DAYS


class LicenseStatus(StrEnum):
    FREE = "free"
    ACTIVE = "active"
    EXPIRING = "expiring"
    EXPIRED = "expired"
    INVALID = "invalid"


class Verdict(StrEnum):
    """What a license's signature says (desktop.services.trust decides it)."""

    VERIFIED = "verified"  # signed by a trusted authority, over exactly what the row says
    UNVERIFIED = "unverified"  # no signature: recorded by hand or imported
    INVALID = "invalid"  # signed, but not by a trusted key or not over what the row says


def days_left(end: dt.date, today: dt.date) -> int:
    """Days from today to the last covered day: 0 on the end date, -1 the day after."""
    return (end - today).days


def license_status(
    *,
    bound: bool,
    subscription_end: dt.date | None,
    today: dt.date,
    threshold_days: int = DEFAULT_EXPIRING_DAYS,
    valid: bool = True,
) -> LicenseStatus:
    """``invalid`` beats everything, then ``free`` (not bound to a device), then by date.

    expiring: 0 <= days left <= threshold; expired: the end date has passed.
    A bound license without an end date has no subscription running: expired.
    """
    check_threshold(threshold_days)
    if not valid:
        return LicenseStatus.INVALID
    if not bound:
        return LicenseStatus.FREE
    if subscription_end is None:
        return LicenseStatus.EXPIRED
    left = days_left(subscription_end, today)
    if left < 0:
        return LicenseStatus.EXPIRED
    if left <= threshold_days:
        return LicenseStatus.EXPIRING
    return LicenseStatus.ACTIVE


def check_threshold(threshold_days: int) -> int:
    if threshold_days < 0 or threshold_days > 366:
        raise DomainError("bad_threshold", value=threshold_days)
    return threshold_days


def expiring_window(today: dt.date, threshold_days: int) -> tuple[dt.date, dt.date]:
    """The inclusive range of end dates that count as expiring today (for SQL filters)."""
    check_threshold(threshold_days)
    return today, today + dt.timedelta(days=threshold_days)
