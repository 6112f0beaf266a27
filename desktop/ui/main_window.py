"""The main window: the license manager an operator lives in.

Every use case is one service call; reads of a local SQLite file are synchronous (a
page or a count costs about a millisecond), everything else - writes, files, a central
server - runs through desktop.ui.ops on a worker. Whatever writes, the store tells the
window (``data_changed``), and every open view refreshes from that one signal.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any, TypeVar

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QItemSelectionModel,
    QModelIndex,
    QObject,
    QPoint,
    QRect,
    QSettings,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import (
    QAction,
    QActionGroup,
    QCloseEvent,
    QFont,
    QFontMetrics,
    QGuiApplication,
    QIcon,
    QKeySequence,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QComboBox,
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
from desktop.domain.status import LicenseStatus
from desktop.paths import machine_keys_dir
from desktop.services import activation, catalog, licenses, setup
from desktop.services import bases as bases_service
from desktop.services import settings as settings_service
from desktop.services import warnings as warning_service
from desktop.services.dataset import LoadSummary
from desktop.services.licenses import Counts, LicenseRow
from desktop.services.ports import EventRecord, LicenseQuery
from desktop.services.progress import Cancelled
from desktop.ui import formatting as fmt
from desktop.ui import i18n, msgbox
from desktop.ui.changes import changes
from desktop.ui.columns import COLUMN_OF_SORT, COLUMNS, Col
from desktop.ui.details import LicenseDetails
from desktop.ui.errors import describe
from desktop.ui.icons import icon
from desktop.ui.license_model import IdRole, LicenseTableModel
from desktop.ui.ops import Op, watch_busy
from desktop.ui.warnings_dialog import WarningChoice, WarningsDialog
from desktop.ui.widgets import EmptyHint, open_file_name, run_modal, save_file_name

log = logging.getLogger(__name__)

T = TypeVar("T")

SEARCH_DEBOUNCE_MS = 200
#: The window's first size, where the screen's available area allows it.
DEFAULT_SIZE = QSize(1280, 800)
#: Columns that elide to keep the subscription's end and days left in view: least widths.
FLEXIBLE_COLUMNS = {Col.PRODUCT: 140, Col.DEVICE: 100, Col.STORE: 100}
#: "Open in list" and "Renew selected" from the warning pop-up take at most this many
#: licenses (the list shows them by id; thousands more would not be read by anyone).
SHOW_IDS_LIMIT = 5000
QUICK_FILTERS: tuple[LicenseStatus | None, ...] = (
    None,
    LicenseStatus.EXPIRING,
    LicenseStatus.EXPIRED,
    LicenseStatus.FREE,
)


def window_title(db_label: str, demo: bool) -> str:
    """The database the window shows (a file by its name); Qt appends the app's name."""
    name = db_label if "://" in db_label else Path(db_label).name
    if demo:
        return QCoreApplication.translate("MainWindow", "%1 [demo data]").replace("%1", name)
    return name


def standard_keys(key: QKeySequence.StandardKey, fallback: str) -> list[QKeySequence]:
    """The platform's keys for a standard action, or ``fallback`` where it has none (the
    offscreen and minimal platforms know no Quit or Preferences key)."""
    return QKeySequence.keyBindings(key) or [QKeySequence(fallback)]


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


class Notice(QFrame):
    """A standing notice above the tabs: what-if view, read-only store, clock set back."""

    STYLES = {
        "info": ("#e3eefb", "#9fbde6", "#123b6d", "info"),
        "warning": ("#fff4d6", "#e6c46f", "#6b4500", "status-expiring"),
    }

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("notice")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        self.glyph = QLabel()
        layout.addWidget(self.glyph)
        self.text = QLabel()
        self.text.setWordWrap(True)
        layout.addWidget(self.text, 1)
        self.hide()

    def say(self, text: str, kind: str = "info") -> None:
        background, border, colour, icon_name = self.STYLES[kind]
        self.setStyleSheet(
            f"#notice {{ background: {background}; border: 1px solid {border}; "
            f"border-radius: 4px; }} #notice QLabel {{ color: {colour}; }}"
        )
        self.glyph.setPixmap(icon(icon_name).pixmap(20, 20))
        self.text.setText(text)
        self.show()


class MainWindow(QMainWindow):
    #: The store changed (any write, from this window, a dialog or a view); on the GUI
    #: thread. Every view refreshes from this one signal.
    data_changed = Signal()
    #: The start-up pop-up's round is over: the WarningChoice, or None (nothing due).
    warnings_done = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.app: AppContext | None = None
        self.model: LicenseTableModel | None = None
        self._started = False  # set by finish_attach, after the first rows are painted
        self._counts_key: Any = None
        self._counts: Counts | None = None
        self._whole_key: Any = None
        self._data_version = 0  # bumped by every write: the data may have changed
        self._unsubscribe: Callable[[], None] | None = None
        self._details_row: LicenseRow | None = None
        self._paint_spy: QObject | None = None
        self.orders_view: QWidget | None = None
        self.forecast_view: QWidget | None = None
        self.bases_view: Any = None
        #: Opens the store again (set by desktop.ui.launch): after a restore.
        self.reopen: Callable[[], None] | None = None
        self._unwatch_busy: Callable[[], None] | None = None
        self.setWindowIcon(icon("app"))
        # Qt adds the application's display name ("... — License Desk") itself.
        self.setWindowTitle("")
        self._build_actions()
        self._build_menus()
        self._build_toolbar()
        self._build_central()
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DEBOUNCE_MS)
        self._search_timer.timeout.connect(self._apply_filters)
        self.status_label = QLabel(self.tr("Opening the database..."), self)
        self.statusBar().addWidget(self.status_label, 1)
        self.db_label = QLabel(self)
        self.statusBar().addPermanentWidget(self.db_label)
        self.tabs.currentChanged.connect(lambda _i: self._update_actions())
        self._restore_geometry()

    # ---------------------------------------------------------------- building
    def _action(
        self,
        icon_name: str | None,
        text: str,
        slot: Callable[[], object],
        shortcut: QKeySequence | QKeySequence.StandardKey | str | list[QKeySequence] | None = None,
        tip: str = "",
    ) -> QAction:
        act = QAction(icon(icon_name) if icon_name else QIcon(), text, self)
        if isinstance(shortcut, list):
            act.setShortcuts(shortcut)
        elif shortcut is not None:
            act.setShortcut(QKeySequence(shortcut))
        if tip:
            act.setStatusTip(tip)
            act.setToolTip(tip)
        act.triggered.connect(lambda _checked=False: slot())
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
        self.act_transfer = self._action(
            "export",
            self.tr("&Transfer (unbind)..."),
            self.transfer_current,
            None,
            self.tr("Unbind the license from its device; its code then activates it elsewhere"),
        )
        self.act_show_base = self._action(
            "bases",
            self.tr("Show its &base"),
            self.show_base_of_current,
            None,
            self.tr("Open the base this license's device works with"),
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
        self.act_restore = self._action(
            None,
            self.tr("&Restore from backup..."),
            self.restore_backup,
            None,
            self.tr("Replace the database with one of its backups"),
        )
        self.act_settings = self._action(
            "settings",
            self.tr("&Settings..."),
            self.open_settings,
            standard_keys(QKeySequence.StandardKey.Preferences, "Ctrl+,"),
            self.tr("Warning threshold, stages, language"),
        )
        self.act_refresh = self._action(
            "refresh",
            self.tr("R&efresh"),
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
            "quit",
            self.tr("&Quit"),
            self.close,
            standard_keys(QKeySequence.StandardKey.Quit, "Ctrl+Q"),
        )
        self.act_about = self._action("info", self.tr("&About License Desk"), self.about)
        for act in (
            self.act_activate,
            self.act_renew,
            self.act_copy_code,
            self.act_history,
            self.act_transfer,
            self.act_show_base,
            self.act_export,
            self.act_import,
            self.act_restore,
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
        m.addAction(self.act_restore)
        m.addSeparator()
        m.addAction(self.act_quit)
        m = bar.addMenu(self.tr("&Licenses"))
        for act in (self.act_activate, self.act_renew, self.act_copy_code, self.act_history):
            m.addAction(act)
        m.addSeparator()
        self.sort_menu = m.addMenu(self.tr("&Sort by"))
        self._build_sort_menu(self.sort_menu)
        m.addAction(self.act_find)
        m.addAction(self.act_warnings)
        m.addAction(self.act_refresh)
        self.licenses_menu = m
        # The table's context menu: built once (a menu per right-click would pile up).
        self.context_menu = QMenu(self)
        for act in (self.act_renew, self.act_activate, self.act_copy_code, self.act_history):
            self.context_menu.addAction(act)
        self.context_menu.addSeparator()
        self.context_menu.addAction(self.act_transfer)
        self.context_menu.addAction(self.act_show_base)
        m = bar.addMenu(self.tr("&Tools"))
        m.addAction(self.act_settings)
        m = bar.addMenu(self.tr("&Help"))
        m.addAction(self.act_about)

    def _build_sort_menu(self, menu: QMenu) -> None:
        """Sorting from the keyboard (Alt+L, S): one entry per column, then the order."""
        self.sort_group = QActionGroup(self)
        self.sort_group.setExclusive(True)
        self.sort_actions: dict[Col, QAction] = {}
        for column in COLUMNS:
            act = QAction(column.header(), self)
            act.setCheckable(True)
            act.setEnabled(False)
            act.triggered.connect(lambda _c=False, col=column.col: self.sort_by(col))
            self.sort_group.addAction(act)
            menu.addAction(act)
            self.sort_actions[column.col] = act
        menu.addSeparator()
        self.act_descending = QAction(self.tr("&Descending"), self)
        self.act_descending.setCheckable(True)
        self.act_descending.setEnabled(False)
        self.act_descending.setShortcut(QKeySequence("Ctrl+Shift+D"))
        self.act_descending.triggered.connect(lambda checked: self.sort_by(None, checked))
        menu.addAction(self.act_descending)

    def sort_by(self, col: Col | None, descending: bool | None = None) -> None:
        """Sort the table by a column (None: the current one), as a header click does."""
        if self.model is None:
            return
        q = self.model.query
        current = COLUMN_OF_SORT.get(q.sort, Col.END)
        order = q.descending if descending is None else descending
        self.table.sortByColumn(
            current if col is None else col,
            Qt.SortOrder.DescendingOrder if order else Qt.SortOrder.AscendingOrder,
        )

    def _build_toolbar(self) -> None:
        tb = QToolBar(self.tr("Main toolbar"), self)
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
        # Layouts join their parent before their widgets: PySide6 6.12 leaves a widget
        # added to a parentless layout owned by Python as well as by Qt (a double
        # delete at quit); tests/ui/test_quit.py checks that no widget is owned twice.
        central = QWidget(self)
        self.setCentralWidget(central)
        outer = QVBoxLayout(central)
        outer.setContentsMargins(6, 6, 6, 0)
        self.notices: list[Notice] = [Notice(central), Notice(central)]
        for notice in self.notices:
            outer.addWidget(notice)
        self.banner = Banner(central)
        self.banner.show_ended.connect(lambda: self.set_quick_filter(LicenseStatus.EXPIRED))
        outer.addWidget(self.banner)
        self.tabs = QTabWidget(central)
        outer.addWidget(self.tabs, 1)

        page = QWidget(self.tabs)
        self.tabs.addTab(page, icon("licenses"), self.tr("Licen&ses"))
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 6, 0, 0)
        bar = QHBoxLayout()
        layout.addLayout(bar)
        self.filter_group = QButtonGroup(self)
        self.filter_group.setExclusive(True)
        self.filter_buttons: dict[LicenseStatus | None, QPushButton] = {}
        for i, status in enumerate(QUICK_FILTERS):
            button = QPushButton(page)
            button.setCheckable(True)
            button.setIcon(icon("filter-all" if status is None else f"status-{status.value}"))
            self.filter_group.addButton(button, i)
            self.filter_buttons[status] = button
            bar.addWidget(button)
        self.filter_buttons[None].setChecked(True)
        self.filter_group.idClicked.connect(lambda _i: self._apply_filters())
        bar.addSpacing(12)
        self.search = QLineEdit(page)
        self.search.setPlaceholderText(
            self.tr("Search product, device code, device or store (Ctrl+F)")
        )
        self.search.setClearButtonEnabled(True)
        self.search.addAction(icon("search"), QLineEdit.ActionPosition.LeadingPosition)
        self.search.textChanged.connect(lambda _t: self._search_timer.start())
        self.search.returnPressed.connect(self._apply_filters)
        clear = QAction(self.search)
        clear.setShortcut(QKeySequence(Qt.Key.Key_Escape))
        clear.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        clear.triggered.connect(self.clear_search)
        self.search.addAction(clear)
        bar.addWidget(self.search, 1)
        self.store_label = QLabel(self.tr("Stor&e:"), page)
        self.store_combo = QComboBox(page)
        self.store_combo.setMinimumWidth(180)
        self.store_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.store_combo.setMinimumContentsLength(18)
        self.store_label.setBuddy(self.store_combo)
        self.store_combo.currentIndexChanged.connect(lambda _i: self._apply_filters())
        bar.addWidget(self.store_label)
        bar.addWidget(self.store_combo)

        self.splitter = QSplitter(Qt.Orientation.Horizontal, page)
        layout.addWidget(self.splitter, 1)
        self.table = QTableView(self.splitter)
        self.table.setObjectName("licenseTable")
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setSortingEnabled(True)
        self.table.setAlternatingRowColors(False)
        self.table.setWordWrap(False)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
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
        hh.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.table.doubleClicked.connect(lambda _i: self.show_history())
        self.splitter.addWidget(self.table)
        self.table_hint = EmptyHint(self.table, self._empty_text)
        self.details = LicenseDetails(self.splitter)
        self.splitter.addWidget(self.details)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setCollapsible(0, False)
        self._set_quick_filter_texts({})

    def _restore_geometry(self) -> None:
        s = QSettings()
        geometry = s.value("main/geometry")
        restored = geometry is not None and self.restoreGeometry(geometry)
        self.fit_to_screen(default=not restored)
        state = s.value("main/splitter")
        if state is None or not self.splitter.restoreState(state):
            width = self.width()
            details = max(260, min(340, width // 4))
            self.splitter.setSizes([width - details, details])

    def fit_to_screen(self, *, default: bool) -> None:
        """Open inside the screen's available area (a 1280x720 or 1366x768 laptop
        included): the default size where it fits, else the whole area; a remembered
        geometry from a bigger screen shrinks and moves back inside."""
        screen = self.screen() or QGuiApplication.primaryScreen()
        if screen is None:
            if default:
                self.resize(DEFAULT_SIZE)
            return
        area = screen.availableGeometry()
        if default:
            # most of a big screen; all of a small one (1280x720, 1366x768)
            wanted = QSize(
                max(DEFAULT_SIZE.width(), area.width() * 4 // 5),
                max(DEFAULT_SIZE.height(), area.height() * 17 // 20),
            )
            self.resize(wanted.boundedTo(area.size()))
            self.move(area.center() - self.rect().center())
            return
        geometry = self.geometry()
        width = min(geometry.width(), area.width())
        height = min(geometry.height(), area.height())
        x = min(max(geometry.x(), area.left()), area.right() - width + 1)
        y = min(max(geometry.y(), area.top()), area.bottom() - height + 1)
        if QRect(x, y, width, height) != geometry:
            self.setGeometry(x, y, width, height)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        s = QSettings()
        s.setValue("main/geometry", self.saveGeometry())
        s.setValue("main/splitter", self.splitter.saveState())
        s.setValue("main/columns", self.table.horizontalHeader().saveState())
        if self._unsubscribe is not None:
            self._unsubscribe()
            self._unsubscribe = None
        super().closeEvent(event)

    def set_busy(self, text: str) -> None:
        self.status_label.setText(text)

    # ---------------------------------------------------------------- attach
    def attach(self, app: AppContext, query: LicenseQuery) -> None:
        """Show the data of an opened store (called once the window is on screen)."""
        if self._unsubscribe is not None:
            self._unsubscribe()
        self.app = app
        self._started = False
        self.setWindowTitle(window_title(app.db_label, app.is_demo))
        self.db_label.setText(
            (self.tr("Demo database") if app.is_demo else self.tr("Database")) + ": " + app.db_label
        )
        # The write path's one signal, whichever thread, dialog or view wrote.
        bridge = changes(app)
        bridge.changed.connect(self._on_data_changed)

        def unsubscribe() -> None:
            bridge.changed.disconnect(self._on_data_changed)

        self._unsubscribe = unsubscribe
        if self._unwatch_busy is not None:
            self._unwatch_busy()
        self._unwatch_busy = watch_busy(self, app.db)  # "waiting for another program"
        self._show_notices(app)
        old = self.model
        self.model = LicenseTableModel(app, query, self)
        self.model.reloaded.connect(self._after_reload)
        self.model.read_failed.connect(self._read_failed)
        self.table.setModel(self.model)
        if old is not None:
            old.deleteLater()
        self.table.horizontalHeader().setSortIndicator(Col.END, Qt.SortOrder.AscendingOrder)
        self._size_columns()
        selection = self.table.selectionModel()
        selection.currentRowChanged.connect(self._current_changed)
        selection.selectionChanged.connect(lambda *_: self._update_actions())
        self._after_reload()
        self.table.setFocus()

    def _show_notices(self, app: AppContext) -> None:
        """Say, and keep saying, when nothing may be written or the clock was set back."""
        from desktop.domain.errors import DomainError
        from desktop.ui.errors import message

        for notice in self.notices:
            notice.hide()
        reason = app.db.read_only_reason()
        if reason is not None:
            self.notices[0].say(message(reason), "info")
        check = app.clock_check
        if check is not None and check.set_back and check.high_water is not None:
            self.notices[1].say(
                message(
                    DomainError(
                        "clock_set_back",
                        seen=fmt.date_text(check.high_water.date()),
                        day=fmt.date_text(app.clock.today()),
                    )
                ),
                "warning",
            )

    def _on_data_changed(self) -> None:
        self._data_version += 1
        self.data_changed.emit()
        self.refresh(bump=False)

    def when_rows_painted(self, callback: Callable[[], None]) -> None:
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
        assert self.app is not None
        self._load_stores()
        for act in (self.act_refresh, self.act_warnings):
            act.setEnabled(True)
        # Writing actions only where something may be written (not a what-if view).
        for act in (self.act_import, self.act_settings, self.act_activate, self.act_restore):
            act.setEnabled(self.app.writable)
        self._build_tabs(self.app)
        self._started = True
        self._after_reload()
        # the first row's details showed without history until now
        self._show_details(self._details_row)

    def _build_tabs(self, app: AppContext) -> None:
        from desktop.ui.bases_view import BasesView
        from desktop.ui.forecast_view import ForecastView
        from desktop.ui.orders_view import OrdersView

        while self.tabs.count() > 1:
            widget = self.tabs.widget(1)
            self.tabs.removeTab(1)
            if widget is not None:
                widget.deleteLater()
        self.orders_view = OrdersView(app, self)
        self.forecast_view = ForecastView(app, self)
        self.bases_view = BasesView(app, self)
        self.tabs.addTab(self.orders_view, icon("orders"), self.tr("&Orders"))
        self.tabs.addTab(self.forecast_view, icon("forecast"), self.tr("Fore&cast"))
        self.tabs.addTab(self.bases_view, icon("bases"), self.tr("&Bases"))
        # Each view listens to the store's change signal itself (desktop.ui.changes).
        self.bases_view.show_licenses.connect(self.show_license_ids)
        self.bases_view.open_renewal.connect(self.open_renewal)
        self.bases_view.new_releases.connect(
            lambda items: self.statusBar().showMessage(
                self.tr("New releases are available: %1").replace(
                    "%1", ", ".join(str(i) for i in items)
                ),
                10000,
            )
        )

    def _size_columns(self) -> None:
        """The operator's own column layout if saved, else widths that show every
        header in full (Russian ones are long) and the data beneath it."""
        hh = self.table.horizontalHeader()
        state = QSettings().value("main/columns")
        if state is not None and hh.restoreState(state) and hh.count() == len(COLUMNS):
            return
        for col, width in enumerate(self.column_widths()):
            self.table.setColumnWidth(col, width)

    def column_widths(self, available: int | None = None) -> list[int]:
        """Every header in full; the subscription's end and the days left always on
        screen: product, device and store give up width (they elide) when the table is
        narrow (1280 px and a long Russian header)."""
        header = self.table.horizontalHeader()
        font = QFont(header.font())
        font.setBold(True)  # styles draw the sections of selected rows in bold
        metrics = QFontMetrics(font)
        # the sort indicator and the section's margins
        extra = 2 * header.style().pixelMetric(header.style().PixelMetric.PM_HeaderMargin) + 26
        widths = [
            max(column.width, metrics.horizontalAdvance(column.header()) + extra)
            for column in COLUMNS
        ]
        if available is None:
            scrollbar = self.table.verticalScrollBar().sizeHint().width()
            available = self.table.viewport().width() - scrollbar
        kept = sum(widths[c] for c in (Col.STATUS, Col.END, Col.DAYS_LEFT))
        room = available - kept
        wanted = sum(widths[c] for c in FLEXIBLE_COLUMNS)
        if available > 0 and room < wanted:
            scale = max(room, sum(FLEXIBLE_COLUMNS.values())) / wanted
            for col, least in FLEXIBLE_COLUMNS.items():
                widths[col] = max(least, int(widths[col] * scale))
        return widths

    def _load_stores(self) -> None:
        assert self.app is not None
        self._read(lambda db: catalog.stores(db), self._show_stores)

    def _show_stores(self, stores: list[tuple[int, str]]) -> None:
        data = self.store_combo.currentData()
        self.store_combo.blockSignals(True)
        self.store_combo.clear()
        self.store_combo.addItem(icon("store"), self.tr("All stores"), None)
        for store_id, name in stores:
            self.store_combo.addItem(icon("store"), name, store_id)
        self.store_combo.setCurrentIndex(max(0, self.store_combo.findData(data)))
        self.store_combo.blockSignals(False)

    def _read(self, work: Callable[[Any], T], done: Callable[[T], None]) -> None:
        """A read: at once from a local file, on a worker from a server."""
        assert self.app is not None
        db = self.app.db
        if not db.sync_reads:
            Op(self, lambda _p: work(db)).success(done).failure(self._read_failed).run()
            return
        try:
            result = work(db)
        except Exception as exc:  # a damaged or vanished store: say so, keep the window
            log.exception("reading the store failed")
            self._read_failed(exc)
            return
        done(result)

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

    def clear_search(self) -> None:
        """Esc in the search field: clear it and show every license of the quick filter."""
        if self.search.text():
            self.search.clear()
            self._apply_filters()
        else:
            self.back_to_table()

    def back_to_table(self) -> None:
        """After a dialog or a search, the keyboard goes back to the license table."""
        if self.tabs.currentIndex() == 0:
            self.table.setFocus()

    def _empty_text(self) -> str:
        """Why the table is empty, and what to do next."""
        if self.model is None:
            return self.tr("Opening the database...")
        q = self.model.query
        whole = self._counts.whole if self._counts is not None else None
        if whole is not None and sum(whole.values()) == 0:
            return self.tr(
                "There are no licenses yet. Activate a code (Licenses, Activate..., "
                "Ctrl+Shift+A) or import a License Desk export (File, Import data..., Ctrl+I)."
            )
        if q.search:
            return self.tr(
                "No license matches “%1”. Check the spelling, search for part of a "
                "product, device code, device or store, or press Esc to clear the search."
            ).replace("%1", q.search)
        if q.license_ids is not None:
            return self.tr("None of these licenses is left. Pick a quick filter to see all.")
        if q.status is not None or q.store_id is not None:
            return self.tr(
                "No license matches this filter. Choose All or All stores to see every license."
            )
        return self.tr("No licenses to show.")

    def _apply_filters(self) -> None:
        if self.model is None:
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
        col = COLUMN_OF_SORT.get(q.sort, Col.END)
        self.table.horizontalHeader().setSortIndicator(
            col, Qt.SortOrder.DescendingOrder if q.descending else Qt.SortOrder.AscendingOrder
        )
        self.sort_actions[col].setChecked(True)
        self.act_descending.setChecked(q.descending)

    def _after_reload(self) -> None:
        """After a new query, sort or refresh: counts, status bar, and the selection
        back on the license the details showed (else the first row)."""
        if self.model is None or self.app is None:
            return
        self._update_sort_indicator()
        self._restore_selection()
        if not self._started:
            return  # the counts follow right after the first paint (finish_attach)
        self.table_hint.refresh()
        q = self.model.query
        # The counts depend on the day, threshold, search and store only: a sort or a
        # quick-filter click reuses them (at a million rows they cost tens of ms).
        key = (q.today, q.threshold_days, q.search, q.store_id, self._data_version)
        if key != self._counts_key:
            self._counts_key = key
            whole_key = (q.today, q.threshold_days, self._data_version)
            whole = self._counts if whole_key == self._whole_key else None
            self._whole_key = whole_key
            self._read(lambda db: licenses.counts(db, q, whole), self._show_counts)
        elif self._counts is not None:
            self._show_counts(self._counts)

    def _show_counts(self, counts: Counts) -> None:
        if self.model is None:
            return
        self._counts = counts
        q = self.model.query
        self._set_quick_filter_texts(counts.shown)
        self.banner.set_count(counts.whole.get(LicenseStatus.EXPIRED, 0))
        expiring = counts.whole.get(LicenseStatus.EXPIRING, 0)
        within = self.tr("%n day(s)", "", q.threshold_days)
        text = self.tr("%n license(s) end within %1.", "", expiring).replace("%1", within)
        if counts.next_end is not None:
            days = (counts.next_end - q.today).days
            text += " " + (
                self.tr("The next one ends today (%1).")
                if days == 0
                else self.tr("The next one ends on %1 (in %n day(s)).", "", days)
            ).replace("%1", fmt.date_text(counts.next_end))
        text += "  " + self.tr("Shown: %n", "", self.model.rowCount())
        self.status_label.setText(text)
        self.table_hint.refresh()
        self._update_actions()

    def _read_failed(self, exc: object) -> None:
        from desktop.domain.errors import DomainError
        from desktop.ui.errors import message

        text = message(exc) if isinstance(exc, DomainError) else str(exc)
        self.status_label.setText(self.tr("Cannot read the licenses: %1").replace("%1", text))

    # ---------------------------------------------------------------- selection
    def selected_ids(self) -> list[int]:
        if self.model is None:
            return []
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        ids = [self.model.index(r, 0).data(IdRole) for r in rows]
        return [i for i in ids if i is not None]

    def current_row(self) -> LicenseRow | None:
        """The license the details show: every action acts on it."""
        return self._details_row

    def _restore_selection(self) -> None:
        """Select the license the details showed if it is still there, else row 0."""
        model = self.model
        if model is None:
            return
        keep = self._details_row.id if self._details_row is not None else None
        row = 0 if model.rowCount() else None
        if keep is not None and model.rowCount():
            model.row_data(0)  # the first page, where a kept row usually is
            found = model.row_of(keep)
            row = found if found is not None else 0
        if row is None:
            self._show_details(None)
            return
        self.table.selectionModel().setCurrentIndex(
            model.index(row, 0),
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        self.table.scrollTo(model.index(row, 0))
        shown = model.row_data(row)
        if self._details_row is not shown:  # the current row number did not change
            self._show_details(shown)

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        model = self.model
        row = model.row_data(current.row()) if model is not None and current.isValid() else None
        self._show_details(row)

    def _show_details(self, row: LicenseRow | None) -> None:
        self._details_row = row
        self._update_actions()
        if row is None or self.app is None:
            self.details.show_license(None, [])
            return
        if not self._started:
            self.details.show_license(row, [])  # the history follows after the first paint
            return
        license_id = row.id

        def show(events: list[EventRecord]) -> None:
            if self._details_row is not None and self._details_row.id == license_id:
                self.details.show_license(self._details_row, events)

        self._read(lambda db: licenses.history(db, license_id), show)

    def _update_actions(self) -> None:
        """The license actions act on the table's current row: they work only while the
        Licenses tab is shown (Ctrl+C on the Orders tab must not copy a device code)."""
        row = self.current_row() if self.tabs.currentIndex() == 0 else None
        started = self._started
        on_table = self.tabs.currentIndex() == 0 and self.model is not None
        self.act_copy_code.setEnabled(bool(row and row.device_code))
        self.act_history.setEnabled(row is not None)
        writable = self.app is not None and self.app.writable
        # a what-if view may quote (a read); the dialog itself refuses to order there
        self.act_renew.setEnabled(started and on_table and bool(self.selected_ids()))
        # a transfer needs a running subscription (the service refuses an ended one)
        self.act_transfer.setEnabled(
            started
            and writable
            and row is not None
            and bool(row.device_code)
            and row.status in (LicenseStatus.ACTIVE, LicenseStatus.EXPIRING)
        )
        self.act_show_base.setEnabled(started and row is not None)
        rows = self.model.rowCount() if self.model is not None else 0
        self.act_export.setEnabled(started and on_table and rows > 0)  # nothing to export
        for act in (*self.sort_actions.values(), self.act_descending):
            act.setEnabled(on_table)

    def _context_menu(self, pos: QPoint) -> None:
        index = self.table.indexAt(pos)
        if index.isValid() and not self.table.selectionModel().isRowSelected(index.row()):
            self.table.selectionModel().setCurrentIndex(
                index,
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows,
            )
        self.context_menu.popup(self.table.viewport().mapToGlobal(pos))

    # ---------------------------------------------------------------- actions
    def copy_device_code(self) -> None:
        row = self.current_row()
        if row and row.device_code:
            QGuiApplication.clipboard().setText(row.device_code)
            self.statusBar().showMessage(self.tr("Copied %1").replace("%1", row.device_code), 3000)

    def show_history(self) -> None:
        self.details.history.setFocus()

    def activate(self) -> None:
        if self.app is None:
            return
        from desktop.ui.activation_dialog import ActivationDialog

        row = self.current_row()
        dialog = ActivationDialog(self.app, self, device_code=row.device_code if row else None)
        run_modal(dialog)
        self.back_to_table()

    def renew_selected(self) -> None:
        self.open_renewal(self.selected_ids())

    def open_renewal(self, ids: list[int]) -> None:
        if self.app is None or not ids:
            return
        from desktop.ui.renewal_dialog import RenewalDialog

        run_modal(RenewalDialog(self.app, ids, self))
        self.back_to_table()

    def transfer_current(self) -> None:
        row = self.current_row()
        if self.app is None or row is None or row.device_code is None:
            return
        title = self.tr("Transfer license")
        device = f"{row.device_name} ({row.device_code})" if row.device_name else row.device_code
        asked = msgbox.ask(
            self,
            title,
            self.tr(
                "Unbind the %1 license from device %2? The device loses the license; the "
                "same activation code then activates it on the new device."
            )
            .replace("%1", row.product_name)
            .replace("%2", device),
            yes_text=self.tr("&Unbind"),
            no_text=self.tr("Cancel"),
        )
        self.back_to_table()
        if not asked:
            return
        app, license_id = self.app, row.id
        Op(
            self,
            lambda _p: activation.transfer(app.db, app.authority, license_id, app.clock.today()),
        ).titled(title).success(
            lambda old: self.statusBar().showMessage(
                self.tr("License unbound from %1.").replace("%1", old), 5000
            )
        ).run()

    def show_base_of_current(self) -> None:
        row = self.current_row()
        if row is None or self.app is None:
            return
        license_id = row.id

        def show(base_id: int | None) -> None:
            if base_id is None:
                self.statusBar().showMessage(
                    self.tr("This license's device works with no known base."), 5000
                )
                return
            if self.bases_view is not None:
                self.tabs.setCurrentWidget(self.bases_view)
                self.bases_view.select_base(base_id)

        self._read(lambda db: bases_service.base_of_license(db, license_id), show)

    def refresh(self, *, bump: bool = True) -> None:
        """Reload everything from the store (F5, or after any write)."""
        if self.model is None:
            return
        if bump:
            self._data_version += 1
        app, model = self.app, self.model
        assert app is not None

        def reload(threshold: int) -> None:
            model.set_query(replace(model.query, today=app.clock.today(), threshold_days=threshold))

        # The threshold is a business setting: another PC or a dialog may have changed it.
        self._read(lambda db: settings_service.load(db).expiring_days, reload)
        if self._started:
            self._load_stores()

    def select_license(self, license_id: int) -> bool:
        """Select a license if it is among the pages the table already holds."""
        if self.model is None:
            return False
        row = self.model.row_of(license_id)
        if row is None:
            return False
        self.table.selectRow(row)
        self.table.scrollTo(self.model.index(row, 0))
        return True

    def export_rows(self) -> None:
        if self.model is None or self.app is None:
            return
        path, selected = save_file_name(
            self,
            self.tr("Export shown rows"),
            self.tr("licenses") + ".xlsx",
            self.tr("Excel workbook (*.xlsx);;CSV (*.csv)"),
        )
        self.back_to_table()
        if not path:
            return
        target = Path(path)
        if not target.suffix:
            target = target.with_suffix(".csv" if "csv" in selected.lower() else ".xlsx")
        self.export_to(target)

    def export_to(self, target: Path) -> Op[int]:
        assert self.model is not None and self.app is not None
        from desktop.ui.export import export_rows

        app, query = self.app, self.model.query
        op: Op[int] = (
            Op(self, lambda p: export_rows(app.db, query, app.verifier, target, p))
            .titled(self.tr("Export"))
            .with_progress(self.tr("Exporting the shown rows..."), cancellable=True)
            .success(
                lambda count: self.statusBar().showMessage(
                    self.tr("Exported %n row(s) to %1", "", count).replace("%1", str(target)),
                    5000,
                )
            )
        )
        op.run()
        return op

    def import_dataset(self) -> None:
        if self.app is None:
            return
        path = open_file_name(
            self, self.tr("Import data"), self.tr("License Desk export (*.json *.csv)")
        )
        self.back_to_table()
        if path:
            self.import_path(Path(path))

    def import_path(self, path: Path) -> Op[LoadSummary]:
        assert self.app is not None
        db, today = self.app.db, self.app.clock.today()

        def imported(summary: LoadSummary) -> None:
            lines = [
                self.tr("Imported %1, %2 and %3.")
                .replace("%1", self.tr("%n license(s)", "", summary.licenses))
                .replace("%2", self.tr("%n device(s)", "", summary.devices))
                .replace("%3", self.tr("%n product(s)", "", summary.products))
            ]
            if summary.signed:
                lines.append(
                    self.tr("%n signed license(s) verify in this store.", "", summary.signed)
                )
            if summary.unsigned:
                lines.append(
                    self.tr(
                        "%n signed license(s) belong to another store and show as not"
                        " verified here.",
                        "",
                        summary.unsigned,
                    )
                )
            if summary.skipped_settings:
                lines.append(
                    self.tr("Not imported (this store's own): %1").replace(
                        "%1", ", ".join(summary.skipped_settings)
                    )
                )
            msgbox.info(self, self.tr("Import"), "\n".join(lines))
            self.back_to_table()

        def failed(exc: Exception) -> None:
            if isinstance(exc, Cancelled):
                self.statusBar().showMessage(self.tr("Import cancelled."), 5000)
            else:  # whatever the importer raised: a sentence, never a traceback
                msgbox.error(self, self.tr("Import"), describe(exc, path))

        op: Op[LoadSummary] = (
            Op(self, lambda p: setup.import_file(db, path, today, p))
            .titled(self.tr("Import"))
            .with_progress(self.tr("Importing %1...").replace("%1", path.name), cancellable=True)
            .success(imported)
            .failure(failed)
        )
        op.run()
        return op

    def restore_backup(self, path: Path | None = None) -> Op[Any] | None:
        """File → Restore from backup (desktop.ui.backup_ui)."""
        if self.app is None:
            return None
        from desktop.ui.backup_ui import restore_into

        return restore_into(self, self.app, self.reopen, path=path)

    def open_settings(self) -> None:
        if self.app is None:
            return

        app = self.app
        self._read(settings_service.load, lambda values: self._edit_settings(app, values))

    def _edit_settings(self, app: AppContext, values: settings_service.BusinessSettings) -> None:
        from desktop.ui.settings_dialog import SettingsDialog

        lang = str(QSettings().value(i18n.SETTINGS_KEY, "", type=str))
        dialog = SettingsDialog(values, lang, self)
        accepted = run_modal(dialog)
        self.back_to_table()
        if not accepted:
            return
        req = dialog.request()

        def saved(_values: settings_service.BusinessSettings) -> None:
            if req.language != lang:
                i18n.save_language(req.language)
                msgbox.info(
                    self,
                    self.tr("Settings"),
                    self.tr("The new language applies the next time License Desk starts."),
                )
            if self.model is not None:
                self.model.set_query(
                    replace(self.model.query, threshold_days=req.business.expiring_days)
                )

        Op(self, lambda _p: settings_service.save(app.db, req.business)).titled(
            self.tr("Settings")
        ).success(saved).run()

    def about(self) -> None:
        import html

        text = (
            self.tr(
                "<b>%1 %2</b><p>Licenses, update subscriptions and renewals for Mobile SMARTS "
                "and enova365.</p>"
            )
            .replace("%1", APP_NAME)
            .replace("%2", __version__)
        )
        if self.app is not None:
            keys = self.app.trusted_keys
            sources = {
                "vendor": self.tr("vendor"),
                "machine": self.tr("installed on this PC"),
                "demo": self.tr("demo authority, demo data only"),
            }
            text += "<p><b>" + self.tr("License authorities this PC trusts") + "</b></p>"
            if keys.keys:
                text += (
                    "<table cellspacing='6'>"
                    + "".join(
                        f"<tr><td><tt>{html.escape(k.fingerprint)}</tt></td>"
                        f"<td>{html.escape(sources.get(k.source, k.source))}</td></tr>"
                        for k in sorted(keys.keys.values(), key=lambda k: (k.source, k.key_id))
                    )
                    + "</table>"
                )
            else:
                text += (
                    "<p>"
                    + self.tr(
                        "None: signed licenses cannot be verified here. An administrator installs "
                        "the authority's key file in %1."
                    ).replace("%1", html.escape(str(machine_keys_dir())))
                    + "</p>"
                )
            for problem in keys.problems:
                text += (
                    "<p>"
                    + self.tr("Ignored %1: %2")
                    .replace("%1", html.escape(problem.path))
                    .replace("%2", html.escape(problem.reason))
                    + "</p>"
                )
        msgbox.info(self, self.tr("About License Desk"), text)
        self.back_to_table()

    # ---------------------------------------------------------------- warnings
    def show_warnings(self, force: bool = False) -> None:
        """The staged start-up pop-up. ``force`` shows it even when nothing is new.

        The scan is counts in SQL on a worker (desktop.services.warnings): the window
        never waits on it, whatever the number of licenses."""
        if self.app is None:
            return
        app = self.app
        today = app.clock.today()

        def show(state: warning_service.WarningState) -> None:
            if state.total and (force or state.popup_due):
                self.present_warnings(state)
                self.back_to_table()
                return
            if force:
                self.statusBar().showMessage(
                    self.tr("No update subscription ends soon or has ended."), 5000
                )
            self.warnings_done.emit(None)

        Op(self, lambda _p: warning_service.collect(app.db, today)).success(show).run()

    def present_warnings(self, state: warning_service.WarningState) -> WarningChoice:
        assert self.app is not None
        app = self.app
        today = app.clock.today()
        dialog = WarningsDialog(state, app, self)
        dialog.exec()
        choice = dialog.choice
        scope, unchecked = dialog.list_scope(), dialog.unchecked_ids()
        dialog.deleteLater()

        def done() -> None:
            self.warnings_done.emit(choice)

        # a what-if view, a read-only file: nothing to remember the answer in
        writable = app.writable
        if choice is WarningChoice.SNOOZE and writable:
            Op(self, lambda _p: warning_service.snooze(app.db, today)).finally_(done).run()
            return choice
        if choice not in (WarningChoice.OPEN_IN_LIST, WarningChoice.RENEW):
            if not writable:
                done()
                return choice
            # One INSERT ... SELECT on a worker: closing is instant at any size.
            Op(self, lambda _p: warning_service.acknowledge(app.db, today)).finally_(done).run()
            return choice

        def ids_then_acknowledge(_p: object) -> list[int]:
            # The list's ids first: once acknowledged, nothing is pending any more.
            ids = warning_service.ids(app.db, scope, SHOW_IDS_LIMIT + 1)
            if writable:
                warning_service.acknowledge(app.db, today)
            return ids

        def show(ids: list[int]) -> None:
            more = len(ids) > SHOW_IDS_LIMIT
            picked = [i for i in ids[:SHOW_IDS_LIMIT] if i not in unchecked]
            self.show_license_ids(picked)
            if more:
                self.status_label.setText(
                    self.tr("Showing the first %1 licenses that need attention.").replace(
                        "%1", str(SHOW_IDS_LIMIT)
                    )
                )
            if choice is WarningChoice.RENEW:
                self.open_renewal(picked)

        Op(self, ids_then_acknowledge).success(show).finally_(done).run()
        return choice
