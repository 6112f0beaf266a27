"""Every message box goes through here, so that tests can replace them (qutebrowser habit).

Tests monkeypatch ``desktop.ui.msgbox.ask``/``info``/``error``/``retry`` (see
tests/ui/conftest.py).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
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
