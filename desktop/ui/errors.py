"""DomainError -> a translated sentence for the UI; and any error met reading a file."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication

from desktop.domain.errors import DomainError
from desktop.messages import render

log = logging.getLogger(__name__)


def message(err: DomainError) -> str:
    return render(err.code, err.params, QCoreApplication.translate)


def describe(exc: BaseException, path: Path | str | None = None) -> str:
    """What a dialog that read a file says, whatever the importer or loader raised: a
    DomainError's sentence, the OS's reason, or "not in a form License Desk reads"
    (logged with its traceback: the loader should have said it better)."""
    if isinstance(exc, DomainError):
        return message(exc)
    where = str(path) if path is not None else str(getattr(exc, "filename", "") or "")
    if isinstance(exc, OSError):
        return (
            QCoreApplication.translate("Errors", "Cannot read %1: %2")
            .replace("%1", where)
            .replace("%2", exc.strerror or str(exc))
        )
    if isinstance(exc, UnicodeDecodeError):
        return QCoreApplication.translate("Errors", "%1 is not UTF-8 text.").replace("%1", where)
    log.error("reading %s failed", where, exc_info=exc)
    detail = f"{type(exc).__name__}: {exc}".encode("utf-8", "replace").decode("utf-8")
    return (
        QCoreApplication.translate(
            "Errors", "%1 cannot be read: it is not in a form License Desk reads (%2)."
        )
        .replace("%1", where)
        .replace("%2", detail[:200])
    )
