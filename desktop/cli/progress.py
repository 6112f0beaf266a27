"""Progress on the terminal: a count, a percentage and an ETA, on stderr.

    progress = TerminalProgress("Importing")
    setup.import_file(db, path, today, progress)
    progress.done()

On a terminal one line is redrawn (``\\r``); into a file or pipe a line is written
at most every LOG_EVERY_S seconds, so logs stay short. stdout stays clean for --json.
Ctrl+C is the terminal's cancel: the service's transaction rolls back.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from typing import TextIO

#: Redraw at most this often on a terminal, and log at most this often elsewhere.
REDRAW_S = 0.2
LOG_EVERY_S = 5.0


def _clock() -> float:
    return time.monotonic()


def format_eta(seconds: float) -> str:
    seconds = max(0, int(seconds + 0.5))
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


class TerminalProgress:
    """A ``desktop.services.progress.Progress`` for the CLI."""

    def __init__(
        self,
        label: str,
        stream: TextIO | None = None,
        clock: Callable[[], float] = _clock,
    ) -> None:
        self.label = label
        self.stream = stream if stream is not None else sys.stderr
        self.clock = clock
        self.started = clock()
        self.last = float("-inf")
        self.tty = bool(getattr(self.stream, "isatty", lambda: False)())
        self.width = 0

    def line(self, done: int, total: int | None) -> str:
        elapsed = self.clock() - self.started
        if not total:
            return f"{self.label}: {done:,}"
        share = min(1.0, max(0.0, done / total))
        text = f"{self.label}: {done:,} of {total:,} ({share:.0%})"
        if 0 < share < 1 and elapsed > 0.5:
            text += f", about {format_eta(elapsed * (1 - share) / share)} left"
        return text

    def step(self, done: int, total: int | None = None) -> None:
        now = self.clock()
        if now - self.last < (REDRAW_S if self.tty else LOG_EVERY_S):
            return
        self.last = now
        self._write(self.line(done, total))

    def done(self, message: str = "") -> None:
        """Finish the progress line (call once the work is over)."""
        text = message or f"{self.label}: done in {format_eta(self.clock() - self.started)}"
        self._write(text)
        if self.tty:
            self.stream.write("\n")
            self.stream.flush()

    def _write(self, text: str) -> None:
        if self.tty:
            pad = max(0, self.width - len(text))
            self.stream.write("\r" + text + " " * pad)
            self.width = len(text)
        else:
            self.stream.write(text + "\n")
        self.stream.flush()
