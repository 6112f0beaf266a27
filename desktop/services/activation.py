"""Activation on the customer's side: the license authority signs, this app verifies.

The authority is a separate server (desktop/authority; ``Authority`` below is its port,
desktop.authority.client.HttpAuthority the implementation). Every date written into a
license comes from the authority's clock, in the document it signs. This side:

1. reads what it needs (the store's id, the device's licenses, the wrong-code wait) in a
   read transaction - no write lock is held while the network answers;
2. asks the authority;
3. checks the answer - signed by a key this PC trusts, for this store and this device -
   and writes it in one transaction.

A code the authority answered but the app could not store (a crash, a full disk) is not
lost: the same code on the same device again returns the same signed document
("already-active"), and writing it again is idempotent (the serial identifies the row).

Decisions kept here, by name:
* WRONG_CODES_* : after 5 wrong codes in 10 minutes the user waits, 30 s doubling with
  every further wrong code; the count lives in the database (survives restarts) and is
  the same rule for the window and the CLI (both call :func:`activate`).
* A refusal is recorded in the history in a transaction of its own (it survives the
  rolled-back attempt); a wait refusal is not an attempt and is not recorded.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

from desktop.authority.wire import (
    ActivationResult as SignedActivation,
)
from desktop.authority.wire import (
    AuthorityStatus,
    FulfilResult,
    OrderLine,
    SeedItem,
    SeedResult,
    SignedLicense,
    TransferResult,
)
from desktop.domain.codes import code_hash, parse_activation_code, parse_device_code
from desktop.domain.errors import DomainError
from desktop.services.ports import Database, HeldLicense, UnitOfWork
from desktop.services.trust import TrustedKeys, verify_signature

WRONG_CODES_WINDOW = dt.timedelta(minutes=10)
WRONG_CODES_FREE = 5
WRONG_CODES_FIRST_WAIT_S = 30
#: Refusals that count as a wrong code (towards the wait); others are only recorded.
WRONG_CODE_REFUSALS = ("code_unknown", "code_typo", "code_length", "code_bad_letters")
#: A license file is a few hundred bytes; anything far larger is not one.
MAX_LICENSE_FILE_BYTES = 1_000_000


class Authority(Protocol):
    """The license authority as the customer app sees it (a server; its client)."""

    def activate(
        self,
        code: str,
        device: str,
        store: str,
        *,
        serial: str | None = None,
        product: str | None = None,
        current_end: dt.date | None = None,
    ) -> SignedActivation: ...

    def transfer(self, serial: str, device: str, store: str) -> TransferResult: ...

    def fulfil(self, store: str, order_ref: str, lines: Sequence[OrderLine]) -> FulfilResult: ...

    def seed(self, store: str, items: Sequence[SeedItem]) -> SeedResult: ...

    def status(self) -> AuthorityStatus: ...


@dataclass(frozen=True)
class ActivationResult:
    kind: str  # license | renewal | already-active | transfer
    license_id: int
    product_sku: str
    product_name: str
    device_code: str
    old_end: dt.date | None
    new_end: dt.date
    days_forfeited: int
    months: int
    renewal_kind: str | None = None  # subscription | on-time | open

    def to_json(self) -> dict[str, object]:
        return {
            "result": self.kind,
            "license_id": self.license_id,
            "sku": self.product_sku,
            "product_name": self.product_name,
            "device_code": self.device_code,
            "old_end": self.old_end.isoformat() if self.old_end else None,
            "new_end": self.new_end.isoformat(),
            "days_forfeited": self.days_forfeited,
            "months": self.months,
            "renewal_kind": self.renewal_kind,
        }


# ---------------------------------------------------------------- the wrong-code wait


def _wait_seconds(failures: list[dt.datetime], now: dt.datetime) -> int:
    if len(failures) < WRONG_CODES_FREE:
        return 0
    wait = WRONG_CODES_FIRST_WAIT_S * 2 ** (len(failures) - WRONG_CODES_FREE)
    ready = failures[-1] + dt.timedelta(seconds=wait)
    return max(0, int((ready - now).total_seconds()) + (1 if ready > now else 0))


def _utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


def wait_before_next_try(db: Database, now: dt.datetime | None = None) -> int:
    """Seconds before the next code may be tried (0: now)."""
    with db.uow() as uow:
        return _wait(uow, now or _utcnow())


def _wait(uow: UnitOfWork, now: dt.datetime) -> int:
    return _wait_seconds(uow.activation.recent_failures(now - WRONG_CODES_WINDOW), now)


# ---------------------------------------------------------------- checking what was signed


def accept(signed: SignedLicense, keys: TrustedKeys, store_id: str, device: str | None) -> None:
    """Refuse a document this store must not take: not signed by a trusted key, or made
    for another store or another device."""
    key = keys.keys.get(signed.key_id)
    doc = signed.document
    if key is None or doc.key != signed.key_id:
        raise DomainError("license_key_untrusted", key_id=signed.key_id[:40])
    if not verify_signature(key, signed.signature, doc.payload()):
        raise DomainError("license_file_signature")
    if doc.store != store_id:
        raise DomainError("license_other_store")
    if device is not None and doc.device != device:
        raise DomainError("license_other_device", device=doc.device)


@dataclass(frozen=True)
class _Before:
    """What activation reads before asking the authority."""

    store_id: str
    held: list[HeldLicense]
    done: tuple[int, str] | None  # this code's activation here: license id, device


def _read_before(db: Database, device: str, chash: str, now: dt.datetime) -> _Before:
    with db.uow() as uow:
        wait = _wait(uow, now)
        if wait:
            raise DomainError("code_wait", seconds=wait)
        return _Before(
            uow.activation.store_id(),
            uow.activation.device_licenses(device),
            uow.activation.activation(chash),
        )


def _claims(held: list[HeldLicense]) -> list[HeldLicense | None]:
    """The renewal claims to offer, in turn: none first when the authority may know the
    device's licenses itself; each license it never signed (one per product) after."""
    unsigned = [h for h in held if not h.signed and h.subscription_end is not None]
    return [None] if not unsigned else list(unsigned)


def activate(
    db: Database,
    authority: Authority,
    keys: TrustedKeys,
    device_text: str,
    code_text: str,
    now: dt.datetime | None = None,
) -> ActivationResult:
    """Activate a code on a device: one use case for the window and the CLI."""
    now = now or _utcnow()
    try:
        db.check_writable()
        device = parse_device_code(device_text)
        code = parse_activation_code(code_text)
        chash = code_hash(code)
        before = _read_before(db, device, chash, now)
        check_authority(authority, keys)
        answer = _ask(authority, code, device, before)
        with db.uow(write=True) as uow:
            result = _store_activation(uow, keys, before, answer, device, chash)
            uow.commit()
        return result
    except DomainError as err:
        if err.code not in ("code_wait", "read_only", "what_if"):
            _record_refusal(db, device_text, err)
        raise


def check_authority(authority: Authority, keys: TrustedKeys) -> AuthorityStatus:
    """Refuse to spend a code at an authority whose signing key this PC does not trust:
    what it signed would be refused here anyway, and the code would be used up."""
    status = authority.status()
    current = status.current_key_id
    if current is None or current not in keys.keys:
        raise DomainError("authority_untrusted", name=status.name, key_id=(current or "-")[:40])
    return status


def _ask(authority: Authority, code: str, device: str, before: _Before) -> SignedActivation:
    last: DomainError | None = None
    for claim in _claims(before.held):
        try:
            return authority.activate(
                code,
                device,
                before.store_id,
                serial=claim.serial if claim else None,
                product=claim.product_sku if claim else None,
                current_end=claim.subscription_end if claim else None,
            )
        except DomainError as err:
            if err.code != "code_other_product":
                raise
            last = err  # the code is for another of the device's products: try the next
    assert last is not None
    raise last


def _store_activation(
    uow: UnitOfWork,
    keys: TrustedKeys,
    before: _Before,
    answer: SignedActivation,
    device: str,
    chash: str,
) -> ActivationResult:
    accept(answer.license, keys, before.store_id, device)
    doc = answer.document
    target = uow.activation.license_by_serial(doc.serial)
    if target is None and answer.kind == "renewal":
        # a license the authority never signed, renewed on our claim: it gets a serial now
        same = [h for h in before.held if h.product_sku == doc.product and not h.signed]
        target = same[0].license_id if same else None
    if target is None and before.done is not None and answer.kind in ("already-active",):
        target = before.done[0]
    old = uow.activation.license_binding(target) if target is not None else None
    old_end = (
        answer.old_end if answer.kind == "renewal" else (old.subscription_end if old else None)
    )
    license_id = uow.activation.store_document(target, doc, answer.license.signature)
    uow.activation.add_activation(chash, license_id, device, answer.kind)
    uow.activation.clear_failures()
    if answer.kind == "renewal":
        uow.orders.fulfil_license(license_id)  # the order line this code was bought for
    event = {"license": "activated", "renewal": "renewed", "transfer": "activated"}.get(answer.kind)
    if event is not None:
        uow.events.append(
            event,
            license_id=license_id,
            details={
                "device_code": device,
                "sku": doc.product,
                "months": answer.months,
                "old_end": old_end.isoformat() if old_end else None,
                "new_end": doc.end.isoformat(),
                "period_start": doc.start.isoformat(),
                "days_forfeited": answer.days_forfeited,
                "serial": doc.serial,
                **({"transferred": True} if answer.kind == "transfer" else {}),
            },
        )
    return ActivationResult(
        kind=answer.kind,
        license_id=license_id,
        product_sku=doc.product,
        product_name=_product_name(uow, license_id, doc.product),
        device_code=device,
        old_end=old_end,
        new_end=doc.end,
        days_forfeited=answer.days_forfeited,
        months=answer.months,
        renewal_kind=answer.renewal_kind,
    )


def _product_name(uow: UnitOfWork, license_id: int, fallback: str) -> str:
    record = uow.licenses.get(license_id)
    return record.product_name if record is not None else fallback


def _record_refusal(db: Database, device_text: str, err: DomainError) -> None:
    """A wrong code counts towards the wait; every refusal is in the history."""
    device = _printable(device_text)[:80]
    details = {"reason": err.code, "device_code": device}
    details.update({k: _printable(str(v)) for k, v in err.params.items() if k != "problems"})
    try:
        with db.uow(write=True) as uow:
            if err.code in WRONG_CODE_REFUSALS:
                uow.activation.add_failure()
            uow.events.append("refused", details=details)
            uow.commit()
    except DomainError:
        pass  # a store that cannot be written to cannot keep the record; the refusal stands


def _printable(text: str) -> str:
    """Any text, even undecodable command-line bytes, as storable UTF-8."""
    return text.encode("utf-8", "replace").decode("utf-8").strip()


# ---------------------------------------------------------------- transfer


def transfer(db: Database, authority: Authority, license_id: int, today: dt.date) -> str:
    """Unbind a license from its device, allowed only while its subscription runs.

    The license becomes free; the code it was activated with activates it on the new
    device (the authority keeps its period); the old device keeps no license. A license
    the authority never signed is unbound here alone. Returns the old device code.
    """
    db.check_writable()
    with db.uow() as uow:
        binding = uow.activation.license_binding(license_id)
        store_id = uow.activation.store_id()
    if binding is None:
        raise DomainError("license_not_found", license_id=license_id)
    device, end = binding.device_code, binding.subscription_end
    if device is None:
        raise DomainError("transfer_free", license_id=license_id)
    if end is None or end < today:
        raise DomainError(
            "transfer_not_active", license_id=license_id, end=end.isoformat() if end else "-"
        )
    if binding.serial is not None:
        authority.transfer(binding.serial, device, store_id)
    with db.uow(write=True) as uow:
        uow.activation.unbind(license_id)
        uow.events.append("transferred", license_id=license_id, details={"from_device": device})
        uow.commit()
    return device


def device_choices(db: Database) -> list[tuple[str, str]]:
    """Known devices (code, name) for the activation dialog's list."""
    with db.uow() as uow:
        return uow.activation.device_choices()


def store_id(db: Database) -> str:
    """This store's id (named in every license the authority signs for it)."""
    with db.read() as view:
        value = view.settings.get("store_id")
    if value:
        return value
    with db.uow(write=True) as uow:
        created = uow.activation.store_id()
        uow.commit()
    return created


# ---------------------------------------------------------------- license files


def read_license_file(path: Path) -> dict[str, Any]:
    """A license file's content, or DomainError: never half a file, never a traceback."""
    try:
        with path.open("rb") as fh:
            raw = fh.read(MAX_LICENSE_FILE_BYTES + 1)
    except OSError as exc:
        raise DomainError("import_unreadable", path=str(path), reason=exc.strerror or "") from None
    if len(raw) > MAX_LICENSE_FILE_BYTES:
        raise DomainError("license_file_format")
    try:
        data = json.loads(raw.decode("utf-8-sig"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        raise DomainError("license_file_format") from None
    if not isinstance(data, dict):
        raise DomainError("license_file_format")
    return data


def load_license_file(db: Database, keys: TrustedKeys, path: Path) -> ActivationResult:
    """The offline path: a license file the authority signed for this store and device.

    Refused when it is not signed by a trusted key, names another store, or was loaded
    before (its serial is here already - also after its activation record was deleted).
    """
    db.check_writable()
    signed = SignedLicense.from_file(read_license_file(path))
    with db.uow(write=True) as uow:
        store = uow.activation.store_id()
        accept(signed, keys, store, None)
        doc = signed.document
        if uow.activation.license_by_serial(doc.serial) is not None:
            raise DomainError("license_file_loaded")
        license_id = uow.activation.store_document(None, doc, signed.signature)
        uow.events.append(
            "activated",
            license_id=license_id,
            details={
                "device_code": doc.device,
                "sku": doc.product,
                "new_end": doc.end.isoformat(),
                "period_start": doc.start.isoformat(),
                "serial": doc.serial,
                "license_file": True,
            },
        )
        name = _product_name(uow, license_id, doc.product)
        uow.commit()
    months = (doc.end.year - doc.start.year) * 12 + doc.end.month - doc.start.month + 1
    return ActivationResult(
        "license", license_id, doc.product, name, doc.device, None, doc.end, 0, months
    )
