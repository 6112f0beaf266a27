"""SQLAlchemy 2.0 mapping of the License Desk store.

Dates are ``Date`` (ISO text on SQLite, so text order is date order); money is
integer minor units (``*_minor``) next to an ISO currency; never float.
The Alembic migrations in ``migrations/versions`` create exactly this schema
(a test compares them).
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import (
    Boolean,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


class Product(Base):
    __tablename__ = "products"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    sku: Mapped[str] = mapped_column(String(64), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    line: Mapped[str] = mapped_column(String(20))  # ProductLine value
    kind: Mapped[str] = mapped_column(String(20), default="license")  # license | module
    currency: Mapped[str] = mapped_column(String(3))
    renewal_sku: Mapped[str | None] = mapped_column(String(64), nullable=True)
    prices: Mapped[list[ProductPrice]] = relationship(
        back_populates="product", order_by="ProductPrice.effective_from"
    )


class ProductPrice(Base):
    __tablename__ = "product_prices"
    __table_args__ = (UniqueConstraint("product_id", "effective_from"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    product_id: Mapped[int] = mapped_column(ForeignKey("products.id", ondelete="CASCADE"))
    effective_from: Mapped[dt.date] = mapped_column(Date)
    amount_minor: Mapped[int] = mapped_column(Integer)
    product: Mapped[Product] = relationship(back_populates="prices")


class Store(Base):
    __tablename__ = "stores"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)


class InstalledBase(Base):
    """An installed product database ("база" in the vendor's base manager)."""

    __tablename__ = "bases"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    product_id: Mapped[int] = mapped_column(ForeignKey("products.id"))
    store_id: Mapped[int | None] = mapped_column(ForeignKey("stores.id"), nullable=True)
    installed_version: Mapped[str | None] = mapped_column(String(40), nullable=True)
    installed_on: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    platform_version: Mapped[str | None] = mapped_column(String(40), nullable=True)
    server_version: Mapped[str | None] = mapped_column(String(40), nullable=True)
    internet_exchange: Mapped[bool] = mapped_column(Boolean, default=False)


class Device(Base):
    __tablename__ = "devices"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    code: Mapped[str] = mapped_column(String(80), unique=True)
    kind: Mapped[str] = mapped_column(String(10))  # terminal | pc
    name: Mapped[str] = mapped_column(String(200))
    store_id: Mapped[int | None] = mapped_column(ForeignKey("stores.id"), nullable=True, index=True)
    base_id: Mapped[int | None] = mapped_column(ForeignKey("bases.id"), nullable=True, index=True)
    platform_version: Mapped[str | None] = mapped_column(String(40), nullable=True)
    client_version: Mapped[str | None] = mapped_column(String(40), nullable=True)


class License(Base):
    __tablename__ = "licenses"
    __table_args__ = (
        Index("ix_licenses_end_id", "subscription_end", "id"),
        Index("ix_licenses_device_end", "device_id", "subscription_end"),
        Index("ix_licenses_activated_id", "activated_on", "id"),
        Index("ix_licenses_end_device", "subscription_end", "device_id"),
        Index("ix_licenses_free_end", "sort_free", "subscription_end"),
        Index("ix_licenses_serial", "serial", unique=True),
    )
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    product_id: Mapped[int] = mapped_column(ForeignKey("products.id"), index=True)
    device_id: Mapped[int | None] = mapped_column(ForeignKey("devices.id"), nullable=True)
    activated_on: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    subscription_end: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    # What the license authority signed (desktop.domain.signing.LicenseDocument): its
    # serial, the period's own start, when it was issued, the key and the signature.
    serial: Mapped[str | None] = mapped_column(String(40), nullable=True)
    period_start: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    issued_at: Mapped[dt.datetime | None] = mapped_column(DateTime, nullable=True)
    key_id: Mapped[str | None] = mapped_column(String(64), nullable=True)
    signature: Mapped[str | None] = mapped_column(Text, nullable=True)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime)
    # Derived columns kept by desktop.storage.search_index on every write through the
    # app: the case-folded search text (on SQLite an FTS5 trigram index mirrors it) and
    # sort keys, so that every column of the table sorts on an index of this table.
    search_text: Mapped[str] = mapped_column(Text, default="", server_default="")
    sort_product: Mapped[str | None] = mapped_column(String(200), nullable=True, index=True)
    sort_kind: Mapped[str | None] = mapped_column(String(40), nullable=True, index=True)
    sort_device_code: Mapped[str | None] = mapped_column(String(80), nullable=True, index=True)
    sort_device: Mapped[str | None] = mapped_column(String(200), nullable=True, index=True)
    sort_store: Mapped[str | None] = mapped_column(String(200), nullable=True, index=True)
    sort_free: Mapped[int] = mapped_column(Integer, default=0, server_default="0")


class ModuleLot(Base):
    """enova365: a purchase of seats of one module on a license."""

    __tablename__ = "module_lots"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    license_id: Mapped[int] = mapped_column(
        ForeignKey("licenses.id", ondelete="CASCADE"), index=True
    )
    product_id: Mapped[int] = mapped_column(ForeignKey("products.id"))
    seats: Mapped[int] = mapped_column(Integer)
    purchased_on: Mapped[dt.date] = mapped_column(Date)
    dropped_on: Mapped[dt.date | None] = mapped_column(Date, nullable=True)


class Release(Base):
    __tablename__ = "releases"
    __table_args__ = (UniqueConstraint("product_id", "version"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    product_id: Mapped[int] = mapped_column(ForeignKey("products.id"))
    version: Mapped[str] = mapped_column(String(40))
    released_on: Mapped[dt.date] = mapped_column(Date)
    description: Mapped[str] = mapped_column(Text, default="")
    file: Mapped[str | None] = mapped_column(String(400), nullable=True)


class Event(Base):
    """Append-only history. No foreign keys: history outlives what it mentions."""

    __tablename__ = "events"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    occurred_at: Mapped[dt.datetime] = mapped_column(DateTime)
    kind: Mapped[str] = mapped_column(String(40))
    license_id: Mapped[int | None] = mapped_column(Integer, nullable=True, index=True)
    device_id: Mapped[int | None] = mapped_column(Integer, nullable=True, index=True)
    base_id: Mapped[int | None] = mapped_column(Integer, nullable=True, index=True)
    details: Mapped[str] = mapped_column(Text, default="{}")  # JSON


class Setting(Base):
    """Business settings (threshold, stages, ...). UI state lives in QSettings."""

    __tablename__ = "settings"
    key: Mapped[str] = mapped_column(String(100), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class WarningShown(Base):
    """Which staged warning was shown for which end date (re-arms when the end moves)."""

    __tablename__ = "warnings_shown"
    license_id: Mapped[int] = mapped_column(
        ForeignKey("licenses.id", ondelete="CASCADE"), primary_key=True
    )
    stage: Mapped[int] = mapped_column(Integer, primary_key=True)
    end_date: Mapped[dt.date] = mapped_column(Date, primary_key=True)
    shown_on: Mapped[dt.date] = mapped_column(Date)
