"""Settings: the business ones (stored in the database) and the UI language (QSettings)."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.errors import DomainError
from desktop.services.settings import BusinessSettings, check_authority_url
from desktop.ui.i18n import LANGUAGES


@dataclass(frozen=True)
class SettingsRequest:
    business: BusinessSettings  # stored in the database
    language: str  # "" = follow the system (QSettings on this PC)


class SettingsDialog(QDialog):
    def __init__(
        self,
        values: BusinessSettings,
        language: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Settings"))
        layout = QVBoxLayout(self)
        form = QFormLayout()
        layout.addLayout(form)  # before its widgets: then Qt alone owns them
        self.threshold = QSpinBox()
        self.threshold.setRange(0, 366)
        self.threshold.setValue(values.expiring_days)
        self.threshold.setSuffix(self.tr(" days"))
        lbl = QLabel(self.tr("&Warn when a subscription ends within:"))
        lbl.setBuddy(self.threshold)
        form.addRow(lbl, self.threshold)

        # No validator that swallows keystrokes: what is typed stays, and a wrong entry
        # is shown as wrong (red frame, a sentence under it, OK disabled).
        self.stages = QLineEdit(", ".join(str(s) for s in values.warning_stages))
        lbl = QLabel(self.tr("Start-up warning &stages (days before the end):"))
        lbl.setBuddy(self.stages)
        form.addRow(lbl, self.stages)
        self.stages_error = QLabel()
        self.stages_error.setObjectName("stagesError")
        self.stages_error.setStyleSheet("color: #b3261e;")
        self.stages_error.setWordWrap(True)
        form.addRow(self.stages_error)  # the whole width: one line, not a cut-off column

        self.notice = QSpinBox()
        self.notice.setRange(0, 366)
        self.notice.setValue(values.device_notice_days)
        self.notice.setSuffix(self.tr(" days"))
        lbl = QLabel(self.tr("&Devices (platform 3.2+) show their own notice:"))
        lbl.setBuddy(self.notice)
        form.addRow(lbl, self.notice)

        self.authority = QLineEdit(values.authority_url)
        self.authority.setPlaceholderText("https://licenses.example.com")
        lbl = QLabel(self.tr("License &authority:"))
        lbl.setBuddy(self.authority)
        form.addRow(lbl, self.authority)
        self.authority_error = QLabel()
        self.authority_error.setStyleSheet("color: #b3261e;")
        form.addRow("", self.authority_error)

        self.language = QComboBox()
        self.language.addItem(self.tr("Follow the system"), "")
        for code, name in LANGUAGES.items():
            self.language.addItem(name, code)
        self.language.setCurrentIndex(max(0, self.language.findData(language)))
        lbl = QLabel(self.tr("&Language:"))
        lbl.setBuddy(self.language)
        form.addRow(lbl, self.language)

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.stages.textChanged.connect(self._validate)
        self.authority.textChanged.connect(self._validate)
        self._validate()

    def _stage_values(self) -> tuple[int, ...] | None:
        parts = [p.strip() for p in self.stages.text().split(",") if p.strip()]
        try:
            values = tuple(int(p) for p in parts)
        except ValueError:
            return None
        if not values or any(not 0 <= v <= 366 for v in values):
            return None
        return tuple(sorted(set(values), reverse=True))

    def _authority_ok(self) -> bool:
        try:
            check_authority_url(self.authority.text())
        except DomainError:
            return False
        return True

    def _validate(self) -> None:
        stages_ok = self._stage_values() is not None
        self.stages_error.setText(
            "" if stages_ok else self.tr("Enter days from 0 to 366, separated by commas: 30, 14, 1")
        )
        self.stages.setProperty("invalid", not stages_ok)
        self.stages.setStyleSheet("" if stages_ok else "QLineEdit { border: 1px solid #b3261e; }")
        self.stages.setToolTip(self.stages_error.text())
        authority_ok = self._authority_ok()
        self.authority_error.setText(
            "" if authority_ok else self.tr("Enter an address starting with https:// or http://")
        )
        self.authority.setStyleSheet(
            "" if authority_ok else "QLineEdit { border: 1px solid #b3261e; }"
        )
        ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        if ok_button is not None:
            ok_button.setEnabled(stages_ok and authority_ok)

    def request(self) -> SettingsRequest:
        stages = self._stage_values() or (30, 14, 1)
        return SettingsRequest(
            BusinessSettings(
                self.threshold.value(), stages, self.notice.value(), self.authority.text().strip()
            ),
            str(self.language.currentData()),
        )
