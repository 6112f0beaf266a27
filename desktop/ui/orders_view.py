"""The Orders tab: renewal orders with their lines; PDF, XLSX and e-mail text."""

from __future__ import annotations

import html
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QMarginsF, Qt
from PySide6.QtGui import (
    QGuiApplication,
    QPageLayout,
    QPageSize,
    QPdfWriter,
    QShowEvent,
    QTextDocument,
)
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.context import AppContext
from desktop.domain.errors import DomainError
from desktop.domain.money import Money
from desktop.services import renewals
from desktop.services.ports import OrderRow
from desktop.ui import formatting as fmt
from desktop.ui import msgbox
from desktop.ui.changes import changes
from desktop.ui.errors import message
from desktop.ui.icons import icon
from desktop.ui.ops import Op, read
from desktop.ui.widgets import select_first

ID_ROLE = int(Qt.ItemDataRole.UserRole)


def status_text(status: str) -> str:
    return {
        "draft": QCoreApplication.translate("OrdersView", "Draft"),
        "sent": QCoreApplication.translate("OrdersView", "Sent"),
        "fulfilled": QCoreApplication.translate("OrdersView", "Fulfilled"),
        "cancelled": QCoreApplication.translate("OrdersView", "Cancelled"),
    }.get(status, status)


def _money(minor: int, currency: str) -> str:
    m = Money.from_minor(minor, currency)
    return fmt.money_text(m.amount, currency)


def order_html(order: OrderRow) -> str:
    """A clean printable page: lines, device codes, totals, date."""
    heads = [
        QCoreApplication.translate("OrdersView", "SKU"),
        QCoreApplication.translate("OrdersView", "Product"),
        QCoreApplication.translate("OrdersView", "Device code"),
        QCoreApplication.translate("OrdersView", "New end"),
        QCoreApplication.translate("OrdersView", "Amount"),
    ]
    rows = "".join(
        f"<tr><td>{n}</td><td>{html.escape(ln.sku)}</td><td>{html.escape(ln.product_name)}</td>"
        f"<td style='font-family:monospace'>{html.escape(ln.device_code or '—')}</td>"
        f"<td>{fmt.date_text(ln.new_end)}</td>"
        f"<td align='right'>{html.escape(_money(ln.amount_minor, ln.currency))}</td></tr>"
        for n, ln in enumerate(order.lines, start=1)
    )
    totals = "<br/>".join(
        html.escape(fmt.money_text(m.amount, c))
        for c, m in sorted(renewals.order_totals(order).items())
    )
    title = html.escape(
        QCoreApplication.translate("OrdersView", "Renewal order #%1").replace("%1", str(order.id))
    )
    meta = html.escape(
        QCoreApplication.translate("OrdersView", "Date: %1    Status: %2")
        .replace("%1", fmt.date_text(order.quote_date))
        .replace("%2", status_text(order.status))
    )
    head = "".join(f"<th>{html.escape(h)}</th>" for h in heads)
    total_label = html.escape(QCoreApplication.translate("OrdersView", "Total"))
    return (
        "<html><body style='font-family:sans-serif; font-size:10pt'>"
        f"<h2>{title}</h2><p>{meta}</p>"
        "<table width='100%' cellspacing='0' cellpadding='4' border='1' "
        "style='border-collapse:collapse'>"
        f"<tr style='background:#e8eef5'><th>#</th>{head}</tr>{rows}</table>"
        f"<p align='right'><b>{total_label}:</b><br/>{totals}</p>"
        "</body></html>"
    )


def export_pdf(order: OrderRow, path: Path) -> None:
    writer = QPdfWriter(str(path))
    # QTextDocument lays out in screen units; at 96 dpi one unit is one PDF pixel, so the
    # text keeps its point size (it stays vector text in the PDF).
    writer.setResolution(96)
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    writer.setPageMargins(QMarginsF(15, 15, 15, 15), QPageLayout.Unit.Millimeter)
    writer.setTitle(f"Order {order.id}")
    doc = QTextDocument()
    doc.setHtml(order_html(order))
    doc.setPageSize(writer.pageLayout().paintRectPixels(writer.resolution()).size().toSizeF())
    doc.print_(writer)


def export_xlsx(order: OrderRow, path: Path) -> None:
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = f"Order {order.id}"
    ws.append(
        [
            QCoreApplication.translate("OrdersView", "Order"),
            order.id,
            QCoreApplication.translate("OrdersView", "Date"),
            order.quote_date,
            QCoreApplication.translate("OrdersView", "Status"),
            status_text(order.status),
        ]
    )
    ws.append([])
    ws.append(
        [
            QCoreApplication.translate("OrdersView", "SKU"),
            QCoreApplication.translate("OrdersView", "Product"),
            QCoreApplication.translate("OrdersView", "Device code"),
            QCoreApplication.translate("OrdersView", "New end"),
            QCoreApplication.translate("OrdersView", "Amount"),
            QCoreApplication.translate("OrdersView", "Currency"),
        ]
    )
    for ln in order.lines:
        ws.append(
            [
                ln.sku,
                ln.product_name,
                ln.device_code or "",
                ln.new_end,
                Money.from_minor(ln.amount_minor, ln.currency).amount,
                ln.currency,
            ]
        )
    for cur, m in sorted(renewals.order_totals(order).items()):
        ws.append(["", "", "", QCoreApplication.translate("OrdersView", "Total"), m.amount, cur])
    tmp = path.with_name(path.name + ".part")
    wb.save(tmp)
    tmp.replace(path)


class OrdersView(QWidget):
    def __init__(self, app: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.app = app
        changes(app).changed.connect(self.data_changed)
        self.orders: list[OrderRow] = []
        self._stale = True
        layout = QVBoxLayout(self)
        bar = QHBoxLayout()
        self.pdf_button = QPushButton(icon("export"), self.tr("Export &PDF..."))
        self.xlsx_button = QPushButton(icon("export"), self.tr("Export &XLSX..."))
        self.copy_button = QPushButton(icon("copy"), self.tr("&Copy as text"))
        self.sent_button = QPushButton(self.tr("Mark &sent"))
        self.cancel_button = QPushButton(self.tr("Ca&ncel order"))
        self.fulfil_button = QPushButton(icon("activate"), self.tr("&Fulfil with local authority"))
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
        layout.addLayout(bar)
        self.tree = QTreeWidget()
        self.tree.setHeaderLabels(
            [
                self.tr("Order"),
                self.tr("Date"),
                self.tr("Status"),
                self.tr("Device code"),
                self.tr("New end"),
                self.tr("Amount"),
            ]
        )
        self.tree.header().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        layout.addWidget(self.tree, 1)
        self.pdf_button.clicked.connect(lambda: self._export("pdf"))
        self.xlsx_button.clicked.connect(lambda: self._export("xlsx"))
        self.copy_button.clicked.connect(self.copy_text)
        self.sent_button.clicked.connect(lambda: self.set_status("sent"))
        self.cancel_button.clicked.connect(lambda: self.set_status("cancelled"))
        self.fulfil_button.clicked.connect(self.fulfil)
        self.tree.currentItemChanged.connect(lambda *_: self._update_buttons())
        self._update_buttons()

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
        self.tree.clear()
        for o in self.orders:
            totals = " + ".join(
                fmt.money_text(m.amount, c) for c, m in sorted(renewals.order_totals(o).items())
            )
            item = QTreeWidgetItem(
                [f"#{o.id}", fmt.date_text(o.quote_date), status_text(o.status), "", "", totals]
            )
            item.setData(0, ID_ROLE, o.id)
            for ln in o.lines:
                child = QTreeWidgetItem(
                    [
                        f"{ln.sku} — {ln.product_name}",
                        "",
                        self.tr("fulfilled") if ln.fulfilled else "",
                        ln.device_code or "",
                        fmt.date_text(ln.new_end),
                        _money(ln.amount_minor, ln.currency),
                    ]
                )
                if ln.fulfilled:
                    child.setIcon(2, icon("status-active"))
                item.addChild(child)
            self.tree.addTopLevelItem(item)
            item.setExpanded(True)
            if o.id == keep:
                self.tree.setCurrentItem(item)
        select_first(self.tree)
        self._update_buttons()

    def current(self) -> OrderRow | None:
        item = self.tree.currentItem()
        while item is not None and item.parent() is not None:
            item = item.parent()
        oid = item.data(0, ID_ROLE) if item is not None else None
        return next((o for o in self.orders if o.id == oid), None)

    def _update_buttons(self) -> None:
        o = self.current()
        for b in (self.pdf_button, self.xlsx_button, self.copy_button):
            b.setEnabled(o is not None)
        is_open = o is not None and o.status in ("draft", "sent") and self.app.writable
        self.sent_button.setEnabled(is_open and o is not None and o.status == "draft")
        self.cancel_button.setEnabled(is_open)
        self.fulfil_button.setEnabled(is_open)

    def _export(self, kind: str) -> None:
        o = self.current()
        if o is None:
            return
        suffix = "PDF (*.pdf)" if kind == "pdf" else "Excel (*.xlsx)"
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export order"), f"order-{o.id}.{kind}", suffix
        )
        if path:
            self.export_to(Path(path), kind)

    def export_to(self, path: Path, kind: str) -> bool:
        o = self.current()
        if o is None:
            return False
        try:
            (export_pdf if kind == "pdf" else export_xlsx)(o, path)
        except OSError as exc:
            msgbox.error(
                self,
                self.tr("Export order"),
                message(DomainError("export_failed", path=str(path), reason=exc.strerror or "")),
            )
            return False
        return True

    def copy_text(self) -> None:
        o = self.current()
        if o is not None:
            QGuiApplication.clipboard().setText(renewals.order_text(o))

    def set_status(self, status: str) -> None:
        o = self.current()
        if o is None:
            return
        db, order_id = self.app.db, o.id
        Op(self, lambda _p: renewals.set_order_status(db, order_id, status)).titled(
            self.tr("Order")
        ).run()

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
