"""The base manager tab: installed bases, their state, and the demo-mode guard."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
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
from desktop.domain.errors import DomainError
from desktop.services import bases as service
from desktop.services import settings as st
from desktop.ui import formatting as fmt
from desktop.ui import msgbox
from desktop.ui.errors import message
from desktop.ui.icons import icon

ID_ROLE = int(Qt.ItemDataRole.UserRole)
#: "While the app runs it checks the configured feed every 4 hours".
FEED_CHECK_INTERVAL_MS = 4 * 60 * 60 * 1000
FEED_SETTING = st.Setting("release_feed", "")

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

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.rows: list[service.BaseRow] = []
        self.updates: dict[int, service.BaseUpdates] = {}
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
        self.licenses_button.clicked.connect(
            lambda: self.current() and self.show_licenses.emit(list(self.current().license_ids))
        )

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
        self.timer.start()
        self.reload()

    # ------------------------------------------------------------ data
    def reload(self) -> None:
        today = self.ctx.clock.today()
        keep = self.current().info.id if self.current() else None
        with self.ctx.uow() as uow:
            self.rows = service.list_bases(uow, today)
            self.updates = {u.base_id: u for u in service.updates(uow, today)}
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
        if self.tree.currentItem() is None and self.tree.topLevelItemCount():
            self.tree.setCurrentItem(self.tree.topLevelItem(0))
        self._show_details()

    def state_text(self, row: service.BaseRow) -> str:
        s = row.status
        if s.state is rules.BaseState.DEMO:
            if s.reason is rules.DemoReason.STORE15_INTERNET_EXPIRED:
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
        for i in range(self.tree.topLevelItemCount()):
            if self.tree.topLevelItem(i).data(0, ID_ROLE) == base_id:
                self.tree.setCurrentItem(self.tree.topLevelItem(i))

    def _show_details(self) -> None:
        row = self.current()
        self.devices.clear()
        self.guard.clear()
        self.guard_text.setText("")
        self.renew_button.setEnabled(False)
        self.install_button.setEnabled(row is not None)
        self.licenses_button.setEnabled(row is not None)
        if row is None:
            return
        with self.ctx.uow() as uow:
            devices = uow.bases.devices(row.info.id)
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
        opener = self.ctx.extras.get("open_renewal")
        ids = self.affected_ids()
        if opener and ids:
            opener(ids, self)

    def record_install(self) -> None:
        row = self.current()
        if row is None:
            return
        with self.ctx.uow() as uow:
            versions = [
                r.version
                for r in sorted(
                    uow.bases.releases(row.info.product_sku),
                    key=lambda r: r.released_on,
                    reverse=True,
                )
            ]
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

    def install(self, base_id: int, version: str) -> bool:
        today = self.ctx.clock.today()
        confirmed = False
        while True:
            try:
                with self.ctx.uow(write=True) as uow:
                    service.record_install(uow, base_id, version, today, confirmed=confirmed)
                    uow.commit()
                break
            except DomainError as err:
                if err.code == "install_causes_demo" and not confirmed:
                    if not msgbox.ask(self, self.tr("Demo mode ahead"), message(err)):
                        return False
                    confirmed = True
                    continue
                msgbox.error(self, self.tr("Record installed version"), message(err))
                return False
        self.reload()
        return True

    def load_releases(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Load releases"), "", self.tr("Update feed (versions.xml *.zip)")
        )
        if path:
            p = Path(path)
            self.load_path(p.parent if p.name == "versions.xml" else p)

    def load_path(self, path: Path, *, quiet: bool = False) -> list[str]:
        try:
            with self.ctx.uow(write=True) as uow:
                before = {r.version for r in self._all_releases(uow)}
                sku, added = service.load_feed(uow, path)
                after = {r.version for r in self._all_releases(uow)}
                st.write(uow, FEED_SETTING, str(path))
                uow.commit()
        except DomainError as err:
            if not quiet:
                msgbox.error(self, self.tr("Load releases"), message(err))
            return []
        new = sorted(after - before)
        if new:
            self.new_releases.emit(new)
        if not quiet:
            msgbox.info(
                self,
                self.tr("Load releases"),
                self.tr(
                    "%n new release(s) of %1 loaded. Nothing was installed.", "", added
                ).replace("%1", sku),
            )
        self.reload()
        return new

    def _all_releases(self, uow: Any) -> list[rules.Release]:
        return [r for info in uow.bases.infos() for r in uow.bases.releases(info.product_sku)]

    def check_feed(self, quiet: bool = False) -> list[str]:
        with self.ctx.uow() as uow:
            path = st.read(uow, FEED_SETTING)
        if not path:
            if not quiet:
                msgbox.info(
                    self,
                    self.tr("Check now"),
                    self.tr("No feed is configured yet: use Load releases once."),
                )
            return []
        return self.load_path(Path(path), quiet=quiet)
