"""Storage for activation on the customer's side: signed licenses, the code hashes that
activated them, wrong attempts, devices."""

from __future__ import annotations

import datetime as dt
import uuid

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from desktop.domain.signing import LicenseDocument
from desktop.services.ports import HeldLicense, LicenseBinding
from desktop.services.trust import STORE_ID_KEY
from desktop.storage.schema import Device, License, Product, Setting
from desktop.storage.schema_activation import Activation, ActivationAttempt


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(tzinfo=None, microsecond=0)


def _naive_utc(moment: dt.datetime) -> dt.datetime:
    return moment.astimezone(dt.UTC).replace(tzinfo=None, microsecond=0)


class SqlActivationRepo:
    def __init__(self, session: Session) -> None:
        self._s = session

    # ---------------------------------------------------------- store identity
    def store_id(self) -> str:
        """This store's id: created with the database (migration 0006); a store made
        before that gets one on first use."""
        row = self._s.get(Setting, STORE_ID_KEY)
        if row is None:
            row = Setting(key=STORE_ID_KEY, value=uuid.uuid4().hex)
            self._s.add(row)
            self._s.flush()
        return row.value

    # ---------------------------------------------------------- activations
    def activation(self, chash: str) -> tuple[int, str] | None:
        a = self._s.scalars(select(Activation).where(Activation.code_hash == chash)).first()
        return (a.license_id, a.device_code) if a else None

    def add_activation(self, chash: str, license_id: int, device_code: str, kind: str) -> None:
        """Remember which code activated which license (the same code again: updated)."""
        a = self._s.scalars(select(Activation).where(Activation.code_hash == chash)).first()
        if a is None:
            self._s.add(
                Activation(
                    code_hash=chash,
                    license_id=license_id,
                    device_code=device_code,
                    kind=kind,
                    activated_at=_now(),
                )
            )
        else:
            a.license_id, a.device_code = license_id, device_code
        self._s.flush()

    def recent_failures(self, since: dt.datetime) -> list[dt.datetime]:
        return list(
            self._s.scalars(
                select(ActivationAttempt.at)
                .where(ActivationAttempt.at >= since)
                .order_by(ActivationAttempt.at)
            )
        )

    def add_failure(self) -> None:
        self._s.add(ActivationAttempt(at=_now()))
        self._s.flush()

    def clear_failures(self) -> None:
        self._s.execute(delete(ActivationAttempt))

    # ---------------------------------------------------------- devices and licenses
    def device_licenses(self, device_code: str) -> list[HeldLicense]:
        rows = self._s.execute(
            select(
                License.id,
                Product.sku,
                Product.line,
                License.subscription_end,
                License.serial,
                License.signature,
            )
            .join(Device, Device.id == License.device_id)
            .join(Product, Product.id == License.product_id)
            .where(Device.code == device_code)
            .order_by(License.id)
        )
        return [HeldLicense(r[0], r[1], r[2], r[3], r[4], r[5] is not None) for r in rows]

    def device_choices(self) -> list[tuple[str, str]]:
        return [
            (c, n)
            for c, n in self._s.execute(
                select(Device.code, Device.name).order_by(Device.name, Device.id)
            )
        ]

    def ensure_device(self, device_code: str) -> int:
        d = self._s.scalars(select(Device).where(Device.code == device_code)).first()
        if d is None:
            kind = "pc" if device_code.startswith("PC") else "terminal"
            d = Device(code=device_code, kind=kind, name=device_code.split("-")[0])
            self._s.add(d)
            self._s.flush()
        return d.id

    def license_by_serial(self, serial: str) -> int | None:
        return self._s.execute(select(License.id).where(License.serial == serial)).scalar()

    def product_exists(self, sku: str) -> bool:
        return self._s.execute(select(Product.id).where(Product.sku == sku)).first() is not None

    def store_document(
        self,
        license_id: int | None,
        doc: LicenseDocument,
        signature: str,
        *,
        activated_on: dt.date | None = None,
    ) -> int:
        """Write what the authority signed onto a license row (a new one when
        ``license_id`` is None): binding, period, serial, key and signature together."""
        device_id = self.ensure_device(doc.device)
        values = {
            "device_id": device_id,
            "period_start": doc.start,
            "subscription_end": doc.end,
            "serial": doc.serial,
            "issued_at": _naive_utc(doc.issued_at),
            "key_id": doc.key,
            "signature": signature,
        }
        if license_id is None:
            pid = self._s.execute(select(Product.id).where(Product.sku == doc.product)).scalar()
            if pid is None:
                from desktop.domain.errors import DomainError

                raise DomainError("unknown_product_sku", sku=doc.product)
            lic = License(
                product_id=pid,
                activated_on=activated_on or doc.start,
                created_at=_now(),
                **values,
            )
            self._s.add(lic)
            self._s.flush()
            return lic.id
        lic_row = self._s.get(License, license_id)
        assert lic_row is not None
        for key, value in values.items():
            setattr(lic_row, key, value)
        if lic_row.activated_on is None:
            lic_row.activated_on = activated_on or doc.start
        self._s.flush()
        return license_id

    def license_binding(self, license_id: int) -> LicenseBinding | None:
        row = self._s.execute(
            select(Device.code, License.subscription_end, License.serial, Product.sku)
            .select_from(License)
            .join(Product, Product.id == License.product_id)
            .outerjoin(Device, Device.id == License.device_id)
            .where(License.id == license_id)
        ).first()
        return LicenseBinding(license_id, row[0], row[1], row[2], row[3]) if row else None

    def unbind(self, license_id: int) -> None:
        lic = self._s.get(License, license_id)
        assert lic is not None
        lic.device_id = None  # an ORM write: the search text and sort keys follow
        self._s.flush()
