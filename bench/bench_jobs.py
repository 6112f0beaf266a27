"""Every job of the app at 100,000 and 1,000,000 licenses, on SQLite and PostgreSQL,
each paired with its floor measured in the same run (issue 16).

    python bench/bench_jobs.py [--sizes 100000,1000000] [--backends sqlite,postgresql]
                               [--runs 3] [--runs-big 1] [--jobs warnings-json,...]
                               [--import-timeout 900]

Every job and every floor runs in a fresh process; its wall time and peak RSS
(``wait4``) are those of the whole process, Python's start included. Medians of
``--runs`` (``--runs-big`` at a million). Floors:

* import: ``sqlite3 .import`` of the same CSV into a fresh file / PostgreSQL ``COPY``;
* CSV/JSON exports: ``sqlite3 -csv`` / ``-json`` of the same rows / ``COPY ... TO STDOUT``;
* warnings, forecast, ``licenses --json``, the table: the app's own SQL text through the
  bare driver (sqlite3 / psycopg), rows written as JSON where the job writes JSON;
* start-up: ``python -c pass``; the window: an empty PySide6 window's first paint.

PostgreSQL: ``LICDESK_TEST_PG_URL`` (the server .ci/test starts); the bench databases
``licdesk_scale_<n>`` are made from the SQLite files and dropped with ``--drop-pg``.
Results also go to bench/out/jobs-results.json.
"""

from __future__ import annotations

import argparse
import json
import os
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
OUT = HERE / "out"
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(HERE))

from gen import _psycopg_dsn, create_pg, drop_pg, generate, generate_pg  # noqa: E402

PY = sys.executable
TODAY = "2026-11-22"
ENV = dict(
    os.environ,
    QT_QPA_PLATFORM="offscreen",
    LICDESK_DATA_DIR=str(OUT / "ud"),
    PYTHONDONTWRITEBYTECODE="1",
)
#: The columns the dataset CSV export writes, in SQL (the floor of `export --format csv`).
DATASET_SQL = (
    "SELECT p.sku AS product_sku, p.name AS product_name, p.line AS product_line, "
    "p.currency, (SELECT pp.amount_minor FROM product_prices pp WHERE pp.product_id = p.id "
    "ORDER BY pp.effective_from DESC LIMIT 1) AS list_price, NULL AS price_from, "
    "p.renewal_sku, d.code AS device_code, d.kind AS device_kind, d.name AS device_name, "
    "s.name AS store, l.activated_on, l.subscription_end FROM licenses l "
    "JOIN products p ON p.id = l.product_id LEFT JOIN devices d ON d.id = l.device_id "
    "LEFT JOIN stores s ON s.id = d.store_id ORDER BY l.id"
)


class Result:
    def __init__(self, seconds: float, peak_mb: float, rc: int, out: dict[str, Any]) -> None:
        self.seconds, self.peak_mb, self.rc, self.out = seconds, peak_mb, rc, out


def measure(
    cmd: list[str],
    stdout: Path | None = None,
    timeout: float | None = None,
    env: dict[str, str] | None = None,
) -> Result:
    """Run ``cmd`` in a fresh process: wall time, peak RSS, its JSON line.

    The peak comes from GNU time (``/usr/bin/time -f %M``): the child is forked from that
    small process, so the harness's own memory is not counted in it."""
    with tempfile.TemporaryFile() as err, tempfile.TemporaryFile() as out:
        sink = open(stdout, "wb") if stdout else out  # noqa: SIM115
        start = time.perf_counter()
        proc = subprocess.Popen(
            ["/usr/bin/time", "-f", "BENCH_MAXRSS_KB=%M", *cmd],
            stdout=sink,
            stderr=err,
            env=env or ENV,
            cwd=ROOT,
            start_new_session=True,
        )
        try:
            proc.wait(timeout)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, 9)
            proc.wait()
            proc.returncode = -9
        seconds = time.perf_counter() - start
        if stdout:
            sink.close()
        out.seek(0)
        err.seek(0)
        out_text, err_text = out.read().decode("utf-8", "replace"), err.read().decode()
    data: dict[str, Any] = {}
    for line in out_text.splitlines():
        if line.startswith("{"):
            data = json.loads(line)
    peak_kb = 0
    for line in err_text.splitlines():
        if line.startswith("BENCH_MAXRSS_KB="):
            peak_kb = int(line.split("=", 1)[1])
    rc = proc.returncode
    if rc not in (0, -9):  # GNU time passes the child's exit status on
        print(f"   !! {' '.join(cmd[:6])} ... exited {rc}:")
        print("   " + err_text[-1500:].replace("\n", "\n   "))
    return Result(seconds, peak_kb / 1024, rc, data)


def median(results: list[Result]) -> Result:
    ok = [r for r in results if r.rc == 0] or results
    return Result(
        statistics.median(r.seconds for r in ok),
        statistics.median(r.peak_mb for r in ok),
        ok[0].rc,
        ok[len(ok) // 2].out,
    )


def cli(target: str, *args: str) -> list[str]:
    return [PY, "-m", "desktop", "--db", target, "--today", TODAY, *args]


def child(kind: str, job: str, target: str, file: Path | None = None) -> list[str]:
    cmd = [PY, str(HERE / "jobs_child.py"), kind, job, target]
    return cmd + ([str(file)] if file else [])


def sqlite_cli(db: str, mode: str, sql: str) -> list[str]:
    return ["sqlite3", f"-{mode}", "-header", db, sql]


def pg_copy(target: str, sql: str, fmt: str = "FORMAT csv, HEADER true") -> list[str]:
    code = (
        "import sys, psycopg\n"
        f"conn = psycopg.connect({_psycopg_dsn(target)!r})\n"
        "out = sys.stdout.buffer\n"
        f"with conn.cursor().copy({f'COPY ({sql}) TO STDOUT WITH ({fmt})'!r}) as cp:\n"
        "    for chunk in cp: out.write(chunk)\n"
    )
    return [PY, "-c", code]


# ---------------------------------------------------------------- the jobs

Row = dict[str, Any]
Job = Callable[[str, str, int, Path], Row]


def _pair(
    name: str,
    app: Callable[[], Result],
    floor: Callable[[], Result] | None,
    runs: int,
    target_ratio: float | None,
    note: str = "",
    peak_limit: float | None = 200,
) -> Row:
    apps, floors = [], []
    for _ in range(runs):  # interleaved: the same load on the machine for both
        apps.append(app())
        if floor is not None:
            floors.append(floor())
    a = median(apps)
    f = median(floors) if floors else None
    row: Row = {
        "job": name,
        "seconds": a.seconds,
        "peak_mb": a.peak_mb,
        "rc": a.rc,
        "floor_s": f.seconds if f else None,
        "floor_peak_mb": f.peak_mb if f else None,
        "ratio": a.seconds / f.seconds if f and f.seconds else None,
        "target_ratio": target_ratio,
        "peak_limit_mb": peak_limit,
        "note": note,
        "out": a.out,
    }
    _print_row(row)
    return row


def _print_row(r: Row) -> None:
    secs = f"{r['seconds']:8.2f} s"
    if r["rc"] == -9:
        secs = "timeout"
    elif r["rc"]:
        secs = f"failed {r['seconds']:.0f} s"
    floor = f"{r['floor_s']:7.2f} s" if r["floor_s"] is not None else "      -  "
    ratio = f"{r['ratio']:5.2f} x" if r["ratio"] is not None else "     - "
    target = f"(<= {r['target_ratio']:g} x)" if r["target_ratio"] else ""
    mem_ok = r["peak_limit_mb"] is None or r["peak_mb"] <= r["peak_limit_mb"]
    ok = (
        "" if r["target_ratio"] is None else ("ok" if r["ratio"] <= r["target_ratio"] else "MISSED")
    )
    print(
        f"  {r['job']:<34} {secs:>10} {r['peak_mb']:7.0f} MB{'' if mem_ok else '!'}   "
        f"floor {floor} {r['floor_peak_mb'] or 0:6.0f} MB   {ratio} {target} {ok} {r['note']}",
        flush=True,
    )


def run_size(backend: str, n: int, target: str, runs: int, args: argparse.Namespace) -> list[Row]:
    rows: list[Row] = []
    tmp = OUT / "tmp"
    tmp.mkdir(exist_ok=True)
    want = set(args.jobs.split(",")) if args.jobs else None

    def wanted(job: str) -> bool:
        return want is None or job in want

    pg = backend == "postgresql"
    floor_db = target  # the floors read the same store
    forget_warnings(target)
    # --- the dataset file for import (written once by the app's own export)
    csv_file = tmp / f"dataset-{n}.csv"
    if wanted("import-csv") and not csv_file.exists():
        sq = str(OUT / f"bench-{n}.db")
        measure(child("app", "dataset-csv", sq, csv_file), timeout=args.import_timeout)

    if wanted("import-csv") and csv_file.exists():

        def app_import() -> Result:
            fresh = _fresh_store(backend, n, "imp")
            try:
                return measure(
                    child("app", "import-csv", fresh, csv_file), timeout=args.import_timeout
                )
            finally:
                _drop_store(backend, fresh)

        def floor_import() -> Result:
            fresh = _fresh_store(backend, n, "impfloor")
            try:
                if pg:
                    code = (
                        "import psycopg\n"
                        f"conn = psycopg.connect({_psycopg_dsn(fresh)!r})\n"
                        "conn.execute('CREATE TABLE staging (product_sku text, product_name text, "
                        "product_line text, currency text, list_price text, price_from text, "
                        "renewal_sku text, device_code text, device_kind text, device_name text, "
                        "store text, activated_on text, subscription_end text)')\n"
                        f"with open({str(csv_file)!r}, 'rb') as fh, conn.cursor().copy("
                        "'COPY staging FROM STDIN WITH (FORMAT csv, HEADER true)') as cp:\n"
                        "    while chunk := fh.read(1 << 20): cp.write(chunk)\n"
                        "conn.commit()\n"
                    )
                    return measure([PY, "-c", code])
                return measure(["sqlite3", fresh, f".import --csv {csv_file} staging"])
            finally:
                _drop_store(backend, fresh)

        rows.append(
            _pair(
                "import (CSV, as it is)",
                app_import,
                floor_import,
                1,
                None,
                "not this branch's: import is being rewritten",
                peak_limit=None,
            )
        )

    if wanted("warnings-json"):
        rows.append(
            _pair(
                "warnings --json",
                lambda: measure(cli(target, "warnings", "--json"), tmp / "w.json"),
                lambda: measure(child("floor", "warnings-json", floor_db, tmp / "wf.json")),
                runs,
                3,
            )
        )
    if wanted("forecast"):
        for months in (12, 60):
            rows.append(
                _pair(
                    f"forecast --months {months}",
                    lambda m=months: measure(  # type: ignore[misc]
                        cli(target, "forecast", "--months", str(m), "--json"), tmp / "f.json"
                    ),
                    lambda: measure(child("floor", "forecast", floor_db)),
                    runs,
                    3 if months == 12 else None,
                )
            )
    for fmt in ("csv", "json"):
        job = f"dataset-{fmt}"
        if not wanted(job):
            continue
        if pg:
            floor_cmd = (
                pg_copy(target, DATASET_SQL)
                if fmt == "csv"
                else pg_copy(target, f"SELECT row_to_json(t) FROM ({DATASET_SQL}) t", "FORMAT text")
            )
        else:
            floor_cmd = sqlite_cli(target, fmt, DATASET_SQL)
        rows.append(
            _pair(
                f"export --format {fmt} (as it is)",
                lambda j=job, f=fmt: measure(  # type: ignore[misc]
                    child("app", j, target, tmp / f"d.{f}"), timeout=args.import_timeout
                ),
                lambda c=floor_cmd, f=fmt: measure(c, tmp / f"df.{f}"),  # type: ignore[misc]
                1 if n >= 1_000_000 else runs,
                None,
                "not this branch's: the dataset export",
                peak_limit=None,
            )
        )
    import datetime as dt

    from desktop.services.ports import LicenseQuery
    from desktop.storage.license_reader import _SELECT, LicenseSql

    window_sql = _SELECT + LicenseSql("sqlite").order_by(
        LicenseQuery(today=dt.date(2026, 11, 22), threshold_days=30), False
    )
    for ext in ("csv", "xlsx"):
        job = f"window-{ext}"
        if not wanted(job):
            continue
        floor_cmd = pg_copy(target, window_sql) if pg else sqlite_cli(target, "csv", window_sql)
        rows.append(
            _pair(
                f"window export shown rows .{ext}",
                lambda j=job, e=ext: measure(child("app", j, target, tmp / f"x.{e}")),  # type: ignore[misc]
                lambda c=floor_cmd: measure(c, tmp / "xf.csv"),  # type: ignore[misc]
                1 if n >= 1_000_000 and ext == "xlsx" else runs,
                3 if ext == "csv" else None,
                "floor: the same rows as CSV",
            )
        )
    if wanted("licenses-expiring"):
        rows.append(
            _pair(
                "licenses --json --expiring-within 30",
                lambda: measure(
                    cli(target, "licenses", "--json", "--expiring-within", "30"), tmp / "l.json"
                ),
                lambda: measure(
                    child("floor", "licenses-expiring-json", floor_db, tmp / "lf.json")
                ),
                runs,
                3,
            )
        )
    if wanted("table"):
        app = measure(child("app", "table", target)).out
        floor = measure(child("floor", "table", floor_db)).out
        for key, label in (
            ("first_rows_ms", "table: first rows (count + page)"),
            ("expiring_filter_ms", "table: Expiring filter"),
            ("sort_end_desc_ms", "table: sort by end desc"),
            ("jump_last_row_ms", "table: jump to last row"),
            ("search_3plus_chars_ms", "table: search 'ТСД 00012'"),
        ):
            if key not in app:
                continue
            row: Row = {
                "job": label,
                "seconds": app[key] / 1000,
                "peak_mb": 0,
                "rc": 0,
                "floor_s": floor.get(key, 0) / 1000,
                "floor_peak_mb": 0,
                "ratio": app[key] / floor[key] if floor.get(key) else None,
                "target_ratio": None,
                "peak_limit_mb": None,
                "note": f"{app[key]:.1f} ms (target < 100 ms)",
                "out": {},
            }
            _print_row(row)
            rows.append(row)
    if wanted("window") and not pg:
        first = median(
            [
                measure([PY, str(HERE / "child.py"), target, "--first-paint-only"])
                for _ in range(runs)
            ]
        )
        empty = median([measure([PY, str(HERE / "child.py"), "--empty"]) for _ in range(runs)])
        fp, ep = first.out.get("first_paint_s", 0), empty.out.get("first_paint_s", 0)
        row = {
            "job": "window: first rows painted",
            "seconds": fp,
            "peak_mb": first.peak_mb,
            "rc": first.rc,
            "floor_s": ep,
            "floor_peak_mb": empty.peak_mb,
            "ratio": fp / ep if ep else None,
            "target_ratio": 2,
            "peak_limit_mb": None,
            "note": "floor: empty window; DB Browser ~0.8 s (PERFORMANCE.md)",
            "out": first.out,
        }
        _print_row(row)
        rows.append(row)
    if wanted("popup"):

        def popup() -> Result:
            forget_warnings(target)  # every stage pending again, as on the first start
            return measure([PY, str(HERE / "child.py"), target, "--popup"])

        pops = [popup() for _ in range(runs)]
        p = median(pops)
        o = p.out
        if o:
            row = {
                "job": "start-up pop-up (scan, dialog, Close)",
                "seconds": o.get("popup_scan_to_dialog_s", 0),
                "peak_mb": p.peak_mb,
                "rc": p.rc,
                "floor_s": None,
                "floor_peak_mb": None,
                "ratio": None,
                "target_ratio": None,
                "peak_limit_mb": None,
                "note": (
                    f"scan on a worker; {o.get('popup_rows', 0):,} due in "
                    f"{o.get('popup_stores', 0)} stores; first page "
                    f"{o.get('popup_first_page_ms', 0):.0f} ms; Close "
                    f"{o.get('popup_close_ms', 0):.1f} ms, acknowledged on a worker in "
                    f"{o.get('popup_ack_s', 0):.2f} s; longest event-loop stall "
                    f"{o.get('event_loop_max_stall_ms', 0):.0f} ms"
                ),
                "out": o,
            }
            _print_row(row)
            rows.append(row)
    return rows


def forget_warnings(target: str) -> None:
    """No stage shown, no snooze or dismissal: the pop-up is due with everything."""
    stmts = ("DELETE FROM warnings_shown", "DELETE FROM settings WHERE key LIKE 'warnings.%'")
    if "://" in target:
        import psycopg

        with psycopg.connect(_psycopg_dsn(target)) as conn:
            for sql in stmts:
                conn.execute(sql)
    else:
        with sqlite3.connect(target) as conn:
            for sql in stmts:
                conn.execute(sql)


def _fresh_store(backend: str, n: int, tag: str) -> str:
    if backend == "postgresql":
        return create_pg(os.environ["LICDESK_TEST_PG_URL"], f"licdesk_scale_{tag}_{n}")
    from desktop.storage.open import open_store

    path = OUT / "tmp" / f"{tag}-{n}.db"
    for p in (path, Path(f"{path}-wal"), Path(f"{path}-shm")):
        p.unlink(missing_ok=True)
    open_store(path).dispose()
    return str(path)


def _drop_store(backend: str, target: str) -> None:
    if backend == "postgresql":
        drop_pg(os.environ["LICDESK_TEST_PG_URL"], target.rsplit("/", 1)[1])
    else:
        for p in (Path(target), Path(f"{target}-wal"), Path(f"{target}-shm")):
            p.unlink(missing_ok=True)


def startup(runs: int) -> list[Row]:
    demo = OUT / "demo.db"
    if not demo.exists():
        measure(cli(str(demo), "init", "--demo"))
    rows = []
    floor = [measure([PY, "-c", "pass"]) for _ in range(runs)]
    for name, cmd, target in (
        ("licdesk --version", [PY, "-m", "desktop", "--version"], 2),
        ("licenses --json (demo store)", cli(str(demo), "licenses", "--json"), 5),
    ):
        apps = [measure(cmd, OUT / "tmp" / "s.out") for _ in range(runs)]
        a, f = median(apps), median(floor)
        row: Row = {
            "job": name,
            "seconds": a.seconds,
            "peak_mb": a.peak_mb,
            "rc": a.rc,
            "floor_s": f.seconds,
            "floor_peak_mb": f.peak_mb,
            "ratio": a.seconds / f.seconds,
            "target_ratio": target,
            "peak_limit_mb": None,
            "note": "floor: python -c pass",
            "out": {},
        }
        _print_row(row)
        rows.append(row)
    return rows


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sizes", default="100000,1000000")
    ap.add_argument("--backends", default="sqlite,postgresql")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--runs-big", type=int, default=1, help="runs at a million")
    ap.add_argument("--jobs", default="", help="comma-separated subset")
    ap.add_argument("--import-timeout", type=float, default=900)
    ap.add_argument("--drop-pg", action="store_true", help="drop the bench databases after")
    args = ap.parse_args()
    OUT.mkdir(exist_ok=True)
    (OUT / "tmp").mkdir(exist_ok=True)
    print(
        f"machine: {os.cpu_count()} cores, python {sys.version.split()[0]}, "
        f"sqlite {sqlite3.sqlite_version}; load {os.getloadavg()[0]:.1f}\n",
        flush=True,
    )
    results: dict[str, Any] = {"startup": [], "runs": {}}
    if not args.jobs or "startup" in args.jobs:
        print("== start-up (11 runs)")
        results["startup"] = startup(11)
        print()
    pg_base = os.environ.get("LICDESK_TEST_PG_URL")
    for n in [int(s) for s in args.sizes.split(",")]:
        db = OUT / f"bench-{n}.db"
        generate(db, n)
        runs = args.runs_big if n >= 1_000_000 else args.runs
        for backend in args.backends.split(","):
            if backend == "postgresql":
                if not pg_base:
                    print("(no LICDESK_TEST_PG_URL: PostgreSQL skipped)")
                    continue
                target = generate_pg(db, pg_base, f"licdesk_scale_{n}")
            else:
                target = str(db)
            print(f"== {backend}, {n:,} licenses, median of {runs}", flush=True)
            results["runs"][f"{backend}-{n}"] = run_size(backend, n, target, runs, args)
            print(flush=True)
            (OUT / "jobs-results.json").write_text(json.dumps(results, indent=1, default=str))
        if args.drop_pg and pg_base:
            drop_pg(pg_base, f"licdesk_scale_{n}")


if __name__ == "__main__":
    main()
