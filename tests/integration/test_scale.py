"""Every job handles more licenses than a statement may carry parameters (issue 16).

On PostgreSQL 66,000 licenses (psycopg allows 65,535 parameters per statement); on
SQLite 3,000 with the parameter limit of each connection lowered to 999 (the code must
not depend on the limit's value: SQLite's default is 32,766, Debian's build 250,000).
No timing is asserted; the benchmark (bench/bench_jobs.py) measures.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import os
import subprocess
import sys
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop.domain.forecast import Cohort, renewal_forecast
from desktop.domain.terms import add_months
from desktop.services import licenses, renewals
from desktop.services import warnings as ws
from desktop.services.progress import NO_PROGRESS
from desktop.storage.database import SqlDatabase
from desktop.storage.open import open_store
from desktop.storage.uow import Store
from tests.conftest import TODAY, as_db
from tests.support.bigstore import end_of, fill, limit_sqlite_variables

pytestmark = pytest.mark.slow

SIZES = {"sqlite": (3000, 1200), "postgresql": (66_000, 600)}


class Big:
    def __init__(self, backend: str, store: Store, target: str) -> None:
        self.backend = backend
        self.store = store
        self.target = target
        self.n_ms, self.n_enova = SIZES[backend]
        self.db: SqlDatabase = as_db(store)

    @property
    def total(self) -> int:
        return self.n_ms + self.n_enova


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def big(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Big]:
    backend = request.param
    if backend == "sqlite":
        target = str(tmp_path_factory.mktemp("big") / "big.db")
        admin = None
    else:
        base = os.environ.get("LICDESK_TEST_PG_URL")
        if not base:
            pytest.skip("LICDESK_TEST_PG_URL not set (no PostgreSQL server)")
        from sqlalchemy import create_engine, text
        from sqlalchemy.engine import make_url

        name = f"licdesk_big_{uuid.uuid4().hex[:10]}"
        admin = create_engine(base, isolation_level="AUTOCOMMIT")
        with admin.connect() as conn:
            conn.execute(text(f'CREATE DATABASE "{name}"'))
        target = make_url(base).set(database=name).render_as_string(hide_password=False)
    store = open_store(target)
    n_ms, n_enova = SIZES[backend]
    fill(store, n_ms, n_enova, TODAY)
    if backend == "sqlite":
        limit_sqlite_variables(store, 999)
    yield Big(backend, store, target)
    store.dispose()
    if admin is not None:
        from sqlalchemy import text

        with admin.connect() as conn:
            conn.execute(
                text(
                    "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                    "WHERE datname = :n AND pid <> pg_backend_pid()"
                ),
                {"n": name},
            )
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}"'))
        admin.dispose()


def test_the_limit_bites(big: Big) -> None:
    """The store really holds more licenses than one statement may name."""
    if big.backend == "sqlite":
        ids = list(range(1, big.total + 1))
        with big.store.engine.connect() as conn, pytest.raises(Exception, match="too many"):
            conn.exec_driver_sql(
                f"SELECT count(*) FROM licenses WHERE id IN ({','.join('?' * len(ids))})",
                tuple(ids),
            )
    assert big.total > (999 if big.backend == "sqlite" else 65_535)


def test_licenses_stream_every_row(big: Big) -> None:
    query = licenses.make_query(big.db, TODAY)
    rows = licenses.list_licenses(big.db, query)
    assert len(rows) == big.total
    ends = [r.subscription_end for r in rows]
    assert ends == sorted(ends)  # the query's order, from one cursor


def test_window_export_streams_every_row(big: Big, tmp_path: Path) -> None:
    from desktop.ui.export import export_rows

    query = licenses.make_query(big.db, TODAY)
    steps: list[int] = []

    class Steps:
        def step(self, done: int, total: int | None = None) -> None:
            steps.append(done)

    target = tmp_path / "rows.csv"
    assert export_rows(big.db, query, licenses.no_keys, target, Steps()) == big.total
    with target.open(encoding="utf-8-sig", newline="") as fh:
        assert sum(1 for _ in csv.reader(fh)) == big.total + 1
    assert len(steps) > 2 and steps[-1] == big.total  # progress as it goes
    if big.backend == "sqlite":
        from openpyxl import load_workbook

        xlsx = tmp_path / "rows.xlsx"
        assert export_rows(big.db, query, licenses.no_keys, xlsx, NO_PROGRESS) == big.total
        sheet = load_workbook(xlsx, read_only=True).active
        assert sheet is not None and sum(1 for _ in sheet.iter_rows()) == big.total + 1


def test_facts_of_any_number_of_licenses(big: Big) -> None:
    ids = list(range(1, big.total + 1))
    with big.db.uow() as uow:
        facts = uow.renewals.facts(ids)
    assert [f.license_id for f in facts] == ids
    assert {f.store for f in facts} == {f"Магазин №{s + 1}" for s in range(20)}
    enova = [f for f in facts if f.line == "enova365"]
    assert len(enova) == big.n_enova and all(len(f.lots) == 1 for f in enova)


def _reference_forecast(big: Big, months: int):  # noqa: ANN202
    """One cohort per license, built in Python from every row: what SQL must add up to."""
    horizon = add_months(TODAY.replace(day=1), months)
    rows = licenses.list_licenses(big.db, licenses.make_query(big.db, TODAY))
    cohorts = [
        Cohort(
            r.product_sku,
            r.product_line,
            "RUB",
            max(r.subscription_end, TODAY - dt.timedelta(days=1)),
            r.store_name,
            1,
        )
        for r in rows
        if r.product_line == "mobile-smarts" and r.subscription_end < horizon
    ]
    enova_ids = [r.id for r in rows if r.product_line == "enova365"]
    with big.db.uow() as uow:
        enova = uow.renewals.facts(enova_ids)
        prices = uow.renewals.price_list(None)
    return renewal_forecast(cohorts, enova, prices, TODAY, months)


@pytest.mark.parametrize("months", [12, 60])
def test_forecast_adds_up_in_sql(big: Big, months: int) -> None:
    got = renewals.forecast(big.db, TODAY, months)
    want = _reference_forecast(big, months)
    assert got.cells == want.cells and got.left_out == want.left_out
    if months == 12:  # within a year each renews once: those whose on-time day is in it
        horizon = dt.date(2027, 11, 1)
        ends = [(i, end_of(i, TODAY)) for i in range(big.total)]
        expected = sum(
            1 for i, end in ends if (end + dt.timedelta(days=1 if i < big.n_ms else 0)) < horizon
        )
        assert sum(m.renewals for m in got.by_month()) == expected - len(got.left_out)
    assert {r.store for r in got.by_store()} == {f"Магазин №{s + 1}" for s in range(20)}


def test_cli_streams_json(big: Big, tmp_path: Path) -> None:
    if big.backend == "sqlite":  # the subprocess' connections keep SQLite's own limit
        pytest.skip("the parameter limit is lowered in this process only")
    env = dict(
        os.environ,
        LICDESK_DATA_DIR=str(tmp_path / "data"),
        PYTHONPATH=str(Path(__file__).resolve().parents[2]),
    )
    base = [sys.executable, "-m", "desktop", "--db", big.target, "--today", TODAY.isoformat()]
    r = subprocess.run([*base, "licenses", "--json"], capture_output=True, text=True, env=env)
    assert r.returncode == 0, r.stderr
    assert len(json.loads(r.stdout)) == big.total
    r = subprocess.run([*base, "warnings", "--json"], capture_output=True, text=True, env=env)
    assert r.returncode == 0, r.stderr
    data = json.loads(r.stdout)
    assert len(data["items"]) == data["due"] > 65_535 // 2


def test_warnings_counted_paged_and_acknowledged_in_sql(big: Big) -> None:
    """Last in the module: it records the stages as shown."""
    state = ws.collect(big.db, TODAY)
    due = [i for i in range(big.total) if -366 <= ((i * 7) % 765 - 400) <= max(state.stages)]
    assert state.total == state.pending == len(due) and state.popup_due
    assert sum(r.total for r in state.by_store()) == state.total
    scope = state.scope(pending_only=True)
    streamed = list(ws.stream(big.db, scope))
    assert len(streamed) == state.total
    assert [i.license.subscription_end for i in streamed] == sorted(
        i.license.subscription_end for i in streamed
    )
    deep = ws.items(big.db, scope, state.total - 5, 10)  # read from the far end
    assert [i.license.id for i in deep] == [i.license.id for i in streamed[-5:]]
    store1 = state.scope(pending_only=True, store=1)
    assert ws.count(big.db, store1) == state.count(pending_only=True, store=1)
    assert len(ws.ids(big.db, scope, 10)) == 10

    assert ws.acknowledge(big.db, TODAY) == state.total  # one INSERT ... SELECT
    after = ws.collect(big.db, TODAY)
    assert after.total == state.total and after.pending == 0 and not after.popup_due
    assert ws.acknowledge(big.db, TODAY) == 0
    later = ws.collect(big.db, TODAY + dt.timedelta(days=20))  # new stages pop up again
    assert 0 < later.pending < later.total


def test_a_cancelled_export_leaves_no_file(big: Big, tmp_path: Path) -> None:
    from desktop.services.progress import Cancelled
    from desktop.ui.export import export_rows

    class CancelSoon:
        def __init__(self) -> None:
            self.steps = 0

        def step(self, done: int, total: int | None = None) -> None:
            self.steps += 1
            if self.steps == 3:  # the user pressed Cancel while rows were being written
                raise Cancelled()

    query = licenses.make_query(big.db, TODAY)
    for name in ("rows.csv", "rows.xlsx"):
        target = tmp_path / name
        with pytest.raises(Cancelled):
            export_rows(big.db, query, licenses.no_keys, target, CancelSoon())
        assert list(tmp_path.iterdir()) == []
