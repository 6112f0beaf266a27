"""What a renewal quote needs from the store: license facts, module lots, price lists."""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session, aliased

from desktop.domain.money import MINOR_UNITS
from desktop.domain.renewal import LicenseFacts, Lot, PriceList
from desktop.storage.schema import Device, License, ModuleLot, Product, ProductPrice, Store


class SqlRenewalFacts:
    def __init__(self, session: Session) -> None:
        self._s = session

    def facts(self, license_ids: Iterable[int]) -> list[LicenseFacts]:
        ids = sorted(set(license_ids))
        module = aliased(Product)
        lots: dict[int, list[Lot]] = {}
        for lot, name, sku in self._s.execute(
            select(ModuleLot, module.name, module.sku)
            .join(module, module.id == ModuleLot.product_id)
            .where(ModuleLot.license_id.in_(ids))
            .order_by(ModuleLot.purchased_on, ModuleLot.id)
        ):
            lots.setdefault(lot.license_id, []).append(
                Lot(sku, name, lot.seats, lot.purchased_on, lot.dropped_on)
            )
        rows = self._s.execute(
            select(License, Product, Device.code, Store.name)
            .join(Product, Product.id == License.product_id)
            .outerjoin(Device, Device.id == License.device_id)
            .outerjoin(Store, Store.id == Device.store_id)
            .where(License.id.in_(ids))
        ).all()
        by_id = {
            lic.id: LicenseFacts(
                lic.id,
                p.sku,
                p.name,
                p.line,
                p.currency,
                p.renewal_sku,
                code,
                lic.activated_on,
                lic.subscription_end,
                tuple(lots.get(lic.id, [])),
                period_start=lic.period_start,
                store=store,
            )
            for lic, p, code, store in rows
        }
        return [by_id[i] for i in ids if i in by_id]

    def price_list(self, skus: Iterable[str]) -> PriceList:
        prices: dict[str, list[tuple[object, Decimal]]] = {}
        for sku, currency, day, minor in self._s.execute(
            select(
                Product.sku,
                Product.currency,
                ProductPrice.effective_from,
                ProductPrice.amount_minor,
            )
            .join(ProductPrice, ProductPrice.product_id == Product.id)
            .where(Product.sku.in_(sorted(set(skus))))
        ):
            amount = Decimal(minor).scaleb(-MINOR_UNITS.get(currency, 2))
            prices.setdefault(sku, []).append((day, amount))
        return PriceList(prices)  # type: ignore[arg-type]

    def renewable_ids(self) -> list[int]:
        """Every license a forecast renews: bound, with an end date."""
        return list(
            self._s.scalars(
                select(License.id).where(
                    License.device_id.is_not(None), License.subscription_end.is_not(None)
                )
            )
        )
