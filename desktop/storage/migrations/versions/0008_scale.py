"""PostgreSQL: indexes that match every sort of the license table, trigram search

Revision ID: 0008_scale
Revises: 0007_order_figures
Create Date: 2026-11-25

The table orders every column with empty values last in both directions and the id
as tie-breaker (desktop.storage.license_reader): ``c ASC NULLS LAST, id ASC`` and
``c DESC NULLS LAST, id DESC``; a deep page reads the exact reverse. SQLite walks one
index for all four orders. PostgreSQL walks a B-tree forwards or backwards only, so
``(c, id)`` serves ``ASC NULLS LAST`` and its reverse, and ``(c DESC NULLS LAST, id
DESC)`` serves the descending sort and its reverse; without the second one a sort by
end date descending at a million rows sorted the whole table (~800 ms).

``LIKE '%text%'`` on PostgreSQL scans every row (~1.7 s at a million); a ``pg_trgm``
GIN index answers it from the index. ``CREATE EXTENSION`` needs rights a store's
owner may lack: then this migration logs why, skips the trigram index and the search
stays a plain (slower) LIKE, with the same results.

Nothing changes on SQLite. The indexes are PostgreSQL-only and named ``ix_pg_*``;
like the FTS5 table of 0005 they live in migrations, not in the model.
"""

from __future__ import annotations

import logging

from alembic import op

revision = "0008_scale"
down_revision = "0007_order_figures"
branch_labels = None
depends_on = None

log = logging.getLogger("desktop.storage.migrations")

#: Columns the table sorts by, each with the id as tie-breaker.
SORTED = (
    "sort_product",
    "sort_kind",
    "sort_device_code",
    "sort_device",
    "sort_store",
    "activated_on",
    "subscription_end",
)
#: (c, id) exists already for these (ix_licenses_end_id, ix_licenses_activated_id).
HAS_ASC = {"activated_on", "subscription_end"}
TRGM_INDEX = "ix_pg_licenses_search_trgm"


def _indexes() -> list[tuple[str, str]]:
    out = []
    for c in SORTED:
        if c not in HAS_ASC:
            out.append((f"ix_pg_licenses_{c}_asc", f"licenses ({c}, id)"))
        out.append((f"ix_pg_licenses_{c}_desc", f"licenses ({c} DESC NULLS LAST, id DESC)"))
    # Status: free licenses last, then by end date (no NULLS clause: an exact reverse).
    out.append(("ix_pg_licenses_free_end_id", "licenses (sort_free, subscription_end, id)"))
    return out


def upgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name != "postgresql":
        return
    for name, target in _indexes():
        op.execute(f"CREATE INDEX IF NOT EXISTS {name} ON {target}")
    if _trigram_extension(bind):
        op.execute(
            f"CREATE INDEX IF NOT EXISTS {TRGM_INDEX} ON licenses "
            "USING gin (search_text gin_trgm_ops)"
        )
    op.execute("ANALYZE licenses")


def _trigram_extension(bind) -> bool:  # type: ignore[no-untyped-def]
    """pg_trgm, created if this role may; False (logged) when it may not."""
    from sqlalchemy import text

    if bind.execute(text("SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm'")).first():
        return True
    savepoint = bind.begin_nested()
    try:
        bind.execute(text("CREATE EXTENSION IF NOT EXISTS pg_trgm"))
    except Exception as exc:  # insufficient privilege, extension not installed, ...
        savepoint.rollback()
        reason = str(getattr(exc, "orig", exc)).strip().splitlines()[0]
        log.warning(
            "pg_trgm is not available (%s): license search stays a plain LIKE scan; "
            "a superuser can run CREATE EXTENSION pg_trgm and then "
            "CREATE INDEX %s ON licenses USING gin (search_text gin_trgm_ops)",
            reason,
            TRGM_INDEX,
        )
        return False
    savepoint.commit()
    return True


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute(f"DROP INDEX IF EXISTS {TRGM_INDEX}")
    for name, _target in _indexes():
        op.execute(f"DROP INDEX IF EXISTS {name}")
