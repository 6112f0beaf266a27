"""Fixtures of the fast service tests: the in-memory store of tests/support/fakes.py."""

from __future__ import annotations

import pytest

from desktop.services import setup
from tests.conftest import TODAY
from tests.support.fakes import FakeDatabase, FakeState


def _demo_state() -> FakeState:
    db = FakeDatabase()
    setup.init_demo(db, TODAY)
    return db.state


_DEMO = _demo_state()


@pytest.fixture
def db() -> FakeDatabase:
    """An empty store."""
    return FakeDatabase()


@pytest.fixture
def demo() -> FakeDatabase:
    """The demo store of TODAY (demo_data.build), nothing committed yet."""
    return FakeDatabase(_DEMO.clone())
