"""warnings: each stage once per end date; "remind me tomorrow"; one commit per answer."""

from __future__ import annotations

import datetime as dt

from desktop.domain.status import LicenseStatus, Verdict
from desktop.domain.warnings import ENDED_STAGE
from desktop.services import warnings
from tests.conftest import TODAY
from tests.support.fakes import FakeDatabase

DAY = dt.timedelta(days=1)


def every(
    db: FakeDatabase, state: warnings.WarningState, **kw: object
) -> list[warnings.WarningItem]:
    """The due licenses the pop-up lists (by end date), read as `licdesk warnings` does."""
    return list(warnings.stream(db, state.scope(), **kw))  # type: ignore[arg-type]


def stages(db: FakeDatabase, state: warnings.WarningState) -> dict[int, int]:
    return {i.license.id: i.stage for i in every(db, state)}


def test_collect_lists_due_and_recently_ended_licenses(demo: FakeDatabase) -> None:
    state = warnings.collect(demo, TODAY)
    # demo licenses with 0..30 days left, and the ones ended in the last year
    assert stages(demo, state) == {
        2: 14, 3: 14, 4: 30, 5: 1, 9: 14, 10: 30, 15: 14, 7: ENDED_STAGE, 11: ENDED_STAGE,
        14: ENDED_STAGE,
    }  # fmt: skip
    items = every(demo, state)
    assert [i.license.id for i in items][:3] == [14, 11, 7]  # ended: oldest first
    assert state.ended_count == 3 and state.popup_due
    assert state.total == state.pending == len(items) and all(i.pending for i in items)
    assert state.count(ended=True) == 3
    assert demo.committed == 0


def pending(db: FakeDatabase, day: dt.date) -> list[tuple[int, int]]:
    state = warnings.collect(db, day)
    return [(i.license.id, i.stage) for i in every(db, state) if i.pending]


def test_acknowledge_shows_each_stage_once_per_end_date(demo: FakeDatabase) -> None:
    assert warnings.acknowledge(demo, TODAY) == 10
    assert demo.committed == 1
    today = warnings.collect(demo, TODAY)
    assert not today.pending and not today.popup_due  # dismissed for today
    # tomorrow: license 5 has ended and license 12 is 30 days from its end
    assert pending(demo, TODAY + DAY) == [(5, ENDED_STAGE), (12, 30)]
    warnings.acknowledge(demo, TODAY + DAY)
    # the day after: license 9 reaches its last day; the stages shown stay quiet
    after = warnings.collect(demo, TODAY + 2 * DAY)
    assert pending(demo, TODAY + 2 * DAY) == [(9, 1)] and after.popup_due
    assert demo.committed == 2


def test_a_new_end_date_rearms_the_warning(demo: FakeDatabase) -> None:
    warnings.acknowledge(demo, TODAY)
    # renewed by a week (as the authority's document would say): still within 30 days
    demo.state.licenses[2].subscription_end = dt.date(2026, 12, 11)
    assert pending(demo, TODAY) == [(2, 30)]


def test_snooze_until_tomorrow_marks_nothing_shown(demo: FakeDatabase) -> None:
    assert warnings.snooze(demo, TODAY) == TODAY + DAY
    assert demo.committed == 1
    today = warnings.collect(demo, TODAY)
    assert not today.popup_due and today.snoozed_until == TODAY + DAY
    assert today.pending == today.total  # still pending
    assert warnings.collect(demo, TODAY + DAY).popup_due


def test_subscriptions_ended_over_a_year_ago_stay_in_the_count_only(
    demo: FakeDatabase,
) -> None:
    later = TODAY + dt.timedelta(days=300)
    state = warnings.collect(demo, later)
    ended = [i.license.id for i in every(demo, state) if i.stage == ENDED_STAGE]
    assert 14 not in ended  # ended 2026-07-25: more than 366 days before
    assert state.ended_count > len(ended)


def test_a_row_the_verifier_refuses_says_invalid(demo: FakeDatabase) -> None:
    state = warnings.collect(demo, TODAY)
    rows = every(
        demo, state, verifier=lambda r: Verdict.INVALID if r.id == 5 else Verdict.UNVERIFIED
    )
    by_id = {i.license.id: i.license.status for i in rows}
    assert by_id[5] is LicenseStatus.INVALID and by_id[4] is LicenseStatus.EXPIRING


def test_an_empty_store_has_nothing_to_say(db: FakeDatabase) -> None:
    state = warnings.collect(db, TODAY)
    assert every(db, state) == [] and state.total == 0
    assert state.ended_count == 0 and not state.popup_due
