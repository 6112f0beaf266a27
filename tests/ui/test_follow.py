"""The details follow the highlighted row through filters, searches and refreshes, and
every view shows the truth after a write made anywhere (one signal from the write path)."""

from __future__ import annotations

from PySide6.QtCore import Qt

from desktop.domain.status import LicenseStatus
from desktop.services import bases, licenses, renewals
from desktop.ui.bases_view import BasesView
from desktop.ui.orders_view import OrdersView
from tests.conftest import TODAY
from tests.ui.test_license_table import open_window


def highlighted(w):  # noqa: ANN001, ANN201
    """The license of the table's current row."""
    return w.model.row_data(w.table.currentIndex().row())


def agree(w) -> int:  # noqa: ANN001
    """The highlighted row, the details and the actions name one license; its id."""
    row = highlighted(w)
    assert row is not None and w.current_row() is not None
    assert row.id == w.current_row().id
    assert w.details.box.title() == row.product_name
    assert w.details.fields["code"].text() == (row.device_code or "—")
    assert w.selected_ids() == [row.id]
    return row.id


def pick(w, status: LicenseStatus) -> int:  # noqa: ANN001
    """Select the first license of a status among all rows; its id."""
    for r in range(w.model.rowCount()):
        if w.model.row_data(r).status is status:
            w.table.selectRow(r)
            return w.model.row_data(r).id
    raise AssertionError(status)


def test_details_follow_a_quick_filter(qtbot, demo_ctx) -> None:  # noqa: ANN001
    w = open_window(qtbot, demo_ctx)
    chosen = pick(w, LicenseStatus.EXPIRING)
    w.set_quick_filter(LicenseStatus.EXPIRING)  # the license is still shown: kept
    assert agree(w) == chosen
    w.set_quick_filter(LicenseStatus.FREE)  # it is gone: the first row, in the details too
    assert agree(w) != chosen
    assert highlighted(w).status is LicenseStatus.FREE
    w.set_quick_filter(None)
    agree(w)


def test_details_follow_a_search_and_its_clearing(qtbot, demo_ctx) -> None:  # noqa: ANN001
    w = open_window(qtbot, demo_ctx)
    chosen = pick(w, LicenseStatus.EXPIRED)
    row = licenses.get(demo_ctx.db, chosen, TODAY)
    w.search.setText(row.device_name)
    w._apply_filters()
    assert w.model.rowCount() == 1 and agree(w) == chosen
    w.search.setText("Склад")
    w._apply_filters()
    agree(w)
    w.search.setText("no such thing")
    w._apply_filters()
    assert w.model.rowCount() == 0
    assert w.current_row() is None and w.details.box.title() == "License"
    assert not w.act_copy_code.isEnabled() and not w.act_renew.isEnabled()
    w.clear_search()
    agree(w)


def test_details_follow_a_refresh_and_a_store_filter(qtbot, demo_ctx) -> None:  # noqa: ANN001
    w = open_window(qtbot, demo_ctx)
    w.table.sortByColumn(1, Qt.SortOrder.DescendingOrder)
    w.table.selectRow(5)
    chosen = agree(w)
    w.refresh()
    assert agree(w) == chosen
    w.act_refresh.trigger()
    assert agree(w) == chosen
    w.store_combo.setCurrentIndex(w.store_combo.findText("Склад Южный"))
    agree(w)
    assert highlighted(w).store_name == "Склад Южный"


def test_history_shows_a_write_to_the_shown_license(qtbot, actx) -> None:  # noqa: ANN001
    """The details listen too: a transfer made elsewhere appears in the history."""
    from desktop.services import activation

    w = open_window(qtbot, actx)
    chosen = pick(w, LicenseStatus.ACTIVE)
    before = w.details.history_model.rowCount()
    activation.transfer(actx.db, actx.authority, chosen, TODAY)  # not through this window
    qtbot.waitUntil(lambda: w.details.history_model.rowCount() == before + 1, timeout=5000)
    last = w.details.history_model.index(before, 1).data()
    assert last.startswith("Transferred (unbound)\nUnbound from device")
    assert agree(w) == chosen and w.current_row().device_code is None


def test_orders_view_shows_an_order_made_elsewhere(qtbot, demo_ctx) -> None:  # noqa: ANN001
    v = OrdersView(demo_ctx)
    qtbot.addWidget(v)
    with qtbot.waitSignal(v.reloaded, timeout=5000):
        v.show()
    assert v.model.rowCount() == 0
    assert v.hint.isVisible() and "No renewal orders yet" in v.hint.text()
    rows = licenses.list_licenses(demo_ctx.db, licenses.make_query(demo_ctx.db, TODAY))
    ids = [r.id for r in rows if r.status is LicenseStatus.EXPIRING][:2]
    with qtbot.waitSignal(v.reloaded, timeout=5000):
        order_id = renewals.create_order(demo_ctx.db, ids, TODAY)  # the CLI's path
    assert v.current().id == order_id and not v.hint.isVisible()
    with qtbot.waitSignal(v.reloaded, timeout=5000):
        renewals.set_order_status(demo_ctx.db, order_id, "sent")
    assert v.current().status == "sent" and not v.sent_button.isEnabled()


def test_a_hidden_view_catches_up_when_shown(qtbot, demo_ctx) -> None:  # noqa: ANN001
    w = open_window(qtbot, demo_ctx)
    bases_view = w.bases_view
    assert isinstance(bases_view, BasesView) and not bases_view.isVisible()
    south = next(r for r in bases.list_bases(demo_ctx.db, TODAY) if "Склад" in r.info.name)
    version = next(
        v
        for v in bases.release_versions(demo_ctx.db, south.info.product_sku)
        if v != south.info.installed_version
    )
    bases.record_install(demo_ctx.db, south.info.id, version, TODAY, confirmed=True)
    with qtbot.waitSignal(bases_view.reloaded, timeout=5000):
        w.tabs.setCurrentWidget(bases_view)
    bases_view.select_base(south.info.id)
    assert bases_view.current().info.installed_version == version


def test_bases_view_shows_an_install_made_elsewhere(qtbot, demo_ctx) -> None:  # noqa: ANN001
    v = BasesView(demo_ctx)
    qtbot.addWidget(v)
    with qtbot.waitSignal(v.reloaded, timeout=5000):
        v.show()
    lenina = next(r for r in v.rows if "Ленина" in r.info.name)
    v.select_base(lenina.info.id)
    with qtbot.waitSignal(v.reloaded, timeout=5000):
        bases.record_install(demo_ctx.db, lenina.info.id, "15.3", TODAY)
    assert v.current().info.id == lenina.info.id  # the selection stays on the base
    assert v.current().info.installed_version == "15.3"
    assert v.model.index(v.tree.currentIndex().row(), 2).data().startswith("15.3")
