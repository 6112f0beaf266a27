"""The start-up warning: what ends within the stages or has ended.

Built for a million licenses: the dialog holds counts per stage and store (from
:func:`desktop.services.warnings.collect`, computed in SQL) and a lazy list that pages
through the due licenses as it scrolls, like the license table; it never makes an item
per license. With hundreds due, a summary per store comes first; picking a store
narrows the list. Closing is instant: acknowledging is one SQL statement that the main
window runs on a worker.
"""

from __future__ import annotations

import logging
from collections import OrderedDict
from concurrent.futures import Future
from enum import Enum
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QItemSelection,
    QLocale,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.context import AppContext
from desktop.domain.warnings import ENDED_STAGE
from desktop.messages import QT_TRANSLATE_NOOP
from desktop.services import warnings as warning_service
from desktop.services.ports import WarningScope
from desktop.services.warnings import ALL, StoreKey, StoreSummary, WarningItem, WarningState
from desktop.ui import formatting as fmt
from desktop.ui.icons import icon
from desktop.ui.license_model import STATUS_ICON
from desktop.ui.ops import manager

log = logging.getLogger(__name__)

#: From this many due licenses on, the pop-up first shows a summary per store.
SUMMARY_FROM = 100
PAGE_SIZE = 200
MAX_PAGES = 20
#: Pages before this offset are read at once from a local file (about a millisecond);
#: deeper ones, and every page from a server, on a worker ("Loading..." meanwhile).
SYNC_OFFSET = 10_000

_DISPLAY = int(Qt.ItemDataRole.DisplayRole)
_DECORATION = int(Qt.ItemDataRole.DecorationRole)
_TOOLTIP = int(Qt.ItemDataRole.ToolTipRole)
_CHECK = int(Qt.ItemDataRole.CheckStateRole)
_ALIGN = int(Qt.ItemDataRole.TextAlignmentRole)
IdRole = int(Qt.ItemDataRole.UserRole)
_ID = IdRole
_ALIGN_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
_LOADING: list[WarningItem] = []


class WarningChoice(Enum):
    CLOSE = "close"  # acknowledged: each shown stage is done, no pop-up again today
    SNOOZE = "snooze"  # remind me tomorrow: nothing marked shown
    RENEW = "renew"  # open the renewal dialog for the ticked items
    OPEN_IN_LIST = "open"  # show these items in the table


def stage_title(stage: int) -> str:
    if stage == ENDED_STAGE:
        return QCoreApplication.translate("WarningsDialog", "Ended")
    return fmt.counted().within_days(stage)


class StoreSummaryModel(QAbstractTableModel):
    """One row per store with due licenses (the first: all stores), a column per stage."""

    def __init__(self, state: WarningState, pending_only: bool, parent: Any = None) -> None:
        super().__init__(parent)
        self.stages = sorted({c.stage for c in state.counts})
        rows = state.by_store(pending_only=pending_only)
        total: dict[int, int] = {}
        for r in rows:
            for s, n in r.per_stage.items():
                total[s] = total.get(s, 0) + n
        self.keys: list[StoreKey] = [ALL, *(r.store_id for r in rows)]
        self.rows: list[StoreSummary] = [StoreSummary(None, None, total), *rows]

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 2 + len(self.stages)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = _DISPLAY) -> Any:
        if not index.isValid():
            return None
        row, col = self.rows[index.row()], index.column()
        if role == _DISPLAY:
            if col == 0:
                if index.row() == 0:
                    return self.tr("All stores")
                return row.store_name or self.tr("(no store)")
            if col == 1 + len(self.stages):
                return str(row.total)
            n = row.per_stage.get(self.stages[col - 1], 0)
            return str(n) if n else ""
        if role == _ALIGN and col > 0:
            return _ALIGN_RIGHT
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = _DISPLAY) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != _DISPLAY:
            return None
        if section == 0:
            return self.tr("Store")
        if section == 1 + len(self.stages):
            return self.tr("Total")
        return stage_title(self.stages[section - 1])


class DueListModel(QAbstractTableModel):
    """The due licenses of a scope, paged into a bounded cache as the view scrolls.

    A tick box per row (all ticked at first): the model keeps only the ids unticked.
    """

    HEADERS = (
        QT_TRANSLATE_NOOP("WarningsDialog", "Product"),
        QT_TRANSLATE_NOOP("WarningsDialog", "Device"),
        QT_TRANSLATE_NOOP("WarningsDialog", "Store"),
        QT_TRANSLATE_NOOP("WarningsDialog", "Ends"),
        QT_TRANSLATE_NOOP("WarningsDialog", "Days left"),
    )

    def __init__(
        self, app: AppContext, scope: WarningScope, count: int, parent: Any = None
    ) -> None:
        super().__init__(parent)
        self._app = app
        self._sync = app.db.sync_reads
        self._scope = scope
        self._count = count
        self._pages: OrderedDict[int, list[WarningItem] | None] = OrderedDict()
        self._generation = 0
        self.unchecked: set[int] = set()

    @property
    def scope(self) -> WarningScope:
        return self._scope

    def set_scope(self, scope: WarningScope, count: int) -> None:
        self.beginResetModel()
        try:
            self._scope = scope
            self._count = count
            self._pages.clear()
            self._generation += 1
        finally:
            self.endResetModel()

    def loaded(self, row: int) -> bool:
        """The row's page is here (tests wait on it)."""
        page = self._pages.get(row // PAGE_SIZE)
        return page is not None and page is not _LOADING

    def cached_pages(self) -> int:
        return len(self._pages)

    def _fetch(self, number: int) -> list[WarningItem]:
        return warning_service.items(
            self._app.db,
            self._scope,
            number * PAGE_SIZE,
            PAGE_SIZE,
            self._app.verifier,
            total=self._count,
        )

    def _store(self, number: int, rows: list[WarningItem] | None) -> None:
        self._pages[number] = rows
        while len(self._pages) > MAX_PAGES:
            self._pages.popitem(last=False)

    def _page(self, number: int) -> list[WarningItem] | None:
        pages = self._pages
        if number in pages:
            pages.move_to_end(number)
            return pages[number]
        if self._sync and number * PAGE_SIZE < SYNC_OFFSET:
            rows: list[WarningItem] | None
            try:
                rows = self._fetch(number)
            except Exception:
                log.exception("reading due licenses failed")
                rows = None
            self._store(number, rows)
            return rows
        self._pages[number] = _LOADING
        generation, fetch = self._generation, self._fetch

        def done(future: Future[list[WarningItem]]) -> None:
            if generation != self._generation:
                return  # the scope changed meanwhile
            exc = future.exception()
            if exc is not None:
                log.error("reading due licenses failed", exc_info=exc)
            self._store(number, None if exc is not None else future.result())
            first = number * PAGE_SIZE
            last = min(self._count, first + PAGE_SIZE) - 1
            if last >= first:
                self.dataChanged.emit(self.index(first, 0), self.index(last, 4))

        manager().run_in_background(lambda: fetch(number), done)
        return _LOADING

    def item(self, row: int) -> WarningItem | None:
        if not 0 <= row < self._count:
            return None
        page = self._page(row // PAGE_SIZE)
        if not page:
            return None
        offset = row % PAGE_SIZE
        return page[offset] if offset < len(page) else None

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._count

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.HEADERS)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = _DISPLAY) -> Any:
        if not index.isValid():
            return None
        col = index.column()
        if role == _DISPLAY:
            it = self.item(index.row())
            if it is None:
                if col:
                    return ""
                if self._pages.get(index.row() // PAGE_SIZE) is _LOADING:
                    return self.tr("Loading...")
                return self.tr("(not available)")
            row = it.license
            if col == 0:
                return row.product_name
            if col == 1:
                return row.device_name or ""
            if col == 2:
                return row.store_name or ""
            if col == 3:
                return fmt.date_text(row.subscription_end)
            return fmt.status_text(row.status, row.days_left)
        if role == _CHECK and col == 0:
            it = self.item(index.row())
            if it is None:
                return None
            return (
                Qt.CheckState.Unchecked
                if it.license.id in self.unchecked
                else Qt.CheckState.Checked
            )
        if role == _DECORATION and col == 4:
            it = self.item(index.row())
            return icon(STATUS_ICON[it.license.status]) if it is not None else None
        if role == _TOOLTIP and col == 1:
            it = self.item(index.row())
            return (it.license.device_code or "") if it is not None else None
        if role == _ID:
            it = self.item(index.row())
            return it.license.id if it is not None else None
        return None

    def setData(
        self, index: QModelIndex | QPersistentModelIndex, value: Any, role: int = _CHECK
    ) -> bool:
        if role != _CHECK or index.column() != 0:
            return False
        it = self.item(index.row())
        if it is None:
            return False
        checked = Qt.CheckState(value) == Qt.CheckState.Checked
        (self.unchecked.discard if checked else self.unchecked.add)(it.license.id)
        self.dataChanged.emit(index, index, [_CHECK])
        return True

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.isValid() and index.column() == 0:
            return base | Qt.ItemFlag.ItemIsUserCheckable
        return base

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = _DISPLAY) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == _DISPLAY:
            return QCoreApplication.translate("WarningsDialog", self.HEADERS[section])
        return None


class WarningsDialog(QDialog):
    def __init__(self, state: WarningState, app: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Update subscriptions need attention"))
        self.setWindowIcon(icon("status-expiring"))
        self.choice = WarningChoice.CLOSE
        self.state = state
        # The stages not shown yet; everything due when opened by hand with nothing new.
        self.pending_only = state.pending > 0
        layout = QVBoxLayout(self)
        ending = state.count(pending_only=self.pending_only, ended=False)
        ended = state.count(pending_only=self.pending_only, ended=True)
        head = QLabel(
            self.tr(
                "<b>%1 subscription(s) end soon and %2 have ended.</b> Installing a release "
                "dated after a subscription's end puts the product into demo mode."
            )
            .replace("%1", QLocale().toString(ending))
            .replace("%2", QLocale().toString(ended))
        )
        head.setWordWrap(True)
        layout.addWidget(head)

        total = ending + ended
        self.list_model = DueListModel(
            app, state.scope(pending_only=self.pending_only), total, self
        )
        self.list = QTableView()
        self.list.setModel(self.list_model)
        self.list.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.list.setAlternatingRowColors(True)
        self.list.verticalHeader().hide()
        self.list.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.list.verticalHeader().setDefaultSectionSize(22)
        header = self.list.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for col, width in ((1, 150), (2, 180), (3, 90), (4, 170)):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.Interactive)
            self.list.setColumnWidth(col, width)

        self.summary: QTableView | None = None
        self.summary_model: StoreSummaryModel | None = None
        if total >= SUMMARY_FROM:
            self.summary_model = StoreSummaryModel(state, self.pending_only, self)
            self.summary = QTableView()
            self.summary.setModel(self.summary_model)
            self.summary.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
            self.summary.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
            self.summary.verticalHeader().hide()
            self.summary.verticalHeader().setDefaultSectionSize(22)
            sh = self.summary.horizontalHeader()
            sh.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
            for col in range(1, self.summary_model.columnCount()):
                sh.setSectionResizeMode(col, QHeaderView.ResizeMode.Interactive)
                self.summary.setColumnWidth(col, 90)
            self.summary.selectRow(0)
            sel = self.summary.selectionModel()
            sel.selectionChanged.connect(self._store_picked)
            split = QSplitter(Qt.Orientation.Vertical)
            split.addWidget(self.summary)
            split.addWidget(self.list)
            split.setStretchFactor(0, 1)
            split.setStretchFactor(1, 2)
            layout.addWidget(split, 1)
            hint_text = self.tr(
                "Pick a store to list its licenses. Tick the licenses to renew; Space "
                "toggles the current line."
            )
        else:
            layout.addWidget(self.list, 1)
            hint_text = self.tr("Tick the licenses to renew; Space toggles the current line.")
        hint = QLabel(hint_text)
        hint.setStyleSheet("color: palette(mid);")
        layout.addWidget(hint)

        buttons = QDialogButtonBox()
        self.renew_button = QPushButton(icon("renew"), self.tr("&Renew selected..."))
        self.open_button = QPushButton(icon("filter-all"), self.tr("&Open in list"))
        self.snooze_button = QPushButton(icon("history"), self.tr("Remind me &tomorrow"))
        buttons.addButton(self.renew_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.open_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.snooze_button, QDialogButtonBox.ButtonRole.ActionRole)
        close = buttons.addButton(QDialogButtonBox.StandardButton.Close)
        close.setDefault(True)
        self.renew_button.clicked.connect(lambda: self._finish(WarningChoice.RENEW))
        self.open_button.clicked.connect(lambda: self._finish(WarningChoice.OPEN_IN_LIST))
        self.snooze_button.clicked.connect(lambda: self._finish(WarningChoice.SNOOZE))
        buttons.rejected.connect(lambda: self._finish(WarningChoice.CLOSE))
        layout.addWidget(buttons)
        self.list.setFocus()
        if total:
            self.list.setCurrentIndex(self.list_model.index(0, 0))
        self.resize(960, 520 if self.summary is not None else 420)

    def _store_picked(self, selected: QItemSelection, _deselected: QItemSelection) -> None:
        indexes = selected.indexes()
        if not indexes or self.summary_model is None:
            return
        self.show_store(self.summary_model.keys[indexes[0].row()])

    def show_store(self, store: StoreKey) -> None:
        """List the due licenses of one store (ALL: every store)."""
        count = self.state.count(pending_only=self.pending_only, store=store)
        self.list_model.set_scope(
            self.state.scope(pending_only=self.pending_only, store=store), count
        )
        if count:
            self.list.setCurrentIndex(self.list_model.index(0, 0))

    def _finish(self, choice: WarningChoice) -> None:
        self.choice = choice
        self.accept() if choice is not WarningChoice.CLOSE else self.reject()

    def list_scope(self) -> WarningScope:
        """The licenses the list shows (the store picked, or all)."""
        return self.list_model.scope

    def unchecked_ids(self) -> set[int]:
        return set(self.list_model.unchecked)
