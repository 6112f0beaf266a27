"""The Orders tab: renewal orders with their lines; PDF, XLSX and e-mail text.

The orders and their lines are a two-level model (desktop.ui.rows_model): a chain's
thousands of lines are one model reset, not a tree item each.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QGuiApplication, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QPushButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from desktop.context import AppContext
from desktop.domain.errors import DomainError
from desktop.domain.money import Money
from desktop.services import licenses, renewals
from desktop.services.licenses import LicenseRow
from desktop.services.ports import LicenseQuery, OrderLineRow, OrderRow
from desktop.ui import formatting as fmt
from desktop.ui import msgbox
from desktop.ui.changes import changes
from desktop.ui.errors import message
from desktop.ui.icons import icon
from desktop.ui.ops import Op, read
from desktop.ui.order_export import export_pdf, export_xlsx, status_text
from desktop.ui.rows_model import RowsModel, RowView
from desktop.ui.widgets import EmptyHint, fit_columns, save_file_name

__all__ = ["OrdersView", "status_text"]


def _money(minor: int, currency: str) -> str:
    return fmt.money_text(Money.from_minor(minor, currency).amount, currency)


class OrdersView(QWidget):
    #: An order was written to a file (the path).
    exported = Signal(object)
    #: A reload finished (tests wait on it).
    reloaded = Signal()

    def __init__(self, app: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.app = app
        changes(app).changed.connect(self.data_changed)
        self.orders: list[OrderRow] = []
        self._stale = True
        layout = QVBoxLayout(self)
        bar = QHBoxLayout()
        layout.addLayout(bar)  # before its widgets: then Qt alone owns them
        self.pdf_button = QPushButton(icon("export"), self.tr("Export &PDF..."), self)
        self.xlsx_button = QPushButton(icon("export"), self.tr("Export &XLSX..."), self)
        self.copy_button = QPushButton(icon("copy"), self.tr("Cop&y as text"), self)
        self.sent_button = QPushButton(self.tr("Mark s&ent"), self)
        self.cancel_button = QPushButton(self.tr("Ca&ncel order..."), self)
        self.fulfil_button = QPushButton(
            icon("activate"), self.tr("F&ulfil with local authority..."), self
        )
        for b in (
            self.pdf_button,
            self.xlsx_button,
            self.copy_button,
            self.sent_button,
            self.cancel_button,
            self.fulfil_button,
        ):
            bar.addWidget(b)
        bar.addStretch(1)
        self.model = RowsModel(
            [
                self.tr("Order"),
                self.tr("Date"),
                self.tr("Status"),
                self.tr("Device code"),
                self.tr("New end"),
                self.tr("Amount"),
            ],
            self._order_view,
            key=lambda o: o.id,
            children=lambda o: o.lines,
            child_view=self._line_view,
            parent=self,
        )
        self.tree = QTreeView(self)
        self.tree.setObjectName("ordersView")
        self.tree.setModel(self.model)
        self.tree.setUniformRowHeights(True)
        self.tree.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.tree.setTextElideMode(Qt.TextElideMode.ElideRight)
        fit_columns(self.tree, {0: 330, 1: 95, 2: 110, 3: 270, 4: 95})
        layout.addWidget(self.tree, 1)
        self.hint = EmptyHint(
            self.tree,
            lambda: self.tr(
                "No renewal orders yet. On the Licenses tab select the licenses to renew and "
                "choose Renew... (Ctrl+R); the quote's \u201cCreate order\u201d saves a "
                "draft here."
            ),
        )
        self.pdf_button.clicked.connect(lambda: self._export("pdf"))
        self.xlsx_button.clicked.connect(lambda: self._export("xlsx"))
        self.copy_button.clicked.connect(self.copy_text)
        self.sent_button.clicked.connect(lambda: self.set_status("sent"))
        self.cancel_button.clicked.connect(self.cancel_order)
        self.fulfil_button.clicked.connect(self.fulfil)
        self.tree.selectionModel().currentRowChanged.connect(lambda *_: self._update_buttons())
        self._update_buttons()

    # ------------------------------------------------------------ rows
    def _order_view(self, o: OrderRow) -> RowView:
        totals = " + ".join(
            fmt.money_text(m.amount, c) for c, m in sorted(renewals.order_totals(o).items())
        )
        title = self.tr("Order #%1: %n line(s)", "", len(o.lines)).replace("%1", str(o.id))
        return RowView(
            (title, fmt.date_text(o.quote_date), status_text(o.status), "", "", totals),
            font=None,
            right=frozenset({5}),
        )

    def _line_view(self, _order: OrderRow, ln: OrderLineRow) -> RowView:
        return RowView(
            (
                ln.product_name,
                "",
                self.tr("fulfilled") if ln.fulfilled else "",
                ln.device_code or "",
                fmt.date_text(ln.new_end),
                _money(ln.amount_minor, ln.currency),
            ),
            icons={2: icon("status-active")} if ln.fulfilled else {},
            tooltips={0: f"{ln.product_name}\n{ln.sku}"},
            right=frozenset({5}),
        )

    # ------------------------------------------------------------ data
    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802
        if self._stale:
            self.reload()
        super().showEvent(event)

    def data_changed(self) -> None:
        """The store changed: reload now if shown, else when next shown."""
        self._stale = True
        if self.isVisible():
            self.reload()

    def reload(self) -> None:
        self._stale = False
        db = self.app.db
        read(self, db, lambda: renewals.orders(db), self._show)

    def _show(self, orders: list[OrderRow]) -> None:
        current = self.current()
        keep = current.id if current is not None else None
        self.orders = orders
        self.model.set_records(orders)
        self.tree.expandAll()
        index = self.model.index_of(keep) if keep is not None else QModelIndex()
        if not index.isValid() and orders:
            index = self.model.index(0, 0)
        if index.isValid():
            self.tree.setCurrentIndex(index)
        self.hint.refresh()
        self._update_buttons()
        self.reloaded.emit()

    def current(self) -> OrderRow | None:
        order = self.model.top_record(self.tree.currentIndex())
        return order if isinstance(order, OrderRow) else None

    def select_order(self, order_id: int) -> None:
        index = self.model.index_of(order_id)
        if index.isValid():
            self.tree.setCurrentIndex(index)

    def _update_buttons(self) -> None:
        o = self.current()
        for b in (self.pdf_button, self.xlsx_button, self.copy_button):
            b.setEnabled(o is not None)
        is_open = o is not None and o.status in ("draft", "sent") and self.app.writable
        self.sent_button.setEnabled(is_open and o is not None and o.status == "draft")
        self.cancel_button.setEnabled(is_open)
        self.fulfil_button.setEnabled(is_open)

    # ------------------------------------------------------------ files
    def _export(self, kind: str) -> None:
        o = self.current()
        if o is None:
            return
        suffix = self.tr("PDF document (*.pdf)") if kind == "pdf" else self.tr("Excel (*.xlsx)")
        name = self.tr("order-%1").replace("%1", str(o.id)) + f".{kind}"
        path, _ = save_file_name(self, self.tr("Export order"), name, suffix)
        if path:
            self.export_to(Path(path), kind)

    def export_to(self, path: Path, kind: str) -> None:
        """Write the current order to ``path`` (with its devices' names and stores);
        ``exported`` tells when the file is there."""
        o = self.current()
        if o is None:
            return
        db, today = self.app.db, self.app.clock.today()
        ids = tuple(sorted({ln.license_id for ln in o.lines}))

        def rows() -> dict[int, LicenseRow]:
            query = LicenseQuery(today=today, threshold_days=0, license_ids=ids)
            return {r.id: r for r in licenses.list_licenses(db, query)}

        def write(found: dict[int, LicenseRow]) -> None:
            try:
                (export_pdf if kind == "pdf" else export_xlsx)(o, path, found)
            except OSError as exc:
                msgbox.error(
                    self,
                    self.tr("Export order"),
                    message(
                        DomainError("export_failed", path=str(path), reason=exc.strerror or "")
                    ),
                )
                return
            status = getattr(self.window(), "statusBar", None)
            if callable(status):
                status().showMessage(
                    self.tr("Order #%1 saved to %2")
                    .replace("%1", str(o.id))
                    .replace("%2", str(path)),
                    5000,
                )
            self.exported.emit(path)

        read(self, db, rows, write, failed=lambda _exc: write({}))

    def copy_text(self) -> None:
        o = self.current()
        if o is not None:
            QGuiApplication.clipboard().setText(renewals.order_text(o))

    # ------------------------------------------------------------ status
    def set_status(self, status: str) -> None:
        o = self.current()
        if o is None:
            return
        db, order_id = self.app.db, o.id
        Op(self, lambda _p: renewals.set_order_status(db, order_id, status)).titled(
            self.tr("Order")
        ).run()

    def cancel_order(self) -> None:
        o = self.current()
        if o is None:
            return
        if msgbox.ask(
            self,
            self.tr("Cancel order"),
            self.tr(
                "Cancel order #%1? It stays in the list as cancelled and can no longer be "
                "fulfilled."
            ).replace("%1", str(o.id)),
            yes_text=self.tr("Ca&ncel the order"),
            no_text=self.tr("&Keep it"),
        ):
            self.set_status("cancelled")

    def fulfil(self) -> None:
        """Let the authority issue the codes and activate them: every line or none."""
        o = self.current()
        if o is None:
            return
        title = self.tr("Fulfil order")
        open_lines = sum(1 for ln in o.lines if not ln.fulfilled)
        if not msgbox.ask(
            self,
            title,
            self.tr(
                "Fulfil order #%1? The authority issues %n renewal code(s) and each is "
                "activated on its device at once.",
                "",
                open_lines,
            ).replace("%1", str(o.id)),
            yes_text=self.tr("&Fulfil"),
            no_text=self.tr("Cancel"),
        ):
            return
        app, order_id = self.app, o.id

        def done(result: renewals.Fulfilment) -> None:
            msgbox.info(
                self,
                title,
                self.tr(
                    "The authority issued %n renewal code(s); they were activated on their "
                    "devices.",
                    "",
                    result.lines,
                ),
            )

        Op(
            self,
            lambda _p: renewals.fulfil_order(app.db, app.authority, app.trusted_keys, order_id),
        ).titled(title).with_progress(
            self.tr("Fulfilling order #%1...").replace("%1", str(order_id))
        ).success(done).run()
