"""Property tests: the rules hold on generated licenses, dates and bases (items 1, 2, 5, 6).

The oracles below restate the seeds' rules independently of the code under test.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from decimal import ROUND_HALF_UP, Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.domain.bases import (
    BaseFacts,
    BaseLicense,
    BaseState,
    Release,
    base_status,
    guard,
    install_verdict,
)
from desktop.domain.demo import DemoReason
from desktop.domain.errors import DomainError
from desktop.domain.renewal import (
    LicenseFacts,
    Lot,
    PriceList,
    RenewalKind,
    license_renewal,
    quote_line,
    totals,
)
from desktop.domain.terms import period_end

D = dt.date
ONE = dt.timedelta(days=1)
MODULES = ("KH", "H", "KP", "CRM")
PRICES = PriceList(
    {
        "MS-A": [(D(2000, 1, 1), Decimal("19900.00")), (D(2027, 7, 1), Decimal("21890.00"))],
        "KH": [(D(2000, 1, 1), Decimal("2990.00"))],
        "H": [(D(2000, 1, 1), Decimal("2490.00")), (D(2026, 1, 1), Decimal("2590.10"))],
        "KP": [(D(2000, 1, 1), Decimal("3490.00"))],
        "CRM": [(D(2000, 1, 1), Decimal("10.05"))],
    }
)

dates = st.dates(min_value=D(2020, 1, 1), max_value=D(2032, 12, 31))


@st.composite
def licenses(draw: st.DrawFn) -> LicenseFacts:
    """A license of either line: activated, renewed a few times, with module lots."""
    line = draw(st.sampled_from(["mobile-smarts", "enova365"]))
    activated = draw(dates)
    start = activated
    for _ in range(draw(st.integers(0, 3))):  # earlier periods, on time or with a gap
        start = period_end(start, 12) + ONE + dt.timedelta(days=draw(st.integers(0, 90)))
    months = 12 if line == "enova365" else draw(st.sampled_from([12, 12, 24, 1, 6]))
    end = period_end(start, months)
    known_start = draw(st.booleans())
    lots: tuple[Lot, ...] = ()
    if line == "enova365":
        lots = tuple(
            Lot(
                sku,
                sku,
                draw(st.integers(1, 9)),
                draw(st.dates(min_value=activated, max_value=end)),
                draw(st.none() | st.dates(min_value=activated, max_value=end + dt.timedelta(400))),
            )
            for sku in draw(st.lists(st.sampled_from(MODULES), min_size=1, max_size=6))
        )
    return LicenseFacts(
        1,
        "MS-A" if line == "mobile-smarts" else "ENOVA",
        "A",
        line,
        "RUB" if line == "mobile-smarts" else "PLN",
        None,
        "CP30-1-1",
        activated,
        end,
        lots,
        period_start=start if known_start or start == activated else None,
    )


def day_around(facts: LicenseFacts) -> st.SearchStrategy[dt.date]:
    """Before, on and after the end (the regimes of both lines), and before the license."""
    end, activated = facts.subscription_end, facts.activated_on
    assert end is not None and activated is not None
    return st.one_of(
        st.just(end),
        st.just(end + ONE),
        st.integers(-800, 800).map(lambda n: end + dt.timedelta(days=n)),
        st.integers(1, 400).map(lambda n: activated - dt.timedelta(days=n)),
    )


@given(data=st.data(), facts=licenses())
@settings(max_examples=400)
def test_activation_does_what_the_quote_said(data: st.DataObject, facts: LicenseFacts) -> None:
    """Item 1: for both lines and any day, activating a renewal that day changes the
    period exactly as that day's quote says, by the line's own rule."""
    assert facts.subscription_end is not None and facts.activated_on is not None
    end = facts.subscription_end
    on = data.draw(day_around(facts))
    try:
        quoted = quote_line(facts, on, PRICES)
    except DomainError as err:
        # A refusal about the period is shared with activation; one about the price
        # (the charge base needs the period's start) is the quote's alone.
        assert err.code in ("quote_before_license", "period_start_unknown")
        if err.code == "quote_before_license":
            assert on < facts.activated_on
            try:
                license_renewal(facts, on)
            except DomainError as again:
                assert again.code == err.code
            else:
                raise AssertionError("activation accepted what the quote refused") from None
        return
    done = license_renewal(facts, on, 12)
    assert (quoted.kind, quoted.new_start, quoted.new_end) == (
        done.kind,
        done.new_start,
        done.new_end,
    )
    assert (quoted.days_forfeited, quoted.days_added) == (done.days_forfeited, done.days_added)
    # The line's rule, restated from the seeds.
    if facts.line == "enova365":
        if on <= end:
            assert done.kind is RenewalKind.ON_TIME and done.new_start == end + ONE
        else:
            assert done.kind is RenewalKind.OPEN and done.new_start == on
        assert done.new_end == period_end(done.new_start, 12)
    else:
        assert done.kind is RenewalKind.SUBSCRIPTION
        assert done.new_end == max(end, period_end(on, 12))
    # Item 5: never shorter, and a renewal that adds nothing says so.
    assert done.new_end >= end
    assert done.extends == (done.new_end > end)


@given(data=st.data(), facts=licenses())
@settings(max_examples=200)
def test_activating_twice_never_shortens(data: st.DataObject, facts: LicenseFacts) -> None:
    """Item 5: a chain of renewals on increasing days only ever moves the end forward."""
    assert facts.subscription_end is not None and facts.activated_on is not None
    on = max(facts.activated_on, data.draw(day_around(facts)))
    current = facts
    for _ in range(3):
        months = data.draw(st.sampled_from([1, 6, 12, 24]))
        period = license_renewal(current, on, months)
        assert current.subscription_end is not None
        assert period.new_end >= current.subscription_end
        current = replace(current, subscription_end=period.new_end, period_start=period.new_start)
        on = on + dt.timedelta(days=data.draw(st.integers(0, 400)))


def rounded(x: Decimal) -> Decimal:
    return x.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


@given(
    data=st.data(),
    lines=st.lists(licenses(), min_size=1, max_size=5),
)
@settings(max_examples=300)
def test_money_as_printed(data: st.DataObject, lines: list[LicenseFacts]) -> None:
    """Item 6: each printed module line = seats × list price × percent rounded once; a
    line = the sum of its printed modules; a total = the sum of the printed lines."""
    quotes = []
    for facts in lines:
        assert facts.subscription_end is not None and facts.activated_on is not None
        on = max(facts.activated_on, data.draw(day_around(facts)))
        restore = data.draw(st.booleans())
        try:
            q = quote_line(facts, on, PRICES, restore_dropped=restore)
        except DomainError as err:
            assert err.code == "period_start_unknown"
            continue
        quotes.append(q)
        if facts.line == "mobile-smarts":
            assert q.unit_price is not None
            assert q.amount.amount == rounded(q.unit_price * q.percent / 100)
            continue
        keys = [(m.module_sku, m.deferred, m.restored) for m in q.modules]
        assert len(keys) == len(set(keys)), "one printed line per module and state"
        for m in q.modules:
            expected = (
                Decimal(0) if m.deferred else rounded(m.seats * m.unit_price * q.percent / 100)
            )
            assert m.amount.amount == expected
            assert m.unit_price == PRICES.price_on(m.module_sku, on)
        assert q.amount.amount == sum((m.amount.amount for m in q.modules), Decimal(0))
        # Nothing bought after the quote day is on the quote.
        seats = sum(m.seats for m in q.modules)
        existing = [lot for lot in facts.lots if lot.purchased_on <= on]
        assert seats <= sum(lot.seats for lot in existing)
    for cur, total in totals(quotes).items():
        assert total.amount == sum(
            (q.amount.amount for q in quotes if q.amount.currency == cur), Decimal(0)
        )


# ---------------------------------------------------------------- bases (item 2)


@st.composite
def bases(draw: st.DrawFn) -> tuple[BaseFacts, dt.date]:
    today = draw(st.dates(min_value=D(2024, 1, 1), max_value=D(2028, 12, 31)))
    versions = draw(
        st.lists(st.tuples(st.integers(14, 16), st.integers(0, 12)), max_size=6, unique=True)
    )
    releases = tuple(
        Release(f"{a}.{b}", draw(st.dates(min_value=D(2023, 1, 1), max_value=D(2029, 1, 1))))
        for a, b in versions
    )
    ends = st.none() | st.integers(-400, 400).map(lambda n: today + dt.timedelta(days=n))
    lics = tuple(
        BaseLicense(i + 1, draw(st.none() | st.just(100 + i)), draw(ends))
        for i in range(draw(st.integers(0, 5)))
    )
    installed = draw(
        st.none() | st.just("99.9") | st.sampled_from([r.version for r in releases] or [None])
    )
    facts = BaseFacts(
        1,
        "B",
        draw(st.sampled_from(["MS-STORE15-BASE", "MS-WH15-BASE"])),
        installed,
        draw(st.booleans()),
        lics,
        releases,
    )
    return facts, today


def oracle_demo(facts: BaseFacts, released_on: dt.date | None, today: dt.date) -> set[int]:
    """Seed 000, restated: which bound licenses run in demo with a release of that date."""
    out = set()
    for lic in facts.licenses:
        if lic.device_id is None:
            continue
        ended = lic.subscription_end is None or today > lic.subscription_end
        store15 = facts.product_sku.startswith("MS-STORE15") and facts.internet_exchange
        after_end = released_on is not None and (
            lic.subscription_end is None or released_on > lic.subscription_end
        )
        if (store15 and ended) or after_end:
            out.add(lic.license_id)
    return out


@given(bases())
@settings(max_examples=400)
def test_state_and_guard_agree(case: tuple[BaseFacts, dt.date]) -> None:
    """Item 2: the base's state says demo <=> the installed release is not allowed (or
    the Store 15 rule holds); the guard never calls a release safe that would leave the
    base in demo after installing it; Store 15 with Internet and an ended subscription
    has no safe release at all."""
    facts, today = case
    status = base_status(facts, today, 30)
    installed = facts.release(facts.installed_version)
    expected = oracle_demo(facts, installed.released_on if installed else None, today)
    assert (status.state is BaseState.DEMO) == bool(expected)
    assert set(status.demo_license_ids) == expected
    g = guard(facts, today)
    assert g.installed is not None
    assert g.installed.demo_license_ids == status.demo_license_ids
    for r in facts.releases:
        after = base_status(replace(facts, installed_version=r.version), today, 30)
        verdict = install_verdict(facts, r, today)
        assert (after.state is BaseState.DEMO) == (not verdict.safe)
        assert set(verdict.demo_license_ids) == oracle_demo(facts, r.released_on, today)
    if g.newest_allowed is not None:
        after = base_status(replace(facts, installed_version=g.newest_allowed.version), today, 30)
        assert after.state is not BaseState.DEMO
        assert not any(n.release == g.newest_allowed and n.demo_license_ids for n in g.newer)
    for n in g.newer:
        after = base_status(replace(facts, installed_version=n.release.version), today, 30)
        assert set(after.demo_license_ids) == set(n.demo_license_ids)
    stuck = oracle_demo(facts, None, today)
    assert set(g.stuck_license_ids) == stuck
    if stuck:
        assert g.newest_allowed is None
        assert g.no_safe_release is DemoReason.STORE15_INTERNET_EXPIRED
        assert all(set(stuck) <= set(n.demo_license_ids) for n in g.newer)
    else:
        assert g.no_safe_release is None
        bound = [lic for lic in facts.licenses if lic.device_id is not None]
        if facts.releases and not bound:
            assert g.newest_allowed == g.newest


def test_the_generators_reach_every_regime() -> None:
    """A guard against a vacuous property: both lines, refusals and Store 15 occur."""
    seen: set[str] = set()

    @given(data=st.data(), facts=licenses(), case=bases())
    @settings(max_examples=300, database=None)
    def probe(data: st.DataObject, facts: LicenseFacts, case: tuple[BaseFacts, dt.date]) -> None:
        assert facts.subscription_end is not None
        on = data.draw(day_around(facts))
        try:
            seen.add(quote_line(facts, on, PRICES).kind.value)
        except DomainError as err:
            seen.add(err.code)
        base, today = case
        if guard(base, today).no_safe_release is not None:
            seen.add("store15")
        if base_status(base, today, 30).reason is DemoReason.RELEASE_AFTER_END:
            seen.add("after_end")

    probe()
    expected = {"subscription", "on-time", "open", "quote_before_license", "store15", "after_end"}
    assert expected <= seen
