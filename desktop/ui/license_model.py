"""The license table model: a COUNT, and pages fetched lazily into a bounded cache.

PERFORMANCE.md in practice: the model keeps only the row count and at most
``MAX_PAGES`` pages of pre-formatted rows; sorting and filtering are SQL (``sort``
and ``set_query`` rebuild the query, never touch rows in Python); ``data()``
compares roles with plain ints and returns early. A page that fails to load
becomes a disabled placeholder row instead of an exception inside ``data()``.

Reads go through the services (``licenses.count`` / ``licenses.page``). On a local
SQLite file they are synchronous (a page costs about a millisecond). On a central
server every read runs on a worker (desktop.ui.ops): the count arrives and resets
the model, a page that is not here yet shows "Loading..." rows and is fetched in the
background, and a stale answer (the query changed meanwhile) is dropped.
"""

from __future__ import annotations

import logging
from collections import OrderedDict
from concurrent.futures import Future
from dataclasses import replace
from functools import cache
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QFont, QIcon

from desktop.context import AppContext
from desktop.domain.status import LicenseStatus
from desktop.services import licenses
from desktop.services.licenses import LicenseRow
from desktop.services.ports import LicenseQuery
from desktop.ui.columns import COLUMNS, Col, sort_value
from desktop.ui.icons import icon
from desktop.ui.ops import manager

log = logging.getLogger(__name__)

PAGE_SIZE = 200
MAX_PAGES = 24

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
_COL_END = int(Col.END)
_NAMED = frozenset(int(c) for c in (Col.PRODUCT, Col.DEVICE, Col.STORE, Col.DEVICE_CODE))
_ROW_FLAGS = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
_NO_FLAGS = Qt.ItemFlag.NoItemFlags
_ALIGN_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
_ALIGNMENT = tuple(_ALIGN_RIGHT if c.align_right else None for c in COLUMNS)

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
        self.icon: QIcon = icon(STATUS_ICON[status])
        self.font = _italic() if status is LicenseStatus.FREE else None

    @property
    def texts(self) -> tuple[str, ...]:
        if self._texts is None:
            row = self.row
            self._texts = tuple(c.text(row) for c in COLUMNS)
        return self._texts


#: A page on its way from a worker (asynchronous reads only).
_LOADING: list[_Row] = []


class LicenseTableModel(QAbstractTableModel):
    #: Emitted after the row count or the query changed (filters, sort, refresh).
    reloaded = Signal()
    #: Emitted when an asynchronous read failed (the window says why and offers a retry).
    read_failed = Signal(object)

    def __init__(self, ctx: AppContext, query: LicenseQuery, parent: Any = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._sync = ctx.db.sync_reads
        self._query = query
        self._count = 0
        self._pages: OrderedDict[int, list[_Row] | None] = OrderedDict()
        self._generation = 0  # bumped when the query changes: stale answers are dropped
        self._prefetch_pending = False
        self._prefetching = False
        self._counting = False
        self._headers = [c.header() for c in COLUMNS]
        self._recount()

    # ------------------------------------------------------------ query
    @property
    def query(self) -> LicenseQuery:
        return self._query

    @property
    def loading(self) -> bool:
        """A count is on its way (asynchronous reads)."""
        return self._counting

    def set_query(self, query: LicenseQuery) -> None:
        self.beginResetModel()
        try:
            self._query = query
            self._pages.clear()
            self._generation += 1
            self._recount()
        finally:
            self.endResetModel()
        if self._sync:
            self.reloaded.emit()

    def refresh(self) -> None:
        self.set_query(replace(self._query, today=self._ctx.clock.today()))

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(COLUMNS):
            return
        key = COLUMNS[column].sort
        descending = order == Qt.SortOrder.DescendingOrder
        if key == self._query.sort and descending == self._query.descending:
            return
        # A reset, not a layout change: rows are not moved one by one, so the window
        # puts the selection back on the same license by id (reloaded).
        self.beginResetModel()
        try:
            self._query = replace(self._query, sort=key, descending=descending)
            self._pages.clear()
            self._generation += 1
        finally:
            self.endResetModel()
        self.reloaded.emit()

    def _recount(self) -> None:
        if not self._sync:
            self._count = 0
            self._count_in_background()
            return
        try:
            self._count = licenses.count(self._ctx.db, self._query)
        except Exception:  # a dead store must not crash the view
            log.exception("counting licenses failed")
            self._count = 0

    def _count_in_background(self) -> None:
        generation, query, db = self._generation, self._query, self._ctx.db
        self._counting = True

        def done(future: Future[int]) -> None:
            if generation != self._generation:
                return
            self._counting = False
            exc = future.exception()
            if exc is not None:
                log.error("counting licenses failed", exc_info=exc)
                self.read_failed.emit(exc)
                self.reloaded.emit()
                return
            self.beginResetModel()
            self._count = future.result()
            self._pages.clear()
            self.endResetModel()
            self.reloaded.emit()

        manager().run_in_background(lambda: licenses.count(db, query), done)

    # ------------------------------------------------------------ pages
    def _fetch(self, number: int) -> list[_Row]:
        rows = licenses.page(
            self._ctx.db,
            self._query,
            number * PAGE_SIZE,
            PAGE_SIZE,
            total=self._count,
            verifier=self._ctx.verifier,
        )
        return [_Row(r) for r in rows]

    def _page(self, number: int) -> list[_Row] | None:
        pages = self._pages
        if number in pages:
            pages.move_to_end(number)
            return pages[number]
        if not self._sync:
            self._load_in_background(number)
            return _LOADING
        rows: list[_Row] | None
        try:
            rows = self._fetch(number)
        except Exception:
            log.exception("fetching page %d failed", number)
            rows = None
        self._store(number, rows)
        if not self._prefetching:
            self._schedule_prefetch(number)
        return rows

    def _store(self, number: int, rows: list[_Row] | None) -> None:
        pages = self._pages
        pages[number] = rows
        if len(pages) > MAX_PAGES:
            pages.popitem(last=False)

    def _load_in_background(self, number: int) -> None:
        self._pages[number] = _LOADING
        generation = self._generation
        fetch = self._fetch

        def done(future: Future[list[_Row]]) -> None:
            if generation != self._generation:
                return
            exc = future.exception()
            rows = None if exc is not None else future.result()
            if exc is not None:
                log.error("fetching page %d failed", number, exc_info=exc)
            self._store(number, rows)
            first = number * PAGE_SIZE
            last = min(self._count, first + PAGE_SIZE) - 1
            if last >= first:
                self.dataChanged.emit(self.index(first, 0), self.index(last, len(COLUMNS) - 1))

        manager().run_in_background(lambda: fetch(number), done)

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
            generation = self._generation
            QTimer.singleShot(0, lambda: self._prefetch(wanted, generation))

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
        if not page:
            return None
        offset = index % PAGE_SIZE
        return page[offset] if offset < len(page) else None

    def row_data(self, row: int) -> LicenseRow | None:
        r = self._row(row) if 0 <= row < self._count else None
        return r.row if r else None

    def cached_pages(self) -> int:
        return len(self._pages)

    def row_of(self, license_id: int) -> int | None:
        """The row of a license among the pages in the cache (no query)."""
        for number, page in self._pages.items():
            for i, r in enumerate(page or ()):
                if r.row.id == license_id:
                    return number * PAGE_SIZE + i
        return None

    # ------------------------------------------------------------ Qt API
    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._count

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = _DISPLAY) -> Any:
        if not index.isValid():
            return None
        col = index.column()
        if role == _DISPLAY:
            r = self._row(index.row())
            if r is None:
                if col != 0:
                    return ""
                if self._pages.get(index.row() // PAGE_SIZE) is _LOADING:
                    return QCoreApplication.translate("LicenseTableModel", "Loading...")
                return QCoreApplication.translate("LicenseTableModel", "(not available)")
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
            return _ALIGNMENT[col]
        if role == _FONT:
            r = self._row(index.row())
            return r.font if r else None
        if role in (_TOOLTIP, _ACCESSIBLE):
            r = self._row(index.row())
            if r is None:
                return None
            if col == _COL_END and r.row.product_line == "enova365":
                return QCoreApplication.translate("LicenseTableModel", "Warranty until %1").replace(
                    "%1", r.texts[col]
                )
            if role == _ACCESSIBLE or col in _NAMED:
                return r.texts[col]  # a long product or store name elides: here in full
            return r.texts[_COL_STATUS]
        if role == _SORT:
            r = self._row(index.row())
            return sort_value(COLUMNS[col], r.row) if r else None
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
        if not index.isValid():
            return _NO_FLAGS
        # A row that could not be read is a disabled placeholder, never selectable.
        return _ROW_FLAGS if self._row(index.row()) is not None else _NO_FLAGS

    def headers(self) -> list[str]:
        return list(self._headers)

    def retranslate(self) -> None:
        self._headers = [c.header() for c in COLUMNS]
        self._pages.clear()
        self._generation += 1
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(COLUMNS) - 1)
        if self._count:
            self.dataChanged.emit(self.index(0, 0), self.index(self._count - 1, len(COLUMNS) - 1))
