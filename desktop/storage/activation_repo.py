"""Storage for activation: the code register, activations, attempts, license binding."""

from __future__ import annotations

import datetime as dt
import uuid

from sqlalchemy import delete, func, select, update
from sqlalchemy.orm import Session

from desktop.services.ports import CodeRow, HeldLicense, LicenseForSigning
from desktop.storage.schema import Device, License, Product, Setting
from desktop.storage.schema_activation import Activation, ActivationAttempt, AuthorityCode

STORE_ID_KEY = "store_id"


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(tzinfo=None, microsecond=0)


class SqlActivationRepo:
    def __init__(self, session: Session) -> None:
        self._s = session

    # ---------------------------------------------------------- store identity
    def store_id(self) -> str:
        row = self._s.get(Setting, STORE_ID_KEY)
        if row is None:
            row = Setting(key=STORE_ID_KEY, value=uuid.uuid4().hex)
            self._s.add(row)
            self._s.flush()
        return row.value

    # ---------------------------------------------------------- authority register
    def add_codes(self, rows: list[tuple[str, str, str, str, int, dt.date]]) -> None:
        for code, chash, sku, kind, months, issued in rows:
            self._s.add(
                AuthorityCode(
                    code=code, code_hash=chash, sku=sku, kind=kind, months=months, issued_on=issued
                )
            )
        self._s.flush()

    def codes(self) -> list[CodeRow]:
        return [
            CodeRow(c.code, c.sku, c.kind, c.months, c.issued_on, c.used_at, c.used_device_code)
            for c in self._s.scalars(select(AuthorityCode).order_by(AuthorityCode.id))
        ]

    def lookup(self, chash: str) -> CodeRow | None:
        c = self._s.scalars(select(AuthorityCode).where(AuthorityCode.code_hash == chash)).first()
        return (
            CodeRow(c.code, c.sku, c.kind, c.months, c.issued_on, c.used_at, c.used_device_code)
            if c
            else None
        )

    def redeem(self, chash: str, device_code: str) -> bool:
        """Mark a code used, atomically: exactly one of two racing activations wins."""
        result = self._s.execute(
            update(AuthorityCode)
            .where(AuthorityCode.code_hash == chash, AuthorityCode.used_at.is_(None))
            .values(used_at=_now(), used_device_code=device_code)
        )
        return bool(result.rowcount == 1)  # type: ignore[attr-defined]

    def product_exists(self, sku: str) -> bool:
        return self._s.execute(select(Product.id).where(Product.sku == sku)).first() is not None

    # ---------------------------------------------------------- customer side
    def activation(self, chash: str) -> tuple[int, str, dt.datetime] | None:
        a = self._s.scalars(select(Activation).where(Activation.code_hash == chash)).first()
        return (a.license_id, a.device_code, a.activated_at) if a else None

    def add_activation(self, chash: str, license_id: int, device_code: str, kind: str) -> None:
        self._s.add(
            Activation(
                code_hash=chash,
                license_id=license_id,
                device_code=device_code,
                kind=kind,
                activated_at=_now(),
            )
        )
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

    def device_licenses(self, device_code: str) -> list[HeldLicense]:
        rows = self._s.execute(
            select(License.id, Product.sku, Product.line, License.subscription_end)
            .join(Device, Device.id == License.device_id)
            .join(Product, Product.id == License.product_id)
            .where(Device.code == device_code)
            .order_by(License.id)
        )
        return [HeldLicense(r[0], r[1], r[2], r[3]) for r in rows]

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

    def new_license(self, sku: str, device_id: int, start: dt.date, end: dt.date) -> int:
        pid = self._s.execute(select(Product.id).where(Product.sku == sku)).scalar_one()
        lic = License(
            product_id=pid,
            device_id=device_id,
            activated_on=start,
            subscription_end=end,
            created_at=_now(),
        )
        self._s.add(lic)
        self._s.flush()
        return lic.id

    def license_binding(self, license_id: int) -> tuple[str | None, dt.date | None] | None:
        row = self._s.execute(
            select(Device.code, License.subscription_end)
            .select_from(License)
            .outerjoin(Device, Device.id == License.device_id)
            .where(License.id == license_id)
        ).first()
        return (row[0], row[1]) if row else None

    def bind(self, license_id: int, device_id: int | None) -> None:
        lic = self._s.get(License, license_id)
        assert lic is not None
        lic.device_id = device_id
        self._s.flush()

    def move_activation(self, chash: str, device_code: str) -> None:
        self._s.execute(
            update(Activation).where(Activation.code_hash == chash).values(device_code=device_code)
        )

    def set_end(self, license_id: int, end: dt.date) -> None:
        lic = self._s.get(License, license_id)
        assert lic is not None
        lic.subscription_end = end

    def for_signing(self, ids: list[int] | None = None) -> list[LicenseForSigning]:
        stmt = (
            select(
                License.id, Device.code, Product.sku, License.activated_on, License.subscription_end
            )
            .join(Product, Product.id == License.product_id)
            .outerjoin(Device, Device.id == License.device_id)
        )
        if ids is not None:
            stmt = stmt.where(License.id.in_(ids))
        return [LicenseForSigning(*r) for r in self._s.execute(stmt)]

    def set_signature(self, license_id: int, key_id: str, signature: str) -> None:
        self._s.execute(
            update(License)
            .where(License.id == license_id)
            .values(key_id=key_id, signature=signature)
        )

    def count_unused(self) -> int:
        return int(
            self._s.execute(
                select(func.count())
                .select_from(AuthorityCode)
                .where(AuthorityCode.used_at.is_(None))
            ).scalar_one()
        )
