"""Settings and first-start dialogs, driven by keyboard and mouse."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from desktop.services import dataset as ds
from desktop.services import demo_data, setup
from desktop.services import settings as st
from desktop.ui.first_start import FirstStartChoice, FirstStartDialog
from desktop.ui.settings_dialog import SettingsDialog
from tests.conftest import TODAY
from tests.ui.test_license_table import open_window


def test_settings_dialog_validates_stages_inline(qtbot) -> None:  # noqa: ANN001
    d = SettingsDialog(st.BusinessSettings(30, (30, 14, 1), 14), "")
    qtbot.addWidget(d)
    ok = d.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert ok.isEnabled() and d.stages_error.text() == ""
    d.stages.clear()
    assert not ok.isEnabled()
    assert "separated by commas" in d.stages_error.text()
    qtbot.keyClicks(d.stages, "7, 45,7")
    assert ok.isEnabled()
    d.threshold.setValue(45)
    req = d.request().business
    assert req.warning_stages == (45, 7) and req.expiring_days == 45


def test_settings_saved_in_the_database_and_applied(qtbot, demo_ctx, monkeypatch) -> None:  # noqa: ANN001
    w = open_window(qtbot, demo_ctx)

    def fake_exec(self: SettingsDialog) -> int:
        self.threshold.setValue(10)
        self.stages.setText("10, 3")
        return 1

    monkeypatch.setattr(SettingsDialog, "exec", fake_exec)
    w.open_settings()
    qtbot.waitUntil(lambda: w.model.query.threshold_days == 10, timeout=5000)
    saved = st.load(demo_ctx.db)
    assert saved.expiring_days == 10 and saved.warning_stages == (10, 3)
    assert "within 10 days" in w.status_label.text()


@pytest.mark.parametrize("choice", list(FirstStartChoice))
def test_first_start_offers_three_ways(qtbot, choice: FirstStartChoice) -> None:  # noqa: ANN001
    d = FirstStartDialog("/tmp/licdesk.db")
    qtbot.addWidget(d)
    labels = {
        FirstStartChoice.DEMO: "Open the &demo",
        FirstStartChoice.EMPTY: "Start &empty",
        FirstStartChoice.IMPORT: "&Import a file...",
    }
    from PySide6.QtWidgets import QPushButton

    button = next(b for b in d.findChildren(QPushButton) if b.text() == labels[choice])
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert d.choice is choice and d.result() == 1


def test_import_from_the_window_reports_bad_rows(qtbot, ctx, msgboxes, tmp_path: Path) -> None:  # noqa: ANN001
    w = open_window(qtbot, ctx)
    bad = tmp_path / "bad.csv"
    bad.write_text(ds.to_csv(demo_data.build(TODAY)).replace(",RUB,", ",XXX,", 1), encoding="utf-8")
    w.import_path(bad)
    qtbot.waitUntil(lambda: bool(msgboxes.errors), timeout=5000)
    title, text = msgboxes.errors[-1]
    assert "nothing was written" in text and "row 2, currency" in text
    assert w.model.rowCount() == 0
    good = tmp_path / "good.json"
    good.write_text(ds.to_json(demo_data.build(TODAY)), encoding="utf-8")
    w.import_path(good)
    qtbot.waitUntil(lambda: w.model.rowCount() == 20, timeout=5000)  # no F5 needed
    assert setup.is_empty(ctx.db) is False
