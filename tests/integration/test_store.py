"""The store on a real SQLite file and a real PostgreSQL server: the same tests, same results."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from desktop.domain.errors import DomainError
from desktop.domain.status import LicenseStatus
from desktop.services import dataset as ds
from desktop.services import demo_data, licenses, setup
from desktop.services.ports import LicenseQuery, SortKey
from desktop.storage import migrate
from desktop.storage.all_models import metadata
from desktop.storage.open import open_store
from desktop.storage.uow import Store
from tests.conftest import TODAY, as_db

EXPECTED = demo_data.build(TODAY)


@pytest.fixture
def demo_store(db_target: str):  # noqa: ANN201
    s = open_store(db_target)
    setup.init_demo(as_db(s), TODAY)
    yield s
    s.dispose()


def q(**kw) -> LicenseQuery:  # noqa: ANN003
    return LicenseQuery(today=TODAY, threshold_days=30, **kw)


def all_rows(s: Store, query: LicenseQuery) -> list:  # noqa: ANN001
    return licenses.list_licenses(as_db(s), query)


def test_migrations_match_the_models(db_target: str) -> None:
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    s = open_store(db_target)
    with s.engine.connect() as conn:
        ctx = MigrationContext.configure(
            conn, opts={"compare_type": True, "include_name": _not_fts}
        )
        diff = compare_metadata(ctx, metadata)
    s.dispose()
    assert diff == []


def _not_fts(name, type_, parent_names) -> bool:  # noqa: ANN001
    # The FTS5 index and its shadow tables are created by migration 0005 on purpose, and
    # PostgreSQL's own sort and trigram indexes (ix_pg_*) by migration 0008_scale.
    if type_ == "index" and name and name.startswith("ix_pg_"):
        return False
    return not (type_ == "table" and name and name.startswith("license_fts"))


def test_single_head_and_head_constant() -> None:
    assert migrate.script_head() == migrate.HEAD


def test_downgrade_to_base_and_up_again(db_target: str) -> None:
    from alembic import command

    s = open_store(db_target)
    cfg = migrate._alembic_config()
    with s.engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "base")
    assert migrate.current_revision(s.engine) is None
    assert migrate.upgrade(s.engine) is True
    assert migrate.current_revision(s.engine) == migrate.HEAD
    s.dispose()


def test_events_are_append_only(demo_store: Store) -> None:
    with demo_store.uow(write=True) as uow:
        uow.events.append("note", license_id=1, details={"x": 1})
        uow.commit()
    for stmt in ("UPDATE events SET kind = 'forged'", "DELETE FROM events"):
        with pytest.raises(DBAPIError), demo_store.engine.begin() as conn:
            conn.execute(text(stmt))
    with demo_store.uow() as uow:
        assert uow.events.for_license(1)[-1].details == {"x": 1}


def test_counts_filters_and_search(demo_store: Store) -> None:
    bound = [lic for lic in EXPECTED.licenses if lic.device_code]
    expiring = [lic for lic in bound if 0 <= (lic.subscription_end - TODAY).days <= 30]
    with demo_store.uow() as uow:
        assert uow.licenses.count(q()) == len(EXPECTED.licenses)
        counts = uow.licenses.status_counts(q())
        assert counts[LicenseStatus.EXPIRING] == len(expiring)
        assert counts[LicenseStatus.FREE] == len(EXPECTED.licenses) - len(bound)
        assert sum(counts.values()) == len(EXPECTED.licenses)
        assert uow.licenses.next_end(TODAY) == TODAY
    rows = all_rows(demo_store, q(status=LicenseStatus.EXPIRING))
    assert sorted(r.days_left for r in rows) == sorted(
        (lic.subscription_end - TODAY).days for lic in expiring
    )
    # search is case-insensitive for Cyrillic too, on both databases
    assert {r.store_name for r in all_rows(demo_store, q(search="садовой"))} == {
        "Магазин на Садовой, 5"
    }
    assert {r.product_name for r in all_rows(demo_store, q(search="ЕГАИС 3"))} == {"ЕГАИС 3"}
    code = bound[0].device_code
    assert [r.device_code for r in all_rows(demo_store, q(search=code.lower()))] == [code]
    assert all_rows(demo_store, q(search="%")) == []  # LIKE wildcards are literal
    assert len(all_rows(demo_store, q(search="15"))) >= 1  # short text: plain LIKE path


@pytest.mark.parametrize("key", list(SortKey))
def test_every_sort_is_by_value_and_stable(demo_store: Store, key: SortKey) -> None:
    for desc in (False, True):
        rows = all_rows(demo_store, q(sort=key, descending=desc))
        assert len({r.id for r in rows}) == len(EXPECTED.licenses)
        if key in (SortKey.END, SortKey.DAYS_LEFT):
            ends = [r.subscription_end for r in rows if r.subscription_end]
            assert ends == sorted(ends, reverse=desc)
            assert rows[-1].subscription_end is None  # empty dates last both ways


@pytest.mark.parametrize("key", list(SortKey))
def test_deep_pages_read_from_the_far_end_match(demo_store: Store, monkeypatch, key) -> None:  # noqa: ANN001
    """Read from the far end, a page is the exact mirror of the forward order, empty
    values (free licenses: no device, store or end) included."""
    from desktop.storage import license_reader

    for desc in (False, True):
        query = q(sort=key, descending=desc)
        monkeypatch.setattr(license_reader, "DEEP_OFFSET", 0)
        with demo_store.uow() as uow:
            total = uow.licenses.count(query)
            paged = [r.id for off in range(0, total, 3) for r in uow.licenses.page(query, off, 3)]
        monkeypatch.setattr(license_reader, "DEEP_OFFSET", 10**9)
        with demo_store.uow() as uow:
            forward = [r.id for r in uow.licenses.page(query, 0, total)]
            streamed = [r.id for batch in uow.licenses.stream(query, 4) for r in batch]
        assert paged == forward == streamed


def test_export_and_reimport_roundtrip(demo_store: Store, tmp_path: Path) -> None:
    for fmt in ("json", "csv"):
        path = tmp_path / f"all.{fmt}"
        setup.export_file(as_db(demo_store), path, fmt)
        target = open_store(tmp_path / f"copy-{fmt}.db")
        setup.import_file(as_db(target), path, TODAY)
        a = [
            (r.product_sku, r.device_code, r.subscription_end, r.status)
            for r in all_rows(demo_store, q(sort=SortKey.ID))
        ]
        b = [
            (r.product_sku, r.device_code, r.subscription_end, r.status)
            for r in all_rows(target, q(sort=SortKey.ID))
        ]
        assert a == b
        setup.import_file(as_db(target), path, TODAY)  # again: nothing is added twice
        assert len(all_rows(target, q())) == len(a)
        target.dispose()


BAD_JSON = [
    ("licenses", 0, "activated_on", "bad_date", "2026-02-30"),
    ("licenses", 1, "product_sku", "unknown_product", "NOPE"),
    ("devices", 0, "kind", "bad_choice", "phone"),
]


def test_bad_json_import_names_entries_and_writes_nothing(
    demo_store: Store, tmp_path: Path
) -> None:
    data = json.loads(ds.to_json(EXPECTED))
    data["licenses"][0]["activated_on"] = "2026-02-30"
    data["licenses"][1]["product_sku"] = "NOPE"
    data["devices"][0]["kind"] = "phone"
    data["devices"].append(dict(data["devices"][1]))  # duplicate code
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    fresh = open_store(tmp_path / "fresh.db")
    with pytest.raises(DomainError) as err:
        setup.import_file(as_db(fresh), path, TODAY)
    problems = {(p.where, p.field, p.code) for p in err.value.params["problems"]}
    assert ("licenses[0]", "activated_on", "bad_date") in problems
    assert ("licenses[1]", "product_sku", "unknown_product") in problems
    assert ("devices[0]", "kind", "bad_choice") in problems
    assert any(p[2] == "duplicate" for p in problems)
    with fresh.uow() as uow:
        assert uow.dataset.is_empty()
    fresh.dispose()


@pytest.mark.parametrize(
    ("content", "code"),
    [
        (b"{not json", "import_not_json"),
        (b'{"format": "other"}', "import_wrong_format"),
        (b"\xff\xfe\x00bad", "import_not_utf8"),
        (b"product_sku,product_name\nX,Y\n", "import_csv_columns"),
    ],
)
def test_broken_files_are_refused(tmp_path: Path, content: bytes, code: str) -> None:
    path = tmp_path / ("f.csv" if b"product_sku," in content else "f.json")
    path.write_bytes(content)
    s = open_store(tmp_path / "s.db")
    with pytest.raises(DomainError) as err:
        setup.import_file(as_db(s), path, TODAY)
    assert err.value.code == code
    s.dispose()


def test_bad_csv_row_and_field(tmp_path: Path) -> None:
    path = tmp_path / "x.csv"
    path.write_text(ds.to_csv(EXPECTED).replace(",2026-", ",2026/", 1), encoding="utf-8")
    s = open_store(tmp_path / "s.db")
    with pytest.raises(DomainError) as err:
        setup.import_file(as_db(s), path, TODAY)
    p = err.value.params["problems"][0]
    assert p.where == "row 2" and p.code == "bad_date"
    with s.uow() as uow:
        assert uow.dataset.is_empty()
    s.dispose()


def test_store_written_by_a_newer_app_is_refused(db_target: str) -> None:
    s = open_store(db_target)
    with s.engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '9999'"))
    s.dispose()
    with pytest.raises(DomainError) as err:
        open_store(db_target)
    assert err.value.code == "store_too_new"


# ------------------------------------------------------------------ SQLite specifics


def test_sqlite_pragmas(store: Store) -> None:
    with store.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL
        assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() >= 5000


def test_write_unit_takes_the_lock_first(store: Store, sqlite_path: Path) -> None:
    with store.uow(write=True):
        other = sqlite3.connect(sqlite_path, timeout=0.1)
        with pytest.raises(sqlite3.OperationalError, match="locked"):
            other.execute("BEGIN IMMEDIATE")
        other.close()


def test_upgrade_keeps_data_and_backs_up(tmp_path: Path) -> None:
    from alembic import command

    from desktop.storage.db import create_store_engine

    path = tmp_path / "old.db"
    engine = create_store_engine(path)
    cfg = migrate._alembic_config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "0001")
    with engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO products (sku, name, line, kind, currency) "
                "VALUES ('MS-X', 'Склад 15', 'mobile-smarts', 'license', 'RUB')"
            )
        )
        conn.execute(
            text(
                "INSERT INTO licenses (product_id, device_id, activated_on, subscription_end, "
                "created_at) VALUES (1, NULL, '2026-01-10', '2027-01-09', '2026-01-10 00:00:00')"
            )
        )
    engine.dispose()
    s = open_store(path)
    rows = licenses.list_licenses(as_db(s), q(search="склад"))
    assert [(r.product_name, r.subscription_end) for r in rows] == [
        ("Склад 15", dt.date(2027, 1, 9))
    ]
    from desktop.storage.backup import SqliteBackups

    # a consistent copy in the store's backup folder, never beside it
    assert [b.reason for b in SqliteBackups(path).list()] == ["before-migration"]
    assert not list(tmp_path.glob("old.db.before-*"))
    s.dispose()


def test_bad_db_targets(tmp_path: Path) -> None:
    with pytest.raises(DomainError) as err:
        open_store(tmp_path)
    assert err.value.code == "db_path_is_dir"
    with pytest.raises(DomainError) as err:
        open_store("postgresql+psycopg://nobody:x@127.0.0.1:1/none")
    assert err.value.code == "db_unavailable"


def test_status_counts_with_search_match_the_filtered_lists(demo_store: Store) -> None:
    for extra in ({"search": "магазин"}, {"search": "15"}, {"store_id": 1}):
        with demo_store.uow() as uow:
            counts = uow.licenses.status_counts(q(**extra))
        for status in (
            LicenseStatus.FREE,
            LicenseStatus.EXPIRING,
            LicenseStatus.EXPIRED,
            LicenseStatus.ACTIVE,
        ):
            assert counts[status] == len(all_rows(demo_store, q(status=status, **extra)))
