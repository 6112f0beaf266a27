"""orders keep their printed figures: quantity, list price, percent, module lines

Revision ID: 0007_order_figures
Revises: 0006
Create Date: 2026-11-26

An order is printed long after it was made (e-mail text, PDF, XLSX, ``orders --json``);
each printed line must show the figures its amount follows from (quantity × list price
× percent, rounded once). Order lines gain ``quantity``, ``unit_price_minor`` and
``percent_bp`` (hundredths of a percent); an enova365 line's figures are its module
lines, kept in ``order_line_modules`` (deleted with their line). Money in orders is
64-bit from here on: seats × list price × percent can pass PostgreSQL's 32-bit integer
(21 474 836.47), which ``order_lines.amount_minor`` was.

Orders made before this revision keep NULL figures and no module lines: their list
price on the day of the quote cannot be recovered exactly from a rounded amount, so they
print their amounts as before.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007_order_figures"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("order_lines") as batch:
        batch.alter_column(
            "amount_minor", existing_type=sa.Integer(), type_=sa.BigInteger(), nullable=False
        )
        batch.add_column(sa.Column("quantity", sa.Integer(), nullable=True))
        batch.add_column(sa.Column("unit_price_minor", sa.BigInteger(), nullable=True))
        batch.add_column(sa.Column("percent_bp", sa.Integer(), nullable=True))
    op.create_table(
        "order_line_modules",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("order_line_id", sa.Integer(), nullable=False),
        sa.Column("module_sku", sa.String(length=64), nullable=False),
        sa.Column("module_name", sa.String(length=200), nullable=False),
        sa.Column("seats", sa.Integer(), nullable=False),
        sa.Column("unit_price_minor", sa.BigInteger(), nullable=False),
        sa.Column("percent_bp", sa.Integer(), nullable=False),
        sa.Column("amount_minor", sa.BigInteger(), nullable=False),
        sa.Column("deferred", sa.Boolean(), nullable=False),
        sa.Column("restored", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(
            ["order_line_id"],
            ["order_lines.id"],
            name=op.f("fk_order_line_modules_order_line_id_order_lines"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_order_line_modules")),
    )
    with op.batch_alter_table("order_line_modules") as batch:
        batch.create_index(
            batch.f("ix_order_line_modules_order_line_id"), ["order_line_id"], unique=False
        )


def downgrade() -> None:
    op.drop_table("order_line_modules")
    with op.batch_alter_table("order_lines") as batch:
        batch.drop_column("percent_bp")
        batch.drop_column("unit_price_minor")
        batch.drop_column("quantity")
        batch.alter_column(
            "amount_minor", existing_type=sa.BigInteger(), type_=sa.Integer(), nullable=False
        )
