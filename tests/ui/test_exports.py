"""Exports a manager can use: the license table's and an order's workbook (bold frozen
header, autofilter, fitted widths, dates as dates, money as numbers in a currency
format), the order's PDF (header block, device codes whole, totals under the amounts),
and one seam every exported value passes through."""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import load_workbook
from openpyxl.utils import get_column_letter

from desktop.domain.status import LicenseStatus
from desktop.services import licenses, renewals
from desktop.ui import export as export_module
from desktop.ui.columns import COLUMNS, Col
from desktop.ui.order_export import export_pdf, export_xlsx, order_html
from desktop.ui.orders_view import OrdersView
from tests.conftest import TODAY
from tests.ui.test_license_table import open_window


def write_licenses(qtbot, window, path: Path) -> None:  # noqa: ANN001
    window.export_to(path)
    qtbot.waitUntil(path.exists, timeout=5000)


@pytest.fixture
def order(demo_ctx):  # noqa: ANN001, ANN201
    rows = licenses.list_licenses(demo_ctx.db, licenses.make_query(demo_ctx.db, TODAY))
    ids = [r.id for r in rows if r.status is LicenseStatus.EXPIRING]
    enova = [r.id for r in rows if r.product_line == "enova365"]
    order_id = renewals.create_order(demo_ctx.db, ids + enova, TODAY)
    found = renewals.order(demo_ctx.db, order_id)
    by_id = {r.id: r for r in rows}
    return found, {ln.license_id: by_id[ln.license_id] for ln in found.lines}


def test_license_workbook_opens_ready_to_use(qtbot, demo_ctx, tmp_path: Path) -> None:  # noqa: ANN001
    w = open_window(qtbot, demo_ctx)
    path = tmp_path / "licenses.xlsx"
    write_licenses(qtbot, w, path)
    ws = load_workbook(path).active
    rows = w.model.rowCount()
    last = get_column_letter(len(COLUMNS))
    assert ws.freeze_panes == "A2"  # the header stays in view
    assert ws.auto_filter.ref == f"A1:{last}{rows + 1}"
    header = list(ws[1])
    assert [c.value for c in header] == [c.header() for c in COLUMNS]
    assert all(c.font.b for c in header)
    for i, column in enumerate(COLUMNS, start=1):  # every header fits its column
        assert ws.column_dimensions[get_column_letter(i)].width >= len(column.header())
    widest = max(len(r[Col.DEVICE_CODE].value or "") for r in ws.iter_rows(min_row=2))
    assert ws.column_dimensions[get_column_letter(Col.DEVICE_CODE + 1)].width >= widest
    end = ws.cell(row=2, column=Col.END + 1)
    assert isinstance(end.value, dt.datetime) and end.is_date
    assert end.number_format == "mm-dd-yy"  # Excel's short date: the reader's own format
    days = ws.cell(row=2, column=Col.DAYS_LEFT + 1)
    assert isinstance(days.value, int)


def test_order_workbook_has_a_header_block_and_money_as_numbers(
    demo_ctx,  # noqa: ANN001
    order,  # noqa: ANN001
    tmp_path: Path,
) -> None:
    found, rows = order
    path = tmp_path / "order.xlsx"
    export_xlsx(found, path, rows)
    ws = load_workbook(path).active
    block = {r[0].value: r[1].value for r in ws.iter_rows(min_row=1, max_row=5)}
    assert block["Order"] == f"#{found.id}" and block["Status"] == "Draft"
    assert block["Date"] == dt.datetime.combine(TODAY, dt.time())  # a date cell
    assert "Магазин на Ленина, 12" in block["Stores"]
    header_row = next(r[0].row for r in ws.iter_rows() if r[0].value == "Product")
    header = [c.value for c in ws[header_row]]
    assert header[:8] == [
        "Product",
        "SKU",
        "Device",
        "Device code",
        "Current end",
        "New end",
        "Amount",
        "Currency",
    ]
    assert all(c.font.b for c in ws[header_row])
    assert ws.freeze_panes == f"A{header_row + 1}"
    lines = len(found.lines)
    assert ws.auto_filter.ref == f"A{header_row}:H{header_row + lines}"
    first = ws[header_row + 1]
    assert first[2].value  # the device by its name
    assert first[5].is_date
    amount = first[6]
    assert isinstance(amount.value, int | float) and "₽" in amount.number_format
    totals = {r[7].value: r[6] for r in ws.iter_rows(min_row=header_row + lines + 1) if r[5].value}
    assert set(totals) == {"RUB", "PLN"}
    expected = renewals.order_totals(found)
    for cur, cell in totals.items():
        assert Decimal(str(cell.value)) == expected[cur].amount
        assert cell.font.b and cell.number_format == export_module.currency_format(cur)


def test_every_exported_value_goes_through_one_seam(
    qtbot,  # noqa: ANN001
    demo_ctx,  # noqa: ANN001
    order,  # noqa: ANN001
    tmp_path: Path,
    monkeypatch,  # noqa: ANN001
) -> None:
    """The place where formula neutralisation belongs: CSV, XLSX, table and orders."""
    seen: list[object] = []
    original = export_module.cell_value

    def spy(value: object) -> object:
        seen.append(value)
        return original(value)

    monkeypatch.setattr(export_module, "cell_value", spy)
    w = open_window(qtbot, demo_ctx)
    code = w.model.row_data(0).device_code
    for name in ("e.csv", "e.xlsx"):
        seen.clear()
        write_licenses(qtbot, w, tmp_path / name)
        assert code in seen
    seen.clear()
    found, rows = order
    export_xlsx(found, tmp_path / "o.xlsx", rows)
    assert found.lines[0].device_code in seen and found.lines[0].sku in seen


def test_order_pdf_header_codes_and_totals(demo_ctx, order, tmp_path: Path) -> None:  # noqa: ANN001
    found, rows = order
    page = order_html(found, rows)
    assert f"Renewal order #{found.id}" in page
    for fact in ("Stores", "Date", "Status", "Draft", "Магазин на Садовой, 5"):
        assert fact in page
    for ln in found.lines:  # a code is one unbreakable run
        assert f"white-space:pre'>{ln.device_code}</span>" in page
    assert page.count("colspan='4' align='right'") == len(renewals.order_totals(found))
    path = tmp_path / "order.pdf"
    export_pdf(found, path, rows)
    assert path.read_bytes()[:4] == b"%PDF"
    if shutil.which("pdftotext"):
        text = subprocess.run(
            ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
        ).stdout
        for ln in found.lines:
            assert ln.device_code in text  # on one line: never broken mid-code
        assert "Stores" in text and f"#{found.id}" in text


def test_orders_tab_exports_with_device_names(qtbot, demo_ctx, order, tmp_path: Path) -> None:  # noqa: ANN001
    found, rows = order
    v = OrdersView(demo_ctx)
    qtbot.addWidget(v)
    v.show()
    v.select_order(found.id)
    with qtbot.waitSignal(v.exported, timeout=5000):
        v.export_to(tmp_path / "o.xlsx", "xlsx")
    ws = load_workbook(tmp_path / "o.xlsx").active
    names = {
        r[2].value for r in ws.iter_rows() if r[3].value in {ln.device_code for ln in found.lines}
    }
    assert names == {rows[ln.license_id].device_name for ln in found.lines}


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_no_exported_text_runs_as_a_formula(
    qtbot, demo_ctx, sqlite_path: Path, tmp_path: Path, suffix: str
) -> None:  # noqa: ANN001
    """Issue 12.6: a device named like a formula (an attacker's import, a typo) is text in
    the export; dates and numbers stay typed."""
    import csv
    import sqlite3

    evil = '=HYPERLINK("http://evil.example","x")'
    with sqlite3.connect(sqlite_path) as con:  # demo_ctx's store file
        con.execute("UPDATE devices SET name = ? WHERE id = (SELECT MIN(id) FROM devices)", (evil,))
        con.execute("UPDATE stores SET name = '@SUM(1+1)' WHERE id = (SELECT MIN(id) FROM stores)")
    w = open_window(qtbot, demo_ctx)
    path = tmp_path / f"licenses{suffix}"
    write_licenses(qtbot, w, path)
    if suffix == ".csv":
        with path.open(encoding="utf-8-sig", newline="") as fh:
            cells = [c for row in csv.reader(fh) for c in row]
        assert "'" + evil in cells and "'@SUM(1+1)" in cells
        assert not any(c[:1] in "=+@" for c in cells if c)
    else:
        ws = load_workbook(path).active
        cells = [c for row in ws.iter_rows(min_row=2) for c in row]
        texts = {c.value: c.data_type for c in cells if isinstance(c.value, str)}
        assert texts[evil] == "s" and texts["@SUM(1+1)"] == "s"  # strings, not formulas
        assert not any(c.data_type == "f" for c in cells)
        assert any(isinstance(c.value, int) for c in cells)  # days left stay numbers
