"""What the authority answers, as typed values with their JSON form: one definition
shared by the service (which builds them), the server (which sends ``to_json()``) and the
client (which reads ``from_json()``).

``from_json`` is strict about what it needs and raises ``ValueError`` (or
``DomainError("license_file_format")`` from a document) on anything else; the client
turns either into ``authority_unreachable``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from desktop.domain.signing import LicenseDocument

API_VERSION = 1
FILE_FORMAT = "licdesk-license-file"
FILE_VERSION = 2

#: activate()'s kinds of result
LICENSE = "license"  # a license code made a new license
RENEWAL = "renewal"  # a renewal code gave the device's license a new period
ALREADY_ACTIVE = "already-active"  # the same code on the same device again: the same answer
TRANSFER = "transfer"  # the code of a transferred license bound it to this device
RESULT_KINDS = (LICENSE, RENEWAL, ALREADY_ACTIVE, TRANSFER)


def _dict(data: object) -> dict[str, Any]:
    if not isinstance(data, dict):
        raise ValueError("expected an object")
    return data


def _str(data: dict[str, Any], key: str) -> str:
    value = data[key]
    if not isinstance(value, str):
        raise ValueError(f"{key}: expected text")
    return value


def _opt_str(data: dict[str, Any], key: str) -> str | None:
    value = data.get(key)
    if value is not None and not isinstance(value, str):
        raise ValueError(f"{key}: expected text or null")
    return value


def _int(data: dict[str, Any], key: str) -> int:
    value = data[key]
    if not isinstance(value, int) or isinstance(value, bool):
        raise ValueError(f"{key}: expected a whole number")
    return value


def _date(data: dict[str, Any], key: str) -> dt.date:
    return dt.date.fromisoformat(_str(data, key))


def _opt_date(data: dict[str, Any], key: str) -> dt.date | None:
    value = _opt_str(data, key)
    return dt.date.fromisoformat(value) if value is not None else None


def _stamp(moment: dt.datetime) -> str:
    return moment.astimezone(dt.UTC).replace(microsecond=0, tzinfo=None).isoformat() + "Z"


def _parse_stamp(text: str) -> dt.datetime:
    if not text.endswith("Z"):
        raise ValueError("expected a UTC time ending in Z")
    return dt.datetime.fromisoformat(text[:-1]).replace(tzinfo=dt.UTC)


@dataclass(frozen=True)
class SignedLicense:
    """A license document with the signature over its payload."""

    document: LicenseDocument
    key_id: str
    signature: str  # base64 Ed25519 signature of document.payload()

    def to_file(self) -> dict[str, Any]:
        """The license file handed to an offline PC."""
        return {
            "format": FILE_FORMAT,
            "version": FILE_VERSION,
            "document": self.document.to_json(),
            "key_id": self.key_id,
            "signature": self.signature,
        }

    @classmethod
    def from_file(cls, data: object) -> SignedLicense:
        """Reads a license file (shape only: the caller verifies the signature)."""
        from desktop.domain.errors import DomainError

        if (
            not isinstance(data, dict)
            or set(data) != {"format", "version", "document", "key_id", "signature"}
            or data["format"] != FILE_FORMAT
            or data["version"] != FILE_VERSION
            or not isinstance(data["key_id"], str)
            or not isinstance(data["signature"], str)
        ):
            raise DomainError("license_file_format")
        doc = LicenseDocument.from_json(data["document"])
        if doc.key != data["key_id"]:
            raise DomainError("license_file_format")
        return cls(doc, data["key_id"], data["signature"])


@dataclass(frozen=True)
class ActivationResult:
    kind: str  # one of RESULT_KINDS
    license: SignedLicense
    code_hash: str  # desktop.domain.codes.code_hash of the code (what the customer stores)
    sku: str  # the code's product
    months: int  # the months the code grants
    old_end: dt.date | None  # renewal: the end before (the authority's record or the claim)
    days_forfeited: int  # renewal: days of the old period given up (Mobile SMARTS)
    renewal_kind: str | None  # renewal: subscription | on-time | open (renewal.RenewalKind)

    @property
    def document(self) -> LicenseDocument:
        return self.license.document

    def to_json(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "document": self.license.document.to_json(),
            "key_id": self.license.key_id,
            "signature": self.license.signature,
            "code_hash": self.code_hash,
            "sku": self.sku,
            "months": self.months,
            "old_end": self.old_end.isoformat() if self.old_end else None,
            "days_forfeited": self.days_forfeited,
            "renewal_kind": self.renewal_kind,
        }

    @classmethod
    def from_json(cls, data: object) -> ActivationResult:
        d = _dict(data)
        kind = _str(d, "kind")
        if kind not in RESULT_KINDS:
            raise ValueError(f"kind: {kind!r}")
        doc = LicenseDocument.from_json(d["document"])
        return cls(
            kind=kind,
            license=SignedLicense(doc, _str(d, "key_id"), _str(d, "signature")),
            code_hash=_str(d, "code_hash"),
            sku=_str(d, "sku"),
            months=_int(d, "months"),
            old_end=_opt_date(d, "old_end"),
            days_forfeited=_int(d, "days_forfeited"),
            renewal_kind=_opt_str(d, "renewal_kind"),
        )


@dataclass(frozen=True)
class TransferResult:
    """A license unbound from its device: no document (a free license grants nothing);
    the code that made it (``code_hash``) binds it to the next device, same period."""

    serial: str
    from_device: str
    product: str
    start: dt.date
    end: dt.date
    code_hash: str | None

    def to_json(self) -> dict[str, Any]:
        return {
            "serial": self.serial,
            "from_device": self.from_device,
            "product": self.product,
            "start": self.start.isoformat(),
            "end": self.end.isoformat(),
            "code_hash": self.code_hash,
        }

    @classmethod
    def from_json(cls, data: object) -> TransferResult:
        d = _dict(data)
        return cls(
            _str(d, "serial"),
            _str(d, "from_device"),
            _str(d, "product"),
            _date(d, "start"),
            _date(d, "end"),
            _opt_str(d, "code_hash"),
        )


@dataclass(frozen=True)
class FulfilLine:
    line_ref: str
    code: str  # the renewal code issued for this line (already applied)
    activation: ActivationResult

    def to_json(self) -> dict[str, Any]:
        return {
            "line_ref": self.line_ref,
            "code": self.code,
            "activation": self.activation.to_json(),
        }

    @classmethod
    def from_json(cls, data: object) -> FulfilLine:
        d = _dict(data)
        return cls(
            _str(d, "line_ref"), _str(d, "code"), ActivationResult.from_json(d["activation"])
        )


@dataclass(frozen=True)
class FulfilResult:
    store: str
    order_ref: str
    lines: tuple[FulfilLine, ...]

    def to_json(self) -> dict[str, Any]:
        return {
            "store": self.store,
            "order_ref": self.order_ref,
            "lines": [line.to_json() for line in self.lines],
        }

    @classmethod
    def from_json(cls, data: object) -> FulfilResult:
        d = _dict(data)
        lines = d["lines"]
        if not isinstance(lines, list):
            raise ValueError("lines: expected a list")
        return cls(
            _str(d, "store"), _str(d, "order_ref"), tuple(FulfilLine.from_json(x) for x in lines)
        )


@dataclass(frozen=True)
class SeededLicense:
    device: str
    product: str
    code: str  # a license code made for it (used once): it rebinds the license after a transfer
    license: SignedLicense

    @property
    def document(self) -> LicenseDocument:
        return self.license.document

    def to_json(self) -> dict[str, Any]:
        return {
            "device": self.device,
            "product": self.product,
            "code": self.code,
            "document": self.license.document.to_json(),
            "key_id": self.license.key_id,
            "signature": self.license.signature,
        }

    @classmethod
    def from_json(cls, data: object) -> SeededLicense:
        d = _dict(data)
        doc = LicenseDocument.from_json(d["document"])
        return cls(
            _str(d, "device"),
            _str(d, "product"),
            _str(d, "code"),
            SignedLicense(doc, _str(d, "key_id"), _str(d, "signature")),
        )


@dataclass(frozen=True)
class SeedResult:
    store: str
    licenses: tuple[SeededLicense, ...]

    def to_json(self) -> dict[str, Any]:
        return {"store": self.store, "licenses": [x.to_json() for x in self.licenses]}

    @classmethod
    def from_json(cls, data: object) -> SeedResult:
        d = _dict(data)
        items = d["licenses"]
        if not isinstance(items, list):
            raise ValueError("licenses: expected a list")
        return cls(_str(d, "store"), tuple(SeededLicense.from_json(x) for x in items))


@dataclass(frozen=True)
class PublicKey:
    key_id: str
    public: str  # base64 of the raw 32-byte Ed25519 public key
    created: dt.datetime
    current: bool

    def to_json(self) -> dict[str, Any]:
        return {
            "key_id": self.key_id,
            "public": self.public,
            "created": _stamp(self.created),
            "current": self.current,
        }

    @classmethod
    def from_json(cls, data: object) -> PublicKey:
        d = _dict(data)
        current = d["current"]
        if not isinstance(current, bool):
            raise ValueError("current: expected true or false")
        return cls(_str(d, "key_id"), _str(d, "public"), _parse_stamp(_str(d, "created")), current)


@dataclass(frozen=True)
class AuthorityStatus:
    name: str
    time: dt.datetime  # the authority's clock, UTC
    today: dt.date  # the authority's today (every period is counted from it)
    keys: tuple[PublicKey, ...]
    fulfil_allowed: bool
    api: int = API_VERSION

    @property
    def current_key_id(self) -> str | None:
        return next((k.key_id for k in self.keys if k.current), None)

    def to_json(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "api": self.api,
            "time": _stamp(self.time),
            "today": self.today.isoformat(),
            "keys": [k.to_json() for k in self.keys],
            "fulfil_allowed": self.fulfil_allowed,
        }

    @classmethod
    def from_json(cls, data: object) -> AuthorityStatus:
        d = _dict(data)
        keys = d["keys"]
        allowed = d["fulfil_allowed"]
        if not isinstance(keys, list) or not isinstance(allowed, bool):
            raise ValueError("keys or fulfil_allowed")
        return cls(
            name=_str(d, "name"),
            time=_parse_stamp(_str(d, "time")),
            today=_date(d, "today"),
            keys=tuple(PublicKey.from_json(k) for k in keys),
            fulfil_allowed=allowed,
            api=_int(d, "api"),
        )


# --- what the customer sends with fulfil and seed --------------------------------------


@dataclass(frozen=True)
class OrderLine:
    """One line of an order to fulfil: a renewal of the device's license of ``product``.

    ``serial`` is the license's serial when the authority signed it; ``current_end`` the
    end the customer holds (counted from only when the authority has no record)."""

    line_ref: str
    device: str
    product: str
    serial: str | None = None
    current_end: dt.date | None = None
    months: int | None = None

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "line_ref": self.line_ref,
            "device": self.device,
            "product": self.product,
        }
        if self.serial is not None:
            out["serial"] = self.serial
        if self.current_end is not None:
            out["current_end"] = self.current_end.isoformat()
        if self.months is not None:
            out["months"] = self.months
        return out


@dataclass(frozen=True)
class SeedItem:
    """A demo license to sign as it is."""

    device: str
    product: str
    start: dt.date
    end: dt.date

    def to_json(self) -> dict[str, Any]:
        return {
            "device": self.device,
            "product": self.product,
            "start": self.start.isoformat(),
            "end": self.end.isoformat(),
        }
