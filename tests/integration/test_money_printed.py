"""Issue 11.6, money as printed, through the store (SQLite, PostgreSQL and the fake):
quotes and orders on both product lines print each line's figures, every amount follows
from the figures printed beside it, and every total is the sum of the printed lines, in
``quote --json``, ``orders --json`` and the e-mail text. An order made before the
figures were kept (schema 0006) still lists and prints."""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from unittest import mock

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from sqlalchemy import text

from desktop.domain import renewal as rules
from desktop.services import printing, renewals
from desktop.services.dataset import (
    Dataset,
    DeviceSpec,
    LicenseSpec,
    LotSpec,
    PriceSpec,
    ProductSpec,
)
from desktop.services.ports import Database
from desktop.storage import migrate
from desktop.storage.db import create_store_engine
from desktop.storage.open import open_store
from desktop.storage.uow import Store
from tests.conftest import as_db
from tests.support.fakes import FakeDatabase
from tests.support.printed import app_over, check_json_doc, check_order_text, cli, cli_json

D = dt.date
DAY = D(2026, 11, 22)  # the quote day
MS_A = "CP30-1000000000001-1000000000001"
MS_B = "CP30-1000000000002-1000000000002"
EN_ON_TIME = "PC01-2000000000001-2000000000001"
EN_OPEN = "PC01-2000000000002-2000000000002"


def _ms(sku: str, name: str, *prices: tuple[dt.date, str]) -> ProductSpec:
    return ProductSpec(
        sku,
        name,
        "mobile-smarts",
        "RUB",
        "license",
        f"SSY1-{sku}",
        [PriceSpec(day, Decimal(p)) for day, p in prices],
    )


def _en(sku: str, name: str, kind: str, price: str) -> ProductSpec:
    return ProductSpec(
        sku, name, "enova365", "PLN", kind, None, [PriceSpec(D(2020, 1, 1), Decimal(price))]
    )


def dataset() -> Dataset:
    """Prices with kopecks and grosze that force rounding; several seats; a module bought
    after the sixth month (deferred); a lapsed enova365 warranty (open update)."""
    return Dataset(
        products=[
            # the list price changed: the one in force on the quote day is printed
            _ms("MS-SKLAD", "Склад 15", (D(2024, 1, 1), "19900.00"), (D(2026, 6, 1), "24900.58")),
            _ms("MS-MAG", "Магазин 15", (D(2024, 1, 1), "26900.33")),
            _en("ENOVA365", "enova365", "license", "0"),
            _en("ENOVA-KH", "Księga Handlowa", "module", "1234.57"),
            _en("ENOVA-HANDEL", "Handel", "module", "1000.05"),
            _en("ENOVA-KP", "Kadry Płace", "module", "2000.03"),
        ],
        stores=["Sklep 1"],
        devices=[
            DeviceSpec(MS_A, "terminal", "ТСД 1", "Sklep 1"),
            DeviceSpec(MS_B, "terminal", "ТСД 2", "Sklep 1"),
            DeviceSpec(EN_ON_TIME, "pc", "Biuro", "Sklep 1"),
            DeviceSpec(EN_OPEN, "pc", "Magazyn", "Sklep 1"),
        ],
        licenses=[
            LicenseSpec("MS-SKLAD", MS_A, D(2025, 12, 1), D(2026, 11, 30)),
            LicenseSpec("MS-MAG", MS_B, D(2025, 11, 20), D(2026, 11, 19)),
            LicenseSpec(
                "ENOVA365",
                EN_ON_TIME,
                D(2024, 3, 1),
                D(2027, 2, 28),
                [
                    LotSpec("ENOVA-KH", 1, D(2024, 3, 1)),
                    LotSpec("ENOVA-HANDEL", 1, D(2024, 3, 1)),
                    LotSpec("ENOVA-HANDEL", 2, D(2026, 6, 15)),  # inside the six months
                    LotSpec("ENOVA-KP", 2, D(2026, 10, 1)),  # after them: deferred
                ],
                period_start=D(2026, 3, 1),
            ),
            LicenseSpec(
                "ENOVA365",
                EN_OPEN,
                D(2024, 1, 10),
                D(2026, 1, 9),
                [
                    LotSpec("ENOVA-KH", 2, D(2024, 1, 10)),
                    LotSpec("ENOVA-HANDEL", 3, D(2024, 1, 10)),
                ],
                period_start=D(2025, 1, 10),
            ),
        ],
    )


#: What the store must print for DAY: (quantity, list price, percent, amount) per line;
#: each amount rounded once (Handel: 3 × 1000.05 × 15 % = 450.0225 -> 450.02, where
#: rounding per seat would give 3 × 150.01 = 450.03).
EXPECTED = {
    MS_A: ("subscription", [(1, "24900.58", "20", "4980.12")], "4980.12"),
    MS_B: ("subscription", [(1, "26900.33", "20", "5380.07")], "5380.07"),
    EN_ON_TIME: (
        "on-time",
        [
            (1, "1234.57", "15", "185.19"),
            (3, "1000.05", "15", "450.02"),
            (2, "2000.03", "0", "0.00"),
        ],
        "635.21",
    ),
    EN_OPEN: (
        "open",
        [(2, "1234.57", "30", "740.74"), (3, "1000.05", "30", "900.05")],
        "1640.79",
    ),
}
TOTALS = {"RUB": "10360.19", "PLN": "2276.00"}


@pytest.fixture(params=["sqlite", "postgresql", "fake"])
def target(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str | None]:
    if request.param == "fake":
        yield None
    elif request.param == "sqlite":
        yield str(tmp_path / "store.db")
    else:
        yield request.getfixturevalue("pg_database")


@pytest.fixture
def db(target: str | None) -> Iterator[Database]:
    if target is None:
        yield FakeDatabase()
        return
    s = open_store(target)
    yield as_db(s)
    s.dispose()


def _load(db: Database, data: Dataset) -> dict[str, int]:
    """Load the dataset; the license id per device code."""
    with db.uow(write=True) as uow:
        uow.dataset.load(data)
        uow.commit()
    with db.uow() as uow:
        facts = uow.renewals.facts(uow.renewals.renewable_ids())
    return {f.device_code: f.license_id for f in facts if f.device_code}


def _figures(line: dict) -> list[tuple[int, str, str, str]]:  # type: ignore[type-arg]
    if line["amount_basis"] == "figures":
        return [(line["quantity"], line["unit_price"], line["percent"], line["amount"])]
    return [(m["seats"], m["unit_price"], m["percent"], m["amount"]) for m in line["modules"]]


def test_quotes_and_orders_print_the_figures_their_amounts_follow_from(db: Database) -> None:
    ids = _load(db, dataset())
    app = app_over(db, DAY)
    args = [x for lid in ids.values() for x in ("--license", str(lid))]

    quote = cli_json(app, "quote", *args, "--json")
    assert check_json_doc(quote) == {c: Decimal(v) for c, v in TOTALS.items()}
    by_device = {line["device_code"]: line for line in quote["lines"]}
    for device, (kind, figures, amount) in EXPECTED.items():
        line = by_device[device]
        assert (line["kind"], _figures(line), line["amount"]) == (kind, figures, amount)
    deferred = [m for m in by_device[EN_ON_TIME]["modules"] if m["deferred"]]
    assert [(m["sku"], m["seats"]) for m in deferred] == [("ENOVA-KP", 2)]

    assert cli(app, "order", "create", *args, "--on", DAY.isoformat()).startswith("Order ")
    [order] = cli_json(app, "orders", "--json")
    assert check_json_doc(order) == {c: Decimal(v) for c, v in TOTALS.items()}
    # the order prints exactly the quote's figures, whenever it is printed
    for q_line, o_line in zip(quote["lines"], order["lines"], strict=True):
        assert {k: o_line[k] for k in q_line if k in o_line} == {
            k: q_line[k] for k in q_line if k in o_line
        }
    text = cli(app, "order", "text", str(order["id"]))
    assert check_order_text(text) == {c: Decimal(v) for c, v in TOTALS.items()}
    assert "1 × 24900.58 RUB × 20 % = 4980.12 RUB" in text
    assert "     Handel [ENOVA-HANDEL]: 3 × 1000.05 PLN × 15 % = 450.02 PLN" in text
    assert "Kadry Płace [ENOVA-KP]: 2 × 2000.03 PLN × 0 % = 0.00 PLN (deferred" in text

    # the one function the front ends print from says the same
    o = renewals.order(db, order["id"])
    printed = printing.printed_lines(o)
    assert printing.printed_totals(printed) == renewals.order_totals(o)
    assert [p.amount.as_str() for p in printed if not p.is_module] == [
        line["amount"] for line in order["lines"]
    ]
    assert printed == printing.printed_lines(renewals.quote(db, list(ids.values()), DAY).lines), (
        "an order prints what its quote printed"
    )


def test_get_reads_the_one_order_asked_for(db: Database) -> None:
    ids = _load(db, dataset())
    first = renewals.create_order(db, [ids[MS_A]], DAY)
    second = renewals.create_order(db, [ids[EN_ON_TIME], ids[EN_OPEN]], DAY)
    with db.uow() as uow:
        one = uow.orders.get(first)
        two = uow.orders.get(second)
        assert uow.orders.get(second + 1) is None
        everything = uow.orders.all()
    assert one is not None and two is not None
    assert [o.id for o in everything] == [second, first]
    assert everything == [two, one]
    assert [len(ln.modules) for ln in two.lines] == [3, 2]


# ---------------------------------------------------------------- the stored shape


def test_an_order_larger_than_a_32_bit_amount_is_kept_to_the_grosz(db: Database) -> None:
    """2 000 seats × 99 999.99 PLN × 15 % = 29 999 997.00 PLN: 2 999 999 700 grosze, more
    than PostgreSQL's integer holds (found by the property test below)."""
    data = Dataset(
        products=[
            _en("ENOVA365", "enova365", "license", "0"),
            _en("ENOVA-BIG", "Handel", "module", "99999.99"),
        ],
        devices=[DeviceSpec(EN_ON_TIME, "pc", "Biuro")],
        licenses=[
            LicenseSpec(
                "ENOVA365",
                EN_ON_TIME,
                D(2026, 3, 1),
                D(2027, 2, 28),
                [LotSpec("ENOVA-BIG", 2000, D(2026, 3, 1))],
                period_start=D(2026, 3, 1),
            )
        ],
    )
    ids = _load(db, data)
    order_id = renewals.create_order(db, [ids[EN_ON_TIME]], DAY)
    app = app_over(db, DAY)
    [order] = cli_json(app, "orders", "--json")
    assert order["totals"] == {"PLN": "29999997.00"}
    assert check_json_doc(order) == {"PLN": Decimal("29999997.00")}
    text = cli(app, "order", "text", str(order_id))
    assert "2000 × 99999.99 PLN × 15 % = 29999997.00 PLN" in text
    check_order_text(text)


def test_deleting_an_order_takes_its_lines_and_module_lines(db_target: str) -> None:
    s = open_store(db_target)
    try:
        db = as_db(s)
        ids = _load(db, dataset())
        order_id = renewals.create_order(db, [ids[EN_ON_TIME]], DAY)
        with s.engine.begin() as conn:
            assert conn.execute(text("SELECT count(*) FROM order_line_modules")).scalar() == 3
            conn.execute(text("DELETE FROM orders WHERE id = :i"), {"i": order_id})
            assert conn.execute(text("SELECT count(*) FROM order_lines")).scalar() == 0
            assert conn.execute(text("SELECT count(*) FROM order_line_modules")).scalar() == 0
    finally:
        s.dispose()


def _store_at_0006_with_an_order(target: str) -> None:
    """A store as License Desk left it before 0007, holding one order."""
    from alembic import command

    engine = create_store_engine(target)
    cfg = migrate._alembic_config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "0006")
    with engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO orders (id, created_at, quote_date, status, note) "
                "VALUES (1, '2026-11-20 10:00:00', '2026-11-20', 'sent', '')"
            )
        )
        for line_id, sku, device, kind, minor, cur in (
            (1, "SSY1-MS-SKLAD", MS_A, "subscription", 498012, "RUB"),
            (2, "ENOVA365", EN_ON_TIME, "on-time", 63521, "PLN"),
        ):
            conn.execute(
                text(
                    "INSERT INTO order_lines (id, order_id, license_id, product_name, "
                    "device_code, sku, kind, amount_minor, currency, current_end, new_end, "
                    "days_forfeited, fulfilled) VALUES (:id, 1, :id, 'Old', :device, :sku, "
                    ":kind, :minor, :cur, '2026-11-30', '2027-11-19', 0, :f)"
                ),
                {
                    "id": line_id,
                    "device": device,
                    "sku": sku,
                    "kind": kind,
                    "minor": minor,
                    "cur": cur,
                    "f": False,
                },
            )
        if engine.dialect.name == "postgresql":  # the rows above were given their ids
            for table in ("orders", "order_lines"):
                conn.execute(text(f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), 10)"))
    engine.dispose()


def test_an_order_made_before_the_figures_were_kept_still_lists_and_prints(
    db_target: str,
) -> None:
    _store_at_0006_with_an_order(db_target)
    s: Store = open_store(db_target)  # upgrades to HEAD
    try:
        assert migrate.current_revision(s.engine) == migrate.HEAD
        db = as_db(s)
        app = app_over(db, DAY)
        [old] = cli_json(app, "orders", "--json")
        assert old["totals"] == {"PLN": "635.21", "RUB": "4980.12"}
        assert [(ln["amount"], ln["amount_basis"], ln["modules"]) for ln in old["lines"]] == [
            ("4980.12", "unknown", []),
            ("635.21", "unknown", []),
        ]
        check_json_doc(old)
        old_text = cli(app, "order", "text", "1")
        assert "   device CP30-1000000000001-1000000000001; new end 2027-11-19; 4980.12 RUB" in (
            old_text
        )
        assert check_order_text(old_text) == {"PLN": Decimal("635.21"), "RUB": Decimal("4980.12")}
        # a new order beside it prints its figures; both list
        ids = _load(db, dataset())
        new_id = renewals.create_order(db, [ids[MS_A], ids[EN_ON_TIME]], DAY)
        docs = cli_json(app, "orders", "--json")
        assert [d["id"] for d in docs] == [new_id, 1]
        for doc in docs:
            check_json_doc(doc)
        assert [ln["amount_basis"] for ln in docs[0]["lines"]] == ["figures", "modules"]
        check_order_text(cli(app, "order", "text", str(new_id)))
    finally:
        s.dispose()


# ---------------------------------------------------------------- any seats, prices, percents

#: One store serves every example of a run (a fresh PostgreSQL database per example
#: would be slow); each example brings its own SKUs and devices.
_EXAMPLE = itertools.count(1)


def _minor(draw: st.DrawFn, low: int, high: int) -> Decimal:
    return Decimal(draw(st.integers(low, high))).scaleb(-2)


@st.composite
def orders_to_print(draw: st.DrawFn) -> tuple[Dataset, dt.date, dict[str, Decimal]]:
    """Mobile SMARTS and enova365 licenses around one quote day, with random list prices
    (kopecks, grosze), seats, purchase days (some after the sixth month) and percents."""
    n = next(_EXAMPLE)
    on = draw(st.dates(D(2025, 1, 1), D(2028, 12, 31)))
    pct = {
        name: Decimal(draw(st.integers(1, 10000))) / 100  # 0.01 % .. 100 %, two decimals
        for name in ("ms", "on-time", "open")
    }
    products: list[ProductSpec] = []
    devices: list[DeviceSpec] = []
    licenses: list[LicenseSpec] = []
    for i in range(draw(st.integers(0, 3))):
        sku = f"MS{n}-{i}"
        products.append(_ms(sku, f"Склад {i}", (D(2020, 1, 1), str(_minor(draw, 1, 10**8)))))
        code = f"CP30-{n:08d}{i:05d}-{n:08d}{i:05d}"
        devices.append(DeviceSpec(code, "terminal", f"ТСД {i}"))
        end = on + dt.timedelta(days=draw(st.integers(-200, 200)))
        licenses.append(LicenseSpec(sku, code, min(on, end) - dt.timedelta(days=400), end))
    modules = [f"EM{n}-{j}" for j in range(3)]
    products.append(_en(f"EN{n}", "enova365", "license", "0"))
    for sku in modules:
        products.append(_en(sku, sku, "module", str(_minor(draw, 1, 10**7))))
    for i in range(draw(st.integers(1 if not licenses else 0, 2))):
        code = f"PC01-{n:08d}{i:05d}-{n:08d}{i:05d}"
        devices.append(DeviceSpec(code, "pc", f"PC {i}"))
        end = on + dt.timedelta(days=draw(st.integers(-200, 200)))  # on-time or open
        start = end - dt.timedelta(days=364)
        lots = [
            LotSpec(
                draw(st.sampled_from(modules)),
                draw(st.integers(1, 500)),
                min(on, start + dt.timedelta(days=draw(st.integers(-400, 330)))),
            )
            for _ in range(draw(st.integers(1, 4)))
        ]
        first = min([start, *(lot.purchased_on for lot in lots)])
        licenses.append(LicenseSpec(f"EN{n}", code, first, end, lots, period_start=start))
    return Dataset(products=products, devices=devices, licenses=licenses), on, pct


@given(example=orders_to_print())
@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
def test_any_order_prints_amounts_that_follow_from_its_figures(
    db: Database, example: tuple[Dataset, dt.date, dict[str, Decimal]]
) -> None:
    data, on, pct = example
    ids = _load(db, data)
    mine = [ids[d.code] for d in data.devices]
    args = [x for lid in mine for x in ("--license", str(lid))]
    app = app_over(db, on)
    with (
        mock.patch.object(rules, "MOBILE_SMARTS_RENEWAL_PERCENT", pct["ms"]),
        mock.patch.object(rules, "ENOVA_ON_TIME_PERCENT", pct["on-time"]),
        mock.patch.object(rules, "ENOVA_OPEN_PERCENT", pct["open"]),
    ):
        quote = cli_json(app, "quote", *args, "--json")
        out = cli(app, "order", "create", *args, "--on", on.isoformat())
    order_id = int(out.split()[1])
    [order] = [o for o in cli_json(app, "orders", "--json") if o["id"] == order_id]
    assert check_json_doc(order) == check_json_doc(quote)
    assert check_order_text(cli(app, "order", "text", str(order_id))) == check_json_doc(order)
    prices = {p.sku: p.prices[0].amount for p in data.products}
    for line in order["lines"]:  # the figures printed are the ones the rules priced with
        assert (
            Decimal(line["percent"])
            == pct[line["kind"] if line["kind"] != "subscription" else "ms"]
        )
        if line["amount_basis"] == "figures":
            assert Decimal(line["unit_price"]) == prices[line["sku"].removeprefix("SSY1-")]
        for m in line["modules"]:
            assert Decimal(m["unit_price"]) == prices[m["sku"]]
            assert Decimal(m["percent"]) == (0 if m["deferred"] else Decimal(line["percent"]))
        event(line["kind"])
        if any(m["deferred"] for m in line["modules"]):
            event("a deferred module")
