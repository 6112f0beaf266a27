"""The details pane: the selected license and its event history."""

from __future__ import annotations

import json

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QLabel,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.messages import QT_TRANSLATE_NOOP
from desktop.services.licenses import LicenseRow
from desktop.services.ports import EventRecord
from desktop.ui import formatting as fmt

EVENT_NAMES = {
    "activated": QT_TRANSLATE_NOOP("LicenseDetails", "Activated"),
    "renewed": QT_TRANSLATE_NOOP("LicenseDetails", "Subscription renewed"),
    "transferred": QT_TRANSLATE_NOOP("LicenseDetails", "Transferred (unbound)"),
    "purchased": QT_TRANSLATE_NOOP("LicenseDetails", "Purchased"),
    "imported": QT_TRANSLATE_NOOP("LicenseDetails", "Imported"),
    "refused": QT_TRANSLATE_NOOP("LicenseDetails", "Activation refused"),
    "installed": QT_TRANSLATE_NOOP("LicenseDetails", "Version installed"),
    "signed": QT_TRANSLATE_NOOP("LicenseDetails", "Signed"),
}


class LicenseDetails(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        self.box = QGroupBox(self.tr("License"))
        form = QFormLayout(self.box)
        self.fields: dict[str, QLabel] = {}
        for key, label in (
            ("product", self.tr("Product:")),
            ("sku", self.tr("SKU:")),
            ("device", self.tr("Device:")),
            ("code", self.tr("Device code:")),
            ("store", self.tr("Store:")),
            ("activated", self.tr("Activated:")),
            ("end", self.tr("Update subscription until:")),
            ("state", self.tr("State:")),
            ("signature", self.tr("Signature:")),
        ):
            value = QLabel("—")
            value.setWordWrap(True)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            form.addRow(label, value)
            self.fields[key] = value
        layout.addWidget(self.box)
        history_box = QGroupBox(self.tr("History"))
        hl = QVBoxLayout(history_box)
        self.history = QTreeWidget()
        self.history.setHeaderLabels([self.tr("When"), self.tr("Event"), self.tr("Details")])
        self.history.setRootIsDecorated(False)
        self.history.setAlternatingRowColors(True)
        hl.addWidget(self.history)
        layout.addWidget(history_box, 1)
        self.show_license(None, [])

    def show_license(self, row: LicenseRow | None, events: list[EventRecord]) -> None:
        f = self.fields
        if row is None:
            for label in f.values():
                label.setText("—")
            self.box.setTitle(self.tr("License"))
            self.history.clear()
            return
        self.box.setTitle(self.tr("License #%1").replace("%1", str(row.id)))
        f["product"].setText(row.product_name)
        f["sku"].setText(row.product_sku)
        f["device"].setText(row.device_name or self.tr("not bound to a device"))
        f["code"].setText(row.device_code or "—")
        f["store"].setText(row.store_name or "—")
        f["activated"].setText(fmt.date_text(row.activated_on) or "—")
        end = fmt.date_text(row.subscription_end) or "—"
        if row.product_line == "enova365":
            end = self.tr("%1 (warranty)").replace("%1", end)
        f["end"].setText(end)
        f["state"].setText(fmt.status_text(row.status, row.days_left))
        f["signature"].setText(fmt.verdict_text(row))
        self.history.clear()
        for ev in events:
            name = EVENT_NAMES.get(ev.kind)
            text = QCoreApplication.translate("LicenseDetails", name) if name else ev.kind
            details = ", ".join(f"{k}: {v}" for k, v in ev.details.items() if k != "code")
            item = QTreeWidgetItem(
                [
                    ev.occurred_at.strftime("%Y-%m-%d %H:%M"),
                    text,
                    details,
                ]
            )
            item.setToolTip(2, json.dumps(ev.details, ensure_ascii=False))
            self.history.addTopLevelItem(item)
        self.history.resizeColumnToContents(0)
        self.history.resizeColumnToContents(1)
