"""The activation dialog, driven by typing: validation, refusals, success, the wait."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from desktop.authority.keys import TrustStore
from desktop.services import activation, setup
from desktop.storage.secrets import MemorySecrets
from desktop.ui.activation_dialog import ActivationDialog
from tests.conftest import TODAY, make_ctx


@pytest.fixture
def actx(store, tmp_path: Path):  # noqa: ANN001, ANN201
    ctx = make_ctx(store)
    auth = activation.LocalAuthority(MemorySecrets(), TrustStore(tmp_path / "trust.json"))
    ctx.extras["authority"] = auth
    setup.init_demo(ctx.uow, TODAY)
    auth.init()
    return ctx


def issue(ctx, sku: str, kind: str) -> str:  # noqa: ANN001
    with ctx.uow(write=True) as uow:
        code = ctx.extras["authority"].issue(uow, sku, kind, 12, 1, TODAY)[0]
        uow.commit()
    return code


def dialog(qtbot, ctx, device: str | None = None) -> ActivationDialog:  # noqa: ANN001
    d = ActivationDialog(ctx, device_code=device)
    qtbot.addWidget(d)
    d.show()
    return d


def chm_device(ctx) -> str:  # noqa: ANN001
    with ctx.uow() as uow:
        return next(
            code for code, name in uow.activation.device_choices() if name == "ТСД Садовая-01"
        )


def test_ok_only_when_both_codes_are_well_formed(qtbot, actx) -> None:  # noqa: ANN001
    d = dialog(qtbot, actx)
    assert not d.activate_button.isEnabled()
    qtbot.keyClicks(d.device.lineEdit(), "CP30-12345")
    assert "looks like CP30" in d.device_hint.text()
    d.device.setCurrentText("")
    qtbot.keyClicks(d.device.lineEdit(), "cp30-1234567890123-1234567890123")
    assert d.device_hint.text() == "New device: it will be added."
    code = issue(actx, "MS-KIROVKA", "license")
    qtbot.keyClicks(d.code, code[:9].lower())
    assert d.code_hint.text() == "8 of 24 letters" and not d.activate_button.isEnabled()
    d.code.clear()
    typo = code[:2] + ("B" if code[2] != "B" else "C") + code[3:]
    qtbot.keyClicks(d.code, typo)
    assert d.code_hint.text() == "There is a typo in group 1."
    assert not d.activate_button.isEnabled()
    d.code.clear()
    qtbot.keyClicks(d.code, code.replace("-", " "))
    assert d.code_hint.text().startswith("Well formed") and d.activate_button.isEnabled()


def test_success_and_already_active(qtbot, actx) -> None:  # noqa: ANN001
    device = chm_device(actx)
    code = issue(actx, "MS-EGAIS-CHM", "renewal")
    d = dialog(qtbot, actx, device)
    qtbot.keyClicks(d.code, code)
    qtbot.keyClick(d.code, Qt.Key.Key_Return)
    assert d.result_info is not None and d.result_info.kind == "renewal"
    text = d.result_label.text()
    assert "Renewed" in text and "21/11/2027" in text and "4 days" in text
    qtbot.keyClicks(d.code, code)
    d.activate_button.click()
    assert "already active" in d.result_label.text()


@pytest.mark.parametrize("case", ["unknown", "used", "other_product", "no_license"])
def test_refusals_are_clear(qtbot, actx, case: str) -> None:  # noqa: ANN001
    device = chm_device(actx)
    if case == "unknown":
        code = "AAAAA-AAAA-AAAAA-AAAAA-AAAAA"
        expected = "unknown"
    elif case == "used":
        code = issue(actx, "MS-EGAIS-CHM", "renewal")
        with actx.uow(write=True) as uow:
            activation.activate(uow, actx.extras["authority"], device, code, TODAY)
            uow.commit()
        device = "CP30-9999999999999-9999999999999"
        expected = "already used on device"
    elif case == "other_product":
        code = issue(actx, "MS-KIROVKA", "renewal")
        expected = "This code is for MS-KIROVKA"
    else:
        code = issue(actx, "MS-EGAIS-CHM", "renewal")
        device = "CP30-8888888888888-8888888888888"
        expected = "has no license to renew"
    d = dialog(qtbot, actx, device)
    qtbot.keyClicks(d.code, code)
    d.activate_button.click()
    assert expected in d.result_label.text()
    assert d.result_info is None
    with actx.uow() as uow:
        assert any(e.kind == "refused" for e in _all_events(uow))


def _all_events(uow):  # noqa: ANN001, ANN202
    from sqlalchemy import select

    from desktop.storage.schema import Event

    return list(uow.session.scalars(select(Event)))


def test_five_wrong_codes_make_the_button_wait(qtbot, actx) -> None:  # noqa: ANN001
    d = dialog(qtbot, actx, chm_device(actx))
    for _ in range(5):
        d.code.setText("AAAAA-AAAA-AAAAA-AAAAA-AAAAA")
        d.activate_button.click()
    d.code.setText("AAAAA-AAAA-AAAAA-AAAAA-AAAAA")
    assert d.activate_button.text().startswith("Wait ")
    assert not d.activate_button.isEnabled()


def test_load_license_file_from_the_dialog(qtbot, actx, tmp_path: Path) -> None:  # noqa: ANN001
    import json

    code = issue(actx, "MS-KIROVKA", "license")
    with actx.uow(write=True) as uow:
        data = activation.export_license_file(
            uow, actx.extras["authority"], "CP30-5000000000005-5000000000005", code, TODAY
        )
        uow.commit()
    path = tmp_path / "k.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    d = dialog(qtbot, actx)
    d.load_path(str(tmp_path / "missing.json"))
    assert "not a License Desk license file" in d.result_label.text()
    d.load_path(str(path))
    assert d.result_info is not None and "Activated" in d.result_label.text()


def test_transfer_from_the_context_menu_hook(qtbot, actx, msgboxes) -> None:  # noqa: ANN001
    from PySide6.QtWidgets import QMenu

    from desktop.ui import features
    from desktop.ui.main_window import MainWindow

    w = MainWindow()
    qtbot.addWidget(w)
    features.install(actx, w)
    w.attach(actx)
    w.finish_attach()
    w.set_quick_filter(None)
    active = next(
        r
        for r in range(w.model.rowCount())
        if w.model.row_data(r).status.value in ("active", "expiring")
    )
    w.table.selectRow(active)
    lid = w.current_row().id
    menu = QMenu()
    actx.extras["license_menu"](menu, w)
    menu.actions()[0].trigger()
    assert msgboxes.questions and "Unbind license" in msgboxes.questions[-1][1]
    with actx.uow() as uow:
        rec = uow.licenses.get(lid)
    assert rec.device_code is None
