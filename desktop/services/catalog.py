"""Small read-only lists for pickers (stores, devices, products)."""

from __future__ import annotations

from desktop.services.ports import Database


def stores(db: Database) -> list[tuple[int, str]]:
    with db.uow() as uow:
        return uow.catalog.stores()
