"""The application object the composition root (desktop/app.py) builds once and hands to
the window and the CLI: typed fields, no registry, nothing reaches back into app.py.

Heavier parts are built on first use (``functools.cached_property``): the HTTP client,
the demo authority and cryptography stay off the first paint.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING, Protocol

from desktop.domain.clock import Clock
from desktop.domain.errors import DomainError
from desktop.services.ports import Database

if TYPE_CHECKING:
    from desktop.services.activation import Authority
    from desktop.services.clock import ClockCheck
    from desktop.services.setup import DemoStore
    from desktop.services.trust import LicenseVerifier, TrustedKeys


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

    def read_only_reason(self) -> DomainError | None:
        """Why nothing may be written (``--today``, a read-only file), or None."""
        ...

    def watch_busy(self, listener: Callable[[bool], None]) -> Callable[[], None]:
        """``listener(True)``/``(False)`` when a write starts/stops waiting for another
        program's write lock (on the writing thread); returns the unsubscriber."""
        ...


@dataclass(frozen=True, eq=False)
class AppContext:
    db: AppDatabase
    clock: Clock
    is_demo: bool
    make_authority: Callable[[], Authority] = field(repr=False)
    make_keys: Callable[[], TrustedKeys] = field(repr=False)
    make_verifier: Callable[[AppContext], LicenseVerifier] = field(repr=False)
    this_pc: Callable[[], str] = field(repr=False)
    #: The system clock against the store's high-water mark (None: not checked).
    clock_check: ClockCheck | None = None
    #: The demo only: unused codes from the demo authority, to try activation with.
    #: (code, SKU, kind) issued by the demo authority to try activation with
    demo_codes: Callable[[], list[tuple[str, str, str]]] | None = field(default=None, repr=False)
    #: ``--today``: the what-if day every rule is judged on (nothing is written).
    what_if: bool = False
    #: Fill an empty store with signed demo data (allowed in a what-if view too).
    prepare_demo: Callable[[], DemoStore] | None = field(default=None, repr=False)

    @cached_property
    def authority(self) -> Authority:
        return self.make_authority()

    @cached_property
    def trusted_keys(self) -> TrustedKeys:
        return self.make_keys()

    @cached_property
    def verifier(self) -> LicenseVerifier:
        return self.make_verifier(self)

    @property
    def db_label(self) -> str:
        return self.db.label

    @property
    def writable(self) -> bool:
        """Something may be written (not a what-if view, not a read-only file)."""
        return self.db.read_only_reason() is None
