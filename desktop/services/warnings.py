"""The start-up warning and the ended-subscriptions banner (GUI and `licdesk warnings`)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from desktop.domain.clock import parse_iso_date
from desktop.domain.errors import DomainError
from desktop.domain.status import LicenseStatus
from desktop.domain.warnings import ENDED_STAGE, popup_allowed, stage_for
from desktop.services import settings as st
from desktop.services.licenses import LicenseRow, Verifier, no_keys, to_row
from desktop.services.ports import Database, LicenseQuery, LicenseRecord, SortKey, UnitOfWork

SNOOZED_UNTIL = st.Setting("warnings.snoozed_until", "")
DISMISSED_ON = st.Setting("warnings.dismissed_on", "")

#: Expired items older than this are not listed in the pop-up (they stay in the banner
#: and the Expired filter); a year-old ended subscription is not news.
MAX_ENDED_AGE_DAYS = 366


@dataclass(frozen=True, slots=True)
class WarningItem:
    license: LicenseRow
    stage: int
    pending: bool  # this stage was not shown yet for this end date

    def to_json(self) -> dict[str, object]:
        data = self.license.to_json()
        data["stage"] = "ended" if self.stage == ENDED_STAGE else self.stage
        data["pending"] = self.pending
        return data


@dataclass(frozen=True, slots=True)
class WarningState:
    items: list[WarningItem]
    ended_count: int
    popup_due: bool
    snoozed_until: dt.date | None
    dismissed_on: dt.date | None

    @property
    def pending(self) -> list[WarningItem]:
        return [i for i in self.items if i.pending]


def _date_setting(uow: UnitOfWork, setting: st.Setting[str]) -> dt.date | None:
    raw = st.read(uow, setting)
    try:
        return parse_iso_date(raw) if raw else None
    except DomainError:
        return None


def collect(db: Database, today: dt.date, verifier: Verifier = no_keys) -> WarningState:
    """What the start-up pop-up, the banner and `licdesk warnings` say today."""
    with db.uow() as uow:
        return _collect(uow, today, verifier)


def _collect(uow: UnitOfWork, today: dt.date, verifier: Verifier) -> WarningState:
    threshold = st.read(uow, st.EXPIRING_DAYS)
    stages = st.read(uow, st.WARNING_STAGES)
    horizon = max([*stages, threshold])
    query = LicenseQuery(
        today=today, threshold_days=threshold, expiring_within=horizon, sort=SortKey.END
    )
    due = [to_row(r, today, threshold, verifier) for r in _all(uow, query)]
    ended_query = LicenseQuery(
        today=today,
        threshold_days=threshold,
        status=LicenseStatus.EXPIRED,
        sort=SortKey.END,
        descending=True,
    )
    ended_count = uow.licenses.count(ended_query)
    recent_ended = [
        to_row(r, today, threshold, verifier)
        for r in _all(uow, ended_query)
        if r.subscription_end is not None
        and (today - r.subscription_end).days <= MAX_ENDED_AGE_DAYS
    ]
    candidates: list[tuple[LicenseRow, int]] = []
    for row in [*reversed(recent_ended), *due]:
        if row.days_left is None or row.subscription_end is None:
            continue
        stage = stage_for(row.days_left, stages)
        if stage is not None:
            candidates.append((row, stage))
    keys = [(r.id, s, r.subscription_end) for r, s in candidates if r.subscription_end]
    shown = uow.warnings.shown(keys)
    items = [
        WarningItem(r, s, (r.id, s, r.subscription_end) not in shown)
        for r, s in candidates
        if r.subscription_end is not None
    ]
    snoozed = _date_setting(uow, SNOOZED_UNTIL)
    dismissed = _date_setting(uow, DISMISSED_ON)
    popup = any(i.pending for i in items) and popup_allowed(today, snoozed, dismissed)
    return WarningState(items, ended_count, popup, snoozed, dismissed)


def _all(uow: UnitOfWork, query: LicenseQuery) -> list[LicenseRecord]:
    total = uow.licenses.count(query)
    return uow.licenses.page(query, 0, total) if total else []


def acknowledge(db: Database, state: WarningState, today: dt.date) -> None:
    """The user saw the pop-up and closed it: these stages are done, no more pop-ups today."""
    with db.uow(write=True) as uow:
        uow.warnings.mark_shown(
            [
                (i.license.id, i.stage, i.license.subscription_end)
                for i in state.items
                if i.license.subscription_end is not None
            ],
            today,
        )
        st.write(uow, DISMISSED_ON, today.isoformat())
        uow.commit()


def snooze(db: Database, today: dt.date) -> dt.date:
    """ "Remind me tomorrow": nothing is marked shown; the pop-up returns tomorrow."""
    tomorrow = today + dt.timedelta(days=1)
    with db.uow(write=True) as uow:
        st.write(uow, SNOOZED_UNTIL, tomorrow.isoformat())
        uow.commit()
    return tomorrow
