"""What renewals will cost per month if every license renews on time (Qt Charts).

The forecast (desktop.services.renewals.forecast) is computed on a worker: up to 60
months, every yearly renewal in the window, per month, store and currency. One chart
per currency (amounts in different currencies never share a value axis), its axis
ticks at round amounts labelled with the currency; months named the same way on the
chart and in the table. The table counts renewals (a license renewing twice in the
window counts twice) and can break each month down by store; licenses the forecast
cannot price are listed under it with the reason.
"""

from __future__ import annotations

import datetime as dt
import math
from decimal import Decimal

from PySide6.QtCharts import (
    QBarSeries,
    QBarSet,
    QCategoryAxis,
    QChart,
    QChartView,
)
from PySide6.QtCore import QLocale, Qt, Signal
from PySide6.QtGui import QPainter, QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.context import AppContext
from desktop.domain.errors import DomainError
from desktop.domain.forecast import MAX_FORECAST_MONTHS, Forecast
from desktop.domain.money import Money
from desktop.services import renewals
from desktop.ui import formatting as fmt
from desktop.ui.changes import changes
from desktop.ui.errors import message
from desktop.ui.icons import icon
from desktop.ui.ops import Op

#: How many left-out licenses are named under the table (the rest are counted).
LEFT_OUT_NAMED = 10
#: Up to this many months the chart names every month; beyond, every year.
MONTH_LABELS_UP_TO = 12
#: Value-axis ticks aimed at (the axis picks a round step near max / this).
TICKS = 5

_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


def month_name(day: dt.date, locale: QLocale | None = None) -> str:
    """ "November 2026": the month's own (stand-alone) name, the same on every row."""
    loc = locale or QLocale()
    name = loc.standaloneMonthName(day.month, QLocale.FormatType.LongFormat)
    return f"{name[:1].upper()}{name[1:]} {day.year}"


def month_short(day: dt.date, locale: QLocale | None = None) -> str:
    """ "Nov 26": three letters of the stand-alone name for every month (the locales'
    own abbreviations differ in length and dots: "май", "июнь", "сент.")."""
    loc = locale or QLocale()
    name = loc.standaloneMonthName(day.month, QLocale.FormatType.LongFormat)
    return f"{name[:1].upper()}{name[1:3]} {day.year % 100:02d}"


def nice_step(top: float, ticks: int = TICKS) -> float:
    """A round tick step (1, 2, 2.5 or 5 × 10^k) so that about ``ticks`` steps cover
    ``top``."""
    if top <= 0:
        return 1.0
    raw = top / ticks
    power = 10.0 ** math.floor(math.log10(raw))
    for m in (1.0, 2.0, 2.5, 5.0):
        if m * power >= raw:
            return m * power
    return 10.0 * power


def axis_text(value: float, currency: str, locale: QLocale | None = None) -> str:
    """A tick label: a whole amount with the currency ("20 000 ₽")."""
    loc = locale or QLocale()
    symbol = {"RUB": "₽", "PLN": "zł", "EUR": "€", "USD": "$"}.get(currency, currency)
    return loc.toCurrencyString(value, symbol, 0)


def month_axis(months: list[dt.date]) -> QCategoryAxis:
    """The bars' axis: up to a year, a three-letter label per month (the title says the
    years); beyond, one label per calendar year between lines at the year's turn. Labels
    never have to be cut short to fit."""
    axis = QCategoryAxis()
    axis.setLabelsPosition(QCategoryAxis.AxisLabelsPosition.AxisLabelsPositionCenter)
    axis.setRange(-0.5, len(months) - 0.5)
    axis.setStartValue(-0.5)
    if len(months) <= MONTH_LABELS_UP_TO:
        axis.setGridLineVisible(False)
        for i, m in enumerate(months):
            axis.append(month_short(m)[:3], i + 0.5)  # unique: at most twelve months
        return axis
    for i, m in enumerate(months):
        if i == len(months) - 1 or months[i + 1].year != m.year:
            axis.append(str(m.year), i + 0.5)
    return axis


class ForecastView(QWidget):
    #: A forecast was computed and shown (tests and the window wait on it).
    reloaded = Signal()

    def __init__(self, app: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.app = app
        changes(app).changed.connect(self.data_changed)
        layout = QVBoxLayout(self)
        bar = QHBoxLayout()
        label = QLabel(self.tr("&Months ahead:"))
        self.months = QSpinBox()
        self.months.setRange(1, MAX_FORECAST_MONTHS)
        self.months.setValue(12)
        label.setBuddy(self.months)
        bar.addWidget(label)
        bar.addWidget(self.months)
        by_label = QLabel(self.tr("Brea&kdown:"))
        self.breakdown = QComboBox()
        self.breakdown.addItem(self.tr("By month"), "month")
        self.breakdown.addItem(self.tr("By month and store"), "store")
        by_label.setBuddy(self.breakdown)
        bar.addWidget(by_label)
        bar.addWidget(self.breakdown)
        refresh = QPushButton(icon("refresh"), self.tr("&Recalculate"))
        refresh.clicked.connect(self.reload)
        bar.addWidget(refresh)
        self.summary = QLabel()
        bar.addWidget(self.summary, 1)
        layout.addLayout(bar)
        self.charts_box = QVBoxLayout()  # one above the other: each chart gets the width
        layout.addLayout(self.charts_box, 3)
        self.charts: dict[str, QChart] = {}
        self._chart_views: list[QChartView] = []
        self.table = QTableWidget()
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        layout.addWidget(self.table, 2)
        self.left_out = QLabel()
        self.left_out.setWordWrap(True)
        self.left_out.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.left_out.hide()
        layout.addWidget(self.left_out)
        self.months.valueChanged.connect(lambda _v: self.reload())
        self.breakdown.currentIndexChanged.connect(lambda _i: self._show_table())
        self.forecast: Forecast | None = None
        self._stale = True
        self._token = 0

    @property
    def by_store(self) -> bool:
        return bool(self.breakdown.currentData() == "store")

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802
        if self._stale:  # computed when shown, not at start-up
            self.reload()
        super().showEvent(event)

    def data_changed(self) -> None:
        self._stale = True
        if self.isVisible():
            self.reload()

    def reload(self) -> None:
        """Every license's renewals over the window: a job for a worker at chain size."""
        self._stale = False
        self._token += 1
        token, app, months = self._token, self.app, self.months.value()
        self.summary.setText(self.tr("Calculating..."))

        def shown(f: Forecast) -> None:
            if token == self._token:  # a newer request supersedes this answer
                self._show(f)

        Op(self, lambda _p: renewals.forecast(app.db, app.clock.today(), months)).success(
            shown
        ).failure(self._failed).run()

    def _failed(self, exc: Exception) -> None:
        self.summary.setText(message(exc) if isinstance(exc, DomainError) else str(exc))

    def _show(self, f: Forecast) -> None:
        self.forecast = f
        self._show_charts(f)
        self._show_table()
        totals = f.totals()
        self.summary.setText(
            self.tr("Total over %n month(s): %1", "", f.months).replace(
                "%1", _money_text(totals) or "—"
            )
        )
        self._show_left_out(f)
        self.reloaded.emit()

    def currencies(self) -> list[str]:
        return sorted({c.currency for c in self.forecast.cells}) if self.forecast else []

    def _show_charts(self, f: Forecast) -> None:
        for view in self._chart_views:
            self.charts_box.removeWidget(view)
            view.deleteLater()
        self._chart_views = []
        self.charts = {}
        months = f.by_month()
        for cur in self.currencies():
            chart = QChart()
            chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
            chart.legend().hide()
            chart.setTitle(
                self.tr("Renewals in %1, %2 to %3, if every license renews on time")
                .replace("%1", cur)
                .replace("%2", month_name(months[0].month))
                .replace("%3", month_name(months[-1].month))
            )
            series = QBarSeries()
            bars = QBarSet(cur)
            top = Decimal(0)
            for m in months:
                value = m.totals[cur].amount if cur in m.totals else Decimal(0)
                top = max(top, value)
                bars.append(float(value))  # drawing only; the table shows exact money
            series.append(bars)
            chart.addSeries(series)
            axis_x = month_axis([m.month for m in months])
            chart.addAxis(axis_x, Qt.AlignmentFlag.AlignBottom)
            series.attachAxis(axis_x)
            step = nice_step(float(top))
            ticks = max(1, math.ceil(float(top) / step)) if top else 1
            axis_y = QCategoryAxis()  # labels at round amounts, with the currency
            axis_y.setLabelsPosition(QCategoryAxis.AxisLabelsPosition.AxisLabelsPositionOnValue)
            axis_y.setRange(0, step * ticks)
            axis_y.setStartValue(0)
            for i in range(ticks + 1):
                axis_y.append(axis_text(step * i, cur), step * i)
            chart.addAxis(axis_y, Qt.AlignmentFlag.AlignLeft)
            series.attachAxis(axis_y)
            view = QChartView(chart)
            view.setRenderHint(QPainter.RenderHint.Antialiasing)
            view.setMinimumHeight(180)
            self.charts_box.addWidget(view, 1)
            self._chart_views.append(view)
            self.charts[cur] = chart

    def _show_table(self) -> None:
        f = self.forecast
        if f is None:
            return
        currencies = self.currencies()
        self.table.clear()
        if self.by_store:
            heads = [self.tr("Month"), self.tr("Store"), self.tr("Renewals"), *currencies]
            rows: list[tuple[str, str | None, int, dict[str, Money]]] = [
                (
                    month_name(r.month),
                    r.store or self.tr("(no store)"),
                    r.renewals,
                    r.totals,
                )
                for r in f.by_store()
            ]
        else:
            heads = [self.tr("Month"), self.tr("Renewals"), *currencies]
            rows = [(month_name(m.month), None, m.renewals, m.totals) for m in f.by_month()]
        self.table.setColumnCount(len(heads))
        self.table.setHorizontalHeaderLabels(heads)
        self.table.setRowCount(len(rows))
        for r, (month, store, count, totals) in enumerate(rows):
            cells = [month] + ([store] if self.by_store else [])
            for c, text in enumerate(cells):
                self.table.setItem(r, c, QTableWidgetItem(text or ""))
            first_num = len(cells)
            item = QTableWidgetItem(str(count))
            item.setTextAlignment(_RIGHT)
            self.table.setItem(r, first_num, item)
            for c, cur in enumerate(currencies):
                text = fmt.money_text(totals[cur].amount, cur) if cur in totals else "—"
                item = QTableWidgetItem(text)
                item.setTextAlignment(_RIGHT)
                self.table.setItem(r, first_num + 1 + c, item)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)

    def _show_left_out(self, f: Forecast) -> None:
        if not f.left_out:
            self.left_out.hide()
            return
        lines = [
            self.tr(
                "%n license(s) are left out of the forecast (they cannot be priced):",
                "",
                len(f.left_out),
            )
        ]
        for x in f.left_out[:LEFT_OUT_NAMED]:
            reason = message(DomainError(x.code, license_id=x.license_id))
            lines.append(f"• {reason}")
        rest = len(f.left_out) - LEFT_OUT_NAMED
        if rest > 0:
            lines.append(self.tr("… and %n more.", "", rest))
        self.left_out.setText("\n".join(lines))
        self.left_out.show()


def _money_text(totals: dict[str, Money]) -> str:
    return " + ".join(fmt.money_text(v.amount, c) for c, v in sorted(totals.items()))
