"""Staged expiry warnings, as good license managers do (30, 14 and 1 days before the end).

An item is *due* once its end is within the largest stage, or has passed. Its
*stage* is the smallest configured stage that its days-left has reached (0 ... 1
day left -> stage 1; ended -> ENDED_STAGE). Each (license, stage, end date) is
shown once; a new end date (a renewal) re-arms every stage.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

#: The stage of an item whose subscription has already ended.
ENDED_STAGE = -1


def stage_for(days_left: int, stages: Iterable[int]) -> int | None:
    """The warning stage an item has reached, or None when it is not due yet."""
    if days_left < 0:
        return ENDED_STAGE
    reached = [s for s in stages if days_left <= s]
    return min(reached) if reached else None


def popup_allowed(
    today: dt.date, snoozed_until: dt.date | None, dismissed_on: dt.date | None
) -> bool:
    """ "Remind me tomorrow" holds until the given day; a dismissal holds for the day."""
    if snoozed_until is not None and today < snoozed_until:
        return False
    return dismissed_on != today
