"""The rotating log file in the user log folder, opened by the first record.

A command that logs nothing (most CLI reads) then imports neither logging.handlers
(with socket and pickle) nor platformdirs: ``licdesk licenses --json`` starts faster.
"""

from __future__ import annotations

import logging
import sys

FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


def open_log_file() -> logging.Handler:
    """licdesk.log (1 MB, three old ones kept); stderr when the folder is not writable."""
    import logging.handlers

    from desktop import paths

    try:
        handler: logging.Handler = logging.handlers.RotatingFileHandler(
            paths.log_dir() / "licdesk.log",
            maxBytes=1_000_000,
            backupCount=3,
            encoding="utf-8",
            errors="backslashreplace",  # command-line bytes that are not text
        )
    except OSError:
        handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter(FORMAT))
    return handler


class LazyLogFile(logging.Handler):
    def __init__(self) -> None:
        super().__init__()
        self._file: logging.Handler | None = None

    def emit(self, record: logging.LogRecord) -> None:  # under the handler's lock
        if self._file is None:
            self._file = open_log_file()
        self._file.handle(record)

    def flush(self) -> None:
        if self._file is not None:
            self._file.flush()

    def close(self) -> None:
        if self._file is not None:
            self._file.close()
        super().close()
