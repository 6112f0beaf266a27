"""List licenses with their status as of a date: the table and `licdesk licenses`."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import asdict, dataclass

from desktop.domain.status import LicenseStatus, days_left, license_status
from desktop.services import settings as settings_service
from desktop.services.ports import LicenseQuery, LicenseRecord, SortKey, UnitOfWork

#: Verifies a license record; the activation part plugs in the real signature check.
Verifier = Callable[[LicenseRecord], bool]


def always_valid(_record: LicenseRecord) -> bool:
    return True


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

    def to_json(self) -> dict[str, object]:
        data = asdict(self)
        data["status"] = self.status.value
        for key in ("activated_on", "subscription_end"):
            value = data[key]
            data[key] = value.isoformat() if value else None
        return data


def to_row(
    record: LicenseRecord, today: dt.date, threshold: int, verifier: Verifier = always_valid
) -> LicenseRow:
    bound = record.device_id is not None
    status = license_status(
        bound=bound,
        subscription_end=record.subscription_end,
        today=today,
        threshold_days=threshold,
        valid=verifier(record),
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
    )


def make_query(
    uow: UnitOfWork,
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
        threshold_days=settings_service.read(uow, settings_service.EXPIRING_DAYS),
        status=status,
        expiring_within=expiring_within,
        search=search,
        store_id=store_id,
        sort=sort,
        descending=descending,
    )


def list_licenses(
    uow: UnitOfWork, query: LicenseQuery, verifier: Verifier = always_valid
) -> list[LicenseRow]:
    """Every license matching the query, in its order (CLI and exports; the table pages)."""
    total = uow.licenses.count(query)
    records = uow.licenses.page(query, 0, total) if total else []
    return [to_row(r, query.today, query.threshold_days, verifier) for r in records]
