"""Create, fill, export and import a store."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from desktop.domain.errors import DomainError
from desktop.services import dataset as ds
from desktop.services import demo_data
from desktop.services.activation import Authority, sign_demo
from desktop.services.ports import Database
from desktop.services.progress import NO_PROGRESS, Progress


def is_empty(db: Database) -> bool:
    with db.uow() as uow:
        return uow.dataset.is_empty()


def init_demo(db: Database, today: dt.date) -> ds.LoadSummary:
    with db.uow(write=True) as uow:
        if not uow.dataset.is_empty():
            raise DomainError("store_not_empty")
        summary = uow.dataset.load(demo_data.build(today))
        uow.commit()
    return summary


def import_file(db: Database, path: Path, progress: Progress = NO_PROGRESS) -> ds.LoadSummary:
    """Read, check and write a dataset file: all or nothing."""
    data = ds.read_file(path)  # validates everything before a single write
    progress.step(0, len(data.licenses))
    with db.uow(write=True) as uow:
        summary = uow.dataset.load(data)
        progress.step(len(data.licenses), len(data.licenses))
        uow.commit()
    return summary


def export_file(db: Database, path: Path, fmt: str, progress: Progress = NO_PROGRESS) -> int:
    """Write the whole dataset to ``path`` (csv or json); returns the number of licenses."""
    with db.uow() as uow:
        data = uow.dataset.dump()
    progress.step(len(data.licenses), len(data.licenses))
    ds.write_file(data, path, fmt)
    return len(data.licenses)


@dataclass(frozen=True)
class DemoStore:
    summary: ds.LoadSummary | None  # None: the store already held data
    codes: tuple[str, ...]  # unused activation codes to try
    signing_error: DomainError | None  # why the demo licenses are not signed (no keyring)


def ensure_demo(db: Database, authority: Authority, today: dt.date) -> DemoStore:
    """Fill an empty demo store, sign its licenses and leave codes to try activation.

    Signing needs the authority's key (the OS keyring); without one the demo still
    opens, unsigned, and the reason is returned for the front end to say.
    """
    if not is_empty(db):
        return DemoStore(None, (), None)
    summary = init_demo(db, today)
    try:
        codes = sign_demo(db, authority, today)
    except DomainError as err:
        return DemoStore(summary, (), err)
    return DemoStore(summary, tuple(codes), None)
