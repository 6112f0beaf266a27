"""Tables of activation: the authority's register of codes and the customer's activations.

The register (``authority_codes``) is the vendor's side, kept here for the local
authority; the customer side (``activations``) stores only a hash of each code.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Date, DateTime, ForeignKey, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from desktop.storage.schema import Base


class AuthorityCode(Base):
    __tablename__ = "authority_codes"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    code: Mapped[str] = mapped_column(String(40))  # the vendor shows it on its invoice
    code_hash: Mapped[str] = mapped_column(String(64), unique=True)
    sku: Mapped[str] = mapped_column(String(64))
    kind: Mapped[str] = mapped_column(String(20))  # license | renewal
    months: Mapped[int] = mapped_column(Integer)
    issued_on: Mapped[dt.date] = mapped_column(Date)
    used_at: Mapped[dt.datetime | None] = mapped_column(DateTime, nullable=True)
    used_device_code: Mapped[str | None] = mapped_column(String(80), nullable=True)
    license_id: Mapped[int | None] = mapped_column(Integer, nullable=True)


class Activation(Base):
    __tablename__ = "activations"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    code_hash: Mapped[str] = mapped_column(String(64), unique=True)
    license_id: Mapped[int] = mapped_column(ForeignKey("licenses.id"), index=True)
    device_code: Mapped[str] = mapped_column(String(80))
    kind: Mapped[str] = mapped_column(String(20))
    activated_at: Mapped[dt.datetime] = mapped_column(DateTime)


class ActivationAttempt(Base):
    """Wrong codes, counted for the wait after repeated failures (survives restarts)."""

    __tablename__ = "activation_attempts"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    at: Mapped[dt.datetime] = mapped_column(DateTime, index=True)
