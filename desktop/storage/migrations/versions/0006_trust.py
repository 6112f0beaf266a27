"""trust: licenses carry the authority's signed document; the code register leaves the store

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-25

The license authority is a separate server now (desktop/authority). The customer's
store keeps, per license, what the authority signed: its ``serial``, the period's own
``period_start`` (never reconstructed from the end), ``issued_at``, the key id and the
signature. Every store gets its id now (``settings.store_id``), created once with the
database: a signed license names it. The in-app code register (``authority_codes``)
goes: no code is kept in the customer's database in a form that can be redeemed.

Signatures made by the old in-app authority (v1, keys from the user's own folder) are
cleared: the app no longer trusts such keys, and keeping them would brand honest
licenses "invalid"; they become "not verified" until activated again.
"""

from __future__ import annotations

import uuid

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("licenses") as batch:
        batch.add_column(sa.Column("serial", sa.String(length=40), nullable=True))
        batch.add_column(sa.Column("period_start", sa.Date(), nullable=True))
        batch.add_column(sa.Column("issued_at", sa.DateTime(), nullable=True))
        batch.create_index("ix_licenses_serial", ["serial"], unique=True)
    op.execute("UPDATE licenses SET key_id = NULL, signature = NULL")
    op.execute("DELETE FROM settings WHERE key = 'signed_store'")
    bind = op.get_bind()
    exists = bind.execute(sa.text("SELECT 1 FROM settings WHERE key = 'store_id'")).first()
    if exists is None:
        bind.execute(
            sa.text("INSERT INTO settings (key, value) VALUES ('store_id', :v)"),
            {"v": uuid.uuid4().hex},
        )
    op.drop_table("authority_codes")


def downgrade() -> None:
    op.create_table(
        "authority_codes",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=40), nullable=False),
        sa.Column("code_hash", sa.String(length=64), nullable=False),
        sa.Column("sku", sa.String(length=64), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("months", sa.Integer(), nullable=False),
        sa.Column("issued_on", sa.Date(), nullable=False),
        sa.Column("used_at", sa.DateTime(), nullable=True),
        sa.Column("used_device_code", sa.String(length=80), nullable=True),
        sa.Column("license_id", sa.Integer(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_authority_codes")),
        sa.UniqueConstraint("code_hash", name=op.f("uq_authority_codes_code_hash")),
    )
    with op.batch_alter_table("licenses") as batch:
        batch.drop_index("ix_licenses_serial")
        batch.drop_column("issued_at")
        batch.drop_column("period_start")
        batch.drop_column("serial")
