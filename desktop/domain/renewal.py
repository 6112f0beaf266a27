"""Renewal quotes under both vendors' rules (DOMAIN.md §1 and §2), pure and exact.

One policy per product line, chosen by the product's line:

* Mobile SMARTS: 20 % of the license's list price (price list valid on the quote
  date), per device per year, sold as the renewal SKU. The renewal runs one year
  from the day it is issued, so buying before the current end forfeits the days
  left; the day after the end loses nothing; later leaves a gap without updates.
  A renewal never shortens a subscription (``terms.SHORTER_RENEWAL``).
* enova365: on-time update (15 %) while the warranty runs, the new period following
  on from the old; open update (30 %) from the first day of the 13th month, the new
  period starting on the purchase day. The charge base follows the six-month rule
  (:func:`six_month_cutoff`) counted from the *stored* start of the current period;
  an open update can restore dropped modules.

:func:`renewal_period` is the one rule for what a renewal does to the period; the
quote (:func:`quote_line`), the activation of a renewal code
(:func:`license_renewal`) and the authority all go through it, so what activation
does on a day is what the quote said for that day.
"""

from __future__ import annotations

import bisect
import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal
from enum import StrEnum
from functools import cached_property

from desktop.domain.catalog import ProductLine
from desktop.domain.errors import DomainError
from desktop.domain.money import Money
from desktop.domain.terms import (
    LEAVE_OUT_LOTS_BOUGHT_LATER,
    REFUSE_QUOTE_BEFORE_LICENSE,
    SHORTER_RENEWAL,
    SIX_MONTH_RULE_IN_OPEN_UPDATE,
    ShorterRenewal,
    add_months,
    chain_start,
    period_end,
)

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

    @cached_property
    def _index(self) -> dict[str, tuple[list[dt.date], list[Decimal]]]:
        out: dict[str, tuple[list[dt.date], list[Decimal]]] = {}
        for sku, entries in self.prices.items():
            ordered = sorted(entries)
            out[sku] = ([d for d, _ in ordered], [p for _, p in ordered])
        return out

    def price_on(self, sku: str, day: dt.date) -> Decimal:
        """The price in force on ``day`` (the latest one taking effect on or before it)."""
        days, amounts = self._index.get(sku, ([], []))
        i = bisect.bisect_right(days, day)
        if i == 0:
            raise DomainError("no_price", sku=sku, day=day.isoformat())
        return amounts[i - 1]


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
    #: The stored first day of the current subscription/warranty period (None: unknown,
    #: see terms.DERIVE_UNKNOWN_START_FROM_ACTIVATION). Never reconstructed from the end.
    period_start: dt.date | None = None
    #: The store of the license's device (the forecast's breakdown by store).
    store: str | None = None


@dataclass(frozen=True)
class ModuleLine:
    """One printed module line: ``amount`` = seats × unit_price × percent, rounded once
    (zero when deferred)."""

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
    amount: Money  # Mobile SMARTS: unit_price × percent; enova365: sum of module amounts
    modules: tuple[ModuleLine, ...] = field(default_factory=tuple)
    days_added: int = 0  # days the period gains (0: the renewal adds nothing)
    unit_price: Decimal | None = None  # Mobile SMARTS: the license's list price that day


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
    shared by the quote, the activation of a renewal code and the authority.

    After the renewal the license's period is ``new_start`` .. ``new_end`` (store both).
    ``new_end`` is never before the current end.
    """

    kind: RenewalKind
    percent: Decimal
    new_start: dt.date
    new_end: dt.date
    days_forfeited: int  # paid days that duplicate days already covered
    lossless_date: dt.date  # the purchase day that forfeits nothing and leaves no gap
    gap_days: int  # days without a subscription when bought this late
    days_added: int  # days the period gains over the current end (or over the day before)

    @property
    def extends(self) -> bool:
        """False when the period stays as it was (an early renewal that adds nothing)."""
        return self.days_added > 0


def renewal_period(
    line: str,
    current_end: dt.date | None,
    on: dt.date,
    months: int = RENEWAL_TERM_MONTHS,
    *,
    license_id: int = 0,
    period_start: dt.date | None = None,
    activated_on: dt.date | None = None,
) -> RenewalPeriod:
    """The new period of a renewal bought (or activated) on ``on``, by the line's rule.

    Mobile SMARTS: the renewal runs from the day it is issued; days left are forfeited;
    a renewal that would end before the current end keeps the later end
    (terms.SHORTER_RENEWAL). enova365: while the warranty runs (on or before its last
    day) an on-time update follows on from the old end; afterwards an open update runs
    from the purchase day. ``period_start`` is the stored start of the current period
    (kept when the period does not change); ``activated_on`` refuses days before the
    license existed (terms.REFUSE_QUOTE_BEFORE_LICENSE).
    """
    if months < 1:
        raise DomainError("bad_months", value=months)
    if REFUSE_QUOTE_BEFORE_LICENSE and activated_on is not None and on < activated_on:
        raise DomainError(
            "quote_before_license",
            license_id=license_id,
            day=on.isoformat(),
            activated_on=activated_on.isoformat(),
        )
    if line == ProductLine.ENOVA365:
        if current_end is None:
            raise DomainError("no_warranty", license_id=license_id)
        if on <= current_end:
            kind, pct, start = RenewalKind.ON_TIME, ENOVA_ON_TIME_PERCENT, current_end + ONE_DAY
        else:
            kind, pct, start = RenewalKind.OPEN, ENOVA_OPEN_PERCENT, on
        new_end = period_end(start, months)
        return RenewalPeriod(
            kind=kind,
            percent=pct,
            new_start=start,
            new_end=new_end,
            days_forfeited=0,  # the new period follows on: nothing is lost while it runs
            lossless_date=current_end,
            gap_days=max(0, (on - current_end).days - 1),
            days_added=(new_end - max(current_end, on - ONE_DAY)).days,
        )
    lossless = current_end + ONE_DAY if current_end else on
    gap = max(0, (on - lossless).days)
    renewal_end = renewed_end(on, months)
    if current_end is None or renewal_end > current_end:
        return RenewalPeriod(
            kind=RenewalKind.SUBSCRIPTION,
            percent=MOBILE_SMARTS_RENEWAL_PERCENT,
            new_start=on,
            new_end=renewal_end,
            days_forfeited=days_forfeited(current_end, on),
            lossless_date=lossless,
            gap_days=gap,
            days_added=(renewal_end - max(current_end or on - ONE_DAY, on - ONE_DAY)).days,
        )
    if SHORTER_RENEWAL is ShorterRenewal.REFUSE:
        raise DomainError(
            "renewal_shortens",
            license_id=license_id,
            new_end=renewal_end.isoformat(),
            current_end=current_end.isoformat(),
        )
    # KEEP_LATER_END: the period stays as it was; every day of the renewal is forfeited.
    return RenewalPeriod(
        kind=RenewalKind.SUBSCRIPTION,
        percent=MOBILE_SMARTS_RENEWAL_PERCENT,
        new_start=period_start if period_start is not None and period_start <= on else on,
        new_end=current_end,
        days_forfeited=(renewal_end - on).days + 1,
        lossless_date=lossless,
        gap_days=0,
        days_added=0,
    )


def license_renewal(
    facts: LicenseFacts, on: dt.date, months: int = RENEWAL_TERM_MONTHS
) -> RenewalPeriod:
    """What activating a renewal of ``months`` on ``on`` does to this license: the same
    call the quote makes, so activation == quote by construction.

    Refusals about the period (``quote_before_license``, ``no_warranty``, and
    ``renewal_shortens`` under the REFUSE policy) are shared with the quote. Refusals
    about the price (``no_price``, ``period_start_unknown``, ``renew_free_license``) are
    the quote's alone: a renewal code has been paid for already. When
    ``result.extends`` is False the license keeps its end and its stored start.
    """
    return renewal_period(
        facts.line,
        facts.subscription_end,
        on,
        months,
        license_id=facts.license_id,
        period_start=facts.period_start,
        activated_on=facts.activated_on,
    )


def quote_mobile_smarts(facts: LicenseFacts, on: dt.date, prices: PriceList) -> QuoteLine:
    if facts.device_code is None:
        raise DomainError("renew_free_license", license_id=facts.license_id)
    period = license_renewal(facts, on)
    price = prices.price_on(facts.product_sku, on)
    amount = Money(price, facts.currency).percent(period.percent)
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
        days_added=period.days_added,
        unit_price=price,
    )


def six_month_cutoff(period_start: dt.date) -> dt.date:
    """First purchase day NOT charged in the coming update (interpretation).

    "Modules bought after the sixth month from the start of the previous warranty
    period are not charged": with a period from 1 March, March to August are the six
    months (seed example), so a lot bought on 31 August is charged and one bought on
    1 September is deferred to the next update.
    """
    return add_months(period_start, ENOVA_CHARGED_MONTHS)


def current_period_start(facts: LicenseFacts) -> dt.date:
    """The stored start of the current period, else the one derived forwards from the
    activation (terms.DERIVE_UNKNOWN_START_FROM_ACTIVATION); never from the end."""
    if facts.period_start is not None:
        return facts.period_start
    derived = chain_start(facts.activated_on, facts.subscription_end, RENEWAL_TERM_MONTHS)
    if derived is None:
        raise DomainError("period_start_unknown", license_id=facts.license_id)
    return derived


def module_lines(
    lots: tuple[Lot, ...],
    on: dt.date,
    prices: PriceList,
    currency: str,
    percent: Decimal,
    *,
    cutoff: dt.date | None,
    restore: bool,
) -> tuple[ModuleLine, ...]:
    """The printed module lines of an enova365 update bought on ``on``.

    Lots are merged per (module, deferred, restored) first (Handel×1 + Handel×2 ->
    Handel×3); each merged line's amount is then seats × list price × percent, rounded
    once. ``cutoff`` is the first purchase day not charged (None: every lot charged).
    """
    names: dict[tuple[str, bool, bool], str] = {}
    seats: dict[tuple[str, bool, bool], int] = {}
    for lot in lots:
        if LEAVE_OUT_LOTS_BOUGHT_LATER and lot.purchased_on > on:
            continue  # did not exist on the quote day
        dropped = lot.dropped_on is not None and lot.dropped_on <= on
        if dropped and not restore:
            continue
        deferred = cutoff is not None and lot.purchased_on >= cutoff
        key = (lot.module_sku, deferred, dropped)
        names.setdefault(key, lot.module_name)
        seats[key] = seats.get(key, 0) + lot.seats
    out = []
    zero = Money(Decimal(0), currency)
    for key, n in seats.items():
        sku, deferred, restored = key
        unit = prices.price_on(sku, on)
        amount = zero if deferred else Money(unit * n, currency).percent(percent)
        out.append(ModuleLine(sku, names[key], n, unit, amount, deferred, restored))
    return tuple(out)


def quote_enova(
    facts: LicenseFacts, on: dt.date, prices: PriceList, *, restore_dropped: bool = False
) -> QuoteLine:
    period = license_renewal(facts, on)
    end = facts.subscription_end
    assert end is not None  # license_renewal refused a license without a warranty end
    kind, pct = period.kind, period.percent
    uses_cutoff = kind is RenewalKind.ON_TIME or SIX_MONTH_RULE_IN_OPEN_UPDATE
    cutoff = six_month_cutoff(current_period_start(facts)) if uses_cutoff else None
    restore = restore_dropped and kind is RenewalKind.OPEN
    modules = module_lines(
        facts.lots, on, prices, facts.currency, pct, cutoff=cutoff, restore=restore
    )
    total = Money(Decimal(0), facts.currency)
    for m in modules:
        total = total + m.amount
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
        modules=modules,
        days_added=period.days_added,
    )


def quote_line(
    facts: LicenseFacts, on: dt.date, prices: PriceList, *, restore_dropped: bool = False
) -> QuoteLine:
    """The policy of the product's line."""
    if facts.line == ProductLine.ENOVA365:
        return quote_enova(facts, on, prices, restore_dropped=restore_dropped)
    return quote_mobile_smarts(facts, on, prices)


def totals(lines: list[QuoteLine]) -> dict[str, Money]:
    """Per currency, the sum of the printed line amounts."""
    out: dict[str, Money] = {}
    for line in lines:
        cur = line.amount.currency
        out[cur] = out[cur] + line.amount if cur in out else line.amount
    return out
