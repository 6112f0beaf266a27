"""Small read-only lists for pickers (stores, devices, products)."""

from __future__ import annotations

from desktop.services.ports import UnitOfWork


def stores(uow: UnitOfWork) -> list[tuple[int, str]]:
    return uow.catalog.stores()
