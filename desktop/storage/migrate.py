"""Bring a store to the newest schema on start, without losing data.

Start-up cost matters (the table must paint fast), so the common case, a store
already at ``HEAD``, is answered with one small query and Alembic is imported
only when there is something to do. ``HEAD`` is checked against the migration
scripts by a test.

Before upgrading a SQLite file that holds data, a consistent copy is written to the
store's backup folder (desktop.storage.backup: never a file copy, see RELIABILITY.md).
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Engine, inspect, text

from desktop.domain.errors import DomainError

if TYPE_CHECKING:
    from alembic.config import Config

log = logging.getLogger(__name__)

from desktop.storage.head import HEAD  # noqa: E402  (re-exported)

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        if not inspect(conn).has_table("alembic_version"):
            return None
        return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()


def _alembic_config() -> Config:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    return cfg


def script_head() -> str:
    from alembic.script import ScriptDirectory

    heads = ScriptDirectory.from_config(_alembic_config()).get_heads()
    if len(heads) != 1:
        raise RuntimeError(f"migrations have {len(heads)} heads: {heads}")
    return heads[0]


def _backup_sqlite(engine: Engine, revision: str) -> Path | None:
    """A consistent copy in the store's backup folder (desktop.storage.backup)."""
    from desktop.storage.backup import backup_before

    db_path = engine.url.database
    if not db_path or db_path == ":memory:":
        return None
    info = backup_before(Path(db_path), "before-migration")
    if info is not None:
        log.info("backed up %s to %s before migrating from %s", db_path, info.path, revision)
    return info.path if info is not None else None


def upgrade(engine: Engine) -> bool:
    """Upgrade to HEAD. Returns True when a migration ran."""
    revision = current_revision(engine)
    if revision == HEAD:
        return False
    from alembic import command
    from alembic.script import ScriptDirectory

    cfg = _alembic_config()
    known = {s.revision for s in ScriptDirectory.from_config(cfg).walk_revisions()}
    if revision is not None and revision not in known:
        # A newer License Desk wrote this store: refuse rather than guess.
        raise DomainError("store_too_new", revision=revision)
    if revision is not None and engine.dialect.name == "sqlite":
        _backup_sqlite(engine, revision)
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "head")
    log.info("store migrated from %s to %s", revision, HEAD)
    return True
