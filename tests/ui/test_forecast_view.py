"""The Forecast view: up to 60 months, a breakdown by store, one chart (one value axis)
per currency with round ticks, renewals counted, licenses left out named with a reason
(issue 11 item 3, issue 15 item 9)."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select

from desktop.services import renewals
from desktop.storage.schema import License, Product
from desktop.ui.forecast_view import ForecastView, axis_text, month_name, month_short, nice_step
from tests.conftest import TODAY


def shown(qtbot, ctx) -> ForecastView:  # noqa: ANN001
    v = ForecastView(ctx)
    qtbot.addWidget(v)
    with qtbot.waitSignal(v.reloaded, timeout=10_000):
        v.show()
    return v


def test_sixty_months_by_store(qtbot, demo_ctx) -> None:  # noqa: ANN001
    v = shown(qtbot, demo_ctx)
    with qtbot.waitSignal(v.reloaded, timeout=10_000):
        v.months.setValue(60)
    assert v.months.maximum() == 60 and v.table.rowCount() == 60
    f = renewals.forecast(demo_ctx.db, TODAY, 60)
    # every yearly renewal in the window: each bound license renews about five times
    assert sum(m.renewals for m in f.by_month()) >= 5 * 18 - 18
    v.breakdown.setCurrentIndex(v.breakdown.findData("store"))
    rows = f.by_store()
    assert v.table.rowCount() == len(rows)
    heads = [v.table.horizontalHeaderItem(c).text() for c in range(v.table.columnCount())]
    assert heads[:3] == ["Month", "Store", "Renewals"]
    stores = {v.table.item(r, 1).text() for r in range(v.table.rowCount())}
    assert "Склад Южный" in stores
    assert sum(int(v.table.item(r, 2).text()) for r in range(v.table.rowCount())) == sum(
        r.renewals for r in rows
    )


def test_one_chart_per_currency_with_round_ticks(qtbot, demo_ctx) -> None:  # noqa: ANN001
    v = shown(qtbot, demo_ctx)
    assert sorted(v.charts) == ["PLN", "RUB"]
    for cur, chart in v.charts.items():
        axes = chart.axes()
        value_axis = next(a for a in axes if a.orientation().name == "Vertical")
        labels = value_axis.categoriesLabels()
        assert labels[0] == axis_text(0, cur) and len(labels) >= 2
        bounds = [value_axis.endValue(label) for label in labels]
        step = bounds[1] - bounds[0]
        assert all(abs((b - a) - step) < 1e-6 for a, b in zip(bounds, bounds[1:], strict=False))
        assert step == nice_step(step * (len(bounds) - 1))  # a round step: 1, 2, 2.5, 5 x 10^k
        assert str(int(step))[0] in "125"


def test_month_names_are_consistent() -> None:
    months = [dt.date(2026, m, 1) for m in range(1, 13)]
    shorts = [month_short(m) for m in months]
    assert shorts[0] == "Jan 26" and shorts[4] == "May 26" and shorts[8] == "Sep 26"
    assert {len(s) for s in shorts} == {6}
    assert month_name(dt.date(2026, 11, 1)) == "November 2026"
    assert nice_step(19_700) == 5000 and nice_step(4_300) == 1000 and nice_step(0) == 1


def test_left_out_licenses_are_named_with_the_reason(qtbot, demo_ctx, store) -> None:  # noqa: ANN001
    with store.uow(write=True) as uow:
        lic = uow.session.scalars(
            select(License)
            .join(Product)
            .where(Product.line == "enova365", Product.kind == "license")
        ).first()
        # an end no chain of yearly periods from the activation reaches: start unknown
        lic.subscription_end = lic.activated_on + dt.timedelta(days=200)
        uow.commit()
        lic_id = lic.id
    f = renewals.forecast(demo_ctx.db, TODAY, 12)
    assert [(x.license_id, x.code) for x in f.left_out] == [(lic_id, "period_start_unknown")]
    v = shown(qtbot, demo_ctx)
    assert not v.left_out.isHidden()
    assert f"license {lic_id}" in v.left_out.text()
    assert "1 license is left out" in v.left_out.text()
