"""Renewal quotes under both vendors' rules (DOMAIN.md §1 and §2), pure and exact.

One policy per product line, chosen by the product's line:

* Mobile SMARTS: 20 % of the license's list price (price list valid on the quote
  date), per device per year, sold as the renewal SKU. The renewal runs one year
  from the day it is issued, so buying before the current end forfeits the days
  left; the day after the end loses nothing; later leaves a gap without updates.
* enova365: on-time update (15 %) while the warranty runs, the new period following
  on from the old; open update (30 %) from the first day of the 13th month, the new
  period starting on the purchase day. The charge base follows the six-month rule
  (:func:`six_month_cutoff`); an open update can restore dropped modules.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal
from enum import StrEnum

from desktop.domain.catalog import ProductLine
from desktop.domain.errors import DomainError
from desktop.domain.money import Money
from desktop.domain.terms import add_months, period_end

#: Mobile SMARTS: "Стоимость подписки — 20% от цены купленных лицензий".
MOBILE_SMARTS_RENEWAL_PERCENT = Decimal(20)
#: enova365: "Aktualizacja Terminowa — 15%", "Aktualizacja Otwarta — 30%".
ENOVA_ON_TIME_PERCENT = Decimal(15)
ENOVA_OPEN_PERCENT = Decimal(30)
RENEWAL_TERM_MONTHS = 12
#: Months from the start of the warranty period after which purchases are not charged.
ENOVA_CHARGED_MONTHS = 6
ONE_DAY = dt.timedelta(days=1)


class RenewalKind(StrEnum):
    SUBSCRIPTION = "subscription"  # Mobile SMARTS subscription renewal
    ON_TIME = "on-time"  # enova365 Aktualizacja Terminowa
    OPEN = "open"  # enova365 Aktualizacja Otwarta


@dataclass(frozen=True)
class PriceList:
    """List prices per SKU with the day each took effect."""

    prices: dict[str, list[tuple[dt.date, Decimal]]]

    def price_on(self, sku: str, day: dt.date) -> Decimal:
        valid = [(d, p) for d, p in self.prices.get(sku, []) if d <= day]
        if not valid:
            raise DomainError("no_price", sku=sku, day=day.isoformat())
        return max(valid)[1]


@dataclass(frozen=True)
class Lot:
    module_sku: str
    module_name: str
    seats: int
    purchased_on: dt.date
    dropped_on: dt.date | None = None


@dataclass(frozen=True)
class LicenseFacts:
    license_id: int
    product_sku: str
    product_name: str
    line: str
    currency: str
    renewal_sku: str | None
    device_code: str | None
    activated_on: dt.date | None
    subscription_end: dt.date | None
    lots: tuple[Lot, ...] = ()


@dataclass(frozen=True)
class ModuleLine:
    module_sku: str
    module_name: str
    seats: int
    unit_price: Decimal
    amount: Money
    deferred: bool  # bought after the sixth month: charged at the next update
    restored: bool = False  # a dropped module brought back by an open update


@dataclass(frozen=True)
class QuoteLine:
    license_id: int
    product_name: str
    device_code: str | None
    sku: str
    kind: RenewalKind
    percent: Decimal
    quote_date: dt.date
    current_end: dt.date | None
    new_start: dt.date
    new_end: dt.date
    days_forfeited: int
    lossless_date: dt.date  # the purchase day that forfeits nothing and leaves no gap
    gap_days: int  # days without a subscription when bought this late
    amount: Money
    modules: tuple[ModuleLine, ...] = field(default_factory=tuple)


def days_forfeited(old_end: dt.date | None, issue_day: dt.date) -> int:
    """Days of the old period still unused when a renewal starting on issue_day is issued."""
    if old_end is None:
        return 0
    return max(0, (old_end - issue_day).days + 1)


def renewed_end(issue_day: dt.date, months: int = RENEWAL_TERM_MONTHS) -> dt.date:
    return period_end(issue_day, months)


@dataclass(frozen=True)
class RenewalPeriod:
    """What a renewal bought on a given day does to the period: one rule per product line,
    shared by the quote, the activation of a renewal code and the authority."""

    kind: RenewalKind
    percent: Decimal
    new_start: dt.date
    new_end: dt.date
    days_forfeited: int
    lossless_date: dt.date  # the purchase day that forfeits nothing and leaves no gap
    gap_days: int  # days without a subscription when bought this late


def renewal_period(
    line: str,
    current_end: dt.date | None,
    on: dt.date,
    months: int = RENEWAL_TERM_MONTHS,
    *,
    license_id: int = 0,
) -> RenewalPeriod:
    """The new period of a renewal bought (or activated) on ``on``, by the line's rule.

    Mobile SMARTS: the renewal runs from the day it is issued; days left are forfeited.
    enova365: while the warranty runs (on or before its last day) an on-time update
    follows on from the old end; afterwards an open update runs from the purchase day.
    """
    if line == ProductLine.ENOVA365:
        if current_end is None:
            raise DomainError("no_warranty", license_id=license_id)
        if on <= current_end:
            kind, pct, start = RenewalKind.ON_TIME, ENOVA_ON_TIME_PERCENT, current_end + ONE_DAY
        else:
            kind, pct, start = RenewalKind.OPEN, ENOVA_OPEN_PERCENT, on
        return RenewalPeriod(
            kind=kind,
            percent=pct,
            new_start=start,
            new_end=period_end(start, months),
            days_forfeited=0,  # the new period follows on: nothing is lost while it runs
            lossless_date=current_end,
            gap_days=max(0, (on - current_end).days - 1),
        )
    lossless = current_end + ONE_DAY if current_end else on
    return RenewalPeriod(
        kind=RenewalKind.SUBSCRIPTION,
        percent=MOBILE_SMARTS_RENEWAL_PERCENT,
        new_start=on,
        new_end=renewed_end(on, months),
        days_forfeited=days_forfeited(current_end, on),
        lossless_date=lossless,
        gap_days=max(0, (on - lossless).days),
    )


def quote_mobile_smarts(facts: LicenseFacts, on: dt.date, prices: PriceList) -> QuoteLine:
    if facts.device_code is None:
        raise DomainError("renew_free_license", license_id=facts.license_id)
    price = prices.price_on(facts.product_sku, on)
    amount = Money(price, facts.currency).percent(MOBILE_SMARTS_RENEWAL_PERCENT)
    period = renewal_period(ProductLine.MOBILE_SMARTS, facts.subscription_end, on)
    return QuoteLine(
        license_id=facts.license_id,
        product_name=facts.product_name,
        device_code=facts.device_code,
        sku=facts.renewal_sku or f"SSY1-{facts.product_sku}",
        kind=period.kind,
        percent=period.percent,
        quote_date=on,
        current_end=facts.subscription_end,
        new_start=period.new_start,
        new_end=period.new_end,
        days_forfeited=period.days_forfeited,
        lossless_date=period.lossless_date,
        gap_days=period.gap_days,
        amount=amount,
    )


def warranty_start(end: dt.date) -> dt.date:
    """The first day of the warranty period that ends on ``end`` (12 months)."""
    return add_months(end + dt.timedelta(days=1), -RENEWAL_TERM_MONTHS)


def six_month_cutoff(period_start: dt.date) -> dt.date:
    """First purchase day NOT charged in the coming update (interpretation).

    "Modules bought after the sixth month from the start of the previous warranty
    period are not charged": with a period from 1 March, March to August are the six
    months (seed example), so a lot bought on 31 August is charged and one bought on
    1 September is deferred to the next update.
    """
    return add_months(period_start, ENOVA_CHARGED_MONTHS)


def quote_enova(
    facts: LicenseFacts, on: dt.date, prices: PriceList, *, restore_dropped: bool = False
) -> QuoteLine:
    end = facts.subscription_end
    period = renewal_period(ProductLine.ENOVA365, end, on, license_id=facts.license_id)
    assert end is not None
    kind, pct = period.kind, period.percent
    start = warranty_start(end)
    cutoff = six_month_cutoff(start)
    restore = restore_dropped and kind is RenewalKind.OPEN
    lines: list[ModuleLine] = []
    total = Money(Decimal(0), facts.currency)
    for lot in facts.lots:
        dropped = lot.dropped_on is not None and lot.dropped_on <= on
        if dropped and not restore:
            continue
        unit = prices.price_on(lot.module_sku, on)
        deferred = lot.purchased_on >= cutoff
        amount = (
            Money(Decimal(0), facts.currency)
            if deferred
            else Money(unit * lot.seats, facts.currency).percent(pct)
        )
        lines.append(
            ModuleLine(
                lot.module_sku, lot.module_name, lot.seats, unit, amount, deferred, restored=dropped
            )
        )
        total = total + amount
    return QuoteLine(
        license_id=facts.license_id,
        product_name=facts.product_name,
        device_code=facts.device_code,
        sku=facts.product_sku,
        kind=kind,
        percent=pct,
        quote_date=on,
        current_end=end,
        new_start=period.new_start,
        new_end=period.new_end,
        days_forfeited=period.days_forfeited,
        lossless_date=period.lossless_date,
        gap_days=period.gap_days,
        amount=total,
        modules=tuple(merge_module_lines(lines)),
    )


def merge_module_lines(lines: list[ModuleLine]) -> list[ModuleLine]:
    """One line per module and charge state (Handel×1 + Handel×2 -> Handel×3)."""
    merged: dict[tuple[str, bool, bool], ModuleLine] = {}
    for m in lines:
        key = (m.module_sku, m.deferred, m.restored)
        if key in merged:
            old = merged[key]
            merged[key] = ModuleLine(
                m.module_sku,
                m.module_name,
                old.seats + m.seats,
                m.unit_price,
                old.amount + m.amount,
                m.deferred,
                m.restored,
            )
        else:
            merged[key] = m
    return list(merged.values())


def quote_line(
    facts: LicenseFacts, on: dt.date, prices: PriceList, *, restore_dropped: bool = False
) -> QuoteLine:
    """The policy of the product's line."""
    if facts.line == ProductLine.ENOVA365:
        return quote_enova(facts, on, prices, restore_dropped=restore_dropped)
    return quote_mobile_smarts(facts, on, prices)


def totals(lines: list[QuoteLine]) -> dict[str, Money]:
    out: dict[str, Money] = {}
    for line in lines:
        cur = line.amount.currency
        out[cur] = out[cur] + line.amount if cur in out else line.amount
    return out
