"""Renewal policies: the seeds' figures and the edges (DOMAIN.md §1, §2)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from desktop.domain.errors import DomainError
from desktop.domain.money import Money
from desktop.domain.renewal import (
    LicenseFacts,
    Lot,
    PriceList,
    RenewalKind,
    quote_enova,
    quote_line,
    quote_mobile_smarts,
    six_month_cutoff,
    totals,
)

D = dt.date
PRICES = PriceList(
    {
        "MS-EGAIS-CHM": [(D(2020, 1, 1), Decimal(19900))],
        "MS-STORE15-BASE": [(D(2020, 1, 1), Decimal(24900)), (D(2026, 7, 1), Decimal(26900))],
        "KH": [(D(2010, 1, 1), Decimal("2990.00"))],
        "H": [(D(2010, 1, 1), Decimal("2490.00"))],
        "KP": [(D(2010, 1, 1), Decimal("3490.00"))],
    }
)


def ms(end: dt.date | None, sku: str = "MS-EGAIS-CHM", device: str | None = "CP30-1-1"):  # noqa: ANN201
    return LicenseFacts(1, sku, "ЕГАИС", "mobile-smarts", "RUB", f"SSY1-{sku}", device, None, end)


def seed_enova(*lots: Lot) -> LicenseFacts:
    lots = lots or (
        Lot("KH", "Księga Handlowa", 1, D(2013, 3, 1)),
        Lot("H", "Handel", 1, D(2013, 3, 1)),
        Lot("H", "Handel", 2, D(2013, 6, 15)),
        Lot("KP", "Kadry Płace", 1, D(2013, 10, 10)),
    )
    return LicenseFacts(
        7,
        "ENOVA",
        "enova365",
        "enova365",
        "PLN",
        None,
        "PC",
        D(2013, 3, 1),
        D(2014, 2, 28),
        tuple(lots),
    )


class TestMobileSmarts:
    def test_seed_figure_3980_rub(self) -> None:
        line = quote_mobile_smarts(ms(D(2026, 12, 31)), D(2026, 12, 1), PRICES)
        assert line.amount == Money(Decimal("3980.00"), "RUB")
        assert line.sku == "SSY1-MS-EGAIS-CHM" and line.kind is RenewalKind.SUBSCRIPTION

    def test_renewal_runs_a_year_from_issue_and_forfeits_days(self) -> None:
        line = quote_mobile_smarts(ms(D(2026, 12, 31)), D(2026, 12, 1), PRICES)
        assert line.new_start == D(2026, 12, 1) and line.new_end == D(2027, 11, 30)
        assert line.days_forfeited == 31  # 1..31 December were already paid
        assert line.lossless_date == D(2027, 1, 1) and line.gap_days == 0

    def test_on_the_end_day_and_after(self) -> None:
        end = D(2026, 12, 31)
        assert quote_mobile_smarts(ms(end), end, PRICES).days_forfeited == 1
        day_after = quote_mobile_smarts(ms(end), D(2027, 1, 1), PRICES)
        assert day_after.days_forfeited == 0 and day_after.gap_days == 0
        late = quote_mobile_smarts(ms(end), D(2027, 1, 11), PRICES)
        assert late.gap_days == 10 and late.amount.amount == Decimal("3980.00")

    def test_price_list_valid_on_the_quote_date(self) -> None:
        lic = ms(D(2026, 8, 1), sku="MS-STORE15-BASE")
        assert quote_mobile_smarts(lic, D(2026, 6, 30), PRICES).amount.amount == Decimal("4980.00")
        assert quote_mobile_smarts(lic, D(2026, 7, 1), PRICES).amount.amount == Decimal("5380.00")

    def test_leap_day_issue(self) -> None:
        line = quote_mobile_smarts(ms(D(2028, 3, 1)), D(2028, 2, 29), PRICES)
        assert line.new_end == D(2029, 2, 27)

    def test_free_license_cannot_be_renewed(self) -> None:
        with pytest.raises(DomainError) as err:
            quote_mobile_smarts(ms(None, device=None), D(2026, 1, 1), PRICES)
        assert err.value.code == "renew_free_license"

    def test_missing_price(self) -> None:
        with pytest.raises(DomainError) as err:
            quote_mobile_smarts(ms(D(2026, 1, 1), sku="X"), D(2026, 1, 1), PRICES)
        assert err.value.code == "no_price"


class TestEnova:
    def test_seed_worked_example(self) -> None:
        line = quote_enova(seed_enova(), D(2014, 2, 10), PRICES)
        assert line.kind is RenewalKind.ON_TIME and line.percent == 15
        charged = {(m.module_name, m.seats) for m in line.modules if not m.deferred}
        deferred = {(m.module_name, m.seats) for m in line.modules if m.deferred}
        assert charged == {("Księga Handlowa", 1), ("Handel", 3)}
        assert deferred == {("Kadry Płace", 1)}
        # 15 % of (2990 + 3 × 2490)
        assert line.amount == Money(Decimal("1569.00"), "PLN")
        assert (line.new_start, line.new_end) == (D(2014, 3, 1), D(2015, 2, 28))

    def test_last_day_of_warranty_is_on_time(self) -> None:
        line = quote_enova(seed_enova(), D(2014, 2, 28), PRICES)
        assert line.kind is RenewalKind.ON_TIME and line.new_start == D(2014, 3, 1)

    def test_first_day_of_13th_month_is_open_from_purchase_day(self) -> None:
        line = quote_enova(seed_enova(), D(2014, 3, 1), PRICES)
        assert line.kind is RenewalKind.OPEN and line.percent == 30
        assert (line.new_start, line.new_end) == (D(2014, 3, 1), D(2015, 2, 28))
        later = quote_enova(seed_enova(), D(2014, 5, 20), PRICES)
        assert (later.new_start, later.new_end) == (D(2014, 5, 20), D(2015, 5, 19))
        assert later.amount == Money(Decimal("3138.00"), "PLN")  # 30 % of the same base

    def test_lot_at_the_end_of_the_sixth_month(self) -> None:
        assert six_month_cutoff(D(2013, 3, 1)) == D(2013, 9, 1)
        last_charged = seed_enova(Lot("H", "Handel", 1, D(2013, 8, 31)))
        first_deferred = seed_enova(Lot("H", "Handel", 1, D(2013, 9, 1)))
        assert not quote_enova(last_charged, D(2014, 2, 1), PRICES).modules[0].deferred
        assert quote_enova(first_deferred, D(2014, 2, 1), PRICES).modules[0].deferred

    def test_leap_year_warranty(self) -> None:
        facts = LicenseFacts(
            1,
            "E",
            "e",
            "enova365",
            "PLN",
            None,
            "PC",
            D(2023, 3, 1),
            D(2024, 2, 29),
            (Lot("KH", "KH", 1, D(2023, 3, 1)),),
        )
        line = quote_enova(facts, D(2024, 2, 29), PRICES)
        assert line.kind is RenewalKind.ON_TIME
        assert (line.new_start, line.new_end) == (D(2024, 3, 1), D(2025, 2, 28))

    def test_open_update_restores_dropped_modules_without_extending(self) -> None:
        facts = seed_enova(
            Lot("KH", "KH", 1, D(2013, 3, 1)),
            Lot("KP", "Kadry", 1, D(2013, 3, 1), dropped_on=D(2013, 12, 1)),
        )
        plain = quote_enova(facts, D(2014, 4, 1), PRICES)
        assert [m.module_sku for m in plain.modules] == ["KH"]
        restored = quote_enova(facts, D(2014, 4, 1), PRICES, restore_dropped=True)
        assert {m.module_sku for m in restored.modules} == {"KH", "KP"}
        assert next(m for m in restored.modules if m.module_sku == "KP").restored
        assert restored.new_end == plain.new_end
        on_time = quote_enova(facts, D(2014, 2, 1), PRICES, restore_dropped=True)
        assert [m.module_sku for m in on_time.modules] == ["KH"]  # only the open update restores


def test_policy_follows_the_line_and_totals_per_currency() -> None:
    lines = [
        quote_line(ms(D(2026, 12, 31)), D(2026, 12, 1), PRICES),
        quote_line(seed_enova(), D(2014, 2, 10), PRICES),
    ]
    assert [line.kind for line in lines] == [RenewalKind.SUBSCRIPTION, RenewalKind.ON_TIME]
    assert totals(lines) == {
        "RUB": Money(Decimal("3980.00"), "RUB"),
        "PLN": Money(Decimal("1569.00"), "PLN"),
    }
