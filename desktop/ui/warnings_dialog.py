"""The start-up warning: what ends within the threshold or has ended."""

from __future__ import annotations

from enum import Enum

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.status import LicenseStatus
from desktop.services.warnings import WarningState
from desktop.ui import formatting as fmt
from desktop.ui.icons import icon
from desktop.ui.license_model import STATUS_ICON
from desktop.ui.widgets import select_first, top_items


class WarningChoice(Enum):
    CLOSE = "close"  # acknowledged: each shown stage is done, no pop-up again today
    SNOOZE = "snooze"  # remind me tomorrow: nothing marked shown
    RENEW = "renew"  # open the renewal dialog for the ticked items
    OPEN_IN_LIST = "open"  # show these items in the table


class WarningsDialog(QDialog):
    def __init__(self, state: WarningState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Update subscriptions need attention"))
        self.setWindowIcon(icon("status-expiring"))
        self.choice = WarningChoice.CLOSE
        items = state.pending or state.items
        self._ids = [i.license.id for i in items]
        layout = QVBoxLayout(self)
        ending = sum(1 for i in items if i.license.status is not LicenseStatus.EXPIRED)
        ended = len(items) - ending
        head = QLabel(
            self.tr(
                "<b>%1 subscription(s) end soon and %2 have ended.</b> Installing a release "
                "dated after a subscription's end puts the product into demo mode."
            )
            .replace("%1", str(ending))
            .replace("%2", str(ended))
        )
        head.setWordWrap(True)
        layout.addWidget(head)
        self.tree = QTreeWidget()
        self.tree.setHeaderLabels(
            [
                self.tr("Product"),
                self.tr("Device"),
                self.tr("Store"),
                self.tr("Ends"),
                self.tr("Days left"),
            ]
        )
        self.tree.setRootIsDecorated(False)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.tree.setAlternatingRowColors(True)
        for it in items:
            row = it.license
            device = row.device_name or ""
            item = QTreeWidgetItem(
                [
                    row.product_name,
                    device,
                    row.store_name or "",
                    fmt.date_text(row.subscription_end),
                    fmt.status_text(row.status, row.days_left),
                ]
            )
            item.setIcon(4, icon(STATUS_ICON[row.status]))
            item.setToolTip(1, row.device_code or "")
            item.setData(0, Qt.ItemDataRole.UserRole, row.id)
            item.setCheckState(0, Qt.CheckState.Checked)
            self.tree.addTopLevelItem(item)
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for col, width in ((1, 150), (2, 180), (3, 90), (4, 170)):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.Interactive)
            self.tree.setColumnWidth(col, width)
        layout.addWidget(self.tree, 1)
        hint = QLabel(self.tr("Tick the licenses to renew; Space toggles the current line."))
        hint.setStyleSheet("color: palette(mid);")
        layout.addWidget(hint)

        buttons = QDialogButtonBox()
        self.renew_button = QPushButton(icon("renew"), self.tr("&Renew selected..."))
        self.open_button = QPushButton(icon("filter-all"), self.tr("&Open in list"))
        self.snooze_button = QPushButton(icon("history"), self.tr("Remind me &tomorrow"))
        buttons.addButton(self.renew_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.open_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.snooze_button, QDialogButtonBox.ButtonRole.ActionRole)
        close = buttons.addButton(QDialogButtonBox.StandardButton.Close)
        close.setDefault(True)
        self.renew_button.clicked.connect(lambda: self._finish(WarningChoice.RENEW))
        self.open_button.clicked.connect(lambda: self._finish(WarningChoice.OPEN_IN_LIST))
        self.snooze_button.clicked.connect(lambda: self._finish(WarningChoice.SNOOZE))
        buttons.rejected.connect(lambda: self._finish(WarningChoice.CLOSE))
        layout.addWidget(buttons)
        self.tree.setFocus()
        select_first(self.tree)
        self.resize(960, 420)

    def _finish(self, choice: WarningChoice) -> None:
        self.choice = choice
        self.accept() if choice is not WarningChoice.CLOSE else self.reject()

    def all_ids(self) -> list[int]:
        return list(self._ids)

    def checked_ids(self) -> list[int]:
        out = []
        for item in top_items(self.tree):
            if item.checkState(0) == Qt.CheckState.Checked:
                out.append(int(item.data(0, Qt.ItemDataRole.UserRole)))
        return out
