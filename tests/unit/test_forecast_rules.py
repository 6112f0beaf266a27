"""The forecast covers its whole window (item 3): every yearly renewal, each at the
price list of its own day, enova365 deferred lots joining the next year's base, and a
breakdown by store."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.domain.errors import DomainError
from desktop.domain.forecast import Cohort, LeftOut, renewal_forecast
from desktop.domain.money import Money
from desktop.domain.renewal import LicenseFacts, Lot, PriceList, quote_line

D = dt.date
TODAY = D(2026, 11, 22)
PRICES = PriceList(
    {
        "MS-A": [(D(2020, 1, 1), Decimal("19900.00")), (D(2028, 1, 1), Decimal("21900.00"))],
        "MS-B": [(D(2020, 1, 1), Decimal("9900.00"))],
        "KH": [(D(2010, 1, 1), Decimal("2990.00"))],
        "H": [(D(2010, 1, 1), Decimal("2490.00"))],
        "KP": [(D(2010, 1, 1), Decimal("3490.00")), (D(2027, 6, 1), Decimal("3990.00"))],
    }
)


def cohort(end: dt.date, count: int = 1, store: str | None = "A", sku: str = "MS-A") -> Cohort:
    return Cohort(sku, "mobile-smarts", "RUB", end, store, count)


SEED_START = D(2026, 3, 1)


def seed_enova(start: dt.date = SEED_START, store: str | None = "Biuro") -> LicenseFacts:
    """The seed's worked example moved to the warranty year 2026/27."""
    y = start.year
    return LicenseFacts(
        7,
        "ENOVA",
        "enova365",
        "enova365",
        "PLN",
        None,
        "PC",
        start,
        D(y + 1, 2, 28),
        (
            Lot("KH", "Księga Handlowa", 1, start),
            Lot("H", "Handel", 1, start),
            Lot("H", "Handel", 2, D(y, 6, 15)),
            Lot("KP", "Kadry Płace", 1, D(y, 10, 10)),
        ),
        period_start=start,
        store=store,
    )


def months_with_renewals(f) -> list[tuple[str, int]]:  # noqa: ANN001
    return [(m.month.strftime("%Y-%m"), m.renewals) for m in f.by_month() if m.renewals]


def test_every_yearly_renewal_in_60_months() -> None:
    f = renewal_forecast([cohort(D(2026, 12, 10))], [], PRICES, TODAY, 60)
    assert [m.month for m in f.by_month()][0] == D(2026, 11, 1) and len(f.by_month()) == 60
    assert months_with_renewals(f) == [
        ("2026-12", 1),
        ("2027-12", 1),
        ("2028-12", 1),
        ("2029-12", 1),
        ("2030-12", 1),
    ]
    f24 = renewal_forecast([cohort(D(2026, 12, 10))], [], PRICES, TODAY, 24)
    assert months_with_renewals(f24) == [("2026-12", 1), ("2027-12", 1)]


def test_each_renewal_at_the_price_list_of_its_day() -> None:
    f = renewal_forecast([cohort(D(2026, 12, 10), count=3)], [], PRICES, TODAY, 36)
    amounts = {m.month.strftime("%Y-%m"): m.totals["RUB"] for m in f.by_month() if m.renewals}
    assert amounts == {
        "2026-12": Money(Decimal("11940.00"), "RUB"),  # 3 × 20 % of 19 900
        "2027-12": Money(Decimal("11940.00"), "RUB"),
        "2028-12": Money(Decimal("13140.00"), "RUB"),  # 3 × 20 % of 21 900 (from 2028)
    }


def test_each_renewal_is_what_the_quote_of_that_day_says() -> None:
    """The renewal days follow the quote's own new ends (29 February included)."""
    end = D(2028, 2, 28)
    f = renewal_forecast([cohort(end)], [], PRICES, D(2027, 1, 5), 60)
    days = []
    facts = LicenseFacts(1, "MS-A", "A", "mobile-smarts", "RUB", None, "CP30-1-1", None, end)
    day = end + dt.timedelta(days=1)
    total = Money(Decimal(0), "RUB")
    while day < D(2032, 1, 1):
        q = quote_line(facts, day, PRICES)
        assert q.days_forfeited == 0 and q.gap_days == 0
        days.append(day)
        total = total + q.amount
        facts = LicenseFacts(
            1, "MS-A", "A", "mobile-smarts", "RUB", None, "CP30-1-1", None, q.new_end
        )
        day = q.new_end + dt.timedelta(days=1)
    assert days == [D(2028, 2, 29), D(2029, 2, 28), D(2030, 2, 28), D(2031, 2, 28)]
    assert [m.month for m in f.by_month() if m.renewals] == [d.replace(day=1) for d in days]
    assert f.totals() == {"RUB": total}


def test_ended_licenses_renew_today_then_yearly() -> None:
    f = renewal_forecast([cohort(D(2026, 5, 1), count=2)], [], PRICES, TODAY, 24)
    assert months_with_renewals(f) == [("2026-11", 2), ("2027-11", 2)]


def test_enova_deferred_lots_join_the_next_years_base() -> None:
    f = renewal_forecast([], [seed_enova()], PRICES, TODAY, 24)
    rows = [(m.month, m.totals, m.renewals) for m in f.by_month() if m.renewals]
    assert rows == [
        # on-time on the last warranty day: KH×1 + Handel×3 at 15 % (Kadry Płace deferred)
        (D(2027, 2, 1), {"PLN": Money(Decimal("1569.00"), "PLN")}, 1),
        # the next year: Kadry Płace joins the base, at its price of that day (3 990)
        (D(2028, 2, 1), {"PLN": Money(Decimal("2167.50"), "PLN")}, 1),
    ]


def test_a_lapsed_enova_license_renews_today_with_an_open_update() -> None:
    lapsed = seed_enova(D(2025, 3, 1))  # warranty ended 28.02.2026
    f = renewal_forecast([], [lapsed], PRICES, TODAY, 24)
    rows = [(m.month, m.totals["PLN"]) for m in f.by_month() if m.renewals]
    # open update today at 30 % (the six-month rule still defers Kadry Płace), then an
    # on-time update on the last day of the period that starts today
    assert rows == [
        (D(2026, 11, 1), Money(Decimal("3138.00"), "PLN")),
        (D(2027, 11, 1), Money(Decimal("2167.50"), "PLN")),
    ]


def test_breakdown_by_store() -> None:
    f = renewal_forecast(
        [
            cohort(D(2026, 12, 1), 2, "Ленина"),
            cohort(D(2026, 12, 5), 1, "Садовая"),
            cohort(D(2026, 12, 9), 1, None),
            cohort(D(2026, 12, 9), 4, "Ленина", sku="MS-B"),
        ],
        [seed_enova(store="Ленина")],
        PRICES,
        TODAY,
        12,
    )
    rows = [(r.month.strftime("%Y-%m"), r.store, r.totals, r.renewals) for r in f.by_store()]
    assert rows == [
        ("2026-12", None, {"RUB": Money(Decimal("3980.00"), "RUB")}, 1),
        ("2026-12", "Ленина", {"RUB": Money(Decimal("15880.00"), "RUB")}, 6),
        ("2026-12", "Садовая", {"RUB": Money(Decimal("3980.00"), "RUB")}, 1),
        ("2027-02", "Ленина", {"PLN": Money(Decimal("1569.00"), "PLN")}, 1),
    ]
    by_month = {m.month: m for m in f.by_month()}
    assert by_month[D(2026, 12, 1)].renewals == 8
    assert by_month[D(2026, 12, 1)].totals == {"RUB": Money(Decimal("23840.00"), "RUB")}


def test_window_is_checked_and_unknown_starts_are_left_out_by_name() -> None:
    with pytest.raises(DomainError) as err:
        renewal_forecast([], [], PRICES, TODAY, 61)
    assert err.value.code == "bad_months"
    with pytest.raises(ValueError):
        renewal_forecast([Cohort("ENOVA", "enova365", "PLN", TODAY, None, 1)], [], PRICES, TODAY, 1)
    # Activated 1 March 2025, but the current period is an open update of unknown start.
    facts = seed_enova(D(2025, 3, 1))
    odd = LicenseFacts(
        8, "ENOVA", "enova365", "enova365", "PLN", None, "PC", D(2025, 3, 1), D(2027, 5, 9),
        facts.lots,
    )  # fmt: skip
    f = renewal_forecast([], [odd, seed_enova()], PRICES, TODAY, 12)
    assert f.left_out == (LeftOut(8, "period_start_unknown"),)
    assert sum(m.renewals for m in f.by_month()) == 1
    with pytest.raises(DomainError) as err:
        renewal_forecast([cohort(D(2026, 12, 1), sku="NOPE")], [], PRICES, TODAY, 12)
    assert err.value.code == "no_price"


@given(
    ends=st.lists(
        st.tuples(
            st.dates(min_value=D(2024, 1, 1), max_value=D(2031, 12, 31)),
            st.sampled_from(["A", "B", None]),
            st.sampled_from(["MS-A", "MS-B"]),
        ),
        max_size=12,
    ),
    today=st.dates(min_value=D(2025, 1, 1), max_value=D(2029, 12, 31)),
    months=st.integers(1, 60),
)
@settings(max_examples=150)
def test_cohorts_equal_license_by_license(
    ends: list[tuple[dt.date, str | None, str]], today: dt.date, months: int
) -> None:
    """Grouping licenses into cohorts (the SQL side) changes nothing; each license's
    renewals are exactly its quotes on its on-time days inside the window."""
    single = [cohort(e, 1, s, sku) for e, s, sku in ends]
    grouped: dict[tuple[dt.date, str | None, str], int] = {}
    for e, s, sku in ends:
        grouped[(e, s, sku)] = grouped.get((e, s, sku), 0) + 1
    many = [cohort(e, n, s, sku) for (e, s, sku), n in grouped.items()]
    a = renewal_forecast(single, [], PRICES, today, months)
    b = renewal_forecast(many, [], PRICES, today, months)
    assert a.cells == b.cells
    first = today.replace(day=1)
    horizon = first
    for _ in range(months):
        horizon = (horizon + dt.timedelta(days=32)).replace(day=1)
    expected = Money(Decimal(0), "RUB")
    count = 0
    for e, _s, sku in ends:
        facts = LicenseFacts(1, sku, "x", "mobile-smarts", "RUB", None, "CP30-1-1", None, e)
        day = max(e + dt.timedelta(days=1), today)
        while day < horizon:
            q = quote_line(facts, day, PRICES)
            expected, count = expected + q.amount, count + 1
            facts = LicenseFacts(
                1, sku, "x", "mobile-smarts", "RUB", None, "CP30-1-1", None, q.new_end
            )
            day = q.new_end + dt.timedelta(days=1)
    assert sum(m.renewals for m in a.by_month()) == count
    assert a.totals().get("RUB", Money(Decimal(0), "RUB")) == expected
    assert sum(r.renewals for r in a.by_store()) == count
