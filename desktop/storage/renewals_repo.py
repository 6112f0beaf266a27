"""What a renewal quote and the forecast need from the store: license facts, module
lots, price lists, and Mobile SMARTS licenses counted into forecast cohorts.

No statement carries one parameter per license beyond a batch (SQLite allows 32,766
parameters, psycopg 65,535): license ids go in chunks of :data:`BATCH`, and the
forecast's Mobile SMARTS licenses are one ``GROUP BY`` streamed from a cursor.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from decimal import Decimal
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, aliased

from desktop.domain.catalog import ProductLine
from desktop.domain.forecast import Cohort
from desktop.domain.money import MINOR_UNITS
from desktop.domain.renewal import LicenseFacts, Lot, PriceList
from desktop.storage.schema import Device, License, ModuleLot, Product, ProductPrice
from desktop.storage.schema import Store as StoreRow

#: License ids per statement.
BATCH = 500


class SqlRenewalFacts:
    def __init__(self, session: Session) -> None:
        self._s = session

    def facts(self, license_ids: Iterable[int]) -> list[LicenseFacts]:
        ids = sorted(set(license_ids))
        out: list[LicenseFacts] = []
        for i in range(0, len(ids), BATCH):
            out += self._facts(ids[i : i + BATCH])
        return out

    def _facts(self, ids: list[int]) -> list[LicenseFacts]:
        module = aliased(Product)
        lots: dict[int, list[Lot]] = {}
        for license_id, seats, bought, dropped, name, sku in self._s.execute(
            select(
                ModuleLot.license_id,
                ModuleLot.seats,
                ModuleLot.purchased_on,
                ModuleLot.dropped_on,
                module.name,
                module.sku,
            )
            .join(module, module.id == ModuleLot.product_id)
            .where(ModuleLot.license_id.in_(ids))
            .order_by(ModuleLot.purchased_on, ModuleLot.id)
        ):
            lots.setdefault(license_id, []).append(Lot(sku, name, seats, bought, dropped))
        # Columns, not entities: a forecast reads every enova365 license this way.
        rows = self._s.execute(
            select(
                License.id,
                Product.sku,
                Product.name,
                Product.line,
                Product.currency,
                Product.renewal_sku,
                Device.code,
                License.activated_on,
                License.subscription_end,
                StoreRow.name,
                License.period_start,
            )
            .join(Product, Product.id == License.product_id)
            .outerjoin(Device, Device.id == License.device_id)
            .outerjoin(StoreRow, StoreRow.id == Device.store_id)
            .where(License.id.in_(ids))
        ).all()
        by_id = {
            r[0]: LicenseFacts(
                r[0],
                r[1],
                r[2],
                r[3],
                r[4],
                r[5],
                r[6],
                r[7],
                r[8],
                tuple(lots.get(r[0], [])),
                period_start=r[10],
                store=r[9],
            )
            for r in rows
        }
        return [by_id[i] for i in ids if i in by_id]

    def price_list(self, skus: Iterable[str] | None = None) -> PriceList:
        """The price lists of these SKUs (every product's when None: a small table)."""
        wanted = None if skus is None else sorted(set(skus))
        prices: dict[str, list[tuple[object, Decimal]]] = {}
        chunks = (
            [None]
            if wanted is None
            else [wanted[i : i + BATCH] for i in range(0, len(wanted), BATCH)]
        )
        for chunk in chunks:
            stmt = select(
                Product.sku,
                Product.currency,
                ProductPrice.effective_from,
                ProductPrice.amount_minor,
            ).join(ProductPrice, ProductPrice.product_id == Product.id)
            if chunk is not None:
                stmt = stmt.where(Product.sku.in_(chunk))
            for sku, currency, day, minor in self._s.execute(stmt):
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

    # ------------------------------------------------------------ the forecast

    def _dbapi(self) -> tuple[Any, str]:
        conn = self._s.connection()
        return conn.connection.dbapi_connection, conn.dialect.name

    def ms_cohorts(self, today: dt.date, horizon: dt.date) -> Iterator[Cohort]:
        """Bound Mobile SMARTS licenses ending before ``horizon``, counted per product,
        store and end date, an end already passed clamped to yesterday (they all renew
        today): one GROUP BY, streamed from a cursor. Grouped by ids, named afterwards
        from the two small tables, so the sort touches integers and dates only."""
        dbapi, dialect = self._dbapi()
        ph = "?" if dialect == "sqlite" else "%s"

        def day(d: dt.date) -> Any:
            return d.isoformat() if dialect == "sqlite" else d

        products = {
            pid: (sku, line, currency)
            for pid, sku, line, currency in self._s.execute(
                select(Product.id, Product.sku, Product.line, Product.currency).where(
                    Product.line == ProductLine.MOBILE_SMARTS.value
                )
            )
        }
        if not products:
            return
        stores: dict[int, str] = {
            sid: name for sid, name in self._s.execute(select(StoreRow.id, StoreRow.name))
        }
        sql = (
            f"SELECT l.product_id, CASE WHEN l.subscription_end < {ph} THEN {ph} "
            "ELSE l.subscription_end END, d.store_id, count(*) "
            "FROM licenses l JOIN devices d ON d.id = l.device_id "
            f"WHERE l.subscription_end < {ph} AND l.product_id IN "
            f"({', '.join(str(int(p)) for p in sorted(products))}) "
            "GROUP BY 1, 2, 3"
        )
        params = [day(today), day(today - dt.timedelta(days=1)), day(horizon)]
        if dialect == "postgresql":  # server-side: the cohorts are streamed, not held
            cur = dbapi.cursor(name=f"licdesk_cohorts_{id(self)}")
            cur.itersize = 5000
        else:
            cur = dbapi.cursor()
        dates: dict[Any, dt.date] = {}
        try:
            cur.execute(sql, params)
            while True:
                rows = cur.fetchmany(5000)
                if not rows:
                    return
                for pid, end, store_id, n in rows:
                    end_day = dates.get(end)
                    if end_day is None:
                        end_day = dates[end] = (
                            end if isinstance(end, dt.date) else dt.date.fromisoformat(str(end))
                        )
                    sku, line, currency = products[pid]
                    yield Cohort(sku, line, currency, end_day, stores.get(store_id), int(n))
        finally:
            cur.close()

    def enova_ids(self, horizon: dt.date, batch: int = BATCH) -> Iterator[list[int]]:
        """Bound enova365 licenses ending before ``horizon``, ``batch`` ids at a time
        (keyset pages: each a small statement, whatever the number)."""
        last = 0
        while True:
            ids = list(
                self._s.scalars(
                    select(License.id)
                    .join(Product, Product.id == License.product_id)
                    .where(
                        Product.line == ProductLine.ENOVA365.value,
                        License.device_id.is_not(None),
                        License.subscription_end.is_not(None),
                        License.subscription_end < horizon,
                        License.id > last,
                    )
                    .order_by(License.id)
                    .limit(batch)
                )
            )
            if not ids:
                return
            yield ids
            last = ids[-1]
