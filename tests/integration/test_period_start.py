"""Issue 11.4 through the store: a period's stored start reaches the rules (SQLite,
PostgreSQL and the in-memory fake answer alike), and a backup carries it."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import pytest

from desktop.domain.errors import DomainError
from desktop.services import renewals, setup
from desktop.services.dataset import (
    Dataset,
    DeviceSpec,
    LicenseSpec,
    LotSpec,
    PriceSpec,
    ProductSpec,
)
from desktop.services.ports import Database
from desktop.storage.open import open_store
from tests.conftest import as_db
from tests.support.fakes import FakeDatabase

D = dt.date
SINCE = D(2020, 1, 1)
DEVICE = "PC01-0000000000007-0000000000007"


def _product(sku: str, kind: str, price: str) -> ProductSpec:
    return ProductSpec(sku, sku, "enova365", "PLN", kind, None, [PriceSpec(SINCE, Decimal(price))])


def dataset(period_start: dt.date | None) -> Dataset:
    """An enova365 license activated in 2020 whose current warranty began with an open
    update on 29 February 2024: its end says nothing about that start."""
    return Dataset(
        products=[
            _product("ENOVA365", "license", "0"),
            _product("ENOVA-H", "module", "1000.00"),
            _product("ENOVA-KP", "module", "2000.00"),
        ],
        stores=["Sklep 3"],
        devices=[DeviceSpec(DEVICE, "pc", "Biuro", "Sklep 3")],
        licenses=[
            LicenseSpec(
                "ENOVA365",
                DEVICE,
                SINCE,
                D(2025, 2, 27),
                [
                    LotSpec("ENOVA-H", 1, D(2024, 8, 28)),  # the last day of the sixth month
                    LotSpec("ENOVA-KP", 1, D(2024, 8, 29)),  # the first day after it
                ],
                period_start=period_start,
            )
        ],
    )


@pytest.fixture(params=["sqlite", "postgresql", "fake"])
def target(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[object]:
    if request.param == "fake":
        yield None
        return
    yield (
        tmp_path / "store.db"
        if request.param == "sqlite"
        else request.getfixturevalue("pg_database")
    )


def _open(target: object) -> tuple[Database, object]:
    if target is None:
        return FakeDatabase(), None
    s = open_store(target)  # type: ignore[arg-type]
    return as_db(s), s


def _load(db: Database, data: Dataset) -> int:
    with db.uow(write=True) as uow:
        uow.dataset.load(data)
        uow.commit()
    with db.uow() as uow:
        return uow.renewals.renewable_ids()[0]


def test_the_stored_start_decides_the_six_month_cutoff(target: object, tmp_path: Path) -> None:
    db, s = _open(target)
    try:
        lid = _load(db, dataset(D(2024, 2, 29)))
        line = renewals.quote(db, [lid], D(2025, 2, 1)).lines[0]
        assert [(m.module_sku, m.deferred) for m in line.modules] == [
            ("ENOVA-H", False),
            ("ENOVA-KP", True),
        ]
        assert str(line.amount.amount) == "150.00"  # 15 % of Handel; KP waits a year
        with db.uow() as uow:
            assert uow.renewals.facts([lid])[0].store == "Sklep 3"
        if target is not None:  # a backup keeps the start: the restored store quotes alike
            backup = tmp_path / "backup.json"
            setup.export_file(db, backup, "json")
            r = open_store(tmp_path / "restored.db")
            try:
                restored = as_db(r)
                setup.import_file(restored, backup, D(2025, 2, 1))
                with restored.uow() as uow:
                    rid = uow.renewals.renewable_ids()[0]
                assert renewals.quote(restored, [rid], D(2025, 2, 1)).lines[0] == line
            finally:
                r.dispose()
    finally:
        if s is not None:
            s.dispose()  # type: ignore[attr-defined]


def test_an_unknown_start_off_the_activation_chain_is_refused(target: object) -> None:
    db, s = _open(target)
    try:
        lid = _load(db, dataset(None))
        with pytest.raises(DomainError) as err:
            renewals.quote(db, [lid], D(2025, 2, 1))
        assert err.value.code == "period_start_unknown"
    finally:
        if s is not None:
            s.dispose()  # type: ignore[attr-defined]
