"""A real authority on an ephemeral port, reached through the real client."""

from __future__ import annotations

import base64
import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

from desktop.authority.client import HttpAuthority
from desktop.authority.demo import RunningAuthority, start_demo_authority
from desktop.authority.wire import SignedLicense

TODAY = dt.date(2026, 11, 22)
STORE = "store-7f3a"
DEV_A = "CP30-3210741300095-3210741300095"
DEV_B = "CP30-1111111111111-1111111111111"
DEV_C = "MC33-2222222222222-2222222222222"


@dataclass
class MovableClock:
    """The authority's clock in a test: a fixed day that the test may move."""

    day: dt.date = TODAY

    def today(self) -> dt.date:
        return self.day


@pytest.fixture(autouse=True)
def _no_real_authority_dir(tmp_path_factory: pytest.TempPathFactory, monkeypatch) -> None:  # noqa: ANN001
    monkeypatch.setenv("LICDESK_AUTHORITY_DIR", str(tmp_path_factory.mktemp("authority-env")))


@pytest.fixture
def clock() -> MovableClock:
    return MovableClock()


@pytest.fixture
def running(tmp_path: Path, clock: MovableClock) -> Iterator[RunningAuthority]:
    ra = start_demo_authority(tmp_path / "authority", clock)
    yield ra
    ra.stop()


@pytest.fixture
def client(running: RunningAuthority) -> Iterator[HttpAuthority]:
    with running.client() as c:
        yield c


def listed_keys(client: HttpAuthority) -> dict[str, Ed25519PublicKey]:
    """The public keys the server lists, as cryptography keys."""
    return {
        k.key_id: Ed25519PublicKey.from_public_bytes(base64.b64decode(k.public))
        for k in client.status().keys
    }


def verifies(keys: dict[str, Ed25519PublicKey], signed: SignedLicense) -> bool:
    if signed.key_id not in keys or signed.document.key != signed.key_id:
        return False
    try:
        keys[signed.key_id].verify(base64.b64decode(signed.signature), signed.document.payload())
    except InvalidSignature:
        return False
    return True
