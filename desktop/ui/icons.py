"""The app's icons: SVGs in resources/icons, loaded once each."""

from __future__ import annotations

from functools import cache

from PySide6.QtGui import QIcon

from desktop.paths import resource


@cache
def icon(name: str) -> QIcon:
    path = resource("icons", f"{name}.svg")
    if not path.exists():
        raise FileNotFoundError(f"missing icon resources/icons/{name}.svg")
    return QIcon(str(path))
