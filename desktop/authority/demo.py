"""A demo authority inside the customer's process: the real server on 127.0.0.1.

``start_demo_authority(data_dir)`` initialises ``data_dir`` on first use (its own key
file, name "demo authority"), allows fulfil and seed, serves on an ephemeral port in a
daemon thread and returns once the server answers. ``stop()`` shuts it down.
"""

from __future__ import annotations

import socket
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from desktop.authority import config as cfg
from desktop.authority.client import HttpAuthority
from desktop.authority.service import AuthorityService, init_authority
from desktop.authority.signer import KeyStorage
from desktop.domain.clock import Clock
from desktop.domain.errors import DomainError

START_TIMEOUT_S = 15.0
STOP_TIMEOUT_S = 10.0


@dataclass
class RunningAuthority:
    url: str  # http://127.0.0.1:PORT
    key_ids: tuple[str, ...]
    public_keys: dict[str, str]  # key id -> base64 raw public key
    service: AuthorityService
    _server: Any = field(repr=False)
    _thread: threading.Thread = field(repr=False)

    @property
    def current_key_id(self) -> str:
        return self.key_ids[-1]

    def client(self, timeout_s: float = 10.0) -> HttpAuthority:
        return HttpAuthority(self.url, timeout_s)

    def stop(self) -> None:
        """Stop serving and wait for the thread (idempotent)."""
        self._server.should_exit = True
        if self._thread.is_alive() and self._thread is not threading.current_thread():
            self._thread.join(STOP_TIMEOUT_S)

    def __enter__(self) -> RunningAuthority:
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()


def start_demo_authority(
    data_dir: Path, clock: Clock | None = None, *, allow_fulfil: bool = True
) -> RunningAuthority:
    """Start the demo authority (``clock``: the customer's, when it runs on ``--today``)."""
    data_dir = Path(data_dir)
    if not cfg.is_initialised(data_dir):
        init_authority(data_dir, name=cfg.DEMO_NAME, key_storage=KeyStorage.FILE)
    service = AuthorityService(data_dir, clock, allow_fulfil=allow_fulfil)
    running = serve_in_thread(service)
    try:
        with running.client(timeout_s=5.0) as client:
            client.status()  # it answers
    except BaseException:
        running.stop()
        raise
    return running


def serve_in_thread(
    service: AuthorityService,
    *,
    ssl_certfile: Path | None = None,
    ssl_keyfile: Path | None = None,
) -> RunningAuthority:
    """Serve ``service`` on 127.0.0.1 and an ephemeral port in a daemon thread; returns
    once uvicorn has started (https when a certificate is given)."""
    import uvicorn

    from desktop.authority.server import create_app, uvicorn_config

    service.signer.current()  # a broken key folder fails here, not on the first request
    # proto=TCP: asyncio sets TCP_NODELAY only on sockets that say so; without it every
    # answer waits ~40 ms for a delayed ACK (Nagle).
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    config = uvicorn_config(create_app(service), "127.0.0.1", port, "warning")
    if ssl_certfile is not None:
        config.ssl_certfile = str(ssl_certfile)
        config.ssl_keyfile = str(ssl_keyfile) if ssl_keyfile else None
    server = uvicorn.Server(config)
    thread = threading.Thread(
        target=server.run, kwargs={"sockets": [sock]}, name="licdesk-authority", daemon=True
    )
    thread.start()
    url = f"{'https' if ssl_certfile else 'http'}://127.0.0.1:{port}"
    deadline = time.monotonic() + START_TIMEOUT_S
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            server.should_exit = True
            thread.join(STOP_TIMEOUT_S)
            sock.close()
            raise DomainError("authority_unreachable", url=url, reason="it did not start")
        time.sleep(0.01)
    keys = sorted(service.public_keys(), key=lambda k: (k.current, k.created))
    return RunningAuthority(
        url=url,
        key_ids=tuple(k.key_id for k in keys),
        public_keys={k.key_id: k.public for k in keys},
        service=service,
        _server=server,
        _thread=thread,
    )
