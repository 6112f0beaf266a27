"""The license table model: a COUNT, and pages fetched lazily into a bounded cache.

PERFORMANCE.md in practice: the model keeps only the row count and at most
``MAX_PAGES`` pages of pre-formatted rows; sorting and filtering are SQL (``sort``
and ``set_query`` rebuild the query, never touch rows in Python); ``data()``
compares roles with plain ints and returns early. A page that fails to load
becomes a placeholder row instead of an exception inside ``data()`` (Anki's habit).
"""

from __future__ import annotations

import datetime as dt
import logging
from collections import OrderedDict
from dataclasses import replace
from enum import IntEnum
from functools import cache
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QFont

from desktop.context import AppContext
from desktop.domain.status import LicenseStatus
from desktop.services.licenses import LicenseRow, to_row
from desktop.services.ports import LicenseQuery, SortKey
from desktop.ui import formatting as fmt
from desktop.ui.icons import icon

log = logging.getLogger(__name__)

PAGE_SIZE = 200
MAX_PAGES = 24


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


SORT_BY_COLUMN = {
    Col.PRODUCT: SortKey.PRODUCT,
    Col.KIND: SortKey.KIND,
    Col.DEVICE_CODE: SortKey.DEVICE_CODE,
    Col.DEVICE: SortKey.DEVICE,
    Col.STORE: SortKey.STORE,
    Col.STATUS: SortKey.STATUS,
    Col.ACTIVATED: SortKey.ACTIVATED,
    Col.END: SortKey.END,
    Col.DAYS_LEFT: SortKey.DAYS_LEFT,
}

#: Role carrying the raw value (date, int) so that exports and tests need no parsing.
SortRole = int(Qt.ItemDataRole.UserRole) + 1
#: Role carrying the license id of the row.
IdRole = int(Qt.ItemDataRole.UserRole) + 2
#: Role carrying the LicenseStatus of the row.
StatusRole = int(Qt.ItemDataRole.UserRole) + 3

_DISPLAY = int(Qt.ItemDataRole.DisplayRole)
_DECORATION = int(Qt.ItemDataRole.DecorationRole)
_BACKGROUND = int(Qt.ItemDataRole.BackgroundRole)
_FOREGROUND = int(Qt.ItemDataRole.ForegroundRole)
_TOOLTIP = int(Qt.ItemDataRole.ToolTipRole)
_FONT = int(Qt.ItemDataRole.FontRole)
_ALIGN = int(Qt.ItemDataRole.TextAlignmentRole)
_ACCESSIBLE = int(Qt.ItemDataRole.AccessibleTextRole)
_SORT = SortRole
_ID = IdRole
_STATUS = StatusRole
_COL_STATUS = int(Col.STATUS)
_COL_DAYS = int(Col.DAYS_LEFT)
_COL_END = int(Col.END)
_ROW_FLAGS = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
_NO_FLAGS = Qt.ItemFlag.NoItemFlags
_ALIGN_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)

STATUS_ICON = {
    LicenseStatus.ACTIVE: "status-active",
    LicenseStatus.EXPIRING: "status-expiring",
    LicenseStatus.EXPIRED: "status-expired",
    LicenseStatus.FREE: "status-free",
    LicenseStatus.INVALID: "status-invalid",
}
STATUS_BACKGROUND = {
    LicenseStatus.EXPIRING: QColor("#fff4d6"),
    LicenseStatus.EXPIRED: QColor("#fde4e2"),
    LicenseStatus.INVALID: QColor("#efe2f5"),
}
STATUS_FOREGROUND = {
    LicenseStatus.EXPIRING: QColor("#6b4500"),
    LicenseStatus.EXPIRED: QColor("#8c1d18"),
    LicenseStatus.FREE: QColor("#5f6b76"),
    LicenseStatus.INVALID: QColor("#5a2374"),
}


def _status_key(row: LicenseRow) -> tuple[int, dt.date]:
    """The status column's order, as SQL sorts it: by end date, free licenses last."""
    return (1 if row.device_code is None else 0, row.subscription_end or dt.date.max)


@cache
def _italic() -> QFont:
    """Made on first use: a QFont needs the QGuiApplication to exist."""
    font = QFont()
    font.setItalic(True)
    return font


_BACKGROUND_BRUSH = {k: QBrush(v) for k, v in STATUS_BACKGROUND.items()}
_FOREGROUND_BRUSH = {k: QBrush(v) for k, v in STATUS_FOREGROUND.items()}


class _Row:
    """One row; its texts are formatted on first display (a page fetch stays cheap)."""

    __slots__ = ("row", "_texts", "background", "foreground", "icon", "font")

    def __init__(self, row: LicenseRow) -> None:
        self.row = row
        self._texts: tuple[str, ...] | None = None
        status = row.status
        self.background = _BACKGROUND_BRUSH.get(status)
        self.foreground = _FOREGROUND_BRUSH.get(status)
        self.icon = icon(STATUS_ICON[status])
        self.font = _italic() if status is LicenseStatus.FREE else None

    @property
    def texts(self) -> tuple[str, ...]:
        if self._texts is None:
            row = self.row
            texts = {
                Col.PRODUCT: row.product_name,
                Col.DEVICE: row.device_name or "",
                Col.STORE: row.store_name or "",
                Col.STATUS: fmt.status_text(row.status, row.days_left),
                Col.END: fmt.date_text(row.subscription_end),
                Col.DAYS_LEFT: "" if row.days_left is None else str(row.days_left),
                Col.ACTIVATED: fmt.date_text(row.activated_on),
                Col.DEVICE_CODE: row.device_code or "",
                Col.KIND: fmt.kind_text(row.product_line, row.device_kind),
            }
            self._texts = tuple(texts[c] for c in Col)
        return self._texts

    @property
    def sort(self) -> tuple[object, ...]:
        """Raw values per column (dates as dates) for SortRole."""
        row = self.row
        values = {
            Col.PRODUCT: row.product_name,
            Col.DEVICE: row.device_name,
            Col.STORE: row.store_name,
            Col.STATUS: _status_key(row),
            Col.END: row.subscription_end,
            Col.DAYS_LEFT: row.days_left,
            Col.ACTIVATED: row.activated_on,
            Col.DEVICE_CODE: row.device_code,
            Col.KIND: row.product_line,
        }
        return tuple(values[c] for c in Col)


class LicenseTableModel(QAbstractTableModel):
    #: Emitted after the row count or the query changed (filters, sort, refresh).
    reloaded = Signal()

    def __init__(self, ctx: AppContext, query: LicenseQuery, parent: Any = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._query = query
        self._count = 0
        self._pages: OrderedDict[int, list[_Row] | None] = OrderedDict()
        self._generation = 0  # bumped when the query changes: stale prefetches are dropped
        self._prefetch_pending = False
        self._prefetching = False
        self._headers = self._make_headers()
        self._recount()

    # ------------------------------------------------------------ query
    @property
    def query(self) -> LicenseQuery:
        return self._query

    def set_query(self, query: LicenseQuery) -> None:
        self.beginResetModel()
        try:
            self._query = query
            self._pages.clear()
            self._generation += 1
            self._recount()
        finally:
            self.endResetModel()
        self.reloaded.emit()

    def refresh(self) -> None:
        self.set_query(replace(self._query, today=self._ctx.clock.today()))

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        key = SORT_BY_COLUMN.get(Col(column)) if 0 <= column < len(Col) else None
        if key is None:
            return
        descending = order == Qt.SortOrder.DescendingOrder
        if key == self._query.sort and descending == self._query.descending:
            return
        self.layoutAboutToBeChanged.emit()
        try:
            self._query = replace(self._query, sort=key, descending=descending)
            self._pages.clear()
            self._generation += 1
        finally:
            self.layoutChanged.emit()
        self.reloaded.emit()

    def _recount(self) -> None:
        try:
            with self._ctx.read() as view:
                self._count = view.licenses.count(self._query)
        except Exception:  # noqa: BLE001 - a dead store must not crash the view
            log.exception("counting licenses failed")
            self._count = 0

    # ------------------------------------------------------------ pages
    def _page(self, number: int) -> list[_Row] | None:
        pages = self._pages
        if number in pages:
            pages.move_to_end(number)
            return pages[number]
        rows: list[_Row] | None
        try:
            with self._ctx.read() as view:
                records = view.licenses.page(
                    self._query, number * PAGE_SIZE, PAGE_SIZE, self._count
                )
            q = self._query
            verifier = self._ctx.verifier
            rows = [_Row(to_row(r, q.today, q.threshold_days, verifier)) for r in records]
        except Exception:  # noqa: BLE001
            log.exception("fetching page %d failed", number)
            rows = None
        pages[number] = rows
        if len(pages) > MAX_PAGES:
            pages.popitem(last=False)
        if not self._prefetching:
            self._schedule_prefetch(number)
        return rows

    def _schedule_prefetch(self, number: int) -> None:
        """Fetch the neighbouring pages when the event loop is idle, so that scrolling
        across a page boundary finds its rows ready (a scroll step stays under a frame)."""
        if self._prefetch_pending:
            return
        wanted = [
            n
            for n in (number + 1, number - 1)
            if 0 <= n * PAGE_SIZE < self._count and n not in self._pages
        ]
        if wanted:
            self._prefetch_pending = True
            QTimer.singleShot(0, lambda: self._prefetch(wanted, self._generation))

    def _prefetch(self, numbers: list[int], generation: int) -> None:
        self._prefetch_pending = False
        if generation != self._generation:
            return  # the query changed meanwhile
        for n in numbers:
            if n not in self._pages and len(self._pages) < MAX_PAGES:
                self._prefetching = True
                try:
                    self._page(n)
                finally:
                    self._prefetching = False

    def _row(self, index: int) -> _Row | None:
        page = self._page(index // PAGE_SIZE)
        if page is None:
            return None
        offset = index % PAGE_SIZE
        return page[offset] if offset < len(page) else None

    def row_data(self, row: int) -> LicenseRow | None:
        r = self._row(row) if 0 <= row < self._count else None
        return r.row if r else None

    def cached_pages(self) -> int:
        return len(self._pages)

    # ------------------------------------------------------------ Qt API
    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._count

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(Col)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = _DISPLAY) -> Any:
        if not index.isValid():
            return None
        col = index.column()
        if role == _DISPLAY:
            r = self._row(index.row())
            if r is None:
                return self.tr("(not available)") if col == 0 else ""
            return r.texts[col]
        if role == _BACKGROUND:
            r = self._row(index.row())
            return r.background if r else None
        if role == _FOREGROUND:
            r = self._row(index.row())
            return r.foreground if r else None
        if role == _DECORATION:
            if col != _COL_STATUS:
                return None
            r = self._row(index.row())
            return r.icon if r else None
        if role == _ALIGN:
            return _ALIGN_RIGHT if col == _COL_DAYS else None
        if role == _FONT:
            r = self._row(index.row())
            return r.font if r else None
        if role in (_TOOLTIP, _ACCESSIBLE):
            r = self._row(index.row())
            if r is None:
                return None
            if col == _COL_END and r.row.product_line == "enova365":
                return self.tr("Warranty until %1").replace("%1", r.texts[col])
            return r.texts[col] if role == _ACCESSIBLE else (r.texts[_COL_STATUS])
        if role == _SORT:
            r = self._row(index.row())
            return r.sort[col] if r else None
        if role == _ID:
            r = self._row(index.row())
            return r.row.id if r else None
        if role == _STATUS:
            r = self._row(index.row())
            return r.row.status if r else None
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = _DISPLAY) -> Any:
        horizontal = orientation == Qt.Orientation.Horizontal
        if horizontal and role == _DISPLAY and 0 <= section < len(self._headers):
            return self._headers[section]
        return None

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        return _ROW_FLAGS if index.isValid() else _NO_FLAGS

    def _make_headers(self) -> list[str]:
        names = {
            Col.PRODUCT: self.tr("Product"),
            Col.DEVICE: self.tr("Device"),
            Col.STORE: self.tr("Store"),
            Col.STATUS: self.tr("State"),
            Col.END: self.tr("Update subscription"),
            Col.DAYS_LEFT: self.tr("Days left"),
            Col.ACTIVATED: self.tr("Activated"),
            Col.DEVICE_CODE: self.tr("Device code"),
            Col.KIND: self.tr("License kind"),
        }
        return [names[c] for c in Col]

    def headers(self) -> list[str]:
        return list(self._headers)

    def retranslate(self) -> None:
        self._headers = self._make_headers()
        self._pages.clear()
        self._generation += 1
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(Col) - 1)
        if self._count:
            self.dataChanged.emit(self.index(0, 0), self.index(self._count - 1, len(Col) - 1))
