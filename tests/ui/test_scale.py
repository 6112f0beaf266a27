"""Lists that grow with the data cost no Qt call per row, and the binding's lost
references to None/True/False cannot end a session (desktop.ui.qtguard)."""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QTreeView

from desktop.ui import qtguard
from desktop.ui.rows_model import RowsModel, RowView

ROWS = 100_000


def test_a_hundred_thousand_rows_are_one_reset(qtbot) -> None:  # noqa: ANN001
    """A QTreeWidgetItem per row made ROWS calls into Qt, each losing a reference to
    None on PySide6 6.12; a model is asked only for the rows on screen."""
    made: list[int] = []

    def view(n: int) -> RowView:
        made.append(n)
        return RowView((f"base {n}", str(n)))

    model = RowsModel(["Base", "Devices"], view, key=lambda n: n)
    tree = QTreeView()
    qtbot.addWidget(tree)
    tree.setUniformRowHeights(True)
    tree.setModel(model)
    tree.resize(600, 400)
    tree.show()
    before = sys.getrefcount(None)
    model.set_records(range(ROWS))
    qtbot.waitExposed(tree)
    tree.viewport().repaint()
    lost = before - sys.getrefcount(None)
    assert model.rowCount() == ROWS
    assert len(made) < 200  # the rows on screen, not the hundred thousand
    assert lost < 1_000
    assert model.index_of(ROWS - 1).row() == ROWS - 1


def test_the_singletons_cannot_be_counted_down() -> None:
    leaks = qtguard._leaks()
    protected = qtguard.protect_singletons()
    if sys.version_info >= (3, 12):
        assert protected is False  # immortal already
    elif leaks:
        assert protected is True
    if protected:
        assert min(sys.getrefcount(x) for x in (None, True, False)) > 1 << 39
    assert qtguard.protect_singletons() is protected  # idempotent
