"""Bases, their devices and licenses, and the release catalogue."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.domain.bases import BaseFacts, BaseLicense, Release
from desktop.services.ports import BaseDevice, BaseInfo
from desktop.storage.schema import Device, InstalledBase, License, Product, Store
from desktop.storage.schema import Release as ReleaseRow


class SqlBasesRepo:
    def __init__(self, session: Session) -> None:
        self._s = session

    def infos(self, base_ids: Iterable[int] | None = None) -> list[BaseInfo]:
        stmt = (
            select(InstalledBase, Product.sku, Product.name, Store.name)
            .join(Product, Product.id == InstalledBase.product_id)
            .outerjoin(Store, Store.id == InstalledBase.store_id)
            .order_by(InstalledBase.name)
        )
        if base_ids is not None:
            stmt = stmt.where(InstalledBase.id.in_(list(base_ids)))
        return [
            BaseInfo(
                b.id,
                b.name,
                sku,
                pname,
                store,
                b.installed_version,
                b.installed_on,
                b.platform_version,
                b.server_version,
                b.internet_exchange,
            )
            for b, sku, pname, store in self._s.execute(stmt)
        ]

    def releases(self, sku: str) -> list[Release]:
        rows = self._s.execute(
            select(ReleaseRow.version, ReleaseRow.released_on)
            .join(Product, Product.id == ReleaseRow.product_id)
            .where(Product.sku == sku)
        )
        return [Release(v, d) for v, d in rows]

    def devices(self, base_id: int) -> list[BaseDevice]:
        lic: dict[int, list[int]] = {}
        for lid, did in self._s.execute(
            select(License.id, License.device_id)
            .join(Device, Device.id == License.device_id)
            .where(Device.base_id == base_id)
        ):
            if did is not None:
                lic.setdefault(did, []).append(lid)
        return [
            BaseDevice(
                d.id,
                d.code,
                d.name,
                d.kind,
                d.platform_version,
                d.client_version,
                tuple(sorted(lic.get(d.id, []))),
            )
            for d in self._s.scalars(
                select(Device).where(Device.base_id == base_id).order_by(Device.name, Device.id)
            )
        ]

    def facts(self, info: BaseInfo) -> BaseFacts:
        rows = self._s.execute(
            select(License.id, License.device_id, License.subscription_end)
            .join(Device, Device.id == License.device_id)
            .join(Product, Product.id == License.product_id)
            .where(Device.base_id == info.id, Product.sku == info.product_sku)
            .order_by(License.id)
        )
        return BaseFacts(
            info.id,
            info.name,
            info.product_sku,
            info.installed_version,
            info.internet_exchange,
            tuple(BaseLicense(*r) for r in rows),
            tuple(self.releases(info.product_sku)),
        )

    def base_of_license(self, license_id: int) -> int | None:
        return self._s.execute(
            select(Device.base_id)
            .join(License, License.device_id == Device.id)
            .where(License.id == license_id)
        ).scalar()

    def set_installed(self, base_id: int, version: str, on: dt.date) -> None:
        base = self._s.get(InstalledBase, base_id)
        assert base is not None
        base.installed_version = version
        base.installed_on = on

    def product_id(self, sku: str) -> int | None:
        return self._s.execute(select(Product.id).where(Product.sku == sku)).scalar()

    def add_releases(
        self, sku: str, releases: list[tuple[str, dt.date, str, str]]
    ) -> tuple[list[str], list[tuple[str, dt.date, dt.date]]]:
        """Insert new releases; return (versions added, conflicts: version, stored, feed)."""
        pid = self.product_id(sku)
        assert pid is not None
        stored: dict[str, dt.date] = {
            version: day
            for version, day in self._s.execute(
                select(ReleaseRow.version, ReleaseRow.released_on).where(
                    ReleaseRow.product_id == pid
                )
            )
        }
        conflicts = [(v, stored[v], d) for v, d, _, _ in releases if v in stored and stored[v] != d]
        if conflicts:
            return [], conflicts
        added: list[str] = []
        for version, day, description, file in releases:
            if version in stored:
                continue
            self._s.add(
                ReleaseRow(
                    product_id=pid,
                    version=version,
                    released_on=day,
                    description=description,
                    file=file,
                )
            )
            stored[version] = day
            added.append(version)
        self._s.flush()
        return added, []
