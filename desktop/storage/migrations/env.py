"""Alembic environment: runs on the connection handed over by desktop.storage.migrate."""

from __future__ import annotations

from alembic import context

from desktop.storage.all_models import Base
from desktop.storage.db import create_store_engine

config = context.config
target_metadata = Base.metadata


def _run(connection) -> None:  # type: ignore[no-untyped-def]
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=True,  # SQLite needs move-and-copy for most ALTERs
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


connection = config.attributes.get("connection")
if connection is not None:
    _run(connection)
else:  # developer use: alembic -x db=...
    db = context.get_x_argument(as_dictionary=True).get("db", "licdesk-dev.db")
    engine = create_store_engine(db)
    with engine.connect() as conn:
        _run(conn)
