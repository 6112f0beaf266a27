"""Hook the feature dialogs and tabs (activation, renewals, orders, bases) onto the window."""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import QCoreApplication

from desktop.context import AppContext

log = logging.getLogger(__name__)


def install(ctx: AppContext, window: Any) -> None:
    _renewals(ctx, window)
    _activation(ctx, window)
    _bases(ctx, window)


def _renewals(ctx: AppContext, window: Any) -> None:
    from desktop.ui.renewal_dialog import RenewalDialog

    def open_renewal(ids: list[int], parent: Any = None) -> None:
        dialog = RenewalDialog(ctx, ids, parent or window)
        dialog.exec()
        window.refresh()

    ctx.extras["open_renewal"] = open_renewal
    from desktop.ui.forecast_view import ForecastView
    from desktop.ui.icons import icon
    from desktop.ui.orders_view import OrdersView

    window.tabs.addTab(
        OrdersView(ctx, window),
        icon("orders"),
        QCoreApplication.translate("MainWindow", "&Orders"),
    )

    window.tabs.addTab(
        ForecastView(ctx, window),
        icon("forecast"),
        QCoreApplication.translate("MainWindow", "&Forecast"),
    )


def _activation(ctx: AppContext, window: Any) -> None:
    from desktop.ui.activation_dialog import ActivationDialog

    def open_activation(parent: Any, device_code: str | None = None) -> bool:
        dialog = ActivationDialog(ctx, parent, device_code=device_code)
        dialog.exec()
        if dialog.result_info is not None:
            from desktop.app import install_activation_verifier

            install_activation_verifier(ctx)  # the store may have turned "signed"
        return dialog.result_info is not None

    ctx.extras["open_activation"] = open_activation

    def transfer(window: Any) -> None:
        from desktop.domain.errors import DomainError
        from desktop.services import activation
        from desktop.ui import msgbox
        from desktop.ui.errors import message

        row = window.current_row()
        if row is None or row.device_code is None:
            return
        if not msgbox.ask(
            window,
            QCoreApplication.translate("MainWindow", "Transfer license"),
            QCoreApplication.translate(
                "MainWindow",
                "Unbind license %1 from %2? The device loses the license; the same activation "
                "code then activates it on the new device.",
            )
            .replace("%1", str(row.id))
            .replace("%2", row.device_code),
        ):
            return
        try:
            with ctx.uow(write=True) as uow:
                activation.transfer(uow, ctx.extras["authority"], row.id, ctx.clock.today())
                uow.commit()
        except DomainError as err:
            msgbox.error(
                window, QCoreApplication.translate("MainWindow", "Transfer license"), message(err)
            )
            return
        window.refresh()

    def license_menu(menu: Any, window: Any) -> None:
        from desktop.ui.icons import icon

        act = menu.addAction(
            icon("export"), QCoreApplication.translate("MainWindow", "&Transfer (unbind)...")
        )
        row = window.current_row()
        act.setEnabled(bool(row and row.device_code))
        act.triggered.connect(lambda: transfer(window))

    ctx.extras["license_menu"] = license_menu


def _bases(ctx: AppContext, window: Any) -> None:
    from desktop.ui.bases_view import BasesView
    from desktop.ui.icons import icon

    view = BasesView(ctx, window)
    window.tabs.addTab(view, icon("bases"), QCoreApplication.translate("MainWindow", "&Bases"))

    def show_base(window: Any) -> None:
        row = window.current_row()
        if row is None:
            return
        with ctx.uow() as uow:
            base_id = uow.bases.base_of_license(row.id)
        if base_id is not None:
            window.tabs.setCurrentWidget(view)
            view.select_base(base_id)

    previous = ctx.extras.get("license_menu")

    def license_menu(menu: Any, window: Any) -> None:
        if previous:
            previous(menu, window)
        act = menu.addAction(
            icon("bases"), QCoreApplication.translate("MainWindow", "Show its &base")
        )
        act.triggered.connect(lambda: show_base(window))

    ctx.extras["license_menu"] = license_menu
    ctx.extras["show_base"] = show_base
    if hasattr(view, "show_licenses"):
        view.show_licenses.connect(window.show_license_ids)
    if hasattr(view, "new_releases"):
        view.new_releases.connect(
            lambda items: window.statusBar().showMessage(
                QCoreApplication.translate("MainWindow", "New releases are available: %1").replace(
                    "%1", ", ".join(str(i) for i in items)
                ),
                10000,
            )
        )
