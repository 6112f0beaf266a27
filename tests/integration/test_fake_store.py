"""The fake store (tests/support/fakes.py) answers as the real one: the same use cases on
the demo, then the same writes, read back through every read service on both stores.

This is what keeps the fast service tests honest: when the SQL changes, a difference
shows here first. (The license table's reader is also held equal to SQLite on generated
data by test_status_rule.py.)
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from desktop.domain.errors import DomainError
from desktop.services import (
    activation,
    bases,
    catalog,
    licenses,
    renewals,
    settings,
    setup,
    warnings,
)
from desktop.services.ports import Database, SortKey
from desktop.storage.open import open_store
from tests.conftest import TODAY, as_db
from tests.support.fakes import FakeAuthority, FakeDatabase

FEED = Path(__file__).resolve().parents[1] / "data" / "feed"
NEW_DEVICE = "CP30-1234567890123-1234567890123"
OTHER_DEVICE = "CP30-2222222222222-2222222222222"
#: Stamped by each store's clock or drawn at random (activation codes).
VOLATILE = {"at", "occurred_at", "created_at", "used_at", "activated_at", "codes"}


#: Sorts by a text column: PostgreSQL orders them by the database's collation, the fake
#: (as SQLite) by code point; they are compared where the collation is by code point.
TEXT_SORTS = {SortKey.PRODUCT, SortKey.KIND, SortKey.DEVICE_CODE, SortKey.DEVICE, SortKey.STORE}


@pytest.fixture
def both(db_target: str) -> Iterator[tuple[Database, FakeDatabase, bool]]:
    store = open_store(db_target)
    by_code_point = True
    if store.dialect == "postgresql":
        with store.engine.connect() as conn:
            collation = conn.exec_driver_sql("SHOW lc_collate").scalar()
        by_code_point = str(collation).split(".")[0] in ("C", "POSIX")
    yield as_db(store), FakeDatabase(), by_code_point
    store.dispose()


def plain(value: Any) -> Any:
    """Dataclasses as dicts without the moments a store stamps with its own clock."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {
            f.name: plain(getattr(value, f.name))
            for f in dataclasses.fields(value)
            if f.name not in VOLATILE
        }
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items() if k not in VOLATILE}
    if isinstance(value, list | tuple):
        return [plain(v) for v in value]
    return value


def observe(db: Database, day: dt.date, text_sorts: bool) -> dict[str, Any]:
    """What every read use case says about the store."""
    seen: dict[str, Any] = {}
    for key in SortKey if text_sorts else set(SortKey) - TEXT_SORTS:
        for desc in (False, True):
            query = licenses.make_query(db, day, sort=key, descending=desc)
            seen[f"rows {key} {desc}"] = plain(licenses.list_licenses(db, query))
    query = licenses.make_query(db, day)
    seen["counts"] = plain(licenses.counts(db, query))
    ids = [r.id for r in licenses.list_licenses(db, query)]
    # serials are the authority's random ones (a fresh authority per store): left out
    seen["history"] = {
        i: [
            {**plain(e), "details": {k: v for k, v in e.details.items() if k != "serial"}}
            for e in licenses.history(db, i)
        ]
        for i in ids
    }
    seen["quotes"] = {
        i: plain(q) if isinstance(q, renewals.Quote) else q.code
        for i, q in renewals.quote_each(db, ids, day).items()
    }
    seen["forecast"] = plain(renewals.forecast(db, day, 13))
    seen["orders"] = plain(renewals.orders(db))
    for o in renewals.orders(db):  # one order read alone, and as printed
        seen[f"order {o.id}"] = plain(renewals.order(db, o.id))
        seen[f"order {o.id} text"] = renewals.order_text(o)
    seen["bases"] = plain(bases.overview(db, day))
    seen["devices"] = {b.info.id: plain(bases.devices(db, b.info.id)) for b in seen_bases(db, day)}
    state = warnings.collect(db, day)
    seen["warnings"] = plain(state)
    seen["warning_items"] = plain(list(warnings.stream(db, state.scope())))
    seen["warning_page"] = plain(warnings.items(db, state.scope(pending_only=True), 2, 3))
    seen["settings"] = plain(settings.load(db))
    seen["stores"] = catalog.stores(db)
    seen["choices"] = activation.device_choices(db)
    with db.uow() as uow:
        data = uow.dataset.dump()
        data.settings.pop("store_id", None)
        data.settings.pop("clock.high_water", None)  # the time of each run's last write
        data.store_id = None  # each store's own
        for lic in data.licenses:  # the serials and signatures of each run's own authority
            lic.history = [{k: v for k, v in h.items() if k != "serial"} for h in lic.history]
            lic.signed = None
        seen["dump"] = plain(data)
        seen["signed"] = [  # which rows are signed (each run's authority has its own key)
            (i, record.key_id is not None)
            for i in ids
            if (record := uow.licenses.get(i)) is not None and record.signature
        ]
    return seen


def seen_bases(db: Database, day: dt.date) -> list[bases.BaseRow]:
    return bases.list_bases(db, day)


def act(db: Database) -> list[object]:
    """The same writes on either store; what each use case answered (or refused)."""
    out: list[object] = []

    def attempt(fn: Any, *args: Any, **kw: Any) -> None:
        try:
            result = fn(*args, **kw)
        except DomainError as err:
            out.append(("refused", err.code))
        else:
            out.append(plain(result) if not isinstance(result, list | str) else "ok")

    authority = FakeAuthority(TODAY)
    keys = authority.keys
    attempt(setup.ensure_demo, db, authority, keys, TODAY)
    attempt(settings.save, db, settings.BusinessSettings(21, (21, 7, 1), 10))
    attempt(warnings.acknowledge, db, TODAY)
    attempt(warnings.snooze, db, TODAY)
    code = authority.issue("MS-KIROVKA", "license")[0]
    attempt(activation.activate, db, authority, keys, NEW_DEVICE, code)
    attempt(activation.activate, db, authority, keys, NEW_DEVICE, "AAAAA-AAAA-AAAAA-AAAAA-AAAAA")
    attempt(activation.transfer, db, authority, 21, TODAY)
    attempt(activation.activate, db, authority, keys, OTHER_DEVICE, code)
    order = renewals.create_order(db, [2, 3, 9], TODAY)
    attempt(renewals.set_order_status, db, order, "sent")
    authority.tamper_line = 2
    attempt(renewals.fulfil_order, db, authority, keys, order)
    authority.tamper_line = None
    attempt(renewals.fulfil_order, db, authority, keys, order)
    attempt(renewals.create_order, db, [20], TODAY)
    attempt(bases.record_install, db, 2, "3.2", TODAY)
    attempt(bases.record_install, db, 2, "3.2", TODAY, confirmed=True)
    attempt(bases.load_feed, db, FEED)
    attempt(bases.record_install, db, 1, "15.4", TODAY, confirmed=True)
    return out


def test_the_fake_answers_as_sqlite_before_and_after_the_same_writes(
    both: tuple[Database, FakeDatabase, bool],
) -> None:
    real, fake, text_sorts = both
    assert act(real) == act(fake)
    for day in (TODAY, TODAY + dt.timedelta(days=40)):
        a, b = observe(real, day, text_sorts), observe(fake, day, text_sorts)
        assert a.keys() == b.keys()
        for key in a:
            assert a[key] == b[key], key
