"""The CLI contract through the real entry point, in subprocesses (as scripts use it)."""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from desktop.services import demo_data

TODAY = dt.date(2026, 11, 22)
EXPECTED = demo_data.build(TODAY)


def run(tmp_path: Path, *args: str, env: dict[str, str] | None = None):  # noqa: ANN201
    full_env = dict(
        os.environ,
        LICDESK_DATA_DIR=str(tmp_path / "data"),
        # never the user's (or CI's) real keyring: a file per test
        PYTHON_KEYRING_BACKEND="tests.support.filekeyring.FileKeyring",
        LICDESK_TEST_KEYRING_FILE=str(tmp_path / "keyring.json"),
        PYTHONPATH=str(Path(__file__).resolve().parents[2]),
        **(env or {}),
    )
    full_env.pop("LICDESK_DB", None) if not env or "LICDESK_DB" not in env else None
    return subprocess.run(
        [sys.executable, "-m", "desktop", *args],
        capture_output=True,
        text=True,
        env=full_env,
        timeout=120,
    )


@pytest.fixture
def demo_db(tmp_path: Path) -> Path:
    db = tmp_path / "x.db"
    r = run(tmp_path, "--today", TODAY.isoformat(), "--db", str(db), "init", "--demo")
    assert r.returncode == 0, r.stderr
    assert "20 licenses" in r.stdout
    return db


def licenses_json(tmp_path: Path, db: Path, *args: str) -> list[dict]:
    r = run(tmp_path, "--today", TODAY.isoformat(), "--db", str(db), "licenses", "--json", *args)
    assert r.returncode == 0, r.stderr
    return json.loads(r.stdout)


def test_version(tmp_path: Path) -> None:
    r = run(tmp_path, "--version")
    assert r.returncode == 0 and r.stdout.startswith("License Desk ")


def test_expiring_within_30_days(tmp_path: Path, demo_db: Path) -> None:
    rows = licenses_json(tmp_path, demo_db, "--expiring-within", "30")
    expected = sorted(
        (lic.device_code, (lic.subscription_end - TODAY).days)
        for lic in EXPECTED.licenses
        if lic.device_code and 0 <= (lic.subscription_end - TODAY).days <= 30
    )
    assert sorted((r["device_code"], r["days_left"]) for r in rows) == expected
    for r in rows:
        assert {
            "id",
            "product_sku",
            "product_name",
            "device_code",
            "status",
            "subscription_end",
            "days_left",
        } <= r.keys()
        assert r["status"] == "expiring"
        end = dt.date.fromisoformat(r["subscription_end"])
        assert (end - TODAY).days == r["days_left"]


@pytest.mark.parametrize("status", ["free", "active", "expiring", "expired"])
def test_status_filter(tmp_path: Path, demo_db: Path, status: str) -> None:
    rows = licenses_json(tmp_path, demo_db, "--status", status)
    assert rows and {r["status"] for r in rows} == {status}
    if status == "free":
        assert all(r["device_code"] is None and r["days_left"] is None for r in rows)


def test_search_and_other_today(tmp_path: Path, demo_db: Path) -> None:
    rows = licenses_json(tmp_path, demo_db, "--search", "склад южный")
    assert rows and {r["store_name"] for r in rows} == {"Склад Южный"}
    later = run(
        tmp_path,
        "--today",
        "2027-01-01",
        "--db",
        str(demo_db),
        "licenses",
        "--json",
        "--status",
        "expired",
    )
    assert len(json.loads(later.stdout)) > len(
        licenses_json(tmp_path, demo_db, "--status", "expired")
    )


def test_export_import_roundtrip(tmp_path: Path, demo_db: Path) -> None:
    for fmt in ("csv", "json"):
        out = tmp_path / f"all.{fmt}"
        r = run(tmp_path, "--db", str(demo_db), "export", "--format", fmt, str(out))
        assert r.returncode == 0, r.stderr
        new = tmp_path / f"new-{fmt}.db"
        assert run(tmp_path, "--db", str(new), "init").returncode == 0  # explicitly new
        r = run(tmp_path, "--db", str(new), "import", str(out))
        assert r.returncode == 0, r.stderr
        assert len(licenses_json(tmp_path, new)) == len(EXPECTED.licenses)


def test_bad_input_is_one_clear_line(tmp_path: Path, demo_db: Path) -> None:
    r = run(tmp_path, "--today", "22.11.2026", "licenses")
    assert r.returncode == 2 and "use YYYY-MM-DD" in r.stderr and "Traceback" not in r.stderr
    bad = tmp_path / "bad.json"
    bad.write_text(
        '{"format": "licdesk-dataset", "version": 1, "licenses": [{"product_sku": "NOPE"}]}',
        encoding="utf-8",
    )
    assert run(tmp_path, "--db", str(tmp_path / "n.db"), "init").returncode == 0
    r = run(tmp_path, "--db", str(tmp_path / "n.db"), "import", str(bad))
    assert r.returncode == 2 and "Traceback" not in r.stderr
    assert "licenses[0], product_sku: no product with SKU 'NOPE'" in r.stderr
    assert "nothing was written" in r.stderr
    r = run(tmp_path, "--db", str(tmp_path), "licenses")
    assert r.returncode == 2 and "is a folder" in r.stderr


def test_demo_database_is_separate_and_created_on_first_use(tmp_path: Path) -> None:
    r = run(tmp_path, "--demo", "--today", TODAY.isoformat(), "licenses", "--json")
    assert r.returncode == 0, r.stderr
    assert len(json.loads(r.stdout)) == len(EXPECTED.licenses)
    assert (tmp_path / "data" / "licdesk-demo.db").exists()
    real = run(tmp_path, "licenses", "--json")  # the real database is not even created
    assert real.returncode == 2 and "There is no License Desk database" in real.stderr
    assert not (tmp_path / "data" / "licdesk.db").exists()


def test_licdesk_db_environment(tmp_path: Path, demo_db: Path) -> None:
    r = run(
        tmp_path,
        "--today",
        TODAY.isoformat(),
        "licenses",
        "--json",
        env={"LICDESK_DB": str(demo_db)},
    )
    assert len(json.loads(r.stdout)) == len(EXPECTED.licenses)


def test_warnings_json(tmp_path: Path, demo_db: Path) -> None:
    r = run(tmp_path, "--today", TODAY.isoformat(), "--db", str(demo_db), "warnings", "--json")
    data = json.loads(r.stdout)
    assert data["popup_due"] is True and data["ended_count"] == 3
    assert {i["stage"] for i in data["items"]} >= {"ended", 1, 14, 30}
    # --today is a what-if view: acknowledging (a write) is refused there, and works today
    refused = run(tmp_path, "--today", TODAY.isoformat(), "--db", str(demo_db), "warnings", "--ack")
    assert refused.returncode == 2 and "what-if" in refused.stderr
    run(tmp_path, "--db", str(demo_db), "warnings", "--ack")
    again = json.loads(run(tmp_path, "--db", str(demo_db), "warnings", "--json").stdout)
    assert again["popup_due"] is False and not any(i["pending"] for i in again["items"])


def test_postgresql_url(tmp_path: Path, pg_database: str) -> None:
    r = run(tmp_path, "--today", TODAY.isoformat(), "--db", pg_database, "init", "--demo")
    assert r.returncode == 0, r.stderr
    rows = licenses_json(tmp_path, pg_database, "--expiring-within", "30")  # type: ignore[arg-type]
    assert len(rows) == 7


def test_forecast_json_by_store_and_window(tmp_path: Path, demo_db: Path) -> None:
    base = ("--today", TODAY.isoformat(), "--db", str(demo_db), "forecast")
    r = run(tmp_path, *base, "--months", "60", "--by", "store", "--json")
    assert r.returncode == 0, r.stderr
    data = json.loads(r.stdout)
    assert data["first_month"] == "2026-11" and len(data["by_month"]) == 60
    assert sum(m["renewals"] for m in data["by_month"]) == sum(
        s["renewals"] for s in data["by_store"]
    )
    assert {s["store"] for s in data["by_store"]} >= {"Склад Южный"}
    assert data["left_out"] == []
    r = run(tmp_path, *base, "--months", "61")
    assert r.returncode == 2 and "between 1 and 60" in r.stderr


def test_warnings_json_counts_per_store(tmp_path: Path, demo_db: Path) -> None:
    r = run(tmp_path, "--today", TODAY.isoformat(), "--db", str(demo_db), "warnings", "--json")
    data = json.loads(r.stdout)
    assert data["due"] == len(data["items"]) == sum(c["total"] for c in data["counts"])
    assert data["pending"] == sum(c["pending"] for c in data["counts"])


def test_commands_are_declared_on_first_use() -> None:
    """`licdesk --version` imports no command module; the table of commands says what
    every module registers, with the same help."""
    import argparse
    import importlib

    from desktop.cli.main import COMMANDS, topic_modules

    code = (
        "import sys\n"
        "from desktop.app import main\n"
        "try:\n    main(['--version'])\nexcept SystemExit:\n    pass\n"
        "print(sorted(m for m in sys.modules if m.startswith(('desktop.cli.', 'desktop.services',"
        " 'sqlalchemy'))))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        cwd=Path(__file__).resolve().parents[2],
    )
    assert out.stdout.strip().splitlines()[-1] == "['desktop.cli.common', 'desktop.cli.main']"
    registered: dict[str, str] = {}
    for name in topic_modules():
        parser = argparse.ArgumentParser()
        sub = parser.add_subparsers()
        importlib.import_module(f"desktop.cli.{name}").register(sub)
        for action in sub._choices_actions:
            registered[action.dest] = action.help or ""
            assert COMMANDS[action.dest][0] == name
    assert registered == {k: v[1] for k, v in COMMANDS.items()}
