"""The activation dialog, driven by typing: validation, refusals, success, the wait."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from desktop.services import activation, licenses
from desktop.ui.activation_dialog import ActivationDialog
from tests.conftest import TODAY
from tests.ui.conftest import RUNNING


def issue(ctx, sku: str, kind: str) -> str:  # noqa: ANN001
    return RUNNING[id(ctx)].service.issue(sku, kind)[0]


def dialog(qtbot, ctx, device: str | None = None) -> ActivationDialog:  # noqa: ANN001
    d = ActivationDialog(ctx, device_code=device)
    qtbot.addWidget(d)
    d.show()
    return d


def press(qtbot, d: ActivationDialog) -> None:  # noqa: ANN001
    """Click Activate and wait for the background activation to answer."""
    d.activate_button.click()
    wait(qtbot, d)


def wait(qtbot, d: ActivationDialog) -> None:  # noqa: ANN001
    qtbot.waitUntil(lambda: not d.busy and bool(d.result_label.text()), timeout=5000)


def chm_device(ctx) -> str:  # noqa: ANN001
    return next(
        code for code, name in activation.device_choices(ctx.db) if name == "ТСД Садовая-01"
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
    wait(qtbot, d)
    assert d.result_info is not None and d.result_info.kind == "renewal"
    text = d.result_label.text()
    assert "Renewed" in text and "21/11/2027" in text and "4 days" in text
    qtbot.keyClicks(d.code, code)
    assert d.result_label.text() == ""  # the old result went with the new input
    press(qtbot, d)
    assert "already active" in d.result_label.text()


def test_enter_after_tabbing_past_use_still_activates(qtbot, actx) -> None:  # noqa: ANN001
    """Only the dialog's main button is ever the default: Enter never presses Use."""
    device = chm_device(actx)
    d = dialog(qtbot, actx, device)
    qtbot.keyClicks(d.code, issue(actx, "MS-EGAIS-CHM", "renewal"))
    d.use_button.setFocus()
    qtbot.keyClick(d.use_button, Qt.Key.Key_Return)
    assert d.device.currentText() == device  # not replaced by this PC's code
    assert not d.use_button.autoDefault() and not d.copy_button.autoDefault()


def test_placeholder_code_is_one_the_app_accepts(qtbot, actx) -> None:  # noqa: ANN001
    from desktop.domain.codes import check_activation_code

    d = dialog(qtbot, actx)
    assert check_activation_code(d.code.placeholderText()).code is not None


@pytest.mark.parametrize("case", ["unknown", "used", "other_product", "no_license"])
def test_refusals_are_clear(qtbot, actx, case: str) -> None:  # noqa: ANN001
    device = chm_device(actx)
    if case == "unknown":
        code = "AAAAA-AAAA-AAAAA-AAAAA-AAAAA"
        expected = "unknown"
    elif case == "used":
        code = issue(actx, "MS-EGAIS-CHM", "renewal")
        activation.activate(actx.db, actx.authority, actx.trusted_keys, device, code)
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
    press(qtbot, d)
    assert expected in d.result_label.text()
    assert d.result_info is None
    assert "refused" in _event_kinds(actx)


def _event_kinds(ctx) -> list[str]:  # noqa: ANN001
    from sqlalchemy import select

    from desktop.storage.schema import Event

    with ctx.db.uow() as uow:
        return list(uow.session.scalars(select(Event.kind)))


def test_five_wrong_codes_make_the_button_wait(qtbot, actx) -> None:  # noqa: ANN001
    d = dialog(qtbot, actx, chm_device(actx))
    for _ in range(5):
        d.code.setText("AAAAA-AAAA-AAAAA-AAAAA-AAAAA")
        press(qtbot, d)
    d.code.setText("AAAAA-AAAA-AAAAA-AAAAA-AAAAA")
    qtbot.waitUntil(lambda: d.activate_button.text().startswith("Wait "), timeout=3000)
    assert not d.activate_button.isEnabled()


def test_load_license_file_from_the_dialog(qtbot, actx, tmp_path: Path) -> None:  # noqa: ANN001

    code = issue(actx, "MS-KIROVKA", "license")
    path = tmp_path / "k.json"
    signed = RUNNING[id(actx)].service.license_file(
        code, "CP30-5000000000005-5000000000005", activation.store_id(actx.db)
    )
    path.write_text(json.dumps(signed), encoding="utf-8")
    (tmp_path / "junk.json").write_text(json.dumps({"format": "other"}), encoding="utf-8")
    d = dialog(qtbot, actx)
    d.load_path(str(tmp_path / "missing.json"))
    wait(qtbot, d)
    assert "Cannot read" in d.result_label.text()
    d.result_label.clear()
    d.load_path(str(tmp_path / "junk.json"))
    wait(qtbot, d)
    assert "not a License Desk license file" in d.result_label.text()
    d.result_label.clear()
    d.load_path(str(path))
    wait(qtbot, d)
    assert d.result_info is not None and "Activated" in d.result_label.text()


def test_transfer_from_the_context_menu(qtbot, actx, msgboxes) -> None:  # noqa: ANN001
    from tests.ui.test_license_table import open_window

    w = open_window(qtbot, actx)
    w.set_quick_filter(None)
    active = next(
        r
        for r in range(w.model.rowCount())
        if w.model.row_data(r).status.value in ("active", "expiring")
    )
    w.table.selectRow(active)
    lid = w.current_row().id
    row = w.current_row()
    assert w.act_transfer.isEnabled()
    w.act_transfer.trigger()
    # the question names the product and the device, not row ids
    question = msgboxes.questions[-1][1]
    assert f"Unbind the {row.product_name} license from device {row.device_name}" in question
    qtbot.waitUntil(lambda: licenses.get(actx.db, lid, TODAY).device_code is None, timeout=5000)
    # the table follows by itself: one signal from the write path
    qtbot.waitUntil(lambda: w.current_row() is not None and w.current_row().device_code is None)
