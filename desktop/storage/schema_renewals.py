"""Tables of renewals: orders made from quotes, with their lines and module lines.

An order keeps the figures it was priced with (migration 0007): per line its quantity,
list price and percent, and per enova365 line its module lines, so that everything
printed from an order later shows amount = quantity × list price × percent. Orders made
before 0007 have NULL figures and no module lines: they print their amounts only.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import BigInteger, Boolean, Date, DateTime, ForeignKey, Integer, String, Text
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
    #: 64-bit: seats × list price × percent outgrows PostgreSQL's integer (21 474 836.47).
    amount_minor: Mapped[int] = mapped_column(BigInteger)
    currency: Mapped[str] = mapped_column(String(3))
    current_end: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    new_end: Mapped[dt.date] = mapped_column(Date)
    days_forfeited: Mapped[int] = mapped_column(Integer)
    fulfilled: Mapped[bool] = mapped_column(Boolean, default=False)
    # The printed figures (NULL: an order made before they were kept, or an enova365
    # line, whose figures are its module lines).
    quantity: Mapped[int | None] = mapped_column(Integer, nullable=True)
    unit_price_minor: Mapped[int | None] = mapped_column(BigInteger, nullable=True)
    #: The percent in hundredths (2000 = 20 %): exact and the same on every database.
    percent_bp: Mapped[int | None] = mapped_column(Integer, nullable=True)


class OrderLineModule(Base):
    """One printed module line of an enova365 order line (in the line's currency)."""

    __tablename__ = "order_line_modules"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    order_line_id: Mapped[int] = mapped_column(
        ForeignKey("order_lines.id", ondelete="CASCADE"), index=True
    )
    module_sku: Mapped[str] = mapped_column(String(64))
    module_name: Mapped[str] = mapped_column(String(200))
    seats: Mapped[int] = mapped_column(Integer)
    unit_price_minor: Mapped[int] = mapped_column(BigInteger)
    percent_bp: Mapped[int] = mapped_column(Integer)  # 0 for a deferred module
    amount_minor: Mapped[int] = mapped_column(BigInteger)
    deferred: Mapped[bool] = mapped_column(Boolean)
    restored: Mapped[bool] = mapped_column(Boolean)
