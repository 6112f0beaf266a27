"""Tables of renewals: orders made from quotes, with their lines."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Boolean, Date, DateTime, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from desktop.storage.schema import Base


class Order(Base):
    __tablename__ = "orders"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime)
    quote_date: Mapped[dt.date] = mapped_column(Date)
    status: Mapped[str] = mapped_column(String(20))  # draft | sent | fulfilled | cancelled
    note: Mapped[str] = mapped_column(Text, default="")


class OrderLine(Base):
    __tablename__ = "order_lines"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    order_id: Mapped[int] = mapped_column(ForeignKey("orders.id", ondelete="CASCADE"), index=True)
    license_id: Mapped[int] = mapped_column(Integer, index=True)
    product_name: Mapped[str] = mapped_column(String(200))
    device_code: Mapped[str | None] = mapped_column(String(80), nullable=True)
    sku: Mapped[str] = mapped_column(String(64))
    kind: Mapped[str] = mapped_column(String(20))
    amount_minor: Mapped[int] = mapped_column(Integer)
    currency: Mapped[str] = mapped_column(String(3))
    current_end: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    new_end: Mapped[dt.date] = mapped_column(Date)
    days_forfeited: Mapped[int] = mapped_column(Integer)
    fulfilled: Mapped[bool] = mapped_column(Boolean, default=False)
