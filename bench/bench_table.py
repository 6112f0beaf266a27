"""License table benchmark at 1,000 / 100,000 / 1,000,000 licenses.

    python bench/bench_table.py [--sizes 1000,100000,1000000] [--runs 3]

For each size, in fresh processes (QT_QPA_PLATFORM=offscreen): process start to
first rows painted, Expiring filter, sort by subscription end, jump to the last row,
a 3+ character search, a one-page scroll step (p95), peak memory and memory after
sweeping the whole table. Floors measured in the same run: an empty PySide6
window's first paint, and the same SQL run with the sqlite3 module. Reports ratios.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import sqlite3
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))

from gen import TODAY, generate  # noqa: E402


def child(args: list[str]) -> dict[str, float]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", LICDESK_DATA_DIR=str(HERE / "out" / "ud"))
    env["BENCH_T0"] = repr(time.time())
    proc = subprocess.run(
        [sys.executable, str(HERE / "child.py"), *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    for line in proc.stdout.splitlines():
        if line.startswith("{"):
            return json.loads(line)
    raise RuntimeError(proc.stderr[-2000:])


def sql_floor(db: Path) -> dict[str, float]:
    """The table's queries, hand-written, through the sqlite3 module (no ORM, no Qt)."""
    con = sqlite3.connect(db)
    lo, hi = TODAY.isoformat(), (TODAY + dt.timedelta(days=30)).isoformat()
    page = (
        "SELECT l.id, p.sku, p.name, p.line, l.device_id, d.code, d.name, d.kind, d.store_id, "
        "s.name, l.activated_on, l.subscription_end FROM licenses l "
        "JOIN products p ON p.id = l.product_id LEFT JOIN devices d ON d.id = l.device_id "
        "LEFT JOIN stores s ON s.id = d.store_id "
    )
    out: dict[str, float] = {}

    def t(name: str, *queries: tuple[str, tuple]) -> None:
        start = time.perf_counter()
        for q, p in queries:
            con.execute(q, p).fetchall()
        out[name] = (time.perf_counter() - start) * 1000

    bound = "l.device_id IS NOT NULL"
    t(
        "expiring_filter_ms",
        (
            f"SELECT count(*) FROM licenses l WHERE {bound} AND l.subscription_end BETWEEN ? AND ?",
            (lo, hi),
        ),
        (
            page + f"WHERE {bound} AND l.subscription_end BETWEEN ? AND ? "
            "ORDER BY l.subscription_end, l.id LIMIT 200",
            (lo, hi),
        ),
    )
    t(
        "sort_end_desc_ms",
        ("SELECT count(*) FROM licenses", ()),
        (page + "ORDER BY l.subscription_end DESC, l.id DESC LIMIT 200", ()),
    )
    n = con.execute("SELECT count(*) FROM licenses").fetchone()[0]
    t(
        "jump_last_row_ms",
        (page + "ORDER BY l.subscription_end DESC, l.id DESC LIMIT 200 OFFSET 0", ()),
    )
    t(
        "search_3plus_chars_ms",
        (
            "SELECT count(*) FROM licenses WHERE id IN "
            "(SELECT rowid FROM license_fts WHERE license_fts MATCH ?)",
            ('"тсд 00012"',),
        ),
        (
            page + "WHERE l.id IN (SELECT rowid FROM license_fts WHERE license_fts MATCH ?) "
            "ORDER BY l.subscription_end, l.id LIMIT 200",
            ('"тсд 00012"',),
        ),
    )
    out["rows"] = n
    con.close()
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sizes", default="1000,100000,1000000")
    ap.add_argument("--runs", type=int, default=3)
    args = ap.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    (HERE / "out").mkdir(exist_ok=True)
    print(
        f"machine: {os.cpu_count()} cores, python {sys.version.split()[0]}, "
        f"sqlite {sqlite3.sqlite_version}\n"
    )
    empty = [child(["--empty"])["first_paint_s"] for _ in range(args.runs)]
    empty_s = statistics.median(empty)
    print(
        f"floor: empty PySide6 window first paint  median {empty_s * 1000:.0f} ms "
        f"(runs: {', '.join(f'{e * 1000:.0f}' for e in empty)})\n"
    )
    results = {}
    for n in sizes:
        db = HERE / "out" / f"bench-{n}.db"
        t = time.perf_counter()
        generate(db, n)
        gen_s = time.perf_counter() - t
        runs = [child([str(db)]) for _ in range(args.runs)]
        med = {k: statistics.median(r[k] for r in runs) for k in runs[0]}
        floor = sql_floor(db)
        results[n] = med
        print(
            f"== {n:,} licenses (db {db.stat().st_size / 2**20:.0f} MB"
            + (f", generated in {gen_s:.0f} s" if gen_s > 1 else "")
            + ")"
        )
        print(
            f"  first rows painted        {med['first_paint_s'] * 1000:7.0f} ms"
            f"   = {med['first_paint_s'] / empty_s:.2f} x empty window (target <= 2.5)"
        )
        for key, label in (
            ("expiring_filter_ms", "Expiring filter"),
            ("sort_end_desc_ms", "sort by end (desc)"),
            ("jump_last_row_ms", "jump to last row"),
            ("search_3plus_chars_ms", "search 'ТСД 00012'"),
        ):
            f = floor.get(key)
            ratio = f"   sqlite3 floor {f:6.1f} ms ({med[key] / f:.1f} x)" if f else ""
            print(f"  {label:<25} {med[key]:7.1f} ms{ratio}   target < 100 ms")
        print(
            f"  scroll one page           p50 {med['scroll_page_p50_ms']:.1f} ms, "
            f"p95 {med['scroll_page_p95_ms']:.1f} ms   target p95 < 16.7 ms"
        )
        print(
            f"  memory                    peak {med['peak_rss_mb']:.0f} MB; "
            f"before sweep {med['rss_before_sweep_mb']:.0f} MB, after sweeping all rows "
            f"{med['rss_after_sweep_mb']:.0f} MB; {med['cached_pages']:.0f} pages cached\n"
        )
    if len(results) > 1:
        lo, hi = min(results), max(results)
        extra = results[hi]["peak_rss_mb"] - results[lo]["peak_rss_mb"]
        print(f"peak memory {hi:,} vs {lo:,}: +{extra:.0f} MB (target <= 80 MB)")


if __name__ == "__main__":
    main()
