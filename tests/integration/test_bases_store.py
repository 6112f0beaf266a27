"""Bases, the guard, installs and feeds against SQLite and PostgreSQL."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop.domain.errors import DomainError
from desktop.domain.status import Verdict
from desktop.services import bases, licenses, setup
from desktop.storage.database import SqlDatabase
from desktop.storage.open import open_store
from tests.conftest import TODAY, as_db

FEED = Path(__file__).resolve().parents[1] / "data" / "feed"


@pytest.fixture
def s(db_target: str):  # noqa: ANN201
    store = open_store(db_target)
    db = as_db(store)
    setup.init_demo(db, TODAY)
    yield db
    store.dispose()


def by_name(rows, part: str):  # noqa: ANN001, ANN201
    return next(r for r in rows if part in r.info.name)


def test_demo_bases_states(s: SqlDatabase) -> None:
    rows = bases.list_bases(s, TODAY)
    assert by_name(rows, "Южный").to_json()["status"] == "demo"
    assert by_name(rows, "Южный").to_json()["demo_reason"] == "release_after_end"
    assert len(by_name(rows, "Южный").status.demo_license_ids) == 1
    assert by_name(rows, "Ленина").to_json()["status"] == "ending"


def signed(_record: object) -> Verdict:
    """The licenses as the authority signed them (the date rules under test)."""
    return Verdict.VERIFIED


def test_unverified_licenses_never_make_a_release_safe(s: SqlDatabase) -> None:
    sad = next(u for u in bases.updates(s, TODAY) if "Садовая" in u.name)
    assert sad.newest_allowed is None and sad.unconfirmed_license_ids
    assert next(u for u in bases.updates(s, TODAY, None, signed) if "Садовая" in u.name)
    row = next(r for r in bases.list_bases(s, TODAY) if "Садовая" in r.info.name)
    assert row.unverified_license_ids and row.to_json()["status"] != "demo"


def test_updates_and_install_with_confirmation(s: SqlDatabase) -> None:
    sad = next(u for u in bases.updates(s, TODAY, None, signed) if "Садовая" in u.name)
    assert sad.newest.version == "3.2" and sad.newest_allowed.version == "3.1"
    victims = sad.newer[0].license_ids
    assert victims and sad.newer[0].renewal_totals["RUB"].as_str() == "3980.00"
    with pytest.raises(DomainError) as err:
        bases.record_install(s, sad.base_id, "3.2", TODAY)
    assert err.value.code == "install_causes_demo"
    assert bases.record_install(s, sad.base_id, "3.2", TODAY, confirmed=True) == victims
    row = next(r for r in bases.list_bases(s, TODAY) if r.info.id == sad.base_id)
    assert row.status.state.value == "demo" and row.info.installed_version == "3.2"
    kinds = [e.kind for e in licenses.history(s, victims[0])]
    assert "demo" in kinds


def test_feed_loads_all_or_nothing_and_says_what_is_new(s: SqlDatabase, tmp_path: Path) -> None:
    loaded = bases.load_feed(s, FEED)
    assert (loaded.product_sku, loaded.new_versions) == ("MS-STORE15-BASE", ("15.4",))
    assert bases.configured_feed(s) == FEED
    assert bases.check_feed(s).new_versions == ()  # nothing new the second time
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
    with pytest.raises(DomainError) as err:
        bases.load_feed(s, bad)  # 15.4 is stored with another date
    assert err.value.params["problems"][0].code == "date_conflict"
    assert bases.configured_feed(s) == FEED  # a refused feed is not remembered
