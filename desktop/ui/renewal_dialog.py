"""The renewal quote: what renewing the selected licenses costs, buys and forfeits.

The lines are a model (desktop.ui.rows_model) with a tick per license: quoting the
hundreds of licenses of a chain's warning list is one model reset.
"""

from __future__ import annotations

import datetime as dt
import html
from dataclasses import dataclass

from PySide6.QtCore import QDate, QModelIndex, Qt
from PySide6.QtGui import QBrush
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from desktop.context import AppContext
from desktop.domain.errors import DomainError
from desktop.domain.money import Money
from desktop.domain.renewal import ModuleLine, QuoteLine, RenewalKind, totals
from desktop.services import licenses, renewals
from desktop.services.licenses import LicenseRow
from desktop.services.ports import LicenseQuery
from desktop.ui import formatting as fmt
from desktop.ui.errors import message
from desktop.ui.icons import icon
from desktop.ui.ops import Op, read
from desktop.ui.rows_model import KeyRole, RowsModel, RowView
from desktop.ui.widgets import fit_columns

ID_ROLE = KeyRole


@dataclass(frozen=True)
class QuoteRow:
    """One license of the quote: its line, or why it cannot be quoted."""

    license_id: int
    line: QuoteLine | None
    refused: str | None
    license: LicenseRow | None


class RenewalDialog(QDialog):
    def __init__(
        self, app: AppContext, license_ids: list[int], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.app = app
        self.license_ids = list(license_ids)
        self.lines: dict[int, QuoteLine] = {}
        self.refused: dict[int, str] = {}
        self.rows: dict[int, LicenseRow] = {}
        self.setWindowTitle(self.tr("Renewal quote"))
        self.setWindowIcon(icon("renew"))
        layout = QVBoxLayout(self)
        form = QFormLayout()
        layout.addLayout(form)  # before its widgets: then Qt alone owns them
        self.date = QDateEdit(self)
        self.date.setCalendarPopup(True)
        today = app.clock.today()
        self.date.setDate(QDate(today.year, today.month, today.day))
        label = QLabel(self.tr("Quote as if &bought on:"), self)
        label.setBuddy(self.date)
        form.addRow(label, self.date)
        self.model = RowsModel(
            [
                self.tr("Product"),
                self.tr("Device"),
                self.tr("Current end"),
                self.tr("New end"),
                self.tr("Days forfeited"),
                self.tr("Policy"),
                self.tr("Amount"),
            ],
            self._row_view,
            key=lambda r: r.license_id,
            children=lambda r: r.line.modules if r.line is not None else (),
            child_view=self._module_view,
            checkable=lambda r: r.line is not None,
            parent=self,
        )
        self.tree = QTreeView(self)
        self.tree.setModel(self.model)
        self.tree.setAlternatingRowColors(True)
        self.tree.setUniformRowHeights(True)
        self.tree.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.tree.setTextElideMode(Qt.TextElideMode.ElideRight)
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        fit_columns(self.tree, {1: 150, 2: 95, 3: 95, 4: 110, 5: 190, 6: 120})
        layout.addWidget(self.tree, 1)
        self.advice = QLabel(self)
        self.advice.setWordWrap(True)
        self.advice.setTextFormat(Qt.TextFormat.RichText)
        layout.addWidget(self.advice)
        self.total_label = QLabel(self)
        self.total_label.setTextFormat(Qt.TextFormat.RichText)
        layout.addWidget(self.total_label)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        layout.addWidget(buttons)
        self.order_button = buttons.addButton(
            self.tr("Create &order"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.order_button.setIcon(icon("orders"))
        self.order_button.setEnabled(app.writable)
        self.order_button.clicked.connect(self.create_order)
        self.created_order: int | None = None
        buttons.rejected.connect(self.reject)
        self.date.dateChanged.connect(lambda _d: self.requote())
        self.model.check_changed.connect(self.update_totals)
        self.tree.selectionModel().currentRowChanged.connect(
            lambda cur, _p: self._advise(self.model.top_record(cur))
        )
        self.resize(1040, 460)
        self.requote()
        self.tree.setFocus()

    # ------------------------------------------------------------ rows
    def _row_view(self, r: QuoteRow) -> RowView:
        lic = r.license
        device = (lic.device_name if lic is not None else None) or (
            r.line.device_code if r.line is not None else None
        )
        code = lic.device_code if lic is not None else None
        if r.line is None:
            product = lic.product_name if lic is not None else self.tr("License")
            return RowView(
                (product, device or "", "", "", "", r.refused or "", ""),
                icons={0: icon("status-invalid")},
                tooltips={5: r.refused or "", 1: code or ""},
                enabled=False,
            )
        line = r.line
        return RowView(
            (
                line.product_name,
                device or "",
                fmt.date_text(line.current_end),
                fmt.date_text(line.new_end),
                str(line.days_forfeited),
                self._policy(line),
                fmt.money_text(line.amount.amount, line.amount.currency),
            ),
            icons={4: icon("status-expiring")} if line.days_forfeited else {},
            tooltips={0: f"{line.product_name}\n{line.sku}", 1: line.device_code or ""},
            right=frozenset({4, 6}),
        )

    def _module_view(self, _r: QuoteRow, m: ModuleLine) -> RowView:
        state = (
            self.tr("deferred to the next update")
            if m.deferred
            else self.tr("restored")
            if m.restored
            else ""
        )
        grey = QBrush(self.palette().placeholderText())
        return RowView(
            (
                f"{m.module_name} × {m.seats}",
                "",
                "",
                "",
                "",
                state,
                fmt.money_text(m.amount.amount, m.amount.currency),
            ),
            foregrounds={0: grey} if m.deferred else {},
            right=frozenset({6}),
        )

    # ------------------------------------------------------------ quoting
    def quote_date(self) -> dt.date:
        d = self.date.date()
        return dt.date(d.year(), d.month(), d.day())

    def requote(self) -> None:
        """Quote every license again for the chosen day; keep the ticks the user set."""
        db, ids, on = self.app.db, list(self.license_ids), self.quote_date()

        def work() -> tuple[dict[int, renewals.Quote | DomainError], dict[int, LicenseRow]]:
            quotes = renewals.quote_each(db, ids, on)
            query = LicenseQuery(today=on, threshold_days=0, license_ids=tuple(ids))
            return quotes, {r.id: r for r in licenses.list_licenses(db, query)}

        read(self, db, work, lambda got: self._show_quotes(*got))

    def _show_quotes(
        self,
        quotes: dict[int, renewals.Quote | DomainError],
        rows: dict[int, LicenseRow] | None = None,
    ) -> None:
        self.rows = rows or {}
        self.lines.clear()
        self.refused.clear()
        for lid, q in quotes.items():
            if isinstance(q, DomainError):
                self.refused[lid] = self.refusal(q)
            else:
                self.lines[lid] = q.lines[0]
        current = self.model.top_record(self.tree.currentIndex())
        records = [
            QuoteRow(lid, self.lines.get(lid), self.refused.get(lid), self.rows.get(lid))
            for lid in self.license_ids
            if lid in self.lines or lid in self.refused
        ]
        self.model.set_records(records)
        self.tree.expandAll()
        index = self.model.index_of(current.license_id) if current is not None else QModelIndex()
        if not index.isValid() and records:
            index = self.model.index(0, 0)
        if index.isValid():
            self.tree.setCurrentIndex(index)
        self._advise(self.model.top_record(self.tree.currentIndex()))
        self.update_totals()

    def refusal(self, err: DomainError) -> str:
        """Why a line cannot be quoted, said of the line itself: its row already names
        the product and device, so no license number is needed."""
        p = err.params

        def day(key: str) -> str:
            try:
                return fmt.date_text(dt.date.fromisoformat(str(p.get(key, ""))))
            except ValueError:
                return str(p.get(key, ""))

        if err.code == "renew_free_license":
            return self.tr("Not bound to a device: activate it before renewing.")
        if err.code == "no_warranty":
            return self.tr("No warranty end date to renew from.")
        if err.code == "quote_before_license":
            return self.tr(
                "Activated on %1: there is nothing to renew on this day. Choose a later day."
            ).replace("%1", day("activated_on"))
        if err.code == "renewal_shortens":
            return (
                self.tr("Renewed on this day it would end on %1, before its current end %2.")
                .replace("%1", day("new_end"))
                .replace("%2", day("current_end"))
            )
        if err.code == "period_start_unknown":
            return self.tr(
                "The start of the current warranty period is not known: enter the date from "
                "the registration certificate."
            )
        if err.code == "license_not_found":
            return self.tr("This license is no longer in the database.")
        return message(err)

    def _policy(self, line: QuoteLine) -> str:
        if line.kind is RenewalKind.ON_TIME:
            return self.tr("On-time update, 15 %")
        if line.kind is RenewalKind.OPEN:
            return self.tr("Open update, 30 %")
        return self.tr("Subscription renewal, 20 %")

    def _which(self, row: QuoteRow) -> str:
        """The line the advice is about: its product, on its device."""
        product = row.line.product_name if row.line is not None else ""
        lic = row.license
        device = (lic.device_name if lic is not None else None) or (
            row.line.device_code if row.line is not None else None
        )
        if device:
            return self.tr("%1 on %2").replace("%1", product).replace("%2", device)
        return product

    def _advise(self, row: QuoteRow | None) -> None:
        line = row.line if row is not None else None
        if row is None or line is None:
            self.advice.setText("")
            return
        if line.kind is RenewalKind.SUBSCRIPTION:
            if line.days_forfeited:
                text = self.tr(
                    "Bought on this day the new year starts at once and %n paid day(s) are "
                    "lost. Buy on %2 to lose nothing.",
                    "",
                    line.days_forfeited,
                ).replace("%2", fmt.date_text(line.lossless_date))
            elif line.gap_days:
                text = self.tr(
                    "The subscription ended %n day(s) before this day: releases of that gap "
                    "may not be installed until the renewal is active.",
                    "",
                    line.gap_days,
                )
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
        which = f"<b>{html.escape(self._which(row))}</b>"
        self.advice.setText(self.tr("%1: %2").replace("%1", which).replace("%2", html.escape(text)))

    # ------------------------------------------------------------ totals
    def is_checked(self, license_id: int) -> bool:
        index = self.model.index_of(license_id)
        if not index.isValid():
            return True
        return bool(self.model.data(index, Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked)

    def set_checked(self, license_id: int, checked: bool) -> None:
        self.model.set_checked(license_id, checked)

    def checked_lines(self) -> list[QuoteLine]:
        return [r.line for r in self.model.checked() if r.line is not None]

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
        self.order_button.setEnabled(n > 0 and self.created_order is None)
