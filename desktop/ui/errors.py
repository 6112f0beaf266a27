"""DomainError -> a translated sentence for the UI."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from desktop.domain.errors import DomainError
from desktop.messages import render


def message(err: DomainError) -> str:
    return render(err.code, err.params, QCoreApplication.translate)
