"""The domain rules at their edge days (DOMAIN.md; conventions in desktop/domain/terms.py)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop.domain.clock import FixedClock, parse_iso_date
from desktop.domain.demo import DemoReason, demo_verdict, release_allowed
from desktop.domain.errors import DomainError
from desktop.domain.money import Money
from desktop.domain.status import LicenseStatus, days_left, license_status
from desktop.domain.terms import add_months, period_end, subscription_end

D = dt.date


def status(end: dt.date | None, today: dt.date, threshold: int = 30, bound: bool = True):  # noqa: ANN201
    return license_status(bound=bound, subscription_end=end, today=today, threshold_days=threshold)


class TestTerm:
    def test_one_year_from_activation_last_covered_day(self) -> None:
        assert subscription_end(D(2025, 3, 1)) == D(2026, 2, 28)
        assert subscription_end(D(2025, 11, 22)) == D(2026, 11, 21)

    def test_enova_seed_period(self) -> None:
        # Warranty 01.03.2013 for 12 months; the 13th month starts on 01.03.2014.
        assert period_end(D(2013, 3, 1), 12) == D(2014, 2, 28)

    def test_leap_day_activation(self) -> None:
        # 29.02.2024 + 12 months clamps to 28.02.2025; the last covered day is the 27th.
        assert subscription_end(D(2024, 2, 29)) == D(2025, 2, 27)

    def test_period_over_a_leap_day(self) -> None:
        assert subscription_end(D(2023, 3, 1)) == D(2024, 2, 29)

    @pytest.mark.parametrize(
        ("start", "months", "expected"),
        [
            (D(2026, 1, 31), 1, D(2026, 2, 28)),
            (D(2024, 1, 31), 1, D(2024, 2, 29)),
            (D(2026, 3, 31), 1, D(2026, 4, 30)),
            (D(2026, 12, 15), 1, D(2027, 1, 15)),
            (D(2026, 5, 31), -3, D(2026, 2, 28)),
        ],
    )
    def test_month_ends_clamp(self, start: dt.date, months: int, expected: dt.date) -> None:
        assert add_months(start, months) == expected

    @given(st.dates(min_value=D(1990, 1, 1), max_value=D(2200, 1, 1)))
    def test_term_is_about_a_year(self, start: dt.date) -> None:
        end = subscription_end(start)
        assert 363 <= (end - start).days <= 365


class TestStatus:
    TODAY = D(2026, 11, 22)

    def test_end_date_itself_is_expiring_with_zero_days(self) -> None:
        assert status(self.TODAY, self.TODAY) is LicenseStatus.EXPIRING
        assert days_left(self.TODAY, self.TODAY) == 0

    def test_day_after_end_is_expired(self) -> None:
        end = self.TODAY - dt.timedelta(days=1)
        assert status(end, self.TODAY) is LicenseStatus.EXPIRED
        assert days_left(end, self.TODAY) == -1

    def test_threshold_boundaries(self) -> None:
        assert status(self.TODAY + dt.timedelta(days=30), self.TODAY) is LicenseStatus.EXPIRING
        assert status(self.TODAY + dt.timedelta(days=31), self.TODAY) is LicenseStatus.ACTIVE

    def test_threshold_zero(self) -> None:
        assert status(self.TODAY, self.TODAY, 0) is LicenseStatus.EXPIRING
        assert status(self.TODAY + dt.timedelta(days=1), self.TODAY, 0) is LicenseStatus.ACTIVE

    def test_leap_day_and_month_end(self) -> None:
        assert status(D(2028, 2, 29), D(2028, 2, 29)) is LicenseStatus.EXPIRING
        assert status(D(2028, 2, 29), D(2028, 3, 1)) is LicenseStatus.EXPIRED
        assert days_left(D(2028, 3, 1), D(2028, 1, 31)) == 30  # 2028 is a leap year
        assert status(D(2028, 3, 1), D(2028, 1, 31)) is LicenseStatus.EXPIRING
        assert status(D(2027, 3, 3), D(2027, 1, 31)) is LicenseStatus.ACTIVE  # 31 days

    def test_free_and_unbounded(self) -> None:
        assert status(None, self.TODAY, bound=False) is LicenseStatus.FREE
        assert status(self.TODAY, self.TODAY, bound=False) is LicenseStatus.FREE
        assert status(None, self.TODAY) is LicenseStatus.EXPIRED

    def test_invalid_beats_everything(self) -> None:
        assert (
            license_status(
                bound=True, subscription_end=D(2030, 1, 1), today=self.TODAY, valid=False
            )
            is LicenseStatus.INVALID
        )

    @pytest.mark.parametrize("bad", [-1, 367])
    def test_bad_threshold(self, bad: int) -> None:
        with pytest.raises(DomainError) as err:
            status(self.TODAY, self.TODAY, bad)
        assert err.value.code == "bad_threshold"

    @given(
        st.dates(min_value=D(2000, 1, 1), max_value=D(2100, 1, 1)),
        st.integers(min_value=-800, max_value=800),
        st.integers(min_value=0, max_value=366),
    )
    def test_status_follows_days_left(self, today: dt.date, offset: int, threshold: int) -> None:
        end = today + dt.timedelta(days=offset)
        s = status(end, today, threshold)
        expected = (
            LicenseStatus.EXPIRED
            if offset < 0
            else LicenseStatus.EXPIRING
            if offset <= threshold
            else LicenseStatus.ACTIVE
        )
        assert s is expected

    @given(
        st.dates(min_value=D(2000, 1, 1), max_value=D(2100, 1, 1)),
        st.integers(min_value=0, max_value=400),
    )
    def test_status_never_improves_with_time(self, end: dt.date, step: int) -> None:
        order = [LicenseStatus.ACTIVE, LicenseStatus.EXPIRING, LicenseStatus.EXPIRED]
        a = status(end, end - dt.timedelta(days=step))
        b = status(end, end - dt.timedelta(days=step) + dt.timedelta(days=1))
        assert order.index(b) >= order.index(a)


class TestDemoMode:
    TODAY = D(2026, 11, 22)
    END = D(2026, 10, 31)

    def test_release_on_the_end_date_is_allowed(self) -> None:
        assert release_allowed(self.END, self.END)
        assert not release_allowed(self.END + dt.timedelta(days=1), self.END)
        assert not release_allowed(self.END, None)

    def test_release_after_end_puts_into_demo(self) -> None:
        v = demo_verdict(
            product_sku="MS-WH15-BASE",
            installed_release_date=D(2026, 11, 1),
            subscription_end=self.END,
            internet_exchange=False,
            today=self.TODAY,
        )
        assert v.demo and v.reason is DemoReason.RELEASE_AFTER_END
        ok = demo_verdict(
            product_sku="MS-WH15-BASE",
            installed_release_date=self.END,
            subscription_end=self.END,
            internet_exchange=False,
            today=self.TODAY,
        )
        assert not ok.demo

    def test_store15_with_internet_exchange_and_expired_subscription(self) -> None:
        old_release = D(2025, 1, 1)
        v = demo_verdict(
            product_sku="MS-STORE15-BASE",
            installed_release_date=old_release,
            subscription_end=self.END,
            internet_exchange=True,
            today=self.TODAY,
        )
        assert v.demo and v.reason is DemoReason.STORE15_INTERNET_EXPIRED
        no_exchange = demo_verdict(
            product_sku="MS-STORE15-BASE",
            installed_release_date=old_release,
            subscription_end=self.END,
            internet_exchange=False,
            today=self.TODAY,
        )
        assert not no_exchange.demo
        on_end_day = demo_verdict(
            product_sku="MS-STORE15-BASE",
            installed_release_date=old_release,
            subscription_end=self.TODAY,
            internet_exchange=True,
            today=self.TODAY,
        )
        assert not on_end_day.demo


class TestMoneyAndClock:
    def test_twenty_percent_of_the_egais_license(self) -> None:
        assert Money.of("19900", "RUB").percent(20) == Money(Decimal("3980.00"), "RUB")

    def test_money_refuses_floats_and_mixed_currencies(self) -> None:
        with pytest.raises(TypeError):
            Money(19900.0, "RUB")  # type: ignore[arg-type]
        with pytest.raises(DomainError):
            Money.of(1, "RUB") + Money.of(1, "PLN")

    def test_minor_units_round_half_up(self) -> None:
        assert Money.of("0.005", "PLN").minor == 1
        assert Money.from_minor(398000, "RUB").as_str() == "3980.00"

    def test_fixed_clock_and_date_parsing(self) -> None:
        assert FixedClock(D(2026, 11, 22)).today() == D(2026, 11, 22)
        assert parse_iso_date("2026-11-22") == D(2026, 11, 22)
        for bad in ("22.11.2026", "2026-13-01", "2026-11-2", "", "tomorrow"):
            with pytest.raises(DomainError):
                parse_iso_date(bad)
