"""Activation end to end on a real store: codes, signatures, refusals, races, keyring."""

from __future__ import annotations

import datetime as dt
import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from desktop.authority.keys import TrustStore
from desktop.domain.errors import DomainError
from desktop.domain.status import LicenseStatus
from desktop.services import activation, licenses, setup
from desktop.services.ports import SortKey
from desktop.storage.open import open_store
from desktop.storage.secrets import KeyringSecrets, MemorySecrets
from tests.conftest import TODAY, make_ctx

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def env(tmp_path: Path, store):  # noqa: ANN001, ANN201
    auth = activation.LocalAuthority(MemorySecrets(), TrustStore(tmp_path / "trust.json"))
    ctx = make_ctx(store, authority=auth)
    setup.init_demo(ctx.db, TODAY)
    activation.sign_demo(ctx.db, auth, TODAY)
    return ctx, auth


def rows(ctx):  # noqa: ANN001, ANN201
    return licenses.list_licenses(
        ctx.db, licenses.make_query(ctx.db, TODAY, sort=SortKey.ID), ctx.verifier
    )


def issue(ctx, auth, sku: str, kind: str, count: int = 1) -> list[str]:  # noqa: ANN001
    return activation.issue_codes(ctx.db, auth, sku, kind, 12, count, TODAY)


def activate(ctx, auth, device: str, code: str):  # noqa: ANN001, ANN201
    return activation.activate(ctx.db, auth, device, code, TODAY)


def device_of(ctx, sku: str) -> str:  # noqa: ANN001
    return next(r.device_code for r in rows(ctx) if r.product_sku == sku and r.device_code)


def test_signed_demo_licenses_verify(env) -> None:  # noqa: ANN001
    ctx, _ = env
    assert all(r.status is not LicenseStatus.INVALID for r in rows(ctx))


def test_new_license_and_renewal(env) -> None:  # noqa: ANN001
    ctx, auth = env
    new_device = "CP30-1234567890123-1234567890123"
    code = issue(ctx, auth, "MS-KIROVKA", "license")[0]
    result = activate(ctx, auth, new_device.lower(), code.replace("-", " ").lower())
    assert result.kind == "license" and result.new_end == dt.date(2027, 11, 21)
    row = next(r for r in rows(ctx) if r.id == result.license_id)
    assert row.device_code == new_device and row.status is LicenseStatus.ACTIVE
    device = device_of(ctx, "MS-EGAIS-CHM")
    old = next(r for r in rows(ctx) if r.device_code == device)
    renewal = issue(ctx, auth, "MS-EGAIS-CHM", "renewal")[0]
    result = activate(ctx, auth, device, renewal)
    assert result.kind == "renewal" and result.old_end == old.subscription_end
    assert result.new_end == dt.date(2027, 11, 21)  # a year from the day of issue
    assert result.days_forfeited == max(0, (old.subscription_end - TODAY).days + 1)
    kinds = [e.kind for e in licenses.history(ctx.db, old.id)]
    assert "renewed" in kinds
    again = activate(ctx, auth, device, renewal)
    assert again.kind == "already-active"


def test_refusals(env) -> None:  # noqa: ANN001
    ctx, auth = env
    chm_device = device_of(ctx, "MS-EGAIS-CHM")
    code = issue(ctx, auth, "MS-EGAIS-CHM", "renewal")[0]
    activate(ctx, auth, chm_device, code)
    with pytest.raises(DomainError) as err:
        activate(ctx, auth, "CP30-1111111111111-1111111111111", code)
    assert err.value.code == "code_used" and err.value.params["device"] == chm_device
    other = issue(ctx, auth, "MS-KIROVKA", "renewal")[0]
    with pytest.raises(DomainError) as err:
        activate(ctx, auth, chm_device, other)
    assert err.value.code == "code_other_product"
    with pytest.raises(DomainError) as err:
        activate(ctx, auth, "CP30-2222222222222-2222222222222", other)
    assert err.value.code == "renewal_without_license"
    # the refused codes were not burnt
    assert sum(1 for c in activation.issued_codes(ctx.db) if c.used_at is None) >= 1
    with pytest.raises(DomainError) as err:
        activate(ctx, auth, chm_device, "AAAAA-AAAA-AAAAA-AAAAA-AAAAA")
    assert err.value.code == "code_unknown"


def test_wrong_codes_make_the_user_wait_and_it_survives_restart(env, store) -> None:  # noqa: ANN001
    ctx, auth = env
    device = device_of(ctx, "MS-EGAIS-CHM")
    for _ in range(5):
        with pytest.raises(DomainError) as err:
            activate(ctx, auth, device, "AAAAA-AAAA-AAAAA-AAAAA-AAAAA")
        assert err.value.code == "code_unknown"
    good = issue(ctx, auth, "MS-EGAIS-CHM", "renewal")[0]
    reopened = make_ctx(store, authority=auth)  # a "restart": the count lives in the database
    with pytest.raises(DomainError) as err:
        activate(reopened, auth, device, good)
    assert err.value.code == "code_wait" and 0 < err.value.params["seconds"] <= 31
    later = dt.datetime.now(dt.UTC).replace(tzinfo=None) + dt.timedelta(seconds=31)
    assert activation.wait_before_next_try(reopened.db, later) == 0
    result = activation.activate(reopened.db, auth, device, good, TODAY, now=later)
    assert result.kind == "renewal"


def test_edited_or_copied_licenses_are_invalid(env, sqlite_path: Path, tmp_path: Path) -> None:  # noqa: ANN001
    ctx, _ = env
    target = next(r for r in rows(ctx) if r.status is LicenseStatus.EXPIRED)
    con = sqlite3.connect(sqlite_path)
    con.execute("UPDATE licenses SET subscription_end = '2030-01-01' WHERE id = ?", (target.id,))
    con.commit()
    con.close()
    assert next(r for r in rows(ctx) if r.id == target.id).status is LicenseStatus.INVALID
    # a copy in another database (another store id) does not verify either
    other = open_store(tmp_path / "other.db")
    other_ctx = make_ctx(other, authority=ctx.authority)
    setup.import_file(other_ctx.db, _export(ctx, tmp_path))
    with other_ctx.db.uow(write=True) as uow:
        uow.settings.set(activation.SIGNED_STORE_KEY, "1")
        uow.commit()
    assert all(r.status is LicenseStatus.INVALID for r in rows(other_ctx) if r.device_code)
    other.dispose()


def _export(ctx, tmp_path: Path) -> Path:  # noqa: ANN001
    path = tmp_path / "all.json"
    setup.export_file(ctx.db, path, "json")
    return path


def test_private_key_is_never_in_the_database(env, sqlite_path: Path) -> None:  # noqa: ANN001
    ctx, auth = env
    raw = sqlite_path.read_bytes() + Path(str(sqlite_path) + "-wal").read_bytes()
    key = auth.secrets.get(f"authority-key:{auth.current_key_id()}")
    assert key and key.encode() not in raw


def test_no_keyring_gives_a_clear_error(tmp_path: Path, monkeypatch) -> None:  # noqa: ANN001
    import keyring
    from keyring.backends.fail import Keyring as FailKeyring

    monkeypatch.setattr(keyring, "get_keyring", lambda: FailKeyring())
    keyring.set_keyring(FailKeyring())
    auth = activation.LocalAuthority(KeyringSecrets(), TrustStore(tmp_path / "t.json"))
    with pytest.raises(DomainError) as err:
        auth.init()
    assert err.value.code == "keyring_unavailable"


@pytest.mark.secret_service
def test_real_secret_service_roundtrip() -> None:
    if os.environ.get("LICDESK_TEST_SECRET_SERVICE") != "1":
        pytest.skip("needs a Secret Service (LICDESK_TEST_SECRET_SERVICE=1 under dbus)")
    import keyring
    from keyring.backends.SecretService import Keyring as SecretServiceKeyring

    keyring.set_keyring(SecretServiceKeyring())
    secrets = KeyringSecrets(service="licdesk-test")
    secrets.set("probe", "value-123")
    assert secrets.get("probe") == "value-123"


RACE = """
import datetime as dt, json, sys
from desktop.app import build_app
from desktop.domain.clock import FixedClock
from desktop.domain.errors import DomainError
from desktop.services import activation
app = build_app(sys.argv[1], FixedClock(dt.date(2026, 11, 22)))
try:
    r = activation.activate(app.db, app.authority, sys.argv[2], sys.argv[3],
                            dt.date(2026, 11, 22))
    print(json.dumps({"ok": r.kind}))
except DomainError as err:
    print(json.dumps({"error": err.code}))
"""


def test_two_processes_race_for_one_code(db_target: str, tmp_path: Path) -> None:
    env_vars = dict(
        os.environ,
        LICDESK_DATA_DIR=str(tmp_path / "data"),
        PYTHON_KEYRING_BACKEND="tests.support.filekeyring.FileKeyring",
        LICDESK_TEST_KEYRING_FILE=str(tmp_path / "keyring.json"),
        PYTHONPATH=str(ROOT),
    )
    run = [sys.executable, "-m", "desktop", "--today", TODAY.isoformat(), "--db", db_target]
    subprocess.run([*run, "init", "--demo"], env=env_vars, check=True, capture_output=True)
    code = json.loads(
        subprocess.run(
            [*run, "authority", "issue", "--sku", "MS-KIROVKA", "--kind", "license", "--json"],
            env=env_vars,
            check=True,
            capture_output=True,
            text=True,
        ).stdout
    )[0]["code"]
    procs = [
        subprocess.Popen(
            [
                sys.executable,
                "-c",
                RACE,
                db_target,
                f"CP30-{n}{n}{n}4567890123-{n}{n}{n}4567890123",
                code,
            ],
            env=env_vars,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for n in (1, 2)
    ]
    results = [json.loads(p.communicate(timeout=120)[0].strip().splitlines()[-1]) for p in procs]
    assert sorted(results, key=str) == sorted(
        [{"ok": "license"}, {"error": "code_used"}], key=str
    ), results


def test_transfer_then_the_same_code_activates_on_the_new_device(env) -> None:  # noqa: ANN001
    ctx, auth = env
    code = issue(ctx, auth, "MS-KIROVKA", "license")[0]
    first = activate(ctx, auth, "CP30-1000000000001-1000000000001", code)
    old = activation.transfer(ctx.db, auth, first.license_id, TODAY)
    assert old == "CP30-1000000000001-1000000000001"
    row = next(r for r in rows(ctx) if r.id == first.license_id)
    assert row.status is LicenseStatus.FREE
    moved = activate(ctx, auth, "CP30-2000000000002-2000000000002", code)
    assert moved.kind == "transfer" and moved.license_id == first.license_id
    row = next(r for r in rows(ctx) if r.id == first.license_id)
    assert row.device_code == "CP30-2000000000002-2000000000002"
    assert row.status is LicenseStatus.ACTIVE  # re-signed for its new device
    kinds = [e.kind for e in licenses.history(ctx.db, first.license_id)]
    assert kinds.count("activated") == 2 and "transferred" in kinds


def test_transfer_refused_after_the_end(env) -> None:  # noqa: ANN001
    ctx, auth = env
    expired = next(r for r in rows(ctx) if r.status is LicenseStatus.EXPIRED)
    with pytest.raises(DomainError) as err:
        activation.transfer(ctx.db, auth, expired.id, TODAY)
    assert err.value.code == "transfer_not_active"


def test_license_file_offline_path(env, tmp_path: Path) -> None:  # noqa: ANN001
    ctx, auth = env
    code = issue(ctx, auth, "MS-KIROVKA", "license")[0]
    device = "CP30-3000000000003-3000000000003"
    path = tmp_path / "license.json"
    data = activation.export_license_file(ctx.db, auth, device, code, TODAY, path)
    forged = json.loads(json.dumps(data))
    forged["license"]["months"] = 60
    forged_path = tmp_path / "forged.json"
    forged_path.write_text(json.dumps(forged), encoding="utf-8")
    with pytest.raises(DomainError) as err:
        activation.load_license_file(ctx.db, auth, forged_path, TODAY)
    assert err.value.code == "license_file_signature"
    result = activation.load_license_file(ctx.db, auth, path, TODAY)
    assert result.kind == "license" and result.device_code == device
    with pytest.raises(DomainError) as err:
        activation.load_license_file(ctx.db, auth, path, TODAY)
    assert err.value.code == "license_file_loaded"
    with pytest.raises(DomainError) as err:
        activate(ctx, auth, "CP30-4000000000004-4000000000004", code)
    assert err.value.code == "code_used"


def test_authority_trusts_its_existing_key_in_a_new_trust_file(tmp_path: Path) -> None:
    secrets = MemorySecrets()
    first = activation.LocalAuthority(secrets, TrustStore(tmp_path / "a.json"))
    kid = first.init()
    second = activation.LocalAuthority(secrets, TrustStore(tmp_path / "b.json"))
    assert second.init() == kid
    assert kid in TrustStore(tmp_path / "b.json").load()


def test_cli_demo_is_signed_and_valid(tmp_path: Path) -> None:
    env_vars = dict(
        os.environ,
        LICDESK_DATA_DIR=str(tmp_path / "data"),
        PYTHON_KEYRING_BACKEND="tests.support.filekeyring.FileKeyring",
        LICDESK_TEST_KEYRING_FILE=str(tmp_path / "keyring.json"),
        PYTHONPATH=str(ROOT),
    )
    run = [
        sys.executable,
        "-m",
        "desktop",
        "--today",
        TODAY.isoformat(),
        "--db",
        str(tmp_path / "d.db"),
    ]
    out = subprocess.run(
        [*run, "init", "--demo"], env=env_vars, check=True, capture_output=True, text=True
    ).stdout
    assert "Unused activation codes" in out
    rows_json = json.loads(
        subprocess.run(
            [*run, "licenses", "--json"], env=env_vars, check=True, capture_output=True, text=True
        ).stdout
    )
    assert rows_json and not any(r["status"] == "invalid" for r in rows_json)
    con = sqlite3.connect(tmp_path / "d.db")
    assert con.execute("SELECT count(*) FROM licenses WHERE signature IS NULL").fetchone()[0] == 0
    con.close()
