"""kill -9 a real import at random moments: the store stays intact and holds all or nothing."""

from __future__ import annotations

import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from bench.gen import write_csv
from desktop.services import dataset as ds
from desktop.storage.open import open_store
from tests.conftest import TODAY

ROWS = 40_000
TRIALS = int(os.environ.get("LICDESK_KILL_TRIALS", "12"))

CHILD = """
import sys, datetime as dt
from pathlib import Path
from desktop.services import dataset as ds
from desktop.storage import dataset_store
from desktop.storage.open import open_store

dataset_store.REBUILD_MIN_ROWS = 1_000  # kill inside the drop-and-rebuild of the indexes too

class Report:
    def step(self, done, total=None):
        print(f"step {done} {total}", flush=True)

store = open_store(sys.argv[1])
plan = ds.check_file(Path(sys.argv[2]), dt.date(2026, 11, 22), Report())
with store.uow(write=True) as uow:
    uow.dataset.load_plan(plan, Report())
    print("commit", flush=True)
    uow.commit()
print("committed", flush=True)
"""


def _schema(path: Path) -> list[tuple[str, str]]:
    con = sqlite3.connect(path)
    try:
        return con.execute("SELECT name, sql FROM sqlite_master ORDER BY name").fetchall()
    finally:
        con.close()


def _state(path: Path) -> tuple[str, int, int, int, int]:
    con = sqlite3.connect(path)
    try:
        ok = con.execute("PRAGMA integrity_check").fetchone()[0]
        n = [
            con.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
            for t in ("licenses", "devices", "events", "stores")
        ]
        fts = con.execute("SELECT count(*) FROM license_fts WHERE license_fts MATCH '\"тсд\"'")
        bound = con.execute("SELECT count(*) FROM licenses WHERE device_id IS NOT NULL")
        assert fts.fetchone()[0] == bound.fetchone()[0]  # the trigram index is complete
    finally:
        con.close()
    return ok, n[0], n[1], n[2], n[3]


@pytest.mark.slow
def test_kill_9_during_import_leaves_all_or_nothing(tmp_path: Path) -> None:
    csv_path = tmp_path / "big.csv"
    write_csv(csv_path, ROWS, seed=11)
    template = tmp_path / "template.db"
    seed = tmp_path / "seed.csv"
    seed.write_text(
        ds.to_csv(
            ds.Dataset(
                products=[
                    ds.ProductSpec(
                        "MS-SEED",
                        "Seed",
                        "mobile-smarts",
                        "RUB",
                        prices=[ds.PriceSpec(TODAY, ds.Decimal("9900.00"))],
                    )
                ],
                licenses=[ds.LicenseSpec("MS-SEED", None, None, None)],
            )
        ),
        encoding="utf-8",
    )
    s = open_store(template)
    plan = ds.check_file(seed, TODAY)
    with s.uow(write=True) as uow:
        uow.dataset.load_plan(plan)
        uow.commit()
    s.dispose()
    full = ROWS + 1
    schema = _schema(template)
    rng = random.Random(20261125)
    outcomes = {"nothing": 0, "everything": 0}
    repo = Path(__file__).resolve().parents[2]
    for trial in range(TRIALS):
        db = tmp_path / f"t{trial}.db"
        shutil.copy(template, db)
        # share of progress at which to kill; 1.0-1.1: during the commit; above: after it
        target = rng.uniform(0.0, 1.2)
        proc = subprocess.Popen(
            [sys.executable, "-c", CHILD, str(db), str(csv_path)],
            cwd=repo,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            text=True,
        )
        committed = False
        assert proc.stdout is not None
        for line in proc.stdout:
            if line.startswith("committed"):
                committed = True
                break
            if line.startswith("commit") and 1 < target <= 1.1:
                break
            if line.startswith("step"):
                _, done, total = line.split()
                if total != "None" and target <= 1 and int(done) >= target * int(total):
                    break
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        ok, licenses, devices, events, _stores = _state(db)
        assert ok == "ok", (trial, ok)
        assert _schema(db) == schema, trial  # every index and trigger is back
        if licenses == 1:
            assert (devices, events) == (0, 1), trial
            assert not committed
            outcomes["nothing"] += 1
        else:
            assert (licenses, events) == (full, full), (trial, licenses, events)
            outcomes["everything"] += 1
    print(f"kill -9 trials: {TRIALS}, {outcomes}")
    assert sum(outcomes.values()) == TRIALS
