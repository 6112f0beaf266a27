"""The renewal dialog on demo licenses: lines, ticks, the quote date."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, Qt

from desktop.services import licenses
from desktop.services.ports import SortKey
from desktop.ui.renewal_dialog import RenewalDialog
from tests.conftest import TODAY


def text(d: RenewalDialog, row: int, col: int, child: int | None = None) -> str:
    index = d.model.index(row, 0)
    if child is not None:
        return d.model.index(child, col, index).data()
    return d.model.index(row, col).data()


def check_state(d: RenewalDialog, row: int) -> Qt.CheckState:
    return Qt.CheckState(d.model.index(row, 0).data(Qt.ItemDataRole.CheckStateRole))


def untick(d: RenewalDialog, row: int) -> None:
    """As a click on the box does: through the model."""
    assert d.model.setData(d.model.index(row, 0), Qt.CheckState.Unchecked)


def ids_by(ctx, sku: str) -> list[int]:  # noqa: ANN001
    rows = licenses.list_licenses(ctx.db, licenses.make_query(ctx.db, TODAY, sort=SortKey.ID))
    return [r.id for r in rows if r.product_sku == sku and r.device_code]


def test_lines_totals_and_unticking(qtbot, demo_ctx) -> None:  # noqa: ANN001
    chm = ids_by(demo_ctx, "MS-EGAIS-CHM")[:2]
    enova = ids_by(demo_ctx, "ENOVA365")
    d = RenewalDialog(demo_ctx, chm + enova)
    qtbot.addWidget(d)
    assert d.model.rowCount() == 3
    assert {c: m.as_str() for c, m in d.totals().items()} == {"RUB": "7960.00", "PLN": "1569.00"}
    enova_row = d.model.index(2, 0)
    modules = [text(d, 2, 0, i) for i in range(d.model.rowCount(enova_row))]
    assert modules == ["Księga Handlowa × 1", "Handel × 3", "Kadry Płace × 1"]
    assert text(d, 2, 5, 2) == "deferred to the next update"
    untick(d, 0)
    assert {c: m.as_str() for c, m in d.totals().items()} == {"RUB": "3980.00", "PLN": "1569.00"}
    assert "3 980" in d.total_label.text() or "3,980" in d.total_label.text()


def test_changing_the_date_requotes_and_keeps_ticks(qtbot, demo_ctx) -> None:  # noqa: ANN001
    enova = ids_by(demo_ctx, "ENOVA365")
    chm = ids_by(demo_ctx, "MS-EGAIS-CHM")[:1]
    d = RenewalDialog(demo_ctx, chm + enova)
    qtbot.addWidget(d)
    untick(d, 0)
    d.date.setDate(QDate(2027, 3, 1))  # first day of the 13th month for the enova license
    line = d.lines[enova[0]]
    assert line.kind.value == "open" and line.new_start == dt.date(2027, 3, 1)
    assert check_state(d, 0) == Qt.CheckState.Unchecked
    assert {c: m.as_str() for c, m in d.totals().items()} == {"PLN": "3138.00"}
    assert text(d, 1, 5) == "Open update, 30 %"


def test_early_renewal_says_what_is_lost(qtbot, demo_ctx) -> None:  # noqa: ANN001
    chm = ids_by(demo_ctx, "MS-EGAIS-CHM")
    d = RenewalDialog(demo_ctx, chm[1:2])  # ends in 3 days
    qtbot.addWidget(d)
    line = d.lines[chm[1]]
    assert line.days_forfeited == 4
    assert "4 paid days are lost" in d.advice.text()
    # the advice says which line it is about: the product on its device
    row = licenses.get(demo_ctx.db, chm[1], TODAY)
    assert f"{row.product_name} on {row.device_name}" in d.advice.text()


def test_free_license_is_refused_in_its_line(qtbot, demo_ctx) -> None:  # noqa: ANN001
    rows = licenses.list_licenses(demo_ctx.db, licenses.make_query(demo_ctx.db, TODAY))
    free = next(r.id for r in rows if r.device_code is None)
    d = RenewalDialog(demo_ctx, [free])
    qtbot.addWidget(d)
    assert text(d, 0, 5).startswith("Not bound to a device")
    # the refused line names the product, not the license's row id
    product = next(r.product_name for r in rows if r.id == free)
    assert text(d, 0, 0) == product
    assert not d.model.flags(d.model.index(0, 0)) & Qt.ItemFlag.ItemIsEnabled
    assert d.totals() == {}
    assert not d.order_button.isEnabled()


def test_forecast_view_matches_the_service(qtbot, demo_ctx) -> None:  # noqa: ANN001
    from desktop.services import renewals
    from desktop.ui.forecast_view import ForecastView

    v = ForecastView(demo_ctx)
    qtbot.addWidget(v)
    with qtbot.waitSignal(v.reloaded, timeout=5000):
        v.show()
    assert v.table.rowCount() == 12
    f = renewals.forecast(demo_ctx.db, TODAY, 12)
    months = f.by_month()
    assert sum(m.renewals for m in months) == 18  # every bound license ends within a year
    first = months[0]
    assert first.month == dt.date(2026, 11, 1)
    # November: the three ended ones renew today (Склад 15 4 380, CheckMark 3 980,
    # ЕГАИС 3 1 980), Магазин 15 ending today renews tomorrow at the new price (5 380),
    # CheckMark ending on the 25th renews on the 26th (3 980). The one ending on
    # 30 November renews on 1 December, in the next month.
    assert first.totals["RUB"].as_str() == "19700.00"
    assert first.renewals == 5
    assert v.table.item(0, 1).text() == "5"  # renewals, not licenses
    assert sorted(v.charts) == ["PLN", "RUB"]  # one chart (one value axis) per currency
    with qtbot.waitSignal(v.reloaded, timeout=5000):
        v.months.setValue(3)
    assert v.table.rowCount() == 3
