"""Small helpers for Qt's item widgets (typed: their accessors may return None)."""

from __future__ import annotations

from PySide6.QtWidgets import QTreeWidget, QTreeWidgetItem


def top_items(tree: QTreeWidget) -> list[QTreeWidgetItem]:
    items = (tree.topLevelItem(i) for i in range(tree.topLevelItemCount()))
    return [item for item in items if item is not None]


def select_first(tree: QTreeWidget) -> None:
    """Make the first top-level item current when nothing is."""
    if tree.currentItem() is None:
        first = tree.topLevelItem(0)
        if first is not None:
            tree.setCurrentItem(first)
