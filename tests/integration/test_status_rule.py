"""One status rule: the quick filters' SQL and ``license_status`` put every license in the
same state (issue item 6), on a real SQLite file, a real PostgreSQL server and the fake.

Hypothesis generates licenses around the edges of the rule - free or bound, no end date,
ending today, on the last expiring day (today + threshold) and the day after, in the
past and the future - for a random today and threshold, narrowed or not by a store and a
search. For every status, ``status_counts``, ``count(status=...)`` and the rows
``page()`` returns must be exactly the licenses the status function puts in that state.

Decisions the test holds:

* A bound license without an end date (imports refuse it; a hand edit can leave one)
  is expired, in SQL as in ``license_status``.
* The filters are the date rule. A signature is checked per row by the verifier: a row
  the verifier refuses shows as ``invalid`` inside the filter its dates put it in; SQL
  never counts ``invalid`` (it cannot verify a signature).
* The fake license reader (tests/support/fakes.py) is held equal to SQLite, order and
  deep pages included; on PostgreSQL only the sets are compared (text sorts follow the
  server's collation there).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import text

from desktop.domain.status import LicenseStatus, Verdict, license_status
from desktop.services import licenses
from desktop.services.dataset import Dataset, DeviceSpec, LicenseSpec, ProductSpec
from desktop.services.ports import Database, LicenseQuery, LicenseRecord, SortKey, UnitOfWork
from desktop.storage import license_reader
from desktop.storage.open import open_store
from desktop.storage.uow import Store
from tests.conftest import as_db
from tests.support.fakes import FakeDatabase, order_records

STORES = ("Магазин на Ленина, 12", "Склад Южный")
PRODUCTS = [
    ProductSpec("MS-STORE15-BASE", "Магазин 15", "mobile-smarts", "RUB"),
    ProductSpec("MS-EGAIS3", "ЕГАИС 3", "mobile-smarts", "RUB"),
]
DEVICES = [
    DeviceSpec("CP30-1000000000001-1000000000001", "terminal", "ТСД Ленина-01", STORES[0]),
    DeviceSpec("CP30-1000000000002-1000000000002", "terminal", "ТСД Ленина-02", STORES[0]),
    DeviceSpec("MC33-2000000000001-2000000000001", "terminal", "ТСД Склад-01", STORES[1]),
    DeviceSpec("PC01-3000000000001-3000000000001", "pc", "Кладовщик (ПК)", STORES[1]),
    DeviceSpec("EDA52-4000000000001-4000000000001", "terminal", "Без магазина", None),
]
CATALOG = Dataset(products=PRODUCTS, stores=list(STORES), devices=DEVICES)
SEARCHES = ("", "тсд", "ЛЕНИНА", "15", "ms-", "склад 15", "1000000000002", "  ПК  ", "нет такого")
STATUSES = (
    LicenseStatus.FREE,
    LicenseStatus.ACTIVE,
    LicenseStatus.EXPIRING,
    LicenseStatus.EXPIRED,
)
EVERY = 10_000


@dataclass(frozen=True)
class Lic:
    sku: str
    device: str | None
    activated_on: dt.date | None
    end: dt.date | None
    signature: str | None  # None: unsigned; "good" / "bad": what the verifier says


@dataclass(frozen=True)
class Scenario:
    today: dt.date
    threshold: int
    licenses: list[Lic]
    store: str | None
    search: str
    sort: SortKey
    descending: bool
    within: int
    signed_store: bool


@st.composite
def scenarios(draw: st.DrawFn) -> Scenario:
    today = draw(st.dates(dt.date(2021, 1, 1), dt.date(2035, 12, 31)))
    threshold = draw(st.one_of(st.sampled_from([0, 1, 30, 366]), st.integers(0, 366)))
    edges = [0, -1, 1, threshold, threshold - 1, threshold + 1, -threshold]
    offset = st.one_of(st.none(), st.sampled_from(edges), st.integers(-800, 800))
    end = offset.map(lambda days: None if days is None else today + dt.timedelta(days=days))
    lic = st.builds(
        Lic,
        sku=st.sampled_from([p.sku for p in PRODUCTS]),
        device=st.one_of(st.none(), st.sampled_from([d.code for d in DEVICES])),
        activated_on=st.one_of(st.none(), st.dates(dt.date(2020, 1, 1), dt.date(2036, 1, 1))),
        end=end,
        signature=st.sampled_from([None, "good", "bad"]),
    )
    return Scenario(
        today=today,
        threshold=threshold,
        licenses=draw(st.lists(lic, max_size=24)),
        store=draw(st.sampled_from([None, *STORES])),
        search=draw(st.sampled_from(SEARCHES)),
        sort=draw(st.sampled_from(list(SortKey))),
        descending=draw(st.booleans()),
        within=draw(st.sampled_from([0, threshold, 7, 366])),
        signed_store=draw(st.booleans()),
    )


PROPERTY = settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


# ---------------------------------------------------------------- loading


def load(db: Database, scenario: Scenario) -> None:
    """The generated licenses into a store holding the catalog and no license, through
    the services' port (the same path for SQL and the fake); signatures by hand."""
    with db.uow(write=True) as uow:
        uow.dataset.load(
            Dataset(
                licenses=[
                    LicenseSpec(g.sku, g.device, g.activated_on, g.end) for g in scenario.licenses
                ]
            )
        )
        records = _everything(uow, scenario)
        signed = [
            (record.id, g.signature)
            for record, g in zip(records, scenario.licenses, strict=True)
            if g.signature is not None
        ]
        if signed:
            _sign_by_hand(uow, signed)
        uow.commit()


def _sign_by_hand(uow: UnitOfWork, signed: list[tuple[int, str]]) -> None:
    """Signature columns as a hand edit would set them (the verifier judges them)."""
    session = getattr(uow, "session", None)
    if session is not None:
        for license_id, signature in signed:
            session.execute(
                text("UPDATE licenses SET key_id = 'test-key', signature = :s WHERE id = :i"),
                {"s": signature, "i": license_id},
            )
        return
    state = getattr(uow, "state")  # noqa: B009 - the fake unit of work's staged tables
    for license_id, signature in signed:
        state.licenses[license_id].key_id = "test-key"
        state.licenses[license_id].signature = signature


def _everything(uow: UnitOfWork, scenario: Scenario) -> list[LicenseRecord]:
    query = LicenseQuery(today=scenario.today, threshold_days=scenario.threshold, sort=SortKey.ID)
    return uow.licenses.page(query, 0, EVERY)


class SqlTarget:
    """One real store per test; each example starts from the catalog without licenses."""

    def __init__(self, target: str) -> None:
        self.store: Store = open_store(target)
        with self.store.uow(write=True) as uow:
            uow.dataset.load(CATALOG)
            uow.commit()

    def fresh(self, scenario: Scenario) -> Database:
        with self.store.engine.begin() as conn:
            conn.execute(text("DELETE FROM licenses"))
            conn.execute(text("DELETE FROM settings WHERE key = 'signed_store'"))
        db = as_db(self.store)
        load(db, scenario)
        return db


def fake(scenario: Scenario) -> FakeDatabase:
    db = FakeDatabase()
    with db.uow(write=True) as uow:
        uow.dataset.load(CATALOG)
        uow.commit()
    load(db, scenario)
    return db


@pytest.fixture
def sql_target(db_target: str) -> Iterator[SqlTarget]:
    target = SqlTarget(db_target)
    yield target
    target.store.dispose()


# ---------------------------------------------------------------- the property


def rule(record: LicenseRecord, today: dt.date, threshold: int) -> LicenseStatus:
    return license_status(
        bound=record.device_id is not None,
        subscription_end=record.subscription_end,
        today=today,
        threshold_days=threshold,
    )


def _search_text(r: LicenseRecord) -> str:
    parts = (r.product_name, r.product_sku, r.device_code, r.device_name, r.store_name)
    return " | ".join(p for p in parts if p).casefold()


def query_of(scenario: Scenario, store_ids: dict[str, int]) -> LicenseQuery:
    return LicenseQuery(
        today=scenario.today,
        threshold_days=scenario.threshold,
        search=scenario.search,
        store_id=store_ids[scenario.store] if scenario.store else None,
        sort=scenario.sort,
        descending=scenario.descending,
    )


def verifier_of(scenario: Scenario) -> Callable[[LicenseRecord], Verdict]:
    """What the verifier decides: no signature is "not verified" (judged by its dates),
    a good one verified, a bad one invalid."""

    def verdict(record: LicenseRecord) -> Verdict:
        if record.signature is None:
            return Verdict.UNVERIFIED
        return Verdict.VERIFIED if record.signature == "good" else Verdict.INVALID

    return verdict


def check_status_rule(db: Database, scenario: Scenario) -> None:
    """Every quick-filter count and page is exactly what the status function says."""
    today, threshold = scenario.today, scenario.threshold
    with db.uow() as uow:
        store_ids = {name: sid for sid, name in uow.catalog.stores()}
        query = query_of(scenario, store_ids)
        everything = _everything(uow, scenario)
        assert [(r.product_sku, r.device_code, r.subscription_end) for r in everything] == [
            (g.sku, g.device, g.end) for g in scenario.licenses
        ]
        folded = scenario.search.strip().casefold()
        shown = [
            r
            for r in everything
            if (query.store_id is None or r.store_id == query.store_id)
            and folded in _search_text(r)
        ]
        expected = {
            status: {r.id for r in shown if rule(r, today, threshold) is status}
            for status in STATUSES
        }
        assert uow.licenses.count(query) == len(shown)
        assert uow.licenses.status_counts(query) == {s: len(ids) for s, ids in expected.items()}
        for status in LicenseStatus:
            filtered = replace(query, status=status)
            ids = expected.get(status, set())  # INVALID: never a SQL filter
            assert uow.licenses.count(filtered) == len(ids), status
            page = uow.licenses.page(filtered, 0, EVERY)
            assert [r.id for r in page if r.id in ids] == [r.id for r in page], status
            assert len(page) == len(ids), status
        within = replace(query, expiring_within=scenario.within)
        assert {r.id for r in uow.licenses.page(within, 0, EVERY)} == {
            r.id for r in shown if rule(r, today, scenario.within) is LicenseStatus.EXPIRING
        }
        bound_ends = [
            r.subscription_end
            for r in everything
            if r.device_id is not None and r.subscription_end and r.subscription_end >= today
        ]
        assert uow.licenses.next_end(today) == min(bound_ends, default=None)
    # The rows the table shows: the filter's status, or invalid when the verifier refuses.
    verifier = verifier_of(scenario)
    for status in STATUSES:
        rows = licenses.list_licenses(db, replace(query, status=status), verifier)
        records = {r.id: r for r in everything}
        for row in rows:
            valid = (
                verifier(records[row.id]) is not Verdict.INVALID
                or records[row.id].device_id is None
            )
            assert row.status is (status if valid else LicenseStatus.INVALID)
    counts = licenses.counts(db, query)
    assert counts.shown == {s: len(ids) for s, ids in expected.items()}
    assert sum(counts.whole.values()) == len(everything)


@PROPERTY
@given(scenario=scenarios())
def test_sql_filters_follow_the_status_rule(sql_target: SqlTarget, scenario: Scenario) -> None:
    check_status_rule(sql_target.fresh(scenario), scenario)


@PROPERTY
@given(scenario=scenarios())
def test_fake_filters_follow_the_status_rule(scenario: Scenario) -> None:
    check_status_rule(fake(scenario), scenario)


# ---------------------------------------------------------------- the fake equals SQLite


@pytest.fixture
def sqlite_target(tmp_path: Path) -> Iterator[SqlTarget]:
    target = SqlTarget(str(tmp_path / "rule.db"))
    yield target
    target.store.dispose()


def _pages(db: Database, query: LicenseQuery, size: int) -> list[int]:
    with db.uow() as uow:
        total = uow.licenses.count(query)
        return [
            r.id
            for offset in range(0, total + size, size)
            for r in uow.licenses.page(query, offset, size, total)
        ]


@PROPERTY
@given(scenario=scenarios(), size=st.integers(1, 9))
def test_fake_reader_equals_sqlite(
    sqlite_target: SqlTarget, monkeypatch: pytest.MonkeyPatch, scenario: Scenario, size: int
) -> None:
    """Same rows, same order, page by page (deep pages read backwards), every status."""
    monkeypatch.setattr(license_reader, "DEEP_OFFSET", 0)
    sql, mem = sqlite_target.fresh(scenario), fake(scenario)
    with sql.uow() as uow:
        store_ids = {name: sid for sid, name in uow.catalog.stores()}
    query = query_of(scenario, store_ids)
    for status in (None, *STATUSES):
        q = replace(query, status=status)
        sql_ids = _pages(sql, q, size)
        assert sql_ids == _pages(mem, q, size), (status, scenario.sort, scenario.descending)
        with sql.uow() as uow:
            records = uow.licenses.page(q, 0, EVERY)
            assert [r.id for r in order_records(records, q)] == sql_ids  # the fake's order
            streamed = [r.id for batch in uow.licenses.stream(q, size) for r in batch]
            assert streamed == sql_ids
    with sql.uow() as a, mem.uow() as b:
        for lid in [*(r.id for r in _everything(a, scenario)), 0]:
            assert a.licenses.get(lid) == b.licenses.get(lid)
        assert a.licenses.store_is_empty() == b.licenses.store_is_empty()
