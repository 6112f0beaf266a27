"""What renewing every license on time costs, month by month (DOMAIN.md §1, §2).

Pure and exact. Every renewal inside the window [first day of this month, + N
months) is counted, repeating each year: Mobile SMARTS on the day after the
subscription ends, enova365 on the last warranty day (terms.FORECAST_*), each at the
price list in force on its own day, through the same rules a quote uses
(:func:`renewal.renewal_period`, :func:`renewal.quote_enova`). A license whose
on-time day has passed renews today. enova365 lots deferred by the six-month rule
are left out of the coming update and join the next year's base.

Scale: a Mobile SMARTS renewal's amount depends only on the product and the day, so
the caller aggregates those licenses in SQL into :class:`Cohort` rows
``(product_sku, line, currency, subscription_end, store, count)``; the work here is
then proportional to the number of cohorts, not of licenses. enova365 licenses
(few, each with its own module lots) come one by one as ``LicenseFacts``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, replace
from decimal import Decimal

from desktop.domain.catalog import ProductLine
from desktop.domain.errors import DomainError
from desktop.domain.money import Money
from desktop.domain.renewal import (
    MOBILE_SMARTS_RENEWAL_PERCENT,
    LicenseFacts,
    PriceList,
    quote_enova,
    renewal_period,
)
from desktop.domain.terms import (
    FORECAST_ENOVA_DAYS_AFTER_END,
    FORECAST_MS_DAYS_AFTER_END,
    SUBSCRIPTION_TERM_MONTHS,
    add_months,
)

MAX_FORECAST_MONTHS = 60


@dataclass(frozen=True, slots=True)
class Cohort:
    """Mobile SMARTS licenses of one product, store and end date (a SQL GROUP BY row)."""

    product_sku: str
    line: str
    currency: str
    subscription_end: dt.date
    store: str | None
    count: int


@dataclass(frozen=True, slots=True)
class ForecastCell:
    month: dt.date  # first day of the month
    store: str | None
    currency: str
    amount: Money
    renewals: int


@dataclass(frozen=True, slots=True)
class MonthTotals:
    month: dt.date
    totals: dict[str, Money]
    renewals: int


@dataclass(frozen=True, slots=True)
class StoreMonthTotals:
    month: dt.date
    store: str | None  # None: devices without a store
    totals: dict[str, Money]
    renewals: int


@dataclass(frozen=True, slots=True)
class LeftOut:
    """An enova365 license the forecast could not price (e.g. ``period_start_unknown``)."""

    license_id: int
    code: str


@dataclass(frozen=True)
class Forecast:
    first_month: dt.date
    months: int
    cells: tuple[ForecastCell, ...]  # ordered by month, store (None first), currency
    left_out: tuple[LeftOut, ...] = ()

    def month_starts(self) -> list[dt.date]:
        return [add_months(self.first_month, i) for i in range(self.months)]

    def by_month(self) -> list[MonthTotals]:
        """Every month of the window (empty ones too), all stores together."""
        totals: dict[dt.date, dict[str, Money]] = {}
        counts: dict[dt.date, int] = {}
        for c in self.cells:
            bucket = totals.setdefault(c.month, {})
            bucket[c.currency] = bucket[c.currency] + c.amount if c.currency in bucket else c.amount
            counts[c.month] = counts.get(c.month, 0) + c.renewals
        return [MonthTotals(m, totals.get(m, {}), counts.get(m, 0)) for m in self.month_starts()]

    def by_store(self) -> list[StoreMonthTotals]:
        """One row per month and store that has renewals, in month then store order."""
        rows: dict[tuple[dt.date, str | None], StoreMonthTotals] = {}
        for c in self.cells:
            key = (c.month, c.store)
            row = rows.get(key)
            if row is None:
                rows[key] = StoreMonthTotals(c.month, c.store, {c.currency: c.amount}, c.renewals)
            else:
                row.totals[c.currency] = (
                    row.totals[c.currency] + c.amount if c.currency in row.totals else c.amount
                )
                rows[key] = StoreMonthTotals(
                    c.month, c.store, row.totals, row.renewals + c.renewals
                )
        return list(rows.values())

    def totals(self) -> dict[str, Money]:
        out: dict[str, Money] = {}
        for c in self.cells:
            out[c.currency] = out[c.currency] + c.amount if c.currency in out else c.amount
        return out


def check_months(months: int) -> int:
    if not 1 <= months <= MAX_FORECAST_MONTHS:
        raise DomainError("bad_months", value=months)
    return months


def _ms_schedule(
    sku: str, currency: str, day: dt.date, horizon: dt.date, prices: PriceList
) -> list[tuple[dt.date, int]]:
    """(month, amount per license in minor units) of each renewal from ``day`` on: each
    at the price of its day, the next one on the day after the end the quote gives."""
    out = []
    lossless = dt.timedelta(days=FORECAST_MS_DAYS_AFTER_END)
    while day < horizon:
        price = prices.price_on(sku, day)
        out.append(
            (
                day.replace(day=1),
                Money(price, currency).percent(MOBILE_SMARTS_RENEWAL_PERCENT).minor,
            )
        )
        period = renewal_period(
            ProductLine.MOBILE_SMARTS, day - lossless, day, SUBSCRIPTION_TERM_MONTHS
        )
        day = period.new_end + lossless
    return out


def renewal_forecast(
    cohorts: Iterable[Cohort],
    enova: Iterable[LicenseFacts],
    prices: PriceList,
    today: dt.date,
    months: int,
) -> Forecast:
    """Every on-time renewal in [first day of today's month, + ``months``), per month,
    store and currency (see the module docstring)."""
    check_months(months)
    first = today.replace(day=1)
    horizon = add_months(first, months)
    # (month, store, currency) -> [amount in minor units, renewals]
    acc: dict[tuple[dt.date, str | None, str], list[int]] = {}

    def add(day: dt.date, store: str | None, currency: str, minor: int, n: int) -> None:
        key = (day.replace(day=1), store, currency)
        cell = acc.get(key)
        if cell is None:
            acc[key] = [minor, n]
        else:
            cell[0] += minor
            cell[1] += n

    # Mobile SMARTS: a license's renewal days and amounts depend only on its product and
    # its first on-time day, so each such schedule is computed once and shared by every
    # cohort that starts on that day (the loop below is the hot path at a million rows).
    schedules: dict[tuple[str, str, dt.date], list[tuple[dt.date, int]]] = {}
    ms_lossless = dt.timedelta(days=FORECAST_MS_DAYS_AFTER_END)
    for cohort in cohorts:
        if cohort.line != ProductLine.MOBILE_SMARTS:
            raise ValueError(f"cohorts are for Mobile SMARTS only, got {cohort.line}")
        first_day = max(cohort.subscription_end + ms_lossless, today)
        skey = (cohort.product_sku, cohort.currency, first_day)
        schedule = schedules.get(skey)
        if schedule is None:
            schedule = schedules[skey] = _ms_schedule(
                cohort.product_sku, cohort.currency, first_day, horizon, prices
            )
        store, currency, n = cohort.store, cohort.currency, cohort.count
        for month, minor in schedule:
            key = (month, store, currency)
            cell = acc.get(key)
            if cell is None:
                acc[key] = [minor * n, n]
            else:
                cell[0] += minor * n
                cell[1] += n

    left_out: list[LeftOut] = []
    enova_lossless = dt.timedelta(days=FORECAST_ENOVA_DAYS_AFTER_END)
    for facts in enova:
        if facts.subscription_end is None:
            continue
        current = facts
        day = max(facts.subscription_end + enova_lossless, today)
        found: list[tuple[dt.date, Decimal]] = []
        try:
            while day < horizon:
                line = quote_enova(current, day, prices)
                found.append((day, line.amount.amount))
                current = replace(
                    current, subscription_end=line.new_end, period_start=line.new_start
                )
                day = line.new_end + enova_lossless
        except DomainError as err:
            if err.code == "no_price":
                raise
            left_out.append(LeftOut(facts.license_id, err.code))
            continue
        for day, amount in found:
            add(day, facts.store, facts.currency, Money(amount, facts.currency).minor, 1)

    cells = tuple(
        ForecastCell(month, store, cur, Money.from_minor(v[0], cur), v[1])
        for (month, store, cur), v in sorted(
            acc.items(), key=lambda kv: (kv[0][0], kv[0][1] is not None, kv[0][1] or "", kv[0][2])
        )
    )
    return Forecast(first, months, cells, tuple(left_out))
