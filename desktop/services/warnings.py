"""The start-up warning and the ended-subscriptions banner (GUI and `licdesk warnings`).

At a million licenses hundreds of thousands may be due, so nothing here loads them
all: :func:`collect` asks SQL for counts per stage and store (which licenses are at
which stage, which stages were already shown); the pop-up pages through the due
licenses (:func:`items`), `licdesk warnings --json` streams them (:func:`stream`),
and closing the pop-up records every pending stage in one set-based statement
(:func:`acknowledge`).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass

from desktop.domain.clock import parse_iso_date
from desktop.domain.errors import DomainError
from desktop.domain.status import LicenseStatus
from desktop.domain.warnings import ENDED_STAGE, popup_allowed
from desktop.services import settings as st
from desktop.services.licenses import LicenseRow, Verifier, no_keys, to_row
from desktop.services.ports import (
    Database,
    DueRecord,
    LicenseQuery,
    ReadView,
    UnitOfWork,
    WarningCount,
    WarningScope,
)
from desktop.services.progress import NO_PROGRESS, Progress

SNOOZED_UNTIL = st.Setting("warnings.snoozed_until", "")
DISMISSED_ON = st.Setting("warnings.dismissed_on", "")

#: Expired items older than this are not listed in the pop-up (they stay in the banner
#: and the Expired filter); a year-old ended subscription is not news.
MAX_ENDED_AGE_DAYS = 366

#: Rows per batch when streaming (`licdesk warnings --json`).
STREAM_BATCH = 2000


class _All:
    """Every store (the default scope)."""

    def __repr__(self) -> str:
        return "ALL"


ALL = _All()
#: A store id, None for devices without a store, or ALL.
StoreKey = int | None | _All


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
    """What is due today, counted per stage and store; the licenses themselves are paged
    (:func:`items`) or streamed (:func:`stream`) over :meth:`scope`."""

    today: dt.date
    threshold_days: int
    stages: tuple[int, ...]
    counts: tuple[WarningCount, ...]
    ended_count: int  # every ended subscription (the banner), however old
    popup_due: bool
    snoozed_until: dt.date | None
    dismissed_on: dt.date | None

    @property
    def total(self) -> int:
        return sum(c.total for c in self.counts)

    @property
    def pending(self) -> int:
        return sum(c.pending for c in self.counts)

    def count(
        self, *, pending_only: bool = False, ended: bool | None = None, store: StoreKey = ALL
    ) -> int:
        """Due licenses (pending ones only, ended or not, of one store)."""
        n = 0
        for c in self.counts:
            if ended is not None and (c.stage == ENDED_STAGE) != ended:
                continue
            if store is not ALL and c.store_id != store:
                continue
            n += c.pending if pending_only else c.total
        return n

    def scope(self, *, pending_only: bool = False, store: StoreKey = ALL) -> WarningScope:
        return WarningScope(
            self.today,
            self.threshold_days,
            self.stages,
            MAX_ENDED_AGE_DAYS,
            pending_only=pending_only,
            store_id=store if isinstance(store, int) else None,
            no_store=store is None,
        )

    def by_store(self, *, pending_only: bool = False) -> list[StoreSummary]:
        """One row per store with due licenses, by name (devices without a store last)."""
        rows: dict[int | None, StoreSummary] = {}
        for c in self.counts:
            n = c.pending if pending_only else c.total
            if not n:
                continue
            row = rows.get(c.store_id)
            if row is None:
                row = rows[c.store_id] = StoreSummary(c.store_id, c.store_name, {})
            row.per_stage[c.stage] = row.per_stage.get(c.stage, 0) + n
        return sorted(rows.values(), key=lambda r: (r.store_id is None, _natural(r.store_name)))


@dataclass(frozen=True, slots=True)
class StoreSummary:
    store_id: int | None
    store_name: str | None
    per_stage: dict[int, int]

    @property
    def total(self) -> int:
        return sum(self.per_stage.values())


def _natural(text: str | None) -> list[tuple[int, int | str]]:
    """ "Store 2" before "Store 10"."""
    return [
        (0, int(part)) if part.isdigit() else (1, part.casefold())
        for part in re.split(r"(\d+)", text or "")
        if part
    ]


def _date_setting(view: ReadView, setting: st.Setting[str]) -> dt.date | None:
    raw = st.read(view, setting)
    try:
        return parse_iso_date(raw) if raw else None
    except DomainError:
        return None


def _base_scope(view: ReadView, today: dt.date) -> WarningScope:
    return WarningScope(
        today,
        st.read(view, st.EXPIRING_DAYS),
        st.read(view, st.WARNING_STAGES),
        MAX_ENDED_AGE_DAYS,
    )


def collect(db: Database, today: dt.date) -> WarningState:
    """What the start-up pop-up, the banner and `licdesk warnings` say today: counts in
    SQL, no license loaded."""
    with db.uow() as uow:
        return _collect(uow, today)


def _collect(uow: UnitOfWork, today: dt.date) -> WarningState:
    scope = _base_scope(uow, today)
    counts = tuple(uow.warnings.summary(scope))
    ended_count = uow.licenses.count(
        LicenseQuery(today=today, threshold_days=scope.threshold_days, status=LicenseStatus.EXPIRED)
    )
    snoozed = _date_setting(uow, SNOOZED_UNTIL)
    dismissed = _date_setting(uow, DISMISSED_ON)
    popup = any(c.pending for c in counts) and popup_allowed(today, snoozed, dismissed)
    return WarningState(
        today,
        scope.threshold_days,
        scope.stages,
        counts,
        ended_count,
        popup,
        snoozed,
        dismissed,
    )


def _item(rec: DueRecord, scope: WarningScope, verifier: Verifier) -> WarningItem:
    record, stage, pending = rec
    return WarningItem(to_row(record, scope.today, scope.threshold_days, verifier), stage, pending)


def count(db: Database, scope: WarningScope) -> int:
    with db.uow() as uow:
        return uow.warnings.count(scope)


def items(
    db: Database,
    scope: WarningScope,
    offset: int,
    limit: int,
    verifier: Verifier = no_keys,
    total: int | None = None,
) -> list[WarningItem]:
    """Due licenses [offset, offset+limit) of the scope, by end date (the pop-up's pages;
    ``total``, the scope's count if known, spares a deep page a COUNT)."""
    with db.uow() as uow:
        records = uow.warnings.page(scope, offset, limit, total)
    return [_item(r, scope, verifier) for r in records]


def stream(
    db: Database,
    scope: WarningScope,
    verifier: Verifier = no_keys,
    progress: Progress = NO_PROGRESS,
    total: int | None = None,
) -> Iterator[WarningItem]:
    """Every due license of the scope by end date, from one cursor, memory flat."""
    with db.uow() as uow:
        done = 0
        progress.step(0, total)
        for batch in uow.warnings.stream(scope, STREAM_BATCH):
            for r in batch:
                yield _item(r, scope, verifier)
            done += len(batch)
            progress.step(done, total)


def ids(db: Database, scope: WarningScope, limit: int) -> list[int]:
    """The first ``limit`` due license ids of the scope, by end date."""
    with db.uow() as uow:
        return uow.warnings.ids(scope, limit)


def acknowledge(db: Database, today: dt.date) -> int:
    """The user saw the pop-up and closed it: every stage due today is done (one
    set-based statement, whatever the number), no more pop-ups today. Returns how many
    stages were newly recorded."""
    with db.uow(write=True) as uow:
        scope = _base_scope(uow, today)
        marked = uow.warnings.mark_shown(scope)
        st.write(uow, DISMISSED_ON, today.isoformat())
        uow.commit()
    return marked


def snooze(db: Database, today: dt.date) -> dt.date:
    """ "Remind me tomorrow": nothing is marked shown; the pop-up returns tomorrow."""
    tomorrow = today + dt.timedelta(days=1)
    with db.uow(write=True) as uow:
        st.write(uow, SNOOZED_UNTIL, tomorrow.isoformat())
        uow.commit()
    return tomorrow


def pending_scope(state: WarningState, store: StoreKey = ALL) -> WarningScope:
    """What the pop-up lists: the pending stages, or everything due when it was opened
    by hand with nothing new."""
    return state.scope(pending_only=state.pending > 0, store=store)
