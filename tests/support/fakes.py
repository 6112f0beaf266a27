"""An in-memory store behind the services' ports, for fast service tests.

``FakeDatabase`` is the services' :class:`~desktop.services.ports.Database` (and enough of
the window's ``AppDatabase`` to build an ``AppContext`` on it); ``FakeUnitOfWork`` offers
every repository of ``ports.py`` over plain Python tables. The model is cosmicpython's
FakeRepository / FakeUnitOfWork, kept honest by imitating what the SQL does:

* A unit of work copies the committed state when it is entered. ``commit()`` publishes the
  copy; leaving without a commit (or ``rollback()``) throws it away, so a use case that
  fails half-way leaves nothing behind, as the real transaction does. ``db.committed``
  counts commits, so a test can assert that a service committed once or not at all.
* Two units of work that both commit on top of the same state would lose a write in a
  real store (the write lock serialises them); here the second commit raises instead.
* The license table's read side filters with the domain's own status rule
  (``desktop.domain.status.license_status``) and sorts the way license_reader.py's SQL
  does (the id as tie-breaker, empty values last on the leading key, SQLite's NULL order
  on the status sort's end date); tests/integration/test_status_rule.py proves it equal to
  the SQL on generated data.
* Unique keys the schema declares (SKUs, device codes, code hashes, ...) are checked.

Nothing here imports SQLAlchemy.
"""

from __future__ import annotations

import copy
import datetime as dt
import json
import logging
import tempfile
import uuid
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any

from desktop.authority.wire import ActivationResult as SignedActivation
from desktop.authority.wire import (
    AuthorityStatus,
    FulfilResult,
    OrderLine,
    SeedItem,
    SeedResult,
    SignedLicense,
    TransferResult,
)
from desktop.domain.bases import BaseFacts, BaseLicense, Release
from desktop.domain.catalog import ProductLine
from desktop.domain.errors import DomainError
from desktop.domain.forecast import Cohort
from desktop.domain.money import MINOR_UNITS, Money
from desktop.domain.renewal import LicenseFacts, Lot, PriceList
from desktop.domain.signing import LicenseDocument
from desktop.domain.status import LicenseStatus, license_status
from desktop.domain.warnings import ENDED_STAGE
from desktop.services.dataset import (
    SKIPPED_SETTINGS,
    BaseSpec,
    Dataset,
    DeviceSpec,
    ImportPlan,
    LicenseSpec,
    LoadSummary,
    LotSpec,
    PriceSpec,
    ProductSpec,
    ReleaseSpec,
    SignedSpec,
)
from desktop.services.ports import (
    BaseDevice,
    BaseInfo,
    DueRecord,
    EventRecord,
    HeldLicense,
    LicenseBinding,
    LicenseQuery,
    LicenseRecord,
    NewOrderLine,
    OrderLineRow,
    OrderModuleRow,
    OrderRow,
    SortKey,
    WarningCount,
    WarningScope,
)
from desktop.services.progress import NO_PROGRESS, Progress
from desktop.services.trust import STORE_ID_KEY

if TYPE_CHECKING:
    from desktop.context import AppDatabase
    from desktop.services.activation import Authority
    from desktop.services.ports import Database, UnitOfWork
from desktop.services.trust import MACHINE, LicenseVerifier, TrustedKeys, parse_key_file


class FakeIntegrityError(Exception):
    """A unique key or a reference the real schema would refuse."""


class ConcurrentCommit(Exception):
    """Another unit of work committed after this one began: a real store would have
    serialised the two (write lock); a service that nests write units is wrong."""


log = logging.getLogger(__name__)


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(tzinfo=None, microsecond=0)


# ---------------------------------------------------------------- the tables


@dataclass
class ProductRow:
    id: int
    sku: str
    name: str
    line: str
    kind: str
    currency: str
    renewal_sku: str | None
    prices: dict[dt.date, int] = field(default_factory=dict)  # effective_from -> minor units


@dataclass
class StoreRow:
    id: int
    name: str


@dataclass
class BaseRow:
    id: int
    name: str
    product_id: int
    store_id: int | None
    installed_version: str | None
    installed_on: dt.date | None
    platform_version: str | None
    server_version: str | None
    internet_exchange: bool


@dataclass
class DeviceRow:
    id: int
    code: str
    kind: str
    name: str
    store_id: int | None = None
    base_id: int | None = None
    platform_version: str | None = None
    client_version: str | None = None


@dataclass
class LicenseRow:
    id: int
    product_id: int
    device_id: int | None
    activated_on: dt.date | None
    subscription_end: dt.date | None
    created_at: dt.datetime
    key_id: str | None = None
    signature: str | None = None
    serial: str | None = None
    period_start: dt.date | None = None
    issued_at: dt.datetime | None = None  # UTC, naive as stored


@dataclass
class LotRow:
    id: int
    license_id: int
    product_id: int
    seats: int
    purchased_on: dt.date
    dropped_on: dt.date | None


@dataclass
class ReleaseRow:
    id: int
    product_id: int
    version: str
    released_on: dt.date
    description: str
    file: str | None


@dataclass
class EventRow:
    id: int
    occurred_at: dt.datetime
    kind: str
    license_id: int | None
    device_id: int | None
    base_id: int | None
    details: str  # JSON, as stored


@dataclass
class OrderTableRow:
    id: int
    created_at: dt.datetime
    quote_date: dt.date
    status: str


@dataclass
class OrderLineTableRow:
    id: int
    order_id: int
    license_id: int
    product_name: str
    device_code: str | None
    sku: str
    kind: str
    amount_minor: int
    currency: str
    current_end: dt.date | None
    new_end: dt.date
    days_forfeited: int
    fulfilled: bool = False
    quantity: int | None = None
    unit_price_minor: int | None = None
    percent_bp: int | None = None


@dataclass
class OrderLineModuleRow:
    id: int
    order_line_id: int
    module_sku: str
    module_name: str
    seats: int
    unit_price_minor: int
    percent_bp: int
    amount_minor: int
    deferred: bool
    restored: bool


@dataclass
class ActivationRow:
    id: int
    code_hash: str
    license_id: int
    device_code: str
    kind: str
    activated_at: dt.datetime


_TABLES = (
    "products",
    "stores",
    "bases",
    "devices",
    "licenses",
    "lots",
    "releases",
    "events",
    "orders",
    "order_lines",
    "order_line_modules",
    "activations",
)


@dataclass
class FakeState:
    """Every table of the store as dicts keyed by id (plus the keyless ones)."""

    products: dict[int, ProductRow] = field(default_factory=dict)
    stores: dict[int, StoreRow] = field(default_factory=dict)
    bases: dict[int, BaseRow] = field(default_factory=dict)
    devices: dict[int, DeviceRow] = field(default_factory=dict)
    licenses: dict[int, LicenseRow] = field(default_factory=dict)
    lots: dict[int, LotRow] = field(default_factory=dict)
    releases: dict[int, ReleaseRow] = field(default_factory=dict)
    events: dict[int, EventRow] = field(default_factory=dict)
    orders: dict[int, OrderTableRow] = field(default_factory=dict)
    order_lines: dict[int, OrderLineTableRow] = field(default_factory=dict)
    order_line_modules: dict[int, OrderLineModuleRow] = field(default_factory=dict)
    activations: dict[int, ActivationRow] = field(default_factory=dict)
    attempts: list[dt.datetime] = field(default_factory=list)
    settings: dict[str, str] = field(default_factory=dict)
    warnings_shown: dict[tuple[int, int, dt.date], dt.date] = field(default_factory=dict)
    last_id: dict[str, int] = field(default_factory=dict)

    def clone(self) -> FakeState:
        """A copy that shares nothing mutable (rows are flat; a product's prices are not)."""
        out = FakeState()
        for name in _TABLES:
            setattr(out, name, {k: copy.copy(v) for k, v in getattr(self, name).items()})
        for p in out.products.values():
            p.prices = dict(p.prices)
        out.attempts = list(self.attempts)
        out.settings = dict(self.settings)
        out.warnings_shown = dict(self.warnings_shown)
        out.last_id = dict(self.last_id)
        return out

    def new_id(self, table: str) -> int:
        self.last_id[table] = self.last_id.get(table, 0) + 1
        return self.last_id[table]

    # ---- lookups by natural key
    def product_by_sku(self, sku: str) -> ProductRow | None:
        return next((p for p in self.products.values() if p.sku == sku), None)

    def device_by_code(self, code: str) -> DeviceRow | None:
        return next((d for d in self.devices.values() if d.code == code), None)

    # ---- inserts that keep the schema's unique keys
    def add_product(self, **kw: Any) -> ProductRow:
        if self.product_by_sku(kw["sku"]) is not None:
            raise FakeIntegrityError(f"products.sku {kw['sku']!r}")
        row = ProductRow(id=self.new_id("products"), **kw)
        self.products[row.id] = row
        return row

    def add_store(self, name: str) -> StoreRow:
        if any(s.name == name for s in self.stores.values()):
            raise FakeIntegrityError(f"stores.name {name!r}")
        row = StoreRow(self.new_id("stores"), name)
        self.stores[row.id] = row
        return row

    def add_base(self, **kw: Any) -> BaseRow:
        if any(b.name == kw["name"] for b in self.bases.values()):
            raise FakeIntegrityError(f"bases.name {kw['name']!r}")
        self._refers("products", self.products, kw["product_id"])
        row = BaseRow(id=self.new_id("bases"), **kw)
        self.bases[row.id] = row
        return row

    def add_device(self, **kw: Any) -> DeviceRow:
        if self.device_by_code(kw["code"]) is not None:
            raise FakeIntegrityError(f"devices.code {kw['code']!r}")
        row = DeviceRow(id=self.new_id("devices"), **kw)
        self.devices[row.id] = row
        return row

    def add_license(self, **kw: Any) -> LicenseRow:
        self._refers("products", self.products, kw["product_id"])
        self._refers("devices", self.devices, kw.get("device_id"))
        kw.setdefault("created_at", _now())
        row = LicenseRow(id=self.new_id("licenses"), **kw)
        self.licenses[row.id] = row
        return row

    def add_release(self, **kw: Any) -> ReleaseRow:
        if any(
            r.product_id == kw["product_id"] and r.version == kw["version"]
            for r in self.releases.values()
        ):
            raise FakeIntegrityError(f"releases {kw['product_id']}/{kw['version']}")
        row = ReleaseRow(id=self.new_id("releases"), **kw)
        self.releases[row.id] = row
        return row

    def add_event(self, **kw: Any) -> EventRow:
        row = EventRow(id=self.new_id("events"), **kw)
        self.events[row.id] = row
        return row

    @staticmethod
    def _refers(table: str, rows: dict[int, Any], key: int | None) -> None:
        if key is not None and key not in rows:
            raise FakeIntegrityError(f"no {table} row {key}")


# ---------------------------------------------------------------- the license table


def _fold(*parts: str | None) -> str:
    """storage.search_index.fold: the case-folded search text of a license."""
    return " | ".join(p for p in parts if p).casefold()


def _key(text: str | None) -> str | None:
    return text.casefold() if text else None


#: Each sort key's columns as the SQL orders them: (value of a record, NULL placement).
#: "last": NULLS LAST in both directions (the SQL's leading key); "low": NULL below every
#: value (SQLite's default, which the SQL leaves the status sort's end date to).
_SortColumn = tuple[Callable[[LicenseRecord], Any], str]
_SORTS: dict[SortKey, tuple[_SortColumn, ...]] = {
    SortKey.PRODUCT: ((lambda r: _key(r.product_name), "last"),),
    SortKey.KIND: ((lambda r: f"{r.product_line}/{r.device_kind or ''}", "last"),),
    SortKey.DEVICE_CODE: ((lambda r: _key(r.device_code), "last"),),
    SortKey.DEVICE: ((lambda r: _key(r.device_name), "last"),),
    SortKey.STORE: ((lambda r: _key(r.store_name), "last"),),
    SortKey.STATUS: (
        (lambda r: 0 if r.device_code else 1, "last"),
        (lambda r: r.subscription_end, "low"),
    ),
    SortKey.ACTIVATED: ((lambda r: r.activated_on, "last"),),
    SortKey.END: ((lambda r: r.subscription_end, "last"),),
    SortKey.DAYS_LEFT: ((lambda r: r.subscription_end, "last"),),
    SortKey.ID: (),
}


def order_records(records: Iterable[LicenseRecord], query: LicenseQuery) -> list[LicenseRecord]:
    """The query's order, as license_reader.LicenseSql.order_by asks SQLite for it."""
    desc = query.descending
    rows = sorted(records, key=lambda r: r.id, reverse=desc)
    # Stable sorts from the last key to the first give the lexicographic order.
    for value, nulls in reversed(_SORTS[query.sort]):
        present = [r for r in rows if value(r) is not None]
        empty = [r for r in rows if value(r) is None]
        present.sort(key=value, reverse=desc)  # reverse=True keeps ties stable
        nulls_first = nulls == "low" and not desc
        rows = empty + present if nulls_first else present + empty
    return rows


def status_of(record: LicenseRecord, today: dt.date, threshold: int) -> LicenseStatus:
    """A record's status by the date rules alone (the SQL cannot verify signatures)."""
    return license_status(
        bound=record.device_id is not None,
        subscription_end=record.subscription_end,
        today=today,
        threshold_days=threshold,
    )


class FakeLicenseReader:
    def __init__(self, state: FakeState) -> None:
        self._s = state

    def _record(self, lic: LicenseRow) -> LicenseRecord:
        s = self._s
        p = s.products[lic.product_id]
        d = s.devices.get(lic.device_id) if lic.device_id is not None else None
        st = s.stores.get(d.store_id) if d is not None and d.store_id is not None else None
        return LicenseRecord(
            lic.id,
            p.sku,
            p.name,
            p.line,
            lic.device_id,
            d.code if d else None,
            d.name if d else None,
            d.kind if d else None,
            d.store_id if d else None,
            st.name if st else None,
            lic.activated_on,
            lic.subscription_end,
            lic.key_id,
            lic.signature,
            lic.serial,
            lic.period_start,
            lic.issued_at.replace(tzinfo=dt.UTC) if lic.issued_at else None,
        )

    def _matching(self, query: LicenseQuery, *, with_status: bool = True) -> list[LicenseRecord]:
        text = query.search.strip().casefold()
        ids = set(query.license_ids) if query.license_ids is not None else None
        out = []
        for lic in self._s.licenses.values():
            r = self._record(lic)
            if (
                with_status
                and query.status is not None
                and status_of(r, query.today, query.threshold_days) is not query.status
            ):
                continue
            if (
                query.expiring_within is not None
                and status_of(r, query.today, query.expiring_within) is not LicenseStatus.EXPIRING
            ):
                continue
            if query.store_id is not None and r.store_id != query.store_id:
                continue
            if ids is not None and r.id not in ids:
                continue
            if text and text not in _fold(
                r.product_name, r.product_sku, r.device_code, r.device_name, r.store_name
            ):
                continue
            out.append(r)
        return out

    def count(self, query: LicenseQuery) -> int:
        return len(self._matching(query))

    def page(
        self, query: LicenseQuery, offset: int, limit: int, total: int | None = None
    ) -> list[LicenseRecord]:
        return order_records(self._matching(query), query)[offset : offset + limit]

    def get(self, license_id: int) -> LicenseRecord | None:
        lic = self._s.licenses.get(license_id)
        return self._record(lic) if lic is not None else None

    def stream(self, query: LicenseQuery, batch: int) -> Iterator[list[LicenseRecord]]:
        rows = order_records(self._matching(query), query)
        for i in range(0, len(rows), batch):
            yield rows[i : i + batch]

    def status_counts(self, query: LicenseQuery) -> dict[LicenseStatus, int]:
        counts = dict.fromkeys(
            (
                LicenseStatus.FREE,
                LicenseStatus.EXPIRING,
                LicenseStatus.EXPIRED,
                LicenseStatus.ACTIVE,
            ),
            0,
        )
        for r in self._matching(query, with_status=False):
            counts[status_of(r, query.today, query.threshold_days)] += 1
        return counts

    def next_end(self, today: dt.date) -> dt.date | None:
        ends = [
            lic.subscription_end
            for lic in self._s.licenses.values()
            if lic.device_id is not None
            and lic.subscription_end is not None
            and lic.subscription_end >= today
        ]
        return min(ends, default=None)

    def latest_event_time(self) -> dt.datetime | None:
        events = self._s.events
        return events[max(events)].occurred_at if events else None

    def store_is_empty(self) -> bool:
        return not self._s.licenses and not self._s.products


# ---------------------------------------------------------------- small repositories


class FakeEventLog:
    def __init__(self, state: FakeState) -> None:
        self._s = state

    def append(
        self,
        kind: str,
        *,
        license_id: int | None = None,
        device_id: int | None = None,
        base_id: int | None = None,
        details: dict[str, Any] | None = None,
    ) -> None:
        self._s.add_event(
            occurred_at=dt.datetime.now(dt.UTC).replace(tzinfo=None),
            kind=kind,
            license_id=license_id,
            device_id=device_id,
            base_id=base_id,
            details=json.dumps(details or {}, ensure_ascii=False, default=str),
        )

    def last_of_kind(self, kind: str) -> EventRecord | None:
        found = [e for e in self._s.events.values() if e.kind == kind]
        if not found:
            return None
        e = max(found, key=lambda e: e.id)
        return EventRecord(
            e.id, e.occurred_at, e.kind, e.license_id, e.device_id, e.base_id, json.loads(e.details)
        )

    def for_license(self, license_id: int) -> list[EventRecord]:
        return [
            EventRecord(
                e.id,
                e.occurred_at,
                e.kind,
                e.license_id,
                e.device_id,
                e.base_id,
                json.loads(e.details or "{}"),
            )
            for e in sorted(self._s.events.values(), key=lambda e: e.id)
            if e.license_id == license_id
        ]

    def all(self) -> list[EventRow]:
        """Every event, oldest first (for tests; not part of the port)."""
        return sorted(self._s.events.values(), key=lambda e: e.id)


class FakeSettings:
    def __init__(self, state: FakeState) -> None:
        self._s = state

    def get(self, key: str) -> str | None:
        return self._s.settings.get(key)

    def set(self, key: str, value: str) -> None:
        self._s.settings[key] = value


class FakeWarningsRepo:
    """storage.warnings_repo.SqlWarningsRepo over the tables: the same due range, stage
    rule, store filter and order (end date, then id)."""

    def __init__(self, state: FakeState) -> None:
        self._s = state

    def _due(self, scope: WarningScope) -> list[DueRecord]:
        s = self._s
        oldest = scope.today - dt.timedelta(days=scope.max_ended_age_days)
        stages = sorted(set(scope.stages))
        newest = (
            scope.today + dt.timedelta(days=stages[-1])
            if stages
            else scope.today - dt.timedelta(days=1)
        )
        reader = FakeLicenseReader(s)
        out: list[DueRecord] = []
        bound = [lic for lic in s.licenses.values() if lic.subscription_end is not None]
        for lic in sorted(bound, key=lambda x: (x.subscription_end, x.id)):
            end = lic.subscription_end
            if lic.device_id is None or end is None or not oldest <= end <= newest:
                continue
            store_id = s.devices[lic.device_id].store_id
            if scope.store_id is not None and store_id != scope.store_id:
                continue
            if scope.store_id is None and scope.no_store and store_id is not None:
                continue
            if end < scope.today:
                stage = ENDED_STAGE
            else:
                stage = next(x for x in stages if end <= scope.today + dt.timedelta(days=x))
            pending = (lic.id, stage, end) not in s.warnings_shown
            if scope.pending_only and not pending:
                continue
            out.append((reader._record(lic), stage, pending))
        return out

    def summary(self, scope: WarningScope) -> list[WarningCount]:
        groups: dict[tuple[int, int | None], list[bool]] = {}
        for rec, stage, pending in self._due(scope):
            store_id = self._store_of(rec.id)
            groups.setdefault((stage, store_id), []).append(pending)
        return [
            WarningCount(
                stage,
                store_id,
                self._s.stores[store_id].name if store_id is not None else None,
                len(flags),
                sum(flags),
            )
            for (stage, store_id), flags in sorted(
                groups.items(), key=lambda g: (g[0][0], g[0][1] is not None, g[0][1] or 0)
            )
        ]

    def _store_of(self, license_id: int) -> int | None:
        lic = self._s.licenses[license_id]
        return self._s.devices[lic.device_id].store_id if lic.device_id is not None else None

    def count(self, scope: WarningScope) -> int:
        return len(self._due(scope))

    def page(
        self, scope: WarningScope, offset: int, limit: int, total: int | None = None
    ) -> list[DueRecord]:
        return self._due(scope)[offset : offset + limit]

    def stream(self, scope: WarningScope, batch: int) -> Iterator[list[DueRecord]]:
        due = self._due(scope)
        for i in range(0, len(due), batch):
            yield due[i : i + batch]

    def ids(self, scope: WarningScope, limit: int) -> list[int]:
        return [rec.id for rec, _stage, _pending in self._due(scope)[:limit]]

    def mark_shown(self, scope: WarningScope) -> int:
        n = 0
        for rec, stage, pending in self._due(scope):
            if pending:
                assert rec.subscription_end is not None
                self._s.warnings_shown[(rec.id, stage, rec.subscription_end)] = scope.today
                n += 1
        return n


class FakeCatalogReader:
    def __init__(self, state: FakeState) -> None:
        self._s = state

    def stores(self) -> list[tuple[int, str]]:
        return sorted(((s.id, s.name) for s in self._s.stores.values()), key=lambda t: t[1])


class FakeRenewalFacts:
    def __init__(self, state: FakeState) -> None:
        self._s = state

    def facts(self, license_ids: Iterable[int]) -> list[LicenseFacts]:
        s = self._s
        out = []
        for lid in sorted(set(license_ids)):
            lic = s.licenses.get(lid)
            if lic is None:
                continue
            p = s.products[lic.product_id]
            device = s.devices.get(lic.device_id) if lic.device_id is not None else None
            lots = sorted(
                (lot for lot in s.lots.values() if lot.license_id == lid),
                key=lambda lot: (lot.purchased_on, lot.id),
            )
            out.append(
                LicenseFacts(
                    lic.id,
                    p.sku,
                    p.name,
                    p.line,
                    p.currency,
                    p.renewal_sku,
                    device.code if device else None,
                    lic.activated_on,
                    lic.subscription_end,
                    tuple(
                        Lot(
                            s.products[lot.product_id].sku,
                            s.products[lot.product_id].name,
                            lot.seats,
                            lot.purchased_on,
                            lot.dropped_on,
                        )
                        for lot in lots
                    ),
                    period_start=lic.period_start,
                    store=(
                        s.stores[device.store_id].name
                        if device is not None and device.store_id is not None
                        else None
                    ),
                )
            )
        return out

    def price_list(self, skus: Iterable[str] | None = None) -> PriceList:
        prices: dict[str, list[tuple[dt.date, Decimal]]] = {}
        wanted = (
            sorted(set(skus))
            if skus is not None
            else sorted(p.sku for p in self._s.products.values())
        )
        for sku in wanted:
            p = self._s.product_by_sku(sku)
            if p is None:
                continue
            for day, minor in p.prices.items():
                amount = Decimal(minor).scaleb(-MINOR_UNITS.get(p.currency, 2))
                prices.setdefault(sku, []).append((day, amount))
        return PriceList(prices)

    def renewable_ids(self) -> list[int]:
        return [
            lic.id
            for lic in self._s.licenses.values()
            if lic.device_id is not None and lic.subscription_end is not None
        ]

    def _bound_before(self, line: str, horizon: dt.date) -> list[LicenseRow]:
        s = self._s
        return sorted(
            (
                lic
                for lic in s.licenses.values()
                if lic.device_id is not None
                and lic.subscription_end is not None
                and lic.subscription_end < horizon
                and s.products[lic.product_id].line == line
            ),
            key=lambda lic: lic.id,
        )

    def ms_cohorts(self, today: dt.date, horizon: dt.date) -> Iterator[Cohort]:
        s = self._s
        counts: dict[tuple[int, dt.date, int | None], int] = {}
        for lic in self._bound_before(ProductLine.MOBILE_SMARTS.value, horizon):
            assert lic.subscription_end is not None and lic.device_id is not None
            end = max(lic.subscription_end, today - dt.timedelta(days=1))
            key = (lic.product_id, end, s.devices[lic.device_id].store_id)
            counts[key] = counts.get(key, 0) + 1
        for (pid, end, store_id), n in counts.items():
            p = s.products[pid]
            store = s.stores[store_id].name if store_id is not None else None
            yield Cohort(p.sku, p.line, p.currency, end, store, n)

    def enova_ids(self, horizon: dt.date, batch: int = 500) -> Iterator[list[int]]:
        ids = [lic.id for lic in self._bound_before(ProductLine.ENOVA365.value, horizon)]
        for i in range(0, len(ids), batch):
            yield ids[i : i + batch]


# ---------------------------------------------------------------- bases


class FakeBasesRepo:
    def __init__(self, state: FakeState) -> None:
        self._s = state

    def infos(self, base_ids: Iterable[int] | None = None) -> list[BaseInfo]:
        s = self._s
        wanted = set(base_ids) if base_ids is not None else None
        out = []
        for b in sorted(s.bases.values(), key=lambda b: b.name):
            if wanted is not None and b.id not in wanted:
                continue
            p = s.products[b.product_id]
            store = s.stores[b.store_id].name if b.store_id is not None else None
            out.append(
                BaseInfo(
                    b.id,
                    b.name,
                    p.sku,
                    p.name,
                    store,
                    b.installed_version,
                    b.installed_on,
                    b.platform_version,
                    b.server_version,
                    b.internet_exchange,
                )
            )
        return out

    def releases(self, sku: str) -> list[Release]:
        p = self._s.product_by_sku(sku)
        if p is None:
            return []
        return [
            Release(r.version, r.released_on)
            for r in self._s.releases.values()
            if r.product_id == p.id
        ]

    def devices(self, base_id: int) -> list[BaseDevice]:
        s = self._s
        out = []
        for d in sorted(s.devices.values(), key=lambda d: (d.name, d.id)):
            if d.base_id != base_id:
                continue
            ids = sorted(lic.id for lic in s.licenses.values() if lic.device_id == d.id)
            out.append(
                BaseDevice(
                    d.id, d.code, d.name, d.kind, d.platform_version, d.client_version, tuple(ids)
                )
            )
        return out

    def facts(self, info: BaseInfo) -> BaseFacts:
        s = self._s
        licenses = tuple(
            BaseLicense(lic.id, lic.device_id, lic.subscription_end)
            for lic in sorted(s.licenses.values(), key=lambda lic: lic.id)
            if lic.device_id is not None
            and s.devices[lic.device_id].base_id == info.id
            and s.products[lic.product_id].sku == info.product_sku
        )
        return BaseFacts(
            info.id,
            info.name,
            info.product_sku,
            info.installed_version,
            info.internet_exchange,
            licenses,
            tuple(self.releases(info.product_sku)),
        )

    def base_of_license(self, license_id: int) -> int | None:
        lic = self._s.licenses.get(license_id)
        if lic is None or lic.device_id is None:
            return None
        return self._s.devices[lic.device_id].base_id

    def set_installed(self, base_id: int, version: str, on: dt.date) -> None:
        base = self._s.bases[base_id]
        base.installed_version = version
        base.installed_on = on

    def product_id(self, sku: str) -> int | None:
        p = self._s.product_by_sku(sku)
        return p.id if p else None

    def add_releases(
        self, sku: str, releases: list[tuple[str, dt.date, str, str]]
    ) -> tuple[list[str], list[tuple[str, dt.date, dt.date]]]:
        pid = self.product_id(sku)
        assert pid is not None
        stored = {
            r.version: r.released_on for r in self._s.releases.values() if r.product_id == pid
        }
        conflicts = [(v, stored[v], d) for v, d, _, _ in releases if v in stored and stored[v] != d]
        if conflicts:
            return [], conflicts
        added: list[str] = []
        for version, day, description, file in releases:
            if version in stored:
                continue
            self._s.add_release(
                product_id=pid, version=version, released_on=day, description=description, file=file
            )
            stored[version] = day
            added.append(version)
        return added, []


# ---------------------------------------------------------------- activation


class FakeActivationRepo:
    def __init__(self, state: FakeState) -> None:
        self._s = state

    def store_id(self) -> str:
        return self._s.settings.setdefault("store_id", uuid.uuid4().hex)

    def _activation(self, chash: str) -> ActivationRow | None:
        return next((a for a in self._s.activations.values() if a.code_hash == chash), None)

    def activation(self, chash: str) -> tuple[int, str] | None:
        a = self._activation(chash)
        return (a.license_id, a.device_code) if a else None

    def add_activation(self, chash: str, license_id: int, device_code: str, kind: str) -> None:
        FakeState._refers("licenses", self._s.licenses, license_id)
        a = self._activation(chash)
        if a is not None:
            a.license_id, a.device_code = license_id, device_code
            return
        row = ActivationRow(
            self._s.new_id("activations"), chash, license_id, device_code, kind, _now()
        )
        self._s.activations[row.id] = row

    def recent_failures(self, since: dt.datetime) -> list[dt.datetime]:
        return sorted(at for at in self._s.attempts if at >= since)

    def add_failure(self) -> None:
        self._s.attempts.append(_now())

    def clear_failures(self) -> None:
        self._s.attempts.clear()

    def device_licenses(self, device_code: str) -> list[HeldLicense]:
        s = self._s
        device = s.device_by_code(device_code)
        if device is None:
            return []
        return [
            HeldLicense(
                lic.id,
                s.products[lic.product_id].sku,
                s.products[lic.product_id].line,
                lic.subscription_end,
                lic.serial,
                lic.signature is not None,
            )
            for lic in sorted(s.licenses.values(), key=lambda lic: lic.id)
            if lic.device_id == device.id
        ]

    def device_choices(self) -> list[tuple[str, str]]:
        return [
            (d.code, d.name) for d in sorted(self._s.devices.values(), key=lambda d: (d.name, d.id))
        ]

    def ensure_device(self, device_code: str) -> int:
        d = self._s.device_by_code(device_code)
        if d is None:
            kind = "pc" if device_code.startswith("PC") else "terminal"
            d = self._s.add_device(code=device_code, kind=kind, name=device_code.split("-")[0])
        return d.id

    def license_by_serial(self, serial: str) -> int | None:
        return next((lic.id for lic in self._s.licenses.values() if lic.serial == serial), None)

    def product_exists(self, sku: str) -> bool:
        return self._s.product_by_sku(sku) is not None

    def store_document(
        self,
        license_id: int | None,
        doc: LicenseDocument,
        signature: str,
        *,
        activated_on: dt.date | None = None,
    ) -> int:
        device_id = self.ensure_device(doc.device)
        other = self.license_by_serial(doc.serial)
        if other is not None and other != license_id:
            raise FakeIntegrityError(f"licenses.serial {doc.serial!r}")  # a unique index
        values = {
            "device_id": device_id,
            "period_start": doc.start,
            "subscription_end": doc.end,
            "serial": doc.serial,
            "issued_at": doc.issued_at.astimezone(dt.UTC).replace(tzinfo=None),
            "key_id": doc.key,
            "signature": signature,
        }
        if license_id is None:
            p = self._s.product_by_sku(doc.product)
            if p is None:
                from desktop.domain.errors import DomainError

                raise DomainError("unknown_product_sku", sku=doc.product)
            return self._s.add_license(
                product_id=p.id, activated_on=activated_on or doc.start, **values
            ).id
        lic = self._s.licenses[license_id]
        for key, value in values.items():
            setattr(lic, key, value)
        if lic.activated_on is None:
            lic.activated_on = activated_on or doc.start
        return license_id

    def license_binding(self, license_id: int) -> LicenseBinding | None:
        lic = self._s.licenses.get(license_id)
        if lic is None:
            return None
        code = self._s.devices[lic.device_id].code if lic.device_id is not None else None
        sku = self._s.products[lic.product_id].sku
        return LicenseBinding(license_id, code, lic.subscription_end, lic.serial, sku)

    def unbind(self, license_id: int) -> None:
        self._s.licenses[license_id].device_id = None


# ---------------------------------------------------------------- orders

OPEN_STATUSES = ("draft", "sent")


class FakeOrdersRepo:
    def __init__(self, state: FakeState) -> None:
        self._s = state

    def create(self, quote_date: dt.date, lines: Sequence[NewOrderLine]) -> int:
        order = OrderTableRow(self._s.new_id("orders"), _now(), quote_date, "draft")
        self._s.orders[order.id] = order
        for line in lines:
            row = OrderLineTableRow(
                id=self._s.new_id("order_lines"),
                order_id=order.id,
                license_id=line.license_id,
                product_name=line.product_name,
                device_code=line.device_code,
                sku=line.sku,
                kind=line.kind,
                amount_minor=line.amount_minor,
                currency=line.currency,
                current_end=line.current_end,
                new_end=line.new_end,
                days_forfeited=line.days_forfeited,
                quantity=line.quantity,
                unit_price_minor=line.unit_price_minor,
                percent_bp=line.percent_bp,
            )
            self._s.order_lines[row.id] = row
            for m in line.modules:
                mod = OrderLineModuleRow(
                    id=self._s.new_id("order_line_modules"),
                    order_line_id=row.id,
                    module_sku=m.module_sku,
                    module_name=m.module_name,
                    seats=m.seats,
                    unit_price_minor=m.unit_price_minor,
                    percent_bp=m.percent_bp,
                    amount_minor=m.amount_minor,
                    deferred=m.deferred,
                    restored=m.restored,
                )
                self._s.order_line_modules[mod.id] = mod
        return order.id

    def _modules(self, line_id: int) -> tuple[OrderModuleRow, ...]:
        return tuple(
            OrderModuleRow(
                m.id,
                m.module_sku,
                m.module_name,
                m.seats,
                m.unit_price_minor,
                m.percent_bp,
                m.amount_minor,
                m.deferred,
                m.restored,
            )
            for m in sorted(self._s.order_line_modules.values(), key=lambda m: m.id)
            if m.order_line_id == line_id
        )

    def _row(self, o: OrderTableRow) -> OrderRow:
        lines = tuple(
            OrderLineRow(
                ln.id,
                ln.license_id,
                ln.product_name,
                ln.device_code,
                ln.sku,
                ln.kind,
                ln.amount_minor,
                ln.currency,
                ln.current_end,
                ln.new_end,
                ln.days_forfeited,
                ln.fulfilled,
                ln.quantity,
                ln.unit_price_minor,
                ln.percent_bp,
                self._modules(ln.id),
            )
            for ln in sorted(self._s.order_lines.values(), key=lambda ln: ln.id)
            if ln.order_id == o.id
        )
        return OrderRow(o.id, o.created_at, o.quote_date, o.status, lines)

    def all(self) -> list[OrderRow]:
        return [self._row(o) for o in sorted(self._s.orders.values(), key=lambda o: -o.id)]

    def get(self, order_id: int) -> OrderRow | None:
        o = self._s.orders.get(order_id)
        return self._row(o) if o else None

    def set_status(self, order_id: int, status: str) -> None:
        self._s.orders[order_id].status = status

    def fulfil_license(self, license_id: int) -> list[int]:
        s = self._s
        done: list[int] = []
        for line in sorted(s.order_lines.values(), key=lambda ln: ln.id):
            order = s.orders[line.order_id]
            if line.license_id != license_id or line.fulfilled or order.status not in OPEN_STATUSES:
                continue
            line.fulfilled = True
            if all(ln.fulfilled for ln in s.order_lines.values() if ln.order_id == order.id):
                order.status = "fulfilled"
                done.append(order.id)
        return done


# ---------------------------------------------------------------- whole datasets


class FakeDatasetStore:
    """storage.dataset_store.SqlDatasetStore over the tables: merge by natural keys."""

    def __init__(self, state: FakeState) -> None:
        self._s = state

    def is_empty(self) -> bool:
        return not self._s.licenses and not self._s.products

    def load(self, dataset: Dataset) -> LoadSummary:
        s = self._s
        now = dt.datetime.now(dt.UTC).replace(tzinfo=None)
        new = dict.fromkeys(("products", "stores", "bases", "devices", "licenses", "releases"), 0)
        for spec in dataset.products:
            p = s.product_by_sku(spec.sku)
            if p is None:
                p = s.add_product(
                    sku=spec.sku,
                    name=spec.name,
                    line=spec.line,
                    kind=spec.kind,
                    currency=spec.currency,
                    renewal_sku=spec.renewal_sku,
                )
                new["products"] += 1
            for price in spec.prices:
                p.prices.setdefault(price.effective_from, Money(price.amount, p.currency).minor)
        stores = {st.name: st.id for st in s.stores.values()}
        # a device may name a store the file does not list (CSV): it is made, as in SQL
        for name in [*dataset.stores, *(d.store for d in dataset.devices if d.store)]:
            if name not in stores:
                stores[name] = s.add_store(name).id
                new["stores"] += 1
        bases = {b.name: b.id for b in s.bases.values()}
        for b in dataset.bases:
            if b.name in bases:
                continue
            bases[b.name] = s.add_base(
                name=b.name,
                product_id=self._product(b.product_sku).id,
                store_id=stores[b.store] if b.store else None,
                installed_version=b.installed_version,
                installed_on=b.installed_on,
                platform_version=b.platform_version,
                server_version=b.server_version,
                internet_exchange=b.internet_exchange,
            ).id
            new["bases"] += 1
        # as the SQL loader: devices go in by code (neighbours in the code index)
        for d in sorted(dataset.devices, key=lambda d: d.code):
            if s.device_by_code(d.code) is not None:
                continue
            s.add_device(
                code=d.code,
                kind=d.kind,
                name=d.name,
                store_id=stores[d.store] if d.store else None,
                base_id=bases[d.base] if d.base else None,
                platform_version=d.platform_version,
                client_version=d.client_version,
            )
            new["devices"] += 1
        existing: dict[tuple[object, ...], int] = {}
        for lic in s.licenses.values():
            key = (lic.product_id, lic.device_id, lic.activated_on)
            existing[key] = existing.get(key, 0) + 1
        keep = self._trust(dataset)
        serials = {lic.serial for lic in s.licenses.values() if lic.serial}
        signed = unsigned = 0
        for spec_l in dataset.licenses:
            product = self._product(spec_l.product_sku)
            device = s.device_by_code(spec_l.device_code) if spec_l.device_code else None
            if spec_l.device_code and device is None:
                raise FakeIntegrityError(f"no device {spec_l.device_code!r}")
            key = (product.id, device.id if device else None, spec_l.activated_on)
            if existing.get(key, 0) > 0:
                existing[key] -= 1
                continue
            sig = spec_l.signed if keep else None
            if sig is not None and sig.serial in serials:
                sig = None  # one license, one serial: the stored one stays verified
            lic = s.add_license(
                product_id=product.id,
                device_id=device.id if device else None,
                activated_on=spec_l.activated_on,
                subscription_end=spec_l.subscription_end,
                created_at=now,
                period_start=spec_l.period_start,
                **(
                    {}
                    if sig is None
                    else {
                        "serial": sig.serial,
                        "issued_at": sig.issued_at,
                        "key_id": sig.key_id,
                        "signature": sig.signature,
                    }
                ),
            )
            if sig is not None:
                serials.add(sig.serial)
                signed += 1
            elif spec_l.signed is not None:
                unsigned += 1
            new["licenses"] += 1
            for lot in spec_l.modules:
                row = LotRow(
                    s.new_id("lots"),
                    lic.id,
                    self._product(lot.module_sku).id,
                    lot.seats,
                    lot.purchased_on,
                    lot.dropped_on,
                )
                s.lots[row.id] = row
            for ev in spec_l.history or [{"kind": "imported"}]:
                at = ev.get("at")
                s.add_event(
                    occurred_at=dt.datetime.fromisoformat(at) if isinstance(at, str) else now,
                    kind=str(ev.get("kind", "imported")),
                    license_id=lic.id,
                    device_id=device.id if device else None,
                    base_id=None,
                    details=json.dumps(
                        {k: v for k, v in ev.items() if k not in ("kind", "at")},
                        ensure_ascii=False,
                        default=str,
                    ),
                )
        known = {(r.product_id, r.version) for r in s.releases.values()}
        for r in dataset.releases:
            pid = self._product(r.product_sku).id
            if (pid, r.version) in known:
                continue
            s.add_release(
                product_id=pid,
                version=r.version,
                released_on=r.released_on,
                description=r.description,
                file=r.file,
            )
            known.add((pid, r.version))
            new["releases"] += 1
        for name, value in dataset.settings.items():
            s.settings.setdefault(name, value)
        return LoadSummary(
            new["products"],
            new["stores"],
            new["bases"],
            new["devices"],
            new["licenses"],
            new["releases"],
            signed=signed,
            unsigned=unsigned,
        )

    def _trust(self, dataset: Dataset) -> bool:
        """As _Loader._trust: this store's own file, or a restore into an unsigned store
        (which takes the file's store id)."""
        s = self._s
        if not dataset.store_id or not any(lic.signed for lic in dataset.licenses):
            return False
        if s.settings.get(STORE_ID_KEY) == dataset.store_id:
            return True
        if any(lic.signature is not None for lic in s.licenses.values()):
            return False
        s.settings[STORE_ID_KEY] = dataset.store_id
        return True

    def load_plan(self, plan: ImportPlan, progress: Progress = NO_PROGRESS) -> LoadSummary:
        """The checked file as one Dataset (the fake holds everything in memory anyway)."""
        devices = list(plan.devices)
        specs: list[LicenseSpec] = []
        for batch_devices, batch_licenses in plan.batches(5000):
            devices += batch_devices
            specs += batch_licenses
            progress.step(len(specs), plan.license_count)
        summary = self.load(
            Dataset(
                products=plan.products,
                stores=plan.stores,
                bases=plan.bases,
                devices=devices,
                licenses=specs,
                releases=plan.releases,
                settings=plan.settings,
                store_id=plan.store_id,
            )
        )
        return replace(summary, skipped_settings=plan.skipped_settings)

    def _product(self, sku: str) -> ProductRow:
        p = self._s.product_by_sku(sku)
        if p is None:
            raise FakeIntegrityError(f"no product {sku!r}")
        return p

    def dump(self) -> Dataset:
        s = self._s
        data = Dataset()
        for p in sorted(s.products.values(), key=lambda p: p.id):
            scale = MINOR_UNITS.get(p.currency, 2)
            data.products.append(
                ProductSpec(
                    p.sku,
                    p.name,
                    p.line,
                    p.currency,
                    p.kind,
                    p.renewal_sku,
                    [
                        PriceSpec(day, Decimal(minor).scaleb(-scale))
                        for day, minor in sorted(p.prices.items())
                    ],
                )
            )
        data.stores = [st.name for st in sorted(s.stores.values(), key=lambda st: st.id)]
        for b in sorted(s.bases.values(), key=lambda b: b.id):
            data.bases.append(
                BaseSpec(
                    b.name,
                    s.products[b.product_id].sku,
                    s.stores[b.store_id].name if b.store_id is not None else None,
                    b.installed_version,
                    b.installed_on,
                    b.platform_version,
                    b.server_version,
                    b.internet_exchange,
                )
            )
        for d in sorted(s.devices.values(), key=lambda d: d.id):
            data.devices.append(
                DeviceSpec(
                    d.code,
                    d.kind,
                    d.name,
                    s.stores[d.store_id].name if d.store_id is not None else None,
                    s.bases[d.base_id].name if d.base_id is not None else None,
                    d.platform_version,
                    d.client_version,
                )
            )
        for lic in sorted(s.licenses.values(), key=lambda lic: lic.id):
            history: list[dict[str, object]] = []
            for ev in sorted(s.events.values(), key=lambda e: e.id):
                if ev.license_id == lic.id:
                    entry: dict[str, object] = {"kind": ev.kind, "at": ev.occurred_at.isoformat()}
                    entry.update(json.loads(ev.details or "{}"))
                    history.append(entry)
            data.licenses.append(
                LicenseSpec(
                    s.products[lic.product_id].sku,
                    s.devices[lic.device_id].code if lic.device_id is not None else None,
                    lic.activated_on,
                    lic.subscription_end,
                    [
                        LotSpec(
                            s.products[lot.product_id].sku,
                            lot.seats,
                            lot.purchased_on,
                            lot.dropped_on,
                        )
                        for lot in sorted(s.lots.values(), key=lambda lot: lot.id)
                        if lot.license_id == lic.id
                    ],
                    history,
                    lic.period_start,
                    SignedSpec(lic.serial, lic.issued_at, lic.key_id, lic.signature)
                    if lic.signature and lic.serial and lic.issued_at and lic.key_id
                    else None,
                )
            )
        for r in sorted(s.releases.values(), key=lambda r: (r.product_id, r.released_on, r.id)):
            data.releases.append(
                ReleaseSpec(
                    s.products[r.product_id].sku, r.version, r.released_on, r.description, r.file
                )
            )
        data.settings = {k: v for k, v in s.settings.items() if k not in SKIPPED_SETTINGS}
        data.store_id = s.settings.get(STORE_ID_KEY)
        return data


# ---------------------------------------------------------------- unit of work and database


class FakeUnitOfWork:
    """One transaction over a private copy of the committed state."""

    def __init__(self, db: FakeDatabase, *, write: bool = False) -> None:
        self._db = db
        self.write = write
        self.committed = 0
        self._entered = False
        self._base_version = db.version
        # Set when entered (as SqlUnitOfWork does): a unit used outside ``with`` fails.
        self.state: FakeState
        self.licenses: FakeLicenseReader
        self.events: FakeEventLog
        self.settings: FakeSettings
        self.dataset: FakeDatasetStore
        self.warnings: FakeWarningsRepo
        self.catalog: FakeCatalogReader
        self.renewals: FakeRenewalFacts
        self.bases: FakeBasesRepo
        self.activation: FakeActivationRepo
        self.orders: FakeOrdersRepo

    def _start(self) -> None:
        state = self.state = self._db.state.clone()
        self._base_version = self._db.version
        self.licenses = FakeLicenseReader(state)
        self.events = FakeEventLog(state)
        self.settings = FakeSettings(state)
        self.dataset = FakeDatasetStore(state)
        self.warnings = FakeWarningsRepo(state)
        self.catalog = FakeCatalogReader(state)
        self.renewals = FakeRenewalFacts(state)
        self.bases = FakeBasesRepo(state)
        self.activation = FakeActivationRepo(state)
        self.orders = FakeOrdersRepo(state)

    def __enter__(self) -> FakeUnitOfWork:
        assert not self._entered, "a unit of work is entered once"
        self._entered = True
        self._start()
        self._db.opened += 1
        if self.write:
            self._db.writes_opened += 1
        return self

    def __exit__(self, *exc: object) -> None:
        pass  # whatever was not committed stays in this unit's private copy: discarded

    def commit(self) -> None:
        db = self._db
        if db.version != self._base_version:
            raise ConcurrentCommit("another unit of work committed since this one began")
        if db.fail_next_commit is not None:
            err, db.fail_next_commit = db.fail_next_commit, None
            raise err
        if self.write:  # as the SQL unit of work: every write leaves the time it saw
            from desktop.services.clock import HIGH_WATER_KEY

            now = _now().replace(microsecond=0).isoformat()
            if self.state.settings.get(HIGH_WATER_KEY, "") < now:
                self.state.settings[HIGH_WATER_KEY] = now
        db.state = self.state.clone()  # this unit may go on from what it committed
        db.version += 1
        self._base_version = db.version
        db.committed += 1
        self.committed += 1
        if self.write:
            db.changed()

    def rollback(self) -> None:
        self._start()


class FakeDatabase:
    """The services' Database over :class:`FakeState`, with the window's extras."""

    def __init__(self, state: FakeState | None = None, *, label: str = "memory") -> None:
        self.state = state if state is not None else FakeState()
        # a store's id is created with it (migration 0006), never later by a read
        self.state.settings.setdefault("store_id", uuid.uuid4().hex)
        self.version = 0
        self.committed = 0  # commits so far (tests assert "once" or "none")
        self.opened = 0  # units of work entered (reads included)
        self.writes_opened = 0
        #: Raised by the next commit (a disk full, a lost connection), then cleared.
        self.fail_next_commit: Exception | None = None
        self._label = label
        self._listeners: list[Callable[[], None]] = []
        self.read_only: DomainError | None = None  # what check_writable raises

    @property
    def label(self) -> str:
        return self._label

    @property
    def dialect(self) -> str:
        return "memory"

    @property
    def sync_reads(self) -> bool:
        return True

    def uow(self, *, write: bool = False) -> FakeUnitOfWork:
        if write:
            self.check_writable()
        return FakeUnitOfWork(self, write=write)

    def check_writable(self) -> None:
        if self.read_only is not None:
            raise DomainError(self.read_only.code, **self.read_only.params)

    def read_only_reason(self) -> DomainError | None:
        return self.read_only

    @contextmanager
    def read(self) -> Iterator[FakeUnitOfWork]:
        with self.uow() as uow:
            yield uow

    def subscribe(self, listener: Callable[[], None]) -> Callable[[], None]:
        self._listeners.append(listener)
        return lambda: self._listeners.remove(listener) if listener in self._listeners else None

    def backups(self) -> None:
        return None  # an in-memory store has no file to back up

    def watch_busy(self, listener: Callable[[bool], None]) -> Callable[[], None]:
        return lambda: None  # nothing else can hold its lock

    def changed(self) -> None:
        for listener in list(self._listeners):
            try:
                listener()
            except Exception:  # as SqlDatabase: a view's trouble must not undo a write
                log.exception("change listener failed")

    def dispose(self) -> None:
        self._listeners.clear()

    # ---- for tests
    def snapshot(self) -> FakeState:
        """A copy of the committed state (to compare before and after)."""
        return self.state.clone()


# ---------------------------------------------------------------- an authority in-process


class FakeAuthority:
    """The real license authority (desktop.authority.service) in this process, on a
    folder of its own, without HTTP: the same rules, the same register, real Ed25519
    signatures, in milliseconds. ``tamper_line`` spoils the signature of one line of
    the next fulfilment (1-based), as a broken or hostile answer would."""

    def __init__(self, today: dt.date = dt.date(2026, 11, 22)) -> None:
        from desktop.authority import config
        from desktop.authority.service import AuthorityService, init_authority
        from desktop.authority.signer import KeyStorage
        from desktop.domain.clock import FixedClock

        folder = Path(tempfile.mkdtemp(prefix="licdesk-fake-authority-"))
        init_authority(folder, name=config.DEMO_NAME, key_storage=KeyStorage.FILE)
        self.service = AuthorityService(folder, FixedClock(today), allow_fulfil=True)
        self.tamper_line: int | None = None
        self.calls: list[str] = []

    @property
    def keys(self) -> TrustedKeys:
        """What a PC that trusts this authority holds."""
        public = {k.key_id: k.public for k in self.service.public_keys()}
        return TrustedKeys().with_keys(parse_key_file(json.dumps(public).encode(), "fake", MACHINE))

    def issue(self, sku: str, kind: str, count: int = 1, devices: int = 1) -> list[str]:
        return self.service.issue(sku, kind, count=count, devices=devices)

    # --- the port
    def activate(
        self,
        code: str,
        device: str,
        store: str,
        *,
        serial: str | None = None,
        product: str | None = None,
        current_end: dt.date | None = None,
    ) -> SignedActivation:
        self.calls.append("activate")
        return self.service.activate(
            code, device, store, serial=serial, product=product, current_end=current_end
        )

    def transfer(self, serial: str, device: str, store: str) -> TransferResult:
        self.calls.append("transfer")
        return self.service.transfer(serial, device, store)

    def fulfil(self, store: str, order_ref: str, lines: Sequence[OrderLine]) -> FulfilResult:
        self.calls.append("fulfil")
        answer = self.service.fulfil(store, order_ref, [x.to_json() for x in lines])
        if self.tamper_line is None:
            return answer
        spoilt = list(answer.lines)
        n = self.tamper_line - 1
        line = spoilt[n]
        signed = line.activation.license
        bad = SignedLicense(signed.document, signed.key_id, signed.signature[:-4] + "AAA=")
        spoilt[n] = replace(line, activation=replace(line.activation, license=bad))
        return replace(answer, lines=tuple(spoilt))

    def seed(self, store: str, items: Sequence[SeedItem]) -> SeedResult:
        self.calls.append("seed")
        return self.service.seed(store, [x.to_json() for x in items])

    def status(self) -> AuthorityStatus:
        return self.service.status()


def fake_verifier(db: FakeDatabase, authority: FakeAuthority) -> LicenseVerifier:
    """The real verifier over the fake store, trusting the in-process authority."""
    return LicenseVerifier(db, lambda: authority.keys)


if TYPE_CHECKING:  # mypy proves the fakes satisfy the services' ports

    def _satisfies_port(uow: FakeUnitOfWork) -> UnitOfWork:
        return uow

    def _satisfies_database(db: FakeDatabase) -> Database:
        return db

    def _satisfies_app_database(db: FakeDatabase) -> AppDatabase:
        return db

    def _satisfies_authority(authority: FakeAuthority) -> Authority:
        return authority
