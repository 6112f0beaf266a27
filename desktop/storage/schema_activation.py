"""Tables of activation on the customer's side: which code (by its hash only: a hash
cannot be redeemed) activated which license, and the wrong codes typed lately."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import DateTime, ForeignKey, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from desktop.storage.schema import Base


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
