"""Orders made from renewal quotes."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.services.ports import OrderLineRow, OrderRow
from desktop.storage.schema_renewals import Order, OrderLine

OPEN_STATUSES = ("draft", "sent")


class SqlOrdersRepo:
    def __init__(self, session: Session) -> None:
        self._s = session

    def create(self, quote_date: dt.date, lines: list[dict[str, object]]) -> int:
        order = Order(
            created_at=dt.datetime.now(dt.UTC).replace(tzinfo=None, microsecond=0),
            quote_date=quote_date,
            status="draft",
            note="",
        )
        self._s.add(order)
        self._s.flush()
        for line in lines:
            self._s.add(OrderLine(order_id=order.id, fulfilled=False, **line))
        self._s.flush()
        return order.id

    def all(self) -> list[OrderRow]:
        lines: dict[int, list[OrderLineRow]] = {}
        for ln in self._s.scalars(select(OrderLine).order_by(OrderLine.id)):
            lines.setdefault(ln.order_id, []).append(
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
                )
            )
        return [
            OrderRow(o.id, o.created_at, o.quote_date, o.status, tuple(lines.get(o.id, [])))
            for o in self._s.scalars(select(Order).order_by(Order.id.desc()))
        ]

    def get(self, order_id: int) -> OrderRow | None:
        return next((o for o in self.all() if o.id == order_id), None)

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
