"""First start on an empty database: open the demo, start empty, or import a file."""

from __future__ import annotations

from enum import Enum

from PySide6.QtWidgets import QDialog, QLabel, QLayout, QPushButton, QVBoxLayout, QWidget

from desktop.ui.icons import icon


class FirstStartChoice(Enum):
    DEMO = "demo"
    EMPTY = "empty"
    IMPORT = "import"


class FirstStartDialog(QDialog):
    """``missing``: there is no database at ``db_label`` yet (a new one is made only when
    the user picks a way to start; closing the dialog makes none: ``choice`` is None)."""

    def __init__(
        self, db_label: str, parent: QWidget | None = None, *, missing: bool = False
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Welcome to License Desk"))
        self.choice: FirstStartChoice | None = None if missing else FirstStartChoice.EMPTY
        layout = QVBoxLayout(self)
        text = QLabel(
            self.tr(
                "<h3>There is no license database here yet</h3>"
                "<p>%1</p><p>A new database is created there only if you choose a way to "
                "start. If the path is wrong, close this window and start License Desk "
                "with the right one.</p>"
            ).replace("%1", db_label)
            if missing
            else self.tr(
                "<h3>Your license database is empty</h3>"
                "<p>%1</p><p>How would you like to start?</p>"
            ).replace("%1", db_label)
        )
        text.setWordWrap(True)
        layout.addWidget(text)
        for choice, icon_name, label, tip in (
            (
                FirstStartChoice.DEMO,
                "app",
                self.tr("Open the &demo"),
                self.tr(
                    "A separate demo database with stores, terminals and licenses in every "
                    "state. Your database stays empty."
                ),
            ),
            (
                FirstStartChoice.EMPTY,
                "licenses",
                self.tr("Start &empty"),
                self.tr("Begin with an empty database and add licenses by activation or import."),
            ),
            (
                FirstStartChoice.IMPORT,
                "import",
                self.tr("&Import a file..."),
                self.tr("Load a License Desk export (.json or .csv)."),
            ),
        ):
            button = QPushButton(icon(icon_name), label)
            button.setToolTip(tip)
            button.clicked.connect(lambda _=False, c=choice: self._pick(c))
            layout.addWidget(button)
            hint = QLabel(tip)
            hint.setWordWrap(True)
            hint.setStyleSheet("color: palette(mid); margin-left: 24px; margin-bottom: 6px;")
            layout.addWidget(hint)
        # Wrapped labels need the height their width asks for (else the last lines clip).
        self.setMinimumWidth(460)
        layout.setSizeConstraint(QLayout.SizeConstraint.SetMinimumSize)

    def _pick(self, choice: FirstStartChoice) -> None:
        self.choice = choice
        self.accept()
