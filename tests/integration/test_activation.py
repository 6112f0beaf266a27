"""Activation and trust end to end: the real license authority on a local port, the real
client, a real store (SQLite and PostgreSQL); the attacks that used to make a license
valid now fail, and honest use keeps licenses valid."""

from __future__ import annotations

import datetime as dt
import json
import os
import sqlite3
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from desktop.domain.errors import DomainError
from desktop.domain.status import LicenseStatus, Verdict
from desktop.services import activation, licenses, renewals, setup
from desktop.services.ports import SortKey
from desktop.services.trust import TrustedKeys, load_keys
from desktop.storage.open import open_store
from tests.conftest import TODAY, make_ctx

ROOT = Path(__file__).resolve().parents[2]
NEW_DEVICE = "CP30-1234567890123-1234567890123"


@pytest.fixture
def env(store, authority):  # noqa: ANN001, ANN201
    """A demo store whose licenses the authority signed, trusting that authority."""
    ctx = make_ctx(store, authority=authority)
    setup.init_demo(ctx.db, TODAY)
    assert setup.sign_demo(ctx.db, ctx.authority, ctx.trusted_keys) > 0
    return ctx, authority


def rows(ctx):  # noqa: ANN001, ANN201
    return licenses.list_licenses(
        ctx.db, licenses.make_query(ctx.db, TODAY, sort=SortKey.ID), ctx.verifier
    )


def issue(authority, sku: str, kind: str, count: int = 1, devices: int = 1) -> list[str]:  # noqa: ANN001
    return authority.service.issue(sku, kind, count=count, devices=devices)


def activate(ctx, device: str, code: str):  # noqa: ANN001, ANN201
    return activation.activate(ctx.db, ctx.authority, ctx.trusted_keys, device, code)


def device_of(ctx, sku: str, n: int = 0) -> str:  # noqa: ANN001
    return [r.device_code for r in rows(ctx) if r.product_sku == sku and r.device_code][n]


def row(ctx, license_id: int):  # noqa: ANN001, ANN201
    return next(r for r in rows(ctx) if r.id == license_id)


# ------------------------------------------------------------------ it works


def test_signed_demo_licenses_verify(env) -> None:  # noqa: ANN001
    ctx, _ = env
    bound = [r for r in rows(ctx) if r.device_code]
    assert bound and all(r.verdict is Verdict.VERIFIED for r in bound)
    assert all(r.status is not LicenseStatus.INVALID for r in bound)


def test_new_license_and_renewal_through_the_server(env) -> None:  # noqa: ANN001
    ctx, auth = env
    code = issue(auth, "MS-KIROVKA", "license")[0]
    result = activate(ctx, NEW_DEVICE.lower(), code.replace("-", " ").lower())
    assert result.kind == "license" and result.new_end == dt.date(2027, 11, 21)
    new = row(ctx, result.license_id)
    assert new.device_code == NEW_DEVICE and new.verdict is Verdict.VERIFIED
    device = device_of(ctx, "MS-EGAIS-CHM", 1)
    old = next(r for r in rows(ctx) if r.device_code == device)
    renewal = issue(auth, "MS-EGAIS-CHM", "renewal")[0]
    result = activate(ctx, device, renewal)
    assert result.kind == "renewal" and result.old_end == old.subscription_end
    assert result.new_end == dt.date(2027, 11, 21)  # a year from the day of issue
    assert result.days_forfeited == max(0, (old.subscription_end - TODAY).days + 1)
    assert row(ctx, old.id).verdict is Verdict.VERIFIED  # re-signed with its new period
    assert "renewed" in [e.kind for e in licenses.history(ctx.db, old.id)]
    assert activate(ctx, device, renewal).kind == "already-active"


def test_an_enova_renewal_follows_the_enova_rule(env) -> None:  # noqa: ANN001
    """Issue 11.1: activation applies the line's own rule (on-time follows on)."""
    ctx, auth = env
    lic = next(r for r in rows(ctx) if r.product_sku == "ENOVA365")
    quote = renewals.quote(ctx.db, [lic.id], TODAY).lines[0]
    result = activate(ctx, lic.device_code, issue(auth, "ENOVA365", "renewal")[0])
    assert result.renewal_kind == "on-time" and result.days_forfeited == 0
    assert result.new_end == quote.new_end == dt.date(2028, 2, 29)


def test_refusals_are_recorded_and_change_nothing(env) -> None:  # noqa: ANN001
    ctx, auth = env
    chm = device_of(ctx, "MS-EGAIS-CHM")
    code = issue(auth, "MS-EGAIS-CHM", "renewal")[0]
    activate(ctx, chm, code)
    before = [(r.id, r.subscription_end, r.verdict) for r in rows(ctx)]
    for device, text, expected in (
        ("CP30-1111111111111-1111111111111", code, "code_used"),
        (chm, issue(auth, "MS-KIROVKA", "renewal")[0], "code_other_product"),
        (
            "CP30-2222222222222-2222222222222",
            issue(auth, "MS-KIROVKA", "renewal")[0],
            "renewal_without_license",
        ),
        (chm, "AAAAA-AAAA-AAAAA-AAAAA-AAAAA", "code_unknown"),
        (chm, "LMCNR-XYJP-RWWYY-QJZZA-WFYRX", "code_typo"),
    ):
        with pytest.raises(DomainError) as err:
            activate(ctx, device, text)
        assert err.value.code == expected
    assert [(r.id, r.subscription_end, r.verdict) for r in rows(ctx)] == before
    from sqlalchemy import select

    from desktop.storage.schema import Event

    with ctx.db.uow() as uow:
        kinds = list(uow.session.scalars(select(Event.kind).where(Event.kind == "refused")))
    assert len(kinds) == 5


def test_wrong_codes_make_the_user_wait_and_it_survives_restart(env, store) -> None:  # noqa: ANN001
    ctx, auth = env
    device = device_of(ctx, "MS-EGAIS-CHM")
    unknown = issue(auth, "MS-EGAIS-CHM", "renewal")[0]
    auth.service  # noqa: B018
    for _ in range(5):
        with pytest.raises(DomainError) as err:
            # a well-formed code the authority never issued
            activate(ctx, device, "LMCNR-XYJP-RWWYY-QJZZA-WFYRM")
        assert err.value.code == "code_unknown"
    reopened = make_ctx(store, authority=auth)  # a "restart": the count lives in the store
    with pytest.raises(DomainError) as err:
        activate(reopened, device, unknown)
    assert err.value.code == "code_wait" and 0 < err.value.params["seconds"] <= 31
    later = dt.datetime.now(dt.UTC).replace(tzinfo=None) + dt.timedelta(seconds=31)
    assert activation.wait_before_next_try(reopened.db, later) == 0
    result = activation.activate(
        reopened.db, reopened.authority, reopened.trusted_keys, device, unknown, now=later
    )
    assert result.kind == "renewal"


def test_transfer_then_the_same_code_activates_on_the_new_device(env) -> None:  # noqa: ANN001
    ctx, auth = env
    code = issue(auth, "MS-KIROVKA", "license")[0]
    first = activate(ctx, "CP30-1000000000001-1000000000001", code)
    assert activation.transfer(ctx.db, ctx.authority, first.license_id, TODAY) == (
        "CP30-1000000000001-1000000000001"
    )
    assert row(ctx, first.license_id).status is LicenseStatus.FREE
    moved = activate(ctx, "CP30-2000000000002-2000000000002", code)
    assert moved.kind == "transfer" and moved.license_id == first.license_id
    again = row(ctx, first.license_id)
    assert again.device_code == "CP30-2000000000002-2000000000002"
    assert again.verdict is Verdict.VERIFIED and again.subscription_end == first.new_end
    kinds = [e.kind for e in licenses.history(ctx.db, first.license_id)]
    assert kinds.count("activated") == 2 and "transferred" in kinds


def test_transfer_refused_after_the_end(env) -> None:  # noqa: ANN001
    ctx, _ = env
    expired = next(r for r in rows(ctx) if r.status is LicenseStatus.EXPIRED)
    with pytest.raises(DomainError) as err:
        activation.transfer(ctx.db, ctx.authority, expired.id, TODAY)
    assert err.value.code == "transfer_not_active"


def test_a_code_is_refused_beyond_its_device_count(env) -> None:  # noqa: ANN001
    ctx, auth = env
    code = issue(auth, "MS-KIROVKA", "license", devices=2)[0]
    activate(ctx, "CP30-5000000000005-5000000000005", code)
    activate(ctx, "CP30-6000000000006-6000000000006", code)
    with pytest.raises(DomainError) as err:
        activate(ctx, "CP30-7000000000007-7000000000007", code)
    assert err.value.code == "code_used"


def test_fulfilment_through_the_authority_is_one_transaction(env) -> None:  # noqa: ANN001
    ctx, _ = env
    ids = [r.id for r in rows(ctx) if r.product_sku == "MS-EGAIS-CHM" and r.device_code][:2]
    order_id = renewals.create_order(ctx.db, ids, TODAY)
    done = renewals.fulfil_order(ctx.db, ctx.authority, ctx.trusted_keys, order_id)
    assert done.lines == 2
    order = renewals.order(ctx.db, order_id)
    assert order.status == "fulfilled" and all(ln.fulfilled for ln in order.lines)
    assert all(row(ctx, i).verdict is Verdict.VERIFIED for i in ids)
    assert all(row(ctx, i).subscription_end == dt.date(2027, 11, 21) for i in ids)


def test_the_authority_unreachable_says_so_and_changes_nothing(store) -> None:  # noqa: ANN001
    from desktop.authority.client import HttpAuthority

    ctx = make_ctx(store, authority=HttpAuthority("http://127.0.0.1:9", 2.0), keys=TrustedKeys())
    setup.init_demo(ctx.db, TODAY)
    before = [(r.id, r.subscription_end) for r in rows(ctx)]
    with pytest.raises(DomainError) as err:
        activate(ctx, NEW_DEVICE, "LMCNR-XYJP-RWWYY-QJZZA-WFYRM")
    assert err.value.code == "authority_unreachable"
    assert [(r.id, r.subscription_end) for r in rows(ctx)] == before


# ------------------------------------------------------------------ attacks that fail


def _sql(path: Path, *statements: str) -> None:
    con = sqlite3.connect(path)
    for s in statements:
        con.execute(s)
    con.commit()
    con.close()


def test_an_edited_end_date_is_invalid_and_a_deleted_signature_not_verified(
    env, sqlite_path: Path
) -> None:  # noqa: ANN001
    ctx, _ = env
    target = next(r for r in rows(ctx) if r.status is LicenseStatus.EXPIRED)
    _sql(sqlite_path, f"UPDATE licenses SET subscription_end = '2099-01-01' WHERE id = {target.id}")
    edited = row(ctx, target.id)
    assert edited.verdict is Verdict.INVALID and edited.status is LicenseStatus.INVALID
    _sql(
        sqlite_path,
        f"UPDATE licenses SET signature = NULL, key_id = NULL WHERE id = {target.id}",
    )
    assert row(ctx, target.id).verdict is Verdict.UNVERIFIED  # shown as "not verified"


@pytest.mark.parametrize(
    "statement",
    [
        "UPDATE settings SET value = 'another-store' WHERE key = 'store_id'",
        "DELETE FROM settings WHERE key = 'store_id'",
        "INSERT INTO settings (key, value) VALUES ('signed_store', '0')",
        "UPDATE licenses SET device_id = (SELECT min(id) FROM devices) WHERE device_id IS NOT NULL",
    ],
)
def test_editing_settings_or_bindings_makes_nothing_valid(
    env, store, sqlite_path: Path, statement: str
) -> None:  # noqa: ANN001
    ctx, auth = env
    before = {r.id: r.verdict for r in rows(ctx)}
    _sql(sqlite_path, statement)
    fresh = make_ctx(store, authority=auth)  # a new process reads the store afresh
    after = {r.id: r.verdict for r in rows(fresh)}
    became_valid = [
        i for i, v in after.items() if v is Verdict.VERIFIED and before[i] is not Verdict.VERIFIED
    ]
    assert became_valid == []
    if "device_id" not in statement and "signed_store" not in statement:
        assert all(v is not Verdict.VERIFIED for v in after.values())


def test_a_key_in_a_user_writable_place_is_not_trusted(tmp_path: Path, authority) -> None:  # noqa: ANN001
    public = json.dumps(authority.public_keys).encode()
    vendor = tmp_path / "vendor"
    vendor.mkdir()
    writable = tmp_path / "machine"
    writable.mkdir()
    (writable / "k.json").write_bytes(public)
    os.chmod(writable, 0o777)  # anyone may write here: not an administrator's folder
    keys = load_keys(vendor, writable)
    assert keys.keys == {} and keys.problems
    assert "writable by other users" in keys.problems[0].reason
    # the old per-user trust file is not read at all
    (tmp_path / "trusted_keys.json").write_bytes(public)
    assert load_keys(vendor, tmp_path / "nothing").keys == {}


@pytest.mark.skipif(os.geteuid() != 0, reason="an administrator's folder needs root to create")
def test_an_administrators_key_is_trusted(tmp_path: Path, authority) -> None:  # noqa: ANN001
    machine = tmp_path / "machine"
    machine.mkdir(mode=0o755)
    (machine / "authority.json").write_bytes(json.dumps(authority.public_keys).encode())
    os.chmod(machine / "authority.json", stat.S_IRUSR | stat.S_IWUSR | stat.S_IRGRP | stat.S_IROTH)
    keys = load_keys(tmp_path / "vendor", machine)
    assert set(keys.keys) == set(authority.public_keys) and keys.problems == ()


def test_a_key_listed_under_another_id_is_refused(tmp_path: Path, authority) -> None:  # noqa: ANN001
    from desktop.services.trust import parse_key_file

    kid, public = next(iter(authority.public_keys.items()))
    with pytest.raises(ValueError):
        parse_key_file(json.dumps({"ed25519:0000000000000000": public}).encode(), "x", "m")
    assert parse_key_file(json.dumps({kid: public}).encode(), "x", "m")[0].key_id == kid


def test_a_license_file_loads_once_into_its_own_store_only(env, tmp_path: Path, store) -> None:  # noqa: ANN001
    ctx, auth = env
    store_id = activation.store_id(ctx.db)
    code = issue(auth, "MS-KIROVKA", "license")[0]
    signed = auth.service.license_file(code, "CP30-3000000000003-3000000000003", store_id)
    path = tmp_path / "license.json"
    path.write_text(json.dumps(signed), encoding="utf-8")
    forged = json.loads(json.dumps(signed))
    forged["document"]["end"] = "2099-01-01"
    (tmp_path / "forged.json").write_text(json.dumps(forged), encoding="utf-8")
    with pytest.raises(DomainError) as err:
        activation.load_license_file(ctx.db, ctx.trusted_keys, tmp_path / "forged.json")
    assert err.value.code == "license_file_signature"
    result = activation.load_license_file(ctx.db, ctx.trusted_keys, path)
    assert row(ctx, result.license_id).verdict is Verdict.VERIFIED
    with pytest.raises(DomainError) as err:  # twice
        activation.load_license_file(ctx.db, ctx.trusted_keys, path)
    assert err.value.code == "license_file_loaded"
    with ctx.db.uow(write=True) as uow:  # its activation record deleted: still refused
        uow.session.execute(__import__("sqlalchemy").text("DELETE FROM activations"))
        uow.commit()
    with pytest.raises(DomainError) as err:
        activation.load_license_file(ctx.db, ctx.trusted_keys, path)
    assert err.value.code == "license_file_loaded"
    other = open_store(tmp_path / "other.db")  # another store
    other_ctx = make_ctx(other, authority=auth)
    setup.init_demo(other_ctx.db, TODAY)
    with pytest.raises(DomainError) as err:
        activation.load_license_file(other_ctx.db, other_ctx.trusted_keys, path)
    assert err.value.code == "license_other_store"
    other.dispose()


def test_a_license_signed_by_an_unknown_key_is_refused_and_invalid(env, tmp_path: Path) -> None:  # noqa: ANN001
    """The attacker's own authority (its own key) signs for this very store: refused."""
    from desktop.authority.demo import start_demo_authority
    from desktop.domain.clock import FixedClock

    ctx, _ = env
    rogue = start_demo_authority(tmp_path / "rogue", FixedClock(TODAY))
    try:
        code = rogue.service.issue("MS-KIROVKA", "license")[0]
        signed = rogue.service.license_file(
            code, "CP30-4000000000004-4000000000004", activation.store_id(ctx.db)
        )
    finally:
        rogue.stop()
    path = tmp_path / "rogue.json"
    path.write_text(json.dumps(signed), encoding="utf-8")
    with pytest.raises(DomainError) as err:
        activation.load_license_file(ctx.db, ctx.trusted_keys, path)
    assert err.value.code == "license_key_untrusted"


# ------------------------------------------------------------------ backups travel


def _verdicts(ctx) -> dict[tuple[str, str | None, object], Verdict]:  # noqa: ANN001
    return {(r.product_sku, r.device_code, r.activated_on): r.verdict for r in rows(ctx)}


def test_a_json_backup_restored_into_a_new_database_keeps_its_verdicts(
    env, tmp_path: Path, authority, db_target: str
) -> None:  # noqa: ANN001
    """Restored into a new SQLite file or a new PostgreSQL database."""
    ctx, auth = env
    new = activate(ctx, NEW_DEVICE, issue(auth, "MS-KIROVKA", "license")[0])
    before = _verdicts(ctx)
    assert list(before.values()).count(Verdict.VERIFIED) > 10
    backup = tmp_path / "backup.json"
    setup.export_file(ctx.db, backup, "json")
    exported = json.loads(backup.read_text(encoding="utf-8"))
    assert exported["store_id"] == activation.store_id(ctx.db)
    assert all(
        set(lic["signed"]) == {"serial", "issued_at", "key_id", "signature"}
        for lic in exported["licenses"]
        if lic["signed"]
    )
    # (the SQLite target is the env's own file: restore into another one)
    s = open_store(db_target if "://" in db_target else tmp_path / "restored.db")
    try:
        restored = make_ctx(s, authority=auth)
        summary = setup.import_file(restored.db, backup, TODAY)
        assert summary.signed == list(before.values()).count(Verdict.VERIFIED)
        assert summary.unsigned == 0
        assert _verdicts(restored) == before
        assert activation.store_id(restored.db) == activation.store_id(ctx.db)
        # the restored store goes on as the old one: the authority renews its license
        result = activate(restored, NEW_DEVICE, issue(auth, "MS-KIROVKA", "renewal")[0])
        assert result.kind == "renewal"
        assert row(restored, result.license_id).verdict is Verdict.VERIFIED
        # and importing the same backup again adds nothing and changes no verdict
        again = setup.import_file(restored.db, backup, TODAY)
        assert again.licenses == 0 and again.signed == 0
        assert row(restored, result.license_id).verdict is Verdict.VERIFIED
    finally:
        s.dispose()
    assert new.license_id


def test_another_stores_signatures_are_left_behind_and_said(env, tmp_path: Path, authority) -> None:  # noqa: ANN001
    """Into a store that holds its own signed licenses, another store's signatures
    cannot verify (a store has one id): the licenses come in as not verified, and the
    summary says how many."""
    ctx, auth = env
    activate(ctx, NEW_DEVICE, issue(auth, "MS-KIROVKA", "license")[0])
    backup = tmp_path / "a.json"
    setup.export_file(ctx.db, backup, "json")
    s = open_store(tmp_path / "other.db")
    try:
        other = make_ctx(s, authority=auth)
        setup.init_demo(other.db, TODAY)
        assert setup.sign_demo(other.db, other.authority, other.trusted_keys) > 0
        own = activation.store_id(other.db)
        summary = setup.import_file(other.db, backup, TODAY)
        assert summary.licenses == 1 and summary.unsigned == 1 and summary.signed == 0
        assert activation.store_id(other.db) == own
        seen = _verdicts(other)
        new = [v for (sku, dev, _d), v in seen.items() if dev == NEW_DEVICE]
        assert new == [Verdict.UNVERIFIED]
        assert list(seen.values()).count(Verdict.VERIFIED) > 10  # its own stay verified
    finally:
        s.dispose()


def test_a_backup_edited_before_restore_is_invalid_where_edited(
    env, tmp_path: Path, authority
) -> None:  # noqa: ANN001
    ctx, auth = env
    backup = tmp_path / "backup.json"
    setup.export_file(ctx.db, backup, "json")
    payload = json.loads(backup.read_text(encoding="utf-8"))
    edited = next(lic for lic in payload["licenses"] if lic["signed"])
    edited["subscription_end"] = "2099-12-31"
    backup.write_text(json.dumps(payload), encoding="utf-8")
    s = open_store(tmp_path / "restored.db")
    try:
        restored = make_ctx(s, authority=auth)
        setup.import_file(restored.db, backup, TODAY)
        seen = _verdicts(restored)
        key = (
            edited["product_sku"],
            edited["device_code"],
            dt.date.fromisoformat(edited["activated_on"]),
        )
        assert seen[key] is Verdict.INVALID
        assert list(seen.values()).count(Verdict.VERIFIED) > 10
    finally:
        s.dispose()


@pytest.mark.parametrize(
    "edit",
    [
        pytest.param(
            lambda p, lic, other: other.update(signed=dict(lic["signed"])), id="serial twice"
        ),
        pytest.param(lambda p, lic, other: lic.update(period_start=None), id="no period start"),
        pytest.param(lambda p, lic, other: lic["signed"].update(key_id="x" * 80), id="key id"),
        pytest.param(lambda p, lic, other: lic["signed"].update(signature="not base64!"), id="sig"),
        pytest.param(lambda p, lic, other: p.pop("store_id"), id="no store id"),
    ],
)
def test_a_malformed_signature_refuses_the_file_and_writes_nothing(
    env, tmp_path: Path, edit
) -> None:  # noqa: ANN001
    ctx, _ = env
    backup = tmp_path / "backup.json"
    setup.export_file(ctx.db, backup, "json")
    payload = json.loads(backup.read_text(encoding="utf-8"))
    signed = [lic for lic in payload["licenses"] if lic["signed"]]
    edit(payload, signed[0], signed[1])
    backup.write_text(json.dumps(payload), encoding="utf-8")
    s = open_store(tmp_path / "restored.db")
    try:
        restored = make_ctx(s)
        with pytest.raises(DomainError) as err:
            setup.import_file(restored.db, backup, TODAY)
        assert err.value.code == "import_invalid"
        assert rows(restored) == []
    finally:
        s.dispose()


# ------------------------------------------------------------------ the command line


def _env(tmp_path: Path, machine_keys: Path | None = None, **extra: str) -> dict[str, str]:
    out = dict(
        os.environ,
        LICDESK_DATA_DIR=str(tmp_path / "data"),
        HOME=str(tmp_path / "home"),
        PYTHONPATH=str(ROOT),
        **extra,
    )
    if machine_keys is not None:
        out["LICDESK_MACHINE_KEYS_DIR"] = str(machine_keys)
    return out


def _cli(
    env_vars: dict[str, str], *args: str, check: bool = True
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "desktop", *args],
        env=env_vars,
        capture_output=True,
        text=True,
        check=check,
        timeout=120,
    )


WRITES = [
    ["activate", "--device", NEW_DEVICE, "--code", "LMCNR-XYJP-RWWYY-QJZZA-WFYRM"],
    ["transfer", "--license", "1"],
    ["order", "create", "--license", "2"],
    ["order", "status", "1", "cancelled"],
    ["order", "fulfil", "1"],
    ["settings", "--expiring-days", "10"],
    ["install", "--base", "1", "--version", "15.3", "--yes"],
    ["releases", "load", str(ROOT / "tests" / "data" / "feed")],
    ["warnings", "--ack"],
    ["import", str(ROOT / "tests" / "data" / "feed" / "versions.xml")],
    ["load-license", "/nonexistent.json"],
]


@pytest.mark.slow
def test_today_is_a_what_if_view_on_every_write(tmp_path: Path) -> None:
    env_vars = _env(tmp_path)
    db = str(tmp_path / "x.db")
    _cli(env_vars, "--db", db, "init", "--demo")
    _cli(env_vars, "--db", db, "order", "create", "--license", "3")
    con = sqlite3.connect(db)
    before = con.execute("SELECT count(*), max(id) FROM events").fetchone()
    con.close()
    for args in WRITES:
        out = _cli(env_vars, "--today", "2030-01-01", "--db", db, *args, check=False)
        assert out.returncode == 2, (args, out.stdout, out.stderr)
        assert "what-if view" in out.stderr and "Traceback" not in out.stderr, (args, out.stderr)
    con = sqlite3.connect(db)
    assert con.execute("SELECT count(*), max(id) FROM events").fetchone() == before
    assert con.execute("SELECT value FROM settings WHERE key='expiring_days'").fetchone() is None
    con.close()
    # reading is what the option is for
    out = _cli(env_vars, "--today", "2030-01-01", "--db", db, "licenses", "--json")
    assert all(r["status"] in ("expired", "free") for r in json.loads(out.stdout))


def test_the_customer_app_has_no_command_that_issues_codes(tmp_path: Path) -> None:
    import argparse

    from desktop.app import build_parser

    commands = set()
    for action in build_parser()._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                commands.add(name)
                for inner in sub._actions:
                    if isinstance(inner, argparse._SubParsersAction):
                        commands.update(f"{name} {n}" for n in inner.choices)
    assert not any(w in c for c in commands for w in ("authority", "issue", "codes", "rotate"))
    bad = _cli(_env(tmp_path), "authority", "issue", "--sku", "X", "--kind", "license", check=False)
    assert bad.returncode == 2 and "invalid choice" in bad.stderr


@pytest.mark.slow
@pytest.mark.skipif(os.geteuid() != 0, reason="an administrator's key folder needs root")
def test_two_users_or_two_pcs_see_the_same_verdicts(
    db_target: str, tmp_path: Path, authority
) -> None:  # noqa: ANN001
    """Another OS user on the same SQLite file, or a second PC (another process, home and
    data folder) on the same PostgreSQL database, sees the same verdicts: trust lives in
    the administrator's folder and in the store, not in anyone's home. So does a JSON
    backup of it restored into a new database by the second one."""
    machine = _machine_keys(tmp_path, authority)
    alice = _env(tmp_path / "alice", machine, LICDESK_AUTHORITY_URL=authority.url)
    bob = _env(tmp_path / "bob", machine)
    _cli(alice, "--db", db_target, "init", "--demo")
    code = authority.service.issue("MS-KIROVKA", "license")[0]
    _cli(alice, "--db", db_target, "activate", "--device", NEW_DEVICE, "--code", code)

    def verdicts(env_vars: dict[str, str], target: str) -> dict[str, str]:
        out = _cli(env_vars, "--db", target, "licenses", "--json").stdout
        return {f"{r['product_sku']}|{r['device_code']}": r["verdict"] for r in json.loads(out)}

    seen = verdicts(alice, db_target)
    assert seen[f"MS-KIROVKA|{NEW_DEVICE}"] == "verified"
    assert verdicts(bob, db_target) == seen
    backup, restored = tmp_path / "backup.json", str(tmp_path / "restored.db")
    _cli(bob, "--db", db_target, "export", "--format", "json", str(backup))
    _cli(bob, "--db", restored, "init")
    _cli(bob, "--db", restored, "import", str(backup))
    assert verdicts(bob, restored) == seen


def _machine_keys(tmp_path: Path, authority) -> Path:  # noqa: ANN001
    machine = tmp_path / "machine"
    machine.mkdir(mode=0o755)
    (machine / "authority.json").write_text(json.dumps(authority.public_keys))
    return machine


@pytest.mark.slow
@pytest.mark.skipif(os.geteuid() != 0, reason="an administrator's key folder needs root")
def test_activation_race_across_processes_has_one_winner(
    db_target: str, tmp_path: Path, authority
) -> None:  # noqa: ANN001
    """Two processes activate the same single-use code on two devices at once, through the
    HTTP server: exactly one wins, on SQLite and on PostgreSQL."""
    machine = _machine_keys(tmp_path, authority)
    env_vars = _env(tmp_path, machine, LICDESK_AUTHORITY_URL=authority.url)
    _cli(env_vars, "--db", db_target, "init", "--demo")
    code = authority.service.issue("MS-KIROVKA", "license")[0]
    procs = [
        subprocess.Popen(
            [
                sys.executable,
                "-m",
                "desktop",
                "--db",
                db_target,
                "activate",
                "--json",
                "--device",
                f"CP30-{n}{n}{n}4567890123-{n}{n}{n}4567890123",
                "--code",
                code,
            ],
            env=env_vars,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for n in (1, 2)
    ]
    outcomes = []
    for p in procs:
        out, err = p.communicate(timeout=120)
        outcomes.append("ok" if p.returncode == 0 else ("used" if "already used" in err else err))
    assert sorted(outcomes) == ["ok", "used"], outcomes
