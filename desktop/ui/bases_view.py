"""The base manager tab: installed bases, their state, and the demo-mode guard."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QPushButton,
    QSplitter,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.context import AppContext
from desktop.domain import bases as rules
from desktop.domain.demo import DemoReason
from desktop.domain.errors import DomainError
from desktop.services import bases as service
from desktop.services.ports import BaseDevice
from desktop.ui import formatting as fmt
from desktop.ui import msgbox
from desktop.ui.changes import changes
from desktop.ui.errors import describe, message
from desktop.ui.icons import icon
from desktop.ui.ops import Op, read
from desktop.ui.widgets import select_first

ID_ROLE = int(Qt.ItemDataRole.UserRole)
#: "While the app runs it checks the configured feed every 4 hours".
FEED_CHECK_INTERVAL_MS = 4 * 60 * 60 * 1000

STATE_ICON = {
    rules.BaseState.WORKING: "status-active",
    rules.BaseState.ENDING: "status-expiring",
    rules.BaseState.DEMO: "demo",
    rules.BaseState.NO_LICENSES: "status-free",
}


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
        self._stale = True
        layout = QVBoxLayout(self)
        bar = QHBoxLayout()
        self.load_button = QPushButton(icon("import"), self.tr("&Load releases..."))
        self.check_button = QPushButton(icon("refresh"), self.tr("&Check now"))
        self.install_button = QPushButton(icon("bases"), self.tr("Record &installed version..."))
        self.renew_button = QPushButton(icon("renew"), self.tr("&Renew these licenses..."))
        self.licenses_button = QPushButton(icon("licenses"), self.tr("Show &licenses"))
        for b in (
            self.load_button,
            self.check_button,
            self.install_button,
            self.licenses_button,
            self.renew_button,
        ):
            bar.addWidget(b)
        bar.addStretch(1)
        layout.addLayout(bar)
        self.load_button.clicked.connect(self.load_releases)
        self.check_button.clicked.connect(self.check_feed)
        self.install_button.clicked.connect(self.record_install)
        self.renew_button.clicked.connect(self.renew_affected)
        self.licenses_button.clicked.connect(self._show_licenses)

        split = QSplitter(Qt.Orientation.Vertical)
        self.tree = QTreeWidget()
        self.tree.setRootIsDecorated(False)
        self.tree.setHeaderLabels(
            [
                self.tr("Base"),
                self.tr("Product"),
                self.tr("Installed version"),
                self.tr("Platform"),
                self.tr("Internet exchange"),
                self.tr("Devices"),
                self.tr("State"),
            ]
        )
        header = self.tree.header()
        header.setStretchLastSection(True)
        for col, width in ((0, 200), (1, 250), (2, 170), (3, 80), (4, 120), (5, 70)):
            self.tree.setColumnWidth(col, width)
        self.tree.currentItemChanged.connect(lambda *_: self._show_details())
        split.addWidget(self.tree)

        details = QWidget()
        dl = QHBoxLayout(details)
        dl.setContentsMargins(0, 0, 0, 0)
        box = QGroupBox(self.tr("Devices"))
        bl = QVBoxLayout(box)
        self.devices = QTreeWidget()
        self.devices.setRootIsDecorated(False)
        self.devices.setHeaderLabels(
            [
                self.tr("Device"),
                self.tr("Code"),
                self.tr("Platform"),
                self.tr("Own notice"),
                self.tr("Client / server"),
            ]
        )
        self.devices.header().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        bl.addWidget(self.devices)
        dl.addWidget(box, 3)
        box = QGroupBox(self.tr("Updates and the demo-mode guard"))
        gl = QVBoxLayout(box)
        self.guard_text = QLabel()
        self.guard_text.setWordWrap(True)
        self.guard_text.setTextFormat(Qt.TextFormat.RichText)
        gl.addWidget(self.guard_text)
        self.guard = QTreeWidget()
        self.guard.setRootIsDecorated(False)
        self.guard.setHeaderLabels(
            [
                self.tr("Release"),
                self.tr("Date"),
                self.tr("Licenses into demo"),
                self.tr("Renewal cost"),
            ]
        )
        self.guard.header().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        gl.addWidget(self.guard)
        dl.addWidget(box, 2)
        split.addWidget(details)
        split.setSizes([260, 300])
        layout.addWidget(split, 1)

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
        self.tree.clear()
        for row in self.rows:
            i = row.info
            version = i.installed_version or "—"
            if row.installed_release_date:
                version += " (" + fmt.date_text(row.installed_release_date) + ")"
            item = QTreeWidgetItem(
                [
                    i.name,
                    i.product_name,
                    version,
                    i.platform_version or "—",
                    self.tr("yes") if i.internet_exchange else self.tr("no"),
                    str(row.device_count),
                    self.state_text(row),
                ]
            )
            item.setIcon(6, icon(STATE_ICON[row.status.state]))
            item.setToolTip(6, self.state_text(row))
            item.setData(0, ID_ROLE, i.id)
            self.tree.addTopLevelItem(item)
            if i.id == keep:
                self.tree.setCurrentItem(item)
        select_first(self.tree)
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
        item = self.tree.currentItem()
        if item is None:
            return None
        bid = item.data(0, ID_ROLE)
        return next((r for r in self.rows if r.info.id == bid), None)

    def select_base(self, base_id: int) -> None:
        if self._stale:
            self.reload()
        for i in range(self.tree.topLevelItemCount()):
            item = self.tree.topLevelItem(i)
            if item is not None and item.data(0, ID_ROLE) == base_id:
                self.tree.setCurrentItem(item)

    def _show_details(self) -> None:
        row = self.current()
        self.devices.clear()
        self.guard.clear()
        self.guard_text.setText("")
        self.renew_button.setEnabled(False)
        self.install_button.setEnabled(row is not None and self.app.writable)
        self.licenses_button.setEnabled(row is not None)
        if row is None:
            return
        db, base_id = self.app.db, row.info.id
        read(self, db, lambda: service.devices(db, base_id), lambda ds: self._show_devices(row, ds))
        self._show_guard(row)

    def _show_devices(self, row: service.BaseRow, devices: list[BaseDevice]) -> None:
        if self.current() is not row:
            return  # another base was picked meanwhile
        self.devices.clear()
        for d in devices:
            notice = rules.shows_own_notice(d.platform_version)
            compat = rules.compatibility(d.client_version, row.info.server_version)
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
            item = QTreeWidgetItem(
                [
                    d.name,
                    d.code,
                    d.platform_version or "—",
                    notice_text,
                    compat_text,
                ]
            )
            item.setToolTip(4, f"{d.client_version or '—'} / {row.info.server_version or '—'}")
            if compat is rules.Compatibility.CLIENT_OLDER:
                item.setIcon(4, icon("status-expired"))
            elif compat is rules.Compatibility.CLIENT_NEWER:
                item.setIcon(4, icon("status-expiring"))
            self.devices.addTopLevelItem(item)

    def _show_guard(self, row: service.BaseRow) -> None:
        upd = self.updates.get(row.info.id)
        if upd is None:
            return
        newest = upd.newest.version if upd.newest else "—"
        allowed = upd.newest_allowed.version if upd.newest_allowed else self.tr("none")
        self.guard_text.setText(
            self.tr(
                "Installed <b>%1</b>; newest release <b>%2</b>; newest without demo mode <b>%3</b>."
            )
            .replace("%1", upd.installed_version or "—")
            .replace("%2", newest)
            .replace("%3", allowed)
        )
        for n in upd.newer:
            cost = " + ".join(
                fmt.money_text(m.amount, c) for c, m in sorted(n.renewal_totals.items())
            )
            item = QTreeWidgetItem(
                [
                    n.version,
                    fmt.date_text(n.released_on),
                    ", ".join(f"#{i}" for i in n.license_ids)
                    if n.license_ids
                    else self.tr("none: safe to install"),
                    cost or "—",
                ]
            )
            item.setIcon(0, icon("status-expired" if n.license_ids else "status-active"))
            self.guard.addTopLevelItem(item)
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
                self.tr("No releases are known for this product; load a feed first."),
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

    def install(self, base_id: int, version: str, *, confirmed: bool = False) -> None:
        """Record the install; a demo-causing one asks first, naming what it costs."""
        app = self.app
        title = self.tr("Record installed version")

        def refused(exc: Exception) -> None:
            if (
                isinstance(exc, DomainError)
                and exc.code == "install_causes_demo"
                and not confirmed
                and msgbox.ask(
                    self,
                    self.tr("Demo mode ahead"),
                    message(exc),
                    yes_text=self.tr("&Install anyway"),
                    no_text=self.tr("Cancel"),
                )
            ):
                self.install(base_id, version, confirmed=True)
                return
            if not (isinstance(exc, DomainError) and exc.code == "install_causes_demo"):
                msgbox.error(
                    self, title, message(exc) if isinstance(exc, DomainError) else str(exc)
                )

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
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Load releases"), "", self.tr("Update feed (versions.xml *.zip)")
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

    def _load(
        self, work: Callable[[], service.FeedLoad], quiet: bool, path: Path | None = None
    ) -> None:
        title = self.tr("Load releases")

        def loaded(result: service.FeedLoad) -> None:
            if result.new_versions:
                self.new_releases.emit(list(result.new_versions))
            if not quiet:
                msgbox.info(
                    self,
                    title,
                    self.tr(
                        "%n new release(s) of %1 loaded. Nothing was installed.",
                        "",
                        len(result.new_versions),
                    ).replace("%1", result.product_sku),
                )

        def failed(exc: Exception) -> None:
            if not quiet:
                # whatever the feed loader raised: a sentence, never a traceback
                msgbox.error(self, title, describe(exc, path))

        Op(self, lambda _p: work()).titled(title).success(loaded).failure(failed).run()
