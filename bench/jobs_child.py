"""One job of bench/bench_jobs.py in a fresh process: the app's own code, or its floor.

    jobs_child.py app   JOB TARGET [FILE]   the app's public functions
    jobs_child.py floor JOB TARGET [FILE]   the same work in raw SQL (sqlite3 / psycopg)

Prints one JSON line (``rows`` and, for the table, per-operation milliseconds). The
parent measures wall time and peak memory of the whole process.
"""

from __future__ import annotations

import datetime as dt
import json
import sys
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))  # this worktree's package, not an editable install
sys.path.insert(0, str(HERE))

TODAY = dt.date(2026, 11, 22)


class Count:
    """A Progress that counts steps (the window's would raise Cancelled on Cancel)."""

    def __init__(self) -> None:
        self.steps = 0

    def step(self, done: int, total: int | None = None) -> None:
        self.steps += 1


def _db(target: str) -> Any:
    from desktop.storage.database import open_database

    return open_database(target)


# ---------------------------------------------------------------- the app


def app_job(job: str, target: str, file: str | None) -> dict[str, Any]:
    from desktop.services import setup

    if job in ("import-csv", "import-json"):
        n = setup.import_file(_db(target), Path(file or ""), Count()).licenses
        return {"rows": n}
    if job in ("dataset-csv", "dataset-json"):
        return {"rows": setup.export_file(_db(target), Path(file or ""), job[8:], Count())}
    if job in ("window-csv", "window-xlsx"):
        from desktop.services import licenses
        from desktop.ui.export import export_rows

        db = _db(target)
        query = licenses.make_query(db, TODAY)
        progress = Count()
        n = export_rows(db, query, licenses.no_keys, Path(file or ""), progress)
        return {"rows": n, "progress_steps": progress.steps}
    if job == "table":
        return table_ops(target)
    raise SystemExit(f"unknown job {job}")


def table_ops(target: str) -> dict[str, Any]:
    """The license table's reads at a million rows, as the window's model makes them
    (desktop.services.licenses): each the best of three."""
    from dataclasses import replace

    from desktop.domain.status import LicenseStatus
    from desktop.services import licenses
    from desktop.services.ports import SortKey

    db = _db(target)
    q = licenses.make_query(db, TODAY)
    out: dict[str, Any] = {}

    def t(name: str, f: Any) -> None:
        best = 1e9
        for _ in range(3):
            start = time.perf_counter()
            f()
            best = min(best, time.perf_counter() - start)
        out[name] = best * 1000

    n = licenses.count(db, q)
    t("first_rows_ms", lambda: (licenses.count(db, q), licenses.page(db, q, 0, 200)))
    qe = replace(q, status=LicenseStatus.EXPIRING)
    t("expiring_filter_ms", lambda: (licenses.count(db, qe), licenses.page(db, qe, 0, 200)))
    qd = replace(q, sort=SortKey.END, descending=True)
    t("sort_end_desc_ms", lambda: licenses.page(db, qd, 0, 200, total=n))
    t("jump_last_row_ms", lambda: licenses.page(db, qd, n - 200, 200, total=n))
    qs = replace(q, search="ТСД 00012")
    t("search_3plus_chars_ms", lambda: (licenses.count(db, qs), licenses.page(db, qs, 0, 200)))
    out["rows"] = n
    return out


# ---------------------------------------------------------------- floors


def _raw(target: str) -> tuple[Any, str]:
    """A plain DB-API connection: sqlite3 for a file, psycopg for a URL."""
    if "://" not in target:
        import sqlite3

        return sqlite3.connect(target), "sqlite"
    import psycopg
    from gen import _psycopg_dsn

    return psycopg.connect(_psycopg_dsn(target)), "postgresql"


def _scope(dialect: str) -> Any:
    from desktop.domain.terms import DEFAULT_EXPIRING_DAYS, DEFAULT_WARNING_STAGES
    from desktop.services.ports import WarningScope

    return WarningScope(TODAY, DEFAULT_EXPIRING_DAYS, DEFAULT_WARNING_STAGES, 366)


def floor_job(job: str, target: str, file: str | None) -> dict[str, Any]:
    conn, dialect = _raw(target)
    enc = json.JSONEncoder(ensure_ascii=False, default=str).encode
    if job == "warnings-json":
        # The same two statements the app runs (counts per stage and store, then the
        # due rows by end date), each row written as a JSON array.
        from desktop.storage.warnings_repo import WarningSql

        sql = WarningSql(dialect)
        scope = _scope(dialect)
        conn.cursor().execute(*sql.summary(scope)).fetchall()
        cur = conn.cursor(name="floor") if dialect == "postgresql" else conn.cursor()
        cur.execute(*sql.rows(scope))
        n = 0
        with open(file or "/dev/null", "w", encoding="utf-8") as out:
            while rows := cur.fetchmany(2000):
                for r in rows:
                    out.write(enc(r) + ",\n")
                n += len(rows)
        return {"rows": n}
    if job == "licenses-expiring-json":
        from desktop.services.ports import LicenseQuery
        from desktop.storage.license_reader import _SELECT, LicenseSql

        ls = LicenseSql(dialect)
        query = LicenseQuery(today=TODAY, threshold_days=30, expiring_within=30)
        params: list[Any] = []
        where = ls.where(query, params)
        cur = conn.cursor()
        cur.execute(f"{_SELECT}{where}{ls.order_by(query, False)}", params)
        n = 0
        with open(file or "/dev/null", "w", encoding="utf-8") as out:
            while rows := cur.fetchmany(2000):
                for r in rows:
                    out.write(enc(r) + ",\n")
                n += len(rows)
        return {"rows": n}
    if job == "forecast":
        # The cohorts' GROUP BY and the enova ids, as desktop.storage.renewals_repo runs
        # them; the per-cohort arithmetic is the app's own cost above this floor.
        ph = "?" if dialect == "sqlite" else "%s"
        day = (lambda d: d.isoformat()) if dialect == "sqlite" else (lambda d: d)
        horizon = dt.date(2027, 11, 1)
        cur = conn.cursor()
        cur.execute(
            f"SELECT l.product_id, CASE WHEN l.subscription_end < {ph} THEN {ph} "
            "ELSE l.subscription_end END, d.store_id, count(*) "
            "FROM licenses l JOIN devices d ON d.id = l.device_id "
            f"WHERE l.subscription_end < {ph} AND l.product_id IN "
            "(SELECT id FROM products WHERE line = 'mobile-smarts') GROUP BY 1, 2, 3",
            [day(TODAY), day(TODAY - dt.timedelta(days=1)), day(horizon)],
        )
        n = len(cur.fetchall())
        return {"rows": n}
    if job == "table":
        return table_floor(conn, dialect)
    raise SystemExit(f"unknown floor {job}")


def table_floor(conn: Any, dialect: str) -> dict[str, Any]:
    """The table's SQL, exactly as desktop.storage.license_reader writes it, through the
    bare driver."""
    from dataclasses import replace

    from desktop.domain.status import LicenseStatus
    from desktop.services.ports import LicenseQuery, SortKey
    from desktop.storage.license_reader import LicenseSql

    ls = LicenseSql(dialect)
    q = LicenseQuery(today=TODAY, threshold_days=30)
    out: dict[str, Any] = {}

    def run(*stmts: tuple[str, list[Any]]) -> None:
        cur = conn.cursor()
        for sql, params in stmts:
            cur.execute(sql, params)
            cur.fetchall()

    def t(name: str, *stmts: tuple[str, list[Any]]) -> None:
        best = 1e9
        for _ in range(3):
            start = time.perf_counter()
            run(*stmts)
            best = min(best, time.perf_counter() - start)
        out[name] = best * 1000

    cur = conn.cursor()
    cur.execute(*ls.count(q))
    n = cur.fetchone()[0]
    t("first_rows_ms", ls.count(q), ls.page(q, 0, 200, False))
    qe = replace(q, status=LicenseStatus.EXPIRING)
    t("expiring_filter_ms", ls.count(qe), ls.page(qe, 0, 200, False))
    qd = replace(q, sort=SortKey.END, descending=True)
    t("sort_end_desc_ms", ls.page(qd, 0, 200, False))
    t("jump_last_row_ms", ls.page(qd, 0, 200, True))
    qs = replace(q, search="ТСД 00012")
    t("search_3plus_chars_ms", ls.count(qs), ls.page(qs, 0, 200, False))
    out["rows"] = n
    return out


def main() -> None:
    kind, job, target = sys.argv[1:4]
    file = sys.argv[4] if len(sys.argv) > 4 else None
    result = app_job(job, target, file) if kind == "app" else floor_job(job, target, file)
    print(json.dumps(result))


if __name__ == "__main__":
    main()
