"""The staged start-up pop-up: once per stage per end date, snooze, once a day."""

from __future__ import annotations

import datetime as dt

import pytest

from desktop.domain.clock import FixedClock
from desktop.services import licenses
from desktop.services import warnings as ws
from desktop.ui.main_window import MainWindow
from desktop.ui.warnings_dialog import IdRole, WarningChoice, WarningsDialog
from tests.conftest import TODAY, as_db, make_ctx


class Seen:
    """What the pop-up showed (the dialog itself is deleted after its round)."""

    def __init__(self, d: WarningsDialog) -> None:
        m = d.list_model
        rows = range(m.rowCount())
        self.texts = [m.index(r, 4).data() for r in rows]
        self.ids = [m.index(r, 0).data(IdRole) for r in rows]
        self.count = m.rowCount()
        self.summary = d.summary_model


@pytest.fixture
def answer(monkeypatch):  # noqa: ANN001, ANN201
    """Answer the modal pop-up by clicking one of its buttons instead of blocking."""
    plan: dict = {"choice": WarningChoice.CLOSE, "before": None, "seen": []}

    def fake_exec(self: WarningsDialog) -> int:
        if plan["before"]:
            plan["before"](self)
        plan["seen"].append(Seen(self))
        button = {
            WarningChoice.SNOOZE: self.snooze_button,
            WarningChoice.OPEN_IN_LIST: self.open_button,
            WarningChoice.RENEW: self.renew_button,
        }.get(plan["choice"])
        if button is None:
            self.reject()
        else:
            button.click()
        return int(self.result())

    monkeypatch.setattr(WarningsDialog, "exec", fake_exec)
    return plan


def run_popup(qtbot, ctx, plan, choice: WarningChoice):  # noqa: ANN001, ANN201
    """Open the window on ctx, answer the pop-up with ``choice``; return (window, dialog seen,
    the choice), once its acknowledgement is stored."""
    w = MainWindow()
    qtbot.addWidget(w)
    w.attach(ctx, licenses.make_query(ctx.db, ctx.clock.today()))
    plan["choice"] = choice
    before = len(plan["seen"])
    with qtbot.waitSignal(w.warnings_done, timeout=5000) as sig:
        w.show_warnings()
    seen = plan["seen"][before:]
    return w, (seen[0] if seen else None), sig.args[0]


def at(store, day: dt.date):  # noqa: ANN001, ANN201
    return make_ctx(store, day)


def test_popup_lists_due_items_and_closing_acknowledges(qtbot, demo_ctx, store, answer) -> None:  # noqa: ANN001
    w, dialog, result = run_popup(qtbot, demo_ctx, answer, WarningChoice.CLOSE)
    assert dialog is not None and result is WarningChoice.CLOSE
    texts = dialog.texts
    assert "Ends today" in texts and "Ends in 12 days" in texts
    assert any(t.startswith("Ended") for t in texts)
    # same day again: nothing pops up
    _, again, result = run_popup(qtbot, at(store, TODAY), answer, WarningChoice.CLOSE)
    assert again is None and result is None


def test_next_day_only_new_stages_pop_up(qtbot, demo_ctx, store, answer) -> None:  # noqa: ANN001
    run_popup(qtbot, demo_ctx, answer, WarningChoice.CLOSE)
    # A day later no item reached a new stage except... check with the service itself.
    tomorrow = TODAY + dt.timedelta(days=1)
    state = ws.collect(as_db(store), tomorrow)
    pending_ids = {i.license.id for i in ws.stream(as_db(store), state.scope(pending_only=True))}
    _, dialog, _ = run_popup(qtbot, at(store, tomorrow), answer, WarningChoice.CLOSE)
    if pending_ids:
        assert dialog is not None
        shown = set(dialog.ids)
        assert shown == pending_ids
    else:
        assert dialog is None
    # Jump to a day when a 30-day item reaches its 14-day stage: it pops again.
    day = TODAY + dt.timedelta(days=16)  # 30 days left today -> 14 left
    _, dialog, _ = run_popup(qtbot, at(store, day), answer, WarningChoice.CLOSE)
    assert dialog is not None


def test_remind_me_tomorrow_survives_restart(qtbot, demo_ctx, store, answer) -> None:  # noqa: ANN001
    _, dialog, result = run_popup(qtbot, demo_ctx, answer, WarningChoice.SNOOZE)
    assert result is WarningChoice.SNOOZE
    assert ws.collect(as_db(store), TODAY).snoozed_until == TODAY + dt.timedelta(days=1)
    # "restart": a new window on the same database, same day -> no pop-up
    _, again, _ = run_popup(qtbot, at(store, TODAY), answer, WarningChoice.CLOSE)
    assert again is None
    # tomorrow it comes back with everything still pending (nothing was marked shown)
    _, back, _ = run_popup(
        qtbot, at(store, TODAY + dt.timedelta(days=1)), answer, WarningChoice.CLOSE
    )
    assert back is not None and back.count >= 7


def test_renewal_rearms_the_stages(qtbot, demo_ctx, store, answer) -> None:  # noqa: ANN001
    from sqlalchemy import select

    from desktop.storage.schema import License

    run_popup(qtbot, demo_ctx, answer, WarningChoice.CLOSE)
    with store.uow(write=True) as uow:
        lic = uow.session.scalars(select(License).where(License.subscription_end == TODAY)).one()
        lic.subscription_end = TODAY + dt.timedelta(days=10)  # renewed, but still within 14
        uow.commit()
        lic_id = lic.id
    day = TODAY + dt.timedelta(days=1)
    state = ws.collect(as_db(store), day)
    item = next(
        i for i in ws.stream(as_db(store), state.scope(pending_only=True)) if i.license.id == lic_id
    )
    assert item.stage == 14 and item.license.subscription_end == TODAY + dt.timedelta(days=10)


def test_open_in_list_filters_the_table(qtbot, demo_ctx, answer) -> None:  # noqa: ANN001
    w, dialog, result = run_popup(qtbot, demo_ctx, answer, WarningChoice.OPEN_IN_LIST)
    assert result is WarningChoice.OPEN_IN_LIST
    assert w.model.rowCount() == dialog.count


def test_renew_selected_opens_renewal_for_ticked(qtbot, demo_ctx, answer, monkeypatch) -> None:  # noqa: ANN001
    from PySide6.QtCore import Qt

    calls = []
    monkeypatch.setattr(MainWindow, "open_renewal", lambda self, ids: calls.append(ids))
    answer["before"] = lambda d: d.list_model.setData(
        d.list_model.index(0, 0), Qt.CheckState.Unchecked, Qt.ItemDataRole.CheckStateRole
    )
    w, dialog, result = run_popup(qtbot, demo_ctx, answer, WarningChoice.RENEW)
    assert result is WarningChoice.RENEW
    assert len(calls) == 1
    assert len(calls[0]) == dialog.count - 1
    assert w.model.rowCount() == len(calls[0])


@pytest.mark.parametrize(
    ("days_left", "expected"),
    [(31, None), (30, 30), (15, 30), (14, 14), (2, 14), (1, 1), (0, 1), (-1, -1)],
)
def test_stage_for(days_left: int, expected: int | None) -> None:
    from desktop.domain.warnings import stage_for

    assert stage_for(days_left, (30, 14, 1)) == expected


def test_cli_warnings_json_matches(demo_ctx, tmp_path) -> None:  # noqa: ANN001
    state = ws.collect(demo_ctx.db, TODAY)
    assert state.popup_due and state.ended_count == 3
    assert FixedClock(TODAY).today() == TODAY
