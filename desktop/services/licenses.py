"""Licenses with their status as of a date: the table, its counts and `licdesk licenses`.

The table reads through ``db.read()`` (the fastest read path the store offers); every
function here is one read, so a caller never holds a transaction between calls.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Protocol

from desktop.domain.status import LicenseStatus, Verdict, days_left, license_status
from desktop.services import settings as settings_service
from desktop.services.ports import (
    Database,
    EventRecord,
    LicenseQuery,
    LicenseRecord,
    ReadView,
    SortKey,
)
from desktop.services.progress import NO_PROGRESS, Progress


class Verifier(Protocol):
    """The verdict on a license's signature (desktop.services.trust.LicenseVerifier)."""

    def __call__(self, record: LicenseRecord) -> Verdict: ...


class _NoKeys:
    """The verdict when no key is trusted: unsigned rows are not verified, signed ones
    cannot be believed."""

    def __call__(self, record: LicenseRecord) -> Verdict:
        return Verdict.UNVERIFIED if record.signature is None else Verdict.INVALID


no_keys: Verifier = _NoKeys()


def signed_by(verifier: Verifier, record: LicenseRecord) -> str | None:
    """Where the key that verified this license comes from (vendor, machine, demo)."""
    key_of = getattr(verifier, "key_of", None)
    key = key_of(record) if callable(key_of) else None
    source = getattr(key, "source", None)
    return source if isinstance(source, str) else None


@dataclass(frozen=True, slots=True)
class LicenseRow:
    id: int
    product_sku: str
    product_name: str
    product_line: str
    device_code: str | None
    device_name: str | None
    device_kind: str | None
    store_name: str | None
    activated_on: dt.date | None
    subscription_end: dt.date | None
    status: LicenseStatus
    days_left: int | None
    verdict: Verdict = Verdict.UNVERIFIED
    #: For a verified license, whose key vouches for it: vendor, machine or demo.
    signed_by: str | None = None

    @property
    def verified(self) -> bool:
        return self.verdict is Verdict.VERIFIED

    def to_json(self) -> dict[str, object]:
        # Field by field, not dataclasses.asdict (which deep-copies): this runs once per
        # row of `licdesk licenses --json` and `warnings --json`, a million times.
        activated, end = self.activated_on, self.subscription_end
        return {
            "id": self.id,
            "product_sku": self.product_sku,
            "product_name": self.product_name,
            "product_line": self.product_line,
            "device_code": self.device_code,
            "device_name": self.device_name,
            "device_kind": self.device_kind,
            "store_name": self.store_name,
            "activated_on": activated.isoformat() if activated else None,
            "subscription_end": end.isoformat() if end else None,
            "status": self.status.value,
            "days_left": self.days_left,
            "verdict": self.verdict.value,
            "signed_by": self.signed_by,
        }


def to_row(
    record: LicenseRecord, today: dt.date, threshold: int, verifier: Verifier = no_keys
) -> LicenseRow:
    bound = record.device_id is not None
    verdict = verifier(record) if bound else Verdict.UNVERIFIED
    status = license_status(
        bound=bound,
        subscription_end=record.subscription_end,
        today=today,
        threshold_days=threshold,
        valid=verdict is not Verdict.INVALID,
    )
    left = (
        days_left(record.subscription_end, today)
        if bound and record.subscription_end is not None
        else None
    )
    return LicenseRow(
        id=record.id,
        product_sku=record.product_sku,
        product_name=record.product_name,
        product_line=record.product_line,
        device_code=record.device_code,
        device_name=record.device_name,
        device_kind=record.device_kind,
        store_name=record.store_name,
        activated_on=record.activated_on,
        subscription_end=record.subscription_end,
        status=status,
        days_left=left,
        verdict=verdict,
        signed_by=signed_by(verifier, record) if verdict is Verdict.VERIFIED else None,
    )


def _query(
    view: ReadView,
    today: dt.date,
    *,
    status: LicenseStatus | None = None,
    expiring_within: int | None = None,
    search: str = "",
    store_id: int | None = None,
    sort: SortKey = SortKey.END,
    descending: bool = False,
) -> LicenseQuery:
    return LicenseQuery(
        today=today,
        threshold_days=settings_service.read(view, settings_service.EXPIRING_DAYS),
        status=status,
        expiring_within=expiring_within,
        search=search,
        store_id=store_id,
        sort=sort,
        descending=descending,
    )


def make_query(
    db: Database,
    today: dt.date,
    *,
    status: LicenseStatus | None = None,
    expiring_within: int | None = None,
    search: str = "",
    store_id: int | None = None,
    sort: SortKey = SortKey.END,
    descending: bool = False,
) -> LicenseQuery:
    """A query with the store's own threshold for "expiring"."""
    with db.read() as view:
        return _query(
            view,
            today,
            status=status,
            expiring_within=expiring_within,
            search=search,
            store_id=store_id,
            sort=sort,
            descending=descending,
        )


def count(db: Database, query: LicenseQuery) -> int:
    with db.read() as view:
        return view.licenses.count(query)


def page(
    db: Database,
    query: LicenseQuery,
    offset: int,
    limit: int,
    *,
    total: int | None = None,
    verifier: Verifier = no_keys,
) -> list[LicenseRow]:
    """Rows [offset, offset+limit) of the query's order, with their status."""
    with db.read() as view:
        records = view.licenses.page(query, offset, limit, total)
    return [to_row(r, query.today, query.threshold_days, verifier) for r in records]


@dataclass(frozen=True, slots=True)
class Counts:
    """What the quick filters, the banner and the status bar say."""

    shown: dict[LicenseStatus, int]  # within the search and store filter
    whole: dict[LicenseStatus, int]  # the whole store
    next_end: dt.date | None  # the next subscription end from today on


def status_counts(db: Database, query: LicenseQuery) -> dict[LicenseStatus, int]:
    with db.read() as view:
        return view.licenses.status_counts(query)


def counts(db: Database, query: LicenseQuery, whole: Counts | None = None) -> Counts:
    """Counts per status for the query's search and store, and for the whole store.

    ``whole`` (from an earlier call for the same day, threshold and data) is reused:
    a search keystroke does not recount a million rows.
    """
    with db.read() as view:
        if whole is None:
            everything = LicenseQuery(today=query.today, threshold_days=query.threshold_days)
            all_counts = view.licenses.status_counts(everything)
            next_end = view.licenses.next_end(query.today)
        else:
            all_counts, next_end = whole.whole, whole.next_end
        narrowed = bool(query.search.strip()) or query.store_id is not None
        shown = (
            view.licenses.status_counts(
                LicenseQuery(
                    today=query.today,
                    threshold_days=query.threshold_days,
                    search=query.search,
                    store_id=query.store_id,
                )
            )
            if narrowed
            else all_counts
        )
    return Counts(shown, all_counts, next_end)


def is_empty(db: Database) -> bool:
    """No products and no licenses: the first start's question."""
    with db.read() as view:
        return view.licenses.store_is_empty()


def list_licenses(
    db: Database, query: LicenseQuery, verifier: Verifier = no_keys
) -> list[LicenseRow]:
    """Every license matching the query, in its order, as a list (small stores and tests;
    the CLI and the exports :func:`stream`, the table pages)."""
    return list(stream(db, query, verifier))


#: Rows per batch when streaming (exports).
STREAM_BATCH = 1000


def stream(
    db: Database,
    query: LicenseQuery,
    verifier: Verifier = no_keys,
    progress: Progress = NO_PROGRESS,
) -> Iterator[LicenseRow]:
    """Every license of the query, in its order, from one cursor in one read transaction,
    memory flat. ``db.read()``: on the thread that opened a local SQLite file this is
    plain sqlite3 (the CLI never imports SQLAlchemy for it); elsewhere a unit of work."""
    with db.read() as view:
        total = view.licenses.count(query) if progress is not NO_PROGRESS else None
        done = 0
        progress.step(0, total)
        for batch in view.licenses.stream(query, STREAM_BATCH):
            for record in batch:
                yield to_row(record, query.today, query.threshold_days, verifier)
            done += len(batch)
            progress.step(done, total)


def get(
    db: Database, license_id: int, today: dt.date, verifier: Verifier = no_keys
) -> LicenseRow | None:
    with db.read() as view:
        record = view.licenses.get(license_id)
        threshold = settings_service.read(view, settings_service.EXPIRING_DAYS)
    return to_row(record, today, threshold, verifier) if record is not None else None


def history(db: Database, license_id: int) -> list[EventRecord]:
    """The license's events, oldest first."""
    with db.uow() as uow:
        return uow.events.for_license(license_id)
