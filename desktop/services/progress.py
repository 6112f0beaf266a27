"""Progress and cancel for long use cases (import, export, the warning scan, fulfilment).

A service that may run long takes a ``progress: Progress`` argument and calls
``progress.step(done, total)`` now and then. The front end decides what that means:
the window's background-operation helper shows a progress dialog and raises
:class:`Cancelled` from ``step`` once the user pressed Cancel; the CLI prints a count
and an ETA. A service lets ``Cancelled`` propagate: its unit of work then rolls back,
so a cancelled job leaves nothing half-written.
"""

from __future__ import annotations

from typing import Protocol


class Cancelled(Exception):
    """The user cancelled a long operation; nothing of it was kept."""


class Progress(Protocol):
    def step(self, done: int, total: int | None = None) -> None:
        """Report ``done`` of ``total`` units; raise Cancelled to stop the work."""
        ...


class _NoProgress:
    def step(self, done: int, total: int | None = None) -> None:
        return None


#: For callers that do not show progress (tests, small jobs).
NO_PROGRESS: Progress = _NoProgress()
