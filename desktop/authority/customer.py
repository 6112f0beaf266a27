"""How the customer app reaches a license authority (wired by desktop/app.py).

* A real store talks to the authority at the URL an administrator set
  (``LICDESK_AUTHORITY_URL``, else the store's ``authority_url`` setting) over HTTP(S).
* The demo store talks to the demo authority: the real server, started inside this
  process on 127.0.0.1 on first use, with its own key (in the user's data folder),
  trusted for the demo database only and labelled "demo authority".
* With no URL set, every call says so (``authority_not_configured``) instead of failing
  somewhere deep.
"""

from __future__ import annotations

import atexit
import datetime as dt
import logging
import threading
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from desktop.authority.wire import (
    ActivationResult,
    AuthorityStatus,
    FulfilResult,
    OrderLine,
    SeedItem,
    SeedResult,
    TransferResult,
)
from desktop.domain.clock import Clock
from desktop.domain.errors import DomainError
from desktop.services.trust import DEMO, TrustedKey, TrustedKeys, parse_key_file

if TYPE_CHECKING:
    from desktop.authority.client import HttpAuthority

log = logging.getLogger(__name__)

#: Seconds to wait for an authority's answer.
TIMEOUT_S = 10.0
#: What the demo offers to try activation with: (SKU, kind, count).
DEMO_CODES = (
    ("MS-EGAIS-CHM", "license", 2),
    ("MS-EGAIS-CHM", "renewal", 2),
    ("MS-STORE15-BASE", "renewal", 2),
)


class DemoCode(NamedTuple):
    """A code the demo authority issued, with what it is for."""

    code: str
    sku: str
    kind: str  # license | renewal


class HttpAuthorityPort:
    """The authority at a URL, built on first use (httpx stays off the first paint)."""

    def __init__(self, url: Callable[[], str | None], timeout_s: float = TIMEOUT_S) -> None:
        self._url = url
        self._timeout_s = timeout_s
        self._client: object | None = None
        self._lock = threading.Lock()

    def _http(self) -> HttpAuthority:
        from desktop.authority.client import HttpAuthority

        with self._lock:
            if self._client is None:
                url = self._url()
                if not url:
                    raise DomainError("authority_not_configured")
                self._client = HttpAuthority(url, self._timeout_s)
            client = self._client
        assert isinstance(client, HttpAuthority)
        return client

    def activate(
        self,
        code: str,
        device: str,
        store: str,
        *,
        serial: str | None = None,
        product: str | None = None,
        current_end: dt.date | None = None,
    ) -> ActivationResult:
        result: ActivationResult = self._http().activate(
            code, device, store, serial=serial, product=product, current_end=current_end
        )
        return result

    def transfer(self, serial: str, device: str, store: str) -> TransferResult:
        result: TransferResult = self._http().transfer(serial, device, store)
        return result

    def fulfil(self, store: str, order_ref: str, lines: Sequence[OrderLine]) -> FulfilResult:
        result: FulfilResult = self._http().fulfil(store, order_ref, lines)
        return result

    def seed(self, store: str, items: Sequence[SeedItem]) -> SeedResult:
        result: SeedResult = self._http().seed(store, items)
        return result

    def status(self) -> AuthorityStatus:
        result: AuthorityStatus = self._http().status()
        return result


class DemoAuthority(HttpAuthorityPort):
    """The demo authority: started in this process on first use, stopped at exit."""

    def __init__(self, data_dir: Path, clock: Clock) -> None:
        super().__init__(self._start)
        self._data_dir = data_dir
        self._clock = clock
        self._running: object | None = None

    def _start(self) -> str:
        from desktop.authority.demo import RunningAuthority, start_demo_authority

        running = start_demo_authority(self._data_dir, self._clock)
        self._running = running
        atexit.register(running.stop)
        assert isinstance(running, RunningAuthority)
        return running.url

    def codes(self) -> list[DemoCode]:
        """Unused codes to try activation with (the demo authority issues them)."""
        self._http()  # started
        from desktop.authority.demo import RunningAuthority

        running = self._running
        assert isinstance(running, RunningAuthority)
        out: list[DemoCode] = []
        for sku, kind, count in DEMO_CODES:
            out += [DemoCode(c, sku, kind) for c in running.service.issue(sku, kind, count=count)]
        return out

    def stop(self) -> None:
        from desktop.authority.demo import RunningAuthority

        if isinstance(self._running, RunningAuthority):
            self._running.stop()


def demo_keys(data_dir: Path) -> list[TrustedKey]:
    """The demo authority's public keys (trusted for the demo database only); none
    before the demo authority first started."""
    import json

    from desktop.authority.signer import Signer

    signer = Signer(data_dir)
    if not signer.has_keys():
        return []
    try:
        mapping = {k.key_id: k.public for k in signer.public_keys()}
        return parse_key_file(json.dumps(mapping).encode(), str(signer.dir), DEMO)
    except (DomainError, ValueError, KeyError):
        log.warning("the demo authority's keys in %s cannot be read", signer.dir)
        return []


def with_demo_keys(keys: TrustedKeys, data_dir: Path) -> TrustedKeys:
    return keys.with_keys(demo_keys(data_dir))
