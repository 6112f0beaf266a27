"""Generate a License Desk database with N licenses (real migrations, bulk inserts)."""

from __future__ import annotations

import datetime as dt
import random
import sqlite3
import sys
import time
from pathlib import Path

# This worktree's package, whatever editable install the virtualenv points at.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from desktop.storage.open import open_store  # noqa: E402
from desktop.storage.search_index import _params  # noqa: E402

TODAY = dt.date(2026, 11, 22)
PRODUCTS = [
    ("MS-STORE15-BASE", "Магазин 15", 2490000),
    ("MS-WH15-BASE", "Склад 15", 2190000),
    ("MS-KIROVKA", "Кировка", 1490000),
    ("MS-EGAIS3", "ЕГАИС 3", 990000),
    ("MS-EGAIS-CHM", "ЕГАИС, терминальная версия с CheckMark 2", 1990000),
]


def generate(path: Path, n: int, seed: int = 7) -> None:
    if path.exists():
        return
    tmp = path.with_suffix(".tmp")
    for p in (tmp, Path(f"{tmp}-wal"), Path(f"{tmp}-shm")):
        p.unlink(missing_ok=True)
    store = open_store(tmp)  # real Alembic migrations
    store.dispose()
    rng = random.Random(seed)
    con = sqlite3.connect(tmp)
    con.execute("PRAGMA synchronous=OFF")  # generation only; the app uses FULL
    con.executemany(
        "INSERT INTO products(sku, name, line, kind, currency, renewal_sku) "
        "VALUES (?, ?, 'mobile-smarts', 'license', 'RUB', ?)",
        [(sku, name, "SSY1-" + sku) for sku, name, _ in PRODUCTS],
    )
    con.executemany(
        "INSERT INTO product_prices(product_id, effective_from, amount_minor) VALUES (?, ?, ?)",
        [(i + 1, "2024-01-01", price) for i, (_, _, price) in enumerate(PRODUCTS)],
    )
    n_stores = max(3, n // 2000)
    con.executemany(
        "INSERT INTO stores(name) VALUES (?)", [(f"Магазин №{i + 1}",) for i in range(n_stores)]
    )
    devices = []
    for i in range(n):
        serial = f"{rng.randrange(10**12, 10**13)}"
        devices.append(
            (f"CP30-{serial}-{serial}", "terminal", f"ТСД {i + 1:07d}", rng.randrange(n_stores) + 1)
        )
    con.executemany("INSERT INTO devices(code, kind, name, store_id) VALUES (?, ?, ?, ?)", devices)
    now = "2026-11-22 10:00:00"
    rows = []
    for i in range(n):
        pid = rng.randrange(len(PRODUCTS)) + 1
        free = rng.random() < 0.03
        end = TODAY + dt.timedelta(days=rng.randrange(-400, 366))
        start = end - dt.timedelta(days=364)
        code, _kind, dname, sid = devices[i]
        # the same derived columns the app's search_index keeps
        params = _params(
            (
                0,
                PRODUCTS[pid - 1][1],
                PRODUCTS[pid - 1][0],
                None if free else code,
                None if free else dname,
                None if free else f"Магазин №{sid}",
                "mobile-smarts",
                None if free else "terminal",
            )
        )
        rows.append(
            (
                pid,
                None if free else i + 1,
                start.isoformat(),
                end.isoformat(),
                now,
                params["text"],
                params["p"],
                params["k"],
                params["c"],
                params["d"],
                params["s"],
                params["f"],
            )
        )
    con.executemany(
        "INSERT INTO licenses(product_id, device_id, activated_on, subscription_end, created_at,"
        " search_text, sort_product, sort_kind, sort_device_code, sort_device, sort_store,"
        " sort_free) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        rows,
    )
    con.commit()
    con.execute("ANALYZE")
    con.commit()
    con.close()
    tmp.rename(path)


def write_csv(path: Path, n: int, seed: int = 7) -> None:
    """The same licenses as :func:`generate`, as the app's flat CSV (``licdesk import``)."""
    import csv

    from desktop.services.dataset import CSV_COLUMNS

    rng = random.Random(seed)
    n_stores = max(3, n // 2000)
    tmp = path.with_suffix(".tmp")
    with tmp.open("w", encoding="utf-8", newline="") as f:
        out = csv.writer(f, lineterminator="\n")
        out.writerow(CSV_COLUMNS)
        for i in range(n):
            sku, name, price = PRODUCTS[rng.randrange(len(PRODUCTS))]
            serial = f"{rng.randrange(10**12, 10**13)}"
            free = rng.random() < 0.03
            end = TODAY + dt.timedelta(days=rng.randrange(-400, 366))
            start = end - dt.timedelta(days=364)
            store = f"Магазин №{rng.randrange(n_stores) + 1}"
            out.writerow(
                [
                    sku,
                    name,
                    "mobile-smarts",
                    "RUB",
                    f"{price / 100:.2f}",
                    "2024-01-01",
                    "SSY1-" + sku,
                ]
                + (
                    ["", "", "", "", "", ""]
                    if free
                    else [
                        f"CP30-{serial}-{serial}",
                        "terminal",
                        f"ТСД {i + 1:07d}",
                        store,
                        start.isoformat(),
                        end.isoformat(),
                    ]
                )
            )
    tmp.replace(path)


if __name__ == "__main__":
    t = time.perf_counter()
    generate(Path(sys.argv[1]), int(sys.argv[2]))
    print(f"generated in {time.perf_counter() - t:.1f} s")


#: Tables copied from a generated SQLite file into PostgreSQL, parents first.
PG_TABLES = ("products", "product_prices", "stores", "devices", "licenses", "settings")


def pg_url(base_url: str, name: str) -> str:
    from sqlalchemy.engine import make_url

    return make_url(base_url).set(database=name).render_as_string(hide_password=False)


def _psycopg_dsn(url: str) -> str:
    from sqlalchemy.engine import make_url

    u = make_url(url)
    return (
        f"host={u.host or '127.0.0.1'} port={u.port or 5432} dbname={u.database} "
        f"user={u.username} password={u.password}"
    )


def drop_pg(base_url: str, name: str) -> None:
    import psycopg

    with psycopg.connect(_psycopg_dsn(base_url), autocommit=True) as admin:
        admin.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
            "WHERE datname = %s AND pid <> pg_backend_pid()",
            (name,),
        )
        admin.execute(f'DROP DATABASE IF EXISTS "{name}"')


def create_pg(base_url: str, name: str) -> str:
    """A new empty database at the current schema (real migrations); its URL."""
    import psycopg

    drop_pg(base_url, name)
    with psycopg.connect(_psycopg_dsn(base_url), autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    url = pg_url(base_url, name)
    open_store(url).dispose()
    return url


def generate_pg(sqlite_file: Path, base_url: str, name: str) -> str:
    """The same licenses as ``sqlite_file`` in a PostgreSQL database ``name`` (kept
    between runs: reused when it already holds them). Returns its URL."""
    import psycopg

    n = sqlite3.connect(sqlite_file).execute("SELECT count(*) FROM licenses").fetchone()[0]
    url = pg_url(base_url, name)
    try:
        with psycopg.connect(_psycopg_dsn(url)) as conn:
            if conn.execute("SELECT count(*) FROM licenses").fetchone()[0] == n:
                return url
    except psycopg.Error:
        pass
    url = create_pg(base_url, name)
    src = sqlite3.connect(sqlite_file)
    with psycopg.connect(_psycopg_dsn(url)) as conn:
        for table in PG_TABLES:
            cols = [r[1] for r in src.execute(f"PRAGMA table_info({table})")]
            names = ", ".join(cols)
            if table == "settings":
                conn.execute("DELETE FROM settings")
            with conn.cursor().copy(f"COPY {table} ({names}) FROM STDIN") as copy:
                for row in src.execute(f"SELECT {names} FROM {table}"):
                    copy.write_row(row)
            if "id" in cols:
                conn.execute(
                    f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
                    f"(SELECT coalesce(max(id), 1) FROM {table}))"
                )
        conn.commit()
    with psycopg.connect(_psycopg_dsn(url), autocommit=True) as conn:
        conn.execute("VACUUM ANALYZE")
    return url
