"""Which licenses to believe: signatures checked against keys the customer cannot change.

The app only verifies (the signing key lives with the license authority, a separate
server). A license is judged on its own:

* signed by a trusted key, and the signature covers exactly what its row says (the
  serial, this store's id, the bound device, the product, the period's start and end,
  when it was issued) -> ``VERIFIED``;
* signed, but by an unknown key or not over what the row says (an edited end date, a
  row copied from another store or onto another device) -> ``INVALID``;
* not signed (recorded by hand or imported: judged by its dates for planning, shown
  distinctly) -> ``UNVERIFIED``; the demo-mode guard never counts it as covering.

Trusted keys come from two places only, never from the database or the user's folders:
the vendor's keys shipped in ``resources/trusted_keys/`` and the keys an administrator
installs machine-wide (desktop.paths.machine_keys_dir()), a folder only an administrator
may write - files anyone else could have written are ignored and reported. The demo
database additionally trusts the demo authority's key, labelled as such.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
import logging
import os
import stat
import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from desktop.domain.signing import LicenseDocument
from desktop.domain.status import Verdict
from desktop.services.ports import Database, LicenseRecord

if TYPE_CHECKING:
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

log = logging.getLogger(__name__)

#: Where a trusted key came from (shown in About / Settings).
VENDOR = "vendor"
MACHINE = "machine"
DEMO = "demo"

#: A key file is small; anything larger is not one.
MAX_KEY_FILE_BYTES = 64_000


def key_id(public: bytes) -> str:
    return "ed25519:" + hashlib.sha256(public).hexdigest()[:16]


def fingerprint(public: bytes) -> str:
    """What a person compares: the SHA-256 of the raw key in groups of four hex digits."""
    digest = hashlib.sha256(public).hexdigest().upper()
    return " ".join(digest[i : i + 4] for i in range(0, 32, 4))


@dataclass(frozen=True)
class TrustedKey:
    key_id: str
    public: bytes  # raw Ed25519 public key
    source: str  # VENDOR | MACHINE | DEMO
    origin: str  # the file it was read from

    @property
    def fingerprint(self) -> str:
        return fingerprint(self.public)


@dataclass(frozen=True)
class KeyProblem:
    """A key file that was not trusted, and why (shown to the administrator)."""

    path: str
    reason: str


@dataclass(frozen=True)
class TrustedKeys:
    keys: dict[str, TrustedKey] = field(default_factory=dict)
    problems: tuple[KeyProblem, ...] = ()

    def with_keys(self, more: Iterable[TrustedKey]) -> TrustedKeys:
        keys = dict(self.keys)
        for k in more:
            keys.setdefault(k.key_id, k)
        return TrustedKeys(keys, self.problems)


def parse_key_file(data: bytes, path: str, source: str) -> list[TrustedKey]:
    """``{key id: base64 raw public key}`` (``licdesk-authority public-keys --trust-file``);
    a key listed under another id is refused (ValueError)."""
    try:
        mapping = json.loads(data.decode("utf-8-sig"))
    except (UnicodeDecodeError, ValueError, RecursionError) as exc:
        raise ValueError(f"not a key file ({type(exc).__name__})") from None
    if not isinstance(mapping, dict):
        raise ValueError("not a key file (expected an object)")
    out = []
    for kid, b64 in mapping.items():
        if not isinstance(kid, str) or not isinstance(b64, str):
            raise ValueError("not a key file (expected text)")
        try:
            public = base64.b64decode(b64, validate=True)
        except (binascii.Error, ValueError):
            raise ValueError(f"{kid}: not base64") from None
        if len(public) != 32 or key_id(public) != kid:
            raise ValueError(f"{kid}: the key does not match its id")
        out.append(TrustedKey(kid, public, source, path))
    return out


def admin_only(path: Path) -> str | None:
    """Why a machine-wide key file or folder is not an administrator's, or None.

    POSIX: owned by root, not writable by group or others (and so is its folder).
    Windows: %ProgramData% is writable only by administrators by default; its ACL is
    the installer's to keep.
    """
    if os.name != "posix":
        return None
    for p in (path, path.parent):
        try:
            st = p.lstat()
        except OSError as exc:
            return exc.strerror or "unreadable"
        if stat.S_ISLNK(st.st_mode):
            return "a symbolic link"
        if st.st_uid != 0:
            return "not owned by the administrator (root)"
        if st.st_mode & (stat.S_IWGRP | stat.S_IWOTH):
            return "writable by other users"
    return None


def load_keys(vendor_dir: Path, machine_dir: Path | None) -> TrustedKeys:
    """The vendor's shipped keys and the administrator's machine-wide keys."""
    keys: dict[str, TrustedKey] = {}
    problems: list[KeyProblem] = []
    sources = [(vendor_dir, VENDOR)]
    if machine_dir is not None:
        sources.append((machine_dir, MACHINE))
    for folder, source in sources:
        try:
            files = sorted(folder.glob("*.json")) if folder.is_dir() else []
        except OSError:
            files = []
        for path in files:
            if source == MACHINE:
                why = admin_only(path)
                if why is not None:
                    problems.append(KeyProblem(str(path), why))
                    log.warning("ignoring trusted-key file %s: %s", path, why)
                    continue
            try:
                with path.open("rb") as fh:
                    data = fh.read(MAX_KEY_FILE_BYTES + 1)
                if len(data) > MAX_KEY_FILE_BYTES:
                    raise ValueError("too large for a key file")
                for k in parse_key_file(data, str(path), source):
                    keys.setdefault(k.key_id, k)
            except (OSError, ValueError) as exc:
                problems.append(KeyProblem(str(path), str(exc)))
                log.warning("ignoring trusted-key file %s: %s", path, exc)
    return TrustedKeys(keys, tuple(problems))


def document_of(record: LicenseRecord, store_id: str) -> LicenseDocument | None:
    """The document a signature over this row must cover (None: the row cannot be one)."""
    if (
        record.serial is None
        or record.device_code is None
        or record.period_start is None
        or record.subscription_end is None
        or record.issued_at is None
        or record.key_id is None
    ):
        return None
    return LicenseDocument(
        serial=record.serial,
        store=store_id,
        device=record.device_code,
        product=record.product_sku,
        start=record.period_start,
        end=record.subscription_end,
        issued_at=record.issued_at,
        key=record.key_id,
    )


def _public_key(raw: bytes) -> Ed25519PublicKey:
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

    return Ed25519PublicKey.from_public_bytes(raw)


def verify_signature(key: TrustedKey, signature: str, payload: bytes) -> bool:
    from cryptography.exceptions import InvalidSignature

    try:
        _public_key(key.public).verify(base64.b64decode(signature, validate=True), payload)
    except (InvalidSignature, binascii.Error, ValueError, TypeError):
        return False
    return True


class LicenseVerifier:
    """The verdict on every license of one store, the same everywhere it is asked:
    the table, the details, counts, warnings, the guard, the forecast and the CLI.

    The store's id is read once (it is created with the database); verified signatures
    are remembered by (row, signature) so a page costs at most one check per new row.
    """

    def __init__(self, db: Database, keys: Callable[[], TrustedKeys]) -> None:
        self._db = db
        self._keys_factory = keys
        self._keys: TrustedKeys | None = None
        self._store_id: str | None = None
        self._memo: dict[tuple[int, str, bytes], bool] = {}
        self._lock = threading.Lock()

    @property
    def keys(self) -> TrustedKeys:
        if self._keys is None:
            self._keys = self._keys_factory()
        return self._keys

    def store_id(self) -> str | None:
        if self._store_id is None:
            with self._db.read() as view:
                self._store_id = view.settings.get(STORE_ID_KEY)
        return self._store_id

    def invalidate(self) -> None:
        """After a write: the store id may have been created; keep the memo (it is keyed
        by exactly what was verified)."""
        self._store_id = None

    def verdict(self, record: LicenseRecord) -> Verdict:
        if record.signature is None:
            return Verdict.UNVERIFIED
        store_id = self.store_id()
        doc = document_of(record, store_id) if store_id else None
        key = self.keys.keys.get(record.key_id or "")
        if doc is None or key is None:
            return Verdict.INVALID
        payload = doc.payload()
        memo_key = (record.id, record.signature, payload)
        with self._lock:
            known = self._memo.get(memo_key)
        if known is None:
            known = verify_signature(key, record.signature, payload)
            with self._lock:
                if len(self._memo) > 200_000:
                    self._memo.clear()
                self._memo[memo_key] = known
        return Verdict.VERIFIED if known else Verdict.INVALID

    def __call__(self, record: LicenseRecord) -> Verdict:
        return self.verdict(record)

    def key_of(self, record: LicenseRecord) -> TrustedKey | None:
        return self.keys.keys.get(record.key_id or "")


#: The setting that holds this store's id (created with the database by a migration).
STORE_ID_KEY = "store_id"


def describe(keys: TrustedKeys) -> list[dict[str, Any]]:
    """The trusted keys for About / Settings / `licdesk trust`."""
    return [
        {
            "key_id": k.key_id,
            "fingerprint": k.fingerprint,
            "source": k.source,
            "file": k.origin,
        }
        for k in sorted(keys.keys.values(), key=lambda k: (k.source, k.key_id))
    ]
