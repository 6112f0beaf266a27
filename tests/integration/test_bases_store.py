"""Bases, the guard, installs and feeds against SQLite and PostgreSQL."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop.domain.errors import DomainError
from desktop.services import bases, setup
from desktop.storage.open import open_store
from tests.conftest import TODAY

FEED = Path(__file__).resolve().parents[1] / "data" / "feed"


@pytest.fixture
def s(db_target: str):  # noqa: ANN201
    store = open_store(db_target)
    setup.init_demo(store.uow, TODAY)
    yield store
    store.dispose()


def by_name(rows, part: str):  # noqa: ANN001, ANN201
    return next(r for r in rows if part in r.info.name)


def test_demo_bases_states(s) -> None:  # noqa: ANN001
    with s.uow() as uow:
        rows = bases.list_bases(uow, TODAY)
    assert by_name(rows, "Южный").to_json()["status"] == "demo"
    assert by_name(rows, "Южный").to_json()["demo_reason"] == "release_after_end"
    assert len(by_name(rows, "Южный").status.demo_license_ids) == 1
    assert by_name(rows, "Ленина").to_json()["status"] == "ending"


def test_updates_and_install_with_confirmation(s) -> None:  # noqa: ANN001
    with s.uow() as uow:
        sad = next(u for u in bases.updates(uow, TODAY) if "Садовая" in u.name)
    assert sad.newest.version == "3.2" and sad.newest_allowed.version == "3.1"
    victims = sad.newer[0].license_ids
    assert victims and sad.newer[0].renewal_totals["RUB"].as_str() == "3980.00"
    with s.uow(write=True) as uow, pytest.raises(DomainError) as err:
        bases.record_install(uow, sad.base_id, "3.2", TODAY)
    assert err.value.code == "install_causes_demo"
    with s.uow(write=True) as uow:
        assert bases.record_install(uow, sad.base_id, "3.2", TODAY, confirmed=True) == victims
        uow.commit()
    with s.uow() as uow:
        row = next(r for r in bases.list_bases(uow, TODAY) if r.info.id == sad.base_id)
        assert row.status.state.value == "demo" and row.info.installed_version == "3.2"
        kinds = [e.kind for e in uow.events.for_license(victims[0])]
    assert "demo" in kinds


def test_feed_loads_all_or_nothing(s, tmp_path: Path) -> None:  # noqa: ANN001
    with s.uow(write=True) as uow:
        assert bases.load_feed(uow, FEED) == ("MS-STORE15-BASE", 1)  # 15.3 was known
        uow.commit()
    bad = tmp_path / "feed"
    bad.mkdir()
    (bad / "versions.xml").write_text(
        '<versions product="MS-STORE15-BASE"><version folder="15.4"/></versions>', encoding="utf-8"
    )
    (bad / "15.4").mkdir()
    (bad / "15.4" / "update.xml").write_text(
        "<update><version>15.4</version><date>2026-12-16</date><file>f</file></update>",
        encoding="utf-8",
    )
    with s.uow(write=True) as uow, pytest.raises(DomainError) as err:
        bases.load_feed(uow, bad)  # 15.4 is stored with another date
    assert err.value.params["problems"][0].code == "date_conflict"
