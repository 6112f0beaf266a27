"""Every message box goes through here, so that tests can replace them (qutebrowser habit).

Tests monkeypatch ``desktop.ui.msgbox.ask``/``info``/``error``/``retry``/``crash``/
``choose`` (see tests/ui/conftest.py).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QMessageBox, QWidget


def info(parent: QWidget | None, title: str, text: str) -> None:
    QMessageBox.information(parent, title, text)


def error(parent: QWidget | None, title: str, text: str, details: str = "") -> None:
    box = QMessageBox(QMessageBox.Icon.Critical, title, text, QMessageBox.StandardButton.Ok, parent)
    if details:
        box.setDetailedText(details)
    box.exec()


def ask(
    parent: QWidget | None,
    title: str,
    text: str,
    *,
    default_yes: bool = False,
    yes_text: str = "",
    no_text: str = "",
) -> bool:
    """A question with named buttons when given ("Install anyway" / "Cancel")."""
    box = QMessageBox(
        QMessageBox.Icon.Question, title, text, QMessageBox.StandardButton.NoButton, parent
    )
    yes = box.addButton(
        yes_text or QCoreApplication.translate("Msgbox", "&Yes"), QMessageBox.ButtonRole.YesRole
    )
    no = box.addButton(
        no_text or QCoreApplication.translate("Msgbox", "&No"), QMessageBox.ButtonRole.NoRole
    )
    box.setDefaultButton(yes if default_yes else no)
    box.setEscapeButton(no)
    box.exec()
    return box.clickedButton() is yes


def retry(parent: QWidget | None, title: str, text: str) -> bool:
    """An error the user may try again (an unreachable server): True for Retry."""
    box = QMessageBox(
        QMessageBox.Icon.Critical, title, text, QMessageBox.StandardButton.NoButton, parent
    )
    again = box.addButton(
        QCoreApplication.translate("Msgbox", "&Retry"), QMessageBox.ButtonRole.AcceptRole
    )
    quit_ = box.addButton(
        QCoreApplication.translate("Msgbox", "&Quit"), QMessageBox.ButtonRole.RejectRole
    )
    box.setDefaultButton(again)
    box.setEscapeButton(quit_)
    box.exec()
    return box.clickedButton() is again


def crash(parent: QWidget | None, title: str, text: str, details: str) -> bool:
    """An unexpected error: what happened, where the report is, the report itself with
    "Copy details" (the box stays open), and Quit or Keep working. True: quit."""
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtWidgets import (
        QDialog,
        QDialogButtonBox,
        QLabel,
        QPlainTextEdit,
        QPushButton,
        QVBoxLayout,
    )

    dialog = QDialog(parent)
    dialog.setObjectName("crashDialog")
    dialog.setWindowTitle(title)
    layout = QVBoxLayout(dialog)
    label = QLabel(text)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    layout.addWidget(label)
    report = QPlainTextEdit(details)
    report.setReadOnly(True)
    report.setMinimumSize(560, 220)
    layout.addWidget(report)
    buttons = QDialogButtonBox()
    copy = QPushButton(QCoreApplication.translate("Msgbox", "&Copy details"))
    buttons.addButton(copy, QDialogButtonBox.ButtonRole.ActionRole)
    quit_ = buttons.addButton(
        QCoreApplication.translate("Msgbox", "&Quit"), QDialogButtonBox.ButtonRole.RejectRole
    )
    keep = buttons.addButton(
        QCoreApplication.translate("Msgbox", "&Keep working"),
        QDialogButtonBox.ButtonRole.AcceptRole,
    )
    layout.addWidget(buttons)
    chosen: list[bool] = []

    def copy_details() -> None:
        QGuiApplication.clipboard().setText(details)
        copy.setText(QCoreApplication.translate("Msgbox", "Copied"))

    copy.clicked.connect(copy_details)

    def pick(quit_app: bool) -> None:
        chosen.append(quit_app)
        dialog.done(1)

    quit_.clicked.connect(lambda: pick(True))
    keep.clicked.connect(lambda: pick(False))
    keep.setDefault(True)
    dialog.exec()
    return bool(chosen and chosen[0])
