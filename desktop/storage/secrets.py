"""Secrets in the OS keyring, behind a small interface (an in-memory one for unit tests).

keyring calls can block on a locked collection whose prompt nobody sees, so every
call runs with a time limit; any failure becomes DomainError("keyring_unavailable")
with the reason, never a traceback.
"""

from __future__ import annotations

import concurrent.futures
from collections.abc import Callable
from typing import Any

from desktop.domain.errors import DomainError

SERVICE = "licdesk"
TIMEOUT_S = 10.0


class MemorySecrets:
    def __init__(self) -> None:
        self.values: dict[str, str] = {}

    def get(self, name: str) -> str | None:
        return self.values.get(name)

    def set(self, name: str, value: str) -> None:
        self.values[name] = value


_pool = concurrent.futures.ThreadPoolExecutor(max_workers=1, thread_name_prefix="keyring")


class KeyringSecrets:
    def __init__(self, service: str = SERVICE, timeout: float = TIMEOUT_S) -> None:
        self.service = service
        self.timeout = timeout

    def _call(self, fn: Callable[..., Any], *args: str) -> Any:
        try:
            return _pool.submit(fn, *args).result(timeout=self.timeout)
        except concurrent.futures.TimeoutError:
            raise DomainError(
                "keyring_unavailable", reason="the keyring did not answer (locked?)"
            ) from None
        except Exception as exc:  # noqa: BLE001 - every backend error means "unusable"
            name = type(exc).__name__
            raise DomainError("keyring_unavailable", reason=f"{name}: {exc}".strip()) from None

    def get(self, name: str) -> str | None:
        import keyring

        value = self._call(keyring.get_password, self.service, name)
        return value if isinstance(value, str) else None

    def set(self, name: str, value: str) -> None:
        import keyring

        self._call(keyring.set_password, self.service, name, value)
