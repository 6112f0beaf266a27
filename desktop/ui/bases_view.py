"""The base manager tab: installed bases, their state, and the demo-mode guard.

Every list here is a model over the service's rows (desktop.ui.rows_model): a chain
with thousands of bases, or a base with hundreds of devices, is one model reset.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGroupBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QPushButton,
    QSplitter,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from desktop.context import AppContext
from desktop.domain import bases as rules
from desktop.domain.demo import DemoReason
from desktop.domain.errors import DomainError
from desktop.domain.status import LicenseStatus
from desktop.services import bases as service
from desktop.services.ports import BaseDevice
from desktop.ui import formatting as fmt
from desktop.ui import msgbox
from desktop.ui.changes import changes
from desktop.ui.errors import describe, message
from desktop.ui.icons import icon
from desktop.ui.license_model import STATUS_BACKGROUND, STATUS_FOREGROUND
from desktop.ui.ops import Op, read
from desktop.ui.rows_model import RowsModel, RowView
from desktop.ui.widgets import EmptyHint, fit_columns, open_file_name

#: "While the app runs it checks the configured feed every 4 hours".
FEED_CHECK_INTERVAL_MS = 4 * 60 * 60 * 1000

STATE_ICON = {
    rules.BaseState.WORKING: "status-active",
    rules.BaseState.ENDING: "status-expiring",
    rules.BaseState.DEMO: "demo",
    rules.BaseState.NO_LICENSES: "status-free",
}
#: A base in demo mode looks like an ended license; one whose subscription ends soon
#: like an expiring one.
STATE_COLOURS = {
    rules.BaseState.DEMO: LicenseStatus.EXPIRED,
    rules.BaseState.ENDING: LicenseStatus.EXPIRING,
}
STATUS_BACKGROUND_BRUSH = {k: QBrush(v) for k, v in STATUS_BACKGROUND.items()}
STATUS_FOREGROUND_BRUSH = {k: QBrush(v) for k, v in STATUS_FOREGROUND.items()}


def _tree(parent: QWidget) -> QTreeView:
    view = QTreeView(parent)
    view.setRootIsDecorated(False)
    view.setUniformRowHeights(True)
    view.setAlternatingRowColors(False)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setTextElideMode(Qt.TextElideMode.ElideRight)
    return view


class BasesView(QWidget):
    #: The license table should show exactly these licenses.
    show_licenses = Signal(list)
    #: New releases were found in the configured feed (versions, for the status bar).
    new_releases = Signal(list)
    #: The renewal dialog should quote these licenses.
    open_renewal = Signal(list)
    #: A reload finished (tests and the window wait on it).
    reloaded = Signal()

    def __init__(self, app: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.app = app
        changes(app).changed.connect(self.data_changed)
        self.rows: list[service.BaseRow] = []
        self.updates: dict[int, service.BaseUpdates] = {}
        self.device_rows: list[BaseDevice] = []
        self._devices_of: int | None = None  # the base whose devices are shown
        self._stale = True
        layout = QVBoxLayout(self)
        bar = QHBoxLayout()
        layout.addLayout(bar)  # before its widgets: then Qt alone owns them
        self.load_button = QPushButton(icon("import"), self.tr("Loa&d releases..."), self)
        self.check_button = QPushButton(icon("refresh"), self.tr("Check &now"), self)
        self.install_button = QPushButton(
            icon("bases"), self.tr("Record &installed version..."), self
        )
        self.renew_button = QPushButton(icon("renew"), self.tr("&Renew these licenses..."), self)
        self.licenses_button = QPushButton(icon("licenses"), self.tr("Show lic&enses"), self)
        for b in (
            self.load_button,
            self.check_button,
            self.install_button,
            self.licenses_button,
            self.renew_button,
        ):
            bar.addWidget(b)
        bar.addStretch(1)
        self.load_button.clicked.connect(self.load_releases)
        self.check_button.clicked.connect(lambda: self.check_feed())
        self.install_button.clicked.connect(self.record_install)
        self.renew_button.clicked.connect(self.renew_affected)
        self.licenses_button.clicked.connect(self._show_licenses)

        split = QSplitter(Qt.Orientation.Vertical, self)
        layout.addWidget(split, 1)
        self.model = RowsModel(
            [
                self.tr("Base"),
                self.tr("Product"),
                self.tr("Installed version"),
                self.tr("Platform"),
                self.tr("Internet exchange"),
                self.tr("Devices"),
                self.tr("State"),
            ],
            self._base_view,
            key=lambda r: r.info.id,
            parent=self,
        )
        self.tree = _tree(split)
        self.tree.setObjectName("basesView")
        self.tree.setModel(self.model)
        split.addWidget(self.tree)
        header = self.tree.header()
        header.setStretchLastSection(True)
        fit_columns(self.tree, {0: 190, 1: 150, 2: 150, 3: 75, 4: 120, 5: 70})
        self.tree.selectionModel().currentRowChanged.connect(lambda *_: self._show_details())
        self.bases_hint = EmptyHint(
            self.tree,
            lambda: self.tr(
                "No bases are recorded yet. Bases, their devices and licenses come with an "
                "import of a License Desk export (File, Import data...)."
            ),
        )

        details = QWidget(split)
        split.addWidget(details)
        dl = QHBoxLayout(details)
        dl.setContentsMargins(0, 0, 0, 0)
        box = QGroupBox(self.tr("Devices"), details)
        dl.addWidget(box, 3)
        bl = QVBoxLayout(box)
        self.devices_model = RowsModel(
            [
                self.tr("Device"),
                self.tr("Code"),
                self.tr("Platform"),
                self.tr("Own notice"),
                self.tr("Client / server"),
            ],
            self._device_view,
            key=lambda d: d.id,
            parent=self,
        )
        self.devices = _tree(box)
        self.devices.setModel(self.devices_model)
        bl.addWidget(self.devices)
        fit_columns(self.devices, {0: 160, 1: 250, 2: 70, 3: 110})
        self.devices_hint = EmptyHint(
            self.devices,
            lambda: (
                self.tr("Select a base to see its devices.")
                if self.current() is None
                else self.tr("No devices work with this base.")
            ),
        )
        box = QGroupBox(self.tr("Updates and the demo-mode guard"), details)
        dl.addWidget(box, 2)
        gl = QVBoxLayout(box)
        self.guard_text = QLabel(box)
        self.guard_text.setWordWrap(True)
        self.guard_text.setTextFormat(Qt.TextFormat.RichText)
        gl.addWidget(self.guard_text)
        self.guard_model = RowsModel(
            [
                self.tr("Release"),
                self.tr("Date"),
                self.tr("Devices into demo"),
                self.tr("Renewal cost"),
            ],
            self._release_view,
            key=lambda n: n.version,
            parent=self,
        )
        self.guard = _tree(box)
        self.guard.setModel(self.guard_model)
        fit_columns(self.guard, {0: 70, 1: 90, 2: 200})
        gl.addWidget(self.guard)
        self.guard_hint = EmptyHint(self.guard, self._guard_hint)
        split.setSizes([260, 300])

        self.timer = QTimer(self)
        self.timer.setInterval(FEED_CHECK_INTERVAL_MS)
        self.timer.timeout.connect(lambda: self.check_feed(quiet=True))
        if app.writable:
            self.timer.start()
        self.load_button.setEnabled(app.writable)
        self.check_button.setEnabled(app.writable)
        self._show_details()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802
        if self._stale:
            self.reload()
        super().showEvent(event)

    def data_changed(self) -> None:
        """The store changed: reload now if shown, else when next shown."""
        self._stale = True
        if self.isVisible():
            self.reload()

    def _show_licenses(self) -> None:
        row = self.current()
        if row is not None:
            self.show_licenses.emit(list(row.license_ids))

    # ------------------------------------------------------------ rows
    def _base_view(self, row: service.BaseRow) -> RowView:
        i = row.info
        version = i.installed_version or "—"
        if row.installed_release_date:
            version += " (" + fmt.date_text(row.installed_release_date) + ")"
        state = self.state_text(row)
        colours = STATE_COLOURS.get(row.status.state)
        return RowView(
            (
                i.name,
                i.product_name,
                version,
                i.platform_version or "—",
                self.tr("yes") if i.internet_exchange else self.tr("no"),
                str(row.device_count),
                state,
            ),
            icons={6: icon(STATE_ICON[row.status.state])},
            tooltips={0: i.name, 1: i.product_name, 6: state},
            background=STATUS_BACKGROUND_BRUSH.get(colours) if colours else None,
            foreground=STATUS_FOREGROUND_BRUSH.get(colours) if colours else None,
            right=frozenset({5}),
        )

    def _device_view(self, d: BaseDevice) -> RowView:
        row = self.current()
        server = row.info.server_version if row is not None else None
        notice = rules.shows_own_notice(d.platform_version)
        compat = rules.compatibility(d.client_version, server)
        compat_text = {
            rules.Compatibility.OK: self.tr("compatible"),
            rules.Compatibility.CLIENT_NEWER: self.tr("client newer: works, warns"),
            rules.Compatibility.CLIENT_OLDER: self.tr("client older: refuses to work"),
            rules.Compatibility.UNKNOWN: "—",
        }[compat]
        if d.kind != "terminal":
            notice_text = "—"  # workplace PCs have no device notice
        elif notice:
            notice_text = self.tr("yes")
        else:
            notice_text = self.tr("no (platform older than 3.2)")
        icons = {}
        if compat is rules.Compatibility.CLIENT_OLDER:
            icons[4] = icon("status-expired")
        elif compat is rules.Compatibility.CLIENT_NEWER:
            icons[4] = icon("status-expiring")
        return RowView(
            (d.name, d.code, d.platform_version or "—", notice_text, compat_text),
            icons=icons,
            tooltips={4: f"{d.client_version or '—'} / {server or '—'}", 0: d.name},
        )

    def _release_view(self, n: service.NewerReleaseCost) -> RowView:
        cost = " + ".join(fmt.money_text(m.amount, c) for c, m in sorted(n.renewal_totals.items()))
        names = self.device_names(n.license_ids)
        if n.license_ids:
            devices = self.tr("%n device(s): %1", "", len(names)).replace("%1", ", ".join(names))
        else:
            devices = self.tr("none: safe to install")
        return RowView(
            (n.version, fmt.date_text(n.released_on), devices, cost or "—"),
            icons={0: icon("status-expired" if n.license_ids else "status-active")},
            tooltips={2: devices},
            right=frozenset({3}),
        )

    def device_names(self, license_ids: tuple[int, ...] | list[int]) -> list[str]:
        """The devices (by name) that hold these licenses, as the operator knows them."""
        wanted = set(license_ids)
        names = [d.name for d in self.device_rows if wanted.intersection(d.license_ids)]
        return names or [self.tr("%n license(s)", "", len(wanted))]

    def _guard_hint(self) -> str:
        row = self.current()
        if row is None:
            return self.tr("Select a base to see which releases it may install.")
        upd = self.updates.get(row.info.id)
        if upd is None or upd.newest is None:
            return self.tr(
                "No releases of %1 are known yet. Load its update feed with "
                "\u201cLoad releases...\u201d; \u201cCheck now\u201d reads it again later."
            ).replace("%1", row.info.product_name)
        return self.tr("No release is newer than the installed one.")

    # ------------------------------------------------------------ data
    def reload(self) -> None:
        self._stale = False
        db, today = self.app.db, self.app.clock.today()
        verifier = self.app.verifier
        read(self, db, lambda: service.overview(db, today, verifier), self._show)

    def _show(self, overview: service.BasesOverview) -> None:
        current = self.current()
        keep = current.info.id if current is not None else None
        self.rows = overview.rows
        self.updates = overview.updates
        self.model.set_records(self.rows)
        index = self.model.index_of(keep) if keep is not None else QModelIndex()
        if not index.isValid() and self.rows:
            index = self.model.index(0, 0)
        if index.isValid():
            self.tree.setCurrentIndex(index)
        self.bases_hint.refresh()
        self._show_details()
        self.reloaded.emit()

    def state_text(self, row: service.BaseRow) -> str:
        s = row.status
        if s.state is rules.BaseState.DEMO:
            if s.reason is DemoReason.STORE15_INTERNET_EXPIRED:
                return self.tr(
                    "Demo: Магазин 15 with Internet exchange and an expired subscription"
                )
            return self.tr(
                "Demo: version %1 was released after the subscription of %n device(s) ended",
                "",
                len(s.demo_license_ids),
            ).replace("%1", row.info.installed_version or "?")
        if s.state is rules.BaseState.ENDING:
            if s.ending_days == 0:
                return self.tr("Working; a subscription ends today")
            return self.tr("Working; a subscription ends in %n day(s)", "", s.ending_days or 0)
        if s.state is rules.BaseState.NO_LICENSES:
            return self.tr("No licensed devices")
        return self.tr("Working")

    def current(self) -> service.BaseRow | None:
        row = self.model.record(self.tree.currentIndex())
        return row if isinstance(row, service.BaseRow) else None

    def select_base(self, base_id: int) -> None:
        if self._stale:
            self.reload()
        index = self.model.index_of(base_id)
        if index.isValid():
            self.tree.setCurrentIndex(index)
            self.tree.scrollTo(index)

    def _show_details(self) -> None:
        row = self.current()
        self.install_button.setEnabled(row is not None and self.app.writable)
        self.licenses_button.setEnabled(row is not None)
        if row is None:
            self._devices_of = None
            self.device_rows = []
            self.devices_model.set_records([])
            self.guard_model.set_records([])
            self.guard_text.setText("")
            self.renew_button.setEnabled(False)
            self.devices_hint.refresh()
            self.guard_hint.refresh()
            return
        db, base_id = self.app.db, row.info.id
        read(self, db, lambda: service.devices(db, base_id), lambda ds: self._show_devices(row, ds))

    def _show_devices(self, row: service.BaseRow, devices: list[BaseDevice]) -> None:
        if self.current() is not row:
            return  # another base was picked meanwhile
        self._devices_of = row.info.id
        self.device_rows = devices
        self.devices_model.set_records(devices)
        self.devices_hint.refresh()
        self._show_guard(row)

    def _show_guard(self, row: service.BaseRow) -> None:
        upd = self.updates.get(row.info.id)
        if upd is None:
            self.guard_text.setText("")
            self.guard_model.set_records([])
        else:
            newest = upd.newest.version if upd.newest else "—"
            allowed = upd.newest_allowed.version if upd.newest_allowed else self.tr("none")
            self.guard_text.setText(
                self.tr(
                    "Installed <b>%1</b>; newest release <b>%2</b>; "
                    "newest without demo mode <b>%3</b>."
                )
                .replace("%1", upd.installed_version or "—")
                .replace("%2", newest)
                .replace("%3", allowed)
            )
            self.guard_model.set_records(upd.newer)
        self.guard_hint.refresh()
        self.renew_button.setEnabled(bool(self.affected_ids()))

    def affected_ids(self) -> list[int]:
        """Licenses of this base that any newer release (or the installed one) puts in demo."""
        row = self.current()
        if row is None:
            return []
        ids = set(row.status.demo_license_ids)
        upd = self.updates.get(row.info.id)
        if upd is not None:
            for n in upd.newer:
                ids.update(n.license_ids)
        return sorted(ids)

    # ------------------------------------------------------------ actions
    def renew_affected(self) -> None:
        ids = self.affected_ids()
        if ids:
            self.open_renewal.emit(ids)

    def record_install(self) -> None:
        row = self.current()
        if row is None:
            return
        db, sku = self.app.db, row.info.product_sku
        read(self, db, lambda: service.release_versions(db, sku), lambda v: self._pick(row, v))

    def _pick(self, row: service.BaseRow, versions: list[str]) -> None:
        if not versions:
            msgbox.info(
                self,
                self.tr("Record installed version"),
                self.tr(
                    "No releases of %1 are known yet; load its update feed first "
                    "(Load releases...)."
                ).replace("%1", row.info.product_name),
            )
            return
        version, ok = QInputDialog.getItem(
            self,
            self.tr("Record installed version"),
            self.tr("Version installed on %1:").replace("%1", row.info.name),
            versions,
            0,
            False,
        )
        if ok:
            self.install(row.info.id, version)

    def demo_question(self, version: str, license_ids: list[int]) -> str:
        """The guard's question in the operator's words: which devices go into demo."""
        names = self.device_names(license_ids)
        return (
            self.tr(
                "Version %1 was released after the update subscription of %n device(s) "
                "ended: %2. Installed, it runs them in demo mode. Renew the subscriptions "
                "first, or install anyway.",
                "",
                len(names),
            )
            .replace("%1", version)
            .replace("%2", ", ".join(names))
        )

    def install(self, base_id: int, version: str, *, confirmed: bool = False) -> None:
        """Record the install; a demo-causing one asks first, naming what it costs."""
        app = self.app
        title = self.tr("Record installed version")

        def refused(exc: Exception) -> None:
            demo = isinstance(exc, DomainError) and exc.code == "install_causes_demo"
            if not demo:
                msgbox.error(
                    self, title, message(exc) if isinstance(exc, DomainError) else str(exc)
                )
                return
            assert isinstance(exc, DomainError)
            ids = [int(i) for i in str(exc.params.get("license_ids", "")).split(",") if i]
            if not confirmed and msgbox.ask(
                self,
                self.tr("Demo mode ahead"),
                self.demo_question(version, ids),
                yes_text=self.tr("&Install anyway"),
                no_text=self.tr("Cancel"),
            ):
                self.install(base_id, version, confirmed=True)

        Op(
            self,
            lambda _p: service.record_install(
                app.db,
                base_id,
                version,
                app.clock.today(),
                confirmed=confirmed,
                verifier=app.verifier,
            ),
        ).titled(title).failure(refused).run()

    def load_releases(self) -> None:
        path = open_file_name(
            self, self.tr("Load releases"), self.tr("Update feed (versions.xml *.zip)")
        )
        if path:
            p = Path(path)
            self.load_path(p.parent if p.name == "versions.xml" else p)

    def load_path(self, path: Path, *, quiet: bool = False) -> None:
        db = self.app.db
        self._load(lambda: service.load_feed(db, path), quiet, path)

    def check_feed(self, quiet: bool = False) -> None:
        db = self.app.db
        self._load(lambda: service.check_feed(db), quiet)

    def product_name(self, sku: str) -> str:
        return next((r.info.product_name for r in self.rows if r.info.product_sku == sku), sku)

    def _load(
        self, work: Callable[[], service.FeedLoad], quiet: bool, path: Path | None = None
    ) -> None:
        title = self.tr("Load releases")

        def loaded(result: service.FeedLoad) -> None:
            if result.new_versions:
                self.new_releases.emit(list(result.new_versions))
            if quiet:
                return
            product = self.product_name(result.product_sku)
            if result.new_versions:
                text = self.tr(
                    "%n new release(s) of %1 loaded: %2. Nothing was installed.",
                    "",
                    len(result.new_versions),
                ).replace("%2", ", ".join(result.new_versions))
            else:
                text = self.tr("The feed has no release of %1 that was not known already.")
            msgbox.info(self, title, text.replace("%1", product))

        def failed(exc: Exception) -> None:
            if not quiet:
                # whatever the feed loader raised: a sentence, never a traceback
                msgbox.error(self, title, describe(exc, path))

        Op(self, lambda _p: work()).titled(title).success(loaded).failure(failed).run()
