"""services/printing.py: the figures of every printed line (issue 11.6), and the checks
of tests/support/printed.py catching a printout whose amounts do not follow."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from decimal import Decimal

import pytest

from desktop.services import printing, renewals
from desktop.services.ports import OrderLineRow, OrderRow
from desktop.services.printing import AmountBasis
from tests.conftest import TODAY
from tests.support.fakes import FakeDatabase
from tests.support.printed import app_over, check_json_doc, check_order_text, cli, cli_json

ENOVA = 20  # the demo's enova365 license: KH ×1, Handel ×3 charged, Kadry Płace deferred


def test_a_quote_prints_each_line_with_its_figures(demo: FakeDatabase) -> None:
    q = renewals.quote(demo, [2, ENOVA], TODAY)
    lines = printing.printed_lines(q.lines)

    def figures(p: printing.PrintedLine) -> tuple[object, ...]:
        price = p.unit_price.as_str() if p.unit_price else None
        return (p.is_module, p.sku, p.basis.value, p.quantity, price, p.percent, p.amount.as_str())

    assert [figures(p) for p in lines] == [
        (False, "SSY1-MS-STORE15-BASE", "figures", 1, "26900.00", 20, "5380.00"),
        (False, "ENOVA365", "modules", None, None, 15, "1569.00"),
        (True, "ENOVA-KH", "figures", 1, "2990.00", 15, "448.50"),
        (True, "ENOVA-HANDEL", "figures", 3, "2490.00", 15, "1120.50"),
        (True, "ENOVA-KP", "figures", 1, "3490.00", 0, "0.00"),
    ]
    assert [(p.deferred, p.amount.currency) for p in lines][-1] == (True, "PLN")
    assert printing.printed_totals(lines) == q.totals
    grouped = printing.grouped(lines)
    assert [(head.sku, len(mods)) for head, mods in grouped] == [
        ("SSY1-MS-STORE15-BASE", 0),
        ("ENOVA365", 3),
    ]
    assert [printing.figures_text(p) for p in lines] == [
        "1 × 26900.00 RUB × 20 % = 5380.00 RUB",
        "sum of the module lines = 1569.00 PLN",
        "1 × 2990.00 PLN × 15 % = 448.50 PLN",
        "3 × 2490.00 PLN × 15 % = 1120.50 PLN",
        "1 × 3490.00 PLN × 0 % = 0.00 PLN (deferred: charged at the next update)",
    ]


def test_an_order_prints_what_its_quote_printed(demo: FakeDatabase) -> None:
    order_id = renewals.create_order(demo, [2, 3, ENOVA], TODAY)
    order = renewals.order(demo, order_id)
    quoted = printing.printed_lines(renewals.quote(demo, [2, 3, ENOVA], TODAY).lines)
    assert printing.printed_lines(order) == quoted
    assert renewals.order_totals(order) == printing.printed_totals(quoted)
    enova = order.lines[2]
    assert (enova.quantity, enova.unit_price_minor, enova.percent_bp) == (None, None, 1500)
    assert [(m.module_sku, m.seats, m.unit_price_minor, m.percent_bp, m.amount_minor, m.deferred)
            for m in enova.modules] == [
        ("ENOVA-KH", 1, 299000, 1500, 44850, False),
        ("ENOVA-HANDEL", 3, 249000, 1500, 112050, False),
        ("ENOVA-KP", 1, 349000, 0, 0, True),
    ]  # fmt: skip
    text = renewals.order_text(order)
    assert check_order_text(text) == {"RUB": Decimal("10760.00"), "PLN": Decimal("1569.00")}
    assert "     Handel [ENOVA-HANDEL]: 3 × 2490.00 PLN × 15 % = 1120.50 PLN" in text


def _old_order() -> OrderRow:
    """An order as one made before schema 0007 reads: no figures, no module lines."""
    line = OrderLineRow(
        1, 7, "Склад 15", "CP30-1", "SSY1-X", "subscription", 398000, "RUB", None,
        dt.date(2027, 1, 1), 0, False,
    )  # fmt: skip
    return OrderRow(1, dt.datetime(2026, 1, 1), dt.date(2026, 1, 1), "sent", (line,))


def test_an_order_from_before_the_figures_prints_its_amount_alone() -> None:
    order = _old_order()
    [p] = printing.printed_lines(order)
    assert (p.basis, p.quantity, p.unit_price, p.percent) == (AmountBasis.UNKNOWN, None, None, None)
    assert printing.figures_text(p) == "3980.00 RUB"
    text = renewals.order_text(order)
    assert "   device CP30-1; new end 2027-01-01; 3980.00 RUB" in text
    assert text.endswith("Total: 3980.00 RUB")


def test_percent_in_hundredths() -> None:
    for pct in (Decimal(20), Decimal("15"), Decimal("17.5"), Decimal("0.01"), Decimal(0)):
        assert printing.percent_from_bp(printing.percent_to_bp(pct)) == pct
    assert printing.percent_to_bp(Decimal("20")) == 2000
    assert printing.percent_text(printing.percent_from_bp(2000)) == "20"
    assert printing.percent_text(printing.percent_from_bp(1750)) == "17.5"
    with pytest.raises(ValueError):
        printing.percent_to_bp(Decimal("12.345"))


def test_the_cli_prints_the_same_figures(demo: FakeDatabase) -> None:
    app = app_over(demo, TODAY)
    quote = cli_json(app, "quote", "--license", "2", "--license", str(ENOVA), "--json")
    check_json_doc(quote)
    assert [(ln["quantity"], ln["unit_price"], ln["percent"], ln["amount_basis"])
            for ln in quote["lines"]] == [(1, "26900.00", "20", "figures"),
                                          (None, None, "15", "modules")]  # fmt: skip
    assert quote["lines"][1]["modules"][2] == {
        "module": "Kadry Płace",
        "sku": "ENOVA-KP",
        "seats": 1,
        "unit_price": "3490.00",
        "percent": "0",
        "amount": "0.00",
        "deferred": True,
        "restored": False,
    }
    table = cli(app, "quote", "--license", "2", "--license", str(ENOVA))
    assert "1 × 26900.00 RUB × 20 % = 5380.00 RUB" in table
    assert "3 × 2490.00 PLN × 15 % = 1120.50 PLN" in table
    assert "Total: 1569.00 PLN, 5380.00 RUB" in table


# ---------------------------------------------------------------- the checks catch errors


def test_the_checks_catch_an_amount_that_does_not_follow(demo: FakeDatabase) -> None:
    app = app_over(demo, TODAY)
    doc = cli_json(app, "quote", "--license", "2", "--license", str(ENOVA), "--json")
    check_json_doc(doc)
    for path, value in (
        (("lines", 0, "amount"), "5380.01"),  # not 1 × 26900.00 × 20 %
        (("lines", 0, "unit_price"), "26900.10"),  # 26900.01 would still give 5380.00
        (("lines", 1, "modules", 1, "amount"), "1120.49"),
        (("lines", 1, "modules", 2, "amount"), "1.00"),  # a deferred module charged
        (("totals", "RUB"), "5380.01"),
    ):
        bad = json.loads(json.dumps(doc))
        target = bad
        for key in path[:-1]:
            target = target[key]
        target[path[-1]] = value
        with pytest.raises(AssertionError):
            check_json_doc(bad)
    order = renewals.order(demo, renewals.create_order(demo, [2, ENOVA], TODAY))
    text = renewals.order_text(order)
    check_order_text(text)
    for good, bad in (
        ("= 5380.00 RUB", "= 5380.01 RUB"),
        ("= 1120.50 PLN", "= 1120.51 PLN"),
        ("sum of the module lines = 1569.00", "sum of the module lines = 1569.01"),
        ("Total: 1569.00 PLN", "Total: 1569.01 PLN"),
    ):
        assert good in text
        with pytest.raises(AssertionError):
            check_order_text(text.replace(good, bad))


def test_a_stored_order_line_keeps_its_figures_apart_from_its_amount() -> None:
    """printed_lines prints what was stored: a tampered amount shows up in the checks,
    never silently recomputed."""
    line = dataclasses.replace(
        _old_order().lines[0], quantity=1, unit_price_minor=1990000, percent_bp=2000
    )
    order = dataclasses.replace(_old_order(), lines=(line,))
    [p] = printing.printed_lines(order)
    assert printing.figures_text(p) == "1 × 19900.00 RUB × 20 % = 3980.00 RUB"
    tampered = dataclasses.replace(order, lines=(dataclasses.replace(line, amount_minor=398001),))
    with pytest.raises(AssertionError):
        check_order_text(renewals.order_text(tampered))
