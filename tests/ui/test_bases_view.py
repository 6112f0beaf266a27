"""The Bases tab: states, the confirmation before a demo-causing install, the renew jump."""

from __future__ import annotations

from PySide6.QtCore import Qt

from desktop.ui.bases_view import BasesView


def view(qtbot, ctx) -> BasesView:  # noqa: ANN001
    v = BasesView(ctx)
    qtbot.addWidget(v)
    with qtbot.waitSignal(v.reloaded, timeout=5000):
        v.show()
    return v


def cell(view: BasesView, row: int, col: int, role: int = Qt.ItemDataRole.DisplayRole):  # noqa: ANN201
    return view.model.index(row, col).data(role)


def select(view: BasesView, part: str) -> None:
    for i in range(view.model.rowCount()):
        if part in cell(view, i, 0):
            view.tree.setCurrentIndex(view.model.index(i, 0))
            return
    raise AssertionError(part)


def test_states_are_icon_and_text(qtbot, demo_ctx) -> None:  # noqa: ANN001
    v = view(qtbot, demo_ctx)
    texts = {cell(v, i, 0): cell(v, i, 6) for i in range(v.model.rowCount())}
    assert texts["Южный — Склад 15"].startswith(
        "Demo: version 15.2 was released after the subscription of 1 device ended"
    )
    assert texts["Ленина — Магазин 15"] == "Working; a subscription ends today"
    assert not cell(v, 0, 6, Qt.ItemDataRole.DecorationRole).isNull()


def test_a_base_in_demo_mode_is_coloured_like_an_ended_license(qtbot, demo_ctx) -> None:  # noqa: ANN001
    from desktop.domain.status import LicenseStatus
    from desktop.ui.license_model import STATUS_BACKGROUND

    v = view(qtbot, demo_ctx)
    rows = {cell(v, i, 0): i for i in range(v.model.rowCount())}
    demo = cell(v, rows["Южный — Склад 15"], 0, Qt.ItemDataRole.BackgroundRole)
    assert demo is not None and demo.color() == STATUS_BACKGROUND[LicenseStatus.EXPIRED]


def test_confirmation_before_demo_install(qtbot, demo_ctx, msgboxes) -> None:  # noqa: ANN001
    v = view(qtbot, demo_ctx)
    select(v, "Садовая")
    base_id = v.current().info.id
    msgboxes.answer = False
    v.install(base_id, "3.2")
    qtbot.waitUntil(lambda: bool(msgboxes.questions), timeout=5000)
    question = msgboxes.questions[-1][1]
    assert "demo mode" in question
    # the guard names the devices, not license ids, and its buttons say what they do
    assert "ТСД Садовая-03" in question and "ids" not in question
    assert msgboxes.buttons[-1] == ("&Install anyway", "Cancel")
    assert v.current().info.installed_version == "3.1"  # nothing changed
    msgboxes.answer = True
    with qtbot.waitSignal(v.reloaded, timeout=5000):  # the write path refreshes the view
        v.install(base_id, "3.2")
        qtbot.waitUntil(lambda: len(msgboxes.questions) == 2, timeout=5000)
    select(v, "Садовая")
    assert v.current().info.installed_version == "3.2"
    assert v.current().status.state.value == "demo"


def test_safe_install_asks_nothing(qtbot, demo_ctx, msgboxes) -> None:  # noqa: ANN001
    v = view(qtbot, demo_ctx)
    select(v, "Ленина")
    with qtbot.waitSignal(v.reloaded, timeout=5000):
        v.install(v.current().info.id, "15.3")
    assert msgboxes.questions == [] and msgboxes.errors == []
    select(v, "Ленина")
    assert v.current().info.installed_version == "15.3"


def test_renew_button_opens_renewal_for_exactly_the_affected(qtbot, demo_ctx) -> None:  # noqa: ANN001
    calls = []
    v = view(qtbot, demo_ctx)
    v.open_renewal.connect(calls.append)
    select(v, "Садовая")
    expected = list(v.updates[v.current().info.id].newer[0].license_ids)
    assert v.renew_button.isEnabled()
    v.renew_button.click()
    assert calls == [expected]
    shown = []
    v.show_licenses.connect(shown.append)
    v.licenses_button.click()
    assert shown == [list(v.current().license_ids)]


def test_check_now_reports_new_releases(qtbot, demo_ctx, msgboxes) -> None:  # noqa: ANN001
    from pathlib import Path

    feed = Path(__file__).resolve().parents[1] / "data" / "feed"
    v = view(qtbot, demo_ctx)
    v.check_feed()
    qtbot.waitUntil(lambda: bool(msgboxes.errors), timeout=5000)
    assert "No release feed is configured" in msgboxes.errors[-1][1]
    with qtbot.waitSignal(v.new_releases) as sig:
        v.load_path(feed)
    assert sig.args[0] == ["15.4"]
    qtbot.waitUntil(lambda: bool(msgboxes.infos), timeout=5000)
    assert "Nothing was installed" in msgboxes.infos[-1][1]
    new = []
    v.new_releases.connect(new.append)
    v.check_feed()
    qtbot.waitUntil(lambda: len(msgboxes.infos) == 2, timeout=5000)
    assert new == []  # nothing new the second time


def test_license_links_to_its_base(qtbot, demo_ctx) -> None:  # noqa: ANN001
    from tests.ui.test_license_table import open_window

    w = open_window(qtbot, demo_ctx)
    w.search.setText("Склад-01")
    w._apply_filters()
    w.table.selectRow(0)
    w.act_show_base.trigger()
    shown = w.tabs.currentWidget()
    assert isinstance(shown, BasesView)
    qtbot.waitUntil(lambda: shown.current() is not None, timeout=5000)
    assert shown.current().info.name == "Южный — Склад 15"
