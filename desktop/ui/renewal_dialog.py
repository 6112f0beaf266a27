"""The renewal quote: what renewing the selected licenses costs, buys and forfeits."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.context import AppContext
from desktop.domain.errors import DomainError
from desktop.domain.money import Money
from desktop.domain.renewal import QuoteLine, RenewalKind, totals
from desktop.services import renewals
from desktop.ui import formatting as fmt
from desktop.ui.errors import message
from desktop.ui.icons import icon
from desktop.ui.ops import Op, read
from desktop.ui.widgets import select_first, top_items

ID_ROLE = int(Qt.ItemDataRole.UserRole)


class RenewalDialog(QDialog):
    def __init__(
        self, app: AppContext, license_ids: list[int], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.app = app
        self.license_ids = list(license_ids)
        self.lines: dict[int, QuoteLine] = {}
        self.refused: dict[int, str] = {}
        self.setWindowTitle(self.tr("Renewal quote"))
        self.setWindowIcon(icon("renew"))
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.date = QDateEdit()
        self.date.setCalendarPopup(True)
        today = app.clock.today()
        self.date.setDate(QDate(today.year, today.month, today.day))
        label = QLabel(self.tr("Quote as if &bought on:"))
        label.setBuddy(self.date)
        form.addRow(label, self.date)
        layout.addLayout(form)
        self.tree = QTreeWidget()
        self.tree.setHeaderLabels(
            [
                self.tr("Product"),
                self.tr("Device"),
                self.tr("Current end"),
                self.tr("New end"),
                self.tr("Days forfeited"),
                self.tr("Policy"),
                self.tr("Amount"),
            ]
        )
        self.tree.setAlternatingRowColors(True)
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for col, width in ((1, 150), (2, 95), (3, 95), (4, 110), (5, 190), (6, 120)):
            self.tree.setColumnWidth(col, width)
        layout.addWidget(self.tree, 1)
        self.advice = QLabel()
        self.advice.setWordWrap(True)
        layout.addWidget(self.advice)
        self.total_label = QLabel()
        self.total_label.setTextFormat(Qt.TextFormat.RichText)
        layout.addWidget(self.total_label)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.order_button = buttons.addButton(
            self.tr("Create &order"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.order_button.setIcon(icon("orders"))
        self.order_button.setEnabled(app.writable)
        self.order_button.clicked.connect(self.create_order)
        self.created_order: int | None = None
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.date.dateChanged.connect(lambda _d: self.requote())
        self.tree.itemChanged.connect(lambda _i, col: self.update_totals() if col == 0 else None)
        self.tree.currentItemChanged.connect(lambda cur, _p: self._advise(cur))
        self.resize(1040, 460)
        self.requote()
        self.tree.setFocus()

    # ------------------------------------------------------------ quoting
    def quote_date(self) -> dt.date:
        d = self.date.date()
        return dt.date(d.year(), d.month(), d.day())

    def requote(self) -> None:
        """Quote every license again for the chosen day; keep the ticks the user set."""
        db, ids, on = self.app.db, list(self.license_ids), self.quote_date()
        read(self, db, lambda: renewals.quote_each(db, ids, on), self._show_quotes)

    def _show_quotes(self, quotes: dict[int, renewals.Quote | DomainError]) -> None:
        unticked = {i for i in self.license_ids if not self.is_checked(i)}
        self.lines.clear()
        self.refused.clear()
        for lid, q in quotes.items():
            if isinstance(q, DomainError):
                self.refused[lid] = message(q)
            else:
                self.lines[lid] = q.lines[0]
        self.tree.blockSignals(True)
        self.tree.clear()
        for lid in self.license_ids:
            if lid in self.refused:
                item = QTreeWidgetItem(
                    [
                        self.tr("License %1").replace("%1", str(lid)),
                        "",
                        "",
                        "",
                        "",
                        self.refused[lid],
                        "",
                    ]
                )
                item.setIcon(0, icon("status-invalid"))
                item.setToolTip(5, self.refused[lid])
                item.setDisabled(True)
                self.tree.addTopLevelItem(item)
                continue
            line = self.lines[lid]
            item = QTreeWidgetItem(
                [
                    line.product_name,
                    line.device_code or "",
                    fmt.date_text(line.current_end),
                    fmt.date_text(line.new_end),
                    str(line.days_forfeited),
                    self._policy(line),
                    fmt.money_text(line.amount.amount, line.amount.currency),
                ]
            )
            item.setData(0, ID_ROLE, lid)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(
                0, Qt.CheckState.Unchecked if lid in unticked else Qt.CheckState.Checked
            )
            item.setTextAlignment(6, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            item.setTextAlignment(4, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            if line.days_forfeited:
                item.setIcon(4, icon("status-expiring"))
            for m in line.modules:
                state = (
                    self.tr("deferred to the next update")
                    if m.deferred
                    else self.tr("restored")
                    if m.restored
                    else ""
                )
                child = QTreeWidgetItem(
                    [
                        f"{m.module_name} × {m.seats}",
                        "",
                        "",
                        "",
                        "",
                        state,
                        fmt.money_text(m.amount.amount, m.amount.currency),
                    ]
                )
                child.setTextAlignment(
                    6, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                )
                if m.deferred:
                    child.setForeground(0, self.palette().placeholderText())
                item.addChild(child)
            self.tree.addTopLevelItem(item)
            item.setExpanded(True)
        self.tree.blockSignals(False)
        select_first(self.tree)
        self.update_totals()

    def _policy(self, line: QuoteLine) -> str:
        if line.kind is RenewalKind.ON_TIME:
            return self.tr("On-time update, 15 %")
        if line.kind is RenewalKind.OPEN:
            return self.tr("Open update, 30 %")
        return self.tr("Subscription renewal, 20 %")

    def _advise(self, item: QTreeWidgetItem | None) -> None:
        lid = item.data(0, ID_ROLE) if item is not None else None
        line = self.lines.get(lid) if lid is not None else None
        if line is None:
            self.advice.setText("")
            return
        if line.kind is RenewalKind.SUBSCRIPTION:
            if line.days_forfeited:
                text = (
                    self.tr(
                        "Bought on this day the new year starts at once and %1 paid days are "
                        "lost. Buy on %2 to lose nothing."
                    )
                    .replace("%1", str(line.days_forfeited))
                    .replace("%2", fmt.date_text(line.lossless_date))
                )
            elif line.gap_days:
                text = self.tr(
                    "The subscription ended %1 days before this day: releases of that gap "
                    "may not be installed until the renewal is active."
                ).replace("%1", str(line.gap_days))
            else:
                text = self.tr("This day loses nothing: the new year follows the old one.")
        elif line.kind is RenewalKind.ON_TIME:
            text = self.tr(
                "On-time update: the new warranty follows on from %1. Modules bought after "
                "the sixth month are charged at the next update."
            ).replace("%1", fmt.date_text(line.current_end))
        else:
            text = self.tr(
                "The warranty has lapsed: an open update costs 30 % and runs from the purchase day."
            )
        self.advice.setText(text)

    # ------------------------------------------------------------ totals
    def is_checked(self, license_id: int) -> bool:
        for item in top_items(self.tree):
            if item.data(0, ID_ROLE) == license_id:
                return item.checkState(0) == Qt.CheckState.Checked
        return True

    def checked_lines(self) -> list[QuoteLine]:
        return [self.lines[i] for i in self.license_ids if i in self.lines and self.is_checked(i)]

    def totals(self) -> dict[str, Money]:
        return totals(self.checked_lines())

    def create_order(self) -> None:
        ids = [line.license_id for line in self.checked_lines()]
        db, on = self.app.db, self.quote_date()
        self.order_button.setEnabled(False)
        Op(self, lambda _p: renewals.create_order(db, ids, on)).titled(
            self.tr("Create order")
        ).success(self._order_created).failure(self._order_failed).run()

    def _order_created(self, order_id: int) -> None:
        self.created_order = order_id
        self.total_label.setText(
            self.total_label.text()
            + "  "
            + self.tr("Order #%1 saved as a draft (see the Orders tab).").replace(
                "%1", str(order_id)
            )
        )

    def _order_failed(self, exc: Exception) -> None:
        from desktop.ui import msgbox

        self.order_button.setEnabled(True)
        msgbox.error(
            self,
            self.tr("Create order"),
            message(exc) if isinstance(exc, DomainError) else str(exc),
        )

    def update_totals(self) -> None:
        parts = [f"<b>{fmt.money_text(m.amount, c)}</b>" for c, m in sorted(self.totals().items())]
        n = len(self.checked_lines())
        self.total_label.setText(
            self.tr("Total for %n license(s): ", "", n) + (" + ".join(parts) if parts else "—")
        )
