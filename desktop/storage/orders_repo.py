"""Orders made from renewal quotes."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.services.ports import NewOrderLine, OrderLineRow, OrderModuleRow, OrderRow
from desktop.storage.schema_renewals import Order, OrderLine, OrderLineModule

OPEN_STATUSES = ("draft", "sent")


class SqlOrdersRepo:
    def __init__(self, session: Session) -> None:
        self._s = session

    def create(self, quote_date: dt.date, lines: Sequence[NewOrderLine]) -> int:
        order = Order(
            created_at=dt.datetime.now(dt.UTC).replace(tzinfo=None, microsecond=0),
            quote_date=quote_date,
            status="draft",
            note="",
        )
        self._s.add(order)
        self._s.flush()
        for line in lines:
            row = OrderLine(
                order_id=order.id,
                fulfilled=False,
                license_id=line.license_id,
                product_name=line.product_name,
                device_code=line.device_code,
                sku=line.sku,
                kind=line.kind,
                amount_minor=line.amount_minor,
                currency=line.currency,
                current_end=line.current_end,
                new_end=line.new_end,
                days_forfeited=line.days_forfeited,
                quantity=line.quantity,
                unit_price_minor=line.unit_price_minor,
                percent_bp=line.percent_bp,
            )
            self._s.add(row)
            self._s.flush()
            for m in line.modules:
                self._s.add(
                    OrderLineModule(
                        order_line_id=row.id,
                        module_sku=m.module_sku,
                        module_name=m.module_name,
                        seats=m.seats,
                        unit_price_minor=m.unit_price_minor,
                        percent_bp=m.percent_bp,
                        amount_minor=m.amount_minor,
                        deferred=m.deferred,
                        restored=m.restored,
                    )
                )
        self._s.flush()
        return order.id

    def _rows(self, only: int | None) -> list[OrderRow]:
        """Orders newest first with their lines and module lines: three queries whatever
        the number of orders (``only``: that order alone)."""
        orders = select(Order).order_by(Order.id.desc())
        lines = select(OrderLine).order_by(OrderLine.id)
        modules = (
            select(OrderLineModule)
            .join(OrderLine, OrderLine.id == OrderLineModule.order_line_id)
            .order_by(OrderLineModule.id)
        )
        if only is not None:
            orders = orders.where(Order.id == only)
            lines = lines.where(OrderLine.order_id == only)
            modules = modules.where(OrderLine.order_id == only)
        by_line: dict[int, list[OrderModuleRow]] = {}
        for m in self._s.scalars(modules):
            by_line.setdefault(m.order_line_id, []).append(
                OrderModuleRow(
                    m.id,
                    m.module_sku,
                    m.module_name,
                    m.seats,
                    m.unit_price_minor,
                    m.percent_bp,
                    m.amount_minor,
                    m.deferred,
                    m.restored,
                )
            )
        by_order: dict[int, list[OrderLineRow]] = {}
        for ln in self._s.scalars(lines):
            by_order.setdefault(ln.order_id, []).append(
                OrderLineRow(
                    ln.id,
                    ln.license_id,
                    ln.product_name,
                    ln.device_code,
                    ln.sku,
                    ln.kind,
                    ln.amount_minor,
                    ln.currency,
                    ln.current_end,
                    ln.new_end,
                    ln.days_forfeited,
                    ln.fulfilled,
                    ln.quantity,
                    ln.unit_price_minor,
                    ln.percent_bp,
                    tuple(by_line.get(ln.id, [])),
                )
            )
        return [
            OrderRow(o.id, o.created_at, o.quote_date, o.status, tuple(by_order.get(o.id, [])))
            for o in self._s.scalars(orders)
        ]

    def all(self) -> list[OrderRow]:
        return self._rows(None)

    def get(self, order_id: int) -> OrderRow | None:
        found = self._rows(order_id)
        return found[0] if found else None

    def set_status(self, order_id: int, status: str) -> None:
        order = self._s.get(Order, order_id)
        assert order is not None
        order.status = status

    def fulfil_license(self, license_id: int) -> list[int]:
        """Mark open order lines of this license fulfilled; return orders now complete."""
        done: list[int] = []
        rows = self._s.execute(
            select(OrderLine, Order)
            .join(Order, Order.id == OrderLine.order_id)
            .where(
                OrderLine.license_id == license_id,
                OrderLine.fulfilled.is_(False),
                Order.status.in_(OPEN_STATUSES),
            )
        ).all()
        for line, order in rows:
            line.fulfilled = True
            self._s.flush()
            remaining = self._s.scalars(
                select(OrderLine.id).where(
                    OrderLine.order_id == order.id, OrderLine.fulfilled.is_(False)
                )
            ).first()
            if remaining is None:
                order.status = "fulfilled"
                done.append(order.id)
        return done
