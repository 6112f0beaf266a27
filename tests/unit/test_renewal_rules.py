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
    license_renewal,
    quote_enova,
    quote_line,
    quote_mobile_smarts,
    renewal_period,
    six_month_cutoff,
    totals,
)
from desktop.domain.terms import ShorterRenewal, add_months, chain_start, period_end

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


def enova(
    start: dt.date,
    end: dt.date,
    *lots: Lot,
    period_start: dt.date | None = None,
    activated_on: dt.date | None = None,
) -> LicenseFacts:
    return LicenseFacts(
        9,
        "ENOVA",
        "enova365",
        "enova365",
        "PLN",
        None,
        "PC",
        activated_on or start,
        end,
        tuple(lots),
        period_start=period_start,
    )


class TestRenewalFollowsTheLine:
    """Item 1: an enova365 renewal applies the enova rules, not the Mobile SMARTS one."""

    def test_enova_on_time_activation_follows_on_from_the_old_end(self) -> None:
        facts = seed_enova()
        period = license_renewal(facts, D(2014, 1, 15), 12)
        assert period.kind is RenewalKind.ON_TIME
        assert (period.new_start, period.new_end) == (D(2014, 3, 1), D(2015, 2, 28))
        assert period.days_forfeited == 0
        # The Mobile SMARTS rule would have run from the activation day and lost 45 days.
        ms_rule = renewal_period("mobile-smarts", facts.subscription_end, D(2014, 1, 15))
        assert ms_rule.new_end == D(2015, 1, 14) and ms_rule.days_forfeited == 45

    def test_enova_open_activation_runs_from_the_purchase_day(self) -> None:
        period = license_renewal(seed_enova(), D(2014, 6, 2), 12)
        assert period.kind is RenewalKind.OPEN
        assert (period.new_start, period.new_end) == (D(2014, 6, 2), D(2015, 6, 1))
        assert period.gap_days == 93

    def test_activation_equals_the_quote_of_the_day(self) -> None:
        cases = [
            (seed_enova(), (D(2013, 6, 1), D(2014, 2, 28), D(2014, 3, 1), D(2015, 1, 1))),
            (ms(D(2026, 12, 31)), (D(2025, 6, 1), D(2026, 12, 31), D(2027, 1, 1), D(2027, 9, 9))),
        ]
        for facts, days in cases:
            for day in days:
                q = quote_line(facts, day, PRICES)
                a = license_renewal(facts, day)
                assert (q.kind, q.new_start, q.new_end, q.days_forfeited, q.days_added) == (
                    a.kind,
                    a.new_start,
                    a.new_end,
                    a.days_forfeited,
                    a.days_added,
                )


class TestPeriodsKeepTheirStart:
    """Item 4: the six-month cutoff counts from the stored start, never from the end."""

    def test_start_on_29_february(self) -> None:
        start, end = D(2024, 2, 29), D(2025, 2, 27)
        assert period_end(start, 12) == end
        # Reconstructing the start from the end would say 28 February.
        assert add_months(end + dt.timedelta(days=1), -12) == D(2024, 2, 28)
        charged = enova(start, end, Lot("H", "Handel", 1, D(2024, 8, 28)), period_start=start)
        deferred = enova(start, end, Lot("H", "Handel", 1, D(2024, 8, 29)), period_start=start)
        assert not quote_enova(charged, D(2025, 2, 1), PRICES).modules[0].deferred
        assert quote_enova(deferred, D(2025, 2, 1), PRICES).modules[0].deferred

    def test_month_end_start(self) -> None:
        # An open update bought on 31 March: the six months run to 29 September.
        start, end = D(2025, 3, 31), D(2026, 3, 30)
        assert six_month_cutoff(start) == D(2025, 9, 30)
        lots = (Lot("H", "Handel", 1, D(2025, 9, 29)), Lot("KP", "Kadry", 1, D(2025, 9, 30)))
        line = quote_enova(enova(D(2020, 1, 1), end, *lots, period_start=start), end, PRICES)
        assert [(m.module_sku, m.deferred) for m in line.modules] == [("H", False), ("KP", True)]
        # 31 August start: the cutoff clamps to the end of February.
        assert six_month_cutoff(D(2025, 8, 31)) == D(2026, 2, 28)

    def test_stored_start_wins_over_the_activation_chain(self) -> None:
        # Activated 1 March 2013, but the current period started with an open update.
        facts = enova(
            D(2013, 3, 1),
            D(2015, 5, 19),
            Lot("H", "Handel", 1, D(2014, 11, 19)),
            Lot("KP", "Kadry", 1, D(2014, 11, 20)),
            period_start=D(2014, 5, 20),
        )
        line = quote_enova(facts, D(2015, 5, 1), PRICES)
        assert [(m.module_sku, m.deferred) for m in line.modules] == [("H", False), ("KP", True)]

    def test_unknown_start_is_derived_forwards_from_the_activation(self) -> None:
        # Activated on 29 February 2024 and renewed on time twice.
        assert chain_start(D(2024, 2, 29), D(2025, 2, 27)) == D(2024, 2, 29)
        assert chain_start(D(2024, 2, 29), D(2027, 2, 27)) == D(2026, 2, 28)
        facts = enova(D(2024, 2, 29), D(2025, 2, 27), Lot("H", "Handel", 1, D(2024, 8, 28)))
        assert not quote_enova(facts, D(2025, 2, 1), PRICES).modules[0].deferred

    def test_unknown_start_off_the_chain_is_refused(self) -> None:
        facts = enova(D(2024, 2, 29), D(2027, 5, 9), Lot("H", "Handel", 1, D(2024, 3, 1)))
        assert chain_start(D(2024, 2, 29), D(2027, 5, 9)) is None
        with pytest.raises(DomainError) as err:
            quote_enova(facts, D(2027, 5, 1), PRICES)
        assert err.value.code == "period_start_unknown"

    def test_renewal_keeps_the_stored_start_when_nothing_changes(self) -> None:
        facts = LicenseFacts(
            3, "MS-EGAIS-CHM", "ЕГАИС", "mobile-smarts", "RUB", None, "CP30-1-1",
            D(2024, 2, 29), D(2026, 2, 27), period_start=D(2024, 2, 29),
        )  # fmt: skip
        period = license_renewal(facts, D(2024, 3, 10), 12)  # a year early: adds nothing
        assert (period.new_start, period.new_end, period.extends) == (
            D(2024, 2, 29),
            D(2026, 2, 27),
            False,
        )


class TestQuotesNeverMakeThingsWorse:
    """Item 5: no quote before the license existed; nothing is ever shortened."""

    def test_quote_before_the_license_was_activated_is_refused(self) -> None:
        lic = LicenseFacts(
            1, "MS-EGAIS-CHM", "ЕГАИС", "mobile-smarts", "RUB", None, "CP30-1-1",
            D(2026, 3, 1), D(2027, 2, 28),
        )  # fmt: skip
        for facts in (lic, seed_enova()):
            day = facts.activated_on - dt.timedelta(days=1)
            with pytest.raises(DomainError) as err:
                quote_line(facts, day, PRICES)
            assert err.value.code == "quote_before_license"
            assert err.value.params["activated_on"] == facts.activated_on.isoformat()
            with pytest.raises(DomainError):
                license_renewal(facts, day)
        assert quote_line(lic, D(2026, 3, 1), PRICES).new_end == D(2027, 2, 28)

    def test_lots_bought_after_the_quote_day_are_left_out(self) -> None:
        line = quote_enova(seed_enova(), D(2013, 7, 1), PRICES)
        assert {(m.module_sku, m.seats) for m in line.modules} == {("KH", 1), ("H", 3)}
        assert line.amount == Money(Decimal("1569.00"), "PLN")
        early = quote_enova(seed_enova(), D(2013, 5, 1), PRICES)
        assert {(m.module_sku, m.seats) for m in early.modules} == {("KH", 1), ("H", 1)}

    def test_an_early_mobile_smarts_renewal_keeps_the_later_end(self) -> None:
        # A two-year subscription: a one-year renewal issued now would end earlier.
        lic = ms(D(2028, 6, 30))
        line = quote_mobile_smarts(lic, D(2026, 6, 1), PRICES)
        assert line.new_end == D(2028, 6, 30) and line.days_added == 0
        assert line.days_forfeited == 365  # every day of the renewal duplicates paid days
        assert line.amount == Money(Decimal("3980.00"), "RUB")  # the price is still due

    def test_a_short_code_never_shortens(self) -> None:
        period = renewal_period("mobile-smarts", D(2026, 12, 31), D(2026, 6, 1), 1)
        assert period.new_end == D(2026, 12, 31) and not period.extends
        longer = renewal_period("mobile-smarts", D(2026, 6, 15), D(2026, 6, 1), 1)
        assert longer.new_end == D(2026, 6, 30) and longer.days_added == 15

    def test_the_refuse_policy_names_its_error(self, monkeypatch: pytest.MonkeyPatch) -> None:
        from desktop.domain import renewal

        monkeypatch.setattr(renewal, "SHORTER_RENEWAL", ShorterRenewal.REFUSE)
        with pytest.raises(DomainError) as err:
            renewal_period("mobile-smarts", D(2028, 6, 30), D(2026, 6, 1))
        assert err.value.code == "renewal_shortens"


class TestMoneyAsPrinted:
    """Item 6: a printed line's amount follows from the figures printed on it."""

    def test_merged_module_is_rounded_once(self) -> None:
        prices = PriceList({"H": [(D(2010, 1, 1), Decimal("10.05"))]})
        facts = seed_enova(
            Lot("H", "Handel", 1, D(2013, 3, 1)), Lot("H", "Handel", 2, D(2013, 6, 15))
        )
        line = quote_enova(facts, D(2014, 2, 10), prices)
        (handel,) = line.modules
        assert (handel.seats, handel.unit_price) == (3, Decimal("10.05"))
        # 3 × 10.05 × 15 % = 4.5225 -> 4.52 (rounding per lot would print 1.51 + 3.02 = 4.53)
        assert handel.amount == Money(Decimal("4.52"), "PLN") == line.amount

    def test_line_and_totals_are_sums_of_printed_amounts(self) -> None:
        line = quote_enova(seed_enova(), D(2014, 2, 10), PRICES)
        printed = sum((m.amount.amount for m in line.modules), Decimal(0))
        assert line.amount.amount == printed == Decimal("1569.00")
        ms_line = quote_mobile_smarts(ms(D(2026, 12, 31)), D(2026, 12, 1), PRICES)
        assert ms_line.unit_price == Decimal(19900)
        assert totals([line, ms_line, line])["PLN"].amount == Decimal("3138.00")
