"""What renewals will cost per month over the next months, per currency (Qt Charts)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QChart,
    QChartView,
    QValueAxis,
)
from PySide6.QtCore import QDate, QLocale, Qt, Signal
from PySide6.QtGui import QPainter, QShowEvent
from PySide6.QtWidgets import (
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
from desktop.services import renewals
from desktop.ui import formatting as fmt
from desktop.ui.changes import changes
from desktop.ui.errors import message
from desktop.ui.icons import icon
from desktop.ui.ops import Op


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
        self.months.setRange(1, 36)
        self.months.setValue(12)
        label.setBuddy(self.months)
        bar.addWidget(label)
        bar.addWidget(self.months)
        refresh = QPushButton(icon("refresh"), self.tr("&Recalculate"))
        refresh.clicked.connect(self.reload)
        bar.addWidget(refresh)
        self.summary = QLabel()
        bar.addWidget(self.summary, 1)
        layout.addLayout(bar)
        self.chart = QChart()
        self.chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
        self.chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        self.chart_view = QChartView(self.chart)
        self.chart_view.setRenderHint(QPainter.RenderHint.Antialiasing)
        layout.addWidget(self.chart_view, 3)
        self.table = QTableWidget()
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        layout.addWidget(self.table, 2)
        self.months.valueChanged.connect(lambda _v: self.reload())
        self.data: list[renewals.ForecastMonth] = []
        self._stale = True

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802
        if self._stale:  # computed when shown, not at start-up
            self.reload()
        super().showEvent(event)

    def data_changed(self) -> None:
        self._stale = True
        if self.isVisible():
            self.reload()

    def reload(self) -> None:
        """Every license's renewal costs: a job for a worker at chain size."""
        self._stale = False
        app, months = self.app, self.months.value()
        self.summary.setText(self.tr("Calculating..."))
        Op(self, lambda _p: renewals.forecast(app.db, app.clock.today(), months)).success(
            self._show
        ).failure(self._failed).run()

    def _failed(self, exc: Exception) -> None:
        self.summary.setText(message(exc) if isinstance(exc, DomainError) else str(exc))

    def _show(self, data: list[renewals.ForecastMonth]) -> None:
        self.data = data
        currencies = sorted({c for m in self.data for c in m.totals})
        locale = QLocale()
        months = [locale.toString(_qdate(m.month), "MMM yyyy") for m in self.data]
        self.chart.removeAllSeries()
        for axis in self.chart.axes():
            self.chart.removeAxis(axis)
        series = QBarSeries()
        top = Decimal(0)
        for cur in currencies:
            bar_set = QBarSet(cur)
            for m in self.data:
                value = m.totals[cur].amount if cur in m.totals else Decimal(0)
                top = max(top, value)
                bar_set.append(float(value))  # drawing only; the table shows exact money
            series.append(bar_set)
        self.chart.addSeries(series)
        axis_x = QBarCategoryAxis()
        axis_x.append(months)
        self.chart.addAxis(axis_x, Qt.AlignmentFlag.AlignBottom)
        series.attachAxis(axis_x)
        axis_y = QValueAxis()
        axis_y.setRange(0, float(top) * 1.1 if top else 1.0)
        axis_y.setLabelFormat("%.0f")
        self.chart.addAxis(axis_y, Qt.AlignmentFlag.AlignLeft)
        series.attachAxis(axis_y)
        self.chart.setTitle(self.tr("Renewal costs per month if every license renews on time"))
        self.table.clear()
        self.table.setColumnCount(2 + len(currencies))
        self.table.setHorizontalHeaderLabels([self.tr("Month"), self.tr("Licenses"), *currencies])
        self.table.setRowCount(len(self.data))
        for r, m in enumerate(self.data):
            self.table.setItem(r, 0, QTableWidgetItem(months[r]))
            count = QTableWidgetItem(str(m.licenses))
            count.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.table.setItem(r, 1, count)
            for c, cur in enumerate(currencies):
                text = fmt.money_text(m.totals[cur].amount, cur) if cur in m.totals else "—"
                item = QTableWidgetItem(text)
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(r, 2 + c, item)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        totals: dict[str, Decimal] = {}
        for m in self.data:
            for cur, money in m.totals.items():
                totals[cur] = totals.get(cur, Decimal(0)) + money.amount
        self.summary.setText(
            self.tr("Total: %1").replace(
                "%1", " + ".join(fmt.money_text(v, c) for c, v in sorted(totals.items())) or "—"
            )
        )
        self.reloaded.emit()


def _qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)
