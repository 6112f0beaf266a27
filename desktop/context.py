"""What the composition root hands to the front ends (GUI and CLI)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from dataclasses import dataclass, field
from typing import Any

from desktop.domain.clock import Clock
from desktop.services.licenses import Verifier, always_valid
from desktop.services.ports import UnitOfWork


@dataclass
class AppContext:
    uow: Callable[..., UnitOfWork]
    clock: Clock
    db_label: str  # path or URL without password, for titles and messages
    is_demo: bool = False
    dialect: str = "sqlite"
    verifier: Verifier = always_valid
    #: Feature objects other parts register (activation client, feed checker, ...).
    extras: dict[str, Any] = field(default_factory=dict)
    #: A faster read side for the license table (plain sqlite3), when the store allows.
    fast_read: Callable[[], AbstractContextManager[Any]] | None = None

    @contextmanager
    def read(self) -> Iterator[Any]:
        """Read-only access with ``.licenses`` and ``.settings`` (the table's needs)."""
        if self.fast_read is not None:
            with self.fast_read() as view:
                yield view
        else:
            with self.uow() as uow:
                yield uow
