"""The authority's keys: private files 0600 in a 0700 folder (refused when exposed), or the
OS keyring; the v2 document is strict."""

from __future__ import annotations

import base64
import datetime as dt
import os
import stat
from pathlib import Path

import keyring
import pytest
from hypothesis import given
from hypothesis import strategies as st
from keyring.backend import KeyringBackend

from desktop.authority.service import AuthorityService, init_authority
from desktop.authority.signer import KEYRING_SERVICE, KeyStorage, Signer, key_file_name, key_id
from desktop.domain.errors import DomainError
from desktop.domain.signing import LicenseDocument

posix_only = pytest.mark.skipif(os.name != "posix", reason="POSIX file modes")
NOW = dt.datetime(2026, 11, 22, 9, 30, tzinfo=dt.UTC)


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@posix_only
def test_key_files_are_private_and_an_exposed_one_is_refused(tmp_path: Path) -> None:
    data = tmp_path / "auth"
    kid = init_authority(data, now=NOW)
    key_file = data / "keys" / key_file_name(kid)
    assert ":" not in key_file.name
    assert _mode(data) == 0o700 and _mode(data / "keys") == 0o700
    assert _mode(key_file) == 0o600
    assert Signer(data).current().key_id == kid
    key_file.chmod(0o640)
    with pytest.raises(DomainError) as err:
        Signer(data).current()
    assert err.value.code == "authority_key_exposed"
    assert err.value.params == {"path": str(key_file), "mode": "0o640"}
    key_file.chmod(0o600)
    assert Signer(data).current().key_id == kid


def test_a_raw_key_file_is_read_too(tmp_path: Path) -> None:
    from cryptography.hazmat.primitives.serialization import Encoding, NoEncryption, PrivateFormat

    data = tmp_path / "auth"
    kid = init_authority(data, now=NOW)
    path = data / "keys" / key_file_name(kid)
    private = Signer(data).current().private
    raw = private.private_bytes(Encoding.Raw, PrivateFormat.Raw, NoEncryption())
    path.unlink()
    fd = os.open(path, os.O_WRONLY | os.O_CREAT, 0o600)
    os.write(fd, raw)
    os.close(fd)
    signed = Signer(data).current()
    assert signed.key_id == kid


def test_rotation_keeps_old_public_keys_and_signs_with_the_new_one(tmp_path: Path) -> None:
    data = tmp_path / "auth"
    first = init_authority(data, now=NOW)
    service = AuthorityService(data)
    second = service.rotate_key()
    keys = service.public_keys()
    assert [(k.key_id, k.current) for k in keys] == [(first, False), (second, True)]
    for k in keys:
        assert key_id(base64.b64decode(k.public)) == k.key_id
    assert Signer(data).current().key_id == second
    assert (data / "keys" / key_file_name(first)).exists()  # old private kept (vendor's call)


class MemoryKeyring(KeyringBackend):
    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.items: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.items.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.items[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self.items.pop((service, username), None)


def test_keyring_storage_keeps_no_key_file(tmp_path: Path) -> None:
    previous = keyring.get_keyring()
    memory = MemoryKeyring()
    keyring.set_keyring(memory)
    try:
        data = tmp_path / "auth"
        kid = init_authority(data, key_storage=KeyStorage.KEYRING, now=NOW)
        assert list((data / "keys").glob("*.key")) == []
        assert (KEYRING_SERVICE, kid) in memory.items
        service = AuthorityService(data)
        assert service.signer.current().key_id == kid
        second = service.rotate_key()  # rotation keeps to the keyring
        assert (KEYRING_SERVICE, second) in memory.items
        memory.items.clear()
        with pytest.raises(DomainError) as err:
            Signer(data).current()
        assert err.value.code == "authority_key_missing"
    finally:
        keyring.set_keyring(previous)


def test_init_twice_is_refused(tmp_path: Path) -> None:
    init_authority(tmp_path / "auth", now=NOW)
    with pytest.raises(DomainError) as err:
        init_authority(tmp_path / "auth", now=NOW)
    assert err.value.code == "authority_exists"
    with pytest.raises(DomainError) as err:
        AuthorityService(tmp_path / "elsewhere")
    assert err.value.code == "authority_dir_not_initialised"


def test_the_audit_log_is_append_only(tmp_path: Path) -> None:
    import sqlite3

    init_authority(tmp_path / "auth", now=NOW)
    service = AuthorityService(tmp_path / "auth")
    service.issue("MS-KIROVKA", "license", count=2)
    assert [e for _, e, _ in service.audit_log()] == ["created", "issued"]
    for statement in ("UPDATE audit SET event = 'x'", "DELETE FROM audit"):
        with pytest.raises(sqlite3.IntegrityError), service.register.write() as tx:
            tx.conn.execute(statement)
    assert len(service.audit_log()) == 2


# --- the signed document v2 ------------------------------------------------------------

DOC = LicenseDocument(
    serial="LD-0123456789ABCDEF",
    store="store-1",
    device="CP30-3210741300095-3210741300095",
    product="MS-STORE15-BASE",
    start=dt.date(2026, 11, 22),
    end=dt.date(2027, 11, 21),
    issued_at=dt.datetime(2026, 11, 22, 9, 30, 5, tzinfo=dt.UTC),
    key="ed25519:0011223344556677",
)


def test_payload_is_the_prefix_and_canonical_json() -> None:
    assert DOC.payload() == (
        b"licdesk-license-v2\n"
        b'{"device":"CP30-3210741300095-3210741300095","end":"2027-11-21",'
        b'"issued_at":"2026-11-22T09:30:05Z","key":"ed25519:0011223344556677",'
        b'"product":"MS-STORE15-BASE","serial":"LD-0123456789ABCDEF","start":"2026-11-22",'
        b'"store":"store-1"}'
    )
    assert LicenseDocument.from_json(DOC.to_json()) == DOC
    cyrillic = LicenseDocument(**{**DOC.__dict__, "store": "Магазин"})
    assert b"\\u041c" in cyrillic.payload()  # ensure_ascii


def test_from_json_refuses_anything_but_the_exact_fields() -> None:
    good = DOC.to_json()
    bad: list[object] = [
        None,
        [],
        {k: v for k, v in good.items() if k != "key"},
        {**good, "extra": "x"},
        {**good, "start": 20261122},
        {**good, "start": "22.11.2026"},
        {**good, "start": "2026-11-22\n"},
        {**good, "end": "2026-11-21"},  # before the start
        {**good, "issued_at": "2026-11-22T09:30:05"},  # no zone
        {**good, "issued_at": "2026-11-22T09:30:05.5Z"},
        {**good, "serial": ""},
        {**good, "device": None},
    ]
    for data in bad:
        with pytest.raises(DomainError) as err:
            LicenseDocument.from_json(data)
        assert err.value.code == "license_file_format", data


def test_the_document_wants_utc_whole_seconds() -> None:
    for at in (
        dt.datetime(2026, 11, 22, 9, 30),
        dt.datetime(2026, 11, 22, 9, 30, 0, 5, tzinfo=dt.UTC),
        dt.datetime(2026, 11, 22, 9, 30, tzinfo=dt.timezone(dt.timedelta(hours=3))),
    ):
        with pytest.raises(DomainError):
            LicenseDocument(**{**DOC.__dict__, "issued_at": at})


@given(st.dictionaries(st.text(max_size=12), st.text(max_size=12) | st.integers(), max_size=9))
def test_from_json_never_fails_otherwise(data: dict[str, object]) -> None:
    try:
        LicenseDocument.from_json(data)
    except DomainError as err:
        assert err.code == "license_file_format"
