"""The application object the composition root (desktop/app.py) builds once and hands to
the window and the CLI: typed fields, no registry, nothing reaches back into app.py.

Heavier parts are built on first use (``functools.cached_property``): the keyring and
cryptography stay off the first paint of a store that has nothing signed.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING, Protocol

from desktop.domain.clock import Clock
from desktop.services.ports import Database

if TYPE_CHECKING:
    from desktop.services.activation import Authority
    from desktop.services.licenses import Verifier


class AppDatabase(Database, Protocol):
    """The store as the front ends hold it: the services' port, plus what a window needs."""

    @property
    def sync_reads(self) -> bool:
        """Reads are cheap enough for the GUI thread (a local SQLite file)."""
        ...

    def subscribe(self, listener: Callable[[], None]) -> Callable[[], None]:
        """Call ``listener`` after every committed write; returns the unsubscriber."""
        ...

    def dispose(self) -> None: ...


@dataclass(frozen=True, eq=False)
class AppContext:
    db: AppDatabase
    clock: Clock
    is_demo: bool
    make_authority: Callable[[], Authority] = field(repr=False)
    make_verifier: Callable[[AppContext], Verifier] = field(repr=False)
    this_pc: Callable[[], str] = field(repr=False)

    @cached_property
    def authority(self) -> Authority:
        return self.make_authority()

    @cached_property
    def verifier(self) -> Verifier:
        return self.make_verifier(self)

    @property
    def db_label(self) -> str:
        return self.db.label
