"""The fake unit of work keeps the transaction rules the services rely on."""

from __future__ import annotations

import pytest

from desktop.context import AppContext
from desktop.domain.clock import FixedClock
from desktop.domain.status import LicenseStatus
from desktop.services import licenses, settings
from tests.conftest import TEST_PC, TODAY
from tests.support.fakes import (
    ConcurrentCommit,
    FakeAuthority,
    FakeDatabase,
    fake_verifier,
)


def settings_of(db: FakeDatabase) -> dict[str, str]:
    """The settings a test wrote (the store's own id is there from the start)."""
    return {k: v for k, v in db.state.settings.items() if k not in ("store_id", "clock.high_water")}


def test_commit_publishes_and_leaving_without_commit_discards(db: FakeDatabase) -> None:
    with db.uow(write=True) as uow:
        uow.settings.set("a", "1")
        uow.commit()
        uow.settings.set("b", "2")  # after the commit, never committed
    with db.uow(write=True) as uow:
        uow.settings.set("c", "3")
        uow.rollback()
        uow.settings.set("d", "4")
        uow.commit()
    assert settings_of(db) == {"a": "1", "d": "4"}
    assert db.committed == 2


def test_an_exception_inside_leaves_nothing(db: FakeDatabase) -> None:
    with pytest.raises(RuntimeError), db.uow(write=True) as uow:
        uow.settings.set("a", "1")
        raise RuntimeError
    assert settings_of(db) == {} and db.committed == 0


def test_a_unit_sees_only_committed_state(db: FakeDatabase) -> None:
    with db.uow(write=True) as writer:
        writer.settings.set("a", "1")
        with db.uow() as reader:
            assert reader.settings.get("a") is None
        writer.commit()
    with db.uow() as reader:
        assert reader.settings.get("a") == "1"


def test_two_writers_on_the_same_state_are_refused(db: FakeDatabase) -> None:
    with db.uow(write=True) as first, db.uow(write=True) as second:
        first.settings.set("a", "1")
        second.settings.set("a", "2")
        first.commit()
        with pytest.raises(ConcurrentCommit):
            second.commit()
    assert settings_of(db) == {"a": "1"}


def test_a_failing_commit_writes_nothing(db: FakeDatabase) -> None:
    db.fail_next_commit = OSError("disk full")
    with pytest.raises(OSError):
        settings.save(db, settings.BusinessSettings(10, (10, 1), 5))
    assert settings.load(db) == settings.BusinessSettings(30, (30, 14, 1), 14)
    assert db.committed == 0


def test_listeners_hear_committed_writes_only(db: FakeDatabase) -> None:
    heard: list[int] = []
    unsubscribe = db.subscribe(lambda: heard.append(db.committed))
    with db.uow(write=True) as uow:
        uow.settings.set("a", "1")  # rolled back: nothing to hear
    with db.uow() as uow:
        uow.commit()  # a read unit's commit changes nothing a view shows
    settings.save(db, settings.BusinessSettings(10, (10,), 5))
    unsubscribe()
    settings.save(db, settings.BusinessSettings(11, (10,), 5))
    assert heard == [2]


def test_unique_keys_hold(db: FakeDatabase) -> None:
    with db.uow(write=True) as uow:
        uow.activation.ensure_device("CP30-1-1")
        uow.activation.ensure_device("CP30-1-1")  # found, not added
        code = uow.activation.ensure_device("CP30-2-2")
        assert code != uow.activation.ensure_device("CP30-1-1")
        assert [code for code, _ in uow.activation.device_choices()] == ["CP30-1-1", "CP30-2-2"]


def test_a_unit_is_used_inside_with_only(db: FakeDatabase) -> None:
    uow = db.uow()
    with pytest.raises(AttributeError):
        uow.settings.get("a")


def test_an_application_object_builds_on_the_fake(demo: FakeDatabase) -> None:
    authority = FakeAuthority(TODAY)
    app = AppContext(
        db=demo,
        clock=FixedClock(TODAY),
        is_demo=True,
        make_authority=lambda: authority,
        make_keys=lambda: authority.keys,
        make_verifier=lambda _app: fake_verifier(demo, authority),
        this_pc=lambda: TEST_PC,
    )
    query = licenses.make_query(app.db, app.clock.today(), status=LicenseStatus.EXPIRED)
    rows = licenses.list_licenses(app.db, query, app.verifier)
    assert {r.status for r in rows} == {LicenseStatus.EXPIRED}
    assert app.authority.status().current_key_id in app.trusted_keys.keys
    assert app.db.sync_reads and app.db_label == "memory"
