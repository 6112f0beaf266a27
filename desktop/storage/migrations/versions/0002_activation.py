"""activation: the authority's code register, activations (code hashes), wrong attempts

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-24
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
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
    op.create_table(
        "activations",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("code_hash", sa.String(length=64), nullable=False),
        sa.Column("license_id", sa.Integer(), nullable=False),
        sa.Column("device_code", sa.String(length=80), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("activated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["license_id"], ["licenses.id"], name=op.f("fk_activations_license_id_licenses")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_activations")),
        sa.UniqueConstraint("code_hash", name=op.f("uq_activations_code_hash")),
    )
    with op.batch_alter_table("activations") as batch:
        batch.create_index(batch.f("ix_activations_license_id"), ["license_id"], unique=False)
    op.create_table(
        "activation_attempts",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_activation_attempts")),
    )
    with op.batch_alter_table("activation_attempts") as batch:
        batch.create_index(batch.f("ix_activation_attempts_at"), ["at"], unique=False)


def downgrade() -> None:
    op.drop_table("activation_attempts")
    op.drop_table("activations")
    op.drop_table("authority_codes")
