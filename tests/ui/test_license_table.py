"""The license table on demo data, driven through the real widgets."""

from __future__ import annotations

import csv
import datetime as dt
from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from desktop.domain.status import LicenseStatus
from desktop.services import demo_data, licenses
from desktop.services.ports import SortKey
from desktop.ui import license_model
from desktop.ui.license_model import Col, IdRole, LicenseTableModel, SortRole, StatusRole
from desktop.ui.main_window import MainWindow
from tests.conftest import TODAY

EXPECTED = demo_data.build(TODAY)
BOUND = [lic for lic in EXPECTED.licenses if lic.device_code]
EXPIRING = [
    lic for lic in BOUND if lic.subscription_end and 0 <= (lic.subscription_end - TODAY).days <= 30
]
EXPIRED = [lic for lic in BOUND if lic.subscription_end and lic.subscription_end < TODAY]
FREE = [lic for lic in EXPECTED.licenses if not lic.device_code]


def open_window(qtbot, app) -> MainWindow:  # noqa: ANN001
    """The window as the launcher shows it: attached, first rows painted, finished."""
    w = MainWindow()
    qtbot.addWidget(w)
    w.show()
    w.attach(app, licenses.make_query(app.db, TODAY))
    w.finish_attach()
    return w


@pytest.fixture
def window(qtbot, demo_ctx):  # noqa: ANN001, ANN201
    return open_window(qtbot, demo_ctx)


def column(model: LicenseTableModel, col: Col, role: int = Qt.ItemDataRole.DisplayRole) -> list:
    return [model.index(r, col).data(role) for r in range(model.rowCount())]


def test_model_passes_qtmodeltester(qtmodeltester, demo_ctx) -> None:  # noqa: ANN001
    query = licenses.make_query(demo_ctx.db, TODAY)
    model = LicenseTableModel(demo_ctx, query)
    qtmodeltester.check(model, force_py=True)
    model.sort(Col.PRODUCT, Qt.SortOrder.DescendingOrder)
    qtmodeltester.check(model, force_py=True)


def test_model_pages_are_bounded(demo_ctx, monkeypatch) -> None:  # noqa: ANN001
    monkeypatch.setattr(license_model, "PAGE_SIZE", 2)
    monkeypatch.setattr(license_model, "MAX_PAGES", 3)
    query = licenses.make_query(demo_ctx.db, TODAY)
    model = LicenseTableModel(demo_ctx, query)
    ids = column(model, Col.PRODUCT, IdRole)
    assert len(ids) == len(EXPECTED.licenses) == len(set(ids))
    assert model.cached_pages() <= 3


def test_window_shows_every_license_with_counts(window) -> None:  # noqa: ANN001
    model = window.model
    assert model.rowCount() == len(EXPECTED.licenses)
    assert window.filter_buttons[None].text().endswith(f"({len(EXPECTED.licenses)})")
    assert window.filter_buttons[LicenseStatus.EXPIRING].text().endswith(f"({len(EXPIRING)})")
    assert window.filter_buttons[LicenseStatus.EXPIRED].text().endswith(f"({len(EXPIRED)})")
    assert window.filter_buttons[LicenseStatus.FREE].text().endswith(f"({len(FREE)})")
    assert model.headerData(Col.END, Qt.Orientation.Horizontal) == "Update subscription"
    assert f"{len(EXPIRING)} licenses end within 30 days" in window.status_label.text()


def test_quick_filters(window, qtbot) -> None:  # noqa: ANN001
    qtbot.mouseClick(window.filter_buttons[LicenseStatus.EXPIRING], Qt.MouseButton.LeftButton)
    statuses = column(window.model, Col.STATUS, StatusRole)
    assert statuses == [LicenseStatus.EXPIRING] * len(EXPIRING)
    texts = column(window.model, Col.STATUS)
    # the demo here is unsigned: each state says it is not verified
    assert "Ends today · not verified" in texts and "Ends in 12 days · not verified" in texts
    qtbot.mouseClick(window.filter_buttons[LicenseStatus.FREE], Qt.MouseButton.LeftButton)
    assert column(window.model, Col.STATUS, StatusRole) == [LicenseStatus.FREE] * len(FREE)
    assert column(window.model, Col.DEVICE_CODE) == [""] * len(FREE)
    qtbot.mouseClick(window.filter_buttons[LicenseStatus.EXPIRED], Qt.MouseButton.LeftButton)
    assert all(t.startswith("Ended") for t in column(window.model, Col.STATUS))
    assert window.model.rowCount() == len(EXPIRED)


def test_flags_are_colour_icon_and_text(window) -> None:  # noqa: ANN001
    model = window.model
    seen = {}
    for r in range(model.rowCount()):
        status = model.index(r, Col.STATUS).data(StatusRole)
        seen[status] = (
            model.index(r, Col.STATUS).data(Qt.ItemDataRole.DecorationRole),
            model.index(r, Col.PRODUCT).data(Qt.ItemDataRole.BackgroundRole),
            model.index(r, Col.STATUS).data(),
        )
    expiring_icon, expiring_bg, expiring_text = seen[LicenseStatus.EXPIRING]
    expired_icon, expired_bg, _ = seen[LicenseStatus.EXPIRED]
    assert expiring_icon is not None and not expiring_icon.isNull()
    assert expiring_bg is not None and expired_bg is not None
    assert expiring_bg.color() != expired_bg.color()
    assert expiring_text.startswith("Ends")
    assert seen[LicenseStatus.ACTIVE][1] is None  # active rows stay plain
    assert seen[LicenseStatus.FREE][2] == "Free (not bound)"


def test_search_is_debounced_and_matches_code_store_and_product(window, qtbot) -> None:  # noqa: ANN001
    code = BOUND[0].device_code
    qtbot.keyClicks(window.search, code[5:12])
    qtbot.waitUntil(lambda: window.model.rowCount() == 1, timeout=2000)
    assert column(window.model, Col.DEVICE_CODE) == [code]
    window.search.clear()
    window.search.insert("садовой")  # store, any case (keyClicks is ASCII-only)
    qtbot.waitUntil(lambda: window.model.query.search == "садовой", timeout=2000)
    stores = set(column(window.model, Col.STORE))
    assert stores == {"Магазин на Садовой, 5"}
    window.search.clear()
    qtbot.keyClicks(window.search, "no such thing")
    qtbot.waitUntil(lambda: window.model.rowCount() == 0, timeout=2000)


def test_store_filter(window) -> None:  # noqa: ANN001
    i = window.store_combo.findText("Склад Южный")
    window.store_combo.setCurrentIndex(i)
    assert set(column(window.model, Col.STORE)) == {"Склад Южный"}
    expected = [d for d in EXPECTED.devices if d.store == "Склад Южный"]
    assert window.model.rowCount() == len(expected)


@pytest.mark.parametrize("col", list(Col))
def test_every_column_sorts_by_value(window, col) -> None:  # noqa: ANN001
    window.table.sortByColumn(col, Qt.SortOrder.AscendingOrder)
    values = [v for v in column(window.model, col, SortRole) if v is not None]
    assert values == sorted(values)
    window.table.sortByColumn(col, Qt.SortOrder.DescendingOrder)
    values = [v for v in column(window.model, col, SortRole) if v is not None]
    assert values == sorted(values, reverse=True)


def test_dates_sort_by_value_not_text(window) -> None:  # noqa: ANN001
    window.table.sortByColumn(Col.END, Qt.SortOrder.AscendingOrder)
    ends = [v for v in column(window.model, Col.END, SortRole) if v is not None]
    assert all(isinstance(v, dt.date) for v in ends)
    assert ends == sorted(ends)
    # the displayed text (dd/mm/yyyy in en_GB) would not sort like this
    assert ends[0] == min(lic.subscription_end for lic in BOUND if lic.subscription_end)


def test_selection_shows_details_and_history(window, qtbot) -> None:  # noqa: ANN001
    window.set_quick_filter(LicenseStatus.EXPIRING)
    window.table.selectRow(0)
    row = window.current_row()
    assert window.details.fields["code"].text() == row.device_code
    history = window.details.history_model
    assert history.rowCount() >= 1
    title, words = history.index(0, 1).data().split("\n", 1)
    assert title == "Activated"
    # in words, with the device's name, not "device_code: ..."
    assert words.startswith(f"Bound to device {row.device_name} ({row.device_code})")
    assert "device_code" not in words
    window.copy_device_code()
    assert QApplication.clipboard().text() == row.device_code


def test_export_shown_rows_csv_and_xlsx(window, qtbot, tmp_path: Path) -> None:  # noqa: ANN001
    from openpyxl import load_workbook

    window.set_quick_filter(LicenseStatus.EXPIRING)
    window.export_to(tmp_path / "e.csv")
    qtbot.waitUntil(lambda: (tmp_path / "e.csv").exists(), timeout=5000)
    with (tmp_path / "e.csv").open(encoding="utf-8-sig") as fh:
        rows = list(csv.reader(fh))
    assert rows[0][Col.END] == "Update subscription"
    assert len(rows) == 1 + len(EXPIRING)
    window.export_to(tmp_path / "e.xlsx")
    qtbot.waitUntil(lambda: (tmp_path / "e.xlsx").exists(), timeout=5000)
    ws = load_workbook(tmp_path / "e.xlsx").active
    data = list(ws.values)
    assert data[0][Col.DEVICE_CODE] == "Device code"
    assert len(data) == 1 + len(EXPIRING)
    assert isinstance(data[1][Col.END], dt.datetime)  # a real date cell, sortable in Excel


def test_threshold_setting_changes_flags(window, demo_ctx) -> None:  # noqa: ANN001
    from desktop.services import settings

    values = settings.load(demo_ctx.db)
    settings.save(demo_ctx.db, replace(values, expiring_days=0))
    window.model.set_query(replace(window.model.query, threshold_days=0))
    window.set_quick_filter(LicenseStatus.EXPIRING)
    assert column(window.model, Col.STATUS) == ["Ends today · not verified"]


def test_banner_for_ended_subscriptions_cannot_be_closed(window, qtbot) -> None:  # noqa: ANN001
    assert window.banner.isVisible()
    assert str(len(EXPIRED)) in window.banner.text.text()
    qtbot.mouseClick(window.banner.button, Qt.MouseButton.LeftButton)
    assert window.model.query.status is LicenseStatus.EXPIRED
    assert window.banner.isVisible()  # showing them does not dismiss it


def test_sort_key_survives_filters(window) -> None:  # noqa: ANN001
    window.table.sortByColumn(Col.PRODUCT, Qt.SortOrder.DescendingOrder)
    window.set_quick_filter(LicenseStatus.EXPIRING)
    assert window.model.query.sort is SortKey.PRODUCT and window.model.query.descending


def test_details_follow_the_selection_after_a_sort(window) -> None:  # noqa: ANN001
    """After a sort the highlighted row and the details name the same license."""
    window.table.selectRow(3)
    chosen = window.current_row()
    window.table.sortByColumn(Col.PRODUCT, Qt.SortOrder.DescendingOrder)
    current = window.model.row_data(window.table.currentIndex().row())
    assert window.current_row() is not None
    assert current.id == window.current_row().id == chosen.id
    assert window.details.box.title() == chosen.product_name
    assert window.details.fields["code"].text() == (chosen.device_code or "—")
    assert window.selected_ids() == [chosen.id]


def test_a_write_anywhere_refreshes_the_window(window, qtbot, demo_ctx) -> None:  # noqa: ANN001
    """One signal from the write path: a change made through any service shows at once."""
    from desktop.services import settings

    changed = []
    window.data_changed.connect(lambda: changed.append(1))
    values = settings.load(demo_ctx.db)
    settings.save(demo_ctx.db, replace(values, expiring_days=0))
    qtbot.waitUntil(lambda: bool(changed), timeout=3000)
    assert window.model.query.threshold_days == 0
    window.set_quick_filter(LicenseStatus.EXPIRING)
    assert column(window.model, Col.STATUS) == ["Ends today · not verified"]
