"""bases: installs ask before they put licenses into demo; feeds say what is new."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from desktop.domain.bases import BaseState
from desktop.domain.errors import DomainError
from desktop.domain.status import Verdict
from desktop.services import bases, licenses
from tests.conftest import TODAY
from tests.support.fakes import FakeDatabase

FEED = Path(__file__).resolve().parents[1] / "data" / "feed"
LENINA, SADOVAYA, SOUTH = 1, 2, 3


def base_events(db: FakeDatabase) -> list[tuple[str, int | None, int | None]]:
    return [(e.kind, e.base_id, e.license_id) for e in db.state.events.values() if e.base_id]


def test_list_bases_with_their_state(demo: FakeDatabase) -> None:
    rows = {r.info.id: r for r in bases.list_bases(demo, TODAY)}
    assert {i: r.status.state for i, r in rows.items()} == {
        LENINA: BaseState.ENDING,
        SADOVAYA: BaseState.ENDING,
        SOUTH: BaseState.DEMO,
    }
    assert rows[SOUTH].status.demo_license_ids == (14,)
    assert rows[SOUTH].installed_release_date == dt.date(2026, 8, 24)
    assert rows[LENINA].device_count == 7 and rows[LENINA].license_ids == (1, 2, 3, 4, 5, 6)
    overview = bases.overview(demo, TODAY)
    assert overview.rows == list(rows.values())
    assert overview.updates[SADOVAYA].newer[0].license_ids == (11,)
    assert demo.committed == 0


def test_updates_price_the_renewals_a_newer_release_needs(demo: FakeDatabase) -> None:
    [unsigned] = bases.updates(demo, TODAY, SADOVAYA)
    assert unsigned.newest_allowed is None and unsigned.unconfirmed_license_ids  # not verified
    [upd] = bases.updates(demo, TODAY, SADOVAYA, lambda _r: Verdict.VERIFIED)
    assert upd.newest is not None and upd.newest.version == "3.2"
    assert upd.newest_allowed is not None and upd.newest_allowed.version == "3.1"
    [newer] = upd.newer
    assert newer.license_ids == (11,) and set(newer.renewal_totals) == {"RUB"}
    with pytest.raises(DomainError) as err:
        bases.updates(demo, TODAY, 99)
    assert err.value.code == "base_not_found"


def test_an_install_that_causes_demo_asks_first_and_writes_nothing(demo: FakeDatabase) -> None:
    with pytest.raises(DomainError) as err:
        bases.record_install(demo, SADOVAYA, "3.2", TODAY)
    assert err.value.code == "install_causes_demo"
    assert err.value.params["license_ids"] == "11" and err.value.params["count"] == 1
    assert demo.committed == 0 and base_events(demo) == []
    assert bases.list_bases(demo, TODAY)[1].info.installed_version == "3.1"


def test_a_confirmed_install_records_the_version_and_the_demo(demo: FakeDatabase) -> None:
    victims = bases.record_install(demo, SADOVAYA, " 3.2 ", TODAY, confirmed=True)
    assert victims == (11,) and demo.committed == 1
    info = bases.list_bases(demo, TODAY)[1].info
    assert (info.installed_version, info.installed_on) == ("3.2", TODAY)
    assert base_events(demo) == [("installed", SADOVAYA, None), ("demo", SADOVAYA, 11)]
    installed = next(e for e in demo.state.events.values() if e.kind == "installed")
    assert '"previous": "3.1"' in installed.details
    assert [e.kind for e in licenses.history(demo, 11)][-1] == "demo"


def test_a_safe_install_needs_no_confirmation(demo: FakeDatabase) -> None:
    assert bases.record_install(demo, SOUTH, "15.1", TODAY) == ()
    assert demo.committed == 1
    assert bases.list_bases(demo, TODAY)[2].status.state is not BaseState.DEMO


@pytest.mark.parametrize(
    ("base_id", "version", "code"),
    [(LENINA, "16.0", "unknown_release"), (99, "15.3", "base_not_found")],
)
def test_an_unknown_base_or_release_is_refused(
    demo: FakeDatabase, base_id: int, version: str, code: str
) -> None:
    with pytest.raises(DomainError) as err:
        bases.record_install(demo, base_id, version, TODAY, confirmed=True)
    assert err.value.code == code and demo.committed == 0


def test_devices_and_releases_of_a_base(demo: FakeDatabase) -> None:
    devices = bases.devices(demo, SOUTH)
    assert [d.name for d in devices] == sorted(d.name for d in devices)
    assert sorted(i for d in devices for i in d.license_ids) == [13, 14, 15, 16]
    assert bases.release_versions(demo, "MS-STORE15-BASE") == ["15.3", "15.2", "15.1", "15.0"]
    assert bases.base_of_license(demo, 14) == SOUTH and bases.base_of_license(demo, 12) is None


def test_load_feed_returns_exactly_the_new_versions_and_remembers_it(
    demo: FakeDatabase,
) -> None:
    assert bases.configured_feed(demo) is None
    loaded = bases.load_feed(demo, FEED)
    assert loaded == bases.FeedLoad("MS-STORE15-BASE", ("15.4",))
    assert bases.configured_feed(demo) == FEED and demo.committed == 1
    assert bases.release_versions(demo, "MS-STORE15-BASE")[0] == "15.4"
    assert bases.check_feed(demo) == bases.FeedLoad("MS-STORE15-BASE", ())  # nothing new


def test_a_feed_that_does_not_load_is_not_remembered(demo: FakeDatabase, tmp_path: Path) -> None:
    with pytest.raises(DomainError) as err:
        bases.check_feed(demo)
    assert err.value.code == "feed_not_configured"
    with pytest.raises(DomainError) as err:  # a product the store does not have
        bases.load_feed(demo, FEED, "MS-NOT-HERE")
    assert err.value.code == "unknown_product_sku"
    other = tmp_path / "feed"
    shutil.copytree(FEED, other)
    update = other / "15.3" / "update.xml"
    update.write_text(
        update.read_text(encoding="utf-8").replace("2026-11-02", "2026-11-03"), encoding="utf-8"
    )
    with pytest.raises(DomainError) as err:  # 15.3 with another date: nothing loads
        bases.load_feed(demo, other)
    assert err.value.code == "feed_invalid"
    assert [p.code for p in err.value.params["problems"]] == ["date_conflict"]
    assert bases.configured_feed(demo) is None and demo.committed == 0
    assert "15.4" not in bases.release_versions(demo, "MS-STORE15-BASE")
