"""settings: every value is checked before one is stored; all or none, one commit."""

from __future__ import annotations

import pytest

from desktop.domain.errors import DomainError
from desktop.services import settings as st
from tests.support.fakes import FakeDatabase

DEFAULTS = st.BusinessSettings(30, (30, 14, 1), 14)


def test_an_empty_store_has_the_defaults(db: FakeDatabase) -> None:
    assert st.load(db) == DEFAULTS
    assert db.committed == 0


def test_save_stores_every_value_in_one_commit(db: FakeDatabase) -> None:
    saved = st.save(db, st.BusinessSettings(45, (1, 7, 7, 30), 0))
    assert saved == st.BusinessSettings(45, (30, 7, 1), 0)  # stages: unique, largest first
    assert st.load(db) == saved
    assert db.committed == 1


@pytest.mark.parametrize(
    ("values", "code"),
    [
        (st.BusinessSettings(367, (30, 1), 14), "bad_threshold"),
        (st.BusinessSettings(-1, (30, 1), 14), "bad_threshold"),
        (st.BusinessSettings(30, (), 14), "bad_warning_stages"),
        (st.BusinessSettings(30, (30, 400), 14), "bad_warning_stages"),
        (st.BusinessSettings(30, (30, -1), 14), "bad_warning_stages"),
        (st.BusinessSettings(30, (30, 1), 367), "bad_notice_days"),
        (st.BusinessSettings(30, (30, 1), -1), "bad_notice_days"),
    ],
)
def test_one_bad_value_stores_none(
    db: FakeDatabase, values: st.BusinessSettings, code: str
) -> None:
    st.save(db, st.BusinessSettings(10, (10, 2), 3))
    with pytest.raises(DomainError) as err:
        st.save(db, values)
    assert err.value.code == code
    assert st.load(db) == st.BusinessSettings(10, (10, 2), 3)
    assert db.committed == 1  # the first save only


def test_an_unreadable_stored_value_reads_as_the_default(db: FakeDatabase) -> None:
    with db.uow(write=True) as uow:
        uow.settings.set(st.EXPIRING_DAYS.key, "thirty")
        uow.settings.set(st.WARNING_STAGES.key, "30,x")
        uow.commit()
    assert st.load(db) == DEFAULTS
