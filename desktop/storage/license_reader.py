"""Read side of the license table: COUNT and pages in SQL, never all rows in Python.

Filters become WHERE clauses on indexed columns; sorting is ORDER BY with the
license id as tie-breaker, so every page is deterministic. Deep pages are read
from the nearer end (a reversed ORDER BY), so the OFFSET that SQL walks is at
most half the result (PERFORMANCE.md, trap 3).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import ColumnElement, Select, and_, case, func, or_, select, text
from sqlalchemy.orm import Session

from desktop.domain.status import LicenseStatus, expiring_window
from desktop.services.ports import LicenseQuery, LicenseRecord, SortKey
from desktop.storage.schema import Device, License, Product, Store

_COLUMNS = (
    License.id,
    Product.sku,
    Product.name,
    Product.line,
    License.device_id,
    Device.code,
    Device.name,
    Device.kind,
    Device.store_id,
    Store.name,
    License.activated_on,
    License.subscription_end,
    License.key_id,
    License.signature,
)

_FREE_LAST = case((License.device_id.is_(None), 1), else_=0)

_SORT_KEYS: dict[SortKey, tuple[Any, ...]] = {
    SortKey.PRODUCT: (Product.name,),
    SortKey.KIND: (Product.line, Device.kind),
    SortKey.DEVICE_CODE: (Device.code,),
    SortKey.DEVICE: (Device.name,),
    SortKey.STORE: (Store.name,),
    # Status is monotonic in the end date for bound licenses: by end, free ones last.
    SortKey.STATUS: (_FREE_LAST, License.subscription_end),
    SortKey.ACTIVATED: (License.activated_on,),
    SortKey.END: (License.subscription_end,),
    SortKey.DAYS_LEFT: (License.subscription_end,),
    SortKey.ID: (),
}


def _base_select(*columns: Any) -> Select[Any]:
    return (
        select(*columns)
        .select_from(License)
        .join(Product, Product.id == License.product_id)
        .outerjoin(Device, Device.id == License.device_id)
        .outerjoin(Store, Store.id == Device.store_id)
    )


def status_condition(status: LicenseStatus, today: dt.date, threshold: int) -> ColumnElement[bool]:
    bound = License.device_id.is_not(None)
    lo, hi = expiring_window(today, threshold)
    if status is LicenseStatus.FREE:
        return License.device_id.is_(None)
    if status is LicenseStatus.EXPIRING:
        return and_(bound, License.subscription_end.between(lo, hi))
    if status is LicenseStatus.EXPIRED:
        return and_(
            bound, or_(License.subscription_end < today, License.subscription_end.is_(None))
        )
    if status is LicenseStatus.ACTIVE:
        return and_(bound, License.subscription_end > hi)
    # INVALID is decided by signature verification, not by SQL.
    return License.id.is_(None)


def _where(
    query: LicenseQuery, dialect: str, *, with_status: bool = True
) -> list[ColumnElement[bool]]:
    conds: list[ColumnElement[bool]] = []
    if with_status and query.status is not None:
        conds.append(status_condition(query.status, query.today, query.threshold_days))
    if query.expiring_within is not None:
        lo, hi = expiring_window(query.today, query.expiring_within)
        conds.append(License.device_id.is_not(None))
        conds.append(License.subscription_end.between(lo, hi))
    if query.store_id is not None:
        conds.append(Device.store_id == query.store_id)
    if query.license_ids is not None:
        conds.append(License.id.in_(query.license_ids))
    text = query.search.strip().casefold()
    if text:
        conds.append(search_condition(text, dialect))
    return conds


#: FTS5's trigram tokenizer needs at least three characters.
FTS_MIN_CHARS = 3


def search_condition(folded: str, dialect: str) -> ColumnElement[bool]:
    """Substring search on the case-folded search text (FTS5 trigram on SQLite)."""
    if dialect == "sqlite" and len(folded) >= FTS_MIN_CHARS:
        phrase = '"' + folded.replace('"', '""') + '"'
        return License.id.in_(
            select(text("rowid"))
            .select_from(text("license_fts"))
            .where(text("license_fts MATCH :phrase").bindparams(phrase=phrase))
        )
    pattern = "%" + folded.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
    return License.search_text.like(pattern, escape="\\")


def _order(query: LicenseQuery, reverse: bool) -> list[Any]:
    desc = query.descending != reverse
    keys = [*_SORT_KEYS[query.sort], License.id]
    # Empty dates (free, never activated) go last in both directions: the operator looks
    # for what ends soonest or latest, not for what has no date.
    return [k.desc().nulls_last() if desc else k.asc().nulls_last() for k in keys]


def _record(row: Any) -> LicenseRecord:
    return LicenseRecord(*row)


class SqlLicenseReader:
    def __init__(self, session: Session) -> None:
        self._session = session
        bind = session.get_bind()
        self._dialect = bind.dialect.name

    def count(self, query: LicenseQuery) -> int:
        stmt = _base_select(func.count()).where(*_where(query, self._dialect))
        return int(self._session.execute(stmt).scalar_one())

    def page(self, query: LicenseQuery, offset: int, limit: int) -> list[LicenseRecord]:
        """Rows [offset, offset+limit) of the ordered result."""
        stmt = _base_select(*_COLUMNS).where(*_where(query, self._dialect))
        total = None
        if offset > 50_000:  # deep page: read from the far end if that is nearer
            total = self.count(query)
        if total is not None and offset > total // 2:
            end = min(total, offset + limit)
            rev_offset = total - end
            n = end - offset
            if n <= 0:
                return []
            rows = self._session.execute(
                stmt.order_by(*_order(query, reverse=True)).offset(rev_offset).limit(n)
            ).all()
            return [_record(r) for r in reversed(rows)]
        rows = self._session.execute(
            stmt.order_by(*_order(query, reverse=False)).offset(offset).limit(limit)
        ).all()
        return [_record(r) for r in rows]

    def get(self, license_id: int) -> LicenseRecord | None:
        row = self._session.execute(_base_select(*_COLUMNS).where(License.id == license_id)).first()
        return _record(row) if row else None

    def status_counts(self, query: LicenseQuery) -> dict[LicenseStatus, int]:
        """Counts per status for the quick-filter buttons (search and store applied)."""
        lo, hi = expiring_window(query.today, query.threshold_days)
        bound = License.device_id.is_not(None)
        stmt = _base_select(
            func.count(),
            func.sum(case((License.device_id.is_(None), 1), else_=0)),
            func.sum(case((and_(bound, License.subscription_end.between(lo, hi)), 1), else_=0)),
            func.sum(
                case(
                    (
                        and_(
                            bound,
                            or_(
                                License.subscription_end < query.today,
                                License.subscription_end.is_(None),
                            ),
                        ),
                        1,
                    ),
                    else_=0,
                )
            ),
        ).where(*_where(query, self._dialect, with_status=False))
        total, free, expiring, expired = self._session.execute(stmt).one()
        total = int(total or 0)
        free, expiring, expired = int(free or 0), int(expiring or 0), int(expired or 0)
        return {
            LicenseStatus.FREE: free,
            LicenseStatus.EXPIRING: expiring,
            LicenseStatus.EXPIRED: expired,
            LicenseStatus.ACTIVE: total - free - expiring - expired,
        }

    def next_end(self, today: dt.date) -> dt.date | None:
        stmt = select(func.min(License.subscription_end)).where(
            License.device_id.is_not(None), License.subscription_end >= today
        )
        value = self._session.execute(stmt).scalar()
        return value if isinstance(value, dt.date) else None
