"""Activation: a device code and an activation code from the e-mail, checked as typed.

The dialog only collects input and shows results: ``activation.activate`` (one service
call, on a worker) checks, applies, records a refusal and counts wrong codes towards
the wait - the same rule as ``licdesk activate``.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QFont, QGuiApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.context import AppContext
from desktop.domain.codes import check_activation_code, parse_device_code
from desktop.domain.errors import DomainError
from desktop.services import activation
from desktop.ui import formatting as fmt
from desktop.ui.errors import describe, message
from desktop.ui.icons import icon
from desktop.ui.ops import Op, read
from desktop.ui.widgets import open_file_name

ERROR_STYLE = "color: #b3261e;"
OK_STYLE = "color: #2b7a3e;"
#: The placeholder: the vendor's example shape with valid check letters (it passes).
EXAMPLE_CODE = "LMCNR-XYJP-RWWYY-QJZZA-WFYRM"
EXAMPLE_DEVICE = "CP30-3210741300095-3210741300095"


class ActivationDialog(QDialog):
    def __init__(
        self, app: AppContext, parent: QWidget | None = None, device_code: str | None = None
    ) -> None:
        super().__init__(parent)
        self.app = app
        self.result_info: activation.ActivationResult | None = None
        self.busy = False
        self._wait_until: dt.datetime | None = None
        self.setWindowTitle(self.tr("Activate a license or renewal"))
        self.setWindowIcon(icon("activate"))
        # Layouts join their parent before their widgets (PySide6 6.12 would leave the
        # widgets owned by Python as well: a double delete at quit; tests/ui/test_quit.py).
        layout = QVBoxLayout(self)
        form = QFormLayout()
        layout.addLayout(form)
        mono = QFont("monospace")
        mono.setStyleHint(QFont.StyleHint.Monospace)

        self.device = QComboBox()
        self.device.setEditable(True)
        self.device.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        line = self.device.lineEdit()
        assert line is not None
        line.setPlaceholderText(EXAMPLE_DEVICE)
        self.device.setFont(mono)
        self.device.setCurrentText(device_code or "")
        label = QLabel(self.tr("&Device code:"))
        label.setBuddy(self.device)
        form.addRow(label, self.device)
        self.device_hint = QLabel()
        form.addRow("", self.device_hint)

        pc = QHBoxLayout()
        form.addRow(self.tr("This PC's code:"), pc)
        self.pc_code = QLabel(app.this_pc())
        self.pc_code.setFont(mono)
        self.pc_code.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.copy_button = QPushButton(icon("copy"), self.tr("Cop&y"))
        self.copy_button.clicked.connect(
            lambda: QGuiApplication.clipboard().setText(self.pc_code.text())
        )
        self.use_button = QPushButton(self.tr("&Use"))
        self.use_button.clicked.connect(lambda: self.device.setCurrentText(self.pc_code.text()))
        for b in (self.copy_button, self.use_button):
            b.setAutoDefault(False)  # Enter activates; it never presses these
        pc.addWidget(self.pc_code, 1)
        pc.addWidget(self.copy_button)
        pc.addWidget(self.use_button)

        self.code = QLineEdit()
        self.code.setFont(mono)
        self.code.setPlaceholderText(EXAMPLE_CODE)
        self.code.setMaxLength(40)
        label = QLabel(self.tr("Activation &code:"))
        label.setBuddy(self.code)
        form.addRow(label, self.code)
        self.code_hint = QLabel()
        self.code_hint.setWordWrap(True)
        form.addRow("", self.code_hint)

        self.result_label = QLabel()
        self.result_label.setWordWrap(True)
        self.result_label.setTextFormat(Qt.TextFormat.RichText)
        self.result_label.setMinimumHeight(60)
        layout.addWidget(self.result_label)

        self.buttons = QDialogButtonBox()
        self.activate_button = self.buttons.addButton(
            self.tr("&Activate"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.activate_button.setIcon(icon("activate"))
        self.activate_button.setDefault(True)
        self.file_button = self.buttons.addButton(
            self.tr("Load license &file..."), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.file_button.setIcon(icon("import"))
        self.file_button.setAutoDefault(False)
        self.file_button.clicked.connect(self.load_file)
        self.close_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.close_button.setAutoDefault(False)
        self.buttons.accepted.connect(self.do_activate)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)

        self.wait_timer = QTimer(self)
        self.wait_timer.setInterval(1000)
        self.wait_timer.timeout.connect(self.validate)
        self.device.currentTextChanged.connect(lambda _t: self._input_changed())
        self.code.textChanged.connect(lambda _t: self._input_changed())
        self.resize(620, 0)
        self.validate()
        (self.code if device_code else self.device).setFocus()
        db = app.db
        read(self, db, lambda: activation.device_choices(db), self._add_devices)
        self._read_wait()

    def _add_devices(self, known: list[tuple[str, str]]) -> None:
        typed = self.device.currentText()
        self.device.blockSignals(True)
        for code, name in known:
            self.device.addItem(code, code)
            self.device.setItemData(self.device.count() - 1, name, Qt.ItemDataRole.ToolTipRole)
        self.device.setCurrentText(typed)
        self.device.blockSignals(False)
        self.validate()

    def _read_wait(self) -> None:
        db = self.app.db
        read(self, db, lambda: activation.wait_before_next_try(db), self._set_wait)

    def _set_wait(self, seconds: int) -> None:
        now = dt.datetime.now(dt.UTC)
        self._wait_until = now + dt.timedelta(seconds=seconds) if seconds else None
        self.validate()

    def _input_changed(self) -> None:
        self.result_label.clear()  # an old result must not stand beside new input
        self.validate()

    # ------------------------------------------------------------ validation
    def device_ok(self) -> bool:
        text = self.device.currentText().strip()
        if not text:
            self.device_hint.setText("")
            return False
        try:
            parse_device_code(text)
        except DomainError:
            self.device_hint.setStyleSheet(ERROR_STYLE)
            self.device_hint.setText(
                self.tr("A device code looks like CP30-3210741300095-3210741300095.")
            )
            return False
        self.device_hint.setStyleSheet(OK_STYLE)
        name = self.device.itemData(self.device.findText(text), Qt.ItemDataRole.ToolTipRole)
        self.device_hint.setText(name or self.tr("New device: it will be added."))
        return True

    def code_ok(self) -> bool:
        text = self.code.text()
        c = check_activation_code(text)
        if not text.strip():
            self.code_hint.setText("")
            return False
        if c.bad_letters:
            self.code_hint.setStyleSheet(ERROR_STYLE)
            self.code_hint.setText(
                self.tr("Only letters; these cannot occur: %1").replace("%1", c.bad_letters)
            )
            return False
        if c.bad_groups:
            self.code_hint.setStyleSheet(ERROR_STYLE)
            self.code_hint.setText(
                self.tr("There is a typo in group %1.").replace(
                    "%1", ", ".join(map(str, c.bad_groups))
                )
            )
            return False
        if not c.complete:
            typed = len("".join(ch for ch in text if ch.isalpha()))
            self.code_hint.setStyleSheet("")
            self.code_hint.setText(self.tr("%1 of 24 letters").replace("%1", str(typed)))
            return False
        self.code_hint.setStyleSheet(OK_STYLE)
        self.code_hint.setText(self.tr("Well formed: %1").replace("%1", c.code or ""))
        return True

    def wait_seconds(self) -> int:
        if self._wait_until is None:
            return 0
        left = (self._wait_until - dt.datetime.now(dt.UTC)).total_seconds()
        return max(0, int(left) + (1 if left > int(left) else 0))

    def validate(self) -> None:
        wait = self.wait_seconds()
        ok = self.device_ok() & self.code_ok()
        if wait:
            self.activate_button.setText(self.tr("Wait %1 s").replace("%1", str(wait)))
            self.wait_timer.start()
        else:
            self.activate_button.setText(self.tr("&Activate"))
            self.wait_timer.stop()
        self.activate_button.setEnabled(ok and not wait and not self.busy)

    # ------------------------------------------------------------ actions
    def _set_busy(self, busy: bool) -> None:
        self.busy = busy
        self.file_button.setEnabled(not busy)
        self.validate()

    def do_activate(self) -> None:
        if not self.activate_button.isEnabled():
            return
        app = self.app
        device, code = self.device.currentText(), self.code.text()
        self._set_busy(True)
        Op(
            self,
            lambda _p: activation.activate(app.db, app.authority, app.trusted_keys, device, code),
        ).success(self._succeeded).failure(self._refused).finally_(
            lambda: self._set_busy(False)
        ).run()

    def _succeeded(self, result: activation.ActivationResult) -> None:
        self.result_info = result
        self.code.blockSignals(True)
        self.code.clear()
        self.code.blockSignals(False)
        self.result_label.setStyleSheet("")
        self.result_label.setText(self.describe(result))
        self._read_wait()

    def _refused(self, exc: Exception) -> None:
        self.result_label.setStyleSheet(ERROR_STYLE)
        # whatever the loader or the authority's client raised: a sentence
        self.result_label.setText(message(exc) if isinstance(exc, DomainError) else describe(exc))
        self._read_wait()

    def load_file(self) -> None:
        path = open_file_name(
            self, self.tr("Load license file"), self.tr("License file (*.json *.lic)")
        )
        if path:
            self.load_path(path)

    def load_path(self, path: str) -> None:
        app, file = self.app, Path(path)
        self._set_busy(True)
        Op(
            self,
            lambda _p: activation.load_license_file(app.db, app.trusted_keys, file),
        ).success(self._succeeded).failure(self._refused).finally_(
            lambda: self._set_busy(False)
        ).run()

    def describe(self, r: activation.ActivationResult) -> str:
        if r.kind == "already-active":
            return self.tr("This code is already active on %1.").replace("%1", r.device_code)
        if r.kind == "transfer":
            return (
                self.tr("<b>Transferred</b> %1 to %2; update subscription until <b>%3</b>.")
                .replace("%1", r.product_sku)
                .replace("%2", r.device_code)
                .replace("%3", fmt.date_text(r.new_end))
            )
        if r.kind == "renewal":
            text = (
                self.tr(
                    "<b>Renewed</b> %1 on %2: the update subscription now ends on <b>%3</b> "
                    "(was %4)."
                )
                .replace("%1", r.product_sku)
                .replace("%2", r.device_code)
                .replace("%3", fmt.date_text(r.new_end))
                .replace("%4", fmt.date_text(r.old_end))
            )
            if r.days_forfeited:
                text += " " + self.tr(
                    "%n day(s) of the old subscription were forfeited.", "", r.days_forfeited
                )
            return text
        return (
            self.tr("<b>Activated</b> %1 on %2 for %3 months: update subscription until <b>%4</b>.")
            .replace("%1", r.product_sku)
            .replace("%2", r.device_code)
            .replace("%3", str(r.months))
            .replace("%4", fmt.date_text(r.new_end))
        )
