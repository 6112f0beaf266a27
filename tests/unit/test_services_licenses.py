"""licenses: the table's reads, its counts and the CLI's list, through the fake store."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest

from desktop.domain.status import LicenseStatus, Verdict
from desktop.services import catalog, licenses
from desktop.services import settings as st
from desktop.services.ports import LicenseQuery, SortKey
from tests.conftest import TODAY
from tests.support.fakes import FakeDatabase, FakeLicenseReader

S = LicenseStatus


@pytest.fixture
def counted(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[LicenseQuery]]:
    """Every status_counts the fake reader answers."""
    calls: list[LicenseQuery] = []
    real = FakeLicenseReader.status_counts

    def spy(self: FakeLicenseReader, query: LicenseQuery) -> dict[LicenseStatus, int]:
        calls.append(query)
        return real(self, query)

    monkeypatch.setattr(FakeLicenseReader, "status_counts", spy)
    yield calls


def test_counts_of_the_whole_store(demo: FakeDatabase, counted: list[LicenseQuery]) -> None:
    query = licenses.make_query(demo, TODAY)
    counts = licenses.counts(demo, query)
    assert counts.whole == {S.FREE: 2, S.EXPIRING: 7, S.EXPIRED: 3, S.ACTIVE: 8}
    assert counts.shown is counts.whole and counts.next_end == TODAY
    assert len(counted) == 1


def test_a_search_recounts_only_what_it_shows(
    demo: FakeDatabase, counted: list[LicenseQuery]
) -> None:
    whole = licenses.counts(demo, licenses.make_query(demo, TODAY))
    narrowed = licenses.make_query(demo, TODAY, search="садов")
    counts = licenses.counts(demo, narrowed, whole)
    assert counts.whole is whole.whole and counts.next_end == whole.next_end
    assert counts.shown == {S.FREE: 0, S.EXPIRING: 2, S.EXPIRED: 1, S.ACTIVE: 2}
    assert [q.search for q in counted] == ["", "садов"]  # the whole store counted once


def test_a_store_filter_counts_its_devices_only(demo: FakeDatabase) -> None:
    south = dict((name, sid) for sid, name in catalog.stores(demo))["Склад Южный"]
    query = licenses.make_query(demo, TODAY, store_id=south)
    assert licenses.counts(demo, query).shown == {
        S.FREE: 0,
        S.EXPIRING: 1,
        S.EXPIRED: 1,
        S.ACTIVE: 3,
    }


def test_the_threshold_is_the_stores_own(demo: FakeDatabase) -> None:
    st.save(demo, st.BusinessSettings(7, (7, 1), 14))
    query = licenses.make_query(demo, TODAY, status=S.EXPIRING)
    assert query.threshold_days == 7
    assert [r.days_left for r in licenses.list_licenses(demo, query)] == [0, 3]
    assert licenses.get(demo, 4, TODAY).status is S.ACTIVE  # 27 days left: no longer expiring


def test_rows_carry_status_and_days_left(demo: FakeDatabase) -> None:
    query = licenses.make_query(demo, TODAY, sort=SortKey.DAYS_LEFT, descending=True)
    rows = licenses.page(
        demo,
        query,
        0,
        3,
        verifier=lambda r: Verdict.INVALID if r.id == 16 else Verdict.UNVERIFIED,
    )
    assert [(r.id, r.status, r.days_left) for r in rows] == [
        (16, S.INVALID, 330),
        (1, S.ACTIVE, 212),
        (17, S.ACTIVE, 180),
    ]
    free = licenses.get(demo, 18, TODAY)
    assert free is not None and free.status is S.FREE and free.days_left is None
    assert licenses.get(demo, 999, TODAY) is None


def test_stream_gives_every_row_in_order_with_progress(demo: FakeDatabase) -> None:
    steps: list[tuple[int, int]] = []

    class Steps:
        def step(self, done: int, total: int) -> None:
            steps.append((done, total))

    query = licenses.make_query(demo, TODAY, sort=SortKey.PRODUCT)
    streamed = [r.id for r in licenses.stream(demo, query, progress=Steps())]
    assert streamed == [r.id for r in licenses.list_licenses(demo, query)]
    assert steps == [(0, 20), (20, 20)]
    assert demo.opened == 3 and demo.committed == 0  # make_query, stream, list: reads


def test_search_is_case_blind_and_literal(demo: FakeDatabase) -> None:
    def ids(text: str) -> list[int]:
        query = licenses.make_query(demo, TODAY, search=text, sort=SortKey.ID)
        return [r.id for r in licenses.list_licenses(demo, query)]

    assert ids("ЕГАИС 3") == [7]
    assert ids("тсд склад-0") == [14, 15, 16, 17]
    assert ids("%") == [] and ids("   ") == ids("")


def test_history_oldest_first(demo: FakeDatabase) -> None:
    with demo.uow(write=True) as uow:
        uow.events.append("note", license_id=3, details={"on": dt.date(2026, 1, 2)})
        uow.commit()
    events = licenses.history(demo, 3)
    assert [e.kind for e in events] == ["activated", "note"]
    assert events[-1].details == {"on": "2026-01-02"}  # stored as JSON text


def test_empty_or_not(db: FakeDatabase, demo: FakeDatabase) -> None:
    assert licenses.is_empty(db) and not licenses.is_empty(demo)
    assert catalog.stores(demo) == [
        (1, "Магазин на Ленина, 12"),
        (2, "Магазин на Садовой, 5"),
        (3, "Склад Южный"),
    ]
