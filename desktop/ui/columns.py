"""The license table's columns, each described once (Anki's ``Column``, Electrum's headers).

A column says its header, how a row shows in it, its raw value (dates as dates, days
as numbers: the sort role and the exports use it), the SQL sort key that orders it,
its alignment and default width. The table model, the header widths, sorting and
the "export shown rows" file all read this one description.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from enum import IntEnum

from PySide6.QtCore import QCoreApplication

from desktop.messages import QT_TRANSLATE_NOOP
from desktop.services.licenses import LicenseRow
from desktop.services.ports import SortKey
from desktop.ui import formatting as fmt

CONTEXT = "LicenseTableModel"


class Col(IntEnum):
    """Columns in the order an operator reads them: what, where, and how long it runs."""

    PRODUCT = 0
    DEVICE = 1
    STORE = 2
    STATUS = 3
    END = 4
    DAYS_LEFT = 5
    ACTIVATED = 6
    DEVICE_CODE = 7
    KIND = 8


@dataclass(frozen=True)
class Column:
    col: Col
    title: str  # English source; header() translates it
    text: Callable[[LicenseRow], str]
    value: Callable[[LicenseRow], object]  # raw: date, int, str or None
    sort: SortKey
    width: int  # the least default width; a longer header widens it
    align_right: bool = False
    #: The value as SQL orders the column, when it is not ``value`` (SortRole).
    order_value: Callable[[LicenseRow], object] | None = None

    def header(self) -> str:
        return QCoreApplication.translate(CONTEXT, self.title)


def _status_key(row: LicenseRow) -> tuple[int, dt.date]:
    """The status column's order, as SQL sorts it: by end date, free licenses last."""
    return (1 if row.device_code is None else 0, row.subscription_end or dt.date.max)


COLUMNS: tuple[Column, ...] = (
    Column(
        Col.PRODUCT,
        QT_TRANSLATE_NOOP("LicenseTableModel", "Product"),
        lambda r: r.product_name,
        lambda r: r.product_name,
        SortKey.PRODUCT,
        200,
    ),
    Column(
        Col.DEVICE,
        QT_TRANSLATE_NOOP("LicenseTableModel", "Device"),
        lambda r: r.device_name or "",
        lambda r: r.device_name,
        SortKey.DEVICE,
        125,
    ),
    Column(
        Col.STORE,
        QT_TRANSLATE_NOOP("LicenseTableModel", "Store"),
        lambda r: r.store_name or "",
        lambda r: r.store_name,
        SortKey.STORE,
        150,
    ),
    Column(
        Col.STATUS,
        QT_TRANSLATE_NOOP("LicenseTableModel", "State"),
        fmt.state_text,
        fmt.state_text,
        SortKey.STATUS,
        165,
        order_value=_status_key,
    ),
    Column(
        Col.END,
        QT_TRANSLATE_NOOP("LicenseTableModel", "Update subscription"),
        lambda r: fmt.date_text(r.subscription_end),
        lambda r: r.subscription_end,
        SortKey.END,
        100,
    ),
    Column(
        Col.DAYS_LEFT,
        QT_TRANSLATE_NOOP("LicenseTableModel", "Days left"),
        lambda r: "" if r.days_left is None else str(r.days_left),
        lambda r: r.days_left,
        SortKey.DAYS_LEFT,
        70,
        align_right=True,
    ),
    Column(
        Col.ACTIVATED,
        QT_TRANSLATE_NOOP("LicenseTableModel", "Activated"),
        lambda r: fmt.date_text(r.activated_on),
        lambda r: r.activated_on,
        SortKey.ACTIVATED,
        90,
    ),
    Column(
        Col.DEVICE_CODE,
        QT_TRANSLATE_NOOP("LicenseTableModel", "Device code"),
        lambda r: r.device_code or "",
        lambda r: r.device_code,
        SortKey.DEVICE_CODE,
        250,
    ),
    Column(
        Col.KIND,
        QT_TRANSLATE_NOOP("LicenseTableModel", "License kind"),
        lambda r: fmt.kind_text(r.product_line, r.device_kind),
        lambda r: fmt.kind_text(r.product_line, r.device_kind),
        SortKey.KIND,
        170,
        order_value=lambda r: (r.product_line, r.device_kind or ""),
    ),
)
assert tuple(c.col for c in COLUMNS) == tuple(Col), "COLUMNS must follow Col's order"

#: Which column shows a query's sort key (the header's sort indicator).
COLUMN_OF_SORT = {c.sort: c.col for c in COLUMNS}


def sort_value(column: Column, row: LicenseRow) -> object:
    """The raw value the SortRole carries: what SQL orders the column by."""
    return column.order_value(row) if column.order_value is not None else column.value(row)
