"""The window as an operator first meets it: it fits the screen, remembers its layout,
keeps the subscription's end and days left in view, names the app once, says what to
do when a list is empty, and its words (plurals, products, terms) are right."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from desktop import paths
from desktop.domain.status import LicenseStatus
from desktop.services import licenses
from desktop.services.settings import BusinessSettings
from desktop.ui import i18n, widgets
from desktop.ui.columns import COLUMNS, Col
from desktop.ui.main_window import MainWindow, window_title
from desktop.ui.settings_dialog import SettingsDialog
from tests.conftest import TODAY
from tests.ui.test_license_table import open_window

TS_DIR = paths.resource("translations")


def test_the_window_opens_inside_the_screen(qtbot) -> None:  # noqa: ANN001
    w = MainWindow()
    qtbot.addWidget(w)
    area = w.screen().availableGeometry()
    assert area.contains(w.geometry())
    # a geometry remembered on a bigger screen comes back inside this one
    w.setGeometry(area.x() + 300, area.y() + 200, area.width() + 600, area.height() + 400)
    QSettings().setValue("main/geometry", w.saveGeometry())
    again = MainWindow()
    qtbot.addWidget(again)
    assert area.contains(again.geometry())


def test_layout_is_remembered(qtbot, demo_ctx) -> None:  # noqa: ANN001
    w = open_window(qtbot, demo_ctx)
    w.table.setColumnWidth(Col.STORE, 321)
    w.splitter.setSizes([500, 300])
    sizes = w.splitter.sizes()
    w.close()
    again = open_window(qtbot, demo_ctx)
    assert again.table.columnWidth(Col.STORE) == 321
    assert all(abs(a - b) <= 4 for a, b in zip(again.splitter.sizes(), sizes, strict=True))


@pytest.mark.parametrize("lang", ["en", "ru", "pl"])
def test_subscription_end_and_days_left_fit_at_1280(qtbot, lang: str) -> None:  # noqa: ANN001
    """At the default size on a 1280 px screen the table is about 940 px wide."""
    try:
        i18n.install(lang)
        w = MainWindow()
        qtbot.addWidget(w)
        widths = w.column_widths(available=940)
        shown = sum(widths[c] for c in range(Col.DAYS_LEFT + 1))
        assert shown <= 940, (lang, widths)
        metrics = w.table.horizontalHeader().fontMetrics()
        for col in (Col.STATUS, Col.END, Col.DAYS_LEFT):  # headers in full, never elided
            assert widths[col] > metrics.horizontalAdvance(COLUMNS[col].header()), lang
    finally:
        i18n.install("en")


def test_the_title_names_the_app_once(qtbot, demo_ctx) -> None:  # noqa: ANN001
    assert window_title("/data/licdesk-demo.db", True) == "licdesk-demo.db [demo data]"
    url = "postgresql://store@db.local/licdesk"
    assert window_title(url, False) == url
    w = open_window(qtbot, demo_ctx)
    # Qt appends the application's display name ("... — License Desk") itself
    assert "License Desk" not in w.windowTitle()


def test_an_empty_database_says_what_to_do(qtbot, ctx) -> None:  # noqa: ANN001
    w = open_window(qtbot, ctx)
    assert w.model.rowCount() == 0
    assert w.table_hint.isVisible()
    assert "There are no licenses yet" in w.table_hint.text()
    assert "Ctrl+I" in w.table_hint.text()
    assert not w.act_export.isEnabled()  # nothing to export
    w.tabs.setCurrentWidget(w.bases_view)
    qtbot.waitUntil(lambda: w.bases_view.bases_hint.isVisible(), timeout=3000)
    assert "No bases are recorded yet" in w.bases_view.bases_hint.text()


def test_an_empty_search_and_filter_say_what_to_do(qtbot, demo_ctx) -> None:  # noqa: ANN001
    w = open_window(qtbot, demo_ctx)
    assert not w.table_hint.isVisible()
    w.search.setText("zzz")
    w._apply_filters()
    assert w.table_hint.isVisible() and "No license matches “zzz”" in w.table_hint.text()
    w.clear_search()
    assert not w.table_hint.isVisible()


def test_bases_without_releases_say_how_to_get_them(qtbot, demo_ctx) -> None:  # noqa: ANN001
    from tests.ui.test_bases_view import select, view

    v = view(qtbot, demo_ctx)
    select(v, "Садовая")
    qtbot.waitUntil(lambda: v.guard_model.rowCount() > 0, timeout=3000)
    assert not v.guard_hint.isVisible()
    # a base whose product has no known releases at all
    for row in v.rows:
        if v.updates.get(row.info.id) is None or v.updates[row.info.id].newest is None:
            v.select_base(row.info.id)
            assert v.guard_hint.isVisible() and "Load releases" in v.guard_hint.text()
            break


def test_license_actions_work_only_on_the_licenses_tab(qtbot, demo_ctx) -> None:  # noqa: ANN001
    w = open_window(qtbot, demo_ctx)
    w.table.selectRow(0)
    license_actions = (w.act_copy_code, w.act_history, w.act_renew, w.act_export)
    assert all(a.isEnabled() for a in license_actions)
    w.tabs.setCurrentWidget(w.orders_view)
    assert not any(a.isEnabled() for a in license_actions)
    assert w.act_activate.isEnabled() and w.act_refresh.isEnabled()  # not about a row
    w.tabs.setCurrentIndex(0)
    assert all(a.isEnabled() for a in license_actions)


def test_transfer_is_offered_only_while_the_subscription_runs(qtbot, demo_ctx) -> None:  # noqa: ANN001
    w = open_window(qtbot, demo_ctx)
    for r in range(w.model.rowCount()):
        w.table.selectRow(r)
        row = w.current_row()
        runs = row.device_code and row.status in (LicenseStatus.ACTIVE, LicenseStatus.EXPIRING)
        assert w.act_transfer.isEnabled() == bool(runs), row


def test_invalid_settings_stay_and_show_as_invalid(qtbot) -> None:  # noqa: ANN001
    d = SettingsDialog(BusinessSettings(30, (30, 14, 1), 14), "")
    qtbot.addWidget(d)
    ok = d.buttons.button(QDialogButtonBox.StandardButton.Ok)
    d.stages.clear()
    qtbot.keyClicks(d.stages, "30, 14, x")
    assert d.stages.text() == "30, 14, x"  # what was typed stays
    assert not ok.isEnabled() and d.stages.property("invalid") is True
    assert "0 to 366" in d.stages_error.text()
    d.stages.setText("30, -1")
    assert not ok.isEnabled()
    d.stages.setText("30, 400")
    assert not ok.isEnabled()
    d.stages.setText("30, 7")
    assert ok.isEnabled() and d.stages.property("invalid") is False


def test_file_dialogs_start_in_the_folder_used_last(monkeypatch, tmp_path: Path) -> None:
    asked: list[str] = []
    folder = tmp_path / "exports"
    folder.mkdir()

    def save(_parent, _title, start, _filters):  # noqa: ANN001, ANN202
        asked.append(start)
        return str(folder / "licenses.xlsx"), ""

    monkeypatch.setattr(widgets.QFileDialog, "getSaveFileName", save)
    monkeypatch.setattr(
        widgets.QFileDialog, "getOpenFileName", lambda _p, _t, start, _f: (asked.append(start), "")
    )
    widgets.save_file_name(None, "Export", "licenses.xlsx", "*.xlsx")
    assert asked[0] == str(Path.home() / "licenses.xlsx")
    widgets.save_file_name(None, "Export", "order-3.pdf", "*.pdf")
    assert asked[1] == str(folder / "order-3.pdf")
    widgets.open_file_name(None, "Import", "*.json")
    assert asked[2] == str(folder)


def test_the_history_speaks_in_words_and_the_locale_date(qtbot, demo_ctx) -> None:  # noqa: ANN001
    from desktop.ui import formatting as fmt

    try:
        i18n.install("ru")
        w = open_window(qtbot, demo_ctx)
        w.table.selectRow(0)
        row = w.current_row()
        when, what = (w.details.history_model.index(0, c).data() for c in (0, 1))
        events = licenses.history(demo_ctx.db, row.id)
        assert when.startswith(fmt.date_text(events[0].occurred_at.date()))
        assert "." in when.split()[0]  # dd.MM.yyyy, the one Russian date format
        assert what.startswith("Активирована\nПривязана к устройству " + row.device_name)
    finally:
        i18n.install("en")


# ---------------------------------------------------------------- words in the .ts files
def _messages(lang: str) -> list[tuple[str, str, bool, list[str]]]:
    out = []
    for ctx in ET.parse(TS_DIR / f"licdesk_{lang}.ts").getroot().iter("context"):
        name = ctx.findtext("name") or ""
        for msg in ctx.iter("message"):
            tr = msg.find("translation")
            assert tr is not None
            forms = [f.text or "" for f in tr.findall("numerusform")] or [tr.text or ""]
            out.append((name, msg.findtext("source") or "", msg.get("numerus") == "yes", forms))
    return out


def test_no_license_s_anywhere() -> None:
    """Every "(s)" in the sources is a plural that English, Russian and Polish resolve."""
    for lang in ("ru", "pl"):
        for ctx, source, numerus, forms in _messages(lang):
            # Errors: sentences the CLI shares; WarningsDialog: rewritten on another branch
            if "(s)" in source and ctx not in ("Errors", "WarningsDialog"):
                assert numerus, f"{ctx}: {source!r} says (s) without %n"
            assert not any("(s)" in f for f in forms), (lang, source)
    plurals = {(c, s): f for c, s, n, f in _messages("en") if n}
    for (ctx, source), forms in plurals.items():
        assert len(forms) == 2 and not any("(s)" in f for f in forms), (ctx, source)


def test_russian_says_one_paid_day() -> None:
    app = QApplication.instance()
    assert app is not None
    try:
        i18n.install("ru")
        text = app.translate(
            "RenewalDialog",
            "Bought on this day the new year starts at once and %n paid day(s) are lost. "
            "Buy on %2 to lose nothing.",
            "",
            1,
        )
        assert "1 оплаченный день" in text
        assert "21 оплаченный день" in app.translate("Format", "%n paid day(s) forfeited", "", 21)
        assert "5 оплаченных дней" in app.translate("Format", "%n paid day(s) forfeited", "", 5)
    finally:
        i18n.install("en")


def test_polish_says_subskrypcja_for_mobile_smarts_and_gwarancja_for_enova() -> None:
    for ctx, source, _n, forms in _messages("pl"):
        text = " ".join(forms).lower()
        if "gwaranc" in text:
            assert "warranty" in source.lower() or "enova" in source.lower(), (ctx, source)
        if "subscription" in source.lower() and "warranty" not in source.lower():
            assert "gwaranc" not in text, (ctx, source)


def test_a_demo_window_title(qtbot, demo_ctx) -> None:  # noqa: ANN001
    from dataclasses import replace

    w = MainWindow()
    qtbot.addWidget(w)
    demo = replace(demo_ctx, is_demo=True)
    w.attach(demo, licenses.make_query(demo.db, TODAY))
    assert w.windowTitle().endswith("[demo data]")
