"""The Bases tab: states, the confirmation before a demo-causing install, the renew jump."""

from __future__ import annotations

from desktop.ui.bases_view import BasesView


def select(view: BasesView, part: str) -> None:
    for i in range(view.tree.topLevelItemCount()):
        if part in view.tree.topLevelItem(i).text(0):
            view.tree.setCurrentItem(view.tree.topLevelItem(i))
            return
    raise AssertionError(part)


def test_states_are_icon_and_text(qtbot, demo_ctx) -> None:  # noqa: ANN001
    v = BasesView(demo_ctx)
    qtbot.addWidget(v)
    texts = {
        v.tree.topLevelItem(i).text(0): v.tree.topLevelItem(i).text(6)
        for i in range(v.tree.topLevelItemCount())
    }
    assert texts["Южный — Склад 15"].startswith(
        "Demo: version 15.2 was released after the subscription of 1 device ended"
    )
    assert texts["Ленина — Магазин 15"] == "Working; a subscription ends today"
    assert not v.tree.topLevelItem(0).icon(6).isNull()


def test_confirmation_before_demo_install(qtbot, demo_ctx, msgboxes) -> None:  # noqa: ANN001
    v = BasesView(demo_ctx)
    qtbot.addWidget(v)
    select(v, "Садовая")
    base_id = v.current().info.id
    msgboxes.answer = False
    assert v.install(base_id, "3.2") is False
    assert "demo mode" in msgboxes.questions[-1][1]
    assert v.current().info.installed_version == "3.1"  # nothing changed
    msgboxes.answer = True
    assert v.install(base_id, "3.2") is True
    select(v, "Садовая")
    assert v.current().info.installed_version == "3.2"
    assert v.current().status.state.value == "demo"


def test_safe_install_asks_nothing(qtbot, demo_ctx, msgboxes) -> None:  # noqa: ANN001
    v = BasesView(demo_ctx)
    qtbot.addWidget(v)
    select(v, "Ленина")
    assert v.install(v.current().info.id, "15.3") is True
    assert msgboxes.questions == []


def test_renew_button_opens_renewal_for_exactly_the_affected(qtbot, demo_ctx) -> None:  # noqa: ANN001
    calls = []
    demo_ctx.extras["open_renewal"] = lambda ids, parent=None: calls.append(ids)
    v = BasesView(demo_ctx)
    qtbot.addWidget(v)
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
    v = BasesView(demo_ctx)
    qtbot.addWidget(v)
    assert v.check_feed() == [] and "No feed is configured" in msgboxes.infos[-1][1]
    with qtbot.waitSignal(v.new_releases) as sig:
        v.load_path(feed)
    assert sig.args[0] == ["15.4"]
    assert "Nothing was installed" in msgboxes.infos[-1][1]
    assert v.check_feed(quiet=True) == []  # nothing new the second time


def test_license_links_to_its_base(qtbot, demo_ctx) -> None:  # noqa: ANN001
    from PySide6.QtWidgets import QMenu

    from desktop.ui import features
    from desktop.ui.main_window import MainWindow

    w = MainWindow()
    qtbot.addWidget(w)
    features.install(demo_ctx, w)
    w.attach(demo_ctx)
    w.finish_attach()
    w.search.setText("Склад-01")
    w._apply_filters()
    w.table.selectRow(0)
    menu = QMenu()
    demo_ctx.extras["license_menu"](menu, w)
    next(a for a in menu.actions() if "base" in a.text()).trigger()
    view = w.tabs.currentWidget()
    assert isinstance(view, BasesView)
    assert view.current().info.name == "Южный — Склад 15"
