"""Orders: from the renewal dialog to PDF, XLSX, text, and fulfilment by the local authority."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from desktop.authority.keys import TrustStore
from desktop.services import activation, licenses, renewals, setup
from desktop.services.ports import SortKey
from desktop.storage.secrets import MemorySecrets
from desktop.ui.orders_view import OrdersView
from desktop.ui.renewal_dialog import RenewalDialog
from tests.conftest import TODAY, make_ctx


@pytest.fixture
def octx(store, tmp_path: Path):  # noqa: ANN001, ANN201
    ctx = make_ctx(store)
    ctx.extras["authority"] = activation.LocalAuthority(
        MemorySecrets(), TrustStore(tmp_path / "trust.json")
    )
    setup.init_demo(ctx.uow, TODAY)
    ctx.extras["authority"].init()
    return ctx


def chm_ids(ctx) -> list[int]:  # noqa: ANN001
    with ctx.uow() as uow:
        rows = licenses.list_licenses(uow, licenses.make_query(uow, TODAY, sort=SortKey.ID))
    return [r.id for r in rows if r.product_sku == "MS-EGAIS-CHM" and r.device_code]


def test_order_from_dialog_exports_and_copies(qtbot, octx, tmp_path: Path) -> None:  # noqa: ANN001
    from openpyxl import load_workbook

    ids = chm_ids(octx)[:3]
    d = RenewalDialog(octx, ids)
    qtbot.addWidget(d)
    d.tree.topLevelItem(2).setCheckState(0, Qt.CheckState.Unchecked)
    order_id = d.create_order()
    assert order_id is not None and not d.order_button.isEnabled()
    v = OrdersView(octx)
    qtbot.addWidget(v)
    assert v.current().id == order_id and len(v.current().lines) == 2
    assert v.current().status == "draft"
    v.copy_text()
    text = QApplication.clipboard().text()
    assert "SSY1-MS-EGAIS-CHM" in text and "Total: 7960.00 RUB" in text
    assert v.export_to(tmp_path / "o.xlsx", "xlsx")
    cells = [c for row in load_workbook(tmp_path / "o.xlsx").active.values for c in row]
    assert "SSY1-MS-EGAIS-CHM" in cells and 7960 in [
        float(c) for c in cells if isinstance(c, int | float)
    ]
    assert v.export_to(tmp_path / "o.pdf", "pdf")
    assert (tmp_path / "o.pdf").read_bytes()[:4] == b"%PDF"
    if shutil.which("pdftoppm"):
        subprocess.run(
            ["pdftoppm", "-png", "-r", "60", str(tmp_path / "o.pdf"), str(tmp_path / "page")],
            check=True,
        )
        assert list(tmp_path.glob("page*.png"))


def test_fulfil_with_local_authority_marks_lines(qtbot, octx, msgboxes) -> None:  # noqa: ANN001
    ids = chm_ids(octx)[:2]
    with octx.uow(write=True) as uow:
        order_id = renewals.create_order(uow, renewals.quote(uow, ids, TODAY), ids)
        uow.commit()
    v = OrdersView(octx)
    qtbot.addWidget(v)
    assert v.fulfil_button.isEnabled()
    v.fulfil()
    assert "issued 2 renewal codes" in msgboxes.infos[-1][1]
    order = next(o for o in v.orders if o.id == order_id)
    assert order.status == "fulfilled" and all(ln.fulfilled for ln in order.lines)
    assert not v.fulfil_button.isEnabled()


def test_status_rules(octx) -> None:  # noqa: ANN001
    from desktop.domain.errors import DomainError

    ids = chm_ids(octx)[:1]
    with octx.uow(write=True) as uow:
        oid = renewals.create_order(uow, renewals.quote(uow, ids, TODAY), ids)
        renewals.set_order_status(uow, oid, "cancelled")
        with pytest.raises(DomainError) as err:
            renewals.set_order_status(uow, oid, "sent")
        assert err.value.code == "order_status"
