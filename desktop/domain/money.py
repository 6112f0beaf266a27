"""Exact money: Decimal amounts with an ISO currency; never float."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from desktop.domain.errors import DomainError

MINOR_UNITS = {"RUB": 2, "PLN": 2, "EUR": 2, "USD": 2}


@dataclass(frozen=True, slots=True)
class Money:
    amount: Decimal
    currency: str

    def __post_init__(self) -> None:
        if not isinstance(self.amount, Decimal):
            raise TypeError("Money.amount must be Decimal")
        if self.currency not in MINOR_UNITS:
            raise DomainError("unknown_currency", currency=self.currency)

    @classmethod
    def of(cls, amount: str | int | Decimal, currency: str) -> Money:
        return cls(Decimal(amount), currency)

    @classmethod
    def from_minor(cls, minor: int, currency: str) -> Money:
        return cls(Decimal(minor).scaleb(-MINOR_UNITS[currency]), currency)

    @property
    def minor(self) -> int:
        return int(self.rounded().amount.scaleb(MINOR_UNITS[self.currency]))

    def rounded(self) -> Money:
        quantum = Decimal(1).scaleb(-MINOR_UNITS[self.currency])
        return Money(self.amount.quantize(quantum, rounding=ROUND_HALF_UP), self.currency)

    def percent(self, pct: Decimal | int) -> Money:
        return Money(self.amount * Decimal(pct) / Decimal(100), self.currency).rounded()

    def __add__(self, other: Money) -> Money:
        if other.currency != self.currency:
            raise DomainError("currency_mismatch", left=self.currency, right=other.currency)
        return Money(self.amount + other.amount, self.currency)

    def __mul__(self, factor: int) -> Money:
        return Money(self.amount * factor, self.currency)

    def as_str(self) -> str:
        """Plain decimal string with the currency's minor digits (for JSON/CSV)."""
        return str(self.rounded().amount)
