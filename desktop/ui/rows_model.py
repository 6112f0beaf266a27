"""A read-only model over a list of records, one or two levels deep (orders and lines).

The Bases, Orders, history and renewal lists used to add one QTreeWidgetItem per
record: at chain size that is hundreds of thousands of Python-to-C++ calls per
refresh, and each of them costs PySide6 6.12 a reference to None (desktop.ui.qtguard).
Here the view asks for what it paints: a record becomes texts, icons and colours
(a :class:`RowView`) only when it is first shown, and a refresh is one model reset.
Top-level rows may carry a check box (the renewal quote's ticks), kept by key so
that a requote keeps what the user ticked.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QFont, QIcon

Index = QModelIndex | QPersistentModelIndex

_DISPLAY = int(Qt.ItemDataRole.DisplayRole)
_DECORATION = int(Qt.ItemDataRole.DecorationRole)
_TOOLTIP = int(Qt.ItemDataRole.ToolTipRole)
_BACKGROUND = int(Qt.ItemDataRole.BackgroundRole)
_FOREGROUND = int(Qt.ItemDataRole.ForegroundRole)
_FONT = int(Qt.ItemDataRole.FontRole)
_ALIGN = int(Qt.ItemDataRole.TextAlignmentRole)
_CHECK = int(Qt.ItemDataRole.CheckStateRole)
_ACCESSIBLE = int(Qt.ItemDataRole.AccessibleTextRole)
#: The record's key (an id) on every cell of its row.
KeyRole = int(Qt.ItemDataRole.UserRole)
_KEY = KeyRole
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
_LEFT = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
_ENABLED = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
_CHECKABLE = _ENABLED | Qt.ItemFlag.ItemIsUserCheckable
_CHECKED = Qt.CheckState.Checked
_UNCHECKED = Qt.CheckState.Unchecked


@dataclass(frozen=True, slots=True)
class RowView:
    """How one record shows: a text per column and, where wanted, more."""

    texts: tuple[str, ...]
    icons: dict[int, QIcon] = field(default_factory=dict)
    tooltips: dict[int, str] = field(default_factory=dict)
    background: QBrush | None = None
    foreground: QBrush | None = None
    font: QFont | None = None
    right: frozenset[int] = frozenset()  # right-aligned columns (numbers, money)
    enabled: bool = True  # a disabled row cannot be selected or ticked
    #: Foreground per column (a deferred module in grey), over ``foreground``.
    foregrounds: dict[int, QBrush] = field(default_factory=dict)


class RowsModel(QAbstractItemModel):
    """Records shown through ``view(record)``; ``children(record)`` gives a second level."""

    #: A top-level tick changed (by the user or set_checked).
    check_changed = Signal()

    def __init__(
        self,
        headers: Sequence[str],
        view: Callable[[Any], RowView],
        *,
        key: Callable[[Any], Hashable] | None = None,
        children: Callable[[Any], Sequence[Any]] | None = None,
        child_view: Callable[[Any, Any], RowView] | None = None,
        checkable: Callable[[Any], bool] | None = None,
        parent: Any = None,
    ) -> None:
        super().__init__(parent)
        self._headers = list(headers)
        self._view = view
        self._key = key
        self._children = children
        self._child_view = child_view
        self._checkable = checkable
        self._records: list[Any] = []
        self._kids: list[Sequence[Any]] = []
        self._views: dict[int, RowView] = {}
        self._child_views: dict[tuple[int, int], RowView] = {}
        self._unchecked: set[Hashable] = set()

    # ------------------------------------------------------------ records
    def set_records(self, records: Sequence[Any]) -> None:
        self.beginResetModel()
        try:
            self._records = list(records)
            children = self._children
            self._kids = [children(r) for r in self._records] if children else []
            self._views.clear()
            self._child_views.clear()
        finally:
            self.endResetModel()

    def records(self) -> list[Any]:
        return list(self._records)

    def record(self, index: Index) -> Any:
        """The record of a row (a child row gives its own record)."""
        if not index.isValid():
            return None
        parent = int(index.internalId())
        if parent:
            kids = self._kids[parent - 1]
            return kids[index.row()] if index.row() < len(kids) else None
        return self._records[index.row()] if index.row() < len(self._records) else None

    def top_record(self, index: Index) -> Any:
        """The top-level record of a row (an order for any of its lines)."""
        if not index.isValid():
            return None
        parent = int(index.internalId())
        row = parent - 1 if parent else index.row()
        return self._records[row] if row < len(self._records) else None

    def index_of(self, key: Hashable) -> QModelIndex:
        """The top-level row whose record has this key (invalid when none)."""
        if self._key is None:
            return QModelIndex()
        for row, rec in enumerate(self._records):
            if self._key(rec) == key:
                return self.index(row, 0)
        return QModelIndex()

    def row_view(self, index: Index) -> RowView | None:
        if not index.isValid():
            return None
        parent = int(index.internalId())
        row = index.row()
        if parent:
            got = self._child_views.get((parent, row))
            if got is None:
                kids = self._kids[parent - 1]
                if row >= len(kids) or self._child_view is None:
                    return None
                got = self._child_view(self._records[parent - 1], kids[row])
                self._child_views[(parent, row)] = got
            return got
        got = self._views.get(row)
        if got is None:
            if row >= len(self._records):
                return None
            got = self._view(self._records[row])
            self._views[row] = got
        return got

    # ------------------------------------------------------------ ticks
    def is_checked(self, record: Any) -> bool:
        return self._key is not None and self._key(record) not in self._unchecked

    def checked(self) -> list[Any]:
        return [r for r in self._records if self._can_check(r) and self.is_checked(r)]

    def set_checked(self, key: Hashable, checked: bool) -> None:
        (self._unchecked.discard if checked else self._unchecked.add)(key)
        index = self.index_of(key)
        if index.isValid():
            self.dataChanged.emit(index, index, [_CHECK])
        self.check_changed.emit()

    def _can_check(self, record: Any) -> bool:
        return self._checkable is not None and self._key is not None and self._checkable(record)

    # ------------------------------------------------------------ Qt API
    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        if column < 0 or column >= len(self._headers) or row < 0:
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, column, 0) if row < len(self._records) else QModelIndex()
        if parent.internalId() or not self._kids:
            return QModelIndex()  # two levels at most
        kids = self._kids[parent.row()]
        return self.createIndex(row, column, parent.row() + 1) if row < len(kids) else QModelIndex()

    def parent(self, index: Index = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        if not index.isValid():
            return QModelIndex()
        parent = int(index.internalId())
        return self.createIndex(parent - 1, 0, 0) if parent else QModelIndex()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        if not parent.isValid():
            return len(self._records)
        if parent.internalId() or not self._kids or parent.column() != 0:
            return 0
        return len(self._kids[parent.row()])

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return len(self._headers)

    def data(self, index: Index, role: int = _DISPLAY) -> Any:
        if not index.isValid():
            return None
        col = index.column()
        if role in (_DISPLAY, _ACCESSIBLE):
            v = self.row_view(index)
            return v.texts[col] if v is not None and col < len(v.texts) else None
        if role == _DECORATION:
            v = self.row_view(index)
            return v.icons.get(col) if v is not None else None
        if role == _TOOLTIP:
            v = self.row_view(index)
            return v.tooltips.get(col) if v is not None else None
        if role == _BACKGROUND:
            v = self.row_view(index)
            return v.background if v is not None else None
        if role == _FOREGROUND:
            v = self.row_view(index)
            if v is None:
                return None
            return v.foregrounds.get(col, v.foreground)
        if role == _FONT:
            v = self.row_view(index)
            return v.font if v is not None else None
        if role == _ALIGN:
            v = self.row_view(index)
            return _RIGHT if v is not None and col in v.right else _LEFT
        if role == _CHECK:
            if col != 0 or index.internalId():
                return None
            rec = self.record(index)
            if rec is None or not self._can_check(rec):
                return None
            return _CHECKED if self.is_checked(rec) else _UNCHECKED
        if role == _KEY:
            rec = self.record(index)
            return self._key(rec) if rec is not None and self._key is not None else None
        return None

    def setData(self, index: Index, value: Any, role: int = _CHECK) -> bool:  # noqa: N802
        if role != _CHECK or not index.isValid() or index.column() != 0 or index.internalId():
            return False
        rec = self.record(index)
        if rec is None or not self._can_check(rec) or self._key is None:
            return False
        state = Qt.CheckState(value) if isinstance(value, int) else value
        self.set_checked(self._key(rec), state == _CHECKED)
        return True

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        v = self.row_view(index)
        if v is not None and not v.enabled:
            return Qt.ItemFlag.NoItemFlags
        if index.column() == 0 and not index.internalId():
            rec = self.record(index)
            if rec is not None and self._can_check(rec):
                return _CHECKABLE
        return _ENABLED

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = _DISPLAY) -> Any:  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == _DISPLAY:
            return self._headers[section] if 0 <= section < len(self._headers) else None
        return None

    def set_headers(self, headers: Sequence[str]) -> None:
        self._headers = list(headers)
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self._headers) - 1)
