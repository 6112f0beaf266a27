"""Orders: from the renewal dialog to PDF, XLSX, text, and fulfilment by the local authority."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from desktop.services import licenses, renewals, setup
from desktop.services.ports import SortKey
from desktop.ui.orders_view import OrdersView
from desktop.ui.renewal_dialog import RenewalDialog
from tests.conftest import TODAY, make_ctx


@pytest.fixture
def octx(store, authority):  # noqa: ANN001, ANN201
    ctx = make_ctx(store, authority=authority)
    setup.init_demo(ctx.db, TODAY)
    setup.sign_demo(ctx.db, ctx.authority, ctx.trusted_keys)
    return ctx


def chm_ids(ctx) -> list[int]:  # noqa: ANN001
    rows = licenses.list_licenses(ctx.db, licenses.make_query(ctx.db, TODAY, sort=SortKey.ID))
    return [r.id for r in rows if r.product_sku == "MS-EGAIS-CHM" and r.device_code]


def test_order_from_dialog_exports_and_copies(qtbot, octx, tmp_path: Path) -> None:  # noqa: ANN001
    from openpyxl import load_workbook

    ids = chm_ids(octx)[:3]
    d = RenewalDialog(octx, ids)
    qtbot.addWidget(d)
    d.model.setData(d.model.index(2, 0), Qt.CheckState.Unchecked)
    d.create_order()
    qtbot.waitUntil(lambda: d.created_order is not None, timeout=5000)
    order_id = d.created_order
    assert not d.order_button.isEnabled()
    v = OrdersView(octx)
    qtbot.addWidget(v)
    v.show()
    assert v.current().id == order_id and len(v.current().lines) == 2
    assert v.current().status == "draft"
    v.copy_text()
    text = QApplication.clipboard().text()
    assert "SSY1-MS-EGAIS-CHM" in text and "Total: 7960.00 RUB" in text
    with qtbot.waitSignal(v.exported, timeout=5000):
        v.export_to(tmp_path / "o.xlsx", "xlsx")
    cells = [c for row in load_workbook(tmp_path / "o.xlsx").active.values for c in row]
    assert "SSY1-MS-EGAIS-CHM" in cells and 7960 in [
        float(c) for c in cells if isinstance(c, int | float)
    ]
    with qtbot.waitSignal(v.exported, timeout=5000):
        v.export_to(tmp_path / "o.pdf", "pdf")
    assert (tmp_path / "o.pdf").read_bytes()[:4] == b"%PDF"
    if shutil.which("pdftoppm"):
        subprocess.run(
            ["pdftoppm", "-png", "-r", "60", str(tmp_path / "o.pdf"), str(tmp_path / "page")],
            check=True,
        )
        assert list(tmp_path.glob("page*.png"))


def test_fulfil_asks_then_marks_every_line(qtbot, octx, msgboxes) -> None:  # noqa: ANN001
    ids = chm_ids(octx)[:2]
    order_id = renewals.create_order(octx.db, ids, TODAY)
    v = OrdersView(octx)
    qtbot.addWidget(v)
    v.show()
    assert v.fulfil_button.isEnabled()
    msgboxes.answer = False
    v.fulfil()
    assert "Fulfil order #" in msgboxes.questions[-1][1]
    assert renewals.order(octx.db, order_id).status == "draft"  # nothing without a yes
    msgboxes.answer = True
    v.fulfil()
    qtbot.waitUntil(lambda: bool(msgboxes.infos), timeout=5000)
    assert "issued 2 renewal codes" in msgboxes.infos[-1][1]
    order = renewals.order(octx.db, order_id)
    assert order.status == "fulfilled" and all(ln.fulfilled for ln in order.lines)


def test_fulfilment_is_every_line_or_none(octx) -> None:  # noqa: ANN001
    """A line whose license lost its device refuses the whole order: nothing is issued."""
    from desktop.domain.errors import DomainError

    ids = chm_ids(octx)[:2]
    order_id = renewals.create_order(octx.db, ids, TODAY)
    before = [licenses.get(octx.db, i, TODAY) for i in ids]
    with octx.db.uow(write=True) as uow:  # the second line's device goes away
        uow.activation.unbind(ids[1])
        uow.commit()
    with pytest.raises(DomainError) as err:
        renewals.fulfil_order(octx.db, octx.authority, octx.trusted_keys, order_id)
    assert err.value.code == "order_line_no_device"
    order = renewals.order(octx.db, order_id)
    assert order.status == "draft" and not any(ln.fulfilled for ln in order.lines)
    assert licenses.get(octx.db, ids[0], TODAY).subscription_end == before[0].subscription_end


def test_status_rules(octx) -> None:  # noqa: ANN001
    from desktop.domain.errors import DomainError

    ids = chm_ids(octx)[:1]
    oid = renewals.create_order(octx.db, ids, TODAY)
    renewals.set_order_status(octx.db, oid, "cancelled")
    with pytest.raises(DomainError) as err:
        renewals.set_order_status(octx.db, oid, "sent")
    assert err.value.code == "order_status"
