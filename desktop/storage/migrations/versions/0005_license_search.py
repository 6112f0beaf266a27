"""license search and sort keys: case-folded search text (FTS5 trigram on SQLite), sort columns

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-24

SQLite's LIKE folds only ASCII, so "садовой" would not find "Садовой"; and a
LIKE '%...%' scan costs about 200 ms at a million rows (PERFORMANCE.md trap 5).
The app keeps ``licenses.search_text`` case-folded (Python's str.casefold); on
SQLite an external-content FTS5 trigram table indexes it, kept in step by
triggers that use only built-in SQL (an SQLite editor can still edit the table).

Sorting by product, device, store or kind would otherwise sort joined rows in a temp
B-tree (about a second at a million rows); the same keys, copied onto the license row
and indexed, sort by walking an index.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

SORT_COLUMNS = (
    ("sort_product", 200),
    ("sort_kind", 40),
    ("sort_device_code", 80),
    ("sort_device", 200),
    ("sort_store", 200),
)

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("licenses") as batch:
        batch.add_column(sa.Column("search_text", sa.Text(), server_default="", nullable=False))
        for name, length in SORT_COLUMNS:
            batch.add_column(sa.Column(name, sa.String(length=length), nullable=True))
            batch.create_index(f"ix_licenses_{name}", [name], unique=False)
        batch.add_column(sa.Column("sort_free", sa.Integer(), server_default="0", nullable=False))
        batch.create_index("ix_licenses_end_device", ["subscription_end", "device_id"])
        batch.create_index("ix_licenses_free_end", ["sort_free", "subscription_end"])
    bind = op.get_bind()
    # Fill the search text for existing rows (the app refreshes it on every later write).
    from desktop.storage.search_index import refresh_all

    refresh_all(bind)
    if bind.dialect.name == "sqlite":
        op.execute(
            "CREATE VIRTUAL TABLE license_fts USING fts5(search_text, content='licenses', "
            "content_rowid='id', tokenize='trigram case_sensitive 0')"
        )
        op.execute(
            "CREATE TRIGGER license_fts_ai AFTER INSERT ON licenses BEGIN "
            "INSERT INTO license_fts(rowid, search_text) VALUES (new.id, new.search_text); END"
        )
        op.execute(
            "CREATE TRIGGER license_fts_ad AFTER DELETE ON licenses BEGIN "
            "INSERT INTO license_fts(license_fts, rowid, search_text) "
            "VALUES ('delete', old.id, old.search_text); END"
        )
        op.execute(
            "CREATE TRIGGER license_fts_au AFTER UPDATE OF search_text ON licenses BEGIN "
            "INSERT INTO license_fts(license_fts, rowid, search_text) "
            "VALUES ('delete', old.id, old.search_text); "
            "INSERT INTO license_fts(rowid, search_text) VALUES (new.id, new.search_text); END"
        )
        op.execute("INSERT INTO license_fts(license_fts) VALUES ('rebuild')")


def downgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name == "sqlite":
        for trigger in ("license_fts_ai", "license_fts_ad", "license_fts_au"):
            op.execute(f"DROP TRIGGER IF EXISTS {trigger}")
        op.execute("DROP TABLE IF EXISTS license_fts")
    with op.batch_alter_table("licenses") as batch:
        batch.drop_index("ix_licenses_free_end")
        batch.drop_index("ix_licenses_end_device")
        batch.drop_column("sort_free")
        for name, _length in SORT_COLUMNS:
            batch.drop_index(f"ix_licenses_{name}")
            batch.drop_column(name)
        batch.drop_column("search_text")
