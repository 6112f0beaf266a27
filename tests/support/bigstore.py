"""Stores with many licenses for the scale tests: bulk inserts, no demo data.

``fill`` writes bound Mobile SMARTS licenses and enova365 licenses (one module lot
each) with end dates spread over [today - 400, today + 365), in as few statements as
the driver allows (without the search and sort columns: these tests do not search).
``limit_sqlite_variables`` lowers SQLite's parameter limit on every
connection of a store, so that a test-sized store holds more licenses than a statement
may carry parameters (the code must not depend on the limit's value: SQLite's default
is 32,766, Debian builds it with 250,000, psycopg allows 65,535).
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from typing import Any

from sqlalchemy import event, insert

from desktop.storage.schema import Device, License, ModuleLot, Product, ProductPrice, Store
from desktop.storage.uow import Store as OpenedStore

MS_SKU = "MS-STORE15-BASE"
ENOVA_SKU = "ENOVA-BASE"
MODULE_SKU = "ENOVA-HANDEL"
STORES = 20


def end_of(i: int, today: dt.date) -> dt.date:
    return today + dt.timedelta(days=(i * 7) % 765 - 400)


def fill(store: OpenedStore, n_ms: int, n_enova: int = 0, today: dt.date | None = None) -> None:
    today = today or dt.date(2026, 11, 22)
    now = dt.datetime(2026, 11, 22, 10, 0)
    with store.engine.begin() as conn:
        conn.execute(
            insert(Product),
            [
                {
                    "id": 1,
                    "sku": MS_SKU,
                    "name": "Магазин 15",
                    "line": "mobile-smarts",
                    "kind": "license",
                    "currency": "RUB",
                    "renewal_sku": "SSY1-" + MS_SKU,
                },
                {
                    "id": 2,
                    "sku": ENOVA_SKU,
                    "name": "enova365",
                    "line": "enova365",
                    "kind": "license",
                    "currency": "PLN",
                    "renewal_sku": None,
                },
                {
                    "id": 3,
                    "sku": MODULE_SKU,
                    "name": "Handel",
                    "line": "enova365",
                    "kind": "module",
                    "currency": "PLN",
                    "renewal_sku": None,
                },
            ],
        )
        conn.execute(
            insert(ProductPrice),
            [
                {"product_id": 1, "effective_from": dt.date(2020, 1, 1), "amount_minor": 2490000},
                {"product_id": 2, "effective_from": dt.date(2020, 1, 1), "amount_minor": 0},
                {"product_id": 3, "effective_from": dt.date(2020, 1, 1), "amount_minor": 249000},
            ],
        )
        conn.execute(
            insert(Store), [{"id": s + 1, "name": f"Магазин №{s + 1}"} for s in range(STORES)]
        )
        total = n_ms + n_enova
        devices: list[dict[str, Any]] = [
            {
                "id": i + 1,
                "code": f"CP30-{i:013d}-{i:013d}",
                "kind": "terminal" if i < n_ms else "pc",
                "name": f"ТСД {i + 1:07d}",
                "store_id": i % STORES + 1,
            }
            for i in range(total)
        ]
        for chunk in _chunks(devices):
            conn.execute(insert(Device), chunk)
        licenses: list[dict[str, Any]] = []
        for i in range(total):
            end = end_of(i, today)
            licenses.append(
                {
                    "id": i + 1,
                    "product_id": 1 if i < n_ms else 2,
                    "device_id": i + 1,
                    "activated_on": end - dt.timedelta(days=364),
                    "subscription_end": end,
                    "created_at": now,
                }
            )
        for chunk in _chunks(licenses):
            conn.execute(insert(License), chunk)
        lots = [
            {
                "license_id": i + 1,
                "product_id": 3,
                "seats": 1,
                "purchased_on": end_of(i, today) - dt.timedelta(days=364),
            }
            for i in range(n_ms, total)
        ]
        for chunk in _chunks(lots):
            conn.execute(insert(ModuleLot), chunk)


def _chunks(rows: list[dict[str, Any]], size: int = 5000) -> list[list[dict[str, Any]]]:
    return [rows[i : i + size] for i in range(0, len(rows), size)]


def limit_sqlite_variables(store: OpenedStore, limit: int = 999) -> None:
    """Every later connection of this SQLite store allows ``limit`` parameters per
    statement (pooled connections are dropped)."""

    @event.listens_for(store.engine, "connect")
    def _limit(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.setlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER, limit)

    store.engine.dispose()
