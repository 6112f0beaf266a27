"""The one error type the domain and the services raise.

The domain speaks in codes and parameters, never in sentences: the UI and the CLI
turn a code into a translated message (see ``desktop.ui.messages`` and
``desktop.cli.messages``).
"""

from __future__ import annotations

from typing import Any


class DomainError(Exception):
    def __init__(self, code: str, **params: Any) -> None:
        super().__init__(code, params)
        self.code = code
        self.params = params

    def __str__(self) -> str:
        if not self.params:
            return self.code
        details = ", ".join(f"{k}={v}" for k, v in sorted(self.params.items()))
        return f"{self.code} ({details})"
