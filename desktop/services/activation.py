"""Activation: codes from the local authority, signed licenses, verification.

The authority (vendor side) and the customer side talk through one interface,
:class:`Authority`; :class:`LocalAuthority` implements it in-process (a remote one
could follow). Decisions kept here, by name:

* SIGNED_STORE_KEY: a store turns "signed" when its first license is signed; from then
  on a license without a valid signature is invalid (so blanking a signature does
  not help). Before that the store is plain bookkeeping and unsigned licenses count.
* WRONG_CODES_* : after 5 wrong codes in 10 minutes the user waits, 30 s doubling
  with every further wrong code; the count lives in the database (survives restarts).
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from desktop.domain.codes import (
    code_hash,
    generate_activation_code,
    parse_activation_code,
    parse_device_code,
)
from desktop.domain.errors import DomainError
from desktop.domain.renewal import renewal_period
from desktop.domain.signing import license_payload
from desktop.domain.terms import period_end
from desktop.services.ports import (
    CodeRow,
    Database,
    LicenseForSigning,
    LicenseRecord,
    SecretStore,
    UnitOfWork,
)

if TYPE_CHECKING:
    from desktop.authority import keys as keymod

SIGNED_STORE_KEY = "signed_store"
WRONG_CODES_WINDOW = dt.timedelta(minutes=10)
WRONG_CODES_FREE = 5
WRONG_CODES_FIRST_WAIT_S = 30
KINDS = ("license", "renewal")
#: Refusals that count as a wrong code (towards the wait); others are only recorded.
WRONG_CODE_REFUSALS = ("code_unknown", "code_typo", "code_length", "code_bad_letters")
#: A license file is a few hundred bytes; anything far larger is not one.
MAX_LICENSE_FILE_BYTES = 1_000_000


@dataclass(frozen=True)
class Grant:
    sku: str
    kind: str
    months: int


@dataclass(frozen=True)
class ActivationResult:
    kind: str  # license | renewal | already-active
    license_id: int
    product_sku: str
    device_code: str
    old_end: dt.date | None
    new_end: dt.date
    days_forfeited: int
    months: int

    def to_json(self) -> dict[str, object]:
        return {
            "result": self.kind,
            "license_id": self.license_id,
            "sku": self.product_sku,
            "device_code": self.device_code,
            "old_end": self.old_end.isoformat() if self.old_end else None,
            "new_end": self.new_end.isoformat(),
            "days_forfeited": self.days_forfeited,
            "months": self.months,
        }


class Authority(Protocol):
    """The vendor's side as the customer app sees it."""

    def init(self) -> str: ...

    def issue(
        self, uow: UnitOfWork, sku: str, kind: str, months: int, count: int, today: dt.date
    ) -> list[str]: ...

    def check(self, uow: UnitOfWork, code: str) -> Grant: ...

    def redeem(self, uow: UnitOfWork, code: str, device_code: str) -> Grant: ...

    def current_key_id(self) -> str: ...

    def sign(self, payload: bytes) -> tuple[str, str]: ...

    def trusted_keys(self) -> dict[str, Any]: ...


class LocalAuthority:
    """The vendor's side in-process: register in the store, key in the keyring."""

    def __init__(self, secrets: SecretStore, trust: keymod.TrustStore) -> None:
        self.secrets = secrets
        self.trust = trust

    def init(self) -> str:
        """Create the signing key once; the authority always trusts its own key (also
        when this trust file is new, e.g. another data folder on the same keyring)."""
        from desktop.authority import keys as keymod

        kid = self.secrets.get(keymod.CURRENT)
        if kid and self.secrets.get(f"authority-key:{kid}"):
            kid, private = keymod.signing_key(self.secrets)
            if kid not in self.trust.load():
                self.trust.add(keymod.public_bytes(private.public_key()))
            return kid
        kid, public = keymod.create_key(self.secrets)
        self.trust.add(public)
        return kid

    def issue(
        self, uow: UnitOfWork, sku: str, kind: str, months: int, count: int, today: dt.date
    ) -> list[str]:
        if kind not in KINDS:
            raise DomainError("bad_code_kind", kind=kind)
        if not 1 <= months <= 60 or not 1 <= count <= 1000:
            raise DomainError("bad_issue_numbers", months=months, count=count)
        if not uow.activation.product_exists(sku):
            raise DomainError("unknown_product_sku", sku=sku)
        codes = [generate_activation_code() for _ in range(count)]
        uow.activation.add_codes([(c, code_hash(c), sku, kind, months, today) for c in codes])
        return codes

    def check(self, uow: UnitOfWork, code: str) -> Grant:
        row = uow.activation.lookup(code_hash(code))
        if row is None:
            raise DomainError("code_unknown")
        if row.used_at is not None:
            raise DomainError(
                "code_used", device=row.used_device_code or "?", date=row.used_at.date().isoformat()
            )
        return Grant(row.sku, row.kind, row.months)

    def redeem(self, uow: UnitOfWork, code: str, device_code: str) -> Grant:
        grant = self.check(uow, code)
        if not uow.activation.redeem(code_hash(code), device_code):
            row = uow.activation.lookup(code_hash(code))
            raise DomainError(
                "code_used",
                device=(row.used_device_code if row else None) or "?",
                date=row.used_at.date().isoformat() if row and row.used_at else "?",
            )
        return grant

    def current_key_id(self) -> str:
        from desktop.authority import keys as keymod

        return keymod.signing_key(self.secrets)[0]

    def sign(self, payload: bytes) -> tuple[str, str]:
        from desktop.authority import keys as keymod

        kid, private = keymod.signing_key(self.secrets)
        return kid, keymod.sign(private, payload)

    def trusted_keys(self) -> dict[str, Any]:
        return self.trust.load()


def _payload(store_id: str, lic: LicenseRecord | LicenseForSigning, kid: str) -> bytes:
    """The signed text of a license row (signing and verification share it)."""
    return license_payload(
        store_id=store_id,
        license_id=lic.id,
        device_code=lic.device_code,
        product_sku=lic.product_sku,
        activated_on=lic.activated_on,
        subscription_end=lic.subscription_end,
        key_id=kid,
    )


def sign_licenses(uow: UnitOfWork, authority: Authority, ids: list[int] | None = None) -> int:
    store_id = uow.activation.store_id()
    uow.settings.set(SIGNED_STORE_KEY, "1")
    done = 0
    kid = authority.current_key_id()
    for lic in uow.activation.for_signing(ids):
        kid, sig = authority.sign(_payload(store_id, lic, kid))
        uow.activation.set_signature(lic.id, kid, sig)
        done += 1
    return done


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


def activate(
    db: Database,
    authority: Authority,
    device_text: str,
    code_text: str,
    today: dt.date,
    now: dt.datetime | None = None,
) -> ActivationResult:
    """Activate a code on a device, in one transaction.

    A refusal is recorded in the history in a transaction of its own (so it survives
    the rolled-back attempt) and a wrong code counts towards the wait; then the
    DomainError goes to the caller. The same rule holds in the window and the CLI.
    """
    now = now or _utcnow()
    try:
        with db.uow(write=True) as uow:
            result = activate_in(uow, authority, device_text, code_text, today, now)
            uow.commit()
        return result
    except DomainError as err:
        if err.code != "code_wait":  # not an attempt: the code was not even read
            _record_refusal(db, device_text, err)
        raise


def activate_in(
    uow: UnitOfWork,
    authority: Authority,
    device_text: str,
    code_text: str,
    today: dt.date,
    now: dt.datetime,
) -> ActivationResult:
    """Activation inside a caller's transaction (``activate``; order fulfilment)."""
    wait = _wait(uow, now)
    if wait:
        raise DomainError("code_wait", seconds=wait)
    device = parse_device_code(device_text)
    code = parse_activation_code(code_text)
    chash = code_hash(code)
    done = uow.activation.activation(chash)
    if done is not None and done[1] == device:
        lic = next(iter(uow.activation.for_signing([done[0]])), None)
        return ActivationResult(
            "already-active",
            done[0],
            lic.product_sku if lic else "",
            device,
            None,
            (lic.subscription_end if lic else None) or today,
            0,
            0,
        )
    if done is not None:
        binding = uow.activation.license_binding(done[0])
        if binding is not None and binding[0] is None:  # transferred: free to rebind
            return _rebind(uow, authority, chash, done[0], device, binding[1], today)
    grant = authority.check(uow, code)
    held = uow.activation.device_licenses(device)
    if grant.kind == "renewal":
        if not held:
            raise DomainError("renewal_without_license", device=device)
        if not any(h.product_sku == grant.sku for h in held):
            raise DomainError(
                "code_other_product",
                sku=grant.sku,
                held=", ".join(sorted({h.product_sku for h in held})),
            )
    authority.redeem(uow, code, device)
    return _apply(uow, authority, grant, device, chash, today)


def _apply(
    uow: UnitOfWork,
    authority: Authority,
    grant: Grant,
    device: str,
    chash: str,
    today: dt.date,
) -> ActivationResult:
    held = uow.activation.device_licenses(device)
    same = [h for h in held if h.product_sku == grant.sku]
    if grant.kind == "renewal":
        if not same:
            raise DomainError("renewal_without_license", device=device)
        lic = same[0]
        license_id, old_end = lic.license_id, lic.subscription_end
        # The product line's own rule, the same one the quote used for this day.
        period = renewal_period(
            lic.product_line, old_end, today, grant.months, license_id=license_id
        )
        new_end, forfeited = period.new_end, period.days_forfeited
        uow.activation.set_end(license_id, new_end)
        uow.orders.fulfil_license(license_id)  # the order line this code was bought for
        event = "renewed"
    else:
        device_id = uow.activation.ensure_device(device)
        old_end, forfeited = None, 0
        new_end = period_end(today, grant.months)
        license_id = uow.activation.new_license(grant.sku, device_id, today, new_end)
        event = "activated"
    sign_licenses(uow, authority, [license_id])
    uow.activation.add_activation(chash, license_id, device, grant.kind)
    uow.activation.clear_failures()
    uow.events.append(
        event,
        license_id=license_id,
        details={
            "device_code": device,
            "sku": grant.sku,
            "months": grant.months,
            "old_end": old_end.isoformat() if old_end else None,
            "new_end": new_end.isoformat(),
            "days_forfeited": forfeited,
        },
    )
    return ActivationResult(
        grant.kind, license_id, grant.sku, device, old_end, new_end, forfeited, grant.months
    )


def _rebind(
    uow: UnitOfWork,
    authority: Authority,
    chash: str,
    license_id: int,
    device: str,
    end: dt.date | None,
    today: dt.date,
) -> ActivationResult:
    """The code of a transferred license activates it on its new device."""
    device_id = uow.activation.ensure_device(device)
    uow.activation.bind(license_id, device_id)
    uow.activation.move_activation(chash, device)
    sign_licenses(uow, authority, [license_id])
    lic = uow.activation.for_signing([license_id])[0]
    uow.events.append(
        "activated", license_id=license_id, details={"device_code": device, "transferred": True}
    )
    return ActivationResult(
        "transfer", license_id, lic.product_sku, device, end, end or today, 0, 0
    )


def transfer(db: Database, authority: Authority, license_id: int, today: dt.date) -> str:
    """Unbind a license from its device, allowed only while its subscription runs.

    The license becomes free; the code it was activated with activates it on the new
    device; the old device keeps no license (it counts as demo). Returns the old code.
    """
    with db.uow(write=True) as uow:
        binding = uow.activation.license_binding(license_id)
        if binding is None:
            raise DomainError("license_not_found", license_id=license_id)
        device, end = binding
        if device is None:
            raise DomainError("transfer_free", license_id=license_id)
        if end is None or end < today:
            raise DomainError(
                "transfer_not_active", license_id=license_id, end=end.isoformat() if end else "-"
            )
        uow.activation.bind(license_id, None)
        sign_licenses(uow, authority, [license_id])
        uow.events.append("transferred", license_id=license_id, details={"from_device": device})
        uow.commit()
    return str(device)


def device_choices(db: Database) -> list[tuple[str, str]]:
    """Known devices (code, name) for the activation dialog's list."""
    with db.uow() as uow:
        return uow.activation.device_choices()


FILE_FORMAT = "licdesk-license-file"
FILE_PREFIX = b"licdesk-license-file-v1\n"


def _file_body(grant: Grant, device: str, chash: str, issued: dt.date) -> dict[str, Any]:
    return {
        "device": device,
        "sku": grant.sku,
        "kind": grant.kind,
        "months": grant.months,
        "code_hash": chash,
        "issued": issued.isoformat(),
    }


def _file_payload(body: dict[str, Any]) -> bytes:
    import json

    return FILE_PREFIX + json.dumps(body, sort_keys=True, separators=(",", ":")).encode()


def export_license_file(
    db: Database,
    authority: LocalAuthority,
    device_text: str,
    code_text: str,
    today: dt.date,
    path: Path,
) -> dict[str, Any]:
    """The vendor's offline path: redeem a code for a device and write a signed file."""
    device = parse_device_code(device_text)
    code = parse_activation_code(code_text)
    with db.uow(write=True) as uow:
        grant = authority.redeem(uow, code, device)
        body = _file_body(grant, device, code_hash(code), today)
        kid, sig = authority.sign(_file_payload(body))
        data = {
            "format": FILE_FORMAT,
            "version": 1,
            "license": body,
            "key_id": kid,
            "signature": sig,
        }
        _write_text(path, json.dumps(data, indent=2))
        uow.commit()
    return data


def _write_text(path: Path, text: str) -> None:
    tmp = path.with_name(path.name + ".part")
    try:
        tmp.write_text(text, encoding="utf-8")
        tmp.replace(path)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise DomainError("export_failed", path=str(path), reason=exc.strerror or "") from None


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


def load_license_file(
    db: Database, authority: Authority, path: Path, today: dt.date
) -> ActivationResult:
    """The customer's side of the offline path: read and verify the file, apply its grant."""
    data = read_license_file(path)
    with db.uow(write=True) as uow:
        result = _load_license_data(uow, authority, data, today)
        uow.commit()
    return result


def _load_license_data(
    uow: UnitOfWork, authority: Authority, data: dict[str, Any], today: dt.date
) -> ActivationResult:
    from desktop.authority import keys as keymod

    if data.get("format") != FILE_FORMAT:
        raise DomainError("license_file_format")
    body = data.get("license")
    if not isinstance(body, dict) or not keymod.verify(
        authority.trusted_keys(), data.get("key_id"), data.get("signature"), _file_payload(body)
    ):
        raise DomainError("license_file_signature")
    try:
        device = parse_device_code(str(body["device"]))
        grant = Grant(str(body["sku"]), str(body["kind"]), int(body["months"]))
        chash = str(body["code_hash"])
    except (KeyError, ValueError, TypeError):
        raise DomainError("license_file_format") from None
    if uow.activation.activation(chash) is not None:
        raise DomainError("license_file_loaded")
    return _apply(uow, authority, grant, device, chash, today)


def _record_refusal(db: Database, device_text: str, err: DomainError) -> None:
    """A wrong code counts towards the wait; every refusal is in the history."""
    device = _printable(device_text)[:80]
    details = {"reason": err.code, "device_code": device}
    details.update({k: _printable(str(v)) for k, v in err.params.items() if k != "problems"})
    with db.uow(write=True) as uow:
        if err.code in WRONG_CODE_REFUSALS:
            uow.activation.add_failure()
        uow.events.append("refused", details=details)
        uow.commit()


def _printable(text: str) -> str:
    """Any text, even undecodable command-line bytes, as storable UTF-8."""
    return text.encode("utf-8", "replace").decode("utf-8").strip()


# ---------------------------------------------------------------- the local authority's register


def issue_codes(
    db: Database,
    authority: Authority,
    sku: str,
    kind: str,
    months: int,
    count: int,
    today: dt.date,
) -> list[str]:
    authority.init()
    with db.uow(write=True) as uow:
        codes = authority.issue(uow, sku, kind, months, count, today)
        uow.commit()
    return codes


def issued_codes(db: Database) -> list[CodeRow]:
    with db.uow() as uow:
        return uow.activation.codes()


def sign_demo(db: Database, authority: Authority, today: dt.date) -> list[str]:
    """Sign the demo licenses and leave unused codes, so activation can be tried at once."""
    authority.init()
    with db.uow(write=True) as uow:
        sign_licenses(uow, authority)
        codes = [
            *authority.issue(uow, "MS-EGAIS-CHM", "license", 12, 2, today),
            *authority.issue(uow, "MS-EGAIS-CHM", "renewal", 12, 2, today),
            *authority.issue(uow, "MS-STORE15-BASE", "renewal", 12, 2, today),
        ]
        uow.commit()
    return codes


class SignatureCheck:
    """The verdict on each license's signature, as the store and the trusted keys say.

    A store turns "signed" when its first license is signed (SIGNED_STORE_KEY); from
    then on a license without a valid signature is invalid. The store's id and flag are
    re-read after every committed write (``invalidate``, wired by the composition root).
    """

    def __init__(self, db: Database, trusted_keys: Callable[[], dict[str, Any]]) -> None:
        self._db = db
        self._trusted_keys = trusted_keys
        self._state: tuple[str | None, bool, dict[str, Any]] | None = None

    def invalidate(self) -> None:
        self._state = None

    def _load(self) -> tuple[str | None, bool, dict[str, Any]]:
        state = self._state
        if state is None:
            with self._db.read() as view:
                signed = view.settings.get(SIGNED_STORE_KEY) == "1"
                store_id = view.settings.get("store_id")
            trusted = self._trusted_keys() if signed else {}
            state = self._state = (store_id, signed, trusted)
        return state

    def __call__(self, record: LicenseRecord) -> bool:
        store_id, signed, trusted = self._load()
        if not signed:
            return True
        if record.signature is None or store_id is None:
            return False
        from desktop.authority import keys as keymod

        payload = _payload(store_id, record, record.key_id or "")  # what sign_licenses signed
        return keymod.verify(trusted, record.key_id, record.signature, payload)
