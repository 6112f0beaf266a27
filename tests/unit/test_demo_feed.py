"""The sample feed works on demo data on any day (item 7), checked on the domain side:
the feed meets no stored version with another date, versions and dates run in the
same order, and the guard shows the new release 15.4 for what it is.

The service side (the lead's ``licdesk --demo releases load tests/data/feed``) should
repeat the first and last checks through a real store: load succeeds, then
``updates`` lists 15.4 with the licenses computed here.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from hypothesis import example, given, settings
from hypothesis import strategies as st

from desktop.domain.bases import (
    BaseFacts,
    BaseLicense,
    BaseState,
    Release,
    base_status,
    guard,
    merge_releases,
    out_of_order,
)
from desktop.domain.demo import DemoReason
from desktop.services import demo_data
from desktop.services.feed import read_feed

D = dt.date
FEED = Path(__file__).resolve().parents[1] / "data" / "feed"
LENINA = "Ленина — Магазин 15"


def lenina_facts(today: dt.date, catalogue: tuple[Release, ...]) -> tuple[BaseFacts, dt.date]:
    ds = demo_data.build(today)
    base = next(b for b in ds.bases if b.name == LENINA)
    on_base = {d.code for d in ds.devices if d.base == LENINA}
    lics = tuple(
        BaseLicense(i, i, lic.subscription_end)
        for i, lic in enumerate(ds.licenses)
        if lic.device_code in on_base and lic.product_sku == base.product_sku
    )
    assert base.installed_on is not None
    return (
        BaseFacts(
            1,
            base.name,
            base.product_sku,
            base.installed_version,
            base.internet_exchange,
            lics,
            catalogue,
        ),
        base.installed_on,
    )


@given(st.dates(min_value=D(2024, 1, 1), max_value=D(2036, 12, 31)))
@example(D(2026, 11, 22))  # the tests' day: the demo knows 15.3, the feed adds 15.4
@example(D(2026, 11, 25))  # a day on which the old relative dates met a date_conflict
@example(D(2026, 11, 1))  # before 15.3 is out: the feed brings both
@example(D(2026, 12, 15))  # the day 15.4 comes out
@settings(max_examples=60, deadline=None)
def test_sample_feed_loads_on_demo_data_whatever_today_is(today: dt.date) -> None:
    feed = read_feed(FEED)
    ds = demo_data.build(today)
    stored = [
        Release(r.version, r.released_on) for r in ds.releases if r.product_sku == feed.product_sku
    ]
    incoming = [Release(r.version, r.released_on) for r in feed.releases]
    new, conflicts = merge_releases(stored, incoming)
    assert conflicts == []
    assert {r.version for r in new} == {"15.3", "15.4"} - {r.version for r in stored}
    assert "15.4" in {r.version for r in new}
    catalogue = (*stored, *new)
    assert out_of_order(catalogue) == []  # a higher version never came out earlier
    assert all(r.released_on <= today for r in stored)  # the demo holds releases already out

    facts, installed_on = lenina_facts(today, catalogue)
    installed = facts.release(facts.installed_version)
    assert installed is None or installed.released_on <= installed_on
    g = guard(facts, today)
    new_release = Release("15.4", D(2026, 12, 15))
    assert g.newest == new_release
    entry = next(n for n in g.newer if n.release == new_release)
    # For what it is: 15.4 puts into demo exactly the licenses ending before its date,
    # and (Store 15 with Internet exchange) every license whose subscription has ended.
    expected = {
        lic.license_id
        for lic in facts.licenses
        if lic.subscription_end is None
        or lic.subscription_end < new_release.released_on
        or lic.subscription_end < today
    }
    assert set(entry.demo_license_ids) == expected
    stuck = {lic.license_id for lic in facts.licenses if lic.subscription_end < today}  # type: ignore[operator]
    assert set(g.stuck_license_ids) == stuck
    if stuck:
        assert g.newest_allowed is None
        assert g.no_safe_release is DemoReason.STORE15_INTERNET_EXPIRED
        assert base_status(facts, today, 30).state is BaseState.DEMO
    elif not expected:
        assert g.newest_allowed == new_release


def test_the_day_after_a_lenina_subscription_ends_no_release_is_safe() -> None:
    """Demo data built on the tests' day, seen one day later: ТСД Ленина-04's
    subscription (ending "today") has ended, and Магазин 15 with Internet exchange
    runs in demo mode whatever the version: the guard offers nothing as safe."""
    built = D(2026, 11, 22)
    feed = [Release(r.version, r.released_on) for r in read_feed(FEED).releases]
    stored = [
        Release(r.version, r.released_on)
        for r in demo_data.build(built).releases
        if r.product_sku == demo_data.STORE15
    ]
    facts, _ = lenina_facts(built, (*stored, *feed[1:]))
    ended = [lic.license_id for lic in facts.licenses if lic.subscription_end == built]
    assert len(ended) == 1
    assert guard(facts, built).newest_allowed == Release("15.3", D(2026, 11, 2))
    later = built + dt.timedelta(days=1)
    g = guard(facts, later)
    assert g.newest_allowed is None and g.stuck_license_ids == tuple(ended)
    assert g.no_safe_release is DemoReason.STORE15_INTERNET_EXPIRED
    status = base_status(facts, later, 30)
    assert status.state is BaseState.DEMO and status.demo_license_ids == tuple(ended)
