"""An order as a manager reads it: a printable PDF page and an XLSX sheet.

Both start with a header block (who the order is for, its number, date and status),
list the lines with the product's name and the device's name and code, and end with
totals per currency under the amounts. Money stays a number in the workbook (with a
currency format), dates stay dates.
"""

from __future__ import annotations

import html
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QMarginsF
from PySide6.QtGui import QPageLayout, QPageSize, QPdfWriter, QTextDocument

from desktop import APP_NAME
from desktop.domain.money import Money
from desktop.services import renewals
from desktop.services.licenses import LicenseRow
from desktop.services.ports import OrderLineRow, OrderRow
from desktop.ui import formatting as fmt
from desktop.ui.export import XlsxSheet

CONTEXT = "OrdersView"


def status_text(status: str) -> str:
    return {
        "draft": QCoreApplication.translate("OrdersView", "Draft"),
        "sent": QCoreApplication.translate("OrdersView", "Sent"),
        "fulfilled": QCoreApplication.translate("OrdersView", "Fulfilled"),
        "cancelled": QCoreApplication.translate("OrdersView", "Cancelled"),
    }.get(status, status)


def stores_of(order: OrderRow, rows: dict[int, LicenseRow]) -> list[str]:
    """The stores the order's devices work in, in the order of its lines."""
    out: list[str] = []
    for ln in order.lines:
        row = rows.get(ln.license_id)
        if row is not None and row.store_name and row.store_name not in out:
            out.append(row.store_name)
    return out


def device_name(line: OrderLineRow, rows: dict[int, LicenseRow]) -> str:
    row = rows.get(line.license_id)
    return row.device_name or "" if row is not None else ""


def _money(minor: int, currency: str) -> str:
    return fmt.money_text(Money.from_minor(minor, currency).amount, currency)


def header_facts(
    order: OrderRow, rows: dict[int, LicenseRow], *, number: bool = True
) -> list[tuple[str, str]]:
    """The header block: (label, value) pairs, the same in the PDF (whose title holds
    the number) and the workbook."""
    stores = stores_of(order, rows)
    facts = [
        (QCoreApplication.translate("OrdersView", "Order"), f"#{order.id}"),
        (QCoreApplication.translate("OrdersView", "Date"), fmt.date_text(order.quote_date)),
        (QCoreApplication.translate("OrdersView", "Status"), status_text(order.status)),
    ]
    if stores:
        label = (
            QCoreApplication.translate("OrdersView", "Store")
            if len(stores) == 1
            else QCoreApplication.translate("OrdersView", "Stores")
        )
        facts.insert(0, (label, "; ".join(stores)))
    facts.append((QCoreApplication.translate("OrdersView", "Lines"), str(len(order.lines))))
    return facts if number else [f for f in facts if f[1] != f"#{order.id}"]


def order_html(order: OrderRow, rows: dict[int, LicenseRow] | None = None) -> str:
    """A clean printable page: header block, lines, totals under the amounts."""
    rows = rows or {}
    esc = html.escape
    title = esc(
        QCoreApplication.translate("OrdersView", "Renewal order #%1").replace("%1", str(order.id))
    )
    facts = "".join(
        f"<tr><td style='color:#5f6b76; padding-right:12px'>{esc(label)}</td>"
        f"<td><b>{esc(value)}</b></td></tr>"
        for label, value in header_facts(order, rows, number=False)
    )
    # Fixed column shares: a device code (31 characters, monospace) always fits its
    # column on A4, so it never breaks; products wrap between words.
    heads = [
        ("#", "right", 4),
        (QCoreApplication.translate("OrdersView", "Product"), "left", 31),
        (QCoreApplication.translate("OrdersView", "Device"), "left", 36),
        (QCoreApplication.translate("OrdersView", "New end"), "left", 15),
        (QCoreApplication.translate("OrdersView", "Amount"), "right", 14),
    ]
    line = "border-bottom: 1px solid #c9d3dd;"
    head = "".join(
        f"<th align='{align}' width='{share}%' style='{line}'>{esc(text)}</th>"
        for text, align, share in heads
    )
    body = []
    for n, ln in enumerate(order.lines, start=1):
        name = device_name(ln, rows)
        device = (f"{esc(name)}<br/>" if name else "") + (
            "<span style='font-family:monospace; font-size:9pt; white-space:pre'>"
            f"{esc(ln.device_code or '—')}</span>"
        )
        body.append(
            f"<tr><td align='right' style='{line}'>{n}</td>"
            f"<td style='{line}'>{esc(ln.product_name)}<br/>"
            f"<span style='color:#5f6b76; font-size:8pt'>{esc(ln.sku)}</span></td>"
            f"<td style='{line}'>{device}</td>"
            f"<td style='white-space:pre; {line}'>{esc(fmt.date_text(ln.new_end))}</td>"
            f"<td align='right' style='white-space:pre; {line}'>"
            f"{esc(_money(ln.amount_minor, ln.currency))}</td></tr>"
        )
    totals = sorted(renewals.order_totals(order).items())
    for i, (cur, m) in enumerate(totals):
        label = esc(QCoreApplication.translate("OrdersView", "Total")) if i == 0 else ""
        body.append(
            f"<tr><td colspan='4' align='right'><b>{label}</b></td>"
            f"<td align='right' style='white-space:pre'>"
            f"<b>{esc(fmt.money_text(m.amount, cur))}</b></td></tr>"
        )
    made = esc(
        QCoreApplication.translate("OrdersView", "Prepared with %1 on %2")
        .replace("%1", APP_NAME)
        .replace("%2", fmt.date_text(order.created_at.date()))
    )
    return (
        "<html><body style='font-family:sans-serif; font-size:10pt'>"
        f"<h2 style='margin-bottom:4px'>{title}</h2>"
        f"<table cellspacing='0' cellpadding='2'>{facts}</table><p></p>"
        "<table width='100%' cellspacing='0' cellpadding='4' border='0' "
        "style='border-collapse:collapse'>"
        f"<thead><tr style='background:#e8eef5'>{head}</tr></thead>{''.join(body)}</table>"
        f"<p style='color:#5f6b76; font-size:8pt'>{made}</p>"
        "</body></html>"
    )


def export_pdf(order: OrderRow, path: Path, rows: dict[int, LicenseRow] | None = None) -> None:
    tmp = path.with_name(path.name + ".part")
    writer = QPdfWriter(str(tmp))
    # QTextDocument lays out in screen units; at 96 dpi one unit is one PDF pixel, so the
    # text keeps its point size (it stays vector text in the PDF).
    writer.setResolution(96)
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    writer.setPageMargins(QMarginsF(15, 15, 15, 15), QPageLayout.Unit.Millimeter)
    writer.setTitle(
        QCoreApplication.translate("OrdersView", "Renewal order #%1").replace("%1", str(order.id))
    )
    writer.setCreator(APP_NAME)
    doc = QTextDocument()
    doc.setHtml(order_html(order, rows))
    doc.setPageSize(writer.pageLayout().paintRectPixels(writer.resolution()).size().toSizeF())
    doc.print_(writer)
    del writer  # the file is complete only when the writer is gone
    tmp.replace(path)


def export_xlsx(order: OrderRow, path: Path, rows: dict[int, LicenseRow] | None = None) -> None:
    rows = rows or {}
    headers = [
        QCoreApplication.translate("OrdersView", "Product"),
        QCoreApplication.translate("OrdersView", "SKU"),
        QCoreApplication.translate("OrdersView", "Device"),
        QCoreApplication.translate("OrdersView", "Device code"),
        QCoreApplication.translate("OrdersView", "Current end"),
        QCoreApplication.translate("OrdersView", "New end"),
        QCoreApplication.translate("OrdersView", "Amount"),
        QCoreApplication.translate("OrdersView", "Currency"),
    ]
    facts = header_facts(order, rows)
    # in the workbook the date is a date cell and the count a number
    raw: dict[str, object] = {
        QCoreApplication.translate("OrdersView", "Date"): order.quote_date,
        QCoreApplication.translate("OrdersView", "Lines"): len(order.lines),
    }
    lines: list[list[object]] = [
        [
            ln.product_name,
            ln.sku,
            device_name(ln, rows),
            ln.device_code or "",
            ln.current_end,
            ln.new_end,
            Money.from_minor(ln.amount_minor, ln.currency).amount,
            ln.currency,
        ]
        for ln in order.lines
    ]
    sheet = XlsxSheet(
        path,
        QCoreApplication.translate("OrdersView", "Order %1").replace("%1", str(order.id)),
        headers,
        sample=lines,
        preamble=[(label, raw.get(label, value)) for label, value in facts],
    )
    with sheet:
        for values in lines:
            sheet.row(values, currency=str(values[7]))
        sheet.blank()
        for cur, m in sorted(renewals.order_totals(order).items()):
            sheet.total(
                QCoreApplication.translate("OrdersView", "Total"), m.amount, cur, amount_column=7
            )
