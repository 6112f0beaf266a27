"""Imports on a real store: every class of bad input is refused by row/index and field with
nothing written; round trips; idempotent re-import; derived columns; parameter limits."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import os
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select, text

from desktop.domain.errors import DomainError
from desktop.messages import MESSAGES, PROBLEMS, render
from desktop.services import dataset as ds
from desktop.services import demo_data
from desktop.services.progress import NO_PROGRESS, Cancelled, Progress
from desktop.storage import search_index
from desktop.storage.open import open_store
from desktop.storage.schema import Device, Event, License, Product, Setting, Store
from desktop.storage.uow import Store as Db
from tests.conftest import TODAY
from tests.support.mutate import mutate

DEMO = demo_data.build(TODAY)
CODE = "CP30-3210741300095-3210741300095"


def import_file(db: Db, path: Path, progress: Progress = NO_PROGRESS) -> ds.LoadSummary:
    """What setup.import_file does (the lead wires it): check, then load in one transaction."""
    plan = ds.check_file(path, TODAY, progress)
    with db.uow(write=True) as uow:
        summary = uow.dataset.load_plan(plan, progress)
        uow.commit()
    return summary


def counts(db: Db) -> dict[str, int]:
    with db.uow() as uow:
        s = uow.session  # type: ignore[attr-defined]
        return {
            t.__tablename__: s.execute(select(func.count()).select_from(t)).scalar_one()
            for t in (Product, Store, Device, License, Event, Setting)
        }


def csv_text(rows: list[dict[str, str]]) -> str:
    out = io.StringIO()
    w = csv.DictWriter(out, fieldnames=ds.CSV_COLUMNS, lineterminator="\n")
    w.writeheader()
    for r in rows:
        w.writerow({c: r.get(c, "") for c in ds.CSV_COLUMNS})
    return out.getvalue()


def row(**kw: str) -> dict[str, str]:
    base = {
        "product_sku": "MS-STORE15-BASE",
        "product_name": "Магазин 15",
        "product_line": "mobile-smarts",
        "currency": "RUB",
        "list_price": "24900.00",
        "price_from": "2024-01-01",
        "renewal_sku": "SSY1-MS-STORE15-BASE",
        "device_code": CODE,
        "device_kind": "terminal",
        "device_name": "ТСД 1",
        "store": "Магазин №1",
        "activated_on": "2026-01-10",
        "subscription_end": "2027-01-09",
    }
    base.update(kw)
    return base


def demo_json() -> dict:  # type: ignore[type-arg]
    return json.loads(ds.to_json(DEMO))


def refused(db: Db, tmp_path: Path, content: str | bytes, suffix: str = ".csv") -> DomainError:
    path = tmp_path / f"in{suffix}"
    if isinstance(content, str):
        path.write_text(content, encoding="utf-8", newline="")
    else:
        path.write_bytes(content)
    before = counts(db)
    with pytest.raises(DomainError) as err:
        import_file(db, path)
    assert counts(db) == before, "a refused import wrote something"
    assert err.value.code in MESSAGES
    for p in err.value.params.get("problems", []):
        assert p.code in PROBLEMS, p
    render(err.value.code, err.value.params).encode("utf-8")  # printable
    return err.value


def problems(err: DomainError) -> set[tuple[str, str, str]]:
    return {(p.where, p.field, p.code) for p in err.params["problems"]}


# ---------------------------------------------------------------- bad input, class by class


@pytest.mark.parametrize(
    ("field", "value", "code"),
    [
        ("subscription_end", "9999-12-31", "date_out_of_range"),
        ("activated_on", "1900-01-01", "date_out_of_range"),
        ("activated_on", "2026-02-30", "bad_date"),
        ("activated_on", "2026-1-05", "bad_date"),
        ("activated_on", "２０２６-01-05", "bad_date"),
        ("price_from", "20240101", "bad_date"),
        ("list_price", "1e5", "bad_number"),
        ("list_price", "-5", "bad_number"),
        ("list_price", "NaN", "bad_number"),
        ("list_price", "1_000", "bad_number"),
        ("list_price", "12.345", "bad_number"),
        ("list_price", "٣٠٠", "bad_number"),
        ("list_price", "5000000000", "number_out_of_range"),
        ("device_code", "СP30-3210741300095-3210741300095", "bad_device_code"),  # Cyrillic С
        ("device_code", "CP30-3210741300095\u200b-3210741300095", "bad_device_code"),
        ("device_code", "\u202eCP30-3210741300095-3210741300095", "bad_device_code"),
        ("device_code", "CP30-32107413000\x0095-3210741300095", "bad_device_code"),
        ("device_name", "ТСД\u202e1", "bad_characters"),
        ("store", "Магазин\x00", "bad_characters"),
        ("device_name", "x" * 201, "too_long"),
        ("product_sku", "MS STORE", "bad_sku"),
        ("product_line", "other", "bad_choice"),
        ("currency", "XXX", "bad_choice"),
        ("device_kind", "phone", "bad_choice"),
    ],
)
def test_bad_csv_field_is_named_by_row_and_field(
    store: Db, tmp_path: Path, field: str, value: str, code: str
) -> None:
    err = refused(store, tmp_path, csv_text([row(), row(**{field: value})]))
    assert (("row 3", field, code)) in problems(err), problems(err)


def test_bound_license_without_end_is_refused_in_csv_as_in_json(store: Db, tmp_path: Path) -> None:
    err = refused(store, tmp_path, csv_text([row(subscription_end="")]))
    assert problems(err) == {("row 2", "subscription_end", "missing")}
    data = demo_json()
    bound = next(i for i, lic in enumerate(data["licenses"]) if lic["device_code"])
    data["licenses"][bound]["subscription_end"] = None
    err = refused(store, tmp_path, json.dumps(data), ".json")
    assert (f"licenses[{bound}]", "subscription_end", "missing") in problems(err)


def test_repeated_sku_with_conflicting_currency_is_refused(store: Db, tmp_path: Path) -> None:
    rows = [
        row(),
        row(
            device_code="",
            device_kind="",
            device_name="",
            store="",
            activated_on="",
            subscription_end="",
            currency="PLN",
        ),
    ]
    err = refused(store, tmp_path, csv_text(rows))
    assert ("row 3", "currency", "conflict") in problems(err)
    rows[1].update(currency="RUB", list_price="1.00")  # same day, another price
    err = refused(store, tmp_path, csv_text(rows))
    assert ("row 3", "list_price", "conflict") in problems(err)


def test_a_stored_product_in_another_currency_is_refused(store: Db, tmp_path: Path) -> None:
    path = tmp_path / "a.csv"
    path.write_text(csv_text([row()]), encoding="utf-8")
    import_file(store, path)
    before = counts(store)
    path.write_text(csv_text([row(currency="EUR", device_code="CP30-1111111111111-1111111111111")]))
    with pytest.raises(DomainError) as err:
        import_file(store, path)
    assert problems(err.value) == {("products[0]", "currency", "conflict_stored")}
    assert counts(store) == before


def test_bad_json_values_are_named_by_index_and_field(store: Db, tmp_path: Path) -> None:
    data = demo_json()
    enova = next(i for i, lic in enumerate(data["licenses"]) if lic["modules"])
    data["licenses"][0]["activated_on"] = "9999-01-01"
    data["licenses"][enova]["modules"][0]["seats"] = 0
    data["licenses"][enova]["modules"][1]["seats"] = "5e1"
    data["licenses"][enova]["modules"][2]["seats"] = True
    data["products"][0]["prices"][0]["amount"] = 24900.5  # a float, not a decimal string
    data["licenses"][1]["history"] = [{"kind": "x", "at": "not a time"}]
    data["devices"][0]["code"] = "ＣＰ３０-3210741300095-\u200b3210741300095"
    err = refused(store, tmp_path, json.dumps(data), ".json")
    got = problems(err)
    assert ("licenses[0]", "activated_on", "date_out_of_range") in got
    assert (f"licenses[{enova}].modules[0]", "seats", "number_out_of_range") in got
    assert (f"licenses[{enova}].modules[1]", "seats", "bad_number") in got
    assert (f"licenses[{enova}].modules[2]", "seats", "bad_text") in got
    assert ("products[0].prices[0]", "amount", "bad_number") in got
    assert ("licenses[1].history[0]", "at", "bad_date") in got
    assert ("devices[0]", "code", "bad_device_code") in got


def test_full_width_device_code_is_stored_as_ascii(store: Db, tmp_path: Path) -> None:
    path = tmp_path / "fw.csv"
    path.write_text(
        csv_text([row(device_code="ＣＰ３０-３２１０７４１３０００９５-3210741300095")])
    )
    import_file(store, path)
    with store.uow() as uow:
        assert uow.session.scalars(select(Device.code)).all() == [CODE]  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("settings", "expected"),
    [
        ({"colour": "red"}, ("settings[colour]", "key", "unknown_setting")),
        ({"expiring_days": "999"}, ("settings[expiring_days]", "value", "number_out_of_range")),
        ({"expiring_days": "-1"}, ("settings[expiring_days]", "value", "bad_number")),
        ({"device_notice_days": "1e3"}, ("settings[device_notice_days]", "value", "bad_number")),
        ({"warning_stages": "30;14"}, ("settings[warning_stages]", "value", "bad_warning_stages")),
        (
            {"warnings.snoozed_until": "2028-01-01"},
            ("settings[warnings.snoozed_until]", "value", "date_too_late"),
        ),
        (
            {"warnings.dismissed_on": "2030-01-01"},
            ("settings[warnings.dismissed_on]", "value", "date_too_late"),
        ),
        (
            {"warnings.snoozed_until": "9999-01-01"},
            ("settings[warnings.snoozed_until]", "value", "date_out_of_range"),
        ),
        ({"release_feed": "C:\\feeds\x00"}, ("settings[release_feed]", "value", "bad_characters")),
        ({"expiring_days": {"a": 1}}, ("settings[expiring_days]", "value", "bad_text")),
    ],
)
def test_settings_only_known_keys_with_their_own_checks(
    store: Db,
    tmp_path: Path,
    settings: dict,
    expected: tuple,  # type: ignore[type-arg]
) -> None:
    data = demo_json()
    data["settings"] = settings
    err = refused(store, tmp_path, json.dumps(data), ".json")
    assert expected in problems(err)


def test_store_identity_is_never_imported(store: Db, tmp_path: Path) -> None:
    data = demo_json()
    data["settings"] = {
        "store_id": "someone-elses-store",
        "signed_store": "1",
        "expiring_days": "45",
        "warning_stages": "1,30,14,14",
        "warnings.snoozed_until": (TODAY + dt.timedelta(days=300)).isoformat(),
    }
    path = tmp_path / "s.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    with store.uow() as uow:
        own = uow.settings.get("store_id")  # created with the store (migration 0006)
    summary = import_file(store, path)
    assert summary.skipped_settings == ("store_id", "signed_store")
    with store.uow() as uow:
        assert uow.settings.get("store_id") == own  # not "someone-elses-store"
        assert uow.settings.get("signed_store") is None
        assert uow.settings.get("expiring_days") == "45"
        assert uow.settings.get("warning_stages") == "30,14,1"
        uow.activation.store_id()  # the store makes its own identity
        uow.commit()
    with store.uow() as uow:
        assert "store_id" not in uow.dataset.dump().settings  # and never exports it


def test_huge_and_deep_json_are_refused(
    store: Db, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    deep = '{"format": "licdesk-dataset", "version": 1, "settings": ' + "[" * 100_000
    assert refused(store, tmp_path, deep, ".json").code in ("import_too_deep", "import_not_json")
    nested = demo_json()
    nested["licenses"][0]["history"] = [
        {"kind": "x", "d": [[[[[[[[[[[[[[[[[[[[[1]]]]]]]]]]]]]]]]]]]]]}
    ]
    assert refused(store, tmp_path, json.dumps(nested), ".json").code == "import_too_deep"
    monkeypatch.setattr(ds, "MAX_JSON_BYTES", 1000)
    assert refused(store, tmp_path, json.dumps(demo_json()), ".json").code == "import_too_large"


@pytest.mark.parametrize(
    ("content", "code"),
    [
        (b"{not json", "import_not_json"),
        (b'{"format": "licdesk-dataset", "version": NaN}', "import_not_json"),
        (b'{"format": "licdesk-dataset", "version": true}', "import_wrong_version"),
        (b'{"format": "licdesk-dataset", "version": 1, "licenses": {}}', "import_invalid"),
        (b'["format"]', "import_wrong_format"),
        (b"\xff\xfe{\x00}\x00", "import_not_utf8"),
        (b'{"format": "licdesk-dataset", "version": 1, "stores": ["\\ud800"]}', "import_invalid"),
    ],
)
def test_broken_json_is_refused_with_a_message(
    store: Db, tmp_path: Path, content: bytes, code: str
) -> None:
    assert refused(store, tmp_path, content, ".json").code == code


def test_csv_oddities_are_read_or_refused_cleanly(store: Db, tmp_path: Path) -> None:
    good = csv_text([row()])
    header, body = good.rstrip("\n").split("\n")
    big = csv_text([row(device_name="x" * 200_000)])
    assert refused(store, tmp_path, big).code == "import_csv_broken"
    assert refused(store, tmp_path, header + "\n" + body + ",extra\n").code == "import_csv_width"
    assert refused(store, tmp_path, header + '\n"unclosed,' + body + "\n").code in (
        "import_csv_broken",
        "import_csv_width",
    )
    err = refused(store, tmp_path, (header + "\n" + body).encode() + b"\xc3\x28\n")
    assert err.code == "import_not_utf8_at"
    err = refused(store, tmp_path, (header + "\n" + body.replace("ТСД 1", "ТСД\x001")).encode())
    assert err.code in ("import_csv_broken", "import_invalid")
    assert refused(store, tmp_path, b"").code == "import_csv_columns"
    two = csv_text([row(), row(device_code="CP30-1111111111111-1111111111111")])
    h, a, b = two.rstrip("\n").split("\n")
    for i, variant in enumerate(
        [
            "\r\n".join([h, a, b]) + "\r\n",
            "\r".join([h, a, b]),
            h + "\n" + a + "\r\n" + b + "\r",
            "\ufeff" + h + "\n\n" + a + "\n" + b + "\n\n",
        ]
    ):
        db = open_store(tmp_path / f"v{i}.db")
        path = tmp_path / f"v{i}.csv"
        path.write_bytes(variant.encode("utf-8"))
        assert import_file(db, path).licenses == 2, repr(variant[:40])
        db.dispose()


def test_a_thousand_bad_rows_list_the_first_and_count_the_rest(store: Db, tmp_path: Path) -> None:
    err = refused(store, tmp_path, csv_text([row(activated_on="x")] * 1000))
    listed = err.params["problems"]
    assert len(listed) == ds.MAX_PROBLEMS + 1
    assert listed[-1].code == "more_problems" and listed[-1].value == str(1000 - ds.MAX_PROBLEMS)


def test_a_file_changed_between_the_passes_writes_nothing(store: Db, tmp_path: Path) -> None:
    path = tmp_path / "c.csv"
    path.write_text(csv_text([row()]), encoding="utf-8")
    plan = ds.check_file(path, TODAY)
    path.write_text(csv_text([row(store="Другой")]), encoding="utf-8")
    with pytest.raises(DomainError) as err, store.uow(write=True) as uow:
        uow.dataset.load_plan(plan)
        uow.commit()
    assert err.value.code == "import_file_changed"
    assert counts(store)["licenses"] == 0


def test_cancel_during_the_load_writes_nothing(store: Db, tmp_path: Path) -> None:
    path = tmp_path / "many.csv"
    path.write_text(
        csv_text([row(device_code=f"CP30-{i:013d}-{i:013d}") for i in range(12_000)]),
        encoding="utf-8",
    )
    seen: list[tuple[int, int | None]] = []

    class CancelHalfway:
        def step(self, done: int, total: int | None = None) -> None:
            seen.append((done, total))
            if total and done > total * 0.75:
                raise Cancelled

    with pytest.raises(Cancelled):
        import_file(store, path, CancelHalfway())
    assert counts(store)["licenses"] == 0 and counts(store)["devices"] == 0
    assert seen and all(t for _, t in seen)


# ---------------------------------------------------------------- round trips, re-import


def _norm(data: ds.Dataset) -> ds.Dataset:
    data.licenses.sort(
        key=lambda lic: (lic.product_sku, lic.device_code or "", lic.activated_on or dt.date.min)
    )
    for lic in data.licenses:
        for ev in lic.history:
            ev.pop("at", None)
    return data


def test_json_round_trip_is_lossless(tmp_path: Path) -> None:
    a = open_store(tmp_path / "a.db")
    with a.uow(write=True) as uow:
        uow.dataset.load(DEMO)
        uow.commit()
    with a.uow() as uow:
        first = uow.dataset.dump()
    path = tmp_path / "all.json"
    ds.write_file(first, path, "json")
    b = open_store(tmp_path / "b.db")
    import_file(b, path)
    with b.uow() as uow:
        second = uow.dataset.dump()
    # each store keeps its own id: nothing here is signed, so b has no reason to take a's
    assert second.store_id and second.store_id != first.store_id
    second.store_id = first.store_id
    assert second == first
    summary = import_file(b, path)
    assert (summary.licenses, summary.devices, summary.products) == (0, 0, 0)
    with b.uow() as uow:
        assert replace(uow.dataset.dump(), store_id=first.store_id) == second
    a.dispose()
    b.dispose()


def test_csv_round_trip_keeps_formula_like_text(tmp_path: Path) -> None:
    names = ["-Kasa", "=SUM(A1)", "+7 kasa", "@kasa", "'quoted", "''two", "plain"]
    product = ds.ProductSpec(
        "MS-KASA",
        "=Kasa",
        "mobile-smarts",
        "RUB",
        prices=[ds.PriceSpec(dt.date(2024, 1, 1), ds.Decimal("10.00"))],
    )
    codes = [f"CP30-{i:013d}-{i:013d}" for i in range(len(names))]
    data = ds.Dataset(
        products=[product],
        stores=list(names),
        devices=[ds.DeviceSpec(c, "terminal", n, n) for c, n in zip(codes, names, strict=True)],
        licenses=[ds.LicenseSpec("MS-KASA", c, TODAY, TODAY) for c in codes],
    )
    src = tmp_path / "src.csv"
    ds.write_file(data, src, "csv")
    exported = src.read_text(encoding="utf-8")
    for line in exported.splitlines()[1:]:
        for cell in next(csv.reader([line])):
            assert not cell or cell[0] not in "=+-@\t\r", line
    db = open_store(tmp_path / "r.db")
    import_file(db, src)
    with db.uow() as uow:
        back = uow.dataset.dump()
    assert sorted(d.name for d in back.devices) == sorted(names)
    assert sorted(back.stores) == sorted(names)
    again = tmp_path / "again.csv"
    ds.write_file(back, again, "csv")
    assert sorted(again.read_text(encoding="utf-8").splitlines()) == sorted(exported.splitlines())
    db.dispose()


def test_reimport_absorbs_what_is_stored_and_adds_the_rest(store: Db, tmp_path: Path) -> None:
    free = row(
        device_code="",
        device_kind="",
        device_name="",
        store="",
        activated_on="",
        subscription_end="",
    )
    path = tmp_path / "f.csv"
    path.write_text(csv_text([row(), free, free]), encoding="utf-8")
    assert import_file(store, path).licenses == 3
    assert import_file(store, path).licenses == 0
    path.write_text(csv_text([free, row(), free, free, row(activated_on="2026-01-11")]))
    assert import_file(store, path).licenses == 2  # one more free one, one new activation day
    assert counts(store)["licenses"] == 5
    with store.uow() as uow:
        ids = uow.session.scalars(select(License.id).order_by(License.id)).all()  # type: ignore[attr-defined]
        events = uow.session.scalars(select(Event.license_id)).all()  # type: ignore[attr-defined]
    assert ids == [1, 2, 3, 4, 5] and sorted(events) == ids


def test_derived_columns_match_the_search_index(store: Db, tmp_path: Path) -> None:
    path = tmp_path / "d.json"
    ds.write_file(DEMO, path, "json")
    import_file(store, path)
    cols = (
        "id",
        "search_text",
        "sort_product",
        "sort_kind",
        "sort_device_code",
        "sort_device",
        "sort_store",
        "sort_free",
    )
    query = text(f"SELECT {', '.join(cols)} FROM licenses ORDER BY id")
    with store.engine.begin() as conn:
        bulk = conn.execute(query).all()
        search_index.refresh_all(conn)
        assert conn.execute(query).all() == bulk
        conn.rollback()
    with store.engine.connect() as conn:  # the FTS5 trigger indexed every row
        n = conn.execute(
            text("SELECT count(*) FROM license_fts WHERE license_fts MATCH :q"), {"q": '"садовой"'}
        ).scalar_one()
    assert n == sum(
        1
        for lic in DEMO.licenses
        if lic.device_code
        and any(
            d.code == lic.device_code and d.store == "Магазин на Садовой, 5" for d in DEMO.devices
        )
    )


@pytest.mark.slow
def test_above_the_parameter_limits(db_target: str, tmp_path: Path) -> None:
    """70,000 licenses and devices: more than SQLite's 32,766 and psycopg's 65,535 parameters."""
    n = 70_000
    path = tmp_path / "big.csv"
    path.write_text(
        csv_text(
            [
                row(
                    device_code=f"CP30-{i:013d}-{i:013d}",
                    device_name=f"ТСД {i}",
                    store=f"Магазин №{i % 50}",
                )
                for i in range(n)
            ]
        ),
        encoding="utf-8",
    )
    db = open_store(db_target)
    summary = import_file(db, path)
    assert (summary.licenses, summary.devices, summary.stores) == (n, n, 50)
    assert import_file(db, path).licenses == 0
    got = counts(db)
    assert (got["licenses"], got["devices"], got["events"]) == (n, n, n)
    with db.uow() as uow:
        assert uow.licenses.count(_query(search="тсд 69999")) == 1
    db.dispose()


def _query(**kw: object):  # type: ignore[no-untyped-def]
    from desktop.services.ports import LicenseQuery

    return LicenseQuery(today=TODAY, threshold_days=30, **kw)  # type: ignore[arg-type]


# ---------------------------------------------------------------- fuzz against a real store

FUZZ_EXAMPLES = int(os.environ.get("LICDESK_FUZZ_EXAMPLES", "40"))


@pytest.fixture(scope="module")
def fuzz_store(tmp_path_factory: pytest.TempPathFactory):  # noqa: ANN201
    db = open_store(tmp_path_factory.mktemp("fuzz") / "fuzz.db")
    yield db
    db.dispose()


@settings(
    max_examples=FUZZ_EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(st.randoms(use_true_random=False), st.integers(1, 8), st.booleans())
def test_mutated_imports_write_all_or_nothing(
    fuzz_store: Db,
    tmp_path_factory: pytest.TempPathFactory,
    rng,
    edits: int,
    as_csv: bool,  # noqa: ANN001
) -> None:
    good = ds.to_csv(DEMO) if as_csv else ds.to_json(DEMO)
    path = tmp_path_factory.mktemp("m") / ("m.csv" if as_csv else "m.json")
    path.write_bytes(mutate(rng, good, edits).encode("utf-8", "surrogateescape"))
    before = counts(fuzz_store)
    try:
        summary = import_file(fuzz_store, path)
    except DomainError as e:
        assert e.code in MESSAGES
        assert counts(fuzz_store) == before, "partial write"
        return
    after = counts(fuzz_store)
    assert after["licenses"] - before["licenses"] == summary.licenses
    assert after["devices"] - before["devices"] == summary.devices
    with fuzz_store.engine.connect() as conn:
        assert conn.execute(text("PRAGMA integrity_check")).scalar_one() == "ok"


def test_a_stored_device_wins_and_derived_columns_follow_it(store: Db, tmp_path: Path) -> None:
    """First row wins within a file, the stored device wins over a file: the sort and
    search columns describe the device as stored, exactly as search_index computes them."""
    path = tmp_path / "first.csv"
    path.write_text(csv_text([row(device_name="Первый", store="Склад А")]), encoding="utf-8")
    import_file(store, path)
    path.write_text(
        csv_text(
            [
                row(device_name="Второй", store="Склад Б", activated_on="2026-02-01"),
                row(
                    device_name="Третий",
                    store="Склад В",
                    activated_on="2026-03-01",
                    device_code="CP30-5555555555555-5555555555555",
                ),
                row(
                    device_name="Четвёртый",
                    store="Склад Г",
                    activated_on="2026-04-01",
                    device_code="CP30-5555555555555-5555555555555",
                ),
            ]
        ),
        encoding="utf-8",
    )
    summary = import_file(store, path)
    assert (summary.licenses, summary.devices) == (3, 1)
    query = text(
        "SELECT id, search_text, sort_product, sort_kind, sort_device_code, sort_device,"
        " sort_store, sort_free FROM licenses ORDER BY id"
    )
    with store.engine.begin() as conn:
        bulk = conn.execute(query).all()
        search_index.refresh_all(conn)
        assert conn.execute(query).all() == bulk
        conn.rollback()
    assert [r.sort_device for r in bulk] == ["первый", "первый", "третий", "третий"]
