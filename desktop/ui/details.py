"""The details pane: the selected license and its event history, in words."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from PySide6.QtCore import QCoreApplication, QLocale, Qt, QTime
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QGroupBox,
    QHeaderView,
    QLabel,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from desktop.messages import QT_TRANSLATE_NOOP
from desktop.services.licenses import LicenseRow
from desktop.services.ports import EventRecord
from desktop.ui import formatting as fmt
from desktop.ui.rows_model import RowsModel, RowView
from desktop.ui.widgets import EmptyHint, WrappingDelegate

CONTEXT = "LicenseDetails"

EVENT_NAMES = {
    "activated": QT_TRANSLATE_NOOP("LicenseDetails", "Activated"),
    "renewed": QT_TRANSLATE_NOOP("LicenseDetails", "Subscription renewed"),
    "transferred": QT_TRANSLATE_NOOP("LicenseDetails", "Transferred (unbound)"),
    "purchased": QT_TRANSLATE_NOOP("LicenseDetails", "Purchased"),
    "imported": QT_TRANSLATE_NOOP("LicenseDetails", "Imported"),
    "refused": QT_TRANSLATE_NOOP("LicenseDetails", "Activation refused"),
    "installed": QT_TRANSLATE_NOOP("LicenseDetails", "Version installed"),
    "signed": QT_TRANSLATE_NOOP("LicenseDetails", "Signed"),
    "demo": QT_TRANSLATE_NOOP("LicenseDetails", "Demo mode"),
}


def _date(value: Any) -> str:
    """An ISO date from an event's details, in the locale's one date format."""
    if isinstance(value, dt.date):
        return fmt.date_text(value)
    try:
        return fmt.date_text(dt.date.fromisoformat(str(value)[:10]))
    except ValueError:
        return str(value)


def when_text(moment: dt.datetime) -> str:
    """Date and time of an event: the locale's date format, then hours and minutes."""
    time = QLocale().toString(QTime(moment.hour, moment.minute), QLocale.FormatType.ShortFormat)
    return f"{fmt.date_text(moment.date())} {time}"


def event_words(ev: EventRecord, row: LicenseRow | None) -> str:
    """What happened, as a sentence in the UI language ("bound to device ТСД Ленина-04")."""
    d = ev.details

    def device(code: Any) -> str:
        if row is not None and row.device_code and code == row.device_code and row.device_name:
            return f"{row.device_name} ({code})"
        return str(code)

    parts: list[str] = []
    if ev.kind in ("activated", "renewed"):
        if d.get("device_code"):
            if d.get("transferred"):
                bound = QCoreApplication.translate(
                    "LicenseDetails", "Bound to device %1 (moved from another device)"
                )
            else:
                bound = QCoreApplication.translate("LicenseDetails", "Bound to device %1")
            if ev.kind == "activated" or d.get("transferred"):
                parts.append(bound.replace("%1", device(d["device_code"])))
        end = d.get("new_end") or d.get("subscription_end")
        if end:
            warranty = row is not None and row.product_line == "enova365"
            if d.get("old_end"):
                until = (
                    QCoreApplication.translate("LicenseDetails", "warranty until %1 (was until %2)")
                    if warranty
                    else QCoreApplication.translate(
                        "LicenseDetails", "subscription until %1 (was until %2)"
                    )
                )
                until = until.replace("%2", _date(d["old_end"]))
            else:
                until = (
                    QCoreApplication.translate("LicenseDetails", "warranty until %1")
                    if warranty
                    else QCoreApplication.translate("LicenseDetails", "subscription until %1")
                )
            parts.append(until.replace("%1", _date(end)))
        forfeited = d.get("days_forfeited")
        if isinstance(forfeited, int) and forfeited > 0:
            parts.append(fmt.counted().paid_days_forfeited(forfeited))
    elif ev.kind == "transferred" and d.get("from_device"):
        parts.append(
            QCoreApplication.translate("LicenseDetails", "Unbound from device %1").replace(
                "%1", device(d["from_device"])
            )
        )
    elif ev.kind == "demo" and d.get("version"):
        text = QCoreApplication.translate(
            "LicenseDetails",
            "Version %1 was installed; it was released after the subscription ended",
        )
        parts.append(text.replace("%1", str(d["version"])))
    elif ev.kind == "installed" and d.get("version"):
        parts.append(
            QCoreApplication.translate("LicenseDetails", "Version %1 installed").replace(
                "%1", str(d["version"])
            )
        )
    if parts:
        text = "; ".join(parts)
        return text[:1].upper() + text[1:]
    # Anything else (an imported history with its own keys): the facts as they are.
    return ", ".join(f"{k}: {v}" for k, v in d.items() if k != "code" and v not in (None, ""))


class LicenseDetails(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        self.box = QGroupBox(self.tr("License"))
        # wrapped values (a long product name) need the box's height for its width
        policy = self.box.sizePolicy()
        policy.setHeightForWidth(True)
        self.box.setSizePolicy(policy)
        layout.addWidget(self.box)
        form = QFormLayout(self.box)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.fields: dict[str, QLabel] = {}
        self.labels: dict[str, QLabel] = {}
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
            value = QLabel("—", self.box)
            value.setWordWrap(True)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            name = QLabel(label, self.box)
            form.addRow(name, value)
            self.fields[key] = value
            self.labels[key] = name
        history_box = QGroupBox(self.tr("History"))
        layout.addWidget(history_box, 1)
        hl = QVBoxLayout(history_box)
        self.history_model = RowsModel(
            [self.tr("When"), self.tr("Event")], self._event_view, parent=self
        )
        self.history = QTreeView(history_box)
        self.history.setObjectName("historyView")
        self.history.setModel(self.history_model)
        self.history.setRootIsDecorated(False)
        self.history.setAlternatingRowColors(True)
        # an event is its name over what happened, wrapped to the pane's width
        self.history.setWordWrap(True)
        self.history.setUniformRowHeights(False)
        self.history.setItemDelegate(WrappingDelegate(self.history))
        self.history.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.history.header().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.history.header().setStretchLastSection(True)
        hl.addWidget(self.history)
        self.history_hint = EmptyHint(self.history, self._history_hint)
        self._row: LicenseRow | None = None
        self.show_license(None, [])

    def _event_view(self, ev: EventRecord) -> RowView:
        name = EVENT_NAMES.get(ev.kind)
        words = event_words(ev, self._row)
        title = QCoreApplication.translate(CONTEXT, name) if name else ev.kind
        return RowView(
            (when_text(ev.occurred_at), f"{title}\n{words}" if words else title),
            tooltips={1: words + "\n" + json.dumps(ev.details, ensure_ascii=False)},
        )

    def _history_hint(self) -> str:
        if self._row is None:
            return self.tr("Select a license to see its history.")
        return self.tr("No events recorded for this license.")

    def show_license(self, row: LicenseRow | None, events: list[EventRecord]) -> None:
        f = self.fields
        self._row = row
        enova = row is not None and row.product_line == "enova365"
        self.labels["end"].setText(
            self.tr("Warranty until:") if enova else self.tr("Update subscription until:")
        )
        if row is None:
            for label in f.values():
                label.setText("—")
            self.box.setTitle(self.tr("License"))
            self.box.setToolTip("")
            self.history_model.set_records([])
            self.history_hint.refresh()
            return
        self.box.setTitle(row.product_name)
        self.box.setToolTip(self.tr("License number %1").replace("%1", str(row.id)))
        f["product"].setText(row.product_name)
        f["sku"].setText(row.product_sku)
        f["device"].setText(row.device_name or self.tr("not bound to a device"))
        f["code"].setText(row.device_code or "—")
        f["store"].setText(row.store_name or "—")
        f["activated"].setText(fmt.date_text(row.activated_on) or "—")
        f["end"].setText(fmt.date_text(row.subscription_end) or "—")
        f["state"].setText(fmt.status_text(row.status, row.days_left))
        f["signature"].setText(fmt.verdict_text(row))
        self.history_model.set_records(list(events))
        self.history_hint.refresh()
