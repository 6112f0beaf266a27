"""setup: a demo only into an empty store; imports all or nothing; export and back."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from desktop.domain.errors import DomainError
from desktop.services import dataset as ds
from desktop.services import demo_data, licenses, setup
from desktop.services.ports import SortKey
from tests.conftest import TODAY
from tests.support.fakes import FakeDatabase

EXPECTED = demo_data.build(TODAY)


def rows(db: FakeDatabase) -> list[tuple[object, ...]]:
    query = licenses.make_query(db, TODAY, sort=SortKey.ID)
    return [
        (r.product_sku, r.device_code, r.activated_on, r.subscription_end, r.status)
        for r in licenses.list_licenses(db, query)
    ]


def test_the_demo_goes_into_an_empty_store_only(db: FakeDatabase) -> None:
    assert setup.is_empty(db)
    summary = setup.init_demo(db, TODAY)
    assert summary == ds.LoadSummary(
        *(len(x) for x in (EXPECTED.products, EXPECTED.stores, EXPECTED.bases)),
        *(len(x) for x in (EXPECTED.devices, EXPECTED.licenses, EXPECTED.releases)),
    )
    assert db.committed == 1 and not setup.is_empty(db)
    with pytest.raises(DomainError) as err:
        setup.init_demo(db, TODAY)
    assert err.value.code == "store_not_empty" and db.committed == 1


@pytest.mark.parametrize("fmt", ["json", "csv"])
def test_export_and_import_give_the_same_licenses(
    demo: FakeDatabase, tmp_path: Path, fmt: str
) -> None:
    path = tmp_path / f"all.{fmt}"
    assert setup.export_file(demo, path, fmt) == 20 and demo.committed == 0
    copy = FakeDatabase()
    setup.import_file(copy, path, TODAY)
    assert rows(copy) == rows(demo)
    again = setup.import_file(copy, path, TODAY)  # nothing is added twice
    assert again.licenses == 0 and rows(copy) == rows(demo) and copy.committed == 2


def test_a_bad_file_writes_nothing(db: FakeDatabase, tmp_path: Path) -> None:
    data = json.loads(ds.to_json(EXPECTED))
    data["licenses"][3]["subscription_end"] = None  # bound without an end: refused
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(DomainError) as err:
        setup.import_file(db, path, TODAY)
    assert [(p.where, p.field, p.code) for p in err.value.params["problems"]] == [
        ("licenses[3]", "subscription_end", "missing")
    ]
    assert db.opened == 0  # checked before a transaction opens
    assert setup.is_empty(db) and db.committed == 0
