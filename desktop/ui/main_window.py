"""The main window: the license manager an operator lives in."""

from __future__ import annotations

import logging
from dataclasses import replace
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QEvent,
    QItemSelectionModel,
    QModelIndex,
    QObject,
    QSettings,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QComboBox,
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenu,
    QPushButton,
    QSplitter,
    QTableView,
    QTabWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from desktop import APP_NAME, __version__
from desktop.context import AppContext
from desktop.domain.errors import DomainError
from desktop.domain.status import LicenseStatus
from desktop.services import licenses as license_service
from desktop.services import settings as settings_service
from desktop.services import setup
from desktop.services import warnings as warning_service
from desktop.services.ports import SortKey
from desktop.ui import formatting as fmt
from desktop.ui import i18n, msgbox
from desktop.ui.details import LicenseDetails
from desktop.ui.errors import message
from desktop.ui.icons import icon
from desktop.ui.license_model import SORT_BY_COLUMN, Col, IdRole, LicenseTableModel
from desktop.ui.warnings_dialog import WarningChoice, WarningsDialog

log = logging.getLogger(__name__)

SEARCH_DEBOUNCE_MS = 200
QUICK_FILTERS: tuple[LicenseStatus | None, ...] = (
    None,
    LicenseStatus.EXPIRING,
    LicenseStatus.EXPIRED,
    LicenseStatus.FREE,
)


class Banner(QFrame):
    """Ended subscriptions: a banner that cannot be dismissed (as the base manager does)."""

    show_ended = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("endedBanner")
        self.setStyleSheet(
            "#endedBanner { background: #fde4e2; border: 1px solid #e3a29d; border-radius: 4px; }"
            "#endedBanner QLabel { color: #8c1d18; }"
        )
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        glyph = QLabel()
        glyph.setPixmap(icon("warning-banner").pixmap(20, 20))
        layout.addWidget(glyph)
        self.text = QLabel()
        self.text.setWordWrap(True)
        layout.addWidget(self.text, 1)
        self.button = QPushButton(self.tr("Show them"))
        self.button.clicked.connect(self.show_ended)
        layout.addWidget(self.button)
        self.hide()

    def set_count(self, ended: int) -> None:
        if ended <= 0:
            self.hide()
            return
        self.text.setText(
            self.tr(
                "%n update subscription(s) have ended. Installing a newer release on those "
                "devices puts the product into demo mode; renew to keep receiving updates.",
                "",
                ended,
            )
        )
        self.show()


class MainWindow(QMainWindow):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx: AppContext | None = None
        self.model: LicenseTableModel | None = None
        self._started = False  # set by finish_attach, after the first rows are painted
        self._counts_key: Any = None
        self._counts: Any = None
        self._whole_key: Any = None
        self._whole: Any = None
        self._data_version = 0  # bumped by refresh(): the data may have changed
        self.setWindowIcon(icon("app"))
        self.setWindowTitle(APP_NAME)
        self._build_actions()
        self._build_menus()
        self._build_toolbar()
        self._build_central()
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DEBOUNCE_MS)
        self._search_timer.timeout.connect(self._apply_filters)
        self.status_label = QLabel(self.tr("Opening the database..."))
        self.statusBar().addWidget(self.status_label, 1)
        self.db_label = QLabel()
        self.statusBar().addPermanentWidget(self.db_label)
        self._restore_geometry()

    # ---------------------------------------------------------------- building
    def _action(
        self, icon_name: str | None, text: str, slot: Any, shortcut: Any = None, tip: str = ""
    ) -> QAction:
        act = QAction(icon(icon_name) if icon_name else QAction().icon(), text, self)
        if shortcut is not None:
            act.setShortcut(QKeySequence(shortcut))
        if tip:
            act.setStatusTip(tip)
            act.setToolTip(tip)
        act.triggered.connect(slot)
        return act

    def _build_actions(self) -> None:
        self.act_activate = self._action(
            "activate",
            self.tr("&Activate..."),
            self.activate,
            "Ctrl+Shift+A",
            self.tr("Enter an activation code for a device"),
        )
        self.act_renew = self._action(
            "renew",
            self.tr("&Renew..."),
            self.renew_selected,
            "Ctrl+R",
            self.tr("Quote the renewal of the selected licenses"),
        )
        self.act_copy_code = self._action(
            "copy",
            self.tr("&Copy device code"),
            self.copy_device_code,
            QKeySequence.StandardKey.Copy,
            self.tr("Copy the selected device code"),
        )
        self.act_history = self._action(
            "history",
            self.tr("Show &history"),
            self.show_history,
            "Ctrl+H",
            self.tr("Show the event history of the selected license"),
        )
        self.act_export = self._action(
            "export",
            self.tr("&Export shown rows..."),
            self.export_rows,
            "Ctrl+E",
            self.tr("Export the rows shown (with the filter) to CSV or Excel"),
        )
        self.act_import = self._action(
            "import",
            self.tr("&Import data..."),
            self.import_dataset,
            "Ctrl+I",
            self.tr("Import a License Desk export (.json or .csv)"),
        )
        self.act_settings = self._action(
            "settings",
            self.tr("&Settings..."),
            self.open_settings,
            QKeySequence.StandardKey.Preferences,
            self.tr("Warning threshold, stages, language"),
        )
        self.act_refresh = self._action(
            "refresh",
            self.tr("Re&fresh"),
            self.refresh,
            QKeySequence.StandardKey.Refresh,
            self.tr("Reload from the database"),
        )
        self.act_warnings = self._action(
            "status-expiring",
            self.tr("Show &warnings..."),
            lambda: self.show_warnings(True),
            None,
            self.tr("List the subscriptions that end soon or have ended"),
        )
        self.act_find = self._action(
            "search", self.tr("&Find"), self.focus_search, QKeySequence.StandardKey.Find
        )
        self.act_quit = self._action(
            "quit", self.tr("&Quit"), self.close, QKeySequence.StandardKey.Quit
        )
        self.act_about = self._action("info", self.tr("&About License Desk"), self.about)
        for act in (
            self.act_activate,
            self.act_renew,
            self.act_copy_code,
            self.act_history,
            self.act_export,
            self.act_import,
            self.act_settings,
            self.act_refresh,
            self.act_warnings,
        ):
            act.setEnabled(False)

    def _build_menus(self) -> None:
        bar = self.menuBar()
        m = bar.addMenu(self.tr("&File"))
        m.addAction(self.act_import)
        m.addAction(self.act_export)
        m.addSeparator()
        m.addAction(self.act_quit)
        m = bar.addMenu(self.tr("&Licenses"))
        for act in (self.act_activate, self.act_renew, self.act_copy_code, self.act_history):
            m.addAction(act)
        m.addSeparator()
        m.addAction(self.act_find)
        m.addAction(self.act_warnings)
        m.addAction(self.act_refresh)
        self.licenses_menu = m
        m = bar.addMenu(self.tr("&Tools"))
        m.addAction(self.act_settings)
        m = bar.addMenu(self.tr("&Help"))
        m.addAction(self.act_about)

    def _build_toolbar(self) -> None:
        tb = QToolBar(self.tr("Main toolbar"))
        tb.setObjectName("mainToolbar")
        tb.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        for act in (self.act_activate, self.act_renew, self.act_copy_code, self.act_history):
            tb.addAction(act)
        tb.addSeparator()
        tb.addAction(self.act_export)
        tb.addAction(self.act_refresh)
        tb.addAction(self.act_settings)
        self.addToolBar(tb)

    def _build_central(self) -> None:
        central = QWidget()
        outer = QVBoxLayout(central)
        outer.setContentsMargins(6, 6, 6, 0)
        self.banner = Banner()
        self.banner.show_ended.connect(lambda: self.set_quick_filter(LicenseStatus.EXPIRED))
        outer.addWidget(self.banner)
        self.tabs = QTabWidget()
        outer.addWidget(self.tabs, 1)

        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 6, 0, 0)
        bar = QHBoxLayout()
        self.filter_group = QButtonGroup(self)
        self.filter_group.setExclusive(True)
        self.filter_buttons: dict[LicenseStatus | None, QPushButton] = {}
        for i, status in enumerate(QUICK_FILTERS):
            button = QPushButton()
            button.setCheckable(True)
            button.setIcon(icon("filter-all" if status is None else f"status-{status.value}"))
            self.filter_group.addButton(button, i)
            self.filter_buttons[status] = button
            bar.addWidget(button)
        self.filter_buttons[None].setChecked(True)
        self.filter_group.idClicked.connect(lambda _i: self._apply_filters())
        bar.addSpacing(12)
        self.search = QLineEdit()
        self.search.setPlaceholderText(
            self.tr("Search product, device code, device or store (Ctrl+F)")
        )
        self.search.setClearButtonEnabled(True)
        self.search.addAction(icon("search"), QLineEdit.ActionPosition.LeadingPosition)
        self.search.textChanged.connect(lambda _t: self._search_timer.start())
        self.search.returnPressed.connect(self._apply_filters)
        bar.addWidget(self.search, 1)
        store_label = QLabel(self.tr("S&tore:"))
        self.store_combo = QComboBox()
        self.store_combo.setMinimumWidth(180)
        store_label.setBuddy(self.store_combo)
        self.store_combo.currentIndexChanged.connect(lambda _i: self._apply_filters())
        bar.addWidget(store_label)
        bar.addWidget(self.store_combo)
        layout.addLayout(bar)

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.table = QTableView()
        self.table.setObjectName("licenseTable")
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setSortingEnabled(True)
        self.table.setAlternatingRowColors(False)
        self.table.setWordWrap(False)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._context_menu)
        vh = self.table.verticalHeader()
        vh.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)  # never ResizeToContents
        vh.setDefaultSectionSize(24)
        vh.hide()
        hh = self.table.horizontalHeader()
        hh.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        hh.setStretchLastSection(False)
        hh.setSortIndicatorShown(True)
        self.table.doubleClicked.connect(lambda _i: self.show_history())
        self.splitter.addWidget(self.table)
        self.details = LicenseDetails()
        self.splitter.addWidget(self.details)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 1)
        layout.addWidget(self.splitter, 1)
        self.tabs.addTab(page, icon("licenses"), self.tr("&Licenses"))
        self.setCentralWidget(central)
        self._set_quick_filter_texts({})

    def _restore_geometry(self) -> None:
        s = QSettings()
        geometry = s.value("main/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        else:
            self.resize(1280, 760)
        state = s.value("main/splitter")
        if state is not None:
            self.splitter.restoreState(state)
        else:
            self.splitter.setSizes([980, 300])

    def closeEvent(self, event: Any) -> None:  # noqa: N802
        s = QSettings()
        s.setValue("main/geometry", self.saveGeometry())
        s.setValue("main/splitter", self.splitter.saveState())
        s.setValue("main/columns", self.table.horizontalHeader().saveState())
        super().closeEvent(event)

    # ---------------------------------------------------------------- attach
    def attach(self, ctx: AppContext) -> None:
        """Show the data of an opened store (called once the window is on screen)."""
        self.ctx = ctx
        self._started = False
        title = f"{APP_NAME} — {ctx.db_label}"
        if ctx.is_demo:
            title += " " + self.tr("[demo data]")
        self.setWindowTitle(title)
        self.db_label.setText(
            (self.tr("Demo database") if ctx.is_demo else self.tr("Database")) + ": " + ctx.db_label
        )
        today = ctx.clock.today()
        with ctx.read() as view:
            query = license_service.make_query(view, today, sort=SortKey.END)
        self.model = LicenseTableModel(ctx, query, self)
        self.model.reloaded.connect(self._after_reload)
        self.table.setModel(self.model)
        self.table.horizontalHeader().setSortIndicator(Col.END, Qt.SortOrder.AscendingOrder)
        self._size_columns()
        self.table.selectionModel().currentRowChanged.connect(self._current_changed)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_actions())
        self._after_reload()
        self.table.setFocus()

    def when_rows_painted(self, callback: Any) -> None:
        """Run ``callback`` once, right after the table has painted its first rows."""
        window = self

        class _Spy(QObject):
            def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802
                if event.type() == QEvent.Type.Paint:
                    window.table.viewport().removeEventFilter(self)
                    QTimer.singleShot(0, callback)
                return False

        self._paint_spy = _Spy(self)
        self.table.viewport().installEventFilter(self._paint_spy)
        self.table.viewport().update()

    def finish_attach(self) -> None:
        """What can wait until the first rows are on screen (it may import SQLAlchemy)."""
        self._load_stores()
        for act in (
            self.act_export,
            self.act_import,
            self.act_settings,
            self.act_refresh,
            self.act_warnings,
        ):
            act.setEnabled(True)
        self._started = True
        self._after_reload()
        if self.model is not None and self.model.rowCount() and not self.selected_ids():
            self.table.selectRow(0)
        self._current_changed(self.table.currentIndex(), QModelIndex())

    def _size_columns(self) -> None:
        hh = self.table.horizontalHeader()
        state = QSettings().value("main/columns")
        if state is not None and hh.restoreState(state):
            return
        widths = {
            Col.PRODUCT: 230, Col.DEVICE: 140, Col.STORE: 170, Col.STATUS: 210, Col.END: 170,
            Col.DAYS_LEFT: 90, Col.ACTIVATED: 95, Col.DEVICE_CODE: 260, Col.KIND: 170,
        }  # fmt: skip
        for col, width in widths.items():
            self.table.setColumnWidth(col, width)

    def _load_stores(self) -> None:
        assert self.ctx is not None
        from desktop.services import catalog

        with self.ctx.uow() as uow:
            stores = catalog.stores(uow)
        self.store_combo.blockSignals(True)
        self.store_combo.clear()
        self.store_combo.addItem(icon("store"), self.tr("All stores"), None)
        for store_id, name in stores:
            self.store_combo.addItem(icon("store"), name, store_id)
        self.store_combo.blockSignals(False)

    # ---------------------------------------------------------------- filters
    def current_status_filter(self) -> LicenseStatus | None:
        return QUICK_FILTERS[max(0, self.filter_group.checkedId())]

    def set_quick_filter(self, status: LicenseStatus | None) -> None:
        self.filter_buttons[status].setChecked(True)
        self._apply_filters()

    def focus_search(self) -> None:
        self.tabs.setCurrentIndex(0)
        self.search.setFocus()
        self.search.selectAll()

    def _apply_filters(self) -> None:
        if self.model is None or self.ctx is None:
            return
        self._search_timer.stop()
        q = self.model.query
        query = replace(
            q,
            status=self.current_status_filter(),
            search=self.search.text().strip(),
            store_id=self.store_combo.currentData(),
            license_ids=None,
        )
        if query != q:
            self.model.set_query(query)
            if self.model.rowCount():
                self.table.selectRow(0)

    def show_license_ids(self, ids: list[int]) -> None:
        """Show exactly these licenses (from the warning pop-up or the bases view)."""
        if self.model is None:
            return
        self.tabs.setCurrentIndex(0)
        self.filter_buttons[None].setChecked(True)
        self.search.blockSignals(True)
        self.search.clear()
        self.search.blockSignals(False)
        self.model.set_query(
            replace(self.model.query, status=None, search="", license_ids=tuple(ids))
        )
        self.status_label.setText(
            self.tr("Showing %n selected license(s). Pick a quick filter to see all.", "", len(ids))
        )
        if self.model.rowCount():
            self.table.selectRow(0)

    def _set_quick_filter_texts(self, counts: dict[LicenseStatus, int]) -> None:
        total = sum(counts.values()) if counts else None
        names = {
            None: self.tr("&All"),
            LicenseStatus.EXPIRING: self.tr("E&xpiring"),
            LicenseStatus.EXPIRED: self.tr("Ex&pired"),
            LicenseStatus.FREE: self.tr("F&ree"),
        }
        for status, button in self.filter_buttons.items():
            n = total if status is None else counts.get(status) if counts else None
            button.setText(names[status] if n is None else f"{names[status]} ({n})")

    def _update_sort_indicator(self) -> None:
        assert self.model is not None
        q = self.model.query
        col = next((c for c, k in SORT_BY_COLUMN.items() if k == q.sort), Col.END)
        self.table.horizontalHeader().setSortIndicator(
            col, Qt.SortOrder.DescendingOrder if q.descending else Qt.SortOrder.AscendingOrder
        )

    def _read_counts(
        self, q: Any
    ) -> tuple[dict[LicenseStatus, int], dict[LicenseStatus, int], Any]:
        """Counts for the filter buttons (with search and store) and for the whole store.

        The whole-store counts (banner, status bar) depend on the day, the threshold and
        the data only, so a search keystroke does not recount a million rows.
        """
        assert self.ctx is not None
        whole_key = (q.today, q.threshold_days, self._data_version)
        with self.ctx.read() as view:
            if whole_key != self._whole_key:
                self._whole_key = whole_key
                self._whole = (
                    view.licenses.status_counts(
                        replace(q, status=None, search="", store_id=None, license_ids=None)
                    ),
                    view.licenses.next_end(q.today),
                )
            all_counts, next_end = self._whole
            counts = (
                all_counts
                if not (q.search or q.store_id)
                else view.licenses.status_counts(replace(q, status=None, license_ids=None))
            )
        return counts, all_counts, next_end

    def _after_reload(self) -> None:
        if self.model is None or self.ctx is None:
            return
        q = self.model.query
        if not self._started:
            self._update_sort_indicator()
            return  # the counts follow right after the first paint (finish_attach)
        # The counts depend on the day, threshold, search and store only: a sort or a
        # quick-filter click reuses them (at a million rows they cost tens of ms).
        key = (q.today, q.threshold_days, q.search, q.store_id, self._data_version)
        if key != self._counts_key:
            self._counts_key = key
            self._counts = self._read_counts(q)
        counts, all_counts, next_end = self._counts
        ended = all_counts.get(LicenseStatus.EXPIRED, 0)
        self._set_quick_filter_texts(counts)
        self.banner.set_count(ended)
        expiring = all_counts.get(LicenseStatus.EXPIRING, 0)
        text = self.tr("%n license(s) end within %1 days.", "", expiring).replace(
            "%1", str(q.threshold_days)
        )
        if next_end is not None:
            days = (next_end - q.today).days
            text += " " + (
                self.tr("The next one ends today (%1).")
                if days == 0
                else self.tr("The next one ends on %1 (in %n day(s)).", "", days)
            ).replace("%1", fmt.date_text(next_end))
        text += "  " + self.tr("Shown: %n", "", self.model.rowCount())
        self.status_label.setText(text)
        self._update_sort_indicator()
        self._update_actions()

    # ---------------------------------------------------------------- selection
    def selected_ids(self) -> list[int]:
        if self.model is None:
            return []
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        ids = [self.model.index(r, 0).data(IdRole) for r in rows]
        return [i for i in ids if i is not None]

    def current_row(self) -> Any:
        if self.model is None:
            return None
        index = self.table.currentIndex()
        return self.model.row_data(index.row()) if index.isValid() else None

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if not self._started:
            return  # finish_attach shows the details once the first rows are on screen
        row = self.model.row_data(current.row()) if self.model and current.isValid() else None
        events = []
        if row is not None and self.ctx is not None:
            with self.ctx.uow() as uow:
                events = uow.events.for_license(row.id)
        self.details.show_license(row, events)
        self._update_actions()

    def _update_actions(self) -> None:
        row = self.current_row()
        has = bool(self.selected_ids())
        self.act_copy_code.setEnabled(bool(row and row.device_code))
        self.act_history.setEnabled(row is not None)
        self.act_renew.setEnabled(has and self._feature("open_renewal") is not None)
        self.act_activate.setEnabled(self._feature("open_activation") is not None)

    def _feature(self, name: str) -> Any:
        return self.ctx.extras.get(name) if self.ctx else None

    def _context_menu(self, pos: Any) -> None:
        index = self.table.indexAt(pos)
        if index.isValid() and not self.table.selectionModel().isRowSelected(index.row()):
            self.table.selectionModel().setCurrentIndex(
                index,
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows,
            )
        menu = QMenu(self)
        for act in (self.act_renew, self.act_activate, self.act_copy_code, self.act_history):
            menu.addAction(act)
        extra = self._feature("license_menu")
        if extra:
            menu.addSeparator()
            extra(menu, self)
        menu.popup(self.table.viewport().mapToGlobal(pos))

    # ---------------------------------------------------------------- actions
    def copy_device_code(self) -> None:
        row = self.current_row()
        if row and row.device_code:
            QGuiApplication.clipboard().setText(row.device_code)
            self.statusBar().showMessage(self.tr("Copied %1").replace("%1", row.device_code), 3000)

    def show_history(self) -> None:
        self.details.history.setFocus()

    def activate(self) -> None:
        opener = self._feature("open_activation")
        if opener:
            row = self.current_row()
            if opener(self, row.device_code if row else None):
                self.refresh()

    def renew_selected(self) -> None:
        self.open_renewal(self.selected_ids())

    def open_renewal(self, ids: list[int]) -> None:
        opener = self._feature("open_renewal")
        if opener and ids:
            opener(ids, self)

    def refresh(self) -> None:
        if self.model is None:
            return
        self._data_version += 1
        current = self.current_row()
        self.model.refresh()
        self._load_stores_keep()
        if current is not None:
            self.select_license(current.id)

    def _load_stores_keep(self) -> None:
        data = self.store_combo.currentData()
        self._load_stores()
        i = self.store_combo.findData(data)
        self.store_combo.blockSignals(True)
        self.store_combo.setCurrentIndex(max(0, i))
        self.store_combo.blockSignals(False)

    def select_license(self, license_id: int) -> bool:
        """Select a license if it is among the first pages shown (cheap lookups only)."""
        if self.model is None:
            return False
        for r in range(min(self.model.rowCount(), 2000)):
            if self.model.index(r, 0).data(IdRole) == license_id:
                self.table.selectRow(r)
                self.table.scrollTo(self.model.index(r, 0))
                return True
        return False

    def export_rows(self) -> None:
        if self.model is None or self.ctx is None:
            return
        path, selected = QFileDialog.getSaveFileName(
            self,
            self.tr("Export shown rows"),
            "licenses.xlsx",
            self.tr("Excel workbook (*.xlsx);;CSV (*.csv)"),
        )
        if not path:
            return
        target = Path(path)
        if not target.suffix:
            target = target.with_suffix(".csv" if "csv" in selected.lower() else ".xlsx")
        from desktop.ui.export import export_rows

        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            count = export_rows(self.ctx, self.model.query, self.model.headers(), target)
        except DomainError as err:
            QGuiApplication.restoreOverrideCursor()
            msgbox.error(self, self.tr("Export"), message(err))
            return
        QGuiApplication.restoreOverrideCursor()
        self.statusBar().showMessage(
            self.tr("Exported %n row(s) to %1", "", count).replace("%1", str(target)), 5000
        )

    def import_dataset(self) -> None:
        if self.ctx is None:
            return
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Import data"), "", self.tr("License Desk export (*.json *.csv)")
        )
        if path:
            self.import_path(Path(path))

    def import_path(self, path: Path) -> bool:
        assert self.ctx is not None
        try:
            summary = setup.import_file(self.ctx.uow, path)
        except DomainError as err:
            msgbox.error(self, self.tr("Import"), message(err))
            return False
        msgbox.info(
            self,
            self.tr("Import"),
            self.tr("Imported %1 licenses, %2 devices and %3 products.")
            .replace("%1", str(summary.licenses))
            .replace("%2", str(summary.devices))
            .replace("%3", str(summary.products)),
        )
        self.refresh()
        return True

    def open_settings(self) -> None:
        if self.ctx is None:
            return
        from desktop.ui.settings_dialog import SettingsDialog

        with self.ctx.uow() as uow:
            days = settings_service.read(uow, settings_service.EXPIRING_DAYS)
            stages = settings_service.read(uow, settings_service.WARNING_STAGES)
            notice = settings_service.read(uow, settings_service.DEVICE_NOTICE_DAYS)
        lang = QSettings().value(i18n.SETTINGS_KEY, "", type=str)
        dialog = SettingsDialog(days, stages, notice, lang, self)
        if not dialog.exec():
            return
        req = dialog.request()
        try:
            with self.ctx.uow(write=True) as uow:
                settings_service.set_expiring_days(uow, req.expiring_days)
                settings_service.set_warning_stages(uow, req.warning_stages)
                settings_service.write(
                    uow, settings_service.DEVICE_NOTICE_DAYS, req.device_notice_days
                )
                uow.commit()
        except DomainError as err:
            msgbox.error(self, self.tr("Settings"), message(err))
            return
        if req.language != lang:
            i18n.save_language(req.language)
            msgbox.info(
                self,
                self.tr("Settings"),
                self.tr("The new language applies the next time License Desk starts."),
            )
        if self.model is not None:
            self.model.set_query(replace(self.model.query, threshold_days=req.expiring_days))

    def about(self) -> None:
        msgbox.info(
            self,
            self.tr("About License Desk"),
            self.tr(
                "<b>%1 %2</b><p>Licenses, update subscriptions and renewals for Mobile SMARTS "
                "and enova365.</p>"
            )
            .replace("%1", APP_NAME)
            .replace("%2", __version__),
        )

    # ---------------------------------------------------------------- warnings
    def show_warnings(self, force: bool = False) -> WarningChoice | None:
        """The staged start-up pop-up. ``force`` shows it even when nothing is new."""
        if self.ctx is None:
            return None
        today = self.ctx.clock.today()
        with self.ctx.uow() as uow:
            state = warning_service.collect(uow, today, self.ctx.verifier)
        if not state.items or not (force or state.popup_due):
            return None
        dialog = WarningsDialog(state, self)
        dialog.exec()
        choice = dialog.choice
        with self.ctx.uow(write=True) as uow:
            if choice is WarningChoice.SNOOZE:
                warning_service.snooze(uow, today)
            else:
                warning_service.acknowledge(uow, state, today)
            uow.commit()
        if choice is WarningChoice.OPEN_IN_LIST:
            self.show_license_ids(dialog.all_ids())
        elif choice is WarningChoice.RENEW:
            self.show_license_ids(dialog.checked_ids())
            self.open_renewal(dialog.checked_ids())
        return choice
