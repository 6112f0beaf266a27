"""Keyboard: mnemonics unique in every window and menu in every language, sorting from
the keyboard, the keyboard back on the table after a dialog."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QDialog,
    QGroupBox,
    QLabel,
    QMenu,
    QWidget,
)

from desktop.services import licenses
from desktop.services import warnings as warning_service
from desktop.services.ports import SortKey
from desktop.services.settings import BusinessSettings
from desktop.ui import i18n
from desktop.ui.columns import COLUMNS, Col
from desktop.ui.main_window import MainWindow
from tests.conftest import TODAY
from tests.ui.test_license_table import open_window


def mnemonic(text: str) -> str | None:
    """The letter Alt+ presses for a text ("&&" is a literal ampersand)."""
    i = 0
    while (i := text.find("&", i)) >= 0 and i + 1 < len(text):
        if text[i + 1] != "&":
            return text[i + 1].lower()
        i += 2
    return None


def clashes(owners: list[str]) -> list[str]:
    seen: dict[str, str] = {}
    out = []
    for text in owners:
        key = mnemonic(text)
        if key is None or not key.strip():
            continue
        if key in seen:
            out.append(f"{key!r}: {seen[key]!r} and {text!r}")
        else:
            seen[key] = text
    return out


def widget_texts(root: QWidget, window: QWidget) -> list[str]:
    """Texts of what Alt+letter reaches inside ``root`` while ``window`` is shown."""
    out = []
    for w in [root, *root.findChildren(QWidget)]:
        if not w.isVisibleTo(window):
            continue
        if isinstance(w, QAbstractButton) or isinstance(w, QLabel) and w.buddy() is not None:
            out.append(w.text())
        elif isinstance(w, QGroupBox):
            out.append(w.title())
    return out


def menus_of(window: MainWindow) -> Iterator[tuple[str, QMenu]]:
    def walk(menu: QMenu, path: str) -> Iterator[tuple[str, QMenu]]:
        yield path, menu
        for act in menu.actions():
            if act.menu() is not None:
                yield from walk(act.menu(), f"{path} > {act.text()}")

    for act in window.menuBar().actions():
        if act.menu() is not None:
            yield from walk(act.menu(), act.text())
    yield "context menu", window.context_menu


def dialogs(window: MainWindow, app) -> Iterator[QDialog]:  # noqa: ANN001
    from desktop.ui.activation_dialog import ActivationDialog
    from desktop.ui.first_start import FirstStartDialog
    from desktop.ui.renewal_dialog import RenewalDialog
    from desktop.ui.settings_dialog import SettingsDialog
    from desktop.ui.warnings_dialog import WarningsDialog

    ids = [r.id for r in licenses.list_licenses(app.db, licenses.make_query(app.db, TODAY))]
    yield RenewalDialog(app, ids, window)
    yield SettingsDialog(BusinessSettings(30, (30, 14, 1), 14), "", window)
    yield FirstStartDialog("/tmp/licdesk.db", window)
    yield ActivationDialog(app, window)
    yield WarningsDialog(warning_service.collect(app.db, TODAY), app, window)


@pytest.fixture(params=["en", "ru", "pl"])
def language(request: pytest.FixtureRequest) -> Iterator[str]:
    i18n.install(request.param)
    yield request.param
    i18n.install("en")


def test_mnemonics_are_unique_in_every_window_and_menu(qtbot, demo_ctx, language) -> None:  # noqa: ANN001
    w = open_window(qtbot, demo_ctx)
    problems = []
    top = [a.text() for a in w.menuBar().actions()]
    tabs = [w.tabs.tabText(i) for i in range(w.tabs.count())]
    for i in range(w.tabs.count()):
        w.tabs.setCurrentIndex(i)
        page = w.tabs.widget(i)
        found = clashes([*top, *tabs, *widget_texts(w.centralWidget(), w)])
        problems += [f"main window, {tabs[i]!r} tab: {c}" for c in found]
        assert widget_texts(page, w), f"nothing reachable on the {tabs[i]!r} tab?"
    for path, menu in menus_of(w):
        found = clashes([a.text() for a in menu.actions() if a.isVisible()])
        problems += [f"menu {path!r}: {c}" for c in found]
    for dialog in dialogs(w, demo_ctx):
        qtbot.addWidget(dialog)
        dialog.show()
        found = clashes(widget_texts(dialog, dialog))
        problems += [f"{type(dialog).__name__}: {c}" for c in found]
        dialog.hide()
    assert not problems, f"[{language}] mnemonic clashes:\n" + "\n".join(problems)


def test_every_window_and_menu_entry_has_a_mnemonic(qtbot, demo_ctx) -> None:  # noqa: ANN001
    """The keyboard reaches every menu entry of the main window (English source)."""
    w = open_window(qtbot, demo_ctx)
    missing = []
    for path, menu in menus_of(w):
        if "Sort by" in path:
            continue  # the columns: chosen with the arrows, named as their headers
        for act in menu.actions():
            if not act.isSeparator() and act.text() and mnemonic(act.text()) is None:
                missing.append(f"{path}: {act.text()!r}")
    assert not missing


def test_the_table_sorts_from_the_keyboard(qtbot, demo_ctx) -> None:  # noqa: ANN001
    """Licenses > Sort by (Alt+L, S): every column, and Ctrl+Shift+D flips the order."""
    w = open_window(qtbot, demo_ctx)
    assert [a.text() for a in w.sort_actions.values()] == [c.header() for c in COLUMNS]
    assert w.sort_actions[Col.END].isChecked()  # the opening order is shown
    w.table.setFocus()
    w.sort_actions[Col.STORE].trigger()
    assert w.model.query.sort is SortKey.STORE and not w.model.query.descending
    assert w.table.horizontalHeader().sortIndicatorSection() == Col.STORE
    assert w.act_descending.shortcut().toString() == "Ctrl+Shift+D"
    w.act_descending.trigger()
    assert w.model.query.sort is SortKey.STORE and w.model.query.descending
    assert w.act_descending.isChecked()
    # a header click keeps the menu in step
    w.table.sortByColumn(Col.PRODUCT, Qt.SortOrder.AscendingOrder)
    assert w.sort_actions[Col.PRODUCT].isChecked() and not w.act_descending.isChecked()


def test_the_keyboard_is_back_on_the_table_after_a_dialog(qtbot, demo_ctx, monkeypatch) -> None:  # noqa: ANN001
    from desktop.ui.renewal_dialog import RenewalDialog
    from desktop.ui.settings_dialog import SettingsDialog

    w = open_window(qtbot, demo_ctx)
    w.activateWindow()
    qtbot.waitUntil(w.isActiveWindow, timeout=2000)
    monkeypatch.setattr(RenewalDialog, "exec", lambda self: 0)
    monkeypatch.setattr(SettingsDialog, "exec", lambda self: 0)
    for action in (
        lambda: w.open_renewal([w.current_row().id]),
        w.open_settings,
        w.about,
    ):
        w.search.setFocus()
        assert not w.table.hasFocus()
        action()
        assert w.table.hasFocus()
    # Esc in an empty search field goes back to the table too
    w.search.setFocus()
    w.search.setText("ЕГАИС")
    w.clear_search()
    assert w.search.text() == "" and w.model.query.search == ""
    w.clear_search()
    assert w.table.hasFocus()


def test_quit_and_settings_have_keys_on_every_platform(qtbot) -> None:  # noqa: ANN001
    w = MainWindow()
    qtbot.addWidget(w)
    assert "Ctrl+Q" in [k.toString() for k in w.act_quit.shortcuts()]
    assert w.act_settings.shortcuts()
