"""Shared fixtures: a real SQLite file store (and PostgreSQL when LICDESK_TEST_PG_URL is set)."""

from __future__ import annotations

import datetime as dt
import json
import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop.context import AppContext
from desktop.domain.clock import FixedClock
from desktop.services import setup
from desktop.services.activation import Authority
from desktop.services.trust import MACHINE, LicenseVerifier, TrustedKeys, parse_key_file
from desktop.storage.database import SqlDatabase
from desktop.storage.open import open_store
from desktop.storage.uow import Store

TODAY = dt.date(2026, 11, 22)


@pytest.fixture(autouse=True)
def _isolated_dirs(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch):
    """Never touch the real user data dir or keyring from a test."""
    monkeypatch.setenv("LICDESK_DATA_DIR", str(tmp_path_factory.mktemp("userdata")))
    monkeypatch.delenv("LICDESK_DB", raising=False)
    monkeypatch.delenv("LICDESK_TODAY", raising=False)


def _pg_url() -> str | None:
    return os.environ.get("LICDESK_TEST_PG_URL")


@pytest.fixture
def pg_database() -> Iterator[str]:
    """A fresh, empty PostgreSQL database; skipped when no server is configured."""
    base = _pg_url()
    if not base:
        pytest.skip("LICDESK_TEST_PG_URL not set (no PostgreSQL server)")
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    name = f"licdesk_test_{uuid.uuid4().hex[:10]}"
    admin = create_engine(base, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    url = make_url(base).set(database=name).render_as_string(hide_password=False)
    try:
        yield url
    finally:
        with admin.connect() as conn:
            conn.execute(
                text(
                    "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                    "WHERE datname = :n AND pid <> pg_backend_pid()"
                ),
                {"n": name},
            )
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}"'))
        admin.dispose()


@pytest.fixture(params=["sqlite", "postgresql"])
def db_target(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """The same storage test against a SQLite file and a real PostgreSQL database."""
    if request.param == "sqlite":
        return str(tmp_path / "store.db")
    return request.getfixturevalue("pg_database")


@pytest.fixture
def sqlite_path(tmp_path: Path) -> Path:
    return tmp_path / "store.db"


@pytest.fixture
def store(sqlite_path: Path) -> Iterator[Store]:
    s = open_store(sqlite_path)
    yield s
    s.dispose()


#: This PC's code in tests (a real one is derived from the machine id).
TEST_PC = "PC01-0000000000042-0000000000042"


class NoAuthority:
    """Tests that never reach the authority get this; touching it is a test bug."""

    def __getattr__(self, name: str) -> object:
        raise AssertionError(f"this test has no authority (asked for {name})")


def _verifier(app: AppContext) -> LicenseVerifier:
    verifier = LicenseVerifier(app.db, lambda: app.trusted_keys)
    app.db.subscribe(verifier.invalidate)
    return verifier


def keys_of(running: object) -> TrustedKeys:
    """An authority's public keys as an administrator would install them machine-wide."""
    public = getattr(running, "public_keys")  # noqa: B009 - RunningAuthority
    return TrustedKeys().with_keys(parse_key_file(json.dumps(public).encode(), "test", MACHINE))


@pytest.fixture
def authority(tmp_path_factory: pytest.TempPathFactory) -> Iterator[object]:
    """A real license authority on 127.0.0.1 (an ephemeral port), its own key and register,
    on the tests' day; fulfil and seed allowed (as the demo authority)."""
    from desktop.authority.demo import start_demo_authority

    running = start_demo_authority(tmp_path_factory.mktemp("authority"), FixedClock(TODAY))
    yield running
    running.stop()


def as_db(s: Store) -> SqlDatabase:
    """The services' Database over an opened store."""
    return SqlDatabase(str(s.engine.url), label="test", dialect=s.dialect, store=s)


def make_ctx(
    s: Store,
    today: dt.date = TODAY,
    *,
    authority: object | None = None,
    keys: TrustedKeys | None = None,
) -> AppContext:
    """The application object over an opened store, as desktop.app builds it.

    ``authority``: a RunningAuthority (its client is the port, its keys are trusted) or
    an Authority; ``keys``: what this PC trusts (default: that authority's keys).
    """
    db = as_db(s)
    port: Authority
    if authority is None:
        port = NoAuthority()  # type: ignore[assignment]
    elif hasattr(authority, "client"):
        port = authority.client()
    else:
        port = authority  # type: ignore[assignment]
    if keys is not None:
        trusted = keys
    elif authority is not None and hasattr(authority, "public_keys"):
        trusted = keys_of(authority)
    else:
        trusted = TrustedKeys()
    return AppContext(
        db=db,
        clock=FixedClock(today),
        is_demo=False,
        make_authority=lambda: port,
        make_keys=lambda: trusted,
        make_verifier=_verifier,
        this_pc=lambda: TEST_PC,
    )


@pytest.fixture
def ctx(store: Store) -> AppContext:
    return make_ctx(store)


@pytest.fixture
def demo_ctx(store: Store) -> AppContext:
    c = make_ctx(store)
    setup.init_demo(c.db, TODAY)
    return c
