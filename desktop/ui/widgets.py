"""Small helpers shared by the windows: empty-state hints, modal dialogs, file dialogs."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import (
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRect,
    QSettings,
    QSize,
    Qt,
    QTimer,
)
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFileDialog,
    QLabel,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QTreeView,
    QTreeWidget,
    QTreeWidgetItem,
    QWidget,
)


def top_items(tree: QTreeWidget) -> list[QTreeWidgetItem]:
    items = (tree.topLevelItem(i) for i in range(tree.topLevelItemCount()))
    return [item for item in items if item is not None]


def select_first(tree: QTreeWidget) -> None:
    """Make the first top-level item current when nothing is."""
    if tree.currentItem() is None:
        first = tree.topLevelItem(0)
        if first is not None:
            tree.setCurrentItem(first)


class EmptyHint(QLabel):
    """A sentence in the middle of an empty list that says what to do next.

    ``text()`` is asked each time the hint shows, so it can depend on why the list is
    empty (no data at all, a search that matches nothing...). Call ``refresh`` after
    the view's model was reset; the hint follows the model's own row signals too.
    """

    def __init__(self, view: QAbstractItemView, text: Callable[[], str]) -> None:
        super().__init__(view.viewport())
        self._view = view
        self._text = text
        self._model: QObject | None = None
        self.setObjectName("emptyHint")
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setStyleSheet("#emptyHint { color: palette(placeholder-text); padding: 24px; }")
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        view.viewport().installEventFilter(self)
        self.hide()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.Resize:
            self.setGeometry(self._view.viewport().rect())
        return False

    def _watch(self) -> None:
        model = self._view.model()
        if model is self._model or model is None:
            return
        self._model = model
        for signal in (model.modelReset, model.rowsInserted, model.rowsRemoved):
            signal.connect(self.refresh)

    def refresh(self) -> None:
        self._watch()
        model = self._view.model()
        empty = model is None or model.rowCount() == 0
        if empty:
            self.setText(self._text())
            self.setGeometry(self._view.viewport().rect())
            self.show()
        else:
            self.hide()


class WrappingDelegate(QStyledItemDelegate):
    """Rows as tall as their wrapped text at the column's current width (a QTreeView
    asks its delegate for a size without telling it the width)."""

    def __init__(self, view: QTreeView) -> None:
        super().__init__(view)
        self._view = view
        self._relayout = QTimer(self)
        self._relayout.setSingleShot(True)
        self._relayout.setInterval(0)
        self._relayout.timeout.connect(view.doItemsLayout)
        view.header().sectionResized.connect(lambda *_: self._relayout.start())

    def sizeHint(  # noqa: N802
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        size = super().sizeHint(option, index)
        text = index.data()
        width = self._view.columnWidth(index.column()) - 12  # the cell's margins
        if not isinstance(text, str) or width <= 0:
            return size
        flags = int(Qt.TextFlag.TextWordWrap)
        rect = option.fontMetrics.boundingRect(QRect(0, 0, width, 100_000), flags, text)
        return QSize(size.width(), max(size.height(), rect.height() + 6))


def header_width(view: QTreeView | QTableView, column: int) -> int:
    """What a column needs to show its header in full (bold, with the sort arrow)."""
    header = view.header() if isinstance(view, QTreeView) else view.horizontalHeader()
    font = QFont(header.font())
    font.setBold(True)
    text = view.model().headerData(column, Qt.Orientation.Horizontal) if view.model() else ""
    margin = 2 * header.style().pixelMetric(QStyle.PixelMetric.PM_HeaderMargin) + 14
    return QFontMetrics(font).horizontalAdvance(str(text or "")) + margin


def fit_columns(view: QTreeView, widths: dict[int, int]) -> None:
    """Set each column to its width, or wider where its header (in this language)
    needs more."""
    for column, width in widths.items():
        view.setColumnWidth(column, max(width, header_width(view, column)))


def run_modal(dialog: QDialog) -> int:
    """``exec()`` a dialog, then let it go.

    PySide hands a dialog back to Python when its ``exec()`` returns although its Qt
    parent still holds it; a dialog kept alive that way (a lambda in one of its
    connections is enough) is owned twice and deleted twice at quit. The caller reads
    its answer first; the dialog is deleted when control returns to the event loop.
    """
    try:
        return dialog.exec()
    finally:
        dialog.deleteLater()


# ---------------------------------------------------------------- file dialogs
_FOLDER_KEY = "files/last_folder"


def last_folder() -> str:
    folder = str(QSettings().value(_FOLDER_KEY, "", type=str))
    return folder if folder and Path(folder).is_dir() else str(Path.home())


def _remember(path: str) -> None:
    if path:
        QSettings().setValue(_FOLDER_KEY, str(Path(path).parent))


def open_file_name(parent: QWidget | None, title: str, filters: str) -> str:
    """Ask for a file to read, starting in the folder used last; '' when cancelled."""
    path, _ = QFileDialog.getOpenFileName(parent, title, last_folder(), filters)
    _remember(path)
    return path


def save_file_name(
    parent: QWidget | None, title: str, file_name: str, filters: str
) -> tuple[str, str]:
    """Ask where to write ``file_name``, starting in the folder used last: (path, filter)."""
    path, selected = QFileDialog.getSaveFileName(
        parent, title, str(Path(last_folder()) / file_name), filters
    )
    _remember(path)
    return path, selected
