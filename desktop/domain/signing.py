"""The canonical text a license signature covers (RELIABILITY.md: signatures and codes).

v1 (:func:`license_payload`) is what the in-app authority signed; v2
(:class:`LicenseDocument`) is what the separate license authority signs.

It names the store, the license id, the device code, the product, both dates and the
key id, behind a domain prefix, so a signature neither survives an edit of any of them
nor passes for another kind of signed text, nor for a copy in another database.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass

from desktop.domain.errors import DomainError

PREFIX = "licdesk-license-v1\n"


def license_payload(
    *,
    store_id: str,
    license_id: int,
    device_code: str | None,
    product_sku: str,
    activated_on: dt.date | None,
    subscription_end: dt.date | None,
    key_id: str,
) -> bytes:
    body = {
        "store": store_id,
        "license": license_id,
        "device": device_code,
        "product": product_sku,
        "activated": activated_on.isoformat() if activated_on else None,
        "end": subscription_end.isoformat() if subscription_end else None,
        "key": key_id,
    }
    return (PREFIX + json.dumps(body, sort_keys=True, separators=(",", ":"))).encode()


# --- v2: the document the license authority signs (a separate service since v2) ---------

PREFIX_V2 = b"licdesk-license-v2\n"
_DOC_FIELDS = ("serial", "store", "device", "product", "start", "end", "issued_at", "key")
_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_STAMP = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z")
#: Longest text accepted in any field: keeps a hostile document from costing memory.
MAX_FIELD_CHARS = 200


def _bad() -> DomainError:
    return DomainError("license_file_format")


def _is_text(value: object) -> bool:
    return isinstance(value, str) and 0 < len(value) <= MAX_FIELD_CHARS and value.isprintable()


def utc_second(moment: dt.datetime) -> dt.datetime:
    """The moment in UTC, to the second (what a document's ``issued_at`` holds)."""
    if moment.tzinfo is None:
        raise ValueError("issued_at must carry a time zone")
    return moment.astimezone(dt.UTC).replace(microsecond=0)


@dataclass(frozen=True)
class LicenseDocument:
    """What the authority signs for one license on one device in one store.

    ``start`` is the first day of the current period, ``end`` its last covered day
    (terms.py); ``issued_at`` is when the authority signed (UTC, whole seconds); ``key``
    the id of the key that signed. The customer rebuilds :meth:`payload` from its own row
    to verify, so every field is one the customer's row stores.
    """

    serial: str
    store: str
    device: str
    product: str
    start: dt.date
    end: dt.date
    issued_at: dt.datetime
    key: str

    def __post_init__(self) -> None:
        texts = (self.serial, self.store, self.device, self.product, self.key)
        if not all(_is_text(t) for t in texts):
            raise _bad()
        for day in (self.start, self.end):
            if not isinstance(day, dt.date) or isinstance(day, dt.datetime):
                raise _bad()
        if self.end < self.start:
            raise _bad()
        at = self.issued_at
        if (
            not isinstance(at, dt.datetime)
            or at.utcoffset() != dt.timedelta(0)
            or at.microsecond != 0
        ):
            raise _bad()

    def to_json(self) -> dict[str, str]:
        return {
            "serial": self.serial,
            "store": self.store,
            "device": self.device,
            "product": self.product,
            "start": self.start.isoformat(),
            "end": self.end.isoformat(),
            "issued_at": self.issued_at.replace(tzinfo=None).isoformat() + "Z",
            "key": self.key,
        }

    def payload(self) -> bytes:
        body = json.dumps(self.to_json(), sort_keys=True, separators=(",", ":"), ensure_ascii=True)
        return PREFIX_V2 + body.encode("ascii")

    @classmethod
    def from_json(cls, data: object) -> LicenseDocument:
        """Strict reading: exactly the fields, each of its type, or license_file_format."""
        if not isinstance(data, dict) or set(data) != set(_DOC_FIELDS):
            raise _bad()
        if not all(isinstance(data[f], str) for f in _DOC_FIELDS):
            raise _bad()
        start, end, stamp = data["start"], data["end"], data["issued_at"]
        if not (_DATE.fullmatch(start) and _DATE.fullmatch(end) and _STAMP.fullmatch(stamp)):
            raise _bad()
        try:
            start_day = dt.date.fromisoformat(start)
            end_day = dt.date.fromisoformat(end)
            issued = dt.datetime.strptime(stamp, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=dt.UTC)
        except ValueError:
            raise _bad() from None
        return cls(
            serial=data["serial"],
            store=data["store"],
            device=data["device"],
            product=data["product"],
            start=start_day,
            end=end_day,
            issued_at=issued,
            key=data["key"],
        )
