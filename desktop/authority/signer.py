"""The authority's Ed25519 keys: the private halves never leave the authority.

Layout in the authority's data folder (``keys/`` is created 0700):

* ``keys/index.json``: every key the authority ever had, public half only, and which one
  is current. Older keys stay listed so that licenses they signed still verify; only
  the current key signs.
* ``keys/ed25519_<hex>.key``: a private key (PEM PKCS#8; raw 32 bytes are read too),
  created 0600. The file name is the key id with ``:`` replaced by ``_`` because
  Windows forbids ``:`` in file names (NTFS would take it for a stream name).
  On POSIX a key file that group or others may access is refused.
* or, with ``--keyring``, the private key in the OS keyring: service
  ``licdesk-authority``, user name the key id, secret the base64 raw key.

Key id: ``ed25519:`` + the first 16 hex digits of sha256(raw public key).
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import json
import os
import stat
import threading
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import (
    Ed25519PrivateKey,
    Ed25519PublicKey,
)
from cryptography.hazmat.primitives.serialization import (
    Encoding,
    NoEncryption,
    PrivateFormat,
    PublicFormat,
    load_pem_private_key,
)

from desktop.authority.wire import PublicKey
from desktop.domain.errors import DomainError

KEYRING_SERVICE = "licdesk-authority"
KEYS_DIR = "keys"
INDEX_FILE = "index.json"
INDEX_FORMAT = "licdesk-authority-keys"


class KeyStorage(StrEnum):
    FILE = "file"
    KEYRING = "keyring"


def key_id(public: bytes) -> str:
    return "ed25519:" + hashlib.sha256(public).hexdigest()[:16]


def raw_public(key: Ed25519PublicKey) -> bytes:
    return key.public_bytes(Encoding.Raw, PublicFormat.Raw)


def key_file_name(kid: str) -> str:
    return kid.replace(":", "_") + ".key"


@dataclass(frozen=True)
class SigningKey:
    key_id: str
    private: Ed25519PrivateKey

    def sign(self, payload: bytes) -> str:
        return base64.b64encode(self.private.sign(payload)).decode("ascii")


def _keyring() -> Any:
    import keyring  # imported on use: only the keyring storage needs it

    return keyring


def _posix() -> bool:
    return os.name == "posix"


def _write_new(path: Path, data: bytes, mode: int) -> None:
    """Create ``path`` with ``mode`` from the first byte on (never a readable moment)."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), mode)
    try:
        os.write(fd, data)
        os.fsync(fd)
    finally:
        os.close(fd)


def _replace_atomically(path: Path, data: bytes) -> None:
    tmp = path.with_name(path.name + ".part")
    tmp.unlink(missing_ok=True)
    _write_new(tmp, data, 0o600)
    os.replace(tmp, path)


class Signer:
    """The keys of one authority data folder. Thread-safe; rotation by another process
    (``licdesk-authority rotate-key`` while ``serve`` runs) takes effect on the next
    signature, because the index is read on every use."""

    def __init__(self, data_dir: Path) -> None:
        self.dir = Path(data_dir) / KEYS_DIR
        self._lock = threading.Lock()
        self._cache: dict[str, Ed25519PrivateKey] = {}

    # --- the index -------------------------------------------------------------------
    def _index_path(self) -> Path:
        return self.dir / INDEX_FILE

    def _load_index(self) -> dict[str, Any]:
        try:
            data = json.loads(self._index_path().read_text(encoding="utf-8"))
        except FileNotFoundError:
            raise DomainError("authority_no_keys", path=str(self.dir)) from None
        except (OSError, ValueError) as exc:
            raise DomainError(
                "authority_keys_unreadable", path=str(self.dir), reason=str(exc)
            ) from None
        if not isinstance(data, dict) or data.get("format") != INDEX_FORMAT:
            raise DomainError(
                "authority_keys_unreadable", path=str(self.dir), reason="not a key index"
            )
        return data

    def has_keys(self) -> bool:
        return self._index_path().exists()

    def public_keys(self) -> list[PublicKey]:
        data = self._load_index()
        current = data.get("current")
        out = []
        for k in data.get("keys", []):
            created = dt.datetime.fromisoformat(str(k["created"]).removesuffix("Z"))
            out.append(
                PublicKey(
                    key_id=str(k["key_id"]),
                    public=str(k["public"]),
                    created=created.replace(tzinfo=dt.UTC),
                    current=k["key_id"] == current,
                )
            )
        return out

    def trusted(self) -> dict[str, Ed25519PublicKey]:
        """key id -> public key, for verifying (tests, the demo)."""
        return {
            k.key_id: Ed25519PublicKey.from_public_bytes(base64.b64decode(k.public))
            for k in self.public_keys()
        }

    # --- creating keys ---------------------------------------------------------------
    def _ensure_dir(self) -> None:
        self.dir.mkdir(mode=0o700, parents=True, exist_ok=True)
        if _posix():
            os.chmod(self.dir, 0o700)  # mkdir's mode is filtered by the umask

    def create_key(self, storage: KeyStorage, now: dt.datetime) -> str:
        """A new key that becomes the current one; the old ones stay listed."""
        with self._lock:
            self._ensure_dir()
            index = (
                self._load_index()
                if self.has_keys()
                else {
                    "format": INDEX_FORMAT,
                    "version": 1,
                    "keys": [],
                    "current": None,
                }
            )
            private = Ed25519PrivateKey.generate()
            public = raw_public(private.public_key())
            kid = key_id(public)
            if storage is KeyStorage.KEYRING:
                raw = private.private_bytes(Encoding.Raw, PrivateFormat.Raw, NoEncryption())
                try:
                    _keyring().set_password(
                        KEYRING_SERVICE, kid, base64.b64encode(raw).decode("ascii")
                    )
                except Exception as exc:  # noqa: BLE001 - any backend failure means the same
                    raise DomainError(
                        "authority_keyring", reason=str(exc) or type(exc).__name__
                    ) from None
            else:
                pem = private.private_bytes(Encoding.PEM, PrivateFormat.PKCS8, NoEncryption())
                _write_new(self.dir / key_file_name(kid), pem, 0o600)
            stamp = now.astimezone(dt.UTC).replace(microsecond=0, tzinfo=None).isoformat() + "Z"
            index["keys"].append(
                {
                    "key_id": kid,
                    "public": base64.b64encode(public).decode("ascii"),
                    "created": stamp,
                    "storage": storage.value,
                }
            )
            index["current"] = kid
            _replace_atomically(
                self._index_path(), (json.dumps(index, indent=2) + "\n").encode("utf-8")
            )
            self._cache[kid] = private
            return kid

    # --- signing ---------------------------------------------------------------------
    def current(self) -> SigningKey:
        index = self._load_index()
        kid = index.get("current")
        entry = next((k for k in index.get("keys", []) if k.get("key_id") == kid), None)
        if not isinstance(kid, str) or entry is None:
            raise DomainError("authority_no_keys", path=str(self.dir))
        with self._lock:
            private = self._cache.get(kid)
            if private is None:
                private = self._load_private(kid, KeyStorage(entry.get("storage", "file")))
                if key_id(raw_public(private.public_key())) != kid:
                    raise DomainError(
                        "authority_keys_unreadable",
                        path=str(self.dir),
                        reason=f"the private key does not match {kid}",
                    )
                self._cache[kid] = private
        return SigningKey(kid, private)

    def _load_private(self, kid: str, storage: KeyStorage) -> Ed25519PrivateKey:
        if storage is KeyStorage.KEYRING:
            try:
                secret = _keyring().get_password(KEYRING_SERVICE, kid)
            except Exception as exc:  # noqa: BLE001
                raise DomainError(
                    "authority_keyring", reason=str(exc) or type(exc).__name__
                ) from None
            if not secret:
                raise DomainError("authority_key_missing", key_id=kid, where="the OS keyring")
            try:
                return Ed25519PrivateKey.from_private_bytes(base64.b64decode(secret))
            except ValueError as exc:
                raise DomainError(
                    "authority_keys_unreadable", path="the OS keyring", reason=str(exc)
                ) from None
        path = self.dir / key_file_name(kid)
        try:
            st = path.stat()
        except FileNotFoundError:
            raise DomainError("authority_key_missing", key_id=kid, where=str(path)) from None
        if _posix() and st.st_mode & 0o077:
            raise DomainError(
                "authority_key_exposed", path=str(path), mode=oct(stat.S_IMODE(st.st_mode))
            )
        return read_private_key(path)


def read_private_key(path: Path) -> Ed25519PrivateKey:
    """A key file in PEM (PKCS#8) or raw 32 bytes."""
    try:
        data = path.read_bytes()
        if data.lstrip().startswith(b"-----BEGIN"):
            key = load_pem_private_key(data, password=None)
            if not isinstance(key, Ed25519PrivateKey):
                raise ValueError("not an Ed25519 key")
            return key
        return Ed25519PrivateKey.from_private_bytes(data)
    except (OSError, ValueError, TypeError) as exc:
        raise DomainError("authority_keys_unreadable", path=str(path), reason=str(exc)) from None
