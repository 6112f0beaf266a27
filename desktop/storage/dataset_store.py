"""Write a whole Dataset in one transaction (merge by natural keys) and read it back."""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desktop.domain.money import MINOR_UNITS, Money
from desktop.services.dataset import (
    BaseSpec,
    Dataset,
    DeviceSpec,
    LicenseSpec,
    LoadSummary,
    LotSpec,
    PriceSpec,
    ProductSpec,
    ReleaseSpec,
)
from desktop.storage.schema import (
    Device,
    Event,
    InstalledBase,
    License,
    ModuleLot,
    Product,
    ProductPrice,
    Release,
    Setting,
    Store,
)


def _minor(amount: Decimal, currency: str) -> int:
    return Money(amount, currency).minor


class SqlDatasetStore:
    def __init__(self, session: Session) -> None:
        self._s = session

    def is_empty(self) -> bool:
        return not self._s.execute(select(func.count()).select_from(License)).scalar_one() and not (
            self._s.execute(select(func.count()).select_from(Product)).scalar_one()
        )

    def load(self, data: Dataset) -> LoadSummary:
        s = self._s
        now = dt.datetime.now(dt.UTC).replace(tzinfo=None)
        products = {p.sku: p for p in s.scalars(select(Product))}
        new_products = 0
        for spec in data.products:
            p = products.get(spec.sku)
            if p is None:
                p = Product(
                    sku=spec.sku,
                    name=spec.name,
                    line=spec.line,
                    kind=spec.kind,
                    currency=spec.currency,
                    renewal_sku=spec.renewal_sku,
                )
                s.add(p)
                s.flush()
                products[spec.sku] = p
                new_products += 1
            known = {pr.effective_from for pr in p.prices}
            for price in spec.prices:
                if price.effective_from not in known:
                    s.add(
                        ProductPrice(
                            product_id=p.id,
                            effective_from=price.effective_from,
                            amount_minor=_minor(price.amount, p.currency),
                        )
                    )
        stores = {st.name: st for st in s.scalars(select(Store))}
        new_stores = 0
        for name in data.stores:
            if name not in stores:
                stores[name] = Store(name=name)
                s.add(stores[name])
                new_stores += 1
        s.flush()
        bases = {b.name: b for b in s.scalars(select(InstalledBase))}
        new_bases = 0
        for b in data.bases:
            if b.name in bases:
                continue
            bases[b.name] = InstalledBase(
                name=b.name,
                product_id=products[b.product_sku].id,
                store_id=stores[b.store].id if b.store else None,
                installed_version=b.installed_version,
                installed_on=b.installed_on,
                platform_version=b.platform_version,
                server_version=b.server_version,
                internet_exchange=b.internet_exchange,
            )
            s.add(bases[b.name])
            new_bases += 1
        s.flush()
        devices = {d.code: d for d in s.scalars(select(Device))}
        new_devices = 0
        for d in data.devices:
            if d.code in devices:
                continue
            devices[d.code] = Device(
                code=d.code,
                kind=d.kind,
                name=d.name,
                store_id=stores[d.store].id if d.store else None,
                base_id=bases[d.base].id if d.base else None,
                platform_version=d.platform_version,
                client_version=d.client_version,
            )
            s.add(devices[d.code])
            new_devices += 1
        s.flush()
        # Re-importing a file adds nothing twice: each stored license with the same
        # product, device and activation day absorbs one incoming one (free ones too).
        existing: dict[tuple[object, ...], int] = {}
        for row in s.execute(select(License.product_id, License.device_id, License.activated_on)):
            existing[tuple(row)] = existing.get(tuple(row), 0) + 1
        new_licenses = 0
        for lspec in data.licenses:
            product = products[lspec.product_sku]
            device = devices[lspec.device_code] if lspec.device_code else None
            key = (product.id, device.id if device else None, lspec.activated_on)
            if existing.get(key, 0) > 0:
                existing[key] -= 1
                continue
            lic = License(
                product_id=product.id,
                device_id=device.id if device else None,
                activated_on=lspec.activated_on,
                subscription_end=lspec.subscription_end,
                created_at=now,
            )
            s.add(lic)
            s.flush()
            new_licenses += 1
            for lot in lspec.modules:
                s.add(
                    ModuleLot(
                        license_id=lic.id,
                        product_id=products[lot.module_sku].id,
                        seats=lot.seats,
                        purchased_on=lot.purchased_on,
                        dropped_on=lot.dropped_on,
                    )
                )
            for ev in lspec.history or [{"kind": "imported"}]:
                details = {k: v for k, v in ev.items() if k not in ("kind", "at")}
                at = ev.get("at")
                s.add(
                    Event(
                        occurred_at=(dt.datetime.fromisoformat(at) if isinstance(at, str) else now),
                        kind=str(ev.get("kind", "imported")),
                        license_id=lic.id,
                        device_id=device.id if device else None,
                        details=json.dumps(details, ensure_ascii=False, default=str),
                    )
                )
        releases: set[tuple[int, str]] = {
            (r[0], r[1]) for r in s.execute(select(Release.product_id, Release.version))
        }
        new_releases = 0
        for r in data.releases:
            pid = products[r.product_sku].id
            if (pid, r.version) in releases:
                continue
            s.add(
                Release(
                    product_id=pid,
                    version=r.version,
                    released_on=r.released_on,
                    description=r.description,
                    file=r.file,
                )
            )
            releases.add((pid, r.version))
            new_releases += 1
        for name, value in data.settings.items():
            if s.get(Setting, name) is None:
                s.add(Setting(key=name, value=value))
        s.flush()
        return LoadSummary(
            new_products, new_stores, new_bases, new_devices, new_licenses, new_releases
        )

    def dump(self) -> Dataset:
        s = self._s
        data = Dataset()
        pid_sku: dict[int, str] = {}
        for p in s.scalars(select(Product).order_by(Product.id)):
            pid_sku[p.id] = p.sku
            scale = MINOR_UNITS.get(p.currency, 2)
            data.products.append(
                ProductSpec(
                    p.sku,
                    p.name,
                    p.line,
                    p.currency,
                    p.kind,
                    p.renewal_sku,
                    [
                        PriceSpec(pr.effective_from, Decimal(pr.amount_minor).scaleb(-scale))
                        for pr in p.prices
                    ],
                )
            )
        store_names = {st.id: st.name for st in s.scalars(select(Store).order_by(Store.id))}
        data.stores = list(store_names.values())
        base_names: dict[int, str] = {}
        for b in s.scalars(select(InstalledBase).order_by(InstalledBase.id)):
            base_names[b.id] = b.name
            data.bases.append(
                BaseSpec(
                    b.name,
                    pid_sku[b.product_id],
                    store_names.get(b.store_id or -1),
                    b.installed_version,
                    b.installed_on,
                    b.platform_version,
                    b.server_version,
                    b.internet_exchange,
                )
            )
        codes: dict[int, str] = {}
        for d in s.scalars(select(Device).order_by(Device.id)):
            codes[d.id] = d.code
            data.devices.append(
                DeviceSpec(
                    d.code,
                    d.kind,
                    d.name,
                    store_names.get(d.store_id or -1),
                    base_names.get(d.base_id or -1),
                    d.platform_version,
                    d.client_version,
                )
            )
        lots: dict[int, list[LotSpec]] = {}
        for lot in s.scalars(select(ModuleLot).order_by(ModuleLot.id)):
            lots.setdefault(lot.license_id, []).append(
                LotSpec(pid_sku[lot.product_id], lot.seats, lot.purchased_on, lot.dropped_on)
            )
        history: dict[int, list[dict[str, object]]] = {}
        for ev in s.scalars(select(Event).where(Event.license_id.is_not(None)).order_by(Event.id)):
            assert ev.license_id is not None
            entry: dict[str, object] = {"kind": ev.kind, "at": ev.occurred_at.isoformat()}
            entry.update(json.loads(ev.details or "{}"))
            history.setdefault(ev.license_id, []).append(entry)
        for lic in s.scalars(select(License).order_by(License.id)):
            data.licenses.append(
                LicenseSpec(
                    pid_sku[lic.product_id],
                    codes.get(lic.device_id or -1),
                    lic.activated_on,
                    lic.subscription_end,
                    lots.get(lic.id, []),
                    history.get(lic.id, []),
                )
            )
        for r in s.scalars(select(Release).order_by(Release.product_id, Release.released_on)):
            data.releases.append(
                ReleaseSpec(pid_sku[r.product_id], r.version, r.released_on, r.description, r.file)
            )
        data.settings = {st.key: st.value for st in s.scalars(select(Setting))}
        return data
