"""Create, fill, export and import a store."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from desktop.domain.errors import DomainError
from desktop.services import dataset as ds
from desktop.services import demo_data
from desktop.services.ports import UnitOfWorkFactory


def is_empty(uow_factory: UnitOfWorkFactory) -> bool:
    with uow_factory() as uow:
        return uow.dataset.is_empty()


def init_demo(uow_factory: UnitOfWorkFactory, today: dt.date) -> ds.LoadSummary:
    with uow_factory(write=True) as uow:
        if not uow.dataset.is_empty():
            raise DomainError("store_not_empty")
        summary = uow.dataset.load(demo_data.build(today))
        uow.commit()
    return summary


def import_file(uow_factory: UnitOfWorkFactory, path: Path) -> ds.LoadSummary:
    data = ds.read_file(path)  # validates everything before a single write
    with uow_factory(write=True) as uow:
        summary = uow.dataset.load(data)
        uow.commit()
    return summary


def export_file(uow_factory: UnitOfWorkFactory, path: Path, fmt: str) -> int:
    with uow_factory() as uow:
        data = uow.dataset.dump()
    ds.write_file(data, path, fmt)
    return len(data.licenses)
