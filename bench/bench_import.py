"""Import N licenses from the app's CSV through the two-pass pipeline; compare with the floor.

    .venv/bin/python -m bench.bench_import [N ...] [--pg URL]

For each N: write the CSV (bench/gen.py), time ``sqlite3 FILE ".import --csv"`` of the
same CSV into a plain table (the floor), then the app's import into a fresh, migrated
SQLite store in a child process (so its peak RSS is its own). Prints a table.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from bench.gen import write_csv

CHILD = """
import functools, json, resource, sys, time, datetime as dt
from pathlib import Path
from desktop.services import dataset as ds
from desktop.storage import dataset_store
from desktop.storage.open import open_store
PHASES = {}
def timed(name):
    f = getattr(dataset_store._Loader, name)
    @functools.wraps(f)
    def g(*a, **k):
        t = time.perf_counter()
        try:
            return f(*a, **k)
        finally:
            PHASES[name] = PHASES.get(name, 0) + time.perf_counter() - t
    setattr(dataset_store._Loader, name, g)
for name in ("_ensure_devices", "_device_info", "_move", "_restore_license_indexes"):
    timed(name)
target, csv_path = sys.argv[1], Path(sys.argv[2])
store = open_store(target)
t0 = time.perf_counter()
plan = ds.check_file(csv_path, dt.date(2026, 11, 22))
t1 = time.perf_counter()
with store.uow(write=True) as uow:
    summary = uow.dataset.load_plan(plan)
    uow.commit()
t2 = time.perf_counter()
store.dispose()
print(json.dumps({"check": t1 - t0, "load": t2 - t1, "licenses": summary.licenses,
                  "phases": {k.strip("_"): round(v, 1) for k, v in PHASES.items()},
                  "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""


def floor(csv_path: Path, work: Path) -> float:
    db = work / "floor.db"
    db.unlink(missing_ok=True)
    t = time.perf_counter()
    subprocess.run(["sqlite3", str(db), f".import --csv {csv_path} t"], check=True)
    return time.perf_counter() - t


def app_import(target: str, csv_path: Path) -> dict[str, Any]:
    out = subprocess.run(
        [sys.executable, "-c", CHILD, target, str(csv_path)],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    return dict(json.loads(out.strip().splitlines()[-1]))


def pg_drop(base: str, url: str) -> None:
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    admin = create_engine(base, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{make_url(url).database}"'))
    admin.dispose()


def pg_target(base: str) -> str:
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    name = f"licdesk_bench_{int(time.time())}"
    admin = create_engine(base, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    admin.dispose()
    return make_url(base).set(database=name).render_as_string(hide_password=False)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("sizes", nargs="*", type=int, default=[100_000, 1_000_000])
    parser.add_argument("--pg", help="also import into a new database on this PostgreSQL URL")
    parser.add_argument("--dir", type=Path, default=Path(tempfile.gettempdir()) / "licdesk-bench")
    args = parser.parse_args()
    args.dir.mkdir(parents=True, exist_ok=True)
    print(
        f"{'target':<10} {'rows':>9} {'floor s':>8} {'check s':>8} {'load s':>8} "
        f"{'total s':>8} {'ratio':>6} {'peak MB':>8}"
    )
    for n in args.sizes:
        csv_path = args.dir / f"licenses-{n}.csv"
        if not csv_path.exists():
            write_csv(csv_path, n)
        base = floor(csv_path, args.dir)
        targets = [("sqlite", str(args.dir / f"store-{n}.db"))]
        if args.pg:
            targets.append(("postgresql", pg_target(args.pg)))
        for label, target in targets:
            if label == "sqlite":
                for suffix in ("", "-wal", "-shm"):
                    Path(target + suffix).unlink(missing_ok=True)
            try:
                r = app_import(target, csv_path)
            finally:
                if label == "postgresql":
                    pg_drop(args.pg, target)
            total = r["check"] + r["load"]
            print(
                f"{label:<10} {n:>9,} {base:>8.2f} {r['check']:>8.2f} {r['load']:>8.2f} "
                f"{total:>8.2f} {total / base:>6.1f} {r['rss_mb']:>8.0f}  {r['phases']}",
                flush=True,
            )


if __name__ == "__main__":
    main()
